/* test-open-files.c: the ways files come to the window: drops, the recent files, the files
 * of the last session, a second launch and D-Bus activation
 *
 * The program runs its own D-Bus session bus, so that it can own Sodo's real application id
 * (which a second `sodo FILE` talks to) without meeting a Sodo the user runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "app/sodo-application.h"
#include "app/sodo-recent.h"
#include "app/sodo-window-private.h"
#include "model/sodo-language.h"
#include "sodo-test-gtk.h"

#define TIMEOUT_S 20

static SodoApplication *test_app;
static char *data_home;
static char *work_dir;
static GTestDBus *test_bus;

static void
wait_until (gboolean (*condition) (gpointer),
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

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

/* A copy of a file of tests/data in the test's folder, under @name. */
static GFile *
copy_test_file (const char *source_name,
                const char *name)
{
  g_autofree char *source = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"), source_name,
                                              NULL);
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
ensure_registered (void)
{
  g_autoptr(GError) error = NULL;

  if (g_application_get_is_registered (G_APPLICATION (test_app)))
    return;

  g_application_register (G_APPLICATION (test_app), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (test_app)));
}

static SodoWindow *
create_window (void)
{
  ensure_registered ();
  return g_object_ref (sodo_window_new (test_app));
}

static void
destroy_window (SodoWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static gboolean
has_chart_and_regulation (gpointer data)
{
  return sodo_window_get_orgchart (data) != NULL && sodo_window_get_regulation (data) != NULL;
}

static gboolean
has_chart (gpointer data)
{
  return sodo_window_get_orgchart (data) != NULL;
}

static gboolean
file_is (GFile *file,
         GFile *expected)
{
  return file != NULL && g_file_equal (file, expected);
}

static gboolean
has_comments (gpointer data)
{
  return sodo_window_get_comments (data) != NULL;
}

/* ---- Drag and drop ---- */

static gboolean
emit_drop (GtkDropTarget *target,
           const GValue  *value)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (target, "drop", value, 100.0, 100.0, &handled);
  return handled;
}

static void
test_drop_opens_files (void)
{
  SodoWindow *window = create_window ();
  g_autoptr(GFile) chart = copy_test_file ("window-chart.json", "dropped-chart.json");
  g_autoptr(GFile) regulation = copy_test_file ("window-regulation.json",
                                                "dropped-regulation.json");
  g_autoptr(GFile) comments = copy_test_file ("window-comments.json", "dropped-comments.json");
  g_auto(GValue) list_value = G_VALUE_INIT;
  g_auto(GValue) file_value = G_VALUE_INIT;
  GFile *files[] = { chart, regulation };
  const GType *types;
  gsize n_types;

  /* The window takes a file manager's list of files, and a single file. */
  g_assert_true (GTK_IS_DROP_TARGET (window->drop_target));
  types = gtk_drop_target_get_gtypes (window->drop_target, &n_types);
  g_assert_cmpuint (n_types, ==, 2);
  g_assert_true (types[0] == GDK_TYPE_FILE_LIST);
  g_assert_true (types[1] == G_TYPE_FILE);
  g_assert_true (gtk_drop_target_get_actions (window->drop_target) & GDK_ACTION_COPY);

  /* A chart and a regulation dropped together: each goes where its format belongs. */
  g_value_init (&list_value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&list_value, gdk_file_list_new_from_array (files, G_N_ELEMENTS (files)));
  g_assert_true (emit_drop (window->drop_target, &list_value));
  wait_until (has_chart_and_regulation, window);
  g_assert_true (file_is (sodo_orgchart_get_file (sodo_window_get_orgchart (window)), chart));
  g_assert_true (file_is (sodo_regulation_get_file (sodo_window_get_regulation (window)),
                          regulation));
  g_assert_null (sodo_window_get_comments (window));

  /* One file on its own: comments. */
  g_value_init (&file_value, G_TYPE_FILE);
  g_value_set_object (&file_value, comments);
  g_assert_true (emit_drop (window->drop_target, &file_value));
  wait_until (has_comments, window);
  g_assert_cmpuint (sodo_comments_get_n_comments (sodo_window_get_comments (window)), ==, 2);
  g_assert_true (file_is (_sodo_window_get_comments_file (window), comments));

  /* An empty list opens nothing and is refused. */
  g_value_take_boxed (&list_value, gdk_file_list_new_from_array (NULL, 0));
  g_assert_false (emit_drop (window->drop_target, &list_value));

  destroy_window (window);
}

/* ---- Recent files ---- */

typedef struct {
  const char *path;
  const char *uri;
} Bookmark;

static gboolean
bookmark_recorded (gpointer data)
{
  Bookmark *bookmark = data;
  g_autoptr(GBookmarkFile) file = g_bookmark_file_new ();

  return g_bookmark_file_load_from_file (file, bookmark->path, NULL)
         && g_bookmark_file_has_item (file, bookmark->uri)
         && g_bookmark_file_has_application (file, bookmark->uri, "Sodo", NULL);
}


static gboolean
strv_contains_uri (char **uris,
                   GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  return g_strv_contains ((const char *const *) uris, uri);
}

typedef struct {
  SodoRecentFiles *recent;
  GFile           *file;
} RecentWait;

static gboolean
menu_lists (gpointer data)
{
  RecentWait *wait = data;
  g_auto(GStrv) uris = sodo_recent_files_dup_uris (wait->recent);
  GMenuModel *menu = sodo_recent_files_get_menu (wait->recent);

  return strv_contains_uri (uris, wait->file)
         && g_menu_model_get_n_items (menu) == (int) g_strv_length (uris);
}

/* The menu item that opens @file, or -1. */
static int
find_menu_item (GMenuModel *menu,
                GFile      *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, "target",
                                                                          G_VARIANT_TYPE_STRING);

      if (target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), uri) == 0)
        return i;
    }

  return -1;
}

static gboolean
is_opened (gpointer data)
{
  gpointer *pair = data;
  SodoOrgchart *chart = sodo_window_get_orgchart (pair[0]);

  return chart != NULL && file_is (sodo_orgchart_get_file (chart), pair[1]);
}

static void
test_recent_files (void)
{
  SodoWindow *window = create_window ();
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GFile) chart = copy_test_file ("window-chart.json", "recent-chart.json");
  g_autoptr(GFile) other = copy_test_file ("window-chart-other.json", "recent-other.json");
  g_autoptr(GFile) gone = copy_test_file ("window-chart.json", "recent-gone.json");
  g_autofree char *uri = g_file_get_uri (chart);
  g_autofree char *gone_uri = g_file_get_uri (gone);
  g_autofree char *data_file = g_build_filename (data_home, "recently-used.xbel", NULL);
  g_autoptr(GtkRecentInfo) info = NULL;
  g_autofree char *label = NULL;
  g_autofree char *action = NULL;
  g_auto(GStrv) uris = NULL;
  GtkRecentData text_data = {
    .mime_type = (char *) "text/plain", .app_name = (char *) "gedit",
    .app_exec = (char *) "gedit %u",
  };
  g_autofree char *text_uri = NULL;
  RecentWait wait;
  gpointer pair[2];
  int index;

  /* An opened file is recorded under Sodo's name, with its format's MIME type. */
  pair[0] = window;
  pair[1] = chart;
  sodo_window_open_file (window, chart);
  wait_until (is_opened, pair);
  g_assert_true (gtk_recent_manager_has_item (manager, uri));
  info = gtk_recent_manager_lookup_item (manager, uri, NULL);
  g_assert_nonnull (info);
  g_assert_cmpstr (gtk_recent_info_get_mime_type (info), ==, "application/x-sodo-orgchart");
  g_assert_true (gtk_recent_info_has_application (info, "Sodo"));
  /* It is written to the desktop's list (here in the test's own data folder). */
  {
    Bookmark bookmark = { data_file, uri };

    wait_until (bookmark_recorded, &bookmark);
  }

  /* The Open button's menu lists it. */
  g_assert_true (adw_split_button_get_menu_model (window->open_button)
                 == sodo_recent_files_get_menu (window->recent));
  wait = (RecentWait) { window->recent, chart };
  wait_until (menu_lists, &wait);
  index = find_menu_item (sodo_recent_files_get_menu (window->recent), chart);
  g_assert_cmpint (index, >=, 0);
  g_menu_model_get_item_attribute (sodo_recent_files_get_menu (window->recent), index, "label",
                                   "s", &label);
  g_assert_cmpstr (label, ==, "recent-chart.json");
  g_menu_model_get_item_attribute (sodo_recent_files_get_menu (window->recent), index,
                                   "action", "s", &action);
  g_assert_cmpstr (action, ==, "win.open-recent");

  /* Not listed: another program's text file, and a Sodo file deleted since. */
  text_uri = g_strconcat ("file://", work_dir, "/notes.txt", NULL);
  g_file_set_contents (text_uri + strlen ("file://"), "notes", -1, NULL);
  gtk_recent_manager_add_full (manager, text_uri, &text_data);
  sodo_recent_add_file (manager, gone, SODO_DOCUMENT_ORGCHART);
  g_assert_true (gtk_recent_manager_has_item (manager, gone_uri));
  g_assert_cmpint (g_remove (g_file_peek_path (gone)), ==, 0);
  spin (400);
  uris = sodo_recent_files_dup_uris (window->recent);
  g_assert_true (strv_contains_uri (uris, chart));
  g_assert_false (g_strv_contains ((const char *const *) uris, gone_uri));
  g_assert_false (g_strv_contains ((const char *const *) uris, text_uri));

  /* A bundled sample is not a file to come back to. */
  {
    g_autoptr(GFile) sample = g_file_new_for_uri (sodo_application_get_sample_uris ()[0]);
    g_autofree char *sample_uri = g_file_get_uri (sample);

    sodo_recent_add_file (manager, sample, SODO_DOCUMENT_ORGCHART);
    g_assert_false (gtk_recent_manager_has_item (manager, sample_uri));
  }

  /* Choosing an item opens its file. */
  sodo_recent_add_file (manager, other, SODO_DOCUMENT_ORGCHART);
  wait = (RecentWait) { window->recent, other };
  wait_until (menu_lists, &wait);
  index = find_menu_item (sodo_recent_files_get_menu (window->recent), other);
  g_assert_cmpint (index, >=, 0);
  {
    g_autofree char *other_uri = g_file_get_uri (other);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s",
                                               other_uri));
  }
  pair[1] = other;
  wait_until (is_opened, pair);

  /* The setting limits the list; the newest comes first. */
  g_settings_set_int (sodo_application_get_settings (test_app), "recent-limit", 1);
  g_assert_cmpuint (sodo_recent_files_get_limit (window->recent), ==, 1);
  g_clear_pointer (&uris, g_strfreev);
  uris = sodo_recent_files_dup_uris (window->recent);
  g_assert_cmpuint (g_strv_length (uris), ==, 1);
  g_assert_true (strv_contains_uri (uris, other));
  g_assert_cmpint (g_menu_model_get_n_items (sodo_recent_files_get_menu (window->recent)), ==, 1);

  /* With none to list, the menu says so, in an item of an action kept disabled. */
  g_settings_set_int (sodo_application_get_settings (test_app), "recent-limit", 0);
  g_assert_cmpint (g_menu_model_get_n_items (sodo_recent_files_get_menu (window->recent)), ==, 1);
  g_clear_pointer (&label, g_free);
  g_menu_model_get_item_attribute (sodo_recent_files_get_menu (window->recent), 0, "label",
                                   "s", &label);
  g_assert_cmpstr (label, ==, "No Recent Files");
  g_clear_pointer (&action, g_free);
  g_menu_model_get_item_attribute (sodo_recent_files_get_menu (window->recent), 0, "action",
                                   "s", &action);
  g_assert_cmpstr (action, ==, "win.no-recent-files");
  g_settings_reset (sodo_application_get_settings (test_app), "recent-limit");

  destroy_window (window);
}

/* Two files of the same name are told apart by their folder. */
static void
test_recent_same_names (void)
{
  g_autofree char *dir_a = g_build_filename (work_dir, "alpha", NULL);
  g_autofree char *dir_b = g_build_filename (work_dir, "beta", NULL);
  g_autofree char *path_a = g_build_filename (dir_a, "chart.json", NULL);
  g_autofree char *path_b = g_build_filename (dir_b, "chart.json", NULL);
  g_autoptr(GFile) file_a = g_file_new_for_path (path_a);
  g_autoptr(GFile) file_b = g_file_new_for_path (path_b);
  g_autoptr(SodoRecentFiles) recent = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GMenuModel *menu;

  g_assert_cmpint (g_mkdir_with_parents (dir_a, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (dir_b, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path_a, "{}", -1, NULL));
  g_assert_true (g_file_set_contents (path_b, "{}", -1, NULL));

  recent = sodo_recent_files_new (gtk_recent_manager_get_default (), "win.open-recent",
                                  "win.no-recent-files");
  sodo_recent_add_file (NULL, file_a, SODO_DOCUMENT_ORGCHART);
  sodo_recent_add_file (NULL, file_b, SODO_DOCUMENT_REGULATION);
  {
    RecentWait wait = { recent, file_a };

    wait_until (menu_lists, &wait);
    wait.file = file_b;
    wait_until (menu_lists, &wait);
  }

  menu = sodo_recent_files_get_menu (recent);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      char *label = NULL;

      g_menu_model_get_item_attribute (menu, i, "label", "s", &label);
      g_ptr_array_add (labels, label);
    }
  g_assert_true (g_ptr_array_find_with_equal_func (labels, "chart.json (alpha)", g_str_equal,
                                                   NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (labels, "chart.json (beta)", g_str_equal,
                                                   NULL));
}

/* ---- The files of the last session ---- */

static gboolean
is_realized (gpointer data)
{
  return gtk_widget_get_realized (data);
}

static SodoWindow *
find_sodo_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (test_app)); l; l = l->next)
    if (SODO_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* A label under @root (shown or not) that contains @text. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
shows_missing_toast (gpointer data)
{
  return find_label (data, "open last time, is no longer there") != NULL;
}

static void
test_last_files (void)
{
  GSettings *settings;
  SodoWindow *window = create_window ();
  g_autoptr(GFile) chart = copy_test_file ("window-chart.json", "last-chart.json");
  g_autoptr(GFile) regulation = copy_test_file ("window-regulation.json",
                                                "last-regulation.json");
  g_autoptr(GFile) comments = copy_test_file ("window-comments.json", "last-comments.json");
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/sodo/missing.json");
  g_autofree char *chart_uri = g_file_get_uri (chart);
  g_autofree char *regulation_uri = g_file_get_uri (regulation);
  g_autofree char *comments_uri = g_file_get_uri (comments);
  g_autofree char *missing_uri = g_file_get_uri (missing);
  g_auto(GStrv) last_files = NULL;

  settings = sodo_application_get_settings (test_app);
  sodo_window_open_file (window, chart);
  sodo_window_open_file (window, regulation);
  sodo_window_open_file (window, comments);
  wait_until (has_chart_and_regulation, window);
  wait_until (has_comments, window);

  /* Closing saves the chart and the regulation; not the comments file, whose comments the
   * regulation's comments store keeps (merging it again would bring back deleted ones). */
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_realized, window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  last_files = g_settings_get_strv (settings, "last-files");
  g_assert_cmpuint (g_strv_length (last_files), ==, 2);
  g_assert_cmpstr (last_files[0], ==, chart_uri);
  g_assert_cmpstr (last_files[1], ==, regulation_uri);
  g_assert_false (g_strv_contains ((const char *const *) last_files, comments_uri));

  /* The next start opens them again; one gone since is only mentioned, in a toast. */
  {
    const char *with_missing[] = { chart_uri, missing_uri, NULL };

    g_settings_set_strv (settings, "last-files", with_missing);
  }
  g_assert_null (find_sodo_window ());
  g_application_activate (G_APPLICATION (test_app));
  window = g_object_ref (find_sodo_window ());
  wait_until (has_chart, window);
  wait_until (shows_missing_toast, window);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "“missing.json”"));
  g_assert_true (file_is (sodo_orgchart_get_file (sodo_window_get_orgchart (window)), chart));
  /* Not the samples: something of the last session was there. */
  g_assert_null (sodo_window_get_regulation (window));
  g_assert_false (_sodo_window_get_banner_revealed (window));

  destroy_window (window);
  g_settings_reset (settings, "last-files");
}

/* ---- A second launch, and D-Bus activation ---- */

typedef struct {
  gboolean done;
  int      status;
} Exit;

static void
on_exited_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Exit *exit = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  exit->status = g_subprocess_get_exit_status (G_SUBPROCESS (source));
  exit->done = TRUE;
}

static gboolean
exit_done (gpointer data)
{
  return ((Exit *) data)->done;
}

static void
test_second_launch (void)
{
  SodoWindow *window = create_window ();
  g_autoptr(GFile) first = copy_test_file ("window-chart.json", "launch-first.json");
  g_autoptr(GFile) second = copy_test_file ("window-chart-other.json", "launch-second.json");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Exit exit = { 0 };
  gpointer pair[2] = { window, first };

  sodo_window_open_file (window, first);
  wait_until (is_opened, pair);

  /* `sodo FILE` while Sodo runs: the running instance opens the file in its window. */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, g_getenv ("SODO_EXE"),
                              g_file_peek_path (second), NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, on_exited_cb, &exit);
  pair[1] = second;
  wait_until (is_opened, pair);
  wait_until (exit_done, &exit);
  g_assert_cmpint (exit.status, ==, 0);

  g_assert_true (find_sodo_window () == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (test_app))),
                    ==, 1);

  destroy_window (window);
}

static gboolean
name_gone (gpointer data)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = TRUE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", (const char *) data),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return !has_owner;
}

/* The desktop starts Sodo through D-Bus (DBusActivatable=true): the bus runs the Exec line
 * of the service file, and Sodo opens what it is asked to. Runs first, before this program
 * owns the application id. */
static void
test_dbus_activation (void)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GFile) chart = copy_test_file ("window-chart.json", "activated-chart.json");
  g_autofree char *uri = g_file_get_uri (chart);
  g_autofree char *object_path = NULL;
  g_autofree char *xbel = g_build_filename (data_home, "recently-used.xbel", NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *uris[] = { uri, NULL };
  Bookmark bookmark = { xbel, uri };

  g_assert_false (g_application_get_is_registered (G_APPLICATION (test_app)));
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (name_gone ((gpointer) APP_ID));
  /* This is the test's bus: it can start Sodo, from the service file written for it. */
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "ListActivatableNames", NULL,
                                       G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
  {
    g_autofree const char **names = NULL;

    g_variant_get (reply, "(^a&s)", &names);
    g_assert_true (g_strv_contains (names, APP_ID));
  }
  g_clear_pointer (&reply, g_variant_unref);

  object_path = g_strconcat ("/", APP_ID, NULL);
  g_strdelimit (object_path, ".", '/');
  reply = g_dbus_connection_call_sync (bus, APP_ID, object_path, "org.freedesktop.Application",
                                       "Open",
                                       g_variant_new ("(^as@a{sv})", uris,
                                                      g_variant_new_array (G_VARIANT_TYPE ("{sv}"),
                                                                           NULL, 0)),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, TIMEOUT_S * 1000, NULL,
                                       &error);
  g_assert_no_error (error);

  /* The started Sodo opened the file: it records it in the recent files it shares with us. */
  wait_until (bookmark_recorded, &bookmark);

  /* And quits when asked, through its "quit" action. */
  g_clear_pointer (&reply, g_variant_unref);
  reply = g_dbus_connection_call_sync (bus, APP_ID, object_path, "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sav@a{sv})", "quit", NULL,
                                                      g_variant_new_array (G_VARIANT_TYPE ("{sv}"),
                                                                           NULL, 0)),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, TIMEOUT_S * 1000, NULL,
                                       &error);
  g_assert_no_error (error);
  wait_until (name_gone, (gpointer) APP_ID);
}

/* The bus starts Sodo from a service file like the one installed, with this build's sodo. */
static char *
write_service_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (work_dir, "services", NULL);
  g_autofree char *path = g_build_filename (dir, APP_ID ".service", NULL);
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  contents = g_strdup_printf ("[D-BUS Service]\nName=%s\nExec=%s --gapplication-service\n",
                              APP_ID, g_getenv ("SODO_EXE"));
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *services = NULL;
  g_autofree char *display = NULL;
  int status;

  /* Folders of the test's own for the recent files (here and in the Sodo it starts), and for
   * the files it opens; set before anything reads them. */
  data_home = g_dir_make_tmp ("sodo-open-data-XXXXXX", &error);
  g_assert_no_error (error);
  work_dir = g_dir_make_tmp ("sodo-open-files-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  /* The bus first: GTK may connect to the session bus while it starts. GTestDBus unsets
   * DISPLAY (against an X11 autolaunched bus), which GTK needs. */
  display = g_strdup (g_getenv ("DISPLAY"));
  test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  services = write_service_file ();
  g_test_dbus_add_service_dir (test_bus, services);
  g_test_dbus_up (test_bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  sodo_test_init_gtk (&argc, &argv);
  sodo_language_set ("en");

  /* Sodo's real id, unique: a second `sodo` finds this instance on the test's bus. */
  test_app = g_object_new (SODO_TYPE_APPLICATION, "application-id", APP_ID, NULL);

  g_test_add_func ("/app/open-files/dbus-activation", test_dbus_activation);
  g_test_add_func ("/app/open-files/drop", test_drop_opens_files);
  g_test_add_func ("/app/open-files/recent", test_recent_files);
  g_test_add_func ("/app/open-files/recent-same-names", test_recent_same_names);
  g_test_add_func ("/app/open-files/last-files", test_last_files);
  g_test_add_func ("/app/open-files/second-launch", test_second_launch);

  status = g_test_run ();

  g_object_unref (test_app);
  /* Only the bus is stopped: GTK and libadwaita keep references to their connection to it,
   * which g_test_dbus_down() (and so dropping the GTestDBus) would wait for in vain. */
  g_test_dbus_stop (test_bus);
  remove_tree (work_dir);
  remove_tree (data_home);
  return status;
}
