/* sodo-reading-view.c: a regulation typeset for reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sodo-document-private.h"
#include "sodo-reading-view-private.h"

/* A comfortable line for reading holds about this many characters. */
#define READING_LINE_CHARS 70
#define FLASH_MS 1600
/* Long enough for GTK's scroll animation to end and the lines around to be laid out. */
#define SETTLE_MS 300

G_DEFINE_FINAL_TYPE (SodoReadingView, sodo_reading_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_TEXT_SCALE,
  PROP_READING_WIDTH,
  N_PROPS
};

enum {
  LINK_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void keep_at_top (SodoReadingView *self,
                         guint            node);

GtkWidget *
sodo_reading_view_new (void)
{
  return g_object_new (SODO_TYPE_READING_VIEW, NULL);
}

/* The size of the text font in pixels, and the width of an average character. */
static void
measure_font (SodoReadingView *self,
              double          *em,
              double          *char_width)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, font, NULL);
  double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;

  /* A size in points becomes pixels at 96 dpi, the resolution GTK lays text out at. */
  if (!pango_font_description_get_size_is_absolute (font))
    size = size * 96.0 / 72.0;
  if (size <= 0)
    size = 14.0;

  *em = size;
  *char_width = pango_font_metrics_get_approximate_char_width (metrics) / (double) PANGO_SCALE;
  pango_font_metrics_unref (metrics);
  if (*char_width <= 0)
    *char_width = size * 0.5;
}

static void
update_sizes (SodoReadingView *self)
{
  double em;
  double char_width;
  int reading_width;

  measure_font (self, &em, &char_width);
  _sodo_reading_view_scale_tags (self, em * self->text_scale);

  reading_width = (int) (READING_LINE_CHARS * char_width * self->text_scale)
                  + 2 * SODO_READING_VIEW_MARGIN;
  if (reading_width != self->reading_width)
    {
      self->reading_width = reading_width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING_WIDTH]);
    }
}

void
sodo_reading_view_set_document (SodoReadingView *self,
                                SodoRegulation  *regulation,
                                SodoOrgchart    *orgchart)
{
  g_return_if_fail (SODO_IS_READING_VIEW (self));
  g_return_if_fail (regulation == NULL || SODO_IS_REGULATION (regulation));
  g_return_if_fail (orgchart == NULL || SODO_IS_ORGCHART (orgchart));

  g_set_object (&self->regulation, regulation);
  g_set_object (&self->orgchart, orgchart);
  g_clear_handle_id (&self->flash_id, g_source_remove);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->flash_node = SODO_NO_INDEX;
  g_array_set_size (self->highlighted, 0);
  _sodo_reading_view_build (self);
}

SodoRegulation *
sodo_reading_view_get_regulation (SodoReadingView *self)
{
  g_return_val_if_fail (SODO_IS_READING_VIEW (self), NULL);

  return self->regulation;
}

double
sodo_reading_view_get_text_scale (SodoReadingView *self)
{
  g_return_val_if_fail (SODO_IS_READING_VIEW (self), 1.0);

  return self->text_scale;
}

void
sodo_reading_view_set_text_scale (SodoReadingView *self,
                                  double           scale)
{
  guint top = SODO_NO_INDEX;

  g_return_if_fail (SODO_IS_READING_VIEW (self));

  scale = CLAMP (scale, SODO_READING_VIEW_MIN_SCALE, SODO_READING_VIEW_MAX_SCALE);
  if (G_APPROX_VALUE (scale, self->text_scale, 0.001))
    return;

  /* Every line changes height: the reader keeps the place they were reading. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->regulation != NULL)
    top = sodo_reading_view_get_top_node (self);

  self->text_scale = scale;
  update_sizes (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->regulation != NULL)
    keep_at_top (self, top);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

int
sodo_reading_view_get_reading_width (SodoReadingView *self)
{
  g_return_val_if_fail (SODO_IS_READING_VIEW (self), 0);

  return self->reading_width;
}

GtkTextMark *
sodo_reading_view_get_node_mark (SodoReadingView *self,
                                 guint            node)
{
  g_return_val_if_fail (SODO_IS_READING_VIEW (self), NULL);

  if (node >= self->marks->len)
    return NULL;
  return g_ptr_array_index (self->marks, node);
}

guint
sodo_reading_view_get_node_at_offset (SodoReadingView *self,
                                      int              offset)
{
  guint low = 0;
  guint high;

  g_return_val_if_fail (SODO_IS_READING_VIEW (self), SODO_NO_INDEX);

  /* The last node starting at or before @offset: nodes start in document order. */
  high = self->offsets->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->offsets, int, middle) <= offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low == 0 ? SODO_NO_INDEX : low - 1;
}

guint
sodo_reading_view_get_top_node (SodoReadingView *self)
{
  GdkRectangle visible;
  GtkTextIter iter;
  int line_y;
  int line_height;

  g_return_val_if_fail (SODO_IS_READING_VIEW (self), SODO_NO_INDEX);

  /* A few pixels down, so a line scrolled almost out of sight does not count. */
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (self), &iter, visible.y + 8, NULL);
  /* Before the text is laid out every line is zero pixels high, and any y finds the last
   * line: there is no reading position yet. */
  gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (self), &iter, &line_y, &line_height);
  if (line_height <= 0)
    return SODO_NO_INDEX;

  return sodo_reading_view_get_node_at_offset (self, gtk_text_iter_get_offset (&iter));
}

/* The text of @node and of everything it holds. */
static void
get_node_range (SodoReadingView *self,
                guint            node,
                GtkTextIter     *start,
                GtkTextIter     *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  guint next = _sodo_document_subtree_end (self->regulation, node);

  gtk_text_buffer_get_iter_at_mark (buffer, start, g_ptr_array_index (self->marks, node));
  if (next < self->marks->len)
    gtk_text_buffer_get_iter_at_mark (buffer, end, g_ptr_array_index (self->marks, next));
  else
    gtk_text_buffer_get_end_iter (buffer, end);
}

static gboolean
end_flash_cb (gpointer user_data)
{
  SodoReadingView *self = SODO_READING_VIEW (user_data);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start;
  GtkTextIter end;

  self->flash_id = 0;
  self->flash_node = SODO_NO_INDEX;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->tags.flash, &start, &end);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

/* GtkTextView scrolls to a mark with the heights of the lines above it still estimated; as
 * they are laid out, it keeps the first visible paragraph in place, which can leave the node
 * lower than the top. Once the lines are known, the node is put exactly at the top. */
static gboolean
settle_cb (gpointer user_data)
{
  SodoReadingView *self = SODO_READING_VIEW (user_data);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));
  GtkTextMark *mark = sodo_reading_view_get_node_mark (self, self->settle_node);
  GdkRectangle visible;
  GtkTextIter iter;
  int y;
  int height;

  self->settle_id = 0;
  if (vadjustment == NULL)
    return G_SOURCE_REMOVE;
  /* No node: the title was at the top, and stays there. */
  if (mark == NULL)
    {
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
      return G_SOURCE_REMOVE;
    }

  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), &iter,
                                    mark);
  gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (self), &iter, &y, &height);
  /* Buffer coordinates leave out the top margin that the adjustment counts. */
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  if (ABS (y - visible.y) > 2)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + y - visible.y);

  return G_SOURCE_REMOVE;
}

/* Scrolls @node (SODO_NO_INDEX: the title) to the top, and once more when the lines above
 * it are laid out. */
static void
keep_at_top (SodoReadingView *self,
             guint            node)
{
  GtkTextMark *mark = sodo_reading_view_get_node_mark (self, node);

  if (mark != NULL)
    gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), mark, 0.0, TRUE, 0.0, 0.0);
  self->settle_node = node;
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
}

void
sodo_reading_view_scroll_to_node (SodoReadingView *self,
                                  guint            node,
                                  gboolean         flash)
{
  GtkTextBuffer *buffer;
  GtkTextMark *mark;
  GtkTextIter start;
  GtkTextIter end;

  g_return_if_fail (SODO_IS_READING_VIEW (self));

  mark = sodo_reading_view_get_node_mark (self, node);
  if (mark == NULL)
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_mark (buffer, &start, mark);
  gtk_text_buffer_place_cursor (buffer, &start);
  keep_at_top (self, node);

  if (!flash)
    return;
  if (self->flash_id != 0)
    end_flash_cb (self);
  get_node_range (self, node, &start, &end);
  gtk_text_buffer_apply_tag (buffer, self->tags.flash, &start, &end);
  self->flash_node = node;
  self->flash_id = g_timeout_add (FLASH_MS, end_flash_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sodo_reading_view_set_highlighted (SodoReadingView *self,
                                   const guint     *nodes,
                                   guint            n_nodes)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  g_return_if_fail (SODO_IS_READING_VIEW (self));
  g_return_if_fail (nodes != NULL || n_nodes == 0);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->tags.highlight, &start, &end);
  g_array_set_size (self->highlighted, 0);

  for (guint i = 0; i < n_nodes; i++)
    {
      if (nodes[i] >= self->marks->len)
        continue;
      get_node_range (self, nodes[i], &start, &end);
      gtk_text_buffer_apply_tag (buffer, self->tags.highlight, &start, &end);
      g_array_append_val (self->highlighted, nodes[i]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
sodo_reading_view_get_n_fallbacks (SodoReadingView *self)
{
  g_return_val_if_fail (SODO_IS_READING_VIEW (self), 0);

  return self->n_fallbacks;
}

const char *
sodo_reading_view_get_fallback_language (SodoReadingView *self)
{
  g_return_val_if_fail (SODO_IS_READING_VIEW (self), NULL);

  return self->fallback_language;
}

gboolean
sodo_reading_view_get_fallbacks_marked (SodoReadingView *self)
{
  g_return_val_if_fail (SODO_IS_READING_VIEW (self), FALSE);

  return self->fallbacks_marked;
}

void
_sodo_reading_view_emit_link (SodoReadingView *self,
                              const char      *target_id)
{
  g_signal_emit (self, signals[LINK_ACTIVATED], 0, target_id);
}

/* A band behind @node and what it holds, across the text column, with a bar on its left:
 * painted rather than a paragraph background, which would start at each indented line's
 * own margin and leave a ragged edge. */
static void
snapshot_band (SodoReadingView    *self,
               GtkSnapshot        *snapshot,
               guint               node,
               const GdkRectangle *visible,
               const GdkRGBA      *color)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRGBA bar = { color->red, color->green, color->blue, 0.9f };
  GskRoundedRect rounded;
  graphene_rect_t bounds;
  GtkTextIter start;
  GtkTextIter end;
  int top;
  int bottom;
  int height;
  int x;

  get_node_range (self, node, &start, &end);
  if (gtk_text_iter_compare (&end, &start) > 0)
    gtk_text_iter_backward_char (&end);
  gtk_text_view_get_line_yrange (view, &start, &top, &height);
  gtk_text_view_get_line_yrange (view, &end, &bottom, &height);
  bottom += height;
  if (bottom < visible->y || top > visible->y + visible->height)
    return;

  x = SODO_READING_VIEW_MARGIN / 2;
  graphene_rect_init (&bounds, x, top, gtk_widget_get_width (GTK_WIDGET (self)) - 2 * x,
                      bottom - top);
  gsk_rounded_rect_init_from_rect (&rounded, &bounds, 6);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &bounds);
  graphene_rect_init (&bounds, x, top, 3, bottom - top);
  gtk_snapshot_append_color (snapshot, &bar, &bounds);
  gtk_snapshot_pop (snapshot);
}

static void
sodo_reading_view_snapshot_layer (GtkTextView      *view,
                                  GtkTextViewLayer  layer,
                                  GtkSnapshot      *snapshot)
{
  SodoReadingView *self = SODO_READING_VIEW (view);
  const GdkRGBA highlight = { 0.21f, 0.52f, 0.89f, 0.10f };
  const GdkRGBA flash = { 0.21f, 0.52f, 0.89f, 0.28f };
  GdkRectangle visible;

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT || self->regulation == NULL)
    return;

  gtk_text_view_get_visible_rect (view, &visible);
  for (guint i = 0; i < self->highlighted->len; i++)
    snapshot_band (self, snapshot, g_array_index (self->highlighted, guint, i), &visible,
                   &highlight);
  if (self->flash_node < self->marks->len)
    snapshot_band (self, snapshot, self->flash_node, &visible, &flash);
}

static void
sodo_reading_view_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sodo_reading_view_parent_class)->css_changed (widget, change);

  /* The font may have changed: the indents and the line length follow it. */
  update_sizes (SODO_READING_VIEW (widget));
}

static void
sodo_reading_view_dispose (GObject *object)
{
  SodoReadingView *self = SODO_READING_VIEW (object);

  g_clear_handle_id (&self->flash_id, g_source_remove);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_object (&self->regulation);
  g_clear_object (&self->orgchart);

  G_OBJECT_CLASS (sodo_reading_view_parent_class)->dispose (object);
}

static void
sodo_reading_view_finalize (GObject *object)
{
  SodoReadingView *self = SODO_READING_VIEW (object);

  g_clear_pointer (&self->marks, g_ptr_array_unref);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_clear_pointer (&self->highlighted, g_array_unref);

  G_OBJECT_CLASS (sodo_reading_view_parent_class)->finalize (object);
}

static void
sodo_reading_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SodoReadingView *self = SODO_READING_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;

    case PROP_READING_WIDTH:
      g_value_set_int (value, self->reading_width);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_reading_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SodoReadingView *self = SODO_READING_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXT_SCALE:
      sodo_reading_view_set_text_scale (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_reading_view_class_init (SodoReadingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sodo_reading_view_dispose;
  object_class->finalize = sodo_reading_view_finalize;
  object_class->get_property = sodo_reading_view_get_property;
  object_class->set_property = sodo_reading_view_set_property;

  widget_class->css_changed = sodo_reading_view_css_changed;
  GTK_TEXT_VIEW_CLASS (klass)->snapshot_layer = sodo_reading_view_snapshot_layer;

  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL,
                         SODO_READING_VIEW_MIN_SCALE, SODO_READING_VIEW_MAX_SCALE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READING_WIDTH] =
    g_param_spec_int ("reading-width", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SodoReadingView::link-activated:
   * @target_id: the unit id or kind id a chip names
   */
  signals[LINK_ACTIVATED] =
    g_signal_new ("link-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sodo_reading_view_init (SodoReadingView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);

  self->marks = g_ptr_array_new_with_free_func (g_object_unref);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (int));
  self->highlighted = g_array_new (FALSE, FALSE, sizeof (guint));
  self->flash_node = SODO_NO_INDEX;
  self->text_scale = 1.0;

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, FALSE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (view, SODO_READING_VIEW_MARGIN);
  gtk_text_view_set_right_margin (view, SODO_READING_VIEW_MARGIN);
  gtk_text_view_set_top_margin (view, SODO_READING_VIEW_MARGIN);
  gtk_text_view_set_bottom_margin (view, 3 * SODO_READING_VIEW_MARGIN);
  gtk_text_view_set_pixels_below_lines (view, 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "sodo-reading-view");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Regulation text"), -1);

  _sodo_reading_view_create_tags (self);
  update_sizes (self);
}
