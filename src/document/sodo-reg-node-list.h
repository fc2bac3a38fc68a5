/* sodo-reg-node-list.h: the headings directly below one node, as a GListModel of
 * SodoRegNodeItem
 *
 * The table of contents is a tree of these: parts, chapters, sections and articles (not
 * clauses, points or paragraphs). An item is made only when a widget asks for its position.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/sodo-regulation.h"

G_BEGIN_DECLS

#define SODO_TYPE_REG_NODE_LIST (sodo_reg_node_list_get_type ())
G_DECLARE_FINAL_TYPE (SodoRegNodeList, sodo_reg_node_list, SODO, REG_NODE_LIST, GObject)

/* The headings below @parent; with SODO_NO_INDEX, the top-level headings. */
SodoRegNodeList *sodo_reg_node_list_new       (SodoRegulation  *regulation,
                                               guint            parent);
/* The node at @position, or SODO_NO_INDEX; makes no item. */
guint            sodo_reg_node_list_get_node  (SodoRegNodeList *self,
                                               guint            position);
/* The position of @node in the list, or G_MAXUINT if it is not there. */
guint            sodo_reg_node_list_find_node (SodoRegNodeList *self,
                                               guint            node);

G_END_DECLS
