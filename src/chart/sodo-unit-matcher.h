/* sodo-unit-matcher.h: finding the units of a chart by what a user types
 *
 * A unit is searched by its name, short name, host body and people's names, in every
 * language the data gives (people refer to units by their Vietnamese names and abbreviations
 * whatever the UI language), folded with sodo_fold_for_search(): case and Vietnamese
 * diacritics do not count, so "dang doan hdnd" finds "Đảng đoàn Hội đồng nhân dân thành phố"
 * (short name "ĐĐ HĐND").
 *
 * Matching runs in two tiers, so that a query of several words stays precise:
 *   1. units where the whole query appears as written, words in order, within one field
 *      ("quan uy" finds "Quận ủy Ba Đình", not "Đảng ủy Khối các cơ quan");
 *   2. only when no unit matches that way: units where every word of the query appears
 *      somewhere in those fields ("dang doan hdnd": "Đảng đoàn" in the name, "HĐND" in the
 *      short name).
 * Results come in tree order (pre-order: a unit, then its children in order), the order in
 * which stepping through matches walks the chart.
 *
 * The folded text of every unit is made once per chart, on the first search, and shared by
 * every search of that chart (sodo_unit_matcher_get_for_chart()).
 * GLib only: no display needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "model/sodo-orgchart.h"

G_BEGIN_DECLS

typedef struct _SodoUnitMatcher SodoUnitMatcher;

/* A matcher of its own for @chart (which it keeps a weak pointer to: free the matcher first). */
SodoUnitMatcher *sodo_unit_matcher_new            (SodoOrgchart    *chart);
void             sodo_unit_matcher_free           (SodoUnitMatcher *self);
/* The matcher attached to @chart, made on first use and freed with the chart. */
SodoUnitMatcher *sodo_unit_matcher_get_for_chart  (SodoOrgchart    *chart);

/* The units matching @query, in tree order. Returns a new GArray of guint, empty for a
 * query of only blanks. */
GArray          *sodo_unit_matcher_find           (SodoUnitMatcher *self,
                                                   const char      *query);
/* Position of @unit in tree order (0 for the root), to compare and step through matches. */
guint            sodo_unit_matcher_get_tree_rank  (SodoUnitMatcher *self,
                                                   guint            unit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SodoUnitMatcher, sodo_unit_matcher_free)

G_END_DECLS
