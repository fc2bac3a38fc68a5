/* sodo-print-actions.c: win.print, win.export and win.print-regulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chart/sodo-chart-pane.h"

#include "sodo-dialogs.h"
#include "sodo-export-dialog.h"
#include "sodo-print-actions.h"
#include "sodo-print-operation.h"
#include "sodo-print-options.h"

static GSettings *
window_settings (SodoWindow *window)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));

  return SODO_IS_APPLICATION (app) ? sodo_application_get_settings (SODO_APPLICATION (app))
                                   : NULL;
}

/* The chart view's scene and selection, when the chart pane shows the window's chart. */
static SodoChartScene *
window_scene (SodoWindow *window,
              guint      *selected_unit)
{
  GtkWidget *pane = sodo_window_get_chart_widget (window);
  SodoChartView *view;

  *selected_unit = SODO_NO_INDEX;
  if (!SODO_IS_CHART_PANE (pane))
    return NULL;
  view = sodo_chart_pane_get_view (SODO_CHART_PANE (pane));
  if (sodo_chart_view_get_orgchart (view) != sodo_window_get_orgchart (window))
    return NULL;
  *selected_unit = sodo_chart_view_get_selected_unit (view);
  return sodo_chart_view_get_scene (view);
}

static void
on_print_clicked_cb (GtkButton *button,
                     GtkWindow *dialog)
{
  SodoPrintOptions *options = g_object_get_data (G_OBJECT (dialog), "sodo-print-options");
  GtkWindow *parent = gtk_window_get_transient_for (dialog);
  g_autoptr(SodoChartScene) scene = NULL;
  g_autoptr(SodoPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  SodoPaginationOptions pagination;
  GSettings *settings = NULL;

  scene = sodo_print_options_get_scene (options, &error);
  if (scene == NULL)
    {
      sodo_dialogs_show_message (dialog, _("Could Not Print"), error->message, NULL);
      return;
    }
  sodo_print_options_get_pagination (options, &pagination);
  operation = sodo_print_operation_new_for_chart (scene, &pagination);
  /* The paper chosen here, which the print dialog may still change. */
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation),
                                              sodo_print_options_get_page_setup (options));
  if (SODO_IS_WINDOW (parent))
    settings = window_settings (SODO_WINDOW (parent));
  if (settings != NULL)
    sodo_print_operation_use_settings (operation, settings);

  g_object_ref (parent);
  gtk_window_destroy (dialog);
  sodo_print_operation_run_dialog (operation, parent);
  g_object_unref (parent);
}

GtkWindow *
sodo_print_actions_show_options (SodoWindow *window)
{
  SodoOrgchart *chart = sodo_window_get_orgchart (window);
  GtkWidget *dialog, *content, *header, *cancel, *print, *options;
  SodoChartScene *shown;
  GSettings *settings;
  guint selected;

  g_return_val_if_fail (SODO_IS_WINDOW (window), NULL);
  g_return_val_if_fail (chart != NULL, NULL);

  dialog = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (dialog), _("Print Chart"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 940, 680);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  /* The system's print dialog comes next: "…". */
  print = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_widget_add_css_class (print, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), print);

  options = sodo_print_options_new ();
  gtk_widget_set_vexpand (options, TRUE);
  settings = window_settings (window);
  if (settings != NULL)
    sodo_print_options_bind_settings (SODO_PRINT_OPTIONS (options), settings);
  shown = window_scene (window, &selected);
  sodo_print_options_set_chart (SODO_PRINT_OPTIONS (options), chart, shown, selected);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), options);
  adw_window_set_content (ADW_WINDOW (dialog), content);
  g_object_set_data (G_OBJECT (dialog), "sodo-print-options", options);
  g_signal_connect (print, "clicked", G_CALLBACK (on_print_clicked_cb), dialog);
  gtk_window_set_default_widget (GTK_WINDOW (dialog), print);

  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  sodo_print_actions_show_options (SODO_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SodoWindow *window = SODO_WINDOW (widget);
  SodoChartScene *shown;
  SodoExportDialog *dialog;
  guint selected;

  shown = window_scene (window, &selected);
  dialog = sodo_export_dialog_new (GTK_WINDOW (window), sodo_window_get_orgchart (window),
                                   shown, selected, window_settings (window));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_regulation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SodoWindow *window = SODO_WINDOW (widget);
  g_autoptr(SodoPrintOperation) operation = NULL;
  GSettings *settings = window_settings (window);

  operation = sodo_print_operation_new_for_regulation (sodo_window_get_regulation (window));
  if (settings != NULL)
    sodo_print_operation_use_settings (operation, settings);
  sodo_print_operation_run_dialog (operation, GTK_WINDOW (window));
}

void
sodo_print_actions_install (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (window_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (window_class, "win.print-regulation", NULL,
                                   print_regulation_action);
}

static void
update_enabled (SodoWindow *window)
{
  gboolean has_chart = sodo_window_get_orgchart (window) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.print", has_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.export", has_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.print-regulation",
                                 sodo_window_get_regulation (window) != NULL);
}

void
sodo_print_actions_init (SodoWindow *window)
{
  g_return_if_fail (SODO_IS_WINDOW (window));

  g_signal_connect (window, "notify::orgchart", G_CALLBACK (update_enabled), NULL);
  g_signal_connect (window, "notify::regulation", G_CALLBACK (update_enabled), NULL);
  update_enabled (window);
}
