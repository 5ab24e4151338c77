/* kefu-complaint-action-dialog.c: the dialog of a complaint action that needs input.
 *
 * One dialog for every such action: each shows only its own fields (the callback result, the
 * departments, the visit, the text) with a title, an intro and a text label of its own, so the
 * validation and its messages stay the same everywhere.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-text.h"
#include "intake/kefu-call-form.h"
#include "intake/kefu-form-field.h"
#include "intake/kefu-text-row.h"

#include "kefu-complaint-action-dialog.h"
#include "kefu-detail-format.h"

struct _KefuComplaintActionDialog
{
  AdwDialog            parent_instance;

  KefuComplaintCard   *card;
  KefuComplaintAction  action;
  GListModel          *departments;
  /* The department rows' check buttons, keyed by department id (gint64 *). */
  GHashTable          *department_checks;
  /* Set once apply was pressed: from then on every problem shows as it changes. */
  gboolean             checked_all;
  gboolean             busy;

  GtkButton           *apply_button;
  GtkButton           *cancel_button;
  GtkBox              *content_box;
  AdwPreferencesGroup *departments_group;
  GtkLabel            *departments_message;
  GtkLabel            *intro_label;
  GtkLabel            *reopen_label;
  AdwPreferencesGroup *satisfaction_group;
  GtkLabel            *satisfaction_message;
  AdwToggleGroup      *satisfaction_toggles;
  AdwPreferencesGroup *text_group;
  KefuTextRow         *text_row;
  AdwPreferencesGroup *visit_group;
  AdwEntryRow         *visited_row;
  AdwEntryRow         *visitors_row;
};

G_DEFINE_FINAL_TYPE (KefuComplaintActionDialog, kefu_complaint_action_dialog, ADW_TYPE_DIALOG)

enum {
  SIGNAL_APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static gboolean
department_is_routed (KefuComplaintActionDialog *self,
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
                        && department_is_routed (self, id);

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

static gboolean
needs_text (KefuComplaintActionDialog *self)
{
  return self->action != KEFU_COMPLAINT_ACTION_ROUTE;
}

/* Checks every field of the action; shows the problems of the fields touched (all of them when
 * `all`). Returns the number of problems, with the first field that has one in `first`. */
static guint
validate (KefuComplaintActionDialog  *self,
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

static void
field_changed_cb (KefuComplaintActionDialog *self)
{
  GtkWidget *first;

  validate (self, FALSE, &first);
}

static void
validate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  field_changed_cb (KEFU_COMPLAINT_ACTION_DIALOG (widget));
}

static void
satisfaction_changed_cb (KefuComplaintActionDialog *self)
{
  field_changed_cb (self);
}

static KefuComplaintChange *
build_change (KefuComplaintActionDialog *self)
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

static void
apply_clicked_cb (KefuComplaintActionDialog *self)
{
  kefu_complaint_action_dialog_apply (self);
}

static void
cancel_clicked_cb (KefuComplaintActionDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

/* The title, intro, apply label and text label of each action. */
static void
setup_for_action (KefuComplaintActionDialog *self,
                  KefuSatisfaction           satisfaction)
{
  const char *reference = kefu_complaint_card_get_reference (self->card);
  const char *customer = kefu_complaint_card_get_customer_name (self->card);
  g_autofree char *intro = NULL;
  const char *title = NULL;
  const char *apply = NULL;
  const char *text_title = NULL;
  const char *explanation = NULL;

  switch (self->action)
    {
    case KEFU_COMPLAINT_ACTION_ROUTE:
      title = _("Route the Complaint");
      apply = _("_Route");
      explanation = _("The departments chosen are notified and must acknowledge the complaint.");
      break;
    case KEFU_COMPLAINT_ACTION_RESOLVE:
      title = _("Record the Resolution");
      apply = _("_Record");
      text_title = _("Resolution");
      explanation = _("The owner then calls the customer back to ask whether they are satisfied.");
      break;
    case KEFU_COMPLAINT_ACTION_RECORD_CALLBACK:
      title = _("Record the Callback");
      apply = _("_Record");
      /* Translators: what the customer said at the callback, in their own words. */
      text_title = _("The Customer’s Words");
      explanation = _("Ask the customer whether they are satisfied with how the complaint was handled.");
      break;
    case KEFU_COMPLAINT_ACTION_REOPEN:
      title = _("Reopen the Complaint");
      apply = _("Re_open");
      text_title = C_("action", "Reason");
      explanation = _("The complaint goes back to the departments to be acknowledged and worked again.");
      break;
    case KEFU_COMPLAINT_ACTION_ESCALATE:
      title = _("Escalate the Complaint");
      apply = _("_Escalate");
      text_title = C_("action", "Reason");
      explanation = _("The complaint rises one level (team lead → CS manager → GM office), which is notified.");
      break;
    case KEFU_COMPLAINT_ACTION_ADD_NOTE:
      title = _("Add a Note");
      apply = _("_Add");
      text_title = _("Note");
      explanation = _("The note goes on the complaint’s timeline for everyone who works on it.");
      break;
    case KEFU_COMPLAINT_ACTION_RECORD_VISIT:
      title = _("Record a Visit");
      apply = _("_Record");
      text_title = _("Outcome");
      explanation = _("Who went to see the harmed customer, when, and how it went.");
      break;
    case KEFU_COMPLAINT_ACTION_EDIT_ROUTES:
      title = _("Change Departments");
      apply = _("_Change");
      text_title = C_("action", "Reason");
      explanation = _("Tick a department to add it, clear one to remove it. Added departments are notified.");
      break;
    case KEFU_COMPLAINT_ACTION_ACKNOWLEDGE:
    case KEFU_COMPLAINT_ACTION_CLOSE:
    case KEFU_COMPLAINT_ACTION_EDIT_DETAILS:
    default:
      g_assert_not_reached ();
    }

  /* Translators: the first line of a complaint action dialog: the reference, the customer
   * and what the action does, e.g. "TS-20261127-0001 · 张三\nThe departments chosen…". */
  intro = g_strdup_printf (_("%s · %s\n%s"), reference != NULL ? reference : "",
                           customer != NULL ? customer : "", explanation);
  adw_dialog_set_title (ADW_DIALOG (self), title);
  gtk_label_set_label (self->intro_label, intro);
  gtk_button_set_label (self->apply_button, apply);

  gtk_widget_set_visible (GTK_WIDGET (self->satisfaction_group),
                          self->action == KEFU_COMPLAINT_ACTION_RECORD_CALLBACK);
  gtk_widget_set_visible (GTK_WIDGET (self->visit_group),
                          self->action == KEFU_COMPLAINT_ACTION_RECORD_VISIT);
  gtk_widget_set_visible (GTK_WIDGET (self->departments_group),
                          self->action == KEFU_COMPLAINT_ACTION_ROUTE
                          || self->action == KEFU_COMPLAINT_ACTION_EDIT_ROUTES);
  gtk_widget_set_visible (GTK_WIDGET (self->text_group), needs_text (self));
  if (text_title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->text_row), text_title);

  if (self->action == KEFU_COMPLAINT_ACTION_RECORD_CALLBACK)
    kefu_complaint_action_dialog_set_satisfaction (self, satisfaction);

  if (self->action == KEFU_COMPLAINT_ACTION_RECORD_VISIT)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%d %H:%M");

      /* Most visits are recorded on return: now is the likeliest time. */
      gtk_editable_set_text (GTK_EDITABLE (self->visited_row), now_text);
    }
}

static void
add_department_rows (KefuComplaintActionDialog *self)
{
  guint n;

  if (self->departments == NULL)
    return;

  n = g_list_model_get_n_items (self->departments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuDepartment) department = g_list_model_get_item (self->departments, i);
      gint64 id = kefu_record_get_id (KEFU_RECORD (department));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gint64 *key = g_new (gint64, 1);

      *key = id;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     kefu_department_get_name (department));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      kefu_department_get_name (department), -1);
      if (self->action == KEFU_COMPLAINT_ACTION_EDIT_ROUTES && department_is_routed (self, id))
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          /* Translators: under a department the complaint is routed to now. */
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Routed now"));
        }
      g_signal_connect_object (check, "toggled", G_CALLBACK (field_changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->departments_group, row);
      g_hash_table_insert (self->department_checks, key, check);
    }

  /* The message goes under the rows. */
  g_object_ref (self->departments_message);
  adw_preferences_group_remove (self->departments_group, GTK_WIDGET (self->departments_message));
  adw_preferences_group_add (self->departments_group, GTK_WIDGET (self->departments_message));
  g_object_unref (self->departments_message);
}

static void
kefu_complaint_action_dialog_dispose (GObject *object)
{
  KefuComplaintActionDialog *self = KEFU_COMPLAINT_ACTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_COMPLAINT_ACTION_DIALOG);
  g_clear_pointer (&self->department_checks, g_hash_table_unref);
  g_clear_object (&self->card);
  g_clear_object (&self->departments);

  G_OBJECT_CLASS (kefu_complaint_action_dialog_parent_class)->dispose (object);
}

static void
kefu_complaint_action_dialog_class_init (KefuComplaintActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_complaint_action_dialog_dispose;

  signals[SIGNAL_APPLY] =
    g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  /* The fields ask their form to validate again when they are left (kefu-form-field.h). */
  gtk_widget_class_install_action (widget_class, KEFU_FORM_FIELD_VALIDATE_ACTION, NULL,
                                   validate_action);

  g_type_ensure (ADW_TYPE_TOGGLE_GROUP);
  g_type_ensure (KEFU_TYPE_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-complaint-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintActionDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintActionDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintActionDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintActionDialog, departments_group);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintActionDialog, departments_message);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintActionDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintActionDialog, reopen_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintActionDialog, satisfaction_group);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintActionDialog, satisfaction_message);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintActionDialog, satisfaction_toggles);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintActionDialog, text_group);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintActionDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintActionDialog, visit_group);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintActionDialog, visited_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintActionDialog, visitors_row);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
}

static void
kefu_complaint_action_dialog_init (KefuComplaintActionDialog *self)
{
  self->department_checks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  kefu_form_field_setup (GTK_WIDGET (self->text_row), "text");
  kefu_form_field_setup (GTK_WIDGET (self->visitors_row), "visitors");
  kefu_form_field_setup (GTK_WIDGET (self->visited_row), "visited-at");
  adw_toggle_group_set_active (self->satisfaction_toggles, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->satisfaction_toggles, "notify::active",
                           G_CALLBACK (satisfaction_changed_cb), self, G_CONNECT_SWAPPED);
}

KefuComplaintActionDialog *
kefu_complaint_action_dialog_new (KefuComplaintCard   *card,
                                  KefuComplaintAction  action,
                                  KefuSatisfaction     satisfaction,
                                  GListModel          *departments)
{
  KefuComplaintActionDialog *self;

  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (card), NULL);
  g_return_val_if_fail (departments == NULL || G_IS_LIST_MODEL (departments), NULL);

  self = g_object_new (KEFU_TYPE_COMPLAINT_ACTION_DIALOG, NULL);
  self->card = g_object_ref (card);
  self->action = action;
  g_set_object (&self->departments, departments);

  setup_for_action (self, satisfaction);
  add_department_rows (self);

  return self;
}

KefuComplaintAction
kefu_complaint_action_dialog_get_action (KefuComplaintActionDialog *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_ACTION_DIALOG (self), KEFU_COMPLAINT_ACTION_ADD_NOTE);

  return self->action;
}

void
kefu_complaint_action_dialog_set_busy (KefuComplaintActionDialog *self,
                                       gboolean                   busy)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_ACTION_DIALOG (self));

  self->busy = !!busy;
  if (busy)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      /* A field that is disabled while it has the focus never hears it leave and keeps its
       * cursor blinking: the focus leaves first. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->content_box)))
        gtk_root_set_focus (root, NULL);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->content_box), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), !busy);
  adw_dialog_set_can_close (ADW_DIALOG (self), !busy);
}

void
kefu_complaint_action_dialog_set_text (KefuComplaintActionDialog *self,
                                       const char                *text)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_ACTION_DIALOG (self));

  kefu_text_row_set_text (self->text_row, text != NULL ? text : "");
}

void
kefu_complaint_action_dialog_set_satisfaction (KefuComplaintActionDialog *self,
                                               KefuSatisfaction           satisfaction)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_ACTION_DIALOG (self));

  if (satisfaction == KEFU_SATISFACTION_UNSPECIFIED)
    adw_toggle_group_set_active (self->satisfaction_toggles, GTK_INVALID_LIST_POSITION);
  else
    adw_toggle_group_set_active_name (self->satisfaction_toggles,
                                      kefu_enum_to_nick (KEFU_TYPE_SATISFACTION, satisfaction));
}

void
kefu_complaint_action_dialog_set_visitors (KefuComplaintActionDialog *self,
                                           const char                *visitors)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_ACTION_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->visitors_row), visitors != NULL ? visitors : "");
}

void
kefu_complaint_action_dialog_set_visited_text (KefuComplaintActionDialog *self,
                                               const char                *text)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_ACTION_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->visited_row), text != NULL ? text : "");
}

gboolean
kefu_complaint_action_dialog_set_department (KefuComplaintActionDialog *self,
                                             gint64                     department_id,
                                             gboolean                   chosen)
{
  GtkCheckButton *check;

  g_return_val_if_fail (KEFU_IS_COMPLAINT_ACTION_DIALOG (self), FALSE);

  check = g_hash_table_lookup (self->department_checks, &department_id);
  if (check == NULL)
    return FALSE;

  gtk_check_button_set_active (check, chosen);
  return TRUE;
}

gboolean
kefu_complaint_action_dialog_get_department (KefuComplaintActionDialog *self,
                                             gint64                     department_id)
{
  GtkCheckButton *check;

  g_return_val_if_fail (KEFU_IS_COMPLAINT_ACTION_DIALOG (self), FALSE);

  check = g_hash_table_lookup (self->department_checks, &department_id);
  return check != NULL && gtk_check_button_get_active (check);
}

gboolean
kefu_complaint_action_dialog_apply (KefuComplaintActionDialog *self)
{
  g_autoptr(KefuComplaintChange) change = NULL;
  GtkWidget *first = NULL;

  g_return_val_if_fail (KEFU_IS_COMPLAINT_ACTION_DIALOG (self), FALSE);

  if (self->busy)
    return FALSE;

  if (validate (self, TRUE, &first) > 0)
    {
      if (first != NULL)
        {
          if (kefu_form_field_is_field (first))
            kefu_form_field_focus (first);
          else
            gtk_widget_grab_focus (first);
        }
      return FALSE;
    }

  change = build_change (self);
  g_signal_emit (self, signals[SIGNAL_APPLY], 0, change);
  return TRUE;
}

const char *
kefu_complaint_action_dialog_get_message (KefuComplaintActionDialog *self,
                                          const char                *field)
{
  GtkLabel *label = NULL;
  GtkWidget *widget = NULL;

  g_return_val_if_fail (KEFU_IS_COMPLAINT_ACTION_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "satisfaction"))
    label = self->satisfaction_message;
  else if (g_str_equal (field, "departments"))
    label = self->departments_message;
  else if (g_str_equal (field, "text"))
    widget = GTK_WIDGET (self->text_row);
  else if (g_str_equal (field, "visitors"))
    widget = GTK_WIDGET (self->visitors_row);
  else if (g_str_equal (field, "visited-at"))
    widget = GTK_WIDGET (self->visited_row);
  else
    g_return_val_if_reached (NULL);

  if (label != NULL)
    return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
  return kefu_form_field_get_message (widget);
}
