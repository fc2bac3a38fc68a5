/* sodo-regulation.h: a regulation document (format "sodo-regulation")
 *
 * Nodes live in one array in document order (a pre-order walk), linked by index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sodo-diagnostics.h"
#include "sodo-orgchart.h"
#include "sodo-text.h"

G_BEGIN_DECLS

typedef enum {
  SODO_REGULATION_DRAFT,
  SODO_REGULATION_ISSUED,
  SODO_REGULATION_SUPERSEDED,
} SodoRegulationStatus;

/* In drafting order: a node may only hold levels after its own (paragraph goes anywhere). */
typedef enum {
  SODO_LEVEL_PART,
  SODO_LEVEL_CHAPTER,
  SODO_LEVEL_SECTION,
  SODO_LEVEL_ARTICLE,
  SODO_LEVEL_CLAUSE,
  SODO_LEVEL_POINT,
  SODO_LEVEL_PARAGRAPH,
} SodoLevel;

typedef struct {
  const char        *id;
  SodoLevel          level;
  const char        *number;          /* as printed, or NULL */
  SodoText           title;
  SodoText           text;
  const char *const *applies_to;      /* kind ids or unit ids */
  guint              n_applies_to;
  guint32            parent;          /* SODO_NO_INDEX for a top-level node */
  guint32            first_child;
  guint32            next_sibling;
  guint32            depth;           /* 0 for top-level nodes */
  guint32            line;
} SodoRegulationNode;

#define SODO_TYPE_REGULATION (sodo_regulation_get_type ())
G_DECLARE_FINAL_TYPE (SodoRegulation, sodo_regulation, SODO, REGULATION, GObject)

SodoRegulation           *sodo_regulation_load_file        (GFile            *file,
                                                            SodoDiagnostics  *diags,
                                                            GCancellable     *cancellable,
                                                            GError          **error);
SodoRegulation           *sodo_regulation_load_bytes       (GBytes           *bytes,
                                                            const char       *display_name,
                                                            SodoDiagnostics  *diags,
                                                            GError          **error);

const char               *sodo_regulation_get_display_name (SodoRegulation   *self);
GFile                    *sodo_regulation_get_file         (SodoRegulation   *self);
SodoTextPool             *sodo_regulation_get_text_pool    (SodoRegulation   *self);
const char               *sodo_regulation_text             (SodoRegulation   *self,
                                                            SodoText          text);

const char               *sodo_regulation_get_id           (SodoRegulation   *self);
SodoText                  sodo_regulation_get_title        (SodoRegulation   *self);
const char               *sodo_regulation_get_number       (SodoRegulation   *self);
SodoRegulationStatus      sodo_regulation_get_status       (SodoRegulation   *self);
const char               *sodo_regulation_get_date         (SodoRegulation   *self);
SodoText                  sodo_regulation_get_issuer       (SodoRegulation   *self);
SodoText                  sodo_regulation_get_description  (SodoRegulation   *self);
const SodoSource         *sodo_regulation_get_sources      (SodoRegulation   *self,
                                                            guint            *n_sources);

guint                     sodo_regulation_get_n_nodes      (SodoRegulation   *self);
const SodoRegulationNode *sodo_regulation_get_nodes        (SodoRegulation   *self);
const SodoRegulationNode *sodo_regulation_get_node         (SodoRegulation   *self,
                                                            guint             index);
/* Index of the first top-level node, or SODO_NO_INDEX for an empty body. */
guint                     sodo_regulation_get_first_node   (SodoRegulation   *self);
guint                     sodo_regulation_find_node        (SodoRegulation   *self,
                                                            const char       *id);

/* Names of nodes (sodo-regulation-names.c), in the UI language. */

/* The label a node is printed with: "Chương I", "Điều 3.", "1.", "a)"; NULL for an
 * unnumbered clause, point or paragraph. Headings (part, chapter, section, article) are named
 * by their level and number; with @punctuated, an article and a section end with a dot and a
 * clause or point has its ")" or "." as Vietnamese drafting prints them. */
char                     *sodo_regulation_node_dup_label   (const SodoRegulationNode *node,
                                                            gboolean          punctuated);
/* The innermost node of @level holding @node (itself if it is one), or SODO_NO_INDEX. */
guint                     sodo_regulation_find_enclosing   (SodoRegulation   *self,
                                                            guint             node,
                                                            SodoLevel         level);
/* A node as a reader cites it: "Article 7", "Article 7, clause 2", "Article 7, clause 2,
 * point a" ("Điều 7", "khoản 2 Điều 7", "điểm a khoản 2 Điều 7"); text in a point or clause
 * is cited by it. NULL for a node outside any article. */
char                     *sodo_regulation_dup_citation     (SodoRegulation   *self,
                                                            guint             node);
/* The citation, or for a node outside any article its label (@punctuated as above), else
 * its title, else its id. */
char                     *sodo_regulation_dup_reference    (SodoRegulation   *self,
                                                            guint             node,
                                                            gboolean          punctuated);

/* Links to a chart: the node indices that govern @unit_index (its regulation_refs, and the
 * nodes whose applies_to names the unit or its kind), in document order, each once.
 * Returns a new GArray of guint (free with g_array_unref). */
GArray                   *sodo_regulation_nodes_for_unit   (SodoRegulation   *self,
                                                            SodoOrgchart     *chart,
                                                            guint             unit_index);

const char               *sodo_level_to_string             (SodoLevel         level);
gboolean                  sodo_level_from_string           (const char       *str,
                                                            SodoLevel        *level);
/* Whether a node of level @parent may hold one of level @child: levels run part, chapter,
 * section, article, clause, point; one may be skipped, never inverted; a paragraph stands
 * anywhere and holds only paragraphs. */
gboolean                  sodo_level_can_hold              (SodoLevel         parent,
                                                            SodoLevel         child);
/* Translated name of a level ("Chương"/"Chapter") for the UI. */
const char               *sodo_level_get_label             (SodoLevel         level);
const char               *sodo_regulation_status_to_string (SodoRegulationStatus status);
gboolean                  sodo_regulation_status_from_string (const char     *str,
                                                            SodoRegulationStatus *status);
const char               *sodo_regulation_status_get_label (SodoRegulationStatus status);

G_END_DECLS
