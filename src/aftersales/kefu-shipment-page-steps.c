/* kefu-shipment-page-steps.c: the shipment page's head, its steps with who and when, and its
 * product lines, filled from what was read.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shipment-page"

#include "config.h"

#include <glib/gi18n.h>

#include "complaints/kefu-detail-format.h"
#include "core/kefu-enums.h"
#include "core/kefu-money.h"
#include "core/kefu-phone.h"
#include "core/kefu-waybill.h"

#include "kefu-shipment-list-cells.h"
#include "kefu-shipment-page-private.h"

void
_kefu_shipment_page_show_head (KefuShipmentPage *self)
{
  KefuShipment *shipment = self->shipment;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *heading = NULL;
  g_autofree char *step = kefu_shipment_format_step (shipment);
  g_autofree char *attention = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);

  /* Translators: the head of a shipment's page: its reference and the customer,
   * "FH-20261127-0003 · 张三". */
  heading = g_strdup_printf (_("%s · %s"), shipment->reference,
                             shipment->customer_name != NULL ? shipment->customer_name : "");
  gtk_label_set_label (self->heading_label, heading);
  gtk_label_set_label (self->step_label, step);
  /* The step already says "Exception": beside the warning sign only its kind, so the head states
   * it once ("Exception ⚠ Damaged") where the list's cell needs both words. */
  if (shipment->step == KEFU_SHIPMENT_STEP_EXCEPTION)
    attention = g_strdup (kefu_shipment_exception_get_display_name (shipment->exception));
  else
    attention = kefu_shipment_format_attention (shipment, now);
  gtk_level_bar_set_value (self->step_bar, kefu_shipment_way_position (shipment, NULL));

  gtk_widget_set_visible (GTK_WIDGET (self->attention_box), attention != NULL);
  gtk_label_set_label (self->attention_label, attention != NULL ? attention : "");
  gtk_image_set_from_icon_name (self->attention_icon,
                                shipment->step == KEFU_SHIPMENT_STEP_EXCEPTION
                                ? "dialog-warning-symbolic" : "alarm-symbolic");

  if (shipment->customer_phone != NULL)
    {
      g_autofree char *phone = kefu_phone_format (shipment->customer_phone);

      g_string_append (summary, phone != NULL ? phone : shipment->customer_phone);
    }
  if (shipment->address != NULL)
    /* Translators: between the customer's phone and the delivery address under a shipment's
     * heading. */
    g_string_append_printf (summary, "%s%s", summary->len > 0 ? _(" · ") : "", shipment->address);
  gtk_label_set_label (self->summary_label, summary->str);
}

/* One step's row: its name, then who and when (or "Not yet"), then what it carried, each on a
 * line of its own. */
static GtkWidget *
add_step_row (KefuShipmentPage *self,
              KefuShipmentStep  step,
              const char       *title,
              GDateTime        *at,
              const char       *by,
              const char       *details)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (at != NULL)
    {
      g_autofree char *when = kefu_detail_format_local_time (at);

      /* Translators: who took a shipment's step and when: "王芳 · 2026-11-27 10:02". */
      g_string_append_printf (subtitle, _("%s · %s"), by != NULL && *by != '\0' ? by : _("Kefu"),
                              when);
    }
  else
    /* Translators: a step of a shipment not taken yet. */
    g_string_append (subtitle, _("Not yet"));
  if (details != NULL && *details != '\0')
    g_string_append_printf (subtitle, "\n%s", details);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);

  icon = g_object_new (GTK_TYPE_IMAGE,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       "icon-name",
                       at != NULL ? "object-select-symbolic" : "content-loading-symbolic",
                       NULL);
  if (at == NULL)
    {
      gtk_widget_add_css_class (icon, "dim-label");
      gtk_widget_add_css_class (row, "dim-label");
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "kefu-step-icon", icon);

  g_object_set_data (G_OBJECT (row), "kefu-step", GINT_TO_POINTER (step + 1));
  gtk_list_box_append (self->steps_list, row);
  return row;
}

static void
track_clicked_cb (GtkButton        *button,
                  KefuShipmentPage *self)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "kefu-uri");
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                           NULL, NULL);
}

static char *
shipped_details (KefuShipment *shipment)
{
  g_autofree char *ship_date = kefu_shipment_format_day (&shipment->ship_date);
  g_autofree char *expected = kefu_shipment_format_day (&shipment->expected_arrival);

  if (shipment->carrier_name == NULL)
    return NULL;
  /* Translators: a shipment's carriage on its page: "顺丰速运, waybill SF1234567890123\nShipped
   * 2026-11-20, expected 2026-11-23". */
  return g_strdup_printf (_("%s, waybill %s\nShipped %s, expected %s"), shipment->carrier_name,
                          shipment->waybill != NULL ? shipment->waybill : "—",
                          ship_date, expected);
}

void
_kefu_shipment_page_show_steps (KefuShipmentPage *self)
{
  KefuShipment *s = self->shipment;
  g_autofree char *requested = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *dispatch = NULL;
  g_autofree char *shipped = shipped_details (s);
  g_autofree char *received = NULL;
  GtkWidget *row;

  gtk_list_box_remove_all (self->steps_list);

  /* Translators: who filed the shipping request for whom, on its step. */
  requested = g_strdup_printf (_("Account manager: %s"),
                               s->account_manager_name != NULL ? s->account_manager_name : "—");
  add_step_row (self, KEFU_SHIPMENT_STEP_REQUESTED,
                kefu_shipment_step_get_display_name (KEFU_SHIPMENT_STEP_REQUESTED),
                s->requested_at, s->requested_by_name, requested);

  if (s->payment_confirmed_at != NULL)
    {
      g_autofree char *money = kefu_money_format (s->payment_amount_fen);

      /* Translators: the payment confirmed by finance: "Amount received: ¥12,500.00". */
      amount = g_strdup_printf (_("Amount received: %s"), money);
    }
  add_step_row (self, KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED,
                kefu_shipment_step_get_display_name (KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED),
                s->payment_confirmed_at, s->payment_confirmed_by_name, amount);

  if (s->dispatch_note_number != NULL)
    /* Translators: the 《发货单》 number on its step. */
    dispatch = g_strdup_printf (_("Dispatch note No. %s"), s->dispatch_note_number);
  add_step_row (self, KEFU_SHIPMENT_STEP_DISPATCH_ISSUED,
                kefu_shipment_step_get_display_name (KEFU_SHIPMENT_STEP_DISPATCH_ISSUED),
                s->dispatch_issued_at, s->dispatch_issued_by_name, dispatch);

  add_step_row (self, KEFU_SHIPMENT_STEP_HANDED_OVER,
                kefu_shipment_step_get_display_name (KEFU_SHIPMENT_STEP_HANDED_OVER),
                s->handed_over_at, s->handed_over_by_name, NULL);

  row = add_step_row (self, KEFU_SHIPMENT_STEP_SHIPPED,
                      kefu_shipment_step_get_display_name (KEFU_SHIPMENT_STEP_SHIPPED),
                      s->shipped_at, s->shipped_by_name, shipped);
  if (s->waybill != NULL && s->tracking_template != NULL)
    {
      g_autofree char *uri = kefu_waybill_tracking_uri (s->tracking_template, s->waybill);

      if (uri != NULL)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Track"));

          /* Translators: the tooltip of the button that opens the carrier's tracking page. */
          gtk_widget_set_tooltip_text (button, _("Open the carrier’s tracking page"));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (button), "kefu-uri", g_steal_pointer (&uri), g_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (track_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
    }

  add_step_row (self, KEFU_SHIPMENT_STEP_DELIVERED,
                kefu_shipment_step_get_display_name (KEFU_SHIPMENT_STEP_DELIVERED),
                s->delivered_at, s->delivered_by_name, NULL);

  if (s->received_at != NULL)
    /* Translators: how the customer confirmed receipt: "Confirmed by: Phone call". */
    received = g_strdup_printf (_("Confirmed by: %s"),
                                kefu_receipt_method_get_display_name (s->receipt_method));
  add_step_row (self, KEFU_SHIPMENT_STEP_RECEIVED,
                kefu_shipment_step_get_display_name (KEFU_SHIPMENT_STEP_RECEIVED),
                s->received_at, s->received_by_name, received);

  if (s->exception != KEFU_SHIPMENT_EXCEPTION_NONE)
    {
      const char *kind = kefu_shipment_exception_get_display_name (s->exception);
      g_autofree char *title = g_strdup_printf (_("Exception: %s"), kind);
      g_autoptr(GString) details = g_string_new (s->exception_reason);

      if (s->exception_resolution != NULL)
        /* Translators: how a shipment's exception ended, under it. */
        g_string_append_printf (details, "\n%s", s->exception_resolution);
      row = add_step_row (self, KEFU_SHIPMENT_STEP_EXCEPTION, title, s->exception_at,
                          s->exception_by_name, details->str);
      /* A tick would read as "done": the exception gets a warning sign, red while the
       * shipment is still in it. */
      if (s->exception_at != NULL)
        {
          GtkWidget *icon = g_object_get_data (G_OBJECT (row), "kefu-step-icon");

          gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-warning-symbolic");
          gtk_widget_add_css_class (icon, s->step == KEFU_SHIPMENT_STEP_EXCEPTION ? "error"
                                                                                  : "warning");
        }
      if (s->step == KEFU_SHIPMENT_STEP_EXCEPTION)
        gtk_widget_add_css_class (row, "error");
    }

  if (s->cancelled_at != NULL)
    add_step_row (self, KEFU_SHIPMENT_STEP_CANCELLED,
                  kefu_shipment_step_get_display_name (KEFU_SHIPMENT_STEP_CANCELLED),
                  s->cancelled_at, NULL, s->cancel_reason);
}

void
_kefu_shipment_page_show_lines (KefuShipmentPage *self)
{
  GPtrArray *lines = self->shipment->lines;

  gtk_list_box_remove_all (self->lines_list);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      KefuShipmentLine *line = lines->pdata[i];
      g_autofree char *produced = kefu_shipment_format_day (&line->production_date);
      g_autofree char *subtitle = NULL;
      g_autofree char *quantity = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label;

      /* Translators: a shipped product's serial (产品编号) and production date
       * (生产日期). */
      subtitle = g_strdup_printf (_("Serial %s · produced %s"),
                                  line->serial != NULL ? line->serial : "—",
                                  *produced != '\0' ? produced : "—");
      /* Translators: a product line's quantity, "× 2". */
      quantity = g_strdup_printf (_("× %u"), line->quantity);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->product_name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
      label = gtk_label_new (quantity);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->lines_list, row);
    }
}

GtkWidget *
_kefu_shipment_page_find_step (KefuShipmentPage *self,
                               KefuShipmentStep  step)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kefu-step")) == (int) step + 1)
      return row;
  return NULL;
}
