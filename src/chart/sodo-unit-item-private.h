/* sodo-unit-item-private.h: counting unit items, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sodo-unit-item.h"

G_BEGIN_DECLS

/* Number of items alive in the process, and made since it started: the tests check that
 * the outline makes few. */
guint _sodo_unit_item_get_n_alive (void);
guint _sodo_unit_item_get_n_made  (void);

G_END_DECLS
