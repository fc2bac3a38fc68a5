/* test-pagination.c: sheets, scales and cut lines, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "model/sodo-error.h"
#include "model/sodo-language.h"
#include "render/sodo-pagination.h"

#define EPSILON 1e-3

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

static SodoChartScene *
sample_scene (SodoLayoutOrientation orientation,
              gboolean              compact)
{
  g_autoptr(SodoOrgchart) chart = load_sample ("hanoi-2023.json");
  SodoChartSceneOptions options;

  sodo_chart_scene_options_init (&options);
  options.orientation = orientation;
  options.compact = compact;
  return sodo_chart_scene_new (chart, &options);
}

static const char *const words[] = {
  "Đảng", "đoàn", "Hội", "đồng", "nhân", "dân", "Ban", "cán", "sự", "đảng", "Ủy", "ban",
  "Mặt", "trận", "Tổ", "quốc", "Việt", "Nam", "tỉnh", "thành", "phố", "Liên", "hiệp", "các",
  "Khoa", "học", "Kỹ", "thuật", "Quận", "ủy", "Huyện", "Chi", "bộ", "Văn", "phòng",
};

/* A random tree of @n units: each unit under a random earlier one (recent ones more often,
 * so the tree gets depth), names of 1 to 12 words so cards have 1 to 3 lines, and a few
 * relations. */
static SodoOrgchart *
make_random_chart (GRand *rand,
                   guint  n)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SodoOrgchart *chart;

  g_string_append (json, "{\"format\": \"sodo-orgchart\", \"version\": 1, \"title\": "
                         "\"Sơ đồ thử\", \"as_of\": \"2024-05-14\", \"kinds\": ["
                         "{\"id\": \"k0\", \"name\": \"Cấp ủy\", \"color\": \"#e01b24\"},"
                         "{\"id\": \"k1\", \"name\": \"Đảng đoàn\", \"color\": \"#1c71d8\"},"
                         "{\"id\": \"k2\", \"name\": \"Ban cán sự đảng\"}],"
                         " \"relation_kinds\": [{\"id\": \"r\", \"name\": \"Phối hợp\","
                         " \"style\": \"dotted\"}], \"units\": [");
  for (guint i = 0; i < n; i++)
    {
      guint n_words = g_rand_int_range (rand, 1, 13);

      if (i == 0)
        g_string_append (json, "{\"id\": \"u0\", \"parent\": null");
      else
        {
          guint low = i > 8 && g_rand_boolean (rand) ? i - 8 : 0;

          g_string_append_printf (json, ",\n{\"id\": \"u%u\", \"parent\": \"u%u\"", i,
                                  g_rand_int_range (rand, low, i));
        }
      g_string_append_printf (json, ", \"kind\": \"k%d\", \"name\": \"",
                              g_rand_int_range (rand, 0, 3));
      for (guint w = 0; w < n_words; w++)
        g_string_append_printf (json, "%s%s", w > 0 ? " " : "",
                                words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (json, "\"}");
    }
  g_string_append (json, "], \"relations\": [");
  for (guint i = 0; n > 2 && i < n / 10; i++)
    {
      guint from = g_rand_int_range (rand, 1, n), to = g_rand_int_range (rand, 0, n);

      if (to == from)
        to = 0;
      g_string_append_printf (json, "%s{\"from\": \"u%u\", \"to\": \"u%u\", \"kind\": \"r\"}",
                              i > 0 ? "," : "", from, to);
    }
  g_string_append (json, "]}");

  bytes = g_bytes_new (json->str, json->len);
  chart = sodo_orgchart_load_bytes (bytes, "random.json", NULL, &error);
  g_assert_no_error (error);
  return chart;
}

static gboolean
rect_contains (const SodoChartRect *outer,
               double               x,
               double               y,
               double               width,
               double               height)
{
  return x >= outer->x - EPSILON && y >= outer->y - EPSILON &&
         x + width <= outer->x + outer->width + EPSILON &&
         y + height <= outer->y + outer->height + EPSILON;
}

static double
overlap_area (const SodoChartRect *a,
              const SodoChartRect *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return w > 0 && h > 0 ? w * h : 0;
}

/* Cards of @scene that no sheet shows whole. */
static guint
count_cards_not_whole (SodoPagination *pagination)
{
  const SodoLayoutResult *layout = sodo_chart_scene_get_layout (sodo_pagination_get_scene (pagination));
  guint n_cut = 0;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const SodoLayoutRect *r = &layout->rects[i];
      gboolean whole = FALSE;

      if (!layout->visible[i])
        continue;
      for (guint p = 0; p < sodo_pagination_get_n_pages (pagination) && !whole; p++)
        whole = rect_contains (&sodo_pagination_get_page (pagination, p)->shown, r->x, r->y,
                               r->width, r->height);
      n_cut += !whole;
    }
  return n_cut;
}

/* What every pagination must be: each sheet's part fits its frame on paper, the own parts
 * tile the content without overlapping (all of it unless blank sheets were left out), the
 * legend covers no card, and the count of cut cards is the true one. */
static void
check_pagination (SodoPagination              *pagination,
                  const SodoPaginationOptions *options)
{
  SodoChartScene *scene = sodo_pagination_get_scene (pagination);
  const SodoLayoutResult *layout = sodo_chart_scene_get_layout (scene);
  guint n_pages = sodo_pagination_get_n_pages (pagination);
  double scale = sodo_pagination_get_scale (pagination);
  SodoChartRect canvas, frame, legend;
  SodoLayoutRect bounds;
  double own_area = 0;

  sodo_pagination_get_canvas (pagination, &canvas);
  sodo_pagination_get_frame (pagination, &frame);
  sodo_chart_scene_get_bounds (scene, &bounds);
  g_assert_cmpuint (n_pages, >=, 1);
  g_assert_cmpfloat (scale, >, 0);
  g_assert_true (rect_contains (&canvas, bounds.x, bounds.y, bounds.width, bounds.height));

  for (guint i = 0; i < n_pages; i++)
    {
      const SodoPaginationPage *page = sodo_pagination_get_page (pagination, i);

      g_assert_cmpuint (page->row, <, sodo_pagination_get_n_rows (pagination));
      g_assert_cmpuint (page->column, <, sodo_pagination_get_n_columns (pagination));
      g_assert_true (rect_contains (&page->shown, page->own.x, page->own.y, page->own.width,
                                    page->own.height));
      g_assert_true (rect_contains (&canvas, page->own.x, page->own.y, page->own.width,
                                    page->own.height));
      /* On paper, inside the frame. */
      g_assert_cmpfloat (page->x, >=, frame.x - EPSILON - (options->mode == SODO_PAGINATION_NATURAL ? 16 : 0));
      g_assert_cmpfloat (page->shown.width * scale, <=, frame.width + EPSILON);
      g_assert_cmpfloat (page->shown.height * scale, <=, frame.height + EPSILON);
      own_area += page->own.width * page->own.height;
      for (guint j = 0; j < i; j++)
        g_assert_cmpfloat (overlap_area (&page->own, &sodo_pagination_get_page (pagination, j)->own),
                           <=, EPSILON);
    }
  if (options->mode != SODO_PAGINATION_SCALE)
    g_assert_cmpfloat (fabs (own_area - canvas.width * canvas.height), <=,
                       1e-6 * canvas.width * canvas.height + EPSILON);
  if (options->mode == SODO_PAGINATION_FIT_PAGES)
    {
      g_assert_cmpuint (n_pages, ==, options->columns * options->rows);
      g_assert_cmpuint (sodo_pagination_get_n_columns (pagination), ==, options->columns);
      g_assert_cmpuint (sodo_pagination_get_n_rows (pagination), ==, options->rows);
    }

  if (sodo_pagination_get_legend_rect (pagination, &legend))
    g_assert_cmpuint (sodo_layout_query_nodes (layout, legend.x + EPSILON, legend.y + EPSILON,
                                               legend.width - 2 * EPSILON,
                                               legend.height - 2 * EPSILON, NULL, 0), ==, 0);

  g_assert_cmpuint (sodo_pagination_get_n_cut_cards (pagination), ==,
                    count_cards_not_whole (pagination));
}

/* ---- The cut lines alone ---- */

static void
test_mode_strings (void)
{
  SodoPaginationMode mode;

  for (SodoPaginationMode m = SODO_PAGINATION_FIT_PAGE; m <= SODO_PAGINATION_NATURAL; m++)
    {
      g_assert_true (sodo_pagination_mode_from_string (sodo_pagination_mode_to_string (m), &mode));
      g_assert_cmpint (mode, ==, m);
    }
  /* The values of the print-mode setting. */
  g_assert_cmpstr (sodo_pagination_mode_to_string (SODO_PAGINATION_FIT_PAGE), ==, "fit-page");
  g_assert_cmpstr (sodo_pagination_mode_to_string (SODO_PAGINATION_FIT_PAGES), ==, "fit-pages");
  g_assert_cmpstr (sodo_pagination_mode_to_string (SODO_PAGINATION_SCALE), ==, "scale");
  g_assert_false (sodo_pagination_mode_from_string ("poster", &mode));
}

static void
test_cuts_without_obstacles (void)
{
  double capacity[3] = { 50, 50, 50 };
  double cuts[4], extensions[4];

  g_assert_cmpuint (sodo_pagination_place_cuts (NULL, 0, 0, 120, 3, capacity, 0, cuts,
                                                extensions), ==, 0);
  g_assert_cmpfloat_with_epsilon (cuts[0], 0, EPSILON);
  g_assert_cmpfloat_with_epsilon (cuts[1], 40, EPSILON);
  g_assert_cmpfloat_with_epsilon (cuts[2], 80, EPSILON);
  g_assert_cmpfloat_with_epsilon (cuts[3], 120, EPSILON);
}

static void
test_cuts_into_gaps (void)
{
  /* Cards 20 wide every 30: gaps [20, 30], [50, 60], … up to 300. */
  SodoSpan spans[10];
  double capacity[3] = { 120, 120, 120 };
  double cuts[4], extensions[4];

  for (guint i = 0; i < 10; i++)
    spans[i] = (SodoSpan) { 30.0 * i, 30.0 * i + 20 };
  g_assert_cmpuint (sodo_pagination_place_cuts (spans, 10, 0, 300, 3, capacity, 5, cuts,
                                                extensions), ==, 0);
  for (guint c = 1; c < 3; c++)
    {
      double in_period = fmod (cuts[c], 30);

      /* In a gap, the middle of the nearest one to the even split (100 and 200). */
      g_assert_cmpfloat (in_period, >=, 20 - EPSILON);
      g_assert_cmpfloat (fabs (cuts[c] - 100.0 * c), <=, 15);
      g_assert_cmpfloat (extensions[c], ==, 0);
    }
  for (guint c = 0; c < 3; c++)
    g_assert_cmpfloat (cuts[c + 1] - cuts[c], <=, capacity[c] + EPSILON);
}

static void
test_cuts_without_gap (void)
{
  /* One card across everything: every cut goes through it, where the split puts it. */
  SodoSpan spans[1] = { { -5, 105 } };
  double capacity[4] = { 30, 30, 30, 30 };
  double cuts[5], extensions[5];

  g_assert_cmpuint (sodo_pagination_place_cuts (spans, 1, 0, 100, 4, capacity, 5, cuts,
                                                extensions), ==, 3);
  g_assert_cmpfloat_with_epsilon (cuts[1], 25, EPSILON);
  g_assert_cmpfloat_with_epsilon (cuts[2], 50, EPSILON);
  g_assert_cmpfloat_with_epsilon (cuts[3], 75, EPSILON);
}

static void
test_cuts_tight (void)
{
  /* The sheets can hold exactly the extent: there is no room to move, so the cut stays in
   * the card at 45 .. 55. */
  SodoSpan spans[2] = { { 45, 55 }, { 90, 101 } };
  double capacity[2] = { 50, 50 };
  double cuts[3], extensions[3];

  g_assert_cmpuint (sodo_pagination_place_cuts (spans, 2, 0, 100, 2, capacity, 0, cuts,
                                                extensions), ==, 1);
  g_assert_cmpfloat_with_epsilon (cuts[1], 50, EPSILON);

  /* With an overlap, the first sheet shows 5 past the cut anyway: the card ends there, so
   * it is whole on the first sheet, which shows it to its end. */
  g_assert_cmpuint (sodo_pagination_place_cuts (spans, 2, 0, 100, 2, capacity, 5, cuts,
                                                extensions), ==, 0);
  g_assert_cmpfloat_with_epsilon (cuts[1], 50, EPSILON);
  g_assert_cmpfloat_with_epsilon (extensions[1], 5, EPSILON);

  /* With a little room, the cut reaches a gap beside the card. */
  capacity[0] = capacity[1] = 56;
  g_assert_cmpuint (sodo_pagination_place_cuts (spans, 2, 0, 100, 2, capacity, 0, cuts,
                                                extensions), ==, 0);
  g_assert_true (cuts[1] <= 45 + EPSILON || cuts[1] >= 55 - EPSILON);
  g_assert_cmpfloat (cuts[1], <=, 56 + EPSILON);
  g_assert_cmpfloat (100 - cuts[1], <=, 56 + EPSILON);
  g_assert_cmpfloat (extensions[1], ==, 0);
}

static void
test_cuts_through_cards (void)
{
  /* Three rows of cards offset from one another: no line misses them all. A cut may go
   * through cards when the sheet before it has the room to show them to their ends. */
  SodoSpan spans[30];
  double capacity[2] = { 400, 400 };
  double cuts[3], extensions[3];

  for (guint i = 0; i < 10; i++)
    {
      spans[3 * i] = (SodoSpan) { 60.0 * i, 60.0 * i + 50 };
      spans[3 * i + 1] = (SodoSpan) { 60.0 * i + 20, 60.0 * i + 70 };
      spans[3 * i + 2] = (SodoSpan) { 60.0 * i + 40, 60.0 * i + 90 };
    }
  g_assert_cmpuint (sodo_pagination_place_cuts (spans, 30, 0, 630, 2, capacity, 10, cuts,
                                                extensions), ==, 0);
  g_assert_cmpfloat (extensions[1], >, 0);
  g_assert_cmpfloat (cuts[1] + extensions[1] - cuts[0], <=, capacity[0] + 10 + EPSILON);
  /* Every card the cut goes through ends within the extension. */
  for (guint i = 0; i < 30; i++)
    if (spans[i].from < cuts[1] && spans[i].to > cuts[1])
      g_assert_cmpfloat (spans[i].to, <=, cuts[1] + extensions[1] + EPSILON);

  /* Without the room, the cut cuts. */
  capacity[0] = capacity[1] = 315;
  g_assert_cmpuint (sodo_pagination_place_cuts (spans, 30, 0, 630, 2, capacity, 0, cuts,
                                                extensions), ==, 1);
}

/* Random spans: every cut is in a gap, or goes through spans that end within its
 * extension, which its piece has room for, or is counted; the pieces never exceed their
 * capacity, and the cuts run in order. */
static void
test_cuts_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20231027);
  guint n_extended = 0;

  for (guint round = 0; round < 500; round++)
    {
      guint n_spans = g_rand_int_range (rand, 0, 40), n_sheets = g_rand_int_range (rand, 1, 7);
      g_autofree SodoSpan *spans = g_new (SodoSpan, MAX (n_spans, 1));
      g_autofree SodoSpan *copy = g_new (SodoSpan, MAX (n_spans, 1));
      g_autofree double *capacity = g_new (double, n_sheets);
      g_autofree double *cuts = g_new (double, n_sheets + 1);
      g_autofree double *extensions = g_new (double, n_sheets + 1);
      double end = g_rand_double_range (rand, 10, 1000), total = 0;
      double half = g_rand_double_range (rand, 0, 20);
      guint n_failed, n_bad = 0;

      for (guint i = 0; i < n_spans; i++)
        {
          double from = g_rand_double_range (rand, -10, end);

          spans[i] = (SodoSpan) { from, from + g_rand_double_range (rand, 1, end / 8) };
        }
      memcpy (copy, spans, n_spans * sizeof (SodoSpan));
      for (guint i = 0; i < n_sheets; i++)
        total += capacity[i] = end / n_sheets * g_rand_double_range (rand, 1.0, 1.6);
      g_assert_cmpfloat (total, >=, end);

      n_failed = sodo_pagination_place_cuts (spans, n_spans, 0, end, n_sheets, capacity, half,
                                             cuts, extensions);
      g_assert_cmpfloat (cuts[0], ==, 0);
      g_assert_cmpfloat (cuts[n_sheets], ==, end);
      for (guint i = 0; i < n_sheets; i++)
        {
          g_assert_cmpfloat (cuts[i + 1], >=, cuts[i]);
          g_assert_cmpfloat (cuts[i + 1] - cuts[i], <=, capacity[i] + EPSILON);
        }
      for (guint c = 1; c < n_sheets; c++)
        {
          gboolean bad = FALSE;

          for (guint i = 0; i < n_spans; i++)
            if (cuts[c] > copy[i].from + 1e-9 && cuts[c] < copy[i].to - 1e-9)
              bad |= copy[i].to > cuts[c] + extensions[c] + EPSILON;
          if (extensions[c] > 0)
            {
              n_extended++;
              g_assert_cmpfloat (cuts[c] - cuts[c - 1] + MAX (extensions[c], half), <=,
                                 capacity[c - 1] + half + EPSILON);
            }
          n_bad += bad;
        }
      g_assert_cmpuint (n_bad, <=, n_failed);
    }
  g_assert_cmpuint (n_extended, >, 0);
}

/* ---- Whole paginations ---- */

static void
count_one (uint32_t  index,
           void     *user_data)
{
  (*(gsize *) user_data)++;
}

static void
test_fit_page_sample (void)
{
  g_autoptr(SodoChartScene) scene = sample_scene (SODO_LAYOUT_TOP_DOWN, FALSE);
  g_autoptr(SodoPagination) pagination = NULL;
  g_autoptr(GError) error = NULL;
  SodoPaginationOptions options;
  SodoChartRect frame;
  SodoLayoutRect bounds;

  sodo_pagination_options_init (&options);
  pagination = sodo_pagination_new (scene, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sodo_pagination_get_n_pages (pagination), ==, 1);
  check_pagination (pagination, &options);

  /* The chart is as large as the frame allows: it fills it along one side (less the legend
   * and its gap when they sit beside it). */
  sodo_pagination_get_frame (pagination, &frame);
  sodo_chart_scene_get_bounds (scene, &bounds);
  g_assert_cmpfloat (bounds.width * sodo_pagination_get_scale (pagination), >, frame.width * 0.8);
  g_assert_true (sodo_pagination_get_legend_rect (pagination, NULL));
  g_assert_cmpuint (sodo_pagination_get_n_cut_cards (pagination), ==, 0);
}

static void
test_fit_pages_sample (void)
{
  struct {
    SodoLayoutOrientation orientation;
    gboolean compact;
    guint columns, rows;
  } cases[] = {
    { SODO_LAYOUT_TOP_DOWN, FALSE, 3, 2 },
    { SODO_LAYOUT_TOP_DOWN, TRUE, 3, 2 },
    { SODO_LAYOUT_LEFT_RIGHT, TRUE, 2, 2 },
    { SODO_LAYOUT_LEFT_RIGHT, FALSE, 1, 4 },
    { SODO_LAYOUT_TOP_DOWN, FALSE, 6, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SodoChartScene) scene = sample_scene (cases[i].orientation, cases[i].compact);
      g_autoptr(SodoPagination) pagination = NULL;
      g_autoptr(GError) error = NULL;
      SodoPaginationOptions options;

      sodo_pagination_options_init (&options);
      options.mode = SODO_PAGINATION_FIT_PAGES;
      options.columns = cases[i].columns;
      options.rows = cases[i].rows;
      pagination = sodo_pagination_new (scene, &options, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (sodo_pagination_get_n_pages (pagination), ==,
                        cases[i].columns * cases[i].rows);
      check_pagination (pagination, &options);
      /* The sample has gaps everywhere: no card is cut. */
      g_assert_cmpuint (sodo_pagination_get_n_cut_cards (pagination), ==, 0);
    }
}

static void
test_scale_sample (void)
{
  g_autoptr(SodoChartScene) scene = sample_scene (SODO_LAYOUT_TOP_DOWN, FALSE);
  const SodoLayoutResult *layout = sodo_chart_scene_get_layout (scene);
  g_autoptr(SodoPagination) pagination = NULL;
  g_autoptr(GError) error = NULL;
  SodoPaginationOptions options;
  SodoChartRect canvas;
  double pages_needed;

  sodo_pagination_options_init (&options);
  options.mode = SODO_PAGINATION_SCALE;
  options.scale = 1.0;
  pagination = sodo_pagination_new (scene, &options, &error);
  g_assert_no_error (error);
  check_pagination (pagination, &options);
  g_assert_cmpfloat (sodo_pagination_get_scale (pagination), ==, 1.0);
  g_assert_cmpuint (sodo_pagination_get_n_cut_cards (pagination), ==, 0);

  /* At 100 % the 9000-point-wide chart needs many sheets across; the sheets of the grid
   * that would be blank are left out, and every sheet printed shows something. */
  sodo_pagination_get_canvas (pagination, &canvas);
  pages_needed = canvas.width / options.page_width;
  g_assert_cmpuint (sodo_pagination_get_n_columns (pagination), >=, (guint) pages_needed);
  g_assert_cmpuint (sodo_pagination_get_n_pages (pagination), <=,
                    sodo_pagination_get_n_columns (pagination) * sodo_pagination_get_n_rows (pagination));
  for (guint i = 0; i < sodo_pagination_get_n_pages (pagination); i++)
    {
      const SodoPaginationPage *page = sodo_pagination_get_page (pagination, i);
      SodoChartRect legend;
      gboolean has_legend = sodo_pagination_get_legend_rect (pagination, &legend);

      gsize count = 0;

      sodo_layout_query_rect (layout, page->own.x, page->own.y, page->own.width,
                              page->own.height, count_one, count_one, &count);
      g_assert_true (count > 0 ||
                     (has_legend && legend.x < page->own.x + page->own.width &&
                      page->own.x < legend.x + legend.width &&
                      legend.y < page->own.y + page->own.height &&
                      page->own.y < legend.y + legend.height));
    }
}

static void
test_natural (void)
{
  g_autoptr(SodoChartScene) scene = sample_scene (SODO_LAYOUT_LEFT_RIGHT, TRUE);
  g_autoptr(SodoPagination) pagination = NULL;
  g_autoptr(SodoPagination) doubled = NULL;
  SodoPaginationOptions options;
  SodoChartRect canvas;
  double width, height, width2, height2;

  sodo_pagination_options_init (&options);
  options.mode = SODO_PAGINATION_NATURAL;
  options.scale = 1.0;
  pagination = sodo_pagination_new (scene, &options, NULL);
  g_assert_nonnull (pagination);
  check_pagination (pagination, &options);
  g_assert_cmpuint (sodo_pagination_get_n_pages (pagination), ==, 1);
  sodo_pagination_get_canvas (pagination, &canvas);
  sodo_pagination_get_page_size (pagination, &width, &height);
  /* The content, padded, with the title block above it. */
  g_assert_cmpfloat (width, >=, canvas.width);
  g_assert_cmpfloat (height, >, canvas.height);
  g_assert_cmpfloat (width, <, canvas.width + 200);

  options.scale = 2.0;
  options.title_block = FALSE;
  options.legend = FALSE;
  doubled = sodo_pagination_new (scene, &options, NULL);
  sodo_pagination_get_page_size (doubled, &width2, &height2);
  sodo_pagination_get_canvas (doubled, &canvas);
  g_assert_cmpfloat (fabs (width2 - (canvas.width * 2 + 32)), <, 1);
  g_assert_cmpfloat (fabs (height2 - (canvas.height * 2 + 32)), <, 1);
}

static void
test_errors (void)
{
  g_autoptr(SodoChartScene) scene = sample_scene (SODO_LAYOUT_TOP_DOWN, FALSE);
  SodoPaginationOptions options;
  SodoPagination *pagination;
  GError *error = NULL;

  /* A label-sized sheet has no room for the chart under its title. */
  sodo_pagination_options_init (&options);
  options.page_width = 60;
  options.page_height = 40;
  pagination = sodo_pagination_new (scene, &options, &error);
  g_assert_null (pagination);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_LIMIT);
  g_clear_error (&error);

  /* 5000 % of a 9000-point chart would take thousands of sheets. */
  sodo_pagination_options_init (&options);
  options.mode = SODO_PAGINATION_SCALE;
  options.scale = 50;
  pagination = sodo_pagination_new (scene, &options, &error);
  g_assert_null (pagination);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "1000"));
  g_clear_error (&error);

  sodo_pagination_options_init (&options);
  options.mode = SODO_PAGINATION_FIT_PAGES;
  options.columns = 0;
  pagination = sodo_pagination_new (scene, &options, &error);
  g_assert_null (pagination);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_VALUE);
  g_clear_error (&error);

  /* An overlap as large as half the sheet leaves nothing to tile with. */
  sodo_pagination_options_init (&options);
  options.mode = SODO_PAGINATION_FIT_PAGES;
  options.overlap = 400;
  pagination = sodo_pagination_new (scene, &options, &error);
  g_assert_null (pagination);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_LIMIT);
  g_clear_error (&error);
}

/* The property: on random charts, in every orientation and mode, on random paper, the
 * pagination keeps its invariants and no card is cut. */
static void
test_random_charts (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (146);
  guint n_paginations = 0, n_multi = 0;

  for (guint round = 0; round < 60; round++)
    {
      g_autoptr(SodoOrgchart) chart = make_random_chart (rand, g_rand_int_range (rand, 1, 260));
      g_autoptr(SodoChartScene) scene = NULL;
      SodoChartSceneOptions scene_options;

      sodo_chart_scene_options_init (&scene_options);
      scene_options.orientation = g_rand_boolean (rand) ? SODO_LAYOUT_LEFT_RIGHT
                                                        : SODO_LAYOUT_TOP_DOWN;
      scene_options.compact = g_rand_int_range (rand, 0, 3) == 0;
      scene_options.card_width = g_rand_double_range (rand, 120, 260);
      scene = sodo_chart_scene_new (chart, &scene_options);

      for (guint trial = 0; trial < 4; trial++)
        {
          g_autoptr(SodoPagination) pagination = NULL;
          g_autoptr(GError) error = NULL;
          SodoPaginationOptions options;

          sodo_pagination_options_init (&options);
          options.mode = g_rand_boolean (rand) ? SODO_PAGINATION_FIT_PAGES : SODO_PAGINATION_SCALE;
          options.columns = g_rand_int_range (rand, 1, 5);
          options.rows = g_rand_int_range (rand, 1, 5);
          options.scale = g_rand_double_range (rand, 0.2, 1.0);
          options.page_width = g_rand_double_range (rand, 350, 1100);
          options.page_height = g_rand_double_range (rand, 350, 1100);
          options.overlap = g_rand_double_range (rand, 0, 40);
          options.title_block = g_rand_boolean (rand);
          options.legend = g_rand_boolean (rand);
          options.page_labels = g_rand_boolean (rand);
          options.crop_marks = g_rand_boolean (rand);

          pagination = sodo_pagination_new (scene, &options, &error);
          if (pagination == NULL)
            {
              /* Only a scale too large for the page limit may fail here. */
              g_assert_error (error, SODO_ERROR, SODO_ERROR_LIMIT);
              continue;
            }
          check_pagination (pagination, &options);
          if (!scene_options.compact)
            g_assert_cmpuint (sodo_pagination_get_n_cut_cards (pagination), ==, 0);
          n_paginations++;
          n_multi += sodo_pagination_get_n_pages (pagination) > 1;
        }
    }
  /* The property was tried, and mostly on several sheets. */
  g_assert_cmpuint (n_paginations, >=, 200);
  g_assert_cmpuint (n_multi, >=, n_paginations / 2);
}

/* Every page draws, and draws the chart: a 6-sheet poster on images of its sheets. */
static void
test_draw_pages (void)
{
  g_autoptr(SodoOrgchart) chart = load_sample ("hanoi-2023.json");
  g_autoptr(SodoChartScene) scene = NULL;
  SodoChartSceneOptions scene_options;
  g_autoptr(SodoPagination) pagination = NULL;
  SodoPaginationOptions options;
  SodoChartRect frame;

  /* Stacks from six leaves, so that every one of the 3 × 2 sheets holds some of the chart
   * (from three, the default, the top right sheet of this chart is empty). */
  sodo_chart_scene_options_init (&scene_options);
  scene_options.orientation = SODO_LAYOUT_LEFT_RIGHT;
  scene_options.compact = TRUE;
  scene_options.compact_min_leaves = 6;
  scene = sodo_chart_scene_new (chart, &scene_options);
  sodo_pagination_options_init (&options);
  options.mode = SODO_PAGINATION_FIT_PAGES;
  options.columns = 3;
  options.rows = 2;
  pagination = sodo_pagination_new (scene, &options, NULL);
  g_assert_nonnull (pagination);
  sodo_pagination_get_frame (pagination, &frame);

  for (guint i = 0; i < sodo_pagination_get_n_pages (pagination); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                             (int) ceil (options.page_width),
                                                             (int) ceil (options.page_height));
      cairo_t *cr = cairo_create (surface);
      const guint8 *data;
      int stride;
      guint inked_header = 0, inked_frame = 0;

      sodo_pagination_draw_page (pagination, cr, i);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
        for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
          {
            guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);

            if ((pixel >> 24) == 0)
              continue;
            if (y < frame.y)
              inked_header++;
            else if (x >= frame.x && x < frame.x + frame.width && y < frame.y + frame.height)
              inked_frame++;
          }
      /* The title and label above, and some of the chart in the frame. */
      g_assert_cmpuint (inked_header, >, 200);
      g_assert_cmpuint (inked_frame, >, 500);
      cairo_surface_destroy (surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sodo_language_set ("vi");

  g_test_add_func ("/pagination/mode-strings", test_mode_strings);
  g_test_add_func ("/pagination/cuts/without-obstacles", test_cuts_without_obstacles);
  g_test_add_func ("/pagination/cuts/into-gaps", test_cuts_into_gaps);
  g_test_add_func ("/pagination/cuts/without-gap", test_cuts_without_gap);
  g_test_add_func ("/pagination/cuts/tight", test_cuts_tight);
  g_test_add_func ("/pagination/cuts/through-cards", test_cuts_through_cards);
  g_test_add_func ("/pagination/cuts/random", test_cuts_random);
  g_test_add_func ("/pagination/fit-page", test_fit_page_sample);
  g_test_add_func ("/pagination/fit-pages", test_fit_pages_sample);
  g_test_add_func ("/pagination/scale", test_scale_sample);
  g_test_add_func ("/pagination/natural", test_natural);
  g_test_add_func ("/pagination/errors", test_errors);
  g_test_add_func ("/pagination/random-charts", test_random_charts);
  g_test_add_func ("/pagination/draw-pages", test_draw_pages);

  return g_test_run ();
}
