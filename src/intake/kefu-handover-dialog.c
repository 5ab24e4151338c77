/* kefu-handover-dialog.c: the day's order forms, handed to the sales admins in one action.
 *
 * The batch, the staff who may receive it and the cut-off are read together off the main
 * thread; the channel groups are built from them in C because their number and their recipient
 * choosers follow the data. A day's batch is tens of orders, a few hundred on the busiest day,
 * so each channel lists its orders in a boxed list bound to its model.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-handover-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-money.h"
#include "core/kefu-roles.h"
#include "core/kefu-settings-keys.h"

#include "kefu-handover-dialog.h"
#include "widgets/kefu-list-loader.h"

#define N_CHANNELS 4

typedef struct
{
  GListStore  *orders;       /* KefuCall */
  gint64       total;        /* fen */
  GArray      *staff_ids;    /* gint64: who may receive, in the chooser's order */
  AdwComboRow *chooser;      /* when several may receive */
} Channel;

struct _KefuHandoverDialog
{
  AdwDialog        parent_instance;

  KefuStore       *store;
  GCancellable    *cancellable;
  GDate            day;
  GListStore      *orders;
  Channel          channels[N_CHANNELS];
  gboolean         busy;

  GtkBox          *channels_box;
  GtkLabel        *cutoff_label;
  AdwStatusPage   *empty_page;
  AdwStatusPage   *error_page;
  GtkButton       *hand_over_button;
  GtkStack        *stack;
  GtkLabel        *summary_label;
  AdwToastOverlay *toast_overlay;
};

G_DEFINE_FINAL_TYPE (KefuHandoverDialog, kefu_handover_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  HANDED_OVER,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What a load reads on the worker; shared with the callback, hence reference counted. */
typedef struct
{
  KefuHandoverDialog *self;
  GDate               day;
  GListModel         *staff;
  char               *cutoff;
  gint64              recipients[N_CHANNELS];
  guint               n_handed;
} Job;

static void
job_clear (Job *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->staff);
  g_clear_pointer (&job->cutoff, g_free);
}

static void
job_release (gpointer job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) job_clear);
}

static Job *
job_new (KefuHandoverDialog *self)
{
  Job *job = g_atomic_rc_box_new0 (Job);

  job->self = g_object_ref (self);
  job->day = self->day;
  return job;
}

static void
set_busy (KefuHandoverDialog *self,
          gboolean            busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
clear_channels (KefuHandoverDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->channels_box))) != NULL)
    gtk_box_remove (self->channels_box, child);

  for (guint i = 0; i < N_CHANNELS; i++)
    {
      g_list_store_remove_all (self->channels[i].orders);
      self->channels[i].total = 0;
      g_array_set_size (self->channels[i].staff_ids, 0);
      self->channels[i].chooser = NULL;
    }
}

static gboolean
is_today (const GDate *day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return g_date_compare (&today, day) == 0;
}

static char *
format_day (const GDate *day)
{
  char text[64];

  /* Translators: a day in the hand-over dialog, as strftime() writes it, e.g. "27 November";
   * in Chinese "11月27日". */
  if (g_date_strftime (text, sizeof text, _("%-d %B"), day) == 0)
    return g_strdup ("");

  return g_strdup (text);
}

static void
update_actions (KefuHandoverDialog *self)
{
  gboolean can = FALSE;

  for (guint i = KEFU_CHANNEL_HOME_DELIVERY; i < N_CHANNELS; i++)
    if (g_list_model_get_n_items (G_LIST_MODEL (self->channels[i].orders)) > 0 &&
        kefu_handover_dialog_get_recipient (self, i) != 0)
      can = TRUE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handover.hand-over", can && !self->busy);
}

static GtkWidget *
create_order_row (gpointer item,
                  gpointer user_data)
{
  KefuCall *call = item;
  KefuOrder *order = kefu_call_get_order (call);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;
  g_autofree char *total = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  local = g_date_time_to_local (kefu_call_get_received_at (call));
  time = g_date_time_format (local, "%m-%d %H:%M");
  total = kefu_money_format (order != NULL ? kefu_order_get_total (order) : 0);

  /* Translators: an order in the hand-over: the caller and the reference number. */
  title = g_strdup_printf (_("%s · %s"), kefu_call_get_caller_name (call),
                           kefu_call_get_reference (call));
  /* Translators: an order in the hand-over: when it was taken, what was ordered, and the total. */
  subtitle = g_strdup_printf (_("%s · %s · %s"), time, kefu_call_get_summary (call), total);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  if (order != NULL && kefu_order_get_out_of_area (order))
    {
      GtkWidget *badge = gtk_label_new (_("Outside the service area"));

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "kefu-badge");
      gtk_widget_add_css_class (badge, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }

  return row;
}

static void
recipient_changed_cb (KefuHandoverDialog *self)
{
  update_actions (self);
}

/* The row that says who receives a channel: a chooser when several may, their name when one
 * may, and a warning when nobody may. */
static GtkWidget *
create_recipient_row (KefuHandoverDialog *self,
                      KefuChannel         channel,
                      GListModel         *staff)
{
  Channel *c = &self->channels[channel];
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  KefuRole receiver;
  GtkWidget *row;
  guint n;

  if (!kefu_channel_get_order_receiver (channel, &receiver))
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nobody receives these orders"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Orders without a channel stay waiting. Ask the clerk who took them to give each its channel."));
      gtk_widget_add_css_class (row, "warning");
      return row;
    }

  n = staff != NULL ? g_list_model_get_n_items (staff) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuStaff) person = g_list_model_get_item (staff, i);
      gint64 id = kefu_record_get_id (KEFU_RECORD (person));

      if (!kefu_staff_get_active (person) || kefu_staff_get_role (person) != receiver)
        continue;

      g_array_append_val (c->staff_ids, id);
      gtk_string_list_append (names, kefu_staff_get_name (person));
    }

  if (c->staff_ids->len == 0)
    {
      g_autofree char *subtitle = NULL;

      row = adw_action_row_new ();
      /* Translators: %s is a role, e.g. "Depot admin". */
      subtitle = g_strdup_printf (_("No active %s: these orders stay waiting until one is added in the staff list."),
                                  kefu_role_get_display_name (receiver));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nobody to receive them"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (row, "warning");
      return row;
    }

  if (c->staff_ids->len == 1)
    {
      g_autofree char *subtitle = NULL;
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                      "icon-name", "avatar-default-symbolic",
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                      NULL);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     gtk_string_list_get_string (names, 0));
      /* Translators: who receives a channel's orders at the hand-over; %s is a role, e.g.
       * "Depot admin". */
      subtitle = g_strdup_printf (_("Receives them, as the %s"), kefu_role_get_display_name (receiver));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      return row;
    }

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Goes to"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kefu_role_get_display_name (receiver));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (recipient_changed_cb), self,
                           G_CONNECT_SWAPPED);
  c->chooser = ADW_COMBO_ROW (row);
  return row;
}

static void
add_channel_group (KefuHandoverDialog *self,
                   KefuChannel         channel,
                   GListModel         *staff)
{
  Channel *c = &self->channels[channel];
  guint n = g_list_model_get_n_items (G_LIST_MODEL (c->orders));
  g_autofree char *total = kefu_money_format (c->total);
  g_autofree char *description = NULL;
  GtkWidget *group;
  GtkWidget *recipients;
  GtkWidget *orders;

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order · %s", "%u orders · %s", n),
                                 n, total);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   kefu_channel_get_display_name (channel));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  recipients = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (recipients), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (recipients, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (recipients), create_recipient_row (self, channel, staff));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), recipients);

  orders = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (orders), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (orders, "boxed-list");
  gtk_widget_set_margin_top (orders, 12);
  gtk_list_box_bind_model (GTK_LIST_BOX (orders), G_LIST_MODEL (c->orders), create_order_row,
                           NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (orders),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kefu_channel_get_display_name (channel),
                                  -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), orders);

  gtk_box_append (self->channels_box, group);
}

static void
show_batch (KefuHandoverDialog *self,
            GListModel         *orders,
            GListModel         *staff,
            const char         *cutoff_text)
{
  g_autofree char *day = format_day (&self->day);
  g_autofree char *cutoff_message = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *total_text = NULL;
  guint cutoff = 10 * 60;
  gint64 total = 0;
  guint n;

  clear_channels (self);
  g_list_store_remove_all (self->orders);

  if (cutoff_text == NULL ||
      !kefu_setting_parse_time_of_day (cutoff_text, &cutoff, NULL))
    kefu_setting_parse_time_of_day (kefu_setting_get_default (KEFU_SETTING_HANDOVER_CUTOFF),
                                    &cutoff, NULL);

  n = g_list_model_get_n_items (orders);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuCall) call = g_list_model_get_item (orders, i);
      KefuOrder *order = kefu_call_get_order (call);
      KefuChannel channel = order != NULL ? kefu_order_get_channel (order) : KEFU_CHANNEL_UNSPECIFIED;
      gint64 order_total = order != NULL ? kefu_order_get_total (order) : 0;

      if ((guint) channel >= N_CHANNELS)
        channel = KEFU_CHANNEL_UNSPECIFIED;

      g_list_store_append (self->orders, call);
      g_list_store_append (self->channels[channel].orders, call);
      self->channels[channel].total += order_total;
      total += order_total;
    }

  /* Home delivery, retail, supermarket, and last the orders nobody can receive. */
  for (guint i = KEFU_CHANNEL_HOME_DELIVERY; i < N_CHANNELS; i++)
    if (g_list_model_get_n_items (G_LIST_MODEL (self->channels[i].orders)) > 0)
      add_channel_group (self, i, staff);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->channels[KEFU_CHANNEL_UNSPECIFIED].orders)) > 0)
    add_channel_group (self, KEFU_CHANNEL_UNSPECIFIED, staff);

  if (is_today (&self->day))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      cutoff_message = kefu_handover_describe_cutoff (now, cutoff);
    }
  else
    {
      g_autofree char *cutoff_time = kefu_setting_format_time_of_day (cutoff);

      /* Translators: the hand-over of another day than today; %s is the cut-off time. */
      cutoff_message = g_strdup_printf (_("This batch holds the orders taken before %s that day and after %s the day before."),
                                        cutoff_time, cutoff_time);
    }

  if (n == 0)
    {
      adw_status_page_set_description (self->empty_page, cutoff_message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  total_text = kefu_money_format (total);
  /* Translators: the hand-over's heading, e.g. "27 November: 12 orders, ¥1,234.00". */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u order, %s", "%s: %u orders, %s", n),
                             day, n, total_text);
  gtk_label_set_label (self->summary_label, summary);
  gtk_label_set_label (self->cutoff_label, cutoff_message);
  gtk_stack_set_visible_child_name (self->stack, "batch");
}

static gpointer
load_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Job *job = data;
  g_autoptr(GError) local_error = NULL;

  job->staff = kefu_store_list_staff (store, TRUE, cancellable, error);
  if (job->staff == NULL)
    return NULL;

  job->cutoff = kefu_store_get_setting (store, KEFU_SETTING_HANDOVER_CUTOFF, cancellable,
                                        &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return kefu_store_list_handover_orders (store, &job->day, cancellable, error);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Job *job = user_data;
  KefuHandoverDialog *self = job->self;
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(GError) error = NULL;

  orders = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      job_release (job);
      return;
    }

  g_clear_object (&self->cancellable);

  if (orders == NULL)
    kefu_list_loader_show_error (self->stack, self->error_page, error->message);
  else
    show_batch (self, orders, job->staff, job->cutoff);

  set_busy (self, FALSE);
  update_actions (self);
  job_release (job);
}

static void
load (KefuHandoverDialog *self)
{
  Job *job;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL)
    return;

  job = job_new (self);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  update_actions (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->orders)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  kefu_store_run_async (self->store, load_func, g_atomic_rc_box_acquire (job), job_release,
                        self->cancellable, load_cb, job);
}

static gpointer
hand_over_func (KefuStore     *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  Job *job = data;

  if (!kefu_store_hand_over_orders (store, &job->day, job->recipients, &job->n_handed,
                                    cancellable, error))
    return NULL;

  /* The function must give an object back; the count travels in the job. */
  return g_object_new (G_TYPE_OBJECT, NULL);
}

static void
hand_over_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Job *job = user_data;
  KefuHandoverDialog *self = job->self;
  g_autoptr(GObject) done = NULL;
  g_autoptr(GError) error = NULL;

  done = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      job_release (job);
      return;
    }

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (done == NULL)
    {
      /* Translators: the hand-over failed; %s is the reason. Nothing was handed over. */
      g_autofree char *text = g_strdup_printf (_("Nothing was handed over: %s"), error->message);

      kefu_toast_overlay_add_error (self->toast_overlay, text);
      update_actions (self);
    }
  else
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order handed over",
                                           "%u orders handed over", job->n_handed),
                              job->n_handed);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
      g_signal_emit (self, signals[HANDED_OVER], 0, job->n_handed);
      load (self);
    }

  job_release (job);
}

static void
hand_over_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KefuHandoverDialog *self = KEFU_HANDOVER_DIALOG (widget);
  Job *job;

  if (self->store == NULL || self->busy)
    return;

  job = job_new (self);
  for (guint i = KEFU_CHANNEL_HOME_DELIVERY; i < N_CHANNELS; i++)
    if (g_list_model_get_n_items (G_LIST_MODEL (self->channels[i].orders)) > 0)
      job->recipients[i] = kefu_handover_dialog_get_recipient (self, i);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  update_actions (self);
  kefu_store_run_async (self->store, hand_over_func, g_atomic_rc_box_acquire (job), job_release,
                        self->cancellable, hand_over_cb, job);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  load (KEFU_HANDOVER_DIALOG (widget));
}

static void
kefu_handover_dialog_dispose (GObject *object)
{
  KefuHandoverDialog *self = KEFU_HANDOVER_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_HANDOVER_DIALOG);

  for (guint i = 0; i < N_CHANNELS; i++)
    {
      g_clear_object (&self->channels[i].orders);
      g_clear_pointer (&self->channels[i].staff_ids, g_array_unref);
      self->channels[i].chooser = NULL;
    }
  g_clear_object (&self->orders);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_handover_dialog_parent_class)->dispose (object);
}

static void
kefu_handover_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KefuHandoverDialog *self = KEFU_HANDOVER_DIALOG (object);

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
kefu_handover_dialog_class_init (KefuHandoverDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_handover_dialog_dispose;
  object_class->get_property = kefu_handover_dialog_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KefuHandoverDialog::handed-over:
   * @n_handed: how many orders were handed over
   */
  signals[HANDED_OVER] =
    g_signal_new ("handed-over", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-handover-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuHandoverDialog, channels_box);
  gtk_widget_class_bind_template_child (widget_class, KefuHandoverDialog, cutoff_label);
  gtk_widget_class_bind_template_child (widget_class, KefuHandoverDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KefuHandoverDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuHandoverDialog, hand_over_button);
  gtk_widget_class_bind_template_child (widget_class, KefuHandoverDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuHandoverDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KefuHandoverDialog, toast_overlay);

  gtk_widget_class_install_action (widget_class, "handover.hand-over", NULL, hand_over_action);
  gtk_widget_class_install_action (widget_class, "handover.reload", NULL, reload_action);
}

static void
kefu_handover_dialog_init (KefuHandoverDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->orders = g_list_store_new (KEFU_TYPE_CALL);
  for (guint i = 0; i < N_CHANNELS; i++)
    {
      self->channels[i].orders = g_list_store_new (KEFU_TYPE_CALL);
      self->channels[i].staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  g_date_clear (&self->day, 1);
  g_date_set_dmy (&self->day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  update_actions (self);
}

AdwDialog *
kefu_handover_dialog_new (KefuStore *store)
{
  KefuHandoverDialog *self;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);

  self = g_object_new (KEFU_TYPE_HANDOVER_DIALOG, NULL);
  self->store = g_object_ref (store);
  load (self);

  return ADW_DIALOG (self);
}

gboolean
kefu_handover_dialog_get_busy (KefuHandoverDialog *self)
{
  g_return_val_if_fail (KEFU_IS_HANDOVER_DIALOG (self), FALSE);

  return self->busy;
}

const GDate *
kefu_handover_dialog_get_day (KefuHandoverDialog *self)
{
  g_return_val_if_fail (KEFU_IS_HANDOVER_DIALOG (self), NULL);

  return &self->day;
}

void
kefu_handover_dialog_set_day (KefuHandoverDialog *self,
                              const GDate        *day)
{
  g_return_if_fail (KEFU_IS_HANDOVER_DIALOG (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  if (g_date_compare (&self->day, day) == 0)
    return;

  self->day = *day;
  g_list_store_remove_all (self->orders);
  clear_channels (self);
  load (self);
}

GListModel *
kefu_handover_dialog_get_orders (KefuHandoverDialog *self)
{
  g_return_val_if_fail (KEFU_IS_HANDOVER_DIALOG (self), NULL);

  return G_LIST_MODEL (self->orders);
}

gint64
kefu_handover_dialog_get_recipient (KefuHandoverDialog *self,
                                    KefuChannel         channel)
{
  Channel *c;
  guint selected;

  g_return_val_if_fail (KEFU_IS_HANDOVER_DIALOG (self), 0);
  g_return_val_if_fail ((guint) channel < N_CHANNELS, 0);

  c = &self->channels[channel];
  if (c->staff_ids->len == 0)
    return 0;
  if (c->chooser == NULL)
    return g_array_index (c->staff_ids, gint64, 0);

  selected = adw_combo_row_get_selected (c->chooser);
  if (selected >= c->staff_ids->len)
    return 0;

  return g_array_index (c->staff_ids, gint64, selected);
}

char *
kefu_handover_describe_cutoff (GDateTime *now,
                               guint      cutoff_minutes)
{
  g_autofree char *cutoff = NULL;
  g_autofree char *time = NULL;
  guint minute;

  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (cutoff_minutes < KEFU_MINUTES_PER_DAY, NULL);

  cutoff = kefu_setting_format_time_of_day (cutoff_minutes);
  time = g_date_time_format (now, "%H:%M");
  minute = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);

  if (minute < cutoff_minutes)
    /* Translators: the hand-over before the cut-off; the first %s is the time now, the others
     * the cut-off time, e.g. "It is 09:12, before the 10:00 cut-off: …". */
    return g_strdup_printf (_("It is %s, before the %s cut-off. Orders taken after %s go to tomorrow’s hand-over."),
                            time, cutoff, cutoff);

  /* Translators: the hand-over after the cut-off; the first %s is the time now, the second the
   * cut-off time. */
  return g_strdup_printf (_("It is %s, past the %s cut-off: orders taken now go to tomorrow’s hand-over."),
                          time, cutoff);
}
