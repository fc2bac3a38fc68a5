/* sodo-chart-export-branch.c: the scene an export or a print works on
 *
 * A branch is laid out on its own, as the chart of its own units: laid out inside the whole
 * chart, the cards of neighbouring branches would reach under its bounding box. It is made
 * through the model's own loader, from the branch written as a sodo-orgchart document (the
 * parts a card shows: names, kinds, people, figures, and the relations inside the branch),
 * so the branch obeys every rule a chart file does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/sodo-error.h"

#include "sodo-chart-export-private.h"

/* Appends an L value: a plain string, or an object of its languages. */
static void
append_text (GString      *out,
             SodoTextPool *pool,
             SodoText      text)
{
  guint n_entries = sodo_text_pool_get_n_entries (pool, text);

  if (n_entries == 0)
    {
      _sodo_export_json_string (out, sodo_text_pool_resolve (pool, text, "vi", NULL));
      return;
    }
  g_string_append_c (out, '{');
  for (guint i = 0; i < n_entries; i++)
    {
      const char *lang, *str;

      sodo_text_pool_get_entry (pool, text, i, &lang, &str);
      if (i > 0)
        g_string_append (out, ", ");
      _sodo_export_json_string (out, lang);
      g_string_append (out, ": ");
      _sodo_export_json_string (out, str);
    }
  g_string_append_c (out, '}');
}

static void
append_member_text (GString      *out,
                    SodoTextPool *pool,
                    const char   *name,
                    SodoText      text)
{
  if (text == SODO_TEXT_NONE)
    return;
  g_string_append_printf (out, ", \"%s\": ", name);
  append_text (out, pool, text);
}

static void
append_kinds (GString      *out,
              SodoOrgchart *chart)
{
  SodoTextPool *pool = sodo_orgchart_get_text_pool (chart);
  static const char *const styles[] = { "solid", "dashed", "dotted" };
  guint n_kinds = 0, n_relation_kinds = 0;
  const SodoKind *kinds = sodo_orgchart_get_kinds (chart, &n_kinds);
  const SodoRelationKind *relation_kinds = sodo_orgchart_get_relation_kinds (chart,
                                                                             &n_relation_kinds);

  g_string_append (out, ",\n\"kinds\": [");
  for (guint i = 0; i < n_kinds; i++)
    {
      g_string_append (out, i > 0 ? ",\n{\"id\": " : "\n{\"id\": ");
      _sodo_export_json_string (out, kinds[i].id);
      append_member_text (out, pool, "name", kinds[i].name);
      if (kinds[i].has_color)
        g_string_append_printf (out, ", \"color\": \"#%06x\"", kinds[i].color & 0xffffff);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\n\"relation_kinds\": [");
  for (guint i = 0; i < n_relation_kinds; i++)
    {
      g_string_append (out, i > 0 ? ",\n{\"id\": " : "\n{\"id\": ");
      _sodo_export_json_string (out, relation_kinds[i].id);
      append_member_text (out, pool, "name", relation_kinds[i].name);
      g_string_append_printf (out, ", \"style\": \"%s\"",
                              styles[MIN (relation_kinds[i].style, G_N_ELEMENTS (styles) - 1)]);
      if (relation_kinds[i].has_color)
        g_string_append_printf (out, ", \"color\": \"#%06x\"",
                                relation_kinds[i].color & 0xffffff);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]");
}

static void
append_details (GString               *out,
                SodoTextPool          *pool,
                const SodoUnitDetails *details)
{
  if (details->n_people > 0)
    {
      g_string_append (out, ", \"people\": [");
      for (guint i = 0; i < details->n_people; i++)
        {
          g_string_append (out, i > 0 ? ", {\"name\": " : "{\"name\": ");
          _sodo_export_json_string (out, details->people[i].name);
          append_member_text (out, pool, "role", details->people[i].role);
          g_string_append_c (out, '}');
        }
      g_string_append_c (out, ']');
    }
  if (details->n_figures > 0)
    {
      g_string_append (out, ", \"figures\": [");
      for (guint i = 0; i < details->n_figures; i++)
        {
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append (out, i > 0 ? ", {\"label\": " : "{\"label\": ");
          append_text (out, pool, details->figures[i].label);
          g_string_append_printf (out, ", \"value\": %s}",
                                  g_ascii_dtostr (number, sizeof number,
                                                  details->figures[i].value));
        }
      g_string_append_c (out, ']');
    }
}

static void
append_unit (GString      *out,
             SodoOrgchart *chart,
             guint         index,
             gboolean      is_root)
{
  SodoTextPool *pool = sodo_orgchart_get_text_pool (chart);
  const SodoUnit *unit = sodo_orgchart_get_unit (chart, index);
  const SodoKind *kinds = sodo_orgchart_get_kinds (chart, NULL);

  g_string_append (out, "{\"id\": ");
  _sodo_export_json_string (out, unit->id);
  g_string_append (out, ", \"parent\": ");
  if (is_root)
    g_string_append (out, "null");
  else
    _sodo_export_json_string (out, sodo_orgchart_get_unit (chart, unit->parent)->id);
  g_string_append (out, ", \"kind\": ");
  _sodo_export_json_string (out, kinds[unit->kind].id);
  append_member_text (out, pool, "name", unit->name);
  append_member_text (out, pool, "short_name", unit->short_name);
  append_member_text (out, pool, "host", unit->host);
  append_details (out, pool, sodo_orgchart_get_details (chart, index));
  g_string_append_c (out, '}');
}

/* Marks the units of the branch under @top, writing them in pre-order (the order of the
 * chart's own children). */
static guint8 *
append_units (GString      *out,
              SodoOrgchart *chart,
              guint         top)
{
  const SodoUnit *units = sodo_orgchart_get_units (chart);
  guint8 *in_branch = g_new0 (guint8, sodo_orgchart_get_n_units (chart));
  guint current = top;

  g_string_append (out, ",\n\"units\": [\n");
  while (current != SODO_NO_INDEX)
    {
      if (current != top)
        g_string_append (out, ",\n");
      append_unit (out, chart, current, current == top);
      in_branch[current] = 1;

      /* Next in pre-order, never leaving the branch: no recursion for deep charts. */
      if (units[current].first_child != SODO_NO_INDEX)
        current = units[current].first_child;
      else
        {
          while (current != top && units[current].next_sibling == SODO_NO_INDEX)
            current = units[current].parent;
          current = current == top ? SODO_NO_INDEX : units[current].next_sibling;
        }
    }
  g_string_append (out, "]");
  return in_branch;
}

static void
append_relations (GString      *out,
                  SodoOrgchart *chart,
                  const guint8 *in_branch)
{
  SodoTextPool *pool = sodo_orgchart_get_text_pool (chart);
  const SodoUnit *units = sodo_orgchart_get_units (chart);
  guint n_relations = 0, n_kinds = 0;
  const SodoRelation *relations = sodo_orgchart_get_relations (chart, &n_relations);
  const SodoRelationKind *kinds = sodo_orgchart_get_relation_kinds (chart, &n_kinds);
  gboolean first = TRUE;

  g_string_append (out, ",\n\"relations\": [");
  for (guint i = 0; i < n_relations; i++)
    {
      const SodoRelation *relation = &relations[i];

      if (!in_branch[relation->from] || !in_branch[relation->to])
        continue;
      g_string_append (out, first ? "\n{\"from\": " : ",\n{\"from\": ");
      first = FALSE;
      _sodo_export_json_string (out, units[relation->from].id);
      g_string_append (out, ", \"to\": ");
      _sodo_export_json_string (out, units[relation->to].id);
      if (relation->kind < n_kinds)
        {
          g_string_append (out, ", \"kind\": ");
          _sodo_export_json_string (out, kinds[relation->kind].id);
        }
      append_member_text (out, pool, "label", relation->label);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]");
}

static SodoOrgchart *
make_branch_chart (SodoOrgchart  *chart,
                   guint          top,
                   GError       **error)
{
  SodoTextPool *pool = sodo_orgchart_get_text_pool (chart);
  g_autoptr(GString) out = g_string_new ("{\"format\": \"sodo-orgchart\", \"version\": 1");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *in_branch = NULL;
  const char *as_of = sodo_orgchart_get_as_of (chart);
  gsize length;

  g_string_append (out, ",\n\"title\": ");
  if (sodo_orgchart_get_title (chart) != SODO_TEXT_NONE)
    append_text (out, pool, sodo_orgchart_get_title (chart));
  else
    _sodo_export_json_string (out, sodo_orgchart_get_display_name (chart));
  if (as_of != NULL)
    {
      g_string_append (out, ",\n\"as_of\": ");
      _sodo_export_json_string (out, as_of);
    }
  append_kinds (out, chart);
  in_branch = append_units (out, chart, top);
  append_relations (out, chart, in_branch);
  g_string_append (out, "}\n");

  length = out->len;
  bytes = g_bytes_new_take (g_string_free (g_steal_pointer (&out), FALSE), length);
  return sodo_orgchart_load_bytes (bytes, sodo_orgchart_get_display_name (chart), NULL, error);
}

SodoChartScene *
sodo_chart_export_make_scene (SodoOrgchart                *chart,
                              const SodoChartSceneOptions *scene_options,
                              SodoChartScene              *shown,
                              SodoChartContent             content,
                              guint                        branch_unit,
                              GError                     **error)
{
  g_autoptr(SodoOrgchart) branch = NULL;
  SodoChartSceneOptions options;
  SodoChartScene *scene;
  guint n_units;

  g_return_val_if_fail (SODO_IS_ORGCHART (chart), NULL);
  g_return_val_if_fail (shown == NULL || SODO_IS_CHART_SCENE (shown), NULL);
  g_return_val_if_fail (shown == NULL || sodo_chart_scene_get_orgchart (shown) == chart, NULL);

  if (scene_options != NULL)
    options = *scene_options;
  else if (shown != NULL)
    sodo_chart_scene_get_options (shown, &options);
  else
    sodo_chart_scene_options_init (&options);
  n_units = sodo_orgchart_get_n_units (chart);

  if (content == SODO_CHART_CONTENT_BRANCH && branch_unit != sodo_orgchart_get_root (chart))
    {
      if (branch_unit >= n_units)
        {
          g_set_error (error, SODO_ERROR, SODO_ERROR_REFERENCE,
                       _("The chart has no such unit to print the branch of."));
          return NULL;
        }
      branch = make_branch_chart (chart, branch_unit, error);
      if (branch == NULL)
        return NULL;
      return sodo_chart_scene_new (branch, &options);
    }

  scene = sodo_chart_scene_new (chart, &options);
  if (content == SODO_CHART_CONTENT_AS_SHOWN && shown != NULL)
    for (guint i = 0; i < n_units; i++)
      if (sodo_chart_scene_get_collapsed (shown, i))
        sodo_chart_scene_set_collapsed (scene, i, TRUE);
  return scene;
}
