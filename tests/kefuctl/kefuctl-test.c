/* kefuctl-test.c: running kefuctl as a subprocess for the kefuctl test programs.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <glib/gstdio.h>

#include "kefuctl-test.h"

const char *kefuctl_path;

void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
kefuctl_test_init (int    *argc,
                   char ***argv)
{
  kefuctl_path = g_getenv ("KEFUCTL");
  if (*argc > 1 && (*argv)[1][0] != '-')
    {
      kefuctl_path = (*argv)[1];
      (*argv)[1] = (*argv)[0];
      (*argc)--;
      (*argv)++;
    }

  g_test_init (argc, argv, NULL);

  if (kefuctl_path == NULL || !g_file_test (kefuctl_path, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("give the path of the built kefuctl as the first argument or in $KEFUCTL");
}

void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

void
kefuctl_run_argv (const char        *data_home,
                  Run               *run,
                  const char *const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;

  g_ptr_array_add (argv, (char *) kefuctl_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);

  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  command = g_strjoinv (" ", (char **) args);
  g_test_message ("kefuctl %s → %d\nstdout: %s\nstderr: %s",
                  command, run->status, run->out, run->err);
}
