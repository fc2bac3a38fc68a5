/* sodo-reading-view.h: a regulation typeset for reading
 *
 * A read-only, selectable GtkTextView: headings centred, articles in bold, clauses and points
 * indented by level with a hanging indent, text in the UI language (a small "vi"/"en" after a
 * value shown in another language), and under each article the units it applies to as chips
 * that link to the chart. Each node starts at a mark, so the view can go to a node and tell
 * which node is at the top.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/sodo-orgchart.h"
#include "model/sodo-regulation.h"

G_BEGIN_DECLS

/* Limits of the text scale, as the document-text-scale setting has them. */
#define SODO_READING_VIEW_MIN_SCALE 0.5
#define SODO_READING_VIEW_MAX_SCALE 3.0

#define SODO_TYPE_READING_VIEW (sodo_reading_view_get_type ())
G_DECLARE_FINAL_TYPE (SodoReadingView, sodo_reading_view, SODO, READING_VIEW, GtkTextView)

GtkWidget      *sodo_reading_view_new                 (void);

/* Typesets @regulation (nullable) anew; @orgchart (nullable) names the chips. */
void            sodo_reading_view_set_document        (SodoReadingView *self,
                                                       SodoRegulation  *regulation,
                                                       SodoOrgchart    *orgchart);
SodoRegulation *sodo_reading_view_get_regulation      (SodoReadingView *self);

/* Size of the text relative to the normal size (property "text-scale"). */
double          sodo_reading_view_get_text_scale      (SodoReadingView *self);
void            sodo_reading_view_set_text_scale      (SodoReadingView *self,
                                                       double           scale);
/* The width in pixels of a comfortable line (about 70 characters) at the current size,
 * margins included (property "reading-width"). */
int             sodo_reading_view_get_reading_width   (SodoReadingView *self);

/* The mark at the start of @node's text (NULL without a regulation). */
GtkTextMark    *sodo_reading_view_get_node_mark       (SodoReadingView *self,
                                                       guint            node);
/* The node whose text holds the character at @offset, or SODO_NO_INDEX before the first. */
guint           sodo_reading_view_get_node_at_offset  (SodoReadingView *self,
                                                       int              offset);
/* The node at the top of the visible part. */
guint           sodo_reading_view_get_top_node        (SodoReadingView *self);
/* Moves the cursor to the start of @node and scrolls it to the top; with @flash, highlights
 * it for a moment so the eye finds it. */
void            sodo_reading_view_scroll_to_node      (SodoReadingView *self,
                                                       guint            node,
                                                       gboolean         flash);
/* Highlights @nodes (@n_nodes indices, each with everything it holds); NULL/0 clears. */
void            sodo_reading_view_set_highlighted     (SodoReadingView *self,
                                                       const guint     *nodes,
                                                       guint            n_nodes);

/* How many values are shown in another language than the UI's, and which language they are
 * in (the first one found, NULL when there are none). When every value of the document is in
 * the other language, none is marked in the text: the pane says it once. */
guint           sodo_reading_view_get_n_fallbacks     (SodoReadingView *self);
const char     *sodo_reading_view_get_fallback_language (SodoReadingView *self);
gboolean        sodo_reading_view_get_fallbacks_marked (SodoReadingView *self);

G_END_DECLS
