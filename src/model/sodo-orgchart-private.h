/* sodo-orgchart-private.h: the inside of a SodoOrgchart, shared by its accessors and loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sodo-orgchart.h"

G_BEGIN_DECLS

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
  GHashTable      *unit_index;        /* id -> index + 1 */

  /* Details of the units that have any; their lists point into the arrays below, which do
   * not grow once loading is done. */
  GArray          *details;           /* SodoUnitDetails */
  GArray          *people;            /* SodoPerson */
  GArray          *figures;           /* SodoFigure */
  GArray          *successors;        /* guint32 */
  GPtrArray       *regulation_refs;   /* const char *, in the pool */
  SodoUnitDetails  no_details;
};

SodoOrgchart *_sodo_orgchart_new  (const char *display_name);
/* Parses and validates; fills @self. FALSE when @diags got an error. */
gboolean      _sodo_orgchart_load (SodoOrgchart    *self,
                                   GBytes          *bytes,
                                   SodoDiagnostics *diags);

G_END_DECLS
