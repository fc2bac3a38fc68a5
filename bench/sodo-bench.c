/* sodo-bench.c: times each stage from an org chart file to its first frame and its PDF
 *
 *   sodo-bench [--runs N] [--warm-up N] [--json-glib-runs N] [--no-pdf] FILE
 *
 * Each run does what opening the file in Sodo does, stage by stage, on a fresh copy of
 * everything: read the file, parse and build the model (the loader streams the units through
 * json-glib and checks them as it goes, so those two are one stage), measure the cards, lay
 * out, draw the first frame of a 1920×1080 window fitted to the chart and one at 100 %, then
 * export PDF on one A4 page and tiled over 4 × 4 A4 sheets. The figures are the medians of
 * the runs, printed as one JSON object on stdout. One run comes first and is not counted: on a
 * virtual machine the first touch of memory the host has taken back costs several times
 * what the work does (a first layout of 1,000,000 units took 140 to 240 ms, the next ones
 * 60), which no desktop pays.
 *
 * Peak memory (ru_maxrss) is read after the runs, before the separate json-glib measurement:
 * a whole-document JsonParser tree is what the loader avoids building, so its memory must
 * not count, but its time is what a json-glib based loader would start from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "layout/sodo-layout.h"
#include "model/sodo-language.h"
#include "model/sodo-orgchart.h"
#include "render/sodo-chart-export.h"
#include "render/sodo-chart-renderer.h"
#include "render/sodo-chart-scene.h"

#define WINDOW_WIDTH      1920
#define WINDOW_HEIGHT     1080
/* As the chart view fits: a margin around the chart, never above 100 %. */
#define FIT_MARGIN        24.0
#define WARM_FRAMES       5
#define TILE_COLUMNS      4
#define TILE_ROWS         4

typedef enum {
  STAGE_READ,
  STAGE_LOAD,
  STAGE_MEASURE,
  STAGE_LAYOUT,
  STAGE_LAYOUT_ONLY,
  STAGE_FRAME_FIT,
  STAGE_FRAME_FIT_WARM,
  STAGE_FRAME_100,
  STAGE_FRAME_100_WARM,
  STAGE_FILE_TO_FRAME,
  STAGE_PDF_FIT,
  STAGE_PDF_TILED,
  STAGE_JSON_GLIB_PARSE,
  N_STAGES
} Stage;

static const char *const stage_keys[N_STAGES] = {
  "read", "load", "measure", "layout", "layout_only", "frame_fit", "frame_fit_warm",
  "frame_100", "frame_100_warm", "file_to_frame", "pdf_fit", "pdf_tiled", "json_glib_parse",
};

typedef struct {
  GArray  *times[N_STAGES];   /* double ms, one per run */
  GArray  *cpu[N_STAGES];     /* double ms of the process's CPU time, one per run */
  guint    n_units;
  double   fit_zoom;
  guint    frame_fit_cards;
  guint    frame_100_cards;
  guint    pdf_tiled_pages;
  gint64   pdf_fit_bytes;
  gint64   pdf_tiled_bytes;
  char    *pdf_error;
} Results;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of the whole process: on a shared machine the wall time also counts the time
 * other programs had the processor, which this does not. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
record_cpu (Results *results,
            Stage    stage,
            double   ms)
{
  g_array_append_val (results->cpu[stage], ms);
}

static void
record (Results *results,
        Stage    stage,
        double   ms)
{
  g_array_append_val (results->times[stage], ms);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  double *values = (double *) (void *) times->data;

  g_array_sort (times, compare_doubles);
  if (times->len % 2 == 1)
    return values[times->len / 2];
  return (values[times->len / 2 - 1] + values[times->len / 2]) / 2;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("sodo-bench: %s", error->message);
  return g_bytes_new_take (contents, length);
}

static SodoOrgchart *
load_chart (GBytes     *bytes,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  SodoOrgchart *chart = sodo_orgchart_load_bytes (bytes, path, NULL, &error);

  if (chart == NULL)
    g_error ("sodo-bench: %s does not load: %s", path, error->message);
  return chart;
}

/* The layout alone, on the tree and the card sizes the scene laid out: what d3's tree()
 * is compared with. */
static void
time_layout_only (Results                *results,
                  SodoOrgchart           *chart,
                  const SodoLayoutResult *shown)
{
  guint n = sodo_orgchart_get_n_units (chart);
  const SodoUnit *units = sodo_orgchart_get_units (chart);
  g_autofree uint32_t *first_child = g_new (uint32_t, n);
  g_autofree uint32_t *next_sibling = g_new (uint32_t, n);
  g_autofree float *width = g_new (float, n);
  g_autofree float *height = g_new (float, n);
  SodoLayoutTree tree = { 0, };
  SodoLayoutResult *result;
  SodoLayoutStatus status;
  double start, cpu;

  for (guint i = 0; i < n; i++)
    {
      first_child[i] = units[i].first_child;
      next_sibling[i] = units[i].next_sibling;
      width[i] = shown->rects[i].width;
      height[i] = shown->rects[i].height;
    }
  tree.n_nodes = n;
  tree.root = sodo_orgchart_get_root (chart);
  tree.first_child = first_child;
  tree.next_sibling = next_sibling;
  tree.width = width;
  tree.height = height;

  start = now_ms ();
  cpu = cpu_ms ();
  result = sodo_layout_compute (&tree, NULL, &status);
  record (results, STAGE_LAYOUT_ONLY, now_ms () - start);
  record_cpu (results, STAGE_LAYOUT_ONLY, cpu_ms () - cpu);
  if (result == NULL)
    g_error ("sodo-bench: layout failed: %s", sodo_layout_status_to_string (status));
  sodo_layout_result_free (result);
}

static double
fit_zoom (SodoChartScene *scene)
{
  SodoLayoutRect bounds;

  sodo_chart_scene_get_bounds (scene, &bounds);
  return MIN (1.0, MIN ((WINDOW_WIDTH - 2 * FIT_MARGIN) / bounds.width,
                        (WINDOW_HEIGHT - 2 * FIT_MARGIN) / bounds.height));
}

/* One frame of the window, drawn as the chart view draws it: the visible area around
 * (@center_x, @center_y) at @zoom. Records the time from the start of the frame until its
 * pixels are in the surface. */
static void
draw_frame (Results         *results,
            Stage            stage,
            SodoChartScene  *scene,
            cairo_surface_t *surface,
            double           zoom,
            double           center_x,
            double           center_y,
            guint           *n_cards)
{
  SodoRenderParams params;
  SodoRenderStats stats;
  cairo_t *cr;
  double start = now_ms (), cpu = cpu_ms ();

  sodo_render_params_init (&params);
  params.scale = zoom;
  params.area.width = WINDOW_WIDTH / zoom;
  params.area.height = WINDOW_HEIGHT / zoom;
  params.area.x = center_x - params.area.width / 2;
  params.area.y = center_y - params.area.height / 2;
  params.stats = &stats;

  cr = cairo_create (surface);
  sodo_chart_render (scene, cr, &params);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  record (results, stage, now_ms () - start);
  record_cpu (results, stage, cpu_ms () - cpu);
  if (n_cards != NULL)
    *n_cards = stats.n_cards;
}

/* Where a 100 % frame is busiest: around a unit in the middle of the file (written depth
 * first, that is one deep in the tree, among many cards). */
static void
dense_center (SodoChartScene *scene,
              double         *x,
              double         *y)
{
  guint n = sodo_orgchart_get_n_units (sodo_chart_scene_get_orgchart (scene));
  SodoLayoutRect rect;

  if (!sodo_chart_scene_get_unit_rect (scene, n / 2, &rect))
    g_error ("sodo-bench: unit %u is not shown", n / 2);
  *x = rect.x + rect.width / 2;
  *y = rect.y + rect.height / 2;
}

/* Writes the PDF to a temporary file, as a user's export writes a file, and returns its
 * size, or -1 with @error set. */
static gint64
export_pdf (SodoChartScene  *scene,
            gboolean         tiled,
            guint           *n_pages,
            GError         **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileIOStream) io = NULL;
  SodoChartExportOptions options;
  GOutputStream *stream;
  gint64 size = -1;

  sodo_chart_export_options_init (&options, SODO_EXPORT_FORMAT_PDF);
  options.pagination.print_date = "2024-01-01";
  if (tiled)
    {
      options.pagination.mode = SODO_PAGINATION_FIT_PAGES;
      options.pagination.columns = TILE_COLUMNS;
      options.pagination.rows = TILE_ROWS;
    }
  else
    options.pagination.mode = SODO_PAGINATION_FIT_PAGE;

  if (n_pages != NULL)
    {
      g_autoptr(SodoPagination) pagination = sodo_chart_export_paginate (scene, &options, error);

      if (pagination == NULL)
        return -1;
      *n_pages = sodo_pagination_get_n_pages (pagination);
      return 0;
    }

  file = g_file_new_tmp ("sodo-bench-XXXXXX.pdf", &io, error);
  if (file == NULL)
    return -1;
  stream = g_io_stream_get_output_stream (G_IO_STREAM (io));
  if (sodo_chart_export_to_stream (scene, &options, stream, NULL, error) &&
      g_output_stream_flush (stream, NULL, error))
    size = g_seekable_tell (G_SEEKABLE (io));
  if (!g_io_stream_close (G_IO_STREAM (io), NULL, size < 0 ? NULL : error))
    size = -1;
  g_file_delete (file, NULL, NULL);
  return size;
}

static void
time_pdf (Results        *results,
          SodoChartScene *scene)
{
  g_autoptr(GError) error = NULL;
  double start, cpu;
  gint64 size;

  if (results->pdf_error != NULL)
    return;

  start = now_ms ();
  cpu = cpu_ms ();
  size = export_pdf (scene, FALSE, NULL, &error);
  if (size < 0)
    {
      results->pdf_error = g_strdup (error->message);
      return;
    }
  record (results, STAGE_PDF_FIT, now_ms () - start);
  record_cpu (results, STAGE_PDF_FIT, cpu_ms () - cpu);
  results->pdf_fit_bytes = size;

  start = now_ms ();
  cpu = cpu_ms ();
  size = export_pdf (scene, TRUE, NULL, &error);
  if (size < 0)
    {
      results->pdf_error = g_strdup (error->message);
      return;
    }
  record (results, STAGE_PDF_TILED, now_ms () - start);
  record_cpu (results, STAGE_PDF_TILED, cpu_ms () - cpu);
  results->pdf_tiled_bytes = size;
  if (results->pdf_tiled_pages == 0)
    {
      g_clear_error (&error);
      export_pdf (scene, TRUE, &results->pdf_tiled_pages, &error);
    }
}

static void
run_once (Results    *results,
          const char *path,
          gboolean    with_pdf)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SodoOrgchart) chart = NULL;
  g_autoptr(SodoChartScene) scene = NULL;
  cairo_surface_t *surface;
  double open_start, start, open_cpu, cpu, zoom, x, y;
  SodoLayoutRect bounds;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WINDOW_WIDTH, WINDOW_HEIGHT);

  open_start = start = now_ms ();
  open_cpu = cpu = cpu_ms ();
  bytes = read_file (path);
  record (results, STAGE_READ, now_ms () - start);
  record_cpu (results, STAGE_READ, cpu_ms () - cpu);

  start = now_ms ();
  cpu = cpu_ms ();
  chart = load_chart (bytes, path);
  record (results, STAGE_LOAD, now_ms () - start);
  record_cpu (results, STAGE_LOAD, cpu_ms () - cpu);
  g_clear_pointer (&bytes, g_bytes_unref);

  start = now_ms ();
  cpu = cpu_ms ();
  scene = sodo_chart_scene_new (chart, NULL);
  record (results, STAGE_MEASURE, now_ms () - start);
  record_cpu (results, STAGE_MEASURE, cpu_ms () - cpu);

  start = now_ms ();
  cpu = cpu_ms ();
  if (sodo_chart_scene_get_layout (scene) == NULL)
    g_error ("sodo-bench: layout failed");
  record (results, STAGE_LAYOUT, now_ms () - start);
  record_cpu (results, STAGE_LAYOUT, cpu_ms () - cpu);

  zoom = fit_zoom (scene);
  sodo_chart_scene_get_bounds (scene, &bounds);
  draw_frame (results, STAGE_FRAME_FIT, scene, surface, zoom, bounds.width / 2,
              bounds.height / 2, &results->frame_fit_cards);
  record (results, STAGE_FILE_TO_FRAME, now_ms () - open_start);
  record_cpu (results, STAGE_FILE_TO_FRAME, cpu_ms () - open_cpu);
  results->fit_zoom = zoom;
  results->n_units = sodo_orgchart_get_n_units (chart);

  for (guint i = 0; i < WARM_FRAMES; i++)
    draw_frame (results, STAGE_FRAME_FIT_WARM, scene, surface, zoom, bounds.width / 2,
                bounds.height / 2, NULL);

  dense_center (scene, &x, &y);
  draw_frame (results, STAGE_FRAME_100, scene, surface, 1.0, x, y, &results->frame_100_cards);
  for (guint i = 0; i < WARM_FRAMES; i++)
    draw_frame (results, STAGE_FRAME_100_WARM, scene, surface, 1.0, x, y, NULL);

  time_layout_only (results, chart, sodo_chart_scene_get_layout (scene));

  if (with_pdf)
    time_pdf (results, scene);

  cairo_surface_destroy (surface);
}

static void
time_json_glib (Results    *results,
                const char *path)
{
  g_autoptr(GBytes) bytes = read_file (path);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  double start = now_ms (), cpu = cpu_ms ();

  if (!json_parser_load_from_data (parser, data, (gssize) length, &error))
    g_error ("sodo-bench: json-glib: %s", error->message);
  record (results, STAGE_JSON_GLIB_PARSE, now_ms () - start);
  record_cpu (results, STAGE_JSON_GLIB_PARSE, cpu_ms () - cpu);
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;   /* kilobytes on Linux */
}

static void
print_results (Results    *results,
               const char *path,
               guint       runs,
               double      peak_mb)
{
  g_autoptr(GString) out = g_string_new ("{");
  g_autofree char *basename = g_path_get_basename (path);

  g_string_append_printf (out, "\"file\": \"%s\", \"units\": %u, \"runs\": %u, "
                          "\"peak_rss_mb\": %.1f, \"fit_zoom\": %.5f, \"frame_fit_cards\": %u, "
                          "\"frame_100_cards\": %u, \"pdf_tiled_pages\": %u, "
                          "\"pdf_fit_bytes\": %" G_GINT64_FORMAT ", "
                          "\"pdf_tiled_bytes\": %" G_GINT64_FORMAT,
                          basename, results->n_units, runs, peak_mb, results->fit_zoom,
                          results->frame_fit_cards, results->frame_100_cards,
                          results->pdf_tiled_pages, results->pdf_fit_bytes,
                          results->pdf_tiled_bytes);
  if (results->pdf_error != NULL)
    {
      g_autofree char *escaped = g_strescape (results->pdf_error, NULL);

      g_string_append_printf (out, ", \"pdf_error\": \"%s\"", escaped);
    }
  for (guint s = 0; s < N_STAGES; s++)
    {
      GArray *times = results->times[s];

      if (times->len == 0)
        continue;
      double middle = median (times);   /* sorts */

      g_string_append_printf (out, ", \"%s\": {\"median\": %.3f, \"min\": %.3f, \"max\": %.3f, "
                              "\"n\": %u", stage_keys[s], middle,
                              g_array_index (times, double, 0),
                              g_array_index (times, double, times->len - 1), times->len);
      if (results->cpu[s]->len > 0)
        g_string_append_printf (out, ", \"cpu_median\": %.3f", median (results->cpu[s]));
      g_string_append_c (out, '}');
    }
  g_string_append (out, "}\n");
  fputs (out->str, stdout);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gint runs = 5, warm_up = 1, json_glib_runs = 1;
  gboolean no_pdf = FALSE;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Runs of each stage (median reported)", "N" },
    { "warm-up", 0, 0, G_OPTION_ARG_INT, &warm_up, "Runs before those, not counted", "N" },
    { "json-glib-runs", 0, 0, G_OPTION_ARG_INT, &json_glib_runs,
      "Runs of the whole-tree json-glib parse (0 to skip)", "N" },
    { "no-pdf", 0, 0, G_OPTION_ARG_NONE, &no_pdf, "Skip the PDF export", NULL },
    { NULL },
  };
  Results results = { 0, }, discarded = { 0, };
  double peak_mb;

  context = g_option_context_new ("FILE");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1 || warm_up < 0)
    {
      g_printerr ("sodo-bench: %s\n", error != NULL ? error->message : "one FILE expected");
      return 2;
    }

  /* Names as a Vietnamese user sees them (the longer of the two languages). */
  sodo_language_set ("vi");
  for (guint s = 0; s < N_STAGES; s++)
    {
      results.times[s] = g_array_new (FALSE, FALSE, sizeof (double));
      results.cpu[s] = g_array_new (FALSE, FALSE, sizeof (double));
      discarded.times[s] = g_array_new (FALSE, FALSE, sizeof (double));
      discarded.cpu[s] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  for (gint i = 0; i < warm_up; i++)
    run_once (&discarded, argv[1], !no_pdf);
  for (gint i = 0; i < runs; i++)
    run_once (&results, argv[1], !no_pdf);
  peak_mb = peak_rss_mb ();

  for (gint i = 0; i < json_glib_runs; i++)
    time_json_glib (&results, argv[1]);

  print_results (&results, argv[1], (guint) runs, peak_mb);

  for (guint s = 0; s < N_STAGES; s++)
    {
      g_array_unref (results.times[s]);
      g_array_unref (results.cpu[s]);
      g_array_unref (discarded.times[s]);
      g_array_unref (discarded.cpu[s]);
    }
  g_free (results.pdf_error);
  g_free (discarded.pdf_error);
  return 0;
}
