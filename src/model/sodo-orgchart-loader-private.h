/* sodo-orgchart-loader-private.h: the state of one org chart load, shared by the loader files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sodo-json-private.h"
#include "sodo-orgchart-private.h"

G_BEGIN_DECLS

/* Room for "units[4294967295].successors[4294967295]". */
#define SODO_ORGCHART_PATH_SIZE 64

/* What "parent" said, kept in SodoUnit.parent until the ids are resolved. */
enum {
  SODO_PARENT_UNREADABLE = 0,
  SODO_PARENT_ROOT,            /* null */
  SODO_PARENT_ID,              /* an id, in parent_ids */
};

typedef struct {
  guint32 people;
  guint32 figures;
  guint32 successors;
  guint32 regulation_refs;
} SodoDetailStarts;

typedef struct {
  SodoJsonContext  ctx;
  SodoOrgchart    *chart;
  SodoJsonDoc     *doc;
  JsonObject      *root;
  /* The "units" array; its elements leave it as soon as they are read. */
  JsonArray       *unit_array;
  gboolean         too_many_units;

  GArray          *units;                /* SodoUnit, until they move into the chart */
  GPtrArray       *unit_kind_ids;        /* pooled kind id of each unit, resolved at the end */
  GPtrArray       *parent_ids;           /* each unit's parent id in scratch, or NULL */
  GStringChunk    *scratch;              /* copies that live only while loading */
  GHashTable      *relation_kind_index;  /* id -> index + 1 */
  GArray          *detail_starts;        /* SodoDetailStarts, parallel to chart->details */
  GPtrArray       *successor_ids;        /* parallel to chart->successors, in scratch */
  GArray          *successor_units;      /* guint32 unit of each successor, for messages */
  GArray          *successor_elements;   /* guint32 index in the unit's list, for messages */
  /* guint32 line of each unit, when the units were read without json-glib, else NULL */
  GArray          *unit_lines;
} SodoOrgchartLoader;

void     _sodo_orgchart_report          (SodoOrgchartLoader  *loader,
                                         SodoErrorCode        code,
                                         JsonObject          *object,
                                         const char          *path,
                                         const char          *member,
                                         const char          *format,
                                         ...) G_GNUC_PRINTF (6, 7);
/* A required id member, not copied: the string belongs to the JSON tree. */
gboolean _sodo_orgchart_read_id         (SodoOrgchartLoader  *loader,
                                         JsonObject          *object,
                                         const char          *path,
                                         const char          *member,
                                         const char         **out);
/* Appends a unit with nothing known yet (for an element that is not an object). */
SodoUnit *_sodo_orgchart_append_unit    (SodoOrgchartLoader  *loader);
/* Reads units[@index] and appends it; problems are reported. */
void     _sodo_orgchart_load_unit       (SodoOrgchartLoader  *loader,
                                         JsonObject          *object,
                                         guint                index);

G_END_DECLS
