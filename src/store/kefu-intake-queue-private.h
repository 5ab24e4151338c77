/* kefu-intake-queue-private.h: what the intake queue's files share: the queue's struct, its
 * syncing and state (kefu-intake-queue.c) and its file (kefu-intake-queue-file.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-intake-queue.h"
#include "kefu-store-connection.h"

G_BEGIN_DECLS

/* One call waiting: its key, when it was queued, who it is recorded against, the call as a
 * draft and why the database refused it for good (NULL while it waits). */
typedef struct
{
  char    *key;
  gint64   queued_at;
  gint64   actor;
  GBytes  *draft;
  char    *refused;
} Entry;

struct _KefuIntakeQueue
{
  GObject              parent_instance;

  GWeakRef             store;
  KefuStoreConnection *connection;
  char                *path;
  GPtrArray           *entries;   /* Entry, in order */
  GCancellable        *cancellable;
  char                *last_error;
  guint                n_saved;   /* in the running round */
  gboolean             syncing;
};

/* In kefu-intake-queue-file.c: reads the file into `entries` (nothing when there is no file);
 * writes the whole queue over it, atomically and flushed to disk, removing it when the queue is
 * empty. */
gboolean _kefu_intake_queue_read_file  (KefuIntakeQueue  *self,
                                        GError          **error);
gboolean _kefu_intake_queue_write_file (KefuIntakeQueue  *self,
                                        GError          **error);

G_END_DECLS
