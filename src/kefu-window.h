/* kefu-window.h: the main window: the panes in a split view, and the loading and database-error
 * pages shown before a database is open.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-complaint-watcher.h"
#include "store/kefu-store.h"
#include "widgets/kefu-live.h"

G_BEGIN_DECLS

#define KEFU_TYPE_WINDOW (kefu_window_get_type ())
G_DECLARE_FINAL_TYPE (KefuWindow, kefu_window, KEFU, WINDOW, AdwApplicationWindow)

KefuWindow         *kefu_window_new                  (GtkApplication *application);

/* The panes, in sidebar order: "intake", "complaints", "aftersales", "callbacks",
 * "customers", "dashboard". */
const char * const *kefu_window_get_pane_names       (void);
gboolean            kefu_window_select_pane          (KefuWindow     *self,
                                                      const char     *name);
const char         *kefu_window_get_visible_pane     (KefuWindow     *self);

/* What the window shows: "loading", "database-error" or "panes". */
const char         *kefu_window_get_page             (KefuWindow     *self);
void                kefu_window_show_loading         (KefuWindow     *self,
                                                      const char     *location);
void                kefu_window_show_database_error  (KefuWindow     *self,
                                                      const char     *location,
                                                      const GError   *error);
/* Shows the panes over `store`, then settles who is working. */
void                kefu_window_set_store            (KefuWindow     *self,
                                                      KefuStore      *store);
KefuStore          *kefu_window_get_store            (KefuWindow     *self);

/* Who is working at this workstation (NULL until chosen). */
KefuStaff          *kefu_window_get_staff            (KefuWindow     *self);
/* Presents the dialog that picks who is working. */
void                kefu_window_choose_staff         (KefuWindow     *self);
/* For --screenshots: when nobody is remembered, take the first active staff member instead of
 * asking, and remember nothing. */
void                kefu_window_set_unattended       (KefuWindow     *self,
                                                      gboolean        unattended);

/* TRUE while the window is still loading what it shows (the database, who is working, the
 * counts, or data of the visible pane). --screenshots waits for FALSE. */
gboolean            kefu_window_get_busy             (KefuWindow     *self);

/* Shows the Complaints pane with the complaint's detail page (a notification's action); while the
 * database is still opening, once it is open and who is working is known. */
void                kefu_window_open_complaint       (KefuWindow     *self,
                                                      gint64          complaint_id);
/* The escalation check and notifications of the store and staff the window shows. */
KefuComplaintWatcher *kefu_window_get_complaint_watcher (KefuWindow  *self);
/* What other workstations save, gathered by kind, for the database shown (NULL while none is
 * open); also the read-only property "live", which the panes are bound to. */
KefuLive           *kefu_window_get_live             (KefuWindow     *self);

/* Asks before quitting while calls recorded during an outage still wait on this workstation
 * (kefu-window-outage.c); TRUE when it asked, and the application then quits once the clerk
 * confirms. */
gboolean            kefu_window_ask_before_quit      (KefuWindow     *self);

G_END_DECLS
