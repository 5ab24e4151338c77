/* kefu-store-complaint-edit.c: correcting what was captured at intake on a complaint call
 * (the caller's details, the complaint's fields) while the complaint is being worked, validated
 * like a new call, with a "details-changed" event that lists each changed field old → new so
 * that the timeline shows what was corrected.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-call-rules.h"
#include "core/kefu-phone.h"
#include "kefu-store-calls-private.h"
#include "kefu-store-complaint-changes-private.h"

/* The columns read before the edit, in this order. */
#define OLD_COLUMNS \
  "calls.caller_name, calls.address, calls.phone, calls.received_at, calls.notes, " \
  "complaints.subject, complaints.reason, complaints.well_founded, complaints.explanation, " \
  "complaints.category, complaints.symptom, complaints.purchase_method, " \
  "complaints.purchase_place, complaints.batch_number, " \
  "CAST(complaints.production_date AS TEXT), complaints.product_id, products.name, " \
  "complaints.service_issue, complaints.staff_identity, complaints.work_place, " \
  "complaints.work_manner, complaints.harmed, complaints.stage, complaints.stage_since, " \
  "complaints.call_id"

enum
{
  OLD_CALLER_NAME, OLD_ADDRESS, OLD_PHONE, OLD_RECEIVED_AT, OLD_NOTES,
  OLD_SUBJECT, OLD_REASON, OLD_WELL_FOUNDED, OLD_EXPLANATION,
  OLD_CATEGORY, OLD_SYMPTOM, OLD_PURCHASE_METHOD,
  OLD_PURCHASE_PLACE, OLD_BATCH_NUMBER,
  OLD_PRODUCTION_DATE, OLD_PRODUCT_ID, OLD_PRODUCT_NAME,
  OLD_SERVICE_ISSUE, OLD_STAFF_IDENTITY, OLD_WORK_PLACE,
  OLD_WORK_MANNER, OLD_HARMED, OLD_STAGE, OLD_STAGE_SINCE,
  OLD_CALL_ID,
};

typedef struct
{
  KefuCall *input;   /* the normalised, validated copy; never changed by the transaction */
  KefuCall *output;  /* the transaction's working copy once it committed */
} EditCall;

/* Keeps only the fields of the complaint's category, as saving a call does: the form holds both
 * sets while the clerk decides, and a complaint that is not well founded has no category. */
void
_kefu_store_complaint_keep_category_fields (KefuComplaint *complaint)
{
  if (!kefu_complaint_get_well_founded (complaint))
    kefu_complaint_set_category (complaint, KEFU_COMPLAINT_CATEGORY_UNSPECIFIED);
  if (kefu_complaint_get_category (complaint) != KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY)
    {
      kefu_complaint_set_symptom (complaint, KEFU_PRODUCT_SYMPTOM_UNSPECIFIED);
      kefu_complaint_set_purchase_method (complaint, NULL);
      kefu_complaint_set_purchase_place (complaint, NULL);
      kefu_complaint_set_batch_number (complaint, NULL);
      kefu_complaint_set_production_date (complaint, NULL);
      kefu_complaint_set_product_id (complaint, 0);
    }
  if (kefu_complaint_get_category (complaint) != KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY)
    {
      kefu_complaint_set_service_issue (complaint, KEFU_SERVICE_ISSUE_UNSPECIFIED);
      kefu_complaint_set_staff_identity (complaint, NULL);
      kefu_complaint_set_work_place (complaint, NULL);
      kefu_complaint_set_work_manner (complaint, NULL);
    }
}

/* Before the transaction: the call rules (every problem, one per line), and the stored form of
 * the phone and batch numbers. */
static gboolean
prepare_edit (KefuCall  *call,
              GError   **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) problems = kefu_call_validate (call, now);
  KefuComplaint *complaint = kefu_call_get_complaint (call);
  g_autofree char *phone = NULL;
  g_autofree char *batch = NULL;

  if (problems->len > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        {
          KefuFieldProblem *problem = g_ptr_array_index (problems, i);

          if (i > 0)
            g_string_append_c (message, '\n');
          g_string_append (message, problem->message);
        }
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID, message->str);
      return FALSE;
    }
  phone = kefu_phone_normalize (kefu_call_get_phone (call), NULL, NULL);
  g_return_val_if_fail (phone != NULL, FALSE);
  kefu_call_set_phone (call, phone);
  if (kefu_batch_number_validate (kefu_complaint_get_batch_number (complaint), &batch, NULL))
    kefu_complaint_set_batch_number (complaint, batch);
  _kefu_store_complaint_keep_category_fields (complaint);
  return TRUE;
}

/* JSON for the changes: "field":[old,new] for each field whose value differs; NULL and empty
 * text are the same (both are stored as NULL). */
typedef struct
{
  GString *json;
  guint    n;
  GPtrArray *fields;
} Changes;

static void
json_value (GString    *json,
            const char *value)
{
  if (value == NULL || value[0] == '\0')
    g_string_append (json, "null");
  else
    _kefu_json_append_string (json, value);
}

static gboolean
note_text (Changes    *changes,
           const char *field,
           const char *old_value,
           const char *new_value)
{
  if (g_strcmp0 (old_value != NULL ? old_value : "", new_value != NULL ? new_value : "") == 0)
    return FALSE;
  g_string_append_printf (changes->json, "%s\"%s\":[", changes->n++ > 0 ? "," : "", field);
  json_value (changes->json, old_value);
  g_string_append_c (changes->json, ',');
  json_value (changes->json, new_value);
  g_string_append_c (changes->json, ']');
  g_ptr_array_add (changes->fields, (gpointer) field);
  return TRUE;
}

static gboolean
note_bool (Changes    *changes,
           const char *field,
           gboolean    old_value,
           gboolean    new_value)
{
  if (!old_value == !new_value)
    return FALSE;
  g_string_append_printf (changes->json, "%s\"%s\":[%s,%s]", changes->n++ > 0 ? "," : "", field,
                          old_value ? "true" : "false", new_value ? "true" : "false");
  g_ptr_array_add (changes->fields, (gpointer) field);
  return TRUE;
}

/* An enum as stored: its nick, NULL for the unspecified value 0. */
static const char *
nick_or_null (GType type,
              int   value)
{
  return value == 0 ? NULL : _kefu_store_enum_to_nick (type, value);
}

static char *
iso_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;
  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
product_name (KefuStore     *self,
              gint64         product_id,
              gboolean      *ok,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  *ok = TRUE;
  if (product_id == 0)
    return NULL;
  rows = _kefu_store_query (self, "SELECT name FROM products WHERE id = $1",
                            g_variant_new ("(x)", product_id), cancellable, error);
  if (rows == NULL || kefu_rows_get_n_rows (rows) == 0)
    {
      *ok = FALSE;
      if (rows != NULL)
        g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                             _("The product of the complaint no longer exists. Pick the product "
                               "again."));
      return NULL;
    }
  return g_strdup (kefu_rows_get_text (rows, 0, 0));
}

/* Compares what was stored with the edit, field by field. */
static void
compare (KefuRows   *old,
         KefuCall   *call,
         const char *new_product,
         Changes    *changes)
{
  KefuComplaint *complaint = kefu_call_get_complaint (call);
  g_autoptr(GDateTime) old_received = kefu_rows_get_time (old, 0, OLD_RECEIVED_AT);
  g_autofree char *old_received_text = iso_time (old_received);
  g_autofree char *new_received_text = iso_time (kefu_call_get_received_at (call));
  g_autofree char *new_date = _kefu_store_date_to_text (kefu_complaint_get_production_date (complaint));

  note_text (changes, "caller_name", kefu_rows_get_text (old, 0, OLD_CALLER_NAME),
             kefu_call_get_caller_name (call));
  note_text (changes, "address", kefu_rows_get_text (old, 0, OLD_ADDRESS),
             kefu_call_get_address (call));
  note_text (changes, "phone", kefu_rows_get_text (old, 0, OLD_PHONE), kefu_call_get_phone (call));
  note_text (changes, "received_at", old_received_text, new_received_text);
  note_text (changes, "notes", kefu_rows_get_text (old, 0, OLD_NOTES), kefu_call_get_notes (call));
  note_text (changes, "subject", kefu_rows_get_text (old, 0, OLD_SUBJECT),
             kefu_complaint_get_subject (complaint));
  note_text (changes, "reason", kefu_rows_get_text (old, 0, OLD_REASON),
             kefu_complaint_get_reason (complaint));
  note_text (changes, "explanation", kefu_rows_get_text (old, 0, OLD_EXPLANATION),
             kefu_complaint_get_explanation (complaint));
  note_text (changes, "category", kefu_rows_get_text (old, 0, OLD_CATEGORY),
             nick_or_null (KEFU_TYPE_COMPLAINT_CATEGORY, kefu_complaint_get_category (complaint)));
  note_text (changes, "symptom", kefu_rows_get_text (old, 0, OLD_SYMPTOM),
             nick_or_null (KEFU_TYPE_PRODUCT_SYMPTOM, kefu_complaint_get_symptom (complaint)));
  note_text (changes, "purchase_method", kefu_rows_get_text (old, 0, OLD_PURCHASE_METHOD),
             kefu_complaint_get_purchase_method (complaint));
  note_text (changes, "purchase_place", kefu_rows_get_text (old, 0, OLD_PURCHASE_PLACE),
             kefu_complaint_get_purchase_place (complaint));
  note_text (changes, "batch_number", kefu_rows_get_text (old, 0, OLD_BATCH_NUMBER),
             kefu_complaint_get_batch_number (complaint));
  note_text (changes, "production_date", kefu_rows_get_text (old, 0, OLD_PRODUCTION_DATE),
             new_date);
  /* The product by name, so that the timeline reads without lookups. */
  if (kefu_rows_get_int (old, 0, OLD_PRODUCT_ID) != kefu_complaint_get_product_id (complaint))
    {
      g_string_append_printf (changes->json, "%s\"product\":[", changes->n++ > 0 ? "," : "");
      json_value (changes->json, kefu_rows_get_text (old, 0, OLD_PRODUCT_NAME));
      g_string_append_c (changes->json, ',');
      json_value (changes->json, new_product);
      g_string_append_c (changes->json, ']');
      g_ptr_array_add (changes->fields, (gpointer) "product");
    }
  note_text (changes, "service_issue", kefu_rows_get_text (old, 0, OLD_SERVICE_ISSUE),
             nick_or_null (KEFU_TYPE_SERVICE_ISSUE, kefu_complaint_get_service_issue (complaint)));
  note_text (changes, "staff_identity", kefu_rows_get_text (old, 0, OLD_STAFF_IDENTITY),
             kefu_complaint_get_staff_identity (complaint));
  note_text (changes, "work_place", kefu_rows_get_text (old, 0, OLD_WORK_PLACE),
             kefu_complaint_get_work_place (complaint));
  note_text (changes, "work_manner", kefu_rows_get_text (old, 0, OLD_WORK_MANNER),
             kefu_complaint_get_work_manner (complaint));
  note_bool (changes, "harmed", kefu_rows_get_bool (old, 0, OLD_HARMED),
             kefu_complaint_get_harmed (complaint));
}

static gboolean
has_field (Changes    *changes,
           const char *field)
{
  for (guint i = 0; i < changes->fields->len; i++)
    if (g_str_equal (g_ptr_array_index (changes->fields, i), field))
      return TRUE;
  return FALSE;
}

/* A new category or harm changes the deadline of the stage the complaint is in, counted from
 * when it entered the stage as before. */
static gboolean
update_deadline (KefuStore      *self,
                 KefuRows       *old,
                 KefuComplaint  *complaint,
                 GCancellable   *cancellable,
                 GError        **error)
{
  KefuComplaintStage stage = _kefu_store_enum_from_nick (KEFU_TYPE_COMPLAINT_STAGE,
                                                         kefu_rows_get_text (old, 0, OLD_STAGE),
                                                         KEFU_COMPLAINT_STAGE_NEW);
  g_autoptr(GDateTime) since = kefu_rows_get_time (old, 0, OLD_STAGE_SINCE);
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *due_text = NULL;
  KefuComplaintDeadline kind = KEFU_COMPLAINT_DEADLINE_NONE;

  /* A complaint of step 2 without a stage time gets its deadline from the deadline check. */
  if (since == NULL)
    return TRUE;
  if (!_kefu_store_complaint_deadline (self, stage, kefu_complaint_get_category (complaint),
                                       kefu_complaint_get_harmed (complaint), since, &kind, &due,
                                       cancellable, error))
    return FALSE;
  if (due != NULL)
    due_text = kefu_time_to_db (due);
  return _kefu_store_execute (self, "UPDATE complaints SET due_kind = $1, due_at = $2 WHERE id = $3",
                              g_variant_new ("(msmsx)",
                                             nick_or_null (KEFU_TYPE_COMPLAINT_DEADLINE, kind),
                                             due_text,
                                             kefu_record_get_id (KEFU_RECORD (complaint))),
                              cancellable, error) >= 0;
}

/* A customer found to be harmed, or a new category, routes the complaint as intake would have:
 * the departments that routing gives the new state and the complaint lacks are added (with a
 * "routes-changed" event, so that their notices tell them), none is removed (a lead does that
 * by hand). Only while the complaint is with departments and not yet resolved: a new complaint
 * is routed by hand with its current details, and a resolved one is past routing. The routes
 * of the working copy are read back from what is stored. */
static gboolean
add_missing_routes (KefuStore      *self,
                    KefuComplaint  *complaint,
                    KefuComplaintStage stage,
                    const char     *reason,
                    GCancellable   *cancellable,
                    GError        **error)
{
  gint64 complaint_id = kefu_record_get_id (KEFU_RECORD (complaint));
  g_autoptr(KefuComplaint) wanted = kefu_complaint_new ();
  g_autoptr(KefuRows) existing = NULL;
  g_autoptr(KefuRows) routes = NULL;
  g_autoptr(GHashTable) have = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GString) json = g_string_new ("{\"added\":[");
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  GPtrArray *wanted_routes;
  gboolean from_rules;
  guint n_added = 0;

  if (stage != KEFU_COMPLAINT_STAGE_ROUTED && stage != KEFU_COMPLAINT_STAGE_IN_PROGRESS &&
      stage != KEFU_COMPLAINT_STAGE_REOPENED)
    return TRUE;

  kefu_complaint_set_well_founded (wanted, kefu_complaint_get_well_founded (complaint));
  kefu_complaint_set_category (wanted, kefu_complaint_get_category (complaint));
  kefu_complaint_set_harmed (wanted, kefu_complaint_get_harmed (complaint));
  if (!_kefu_store_call_route_complaint (self, wanted, &from_rules, cancellable, error))
    return FALSE;

  existing = _kefu_store_query (self,
                                "SELECT department_id FROM complaint_routes WHERE complaint_id = $1",
                                g_variant_new ("(x)", complaint_id), cancellable, error);
  if (existing == NULL)
    return FALSE;
  for (guint i = 0; i < kefu_rows_get_n_rows (existing); i++)
    {
      gint64 department_id = kefu_rows_get_int (existing, i, 0);

      g_hash_table_add (have, g_memdup2 (&department_id, sizeof department_id));
    }

  now = _kefu_store_now (self);
  now_text = kefu_time_to_db (now);
  wanted_routes = kefu_complaint_get_routes (wanted);
  for (guint i = 0; i < wanted_routes->len; i++)
    {
      KefuComplaintRoute *route = g_ptr_array_index (wanted_routes, i);

      if (!g_hash_table_add (have, g_memdup2 (&route->department_id,
                                              sizeof route->department_id)))
        continue;
      if (_kefu_store_execute (self,
                               "INSERT INTO complaint_routes (complaint_id, department_id, role, "
                               "created_at, added_by, reason) VALUES ($1, $2, $3, $4, $5, $6)",
                               g_variant_new ("(xxmssxs)", complaint_id, route->department_id,
                                              from_rules ? NULL :
                                              _kefu_store_enum_to_nick (KEFU_TYPE_ROLE,
                                                                        route->role),
                                              now_text, _kefu_store_get_txn_actor (self),
                                              reason),
                               cancellable, error) < 0)
        return FALSE;
      g_string_append_printf (json, "%s{\"id\":%" G_GINT64_FORMAT ",\"name\":",
                              n_added++ > 0 ? "," : "", route->department_id);
      _kefu_json_append_string (json, route->department_name);
      g_string_append_c (json, '}');
    }
  if (n_added == 0)
    return TRUE;

  g_string_append (json, "],\"removed\":[],\"text\":");
  _kefu_json_append_string (json, reason);
  g_string_append_c (json, '}');
  if (!_kefu_store_add_event (self, "complaint", complaint_id, "routes-changed", json->str,
                              cancellable, error))
    return FALSE;

  routes = _kefu_store_query (self,
                              "SELECT complaint_routes.department_id, departments.name, "
                              "complaint_routes.role FROM complaint_routes "
                              "JOIN departments ON departments.id = complaint_routes.department_id "
                              "WHERE complaint_routes.complaint_id = $1 "
                              "ORDER BY complaint_routes.id",
                              g_variant_new ("(x)", complaint_id), cancellable, error);
  if (routes == NULL)
    return FALSE;
  kefu_complaint_clear_routes (complaint);
  for (guint i = 0; i < kefu_rows_get_n_rows (routes); i++)
    kefu_complaint_add_route (complaint,
                              kefu_complaint_route_new (kefu_rows_get_int (routes, i, 0),
                                                        kefu_rows_get_text (routes, i, 1),
                                                        _kefu_store_enum_from_nick (
                                                          KEFU_TYPE_ROLE,
                                                          kefu_rows_get_text (routes, i, 2),
                                                          KEFU_COMPLAINT_ROUTE_NO_ROLE)));
  return TRUE;
}

static gboolean
edit_call_txn (KefuStore     *self,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  EditCall *e = data;
  g_autoptr(KefuCall) call = _kefu_store_call_copy (e->input, FALSE);
  KefuComplaint *complaint = kefu_call_get_complaint (call);
  gint64 complaint_id = kefu_record_get_id (KEFU_RECORD (complaint));
  g_autoptr(KefuRows) locked = NULL;
  g_autoptr(KefuRows) old = NULL;
  g_autoptr(KefuRows) call_row = NULL;
  g_autoptr(KefuRows) complaint_row = NULL;
  g_autoptr(GError) flow_error = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GString) json = g_string_new ("{\"changes\":{");
  g_autofree char *new_product = NULL;
  g_autofree char *received_at = NULL;
  g_autofree char *production_date = NULL;
  g_autofree char *batch_key = NULL;
  g_autofree char *summary = NULL;
  Changes changes = { json, 0, fields };
  KefuComplaintActor actor = { 0 };
  KefuComplaintStage stage;
  KefuRole role;
  gint64 department_id;
  gboolean harmed_now;
  gboolean ok;

  g_clear_object (&e->output);

  if (!_kefu_store_complaint_lock (self, complaint_id,
                                   kefu_record_get_version (KEFU_RECORD (complaint)), &locked,
                                   cancellable, error))
    return FALSE;
  stage = _kefu_store_enum_from_nick (KEFU_TYPE_COMPLAINT_STAGE, kefu_rows_get_text (locked, 0, 2),
                                      KEFU_COMPLAINT_STAGE_NEW);
  if (kefu_rows_get_int (locked, 0, 8) != kefu_record_get_id (KEFU_RECORD (call)))
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                           _("This complaint belongs to another call. Reload the complaint and "
                             "edit it again."));
      return FALSE;
    }
  if (!_kefu_store_complaint_actor (self, complaint_id, kefu_rows_get_int (locked, 0, 5), &actor,
                                    &role, &department_id, cancellable, error))
    return FALSE;
  if (!kefu_complaint_flow_check (KEFU_COMPLAINT_ACTION_EDIT_DETAILS, stage, &actor, NULL,
                                  &flow_error))
    {
      _kefu_store_complaint_flow_error (flow_error, error);
      return FALSE;
    }

  old = _kefu_store_query (self,
                           "SELECT " OLD_COLUMNS " FROM complaints "
                           "JOIN calls ON calls.id = complaints.call_id "
                           "LEFT JOIN products ON products.id = complaints.product_id "
                           "WHERE complaints.id = $1",
                           g_variant_new ("(x)", complaint_id), cancellable, error);
  if (old == NULL)
    return FALSE;
  if (!kefu_rows_get_bool (old, 0, OLD_WELL_FOUNDED) != !kefu_complaint_get_well_founded (complaint))
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                           _("Whether the complaint is well founded was decided at intake and "
                             "cannot be changed here. Add a note to the complaint instead."));
      return FALSE;
    }
  new_product = product_name (self, kefu_complaint_get_product_id (complaint), &ok,
                              cancellable, error);
  if (!ok)
    return FALSE;

  compare (old, call, new_product, &changes);
  if (changes.n == 0)
    {
      /* Nothing changed: nothing is written, and the versions stay. */
      e->output = g_steal_pointer (&call);
      return TRUE;
    }

  summary = kefu_call_build_summary (call);
  kefu_call_set_summary (call, summary);
  received_at = kefu_time_to_db (kefu_call_get_received_at (call));
  call_row = _kefu_store_query (self,
                                "UPDATE calls SET caller_name = $1, address = $2, phone = $3, "
                                "received_at = $4, notes = $5, summary = $6, version = version + 1, "
                                "updated_at = now() WHERE id = $7 "
                                "RETURNING id, version, created_at, updated_at",
                                g_variant_new ("(smsssmssx)",
                                               kefu_call_get_caller_name (call),
                                               _kefu_store_nullable (kefu_call_get_address (call)),
                                               kefu_call_get_phone (call),
                                               received_at,
                                               _kefu_store_nullable (kefu_call_get_notes (call)),
                                               summary,
                                               kefu_record_get_id (KEFU_RECORD (call))),
                                cancellable, error);
  if (call_row == NULL)
    return FALSE;

  production_date = _kefu_store_date_to_text (kefu_complaint_get_production_date (complaint));
  if (kefu_complaint_get_batch_number (complaint)[0] != '\0')
    batch_key = kefu_batch_number_key (kefu_complaint_get_batch_number (complaint));
  complaint_row = _kefu_store_query (self,
                                     "UPDATE complaints SET subject = $1, reason = $2, "
                                     "explanation = $3, category = $4, symptom = $5, "
                                     "purchase_method = $6, purchase_place = $7, "
                                     "batch_number = $8, production_date = $9, product_id = $10, "
                                     "service_issue = $11, staff_identity = $12, work_place = $13, "
                                     "work_manner = $14, harmed = $15, urgent = $15, "
                                     "batch_key = $16, version = version + 1, updated_at = now() "
                                     "WHERE id = $17 RETURNING id, version, created_at, updated_at",
                                     g_variant_new ("(ssmsmsmsmsmsmsmsmxmsmsmsmsbmsx)",
                                                    kefu_complaint_get_subject (complaint),
                                                    kefu_complaint_get_reason (complaint),
                                                    _kefu_store_nullable (kefu_complaint_get_explanation (complaint)),
                                                    nick_or_null (KEFU_TYPE_COMPLAINT_CATEGORY,
                                                                  kefu_complaint_get_category (complaint)),
                                                    nick_or_null (KEFU_TYPE_PRODUCT_SYMPTOM,
                                                                  kefu_complaint_get_symptom (complaint)),
                                                    _kefu_store_nullable (kefu_complaint_get_purchase_method (complaint)),
                                                    _kefu_store_nullable (kefu_complaint_get_purchase_place (complaint)),
                                                    _kefu_store_nullable (kefu_complaint_get_batch_number (complaint)),
                                                    production_date,
                                                    kefu_complaint_get_product_id (complaint) != 0,
                                                    kefu_complaint_get_product_id (complaint),
                                                    nick_or_null (KEFU_TYPE_SERVICE_ISSUE,
                                                                  kefu_complaint_get_service_issue (complaint)),
                                                    _kefu_store_nullable (kefu_complaint_get_staff_identity (complaint)),
                                                    _kefu_store_nullable (kefu_complaint_get_work_place (complaint)),
                                                    _kefu_store_nullable (kefu_complaint_get_work_manner (complaint)),
                                                    kefu_complaint_get_harmed (complaint),
                                                    batch_key,
                                                    complaint_id),
                                     cancellable, error);
  if (complaint_row == NULL)
    return FALSE;
  /* The list view sorts and searches by the call's columns and the reason on the complaint. */
  if (!_kefu_store_complaint_copy_call (self, complaint_id, cancellable, error))
    return FALSE;

  if ((has_field (&changes, "category") || has_field (&changes, "harmed")) &&
      !update_deadline (self, old, complaint, cancellable, error))
    return FALSE;

  g_string_append_c (json, '}');
  /* A customer found to be harmed turns the complaint urgent: the notices look for this. */
  if (has_field (&changes, "harmed") && kefu_complaint_get_harmed (complaint))
    g_string_append (json, ",\"urgent\":true");
  g_string_append_c (json, '}');
  if (!_kefu_store_add_event (self, "complaint", complaint_id, "details-changed", json->str,
                              cancellable, error))
    return FALSE;

  /* Stored reason text, as a lead's route change stores theirs; not shown as UI text. */
  harmed_now = has_field (&changes, "harmed") && kefu_complaint_get_harmed (complaint);
  if ((harmed_now || has_field (&changes, "category")) &&
      !add_missing_routes (self, complaint, stage,
                           harmed_now && has_field (&changes, "category")
                             ? "Customer harmed; category changed"
                             : harmed_now ? "Customer harmed" : "Category changed",
                           cancellable, error))
    return FALSE;

  if ((has_field (&changes, "batch_number") || has_field (&changes, "product") ||
       has_field (&changes, "category") || has_field (&changes, "received_at")) &&
      !_kefu_store_complaint_check_batch (self, complaint_id, cancellable, error))
    return FALSE;

  _kefu_store_fill_record (call, call_row, 0, 0);
  _kefu_store_fill_record (complaint, complaint_row, 0, 0);
  kefu_complaint_set_urgent (complaint, kefu_complaint_get_harmed (complaint));
  e->output = g_steal_pointer (&call);
  return TRUE;
}

/**
 * kefu_store_update_complaint_call:
 * @call: a complaint call as read by kefu_store_get_call (), with its complaint's version
 *
 * Saves the changes to what was captured at intake (see kefu-store-complaints.h). On success
 * @call and its complaint get their new versions, times and stored text; on an error they are
 * unchanged.
 *
 * Returns: %TRUE on success
 */
gboolean
kefu_store_update_complaint_call (KefuStore     *self,
                                  KefuCall      *call,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(KefuCall) before = NULL;
  EditCall e = { 0 };
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_CALL (call), FALSE);
  g_return_val_if_fail (kefu_call_get_kind (call) == KEFU_CALL_KIND_COMPLAINT, FALSE);
  g_return_val_if_fail (kefu_call_get_complaint (call) != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (kefu_record_get_id (KEFU_RECORD (call)) == 0 ||
      kefu_record_get_id (KEFU_RECORD (kefu_call_get_complaint (call))) == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                           _("This call is not saved yet. Save it before editing its complaint."));
      return FALSE;
    }

  before = _kefu_store_call_copy (call, FALSE);
  e.input = _kefu_store_call_copy (call, TRUE);
  ok = prepare_edit (e.input, error) &&
       _kefu_store_write (self, edit_call_txn, &e, cancellable, error);
  if (ok)
    _kefu_store_call_apply_changes (call, before, e.output);
  g_clear_object (&e.input);
  g_clear_object (&e.output);
  return ok;
}
