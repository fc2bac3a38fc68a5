/* sodo-file-dialog.h: choosing files to open or save to, the same way on every GTK version
 *
 * GtkFileDialog (GTK 4.10) where the build has it, else GtkFileChooserNative; both go through
 * the file chooser portal when one is available.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Lets the user pick one or more Sodo files (org charts, regulations, comments). */
void        sodo_file_dialog_open          (GtkWindow            *parent,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
/* Returns a GListModel of GFile, or NULL with @error set; G_IO_ERROR_CANCELLED when the user
 * dismissed the dialog. */
GListModel *sodo_file_dialog_open_finish   (GAsyncResult         *result,
                                            GError              **error);

/* Lets the user choose where to save a file of @mime_type (named @filter_name in the
 * filter), starting with the name @initial_name. */
void        sodo_file_dialog_save          (GtkWindow            *parent,
                                            const char           *title,
                                            const char           *initial_name,
                                            const char           *filter_name,
                                            const char           *mime_type,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
/* Returns the GFile chosen, or NULL with @error set; G_IO_ERROR_CANCELLED when the user
 * dismissed the dialog. */
GFile      *sodo_file_dialog_save_finish   (GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
