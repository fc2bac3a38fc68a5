/* sodo-chart-export-private.h: what the export files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "sodo-chart-export.h"

G_BEGIN_DECLS

/* Writes something to @stream; the stream is not closed. */
typedef gboolean (*SodoExportWriteFunc) (GOutputStream  *stream,
                                         gpointer        user_data,
                                         GCancellable   *cancellable,
                                         GError        **error);

/* Replaces @file with what @func writes, or leaves it as it was (or absent) on error. */
gboolean       _sodo_export_write_file   (GFile               *file,
                                          SodoExportWriteFunc  func,
                                          gpointer             user_data,
                                          GCancellable        *cancellable,
                                          GError             **error);

/* A cairo_write_func_t writing to a GOutputStream; the first error is kept. */
typedef struct {
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} SodoCairoStream;

cairo_status_t _sodo_export_cairo_write  (void                *closure,
                                          const unsigned char *data,
                                          unsigned int         length);
/* After cairo_surface_finish(): the stream's error, else cairo's, as a GError. */
gboolean       _sodo_export_cairo_finish (SodoCairoStream     *closure,
                                          cairo_surface_t     *surface,
                                          GError             **error);

/* Appends @str as a JSON string, quotes included. */
void           _sodo_export_json_string  (GString             *out,
                                          const char          *str);
/* Appends @value in the shortest form that reads back as the same float. */
void           _sodo_export_json_number  (GString             *out,
                                          double               value);

/* sodo-chart-export-svg.c: the page of @pagination (NATURAL) as SVG. */
gboolean       _sodo_chart_export_svg    (SodoPagination      *pagination,
                                          double               image_scale,
                                          gboolean             transparent,
                                          GOutputStream       *stream,
                                          GCancellable        *cancellable,
                                          GError             **error);

G_END_DECLS
