/* kefu-complaints-pane-actions.c: the complaints pane's actions, and moving a complaint on the
 * board (a drop, "Move to", a card's menu): the rules decide before anything is written, the
 * action (with its dialog when it needs input) writes, and the board is read again.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaints-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"

#include "kefu-complaint-actions.h"
#include "kefu-complaint-card-widget.h"
#include "kefu-complaint-print.h"
#include "kefu-complaints-pane-private.h"

void
_kefu_complaints_pane_update_actions (KefuComplaintsPane *self)
{
  gboolean ready = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaints.open", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaints.reload", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaints.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaints.act", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaints.move", ready);
}

/* Taking an action */

typedef struct
{
  KefuComplaintsPane *pane;
  KefuComplaintStage  from;
  char               *reference;
} ActionRun;

static void
action_run_free (ActionRun *run)
{
  g_object_unref (run->pane);
  g_free (run->reference);
  g_free (run);
}

static void
action_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ActionRun *run = user_data;
  KefuComplaintsPane *self = run->pane;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(GError) error = NULL;

  card = kefu_complaint_action_run_finish (result, &error);
  self->n_running--;

  /* Closed without applying, or the pane went away: nothing happened, nothing to say. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->store == NULL)
    {
      action_run_free (run);
      return;
    }

  if (card == NULL)
    {
      /* The store's refusal (another clerk moved it first, a rule only it can check): the card
       * goes back where the store has it. */
      _kefu_complaints_pane_toast (self, error->message);
    }
  else if (kefu_complaint_card_get_stage (card) != run->from)
    {
      g_autofree char *message = NULL;

      /* Translators: a toast after a complaint moved on the board; "TS-20261127-0003 is now
       * In progress". */
      message = g_strdup_printf (_("%s is now %s"), kefu_complaint_card_get_reference (card),
                                 kefu_complaint_stage_get_display_name (kefu_complaint_card_get_stage (card)));
      _kefu_complaints_pane_toast (self, message);
    }
  else
    {
      g_autofree char *message = NULL;

      /* Translators: a toast after an action that does not move a complaint (a note, a visit);
       * %s is its reference. */
      message = g_strdup_printf (_("%s saved"), kefu_complaint_card_get_reference (card));
      _kefu_complaints_pane_toast (self, message);
    }

  _kefu_complaints_pane_reload (self);
  action_run_free (run);
}

gboolean
_kefu_complaints_pane_take_action (KefuComplaintsPane *self,
                                   KefuComplaintCard  *card,
                                   KefuComplaintAction action,
                                   KefuSatisfaction    satisfaction)
{
  g_autoptr(GError) error = NULL;
  KefuComplaintActor actor;
  ActionRun *run;

  g_return_val_if_fail (KEFU_IS_COMPLAINTS_PANE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (card), FALSE);

  if (self->store == NULL)
    return FALSE;

  /* The same rule the store applies, checked first so that a refusal is explained at once and
   * nothing is written or asked for. */
  kefu_board_actor_for (card, self->staff, &actor);
  if (!kefu_complaint_flow_check (action, kefu_complaint_card_get_stage (card), &actor, NULL, &error))
    {
      _kefu_complaints_pane_toast (self, error->message);
      return FALSE;
    }

  /* What the card already knows is missing is said before a dialog asks for the rest: a
   * harmed customer's complaint is resolved only after a visit (the rule checks the visit
   * before the resolution's text, so nothing else can be what it refuses here). */
  if (action == KEFU_COMPLAINT_ACTION_RESOLVE && kefu_complaint_card_get_harmed (card) &&
      kefu_complaint_card_get_n_visits (card) == 0)
    {
      KefuComplaintActionInput input = {
        .harmed = TRUE,
        .n_visits = 0,
        .escalation = kefu_complaint_card_get_escalation (card),
      };

      if (!kefu_complaint_flow_check (action, kefu_complaint_card_get_stage (card), &actor, &input, &error))
        {
          _kefu_complaints_pane_toast (self, error->message);
          return FALSE;
        }
    }

  run = g_new0 (ActionRun, 1);
  run->pane = g_object_ref (self);
  run->from = kefu_complaint_card_get_stage (card);
  run->reference = g_strdup (kefu_complaint_card_get_reference (card));
  self->n_running++;
  kefu_complaint_action_run (GTK_WIDGET (self), self->store, card, action, satisfaction,
                             self->cancellable, action_done_cb, run);
  return TRUE;
}

gboolean
_kefu_complaints_pane_move (KefuComplaintsPane *self,
                            KefuComplaintCard  *card,
                            KefuComplaintStage  to)
{
  g_autoptr(GError) error = NULL;
  KefuComplaintAction action;
  KefuSatisfaction satisfaction = KEFU_SATISFACTION_UNSPECIFIED;

  g_return_val_if_fail (KEFU_IS_COMPLAINTS_PANE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (card), FALSE);

  if (kefu_complaint_card_get_stage (card) == to)
    return FALSE;

  if (!kefu_complaint_action_for_drop (kefu_complaint_card_get_stage (card), to, &action, &error))
    {
      _kefu_complaints_pane_toast (self, error->message);
      return FALSE;
    }

  /* A resolved complaint dropped on Reopened is a callback where the customer was not
   * satisfied: the dialog opens with that answer chosen. */
  if (action == KEFU_COMPLAINT_ACTION_RECORD_CALLBACK && to == KEFU_COMPLAINT_STAGE_REOPENED)
    satisfaction = KEFU_SATISFACTION_NOT_SATISFIED;

  return _kefu_complaints_pane_take_action (self, card, action, satisfaction);
}

/* Actions */

static void
open_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  gint64 id = g_variant_get_int64 (parameter);

  if (id > 0)
    kefu_complaints_pane_open_complaint (KEFU_COMPLAINTS_PANE (widget), id);
}

static void
reload_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  _kefu_complaints_pane_reload (KEFU_COMPLAINTS_PANE (widget));
}

static void
print_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  KefuComplaintsPane *self = KEFU_COMPLAINTS_PANE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gint64 id = g_variant_get_int64 (parameter);

  if (self->store != NULL && id > 0 && GTK_IS_WINDOW (root))
    kefu_complaint_print (GTK_WINDOW (root), self->store, id);
}

static void
view_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  _kefu_complaints_pane_set_view (KEFU_COMPLAINTS_PANE (widget), g_variant_get_string (parameter, NULL));
}

static KefuComplaintCard *
card_or_toast (KefuComplaintsPane *self,
               gint64              id)
{
  KefuComplaintCard *card = _kefu_complaints_pane_find_card (self, id);

  if (card == NULL)
    _kefu_complaints_pane_toast (self, _("That complaint is no longer on the board: it was changed or closed meanwhile."));
  return card;
}

static void
act_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  KefuComplaintsPane *self = KEFU_COMPLAINTS_PANE (widget);
  KefuComplaintCard *card;
  gint64 id;
  gint32 action;

  g_variant_get (parameter, "(xi)", &id, &action);
  if (action < KEFU_COMPLAINT_ACTION_ROUTE || action > KEFU_COMPLAINT_ACTION_EDIT_DETAILS)
    return;

  card = card_or_toast (self, id);
  if (card != NULL)
    _kefu_complaints_pane_take_action (self, card, action, KEFU_SATISFACTION_UNSPECIFIED);
}

static void
move_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  KefuComplaintsPane *self = KEFU_COMPLAINTS_PANE (widget);
  KefuComplaintCard *card;
  const char *nick;
  gint64 id;
  int stage;

  g_variant_get (parameter, "(x&s)", &id, &nick);
  if (!kefu_enum_from_nick (KEFU_TYPE_COMPLAINT_STAGE, nick, &stage))
    return;

  card = card_or_toast (self, id);
  if (card != NULL)
    _kefu_complaints_pane_move (self, card, stage);
}

static void
show_stage_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  int stage;

  if (kefu_enum_from_nick (KEFU_TYPE_COMPLAINT_STAGE, g_variant_get_string (parameter, NULL), &stage))
    _kefu_complaints_pane_show_stage (KEFU_COMPLAINTS_PANE (widget), stage);
}

static void
clear_filters_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KefuComplaintsPane *self = KEFU_COMPLAINTS_PANE (widget);

  g_debug ("Clearing the filters (bar set: %d)", kefu_complaint_filter_bar_is_set (self->filter_bar));
  /* One read for both: the search text first, quietly, then the bar's change reads. */
  g_signal_handlers_block_matched (self->search_entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_matched (self->search_entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (kefu_complaint_filter_bar_is_set (self->filter_bar))
    kefu_complaint_filter_bar_clear (self->filter_bar);
  else
    _kefu_complaints_pane_reload (self);
}

static void
search_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  KefuComplaintsPane *self = KEFU_COMPLAINTS_PANE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
_kefu_complaints_pane_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "complaints.open", "x", open_cb);
  gtk_widget_class_install_action (widget_class, "complaints.reload", NULL, reload_cb);
  gtk_widget_class_install_action (widget_class, "complaints.print", "x", print_cb);
  gtk_widget_class_install_action (widget_class, "complaints.view", "s", view_cb);
  /* A card's actions: (complaint id, KefuComplaintAction) and (complaint id, stage nick). */
  gtk_widget_class_install_action (widget_class, "complaints.act", "(xi)", act_cb);
  gtk_widget_class_install_action (widget_class, "complaints.move", "(xs)", move_cb);
  /* A stage's tile above the board: (stage nick). */
  gtk_widget_class_install_action (widget_class, "complaints.show-stage", "s", show_stage_cb);
  gtk_widget_class_install_action (widget_class, "complaints.clear-filters", NULL, clear_filters_cb);
  gtk_widget_class_install_action (widget_class, "complaints.search", NULL, search_cb);
  gtk_widget_class_install_property_action (widget_class, "complaints.show-filters", "show-filters");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "complaints.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "complaints.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "complaints.reload", NULL);
}
