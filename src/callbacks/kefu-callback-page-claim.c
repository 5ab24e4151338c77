/* kefu-callback-page-claim.c: the callback page's claim (taken with each read in
 * kefu-callback-page.c, renewed every KEFU_CALLBACK_CLAIM_RENEW_SECONDS while the page holds it,
 * given up when the page is left without a record) and the save of the record, which the store
 * checks again and which releases the claim; and live refresh, which reads the callback again
 * when it is changed elsewhere (kefu-live-page.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callback-page"

#include "config.h"

#include <glib/gi18n.h>

#include "store/kefu-store-callbacks.h"
#include "widgets/kefu-list-loader.h"
#include "widgets/kefu-live-page.h"

#include "kefu-callback-page-private.h"

/* Helpers */

static gpointer
done_object (void)
{
  return g_object_new (G_TYPE_OBJECT, NULL);
}

static gboolean renew_timeout_cb (gpointer user_data);

void
_kefu_callback_page_set_holds_claim (KefuCallbackPage *self,
                 gboolean          holds)
{
  self->holds_claim = holds;
  /* Holding the claim is having the callback open for recording: others see who. */
  if (self->presence != NULL)
    kefu_presence_tracker_set_editing (self->presence, holds);
  if (holds && self->renew_id == 0)
    self->renew_id = g_timeout_add_seconds (KEFU_CALLBACK_CLAIM_RENEW_SECONDS, renew_timeout_cb,
                                            self);
  else if (!holds)
    g_clear_handle_id (&self->renew_id, g_source_remove);
}

void
_kefu_callback_page_set_read_only_reason (KefuCallbackPage *self,
                      const char       *reason)
{
  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (reason);
  adw_banner_set_title (self->read_only_banner, reason != NULL ? reason : "");
  adw_banner_set_revealed (self->read_only_banner, reason != NULL);
}

/* The claim */

static gpointer
renew_func (KefuStore     *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  if (!kefu_store_renew_callback_claim (store, *(gint64 *) data, kefu_store_get_workstation_id (),
                                        cancellable, error))
    return NULL;
  return done_object ();
}

static gpointer
release_func (KefuStore     *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  if (!kefu_store_release_callback (store, *(gint64 *) data, kefu_store_get_workstation_id (),
                                    cancellable, error))
    return NULL;
  return done_object ();
}

static gint64 *
id_data (gint64 id)
{
  gint64 *data = g_new (gint64, 1);

  *data = id;
  return data;
}

static void
renewed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(KefuCallbackPage) self = user_data;
  g_autoptr(GObject) done = NULL;
  g_autoptr(GError) error = NULL;

  done = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || done != NULL)
    return;

  /* The claim lapsed and someone else took the callback: the page reads who, read-only. */
  if (g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CLAIMED))
    {
      _kefu_callback_page_set_holds_claim (self, FALSE);
      kefu_callback_page_reload (self);
      return;
    }
  kefu_toast_overlay_add_error (self->toast_overlay, error->message);
}

static gboolean
renew_timeout_cb (gpointer user_data)
{
  KefuCallbackPage *self = user_data;

  if (self->store == NULL || !self->holds_claim)
    {
      self->renew_id = 0;
      return G_SOURCE_REMOVE;
    }
  kefu_store_run_async (self->store, renew_func, id_data (self->callback_id), g_free,
                        self->cancellable, renewed_cb, g_object_ref (self));
  /* A page left open runs into (or out of) the customer's rest time. */
  _kefu_callback_page_update_quiet (self);
  return G_SOURCE_CONTINUE;
}

static void
released_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GObject) done = NULL;
  g_autoptr(GError) error = NULL;

  /* The claim lapses by itself if this failed (the database went away): nothing to show. */
  done = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (done == NULL)
    g_debug ("The callback's claim was not released: %s", error->message);
}

/* Gives the claim up: left without a record, the callback is free for another clerk at once,
 * instead of after the claim lapses. Runs even when the page goes away (no cancellable). */
void
_kefu_callback_page_release_claim (KefuCallbackPage *self)
{
  if (!self->holds_claim || self->recorded || self->store == NULL)
    return;
  _kefu_callback_page_set_holds_claim (self, FALSE);
  kefu_store_run_async (self->store, release_func, id_data (self->callback_id), g_free, NULL,
                        released_cb, NULL);
}

/* Saving the record */

typedef struct
{
  gint64                  id;
  gint64                  version;
  KefuCallbackRecordInput input;
  char                   *words;
  char                   *note;
  GDateTime              *agreed_at;
} RecordData;

static void
record_data_free (gpointer data)
{
  RecordData *record = data;

  g_free (record->words);
  g_free (record->note);
  g_clear_pointer (&record->agreed_at, g_date_time_unref);
  g_free (record);
}

static gpointer
record_func (KefuStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  RecordData *record = data;

  if (!kefu_store_record_callback (store, record->id, record->version, &record->input,
                                   cancellable, error))
    return NULL;
  return done_object ();
}

static void
recorded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KefuCallbackPage) self = user_data;
  g_autoptr(GObject) done = NULL;
  g_autoptr(GError) error = NULL;

  done = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->saving = FALSE;
  kefu_record_loader_set_acting (self->loader, FALSE);

  if (done == NULL)
    {
      gboolean stale = g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION);

      /* Said where the clerk looks, and nothing typed is lost: a stale callback is read again
       * on Reload with the form as it is. */
      kefu_callback_record_form_show_refusal (self->form, error->message, stale);
      /* Saving again would be refused again: Reload first. */
      self->stale = stale;
      if (g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CLAIMED))
        {
          _kefu_callback_page_set_holds_claim (self, FALSE);
          _kefu_callback_page_set_read_only_reason (self, error->message);
        }
      _kefu_callback_page_update_actions (self);
      return;
    }

  /* The store released the claim with the record. */
  self->recorded = TRUE;
  _kefu_callback_page_set_holds_claim (self, FALSE);
  kefu_callback_record_form_show_refusal (self->form, NULL, FALSE);
  _kefu_callback_page_update_quiet (self);
  _kefu_callback_page_update_actions (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Callback recorded")));
  gtk_widget_activate_action (GTK_WIDGET (self), "callbacks.recorded", "x", self->callback_id);
}

void
_kefu_callback_page_record (KefuCallbackPage    *self,
        KefuCallbackOutcome  outcome)
{
  RecordData *data;

  if (self->callback == NULL || self->store == NULL || self->saving || !_kefu_callback_page_is_due (self))
    return;

  data = g_new0 (RecordData, 1);
  data->id = self->callback_id;
  data->version = self->callback->version;
  data->words = kefu_callback_record_form_dup_words (self->form);
  data->note = kefu_callback_record_form_dup_note (self->form);
  data->agreed_at = kefu_callback_record_form_dup_agreed_at (self->form);
  data->input.method = kefu_callback_record_form_get_method (self->form);
  data->input.outcome = outcome;
  data->input.satisfaction = outcome == KEFU_CALLBACK_OUTCOME_REACHED
                               ? kefu_callback_record_form_get_satisfaction (self->form)
                               : KEFU_SATISFACTION_UNSPECIFIED;
  data->input.customer_words = data->words;
  data->input.note = data->note;
  data->input.agreed_at = outcome == KEFU_CALLBACK_OUTCOME_CALL_LATER ? data->agreed_at : NULL;

  self->saving = TRUE;
  kefu_callback_record_form_show_refusal (self->form, NULL, FALSE);
  kefu_record_loader_set_acting (self->loader, TRUE);
  _kefu_callback_page_update_actions (self);
  kefu_store_run_async (self->store, record_func, data, record_data_free, self->cancellable,
                        recorded_cb, g_object_ref (self));
}


void
_kefu_callback_page_renew_now (KefuCallbackPage *self)
{
  if (self->renew_id != 0)
    renew_timeout_cb (self);
}

/* Live refresh: the page follows what others save to its callback (kefu-live-page.h), here
 * beside the claim, which keeps two clerks from recording the same call. */

static gint64
live_get_id (GtkWidget *page)
{
  return KEFU_CALLBACK_PAGE (page)->callback_id;
}

/* What the clerk wrote about the call is unsaved until recorded. */
static gboolean
live_get_modified (GtkWidget *page)
{
  KefuCallbackPage *self = KEFU_CALLBACK_PAGE (page);
  g_autofree char *words = kefu_callback_record_form_dup_words (self->form);
  g_autofree char *note = kefu_callback_record_form_dup_note (self->form);

  return self->saving || (words != NULL && *words != '\0') || (note != NULL && *note != '\0');
}

static void
live_reload (GtkWidget *page,
             gboolean   discard)
{
  kefu_callback_page_reload (KEFU_CALLBACK_PAGE (page));
}

static const KefuLivePageFuncs live_funcs = { live_get_id, live_get_modified, live_reload };

void
kefu_callback_page_set_live (KefuCallbackPage *self,
                             KefuLive         *live)
{
  g_return_if_fail (KEFU_IS_CALLBACK_PAGE (self));

  if (self->store != NULL)
    kefu_live_page_attach (GTK_WIDGET (self), live, self->store, KEFU_LIVE_CALLBACKS,
                           "callback", &live_funcs);
}
