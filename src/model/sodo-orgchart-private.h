/* sodo-orgchart-private.h: the inside of a SodoOrgchart, shared by its accessors and loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sodo-orgchart.h"

G_BEGIN_DECLS

/* Unit id -> index, by open addressing over the ids the units already hold: 8 bytes a slot,
 * a fraction of a GHashTable's cost at a million units, and one probe for most lookups.
 * Each slot keeps the id's hash beside the index, so that a probe compares strings only
 * when the hashes agree and growing never reads the ids again: at a million units every
 * string looked at is a cache miss. */
typedef struct {
  guint64 *slots;              /* hash << 32 | (unit index + 1); 0 for an empty slot */
  guint32  mask;               /* number of slots - 1 (a power of two) */
  guint32  count;
} SodoIdIndex;

struct _SodoOrgchart {
  GObject          parent_instance;

  char            *display_name;
  GFile           *file;
  SodoTextPool    *pool;

  SodoText         title;
  SodoText         description;
  const char      *as_of;
  GArray          *sources;           /* SodoSource, may be NULL */

  GArray          *kinds;             /* SodoKind */
  GHashTable      *kind_index;        /* id -> index + 1 */
  GArray          *relation_kinds;    /* SodoRelationKind */
  GArray          *relations;         /* SodoRelation */

  SodoUnit        *units;
  guint            n_units;
  guint            root;
  SodoIdIndex      unit_index;

  /* Details of the units that have any; their lists point into the arrays below, which do
   * not grow once loading is done. */
  GArray          *details;           /* SodoUnitDetails */
  GArray          *people;            /* SodoPerson */
  GArray          *figures;           /* SodoFigure */
  GArray          *successors;        /* guint32 */
  GPtrArray       *regulation_refs;   /* const char *, in the pool */
  SodoUnitDetails  no_details;
};

void          _sodo_id_index_clear  (SodoIdIndex     *index);
/* Index of the unit of @units with @id, or SODO_NO_INDEX. */
guint32       _sodo_id_index_lookup (const SodoIdIndex *index,
                                     const SodoUnit  *units,
                                     const char      *id);
/* Makes room for @n_ids ids in all, so that inserting them never grows the table. */
void          _sodo_id_index_reserve (SodoIdIndex    *index,
                                      guint32         n_ids);
/* Adds units[@unit_index] under its id. If a unit already has that id, nothing is added and
 * its index is returned; otherwise SODO_NO_INDEX. */
guint32       _sodo_id_index_insert (SodoIdIndex     *index,
                                     const SodoUnit  *units,
                                     guint32          unit_index);

SodoOrgchart *_sodo_orgchart_new  (const char      *display_name);
/* Parses and checks @bytes; NULL when @diags got an error. */
SodoOrgchart *_sodo_orgchart_load (GBytes          *bytes,
                                   const char      *display_name,
                                   SodoDiagnostics *diags);

G_END_DECLS
