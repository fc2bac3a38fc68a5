/* sodo-chart-view.c: the interactive org chart: the widget, drawing, selection, actions
 *
 * The view transform and its animation are in sodo-chart-view-transform.c, the view state
 * in sodo-chart-view-state.c, input (pointer, touch, keys, the context menu) in
 * sodo-chart-view-input.c, the overview in sodo-chart-minimap.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "render/sodo-chart-palette.h"

#include "sodo-chart-minimap.h"
#include "sodo-chart-view-private.h"

G_DEFINE_FINAL_TYPE (SodoChartView, sodo_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ORGCHART,
  PROP_SELECTED_UNIT,
  PROP_ZOOM,
  PROP_ORIENTATION,
  PROP_COMPACT,
  PROP_SHOW_RELATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Space between the overview and the view's corner, in pixels. */
#define MINIMAP_MARGIN 12
/* The overview is left out of views smaller than this: it would cover too much. */
#define MINIMAP_MIN_VIEW_WIDTH  360
#define MINIMAP_MIN_VIEW_HEIGHT 280

/* ---- Types ---- */

GType
sodo_chart_orientation_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { SODO_LAYOUT_TOP_DOWN, "SODO_LAYOUT_TOP_DOWN", "top-down" },
        { SODO_LAYOUT_LEFT_RIGHT, "SODO_LAYOUT_LEFT_RIGHT", "left-right" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("SodoChartOrientation"),
                                           values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

void
_sodo_chart_view_notify_zoom (SodoChartView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* ---- Drawing ---- */

void
_sodo_chart_view_init_params (SodoChartView    *self,
                              SodoRenderParams *params)
{
  sodo_render_params_init (params);
  params->palette = self->dark ? sodo_chart_palette_dark () : sodo_chart_palette_light ();
  params->paint_background = TRUE;
  params->show_relations = self->show_relations;
  params->subdue_relations = TRUE;
  params->selected_unit = self->selected_unit;
  params->hover_unit = self->hover_unit;
  params->matches = self->matches;
}

static void
sodo_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  SodoChartView *self = SODO_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  SodoRenderParams params;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->scene == NULL)
    return;

  _sodo_chart_view_init_params (self, &params);
  _sodo_chart_view_get_visible_area (self, &params.area);
  params.scale = self->zoom;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  sodo_chart_render (self->scene, cr, &params);
  cairo_destroy (cr);

  /* The context menu is a popover: it draws on its own surface. */
  if (self->minimap != NULL && gtk_widget_get_visible (self->minimap))
    gtk_widget_snapshot_child (widget, self->minimap, snapshot);
}

/* ---- Size ---- */

static void
sodo_chart_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* Any size works: the chart pans and zooms. The natural size is a comfortable window. */
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480;
}

gboolean
_sodo_chart_view_needs_minimap (SodoChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  SodoLayoutRect bounds;

  if (!_sodo_chart_view_get_bounds (self, &bounds) || width < MINIMAP_MIN_VIEW_WIDTH
      || height < MINIMAP_MIN_VIEW_HEIGHT)
    return FALSE;

  /* Hidden when everything fits (a pixel of slack for rounding). */
  return bounds.width * self->zoom > width + 1 || bounds.height * self->zoom > height + 1;
}

static void
allocate_minimap (SodoChartView *self,
                  int            width,
                  int            height)
{
  int minimap_width;
  int minimap_height;

  gtk_widget_set_child_visible (self->minimap, _sodo_chart_view_needs_minimap (self));
  if (!gtk_widget_get_child_visible (self->minimap))
    return;

  gtk_widget_measure (self->minimap, GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &minimap_width, NULL, NULL);
  gtk_widget_measure (self->minimap, GTK_ORIENTATION_VERTICAL, minimap_width,
                      NULL, &minimap_height, NULL, NULL);
  gtk_widget_size_allocate (self->minimap,
                            &(GtkAllocation) {
                              width - minimap_width - MINIMAP_MARGIN,
                              height - minimap_height - MINIMAP_MARGIN,
                              minimap_width, minimap_height },
                            -1);
}

static void
sodo_chart_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  SodoChartView *self = SODO_CHART_VIEW (widget);

  if (self->scene != NULL && width > 0 && height > 0)
    {
      if (self->pending_state != NULL)
        {
          g_autoptr(SodoChartViewState) state = g_steal_pointer (&self->pending_state);

          _sodo_chart_view_apply_state (self, state);
          self->fit_pending = FALSE;
        }
      else if (self->fit_pending)
        {
          self->fit_pending = FALSE;
          _sodo_chart_view_show_initial (self);
        }
      else if (self->fitted && (width != self->last_width || height != self->last_height))
        {
          if (self->initial_view)
            _sodo_chart_view_show_initial (self);
          else
            _sodo_chart_view_fit (self, FALSE);
        }
      else
        {
          _sodo_chart_view_resized (self, self->last_width, self->last_height);
        }
    }

  self->last_width = width;
  self->last_height = height;
  allocate_minimap (self, width, height);
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

/* ---- Selection and accessibility ---- */

static const char *
kind_name (SodoChartView  *self,
           const SodoUnit *unit)
{
  guint n_kinds = 0;
  const SodoKind *kinds = sodo_orgchart_get_kinds (self->orgchart, &n_kinds);

  if (unit->kind >= n_kinds)
    return "";
  return sodo_orgchart_text (self->orgchart, kinds[unit->kind].name);
}

static const char *
unit_name (SodoChartView *self,
           guint          unit)
{
  const char *name = sodo_orgchart_text (self->orgchart,
                                         sodo_orgchart_get_unit (self->orgchart, unit)->name);

  return name != NULL ? name : "";
}

/* 1-based position of @unit among its parent's children. */
static guint
sibling_position (SodoChartView  *self,
                  const SodoUnit *unit,
                  guint           unit_index)
{
  const SodoUnit *parent = sodo_orgchart_get_unit (self->orgchart, unit->parent);
  guint position = 1;

  for (guint child = parent->first_child; child != SODO_NO_INDEX && child != unit_index;
       child = sodo_orgchart_get_unit (self->orgchart, child)->next_sibling)
    position++;

  return position;
}

char *
_sodo_chart_view_describe_unit (SodoChartView *self,
                                guint          unit_index)
{
  const SodoUnit *unit = sodo_orgchart_get_unit (self->orgchart, unit_index);
  GString *text = g_string_new (NULL);

  if (unit->parent == SODO_NO_INDEX)
    {
      /* TRANSLATORS: the accessible announcement of the chart's top unit: its name, then
       * its kind ("Thành ủy Hà Nội, Party committee, top of the chart"). */
      g_string_append_printf (text, _("%s, %s, top of the chart"),
                              unit_name (self, unit_index), kind_name (self, unit));
    }
  else
    {
      const SodoUnit *parent = sodo_orgchart_get_unit (self->orgchart, unit->parent);

      /* TRANSLATORS: the accessible announcement of a selected unit: its name, its kind,
       * its position among its siblings and the unit above it ("Đảng đoàn HĐND thành phố,
       * Party delegation, 1 of 8 under Các đảng đoàn"). */
      g_string_append_printf (text, _("%s, %s, %u of %u under %s"),
                              unit_name (self, unit_index), kind_name (self, unit),
                              sibling_position (self, unit, unit_index), parent->n_children,
                              unit_name (self, unit->parent));
    }

  if (self->scene != NULL && sodo_chart_scene_get_collapsed (self->scene, unit_index))
    {
      guint hidden = sodo_chart_scene_get_descendant_count (self->scene, unit_index);

      g_string_append (text, ", ");
      /* TRANSLATORS: added to the announcement of a collapsed unit */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "collapsed, %u unit hidden",
                                                 "collapsed, %u units hidden", hidden),
                              hidden);
    }

  return g_string_free (text, FALSE);
}

/* The label says what is selected, so a screen reader announces each move. */
static void
update_accessible_label (SodoChartView *self)
{
  g_autofree char *label = NULL;

  if (self->orgchart == NULL)
    label = g_strdup (_("Org chart"));
  else if (self->selected_unit == SODO_NO_INDEX)
    label = g_strdup_printf (_("Org chart: %s"),
                             sodo_orgchart_text (self->orgchart,
                                                 sodo_orgchart_get_title (self->orgchart)));
  else
    label = _sodo_chart_view_describe_unit (self, self->selected_unit);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
update_actions (SodoChartView *self)
{
  gboolean selected = self->selected_unit != SODO_NO_INDEX;
  gboolean has_children = selected
    && sodo_orgchart_get_unit (self->orgchart, self->selected_unit)->first_child != SODO_NO_INDEX;
  gboolean has_chart = self->scene != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "chart.zoom-in", has_chart);
  gtk_widget_action_set_enabled (widget, "chart.zoom-out", has_chart);
  gtk_widget_action_set_enabled (widget, "chart.zoom-reset", has_chart);
  gtk_widget_action_set_enabled (widget, "chart.zoom-fit", has_chart);
  gtk_widget_action_set_enabled (widget, "chart.zoom-selection", selected);
  gtk_widget_action_set_enabled (widget, "chart.toggle-collapsed", has_children);
  gtk_widget_action_set_enabled (widget, "chart.expand-below", has_children);
  gtk_widget_action_set_enabled (widget, "chart.collapse-below", has_children);
  gtk_widget_action_set_enabled (widget, "chart.center", selected);
  gtk_widget_action_set_enabled (widget, "chart.copy-name", selected);
}

void
_sodo_chart_view_set_selected (SodoChartView *self,
                               guint          unit)
{
  if (self->orgchart == NULL || unit >= sodo_orgchart_get_n_units (self->orgchart))
    unit = SODO_NO_INDEX;

  if (unit != SODO_NO_INDEX && !sodo_chart_scene_is_unit_visible (self->scene, unit))
    sodo_chart_scene_reveal_unit (self->scene, unit);

  if (self->selected_unit == unit)
    return;

  self->selected_unit = unit;
  update_accessible_label (self);
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UNIT]);
}

void
_sodo_chart_view_set_hover (SodoChartView *self,
                            guint          unit)
{
  if (self->hover_unit == unit)
    return;

  self->hover_unit = unit;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_sodo_chart_view_toggle_collapsed (SodoChartView *self,
                                   guint          unit)
{
  g_return_if_fail (self->scene != NULL);

  sodo_chart_view_set_collapsed (self, unit, !sodo_chart_scene_get_collapsed (self->scene, unit));
}

void
sodo_chart_view_set_collapsed (SodoChartView *self,
                               guint          unit,
                               gboolean       collapsed)
{
  SodoChartAnchor anchor;
  gboolean anchored;

  g_return_if_fail (SODO_IS_CHART_VIEW (self));

  if (self->scene == NULL || unit >= sodo_orgchart_get_n_units (self->orgchart))
    return;

  anchored = _sodo_chart_view_anchor_save (self, unit, &anchor);
  sodo_chart_scene_set_collapsed (self->scene, unit, collapsed);
  if (anchored)
    _sodo_chart_view_anchor_restore (self, &anchor);
  if (unit == self->selected_unit)
    update_accessible_label (self);
}

/* Collapses or expands everything below @unit, keeping @unit in place. */
static void
set_subtree_collapsed (SodoChartView *self,
                       guint          unit,
                       gboolean       collapsed)
{
  SodoChartAnchor anchor;
  gboolean anchored;

  anchored = _sodo_chart_view_anchor_save (self, unit, &anchor);
  sodo_chart_scene_set_subtree_collapsed (self->scene, unit, collapsed);
  if (anchored)
    _sodo_chart_view_anchor_restore (self, &anchor);
  update_accessible_label (self);
}

/* ---- Scene ---- */

/* The unit whose card shows @unit: itself, or its collapsed ancestor nearest the root.
 * Found from the collapsed flags alone: asking the scene would lay it out again on every
 * change, and a state restore changes it once per collapsed unit. */
static guint
shown_ancestor (SodoChartView *self,
                guint          unit)
{
  guint shown = unit;

  for (guint up = sodo_orgchart_get_unit (self->orgchart, unit)->parent;
       up != SODO_NO_INDEX;
       up = sodo_orgchart_get_unit (self->orgchart, up)->parent)
    if (sodo_chart_scene_get_collapsed (self->scene, up))
      shown = up;

  return shown;
}

static void
on_scene_changed_cb (SodoChartView  *self,
                     SodoChartScene *scene)
{
  guint shown;

  if (self->minimap != NULL)
    sodo_chart_minimap_invalidate (SODO_CHART_MINIMAP (self->minimap));
  /* The first view reveals the selection itself once it has chosen what to collapse. */
  if (self->applying_initial_view)
    return;
  /* The reader (or the outline, the search, a menu) changed what is collapsed. */
  self->initial_view = FALSE;

  /* A hidden unit can no longer be hovered; a hidden selection moves up to the collapsed
   * unit that hides it, as in a tree list, so that the keys go on from where it shows. */
  if (self->hover_unit != SODO_NO_INDEX
      && shown_ancestor (self, self->hover_unit) != self->hover_unit)
    self->hover_unit = SODO_NO_INDEX;
  if (self->selected_unit != SODO_NO_INDEX
      && (shown = shown_ancestor (self, self->selected_unit)) != self->selected_unit)
    _sodo_chart_view_set_selected (self, shown);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
clear_scene (SodoChartView *self)
{
  if (self->scene != NULL)
    g_signal_handlers_disconnect_by_func (self->scene, on_scene_changed_cb, self);
  g_clear_object (&self->scene);
}

static void
create_scene (SodoChartView *self)
{
  SodoChartSceneOptions options;

  sodo_chart_scene_options_init (&options);
  options.orientation = self->orientation;
  options.compact = self->compact;
  self->scene = sodo_chart_scene_new (self->orgchart, &options);
  g_signal_connect_object (self->scene, "changed",
                           G_CALLBACK (on_scene_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Whether @new_chart is the file @old_chart was loaded from, loaded again. */
static gboolean
is_reload (SodoOrgchart *old_chart,
           SodoOrgchart *new_chart)
{
  GFile *old_file;
  GFile *new_file;

  if (old_chart == NULL || new_chart == NULL)
    return FALSE;

  old_file = sodo_orgchart_get_file (old_chart);
  new_file = sodo_orgchart_get_file (new_chart);
  return old_file != NULL && new_file != NULL && g_file_equal (old_file, new_file);
}

void
sodo_chart_view_set_orgchart (SodoChartView *self,
                              SodoOrgchart  *orgchart)
{
  g_autoptr(SodoChartViewState) kept = NULL;

  g_return_if_fail (SODO_IS_CHART_VIEW (self));
  g_return_if_fail (orgchart == NULL || SODO_IS_ORGCHART (orgchart));

  if (self->orgchart == orgchart)
    return;

  if (is_reload (self->orgchart, orgchart))
    kept = sodo_chart_view_get_view_state (self);

  _sodo_chart_view_stop_animation (self);
  clear_scene (self);
  g_clear_pointer (&self->matches, g_free);
  g_set_object (&self->orgchart, orgchart);
  self->hover_unit = SODO_NO_INDEX;
  self->initial_view = FALSE;
  if (self->selected_unit != SODO_NO_INDEX)
    {
      self->selected_unit = SODO_NO_INDEX;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UNIT]);
    }

  if (orgchart != NULL)
    {
      create_scene (self);
      self->fit_pending = TRUE;
      if (kept != NULL)
        {
          g_clear_pointer (&self->pending_state, sodo_chart_view_state_free);
          self->pending_state = g_steal_pointer (&kept);
        }
    }

  if (self->minimap != NULL)
    sodo_chart_minimap_invalidate (SODO_CHART_MINIMAP (self->minimap));
  update_accessible_label (self);
  update_actions (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGCHART]);
}

/* ---- Public API ---- */

GtkWidget *
sodo_chart_view_new (void)
{
  return g_object_new (SODO_TYPE_CHART_VIEW, NULL);
}

SodoOrgchart *
sodo_chart_view_get_orgchart (SodoChartView *self)
{
  g_return_val_if_fail (SODO_IS_CHART_VIEW (self), NULL);

  return self->orgchart;
}

SodoChartScene *
sodo_chart_view_get_scene (SodoChartView *self)
{
  g_return_val_if_fail (SODO_IS_CHART_VIEW (self), NULL);

  return self->scene;
}

guint
sodo_chart_view_get_selected_unit (SodoChartView *self)
{
  g_return_val_if_fail (SODO_IS_CHART_VIEW (self), SODO_NO_INDEX);

  return self->selected_unit;
}

void
sodo_chart_view_select_unit (SodoChartView *self,
                             guint          unit,
                             gboolean       center)
{
  g_return_if_fail (SODO_IS_CHART_VIEW (self));

  _sodo_chart_view_set_selected (self, unit);
  if (center && self->selected_unit != SODO_NO_INDEX)
    {
      /* A chart not shown yet is fitted first; the move starts from there. */
      if (self->fit_pending)
        return;
      sodo_chart_view_center_on_unit (self, self->selected_unit);
    }
}

double
sodo_chart_view_get_zoom (SodoChartView *self)
{
  g_return_val_if_fail (SODO_IS_CHART_VIEW (self), 1.0);

  return self->zoom;
}

void
sodo_chart_view_set_matches (SodoChartView *self,
                             const guint   *units,
                             guint          n_units)
{
  guint n_chart_units;

  g_return_if_fail (SODO_IS_CHART_VIEW (self));
  g_return_if_fail (units != NULL || n_units == 0);

  g_clear_pointer (&self->matches, g_free);
  if (self->orgchart != NULL && n_units > 0)
    {
      n_chart_units = sodo_orgchart_get_n_units (self->orgchart);
      self->matches = g_new0 (guint32, (n_chart_units + 31) / 32);
      for (guint i = 0; i < n_units; i++)
        if (units[i] < n_chart_units)
          self->matches[units[i] / 32] |= 1u << (units[i] % 32);
    }

  if (self->minimap != NULL)
    sodo_chart_minimap_invalidate (SODO_CHART_MINIMAP (self->minimap));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
scene_set_orientation (SodoChartScene *scene,
                       gboolean        left_right)
{
  sodo_chart_scene_set_orientation (scene, left_right ? SODO_LAYOUT_LEFT_RIGHT
                                                      : SODO_LAYOUT_TOP_DOWN);
}

SodoLayoutOrientation
sodo_chart_view_get_orientation (SodoChartView *self)
{
  g_return_val_if_fail (SODO_IS_CHART_VIEW (self), SODO_LAYOUT_TOP_DOWN);

  return self->orientation;
}

void
sodo_chart_view_set_orientation (SodoChartView         *self,
                                 SodoLayoutOrientation  orientation)
{
  g_return_if_fail (SODO_IS_CHART_VIEW (self));
  g_return_if_fail (orientation == SODO_LAYOUT_TOP_DOWN || orientation == SODO_LAYOUT_LEFT_RIGHT);

  if (self->orientation == orientation)
    return;

  self->orientation = orientation;
  _sodo_chart_view_relayout_steadily (self, scene_set_orientation, orientation == SODO_LAYOUT_LEFT_RIGHT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIENTATION]);
}

gboolean
sodo_chart_view_get_compact (SodoChartView *self)
{
  g_return_val_if_fail (SODO_IS_CHART_VIEW (self), FALSE);

  return self->compact;
}

void
sodo_chart_view_set_compact (SodoChartView *self,
                             gboolean       compact)
{
  g_return_if_fail (SODO_IS_CHART_VIEW (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  _sodo_chart_view_relayout_steadily (self, sodo_chart_scene_set_compact, compact);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

gboolean
sodo_chart_view_get_show_relations (SodoChartView *self)
{
  g_return_val_if_fail (SODO_IS_CHART_VIEW (self), TRUE);

  return self->show_relations;
}

void
sodo_chart_view_set_show_relations (SodoChartView *self,
                                    gboolean       show_relations)
{
  g_return_if_fail (SODO_IS_CHART_VIEW (self));

  show_relations = !!show_relations;
  if (self->show_relations == show_relations)
    return;

  self->show_relations = show_relations;
  if (self->minimap != NULL)
    sodo_chart_minimap_invalidate (SODO_CHART_MINIMAP (self->minimap));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_RELATIONS]);
}

/* ---- Actions ---- */

static void
zoom_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SodoChartView *self = SODO_CHART_VIEW (widget);

  if (g_str_equal (action_name, "chart.zoom-in"))
    sodo_chart_view_zoom_in (self);
  else if (g_str_equal (action_name, "chart.zoom-out"))
    sodo_chart_view_zoom_out (self);
  else if (g_str_equal (action_name, "chart.zoom-reset"))
    {
      double center_x;
      double center_y;

      _sodo_chart_view_get_target_center (self, &center_x, &center_y);
      _sodo_chart_view_animate_to (self, 1.0, center_x, center_y);
    }
  else if (g_str_equal (action_name, "chart.zoom-fit"))
    sodo_chart_view_zoom_to_fit (self);
  else if (g_str_equal (action_name, "chart.zoom-selection"))
    sodo_chart_view_zoom_to_selection (self);
}

static void
unit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SodoChartView *self = SODO_CHART_VIEW (widget);
  guint unit = self->selected_unit;

  if (self->scene == NULL || unit == SODO_NO_INDEX)
    return;

  if (g_str_equal (action_name, "chart.toggle-collapsed"))
    _sodo_chart_view_toggle_collapsed (self, unit);
  else if (g_str_equal (action_name, "chart.expand-below"))
    set_subtree_collapsed (self, unit, FALSE);
  else if (g_str_equal (action_name, "chart.collapse-below"))
    set_subtree_collapsed (self, unit, TRUE);
  else if (g_str_equal (action_name, "chart.center"))
    sodo_chart_view_center_on_unit (self, unit);
  else if (g_str_equal (action_name, "chart.copy-name"))
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), unit_name (self, unit));
}

/* ---- Style ---- */

static void
on_dark_changed_cb (SodoChartView   *self,
                    GParamSpec      *pspec,
                    AdwStyleManager *style_manager)
{
  gboolean dark = adw_style_manager_get_dark (style_manager);

  if (self->dark == dark)
    return;

  self->dark = dark;
  if (self->minimap != NULL)
    sodo_chart_minimap_invalidate (SODO_CHART_MINIMAP (self->minimap));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- GObject ---- */

static void
sodo_chart_view_dispose (GObject *object)
{
  SodoChartView *self = SODO_CHART_VIEW (object);

  _sodo_chart_view_stop_animation (self);
  g_clear_pointer (&self->minimap, gtk_widget_unparent);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  clear_scene (self);
  g_clear_object (&self->orgchart);

  G_OBJECT_CLASS (sodo_chart_view_parent_class)->dispose (object);
}

static void
sodo_chart_view_finalize (GObject *object)
{
  SodoChartView *self = SODO_CHART_VIEW (object);

  g_clear_pointer (&self->matches, g_free);
  g_clear_pointer (&self->pending_state, sodo_chart_view_state_free);

  G_OBJECT_CLASS (sodo_chart_view_parent_class)->finalize (object);
}

static void
sodo_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SodoChartView *self = SODO_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_ORGCHART:
      g_value_set_object (value, self->orgchart);
      break;
    case PROP_SELECTED_UNIT:
      g_value_set_uint (value, self->selected_unit);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_ORIENTATION:
      g_value_set_enum (value, self->orientation);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    case PROP_SHOW_RELATIONS:
      g_value_set_boolean (value, self->show_relations);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SodoChartView *self = SODO_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_ORGCHART:
      sodo_chart_view_set_orgchart (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_UNIT:
      sodo_chart_view_select_unit (self, g_value_get_uint (value), FALSE);
      break;
    case PROP_ZOOM:
      sodo_chart_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_ORIENTATION:
      sodo_chart_view_set_orientation (self, g_value_get_enum (value));
      break;
    case PROP_COMPACT:
      sodo_chart_view_set_compact (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_RELATIONS:
      sodo_chart_view_set_show_relations (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  static const char *const zoom_actions[] = {
    "chart.zoom-in", "chart.zoom-out", "chart.zoom-reset", "chart.zoom-fit",
    "chart.zoom-selection",
  };
  static const char *const unit_actions[] = {
    "chart.toggle-collapsed", "chart.expand-below", "chart.collapse-below", "chart.center",
    "chart.copy-name",
  };

  for (guint i = 0; i < G_N_ELEMENTS (zoom_actions); i++)
    gtk_widget_class_install_action (widget_class, zoom_actions[i], NULL, zoom_action_cb);
  for (guint i = 0; i < G_N_ELEMENTS (unit_actions); i++)
    gtk_widget_class_install_action (widget_class, unit_actions[i], NULL, unit_action_cb);

  gtk_widget_class_install_property_action (widget_class, "chart.orientation", "orientation");
  gtk_widget_class_install_property_action (widget_class, "chart.compact", "compact");
  gtk_widget_class_install_property_action (widget_class, "chart.show-relations",
                                            "show-relations");
}

static void
sodo_chart_view_class_init (SodoChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sodo_chart_view_dispose;
  object_class->finalize = sodo_chart_view_finalize;
  object_class->get_property = sodo_chart_view_get_property;
  object_class->set_property = sodo_chart_view_set_property;

  widget_class->snapshot = sodo_chart_view_snapshot;
  widget_class->measure = sodo_chart_view_measure;
  widget_class->size_allocate = sodo_chart_view_size_allocate;

  properties[PROP_ORGCHART] =
    g_param_spec_object ("orgchart", NULL, NULL, SODO_TYPE_ORGCHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_UNIT] =
    g_param_spec_uint ("selected-unit", NULL, NULL, 0, G_MAXUINT, SODO_NO_INDEX,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.0, SODO_CHART_VIEW_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIENTATION] =
    g_param_spec_enum ("orientation", NULL, NULL, SODO_TYPE_CHART_ORIENTATION,
                       SODO_LAYOUT_TOP_DOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_RELATIONS] =
    g_param_spec_boolean ("show-relations", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  install_actions (widget_class);
  _sodo_chart_view_class_init_input (widget_class);

  gtk_widget_class_set_css_name (widget_class, "sodochartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sodo_chart_view_init (SodoChartView *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  self->zoom = 1.0;
  self->selected_unit = SODO_NO_INDEX;
  self->hover_unit = SODO_NO_INDEX;
  self->orientation = SODO_LAYOUT_TOP_DOWN;
  self->show_relations = TRUE;
  self->dark = adw_style_manager_get_dark (style_manager);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);

  self->minimap = sodo_chart_minimap_new (self);
  gtk_widget_set_parent (self->minimap, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys move between units, Enter collapses or "
                                    "expands the selected unit, plus and minus zoom"),
                                  -1);
  update_accessible_label (self);
  update_actions (self);
  _sodo_chart_view_init_input (self);
}
