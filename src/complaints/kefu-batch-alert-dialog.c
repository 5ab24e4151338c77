/* kefu-batch-alert-dialog.c: the flagged batches and their complaints.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-batch-alert-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "store/kefu-store-complaints.h"
#include "widgets/kefu-list-loader.h"

#include "kefu-batch-alert-dialog.h"
#include "kefu-detail-format.h"

struct _KefuBatchAlertDialog
{
  AdwDialog        parent_instance;

  AdwPreferencesPage *page;
  AdwToastOverlay *toast_overlay;

  KefuStore       *store;
  KefuStaff       *staff;
  GCancellable    *cancellable;
  GPtrArray       *groups;    /* AdwPreferencesGroup shown */
  gboolean         busy;
};

G_DEFINE_FINAL_TYPE (KefuBatchAlertDialog, kefu_batch_alert_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_COMPLAINT,
  ALERTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the worker reads: the open alerts, and for each the cards of its complaints. */
typedef struct
{
  KefuBatchAlertDialog *self;   /* a reference, dropped by the callback */
  GPtrArray            *alerts; /* KefuBatchAlert */
  GPtrArray            *cards;  /* GPtrArray of KefuComplaintCard, one per alert */
} AlertsRead;

static void
alerts_read_free (AlertsRead *read)
{
  g_clear_object (&read->self);
  g_clear_pointer (&read->alerts, g_ptr_array_unref);
  g_clear_pointer (&read->cards, g_ptr_array_unref);
  g_free (read);
}

static void
set_busy (KefuBatchAlertDialog *self,
          gboolean              busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
kefu_batch_alert_can_take_note (KefuStaff *staff)
{
  KefuRole role;

  if (staff == NULL)
    return FALSE;

  role = kefu_staff_get_role (staff);
  return role == KEFU_ROLE_QC_MANAGER || role == KEFU_ROLE_CS_MANAGER ||
         role == KEFU_ROLE_GM_OFFICE || role == KEFU_ROLE_ADMINISTRATOR;
}

static gpointer
read_alerts_func (KefuStore     *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  AlertsRead *read = data;

  read->alerts = kefu_store_list_batch_alerts (store, TRUE, cancellable, error);
  if (read->alerts == NULL)
    return NULL;

  read->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < read->alerts->len; i++)
    {
      KefuBatchAlert *alert = read->alerts->pdata[i];
      g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
      g_autoptr(GArray) ids = NULL;
      GPtrArray *cards;

      filter->product_id = alert->product_id;
      filter->batch_key = g_strdup (alert->batch_key);
      ids = kefu_store_list_complaint_ids (store, filter, KEFU_COMPLAINT_SORT_RECEIVED, FALSE,
                                           cancellable, error);
      if (ids == NULL)
        return NULL;
      cards = kefu_store_get_complaint_cards (store, (const gint64 *) (gpointer) ids->data, ids->len,
                                              cancellable, error);
      if (cards == NULL)
        return NULL;
      g_ptr_array_add (read->cards, cards);
    }

  return NULL;
}

static void
complaint_row_activated_cb (AdwActionRow         *row,
                            KefuBatchAlertDialog *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "kefu-complaint-id"));

  g_signal_emit (self, signals[OPEN_COMPLAINT], 0, id);
  adw_dialog_close (ADW_DIALOG (self));
}

/* Taking note */

typedef struct
{
  KefuBatchAlertDialog *self;
  gint64                alert_id;
  gint64                version;
  char                 *note;
} TakeNote;

static void
take_note_free (TakeNote *take)
{
  g_clear_object (&take->self);
  g_free (take->note);
  g_free (take);
}

static gpointer
take_note_func (KefuStore     *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  TakeNote *take = data;

  if (!kefu_store_acknowledge_batch_alert (store, take->alert_id, take->version, take->note,
                                           cancellable, error))
    return NULL;
  /* Any object says it worked. */
  return g_object_new (G_TYPE_OBJECT, NULL);
}

static void
take_note_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TakeNote *take = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) done = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  KefuBatchAlertDialog *self = take->self;

  if (done == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        kefu_toast_overlay_add_error (self->toast_overlay, error->message);
    }
  else
    {
      g_signal_emit (self, signals[ALERTS_CHANGED], 0);
      kefu_batch_alert_dialog_reload (self);
    }
  take_note_free (take);
}

static void
note_response_cb (AdwAlertDialog       *alert_dialog,
                  const char           *response,
                  KefuBatchAlertDialog *self)
{
  AdwEntryRow *entry = g_object_get_data (G_OBJECT (alert_dialog), "kefu-note-entry");
  TakeNote *take;

  if (g_strcmp0 (response, "take-note") != 0 || self->store == NULL)
    return;

  take = g_new0 (TakeNote, 1);
  take->self = g_object_ref (self);
  take->alert_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (alert_dialog), "kefu-alert-id"));
  take->version = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (alert_dialog), "kefu-alert-version"));
  take->note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  kefu_store_run_async (self->store, take_note_func, take, NULL, self->cancellable, take_note_cb, take);
}

static void
note_changed_cb (GtkEditable    *entry,
                 AdwAlertDialog *alert_dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_alert_dialog_set_response_enabled (alert_dialog, "take-note", *text != '\0');
}

static void
take_note_clicked_cb (GtkButton            *button,
                      KefuBatchAlertDialog *self)
{
  const char *title = g_object_get_data (G_OBJECT (button), "kefu-alert-title");
  AdwDialog *dialog;
  GtkWidget *list;
  GtkWidget *entry;
  g_autofree char *body = NULL;

  /* Translators: the question when the QC manager takes note of a batch alert; %s is the product
   * and its batch, e.g. "鲜牛奶 batch 20261101A". */
  body = g_strdup_printf (_("Say what is done about %s (checked, withdrawn, sent to the lab…). "
                            "The alert then leaves the board."),
                          title);
  dialog = adw_alert_dialog_new (_("Take Note of the Alert"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "take-note", _("_Take Note"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "take-note",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "take-note");
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (dialog), "take-note", FALSE);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Note"));
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), list);
  g_signal_connect_object (entry, "changed", G_CALLBACK (note_changed_cb), dialog, 0);

  g_object_set_data (G_OBJECT (dialog), "kefu-note-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "kefu-alert-id",
                     g_object_get_data (G_OBJECT (button), "kefu-alert-id"));
  g_object_set_data (G_OBJECT (dialog), "kefu-alert-version",
                     g_object_get_data (G_OBJECT (button), "kefu-alert-version"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (note_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* Showing what was read */

static GtkWidget *
make_complaint_row (KefuBatchAlertDialog *self,
                    KefuComplaintCard    *card)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *received = kefu_detail_format_local_time (kefu_complaint_card_get_received_at (card));
  g_autofree char *subtitle = NULL;

  /* Translators: a linked complaint in the batch alert dialog: its reference and customer. */
  title = g_strdup_printf (_("%s · %s"), kefu_complaint_card_get_reference (card),
                           kefu_complaint_card_get_customer_name (card));
  /* Translators: under a linked complaint: its stage and when it was received. */
  subtitle = g_strdup_printf (_("%s · received %s"),
                              kefu_complaint_stage_get_display_name (kefu_complaint_card_get_stage (card)),
                              received);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "kefu-complaint-id", GSIZE_TO_POINTER (kefu_complaint_card_get_id (card)));
  g_signal_connect_object (row, "activated", G_CALLBACK (complaint_row_activated_cb), self, 0);
  return row;
}

static void
clear_groups (KefuBatchAlertDialog *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, self->groups->pdata[i]);
  g_ptr_array_set_size (self->groups, 0);
}

static void
show_alerts (KefuBatchAlertDialog *self,
             GPtrArray            *alerts,
             GPtrArray            *cards)
{
  gboolean can_take_note = kefu_batch_alert_can_take_note (self->staff);

  clear_groups (self);

  if (alerts->len == 0)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "object-select-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Open Alerts"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Every flagged batch has been taken note of."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), status);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
      return;
    }

  for (guint i = 0; i < alerts->len; i++)
    {
      KefuBatchAlert *alert = alerts->pdata[i];
      GPtrArray *alert_cards = cards->pdata[i];
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *title = NULL;
      g_autofree char *first = kefu_detail_format_local_time (alert->first_at);
      g_autofree char *flagged = kefu_detail_format_local_time (alert->flagged_at);
      g_autofree char *description = NULL;

      /* Translators: the heading of one flagged batch: the product and its batch number,
       * e.g. "鲜牛奶 batch 20261101A". */
      title = g_strdup_printf (_("%s batch %s"), alert->product_name != NULL ? alert->product_name : "",
                               alert->batch_number);
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  /* Translators: under a flagged batch. */
                                                  "%u complaint since %s, flagged %s",
                                                  "%u complaints since %s, flagged %s",
                                                  alert->complaint_count),
                                     alert->complaint_count, first, flagged);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

      if (can_take_note)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("Take _Note…"));
          g_autofree char *label = g_strdup_printf (_("Take note of the alert about %s"), title);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "suggested-action");
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          g_object_set_data (G_OBJECT (button), "kefu-alert-id", GSIZE_TO_POINTER (alert->id));
          g_object_set_data (G_OBJECT (button), "kefu-alert-version", GSIZE_TO_POINTER (alert->version));
          g_object_set_data_full (G_OBJECT (button), "kefu-alert-title", g_strdup (title), g_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (take_note_clicked_cb), self, 0);
          adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
        }

      for (guint j = 0; j < alert_cards->len; j++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   make_complaint_row (self, alert_cards->pdata[j]));

      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
    }
}

static void
read_alerts_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AlertsRead *read = user_data;
  KefuBatchAlertDialog *self = read->self;
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      alerts_read_free (read);
      return;
    }

  if (error != NULL)
    kefu_toast_overlay_add_error (self->toast_overlay, error->message);
  else
    show_alerts (self, read->alerts, read->cards);

  set_busy (self, FALSE);
  alerts_read_free (read);
}

static void
kefu_batch_alert_dialog_dispose (GObject *object)
{
  KefuBatchAlertDialog *self = KEFU_BATCH_ALERT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_BATCH_ALERT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (kefu_batch_alert_dialog_parent_class)->dispose (object);
}

static void
kefu_batch_alert_dialog_finalize (GObject *object)
{
  KefuBatchAlertDialog *self = KEFU_BATCH_ALERT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (kefu_batch_alert_dialog_parent_class)->finalize (object);
}

static void
kefu_batch_alert_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  KefuBatchAlertDialog *self = KEFU_BATCH_ALERT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_batch_alert_dialog_class_init (KefuBatchAlertDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_batch_alert_dialog_dispose;
  object_class->finalize = kefu_batch_alert_dialog_finalize;
  object_class->get_property = kefu_batch_alert_dialog_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_COMPLAINT] =
    g_signal_new ("open-complaint", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ALERTS_CHANGED] =
    g_signal_new ("alerts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-batch-alert-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuBatchAlertDialog, page);
  gtk_widget_class_bind_template_child (widget_class, KefuBatchAlertDialog, toast_overlay);
}

static void
kefu_batch_alert_dialog_init (KefuBatchAlertDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->groups = g_ptr_array_new ();
}

KefuBatchAlertDialog *
kefu_batch_alert_dialog_new (KefuStore *store,
                             KefuStaff *staff)
{
  KefuBatchAlertDialog *self;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (staff == NULL || KEFU_IS_STAFF (staff), NULL);

  self = g_object_new (KEFU_TYPE_BATCH_ALERT_DIALOG, NULL);
  self->store = g_object_ref (store);
  g_set_object (&self->staff, staff);
  kefu_batch_alert_dialog_reload (self);
  return self;
}

void
kefu_batch_alert_dialog_reload (KefuBatchAlertDialog *self)
{
  AlertsRead *read;

  g_return_if_fail (KEFU_IS_BATCH_ALERT_DIALOG (self));

  read = g_new0 (AlertsRead, 1);
  read->self = g_object_ref (self);
  set_busy (self, TRUE);
  kefu_store_run_async (self->store, read_alerts_func, read, NULL, self->cancellable,
                        read_alerts_cb, read);
}
