/* sodo-chart-export.h: the chart as PDF, SVG, PNG, or its layout as JSON
 *
 * PDF: vector, one page per sheet of a pagination (fit on one page, on a grid of sheets or
 *      at a scale), fonts embedded by cairo, text selectable and searchable.
 * SVG: one page, written by Sodo itself so that every name is SVG text (cairo 1.16 would
 *      write glyph outlines): searchable, editable, and escaped as XML.
 * PNG: one page at a chosen scale, transparent or on white; refused above
 *      SODO_EXPORT_MAX_IMAGE_SIDE pixels a side or SODO_EXPORT_MAX_IMAGE_PIXELS in all.
 * .layout.json: {"width": W, "height": H, "units": [{"id", "x", "y", "width", "height"}, …]}
 *      in points, origin top left, one entry per unit shown, written as it goes (a
 *      million units never make one big string).
 *
 * No GTK: `sodo --export` runs these without a display, and the export dialog in a thread
 * with a scene of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sodo-pagination.h"

G_BEGIN_DECLS

#define SODO_EXPORT_MAX_IMAGE_SIDE   32767
#define SODO_EXPORT_MAX_IMAGE_PIXELS (250 * 1000 * 1000)

typedef enum {
  SODO_EXPORT_FORMAT_PDF,
  SODO_EXPORT_FORMAT_SVG,
  SODO_EXPORT_FORMAT_PNG,
  SODO_EXPORT_FORMAT_LAYOUT_JSON,
} SodoExportFormat;

/* The format a file name asks for, by its ending (any case): ".pdf", ".svg", ".png",
 * ".layout.json". FALSE for any other name. */
gboolean    sodo_export_format_from_filename (const char       *filename,
                                              SodoExportFormat *format);
/* ".pdf", ".svg", ".png", ".layout.json". */
const char *sodo_export_format_get_suffix    (SodoExportFormat  format);
const char *sodo_export_format_get_mime_type (SodoExportFormat  format);

/* What part of the chart is exported or printed. */
typedef enum {
  SODO_CHART_CONTENT_WHOLE,     /* every unit, nothing collapsed */
  SODO_CHART_CONTENT_AS_SHOWN,  /* as the view shows it: collapsed parts hidden */
  SODO_CHART_CONTENT_BRANCH,    /* one unit and everything under it */
} SodoChartContent;

/* A new scene for exporting or printing @chart, laid out with @options (nullable: those of
 * @shown, else the defaults): for AS_SHOWN with the units collapsed that are collapsed in
 * @shown (the view's scene); for BRANCH, the unit @branch_unit and all below it, laid out on
 * their own. The view's scene is never changed, and the new one can go to another thread.
 * Fails (SODO_ERROR_REFERENCE) when @branch_unit is not a unit of @chart. */
SodoChartScene *sodo_chart_export_make_scene (SodoOrgchart                *chart,
                                              const SodoChartSceneOptions *options,
                                              SodoChartScene              *shown,
                                              SodoChartContent             content,
                                              guint                        branch_unit,
                                              GError                     **error);

typedef struct {
  SodoExportFormat      format;
  /* PDF: the paper, in points, orientation applied, and the margin on every side. The
   * pagination's page size is worked out from them. */
  double                paper_width;
  double                paper_height;
  double                margin;
  /* PDF: the mode and its options; every format: title_block, legend, show_relations,
   * subtitle, print_date. */
  SodoPaginationOptions pagination;
  /* PNG and SVG: the size of the picture relative to the chart at 100 % (PNG: pixels per
   * point, so 1 is 72 dpi; 2 is 144 dpi). */
  double                image_scale;
  /* PNG: a transparent background instead of white. SVG: no white rectangle behind. */
  gboolean              transparent;
} SodoChartExportOptions;

/* Defaults for @format: A4 portrait, 10 mm margins, fit on one page, image scale 1, white. */
void     sodo_chart_export_options_init   (SodoChartExportOptions       *options,
                                           SodoExportFormat              format);
/* The paper sizes `--paper` knows: "a4", "a3", "a5", "letter", "legal" (any case), in
 * points, portrait. */
gboolean sodo_export_paper_size           (const char                   *name,
                                           double                       *width,
                                           double                       *height);

/* The pagination a PDF export of @scene with @options makes (for the page count). */
SodoPagination *sodo_chart_export_paginate (SodoChartScene               *scene,
                                            const SodoChartExportOptions *options,
                                            GError                      **error);
/* The size in pixels of the PNG @options make of @scene; FALSE with SODO_ERROR_LIMIT when
 * it is above the limits. */
gboolean sodo_chart_export_get_image_size (SodoChartScene               *scene,
                                           const SodoChartExportOptions *options,
                                           int                          *width,
                                           int                          *height,
                                           GError                      **error);

/* Writes the export to @stream (not closed). Errors: SODO_ERROR_LIMIT (image too large,
 * too many sheets, paper too small), G_IO_ERROR from the stream, G_IO_ERROR_CANCELLED. */
gboolean sodo_chart_export_to_stream      (SodoChartScene               *scene,
                                           const SodoChartExportOptions *options,
                                           GOutputStream                *stream,
                                           GCancellable                 *cancellable,
                                           GError                      **error);
/* Writes @file through a temporary file: on any error the file is left as it was. */
gboolean sodo_chart_export_to_file        (SodoChartScene               *scene,
                                           const SodoChartExportOptions *options,
                                           GFile                        *file,
                                           GCancellable                 *cancellable,
                                           GError                      **error);

G_END_DECLS
