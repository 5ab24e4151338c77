/* test-store-archive.c: archiving instead of deleting, on both backends.
 *
 * A customer, complaint, shipment and service job archived by a team lead or the CS manager
 * leave their working lists and counts, are found by "Show Archived" (and a customer still by
 * the caller lookup), keep their history with an "archived" event, and come back when
 * restored. Clerks are refused; a stale version is refused; archiving twice is refused.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include "store/kefu-store-archive.h"
#include "store/kefu-store-complaints.h"
#include "store/kefu-store-customer-list.h"
#include "store/kefu-store-shipments.h"
#include "test-store-jobs.h"
#include "test-store.h"

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static gint64
version_of (KefuStore       *store,
            KefuArchiveKind  kind,
            gint64           id,
            gboolean        *archived)
{
  g_auto(KefuArchiveState) state = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_store_get_archive_state (store, kind, id, &state, NULL, &error));
  g_assert_no_error (error);
  if (archived != NULL)
    *archived = state.archived;
  return state.version;
}

/* The newest event of the record, as "action by staff". */
static char *
newest_event (KefuStore       *store,
              KefuArchiveKind  kind,
              gint64           id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = kefu_store_list_events (store,
                                                         kefu_archive_kind_get_entity (kind),
                                                         id, NULL, &error);
  g_autoptr(KefuEvent) event = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), >, 0);
  event = g_list_model_get_item (events, 0);
  return g_strdup_printf ("%s by %" G_GINT64_FORMAT, kefu_event_get_action (event),
                          kefu_event_get_staff_id (event));
}

static void
archive_as (KefuStore       *store,
            gint64           actor,
            KefuArchiveKind  kind,
            gint64           id,
            gboolean         restore)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *event = NULL;
  g_autofree char *expected = NULL;
  gint64 version = version_of (store, kind, id, NULL);
  gint64 new_version = 0;
  gboolean archived;

  kefu_store_set_actor (store, actor);
  if (restore)
    g_assert_true (kefu_store_restore_record (store, kind, id, version, &new_version, NULL,
                                              &error));
  else
    g_assert_true (kefu_store_archive_record (store, kind, id, version, &new_version, NULL,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpint (new_version, ==, version + 1);
  g_assert_cmpint (version_of (store, kind, id, &archived), ==, new_version);
  g_assert_cmpint (archived, ==, !restore);
  event = newest_event (store, kind, id);
  expected = g_strdup_printf ("%s by %" G_GINT64_FORMAT, restore ? "restored" : "archived",
                              actor);
  g_assert_cmpstr (event, ==, expected);
}

static GArray *
customer_ids (KefuStore *store,
              gboolean   archived)
{
  KefuCustomerFilter filter = { .archived = archived };
  g_autoptr(GError) error = NULL;
  GArray *ids = kefu_store_list_customer_ids (store, &filter, KEFU_CUSTOMER_SORT_NAME, FALSE,
                                              NULL, &error);

  g_assert_no_error (error);
  return ids;
}

static void
test_customer (Fixture       *fixture,
               gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) working = NULL;
  g_autoptr(GArray) archived = NULL;
  g_autoptr(GArray) archived_ids = NULL;
  g_autoptr(GListModel) by_phone = NULL;
  g_auto(KefuArchiveState) state = { 0 };
  gint64 n_before, version;
  JobsCo jc;

  tj_setup (store, &jc);
  before = customer_ids (store, FALSE);
  g_assert_true (ids_contain (before, jc.customer));
  n_before = kefu_store_count_customers (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_before, ==, before->len);

  /* A clerk may not archive. */
  version = version_of (store, KEFU_ARCHIVE_CUSTOMER, jc.customer, NULL);
  kefu_store_set_actor (store, jc.co.clerk);
  g_assert_false (kefu_store_archive_record (store, KEFU_ARCHIVE_CUSTOMER, jc.customer, version,
                                             NULL, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (version_of (store, KEFU_ARCHIVE_CUSTOMER, jc.customer, NULL), ==, version);

  /* The team lead archives: out of the list and the count, in "Show Archived". */
  archive_as (store, jc.co.team_lead, KEFU_ARCHIVE_CUSTOMER, jc.customer, FALSE);
  working = customer_ids (store, FALSE);
  g_assert_false (ids_contain (working, jc.customer));
  g_assert_cmpuint (working->len, ==, before->len - 1);
  g_assert_cmpint (kefu_store_count_customers (store, NULL, &error), ==, n_before - 1);
  archived = customer_ids (store, TRUE);
  g_assert_cmpuint (archived->len, ==, 1);
  g_assert_cmpint (g_array_index (archived, gint64, 0), ==, jc.customer);
  archived_ids = kefu_store_list_archived_ids (store, KEFU_ARCHIVE_CUSTOMER, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (archived_ids->len, ==, 1);
  g_assert_true (kefu_store_get_archive_state (store, KEFU_ARCHIVE_CUSTOMER, jc.customer,
                                               &state, NULL, &error));
  g_assert_true (state.archived);
  g_assert_nonnull (state.archived_at);
  g_assert_cmpint (state.archived_by, ==, jc.co.team_lead);
  g_assert_cmpstr (state.archived_by_name, !=, NULL);

  /* A caller who calls again is still found by their phone. */
  by_phone = kefu_store_find_customers_by_phone (store, "13800138000", 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (by_phone), ==, 1);
  {
    g_autoptr(KefuCustomer) found = g_list_model_get_item (by_phone, 0);

    g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (found)), ==, jc.customer);
  }

  /* Archiving twice, or restoring with the version read before the archive, is refused. */
  g_assert_false (kefu_store_archive_record (store, KEFU_ARCHIVE_CUSTOMER, jc.customer,
                                             state.version, NULL, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kefu_store_restore_record (store, KEFU_ARCHIVE_CUSTOMER, jc.customer, version,
                                             NULL, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);
  g_clear_error (&error);

  /* The CS manager restores it: back in the list. */
  archive_as (store, jc.co.cs_manager, KEFU_ARCHIVE_CUSTOMER, jc.customer, TRUE);
  g_clear_pointer (&working, g_array_unref);
  working = customer_ids (store, FALSE);
  g_assert_cmpuint (working->len, ==, before->len);
  g_assert_true (ids_contain (working, jc.customer));
  g_assert_cmpint (kefu_store_count_customers (store, NULL, &error), ==, n_before);
  g_clear_pointer (&archived, g_array_unref);
  archived = customer_ids (store, TRUE);
  g_assert_cmpuint (archived->len, ==, 0);
}

static void
test_work_records (Fixture       *fixture,
                   gconstpointer  data)
{
  KefuStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(KefuComplaintFilter) complaint_filter = kefu_complaint_filter_new ();
  g_autoptr(KefuShipmentFilter) shipment_filter = kefu_shipment_filter_new ();
  g_autoptr(KefuJobFilter) job_filter = kefu_job_filter_new ();
  g_autoptr(KefuServiceJob) job = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GDateTime) received = NULL;
  gint64 complaint, shipment = 0, n_open, n_open_after, n_jobs, n_jobs_after, n_ships,
         n_ships_after;
  JobsCo jc;

  tj_setup (store, &jc);

  /* A complaint, received before the real time of any run. */
  tj_clock (store, 2026, 11, 26, 9, 30);
  received = test_local_time (2026, 11, 26, 9, 30);
  call = test_complaint_call (&jc.co, jc.co.clerk, "13900002222",
                              KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, received);
  test_save_call (store, call);
  complaint = kefu_store_find_complaint_by_call (store, kefu_record_get_id (KEFU_RECORD (call)),
                                                 NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (complaint, >, 0);
  g_assert_true (kefu_store_count_open_complaints (store, &n_open, NULL, NULL, NULL, &error));
  archive_as (store, jc.co.team_lead, KEFU_ARCHIVE_COMPLAINT, complaint, FALSE);
  ids = kefu_store_list_complaint_ids (store, complaint_filter, KEFU_COMPLAINT_SORT_RECEIVED,
                                       FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (ids_contain (ids, complaint));
  g_clear_pointer (&ids, g_array_unref);
  g_assert_true (kefu_store_count_open_complaints (store, &n_open_after, NULL, NULL, NULL,
                                                   &error));
  g_assert_cmpint (n_open_after, ==, n_open - 1);
  complaint_filter->archived = TRUE;
  ids = kefu_store_list_complaint_ids (store, complaint_filter, KEFU_COMPLAINT_SORT_RECEIVED,
                                       FALSE, NULL, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_true (ids_contain (ids, complaint));
  g_clear_pointer (&ids, g_array_unref);

  /* A shipment. */
  tj_ship (store, &jc, jc.customer, jc.analyser, "X200-A1", 1, NULL,
           "2026-11-25 02:00:00.000Z", &shipment);
  g_assert_true (kefu_store_count_shipments (store, NULL, &n_ships, NULL, NULL, &error));
  archive_as (store, jc.co.cs_manager, KEFU_ARCHIVE_SHIPMENT, shipment, FALSE);
  ids = kefu_store_list_shipment_ids (store, shipment_filter, KEFU_SHIPMENT_SORT_REQUESTED,
                                      FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (ids_contain (ids, shipment));
  g_clear_pointer (&ids, g_array_unref);
  g_assert_true (kefu_store_count_shipments (store, NULL, &n_ships_after, NULL, NULL, &error));
  g_assert_cmpint (n_ships_after, ==, n_ships - 1);
  shipment_filter->archived = TRUE;
  ids = kefu_store_list_shipment_ids (store, shipment_filter, KEFU_SHIPMENT_SORT_REQUESTED,
                                      FALSE, NULL, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  /* A service job, archived then restored. */
  job = tj_create (store, jc.co.clerk, KEFU_JOB_KIND_REPAIR, jc.customer, 0, NULL, "漏液");
  g_assert_true (kefu_store_count_jobs (store, &n_jobs, NULL, NULL, &error));
  archive_as (store, jc.co.team_lead, KEFU_ARCHIVE_SERVICE_JOB, job->id, FALSE);
  ids = kefu_store_list_job_ids (store, job_filter, KEFU_JOB_SORT_REPORTED, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (ids_contain (ids, job->id));
  g_clear_pointer (&ids, g_array_unref);
  ids = kefu_store_list_job_ids (store, NULL, KEFU_JOB_SORT_REPORTED, FALSE, NULL, &error);
  g_assert_false (ids_contain (ids, job->id));
  g_clear_pointer (&ids, g_array_unref);
  g_assert_true (kefu_store_count_jobs (store, &n_jobs_after, NULL, NULL, &error));
  g_assert_cmpint (n_jobs_after, ==, n_jobs - 1);
  archive_as (store, jc.co.team_lead, KEFU_ARCHIVE_SERVICE_JOB, job->id, TRUE);
  ids = kefu_store_list_job_ids (store, job_filter, KEFU_JOB_SORT_REPORTED, FALSE, NULL, &error);
  g_assert_true (ids_contain (ids, job->id));

  /* Nothing was deleted: the history still holds every record. */
  g_assert_cmpint (test_count (store, "SELECT count(*) FROM complaints"), ==, 1);
  g_assert_cmpint (test_count (store, "SELECT count(*) FROM shipments"), ==, 1);
}

void
test_store_add_archive_tests (void)
{
  TEST_ADD ("archive/customer", test_customer);
  TEST_ADD ("archive/work-records", test_work_records);
}
