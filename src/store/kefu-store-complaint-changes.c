/* kefu-store-complaint-changes.c: working a complaint through its stages. Each change runs in one
 * transaction: the complaint is read and locked for the version check, the actor's role,
 * ownership and department read from the database, the change checked with
 * kefu_complaint_flow_check (), then written with its stage time, next deadline and event (the
 * event details are listed in kefu-store-complaints.h). The new card is read after the commit.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-call-rules.h"
#include "core/kefu-text.h"
#include "kefu-store-complaint-changes-private.h"

/* Limits of the text a change carries, in characters: a resolution, the customer's words, a
 * reason or note are as long as a complaint's reason; who went on a visit is one line. */
#define MAX_CHANGE_TEXT  KEFU_TEXT_MAX_REASON
#define MAX_VISITORS     KEFU_TEXT_MAX_SHORT
/* A visit may be recorded a little ahead of the workstation's clock, never in the future. */
#define VISIT_CLOCK_SLACK_MINUTES 5

/* Changes */

/**
 * kefu_complaint_change_new:
 *
 * Returns: (transfer full): a change of @action to the complaint @complaint_id read at @version
 */
KefuComplaintChange *
kefu_complaint_change_new (KefuComplaintAction action,
                           gint64              complaint_id,
                           gint64              version)
{
  KefuComplaintChange *change = g_new0 (KefuComplaintChange, 1);

  change->action = action;
  change->complaint_id = complaint_id;
  change->version = version;
  change->satisfaction = KEFU_SATISFACTION_UNSPECIFIED;
  return change;
}

static GArray *
copy_ids (GArray *ids)
{
  GArray *copy;

  if (ids == NULL)
    return NULL;
  copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);
  g_array_append_vals (copy, ids->data, ids->len);
  return copy;
}

KefuComplaintChange *
kefu_complaint_change_copy (const KefuComplaintChange *change)
{
  KefuComplaintChange *copy;

  g_return_val_if_fail (change != NULL, NULL);

  copy = g_new0 (KefuComplaintChange, 1);
  *copy = *change;
  copy->text = g_strdup (change->text);
  copy->add_departments = copy_ids (change->add_departments);
  copy->remove_departments = copy_ids (change->remove_departments);
  copy->visitors = g_strdup (change->visitors);
  copy->visited_at = change->visited_at != NULL ? g_date_time_ref (change->visited_at) : NULL;
  return copy;
}

void
kefu_complaint_change_free (KefuComplaintChange *change)
{
  if (change == NULL)
    return;
  g_free (change->text);
  g_clear_pointer (&change->add_departments, g_array_unref);
  g_clear_pointer (&change->remove_departments, g_array_unref);
  g_free (change->visitors);
  g_clear_pointer (&change->visited_at, g_date_time_unref);
  g_free (change);
}

/* The transaction */

typedef struct
{
  const KefuComplaintChange *change;
  /* Normalised text of the change (kefu_text_normalize), what is checked and stored. */
  char                      *text;
  char                      *visitors;
} ChangeData;

/* What the transaction reads about the complaint and the actor. */
typedef struct
{
  gint64                 id;
  KefuComplaintStage     stage;
  KefuComplaintCategory  category;
  gboolean               harmed;
  gint64                 owner_id;
  KefuEscalationLevel    escalation;
  KefuComplaintDeadline  due_kind;
  guint                  n_visits;
  /* Routed departments: id → name, and their order. */
  GHashTable            *routes;
  GArray                *route_order;
  gint64                 actor;
  KefuRole               actor_role;
  gint64                 actor_department;
  /* One time for every column the change sets, so that they agree. */
  GDateTime             *now;
  char                  *now_text;
} Complaint;

static void
complaint_clear (Complaint *c)
{
  g_clear_pointer (&c->routes, g_hash_table_unref);
  g_clear_pointer (&c->route_order, g_array_unref);
  g_clear_pointer (&c->now, g_date_time_unref);
  g_clear_pointer (&c->now_text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Complaint, complaint_clear)

static gboolean
is_postgres (KefuStore *self)
{
  return kefu_store_get_backend (self) == KEFU_STORE_BACKEND_POSTGRES;
}

static gboolean
is_manager (KefuRole role)
{
  return role == KEFU_ROLE_CS_MANAGER || role == KEFU_ROLE_GM_OFFICE ||
         role == KEFU_ROLE_ADMINISTRATOR;
}

static void
set_error (GError         **error,
           KefuStoreError   code,
           const char      *message)
{
  g_set_error_literal (error, KEFU_STORE_ERROR, code, message);
}

static const char *
stage_nick (KefuComplaintStage stage)
{
  return _kefu_store_enum_to_nick (KEFU_TYPE_COMPLAINT_STAGE, stage);
}

/* Reads and locks the complaint (PostgreSQL: FOR UPDATE; SQLite's write transaction already
 * excludes every other writer) and checks the version the change was made against. */
gboolean
_kefu_store_complaint_lock (KefuStore     *self,
                            gint64         complaint_id,
                            gint64         version,
                            KefuRows     **out,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;
  const char *sql;

  sql = is_postgres (self) ?
        "SELECT id, version, stage, category, harmed, owner_id, escalation_level, due_kind, "
        "call_id FROM complaints WHERE id = $1 FOR UPDATE" :
        "SELECT id, version, stage, category, harmed, owner_id, escalation_level, due_kind, "
        "call_id FROM complaints WHERE id = $1";
  rows = _kefu_store_query (self, sql, g_variant_new ("(x)", complaint_id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      set_error (error, KEFU_STORE_ERROR_NOT_FOUND,
                 _("This complaint no longer exists. Reload the board."));
      return FALSE;
    }
  if (kefu_rows_get_int (rows, 0, 1) != version)
    {
      set_error (error, KEFU_STORE_ERROR_STALE_VERSION,
                 _("This complaint was changed by someone else since you opened it. Reload it "
                   "and make your change again."));
      return FALSE;
    }
  *out = g_steal_pointer (&rows);
  return TRUE;
}

/* The actor's role and department, and how they stand to the complaint. */
gboolean
_kefu_store_complaint_actor (KefuStore           *self,
                             gint64               complaint_id,
                             gint64               owner_id,
                             KefuComplaintActor  *actor,
                             KefuRole            *role,
                             gint64              *department_id,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr(KefuRows) rows = NULL;
  gint64 staff_id = _kefu_store_get_txn_actor (self);

  rows = _kefu_store_query (self,
                            "SELECT staff.role, COALESCE(staff.department_id, 0), staff.active, "
                            "staff.login, staff.name, EXISTS (SELECT 1 FROM complaint_routes "
                            "WHERE complaint_routes.complaint_id = $2 AND "
                            "complaint_routes.department_id = staff.department_id) "
                            "FROM staff WHERE staff.id = $1",
                            g_variant_new ("(xx)", staff_id, complaint_id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      set_error (error, KEFU_STORE_ERROR_NO_ACTOR,
                 _("Nobody is signed in on this workstation. Choose who is working and try "
                   "again."));
      return FALSE;
    }
  /* The built-in system row is inactive by design (nobody signs in as it); anyone else who has
   * left may no longer work complaints. */
  if (!kefu_rows_get_bool (rows, 0, 2) && g_strcmp0 (kefu_rows_get_text (rows, 0, 3), "system") != 0)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                   _("%s no longer works here (the staff member is inactive) and cannot work on "
                     "complaints. Sign in as someone else."), kefu_rows_get_text (rows, 0, 4));
      return FALSE;
    }
  *role = _kefu_store_enum_from_nick (KEFU_TYPE_ROLE, kefu_rows_get_text (rows, 0, 0),
                                      KEFU_ROLE_CLERK);
  *department_id = kefu_rows_get_int (rows, 0, 1);
  actor->role = *role;
  actor->is_owner = owner_id == staff_id;
  actor->in_routed_department = kefu_rows_get_bool (rows, 0, 5);
  return TRUE;
}

/* The flow's refusal as a store error: PERMISSION for who, INVALID for what or when. */
void
_kefu_store_complaint_flow_error (GError  *flow_error,
                                  GError **error)
{
  set_error (error,
             g_error_matches (flow_error, KEFU_COMPLAINT_FLOW_ERROR,
                              KEFU_COMPLAINT_FLOW_ERROR_PERMISSION) ?
             KEFU_STORE_ERROR_PERMISSION : KEFU_STORE_ERROR_INVALID,
             flow_error->message);
}

static gboolean
read_complaint (KefuStore      *self,
                ChangeData     *d,
                Complaint      *c,
                KefuComplaintActor *actor,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(KefuRows) routes = NULL;
  g_autoptr(KefuRows) visits = NULL;

  if (!_kefu_store_complaint_lock (self, d->change->complaint_id, d->change->version, &rows,
                                   cancellable, error))
    return FALSE;
  c->id = kefu_rows_get_int (rows, 0, 0);
  c->stage = _kefu_store_enum_from_nick (KEFU_TYPE_COMPLAINT_STAGE, kefu_rows_get_text (rows, 0, 2),
                                         KEFU_COMPLAINT_STAGE_NEW);
  c->category = _kefu_store_enum_from_nick (KEFU_TYPE_COMPLAINT_CATEGORY,
                                            kefu_rows_get_text (rows, 0, 3),
                                            KEFU_COMPLAINT_CATEGORY_UNSPECIFIED);
  c->harmed = kefu_rows_get_bool (rows, 0, 4);
  c->owner_id = kefu_rows_get_int (rows, 0, 5);
  c->escalation = (KefuEscalationLevel) CLAMP (kefu_rows_get_int (rows, 0, 6), 0,
                                               KEFU_ESCALATION_GM_OFFICE);
  c->due_kind = _kefu_store_enum_from_nick (KEFU_TYPE_COMPLAINT_DEADLINE,
                                            kefu_rows_get_text (rows, 0, 7),
                                            KEFU_COMPLAINT_DEADLINE_NONE);

  routes = _kefu_store_query (self,
                              "SELECT complaint_routes.department_id, departments.name "
                              "FROM complaint_routes JOIN departments "
                              "ON departments.id = complaint_routes.department_id "
                              "WHERE complaint_routes.complaint_id = $1 ORDER BY complaint_routes.id",
                              g_variant_new ("(x)", c->id), cancellable, error);
  if (routes == NULL)
    return FALSE;
  c->routes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  c->route_order = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < kefu_rows_get_n_rows (routes); i++)
    {
      gint64 department_id = kefu_rows_get_int (routes, i, 0);

      g_hash_table_insert (c->routes, g_memdup2 (&department_id, sizeof department_id),
                           g_strdup (kefu_rows_get_text (routes, i, 1)));
      g_array_append_val (c->route_order, department_id);
    }

  visits = _kefu_store_query (self, "SELECT COUNT(*) FROM complaint_visits WHERE complaint_id = $1",
                              g_variant_new ("(x)", c->id), cancellable, error);
  if (visits == NULL)
    return FALSE;
  c->n_visits = (guint) kefu_rows_get_int (visits, 0, 0);

  c->actor = _kefu_store_get_txn_actor (self);
  return _kefu_store_complaint_actor (self, c->id, c->owner_id, actor, &c->actor_role,
                                      &c->actor_department, cancellable, error);
}

/* The name of a department, or NULL with an error when there is none. */
static char *
department_name (KefuStore     *self,
                 gint64         department_id,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self, "SELECT name FROM departments WHERE id = $1",
                            g_variant_new ("(x)", department_id), cancellable, error);
  if (rows == NULL)
    return NULL;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      set_error (error, KEFU_STORE_ERROR_INVALID,
                 _("One of the chosen departments no longer exists. Reload the departments and "
                   "choose again."));
      return NULL;
    }
  return g_strdup (kefu_rows_get_text (rows, 0, 0));
}

static void
append_department (GString    *json,
                   gint64      department_id,
                   const char *name)
{
  g_string_append_printf (json, "{\"id\":%" G_GINT64_FORMAT ",\"name\":", department_id);
  _kefu_json_append_string (json, name);
  g_string_append_c (json, '}');
}

/* ,"from":"…","to":"…" */
static void
append_move (GString            *json,
             KefuComplaintStage  from,
             KefuComplaintStage  to)
{
  g_string_append (json, ",\"from\":");
  _kefu_json_append_string (json, stage_nick (from));
  g_string_append (json, ",\"to\":");
  _kefu_json_append_string (json, stage_nick (to));
}

/* ,"text":"…" when there is text. */
static void
append_text (GString    *json,
             const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  g_string_append (json, ",\"text\":");
  _kefu_json_append_string (json, text);
}

static gboolean
add_event (KefuStore     *self,
           Complaint     *c,
           const char    *action,
           GString       *details,
           GCancellable  *cancellable,
           GError       **error)
{
  return _kefu_store_add_event (self, "complaint", c->id, action, details->str,
                                cancellable, error);
}

/* A change that leaves the stage as it is still makes a new version, so that every board
 * showing the complaint reloads it and a change made against the old one is refused. */
static gboolean
bump_version (KefuStore     *self,
              Complaint     *c,
              GCancellable  *cancellable,
              GError       **error)
{
  return _kefu_store_execute (self,
                              "UPDATE complaints SET version = version + 1, updated_at = now() "
                              "WHERE id = $1",
                              g_variant_new ("(x)", c->id), cancellable, error) >= 0;
}

/* The departments of `ids` (without repeats) that are (`routed`) or are not yet routed. */
static GArray *
unique_ids (GArray *ids)
{
  GArray *unique = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < unique->len && !seen; j++)
        seen = g_array_index (unique, gint64, j) == id;
      if (!seen)
        g_array_append_val (unique, id);
    }
  return unique;
}

static gboolean
insert_routes (KefuStore     *self,
               Complaint     *c,
               GArray        *ids,
               const char    *reason,
               GString       *json,
               GCancellable  *cancellable,
               GError       **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 department_id = g_array_index (ids, gint64, i);
      g_autofree char *name = department_name (self, department_id, cancellable, error);

      if (name == NULL)
        return FALSE;
      if (_kefu_store_execute (self,
                               "INSERT INTO complaint_routes (complaint_id, department_id, "
                               "created_at, added_by, reason) VALUES ($1, $2, $3, $4, $5)",
                               g_variant_new ("(xxsxms)", c->id, department_id, c->now_text,
                                              c->actor, _kefu_store_nullable (reason)),
                               cancellable, error) < 0)
        return FALSE;
      if (i > 0)
        g_string_append_c (json, ',');
      append_department (json, department_id, name);
    }
  return TRUE;
}

static gboolean
do_route (KefuStore     *self,
          Complaint     *c,
          GArray        *added,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GString) json = g_string_new ("{\"departments\":[");

  if (!insert_routes (self, c, added, NULL, json, cancellable, error))
    return FALSE;
  g_string_append_c (json, ']');
  append_move (json, c->stage, KEFU_COMPLAINT_STAGE_ROUTED);
  if (c->harmed)
    g_string_append (json, ",\"urgent\":true");
  g_string_append_c (json, '}');
  return _kefu_store_execute (self, "UPDATE complaints SET routed_at = $1 WHERE id = $2",
                              g_variant_new ("(sx)", c->now_text, c->id),
                              cancellable, error) >= 0 &&
         _kefu_store_complaint_enter_stage (self, c->id, KEFU_COMPLAINT_STAGE_ROUTED, c->now,
                                            cancellable, error) &&
         add_event (self, c, "routed", json, cancellable, error);
}

static gboolean
do_acknowledge (KefuStore     *self,
                ChangeData    *d,
                Complaint     *c,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GString) json = g_string_new ("{\"department\":");
  gint64 department_id = d->change->department_id;
  const char *name;

  if (department_id == 0)
    {
      /* The actor's own department; a manager outside the routes acknowledges for the first. */
      if (g_hash_table_contains (c->routes, &c->actor_department))
        department_id = c->actor_department;
      else if (c->route_order->len > 0)
        department_id = g_array_index (c->route_order, gint64, 0);
    }
  name = g_hash_table_lookup (c->routes, &department_id);
  if (name == NULL)
    {
      set_error (error, KEFU_STORE_ERROR_INVALID,
                 _("The complaint is not routed to that department. Choose one of its routed "
                   "departments, or add the department to the routes first."));
      return FALSE;
    }
  if (department_id != c->actor_department && !is_manager (c->actor_role))
    {
      set_error (error, KEFU_STORE_ERROR_PERMISSION,
                 _("Only a member of that department or a manager can acknowledge the complaint "
                   "for it."));
      return FALSE;
    }

  append_department (json, department_id, name);
  append_move (json, c->stage, KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  g_string_append_c (json, '}');
  return _kefu_store_execute (self,
                              "UPDATE complaint_routes SET acknowledged_at = $1, "
                              "acknowledged_by = $2 WHERE complaint_id = $3 AND department_id = $4",
                              g_variant_new ("(sxxx)", c->now_text, c->actor, c->id, department_id),
                              cancellable, error) >= 0 &&
         _kefu_store_execute (self, "UPDATE complaints SET acknowledged_at = $1 WHERE id = $2",
                              g_variant_new ("(sx)", c->now_text, c->id),
                              cancellable, error) >= 0 &&
         _kefu_store_complaint_enter_stage (self, c->id, KEFU_COMPLAINT_STAGE_IN_PROGRESS, c->now,
                                            cancellable, error) &&
         add_event (self, c, "acknowledged", json, cancellable, error);
}

static gboolean
do_resolve (KefuStore     *self,
            ChangeData    *d,
            Complaint     *c,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GString) json = g_string_new ("{");

  _kefu_json_append_string (json, "text");
  g_string_append_c (json, ':');
  _kefu_json_append_string (json, d->text);
  append_move (json, c->stage, KEFU_COMPLAINT_STAGE_RESOLVED);
  g_string_append_c (json, '}');
  return _kefu_store_execute (self,
                              "UPDATE complaints SET resolution = $1, resolved_at = $2 WHERE id = $3",
                              g_variant_new ("(ssx)", d->text, c->now_text, c->id),
                              cancellable, error) >= 0 &&
         _kefu_store_complaint_enter_stage (self, c->id, KEFU_COMPLAINT_STAGE_RESOLVED, c->now,
                                            cancellable, error) &&
         add_event (self, c, "resolved", json, cancellable, error);
}

static gboolean
do_record_callback (KefuStore     *self,
                    ChangeData    *d,
                    Complaint     *c,
                    GCancellable  *cancellable,
                    GError       **error)
{
  KefuSatisfaction satisfaction = d->change->satisfaction;
  KefuComplaintStage to = kefu_complaint_action_target (KEFU_COMPLAINT_ACTION_RECORD_CALLBACK,
                                                        c->stage, satisfaction);
  const char *nick = _kefu_store_enum_to_nick (KEFU_TYPE_SATISFACTION, satisfaction);
  g_autoptr(GString) json = g_string_new ("{\"satisfaction\":");

  _kefu_json_append_string (json, nick);
  append_text (json, d->text);
  append_move (json, c->stage, to);
  g_string_append_c (json, '}');
  return _kefu_store_execute (self,
                              "UPDATE complaints SET satisfaction = $1, customer_words = $2, "
                              "called_back_at = $3 WHERE id = $4",
                              g_variant_new ("(smssx)", nick, _kefu_store_nullable (d->text),
                                             c->now_text, c->id),
                              cancellable, error) >= 0 &&
         _kefu_store_complaint_enter_stage (self, c->id, to, c->now, cancellable, error) &&
         add_event (self, c, "called-back", json, cancellable, error);
}

/* Reopen and close: a move with the reason, if any. */
static gboolean
do_move (KefuStore           *self,
         ChangeData          *d,
         Complaint           *c,
         KefuComplaintStage   to,
         const char          *action,
         const char          *time_column_sql,
         GCancellable        *cancellable,
         GError             **error)
{
  g_autoptr(GString) json = g_string_new ("{");

  if (d->text != NULL && d->text[0] != '\0')
    {
      g_string_append (json, "\"text\":");
      _kefu_json_append_string (json, d->text);
      append_move (json, c->stage, to);
    }
  else
    {
      /* append_move () starts with a comma. */
      append_move (json, c->stage, to);
      g_string_erase (json, 1, 1);
    }
  g_string_append_c (json, '}');
  if (time_column_sql != NULL &&
      _kefu_store_execute (self, time_column_sql, g_variant_new ("(sx)", c->now_text, c->id),
                           cancellable, error) < 0)
    return FALSE;
  return _kefu_store_complaint_enter_stage (self, c->id, to, c->now, cancellable, error) &&
         add_event (self, c, action, json, cancellable, error);
}

static gboolean
do_note (KefuStore     *self,
         ChangeData    *d,
         Complaint     *c,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GString) json = g_string_new ("{\"text\":");

  _kefu_json_append_string (json, d->text);
  g_string_append_c (json, '}');
  return bump_version (self, c, cancellable, error) &&
         add_event (self, c, "note", json, cancellable, error);
}

static gboolean
do_visit (KefuStore     *self,
          ChangeData    *d,
          Complaint     *c,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GDateTime) latest = g_date_time_add_minutes (c->now, VISIT_CLOCK_SLACK_MINUTES);
  g_autoptr(GString) json = g_string_new ("{\"visitors\":");
  g_autoptr(GDateTime) visited_utc = NULL;
  g_autofree char *visited_text = NULL;
  g_autofree char *visited_iso = NULL;

  if (d->change->visited_at == NULL)
    {
      set_error (error, KEFU_STORE_ERROR_INVALID,
                 _("Enter when the customer was visited."));
      return FALSE;
    }
  if (g_date_time_compare (d->change->visited_at, latest) > 0)
    {
      set_error (error, KEFU_STORE_ERROR_INVALID,
                 _("The visit time lies in the future. Record a visit once it has taken place."));
      return FALSE;
    }
  if (!_kefu_store_validate_text (_("Who went"), d->visitors, MAX_VISITORS, TRUE, FALSE, error))
    return FALSE;

  visited_utc = g_date_time_to_utc (d->change->visited_at);
  visited_text = kefu_time_to_db (visited_utc);
  visited_iso = g_date_time_format (visited_utc, "%Y-%m-%dT%H:%M:%SZ");
  if (_kefu_store_execute (self,
                           "INSERT INTO complaint_visits (complaint_id, visitors, visited_at, "
                           "outcome, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                           g_variant_new ("(xsssxs)", c->id, d->visitors, visited_text, d->text,
                                          c->actor, c->now_text),
                           cancellable, error) < 0)
    return FALSE;

  _kefu_json_append_string (json, d->visitors);
  g_string_append (json, ",\"visited_at\":");
  _kefu_json_append_string (json, visited_iso);
  append_text (json, d->text);
  g_string_append_c (json, '}');
  return bump_version (self, c, cancellable, error) &&
         add_event (self, c, "visit", json, cancellable, error);
}

static gboolean
do_escalate (KefuStore     *self,
             ChangeData    *d,
             Complaint     *c,
             GCancellable  *cancellable,
             GError       **error)
{
  KefuEscalationLevel level = c->escalation + 1;
  g_autoptr(GString) json = g_string_new (NULL);

  /* The flow refused an escalation beyond the GM office already. */
  g_assert (level <= KEFU_ESCALATION_GM_OFFICE);
  g_string_append_printf (json, "{\"level\":%d,\"role\":", (int) level);
  _kefu_json_append_string (json, _kefu_store_enum_to_nick (KEFU_TYPE_ROLE,
                                                            kefu_escalation_level_role (level)));
  g_string_append (json, ",\"deadline\":");
  _kefu_json_append_string (json, _kefu_store_enum_to_nick (KEFU_TYPE_COMPLAINT_DEADLINE,
                                                            c->due_kind));
  g_string_append (json, ",\"by_hand\":true");
  append_text (json, d->text);
  g_string_append_c (json, '}');
  return _kefu_store_execute (self,
                              "UPDATE complaints SET escalation_level = $1, escalated_at = $2, "
                              "version = version + 1, updated_at = now() WHERE id = $3",
                              g_variant_new ("(xsx)", (gint64) level, c->now_text, c->id),
                              cancellable, error) >= 0 &&
         add_event (self, c, "escalated", json, cancellable, error);
}

static gboolean
do_edit_routes (KefuStore     *self,
                ChangeData    *d,
                Complaint     *c,
                GArray        *added,
                GArray        *removed,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GString) json = g_string_new ("{\"added\":[");

  if (!insert_routes (self, c, added, d->text, json, cancellable, error))
    return FALSE;
  g_string_append (json, "],\"removed\":[");
  for (guint i = 0; i < removed->len; i++)
    {
      gint64 department_id = g_array_index (removed, gint64, i);

      if (_kefu_store_execute (self,
                               "DELETE FROM complaint_routes WHERE complaint_id = $1 AND "
                               "department_id = $2",
                               g_variant_new ("(xx)", c->id, department_id),
                               cancellable, error) < 0)
        return FALSE;
      if (i > 0)
        g_string_append_c (json, ',');
      append_department (json, department_id, g_hash_table_lookup (c->routes, &department_id));
    }
  g_string_append_c (json, ']');
  append_text (json, d->text);
  g_string_append_c (json, '}');
  return bump_version (self, c, cancellable, error) &&
         add_event (self, c, "routes-changed", json, cancellable, error);
}

/* Splits the change's departments into those really added (not routed yet) and removed
 * (routed), and refuses what cannot be: removing a department it is not routed to, or the last
 * one. */
static gboolean
route_changes (ChangeData    *d,
               Complaint     *c,
               GArray       **added_out,
               GArray       **removed_out,
               GError       **error)
{
  g_autoptr(GArray) requested_add = unique_ids (d->change->add_departments);
  g_autoptr(GArray) requested_remove = unique_ids (d->change->remove_departments);
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) removed = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < requested_add->len; i++)
    {
      gint64 id = g_array_index (requested_add, gint64, i);

      if (!g_hash_table_contains (c->routes, &id))
        g_array_append_val (added, id);
    }
  for (guint i = 0; i < requested_remove->len; i++)
    {
      gint64 id = g_array_index (requested_remove, gint64, i);

      if (!g_hash_table_contains (c->routes, &id))
        {
          set_error (error, KEFU_STORE_ERROR_INVALID,
                     _("The complaint is not routed to the department you want to remove. "
                       "Reload the complaint and check its routes."));
          return FALSE;
        }
      g_array_append_val (removed, id);
    }
  *added_out = g_steal_pointer (&added);
  *removed_out = g_steal_pointer (&removed);
  return TRUE;
}

static gboolean
change_complaint_txn (KefuStore     *self,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  ChangeData *d = data;
  const KefuComplaintChange *change = d->change;
  g_auto(Complaint) c = { 0 };
  g_autoptr(GArray) added = NULL;
  g_autoptr(GArray) removed = NULL;
  g_autoptr(GError) flow_error = NULL;
  KefuComplaintActor actor = { 0 };
  KefuComplaintActionInput input = { 0 };

  c.now = g_date_time_new_now_utc ();
  c.now_text = kefu_time_to_db (c.now);
  if (!read_complaint (self, d, &c, &actor, cancellable, error))
    return FALSE;

  input.text = d->text;
  input.satisfaction = change->satisfaction;
  input.harmed = c.harmed;
  input.n_visits = c.n_visits;
  input.n_routes = g_hash_table_size (c.routes);
  input.escalation = c.escalation;

  if (change->action == KEFU_COMPLAINT_ACTION_ROUTE ||
      change->action == KEFU_COMPLAINT_ACTION_EDIT_ROUTES)
    {
      if (!route_changes (d, &c, &added, &removed, error))
        return FALSE;
      input.n_routes = input.n_routes + added->len - removed->len;
    }

  if (!kefu_complaint_flow_check (change->action, c.stage, &actor, &input, &flow_error))
    {
      _kefu_store_complaint_flow_error (flow_error, error);
      return FALSE;
    }

  switch (change->action)
    {
    case KEFU_COMPLAINT_ACTION_ROUTE:
      if (added->len == 0)
        {
          set_error (error, KEFU_STORE_ERROR_INVALID,
                     _("Choose at least one department to route the complaint to."));
          return FALSE;
        }
      return do_route (self, &c, added, cancellable, error);
    case KEFU_COMPLAINT_ACTION_ACKNOWLEDGE:
      return do_acknowledge (self, d, &c, cancellable, error);
    case KEFU_COMPLAINT_ACTION_RESOLVE:
      return do_resolve (self, d, &c, cancellable, error);
    case KEFU_COMPLAINT_ACTION_RECORD_CALLBACK:
      return do_record_callback (self, d, &c, cancellable, error);
    case KEFU_COMPLAINT_ACTION_REOPEN:
      return do_move (self, d, &c, KEFU_COMPLAINT_STAGE_REOPENED, "reopened", NULL,
                      cancellable, error);
    case KEFU_COMPLAINT_ACTION_CLOSE:
      return do_move (self, d, &c, KEFU_COMPLAINT_STAGE_CLOSED, "closed",
                      "UPDATE complaints SET closed_at = $1 WHERE id = $2", cancellable, error);
    case KEFU_COMPLAINT_ACTION_ADD_NOTE:
      return do_note (self, d, &c, cancellable, error);
    case KEFU_COMPLAINT_ACTION_RECORD_VISIT:
      return do_visit (self, d, &c, cancellable, error);
    case KEFU_COMPLAINT_ACTION_ESCALATE:
      return do_escalate (self, d, &c, cancellable, error);
    case KEFU_COMPLAINT_ACTION_EDIT_ROUTES:
      if (added->len == 0 && removed->len == 0)
        {
          set_error (error, KEFU_STORE_ERROR_INVALID,
                     _("Choose a department to add to the routes or to remove from them."));
          return FALSE;
        }
      if (input.n_routes == 0)
        {
          set_error (error, KEFU_STORE_ERROR_INVALID,
                     _("A complaint must stay routed to at least one department. Add the new "
                       "department before removing the last one."));
          return FALSE;
        }
      return do_edit_routes (self, d, &c, added, removed, cancellable, error);
    case KEFU_COMPLAINT_ACTION_EDIT_DETAILS:
    default:
      break;
    }
  g_assert_not_reached ();
  return FALSE;
}

/* Checks the text the change carries before the transaction: its length, and one line where a
 * line is expected. Whether it is required is the flow's rule. */
static gboolean
validate_change (ChangeData  *d,
                 GError     **error)
{
  const char *label;

  switch (d->change->action)
    {
    case KEFU_COMPLAINT_ACTION_RESOLVE:
      label = _("Resolution");
      break;
    case KEFU_COMPLAINT_ACTION_RECORD_CALLBACK:
      label = _("Customer's words");
      break;
    case KEFU_COMPLAINT_ACTION_RECORD_VISIT:
      label = _("Outcome of the visit");
      break;
    case KEFU_COMPLAINT_ACTION_ADD_NOTE:
      label = _("Note");
      break;
    default:
      label = _("Reason");
      break;
    }
  /* The outcome of a visit is a column of its own row, always required; the other texts are
   * required where the flow says so. */
  if ((d->text != NULL || d->change->action == KEFU_COMPLAINT_ACTION_RECORD_VISIT) &&
      !_kefu_store_validate_text (label, d->text != NULL ? d->text : "", MAX_CHANGE_TEXT,
                                  d->change->action == KEFU_COMPLAINT_ACTION_RECORD_VISIT, TRUE,
                                  error))
    return FALSE;
  return TRUE;
}

/**
 * kefu_store_change_complaint:
 * @change: the action, the complaint and the version it was read at, and what the action carries
 *
 * Applies @change as the store's actor in one transaction (see kefu-store-complaints.h).
 *
 * Returns: (transfer full): the complaint's new card, or %NULL with @error set
 */
KefuComplaintCard *
kefu_store_change_complaint (KefuStore                  *self,
                             const KefuComplaintChange  *change,
                             GCancellable               *cancellable,
                             GError                    **error)
{
  ChangeData d = { change, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (change != NULL, NULL);
  g_return_val_if_fail (change->action != KEFU_COMPLAINT_ACTION_EDIT_DETAILS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* What is checked is what is stored: text in its stored form, empty as none. */
  if (change->text != NULL)
    d.text = _kefu_store_normalize_text (change->text);
  if (d.text != NULL && d.text[0] == '\0')
    g_clear_pointer (&d.text, g_free);
  if (change->visitors != NULL)
    d.visitors = _kefu_store_normalize_text (change->visitors);

  ok = validate_change (&d, error) &&
       _kefu_store_write (self, change_complaint_txn, &d, cancellable, error);
  g_free (d.text);
  g_free (d.visitors);
  if (!ok)
    return NULL;
  return kefu_store_get_complaint_card (self, change->complaint_id, cancellable, error);
}
