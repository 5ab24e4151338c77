/* kefu-staff-chooser.c: who is working at this workstation.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-staff-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"

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
};

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
row_activated_cb (KefuStaffChooser *self,
                  AdwActionRow     *row)
{
  KefuStaff *staff = g_object_get_data (G_OBJECT (row), "kefu-staff");

  g_assert (KEFU_IS_STAFF (staff));

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

  model = kefu_store_list_staff_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

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
}

static void
load (KefuStaffChooser *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_busy (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  kefu_store_list_staff_async (self->store, TRUE, self->cancellable,
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

  /* The error page's Try Again: the staff list once more, e.g. once the server is back. */
  gtk_widget_class_install_action (widget_class, "chooser.reload", NULL, reload_action);
}

static void
kefu_staff_chooser_init (KefuStaffChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->staff = g_list_store_new (KEFU_TYPE_STAFF);
  gtk_list_box_bind_model (self->staff_list, G_LIST_MODEL (self->staff),
                           create_row, self, NULL);
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
