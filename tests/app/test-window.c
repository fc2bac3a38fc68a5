/* test-window.c: the application shell: opening files, the banner, the layout, the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "app/sodo-application.h"
#include "app/sodo-window-private.h"
#include "model/sodo-language.h"
#include "sodo-test-gtk.h"

static SodoApplication *test_app;

typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
} OpenResult;

static char *
test_data_path (const char *name)
{
  return g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"), name, NULL);
}

static void
on_opened_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  OpenResult *open_result = user_data;

  open_result->ok = sodo_window_open_file_finish (SODO_WINDOW (source), result,
                                                  &open_result->error);
  open_result->done = TRUE;
}

/* Opens a file of tests/data and waits for the window to take it (or refuse it). */
static gboolean
open_and_wait (SodoWindow  *window,
               const char  *name,
               GError     **error)
{
  g_autofree char *path = test_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  OpenResult result = { 0 };

  sodo_window_open_file_async (window, file, NULL, on_opened_cb, &result);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);

  if (result.error != NULL)
    g_propagate_error (error, result.error);
  return result.ok;
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

static SodoWindow *
create_window (void)
{
  SodoWindow *window = sodo_window_new (test_app);

  /* The test holds the last reference, so that it can check the window is finalised. */
  return g_object_ref (window);
}

static void
destroy_window (SodoWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_window_empty (void)
{
  SodoWindow *window = create_window ();
  AdwWindowTitle *title = _sodo_window_get_title_widget (window);

  g_assert_null (sodo_window_get_orgchart (window));
  g_assert_null (sodo_window_get_regulation (window));
  g_assert_null (sodo_window_get_comments (window));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, PACKAGE_NAME);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "");
  g_assert_false (_sodo_window_get_banner_revealed (window));
  /* Nothing loaded: each slot says so, and shows no made-up content. */
  g_assert_cmpstr (adw_status_page_get_title (_sodo_window_get_chart_status (window)), ==,
                   "No Org Chart");
  g_assert_cmpstr (adw_status_page_get_title (_sodo_window_get_document_status (window)), ==,
                   "No Regulation");

  destroy_window (window);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *n_notifications = user_data;

  (*n_notifications)++;
}

static void
test_window_open_chart (void)
{
  SodoWindow *window = create_window ();
  AdwWindowTitle *title = _sodo_window_get_title_widget (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoOrgchart) chart = NULL;
  const char *description;
  guint n_notifications = 0;

  g_signal_connect (window, "notify::orgchart", G_CALLBACK (on_notify_cb), &n_notifications);
  g_assert_true (open_and_wait (window, "window-chart.json", &error));
  g_assert_no_error (error);

  g_object_get (window, "orgchart", &chart, NULL);
  g_assert_true (SODO_IS_ORGCHART (chart));
  g_assert_true (chart == sodo_window_get_orgchart (window));
  g_assert_cmpuint (sodo_orgchart_get_n_units (chart), ==, 3);
  g_assert_cmpuint (n_notifications, ==, 1);
  g_assert_null (sodo_window_get_regulation (window));

  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Test chart");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Test chart");
  g_assert_false (_sodo_window_get_banner_revealed (window));

  /* The summary in the chart slot tells what is loaded. */
  g_assert_cmpstr (adw_status_page_get_title (_sodo_window_get_chart_status (window)), ==,
                   "Test chart");
  description = adw_status_page_get_description (_sodo_window_get_chart_status (window));
  g_assert_nonnull (strstr (description, "3 units"));
  g_assert_nonnull (strstr (description, "2 levels"));
  g_assert_nonnull (strstr (description, "window-chart.json"));

  destroy_window (window);
}

static void
test_window_title_follows_language (void)
{
  SodoWindow *window = create_window ();
  g_autoptr(GError) error = NULL;

  sodo_language_set ("vi");
  g_assert_true (open_and_wait (window, "window-chart.json", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (adw_window_title_get_title (_sodo_window_get_title_widget (window)), ==,
                   "Sơ đồ thử");
  sodo_language_set ("en");

  destroy_window (window);
}

static gboolean
is_banner_shown (gpointer data)
{
  return gtk_revealer_get_child_revealed (SODO_WINDOW (data)->banner_revealer);
}

static void
iterate_for (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
is_narrow (gpointer data)
{
  return sodo_window_get_narrow (data);
}

static void
test_window_open_invalid_keeps_chart (void)
{
  SodoWindow *window = create_window ();
  g_autoptr(GError) error = NULL;
  SodoOrgchart *chart;
  const char *banner;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (open_and_wait (window, "window-chart.json", &error));
  g_assert_no_error (error);
  chart = sodo_window_get_orgchart (window);
  g_assert_nonnull (chart);

  /* A syntax error on line 4. */
  g_assert_false (open_and_wait (window, "window-broken.json", &error));
  g_assert_error (error, SODO_ERROR, SODO_ERROR_SYNTAX);
  g_clear_error (&error);

  g_assert_true (_sodo_window_get_banner_revealed (window));
  banner = _sodo_window_get_banner_text (window);
  g_test_message ("banner: %s", banner);
  g_assert_nonnull (strstr (banner, "window-broken.json:4:"));

  /* What was open stays open. */
  g_assert_true (sodo_window_get_orgchart (window) == chart);
  g_assert_cmpstr (adw_window_title_get_title (_sodo_window_get_title_widget (window)), ==,
                   "Test chart");

  /* A semantic error names the unit's line and the JSON path. */
  g_assert_false (open_and_wait (window, "window-bad-parent.json", &error));
  g_assert_error (error, SODO_ERROR, SODO_ERROR_REFERENCE);
  banner = _sodo_window_get_banner_text (window);
  g_test_message ("banner: %s", banner);
  g_assert_nonnull (strstr (banner, "window-bad-parent.json:10"));
  g_assert_nonnull (strstr (banner, "units[1].parent"));
  g_assert_true (sodo_window_get_orgchart (window) == chart);

  /* The banner slid in on screen, and it measures consistently at a wide and a narrow width
   * (GTK reports a critical otherwise, which fails the test). */
  wait_until (is_banner_shown, window);
  gtk_window_set_default_size (GTK_WINDOW (window), 500, 600);
  wait_until (is_narrow, window);
  iterate_for (200);

  /* Dismissing hides the banner. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-banner", NULL);
  g_assert_false (_sodo_window_get_banner_revealed (window));

  destroy_window (window);
}

static void
test_window_open_missing_file (void)
{
  SodoWindow *window = create_window ();
  g_autoptr(GError) error = NULL;

  g_assert_false (open_and_wait (window, "window-no-such-file.json", &error));
  g_assert_nonnull (error);
  g_assert_true (_sodo_window_get_banner_revealed (window));
  g_assert_nonnull (strstr (_sodo_window_get_banner_text (window), "window-no-such-file.json"));
  g_assert_null (sodo_window_get_orgchart (window));

  destroy_window (window);
}

static void
test_window_open_regulation_and_comments (void)
{
  SodoWindow *window = create_window ();
  AdwWindowTitle *title = _sodo_window_get_title_widget (window);
  g_autoptr(GError) error = NULL;
  const char *description;

  g_assert_true (open_and_wait (window, "window-chart.json", &error));
  g_assert_true (open_and_wait (window, "window-regulation.json", &error));
  g_assert_no_error (error);

  g_assert_true (SODO_IS_REGULATION (sodo_window_get_regulation (window)));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Test chart");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Test regulation");
  g_assert_cmpstr (adw_status_page_get_title (_sodo_window_get_document_status (window)), ==,
                   "Test regulation");
  description = adw_status_page_get_description (_sodo_window_get_document_status (window));
  g_assert_nonnull (strstr (description, "2 articles"));
  g_assert_nonnull (strstr (description, "1-T"));

  g_assert_true (open_and_wait (window, "window-comments.json", &error));
  g_assert_no_error (error);
  g_assert_true (SODO_IS_COMMENTS (sodo_window_get_comments (window)));
  g_assert_cmpuint (sodo_comments_get_n_comments (sodo_window_get_comments (window)), ==, 2);
  description = adw_status_page_get_description (_sodo_window_get_document_status (window));
  g_assert_nonnull (strstr (description, "2 comments"));
  /* Comments are not a chart: the chart is untouched. */
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Test chart");

  destroy_window (window);
}

static void
test_window_latest_open_wins (void)
{
  SodoWindow *window = create_window ();
  g_autofree char *first_path = test_data_path ("window-chart.json");
  g_autofree char *second_path = test_data_path ("window-chart-other.json");
  g_autoptr(GFile) first = g_file_new_for_path (first_path);
  g_autoptr(GFile) second = g_file_new_for_path (second_path);
  OpenResult first_result = { 0 };
  OpenResult second_result = { 0 };

  /* Two charts opened one after the other: whichever finishes last, the second one stays. */
  sodo_window_open_file_async (window, first, NULL, on_opened_cb, &first_result);
  sodo_window_open_file_async (window, second, NULL, on_opened_cb, &second_result);
  while (!first_result.done || !second_result.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (first_result.ok && second_result.ok);
  g_assert_cmpstr (adw_window_title_get_title (_sodo_window_get_title_widget (window)), ==,
                   "Second test chart");

  destroy_window (window);
}

static void
test_window_plug_widgets (void)
{
  SodoWindow *window = create_window ();
  GtkWidget *chart_view = gtk_label_new ("chart view");
  GtkWidget *document_view = gtk_label_new ("document view");
  GtkWidget *chart_slot = _sodo_window_get_chart_slot (window);
  GtkWidget *document_slot = _sodo_window_get_document_slot (window);

  g_assert_true (adw_bin_get_child (ADW_BIN (chart_slot))
                 == GTK_WIDGET (_sodo_window_get_chart_status (window)));

  sodo_window_set_chart_widget (window, chart_view);
  sodo_window_set_document_widget (window, document_view);
  g_assert_true (sodo_window_get_chart_widget (window) == chart_view);
  g_assert_true (adw_bin_get_child (ADW_BIN (chart_slot)) == chart_view);
  g_assert_true (adw_bin_get_child (ADW_BIN (document_slot)) == document_view);

  /* Unplugging brings the summary back. */
  sodo_window_set_chart_widget (window, NULL);
  g_assert_true (adw_bin_get_child (ADW_BIN (chart_slot))
                 == GTK_WIDGET (_sodo_window_get_chart_status (window)));
  g_assert_null (sodo_window_get_chart_widget (window));

  destroy_window (window);
}

static gboolean
is_wide (gpointer data)
{
  return !sodo_window_get_narrow (data);
}

static void
test_window_narrow_layout (void)
{
  GSettings *settings = sodo_application_get_settings (test_app);
  GtkWidget *chart_view = gtk_label_new ("chart view");
  SodoWindow *window;

  /* A window restored at 700 px starts in the one-pane layout. */
  g_settings_set_int (settings, "window-width", 700);
  window = create_window ();
  sodo_window_set_chart_widget (window, chart_view);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_narrow, window);
  g_assert_nonnull (gtk_widget_get_ancestor (chart_view, ADW_TYPE_VIEW_STACK));
  g_assert_null (gtk_widget_get_ancestor (chart_view, GTK_TYPE_PANED));

  /* Wider than the threshold: back side by side, with the same widget. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  wait_until (is_wide, window);
  g_assert_true (sodo_window_get_chart_widget (window) == chart_view);
  g_assert_nonnull (gtk_widget_get_ancestor (chart_view, GTK_TYPE_PANED));
  g_assert_null (gtk_widget_get_ancestor (chart_view, ADW_TYPE_VIEW_STACK));

  /* And narrow again. */
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 700);
  wait_until (is_narrow, window);
  g_assert_nonnull (gtk_widget_get_ancestor (chart_view, ADW_TYPE_VIEW_STACK));

  destroy_window (window);
  g_settings_reset (settings, "window-width");
}

static gboolean
is_realized (gpointer data)
{
  return gtk_widget_get_realized (data);
}

static void
test_window_saves_state (void)
{
  GSettings *settings = sodo_application_get_settings (test_app);
  SodoWindow *window = create_window ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) last_files = NULL;
  g_autofree char *chart_path = test_data_path ("window-chart.json");
  g_autoptr(GFile) chart_file = g_file_new_for_path (chart_path);
  g_autofree char *chart_uri = g_file_get_uri (chart_file);

  g_assert_true (open_and_wait (window, "window-chart.json", &error));
  /* GTK closes only a realized window. */
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_realized, window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1111, 777);
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1111);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 777);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  last_files = g_settings_get_strv (settings, "last-files");
  g_assert_cmpuint (g_strv_length (last_files), ==, 1);
  g_assert_cmpstr (last_files[0], ==, chart_uri);

  g_assert_finalize_object (window);

  /* The next window comes back at that size. */
  window = create_window ();
  {
    int width;
    int height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 1111);
    g_assert_cmpint (height, ==, 777);
  }
  destroy_window (window);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "last-files");
}

static SodoWindow *
find_sodo_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (test_app)); l; l = l->next)
    {
      if (SODO_IS_WINDOW (l->data))
        return l->data;
    }
  return NULL;
}

static gboolean
samples_loaded (gpointer data)
{
  SodoWindow *window = data;

  return (sodo_window_get_orgchart (window) != NULL && sodo_window_get_regulation (window) != NULL)
         || _sodo_window_get_banner_revealed (window);
}

static void
test_application_activate_shows_samples (void)
{
  SodoWindow *window;

  g_assert_null (find_sodo_window ());
  g_application_activate (G_APPLICATION (test_app));
  window = find_sodo_window ();
  g_assert_nonnull (window);
  g_object_ref (window);

  wait_until (samples_loaded, window);
  g_assert_false (_sodo_window_get_banner_revealed (window));
  g_assert_true (SODO_IS_ORGCHART (sodo_window_get_orgchart (window)));
  g_assert_true (SODO_IS_REGULATION (sodo_window_get_regulation (window)));
  g_assert_true (g_str_has_suffix (sodo_orgchart_get_display_name (sodo_window_get_orgchart (window)),
                                  "hanoi-2023.json"));

  /* A second activation presents the same window rather than opening another. */
  g_application_activate (G_APPLICATION (test_app));
  g_assert_true (find_sodo_window () == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (test_app))),
                    ==, 1);

  destroy_window (window);
}

static GtkWindow *
find_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return GTK_WINDOW (toplevel);
    }
  return NULL;
}

static GtkWidget *
find_shortcut (GtkWidget  *widget,
               const char *action_name)
{
  g_autofree char *widget_action = NULL;

  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_object_get (widget, "action-name", &widget_action, NULL);
      if (g_strcmp0 (widget_action, action_name) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shortcut (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_application_about_and_shortcuts (void)
{
  SodoWindow *window = create_window ();
  g_autofree char *accelerator = NULL;
  GtkWidget *open_shortcut;
  GtkWindow *shortcuts;

  gtk_window_present (GTK_WINDOW (window));

#if !ADW_CHECK_VERSION (1, 5, 0)
  {
    GtkWindow *about;

    g_action_group_activate_action (G_ACTION_GROUP (test_app), "about", NULL);
    about = find_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW);
    g_assert_nonnull (about);
    g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==,
                     PACKAGE_VERSION);
    g_assert_cmpstr (adw_about_window_get_website (ADW_ABOUT_WINDOW (about)), ==,
                     PACKAGE_WEBSITE);
    g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                     GTK_LICENSE_GPL_3_0);
    gtk_window_destroy (about);
  }
#endif

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "shortcuts", NULL);
  shortcuts = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  /* The shortcuts shown are the application's accelerators. */
  open_shortcut = find_shortcut (GTK_WIDGET (shortcuts), "app.open");
  g_assert_nonnull (open_shortcut);
  g_object_get (open_shortcut, "accelerator", &accelerator, NULL);
  g_assert_cmpstr (accelerator, ==, "<Control>o");

  destroy_window (window);
}

static void
test_application_accels (void)
{
  g_auto(GStrv) open_accels = NULL;
  g_auto(GStrv) quit_accels = NULL;
  g_auto(GStrv) shortcuts_accels = NULL;

  open_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (test_app), "app.open");
  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (test_app), "app.quit");
  shortcuts_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (test_app),
                                                            "app.shortcuts");
  g_assert_cmpstr (open_accels[0], ==, "<Control>o");
  g_assert_cmpstr (quit_accels[0], ==, "<Control>q");
  g_assert_cmpstr (shortcuts_accels[0], ==, "<Control>question");
}

/* Runs the built sodo without a display and returns its exit status. */
static int
run_sodo (const char *const  *args,
          char              **out,
          char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status;

  g_assert_nonnull (g_getenv ("SODO_EXE"));
  g_ptr_array_add (argv, (char *) g_getenv ("SODO_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  /* The headless commands must not need a display. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("sodo stdout: %s\nsodo stderr: %s", *out, *err);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

static void
test_cli_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_sodo ((const char *[]) { "--version", NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "sodo " PACKAGE_VERSION "\n");
}

static void
test_cli_bad_usage (void)
{
  const char *const *cases[] = {
    (const char *[]) { "--validate", NULL },
    (const char *[]) { "--language", "xx", NULL },
    (const char *[]) { "--language=fr", "--version", NULL },
    (const char *[]) { "--language", NULL },
    (const char *[]) { "--import-regulation", "in.txt", NULL },
    (const char *[]) { "--output", "out.json", NULL },
    (const char *[]) { "--validate", "--import-regulation", "in.txt", "a.json", NULL },
    (const char *[]) { "--no-such-option", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_sodo (cases[i], &out, &err), ==, 2);
      /* Bad usage is explained on stderr. */
      g_assert_cmpstr (err, !=, "");
    }
}

static void
test_cli_messages_name_the_problem (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_sodo ((const char *[]) { "--language", "xx", NULL }, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "“xx”"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_sodo ((const char *[]) { "--validate", NULL }, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--validate"));
}

static void
test_cli_validate (void)
{
  g_autofree char *good = test_data_path ("window-chart.json");
  g_autofree char *broken = test_data_path ("window-broken.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_sodo ((const char *[]) { "--validate", good, NULL }, &out, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_sodo ((const char *[]) { "--validate", good, broken, NULL }, &out, &err),
                   ==, 1);
  g_assert_nonnull (strstr (err, "window-broken.json:4:"));
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
                           "application-id", APP_ID ".Test",
                           "flags", G_APPLICATION_NON_UNIQUE,
                           NULL);
  g_application_register (G_APPLICATION (test_app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/app/window/empty", test_window_empty);
  g_test_add_func ("/app/window/open-chart", test_window_open_chart);
  g_test_add_func ("/app/window/title-follows-language", test_window_title_follows_language);
  g_test_add_func ("/app/window/open-invalid-keeps-chart", test_window_open_invalid_keeps_chart);
  g_test_add_func ("/app/window/open-missing-file", test_window_open_missing_file);
  g_test_add_func ("/app/window/open-regulation-and-comments",
                   test_window_open_regulation_and_comments);
  g_test_add_func ("/app/window/latest-open-wins", test_window_latest_open_wins);
  g_test_add_func ("/app/window/plug-widgets", test_window_plug_widgets);
  g_test_add_func ("/app/window/narrow-layout", test_window_narrow_layout);
  g_test_add_func ("/app/window/saves-state", test_window_saves_state);
  g_test_add_func ("/app/application/activate-shows-samples",
                   test_application_activate_shows_samples);
  g_test_add_func ("/app/application/about-and-shortcuts", test_application_about_and_shortcuts);
  g_test_add_func ("/app/application/accels", test_application_accels);
  g_test_add_func ("/app/cli/version", test_cli_version);
  g_test_add_func ("/app/cli/bad-usage", test_cli_bad_usage);
  g_test_add_func ("/app/cli/messages-name-the-problem", test_cli_messages_name_the_problem);
  g_test_add_func ("/app/cli/validate", test_cli_validate);

  status = g_test_run ();

  g_object_unref (test_app);
  return status;
}
