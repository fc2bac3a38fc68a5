/* test-chart-pane.c: the chart pane ties the view, outline, find bar and details together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "app/sodo-application.h"
#include "app/sodo-window.h"
#include "chart/sodo-chart-details.h"
#include "chart/sodo-chart-outline.h"
#include "chart/sodo-chart-pane.h"
#include "chart/sodo-chart-search.h"
#include "chart/sodo-chart-view-private.h"
#include "model/sodo-language.h"
#include "sodo-resources.h"
#include "sodo-test-gtk.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

typedef struct {
  GtkWindow      *window;
  SodoChartPane  *pane;
  SodoChartView  *view;
  SodoOrgchart   *chart;
  SodoRegulation *regulation;
  GSettings      *settings;
} Fixture;

static gpointer
load_sample (const char *name,
             gboolean    regulation)
{
  g_autofree char *path = g_build_filename (g_getenv ("SODO_SAMPLES_DIR"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gpointer document = regulation ? (gpointer) sodo_regulation_load_file (file, NULL, NULL, &error)
                                 : (gpointer) sodo_orgchart_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static guint
unit (Fixture    *fixture,
      const char *id)
{
  guint index = sodo_orgchart_find_unit (fixture->chart, id);

  g_assert_cmpuint (index, !=, SODO_NO_INDEX);
  return index;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A shown label under @widget reading @text. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child) || !gtk_widget_get_child_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
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

/* Runs frames until nothing is pending: folding waits for the next frame, the zoom label for
 * an idle. */
static void
run_frames (void)
{
  for (guint i = 0; i < 40; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static gboolean
is_shown (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->view)) && !fixture->view->fit_pending;
}

static void
resize (Fixture *fixture,
        int      width)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_window_set_default_size (fixture->window, width, 700);
  while (gtk_widget_get_width (GTK_WIDGET (fixture->pane)) != width)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The pane is %d wide, not %d", gtk_widget_get_width (GTK_WIDGET (fixture->pane)), width);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  run_frames ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  fixture->settings = g_settings_new (APP_ID);
  fixture->chart = load_sample ("hanoi-2023.json", FALSE);
  fixture->regulation = load_sample ("regulation-draft-2023.json", TRUE);
  fixture->pane = SODO_CHART_PANE (g_object_ref_sink (sodo_chart_pane_new ()));
  fixture->view = sodo_chart_pane_get_view (fixture->pane);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->pane));
  gtk_window_present (fixture->window);
}

static void
show_chart (Fixture *fixture)
{
  g_object_set (fixture->pane, "orgchart", fixture->chart, "regulation", fixture->regulation, NULL);
  wait_until (is_shown, fixture);
  run_frames ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->pane);
  g_assert_finalize_object (fixture->chart);
  g_assert_finalize_object (fixture->regulation);

  /* The memory backend outlives the test: put the settings back. */
  g_settings_reset (fixture->settings, "chart-orientation");
  g_settings_reset (fixture->settings, "chart-compact");
  g_settings_reset (fixture->settings, "chart-show-relations");
  g_settings_reset (fixture->settings, "outline-visible");
  g_settings_reset (fixture->settings, "details-visible");
  g_clear_object (&fixture->settings);
}

static GtkWidget *
pane_child (Fixture *fixture,
            GType    type)
{
  GtkWidget *widget = find_descendant (GTK_WIDGET (fixture->pane), type);

  g_assert_nonnull (widget);
  return widget;
}

/* ---- Tests ---- */

static void
test_empty_then_chart (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GtkStack *stack = GTK_STACK (pane_child (fixture, GTK_TYPE_STACK));
  SodoChartOutline *outline = SODO_CHART_OUTLINE (pane_child (fixture, SODO_TYPE_CHART_OUTLINE));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->pane), "No Org Chart"));

  show_chart (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "chart");
  g_assert_true (sodo_chart_view_get_orgchart (fixture->view) == fixture->chart);
  g_assert_true (sodo_chart_outline_get_orgchart (outline) == fixture->chart);
  g_assert_true (sodo_chart_pane_get_regulation (fixture->pane) == fixture->regulation);

  g_object_set (fixture->pane, "orgchart", NULL, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_null (sodo_chart_view_get_orgchart (fixture->view));
}

static void
test_selection_sync (Fixture       *fixture,
                     gconstpointer  user_data)
{
  SodoChartOutline *outline = SODO_CHART_OUTLINE (pane_child (fixture, SODO_TYPE_CHART_OUTLINE));
  SodoChartDetails *details = SODO_CHART_DETAILS (pane_child (fixture, SODO_TYPE_CHART_DETAILS));
  SodoChartSearch *search = SODO_CHART_SEARCH (pane_child (fixture, SODO_TYPE_CHART_SEARCH));
  guint ba_dinh;

  show_chart (fixture);

  /* Chart to outline, search and details. */
  sodo_chart_view_select_unit (fixture->view, unit (fixture, "dd-hdnd"), FALSE);
  g_assert_cmpuint (sodo_chart_outline_get_selected_unit (outline), ==, unit (fixture, "dd-hdnd"));
  g_assert_cmpuint (sodo_chart_details_get_selected_unit (details), ==, unit (fixture, "dd-hdnd"));
  g_assert_cmpuint (sodo_chart_search_get_selected_unit (search), ==, unit (fixture, "dd-hdnd"));

  /* Outline to chart: a unit hidden under a collapsed group is revealed, and brought into
   * sight at a zoom where it can be read. */
  ba_dinh = unit (fixture, "quan-ba-dinh");
  sodo_chart_view_set_collapsed (fixture->view, unit (fixture, "cap-huyen"), TRUE);
  sodo_chart_outline_set_selected_unit (outline, ba_dinh);
  g_assert_cmpuint (sodo_chart_view_get_selected_unit (fixture->view), ==, ba_dinh);
  g_assert_cmpuint (sodo_chart_details_get_selected_unit (details), ==, ba_dinh);
  g_assert_true (sodo_chart_scene_is_unit_visible (sodo_chart_view_get_scene (fixture->view),
                                                   ba_dinh));
  {
    SodoLayoutRect rect;
    SodoChartRect area;

    sodo_chart_scene_get_unit_rect (sodo_chart_view_get_scene (fixture->view), ba_dinh, &rect);
    _sodo_chart_view_get_visible_area (fixture->view, &area);
    g_assert_cmpfloat (rect.x, >=, area.x);
    g_assert_cmpfloat (rect.x + rect.width, <=, area.x + area.width);
    g_assert_cmpfloat (sodo_chart_view_get_zoom (fixture->view), >=, SODO_CHART_TEXT_MIN_SCALE);
  }

  /* Clearing in the chart clears everywhere. */
  sodo_chart_view_select_unit (fixture->view, SODO_NO_INDEX, FALSE);
  g_assert_cmpuint (sodo_chart_outline_get_selected_unit (outline), ==, SODO_NO_INDEX);
  g_assert_cmpuint (sodo_chart_details_get_selected_unit (details), ==, SODO_NO_INDEX);
}

static void
test_details_follow_selection (Fixture       *fixture,
                               gconstpointer  user_data)
{
  GtkWidget *details = pane_child (fixture, SODO_TYPE_CHART_DETAILS);

  sodo_language_set ("vi");
  show_chart (fixture);

  /* The details open with a selection, and say what the chart knows of it. */
  g_assert_false (sodo_chart_pane_get_details_visible (fixture->pane));
  sodo_chart_view_select_unit (fixture->view, unit (fixture, "dd-hdnd"), FALSE);
  run_frames ();
  g_assert_true (sodo_chart_pane_get_details_visible (fixture->pane));
  g_assert_true (gtk_widget_get_mapped (details));
  g_assert_nonnull (find_label (details, "Hội đồng nhân dân thành phố Hà Nội"));

  sodo_chart_view_select_unit (fixture->view, unit (fixture, "thanh-uy"), FALSE);
  g_assert_nonnull (find_label (details, "475.000"));

  sodo_chart_view_select_unit (fixture->view, SODO_NO_INDEX, FALSE);
  run_frames ();
  g_assert_false (sodo_chart_pane_get_details_visible (fixture->pane));
  /* Closing for want of a selection is not a preference. */
  g_assert_true (g_settings_get_boolean (fixture->settings, "details-visible"));
}

static void
on_article_cb (SodoChartPane *pane,
               const char    *node_id,
               char         **received)
{
  g_free (*received);
  *received = g_strdup (node_id);
}

static void
test_article_activated (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GtkWidget *details = pane_child (fixture, SODO_TYPE_CHART_DETAILS);
  g_autofree char *received = NULL;

  show_chart (fixture);
  g_signal_connect (fixture->pane, "article-activated", G_CALLBACK (on_article_cb), &received);
  g_signal_emit_by_name (details, "article-activated", "art-5");
  g_assert_cmpstr (received, ==, "art-5");
}

static void
test_search_highlights (Fixture       *fixture,
                        gconstpointer  user_data)
{
  SodoChartSearch *search = SODO_CHART_SEARCH (pane_child (fixture, SODO_TYPE_CHART_SEARCH));
  GtkSearchBar *bar = GTK_SEARCH_BAR (pane_child (fixture, GTK_TYPE_SEARCH_BAR));
  guint hdnd;
  guint n_matches = 0;
  SodoRenderParams params;

  sodo_language_set ("vi");
  show_chart (fixture);
  hdnd = unit (fixture, "dd-hdnd");

  /* Ctrl+F opens the find bar. */
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.find", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  /* Folded text finds the delegation, and every match lights up in the chart. */
  sodo_chart_search_set_query (search, "dang doan hdnd");
  sodo_chart_search_get_matches (search, &n_matches);
  g_assert_cmpuint (n_matches, >=, 1);
  _sodo_chart_view_init_params (fixture->view, &params);
  g_assert_nonnull (params.matches);
  g_assert_true ((params.matches[hdnd / 32] >> (hdnd % 32)) & 1);

  /* Stepping to a match selects it in the chart and brings it to the middle. */
  sodo_chart_search_next_match (search);
  g_assert_cmpuint (sodo_chart_view_get_selected_unit (fixture->view), ==,
                    sodo_chart_search_get_current_match (search));
  {
    SodoLayoutRect rect;
    guint current = sodo_chart_search_get_current_match (search);

    sodo_chart_scene_get_unit_rect (sodo_chart_view_get_scene (fixture->view), current, &rect);
    g_assert_cmpfloat_with_epsilon (fixture->view->center_x, rect.x + rect.width / 2, 0.01);
  }

  /* Closing the bar clears the highlights. */
  gtk_search_bar_set_search_mode (bar, FALSE);
  run_frames ();
  _sodo_chart_view_init_params (fixture->view, &params);
  g_assert_null (params.matches);
}

static void
test_settings_actions (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GtkWidget *pane = GTK_WIDGET (fixture->pane);
  g_autofree char *orientation = NULL;

  show_chart (fixture);

  /* The layout options are the settings, both ways; compact is on by default. */
  g_assert_true (sodo_chart_view_get_compact (fixture->view));
  g_assert_true (gtk_widget_activate_action (pane, "settings.chart-compact", NULL));
  g_assert_false (sodo_chart_view_get_compact (fixture->view));
  g_assert_false (g_settings_get_boolean (fixture->settings, "chart-compact"));

  g_assert_true (gtk_widget_activate_action (pane, "settings.chart-orientation", "s",
                                             "left-right"));
  g_assert_cmpint (sodo_chart_view_get_orientation (fixture->view), ==, SODO_LAYOUT_LEFT_RIGHT);
  orientation = g_settings_get_string (fixture->settings, "chart-orientation");
  g_assert_cmpstr (orientation, ==, "left-right");
  g_clear_pointer (&orientation, g_free);

  g_assert_true (gtk_widget_activate_action (pane, "settings.chart-show-relations", NULL));
  g_assert_false (sodo_chart_view_get_show_relations (fixture->view));

  /* The view's own action (its context menu, its keys) writes the setting too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "chart.orientation",
                                             "s", "top-down"));
  orientation = g_settings_get_string (fixture->settings, "chart-orientation");
  g_assert_cmpstr (orientation, ==, "top-down");

  /* A setting changed elsewhere reaches the view. */
  g_settings_set_boolean (fixture->settings, "chart-compact", TRUE);
  g_assert_true (sodo_chart_view_get_compact (fixture->view));
}

static void
test_zoom_buttons (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWidget *pane = GTK_WIDGET (fixture->pane);
  double fitted;
  g_autofree char *expected = NULL;

  show_chart (fixture);
  fitted = sodo_chart_view_get_zoom (fixture->view);

  g_assert_true (gtk_widget_activate_action (pane, "pane.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (sodo_chart_view_get_zoom (fixture->view),
                                  fitted * _SODO_CHART_VIEW_ZOOM_STEP, 1e-9);
  g_assert_true (gtk_widget_activate_action (pane, "pane.zoom-reset", NULL));
  g_assert_cmpfloat (sodo_chart_view_get_zoom (fixture->view), ==, 1.0);
  run_frames ();
  g_assert_nonnull (find_label (pane, "100 %"));

  g_assert_true (gtk_widget_activate_action (pane, "pane.zoom-fit", NULL));
  g_assert_cmpfloat_with_epsilon (sodo_chart_view_get_zoom (fixture->view), fitted, 1e-9);
  run_frames ();
  expected = g_strdup_printf ("%.0f %%", fitted * 100);
  g_assert_nonnull (find_label (pane, expected));

  /* Two levels, then everything. */
  g_assert_true (gtk_widget_activate_action (pane, "pane.collapse-to-two-levels", NULL));
  g_assert_cmpuint (sodo_chart_scene_get_layout (sodo_chart_view_get_scene (fixture->view))->n_visible,
                    ==, 1 + sodo_orgchart_get_unit (fixture->chart,
                                                    sodo_orgchart_get_root (fixture->chart))->n_children);
  g_assert_true (gtk_widget_activate_action (pane, "pane.expand-all", NULL));
  g_assert_cmpuint (sodo_chart_scene_get_layout (sodo_chart_view_get_scene (fixture->view))->n_visible,
                    ==, sodo_orgchart_get_n_units (fixture->chart));
}

static void
test_sidebars_fold (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GtkWidget *outline = pane_child (fixture, SODO_TYPE_CHART_OUTLINE);

  show_chart (fixture);
  sodo_chart_view_select_unit (fixture->view, unit (fixture, "btv"), FALSE);
  run_frames ();

  /* Wide: outline, chart and details side by side. */
  g_assert_true (sodo_chart_pane_get_outline_visible (fixture->pane));
  g_assert_true (sodo_chart_pane_get_details_visible (fixture->pane));
  g_assert_true (gtk_widget_get_mapped (outline));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), >=, 420);

  /* Narrower: the outline folds away first, the preference stays. */
  resize (fixture, 800);
  g_assert_false (sodo_chart_pane_get_outline_visible (fixture->pane));
  g_assert_true (sodo_chart_pane_get_details_visible (fixture->pane));
  g_assert_true (g_settings_get_boolean (fixture->settings, "outline-visible"));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), >=, 420);

  /* Narrow: the chart alone. */
  resize (fixture, 600);
  g_assert_false (sodo_chart_pane_get_details_visible (fixture->pane));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), ==, 600);

  /* Wide again: both come back. */
  resize (fixture, 1200);
  g_assert_true (sodo_chart_pane_get_outline_visible (fixture->pane));
  g_assert_true (sodo_chart_pane_get_details_visible (fixture->pane));

  /* Hiding a sidebar where it fits is a preference, kept in the settings. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.outline-visible",
                                             NULL));
  g_assert_false (sodo_chart_pane_get_outline_visible (fixture->pane));
  g_assert_false (g_settings_get_boolean (fixture->settings, "outline-visible"));
  g_settings_set_boolean (fixture->settings, "outline-visible", TRUE);
  g_assert_true (sodo_chart_pane_get_outline_visible (fixture->pane));
}

static void
test_view_state_through_pane (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(SodoChartViewState) state = NULL;
  g_autoptr(SodoChartViewState) restored = NULL;

  show_chart (fixture);
  sodo_chart_view_select_unit (fixture->view, unit (fixture, "ubkt"), TRUE);
  state = sodo_chart_pane_get_view_state (fixture->pane);
  g_assert_cmpstr (state->selected_id, ==, "ubkt");

  sodo_chart_view_select_unit (fixture->view, SODO_NO_INDEX, FALSE);
  sodo_chart_pane_set_view_state (fixture->pane, state);
  restored = sodo_chart_pane_get_view_state (fixture->pane);
  g_assert_cmpstr (restored->selected_id, ==, "ubkt");
  g_assert_cmpfloat_with_epsilon (restored->zoom, state->zoom, 1e-9);
}

/* The first view of the sample, in the pane as the window shows it (compact): whole levels
 * drawn with their names, the deeper ones folded; Expand All shows everything. */
static void
test_first_view (Fixture       *fixture,
                 gconstpointer  user_data)
{
  SodoChartScene *scene;
  guint root;
  guint n_folded = 0;

  show_chart (fixture);
  scene = sodo_chart_view_get_scene (fixture->view);
  root = sodo_orgchart_get_root (fixture->chart);

  g_assert_true (fixture->view->initial_view);
  g_assert_cmpfloat (sodo_chart_view_get_zoom (fixture->view), >=,
                     SODO_CHART_DETAIL_TEXT_MIN_SCALE);
  for (guint child = sodo_orgchart_get_unit (fixture->chart, root)->first_child;
       child != SODO_NO_INDEX;
       child = sodo_orgchart_get_unit (fixture->chart, child)->next_sibling)
    g_assert_true (sodo_chart_scene_is_unit_visible (scene, child));
  for (guint i = 0; i < sodo_orgchart_get_n_units (fixture->chart); i++)
    if (sodo_chart_scene_get_collapsed (scene, i) && sodo_chart_scene_is_unit_visible (scene, i))
      n_folded++;
  g_assert_cmpuint (n_folded, >, 0);
  g_assert_false (sodo_chart_scene_is_unit_visible (scene, unit (fixture, "quan-ba-dinh")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.expand-all", NULL));
  g_assert_cmpuint (sodo_chart_scene_get_layout (scene)->n_visible, ==,
                    sodo_orgchart_get_n_units (fixture->chart));
  g_assert_false (fixture->view->initial_view);
}

typedef struct {
  gboolean done;
  int      status;
} Typist;

static void
on_typist_exited_cb (GPid     pid,
                     int      status,
                     gpointer data)
{
  Typist *typist = data;

  typist->status = status;
  typist->done = TRUE;
  g_spawn_close_pid (pid);
}

/* Types with real key events, as fast as xdotool can, into @window, and lets GTK run until
 * they are handled. FALSE (and nothing typed) where that cannot be done: not X11, or no
 * xdotool. */
static gboolean
type_keys (GtkWindow  *window,
           const char *command,
           const char *keys)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = NULL;
  g_autoptr(GError) error = NULL;
  Typist typist = { FALSE, 0 };
  GPid pid;

  if (xdotool == NULL || !GDK_IS_X11_SURFACE (surface))
    return FALSE;

  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  {
    const char *argv[] = { xdotool, "windowfocus", "--sync", xid, command, "--delay", "1",
                           keys, NULL };

    g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                   &error);
  }
  g_assert_no_error (error);
  g_child_watch_add (pid, on_typist_exited_cb, &typist);
  while (!typist.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_spawn_check_wait_status (typist.status, NULL));
  run_frames ();
  return TRUE;
#else
  return FALSE;
#endif
}

static gboolean
query_is_typed (gpointer data)
{
  Fixture *fixture = data;
  const char *query = sodo_chart_pane_get_search_query (fixture->pane);

  return query != NULL && strlen (query) >= strlen ("ban thuong");
}

static gboolean
has_selection (gpointer data)
{
  Fixture *fixture = data;

  return sodo_chart_view_get_selected_unit (fixture->view) != SODO_NO_INDEX;
}

/* Typing in the chart starts a search, every key of it: GTK 4.8 drops the keys that come
 * before the frame that shows the bar (the space of "ban thuong" typed quickly). The keys
 * the chart uses itself stay the chart's. */
static void
test_typing_starts_search (Fixture       *fixture,
                           gconstpointer  user_data)
{
  SodoChartScene *scene;
  g_autofree guint8 *collapsed = NULL;
  guint n_units;
  double zoom;

  /* As in the app: the bar slides in. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  show_chart (fixture);
  scene = sodo_chart_view_get_scene (fixture->view);
  n_units = sodo_orgchart_get_n_units (fixture->chart);
  collapsed = g_new (guint8, n_units);
  for (guint i = 0; i < n_units; i++)
    collapsed[i] = sodo_chart_scene_get_collapsed (scene, i);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
  zoom = sodo_chart_view_get_zoom (fixture->view);

  /* "+" zooms the chart, it does not search. */
  if (!type_keys (fixture->window, "key", "plus"))
    {
      g_test_skip ("Typing needs X11 and xdotool");
      return;
    }
  g_assert_null (sodo_chart_pane_get_search_query (fixture->pane));
  g_assert_cmpfloat (sodo_chart_view_get_zoom (fixture->view), >, zoom);

  g_assert_true (type_keys (fixture->window, "type", "ban thuong"));
  wait_until (query_is_typed, fixture);
  g_assert_cmpstr (sodo_chart_pane_get_search_query (fixture->pane), ==, "ban thuong");
  /* The only match, the Standing Board, is selected (after the entry's typing delay); the
   * space folded nothing. */
  wait_until (has_selection, fixture);
  g_assert_cmpuint (sodo_chart_view_get_selected_unit (fixture->view), ==, unit (fixture, "btv"));
  for (guint i = 0; i < n_units; i++)
    g_assert_cmpint (sodo_chart_scene_get_collapsed (scene, i), ==, collapsed[i]);
}

/* The window makes the pane with its first chart and keeps it in step. */
static void
test_window_creates_pane (void)
{
  g_autoptr(GError) error = NULL;
  SodoApplication *app = g_object_new (SODO_TYPE_APPLICATION,
                                       "application-id", APP_ID ".TestChartPane",
                                       "flags", G_APPLICATION_NON_UNIQUE,
                                       NULL);
  SodoOrgchart *chart = load_sample ("hanoi-2023.json", FALSE);
  SodoWindow *window;
  GtkWidget *pane;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  window = g_object_ref (sodo_window_new (app));

  g_assert_null (sodo_window_get_chart_widget (window));
  sodo_window_set_orgchart (window, chart);
  pane = sodo_window_get_chart_widget (window);
  g_assert_true (SODO_IS_CHART_PANE (pane));
  g_assert_true (sodo_chart_pane_get_orgchart (SODO_CHART_PANE (pane)) == chart);

  sodo_window_set_orgchart (window, NULL);
  g_assert_true (sodo_window_get_chart_widget (window) == pane);
  g_assert_null (sodo_chart_pane_get_orgchart (SODO_CHART_PANE (pane)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_assert_finalize_object (chart);
  g_object_unref (app);
}

int
main (int   argc,
      char *argv[])
{
  sodo_test_init_gtk (&argc, &argv);
  adw_init ();
  /* Referring to the resource links it in from the static library: the templates are there. */
  g_assert_nonnull (sodo_get_resource ());
  sodo_language_set ("vi");

#define ADD(path, func) \
  g_test_add ("/chart/pane/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("empty-then-chart", test_empty_then_chart);
  ADD ("selection-sync", test_selection_sync);
  ADD ("details-follow-selection", test_details_follow_selection);
  ADD ("article-activated", test_article_activated);
  ADD ("search-highlights", test_search_highlights);
  ADD ("settings-actions", test_settings_actions);
  ADD ("zoom-buttons", test_zoom_buttons);
  ADD ("sidebars-fold", test_sidebars_fold);
  ADD ("view-state-through-pane", test_view_state_through_pane);
  ADD ("first-view", test_first_view);
  ADD ("typing-starts-search", test_typing_starts_search);
  g_test_add_func ("/chart/pane/window-creates-pane", test_window_creates_pane);

#undef ADD

  return g_test_run ();
}
