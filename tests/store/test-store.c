/* test-store.c: the store suite's entry point and fixture. The same executable runs every test
 * twice from meson: once with --backend sqlite on a temporary file, once with --backend postgres
 * on a fresh database of a throwaway server (kefu-test-pg.c).
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>

#include "kefu-test-company.h"
#include "kefu-test-pg.h"
#include "test-store.h"

static KefuStoreBackend backend = KEFU_STORE_BACKEND_SQLITE;

KefuStoreBackend
test_backend (void)
{
  return backend;
}

gboolean
test_skip_unless_sqlite (void)
{
  if (backend == KEFU_STORE_BACKEND_SQLITE)
    return FALSE;
  g_test_skip ("SQLite file case");
  return TRUE;
}

static void
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->store = kefu_store_open (fixture->location, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  g_assert_cmpint (kefu_store_get_backend (fixture->store), ==, backend);
  kefu_store_set_system_actor (fixture->store);
  g_assert_cmpint (kefu_store_get_actor (fixture->store), >, 0);
}

void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  if (backend == KEFU_STORE_BACKEND_SQLITE)
    {
      g_autoptr(GError) error = NULL;

      fixture->dir = g_dir_make_tmp ("kefu-store-XXXXXX", &error);
      g_assert_no_error (error);
      fixture->location = g_build_filename (fixture->dir, "kefu.db", NULL);
    }
  else
    fixture->location = kefu_test_pg_new_database ();

  open_store (fixture);
}

void
fixture_close (Fixture *fixture)
{
  gpointer weak = fixture->store;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  if (fixture->store == NULL)
    return;

  /* The worker thread drops its reference to a finished task (and so to the store) just after
   * the result reached the main loop: wait for that, but the store must go away. */
  g_object_add_weak_pointer (G_OBJECT (fixture->store), &weak);
  g_clear_object (&fixture->store);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (weak);
}

void
fixture_reopen (Fixture *fixture)
{
  fixture_close (fixture);
  open_store (fixture);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  fixture_close (fixture);
  if (fixture->dir != NULL)
    {
      g_chmod (fixture->dir, 0700);
      remove_tree (fixture->dir);
    }
  g_free (fixture->dir);
  g_free (fixture->location);
}

gint64
test_count (KefuStore  *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = _kefu_store_query (store, sql, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (kefu_rows_get_n_rows (rows), ==, 1);
  return kefu_rows_get_int (rows, 0, 0);
}

gint64
test_create_staff (KefuStore  *store,
                   const char *login,
                   KefuRole    role)
{
  /* Named after the login, active, in no department. */
  return kefu_test_make_staff (store, login, login, role, 0, TRUE);
}

KefuCustomer *
test_new_customer (const char *name,
                   const char *first_phone,
                   ...)
{
  KefuCustomer *customer = kefu_customer_new ();
  g_autoptr(GStrvBuilder) phones = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  va_list args;

  kefu_customer_set_name (customer, name);
  va_start (args, first_phone);
  for (const char *p = first_phone; p != NULL; p = va_arg (args, const char *))
    g_strv_builder_add (phones, p);
  va_end (args);
  strv = g_strv_builder_end (phones);
  kefu_customer_set_phones (customer, (const char * const *) strv);
  return customer;
}

void
test_store_init (int    *argc,
                 char ***argv)
{
  /* --backend is ours; remove it before GTest sees the arguments. */
  for (int i = 1; i < *argc; i++)
    {
      const char *value = NULL;
      int consumed = 0;

      if (g_str_equal ((*argv)[i], "--backend") && i + 1 < *argc)
        value = (*argv)[i + 1], consumed = 2;
      else if (g_str_has_prefix ((*argv)[i], "--backend="))
        value = (*argv)[i] + strlen ("--backend="), consumed = 1;
      if (value == NULL)
        continue;

      if (g_str_equal (value, "sqlite"))
        backend = KEFU_STORE_BACKEND_SQLITE;
      else if (g_str_equal (value, "postgres"))
        backend = KEFU_STORE_BACKEND_POSTGRES;
      else
        g_error ("Unknown backend “%s”: use sqlite or postgres", value);

      memmove (&(*argv)[i], &(*argv)[i + consumed], (*argc - i - consumed + 1) * sizeof (char *));
      *argc -= consumed;
      i--;
    }

  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
}

/* Other store test programs (test-store-calls) share the fixture with their own main(). */
#ifndef TEST_STORE_NO_MAIN
int
main (int   argc,
      char *argv[])
{
  test_store_init (&argc, &argv);

  test_store_add_schema_tests ();
  test_store_add_records_tests ();
  test_store_add_text_tests ();
  test_store_add_customer_search_tests ();
  test_store_add_customer_list_tests ();
  test_store_add_import_tests ();
  test_store_add_pin_tests ();

  return g_test_run ();
}
#endif
