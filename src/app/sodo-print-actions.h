/* sodo-print-actions.h: the window's print and export actions
 *
 *   win.print             Sodo's print options with a preview, then the print dialog
 *   win.export            the export dialog (PDF, SVG, PNG, layout JSON)
 *   win.print-regulation  the open regulation, laid out as a document, to the print dialog
 *
 * Each is enabled while the window has what it needs open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sodo-window.h"

G_BEGIN_DECLS

/* From the window's class_init. */
void       sodo_print_actions_install       (GtkWidgetClass     *window_class);
/* From the window's init: keeps the actions' enabled state with the open documents. */
void       sodo_print_actions_init          (SodoWindow         *window);

/* The print options window win.print shows, for tests. */
GtkWindow *sodo_print_actions_show_options  (SodoWindow         *window);

G_END_DECLS
