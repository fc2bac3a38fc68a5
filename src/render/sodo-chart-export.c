/* sodo-chart-export.c: PDF, PNG and layout JSON, and the file handling of every export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "model/sodo-error.h"

#include "sodo-chart-export-private.h"
#include "sodo-pagination-private.h"

/* Output is written in pieces of this size. */
#define BUFFER_SIZE (64 * 1024)

static const struct {
  SodoExportFormat  format;
  const char       *suffix;
  const char       *mime_type;
} formats[] = {
  /* ".layout.json" before any plain ".json" could match. */
  { SODO_EXPORT_FORMAT_LAYOUT_JSON, ".layout.json", "application/json" },
  { SODO_EXPORT_FORMAT_PDF, ".pdf", "application/pdf" },
  { SODO_EXPORT_FORMAT_SVG, ".svg", "image/svg+xml" },
  { SODO_EXPORT_FORMAT_PNG, ".png", "image/png" },
};

gboolean
sodo_export_format_from_filename (const char       *filename,
                                  SodoExportFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);

  lower = g_ascii_strdown (filename, -1);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].suffix) &&
        strlen (lower) > strlen (formats[i].suffix))
      {
        if (format != NULL)
          *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

const char *
sodo_export_format_get_suffix (SodoExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].suffix;
  g_return_val_if_reached (NULL);
}

const char *
sodo_export_format_get_mime_type (SodoExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].mime_type;
  g_return_val_if_reached (NULL);
}

static const struct {
  const char *name;
  double      width_mm;
  double      height_mm;
} papers[] = {
  { "a4", 210, 297 },
  { "a3", 297, 420 },
  { "a5", 148, 210 },
  /* US sizes are whole inches and halves: 8.5 × 11 and 8.5 × 14. */
  { "letter", 215.9, 279.4 },
  { "legal", 215.9, 355.6 },
};

gboolean
sodo_export_paper_size (const char *name,
                        double     *width,
                        double     *height)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (name, papers[i].name) == 0)
      {
        *width = papers[i].width_mm * SODO_POINTS_PER_MM;
        *height = papers[i].height_mm * SODO_POINTS_PER_MM;
        return TRUE;
      }
  return FALSE;
}

void
sodo_chart_export_options_init (SodoChartExportOptions *options,
                                SodoExportFormat        format)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = format;
  sodo_export_paper_size ("a4", &options->paper_width, &options->paper_height);
  options->margin = 10 * SODO_POINTS_PER_MM;
  sodo_pagination_options_init (&options->pagination);
  options->image_scale = 1.0;
  options->transparent = FALSE;
}

SodoPagination *
sodo_chart_export_paginate (SodoChartScene               *scene,
                            const SodoChartExportOptions *options,
                            GError                      **error)
{
  SodoPaginationOptions pagination;

  g_return_val_if_fail (SODO_IS_CHART_SCENE (scene), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  pagination = options->pagination;
  if (options->format == SODO_EXPORT_FORMAT_PDF)
    {
      pagination.page_width = options->paper_width - 2 * options->margin;
      pagination.page_height = options->paper_height - 2 * options->margin;
    }
  else
    {
      /* One picture the size of the content; image_scale enlarges it as a whole. */
      pagination.mode = SODO_PAGINATION_NATURAL;
      pagination.scale = 1.0;
      pagination.page_labels = FALSE;
      pagination.crop_marks = FALSE;
    }
  return sodo_pagination_new (scene, &pagination, error);
}

static gboolean
image_size (SodoPagination  *pagination,
            double           image_scale,
            int             *width,
            int             *height,
            GError         **error)
{
  double page_w, page_h, w, h;

  sodo_pagination_get_page_size (pagination, &page_w, &page_h);
  w = ceil (page_w * image_scale);
  h = ceil (page_h * image_scale);
  if (!(image_scale > 0) || w > SODO_EXPORT_MAX_IMAGE_SIDE || h > SODO_EXPORT_MAX_IMAGE_SIDE ||
      w * h > SODO_EXPORT_MAX_IMAGE_PIXELS)
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_LIMIT,
                   /* Translators: the numbers are pixels */
                   _("The image would be %.0f × %.0f pixels, larger than the %d × %d pixels "
                     "(%d million in all) an image can have. Choose a smaller scale."),
                   w, h, SODO_EXPORT_MAX_IMAGE_SIDE, SODO_EXPORT_MAX_IMAGE_SIDE,
                   SODO_EXPORT_MAX_IMAGE_PIXELS / 1000000);
      return FALSE;
    }
  *width = (int) MAX (w, 1);
  *height = (int) MAX (h, 1);
  return TRUE;
}

gboolean
sodo_chart_export_get_image_size (SodoChartScene               *scene,
                                  const SodoChartExportOptions *options,
                                  int                          *width,
                                  int                          *height,
                                  GError                      **error)
{
  g_autoptr(SodoPagination) pagination = NULL;
  int w, h;

  g_return_val_if_fail (SODO_IS_CHART_SCENE (scene), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  pagination = sodo_chart_export_paginate (scene, options, error);
  if (pagination == NULL || !image_size (pagination, options->image_scale, &w, &h, error))
    return FALSE;
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  return TRUE;
}

/* ---- Writing ---- */

cairo_status_t
_sodo_export_cairo_write (void                *closure,
                          const unsigned char *data,
                          unsigned int         length)
{
  SodoCairoStream *out = closure;

  if (out->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (out->stream, data, length, NULL, out->cancellable,
                                  &out->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
_sodo_export_cairo_finish (SodoCairoStream  *closure,
                           cairo_surface_t  *surface,
                           GError          **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  if (closure->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&closure->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_IO, _("Could not draw the file: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_pdf (SodoPagination  *pagination,
           double           paper_width,
           double           paper_height,
           double           margin,
           GOutputStream   *stream,
           GCancellable    *cancellable,
           GError         **error)
{
  SodoCairoStream closure = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  surface = cairo_pdf_surface_create_for_stream (_sodo_export_cairo_write, &closure,
                                                 paper_width, paper_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pagination->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
  cr = cairo_create (surface);
  for (guint i = 0; i < sodo_pagination_get_n_pages (pagination); i++)
    {
      if (closure.error != NULL || g_cancellable_set_error_if_cancelled (cancellable,
                                                                         &closure.error))
        break;
      cairo_save (cr);
      cairo_translate (cr, margin, margin);
      sodo_pagination_draw_page (pagination, cr, i);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  ok = _sodo_export_cairo_finish (&closure, surface, error);
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
write_png (SodoPagination  *pagination,
           double           image_scale,
           gboolean         transparent,
           GOutputStream   *stream,
           GCancellable    *cancellable,
           GError         **error)
{
  SodoCairoStream closure = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int width, height;

  if (!image_size (pagination, image_scale, &width, &height, error))
    return FALSE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, SODO_ERROR, SODO_ERROR_LIMIT,
                   _("Not enough memory for an image of %d × %d pixels."), width, height);
      return FALSE;
    }
  cr = cairo_create (surface);
  if (!transparent)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  cairo_scale (cr, image_scale, image_scale);
  sodo_pagination_draw_page (pagination, cr, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  status = cairo_surface_write_to_png_stream (surface, _sodo_export_cairo_write, &closure);
  cairo_surface_destroy (surface);
  if (closure.error != NULL)
    {
      g_propagate_error (error, closure.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_IO, _("Could not write the image: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

void
_sodo_export_json_string (GString    *out,
                          const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

void
_sodo_export_json_number (GString *out,
                          double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Layout coordinates are floats: nine digits read back as the same float. */
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.9g", (float) value));
}

/* Empties @buffer into @stream once it holds a good piece. */
static gboolean
flush_buffer (GString        *buffer,
              GOutputStream  *stream,
              gboolean        force,
              GCancellable   *cancellable,
              GError        **error)
{
  if (buffer->len < BUFFER_SIZE && !force)
    return TRUE;
  if (!g_output_stream_write_all (stream, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (buffer, 0);
  return TRUE;
}

static gboolean
write_layout_json (SodoChartScene  *scene,
                   GOutputStream   *stream,
                   GCancellable    *cancellable,
                   GError         **error)
{
  const SodoLayoutResult *layout = sodo_chart_scene_get_layout (scene);
  SodoOrgchart *chart = sodo_chart_scene_get_orgchart (scene);
  const SodoUnit *units = sodo_orgchart_get_units (chart);
  g_autoptr(GString) out = g_string_sized_new (BUFFER_SIZE + 512);
  gboolean first = TRUE;

  g_string_append (out, "{\n  \"width\": ");
  _sodo_export_json_number (out, layout->bounds.width);
  g_string_append (out, ",\n  \"height\": ");
  _sodo_export_json_number (out, layout->bounds.height);
  g_string_append (out, ",\n  \"units\": [");

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const SodoLayoutRect *r = &layout->rects[i];

      if (!layout->visible[i])
        continue;
      g_string_append (out, first ? "\n    {\"id\": " : ",\n    {\"id\": ");
      first = FALSE;
      _sodo_export_json_string (out, units[i].id);
      g_string_append (out, ", \"x\": ");
      _sodo_export_json_number (out, r->x);
      g_string_append (out, ", \"y\": ");
      _sodo_export_json_number (out, r->y);
      g_string_append (out, ", \"width\": ");
      _sodo_export_json_number (out, r->width);
      g_string_append (out, ", \"height\": ");
      _sodo_export_json_number (out, r->height);
      g_string_append_c (out, '}');
      if (!flush_buffer (out, stream, FALSE, cancellable, error))
        return FALSE;
    }
  g_string_append (out, first ? "]\n}\n" : "\n  ]\n}\n");
  return flush_buffer (out, stream, TRUE, cancellable, error);
}

gboolean
sodo_chart_export_to_stream (SodoChartScene               *scene,
                             const SodoChartExportOptions *options,
                             GOutputStream                *stream,
                             GCancellable                 *cancellable,
                             GError                      **error)
{
  g_autoptr(SodoPagination) pagination = NULL;

  g_return_val_if_fail (SODO_IS_CHART_SCENE (scene), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sodo_chart_scene_get_layout (scene) == NULL)
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_LIMIT,
                   _("The chart could not be laid out: not enough memory."));
      return FALSE;
    }
  if (options->format == SODO_EXPORT_FORMAT_LAYOUT_JSON)
    return write_layout_json (scene, stream, cancellable, error);

  pagination = sodo_chart_export_paginate (scene, options, error);
  if (pagination == NULL)
    return FALSE;

  switch (options->format)
    {
    case SODO_EXPORT_FORMAT_PDF:
      return write_pdf (pagination, options->paper_width, options->paper_height,
                        options->margin, stream, cancellable, error);
    case SODO_EXPORT_FORMAT_PNG:
      return write_png (pagination, options->image_scale, options->transparent, stream,
                        cancellable, error);
    case SODO_EXPORT_FORMAT_SVG:
      return _sodo_chart_export_svg (pagination, options->image_scale, options->transparent,
                                     stream, cancellable, error);
    case SODO_EXPORT_FORMAT_LAYOUT_JSON:
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
_sodo_export_write_file (GFile                *file,
                         SodoExportWriteFunc   func,
                         gpointer              user_data,
                         GCancellable         *cancellable,
                         GError              **error)
{
  g_autoptr(GFileOutputStream) file_stream = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  gboolean existed = g_file_query_exists (file, NULL);

  /* Replacing goes through a temporary file that is renamed over the old one on close. */
  file_stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (file_stream == NULL)
    return FALSE;
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_stream), BUFFER_SIZE);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);

  if (func (buffered, user_data, cancellable, error) &&
      g_output_stream_close (buffered, cancellable, error) &&
      g_output_stream_close (G_OUTPUT_STREAM (file_stream), cancellable, error))
    return TRUE;

  /* A cancelled close drops the temporary file and keeps the old one; a file that was not
   * there before was written in place and goes. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (file_stream), abandon, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);
  return FALSE;
}

typedef struct {
  SodoChartScene               *scene;
  const SodoChartExportOptions *options;
} ExportData;

static gboolean
export_to_stream (GOutputStream  *stream,
                  gpointer        user_data,
                  GCancellable   *cancellable,
                  GError        **error)
{
  ExportData *data = user_data;

  return sodo_chart_export_to_stream (data->scene, data->options, stream, cancellable, error);
}

gboolean
sodo_chart_export_to_file (SodoChartScene               *scene,
                           const SodoChartExportOptions *options,
                           GFile                        *file,
                           GCancellable                 *cancellable,
                           GError                      **error)
{
  ExportData data = { scene, options };

  g_return_val_if_fail (SODO_IS_CHART_SCENE (scene), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return _sodo_export_write_file (file, export_to_stream, &data, cancellable, error);
}
