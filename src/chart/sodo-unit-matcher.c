/* sodo-unit-matcher.c: finding the units of a chart by what a user types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "model/sodo-language.h"
#include "model/sodo-text.h"

#include "sodo-unit-matcher.h"

#define MATCHER_DATA_KEY "sodo-unit-matcher"

/* The searchable text of every unit: each unit's fields in every language the data gives,
 * folded, separated by '\n' (which a folded query never holds, so no match spans two
 * fields), in one buffer. */
typedef struct {
  GString *text;
  gsize   *offsets;    /* start of each unit's text in @text, by unit index */
} FoldedChart;

struct _SodoUnitMatcher
{
  SodoOrgchart *chart;
  gboolean      owns_chart;
  guint         n_units;
  guint32      *order;     /* units in tree order (made on first use) */
  guint         n_order;
  guint32      *rank;      /* position of each unit in @order, G_MAXUINT32 if unreachable */
  FoldedChart  *folded;    /* made on the first search */
};

static void
folded_chart_free (FoldedChart *folded)
{
  if (folded == NULL)
    return;

  g_string_free (folded->text, TRUE);
  g_free (folded->offsets);
  g_free (folded);
}

static SodoUnitMatcher *
matcher_new (SodoOrgchart *chart,
             gboolean      owns_chart)
{
  SodoUnitMatcher *self = g_new0 (SodoUnitMatcher, 1);

  self->chart = owns_chart ? g_object_ref (chart) : chart;
  self->owns_chart = owns_chart;
  self->n_units = sodo_orgchart_get_n_units (chart);
  return self;
}

SodoUnitMatcher *
sodo_unit_matcher_new (SodoOrgchart *chart)
{
  g_return_val_if_fail (SODO_IS_ORGCHART (chart), NULL);

  return matcher_new (chart, TRUE);
}

void
sodo_unit_matcher_free (SodoUnitMatcher *self)
{
  if (self == NULL)
    return;

  folded_chart_free (self->folded);
  g_free (self->order);
  g_free (self->rank);
  if (self->owns_chart)
    g_object_unref (self->chart);
  g_free (self);
}

SodoUnitMatcher *
sodo_unit_matcher_get_for_chart (SodoOrgchart *chart)
{
  SodoUnitMatcher *matcher;

  g_return_val_if_fail (SODO_IS_ORGCHART (chart), NULL);

  matcher = g_object_get_data (G_OBJECT (chart), MATCHER_DATA_KEY);
  if (matcher == NULL)
    {
      /* The chart owns this one: it must not hold the chart back. */
      matcher = matcher_new (chart, FALSE);
      g_object_set_data_full (G_OBJECT (chart), MATCHER_DATA_KEY, matcher,
                              (GDestroyNotify) sodo_unit_matcher_free);
    }
  return matcher;
}

/* Walks the tree without recursion (a chart may be a million levels deep). */
static void
ensure_tree_order (SodoUnitMatcher *self)
{
  const SodoUnit *units;
  guint unit;

  if (self->order != NULL)
    return;

  units = sodo_orgchart_get_units (self->chart);
  self->order = g_new (guint32, MAX (self->n_units, 1));
  self->rank = g_new (guint32, MAX (self->n_units, 1));
  memset (self->rank, 0xff, sizeof (guint32) * MAX (self->n_units, 1));
  self->n_order = 0;

  unit = self->n_units > 0 ? sodo_orgchart_get_root (self->chart) : SODO_NO_INDEX;
  while (unit != SODO_NO_INDEX && self->n_order < self->n_units)
    {
      self->rank[unit] = self->n_order;
      self->order[self->n_order++] = unit;

      if (units[unit].first_child != SODO_NO_INDEX)
        {
          unit = units[unit].first_child;
          continue;
        }
      while (unit != SODO_NO_INDEX && units[unit].next_sibling == SODO_NO_INDEX)
        unit = units[unit].parent;
      if (unit != SODO_NO_INDEX)
        unit = units[unit].next_sibling;
    }
}

guint
sodo_unit_matcher_get_tree_rank (SodoUnitMatcher *self,
                                 guint            unit)
{
  g_return_val_if_fail (self != NULL, G_MAXUINT32);
  g_return_val_if_fail (unit < self->n_units, G_MAXUINT32);

  ensure_tree_order (self);
  return self->rank[unit];
}

/* Appends @str folded, with every run of blanks made one space, so that the query's words,
 * joined by single spaces, match text laid out with any spacing. */
static void
append_folded (GString    *out,
               const char *str)
{
  g_autofree char *folded = sodo_fold_for_search (str);
  gboolean pending_space = FALSE;
  gsize start = out->len;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > start;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }
}

static void
append_field (GString    *out,
              gsize       unit_start,
              const char *str)
{
  if (str == NULL || *str == '\0')
    return;

  if (out->len > unit_start)
    g_string_append_c (out, '\n');
  append_folded (out, str);
}

/* Every language of @text: a Vietnamese name or abbreviation ("HĐND") finds its unit in an
 * English UI too, and an English name in a Vietnamese one. */
static void
append_text_field (SodoUnitMatcher *self,
                   GString         *out,
                   gsize            unit_start,
                   SodoText         text)
{
  SodoTextPool *pool = sodo_orgchart_get_text_pool (self->chart);
  guint n_entries;

  if (text == SODO_TEXT_NONE)
    return;

  n_entries = sodo_text_pool_get_n_entries (pool, text);
  if (n_entries == 0)
    append_field (out, unit_start, sodo_text_pool_resolve (pool, text, NULL, NULL));
  for (guint i = 0; i < n_entries; i++)
    {
      const char *entry = NULL;

      sodo_text_pool_get_entry (pool, text, i, NULL, &entry);
      append_field (out, unit_start, entry);
    }
}

/* Each unit's text is read on its own, ended by '\0'. */
static void
append_unit_text (SodoUnitMatcher *self,
                  GString         *out,
                  guint            unit_index)
{
  const SodoUnit *unit = sodo_orgchart_get_unit (self->chart, unit_index);
  const SodoUnitDetails *details = sodo_orgchart_get_details (self->chart, unit_index);
  gsize unit_start = out->len;

  append_text_field (self, out, unit_start, unit->name);
  append_text_field (self, out, unit_start, unit->short_name);
  append_text_field (self, out, unit_start, unit->host);
  for (guint i = 0; i < details->n_people; i++)
    append_field (out, unit_start, details->people[i].name);
  g_string_append_c (out, '\0');
}

static FoldedChart *
ensure_folded (SodoUnitMatcher *self)
{
  FoldedChart *folded = self->folded;

  if (folded != NULL)
    return folded;

  folded = g_new0 (FoldedChart, 1);
  folded->text = g_string_sized_new (self->n_units * 96 + 1);
  folded->offsets = g_new (gsize, MAX (self->n_units, 1));
  for (guint unit = 0; unit < self->n_units; unit++)
    {
      folded->offsets[unit] = folded->text->len;
      append_unit_text (self, folded->text, unit);
    }

  self->folded = folded;
  return folded;
}

/* The folded words of @query; NULL when it has none. */
static char **
split_query (const char *query)
{
  g_autofree char *folded = sodo_fold_for_search (query);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_auto(GStrv) parts = g_strsplit_set (folded, " \t\r\n\f\v", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));

  if (words->len == 0)
    return NULL;
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

static gboolean
has_every_word (const char         *text,
                const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (text, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

GArray *
sodo_unit_matcher_find (SodoUnitMatcher *self,
                        const char      *query)
{
  GArray *matches;
  g_auto(GStrv) words = NULL;
  g_autofree char *phrase = NULL;
  FoldedChart *folded;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  matches = g_array_new (FALSE, FALSE, sizeof (guint));
  words = split_query (query);
  if (words == NULL)
    return matches;

  ensure_tree_order (self);
  folded = ensure_folded (self);
  phrase = g_strjoinv (" ", words);

  for (guint i = 0; i < self->n_order; i++)
    {
      guint unit = self->order[i];

      if (strstr (folded->text->str + folded->offsets[unit], phrase) != NULL)
        g_array_append_val (matches, unit);
    }

  if (matches->len > 0 || g_strv_length (words) < 2)
    return matches;

  for (guint i = 0; i < self->n_order; i++)
    {
      guint unit = self->order[i];

      if (has_every_word (folded->text->str + folded->offsets[unit], (const char * const *) words))
        g_array_append_val (matches, unit);
    }
  return matches;
}
