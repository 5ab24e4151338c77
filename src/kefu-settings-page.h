/* kefu-settings-page.h: what every page of Preferences that edits the shared settings has in
 * common: the store and the staff member working (whose role decides whether the page may be
 * edited), a "busy" state while it reads or saves, and the store jobs that read and save, run on
 * the store's worker with one cancellable that a new read or the page going away cancels.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SETTINGS_PAGE (kefu_settings_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (KefuSettingsPage, kefu_settings_page, KEFU, SETTINGS_PAGE,
                          AdwPreferencesPage)

/* What a job that read or saved hands back: `result` is what its function returned (owned by
 * the callee; NULL with `error` set when it failed). Never called for a cancelled job. */
typedef void (*KefuSettingsPageDone) (KefuSettingsPage *self,
                                      gpointer          result,
                                      const GError     *error);

struct _KefuSettingsPageClass
{
  AdwPreferencesPageClass parent_class;

  /* Reads the page's values again with kefu_settings_page_run_load (); called when the store is
   * set (never with no store) and by kefu_settings_page_reload (). */
  void (*reload) (KefuSettingsPage *self);
  /* Brings sensitivity and messages up to date; called when the staff member changes and after
   * every job. */
  void (*update) (KefuSettingsPage *self);
};

/* Properties: "store", "staff", "busy" (read-only: reading or saving). */
KefuStore *kefu_settings_page_get_store    (KefuSettingsPage     *self);
KefuStaff *kefu_settings_page_get_staff    (KefuSettingsPage     *self);
gboolean   kefu_settings_page_get_busy     (KefuSettingsPage     *self);
gboolean   kefu_settings_page_is_loading   (KefuSettingsPage     *self);
gboolean   kefu_settings_page_is_saving    (KefuSettingsPage     *self);
/* Whether a read has succeeded since the store was set: before it, nothing shown is the
 * store's. */
gboolean   kefu_settings_page_has_loaded   (KefuSettingsPage     *self);
/* Whether the staff member working may edit settings (kefu_role_can_edit_settings ()). */
gboolean   kefu_settings_page_can_edit     (KefuSettingsPage     *self);

/* Cancels what runs and reads again (or, without a store, only updates). */
void       kefu_settings_page_reload       (KefuSettingsPage     *self);
/* Runs `func` on the store's worker as the page's read: "busy" until `done` has run; a read that
 * succeeds marks the page loaded. */
void       kefu_settings_page_run_load     (KefuSettingsPage     *self,
                                            KefuStoreFunc         func,
                                            gpointer              data,
                                            GDestroyNotify        data_free,
                                            KefuSettingsPageDone  done);
/* The same for a save; the page updates before it starts (so Save turns insensitive). */
void       kefu_settings_page_run_save     (KefuSettingsPage     *self,
                                            KefuStoreFunc         func,
                                            gpointer              data,
                                            GDestroyNotify        data_free,
                                            KefuSettingsPageDone  done);
/* Says `text` in a toast of the Preferences dialog holding the page. */
void       kefu_settings_page_toast        (KefuSettingsPage     *self,
                                            const char           *text);

G_END_DECLS
