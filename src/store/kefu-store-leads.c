/* kefu-store-leads.c: the potential orders from inquiry calls (潜在订单), which the team lead
 * follows up until an order call converts them (kefu-store-calls.c) or they are dropped.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-text.h"
#include "kefu-store-calls-private.h"

/* The lead with its inquiry's call and clerk; walks leads_state (state, id). */
#define LEAD_SQL \
  "SELECT leads.id, leads.version, leads.created_at, leads.updated_at, leads.inquiry_id, " \
  "calls.id, calls.reference, calls.customer_id, calls.caller_name, calls.phone, " \
  "calls.address, calls.clerk_id, staff.name, calls.received_at, calls.summary, " \
  "inquiries.topics, leads.state, leads.order_call_id, leads.closed_at, leads.note " \
  "FROM leads JOIN inquiries ON inquiries.id = leads.inquiry_id " \
  "JOIN calls ON calls.id = inquiries.call_id JOIN staff ON staff.id = calls.clerk_id " \
  "WHERE leads.state = $1 ORDER BY leads.id"

static gpointer
lead_from_row (KefuRows *rows,
               guint     row)
{
  KefuLead *lead = kefu_lead_new ();
  g_autoptr(GDateTime) received_at = kefu_rows_get_time (rows, row, 13);
  g_autoptr(GDateTime) closed_at = kefu_rows_get_time (rows, row, 18);
  KefuInquiryTopics topics = _kefu_store_topics_from_text (kefu_rows_get_text (rows, row, 15));
  g_autofree char *topic_names = kefu_inquiry_topics_format (topics);
  g_autofree char *summary = NULL;

  /* What was asked, then what the clerk answered (the call's summary). */
  if (topic_names != NULL && topic_names[0] != '\0')
    /* TRANSLATORS: a lead's summary: the topics asked about, then the clerk's answer. */
    summary = g_strdup_printf (C_("lead summary", "%s: %s"), topic_names,
                               kefu_rows_get_text (rows, row, 14));
  else
    summary = g_strdup (kefu_rows_get_text (rows, row, 14));

  _kefu_store_fill_record (lead, rows, row, 0);
  kefu_lead_set_inquiry_id (lead, kefu_rows_get_int (rows, row, 4));
  kefu_lead_set_call_id (lead, kefu_rows_get_int (rows, row, 5));
  kefu_lead_set_call_reference (lead, kefu_rows_get_text (rows, row, 6));
  kefu_lead_set_customer_id (lead, kefu_rows_get_int (rows, row, 7));
  kefu_lead_set_caller_name (lead, kefu_rows_get_text (rows, row, 8));
  kefu_lead_set_phone (lead, kefu_rows_get_text (rows, row, 9));
  kefu_lead_set_address (lead, kefu_rows_get_text (rows, row, 10));
  kefu_lead_set_clerk_id (lead, kefu_rows_get_int (rows, row, 11));
  kefu_lead_set_clerk_name (lead, kefu_rows_get_text (rows, row, 12));
  kefu_lead_set_received_at (lead, received_at);
  kefu_lead_set_summary (lead, summary);
  kefu_lead_set_state (lead, _kefu_store_enum_from_nick (KEFU_TYPE_LEAD_STATE,
                                                         kefu_rows_get_text (rows, row, 16),
                                                         KEFU_LEAD_STATE_OPEN));
  kefu_lead_set_order_call_id (lead, kefu_rows_get_int (rows, row, 17));
  kefu_lead_set_closed_at (lead, closed_at);
  kefu_lead_set_note (lead, kefu_rows_get_text (rows, row, 19));
  return lead;
}

/**
 * kefu_store_list_leads:
 * @state: which leads: open ones for the team lead's list, or converted or dropped ones
 *
 * Returns: (transfer full): a #GListModel of #KefuLead, oldest first
 */
GListModel *
kefu_store_list_leads (KefuStore      *self,
                       KefuLeadState   state,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _kefu_store_list_records (self, KEFU_TYPE_LEAD, lead_from_row, LEAD_SQL,
                                   g_variant_new ("(s)", _kefu_store_enum_to_nick (KEFU_TYPE_LEAD_STATE,
                                                                                   state)),
                                   cancellable, error);
}

typedef struct
{
  KefuLead   *lead;
  char       *note;
  /* Set after the commit. */
  gint64      version;
  GDateTime  *updated_at;
  GDateTime  *closed_at;
} Drop;

static gboolean
drop_lead_txn (KefuStore     *self,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Drop *d = data;
  gint64 id = kefu_record_get_id (KEFU_RECORD (d->lead));
  gint64 version = kefu_record_get_version (KEFU_RECORD (d->lead));
  g_autoptr(KefuRows) current = NULL;
  g_autoptr(KefuRows) rows = NULL;
  const char *state;

  current = _kefu_store_query (self, "SELECT version, state FROM leads WHERE id = $1",
                               g_variant_new ("(x)", id), cancellable, error);
  if (current == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (current) == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                           _("This lead no longer exists. Reload the list."));
      return FALSE;
    }
  state = kefu_rows_get_text (current, 0, 1);
  if (g_str_equal (state, KEFU_LEAD_CONVERTED))
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                           _("This lead has already been turned into an order, so it cannot be "
                             "dropped. Reload the list."));
      return FALSE;
    }
  if (g_str_equal (state, KEFU_LEAD_DROPPED))
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                           _("This lead was already dropped. Reload the list."));
      return FALSE;
    }
  if (kefu_rows_get_int (current, 0, 0) != version)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION,
                           _("This lead was changed by someone else since you opened it. Reload "
                             "the list and try again."));
      return FALSE;
    }

  rows = _kefu_store_query (self,
                            "UPDATE leads SET state = '" KEFU_LEAD_DROPPED "', note = $1, "
                            "closed_at = now(), closed_by = $2, version = version + 1, "
                            "updated_at = now() WHERE id = $3 AND version = $4 "
                            "RETURNING version, updated_at, closed_at",
                            g_variant_new ("(sxxx)", d->note, _kefu_store_get_txn_actor (self), id,
                                           version),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION,
                           _("This lead was changed by someone else since you opened it. Reload "
                             "the list and try again."));
      return FALSE;
    }
  d->version = kefu_rows_get_int (rows, 0, 0);
  g_clear_pointer (&d->updated_at, g_date_time_unref);
  g_clear_pointer (&d->closed_at, g_date_time_unref);
  d->updated_at = kefu_rows_get_time (rows, 0, 1);
  d->closed_at = kefu_rows_get_time (rows, 0, 2);

  return _kefu_store_add_event (self, "leads", id, "update",
                                "{\"changed\":[\"state\",\"note\",\"closed_at\",\"closed_by\"]}",
                                cancellable, error);
}

/**
 * kefu_store_drop_lead:
 * @lead: an open lead, with the version it was read at and the reason in its note
 *
 * On success @lead becomes DROPPED, with its new version, the closing time and the stored note.
 *
 * Returns: %TRUE on success
 */
gboolean
kefu_store_drop_lead (KefuStore     *self,
                      KefuLead      *lead,
                      GCancellable  *cancellable,
                      GError       **error)
{
  Drop d = { .lead = lead };
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_LEAD (lead), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  d.note = _kefu_store_normalize_text (kefu_lead_get_note (lead));
  if (!_kefu_store_validate_text (_("Reason for dropping"), d.note, KEFU_TEXT_MAX_NOTES, TRUE,
                                  TRUE, error))
    {
      g_free (d.note);
      return FALSE;
    }

  ok = _kefu_store_write (self, drop_lead_txn, &d, cancellable, error);
  if (ok)
    {
      g_object_freeze_notify (G_OBJECT (lead));
      kefu_lead_set_note (lead, d.note);
      kefu_lead_set_state (lead, KEFU_LEAD_STATE_DROPPED);
      kefu_lead_set_closed_at (lead, d.closed_at);
      kefu_record_set_updated_at (KEFU_RECORD (lead), d.updated_at);
      kefu_record_set_version (KEFU_RECORD (lead), d.version);
      g_object_thaw_notify (G_OBJECT (lead));
    }
  g_free (d.note);
  g_clear_pointer (&d.updated_at, g_date_time_unref);
  g_clear_pointer (&d.closed_at, g_date_time_unref);
  return ok;
}
