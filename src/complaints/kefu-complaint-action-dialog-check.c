/* kefu-complaint-action-dialog-check.c: the action dialog's fields checked (each field's
 * message under it, the first field with a problem to focus) and turned into the change to
 * make once they are right.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "intake/kefu-call-form.h"
#include "intake/kefu-form-field.h"

#include "kefu-complaint-action-dialog-private.h"

static KefuSatisfaction
current_satisfaction (KefuComplaintActionDialog *self)
{
  const char *name = adw_toggle_group_get_active_name (self->satisfaction_toggles);
  int value = KEFU_SATISFACTION_UNSPECIFIED;

  if (name == NULL || !kefu_enum_from_nick (KEFU_TYPE_SATISFACTION, name, &value))
    return KEFU_SATISFACTION_UNSPECIFIED;
  return value;
}

static char *
dup_trimmed_text (KefuComplaintActionDialog *self)
{
  g_autofree char *text = kefu_text_row_get_text (self->text_row);

  return g_strstrip (g_strdup (text));
}

gboolean
_kefu_complaint_action_dialog_is_routed (KefuComplaintActionDialog *self,
                                         gint64                     department_id)
{
  GArray *ids = kefu_complaint_card_get_department_ids (self->card);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == department_id)
      return TRUE;
  return FALSE;
}

/* The departments ticked that are not routed yet (`added`) and those routed but cleared
 * (`removed`); for ROUTE every ticked one is added. */
static void
collect_departments (KefuComplaintActionDialog  *self,
                     GArray                    **added,
                     GArray                    **removed,
                     guint                      *n_after)
{
  GHashTableIter iter;
  gpointer key, value;

  *added = g_array_new (FALSE, FALSE, sizeof (gint64));
  *removed = g_array_new (FALSE, FALSE, sizeof (gint64));
  *n_after = 0;

  g_hash_table_iter_init (&iter, self->department_checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 id = *(gint64 *) key;
      gboolean chosen = gtk_check_button_get_active (value);
      gboolean routed = self->action == KEFU_COMPLAINT_ACTION_EDIT_ROUTES
                        && _kefu_complaint_action_dialog_is_routed (self, id);

      if (chosen)
        (*n_after)++;
      if (chosen && !routed)
        g_array_append_val (*added, id);
      else if (!chosen && routed)
        g_array_append_val (*removed, id);
    }
}

static void
show_label_message (GtkLabel   *label,
                    const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

guint
_kefu_complaint_action_dialog_validate (KefuComplaintActionDialog  *self,
                                        gboolean                    all,
                                        GtkWidget                 **first)
{
  g_autofree char *text = dup_trimmed_text (self);
  const char *text_message = NULL;
  const char *satisfaction_message = NULL;
  const char *departments_message = NULL;
  const char *visitors_message = NULL;
  g_autofree char *visited_message = NULL;
  KefuSatisfaction satisfaction = current_satisfaction (self);
  guint n_problems = 0;

  *first = NULL;
  if (all)
    {
      kefu_form_field_set_touched (GTK_WIDGET (self->text_row), TRUE);
      kefu_form_field_set_touched (GTK_WIDGET (self->visitors_row), TRUE);
      kefu_form_field_set_touched (GTK_WIDGET (self->visited_row), TRUE);
      self->checked_all = TRUE;
    }

  switch (self->action)
    {
    case KEFU_COMPLAINT_ACTION_RESOLVE:
      if (*text == '\0')
        text_message = _("Enter the resolution: what was found and what was done for the customer.");
      break;
    case KEFU_COMPLAINT_ACTION_RECORD_CALLBACK:
      if (satisfaction == KEFU_SATISFACTION_UNSPECIFIED)
        satisfaction_message = _("Choose what the customer answered: satisfied, so-so or not satisfied.");
      if (satisfaction == KEFU_SATISFACTION_NOT_SATISFIED && *text == '\0')
        text_message = _("Enter the customer’s words: a not-satisfied callback reopens the complaint with them as the reason.");
      break;
    case KEFU_COMPLAINT_ACTION_REOPEN:
      if (*text == '\0')
        text_message = _("Enter why the complaint is reopened; the departments read it.");
      break;
    case KEFU_COMPLAINT_ACTION_ESCALATE:
      if (*text == '\0')
        text_message = _("Enter why the complaint is escalated; the next level reads it.");
      break;
    case KEFU_COMPLAINT_ACTION_ADD_NOTE:
      if (*text == '\0')
        text_message = _("Enter the note.");
      break;
    case KEFU_COMPLAINT_ACTION_RECORD_VISIT:
      {
        const char *visitors = gtk_editable_get_text (GTK_EDITABLE (self->visitors_row));
        const char *visited = gtk_editable_get_text (GTK_EDITABLE (self->visited_row));
        g_autofree char *visitors_trimmed = g_strstrip (g_strdup (visitors));
        g_autoptr(GError) error = NULL;
        g_autoptr(GDateTime) at = NULL;

        if (*visitors_trimmed == '\0')
          visitors_message = _("Enter who went to see the customer.");
        if (*visited == '\0')
          visited_message = g_strdup (_("Enter when the visit took place, e.g. 2026-11-27 09:41."));
        else if ((at = kefu_call_form_parse_received_at (visited, &error)) == NULL)
          visited_message = g_strdup (error->message);
        else
          {
            g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

            /* A visit is recorded after it happened; a minute of slack for clocks. */
            if (g_date_time_difference (at, now) > G_TIME_SPAN_MINUTE)
              visited_message = g_strdup (_("The visit is in the future; record it once it took place."));
          }
        if (*text == '\0')
          text_message = _("Enter the outcome of the visit: how the customer is and what was agreed.");
      }
      break;
    case KEFU_COMPLAINT_ACTION_ROUTE:
    case KEFU_COMPLAINT_ACTION_EDIT_ROUTES:
      {
        g_autoptr(GArray) added = NULL;
        g_autoptr(GArray) removed = NULL;
        guint n_after;

        collect_departments (self, &added, &removed, &n_after);
        if (n_after == 0)
          departments_message = _("Choose at least one department: a complaint is always worked by someone.");
        else if (self->action == KEFU_COMPLAINT_ACTION_EDIT_ROUTES
                 && added->len == 0 && removed->len == 0)
          departments_message = _("Tick a department to add it or clear one to remove it.");
        if (self->action == KEFU_COMPLAINT_ACTION_EDIT_ROUTES && *text == '\0')
          text_message = _("Enter why the departments change; it goes on the timeline.");
      }
      break;
    case KEFU_COMPLAINT_ACTION_ACKNOWLEDGE:
    case KEFU_COMPLAINT_ACTION_CLOSE:
    case KEFU_COMPLAINT_ACTION_EDIT_DETAILS:
    default:
      g_assert_not_reached ();
    }

  /* The choices show their problem once apply was pressed; typed fields once they were left. */
  if (!self->checked_all)
    {
      satisfaction_message = NULL;
      departments_message = NULL;
    }
  show_label_message (self->satisfaction_message, satisfaction_message);
  show_label_message (self->departments_message, departments_message);
  gtk_widget_set_visible (GTK_WIDGET (self->reopen_label),
                          satisfaction == KEFU_SATISFACTION_NOT_SATISFIED);

  if (satisfaction_message != NULL)
    {
      n_problems++;
      *first = *first != NULL ? *first : GTK_WIDGET (self->satisfaction_toggles);
    }
  if (departments_message != NULL)
    {
      n_problems++;
      *first = *first != NULL ? *first : GTK_WIDGET (self->departments_group);
    }

#define SHOW_FIELD(widget, message)                                                     \
  G_STMT_START {                                                                        \
    const char *_message = (message);                                                   \
    kefu_form_field_show_message (GTK_WIDGET (widget),                                  \
                                  kefu_form_field_get_touched (GTK_WIDGET (widget))     \
                                    ? _message : NULL);                                 \
    if (_message != NULL)                                                               \
      {                                                                                 \
        n_problems++;                                                                   \
        if (*first == NULL)                                                             \
          *first = GTK_WIDGET (widget);                                                 \
      }                                                                                 \
  } G_STMT_END

  SHOW_FIELD (self->visitors_row, visitors_message);
  SHOW_FIELD (self->visited_row, visited_message);
  SHOW_FIELD (self->text_row, text_message);
#undef SHOW_FIELD

  return n_problems;
}

KefuComplaintChange *
_kefu_complaint_action_dialog_build (KefuComplaintActionDialog *self)
{
  g_autoptr(KefuComplaintChange) change = NULL;
  g_autofree char *text = dup_trimmed_text (self);

  change = kefu_complaint_change_new (self->action, kefu_complaint_card_get_id (self->card),
                                      kefu_complaint_card_get_version (self->card));
  if (*text != '\0')
    change->text = g_steal_pointer (&text);

  switch (self->action)
    {
    case KEFU_COMPLAINT_ACTION_RECORD_CALLBACK:
      change->satisfaction = current_satisfaction (self);
      break;
    case KEFU_COMPLAINT_ACTION_RECORD_VISIT:
      change->visitors = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->visitors_row))));
      change->visited_at =
        kefu_call_form_parse_received_at (gtk_editable_get_text (GTK_EDITABLE (self->visited_row)),
                                          NULL);
      break;
    case KEFU_COMPLAINT_ACTION_ROUTE:
    case KEFU_COMPLAINT_ACTION_EDIT_ROUTES:
      {
        g_autoptr(GArray) added = NULL;
        g_autoptr(GArray) removed = NULL;
        guint n_after;

        collect_departments (self, &added, &removed, &n_after);
        if (added->len > 0)
          change->add_departments = g_steal_pointer (&added);
        if (removed->len > 0)
          change->remove_departments = g_steal_pointer (&removed);
      }
      break;
    default:
      break;
    }

  return g_steal_pointer (&change);
}

