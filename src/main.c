/* main.c: the language is settled first, then the application runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "app/sodo-application.h"
#include "app/sodo-language-setup.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SodoApplication) app = NULL;

  /* Before anything that translates or starts GTK: see sodo-language-setup.h. */
  sodo_language_setup (argc, argv);

  app = sodo_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
