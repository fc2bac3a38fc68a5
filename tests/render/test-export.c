/* test-export.c: PDF, SVG, PNG and layout JSON files, and `sodo --export`, without a display
 *
 * The PDFs are read back with poppler's pdfinfo and pdftotext, the SVGs with xmllint (the
 * test is skipped where those tools are missing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "model/sodo-error.h"
#include "model/sodo-language.h"
#include "render/sodo-chart-export.h"
#include "render/sodo-regulation-print.h"

/* ---- Fixtures ---- */

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sodo-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static char *
sample_path (const char *name)
{
  return g_build_filename (g_getenv ("SODO_SAMPLES_DIR"), name, NULL);
}

static SodoOrgchart *
load_sample_chart (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sample_path ("hanoi-2023.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SodoOrgchart *chart = sodo_orgchart_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return chart;
}

static SodoChartScene *
sample_scene (void)
{
  g_autoptr(SodoOrgchart) chart = load_sample_chart ();

  return sodo_chart_scene_new (chart, NULL);
}

static void
export_to (SodoChartScene               *scene,
           const SodoChartExportOptions *options,
           const char                   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (sodo_chart_export_to_file (scene, options, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* ---- Reading the files back ---- */

static gboolean
have_tool (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", name);

      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

/* Runs @argv; returns its standard output, and its exit status in @status. */
static char *
run (const char *const *argv,
     int               *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return out;
}

static guint
pdf_page_count (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  const char *pages;
  int status;

  out = run (argv, &status);
  g_assert_cmpint (status, ==, 0);
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* The text of page @page (1-based; 0 for all), with every run of white space made one
 * space, so that names wrapped on their cards read whole. */
static char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, path, "-",
                         NULL };
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  int status;

  out = run (page > 0 ? argv : all, &status);
  g_assert_cmpint (status, ==, 0);
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in “%.400s…”", needle, haystack);
}

/* Names of the sample that fit on one line of their cards. */
static const char *const sample_names[] = {
  "Thành ủy Hà Nội",
  "Văn phòng Thành ủy",
  "Ban Tổ chức Thành ủy",
  "Ban Dân vận Thành ủy",
  "Quận ủy Ba Đình",
};

/* ---- File names ---- */

static void
test_formats (void)
{
  SodoExportFormat format;

  g_assert_true (sodo_export_format_from_filename ("chart.pdf", &format));
  g_assert_cmpint (format, ==, SODO_EXPORT_FORMAT_PDF);
  g_assert_true (sodo_export_format_from_filename ("CHART.SVG", &format));
  g_assert_cmpint (format, ==, SODO_EXPORT_FORMAT_SVG);
  g_assert_true (sodo_export_format_from_filename ("dir.x/chart.png", &format));
  g_assert_cmpint (format, ==, SODO_EXPORT_FORMAT_PNG);
  g_assert_true (sodo_export_format_from_filename ("chart.layout.json", &format));
  g_assert_cmpint (format, ==, SODO_EXPORT_FORMAT_LAYOUT_JSON);
  g_assert_false (sodo_export_format_from_filename ("chart.json", &format));
  g_assert_false (sodo_export_format_from_filename ("chart.jpg", &format));
  g_assert_false (sodo_export_format_from_filename (".pdf", &format));
  g_assert_cmpstr (sodo_export_format_get_suffix (SODO_EXPORT_FORMAT_LAYOUT_JSON), ==,
                   ".layout.json");
}

/* ---- PDF ---- */

static void
test_pdf_fit_page (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SodoChartScene) scene = sample_scene ();
  g_autofree char *path = fixture_path (fixture, "fit.pdf");
  g_autofree char *text = NULL;
  SodoChartExportOptions options;

  if (!have_tool ("pdfinfo") || !have_tool ("pdftotext"))
    return;
  sodo_chart_export_options_init (&options, SODO_EXPORT_FORMAT_PDF);
  export_to (scene, &options, path);
  g_assert_cmpuint (pdf_page_count (path), ==, 1);

  /* Text, not outlines, with its Vietnamese marks: the title, the legend and the cards. */
  text = pdf_text (path, 1);
  assert_contains (text, "Đảng bộ thành phố Hà Nội");
  assert_contains (text, "Đảng đoàn (ĐĐ)");
  for (guint i = 0; i < G_N_ELEMENTS (sample_names); i++)
    assert_contains (text, sample_names[i]);
  assert_contains (text, "27/10/2023");
}

static void
test_pdf_fit_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SodoChartScene) scene = sample_scene ();
  g_autofree char *path = fixture_path (fixture, "grid.pdf");
  g_autofree char *all = NULL;
  SodoChartExportOptions options;

  if (!have_tool ("pdfinfo") || !have_tool ("pdftotext"))
    return;
  sodo_chart_export_options_init (&options, SODO_EXPORT_FORMAT_PDF);
  options.pagination.mode = SODO_PAGINATION_FIT_PAGES;
  options.pagination.columns = 3;
  options.pagination.rows = 2;
  export_to (scene, &options, path);
  g_assert_cmpuint (pdf_page_count (path), ==, 6);

  for (guint page = 1; page <= 6; page++)
    {
      g_autofree char *text = pdf_text (path, page);
      g_autofree char *label = g_strdup_printf ("Sheet %u of 6", page);

      assert_contains (text, "Đảng bộ thành phố Hà Nội");
      assert_contains (text, label);
      assert_contains (text, "Row ");
    }
  /* Between them, the sheets show the cards. */
  all = pdf_text (path, 0);
  for (guint i = 0; i < G_N_ELEMENTS (sample_names); i++)
    assert_contains (all, sample_names[i]);
}

static void
test_pdf_scale (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SodoChartScene) scene = sample_scene ();
  g_autoptr(SodoPagination) pagination = NULL;
  g_autofree char *path = fixture_path (fixture, "scale.pdf");
  SodoChartExportOptions options;

  if (!have_tool ("pdfinfo"))
    return;
  sodo_chart_export_options_init (&options, SODO_EXPORT_FORMAT_PDF);
  options.pagination.mode = SODO_PAGINATION_SCALE;
  options.pagination.scale = 0.5;
  export_to (scene, &options, path);
  pagination = sodo_chart_export_paginate (scene, &options, NULL);
  g_assert_cmpuint (sodo_pagination_get_n_pages (pagination), >, 1);
  g_assert_cmpuint (pdf_page_count (path), ==, sodo_pagination_get_n_pages (pagination));
}

/* ---- SVG ---- */

static char *
svg_texts (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) text = g_regex_new ("<text[^>]*>([^<]*)</text>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GString *all = g_string_new (NULL);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_regex_match (text, contents, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *run = g_match_info_fetch (match, 1);

      g_string_append_printf (all, "%s\n", run);
      g_match_info_next (match, NULL);
    }
  return g_string_free (all, FALSE);
}

static void
assert_well_formed (const char *path)
{
  const char *argv[] = { "xmllint", "--noout", path, NULL };
  g_autofree char *out = NULL;
  int status;

  out = run (argv, &status);
  g_assert_cmpint (status, ==, 0);
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(SodoChartScene) scene = sample_scene ();
  g_autofree char *path = fixture_path (fixture, "chart.svg");
  g_autofree char *texts = NULL;
  SodoChartExportOptions options;

  if (!have_tool ("xmllint"))
    return;
  sodo_chart_export_options_init (&options, SODO_EXPORT_FORMAT_SVG);
  export_to (scene, &options, path);
  assert_well_formed (path);

  /* Every name as SVG text, one <text> per line of a card. */
  texts = svg_texts (path);
  assert_contains (texts, "Đảng bộ thành phố Hà Nội\n");
  for (guint i = 0; i < G_N_ELEMENTS (sample_names); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n%s\n", sample_names[i]);

      assert_contains (texts, line);
    }
  assert_contains (texts, "\nCấp ủy\n");
}

/* Names that look like markup stay text, escaped. */
static void
test_svg_escaping (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char json[] =
    "{\"format\": \"sodo-orgchart\", \"version\": 1, \"title\": \"A & B <i>\","
    " \"kinds\": [{\"id\": \"k\", \"name\": \"K'\\\"\"}],"
    " \"units\": [{\"id\": \"r\", \"parent\": null, \"kind\": \"k\", \"name\": \"<b>&amp;\"},"
    "  {\"id\": \"c\", \"parent\": \"r\", \"kind\": \"k\", \"name\": \"x < y > z\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(SodoOrgchart) chart = sodo_orgchart_load_bytes (bytes, "markup.json", NULL, NULL);
  g_autoptr(SodoChartScene) scene = NULL;
  g_autofree char *path = fixture_path (fixture, "markup.svg");
  g_autofree char *contents = NULL;
  SodoChartExportOptions options;

  if (!have_tool ("xmllint"))
    return;
  g_assert_nonnull (chart);
  scene = sodo_chart_scene_new (chart, NULL);
  sodo_chart_export_options_init (&options, SODO_EXPORT_FORMAT_SVG);
  export_to (scene, &options, path);
  assert_well_formed (path);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  assert_contains (contents, ">&lt;b&gt;&amp;amp;</text>");
  assert_contains (contents, ">x &lt; y &gt; z</text>");
  assert_contains (contents, "<title>A &amp; B &lt;i&gt;</title>");
}

/* ---- PNG ---- */

static cairo_surface_t *
read_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  cairo_surface_flush (surface);
  return *(guint32 *) (cairo_image_surface_get_data (surface) +
                       y * cairo_image_surface_get_stride (surface) + 4 * x);
}

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(SodoChartScene) scene = sample_scene ();
  g_autofree char *path1 = fixture_path (fixture, "one.png");
  g_autofree char *path2 = fixture_path (fixture, "two.png");
  cairo_surface_t *one, *two;
  SodoChartExportOptions options;
  int width, height;

  sodo_chart_export_options_init (&options, SODO_EXPORT_FORMAT_PNG);
  g_assert_true (sodo_chart_export_get_image_size (scene, &options, &width, &height, NULL));
  export_to (scene, &options, path1);
  options.image_scale = 2;
  options.transparent = TRUE;
  export_to (scene, &options, path2);

  one = read_png (path1);
  two = read_png (path2);
  g_assert_cmpint (cairo_image_surface_get_width (one), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (one), ==, height);
  g_assert_cmpint (abs (cairo_image_surface_get_width (two) - 2 * width), <=, 1);
  g_assert_cmpint (abs (cairo_image_surface_get_height (two) - 2 * height), <=, 1);
  /* White, or see-through, in the corner. */
  g_assert_cmphex (pixel_at (one, 0, 0), ==, 0xffffffff);
  g_assert_cmphex (pixel_at (two, 0, 0) >> 24, ==, 0);
  cairo_surface_destroy (one);
  cairo_surface_destroy (two);
}

static void
test_png_too_large (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SodoChartScene) scene = sample_scene ();
  g_autofree char *fresh = fixture_path (fixture, "fresh.png");
  g_autofree char *old = fixture_path (fixture, "old.png");
  g_autofree char *contents = NULL;
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(GFile) old_file = g_file_new_for_path (old);
  GError *error = NULL;
  SodoChartExportOptions options;

  /* The 9000-point-wide sample at 10 × is 90,000 pixels wide. */
  sodo_chart_export_options_init (&options, SODO_EXPORT_FORMAT_PNG);
  options.image_scale = 10;
  g_assert_false (sodo_chart_export_get_image_size (scene, &options, NULL, NULL, &error));
  g_assert_error (error, SODO_ERROR, SODO_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "pixels"));
  g_clear_error (&error);

  /* A failed export leaves no file, and an old file as it was. */
  g_assert_false (sodo_chart_export_to_file (scene, &options, fresh_file, NULL, &error));
  g_assert_error (error, SODO_ERROR, SODO_ERROR_LIMIT);
  g_clear_error (&error);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (old, "old", -1, NULL));
  g_assert_false (sodo_chart_export_to_file (scene, &options, old_file, NULL, &error));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (old, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
}

/* ---- Layout JSON ---- */

static void
check_layout_json (SodoChartScene *scene,
                   const char     *path)
{
  const SodoLayoutResult *layout = sodo_chart_scene_get_layout (scene);
  SodoOrgchart *chart = sodo_chart_scene_get_orgchart (scene);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *units;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpfloat (json_object_get_double_member (root, "width"), ==, layout->bounds.width);
  g_assert_cmpfloat (json_object_get_double_member (root, "height"), ==, layout->bounds.height);
  units = json_object_get_array_member (root, "units");
  g_assert_cmpuint (json_array_get_length (units), ==, layout->n_visible);
  for (guint i = 0; i < json_array_get_length (units); i++)
    {
      JsonObject *unit = json_array_get_object_element (units, i);
      guint index = sodo_orgchart_find_unit (chart, json_object_get_string_member (unit, "id"));
      const SodoLayoutRect *r;

      g_assert_cmpuint (index, !=, SODO_NO_INDEX);
      g_assert_true (layout->visible[index]);
      r = &layout->rects[index];
      g_assert_cmpfloat (json_object_get_double_member (unit, "x"), ==, r->x);
      g_assert_cmpfloat (json_object_get_double_member (unit, "y"), ==, r->y);
      g_assert_cmpfloat (json_object_get_double_member (unit, "width"), ==, r->width);
      g_assert_cmpfloat (json_object_get_double_member (unit, "height"), ==, r->height);
    }
}

static void
test_layout_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SodoChartScene) scene = sample_scene ();
  g_autofree char *path = fixture_path (fixture, "chart.layout.json");
  SodoChartExportOptions options;

  sodo_chart_export_options_init (&options, SODO_EXPORT_FORMAT_LAYOUT_JSON);
  export_to (scene, &options, path);
  check_layout_json (scene, path);
}

/* ---- What is exported ---- */

static void
test_branch_and_shown (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SodoOrgchart) chart = load_sample_chart ();
  g_autoptr(SodoChartScene) shown = sodo_chart_scene_new (chart, NULL);
  g_autoptr(SodoChartScene) branch = NULL;
  g_autoptr(SodoChartScene) as_shown = NULL;
  g_autoptr(SodoChartScene) whole = NULL;
  g_autofree char *path = fixture_path (fixture, "branch.layout.json");
  guint group = sodo_orgchart_find_unit (chart, "nhom-dang-doan");
  SodoOrgchart *branch_chart;
  SodoChartExportOptions options;
  GError *error = NULL;

  /* The branch: the group and its eight Party delegations, laid out on their own. */
  branch = sodo_chart_export_make_scene (chart, NULL, shown, SODO_CHART_CONTENT_BRANCH, group,
                                         &error);
  g_assert_no_error (error);
  branch_chart = sodo_chart_scene_get_orgchart (branch);
  g_assert_cmpuint (sodo_orgchart_get_n_units (branch_chart), ==,
                    1 + sodo_chart_scene_get_descendant_count (shown, group));
  g_assert_cmpstr (sodo_orgchart_get_unit (branch_chart, sodo_orgchart_get_root (branch_chart))->id,
                   ==, "nhom-dang-doan");
  g_assert_nonnull (sodo_orgchart_get_unit (branch_chart,
                                            sodo_orgchart_find_unit (branch_chart, "dd-hdnd")));
  sodo_chart_export_options_init (&options, SODO_EXPORT_FORMAT_LAYOUT_JSON);
  export_to (branch, &options, path);
  check_layout_json (branch, path);

  /* As shown: what is collapsed stays hidden; the whole chart: everything. */
  sodo_chart_scene_set_collapsed (shown, group, TRUE);
  as_shown = sodo_chart_export_make_scene (chart, NULL, shown, SODO_CHART_CONTENT_AS_SHOWN, 0,
                                           NULL);
  whole = sodo_chart_export_make_scene (chart, NULL, shown, SODO_CHART_CONTENT_WHOLE, 0, NULL);
  g_assert_false (sodo_chart_scene_is_unit_visible (as_shown,
                                                    sodo_orgchart_find_unit (chart, "dd-hdnd")));
  g_assert_true (sodo_chart_scene_is_unit_visible (whole,
                                                   sodo_orgchart_find_unit (chart, "dd-hdnd")));
  /* The view's scene is left as it was. */
  g_assert_true (sodo_chart_scene_get_collapsed (shown, group));

  g_assert_null (sodo_chart_export_make_scene (chart, NULL, shown, SODO_CHART_CONTENT_BRANCH,
                                               100000, &error));
  g_assert_error (error, SODO_ERROR, SODO_ERROR_REFERENCE);
  g_clear_error (&error);
}

/* ---- The regulation ---- */

static void
test_regulation_pdf (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *sample = sample_path ("regulation-draft-2023.json");
  g_autoptr(GFile) input = g_file_new_for_path (sample);
  g_autofree char *path = fixture_path (fixture, "regulation.pdf");
  g_autoptr(GFile) output = g_file_new_for_path (path);
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(SodoPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *all = NULL;
  g_autofree char *footer = NULL;
  guint n_pages;

  if (!have_tool ("pdfinfo") || !have_tool ("pdftotext"))
    return;
  regulation = sodo_regulation_load_file (input, NULL, NULL, &error);
  g_assert_no_error (error);
  document = sodo_regulation_print_new (regulation);
  g_assert_true (sodo_print_document_write_pdf (document, 595.276, 841.89, 56.7, output, NULL,
                                                &error));
  g_assert_no_error (error);

  n_pages = pdf_page_count (path);
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpuint (n_pages, ==, sodo_print_document_get_n_pages (document));
  first = pdf_text (path, 1);
  assert_contains (first, "Quy định về chức năng, nhiệm vụ");
  assert_contains (first, "Ban Bí thư Trung ương Đảng");
  assert_contains (first, "Phạm vi điều chỉnh và đối tượng áp dụng");
  footer = g_strdup_printf ("Page 1 of %u", n_pages);
  assert_contains (first, footer);
  /* Every article of the regulation is there, in order. */
  all = pdf_text (path, 0);
  assert_contains (all, "Đảng đoàn lãnh đạo cơ quan");

  /* A narrower page makes more pages. */
  g_assert_cmpuint (sodo_print_document_paginate (document, 300, 400), >, n_pages);
}

/* Wherever a page break falls, a chapter's headings are never left at the foot of a page
 * without the first lines of the text they head. */
static void
test_document_keeps_headings (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "headings.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (!have_tool ("pdftotext"))
    return;

  for (guint extra = 0; extra < 40; extra++)
    {
      g_autoptr(SodoPrintDocument) document = sodo_print_document_new ("Test");
      g_autoptr(GError) error = NULL;
      guint n_pages;
      gboolean found = FALSE;

      for (guint i = 0; i < 18 + extra; i++)
        sodo_print_document_add (document, SODO_PRINT_STYLE_BODY, 0, "1.",
                                 "Một đoạn văn bản để lấp đầy trang giấy.");
      sodo_print_document_add (document, SODO_PRINT_STYLE_CHAPTER, 0, NULL, "Chương IX");
      sodo_print_document_add (document, SODO_PRINT_STYLE_HEADING_TITLE, 0, NULL, "TỔ CHỨC");
      sodo_print_document_add (document, SODO_PRINT_STYLE_ARTICLE, 0, NULL, "Điều 15. Hiệu lực");
      sodo_print_document_add (document, SODO_PRINT_STYLE_BODY, 0, "1.", "Quy định có hiệu lực.");
      /* A small page, so that the headings meet its foot within the loop. */
      g_assert_true (sodo_print_document_write_pdf (document, 300, 420, 20, file, NULL, &error));
      g_assert_no_error (error);
      n_pages = sodo_print_document_get_n_pages (document);
      g_assert_cmpuint (n_pages, >=, 2);
      for (guint page = 1; page <= n_pages; page++)
        {
          g_autofree char *text = pdf_text (path, page);

          if (strstr (text, "Chương IX") == NULL)
            continue;
          found = TRUE;
          assert_contains (text, "TỔ CHỨC");
          assert_contains (text, "Điều 15. Hiệu lực");
          assert_contains (text, "Quy định có hiệu lực.");
        }
      g_assert_true (found);
    }
}

/* ---- The command line ---- */

static int
run_sodo (const char *const *args,
          char             **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("SODO_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  /* No display: the export runs before GTK would look for one. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, err,
                &wait_status, &error);
  g_assert_no_error (error);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

/* The units @ids of the .layout.json file at @path share their x and come one below the
 * other, in the order given. */
static void
assert_stacked_in_a_column (const char  *path,
                            const char **ids)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *units;
  double x = NAN, y = -INFINITY;
  guint found = 0;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  units = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "units");
  for (guint k = 0; ids[k] != NULL; k++)
    for (guint i = 0; i < json_array_get_length (units); i++)
      {
        JsonObject *unit = json_array_get_object_element (units, i);

        if (g_strcmp0 (json_object_get_string_member (unit, "id"), ids[k]) != 0)
          continue;
        if (k > 0)
          g_assert_cmpfloat (json_object_get_double_member (unit, "x"), ==, x);
        x = json_object_get_double_member (unit, "x");
        g_assert_cmpfloat (json_object_get_double_member (unit, "y"), >, y);
        y = json_object_get_double_member (unit, "y");
        found++;
      }
  g_assert_cmpuint (found, ==, g_strv_length ((char **) ids));
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *chart = sample_path ("hanoi-2023.json");
  g_autofree char *regulation = sample_path ("regulation-draft-2023.json");
  g_autofree char *broken = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"),
                                              "orgchart-errors.json", NULL);
  g_autofree char *pdf = fixture_path (fixture, "cli.pdf");
  g_autofree char *svg = fixture_path (fixture, "cli.svg");
  g_autofree char *png = fixture_path (fixture, "cli.png");
  g_autofree char *layout = fixture_path (fixture, "cli.layout.json");
  g_autofree char *reg_pdf = fixture_path (fixture, "reg.pdf");
  g_autofree char *doc = fixture_path (fixture, "cli.doc");
  char *err = NULL;

  if (!have_tool ("pdfinfo"))
    return;

#define EXPECT(status, ...) G_STMT_START {                                  \
    const char *args[] = { __VA_ARGS__, NULL };                             \
    g_free (err);                                                           \
    err = NULL;                                                             \
    g_assert_cmpint (run_sodo (args, &err), ==, (status));                  \
  } G_STMT_END

  EXPECT (0, "--export", pdf, "--fit-pages", "3x2", "--language", "vi", chart);
  g_assert_cmpuint (pdf_page_count (pdf), ==, 6);
  EXPECT (0, "--export", pdf, "--paper", "a3", "--orientation", "landscape", chart);
  g_assert_cmpuint (pdf_page_count (pdf), ==, 1);
  EXPECT (0, "--export", pdf, "--scale", "50%", "--layout", "left-right", "--compact", chart);
  g_assert_cmpuint (pdf_page_count (pdf), >=, 2);
  EXPECT (0, "--export", svg, "--branch", "nhom-dang-doan", chart);
  g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));
  EXPECT (0, "--export", png, "--scale", "50", chart);
  EXPECT (0, "--export", layout, chart);
  /* --compact stacks as the window does (SODO_CHART_COMPACT_MIN_LEAVES): the three
   * cadre committees, the group's only children, in one column. */
  EXPECT (0, "--export", layout, "--compact", chart);
  assert_stacked_in_a_column (layout, (const char *[]) { "bcsd-ubnd", "bcsd-tand", "bcsd-vksnd",
                                                         NULL });
  EXPECT (0, "--export", reg_pdf, "--language", "vi", regulation);
  g_assert_cmpuint (pdf_page_count (reg_pdf), >=, 2);

  /* Invalid input: the problems as --validate prints them. */
  EXPECT (1, "--export", pdf, broken);
  assert_contains (err, "orgchart-errors.json:8:17: error: units[1].parent");
  EXPECT (1, "--export", pdf, "--branch", "no-such-unit", chart);
  assert_contains (err, "no-such-unit");
  EXPECT (1, "--export", pdf, "/nonexistent/chart.json");

  /* Bad usage. */
  EXPECT (2, "--export", doc, chart);
  assert_contains (err, ".layout.json");
  g_assert_false (g_file_test (doc, G_FILE_TEST_EXISTS));
  EXPECT (2, "--export", pdf, "--fit-pages", "3by2", chart);
  EXPECT (2, "--export", pdf, "--fit-pages", "0x2", chart);
  EXPECT (2, "--export", pdf, "--fit-pages", "3x2", "--scale", "50", chart);
  EXPECT (2, "--export", pdf, "--scale", "-5", chart);
  EXPECT (2, "--export", pdf, "--paper", "b9", chart);
  EXPECT (2, "--export", pdf, "--orientation", "sideways", chart);
  EXPECT (2, "--export", pdf);
  EXPECT (2, "--export", pdf, chart, regulation);
  EXPECT (2, "--export", svg, regulation);
  EXPECT (2, "--fit-pages", "3x2", chart);
  EXPECT (2, "--export", pdf, "--validate", chart);
#undef EXPECT
  g_free (err);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sodo_language_set ("vi");

  g_test_add_func ("/export/formats", test_formats);
  g_test_add ("/export/pdf/fit-page", Fixture, NULL, fixture_set_up, test_pdf_fit_page,
              fixture_tear_down);
  g_test_add ("/export/pdf/fit-pages", Fixture, NULL, fixture_set_up, test_pdf_fit_pages,
              fixture_tear_down);
  g_test_add ("/export/pdf/scale", Fixture, NULL, fixture_set_up, test_pdf_scale,
              fixture_tear_down);
  g_test_add ("/export/svg", Fixture, NULL, fixture_set_up, test_svg, fixture_tear_down);
  g_test_add ("/export/svg/escaping", Fixture, NULL, fixture_set_up, test_svg_escaping,
              fixture_tear_down);
  g_test_add ("/export/png", Fixture, NULL, fixture_set_up, test_png, fixture_tear_down);
  g_test_add ("/export/png/too-large", Fixture, NULL, fixture_set_up, test_png_too_large,
              fixture_tear_down);
  g_test_add ("/export/layout-json", Fixture, NULL, fixture_set_up, test_layout_json,
              fixture_tear_down);
  g_test_add ("/export/branch-and-shown", Fixture, NULL, fixture_set_up, test_branch_and_shown,
              fixture_tear_down);
  g_test_add ("/export/regulation-pdf", Fixture, NULL, fixture_set_up, test_regulation_pdf,
              fixture_tear_down);
  g_test_add ("/export/document-keeps-headings", Fixture, NULL, fixture_set_up,
              test_document_keeps_headings, fixture_tear_down);
  g_test_add ("/export/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
