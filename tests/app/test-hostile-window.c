/* test-hostile-window.c: hostile files opened over a chart in a real window
 *
 * The loaders are tested on the whole hostile corpus in tests/model/test-hostile.c. This test
 * checks what a user sees when such a file is opened in the window: the chart that was open
 * stays open (the same object, never a half-loaded one), and the error banner names the file
 * that was refused, one file after another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <gtk/gtk.h>

#include "app/sodo-application.h"
#include "app/sodo-window-private.h"
#include "model/sodo-language.h"
#include "sodo-test-gtk.h"

/* Deeper than the loaders' nesting limit (512) by far: a recursive parser would overflow the
 * stack of the loading thread, which is smaller than the main thread's. */
#define GENERATED_DEPTH 100000

static SodoApplication *test_app;

typedef struct {
  const char *name;      /* a file of tests/data/hostile */
  const char *message;   /* a part of the banner's text after the file name */
} HostileFile;

static const HostileFile hostile_files[] = {
  { "syntax-missing-comma-middle.json", "a comma is missing between two values" },
  { "syntax-truncated-in-string.json", "a string is not closed" },
  { "deep-unclosed.json", "nested more than 512 levels deep" },
  { "deep-objects-600.json", "nested more than 512 levels deep" },
  { "org-cycle-of-2.json", "the parent links form a cycle" },
  { "url-javascript.json", "is not an http:// or https:// address" },
  { "url-file.json", "is not an http:// or https:// address" },
  { "enc-latin1-byte.json", "not valid UTF-8" },
  { "enc-surrogate-bytes.json", "not valid UTF-8" },
  { "enc-utf16le.json", "not valid UTF-8" },
  { "file-empty.json", "the file is empty" },
};

typedef struct {
  SodoWindow *window;
  const char *name;
} BannerWait;

static gboolean
banner_names (gpointer data)
{
  BannerWait *wait = data;
  const char *text;

  if (!_sodo_window_get_banner_revealed (wait->window))
    return FALSE;
  text = _sodo_window_get_banner_text (wait->window);
  return text != NULL && g_str_has_prefix (text, wait->name);
}

static gboolean
has_orgchart (gpointer data)
{
  return sodo_window_get_orgchart (SODO_WINDOW (data)) != NULL;
}

static void
wait_until (gboolean (*condition) (gpointer),
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
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

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *n_notifications = user_data;

  (*n_notifications)++;
}

/* Opens @path as a user does (sodo_window_open_file), waits for the banner to name the file,
 * and checks that the chart that was open is still the one shown. */
static void
open_hostile (SodoWindow   *window,
              const char   *path,
              const char   *message,
              SodoOrgchart *chart,
              const guint  *n_notifications)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_path_get_basename (path);
  BannerWait wait = { window, name };
  const char *text;

  g_test_message ("opening %s", name);
  /* A banner left from the file before must not pass for this one. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-banner", NULL);
  g_assert_false (_sodo_window_get_banner_revealed (window));

  sodo_window_open_file (window, file);
  wait_until (banner_names, &wait);
  /* Let the window draw with the banner, and any late result of the load arrive. */
  iterate_for (100);

  text = _sodo_window_get_banner_text (window);
  g_test_message ("banner: %s", text);
  g_assert_true (g_str_has_prefix (text, name));
  g_assert_nonnull (strstr (text, message));

  g_assert_true (sodo_window_get_orgchart (window) == chart);
  g_assert_cmpuint (*n_notifications, ==, 1);
  g_assert_cmpuint (sodo_orgchart_get_n_units (chart), ==, 3);
  g_assert_cmpstr (adw_window_title_get_title (_sodo_window_get_title_widget (window)), ==,
                   "Test chart");
}

/* A file nested GENERATED_DEPTH arrays deep, written at test time. */
static char *
write_deep_file (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = g_string_sized_new (GENERATED_DEPTH * 2 + 64);
  char *path;

  *dir = g_dir_make_tmp ("sodo-hostile-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "nested-100k.json", NULL);

  g_string_append (json, "{\"format\": \"sodo-orgchart\", \"version\": 1, \"x\": ");
  for (guint i = 0; i < GENERATED_DEPTH; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < GENERATED_DEPTH; i++)
    g_string_append_c (json, ']');
  g_string_append (json, "}\n");
  g_file_set_contents (path, json->str, (gssize) json->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_hostile_window_keeps_chart (void)
{
  SodoWindow *window = g_object_ref (sodo_window_new (test_app));
  g_autofree char *valid = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"),
                                             "window-chart.json", NULL);
  g_autoptr(GFile) valid_file = g_file_new_for_path (valid);
  g_autofree char *deep_dir = NULL;
  g_autofree char *deep_path = NULL;
  SodoOrgchart *chart;
  guint n_notifications = 0;

  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (window, "notify::orgchart", G_CALLBACK (on_notify_cb), &n_notifications);

  sodo_window_open_file (window, valid_file);
  wait_until (has_orgchart, window);
  chart = sodo_window_get_orgchart (window);
  g_assert_cmpuint (n_notifications, ==, 1);
  g_assert_false (_sodo_window_get_banner_revealed (window));
  iterate_for (100);

  for (gsize i = 0; i < G_N_ELEMENTS (hostile_files); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"), "hostile",
                                                hostile_files[i].name, NULL);

      open_hostile (window, path, hostile_files[i].message, chart, &n_notifications);
    }

  deep_path = write_deep_file (&deep_dir);
  open_hostile (window, deep_path, "nested more than 512 levels deep", chart,
                &n_notifications);
  g_unlink (deep_path);
  g_rmdir (deep_dir);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
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

  g_test_add_func ("/app/hostile-window/keeps-chart", test_hostile_window_keeps_chart);

  status = g_test_run ();

  g_object_unref (test_app);
  return status;
}
