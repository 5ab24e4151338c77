/* test-kefuctl.c: runs the built kefuctl as a subprocess, as an administrator would, against a
 * temporary SQLite file and a database on the throwaway PostgreSQL server, and checks what it
 * wrote through the store API.
 *
 * The path of kefuctl comes from meson as the first argument (or $KEFUCTL).
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "store/kefu-store.h"
#include "store/kefu-store-callbacks.h"
#include "store/kefu-store-complaints.h"
#include "store/kefu-store-shift-notes.h"
#include "core/kefu-enums.h"
#include "core/kefu-phone.h"
#include "kefu-test-pg.h"
#include "kefuctl-test.h"

typedef KefuctlFixture Fixture;

static void
assert_failure (Run *run)
{
  g_assert_cmpint (run->status, >, 0);
  /* The message says what is wrong, on stderr, and nothing pretends to have worked. */
  g_assert_nonnull (run->err);
  g_assert_cmpuint (strlen (g_strstrip (run->err)), >, 10);
  g_assert_null (strstr (run->err, "CRITICAL"));
}

/* init, then check */

static void
test_init_check (Fixture       *fixture,
                 gconstpointer  data)
{
  Backend backend = GPOINTER_TO_INT (data);
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, backend, "kefu.db", &option);
  g_autofree char *version = g_strdup_printf ("%u", kefu_store_schema_version ());
  g_autofree char *version_line = g_strdup_printf ("Schema version: %u", kefu_store_schema_version ());
  g_auto(Run) init = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) check = { 0 };

  run_kefuctl (fixture, &init, option, "init");
  kefuctl_assert_success (&init);
  g_assert_nonnull (strstr (init.out, version));
  g_assert_nonnull (strstr (init.out, "Created"));
  if (backend == BACKEND_SQLITE)
    g_assert_true (g_file_test (location, G_FILE_TEST_IS_REGULAR));

  /* A second init finds the schema current and says so. */
  run_kefuctl (fixture, &again, "init", option);
  kefuctl_assert_success (&again);
  g_assert_nonnull (strstr (again.out, "up to date"));

  run_kefuctl (fixture, &check, option, "check");
  kefuctl_assert_success (&check);
  g_assert_nonnull (strstr (check.out, version_line));
  g_assert_nonnull (strstr (check.out, "No problems"));

  {
    g_autoptr(KefuStore) store = kefuctl_open_store (location);

    g_assert_cmpuint (kefu_store_get_schema_version_found (store), ==,
                      kefu_store_schema_version ());
  }
}

/* A phone row whose customer does not exist, written behind the store's back with foreign keys
 * off (as a crash or a careless hand edit could leave it), is reported and fails the check. */
static void
test_check_finds_problems (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, BACKEND_SQLITE, "broken.db", &option);
  g_auto(Run) init = { 0 };
  g_auto(Run) check = { 0 };
  sqlite3 *db = NULL;
  char *message = NULL;

  run_kefuctl (fixture, &init, option, "init");
  kefuctl_assert_success (&init);

  g_assert_cmpint (sqlite3_open (location, &db), ==, SQLITE_OK);
  sqlite3_exec (db,
                "PRAGMA foreign_keys = OFF;"
                "INSERT INTO customer_phones (customer_id, phone, phone_rev, position) "
                "VALUES (424242, '13800000000', '00000000831', 0);",
                NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);

  run_kefuctl (fixture, &check, option, "check");
  assert_failure (&check);
  g_assert_cmpint (check.status, ==, 1);
  g_assert_nonnull (strstr (check.err, "Found 1 problem"));
  g_assert_nonnull (strstr (check.out, "customer_phones"));
}

/* Without --database, kefuctl uses $XDG_DATA_HOME/kefu/kefu.db and creates its folder. */
static void
test_default_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "kefu", "kefu.db", NULL);
  g_auto(Run) init = { 0 };

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  run_kefuctl (fixture, &init, "init");
  kefuctl_assert_success (&init);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (init.out, path));
}

/* demo */

typedef struct
{
  guint  n_staff;
  guint  n_departments;
  guint  n_products;
  gint64 n_customers;
} Counts;

static void
count_all (const char *location,
           Counts     *counts)
{
  g_autoptr(KefuStore) store = kefuctl_open_store (location);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) staff = kefu_store_list_staff (store, FALSE, NULL, &error);
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(GListModel) products = NULL;

  g_assert_no_error (error);
  departments = kefu_store_list_departments (store, NULL, &error);
  g_assert_no_error (error);
  products = kefu_store_list_products (store, FALSE, NULL, &error);
  g_assert_no_error (error);

  counts->n_staff = g_list_model_get_n_items (staff);
  counts->n_departments = g_list_model_get_n_items (departments);
  counts->n_products = g_list_model_get_n_items (products);
  counts->n_customers = kefu_store_count_customers (store, NULL, &error);
  g_assert_no_error (error);
}

static void
assert_demo_contents (const char *location)
{
  g_autoptr(KefuStore) store = kefuctl_open_store (location);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) staff = kefu_store_list_staff (store, FALSE, NULL, &error);
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GEnumClass) roles = g_type_class_ref (KEFU_TYPE_ROLE);
  g_autoptr(GHashTable) logins = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean fresh_milk = FALSE;
  gint64 n_customers;
  guint n;

  g_assert_no_error (error);

  /* Someone for every role of core/kefu-types.h, each with a name and a pinyin login. */
  n = g_list_model_get_n_items (staff);
  for (guint r = 0; r < roles->n_values; r++)
    {
      gboolean seen = FALSE;

      for (guint i = 0; i < n && !seen; i++)
        {
          g_autoptr(KefuStaff) member = g_list_model_get_item (staff, i);

          seen = (int) kefu_staff_get_role (member) == roles->values[r].value;
        }
      if (!seen)
        g_error ("demo left role “%s” without staff", roles->values[r].value_nick);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuStaff) member = g_list_model_get_item (staff, i);
      const char *login = kefu_staff_get_login (member);

      g_assert_true (g_utf8_strlen (kefu_staff_get_name (member), -1) >= 2);
      for (const char *p = login; *p != '\0'; p++)
        g_assert_true (g_ascii_islower (*p));
      g_assert_false (g_hash_table_contains (logins, login));
      g_hash_table_add (logins, (gpointer) login);
    }

  products = kefu_store_list_products (store, FALSE, NULL, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (products);
  g_assert_cmpuint (n, >=, 10);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuProduct) product = g_list_model_get_item (products, i);

      g_assert_cmpint (kefu_product_get_unit_price (product), >, 0);
      if (g_str_equal (kefu_product_get_name (product), "鲜牛奶") &&
          g_strcmp0 (kefu_product_get_spec (product), "250ml") == 0)
        fresh_milk = TRUE;
    }
  g_assert_true (fresh_milk);

  /* A few hundred customers, whose numbers the normaliser accepts unchanged. */
  n_customers = kefu_store_count_customers (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_customers, >=, 200);
  g_assert_cmpint (n_customers, <=, 1000);

  for (gint64 id = 1; id <= 20; id++)
    {
      g_autoptr(KefuCustomer) customer = kefu_store_get_customer (store, id, NULL, &error);
      const char *const *phones;

      g_assert_no_error (error);
      g_assert_true (g_utf8_strlen (kefu_customer_get_name (customer), -1) >= 2);
      g_assert_true (g_str_has_prefix (kefu_customer_get_address (customer), "北京市"));
      g_assert_true (g_str_has_suffix (kefu_customer_get_district (customer), "区"));
      phones = kefu_customer_get_phones (customer);
      g_assert_nonnull (phones);
      for (guint i = 0; phones[i] != NULL; i++)
        {
          g_autofree char *normal = kefu_phone_normalize (phones[i], NULL, &error);

          g_assert_no_error (error);
          g_assert_cmpstr (normal, ==, phones[i]);
        }
      if (kefu_customer_get_is_member (customer))
        g_assert_nonnull (kefu_customer_get_member_number (customer));
    }
}

/* The demo's shift hand-over notes: three, in the last month, by three clerks, each at the end
 * of a different shift, one urgent; a complaint and a callback of the demo linked; the newest
 * unread by the CS manager (the dashboard's notes panel opens on it). Returns how many. */
static guint
assert_demo_shift_notes (const char *location)
{
  g_autoptr(KefuStore) store = kefuctl_open_store (location);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) staff = kefu_store_list_staff (store, FALSE, NULL, &error);
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GListModel) unread = NULL;
  g_autoptr(GHashTable) authors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         NULL);
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 manager = 0;
  guint n, n_urgent = 0, n_complaints = 0, n_callbacks = 0;
  GDate first, last;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(KefuStaff) member = g_list_model_get_item (staff, i);

      if (g_str_equal (kefu_staff_get_login (member), "zhoujianhua"))
        manager = kefu_record_get_id (KEFU_RECORD (member));
    }
  g_assert_cmpint (manager, >, 0);

  g_date_clear (&last, 1);
  g_date_set_time_t (&last, time (NULL));
  g_date_add_days (&last, 1);
  first = last;
  g_date_subtract_days (&first, 31);
  notes = kefu_store_list_shift_notes (store, &first, &last, NULL, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (notes);
  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuShiftNote) note = g_list_model_get_item (notes, i);
      GListModel *links = kefu_shift_note_get_links (note);
      gint64 *author = g_new (gint64, 1);
      g_autoptr(GDateTime) local = g_date_time_to_local (kefu_shift_note_get_written_at (note));
      g_autofree char *day = NULL;

      /* Written in the past by a clerk of the demo, in Chinese. */
      *author = kefu_shift_note_get_written_by (note);
      g_assert_false (g_hash_table_contains (authors, author));
      g_hash_table_add (authors, author);
      g_assert_true (g_utf8_strlen (kefu_shift_note_get_author_name (note), -1) >= 2);
      g_assert_cmpint (g_date_time_compare (kefu_shift_note_get_written_at (note), now), <, 0);
      day = g_date_time_format (local, "%F");
      g_assert_false (g_hash_table_contains (days, day));
      g_hash_table_add (days, g_steal_pointer (&day));
      g_assert_true (g_utf8_strlen (kefu_shift_note_get_text (note), -1) >= 40);
      g_assert_nonnull (strstr (kefu_shift_note_get_text (note), "客户"));
      if (kefu_shift_note_get_urgent (note))
        n_urgent++;

      for (guint j = 0; j < g_list_model_get_n_items (links); j++)
        {
          g_autoptr(KefuShiftNoteLink) link = g_list_model_get_item (links, j);
          gint64 id = kefu_shift_note_link_get_entity_id (link);

          if (kefu_shift_note_link_get_entity (link) == KEFU_SHIFT_NOTE_ENTITY_COMPLAINT)
            {
              g_autoptr(KefuComplaintCard) card = kefu_store_get_complaint_card (store, id, NULL,
                                                                                 &error);

              g_assert_no_error (error);
              g_assert_true (g_str_has_prefix (kefu_shift_note_link_get_text (link),
                                               kefu_complaint_card_get_reference (card)));
              /* The note is urgent, about a complaint received before it. */
              g_assert_true (kefu_shift_note_get_urgent (note));
              g_assert_cmpint (g_date_time_compare (kefu_complaint_card_get_received_at (card),
                                                    kefu_shift_note_get_written_at (note)), <, 0);
              n_complaints++;
            }
          else if (kefu_shift_note_link_get_entity (link) == KEFU_SHIFT_NOTE_ENTITY_CALLBACK)
            {
              g_autoptr(KefuCallback) callback = kefu_store_get_callback (store, id, NULL,
                                                                         &error);

              g_assert_no_error (error);
              g_assert_true (g_str_has_prefix (kefu_shift_note_link_get_text (link),
                                               callback->customer_name));
              n_callbacks++;
            }
        }
    }
  g_assert_cmpuint (n_urgent, ==, 1);
  g_assert_cmpuint (n_complaints, ==, 1);
  g_assert_cmpuint (n_callbacks, ==, 1);

  unread = kefu_store_list_unread_shift_notes (store, manager, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (unread), >=, 1);
  return n;
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  Backend backend = GPOINTER_TO_INT (data);
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, backend, "demo.db", &option);
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) check = { 0 };
  Counts before, after;

  run_kefuctl (fixture, &first, option, "demo");
  kefuctl_assert_success (&first);
  assert_demo_contents (location);
  g_assert_cmpuint (assert_demo_shift_notes (location), ==, 3);
  count_all (location, &before);
  g_assert_cmpuint (before.n_departments, >=, 10);

  /* The second run finds everything there, adds nothing, and still succeeds. */
  run_kefuctl (fixture, &second, option, "demo");
  kefuctl_assert_success (&second);
  g_assert_nonnull (strstr (second.out, "nothing was added"));
  count_all (location, &after);
  g_assert_cmpuint (after.n_staff, ==, before.n_staff);
  g_assert_cmpuint (after.n_departments, ==, before.n_departments);
  g_assert_cmpuint (after.n_products, ==, before.n_products);
  g_assert_cmpint (after.n_customers, ==, before.n_customers);
  g_assert_cmpuint (assert_demo_shift_notes (location), ==, 3);

  run_kefuctl (fixture, &check, option, "check");
  kefuctl_assert_success (&check);
}

/* check only looks: an empty file is reported as such and stays empty (it used to be turned
 * into a database by the migration that opening ran). */
static void
test_check_empty_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autofree char *option = g_strdup_printf ("--database=%s", path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) check = { 0 };
  gsize length = 1;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);

  run_kefuctl (fixture, &check, option, "check");
  assert_failure (&check);
  g_assert_cmpint (check.status, ==, 1);
  g_assert_nonnull (strstr (check.err, "not a Kefu database (empty)"));

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 0);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* Someone's real data is not mixed with sample people unless they insist. */
static void
test_demo_refuses_other_data (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *option = NULL;
  g_autofree char *location = kefuctl_new_location (fixture, BACKEND_SQLITE, "real.db", &option);
  g_auto(Run) refused = { 0 };
  g_auto(Run) forced = { 0 };
  Counts counts;

  {
    g_autoptr(KefuStore) store = kefuctl_open_store (location);
    g_autoptr(KefuCustomer) customer = kefu_customer_new ();
    const char *phones[] = { "13900001111", NULL };
    g_autoptr(GError) error = NULL;

    kefu_store_set_system_actor (store);
    kefu_customer_set_name (customer, "真实客户");
    kefu_customer_set_phones (customer, phones);
    kefu_store_create_customer (store, customer, NULL, &error);
    g_assert_no_error (error);
  }

  run_kefuctl (fixture, &refused, option, "demo");
  assert_failure (&refused);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "--force"));
  count_all (location, &counts);
  g_assert_cmpint (counts.n_customers, ==, 1);
  g_assert_cmpuint (counts.n_staff + counts.n_products + counts.n_departments, <=, 1);

  run_kefuctl (fixture, &forced, option, "demo", "--force");
  kefuctl_assert_success (&forced);
  count_all (location, &counts);
  g_assert_cmpint (counts.n_customers, >, 200);
}

/* generate */

/* Every customer as one line of text, in id order. */
static char *
dump_customers (const char *location)
{
  g_autoptr(KefuStore) store = kefuctl_open_store (location);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GHashTable) phones_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 n = kefu_store_count_customers (store, NULL, &error);

  g_assert_no_error (error);
  for (gint64 id = 1; id <= n; id++)
    {
      g_autoptr(KefuCustomer) customer = kefu_store_get_customer (store, id, NULL, &error);
      g_autofree char *phones = NULL;

      g_assert_no_error (error);
      phones = g_strjoinv (",", (char **) kefu_customer_get_phones (customer));
      for (const char *const *p = kefu_customer_get_phones (customer); *p != NULL; p++)
        {
          g_autofree char *normal = kefu_phone_normalize (*p, NULL, &error);

          g_assert_no_error (error);
          g_assert_cmpstr (normal, ==, *p);
          /* Unique numbers: the store would have refused a duplicate, but say it here too. */
          g_assert_false (g_hash_table_contains (phones_seen, *p));
          g_hash_table_add (phones_seen, g_strdup (*p));
        }
      g_string_append_printf (dump, "%s|%s|%s|%s|%d|%s|%s\n",
                              kefu_customer_get_name (customer),
                              kefu_customer_get_address (customer),
                              kefu_customer_get_district (customer),
                              phones,
                              kefu_customer_get_is_member (customer),
                              kefu_customer_get_member_number (customer) ?: "",
                              kefu_enum_to_nick (KEFU_TYPE_CHANNEL,
                                                 kefu_customer_get_channel (customer)) ?: "");
    }

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* Compares two dumps line by line, so that a failure names the first customer that differs
 * instead of printing two thousand lines. */
static void
assert_same_dump (const char *expected,
                  const char *actual)
{
  g_auto(GStrv) a = g_strsplit (expected, "\n", -1);
  g_auto(GStrv) b = g_strsplit (actual, "\n", -1);
  guint i;

  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (!g_str_equal (a[i], b[i]))
      g_error ("customer %u differs:\n  %s\n  %s", i + 1, a[i], b[i]);
  g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
}

static void
generate_into (Fixture    *fixture,
               const char *option,
               const char *seed)
{
  g_auto(Run) run = { 0 };

  run_kefuctl (fixture, &run, option, "generate", "--customers", "2000", "--seed", seed);
  kefuctl_assert_success (&run);
  g_assert_nonnull (strstr (run.out, "2000"));
}

static char *sqlite_seed_7_dump;

static void
test_generate (Fixture       *fixture,
               gconstpointer  data)
{
  Backend backend = GPOINTER_TO_INT (data);
  g_autofree char *option_a = NULL, *option_b = NULL, *option_c = NULL;
  g_autofree char *a = kefuctl_new_location (fixture, backend, "a.db", &option_a);
  g_autofree char *b = kefuctl_new_location (fixture, backend, "b.db", &option_b);
  g_autofree char *c = kefuctl_new_location (fixture, backend, "c.db", &option_c);
  g_autofree char *dump_a = NULL, *dump_b = NULL, *dump_c = NULL;
  g_auto(Run) repeat = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) surnames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) districts = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_members = 0, n_two_phones = 0;

  generate_into (fixture, option_a, "7");
  generate_into (fixture, option_b, "7");
  generate_into (fixture, option_c, "8");

  dump_a = dump_customers (a);
  dump_b = dump_customers (b);
  dump_c = dump_customers (c);

  /* Same seed, same data; another seed, other data. */
  lines = g_strsplit (dump_a, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2001);
  assert_same_dump (dump_a, dump_b);
  g_assert_false (g_str_equal (dump_a, dump_c));

  /* The same seed gives the same customers on both backends. */
  if (backend == BACKEND_SQLITE)
    sqlite_seed_7_dump = g_strdup (dump_a);
  else if (sqlite_seed_7_dump != NULL)
    assert_same_dump (sqlite_seed_7_dump, dump_a);

  /* A plausible spread: many surnames and districts, some members and landlines. */
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "|", -1);

      g_hash_table_add (surnames, g_utf8_substring (fields[0], 0, 1));
      g_hash_table_add (districts, (gpointer) g_intern_string (fields[2]));
      n_members += g_str_equal (fields[4], "1");
      n_two_phones += strchr (fields[3], ',') != NULL;
    }
  g_assert_cmpuint (g_hash_table_size (surnames), >=, 50);
  g_assert_cmpuint (g_hash_table_size (districts), ==, 11);
  g_assert_cmpuint (n_members, >, 400);
  g_assert_cmpuint (n_members, <, 800);
  g_assert_cmpuint (n_two_phones, >, 150);
  g_assert_cmpuint (n_two_phones, <, 450);

  /* The same seed again into the same database is refused and adds nothing. */
  run_kefuctl (fixture, &repeat, option_a, "generate", "--customers", "2000", "--seed", "7");
  assert_failure (&repeat);
  g_assert_nonnull (strstr (repeat.err, "seed"));
  {
    g_autoptr(KefuStore) store = kefuctl_open_store (a);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (kefu_store_count_customers (store, NULL, &error), ==, 2000);
    g_assert_no_error (error);
  }

  run_kefuctl (fixture, &check, option_a, "check");
  kefuctl_assert_success (&check);
}

/* Bad input: a message on stderr and a non-zero status, never a crash or a silent success. */

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "x.db", NULL);
  g_autofree char *db_option = g_strdup_printf ("--database=%s", db);
  g_autofree char *dir_option = g_strdup_printf ("--database=%s", fixture->dir);
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *text_option = g_strdup_printf ("--database=%s", text);
  const char *notes = "这不是数据库, just some notes that are long enough to look like a file.\n";
  g_autofree char *notes_after = NULL;

  {
    g_auto(Run) run = { 0 };

    run_kefuctl (fixture, &run, db_option, "frobnicate");
    assert_failure (&run);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "frobnicate"));
  }
  {
    g_auto(Run) run = { 0 };

    run_kefuctl (fixture, &run, db_option);
    assert_failure (&run);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    run_kefuctl (fixture, &run, db_option, "generate", "--customers", "-5");
    assert_failure (&run);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "-5"));
  }
  {
    g_auto(Run) run = { 0 };

    run_kefuctl (fixture, &run, db_option, "generate", "--customers=many");
    assert_failure (&run);
  }
  {
    g_auto(Run) run = { 0 };

    run_kefuctl (fixture, &run, db_option, "generate");
    assert_failure (&run);
    g_assert_nonnull (strstr (run.err, "--customers"));
  }
  {
    g_auto(Run) run = { 0 };

    run_kefuctl (fixture, &run, db_option, "--server=postgresql:///nowhere", "init");
    assert_failure (&run);
  }
  {
    g_auto(Run) run = { 0 };

    run_kefuctl (fixture, &run, db_option, "init", "extra");
    assert_failure (&run);
    g_assert_nonnull (strstr (run.err, "extra"));
  }
  /* None of the usage errors above created the database. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  {
    g_auto(Run) run = { 0 };

    run_kefuctl (fixture, &run, db_option, "check");
    assert_failure (&run);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "init"));
    g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    run_kefuctl (fixture, &run, dir_option, "init");
    assert_failure (&run);
    g_assert_cmpint (run.status, ==, 1);
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(GError) error = NULL;

    g_file_set_contents (text, notes, -1, &error);
    g_assert_no_error (error);
    run_kefuctl (fixture, &run, text_option, "init");
    assert_failure (&run);
    g_assert_cmpint (run.status, ==, 1);
    /* The file is left as it was. */
    g_file_get_contents (text, &notes_after, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (notes_after, ==, notes);
  }
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  static const char *const commands[] = { "init", "check", "demo", "generate" };
  g_auto(Run) help = { 0 };
  g_auto(Run) generate = { 0 };
  g_auto(Run) demo = { 0 };

  run_kefuctl (fixture, &help, "--help");
  kefuctl_assert_success (&help);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i]);

      g_assert_nonnull (strstr (help.out, line));
    }
  g_assert_nonnull (strstr (help.out, "--database"));
  g_assert_nonnull (strstr (help.out, "--server"));

  run_kefuctl (fixture, &generate, "generate", "--help");
  kefuctl_assert_success (&generate);
  g_assert_nonnull (strstr (generate.out, "kefuctl generate"));
  g_assert_nonnull (strstr (generate.out, "--customers"));
  g_assert_nonnull (strstr (generate.out, "--seed"));

  run_kefuctl (fixture, &demo, "help", "demo");
  kefuctl_assert_success (&demo);
  g_assert_nonnull (strstr (demo.out, "--force"));

  {
    g_auto(Run) version = { 0 };
    g_autofree char *schema = g_strdup_printf ("schema version %u", kefu_store_schema_version ());

    run_kefuctl (fixture, &version, "--version");
    kefuctl_assert_success (&version);
    g_assert_nonnull (strstr (version.out, PACKAGE_VERSION));
    g_assert_nonnull (strstr (version.out, schema));
  }
}

int
main (int    argc,
      char **argv)
{
  /* meson passes kefuctl's path first. */
  kefuctl_test_init (&argc, &argv);

#define ADD kefuctl_test_add

  ADD ("/kefu/kefuctl/help", test_help, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/bad-input", test_bad_input, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/default-database", test_default_database, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/init-check", test_init_check, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/check-finds-problems", test_check_finds_problems, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/check-empty-file", test_check_empty_file, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/demo", test_demo, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/demo-refuses-other-data", test_demo_refuses_other_data,
       BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/sqlite/generate", test_generate, BACKEND_SQLITE);
  ADD ("/kefu/kefuctl/postgres/init-check", test_init_check, BACKEND_POSTGRES);
  ADD ("/kefu/kefuctl/postgres/demo", test_demo, BACKEND_POSTGRES);
  ADD ("/kefu/kefuctl/postgres/generate", test_generate, BACKEND_POSTGRES);

#undef ADD

  return g_test_run ();
}
