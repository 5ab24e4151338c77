/* kefu-complaint-page-keep.c: an intake edit that can no longer be saved keeps what was typed.
 *
 * While a person corrects what was captured on the call, someone else may record the
 * resolution (or the complaint may otherwise stop being editable for them): the save is then
 * refused, and dropping the form would lose what they typed. Instead the page explains why and
 * offers to add the changes as a note on the complaint, which anyone may add at any stage, each
 * changed field as "name: stored → typed". Closing the question keeps the form as it is; Save
 * asks again.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-complaint-flow.h"
#include "core/kefu-enums.h"

#include "kefu-complaint-page-private.h"

/* The note: each field changed here and not stored as typed, as "name: stored → typed"; NULL
 * when there is none. */
static char *
build_note (KefuComplaintPage *self)
{
  KefuCall *before = self->base_call != NULL ? self->base_call : self->call;
  const KefuComplaintPageField *fields;
  guint n_fields;
  GString *text = NULL;

  if (self->edit_call == NULL || self->call == NULL)
    return NULL;

  fields = _kefu_complaint_page_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const KefuComplaintPageField *field = &fields[i];
      g_auto(GValue) stored = G_VALUE_INIT;
      g_auto(GValue) typed = G_VALUE_INIT;
      g_autofree char *stored_text = NULL;
      g_autofree char *typed_text = NULL;

      /* Changed by someone else only, or stored as typed already: nothing of this person's. */
      if (_kefu_complaint_page_field_equal (self->edit_call, before, field)
          || _kefu_complaint_page_field_equal (self->edit_call, self->call, field)
          || !_kefu_complaint_page_field_get (self->call, field, &stored)
          || !_kefu_complaint_page_field_get (self->edit_call, field, &typed))
        continue;

      stored_text = _kefu_complaint_page_value_text (self, &stored);
      typed_text = _kefu_complaint_page_value_text (self, &typed);
      if (text == NULL)
        text = g_string_new (_("Changes to what was captured on the call, not saved because the complaint could no longer be edited:"));
      g_string_append_c (text, '\n');
      /* Translators: one changed field in a note: its name, the value stored and the value
       * typed, e.g. "Reason: 有异味 → 有异味，已变质". */
      g_string_append_printf (text, _("%1$s: %2$s → %3$s"),
                              _kefu_complaint_page_field_label (field),
                              /* Translators: an empty value in a note's "stored → typed". */
                              stored_text != NULL ? stored_text : C_("note value", "(empty)"),
                              typed_text != NULL ? typed_text : C_("note value", "(empty)"));
    }

  return text != NULL ? g_string_free (text, FALSE) : NULL;
}

/* Who took the complaint to its stage now (the newest event of that stage's name: "resolved",
 * "called-back", "closed"), or NULL. */
static const char *
stage_changed_by (KefuComplaintPage  *self,
                  KefuComplaintStage  stage)
{
  const char *action = kefu_enum_to_nick (KEFU_TYPE_COMPLAINT_STAGE, stage);
  guint n = self->timeline != NULL ? g_list_model_get_n_items (self->timeline) : 0;

  for (guint i = n; action != NULL && i > 0; i--)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (self->timeline, i - 1);
      const char *name = kefu_event_get_staff_name (event);

      if (g_strcmp0 (kefu_event_get_action (event), action) == 0)
        return name != NULL && name[0] != '\0' ? name : NULL;
    }
  return NULL;
}

/* Why the intake can no longer change, and the question. */
static char *
refusal_text (KefuComplaintPage *self)
{
  KefuComplaintStage stage = kefu_complaint_card_get_stage (self->card);
  KefuComplaintActor actor;
  g_autoptr(GError) error = NULL;
  const char *name = stage_changed_by (self, stage);

  _kefu_complaint_page_get_actor (self, &actor);
  if (!kefu_complaint_flow_check (KEFU_COMPLAINT_ACTION_EDIT_DETAILS, stage, &actor, NULL, &error)
      && g_error_matches (error, KEFU_COMPLAINT_FLOW_ERROR, KEFU_COMPLAINT_FLOW_ERROR_PERMISSION))
    return g_strdup (_("You can no longer change what was captured on this complaint’s call. Add what you typed as a note?"));

  if (stage == KEFU_COMPLAINT_STAGE_RESOLVED && name != NULL)
    /* Translators: %s is the name of the person who recorded the resolution. */
    return g_strdup_printf (_("This complaint was resolved by %s meanwhile, so its intake can no longer be changed. Add what you typed as a note?"),
                            name);
  if (stage == KEFU_COMPLAINT_STAGE_CLOSED && name != NULL)
    /* Translators: %s is the name of the person who closed the complaint. */
    return g_strdup_printf (_("This complaint was closed by %s meanwhile, so its intake can no longer be changed. Add what you typed as a note?"),
                            name);
  /* Translators: %s is the complaint's stage, e.g. “Resolved”. */
  return g_strdup_printf (_("This complaint is now “%s”, so its intake can no longer be changed. Add what you typed as a note?"),
                          kefu_complaint_stage_get_display_name (stage));
}

static void
note_added_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KefuComplaintPage) self = user_data;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(GError) error = NULL;

  card = kefu_store_change_complaint_finish (KEFU_STORE (object), result, &error);
  if (card != NULL)
    g_set_object (&self->card, card);
  /* On a failure the text stays in the form; Save offers the note again after the read. */
  _kefu_complaint_page_edit_written (self, card != NULL ? NULL : error,
                                     _("Your changes were added as a note"));
}

static void
add_note (KefuComplaintPage *self)
{
  g_autoptr(KefuComplaintChange) change = NULL;
  g_autofree char *text = build_note (self);

  if (!self->editing || self->saving || self->store == NULL || self->card == NULL)
    return;
  if (text == NULL)
    {
      _kefu_complaint_page_stop_editing (self);
      return;
    }

  change = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_ADD_NOTE,
                                      kefu_complaint_card_get_id (self->card),
                                      kefu_complaint_card_get_version (self->card));
  change->text = g_steal_pointer (&text);
  _kefu_complaint_page_edit_writing (self);
  /* Not cancellable: a note that was written must come back to close the form. */
  kefu_store_change_complaint_async (self->store, change, NULL, note_added_cb, g_object_ref (self));
}

static void
note_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KefuComplaintPage) self = user_data;
  const char *response = adw_alert_dialog_choose_finish (ADW_ALERT_DIALOG (object), result);

  if (g_str_equal (response, "note"))
    add_note (self);
  else if (g_str_equal (response, "discard") && self->editing && !self->saving)
    _kefu_complaint_page_stop_editing (self);
  /* Closed: the form stays as it is, and Save asks again. */
}

gboolean
_kefu_complaint_page_offer_note (KefuComplaintPage *self)
{
  g_autofree char *note = build_note (self);
  g_autofree char *body = NULL;
  AdwDialog *dialog;
  GtkWidget *label;

  if (note == NULL || self->card == NULL)
    return FALSE;

  self->note_offered = TRUE;
  adw_banner_set_title (self->banner,
                        _("This complaint can no longer be edited. Save to add your changes as a note, or discard them."));
  adw_banner_set_revealed (self->banner, TRUE);

  body = refusal_text (self);
  dialog = adw_alert_dialog_new (_("Changes Not Saved"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "discard", _("_Discard Changes"),
                                  "note", _("_Add as Note"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "discard",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "note",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "note");
  /* Escape neither writes nor drops anything. */
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "keep");

  /* The note as it would be added, so that the person sees what is kept. */
  label = gtk_label_new (note);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), label);

  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (self), NULL,
                           note_chosen_cb, g_object_ref (self));
  return TRUE;
}
