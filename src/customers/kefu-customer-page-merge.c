/* kefu-customer-page-merge.c: a save refused because another clerk saved the customer
 * meanwhile is merged, not lost and not written over theirs.
 *
 * The customer as read when the form was filled (base), the record the refused save tried to
 * write (mine) and the customer as stored now (theirs) are merged field by field
 * (core/kefu-merge.h): fields only one side changed merge by themselves and the form saves
 * again at once; when both changed a field, the conflict dialog shows both values with who
 * changed it when, and the clerk picks, then the form saves again. Going back to the form
 * without deciding keeps what was typed in the form, with the other side's changes merged.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-phone.h"
#include "widgets/kefu-conflict-dialog.h"

#include "kefu-customer-page-private.h"

/* A refused save merged without conflicts saves again at most this many times in a row (each
 * time someone saved in between). */
#define MAX_RESAVES 3

static const KefuMergeField fields[] = {
  { "name", "name", "customer field", NC_("customer field", "Name"), NULL, NULL },
  { "phones", "phones", "customer field", NC_("customer field", "Phones"), NULL, NULL },
  { "address", "address", "customer field", NC_("customer field", "Address"), NULL, NULL },
  { "district", "district", "customer field", NC_("customer field", "District"), NULL, NULL },
  { "is_member", "is-member", "customer field", NC_("customer field", "Member"), NULL, NULL },
  { "member_number", "member-number", "customer field", NC_("customer field", "Member number"), NULL, NULL },
  { "channel", "channel", "customer field", NC_("customer field", "Channel"), NULL, NULL },
  { "notes", "notes", "customer field", NC_("customer field", "Notes"), NULL, NULL },
};

const KefuMergeField *
_kefu_customer_page_merge_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

static char *
format_value (const KefuMergeField *field,
              const GValue         *value,
              gpointer              user_data)
{
  if (G_VALUE_HOLDS (value, KEFU_TYPE_CHANNEL))
    return g_strdup (kefu_channel_get_display_name (g_value_get_enum (value)));
  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      const char * const *phones = g_value_get_boxed (value);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) formatted = NULL;

      if (phones == NULL || phones[0] == NULL)
        return NULL;
      for (guint i = 0; phones[i] != NULL; i++)
        g_strv_builder_take (builder, kefu_phone_format (phones[i]));
      formatted = g_strv_builder_end (builder);
      return g_strjoinv (C_("list separator", ", "), formatted);
    }
  return kefu_merge_value_to_text (value);
}

/* The merged record goes into the form, which saves it with the version read now. */
static void
show_merged (KefuCustomerPage *self,
             KefuMerge        *merge,
             KefuCustomer     *theirs)
{
  g_autoptr(KefuCustomer) merged = _kefu_customer_page_copy_customer (theirs);

  kefu_merge_apply (merge, G_OBJECT (merged), NULL);
  _kefu_customer_page_fill_form (self, merged);
  _kefu_customer_page_set_modified (self, TRUE);
}

static void
conflict_resolved_cb (KefuConflictDialog *dialog,
                      KefuCustomerPage   *self)
{
  KefuMerge *merge = kefu_conflict_dialog_get_merge (dialog);

  if (self->customer == NULL)
    return;
  show_merged (self, merge, self->customer);
  adw_banner_set_revealed (self->banner, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "customer.save", NULL);
}

static void
conflict_closed_cb (KefuConflictDialog *dialog,
                    KefuCustomerPage   *self)
{
  KefuMerge *merge = kefu_conflict_dialog_get_merge (dialog);
  guint n = kefu_merge_get_n_fields (merge);

  if (self->conflict_dialog == (AdwDialog *) dialog)
    g_clear_weak_pointer (&self->conflict_dialog);
  if (kefu_merge_get_n_undecided (merge) == 0 || self->customer == NULL)
    return;

  /* Back to the form undecided: what was typed stays in the form, with the other side's
   * changes to the other fields; nothing is written until the clerk saves. */
  for (guint i = 0; i < n; i++)
    if (kefu_merge_get_choice (merge, i) == KEFU_MERGE_CHOICE_NONE)
      kefu_merge_set_choice (merge, i, KEFU_MERGE_CHOICE_MINE);
  show_merged (self, merge, self->customer);
  adw_banner_set_title (self->banner,
                        _("Another clerk changed this customer while you were editing. Your "
                          "changes are still in the form, not saved: save to keep them."));
  adw_banner_set_revealed (self->banner, TRUE);
}

void
_kefu_customer_page_merge (KefuCustomerPage *self,
                           KefuCustomer     *mine,
                           KefuCustomer     *theirs,
                           GListModel       *events)
{
  g_autoptr(KefuMerge) merge = NULL;
  g_autoptr(KefuCustomer) base = NULL;

  g_return_if_fail (self->customer != NULL);

  base = g_object_ref (self->customer);
  merge = kefu_merge_new (fields, G_N_ELEMENTS (fields), G_OBJECT (base), G_OBJECT (mine),
                          G_OBJECT (theirs));
  kefu_merge_set_events (merge, events, self->base_event_id, "update");

  /* Theirs is the new base: the next save goes with its version. */
  g_set_object (&self->customer, theirs);
  self->base_event_id = kefu_merge_newest_event_id (events);

  if (kefu_merge_get_n_undecided (merge) == 0)
    {
      show_merged (self, merge, theirs);
      if (self->n_resaves < MAX_RESAVES)
        {
          self->n_resaves++;
          adw_banner_set_revealed (self->banner, FALSE);
          gtk_widget_activate_action (GTK_WIDGET (self), "customer.save", NULL);
          return;
        }
      adw_banner_set_title (self->banner,
                            _("Others keep changing this customer. Your changes are merged with "
                              "theirs in the form, not saved: save again to keep them."));
      adw_banner_set_revealed (self->banner, TRUE);
      return;
    }

  if (self->conflict_dialog != NULL)
    adw_dialog_force_close (self->conflict_dialog);
  self->conflict_dialog = ADW_DIALOG (kefu_conflict_dialog_new (merge, format_value, self));
  g_object_add_weak_pointer (G_OBJECT (self->conflict_dialog), (gpointer *) &self->conflict_dialog);
  g_signal_connect_object (self->conflict_dialog, "resolved", G_CALLBACK (conflict_resolved_cb),
                           self, 0);
  g_signal_connect_object (self->conflict_dialog, "closed", G_CALLBACK (conflict_closed_cb),
                           self, 0);
  adw_dialog_present (self->conflict_dialog, GTK_WIDGET (self));
}
