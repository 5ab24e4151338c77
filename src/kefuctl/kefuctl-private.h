/* kefuctl-private.h: what kefuctl's command files share with its main.
 *
 * Each command is a KefuctlCommand: its name, a one-line summary for `kefuctl --help`, a longer
 * description for `kefuctl COMMAND --help`, its own options, and a function that runs it on an
 * opened store. main() parses the database options, opens the store and calls the command.
 */
#pragma once

#include <glib/gi18n.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFUCTL_ERROR (kefuctl_error_quark ())

typedef enum
{
  KEFUCTL_ERROR_USAGE,       /* the command line is wrong; exit status 2 */
  KEFUCTL_ERROR_PROBLEMS,    /* check found problems */
  KEFUCTL_ERROR_REFUSED,     /* the command will not run on this database as it is */
} KefuctlError;

typedef struct
{
  const char          *name;
  const char          *summary;      /* N_() */
  const char          *description;  /* N_(), may be NULL */
  const GOptionEntry  *entries;      /* may be NULL */
  /* TRUE when a missing SQLite file is an error rather than a database to create. */
  gboolean             must_exist;
  /* How the command opens the database (check: without migrating it). */
  KefuStoreOpenFlags   open_flags;
  /* Checks the command's own options before a database is opened. May be NULL. */
  gboolean           (*validate)     (GError      **error);
  /* The words a command takes after its name, for its usage line ("customers FILE.csv"), and
   * the function that receives them (`argv[0]` is the first word) before the database is
   * opened. Both NULL for a command that takes none, which then refuses any. */
  const char          *parameters;   /* N_() */
  gboolean           (*take_arguments) (int          argc,
                                        char       **argv,
                                        GError     **error);
  gboolean           (*run)          (KefuStore    *store,
                                      GError      **error);
} KefuctlCommand;

GQuark kefuctl_error_quark (void);

extern const KefuctlCommand kefuctl_init_command;
extern const KefuctlCommand kefuctl_check_command;
extern const KefuctlCommand kefuctl_demo_command;
extern const KefuctlCommand kefuctl_generate_command;
extern const KefuctlCommand kefuctl_import_command;
extern const KefuctlCommand kefuctl_export_command;
extern const KefuctlCommand kefuctl_backup_command;
extern const KefuctlCommand kefuctl_report_command;
extern const KefuctlCommand kefuctl_bench_command;

/* Progress lines on stderr for long runs: printed at most about once a second. */
typedef struct
{
  gint64 started;
  gint64 last_report;
} KefuctlProgress;

void   kefuctl_progress_start  (KefuctlProgress *progress);
void   kefuctl_progress_update (KefuctlProgress *progress,
                                const char      *what,
                                guint64          done,
                                guint64          total);
/* Seconds since kefuctl_progress_start(). */
double kefuctl_progress_elapsed (KefuctlProgress *progress);

G_END_DECLS
