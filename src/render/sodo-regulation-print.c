/* sodo-regulation-print.c: a text document laid out on pages, and the regulation as one
 *
 * Every block is one PangoLayout as wide as its column. Pagination walks the blocks and
 * their lines: a block goes whole onto the page if it fits, else its lines are split
 * between pages (two lines at least on each side when the block has them); a heading moves
 * to the next page unless the first lines of what follows it fit under it.
 *
 * The context measures unhinted with unrounded positions, as the chart's does, so the
 * pages come out the same on a printer and in a PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "model/sodo-language.h"

#include "sodo-chart-export-private.h"
#include "sodo-regulation-print.h"

/* Vietnamese official documents are set in Times New Roman; these stand in for it. */
#define DOCUMENT_FONT      "Times New Roman, Liberation Serif, Noto Serif, DejaVu Serif, serif"
#define FOOTER_FONT_SIZE   9.0
#define FOOTER_HEIGHT      28.0
#define INDENT_STEP        24.0
#define LABEL_GAP          6.0
#define LINE_SPACING       1.2
/* Lines kept together at a page break, when a block has them. */
#define MIN_LINES          2

typedef struct {
  double      size;
  PangoWeight weight;
  PangoStyle  font_style;
  PangoAlignment alignment;
  gboolean    justify;
  double      space_before;
  gboolean    keep_with_next;
  double      grey;          /* 0 = black ink */
} StyleInfo;

static const StyleInfo styles[] = {
  [SODO_PRINT_STYLE_TITLE] = { 16, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_CENTER,
                               FALSE, 0, TRUE, 0 },
  [SODO_PRINT_STYLE_SUBTITLE] = { 12, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                                  PANGO_ALIGN_CENTER, FALSE, 4, TRUE, 0 },
  [SODO_PRINT_STYLE_NOTE] = { 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, PANGO_ALIGN_CENTER,
                              FALSE, 8, FALSE, 0.35 },
  [SODO_PRINT_STYLE_PART] = { 14, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_CENTER,
                              FALSE, 20, TRUE, 0 },
  [SODO_PRINT_STYLE_CHAPTER] = { 13, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_CENTER,
                                 FALSE, 18, TRUE, 0 },
  [SODO_PRINT_STYLE_HEADING_TITLE] = { 13, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                                       PANGO_ALIGN_CENTER, FALSE, 2, TRUE, 0 },
  [SODO_PRINT_STYLE_SECTION] = { 12, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_CENTER,
                                 FALSE, 10, TRUE, 0 },
  [SODO_PRINT_STYLE_ARTICLE] = { 12, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT,
                                 FALSE, 10, TRUE, 0 },
  [SODO_PRINT_STYLE_BODY] = { 12, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT,
                              TRUE, 4, FALSE, 0 },
};

typedef struct {
  SodoPrintStyle  style;
  guint           indent;
  char           *label;
  char           *text;
  PangoLayout    *layout;          /* made by paginate */
  PangoLayout    *label_layout;
  double          x;               /* the text's left edge */
  GArray         *line_tops;       /* double: top of each line, then the bottom of the last */
} Block;

typedef struct {
  guint  block;
  guint  first_line;
  guint  end_line;
  guint  page;
  double y;                        /* where the first line's top goes on the page */
} Piece;

struct _SodoPrintDocument {
  char         *title;
  GArray       *blocks;            /* Block */
  GArray       *pieces;            /* Piece, by page */
  guint         n_pages;
  double        width;
  double        height;
  PangoContext *context;
};

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_free (block->label);
  g_free (block->text);
  g_clear_object (&block->layout);
  g_clear_object (&block->label_layout);
  g_clear_pointer (&block->line_tops, g_array_unref);
}

SodoPrintDocument *
sodo_print_document_new (const char *title)
{
  SodoPrintDocument *self = g_new0 (SodoPrintDocument, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  self->title = g_strdup (title != NULL ? title : "");
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  self->n_pages = 1;

  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  return self;
}

void
sodo_print_document_free (SodoPrintDocument *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_array_unref (self->blocks);
  g_array_unref (self->pieces);
  g_object_unref (self->context);
  g_free (self);
}

void
sodo_print_document_add (SodoPrintDocument *self,
                         SodoPrintStyle     style,
                         guint              indent,
                         const char        *label,
                         const char        *text)
{
  Block block = { style, indent, };

  g_return_if_fail (self != NULL);
  g_return_if_fail (style <= SODO_PRINT_STYLE_BODY);

  if ((text == NULL || *text == '\0') && (label == NULL || *label == '\0'))
    return;
  block.label = label != NULL && *label != '\0' ? g_strdup (label) : NULL;
  block.text = g_strdup (text != NULL ? text : "");
  g_array_append_val (self->blocks, block);
}

static PangoLayout *
make_layout (SodoPrintDocument *self,
             const StyleInfo   *info,
             const char        *text,
             double             width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (DOCUMENT_FONT);

  pango_font_description_set_size (desc, (int) (info->size * PANGO_SCALE + 0.5));
  pango_font_description_set_weight (desc, info->weight);
  pango_font_description_set_style (desc, info->font_style);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_line_spacing (layout, LINE_SPACING);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, info->alignment);
  pango_layout_set_justify (layout, info->justify);
  /* Plain text: what the document says is shown as written. */
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
measure_lines (Block *block)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
  int y0, y1 = 0;
  double bottom;

  block->line_tops = g_array_new (FALSE, FALSE, sizeof (double));
  do
    {
      double top;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = (double) y0 / PANGO_SCALE;
      g_array_append_val (block->line_tops, top);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  bottom = (double) y1 / PANGO_SCALE;
  g_array_append_val (block->line_tops, bottom);
}

static void
layout_block (SodoPrintDocument *self,
              Block             *block,
              double             width)
{
  const StyleInfo *info = &styles[block->style];
  double x = block->style == SODO_PRINT_STYLE_BODY ? block->indent * INDENT_STEP : 0;

  g_clear_object (&block->layout);
  g_clear_object (&block->label_layout);
  g_clear_pointer (&block->line_tops, g_array_unref);

  if (block->label != NULL)
    {
      PangoRectangle logical;
      double hang;

      block->label_layout = make_layout (self, info, block->label, -1);
      pango_layout_set_alignment (block->label_layout, PANGO_ALIGN_LEFT);
      pango_layout_set_justify (block->label_layout, FALSE);
      pango_layout_get_extents (block->label_layout, NULL, &logical);
      /* The text lines up one step in; a long label ("1.1.1.") pushes it further. */
      hang = MAX (INDENT_STEP, (double) logical.width / PANGO_SCALE + LABEL_GAP);
      if (block->style != SODO_PRINT_STYLE_BODY)
        hang = (double) logical.width / PANGO_SCALE + LABEL_GAP;
      x += hang;
    }
  block->x = x;
  block->layout = make_layout (self, info, block->text, MAX (width - x, INDENT_STEP));
  measure_lines (block);
}

static double
line_top (const Block *block,
          guint        line)
{
  return g_array_index (block->line_tops, double, line);
}

static guint
n_lines (const Block *block)
{
  return block->line_tops->len - 1;
}

static void
add_piece (SodoPrintDocument *self,
           guint              block,
           guint              first_line,
           guint              end_line,
           guint              page,
           double             y)
{
  Piece piece = { block, first_line, end_line, page, y };

  g_array_append_val (self->pieces, piece);
}

/* The height a block needs at the top of what follows a heading: its first lines. */
static double
lead_height (const Block *block)
{
  return line_top (block, MIN (n_lines (block), MIN_LINES)) - line_top (block, 0);
}

/* How many lines of @block, from @first, fit in @room; at least @at_least. */
static guint
lines_fitting (const Block *block,
               guint        first,
               double       room,
               guint        at_least)
{
  guint end = first;

  while (end < n_lines (block) &&
         line_top (block, end + 1) - line_top (block, first) <= room)
    end++;
  return MAX (end, MIN (first + at_least, n_lines (block)));
}

guint
sodo_print_document_paginate (SodoPrintDocument *self,
                              double             width,
                              double             height)
{
  double room = MAX (height - FOOTER_HEIGHT, 72);
  guint page = 0;
  double y = 0;

  g_return_val_if_fail (self != NULL, 1);

  self->width = width;
  self->height = height;
  g_array_set_size (self->pieces, 0);
  for (guint i = 0; i < self->blocks->len; i++)
    layout_block (self, &g_array_index (self->blocks, Block, i), width);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      const StyleInfo *info = &styles[block->style];
      double before = y > 0 ? info->space_before : 0;
      double total = line_top (block, n_lines (block));
      double need = total;
      guint first = 0;

      /* A heading goes with the headings after it ("Chương IX", its title, "Điều 15.") and
       * the first lines of the text they head. */
      for (guint j = i + 1; info->keep_with_next && j < self->blocks->len; j++)
        {
          const Block *next = &g_array_index (self->blocks, Block, j);

          need += styles[next->style].space_before;
          if (!styles[next->style].keep_with_next)
            {
              need += lead_height (next);
              break;
            }
          need += line_top (next, n_lines (next));
        }
      if (y > 0 && y + before + need > room &&
          (info->keep_with_next || y + before + lead_height (block) > room))
        {
          /* Whole on a new page: a heading with what follows, or a block whose first
           * lines would not fit here. */
          page++;
          y = before = 0;
        }

      while (first < n_lines (block))
        {
          guint end = lines_fitting (block, first, room - y - before, y > 0 ? 0 : 1);

          /* No single line left behind on the next page when it can be helped. */
          if (end < n_lines (block) && n_lines (block) - end < MIN_LINES &&
              end - first > MIN_LINES)
            end = n_lines (block) - MIN_LINES;
          if (end == first)
            {
              page++;
              y = before = 0;
              continue;
            }
          add_piece (self, i, first, end, page, y + before);
          y += before + line_top (block, end) - line_top (block, first);
          before = 0;
          first = end;
          if (first < n_lines (block))
            {
              page++;
              y = 0;
            }
        }
    }
  self->n_pages = page + 1;
  return self->n_pages;
}

guint
sodo_print_document_get_n_pages (SodoPrintDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

static void
draw_piece (SodoPrintDocument *self,
            cairo_t           *cr,
            const Piece       *piece)
{
  const Block *block = &g_array_index (self->blocks, Block, piece->block);
  const StyleInfo *info = &styles[block->style];
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
  double origin = piece->y - line_top (block, piece->first_line);
  guint line = 0;

  cairo_set_source_rgb (cr, info->grey, info->grey, info->grey);
  do
    {
      PangoRectangle logical;
      double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

      if (line >= piece->first_line && line < piece->end_line)
        {
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, block->x + (double) logical.x / PANGO_SCALE, origin + baseline);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      if (line == 0 && piece->first_line == 0 && block->label_layout != NULL)
        {
          /* The label on the first line's baseline, in the margin before the text. */
          double label_baseline = (double) pango_layout_get_baseline (block->label_layout) /
                                  PANGO_SCALE;
          double label_x = block->style == SODO_PRINT_STYLE_BODY ? block->indent * INDENT_STEP
                                                                 : 0;

          cairo_move_to (cr, label_x, origin + baseline - label_baseline);
          pango_cairo_show_layout (cr, block->label_layout);
        }
      line++;
    }
  while (line < piece->end_line && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_footer (SodoPrintDocument *self,
             cairo_t           *cr,
             guint              index)
{
  StyleInfo info = styles[SODO_PRINT_STYLE_NOTE];
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  PangoRectangle logical;

  /* Translators: the page number at the foot of a printed document */
  text = g_strdup_printf (_("Page %u of %u"), index + 1, self->n_pages);
  info.size = FOOTER_FONT_SIZE;
  info.font_style = PANGO_STYLE_NORMAL;
  layout = make_layout (self, &info, text, self->width);
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_set_source_rgb (cr, info.grey, info.grey, info.grey);
  cairo_move_to (cr, 0, self->height - (double) logical.height / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

void
sodo_print_document_draw_page (SodoPrintDocument *self,
                               cairo_t           *cr,
                               guint              index)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);

      if (piece->page == index)
        draw_piece (self, cr, piece);
      else if (piece->page > index)
        break;
    }
  draw_footer (self, cr, index);
  cairo_restore (cr);
}

typedef struct {
  SodoPrintDocument *self;
  double             paper_width;
  double             paper_height;
  double             margin;
} PdfData;

static gboolean
write_pdf (GOutputStream  *stream,
           gpointer        user_data,
           GCancellable   *cancellable,
           GError        **error)
{
  PdfData *data = user_data;
  SodoCairoStream closure = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  sodo_print_document_paginate (data->self, data->paper_width - 2 * data->margin,
                                data->paper_height - 2 * data->margin);
  surface = cairo_pdf_surface_create_for_stream (_sodo_export_cairo_write, &closure,
                                                 data->paper_width, data->paper_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, data->self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
  cr = cairo_create (surface);
  for (guint i = 0; i < data->self->n_pages; i++)
    {
      if (closure.error != NULL ||
          g_cancellable_set_error_if_cancelled (cancellable, &closure.error))
        break;
      cairo_save (cr);
      cairo_translate (cr, data->margin, data->margin);
      sodo_print_document_draw_page (data->self, cr, i);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  ok = _sodo_export_cairo_finish (&closure, surface, error);
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
sodo_print_document_write_pdf (SodoPrintDocument  *self,
                               double              paper_width,
                               double              paper_height,
                               double              margin,
                               GFile              *file,
                               GCancellable       *cancellable,
                               GError            **error)
{
  PdfData data = { self, paper_width, paper_height, margin };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return _sodo_export_write_file (file, write_pdf, &data, cancellable, error);
}

/* ---- The regulation ---- */

/* Steps of indentation: clauses at the margin of their article, points one step in, and
 * each level below one more. */
static guint
provision_indent (const SodoRegulationNode *nodes,
                  guint                     index)
{
  guint indent = 0;

  for (guint i = nodes[index].parent;
       i != SODO_NO_INDEX && nodes[i].level > SODO_LEVEL_ARTICLE;
       i = nodes[i].parent)
    indent++;
  return MIN (indent, 4);
}

static void
add_heading_and_text (SodoPrintDocument        *doc,
                      SodoRegulation           *regulation,
                      const SodoRegulationNode *node,
                      SodoPrintStyle            style)
{
  g_autofree char *label = sodo_regulation_node_dup_label (node, TRUE);
  const char *title = sodo_regulation_text (regulation, node->title);
  const char *text = sodo_regulation_text (regulation, node->text);

  if (style == SODO_PRINT_STYLE_PART || style == SODO_PRINT_STYLE_CHAPTER)
    {
      g_autofree char *upper = title != NULL ? g_utf8_strup (title, -1) : NULL;

      sodo_print_document_add (doc, style, 0, NULL, label);
      sodo_print_document_add (doc, SODO_PRINT_STYLE_HEADING_TITLE, 0, NULL, upper);
    }
  else
    {
      g_autofree char *heading = title != NULL ? g_strdup_printf ("%s %s", label, title)
                                               : g_strdup (label);

      sodo_print_document_add (doc, style, 0, NULL, heading);
    }
  sodo_print_document_add (doc, SODO_PRINT_STYLE_BODY, 0, NULL, text);
}

static void
add_provision (SodoPrintDocument        *doc,
               SodoRegulation           *regulation,
               guint                     index)
{
  const SodoRegulationNode *nodes = sodo_regulation_get_nodes (regulation);
  const SodoRegulationNode *node = &nodes[index];
  g_autofree char *label = sodo_regulation_node_dup_label (node, TRUE);
  const char *title = sodo_regulation_text (regulation, node->title);
  const char *text = sodo_regulation_text (regulation, node->text);
  g_autofree char *joined = NULL;

  if (title != NULL && text != NULL)
    joined = g_strdup_printf ("%s\n%s", title, text);
  sodo_print_document_add (doc, SODO_PRINT_STYLE_BODY, provision_indent (nodes, index), label,
                           joined != NULL ? joined : title != NULL ? title : text);
}

static void
add_title_block (SodoPrintDocument *doc,
                 SodoRegulation    *regulation)
{
  const char *number = sodo_regulation_get_number (regulation);
  g_autofree char *date = sodo_format_date (sodo_regulation_get_date (regulation),
                                            sodo_language_get ());
  g_autoptr(GString) line = g_string_new (NULL);

  sodo_print_document_add (doc, SODO_PRINT_STYLE_TITLE, 0, NULL,
                           sodo_regulation_text (regulation,
                                                 sodo_regulation_get_title (regulation)));
  sodo_print_document_add (doc, SODO_PRINT_STYLE_SUBTITLE, 0, NULL,
                           sodo_regulation_text (regulation,
                                                 sodo_regulation_get_issuer (regulation)));
  if (number != NULL)
    /* Translators: the number of a regulation, such as "No. 146-QĐ/TW" */
    g_string_append_printf (line, _("No. %s"), number);
  if (date != NULL)
    g_string_append_printf (line, "%s%s", line->len > 0 ? " · " : "", date);
  g_string_append_printf (line, "%s%s", line->len > 0 ? " · " : "",
                          sodo_regulation_status_get_label (
                            sodo_regulation_get_status (regulation)));
  sodo_print_document_add (doc, SODO_PRINT_STYLE_SUBTITLE, 0, NULL, line->str);
  sodo_print_document_add (doc, SODO_PRINT_STYLE_NOTE, 0, NULL,
                           sodo_regulation_text (regulation,
                                                 sodo_regulation_get_description (regulation)));
}

SodoPrintDocument *
sodo_regulation_print_new (SodoRegulation *regulation)
{
  SodoPrintDocument *doc;
  const SodoRegulationNode *nodes;
  guint n_nodes;

  g_return_val_if_fail (SODO_IS_REGULATION (regulation), NULL);

  doc = sodo_print_document_new (sodo_regulation_text (regulation,
                                                       sodo_regulation_get_title (regulation)));
  add_title_block (doc, regulation);

  /* The nodes are stored in document order. */
  nodes = sodo_regulation_get_nodes (regulation);
  n_nodes = sodo_regulation_get_n_nodes (regulation);
  for (guint i = 0; i < n_nodes; i++)
    {
      switch (nodes[i].level)
        {
        case SODO_LEVEL_PART:
          add_heading_and_text (doc, regulation, &nodes[i], SODO_PRINT_STYLE_PART);
          break;
        case SODO_LEVEL_CHAPTER:
          add_heading_and_text (doc, regulation, &nodes[i], SODO_PRINT_STYLE_CHAPTER);
          break;
        case SODO_LEVEL_SECTION:
          add_heading_and_text (doc, regulation, &nodes[i], SODO_PRINT_STYLE_SECTION);
          break;
        case SODO_LEVEL_ARTICLE:
          add_heading_and_text (doc, regulation, &nodes[i], SODO_PRINT_STYLE_ARTICLE);
          break;
        case SODO_LEVEL_CLAUSE:
        case SODO_LEVEL_POINT:
        case SODO_LEVEL_PARAGRAPH:
        default:
          add_provision (doc, regulation, i);
          break;
        }
    }
  return doc;
}
