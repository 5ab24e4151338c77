/* kefu-intake-queue-file.c: the file in which calls recorded while the database could not be
 * reached wait on this workstation.
 *
 * File layout (format version 1): a GVariant "(ua(sxxays))" in its serialised form: the format
 * version, then per waiting call in order its key, the time it was queued (Unix microseconds,
 * UTC), the staff id it is recorded against, the call as a draft (core/kefu-call-draft.h) and
 * the reason the database refused it for good ("" while it waits). The queue stays on the
 * workstation that wrote it, so GVariant's host byte order is fine.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-intake-queue"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>

#include "kefu-intake-queue-private.h"

#define QUEUE_FORMAT_VERSION 1
#define QUEUE_TYPE "(ua(sxxays))"

/* The file */

gboolean
_kefu_intake_queue_read_file (KefuIntakeQueue  *self,
                              GError          **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  gsize length = 0;
  guint32 version = 0;
  const char *key;
  gint64 queued_at, actor;
  GVariant *draft;
  const char *refused;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!g_file_get_contents (self->path, &contents, &length, error))
    return FALSE;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  variant = g_variant_new_from_bytes (G_VARIANT_TYPE (QUEUE_TYPE), bytes, FALSE);
  if (!g_variant_is_normal_form (variant))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The queue of calls waiting to be saved “%s” is damaged."), self->path);
      return FALSE;
    }
  g_variant_get (variant, "(ua(sxxays))", &version, &iter);
  if (version != QUEUE_FORMAT_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The queue of calls waiting to be saved “%s” was written by another "
                     "version of Kefu."), self->path);
      return FALSE;
    }
  while (g_variant_iter_next (iter, "(&sxx@ay&s)", &key, &queued_at, &actor, &draft, &refused))
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->key = g_strdup (key);
      entry->queued_at = queued_at;
      entry->actor = actor;
      entry->draft = g_variant_get_data_as_bytes (draft);
      entry->refused = *refused != '\0' ? g_strdup (refused) : NULL;
      g_ptr_array_add (self->entries, entry);
      g_variant_unref (draft);
    }
  return TRUE;
}

/* Writes the whole queue over the file, atomically and flushed to disk; removes the file when
 * the queue is empty. */
gboolean
_kefu_intake_queue_write_file (KefuIntakeQueue  *self,
                               GError          **error)
{
  g_autoptr(GVariantBuilder) builder = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autofree char *dir = NULL;

  if (self->entries->len == 0)
    {
      if (g_unlink (self->path) != 0 && errno != ENOENT)
        {
          int errsv = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not remove “%s”: %s"), self->path, g_strerror (errsv));
          return FALSE;
        }
      return TRUE;
    }

  builder = g_variant_builder_new (G_VARIANT_TYPE ("a(sxxays)"));
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      g_variant_builder_add (builder, "(sxx@ays)", entry->key, entry->queued_at, entry->actor,
                             g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, entry->draft,
                                                       TRUE),
                             entry->refused != NULL ? entry->refused : "");
    }
  variant = g_variant_ref_sink (g_variant_new ("(ua(sxxays))", (guint32) QUEUE_FORMAT_VERSION,
                                               builder));

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }
  return g_file_set_contents_full (self->path, g_variant_get_data (variant),
                                   (gssize) g_variant_get_size (variant),
                                   G_FILE_SET_CONTENTS_CONSISTENT |
                                   G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}
