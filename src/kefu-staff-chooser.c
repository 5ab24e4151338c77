/* kefu-staff-chooser.c: who is working at this workstation.
 *
 * On a shared SQLite file this is the only sign-in: a staff member who has set a PIN is asked
 * for it before the choice is made (after three wrong PINs in a row the next try waits a little
 * longer each time). On PostgreSQL the server's login decides who is who, and the chooser lists
 * the staff without asking for a PIN.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-staff-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "store/kefu-store-pin.h"

#include "kefu-staff-chooser.h"

struct _KefuStaffChooser
{
  AdwDialog       parent_instance;

  KefuStore      *store;
  GSettings      *settings;
  GCancellable   *cancellable;
  GListStore     *staff;
  gboolean        busy;

  GtkStack       *stack;
  GtkListBox     *staff_list;
  AdwStatusPage  *empty_page;
  AdwStatusPage  *error_page;

  /* The PIN page. */
  AdwAvatar      *pin_avatar;
  GtkLabel       *pin_title;
  AdwEntryRow    *pin_entry;
  GtkLabel       *pin_error;
  GtkButton      *pin_button;
  GListModel     *loaded;         /* the staff list as loaded, with the PIN ids */
  KefuStaff      *pin_staff;      /* whose PIN is asked */
  gint64          ask_staff_id;   /* ask this staff member's PIN as soon as the list is there */
  guint           failures;       /* wrong PINs in a row */
  gint64          wait_until;     /* monotonic time before which no PIN is checked */
  guint           wait_source;
};

/* After this many wrong PINs in a row, each try waits longer (WAIT_FIRST_SECONDS, doubling, up
 * to WAIT_MAX_SECONDS): guessing a 4-digit PIN then takes days, a typo costs nothing. */
#define FREE_TRIES          3
#define WAIT_FIRST_SECONDS  5
#define WAIT_MAX_SECONDS    60

G_DEFINE_FINAL_TYPE (KefuStaffChooser, kefu_staff_chooser, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_BUSY,
  N_PROPS
};

enum {
  STAFF_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The staff list with the ids of those who have a PIN (SQLite only), on the store's worker. */
static gpointer
list_with_pins_func (KefuStore     *store,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GListModel) staff = kefu_store_list_staff (store, TRUE, cancellable, error);
  g_autoptr(GArray) ids = NULL;
  GHashTable *pins;

  if (staff == NULL)
    return NULL;
  pins = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_object_set_data_full (G_OBJECT (staff), "kefu-pin-ids", pins,
                          (GDestroyNotify) g_hash_table_unref);
  if (kefu_store_get_backend (store) != KEFU_STORE_BACKEND_SQLITE)
    return g_steal_pointer (&staff);

  ids = kefu_store_list_staff_with_pin (store, cancellable, error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (pins, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
  return g_steal_pointer (&staff);
}

void
kefu_staff_list_with_pins_async (KefuStore           *store,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (KEFU_IS_STORE (store));

  kefu_store_run_async (store, list_with_pins_func, NULL, NULL, cancellable, callback,
                        user_data);
}

GListModel *
kefu_staff_list_with_pins_finish (KefuStore     *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return kefu_store_run_finish (store, result, error);
}

gboolean
kefu_staff_list_has_pin (GListModel *staff,
                         gint64      staff_id)
{
  GHashTable *pins;

  g_return_val_if_fail (G_IS_LIST_MODEL (staff), FALSE);

  pins = g_object_get_data (G_OBJECT (staff), "kefu-pin-ids");
  return pins != NULL && g_hash_table_contains (pins, &staff_id);
}

static void
set_busy (KefuStaffChooser *self,
          gboolean          busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
choose (KefuStaffChooser *self,
        KefuStaff        *staff)
{
  gint64 id = kefu_record_get_id (KEFU_RECORD (staff));

  kefu_store_set_actor (self->store, id);
  g_settings_set_string (self->settings, "current-staff-database",
                         kefu_store_get_description (self->store));
  g_settings_set_int64 (self->settings, "current-staff-id", id);

  g_object_ref (self);
  g_signal_emit (self, signals[STAFF_CHOSEN], 0, staff);
  adw_dialog_close (ADW_DIALOG (self));
  g_object_unref (self);
}

static void
show_pin_error (KefuStaffChooser *self,
                const char       *message)
{
  gtk_label_set_label (self->pin_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->pin_error), message != NULL);
}

static gboolean
wait_tick_cb (gpointer user_data)
{
  KefuStaffChooser *self = user_data;
  gint64 left = self->wait_until - g_get_monotonic_time ();
  g_autofree char *message = NULL;
  guint seconds;

  if (left <= 0)
    {
      self->wait_source = 0;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.sign-in", TRUE);
      show_pin_error (self, _("That PIN is not right. Type it again."));
      return G_SOURCE_REMOVE;
    }
  seconds = (guint) ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "That PIN is not right, several times in a row. Wait "
                                          "%u second, then try again.",
                                          "That PIN is not right, several times in a row. Wait "
                                          "%u seconds, then try again.", seconds), seconds);
  show_pin_error (self, message);
  return G_SOURCE_CONTINUE;
}

static void
show_pin_page (KefuStaffChooser *self,
               KefuStaff        *staff)
{
  g_autofree char *title = NULL;

  g_set_object (&self->pin_staff, staff);
  /* Translators: the PIN page of "Who is working?"; %s is the staff member's name. */
  title = g_strdup_printf (_("PIN of %s"), kefu_staff_get_name (staff));
  gtk_label_set_label (self->pin_title, title);
  adw_avatar_set_text (self->pin_avatar, kefu_staff_get_name (staff));
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  if (self->wait_source == 0)
    show_pin_error (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "pin");
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
}

typedef struct
{
  gint64  staff_id;
  char   *pin;
} PinCheck;

static void
pin_check_free (gpointer data)
{
  PinCheck *check = data;

  g_free (check->pin);
  g_free (check);
}

static gpointer
check_pin_func (KefuStore     *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  PinCheck *check = data;

  if (!kefu_store_check_staff_pin (store, check->staff_id, check->pin, cancellable, error))
    return NULL;
  /* Any object says "right"; run_async hands back objects. */
  return g_object_new (G_TYPE_OBJECT, NULL);
}

static void choose (KefuStaffChooser *self, KefuStaff *staff);

static void
pin_checked_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KefuStaffChooser) self = user_data;
  g_autoptr(GObject) right = NULL;
  g_autoptr(GError) error = NULL;

  right = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);

  if (right != NULL && self->pin_staff != NULL)
    {
      g_autoptr(KefuStaff) staff = g_object_ref (self->pin_staff);

      self->failures = 0;
      choose (self, staff);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
  if (!g_error_matches (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_AUTH))
    {
      show_pin_error (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.sign-in", TRUE);
      return;
    }

  self->failures++;
  if (self->failures >= FREE_TRIES)
    {
      guint wait = WAIT_FIRST_SECONDS << MIN (self->failures - FREE_TRIES, 4u);

      self->wait_until = g_get_monotonic_time () + MIN (wait, WAIT_MAX_SECONDS) * G_USEC_PER_SEC;
      g_clear_handle_id (&self->wait_source, g_source_remove);
      self->wait_source = g_timeout_add_seconds (1, wait_tick_cb, self);
      wait_tick_cb (self);
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.sign-in", TRUE);
  show_pin_error (self, error->message);
}

static void
sign_in (KefuStaffChooser *self)
{
  PinCheck *check;

  if (self->pin_staff == NULL || self->busy ||
      g_get_monotonic_time () < self->wait_until)
    return;

  check = g_new0 (PinCheck, 1);
  check->staff_id = kefu_record_get_id (KEFU_RECORD (self->pin_staff));
  check->pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pin_entry)));
  set_busy (self, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.sign-in", FALSE);
  kefu_store_run_async (self->store, check_pin_func, check, pin_check_free, self->cancellable,
                        pin_checked_cb, g_object_ref (self));
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  sign_in (KEFU_STAFF_CHOOSER (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KefuStaffChooser *self = KEFU_STAFF_CHOOSER (widget);

  g_clear_object (&self->pin_staff);
  gtk_stack_set_visible_child_name (self->stack, "staff");
}

static void
row_activated_cb (KefuStaffChooser *self,
                  AdwActionRow     *row)
{
  KefuStaff *staff = g_object_get_data (G_OBJECT (row), "kefu-staff");

  g_assert (KEFU_IS_STAFF (staff));

  if (self->loaded != NULL &&
      kefu_staff_list_has_pin (self->loaded, kefu_record_get_id (KEFU_RECORD (staff))))
    show_pin_page (self, staff);
  else
    choose (self, staff);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  KefuStaffChooser *self = user_data;
  KefuStaff *staff = item;
  g_autofree char *escaped = g_markup_escape_text (kefu_staff_get_name (staff), -1);
  GtkWidget *row;
  GtkWidget *avatar;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               kefu_role_get_display_name (kefu_staff_get_role (staff)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  avatar = adw_avatar_new (32, kefu_staff_get_name (staff), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);

  if (kefu_store_get_actor (self->store) == kefu_record_get_id (KEFU_RECORD (staff)))
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Working now"),
                                      -1);
      gtk_widget_set_tooltip_text (check, _("Working now"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
    }

  g_object_set_data_full (G_OBJECT (row), "kefu-staff", g_object_ref (staff), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);

  return row;
}

static gboolean
is_system_actor (KefuStaff *staff)
{
  /* The store's built-in actor for kefuctl's init/demo; nobody works as it. */
  return g_strcmp0 (kefu_staff_get_login (staff), "system") == 0;
}

static void
staff_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KefuStaffChooser) self = user_data;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  model = kefu_staff_list_with_pins_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  g_set_object (&self->loaded, model);

  if (model == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_list_store_remove_all (self->staff);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuStaff) staff = g_list_model_get_item (model, i);

      if (kefu_staff_get_active (staff) && !is_system_actor (staff))
        g_list_store_append (self->staff, staff);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->staff)) == 0)
    {
      g_autofree char *description = NULL;
      g_autofree char *quoted = g_shell_quote (kefu_store_get_description (self->store));
      g_autofree char *escaped = g_markup_escape_text (quoted, -1);

      description =
        g_strdup_printf (_("Every change in Kefu is recorded against the staff member who made it, "
                           "but this database has no staff yet.\n\n"
                           "To try Kefu with sample staff, customers and products, run:\n"
                           "<tt>kefuctl --database=%s demo</tt>\n\n"
                           "For real work, ask the administrator to add the staff members."),
                         escaped);
      if (kefu_store_get_backend (self->store) == KEFU_STORE_BACKEND_POSTGRES)
        {
          g_free (escaped);
          escaped = g_markup_escape_text (kefu_store_get_description (self->store), -1);
          g_free (description);
          description =
            g_strdup_printf (_("Every change in Kefu is recorded against the staff member who made it, "
                               "but the database on %s has no staff yet.\n\n"
                               "Ask the administrator to add the staff members, or to fill in sample "
                               "data with <tt>kefuctl --server=URI demo</tt>."),
                             escaped);
        }
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "staff");

  /* The staff member remembered at start, whose PIN is asked before they work. */
  if (self->ask_staff_id != 0)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->staff)); i++)
        {
          g_autoptr(KefuStaff) staff = g_list_model_get_item (G_LIST_MODEL (self->staff), i);

          if (kefu_record_get_id (KEFU_RECORD (staff)) == self->ask_staff_id &&
              kefu_staff_list_has_pin (model, self->ask_staff_id))
            show_pin_page (self, staff);
        }
      self->ask_staff_id = 0;
    }
}

static void
load (KefuStaffChooser *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_busy (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  kefu_staff_list_with_pins_async (self->store, self->cancellable,
                                   staff_loaded_cb, g_object_ref (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  load (KEFU_STAFF_CHOOSER (widget));
}

static void
kefu_staff_chooser_constructed (GObject *object)
{
  KefuStaffChooser *self = KEFU_STAFF_CHOOSER (object);

  G_OBJECT_CLASS (kefu_staff_chooser_parent_class)->constructed (object);

  g_assert (KEFU_IS_STORE (self->store));
  g_assert (G_IS_SETTINGS (self->settings));

  load (self);
}

static void
kefu_staff_chooser_dispose (GObject *object)
{
  KefuStaffChooser *self = KEFU_STAFF_CHOOSER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->wait_source, g_source_remove);
  g_clear_object (&self->loaded);
  g_clear_object (&self->pin_staff);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_STAFF_CHOOSER);

  g_clear_object (&self->staff);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kefu_staff_chooser_parent_class)->dispose (object);
}

static void
kefu_staff_chooser_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KefuStaffChooser *self = KEFU_STAFF_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_staff_chooser_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KefuStaffChooser *self = KEFU_STAFF_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_staff_chooser_class_init (KefuStaffChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kefu_staff_chooser_constructed;
  object_class->dispose = kefu_staff_chooser_dispose;
  object_class->get_property = kefu_staff_chooser_get_property;
  object_class->set_property = kefu_staff_chooser_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KefuStaffChooser::staff-chosen:
   * @staff: the staff member now working
   *
   * Emitted after the store's actor was set and the choice remembered.
   */
  signals[STAFF_CHOSEN] =
    g_signal_new ("staff-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KEFU_TYPE_STAFF);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kefu/Kefu/ui/kefu-staff-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuStaffChooser, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KefuStaffChooser, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuStaffChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuStaffChooser, staff_list);
  gtk_widget_class_bind_template_child (widget_class, KefuStaffChooser, pin_avatar);
  gtk_widget_class_bind_template_child (widget_class, KefuStaffChooser, pin_title);
  gtk_widget_class_bind_template_child (widget_class, KefuStaffChooser, pin_entry);
  gtk_widget_class_bind_template_child (widget_class, KefuStaffChooser, pin_error);
  gtk_widget_class_bind_template_child (widget_class, KefuStaffChooser, pin_button);

  /* The error page's Try Again: the staff list once more, e.g. once the server is back. */
  gtk_widget_class_install_action (widget_class, "chooser.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "chooser.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "chooser.back", NULL, back_action);
}

static void
kefu_staff_chooser_init (KefuStaffChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->staff = g_list_store_new (KEFU_TYPE_STAFF);
  gtk_list_box_bind_model (self->staff_list, G_LIST_MODEL (self->staff),
                           create_row, self, NULL);
  g_signal_connect_object (self->pin_entry, "entry-activated", G_CALLBACK (sign_in), self,
                           G_CONNECT_SWAPPED);
}

KefuStaffChooser *
kefu_staff_chooser_new (KefuStore *store,
                        GSettings *settings)
{
  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (KEFU_TYPE_STAFF_CHOOSER,
                       "store", store,
                       "settings", settings,
                       NULL);
}

gboolean
kefu_staff_chooser_get_busy (KefuStaffChooser *self)
{
  g_return_val_if_fail (KEFU_IS_STAFF_CHOOSER (self), FALSE);

  return self->busy;
}

const char *
kefu_staff_chooser_get_page (KefuStaffChooser *self)
{
  g_return_val_if_fail (KEFU_IS_STAFF_CHOOSER (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* Asks `staff_id`'s PIN as soon as the staff list is there (the staff member remembered at
 * start); a staff member without a PIN is simply listed. */
void
kefu_staff_chooser_ask_pin (KefuStaffChooser *self,
                            gint64            staff_id)
{
  g_return_if_fail (KEFU_IS_STAFF_CHOOSER (self));

  self->ask_staff_id = staff_id;
  if (!self->busy && self->loaded != NULL)
    load (self);
}
