/* sodo-language-setup.c: choosing the UI language before GTK starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "model/sodo-language.h"

#include "sodo-language-setup.h"

#define LANGUAGE_OPTION "--language"

/* "vi" or "en" from the environment Sodo started in, before sodo_language_setup() set
 * LANGUAGE; NULL until then. */
static const char *system_language;

static gboolean
is_supported_language (const char *lang)
{
  return g_strcmp0 (lang, "vi") == 0 || g_strcmp0 (lang, "en") == 0;
}

const char *
sodo_language_setup_scan_args (int    argc,
                               char **argv)
{
  const gsize option_len = strlen (LANGUAGE_OPTION);

  g_return_val_if_fail (argc == 0 || argv != NULL, NULL);

  for (int i = 1; i < argc && argv[i] != NULL; i++)
    {
      const char *arg = argv[i];

      /* Everything after "--" is a file name, even one called "--language". */
      if (strcmp (arg, "--") == 0)
        break;
      if (strcmp (arg, LANGUAGE_OPTION) == 0)
        return i + 1 < argc ? argv[i + 1] : NULL;
      if (strncmp (arg, LANGUAGE_OPTION, option_len) == 0 && arg[option_len] == '=')
        return arg + option_len + 1;
    }

  return NULL;
}

char *
sodo_language_setup_read_preference (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  /* Reading an uninstalled schema would abort the process: look it up first. */
  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "ui-language"))
    return NULL;

  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_string (settings, "ui-language");
}

const char *
sodo_language_setup_choose (const char *requested,
                            const char *preference)
{
  if (is_supported_language (requested))
    return requested;

  /* "" (follow the system) and anything unknown resolve from the system's languages. */
  return sodo_language_resolve (preference != NULL ? preference : "");
}

const char *
sodo_language_setup_get_system_language (void)
{
  return system_language != NULL ? system_language : sodo_language_resolve ("");
}

/* glibc ignores LANGUAGE under the C locale, so give it a UTF-8 locale that exists everywhere. */
static void
ensure_utf8_locale (void)
{
  const char *lang = g_getenv ("LANG");

  if (lang == NULL || *lang == '\0' || strcmp (lang, "C") == 0 || strcmp (lang, "POSIX") == 0)
    g_setenv ("LANG", "C.UTF-8", TRUE);
}


/* Where the catalogs are: the installed locale dir, or SODO_LOCALEDIR when running from a
 * build tree (build-aux/run and `meson devenv` set it to the build's po/ folder). */
const char *
sodo_language_setup_get_localedir (void)
{
  const char *dir = g_getenv ("SODO_LOCALEDIR");

  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

const char *
sodo_language_setup (int    argc,
                     char **argv)
{
  g_autofree char *preference = NULL;
  const char *requested;
  const char *lang;

  ensure_utf8_locale ();

  requested = sodo_language_setup_scan_args (argc, argv);
  /* An explicit, valid --language wins without reading the settings at all. */
  if (!is_supported_language (requested))
    preference = sodo_language_setup_read_preference ();
  lang = sodo_language_setup_choose (requested, preference);

  /* Setting LANGUAGE hides the system's choice from later look-ups: keep it for a switch
   * back to "follow the system". */
  system_language = sodo_language_resolve ("");
  g_setenv ("LANGUAGE", lang, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, sodo_language_setup_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  sodo_language_set (lang);

  return lang;
}
