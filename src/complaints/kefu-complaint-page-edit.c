/* kefu-complaint-page-edit.c: correcting what was captured on the complaint call, with the
 * intake's own form and validation, until the complaint is resolved.
 *
 * The form edits a copy of the call, so that discarding is dropping the copy and the save
 * writes another copy on the store's worker (the store sets what it wrote on the record it is
 * given, which must not be one the form is bound to). While the copy holds changes the page
 * cannot be popped: its back button asks first.
 *
 * What others save meanwhile is merged into the form field by field after every read
 * (kefu-complaint-page-merge.c): a save refused as stale reads the complaint again, merges, and
 * goes again by itself when nobody changed the same field; otherwise Save waits until each
 * conflict is decided. Nothing typed is dropped by a read: once the complaint can no longer be
 * edited (resolved meanwhile), the changes are offered as a note (kefu-complaint-page-keep.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-complaint-flow.h"
#include "widgets/kefu-list-loader.h"

#include "kefu-complaint-page-private.h"

/* Every readable and writable property, so the copy carries everything the store read. */
static GObject *
copy_properties (GObject *object)
{
  GObject *copy = g_object_new (G_OBJECT_TYPE (object), NULL);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE
          || (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      g_object_set_property (copy, pspecs[i]->name, &value);
    }

  return copy;
}

KefuCall *
_kefu_complaint_page_copy_call (KefuCall *call)
{
  g_autoptr(KefuCall) copy = KEFU_CALL (copy_properties (G_OBJECT (call)));
  KefuComplaint *complaint = kefu_call_get_complaint (call);

  /* The detail records are objects: the copy gets its own complaint, and no other record
   * (a complaint call stores only its complaint). */
  kefu_call_set_order (copy, NULL);
  kefu_call_set_inquiry (copy, NULL);
  if (complaint != NULL)
    {
      g_autoptr(KefuComplaint) complaint_copy = KEFU_COMPLAINT (copy_properties (G_OBJECT (complaint)));
      GPtrArray *routes = kefu_complaint_get_routes (complaint);

      kefu_complaint_clear_routes (complaint_copy);
      for (guint i = 0; routes != NULL && i < routes->len; i++)
        {
          KefuComplaintRoute *route = routes->pdata[i];

          kefu_complaint_add_route (complaint_copy,
                                    kefu_complaint_route_new (route->department_id,
                                                              route->department_name,
                                                              route->role));
        }
      kefu_call_set_complaint (copy, complaint_copy);
    }
  else
    kefu_call_set_complaint (copy, NULL);

  return g_steal_pointer (&copy);
}

gboolean
_kefu_complaint_page_can_edit (KefuComplaintPage *self)
{
  KefuComplaintActor actor;

  if (self->card == NULL || self->call == NULL || self->staff == NULL)
    return FALSE;

  _kefu_complaint_page_get_actor (self, &actor);
  return kefu_complaint_flow_check (KEFU_COMPLAINT_ACTION_EDIT_DETAILS,
                                    kefu_complaint_card_get_stage (self->card), &actor, NULL, NULL);
}

void
_kefu_complaint_page_set_modified (KefuComplaintPage *self,
                                   gboolean           modified)
{
  modified = !!modified;
  if (self->modified == modified)
    return;

  self->modified = modified;
  /* Back (button, Escape, swipe) would drop what was typed: the page's own back button takes
   * its place and asks first. */
  adw_navigation_page_set_can_pop (ADW_NAVIGATION_PAGE (self), !modified);
  gtk_widget_set_visible (GTK_WIDGET (self->leave_button), modified);
  _kefu_complaint_page_update_actions (self);
}

/* Takes the keyboard focus out of the form before it is hidden or disabled, so that its
 * entries stop their cursors properly (an entry that loses the focus that way keeps blinking
 * and GTK warns). TRUE when the form had it. */
static gboolean
release_focus (KefuComplaintPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->call_form)))
    return FALSE;

  gtk_root_set_focus (root, NULL);
  return TRUE;
}

void
_kefu_complaint_page_stop_editing (KefuComplaintPage *self)
{
  gboolean had_focus = release_focus (self);

  self->editing = FALSE;
  if (self->presence != NULL)
    kefu_presence_tracker_set_editing (self->presence, FALSE);
  self->resave = FALSE;
  self->note_offered = FALSE;
  _kefu_complaint_page_merge_clear (self);
  _kefu_complaint_page_set_modified (self, FALSE);
  kefu_call_form_set_call (self->call_form, NULL);
  g_clear_object (&self->edit_call);
  gtk_stack_set_visible_child_name (self->intake_stack, "view");
  _kefu_complaint_page_update_actions (self);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->edit_button));
}

/* The complaint can no longer be edited, and nothing typed differs from what is stored. */
static void
end_uneditable (KefuComplaintPage *self)
{
  _kefu_complaint_page_stop_editing (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("The complaint is resolved: what was captured on the call can no longer change.")));
}

void
_kefu_complaint_page_edit (KefuComplaintPage *self)
{
  if (self->editing || !_kefu_complaint_page_can_edit (self))
    return;

  g_set_object (&self->edit_call, NULL);
  self->edit_call = _kefu_complaint_page_copy_call (self->call);
  self->editing = TRUE;
  if (self->presence != NULL)
    kefu_presence_tracker_set_editing (self->presence, TRUE);
  self->n_resaves = 0;
  _kefu_complaint_page_merge_start (self);
  kefu_call_form_set_call (self->call_form, self->edit_call);
  gtk_stack_set_visible_child_name (self->intake_stack, "edit");
  _kefu_complaint_page_update_actions (self);
  kefu_call_form_focus_details (self->call_form);
}

static void save_now (KefuComplaintPage *self);

void
_kefu_complaint_page_follow_read (KefuComplaintPage *self)
{
  KefuComplaint *complaint;
  KefuComplaint *edited;
  gboolean resave = self->resave;
  gboolean merged;

  if (!self->editing || self->saving || self->edit_call == NULL)
    return;
  self->resave = FALSE;

  if (!_kefu_complaint_page_can_edit (self))
    {
      /* Someone resolved the complaint (or took it out of this person's hands) meanwhile:
       * what was typed is offered as a note, once by itself; Save offers it again. */
      if (self->note_offered || _kefu_complaint_page_offer_note (self))
        {
          _kefu_complaint_page_update_actions (self);
          return;
        }
      end_uneditable (self);
      return;
    }

  /* What someone else saved meanwhile is merged with what was typed; an action on the
   * complaint (a note, an acknowledgement) changes its version but not what was captured.
   * Either way the edit goes on against the version just read, which is safe only because the
   * fields both sides changed wait for a decision. */
  merged = _kefu_complaint_page_merge (self);
  complaint = kefu_call_get_complaint (self->call);
  edited = kefu_call_get_complaint (self->edit_call);
  kefu_record_set_version (KEFU_RECORD (self->edit_call),
                           kefu_record_get_version (KEFU_RECORD (self->call)));
  if (complaint != NULL && edited != NULL)
    kefu_record_set_version (KEFU_RECORD (edited), kefu_record_get_version (KEFU_RECORD (complaint)));
  _kefu_complaint_page_update_actions (self);

  if (!resave)
    return;

  if (_kefu_complaint_page_merge_n_conflicts (self) > 0)
    {
      adw_banner_set_title (self->banner,
                            _("Someone else changed the same fields meanwhile. Keep yours or take theirs for each marked field, then save."));
      adw_banner_set_revealed (self->banner, TRUE);
      _kefu_complaint_page_merge_focus (self);
      return;
    }

  /* Saves that keep meeting newer versions stop going again by themselves after a few tries:
   * the person sees what changed and saves when it is quiet. */
  if (self->n_resaves >= 3)
    {
      adw_banner_set_title (self->banner,
                            _("Someone else changed this complaint. It was reloaded; check and try again."));
      adw_banner_set_revealed (self->banner, TRUE);
      return;
    }

  /* Nobody changed the same field: the merged call is saved, as the person asked. */
  self->n_resaves++;
  self->merged_on_save = self->merged_on_save || merged;
  save_now (self);
}

void
_kefu_complaint_page_discard (KefuComplaintPage *self)
{
  if (!self->editing || self->saving)
    return;

  _kefu_complaint_page_stop_editing (self);
}

/* Saving */

static gpointer
update_func (KefuStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  KefuCall *call = data;

  if (!kefu_store_update_complaint_call (store, call, cancellable, error))
    return NULL;
  return g_object_ref (call);
}

void
_kefu_complaint_page_edit_writing (KefuComplaintPage *self)
{
  self->saving = TRUE;
  release_focus (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->call_form), FALSE);
  _kefu_complaint_page_update_actions (self);
}

void
_kefu_complaint_page_edit_written (KefuComplaintPage *self,
                                   const GError      *error,
                                   const char        *done)
{
  self->saving = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->call_form), TRUE);

  if (error != NULL)
    {
      /* A cancelled write is the page going away: nothing to show. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      _kefu_complaint_page_update_actions (self);
      /* A save to go again once merged: the read does it (_kefu_complaint_page_follow_read ()). */
      if (self->resave)
        _kefu_complaint_page_reload (self);
      /* What was typed stays in the form: a stale version or a refusal is shown, and the
       * complaint behind it is read again. */
      else
        _kefu_complaint_page_show_error (self, error);
      return;
    }

  _kefu_complaint_page_stop_editing (self);
  adw_banner_set_revealed (self->banner, FALSE);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (done));
  gtk_widget_activate_action (GTK_WIDGET (self), "complaints.reload", NULL);
  _kefu_complaint_page_reload (self);
}

static void
update_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KefuComplaintPage) self = user_data;
  g_autoptr(KefuCall) saved = NULL;
  g_autoptr(GError) error = NULL;
  const char *done;

  saved = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  done = self->merged_on_save ? _("Changes saved, together with the changes made meanwhile")
                              : _("Changes saved");

  /* Someone saved this complaint meanwhile: it is read again and merged with the form
   * (_kefu_complaint_page_follow_read ()), never saved over what they wrote. */
  if (saved == NULL && self->editing
      && g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION))
    self->resave = TRUE;

  _kefu_complaint_page_edit_written (self, saved != NULL ? NULL : error, done);
  if (saved != NULL)
    self->merged_on_save = FALSE;
}

static void
save_now (KefuComplaintPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  KefuCall *copy;

  if (!self->editing || self->saving || self->store == NULL)
    return;

  /* A field both sides changed is decided by the person, never by the order of the saves. */
  if (_kefu_complaint_page_merge_n_conflicts (self) > 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Keep yours or take theirs for each marked field first")));
      _kefu_complaint_page_merge_focus (self);
      return;
    }

  if (!kefu_call_form_check (self->call_form, now))
    return;

  _kefu_complaint_page_edit_writing (self);

  copy = _kefu_complaint_page_copy_call (self->edit_call);
  /* Not cancellable: a write that committed must come back to clear the form. */
  kefu_store_run_async (self->store, update_func, copy, g_object_unref,
                        NULL, update_cb, g_object_ref (self));
}

void
_kefu_complaint_page_save (KefuComplaintPage *self)
{
  /* The complaint can no longer be edited: what was typed can still become a note. */
  if (self->editing && !self->saving && self->card != NULL && !_kefu_complaint_page_can_edit (self))
    {
      if (!_kefu_complaint_page_offer_note (self))
        end_uneditable (self);
      return;
    }

  /* The person saves: saves refused as stale may go again by themselves as many times. */
  if (!self->saving)
    {
      self->n_resaves = 0;
      self->merged_on_save = FALSE;
    }
  save_now (self);
}

/* Leaving with changes */

static void
leave_chosen_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KefuComplaintPage) self = user_data;
  const char *response = adw_alert_dialog_choose_finish (ADW_ALERT_DIALOG (object), result);

  if (g_str_equal (response, "save"))
    _kefu_complaint_page_save (self);
  else if (g_str_equal (response, "discard"))
    {
      _kefu_complaint_page_stop_editing (self);
      gtk_widget_activate_action (GTK_WIDGET (self), "navigation.pop", NULL);
    }
}

void
_kefu_complaint_page_leave (KefuComplaintPage *self)
{
  AdwDialog *dialog;

  if (!self->modified)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "navigation.pop", NULL);
      return;
    }

  dialog = adw_alert_dialog_new (_("Discard the Changes?"),
                                 _("What you changed on the complaint call is not saved yet."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Keep Editing"),
                                  "discard", _("_Discard"),
                                  "save", _("_Save"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "discard",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "save",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "save");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (self), NULL,
                           leave_chosen_cb, g_object_ref (self));
}
