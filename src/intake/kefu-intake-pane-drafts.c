/* kefu-intake-pane-drafts.c: the intake pane's drafts, so that nothing a clerk typed is lost.
 *
 * The form's call is written to a draft file half a second after each change and when the pane
 * goes away, and read back when the pane next opens the same database, with a banner. Calls set
 * aside by new ones (an incoming call while recording) are kept in drafts of their own, oldest
 * first, until the clerk restores them.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-intake-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-intake-pane-private.h"

/* Typing pauses this long before the draft is written: often enough that a crash loses at most
 * a word, rarely enough that a fast typist does not write on every keystroke. */
#define DRAFT_DELAY_MS 500

/* The kept drafts live beside the form's own, numbered from the oldest. */
static KefuDraftFile *
kept_draft_file (KefuIntakePane *self,
                 guint           index)
{
  /* Not shown to anyone: it only names the kept draft files of this database. */
  g_autofree char *key = g_strdup_printf ("%s#kept-%u", kefu_store_get_description (self->store),
                                          index);

  return kefu_draft_file_new (key);
}

static void
report_draft_error (KefuIntakePane *self,
                    const GError   *error)
{
  g_autofree char *text = NULL;

  g_message ("Could not write the draft: %s", error->message);
  if (self->draft_error_shown)
    return;

  self->draft_error_shown = TRUE;
  /* Translators: the form could not be kept on disk; %s is the reason. */
  text = g_strdup_printf (_("The call cannot be kept as a draft on this computer: %s. Save it before closing Kefu."),
                          error->message);
  _kefu_intake_pane_toast (self, text, 0);
}

void
_kefu_intake_pane_save_draft (KefuIntakePane *self)
{
  g_autoptr(GError) error = NULL;
  KefuCall *call;

  g_clear_handle_id (&self->draft_source, g_source_remove);

  if (self->draft == NULL)
    return;

  call = kefu_call_form_get_call (self->form);
  if (call == NULL || _kefu_intake_pane_form_is_blank (self))
    {
      _kefu_intake_pane_delete_draft (self);
      return;
    }

  if (!kefu_draft_file_save (self->draft, call, &error))
    report_draft_error (self, error);
  else
    self->draft_error_shown = FALSE;
}

void
_kefu_intake_pane_delete_draft (KefuIntakePane *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_source, g_source_remove);

  if (self->draft != NULL && !kefu_draft_file_delete (self->draft, &error))
    g_message ("Could not remove the draft: %s", error->message);
}

static void
update_kept_banner (KefuIntakePane *self)
{
  guint n = self->kept_calls->len;

  if (n > 1)
    {
      g_autofree char *title = NULL;

      /* Translators: several calls were set aside by incoming ones; Restore brings back the
       * latest. */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u call you were recording was kept as a draft",
                                            "%u calls you were recording were kept as drafts", n),
                               n);
      adw_banner_set_title (self->kept_banner, title);
    }
  else
    adw_banner_set_title (self->kept_banner, _("The call you were recording was kept as a draft"));

  adw_banner_set_revealed (self->kept_banner, n > 0);
  _kefu_intake_pane_update_actions (self);
}

/* Writes the kept calls to their drafts and removes the drafts left over from more of them. */
static void
write_kept_drafts (KefuIntakePane *self)
{
  if (self->store == NULL)
    return;

  for (guint i = 0; ; i++)
    {
      g_autoptr(KefuDraftFile) file = kept_draft_file (self, i);
      g_autoptr(GError) error = NULL;

      if (i < self->kept_calls->len)
        {
          if (!kefu_draft_file_save (file, self->kept_calls->pdata[i], &error))
            report_draft_error (self, error);
        }
      else if (kefu_draft_file_exists (file))
        {
          if (!kefu_draft_file_delete (file, &error))
            g_message ("Could not remove a kept draft: %s", error->message);
        }
      else
        break;
    }
}

static void
read_kept_drafts (KefuIntakePane *self)
{
  for (guint i = 0; ; i++)
    {
      g_autoptr(KefuDraftFile) file = kept_draft_file (self, i);
      g_autoptr(KefuCall) call = NULL;
      g_autoptr(GError) error = NULL;

      if (!kefu_draft_file_exists (file))
        break;

      call = kefu_draft_file_load (file, &error);
      if (error != NULL)
        g_message ("Could not read a kept draft: %s", error->message);
      else if (call != NULL && !kefu_call_is_blank (call))
        g_ptr_array_add (self->kept_calls, g_steal_pointer (&call));
    }
}

void
_kefu_intake_pane_keep_call (KefuIntakePane *self,
                             KefuCall       *call)
{
  g_ptr_array_add (self->kept_calls, g_object_ref (call));
  write_kept_drafts (self);
  update_kept_banner (self);
}

KefuCall *
_kefu_intake_pane_take_kept_call (KefuIntakePane *self)
{
  KefuCall *call;

  if (self->kept_calls->len == 0)
    return NULL;

  call = g_ptr_array_steal_index (self->kept_calls, self->kept_calls->len - 1);
  write_kept_drafts (self);
  update_kept_banner (self);
  return call;
}

void
_kefu_intake_pane_keep_current (KefuIntakePane *self)
{
  KefuCall *call = kefu_call_form_get_call (self->form);

  if (call == NULL || _kefu_intake_pane_form_is_blank (self))
    return;

  _kefu_intake_pane_keep_call (self, call);
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  KefuIntakePane *self = user_data;

  self->draft_source = 0;
  _kefu_intake_pane_save_draft (self);

  return G_SOURCE_REMOVE;
}

void
_kefu_intake_pane_schedule_draft (KefuIntakePane *self)
{
  if (self->draft == NULL)
    return;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

void
_kefu_intake_pane_open_drafts (KefuIntakePane *self)
{
  g_autoptr(KefuCall) restored = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  self->draft = kefu_draft_file_new (kefu_store_get_description (self->store));

  restored = kefu_draft_file_load (self->draft, &error);
  if (error != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: a draft left from before could not be read; %s is the reason. */
      text = g_strdup_printf (_("The call you were recording could not be restored: %s"),
                              error->message);
      _kefu_intake_pane_toast (self, text, 0);
      g_clear_error (&error);
    }

  read_kept_drafts (self);
  update_kept_banner (self);

  if (restored == NULL || kefu_call_is_blank (restored))
    return;

  /* A call that arrived before the database opened (the telephony hand-off at start-up) is not
   * replaced: the restored one is set aside beside it instead. */
  if (!_kefu_intake_pane_form_is_blank (self))
    {
      _kefu_intake_pane_keep_call (self, restored);
      return;
    }

  _kefu_intake_pane_set_form_call (self, restored);
  adw_banner_set_revealed (self->restored_banner, TRUE);
}

void
_kefu_intake_pane_close_drafts (KefuIntakePane *self)
{
  /* Whatever is in the form is written now: the pane, the window or the database is going.
   * The kept calls are on disk already. */
  if (self->draft != NULL)
    _kefu_intake_pane_save_draft (self);

  g_clear_object (&self->draft);
  g_ptr_array_set_size (self->kept_calls, 0);
  adw_banner_set_revealed (self->kept_banner, FALSE);
  adw_banner_set_revealed (self->restored_banner, FALSE);
}
