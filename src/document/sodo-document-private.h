/* sodo-document-private.h: what the document pane's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/sodo-regulation.h"

#include "sodo-document-toc.h"
#include "sodo-import-dialog.h"

G_BEGIN_DECLS

/* Whether a node of @level is a heading the table of contents lists. */
#define _SODO_LEVEL_IN_TOC(level) ((level) <= SODO_LEVEL_ARTICLE)

/* The node and its title in one line, for lists: "Chương I. Những quy định chung". */
char       *_sodo_document_node_heading   (SodoRegulation           *regulation,
                                           guint                     node_index);
/* The index one past the last node of @node_index's subtree (nodes are in document order). */
guint       _sodo_document_subtree_end    (SodoRegulation           *regulation,
                                           guint                     node_index);

/* Loads the document pane's style sheet on @display once. */
void        _sodo_document_ensure_style   (GdkDisplay               *display);

/* For tests. */
GtkListView *_sodo_document_toc_get_list_view (SodoDocumentToc *self);

void           _sodo_import_dialog_flush              (SodoImportDialog *self);
GtkTextBuffer *_sodo_import_dialog_get_preview_buffer (SodoImportDialog *self);
GtkListBox    *_sodo_import_dialog_get_warnings_list  (SodoImportDialog *self);
GtkLabel      *_sodo_import_dialog_get_summary_label  (SodoImportDialog *self);
GtkTextView   *_sodo_import_dialog_get_source_view    (SodoImportDialog *self);

G_END_DECLS
