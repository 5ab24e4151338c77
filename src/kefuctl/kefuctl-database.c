/* kefuctl-database.c: `kefuctl init` and `kefuctl check`. */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "kefuctl-private.h"

static gboolean
init_run (KefuStore  *store,
          GError    **error)
{
  guint found = kefu_store_get_schema_version_found (store);
  guint version = kefu_store_schema_version ();
  const char *where = kefu_store_get_description (store);

  /* Opening the store already created or migrated the schema; say which it was. */
  if (found == 0)
    g_print (_("Created the database %s with schema version %u.\n"), where, version);
  else if (found < version)
    g_print (_("Migrated the database %s from schema version %u to %u.\n"),
             where, found, version);
  else
    g_print (_("The database %s is up to date at schema version %u.\n"), where, version);

  return TRUE;
}

static gboolean
check_run (KefuStore  *store,
           GError    **error)
{
  g_auto(GStrv) problems = NULL;
  guint found = kefu_store_get_schema_version_found (store);
  guint version = kefu_store_schema_version ();
  guint n_problems;

  /* The store was opened without migrating, so this is the database's own version. */
  g_print (_("Database: %s\n"), kefu_store_get_description (store));
  if (found == 0)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_PROBLEMS,
                   _("%s is not a Kefu database (empty). Create the tables with “kefuctl init”, "
                     "or give the right database with --database."),
                   kefu_store_get_description (store));
      return FALSE;
    }
  g_print (_("Schema version: %u\n"), found);
  if (found < version)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_PROBLEMS,
                   _("The schema version is older than this build (%u < %u): run “kefuctl init” "
                     "to migrate."),
                   found, version);
      return FALSE;
    }

  problems = kefu_store_check (store, NULL, error);
  if (problems == NULL)
    return FALSE;

  n_problems = g_strv_length (problems);
  if (n_problems == 0)
    {
      g_print (_("No problems found.\n"));
      return TRUE;
    }

  for (guint i = 0; i < n_problems; i++)
    g_print ("%s\n", problems[i]);

  g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_PROBLEMS,
               g_dngettext (GETTEXT_PACKAGE,
                            "Found %u problem. Restore the database from a backup, or ask "
                            "for help with the problem listed above.",
                            "Found %u problems. Restore the database from a backup, or ask "
                            "for help with the problems listed above.",
                            n_problems),
               n_problems);
  return FALSE;
}

const KefuctlCommand kefuctl_init_command = {
  .name = "init",
  .summary = N_("Create the database, or migrate it to this version’s schema"),
  .description = N_("Creates a missing SQLite file or an empty PostgreSQL database with Kefu’s "
                    "tables, or brings an older database up to the schema of this version, in "
                    "one transaction, and prints the schema version. A database written by a "
                    "newer version of Kefu is left untouched."),
  .run = init_run,
};

const KefuctlCommand kefuctl_check_command = {
  .name = "check",
  .summary = N_("Check the database’s integrity and report its schema version"),
  .description = N_("Runs the integrity checks (for SQLite: quick_check and the foreign keys; "
                    "for PostgreSQL: the catalogs) and lists every problem found. The exit "
                    "status is 1 when there are problems."),
  .must_exist = TRUE,
  .open_flags = KEFU_STORE_OPEN_NO_MIGRATE | KEFU_STORE_OPEN_MUST_EXIST,
  .run = check_run,
};
