/* test-document-window.c: the document pane in the window, linked with the chart both ways,
 * and Import Text… from the window's menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "app/sodo-application.h"
#include "app/sodo-window-private.h"
#include "chart/sodo-chart-pane.h"
#include "document/sodo-document-pane-private.h"
#include "document/sodo-document-private.h"
#include "model/sodo-language.h"
#include "sodo-test-gtk.h"

static SodoApplication *test_app;

typedef struct {
  gboolean  done;
  gboolean  ok;
} OpenResult;

static void
on_opened_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  OpenResult *open_result = user_data;
  g_autoptr(GError) error = NULL;

  open_result->ok = sodo_window_open_file_finish (SODO_WINDOW (source), result, &error);
  g_assert_no_error (error);
  open_result->done = TRUE;
}

static void
open_and_wait (SodoWindow *window,
               const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  OpenResult result = { 0 };

  sodo_window_open_file_async (window, file, NULL, on_opened_cb, &result);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (result.ok);
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

static SodoWindow *
create_window (void)
{
  SodoWindow *window = sodo_window_new (test_app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  gtk_window_present (GTK_WINDOW (window));
  return g_object_ref (window);
}

static void
destroy_window (SodoWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* The first chip the reading view shows for @target. */
static GtkWidget *
find_chip (SodoDocumentPane *pane,
           const char       *target)
{
  SodoReadingView *view = _sodo_document_pane_get_reading_view (pane);
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &iter);
  do
    {
      GtkTextChildAnchor *anchor = gtk_text_iter_get_child_anchor (&iter);
      g_autofree GtkWidget **widgets = NULL;
      guint n_widgets;

      if (anchor == NULL)
        continue;
      widgets = gtk_text_child_anchor_get_widgets (anchor, &n_widgets);
      if (n_widgets == 1
          && g_strcmp0 (g_object_get_data (G_OBJECT (widgets[0]), "sodo-target"), target) == 0)
        return widgets[0];
    }
  while (gtk_text_iter_forward_char (&iter));

  g_assert_not_reached ();
}

static void
test_regulation_opens_in_pane (void)
{
  SodoWindow *window = create_window ();
  GtkWidget *pane;

  /* No regulation yet: the window's summary stands in the slot. */
  g_assert_null (sodo_window_get_document_widget (window));

  open_and_wait (window, "document-levels.json");
  pane = sodo_window_get_document_widget (window);
  g_assert_true (SODO_IS_DOCUMENT_PANE (pane));
  g_assert_true (sodo_document_pane_get_regulation (SODO_DOCUMENT_PANE (pane))
                 == sodo_window_get_regulation (window));
  g_assert_true (gtk_widget_is_ancestor (pane, _sodo_window_get_document_slot (window)));

  /* Another file replaces it in the same pane. */
  open_and_wait (window, "regulation-valid.json");
  g_assert_true (sodo_window_get_document_widget (window) == pane);
  g_assert_cmpstr (sodo_regulation_get_id (sodo_document_pane_get_regulation (SODO_DOCUMENT_PANE (pane))),
                   ==, "test-regulation");

  destroy_window (window);
}

/* Both ways: a chip selects its unit in the chart, and the chart's selection highlights
 * the articles here; an article link in the chart opens the article. */
static void
test_linked_with_chart (void)
{
  SodoWindow *window = create_window ();
  SodoDocumentPane *pane;
  SodoChartView *view;
  SodoOrgchart *chart;
  SodoRegulation *regulation;
  GtkTextBuffer *buffer;
  GtkTextTag *highlight;
  GtkTextIter iter;
  guint ban_to_chuc;

  /* The regulation first, the chart second: the panes link in either order. */
  open_and_wait (window, "document-levels.json");
  open_and_wait (window, "orgchart-valid.json");
  wait_ms (100);
  pane = SODO_DOCUMENT_PANE (sodo_window_get_document_widget (window));
  view = sodo_chart_pane_get_view (SODO_CHART_PANE (sodo_window_get_chart_widget (window)));
  chart = sodo_window_get_orgchart (window);
  regulation = sodo_window_get_regulation (window);
  ban_to_chuc = sodo_orgchart_find_unit (chart, "ban-to-chuc");
  g_assert_true (sodo_document_pane_get_orgchart (pane) == chart);

  g_signal_emit_by_name (find_chip (pane, "ban-to-chuc"), "clicked");
  g_assert_cmpuint (sodo_chart_view_get_selected_unit (view), ==, ban_to_chuc);

  /* The selection comes back: Article 1 names Ban Tổ chức, so it is highlighted. */
  g_assert_cmpuint (sodo_document_pane_get_selected_unit (pane), ==, ban_to_chuc);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (_sodo_document_pane_get_reading_view (pane)));
  highlight = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "highlight");
  gtk_text_buffer_get_iter_at_mark (buffer, &iter,
                                    sodo_reading_view_get_node_mark (_sodo_document_pane_get_reading_view (pane),
                                                                     sodo_regulation_find_node (regulation, "art-1")));
  g_assert_true (gtk_text_iter_has_tag (&iter, highlight));
  g_assert_true (_sodo_document_pane_get_links_revealed (pane));

  /* A kind's chip selects the first unit of the kind. */
  g_signal_emit_by_name (find_chip (pane, "party-delegation"), "clicked");
  g_assert_cmpuint (sodo_chart_view_get_selected_unit (view), ==,
                    sodo_orgchart_find_unit (chart, "dd-hdnd"));

  /* Selecting in the chart highlights here. */
  sodo_chart_view_select_unit (view, sodo_orgchart_find_unit (chart, "btv"), FALSE);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter,
                                    sodo_reading_view_get_node_mark (_sodo_document_pane_get_reading_view (pane),
                                                                     sodo_regulation_find_node (regulation, "art-3")));
  g_assert_true (gtk_text_iter_has_tag (&iter, highlight));

  /* The chart's details link to an article: it opens here. */
  g_signal_emit_by_name (sodo_window_get_chart_widget (window), "article-activated", "art-4");
  {
    GtkTextIter cursor;
    GtkTextIter mark;

    gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
    gtk_text_buffer_get_iter_at_mark (buffer, &mark,
                                      sodo_reading_view_get_node_mark (_sodo_document_pane_get_reading_view (pane),
                                                                       sodo_regulation_find_node (regulation, "art-4")));
    g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, gtk_text_iter_get_offset (&mark));
  }

  destroy_window (window);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    GtkWindow     **out)
{
  *out = window;
}

/* Import Text… from the window: the result opens in the pane. */
static void
test_import_text_action (void)
{
  SodoWindow *window = create_window ();
  GtkWindow *dialog = NULL;
  GtkWidget *pane;
  gulong handler;

  handler = g_signal_connect (test_app, "window-added", G_CALLBACK (on_window_added_cb), &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-text", NULL));
  g_signal_handler_disconnect (test_app, handler);
  /* The dialog is not an application window: look for it among the toplevels. */
  if (dialog == NULL)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

          if (SODO_IS_IMPORT_DIALOG (toplevel))
            dialog = toplevel;
        }
    }
  g_assert_true (SODO_IS_IMPORT_DIALOG (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (dialog));

  sodo_import_dialog_set_text (SODO_IMPORT_DIALOG (dialog),
                               "QUY ĐỊNH\nvề thử nghiệm\n\nĐiều 1. Phạm vi\n1. Khoản một.\n",
                               "thu-nghiem.txt");
  _sodo_import_dialog_flush (SODO_IMPORT_DIALOG (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));

  pane = sodo_window_get_document_widget (window);
  g_assert_true (SODO_IS_DOCUMENT_PANE (pane));
  g_assert_nonnull (sodo_window_get_regulation (window));
  g_assert_cmpstr (sodo_regulation_get_id (sodo_window_get_regulation (window)), ==,
                   "thu-nghiem");
  g_assert_cmpuint (sodo_regulation_find_node (sodo_window_get_regulation (window), "art-1"),
                    !=, SODO_NO_INDEX);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  sodo_test_init_gtk (&argc, &argv);
  sodo_language_set ("en");

  test_app = g_object_new (SODO_TYPE_APPLICATION,
                           "application-id", APP_ID ".DocumentTest",
                           "flags", G_APPLICATION_NON_UNIQUE,
                           NULL);
  g_application_register (G_APPLICATION (test_app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/document/window/regulation-opens-in-pane", test_regulation_opens_in_pane);
  g_test_add_func ("/document/window/linked-with-chart", test_linked_with_chart);
  g_test_add_func ("/document/window/import-text-action", test_import_text_action);

  status = g_test_run ();

  g_object_unref (test_app);
  return status;
}
