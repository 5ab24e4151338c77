/* kefu-complaint-action-dialog-private.h: what the action dialog's files share: its struct, and
 * the checking of its fields and the change they make (kefu-complaint-action-dialog-check.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "intake/kefu-text-row.h"

#include "kefu-complaint-action-dialog.h"

G_BEGIN_DECLS

struct _KefuComplaintActionDialog
{
  AdwDialog            parent_instance;

  KefuComplaintCard   *card;
  KefuComplaintAction  action;
  GListModel          *departments;
  /* The department rows' check buttons, keyed by department id (gint64 *). */
  GHashTable          *department_checks;
  /* Set once apply was pressed: from then on every problem shows as it changes. */
  gboolean             checked_all;
  gboolean             busy;

  GtkButton           *apply_button;
  GtkButton           *cancel_button;
  GtkBox              *content_box;
  AdwPreferencesGroup *departments_group;
  GtkLabel            *departments_message;
  GtkLabel            *intro_label;
  GtkLabel            *reopen_label;
  AdwPreferencesGroup *satisfaction_group;
  GtkLabel            *satisfaction_message;
  AdwToggleGroup      *satisfaction_toggles;
  AdwPreferencesGroup *text_group;
  KefuTextRow         *text_row;
  AdwPreferencesGroup *visit_group;
  AdwEntryRow         *visited_row;
  AdwEntryRow         *visitors_row;
};

/* In kefu-complaint-action-dialog-check.c. */
/* Whether the complaint is routed to `department_id` now. */
gboolean             _kefu_complaint_action_dialog_is_routed (KefuComplaintActionDialog *self,
                                                              gint64                     department_id);
/* Checks every field of the action; shows the problems of the fields touched (all of them when
 * `all`). Returns the number of problems, with the first field that has one in `first`. */
guint                _kefu_complaint_action_dialog_validate  (KefuComplaintActionDialog  *self,
                                                              gboolean                    all,
                                                              GtkWidget                 **first);
/* The change the fields make; call once they validate. */
KefuComplaintChange *_kefu_complaint_action_dialog_build     (KefuComplaintActionDialog *self);

G_END_DECLS
