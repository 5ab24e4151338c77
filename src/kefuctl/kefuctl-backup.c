/* kefuctl-backup.c: `kefuctl backup DEST`.
 *
 * Copies a SQLite database with kefu_store_backup () (SQLite's online backup API, safe while
 * workstations are working on it; the copy is checked and renamed into place at the end). A
 * PostgreSQL database is refused with the pg_dump command to run instead, exit status 1.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include <glib/gstdio.h>

#include "kefuctl-private.h"

static char *backup_file;

static gboolean
backup_take_arguments (int      argc,
                       char   **argv,
                       GError **error)
{
  if (argc < 1)
    {
      g_set_error_literal (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                           _("Give the file to write the backup to, e.g. "
                             "“kefuctl backup kefu-backup.db”."));
      return FALSE;
    }
  if (argc > 1)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                   _("Unexpected argument “%s” after the file name."), argv[1]);
      return FALSE;
    }
  g_set_str (&backup_file, argv[0]);
  return TRUE;
}

static gboolean
backup_run (KefuStore  *store,
            GError    **error)
{
  g_autofree char *size = NULL;
  GStatBuf st;

  if (!kefu_store_backup (store, backup_file, NULL, error))
    return FALSE;

  if (g_stat (backup_file, &st) != 0)
    st.st_size = 0;
  size = g_format_size ((guint64) st.st_size);
  /* TRANSLATORS: the first %s is the database, the second the backup file, the third its size
   * ("1.2 MB"). */
  g_print (_("Backed up %s to %s (%s).\n"), kefu_store_get_description (store), backup_file,
           size);
  return TRUE;
}

const KefuctlCommand kefuctl_backup_command = {
  .name = "backup",
  .summary = N_("Copy the database to a backup file"),
  .description = N_("Copies the SQLite database to FILE while it is in use, a little at a time "
                    "so that workstations are not held up, checks the copy and only then gives "
                    "it its name (an existing FILE is replaced). Write backups onto a local "
                    "disk or removable drive, not onto the share that holds the database. A "
                    "PostgreSQL database is backed up with the server’s pg_dump: the command "
                    "then prints how to run it for this database."),
  .must_exist = TRUE,
  .parameters = N_("FILE"),
  .take_arguments = backup_take_arguments,
  .run = backup_run,
};
