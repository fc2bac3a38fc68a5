/* sodo-import-dialog.h: "Import Text…", turning a plain-text regulation into a Sodo one
 *
 * The text is pasted or read from a file; as it changes, the dialog runs the plain-text
 * importer and shows the outline it found (levels, numbers, titles) and its warnings with
 * their line numbers (activating one selects that line). "Import" loads the result as a
 * regulation and emits "imported"; "Save As…" writes the result as a regulation file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/sodo-regulation.h"

G_BEGIN_DECLS

#define SODO_TYPE_IMPORT_DIALOG (sodo_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SodoImportDialog, sodo_import_dialog, SODO, IMPORT_DIALOG, AdwWindow)

/* A modal dialog over @parent (nullable). */
SodoImportDialog *sodo_import_dialog_new         (GtkWindow        *parent);

/* Replaces the text; @name (nullable) is the file it came from, and names the result. */
void              sodo_import_dialog_set_text    (SodoImportDialog *self,
                                                  const char       *text,
                                                  const char       *name);
/* The text as it is now (newly allocated) and the file it came from (NULL when pasted): for
 * a rebuilt window to carry them over. */
char             *sodo_import_dialog_dup_text    (SodoImportDialog *self);
const char       *sodo_import_dialog_get_name    (SodoImportDialog *self);
/* The regulation the current text makes (NULL while there is no text), and its JSON. */
SodoRegulation   *sodo_import_dialog_get_result  (SodoImportDialog *self);
const char       *sodo_import_dialog_get_json    (SodoImportDialog *self);

G_END_DECLS
