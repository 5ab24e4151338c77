/* test-complaints-board.h: what the complaint board's UI tests share: a company with its
 * departments and staff, complaints saved as the hotline saves them, the pane shown in a window,
 * what its columns show, the action dialogs answered as a person would, drops through the
 * columns' drop targets, and the time to fill the board.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/kefu-enums.h"
#include "store/kefu-store-calls.h"
#include "store/kefu-store-calls-bulk.h"
#include "store/kefu-store-complaints.h"
#include "store/kefu-store-clock.h"

#include "complaints/kefu-complaint-action-dialog.h"
#include "complaints/kefu-complaint-card-widget.h"
#include "complaints/kefu-complaint-page.h"
#include "complaints/kefu-complaints-pane-private.h"

#include "kefu-ui-test.h"

typedef struct
{
  char               *dir;
  KefuStore          *store;
  gint64              cs_department;
  gint64              qc_department;
  gint64              gm_department;
  gint64              sales_department;
  gint64              clerk;
  gint64              clerk2;
  gint64              outsider;        /* a clerk of the sales department */
  gint64              lead;
  gint64              cs_manager;
  gint64              qc_manager;
  gint64              gm_office;
  gint64              milk;
  AdwWindow          *window;
  KefuComplaintsPane *pane;
} Fixture;

/* What a person types and chooses in the dialogs an action presents. */
typedef struct
{
  const char       *text;
  KefuSatisfaction  satisfaction;
  gint64            department;
  guint             n_dialogs;
} Answers;

KefuCall  *complaint_call     (Fixture *f, gint64 clerk, const char *name, const char *phone,
                               KefuComplaintCategory category, gboolean harmed,
                               const char *batch, const char *reason, GDateTime *received_at);
/* Saves a complaint call taken by `clerk`; returns the complaint's id. */
gint64     save_complaint     (Fixture *f, gint64 clerk, const char *name, const char *phone,
                               KefuComplaintCategory category, gboolean harmed,
                               const char *batch, const char *reason, GDateTime *received_at);
void       fixture_set_up     (Fixture *f, gconstpointer data);
void       fixture_tear_down  (Fixture *f, gconstpointer data);
/* The managers who receive complaints (before them, a complaint cannot be routed: New). */
void       add_managers       (Fixture *f);
KefuStaff *get_staff          (Fixture *f, gint64 id);
void       wait_for_board     (Fixture *f);
/* Shows the pane in a window, as `staff_id` working. */
void       show_pane          (Fixture *f, gint64 staff_id);
void       set_working        (Fixture *f, gint64 staff_id);
GArray    *column_ids         (Fixture *f, KefuComplaintStage stage);
gboolean   column_has         (Fixture *f, KefuComplaintStage stage, gint64 id);
/* The stage whose column shows `id` (or -1 when none does). */
int        stage_of           (Fixture *f, gint64 id);
guint      n_on_board         (Fixture *f);
KefuComplaintCardWidget *find_card_widget (Fixture *f, gint64 id);
GtkLabel  *find_label         (GtkWidget *root, const char *text);
GtkWidget *find_dialog        (Fixture *f, GType type);
/* Waits until the pane's running actions are done, answering each dialog on the way. */
void       answer_dialogs     (Fixture *f, Answers *answers);
/* Activates "complaints.act" on `id` and answers its dialogs. */
void       act                (Fixture *f, gint64 id, KefuComplaintAction action, Answers answers);
/* Drops the card of `id` on the column of `to` through the column's drop target. */
gboolean   drop               (Fixture *f, gint64 id, KefuComplaintStage to);
/* Reloads the shown board and reports the time to its columns filled and drawn. */
gint64     measure_reload     (KefuComplaintsPane *pane, const char *what);
