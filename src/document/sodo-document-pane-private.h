/* sodo-document-pane-private.h: what the document pane's source files share, and what its
 * tests look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sodo-comments-gutter.h"
#include "sodo-comments-panel.h"
#include "sodo-document-find.h"
#include "sodo-document-pane.h"
#include "sodo-document-toc.h"
#include "sodo-reading-view.h"

G_BEGIN_DECLS

typedef struct _SodoDocumentPaneComments SodoDocumentPaneComments;

struct _SodoDocumentPane
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkWidget         *clamp;
  GtkLabel          *description_label;
  GtkLabel          *facts_label;
  GtkWidget         *fallback_box;
  GtkLabel          *fallback_label;
  GtkToggleButton   *find_button;
  GtkWidget         *flap;
  GtkWidget         *header;
  GtkFlowBox        *links_box;
  GtkLabel          *links_label;
  GtkRevealer       *links_revealer;
  GtkLabel          *match_label;
  GtkButton         *next_button;
  GtkButton         *previous_button;
  SodoReadingView   *reading_view;
  GtkScrolledWindow *reading_scrolled;
  GtkButton         *scale_button;
  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;
  GtkStack          *stack;
  GtkLabel          *status_label;
  SodoDocumentToc   *toc;
  GtkToggleButton   *toc_button;

  /* Owned */
  SodoRegulation    *regulation;
  SodoOrgchart      *orgchart;
  SodoDocumentFind  *find;
  GSettings         *settings;

  guint              selected_unit;
  guint              follow_id;       /* the contents follow the reading position */

  SodoDocumentPaneComments *comments; /* sodo-document-pane-comments.c */
};

/* sodo-document-pane-links.c */
void        _sodo_document_pane_class_init_links (GtkWidgetClass   *widget_class);
void        _sodo_document_pane_init_links       (SodoDocumentPane *self);
/* Highlights what governs the selected unit again (after the text or the chart changed). */
void        _sodo_document_pane_update_links     (SodoDocumentPane *self);

/* sodo-document-pane-comments.c */
void        _sodo_document_pane_class_init_comments (GtkWidgetClass   *widget_class);
void        _sodo_document_pane_init_comments       (SodoDocumentPane *self);
void        _sodo_document_pane_dispose_comments    (SodoDocumentPane *self);

/* For tests. */
SodoCommentsPanel  *_sodo_document_pane_get_comments_panel    (SodoDocumentPane *self);
SodoCommentsGutter *_sodo_document_pane_get_comments_gutter   (SodoDocumentPane *self);
gboolean            _sodo_document_pane_get_comments_revealed (SodoDocumentPane *self);
SodoReadingView  *_sodo_document_pane_get_reading_view (SodoDocumentPane *self);
SodoDocumentToc  *_sodo_document_pane_get_toc          (SodoDocumentPane *self);
SodoDocumentFind *_sodo_document_pane_get_find         (SodoDocumentPane *self);
GtkSearchEntry   *_sodo_document_pane_get_search_entry (SodoDocumentPane *self);
GtkLabel         *_sodo_document_pane_get_match_label  (SodoDocumentPane *self);
GtkLabel         *_sodo_document_pane_get_status_label (SodoDocumentPane *self);
GtkLabel         *_sodo_document_pane_get_fallback_label (SodoDocumentPane *self);
GtkLabel         *_sodo_document_pane_get_links_label  (SodoDocumentPane *self);
GtkFlowBox       *_sodo_document_pane_get_links_box    (SodoDocumentPane *self);
gboolean          _sodo_document_pane_get_links_revealed (SodoDocumentPane *self);

G_END_DECLS
