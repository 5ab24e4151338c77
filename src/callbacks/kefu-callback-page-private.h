/* kefu-callback-page-private.h: what the callback page's files share: its struct, and the
 * filling of its sections and script (kefu-callback-page-sections.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "widgets/kefu-presence-tracker.h"
#include "core/kefu-callback-rules.h"
#include "widgets/kefu-record-loader.h"

#include "kefu-callback-page.h"
#include "kefu-callback-record-form.h"

G_BEGIN_DECLS

/* The script's parts, in the order they are said. */
typedef enum
{
  KEFU_SCRIPT_OPENING,
  KEFU_SCRIPT_QUESTION,
  KEFU_SCRIPT_SATISFIED,
  KEFU_SCRIPT_CLOSING_SATISFIED,
  KEFU_SCRIPT_UNSATISFIED,
  KEFU_SCRIPT_CLOSING_UNSATISFIED,
  KEFU_SCRIPT_N_PARTS
} KefuScriptPart;

struct _KefuCallbackPage
{
  AdwNavigationPage        parent_instance;

  /* "Being edited by …" (widgets/kefu-presence-tracker.h): others' marks in presence_banner. */
  KefuPresenceTracker        *presence;
  AdwBanner                  *presence_banner;
  GtkButton                  *history_button;

  KefuStore               *store;
  KefuStaff               *staff;
  gint64                   callback_id;
  KefuRecordLoader        *loader;
  GCancellable            *cancellable;      /* renewals and saves; cancelled in dispose */
  GDateTime               *clock;            /* NULL: the real clock */

  /* What the last read gave. */
  KefuCallback            *callback;
  KefuCallbackRules       *rules;
  KefuCallbackPreferences *prefs;            /* NULL: the customer has no times of their own */
  char                    *own_quiet;        /* the customer's own times as stored */
  char                    *own_preferred;
  char                    *scripts[KEFU_SCRIPT_N_PARTS];  /* the filled texts */
  GObject                 *source;           /* KefuComplaintCard, KefuServiceJob or
                                              * KefuShipment; NULL: none or unreadable */

  /* The claim. */
  gboolean                 holds_claim;
  char                    *read_only_reason; /* NULL: the page may record */
  guint                    renew_id;
  gboolean                 recorded;
  gboolean                 saving;
  gboolean                 stale;            /* the last save found a newer version */
  char                    *quiet_warning;

  GtkListBox              *attempts_list;
  AdwPreferencesGroup     *attempts_group;
  GtkButton               *copy_button;
  GtkListBox              *details_list;
  AdwStatusPage           *error_page;
  KefuCallbackRecordForm  *form;
  GtkLabel                *heading_label;
  GtkLabel                *late_label;
  GtkLabel                *member_label;
  GtkLabel                *phone_label;
  AdwBanner               *quiet_banner;
  AdwBanner               *read_only_banner;
  AdwPreferencesGroup     *record_group;
  GtkListBox              *record_list;
  GtkBox                  *script_box;
  AdwPreferencesGroup     *script_group;
  AdwPreferencesGroup     *source_group;
  GtkListBox              *source_list;
  GtkStack                *stack;
  GtkLabel                *subheading_label;
  AdwToastOverlay         *toast_overlay;

  GtkWidget               *script_parts[KEFU_SCRIPT_N_PARTS];
};

/* The time the page takes as now (transfer full). */
GDateTime *_kefu_callback_page_now            (KefuCallbackPage *self);

/* What the page may do now: record (the callback is due and not recorded yet); the actions and
 * the form follow. */
gboolean   _kefu_callback_page_is_due          (KefuCallbackPage *self);
void       _kefu_callback_page_update_actions  (KefuCallbackPage *self);

/* In kefu-callback-page-claim.c: whether the page holds the claim (the renewal runs while it
 * does), why it may not record (NULL: it may; shown in the banner), giving the claim up, renewing
 * it now, and saving the record with `outcome`. */
void       _kefu_callback_page_set_holds_claim      (KefuCallbackPage    *self,
                                                     gboolean             holds);
void       _kefu_callback_page_set_read_only_reason (KefuCallbackPage    *self,
                                                     const char          *reason);
void       _kefu_callback_page_release_claim        (KefuCallbackPage    *self);
void       _kefu_callback_page_renew_now            (KefuCallbackPage    *self);
void       _kefu_callback_page_record               (KefuCallbackPage    *self,
                                                     KefuCallbackOutcome  outcome);

/* In kefu-callback-page-sections.c: the heading and every section from the last read, the
 * script's branch for the satisfaction picked, and the quiet-hour warning at the page's now. */
void       _kefu_callback_page_show_sections  (KefuCallbackPage *self);
void       _kefu_callback_page_show_branch    (KefuCallbackPage *self);
void       _kefu_callback_page_update_quiet   (KefuCallbackPage *self);
/* The script filled for this callback (loaded on the worker: the settings, the source's day). */
void       _kefu_callback_page_fill_script    (KefuCallbackPage *self,
                                               char            **templates,
                                               const char       *company);

G_END_DECLS
