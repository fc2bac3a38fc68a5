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

#include "sodo-json-private.h"
#include "sodo-limits.h"
#include "sodo-orgchart-private.h"

/* Ids shown in a cycle message before "…". */
#define CYCLE_IDS_SHOWN 6
/* Room for "units[4294967295].successors[4294967295]". */
#define PATH_SIZE 64

typedef struct {
  guint32 people;
  guint32 figures;
  guint32 successors;
  guint32 regulation_refs;
} DetailStarts;

typedef struct {
  SodoJsonContext  ctx;
  SodoOrgchart    *chart;
  JsonObject      *root;
  JsonArray       *unit_array;
  GHashTable      *relation_kind_index;   /* id -> index + 1 */
  const char     **parent_ids;            /* per unit; NULL for a root or an unreadable one */
  GArray          *detail_starts;         /* DetailStarts, parallel to chart->details */
  GPtrArray       *successor_ids;         /* parallel to chart->successors */
  GArray          *successor_units;       /* guint32 unit of each successor, for messages */
  gboolean         units_readable;        /* every unit has an id, parent and is an object */
} Loader;

static const char *const root_keys[] = {
  "format", "version", "title", "description", "as_of", "sources", "kinds", "relation_kinds",
  "units", "relations", NULL,
};
static const char *const kind_keys[] = { "id", "name", "color", NULL };
static const char *const relation_kind_keys[] = { "id", "name", "style", "color", NULL };
static const char *const relation_keys[] = { "from", "to", "kind", "label", NULL };
static const char *const person_keys[] = { "name", "role", NULL };
static const char *const figure_keys[] = { "label", "value", NULL };
/* The hot part of a unit, then the details, kept apart to save memory. */
static const char *const unit_basic_keys[] = {
  "id", "parent", "kind", "name", "short_name", "host", NULL,
};
static const char *const unit_detail_keys[] = {
  "description", "people", "figures", "valid_from", "valid_to", "successors",
  "regulation_refs", NULL,
};

static gboolean
key_in (const char        *key,
        const char *const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (strcmp (key, keys[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
report (Loader        *loader,
        SodoErrorCode  code,
        JsonObject    *object,
        const char    *path,
        const char    *member,
        const char    *format,
        ...) G_GNUC_PRINTF (6, 7);

static void
report (Loader        *loader,
        SodoErrorCode  code,
        JsonObject    *object,
        const char    *path,
        const char    *member,
        const char    *format,
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

/* An id value read without interning: unit ids are unique, the index table holds them. */
static gboolean
read_id (Loader      *loader,
         JsonObject  *object,
         const char  *path,
         const char  *member,
         const char **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL)
    {
      report (loader, SODO_ERROR_MISSING, object, path, member,
              _("required member “%s” is missing"), member);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      report (loader, SODO_ERROR_TYPE, object, path, member, "%s", _("must be a string id"));
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
load_kind (Loader     *loader,
           JsonObject *object,
           const char *path)
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
      report (loader, SODO_ERROR_DUPLICATE, object, path, "id",
              _("the kind id “%s” is used twice"), id);
      return FALSE;
    }

  kind.id = id;
  g_array_append_val (chart->kinds, kind);
  g_hash_table_insert (chart->kind_index, (gpointer) id, GUINT_TO_POINTER (chart->kinds->len));
  return ok;
}

static gboolean
load_relation_kind (Loader     *loader,
                    JsonObject *object,
                    const char *path)
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

      report (loader, SODO_ERROR_VALUE, object, path, "style",
              _("“%s” is not a line style: use “solid”, “dashed” or “dotted”"), snippet);
      ok = FALSE;
    }
  if (id == NULL)
    return FALSE;

  if (g_hash_table_contains (loader->relation_kind_index, id))
    {
      report (loader, SODO_ERROR_DUPLICATE, object, path, "id",
              _("the relation kind id “%s” is used twice"), id);
      return FALSE;
    }

  kind.id = id;
  g_array_append_val (loader->chart->relation_kinds, kind);
  g_hash_table_insert (loader->relation_kind_index, (gpointer) id,
                       GUINT_TO_POINTER (loader->chart->relation_kinds->len));
  return ok;
}

typedef gboolean (*LoadElementFunc) (Loader     *loader,
                                     JsonObject *object,
                                     const char *path);

/* Loads each object of the list @member of the root. */
static gboolean
load_list (Loader          *loader,
           const char      *member,
           gboolean         required,
           LoadElementFunc  load_element)
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
      char path[PATH_SIZE];

      g_snprintf (path, sizeof path, "%s[%u]", member, i);
      if (object == NULL || !load_element (loader, object, path))
        ok = FALSE;
    }

  return ok;
}

typedef struct {
  Loader     *loader;
  const char *path;
  gboolean    has_details;
} UnitKeys;

static void
check_unit_key (JsonObject *object,
                const char *member,
                JsonNode   *node,
                gpointer    user_data)
{
  UnitKeys *keys = user_data;
  g_autofree char *snippet = NULL;

  if (key_in (member, unit_basic_keys))
    return;
  if (key_in (member, unit_detail_keys))
    {
      keys->has_details = TRUE;
      return;
    }

  snippet = _sodo_json_snippet (member);
  _sodo_json_report (&keys->loader->ctx, SODO_SEVERITY_WARNING, SODO_ERROR_UNKNOWN_MEMBER,
                     object, keys->path, member,
                     _("unknown member “%s” is ignored (made for a newer Sodo?)"), snippet);
}

static gboolean
is_blank (const char *str)
{
  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
load_people (Loader     *loader,
             JsonObject *unit,
             const char *path)
{
  JsonArray *array;
  gboolean ok = TRUE;

  if (!_sodo_json_get_array (&loader->ctx, unit, path, "people", FALSE, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = _sodo_json_array_get_object (&loader->ctx, unit, path, "people",
                                                        array, i);
      SodoPerson person = { 0, };
      char person_path[PATH_SIZE];

      if (object == NULL)
        {
          ok = FALSE;
          continue;
        }

      g_snprintf (person_path, sizeof person_path, "%s.people[%u]", path, i);
      _sodo_json_check_keys (&loader->ctx, object, person_path, person_keys);
      if (!_sodo_json_get_string (&loader->ctx, object, person_path, "name", TRUE, &person.name))
        ok = FALSE;
      else if (is_blank (person.name))
        {
          report (loader, SODO_ERROR_VALUE, object, person_path, "name",
                  "%s", _("a person needs a name"));
          ok = FALSE;
        }
      if (!_sodo_json_get_text (&loader->ctx, object, person_path, "role", FALSE, &person.role))
        ok = FALSE;
      g_array_append_val (loader->chart->people, person);
    }

  return ok;
}

static gboolean
load_figures (Loader     *loader,
              JsonObject *unit,
              const char *path)
{
  JsonArray *array;
  gboolean ok = TRUE;

  if (!_sodo_json_get_array (&loader->ctx, unit, path, "figures", FALSE, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = _sodo_json_array_get_object (&loader->ctx, unit, path, "figures",
                                                        array, i);
      SodoFigure figure = { 0, };
      char figure_path[PATH_SIZE];

      if (object == NULL)
        {
          ok = FALSE;
          continue;
        }

      g_snprintf (figure_path, sizeof figure_path, "%s.figures[%u]", path, i);
      _sodo_json_check_keys (&loader->ctx, object, figure_path, figure_keys);
      ok &= _sodo_json_get_text (&loader->ctx, object, figure_path, "label", TRUE, &figure.label);
      ok &= _sodo_json_get_number (&loader->ctx, object, figure_path, "value", TRUE,
                                   &figure.value, NULL);
      g_array_append_val (loader->chart->figures, figure);
    }

  return ok;
}

static gboolean
load_successors (Loader     *loader,
                 JsonObject *unit,
                 const char *path,
                 guint       unit_index)
{
  JsonArray *array;
  gboolean ok = TRUE;

  if (!_sodo_json_get_array (&loader->ctx, unit, path, "successors", FALSE, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      guint32 unresolved = SODO_NO_INDEX;
      char element[PATH_SIZE];

      g_snprintf (element, sizeof element, "successors[%u]", i);
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          report (loader, SODO_ERROR_TYPE, unit, path, element, "%s", _("must be a string id"));
          ok = FALSE;
          continue;
        }
      if (!_sodo_id_is_valid (json_node_get_string (node)))
        {
          _sodo_json_report_bad_id (&loader->ctx, unit, path, element,
                                    json_node_get_string (node));
          ok = FALSE;
          continue;
        }

      /* Resolved once every unit is known: a successor may come later in the file. */
      g_array_append_val (loader->chart->successors, unresolved);
      g_ptr_array_add (loader->successor_ids, (gpointer) json_node_get_string (node));
      g_array_append_val (loader->successor_units, unit_index);
    }

  return ok;
}

static gboolean
load_regulation_refs (Loader     *loader,
                      JsonObject *unit,
                      const char *path)
{
  JsonArray *array;
  gboolean ok = TRUE;

  if (!_sodo_json_get_array (&loader->ctx, unit, path, "regulation_refs", FALSE, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *ref = _sodo_json_array_get_string (&loader->ctx, unit, path,
                                                     "regulation_refs", array, i);
      char element[PATH_SIZE];

      if (ref == NULL)
        {
          ok = FALSE;
          continue;
        }
      if (!_sodo_id_is_valid (ref))
        {
          g_snprintf (element, sizeof element, "regulation_refs[%u]", i);
          _sodo_json_report_bad_id (&loader->ctx, unit, path, element, ref);
          ok = FALSE;
          continue;
        }
      g_ptr_array_add (loader->chart->regulation_refs, (gpointer) ref);
    }

  return ok;
}

static gboolean
load_details (Loader     *loader,
              JsonObject *object,
              const char *path,
              SodoUnit   *unit,
              guint       unit_index)
{
  SodoOrgchart *chart = loader->chart;
  SodoUnitDetails details = { 0, };
  DetailStarts starts;
  gboolean ok = TRUE;

  starts.people = chart->people->len;
  starts.figures = chart->figures->len;
  starts.successors = chart->successors->len;
  starts.regulation_refs = chart->regulation_refs->len;

  ok &= _sodo_json_get_text (&loader->ctx, object, path, "description", FALSE,
                             &details.description);
  ok &= load_people (loader, object, path);
  ok &= load_figures (loader, object, path);
  ok &= _sodo_json_get_date (&loader->ctx, object, path, "valid_from", FALSE,
                             &details.valid_from);
  ok &= _sodo_json_get_date (&loader->ctx, object, path, "valid_to", FALSE, &details.valid_to);
  ok &= load_successors (loader, object, path, unit_index);
  ok &= load_regulation_refs (loader, object, path);

  /* ISO dates compare as strings. */
  if (details.valid_from != NULL && details.valid_to != NULL &&
      strcmp (details.valid_to, details.valid_from) < 0)
    {
      report (loader, SODO_ERROR_VALUE, object, path, "valid_to",
              _("the end date %s is before the start date %s"),
              details.valid_to, details.valid_from);
      ok = FALSE;
    }

  details.n_people = chart->people->len - starts.people;
  details.n_figures = chart->figures->len - starts.figures;
  details.n_successors = chart->successors->len - starts.successors;
  details.n_regulation_refs = chart->regulation_refs->len - starts.regulation_refs;

  unit->details = chart->details->len;
  g_array_append_val (chart->details, details);
  g_array_append_val (loader->detail_starts, starts);
  return ok;
}

/* What "parent" said, before the ids are resolved. */
enum {
  PARENT_ROOT = 1,       /* null */
  PARENT_ID,             /* an id, in parent_ids */
};

static gboolean
load_unit_parent (Loader     *loader,
                  JsonObject *object,
                  const char *path,
                  guint       index)
{
  JsonNode *node = json_object_get_member (object, "parent");

  if (node == NULL)
    {
      report (loader, SODO_ERROR_MISSING, object, path, "parent",
              "%s", _("required member “parent” is missing (use null for the root unit)"));
      return FALSE;
    }
  if (JSON_NODE_HOLDS_NULL (node))
    {
      loader->chart->units[index].parent = PARENT_ROOT;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      report (loader, SODO_ERROR_TYPE, object, path, "parent",
              "%s", _("must be the id of the parent unit, or null for the root unit"));
      return FALSE;
    }
  if (!_sodo_id_is_valid (json_node_get_string (node)))
    {
      _sodo_json_report_bad_id (&loader->ctx, object, path, "parent",
                                json_node_get_string (node));
      return FALSE;
    }

  loader->parent_ids[index] = json_node_get_string (node);
  loader->chart->units[index].parent = PARENT_ID;
  return TRUE;
}

static gboolean
load_unit_id (Loader     *loader,
              JsonObject *object,
              const char *path,
              SodoUnit   *unit,
              guint       index)
{
  SodoOrgchart *chart = loader->chart;
  const char *id;
  gpointer other;

  if (!read_id (loader, object, path, "id", &id))
    return FALSE;

  other = g_hash_table_lookup (chart->unit_index, id);
  if (other != NULL)
    {
      report (loader, SODO_ERROR_DUPLICATE, object, path, "id",
              _("the unit id “%s” is already used by units[%u]"),
              id, GPOINTER_TO_UINT (other) - 1);
      return FALSE;
    }

  unit->id = sodo_text_pool_insert (chart->pool, id);
  g_hash_table_insert (chart->unit_index, (gpointer) unit->id, GUINT_TO_POINTER (index + 1));
  return TRUE;
}

static gboolean
load_unit (Loader     *loader,
           JsonObject *object,
           guint       index)
{
  SodoOrgchart *chart = loader->chart;
  SodoUnit *unit = &chart->units[index];
  char path[PATH_SIZE];
  UnitKeys keys = { loader, path, FALSE };
  const char *kind_id;
  gboolean ok = TRUE;

  g_snprintf (path, sizeof path, "units[%u]", index);
  unit->line = _sodo_json_doc_get_element_line (loader->ctx.doc, "units", index);
  json_object_foreach_member (object, check_unit_key, &keys);

  ok &= load_unit_id (loader, object, path, unit, index);
  ok &= load_unit_parent (loader, object, path, index);

  if (read_id (loader, object, path, "kind", &kind_id))
    {
      gpointer kind = g_hash_table_lookup (chart->kind_index, kind_id);

      if (kind != NULL)
        unit->kind = GPOINTER_TO_UINT (kind) - 1;
      else
        {
          report (loader, SODO_ERROR_REFERENCE, object, path, "kind",
                  _("the kind “%s” is not declared in “kinds”"), kind_id);
          ok = FALSE;
        }
    }
  else
    ok = FALSE;

  ok &= _sodo_json_get_text (&loader->ctx, object, path, "name", TRUE, &unit->name);
  ok &= _sodo_json_get_text (&loader->ctx, object, path, "short_name", FALSE, &unit->short_name);
  ok &= _sodo_json_get_text (&loader->ctx, object, path, "host", FALSE, &unit->host);
  if (keys.has_details)
    ok &= load_details (loader, object, path, unit, index);

  return ok;
}

static gboolean
load_units (Loader *loader)
{
  SodoOrgchart *chart = loader->chart;
  gboolean ok = TRUE;
  guint n_units;

  if (!_sodo_json_get_array (&loader->ctx, loader->root, "", "units", TRUE,
                             &loader->unit_array))
    return FALSE;

  n_units = json_array_get_length (loader->unit_array);
  if (n_units > SODO_MAX_UNITS)
    {
      report (loader, SODO_ERROR_LIMIT, loader->root, "", "units",
              _("the chart has %u units, more than the limit of %d"), n_units, SODO_MAX_UNITS);
      return FALSE;
    }

  /* "parent" says 0 (unreadable), PARENT_ROOT or PARENT_ID until the tree is linked. */
  chart->units = g_new0 (SodoUnit, n_units);
  chart->n_units = n_units;
  loader->parent_ids = g_new0 (const char *, n_units);
  for (guint i = 0; i < n_units; i++)
    {
      JsonObject *object = _sodo_json_array_get_object (&loader->ctx, loader->root, "", "units",
                                                        loader->unit_array, i);
      SodoUnit *unit = &chart->units[i];

      unit->first_child = SODO_NO_INDEX;
      unit->next_sibling = SODO_NO_INDEX;
      unit->details = SODO_NO_INDEX;
      unit->kind = SODO_NO_INDEX;
      if (object == NULL || !load_unit (loader, object, i))
        ok = FALSE;
    }

  return ok;
}

static JsonObject *
unit_object (Loader *loader,
             guint   index)
{
  JsonNode *node = json_array_get_element (loader->unit_array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
unit_id_for_message (Loader *loader,
                     guint   index)
{
  JsonObject *object = unit_object (loader, index);
  JsonNode *id = object != NULL ? json_object_get_member (object, "id") : NULL;

  if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
    return json_node_get_string (id);
  return "?";
}

/* Exactly one "parent": null. Returns the root, or SODO_NO_INDEX after reporting. */
static guint
find_root (Loader *loader)
{
  SodoOrgchart *chart = loader->chart;
  guint root = SODO_NO_INDEX;
  gboolean unreadable = FALSE;

  for (guint i = 0; i < chart->n_units; i++)
    {
      char path[PATH_SIZE];

      if (chart->units[i].parent == 0)
        unreadable = TRUE;
      if (chart->units[i].parent != PARENT_ROOT)
        continue;
      if (root == SODO_NO_INDEX)
        {
          root = i;
          continue;
        }

      g_snprintf (path, sizeof path, "units[%u]", i);
      report (loader, SODO_ERROR_STRUCTURE, unit_object (loader, i), path, "parent",
              _("a second root: only one unit may have “parent”: null, and units[%u] (“%s”) "
                "already has"),
              root, unit_id_for_message (loader, root));
    }

  /* A unit whose parent could not be read may have been meant as the root. */
  if (root == SODO_NO_INDEX && !unreadable)
    report (loader, SODO_ERROR_STRUCTURE, loader->root, "", "units", "%s",
            chart->n_units == 0 ? _("the chart has no units: it needs one root unit")
                                : _("no unit has “parent”: null: the chart needs one root unit"));

  return root;
}

/* Turns parent ids into indices; unresolved ones become SODO_NO_INDEX. */
static gboolean
resolve_parents (Loader *loader)
{
  SodoOrgchart *chart = loader->chart;
  gboolean ok = TRUE;

  for (guint i = 0; i < chart->n_units; i++)
    {
      SodoUnit *unit = &chart->units[i];
      gpointer parent;
      char path[PATH_SIZE];

      if (unit->parent != PARENT_ID)
        {
          unit->parent = SODO_NO_INDEX;
          continue;
        }

      unit->parent = SODO_NO_INDEX;
      parent = g_hash_table_lookup (chart->unit_index, loader->parent_ids[i]);
      g_snprintf (path, sizeof path, "units[%u]", i);
      if (parent == NULL)
        {
          report (loader, SODO_ERROR_REFERENCE, unit_object (loader, i), path, "parent",
                  _("no unit has the id “%s”"), loader->parent_ids[i]);
          ok = FALSE;
        }
      else if (GPOINTER_TO_UINT (parent) - 1 == i)
        {
          report (loader, SODO_ERROR_STRUCTURE, unit_object (loader, i), path, "parent",
                  "%s", _("a unit cannot be its own parent"));
          ok = FALSE;
        }
      else
        unit->parent = GPOINTER_TO_UINT (parent) - 1;
    }

  return ok;
}

static void
report_cycle (Loader *loader,
              guint   start)
{
  SodoOrgchart *chart = loader->chart;
  g_autoptr(GString) ids = g_string_new (unit_id_for_message (loader, start));
  guint shown = 1;
  char path[PATH_SIZE];

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
  report (loader, SODO_ERROR_STRUCTURE, unit_object (loader, start), path, "parent",
          _("the parent links form a cycle: %s"), ids->str);
}

/* Colours each unit while walking up from it: a walk that meets its own colour went round a
 * cycle. Each unit is walked over once, whatever the shape, and nothing recurses. */
static gboolean
check_cycles (Loader *loader)
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
resolve_successors (Loader *loader)
{
  SodoOrgchart *chart = loader->chart;
  gboolean ok = TRUE;
  guint first_of_unit = 0;

  for (guint i = 0; i < chart->successors->len; i++)
    {
      const char *id = g_ptr_array_index (loader->successor_ids, i);
      guint unit = g_array_index (loader->successor_units, guint32, i);
      gpointer found = g_hash_table_lookup (chart->unit_index, id);

      if (i == 0 || g_array_index (loader->successor_units, guint32, i - 1) != unit)
        first_of_unit = i;

      if (found != NULL)
        g_array_index (chart->successors, guint32, i) = GPOINTER_TO_UINT (found) - 1;
      else
        {
          char path[PATH_SIZE], element[PATH_SIZE];

          g_snprintf (path, sizeof path, "units[%u]", unit);
          g_snprintf (element, sizeof element, "successors[%u]", i - first_of_unit);
          report (loader, SODO_ERROR_REFERENCE, unit_object (loader, unit), path, element,
                  _("no unit has the id “%s”"), id);
          ok = FALSE;
        }
    }

  return ok;
}

static gboolean
read_relation_end (Loader     *loader,
                   JsonObject *object,
                   const char *path,
                   const char *member,
                   guint32    *out)
{
  const char *id;
  gpointer found;

  *out = SODO_NO_INDEX;
  if (!read_id (loader, object, path, member, &id))
    return FALSE;

  found = g_hash_table_lookup (loader->chart->unit_index, id);
  if (found == NULL)
    {
      report (loader, SODO_ERROR_REFERENCE, object, path, member,
              _("no unit has the id “%s”"), id);
      return FALSE;
    }

  *out = GPOINTER_TO_UINT (found) - 1;
  return TRUE;
}

static gboolean
load_relation (Loader     *loader,
               JsonObject *object,
               const char *path)
{
  SodoRelation relation = { 0, };
  gboolean ok;
  const char *kind_id;

  _sodo_json_check_keys (&loader->ctx, object, path, relation_keys);
  ok = read_relation_end (loader, object, path, "from", &relation.from);
  ok &= read_relation_end (loader, object, path, "to", &relation.to);
  if (ok && relation.from == relation.to)
    {
      report (loader, SODO_ERROR_STRUCTURE, object, path, "to",
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
          report (loader, SODO_ERROR_REFERENCE, object, path, "kind",
                  _("the relation kind “%s” is not declared in “relation_kinds”"), kind_id);
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
      const DetailStarts *starts = &g_array_index (detail_starts, DetailStarts, i);

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
load_header (Loader *loader)
{
  SodoOrgchart *chart = loader->chart;

  _sodo_json_check_keys (&loader->ctx, loader->root, "", root_keys);
  _sodo_json_get_text (&loader->ctx, loader->root, "", "title", TRUE, &chart->title);
  _sodo_json_get_text (&loader->ctx, loader->root, "", "description", FALSE,
                       &chart->description);
  _sodo_json_get_date (&loader->ctx, loader->root, "", "as_of", FALSE, &chart->as_of);
  _sodo_json_get_sources (&loader->ctx, loader->root, "", &chart->sources);
}

static gboolean
load_structure (Loader *loader)
{
  guint root = SODO_NO_INDEX;

  load_list (loader, "kinds", TRUE, load_kind);
  load_list (loader, "relation_kinds", FALSE, load_relation_kind);
  load_units (loader);
  /* Each check reports what it finds, so that one run lists every problem. */
  if (loader->unit_array != NULL)
    {
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

gboolean
_sodo_orgchart_load (SodoOrgchart    *self,
                     GBytes          *bytes,
                     SodoDiagnostics *diags)
{
  g_autoptr(SodoJsonDoc) doc = NULL;
  g_autoptr(GHashTable) relation_kind_index = NULL;
  g_autoptr(GArray) detail_starts = NULL;
  g_autoptr(GPtrArray) successor_ids = NULL;
  g_autoptr(GArray) successor_units = NULL;
  g_autofree const char **parent_ids = NULL;
  Loader loader = { { 0, }, };
  gboolean ok;

  g_return_val_if_fail (SODO_IS_ORGCHART (self), FALSE);

  doc = _sodo_json_doc_parse (bytes, diags);
  if (doc == NULL)
    return FALSE;

  loader.ctx.doc = doc;
  loader.ctx.diags = diags;
  loader.ctx.pool = self->pool;
  loader.chart = self;
  loader.root = _sodo_json_get_root_object (&loader.ctx);
  if (loader.root == NULL || !_sodo_json_check_header (&loader.ctx, loader.root, "sodo-orgchart"))
    return FALSE;

  loader.relation_kind_index = relation_kind_index = g_hash_table_new (g_str_hash, g_str_equal);
  loader.detail_starts = detail_starts = g_array_new (FALSE, FALSE, sizeof (DetailStarts));
  loader.successor_ids = successor_ids = g_ptr_array_new ();
  loader.successor_units = successor_units = g_array_new (FALSE, FALSE, sizeof (guint32));

  load_header (&loader);
  ok = load_structure (&loader);
  parent_ids = loader.parent_ids;

  /* parent_ids and successor_ids point into the tree, freed with the document here. */
  return ok;
}
