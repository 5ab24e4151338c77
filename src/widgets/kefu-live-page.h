/* kefu-live-page.h: an open record page (a complaint, a customer, a shipment, a service job, a
 * callback) kept current while someone else changes its record.
 *
 * When the record shown is changed (a KefuLive change of its kind naming its id, or a change of
 * every record of that kind) and the page has nothing unsaved, the page reads it again in place,
 * silently, its scroll position kept. When the page has unsaved typing, nothing is overwritten:
 * a banner at the top of the page says who changed the record and when ("Changed by 王芳 at
 * 10:42"), with a Reload button that reads it again (the typing then goes, as the person asked);
 * a save meanwhile meets the store's version check and the page's conflict path. The banner
 * goes once the page has read its record again with nothing unsaved.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"
#include "kefu-live.h"

G_BEGIN_DECLS

typedef struct
{
  /* The id of the record shown (0: none yet). */
  gint64   (*get_id)       (GtkWidget *page);
  /* TRUE while the page holds typing or choices not saved yet. */
  gboolean (*get_modified) (GtkWidget *page);
  /* Reads the record again and shows it (the page's "busy" is TRUE while it reads); `discard`:
   * the person asked for it over unsaved typing (the banner's Reload), which may go. */
  void     (*reload)       (GtkWidget *page,
                            gboolean   discard);
} KefuLivePageFuncs;

/* Keeps `page` current with `live` (NULL: does nothing) for records of `kind`; `entity` is the
 * store's entity name of the record's events ("complaint", "customers", "shipment",
 * "service-job", "callback"), read for who changed it and when. `page` has a boolean "busy"
 * property and an AdwToolbarView, which gets the banner. Everything lasts as long as the page. */
void        kefu_live_page_attach       (GtkWidget               *page,
                                         KefuLive                *live,
                                         KefuStore               *store,
                                         KefuLiveKind             kind,
                                         const char              *entity,
                                         const KefuLivePageFuncs *funcs);

/* For tests: the banner (NULL before any change met unsaved typing), and how many times the
 * page was read again silently. */
AdwBanner  *kefu_live_page_get_banner   (GtkWidget               *page);
guint       kefu_live_page_get_n_reloads (GtkWidget              *page);

G_END_DECLS
