/* kefu-complaint-actions.c: taking one action on a complaint from any place.
 *
 * The flow: actions that need input present KefuComplaintActionDialog (with the departments
 * read first for routing), ACKNOWLEDGE finds the department (the person's own routed one; a
 * manager outside them picks one when there are several), CLOSE asks for a confirmation; then
 * the change goes to the store, whose answer (the new card, or the refusal) is the result.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "store/kefu-store-complaints.h"

#include "kefu-complaint-action-dialog.h"
#include "kefu-complaint-actions.h"

typedef struct
{
  GtkWidget                 *parent;
  KefuStore                 *store;
  KefuComplaintCard         *card;
  KefuComplaintAction        action;
  KefuSatisfaction           satisfaction;
  KefuComplaintActionDialog *dialog;
} RunData;

static void
run_data_free (RunData *run)
{
  g_clear_weak_pointer (&run->parent);
  g_clear_object (&run->store);
  g_clear_object (&run->card);
  g_clear_weak_pointer (&run->dialog);
  g_free (run);
}

static gboolean
return_if_cancelled (GTask *task)
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;

  if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
    return FALSE;

  g_task_return_error (task, g_steal_pointer (&error));
  return TRUE;
}

static void
return_cancelled (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The action was cancelled."));
}

gboolean
kefu_complaint_action_needs_input (KefuComplaintAction action)
{
  switch (action)
    {
    case KEFU_COMPLAINT_ACTION_ROUTE:
    case KEFU_COMPLAINT_ACTION_RESOLVE:
    case KEFU_COMPLAINT_ACTION_RECORD_CALLBACK:
    case KEFU_COMPLAINT_ACTION_REOPEN:
    case KEFU_COMPLAINT_ACTION_ADD_NOTE:
    case KEFU_COMPLAINT_ACTION_RECORD_VISIT:
    case KEFU_COMPLAINT_ACTION_ESCALATE:
    case KEFU_COMPLAINT_ACTION_EDIT_ROUTES:
      return TRUE;
    case KEFU_COMPLAINT_ACTION_ACKNOWLEDGE:
    case KEFU_COMPLAINT_ACTION_CLOSE:
    case KEFU_COMPLAINT_ACTION_EDIT_DETAILS:
    default:
      return FALSE;
    }
}

/* The store's change */

static void
change_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RunData *run = g_task_get_task_data (task);
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(GError) error = NULL;

  card = kefu_store_change_complaint_finish (KEFU_STORE (object), result, &error);

  if (run->dialog != NULL)
    {
      kefu_complaint_action_dialog_set_busy (run->dialog, FALSE);
      /* Done or refused, the dialog closes: its caller shows the outcome where the complaint
       * is (a refusal as a toast or banner, with the complaint read again). */
      adw_dialog_force_close (ADW_DIALOG (run->dialog));
    }

  if (card == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&card), g_object_unref);
}

static void
apply_change (GTask                     *task,
              const KefuComplaintChange *change)
{
  RunData *run = g_task_get_task_data (task);

  kefu_store_change_complaint_async (run->store, change, g_task_get_cancellable (task),
                                     change_cb, g_object_ref (task));
}

/* Actions with a dialog */

static void
dialog_apply_cb (KefuComplaintActionDialog *dialog,
                 KefuComplaintChange       *change,
                 GTask                     *task)
{
  kefu_complaint_action_dialog_set_busy (dialog, TRUE);
  apply_change (task, change);
}

static void
dialog_closed_cb (KefuComplaintActionDialog *dialog,
                  GTask                     *task)
{
  /* Closed while its change is written: the change's answer completes the task. */
  if (g_task_get_completed (task) || g_object_get_data (G_OBJECT (dialog), "kefu-applied"))
    return;
  return_cancelled (task);
}

static void
dialog_applied_cb (KefuComplaintActionDialog *dialog)
{
  g_object_set_data (G_OBJECT (dialog), "kefu-applied", GINT_TO_POINTER (TRUE));
}

static void
present_dialog (GTask      *task,
                GListModel *departments)
{
  RunData *run = g_task_get_task_data (task);

  if (run->parent == NULL)
    {
      return_cancelled (task);
      return;
    }

  /* The dialog belongs to the window it is presented on, which destroys it once closed; the
   * task only follows it. */
  g_set_weak_pointer (&run->dialog,
                      kefu_complaint_action_dialog_new (run->card, run->action,
                                                        run->satisfaction, departments));
  /* The first handler marks the dialog applied, so that its closing by the change's answer
   * is not taken for a cancel. */
  g_signal_connect (run->dialog, "apply", G_CALLBACK (dialog_applied_cb), NULL);
  /* The handlers hold the task until the dialog is destroyed; the task never watches the
   * dialog back, so their teardown never meets. */
  g_signal_connect_data (run->dialog, "apply", G_CALLBACK (dialog_apply_cb),
                         g_object_ref (task), (GClosureNotify) (void (*) (void)) g_object_unref,
                         0);
  g_signal_connect_data (run->dialog, "closed", G_CALLBACK (dialog_closed_cb),
                         g_object_ref (task), (GClosureNotify) (void (*) (void)) g_object_unref,
                         0);
  adw_dialog_present (ADW_DIALOG (run->dialog), run->parent);
}

/* The departments, and for ROUTE the ones the routing rules give for the complaint's category
 * (ticked to begin with: the team lead confirms rather than looks them up). */
static gpointer
list_departments_func (KefuStore     *store,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  KefuComplaintCard *card = data;
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GArray) defaults = g_array_new (FALSE, FALSE, sizeof (gint64));
  GObject *result;

  departments = kefu_store_list_departments (store, cancellable, error);
  if (departments == NULL)
    return NULL;

  if (kefu_complaint_card_get_stage (card) == KEFU_COMPLAINT_STAGE_NEW)
    {
      rules = kefu_store_list_routing_rules (store, NULL, cancellable, error);
      if (rules == NULL)
        return NULL;
      for (guint i = 0; i < rules->len; i++)
        {
          KefuRoutingRule *rule = rules->pdata[i];

          if (rule->category == kefu_complaint_card_get_category (card)
              && (!rule->harmed_only || kefu_complaint_card_get_harmed (card)))
            g_array_append_val (defaults, rule->department_id);
        }
    }

  result = G_OBJECT (g_steal_pointer (&departments));
  g_object_set_data_full (result, "kefu-default-departments", g_steal_pointer (&defaults),
                          (GDestroyNotify) g_array_unref);
  return result;
}

static void
list_departments_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RunData *run = g_task_get_task_data (task);
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(GError) error = NULL;
  GArray *defaults;

  departments = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (departments == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (return_if_cancelled (task))
    return;

  present_dialog (task, departments);
  defaults = g_object_get_data (G_OBJECT (departments), "kefu-default-departments");
  for (guint i = 0; run->dialog != NULL && defaults != NULL && i < defaults->len; i++)
    kefu_complaint_action_dialog_set_department (run->dialog, g_array_index (defaults, gint64, i),
                                                 TRUE);
}

/* Acknowledge */

static gpointer
get_actor_func (KefuStore     *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  return kefu_store_get_staff (store, kefu_store_get_actor (store), cancellable, error);
}

static void
acknowledge_with (GTask  *task,
                  gint64  department_id)
{
  RunData *run = g_task_get_task_data (task);
  g_autoptr(KefuComplaintChange) change = NULL;

  change = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_ACKNOWLEDGE,
                                      kefu_complaint_card_get_id (run->card),
                                      kefu_complaint_card_get_version (run->card));
  change->department_id = department_id;
  apply_change (task, change);
}

static void
department_chosen_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AdwAlertDialog *dialog = ADW_ALERT_DIALOG (object);
  const char *response = adw_alert_dialog_choose_finish (dialog, result);
  GtkWidget *list = adw_alert_dialog_get_extra_child (dialog);
  gint64 department_id = 0;

  if (!g_str_equal (response, "acknowledge"))
    {
      return_cancelled (task);
      return;
    }

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        department_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "kefu-department-id"));
    }

  acknowledge_with (task, department_id);
}

/* A manager outside the routed departments acknowledges for one of them: which, when there
 * are several (the first is chosen to begin with). */
static void
choose_department (GTask *task)
{
  RunData *run = g_task_get_task_data (task);
  GArray *ids = kefu_complaint_card_get_department_ids (run->card);
  const char *joined = kefu_complaint_card_get_departments (run->card);
  g_auto(GStrv) names = g_strsplit (joined != NULL ? joined : "", "、", -1);
  guint n_names = g_strv_length (names);
  GtkCheckButton *group = NULL;
  GtkWidget *list;
  AdwDialog *dialog;

  dialog = adw_alert_dialog_new (_("Which Department?"),
                                 _("You are not a member of a routed department: choose the department whose acknowledgement you record."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "acknowledge", _("_Acknowledge"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "acknowledge",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "acknowledge");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Routed departments"), -1);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *fallback = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      const char *name = i < n_names ? names[i] : fallback;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), group == NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      if (group == NULL)
        group = GTK_CHECK_BUTTON (check);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "kefu-department-id", GSIZE_TO_POINTER ((gsize) id));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), list);

  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), run->parent, g_task_get_cancellable (task),
                           department_chosen_cb, g_object_ref (task));
}

static void
get_actor_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RunData *run = g_task_get_task_data (task);
  g_autoptr(KefuStaff) actor = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids;
  gint64 own;

  actor = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (actor == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (return_if_cancelled (task))
    return;

  ids = kefu_complaint_card_get_department_ids (run->card);
  own = kefu_staff_get_department_id (actor);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == own)
      {
        acknowledge_with (task, own);
        return;
      }

  if (ids != NULL && ids->len > 1 && run->parent != NULL)
    choose_department (task);
  else
    /* One routed department, or none the person belongs to: the store decides (and refuses
     * someone who may not acknowledge, with the reason). */
    acknowledge_with (task, 0);
}

/* Close */

static void
close_confirmed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RunData *run = g_task_get_task_data (task);
  const char *response = adw_alert_dialog_choose_finish (ADW_ALERT_DIALOG (object), result);
  g_autoptr(KefuComplaintChange) change = NULL;

  if (!g_str_equal (response, "close"))
    {
      return_cancelled (task);
      return;
    }

  change = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_CLOSE,
                                      kefu_complaint_card_get_id (run->card),
                                      kefu_complaint_card_get_version (run->card));
  apply_change (task, change);
}

static void
confirm_close (GTask *task)
{
  RunData *run = g_task_get_task_data (task);
  g_autofree char *heading = NULL;
  AdwDialog *dialog;

  if (run->parent == NULL)
    {
      return_cancelled (task);
      return;
    }

  /* Translators: %s is the complaint's reference, e.g. TS-20261127-0001. */
  heading = g_strdup_printf (_("Close %s?"), kefu_complaint_card_get_reference (run->card));
  dialog = adw_alert_dialog_new (heading,
                                 _("The customer was called back. A closed complaint is finished (结案) and cannot be reopened; it stays on record."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "close", _("C_lose Complaint"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "close",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "close");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), run->parent, g_task_get_cancellable (task),
                           close_confirmed_cb, g_object_ref (task));
}

void
kefu_complaint_action_run (GtkWidget            *parent,
                           KefuStore            *store,
                           KefuComplaintCard    *card,
                           KefuComplaintAction   action,
                           KefuSatisfaction      satisfaction,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *run;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (KEFU_IS_STORE (store));
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (card));
  g_return_if_fail (action != KEFU_COMPLAINT_ACTION_EDIT_DETAILS);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_complaint_action_run);

  run = g_new0 (RunData, 1);
  g_set_weak_pointer (&run->parent, parent);
  run->store = g_object_ref (store);
  run->card = g_object_ref (card);
  run->action = action;
  run->satisfaction = satisfaction;
  g_task_set_task_data (task, run, (GDestroyNotify) run_data_free);

  switch (action)
    {
    case KEFU_COMPLAINT_ACTION_ROUTE:
    case KEFU_COMPLAINT_ACTION_EDIT_ROUTES:
      kefu_store_run_async (store, list_departments_func, g_object_ref (card), g_object_unref,
                            cancellable, list_departments_cb, g_object_ref (task));
      break;
    case KEFU_COMPLAINT_ACTION_ACKNOWLEDGE:
      kefu_store_run_async (store, get_actor_func, NULL, NULL, cancellable,
                            get_actor_cb, g_object_ref (task));
      break;
    case KEFU_COMPLAINT_ACTION_CLOSE:
      confirm_close (task);
      break;
    default:
      present_dialog (task, NULL);
      break;
    }
}

KefuComplaintCard *
kefu_complaint_action_run_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kefu_complaint_action_run, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
