/* kefuctl-bench.c: `kefuctl bench intake`, the speed of what a clerk waits for at the hotline,
 * measured on a real database (typically one filled by `kefuctl generate`).
 *
 * Each operation runs once untimed (to fill the caches, as a workstation that has been running
 * for a while has them) and then --rounds times; the table gives the median and the 90th
 * percentile (nearest rank) against the targets of the intake pane: a caller found in under
 * 20 ms, a call saved in under 10 ms, the customers list opened in under 300 ms. The callers
 * looked up and the calls saved are those of customers picked at random (a fixed seed), through
 * the same store functions the application calls.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/kefu-store-calls-bulk.h"
#include "kefuctl-bench-private.h"
#include "kefuctl-calls.h"
#include "kefuctl-private.h"
#include "kefuctl-random.h"

#define BENCH_SEED      G_GUINT64_CONSTANT (4711)
/* As the intake pane: at most this many callers listed, the first page of the list. */
#define LOOKUP_LIMIT    20
#define LIST_PAGE       200
#define MAX_ROUNDS      10000

static gint64 opt_rounds = 30;
static gboolean opt_late_check;
static char *opt_from;
static char *opt_to;
/* What to measure: "intake" or "complaints". */
static const char *bench_what;

static const GOptionEntry bench_entries[] = {
  { "rounds", 'r', 0, G_OPTION_ARG_INT64, &opt_rounds,
    N_("Measure each operation N times (default 30)"), N_("N") },
  { "late-check", 0, 0, G_OPTION_ARG_NONE, &opt_late_check,
    N_("complaints: also measure the deadline check when many complaints are late, by "
       "checking as if days had passed (this escalates the open complaints for good)"),
    NULL },
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from,
    N_("dashboard: the period's first day (default: the last full month of the data)"),
    N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to,
    N_("dashboard: the period's last day"), N_("YYYY-MM-DD") },
  { NULL }
};

typedef struct
{
  KefuStore            *store;
  KefuctlRandom         random;
  KefuctlCatalog        catalog;
  KefuCustomerContacts *samples;   /* customers picked at random */
  gint64                clerk;
  guint                 next;      /* the next sample */
} Bench;


static const KefuCustomerContact *
next_sample (Bench *bench)
{
  guint n = kefu_customer_contacts_get_len (bench->samples);

  return kefu_customer_contacts_get (bench->samples, bench->next++ % n);
}

/* The operations */

static gboolean
lookup (Bench       *bench,
        const char  *query,
        GError     **error)
{
  g_autoptr(GListModel) found = kefu_store_search_customers (bench->store, query, LOOKUP_LIMIT,
                                                             NULL, error);

  return found != NULL;
}

static gboolean
lookup_phone_suffix (gpointer  data,
                     GError  **error)
{
  Bench *bench = data;
  const char *phone = next_sample (bench)->phone;
  gsize len = strlen (phone);

  /* The last four digits, as a clerk types what the caller reads out. */
  return lookup (bench, phone + (len > 4 ? len - 4 : 0), error);
}

static gboolean
lookup_name (gpointer  data,
             GError  **error)
{
  Bench *bench = data;
  const char *name = next_sample (bench)->name;
  glong n_chars = g_utf8_strlen (name, -1);
  glong start = n_chars > 2 ? kefuctl_random_below (&bench->random, (guint32) (n_chars - 1)) : 0;
  const char *from = g_utf8_offset_to_pointer (name, start);
  const char *to = g_utf8_offset_to_pointer (from, MIN (2, n_chars - start));
  g_autofree char *fragment = g_strndup (from, to - from);

  /* Two characters of a name: a given name (建国), or a surname and the next (王建). */
  return lookup (bench, fragment, error);
}

static gboolean
save_call (Bench        *bench,
           KefuCallKind  kind,
           GError      **error)
{
  const KefuCustomerContact *customer = next_sample (bench);
  g_autoptr(KefuCall) call = kefu_call_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDate) today = g_date_new ();
  const char *address = customer->address != NULL ? customer->address : "北京市朝阳区建国路88号";
  const char *district = customer->district != NULL ? customer->district : "朝阳区";

  g_date_set_time_t (today, time (NULL));
  kefu_call_set_customer_id (call, customer->id);
  kefu_call_set_caller_name (call, customer->name);
  kefu_call_set_address (call, address);
  kefu_call_set_phone (call, customer->phone);
  kefu_call_set_clerk_id (call, bench->clerk);
  kefu_call_set_received_at (call, now);
  if (kind == KEFU_CALL_KIND_ORDER)
    kefuctl_calls_make_order (&bench->random, &bench->catalog, call,
                              customer->channel != KEFU_CHANNEL_UNSPECIFIED ?
                              customer->channel : KEFU_CHANNEL_HOME_DELIVERY,
                              address, district);
  else
    kefuctl_calls_make_complaint (&bench->random, &bench->catalog, call,
                                  bench->next % 2 == 0 ? KEFUCTL_COMPLAINT_PRODUCT
                                                       : KEFUCTL_COMPLAINT_SERVICE,
                                  today, district);
  return kefu_store_save_call (bench->store, call, NULL, error);
}

static gboolean
save_complaint (gpointer  data,
                GError  **error)
{
  Bench *bench = data;
  return save_call (bench, KEFU_CALL_KIND_COMPLAINT, error);
}

static gboolean
save_order (gpointer  data,
            GError  **error)
{
  Bench *bench = data;
  return save_call (bench, KEFU_CALL_KIND_ORDER, error);
}

static gboolean
open_list (gpointer  data,
           GError  **error)
{
  Bench *bench = data;
  KefuCustomerFilter everyone = { NULL, 0, FALSE, FALSE };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) first = NULL;

  /* What the customers pane does when it opens: every id in name order, then the first page. */
  ids = kefu_store_list_customer_ids (bench->store, &everyone, KEFU_CUSTOMER_SORT_NAME, FALSE,
                                      NULL, error);
  if (ids == NULL)
    return FALSE;
  first = kefu_store_get_customers (bench->store, (const gint64 *) (gpointer) ids->data,
                                    MIN (ids->len, LIST_PAGE), NULL, error);
  return first != NULL;
}

static const KefuctlBenchOperation operations[] = {
  { N_("Caller lookup by the last 4 digits"), 20, lookup_phone_suffix },
  { N_("Caller lookup by 2 characters of a name"), 20, lookup_name },
  { N_("Saving a complaint call"), 10, save_complaint },
  { N_("Saving an order call"), 10, save_order },
  { N_("Opening the customers list (sorted by name)"), 300, open_list },
};

/* Setting up */

static gboolean
pick_samples (Bench   *bench,
              gint64   n_customers,
              guint    n_samples,
              GError **error)
{
  /* A customer after a random position in the id range; generated and demo ids are dense. */
  for (guint i = 0;
       i < n_samples * 2 && kefu_customer_contacts_get_len (bench->samples) < n_samples; i++)
    {
      guint32 range = (guint32) MIN (n_customers, G_MAXUINT32);
      gint64 after = kefuctl_random_below (&bench->random, range);
      guint n_read = 0;

      if (!kefu_store_read_customer_contacts (bench->store, bench->samples, after, 1, &n_read,
                                              NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
find_clerk (Bench   *bench,
            GError **error)
{
  g_autoptr(GListModel) staff = kefu_store_list_staff (bench->store, TRUE, NULL, error);

  if (staff == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (staff) && bench->clerk == 0; i++)
    {
      g_autoptr(KefuStaff) member = g_list_model_get_item (staff, i);

      if (kefu_staff_get_role (member) == KEFU_ROLE_CLERK)
        bench->clerk = kefu_record_get_id (KEFU_RECORD (member));
    }
  if (bench->clerk == 0)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("There is no active clerk in %s to save the calls as. Add staff first, for "
                     "example with “kefuctl demo”."),
                   kefu_store_get_description (bench->store));
      return FALSE;
    }
  return TRUE;
}

/* Results */

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (const double *sorted,
        guint         n)
{
  return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/* The nearest-rank 90th percentile: the smallest value at least 90% of the rounds reach. */
static double
percentile_90 (const double *sorted,
               guint         n)
{
  guint rank = (n * 9 + 9) / 10;

  return sorted[MAX (rank, 1) - 1];
}

/* Columns on a terminal: Chinese characters take two. */
static guint
display_width (const char *text)
{
  guint columns = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return columns;
}

/* Appends `text` and pads it to `width` columns. */
static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  guint columns = display_width (text);

  g_string_append (out, text);
  for (; columns < width; columns++)
    g_string_append_c (out, ' ');
  g_string_append (out, "  ");
}

static void
append_ms (GString *out,
           double   ms,
           guint    width)
{
  g_autofree char *text = g_strdup_printf ("%.1f", ms);

  /* Numbers right-aligned. */
  for (guint len = (guint) strlen (text); len < width; len++)
    g_string_append_c (out, ' ');
  g_string_append (out, text);
  g_string_append (out, "  ");
}

gboolean
kefuctl_bench_measure (const KefuctlBenchOperation *ops,
                       guint                        n_ops,
                       gpointer                     data,
                       guint                        rounds,
                       GError                     **error)
{
  g_autoptr(GString) table = g_string_new (NULL);
  g_autofree double *times = g_new0 (double, rounds);
  guint label_width, over = 0, n_targets = 0;
  gboolean ok = TRUE;

  label_width = display_width (_("Operation"));
  for (guint i = 0; i < n_ops; i++)
    label_width = MAX (label_width, display_width (_(ops[i].what)));
  append_padded (table, _("Operation"), label_width);
  append_padded (table, _("First (ms)"), 10);
  append_padded (table, _("Median (ms)"), 11);
  append_padded (table, _("90th pct. (ms)"), 14);
  append_padded (table, _("Target (ms)"), 11);
  g_string_append (table, "\n");

  for (guint i = 0; i < n_ops && ok; i++)
    {
      const KefuctlBenchOperation *operation = &ops[i];
      guint n = operation->rounds > 0 ? MIN (operation->rounds, rounds) : rounds;
      double first, p50, p90;
      gint64 start;

      /* The first run fills the caches; it is shown apart. */
      start = g_get_monotonic_time ();
      ok = operation->run (data, error);
      first = (g_get_monotonic_time () - start) / 1000.0;

      for (guint r = 0; r < n && ok; r++)
        {
          start = g_get_monotonic_time ();
          ok = operation->run (data, error);
          times[r] = (g_get_monotonic_time () - start) / 1000.0;
        }
      if (!ok)
        break;

      qsort (times, n, sizeof (double), compare_doubles);
      p50 = median (times, n);
      p90 = percentile_90 (times, n);
      append_padded (table, _(operation->what), label_width);
      append_ms (table, first, 10);
      append_ms (table, p50, 11);
      append_ms (table, p90, 14);
      if (operation->target_ms <= 0)
        {
          append_padded (table, "", 11);
          g_string_append (table, "\n");
          continue;
        }
      append_ms (table, operation->target_ms, 11);
      n_targets++;
      if (p90 <= operation->target_ms)
        g_string_append (table, _("ok"));
      else
        {
          g_string_append (table, _("over the target"));
          over++;
        }
      g_string_append (table, "\n");
    }
  if (!ok)
    return FALSE;

  g_print ("%s\n", table->str);
  if (n_targets == 0)
    return TRUE;
  if (over == 0)
    g_print (_("Every operation is within its target at the 90th percentile.\n"));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u operation is over its target at the 90th percentile.\n",
                          "%u operations are over their targets at the 90th percentile.\n", over),
             over);
  return TRUE;
}

static gboolean
bench_intake (KefuStore  *store,
              guint       rounds,
              GError    **error)
{
  Bench bench = { .store = store };
  gint64 n_customers;
  gboolean ok;

  kefuctl_random_init (&bench.random, BENCH_SEED);
  n_customers = kefu_store_count_customers (store, NULL, error);
  if (n_customers < 0)
    return FALSE;
  if (n_customers == 0)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("There are no customers in %s to look up. Fill the database first, for "
                     "example with “kefuctl generate --customers 1000000 --calls 3000000”."),
                   kefu_store_get_description (store));
      return FALSE;
    }

  bench.samples = kefu_customer_contacts_new ();
  ok = find_clerk (&bench, error) &&
       kefuctl_catalog_load (&bench.catalog, store, error) &&
       pick_samples (&bench, n_customers, MIN (rounds + 1, 1000u), error);
  if (ok && kefu_customer_contacts_get_len (bench.samples) == 0)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("No customers could be read from %s."), kefu_store_get_description (store));
      ok = FALSE;
    }
  /* The calls are saved as a clerk at work, as the intake pane saves them. */
  if (ok)
    {
      g_autofree char *customers = g_strdup_printf ("%" G_GINT64_FORMAT, n_customers);

      kefu_store_set_actor (store, bench.clerk);
      g_print (_("Intake benchmark on %s: %s customers, %u rounds of each operation.\n\n"),
               kefu_store_get_description (store), customers, rounds);
      ok = kefuctl_bench_measure (operations, G_N_ELEMENTS (operations), &bench, rounds, error);
    }

  kefu_store_set_system_actor (store);
  kefuctl_catalog_clear (&bench.catalog);
  kefu_customer_contacts_free (bench.samples);
  return ok;
}

/* A day typed as YYYY-MM-DD; FALSE with a usage error naming `option`. */
static gboolean
parse_day (const char  *text,
           const char  *option,
           GDate       *day,
           GError     **error)
{
  int y, m, d;
  char end;

  g_date_clear (day, 1);
  if (text == NULL || sscanf (text, "%d-%d-%d%c", &y, &m, &d, &end) != 3 ||
      !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                   _("%s takes a day as YYYY-MM-DD, not “%s”."), option,
                   text != NULL ? text : "");
      return FALSE;
    }
  g_date_set_dmy (day, d, m, y);
  return TRUE;
}

static gboolean
bench_dashboard (KefuStore  *store,
                 GError    **error)
{
  GDate from, to;

  if (opt_from == NULL && opt_to == NULL)
    return kefuctl_bench_dashboard (store, (guint) opt_rounds, NULL, NULL, error);
  if (!parse_day (opt_from, "--from", &from, error) || !parse_day (opt_to, "--to", &to, error))
    return FALSE;
  if (g_date_compare (&from, &to) > 0)
    {
      g_set_error_literal (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                           _("--from must not be after --to."));
      return FALSE;
    }
  return kefuctl_bench_dashboard (store, (guint) opt_rounds, &from, &to, error);
}

static gboolean
bench_run (KefuStore  *store,
           GError    **error)
{
  if (g_strcmp0 (bench_what, "dashboard") == 0)
    return bench_dashboard (store, error);
  if (g_strcmp0 (bench_what, "complaints") == 0)
    return kefuctl_bench_complaints (store, (guint) opt_rounds, opt_late_check, error);
  if (g_strcmp0 (bench_what, "aftersales") == 0)
    return kefuctl_bench_aftersales (store, (guint) opt_rounds, error);
  if (g_strcmp0 (bench_what, "callbacks") == 0)
    return kefuctl_bench_callbacks (store, (guint) opt_rounds, error);
  return bench_intake (store, (guint) opt_rounds, error);
}

static gboolean
bench_take_arguments (int      argc,
                      char   **argv,
                      GError **error)
{
  if (argc < 1 || (!g_str_equal (argv[0], "intake") && !g_str_equal (argv[0], "complaints") &&
                    !g_str_equal (argv[0], "aftersales") && !g_str_equal (argv[0], "callbacks") &&
                    !g_str_equal (argv[0], "dashboard")))
    {
      g_set_error_literal (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                           _("Say what to measure: “kefuctl bench intake”, “kefuctl bench "
                             "complaints”, “kefuctl bench aftersales”, “kefuctl bench "
                             "callbacks” or “kefuctl bench dashboard”."));
      return FALSE;
    }
  if (argc > 1)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                   _("Unexpected argument “%s” after “%s”."), argv[1], argv[0]);
      return FALSE;
    }
  bench_what = g_str_equal (argv[0], "complaints") ? "complaints" :
               g_str_equal (argv[0], "aftersales") ? "aftersales" :
               g_str_equal (argv[0], "callbacks") ? "callbacks" :
               g_str_equal (argv[0], "dashboard") ? "dashboard" : "intake";
  return TRUE;
}

static gboolean
bench_validate (GError **error)
{
  if (opt_rounds < 1 || opt_rounds > MAX_ROUNDS)
    {
      g_autofree char *given = g_strdup_printf ("%" G_GINT64_FORMAT, opt_rounds);

      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                   _("--rounds takes a number from 1 to %u, not %s."), MAX_ROUNDS, given);
      return FALSE;
    }
  return TRUE;
}

const KefuctlCommand kefuctl_bench_command = {
  .name = "bench",
  .summary = N_("Measure how fast the intake pane’s, the complaint board’s, the after-sales "
                "pane’s and the callback calendar’s work is on a database"),
  .description = N_("“kefuctl bench intake” measures, on the database as it is (for example one "
                    "made with “kefuctl generate --customers 1000000 --calls 3000000”), looking a "
                    "caller up by the last four digits of a phone number and by two characters "
                    "of a name, saving a complaint call and an order call, and opening the "
                    "customers list sorted by name. It prints the median and the 90th percentile "
                    "of each against the pane's targets. The calls it saves are real calls of "
                    "customers picked at random, taken by the first active clerk, and stay in "
                    "the database.\n"
                    "“kefuctl bench complaints” measures, on a database made for example with "
                    "“kefuctl generate --customers 100000 --complaints 500000”, opening the "
                    "complaint board without and with filters, the list view's ids over every "
                    "complaint in each sort order, a page of 50 cards, a text search and the "
                    "deadline check when nothing is late; with --late-check also the check when "
                    "many are late.\n"
                    "“kefuctl bench aftersales” measures, on a database made for example with "
                    "“kefuctl generate --customers 100000 --shipments 200000 --jobs 200000”, "
                    "the shipment and service-job lists as the after-sales pane reads them (the "
                    "head of the ids and the first page of rows) in each sort order, open only, "
                    "overdue only and with a text search, the technicians’ calendar over two "
                    "weeks and the sidebar’s counts.\n"
                    "“kefuctl bench callbacks” measures, on a database made for example with "
                    "“kefuctl generate --customers 100000 --callbacks 1000000”, the callback "
                    "calendar's month view (the team's and one clerk's counts), today's agenda, "
                    "the overdue banner, Call Next, one callback read whole and the sidebar's "
                    "count.\n"
                    "“kefuctl bench dashboard” measures the managers' dashboard of a period "
                    "(--from and --to, by default the last full month of the data) as a whole, "
                    "each of its sections alone and for the busiest team, and prints the median "
                    "and the worst of the rounds against its target of 500 ms."),
  .entries = bench_entries,
  .must_exist = TRUE,
  .validate = bench_validate,
  /* Translators: "intake", "complaints", "aftersales", "callbacks" and "dashboard" are typed
   * as they are; only the usage line shows them. */
  .parameters = N_("intake|complaints|aftersales|callbacks|dashboard"),
  .take_arguments = bench_take_arguments,
  .run = bench_run,
};
