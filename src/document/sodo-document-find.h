/* sodo-document-find.h: finding text in a buffer the Vietnamese way
 *
 * Case and diacritics are ignored (sodo_fold_for_search(), so "dieu" finds "Điều"); every
 * match is tagged "find-match" and the current one "find-current". The buffer is folded one
 * character at a time, so a match in the folded text maps back to the characters it came
 * from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SODO_TYPE_DOCUMENT_FIND (sodo_document_find_get_type ())
G_DECLARE_FINAL_TYPE (SodoDocumentFind, sodo_document_find, SODO, DOCUMENT_FIND, GObject)

/* No current match. */
#define SODO_DOCUMENT_FIND_NONE G_MAXUINT

SodoDocumentFind *sodo_document_find_new           (GtkTextBuffer    *buffer);

GtkTextBuffer    *sodo_document_find_get_buffer    (SodoDocumentFind *self);
const char       *sodo_document_find_get_query     (SodoDocumentFind *self);
/* Finds @query (nullable: clears) and makes the first match at or after the cursor the
 * current one, selecting it. */
void              sodo_document_find_set_query     (SodoDocumentFind *self,
                                                    const char       *query);
/* Finds the query again in the buffer's text as it is now (after the text was replaced). */
void              sodo_document_find_refresh       (SodoDocumentFind *self);

guint             sodo_document_find_get_n_matches (SodoDocumentFind *self);
/* The current match's position among the matches, or SODO_DOCUMENT_FIND_NONE. */
guint             sodo_document_find_get_current   (SodoDocumentFind *self);
gboolean          sodo_document_find_get_match     (SodoDocumentFind *self,
                                                    guint             index,
                                                    GtkTextIter      *start,
                                                    GtkTextIter      *end);
/* Moves to the next or the previous match, wrapping around, and selects it. */
void              sodo_document_find_next          (SodoDocumentFind *self);
void              sodo_document_find_previous      (SodoDocumentFind *self);

G_END_DECLS
