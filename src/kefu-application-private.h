/* kefu-application-private.h: what the application's files share (options, the store and the
 * windows in kefu-application.c, the app actions and their shortcuts in
 * kefu-application-actions.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-application.h"
#include "kefu-window.h"

G_BEGIN_DECLS

struct _KefuApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  KefuStore      *store;
  char           *location;
  /* How `location` was chosen: a shared file is opened with SHARED_FILE | MUST_EXIST, and Try
   * Again must open it the same way, never create it. */
  KefuStoreOpenFlags open_flags;
  GCancellable   *open_cancellable;
  GFile          *screenshots_dir;
  int             exit_status;
};

/* The main window, made when there is none. */
KefuWindow *_kefu_application_ensure_main_window (KefuApplication *self);

/* kefu-application-actions.c */
/* Adds the app actions and sets the application's keyboard shortcuts (at startup). */
void        _kefu_application_add_actions        (KefuApplication *self);

G_END_DECLS
