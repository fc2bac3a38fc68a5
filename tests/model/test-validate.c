/* test-validate.c: `sodo --validate`: exit status and the exact lines on stderr
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cli/sodo-cli.h"
#include "model/sodo-limits.h"

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"), name, NULL);
}

/* In the child: validates @names (data files) and passes only if the status is @expected. */
static void
run_validate (const char *const *names,
              int                expected)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (files, names[i][0] == '/' ? g_strdup (names[i]) : data_path (names[i]));
  g_ptr_array_add (files, NULL);

  g_assert_cmpint (sodo_cli_validate ((const char *const *) files->pdata), ==, expected);
}

static void
test_validate_valid (void)
{
  if (g_test_subprocess ())
    {
      const char *names[] = {
        "orgchart-valid.json", "regulation-valid.json", "comments-valid.json", NULL,
      };

      run_validate (names, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("");
}

static void
test_validate_errors (void)
{
  g_autofree char *path = data_path ("orgchart-errors.json");
  g_autofree char *expected = NULL;

  if (g_test_subprocess ())
    {
      const char *names[] = { "orgchart-errors.json", NULL };

      run_validate (names, 1);
      return;
    }

  /* Every problem, one a line, in file order. */
  expected = g_strdup_printf (
    "%1$s:8:17: error: units[1].parent: no unit has the id “nobody”\n"
    "%1$s:9:35: error: units[2].kind: the kind “club” is not declared in “kinds”\n"
    "%1$s:9:64: warning: units[2].colour: unknown member “colour” is ignored "
    "(made for a newer Sodo?)\n"
    "%1$s:12:19: error: relations[0].to: a relation must link two different units\n",
    path);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr (expected);
}

static void
test_validate_warnings_only (void)
{
  g_autofree char *path = data_path ("orgchart-warnings.json");
  g_autofree char *expected = NULL;

  if (g_test_subprocess ())
    {
      const char *names[] = { "orgchart-warnings.json", NULL };

      run_validate (names, 0);
      return;
    }

  expected = g_strdup_printf (
    "%1$s:5:3: warning: theme: unknown member “theme” is ignored (made for a newer Sodo?)\n"
    "%1$s:8:69: warning: units[0].badge: unknown member “badge” is ignored "
    "(made for a newer Sodo?)\n",
    path);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr (expected);
}

static void
test_validate_syntax (void)
{
  g_autofree char *path = data_path ("orgchart-syntax.json");
  g_autofree char *expected = NULL;

  if (g_test_subprocess ())
    {
      const char *names[] = { "orgchart-syntax.json", NULL };

      run_validate (names, 1);
      return;
    }

  expected = g_strdup_printf ("%s:4:19: error: not valid JSON: a word that is not true, false "
                              "or null, or text without quotes\n", path);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr (expected);
}

/* One bad file makes the run fail; the good ones around it print nothing. */
static void
test_validate_mixed (void)
{
  g_autofree char *path = data_path ("orgchart-syntax.json");
  g_autofree char *expected = NULL;

  if (g_test_subprocess ())
    {
      const char *names[] = {
        "orgchart-valid.json", "orgchart-syntax.json", "comments-valid.json", NULL,
      };

      run_validate (names, 1);
      return;
    }

  expected = g_strdup_printf ("%s:4:19: error: *\n", path);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr (expected);
}

static void
test_validate_unreadable (void)
{
  if (g_test_subprocess ())
    {
      const char *names[] = { "/nonexistent/chart.json", NULL };

      run_validate (names, 1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("/nonexistent/chart.json: error: could not read the file: *\n");
}

/* Writes @contents to a new temporary file whose path the child finds in @variable. */
static char *
write_temp_file (const char *variable,
                 const char *contents,
                 gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sodo-test-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, "input.json", NULL);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_setenv (variable, path, TRUE);

  return path;
}

static void
remove_temp_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_validate_not_sodo (void)
{
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  const char *text = "Điều 1. Phạm vi điều chỉnh\n";

  if (g_test_subprocess ())
    {
      const char *names[] = { g_getenv ("TEXT_PATH"), NULL };

      run_validate (names, 1);
      return;
    }

  path = write_temp_file ("TEXT_PATH", text, strlen (text));
  expected = g_strdup_printf ("%s:1:1: error: not valid JSON: unexpected character “Đ”\n", path);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr (expected);
  remove_temp_file (path);
}

/* More problems than are listed: the rest are counted on a last line. */
static void
test_validate_too_many (void)
{
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GString) json = NULL;

  if (g_test_subprocess ())
    {
      const char *names[] = { g_getenv ("MANY_PATH"), NULL };

      run_validate (names, 1);
      return;
    }

  json = g_string_new ("{\"format\": \"sodo-orgchart\", \"version\": 1, \"title\": \"T\",\n"
                       "\"kinds\": [{\"id\": \"k\", \"name\": \"K\"}], \"units\": [\n"
                       "{\"id\": \"r\", \"parent\": null, \"kind\": \"k\", \"name\": \"R\"}");
  for (guint i = 0; i < SODO_MAX_DIAGNOSTICS + 5; i++)
    g_string_append_printf (json, ",\n{\"id\": \"u%u\", \"parent\": \"x\", \"kind\": \"k\", "
                            "\"name\": \"U\"}", i);
  g_string_append (json, "]}\n");
  path = write_temp_file ("MANY_PATH", json->str, json->len);

  expected = g_strdup_printf ("%1$s:4:14: error: units[1].parent: no unit has the id “x”\n"
                              "*\n"
                              "%1$s:1003:16: error: units[1000].parent: no unit has the id “x”\n"
                              "%1$s: note: 5 more problems not shown\n", path);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr (expected);
  remove_temp_file (path);
}

int
main (int   argc,
      char *argv[])
{
  /* As sodo's main() does: messages in the locale's encoding (UTF-8 under the tests). */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/valid", test_validate_valid);
  g_test_add_func ("/validate/errors", test_validate_errors);
  g_test_add_func ("/validate/warnings-only", test_validate_warnings_only);
  g_test_add_func ("/validate/syntax", test_validate_syntax);
  g_test_add_func ("/validate/mixed", test_validate_mixed);
  g_test_add_func ("/validate/unreadable", test_validate_unreadable);
  g_test_add_func ("/validate/not-sodo", test_validate_not_sodo);
  g_test_add_func ("/validate/too-many", test_validate_too_many);

  return g_test_run ();
}
