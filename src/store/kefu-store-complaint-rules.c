/* kefu-store-complaint-rules.c: the rules the complaint writes share: the deadline rules and the
 * work calendar read from the settings, a complaint entering a stage with its next deadline, the
 * built-in system actor, the routing rules a site keeps per category, and the batch check run
 * when a product-quality complaint is saved.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-call-rules.h"
#include "core/kefu-roles.h"
#include "core/kefu-settings-keys.h"
#include "kefu-store-complaints-private.h"

/* Used when the core defaults are somehow missing (an unknown key): the defaults of
 * kefu-settings-keys.c, so that a deadline is always computed. */
#define FALLBACK_WORK_HOURS "08:30-17:30"
#define FALLBACK_WORK_DAYS  "1-6"

/* Settings */

/* The value of every key in `keys` (NULL-terminated) as stored, or its default when unset, in a
 * table owned by the caller. One query for all of them: a complaint call's save reads them. */
static GHashTable *
read_settings (KefuStore           *self,
               const char * const  *keys,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  g_autoptr(GString) sql = g_string_new ("SELECT key, value FROM settings WHERE key IN (");
  g_autoptr(KefuRows) rows = NULL;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      /* Placeholders only: the keys are bound, never written into the SQL. */
      g_string_append_printf (sql, "%s$%u", i > 0 ? ", " : "", i + 1);
      g_ptr_array_add (params, g_variant_new_string (keys[i]));
      g_hash_table_insert (values, (gpointer) keys[i], g_strdup (kefu_setting_get_default (keys[i])));
    }
  g_string_append_c (sql, ')');

  rows = _kefu_store_query (self, sql->str,
                            g_variant_new_tuple ((GVariant **) params->pdata, params->len),
                            cancellable, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    {
      const char *key = kefu_rows_get_text (rows, i, 0);

      for (guint k = 0; keys[k] != NULL; k++)
        if (g_strcmp0 (key, keys[k]) == 0 && !kefu_rows_is_null (rows, i, 1))
          g_hash_table_insert (values, (gpointer) keys[k], g_strdup (kefu_rows_get_text (rows, i, 1)));
    }
  return g_steal_pointer (&values);
}

/* A whole-number setting: the stored value when it is valid, else the default. Settings are
 * checked when they are written; a value damaged by another tool must not stop the board, so
 * the default holds then. */
static guint
count_setting (GHashTable *values,
               const char *key,
               guint       fallback)
{
  const char *text = g_hash_table_lookup (values, key);
  guint value;

  if (text != NULL && kefu_setting_validate (key, text, NULL) &&
      kefu_setting_parse_count (text, 0, G_MAXINT, &value, NULL))
    return value;
  if (text != NULL)
    g_message ("The setting %s holds “%s”, which is not valid; using %u", key, text, fallback);
  return fallback;
}

gboolean
_kefu_store_complaint_deadline_rules (KefuStore                   *self,
                                      KefuComplaintDeadlineRules  *rules,
                                      KefuWorkCalendar           **calendar,
                                      GCancellable                *cancellable,
                                      GError                     **error)
{
  static const char * const keys[] = {
    KEFU_SETTING_WORK_HOURS,
    KEFU_SETTING_WORK_DAYS,
    KEFU_SETTING_WORK_HOLIDAYS,
    KEFU_SETTING_COMPLAINT_ACK_HOURS,
    KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES,
    KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_PRODUCT,
    KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_SERVICE,
    KEFU_SETTING_CALLBACK_WINDOW_DAYS,
    NULL
  };
  g_autoptr(GHashTable) values = NULL;
  KefuComplaintDeadlineRules defaults;

  values = read_settings (self, keys, cancellable, error);
  if (values == NULL)
    return FALSE;

  kefu_complaint_deadline_rules_init_defaults (&defaults);
  if (rules != NULL)
    {
      guint hours = count_setting (values, KEFU_SETTING_COMPLAINT_ACK_HOURS,
                                   defaults.acknowledge_minutes / 60);

      *rules = defaults;
      rules->acknowledge_minutes = hours * 60;
      rules->harmed_acknowledge_minutes =
        count_setting (values, KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES,
                       defaults.harmed_acknowledge_minutes);
      rules->resolve_days_product =
        count_setting (values, KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_PRODUCT,
                       defaults.resolve_days_product);
      rules->resolve_days_service =
        count_setting (values, KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_SERVICE,
                       defaults.resolve_days_service);
      rules->callback_days = count_setting (values, KEFU_SETTING_CALLBACK_WINDOW_DAYS,
                                            defaults.callback_days);
    }

  if (calendar != NULL)
    {
      g_autoptr(GError) calendar_error = NULL;
      const char *hours = g_hash_table_lookup (values, KEFU_SETTING_WORK_HOURS);
      const char *days = g_hash_table_lookup (values, KEFU_SETTING_WORK_DAYS);
      const char *holidays = g_hash_table_lookup (values, KEFU_SETTING_WORK_HOLIDAYS);

      *calendar = kefu_work_calendar_new_from_settings (hours != NULL ? hours : FALLBACK_WORK_HOURS,
                                                        days != NULL ? days : FALLBACK_WORK_DAYS,
                                                        holidays != NULL ? holidays : "",
                                                        &calendar_error);
      if (*calendar == NULL)
        {
          const char *default_hours = kefu_setting_get_default (KEFU_SETTING_WORK_HOURS);
          const char *default_days = kefu_setting_get_default (KEFU_SETTING_WORK_DAYS);

          g_message ("The working time settings cannot be read (%s); using the defaults",
                     calendar_error->message);
          *calendar = kefu_work_calendar_new_from_settings (default_hours != NULL ?
                                                            default_hours : FALLBACK_WORK_HOURS,
                                                            default_days != NULL ?
                                                            default_days : FALLBACK_WORK_DAYS,
                                                            "", NULL);
          g_return_val_if_fail (*calendar != NULL, FALSE);
        }
    }
  return TRUE;
}

gboolean
_kefu_store_complaint_deadline (KefuStore              *self,
                                KefuComplaintStage      stage,
                                KefuComplaintCategory   category,
                                gboolean                harmed,
                                GDateTime              *since,
                                KefuComplaintDeadline  *kind,
                                GDateTime             **due,
                                GCancellable           *cancellable,
                                GError                **error)
{
  g_autoptr(KefuWorkCalendar) calendar = NULL;
  KefuComplaintDeadlineRules rules;

  *due = NULL;
  if (!_kefu_store_complaint_deadline_rules (self, &rules, &calendar, cancellable, error))
    return FALSE;
  *kind = kefu_complaint_deadline_for_stage (stage, category, harmed, since, &rules, calendar, due);
  return TRUE;
}

/* Stages */

gboolean
_kefu_store_complaint_enter_stage (KefuStore           *self,
                                   gint64               complaint_id,
                                   KefuComplaintStage   stage,
                                   GDateTime           *since,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  g_autoptr(KefuRows) rows = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *since_text = kefu_time_to_db (since);
  g_autofree char *due_text = NULL;
  g_autofree char *now_text = _kefu_store_now_text (self);
  KefuComplaintDeadline kind = KEFU_COMPLAINT_DEADLINE_NONE;
  KefuComplaintCategory category;
  gint64 changes;

  rows = _kefu_store_query (self, "SELECT category, harmed FROM complaints WHERE id = $1",
                            g_variant_new ("(x)", complaint_id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                           _("This complaint no longer exists. Reload the board."));
      return FALSE;
    }
  category = _kefu_store_enum_from_nick (KEFU_TYPE_COMPLAINT_CATEGORY,
                                         kefu_rows_get_text (rows, 0, 0),
                                         KEFU_COMPLAINT_CATEGORY_UNSPECIFIED);
  if (!_kefu_store_complaint_deadline (self, stage, category, kefu_rows_get_bool (rows, 0, 1),
                                       since, &kind, &due, cancellable, error))
    return FALSE;
  if (due != NULL)
    due_text = kefu_time_to_db (due);

  changes = _kefu_store_execute (self,
                                 "UPDATE complaints SET stage = $1, stage_since = $2, "
                                 "due_kind = $3, due_at = $4, version = version + 1, "
                                 "updated_at = $6 WHERE id = $5",
                                 g_variant_new ("(ssmsmsxs)",
                                                _kefu_store_enum_to_nick (KEFU_TYPE_COMPLAINT_STAGE,
                                                                          stage),
                                                since_text,
                                                kind != KEFU_COMPLAINT_DEADLINE_NONE ?
                                                _kefu_store_enum_to_nick (KEFU_TYPE_COMPLAINT_DEADLINE,
                                                                          kind) : NULL,
                                                due_text, complaint_id, now_text),
                                 cancellable, error);
  return changes >= 0;
}

/* Staff */

gint64
_kefu_store_system_staff_id (KefuStore     *self,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self, "SELECT id FROM staff WHERE login = 'system'", NULL,
                            cancellable, error);
  if (rows == NULL)
    return 0;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                           _("The built-in “system” staff member is missing. Run “kefuctl check” "
                             "and ask the administrator to repair the database."));
      return 0;
    }
  return kefu_rows_get_int (rows, 0, 0);
}

/* Routing rules */

void
kefu_routing_rule_free (KefuRoutingRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->department_name);
  g_free (rule);
}

static KefuRoutingRule *
routing_rule_new (KefuComplaintCategory  category,
                  gint64                 department_id,
                  const char            *department_name,
                  gboolean               harmed_only)
{
  KefuRoutingRule *rule = g_new0 (KefuRoutingRule, 1);

  rule->category = category;
  rule->department_id = department_id;
  rule->department_name = g_strdup (department_name);
  rule->harmed_only = harmed_only;
  return rule;
}

/* The departments of the active staff holding `role`, by id. */
static KefuRows *
departments_of_role (KefuStore     *self,
                     KefuRole       role,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return _kefu_store_query (self,
                            "SELECT DISTINCT departments.id, departments.name FROM staff "
                            "JOIN departments ON departments.id = staff.department_id "
                            "WHERE staff.role = $1 AND staff.active = TRUE "
                            "ORDER BY departments.id",
                            g_variant_new ("(s)", _kefu_store_enum_to_nick (KEFU_TYPE_ROLE, role)),
                            cancellable, error);
}

/* What the role defaults give for `category`: the departments of an ordinary complaint, then
 * those a harmed customer adds (harmed_only). */
static gboolean
append_default_rules (KefuStore              *self,
                      KefuComplaintCategory   category,
                      GPtrArray              *rules,
                      GCancellable           *cancellable,
                      GError                **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint pass = 0; pass < 2; pass++)
    {
      KefuRole roles[4];
      guint n_roles = kefu_complaint_route_roles (category, TRUE, pass == 1, roles);

      for (guint i = 0; i < n_roles; i++)
        {
          g_autoptr(KefuRows) rows = departments_of_role (self, roles[i], cancellable, error);

          if (rows == NULL)
            return FALSE;
          for (guint j = 0; j < kefu_rows_get_n_rows (rows); j++)
            {
              gint64 department_id = kefu_rows_get_int (rows, j, 0);

              if (!g_hash_table_add (seen, g_memdup2 (&department_id, sizeof department_id)))
                continue;
              g_ptr_array_add (rules, routing_rule_new (category, department_id,
                                                        kefu_rows_get_text (rows, j, 1),
                                                        pass == 1));
            }
        }
    }
  return TRUE;
}

/* The stored rules of `category`, in their order (element type KefuRoutingRule). */
GPtrArray *
_kefu_store_stored_routing_rules (KefuStore              *self,
                                  KefuComplaintCategory   category,
                                  GCancellable           *cancellable,
                                  GError                **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_routing_rule_free);
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self,
                            "SELECT complaint_routing_rules.department_id, departments.name, "
                            "complaint_routing_rules.harmed_only FROM complaint_routing_rules "
                            "JOIN departments ON departments.id = complaint_routing_rules.department_id "
                            "WHERE complaint_routing_rules.category = $1 "
                            "ORDER BY complaint_routing_rules.position, complaint_routing_rules.id",
                            g_variant_new ("(s)", _kefu_store_enum_to_nick (KEFU_TYPE_COMPLAINT_CATEGORY,
                                                                            category)),
                            cancellable, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < kefu_rows_get_n_rows (rows); i++)
    g_ptr_array_add (rules, routing_rule_new (category, kefu_rows_get_int (rows, i, 0),
                                              kefu_rows_get_text (rows, i, 1),
                                              kefu_rows_get_bool (rows, i, 2)));
  return g_steal_pointer (&rules);
}

/**
 * kefu_store_list_routing_rules:
 * @customised: (out caller-allocates) (optional): per #KefuComplaintCategory, whether stored
 *   rules exist
 *
 * Returns: (transfer full) (element-type KefuRoutingRule): the rules of every category, product
 *   quality first; a category without stored rules lists what the role defaults give
 */
GPtrArray *
kefu_store_list_routing_rules (KefuStore     *self,
                               gboolean       customised[3],
                               GCancellable  *cancellable,
                               GError       **error)
{
  static const KefuComplaintCategory categories[] = {
    KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY,
    KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY,
  };
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_routing_rule_free);

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (customised != NULL)
    customised[KEFU_COMPLAINT_CATEGORY_UNSPECIFIED] = FALSE;
  for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
    {
      g_autoptr(GPtrArray) stored = _kefu_store_stored_routing_rules (self, categories[c],
                                                                      cancellable, error);

      if (stored == NULL)
        return NULL;
      if (customised != NULL)
        customised[categories[c]] = stored->len > 0;
      if (stored->len == 0)
        {
          if (!append_default_rules (self, categories[c], rules, cancellable, error))
            return NULL;
          continue;
        }
      for (guint i = 0; i < stored->len; i++)
        g_ptr_array_add (rules, g_ptr_array_steal_index (stored, i--));
    }
  return g_steal_pointer (&rules);
}

typedef struct
{
  KefuComplaintCategory  category;
  GPtrArray             *rules;
} SetRules;

/* The acting staff member's role, inside a write transaction. */
static gboolean
actor_role (KefuStore     *self,
            KefuRole      *role,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self, "SELECT role FROM staff WHERE id = $1",
                            g_variant_new ("(x)", _kefu_store_get_txn_actor (self)),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NO_ACTOR,
                           _("Nobody is signed in on this workstation. Choose who is working "
                             "and try again."));
      return FALSE;
    }
  *role = _kefu_store_enum_from_nick (KEFU_TYPE_ROLE, kefu_rows_get_text (rows, 0, 0),
                                      KEFU_ROLE_CLERK);
  return TRUE;
}

static gboolean
set_routing_rules_txn (KefuStore     *self,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  SetRules *s = data;
  const char *category = _kefu_store_enum_to_nick (KEFU_TYPE_COMPLAINT_CATEGORY, s->category);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) details = g_string_new ("{\"category\":");
  guint position = 0;
  KefuRole role;

  if (!actor_role (self, &role, cancellable, error))
    return FALSE;
  if (!kefu_role_can_edit_settings (role))
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                           _("Only the CS manager or the administrator can change where "
                             "complaints are routed."));
      return FALSE;
    }

  if (_kefu_store_execute (self, "DELETE FROM complaint_routing_rules WHERE category = $1",
                           g_variant_new ("(s)", category), cancellable, error) < 0)
    return FALSE;

  _kefu_json_append_string (details, category);
  g_string_append (details, ",\"departments\":[");
  for (guint i = 0; s->rules != NULL && i < s->rules->len; i++)
    {
      KefuRoutingRule *rule = g_ptr_array_index (s->rules, i);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%d", rule->department_id,
                                              rule->harmed_only != FALSE);
      g_autoptr(KefuRows) department = NULL;

      /* The same department twice is one rule. */
      if (g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&key));

      department = _kefu_store_query (self, "SELECT name FROM departments WHERE id = $1",
                                      g_variant_new ("(x)", rule->department_id),
                                      cancellable, error);
      if (department == NULL)
        return FALSE;
      if (kefu_rows_get_n_rows (department) == 0)
        {
          g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                               _("One of the chosen departments no longer exists. Reload the "
                                 "departments and choose again."));
          return FALSE;
        }
      if (_kefu_store_execute (self,
                               "INSERT INTO complaint_routing_rules (category, department_id, "
                               "harmed_only, position, created_at) VALUES ($1, $2, $3, $4, now())",
                               g_variant_new ("(sxbx)", category, rule->department_id,
                                              rule->harmed_only != FALSE, (gint64) position),
                               cancellable, error) < 0)
        return FALSE;
      g_string_append_printf (details, "%s{\"id\":%" G_GINT64_FORMAT ",\"name\":",
                              position > 0 ? "," : "", rule->department_id);
      _kefu_json_append_string (details, kefu_rows_get_text (department, 0, 0));
      g_string_append_printf (details, ",\"harmed_only\":%s}",
                              rule->harmed_only ? "true" : "false");
      position++;
    }
  g_string_append (details, "]}");

  /* Like the settings, the rules are shared configuration: their events go with the
   * settings', entity_id 0 and the category in the details. */
  return _kefu_store_add_event (self, "settings", 0, "routing-rules", details->str,
                                cancellable, error);
}

/**
 * kefu_store_set_routing_rules:
 * @rules: (element-type KefuRoutingRule) (nullable): the departments, in order; empty or %NULL
 *   returns the category to the role defaults
 *
 * Replaces the routing rules of @category. Only those who may edit the settings
 * (kefu_role_can_edit_settings (): the CS manager and the administrator).
 *
 * Returns: %TRUE on success
 */
gboolean
kefu_store_set_routing_rules (KefuStore              *self,
                              KefuComplaintCategory   category,
                              GPtrArray              *rules,
                              GCancellable           *cancellable,
                              GError                **error)
{
  SetRules s = { category, rules };

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (category != KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY &&
      category != KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                           _("Routing rules are kept for product-quality and service-quality "
                             "complaints only. Choose one of these categories."));
      return FALSE;
    }
  return _kefu_store_write (self, set_routing_rules_txn, &s, cancellable, error);
}
