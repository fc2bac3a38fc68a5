/* sodo-kind-swatch.h: a small square in a unit kind's colour, as the chart's cards show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/sodo-orgchart.h"

G_BEGIN_DECLS

#define SODO_TYPE_KIND_SWATCH (sodo_kind_swatch_get_type ())
G_DECLARE_FINAL_TYPE (SodoKindSwatch, sodo_kind_swatch, SODO, KIND_SWATCH, GtkWidget)

GtkWidget *sodo_kind_swatch_new       (void);
/* Shows the colour of kind @kind of @orgchart; a kind without a colour, or a NULL chart,
 * leaves the square empty (its space kept, so that rows stay aligned). */
void       sodo_kind_swatch_set_kind  (SodoKindSwatch *self,
                                       SodoOrgchart   *orgchart,
                                       guint           kind);
/* Whether a colour is shown (for tests), and which one (0xRRGGBB, before the dark style's
 * lightening). */
gboolean   sodo_kind_swatch_get_rgb   (SodoKindSwatch *self,
                                       guint32        *rgb);

G_END_DECLS
