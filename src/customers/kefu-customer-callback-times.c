/* kefu-customer-callback-times.c: a customer's rest time and preferred times.
 *
 * Both lists are read in one job on the store's worker when the store and the customer are
 * known, checked as they are typed with kefu_setting_parse_time_ranges () (the reason under the
 * field), and written together by "Save" in another job. The store is given "" for an empty
 * list, never NULL.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customer-callback-times"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-settings-keys.h"
#include "store/kefu-store-callbacks.h"

#include "kefu-customer-callback-times.h"

/* The quick picks (domain.md §4): "never before 10:00" and "prefers evenings". */
#define NEVER_BEFORE_TEN "00:00-10:00"
#define PREFERS_EVENINGS "18:00-20:30"

struct _KefuCustomerCallbackTimes
{
  AdwPreferencesGroup  parent_instance;

  KefuStore           *store;
  gint64               customer_id;
  GCancellable        *cancellable;
  char                *loaded_quiet;
  char                *loaded_preferred;
  guint                loading : 1;
  guint                saving : 1;
  guint                loaded_once : 1;
  guint                filling : 1;

  AdwEntryRow         *quiet_row;
  GtkWidget           *quiet_message_row;
  GtkLabel            *quiet_message;
  AdwEntryRow         *preferred_row;
  GtkWidget           *preferred_message_row;
  GtkLabel            *preferred_message;
};

G_DEFINE_FINAL_TYPE (KefuCustomerCallbackTimes, kefu_customer_callback_times,
                     ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_busy (KefuCustomerCallbackTimes *self,
          gboolean                   loading,
          gboolean                   saving)
{
  gboolean was_busy = self->loading || self->saving;

  self->loading = !!loading;
  self->saving = !!saving;
  if (was_busy != (self->loading || self->saving))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The text of a list as typed, trimmed. */
static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Checks one list; shows the reason under it. */
static gboolean
check_row (AdwEntryRow *row,
           GtkWidget   *message_row,
           GtkLabel    *message)
{
  g_autofree char *text = row_text (row);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ranges = kefu_setting_parse_time_ranges (text, &error);

  if (ranges == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_label_set_label (message, error->message);
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_visible (message_row, ranges == NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  ranges == NULL ? error->message : "", -1);
  return ranges != NULL;
}

static void
update (KefuCustomerCallbackTimes *self)
{
  gboolean ready = self->loaded_once && !self->loading && !self->saving;
  g_autofree char *quiet = row_text (self->quiet_row);
  g_autofree char *preferred = row_text (self->preferred_row);
  gboolean valid;
  gboolean changed;

  if (self->filling)
    return;
  valid = check_row (self->quiet_row, self->quiet_message_row, self->quiet_message);
  valid = check_row (self->preferred_row, self->preferred_message_row,
                     self->preferred_message) && valid;
  changed = g_strcmp0 (quiet, self->loaded_quiet) != 0
            || g_strcmp0 (preferred, self->loaded_preferred) != 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->quiet_row), ready);
  gtk_widget_set_sensitive (GTK_WIDGET (self->preferred_row), ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "callback-times.save",
                                 ready && valid && changed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "callback-times.never-before-ten", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "callback-times.prefers-evenings", ready);
}

static void
changed_cb (KefuCustomerCallbackTimes *self)
{
  update (self);
}

static void
toast (KefuCustomerCallbackTimes *self,
       const char                *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_message ("%s", text);
}

/* Reading and writing: both lists travel together. */

typedef struct
{
  gint64  customer_id;
  char   *quiet;
  char   *preferred;
} Times;

static void
times_free (gpointer data)
{
  Times *times = data;

  g_free (times->quiet);
  g_free (times->preferred);
  g_free (times);
}

static gpointer
load_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Times *request = data;
  Times *times = g_new0 (Times, 1);

  times->customer_id = request->customer_id;
  if (!kefu_store_get_customer_callback_times (store, request->customer_id, &times->quiet,
                                               &times->preferred, cancellable, error))
    {
      times_free (times);
      return NULL;
    }
  return times;
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(KefuCustomerCallbackTimes) self = user_data;
  g_autoptr(GError) error = NULL;
  Times *times = kefu_store_run_finish (KEFU_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE, self->saving);
  if (times == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why. */
      text = g_strdup_printf (_("Could not read the customer's callback times: %s"),
                              error->message);
      toast (self, text);
      update (self);
      return;
    }

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->quiet_row), times->quiet != NULL ? times->quiet : "");
  gtk_editable_set_text (GTK_EDITABLE (self->preferred_row),
                         times->preferred != NULL ? times->preferred : "");
  self->filling = FALSE;
  g_free (self->loaded_quiet);
  g_free (self->loaded_preferred);
  self->loaded_quiet = row_text (self->quiet_row);
  self->loaded_preferred = row_text (self->preferred_row);
  self->loaded_once = TRUE;
  times_free (times);
  update (self);
}

static void
reload (KefuCustomerCallbackTimes *self)
{
  Times *request;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loaded_once = FALSE;
  if (self->store == NULL || self->customer_id <= 0)
    {
      set_busy (self, FALSE, FALSE);
      update (self);
      return;
    }
  self->cancellable = g_cancellable_new ();
  request = g_new0 (Times, 1);
  request->customer_id = self->customer_id;
  set_busy (self, TRUE, FALSE);
  update (self);
  kefu_store_run_async (self->store, load_func, request, times_free, self->cancellable, load_cb,
                        g_object_ref (self));
}

static gpointer
save_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Times *times = data;

  /* "" rather than NULL: the store clears a list given empty text. */
  if (!kefu_store_set_customer_callback_times (store, times->customer_id,
                                               times->quiet != NULL ? times->quiet : "",
                                               times->preferred != NULL ? times->preferred : "",
                                               cancellable, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(KefuCustomerCallbackTimes) self = user_data;
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, self->loading, FALSE);
  if (error != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why. */
      text = g_strdup_printf (_("Could not save the customer's callback times: %s"),
                              error->message);
      toast (self, text);
      update (self);
      return;
    }
  toast (self, _("Callback times saved. New callbacks for this customer keep to them."));
  /* What the store holds now is what the fields show. */
  reload (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KefuCustomerCallbackTimes *self = KEFU_CUSTOMER_CALLBACK_TIMES (widget);
  Times *times;

  if (self->store == NULL || self->customer_id <= 0 || self->saving)
    return;
  if (!check_row (self->quiet_row, self->quiet_message_row, self->quiet_message)
      || !check_row (self->preferred_row, self->preferred_message_row, self->preferred_message))
    return;

  times = g_new0 (Times, 1);
  times->customer_id = self->customer_id;
  times->quiet = row_text (self->quiet_row);
  times->preferred = row_text (self->preferred_row);
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  set_busy (self, self->loading, TRUE);
  update (self);
  kefu_store_run_async (self->store, save_func, times, times_free, self->cancellable, save_cb,
                        g_object_ref (self));
}

/* Adds `range` to a list unless it is there already. */
static void
add_range (AdwEntryRow *row,
           const char  *range)
{
  g_autofree char *text = row_text (row);
  g_auto(GStrv) parts = g_strsplit_set (text, ",，", -1);
  g_autofree char *joined = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    if (g_strcmp0 (g_strstrip (parts[i]), range) == 0)
      return;
  joined = text[0] != '\0' ? g_strconcat (text, ",", range, NULL) : g_strdup (range);
  gtk_editable_set_text (GTK_EDITABLE (row), joined);
}

static void
never_before_ten_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  add_range (KEFU_CUSTOMER_CALLBACK_TIMES (widget)->quiet_row, NEVER_BEFORE_TEN);
}

static void
prefers_evenings_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  add_range (KEFU_CUSTOMER_CALLBACK_TIMES (widget)->preferred_row, PREFERS_EVENINGS);
}

gboolean
kefu_customer_callback_times_get_busy (KefuCustomerCallbackTimes *self)
{
  g_return_val_if_fail (KEFU_IS_CUSTOMER_CALLBACK_TIMES (self), FALSE);

  return self->loading || self->saving;
}

static void
kefu_customer_callback_times_dispose (GObject *object)
{
  KefuCustomerCallbackTimes *self = KEFU_CUSTOMER_CALLBACK_TIMES (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CUSTOMER_CALLBACK_TIMES);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_customer_callback_times_parent_class)->dispose (object);
}

static void
kefu_customer_callback_times_finalize (GObject *object)
{
  KefuCustomerCallbackTimes *self = KEFU_CUSTOMER_CALLBACK_TIMES (object);

  g_free (self->loaded_quiet);
  g_free (self->loaded_preferred);

  G_OBJECT_CLASS (kefu_customer_callback_times_parent_class)->finalize (object);
}

static void
kefu_customer_callback_times_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  KefuCustomerCallbackTimes *self = KEFU_CUSTOMER_CALLBACK_TIMES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->loading || self->saving);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_customer_callback_times_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  KefuCustomerCallbackTimes *self = KEFU_CUSTOMER_CALLBACK_TIMES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        {
          reload (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_CUSTOMER_ID:
      if (self->customer_id != g_value_get_int64 (value))
        {
          self->customer_id = g_value_get_int64 (value);
          reload (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_customer_callback_times_class_init (KefuCustomerCallbackTimesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_customer_callback_times_dispose;
  object_class->finalize = kefu_customer_callback_times_finalize;
  object_class->get_property = kefu_customer_callback_times_get_property;
  object_class->set_property = kefu_customer_callback_times_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-customer-callback-times.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerCallbackTimes, quiet_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerCallbackTimes, quiet_message_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerCallbackTimes, quiet_message);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerCallbackTimes, preferred_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerCallbackTimes,
                                        preferred_message_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCustomerCallbackTimes, preferred_message);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_install_action (widget_class, "callback-times.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "callback-times.never-before-ten", NULL,
                                   never_before_ten_action);
  gtk_widget_class_install_action (widget_class, "callback-times.prefers-evenings", NULL,
                                   prefers_evenings_action);
}

static void
kefu_customer_callback_times_init (KefuCustomerCallbackTimes *self)
{
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;
  update (self);
}

GtkWidget *
kefu_customer_callback_times_new (void)
{
  return g_object_new (KEFU_TYPE_CUSTOMER_CALLBACK_TIMES, NULL);
}
