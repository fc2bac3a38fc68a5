/* sodo-import-file-chooser.h: choosing the text to import and where to save the result,
 * the same way on every GTK version
 *
 * GtkFileDialog (GTK 4.10) where the build has it, else GtkFileChooserNative; both go through
 * the file chooser portal when one is available.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Lets the user pick one plain-text file. */
void   sodo_import_file_chooser_open_text   (GtkWindow            *parent,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
/* Lets the user name a JSON file to save, starting from @suggested_name (nullable). */
void   sodo_import_file_chooser_save_json   (GtkWindow            *parent,
                                             const char           *suggested_name,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
/* The chosen file, or NULL with @error set; G_IO_ERROR_CANCELLED when the user dismissed
 * the dialog. For both functions above. */
GFile *sodo_import_file_chooser_finish      (GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
