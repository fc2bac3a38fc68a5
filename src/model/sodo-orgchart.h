/* sodo-orgchart.h: an org chart document (format "sodo-orgchart")
 *
 * Built for size: units live in one contiguous array and link to each other by index
 * (parent, first child, next sibling); strings are pooled. No GObject per unit.
 * A loaded chart is immutable; a reload makes a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sodo-diagnostics.h"
#include "sodo-text.h"

G_BEGIN_DECLS

#define SODO_NO_INDEX G_MAXUINT32

typedef enum {
  SODO_LINE_SOLID,
  SODO_LINE_DASHED,
  SODO_LINE_DOTTED,
} SodoLineStyle;

typedef struct {
  const char *id;
  SodoText    name;
  guint32     color;       /* 0xRRGGBB */
  gboolean    has_color;
} SodoKind;

typedef struct {
  const char    *id;
  SodoText       name;
  SodoLineStyle  style;
  guint32        color;
  gboolean       has_color;
} SodoRelationKind;

typedef struct {
  guint32  from;           /* unit index */
  guint32  to;             /* unit index */
  guint32  kind;           /* relation kind index, or SODO_NO_INDEX */
  SodoText label;
} SodoRelation;

typedef struct {
  SodoText    title;
  const char *url;         /* http(s) only, validated */
  const char *date;        /* "YYYY-MM-DD" or NULL */
} SodoSource;

typedef struct {
  const char *name;
  SodoText    role;
} SodoPerson;

typedef struct {
  SodoText label;
  double   value;
} SodoFigure;

/* The rarely-used parts of a unit, kept apart so that the hot array stays small. */
typedef struct {
  SodoText           description;
  const SodoPerson  *people;
  guint              n_people;
  const SodoFigure  *figures;
  guint              n_figures;
  const char        *valid_from;        /* "YYYY-MM-DD" or NULL */
  const char        *valid_to;
  const guint32     *successors;        /* unit indices */
  guint              n_successors;
  const char *const *regulation_refs;   /* regulation node ids (may be unresolved) */
  guint              n_regulation_refs;
} SodoUnitDetails;

typedef struct {
  const char *id;
  guint32     parent;          /* SODO_NO_INDEX for the root */
  guint32     first_child;     /* SODO_NO_INDEX for a leaf */
  guint32     next_sibling;    /* SODO_NO_INDEX for the last child */
  guint32     n_children;
  guint32     depth;           /* 0 for the root */
  guint32     kind;            /* index into the kinds */
  guint32     details;         /* index for sodo_orgchart_get_details(), or SODO_NO_INDEX */
  SodoText    name;
  SodoText    short_name;
  SodoText    host;
  guint32     line;            /* line of the unit in its file, 0 when unknown */
} SodoUnit;

#define SODO_TYPE_ORGCHART (sodo_orgchart_get_type ())
G_DECLARE_FINAL_TYPE (SodoOrgchart, sodo_orgchart, SODO, ORGCHART, GObject)

/* Loading. @diags (nullable) collects every error and warning; the GError holds the first
 * error. Returns NULL when the file has any error. */
SodoOrgchart           *sodo_orgchart_load_file          (GFile             *file,
                                                          SodoDiagnostics   *diags,
                                                          GCancellable      *cancellable,
                                                          GError           **error);
SodoOrgchart           *sodo_orgchart_load_bytes         (GBytes            *bytes,
                                                          const char        *display_name,
                                                          SodoDiagnostics   *diags,
                                                          GError           **error);

const char             *sodo_orgchart_get_display_name   (SodoOrgchart      *self);
GFile                  *sodo_orgchart_get_file           (SodoOrgchart      *self);
SodoTextPool           *sodo_orgchart_get_text_pool      (SodoOrgchart      *self);
/* Resolves an L value of this chart in the current language (sodo_language_get()). */
const char             *sodo_orgchart_text               (SodoOrgchart      *self,
                                                          SodoText           text);

SodoText                sodo_orgchart_get_title          (SodoOrgchart      *self);
SodoText                sodo_orgchart_get_description    (SodoOrgchart      *self);
const char             *sodo_orgchart_get_as_of          (SodoOrgchart      *self);
const SodoSource       *sodo_orgchart_get_sources        (SodoOrgchart      *self,
                                                          guint             *n_sources);

guint                   sodo_orgchart_get_n_units        (SodoOrgchart      *self);
const SodoUnit         *sodo_orgchart_get_units          (SodoOrgchart      *self);
const SodoUnit         *sodo_orgchart_get_unit           (SodoOrgchart      *self,
                                                          guint              index);
guint                   sodo_orgchart_get_root           (SodoOrgchart      *self);
/* Index of the unit with @id, or SODO_NO_INDEX. */
guint                   sodo_orgchart_find_unit          (SodoOrgchart      *self,
                                                          const char        *id);
/* Never NULL: units without details get an all-empty record. */
const SodoUnitDetails  *sodo_orgchart_get_details        (SodoOrgchart      *self,
                                                          guint              unit_index);

const SodoKind         *sodo_orgchart_get_kinds          (SodoOrgchart      *self,
                                                          guint             *n_kinds);
guint                   sodo_orgchart_find_kind          (SodoOrgchart      *self,
                                                          const char        *id);
const SodoRelationKind *sodo_orgchart_get_relation_kinds (SodoOrgchart      *self,
                                                          guint             *n_kinds);
const SodoRelation     *sodo_orgchart_get_relations      (SodoOrgchart      *self,
                                                          guint             *n_relations);

G_END_DECLS
