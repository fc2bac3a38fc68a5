/* test-fast-load.c: the fast way of reading units gives exactly what the usual way gives
 *
 * sodo_orgchart_load_bytes() first tries _sodo_orgchart_load_fast(), which reads the units
 * without json-glib and gives up at anything it does not check itself. So: wherever it
 * gives a chart, the usual loader must give the same chart without a word; where it gives
 * up, the usual loader's verdict stands. Checked on every JSON file of the test data and
 * the samples, on a chart made to use every member and escape, and on files it must leave
 * to the usual path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "model/sodo-limits.h"
#include "model/sodo-orgchart-fast-private.h"

static void
assert_same_text (SodoOrgchart *fast,
                  SodoText      fast_text,
                  SodoOrgchart *slow,
                  SodoText      slow_text)
{
  SodoTextPool *fast_pool = sodo_orgchart_get_text_pool (fast);
  SodoTextPool *slow_pool = sodo_orgchart_get_text_pool (slow);
  guint n = sodo_text_pool_get_n_entries (fast_pool, fast_text);

  g_assert_cmpint (fast_text == SODO_TEXT_NONE, ==, slow_text == SODO_TEXT_NONE);
  g_assert_cmpuint (n, ==, sodo_text_pool_get_n_entries (slow_pool, slow_text));
  if (n == 0)
    g_assert_cmpstr (sodo_text_pool_resolve (fast_pool, fast_text, "vi", NULL), ==,
                     sodo_text_pool_resolve (slow_pool, slow_text, "vi", NULL));
  for (guint i = 0; i < n; i++)
    {
      const char *fast_lang, *fast_str, *slow_lang, *slow_str;

      sodo_text_pool_get_entry (fast_pool, fast_text, i, &fast_lang, &fast_str);
      sodo_text_pool_get_entry (slow_pool, slow_text, i, &slow_lang, &slow_str);
      g_assert_cmpstr (fast_lang, ==, slow_lang);
      g_assert_cmpstr (fast_str, ==, slow_str);
    }
}

static void
assert_same_details (SodoOrgchart *fast,
                     SodoOrgchart *slow,
                     guint         unit)
{
  const SodoUnitDetails *a = sodo_orgchart_get_details (fast, unit);
  const SodoUnitDetails *b = sodo_orgchart_get_details (slow, unit);

  assert_same_text (fast, a->description, slow, b->description);
  g_assert_cmpstr (a->valid_from, ==, b->valid_from);
  g_assert_cmpstr (a->valid_to, ==, b->valid_to);
  g_assert_cmpuint (a->n_people, ==, b->n_people);
  for (guint i = 0; i < a->n_people; i++)
    {
      g_assert_cmpstr (a->people[i].name, ==, b->people[i].name);
      assert_same_text (fast, a->people[i].role, slow, b->people[i].role);
    }
  g_assert_cmpuint (a->n_figures, ==, b->n_figures);
  for (guint i = 0; i < a->n_figures; i++)
    {
      assert_same_text (fast, a->figures[i].label, slow, b->figures[i].label);
      g_assert_cmpfloat (a->figures[i].value, ==, b->figures[i].value);
    }
  g_assert_cmpuint (a->n_successors, ==, b->n_successors);
  for (guint i = 0; i < a->n_successors; i++)
    g_assert_cmpuint (a->successors[i], ==, b->successors[i]);
  g_assert_cmpuint (a->n_regulation_refs, ==, b->n_regulation_refs);
  for (guint i = 0; i < a->n_regulation_refs; i++)
    g_assert_cmpstr (a->regulation_refs[i], ==, b->regulation_refs[i]);
}

static void
assert_same_header (SodoOrgchart *fast,
                    SodoOrgchart *slow)
{
  guint n_fast, n_slow;
  const SodoKind *fast_kinds = sodo_orgchart_get_kinds (fast, &n_fast);
  const SodoKind *slow_kinds = sodo_orgchart_get_kinds (slow, &n_slow);
  const SodoRelation *fast_relations, *slow_relations;

  assert_same_text (fast, sodo_orgchart_get_title (fast), slow, sodo_orgchart_get_title (slow));
  assert_same_text (fast, sodo_orgchart_get_description (fast),
                    slow, sodo_orgchart_get_description (slow));
  g_assert_cmpstr (sodo_orgchart_get_as_of (fast), ==, sodo_orgchart_get_as_of (slow));
  sodo_orgchart_get_sources (fast, &n_fast);
  sodo_orgchart_get_sources (slow, &n_slow);
  g_assert_cmpuint (n_fast, ==, n_slow);

  sodo_orgchart_get_kinds (fast, &n_fast);
  sodo_orgchart_get_kinds (slow, &n_slow);
  g_assert_cmpuint (n_fast, ==, n_slow);
  for (guint i = 0; i < n_fast; i++)
    {
      g_assert_cmpstr (fast_kinds[i].id, ==, slow_kinds[i].id);
      assert_same_text (fast, fast_kinds[i].name, slow, slow_kinds[i].name);
      g_assert_cmphex (fast_kinds[i].color, ==, slow_kinds[i].color);
    }

  fast_relations = sodo_orgchart_get_relations (fast, &n_fast);
  slow_relations = sodo_orgchart_get_relations (slow, &n_slow);
  g_assert_cmpuint (n_fast, ==, n_slow);
  for (guint i = 0; i < n_fast; i++)
    {
      g_assert_cmpuint (fast_relations[i].from, ==, slow_relations[i].from);
      g_assert_cmpuint (fast_relations[i].to, ==, slow_relations[i].to);
      g_assert_cmpuint (fast_relations[i].kind, ==, slow_relations[i].kind);
      assert_same_text (fast, fast_relations[i].label, slow, slow_relations[i].label);
    }
}

static void
assert_same_chart (SodoOrgchart *fast,
                   SodoOrgchart *slow)
{
  guint n = sodo_orgchart_get_n_units (slow);

  assert_same_header (fast, slow);
  g_assert_cmpuint (sodo_orgchart_get_n_units (fast), ==, n);
  g_assert_cmpuint (sodo_orgchart_get_root (fast), ==, sodo_orgchart_get_root (slow));
  for (guint i = 0; i < n; i++)
    {
      const SodoUnit *a = sodo_orgchart_get_unit (fast, i);
      const SodoUnit *b = sodo_orgchart_get_unit (slow, i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpuint (a->parent, ==, b->parent);
      g_assert_cmpuint (a->first_child, ==, b->first_child);
      g_assert_cmpuint (a->next_sibling, ==, b->next_sibling);
      g_assert_cmpuint (a->n_children, ==, b->n_children);
      g_assert_cmpuint (a->depth, ==, b->depth);
      g_assert_cmpuint (a->kind, ==, b->kind);
      g_assert_cmpuint (a->line, ==, b->line);
      g_assert_cmpint (a->details == SODO_NO_INDEX, ==, b->details == SODO_NO_INDEX);
      assert_same_text (fast, a->name, slow, b->name);
      assert_same_text (fast, a->short_name, slow, b->short_name);
      assert_same_text (fast, a->host, slow, b->host);
      assert_same_details (fast, slow, i);
      g_assert_cmpuint (sodo_orgchart_find_unit (fast, a->id), ==, i);
    }
}

/* Loads @bytes both ways. Returns whether the fast way took it; when it did, the usual way
 * must give the same chart without any diagnostic. */
static gboolean
check_both_ways (GBytes     *bytes,
                 const char *name)
{
  g_autoptr(SodoOrgchart) fast = _sodo_orgchart_load_fast (bytes, name);
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new (name);
  g_autoptr(SodoOrgchart) slow = _sodo_orgchart_load (bytes, name, diags);

  if (fast == NULL)
    return FALSE;

  g_test_message ("%s: read the fast way", name);
  g_assert_nonnull (slow);
  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, 0);
  assert_same_chart (fast, slow);
  return TRUE;
}

static guint
check_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n_fast = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (file, G_FILE_TEST_IS_DIR))
        {
          n_fast += check_folder (file);
          continue;
        }
      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
      {
        g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

        n_fast += check_both_ways (bytes, name);
      }
    }

  return n_fast;
}

static void
test_data_files (void)
{
  guint n_fast = check_folder (g_getenv ("SODO_TEST_DATA_DIR"));

  n_fast += check_folder (g_getenv ("SODO_SAMPLES_DIR"));
  /* The samples and the valid test charts at least are well formed. */
  g_assert_cmpuint (n_fast, >=, 3);
}

/* Every member, escapes of each kind, a BOM, CRLF line ends, the list before the header,
 * and parents after their children. */
static const char rich_chart[] =
  "\xEF\xBB\xBF{\"units\": [\r\n"
  "  {\"id\": \"c\", \"parent\": \"r\", \"kind\": \"cell\", \"name\": {\"vi\": \"Chi b\\u1ed9 "
  "\\\"A\\\"\", \"en\": \"Cell \\\\ A \\/ \\ud83d\\ude00\"}, \"short_name\": null,\r\n"
  "   \"host\": \"H\\u00e1\\tt\\nx\"},\r\n"
  "  {\"id\": \"r\", \"parent\": null, \"kind\": \"committee\", \"name\": \"Đảng bộ tỉnh\",\r\n"
  "   \"short_name\": {\"vi\": \"ĐBT\"}, \"host\": {\"en\": \"Province\", \"vi\": \"Tỉnh\"},\r\n"
  "   \"description\": \"Mô tả\", \"people\": [{\"name\": \"Nguyễn Văn A\", \"role\": "
  "{\"vi\": \"Bí thư\"}}], \"figures\": [{\"label\": \"Đảng viên\", \"value\": 475000},\r\n"
  "   {\"label\": \"%\", \"value\": -12.5e-1}],\r\n"
  "   \"valid_from\": \"2020-10-13\", \"valid_to\": \"2025-02-12\", \"successors\": [\"d\"],\r\n"
  "   \"regulation_refs\": [\"art-3\", \"art-4\"]},\r\n"
  "  {\"id\": \"d\", \"parent\": \"r\", \"kind\": \"cell\", \"name\": \"D\", \"short_name\": \"\"}\r\n"
  " ],\r\n"
  " \"format\": \"sodo-orgchart\", \"version\": 1, \"title\": {\"vi\": \"Tiêu đề\", \"en\": \"Title\"},\r\n"
  " \"as_of\": \"2024-05-14\",\r\n"
  " \"kinds\": [{\"id\": \"committee\", \"name\": \"Committee\", \"color\": \"#1c71d8\"},\r\n"
  "           {\"id\": \"cell\", \"name\": {\"vi\": \"Chi bộ\"}}],\r\n"
  " \"relation_kinds\": [{\"id\": \"reports-to\", \"name\": \"Reports to\", \"style\": \"dashed\"}],\r\n"
  " \"relations\": [{\"from\": \"c\", \"to\": \"d\", \"kind\": \"reports-to\", \"label\": \"x\"}]\r\n"
  "}\r\n";

static void
test_rich_chart (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (rich_chart, sizeof rich_chart - 1);
  g_autoptr(SodoOrgchart) chart = NULL;
  const SodoUnit *unit;

  g_assert_true (check_both_ways (bytes, "rich.json"));

  chart = _sodo_orgchart_load_fast (bytes, "rich.json");
  unit = sodo_orgchart_get_unit (chart, 0);
  g_assert_cmpuint (unit->line, ==, 2);
  g_assert_cmpstr (sodo_text_pool_resolve (sodo_orgchart_get_text_pool (chart), unit->name,
                                           "en", NULL), ==, "Cell \\ A / \xF0\x9F\x98\x80");
  g_assert_cmpstr (sodo_text_pool_resolve (sodo_orgchart_get_text_pool (chart), unit->host,
                                           "en", NULL), ==, "H\xC3\xA1\tt\nx");
  g_assert_cmpuint (sodo_orgchart_get_details (chart, 1)->n_people, ==, 1);
  g_assert_cmpuint (sodo_orgchart_get_unit (chart, 2)->line, ==, 10);
  g_assert_cmpfloat (sodo_orgchart_get_details (chart, 1)->figures[1].value, ==, -1.25);
}

/* A chart of two units, the second given by @unit. */
static GBytes *
chart_with_unit (const char *unit)
{
  char *text = g_strdup_printf (
    "{\"format\": \"sodo-orgchart\", \"version\": 1, \"title\": \"T\",\n"
    " \"kinds\": [{\"id\": \"k\", \"name\": \"K\"}],\n"
    " \"units\": [{\"id\": \"r\", \"parent\": null, \"kind\": \"k\", \"name\": \"R\"},\n"
    "  %s]}\n", unit);

  return g_bytes_new_take (text, strlen (text));
}

/* What the fast way leaves to the usual one (whether the usual one then accepts it or not):
 * it must give up, and the public function must then give the usual verdict. */
static void
test_left_to_usual_path (void)
{
  static const char *const cases[] = {
    /* A warning for the unknown member. */
    "{\"id\": \"a\", \"parent\": \"r\", \"kind\": \"k\", \"name\": \"A\", \"extra\": 1}",
    "{\"id\": \"a\", \"parent\": \"r\", \"kind\": \"k\", \"name\": \"A\", \"name\": \"B\"}",
    "{\"id\": \"a\", \"parent\": \"r\", \"kind\": \"k\", \"name\": \"A\\bB\"}",
    "{\"id\": \"a\", \"parent\": \"r\", \"kind\": \"k\", \"name\": \"A\\u0000B\"}",
    "{\"id\": \"a\", \"parent\": \"r\", \"kind\": \"k\", \"name\": \"A\\ud800\"}",
    "{\"id\": \"a\", \"parent\": \"r\", \"kind\": \"k\", \"name\": \"A\xC2\x85\"}",
    "{\"id\": \"a\", \"parent\": \"r\", \"kind\": \"k\", \"name\": \"A\xC3\"}",
    "{\"id\": \"a\", \"parent\": \"r\", \"kind\": \"k\", \"name\": \"\"}",
    "{\"id\": \"a\", \"parent\": \"r\", \"kind\": \"k\", \"name\": {}}",
    "{\"id\": \"a\", \"parent\": \"r\", \"kind\": \"k\", \"name\": {\"v\": \"A\"}}",
    "{\"id\": \"a\", \"parent\": \"r\", \"kind\": \"x\", \"name\": \"A\"}",
    "{\"id\": \"r\", \"parent\": \"r\", \"kind\": \"k\", \"name\": \"A\"}",
    /* The same id again, read by the other way (units with details go in at once). */
    "{\"id\": \"r\", \"parent\": \"r\", \"kind\": \"k\", \"name\": \"A\", "
      "\"description\": \"D\"}",
    "{\"id\": \"a b\", \"parent\": \"r\", \"kind\": \"k\", \"name\": \"A\"}",
    "{\"id\": \"a\", \"parent\": \"zz\", \"kind\": \"k\", \"name\": \"A\"}",
    "{\"id\": \"a\", \"kind\": \"k\", \"name\": \"A\"}",
    "{\"id\": \"a\", \"parent\": \"r\", \"kind\": \"k\", \"name\": \"A\", "
      "\"figures\": [{\"label\": \"F\", \"value\": 1e999}]}",
    "{\"id\": \"a\", \"parent\": \"r\", \"kind\": \"k\", \"name\": \"A\", "
      "\"people\": [{\"name\": \"P\", \"name\": \"Q\"}]}",
    "{\"id\": \"a\", \"parent\": \"r\", \"kind\": \"k\", \"name\": \"A\", "
      "\"valid_from\": \"2020-02-30\"}",
    "{\"id\": \"a\", \"parent\": \"r\", \"kind\": \"k\" \"name\": \"A\"}",
    "\"a\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = chart_with_unit (cases[i]);
      g_autoptr(SodoOrgchart) fast = _sodo_orgchart_load_fast (bytes, "t.json");
      g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("t.json");
      g_autoptr(SodoOrgchart) chart = sodo_orgchart_load_bytes (bytes, "t.json", diags, NULL);
      g_autoptr(SodoDiagnostics) usual_diags = sodo_diagnostics_new ("t.json");
      g_autoptr(SodoOrgchart) usual = _sodo_orgchart_load (bytes, "t.json", usual_diags);

      g_autofree char *shown = g_strescape (cases[i], NULL);

      g_test_message ("case %u: %s", i, shown);
      g_assert_null (fast);
      g_assert_cmpint (chart != NULL, ==, usual != NULL);
      g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==,
                        sodo_diagnostics_get_n_items (usual_diags));
      if (chart != NULL)
        assert_same_chart (chart, usual);
    }
}

/* The byte scan's length limit counts a string as written: escapes make it longer than the
 * text they stand for. */
static void
test_limit_counts_escapes (void)
{
  guint n = SODO_MAX_STRING_LENGTH / 2 + 16;
  g_autoptr(GString) unit = g_string_new ("{\"id\": \"a\", \"parent\": \"r\", \"kind\": \"k\", "
                                          "\"name\": \"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SodoOrgchart) fast = NULL;
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("t.json");
  g_autoptr(SodoOrgchart) usual = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append (unit, "\\/");
  g_string_append (unit, "\"}");
  bytes = chart_with_unit (unit->str);

  fast = _sodo_orgchart_load_fast (bytes, "t.json");
  usual = _sodo_orgchart_load (bytes, "t.json", diags);
  g_assert_null (fast);
  g_assert_null (usual);
  g_assert_cmpuint (sodo_diagnostics_get_item (diags, 0)->code, ==, SODO_ERROR_LIMIT);
}

/* The unit the cases above each change in one way: it alone is read the fast way. */
static void
test_plain_unit_is_fast (void)
{
  g_autoptr(GBytes) bytes =
    chart_with_unit ("{\"id\": \"a\", \"parent\": \"r\", \"kind\": \"k\", \"name\": \"A\"}");

  g_assert_true (check_both_ways (bytes, "t.json"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fast-load/data-files", test_data_files);
  g_test_add_func ("/fast-load/rich-chart", test_rich_chart);
  g_test_add_func ("/fast-load/plain-unit", test_plain_unit_is_fast);
  g_test_add_func ("/fast-load/left-to-usual-path", test_left_to_usual_path);
  g_test_add_func ("/fast-load/limit-counts-escapes", test_limit_counts_escapes);

  return g_test_run ();
}
