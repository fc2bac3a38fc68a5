/* sodo-unit-list.c: the children of one unit as a GListModel of SodoUnitItem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-unit-item.h"
#include "sodo-unit-list.h"

struct _SodoUnitList
{
  GObject       parent_instance;

  SodoOrgchart *orgchart;
  guint         parent;
  guint         n_items;
  guint32      *units;       /* child indices in order; NULL until the first lookup */
  GHashTable   *items;       /* position -> SodoUnitItem, weak: alive while shown */
};

static void sodo_unit_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SodoUnitList, sodo_unit_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sodo_unit_list_model_init))

static void
ensure_units (SodoUnitList *self)
{
  const SodoUnit *units;
  guint child;
  guint position = 0;

  if (self->units != NULL || self->n_items == 0)
    return;

  self->units = g_new (guint32, self->n_items);
  if (self->parent == SODO_NO_INDEX)
    {
      self->units[0] = sodo_orgchart_get_root (self->orgchart);
      return;
    }

  units = sodo_orgchart_get_units (self->orgchart);
  for (child = units[self->parent].first_child;
       child != SODO_NO_INDEX && position < self->n_items;
       child = units[child].next_sibling)
    self->units[position++] = child;
  g_assert (position == self->n_items);
}

guint
sodo_unit_list_get_unit (SodoUnitList *self,
                         guint         position)
{
  g_return_val_if_fail (SODO_IS_UNIT_LIST (self), SODO_NO_INDEX);

  if (position >= self->n_items)
    return SODO_NO_INDEX;
  ensure_units (self);
  return self->units[position];
}

guint
sodo_unit_list_find_unit (SodoUnitList *self,
                          guint         unit)
{
  g_return_val_if_fail (SODO_IS_UNIT_LIST (self), G_MAXUINT);

  ensure_units (self);
  for (guint position = 0; position < self->n_items; position++)
    if (self->units[position] == unit)
      return position;
  return G_MAXUINT;
}

static void
on_item_finalized (gpointer  data,
                   GObject  *where_the_object_was)
{
  SodoUnitList *self = data;
  GHashTableIter iter;
  gpointer item;

  /* The item knows its unit but not its position: find it by value. Only the few items of
   * the rows on screen are in the table, so this stays short. */
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    if (item == (gpointer) where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }
}

static GType
sodo_unit_list_get_item_type (GListModel *model)
{
  return SODO_TYPE_UNIT_ITEM;
}

static guint
sodo_unit_list_get_n_items (GListModel *model)
{
  return SODO_UNIT_LIST (model)->n_items;
}

static gpointer
sodo_unit_list_get_item (GListModel *model,
                         guint       position)
{
  SodoUnitList *self = SODO_UNIT_LIST (model);
  SodoUnitItem *item;

  if (position >= self->n_items)
    return NULL;

  item = g_hash_table_lookup (self->items, GUINT_TO_POINTER (position));
  if (item != NULL)
    return g_object_ref (item);

  item = sodo_unit_item_new (self->orgchart, sodo_unit_list_get_unit (self, position));
  g_object_weak_ref (G_OBJECT (item), on_item_finalized, self);
  g_hash_table_insert (self->items, GUINT_TO_POINTER (position), item);
  return item;
}

static void
sodo_unit_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sodo_unit_list_get_item_type;
  iface->get_n_items = sodo_unit_list_get_n_items;
  iface->get_item = sodo_unit_list_get_item;
}

static void
sodo_unit_list_finalize (GObject *object)
{
  SodoUnitList *self = SODO_UNIT_LIST (object);
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    g_object_weak_unref (G_OBJECT (item), on_item_finalized, self);
  g_hash_table_unref (self->items);
  g_free (self->units);
  g_clear_object (&self->orgchart);

  G_OBJECT_CLASS (sodo_unit_list_parent_class)->finalize (object);
}

static void
sodo_unit_list_class_init (SodoUnitListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sodo_unit_list_finalize;
}

static void
sodo_unit_list_init (SodoUnitList *self)
{
  self->items = g_hash_table_new (NULL, NULL);
}

SodoUnitList *
sodo_unit_list_new (SodoOrgchart *orgchart,
                    guint         parent)
{
  SodoUnitList *self;

  g_return_val_if_fail (SODO_IS_ORGCHART (orgchart), NULL);
  g_return_val_if_fail (parent == SODO_NO_INDEX || parent < sodo_orgchart_get_n_units (orgchart),
                        NULL);

  self = g_object_new (SODO_TYPE_UNIT_LIST, NULL);
  self->orgchart = g_object_ref (orgchart);
  self->parent = parent;
  if (parent == SODO_NO_INDEX)
    self->n_items = sodo_orgchart_get_n_units (orgchart) > 0 ? 1 : 0;
  else
    self->n_items = sodo_orgchart_get_unit (orgchart, parent)->n_children;
  return self;
}
