/* sodo-document-pane.h: the regulation side of the window
 *
 * A header strip with the regulation's status, number, date and issuer; the table of
 * contents; the reading view; find in the text (Ctrl+F when the pane has the focus); the
 * text size (Ctrl+plus, Ctrl+minus, Ctrl+0, kept in the document-text-scale setting).
 *
 * Linked to the chart both ways: the chips under each article emit "units-requested" with
 * the units they name; the "selected-unit" (an index into "orgchart") highlights the
 * provisions that govern it, with a bar to jump to them; sodo_document_pane_show_node()
 * opens a node that the chart's details link to.
 *
 * Comments: a sidebar with the comments on the regulation (its controller loads and saves
 * them), markers beside the text, counts in the contents, and "Comment on …" in the context
 * menus and on Ctrl+Alt+M.
 *
 * Actions (prefix "document."): find, text-larger, text-smaller, text-reset, hide-links,
 * add-comment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/sodo-orgchart.h"
#include "model/sodo-regulation.h"

#include "sodo-comments-controller.h"

G_BEGIN_DECLS

#define SODO_TYPE_DOCUMENT_PANE (sodo_document_pane_get_type ())
G_DECLARE_FINAL_TYPE (SodoDocumentPane, sodo_document_pane, SODO, DOCUMENT_PANE, GtkWidget)

GtkWidget      *sodo_document_pane_new               (void);

SodoRegulation *sodo_document_pane_get_regulation    (SodoDocumentPane *self);
void            sodo_document_pane_set_regulation    (SodoDocumentPane *self,
                                                      SodoRegulation   *regulation);
/* The chart whose units the chips name and "selected-unit" indexes (nullable). */
SodoOrgchart   *sodo_document_pane_get_orgchart      (SodoDocumentPane *self);
void            sodo_document_pane_set_orgchart      (SodoDocumentPane *self,
                                                      SodoOrgchart     *orgchart);
/* The unit selected in the chart, or SODO_NO_INDEX. */
guint           sodo_document_pane_get_selected_unit (SodoDocumentPane *self);
void            sodo_document_pane_set_selected_unit (SodoDocumentPane *self,
                                                      guint             unit);

/* Scrolls to the node with @node_id and flashes it; FALSE if the regulation has no such
 * node (or no regulation is open). */
gboolean        sodo_document_pane_show_node         (SodoDocumentPane *self,
                                                      const char       *node_id);
/* The same without the flash: puts the node at the top, as a reading position. */
gboolean        sodo_document_pane_scroll_to_node    (SodoDocumentPane *self,
                                                      const char       *node_id);
/* The id of the node at the top of the reading view (NULL without a regulation), for a
 * rebuilt window to come back to with sodo_document_pane_scroll_to_node(). */
const char     *sodo_document_pane_get_top_node_id   (SodoDocumentPane *self);
/* The text in the find bar, or NULL while the bar is closed; setting it opens the bar and
 * finds it. For a rebuilt window. */
const char     *sodo_document_pane_get_search_text   (SodoDocumentPane *self);
void            sodo_document_pane_set_search_text   (SodoDocumentPane *self,
                                                      const char       *text);

/* The comments on the regulation shown (their controller follows the pane's regulation). */
SodoCommentsController *sodo_document_pane_get_comments_controller (SodoDocumentPane *self);
/* Opens the comments sidebar with a new comment on @node. */
void            sodo_document_pane_add_comment       (SodoDocumentPane *self,
                                                      guint             node);
/* Opens the comments sidebar on the comments on @node and what it holds (SODO_NO_INDEX:
 * all of them). */
void            sodo_document_pane_show_comments     (SodoDocumentPane *self,
                                                      guint             node);

G_END_DECLS
