/* sodo-print-options.h: Sodo's own print options, shown before the system's print dialog
 *
 * The print portal allows no custom tab in the system dialog, so what Sodo needs to know
 * comes first, here: what to print (the whole chart, the branch under the selected unit, or
 * the chart as shown), the paper, the mode (one sheet, a grid of sheets, a scale), the
 * overlap, and what goes on the sheets; with a live preview drawn by the printing code and
 * the number of pages. The export dialog uses it for PDF, SVG and PNG.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "render/sodo-chart-export.h"

G_BEGIN_DECLS

#define SODO_TYPE_PRINT_OPTIONS (sodo_print_options_get_type ())
G_DECLARE_FINAL_TYPE (SodoPrintOptions, sodo_print_options, SODO, PRINT_OPTIONS, GtkWidget)

GtkWidget        *sodo_print_options_new             (void);

/* The chart to print, the view's scene (nullable: its layout options and collapsed units)
 * and the selected unit (SODO_NO_INDEX for none: no branch to offer). */
void              sodo_print_options_set_chart       (SodoPrintOptions      *self,
                                                      SodoOrgchart          *chart,
                                                      SodoChartScene        *shown,
                                                      guint                  selected_unit);
/* Reads and keeps the print-* keys and the page setup in @settings. */
void              sodo_print_options_bind_settings   (SodoPrintOptions      *self,
                                                      GSettings             *settings);

/* FALSE shows only what a single picture needs (SVG, PNG): no paper, mode or sheets. */
void              sodo_print_options_set_paginated   (SodoPrintOptions      *self,
                                                      gboolean               paginated);

GtkPageSetup     *sodo_print_options_get_page_setup  (SodoPrintOptions      *self);
void              sodo_print_options_set_page_setup  (SodoPrintOptions      *self,
                                                      GtkPageSetup          *setup);
SodoChartContent  sodo_print_options_get_content     (SodoPrintOptions      *self);
void              sodo_print_options_set_content     (SodoPrintOptions      *self,
                                                      SodoChartContent       content);
/* The pagination asked for, its page size the printable area of the page setup. The
 * strings point into @self. */
void              sodo_print_options_get_pagination  (SodoPrintOptions      *self,
                                                      SodoPaginationOptions *options);
/* The scene for what is to be printed, made for it (a new reference); NULL with @error
 * when it cannot be made. */
SodoChartScene   *sodo_print_options_get_scene       (SodoPrintOptions      *self,
                                                      GError               **error);
/* Pages as the preview counts them now (0 while it has none). */
guint             sodo_print_options_get_n_pages     (SodoPrintOptions      *self);
/* Works out the preview now instead of after the pause that lets quick changes add up. */
void              sodo_print_options_update_now      (SodoPrintOptions      *self);

G_END_DECLS
