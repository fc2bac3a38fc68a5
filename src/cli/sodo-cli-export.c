/* sodo-cli-export.c: `sodo --export OUT [options] FILE`
 *
 * The format comes from OUT's name. An org chart is exported whole and expanded (or one
 * branch of it); a PDF is fitted on one sheet unless a grid or a scale is asked for, and the
 * sheets are turned to the orientation that prints the chart larger unless one is asked
 * for. A regulation is exported as a paginated PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cli/sodo-cli.h"
#include "model/sodo-document.h"
#include "render/sodo-chart-export.h"
#include "render/sodo-regulation-print.h"

#define EXIT_INVALID 1
#define EXIT_USAGE   2

typedef enum { ORIENTATION_AUTO, ORIENTATION_PORTRAIT, ORIENTATION_LANDSCAPE } Orientation;

typedef struct {
  SodoExportFormat   format;
  double             paper_width;    /* portrait */
  double             paper_height;
  Orientation        orientation;
  SodoPaginationMode mode;
  guint              columns;
  guint              rows;
  double             scale;          /* 1 = 100 % */
  SodoChartSceneOptions scene;
} Request;

static int
usage_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  /* translators: %s is the program's name, "sodo" */
  g_printerr (_("Run “%s --help” to see the options."), g_get_prgname ());
  g_printerr ("\n");
  return EXIT_USAGE;
}

/* "3x2" (also "3X2", "3×2") to columns and rows. */
static gboolean
parse_grid (const char *text,
            guint      *columns,
            guint      *rows)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_auto(GStrv) pieces = g_strsplit (lower, "×", -1);
  g_autofree char *plain = g_strjoinv ("x", pieces);
  g_auto(GStrv) parts = g_strsplit (plain, "x", -1);
  guint64 values[2];

  if (g_strv_length (parts) != 2)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    if (!g_ascii_string_to_unsigned (parts[i], 10, 1, SODO_PAGINATION_MAX_SHEETS_ACROSS,
                                     &values[i], NULL))
      return FALSE;
  *columns = (guint) values[0];
  *rows = (guint) values[1];
  return TRUE;
}

static gboolean
parse_percent (const char *text,
               double     *scale)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;

  if (g_str_has_suffix (trimmed, "%"))
    trimmed[strlen (trimmed) - 1] = '\0';
  errno = 0;
  value = g_ascii_strtod (trimmed, &end);
  if (errno != 0 || end == trimmed || *end != '\0' || !(value > 0 && value <= 10000))
    return FALSE;
  *scale = value / 100;
  return TRUE;
}

/* Checks the options against each other; an exit status (2) and a message when they do not
 * make sense. */
static int
parse_request (const SodoCliExportOptions *options,
               Request                    *request)
{
  g_autofree char *message = NULL;

  memset (request, 0, sizeof *request);
  if (!sodo_export_format_from_filename (options->output, &request->format))
    {
      message = g_strdup_printf (_("Cannot tell the format of “%s”: the name must end in .pdf, "
                                   ".svg, .png or .layout.json"), options->output);
      return usage_error (message);
    }
  if (options->fit_pages != NULL && options->scale != NULL)
    return usage_error (_("--fit-pages and --scale cannot be used together"));

  if (!sodo_export_paper_size (options->paper != NULL ? options->paper : "a4",
                               &request->paper_width, &request->paper_height))
    {
      message = g_strdup_printf (_("Unknown paper “%s”: use a4, a3, a5, letter or legal"),
                                 options->paper);
      return usage_error (message);
    }
  if (options->orientation == NULL)
    request->orientation = ORIENTATION_AUTO;
  else if (g_ascii_strcasecmp (options->orientation, "portrait") == 0)
    request->orientation = ORIENTATION_PORTRAIT;
  else if (g_ascii_strcasecmp (options->orientation, "landscape") == 0)
    request->orientation = ORIENTATION_LANDSCAPE;
  else
    {
      message = g_strdup_printf (_("Unknown orientation “%s”: use portrait or landscape"),
                                 options->orientation);
      return usage_error (message);
    }

  sodo_chart_scene_options_init (&request->scene);
  request->scene.compact = options->compact;
  if (options->layout == NULL || g_ascii_strcasecmp (options->layout, "top-down") == 0)
    request->scene.orientation = SODO_LAYOUT_TOP_DOWN;
  else if (g_ascii_strcasecmp (options->layout, "left-right") == 0)
    request->scene.orientation = SODO_LAYOUT_LEFT_RIGHT;
  else
    {
      message = g_strdup_printf (_("Unknown layout “%s”: use top-down or left-right"),
                                 options->layout);
      return usage_error (message);
    }

  request->mode = SODO_PAGINATION_FIT_PAGE;
  request->scale = 1.0;
  if (options->fit_pages != NULL)
    {
      request->mode = SODO_PAGINATION_FIT_PAGES;
      if (!parse_grid (options->fit_pages, &request->columns, &request->rows))
        {
          message = g_strdup_printf (_("“%s” is not a grid of sheets: write columns × rows as "
                                       "3x2, each from 1 to %d"),
                                     options->fit_pages, SODO_PAGINATION_MAX_SHEETS_ACROSS);
          return usage_error (message);
        }
    }
  if (options->scale != NULL)
    {
      request->mode = SODO_PAGINATION_SCALE;
      if (!parse_percent (options->scale, &request->scale))
        {
          message = g_strdup_printf (_("“%s” is not a scale: give a percentage above 0 and up "
                                       "to 10000"), options->scale);
          return usage_error (message);
        }
    }
  if (options->scale == NULL && options->fit_pages == NULL)
    return 0;
  if (request->format == SODO_EXPORT_FORMAT_LAYOUT_JSON ||
      (request->format != SODO_EXPORT_FORMAT_PDF && options->fit_pages != NULL))
    return usage_error (_("--fit-pages is only for PDF, and --scale for PDF, SVG and PNG"));
  return 0;
}

/* Prints what the loader found, as --validate does. */
static void
print_diagnostics (SodoDiagnostics *diags)
{
  sodo_diagnostics_sort (diags);
  for (guint i = 0; i < sodo_diagnostics_get_n_items (diags); i++)
    {
      g_autofree char *line = sodo_diagnostic_format (sodo_diagnostics_get_item (diags, i));

      g_printerr ("%s\n", line);
    }
}

static void
print_error (const char *name,
             GError     *error)
{
  /* "error:" is not translated, like a compiler's, so that tools can read it. */
  g_printerr ("%s: error: %s\n", name, error->message);
}

static void
set_paper (SodoChartExportOptions *export,
           const Request          *request,
           gboolean                landscape)
{
  export->paper_width = landscape ? request->paper_height : request->paper_width;
  export->paper_height = landscape ? request->paper_width : request->paper_height;
}

/* Of the two orientations, the one that prints the chart larger (fitting) or on fewer
 * sheets (at a scale). */
static gboolean
landscape_is_better (SodoChartScene         *scene,
                     SodoChartExportOptions *export,
                     const Request          *request)
{
  g_autoptr(SodoPagination) portrait = NULL;
  g_autoptr(SodoPagination) landscape = NULL;

  set_paper (export, request, FALSE);
  portrait = sodo_chart_export_paginate (scene, export, NULL);
  set_paper (export, request, TRUE);
  landscape = sodo_chart_export_paginate (scene, export, NULL);
  if (landscape == NULL || portrait == NULL)
    return landscape != NULL;
  if (request->mode == SODO_PAGINATION_SCALE)
    return sodo_pagination_get_n_pages (landscape) < sodo_pagination_get_n_pages (portrait);
  return sodo_pagination_get_scale (landscape) > sodo_pagination_get_scale (portrait);
}

static int
export_chart (SodoOrgchart               *chart,
              const SodoCliExportOptions *options,
              const Request              *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoChartScene) scene = NULL;
  g_autoptr(GFile) output = g_file_new_for_commandline_arg (options->output);
  SodoChartContent content = SODO_CHART_CONTENT_WHOLE;
  guint branch = SODO_NO_INDEX;
  const char *subtitle = NULL;
  SodoChartExportOptions export;

  if (options->branch != NULL)
    {
      branch = sodo_orgchart_find_unit (chart, options->branch);
      if (branch == SODO_NO_INDEX)
        {
          g_printerr (_("%s: error: no unit has the id “%s”\n"), options->input,
                      options->branch);
          return EXIT_INVALID;
        }
      content = SODO_CHART_CONTENT_BRANCH;
      subtitle = sodo_orgchart_text (chart, sodo_orgchart_get_unit (chart, branch)->name);
    }
  scene = sodo_chart_export_make_scene (chart, &request->scene, NULL, content, branch, &error);
  if (scene == NULL)
    {
      print_error (options->input, error);
      return EXIT_INVALID;
    }

  sodo_chart_export_options_init (&export, request->format);
  export.pagination.mode = request->mode;
  export.pagination.columns = request->columns;
  export.pagination.rows = request->rows;
  export.pagination.subtitle = subtitle;
  if (request->format == SODO_EXPORT_FORMAT_PDF)
    export.pagination.scale = request->scale;
  else
    export.image_scale = request->scale;
  if (request->format == SODO_EXPORT_FORMAT_PDF)
    set_paper (&export, request,
               request->orientation == ORIENTATION_LANDSCAPE ||
               (request->orientation == ORIENTATION_AUTO &&
                landscape_is_better (scene, &export, request)));

  if (!sodo_chart_export_to_file (scene, &export, output, NULL, &error))
    {
      print_error (options->output, error);
      return EXIT_INVALID;
    }
  return EXIT_SUCCESS;
}

static int
export_regulation (SodoRegulation             *regulation,
                   const SodoCliExportOptions *options,
                   const Request              *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoPrintDocument) document = NULL;
  g_autoptr(GFile) output = g_file_new_for_commandline_arg (options->output);
  gboolean landscape = request->orientation == ORIENTATION_LANDSCAPE;

  if (request->format != SODO_EXPORT_FORMAT_PDF)
    return usage_error (_("A regulation is exported as PDF: name the output file .pdf"));
  if (options->branch != NULL || options->fit_pages != NULL || options->scale != NULL ||
      options->layout != NULL || options->compact)
    return usage_error (_("--branch, --fit-pages, --scale, --layout and --compact are for "
                          "org charts, not regulations"));

  document = sodo_regulation_print_new (regulation);
  if (!sodo_print_document_write_pdf (document,
                                      landscape ? request->paper_height : request->paper_width,
                                      landscape ? request->paper_width : request->paper_height,
                                      20 * SODO_POINTS_PER_MM, output, NULL, &error))
    {
      print_error (options->output, error);
      return EXIT_INVALID;
    }
  return EXIT_SUCCESS;
}

int
sodo_cli_export (const SodoCliExportOptions *options)
{
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GObject) document = NULL;
  SodoDocumentKind kind = SODO_DOCUMENT_UNKNOWN;
  Request request;
  int status;

  g_return_val_if_fail (options != NULL, EXIT_USAGE);
  g_return_val_if_fail (options->output != NULL, EXIT_USAGE);

  if (options->input == NULL)
    return usage_error (_("--export needs the file to export"));
  status = parse_request (options, &request);
  if (status != 0)
    return status;

  diags = sodo_diagnostics_new (options->input);
  input = g_file_new_for_commandline_arg (options->input);
  document = sodo_document_load_file (input, &kind, diags, NULL, NULL);
  if (document == NULL || sodo_diagnostics_has_errors (diags))
    {
      print_diagnostics (diags);
      return EXIT_INVALID;
    }

  switch (kind)
    {
    case SODO_DOCUMENT_ORGCHART:
      return export_chart (SODO_ORGCHART (document), options, &request);
    case SODO_DOCUMENT_REGULATION:
      return export_regulation (SODO_REGULATION (document), options, &request);
    case SODO_DOCUMENT_COMMENTS:
    case SODO_DOCUMENT_UNKNOWN:
    default:
      g_printerr (_("%s: error: only org charts and regulations can be exported\n"),
                  options->input);
      return EXIT_INVALID;
    }
}
