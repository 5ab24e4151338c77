/* kefu-archive-banner.h: the "Archived" banner of a record page, with Restore, and the
 * confirmation that archives the record.
 *
 * A record page puts one at the top of its content and gives it the record
 * (kefu_archive_banner_set_record ()); the banner shows when the record is archived, since when
 * and by whom, with a Restore button. The page's "Archive…" calls kefu_archive_banner_archive (),
 * which asks first, saying what archiving does. ::changed is emitted after either committed,
 * with the record's new version: the page reads the record again.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store-archive.h"

G_BEGIN_DECLS

#define KEFU_TYPE_ARCHIVE_BANNER (kefu_archive_banner_get_type ())
G_DECLARE_FINAL_TYPE (KefuArchiveBanner, kefu_archive_banner, KEFU, ARCHIVE_BANNER, AdwBin)

GtkWidget *kefu_archive_banner_new          (void);
/* Which record the banner is for (`store` NULL: none); reads whether it is archived. */
void       kefu_archive_banner_set_record   (KefuArchiveBanner *self,
                                             KefuStore         *store,
                                             KefuArchiveKind    kind,
                                             gint64             id);
/* Reads the record's state again (after the page saved it, say). */
void       kefu_archive_banner_reload       (KefuArchiveBanner *self);
gboolean   kefu_archive_banner_get_archived (KefuArchiveBanner *self);
/* Property "can-archive": the record is read, not archived, and the staff member working may
 * archive (the page shows its Archive… only then). */
gboolean   kefu_archive_banner_get_can_archive (KefuArchiveBanner *self);
/* The record's version as the banner last read it. */
gint64     kefu_archive_banner_get_version  (KefuArchiveBanner *self);
/* Asks, then archives the record at the version the banner last read. */
void       kefu_archive_banner_archive      (KefuArchiveBanner *self);

G_END_DECLS
