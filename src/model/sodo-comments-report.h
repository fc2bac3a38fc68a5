/* sodo-comments-report.h: the comments on a draft, consolidated for the drafting team
 *
 * The report follows the regulation: chapter by chapter, article by article, each article
 * with the comments on it and on its clauses and points, in document order. A summary counts
 * the comments per article and per organisation, by kind. Comments whose target the
 * regulation no longer has (orphans) are kept and listed at the end.
 *
 * The report only points into the regulation and the comments, which must not change while
 * it lives. It is written as Markdown here, and laid out on pages by
 * render/sodo-comments-report-print.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sodo-comments.h"
#include "sodo-regulation.h"

G_BEGIN_DECLS

#define SODO_COMMENT_N_KINDS (SODO_COMMENT_KIND_QUESTION + 1)

/* One comment where the report shows it. */
typedef struct {
  const SodoComment *comment;
  guint              node;          /* its target's index in the regulation */
  guint              index;         /* its index in the comments */
} SodoCommentsReportEntry;

/* The comments on an article and on what it holds. */
typedef struct {
  guint   node;                     /* the article's index */
  GArray *entries;                  /* SodoCommentsReportEntry, in document order */
  guint   n_by_kind[SODO_COMMENT_N_KINDS];
} SodoCommentsReportArticle;

/* A chapter (or, where a part holds articles without chapters, the part). */
typedef struct {
  guint      node;                  /* SODO_NO_INDEX: articles outside any chapter or part */
  GArray    *entries;               /* SodoCommentsReportEntry on the heading itself, and on
                                     * text outside any article */
  GPtrArray *articles;              /* SodoCommentsReportArticle, only those with comments */
  guint      n_comments;            /* everything in the chapter */
} SodoCommentsReportChapter;

typedef struct {
  char  *name;                      /* NULL for comments that name no organisation */
  guint  n_comments;
  guint  n_by_kind[SODO_COMMENT_N_KINDS];
} SodoCommentsReportOrganization;

typedef struct _SodoCommentsReport SodoCommentsReport;

/* Groups the comments of @comments on @regulation (both kept alive by the report). */
SodoCommentsReport *sodo_comments_report_new               (SodoRegulation     *regulation,
                                                            SodoComments       *comments);
void                sodo_comments_report_free              (SodoCommentsReport *self);

SodoRegulation     *sodo_comments_report_get_regulation    (SodoCommentsReport *self);
SodoComments       *sodo_comments_report_get_comments      (SodoCommentsReport *self);
guint               sodo_comments_report_get_n_comments    (SodoCommentsReport *self);
/* How many articles have comments. */
guint               sodo_comments_report_get_n_articles    (SodoCommentsReport *self);
guint               sodo_comments_report_get_n_by_kind     (SodoCommentsReport *self,
                                                            SodoCommentKind     kind);
/* SodoCommentsReportChapter, in document order, only those with comments. */
GPtrArray          *sodo_comments_report_get_chapters      (SodoCommentsReport *self);
/* SodoCommentsReportOrganization, by name in Vietnamese order, the unnamed last. */
GPtrArray          *sodo_comments_report_get_organizations (SodoCommentsReport *self);
/* The comments whose target is not in the regulation (const SodoComment *), in order. */
GPtrArray          *sodo_comments_report_get_orphans       (SodoCommentsReport *self);

/* The whole report as CommonMark (tables as GitHub writes them), in the current language. */
char               *sodo_comments_report_to_markdown       (SodoCommentsReport *self);
/* Writes it to @file, replacing it atomically. */
gboolean            sodo_comments_report_write_markdown    (SodoCommentsReport *self,
                                                            GFile              *file,
                                                            GCancellable       *cancellable,
                                                            GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SodoCommentsReport, sodo_comments_report_free)

G_END_DECLS
