/* sodo-dialogs.h: the About dialog and simple messages, the same way on every libadwaita
 *
 * libadwaita 1.5 replaced the dialog windows (AdwAboutWindow, AdwMessageDialog) with
 * AdwDialog subclasses that are not windows; these wrappers hide the difference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @parent (nullable): the window the dialog belongs to. */
void sodo_dialogs_show_about   (GtkWindow  *parent);
/* A message with a Close button; @extra_child (nullable, floating) goes below @body. */
void sodo_dialogs_show_message (GtkWindow  *parent,
                                const char *heading,
                                const char *body,
                                GtkWidget  *extra_child);

G_END_DECLS
