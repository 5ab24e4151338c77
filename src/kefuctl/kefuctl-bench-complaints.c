/* kefuctl-bench-complaints.c: `kefuctl bench complaints`, the speed of the complaint board on a
 * real database (typically one filled by `kefuctl generate --complaints 500000`, which leaves
 * about 5,000 complaints open among the closed ones).
 *
 * The same store calls as the board pane and its list view: the board (every open complaint and
 * those closed in the last week, as the pane asks) without a filter and with the filters a
 * manager uses; every complaint's id in each sort order of the list view; a page of 50 cards as
 * the list view reads them while scrolling; a text search over reference, customer, batch and
 * reason; and the deadline check every workstation runs on open and periodically, when nothing
 * is late (the usual case) and, with --late-check, when the open complaints are late (checked as
 * if one, two, three … days had passed, which escalates them in the database).
 *
 * Targets: the board opens in under 200 ms (the figure, SQLite and PostgreSQL); the list
 * view's ids and a text search under 300 ms (as the customers list), a page of cards in under a
 * 50 ms, the periodic check in under 100 ms.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "store/kefu-store-complaints.h"
#include "kefuctl-bench-private.h"
#include "kefuctl-private.h"
#include "kefuctl-random.h"

#define BENCH_SEED   G_GUINT64_CONSTANT (4712)
/* As the board pane: the closed complaints of the last week stay in their column. */
#define CLOSED_DAYS  7
#define PAGE         50
/* Words searched for, in turn: drawn from the complaints themselves when there are. */
#define N_WORDS      16

typedef struct
{
  KefuStore           *store;
  KefuctlRandom        random;
  GArray              *ids;         /* every complaint, newest first */
  gint64               clerk;       /* the owner of the most complaints among a sample */
  gint64               department;  /* a routed department */
  GPtrArray           *words;       /* char *: searched for in turn */
  guint                next_word;
  KefuComplaintSort    sort;
  guint                late_days;   /* the late check's `now` is this many days ahead */
  guint                n_escalated;
} BenchComplaints;

/* The operations */

static gboolean
board (BenchComplaints     *bench,
       KefuComplaintFilter *filter,
       GError             **error)
{
  g_autoptr(GListModel) cards = kefu_store_list_board_complaints (bench->store, filter,
                                                                  CLOSED_DAYS, NULL, error);

  return cards != NULL;
}

static gboolean
board_all (gpointer   data,
           GError   **error)
{
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();

  return board (data, filter, error);
}

static gboolean
board_mine (gpointer   data,
            GError   **error)
{
  BenchComplaints *bench = data;
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();

  filter->scope = KEFU_COMPLAINT_SCOPE_MINE;
  filter->staff_id = bench->clerk;
  return board (bench, filter, error);
}

static gboolean
board_product_department (gpointer   data,
                          GError   **error)
{
  BenchComplaints *bench = data;
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();

  filter->category = KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY;
  filter->department_id = bench->department;
  return board (bench, filter, error);
}

static gboolean
board_overdue (gpointer   data,
               GError   **error)
{
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();

  filter->overdue_only = TRUE;
  return board (data, filter, error);
}

static gboolean
board_urgent (gpointer   data,
              GError   **error)
{
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();

  filter->urgent_only = TRUE;
  return board (data, filter, error);
}

static gboolean
board_text (gpointer   data,
            GError   **error)
{
  BenchComplaints *bench = data;
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();

  filter->text = g_strdup (g_ptr_array_index (bench->words,
                                              bench->next_word++ % bench->words->len));
  return board (bench, filter, error);
}

static gboolean
list_ids (gpointer   data,
          GError   **error)
{
  BenchComplaints *bench = data;
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
  g_autoptr(GArray) ids = NULL;

  /* Each sort order in turn, ascending and descending. */
  ids = kefu_store_list_complaint_ids (bench->store, filter, bench->sort, bench->next_word++ % 2,
                                       NULL, error);
  return ids != NULL;
}

static gboolean
list_text (gpointer   data,
           GError   **error)
{
  BenchComplaints *bench = data;
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
  g_autoptr(GArray) ids = NULL;

  filter->text = g_strdup (g_ptr_array_index (bench->words,
                                              bench->next_word++ % bench->words->len));
  ids = kefu_store_list_complaint_ids (bench->store, filter, KEFU_COMPLAINT_SORT_RECEIVED, TRUE,
                                       NULL, error);
  return ids != NULL;
}

static gboolean
page_of_cards (gpointer   data,
               GError   **error)
{
  BenchComplaints *bench = data;
  guint start = bench->ids->len > PAGE ?
                kefuctl_random_below (&bench->random, bench->ids->len - PAGE) : 0;
  g_autoptr(GPtrArray) cards = NULL;

  cards = kefu_store_get_complaint_cards (bench->store,
                                          &g_array_index (bench->ids, gint64, start),
                                          MIN (PAGE, bench->ids->len), NULL, error);
  return cards != NULL;
}

static gboolean
check_nothing_late (gpointer   data,
                    GError   **error)
{
  BenchComplaints *bench = data;
  guint n = 0;

  /* What was late was escalated by the untimed first run; from then on nothing is. */
  return kefu_store_check_complaint_deadlines (bench->store, NULL, &n, NULL, error);
}

static gboolean
check_many_late (gpointer   data,
                 GError   **error)
{
  BenchComplaints *bench = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, (int) bench->late_days);
  guint n = 0;

  /* A day further each time: every open complaint with a deadline is late by then, and each
   * run finds some of them a level further behind than the run before. */
  bench->late_days++;
  if (!kefu_store_check_complaint_deadlines (bench->store, later, &n, NULL, error))
    return FALSE;
  bench->n_escalated += n;
  return TRUE;
}

/* One row per sort order of the list view. */
static gboolean
list_sorted_received (gpointer   data,
                      GError   **error)
{
  ((BenchComplaints *) data)->sort = KEFU_COMPLAINT_SORT_RECEIVED;
  return list_ids (data, error);
}

static gboolean
list_sorted_due (gpointer   data,
                 GError   **error)
{
  ((BenchComplaints *) data)->sort = KEFU_COMPLAINT_SORT_DUE;
  return list_ids (data, error);
}

static gboolean
list_sorted_reference (gpointer   data,
                       GError   **error)
{
  ((BenchComplaints *) data)->sort = KEFU_COMPLAINT_SORT_REFERENCE;
  return list_ids (data, error);
}

static gboolean
list_sorted_customer (gpointer   data,
                      GError   **error)
{
  ((BenchComplaints *) data)->sort = KEFU_COMPLAINT_SORT_CUSTOMER;
  return list_ids (data, error);
}

static gboolean
list_sorted_stage (gpointer   data,
                   GError   **error)
{
  ((BenchComplaints *) data)->sort = KEFU_COMPLAINT_SORT_STAGE;
  return list_ids (data, error);
}

static gboolean
list_sorted_owner (gpointer   data,
                   GError   **error)
{
  ((BenchComplaints *) data)->sort = KEFU_COMPLAINT_SORT_OWNER;
  return list_ids (data, error);
}

static const KefuctlBenchOperation operations[] = {
  { N_("Opening the board"), 200, board_all, 0 },
  { N_("Board: my complaints"), 200, board_mine, 0 },
  { N_("Board: product quality, one department"), 200, board_product_department, 0 },
  { N_("Board: overdue only"), 200, board_overdue, 0 },
  { N_("Board: urgent only"), 200, board_urgent, 0 },
  { N_("Board: text search"), 200, board_text, 0 },
  { N_("List view: every id by time received"), 300, list_sorted_received, 0 },
  { N_("List view: every id by deadline"), 300, list_sorted_due, 0 },
  { N_("List view: every id by reference"), 300, list_sorted_reference, 0 },
  { N_("List view: every id by customer"), 300, list_sorted_customer, 0 },
  { N_("List view: every id by stage"), 300, list_sorted_stage, 0 },
  { N_("List view: every id by owner"), 300, list_sorted_owner, 0 },
  { N_("List view: text search"), 300, list_text, 0 },
  { N_("List view: a page of 50 cards"), 50, page_of_cards, 0 },
  { N_("Deadline check, nothing late"), 100, check_nothing_late, 0 },
};

/* Only with --late-check: it escalates for good, so it runs last and a few times. */
static const KefuctlBenchOperation late_operation = {
  N_("Deadline check, many late"), 0, check_many_late, 5
};

/* Setting up */

/* The words a clerk types into the search: a customer's surname and given name's first
 * character, a reference, a batch number, two characters of a reason, from a sample of the
 * complaints. */
static gboolean
pick_words (BenchComplaints  *bench,
            GError          **error)
{
  g_autoptr(GArray) sample = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint best = 0;

  for (guint i = 0; i < N_WORDS * 4 && bench->ids->len > 0; i++)
    {
      gint64 id = g_array_index (bench->ids, gint64,
                                 kefuctl_random_below (&bench->random, bench->ids->len));

      g_array_append_val (sample, id);
    }
  cards = kefu_store_get_complaint_cards (bench->store, (const gint64 *) (gpointer) sample->data,
                                          sample->len, NULL, error);
  if (cards == NULL)
    return FALSE;

  for (guint i = 0; i < cards->len && bench->words->len < N_WORDS; i++)
    {
      KefuComplaintCard *card = g_ptr_array_index (cards, i);
      const char *name = kefu_complaint_card_get_customer_name (card);
      const char *batch = kefu_complaint_card_get_batch_number (card);
      const char *reason = kefu_complaint_card_get_reason (card);
      gint64 owner = kefu_complaint_card_get_owner_id (card);
      GArray *departments = kefu_complaint_card_get_department_ids (card);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (owners, &owner)) + 1;

      g_hash_table_insert (owners, g_memdup2 (&owner, sizeof owner), GUINT_TO_POINTER (n));
      if (n > best)
        {
          best = n;
          bench->clerk = owner;
        }
      if (bench->department == 0 && departments != NULL && departments->len > 0 &&
          kefu_complaint_card_get_category (card) == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY)
        bench->department = g_array_index (departments, gint64, 0);

      switch (i % 4)
        {
        case 0:
          if (name != NULL && g_utf8_strlen (name, -1) >= 2)
            g_ptr_array_add (bench->words, g_utf8_substring (name, 0, 2));
          break;
        case 1:
          g_ptr_array_add (bench->words, g_strdup (kefu_complaint_card_get_reference (card)));
          break;
        case 2:
          if (batch != NULL && batch[0] != '\0')
            g_ptr_array_add (bench->words, g_strdup (batch));
          break;
        default:
          if (reason != NULL && g_utf8_strlen (reason, -1) >= 4)
            g_ptr_array_add (bench->words, g_utf8_substring (reason, 2, 4));
          break;
        }
    }
  if (bench->words->len == 0)
    g_ptr_array_add (bench->words, g_strdup ("牛奶"));
  return TRUE;
}

gboolean
kefuctl_bench_complaints (KefuStore  *store,
                          guint       rounds,
                          gboolean    late_check,
                          GError    **error)
{
  BenchComplaints bench = { .store = store, .late_days = 1 };
  g_autoptr(KefuComplaintFilter) everything = kefu_complaint_filter_new ();
  gint64 n_open = 0, n_urgent = 0, n_overdue = 0;
  gboolean ok;

  kefuctl_random_init (&bench.random, BENCH_SEED);
  bench.ids = kefu_store_list_complaint_ids (store, everything, KEFU_COMPLAINT_SORT_RECEIVED,
                                             TRUE, NULL, error);
  if (bench.ids == NULL)
    return FALSE;
  if (bench.ids->len == 0)
    {
      g_array_unref (bench.ids);
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("There are no complaints in %s to show. Fill the database first, for "
                     "example with “kefuctl generate --customers 100000 --complaints 500000”."),
                   kefu_store_get_description (store));
      return FALSE;
    }
  bench.words = g_ptr_array_new_with_free_func (g_free);
  ok = pick_words (&bench, error) &&
       kefu_store_count_open_complaints (store, &n_open, &n_urgent, &n_overdue, NULL, error);

  if (ok)
    {
      g_autofree char *all = g_strdup_printf ("%u", bench.ids->len);
      g_autofree char *open = g_strdup_printf ("%" G_GINT64_FORMAT, n_open);
      g_autofree char *overdue = g_strdup_printf ("%" G_GINT64_FORMAT, n_overdue);

      g_print (_("Complaint board benchmark on %s: %s complaints, %s open (%s past their "
                 "deadline), %u rounds of each operation.\n\n"),
               kefu_store_get_description (store), all, open, overdue, rounds);
      /* The board is read as a manager, who sees every complaint. */
      kefu_store_set_system_actor (store);
      ok = kefuctl_bench_measure (operations, G_N_ELEMENTS (operations), &bench, rounds, error);
    }
  if (ok && late_check)
    {
      g_autofree char *n = NULL;

      ok = kefuctl_bench_measure (&late_operation, 1, &bench, rounds, error);
      n = g_strdup_printf ("%u", bench.n_escalated);
      if (ok)
        g_print (_("The late checks raised %s escalation levels.\n"), n);
    }

  g_array_unref (bench.ids);
  g_ptr_array_unref (bench.words);
  return ok;
}
