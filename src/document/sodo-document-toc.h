/* sodo-document-toc.h: a regulation's table of contents
 *
 * Parts, chapters, sections and articles as a tree (clauses and points are left to the
 * reading view). Choosing a row emits "node-activated"; the reading position is shown with
 * sodo_document_toc_select_node(), which emits nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/sodo-regulation.h"

G_BEGIN_DECLS

#define SODO_TYPE_DOCUMENT_TOC (sodo_document_toc_get_type ())
G_DECLARE_FINAL_TYPE (SodoDocumentToc, sodo_document_toc, SODO, DOCUMENT_TOC, GtkWidget)

GtkWidget      *sodo_document_toc_new             (void);

SodoRegulation *sodo_document_toc_get_regulation  (SodoDocumentToc *self);
void            sodo_document_toc_set_regulation  (SodoDocumentToc *self,
                                                   SodoRegulation  *regulation);
/* Selects the row of @node, or of the nearest heading above it that has a row, and scrolls
 * it into view. SODO_NO_INDEX clears the selection. */
void            sodo_document_toc_select_node     (SodoDocumentToc *self,
                                                   guint            node);
/* The node of the selected row, or SODO_NO_INDEX. */
guint           sodo_document_toc_get_selected_node (SodoDocumentToc *self);
/* Shows @counts[node] after each heading that has a row (none when 0): the comments in it. */
void            sodo_document_toc_set_counts      (SodoDocumentToc *self,
                                                   const guint     *counts,
                                                   guint            n_counts);

G_END_DECLS
