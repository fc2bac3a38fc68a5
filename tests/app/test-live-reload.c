/* test-live-reload.c: open files reloaded when they change on disk, keeping the view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "app/sodo-application.h"
#include "app/sodo-window-private.h"
#include "chart/sodo-chart-pane.h"
#include "chart/sodo-chart-view-private.h"
#include "document/sodo-document-pane.h"
#include "model/sodo-language.h"
#include "sodo-test-gtk.h"

/* Long enough for the file monitor, the 300 ms quiet time and a load on a busy machine. */
#define TIMEOUT_S 15

static SodoApplication *test_app;

typedef struct {
  char       *dir;
  char       *path;
  GFile      *file;
  SodoWindow *window;
} Fixture;

static void
wait_until_named (gboolean    (*condition) (gpointer),
                  gpointer      data,
                  const char   *name)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("still not %s after %d s", name, TIMEOUT_S);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

#define wait_until(condition, data) wait_until_named ((condition), (data), #condition)

static void
spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Truncates and writes, as most editors and `>` in a shell do. */
static void
write_in_place (const char *path,
                const char *contents)
{
  FILE *stream = fopen (path, "w");

  g_assert_nonnull (stream);
  g_assert_cmpint (fputs (contents, stream), >=, 0);
  g_assert_cmpint (fclose (stream), ==, 0);
}

/* Writes a new file beside, then renames it over: how GLib, gedit and many editors save. */
static void
write_by_rename (const char *path,
                 const char *contents)
{
  g_autofree char *temp_path = g_strconcat (path, ".new", NULL);

  write_in_place (temp_path, contents);
  g_assert_cmpint (g_rename (temp_path, path), ==, 0);
}

/* A chart of root, left (with left-a under it) and right; optionally a new unit, and the
 * name of "right". */
static char *
chart_json (const char *right_name,
            gboolean    with_new_unit)
{
  return g_strdup_printf (
    "{\n"
    "  \"format\": \"sodo-orgchart\",\n"
    "  \"version\": 1,\n"
    "  \"title\": \"Reload test\",\n"
    "  \"kinds\": [\n"
    "    {\"id\": \"committee\", \"name\": \"Committee\"},\n"
    "    {\"id\": \"board\", \"name\": \"Board\"}\n"
    "  ],\n"
    "  \"units\": [\n"
    "    {\"id\": \"root\", \"parent\": null, \"kind\": \"committee\", \"name\": \"Root\"},\n"
    "    {\"id\": \"left\", \"parent\": \"root\", \"kind\": \"board\", \"name\": \"Left\"},\n"
    "    {\"id\": \"left-a\", \"parent\": \"left\", \"kind\": \"board\", \"name\": \"Left A\"},\n"
    "    {\"id\": \"right\", \"parent\": \"root\", \"kind\": \"board\", \"name\": \"%s\"}%s\n"
    "  ]\n"
    "}\n",
    right_name,
    with_new_unit ? ",\n    {\"id\": \"new-unit\", \"parent\": \"root\", \"kind\": \"board\","
                    " \"name\": \"New\"}"
                  : "");
}

/* A syntax error: the comma missing at the end of line 4. */
static const char broken_chart[] =
  "{\n"
  "  \"format\": \"sodo-orgchart\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Reload test\"\n"
  "  \"kinds\": []\n"
  "}\n";

typedef struct {
  gboolean done;
  gboolean ok;
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

static gboolean
open_done (gpointer data)
{
  return ((OpenResult *) data)->done;
}

static void
open_and_wait (SodoWindow *window,
               GFile      *file)
{
  OpenResult result = { 0 };

  sodo_window_open_file_async (window, file, NULL, on_opened_cb, &result);
  wait_until (open_done, &result);
  g_assert_true (result.ok);
}

static gboolean
is_watching (gpointer data)
{
  Fixture *fixture = data;

  return _sodo_window_reload_is_watching (fixture->window->reload, fixture->file);
}

/* A window showing @contents, written to a file of a fresh folder named @name. */
static void
fixture_set_up (Fixture    *fixture,
                const char *name,
                const char *contents)
{
  GError *error = NULL;

  fixture->dir = g_dir_make_tmp ("sodo-reload-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, name, NULL);
  write_in_place (fixture->path, contents);
  fixture->file = g_file_new_for_path (fixture->path);

  fixture->window = g_object_ref (sodo_window_new (test_app));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  open_and_wait (fixture->window, fixture->file);
  wait_until (is_watching, fixture);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  remove_dir (fixture->dir);
  g_clear_object (&fixture->file);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static SodoChartView *
chart_view (SodoWindow *window)
{
  return sodo_chart_pane_get_view (SODO_CHART_PANE (sodo_window_get_chart_widget (window)));
}

static guint
find_unit (SodoWindow *window,
           const char *id)
{
  return sodo_orgchart_find_unit (sodo_window_get_orgchart (window), id);
}

static gboolean
is_laid_out (gpointer data)
{
  SodoChartView *view = data;

  return gtk_widget_get_width (GTK_WIDGET (view)) > 0 && !view->fit_pending
         && view->pending_state == NULL && view->tick_id == 0;
}

typedef struct {
  SodoWindow *window;
  gpointer    old;
} Replaced;

static gboolean
chart_replaced (gpointer data)
{
  Replaced *replaced = data;

  return sodo_window_get_orgchart (replaced->window) != replaced->old;
}

static gboolean
banner_shown (gpointer data)
{
  return _sodo_window_get_banner_revealed (data);
}

static gboolean
banner_hidden (gpointer data)
{
  return !_sodo_window_get_banner_revealed (data);
}

static gboolean
is_match (SodoChartView *view,
          guint          unit)
{
  return view->matches != NULL && (view->matches[unit / 32] >> (unit % 32)) & 1;
}

static void
wait_for_new_chart (SodoWindow *window)
{
  Replaced replaced = { window, sodo_window_get_orgchart (window) };

  wait_until (chart_replaced, &replaced);
}

static gboolean
is_nonzero (gpointer data)
{
  return *(guint *) data != 0;
}

static void
wait_until_notified (guint *n_notifications)
{
  wait_until (is_nonzero, n_notifications);
}

static void
test_reload_keeps_view (void)
{
  Fixture fixture = { 0 };
  g_autofree char *first = chart_json ("Right", FALSE);
  g_autofree char *second = chart_json ("Right, renamed", TRUE);
  SodoChartView *view;
  SodoOrgchart *old_chart;
  GArray *flashed;
  guint right;

  fixture_set_up (&fixture, "chart.json", first);
  view = chart_view (fixture.window);
  wait_until (is_laid_out, view);

  /* A view to keep: a zoom, a selection, a collapsed branch. */
  sodo_chart_view_set_collapsed (view, find_unit (fixture.window, "left"), TRUE);
  sodo_chart_view_select_unit (view, find_unit (fixture.window, "right"), FALSE);
  sodo_chart_view_set_zoom (view, 1.7);
  g_assert_cmpfloat_with_epsilon (sodo_chart_view_get_zoom (view), 1.7, 1e-9);
  old_chart = sodo_window_get_orgchart (fixture.window);

  /* An editor saves a unit more and "right" renamed. */
  write_in_place (fixture.path, second);
  wait_for_new_chart (fixture.window);
  wait_until (is_laid_out, view);

  g_assert_true (sodo_window_get_orgchart (fixture.window) != old_chart);
  g_assert_cmpuint (sodo_orgchart_get_n_units (sodo_window_get_orgchart (fixture.window)), ==, 5);
  g_assert_cmpuint (find_unit (fixture.window, "new-unit"), !=, SODO_NO_INDEX);
  g_assert_false (_sodo_window_get_banner_revealed (fixture.window));

  /* The view is as it was, units matched by id. */
  right = find_unit (fixture.window, "right");
  g_assert_cmpuint (sodo_chart_view_get_selected_unit (view), ==, right);
  g_assert_cmpfloat_with_epsilon (sodo_chart_view_get_zoom (view), 1.7, 1e-6);
  g_assert_true (sodo_chart_scene_get_collapsed (sodo_chart_view_get_scene (view),
                                                 find_unit (fixture.window, "left")));

  /* What is new or changed is highlighted, and said. */
  flashed = _sodo_window_reload_get_flashed_units (fixture.window->reload);
  g_assert_nonnull (flashed);
  g_assert_cmpuint (flashed->len, ==, 2);
  g_assert_true (is_match (view, find_unit (fixture.window, "new-unit")));
  g_assert_true (is_match (view, right));
  g_assert_false (is_match (view, find_unit (fixture.window, "root")));
  g_assert_false (is_match (view, find_unit (fixture.window, "left")));
  g_assert_cmpstr (_sodo_window_reload_get_last_message (fixture.window->reload), ==,
                   "Chart reloaded: 1 unit added, 1 unit changed");

  /* The highlight is brief. */
  spin (2300);
  g_assert_null (_sodo_window_reload_get_flashed_units (fixture.window->reload));
  g_assert_null (view->matches);

  /* A unit removed is counted too. */
  write_in_place (fixture.path, first);
  wait_for_new_chart (fixture.window);
  g_assert_cmpstr (_sodo_window_reload_get_last_message (fixture.window->reload), ==,
                   "Chart reloaded: 1 unit changed, 1 unit removed");

  /* A unit added under the collapsed branch: the card that hides it is highlighted. */
  {
    g_autoptr(GString) third = g_string_new (first);

    g_string_replace (third, "{\"id\": \"right\"",
                      "{\"id\": \"left-b\", \"parent\": \"left\", \"kind\": \"board\","
                      " \"name\": \"Left B\"},\n    {\"id\": \"right\"", 1);
    write_by_rename (fixture.path, third->str);
    wait_for_new_chart (fixture.window);
    flashed = _sodo_window_reload_get_flashed_units (fixture.window->reload);
    g_assert_nonnull (flashed);
    g_assert_cmpuint (flashed->len, ==, 1);
    g_assert_cmpuint (g_array_index (flashed, guint, 0), ==, find_unit (fixture.window, "left"));
    wait_until (is_laid_out, view);
    g_assert_true (is_match (view, find_unit (fixture.window, "left")));
    g_assert_false (is_match (view, find_unit (fixture.window, "left-b")));
    g_assert_true (sodo_chart_scene_get_collapsed (sodo_chart_view_get_scene (view),
                                                   find_unit (fixture.window, "left")));
  }

  fixture_tear_down (&fixture);
}

static void
test_reload_invalid_keeps_chart (void)
{
  Fixture fixture = { 0 };
  g_autofree char *first = chart_json ("Right", FALSE);
  g_autofree char *second = chart_json ("Right", TRUE);
  SodoOrgchart *old_chart;
  const char *text;

  fixture_set_up (&fixture, "chart.json", first);
  old_chart = sodo_window_get_orgchart (fixture.window);

  /* A save with a mistake: the chart stays, the banner names the error and its line. */
  write_in_place (fixture.path, broken_chart);
  wait_until (banner_shown, fixture.window);
  text = _sodo_window_get_banner_text (fixture.window);
  g_test_message ("banner: %s", text);
  g_assert_true (g_str_has_prefix (text, "chart.json:4:"));
  g_assert_nonnull (strstr (text, "comma"));
  g_assert_true (sodo_window_get_orgchart (fixture.window) == old_chart);
  g_assert_cmpuint (sodo_orgchart_get_n_units (old_chart), ==, 4);

  /* The next good save reloads, and the banner goes. */
  write_in_place (fixture.path, second);
  wait_for_new_chart (fixture.window);
  g_assert_cmpuint (find_unit (fixture.window, "new-unit"), !=, SODO_NO_INDEX);
  wait_until (banner_hidden, fixture.window);

  fixture_tear_down (&fixture);
}

static void
test_reload_deleted_and_back (void)
{
  Fixture fixture = { 0 };
  g_autofree char *first = chart_json ("Right", FALSE);
  g_autofree char *second = chart_json ("Right", TRUE);
  SodoOrgchart *old_chart;

  fixture_set_up (&fixture, "chart.json", first);
  old_chart = sodo_window_get_orgchart (fixture.window);

  /* Deleted: what is shown stays, and the banner says so. */
  g_assert_cmpint (g_remove (fixture.path), ==, 0);
  wait_until (banner_shown, fixture.window);
  g_assert_cmpstr (_sodo_window_get_banner_text (fixture.window), ==,
                   "“chart.json” was deleted or moved; what you see is kept");
  g_assert_true (sodo_window_get_orgchart (fixture.window) == old_chart);
  g_assert_nonnull (sodo_window_get_chart_widget (fixture.window));

  /* Back again: reloaded, and the banner goes. */
  write_in_place (fixture.path, second);
  wait_for_new_chart (fixture.window);
  g_assert_cmpuint (find_unit (fixture.window, "new-unit"), !=, SODO_NO_INDEX);
  wait_until (banner_hidden, fixture.window);

  /* Moved away, then a file moved in under its name. */
  {
    g_autofree char *moved = g_build_filename (fixture.dir, "moved.json", NULL);

    old_chart = sodo_window_get_orgchart (fixture.window);
    g_assert_cmpint (g_rename (fixture.path, moved), ==, 0);
    wait_until (banner_shown, fixture.window);
    g_assert_true (sodo_window_get_orgchart (fixture.window) == old_chart);
    write_in_place (moved, first);
    g_assert_cmpint (g_rename (moved, fixture.path), ==, 0);
    wait_for_new_chart (fixture.window);
    g_assert_cmpuint (find_unit (fixture.window, "new-unit"), ==, SODO_NO_INDEX);
    wait_until (banner_hidden, fixture.window);
  }

  fixture_tear_down (&fixture);
}

static void
test_reload_rename_over (void)
{
  Fixture fixture = { 0 };
  g_autofree char *first = chart_json ("Right", FALSE);
  g_autofree char *second = chart_json ("Right", TRUE);

  fixture_set_up (&fixture, "chart.json", first);

  write_by_rename (fixture.path, second);
  wait_for_new_chart (fixture.window);
  g_assert_cmpuint (find_unit (fixture.window, "new-unit"), !=, SODO_NO_INDEX);
  g_assert_false (_sodo_window_get_banner_revealed (fixture.window));
  g_assert_cmpstr (_sodo_window_reload_get_last_message (fixture.window->reload), ==,
                   "Chart reloaded: 1 unit added");

  /* And again: the watch outlives the file it started on. */
  write_by_rename (fixture.path, first);
  wait_for_new_chart (fixture.window);
  g_assert_cmpuint (find_unit (fixture.window, "new-unit"), ==, SODO_NO_INDEX);

  fixture_tear_down (&fixture);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* Several writes in a row are one reload, once the file is quiet. */
static void
test_reload_debounced (void)
{
  Fixture fixture = { 0 };
  g_autofree char *first = chart_json ("Right", FALSE);
  g_autofree char *second = chart_json ("Right", TRUE);
  guint n_notifications = 0;
  gulong handler;

  fixture_set_up (&fixture, "chart.json", first);
  handler = g_signal_connect (fixture.window, "notify::orgchart", G_CALLBACK (count_notify_cb),
                              &n_notifications);

  for (guint i = 0; i < 5; i++)
    {
      write_in_place (fixture.path, i % 2 == 0 ? second : first);
      spin (50);
    }
  write_in_place (fixture.path, second);
  g_assert_cmpuint (n_notifications, ==, 0);
  wait_until_notified (&n_notifications);
  spin (1000);
  g_signal_handler_disconnect (fixture.window, handler);

  g_assert_cmpuint (n_notifications, ==, 1);
  g_assert_cmpuint (find_unit (fixture.window, "new-unit"), !=, SODO_NO_INDEX);

  fixture_tear_down (&fixture);
}

static char *
read_sample (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("SODO_SAMPLES_DIR"), name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static SodoDocumentPane *
document_pane (SodoWindow *window)
{
  return SODO_DOCUMENT_PANE (sodo_window_get_document_widget (window));
}

static gboolean
reading_at_art_5 (gpointer data)
{
  return g_strcmp0 (sodo_document_pane_get_top_node_id (document_pane (data)), "art-5") == 0;
}

typedef struct {
  SodoWindow *window;
  gpointer    old;
} RegulationReplaced;

static gboolean
regulation_replaced (gpointer data)
{
  RegulationReplaced *replaced = data;

  return sodo_window_get_regulation (replaced->window) != replaced->old;
}

static void
test_reload_regulation_keeps_reading_position (void)
{
  Fixture fixture = { 0 };
  g_autofree char *contents = read_sample ("regulation-draft-2023.json");
  g_autoptr(GString) edited = NULL;
  RegulationReplaced replaced;

  fixture_set_up (&fixture, "regulation.json", contents);
  g_assert_true (sodo_document_pane_show_node (document_pane (fixture.window), "art-5"));
  wait_until (reading_at_art_5, fixture.window);

  /* The draft gets a new status; the reader stays at Article 5. */
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, "\"status\": \"draft\"", "\"status\": \"issued\"",
                                      1), ==, 1);
  replaced = (RegulationReplaced) { fixture.window, sodo_window_get_regulation (fixture.window) };
  write_by_rename (fixture.path, edited->str);
  wait_until (regulation_replaced, &replaced);
  /* The pane lays the new text out over a few frames before it is back at its place. */
  wait_until (reading_at_art_5, fixture.window);
  spin (500);
  g_assert_cmpint (sodo_regulation_get_status (sodo_window_get_regulation (fixture.window)), ==,
                   SODO_REGULATION_ISSUED);
  g_assert_cmpstr (sodo_document_pane_get_top_node_id (document_pane (fixture.window)), ==,
                   "art-5");
  g_assert_cmpstr (_sodo_window_reload_get_last_message (fixture.window->reload), ==,
                   "Regulation reloaded");

  fixture_tear_down (&fixture);
}

typedef struct {
  SodoWindow *window;
  guint       n_comments;
} CommentsCount;

static gboolean
has_n_comments (gpointer data)
{
  CommentsCount *count = data;
  SodoComments *comments = sodo_window_get_comments (count->window);

  return comments != NULL && sodo_comments_get_n_comments (comments) == count->n_comments;
}

static void
test_reload_comments (void)
{
  Fixture fixture = { 0 };
  g_autofree char *path = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"),
                                            "window-comments.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  CommentsCount count;
  SodoComments *comments;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  fixture_set_up (&fixture, "notes.comments.json", contents);
  g_assert_true (g_file_equal (_sodo_window_get_comments_file (fixture.window), fixture.file));

  /* A colleague's comment arrives in the file. */
  edited = g_string_new (contents);
  g_string_replace (edited, "  ]\n}",
                    "    ,{\"id\": \"c-3\", \"target\": \"art-1\", \"kind\": \"comment\","
                    " \"status\": \"open\", \"created\": \"2023-10-28T09:00:00+07:00\","
                    " \"updated\": \"2023-10-28T09:00:00+07:00\", \"text\": \"Agreed.\"}\n"
                    "  ]\n}", 1);
  count = (CommentsCount) { fixture.window, 3 };
  write_in_place (fixture.path, edited->str);
  wait_until (has_n_comments, &count);
  g_assert_nonnull (sodo_comments_find (sodo_window_get_comments (fixture.window), "c-3"));
  g_assert_true (g_file_equal (_sodo_window_get_comments_file (fixture.window), fixture.file));

  /* The same comments written again (Sodo saving its own work): nothing is replaced. */
  comments = sodo_window_get_comments (fixture.window);
  {
    g_autoptr(GBytes) bytes = sodo_comments_to_bytes (comments);
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

    write_by_rename (fixture.path, text);
  }
  spin (1500);
  g_assert_true (sodo_window_get_comments (fixture.window) == comments);

  fixture_tear_down (&fixture);
}

static gboolean
not_watching (gpointer data)
{
  return !is_watching (data);
}

/* Another chart opened: the first file is no longer watched, and its banner goes. */
static void
test_reload_follows_open_files (void)
{
  Fixture fixture = { 0 };
  g_autofree char *first = chart_json ("Right", FALSE);
  g_autofree char *other_path = NULL;
  g_autoptr(GFile) other = NULL;
  SodoOrgchart *other_chart;

  fixture_set_up (&fixture, "chart.json", first);
  g_assert_cmpint (g_remove (fixture.path), ==, 0);
  wait_until (banner_shown, fixture.window);

  other_path = g_build_filename (fixture.dir, "other.json", NULL);
  write_in_place (other_path, first);
  other = g_file_new_for_path (other_path);
  open_and_wait (fixture.window, other);
  g_assert_false (_sodo_window_get_banner_revealed (fixture.window));
  wait_until (not_watching, &fixture);
  g_assert_true (_sodo_window_reload_is_watching (fixture.window->reload, other));

  /* The old name coming back is not the open chart any more. */
  other_chart = sodo_window_get_orgchart (fixture.window);
  write_in_place (fixture.path, first);
  spin (1000);
  g_assert_true (sodo_window_get_orgchart (fixture.window) == other_chart);

  /* A chart with no file (made in memory) is not watched. */
  sodo_window_set_orgchart (fixture.window, NULL);
  g_assert_false (_sodo_window_reload_is_watching (fixture.window->reload, other));

  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  /* The recent files every open records go to a folder of the test's own. */
  data_home = g_dir_make_tmp ("sodo-reload-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  sodo_test_init_gtk (&argc, &argv);
  sodo_language_set ("en");

  test_app = g_object_new (SODO_TYPE_APPLICATION,
                           "application-id", APP_ID ".TestReload",
                           "flags", G_APPLICATION_NON_UNIQUE,
                           NULL);
  g_application_register (G_APPLICATION (test_app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/app/live-reload/keeps-view", test_reload_keeps_view);
  g_test_add_func ("/app/live-reload/invalid-keeps-chart", test_reload_invalid_keeps_chart);
  g_test_add_func ("/app/live-reload/deleted-and-back", test_reload_deleted_and_back);
  g_test_add_func ("/app/live-reload/rename-over", test_reload_rename_over);
  g_test_add_func ("/app/live-reload/debounced", test_reload_debounced);
  g_test_add_func ("/app/live-reload/regulation-keeps-reading-position",
                   test_reload_regulation_keeps_reading_position);
  g_test_add_func ("/app/live-reload/comments", test_reload_comments);
  g_test_add_func ("/app/live-reload/follows-open-files", test_reload_follows_open_files);

  status = g_test_run ();

  g_object_unref (test_app);
  remove_dir (data_home);
  return status;
}
