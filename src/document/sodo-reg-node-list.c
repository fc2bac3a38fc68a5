/* sodo-reg-node-list.c: the headings directly below one node, as a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-document-private.h"
#include "sodo-reg-node-item.h"
#include "sodo-reg-node-list.h"

struct _SodoRegNodeList
{
  GObject         parent_instance;

  SodoRegulation *regulation;
  GArray         *nodes;     /* guint node indices, in document order */
  GPtrArray      *items;     /* SodoRegNodeItem or NULL per position, made when asked */
};

static void sodo_reg_node_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SodoRegNodeList, sodo_reg_node_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      sodo_reg_node_list_model_init))

SodoRegNodeList *
sodo_reg_node_list_new (SodoRegulation *regulation,
                        guint           parent)
{
  const SodoRegulationNode *nodes;
  SodoRegNodeList *self;
  guint child;

  g_return_val_if_fail (SODO_IS_REGULATION (regulation), NULL);
  g_return_val_if_fail (parent == SODO_NO_INDEX
                        || parent < sodo_regulation_get_n_nodes (regulation), NULL);

  self = g_object_new (SODO_TYPE_REG_NODE_LIST, NULL);
  self->regulation = g_object_ref (regulation);

  /* A few integers per heading; the items themselves wait until a row is shown. */
  nodes = sodo_regulation_get_nodes (regulation);
  child = parent == SODO_NO_INDEX ? sodo_regulation_get_first_node (regulation)
                                  : nodes[parent].first_child;
  for (; child != SODO_NO_INDEX; child = nodes[child].next_sibling)
    if (_SODO_LEVEL_IN_TOC (nodes[child].level))
      g_array_append_val (self->nodes, child);
  g_ptr_array_set_size (self->items, self->nodes->len);

  return self;
}

guint
sodo_reg_node_list_get_node (SodoRegNodeList *self,
                             guint            position)
{
  g_return_val_if_fail (SODO_IS_REG_NODE_LIST (self), SODO_NO_INDEX);

  if (position >= self->nodes->len)
    return SODO_NO_INDEX;
  return g_array_index (self->nodes, guint, position);
}

guint
sodo_reg_node_list_find_node (SodoRegNodeList *self,
                              guint            node)
{
  guint low = 0;
  guint high;

  g_return_val_if_fail (SODO_IS_REG_NODE_LIST (self), G_MAXUINT);

  /* Document order is index order: a binary search. */
  high = self->nodes->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      guint value = g_array_index (self->nodes, guint, middle);

      if (value == node)
        return middle;
      if (value < node)
        low = middle + 1;
      else
        high = middle;
    }

  return G_MAXUINT;
}

static GType
sodo_reg_node_list_get_item_type (GListModel *model)
{
  return SODO_TYPE_REG_NODE_ITEM;
}

static guint
sodo_reg_node_list_get_n_items (GListModel *model)
{
  return SODO_REG_NODE_LIST (model)->nodes->len;
}

static gpointer
sodo_reg_node_list_get_item (GListModel *model,
                             guint       position)
{
  SodoRegNodeList *self = SODO_REG_NODE_LIST (model);

  if (position >= self->nodes->len)
    return NULL;

  if (g_ptr_array_index (self->items, position) == NULL)
    g_ptr_array_index (self->items, position) =
      sodo_reg_node_item_new (self->regulation, g_array_index (self->nodes, guint, position));

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
sodo_reg_node_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sodo_reg_node_list_get_item_type;
  iface->get_n_items = sodo_reg_node_list_get_n_items;
  iface->get_item = sodo_reg_node_list_get_item;
}

static void
sodo_reg_node_list_finalize (GObject *object)
{
  SodoRegNodeList *self = SODO_REG_NODE_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->nodes, g_array_unref);
  g_clear_object (&self->regulation);

  G_OBJECT_CLASS (sodo_reg_node_list_parent_class)->finalize (object);
}

static void
sodo_reg_node_list_class_init (SodoRegNodeListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sodo_reg_node_list_finalize;
}

/* Positions never asked for hold NULL. */
static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static void
sodo_reg_node_list_init (SodoRegNodeList *self)
{
  self->nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->items = g_ptr_array_new_with_free_func (unref_item);
}
