/* bench-customer-lookup.c: how fast the caller lookup and the customers list are on a large
 * database, e.g. one made by `kefuctl generate --customers 1000000`:
 *
 *   bench-customer-lookup LOCATION [ROUNDS]
 *   bench-customer-lookup --generate N KEFUCTL [ROUNDS]
 *
 * LOCATION is a SQLite file or a PostgreSQL URI; with --generate, KEFUCTL makes a temporary
 * SQLite file of N customers first (`kefuctl generate --customers N`), which is removed after.
 * Each case runs ROUNDS times (default 31) with queries drawn from the customers actually stored
 * (the last 4 digits of a number, a surname, surname and first character, two characters of a
 * given name, a whole name), and the median and the slowest time are printed. On SQLite the run
 * fails when a median misses the targets: a lookup by the last 4 digits or by a
 * 2-character name under 20 ms, the whole list by name under 300 ms. `meson test --benchmark`
 * runs it with --generate 1000000.
 */
#define G_LOG_DOMAIN "kefu-bench"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "store/kefu-store.h"

typedef struct
{
  const char *name;
  GArray     *times;   /* double, ms */
  guint       results;
} Case;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

/* Prints the case and returns its median. */
static double
report (Case *c)
{
  double median;

  g_array_sort (c->times, compare_doubles);
  median = g_array_index (c->times, double, c->times->len / 2);
  g_print ("%-40s median %8.2f ms   max %8.2f ms   (%u runs, %u results in all)\n", c->name,
           median, g_array_index (c->times, double, c->times->len - 1), c->times->len,
           c->results);
  return median;
}

/* A temporary SQLite file with `count` customers from kefuctl generate; NULL on failure. */
static char *
generate (const char *kefuctl,
          const char *count,
          char      **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *option = NULL;
  g_autoptr(GSubprocess) process = NULL;
  gint64 start = g_get_monotonic_time ();

  *dir = g_dir_make_tmp ("kefu-bench-lookup-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "bench.db", NULL);
  option = g_strdup_printf ("--database=%s", path);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, kefuctl, option, "generate",
                              "--customers", count, NULL);
  if (process == NULL || !g_subprocess_wait_check (process, NULL, &error))
    {
      g_printerr ("kefuctl generate failed: %s\n", error->message);
      return NULL;
    }
  g_print ("kefuctl generate --customers %s: %.1f s\n", count,
           (g_get_monotonic_time () - start) / 1e6);
  return g_steal_pointer (&path);
}

static void
remove_generated (char *dir)
{
  static const char *const names[] = { "bench.db", "bench.db-wal", "bench.db-shm" };

  if (dir == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

static void
time_search (KefuStore  *store,
             Case       *c,
             const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  found = kefu_store_search_customers (store, query, 20, NULL, &error);
  ms = (g_get_monotonic_time () - start) / 1e3;
  if (found == NULL)
    g_error ("search for “%s”: %s", query, error->message);
  g_array_append_val (c->times, ms);
  c->results += g_list_model_get_n_items (found);
}

static GArray *
time_list (KefuStore        *store,
           Case             *c,
           const char       *query,
           KefuCustomerSort  sort,
           gboolean          descending)
{
  KefuCustomerFilter filter = { .query = query };
  g_autoptr(GError) error = NULL;
  GArray *ids;
  gint64 start = g_get_monotonic_time ();
  double ms;

  ids = kefu_store_list_customer_ids (store, &filter, sort, descending, NULL, &error);
  ms = (g_get_monotonic_time () - start) / 1e3;
  if (ids == NULL)
    g_error ("list: %s", error->message);
  g_array_append_val (c->times, ms);
  c->results += ids->len;
  return ids;
}

/* The n-th character of `text` (0-based) and the `count` after it, as a new string. */
static char *
characters (const char *text,
            glong       first,
            glong       count)
{
  glong length = g_utf8_strlen (text, -1);

  if (first + count > length)
    return NULL;
  return g_utf8_substring (text, first, first + count);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *generated = NULL;
  char *generated_dir = NULL;
  const char *location = argc > 1 ? argv[1] : g_getenv ("KEFU_BENCH_DATABASE");
  int rounds_arg = 2;
  guint rounds;
  gboolean missed = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(GPtrArray) samples = NULL;
  g_autoptr(GArray) sample_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 count;
  Case cases[] = {
    { "search: last 4 digits" }, { "search: full number" },
    { "search: surname (1 character)" }, { "search: surname + 1 (2 characters)" },
    { "search: given name (2 characters)" }, { "search: whole name (3 characters)" },
    { "list: all by name" }, { "list: all by name, descending" }, { "list: all by district" },
    { "list: all by last contact, descending" }, { "list: surname (1 character) by name" },
    { "get_customers: a page of 200" },
  };

  if (location != NULL && g_str_equal (location, "--generate"))
    {
      if (argc < 4)
        {
          g_printerr ("usage: bench-customer-lookup --generate N KEFUCTL [ROUNDS]\n");
          return 2;
        }
      location = generated = generate (argv[3], argv[2], &generated_dir);
      if (generated == NULL)
        return EXIT_FAILURE;
      rounds_arg = 4;
    }
  if (location == NULL)
    {
      g_printerr ("usage: bench-customer-lookup LOCATION [ROUNDS]\n");
      return 2;
    }
  rounds = argc > rounds_arg ? (guint) g_ascii_strtoull (argv[rounds_arg], NULL, 10) : 31;
  if (rounds == 0)
    rounds = 1;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    cases[i].times = g_array_new (FALSE, FALSE, sizeof (double));

  store = kefu_store_open (location, NULL, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  count = kefu_store_count_customers (store, NULL, &error);
  if (count <= 0)
    g_error ("The database has no customers: run kefuctl generate --customers N first.");

  /* Samples spread over the ids, the same ones every run. */
  for (guint i = 0; i < rounds; i++)
    {
      gint64 id = 1 + (gint64) ((i * G_GINT64_CONSTANT (7919) * 104729) % count);

      g_array_append_val (sample_ids, id);
    }
  samples = kefu_store_get_customers (store, (gint64 *) sample_ids->data, sample_ids->len, NULL,
                                      &error);
  if (samples == NULL || samples->len == 0)
    g_error ("Could not read sample customers: %s", error != NULL ? error->message : "none");
  g_print ("%" G_GINT64_FORMAT " customers on %s; %u rounds\n", count,
           kefu_store_get_backend (store) == KEFU_STORE_BACKEND_SQLITE ? "SQLite" : "PostgreSQL",
           rounds);

  for (guint r = 0; r < rounds; r++)
    {
      KefuCustomer *sample = g_ptr_array_index (samples, r % samples->len);
      const char *phone = kefu_customer_get_primary_phone (sample);
      const char *name = kefu_customer_get_name (sample);
      g_autofree char *surname = characters (name, 0, 1);
      g_autofree char *surname_plus = characters (name, 0, 2);
      g_autofree char *given = characters (name, 1, 2);
      g_autofree char *whole = characters (name, 0, 3);
      g_autoptr(GArray) by_name = NULL;
      g_autoptr(GArray) other = NULL;

      time_search (store, &cases[0], phone + strlen (phone) - 4);
      time_search (store, &cases[1], phone);
      time_search (store, &cases[2], surname);
      time_search (store, &cases[3], surname_plus);
      if (given != NULL)
        time_search (store, &cases[4], given);
      if (whole != NULL)
        time_search (store, &cases[5], whole);

      /* The long lists less often: they are the slow ones and take the most time. */
      if (r % 5 == 0)
        {
          by_name = time_list (store, &cases[6], NULL, KEFU_CUSTOMER_SORT_NAME, FALSE);
          g_clear_pointer (&other, g_array_unref);
          other = time_list (store, &cases[7], NULL, KEFU_CUSTOMER_SORT_NAME, TRUE);
          g_clear_pointer (&other, g_array_unref);
          other = time_list (store, &cases[8], NULL, KEFU_CUSTOMER_SORT_DISTRICT, FALSE);
          g_clear_pointer (&other, g_array_unref);
          other = time_list (store, &cases[9], NULL, KEFU_CUSTOMER_SORT_LAST_CONTACT, TRUE);
          g_clear_pointer (&other, g_array_unref);
          other = time_list (store, &cases[10], surname, KEFU_CUSTOMER_SORT_NAME, FALSE);

          {
            guint first = (guint) ((r * G_GUINT64_CONSTANT (2654435761)) % (by_name->len - 200));
            g_autoptr(GPtrArray) page = NULL;
            gint64 start = g_get_monotonic_time ();
            double ms;

            page = kefu_store_get_customers (store, &g_array_index (by_name, gint64, first), 200,
                                             NULL, &error);
            ms = (g_get_monotonic_time () - start) / 1e3;
            if (page == NULL)
              g_error ("page: %s", error->message);
            g_array_append_val (cases[11].times, ms);
            cases[11].results += page->len;
          }
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* The targets, on SQLite: the last 4 digits, a 2-character name, the list. */
      double target = i == 0 || i == 3 || i == 4 ? 20.0 : i == 6 ? 300.0 : 0.0;

      if (cases[i].times->len > 0 && report (&cases[i]) >= target && target > 0 &&
          kefu_store_get_backend (store) == KEFU_STORE_BACKEND_SQLITE)
        {
          g_printerr ("“%s” missed its target of %.0f ms\n", cases[i].name, target);
          missed = TRUE;
        }
      g_array_unref (cases[i].times);
    }
  g_clear_object (&store);
  g_clear_pointer (&samples, g_ptr_array_unref);
  remove_generated (generated_dir);
  return missed ? EXIT_FAILURE : EXIT_SUCCESS;
}
