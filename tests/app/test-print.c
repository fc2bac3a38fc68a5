/* test-print.c: the print operation, the print options, the export dialog, the actions
 *
 * The print operation runs with GTK_PRINT_OPERATION_ACTION_EXPORT, which writes a PDF
 * through GTK's own print pipeline (begin-print, draw-page) without a dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "app/sodo-application.h"
#include "app/sodo-export-dialog.h"
#include "app/sodo-print-actions.h"
#include "app/sodo-print-operation.h"
#include "app/sodo-print-options.h"
#include "app/sodo-print-preview.h"
#include "app/sodo-window.h"
#include "model/sodo-error.h"
#include "model/sodo-language.h"
#include "render/sodo-regulation-print.h"
#include "sodo-test-gtk.h"

static SodoApplication *test_app;

/* ---- Fixtures ---- */

static char *
sample_path (const char *name)
{
  return g_build_filename (g_getenv ("SODO_SAMPLES_DIR"), name, NULL);
}

static SodoOrgchart *
load_chart (void)
{
  g_autofree char *path = sample_path ("hanoi-2023.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SodoOrgchart *chart = sodo_orgchart_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return chart;
}

static SodoRegulation *
load_regulation (void)
{
  g_autofree char *path = sample_path ("regulation-draft-2023.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SodoRegulation *regulation = sodo_regulation_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return regulation;
}

/* A4 portrait with 10 mm margins: the default paper comes from the locale otherwise. */
static GtkPageSetup *
a4_page_setup (GtkPageOrientation orientation)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, orientation);
  gtk_page_setup_set_top_margin (setup, 10, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 10, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 10, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 10, GTK_UNIT_MM);
  return setup;
}

static char *
temp_path (const char *name)
{
  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static guint
pdf_page_count (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *pages;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static gboolean
have_pdfinfo (void)
{
  g_autofree char *path = g_find_program_in_path ("pdfinfo");

  if (path == NULL)
    g_test_skip ("pdfinfo is not installed");
  return path != NULL;
}

/* Runs @operation to a PDF at @path, as "Print to File" does. */
static GtkPrintOperationResult
export_operation (SodoPrintOperation *operation,
                  GtkPageSetup       *setup,
                  const char         *path)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  return result;
}

static void
wait_for (gboolean *flag)
{
  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
}

/* ---- The operation ---- */

static void
test_operation_chart (void)
{
  g_autoptr(SodoOrgchart) chart = load_chart ();
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  g_autoptr(GtkPageSetup) setup = a4_page_setup (GTK_PAGE_ORIENTATION_PORTRAIT);
  g_autofree char *grid = temp_path ("sodo-print-grid.pdf");
  g_autofree char *single = temp_path ("sodo-print-single.pdf");
  SodoPaginationOptions options;

  if (!have_pdfinfo ())
    return;

  /* A grid of 3 × 2 sheets. */
  {
    g_autoptr(SodoPrintOperation) operation = NULL;

    sodo_pagination_options_init (&options);
    options.mode = SODO_PAGINATION_FIT_PAGES;
    options.columns = 3;
    options.rows = 2;
    operation = sodo_print_operation_new_for_chart (scene, &options);
    g_assert_cmpint (export_operation (operation, setup, grid), ==,
                     GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_null (sodo_print_operation_get_failure (operation));
    g_assert_cmpuint (sodo_pagination_get_n_pages (sodo_print_operation_get_pagination (operation)),
                      ==, 6);
    g_assert_cmpuint (pdf_page_count (grid), ==, 6);
  }

  /* One sheet. */
  {
    g_autoptr(SodoPrintOperation) operation = NULL;

    sodo_pagination_options_init (&options);
    operation = sodo_print_operation_new_for_chart (scene, &options);
    g_assert_cmpint (export_operation (operation, setup, single), ==,
                     GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_cmpuint (pdf_page_count (single), ==, 1);
  }
  g_unlink (grid);
  g_unlink (single);
}

static void
test_operation_regulation (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ();
  g_autoptr(SodoPrintOperation) operation = sodo_print_operation_new_for_regulation (regulation);
  g_autoptr(SodoPrintDocument) document = sodo_regulation_print_new (regulation);
  g_autoptr(GtkPageSetup) setup = a4_page_setup (GTK_PAGE_ORIENTATION_PORTRAIT);
  g_autofree char *path = temp_path ("sodo-print-regulation.pdf");
  guint expected;

  if (!have_pdfinfo ())
    return;
  g_assert_cmpint (export_operation (operation, setup, path), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  expected = sodo_print_document_paginate (document,
                                           gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS),
                                           gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS));
  g_assert_cmpuint (expected, >=, 2);
  g_assert_cmpuint (pdf_page_count (path), ==, expected);
  g_unlink (path);
}

/* A pagination that cannot be made ends the print with an error to show, not a warning. */
static void
test_operation_failure (void)
{
  g_autoptr(SodoOrgchart) chart = load_chart ();
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  g_autoptr(SodoPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) label = gtk_paper_size_new_custom ("label", "Label", 30, 20,
                                                             GTK_UNIT_MM);
  g_autofree char *path = temp_path ("sodo-print-failure.pdf");
  SodoPaginationOptions options;
  const GError *failure;

  gtk_page_setup_set_paper_size (setup, label);
  sodo_pagination_options_init (&options);
  operation = sodo_print_operation_new_for_chart (scene, &options);
  g_assert_cmpint (export_operation (operation, setup, path), !=,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  failure = sodo_print_operation_get_failure (operation);
  g_assert_nonnull (failure);
  g_assert_true (g_error_matches (failure, SODO_ERROR, SODO_ERROR_LIMIT));
  g_unlink (path);
}

/* ---- The options ---- */

static GSettings *
app_settings (void)
{
  return sodo_application_get_settings (test_app);
}

static void
reset_print_settings (GSettings *settings)
{
  const char *keys[] = { "print-mode", "print-pages-columns", "print-pages-rows",
                         "print-scale", "print-overlap-mm", "print-crop-marks",
                         "print-title-block", "print-legend", "print-page-labels",
                         "page-setup", "print-settings" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

static void
test_options_follow_settings (void)
{
  g_autoptr(SodoOrgchart) chart = load_chart ();
  g_autoptr(SodoChartScene) shown = sodo_chart_scene_new (chart, NULL);
  g_autoptr(GtkPageSetup) portrait = a4_page_setup (GTK_PAGE_ORIENTATION_PORTRAIT);
  GSettings *settings = app_settings ();
  SodoPrintOptions *options = SODO_PRINT_OPTIONS (g_object_ref_sink (sodo_print_options_new ()));
  SodoPrintOptions *again = NULL;
  SodoPaginationOptions pagination;

  reset_print_settings (settings);
  sodo_print_options_bind_settings (options, settings);
  sodo_print_options_set_page_setup (options, portrait);
  sodo_print_options_set_chart (options, chart, shown, SODO_NO_INDEX);
  sodo_print_options_update_now (options);
  g_assert_cmpuint (sodo_print_options_get_n_pages (options), ==, 1);

  /* The settings drive the options: a 3 × 2 grid makes six pages. */
  g_settings_set_string (settings, "print-mode", "fit-pages");
  g_settings_set_int (settings, "print-pages-columns", 3);
  g_settings_set_int (settings, "print-pages-rows", 2);
  g_settings_set_double (settings, "print-overlap-mm", 5);
  g_settings_set_boolean (settings, "print-legend", FALSE);
  sodo_print_options_update_now (options);
  g_assert_cmpuint (sodo_print_options_get_n_pages (options), ==, 6);
  sodo_print_options_get_pagination (options, &pagination);
  g_assert_cmpint (pagination.mode, ==, SODO_PAGINATION_FIT_PAGES);
  g_assert_cmpuint (pagination.columns, ==, 3);
  g_assert_cmpfloat_with_epsilon (pagination.overlap, 5 * SODO_POINTS_PER_MM, 1e-6);
  g_assert_false (pagination.legend);
  /* The printable area of A4 less 10 mm margins. */
  g_assert_cmpfloat_with_epsilon (pagination.page_width, 190 * SODO_POINTS_PER_MM, 0.01);

  /* The page setup is kept: a new options widget starts from it. */
  {
    g_autoptr(GtkPageSetup) landscape = a4_page_setup (GTK_PAGE_ORIENTATION_LANDSCAPE);

    sodo_print_options_set_page_setup (options, landscape);
  }
  again = SODO_PRINT_OPTIONS (g_object_ref_sink (sodo_print_options_new ()));
  sodo_print_options_bind_settings (again, settings);
  g_assert_cmpint (gtk_page_setup_get_orientation (sodo_print_options_get_page_setup (again)),
                   ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  sodo_print_options_set_chart (again, chart, shown, SODO_NO_INDEX);
  sodo_print_options_update_now (again);
  g_assert_cmpuint (sodo_print_options_get_n_pages (again), ==, 6);

  /* A scale: as many pages as it takes. */
  g_settings_set_string (settings, "print-mode", "scale");
  g_settings_set_double (settings, "print-scale", 50);
  sodo_print_options_update_now (again);
  g_assert_cmpuint (sodo_print_options_get_n_pages (again), >, 2);

  reset_print_settings (settings);
  g_object_unref (again);
  g_object_unref (options);
}

static void
test_options_content (void)
{
  g_autoptr(SodoOrgchart) chart = load_chart ();
  g_autoptr(SodoChartScene) shown = sodo_chart_scene_new (chart, NULL);
  g_autoptr(SodoChartScene) branch = NULL;
  g_autoptr(SodoChartScene) as_shown = NULL;
  SodoPrintOptions *options = SODO_PRINT_OPTIONS (g_object_ref_sink (sodo_print_options_new ()));
  guint group = sodo_orgchart_find_unit (chart, "nhom-dang-doan");
  guint district = sodo_orgchart_find_unit (chart, "cap-huyen");
  SodoPaginationOptions pagination;

  sodo_chart_scene_set_collapsed (shown, district, TRUE);
  sodo_print_options_set_chart (options, chart, shown, group);
  g_assert_cmpint (sodo_print_options_get_content (options), ==, SODO_CHART_CONTENT_WHOLE);

  /* The branch under the selected unit, named under the title. */
  sodo_print_options_set_content (options, SODO_CHART_CONTENT_BRANCH);
  g_assert_cmpint (sodo_print_options_get_content (options), ==, SODO_CHART_CONTENT_BRANCH);
  branch = sodo_print_options_get_scene (options, NULL);
  g_assert_cmpuint (sodo_orgchart_get_n_units (sodo_chart_scene_get_orgchart (branch)), ==,
                    1 + sodo_chart_scene_get_descendant_count (shown, group));
  sodo_print_options_get_pagination (options, &pagination);
  g_assert_cmpstr (pagination.subtitle, ==,
                   sodo_orgchart_text (chart, sodo_orgchart_get_unit (chart, group)->name));

  /* The chart as shown keeps what the view collapsed. */
  sodo_print_options_set_content (options, SODO_CHART_CONTENT_AS_SHOWN);
  as_shown = sodo_print_options_get_scene (options, NULL);
  g_assert_true (sodo_chart_scene_get_collapsed (as_shown, district));
  sodo_print_options_get_pagination (options, &pagination);
  g_assert_null (pagination.subtitle);

  g_object_unref (options);
}

static void
test_preview (void)
{
  g_autoptr(SodoOrgchart) chart = load_chart ();
  g_autoptr(SodoChartScene) scene = sodo_chart_scene_new (chart, NULL);
  g_autoptr(GtkWidget) preview = g_object_ref_sink (sodo_print_preview_new ());
  SodoPaginationOptions options;

  sodo_pagination_options_init (&options);
  options.mode = SODO_PAGINATION_FIT_PAGES;
  options.columns = 2;
  options.rows = 2;
  sodo_print_preview_set_pagination (SODO_PRINT_PREVIEW (preview),
                                     sodo_pagination_new (scene, &options, NULL),
                                     595, 842, 28, 28);
  sodo_print_preview_set_sheet (SODO_PRINT_PREVIEW (preview), 2);
  g_assert_cmpuint (sodo_print_preview_get_sheet (SODO_PRINT_PREVIEW (preview)), ==, 2);
  /* Past the last sheet: the last. */
  sodo_print_preview_set_sheet (SODO_PRINT_PREVIEW (preview), 10);
  g_assert_cmpuint (sodo_print_preview_get_sheet (SODO_PRINT_PREVIEW (preview)), ==, 3);
  /* Fewer sheets than the one shown: back to the first. */
  options.mode = SODO_PAGINATION_FIT_PAGE;
  sodo_print_preview_set_pagination (SODO_PRINT_PREVIEW (preview),
                                     sodo_pagination_new (scene, &options, NULL),
                                     595, 842, 28, 28);
  g_assert_cmpuint (sodo_print_preview_get_sheet (SODO_PRINT_PREVIEW (preview)), ==, 0);
}

/* ---- The export dialog ---- */

typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Done;

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Done *done = user_data;

  done->ok = sodo_export_dialog_export_finish (SODO_EXPORT_DIALOG (source), result, &done->error);
  done->done = TRUE;
}

static void
test_export_dialog (void)
{
  g_autoptr(SodoOrgchart) chart = load_chart ();
  g_autoptr(SodoChartScene) shown = sodo_chart_scene_new (chart, NULL);
  g_autofree char *pdf = temp_path ("sodo-export-dialog.pdf");
  g_autofree char *png = temp_path ("sodo-export-dialog.png");
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  SodoExportDialog *dialog;
  cairo_surface_t *image;
  Done done = { 0 };

  if (!have_pdfinfo ())
    return;
  reset_print_settings (app_settings ());
  g_settings_set_string (app_settings (), "print-mode", "fit-pages");
  g_settings_set_int (app_settings (), "print-pages-columns", 2);
  g_settings_set_int (app_settings (), "print-pages-rows", 1);
  dialog = sodo_export_dialog_new (NULL, chart, shown, SODO_NO_INDEX, app_settings ());

  sodo_export_dialog_set_format (dialog, SODO_EXPORT_FORMAT_PDF);
  sodo_export_dialog_export_async (dialog, pdf_file, NULL, on_exported_cb, &done);
  wait_for (&done.done);
  g_assert_no_error (done.error);
  g_assert_true (done.ok);
  g_assert_cmpuint (pdf_page_count (pdf), ==, 2);

  memset (&done, 0, sizeof done);
  sodo_export_dialog_set_format (dialog, SODO_EXPORT_FORMAT_PNG);
  g_assert_cmpint (sodo_export_dialog_get_format (dialog), ==, SODO_EXPORT_FORMAT_PNG);
  sodo_export_dialog_export_async (dialog, png_file, NULL, on_exported_cb, &done);
  wait_for (&done.done);
  g_assert_no_error (done.error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  /* The 9000-point-wide chart at the default 200 %. */
  g_assert_cmpint (cairo_image_surface_get_width (image), >, 17000);
  cairo_surface_destroy (image);

  gtk_window_destroy (GTK_WINDOW (dialog));
  reset_print_settings (app_settings ());
  g_unlink (pdf);
  g_unlink (png);
}

/* ---- The window's actions ---- */

static guint
count_toplevels (GType type)
{
  guint n = 0;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    n += G_TYPE_CHECK_INSTANCE_TYPE (l->data, type);
  return n;
}

static void
destroy_toplevels (GType type)
{
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      gtk_window_destroy (l->data);
}

static SodoPrintOptions *
find_options (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SodoPrintOptions *found;

      if (SODO_IS_PRINT_OPTIONS (child))
        return SODO_PRINT_OPTIONS (child);
      found = find_options (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_window_actions (void)
{
  SodoWindow *window = sodo_window_new (test_app);
  g_autoptr(SodoOrgchart) chart = load_chart ();
  g_autoptr(SodoRegulation) regulation = load_regulation ();
  g_auto(GStrv) print_accels = NULL;
  g_auto(GStrv) export_accels = NULL;
  guint n_windows = count_toplevels (ADW_TYPE_WINDOW);
  GtkWindow *options_window;
  SodoPrintOptions *options;

  /* One place sets the accelerators, for the shortcuts window too. */
  print_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (test_app),
                                                        "win.print");
  export_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (test_app),
                                                         "win.export");
  g_assert_cmpstr (print_accels[0], ==, "<Control>p");
  g_assert_cmpstr (export_accels[0], ==, "<Shift><Control>e");

  /* Nothing to print in an empty window: the actions are there, and do nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_cmpuint (count_toplevels (ADW_TYPE_WINDOW), ==, n_windows);

  /* With a chart: win.print shows Sodo's options, with their preview, over the window. */
  sodo_window_set_orgchart (window, chart);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  g_assert_cmpuint (count_toplevels (ADW_TYPE_WINDOW), ==, n_windows + 1);
  destroy_toplevels (ADW_TYPE_WINDOW);

  options_window = sodo_print_actions_show_options (window);
  g_assert_true (gtk_window_get_transient_for (options_window) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (options_window));
  options = find_options (GTK_WIDGET (options_window));
  g_assert_nonnull (options);
  sodo_print_options_update_now (options);
  g_assert_cmpuint (sodo_print_options_get_n_pages (options), >=, 1);
  gtk_window_destroy (options_window);

  /* win.export shows the export dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_cmpuint (count_toplevels (SODO_TYPE_EXPORT_DIALOG), ==, 1);
  destroy_toplevels (SODO_TYPE_EXPORT_DIALOG);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  sodo_test_init_gtk (&argc, &argv);
  adw_init ();
  sodo_language_set ("vi");

  test_app = g_object_new (SODO_TYPE_APPLICATION,
                           "application-id", APP_ID ".PrintTest",
                           "flags", G_APPLICATION_NON_UNIQUE,
                           NULL);
  g_application_register (G_APPLICATION (test_app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/print/operation/chart", test_operation_chart);
  g_test_add_func ("/print/operation/regulation", test_operation_regulation);
  g_test_add_func ("/print/operation/failure", test_operation_failure);
  g_test_add_func ("/print/options/settings", test_options_follow_settings);
  g_test_add_func ("/print/options/content", test_options_content);
  g_test_add_func ("/print/preview", test_preview);
  g_test_add_func ("/print/export-dialog", test_export_dialog);
  g_test_add_func ("/print/window-actions", test_window_actions);

  return g_test_run ();
}
