/* kefu-store-archive.h: archiving instead of deleting.
 *
 * Nothing in Kefu is deleted. A customer, complaint, shipment, service job or callback that is
 * no longer worked on is archived: it leaves the working lists and their counts, and stays in
 * the history, the reports, the customer's history and searches for archived records; it can
 * be restored. Archiving and restoring check the record's version (STALE_VERSION when someone
 * else changed it meanwhile), bump it, and append an "archived" or "restored" event. Only the
 * roles of kefu_role_can_archive_records () may do either (PERMISSION otherwise).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store.h"

G_BEGIN_DECLS

typedef enum
{
  KEFU_ARCHIVE_CUSTOMER,
  KEFU_ARCHIVE_COMPLAINT,
  KEFU_ARCHIVE_SHIPMENT,
  KEFU_ARCHIVE_SERVICE_JOB,
  KEFU_ARCHIVE_CALLBACK,
} KefuArchiveKind;

typedef struct
{
  gboolean   archived;
  GDateTime *archived_at;       /* UTC; NULL when not archived */
  gint64     archived_by;       /* staff id; 0 when not archived */
  char      *archived_by_name;
  gint64     version;           /* the record's current version */
} KefuArchiveState;

void        kefu_archive_state_clear      (KefuArchiveState *state);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KefuArchiveState, kefu_archive_state_clear)

/* The record's table ("customers", …) and the entity its events are recorded under
 * ("customers", "complaint", "shipment", "service-job", "callback"). */
const char *kefu_archive_kind_get_table   (KefuArchiveKind kind);
const char *kefu_archive_kind_get_entity  (KefuArchiveKind kind);

/* Archives (restores) the record `id` read at `version`; `new_version` (optional) receives its
 * version after the change. Archiving an archived record, or restoring one that is not, is
 * INVALID. */
gboolean    kefu_store_archive_record     (KefuStore *self, KefuArchiveKind kind, gint64 id,
                                           gint64 version, gint64 *new_version,
                                           GCancellable *cancellable, GError **error);
gboolean    kefu_store_restore_record     (KefuStore *self, KefuArchiveKind kind, gint64 id,
                                           gint64 version, gint64 *new_version,
                                           GCancellable *cancellable, GError **error);
/* Whether the record is archived, since when and by whom (NOT_FOUND for no such record). */
gboolean    kefu_store_get_archive_state  (KefuStore *self, KefuArchiveKind kind, gint64 id,
                                           KefuArchiveState *state,
                                           GCancellable *cancellable, GError **error);
/* The ids of the archived records of a kind, most recently archived first ("Show Archived"). */
GArray     *kefu_store_list_archived_ids  (KefuStore *self, KefuArchiveKind kind,
                                           GCancellable *cancellable, GError **error);

/* The same on the store's worker thread, recorded against the actor of the moment they are
 * called; _finish gives the new version (0 with `error` set on failure). */
void        kefu_store_archive_record_async  (KefuStore *self, KefuArchiveKind kind, gint64 id,
                                              gint64 version, gboolean restore,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
gint64      kefu_store_archive_record_finish (KefuStore *self, GAsyncResult *result,
                                              GError **error);

G_END_DECLS
