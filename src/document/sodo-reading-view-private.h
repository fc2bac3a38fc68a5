/* sodo-reading-view-private.h: what the reading view's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sodo-reading-view.h"

G_BEGIN_DECLS

/* The space around the text. A tag's left margin replaces the view's, so the tags add it. */
#define SODO_READING_VIEW_MARGIN 24

/* Indentation levels with their own tags; deeper nodes stay at the last one. */
#define SODO_READING_VIEW_N_INDENTS 6

typedef struct {
  GtkTextTag *base;         /* the whole text: size and line height */
  GtkTextTag *title;        /* the regulation's title */
  GtkTextTag *part;         /* "Phần thứ nhất" and its title */
  GtkTextTag *chapter;      /* "Chương I" */
  GtkTextTag *heading_title;/* the title line under a part or chapter */
  GtkTextTag *section;      /* "Mục 1. …" */
  GtkTextTag *article;      /* the article heading paragraph */
  GtkTextTag *bold;         /* labels and article titles */
  GtkTextTag *node_title;   /* the title of a clause or point, before its text */
  GtkTextTag *chips;        /* the line of links under an article */
  GtkTextTag *fallback;     /* the small "vi"/"en" after a value in another language */
  GtkTextTag *highlight;    /* the provisions that govern the selected unit */
  GtkTextTag *flash;        /* a node just jumped to */
  /* A labelled node at each level: left margin, hanging indent, a tab after the label. */
  GtkTextTag *hanging[SODO_READING_VIEW_N_INDENTS];
  /* Text at each level without a label of its own (continuations, unnumbered paragraphs). */
  GtkTextTag *block[SODO_READING_VIEW_N_INDENTS];
} SodoReadingTags;

struct _SodoReadingView
{
  GtkTextView      parent_instance;

  SodoRegulation  *regulation;
  SodoOrgchart    *orgchart;
  SodoReadingTags  tags;

  GPtrArray       *marks;          /* GtkTextMark per node */
  GArray          *highlighted;    /* guint: nodes painted as governing the selected unit */
  guint            flash_node;     /* the node just jumped to, or SODO_NO_INDEX */
  GArray          *offsets;        /* int: the character offset where each node starts */

  guint            n_fallbacks;
  const char      *fallback_language;   /* interned */
  gboolean         fallbacks_marked;

  double           text_scale;
  int              reading_width;
  guint            flash_id;
  guint            settle_id;       /* puts a node jumped to exactly at the top */
  guint            settle_node;
};

/* sodo-reading-view-build.c */
void   _sodo_reading_view_create_tags (SodoReadingView *self);
/* Sizes that follow the text scale and the font: margins, indents, tab stops. */
void   _sodo_reading_view_scale_tags  (SodoReadingView *self,
                                       double           em);
/* Fills the buffer from the regulation; the marks and offsets with it. */
void   _sodo_reading_view_build       (SodoReadingView *self);

/* sodo-reading-view.c: a chip was clicked. */
void   _sodo_reading_view_emit_link   (SodoReadingView *self,
                                       const char      *target_id);

G_END_DECLS
