/* test-hostile.c: every file of the hostile corpus gives the outcome its manifest says, through
 * the loaders and through `sodo --validate`
 *
 * tests/data/hostile/expected.tsv lists each file with "ok" or the code of the first error (in
 * file order), its LINE:COLUMN and a piece of its message. Files too big to keep in the
 * repository are written by tests/data/hostile/generate.py into a temporary folder; set
 * SODO_TEST_SKIP_BIG=1 to leave them out (the valgrind run does).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "layout/sodo-layout.h"
#include "model/sodo-comments.h"
#include "model/sodo-document.h"
#include "model/sodo-limits.h"
#include "model/sodo-orgchart.h"

#define GENERATED_PREFIX "generated/"

typedef struct {
  char *name;       /* as in the manifest */
  char *outcome;    /* "ok" or a SodoErrorCode name without SODO_ERROR_ */
  char *position;   /* "LINE:COLUMN", "LINE" or "-" */
  char *fragment;   /* part of the first error's message (or of a warning for "ok"), or "-" */
} Row;

static const char *const code_names[] = {
  [SODO_ERROR_IO] = "IO",
  [SODO_ERROR_ENCODING] = "ENCODING",
  [SODO_ERROR_SYNTAX] = "SYNTAX",
  [SODO_ERROR_LIMIT] = "LIMIT",
  [SODO_ERROR_FORMAT] = "FORMAT",
  [SODO_ERROR_VERSION] = "VERSION",
  [SODO_ERROR_MISSING] = "MISSING",
  [SODO_ERROR_TYPE] = "TYPE",
  [SODO_ERROR_VALUE] = "VALUE",
  [SODO_ERROR_DUPLICATE] = "DUPLICATE",
  [SODO_ERROR_REFERENCE] = "REFERENCE",
  [SODO_ERROR_STRUCTURE] = "STRUCTURE",
  [SODO_ERROR_CONFLICT] = "CONFLICT",
  [SODO_ERROR_UNKNOWN_MEMBER] = "UNKNOWN_MEMBER",
};

static GPtrArray *rows;          /* of Row */
static char *corpus_dir;
static char *generated_dir;      /* NULL until generated */

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->name);
  g_free (row->outcome);
  g_free (row->position);
  g_free (row->fragment);
  g_free (row);
}

static int
code_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (code_names); i++)
    if (code_names[i] != NULL && strcmp (code_names[i], name) == 0)
      return (int) i;

  g_error ("expected.tsv: unknown error code “%s”", name);
  return -1;
}

static void
read_manifest (void)
{
  g_autofree char *path = g_build_filename (corpus_dir, "expected.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  rows = g_ptr_array_new_with_free_func (row_free);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Row *row;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != 4)
        g_error ("expected.tsv:%u: want 4 fields separated by tabs, not %u", i + 1,
                 g_strv_length (fields));
      if (strcmp (fields[1], "ok") != 0)
        code_from_name (fields[1]);

      row = g_new0 (Row, 1);
      row->name = g_strdup (fields[0]);
      row->outcome = g_strdup (fields[1]);
      row->position = g_strdup (fields[2]);
      row->fragment = g_strdup (fields[3]);
      g_ptr_array_add (rows, row);
    }
}

static gboolean
row_is_generated (const Row *row)
{
  return g_str_has_prefix (row->name, GENERATED_PREFIX);
}

static gboolean
skip_big (void)
{
  const char *skip = g_getenv ("SODO_TEST_SKIP_BIG");

  return skip != NULL && skip[0] != '\0' && strcmp (skip, "0") != 0;
}

static char *
row_path (const Row *row)
{
  if (row_is_generated (row))
    return g_build_filename (generated_dir, row->name + strlen (GENERATED_PREFIX), NULL);
  return g_build_filename (corpus_dir, row->name, NULL);
}

static const Row *
find_row (const char *name)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = g_ptr_array_index (rows, i);

      if (strcmp (row->name, name) == 0)
        return row;
    }

  g_error ("expected.tsv has no row for %s", name);
  return NULL;
}

/* Generates the big files once, the first time a test needs them. */
static void
ensure_generated (void)
{
  g_autofree char *script = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (generated_dir != NULL)
    return;

  generated_dir = g_dir_make_tmp ("sodo-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  script = g_build_filename (corpus_dir, "generate.py", NULL);
  g_spawn_sync (NULL, (char *[]) { (char *) "python3", script, generated_dir, NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("generate.py failed: %s\n%s", error->message, err);
}

static void
remove_generated (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (generated_dir == NULL)
    return;

  dir = g_dir_open (generated_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (generated_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (generated_dir);
  g_clear_pointer (&generated_dir, g_free);
}

static char *
format_position (const SodoDiagnostic *diag)
{
  if (diag->line == 0)
    return g_strdup ("-");
  if (diag->column == 0)
    return g_strdup_printf ("%u", diag->line);
  return g_strdup_printf ("%u:%u", diag->line, diag->column);
}

static const SodoDiagnostic *
first_error (SodoDiagnostics *diags)
{
  for (guint i = 0; i < sodo_diagnostics_get_n_items (diags); i++)
    {
      const SodoDiagnostic *diag = sodo_diagnostics_get_item (diags, i);

      if (diag->severity == SODO_SEVERITY_ERROR)
        return diag;
    }

  return NULL;
}

static gboolean
has_warning_with (SodoDiagnostics *diags,
                  const char      *fragment)
{
  for (guint i = 0; i < sodo_diagnostics_get_n_items (diags); i++)
    {
      const SodoDiagnostic *diag = sodo_diagnostics_get_item (diags, i);

      if (diag->severity == SODO_SEVERITY_WARNING && strstr (diag->message, fragment) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Loads a row's file; the caller owns the document (NULL when refused). */
static GObject *
load_row (const Row        *row,
          SodoDiagnostics **out_diags,
          GError          **error)
{
  g_autofree char *path = row_path (row);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SodoDiagnostics *diags = sodo_diagnostics_new (path);
  GObject *document;

  document = sodo_document_load_file (file, NULL, diags, NULL, error);
  sodo_diagnostics_sort (diags);
  *out_diags = diags;
  return document;
}

static void
test_load (gconstpointer data)
{
  const Row *row = data;
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(GObject) document = NULL;
  g_autoptr(GError) error = NULL;
  const SodoDiagnostic *diag;

  if (row_is_generated (row))
    ensure_generated ();

  document = load_row (row, &diags, &error);
  diag = first_error (diags);

  if (strcmp (row->outcome, "ok") == 0)
    {
      g_assert_no_error (error);
      g_assert_nonnull (document);
      g_assert_null (diag);
      if (strcmp (row->fragment, "-") != 0)
        g_assert_true (has_warning_with (diags, row->fragment));
      return;
    }

  g_assert_null (document);
  g_assert_nonnull (error);
  g_assert_true (error->domain == SODO_ERROR);
  g_assert_nonnull (diag);
  {
    g_autofree char *position = format_position (diag);

    g_test_message ("%s: %s %s %s", row->name, code_names[diag->code], position, diag->message);
    g_assert_cmpstr (code_names[diag->code], ==, row->outcome);
    g_assert_cmpstr (position, ==, row->position);
  }
  if (strcmp (row->fragment, "-") != 0)
    g_assert_nonnull (strstr (diag->message, row->fragment));
}

/* Runs the sodo executable; returns its exit status. */
static int
run_sodo (const char *const *args,
          char              **out_stderr)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("SODO_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                out_stderr, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_validate (gconstpointer data)
{
  const Row *row = data;
  g_autofree char *path = NULL;
  g_autofree char *err = NULL;
  g_autofree char *prefix = NULL;
  g_auto(GStrv) lines = NULL;
  const char *first = NULL;
  gboolean ok = strcmp (row->outcome, "ok") == 0;

  if (row_is_generated (row))
    ensure_generated ();
  path = row_path (row);
  /* The biggest files cost seconds a load: their load test covers the loaders, and the
   * other rows how --validate prints. */
  if (row_is_generated (row))
    {
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      if (st.st_size > 20 * 1024 * 1024 && st.st_size <= SODO_MAX_FILE_SIZE)
        {
          g_test_skip ("a big file: its load test covers it");
          return;
        }
    }

  g_assert_cmpint (run_sodo ((const char *[]) { "--validate", path, NULL }, &err), ==,
                   ok ? 0 : 1);

  lines = g_strsplit (err, "\n", -1);
  for (guint i = 0; lines[i] != NULL && first == NULL; i++)
    if (strstr (lines[i], ": error: ") != NULL)
      first = lines[i];

  if (ok)
    {
      g_assert_null (first);
      return;
    }

  g_assert_nonnull (first);
  g_test_message ("%s", first);
  if (strcmp (row->position, "-") == 0)
    prefix = g_strconcat (path, ": error: ", NULL);
  else
    prefix = g_strconcat (path, ":", row->position, ": error: ", NULL);
  g_assert_true (g_str_has_prefix (first, prefix));
  if (strcmp (row->fragment, "-") != 0)
    g_assert_nonnull (strstr (first, row->fragment));
}

/* Every committed file is in the manifest, and every row's file exists. */
static void
test_manifest_complete (void)
{
  g_autoptr(GDir) dir = g_dir_open (corpus_dir, 0, NULL);
  const char *name;
  guint n_committed = 0, n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (strcmp (name, "expected.tsv") == 0 || strcmp (name, "generate.py") == 0)
        continue;
      find_row (name);
      n_files++;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = g_ptr_array_index (rows, i);
      g_autofree char *path = NULL;

      if (row_is_generated (row))
        continue;
      path = row_path (row);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      n_committed++;
    }

  g_assert_cmpuint (n_committed, ==, n_files);
  g_assert_cmpuint (n_committed, >=, 50);
}

static SodoOrgchart *
load_chart (const char *name)
{
  const Row *row = find_row (name);
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(GError) error = NULL;
  GObject *document;

  if (row_is_generated (row))
    ensure_generated ();
  document = load_row (row, &diags, &error);
  g_assert_no_error (error);
  g_assert_true (SODO_IS_ORGCHART (document));
  return SODO_ORGCHART (document);
}

static const char *
unit_name (SodoOrgchart *chart,
           const char   *id)
{
  guint index = sodo_orgchart_find_unit (chart, id);

  g_assert_cmpuint (index, !=, SODO_NO_INDEX);
  return sodo_orgchart_text (chart, sodo_orgchart_get_unit (chart, index)->name);
}

/* Markup, entities, format directives and bidi controls are kept as the text they are. */
static void
test_markup_kept_verbatim (void)
{
  g_autoptr(SodoOrgchart) chart = load_chart ("text-markup-and-escapes.json");

  g_assert_cmpstr (unit_name (chart, "b"), ==, "<b>bold</b> <span foreground=\"red\">x</span>");
  g_assert_cmpstr (unit_name (chart, "amp"), ==, "Tom &amp; Jerry &lt;&#x41;&gt;");
  g_assert_cmpstr (unit_name (chart, "fmt"), ==, "%s%n%x%p %1$s {0} ${HOME}");
  g_assert_cmpstr (unit_name (chart, "rlo"), ==, "\u202e" "evil.exe\u202c txt");
  g_assert_cmpstr (unit_name (chart, "esc"), ==, "back\\slash \"quoted\" /");
}

static void
assert_figure_zero (const char *name)
{
  g_autoptr(SodoOrgchart) chart = load_chart (name);
  const SodoUnitDetails *details = sodo_orgchart_get_details (chart,
                                                              sodo_orgchart_find_unit (chart, "a"));

  g_assert_cmpuint (details->n_figures, ==, 1);
  g_assert_cmpfloat (details->figures[0].value, ==, 0.0);
  /* Shown as "0", never "-0". */
  g_assert_false (signbit (details->figures[0].value));
}

static void
test_minus_zero (void)
{
  assert_figure_zero ("num-minus-zero.json");
  assert_figure_zero ("num-minus-zero-float.json");
  assert_figure_zero ("num-tiny-1e-999.json");
}

/* Tab and line breaks stay in a text as they are. */
static void
test_line_breaks_kept (void)
{
  g_autoptr(SodoOrgchart) chart = load_chart ("text-newline-tab-allowed.json");
  const SodoUnitDetails *details = sodo_orgchart_get_details (chart,
                                                              sodo_orgchart_find_unit (chart, "a"));

  g_assert_cmpstr (sodo_orgchart_text (chart, details->description), ==,
                   "Line one\nLine two\tTabbed\r\nWindows line");
}

/* The 1,000,000-unit chain loads, and lays out without touching the stack. */
static void
test_chain_lays_out (void)
{
  g_autoptr(SodoOrgchart) chart = NULL;
  SodoLayoutResult *result;
  SodoLayoutStatus status;
  SodoLayoutTree tree = { 0, };
  const SodoUnit *units;
  guint n;
  g_autofree guint32 *first_child = NULL;
  g_autofree guint32 *next_sibling = NULL;
  g_autofree float *width = NULL;
  g_autofree float *height = NULL;

  if (skip_big ())
    {
      g_test_skip ("SODO_TEST_SKIP_BIG is set");
      return;
    }

  chart = load_chart (GENERATED_PREFIX "chain-1m.json");
  n = sodo_orgchart_get_n_units (chart);
  g_assert_cmpuint (n, ==, 1000000);
  units = sodo_orgchart_get_units (chart);
  g_assert_cmpuint (units[n - 1].depth, ==, n - 1);

  first_child = g_new (guint32, n);
  next_sibling = g_new (guint32, n);
  width = g_new (float, n);
  height = g_new (float, n);
  for (guint i = 0; i < n; i++)
    {
      first_child[i] = units[i].first_child;
      next_sibling[i] = units[i].next_sibling;
      width[i] = 120;
      height[i] = 40;
    }
  tree.n_nodes = n;
  tree.root = sodo_orgchart_get_root (chart);
  tree.first_child = first_child;
  tree.next_sibling = next_sibling;
  tree.width = width;
  tree.height = height;

  result = sodo_layout_compute (&tree, NULL, &status);
  g_assert_nonnull (result);
  g_assert_cmpint (status, ==, SODO_LAYOUT_OK);
  g_assert_cmpuint (result->n_visible, ==, n);
  /* A chain is one column: as wide as one card, a million levels deep. */
  g_assert_cmpfloat (result->bounds.width, ==, 120);
  g_assert_cmpfloat (result->bounds.height, >, 1000000.0 * 40);
  sodo_layout_result_free (result);
}

/* The importer refuses a text over SODO_MAX_IMPORT_SIZE before reading it. */
static void
test_import_size_limit (void)
{
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autofree char *err = NULL;

  ensure_generated ();
  input = g_build_filename (generated_dir, "import-over-limit.txt", NULL);
  output = g_build_filename (generated_dir, "import-output.json", NULL);
  g_assert_cmpint (run_sodo ((const char *[]) { "--import-regulation", input, "--output", output,
                                                NULL }, &err), ==, 1);
  g_test_message ("%s", err);
  g_assert_true (g_str_has_prefix (err, input));
  g_assert_nonnull (strstr (err, ": error: the file is too large to import"));
  g_assert_nonnull (strstr (err, "at most 64.0"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

/* What the comments loader refuses, editing refuses too: a saved comment always loads, even
 * one whose text, counted as written, is as long as a string may be. */
static void
test_comments_save_what_loads (void)
{
  g_autoptr(SodoComments) comments = sodo_comments_new ("reg");
  g_autoptr(SodoComments) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *quotes = g_strnfill (SODO_MAX_STRING_LENGTH / 2 + 1, '"');
  g_autofree char *letters = g_strnfill (SODO_MAX_STRING_LENGTH / 2 - 8, 'a');
  g_autofree char *some_quotes = g_strnfill (SODO_MAX_STRING_LENGTH / 4, '"');
  g_autofree char *almost = NULL;

  /* Each quote is written \", two bytes: half the limit plus one is too long. */
  g_assert_null (sodo_comments_add (comments, "art-1", NULL, NULL, SODO_COMMENT_KIND_COMMENT,
                                    quotes, &error));
  g_assert_error (error, SODO_ERROR, SODO_ERROR_LIMIT);
  g_clear_error (&error);

  /* Exactly the limit as written (\t \" letters, quotes as \", \r \n), with a tab and a
   * line break: it saves and loads back. */
  almost = g_strconcat ("\t\"", letters, some_quotes, "\r\n", NULL);
  g_assert_nonnull (sodo_comments_add (comments, "art-1", NULL, NULL,
                                       SODO_COMMENT_KIND_COMMENT, almost, &error));
  g_assert_no_error (error);
  bytes = sodo_comments_to_bytes (comments);
  loaded = sodo_comments_load_bytes (bytes, "saved.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (sodo_comments_get_n_comments (loaded), ==, 1);
}

/* `test-hostile --draft FILE…`: prints a manifest row for each file as the loaders see it
 * now, to be checked by hand before it goes into expected.tsv. */
static int
print_draft_rows (char **files)
{
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (files[i]);
      g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new (files[i]);
      g_autoptr(GObject) document = NULL;
      g_autofree char *name = g_path_get_basename (files[i]);
      const SodoDiagnostic *diag;

      document = sodo_document_load_file (file, NULL, diags, NULL, NULL);
      sodo_diagnostics_sort (diags);
      diag = first_error (diags);
      if (document != NULL && diag == NULL)
        g_print ("%s\tok\t-\t-\n", name);
      else if (diag != NULL)
        {
          g_autofree char *position = format_position (diag);

          g_print ("%s\t%s\t%s\t%s\n", name, code_names[diag->code], position, diag->message);
        }
      else
        g_print ("%s\t?\t-\tnot loaded, and no error\n", name);
    }

  return 0;
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_setenv ("LANGUAGE", "en", TRUE);
  if (argc > 1 && strcmp (argv[1], "--draft") == 0)
    {
      setlocale (LC_ALL, "");
      return print_draft_rows (argv + 2);
    }

  g_test_init (&argc, &argv, NULL);
  corpus_dir = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"), "hostile", NULL);
  read_manifest ();

  g_test_add_func ("/hostile/manifest-complete", test_manifest_complete);
  g_test_add_func ("/hostile/markup-kept-verbatim", test_markup_kept_verbatim);
  g_test_add_func ("/hostile/minus-zero", test_minus_zero);
  g_test_add_func ("/hostile/line-breaks-kept", test_line_breaks_kept);
  g_test_add_func ("/hostile/comments-save-what-loads", test_comments_save_what_loads);
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = g_ptr_array_index (rows, i);
      g_autofree char *load_name = NULL;
      g_autofree char *validate_name = NULL;

      if (row_is_generated (row) && skip_big ())
        continue;
      load_name = g_strconcat ("/hostile/load/", row->name, NULL);
      validate_name = g_strconcat ("/hostile/validate/", row->name, NULL);
      g_test_add_data_func (load_name, row, test_load);
      g_test_add_data_func (validate_name, row, test_validate);
    }
  g_test_add_func ("/hostile/chain-lays-out", test_chain_lays_out);
  if (!skip_big ())
    g_test_add_func ("/hostile/import-size-limit", test_import_size_limit);

  status = g_test_run ();

  remove_generated ();
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_free (corpus_dir);
  return status;
}
