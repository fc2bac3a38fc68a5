/* test-language-setup.c: choosing the UI language before GTK starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>

#include <gio/gio.h>

#include "app/sodo-language-setup.h"
#include "model/sodo-language.h"

static void
test_scan_args (void)
{
  struct {
    const char *args[5];
    const char *expected;
  } cases[] = {
    { { "sodo", "--language", "vi", NULL }, "vi" },
    { { "sodo", "chart.json", "--language=en", NULL }, "en" },
    { { "sodo", "--language", "xx", NULL }, "xx" },
    { { "sodo", "--language", NULL }, NULL },
    { { "sodo", "chart.json", NULL }, NULL },
    { { "sodo", "--languages=vi", NULL }, NULL },
    /* After "--" everything is a file name. */
    { { "sodo", "--", "--language", "vi", NULL }, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char **argv = (char **) cases[i].args;
      int argc = g_strv_length (argv);

      g_assert_cmpstr (sodo_language_setup_scan_args (argc, argv), ==, cases[i].expected);
    }
}

static void
test_choose (void)
{
  g_setenv ("LANGUAGE", "en", TRUE);

  /* An explicit, valid request wins over the saved preference. */
  g_assert_cmpstr (sodo_language_setup_choose ("vi", "en"), ==, "vi");
  g_assert_cmpstr (sodo_language_setup_choose ("en", "vi"), ==, "en");
  /* Without one (or with a bad one), the preference decides. */
  g_assert_cmpstr (sodo_language_setup_choose (NULL, "vi"), ==, "vi");
  g_assert_cmpstr (sodo_language_setup_choose ("xx", "vi"), ==, "vi");
  g_assert_cmpstr (sodo_language_setup_choose (NULL, "en"), ==, "en");
  /* "" or no settings at all: the system's languages. */
  g_assert_cmpstr (sodo_language_setup_choose (NULL, ""), ==, "en");
  g_assert_cmpstr (sodo_language_setup_choose (NULL, NULL), ==, "en");
  g_setenv ("LANGUAGE", "vi", TRUE);
  g_assert_cmpstr (sodo_language_setup_choose (NULL, ""), ==, "vi");
  g_assert_cmpstr (sodo_language_setup_choose (NULL, NULL), ==, "vi");
  g_unsetenv ("LANGUAGE");
}

static void
test_read_preference (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *initial = sodo_language_setup_read_preference ();
  g_autofree char *after = NULL;

  g_assert_cmpstr (initial, ==, "");
  g_settings_set_string (settings, "ui-language", "vi");
  after = sodo_language_setup_read_preference ();
  g_assert_cmpstr (after, ==, "vi");
  g_settings_reset (settings, "ui-language");
}

static void
test_read_preference_without_schema (void)
{
  if (g_test_subprocess ())
    {
      /* Reading an uninstalled schema would abort; the setup must not. */
      g_setenv ("GSETTINGS_SCHEMA_DIR", g_getenv ("SODO_TEST_DATA_DIR"), TRUE);
      g_setenv ("XDG_DATA_DIRS", g_getenv ("SODO_TEST_DATA_DIR"), TRUE);
      g_assert_null (sodo_language_setup_read_preference ());
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Each full set-up runs in its own process: it changes the environment and the locale. */
static void
test_setup_from_c_locale (void)
{
  if (g_test_subprocess ())
    {
      char *argv[] = { "sodo", "--language", "vi", NULL };

      g_setenv ("LANG", "C", TRUE);
      g_unsetenv ("LANGUAGE");
      g_assert_cmpstr (sodo_language_setup (3, argv), ==, "vi");
      /* glibc ignores LANGUAGE under C: the set-up moved to C.UTF-8 first. */
      g_assert_cmpstr (g_getenv ("LANG"), ==, "C.UTF-8");
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "vi");
      g_assert_cmpstr (sodo_language_get (), ==, "vi");
      g_assert_cmpstr (textdomain (NULL), ==, GETTEXT_PACKAGE);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_setup_unset_lang (void)
{
  if (g_test_subprocess ())
    {
      char *argv[] = { "sodo", "--language=en", NULL };

      g_unsetenv ("LANG");
      g_setenv ("LANGUAGE", "vi", TRUE);
      g_assert_cmpstr (sodo_language_setup (2, argv), ==, "en");
      g_assert_cmpstr (g_getenv ("LANG"), ==, "C.UTF-8");
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");
      g_assert_cmpstr (sodo_language_get (), ==, "en");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_setup_keeps_real_locale (void)
{
  if (g_test_subprocess ())
    {
      char *argv[] = { "sodo", NULL };

      g_setenv ("LANG", "en_US.UTF-8", TRUE);
      g_setenv ("LANGUAGE", "en", TRUE);
      g_assert_cmpstr (sodo_language_setup (1, argv), ==, "en");
      g_assert_cmpstr (g_getenv ("LANG"), ==, "en_US.UTF-8");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_setup_from_settings (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      char *argv[] = { "sodo", "chart.json", NULL };

      /* No --language: the saved preference decides, over the system's language. */
      g_setenv ("LANGUAGE", "en", TRUE);
      g_settings_set_string (settings, "ui-language", "vi");
      g_assert_cmpstr (sodo_language_setup (2, argv), ==, "vi");
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "vi");
      g_assert_cmpstr (sodo_language_get (), ==, "vi");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/language-setup/scan-args", test_scan_args);
  g_test_add_func ("/app/language-setup/choose", test_choose);
  g_test_add_func ("/app/language-setup/read-preference", test_read_preference);
  g_test_add_func ("/app/language-setup/read-preference-without-schema",
                   test_read_preference_without_schema);
  g_test_add_func ("/app/language-setup/from-c-locale", test_setup_from_c_locale);
  g_test_add_func ("/app/language-setup/unset-lang", test_setup_unset_lang);
  g_test_add_func ("/app/language-setup/keeps-real-locale", test_setup_keeps_real_locale);
  g_test_add_func ("/app/language-setup/from-settings", test_setup_from_settings);

  return g_test_run ();
}
