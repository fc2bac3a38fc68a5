/* sodo-reg-node-item.h: one node of a regulation as a GObject, for list widgets
 *
 * Nodes live in the regulation's array, not as objects; the table of contents makes an item
 * only for a row it shows (see SodoRegNodeList).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "model/sodo-regulation.h"

G_BEGIN_DECLS

#define SODO_TYPE_REG_NODE_ITEM (sodo_reg_node_item_get_type ())
G_DECLARE_FINAL_TYPE (SodoRegNodeItem, sodo_reg_node_item, SODO, REG_NODE_ITEM, GObject)

SodoRegNodeItem *sodo_reg_node_item_new            (SodoRegulation  *regulation,
                                                    guint            node);

SodoRegulation  *sodo_reg_node_item_get_regulation (SodoRegNodeItem *self);
/* The node's index in its regulation. */
guint            sodo_reg_node_item_get_node       (SodoRegNodeItem *self);
SodoLevel        sodo_reg_node_item_get_level      (SodoRegNodeItem *self);
/* "Chương I. Những quy định chung", in the current language. */
char            *sodo_reg_node_item_dup_heading    (SodoRegNodeItem *self);

/* Number of items alive in the process: the tests check the contents make few. */
guint            _sodo_reg_node_item_get_n_alive   (void);

G_END_DECLS
