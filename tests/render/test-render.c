/* test-render.c: the chart scene and renderer, checked on pixels and counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "model/sodo-language.h"
#include "render/sodo-chart-render-private.h"
#include "render/sodo-chart-renderer.h"

/* ---- Fixtures ---- */

static SodoOrgchart *
load_sample (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("SODO_SAMPLES_DIR"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SodoOrgchart *chart = sodo_orgchart_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (chart);
  return chart;
}

static SodoOrgchart *
load_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  SodoOrgchart *chart = sodo_orgchart_load_bytes (bytes, "test.json", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (chart);
  return chart;
}

/* A root with three children of three kinds, the middle one with two children; one name is
 * markup-like, one unit has a figure, one has people. */
static const char small_chart[] =
  "{\"format\": \"sodo-orgchart\", \"version\": 1, \"title\": \"Test\","
  " \"kinds\": ["
  "  {\"id\": \"red\", \"name\": \"Red\", \"color\": \"#e01b24\"},"
  "  {\"id\": \"green\", \"name\": \"Green\", \"color\": \"#26a269\"},"
  "  {\"id\": \"blue\", \"name\": \"Blue\", \"color\": \"#1c71d8\"},"
  "  {\"id\": \"unused\", \"name\": \"Unused\", \"color\": \"#000000\"}],"
  " \"relation_kinds\": ["
  "  {\"id\": \"link\", \"name\": \"Link\", \"style\": \"dashed\", \"color\": \"#c64600\"}],"
  " \"units\": ["
  "  {\"id\": \"root\", \"parent\": null, \"kind\": \"red\", \"name\": \"Tỉnh ủy\","
  "   \"figures\": [{\"label\": \"Đảng viên\", \"value\": 475000}]},"
  "  {\"id\": \"a\", \"parent\": \"root\", \"kind\": \"green\", \"name\": \"<b>&amp;\"},"
  "  {\"id\": \"b\", \"parent\": \"root\", \"kind\": \"blue\","
  "   \"name\": \"Đảng đoàn Hội đồng nhân dân tỉnh\", \"short_name\": \"ĐĐ HĐND\","
  "   \"people\": [{\"name\": \"X\"}, {\"name\": \"Y\"}]},"
  "  {\"id\": \"b1\", \"parent\": \"b\", \"kind\": \"green\", \"name\": \"Chi bộ 1\"},"
  "  {\"id\": \"b2\", \"parent\": \"b\", \"kind\": \"green\", \"name\": \"Chi bộ 2\"},"
  "  {\"id\": \"c\", \"parent\": \"root\", \"kind\": \"blue\", \"name\": \"Ban cán sự đảng\"}],"
  " \"relations\": [{\"from\": \"a\", \"to\": \"c\", \"kind\": \"link\", \"label\": \"với\"}]}";

/* A generated chart: @n units, each unit i > 0 under unit (i - 1) / @fanout. */
static SodoOrgchart *
make_generated_chart (guint n,
                      guint fanout)
{
  g_autoptr(GString) json = g_string_new (NULL);

  g_string_append (json, "{\"format\": \"sodo-orgchart\", \"version\": 1, \"title\": \"Gen\","
                         " \"kinds\": [{\"id\": \"k0\", \"name\": \"K0\", \"color\": \"#1c71d8\"},"
                         " {\"id\": \"k1\", \"name\": \"K1\", \"color\": \"#26a269\"}], \"units\": [");
  for (guint i = 0; i < n; i++)
    {
      if (i == 0)
        g_string_append (json, "{\"id\": \"u0\", \"parent\": null");
      else
        g_string_append_printf (json, ",{\"id\": \"u%u\", \"parent\": \"u%u\"", i, (i - 1) / fanout);
      g_string_append_printf (json, ", \"kind\": \"k%u\", \"name\": \"Đảng bộ số %u\"}", i % 2, i);
    }
  g_string_append (json, "]}");
  return load_json (json->str);
}

static guint
unit (SodoOrgchart *chart,
      const char   *id)
{
  guint index = sodo_orgchart_find_unit (chart, id);

  g_assert_cmpuint (index, !=, SODO_NO_INDEX);
  return index;
}

/* ---- Pixel helpers ---- */

typedef struct {
  double red, green, blue, alpha;
} Pixel;

static Pixel
read_pixel (cairo_surface_t *surface,
            int              x,
            int              y)
{
  guint32 value;
  Pixel pixel = { 0, };
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  value = *(guint32 *) (data + y * stride + x * 4);
  pixel.alpha = ((value >> 24) & 0xff) / 255.0;
  if (pixel.alpha > 0)
    {
      pixel.red = ((value >> 16) & 0xff) / 255.0 / pixel.alpha;
      pixel.green = ((value >> 8) & 0xff) / 255.0 / pixel.alpha;
      pixel.blue = (value & 0xff) / 255.0 / pixel.alpha;
    }
  return pixel;
}

static gboolean
pixel_is (Pixel          pixel,
          SodoChartColor color,
          double         tolerance)
{
  return fabs (pixel.red - color.red) <= tolerance &&
         fabs (pixel.green - color.green) <= tolerance &&
         fabs (pixel.blue - color.blue) <= tolerance &&
         pixel.alpha > 0.98;
}

/* Pixel of chart point (x, y) in an image rendered with @params. */
static Pixel
chart_pixel (cairo_surface_t        *surface,
             const SodoRenderParams *params,
             double                  x,
             double                  y)
{
  return read_pixel (surface, (int) floor ((x - params->area.x) * params->scale),
                     (int) floor ((y - params->area.y) * params->scale));
}

static cairo_surface_t *
render_whole (SodoChartScene   *scene,
              SodoRenderParams *params,
              double            scale)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  sodo_render_params_set_whole_chart (params, scene, 20);
  params->scale = scale;
  surface = sodo_chart_render_to_image (scene, params, &error);
  g_assert_no_error (error);
  g_assert_nonnull (surface);
  return surface;
}

/* ---- Tests ---- */

/* At 100 %, zoomed in, and at a scale where cards are small (drawn on a canvas, names
 * only): the kind colour where the layout put the card, the card's fill inside it, the
 * background beside it. */
static void
test_kind_colour_where_laid_out (void)
{
  g_autoptr(SodoOrgchart) chart = load_json (small_chart);
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  const SodoChartPalette *palette = sodo_chart_palette_light ();
  const double scales[] = { 1.0, 2.0, 0.45 };
  const char *ids[] = { "root", "a", "b", "b1", "b2", "c" };
  const guint32 colors[] = { 0xe01b24, 0x26a269, 0x1c71d8, 0x26a269, 0x26a269, 0x1c71d8 };

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      SodoRenderParams params;
      SodoRenderStats stats;
      cairo_surface_t *surface;

      sodo_render_params_init (&params);
      params.show_relations = FALSE;
      params.stats = &stats;
      surface = render_whole (scene, &params, scales[s]);
      g_assert_cmpint (stats.detail, ==, SODO_CHART_DETAIL_FULL);
      /* Below SODO_CHART_DETAIL_TEXT_MIN_SCALE, the names alone. */
      if (scales[s] < SODO_CHART_DETAIL_TEXT_MIN_SCALE)
        g_assert_cmpuint (stats.n_texts, ==, G_N_ELEMENTS (ids));
      else
        g_assert_cmpuint (stats.n_texts, >, G_N_ELEMENTS (ids));

      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          SodoLayoutRect rect;
          SodoChartColor kind = sodo_chart_color_from_rgb (colors[i], 1);

          g_assert_true (sodo_chart_scene_get_unit_rect (scene, unit (chart, ids[i]), &rect));
          /* The kind band, on the card's left; the card's fill right of it; background
           * just left of the card (siblings are at least 20 points apart). */
          g_assert_true (pixel_is (chart_pixel (surface, &params, rect.x + 4,
                                                rect.y + rect.height / 2), kind, 0.02));
          g_assert_true (pixel_is (chart_pixel (surface, &params, rect.x + rect.width - 4,
                                                rect.y + rect.height / 2), palette->card, 0.02));
          g_assert_true (pixel_is (chart_pixel (surface, &params, rect.x - 8,
                                                rect.y + rect.height / 2),
                                   palette->background, 0.02));
        }
      cairo_surface_destroy (surface);
    }
}

/* Every pixel drawn is on a card (or its badge) or on a connector the layout gave, and every
 * connector is drawn: no stray line, no missing one. Compact mode, for its 5-point
 * connectors, with a collapsed group; at 100 % (cairo paths) and at 45 % (canvas). */
static void
check_connectors_follow_edges (double scale)
{
  g_autoptr(SodoOrgchart) chart = load_sample ("hanoi-2023.json");
  g_autoptr(SodoChartScene) scene = NULL;
  const SodoChartPalette *palette = sodo_chart_palette_light ();
  SodoChartSceneOptions options;
  const SodoLayoutResult *layout;
  SodoRenderParams params;
  SodoRenderStats stats;
  cairo_surface_t *surface, *allowed;
  cairo_t *cr;
  int width, height, stray = 0;

  sodo_chart_scene_options_init (&options);
  options.compact = TRUE;
  scene = sodo_chart_scene_new (chart, &options);
  sodo_chart_scene_set_collapsed (scene, unit (chart, "nhom-huyen-uy"), TRUE);
  layout = sodo_chart_scene_get_layout (scene);

  sodo_render_params_init (&params);
  params.show_relations = FALSE;
  params.stats = &stats;
  surface = render_whole (scene, &params, scale);
  g_assert_cmpuint (stats.n_edges, ==, layout->n_edges);
  /* Whole pixels of the area only: the last column and row may be partly outside it. */
  width = (int) floor (params.area.width * scale);
  height = (int) floor (params.area.height * scale);

  /* Where drawing may happen: cards with a margin for their outline and badge, and a band
   * around each connector segment. */
  allowed = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  cr = cairo_create (allowed);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -params.area.x, -params.area.y);
  for (guint i = 0; i < layout->n_nodes; i++)
    if (layout->visible[i])
      cairo_rectangle (cr, layout->rects[i].x - 3, layout->rects[i].y - 3,
                       layout->rects[i].width + 6, layout->rects[i].height + 14);
  cairo_fill (cr);
  cairo_set_line_width (cr, 5);
  for (guint e = 0; e < layout->n_edges; e++)
    {
      SodoLayoutPoint points[SODO_LAYOUT_EDGE_MAX_POINTS];
      guint n = sodo_layout_edge_get_points (layout, e, points);

      g_assert_cmpuint (n, >=, 4);
      cairo_move_to (cr, points[0].x, points[0].y);
      for (guint p = 1; p < n; p++)
        cairo_line_to (cr, points[p].x, points[p].y);
      cairo_stroke (cr);

      /* The middle of every segment has the connector's colour. */
      for (guint p = 1; p < n; p++)
        {
          double x = (points[p - 1].x + points[p].x) / 2, y = (points[p - 1].y + points[p].y) / 2;

          if (sodo_chart_scene_unit_at (scene, x, y) == SODO_NO_INDEX &&
              (points[p - 1].x != points[p].x || points[p - 1].y != points[p].y))
            g_assert_true (pixel_is (chart_pixel (surface, &params, x, y), palette->connector,
                                     0.15));
        }
    }
  cairo_destroy (cr);
  cairo_surface_flush (allowed);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 mask = cairo_image_surface_get_data (allowed)[y * cairo_image_surface_get_stride (allowed) + x];

        if (mask == 0 && !pixel_is (read_pixel (surface, x, y), palette->background, 0.01))
          stray++;
      }
  g_assert_cmpint (stray, ==, 0);

  cairo_surface_destroy (allowed);
  cairo_surface_destroy (surface);
}

static void
test_connectors_follow_edges (void)
{
  check_connectors_follow_edges (1.0);
  check_connectors_follow_edges (0.45);
}

/* With a budget, a frame shapes that many new card texts and leaves the rest for the next
 * frames, which it says; without one, everything at once. */
static void
test_shaping_budget (void)
{
  g_autoptr(SodoOrgchart) chart = load_json (small_chart);
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  SodoRenderParams params;
  SodoRenderStats stats;
  guint frames = 0, shaped = 0;

  sodo_render_params_init (&params);
  params.stats = &stats;
  params.show_relations = FALSE;
  params.shaping_budget = 2;
  do
    {
      cairo_surface_destroy (render_whole (scene, &params, 1.0));
      g_assert_cmpuint (stats.n_shaped, <=, 2);
      shaped += stats.n_shaped;
      frames++;
    }
  while (stats.n_deferred > 0 && frames < 10);
  g_assert_cmpuint (stats.n_deferred, ==, 0);
  g_assert_cmpuint (frames, ==, 3);
  g_assert_cmpuint (shaped, ==, 6);
  g_assert_cmpuint (stats.n_texts, >, 6);

  /* Everything is cached now: nothing to shape. */
  cairo_surface_destroy (render_whole (scene, &params, 1.0));
  g_assert_cmpuint (stats.n_shaped, ==, 0);
}

/* On a HiDPI screen: drawn into a surface with a device scale of 2, and drawn at scale 1
 * into a recording (as GTK's cairo nodes do) with pixel_scale 2, then replayed at 2, the
 * zoomed-out canvas gives the same pixels, at the full resolution. */
static void
test_hidpi_canvas (void)
{
  g_autoptr(SodoOrgchart) chart = load_sample ("hanoi-2023.json");
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  SodoRenderParams params;
  SodoRenderStats stats;
  cairo_surface_t *direct, *replayed, *recording;
  cairo_t *cr;
  int width, height, differing = 0, inked = 0;

  sodo_render_params_init (&params);
  params.stats = &stats;
  params.show_relations = FALSE;
  params.scale = 0.2;
  params.area.width = 1000;
  params.area.height = 500;
  width = (int) (params.area.width * params.scale);
  height = (int) (params.area.height * params.scale);

  direct = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2 * width, 2 * height);
  cairo_surface_set_device_scale (direct, 2, 2);
  cr = cairo_create (direct);
  sodo_chart_render (scene, cr, &params);
  cairo_destroy (cr);
  g_assert_cmpint (stats.detail, ==, SODO_CHART_DETAIL_BLOCKS);
  g_assert_cmpuint (stats.n_cards, >, 3);

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  params.pixel_scale = 2;
  sodo_chart_render (scene, cr, &params);
  cairo_destroy (cr);
  replayed = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2 * width, 2 * height);
  cr = cairo_create (replayed);
  cairo_scale (cr, 2, 2);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (direct);
  cairo_surface_flush (replayed);

  for (int y = 0; y < 2 * height; y++)
    for (int x = 0; x < 2 * width; x++)
      {
        Pixel a = read_pixel (direct, x, y), b = read_pixel (replayed, x, y);

        if (fabs (a.red - b.red) + fabs (a.green - b.green) + fabs (a.blue - b.blue) > 0.05)
          differing++;
        if (!pixel_is (a, sodo_chart_palette_light ()->background, 0.01))
          inked++;
      }
  g_assert_cmpint (inked, >, 1000);
  g_assert_cmpint (differing, <, inked / 100);

  cairo_surface_destroy (direct);
  cairo_surface_destroy (replayed);
  cairo_surface_destroy (recording);
}

static void
test_layout_lookups (void)
{
  g_autoptr(SodoOrgchart) chart = load_json (small_chart);
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  SodoLayoutRect rect, bounds;
  guint32 found[8];
  gsize n;

  g_assert_nonnull (sodo_chart_scene_get_layout (scene));
  sodo_chart_scene_get_bounds (scene, &bounds);
  g_assert_cmpfloat (bounds.width, >, 3 * 200);

  g_assert_true (sodo_chart_scene_get_unit_rect (scene, unit (chart, "b"), &rect));
  g_assert_cmpfloat (rect.width, ==, 200);
  g_assert_cmpuint (sodo_chart_scene_unit_at (scene, rect.x + 5, rect.y + 5), ==, unit (chart, "b"));
  g_assert_cmpuint (sodo_chart_scene_unit_at (scene, rect.x - 5, rect.y - 5), ==, SODO_NO_INDEX);

  n = sodo_chart_scene_visible_units_in_rect (scene, 0, 0, bounds.width, bounds.height, found,
                                              G_N_ELEMENTS (found));
  g_assert_cmpuint (n, ==, 6);
  n = sodo_chart_scene_visible_units_in_rect (scene, rect.x + 1, rect.y + 1, 10, 10, found,
                                              G_N_ELEMENTS (found));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (found[0], ==, unit (chart, "b"));
  g_assert_cmpuint (sodo_chart_scene_visible_units_in_rect (scene, -500, -500, 10, 10, NULL, 0), ==, 0);
}

static void
on_changed (SodoChartScene *scene,
            guint          *count)
{
  (*count)++;
}

static void
test_collapse (void)
{
  g_autoptr(SodoOrgchart) chart = load_json (small_chart);
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  guint b = unit (chart, "b"), b1 = unit (chart, "b1"), root = unit (chart, "root");
  SodoRenderParams params;
  SodoRenderStats stats;
  SodoLayoutRect rect;
  cairo_surface_t *surface;
  guint changes = 0;

  g_signal_connect (scene, "changed", G_CALLBACK (on_changed), &changes);
  g_assert_cmpuint (sodo_chart_scene_get_descendant_count (scene, root), ==, 5);
  g_assert_cmpuint (sodo_chart_scene_get_descendant_count (scene, b), ==, 2);

  sodo_chart_scene_set_collapsed (scene, b, TRUE);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (sodo_chart_scene_get_collapsed (scene, b));
  g_assert_false (sodo_chart_scene_get_unit_rect (scene, b1, &rect));
  g_assert_cmpfloat (rect.width, ==, 0);
  g_assert_cmpuint (sodo_chart_scene_get_visible_ancestor (scene, b1), ==, b);
  g_assert_cmpuint (sodo_chart_scene_get_layout (scene)->n_visible, ==, 4);

  /* Setting the same state again changes nothing; leaves cannot collapse. */
  sodo_chart_scene_set_collapsed (scene, b, TRUE);
  sodo_chart_scene_set_collapsed (scene, b1, TRUE);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (sodo_chart_scene_get_collapsed (scene, b1));

  /* The collapsed card shows a "+2" badge. */
  sodo_render_params_init (&params);
  params.stats = &stats;
  surface = render_whole (scene, &params, 1.0);
  g_assert_cmpuint (stats.n_badges, ==, 1);
  g_assert_cmpuint (stats.n_cards, ==, 4);
  sodo_chart_scene_get_unit_rect (scene, b, &rect);
  /* Below the badge's text, inside its pill. */
  g_assert_true (pixel_is (chart_pixel (surface, &params, rect.x + rect.width / 2,
                                        rect.y + rect.height + 5.5),
                           sodo_chart_palette_light ()->badge, 0.05));
  cairo_surface_destroy (surface);

  sodo_chart_scene_reveal_unit (scene, b1);
  g_assert_true (sodo_chart_scene_is_unit_visible (scene, b1));

  sodo_chart_scene_set_subtree_collapsed (scene, root, TRUE);
  g_assert_true (sodo_chart_scene_get_collapsed (scene, root));
  g_assert_true (sodo_chart_scene_get_collapsed (scene, b));
  g_assert_cmpuint (sodo_chart_scene_get_layout (scene)->n_visible, ==, 1);
  sodo_chart_scene_set_subtree_collapsed (scene, root, FALSE);
  g_assert_cmpuint (sodo_chart_scene_get_layout (scene)->n_visible, ==, 6);

  sodo_chart_scene_collapse_to_depth (scene, 1);
  g_assert_false (sodo_chart_scene_get_collapsed (scene, root));
  g_assert_true (sodo_chart_scene_get_collapsed (scene, b));
  g_assert_cmpuint (sodo_chart_scene_get_layout (scene)->n_visible, ==, 4);
}

static void
test_orientation_and_compact (void)
{
  g_autoptr(SodoOrgchart) chart = make_generated_chart (40, 39);
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  SodoLayoutRect wide, compact, tall;
  SodoChartSceneOptions options;

  sodo_chart_scene_get_bounds (scene, &wide);
  sodo_chart_scene_set_compact (scene, TRUE);
  sodo_chart_scene_get_bounds (scene, &compact);
  g_assert_cmpfloat (compact.width, <, wide.width / 3);
  sodo_chart_scene_set_compact (scene, FALSE);
  sodo_chart_scene_set_orientation (scene, SODO_LAYOUT_LEFT_RIGHT);
  sodo_chart_scene_get_bounds (scene, &tall);
  g_assert_cmpfloat (tall.height, >, tall.width);

  sodo_chart_scene_get_options (scene, &options);
  g_assert_cmpint (options.orientation, ==, SODO_LAYOUT_LEFT_RIGHT);
  g_assert_cmpstr (options.font_family, ==, SODO_CHART_DEFAULT_FONT_FAMILY);
  options.card_width = 300;
  sodo_chart_scene_set_options (scene, &options);
  sodo_chart_scene_get_unit_rect (scene, 0, &tall);
  g_assert_cmpfloat (tall.width, ==, 300);
}

static void
test_culling (void)
{
  g_autoptr(SodoOrgchart) chart = load_sample ("hanoi-2023.json");
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  SodoRenderParams params;
  SodoRenderStats stats;
  SodoLayoutRect bounds;
  cairo_surface_t *recording;
  cairo_rectangle_t extents = { 0, 0, 0, 0 };
  cairo_t *cr;
  guint32 expected[128];
  gsize n_expected;

  sodo_chart_scene_get_bounds (scene, &bounds);
  sodo_render_params_init (&params);
  params.stats = &stats;
  params.paint_background = FALSE;

  /* An area beside the chart: nothing at all is drawn. */
  params.area.x = bounds.width + 1000;
  params.area.y = 0;
  params.area.width = 800;
  params.area.height = 600;
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  sodo_chart_render (scene, cr, &params);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &extents.x, &extents.y, &extents.width,
                                       &extents.height);
  g_assert_cmpfloat (extents.width, ==, 0);
  g_assert_cmpfloat (extents.height, ==, 0);
  g_assert_cmpuint (stats.n_cards + stats.n_edges + stats.n_relations + stats.n_texts, ==, 0);
  cairo_surface_destroy (recording);

  /* A clip that covers nothing: nothing is drawn either, even with the background on. */
  params.paint_background = TRUE;
  params.area.x = 0;
  params.area.width = bounds.width;
  params.area.height = bounds.height;
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  cairo_rectangle (cr, 0, 0, 0, 0);
  cairo_clip (cr);
  sodo_chart_render (scene, cr, &params);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &extents.x, &extents.y, &extents.width,
                                       &extents.height);
  g_assert_cmpfloat (extents.width, ==, 0);
  g_assert_cmpuint (stats.n_cards, ==, 0);
  cairo_surface_destroy (recording);

  /* A part of the chart: only its cards are drawn, and nothing outside it. */
  params.area.x = bounds.width / 3;
  params.area.y = 0;
  params.area.width = 700;
  params.area.height = bounds.height;
  n_expected = sodo_chart_scene_visible_units_in_rect (scene, params.area.x - 14, -14,
                                                       params.area.width + 28,
                                                       params.area.height + 28, expected,
                                                       G_N_ELEMENTS (expected));
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  cairo_translate (cr, 50, 70);
  sodo_chart_render (scene, cr, &params);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &extents.x, &extents.y, &extents.width,
                                       &extents.height);
  g_assert_cmpfloat (extents.x, >=, 50);
  g_assert_cmpfloat (extents.y, >=, 70);
  g_assert_cmpfloat (extents.x + extents.width, <=, 50 + params.area.width);
  g_assert_cmpfloat (extents.y + extents.height, <=, 70 + params.area.height);
  g_assert_cmpfloat (extents.width, >, 0);
  g_assert_cmpuint (stats.n_cards, ==, n_expected);
  g_assert_cmpuint (stats.n_cards, >, 0);
  g_assert_cmpuint (stats.n_cards, <, sodo_orgchart_get_n_units (chart) / 2);
  cairo_surface_destroy (recording);
}

static void
test_level_of_detail (void)
{
  g_autoptr(SodoOrgchart) chart = load_sample ("hanoi-2023.json");
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  SodoRenderParams params;
  SodoRenderStats stats;
  cairo_surface_t *surface;
  guint n_units = sodo_orgchart_get_n_units (chart);
  SodoLayoutRect rect;
  SodoChartColor red = sodo_chart_color_from_rgb (0xe01b24, 1);

  sodo_render_params_init (&params);
  params.stats = &stats;

  surface = render_whole (scene, &params, 1.0);
  g_assert_cmpint (stats.detail, ==, SODO_CHART_DETAIL_FULL);
  g_assert_cmpuint (stats.n_cards, ==, n_units);
  g_assert_cmpuint (stats.n_texts, >=, n_units);
  cairo_surface_destroy (surface);

  /* Small: coloured rectangles, and not one piece of text. */
  surface = render_whole (scene, &params, 0.2);
  g_assert_cmpint (stats.detail, ==, SODO_CHART_DETAIL_BLOCKS);
  g_assert_cmpuint (stats.n_cards, ==, n_units);
  g_assert_cmpuint (stats.n_texts, ==, 0);
  g_assert_cmpuint (stats.n_shaped, ==, 0);
  g_assert_cmpuint (stats.n_edges, ==, n_units - 1);
  sodo_chart_scene_get_unit_rect (scene, unit (chart, "thanh-uy"), &rect);
  g_assert_true (pixel_is (chart_pixel (surface, &params, rect.x + 6, rect.y + rect.height / 2),
                           red, 0.02));
  cairo_surface_destroy (surface);

  /* Smaller: the density picture; the root is still red. */
  surface = render_whole (scene, &params, 0.05);
  g_assert_cmpint (stats.detail, ==, SODO_CHART_DETAIL_DENSITY);
  g_assert_cmpuint (stats.n_texts, ==, 0);
  g_assert_cmpuint (stats.n_cards + stats.n_blocks, >, 0);
  {
    Pixel pixel = chart_pixel (surface, &params, rect.x + rect.width / 2, rect.y + rect.height / 2);

    g_assert_cmpfloat (pixel.red, >, pixel.green + 0.2);
    g_assert_cmpfloat (pixel.red, >, pixel.blue + 0.2);
  }
  cairo_surface_destroy (surface);

  /* Print and export ask for text at any scale. */
  params.detail = SODO_CHART_DETAIL_FULL;
  surface = render_whole (scene, &params, 0.05);
  g_assert_cmpuint (stats.n_texts, >=, n_units);
  cairo_surface_destroy (surface);
}

static void
test_density_is_bounded (void)
{
  g_autoptr(SodoOrgchart) chart = make_generated_chart (20000, 12);
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  SodoRenderParams params;
  SodoRenderStats stats;
  SodoLayoutRect bounds;
  cairo_surface_t *surface;
  cairo_t *cr;

  sodo_chart_scene_get_bounds (scene, &bounds);
  sodo_render_params_init (&params);
  params.stats = &stats;
  params.scale = 800.0 / bounds.width;
  params.area.width = bounds.width;
  params.area.height = bounds.height;
  g_assert_cmpfloat (params.scale, <, SODO_CHART_BLOCK_MIN_SCALE);

  /* The whole chart in 800 pixels: groups of cards are drawn as blocks, far fewer objects
   * than cards. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  cr = cairo_create (surface);
  sodo_chart_render (scene, cr, &params);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpint (stats.detail, ==, SODO_CHART_DETAIL_DENSITY);
  g_assert_cmpuint (stats.n_blocks, >, 0);
  g_assert_cmpuint (stats.n_cards + stats.n_blocks, <, 20000 / 4);
}

static void
test_markup_is_literal (void)
{
  g_autoptr(SodoOrgchart) chart = load_json (small_chart);
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  SodoChartFonts *fonts = _sodo_chart_scene_get_fonts (scene);
  g_autoptr(PangoLayout) expected = pango_layout_new (_sodo_chart_fonts_get_context (fonts));
  const SodoCardLayouts *layouts;
  SodoRenderParams params;
  SodoLayoutRect rect;
  PangoRectangle ink;
  cairo_surface_t *surface;
  gboolean shaped;
  guint a = unit (chart, "a");
  int text_x, row, rightmost = -1;

  /* What is sent to Pango is the raw string. */
  layouts = _sodo_chart_scene_get_card_layouts (scene, a, TRUE, &shaped);
  g_assert_cmpstr (pango_layout_get_text (layouts->name), ==, "<b>&amp;");

  /* And it is drawn as such: the text's ink ends where the raw string's ink ends, far right
   * of where the "&" that markup would give ends. */
  pango_layout_set_font_description (expected, _sodo_chart_fonts_get (fonts, _SODO_CHART_FONT_NAME));
  pango_layout_set_text (expected, "<b>&amp;", -1);
  pango_layout_get_pixel_extents (expected, &ink, NULL);

  sodo_render_params_init (&params);
  surface = render_whole (scene, &params, 1.0);
  sodo_chart_scene_get_unit_rect (scene, a, &rect);
  /* The card holds nothing but the name: look for its ink anywhere inside. */
  text_x = (int) (rect.x - params.area.x + _SODO_CARD_BAND + _SODO_CARD_PAD_X);
  row = (int) (rect.y - params.area.y);
  for (int y = row + 2; y < row + rect.height - 2; y++)
    for (int x = text_x; x < (int) (rect.x - params.area.x + rect.width); x++)
      {
        Pixel pixel = read_pixel (surface, x, y);

        if (pixel.red < 0.5 && pixel.green < 0.5 && pixel.blue < 0.5)
          rightmost = MAX (rightmost, x);
      }
  g_assert_cmpint (rightmost, >, 0);
  g_assert_cmpint (ABS (rightmost - (text_x + ink.x + ink.width - 1)), <=, 2);
  cairo_surface_destroy (surface);
}

/* Names as they are written in the regulations and the press, and some harder cases. */
static const char *const vietnamese_names[] = {
  "Đảng đoàn Hội đồng nhân dân tỉnh",
  "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
  "Ban cán sự đảng Ủy ban nhân dân tỉnh",
  "Ban cán sự đảng Tòa án nhân dân tỉnh",
  "Ban cán sự đảng Viện kiểm sát nhân dân tỉnh",
  "Đảng đoàn Liên hiệp các hội Khoa học và Kỹ thuật thành phố",
  "Đảng ủy Khối các cơ quan thành phố Hà Nội",
  "Đảng bộ Quân sự tỉnh (Bộ Chỉ huy Quân sự tỉnh)",
  "Huyện ủy Ứng Hòa",
  "Quận ủy Bắc Từ Liêm",
  "Ủy ban Kiểm tra Tỉnh ủy nhiệm kỳ 2020–2025",
  "Các cơ quan tham mưu, giúp việc Thành ủy: Văn phòng, Ban Tổ chức, Ban Tuyên giáo",
  "Đảng ủy Công an thành phố Hà Nội/Bộ Tư lệnh Thủ đô",
  "Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực (Quy định 146-QĐ/TW ngày 14/5/2024)",
  "Nghị quyết số 18-NQ/TW về tiếp tục đổi mới, sắp xếp tổ chức bộ máy",
  "Trường Chính trị Nguyễn Văn Cừ thành phố Hà Nội",
  "Ban Bảo vệ, chăm sóc sức khỏe cán bộ thành phố",
  "Đảng đoàn Liên hiệp các tổ chức hữu nghị thành phố",
  "Ủy ban Kiểm tra Đảng ủy Khối doanh nghiệp",
  "Hội Cựu chiến binh",
  "Chi bộ cơ sở",
  "Đảng ủy xã Tả Lèng, huyện Tam Đường, tỉnh Lai Châu",
  "Phường Quảng Phú Cầu—Ứng Hòa",
  "Nhàxuấtbảnchínhtrịquốcgiasựthậtrấtdàikhôngcódấucách",
};

static void
check_line_count (SodoChartFonts *fonts,
                  PangoLayout    *layout,
                  const char     *name,
                  double          width)
{
  guint measured = _sodo_chart_fonts_count_lines (fonts, name, width, 100);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, name, -1);
  if ((int) measured != pango_layout_get_line_count (layout))
    g_error ("\"%s\" at %g points: measured %u lines, Pango %d", name, width, measured,
             pango_layout_get_line_count (layout));
  /* Every glyph is in the fonts: all the diacritics are drawn. */
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
}

static void
test_measure_matches_pango (void)
{
  g_autoptr(SodoOrgchart) chart = load_sample ("hanoi-2023.json");
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  SodoChartFonts *fonts = _sodo_chart_scene_get_fonts (scene);
  g_autoptr(PangoLayout) layout = pango_layout_new (_sodo_chart_fonts_get_context (fonts));
  const SodoUnit *units = sodo_orgchart_get_units (chart);
  SodoTextPool *pool = sodo_orgchart_get_text_pool (chart);
  const double widths[] = { 174, 150, 120, 90, 60 };
  guint checked = 0;

  pango_layout_set_font_description (layout, _sodo_chart_fonts_get (fonts, _SODO_CHART_FONT_NAME));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (vietnamese_names); i++, checked++)
        check_line_count (fonts, layout, vietnamese_names[i], widths[w]);
      /* Every name of the sample, in each of its languages. */
      for (guint i = 0; i < sodo_orgchart_get_n_units (chart); i++)
        for (guint e = 0; e < sodo_text_pool_get_n_entries (pool, units[i].name); e++, checked++)
          {
            const char *lang, *str;

            sodo_text_pool_get_entry (pool, units[i].name, e, &lang, &str);
            check_line_count (fonts, layout, str, widths[w]);
          }
    }
  g_assert_cmpuint (checked, >, 500);

  /* The layouts the cards are drawn with have the lines measured. */
  for (guint i = 0; i < sodo_orgchart_get_n_units (chart); i++)
    {
      gboolean shaped;
      const SodoCardLayouts *card = _sodo_chart_scene_get_card_layouts (scene, i, TRUE, &shaped);

      g_assert_cmpint (pango_layout_get_line_count (card->name), ==,
                       _sodo_chart_scene_get_name_lines (scene, i));
      g_assert_false (pango_layout_is_ellipsized (card->name));
    }
}

static void
test_long_names_are_cut (void)
{
  g_autoptr(SodoOrgchart) chart = load_json (
    "{\"format\": \"sodo-orgchart\", \"version\": 1, \"title\": \"T\","
    " \"kinds\": [{\"id\": \"k\", \"name\": \"K\"}],"
    " \"units\": [{\"id\": \"r\", \"parent\": null, \"kind\": \"k\", \"name\":"
    " \"Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực của Thành ủy và các cơ quan tham mưu,"
    " giúp việc cùng các đảng đoàn, ban cán sự đảng trực thuộc\"},"
    " {\"id\": \"s\", \"parent\": \"r\", \"kind\": \"k\", \"name\": \"Chi bộ\"}]}");
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  const SodoCardLayouts *card;
  SodoLayoutRect long_rect, short_rect;
  gboolean shaped;

  g_assert_cmpuint (_sodo_chart_scene_get_name_lines (scene, 0), ==, _SODO_CARD_NAME_MAX_LINES);
  card = _sodo_chart_scene_get_card_layouts (scene, 0, TRUE, &shaped);
  g_assert_true (shaped);
  g_assert_cmpint (pango_layout_get_line_count (card->name), ==, _SODO_CARD_NAME_MAX_LINES);
  g_assert_true (pango_layout_is_ellipsized (card->name));

  /* Taller for its three lines: two lines of the name font more than a one-line card
   * (which is raised to the minimum height). */
  sodo_chart_scene_get_unit_rect (scene, 0, &long_rect);
  sodo_chart_scene_get_unit_rect (scene, 1, &short_rect);
  g_assert_cmpfloat (short_rect.height, ==, _SODO_CARD_MIN_HEIGHT);
  g_assert_cmpfloat (long_rect.height, ==,
                     ceil (_sodo_card_height (_sodo_chart_scene_get_fonts (scene), 1, FALSE, FALSE,
                                              FALSE) +
                           2 * (_sodo_chart_fonts_get_height (_sodo_chart_scene_get_fonts (scene),
                                                              _SODO_CHART_FONT_NAME, 2) -
                                _sodo_chart_fonts_get_height (_sodo_chart_scene_get_fonts (scene),
                                                              _SODO_CHART_FONT_NAME, 1))));

  /* Asked again, it comes from the cache. */
  card = _sodo_chart_scene_get_card_layouts (scene, 0, TRUE, &shaped);
  g_assert_false (shaped);
}

static void
test_card_texts (void)
{
  g_autoptr(SodoOrgchart) chart = load_json (small_chart);
  SodoCardTexts texts;

  sodo_language_set ("vi");
  _sodo_card_texts_init (&texts, chart, unit (chart, "root"));
  g_assert_cmpstr (texts.name, ==, "Tỉnh ủy");
  g_assert_null (texts.second);
  g_assert_cmpstr (texts.bottom, ==, "475.000 Đảng viên");
  g_assert_cmpuint (texts.bottom_strong, ==, strlen ("475.000"));
  _sodo_card_texts_clear (&texts);

  _sodo_card_texts_init (&texts, chart, unit (chart, "b"));
  g_assert_cmpstr (texts.second, ==, "ĐĐ HĐND");
  g_assert_nonnull (strstr (texts.bottom, "2"));
  _sodo_card_texts_clear (&texts);
}

static void
test_language_switch (void)
{
  g_autoptr(SodoOrgchart) chart = load_sample ("hanoi-2023.json");
  g_autoptr(SodoChartScene) scene = NULL;
  guint root = unit (chart, "thanh-uy");
  const SodoCardLayouts *card;
  gboolean shaped;

  sodo_language_set ("vi");
  scene = sodo_chart_scene_new (chart, NULL);
  card = _sodo_chart_scene_get_card_layouts (scene, root, TRUE, &shaped);
  g_assert_cmpstr (pango_layout_get_text (card->name), ==, "Thành ủy Hà Nội");

  /* The scene notices the switch, measures again and shapes the new names. */
  sodo_language_set ("en");
  g_assert_nonnull (sodo_chart_scene_get_layout (scene));
  card = _sodo_chart_scene_get_card_layouts (scene, root, TRUE, &shaped);
  g_assert_true (shaped);
  g_assert_cmpstr (pango_layout_get_text (card->name), ==, "Hanoi Party Committee");
  sodo_language_set ("vi");
}

static void
test_palettes_differ (void)
{
  g_autoptr(SodoOrgchart) chart = load_json (small_chart);
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  const SodoChartPalette *light = sodo_chart_palette_light ();
  const SodoChartPalette *dark = sodo_chart_palette_dark ();
  SodoRenderParams params;
  cairo_surface_t *surface;
  SodoLayoutRect rect;

  g_assert_false (light->dark);
  g_assert_true (dark->dark);
  g_assert_cmpfloat (light->background.red + light->background.green + light->background.blue, >,
                     dark->background.red + dark->background.green + dark->background.blue + 1.5);
  g_assert_cmpfloat (fabs (light->text.red - dark->text.red), >, 0.5);

  sodo_chart_scene_get_unit_rect (scene, unit (chart, "c"), &rect);
  sodo_render_params_init (&params);
  params.palette = dark;
  params.show_relations = FALSE;
  surface = render_whole (scene, &params, 1.0);
  g_assert_true (pixel_is (chart_pixel (surface, &params, rect.x - 8, rect.y + 8), dark->background,
                           0.02));
  g_assert_true (pixel_is (chart_pixel (surface, &params, rect.x + rect.width - 4,
                                        rect.y + rect.height / 2), dark->card, 0.02));
  cairo_surface_destroy (surface);
}

static void
test_highlights (void)
{
  g_autoptr(SodoOrgchart) chart = load_json (small_chart);
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  const SodoChartPalette *palette = sodo_chart_palette_light ();
  guint32 matches[1] = { 0 };
  SodoRenderParams params;
  SodoLayoutRect selected, hovered, matched;
  cairo_surface_t *surface;
  Pixel pixel;

  sodo_chart_scene_get_unit_rect (scene, unit (chart, "a"), &selected);
  sodo_chart_scene_get_unit_rect (scene, unit (chart, "c"), &hovered);
  sodo_chart_scene_get_unit_rect (scene, unit (chart, "b1"), &matched);
  matches[0] |= 1u << unit (chart, "b1");

  sodo_render_params_init (&params);
  params.selected_unit = unit (chart, "a");
  params.hover_unit = unit (chart, "c");
  params.matches = matches;
  params.show_relations = FALSE;
  surface = render_whole (scene, &params, 2.0);

  /* Rings just outside the selected and the hovered card. */
  pixel = chart_pixel (surface, &params, selected.x + selected.width / 4, selected.y - 3.5);
  g_assert_true (pixel_is (pixel, palette->selection, 0.08));
  pixel = chart_pixel (surface, &params, hovered.x + hovered.width / 4, hovered.y - 2.5);
  g_assert_cmpfloat (pixel.blue, >, pixel.red + 0.15);
  /* The match is tinted: yellow over white, more red and green than blue. */
  pixel = chart_pixel (surface, &params, matched.x + matched.width - 6, matched.y + matched.height - 4);
  g_assert_cmpfloat (pixel.red, >, pixel.blue + 0.2);
  g_assert_cmpfloat (pixel.green, >, pixel.blue + 0.2);
  /* An unmatched card stays white. */
  pixel = chart_pixel (surface, &params, hovered.x + hovered.width - 6, hovered.y + hovered.height - 4);
  g_assert_true (pixel_is (pixel, palette->card, 0.02));
  cairo_surface_destroy (surface);
}

static void
test_relations (void)
{
  g_autoptr(SodoOrgchart) chart = load_sample ("hanoi-2023.json");
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  SodoRenderParams params;
  SodoRenderStats stats;
  cairo_surface_t *surface;
  guint n_relations = 0;

  sodo_orgchart_get_relations (chart, &n_relations);
  sodo_render_params_init (&params);
  params.stats = &stats;

  surface = render_whole (scene, &params, 0.5);
  g_assert_cmpuint (stats.n_relations, ==, n_relations);
  cairo_surface_destroy (surface);

  params.show_relations = FALSE;
  surface = render_whole (scene, &params, 0.5);
  g_assert_cmpuint (stats.n_relations, ==, 0);
  cairo_surface_destroy (surface);

  /* Folding the delegations into their group: their relations start at the group's card,
   * those between two folded units vanish. Relations of one kind that fold onto the same
   * two cards are one curve: the 8 delegations' "set up by" to the Standing Board, and
   * two of their "coordinates" to the districts. */
  params.show_relations = TRUE;
  sodo_chart_scene_set_collapsed (scene, unit (chart, "thanh-uy"), TRUE);
  surface = render_whole (scene, &params, 0.5);
  g_assert_cmpuint (stats.n_relations, ==, 0);
  cairo_surface_destroy (surface);
  sodo_chart_scene_set_collapsed (scene, unit (chart, "thanh-uy"), FALSE);
  sodo_chart_scene_set_collapsed (scene, unit (chart, "nhom-dang-doan"), TRUE);
  surface = render_whole (scene, &params, 0.5);
  g_assert_cmpuint (stats.n_relations, ==, n_relations - 7 - 1);
  cairo_surface_destroy (surface);
  {
    SodoRelationCurve curves[32];
    guint n_curves = _sodo_relations_get_curves (scene, curves, G_N_ELEMENTS (curves));
    guint group = unit (chart, "nhom-dang-doan");
    guint folded = 0;

    g_assert_cmpuint (n_curves, ==, n_relations - 7 - 1);
    for (guint i = 0; i < n_curves; i++)
      {
        if (curves[i].from == group && curves[i].to == unit (chart, "btv"))
          g_assert_cmpuint (curves[i].n_relations, ==, 8);
        if (curves[i].from == group)
          folded += curves[i].n_relations;
      }
    g_assert_cmpuint (folded, ==, 8 + 1 + 2);
  }
}

/* The sample laid out as the app shows it: compact, stacking groups of three or more. */
static SodoChartScene *
compact_sample_scene (SodoOrgchart *chart)
{
  SodoChartSceneOptions options;

  sodo_chart_scene_options_init (&options);
  options.compact = TRUE;
  options.compact_min_leaves = 3;
  return sodo_chart_scene_new (chart, &options);
}

/* Where the 11 "set up by" relations meet the Standing Board's card: spread along its
 * bottom side in the order of the cards they come from, apart enough for their heads,
 * clear of the connector to its own child in the middle, and with their tips short of the
 * card and of every other card. */
static void
test_relation_ends_spread (void)
{
  g_autoptr(SodoOrgchart) chart = load_sample ("hanoi-2023.json");
  g_autoptr(SodoChartScene) scene = compact_sample_scene (chart);
  SodoRelationCurve curves[32];
  double tips[32];
  guint n_tips = 0;
  guint board = unit (chart, "btv");
  SodoLayoutRect rect;
  guint n_curves;

  g_assert_true (sodo_chart_scene_get_unit_rect (scene, board, &rect));
  n_curves = _sodo_relations_get_curves (scene, curves, G_N_ELEMENTS (curves));
  g_assert_cmpuint (n_curves, ==, 18);
  for (guint i = 0; i < n_curves; i++)
    {
      SodoLayoutRect from;

      /* No tip touches a card. */
      g_assert_cmpuint (sodo_chart_scene_unit_at (scene, curves[i].x[3], curves[i].y[3]), ==,
                        SODO_NO_INDEX);
      /* A curve from a card in a stack leaves from its left or right side: above and
       * below it are the other cards of its column. */
      g_assert_true (sodo_chart_scene_get_unit_rect (scene, curves[i].from, &from));
      if (sodo_chart_scene_get_layout (scene)->stacked[curves[i].from])
        g_assert_true (curves[i].x[0] == from.x || curves[i].x[0] == from.x + from.width);
      if (curves[i].to != board)
        continue;

      g_assert_cmpfloat (curves[i].y[3], >, rect.y + rect.height);
      g_assert_cmpfloat (curves[i].y[3], <, rect.y + rect.height + 3);
      g_assert_cmpfloat (curves[i].x[3], >, rect.x);
      g_assert_cmpfloat (curves[i].x[3], <, rect.x + rect.width);
      g_assert_cmpfloat (fabs (curves[i].x[3] - (rect.x + rect.width / 2)), >=, 10);
      tips[n_tips++] = curves[i].x[3];
    }
  g_assert_cmpuint (n_tips, ==, 11);
  for (guint i = 0; i < n_tips; i++)
    for (guint j = i + 1; j < n_tips; j++)
      g_assert_cmpfloat (fabs (tips[i] - tips[j]), >=, 11);
}

/* How far a pixel is from a colour, channel by channel. */
static double
pixel_distance (Pixel          pixel,
                SodoChartColor color)
{
  return MAX (fabs (pixel.red - color.red),
              MAX (fabs (pixel.green - color.green), fabs (pixel.blue - color.blue)));
}

/* The pixel in the middle of the arrowhead of the first curve into @to's card. */
static Pixel
arrowhead_pixel (SodoChartScene         *scene,
                 cairo_surface_t        *surface,
                 const SodoRenderParams *params,
                 guint                   to)
{
  SodoRelationCurve curves[32];
  guint n_curves = _sodo_relations_get_curves (scene, curves, G_N_ELEMENTS (curves));

  for (guint i = 0; i < n_curves; i++)
    if (curves[i].to == to)
      {
        /* The head points along the last handle, into the card. */
        double dx = curves[i].x[3] - curves[i].x[2];
        double dy = curves[i].y[3] - curves[i].y[2];
        double length = hypot (dx, dy);

        return chart_pixel (surface, params, curves[i].x[3] - 4 * dx / length,
                            curves[i].y[3] - 4 * dy / length);
      }
  g_assert_not_reached ();
}

/* On screen the relations are a light hint, and those of the selected or hovered unit are
 * drawn in full colour with their labels; print and export draw them all alike. */
static void
test_relations_subdued (void)
{
  g_autoptr(SodoOrgchart) chart = load_sample ("hanoi-2023.json");
  g_autoptr(SodoChartScene) scene = compact_sample_scene (chart);
  const SodoChartPalette *palette = sodo_chart_palette_light ();
  SodoChartColor set_up_by = sodo_chart_color_from_rgb (0x1a5fb4, 1);
  guint board = unit (chart, "btv");
  SodoRenderParams params;
  SodoRenderStats stats;
  cairo_surface_t *surface;
  Pixel faint, strong;

  sodo_render_params_init (&params);
  params.stats = &stats;

  /* Print: every curve as it is (a little see-through), each label once per card and
   * text. */
  surface = render_whole (scene, &params, 2);
  g_assert_cmpuint (stats.n_relations, ==, 18);
  g_assert_cmpuint (stats.n_emphasized, ==, 0);
  g_assert_cmpuint (stats.n_relation_labels, ==, 1);
  g_assert_cmpfloat (pixel_distance (arrowhead_pixel (scene, surface, &params, board), set_up_by),
                     <, 0.25);
  cairo_surface_destroy (surface);

  /* Screen, nothing selected: all there, none labelled, the heads pale. */
  params.subdue_relations = TRUE;
  surface = render_whole (scene, &params, 2);
  g_assert_cmpuint (stats.n_relations, ==, 18);
  g_assert_cmpuint (stats.n_emphasized, ==, 0);
  g_assert_cmpuint (stats.n_relation_labels, ==, 0);
  faint = arrowhead_pixel (scene, surface, &params, board);
  g_assert_cmpfloat (pixel_distance (faint, set_up_by), >, 0.3);
  g_assert_cmpfloat (pixel_distance (faint, palette->background), <, 0.35);
  cairo_surface_destroy (surface);

  /* The Standing Board selected: its 11 in full colour. */
  params.selected_unit = board;
  surface = render_whole (scene, &params, 2);
  g_assert_cmpuint (stats.n_relations, ==, 18);
  g_assert_cmpuint (stats.n_emphasized, ==, 11);
  g_assert_cmpuint (stats.n_relation_labels, ==, 0);
  strong = arrowhead_pixel (scene, surface, &params, board);
  g_assert_cmpfloat (pixel_distance (strong, set_up_by), <, 0.1);
  cairo_surface_destroy (surface);

  /* Hovering the districts: their three "coordinates" come forward, with their shared
   * label once; the selection's stay forward too. */
  params.hover_unit = unit (chart, "cap-huyen");
  surface = render_whole (scene, &params, 2);
  g_assert_cmpuint (stats.n_emphasized, ==, 11 + 3);
  g_assert_cmpuint (stats.n_relation_labels, ==, 1);
  cairo_surface_destroy (surface);

  /* Selected and hovered cards without relations bring none forward. */
  params.selected_unit = unit (chart, "ubkt");
  params.hover_unit = SODO_NO_INDEX;
  surface = render_whole (scene, &params, 2);
  g_assert_cmpuint (stats.n_emphasized, ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_legend (void)
{
  g_autoptr(SodoOrgchart) chart = load_json (small_chart);
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  SodoRenderParams params;
  double width, height, width2, height2, height_no_relations;
  cairo_surface_t *surface;
  cairo_t *cr;

  sodo_render_params_init (&params);
  sodo_chart_render_legend (scene, NULL, 0, 0, &params, &width, &height);
  g_assert_cmpfloat (width, >, 40);
  g_assert_cmpfloat (height, >, 40);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width) + 20,
                                        (int) ceil (height) + 20);
  cr = cairo_create (surface);
  sodo_chart_render_legend (scene, cr, 10, 10, &params, &width2, &height2);
  cairo_destroy (cr);
  g_assert_cmpfloat (width2, ==, width);
  g_assert_cmpfloat (height2, ==, height);
  /* Drawn inside its box, which has the legend's background. */
  g_assert_true (pixel_is (read_pixel (surface, 10 + (int) width / 2, 10 + (int) height - 3),
                           sodo_chart_palette_light ()->legend_background, 0.02));
  g_assert_cmpfloat (read_pixel (surface, 5, 5).alpha, ==, 0);
  cairo_surface_destroy (surface);

  /* The relation kind's row goes with the relations; the unused kind has none. */
  params.show_relations = FALSE;
  sodo_chart_render_legend (scene, NULL, 0, 0, &params, NULL, &height_no_relations);
  g_assert_cmpfloat (height_no_relations, <, height);
  g_assert_cmpfloat (height - height_no_relations, <, 30);
}

static void
test_image_too_large (void)
{
  g_autoptr(SodoOrgchart) chart = load_json (small_chart);
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  g_autoptr(GError) error = NULL;
  SodoRenderParams params;

  sodo_render_params_init (&params);
  sodo_render_params_set_whole_chart (&params, scene, 0);
  params.scale = 100;
  g_assert_null (sodo_chart_render_to_image (scene, &params, &error));
  g_assert_error (error, SODO_ERROR, SODO_ERROR_LIMIT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sodo_language_set ("vi");

  g_test_add_func ("/render/kind-colour-where-laid-out", test_kind_colour_where_laid_out);
  g_test_add_func ("/render/connectors-follow-edges", test_connectors_follow_edges);
  g_test_add_func ("/render/shaping-budget", test_shaping_budget);
  g_test_add_func ("/render/hidpi-canvas", test_hidpi_canvas);
  g_test_add_func ("/render/layout-lookups", test_layout_lookups);
  g_test_add_func ("/render/collapse", test_collapse);
  g_test_add_func ("/render/orientation-and-compact", test_orientation_and_compact);
  g_test_add_func ("/render/culling", test_culling);
  g_test_add_func ("/render/level-of-detail", test_level_of_detail);
  g_test_add_func ("/render/density-is-bounded", test_density_is_bounded);
  g_test_add_func ("/render/markup-is-literal", test_markup_is_literal);
  g_test_add_func ("/render/measure-matches-pango", test_measure_matches_pango);
  g_test_add_func ("/render/long-names-are-cut", test_long_names_are_cut);
  g_test_add_func ("/render/card-texts", test_card_texts);
  g_test_add_func ("/render/language-switch", test_language_switch);
  g_test_add_func ("/render/palettes-differ", test_palettes_differ);
  g_test_add_func ("/render/highlights", test_highlights);
  g_test_add_func ("/render/relations", test_relations);
  g_test_add_func ("/render/relation-ends-spread", test_relation_ends_spread);
  g_test_add_func ("/render/relations-subdued", test_relations_subdued);
  g_test_add_func ("/render/legend", test_legend);
  g_test_add_func ("/render/image-too-large", test_image_too_large);

  return g_test_run ();
}
