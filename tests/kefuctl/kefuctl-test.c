/* kefuctl-test.c: running kefuctl as a subprocess for the kefuctl test programs.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "kefu-test-pg.h"
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

void
kefuctl_fixture_set_up (KefuctlFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  /* Named after the program, so that a folder left behind says whose it is. */
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", program);

  fixture->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
}

void
kefuctl_fixture_tear_down (KefuctlFixture *fixture,
                           gconstpointer   data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

char *
kefuctl_new_location (KefuctlFixture *fixture,
                      Backend         backend,
                      const char     *name,
                      char          **option)
{
  char *location;

  if (backend == BACKEND_POSTGRES)
    {
      location = kefu_test_pg_new_database ();
      *option = g_strdup_printf ("--server=%s", location);
    }
  else
    {
      location = g_build_filename (fixture->dir, name, NULL);
      *option = g_strdup_printf ("--database=%s", location);
    }
  return location;
}

KefuStore *
kefuctl_open_store (const char *location)
{
  g_autoptr(GError) error = NULL;
  KefuStore *store = kefu_store_open (location, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

void
kefuctl_assert_success (Run *run)
{
  if (run->status != 0)
    g_error ("kefuctl failed with status %d: %s", run->status, run->err);
  g_assert_null (strstr (run->err, "CRITICAL"));
  g_assert_null (strstr (run->err, "WARNING"));
}
