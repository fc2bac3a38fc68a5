/* test-document-pane.c: the document pane: its header, contents, find, text size and its
 * links with the chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "document/sodo-document-pane-private.h"
#include "document/sodo-document-private.h"
#include "document/sodo-reg-node-item.h"
#include "model/sodo-language.h"
#include "sodo-resources.h"
#include "sodo-test-gtk.h"

typedef struct {
  GtkWindow        *window;
  SodoDocumentPane *pane;
  SodoRegulation   *regulation;
  SodoOrgchart     *chart;
} Fixture;

static gpointer
load_test_file (const char *name,
                gboolean    regulation)
{
  g_autofree char *path = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gpointer document;

  if (regulation)
    document = sodo_regulation_load_file (file, NULL, NULL, &error);
  else
    document = sodo_orgchart_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);

  return document;
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "document-text-scale");
  sodo_language_set ("en");
  fixture->regulation = load_test_file ("document-levels.json", TRUE);
  fixture->chart = load_test_file ("orgchart-valid.json", FALSE);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 420);
  fixture->pane = SODO_DOCUMENT_PANE (sodo_document_pane_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->pane));
  sodo_document_pane_set_regulation (fixture->pane, fixture->regulation);
  gtk_window_present (fixture->window);
  wait_ms (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->pane), (gpointer *) &fixture->pane);
  gtk_window_destroy (fixture->window);
  g_assert_null (fixture->pane);
  g_clear_object (&fixture->regulation);
  g_clear_object (&fixture->chart);
}

static guint
find_node (Fixture    *fixture,
           const char *id)
{
  guint node = sodo_regulation_find_node (fixture->regulation, id);

  g_assert_cmpuint (node, !=, SODO_NO_INDEX);
  return node;
}

static int
mark_offset (Fixture    *fixture,
             const char *id)
{
  SodoReadingView *view = _sodo_document_pane_get_reading_view (fixture->pane);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &iter,
                                    sodo_reading_view_get_node_mark (view, find_node (fixture,
                                                                                      id)));
  return gtk_text_iter_get_offset (&iter);
}

static int
cursor_offset (Fixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (
                            _sodo_document_pane_get_reading_view (fixture->pane)));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

static gboolean
node_has_tag (Fixture    *fixture,
              const char *id,
              const char *tag_name)
{
  SodoReadingView *view = _sodo_document_pane_get_reading_view (fixture->pane);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, mark_offset (fixture, id));
  return gtk_text_iter_has_tag (&iter, tag);
}

/* Whether the node's first line is in the visible part of the reading view. */
static gboolean
node_visible (Fixture    *fixture,
              const char *id)
{
  GtkTextView *view = GTK_TEXT_VIEW (_sodo_document_pane_get_reading_view (fixture->pane));
  GdkRectangle visible;
  GdkRectangle location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter,
                                      mark_offset (fixture, id));
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &iter, &location);
  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

static void
test_header (Fixture       *fixture,
             gconstpointer  user_data)
{
  GtkLabel *status = _sodo_document_pane_get_status_label (fixture->pane);
  g_autofree char *date = sodo_format_date ("2023-10-27", "en");

  /* The status says plainly what the text is, coloured by its kind. */
  g_assert_cmpstr (gtk_label_get_text (status), ==,
                   sodo_regulation_status_get_label (SODO_REGULATION_DRAFT));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "draft"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (status), "issued"));
  g_assert_nonnull (date);

  /* Nothing falls back in English, so there is no note about languages. */
  g_assert_false (gtk_widget_get_visible (
                    gtk_widget_get_parent (GTK_WIDGET (_sodo_document_pane_get_fallback_label (fixture->pane)))));

  /* In Vietnamese one point is only in English: the header explains the marker. */
  sodo_language_set ("vi");
  sodo_document_pane_set_regulation (fixture->pane, NULL);
  sodo_document_pane_set_regulation (fixture->pane, fixture->regulation);
  g_assert_true (gtk_widget_get_visible (
                   gtk_widget_get_parent (GTK_WIDGET (_sodo_document_pane_get_fallback_label (fixture->pane)))));
  g_assert_nonnull (strstr (gtk_label_get_text (_sodo_document_pane_get_fallback_label (fixture->pane)),
                            "“en”"));
}

typedef struct {
  Fixture    *fixture;
  const char *id;
} NodeWait;

static gboolean
toc_selects (gpointer data)
{
  NodeWait *wait = data;
  SodoDocumentToc *toc = _sodo_document_pane_get_toc (wait->fixture->pane);

  return sodo_document_toc_get_selected_node (toc) == find_node (wait->fixture, wait->id);
}

static gboolean
node_is_visible (gpointer data)
{
  NodeWait *wait = data;

  return node_visible (wait->fixture, wait->id);
}

static guint
toc_position_of (Fixture    *fixture,
                 const char *id)
{
  GtkListView *list = _sodo_document_toc_get_list_view (_sodo_document_pane_get_toc (fixture->pane));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  guint node = find_node (fixture, id);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(SodoRegNodeItem) item = gtk_tree_list_row_get_item (row);

      if (sodo_reg_node_item_get_node (item) == node)
        return i;
    }

  g_assert_not_reached ();
}

static void
test_toc (Fixture       *fixture,
          gconstpointer  user_data)
{
  GtkListView *list = _sodo_document_toc_get_list_view (_sodo_document_pane_get_toc (fixture->pane));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  NodeWait wait = { fixture, "art-3" };
  static const char *const rows[] = {
    "part-1", "ch-1", "sec-1", "art-1", "ch-2", "art-2", "art-3", "art-4",
  };

  /* Parts, chapters, sections and articles, not clauses: all open at first. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpuint (toc_position_of (fixture, rows[i]), ==, i);
  {
    g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, 3);
    g_autoptr(SodoRegNodeItem) item = gtk_tree_list_row_get_item (row);
    g_autofree char *heading = sodo_reg_node_item_dup_heading (item);
    g_autofree char *expected = g_strdup_printf ("%s 1. Coverage",
                                                 sodo_level_get_label (SODO_LEVEL_ARTICLE));

    g_assert_cmpstr (heading, ==, expected);
  }

  /* Large text, so the document is longer than the view and has to scroll. */
  sodo_reading_view_set_text_scale (_sodo_document_pane_get_reading_view (fixture->pane), 2.0);
  wait_ms (100);
  g_assert_false (node_visible (fixture, "art-3"));

  /* Choosing a row goes to its node: the cursor is at its mark and it comes into view. */
  g_signal_emit_by_name (list, "activate", toc_position_of (fixture, "art-3"));
  g_assert_cmpint (cursor_offset (fixture), ==, mark_offset (fixture, "art-3"));
  wait_until (node_is_visible, &wait);

  /* And the other way: the contents follow the reading position. */
  sodo_reading_view_scroll_to_node (_sodo_document_pane_get_reading_view (fixture->pane),
                                    find_node (fixture, "art-1.2"), FALSE);
  wait.id = "art-1";
  wait_until (toc_selects, &wait);
  g_assert_cmpuint (sodo_document_toc_get_selected_node (_sodo_document_pane_get_toc (fixture->pane)),
                    ==, find_node (fixture, "art-1"));
}

static gboolean
match_label_is (gpointer data)
{
  gpointer *args = data;
  GtkLabel *label = _sodo_document_pane_get_match_label (args[0]);

  return g_strcmp0 (gtk_label_get_text (label), args[1]) == 0;
}

static void
test_find (Fixture       *fixture,
           gconstpointer  user_data)
{
  GtkSearchEntry *entry = _sodo_document_pane_get_search_entry (fixture->pane);
  SodoDocumentFind *find = _sodo_document_pane_get_find (fixture->pane);
  gpointer args[2] = { fixture->pane, NULL };
  GtkTextIter start;
  GtkTextIter end;

  sodo_language_set ("vi");
  sodo_document_pane_set_regulation (fixture->pane, NULL);
  sodo_document_pane_set_regulation (fixture->pane, fixture->regulation);

  /* Ctrl+F, in the pane, opens its own find bar. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "document.find", NULL));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (entry)));

  gtk_editable_set_text (GTK_EDITABLE (entry), "dieu");
  args[1] = "1 of 2";
  wait_until (match_label_is, args);
  g_assert_true (sodo_document_find_get_match (find, 0, &start, &end));
  g_assert_cmpint (cursor_offset (fixture), ==, gtk_text_iter_get_offset (&start));

  /* Enter goes to the next match, and the cursor with it; Shift+Enter back. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (gtk_label_get_text (_sodo_document_pane_get_match_label (fixture->pane)), ==,
                   "2 of 2");
  g_assert_true (sodo_document_find_get_match (find, 1, &start, &end));
  g_assert_cmpint (cursor_offset (fixture), ==, gtk_text_iter_get_offset (&start));
  g_signal_emit_by_name (entry, "previous-match");
  g_assert_cmpstr (gtk_label_get_text (_sodo_document_pane_get_match_label (fixture->pane)), ==,
                   "1 of 2");

  gtk_editable_set_text (GTK_EDITABLE (entry), "khong co dau");
  args[1] = "No matches";
  wait_until (match_label_is, args);

  /* Closing the bar takes the highlights away. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "dieu");
  args[1] = "1 of 2";
  wait_until (match_label_is, args);
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpuint (sodo_document_find_get_n_matches (find), ==, 0);
}

static void
test_text_scale_setting (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SodoReadingView *view = _sodo_document_pane_get_reading_view (fixture->pane);

  g_assert_cmpfloat_with_epsilon (sodo_reading_view_get_text_scale (view), 1.0, 0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane),
                                             "document.text-larger", NULL));
  g_assert_cmpfloat_with_epsilon (sodo_reading_view_get_text_scale (view), 1.1, 0.001);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "document-text-scale"), 1.1,
                                  0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane),
                                             "document.text-smaller", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane),
                                             "document.text-smaller", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "document-text-scale"), 0.9,
                                  0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane),
                                             "document.text-reset", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "document-text-scale"), 1.0,
                                  0.001);

  /* The setting drives the view too, so every window follows it. */
  g_settings_set_double (settings, "document-text-scale", 1.5);
  g_assert_cmpfloat_with_epsilon (sodo_reading_view_get_text_scale (view), 1.5, 0.001);
}

static guint
unit_index (Fixture    *fixture,
            const char *id)
{
  guint unit = sodo_orgchart_find_unit (fixture->chart, id);

  g_assert_cmpuint (unit, !=, SODO_NO_INDEX);
  return unit;
}

/* A unit selected in the chart: the articles that govern it are highlighted and listed. */
static void
test_governing (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkFlowBox *links = _sodo_document_pane_get_links_box (fixture->pane);
  GtkWidget *child;
  GtkWidget *button;
  guint n_buttons = 0;

  sodo_document_pane_set_orgchart (fixture->pane, fixture->chart);
  g_assert_false (_sodo_document_pane_get_links_revealed (fixture->pane));

  /* dd-hdnd: Article 1 names its kind; the unit's own references are Articles 3 and 4. */
  g_object_set (fixture->pane, "selected-unit", unit_index (fixture, "dd-hdnd"), NULL);
  g_assert_true (node_has_tag (fixture, "art-1", "highlight"));
  g_assert_false (node_has_tag (fixture, "art-2", "highlight"));
  g_assert_true (node_has_tag (fixture, "art-3", "highlight"));
  g_assert_true (node_has_tag (fixture, "art-4", "highlight"));
  g_assert_true (_sodo_document_pane_get_links_revealed (fixture->pane));
  g_assert_cmpstr (gtk_label_get_text (_sodo_document_pane_get_links_label (fixture->pane)), ==,
                   "3 articles govern “Party delegation of the People's Council”:");
  for (child = gtk_widget_get_first_child (GTK_WIDGET (links)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_buttons++;
  g_assert_cmpuint (n_buttons, ==, 3);

  /* Each button goes to its article. */
  child = gtk_widget_get_first_child (GTK_WIDGET (links));
  child = gtk_widget_get_next_sibling (child);
  button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
  {
    g_autofree char *expected = g_strdup_printf ("%s 3", sodo_level_get_label (SODO_LEVEL_ARTICLE));

    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, expected);
  }
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (cursor_offset (fixture), ==, mark_offset (fixture, "art-3"));

  /* A unit no article names says so. */
  g_object_set (fixture->pane, "selected-unit", unit_index (fixture, "ban-tuyen-giao"), NULL);
  g_assert_false (node_has_tag (fixture, "art-1", "highlight"));
  g_assert_true (_sodo_document_pane_get_links_revealed (fixture->pane));
  g_assert_nonnull (strstr (gtk_label_get_text (_sodo_document_pane_get_links_label (fixture->pane)),
                            "No article"));

  /* No selection, no highlight. */
  g_object_set (fixture->pane, "selected-unit", SODO_NO_INDEX, NULL);
  g_assert_false (_sodo_document_pane_get_links_revealed (fixture->pane));
  g_assert_false (node_has_tag (fixture, "art-3", "highlight"));
}

static void
on_units_requested_cb (SodoDocumentPane *pane,
                       GArray           *units,
                       GArray          **out)
{
  g_clear_pointer (out, g_array_unref);
  *out = g_array_ref (units);
}

/* A chip asks the chart to show the units it names: one unit, or every unit of a kind. */
static void
test_chip_requests_units (Fixture       *fixture,
                          gconstpointer  user_data)
{
  SodoReadingView *view = _sodo_document_pane_get_reading_view (fixture->pane);
  g_autoptr(GArray) units = NULL;

  sodo_document_pane_set_orgchart (fixture->pane, fixture->chart);
  g_signal_connect (fixture->pane, "units-requested", G_CALLBACK (on_units_requested_cb), &units);

  g_signal_emit_by_name (view, "link-activated", "ban-to-chuc");
  g_assert_nonnull (units);
  g_assert_cmpuint (units->len, ==, 1);
  g_assert_cmpuint (g_array_index (units, guint, 0), ==, unit_index (fixture, "ban-to-chuc"));

  g_signal_emit_by_name (view, "link-activated", "committee");
  g_assert_cmpuint (units->len, ==, 3);
  g_assert_cmpuint (g_array_index (units, guint, 0), ==, unit_index (fixture, "tinh-uy"));
  g_assert_cmpuint (g_array_index (units, guint, 1), ==, unit_index (fixture, "btv"));
  g_assert_cmpuint (g_array_index (units, guint, 2), ==, unit_index (fixture, "dang-bo-co-quan"));

  /* An id the chart does not have asks for nothing. */
  g_clear_pointer (&units, g_array_unref);
  g_signal_emit_by_name (view, "link-activated", "no-such-unit");
  g_assert_null (units);
}

static void
test_show_node (Fixture       *fixture,
                gconstpointer  user_data)
{
  NodeWait wait = { fixture, "art-4" };

  sodo_reading_view_set_text_scale (_sodo_document_pane_get_reading_view (fixture->pane), 2.0);
  wait_ms (50);

  g_assert_true (sodo_document_pane_show_node (fixture->pane, "art-4"));
  g_assert_cmpint (cursor_offset (fixture), ==, mark_offset (fixture, "art-4"));
  /* It flashes, so the eye finds it, and the contents show where it is. */
  g_assert_true (node_has_tag (fixture, "art-4", "flash"));
  g_assert_cmpuint (sodo_document_toc_get_selected_node (_sodo_document_pane_get_toc (fixture->pane)),
                    ==, find_node (fixture, "art-4"));
  wait_until (node_is_visible, &wait);

  g_assert_false (sodo_document_pane_show_node (fixture->pane, "no-such-node"));
  sodo_document_pane_set_regulation (fixture->pane, NULL);
  g_assert_false (sodo_document_pane_show_node (fixture->pane, "art-4"));
  g_assert_null (sodo_document_pane_get_top_node_id (fixture->pane));
}

static gboolean
top_node_is (gpointer data)
{
  NodeWait *wait = data;

  return g_strcmp0 (sodo_document_pane_get_top_node_id (wait->fixture->pane), wait->id) == 0;
}

/* A jump puts the node exactly at the top, and a new chart (new chips) keeps the place. */
static void
test_keeps_position (Fixture       *fixture,
                     gconstpointer  user_data)
{
  NodeWait wait = { fixture, "art-2" };
  SodoDocumentPane *other;
  GtkAdjustment *vadjustment;
  GtkWindow *window;

  sodo_reading_view_set_text_scale (_sodo_document_pane_get_reading_view (fixture->pane), 2.0);
  wait_ms (50);
  g_assert_true (sodo_document_pane_show_node (fixture->pane, "art-2"));
  wait_until (top_node_is, &wait);

  sodo_document_pane_set_orgchart (fixture->pane, fixture->chart);
  wait_ms (400);
  g_assert_cmpstr (sodo_document_pane_get_top_node_id (fixture->pane), ==, "art-2");

  /* Every line changes height with the text size; the place being read stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane),
                                             "document.text-larger", NULL));
  wait_ms (500);
  g_assert_cmpstr (sodo_document_pane_get_top_node_id (fixture->pane), ==, "art-2");

  /* A pane given its documents before it is on screen starts at the beginning. */
  other = SODO_DOCUMENT_PANE (sodo_document_pane_new ());
  sodo_document_pane_set_regulation (other, fixture->regulation);
  sodo_document_pane_set_orgchart (other, fixture->chart);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 800, 400);
  gtk_window_set_child (window, GTK_WIDGET (other));
  gtk_window_present (window);
  wait_ms (300);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (_sodo_document_pane_get_reading_view (other)));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0.0);
  /* At the top is the title, which is no node: the contents select nothing. */
  g_assert_null (sodo_document_pane_get_top_node_id (other));
  g_assert_cmpuint (sodo_document_toc_get_selected_node (_sodo_document_pane_get_toc (other)), ==,
                    SODO_NO_INDEX);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  sodo_test_init_gtk (&argc, &argv);
  adw_init ();
  /* The static library's resources are linked in only when something refers to them. */
  g_assert_nonnull (sodo_get_resource ());

#define ADD(path, func) \
  g_test_add ("/document/pane/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("header", test_header);
  ADD ("toc", test_toc);
  ADD ("find", test_find);
  ADD ("text-scale-setting", test_text_scale_setting);
  ADD ("governing", test_governing);
  ADD ("chip-requests-units", test_chip_requests_units);
  ADD ("show-node", test_show_node);
  ADD ("keeps-position", test_keeps_position);
#undef ADD

  return g_test_run ();
}
