/* sodo-regulation-print.h: a regulation (or any text document) laid out on pages
 *
 * SodoPrintDocument is a paginated text document: blocks of text in a few styles (title,
 * headings, articles, provisions with a hanging label), laid out with PangoCairo on pages of
 * a given printable size, with "Page N of M" under each page. Headings stay with what
 * follows them, a paragraph breaks across pages between its lines, never leaving a single
 * line behind when it can help it. The regulation is one such document; the comments report
 * is another.
 *
 * No GTK: printing draws the pages on the print context, export writes a PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "model/sodo-regulation.h"

G_BEGIN_DECLS

typedef enum {
  SODO_PRINT_STYLE_TITLE,          /* the document's title: centred, bold, large */
  SODO_PRINT_STYLE_SUBTITLE,       /* under the title: centred */
  SODO_PRINT_STYLE_NOTE,           /* a remark under the title: centred, small, grey, italic */
  SODO_PRINT_STYLE_PART,           /* "Phần thứ nhất": centred, bold, larger */
  SODO_PRINT_STYLE_CHAPTER,        /* "Chương I": centred, bold */
  SODO_PRINT_STYLE_HEADING_TITLE,  /* the title under a part or chapter: centred, bold */
  SODO_PRINT_STYLE_SECTION,        /* "Mục 1 …": centred, bold */
  SODO_PRINT_STYLE_ARTICLE,        /* "Điều 3. …": bold */
  SODO_PRINT_STYLE_BODY,           /* text, justified, with its label hanging */
} SodoPrintStyle;

typedef struct _SodoPrintDocument SodoPrintDocument;

/* @title names the document in the PDF's metadata. */
SodoPrintDocument *sodo_print_document_new            (const char         *title);
void               sodo_print_document_free           (SodoPrintDocument  *self);

/* Adds a block of @text (plain text, never markup; line breaks start new lines). @label
 * (nullable), such as "1." or "a)", hangs in the margin of a BODY block; @indent counts
 * steps of indentation. */
void               sodo_print_document_add            (SodoPrintDocument  *self,
                                                       SodoPrintStyle      style,
                                                       guint               indent,
                                                       const char         *label,
                                                       const char         *text);

/* Lays the document out on pages of @width × @height points (the printable area) and
 * returns the number of pages (at least 1). Call again when the paper changes. */
guint              sodo_print_document_paginate       (SodoPrintDocument  *self,
                                                       double              width,
                                                       double              height);
guint              sodo_print_document_get_n_pages    (SodoPrintDocument  *self);
/* Draws page @index (0-based) on @cr, whose user space is the printable area in points. */
void               sodo_print_document_draw_page      (SodoPrintDocument  *self,
                                                       cairo_t            *cr,
                                                       guint               index);
/* Writes the document as a PDF of @paper_width × @paper_height points with @margin on every
 * side, through a temporary file (an error leaves @file as it was). */
gboolean           sodo_print_document_write_pdf      (SodoPrintDocument  *self,
                                                       double              paper_width,
                                                       double              paper_height,
                                                       double              margin,
                                                       GFile              *file,
                                                       GCancellable       *cancellable,
                                                       GError            **error);

/* The regulation as a document: a title block (title, number, issuer, date, status and the
 * description), then every part, chapter, section and article with its heading, and the
 * clauses and points indented under their labels, in the current language. */
SodoPrintDocument *sodo_regulation_print_new          (SodoRegulation     *regulation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SodoPrintDocument, sodo_print_document_free)

G_END_DECLS
