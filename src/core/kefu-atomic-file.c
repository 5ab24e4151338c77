/* kefu-atomic-file.c: a file written whole or not at all (kefu-atomic-file.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kefu-atomic-file.h"

struct _KefuAtomicFile
{
  char    *path;
  char    *temp_path;
  int      fd;
  gboolean committed;
};

static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: a file, then the system's reason. */
               _("Could not write %s: %s. Check that the folder exists, can be written to and "
                 "has free space, or choose another folder."),
               path, g_strerror (saved_errno));
}

KefuAtomicFile *
kefu_atomic_file_new (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  KefuAtomicFile *file;
  int fd;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Hidden, and named after the final file, so that someone who sees it knows what it is. */
  name = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (name, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_io_error (error, errno, path);
      return NULL;
    }
  file = g_new0 (KefuAtomicFile, 1);
  file->path = g_strdup (path);
  file->temp_path = g_steal_pointer (&name);
  file->fd = fd;
  return file;
}

const char *
kefu_atomic_file_get_temp_path (KefuAtomicFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);

  return file->temp_path;
}

const char *
kefu_atomic_file_get_path (KefuAtomicFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);

  return file->path;
}

gboolean
kefu_atomic_file_write (KefuAtomicFile  *file,
                        const void      *data,
                        gsize            length,
                        GError         **error)
{
  const char *p = data;

  g_return_val_if_fail (file != NULL && file->fd >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  while (length > 0)
    {
      ssize_t n = write (file->fd, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_io_error (error, errno, file->path);
          return FALSE;
        }
      p += n;
      length -= (gsize) n;
    }
  return TRUE;
}

gboolean
kefu_atomic_file_commit (KefuAtomicFile  *file,
                         GError         **error)
{
  int fd;

  g_return_val_if_fail (file != NULL && !file->committed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* On disk before the rename, so that a crash leaves the old file or the whole new one. */
  fd = file->fd;
  file->fd = -1;
  if (fsync (fd) != 0 && errno != EINVAL)
    {
      int saved = errno;

      close (fd);
      set_io_error (error, saved, file->path);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      set_io_error (error, errno, file->path);
      return FALSE;
    }
  if (g_rename (file->temp_path, file->path) != 0)
    {
      set_io_error (error, errno, file->path);
      return FALSE;
    }
  file->committed = TRUE;
  return TRUE;
}

void
kefu_atomic_file_free (KefuAtomicFile *file)
{
  if (file == NULL)
    return;
  if (file->fd >= 0)
    close (file->fd);
  if (!file->committed)
    g_unlink (file->temp_path);
  g_free (file->path);
  g_free (file->temp_path);
  g_free (file);
}

gboolean
kefu_atomic_file_set_contents (const char  *path,
                               GBytes      *bytes,
                               GError     **error)
{
  g_autoptr(KefuAtomicFile) file = NULL;
  gsize length;
  const void *data;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  file = kefu_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  if (length > 0 && !kefu_atomic_file_write (file, data, length, error))
    return FALSE;
  return kefu_atomic_file_commit (file, error);
}
