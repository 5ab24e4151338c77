/* kefuctl-generate.c: `kefuctl generate`, deterministic synthetic data at scale for benchmarks.
 *
 * The same seed gives the same data on every machine: every value comes from kefuctl's own
 * xoshiro256** (kefuctl-random.c), never from rand() or the clock. Each kind of record has its
 * own random stream derived from the seed and the kind's name, so that a later option
 * (--complaints, --calls …) adds records without changing the customers of the same seed.
 *
 * Phone numbers are unique without a lookup: customer i of seed S gets mobile number
 * (S mod 511) · 2^23 + i of kefuctl-names' permutation, so two runs with different seeds below
 * 511 never collide either.
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include <stdio.h>

#include "core/kefu-call-rules.h"
#include "kefuctl-private.h"
#include "kefuctl-generate-aftersales.h"
#include "kefuctl-generate-calls.h"
#include "kefuctl-generate-callbacks.h"
#include "kefuctl-names.h"
#include "kefuctl-random.h"

/* Customers handed to the store per call, each call one transaction: large enough that the
 * per-call cost vanishes, small enough that memory stays flat (about 100 MB of customers) and
 * progress moves every few seconds. Each commit writes every index page the batch touched, and
 * a batch of random names and numbers touches nearly all of them: at 50,000 a million customers
 * took 20 commits and checkpoints, rewriting the indexes 20 times; at 200,000 it is 5. */
#define BATCH_SIZE 200000

/* The largest run: keeps every index inside the landline permutation (2^26) with room to spare. */
#define MAX_CUSTOMERS G_GINT64_CONSTANT (100000000)

static gint64 opt_customers = -1;
static gint64 opt_calls = -1;
static gint64 opt_complaints = -1;
static gint64 opt_shipments = -1;
static gint64 opt_jobs = -1;
static gint64 opt_callbacks = -1;
static double opt_open_percent = 1.0;
static char *opt_until;
static gint64 opt_seed = 1;
/* The last day of the generated calls: --until, or yesterday. */
static GDate until_day;

static const GOptionEntry generate_entries[] = {
  { "customers", 'c', 0, G_OPTION_ARG_INT64, &opt_customers,
    N_("Generate N customers (names, addresses, districts, unique mobile and some landline "
       "numbers, members, channels)"), N_("N") },
  { "calls", 0, 0, G_OPTION_ARG_INT64, &opt_calls,
    N_("Generate N hotline calls of the customers and clerks in the database (orders, "
       "complaints, inquiries with leads), spread over the three years up to --until"), N_("N") },
  { "complaints", 0, 0, G_OPTION_ARG_INT64, &opt_complaints,
    N_("Generate N complaint calls over the same three years, most of them closed long ago "
       "with their resolution and callback, a few still open on the board (see "
       "--open-percent), some past their deadline and escalated, and batch alerts where "
       "complaints about one batch cluster"), N_("N") },
  { "shipments", 0, 0, G_OPTION_ARG_INT64, &opt_shipments,
    N_("Generate N shipments of the products in the database to its customers over the same "
       "three years: most received long ago, a few percent still on their way in every step, "
       "some overdue, a few exceptions"), N_("N") },
  { "jobs", 0, 0, G_OPTION_ARG_INT64, &opt_jobs,
    N_("Generate N service jobs (installations, repairs on site and at the factory, "
       "replacements, returns) over the same three years, about the products the shipments "
       "of the same run delivered: most completed, a few open in every step"), N_("N") },
  { "callbacks", 0, 0, G_OPTION_ARG_INT64, &opt_callbacks,
    N_("Generate N callbacks of the customers in the database over the same three years and "
       "the two weeks after them, each at an allowed time: most done long ago (some late, a "
       "few unreachable), some overdue or waiting for the team lead, the coming ones due"),
    N_("N") },
  { "open-percent", 0, 0, G_OPTION_ARG_DOUBLE, &opt_open_percent,
    N_("The share of the generated complaints still open, in percent (default 1: 500,000 "
       "complaints leave about 5,000 on the board)"), N_("P") },
  { "until", 0, 0, G_OPTION_ARG_STRING, &opt_until,
    N_("The last day of the generated calls (default: yesterday)"), N_("DATE") },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &opt_seed,
    N_("Seed of the generator (default 1): the same seed always gives the same data"), N_("S") },
  { NULL }
};

typedef struct
{
  KefuStore *store;
  guint64    seed;
  GArray    *clerk_ids;  /* gint64: active clerks already in the database */
  KefuctlAftersales *aftersales;  /* made for the first of --shipments and --jobs */
} Generator;

typedef gboolean (*GenerateFunc) (Generator  *generator,
                                  guint64     count,
                                  GError    **error);

typedef struct
{
  const char   *option;  /* the option that asks for it, for messages */
  const char   *what;    /* N_(), for progress and the summary */
  gint64       *count;   /* -1 when not asked for */
  GenerateFunc  run;
} GenerateStep;

/* Each kind of record draws from its own stream: the seed mixed with a hash of the kind's name. */
static void
stream_init (KefuctlRandom *random,
             guint64        seed,
             const char    *kind)
{
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);

  for (const char *p = kind; *p != '\0'; p++)
    hash = (hash ^ (guchar) *p) * G_GUINT64_CONSTANT (1099511628211);

  kefuctl_random_init (random, seed ^ hash);
}

static gboolean
load_clerks (Generator  *generator,
             GError    **error)
{
  g_autoptr(GListModel) members = kefu_store_list_staff (generator->store, TRUE, NULL, error);
  guint n;

  if (members == NULL)
    return FALSE;

  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuStaff) member = g_list_model_get_item (members, i);

      if (kefu_staff_get_role (member) == KEFU_ROLE_CLERK)
        {
          gint64 id = kefu_record_get_id (KEFU_RECORD (member));

          g_array_append_val (generator->clerk_ids, id);
        }
    }

  return TRUE;
}

static KefuCustomer *
make_customer (Generator     *generator,
               KefuctlRandom *random,
               guint64        index,
               guint64       *n_landlines,
               GString       *name,
               GString       *address)
{
  static const guint channel_weights[] = { 20, 45, 20, 15 };  /* unspecified, 入户, 零售, 卖场 */
  static const KefuChannel channels[] = {
    KEFU_CHANNEL_UNSPECIFIED, KEFU_CHANNEL_HOME_DELIVERY, KEFU_CHANNEL_RETAIL,
    KEFU_CHANNEL_SUPERMARKET,
  };
  guint region = (guint) (generator->seed % KEFUCTL_NAMES_DEMO_REGION);
  KefuCustomer *customer = kefu_customer_new ();
  char mobile[16], landline[16];
  const char *phones[3] = { mobile, NULL, NULL };
  const char *district;
  guint channel;

  g_string_truncate (name, 0);
  g_string_truncate (address, 0);
  kefuctl_names_person (random, name);
  district = kefuctl_names_address (random, address);

  kefuctl_names_mobile ((region * KEFUCTL_NAMES_MOBILE_REGION_SIZE + index) %
                        KEFUCTL_NAMES_N_MOBILES, mobile);
  if (kefuctl_random_permille (random, 150))
    {
      kefuctl_names_landline ((region * KEFUCTL_NAMES_LANDLINE_REGION_SIZE + (*n_landlines)++) %
                              KEFUCTL_NAMES_N_LANDLINES, landline);
      phones[1] = landline;
    }

  channel = kefuctl_random_weighted (random, channel_weights, G_N_ELEMENTS (channel_weights), 100);

  kefu_customer_set_name (customer, name->str);
  kefu_customer_set_address (customer, address->str);
  kefu_customer_set_district (customer, district);
  kefu_customer_set_phones (customer, phones);
  kefu_customer_set_channel (customer, channels[channel]);

  if (kefuctl_random_permille (random, 300))
    {
      char number[24];

      /* Unique per run and across seeds below 511: the region, then the customer's index. */
      snprintf (number, sizeof number, "9%03u%08" G_GUINT64_FORMAT, region, index);
      kefu_customer_set_is_member (customer, TRUE);
      kefu_customer_set_member_number (customer, number);
    }

  if (generator->clerk_ids->len > 0 && kefuctl_random_permille (random, 500))
    {
      guint which = kefuctl_random_below (random, generator->clerk_ids->len);

      kefu_customer_set_assigned_clerk_id (customer,
                                           g_array_index (generator->clerk_ids, gint64, which));
    }

  return customer;
}

/* Customers are made on a second thread, one batch ahead of the store: making a batch (names,
 * addresses, objects) took a tenth of a large run, and now overlaps with the previous batch's
 * insert. Only that thread touches the random stream, so the data stay the same. At most two
 * batches exist at a time: the one being stored and the next. */
typedef struct
{
  Generator    *generator;
  guint64       count;
  GAsyncQueue  *wanted;  /* MAKE_BATCH or STOP, one per batch the maker may make */
  GAsyncQueue  *ready;   /* GPtrArray of KefuCustomer, in order */
} BatchMaker;

#define MAKE_BATCH GINT_TO_POINTER (1)
#define STOP       GINT_TO_POINTER (2)

static gpointer
make_batches (gpointer data)
{
  BatchMaker *maker = data;
  KefuctlRandom random;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) address = g_string_new (NULL);
  guint64 n_landlines = 0;
  guint64 done = 0;

  stream_init (&random, maker->generator->seed, "customers");
  while (done < maker->count && g_async_queue_pop (maker->wanted) == MAKE_BATCH)
    {
      guint n = (guint) MIN ((guint64) BATCH_SIZE, maker->count - done);
      GPtrArray *batch = g_ptr_array_new_full (n, g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (batch, make_customer (maker->generator, &random, done + i,
                                               &n_landlines, name, address));
      g_async_queue_push (maker->ready, batch);
      done += n;
    }
  return NULL;
}

static gboolean
store_batches (Generator   *generator,
               BatchMaker  *maker,
               GError     **error)
{
  KefuctlProgress progress;
  guint64 count = maker->count;
  guint64 done = 0;
  double seconds;

  kefuctl_progress_start (&progress);

  while (done < count)
    {
      g_autoptr(GPtrArray) batch = g_async_queue_pop (maker->ready);
      guint n = batch->len;

      /* The next batch is made while this one is stored. */
      if (done + n < count)
        g_async_queue_push (maker->wanted, MAKE_BATCH);

      /* The first customer of a seed that was generated here before already has its number:
       * say so plainly rather than fail on the store's duplicate rule. */
      if (done == 0)
        {
          KefuCustomer *first = g_ptr_array_index (batch, 0);
          const char *phone = kefu_customer_get_primary_phone (first);
          g_autoptr(GListModel) found = NULL;

          found = kefu_store_find_customers_by_phone (generator->store, phone, 1, NULL, error);
          if (found == NULL)
            return FALSE;
          if (g_list_model_get_n_items (found) > 0)
            {
              g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, generator->seed);

              /* Numbers travel as text in translatable messages: xgettext cannot read
               * G_GUINT64_FORMAT inside a string. */
              g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                           _("The customers of seed %s are already in %s (the number %s is "
                             "taken). Use another --seed, or a new database."),
                           seed, kefu_store_get_description (generator->store), phone);
              return FALSE;
            }
        }

      if (!kefu_store_insert_customers_bulk (generator->store, batch, NULL, error))
        return FALSE;

      done += n;
      kefuctl_progress_update (&progress, _("Customers"), done, count);
    }

  seconds = kefuctl_progress_elapsed (&progress);
  {
    g_autofree char *n = g_strdup_printf ("%" G_GUINT64_FORMAT, count);

    g_print (_("Generated %s customers in %.1f s (%.0f per second).\n"),
             n, seconds, seconds > 0 ? count / seconds : 0.0);
  }
  return TRUE;
}

static gboolean
generate_customers (Generator  *generator,
                    guint64     count,
                    GError    **error)
{
  BatchMaker maker = { .generator = generator, .count = count };
  GThread *thread;
  gboolean ok;

  if (count == 0)
    return TRUE;

  if (!load_clerks (generator, error))
    return FALSE;

  maker.wanted = g_async_queue_new ();
  maker.ready = g_async_queue_new_full ((GDestroyNotify) g_ptr_array_unref);
  g_async_queue_push (maker.wanted, MAKE_BATCH);
  thread = g_thread_new ("kefuctl-generate", make_batches, &maker);

  ok = store_batches (generator, &maker, error);

  /* After a failure the maker may be waiting for the word to make another batch. */
  if (!ok)
    g_async_queue_push (maker.wanted, STOP);
  g_thread_join (thread);
  g_async_queue_unref (maker.wanted);
  g_async_queue_unref (maker.ready);  /* frees a batch made but not stored */
  return ok;
}

static gboolean
generate_calls (Generator  *generator,
                guint64     count,
                GError    **error)
{
  return kefuctl_generate_calls (generator->store, generator->seed, count, &until_day, error);
}

static gboolean
generate_complaints (Generator  *generator,
                     guint64     count,
                     GError    **error)
{
  return kefuctl_generate_complaints (generator->store, generator->seed, count,
                                      opt_open_percent / 100.0, &until_day, error);
}

static KefuctlAftersales *
aftersales (Generator *generator)
{
  if (generator->aftersales == NULL)
    generator->aftersales = kefuctl_aftersales_new (generator->store, generator->seed,
                                                    &until_day);
  return generator->aftersales;
}

static gboolean
generate_shipments (Generator  *generator,
                    guint64     count,
                    GError    **error)
{
  return kefuctl_aftersales_shipments (aftersales (generator), count, error);
}

static gboolean
generate_jobs (Generator  *generator,
               guint64     count,
               GError    **error)
{
  return kefuctl_aftersales_jobs (aftersales (generator), count, error);
}

static gboolean
generate_callbacks (Generator  *generator,
                    guint64     count,
                    GError    **error)
{
  /* The clerks the customers were given to, read once a run. */
  if (generator->clerk_ids->len == 0 && !load_clerks (generator, error))
    return FALSE;
  return kefuctl_generate_callbacks (generator->store, generator->seed, count, &until_day,
                                     generator->clerk_ids, error);
}

/* Customers first: the calls are made for the customers in the database; jobs after the
 * shipments whose products they are about. */
static const GenerateStep steps[] = {
  { "--customers", N_("Customers"), &opt_customers, generate_customers },
  { "--calls", N_("Calls"), &opt_calls, generate_calls },
  { "--complaints", N_("Complaints"), &opt_complaints, generate_complaints },
  { "--shipments", N_("Shipments"), &opt_shipments, generate_shipments },
  { "--jobs", N_("Service jobs"), &opt_jobs, generate_jobs },
  { "--callbacks", N_("Callbacks"), &opt_callbacks, generate_callbacks },
};

/* Reads --until into until_day: a date not after today, yesterday when not given. */
static gboolean
parse_until (GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) local_error = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (opt_until == NULL)
    {
      until_day = today;
      g_date_subtract_days (&until_day, 1);
      return TRUE;
    }
  if (!kefu_date_parse (opt_until, &until_day, &local_error))
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE, "--until: %s",
                   local_error->message);
      return FALSE;
    }
  if (g_date_compare (&until_day, &today) > 0)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                   _("--until cannot be later than today: calls cannot come in the future."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
generate_validate (GError **error)
{
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      gint64 count = *steps[i].count;

      if (count == -1)
        continue;
      if (count < 0 || count > MAX_CUSTOMERS)
        {
          g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, MAX_CUSTOMERS);
          g_autofree char *given = g_strdup_printf ("%" G_GINT64_FORMAT, count);

          g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                       _("%s takes a number from 0 to %s, not %s."),
                       steps[i].option, max, given);
          return FALSE;
        }
      any = TRUE;
    }

  if (!any)
    {
      g_set_error_literal (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                           _("Say what to generate, e.g. “kefuctl generate --customers 100000 "
                             "--seed 1”."));
      return FALSE;
    }

  if (!parse_until (error))
    return FALSE;

  if (!(opt_open_percent >= 0 && opt_open_percent <= 100))
    {
      g_autofree char *given = g_strdup_printf ("%g", opt_open_percent);

      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                   _("--open-percent takes a number from 0 to 100, not %s."), given);
      return FALSE;
    }

  if (opt_seed < 0)
    {
      g_autofree char *given = g_strdup_printf ("%" G_GINT64_FORMAT, opt_seed);

      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                   _("--seed takes a number of 0 or more, not %s."), given);
      return FALSE;
    }

  return TRUE;
}

static gboolean
generate_run (KefuStore  *store,
              GError    **error)
{
  Generator generator = { 0 };
  gboolean ok = TRUE;

  generator.store = store;
  generator.seed = (guint64) opt_seed;
  generator.clerk_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < G_N_ELEMENTS (steps) && ok; i++)
    if (*steps[i].count > 0)
      ok = steps[i].run (&generator, (guint64) *steps[i].count, error);

  g_array_unref (generator.clerk_ids);
  g_clear_pointer (&generator.aftersales, kefuctl_aftersales_free);
  return ok;
}

const KefuctlCommand kefuctl_generate_command = {
  .name = "generate",
  .summary = N_("Generate synthetic data at scale for benchmarks"),
  /* xgettext:no-c-format */
  .description = N_("Adds deterministic synthetic records: the same --seed always gives the same "
                    "names, addresses and numbers, on every machine. Customers get unique valid "
                    "phone numbers, so runs with different seeds can go into one database. "
                    "Existing active clerks are assigned to about half of the customers. "
                    "Calls are made for the customers, clerks and products in the database, day "
                    "by day over three years with the hotline's weekly and hourly rhythm: about "
                    "55% orders, 20% complaints and 25% inquiries, with what happened to them "
                    "since (hand-overs, complaint stages, leads converted or dropped); the same "
                    "database, seed and --until give the same calls. "
                    "Complaints are complaint calls only, made the same way, for benchmarks of "
                    "the complaint board: most closed with every step, a share still open in "
                    "every stage of the board. "
                    "Shipments and service jobs are the after-sales records of the same years, "
                    "made for the customers, products, carriers and staff in the database. "
                    "Callbacks are spread over the same years at times the site's callback rules "
                    "allow, with what became of them. "
                    "Progress is shown on stderr when a run takes more than a second."),
  .entries = generate_entries,
  .validate = generate_validate,
  .run = generate_run,
};
