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
#include "intake/kefu-form-field.h"

#include "kefu-complaint-action-dialog-private.h"

G_DEFINE_FINAL_TYPE (KefuComplaintActionDialog, kefu_complaint_action_dialog, ADW_TYPE_DIALOG)

enum {
  SIGNAL_APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_changed_cb (KefuComplaintActionDialog *self)
{
  GtkWidget *first;

  _kefu_complaint_action_dialog_validate (self, FALSE, &first);
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

/* What each action's dialog says: its title, its apply button, the label of its text field
 * (NULL: the template's, or no text field) and what the action does, under the complaint. */
typedef struct
{
  KefuComplaintAction  action;
  const char          *title;
  const char          *apply;
  const char          *text_title;
  /* The text label's context ("action" for the reasons), or NULL. */
  const char          *text_context;
  const char          *explanation;
} ActionTexts;

static const ActionTexts action_texts[] = {
  { KEFU_COMPLAINT_ACTION_ROUTE, N_("Route the Complaint"), N_("_Route"), NULL, NULL,
    N_("The departments chosen are notified and must acknowledge the complaint.") },
  { KEFU_COMPLAINT_ACTION_RESOLVE, N_("Record the Resolution"), N_("_Record"),
    N_("Resolution"), NULL,
    N_("The owner then calls the customer back to ask whether they are satisfied.") },
  { KEFU_COMPLAINT_ACTION_RECORD_CALLBACK, N_("Record the Callback"), N_("_Record"),
    /* Translators: what the customer said at the callback, in their own words. */
    N_("The Customer’s Words"), NULL,
    N_("Ask the customer whether they are satisfied with how the complaint was handled.") },
  { KEFU_COMPLAINT_ACTION_REOPEN, N_("Reopen the Complaint"), N_("Re_open"),
    NC_("action", "Reason"), "action",
    N_("The complaint goes back to the departments to be acknowledged and worked again.") },
  { KEFU_COMPLAINT_ACTION_ESCALATE, N_("Escalate the Complaint"), N_("_Escalate"),
    NC_("action", "Reason"), "action",
    N_("The complaint rises one level (team lead → CS manager → GM office), which is notified.") },
  { KEFU_COMPLAINT_ACTION_ADD_NOTE, N_("Add a Note"), N_("_Add"), N_("Note"), NULL,
    N_("The note goes on the complaint’s timeline for everyone who works on it.") },
  { KEFU_COMPLAINT_ACTION_RECORD_VISIT, N_("Record a Visit"), N_("_Record"), N_("Outcome"), NULL,
    N_("Who went to see the harmed customer, when, and how it went.") },
  { KEFU_COMPLAINT_ACTION_EDIT_ROUTES, N_("Change Departments"), N_("_Change"),
    NC_("action", "Reason"), "action",
    N_("Tick a department to add it, clear one to remove it. Added departments are notified.") },
};

static const ActionTexts *
find_action_texts (KefuComplaintAction action)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_texts); i++)
    if (action_texts[i].action == action)
      return &action_texts[i];

  /* Acknowledge, close and the intake edit have no dialog of this kind. */
  g_assert_not_reached ();
}

/* The title, intro, apply label and text label of the action. */
static void
setup_for_action (KefuComplaintActionDialog *self,
                  KefuSatisfaction           satisfaction)
{
  const ActionTexts *texts = find_action_texts (self->action);
  const char *reference = kefu_complaint_card_get_reference (self->card);
  const char *customer = kefu_complaint_card_get_customer_name (self->card);
  g_autofree char *intro = NULL;
  const char *text_title = NULL;
  const char *explanation = _(texts->explanation);

  if (texts->text_title != NULL)
    text_title = texts->text_context != NULL
      ? g_dpgettext2 (GETTEXT_PACKAGE, texts->text_context, texts->text_title)
      : _(texts->text_title);

  /* Translators: the first line of a complaint action dialog: the reference, the customer
   * and what the action does, e.g. "TS-20261127-0001 · 张三\nThe departments chosen…". */
  intro = g_strdup_printf (_("%s · %s\n%s"), reference != NULL ? reference : "",
                           customer != NULL ? customer : "", explanation);
  adw_dialog_set_title (ADW_DIALOG (self), _(texts->title));
  gtk_label_set_label (self->intro_label, intro);
  gtk_button_set_label (self->apply_button, _(texts->apply));

  gtk_widget_set_visible (GTK_WIDGET (self->satisfaction_group),
                          self->action == KEFU_COMPLAINT_ACTION_RECORD_CALLBACK);
  gtk_widget_set_visible (GTK_WIDGET (self->visit_group),
                          self->action == KEFU_COMPLAINT_ACTION_RECORD_VISIT);
  gtk_widget_set_visible (GTK_WIDGET (self->departments_group),
                          self->action == KEFU_COMPLAINT_ACTION_ROUTE
                          || self->action == KEFU_COMPLAINT_ACTION_EDIT_ROUTES);
  /* Routing asks only for the departments. */
  gtk_widget_set_visible (GTK_WIDGET (self->text_group),
                          self->action != KEFU_COMPLAINT_ACTION_ROUTE);
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
      if (self->action == KEFU_COMPLAINT_ACTION_EDIT_ROUTES
          && _kefu_complaint_action_dialog_is_routed (self, id))
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

  if (_kefu_complaint_action_dialog_validate (self, TRUE, &first) > 0)
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

  change = _kefu_complaint_action_dialog_build (self);
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
