/* test-store-shift-notes.c: shift hand-over notes (kefu-store-shift-notes.h): written with
 * links by one clerk and found unread by another, the log of local days newest first, read
 * marks (one, all, twice, a missing note), the three-day rule under the store's clock, the
 * events written, the text's validation, finding the record a typed reference or phone names
 * (each kind, and misses), the asynchronous forms and the report's CSV. On both backends.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include "core/kefu-csv.h"
#include "store/kefu-store-clock.h"
#include "store/kefu-store-shift-notes.h"
#include "test-store-calls.h"

typedef struct
{
  Company company;
  gint64  customer;       /* 赵敏, 138 1234 5678 */
  char   *order_ref;      /* DH-… */
  char   *complaint_ref;  /* TS-… */
  char   *inquiry_ref;    /* ZX-… */
  gint64  order_call;
  gint64  complaint_call;
  gint64  complaint;
  gint64  shipment;       /* FH-20261127-0001 */
  gint64  job;            /* SH-20261127-0001 */
  gint64  callback;       /* after the shipment's delivery, due */
} World;

static void
world_clear (World *w)
{
  g_free (w->order_ref);
  g_free (w->complaint_ref);
  g_free (w->inquiry_ref);
}

static gint64
insert_returning_id (KefuStore  *store,
                     const char *sql,
                     GVariant   *params)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuRows) rows = _kefu_store_query (store, sql, params, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (kefu_rows_get_n_rows (rows), ==, 1);
  return kefu_rows_get_int (rows, 0, 0);
}

static void
world_setup (KefuStore *store,
             World     *w)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCustomer) customer = test_new_customer ("赵敏", "13812345678", NULL);
  g_autoptr(GDateTime) received = test_local_time (2026, 11, 27, 9, 30);
  g_autoptr(KefuCall) order = NULL;
  g_autoptr(KefuCall) complaint = NULL;
  g_autoptr(KefuCall) inquiry = NULL;
  g_autofree char *received_text = kefu_time_to_db (received);

  kefu_store_set_system_actor (store);
  test_company_setup (store, &w->company);
  g_assert_true (kefu_store_create_customer (store, customer, NULL, &error));
  g_assert_no_error (error);
  w->customer = kefu_record_get_id (KEFU_RECORD (customer));

  kefu_store_set_actor (store, w->company.clerk);
  order = test_order_call (&w->company, w->company.clerk, "13900001111", "朝阳区",
                           KEFU_CHANNEL_HOME_DELIVERY, received);
  test_save_call (store, order);
  complaint = test_complaint_call (&w->company, w->company.clerk, "13900002222",
                                   KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, received);
  test_save_call (store, complaint);
  inquiry = test_inquiry_call (w->company.clerk, "13900003333", FALSE, received);
  test_save_call (store, inquiry);
  w->order_ref = g_strdup (kefu_call_get_reference (order));
  w->complaint_ref = g_strdup (kefu_call_get_reference (complaint));
  w->inquiry_ref = g_strdup (kefu_call_get_reference (inquiry));
  w->order_call = kefu_record_get_id (KEFU_RECORD (order));
  w->complaint_call = kefu_record_get_id (KEFU_RECORD (complaint));
  w->complaint = insert_returning_id (store, "SELECT id FROM complaints WHERE call_id = $1",
                                      g_variant_new ("(x)", w->complaint_call));

  /* After-sales records as their tables hold them; only their references matter here. */
  w->shipment = insert_returning_id (store,
                                     "INSERT INTO shipments (reference, customer_id, "
                                     "customer_name, requested_at, requested_by) VALUES "
                                     "('FH-20261127-0001', $1, '赵敏', $2, $3) RETURNING id",
                                     g_variant_new ("(xsx)", w->customer, received_text,
                                                    w->company.clerk));
  w->job = insert_returning_id (store,
                                "INSERT INTO service_jobs (reference, kind, customer_id, "
                                "customer_name, reported_at, reported_by) VALUES "
                                "('SH-20261127-0001', 'repair', $1, '赵敏', $2, $3) RETURNING id",
                                g_variant_new ("(xsx)", w->customer, received_text,
                                               w->company.clerk));
  /* Two callbacks of the customer: a done one after the job, a due one after the shipment. */
  insert_returning_id (store,
                       "INSERT INTO callbacks (customer_id, customer_name, reason, "
                       "source_entity, source_id, due_at, state, created_by) VALUES "
                       "($1, '赵敏', 'after-service', 'service-job', $2, $3, 'done', $4) "
                       "RETURNING id",
                       g_variant_new ("(xxsx)", w->customer, w->job, received_text,
                                      w->company.clerk));
  w->callback = insert_returning_id (store,
                                     "INSERT INTO callbacks (customer_id, customer_name, reason, "
                                     "source_entity, source_id, due_at, created_by) VALUES "
                                     "($1, '赵敏', 'after-delivery', 'shipment', $2, $3, $4) "
                                     "RETURNING id",
                                     g_variant_new ("(xxsx)", w->customer, w->shipment,
                                                    received_text, w->company.clerk));
}

static KefuShiftNote *
write_note (KefuStore  *store,
            const char *text,
            gboolean    urgent,
            ...)
{
  g_autoptr(GListStore) links = g_list_store_new (KEFU_TYPE_SHIFT_NOTE_LINK);
  g_autoptr(GError) error = NULL;
  KefuShiftNote *note;
  va_list args;

  va_start (args, urgent);
  for (KefuShiftNoteLink *link = va_arg (args, KefuShiftNoteLink *); link != NULL;
       link = va_arg (args, KefuShiftNoteLink *))
    {
      g_list_store_append (links, link);
      g_object_unref (link);
    }
  va_end (args);
  note = kefu_store_write_shift_note (store, text, urgent, G_LIST_MODEL (links), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (note);
  return note;
}

static guint
n_unread (KefuStore *store,
          gint64     staff)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) unread = kefu_store_list_unread_shift_notes (store, staff, NULL, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (unread);
}

static GListModel *
list_days (KefuStore *store,
           int        first_day,
           int        last_day)
{
  g_autoptr(GError) error = NULL;
  GDate first;
  GDate last;
  GListModel *notes;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, first_day, G_DATE_NOVEMBER, 2026);
  g_date_set_dmy (&last, last_day, G_DATE_NOVEMBER, 2026);
  notes = kefu_store_list_shift_notes (store, &first, &last, NULL, &error);
  g_assert_no_error (error);
  return notes;
}

static void
set_clock_local (KefuStore *store,
                 int        day,
                 int        hour,
                 int        minute)
{
  g_autoptr(GDateTime) now = test_local_time (2026, 11, day, hour, minute);

  kefu_store_set_clock (store, now);
}

static void
test_write_list_read (Fixture       *fixture,
                      gconstpointer  data)
{
  KefuStore *store = fixture->store;
  World w = { 0 };
  g_autoptr(KefuShiftNote) day = NULL;
  g_autoptr(KefuShiftNote) late = NULL;
  g_autoptr(KefuShiftNote) night = NULL;
  g_autoptr(KefuShiftNote) item = NULL;
  g_autoptr(KefuShiftNoteLink) link = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GListModel) unread = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t0 = test_local_time (2026, 11, 27, 17, 55);
  g_autofree char *details = NULL;
  gint64 events;

  world_setup (store, &w);
  events = test_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'shift-note'");
  g_assert_cmpint (events, ==, 0);

  /* The day shift (clerk) hands over at 17:55 with two links. */
  kefu_store_set_actor (store, w.company.clerk);
  kefu_store_set_clock (store, t0);
  day = write_note (store, "  赵敏的投诉今晚要回电\r\n潜在客户：王先生\u3000", TRUE,
                    kefu_shift_note_link_new (KEFU_SHIFT_NOTE_ENTITY_COMPLAINT, w.complaint,
                                              "TS 赵敏"),
                    kefu_shift_note_link_new (KEFU_SHIFT_NOTE_ENTITY_CUSTOMER, w.customer,
                                              "赵敏 138 1234 5678"),
                    NULL);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (day)), >, 0);
  g_assert_cmpint (kefu_record_get_version (KEFU_RECORD (day)), ==, 1);
  g_assert_cmpstr (kefu_shift_note_get_text (day), ==, "赵敏的投诉今晚要回电\n潜在客户：王先生");
  g_assert_cmpint (kefu_shift_note_get_written_by (day), ==, w.company.clerk);
  g_assert_cmpstr (kefu_shift_note_get_author_name (day), ==, "clerk");
  g_assert_true (kefu_shift_note_get_urgent (day));
  g_assert_true (g_date_time_equal (kefu_shift_note_get_written_at (day), t0));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_shift_note_get_links (day)), ==, 2);

  /* Its event, for the change feed. */
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'shift-note' "
                                      "AND action = 'create'"), ==, 1);
  details = test_query_text (store, "SELECT details FROM events WHERE entity = 'shift-note' "
                                    "AND entity_id = $1", kefu_record_get_id (KEFU_RECORD (day)));
  g_assert_nonnull (strstr (details, "\"urgent\":true"));
  g_assert_nonnull (strstr (details, "\"entity\":\"complaint\""));
  g_assert_cmpint (test_count (store, "SELECT staff_id FROM events WHERE entity = 'shift-note'"),
                   ==, w.company.clerk);

  /* 23:50 on the 27th and 00:10 on the 28th, Shanghai: two local days (one UTC day). */
  kefu_store_set_actor (store, w.company.team_lead);
  set_clock_local (store, 27, 23, 50);
  late = write_note (store, "夜班：仓库电话没人接", FALSE, NULL);
  set_clock_local (store, 28, 0, 10);
  night = write_note (store, "零点后：物流单号待补", FALSE,
                      kefu_shift_note_link_new (KEFU_SHIFT_NOTE_ENTITY_SHIPMENT, w.shipment,
                                                "FH-20261127-0001 赵敏"), NULL);

  notes = list_days (store, 27, 27);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  item = g_list_model_get_item (notes, 0);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (item)), ==,
                   kefu_record_get_id (KEFU_RECORD (late)));
  g_assert_cmpstr (kefu_shift_note_get_author_name (item), ==, "lead");
  g_clear_object (&item);
  item = g_list_model_get_item (notes, 1);
  g_assert_cmpstr (kefu_shift_note_get_text (item), ==, kefu_shift_note_get_text (day));
  g_assert_true (kefu_shift_note_get_urgent (item));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_shift_note_get_links (item)), ==, 2);
  link = g_list_model_get_item (kefu_shift_note_get_links (item), 0);
  g_assert_cmpint (kefu_shift_note_link_get_entity (link), ==, KEFU_SHIFT_NOTE_ENTITY_COMPLAINT);
  g_assert_cmpint (kefu_shift_note_link_get_entity_id (link), ==, w.complaint);
  g_assert_cmpstr (kefu_shift_note_link_get_text (link), ==, "TS 赵敏");
  g_clear_object (&link);
  link = g_list_model_get_item (kefu_shift_note_get_links (item), 1);
  g_assert_cmpint (kefu_shift_note_link_get_entity (link), ==, KEFU_SHIFT_NOTE_ENTITY_CUSTOMER);
  g_clear_object (&item);
  g_clear_object (&notes);
  notes = list_days (store, 28, 28);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  item = g_list_model_get_item (notes, 0);
  g_assert_cmpstr (kefu_shift_note_get_text (item), ==, "零点后：物流单号待补");
  g_assert_cmpuint (g_list_model_get_n_items (kefu_shift_note_get_links (item)), ==, 1);
  g_clear_object (&item);
  g_clear_object (&notes);
  notes = list_days (store, 26, 26);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 0);
  g_clear_object (&notes);
  notes = list_days (store, 26, 30);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 3);
  g_clear_object (&notes);

  /* Unread: clerk2 has all three; the clerk has the lead's two; the lead the clerk's one. */
  g_assert_cmpuint (n_unread (store, w.company.clerk2), ==, 3);
  g_assert_cmpuint (n_unread (store, w.company.clerk), ==, 2);
  g_assert_cmpuint (n_unread (store, w.company.team_lead), ==, 1);
  unread = kefu_store_list_unread_shift_notes (store, w.company.clerk2, NULL, &error);
  g_assert_no_error (error);
  item = g_list_model_get_item (unread, 0);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (item)), ==,
                   kefu_record_get_id (KEFU_RECORD (night)));
  g_clear_object (&item);

  /* clerk2 reads the day note, twice (no error), then everything. */
  kefu_store_set_actor (store, w.company.clerk2);
  g_assert_true (kefu_store_mark_shift_notes_read (store, kefu_record_get_id (KEFU_RECORD (day)),
                                                   NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kefu_store_mark_shift_notes_read (store, kefu_record_get_id (KEFU_RECORD (day)),
                                                   NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_unread (store, w.company.clerk2), ==, 2);
  /* Another's marks are theirs: the clerk still has two. */
  g_assert_cmpuint (n_unread (store, w.company.clerk), ==, 2);
  g_assert_true (kefu_store_mark_shift_notes_read (store, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_unread (store, w.company.clerk2), ==, 0);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM shift_note_reads"), ==, 3);
  g_assert_false (kefu_store_mark_shift_notes_read (store, 999999, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Read marks are not history; three notes, three events. */
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'shift-note'"),
                   ==, 3);
  world_clear (&w);
}

static void
test_unread_window (Fixture       *fixture,
                    gconstpointer  data)
{
  KefuStore *store = fixture->store;
  World w = { 0 };
  g_autoptr(KefuShiftNote) note = NULL;
  g_autoptr(GDateTime) t0 = test_local_time (2026, 11, 20, 18, 0);
  g_autoptr(GDateTime) just_before = g_date_time_add_seconds (t0, 3 * 86400 - 1);
  g_autoptr(GDateTime) exactly = g_date_time_add_seconds (t0, 3 * 86400);
  g_autoptr(GDateTime) after = g_date_time_add_seconds (t0, 3 * 86400 + 1);
  g_autoptr(GError) error = NULL;

  world_setup (store, &w);
  kefu_store_set_actor (store, w.company.clerk);
  kefu_store_set_clock (store, t0);
  note = write_note (store, "白班交接：冷库温度报警已报修", TRUE, NULL);

  kefu_store_set_clock (store, just_before);
  g_assert_cmpuint (n_unread (store, w.company.clerk2), ==, 1);
  kefu_store_set_clock (store, exactly);
  g_assert_cmpuint (n_unread (store, w.company.clerk2), ==, 1);
  kefu_store_set_clock (store, after);
  g_assert_cmpuint (n_unread (store, w.company.clerk2), ==, 0);

  /* "Mark all" then leaves the old note alone: it is not unread any more, only in the log. */
  kefu_store_set_actor (store, w.company.clerk2);
  g_assert_true (kefu_store_mark_shift_notes_read (store, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM shift_note_reads"), ==, 0);
  world_clear (&w);
}

static void
assert_invalid (KefuStore  *store,
                const char *text,
                GListModel *links,
                const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuShiftNote) note = kefu_store_write_shift_note (store, text, FALSE, links, NULL,
                                                               &error);

  g_assert_null (note);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  if (reason != NULL)
    g_assert_nonnull (strstr (error->message, reason));
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  KefuStore *store = fixture->store;
  World w = { 0 };
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GListStore) twice = g_list_store_new (KEFU_TYPE_SHIFT_NOTE_LINK);
  g_autoptr(KefuShiftNoteLink) link = NULL;
  g_autoptr(KefuShiftNote) longest = NULL;
  g_autoptr(GError) error = NULL;

  world_setup (store, &w);
  kefu_store_set_actor (store, w.company.clerk);

  assert_invalid (store, "", NULL, NULL);
  assert_invalid (store, " \u3000\n ", NULL, NULL);
  assert_invalid (store, NULL, NULL, NULL);
  /* 4,000 characters (Chinese: 12,000 bytes) pass; one more is refused, with the limit said. */
  for (guint i = 0; i < KEFU_SHIFT_NOTE_MAX_TEXT; i++)
    g_string_append (long_text, "交");
  longest = write_note (store, long_text->str, FALSE, NULL);
  g_assert_cmpuint (g_utf8_strlen (kefu_shift_note_get_text (longest), -1), ==, 4000);
  g_string_append (long_text, "接");
  assert_invalid (store, long_text->str, NULL, "4");

  link = kefu_shift_note_link_new (KEFU_SHIFT_NOTE_ENTITY_JOB, w.job, "SH-20261127-0001");
  g_list_store_append (twice, link);
  g_list_store_append (twice, link);
  assert_invalid (store, "两次同一条", G_LIST_MODEL (twice), "SH-20261127-0001");

  /* Nothing was written by the refusals: one note, one event. */
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM shift_notes"), ==, 1);
  g_assert_cmpint (test_count (store, "SELECT COUNT(*) FROM events WHERE entity = 'shift-note'"),
                   ==, 1);

  /* Nobody signed in: nothing is written. */
  kefu_store_set_actor (store, 0);
  g_assert_null (kefu_store_write_shift_note (store, "谁写的？", FALSE, NULL, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NO_ACTOR);
  world_clear (&w);
}

static void
assert_resolves (KefuStore           *store,
                 int                  entity,
                 const char          *text,
                 KefuShiftNoteEntity  expected,
                 gint64               id,
                 const char          *shown)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuShiftNoteLink) link = kefu_store_resolve_shift_note_link (store, entity, text,
                                                                          NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (link);
  g_assert_cmpint (kefu_shift_note_link_get_entity (link), ==, expected);
  g_assert_cmpint (kefu_shift_note_link_get_entity_id (link), ==, id);
  if (shown != NULL)
    g_assert_nonnull (strstr (kefu_shift_note_link_get_text (link), shown));
}

static void
assert_misses (KefuStore   *store,
               int          entity,
               const char  *text,
               int          code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuShiftNoteLink) link = kefu_store_resolve_shift_note_link (store, entity, text,
                                                                          NULL, &error);

  if (link != NULL)
    g_error ("“%s” found %s", text, kefu_shift_note_link_get_text (link));
  g_assert_error (error, KEFU_STORE_ERROR, code);
  g_test_message ("%s: %s", text, error->message);
}

static void
test_resolve (Fixture       *fixture,
              gconstpointer  data)
{
  KefuStore *store = fixture->store;
  World w = { 0 };
  g_autofree char *typed = NULL;

  world_setup (store, &w);

  /* As a caller reads it: lower case, spaces for dashes. */
  typed = g_ascii_strdown (w.order_ref, -1);
  g_strdelimit (typed, "-", ' ');
  assert_resolves (store, -1, typed, KEFU_SHIFT_NOTE_ENTITY_CALL, w.order_call, w.order_ref);
  assert_resolves (store, KEFU_SHIFT_NOTE_ENTITY_CALL, w.order_ref, KEFU_SHIFT_NOTE_ENTITY_CALL,
                   w.order_call, "张三");
  /* A complaint's reference names the complaint, unless a call is asked for. */
  assert_resolves (store, -1, w.complaint_ref, KEFU_SHIFT_NOTE_ENTITY_COMPLAINT, w.complaint,
                   w.complaint_ref);
  assert_resolves (store, KEFU_SHIFT_NOTE_ENTITY_COMPLAINT, w.complaint_ref,
                   KEFU_SHIFT_NOTE_ENTITY_COMPLAINT, w.complaint, "张三");
  assert_resolves (store, KEFU_SHIFT_NOTE_ENTITY_CALL, w.complaint_ref,
                   KEFU_SHIFT_NOTE_ENTITY_CALL, w.complaint_call, NULL);
  assert_resolves (store, -1, w.inquiry_ref, KEFU_SHIFT_NOTE_ENTITY_CALL, 0 + 0 +
                   insert_returning_id (store, "SELECT id FROM calls WHERE reference = $1",
                                        g_variant_new ("(s)", w.inquiry_ref)), NULL);
  assert_resolves (store, -1, "fh-20261127-1", KEFU_SHIFT_NOTE_ENTITY_SHIPMENT, w.shipment,
                   "FH-20261127-0001 赵敏");
  assert_resolves (store, KEFU_SHIFT_NOTE_ENTITY_SHIPMENT, "FH-20261127-0001",
                   KEFU_SHIFT_NOTE_ENTITY_SHIPMENT, w.shipment, NULL);
  assert_resolves (store, -1, "ＳＨ－２０２６１１２７－０００１", KEFU_SHIFT_NOTE_ENTITY_JOB, w.job,
                   "SH-20261127-0001");
  assert_resolves (store, KEFU_SHIFT_NOTE_ENTITY_JOB, "SH-20261127-0001",
                   KEFU_SHIFT_NOTE_ENTITY_JOB, w.job, NULL);
  /* A callback by what it follows (the job's is done: still found), or by its customer's phone:
   * the due one first. */
  assert_resolves (store, KEFU_SHIFT_NOTE_ENTITY_CALLBACK, "SH-20261127-0001",
                   KEFU_SHIFT_NOTE_ENTITY_CALLBACK,
                   insert_returning_id (store, "SELECT id FROM callbacks WHERE source_id = $1 "
                                               "AND source_entity = 'service-job'",
                                        g_variant_new ("(x)", w.job)), "SH-20261127-0001");
  assert_resolves (store, KEFU_SHIFT_NOTE_ENTITY_CALLBACK, "FH-20261127-0001",
                   KEFU_SHIFT_NOTE_ENTITY_CALLBACK, w.callback, "赵敏");
  assert_resolves (store, KEFU_SHIFT_NOTE_ENTITY_CALLBACK, "138 1234 5678",
                   KEFU_SHIFT_NOTE_ENTITY_CALLBACK, w.callback, "赵敏");
  /* A customer by phone, whole or by its last digits. */
  assert_resolves (store, -1, "138-1234-5678", KEFU_SHIFT_NOTE_ENTITY_CUSTOMER, w.customer,
                   "赵敏");
  assert_resolves (store, KEFU_SHIFT_NOTE_ENTITY_CUSTOMER, "5678",
                   KEFU_SHIFT_NOTE_ENTITY_CUSTOMER, w.customer, "赵敏");

  /* Misses, each with its reason. */
  assert_misses (store, -1, "TS-20261127-0099", KEFU_STORE_ERROR_NOT_FOUND);
  assert_misses (store, KEFU_SHIFT_NOTE_ENTITY_COMPLAINT, w.order_ref,
                 KEFU_STORE_ERROR_NOT_FOUND);
  assert_misses (store, KEFU_SHIFT_NOTE_ENTITY_SHIPMENT, "SH-20261127-0001",
                 KEFU_STORE_ERROR_NOT_FOUND);
  assert_misses (store, KEFU_SHIFT_NOTE_ENTITY_CALLBACK, w.order_ref, KEFU_STORE_ERROR_NOT_FOUND);
  assert_misses (store, -1, "13700000000", KEFU_STORE_ERROR_NOT_FOUND);
  assert_misses (store, KEFU_SHIFT_NOTE_ENTITY_CUSTOMER, w.order_ref, KEFU_STORE_ERROR_INVALID);
  assert_misses (store, -1, "明天再说", KEFU_STORE_ERROR_INVALID);
  assert_misses (store, -1, "   ", KEFU_STORE_ERROR_INVALID);
  world_clear (&w);
}

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async_and_csv (Fixture       *fixture,
                    gconstpointer  data)
{
  KefuStore *store = fixture->store;
  World w = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListStore) links = g_list_store_new (KEFU_TYPE_SHIFT_NOTE_LINK);
  g_autoptr(KefuShiftNoteLink) link = NULL;
  g_autoptr(KefuShiftNote) note = NULL;
  g_autoptr(GListModel) unread = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize size;

  world_setup (store, &w);
  kefu_store_set_actor (store, w.company.clerk);
  set_clock_local (store, 27, 18, 5);

  kefu_store_resolve_shift_note_link_async (store, -1, w.complaint_ref, NULL, async_done_cb,
                                            &result);
  link = kefu_store_resolve_shift_note_link_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_shift_note_link_get_entity_id (link), ==, w.complaint);
  g_clear_object (&result);
  g_list_store_append (links, link);

  kefu_store_write_shift_note_async (store, "=投诉要回电, \"加急\"", TRUE, G_LIST_MODEL (links),
                                     NULL, async_done_cb, &result);
  /* The links were copied: the caller's list may change meanwhile. */
  g_list_store_remove_all (links);
  note = kefu_store_write_shift_note_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kefu_shift_note_get_links (note)), ==, 1);
  g_clear_object (&result);

  kefu_store_set_actor (store, w.company.clerk2);
  kefu_store_list_unread_shift_notes_async (store, w.company.clerk2, NULL, async_done_cb,
                                            &result);
  unread = kefu_store_list_unread_shift_notes_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (unread), ==, 1);
  g_clear_object (&result);
  kefu_store_mark_shift_notes_read_async (store, 0, NULL, async_done_cb, &result);
  g_assert_true (kefu_store_mark_shift_notes_read_finish (store, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (n_unread (store, w.company.clerk2), ==, 0);

  {
    GDate day;

    g_date_clear (&day, 1);
    g_date_set_dmy (&day, 27, G_DATE_NOVEMBER, 2026);
    kefu_store_list_shift_notes_async (store, &day, &day, NULL, async_done_cb, &result);
    notes = kefu_store_list_shift_notes_finish (store, wait_for (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  }

  /* The report: local time, the author, urgent, the text guarded against formulas, links. */
  csv = kefu_shift_notes_to_csv (notes);
  text = g_strndup (g_bytes_get_data (csv, &size), g_bytes_get_size (csv));
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, KEFU_CSV_BOM));
  g_assert_nonnull (strstr (text, "2026-11-27 18:05,clerk,Urgent,"));
  g_assert_nonnull (strstr (text, "\"'=投诉要回电, \"\"加急\"\"\""));
  g_assert_nonnull (strstr (text, w.complaint_ref));
  world_clear (&w);
}



int
main (int   argc,
      char *argv[])
{
  /* Local days are China's, whatever the machine's zone. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  test_store_init (&argc, &argv);

  TEST_ADD ("shift-notes/write-list-read", test_write_list_read);
  TEST_ADD ("shift-notes/unread-three-days", test_unread_window);
  TEST_ADD ("shift-notes/validation", test_validation);
  TEST_ADD ("shift-notes/resolve-links", test_resolve);
  TEST_ADD ("shift-notes/async-and-csv", test_async_and_csv);

  return g_test_run ();
}
