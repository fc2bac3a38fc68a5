/* sodo-pagination.c: which part of the chart goes on which sheet, at what scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/sodo-error.h"

#include "sodo-chart-render-private.h"
#include "sodo-pagination-private.h"

/* Room around the cards for their shadows and the connectors' ends. */
#define CHART_MARGIN        6.0
/* Fitting onto a grid: when some cut finds no gap at the largest scale, smaller scales
 * (each FIT_SHRINK times the last) give the cuts room to reach one. */
#define FIT_SHRINK          0.97
#define FIT_SHRINK_STEPS    12
/* Smallest chart area on a sheet worth printing, in points. */
#define MIN_FRAME           36.0
/* Below these scales the chart's text would be too small even for a magnifying glass, on
 * paper or in a zoomed PDF: cards become coloured blocks, then a density picture. */
#define PRINT_TEXT_MIN_SCALE  0.05
#define PRINT_BLOCK_MIN_SCALE 0.01

static const struct {
  SodoPaginationMode  mode;
  const char         *nick;
} mode_nicks[] = {
  { SODO_PAGINATION_FIT_PAGE, "fit-page" },
  { SODO_PAGINATION_FIT_PAGES, "fit-pages" },
  { SODO_PAGINATION_SCALE, "scale" },
  { SODO_PAGINATION_NATURAL, "natural" },
};

const char *
sodo_pagination_mode_to_string (SodoPaginationMode mode)
{
  for (guint i = 0; i < G_N_ELEMENTS (mode_nicks); i++)
    if (mode_nicks[i].mode == mode)
      return mode_nicks[i].nick;
  return NULL;
}

gboolean
sodo_pagination_mode_from_string (const char         *str,
                                  SodoPaginationMode *mode)
{
  for (guint i = 0; i < G_N_ELEMENTS (mode_nicks); i++)
    if (g_strcmp0 (str, mode_nicks[i].nick) == 0)
      {
        *mode = mode_nicks[i].mode;
        return TRUE;
      }
  return FALSE;
}

void
sodo_pagination_options_init (SodoPaginationOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->mode = SODO_PAGINATION_FIT_PAGE;
  options->columns = 2;
  options->rows = 2;
  options->scale = 1.0;
  /* A4 less 10 mm on every side. */
  options->page_width = (210.0 - 20.0) * SODO_POINTS_PER_MM;
  options->page_height = (297.0 - 20.0) * SODO_POINTS_PER_MM;
  options->overlap = SODO_PAGINATION_DEFAULT_OVERLAP_MM * SODO_POINTS_PER_MM;
  options->title_block = TRUE;
  options->legend = TRUE;
  options->page_labels = TRUE;
  options->crop_marks = TRUE;
  options->show_relations = TRUE;
}

/* ---- Sheets ---- */

/* The frame of the chart on a sheet, below the header and inside the crop marks. */
static gboolean
compute_frame (SodoPagination  *self,
               gboolean         multi,
               GError         **error)
{
  double header = 0, crop;

  self->multi = multi;
  if (self->options.title_block || (multi && self->options.page_labels))
    {
      header = self->options.title_block ? self->title_height : 0;
      if (multi && self->options.page_labels)
        header = MAX (header, self->label_height);
    }
  self->header_height = header;
  crop = multi && self->options.crop_marks ? _SODO_PAGE_CROP_MARGIN : 0;

  self->frame.x = crop;
  self->frame.y = (header > 0 ? header + _SODO_PAGE_HEADER_GAP : 0) + crop;
  self->frame.width = self->page_width - 2 * crop;
  self->frame.height = self->page_height - self->frame.y - crop;
  if (self->frame.width < MIN_FRAME || self->frame.height < MIN_FRAME)
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_LIMIT,
                   _("The paper is too small to print on: its printable area is %.0f × %.0f "
                     "mm."),
                   self->page_width / SODO_POINTS_PER_MM, self->page_height / SODO_POINTS_PER_MM);
      return FALSE;
    }
  if (multi && self->options.overlap >= MIN (self->frame.width, self->frame.height) / 2)
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_LIMIT,
                   _("An overlap of %.0f mm leaves too little of each sheet; choose a smaller "
                     "overlap."),
                   self->options.overlap / SODO_POINTS_PER_MM);
      return FALSE;
    }
  return TRUE;
}

static void
add_single_page (SodoPagination *self)
{
  SodoPaginationPage page = { 0, };

  page.own = self->canvas;
  page.shown = self->canvas;
  /* One sheet: the content in the middle of the frame. */
  page.x = self->frame.x + MAX (0, (self->frame.width - self->canvas.width * self->scale) / 2);
  page.y = self->frame.y + MAX (0, (self->frame.height - self->canvas.height * self->scale) / 2);
  g_array_set_size (self->pages, 0);
  g_array_append_val (self->pages, page);
  self->n_rows = self->n_columns = 1;
}

/* Sheets needed along @axis to hold @extent chart points at @scale. */
static guint
sheets_needed (SodoPagination *self,
               SodoAxis        axis,
               double          scale,
               double          extent)
{
  double length = _sodo_rect_length (&self->frame, axis);
  double overlap = self->options.overlap;
  double n = ceil ((extent * scale - overlap) / (length - overlap) - 1e-9);

  return (guint) CLAMP (n, 1, SODO_PAGINATION_MAX_PAGES + 1);
}

static gboolean
paginate_fit_pages (SodoPagination  *self,
                    GError         **error)
{
  guint columns = self->options.columns, rows = self->options.rows;
  double overlap = self->options.overlap;
  double avail_w, avail_h, best;
  guint place = 0;

  if (!compute_frame (self, columns * rows > 1, error))
    return FALSE;
  avail_w = columns * self->frame.width - (columns - 1) * overlap;
  avail_h = rows * self->frame.height - (rows - 1) * overlap;
  best = _sodo_pagination_fit_scale (self, avail_w, avail_h, &place);

  if (columns * rows == 1)
    {
      self->scale = best;
      _sodo_pagination_place_legend (self, best, place);
      add_single_page (self);
      return TRUE;
    }

  /* The largest scale at which every cut finds a gap; failing that, the largest. */
  for (guint step = 0; step <= FIT_SHRINK_STEPS; step++)
    {
      double scale = best * pow (FIT_SHRINK, step);

      _sodo_pagination_place_legend (self, scale, place);
      if (_sodo_pagination_tile (self, scale, rows, columns) == 0)
        return TRUE;
    }
  _sodo_pagination_place_legend (self, best, place);
  _sodo_pagination_tile (self, best, rows, columns);
  return TRUE;
}

static gboolean
check_page_count (guint     n_pages,
                  GError  **error)
{
  if (n_pages <= SODO_PAGINATION_MAX_PAGES)
    return TRUE;
  g_set_error (error, SODO_ERROR, SODO_ERROR_LIMIT,
               _("At this scale the chart would take more than %u sheets; choose a smaller "
                 "scale."),
               SODO_PAGINATION_MAX_PAGES);
  return FALSE;
}

static gboolean
paginate_scale (SodoPagination  *self,
                GError         **error)
{
  double scale = self->options.scale;
  guint rows, columns;

  _sodo_pagination_place_legend (self, scale,
                                 _sodo_pagination_choose_legend_place (self, scale));
  if (!compute_frame (self, TRUE, error))
    return FALSE;
  rows = sheets_needed (self, SODO_AXIS_Y, scale, self->canvas.height);
  columns = sheets_needed (self, SODO_AXIS_X, scale, self->canvas.width);

  if (rows == 1 && columns == 1)
    {
      if (!compute_frame (self, FALSE, error))
        return FALSE;
      self->scale = scale;
      add_single_page (self);
      return TRUE;
    }
  /* The grid the extent needs at least, before any cut moves back to a gap. */
  if (!check_page_count (rows * columns, error))
    return FALSE;
  _sodo_pagination_tile (self, scale, 0, 0);
  return check_page_count (self->pages->len, error);
}

static gboolean
paginate_fit_page (SodoPagination  *self,
                   GError         **error)
{
  guint place = 0;

  if (!compute_frame (self, FALSE, error))
    return FALSE;
  self->scale = _sodo_pagination_fit_scale (self, self->frame.width, self->frame.height, &place);
  _sodo_pagination_place_legend (self, self->scale, place);
  add_single_page (self);
  return TRUE;
}

static void
paginate_natural (SodoPagination *self)
{
  double scale = self->options.scale;
  double content_w, content_h;

  self->scale = scale;
  _sodo_pagination_place_legend (self, scale, _sodo_pagination_choose_legend_place (self, scale));
  content_w = MAX (self->canvas.width * scale,
                   self->options.title_block ? self->title_width : 0);
  content_h = self->canvas.height * scale;

  self->multi = FALSE;
  self->header_height = self->options.title_block ? self->title_height : 0;
  self->origin_x = self->origin_y = _SODO_PAGE_NATURAL_PAD;
  self->page_width = content_w;
  self->page_height = content_h + (self->header_height > 0 ? self->header_height +
                                                             _SODO_PAGE_HEADER_GAP : 0);
  self->frame.x = 0;
  self->frame.y = self->page_height - content_h;
  self->frame.width = content_w;
  self->frame.height = content_h;
  add_single_page (self);
}

static SodoChartDetail
choose_detail (double scale)
{
  if (scale >= PRINT_TEXT_MIN_SCALE)
    return SODO_CHART_DETAIL_FULL;
  if (scale >= PRINT_BLOCK_MIN_SCALE)
    return SODO_CHART_DETAIL_BLOCKS;
  return SODO_CHART_DETAIL_DENSITY;
}

/* Paper is white and ink is opaque: the light palette with its see-through colours laid
 * over white, so a printer never has to flatten transparency. */
static SodoChartColor
over_white (SodoChartColor color)
{
  SodoChartColor white = { 1, 1, 1, 1 };
  double alpha = color.alpha;

  color.alpha = 1;
  return sodo_chart_color_mix (white, color, alpha);
}

static void
init_print_palette (SodoChartPalette *palette)
{
  *palette = *sodo_chart_palette_light ();
  palette->background = (SodoChartColor) { 1, 1, 1, 1 };
  palette->card_border = over_white (palette->card_border);
  palette->text = over_white (palette->text);
  palette->secondary_text = over_white (palette->secondary_text);
  palette->legend_border = over_white (palette->legend_border);
}

static gboolean
check_options (const SodoPaginationOptions  *options,
               GError                      **error)
{
  gboolean grid_ok = options->columns >= 1 && options->rows >= 1 &&
                     options->columns <= SODO_PAGINATION_MAX_SHEETS_ACROSS &&
                     options->rows <= SODO_PAGINATION_MAX_SHEETS_ACROSS;

  if (options->mode == SODO_PAGINATION_FIT_PAGES && !grid_ok)
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_VALUE,
                   _("A grid of sheets has 1 to %d columns and rows."),
                   SODO_PAGINATION_MAX_SHEETS_ACROSS);
      return FALSE;
    }
  if ((options->mode == SODO_PAGINATION_SCALE || options->mode == SODO_PAGINATION_NATURAL) &&
      !(options->scale > 0 && options->scale <= 100))
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_VALUE,
                   _("The scale must be above 0 %% and at most 10,000 %%."));
      return FALSE;
    }
  if (options->mode != SODO_PAGINATION_NATURAL &&
      !(options->page_width > 0 && options->page_height > 0))
    {
      /* Margins as large as the paper: the paper is too small, as when barely larger. */
      g_set_error (error, SODO_ERROR, SODO_ERROR_LIMIT,
                   _("The margins leave no room to print on this paper."));
      return FALSE;
    }
  if (!(options->overlap >= 0))
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_VALUE, _("The overlap cannot be negative."));
      return FALSE;
    }
  return TRUE;
}

static void
init_content (SodoPagination *self)
{
  SodoLayoutRect bounds;
  SodoRenderParams params;

  sodo_chart_scene_get_bounds (self->scene, &bounds);
  self->chart.x = bounds.x - CHART_MARGIN;
  self->chart.y = bounds.y - CHART_MARGIN;
  self->chart.width = bounds.width + 2 * CHART_MARGIN;
  self->chart.height = bounds.height + 2 * CHART_MARGIN;
  self->canvas = self->chart;

  self->has_legend = self->options.legend;
  if (self->has_legend)
    {
      sodo_render_params_init (&params);
      params.palette = &self->palette;
      params.show_relations = self->options.show_relations;
      sodo_chart_render_legend (self->scene, NULL, 0, 0, &params, &self->legend_width,
                                &self->legend_height);
      self->legend_width *= _SODO_PAGE_LEGEND_SCALE;
      self->legend_height *= _SODO_PAGE_LEGEND_SCALE;
    }
}

SodoPagination *
sodo_pagination_new (SodoChartScene               *scene,
                     const SodoPaginationOptions  *options,
                     GError                      **error)
{
  g_autoptr(SodoPagination) self = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SODO_IS_CHART_SCENE (scene), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_options (options, error))
    return NULL;
  if (sodo_chart_scene_get_layout (scene) == NULL)
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_LIMIT,
                   _("The chart could not be laid out: not enough memory."));
      return NULL;
    }

  self = g_new0 (SodoPagination, 1);
  self->scene = g_object_ref (scene);
  self->options = *options;
  self->subtitle = g_strdup (options->subtitle);
  self->print_date = g_strdup (options->print_date);
  self->options.subtitle = self->subtitle;
  self->options.print_date = self->print_date;
  self->page_width = options->page_width;
  self->page_height = options->page_height;
  self->pages = g_array_new (FALSE, TRUE, sizeof (SodoPaginationPage));
  init_print_palette (&self->palette);
  init_content (self);
  _sodo_pagination_prepare_header (self);

  switch (options->mode)
    {
    case SODO_PAGINATION_FIT_PAGES:
      ok = paginate_fit_pages (self, error);
      break;
    case SODO_PAGINATION_SCALE:
      ok = paginate_scale (self, error);
      break;
    case SODO_PAGINATION_NATURAL:
      paginate_natural (self);
      break;
    case SODO_PAGINATION_FIT_PAGE:
    default:
      ok = paginate_fit_page (self, error);
      break;
    }
  if (!ok)
    return NULL;

  self->detail = choose_detail (self->scale);
  return g_steal_pointer (&self);
}

void
sodo_pagination_free (SodoPagination *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->scene);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->tiling, _sodo_tiling_free);
  g_clear_pointer (&self->legend_profile, _sodo_legend_profile_free);
  g_free (self->subtitle);
  g_free (self->print_date);
  g_free (self->title);
  g_free (self->meta);
  g_free (self);
}

SodoChartScene *
sodo_pagination_get_scene (SodoPagination *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->scene;
}

guint
sodo_pagination_get_n_pages (SodoPagination *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

const SodoPaginationPage *
sodo_pagination_get_page (SodoPagination *self,
                          guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->pages->len, NULL);
  return &g_array_index (self->pages, SodoPaginationPage, index);
}

guint
sodo_pagination_get_n_rows (SodoPagination *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

guint
sodo_pagination_get_n_columns (SodoPagination *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

double
sodo_pagination_get_scale (SodoPagination *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->scale;
}

void
sodo_pagination_get_page_size (SodoPagination *self,
                               double         *width,
                               double         *height)
{
  g_return_if_fail (self != NULL);

  if (width != NULL)
    *width = self->page_width + 2 * self->origin_x;
  if (height != NULL)
    *height = self->page_height + 2 * self->origin_y;
}

void
sodo_pagination_get_canvas (SodoPagination *self,
                            SodoChartRect  *canvas)
{
  g_return_if_fail (self != NULL && canvas != NULL);
  *canvas = self->canvas;
}

gboolean
sodo_pagination_get_legend_rect (SodoPagination *self,
                                 SodoChartRect  *rect)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (rect != NULL)
    *rect = self->has_legend ? self->legend : (SodoChartRect) { 0, 0, 0, 0 };
  return self->has_legend;
}

void
sodo_pagination_get_frame (SodoPagination *self,
                           SodoChartRect  *frame)
{
  g_return_if_fail (self != NULL && frame != NULL);

  *frame = self->frame;
  frame->x += self->origin_x;
  frame->y += self->origin_y;
}

guint
sodo_pagination_get_n_cut_cards (SodoPagination *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_cut_cards;
}

SodoChartDetail
sodo_pagination_get_detail (SodoPagination *self)
{
  g_return_val_if_fail (self != NULL, SODO_CHART_DETAIL_FULL);
  return self->detail;
}
