/* sodo-print-preview.h: the print options' preview, drawn by the code that prints
 *
 * Above, the whole chart shrunk, with the outline of every sheet over it (a click picks a
 * sheet); below, the picked sheet on its paper as it will print.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "render/sodo-pagination.h"

G_BEGIN_DECLS

#define SODO_TYPE_PRINT_PREVIEW (sodo_print_preview_get_type ())
G_DECLARE_FINAL_TYPE (SodoPrintPreview, sodo_print_preview, SODO, PRINT_PREVIEW, GtkWidget)

GtkWidget      *sodo_print_preview_new            (void);

/* Shows @pagination (nullable; the preview takes it and frees it), whose pages lie on paper
 * of @paper_width × @paper_height points with the printable area @margin_left, @margin_top
 * points in. */
void            sodo_print_preview_set_pagination (SodoPrintPreview *self,
                                                   SodoPagination   *pagination,
                                                   double            paper_width,
                                                   double            paper_height,
                                                   double            margin_left,
                                                   double            margin_top);
SodoPagination *sodo_print_preview_get_pagination (SodoPrintPreview *self);

/* The sheet shown on paper (0-based). */
guint           sodo_print_preview_get_sheet      (SodoPrintPreview *self);
void            sodo_print_preview_set_sheet      (SodoPrintPreview *self,
                                                   guint             sheet);

G_END_DECLS
