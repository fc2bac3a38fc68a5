/* sodo-chart-view-state.c: what a rebuilt window needs to show the chart as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-chart-view-private.h"

SodoChartViewState *
sodo_chart_view_state_copy (const SodoChartViewState *state)
{
  SodoChartViewState *copy;

  g_return_val_if_fail (state != NULL, NULL);

  copy = g_new0 (SodoChartViewState, 1);
  *copy = *state;
  copy->anchor_id = g_strdup (state->anchor_id);
  copy->selected_id = g_strdup (state->selected_id);
  copy->collapsed_ids = state->collapsed_ids != NULL ? g_strdupv (state->collapsed_ids)
                                                     : g_new0 (char *, 1);
  return copy;
}

void
sodo_chart_view_state_free (SodoChartViewState *state)
{
  if (state == NULL)
    return;

  g_free (state->anchor_id);
  g_free (state->selected_id);
  g_strfreev (state->collapsed_ids);
  g_free (state);
}

G_DEFINE_BOXED_TYPE (SodoChartViewState, sodo_chart_view_state,
                     sodo_chart_view_state_copy, sodo_chart_view_state_free)

/* ---- View state ---- */

SodoChartViewState *
sodo_chart_view_get_view_state (SodoChartView *self)
{
  SodoChartViewState *state;
  g_autoptr(GPtrArray) collapsed = g_ptr_array_new ();
  guint n_units;
  double zoom;
  double center_x;
  double center_y;

  g_return_val_if_fail (SODO_IS_CHART_VIEW (self), NULL);

  if (self->scene == NULL)
    return NULL;
  /* Not yet shown: what it will show. */
  if (self->pending_state != NULL)
    return sodo_chart_view_state_copy (self->pending_state);

  zoom = _sodo_chart_view_get_target_zoom (self);
  _sodo_chart_view_get_target_center (self, &center_x, &center_y);

  state = g_new0 (SodoChartViewState, 1);
  state->zoom = zoom;
  state->center_x = center_x;
  state->center_y = center_y;
  state->fitted = self->fitted || self->animating_fit;

  n_units = sodo_orgchart_get_n_units (self->orgchart);
  for (guint i = 0; i < n_units; i++)
    if (sodo_chart_scene_get_collapsed (self->scene, i))
      g_ptr_array_add (collapsed, g_strdup (sodo_orgchart_get_unit (self->orgchart, i)->id));
  g_ptr_array_add (collapsed, NULL);
  state->collapsed_ids = (char **) g_ptr_array_steal (collapsed, NULL);

  if (self->selected_unit != SODO_NO_INDEX)
    state->selected_id = g_strdup (sodo_orgchart_get_unit (self->orgchart,
                                                           self->selected_unit)->id);

  if (!self->fit_pending)
    {
      guint anchor = _sodo_chart_view_unit_nearest_center (self);
      SodoLayoutRect rect;

      if (anchor != SODO_NO_INDEX && sodo_chart_scene_get_unit_rect (self->scene, anchor, &rect))
        {
          state->anchor_id = g_strdup (sodo_orgchart_get_unit (self->orgchart, anchor)->id);
          state->anchor_dx = center_x - (rect.x + rect.width / 2);
          state->anchor_dy = center_y - (rect.y + rect.height / 2);
        }
    }

  return state;
}

void
_sodo_chart_view_apply_state (SodoChartView            *self,
                              const SodoChartViewState *state)
{
  guint n_units = sodo_orgchart_get_n_units (self->orgchart);
  double center_x = state->center_x;
  double center_y = state->center_y;
  guint selected = SODO_NO_INDEX;
  guint anchor = SODO_NO_INDEX;
  SodoLayoutRect rect;

  self->initial_view = FALSE;
  for (guint i = 0; i < n_units; i++)
    sodo_chart_scene_set_collapsed (self->scene, i, FALSE);
  for (guint i = 0; state->collapsed_ids != NULL && state->collapsed_ids[i] != NULL; i++)
    {
      guint unit = sodo_orgchart_find_unit (self->orgchart, state->collapsed_ids[i]);

      if (unit != SODO_NO_INDEX)
        sodo_chart_scene_set_collapsed (self->scene, unit, TRUE);
    }

  if (state->selected_id != NULL)
    selected = sodo_orgchart_find_unit (self->orgchart, state->selected_id);
  _sodo_chart_view_set_selected (self, selected);

  if (state->fitted)
    {
      _sodo_chart_view_fit (self, FALSE);
      return;
    }

  if (state->anchor_id != NULL)
    anchor = sodo_orgchart_find_unit (self->orgchart, state->anchor_id);
  if (anchor != SODO_NO_INDEX && sodo_chart_scene_get_unit_rect (self->scene, anchor, &rect))
    {
      center_x = rect.x + rect.width / 2 + state->anchor_dx;
      center_y = rect.y + rect.height / 2 + state->anchor_dy;
    }

  _sodo_chart_view_set_transform (self, state->zoom, center_x, center_y);
}

void
sodo_chart_view_set_view_state (SodoChartView            *self,
                                const SodoChartViewState *state)
{
  g_return_if_fail (SODO_IS_CHART_VIEW (self));
  g_return_if_fail (state != NULL);

  g_clear_pointer (&self->pending_state, sodo_chart_view_state_free);

  /* Without a chart or a size yet, the state waits for the first allocation. */
  if (self->scene == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    {
      self->pending_state = sodo_chart_view_state_copy (state);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }

  self->fit_pending = FALSE;
  _sodo_chart_view_apply_state (self, state);
}
