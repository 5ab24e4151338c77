/* kefuctl-test.h: what every kefuctl test program shares: running the built kefuctl as a
 * subprocess, as an administrator would, and cleaning up the temporary folder it worked in.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

/* The two databases every kefuctl program runs on: the test's parameter (GINT_TO_POINTER). */
typedef enum
{
  BACKEND_SQLITE,
  BACKEND_POSTGRES,
} Backend;

/* The built kefuctl, set by kefuctl_test_init(). */
extern const char *kefuctl_path;

/* One finished kefuctl run. */
typedef struct
{
  int   status;  /* exit status; -1 when killed by a signal */
  char *out;
  char *err;
} Run;

void run_clear (Run *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Takes kefuctl's path out of the arguments (meson passes it first; $KEFUCTL otherwise), then
 * runs g_test_init(); aborts when no runnable kefuctl was given. */
void kefuctl_test_init (int *argc, char ***argv);

/* Removes a file or a folder with everything in it. */
void remove_tree (const char *path);

/* Runs kefuctl with the NULL-terminated arguments, in English, with `data_home` as its
 * $XDG_DATA_HOME (so the default database never touches the developer's own), and waits. */
void kefuctl_run_argv (const char        *data_home,
                       Run               *run,
                       const char *const *args);

/* A temporary folder per test, also used as $XDG_DATA_HOME of the runs so the default database
 * never touches the developer's own. */
typedef struct
{
  char *dir;
} KefuctlFixture;

void kefuctl_fixture_set_up    (KefuctlFixture *fixture,
                                gconstpointer   data);
void kefuctl_fixture_tear_down (KefuctlFixture *fixture,
                                gconstpointer   data);

/* A new database for `backend`: a file `name` in the fixture's folder, or a fresh PostgreSQL
 * database. `option` receives the kefuctl option that names it (--database=… or --server=…). */
char      *kefuctl_new_location     (KefuctlFixture *fixture,
                                     Backend         backend,
                                     const char     *name,
                                     char          **option);
/* The store at `location`, asserting that it opens. */
KefuStore *kefuctl_open_store       (const char     *location);
/* The run succeeded and said nothing critical or warning on stderr. */
void       kefuctl_assert_success   (Run            *run);

/* Adds the test `func` (taking a KefuctlFixture) on `backend`, its fixture's parameter. */
#define kefuctl_test_add(path, func, backend)                                               \
  g_test_add ((path), KefuctlFixture, GINT_TO_POINTER (backend), kefuctl_fixture_set_up,    \
              (func), kefuctl_fixture_tear_down)

/* Each program's fixture has its temporary folder in `dir`. */
#define run_kefuctl(fixture, run, ...) \
  kefuctl_run_argv ((fixture)->dir, (run), (const char *const[]) { __VA_ARGS__, NULL })

G_END_DECLS
