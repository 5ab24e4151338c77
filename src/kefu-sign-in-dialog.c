/* kefu-sign-in-dialog.c: the PostgreSQL sign-in, with the password in the desktop keyring.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-sign-in-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "store/kefu-store-roles.h"

#include "kefu-keyring.h"
#include "kefu-sign-in-dialog.h"

struct _KefuSignInDialog
{
  AdwDialog           parent_instance;

  char               *location;
  KefuStoreOpenFlags  flags;
  GCancellable       *cancellable;
  guint               pending;
  GtkWidget          *parent;
  gboolean            presented;
  gboolean            use_keyring;
  KefuStore          *store;       /* signed in, waiting for the user's own password */
  char               *user;        /* the user name of `store` */

  GtkStack           *stack;
  AdwEntryRow        *user_row;
  AdwPasswordEntryRow *password_row;
  AdwSwitchRow       *remember_row;
  GtkLabel           *sign_in_message;
  AdwPasswordEntryRow *new_password_row;
  AdwPasswordEntryRow *repeat_password_row;
  GtkLabel           *password_message;
};

G_DEFINE_FINAL_TYPE (KefuSignInDialog, kefu_sign_in_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_LOCATION,
  PROP_USE_KEYRING,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_pending (KefuSignInDialog *self,
             gboolean          busy)
{
  gboolean was = self->pending > 0;

  if (busy)
    self->pending++;
  else if (self->pending > 0)
    self->pending--;
  if (was != (self->pending > 0))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.sign-in", self->pending == 0);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.set-password",
                                     self->pending == 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

static void
show_message (GtkLabel   *label,
              const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
present (KefuSignInDialog *self)
{
  if (self->presented)
    return;
  self->presented = TRUE;
  adw_dialog_present (ADW_DIALOG (self), self->parent);
  /* The password when the user name is known already. */
  if (gtk_editable_get_text (GTK_EDITABLE (self->user_row))[0] != '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->user_row));
}

static void
finish (KefuSignInDialog *self)
{
  g_autoptr(KefuStore) store = g_steal_pointer (&self->store);

  g_object_ref (self);
  g_signal_emit (self, signals[SIGNED_IN], 0, store);
  if (self->presented)
    adw_dialog_force_close (ADW_DIALOG (self));
  g_object_unref (self);
}

static void
keep_in_keyring (KefuSignInDialog *self,
                 const char       *password)
{
  g_autoptr(KefuKeyringKey) key = NULL;

  if (!self->use_keyring || !adw_switch_row_get_active (self->remember_row))
    return;
  key = kefu_keyring_key_new_from_location (self->location, self->user);
  if (key != NULL)
    /* Best effort: without a keyring the user types the password next time. */
    kefu_keyring_store_async (key, password, NULL, NULL, NULL);
}

/* Who the store signed in as: does the login still have a one-time password? */
static void
who_thread_cb (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  gboolean must_change = FALSE;

  if (kefu_store_who_am_i (task_data, NULL, &must_change, cancellable, &error))
    g_task_return_int (task, must_change);
  else
    g_task_return_error (task, error);
}

static void
who_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KefuSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize must_change = g_task_propagate_int (G_TASK (result), &error);

  set_pending (self, FALSE);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_object (&self->store);
          present (self);
          show_message (self->sign_in_message, error->message);
        }
      return;
    }
  if (must_change)
    {
      present (self);
      gtk_stack_set_visible_child_name (self->stack, "new-password");
      gtk_widget_grab_focus (GTK_WIDGET (self->new_password_row));
      return;
    }
  finish (self);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KefuSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = kefu_store_open_finish (result, &error);
  char *password = g_object_steal_data (G_OBJECT (self), "kefu-password");
  g_autoptr(GTask) task = NULL;

  set_pending (self, FALSE);
  if (store == NULL)
    {
      kefu_keyring_free_secret (password);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      present (self);
      show_message (self->sign_in_message, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
      return;
    }
  if (password != NULL)
    keep_in_keyring (self, password);
  kefu_keyring_free_secret (password);

  g_set_object (&self->store, store);
  set_pending (self, TRUE);
  task = g_task_new (NULL, self->cancellable, who_done_cb, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  g_task_run_in_thread (task, who_thread_cb);
}

/* Opens the store as `user` with `password`; `remember`: keep the password if it works. */
static void
open_as (KefuSignInDialog *self,
         const char       *user,
         const char       *password,
         gboolean          remember)
{
  char *location = kefu_keyring_location_with_login (self->location, user, password);

  if (location == NULL)
    {
      present (self);
      show_message (self->sign_in_message,
                    _("The server address cannot be read. Correct it in Preferences."));
      return;
    }
  g_free (self->user);
  self->user = g_strdup (user);
  g_object_set_data_full (G_OBJECT (self), "kefu-password",
                          remember ? g_strdup (password) : NULL,
                          (GDestroyNotify) kefu_keyring_free_secret);
  set_pending (self, TRUE);
  kefu_store_open_full_async (location, self->flags, self->cancellable, opened_cb,
                              g_object_ref (self));
  kefu_keyring_free_secret (location);
}

static void
changed_cb (KefuSignInDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->repeat_password_row), "error");
  show_message (self->sign_in_message, NULL);
  show_message (self->password_message, NULL);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KefuSignInDialog *self = KEFU_SIGN_IN_DIALOG (widget);
  g_autofree char *user = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row)));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  g_strstrip (user);
  if (user[0] == '\0')
    {
      show_message (self->sign_in_message, _("Enter your user name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->user_row));
      return;
    }
  if (password[0] == '\0')
    {
      show_message (self->sign_in_message, _("Enter your password."));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  open_as (self, user, password, TRUE);
}

static void
password_set_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KefuSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  char *password = g_object_steal_data (G_OBJECT (self), "kefu-new-password");

  set_pending (self, FALSE);
  if (!kefu_store_change_own_password_finish (KEFU_STORE (source), result, &error))
    {
      kefu_keyring_free_secret (password);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self->password_message, error->message);
      return;
    }
  keep_in_keyring (self, password);
  kefu_keyring_free_secret (password);
  finish (self);
}

static void
set_password_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KefuSignInDialog *self = KEFU_SIGN_IN_DIALOG (widget);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->new_password_row));
  const char *repeated = gtk_editable_get_text (GTK_EDITABLE (self->repeat_password_row));

  if (self->store == NULL)
    return;
  if (g_utf8_strlen (password, -1) < KEFU_STORE_MIN_PASSWORD_CHARS)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Use at least %d character.",
                                      "Use at least %d characters.",
                                      KEFU_STORE_MIN_PASSWORD_CHARS),
                         KEFU_STORE_MIN_PASSWORD_CHARS);

      show_message (self->password_message, message);
      return;
    }
  if (g_strcmp0 (password, repeated) != 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->repeat_password_row), "error");
      show_message (self->password_message, _("The two passwords are not the same. Type the new "
                                              "password again."));
      return;
    }
  g_object_set_data_full (G_OBJECT (self), "kefu-new-password", g_strdup (password),
                          (GDestroyNotify) kefu_keyring_free_secret);
  set_pending (self, TRUE);
  kefu_store_change_own_password_async (self->store, password, self->cancellable,
                                        password_set_cb, g_object_ref (self));
}

static void
entry_activated_cb (KefuSignInDialog *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "new-password") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.set-password", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.sign-in", NULL);
}

static void
found_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KefuSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *user = NULL;
  char *password = NULL;

  set_pending (self, FALSE);
  if (!kefu_keyring_find_finish (result, &user, &password, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* No keyring (no Secret Service on this desktop): the user types the password. */
      g_debug ("Could not read the keyring: %s", error->message);
    }
  if (user == NULL || password == NULL)
    {
      kefu_keyring_free_secret (password);
      present (self);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
  open_as (self, user, password, FALSE);
  kefu_keyring_free_secret (password);
}

void
kefu_sign_in_dialog_run (KefuSignInDialog *self,
                         GtkWidget        *parent,
                         const char       *reason)
{
  g_autoptr(KefuKeyringKey) key = NULL;

  g_return_if_fail (KEFU_IS_SIGN_IN_DIALOG (self));

  g_set_object (&self->parent, parent);
  show_message (self->sign_in_message, reason);
  key = kefu_keyring_key_new_from_location (self->location, NULL);
  if (key == NULL || !self->use_keyring)
    {
      present (self);
      return;
    }
  set_pending (self, TRUE);
  kefu_keyring_find_async (key, self->cancellable, found_cb, g_object_ref (self));
}

static void
kefu_sign_in_dialog_closed (AdwDialog *dialog)
{
  KefuSignInDialog *self = KEFU_SIGN_IN_DIALOG (dialog);

  g_cancellable_cancel (self->cancellable);
  ADW_DIALOG_CLASS (kefu_sign_in_dialog_parent_class)->closed (dialog);
}

static void
kefu_sign_in_dialog_dispose (GObject *object)
{
  KefuSignInDialog *self = KEFU_SIGN_IN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_SIGN_IN_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->parent);

  G_OBJECT_CLASS (kefu_sign_in_dialog_parent_class)->dispose (object);
}

static void
kefu_sign_in_dialog_finalize (GObject *object)
{
  KefuSignInDialog *self = KEFU_SIGN_IN_DIALOG (object);

  g_free (self->location);
  g_free (self->user);

  G_OBJECT_CLASS (kefu_sign_in_dialog_parent_class)->finalize (object);
}

static void
kefu_sign_in_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KefuSignInDialog *self = KEFU_SIGN_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->pending > 0);
      break;
    case PROP_USE_KEYRING:
      g_value_set_boolean (value, self->use_keyring);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_sign_in_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KefuSignInDialog *self = KEFU_SIGN_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LOCATION:
      g_free (self->location);
      self->location = g_value_dup_string (value);
      break;
    case PROP_USE_KEYRING:
      if (self->use_keyring != g_value_get_boolean (value))
        {
          self->use_keyring = g_value_get_boolean (value);
          gtk_widget_set_visible (GTK_WIDGET (self->remember_row), self->use_keyring);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_sign_in_dialog_constructed (GObject *object)
{
  KefuSignInDialog *self = KEFU_SIGN_IN_DIALOG (object);
  g_autoptr(KefuKeyringKey) key = NULL;

  G_OBJECT_CLASS (kefu_sign_in_dialog_parent_class)->constructed (object);

  /* A user name in the address is the one to sign in as. */
  if (self->location != NULL)
    key = kefu_keyring_key_new_from_location (self->location, NULL);
  if (key != NULL && key->user[0] != '\0' && g_strcmp0 (key->user, g_get_user_name ()) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->user_row), key->user);
}

static void
kefu_sign_in_dialog_class_init (KefuSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwDialogClass *dialog_class = ADW_DIALOG_CLASS (klass);

  object_class->dispose = kefu_sign_in_dialog_dispose;
  object_class->finalize = kefu_sign_in_dialog_finalize;
  object_class->get_property = kefu_sign_in_dialog_get_property;
  object_class->set_property = kefu_sign_in_dialog_set_property;
  object_class->constructed = kefu_sign_in_dialog_constructed;
  dialog_class->closed = kefu_sign_in_dialog_closed;

  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USE_KEYRING] =
    g_param_spec_boolean ("use-keyring", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, KEFU_TYPE_STORE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuSignInDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuSignInDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, KefuSignInDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, KefuSignInDialog, remember_row);
  gtk_widget_class_bind_template_child (widget_class, KefuSignInDialog, sign_in_message);
  gtk_widget_class_bind_template_child (widget_class, KefuSignInDialog, new_password_row);
  gtk_widget_class_bind_template_child (widget_class, KefuSignInDialog, repeat_password_row);
  gtk_widget_class_bind_template_child (widget_class, KefuSignInDialog, password_message);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "sign-in.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "sign-in.set-password", NULL,
                                   set_password_action);
}

static void
kefu_sign_in_dialog_init (KefuSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->use_keyring = TRUE;
}

KefuSignInDialog *
kefu_sign_in_dialog_new (const char         *location,
                         KefuStoreOpenFlags  flags)
{
  KefuSignInDialog *self;

  g_return_val_if_fail (location != NULL, NULL);

  self = g_object_new (KEFU_TYPE_SIGN_IN_DIALOG, "location", location, NULL);
  self->flags = flags;
  return self;
}
