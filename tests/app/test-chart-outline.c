/* test-chart-outline.c: the outline's rows, its selection both ways, its keys, and its size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "chart/sodo-chart-outline.h"
#include "chart/sodo-chart-view.h"
#include "chart/sodo-unit-item-private.h"
#include "model/sodo-language.h"
#include "sodo-resources.h"
#include "sodo-test-gtk.h"

typedef struct {
  GtkWidget        *window;
  SodoChartOutline *outline;
  SodoOrgchart     *chart;
  guint             n_activated;
  guint             last_activated;
} Fixture;

static SodoOrgchart *
load_hanoi (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SODO_SAMPLES_DIR"), "hanoi-2023.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SodoOrgchart *chart = sodo_orgchart_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return chart;
}

static guint
unit (SodoOrgchart *chart,
      const char   *id)
{
  guint index = sodo_orgchart_find_unit (chart, id);

  g_assert_cmpuint (index, !=, SODO_NO_INDEX);
  return index;
}

/* Lets the window lay out and draw what changed. */
static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + 100 * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
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

/* A label reading @text that the list has made. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the row reading @text is in sight in the outline. */
static gboolean
row_in_view (SodoChartOutline *outline,
             const char       *text)
{
  GtkWidget *label = find_label (GTK_WIDGET (outline), text);
  graphene_rect_t bounds;

  if (label == NULL || !gtk_widget_get_mapped (label)
      || !gtk_widget_compute_bounds (label, GTK_WIDGET (outline), &bounds))
    return FALSE;
  return bounds.origin.y >= 0
         && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (outline));
}

/* The list scrolls on its next frames: wait for them (they are slow under valgrind). */
static void
wait_for_row_in_view (SodoChartOutline *outline,
                      const char       *text)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!row_in_view (outline, text))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static GtkSingleSelection *
get_selection (Fixture *fixture)
{
  GtkWidget *list_view = find_descendant (GTK_WIDGET (fixture->outline), GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (list_view);
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
}

static guint
row_unit (GListModel *rows,
          guint       position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, position);
  g_autoptr(SodoUnitItem) item = NULL;

  g_assert_nonnull (row);
  item = gtk_tree_list_row_get_item (row);
  return sodo_unit_item_get_unit (item);
}

/* Position of @unit's row, or G_MAXUINT when not shown. */
static guint
find_row (GListModel *rows,
          guint       unit_index)
{
  for (guint position = 0; position < g_list_model_get_n_items (rows); position++)
    if (row_unit (rows, position) == unit_index)
      return position;
  return G_MAXUINT;
}

/* The unit of the row the list shows selected, or SODO_NO_INDEX. */
static guint
list_selected_unit (Fixture *fixture)
{
  GtkSingleSelection *selection = get_selection (fixture);
  guint position = gtk_single_selection_get_selected (selection);

  if (position == GTK_INVALID_LIST_POSITION)
    return SODO_NO_INDEX;
  return row_unit (G_LIST_MODEL (selection), position);
}

static void
on_unit_activated_cb (SodoChartOutline *outline,
                      guint             unit_index,
                      Fixture          *fixture)
{
  fixture->n_activated++;
  fixture->last_activated = unit_index;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  sodo_language_set ("vi");
  fixture->chart = load_hanoi ();
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 320, 600);
  fixture->outline = SODO_CHART_OUTLINE (sodo_chart_outline_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->outline));
  sodo_chart_outline_set_orgchart (fixture->outline, fixture->chart);
  g_signal_connect (fixture->outline, "unit-activated", G_CALLBACK (on_unit_activated_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
  settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->chart);
}

static void
test_outline_rows (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *rows = sodo_chart_outline_get_rows (fixture->outline);
  guint root = sodo_orgchart_get_root (fixture->chart);
  g_autoptr(GtkTreeListRow) root_row = NULL;
  g_autoptr(SodoUnitItem) root_item = NULL;

  /* The root, opened on its first level; nothing deeper. */
  g_assert_nonnull (rows);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==,
                    1 + sodo_orgchart_get_unit (fixture->chart, root)->n_children);
  g_assert_cmpuint (row_unit (rows, 0), ==, root);
  g_assert_cmpuint (row_unit (rows, 1), ==, unit (fixture->chart, "btv"));
  g_assert_cmpuint (find_row (rows, unit (fixture->chart, "dd-hdnd")), ==, G_MAXUINT);

  root_row = g_list_model_get_item (rows, 0);
  g_assert_true (gtk_tree_list_row_get_expanded (root_row));
  root_item = gtk_tree_list_row_get_item (root_row);
  g_assert_cmpstr (sodo_unit_item_get_name (root_item), ==, "Thành ủy Hà Nội");
  g_assert_cmpstr (sodo_unit_item_get_kind_name (root_item), ==, "Cấp ủy");

  g_assert_cmpuint (sodo_chart_outline_get_selected_unit (fixture->outline), ==, SODO_NO_INDEX);
  g_assert_cmpuint (list_selected_unit (fixture), ==, SODO_NO_INDEX);
}

static void
test_outline_reveals_selection (Fixture       *fixture,
                                gconstpointer  data)
{
  GListModel *rows = sodo_chart_outline_get_rows (fixture->outline);
  guint quan = unit (fixture->chart, "quan-hoan-kiem");
  guint n_rows_before = g_list_model_get_n_items (rows);
  GtkWidget *expander;

  /* Two levels down, under closed rows. */
  sodo_chart_outline_set_selected_unit (fixture->outline, quan);
  g_assert_cmpuint (sodo_chart_outline_get_selected_unit (fixture->outline), ==, quan);
  g_assert_cmpuint (list_selected_unit (fixture), ==, quan);
  g_assert_cmpuint (find_row (rows, unit (fixture->chart, "nhom-quan-uy")), !=, G_MAXUINT);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, n_rows_before);

  /* The list scrolls to it. */
  wait_for_row_in_view (fixture->outline, "Quận ủy Hoàn Kiếm");

  /* A screen reader hears the row's name and kind, and whether it is open. */
  expander = gtk_widget_get_ancestor (find_label (GTK_WIDGET (fixture->outline),
                                                  "Quận ủy Hoàn Kiếm"),
                                      GTK_TYPE_TREE_EXPANDER);
  g_assert_nonnull (expander);
  gtk_test_accessible_assert_property (expander, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Quận ủy Hoàn Kiếm");
  gtk_test_accessible_assert_property (expander, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Cấp ủy cấp huyện");
  expander = gtk_widget_get_ancestor (find_label (GTK_WIDGET (fixture->outline), "Quận ủy (12)"),
                                      GTK_TYPE_TREE_EXPANDER);
  gtk_test_accessible_assert_state (expander, GTK_ACCESSIBLE_STATE_EXPANDED, TRUE);

  sodo_chart_outline_set_selected_unit (fixture->outline, SODO_NO_INDEX);
  g_assert_cmpuint (list_selected_unit (fixture), ==, SODO_NO_INDEX);
}

static void
test_outline_selection_both_ways (Fixture       *fixture,
                                  gconstpointer  data)
{
  SodoChartView *view = SODO_CHART_VIEW (sodo_chart_view_new ());
  GtkSingleSelection *selection = get_selection (fixture);
  GListModel *rows = sodo_chart_outline_get_rows (fixture->outline);
  guint dd_hdnd = unit (fixture->chart, "dd-hdnd");
  guint ubkt = unit (fixture->chart, "ubkt");
  g_autoptr(GtkTreeListRow) group = NULL;

  /* As the pane does it. */
  g_object_ref_sink (view);
  sodo_chart_view_set_orgchart (view, fixture->chart);
  g_object_bind_property (view, "selected-unit", fixture->outline, "selected-unit",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  /* Chart to outline. */
  sodo_chart_view_select_unit (view, dd_hdnd, FALSE);
  g_assert_cmpuint (sodo_chart_outline_get_selected_unit (fixture->outline), ==, dd_hdnd);
  g_assert_cmpuint (list_selected_unit (fixture), ==, dd_hdnd);

  /* Outline to chart: the user picks a row. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (selection), find_row (rows, ubkt), TRUE);
  g_assert_cmpuint (sodo_chart_outline_get_selected_unit (fixture->outline), ==, ubkt);
  g_assert_cmpuint (sodo_chart_view_get_selected_unit (view), ==, ubkt);

  /* Collapsing the row above the selection hides it here, but keeps it selected. */
  sodo_chart_view_select_unit (view, dd_hdnd, FALSE);
  group = g_list_model_get_item (rows, find_row (rows, unit (fixture->chart, "nhom-dang-doan")));
  gtk_tree_list_row_set_expanded (group, FALSE);
  g_assert_cmpuint (find_row (rows, dd_hdnd), ==, G_MAXUINT);
  g_assert_cmpuint (sodo_chart_view_get_selected_unit (view), ==, dd_hdnd);
  g_assert_cmpuint (sodo_chart_outline_get_selected_unit (fixture->outline), ==, dd_hdnd);

  g_object_unref (view);
}

static void
test_outline_keys (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *rows = sodo_chart_outline_get_rows (fixture->outline);
  guint btv = unit (fixture->chart, "btv");
  guint thuong_truc = unit (fixture->chart, "thuong-truc");
  guint n_rows = g_list_model_get_n_items (rows);
  g_autoptr(GtkTreeListRow) btv_row = NULL;

  sodo_chart_outline_set_selected_unit (fixture->outline, btv);
  btv_row = g_list_model_get_item (rows, find_row (rows, btv));
  g_assert_false (gtk_tree_list_row_get_expanded (btv_row));

  /* Right opens the row, then goes to its first child. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->outline), "outline.expand", NULL);
  g_assert_true (gtk_tree_list_row_get_expanded (btv_row));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows + 1);
  g_assert_cmpuint (sodo_chart_outline_get_selected_unit (fixture->outline), ==, btv);
  gtk_widget_activate_action (GTK_WIDGET (fixture->outline), "outline.expand", NULL);
  g_assert_cmpuint (sodo_chart_outline_get_selected_unit (fixture->outline), ==, thuong_truc);
  g_assert_cmpuint (list_selected_unit (fixture), ==, thuong_truc);

  /* A leaf has nothing to open. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->outline), "outline.expand", NULL);
  g_assert_cmpuint (sodo_chart_outline_get_selected_unit (fixture->outline), ==, thuong_truc);

  /* Left goes to the parent, then closes it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->outline), "outline.collapse", NULL);
  g_assert_cmpuint (sodo_chart_outline_get_selected_unit (fixture->outline), ==, btv);
  gtk_widget_activate_action (GTK_WIDGET (fixture->outline), "outline.collapse", NULL);
  g_assert_false (gtk_tree_list_row_get_expanded (btv_row));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows);
  gtk_widget_activate_action (GTK_WIDGET (fixture->outline), "outline.collapse", NULL);
  g_assert_cmpuint (sodo_chart_outline_get_selected_unit (fixture->outline), ==,
                    sodo_orgchart_get_root (fixture->chart));

  /* Enter (the list's activate) asks the pane to centre the chart on the unit. */
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (fixture->outline), GTK_TYPE_LIST_VIEW),
                         "activate", find_row (rows, btv));
  g_assert_cmpuint (fixture->n_activated, ==, 1);
  g_assert_cmpuint (fixture->last_activated, ==, btv);
}

/* A root with @n_children children. */
static SodoOrgchart *
make_flat_chart (guint n_children)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"sodo-orgchart\", \"version\": 1, "
                                          "\"title\": \"Big\", "
                                          "\"kinds\": [{\"id\": \"k\", \"name\": \"K\"}], "
                                          "\"units\": [{\"id\": \"root\", \"parent\": null, "
                                          "\"kind\": \"k\", \"name\": \"Root\"}");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SodoOrgchart *chart;

  for (guint i = 1; i <= n_children; i++)
    g_string_append_printf (json, ", {\"id\": \"u%u\", \"parent\": \"root\", \"kind\": \"k\", "
                            "\"name\": \"Unit %u\"}", i, i);
  g_string_append (json, "]}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  chart = sodo_orgchart_load_bytes (bytes, "big.json", NULL, &error);
  g_assert_no_error (error);
  return chart;
}

static void
test_outline_large (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SodoOrgchart) big = make_flat_chart (100000);
  GListModel *rows;
  guint last = sodo_orgchart_find_unit (big, "u100000");
  guint n_made;
  gint64 start;

  /* The old chart's items go with its rows. */
  sodo_chart_outline_set_orgchart (fixture->outline, NULL);
  settle ();
  g_assert_cmpuint (_sodo_unit_item_get_n_alive (), ==, 0);

  start = g_get_monotonic_time ();
  n_made = _sodo_unit_item_get_n_made ();
  sodo_chart_outline_set_orgchart (fixture->outline, big);
  settle ();
  rows = sodo_chart_outline_get_rows (fixture->outline);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 100001);
  /* Objects only for the rows on screen (a 600-pixel window shows a few dozen), and made
   * only for the rows asked for. */
  g_test_message ("after showing 100,001 rows: %u items alive, %u made",
                  _sodo_unit_item_get_n_alive (), _sodo_unit_item_get_n_made () - n_made);
  g_assert_cmpuint (_sodo_unit_item_get_n_alive (), >, 0);
  g_assert_cmpuint (_sodo_unit_item_get_n_alive (), <, 300);
  g_assert_cmpuint (_sodo_unit_item_get_n_made () - n_made, <, 1000);

  /* The last row, from the chart: found, selected, scrolled to, still few objects. */
  sodo_chart_outline_set_selected_unit (fixture->outline, last);
  g_assert_cmpuint (gtk_single_selection_get_selected (get_selection (fixture)), ==, 100000);
  wait_for_row_in_view (fixture->outline, "Unit 100000");
  g_assert_false (row_in_view (fixture->outline, "Unit 1"));
  g_assert_cmpuint (_sodo_unit_item_get_n_alive (), <, 300);
  g_assert_cmpuint (_sodo_unit_item_get_n_made () - n_made, <, 2000);
  /* Natively this takes a fraction of a second; the bound, loose enough for valgrind, only
   * catches work per row gone quadratic. */
  g_test_message ("100,001 rows shown and the last one revealed in %.2f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
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

  g_test_add ("/chart/outline/rows", Fixture, NULL,
              fixture_set_up, test_outline_rows, fixture_tear_down);
  g_test_add ("/chart/outline/reveals-selection", Fixture, NULL,
              fixture_set_up, test_outline_reveals_selection, fixture_tear_down);
  g_test_add ("/chart/outline/selection-both-ways", Fixture, NULL,
              fixture_set_up, test_outline_selection_both_ways, fixture_tear_down);
  g_test_add ("/chart/outline/keys", Fixture, NULL,
              fixture_set_up, test_outline_keys, fixture_tear_down);
  g_test_add ("/chart/outline/large", Fixture, NULL,
              fixture_set_up, test_outline_large, fixture_tear_down);

  return g_test_run ();
}
