/* test-intake.h: what the Hotline Intake tests share: the fixture (a small dairy hotline over a
 * real store), the pane hosted in a window, and the helpers that drive it as a clerk would.
 * The tests are split by concern into test-intake, test-intake-handover and test-intake-drafts;
 * test-intake-common.c holds the helpers' code.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-settings-keys.h"
#include "intake/kefu-call-form.h"
#include "intake/kefu-caller-lookup.h"
#include "intake/kefu-draft-file.h"
#include "intake/kefu-handover-dialog.h"
#include "intake/kefu-intake-pane.h"
#include "intake/kefu-leads-dialog.h"
#include "intake/kefu-out-of-area-dialog.h"
#include "intake/kefu-recent-calls.h"
#include "intake/kefu-text-prompt.h"
#include "intake/kefu-text-row.h"
#include "widgets/kefu-customer-history-view.h"
#include "kefu-application.h"
#include "kefu-screenshots.h"
#include "kefu-window.h"

#include "kefu-ui-test.h"

/* With KEFU_INTAKE_SHOTS=DIR the tests save pictures of what they show into DIR, in the
 * language of the environment when KEFU_LOCALEDIR names the compiled catalogues (for looking at
 * the pane in Chinese); words the tests look for are then looked up in that language. */
extern gboolean translated;

#define T(text) g_dgettext (GETTEXT_PACKAGE, text)

/* The people and things of a small dairy hotline. */
typedef struct
{
  char      *dir;
  KefuStore *store;
  gint64     cs_department;
  gint64     qc_department;
  gint64     gm_department;
  gint64     sales_department;
  KefuStaff *clerk;
  KefuStaff *team_lead;
  KefuStaff *sales_admin;
  gint64     cs_manager;
  gint64     qc_manager;
  gint64     gm_office;
  gint64     depot_admin;
  gint64     milk;         /* 鲜牛奶 950ml, ¥12.50 */
} Fixture;

/* The pane alone in a window, made by host_pane. */
typedef struct
{
  GtkWindow      *window;
  KefuIntakePane *pane;
} Host;

/* Sets the program up as every intake test program needs it: isolated data and state folders
 * (drafts live in the state folder: the tests' own, never the user's), GTK and libadwaita, and
 * the translations when KEFU_LOCALEDIR is set. The folders are returned for intake_test_run. */
void
intake_test_init (int    *argc,
                  char ***argv,
                  char  **data_home,
                  char  **state_home);

/* Runs the added tests, then removes the folders intake_test_init made. */
int
intake_test_run (const char *data_home,
                 const char *state_home);

void
shoot (GtkWidget  *widget,
       const char *name);

gint64
add_department (KefuStore  *store,
                const char *name);

KefuStaff *
add_staff (KefuStore  *store,
           const char *name,
           const char *login,
           KefuRole    role,
           gint64      department);

gint64
add_customer (KefuStore  *store,
              const char *name,
              const char *phone,
              const char *address,
              gboolean    member);

void
fixture_init (Fixture *f);

void
fixture_clear (Fixture *f);

Host
host_pane (Fixture   *f,
           KefuStaff *staff);

void
host_close (Host *host);

KefuCallForm *
form_of (KefuIntakePane *pane);

GtkWidget *
field (KefuIntakePane *pane,
       const char     *field_id);

void
type_into (GtkWidget  *widget,
           const char *text);

GtkWidget *
find_titled (GtkWidget  *root,
             GType       type,
             const char *text);

void
choose_toggle (GtkWidget  *field_widget,
               const char *name);

void
choose_kind (KefuIntakePane *pane,
             const char     *kind);

KefuCallerLookup *
lookup_of (KefuIntakePane *pane);

GtkWidget *
lookup_entry (KefuIntakePane *pane);

GListModel *
look_up (KefuIntakePane *pane,
         const char     *text);

void
press_key_in_lookup (KefuIntakePane *pane,
                     guint           keyval);

/* The call the pane last reported saved, kept by call_saved_cb ("call-saved"). */
extern KefuCall *saved_call;

void
call_saved_cb (KefuIntakePane *pane,
               KefuCall       *call,
               gpointer        user_data);

KefuCall *
save (KefuIntakePane *pane);

KefuCall *
stored_call (Fixture  *f,
             KefuCall *call);

gboolean
route_to (KefuComplaint *complaint,
          gint64         department);

gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action);

AdwBanner *
banner_titled (GtkWidget  *root,
               const char *title);

AdwDialog *
visible_dialog (GtkWidget *widget);

char *
local_time_text (int days_from_today,
                 int hour,
                 int minute);

void
local_date (int    days_from_today,
            GDate *date);

void
fill_order (KefuIntakePane *pane,
            Fixture        *f,
            const char     *quantity,
            const char     *channel);
