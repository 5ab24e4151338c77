/* kefu-atomic-file.h: a file written whole or not at all. The data goes to a new temporary file
 * in the same folder as the final name (so that the move is one rename on the same file
 * system), which replaces the final name only on commit; a failed or abandoned write removes
 * the temporary file and leaves whatever was at the final name as it was. The exports (CSV,
 * PDF) of kefuctl and of the UI write their files through it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _KefuAtomicFile KefuAtomicFile;

/* Creates the temporary file beside `path` (".<name>.XXXXXX", mode 0666 less the umask). */
KefuAtomicFile *kefu_atomic_file_new           (const char      *path,
                                                GError         **error);
/* The temporary file, for a writer that opens it by name (cairo's PDF surface). */
const char     *kefu_atomic_file_get_temp_path (KefuAtomicFile  *file);
const char     *kefu_atomic_file_get_path      (KefuAtomicFile  *file);
gboolean        kefu_atomic_file_write         (KefuAtomicFile  *file,
                                                const void      *data,
                                                gsize            length,
                                                GError         **error);
/* Flushes the file to disk and renames it over the final name. */
gboolean        kefu_atomic_file_commit        (KefuAtomicFile  *file,
                                                GError         **error);
/* Frees; an uncommitted temporary file is removed. */
void            kefu_atomic_file_free          (KefuAtomicFile  *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuAtomicFile, kefu_atomic_file_free)

/* Writes `bytes` to `path` atomically. */
gboolean        kefu_atomic_file_set_contents  (const char      *path,
                                                GBytes          *bytes,
                                                GError         **error);

G_END_DECLS
