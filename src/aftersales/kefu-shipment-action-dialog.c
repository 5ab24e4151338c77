/* kefu-shipment-action-dialog.c: the dialog of one shipment step.
 *
 * One dialog for every action: each shows only its own rows, so that the checks and their
 * messages stay the same everywhere. The fields are checked by what each must carry (the
 * message under the field), then by the step's rule (kefu_shipment_flow_check (), the same the
 * store applies) before anything is saved.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shipment-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-money.h"
#include "core/kefu-waybill.h"
#include "intake/kefu-form-field.h"
#include "widgets/kefu-date-row.h"

#include "kefu-shipment-action-dialog.h"
#include "kefu-shipment-list-cells.h"

struct _KefuShipmentActionDialog
{
  AdwDialog           parent_instance;

  KefuStore          *store;
  KefuStaff          *staff;
  KefuShipment       *shipment;
  KefuShipmentAction  action;
  GPtrArray          *carriers;     /* KefuCarrier, as listed in carrier_row after "Choose…" */
  GCancellable       *cancellable;
  gboolean            busy;
  /* The shipment is read again (after a conflict), rather than the change saved. */
  gboolean            reading;
  /* After the first press of apply every field shows its problem as it changes. */
  gboolean            tried;

  GtkButton          *apply_button;
  AdwBanner          *banner;
  AdwComboRow        *carrier_row;
  GtkBox             *content_box;
  AdwEntryRow        *amount_row;
  AdwEntryRow        *dispatch_row;
  AdwComboRow        *exception_row;
  AdwEntryRow        *expected_row;
  GtkLabel           *intro_label;
  AdwComboRow        *outcome_row;
  AdwComboRow        *receipt_row;
  AdwEntryRow        *ship_date_row;
  AdwSpinner         *spinner;
  AdwEntryRow        *text_row;
  AdwEntryRow        *waybill_row;
};

G_DEFINE_FINAL_TYPE (KefuShipmentActionDialog, kefu_shipment_action_dialog, ADW_TYPE_DIALOG)

enum {
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What each action's dialog says: its title, its apply button, the label of its text field
 * (NULL: none) and what the action does. */
typedef struct
{
  KefuShipmentAction  action;
  const char         *title;
  const char         *apply;
  const char         *text_title;
  const char         *explanation;
} ActionTexts;

static const ActionTexts action_texts[] = {
  { KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT, N_("Confirm the Payment"), N_("_Confirm"), NULL,
    N_("The money for this shipment has arrived: the shipment can go on to the dispatch note.") },
  { KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH, N_("Issue the Dispatch Note"), N_("_Issue"), NULL,
    N_("The dispatch note (发货单) goes with the copies to logistics and the warehouse.") },
  { KEFU_SHIPMENT_ACTION_HAND_OVER, N_("Hand Over"), N_("_Hand Over"), NULL,
    N_("The dispatch note’s copies went to logistics and the warehouse.") },
  { KEFU_SHIPMENT_ACTION_SHIP, N_("Record the Shipping"), N_("_Record"), NULL,
    N_("Who carries it, the waybill number from the parcel slip, and when it should arrive.") },
  { KEFU_SHIPMENT_ACTION_DELIVER, N_("Record the Delivery"), N_("_Record"), NULL,
    N_("The carrier delivered the goods to the customer.") },
  { KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT, N_("Confirm Receipt"), N_("_Confirm"), NULL,
    N_("The customer confirmed they received the goods.") },
  { KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION, N_("Report an Exception"), N_("_Report"),
    N_("What Happened, in Words"),
    N_("The goods were lost, damaged or refused on the way; the shipment waits until it is "
       "resolved.") },
  { KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION, N_("Resolve the Exception"), N_("_Resolve"),
    N_("How It Ended"),
    N_("Reship it with a new waybill, record it as delivered after all, or close it.") },
  { KEFU_SHIPMENT_ACTION_CANCEL, N_("Cancel the Shipment"), N_("Cancel _Shipment"),
    NC_("shipment action", "Reason"),
    N_("A cancelled shipment cannot be taken up again: file a new request if it is needed "
       "later.") },
  { KEFU_SHIPMENT_ACTION_ADD_NOTE, N_("Add a Note"), N_("_Add"), N_("Note"),
    N_("The note goes on the shipment’s timeline for everyone who works on it.") },
};

static const ActionTexts *
find_action_texts (KefuShipmentAction action)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_texts); i++)
    if (action_texts[i].action == action)
      return &action_texts[i];
  return NULL;
}

static gboolean
is_reshipping (KefuShipmentActionDialog *self)
{
  return self->action == KEFU_SHIPMENT_ACTION_SHIP ||
         (self->action == KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION &&
          adw_combo_row_get_selected (self->outcome_row) == KEFU_EXCEPTION_OUTCOME_RESHIPPED + 1);
}

static KefuCarrier *
chosen_carrier (KefuShipmentActionDialog *self)
{
  guint position = adw_combo_row_get_selected (self->carrier_row);

  if (self->carriers == NULL || position == 0 || position == GTK_INVALID_LIST_POSITION ||
      position > self->carriers->len)
    return NULL;
  return self->carriers->pdata[position - 1];
}

static char *
dup_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Checks the fields the action shows into `input` (its strings owned by `strings`), each
 * problem under its field as `check` says. */
static void
check_fields (KefuShipmentActionDialog *self,
              KefuShipmentActionInput  *input,
              gint64                   *carrier_id,
              GPtrArray                *strings,
              KefuFormCheck            *check)
{
  kefu_shipment_action_input_init (input);
  *carrier_id = 0;

  if (self->action == KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT)
    {
      g_autofree char *text = dup_trimmed (self->amount_row);
      g_autoptr(GError) error = NULL;

      if (*text == '\0')
        kefu_form_check_field (check, self->amount_row, _("Enter the amount received, in yuan."));
      else if (!kefu_money_parse (text, &input->amount_fen, &error))
        kefu_form_check_field (check, self->amount_row, error->message);
      else if (input->amount_fen <= 0)
        kefu_form_check_field (check, self->amount_row,
                               _("The amount received must be more than zero."));
      else
        kefu_form_check_field (check, self->amount_row, NULL);
    }

  if (self->action == KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH)
    {
      char *text = dup_trimmed (self->dispatch_row);

      g_ptr_array_add (strings, text);
      input->dispatch_number = *text != '\0' ? text : NULL;
      kefu_form_check_field (check, self->dispatch_row,
                             *text == '\0' ? _("Enter the dispatch note’s number.") : NULL);
    }

  if (self->action == KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION)
    {
      guint position = adw_combo_row_get_selected (self->outcome_row);

      if (position > 0 && position != GTK_INVALID_LIST_POSITION)
        input->outcome = position - 1;
      kefu_form_check_field (check, self->outcome_row,
                             position == 0 ? _("Choose how the exception ended.") : NULL);
    }

  if (is_reshipping (self))
    {
      KefuCarrier *carrier = chosen_carrier (self);
      char *waybill = dup_trimmed (self->waybill_row);
      g_autoptr(GError) day_error = NULL;
      g_autoptr(GError) error = NULL;

      g_ptr_array_add (strings, waybill);
      input->has_carrier = carrier != NULL;
      input->carrier_kind = carrier != NULL ? carrier->kind : KEFU_CARRIER_OTHER;
      input->waybill = *waybill != '\0' ? waybill : NULL;
      *carrier_id = carrier != NULL ? carrier->id : 0;

      kefu_form_check_field (check, self->carrier_row,
                             carrier == NULL ? _("Choose the carrier.") : NULL);
      /* The waybill is checked against the chosen carrier's form (any form without one). */
      if (!kefu_waybill_check (input->carrier_kind, waybill, &error))
        kefu_form_check_field (check, self->waybill_row, error->message);
      else
        kefu_form_check_field (check, self->waybill_row, NULL);

      if (kefu_date_row_is_empty (KEFU_DATE_ROW (self->ship_date_row)))
        kefu_form_check_field (check, self->ship_date_row, _("Enter the day it was shipped."));
      else if (!kefu_date_row_get_day (KEFU_DATE_ROW (self->ship_date_row), &input->ship_date,
                                       &day_error))
        kefu_form_check_field (check, self->ship_date_row, day_error->message);
      else
        kefu_form_check_field (check, self->ship_date_row, NULL);

      g_clear_error (&day_error);
      if (kefu_date_row_is_empty (KEFU_DATE_ROW (self->expected_row)))
        kefu_form_check_field (check, self->expected_row, _("Enter the day it should arrive."));
      else if (!kefu_date_row_get_day (KEFU_DATE_ROW (self->expected_row),
                                       &input->expected_arrival, &day_error))
        kefu_form_check_field (check, self->expected_row, day_error->message);
      else if (g_date_valid (&input->ship_date) &&
               g_date_compare (&input->expected_arrival, &input->ship_date) < 0)
        kefu_form_check_field (check, self->expected_row,
                               _("The expected arrival cannot be before the ship day."));
      else
        kefu_form_check_field (check, self->expected_row, NULL);
    }

  if (self->action == KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT)
    {
      input->receipt_method = adw_combo_row_get_selected (self->receipt_row);
      if (input->receipt_method > KEFU_RECEIPT_METHOD_OTHER)
        input->receipt_method = KEFU_RECEIPT_METHOD_UNSPECIFIED;
      kefu_form_check_field (check, self->receipt_row,
                             input->receipt_method == KEFU_RECEIPT_METHOD_UNSPECIFIED
                             ? _("Choose how the customer confirmed receipt.") : NULL);
    }

  if (self->action == KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION)
    {
      input->exception = adw_combo_row_get_selected (self->exception_row);
      if (input->exception > KEFU_SHIPMENT_EXCEPTION_REFUSED)
        input->exception = KEFU_SHIPMENT_EXCEPTION_NONE;
      kefu_form_check_field (check, self->exception_row,
                             input->exception == KEFU_SHIPMENT_EXCEPTION_NONE
                             ? _("Choose what happened to the goods.") : NULL);
    }

  if (gtk_widget_get_visible (GTK_WIDGET (self->text_row)))
    {
      char *text = dup_trimmed (self->text_row);

      g_ptr_array_add (strings, text);
      input->text = *text != '\0' ? text : NULL;
      kefu_form_check_field (check, self->text_row,
                             *text == '\0' ? _("This cannot be left empty.") : NULL);
    }
}

static void
set_refusal (KefuShipmentActionDialog *self,
             const char               *text,
             gboolean                  offer_reload)
{
  adw_banner_set_title (self->banner, text != NULL ? text : "");
  adw_banner_set_button_label (self->banner, offer_reload ? _("_Reload") : NULL);
  adw_banner_set_revealed (self->banner, text != NULL);
}

static void
set_busy (KefuShipmentActionDialog *self,
          gboolean                  busy)
{
  self->busy = busy;
  if (busy)
    kefu_form_field_release_focus (GTK_WIDGET (self->content_box));
  gtk_widget_set_sensitive (GTK_WIDGET (self->content_box), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  adw_dialog_set_can_close (ADW_DIALOG (self), !busy);
}

static void
field_changed_cb (KefuShipmentActionDialog *self)
{
  KefuShipmentActionInput input;
  g_autoptr(GPtrArray) strings = NULL;
  KefuFormCheck check;
  gint64 carrier_id;

  /* The rows notify while the dialog is torn down too. */
  if (self->shipment == NULL)
    return;
  strings = g_ptr_array_new_with_free_func (g_free);

  /* The outcome decides whether the carrier rows show. */
  if (self->action == KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION)
    {
      gboolean reship = is_reshipping (self);

      gtk_widget_set_visible (GTK_WIDGET (self->carrier_row), reship);
      gtk_widget_set_visible (GTK_WIDGET (self->waybill_row), reship);
      gtk_widget_set_visible (GTK_WIDGET (self->ship_date_row), reship);
      gtk_widget_set_visible (GTK_WIDGET (self->expected_row), reship);
    }

  kefu_form_check_init (&check, self->tried);
  check_fields (self, &input, &carrier_id, strings, &check);
}

/* The waybill is checked as it is typed: a wrong number shows its message at once. */
static void
waybill_changed_cb (KefuShipmentActionDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->waybill_row));
  KefuCarrier *carrier = chosen_carrier (self);
  g_autoptr(GError) error = NULL;

  /* Only a shipping has a waybill; the rows notify while the dialog is set up and torn down
   * too. */
  if (self->shipment == NULL || !is_reshipping (self) ||
      !kefu_form_field_is_field (GTK_WIDGET (self->waybill_row)))
    return;
  if (self->tried)
    {
      field_changed_cb (self);
      return;
    }
  if (*text != '\0' &&
      !kefu_waybill_check (carrier != NULL ? carrier->kind : KEFU_CARRIER_OTHER, text, &error))
    kefu_form_field_show_message (GTK_WIDGET (self->waybill_row), error->message);
  else
    kefu_form_field_show_message (GTK_WIDGET (self->waybill_row), NULL);
}

static void
validate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KefuShipmentActionDialog *self = KEFU_SHIPMENT_ACTION_DIALOG (widget);

  if (self->tried)
    field_changed_cb (self);
}

/* Saving */

static gpointer
change_func (KefuStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return kefu_store_change_shipment (store, data, cancellable, error);
}

static gpointer
read_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return kefu_store_get_shipment (store, *(gint64 *) data, cancellable, error);
}

/* The change saved, or the shipment read again after a conflict (`self->reading`). */
static void
shipment_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KefuShipmentActionDialog) self = user_data;
  g_autoptr(KefuShipment) shipment = NULL;
  g_autoptr(GError) error = NULL;
  gboolean reading = self->reading;

  shipment = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->reading = FALSE;
  set_busy (self, FALSE);
  if (shipment == NULL)
    {
      if (reading || g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_STALE_VERSION))
        set_refusal (self, reading ? error->message
                     : _("Someone else changed this shipment meanwhile. Reload it and save "
                         "again: what you typed stays."), TRUE);
      else
        set_refusal (self, error->message, FALSE);
      return;
    }

  if (reading)
    {
      /* The fields keep what was typed; the save goes against the version read now. */
      g_set_object (&self->shipment, shipment);
      set_refusal (self, NULL, FALSE);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_DONE], 0, shipment);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KefuShipmentActionDialog *self = KEFU_SHIPMENT_ACTION_DIALOG (widget);
  gint64 *id;

  if (self->busy)
    return;

  id = g_new (gint64, 1);
  *id = self->shipment->id;
  set_busy (self, TRUE);
  self->reading = TRUE;
  kefu_store_run_async (self->store, read_func, id, g_free, self->cancellable, shipment_cb,
                        g_object_ref (self));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  kefu_shipment_action_dialog_apply (KEFU_SHIPMENT_ACTION_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

/* Setting up */

static void
set_choices (AdwComboRow *row,
             const char  *first,
             const char **names,
             guint        n_names)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, first);
  for (guint i = 0; i < n_names; i++)
    gtk_string_list_append (list, names[i]);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (row, 0);
}

static void
show_row (KefuShipmentActionDialog *self,
          gpointer                  row,
          const char               *field_id)
{
  gtk_widget_set_visible (GTK_WIDGET (row), TRUE);
  kefu_form_field_setup (GTK_WIDGET (row), field_id);
}

static void
setup_for_action (KefuShipmentActionDialog *self)
{
  const ActionTexts *texts = find_action_texts (self->action);
  g_autofree char *intro = NULL;
  const char *customer = self->shipment->customer_name;

  g_return_if_fail (texts != NULL);

  /* Translators: the first line of a shipment step's dialog: the reference, the customer and
   * what the step means, e.g. "FH-20261127-0001 · 张三\nThe money for this shipment…". */
  intro = g_strdup_printf (_("%s · %s\n%s"), self->shipment->reference,
                           customer != NULL ? customer : "", _(texts->explanation));
  adw_dialog_set_title (ADW_DIALOG (self), _(texts->title));
  gtk_label_set_label (self->intro_label, intro);
  gtk_button_set_label (self->apply_button, _(texts->apply));

  switch (self->action)
    {
    case KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT:
      show_row (self, self->amount_row, "amount");
      break;

    case KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH:
      show_row (self, self->dispatch_row, "dispatch");
      break;

    case KEFU_SHIPMENT_ACTION_RESOLVE_EXCEPTION:
      {
        const char *outcomes[] = {
          kefu_exception_outcome_get_display_name (KEFU_EXCEPTION_OUTCOME_RESHIPPED),
          kefu_exception_outcome_get_display_name (KEFU_EXCEPTION_OUTCOME_DELIVERED),
          kefu_exception_outcome_get_display_name (KEFU_EXCEPTION_OUTCOME_CLOSED),
        };

        set_choices (self->outcome_row, _("Choose…"), outcomes, G_N_ELEMENTS (outcomes));
        show_row (self, self->outcome_row, "outcome");
      }
      G_GNUC_FALLTHROUGH;
    case KEFU_SHIPMENT_ACTION_SHIP:
      {
        g_autoptr(GPtrArray) names = g_ptr_array_new ();
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();
        g_autoptr(GDateTime) later = g_date_time_add_days (now, 3);
        g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
        g_autofree char *arrival = g_date_time_format (later, "%Y-%m-%d");

        for (guint i = 0; self->carriers != NULL && i < self->carriers->len; i++)
          g_ptr_array_add (names, ((KefuCarrier *) self->carriers->pdata[i])->name);
        set_choices (self->carrier_row, _("Choose…"), (const char **) names->pdata, names->len);
        show_row (self, self->carrier_row, "carrier");
        show_row (self, self->waybill_row, "waybill");
        show_row (self, self->ship_date_row, "ship-date");
        show_row (self, self->expected_row, "expected");
        /* Most shipments are recorded the day they leave; three days is a common transit. */
        gtk_editable_set_text (GTK_EDITABLE (self->ship_date_row), today);
        gtk_editable_set_text (GTK_EDITABLE (self->expected_row), arrival);
      }
      break;

    case KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT:
      {
        const char *methods[] = {
          kefu_receipt_method_get_display_name (KEFU_RECEIPT_METHOD_PHONE),
          kefu_receipt_method_get_display_name (KEFU_RECEIPT_METHOD_SIGNED_SLIP),
          kefu_receipt_method_get_display_name (KEFU_RECEIPT_METHOD_OTHER),
        };

        set_choices (self->receipt_row, _("Choose…"), methods, G_N_ELEMENTS (methods));
        show_row (self, self->receipt_row, "receipt");
      }
      break;

    case KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION:
      {
        const char *kinds[] = {
          kefu_shipment_exception_get_display_name (KEFU_SHIPMENT_EXCEPTION_LOST),
          kefu_shipment_exception_get_display_name (KEFU_SHIPMENT_EXCEPTION_DAMAGED),
          kefu_shipment_exception_get_display_name (KEFU_SHIPMENT_EXCEPTION_REFUSED),
        };

        set_choices (self->exception_row, _("Choose…"), kinds, G_N_ELEMENTS (kinds));
        show_row (self, self->exception_row, "exception");
      }
      break;

    case KEFU_SHIPMENT_ACTION_HAND_OVER:
    case KEFU_SHIPMENT_ACTION_DELIVER:
    case KEFU_SHIPMENT_ACTION_CANCEL:
    case KEFU_SHIPMENT_ACTION_ADD_NOTE:
    case KEFU_SHIPMENT_ACTION_EDIT_DETAILS:
    default:
      break;
    }

  if (texts->text_title != NULL)
    {
      const char *title = self->action == KEFU_SHIPMENT_ACTION_CANCEL
                          ? g_dpgettext2 (GETTEXT_PACKAGE, "shipment action", texts->text_title)
                          : _(texts->text_title);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->text_row), title);
      show_row (self, self->text_row, "text");
    }
  /* The resolution shows the carrier rows only for a reshipping. */
  field_changed_cb (self);
}

/* Overrides */

static void
kefu_shipment_action_dialog_dispose (GObject *object)
{
  KefuShipmentActionDialog *self = KEFU_SHIPMENT_ACTION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* First: the rows' signals check nothing once it is gone. */
  g_clear_object (&self->shipment);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_SHIPMENT_ACTION_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->staff);
  g_clear_pointer (&self->carriers, g_ptr_array_unref);

  G_OBJECT_CLASS (kefu_shipment_action_dialog_parent_class)->dispose (object);
}

static void
kefu_shipment_action_dialog_class_init (KefuShipmentActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_shipment_action_dialog_dispose;

  /* The date rows are in the template. */
  g_type_ensure (KEFU_TYPE_DATE_ROW);

  signals[SIGNAL_DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KEFU_TYPE_SHIPMENT);

  gtk_widget_class_install_action (widget_class, "shipment-action.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "shipment-action.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "shipment-action.reload", NULL, reload_action);
  /* The fields ask their form to check them again when they are left (kefu-form-field.h). */
  gtk_widget_class_install_action (widget_class, KEFU_FORM_FIELD_VALIDATE_ACTION, NULL,
                                   validate_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-shipment-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentActionDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentActionDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentActionDialog, banner);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentActionDialog, carrier_row);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentActionDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentActionDialog, dispatch_row);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentActionDialog, exception_row);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentActionDialog, expected_row);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentActionDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentActionDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentActionDialog, receipt_row);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentActionDialog, ship_date_row);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentActionDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentActionDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, KefuShipmentActionDialog, waybill_row);
}

static void
kefu_shipment_action_dialog_init (KefuShipmentActionDialog *self)
{
  AdwEntryRow *entries[5];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  entries[0] = self->amount_row;
  entries[1] = self->dispatch_row;
  entries[2] = self->ship_date_row;
  entries[3] = self->expected_row;
  entries[4] = self->text_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_object (entries[i], "changed", G_CALLBACK (field_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->waybill_row, "changed", G_CALLBACK (waybill_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->carrier_row, "notify::selected", G_CALLBACK (waybill_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outcome_row, "notify::selected", G_CALLBACK (field_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->receipt_row, "notify::selected", G_CALLBACK (field_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->exception_row, "notify::selected", G_CALLBACK (field_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

KefuShipmentActionDialog *
kefu_shipment_action_dialog_new (KefuStore          *store,
                                 KefuStaff          *staff,
                                 KefuShipment       *shipment,
                                 KefuShipmentAction  action,
                                 GPtrArray          *carriers)
{
  KefuShipmentActionDialog *self;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (KEFU_IS_STAFF (staff), NULL);
  g_return_val_if_fail (KEFU_IS_SHIPMENT (shipment), NULL);
  g_return_val_if_fail (find_action_texts (action) != NULL, NULL);

  self = g_object_new (KEFU_TYPE_SHIPMENT_ACTION_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->staff = g_object_ref (staff);
  self->shipment = g_object_ref (shipment);
  self->action = action;
  self->carriers = carriers != NULL ? g_ptr_array_ref (carriers) : NULL;
  setup_for_action (self);
  return self;
}

KefuShipmentAction
kefu_shipment_action_dialog_get_action (KefuShipmentActionDialog *self)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_ACTION_DIALOG (self), KEFU_SHIPMENT_ACTION_ADD_NOTE);

  return self->action;
}

gboolean
kefu_shipment_action_dialog_get_busy (KefuShipmentActionDialog *self)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_ACTION_DIALOG (self), FALSE);

  return self->busy;
}

void
kefu_shipment_action_dialog_set_text (KefuShipmentActionDialog *self,
                                      const char               *field,
                                      const char               *text)
{
  g_return_if_fail (KEFU_IS_SHIPMENT_ACTION_DIALOG (self));

  kefu_form_field_set_text_under (GTK_WIDGET (self->content_box), field, text);
}

const char *
kefu_shipment_action_dialog_get_text (KefuShipmentActionDialog *self,
                                      const char               *field)
{
  GtkWidget *widget;

  g_return_val_if_fail (KEFU_IS_SHIPMENT_ACTION_DIALOG (self), NULL);

  widget = kefu_form_field_find_under (GTK_WIDGET (self->content_box), field);
  g_return_val_if_fail (GTK_IS_EDITABLE (widget), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (widget));
}

void
kefu_shipment_action_dialog_set_choice (KefuShipmentActionDialog *self,
                                        const char               *field,
                                        guint                     position)
{
  GtkWidget *widget;

  g_return_if_fail (KEFU_IS_SHIPMENT_ACTION_DIALOG (self));

  widget = kefu_form_field_find_under (GTK_WIDGET (self->content_box), field);
  g_return_if_fail (ADW_IS_COMBO_ROW (widget));
  adw_combo_row_set_selected (ADW_COMBO_ROW (widget), position);
}

gboolean
kefu_shipment_action_dialog_set_carrier (KefuShipmentActionDialog *self,
                                         const char               *name)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_ACTION_DIALOG (self), FALSE);

  for (guint i = 0; self->carriers != NULL && i < self->carriers->len; i++)
    if (g_strcmp0 (((KefuCarrier *) self->carriers->pdata[i])->name, name) == 0)
      {
        adw_combo_row_set_selected (self->carrier_row, i + 1);
        return TRUE;
      }
  return FALSE;
}

gboolean
kefu_shipment_action_dialog_apply (KefuShipmentActionDialog *self)
{
  KefuShipmentActionInput input;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KefuShipmentChange) change = NULL;
  g_autoptr(GError) error = NULL;
  KefuFormCheck check;
  gint64 carrier_id;

  g_return_val_if_fail (KEFU_IS_SHIPMENT_ACTION_DIALOG (self), FALSE);

  if (self->busy)
    return FALSE;

  self->tried = TRUE;
  kefu_form_check_init (&check, TRUE);
  check_fields (self, &input, &carrier_id, strings, &check);
  if (check.n_problems > 0)
    {
      kefu_form_field_focus (check.first);
      return FALSE;
    }

  /* The step's own rule, as the store will apply it: said here, before anything is sent. */
  if (!kefu_shipment_flow_check (self->action, self->shipment->step,
                                 kefu_staff_get_role (self->staff), &input, &error))
    {
      set_refusal (self, error->message, FALSE);
      return FALSE;
    }

  change = kefu_shipment_change_new (self->action, self->shipment->id, self->shipment->version);
  change->text = g_strdup (input.text);
  change->amount_fen = input.amount_fen;
  change->dispatch_number = g_strdup (input.dispatch_number);
  change->carrier_id = carrier_id;
  change->waybill = input.waybill != NULL ? kefu_waybill_normalize (input.waybill) : NULL;
  change->ship_date = input.ship_date;
  change->expected_arrival = input.expected_arrival;
  change->receipt_method = input.receipt_method;
  change->exception = input.exception;
  change->outcome = input.outcome;

  set_refusal (self, NULL, FALSE);
  set_busy (self, TRUE);
  kefu_store_run_async (self->store, change_func, g_steal_pointer (&change),
                        (GDestroyNotify) kefu_shipment_change_free, self->cancellable,
                        shipment_cb, g_object_ref (self));
  return TRUE;
}

const char *
kefu_shipment_action_dialog_get_message (KefuShipmentActionDialog *self,
                                         const char               *field)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_ACTION_DIALOG (self), NULL);

  return kefu_form_field_get_message_under (GTK_WIDGET (self->content_box), field);
}

const char *
kefu_shipment_action_dialog_get_refusal (KefuShipmentActionDialog *self)
{
  g_return_val_if_fail (KEFU_IS_SHIPMENT_ACTION_DIALOG (self), NULL);

  return adw_banner_get_revealed (self->banner) ? adw_banner_get_title (self->banner) : NULL;
}
