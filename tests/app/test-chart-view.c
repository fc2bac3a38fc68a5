/* test-chart-view.c: the interactive chart: keys, selection, collapsing, zoom, view state
 *
 * The view runs in a real window under the test display. Keys are pressed through the
 * view's own shortcut table (the same GtkShortcut a key press triggers), so the tests check
 * the bindings as well as what they do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "chart/sodo-chart-minimap.h"
#include "chart/sodo-chart-view-private.h"
#include "model/sodo-language.h"
#include "sodo-test-gtk.h"

typedef struct {
  GtkWindow     *window;
  SodoChartView *view;
  SodoOrgchart  *chart;
} Fixture;

static SodoOrgchart *
load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SODO_SAMPLES_DIR"), "hanoi-2023.json",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SodoOrgchart *chart = sodo_orgchart_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return chart;
}

static guint
unit (Fixture    *fixture,
      const char *id)
{
  guint index = sodo_orgchart_find_unit (fixture->chart, id);

  g_assert_cmpuint (index, !=, SODO_NO_INDEX);
  return index;
}

static const char *
selected_id (Fixture *fixture)
{
  guint selected = sodo_chart_view_get_selected_unit (fixture->view);

  if (selected == SODO_NO_INDEX)
    return NULL;
  return sodo_orgchart_get_unit (fixture->chart, selected)->id;
}

static void
wait_until (gboolean (*condition) (gpointer),
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
is_laid_out (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->view))
         && gtk_widget_get_width (GTK_WIDGET (fixture->view)) == 800
         && !fixture->view->fit_pending;
}

static gboolean
is_still (gpointer data)
{
  return !_sodo_chart_view_is_animating (data);
}

/* Lets GTK run a few frames. */
static void
run_frames (void)
{
  for (guint i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static void
set_animations (gboolean enabled)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", enabled, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  sodo_language_set ("vi");
  set_animations (FALSE);

  fixture->chart = load_sample ();
  fixture->view = SODO_CHART_VIEW (sodo_chart_view_new ());
  g_object_ref_sink (fixture->view);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 600);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  sodo_chart_view_set_orgchart (fixture->view, fixture->chart);
  gtk_window_present (fixture->window);
  wait_until (is_laid_out, fixture);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
}

/* Most tests below start from the whole sample, fitted: they were written for it, and
 * folding is tested on its own. */
static void
fixture_set_up_expanded (Fixture       *fixture,
                         gconstpointer  user_data)
{
  fixture_set_up (fixture, user_data);
  sodo_chart_scene_collapse_to_depth (sodo_chart_view_get_scene (fixture->view), G_MAXUINT);
  _sodo_chart_view_fit (fixture->view, FALSE);
  g_assert_false (fixture->view->initial_view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->view);
  g_assert_finalize_object (fixture->chart);
  set_animations (FALSE);
}

/* Triggers what pressing @keyval with @modifiers on @widget triggers: the matching shortcut
 * of its class's shortcut table. Fails the test when no key binding matches. */
static void
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GListModel *shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      shortcuts = G_LIST_MODEL (controller);
      for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                           GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                           widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }

  g_error ("No key binding for %s", gdk_keyval_name (keyval));
}

static guint
n_visible (Fixture *fixture)
{
  return sodo_chart_scene_get_layout (sodo_chart_view_get_scene (fixture->view))->n_visible;
}

/* The chart point at the centre of the view, and where a unit's card centre is. */
static void
card_center (Fixture *fixture,
             guint    unit_index,
             double  *x,
             double  *y)
{
  SodoLayoutRect rect;

  g_assert_true (sodo_chart_scene_get_unit_rect (sodo_chart_view_get_scene (fixture->view),
                                                 unit_index, &rect));
  *x = rect.x + rect.width / 2;
  *y = rect.y + rect.height / 2;
}

/* ---- Tests ---- */

/* ---- The first view ---- */

/* A chart whose units at depth d each have fanouts[d] children, named by their place. */
static SodoOrgchart *
make_chart (const guint *fanouts,
            guint        n_levels)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) level = g_array_new (FALSE, FALSE, sizeof (guint));
  guint next = 1;
  SodoOrgchart *chart;

  g_string_append (json, "{\"format\": \"sodo-orgchart\", \"version\": 1, \"title\": \"Hình\","
                         " \"kinds\": [{\"id\": \"k\", \"name\": \"Cấp\","
                         " \"color\": \"#1c71d8\"}],"
                         " \"units\": [{\"id\": \"u0\", \"parent\": null, \"kind\": \"k\","
                         " \"name\": \"Đơn vị 0\"}");
  g_array_append_val (level, (guint) { 0 });
  for (guint depth = 0; depth < n_levels; depth++)
    {
      g_autoptr(GArray) below = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; i < level->len; i++)
        for (guint c = 0; c < fanouts[depth]; c++, next++)
          {
            g_string_append_printf (json, ", {\"id\": \"u%u\", \"parent\": \"u%u\","
                                          " \"kind\": \"k\", \"name\": \"Đơn vị %u\"}",
                                    next, g_array_index (level, guint, i), next);
            g_array_append_val (below, next);
          }
      g_clear_pointer (&level, g_array_unref);
      level = g_steal_pointer (&below);
    }
  g_string_append (json, "]}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  chart = sodo_orgchart_load_bytes (bytes, "shape.json", NULL, &error);
  g_assert_no_error (error);
  return chart;
}

typedef struct {
  SodoChartView *view;
  int            width;
  int            height;
} Shown;

static gboolean
is_shown_at (gpointer data)
{
  Shown *shown = data;

  return gtk_widget_get_mapped (GTK_WIDGET (shown->view))
         && gtk_widget_get_width (GTK_WIDGET (shown->view)) == shown->width
         && gtk_widget_get_height (GTK_WIDGET (shown->view)) == shown->height
         && !shown->view->fit_pending;
}

/* A window of @width × @height showing @chart in a new view. */
static SodoChartView *
show_in_window (SodoOrgchart          *chart,
                int                    width,
                int                    height,
                gboolean               compact,
                SodoLayoutOrientation  orientation,
                GtkWindow            **window)
{
  SodoChartView *view = SODO_CHART_VIEW (sodo_chart_view_new ());
  Shown shown = { view, width, height };

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, width, height);
  gtk_window_set_child (*window, GTK_WIDGET (view));
  sodo_chart_view_set_compact (view, compact);
  sodo_chart_view_set_orientation (view, orientation);
  sodo_chart_view_set_orgchart (view, chart);
  gtk_window_present (*window);
  wait_until (is_shown_at, &shown);
  return view;
}

/* The zoom that fits @scene into @view. */
static double
fit_zoom_in (SodoChartView  *view,
             SodoChartScene *scene)
{
  SodoLayoutRect bounds;
  double avail_w = gtk_widget_get_width (GTK_WIDGET (view)) - 2 * _SODO_CHART_VIEW_FIT_MARGIN;
  double avail_h = gtk_widget_get_height (GTK_WIDGET (view)) - 2 * _SODO_CHART_VIEW_FIT_MARGIN;

  sodo_chart_scene_get_bounds (scene, &bounds);
  return MIN (1.0, MIN (avail_w / bounds.width, avail_h / bounds.height));
}

static double
fit_zoom_of (SodoChartView *view)
{
  return fit_zoom_in (view, sodo_chart_view_get_scene (view));
}

/* Checks the first view of @view's chart: whole levels are shown down to some depth, the
 * units with children there (and below) are collapsed, the chart is fitted, and the names are drawn
 * at that zoom unless only the root and its children are left; one level more would not
 * have been readable. Returns the depth shown. */
static guint
check_first_view (SodoChartView *view)
{
  SodoOrgchart *chart = sodo_chart_view_get_orgchart (view);
  SodoChartScene *scene = sodo_chart_view_get_scene (view);
  guint n_units = sodo_orgchart_get_n_units (chart);
  guint deepest = 0, shown = 0;
  double zoom = sodo_chart_view_get_zoom (view);

  for (guint i = 0; i < n_units; i++)
    {
      deepest = MAX (deepest, sodo_orgchart_get_unit (chart, i)->depth);
      if (sodo_chart_scene_is_unit_visible (scene, i))
        shown = MAX (shown, sodo_orgchart_get_unit (chart, i)->depth);
    }
  for (guint i = 0; i < n_units; i++)
    {
      const SodoUnit *record = sodo_orgchart_get_unit (chart, i);

      g_assert_cmpint (sodo_chart_scene_is_unit_visible (scene, i), ==, record->depth <= shown);
      g_assert_cmpint (sodo_chart_scene_get_collapsed (scene, i), ==,
                       record->depth >= shown && record->first_child != SODO_NO_INDEX);
    }

  g_assert_true (view->initial_view);
  g_assert_true (view->fitted);
  g_assert_cmpfloat_with_epsilon (zoom, fit_zoom_of (view), 1e-9);
  if (shown > 1)
    g_assert_cmpfloat (zoom, >=, SODO_CHART_DETAIL_TEXT_MIN_SCALE);
  if (shown < deepest)
    {
      SodoChartSceneOptions options;
      g_autoptr(SodoChartScene) deeper = NULL;

      g_assert_cmpuint (shown, >=, 1);
      /* The next level down would have been drawn without names. */
      sodo_chart_scene_get_options (scene, &options);
      deeper = sodo_chart_scene_new (chart, &options);
      sodo_chart_scene_collapse_to_depth (deeper, shown + 1);
      g_assert_cmpfloat (fit_zoom_in (view, deeper), <, SODO_CHART_DETAIL_TEXT_MIN_SCALE);
    }
  return shown;
}

/* What the view draws now. */
static void
render_view (SodoChartView   *view,
             SodoRenderStats *stats)
{
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  SodoRenderParams params;

  _sodo_chart_view_init_params (view, &params);
  _sodo_chart_view_get_visible_area (view, &params.area);
  params.scale = sodo_chart_view_get_zoom (view);
  params.stats = stats;
  sodo_chart_render (sodo_chart_view_get_scene (view), cr, &params);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The sample, fitted whole into 800 pixels, would be drawn at 8 %, as blocks. Its first
 * view is the root and its ten children, the groups folded with their badges. */
static void
test_first_view_sample (Fixture       *fixture,
                        gconstpointer  user_data)
{
  SodoChartScene *scene = sodo_chart_view_get_scene (fixture->view);
  GtkWindow *window;
  SodoChartView *compact;
  SodoRenderStats stats;

  g_assert_cmpuint (check_first_view (fixture->view), ==, 1);
  g_assert_cmpuint (n_visible (fixture), ==, 11);
  g_assert_true (sodo_chart_scene_get_collapsed (scene, unit (fixture, "nhom-dang-doan")));
  g_assert_true (sodo_chart_scene_get_collapsed (scene, unit (fixture, "cap-huyen")));
  render_view (fixture->view, &stats);
  g_assert_cmpuint (stats.n_cards, ==, 11);
  g_assert_cmpuint (stats.n_badges, ==, 5);
  /* In a row, ten cards are still too wide for their names at 800 pixels... */
  g_assert_cmpfloat (sodo_chart_view_get_zoom (fixture->view), <, SODO_CHART_DETAIL_TEXT_MIN_SCALE);

  /* ...but in compact mode, as the app shows it, they stack in columns, at full size with
   * all their text. */
  compact = show_in_window (fixture->chart, 800, 600, TRUE, SODO_LAYOUT_TOP_DOWN, &window);
  g_assert_cmpuint (check_first_view (compact), ==, 1);
  g_assert_cmpfloat (sodo_chart_view_get_zoom (compact), ==, 1.0);
  render_view (compact, &stats);
  g_assert_cmpint (stats.detail, ==, SODO_CHART_DETAIL_FULL);
  g_assert_cmpuint (stats.n_cards, ==, 11);
  g_assert_cmpuint (stats.n_texts, >=, 11);
  gtk_window_destroy (window);
}

/* Charts of other shapes: each shows as many whole levels as can be read, never fewer than
 * the root and its children. */
static void
test_first_view_shapes (void)
{
  static const guint small[] = { 3, 2 };
  static const guint middle[] = { 2, 2, 20 };
  static const guint wide[] = { 150 };
  static const guint chain[] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
  static const guint bushy[] = { 6, 5, 4, 3 };
  static const struct {
    const guint *fanouts;
    guint        n_levels;
    gboolean     compact;
    gboolean     left_right;
    int          expected;    /* depth shown, or -1 to leave it to check_first_view() */
  } shapes[] = {
    { small, G_N_ELEMENTS (small), FALSE, FALSE, 2 },       /* readable whole */
    { middle, G_N_ELEMENTS (middle), FALSE, FALSE, 2 },     /* 80 leaves folded away */
    { middle, G_N_ELEMENTS (middle), TRUE, FALSE, -1 },
    { middle, G_N_ELEMENTS (middle), FALSE, TRUE, -1 },
    { wide, G_N_ELEMENTS (wide), FALSE, FALSE, 1 },         /* nothing to fold */
    { wide, G_N_ELEMENTS (wide), TRUE, FALSE, 1 },
    { chain, G_N_ELEMENTS (chain), FALSE, FALSE, -1 },      /* too tall rather than wide */
    { bushy, G_N_ELEMENTS (bushy), TRUE, FALSE, -1 },
    { bushy, G_N_ELEMENTS (bushy), FALSE, TRUE, -1 },
    { NULL, 0, FALSE, FALSE, 0 },                           /* the root alone */
  };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(SodoOrgchart) chart = make_chart (shapes[i].fanouts, shapes[i].n_levels);
      GtkWindow *window;
      SodoChartView *view = show_in_window (chart, 800, 600, shapes[i].compact,
                                            shapes[i].left_right ? SODO_LAYOUT_LEFT_RIGHT
                                                                 : SODO_LAYOUT_TOP_DOWN,
                                            &window);
      guint shown = check_first_view (view);

      if (shapes[i].expected >= 0)
        g_assert_cmpuint (shown, ==, (guint) shapes[i].expected);
      if (shapes[i].fanouts == chain)
        g_assert_cmpuint (shown, <, G_N_ELEMENTS (chain));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
resize_window (GtkWindow     *window,
               SodoChartView *view,
               int            width,
               int            height)
{
  Shown shown = { view, width, height };

  gtk_window_set_default_size (window, width, height);
  wait_until (is_shown_at, &shown);
  run_frames ();
}

/* Until the reader changes what is folded, a resize chooses the depth again; after, it
 * only fits. */
static void
test_first_view_follows_resize (void)
{
  static const guint fanouts[] = { 2, 3 };
  g_autoptr(SodoOrgchart) chart = make_chart (fanouts, G_N_ELEMENTS (fanouts));
  GtkWindow *window;
  SodoChartView *view = show_in_window (chart, 600, 500, FALSE, SODO_LAYOUT_TOP_DOWN, &window);
  SodoChartScene *scene = sodo_chart_view_get_scene (view);
  guint first = sodo_orgchart_find_unit (chart, "u1");

  g_assert_cmpuint (check_first_view (view), ==, 1);
  resize_window (window, view, 1200, 500);
  g_assert_cmpuint (check_first_view (view), ==, 2);
  resize_window (window, view, 600, 500);
  g_assert_cmpuint (check_first_view (view), ==, 1);

  /* The reader opens one unit: that is the reader's now. */
  sodo_chart_view_set_collapsed (view, first, FALSE);
  g_assert_false (view->initial_view);
  sodo_chart_view_zoom_to_fit (view);
  resize_window (window, view, 1200, 500);
  g_assert_false (sodo_chart_scene_get_collapsed (scene, first));
  g_assert_true (sodo_chart_scene_get_collapsed (scene, sodo_orgchart_find_unit (chart, "u2")));
  g_assert_cmpfloat_with_epsilon (sodo_chart_view_get_zoom (view), fit_zoom_of (view), 1e-9);
  gtk_window_destroy (window);
}

/* A unit selected before the chart is first shown stays selected and in sight. */
static void
test_first_view_keeps_selection (void)
{
  static const guint fanouts[] = { 2, 2, 20 };
  g_autoptr(SodoOrgchart) chart = make_chart (fanouts, G_N_ELEMENTS (fanouts));
  SodoChartView *view = SODO_CHART_VIEW (sodo_chart_view_new ());
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  guint leaf = sodo_orgchart_find_unit (chart, "u30");
  Shown shown = { view, 800, 600 };
  SodoChartScene *scene;

  gtk_window_set_default_size (window, 800, 600);
  gtk_window_set_child (window, GTK_WIDGET (view));
  sodo_chart_view_set_orgchart (view, chart);
  sodo_chart_view_select_unit (view, leaf, TRUE);
  gtk_window_present (window);
  wait_until (is_shown_at, &shown);

  scene = sodo_chart_view_get_scene (view);
  g_assert_cmpuint (sodo_chart_view_get_selected_unit (view), ==, leaf);
  g_assert_true (sodo_chart_scene_is_unit_visible (scene, leaf));
  /* Its neighbours at depth 2 are still folded. */
  g_assert_true (sodo_chart_scene_get_collapsed (scene, sodo_orgchart_find_unit (chart, "u3")));
  gtk_window_destroy (window);
}

static void
test_fit_whole_chart (Fixture       *fixture,
                      gconstpointer  user_data)
{
  SodoLayoutRect bounds;
  double zoom = sodo_chart_view_get_zoom (fixture->view);

  sodo_chart_scene_get_bounds (sodo_chart_view_get_scene (fixture->view), &bounds);

  /* The sample is wider than 800 pixels at 100 %: fitting shrinks it to the view's width
   * less the margins, and centres it. */
  g_assert_cmpfloat (zoom, <, 1.0);
  g_assert_cmpfloat_with_epsilon (bounds.width * zoom, 800 - 2 * _SODO_CHART_VIEW_FIT_MARGIN, 0.5);
  g_assert_cmpfloat (bounds.height * zoom, <=, 600);
  g_assert_cmpfloat_with_epsilon (fixture->view->center_x, bounds.width / 2, 0.01);
  g_assert_cmpfloat_with_epsilon (fixture->view->center_y, bounds.height / 2, 0.01);
  /* Everything is in sight: no overview. */
  g_assert_false (gtk_widget_get_child_visible (fixture->view->minimap));
  g_assert_cmpuint (sodo_chart_view_get_selected_unit (fixture->view), ==, SODO_NO_INDEX);
}

static void
test_keyboard_navigation (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);

  /* With nothing selected, any arrow starts at the top. */
  press_key (view, GDK_KEY_Down, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "thanh-uy");

  press_key (view, GDK_KEY_Down, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "btv");
  press_key (view, GDK_KEY_Right, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "ubkt");
  press_key (view, GDK_KEY_Right, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "tham-muu");
  press_key (view, GDK_KEY_Left, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "ubkt");
  press_key (view, GDK_KEY_Right, 0);
  press_key (view, GDK_KEY_Right, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "nhom-dang-doan");
  press_key (view, GDK_KEY_Down, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "dd-hdnd");
  press_key (view, GDK_KEY_Right, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "dd-mttq");
  press_key (view, GDK_KEY_Up, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "nhom-dang-doan");

  /* At the ends of the tree a move goes nowhere. */
  press_key (view, GDK_KEY_Down, 0);
  press_key (view, GDK_KEY_Left, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "dd-hdnd");
  press_key (view, GDK_KEY_Down, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "dd-hdnd");

  press_key (view, GDK_KEY_Home, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "thanh-uy");
  press_key (view, GDK_KEY_Up, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "thanh-uy");
}

static void
test_keyboard_left_right (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);

  /* The stateful action switches the layout; the keys follow the picture: the parent on
   * the left, the children on the right, siblings above and below. */
  gtk_widget_activate_action (view, "chart.orientation", "s", "left-right");
  g_assert_cmpint (sodo_chart_view_get_orientation (fixture->view), ==, SODO_LAYOUT_LEFT_RIGHT);
  g_assert_cmpint (sodo_chart_scene_get_layout (sodo_chart_view_get_scene (fixture->view))->orientation,
                   ==, SODO_LAYOUT_LEFT_RIGHT);

  sodo_chart_view_select_unit (fixture->view, unit (fixture, "nhom-dang-doan"), FALSE);
  press_key (view, GDK_KEY_Right, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "dd-hdnd");
  press_key (view, GDK_KEY_Down, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "dd-mttq");
  press_key (view, GDK_KEY_Up, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "dd-hdnd");
  press_key (view, GDK_KEY_Left, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "nhom-dang-doan");
}

static void
test_enter_toggles_collapse (Fixture       *fixture,
                             gconstpointer  user_data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  SodoChartScene *scene = sodo_chart_view_get_scene (fixture->view);
  guint group = unit (fixture, "nhom-dang-doan");
  guint all = n_visible (fixture);
  double x_before;
  double y_before;
  double x_after;
  double y_after;

  g_assert_cmpuint (all, ==, sodo_orgchart_get_n_units (fixture->chart));

  sodo_chart_view_select_unit (fixture->view, group, FALSE);
  card_center (fixture, group, &x_before, &y_before);
  x_before -= fixture->view->center_x;
  y_before -= fixture->view->center_y;

  press_key (view, GDK_KEY_Return, 0);
  g_assert_true (sodo_chart_scene_get_collapsed (scene, group));
  g_assert_cmpuint (n_visible (fixture), ==, all - 8);
  g_assert_false (sodo_chart_scene_is_unit_visible (scene, unit (fixture, "dd-hdnd")));

  /* The collapsed card stays where it was on screen: the reader does not lose it. */
  card_center (fixture, group, &x_after, &y_after);
  g_assert_cmpfloat_with_epsilon (x_after - fixture->view->center_x, x_before, 0.5);
  g_assert_cmpfloat_with_epsilon (y_after - fixture->view->center_y, y_before, 0.5);

  press_key (view, GDK_KEY_KP_Enter, 0);
  g_assert_false (sodo_chart_scene_get_collapsed (scene, group));
  g_assert_cmpuint (n_visible (fixture), ==, all);

  /* Down into a collapsed unit opens it. */
  press_key (view, GDK_KEY_space, 0);
  g_assert_cmpuint (n_visible (fixture), ==, all - 8);
  press_key (view, GDK_KEY_Down, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "dd-hdnd");
  g_assert_cmpuint (n_visible (fixture), ==, all);

  /* Collapsing above the selection moves it up to the collapsed unit, where it shows. */
  sodo_chart_view_set_collapsed (fixture->view, group, TRUE);
  g_assert_cmpstr (selected_id (fixture), ==, "nhom-dang-doan");
  sodo_chart_view_set_collapsed (fixture->view, group, FALSE);
  sodo_chart_view_select_unit (fixture->view, unit (fixture, "dd-hdnd"), FALSE);

  /* A leaf has nothing to collapse. */
  g_assert_false (gtk_widget_activate_action (view, "chart.toggle-collapsed", NULL)
                  && sodo_chart_scene_get_collapsed (scene, unit (fixture, "dd-hdnd")));
}

static void
test_context_menu_actions (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  SodoChartScene *scene = sodo_chart_view_get_scene (fixture->view);
  guint root = unit (fixture, "thanh-uy");
  guint districts = unit (fixture, "cap-huyen");

  /* Without a selection the unit commands are off. */
  g_assert_false (gtk_widget_activate_action (view, "chart.collapse-below", NULL)
                  && sodo_chart_scene_get_collapsed (scene, root));

  sodo_chart_view_select_unit (fixture->view, root, FALSE);
  press_key (view, GDK_KEY_Menu, 0);
  g_assert_nonnull (fixture->view->context_menu);
  g_assert_true (gtk_widget_get_visible (fixture->view->context_menu));
  gtk_popover_popdown (GTK_POPOVER (fixture->view->context_menu));

  g_assert_true (gtk_widget_activate_action (view, "chart.collapse-below", NULL));
  g_assert_true (sodo_chart_scene_get_collapsed (scene, root));
  g_assert_true (sodo_chart_scene_get_collapsed (scene, districts));
  g_assert_cmpuint (n_visible (fixture), ==, 1);

  g_assert_true (gtk_widget_activate_action (view, "chart.expand-below", NULL));
  g_assert_false (sodo_chart_scene_get_collapsed (scene, root));
  g_assert_false (sodo_chart_scene_get_collapsed (scene, districts));
  g_assert_cmpuint (n_visible (fixture), ==, sodo_orgchart_get_n_units (fixture->chart));
}

static void
on_clipboard_text_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static void
test_copy_name (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  g_autofree char *text = NULL;

  sodo_chart_view_select_unit (fixture->view, unit (fixture, "dd-hdnd"), FALSE);
  g_assert_true (gtk_widget_activate_action (view, "chart.copy-name", NULL));

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (view), NULL,
                                 on_clipboard_text_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (text, ==, "Đảng đoàn Hội đồng nhân dân thành phố");
}

static void
test_zoom_keys (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  double fitted = sodo_chart_view_get_zoom (fixture->view);

  press_key (view, GDK_KEY_plus, 0);
  g_assert_cmpfloat_with_epsilon (sodo_chart_view_get_zoom (fixture->view),
                                  fitted * _SODO_CHART_VIEW_ZOOM_STEP, 1e-9);
  press_key (view, GDK_KEY_KP_Add, 0);
  g_assert_cmpfloat_with_epsilon (sodo_chart_view_get_zoom (fixture->view),
                                  fitted * _SODO_CHART_VIEW_ZOOM_STEP * _SODO_CHART_VIEW_ZOOM_STEP,
                                  1e-9);
  press_key (view, GDK_KEY_minus, 0);
  g_assert_cmpfloat_with_epsilon (sodo_chart_view_get_zoom (fixture->view),
                                  fitted * _SODO_CHART_VIEW_ZOOM_STEP, 1e-9);

  press_key (view, GDK_KEY_0, 0);
  g_assert_cmpfloat (sodo_chart_view_get_zoom (fixture->view), ==, 1.0);
  /* At 100 % the sample is larger than the view: the overview shows. */
  run_frames ();
  g_assert_true (gtk_widget_get_child_visible (fixture->view->minimap));

  press_key (view, GDK_KEY_1, 0);
  g_assert_cmpfloat_with_epsilon (sodo_chart_view_get_zoom (fixture->view), fitted, 1e-9);
  run_frames ();
  g_assert_false (gtk_widget_get_child_visible (fixture->view->minimap));

  /* The zoom stays within its limits however often one presses. */
  for (guint i = 0; i < 40; i++)
    press_key (view, GDK_KEY_plus, GDK_CONTROL_MASK);
  g_assert_cmpfloat (sodo_chart_view_get_zoom (fixture->view), ==, SODO_CHART_VIEW_MAX_ZOOM);
  for (guint i = 0; i < 80; i++)
    press_key (view, GDK_KEY_minus, GDK_CONTROL_MASK);
  g_assert_cmpfloat_with_epsilon (sodo_chart_view_get_zoom (fixture->view),
                                  MIN (fitted, SODO_CHART_VIEW_MIN_ZOOM), 1e-9);
}

static void
test_zoom_to_selection (Fixture       *fixture,
                        gconstpointer  user_data)
{
  guint group = unit (fixture, "nhom-dang-doan");
  double fitted = sodo_chart_view_get_zoom (fixture->view);
  SodoChartRect area;

  sodo_chart_view_select_unit (fixture->view, group, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "chart.zoom-selection",
                                             NULL));
  /* The delegations' group and its 8 units fill the view, much larger than the whole
   * chart did, and all of them are in sight. */
  g_assert_cmpfloat (sodo_chart_view_get_zoom (fixture->view), >, 4 * fitted);
  _sodo_chart_view_get_visible_area (fixture->view, &area);
  for (guint child = sodo_orgchart_get_unit (fixture->chart, group)->first_child;
       child != SODO_NO_INDEX;
       child = sodo_orgchart_get_unit (fixture->chart, child)->next_sibling)
    {
      SodoLayoutRect rect;

      g_assert_true (sodo_chart_scene_get_unit_rect (sodo_chart_view_get_scene (fixture->view),
                                                     child, &rect));
      g_assert_cmpfloat (rect.x, >=, area.x);
      g_assert_cmpfloat (rect.x + rect.width, <=, area.x + area.width);
      g_assert_cmpfloat (rect.y, >=, area.y);
      g_assert_cmpfloat (rect.y + rect.height, <=, area.y + area.height);
    }
}

static void
test_animated_center (Fixture       *fixture,
                      gconstpointer  user_data)
{
  guint far_unit = unit (fixture, "thi-xa-son-tay");
  double x;
  double y;

  set_animations (TRUE);
  sodo_chart_view_select_unit (fixture->view, far_unit, TRUE);
  g_assert_cmpstr (selected_id (fixture), ==, "thi-xa-son-tay");
  /* The move takes frames, and ends with the card in the middle at a readable zoom. */
  g_assert_true (_sodo_chart_view_is_animating (fixture->view));
  wait_until (is_still, fixture->view);

  card_center (fixture, far_unit, &x, &y);
  g_assert_cmpfloat_with_epsilon (fixture->view->center_x, x, 0.01);
  g_assert_cmpfloat_with_epsilon (fixture->view->center_y, y, 0.01);
  g_assert_cmpfloat (sodo_chart_view_get_zoom (fixture->view), >=, SODO_CHART_TEXT_MIN_SCALE);

  /* Without animations the same move is immediate. */
  set_animations (FALSE);
  sodo_chart_view_select_unit (fixture->view, unit (fixture, "btv"), TRUE);
  g_assert_false (_sodo_chart_view_is_animating (fixture->view));
  card_center (fixture, unit (fixture, "btv"), &x, &y);
  g_assert_cmpfloat_with_epsilon (fixture->view->center_x, x, 0.01);
}

static void
count_cb (guint      *count,
          GParamSpec *pspec,
          GObject    *object)
{
  (*count)++;
}

static void
test_select_hidden_reveals (Fixture       *fixture,
                            gconstpointer  user_data)
{
  SodoChartScene *scene = sodo_chart_view_get_scene (fixture->view);
  guint districts = unit (fixture, "cap-huyen");
  guint ba_dinh = unit (fixture, "quan-ba-dinh");
  guint notified = 0;
  guint n_notifications = 0;

  g_signal_connect_swapped (fixture->view, "notify::selected-unit",
                            G_CALLBACK (count_cb), &n_notifications);
  sodo_chart_view_set_collapsed (fixture->view, districts, TRUE);
  g_assert_false (sodo_chart_scene_is_unit_visible (scene, ba_dinh));

  /* Selecting from the outline or a search finds a unit wherever it is. */
  g_object_set (fixture->view, "selected-unit", ba_dinh, NULL);
  g_assert_true (sodo_chart_scene_is_unit_visible (scene, ba_dinh));
  g_assert_false (sodo_chart_scene_get_collapsed (scene, districts));
  g_object_get (fixture->view, "selected-unit", &notified, NULL);
  g_assert_cmpuint (notified, ==, ba_dinh);
  g_assert_cmpuint (n_notifications, ==, 1);
  /* Selecting it again changes nothing, and says nothing. */
  sodo_chart_view_select_unit (fixture->view, ba_dinh, FALSE);
  g_assert_cmpuint (n_notifications, ==, 1);

  sodo_chart_view_select_unit (fixture->view, SODO_NO_INDEX, FALSE);
  g_assert_null (selected_id (fixture));
}

static void
test_accessible_announces_selection (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (fixture->view);
  g_autofree char *mismatch = NULL;

  g_assert_cmpint (gtk_accessible_get_accessible_role (accessible), ==,
                   GTK_ACCESSIBLE_ROLE_GROUP);
  mismatch = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Org chart: Đảng bộ thành phố Hà Nội");
  g_assert_null (mismatch);

  sodo_chart_view_select_unit (fixture->view, unit (fixture, "dd-hdnd"), FALSE);
  mismatch = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Đảng đoàn Hội đồng nhân dân thành phố, "
                                                 "Đảng đoàn (ĐĐ), 1 of 8 under Các đảng đoàn (8)");
  g_assert_null (mismatch);

  press_key (GTK_WIDGET (fixture->view), GDK_KEY_Right, 0);
  mismatch = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam "
                                                 "thành phố, Đảng đoàn (ĐĐ), 2 of 8 under "
                                                 "Các đảng đoàn (8)");
  g_assert_null (mismatch);

  press_key (GTK_WIDGET (fixture->view), GDK_KEY_Up, 0);
  press_key (GTK_WIDGET (fixture->view), GDK_KEY_Return, 0);
  mismatch = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Các đảng đoàn (8), Nhóm (để trình bày), "
                                                 "4 of 10 under Thành ủy Hà Nội, "
                                                 "collapsed, 8 units hidden");
  g_assert_null (mismatch);

  press_key (GTK_WIDGET (fixture->view), GDK_KEY_Home, 0);
  mismatch = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Thành ủy Hà Nội, Cấp ủy, top of the chart");
  g_assert_null (mismatch);
}

static void
test_matches (Fixture       *fixture,
              gconstpointer  user_data)
{
  guint units[] = { unit (fixture, "dd-hdnd"), unit (fixture, "quan-ba-dinh") };
  SodoRenderParams params;

  sodo_chart_view_set_matches (fixture->view, units, G_N_ELEMENTS (units));
  _sodo_chart_view_init_params (fixture->view, &params);
  g_assert_nonnull (params.matches);
  for (guint i = 0; i < sodo_orgchart_get_n_units (fixture->chart); i++)
    {
      gboolean matched = (params.matches[i / 32] >> (i % 32)) & 1;

      g_assert_cmpint (matched, ==, i == units[0] || i == units[1]);
    }
  run_frames ();

  sodo_chart_view_set_matches (fixture->view, NULL, 0);
  _sodo_chart_view_init_params (fixture->view, &params);
  g_assert_null (params.matches);
}

static void
assert_states_equal (const SodoChartViewState *a,
                     const SodoChartViewState *b)
{
  g_assert_cmpfloat_with_epsilon (a->zoom, b->zoom, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->center_x, b->center_x, 1e-6);
  g_assert_cmpfloat_with_epsilon (a->center_y, b->center_y, 1e-6);
  g_assert_cmpstr (a->selected_id, ==, b->selected_id);
  g_assert_cmpstr (a->anchor_id, ==, b->anchor_id);
  g_assert_true (g_strv_equal ((const char *const *) a->collapsed_ids,
                               (const char *const *) b->collapsed_ids));
}

static void
test_view_state_round_trip (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(SodoChartViewState) state = NULL;
  g_autoptr(SodoChartViewState) restored = NULL;
  g_autoptr(SodoChartViewState) copy = NULL;
  g_autoptr(SodoOrgchart) same_file = load_sample ();
  SodoChartScene *scene = sodo_chart_view_get_scene (fixture->view);
  /* In the order of the file. */
  const char *const collapsed[] = { "nhom-ban-can-su", "cap-huyen", NULL };

  sodo_chart_view_set_collapsed (fixture->view, unit (fixture, "cap-huyen"), TRUE);
  sodo_chart_view_set_collapsed (fixture->view, unit (fixture, "nhom-ban-can-su"), TRUE);
  sodo_chart_view_select_unit (fixture->view, unit (fixture, "dd-mttq"), FALSE);
  sodo_chart_view_set_zoom (fixture->view, 0.8);
  _sodo_chart_view_set_transform (fixture->view, 0.8, 900, 200);

  state = sodo_chart_view_get_view_state (fixture->view);
  g_assert_cmpfloat (state->zoom, ==, 0.8);
  g_assert_cmpfloat (state->center_x, ==, 900);
  g_assert_cmpfloat (state->center_y, ==, 200);
  g_assert_cmpstr (state->selected_id, ==, "dd-mttq");
  g_assert_true (g_strv_equal ((const char *const *) state->collapsed_ids, collapsed));
  g_assert_nonnull (state->anchor_id);
  copy = sodo_chart_view_state_copy (state);
  assert_states_equal (state, copy);

  /* Another view of the chart, as a rebuilt window makes, comes back the same. */
  {
    GtkWidget *window = gtk_window_new ();
    SodoChartView *other = SODO_CHART_VIEW (sodo_chart_view_new ());

    gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
    gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (other));
    /* The state may come before the chart, as it does when a window is rebuilt. */
    sodo_chart_view_set_view_state (other, state);
    sodo_chart_view_set_orgchart (other, same_file);
    gtk_window_present (GTK_WINDOW (window));
    while (gtk_widget_get_width (GTK_WIDGET (other)) != 800 || other->pending_state != NULL)
      g_main_context_iteration (NULL, TRUE);

    restored = sodo_chart_view_get_view_state (other);
    assert_states_equal (state, restored);
    gtk_window_destroy (GTK_WINDOW (window));
  }

  /* A reload of the same file keeps the view by itself. */
  g_clear_pointer (&restored, sodo_chart_view_state_free);
  sodo_chart_view_set_orgchart (fixture->view, same_file);
  run_frames ();
  restored = sodo_chart_view_get_view_state (fixture->view);
  assert_states_equal (state, restored);
  scene = sodo_chart_view_get_scene (fixture->view);
  g_assert_true (sodo_chart_scene_get_collapsed (scene, unit (fixture, "cap-huyen")));
  sodo_chart_view_set_orgchart (fixture->view, fixture->chart);
}

static void
test_view_state_follows_anchor (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(SodoChartViewState) state = NULL;
  guint anchor;
  double x_after;
  double y_after;

  _sodo_chart_view_set_transform (fixture->view, 1.0, 0, 0);
  sodo_chart_view_center_on_unit (fixture->view, unit (fixture, "quan-cau-giay"));
  state = sodo_chart_view_get_view_state (fixture->view);
  g_assert_cmpstr (state->anchor_id, ==, "quan-cau-giay");
  anchor = unit (fixture, "quan-cau-giay");

  /* English names have other lengths: the cards move, the view follows its anchor. */
  sodo_language_set ("en");
  sodo_chart_scene_remeasure (sodo_chart_view_get_scene (fixture->view));
  sodo_chart_view_set_view_state (fixture->view, state);
  card_center (fixture, anchor, &x_after, &y_after);
  g_assert_cmpfloat_with_epsilon (fixture->view->center_x, x_after + state->anchor_dx, 0.01);
  g_assert_cmpfloat_with_epsilon (fixture->view->center_y, y_after + state->anchor_dy, 0.01);
  sodo_language_set ("vi");
}

static void
test_pan_clamped (Fixture       *fixture,
                  gconstpointer  user_data)
{
  SodoLayoutRect bounds;

  sodo_chart_scene_get_bounds (sodo_chart_view_get_scene (fixture->view), &bounds);
  _sodo_chart_view_set_transform (fixture->view, 1.0, -5000, 1e9);
  g_assert_cmpfloat (fixture->view->center_x, ==, 0);
  g_assert_cmpfloat (fixture->view->center_y, ==, bounds.height);

  /* Zooming around a point keeps that point under it. */
  _sodo_chart_view_set_transform (fixture->view, 0.5, bounds.width / 2, bounds.height / 2);
  {
    double before_x;
    double before_y;
    double after_x;
    double after_y;

    _sodo_chart_view_widget_to_chart (fixture->view, 200, 150, &before_x, &before_y);
    _sodo_chart_view_zoom_around (fixture->view, 1.5, 200, 150);
    _sodo_chart_view_widget_to_chart (fixture->view, 200, 150, &after_x, &after_y);
    g_assert_cmpfloat_with_epsilon (before_x, after_x, 1e-6);
    g_assert_cmpfloat_with_epsilon (before_y, after_y, 1e-6);
    g_assert_cmpfloat_with_epsilon (sodo_chart_view_get_zoom (fixture->view), 0.75, 1e-9);
  }
}

static void
test_resize_keeps_fit (Fixture       *fixture,
                       gconstpointer  user_data)
{
  SodoLayoutRect bounds;

  sodo_chart_scene_get_bounds (sodo_chart_view_get_scene (fixture->view), &bounds);

  /* A fitted chart fits again when the view grows... */
  gtk_window_set_default_size (fixture->window, 1000, 600);
  while (gtk_widget_get_width (GTK_WIDGET (fixture->view)) != 1000)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat_with_epsilon (bounds.width * sodo_chart_view_get_zoom (fixture->view),
                                  1000 - 2 * _SODO_CHART_VIEW_FIT_MARGIN, 0.5);

  /* ...but not once the reader has moved it. */
  press_key (GTK_WIDGET (fixture->view), GDK_KEY_plus, 0);
  {
    double zoom = sodo_chart_view_get_zoom (fixture->view);

    gtk_window_set_default_size (fixture->window, 800, 600);
    while (gtk_widget_get_width (GTK_WIDGET (fixture->view)) != 800)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpfloat (sodo_chart_view_get_zoom (fixture->view), ==, zoom);
  }
}

static void
test_no_chart (void)
{
  SodoChartView *view = SODO_CHART_VIEW (g_object_ref_sink (sodo_chart_view_new ()));
  guint unit_index = 0;

  /* Without a chart everything is harmless and says so. */
  g_assert_null (sodo_chart_view_get_view_state (view));
  sodo_chart_view_select_unit (view, 3, TRUE);
  g_object_get (view, "selected-unit", &unit_index, NULL);
  g_assert_cmpuint (unit_index, ==, SODO_NO_INDEX);
  sodo_chart_view_zoom_to_fit (view);
  sodo_chart_view_zoom_in (view);
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (view),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                     "Org chart"));
  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  sodo_test_init_gtk (&argc, &argv);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/chart/view/" path, Fixture, NULL, fixture_set_up_expanded, func, \
              fixture_tear_down)

  g_test_add ("/chart/view/first-view/sample", Fixture, NULL, fixture_set_up,
              test_first_view_sample, fixture_tear_down);
  g_test_add_func ("/chart/view/first-view/shapes", test_first_view_shapes);
  g_test_add_func ("/chart/view/first-view/follows-resize", test_first_view_follows_resize);
  g_test_add_func ("/chart/view/first-view/keeps-selection", test_first_view_keeps_selection);
  ADD ("fit-whole-chart", test_fit_whole_chart);
  ADD ("keyboard-navigation", test_keyboard_navigation);
  ADD ("keyboard-left-right", test_keyboard_left_right);
  ADD ("enter-toggles-collapse", test_enter_toggles_collapse);
  ADD ("context-menu-actions", test_context_menu_actions);
  ADD ("copy-name", test_copy_name);
  ADD ("zoom-keys", test_zoom_keys);
  ADD ("zoom-to-selection", test_zoom_to_selection);
  ADD ("animated-center", test_animated_center);
  ADD ("select-hidden-reveals", test_select_hidden_reveals);
  ADD ("accessible-announces-selection", test_accessible_announces_selection);
  ADD ("matches", test_matches);
  ADD ("view-state-round-trip", test_view_state_round_trip);
  ADD ("view-state-follows-anchor", test_view_state_follows_anchor);
  ADD ("pan-clamped", test_pan_clamped);
  ADD ("resize-keeps-fit", test_resize_keeps_fit);
  g_test_add_func ("/chart/view/no-chart", test_no_chart);

#undef ADD

  return g_test_run ();
}
