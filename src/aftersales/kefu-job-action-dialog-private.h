/* kefu-job-action-dialog-private.h: what the job action dialog's files share: its struct, what
 * each action shows (the table in kefu-job-action-dialog-check.c), and the checking of the
 * fields into the change they make.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "intake/kefu-text-row.h"
#include "store/kefu-store-shipments.h"

#include "kefu-job-action-dialog.h"

G_BEGIN_DECLS

/* The rows an action shows. */
typedef enum
{
  FIELD_TEXT       = 1 << 0,
  FIELD_DECISION   = 1 << 1,
  FIELD_TECHNICIAN = 1 << 2,   /* with the agreed date and the travel days */
  FIELD_AT         = 1 << 3,
  FIELD_FEEDBACK   = 1 << 4,   /* work done, parts used, fixed, comment (the result note: text) */
  FIELD_CARRIER    = 1 << 5,   /* with the waybill */
  FIELD_REPLACED   = 1 << 6,
  FIELD_RECEIPT    = 1 << 7,
  FIELD_FEE        = 1 << 8,   /* with the customer's agreement */
  FIELD_WARRANTY   = 1 << 9,
} Fields;

struct _KefuJobActionDialog
{
  AdwDialog            parent_instance;

  KefuStore           *store;
  KefuStaff           *staff;
  KefuServiceJob      *job;
  KefuJobAction        action;
  Fields               fields;
  GPtrArray           *technicians;   /* KefuStaff offered, as technician_row lists them */
  GPtrArray           *carriers;      /* KefuCarrier offered, as carrier_row lists them */
  GCancellable        *cancellable;
  GCancellable        *free_cancellable;   /* the read of the technician's other visits */
  GtkImage            *free_icon;
  gboolean             loading;
  gboolean             saving;
  /* Set once Save was pressed: from then on every problem shows as it changes. */
  gboolean             checked;
  char                *message;

  AdwSwitchRow        *agreed_switch;
  AdwEntryRow         *agreed_row;
  AdwEntryRow         *at_row;
  GtkButton           *cancel_button;
  AdwComboRow         *carrier_row;
  AdwEntryRow         *comment_row;
  AdwSpinRow          *days_row;
  AdwComboRow         *decision_row;
  AdwEntryRow         *fee_row;
  AdwPreferencesGroup *fields_group;
  AdwSwitchRow        *fixed_switch;
  GtkLabel            *intro_label;
  GtkLabel            *message_label;
  AdwEntryRow         *parts_row;
  AdwComboRow         *receipt_row;
  AdwSwitchRow        *replaced_switch;
  GtkButton           *save_button;
  AdwComboRow         *technician_row;
  KefuTextRow         *text_row;
  AdwComboRow         *warranty_row;
  GtkLabel            *waybill_label;
  AdwEntryRow         *waybill_row;
  KefuTextRow         *work_row;
};

/* What each action's dialog says and shows: its title, the label of its text row (NULL: no
 * text row), whether the text is required, the title of its time row, what the action does,
 * and what to write when a required text is missing (naming the field). */
typedef struct
{
  KefuJobAction  action;
  Fields         fields;
  const char    *title;
  const char    *text_title;
  gboolean       text_required;
  const char    *at_title;
  const char    *explanation;
  const char    *text_missing;
} ActionTexts;

/* In kefu-job-action-dialog-check.c. */
const ActionTexts *_kefu_job_action_dialog_find_texts    (KefuJobAction         action);
/* The technician chosen in technician_row; NULL before they are read. */
KefuStaff         *_kefu_job_action_dialog_chosen_technician (KefuJobActionDialog *self);
/* Says under the waybill whether it fits the chosen carrier, as it is typed. */
void               _kefu_job_action_dialog_check_waybill (KefuJobActionDialog  *self);
/* Checks every field (each wrong row marked) and the job's rules; the first problem
 * (translated), or NULL with `change` set. */
char              *_kefu_job_action_dialog_check_fields  (KefuJobActionDialog  *self,
                                                          KefuJobChange       **change);

G_END_DECLS
