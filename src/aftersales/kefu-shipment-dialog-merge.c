/* kefu-shipment-dialog-merge.c: the merge of a shipping request saved as stale.
 *
 * When someone saved the request meanwhile, the save is merged with theirs
 * (kefu-shipment-merge.h), never written over it: without conflicts it is saved again, with
 * them the conflict dialog asks which to keep.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shipment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/kefu-conflict-dialog.h"

#include "kefu-shipment-dialog-private.h"
#include "kefu-shipment-merge.h"

/* The merge of a stale save */

gpointer
_kefu_shipment_dialog_timeline_func (KefuStore     *store,
                                     gpointer       data,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  return kefu_store_list_shipment_timeline (store, *(gint64 *) data, cancellable, error);
}

void
_kefu_shipment_dialog_base_events_cb (GObject      *object,
                                      GAsyncResult *result,
                                      gpointer      user_data)
{
  g_autoptr(KefuShipmentDialog) self = user_data;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;

  events = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Without them the merge still works; it cannot say who changed a field. */
  self->base_event_id = events != NULL ? kefu_merge_newest_event_id (events) : G_MAXINT64;
  self->loading = FALSE;
  _kefu_shipment_dialog_update_busy (self);
}

static gpointer
theirs_func (KefuStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(KefuShipment) theirs = kefu_store_get_shipment (store, id, cancellable, error);
  GListModel *events;

  if (theirs == NULL)
    return NULL;
  events = kefu_store_list_shipment_timeline (store, id, cancellable, error);
  if (events == NULL)
    return NULL;
  g_object_set_data_full (G_OBJECT (theirs), "kefu-events", events, g_object_unref);
  return g_steal_pointer (&theirs);
}

static char *
format_value (const KefuMergeField *field,
              const GValue         *value,
              gpointer              user_data)
{
  KefuShipmentDialog *self = user_data;

  if (g_str_equal (field->key, "lines"))
    return kefu_shipment_merge_lines_text (value, self->products);
  if (g_str_equal (field->key, "account_manager"))
    {
      gint64 id = g_value_get_int64 (value);
      GListModel *names = adw_combo_row_get_model (self->manager_row);

      if (id == 0)
        return NULL;
      for (guint i = 0; i < self->manager_ids->len; i++)
        if (g_array_index (self->manager_ids, gint64, i) == id && names != NULL)
          return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (names), i + 1));
      return g_strdup_printf ("%" G_GINT64_FORMAT, id);
    }
  return kefu_merge_value_to_text (value);
}

/* The merged request goes into the form; `save` writes it with the version read now. */
static void
show_merged (KefuShipmentDialog *self,
             KefuMerge          *merge,
             gboolean            save)
{
  g_autoptr(KefuShipment) merged = kefu_shipment_merge_copy (self->editing);

  kefu_merge_apply (merge, G_OBJECT (merged), NULL);
  g_set_object (&self->editing, merged);
  _kefu_shipment_dialog_show_request (self);
  if (save)
    kefu_shipment_dialog_save (self);
}

static void
conflict_resolved_cb (KefuConflictDialog *dialog,
                      KefuShipmentDialog *self)
{
  _kefu_shipment_dialog_set_refusal (self, NULL);
  show_merged (self, kefu_conflict_dialog_get_merge (dialog), TRUE);
}

static void
conflict_closed_cb (KefuConflictDialog *dialog,
                    KefuShipmentDialog *self)
{
  KefuMerge *merge = kefu_conflict_dialog_get_merge (dialog);

  if (self->conflict_dialog == (AdwDialog *) dialog)
    g_clear_weak_pointer (&self->conflict_dialog);
  if (kefu_merge_get_n_undecided (merge) == 0)
    return;
  /* Back to the form undecided: what was typed stays, with the other side's other changes. */
  for (guint i = 0; i < kefu_merge_get_n_fields (merge); i++)
    if (kefu_merge_get_choice (merge, i) == KEFU_MERGE_CHOICE_NONE)
      kefu_merge_set_choice (merge, i, KEFU_MERGE_CHOICE_MINE);
  show_merged (self, merge, FALSE);
  _kefu_shipment_dialog_set_refusal (self, _("Someone else changed this request while you were "
                                              "editing. Your changes are still in the form, not "
                                              "saved: save to keep them."));
}

static void
theirs_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KefuShipmentDialog) self = user_data;
  g_autoptr(KefuShipment) theirs = NULL;
  g_autoptr(KefuShipment) mine = g_steal_pointer (&self->pending_mine);
  g_autoptr(KefuMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  const KefuMergeField *fields;
  GListModel *events;
  guint n_fields;

  theirs = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->saving = FALSE;
  _kefu_shipment_dialog_update_busy (self);
  if (theirs == NULL || mine == NULL)
    {
      _kefu_shipment_dialog_set_refusal (self, error != NULL ? error->message : NULL);
      return;
    }

  fields = kefu_shipment_merge_fields (&n_fields);
  merge = kefu_merge_new (fields, n_fields, G_OBJECT (self->editing), G_OBJECT (mine),
                          G_OBJECT (theirs));
  events = g_object_get_data (G_OBJECT (theirs), "kefu-events");
  kefu_merge_set_events (merge, events, self->base_event_id, "details-changed");
  self->base_event_id = kefu_merge_newest_event_id (events);
  /* Theirs is the new base: the next save goes with its version. */
  g_set_object (&self->editing, theirs);

  if (kefu_merge_get_n_undecided (merge) == 0 && self->n_resaves < 3)
    {
      self->n_resaves++;
      show_merged (self, merge, TRUE);
      return;
    }
  if (kefu_merge_get_n_undecided (merge) == 0)
    {
      show_merged (self, merge, FALSE);
      _kefu_shipment_dialog_set_refusal (self, _("Others keep changing this request. Your "
                                                  "changes are merged with theirs in the form, "
                                                  "not saved: save again to keep them."));
      return;
    }
  self->conflict_dialog = ADW_DIALOG (kefu_conflict_dialog_new (merge, format_value, self));
  g_object_add_weak_pointer (G_OBJECT (self->conflict_dialog), (gpointer *) &self->conflict_dialog);
  g_signal_connect_object (self->conflict_dialog, "resolved", G_CALLBACK (conflict_resolved_cb),
                           self, 0);
  g_signal_connect_object (self->conflict_dialog, "closed", G_CALLBACK (conflict_closed_cb),
                           self, 0);
  adw_dialog_present (self->conflict_dialog, GTK_WIDGET (self));
}

void
_kefu_shipment_dialog_merge_start (KefuShipmentDialog *self)
{
  self->saving = TRUE;
  _kefu_shipment_dialog_update_busy (self);
  kefu_store_run_async (self->store, theirs_func, g_memdup2 (&self->editing->id, sizeof (gint64)),
                        g_free, self->cancellable, theirs_cb, g_object_ref (self));
}
