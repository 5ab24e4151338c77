/* test-complaint-page.h: what the complaint detail page's tests share: a small dairy (the
 * hotline team, the CS centre and QC, their staff, a milk product), a New complaint the page
 * shows in a window with a recording "complaints" action group, and the steps a person takes
 * on the page (work as someone, press an action, fill and apply its dialog, read the timeline).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "complaints/kefu-complaint-action-dialog.h"
#include "complaints/kefu-complaint-actions.h"
#include "complaints/kefu-complaint-page.h"
#include "complaints/kefu-complaint-timeline-view.h"
#include "complaints/kefu-detail-format.h"
#include "core/kefu-enums.h"
#include "intake/kefu-call-form.h"
#include "intake/kefu-text-row.h"
#include "store/kefu-store-complaints.h"

#include "kefu-ui-test.h"

typedef struct
{
  char              *dir;
  KefuStore         *store;
  AdwWindow         *window;
  AdwNavigationView *navigation;
  KefuComplaintPage *page;
  /* The hotline team (热线组) is never routed to; the others are. */
  gint64             hotline;
  gint64             cs_centre;
  gint64             qc;
  gint64             clerk;       /* 王芳, hotline: takes the call and owns it */
  gint64             other_clerk; /* 孙丽, hotline: neither owner nor routed */
  gint64             team_lead;   /* 赵敏, hotline */
  gint64             qc_manager;  /* 陈静, QC department */
  gint64             cs_manager;  /* 李强, CS centre */
  gint64             milk;
  gint64             complaint;
  guint              n_reloads;   /* "complaints.reload" activations */
  GArray            *opened;      /* "complaints.open" ids */
  GArray            *printed;     /* "complaints.print" ids */
} Fixture;

/* Set-up (the company's records come from ../store/kefu-test-company.h), as the clerk. */
gint64 add_complaint (Fixture *fixture, const char *caller, const char *batch);

/* What the page shows, and waiting for it. */
gboolean page_busy (KefuComplaintPage *page);
KefuComplaintTimelineView *timeline_view (Fixture *fixture);
guint store_timeline_length (Fixture *fixture);
guint shown_timeline_length (Fixture *fixture);
void wait_page (Fixture *fixture);
KefuComplaintStage stored_stage (Fixture *fixture);

/* A person's steps on the page. */
void act_as (Fixture *fixture, gint64 staff_id);
GtkButton *find_button (Fixture *fixture, const char *label);
GtkButton *action_button (Fixture *fixture, KefuComplaintAction action);
void press (Fixture *fixture, KefuComplaintAction action);
AdwDialog *wait_dialog (Fixture *fixture);
KefuComplaintActionDialog *open_dialog (Fixture *fixture, KefuComplaintAction action);
void apply_dialog (Fixture *fixture, KefuComplaintActionDialog *dialog,
                   KefuComplaintStage stage);
/* Routes the complaint to `department_id` (and `other`, unless 0) only, as the team lead
 * would: the rules' departments ticked to begin with are cleared first. */
void route_to (Fixture *fixture, gint64 department_id, gint64 other);
/* Routes the complaint to QC as the team lead, then acknowledges it as QC's manager (who works
 * on from then on). */
void acknowledge_as_qc (Fixture *fixture);
/* Presses the button labelled `label` of an alert, as a person would (the alert then closes). */
void press_alert_button (AdwDialog *dialog, const char *label);
char *timeline_text (Fixture *fixture);
gboolean label_shown (Fixture *fixture, const char *text);

/* A picture with KEFU_TEST_SHOTS set (see test-complaint-page-common.c). */
void shoot (Fixture *fixture, const char *name);

/* The dairy, the New complaint and its page, pushed in a window. */
void fixture_set_up (Fixture *fixture, gconstpointer data);
void fixture_tear_down (Fixture *fixture, gconstpointer data);
KefuCallForm *call_form (Fixture *fixture);

/* gtk_test_init () and the language: English for the assertions, or KEFU_TEST_SHOTS_LANG for
 * the pictures. */
void complaint_page_test_init (int *argc, char ***argv);
