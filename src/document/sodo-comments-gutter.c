/* sodo-comments-gutter.c: comment markers beside the reading view's text
 *
 * The markers are drawn each frame from the view's own line positions, so they follow the
 * text through scrolling, text size changes and rewrapping without being told.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sodo-comments-gutter.h"
#include "sodo-comments-panel.h"
#include "sodo-document-private.h"

#define GUTTER_WIDTH   48
#define BUBBLE_HEIGHT  18
#define BUBBLE_RADIUS  6
#define BUBBLE_X       8
#define ICON_SIZE      16

struct _SodoCommentsGutter
{
  GtkWidget               parent_instance;

  SodoReadingView        *view;          /* weak: the view owns the gutter */
  SodoCommentsController *controller;
  GtkAdjustment          *vadjustment;
  guint                   hovered_node;
};

G_DEFINE_FINAL_TYPE (SodoCommentsGutter, sodo_comments_gutter, GTK_TYPE_WIDGET)

enum {
  SHOW_COMMENTS,
  ADD_COMMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

guint
sodo_comments_gutter_get_count (SodoCommentsGutter *self,
                                guint               node)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_GUTTER (self), 0);

  return self->controller != NULL
         ? sodo_comments_controller_count_on_node (self->controller, node) : 0;
}

guint
sodo_comments_gutter_get_hovered_node (SodoCommentsGutter *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_GUTTER (self), SODO_NO_INDEX);

  return self->hovered_node;
}

/* The node whose text holds the line at buffer height @buffer_y. */
static guint
node_at_buffer_y (SodoCommentsGutter *self,
                  int                 buffer_y)
{
  GtkTextIter iter;
  int line_top = 0;

  if (self->view == NULL || sodo_reading_view_get_regulation (self->view) == NULL)
    return SODO_NO_INDEX;

  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (self->view), &iter, buffer_y, &line_top);
  return sodo_reading_view_get_node_at_offset (self->view, gtk_text_iter_get_offset (&iter));
}

guint
sodo_comments_gutter_get_node_at_y (SodoCommentsGutter *self,
                                    double              y)
{
  int buffer_x;
  int buffer_y;

  g_return_val_if_fail (SODO_IS_COMMENTS_GUTTER (self), SODO_NO_INDEX);

  if (self->view == NULL)
    return SODO_NO_INDEX;
  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->view), GTK_TEXT_WINDOW_RIGHT, 0,
                                         (int) y, &buffer_x, &buffer_y);
  return node_at_buffer_y (self, buffer_y);
}

/* Where the first line of @node is, in the gutter's coordinates. */
static gboolean
get_node_line (SodoCommentsGutter *self,
               guint               node,
               int                *y,
               int                *height)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->view);
  GtkTextMark *mark = sodo_reading_view_get_node_mark (self->view, node);
  GtkTextIter iter;
  int window_x;
  int buffer_y;

  if (mark == NULL)
    return FALSE;

  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (view), &iter, mark);
  gtk_text_view_get_line_yrange (view, &iter, &buffer_y, height);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_RIGHT, 0, buffer_y, &window_x, y);

  return TRUE;
}

/* GTK 4.10 reads a widget's colour directly; before it, through its style context. */
static void
get_color (GtkWidget *widget,
           GdkRGBA   *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

/* A rounded speech bubble with the count in it. */
static void
draw_bubble (SodoCommentsGutter *self,
             cairo_t            *cr,
             double              line_y,
             double              line_height,
             guint               count,
             gboolean            hovered)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoRectangle ink;
  PangoRectangle logical;
  GdkRGBA color;
  double y = line_y + MAX (0, (line_height - BUBBLE_HEIGHT) / 2);
  double width;

  pango_layout_get_pixel_extents (layout, &ink, &logical);
  width = MAX (BUBBLE_HEIGHT + 4, logical.width + 12);
  get_color (GTK_WIDGET (self), &color);

  /* The body, then the tail at its lower left, pointing at the text. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, BUBBLE_X + width - BUBBLE_RADIUS, y + BUBBLE_RADIUS, BUBBLE_RADIUS, -G_PI_2, 0);
  cairo_arc (cr, BUBBLE_X + width - BUBBLE_RADIUS, y + BUBBLE_HEIGHT - BUBBLE_RADIUS,
             BUBBLE_RADIUS, 0, G_PI_2);
  cairo_line_to (cr, BUBBLE_X + 4, y + BUBBLE_HEIGHT);
  cairo_line_to (cr, BUBBLE_X - 4, y + BUBBLE_HEIGHT + 4);
  cairo_line_to (cr, BUBBLE_X, y + BUBBLE_HEIGHT - BUBBLE_RADIUS);
  cairo_arc (cr, BUBBLE_X + BUBBLE_RADIUS, y + BUBBLE_RADIUS, BUBBLE_RADIUS, G_PI, 3 * G_PI_2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, hovered ? 1.0 : 0.85);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, BUBBLE_X + (width - logical.width) / 2.0,
                 y + (BUBBLE_HEIGHT - logical.height) / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* The button to comment on the node under the pointer. */
static void
snapshot_add_button (SodoCommentsGutter *self,
                     GtkSnapshot        *snapshot,
                     int                 line_y,
                     int                 line_height)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GtkIconPaintable) icon = NULL;
  GdkRGBA color;
  double y = line_y + MAX (0, (line_height - ICON_SIZE) / 2);

  icon = gtk_icon_theme_lookup_icon (theme, "chat-message-new-symbolic", NULL, ICON_SIZE,
                                     gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                     gtk_widget_get_direction (GTK_WIDGET (self)), 0);
  get_color (GTK_WIDGET (self), &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (BUBBLE_X, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, ICON_SIZE,
                                            ICON_SIZE, &color, 1);
  gtk_snapshot_restore (snapshot);
}

/* The first and last node with a line in sight. */
static void
get_visible_nodes (SodoCommentsGutter *self,
                   guint              *first,
                   guint              *last)
{
  GdkRectangle visible;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self->view), &visible);
  *first = node_at_buffer_y (self, visible.y);
  *last = node_at_buffer_y (self, visible.y + visible.height);
  if (*first == SODO_NO_INDEX)
    *first = 0;
}

static void
sodo_comments_gutter_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  SodoCommentsGutter *self = SODO_COMMENTS_GUTTER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean hovered_has_bubble = FALSE;
  cairo_t *cr;
  guint first;
  guint last;

  if (self->view == NULL || self->controller == NULL
      || sodo_reading_view_get_regulation (self->view) == NULL)
    return;

  get_visible_nodes (self, &first, &last);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint node = first; node <= last && last != SODO_NO_INDEX; node++)
    {
      guint count = sodo_comments_controller_count_on_node (self->controller, node);
      int y;
      int line_height;

      if (count == 0 || !get_node_line (self, node, &y, &line_height))
        continue;
      draw_bubble (self, cr, y, line_height, count, node == self->hovered_node);
      hovered_has_bubble |= node == self->hovered_node;
    }
  cairo_destroy (cr);

  if (self->hovered_node != SODO_NO_INDEX && !hovered_has_bubble
      && sodo_comments_controller_get_editable (self->controller))
    {
      int y;
      int line_height;

      if (get_node_line (self, self->hovered_node, &y, &line_height))
        snapshot_add_button (self, snapshot, y, line_height);
    }
}

static void
sodo_comments_gutter_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? GUTTER_WIDTH : 0;
}

/* Input */

static void
set_hovered_node (SodoCommentsGutter *self,
                  guint               node)
{
  if (self->hovered_node == node)
    return;

  self->hovered_node = node;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_view_motion_cb (GtkEventControllerMotion *motion,
                   double                    x,
                   double                    y,
                   SodoCommentsGutter       *self)
{
  int buffer_x;
  int buffer_y;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->view), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &buffer_x, &buffer_y);
  set_hovered_node (self, node_at_buffer_y (self, buffer_y));
}

static void
on_view_leave_cb (GtkEventControllerMotion *motion,
                  SodoCommentsGutter       *self)
{
  set_hovered_node (self, SODO_NO_INDEX);
}

static void
on_pressed_cb (GtkGestureClick    *gesture,
               int                 n_press,
               double              x,
               double              y,
               SodoCommentsGutter *self)
{
  guint node = sodo_comments_gutter_get_node_at_y (self, y);

  if (node == SODO_NO_INDEX || self->controller == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (sodo_comments_controller_count_on_node (self->controller, node) > 0)
    g_signal_emit (self, signals[SHOW_COMMENTS], 0, node);
  else if (sodo_comments_controller_get_editable (self->controller))
    g_signal_emit (self, signals[ADD_COMMENT], 0, node);
}

static gboolean
on_query_tooltip_cb (GtkWidget          *widget,
                     int                 x,
                     int                 y,
                     gboolean            keyboard,
                     GtkTooltip         *tooltip,
                     SodoCommentsGutter *self)
{
  guint node = sodo_comments_gutter_get_node_at_y (self, y);
  g_autofree char *place = NULL;
  g_autofree char *text = NULL;
  guint count;

  if (node == SODO_NO_INDEX || self->controller == NULL)
    return FALSE;

  place = sodo_regulation_dup_reference (sodo_reading_view_get_regulation (self->view), node,
                                         FALSE);
  count = sodo_comments_controller_count_on_node (self->controller, node);
  if (count > 0)
    /* Translators: the tooltip of a comment marker; %s names the provision */
    text = g_strdup_printf (ngettext ("%u comment on %s: click to see it",
                                      "%u comments on %s: click to see them", count),
                            count, place);
  else if (sodo_comments_controller_get_editable (self->controller))
    /* Translators: the tooltip of the button beside the text; %s names the provision */
    text = g_strdup_printf (_("Comment on %s (Ctrl+Alt+M)"), place);
  else
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Following the view */

static void
queue_redraw (SodoCommentsGutter *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_vadjustment (SodoCommentsGutter *self,
                 GtkAdjustment      *vadjustment)
{
  if (self->vadjustment == vadjustment)
    return;

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_set_object (&self->vadjustment, vadjustment);
  /* Lines move when the text scrolls, and when their heights become known ("changed"). */
  if (vadjustment != NULL)
    {
      g_signal_connect_swapped (vadjustment, "value-changed", G_CALLBACK (queue_redraw), self);
      g_signal_connect_swapped (vadjustment, "changed", G_CALLBACK (queue_redraw), self);
    }
}

static void
on_vadjustment_changed_cb (SodoCommentsGutter *self)
{
  if (self->view != NULL)
    set_vadjustment (self, gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view)));
}

static void
sodo_comments_gutter_dispose (GObject *object)
{
  SodoCommentsGutter *self = SODO_COMMENTS_GUTTER (object);

  set_vadjustment (self, NULL);
  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  g_clear_object (&self->controller);
  g_clear_weak_pointer (&self->view);

  G_OBJECT_CLASS (sodo_comments_gutter_parent_class)->dispose (object);
}

static void
sodo_comments_gutter_class_init (SodoCommentsGutterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sodo_comments_gutter_dispose;
  widget_class->snapshot = sodo_comments_gutter_snapshot;
  widget_class->measure = sodo_comments_gutter_measure;

  /**
   * SodoCommentsGutter::show-comments:
   * @node: the node whose marker was clicked
   */
  signals[SHOW_COMMENTS] =
    g_signal_new ("show-comments", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * SodoCommentsGutter::add-comment:
   * @node: the node whose comment button was clicked
   */
  signals[ADD_COMMENT] =
    g_signal_new ("add-comment", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "sodo-comments-gutter");
}

static void
sodo_comments_gutter_init (SodoCommentsGutter *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->hovered_node = SODO_NO_INDEX;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

SodoCommentsGutter *
sodo_comments_gutter_attach (SodoReadingView        *view,
                             SodoCommentsController *controller)
{
  SodoCommentsGutter *self;
  GtkEventController *motion;

  g_return_val_if_fail (SODO_IS_READING_VIEW (view), NULL);
  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (controller), NULL);

  self = g_object_new (SODO_TYPE_COMMENTS_GUTTER, NULL);
  _sodo_comments_ensure_style (gtk_widget_get_display (GTK_WIDGET (view)));
  g_set_weak_pointer (&self->view, view);
  self->controller = g_object_ref (controller);
  g_signal_connect_swapped (controller, "counts-changed", G_CALLBACK (queue_redraw), self);
  g_signal_connect_swapped (controller, "notify::editable", G_CALLBACK (queue_redraw), self);

  /* The pointer over the text (or over the gutter, which is in the view) picks the node. */
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_view_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_view_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (view), motion);

  g_signal_connect_object (view, "notify::vadjustment", G_CALLBACK (on_vadjustment_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::text-scale", G_CALLBACK (queue_redraw), self,
                           G_CONNECT_SWAPPED);
  on_vadjustment_changed_cb (self);

  gtk_text_view_set_gutter (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_RIGHT, GTK_WIDGET (self));

  return self;
}
