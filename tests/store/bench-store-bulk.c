/* bench-store-bulk.c: how long kefu_store_insert_customers_bulk() takes for N customers
 * (default 1,000,000) on a SQLite file, a PostgreSQL URI, or (LOCATION "postgres") a throwaway
 * PostgreSQL server. Run by `meson test --benchmark` or by hand:
 * bench-store-bulk [N] [LOCATION] [typed]. With "typed" (LOCATION "" for a temporary file), the
 * numbers are written as people type them ("135 0000 1234") and the names carry a trailing
 * ideographic space, so the store's normalisers run on every customer instead of its exact
 * "already normalised" checks.
 */
#define G_LOG_DOMAIN "kefu-bench"

#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>

#include "store/kefu-store.h"
#include "kefu-test-pg.h"

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  g_autofree char *dir = NULL;
  g_autofree char *location = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  gint64 start, built, loaded;

  gboolean typed = argc > 3 && g_str_equal (argv[3], "typed");

  if (argc > 2 && g_str_equal (argv[2], "postgres"))
    location = kefu_test_pg_new_database ();
  else if (argc > 2 && argv[2][0] != '\0')
    location = g_strdup (argv[2]);
  else
    {
      dir = g_dir_make_tmp ("kefu-bench-XXXXXX", &error);
      g_assert_no_error (error);
      location = g_build_filename (dir, "bench.db", NULL);
    }

  store = kefu_store_open (location, NULL, &error);
  g_assert_no_error (error);
  kefu_store_set_system_actor (store);

  start = g_get_monotonic_time ();
  customers = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      KefuCustomer *c = kefu_customer_new ();
      char name[32], phone[16], address[64];
      const char *phones[] = { phone, NULL };

      g_snprintf (name, sizeof name, typed ? "客户%u　" : "客户%u", i);
      if (typed)
        g_snprintf (phone, sizeof phone, "13%01u %04u %04u", i / 100000000, i / 10000 % 10000,
                    i % 10000);
      else
        g_snprintf (phone, sizeof phone, "13%09u", i);
      g_snprintf (address, sizeof address, "杭州市西湖区文三路%u号", i % 1000);
      kefu_customer_set_name (c, name);
      kefu_customer_set_address (c, address);
      kefu_customer_set_district (c, "西湖区");
      kefu_customer_set_phones (c, phones);
      g_ptr_array_add (customers, c);
    }
  built = g_get_monotonic_time ();

  if (!kefu_store_insert_customers_bulk (store, customers, NULL, &error))
    g_error ("%s", error->message);
  loaded = g_get_monotonic_time ();

  g_print ("%u customers: built in %.1f s, loaded in %.1f s (%.0f rows/s); %" G_GINT64_FORMAT
           " in the database\n",
           n, (built - start) / 1e6, (loaded - built) / 1e6, n / ((loaded - built) / 1e6),
           kefu_store_count_customers (store, NULL, NULL));

  /* A lookup by the last 4 digits must stay instant at this size (it uses the phone_rev index). */
  {
    gint64 t0 = g_get_monotonic_time ();
    g_autoptr(GListModel) found = kefu_store_find_customers_by_phone (store, "12345", 20, NULL, &error);

    g_assert_no_error (error);
    g_print ("lookup by the last 5 digits: %u customers in %.1f ms\n",
             g_list_model_get_n_items (found), (g_get_monotonic_time () - t0) / 1e3);
  }

  g_clear_object (&store);
  if (dir != NULL)
    {
      static const char *const suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (location, suffixes[i], NULL);
          g_unlink (file);
        }
      g_rmdir (dir);
    }
  return EXIT_SUCCESS;
}
