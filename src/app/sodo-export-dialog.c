/* sodo-export-dialog.c: format, options and file, then the export in a thread
 *
 * A scene is not to be shared between threads (nor is the font map a thread gets by
 * default), so the worker makes its own from the chart, which never changes, and from a
 * copy of what the view had collapsed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/sodo-language.h"

#include "sodo-dialogs.h"
#include "sodo-export-dialog.h"
#include "sodo-file-dialog.h"
#include "sodo-print-options.h"
#include "sodo-window.h"

/* The format row's items, in order. */
static const SodoExportFormat formats[] = {
  SODO_EXPORT_FORMAT_PDF, SODO_EXPORT_FORMAT_SVG, SODO_EXPORT_FORMAT_PNG,
  SODO_EXPORT_FORMAT_LAYOUT_JSON,
};

struct _SodoExportDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  GtkButton         *export_button;
  AdwComboRow       *format_row;
  AdwActionRow      *image_scale_row;
  GtkSpinButton     *image_scale_spin;
  SodoPrintOptions  *options;
  AdwActionRow      *transparent_row;
  GtkSwitch         *transparent_switch;

  SodoOrgchart      *chart;
  SodoChartScene    *shown;
  guint              selected_unit;
  GtkWindow         *parent;          /* weak: where the result is told */
};

G_DEFINE_FINAL_TYPE (SodoExportDialog, sodo_export_dialog, ADW_TYPE_WINDOW)

/* What the worker needs, copied from the main thread. */
typedef struct {
  SodoOrgchart           *chart;
  SodoChartSceneOptions   scene_options;
  char                   *font_family;
  SodoChartContent        content;
  guint                   branch_unit;
  GArray                 *collapsed;       /* guint: units collapsed in the view */
  SodoChartExportOptions  export;
  char                   *subtitle;
  GFile                  *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->chart);
  g_free (job->font_family);
  g_clear_pointer (&job->collapsed, g_array_unref);
  g_free (job->subtitle);
  g_clear_object (&job->file);
  g_free (job);
}

SodoExportFormat
sodo_export_dialog_get_format (SodoExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (SODO_IS_EXPORT_DIALOG (self), SODO_EXPORT_FORMAT_PDF);

  selected = adw_combo_row_get_selected (self->format_row);
  return selected < G_N_ELEMENTS (formats) ? formats[selected] : SODO_EXPORT_FORMAT_PDF;
}

void
sodo_export_dialog_set_format (SodoExportDialog *self,
                               SodoExportFormat  format)
{
  g_return_if_fail (SODO_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i] == format)
      adw_combo_row_set_selected (self->format_row, i);
}

static void
update_image_size (SodoExportDialog *self)
{
  g_autoptr(SodoChartScene) scene = NULL;
  g_autofree char *subtitle = NULL;
  SodoChartExportOptions export;
  int width, height;

  if (sodo_export_dialog_get_format (self) != SODO_EXPORT_FORMAT_PNG)
    return;
  scene = sodo_print_options_get_scene (self->options, NULL);
  if (scene == NULL)
    return;
  sodo_chart_export_options_init (&export, SODO_EXPORT_FORMAT_PNG);
  sodo_print_options_get_pagination (self->options, &export.pagination);
  export.image_scale = gtk_spin_button_get_value (self->image_scale_spin) / 100;
  if (sodo_chart_export_get_image_size (scene, &export, &width, &height, NULL))
    /* Translators: the size of the image to export, and its resolution */
    subtitle = g_strdup_printf (_("%d × %d pixels, %.0f dpi"), width, height,
                                72 * export.image_scale);
  else
    subtitle = g_strdup (_("Too large for an image: choose a smaller size"));
  adw_action_row_set_subtitle (self->image_scale_row, subtitle);
}

static void
on_format_selected_cb (SodoExportDialog *self)
{
  SodoExportFormat format = sodo_export_dialog_get_format (self);
  gboolean image = format == SODO_EXPORT_FORMAT_PNG;

  gtk_widget_set_visible (GTK_WIDGET (self->image_scale_row), image);
  gtk_widget_set_visible (GTK_WIDGET (self->transparent_row), image);
  /* The layout is positions only: what to export still matters, the sheets do not. */
  sodo_print_options_set_paginated (self->options, format == SODO_EXPORT_FORMAT_PDF);
  update_image_size (self);
}

static void
on_image_scale_changed_cb (SodoExportDialog *self)
{
  update_image_size (self);
}

/* ---- The worker ---- */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(SodoChartScene) scene = NULL;
  GError *error = NULL;
  SodoChartContent content = job->content == SODO_CHART_CONTENT_AS_SHOWN
                             ? SODO_CHART_CONTENT_WHOLE : job->content;

  job->scene_options.font_family = job->font_family;
  scene = sodo_chart_export_make_scene (job->chart, &job->scene_options, NULL, content,
                                        job->branch_unit, &error);
  if (scene == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; job->collapsed != NULL && i < job->collapsed->len; i++)
    sodo_chart_scene_set_collapsed (scene, g_array_index (job->collapsed, guint, i), TRUE);

  job->export.pagination.subtitle = job->subtitle;
  if (sodo_chart_export_to_file (scene, &job->export, job->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static ExportJob *
make_job (SodoExportDialog *self,
          GFile            *file)
{
  ExportJob *job = g_new0 (ExportJob, 1);
  GtkPageSetup *setup = sodo_print_options_get_page_setup (self->options);
  SodoChartSceneOptions options;
  SodoPaginationOptions pagination;

  job->chart = g_object_ref (self->chart);
  if (self->shown != NULL)
    sodo_chart_scene_get_options (self->shown, &options);
  else
    sodo_chart_scene_options_init (&options);
  job->scene_options = options;
  job->font_family = g_strdup (options.font_family);
  job->content = sodo_print_options_get_content (self->options);
  job->branch_unit = self->selected_unit;
  if (job->content == SODO_CHART_CONTENT_AS_SHOWN && self->shown != NULL)
    {
      job->collapsed = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < sodo_orgchart_get_n_units (self->chart); i++)
        if (sodo_chart_scene_get_collapsed (self->shown, i))
          g_array_append_val (job->collapsed, i);
    }

  sodo_chart_export_options_init (&job->export, sodo_export_dialog_get_format (self));
  sodo_print_options_get_pagination (self->options, &pagination);
  job->subtitle = g_strdup (pagination.subtitle);
  job->export.pagination = pagination;
  job->export.pagination.subtitle = NULL;
  job->export.paper_width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  job->export.paper_height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
  job->export.margin = MAX (MAX (gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS),
                                 gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS)),
                            MAX (gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS),
                                 gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS)));
  job->export.image_scale = gtk_spin_button_get_value (self->image_scale_spin) / 100;
  job->export.transparent = gtk_switch_get_active (self->transparent_switch);
  job->file = g_object_ref (file);
  return job;
}

void
sodo_export_dialog_export_async (SodoExportDialog    *self,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SODO_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sodo_export_dialog_export_async);
  g_task_set_task_data (task, make_job (self, file), (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
sodo_export_dialog_export_finish (SodoExportDialog  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Choosing the file ---- */

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SodoExportDialog *self = SODO_EXPORT_DIALOG (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  if (!sodo_export_dialog_export_finish (self, result, &error))
    {
      sodo_dialogs_show_message (self->parent,
                                 /* Translators: heading of the message when an export fails */
                                 _("Could Not Export"), error->message, NULL);
    }
  else if (SODO_IS_WINDOW (self->parent))
    {
      /* Translators: %s is the name of the file written */
      g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);

      sodo_window_add_toast (SODO_WINDOW (self->parent), adw_toast_new (title));
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_file_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SodoExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file = sodo_file_dialog_save_finish (result, &error);

  if (file == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sodo_dialogs_show_message (GTK_WINDOW (self), _("Could Not Export"), error->message,
                                   NULL);
      return;
    }
  /* Written in the background; the window says when it is done. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  sodo_export_dialog_export_async (self, file, NULL, on_exported_cb, file);
}

static const char *
filter_name (SodoExportFormat format)
{
  switch (format)
    {
    case SODO_EXPORT_FORMAT_SVG:
      return _("SVG drawings");
    case SODO_EXPORT_FORMAT_PNG:
      return _("PNG images");
    case SODO_EXPORT_FORMAT_LAYOUT_JSON:
      return _("Chart layouts (JSON)");
    case SODO_EXPORT_FORMAT_PDF:
    default:
      return _("PDF documents");
    }
}

static void
on_export_clicked_cb (SodoExportDialog *self)
{
  SodoExportFormat format = sodo_export_dialog_get_format (self);
  const char *title = sodo_orgchart_text (self->chart, sodo_orgchart_get_title (self->chart));
  g_autofree char *base = g_strdup (title != NULL ? title : _("Chart"));
  g_autofree char *initial = NULL;

  /* A title is no file name: no slashes in it. */
  g_strdelimit (base, "/\\", '-');
  initial = g_strconcat (base, sodo_export_format_get_suffix (format), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  sodo_file_dialog_save (GTK_WINDOW (self), _("Export Chart"), initial, filter_name (format),
                         sodo_export_format_get_mime_type (format), on_file_chosen_cb,
                         g_object_ref (self));
}

/* ---- Object ---- */

static void
on_pages_changed_cb (SodoExportDialog *self)
{
  update_image_size (self);
}

static void
sodo_export_dialog_dispose (GObject *object)
{
  SodoExportDialog *self = SODO_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SODO_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->chart);
  g_clear_object (&self->shown);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (sodo_export_dialog_parent_class)->dispose (object);
}

static void
sodo_export_dialog_class_init (SodoExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sodo_export_dialog_dispose;

  g_type_ensure (SODO_TYPE_PRINT_OPTIONS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/sodo-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SodoExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, SodoExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, SodoExportDialog, image_scale_row);
  gtk_widget_class_bind_template_child (widget_class, SodoExportDialog, image_scale_spin);
  gtk_widget_class_bind_template_child (widget_class, SodoExportDialog, options);
  gtk_widget_class_bind_template_child (widget_class, SodoExportDialog, transparent_row);
  gtk_widget_class_bind_template_child (widget_class, SodoExportDialog, transparent_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_format_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_image_scale_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sodo_export_dialog_init (SodoExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->selected_unit = SODO_NO_INDEX;
  g_signal_connect_swapped (self->options, "notify::n-pages", G_CALLBACK (on_pages_changed_cb),
                            self);
  on_format_selected_cb (self);
}

SodoExportDialog *
sodo_export_dialog_new (GtkWindow      *parent,
                        SodoOrgchart   *chart,
                        SodoChartScene *shown,
                        guint           selected_unit,
                        GSettings      *settings)
{
  SodoExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SODO_IS_ORGCHART (chart), NULL);

  self = g_object_new (SODO_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->chart = g_object_ref (chart);
  self->shown = shown != NULL ? g_object_ref (shown) : NULL;
  self->selected_unit = selected_unit;
  g_set_weak_pointer (&self->parent, parent);
  if (settings != NULL)
    sodo_print_options_bind_settings (self->options, settings);
  sodo_print_options_set_chart (self->options, chart, shown, selected_unit);
  return self;
}
