/* sodo-print-operation.h: printing a chart or a regulation
 *
 * The pages are counted in begin-print, from the printable area of the paper the user
 * chose in the print dialog (gtk_print_context_get_width/height), and drawn in draw-page by
 * the same code that writes PDFs (sodo_pagination_draw_page(), sodo_print_document_draw_page()).
 * The print settings and page setup are kept in GSettings between runs. What goes wrong is
 * told to the user in a dialog, never only logged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/sodo-regulation.h"
#include "render/sodo-pagination.h"

G_BEGIN_DECLS

#define SODO_TYPE_PRINT_OPERATION (sodo_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (SodoPrintOperation, sodo_print_operation, SODO, PRINT_OPERATION,
                      GtkPrintOperation)

/* Prints @scene as @options say (their page size is replaced by the printable area of the
 * paper chosen). The scene must not change while printing: give it one of its own
 * (sodo_chart_export_make_scene()). */
SodoPrintOperation *sodo_print_operation_new_for_chart      (SodoChartScene              *scene,
                                                             const SodoPaginationOptions *options);
SodoPrintOperation *sodo_print_operation_new_for_regulation (SodoRegulation              *regulation);

/* Starts from the print settings and page setup @settings keeps (keys "print-settings" and
 * "page-setup"), and keeps the ones the user chooses when the print is done. */
void                sodo_print_operation_use_settings       (SodoPrintOperation          *self,
                                                             GSettings                   *settings);
/* The pagination made by begin-print (NULL before it, and for a regulation). */
SodoPagination     *sodo_print_operation_get_pagination     (SodoPrintOperation          *self);

/* Shows the print dialog over @parent and prints. When done, the settings are saved (see
 * sodo_print_operation_use_settings()) and an error is shown in a dialog. */
void                sodo_print_operation_run_dialog         (SodoPrintOperation          *self,
                                                             GtkWindow                   *parent);
/* The error that ended the last run: from GTK (GTK_PRINT_OPERATION_RESULT_ERROR) or from
 * laying the pages out (paper too small, too many sheets); NULL if none. */
const GError       *sodo_print_operation_get_failure        (SodoPrintOperation          *self);

/* Page setups stored as GSettings values (a{sv}); NULL when @value is empty or invalid. */
GtkPageSetup       *sodo_print_page_setup_from_settings     (GSettings                   *settings);
void                sodo_print_page_setup_to_settings       (GSettings                   *settings,
                                                             GtkPageSetup                *setup);

G_END_DECLS
