/* kefu-test-pg.h: a throwaway PostgreSQL server for the store tests.
 *
 * The first call starts, once per test process, a private PostgreSQL 17 server: initdb in a
 * temporary folder, a Unix socket in that folder and no TCP listener, so that test binaries that
 * run in parallel never meet. It runs as the user `postgres` when the tests run as root (the
 * server refuses to run as root). The server is stopped and the folder removed when the process
 * exits, also when it aborts on a failed assertion. A server that cannot start is a test failure
 * (g_error() with the server log): PostgreSQL tests are never skipped.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Creates a new, empty UTF-8 database (C.UTF-8 collation) and returns its URI, e.g.
 * "postgresql:///kefu_test_3?host=/tmp/kefu-test-pg-XYZ&port=54321&user=postgres". */
char       *kefu_test_pg_new_database        (void);

/* Makes the server require a SCRAM password for `role` over the socket (every other role stays
 * trusted). Call it before or after the server started; the rule applies from then on. */
void        kefu_test_pg_require_password    (const char *role);

/* Runs `sql` (one or more statements) as the superuser in `dbname` ("postgres" for the
 * maintenance database); a failure is fatal to the test. */
void        kefu_test_pg_exec                (const char *dbname,
                                              const char *sql);

/* Restarts the server (pg_ctl restart -m fast): every open connection is dropped. */
void        kefu_test_pg_restart             (void);

/* Stops the server (pg_ctl stop -m fast) and starts it again, on the same socket and port, for
 * outage tests; the exit handler still stops it once at the end. */
void        kefu_test_pg_stop                (void);
void        kefu_test_pg_start               (void);

/* Where the server listens: its socket directory and port (the server is started if needed). */
const char *kefu_test_pg_get_socket_dir      (void);
guint       kefu_test_pg_get_port            (void);

G_END_DECLS
