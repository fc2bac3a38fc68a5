/* sodo-orgchart-loader.c: reading and checking a "sodo-orgchart" file (DATA-FORMAT.md §1)
 *
 * Every rule is checked and every problem reported, not just the first, so that a person
 * fixing a file by hand sees them all at once. The tree checks (one root, no cycle, depth)
 * walk the parent links iteratively: a chain of a million units must not touch the stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sodo-limits.h"
#include "sodo-orgchart-fast-private.h"

/* Ids shown in a cycle message before "…". */
#define CYCLE_IDS_SHOWN 6

static const char *const root_keys[] = {
  "format", "version", "title", "description", "as_of", "sources", "kinds", "relation_kinds",
  "units", "relations", NULL,
};
static const char *const kind_keys[] = { "id", "name", "color", NULL };
static const char *const relation_kind_keys[] = { "id", "name", "style", "color", NULL };
static const char *const relation_keys[] = { "from", "to", "kind", "label", NULL };

void
_sodo_orgchart_report (SodoOrgchartLoader *loader,
                       SodoErrorCode       code,
                       JsonObject         *object,
                       const char         *path,
                       const char         *member,
                       const char         *format,
                       ...)
                       {
                       g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  _sodo_json_report (&loader->ctx, SODO_SEVERITY_ERROR, code, object, path, member,
                     "%s", message);
}

gboolean
_sodo_orgchart_read_id (SodoOrgchartLoader  *loader,
                        JsonObject          *object,
                        const char          *path,
                        const char          *member,
                        const char         **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL)
    {
      _sodo_orgchart_report (loader, SODO_ERROR_MISSING, object, path, member,
                             _("required member “%s” is missing"), member);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      _sodo_orgchart_report (loader, SODO_ERROR_TYPE, object, path, member,
                             "%s", _("must be a string id"));
      return FALSE;
    }
  if (!_sodo_id_is_valid (json_node_get_string (node)))
    {
      _sodo_json_report_bad_id (&loader->ctx, object, path, member, json_node_get_string (node));
      return FALSE;
    }

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
load_kind (SodoOrgchartLoader *loader,
           JsonObject         *object,
           const char         *path)
{
  SodoOrgchart *chart = loader->chart;
  SodoKind kind = { 0, };
  const char *id;
  gboolean ok;

  _sodo_json_check_keys (&loader->ctx, object, path, kind_keys);
  ok = _sodo_json_get_id (&loader->ctx, object, path, "id", TRUE, &id);
  ok &= _sodo_json_get_text (&loader->ctx, object, path, "name", TRUE, &kind.name);
  ok &= _sodo_json_get_color (&loader->ctx, object, path, "color", &kind.color, &kind.has_color);
  if (id == NULL)
    return FALSE;

  if (g_hash_table_contains (chart->kind_index, id))
    {
      _sodo_orgchart_report (loader, SODO_ERROR_DUPLICATE, object, path, "id",
                             _("the kind id “%s” is used twice"), id);
      return FALSE;
    }

  kind.id = id;
  g_array_append_val (chart->kinds, kind);
  g_hash_table_insert (chart->kind_index, (gpointer) id, GUINT_TO_POINTER (chart->kinds->len));
  return ok;
}

static gboolean
load_relation_kind (SodoOrgchartLoader *loader,
                    JsonObject         *object,
                    const char         *path)
{
  SodoRelationKind kind = { 0, };
  const char *id, *style;
  gboolean ok;

  _sodo_json_check_keys (&loader->ctx, object, path, relation_kind_keys);
  ok = _sodo_json_get_id (&loader->ctx, object, path, "id", TRUE, &id);
  ok &= _sodo_json_get_text (&loader->ctx, object, path, "name", TRUE, &kind.name);
  ok &= _sodo_json_get_color (&loader->ctx, object, path, "color", &kind.color, &kind.has_color);
  ok &= _sodo_json_get_string (&loader->ctx, object, path, "style", FALSE, &style);

  if (style == NULL || strcmp (style, "solid") == 0)
    kind.style = SODO_LINE_SOLID;
  else if (strcmp (style, "dashed") == 0)
    kind.style = SODO_LINE_DASHED;
  else if (strcmp (style, "dotted") == 0)
    kind.style = SODO_LINE_DOTTED;
  else
    {
      g_autofree char *snippet = _sodo_json_snippet (style);

      _sodo_orgchart_report (loader, SODO_ERROR_VALUE, object, path, "style",
                             _("“%s” is not a line style: use “solid”, “dashed” or “dotted”"),
                             snippet);
      ok = FALSE;
    }
  if (id == NULL)
    return FALSE;

  if (g_hash_table_contains (loader->relation_kind_index, id))
    {
      _sodo_orgchart_report (loader, SODO_ERROR_DUPLICATE, object, path, "id",
                             _("the relation kind id “%s” is used twice"), id);
      return FALSE;
    }

  kind.id = id;
  g_array_append_val (loader->chart->relation_kinds, kind);
  g_hash_table_insert (loader->relation_kind_index, (gpointer) id,
                       GUINT_TO_POINTER (loader->chart->relation_kinds->len));
  return ok;
}

typedef gboolean (*LoadElementFunc) (SodoOrgchartLoader *loader,
                                     JsonObject         *object,
                                     const char         *path);

/* Loads each object of the list @member of the root. */
static gboolean
load_list (SodoOrgchartLoader *loader,
           const char         *member,
           gboolean            required,
           LoadElementFunc     load_element)
{
  JsonArray *array;
  gboolean ok = TRUE;

  if (!_sodo_json_get_array (&loader->ctx, loader->root, "", member, required, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = _sodo_json_array_get_object (&loader->ctx, loader->root, "", member,
                                                        array, i);
      char path[SODO_ORGCHART_PATH_SIZE];

      g_snprintf (path, sizeof path, "%s[%u]", member, i);
      if (object == NULL || !load_element (loader, object, path))
        ok = FALSE;
    }

  return ok;
}


/* Each unit is read as soon as the parser has it, then its JSON is dropped: a million-unit
 * chart never exists as a json-glib tree. Positions come from the text, not the tree. */
static gboolean
on_unit_parsed (JsonNode *element,
                guint     index,
                gpointer  user_data)
{
  SodoOrgchartLoader *loader = user_data;

  g_assert (index == loader->units->len || loader->too_many_units);

  if (loader->too_many_units)
    return TRUE;
  if (index >= SODO_MAX_UNITS)
    {
      _sodo_orgchart_report (loader, SODO_ERROR_LIMIT, NULL, "", "units",
                             _("the chart has more than %d units, the limit"), SODO_MAX_UNITS);
      loader->too_many_units = TRUE;
      return TRUE;
    }

  if (JSON_NODE_HOLDS_OBJECT (element))
    _sodo_orgchart_load_unit (loader, json_node_get_object (element), index);
  else
    {
      char element_name[SODO_ORGCHART_PATH_SIZE];

      g_snprintf (element_name, sizeof element_name, "units[%u]", index);
      /* As the path, so that the position is the element's, not the list's. */
      _sodo_orgchart_report (loader, SODO_ERROR_TYPE, NULL, element_name, NULL,
                             _("must be an object, not %s"), _sodo_json_describe_node (element));
      _sodo_orgchart_append_unit (loader);
    }

  return TRUE;
}

static const char *
unit_id_for_message (SodoOrgchartLoader *loader,
                     guint               index)
{
  const char *id = loader->chart->units[index].id;

  return id != NULL ? id : "?";
}

static void
resolve_kinds (SodoOrgchartLoader *loader)
{
  SodoOrgchart *chart = loader->chart;

  for (guint i = 0; i < chart->n_units; i++)
    {
      const char *kind_id = g_ptr_array_index (loader->unit_kind_ids, i);
      gpointer kind;
      char path[SODO_ORGCHART_PATH_SIZE];

      if (kind_id == NULL)
        continue;

      kind = g_hash_table_lookup (chart->kind_index, kind_id);
      if (kind != NULL)
        {
          chart->units[i].kind = GPOINTER_TO_UINT (kind) - 1;
          continue;
        }

      g_snprintf (path, sizeof path, "units[%u]", i);
      _sodo_orgchart_report (loader, SODO_ERROR_REFERENCE, NULL, path, "kind",
                             _("the kind “%s” is not declared in “kinds”"), kind_id);
    }
}

/* Exactly one "parent": null. Returns the root, or SODO_NO_INDEX after reporting. */
static guint
find_root (SodoOrgchartLoader *loader)
{
  SodoOrgchart *chart = loader->chart;
  guint root = SODO_NO_INDEX;
  gboolean unreadable = FALSE;

  for (guint i = 0; i < chart->n_units; i++)
    {
      char path[SODO_ORGCHART_PATH_SIZE];

      if (chart->units[i].parent == SODO_PARENT_UNREADABLE)
        unreadable = TRUE;
      if (chart->units[i].parent != SODO_PARENT_ROOT)
        continue;
      if (root == SODO_NO_INDEX)
        {
          root = i;
          continue;
        }

      g_snprintf (path, sizeof path, "units[%u]", i);
      _sodo_orgchart_report (loader, SODO_ERROR_STRUCTURE, NULL, path,
                             "parent",
                             _("a second root: only one unit may have “parent”: null, and "
                               "units[%u] (“%s”) already has"),
                             root, unit_id_for_message (loader, root));
    }

  /* A unit whose parent could not be read may have been meant as the root. */
  if (root == SODO_NO_INDEX && !unreadable)
    _sodo_orgchart_report (loader, SODO_ERROR_STRUCTURE, loader->root, "", "units", "%s",
                           chart->n_units == 0
                           ? _("the chart has no units: it needs one root unit")
                           : _("no unit has “parent”: null: the chart needs one root unit"));

  return root;
}

/* Turns parent ids into indices; unresolved ones become SODO_NO_INDEX. */
static gboolean
resolve_parents (SodoOrgchartLoader *loader)
{
  SodoOrgchart *chart = loader->chart;
  const char *last_id = NULL;
  guint32 last_parent = SODO_NO_INDEX;
  gboolean ok = TRUE;

  for (guint i = 0; i < chart->n_units; i++)
    {
      SodoUnit *unit = &chart->units[i];
      const char *parent_id;
      guint32 parent;
      char path[SODO_ORGCHART_PATH_SIZE];

      if (unit->parent != SODO_PARENT_ID)
        {
          unit->parent = SODO_NO_INDEX;
          continue;
        }

      unit->parent = SODO_NO_INDEX;
      parent_id = g_ptr_array_index (loader->parent_ids, i);
      /* Siblings usually follow each other in a file: skip the lookup for the same parent. */
      if (last_id != NULL && strcmp (parent_id, last_id) == 0)
        parent = last_parent;
      else
        parent = _sodo_id_index_lookup (&chart->unit_index, chart->units, parent_id);
      last_id = parent_id;
      last_parent = parent;
      if (parent != SODO_NO_INDEX && parent != i)
        {
          unit->parent = parent;
          continue;
        }

      /* The path only for a message: a million of them cost more than the lookups. */
      g_snprintf (path, sizeof path, "units[%u]", i);
      if (parent == SODO_NO_INDEX)
        {
          _sodo_orgchart_report (loader, SODO_ERROR_REFERENCE, NULL, path,
                                 "parent",
                                 _("no unit has the id “%s”"), parent_id);
          ok = FALSE;
        }
      else
        {
          _sodo_orgchart_report (loader, SODO_ERROR_STRUCTURE, NULL, path,
                                 "parent",
                                 "%s", _("a unit cannot be its own parent"));
          ok = FALSE;
        }
    }

  return ok;
}

static void
report_cycle (SodoOrgchartLoader *loader,
              guint               start)
{
  SodoOrgchart *chart = loader->chart;
  g_autoptr(GString) ids = g_string_new (unit_id_for_message (loader, start));
  guint shown = 1;
  char path[SODO_ORGCHART_PATH_SIZE];

  for (guint i = chart->units[start].parent; ; i = chart->units[i].parent)
    {
      if (i != start && shown == CYCLE_IDS_SHOWN)
        {
          g_string_append (ids, " → …");
          i = start;
        }
      g_string_append_printf (ids, " → %s", unit_id_for_message (loader, i));
      shown++;
      if (i == start)
        break;
    }

  g_snprintf (path, sizeof path, "units[%u]", start);
  _sodo_orgchart_report (loader, SODO_ERROR_STRUCTURE, NULL, path, "parent",
                         _("the parent links form a cycle: %s"), ids->str);
}

/* Colours each unit while walking up from it: a walk that meets its own colour went round a
 * cycle. Each unit is walked over once, whatever the shape, and nothing recurses. */
static gboolean
check_cycles (SodoOrgchartLoader *loader)
{
  enum { WHITE, GREY, BLACK };
  SodoOrgchart *chart = loader->chart;
  g_autofree guint8 *colour = g_new0 (guint8, chart->n_units);
  gboolean ok = TRUE;

  for (guint i = 0; i < chart->n_units; i++)
    {
      guint j;

      for (j = i; j != SODO_NO_INDEX && colour[j] == WHITE; j = chart->units[j].parent)
        colour[j] = GREY;

      if (j != SODO_NO_INDEX && colour[j] == GREY)
        {
          report_cycle (loader, j);
          ok = FALSE;
        }

      for (j = i; j != SODO_NO_INDEX && colour[j] == GREY; j = chart->units[j].parent)
        colour[j] = BLACK;
    }

  return ok;
}

static gboolean
resolve_successors (SodoOrgchartLoader *loader)
{
  SodoOrgchart *chart = loader->chart;
  gboolean ok = TRUE;

  for (guint i = 0; i < chart->successors->len; i++)
    {
      const char *id = g_ptr_array_index (loader->successor_ids, i);
      guint unit = g_array_index (loader->successor_units, guint32, i);
      guint32 found = _sodo_id_index_lookup (&chart->unit_index, chart->units, id);

      if (found != SODO_NO_INDEX)
        g_array_index (chart->successors, guint32, i) = found;
      else
        {
          char path[SODO_ORGCHART_PATH_SIZE], element[SODO_ORGCHART_PATH_SIZE];

          g_snprintf (path, sizeof path, "units[%u]", unit);
          g_snprintf (element, sizeof element, "successors[%u]",
                      g_array_index (loader->successor_elements, guint32, i));
          _sodo_orgchart_report (loader, SODO_ERROR_REFERENCE, NULL, path,
                                 element,
                                 _("no unit has the id “%s”"), id);
          ok = FALSE;
        }
    }

  return ok;
}

static gboolean
read_relation_end (SodoOrgchartLoader *loader,
                   JsonObject         *object,
                   const char         *path,
                   const char         *member,
                   guint32            *out)
{
  const char *id;
  guint32 found;

  *out = SODO_NO_INDEX;
  if (!_sodo_orgchart_read_id (loader, object, path, member, &id))
    return FALSE;

  found = _sodo_id_index_lookup (&loader->chart->unit_index, loader->chart->units, id);
  if (found == SODO_NO_INDEX)
    {
      _sodo_orgchart_report (loader, SODO_ERROR_REFERENCE, object, path, member,
                             _("no unit has the id “%s”"), id);
      return FALSE;
    }

  *out = found;
  return TRUE;
}

static gboolean
load_relation (SodoOrgchartLoader *loader,
               JsonObject         *object,
               const char         *path)
{
  SodoRelation relation = { 0, };
  gboolean ok;
  const char *kind_id;

  _sodo_json_check_keys (&loader->ctx, object, path, relation_keys);
  ok = read_relation_end (loader, object, path, "from", &relation.from);
  ok &= read_relation_end (loader, object, path, "to", &relation.to);
  if (ok && relation.from == relation.to)
    {
      _sodo_orgchart_report (loader, SODO_ERROR_STRUCTURE, object, path, "to",
                             "%s", _("a relation must link two different units"));
      ok = FALSE;
    }

  relation.kind = SODO_NO_INDEX;
  ok &= _sodo_json_get_id (&loader->ctx, object, path, "kind", FALSE, &kind_id);
  if (kind_id != NULL)
    {
      gpointer kind = g_hash_table_lookup (loader->relation_kind_index, kind_id);

      if (kind != NULL)
        relation.kind = GPOINTER_TO_UINT (kind) - 1;
      else
        {
          _sodo_orgchart_report (loader, SODO_ERROR_REFERENCE, object, path, "kind",
                                 _("the relation kind “%s” is not declared in “relation_kinds”"),
                                 kind_id);
          ok = FALSE;
        }
    }

  ok &= _sodo_json_get_text (&loader->ctx, object, path, "label", FALSE, &relation.label);
  g_array_append_val (loader->chart->relations, relation);
  return ok;
}

/* Children in file order (linked back to front), then depths in breadth-first order. */
static void
link_tree (SodoOrgchart *chart,
           guint         root)
{
  g_autofree guint32 *queue = g_new (guint32, chart->n_units);
  guint head = 0, tail = 0;

  for (guint i = chart->n_units; i-- > 0;)
    {
      SodoUnit *unit = &chart->units[i];
      SodoUnit *parent;

      if (unit->parent == SODO_NO_INDEX)
        continue;
      parent = &chart->units[unit->parent];
      unit->next_sibling = parent->first_child;
      parent->first_child = i;
      parent->n_children++;
    }

  chart->root = root;
  chart->units[root].depth = 0;
  queue[tail++] = root;
  while (head < tail)
    {
      const SodoUnit *unit = &chart->units[queue[head++]];

      for (guint32 child = unit->first_child; child != SODO_NO_INDEX;
           child = chart->units[child].next_sibling)
        {
          chart->units[child].depth = unit->depth + 1;
          queue[tail++] = child;
        }
    }

  /* One root, every parent found, no cycle: every unit hangs from the root. */
  g_assert (tail == chart->n_units);
}

static void
point_details (SodoOrgchart *chart,
               GArray       *detail_starts)
{
  for (guint i = 0; i < chart->details->len; i++)
    {
      SodoUnitDetails *details = &g_array_index (chart->details, SodoUnitDetails, i);
      const SodoDetailStarts *starts = &g_array_index (detail_starts, SodoDetailStarts, i);

      if (details->n_people > 0)
        details->people = &g_array_index (chart->people, SodoPerson, starts->people);
      if (details->n_figures > 0)
        details->figures = &g_array_index (chart->figures, SodoFigure, starts->figures);
      if (details->n_successors > 0)
        details->successors = &g_array_index (chart->successors, guint32, starts->successors);
      if (details->n_regulation_refs > 0)
        details->regulation_refs =
          (const char *const *) &g_ptr_array_index (chart->regulation_refs,
                                                    starts->regulation_refs);
    }
}

static void
load_header (SodoOrgchartLoader *loader)
{
  SodoOrgchart *chart = loader->chart;

  _sodo_json_check_keys (&loader->ctx, loader->root, "", root_keys);
  _sodo_json_get_text (&loader->ctx, loader->root, "", "title", TRUE, &chart->title);
  _sodo_json_get_text (&loader->ctx, loader->root, "", "description", FALSE,
                       &chart->description);
  _sodo_json_get_date (&loader->ctx, loader->root, "", "as_of", FALSE, &chart->as_of);
  _sodo_json_get_sources (&loader->ctx, loader->root, "", &chart->sources);
}

/* Moves the units into the chart, in an allocation of their exact size. */
static void
take_units (SodoOrgchartLoader *loader)
{
  SodoOrgchart *chart = loader->chart;
  gsize n_units = 0;
  SodoUnit *units = g_array_steal (loader->units, &n_units);

  chart->units = g_renew (SodoUnit, units, MAX (n_units, 1));
  chart->n_units = (guint) n_units;
  for (guint i = 0; i < chart->n_units; i++)
    chart->units[i].line = loader->unit_lines != NULL
                           ? g_array_index (loader->unit_lines, guint32, i)
                           : _sodo_json_doc_get_element_line (loader->doc, "units", i);
}

static gboolean
load_structure (SodoOrgchartLoader *loader)
{
  guint root = SODO_NO_INDEX;

  load_list (loader, "kinds", TRUE, load_kind);
  load_list (loader, "relation_kinds", FALSE, load_relation_kind);

  _sodo_json_get_array (&loader->ctx, loader->root, "", "units", TRUE, &loader->unit_array);
  take_units (loader);

  /* Each check reports what it finds, so that one run lists every problem. */
  if (loader->unit_array != NULL)
    {
      resolve_kinds (loader);
      root = find_root (loader);
      resolve_parents (loader);
      check_cycles (loader);
      resolve_successors (loader);
    }
  load_list (loader, "relations", FALSE, load_relation);

  if (root == SODO_NO_INDEX || sodo_diagnostics_has_errors (loader->ctx.diags))
    return FALSE;

  link_tree (loader->chart, root);
  point_details (loader->chart, loader->detail_starts);
  return TRUE;
}

static void
loader_init (SodoOrgchartLoader *loader,
             SodoOrgchart       *chart,
             SodoDiagnostics    *diags)
{
  memset (loader, 0, sizeof *loader);
  loader->ctx.diags = diags;
  loader->ctx.pool = chart->pool;
  loader->chart = chart;
  loader->units = g_array_new (FALSE, FALSE, sizeof (SodoUnit));
  loader->unit_kind_ids = g_ptr_array_new ();
  loader->parent_ids = g_ptr_array_new ();
  loader->scratch = g_string_chunk_new (64 * 1024);
  loader->relation_kind_index = g_hash_table_new (g_str_hash, g_str_equal);
  loader->detail_starts = g_array_new (FALSE, FALSE, sizeof (SodoDetailStarts));
  loader->successor_ids = g_ptr_array_new ();
  loader->successor_units = g_array_new (FALSE, FALSE, sizeof (guint32));
  loader->successor_elements = g_array_new (FALSE, FALSE, sizeof (guint32));
}

static void
loader_clear (SodoOrgchartLoader *loader)
{
  g_clear_pointer (&loader->doc, _sodo_json_doc_free);
  g_clear_pointer (&loader->units, g_array_unref);
  g_clear_pointer (&loader->unit_kind_ids, g_ptr_array_unref);
  g_clear_pointer (&loader->parent_ids, g_ptr_array_unref);
  g_clear_pointer (&loader->scratch, g_string_chunk_free);
  g_clear_pointer (&loader->relation_kind_index, g_hash_table_unref);
  g_clear_pointer (&loader->detail_starts, g_array_unref);
  g_clear_pointer (&loader->successor_ids, g_ptr_array_unref);
  g_clear_pointer (&loader->successor_units, g_array_unref);
  g_clear_pointer (&loader->successor_elements, g_array_unref);
  g_clear_pointer (&loader->unit_lines, g_array_unref);
}

SodoOrgchart *
_sodo_orgchart_load (GBytes          *bytes,
                     const char      *display_name,
                     SodoDiagnostics *diags)
{
  g_autoptr(SodoOrgchart) chart = _sodo_orgchart_new (display_name);
  g_autoptr(SodoDiagnostics) unit_diags = sodo_diagnostics_new (sodo_diagnostics_get_file (diags));
  SodoOrgchartLoader loader;
  gboolean ok = FALSE;

  /* The units come before "format" and "version" can be checked: what they say is held back,
   * and dropped if the file is not a chart this Sodo reads. */
  loader_init (&loader, chart, unit_diags);
  loader.doc = _sodo_json_doc_scan (bytes, diags);
  loader.ctx.doc = loader.doc;
  /* The byte scan counted the units: a list past the limit is refused before any is read. */
  if (loader.doc != NULL &&
      _sodo_json_doc_get_element_line (loader.doc, "units", SODO_MAX_UNITS) != 0)
    {
      SodoJsonContext limit_ctx = { loader.doc, diags, NULL };

      _sodo_json_report (&limit_ctx, SODO_SEVERITY_ERROR, SODO_ERROR_LIMIT, NULL, "", "units",
                         _("the chart has more than %d units, the limit"), SODO_MAX_UNITS);
    }
  else if (loader.doc != NULL &&
           _sodo_json_doc_parse_streaming (loader.doc, diags, "units", on_unit_parsed, &loader))
    {
      loader.ctx.diags = diags;
      loader.root = _sodo_json_get_root_object (&loader.ctx);
      if (loader.root != NULL &&
          _sodo_json_check_header (&loader.ctx, loader.root, "sodo-orgchart"))
        {
          sodo_diagnostics_append (diags, unit_diags);
          load_header (&loader);
          ok = load_structure (&loader);
        }
    }

  /* The JSON goes now, before the chart is handed over. */
  loader_clear (&loader);

  return ok ? g_steal_pointer (&chart) : NULL;
}

SodoOrgchart *
_sodo_orgchart_load_fast (GBytes     *bytes,
                          const char *display_name)
{
  g_autoptr(SodoOrgchart) chart = _sodo_orgchart_new (display_name);
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new (display_name);
  g_autoptr(GBytes) rest = NULL;
  SodoOrgchartLoader loader;
  gboolean ok = FALSE;

  loader_init (&loader, chart, diags);
  rest = _sodo_orgchart_read_units_fast (&loader, bytes);
  if (rest != NULL)
    loader.doc = _sodo_json_doc_scan (rest, diags);
  loader.ctx.doc = loader.doc;
  /* The units are in already: the list left in the text is empty. */
  if (loader.doc != NULL &&
      _sodo_json_doc_parse_streaming (loader.doc, diags, "units", on_unit_parsed, &loader))
    {
      loader.root = _sodo_json_get_root_object (&loader.ctx);
      if (loader.root != NULL &&
          _sodo_json_check_header (&loader.ctx, loader.root, "sodo-orgchart"))
        {
          load_header (&loader);
          ok = load_structure (&loader);
        }
    }
  /* Whatever there is to say, the usual path says it, with positions in the whole text. */
  ok = ok && sodo_diagnostics_get_n_items (diags) == 0 &&
       sodo_diagnostics_get_n_omitted (diags) == 0;

  loader_clear (&loader);
  return ok ? g_steal_pointer (&chart) : NULL;
}
