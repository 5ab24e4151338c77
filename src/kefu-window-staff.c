/* kefu-window-staff.c: who is working at the window: the staff member remembered for the
 * database shown (the first clerk for an unattended run), and the dialog that chooses one.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-window"

#include "config.h"

#include "store/kefu-store-roles.h"

#include "kefu-window-private.h"

static void
staff_chosen_cb (KefuWindow       *self,
                 KefuStaff        *staff,
                 KefuStaffChooser *chooser)
{
  _kefu_window_set_staff (self, staff);
}

static void
chooser_closed_cb (KefuWindow       *self,
                   KefuStaffChooser *chooser)
{
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static gboolean
is_system_actor (KefuStaff *staff)
{
  /* The store's built-in actor for kefuctl's init/demo is never someone at a workstation. */
  return g_strcmp0 (kefu_staff_get_login (staff), "system") == 0;
}

/* The first active staff member of `staff` with the id `id`, or, for an id of 0, the first
 * person (never the system actor) of role `role` (-1: any role); NULL when there is none. */
static KefuStaff *
find_active_staff (GListModel *staff,
                   gint64      id,
                   int         role)
{
  guint n = g_list_model_get_n_items (staff);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuStaff) item = g_list_model_get_item (staff, i);

      if (!kefu_staff_get_active (item))
        continue;
      if (id != 0 ? kefu_record_get_id (KEFU_RECORD (item)) == id
                  : !is_system_actor (item) &&
                    (role < 0 || kefu_staff_get_role (item) == (KefuRole) role))
        return g_steal_pointer (&item);
    }

  return NULL;
}

static void
remembered_staff_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(KefuWindow) self = user_data;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStaff) found = NULL;
  g_autofree char *remembered_database = NULL;
  gint64 remembered;

  staff = kefu_store_list_staff_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      KEFU_STORE (object) != self->store)
    return;

  self->staff_loading = FALSE;

  if (staff == NULL)
    {
      /* Nobody can be working then, and every write would fail for want of an actor: the
       * chooser lists the staff again and, if that fails too, shows why, with Try Again. */
      g_message ("Could not list the staff: %s", error->message);
      if (!self->unattended)
        kefu_window_choose_staff (self);
      _kefu_window_update_busy (self);
      return;
    }

  /* Signed in to a server as a staff member's own login: that is who works here, whoever was
   * chosen before (the server would refuse anyone else). */
  if (kefu_store_get_session_staff_id (self->store) != 0)
    found = find_active_staff (staff, kefu_store_get_session_staff_id (self->store), -1);

  /* An id means someone only in the database it was chosen in. */
  remembered_database = g_settings_get_string (self->settings, "current-staff-database");
  if (g_strcmp0 (remembered_database, kefu_store_get_description (self->store)) == 0)
    remembered = g_settings_get_int64 (self->settings, "current-staff-id");
  else
    remembered = 0;

  if (remembered != 0 && found == NULL && kefu_store_get_session_staff_id (self->store) == 0)
    found = find_active_staff (staff, remembered, -1);

  /* A screenshot run on a workstation where nobody was chosen shows the first clerk, without
   * remembering them. */
  if (found == NULL && self->unattended)
    {
      /* A clerk if there is one: the panes are made for them. */
      found = find_active_staff (staff, 0, KEFU_ROLE_CLERK);
      if (found == NULL)
        found = find_active_staff (staff, 0, -1);
    }

  _kefu_window_set_staff (self, found);

  if (found == NULL && !self->unattended && kefu_store_get_session_staff_id (self->store) == 0)
    kefu_window_choose_staff (self);

  if (self->pending_complaint > 0)
    {
      gint64 complaint_id = self->pending_complaint;

      self->pending_complaint = 0;
      kefu_window_open_complaint (self, complaint_id);
    }
  _kefu_window_run_pending_aftersales (self);

  _kefu_window_update_busy (self);
}

void
_kefu_window_load_staff (KefuWindow *self)
{
  self->staff_loading = TRUE;
  kefu_store_list_staff_async (self->store, TRUE, self->cancellable,
                               remembered_staff_cb, g_object_ref (self));
}

void
kefu_window_choose_staff (KefuWindow *self)
{
  g_return_if_fail (KEFU_IS_WINDOW (self));

  /* On a server signed in with a staff member's login, the login says who works here. */
  if (self->store == NULL || kefu_store_get_session_staff_id (self->store) != 0)
    return;

  if (self->chooser == NULL)
    {
      self->chooser = g_object_ref_sink (kefu_staff_chooser_new (self->store, self->settings));
      g_signal_connect_object (self->chooser, "staff-chosen",
                               G_CALLBACK (staff_chosen_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->chooser, "closed",
                               G_CALLBACK (chooser_closed_cb), self, G_CONNECT_SWAPPED);
    }

  adw_dialog_present (ADW_DIALOG (self->chooser), GTK_WIDGET (self));
}
