/* sodo-chart-view-input.c: how the chart view turns input into navigation
 *
 * Pointer and touch: a click selects, a double click collapses or expands, a drag pans,
 * scrolling pans (Ctrl+scroll zooms around the pointer), a pinch zooms, a secondary click
 * or a long press opens the context menu. Keys: arrows move the selection along the tree,
 * Home goes to the root, Enter or Space collapses or expands, + - 0 zoom, Menu opens the
 * context menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sodo-chart-view-private.h"

/* Pixels panned by one notch of a mouse wheel. */
#define WHEEL_PAN_STEP 64.0
/* Zoom factor of one notch of Ctrl+wheel. */
#define WHEEL_ZOOM_STEP 1.15
/* Zoom per pixel of smooth Ctrl+scroll (touchpads report pixels). */
#define SMOOTH_ZOOM_RATE 0.01

/* ---- Tree moves ---- */

static guint
previous_sibling (SodoOrgchart *chart,
                  guint         unit)
{
  const SodoUnit *record = sodo_orgchart_get_unit (chart, unit);
  guint previous = SODO_NO_INDEX;

  if (record->parent == SODO_NO_INDEX)
    return SODO_NO_INDEX;

  for (guint child = sodo_orgchart_get_unit (chart, record->parent)->first_child;
       child != SODO_NO_INDEX && child != unit;
       child = sodo_orgchart_get_unit (chart, child)->next_sibling)
    previous = child;

  return previous;
}

guint
_sodo_chart_view_find_move (SodoChartView *self,
                            guint          unit,
                            SodoChartMove  move)
{
  const SodoUnit *record;

  if (self->orgchart == NULL)
    return SODO_NO_INDEX;
  if (move == _SODO_CHART_MOVE_ROOT || unit == SODO_NO_INDEX)
    return sodo_orgchart_get_root (self->orgchart);

  record = sodo_orgchart_get_unit (self->orgchart, unit);
  switch (move)
    {
    case _SODO_CHART_MOVE_PARENT:
      return record->parent;
    case _SODO_CHART_MOVE_FIRST_CHILD:
      return record->first_child;
    case _SODO_CHART_MOVE_PREVIOUS_SIBLING:
      return previous_sibling (self->orgchart, unit);
    case _SODO_CHART_MOVE_NEXT_SIBLING:
      return record->next_sibling;
    case _SODO_CHART_MOVE_ROOT:
    default:
      return sodo_orgchart_get_root (self->orgchart);
    }
}

void
_sodo_chart_view_move_selection (SodoChartView *self,
                                 SodoChartMove  move)
{
  guint from = self->selected_unit;
  guint to;

  if (self->scene == NULL)
    return;

  /* With nothing selected, any move starts at the top. */
  if (from == SODO_NO_INDEX)
    move = _SODO_CHART_MOVE_ROOT;

  to = _sodo_chart_view_find_move (self, from, move);
  if (to == SODO_NO_INDEX)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  /* Going down into a collapsed unit opens it, as in a tree list. */
  if (move == _SODO_CHART_MOVE_FIRST_CHILD && sodo_chart_scene_get_collapsed (self->scene, from))
    sodo_chart_view_set_collapsed (self, from, FALSE);

  _sodo_chart_view_set_selected (self, to);
  _sodo_chart_view_scroll_to_selected (self);
}

/* Arrow keys follow the picture: in left-right, the parent is to the left, the children
 * to the right and the siblings above and below. */
static SodoChartMove
move_for_key (SodoChartView *self,
              guint          keyval)
{
  gboolean left_right = self->orientation == SODO_LAYOUT_LEFT_RIGHT;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return left_right ? _SODO_CHART_MOVE_PREVIOUS_SIBLING : _SODO_CHART_MOVE_PARENT;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return left_right ? _SODO_CHART_MOVE_NEXT_SIBLING : _SODO_CHART_MOVE_FIRST_CHILD;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return left_right ? _SODO_CHART_MOVE_PARENT : _SODO_CHART_MOVE_PREVIOUS_SIBLING;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return left_right ? _SODO_CHART_MOVE_FIRST_CHILD : _SODO_CHART_MOVE_NEXT_SIBLING;
    default:
      return _SODO_CHART_MOVE_ROOT;
    }
}

static gboolean
arrow_key_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  SodoChartView *self = SODO_CHART_VIEW (widget);

  _sodo_chart_view_move_selection (self, move_for_key (self, g_variant_get_uint32 (args)));
  return TRUE;
}

static gboolean
home_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  _sodo_chart_view_move_selection (SODO_CHART_VIEW (widget), _SODO_CHART_MOVE_ROOT);
  return TRUE;
}

static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  SodoChartView *self = SODO_CHART_VIEW (widget);
  SodoLayoutRect rect;
  double x = gtk_widget_get_width (widget) / 2.0;
  double y = gtk_widget_get_height (widget) / 2.0;

  if (self->scene == NULL)
    return FALSE;

  /* Below the selected card when there is one in sight. */
  if (self->selected_unit != SODO_NO_INDEX
      && sodo_chart_scene_get_unit_rect (self->scene, self->selected_unit, &rect))
    {
      SodoChartRect area;

      _sodo_chart_view_get_visible_area (self, &area);
      x = CLAMP ((rect.x + rect.width / 2 - area.x) * self->zoom, 0, gtk_widget_get_width (widget));
      y = CLAMP ((rect.y + rect.height - area.y) * self->zoom, 0, gtk_widget_get_height (widget));
    }

  _sodo_chart_view_popup_menu (self, x, y);
  return TRUE;
}

static void
add_arrow_binding (GtkWidgetClass *widget_class,
                   guint           keyval)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, arrow_key_cb, "u", keyval);
}

static void
add_key_bindings (GtkWidgetClass *widget_class)
{
  static const guint arrows[] = {
    GDK_KEY_Up, GDK_KEY_KP_Up, GDK_KEY_Down, GDK_KEY_KP_Down,
    GDK_KEY_Left, GDK_KEY_KP_Left, GDK_KEY_Right, GDK_KEY_KP_Right,
  };
  static const struct {
    guint           keyval;
    GdkModifierType modifiers;
    const char     *action;
  } action_keys[] = {
    { GDK_KEY_plus, 0, "chart.zoom-in" },
    { GDK_KEY_equal, 0, "chart.zoom-in" },
    { GDK_KEY_KP_Add, 0, "chart.zoom-in" },
    { GDK_KEY_plus, GDK_CONTROL_MASK, "chart.zoom-in" },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "chart.zoom-in" },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "chart.zoom-in" },
    { GDK_KEY_minus, 0, "chart.zoom-out" },
    { GDK_KEY_KP_Subtract, 0, "chart.zoom-out" },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "chart.zoom-out" },
    { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "chart.zoom-out" },
    { GDK_KEY_0, 0, "chart.zoom-reset" },
    { GDK_KEY_KP_0, 0, "chart.zoom-reset" },
    { GDK_KEY_0, GDK_CONTROL_MASK, "chart.zoom-reset" },
    { GDK_KEY_1, 0, "chart.zoom-fit" },
    { GDK_KEY_Return, 0, "chart.toggle-collapsed" },
    { GDK_KEY_KP_Enter, 0, "chart.toggle-collapsed" },
    { GDK_KEY_ISO_Enter, 0, "chart.toggle-collapsed" },
    { GDK_KEY_space, 0, "chart.toggle-collapsed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    add_arrow_binding (widget_class, arrows[i]);
  for (guint i = 0; i < G_N_ELEMENTS (action_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, action_keys[i].keyval,
                                         action_keys[i].modifiers, action_keys[i].action, NULL);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, home_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Home, 0, home_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_key_cb, NULL);
}

/* ---- Context menu ---- */

static GMenuModel *
create_context_menu_model (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) tree = g_menu_new ();
  g_autoptr(GMenu) unit = g_menu_new ();

  g_menu_append (tree, _("_Expand All Below"), "chart.expand-below");
  g_menu_append (tree, _("_Collapse All Below"), "chart.collapse-below");
  g_menu_append (unit, _("C_entre"), "chart.center");
  g_menu_append (unit, _("_Zoom to Unit"), "chart.zoom-selection");
  g_menu_append (unit, _("Copy _Name"), "chart.copy-name");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (tree));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (unit));

  return G_MENU_MODEL (menu);
}

void
_sodo_chart_view_popup_menu (SodoChartView *self,
                             double         widget_x,
                             double         widget_y)
{
  if (self->scene == NULL)
    return;

  if (self->context_menu == NULL)
    {
      g_autoptr(GMenuModel) model = create_context_menu_model ();

      self->context_menu = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) widget_x, (int) widget_y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* ---- Pointer ---- */

static guint
unit_at (SodoChartView *self,
         double         widget_x,
         double         widget_y)
{
  double chart_x;
  double chart_y;

  if (self->scene == NULL)
    return SODO_NO_INDEX;

  _sodo_chart_view_widget_to_chart (self, widget_x, widget_y, &chart_x, &chart_y);
  return sodo_chart_scene_unit_at (self->scene, chart_x, chart_y);
}

static void
on_click_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     SodoChartView   *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  guint unit = unit_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (button == GDK_BUTTON_SECONDARY)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      if (unit != SODO_NO_INDEX)
        _sodo_chart_view_set_selected (self, unit);
      _sodo_chart_view_popup_menu (self, x, y);
      return;
    }

  /* The second press of a double click opens or closes the unit the first one selected. */
  if (n_press == 2 && unit != SODO_NO_INDEX && unit == self->selected_unit)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      _sodo_chart_view_toggle_collapsed (self, unit);
    }
}

/* Selection happens on release, so that a press that starts a drag does not select. */
static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      SodoChartView   *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button != GDK_BUTTON_PRIMARY || n_press != 1 || self->dragging)
    return;

  _sodo_chart_view_set_selected (self, unit_at (self, x, y));
}

static void
on_long_press_cb (GtkGestureLongPress *gesture,
                  double               x,
                  double               y,
                  SodoChartView       *self)
{
  guint unit = unit_at (self, x, y);

  if (unit != SODO_NO_INDEX)
    _sodo_chart_view_set_selected (self, unit);
  _sodo_chart_view_popup_menu (self, x, y);
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          start_x,
                  double          start_y,
                  SodoChartView  *self)
{
  self->drag_center_x = self->center_x;
  self->drag_center_y = self->center_y;
  self->dragging = FALSE;
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          offset_x,
                   double          offset_y,
                   SodoChartView  *self)
{
  int threshold = 8;

  if (self->scene == NULL)
    return;

  /* Small jitters of a click are not a drag. */
  if (!self->dragging)
    {
      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                    "gtk-dnd-drag-threshold", &threshold, NULL);
      if (hypot (offset_x, offset_y) < threshold)
        return;
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  _sodo_chart_view_set_transform (self, self->zoom,
                                  self->drag_center_x - offset_x / self->zoom,
                                  self->drag_center_y - offset_y / self->zoom);
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                SodoChartView  *self)
{
  /* A drag that claimed its sequence has cancelled the click gesture: no release to
   * guard against anymore. */
  self->dragging = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
on_drag_cancel_cb (GtkGesture       *gesture,
                   GdkEventSequence *sequence,
                   SodoChartView    *self)
{
  self->dragging = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              SodoChartView            *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  if (!self->dragging)
    _sodo_chart_view_set_hover (self, unit_at (self, x, y));
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             SodoChartView            *self)
{
  self->pointer_inside = FALSE;
  _sodo_chart_view_set_hover (self, SODO_NO_INDEX);
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              SodoChartView            *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double x = self->pointer_inside ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = self->pointer_inside ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (self->scene == NULL)
    return FALSE;

  if (state & GDK_CONTROL_MASK)
    {
      double factor = wheel ? pow (WHEEL_ZOOM_STEP, -dy) : exp (-dy * SMOOTH_ZOOM_RATE);

      _sodo_chart_view_zoom_around (self, factor, x, y);
      return TRUE;
    }

  if (wheel)
    {
      dx *= WHEEL_PAN_STEP;
      dy *= WHEEL_PAN_STEP;
    }
  /* Shift turns a plain wheel sideways. */
  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }

  _sodo_chart_view_set_transform (self, self->zoom,
                                  self->center_x + dx / self->zoom,
                                  self->center_y + dy / self->zoom);
  return TRUE;
}

static void
on_zoom_begin_cb (GtkGesture       *gesture,
                  GdkEventSequence *sequence,
                  SodoChartView    *self)
{
  double x;
  double y;

  if (!gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    return;

  _sodo_chart_view_stop_animation (self);
  self->pinch_zoom = self->zoom;
  _sodo_chart_view_widget_to_chart (self, x, y, &self->pinch_chart_x, &self->pinch_chart_y);
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_zoom_scale_changed_cb (GtkGestureZoom *gesture,
                          double          scale,
                          SodoChartView  *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double x;
  double y;
  double zoom;

  if (self->scene == NULL
      || !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;

  /* The chart point that was under the fingers follows them: a pinch also pans. */
  zoom = self->pinch_zoom * scale;
  _sodo_chart_view_set_transform (self, zoom,
                                  self->pinch_chart_x - (x - width / 2) / zoom,
                                  self->pinch_chart_y - (y - height / 2) / zoom);
}

static gboolean
query_tooltip_cb (GtkWidget     *widget,
                  int            x,
                  int            y,
                  gboolean       keyboard_mode,
                  GtkTooltip    *tooltip,
                  SodoChartView *self)
{
  g_autofree char *text = NULL;
  guint unit = keyboard_mode ? self->selected_unit : unit_at (self, x, y);

  if (unit == SODO_NO_INDEX || self->orgchart == NULL)
    return FALSE;

  /* Names are cut to three lines on a card, and vanish when zoomed out: the tooltip has
   * them whole. */
  text = _sodo_chart_view_describe_unit (self, unit);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
_sodo_chart_view_class_init_input (GtkWidgetClass *widget_class)
{
  add_key_bindings (widget_class);
}

void
_sodo_chart_view_init_input (SodoChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_press_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (long_press));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));

  g_signal_connect (motion, "enter", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (widget, motion);

  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (widget, scroll);

  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
}
