/* kefu-complaint-timeline.c: a complaint's events in words. The details are the JSON objects
 * kefu-store-complaints.h lists; names are copied into them, so nothing is looked up here. Damaged
 * or missing details never hide an event: its title is then told without them.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include "kefu-complaint-timeline.h"
#include "kefu-enums.h"
#include "kefu-timeline-private.h"

void
kefu_field_change_free (KefuFieldChange *change)
{
  if (change == NULL)
    return;
  g_free (change->label);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

/* The names of a list of departments ([{"id":3,"name":"品控部"}, …]) joined with the locale's
 * list separator; NULL when there are none. */
static char *
department_names (JsonObject *object,
                  const char *member)
{
  g_autoptr(GString) names = NULL;
  JsonNode *node;
  JsonArray *array;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  names = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *name = NULL;

      if (JSON_NODE_HOLDS_OBJECT (element))
        name = _kefu_timeline_member_text (json_node_get_object (element), "name");
      else if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        name = json_node_get_string (element);
      if (name == NULL || name[0] == '\0')
        continue;

      if (names->len > 0)
        g_string_append (names, C_("list separator", ", "));
      g_string_append (names, name);
    }

  if (names->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The name of a single department ({"id":3,"name":"品控部"}). */
static const char *
department_name (JsonObject *object,
                 const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return _kefu_timeline_member_text (json_node_get_object (node), "name");
}

static KefuEscalationLevel
escalation_level (JsonObject *details)
{
  gint64 level = _kefu_timeline_member_int (details, "level", 0);
  const char *role = _kefu_timeline_member_text (details, "role");

  if (level >= KEFU_ESCALATION_TEAM_LEAD && level <= KEFU_ESCALATION_GM_OFFICE)
    return (KefuEscalationLevel) level;

  /* Older or hand-written details may name only the role. */
  if (g_strcmp0 (role, "team-lead") == 0)
    return KEFU_ESCALATION_TEAM_LEAD;
  if (g_strcmp0 (role, "cs-manager") == 0)
    return KEFU_ESCALATION_CS_MANAGER;
  if (g_strcmp0 (role, "gm-office") == 0)
    return KEFU_ESCALATION_GM_OFFICE;
  return KEFU_ESCALATION_NONE;
}

static char *
escalated_title (JsonObject *details)
{
  KefuEscalationLevel level = escalation_level (details);
  const char *deadline_nick = _kefu_timeline_member_text (details, "deadline");
  const char *deadline = NULL;
  int value;

  if (deadline_nick != NULL &&
      kefu_enum_from_nick (KEFU_TYPE_COMPLAINT_DEADLINE, deadline_nick, &value) &&
      value != KEFU_COMPLAINT_DEADLINE_NONE)
    deadline = kefu_complaint_deadline_get_display_name (value);

  if (_kefu_timeline_member_bool (details, "by_hand"))
    switch (level)
      {
      case KEFU_ESCALATION_TEAM_LEAD:
        return g_strdup (_("Escalated to the team lead by hand"));
      case KEFU_ESCALATION_CS_MANAGER:
        return g_strdup (_("Escalated to the CS manager by hand"));
      case KEFU_ESCALATION_GM_OFFICE:
        return g_strdup (_("Escalated to the GM office by hand"));
      case KEFU_ESCALATION_NONE:
      default:
        return g_strdup (_("Escalated by hand"));
      }

  if (deadline != NULL)
    switch (level)
      {
      case KEFU_ESCALATION_TEAM_LEAD:
        /* TRANSLATORS: %s is the deadline that was missed: "acknowledgement", "resolution",
         * "callback" or "routing". */
        return g_strdup_printf (_("Escalated to the team lead (%s late)"), deadline);
      case KEFU_ESCALATION_CS_MANAGER:
        /* TRANSLATORS: %s is the deadline that was missed. */
        return g_strdup_printf (_("Escalated to the CS manager (%s late)"), deadline);
      case KEFU_ESCALATION_GM_OFFICE:
        /* TRANSLATORS: %s is the deadline that was missed. */
        return g_strdup_printf (_("Escalated to the GM office (%s late)"), deadline);
      case KEFU_ESCALATION_NONE:
      default:
        break;
      }

  switch (level)
    {
    case KEFU_ESCALATION_TEAM_LEAD:
      return g_strdup (_("Escalated to the team lead"));
    case KEFU_ESCALATION_CS_MANAGER:
      return g_strdup (_("Escalated to the CS manager"));
    case KEFU_ESCALATION_GM_OFFICE:
      return g_strdup (_("Escalated to the GM office"));
    case KEFU_ESCALATION_NONE:
    default:
      return g_strdup (C_("complaint timeline", "Escalated"));
    }
}

static char *
called_back_title (JsonObject *details)
{
  const char *nick = _kefu_timeline_member_text (details, "satisfaction");
  int value = KEFU_SATISFACTION_UNSPECIFIED;

  if (nick != NULL)
    kefu_enum_from_nick (KEFU_TYPE_SATISFACTION, nick, &value);

  switch (value)
    {
    case KEFU_SATISFACTION_SATISFIED:
      return g_strdup (_("Called back: satisfied"));
    case KEFU_SATISFACTION_SO_SO:
      return g_strdup (_("Called back: so-so"));
    case KEFU_SATISFACTION_NOT_SATISFIED:
      return g_strdup (_("Called back: not satisfied"));
    default:
      return g_strdup (C_("complaint timeline", "Called back"));
    }
}

static char *
routes_changed_title (JsonObject *details)
{
  g_autofree char *added = department_names (details, "added");
  g_autofree char *removed = department_names (details, "removed");

  if (added != NULL && removed != NULL)
    /* TRANSLATORS: both are lists of departments ("营销部", "品控部、总经办"). */
    return g_strdup_printf (_("Departments changed: added %s, removed %s"), added, removed);
  if (added != NULL)
    /* TRANSLATORS: %s lists the departments added to a complaint's routing. */
    return g_strdup_printf (_("Departments added: %s"), added);
  if (removed != NULL)
    /* TRANSLATORS: %s lists the departments taken off a complaint's routing. */
    return g_strdup_printf (_("Departments removed: %s"), removed);
  return g_strdup (_("Departments changed"));
}

static char *
batch_flagged_title (JsonObject *details)
{
  const char *batch = _kefu_timeline_member_text (details, "batch_number");
  gint64 count = _kefu_timeline_member_int (details, "count", 0);

  if (batch != NULL && count > 0)
    /* TRANSLATORS: %s is a batch number (生产批号), %d the number of complaints about it. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Batch %s flagged as a possible quality incident (%d complaint)",
                                         "Batch %s flagged as a possible quality incident (%d complaints)",
                                         (gulong) count),
                            batch, (int) count);
  if (batch != NULL)
    return g_strdup_printf (_("Batch %s flagged as a possible quality incident"), batch);
  return g_strdup (_("Batch flagged as a possible quality incident"));
}

/**
 * kefu_complaint_event_title:
 *
 * Returns: (transfer full): the event's title
 */
char *
kefu_complaint_event_title (KefuEvent *event)
{
  g_autoptr(JsonObject) details = NULL;
  const char *action;

  g_return_val_if_fail (KEFU_IS_EVENT (event), g_strdup (""));

  action = kefu_event_get_action (event);
  if (action == NULL)
    return g_strdup ("");
  details = _kefu_timeline_parse_details (event);

  if (g_str_equal (action, "created"))
    {
      const char *staff = kefu_event_get_staff_name (event);

      if (staff != NULL && staff[0] != '\0')
        /* TRANSLATORS: the first line of a complaint's timeline; %s is the clerk's name. */
        return g_strdup_printf (_("Complaint call taken by %s"), staff);
      return g_strdup (_("Complaint call taken"));
    }

  if (g_str_equal (action, "routed"))
    {
      g_autofree char *names = department_names (details, "departments");

      if (names != NULL)
        /* TRANSLATORS: %s lists the departments ("品控部、客服中心"). */
        return g_strdup_printf (_("Routed to %s"), names);
      return g_strdup (C_("complaint timeline", "Routed"));
    }

  if (g_str_equal (action, "acknowledged"))
    {
      const char *name = department_name (details, "department");

      if (name != NULL)
        /* TRANSLATORS: %s is the department that accepted the complaint (受理). */
        return g_strdup_printf (_("Acknowledged by %s"), name);
      return g_strdup (C_("complaint timeline", "Acknowledged"));
    }

  if (g_str_equal (action, "resolved"))
    return g_strdup (_("Resolution recorded"));
  if (g_str_equal (action, "called-back"))
    return called_back_title (details);
  if (g_str_equal (action, "reopened"))
    return g_strdup (C_("complaint timeline", "Reopened"));
  if (g_str_equal (action, "closed"))
    return g_strdup (C_("complaint timeline", "Closed"));
  if (g_str_equal (action, "note"))
    return g_strdup (C_("complaint timeline", "Note"));
  if (g_str_equal (action, "visit"))
    {
      const char *visitors = _kefu_timeline_member_text (details, "visitors");

      if (visitors != NULL)
        /* TRANSLATORS: a visit to a harmed customer; %s names who went. */
        return g_strdup_printf (_("Customer visited by %s"), visitors);
      return g_strdup (_("Customer visited"));
    }
  if (g_str_equal (action, "escalated"))
    return escalated_title (details);
  if (g_str_equal (action, "routes-changed"))
    return routes_changed_title (details);
  if (g_str_equal (action, "details-changed"))
    return g_strdup (_("Details changed"));
  if (g_str_equal (action, "batch-flagged"))
    return batch_flagged_title (details);

  /* An event a later version writes: its name is still better than nothing. */
  return g_strdup (action);
}

/**
 * kefu_complaint_event_text:
 *
 * Returns: (transfer full) (nullable): the text that came with the event
 */
char *
kefu_complaint_event_text (KefuEvent *event)
{
  g_autoptr(JsonObject) details = NULL;
  const char *action;
  const char *text;

  g_return_val_if_fail (KEFU_IS_EVENT (event), NULL);

  action = kefu_event_get_action (event);
  details = _kefu_timeline_parse_details (event);
  text = _kefu_timeline_member_text (details, "text");

  if (g_strcmp0 (action, "visit") == 0)
    {
      const char *visited_at = _kefu_timeline_member_text (details, "visited_at");
      g_autofree char *when = _kefu_timeline_local_time_text (visited_at);
      const char *visitors = _kefu_timeline_member_text (details, "visitors");

      /* The printed record has no title column wide enough for who and when: say them here. */
      if (visitors != NULL && when != NULL && text != NULL)
        /* TRANSLATORS: who visited a harmed customer, when, and the outcome. */
        return g_strdup_printf (_("%s visited on %s: %s"), visitors, when, text);
      if (visitors != NULL && when != NULL)
        return g_strdup_printf (_("%s visited on %s."), visitors, when);
      if (when != NULL && text != NULL)
        /* TRANSLATORS: when a harmed customer was visited, and the outcome. */
        return g_strdup_printf (_("On %s: %s"), when, text);
    }

  return g_strdup (text);
}

/* The translated label of a complaint or call field as the details-changed event names it. */
static char *
field_label (const char *field)
{
  static const KefuTimelineName labels[] = {
    { "caller_name", NC_("complaint field", "Caller's name") },
    { "address", NC_("complaint field", "Address") },
    { "phone", NC_("complaint field", "Phone") },
    { "received_at", NC_("complaint field", "Received at") },
    { "notes", NC_("complaint field", "Notes") },
    { "subject", NC_("complaint field", "Complaint about") },
    { "reason", NC_("complaint field", "Reason") },
    { "category", NC_("complaint field", "Category") },
    { "symptom", NC_("complaint field", "Symptom") },
    { "purchase_method", NC_("complaint field", "Purchase method") },
    { "purchase_place", NC_("complaint field", "Purchase place") },
    { "batch_number", NC_("complaint field", "Batch number") },
    { "production_date", NC_("complaint field", "Production date") },
    { "product", NC_("complaint field", "Product") },
    { "service_issue", NC_("complaint field", "What went wrong") },
    { "staff_identity", NC_("complaint field", "Staff name or number") },
    { "work_place", NC_("complaint field", "Place of work") },
    { "work_manner", NC_("complaint field", "Manner of work") },
    { "harmed", NC_("complaint field", "Customer harmed") },
    { "well_founded", NC_("complaint field", "Well founded") },
    { "explanation", NC_("complaint field", "Explanation") },
  };

  const char *label = _kefu_timeline_lookup (labels, G_N_ELEMENTS (labels), field);

  return g_strdup (label != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, "complaint field", label) : field);
}

/* A value of a changed field as people read it: enum nicks as names, yes/no, local times;
 * NULL for none. */
static char *
field_value (const char *field,
             JsonNode   *node)
{
  GType enum_type = G_TYPE_INVALID;
  g_autofree char *text = _kefu_timeline_value_text (node);
  int value;

  if (text == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return g_steal_pointer (&text);

  if (g_str_equal (field, "category"))
    enum_type = KEFU_TYPE_COMPLAINT_CATEGORY;
  else if (g_str_equal (field, "symptom"))
    enum_type = KEFU_TYPE_PRODUCT_SYMPTOM;
  else if (g_str_equal (field, "service_issue"))
    enum_type = KEFU_TYPE_SERVICE_ISSUE;

  if (enum_type != G_TYPE_INVALID && kefu_enum_from_nick (enum_type, text, &value))
    {
      if (enum_type == KEFU_TYPE_COMPLAINT_CATEGORY)
        return g_strdup (kefu_complaint_category_get_display_name (value));
      if (enum_type == KEFU_TYPE_PRODUCT_SYMPTOM)
        return g_strdup (kefu_product_symptom_get_display_name (value));
      return g_strdup (kefu_service_issue_get_display_name (value));
    }

  if (g_str_equal (field, "received_at"))
    {
      char *local = _kefu_timeline_local_time_text (text);

      if (local != NULL)
        return local;
    }

  return g_steal_pointer (&text);
}

/**
 * kefu_complaint_event_changes:
 *
 * Returns: (transfer full) (element-type KefuFieldChange): the field changes, in the order the
 *   event lists them
 */
GPtrArray *
kefu_complaint_event_changes (KefuEvent *event)
{
  g_return_val_if_fail (KEFU_IS_EVENT (event),
                        g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_field_change_free));

  return _kefu_timeline_changes (event, field_label, field_value);
}

const char *
kefu_complaint_event_icon_name (KefuEvent *event)
{
  static const KefuTimelineName icons[] = {
    { "created", "call-incoming-symbolic" },
    { "routed", "mail-send-symbolic" },
    { "acknowledged", "object-select-symbolic" },
    { "resolved", "checkbox-checked-symbolic" },
    { "called-back", "call-outgoing-symbolic" },
    { "reopened", "view-refresh-symbolic" },
    { "closed", "changes-prevent-symbolic" },
    { "note", "document-edit-symbolic" },
    { "visit", "find-location-symbolic" },
    { "escalated", "go-up-symbolic" },
    { "routes-changed", "mail-forward-symbolic" },
    { "details-changed", "document-properties-symbolic" },
    { "batch-flagged", "dialog-warning-symbolic" },
  };
  const char *icon;

  g_return_val_if_fail (KEFU_IS_EVENT (event), "dialog-information-symbolic");

  icon = _kefu_timeline_lookup (icons, G_N_ELEMENTS (icons), kefu_event_get_action (event));
  return icon != NULL ? icon : "dialog-information-symbolic";
}
