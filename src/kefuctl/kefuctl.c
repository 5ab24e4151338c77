/* kefuctl.c: the administrator's command line: option parsing, opening the store, dispatch.
 *
 *   kefuctl [--database=PATH | --server=URI] COMMAND [OPTION…]
 *
 * The database options may stand before or after the command. Exit status: 0 on success, 1 when
 * the command failed (the message on stderr says why), 2 when the command line is wrong.
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "kefuctl-private.h"

static char *opt_database;
static char *opt_server;
static gboolean opt_version;

static const GOptionEntry database_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    N_("Use the SQLite database file PATH (created if missing)"), N_("PATH") },
  { "server", 's', 0, G_OPTION_ARG_STRING, &opt_server,
    N_("Use the PostgreSQL server at URI, e.g. postgresql://user@host/kefu"), N_("URI") },
  { NULL }
};

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version,
    N_("Print the version of kefuctl and of the database schema it writes"), NULL },
  { NULL }
};

static const KefuctlCommand *const commands[] = {
  &kefuctl_init_command,
  &kefuctl_check_command,
  &kefuctl_demo_command,
  &kefuctl_generate_command,
  &kefuctl_import_command,
  &kefuctl_export_command,
  &kefuctl_backup_command,
  &kefuctl_report_command,
  &kefuctl_bench_command,
};

G_DEFINE_QUARK (kefuctl-error-quark, kefuctl_error)

static const KefuctlCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i]->name, name))
      return commands[i];
  return NULL;
}

static char *
default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "kefu", "kefu.db", NULL);
}

static char *
main_summary (void)
{
  GString *summary = g_string_new (_("Set up and fill a Kefu database: the same SQLite file or "
                                     "PostgreSQL server that the Kefu application uses."));

  g_string_append (summary, "\n\n");
  g_string_append (summary, _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (summary, "\n  %-10s %s", commands[i]->name, _(commands[i]->summary));
  g_string_append_printf (summary, "\n  %-10s %s", "help", _("Show the help of a command"));

  return g_string_free (summary, FALSE);
}

static char *
main_description (void)
{
  g_autofree char *path = default_database_path ();

  return g_strdup_printf (_("Without --database or --server, kefuctl uses %s, the same default as "
                            "the application.\n"
                            "Run “kefuctl COMMAND --help” for the options of a command.\n"
                            "Exit status: 0 on success, 1 when the command failed, "
                            "2 when the command line is wrong."),
                          path);
}

static GOptionGroup *
database_group (void)
{
  GOptionGroup *group = g_option_group_new ("database", _("Database options:"),
                                            _("Show the database options"), NULL, NULL);

  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, database_entries);
  return group;
}

static GOptionContext *
main_context (void)
{
  GOptionContext *context = g_option_context_new (_("COMMAND [OPTION…]"));
  g_autofree char *summary = main_summary ();
  g_autofree char *description = main_description ();

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, main_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, database_entries, GETTEXT_PACKAGE);
  /* Stop at the command's name, so that its own options go to its own parser. */
  g_option_context_set_strict_posix (context, TRUE);
  return context;
}

static GOptionContext *
command_context (const KefuctlCommand *command)
{
  GOptionContext *context = g_option_context_new (command->parameters != NULL
                                                  ? _(command->parameters) : NULL);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (command->description != NULL)
    g_option_context_set_description (context, _(command->description));
  if (command->entries != NULL)
    g_option_context_add_main_entries (context, command->entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, database_group ());
  return context;
}

static void
print_help_to (FILE           *stream,
               GOptionContext *context)
{
  g_autofree char *help = g_option_context_get_help (context, FALSE, NULL);

  fputs (help, stream);
}

static int
usage_error (const char *message)
{
  g_printerr ("kefuctl: %s\n", message);
  g_printerr (_("Run “kefuctl --help” for the commands and options."));
  g_printerr ("\n");
  return 2;
}

/* The location to open: the explicit option, or the default file (whose folder is created). */
static char *
resolve_location (GError **error)
{
  if (opt_database != NULL && opt_server != NULL)
    {
      g_set_error_literal (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                           _("Give either --database or --server, not both."));
      return NULL;
    }

  if (opt_server != NULL)
    {
      if (!kefu_store_location_is_server (opt_server))
        {
          g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                       _("“%s” is not a PostgreSQL connection URI; write it as "
                         "postgresql://user@host/database, or use --database for a file."),
                       opt_server);
          return NULL;
        }
      return g_strdup (opt_server);
    }

  if (opt_database != NULL)
    {
      if (*opt_database == '\0')
        {
          g_set_error_literal (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                               _("The --database path is empty; give the path of a file."));
          return NULL;
        }
      /* A URI given to --database would silently connect to a server: say which option
       * takes it instead. */
      if (kefu_store_location_is_server (opt_database))
        {
          g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE,
                       _("“%s” is a server address; use --server for PostgreSQL and --database "
                         "for a SQLite file."),
                       opt_database);
          return NULL;
        }
      return g_strdup (opt_database);
    }

  {
    g_autofree char *path = default_database_path ();
    g_autofree char *folder = g_path_get_dirname (path);

    if (g_mkdir_with_parents (folder, 0700) != 0)
      {
        int saved_errno = errno;

        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                     _("Could not create the folder %s for the default database: %s. Create it, "
                       "or choose a database with --database or --server."),
                     folder, g_strerror (saved_errno));
        return NULL;
      }
    return g_steal_pointer (&path);
  }
}

static int
run_command (const KefuctlCommand  *command,
             int                    argc,
             char                 **argv)
{
  g_autoptr(GOptionContext) context = command_context (command);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autofree char *location = NULL;
  g_autofree char *prgname = g_strdup_printf ("kefuctl %s", command->name);

  /* The usage line of `kefuctl demo --help` then reads "kefuctl demo [OPTION…]". */
  g_set_prgname (prgname);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (command->take_arguments != NULL)
    {
      if (!command->take_arguments (argc - 1, argv + 1, &error))
        return usage_error (error->message);
    }
  else if (argc > 1)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s” after “%s”."),
                                                  argv[1], command->name);
      return usage_error (message);
    }

  if (command->validate != NULL && !command->validate (&error))
    return usage_error (error->message);

  location = resolve_location (&error);
  if (location == NULL)
    {
      if (g_error_matches (error, KEFUCTL_ERROR, KEFUCTL_ERROR_USAGE))
        return usage_error (error->message);
      g_printerr ("kefuctl: %s\n", error->message);
      return 1;
    }

  if (command->must_exist && !kefu_store_location_is_server (location) &&
      !g_file_test (location, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("kefuctl %s: There is no database at %s. Create it with “kefuctl init”, or "
                    "give the right path with --database.\n"),
                  command->name, location);
      return 1;
    }

  store = kefu_store_open_full (location, command->open_flags, NULL, &error);
  if (store == NULL)
    {
      g_printerr ("kefuctl: %s\n", error->message);
      return 1;
    }

  /* kefuctl writes as the built-in system actor, recorded as such in the events table. */
  kefu_store_set_system_actor (store);

  if (!command->run (store, &error))
    {
      g_printerr ("kefuctl %s: %s\n", command->name, error->message);
      return 1;
    }

  return 0;
}

static int
run_help (int    argc,
          char **argv)
{
  const KefuctlCommand *command;

  if (argc < 2)
    {
      g_autoptr(GOptionContext) context = main_context ();

      print_help_to (stdout, context);
      return 0;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), argv[1]);
      return usage_error (message);
    }

  {
    g_autoptr(GOptionContext) context = command_context (command);
    g_autofree char *prgname = g_strdup_printf ("kefuctl %s", command->name);

    g_set_prgname (prgname);
    print_help_to (stdout, context);
  }
  return 0;
}

void
kefuctl_progress_start (KefuctlProgress *progress)
{
  progress->started = g_get_monotonic_time ();
  progress->last_report = progress->started;
}

double
kefuctl_progress_elapsed (KefuctlProgress *progress)
{
  return (g_get_monotonic_time () - progress->started) / (double) G_USEC_PER_SEC;
}

void
kefuctl_progress_update (KefuctlProgress *progress,
                         const char      *what,
                         guint64          done,
                         guint64          total)
{
  gint64 now = g_get_monotonic_time ();
  gboolean tty = isatty (STDERR_FILENO);

  /* Short runs stay quiet; long ones report about once a second, on one updated line on a
   * terminal and one line each in a log. */
  if (done < total && now - progress->last_report < G_USEC_PER_SEC)
    return;
  if (done == total && now - progress->started < G_USEC_PER_SEC)
    return;
  progress->last_report = now;

  {
    g_autofree char *done_text = g_strdup_printf ("%" G_GUINT64_FORMAT, done);
    g_autofree char *total_text = g_strdup_printf ("%" G_GUINT64_FORMAT, total);

    /* Translators: progress on stderr, e.g. "Customers: 120000 of 1000000 (12%)". */
    g_printerr (_("%s: %s of %s (%u%%)"),
                what, done_text, total_text, total > 0 ? (guint) (done * 100 / total) : 100);
  }
  g_printerr (tty && done < total ? "\r" : "\n");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const KefuctlCommand *command;

  setlocale (LC_ALL, "");
  /* An uninstalled build (build-aux/dev sets KEFU_UNINSTALLED) reads the catalogues meson
   * compiled into the build folder, as the app does. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KEFU_UNINSTALLED") != NULL ? KEFU_BUILD_LOCALEDIR
                                                                        : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("kefuctl");

  context = main_context ();
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (opt_version)
    {
      g_print (_("kefuctl %s (database schema version %u)\n"), PACKAGE_VERSION,
               kefu_store_schema_version ());
      return 0;
    }

  if (argc < 2)
    {
      print_help_to (stderr, context);
      return usage_error (_("No command given."));
    }

  if (g_str_equal (argv[1], "help"))
    return run_help (argc - 1, argv + 1);

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), argv[1]);
      return usage_error (message);
    }

  return run_command (command, argc - 1, argv + 1);
}
