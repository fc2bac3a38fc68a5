/* sodo-comments-report-print.h: the consolidated comments report on pages
 *
 * The report is laid out by the same page layout code as a printed regulation
 * (sodo-regulation-print.h): a title block, the counts per organisation and per article, then
 * chapter by chapter each article's heading and text followed by its comments, and the
 * comments on provisions the draft no longer has. The same document prints (draw its pages
 * on a print context) and exports as PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/sodo-comments-report.h"

#include "sodo-regulation-print.h"

G_BEGIN_DECLS

/* The report as a paginated document, in the current language. */
SodoPrintDocument *sodo_comments_report_print_new (SodoCommentsReport  *report);

/* Writes the report as a PDF on A4 paper with the margins of a printed regulation, through
 * a temporary file (an error leaves @file as it was). */
gboolean           sodo_comments_report_write_pdf (SodoCommentsReport  *report,
                                                   GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

G_END_DECLS
