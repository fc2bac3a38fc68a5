/* sodo-test-gtk.h: start GTK for a test program, or skip the whole program without a display
 *
 * gtk_test_init() aborts when it cannot open a display. Some builds have none on purpose:
 * Flatpak's SDK runs the test suite in a sandbox with DISPLAY and WAYLAND_DISPLAY unset. There
 * the program reports a TAP skip of all its tests instead of a crash. When a display is named,
 * GTK must open it: a broken display still fails the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdlib.h>

#include <gtk/gtk.h>

G_BEGIN_DECLS

static inline gboolean
_sodo_test_env_is_set (const char *name)
{
  const char *value = g_getenv (name);

  return value != NULL && value[0] != '\0';
}

static inline void
sodo_test_init_gtk (int    *argc,
                    char ***argv)
{
  if (!_sodo_test_env_is_set ("DISPLAY") && !_sodo_test_env_is_set ("WAYLAND_DISPLAY"))
    {
      /* A plan of 0 tests with SKIP is TAP's "skip the whole program". */
      g_print ("1..0 # SKIP no display: neither DISPLAY nor WAYLAND_DISPLAY is set\n");
      exit (EXIT_SUCCESS);
    }

  gtk_test_init (argc, argv, NULL);
}

G_END_DECLS
