/* sodo-comments-gutter.h: comment markers beside the reading view's text
 *
 * A narrow column at the right of the text (the text view's right gutter): beside the first
 * line of every node that has comments, a small speech bubble with their number; beside the
 * node under the pointer, a button to comment on it. Clicking a bubble emits
 * "show-comments", clicking the button "add-comment", each with the node's index. Nothing
 * is added to the text itself, so finding, copying and the reading position are untouched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sodo-comments-controller.h"
#include "sodo-reading-view.h"

G_BEGIN_DECLS

#define SODO_TYPE_COMMENTS_GUTTER (sodo_comments_gutter_get_type ())
G_DECLARE_FINAL_TYPE (SodoCommentsGutter, sodo_comments_gutter, SODO, COMMENTS_GUTTER, GtkWidget)

/* Creates the markers of @controller's comments and puts them beside @view's text. */
SodoCommentsGutter *sodo_comments_gutter_attach          (SodoReadingView        *view,
                                                          SodoCommentsController *controller);

/* The number the marker beside @node shows (0: no marker). */
guint               sodo_comments_gutter_get_count       (SodoCommentsGutter     *self,
                                                          guint                   node);
/* The node under the pointer, whose comment button shows (SODO_NO_INDEX: none). */
guint               sodo_comments_gutter_get_hovered_node (SodoCommentsGutter    *self);
/* The node whose line is at @y in the gutter's coordinates. */
guint               sodo_comments_gutter_get_node_at_y   (SodoCommentsGutter     *self,
                                                          double                  y);

G_END_DECLS
