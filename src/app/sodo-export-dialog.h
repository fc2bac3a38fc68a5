/* sodo-export-dialog.h: exporting the chart as PDF, SVG, PNG or layout JSON from the window
 *
 * The format and its options (the print options for PDF, a size and background for PNG),
 * then the file, chosen through the file chooser. The file is written in a worker thread
 * with a scene of its own; the window shows a toast when it is done and a dialog when it
 * failed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "render/sodo-chart-export.h"

G_BEGIN_DECLS

#define SODO_TYPE_EXPORT_DIALOG (sodo_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SodoExportDialog, sodo_export_dialog, SODO, EXPORT_DIALOG, AdwWindow)

/* @shown (nullable) is the view's scene, @selected_unit its selection (SODO_NO_INDEX for
 * none); @settings (nullable) keeps the print options. */
SodoExportDialog *sodo_export_dialog_new         (GtkWindow          *parent,
                                                  SodoOrgchart       *chart,
                                                  SodoChartScene     *shown,
                                                  guint               selected_unit,
                                                  GSettings          *settings);

SodoExportFormat  sodo_export_dialog_get_format  (SodoExportDialog   *self);
void              sodo_export_dialog_set_format  (SodoExportDialog   *self,
                                                  SodoExportFormat    format);

/* Exports to @file as the dialog is set, in a worker thread. */
void              sodo_export_dialog_export_async  (SodoExportDialog   *self,
                                                    GFile              *file,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
gboolean          sodo_export_dialog_export_finish (SodoExportDialog   *self,
                                                    GAsyncResult       *result,
                                                    GError            **error);

G_END_DECLS
