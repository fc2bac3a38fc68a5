/* sodo-language-setup.h: choosing the UI language before GTK starts
 *
 * GLib decides once per process whether to translate, and glibc ignores LANGUAGE under the
 * C locale, so the language must be settled at the very start of main(), before adw_init()
 * or g_application_run() and before any _() call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The value given to --language on @argv ("--language X" or "--language=X"), scanning up to
 * a "--"; NULL when absent. Not validated: the option parser reports a bad value later. */
const char *sodo_language_setup_scan_args   (int          argc,
                                             char       **argv);
/* The saved "ui-language" preference ("", "vi" or "en"), or NULL when the settings schema is
 * not installed (running from a build tree without GSETTINGS_SCHEMA_DIR). */
char       *sodo_language_setup_read_preference (void);
/* "vi" or "en": @requested if it is one of them, else @preference, else the system's. */
const char *sodo_language_setup_choose      (const char  *requested,
                                             const char  *preference);
/* "vi" or "en": the system's language as it was before sodo_language_setup() set LANGUAGE,
 * which is what "follow the system" means on a later switch. Before any set-up, the
 * system's language now. */
const char *sodo_language_setup_get_system_language (void);
/* Does it all: fixes a C/POSIX LANG, picks the language, sets LANGUAGE, the locale and the
 * text domain, and tells the model layer. Returns the language chosen. */
const char *sodo_language_setup             (int          argc,
                                             char       **argv);

/* The folder the catalogs are read from: LOCALEDIR, or $SODO_LOCALEDIR for a build tree. */
const char *sodo_language_setup_get_localedir (void);

G_END_DECLS
