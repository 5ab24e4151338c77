/* test-store.h: the fixture shared by the store tests, which run on SQLite or PostgreSQL
 * (--backend sqlite | postgres). */
#pragma once

#include <gio/gio.h>

#include "store/kefu-store-private.h"

G_BEGIN_DECLS

typedef struct
{
  KefuStore *store;
  char      *location;   /* SQLite file path or PostgreSQL URI */
  char      *dir;        /* SQLite: the temporary folder holding the file */
} Fixture;

/* Reads --backend sqlite|postgres from the arguments, then g_test_init(). */
void             test_store_init         (int *argc, char ***argv);
KefuStoreBackend test_backend            (void);
gboolean         test_skip_unless_sqlite (void);

void             fixture_setup           (Fixture *fixture, gconstpointer data);
void             fixture_teardown        (Fixture *fixture, gconstpointer data);
/* Closes the store (asserting it is freed) and opens the location again. */
void             fixture_reopen          (Fixture *fixture);
void             fixture_close           (Fixture *fixture);

/* Helpers */
/* A time in Asia/Shanghai, as the clerk would type it; returned in UTC like the form stores it. */
static inline GDateTime *
test_local_time (int year,
                 int month,
                 int day,
                 int hour,
                 int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) local = NULL;

  g_assert_nonnull (zone);
  local = g_date_time_new (zone, year, month, day, hour, minute, 0);
  return g_date_time_to_utc (local);
}

gint64           test_count              (KefuStore *store, const char *sql);
gint64           test_create_staff       (KefuStore *store, const char *login, KefuRole role);
KefuCustomer    *test_new_customer       (const char *name, const char *first_phone, ...)
                                          G_GNUC_NULL_TERMINATED;

#define TEST_ADD(path, func) \
  g_test_add ("/kefu/store/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

void             test_store_add_records_tests (void);
void             test_store_add_text_tests    (void);
void             test_store_add_schema_tests  (void);
void             test_store_add_open_tests    (void);
void             test_store_add_async_tests   (void);
void             test_store_add_customer_search_tests (void);
void             test_store_add_customer_list_tests   (void);
void             test_store_add_import_tests          (void);
void             test_store_add_pin_tests             (void);

G_END_DECLS
