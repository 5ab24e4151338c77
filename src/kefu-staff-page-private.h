/* kefu-staff-page-private.h: what the Staff page's files share: the instance, the busy count,
 * the helpers, and the actions kept in kefu-staff-page-actions.c (adding a member, server
 * logins and their one-time passwords).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-staff-page.h"

G_BEGIN_DECLS

#define N_ROLES (KEFU_ROLE_ADMINISTRATOR + 1)

struct _KefuStaffPage
{
  AdwPreferencesPage   parent_instance;

  KefuStore           *store;
  KefuStaff           *staff;
  GCancellable        *cancellable;
  guint                pending;
  /* Set while the page fills the rows, so that filling is not taken for a change. */
  gboolean             filling;
  char                *last_password;

  GListModel          *members;       /* KefuStaff, active and inactive */
  GListModel          *departments;   /* KefuDepartment */
  GHashTable          *logins;        /* staff id → login role name */
  GHashTable          *pins;          /* SQLite: the ids (gint64) of the staff who have a PIN */
  GPtrArray           *rows;          /* the expander rows in list_group */

  AdwPreferencesGroup *list_group;
  AdwPreferencesGroup *add_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *login_row;
  AdwComboRow         *role_row;
  AdwComboRow         *department_row;
  GtkLabel            *add_message;
};

gboolean   _kefu_staff_page_is_server       (KefuStaffPage *self);
void       _kefu_staff_page_begin           (KefuStaffPage *self);
void       _kefu_staff_page_end             (KefuStaffPage *self);
void       _kefu_staff_page_toast           (KefuStaffPage *self,
                                             const char    *text);
void       _kefu_staff_page_reload          (KefuStaffPage *self);
void       _kefu_staff_page_fill_list       (KefuStaffPage *self);
gint64     _kefu_staff_page_department_at   (KefuStaffPage *self,
                                             guint          position);
/* Borrowed from the page's list. */
KefuStaff *_kefu_staff_page_find_member     (KefuStaffPage *self,
                                             gint64         staff_id);
void       _kefu_staff_page_notify_last_password (KefuStaffPage *self);

/* kefu-staff-page-actions.c */
void       _kefu_staff_page_add_changed_cb        (KefuStaffPage *self);
void       _kefu_staff_page_add_action            (GtkWidget     *widget,
                                                   const char    *action_name,
                                                   GVariant      *parameter);
void       _kefu_staff_page_create_login_action   (GtkWidget     *widget,
                                                   const char    *action_name,
                                                   GVariant      *parameter);
void       _kefu_staff_page_reset_password_action (GtkWidget     *widget,
                                                   const char    *action_name,
                                                   GVariant      *parameter);
gboolean   _kefu_staff_page_can_clear_pins        (KefuStaffPage *self);
void       _kefu_staff_page_load_pins             (KefuStaffPage *self);
void       _kefu_staff_page_clear_pin_action      (GtkWidget     *widget,
                                                   const char    *action_name,
                                                   GVariant      *parameter);

G_END_DECLS
