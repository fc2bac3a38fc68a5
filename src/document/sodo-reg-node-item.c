/* sodo-reg-node-item.c: one node of a regulation as a GObject, for list widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-document-private.h"
#include "sodo-reg-node-item.h"

struct _SodoRegNodeItem
{
  GObject         parent_instance;

  SodoRegulation *regulation;
  guint           node;
};

G_DEFINE_FINAL_TYPE (SodoRegNodeItem, sodo_reg_node_item, G_TYPE_OBJECT)

static gint n_alive;

SodoRegNodeItem *
sodo_reg_node_item_new (SodoRegulation *regulation,
                        guint           node)
{
  SodoRegNodeItem *self;

  g_return_val_if_fail (SODO_IS_REGULATION (regulation), NULL);
  g_return_val_if_fail (node < sodo_regulation_get_n_nodes (regulation), NULL);

  self = g_object_new (SODO_TYPE_REG_NODE_ITEM, NULL);
  self->regulation = g_object_ref (regulation);
  self->node = node;

  return self;
}

static void
sodo_reg_node_item_finalize (GObject *object)
{
  SodoRegNodeItem *self = SODO_REG_NODE_ITEM (object);

  g_clear_object (&self->regulation);
  g_atomic_int_add (&n_alive, -1);

  G_OBJECT_CLASS (sodo_reg_node_item_parent_class)->finalize (object);
}

static void
sodo_reg_node_item_class_init (SodoRegNodeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sodo_reg_node_item_finalize;
}

static void
sodo_reg_node_item_init (SodoRegNodeItem *self)
{
  g_atomic_int_inc (&n_alive);
}

SodoRegulation *
sodo_reg_node_item_get_regulation (SodoRegNodeItem *self)
{
  g_return_val_if_fail (SODO_IS_REG_NODE_ITEM (self), NULL);

  return self->regulation;
}

guint
sodo_reg_node_item_get_node (SodoRegNodeItem *self)
{
  g_return_val_if_fail (SODO_IS_REG_NODE_ITEM (self), SODO_NO_INDEX);

  return self->node;
}

SodoLevel
sodo_reg_node_item_get_level (SodoRegNodeItem *self)
{
  g_return_val_if_fail (SODO_IS_REG_NODE_ITEM (self), SODO_LEVEL_PARAGRAPH);

  return sodo_regulation_get_node (self->regulation, self->node)->level;
}

char *
sodo_reg_node_item_dup_heading (SodoRegNodeItem *self)
{
  g_return_val_if_fail (SODO_IS_REG_NODE_ITEM (self), NULL);

  return _sodo_document_node_heading (self->regulation, self->node);
}

guint
_sodo_reg_node_item_get_n_alive (void)
{
  return (guint) g_atomic_int_get (&n_alive);
}
