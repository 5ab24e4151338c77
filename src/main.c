/* main.c: builds KefuApplication and runs it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kefu-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KefuApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* An uninstalled build (build-aux/dev sets KEFU_UNINSTALLED) reads the catalogues that meson
   * compiled into the build folder, so a translation can be seen without installing. */
  if (g_getenv ("KEFU_UNINSTALLED") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, KEFU_BUILD_LOCALEDIR);
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = kefu_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  return status != 0 ? status : kefu_application_get_exit_status (app);
}
