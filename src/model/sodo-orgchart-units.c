/* sodo-orgchart-units.c: reading one unit of an org chart, and its details
 *
 * A unit's values are copied into the chart as it is read (strings into the pool), so that
 * the loader can drop each unit's JSON as soon as it is done with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sodo-orgchart-loader-private.h"

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

typedef struct {
  SodoOrgchartLoader *loader;
  const char *path;
  gboolean    has_details;
} UnitKeys;

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
load_people (SodoOrgchartLoader *loader,
             JsonObject         *unit,
             const char         *path)
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
      char person_path[SODO_ORGCHART_PATH_SIZE];

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
          _sodo_orgchart_report (loader, SODO_ERROR_VALUE, object, person_path, "name",
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
load_figures (SodoOrgchartLoader *loader,
              JsonObject         *unit,
              const char         *path)
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
      char figure_path[SODO_ORGCHART_PATH_SIZE];

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
load_successors (SodoOrgchartLoader *loader,
                 JsonObject         *unit,
                 const char         *path,
                 guint               unit_index)
{
  JsonArray *array;
  gboolean ok = TRUE;

  if (!_sodo_json_get_array (&loader->ctx, unit, path, "successors", FALSE, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      guint32 unresolved = SODO_NO_INDEX;
      char element[SODO_ORGCHART_PATH_SIZE];

      g_snprintf (element, sizeof element, "successors[%u]", i);
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          _sodo_orgchart_report (loader, SODO_ERROR_TYPE, unit, path, element,
                                 "%s", _("must be a string id"));
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
      g_ptr_array_add (loader->successor_ids,
                       g_string_chunk_insert (loader->scratch, json_node_get_string (node)));
      g_array_append_val (loader->successor_units, unit_index);
      g_array_append_val (loader->successor_elements, i);
    }

  return ok;
}

static gboolean
load_regulation_refs (SodoOrgchartLoader *loader,
                      JsonObject         *unit,
                      const char         *path)
{
  JsonArray *array;
  gboolean ok = TRUE;

  if (!_sodo_json_get_array (&loader->ctx, unit, path, "regulation_refs", FALSE, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *ref = _sodo_json_array_get_string (&loader->ctx, unit, path,
                                                     "regulation_refs", array, i);
      char element[SODO_ORGCHART_PATH_SIZE];

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
load_details (SodoOrgchartLoader *loader,
              JsonObject         *object,
              const char         *path,
              SodoUnit           *unit,
              guint               unit_index)
{
  SodoOrgchart *chart = loader->chart;
  SodoUnitDetails details = { 0, };
  SodoDetailStarts starts;
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
      _sodo_orgchart_report (loader, SODO_ERROR_VALUE, object, path, "valid_to",
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

static void
load_unit_parent (SodoOrgchartLoader *loader,
                  JsonObject         *object,
                  const char         *path,
                  SodoUnit           *unit,
                  guint                index)
{
  JsonNode *node = json_object_get_member (object, "parent");

  if (node == NULL)
    {
      _sodo_orgchart_report (loader, SODO_ERROR_MISSING, object, path, "parent", "%s",
                             _("required member “parent” is missing (null for the root unit)"));
      return;
    }
  if (JSON_NODE_HOLDS_NULL (node))
    {
      unit->parent = SODO_PARENT_ROOT;
      return;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      _sodo_orgchart_report (loader, SODO_ERROR_TYPE, object, path, "parent", "%s",
                             _("must be the id of the parent unit, or null for the root unit"));
      return;
    }
  if (!_sodo_id_is_valid (json_node_get_string (node)))
    {
      _sodo_json_report_bad_id (&loader->ctx, object, path, "parent",
                                json_node_get_string (node));
      return;
    }

  /* Copied: the unit's JSON may be gone by the time parents are resolved. */
  g_ptr_array_index (loader->parent_ids, index) =
    g_string_chunk_insert (loader->scratch, json_node_get_string (node));
  unit->parent = SODO_PARENT_ID;
}

static void
load_unit_id (SodoOrgchartLoader *loader,
              JsonObject         *object,
              const char         *path,
              SodoUnit           *unit,
              guint                index)
{
  SodoOrgchart *chart = loader->chart;
  const char *id;
  guint32 other;

  if (!_sodo_orgchart_read_id (loader, object, path, "id", &id))
    return;

  /* Not interned: ids are unique, and the index points at the units' own copies. */
  unit->id = sodo_text_pool_insert (chart->pool, id);
  other = _sodo_id_index_insert (&chart->unit_index,
                                 (const SodoUnit *) (gpointer) loader->units->data, index);
  if (other != SODO_NO_INDEX)
    {
      _sodo_orgchart_report (loader, SODO_ERROR_DUPLICATE, object, path, "id",
                             _("the unit id “%s” is already used by units[%u]"), id, other);
      unit->id = NULL;
    }
}

SodoUnit *
_sodo_orgchart_append_unit (SodoOrgchartLoader *loader)
{
  SodoUnit unit = { 0, };

  unit.parent = SODO_PARENT_UNREADABLE;
  unit.first_child = SODO_NO_INDEX;
  unit.next_sibling = SODO_NO_INDEX;
  unit.kind = SODO_NO_INDEX;
  unit.details = SODO_NO_INDEX;
  g_array_append_val (loader->units, unit);
  g_ptr_array_add (loader->unit_kind_ids, NULL);
  g_ptr_array_add (loader->parent_ids, NULL);

  return &g_array_index (loader->units, SodoUnit, loader->units->len - 1);
}

void
_sodo_orgchart_load_unit (SodoOrgchartLoader *loader,
                          JsonObject         *object,
                          guint                index)
{
  SodoUnit *unit = _sodo_orgchart_append_unit (loader);
  char path[SODO_ORGCHART_PATH_SIZE];
  UnitKeys keys = { loader, path, FALSE };
  const char *kind_id;

  g_assert (index == loader->units->len - 1);

  g_snprintf (path, sizeof path, "units[%u]", index);
  json_object_foreach_member (object, check_unit_key, &keys);

  load_unit_id (loader, object, path, unit, index);
  load_unit_parent (loader, object, path, unit, index);
  /* Kinds are resolved at the end: "kinds" may come after "units" in the file. */
  if (_sodo_orgchart_read_id (loader, object, path, "kind", &kind_id))
    g_ptr_array_index (loader->unit_kind_ids, index) =
      (gpointer) sodo_text_pool_intern (loader->chart->pool, kind_id);

  _sodo_json_get_text (&loader->ctx, object, path, "name", TRUE, &unit->name);
  _sodo_json_get_text (&loader->ctx, object, path, "short_name", FALSE, &unit->short_name);
  _sodo_json_get_text (&loader->ctx, object, path, "host", FALSE, &unit->host);
  if (keys.has_details)
    load_details (loader, object, path, unit, index);
}
