/* test-store-pin.c: the staff's optional PIN, on both backends.
 *
 * A clerk sets a PIN (stored as a PBKDF2 hash, never as typed), checks it, changes it only with
 * the current one, clears it; the CS manager clears a forgotten one and a clerk may not clear
 * someone else's. The events say what happened without the PIN or its hash.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "store/kefu-store-pin.h"
#include "test-store.h"

static char *
stored_hash (KefuStore *store,
             gint64     staff_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = _kefu_store_query (store, "SELECT pin_hash FROM staff WHERE id = $1",
                                                g_variant_new ("(x)", staff_id), NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (kefu_rows_get_n_rows (rows), ==, 1);
  return kefu_rows_is_null (rows, 0, 0) ? NULL : g_strdup (kefu_rows_get_text (rows, 0, 0));
}

static gboolean
has_pin (KefuStore *store,
         gint64     staff_id)
{
  g_autoptr(GError) error = NULL;
  gboolean has = FALSE;

  g_assert_true (kefu_store_staff_has_pin (store, staff_id, &has, NULL, &error));
  g_assert_no_error (error);
  return has;
}

static void
test_pin (Fixture       *fixture,
          gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  gint64 clerk = test_create_staff (store, "wangfang", KEFU_ROLE_CLERK);
  gint64 clerk2 = test_create_staff (store, "lina", KEFU_ROLE_CLERK);
  gint64 manager = test_create_staff (store, "zhaomin", KEFU_ROLE_CS_MANAGER);

  /* No PIN: any check passes. */
  g_assert_false (has_pin (store, clerk));
  g_assert_true (kefu_store_check_staff_pin (store, clerk, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The clerk sets one: only its hash is stored. */
  kefu_store_set_actor (store, clerk);
  g_assert_false (kefu_store_set_own_pin (store, NULL, "12a4", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  kefu_store_set_own_pin (store, NULL, "2580", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_pin (store, clerk));
  hash = stored_hash (store, clerk);
  g_assert_true (g_str_has_prefix (hash, "pbkdf2-sha256$"));
  g_assert_null (strstr (hash, "2580"));
  g_assert_cmpint (test_count (store, "SELECT count(*) FROM events WHERE entity = 'staff' AND "
                                      "action = 'pin-set' AND details = '{}'"), ==, 1);

  g_assert_true (kefu_store_check_staff_pin (store, clerk, "2580", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (kefu_store_check_staff_pin (store, clerk, "0000", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_AUTH);
  g_clear_error (&error);

  /* Changing it needs the current one. */
  g_assert_false (kefu_store_set_own_pin (store, "1111", "13579", NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_AUTH);
  g_clear_error (&error);
  g_assert_true (kefu_store_check_staff_pin (store, clerk, "2580", NULL, &error));
  g_assert_true (kefu_store_set_own_pin (store, "2580", "13579", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kefu_store_check_staff_pin (store, clerk, "13579", NULL, &error));
  g_assert_no_error (error);

  /* Another clerk may not clear it; the CS manager may. */
  kefu_store_set_actor (store, clerk2);
  g_assert_false (kefu_store_clear_staff_pin (store, clerk, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (has_pin (store, clerk));
  kefu_store_set_actor (store, manager);
  g_assert_true (kefu_store_clear_staff_pin (store, clerk, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (has_pin (store, clerk));
  g_assert_cmpint (test_count (store, "SELECT count(*) FROM events WHERE entity = 'staff' AND "
                                      "action = 'pin-cleared'"), ==, 1);

  /* The clerk sets one again, then clears it with it. */
  kefu_store_set_actor (store, clerk);
  g_assert_true (kefu_store_set_own_pin (store, NULL, "8642", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (kefu_store_set_own_pin (store, "1234", NULL, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_AUTH);
  g_clear_error (&error);
  g_assert_true (kefu_store_set_own_pin (store, "8642", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (has_pin (store, clerk));
}

void
test_store_add_pin_tests (void)
{
  TEST_ADD ("staff/pin", test_pin);
}
