/* sodo-chart-pane.c: the org chart side of the window
 *
 * The sidebars are AdwFlaps that fold over the chart when the pane is too narrow for both
 * (libadwaita 1.2 has no split views). Folding hides them without touching the settings:
 * outline-visible and details-visible say what the reader wants where there is room, and
 * come back when the pane widens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sodo-chart-details.h"
#include "sodo-chart-outline.h"
#include "sodo-chart-pane.h"
#include "sodo-chart-search.h"

struct _SodoChartPane
{
  GtkWidget       parent_instance;

  /* Template widgets */
  SodoChartDetails *details;
  AdwFlap        *details_flap;
  SodoChartOutline *outline;
  AdwFlap        *outline_flap;
  SodoChartSearch *search;
  GtkSearchBar   *search_bar;
  GtkStack       *stack;
  GtkWidget      *toolbar;
  SodoChartView  *view;
  GtkButton      *zoom_button;

  GSettings      *settings;
  SodoOrgchart   *orgchart;
  SodoRegulation *regulation;
  guint           zoom_label_idle_id;
  guint           fold_tick_id;
};

G_DEFINE_FINAL_TYPE (SodoChartPane, sodo_chart_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ORGCHART,
  PROP_REGULATION,
  PROP_OUTLINE_VISIBLE,
  PROP_DETAILS_VISIBLE,
  N_PROPS
};

enum {
  SIGNAL_ARTICLE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The settings keys the "settings." actions stand for. */
static const char *const setting_actions[] = {
  "chart-orientation",
  "chart-compact",
  "chart-show-relations",
};

/* ---- Sidebars ---- */

/* Widths of the sidebars, and the least the chart keeps beside them; below that a sidebar
 * folds away (the details last, being about what is selected). */
#define OUTLINE_WIDTH    240
#define DETAILS_WIDTH    300
#define CHART_MIN_WIDTH  420

static const char *
flap_key (SodoChartPane *self,
          AdwFlap       *flap)
{
  return flap == self->outline_flap ? "outline-visible" : "details-visible";
}

/* The details panel has something to say only about a selected unit. */
static gboolean
has_details (SodoChartPane *self)
{
  return sodo_chart_view_get_selected_unit (self->view) != SODO_NO_INDEX;
}

/* What a sidebar shows: the reader's choice where there is room, nothing where it would
 * cover the chart; the details only while a unit is selected, so that the chart has the
 * room until then. */
static void
sync_flap (SodoChartPane *self,
           AdwFlap       *flap)
{
  gboolean reveal = !adw_flap_get_folded (flap)
                    && g_settings_get_boolean (self->settings, flap_key (self, flap))
                    && (flap != self->details_flap || has_details (self));

  if (adw_flap_get_reveal_flap (flap) != reveal)
    adw_flap_set_reveal_flap (flap, reveal);
}

static void
on_flap_folded_cb (AdwFlap       *flap,
                   GParamSpec    *pspec,
                   SodoChartPane *self)
{
  sync_flap (self, flap);
}

static void
on_flap_reveal_cb (AdwFlap       *flap,
                   GParamSpec    *pspec,
                   SodoChartPane *self)
{
  gboolean reveal = adw_flap_get_reveal_flap (flap);
  const char *key = flap_key (self, flap);

  /* Opening a folded sidebar over the chart is for a moment, not a preference; nor is the
   * details panel closing because nothing is selected. */
  if (!adw_flap_get_folded (flap) && (flap != self->details_flap || has_details (self))
      && g_settings_get_boolean (self->settings, key) != reveal)
    g_settings_set_boolean (self->settings, key, reveal);

  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[flap == self->outline_flap ? PROP_OUTLINE_VISIBLE
                                                                  : PROP_DETAILS_VISIBLE]);
}

static void
on_settings_changed_cb (GSettings     *settings,
                        const char    *key,
                        SodoChartPane *self)
{
  /* Hiding the details may leave room for the outline, and the other way round. */
  if (g_str_equal (key, "details-visible"))
    gtk_widget_queue_allocate (GTK_WIDGET (self));

  if (g_str_equal (key, "outline-visible"))
    sync_flap (self, self->outline_flap);
  else if (g_str_equal (key, "details-visible"))
    sync_flap (self, self->details_flap);
}

static void
set_fold_policy (AdwFlap  *flap,
                 gboolean  inline_fits)
{
  AdwFlapFoldPolicy policy = inline_fits ? ADW_FLAP_FOLD_POLICY_NEVER : ADW_FLAP_FOLD_POLICY_ALWAYS;

  if (adw_flap_get_fold_policy (flap) != policy)
    adw_flap_set_fold_policy (flap, policy);
}

/* Which sidebars fit beside the chart at @width. Decided from the width alone, not from
 * the sidebars' own sizes, so that folding one never changes whether the other fits. */
static void
sidebars_fit (SodoChartPane *self,
              int            width,
              gboolean      *outline_fits,
              gboolean      *details_fits)
{
  gboolean details_shown;

  *details_fits = width >= DETAILS_WIDTH + CHART_MIN_WIDTH;
  details_shown = *details_fits && has_details (self)
                  && g_settings_get_boolean (self->settings, "details-visible");
  *outline_fits = width - (details_shown ? DETAILS_WIDTH : 0) >= OUTLINE_WIDTH + CHART_MIN_WIDTH;
}

static gboolean
fold_sidebars_tick_cb (GtkWidget     *widget,
                       GdkFrameClock *frame_clock,
                       gpointer       user_data)
{
  SodoChartPane *self = SODO_CHART_PANE (widget);
  gboolean outline_fits;
  gboolean details_fits;

  self->fold_tick_id = 0;
  sidebars_fit (self, gtk_widget_get_width (widget), &outline_fits, &details_fits);
  set_fold_policy (self->details_flap, details_fits);
  set_fold_policy (self->outline_flap, outline_fits);
  return G_SOURCE_REMOVE;
}

/* Folding changes the sidebars' sizes, which must not happen while the pane is being
 * allocated (its parents are done with their own allocation by then): the change waits for
 * the start of the next frame, before that frame's layout. */
static void
queue_fold_sidebars (SodoChartPane *self,
                     int            width)
{
  gboolean outline_fits;
  gboolean details_fits;

  sidebars_fit (self, width, &outline_fits, &details_fits);
  if (self->fold_tick_id != 0
      || ((adw_flap_get_fold_policy (self->details_flap) == ADW_FLAP_FOLD_POLICY_NEVER)
          == details_fits
          && (adw_flap_get_fold_policy (self->outline_flap) == ADW_FLAP_FOLD_POLICY_NEVER)
             == outline_fits))
    return;

  self->fold_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fold_sidebars_tick_cb,
                                                     NULL, NULL);
}

gboolean
sodo_chart_pane_get_outline_visible (SodoChartPane *self)
{
  g_return_val_if_fail (SODO_IS_CHART_PANE (self), FALSE);

  return adw_flap_get_reveal_flap (self->outline_flap);
}

void
sodo_chart_pane_set_outline_visible (SodoChartPane *self,
                                     gboolean       visible)
{
  g_return_if_fail (SODO_IS_CHART_PANE (self));

  adw_flap_set_reveal_flap (self->outline_flap, visible);
}

gboolean
sodo_chart_pane_get_details_visible (SodoChartPane *self)
{
  g_return_val_if_fail (SODO_IS_CHART_PANE (self), FALSE);

  return adw_flap_get_reveal_flap (self->details_flap);
}

void
sodo_chart_pane_set_details_visible (SodoChartPane *self,
                                     gboolean       visible)
{
  g_return_if_fail (SODO_IS_CHART_PANE (self));

  adw_flap_set_reveal_flap (self->details_flap, visible);
}

/* ---- Zoom ---- */

static void
update_zoom_label (SodoChartPane *self)
{
  double percent = sodo_chart_view_get_zoom (self->view) * 100.0;
  g_autofree char *label = NULL;

  /* A chart of tens of thousands of units fits at a fraction of a percent. */
  if (percent < 0.5)
    /* TRANSLATORS: the zoom level in the chart's toolbar when it is below one percent */
    label = g_strdup (_("< 1 %"));
  else
    /* TRANSLATORS: the zoom level in the chart's toolbar, in percent */
    label = g_strdup_printf (_("%.0f %%"), percent);
  gtk_button_set_label (self->zoom_button, label);
}

static gboolean
update_zoom_label_idle_cb (gpointer user_data)
{
  SodoChartPane *self = user_data;

  self->zoom_label_idle_id = 0;
  update_zoom_label (self);
  return G_SOURCE_REMOVE;
}

/* The view changes its zoom while it is being allocated (fitting a new chart, or a resize):
 * the label waits for the end of the frame rather than resize the toolbar in the middle. */
static void
on_view_selected_cb (SodoChartView *view,
                     GParamSpec    *pspec,
                     SodoChartPane *self)
{
  sync_flap (self, self->details_flap);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* ---- The companions: outline, search, details ---- */

static void
on_outline_selected_cb (SodoChartOutline *outline,
                        GParamSpec       *pspec,
                        SodoChartPane    *self)
{
  guint unit = sodo_chart_outline_get_selected_unit (outline);

  if (unit == sodo_chart_view_get_selected_unit (self->view))
    return;

  /* Walking the outline, the chart follows along without jumping about. */
  sodo_chart_view_select_unit (self->view, unit, FALSE);
  sodo_chart_view_reveal_unit (self->view, unit);
}

static void
on_unit_activated_cb (GtkWidget     *companion,
                      guint          unit,
                      SodoChartPane *self)
{
  sodo_chart_view_select_unit (self->view, unit, TRUE);
}

static void
on_search_matches_changed_cb (SodoChartSearch *search,
                              SodoChartPane   *self)
{
  guint n_matches = 0;
  const guint *matches = sodo_chart_search_get_matches (search, &n_matches);

  sodo_chart_view_set_matches (self->view, matches, n_matches);
}

static void
on_article_activated_cb (SodoChartDetails *details,
                         const char       *node_id,
                         SodoChartPane    *self)
{
  g_signal_emit (self, signals[SIGNAL_ARTICLE_ACTIVATED], 0, node_id);
}

static void
connect_companions (SodoChartPane *self)
{
  /* The view holds the selection; the outline and the search set it too, the details
   * only show it. */
  g_object_bind_property (self->view, "selected-unit", self->outline, "selected-unit",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->outline, "notify::selected-unit",
                           G_CALLBACK (on_outline_selected_cb), self, 0);
  g_object_bind_property (self->view, "selected-unit", self->search, "selected-unit",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->view, "selected-unit", self->details, "selected-unit",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->outline, "unit-activated",
                           G_CALLBACK (on_unit_activated_cb), self, 0);
  g_signal_connect_object (self->details, "unit-activated",
                           G_CALLBACK (on_unit_activated_cb), self, 0);
  g_signal_connect_object (self->search, "activate-match",
                           G_CALLBACK (on_unit_activated_cb), self, 0);
  g_signal_connect_object (self->search, "matches-changed",
                           G_CALLBACK (on_search_matches_changed_cb), self, 0);
  g_signal_connect_object (self->details, "article-activated",
                           G_CALLBACK (on_article_activated_cb), self, 0);
}

static void
on_view_zoom_cb (SodoChartView *view,
                 GParamSpec    *pspec,
                 SodoChartPane *self)
{
  if (self->zoom_label_idle_id == 0)
    self->zoom_label_idle_id = g_idle_add (update_zoom_label_idle_cb, self);
}

static void
forward_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SodoChartPane *self = SODO_CHART_PANE (widget);
  /* "pane.zoom-in" is the view's "chart.zoom-in". */
  g_autofree char *view_action = g_strconcat ("chart.", strchr (action_name, '.') + 1, NULL);

  gtk_widget_activate_action (GTK_WIDGET (self->view), view_action, NULL);
}

static void
tree_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SodoChartPane *self = SODO_CHART_PANE (widget);
  SodoChartScene *scene = sodo_chart_view_get_scene (self->view);

  if (scene == NULL)
    return;

  if (g_str_equal (action_name, "pane.expand-all"))
    sodo_chart_scene_collapse_to_depth (scene, G_MAXUINT);
  else
    sodo_chart_scene_collapse_to_depth (scene, 1);
  sodo_chart_view_zoom_to_fit (self->view);
}

/* The keys typed right after a search started by typing: see
 * sodo_chart_search_forward_key(). */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   SodoChartPane         *self)
{
  return sodo_chart_search_forward_key (self->search, controller);
}

static void
on_key_released_cb (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    SodoChartPane         *self)
{
  sodo_chart_search_forward_key (self->search, controller);
}

static void
find_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SodoChartPane *self = SODO_CHART_PANE (widget);

  if (self->orgchart == NULL)
    return;

  sodo_chart_search_start (self->search);
}

/* ---- Documents ---- */

SodoOrgchart *
sodo_chart_pane_get_orgchart (SodoChartPane *self)
{
  g_return_val_if_fail (SODO_IS_CHART_PANE (self), NULL);

  return self->orgchart;
}

void
sodo_chart_pane_set_orgchart (SodoChartPane *self,
                              SodoOrgchart  *orgchart)
{
  g_return_if_fail (SODO_IS_CHART_PANE (self));
  g_return_if_fail (orgchart == NULL || SODO_IS_ORGCHART (orgchart));

  if (!g_set_object (&self->orgchart, orgchart))
    return;

  sodo_chart_view_set_orgchart (self->view, orgchart);
  sodo_chart_outline_set_orgchart (self->outline, orgchart);
  sodo_chart_search_set_orgchart (self->search, orgchart);
  sodo_chart_details_set_orgchart (self->details, orgchart);
  gtk_stack_set_visible_child_name (self->stack, orgchart != NULL ? "chart" : "empty");
  if (orgchart == NULL)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGCHART]);
}

SodoRegulation *
sodo_chart_pane_get_regulation (SodoChartPane *self)
{
  g_return_val_if_fail (SODO_IS_CHART_PANE (self), NULL);

  return self->regulation;
}

void
sodo_chart_pane_set_regulation (SodoChartPane  *self,
                                SodoRegulation *regulation)
{
  g_return_if_fail (SODO_IS_CHART_PANE (self));
  g_return_if_fail (regulation == NULL || SODO_IS_REGULATION (regulation));

  if (!g_set_object (&self->regulation, regulation))
    return;

  sodo_chart_details_set_regulation (self->details, regulation);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGULATION]);
}

SodoChartView *
sodo_chart_pane_get_view (SodoChartPane *self)
{
  g_return_val_if_fail (SODO_IS_CHART_PANE (self), NULL);

  return self->view;
}

SodoChartViewState *
sodo_chart_pane_get_view_state (SodoChartPane *self)
{
  g_return_val_if_fail (SODO_IS_CHART_PANE (self), NULL);

  return sodo_chart_view_get_view_state (self->view);
}

void
sodo_chart_pane_set_view_state (SodoChartPane            *self,
                                const SodoChartViewState *state)
{
  g_return_if_fail (SODO_IS_CHART_PANE (self));

  sodo_chart_view_set_view_state (self->view, state);
}

const char *
sodo_chart_pane_get_search_query (SodoChartPane *self)
{
  g_return_val_if_fail (SODO_IS_CHART_PANE (self), NULL);

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    return NULL;
  return sodo_chart_search_get_query (self->search);
}

void
sodo_chart_pane_set_search_query (SodoChartPane *self,
                                  const char    *query)
{
  g_return_if_fail (SODO_IS_CHART_PANE (self));
  g_return_if_fail (query != NULL);

  sodo_chart_search_restore_query (self->search, query);
}

GtkWidget *
sodo_chart_pane_new (void)
{
  return g_object_new (SODO_TYPE_CHART_PANE, NULL);
}

/* ---- Size ---- */

static void
sodo_chart_pane_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  SodoChartPane *self = SODO_CHART_PANE (widget);
  int toolbar_minimum = 0;

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation,
                      orientation == GTK_ORIENTATION_HORIZONTAL ? for_size : -1,
                      minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    return;

  /* The stack's minimum counts the sidebars as they are now, side by side; but a narrower
   * pane folds them (queue_fold_sidebars()), so its real minimum is the toolbar's or a folded
   * sidebar's. */
  gtk_widget_measure (self->toolbar, GTK_ORIENTATION_HORIZONTAL, -1,
                      &toolbar_minimum, NULL, NULL, NULL);
  *minimum = MAX (toolbar_minimum, MAX (OUTLINE_WIDTH, DETAILS_WIDTH));
  *natural = MAX (*natural, *minimum);
}

static void
sodo_chart_pane_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  SodoChartPane *self = SODO_CHART_PANE (widget);
  int stack_minimum = 0;

  queue_fold_sidebars (self, width);

  /* Until the sidebars fold, the chart may be squeezed for a frame, never below what the
   * children can take (the pane clips the rest). */
  gtk_widget_measure (GTK_WIDGET (self->stack), GTK_ORIENTATION_HORIZONTAL, -1,
                      &stack_minimum, NULL, NULL, NULL);
  gtk_widget_allocate (GTK_WIDGET (self->stack), MAX (width, stack_minimum), height, baseline,
                       NULL);
}

/* ---- GObject ---- */

static void
sodo_chart_pane_dispose (GObject *object)
{
  SodoChartPane *self = SODO_CHART_PANE (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, on_settings_changed_cb, self);
  g_clear_handle_id (&self->zoom_label_idle_id, g_source_remove);
  if (self->fold_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fold_tick_id);
      self->fold_tick_id = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SODO_TYPE_CHART_PANE);
  g_clear_object (&self->settings);
  g_clear_object (&self->orgchart);
  g_clear_object (&self->regulation);

  G_OBJECT_CLASS (sodo_chart_pane_parent_class)->dispose (object);
}

static void
sodo_chart_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SodoChartPane *self = SODO_CHART_PANE (object);

  switch (prop_id)
    {
    case PROP_ORGCHART:
      g_value_set_object (value, self->orgchart);
      break;
    case PROP_REGULATION:
      g_value_set_object (value, self->regulation);
      break;
    case PROP_OUTLINE_VISIBLE:
      g_value_set_boolean (value, sodo_chart_pane_get_outline_visible (self));
      break;
    case PROP_DETAILS_VISIBLE:
      g_value_set_boolean (value, sodo_chart_pane_get_details_visible (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_chart_pane_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SodoChartPane *self = SODO_CHART_PANE (object);

  switch (prop_id)
    {
    case PROP_ORGCHART:
      sodo_chart_pane_set_orgchart (self, g_value_get_object (value));
      break;
    case PROP_REGULATION:
      sodo_chart_pane_set_regulation (self, g_value_get_object (value));
      break;
    case PROP_OUTLINE_VISIBLE:
      sodo_chart_pane_set_outline_visible (self, g_value_get_boolean (value));
      break;
    case PROP_DETAILS_VISIBLE:
      sodo_chart_pane_set_details_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  static const char *const forwarded[] = {
    "pane.zoom-in", "pane.zoom-out", "pane.zoom-reset", "pane.zoom-fit", "pane.zoom-selection",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forwarded); i++)
    gtk_widget_class_install_action (widget_class, forwarded[i], NULL, forward_action_cb);
  gtk_widget_class_install_action (widget_class, "pane.expand-all", NULL, tree_action_cb);
  gtk_widget_class_install_action (widget_class, "pane.collapse-to-two-levels", NULL,
                                   tree_action_cb);
  gtk_widget_class_install_action (widget_class, "pane.find", NULL, find_action_cb);
  gtk_widget_class_install_property_action (widget_class, "pane.outline-visible",
                                            "outline-visible");
  gtk_widget_class_install_property_action (widget_class, "pane.details-visible",
                                            "details-visible");

  /* Anywhere in the pane, also when the focus is in the outline or the details. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "pane.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "pane.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "pane.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "pane.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "pane.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0,
                                       "pane.outline-visible", NULL);
}

static void
sodo_chart_pane_class_init (SodoChartPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sodo_chart_pane_dispose;
  object_class->get_property = sodo_chart_pane_get_property;
  object_class->set_property = sodo_chart_pane_set_property;

  properties[PROP_ORGCHART] =
    g_param_spec_object ("orgchart", NULL, NULL, SODO_TYPE_ORGCHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGULATION] =
    g_param_spec_object ("regulation", NULL, NULL, SODO_TYPE_REGULATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTLINE_VISIBLE] =
    g_param_spec_boolean ("outline-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAILS_VISIBLE] =
    g_param_spec_boolean ("details-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SodoChartPane::article-activated:
   * @node_id: the id of a regulation node
   *
   * The reader asked to see an article that governs the selected unit.
   */
  signals[SIGNAL_ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  g_type_ensure (SODO_TYPE_CHART_DETAILS);
  g_type_ensure (SODO_TYPE_CHART_OUTLINE);
  g_type_ensure (SODO_TYPE_CHART_SEARCH);
  g_type_ensure (SODO_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/sodo-chart-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, SodoChartPane, details);
  gtk_widget_class_bind_template_child (widget_class, SodoChartPane, details_flap);
  gtk_widget_class_bind_template_child (widget_class, SodoChartPane, outline);
  gtk_widget_class_bind_template_child (widget_class, SodoChartPane, outline_flap);
  gtk_widget_class_bind_template_child (widget_class, SodoChartPane, search);
  gtk_widget_class_bind_template_child (widget_class, SodoChartPane, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SodoChartPane, stack);
  gtk_widget_class_bind_template_child (widget_class, SodoChartPane, toolbar);
  gtk_widget_class_bind_template_child (widget_class, SodoChartPane, view);
  gtk_widget_class_bind_template_child (widget_class, SodoChartPane, zoom_button);

  install_actions (widget_class);

  widget_class->measure = sodo_chart_pane_measure;
  widget_class->size_allocate = sodo_chart_pane_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "sodochartpane");
}

static void
bind_settings (SodoChartPane *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  for (guint i = 0; i < G_N_ELEMENTS (setting_actions); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, setting_actions[i]);

      g_action_map_add_action (G_ACTION_MAP (group), action);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));

  g_settings_bind (self->settings, "chart-orientation", self->view, "orientation",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "chart-compact", self->view, "compact",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "chart-show-relations", self->view, "show-relations",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self);
  sync_flap (self, self->outline_flap);
  sync_flap (self, self->details_flap);
}

static void
sodo_chart_pane_init (SodoChartPane *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->settings = g_settings_new (APP_ID);
  bind_settings (self);
  connect_companions (self);
  /* Typing in the chart or the outline starts a search. The keys the chart uses itself
   * (arrows, Space, Enter, + - 0 1) reach it first: the bar only sees what bubbles up. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  g_signal_connect_object (keys, "key-released", G_CALLBACK (on_key_released_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_object (self->outline_flap, "notify::folded",
                           G_CALLBACK (on_flap_folded_cb), self, 0);
  g_signal_connect_object (self->details_flap, "notify::folded",
                           G_CALLBACK (on_flap_folded_cb), self, 0);
  g_signal_connect_object (self->outline_flap, "notify::reveal-flap",
                           G_CALLBACK (on_flap_reveal_cb), self, 0);
  g_signal_connect_object (self->details_flap, "notify::reveal-flap",
                           G_CALLBACK (on_flap_reveal_cb), self, 0);
  g_signal_connect_object (self->view, "notify::zoom",
                           G_CALLBACK (on_view_zoom_cb), self, 0);
  g_signal_connect_object (self->view, "notify::selected-unit",
                           G_CALLBACK (on_view_selected_cb), self, 0);
  update_zoom_label (self);
}
