/* kefu-call-form-bind.c: the call form follows its call: the detail records of the kind shown,
 * the order's lines, the received time as text, and every change of them, which is the clerk's
 * unless the form itself is setting the call up.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-call-form"

#include "config.h"

#include "kefu-call-form-private.h"
#include "kefu-form-field.h"

/* "2026-11-27 09:41", in local time. */
static char *
format_received_at (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

void
_kefu_call_form_sync_received (KefuCallForm *self)
{
  GDateTime *received_at = self->call != NULL ? kefu_call_get_received_at (self->call) : NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->received_row));
  g_autoptr(GDateTime) shown = kefu_call_form_parse_received_at (text, NULL);
  g_autofree char *new_text = NULL;

  /* Text that means the same minute stays as the clerk typed it. */
  if (shown != NULL && received_at != NULL
      && g_date_time_to_unix (shown) / 60 == g_date_time_to_unix (received_at) / 60)
    return;

  new_text = format_received_at (received_at);
  self->syncing_received = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->received_row), new_text);
  self->syncing_received = FALSE;
  kefu_form_field_set_parse_error (GTK_WIDGET (self->received_row), NULL);
}

/* Something of the call changed: by the clerk, unless the form itself is setting it up. */
static void
call_changed (KefuCallForm *self)
{
  gboolean was_blank = self->blank;

  if (self->loading || self->call == NULL)
    return;

  _kefu_call_form_update_blank (self);

  /* A call starts when the clerk starts recording it, not when the form was emptied after the
   * previous one: the received time moves to now on the first edit, unless it was typed. */
  if (was_blank && !self->blank && !self->received_edited)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      self->loading = TRUE;
      kefu_call_set_received_at (self->call, now);
      self->loading = FALSE;
    }

  _kefu_call_form_emit_changed (self);
  _kefu_call_form_schedule_validation (self);
}

static void
line_notify_cb (KefuCallForm *self)
{
  call_changed (self);
}

static void
watch_lines (KefuCallForm *self,
             guint         position,
             guint         added)
{
  GListModel *lines = G_LIST_MODEL (kefu_order_get_lines (self->watched_order));

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(KefuOrderLine) line = g_list_model_get_item (lines, i);

      g_signal_connect_object (line, "notify", G_CALLBACK (line_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
lines_changed_cb (KefuCallForm *self,
                  guint         position,
                  guint         removed,
                  guint         added,
                  GListModel   *lines)
{
  watch_lines (self, position, added);
  call_changed (self);
}

void
_kefu_call_form_set_watched_order (KefuCallForm *self,
                                   KefuOrder    *order)
{
  if (self->watched_order == order)
    return;

  if (self->watched_order != NULL)
    {
      GListModel *lines = G_LIST_MODEL (kefu_order_get_lines (self->watched_order));
      guint n = g_list_model_get_n_items (lines);

      g_signal_handlers_disconnect_by_data (lines, self);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KefuOrderLine) line = g_list_model_get_item (lines, i);

          g_signal_handlers_disconnect_by_data (line, self);
        }
    }

  g_set_object (&self->watched_order, order);

  if (order != NULL)
    {
      GListModel *lines = G_LIST_MODEL (kefu_order_get_lines (order));

      g_signal_connect_object (lines, "items-changed", G_CALLBACK (lines_changed_cb), self,
                               G_CONNECT_SWAPPED);
      watch_lines (self, 0, g_list_model_get_n_items (lines));
    }
}

void
_kefu_call_form_bind_details (KefuCallForm *self)
{
  KefuOrder *order = self->call != NULL ? kefu_call_get_order (self->call) : NULL;
  KefuComplaint *complaint = self->call != NULL ? kefu_call_get_complaint (self->call) : NULL;
  KefuInquiry *inquiry = self->call != NULL ? kefu_call_get_inquiry (self->call) : NULL;

  g_signal_group_set_target (self->order_signals, order);
  g_signal_group_set_target (self->complaint_signals, complaint);
  g_signal_group_set_target (self->inquiry_signals, inquiry);
  _kefu_call_form_set_watched_order (self, order);

  kefu_order_form_set_caller_address (self->order_form,
                                      self->call != NULL ? kefu_call_get_address (self->call) : NULL);
  kefu_order_form_set_order (self->order_form, order);
  kefu_complaint_form_set_complaint (self->complaint_form, complaint);
  kefu_inquiry_form_set_inquiry (self->inquiry_form, inquiry);
}

void
_kefu_call_form_call_notify_cb (KefuCallForm *self,
                                GParamSpec   *pspec,
                                KefuCall     *call)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "address"))
    kefu_order_form_set_caller_address (self->order_form, kefu_call_get_address (call));
  else if (g_str_equal (name, "received-at"))
    _kefu_call_form_sync_received (self);
  else if (g_str_equal (name, "clerk-name"))
    _kefu_call_form_update_clerk (self);
  else if (g_str_equal (name, "customer-id"))
    _kefu_call_form_update_known (self);
  else if (g_str_equal (name, "kind"))
    _kefu_call_form_update_kind (self);
  else if (g_str_equal (name, "order") || g_str_equal (name, "complaint")
           || g_str_equal (name, "inquiry"))
    {
      gboolean loading = self->loading;

      /* Showing another detail record changes nothing by itself (the order form may guess
       * the district of a restored address). */
      self->loading = TRUE;
      _kefu_call_form_bind_details (self);
      self->loading = loading;
    }

  call_changed (self);
}

void
_kefu_call_form_detail_notify_cb (KefuCallForm *self)
{
  call_changed (self);
}

void
_kefu_call_form_received_changed_cb (KefuCallForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) received_at = NULL;
  const char *text;

  if (self->syncing_received || self->call == NULL)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->received_row));
  self->received_edited = TRUE;

  /* An empty field is for the call's validation to ask about once the clerk left it. */
  if (*text == '\0')
    {
      kefu_call_set_received_at (self->call, NULL);
      kefu_form_field_set_parse_error (GTK_WIDGET (self->received_row), NULL);
      return;
    }

  received_at = kefu_call_form_parse_received_at (text, &error);
  if (received_at != NULL)
    {
      self->syncing_received = TRUE;
      kefu_call_set_received_at (self->call, received_at);
      self->syncing_received = FALSE;
    }
  kefu_form_field_set_parse_error (GTK_WIDGET (self->received_row),
                                   error != NULL ? error->message : NULL);
}
