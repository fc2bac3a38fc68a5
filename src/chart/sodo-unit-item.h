/* sodo-unit-item.h: one unit of a chart as a GObject, for list widgets
 *
 * Units live in the chart's arrays, not as objects; the outline makes an item only for a row
 * it shows (see SodoUnitList), and lets it go when the row scrolls away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "model/sodo-orgchart.h"

G_BEGIN_DECLS

#define SODO_TYPE_UNIT_ITEM (sodo_unit_item_get_type ())
G_DECLARE_FINAL_TYPE (SodoUnitItem, sodo_unit_item, SODO, UNIT_ITEM, GObject)

SodoUnitItem *sodo_unit_item_new            (SodoOrgchart *orgchart,
                                             guint         unit);

SodoOrgchart *sodo_unit_item_get_orgchart   (SodoUnitItem *self);
/* The unit's index in its chart. */
guint         sodo_unit_item_get_unit       (SodoUnitItem *self);
/* Texts in the current language (sodo_language_get()). */
const char   *sodo_unit_item_get_name       (SodoUnitItem *self);
const char   *sodo_unit_item_get_kind_name  (SodoUnitItem *self);
guint         sodo_unit_item_get_n_children (SodoUnitItem *self);

G_END_DECLS
