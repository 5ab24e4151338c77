/* kefu-complaint-page-actions.c: the detail page's actions on the complaint: which the stage
 * and this person allow (the head's buttons, and those of the routing, visits and notes
 * sections), running one, and showing its outcome or the store's refusal.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-complaint-flow.h"
#include "core/kefu-roles.h"
#include "widgets/kefu-list-loader.h"

#include "kefu-complaint-actions.h"
#include "kefu-complaint-page-private.h"
#include "kefu-detail-format.h"

/* The actions of the head, in the order of the work. Notes, visits and route changes have
 * buttons of their own in their sections. */
static const KefuComplaintAction head_actions[] = {
  KEFU_COMPLAINT_ACTION_ROUTE,
  KEFU_COMPLAINT_ACTION_ACKNOWLEDGE,
  KEFU_COMPLAINT_ACTION_RESOLVE,
  KEFU_COMPLAINT_ACTION_RECORD_CALLBACK,
  KEFU_COMPLAINT_ACTION_CLOSE,
  KEFU_COMPLAINT_ACTION_REOPEN,
  KEFU_COMPLAINT_ACTION_ESCALATE,
};

void
_kefu_complaint_page_get_actor (KefuComplaintPage  *self,
                                KefuComplaintActor *actor)
{
  gint64 staff_id = self->staff != NULL ? kefu_record_get_id (KEFU_RECORD (self->staff)) : 0;
  gint64 department_id = self->staff != NULL ? kefu_staff_get_department_id (self->staff) : 0;
  GArray *ids = self->card != NULL ? kefu_complaint_card_get_department_ids (self->card) : NULL;

  actor->role = self->staff != NULL ? kefu_staff_get_role (self->staff) : KEFU_ROLE_CLERK;
  actor->is_owner = self->card != NULL && staff_id != 0
                    && kefu_complaint_card_get_owner_id (self->card) == staff_id;
  actor->in_routed_department = FALSE;
  for (guint i = 0; ids != NULL && department_id != 0 && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == department_id)
      actor->in_routed_department = TRUE;
}

/* Whether `action` can be taken now: FALSE with no reason when the stage does not allow it at
 * all (the button is left out), FALSE with the reason when this person may not or something is
 * missing first (the button shows, disabled, with the reason as its tooltip). */
static gboolean
check_action (KefuComplaintPage    *self,
              KefuComplaintAction   action,
              char                **reason)
{
  KefuComplaintActor actor;
  KefuComplaintActionInput input = { 0 };
  g_autoptr(GError) error = NULL;
  GArray *ids = kefu_complaint_card_get_department_ids (self->card);

  *reason = NULL;
  if (self->staff == NULL)
    return FALSE;

  _kefu_complaint_page_get_actor (self, &actor);
  /* The text, answer and departments come from the dialog: here they count as given, so that
   * only what is really missing (a visit before the resolution) is reported. */
  input.text = "-";
  input.satisfaction = KEFU_SATISFACTION_SATISFIED;
  input.harmed = kefu_complaint_card_get_harmed (self->card);
  input.n_visits = kefu_complaint_card_get_n_visits (self->card);
  input.n_routes = MAX (ids != NULL ? ids->len : 0, 1);
  input.escalation = kefu_complaint_card_get_escalation (self->card);

  if (kefu_complaint_flow_check (action, kefu_complaint_card_get_stage (self->card), &actor,
                                 &input, &error))
    return TRUE;

  if (!g_error_matches (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_NOT_ALLOWED))
    *reason = g_strdup (error->message);
  return FALSE;
}

static void
action_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KefuComplaintPage) self = user_data;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(GError) error = NULL;

  card = kefu_complaint_action_run_finish (result, &error);
  self->acting = FALSE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _kefu_complaint_page_update_actions (self);
      return;
    }

  if (card == NULL)
    {
      _kefu_complaint_page_show_error (self, error);
      return;
    }

  g_set_object (&self->card, card);
  adw_banner_set_revealed (self->banner, FALSE);
  /* The board, list and banner follow the change. */
  gtk_widget_activate_action (GTK_WIDGET (self), "complaints.reload", NULL);
  _kefu_complaint_page_reload (self);
}

static void
run_action (KefuComplaintPage   *self,
            KefuComplaintAction  action)
{
  g_autofree char *reason = NULL;

  if (self->card == NULL || self->store == NULL || self->acting)
    return;

  /* A button is only pressed when the rules allow it, but it may be activated another way
   * (a shortcut, a screen reader): the reason is said, nothing is run. */
  if (!check_action (self, action, &reason))
    {
      if (reason != NULL)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (reason));
      return;
    }

  self->acting = TRUE;
  _kefu_complaint_page_update_actions (self);
  g_cancellable_cancel (self->action_cancellable);
  g_clear_object (&self->action_cancellable);
  self->action_cancellable = g_cancellable_new ();
  kefu_complaint_action_run (GTK_WIDGET (self), self->store, self->card, action,
                             KEFU_SATISFACTION_UNSPECIFIED, self->action_cancellable,
                             action_done_cb, g_object_ref (self));
}

static void
action_button_clicked_cb (GtkButton         *button,
                          KefuComplaintPage *self)
{
  run_action (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kefu-action")));
}

/* Sets up `button` for `action`: shown when the stage allows it, enabled when this person
 * may take it now, with the reason as its tooltip otherwise. */
static void
setup_action_button (KefuComplaintPage   *self,
                     GtkButton           *button,
                     KefuComplaintAction  action)
{
  g_autofree char *reason = NULL;
  gboolean allowed = self->card != NULL && check_action (self, action, &reason);

  gtk_button_set_label (button, kefu_detail_action_label (action));
  gtk_button_set_use_underline (button, TRUE);
  g_object_set_data (G_OBJECT (button), "kefu-action", GINT_TO_POINTER (action));
  gtk_widget_set_visible (GTK_WIDGET (button), allowed || reason != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (button), allowed && !self->acting);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), reason);
}

void
_kefu_complaint_page_update_actions (KefuComplaintPage *self)
{
  GtkWidget *child;
  gboolean first = TRUE;
  gboolean has_card = self->card != NULL;
  guint n_conflicts;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box))) != NULL)
    adw_wrap_box_remove (self->actions_box, child);

  for (guint i = 0; has_card && i < G_N_ELEMENTS (head_actions); i++)
    {
      GtkWidget *button = gtk_button_new ();

      setup_action_button (self, GTK_BUTTON (button), head_actions[i]);
      if (!gtk_widget_get_visible (button))
        {
          g_object_ref_sink (button);
          g_object_unref (button);
          continue;
        }
      /* The next step of the work stands out; the others (escalate, reopen) do not. */
      if (first && gtk_widget_get_sensitive (button)
          && head_actions[i] != KEFU_COMPLAINT_ACTION_ESCALATE)
        {
          gtk_widget_add_css_class (button, "suggested-action");
          first = FALSE;
        }
      gtk_widget_add_css_class (button, "pill");
      g_signal_connect_object (button, "clicked", G_CALLBACK (action_button_clicked_cb), self, 0);
      adw_wrap_box_append (self->actions_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->actions_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->actions_box)) != NULL);

  if (has_card)
    {
      setup_action_button (self, self->routes_button, KEFU_COMPLAINT_ACTION_EDIT_ROUTES);
      setup_action_button (self, self->visit_button, KEFU_COMPLAINT_ACTION_RECORD_VISIT);
      setup_action_button (self, self->note_button, KEFU_COMPLAINT_ACTION_ADD_NOTE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->routes_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->visit_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->note_button), FALSE);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->edit_button),
                          !self->editing && has_card && _kefu_complaint_page_can_edit (self));
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), self->editing);
  gtk_widget_set_visible (GTK_WIDGET (self->discard_button), self->editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaint.edit",
                                 has_card && !self->editing && _kefu_complaint_page_can_edit (self));
  /* Save waits until every field changed on both sides meanwhile is decided. */
  n_conflicts = self->editing ? _kefu_complaint_page_merge_n_conflicts (self) : 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaint.save",
                                 self->editing && self->modified && !self->saving
                                 && n_conflicts == 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                               n_conflicts > 0
                               ? _("Keep yours or take theirs for each marked field first")
                               : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaint.discard",
                                 self->editing && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaint.print", has_card);
  {
    gboolean audit = self->staff != NULL && kefu_role_can_read_audit (kefu_staff_get_role (self->staff));

    gtk_widget_set_visible (GTK_WIDGET (self->history_button), audit && has_card);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaint.history", audit && has_card);
  }
}

void
_kefu_complaint_page_show_error (KefuComplaintPage *self,
                                 const GError      *error)
{
  if (g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION))
    {
      adw_banner_set_title (self->banner,
                            _("Someone else changed this complaint. It was reloaded; check and try again."));
      adw_banner_set_revealed (self->banner, TRUE);
    }
  else
    kefu_toast_overlay_add_error (self->toast_overlay, error->message);

  /* Whatever went wrong, what is shown is brought back to what is stored. */
  _kefu_complaint_page_reload (self);
}

void
_kefu_complaint_page_init_actions (KefuComplaintPage *self)
{
  g_signal_connect_object (self->routes_button, "clicked",
                           G_CALLBACK (action_button_clicked_cb), self, 0);
  g_signal_connect_object (self->visit_button, "clicked",
                           G_CALLBACK (action_button_clicked_cb), self, 0);
  g_signal_connect_object (self->note_button, "clicked",
                           G_CALLBACK (action_button_clicked_cb), self, 0);
}
