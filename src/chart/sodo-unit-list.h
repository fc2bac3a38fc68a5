/* sodo-unit-list.h: the children of one unit as a GListModel of SodoUnitItem
 *
 * The outline's tree is made of these: one for the root row, and one for each row the user
 * expands. Nothing is made per child until asked: the list of child indices is built on the
 * first lookup, and an item only when a widget asks for that position. Items are kept while
 * someone holds them, so that the same row gets the same object back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/sodo-orgchart.h"

G_BEGIN_DECLS

#define SODO_TYPE_UNIT_LIST (sodo_unit_list_get_type ())
G_DECLARE_FINAL_TYPE (SodoUnitList, sodo_unit_list, SODO, UNIT_LIST, GObject)

/* The children of @parent; with SODO_NO_INDEX, a list of the root alone. */
SodoUnitList *sodo_unit_list_new           (SodoOrgchart *orgchart,
                                            guint         parent);
/* The unit at @position, or SODO_NO_INDEX; makes no item. */
guint         sodo_unit_list_get_unit      (SodoUnitList *self,
                                            guint         position);
/* The position of @unit in the list, or G_MAXUINT if it is not there. */
guint         sodo_unit_list_find_unit     (SodoUnitList *self,
                                            guint         unit);

G_END_DECLS
