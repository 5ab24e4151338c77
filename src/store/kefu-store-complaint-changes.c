/* kefu-store-complaint-changes.c: working a complaint through its stages. Each change runs in one
 * transaction: the complaint is read and locked for the version check, the actor's role,
 * ownership and department read from the database, the change checked with
 * kefu_complaint_flow_check (), then written by its action (kefu-store-complaint-actions.c) with
 * its stage time, next deadline and event (the event details are listed in
 * kefu-store-complaints.h). The new card is read after the commit. *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-call-rules.h"
#include "core/kefu-text.h"
#include "kefu-store-complaint-changes-private.h"

/* The text a change carries (a resolution, the customer's words, a reason or note) is as long
 * as a complaint's reason may be. */
#define MAX_CHANGE_TEXT  KEFU_TEXT_MAX_REASON

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

static void
complaint_clear (KefuChangeTarget *c)
{
  g_clear_pointer (&c->routes, g_hash_table_unref);
  g_clear_pointer (&c->route_order, g_array_unref);
  g_clear_pointer (&c->now, g_date_time_unref);
  g_clear_pointer (&c->now_text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KefuChangeTarget, complaint_clear)

static gboolean
is_postgres (KefuStore *self)
{
  return kefu_store_get_backend (self) == KEFU_STORE_BACKEND_POSTGRES;
}

static void
set_error (GError         **error,
           KefuStoreError   code,
           const char      *message)
{
  g_set_error_literal (error, KEFU_STORE_ERROR, code, message);
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
read_complaint (KefuStore           *self,
                KefuChangeInput     *d,
                KefuChangeTarget    *c,
                KefuComplaintActor  *actor,
                GCancellable        *cancellable,
                GError             **error)
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

/* `ids` without repeats, in their order. */
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

/* Splits the change's departments into those really added (not routed yet) and removed
 * (routed), and refuses what cannot be: removing a department it is not routed to, or the last
 * one. */
static gboolean
route_changes (KefuChangeInput   *d,
               KefuChangeTarget  *c,
               GArray           **added_out,
               GArray           **removed_out,
               GError           **error)
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

gboolean
_kefu_store_complaint_change_txn (KefuStore     *self,
                                  gpointer       data,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  KefuChangeInput *d = data;
  const KefuComplaintChange *change = d->change;
  g_auto(KefuChangeTarget) c = { 0 };
  g_autoptr(GArray) added = NULL;
  g_autoptr(GArray) removed = NULL;
  g_autoptr(GError) flow_error = NULL;
  KefuComplaintActor actor = { 0 };
  KefuComplaintActionInput input = { 0 };

  /* The store's clock: the real time, or the time demo data and tests work the complaint at. */
  c.now = _kefu_store_now (self);
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
      return _kefu_store_complaint_do_route (self, &c, added, cancellable, error);
    case KEFU_COMPLAINT_ACTION_ACKNOWLEDGE:
      return _kefu_store_complaint_do_acknowledge (self, d, &c, cancellable, error);
    case KEFU_COMPLAINT_ACTION_RESOLVE:
      return _kefu_store_complaint_do_resolve (self, d, &c, cancellable, error);
    case KEFU_COMPLAINT_ACTION_RECORD_CALLBACK:
      return _kefu_store_complaint_do_record_callback (self, d, &c, cancellable, error);
    case KEFU_COMPLAINT_ACTION_REOPEN:
      return _kefu_store_complaint_do_move (self, d, &c, KEFU_COMPLAINT_STAGE_REOPENED, "reopened", NULL,
                      cancellable, error);
    case KEFU_COMPLAINT_ACTION_CLOSE:
      return _kefu_store_complaint_do_move (self, d, &c, KEFU_COMPLAINT_STAGE_CLOSED, "closed",
                      "UPDATE complaints SET closed_at = $1 WHERE id = $2", cancellable, error);
    case KEFU_COMPLAINT_ACTION_ADD_NOTE:
      return _kefu_store_complaint_do_note (self, d, &c, cancellable, error);
    case KEFU_COMPLAINT_ACTION_RECORD_VISIT:
      return _kefu_store_complaint_do_visit (self, d, &c, cancellable, error);
    case KEFU_COMPLAINT_ACTION_ESCALATE:
      return _kefu_store_complaint_do_escalate (self, d, &c, cancellable, error);
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
      return _kefu_store_complaint_do_edit_routes (self, d, &c, added, removed, cancellable, error);
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
validate_change (KefuChangeInput  *d,
                 GError          **error)
{
  const char *label;

  /* The labels name the text in the validation's messages ("Resolution is too long"). */
  switch (d->change->action)
    {
    case KEFU_COMPLAINT_ACTION_RESOLVE:
      label = C_("complaint change field", "Resolution");
      break;
    case KEFU_COMPLAINT_ACTION_RECORD_CALLBACK:
      label = C_("complaint change field", "Customer's words");
      break;
    case KEFU_COMPLAINT_ACTION_RECORD_VISIT:
      label = C_("complaint change field", "Outcome of the visit");
      break;
    case KEFU_COMPLAINT_ACTION_ADD_NOTE:
      label = C_("complaint change field", "Note");
      break;
    default:
      label = C_("complaint change field", "Reason");
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
  KefuChangeInput d = { change, NULL, NULL };
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
       _kefu_store_write (self, _kefu_store_complaint_change_txn, &d, cancellable, error);
  g_free (d.text);
  g_free (d.visitors);
  if (!ok)
    return NULL;
  return kefu_store_get_complaint_card (self, change->complaint_id, cancellable, error);
}
