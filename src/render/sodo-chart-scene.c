/* sodo-chart-scene.c: card measurements, the collapsed set and the layout of one chart
 *
 * Per unit the scene keeps a few bytes (card height, name line count, collapsed flag,
 * descendant count) and copies of the child links in the layout's form; everything else is
 * read from the model when drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "model/sodo-language.h"

#include "sodo-chart-render-private.h"

/* Shaped card texts kept between frames: sets of two, chosen by a hash of the unit. Enough
 * for every card on a large screen at the smallest scale that shows text. */
#define TEXT_CACHE_SETS 2048
#define TEXT_CACHE_WAYS 2

typedef struct {
  guint32         unit;    /* SODO_NO_INDEX when free */
  guint32         stamp;   /* last use, for the replacement within the set */
  SodoCardLayouts layouts;
} TextCacheEntry;

struct _SodoChartScene {
  GObject                parent_instance;

  SodoOrgchart          *chart;
  SodoChartSceneOptions  options;
  char                  *font_family;
  SodoChartFonts        *fonts;
  const char            *language;        /* the language the cards were measured in */

  guint                  n_units;
  guint                  root;
  uint32_t              *first_child;     /* the model's links, as the layout reads them */
  uint32_t              *next_sibling;
  float                 *widths;
  float                 *heights;
  guint8                *name_lines;
  guint8                *collapsed;
  guint32               *descendants;
  guint8                *used_kinds;
  guint8                *used_relation_kinds;

  SodoLayoutResult      *layout;
  gboolean               layout_stale;

  TextCacheEntry        *text_cache;      /* TEXT_CACHE_SETS * TEXT_CACHE_WAYS */
  guint32                text_stamp;

  gpointer               caches[_SODO_SCENE_N_CACHES];
  GDestroyNotify         cache_destroy[_SODO_SCENE_N_CACHES];
};

G_DEFINE_FINAL_TYPE (SodoChartScene, sodo_chart_scene, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Used for kinds that name no colour: GNOME's palette, by kind index. */
static const guint32 fallback_kind_colors[] = {
  0x3584e4, 0x2ec27e, 0xf5c211, 0xff7800, 0xe01b24, 0x9141ac, 0x986a44, 0x6f8396,
};

void
sodo_chart_scene_options_init (SodoChartSceneOptions *options)
{
  g_return_if_fail (options != NULL);

  options->orientation = SODO_LAYOUT_TOP_DOWN;
  options->compact = FALSE;
  options->compact_min_leaves = SODO_CHART_COMPACT_MIN_LEAVES;
  options->sibling_gap = 20.0f;
  options->subtree_gap = 40.0f;
  options->level_gap = 48.0f;
  options->card_width = 200.0f;
  options->font_family = NULL;
  options->font_size = 12.0;
}

static void
clear_caches (SodoChartScene *self)
{
  for (guint i = 0; i < _SODO_SCENE_N_CACHES; i++)
    {
      if (self->caches[i] != NULL && self->cache_destroy[i] != NULL)
        self->cache_destroy[i] (self->caches[i]);
      self->caches[i] = NULL;
      self->cache_destroy[i] = NULL;
    }
}

static void
clear_text_cache (SodoChartScene *self)
{
  for (guint i = 0; i < TEXT_CACHE_SETS * TEXT_CACHE_WAYS; i++)
    {
      _sodo_card_layouts_clear (&self->text_cache[i].layouts);
      self->text_cache[i].unit = SODO_NO_INDEX;
      self->text_cache[i].stamp = 0;
    }
}

static void
invalidate_layout (SodoChartScene *self)
{
  clear_caches (self);
  g_clear_pointer (&self->layout, sodo_layout_result_free);
  self->layout_stale = TRUE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
sodo_chart_scene_finalize (GObject *object)
{
  SodoChartScene *self = SODO_CHART_SCENE (object);

  clear_caches (self);
  clear_text_cache (self);
  g_free (self->text_cache);
  g_clear_pointer (&self->layout, sodo_layout_result_free);
  g_clear_pointer (&self->fonts, _sodo_chart_fonts_free);
  g_free (self->font_family);
  g_free (self->first_child);
  g_free (self->next_sibling);
  g_free (self->widths);
  g_free (self->heights);
  g_free (self->name_lines);
  g_free (self->collapsed);
  g_free (self->descendants);
  g_free (self->used_kinds);
  g_free (self->used_relation_kinds);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (sodo_chart_scene_parent_class)->finalize (object);
}

static void
sodo_chart_scene_class_init (SodoChartSceneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sodo_chart_scene_finalize;

  /**
   * SodoChartScene::changed:
   *
   * The layout is stale (collapse, options, measurements changed): positions, bounds and
   * the result of sodo_chart_scene_get_layout() will differ. Redraw.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
sodo_chart_scene_init (SodoChartScene *self)
{
  self->layout_stale = TRUE;
  self->text_cache = g_new0 (TextCacheEntry, TEXT_CACHE_SETS * TEXT_CACHE_WAYS);
  for (guint i = 0; i < TEXT_CACHE_SETS * TEXT_CACHE_WAYS; i++)
    self->text_cache[i].unit = SODO_NO_INDEX;
}

/* Descendant counts in one pass over a pre-order of the tree, without recursion. */
static void
count_descendants (SodoChartScene *self)
{
  const SodoUnit *units = sodo_orgchart_get_units (self->chart);
  g_autofree guint32 *order = g_new (guint32, self->n_units);
  guint n_order = 0;

  self->descendants = g_new0 (guint32, self->n_units);
  if (self->n_units == 0)
    return;

  /* Breadth-first: a unit comes after its parent, so walking the order backwards adds each
   * subtree to its parent after the subtree is complete. */
  order[n_order++] = self->root;
  for (guint head = 0; head < n_order; head++)
    for (guint32 child = units[order[head]].first_child;
         child != SODO_NO_INDEX && n_order < self->n_units;
         child = units[child].next_sibling)
      order[n_order++] = child;

  for (guint i = n_order; i-- > 1; )
    {
      guint32 unit = order[i];

      self->descendants[units[unit].parent] += self->descendants[unit] + 1;
    }
}

static void
copy_structure (SodoChartScene *self)
{
  const SodoUnit *units = sodo_orgchart_get_units (self->chart);
  guint n_kinds = 0, n_relation_kinds = 0, n_relations = 0;
  const SodoRelation *relations = sodo_orgchart_get_relations (self->chart, &n_relations);

  sodo_orgchart_get_kinds (self->chart, &n_kinds);
  sodo_orgchart_get_relation_kinds (self->chart, &n_relation_kinds);

  self->n_units = sodo_orgchart_get_n_units (self->chart);
  self->root = sodo_orgchart_get_root (self->chart);
  self->first_child = g_new (uint32_t, self->n_units);
  self->next_sibling = g_new (uint32_t, self->n_units);
  self->widths = g_new (float, self->n_units);
  self->heights = g_new (float, self->n_units);
  self->name_lines = g_new (guint8, self->n_units);
  self->collapsed = g_new0 (guint8, self->n_units);
  self->used_kinds = g_new0 (guint8, n_kinds + 1);
  self->used_relation_kinds = g_new0 (guint8, n_relation_kinds + 1);

  /* SODO_NO_INDEX and SODO_LAYOUT_NONE are both the largest 32-bit value. */
  G_STATIC_ASSERT (SODO_NO_INDEX == SODO_LAYOUT_NONE);
  for (guint i = 0; i < self->n_units; i++)
    {
      self->first_child[i] = units[i].first_child;
      self->next_sibling[i] = units[i].next_sibling;
      if (units[i].kind < n_kinds)
        self->used_kinds[units[i].kind] = 1;
    }
  for (guint i = 0; i < n_relations; i++)
    if (relations[i].kind < n_relation_kinds)
      self->used_relation_kinds[relations[i].kind] = 1;

  count_descendants (self);
}

static void
measure_cards (SodoChartScene *self)
{
  double text_width = _sodo_card_text_width (self->options.card_width);
  const SodoUnit *units = sodo_orgchart_get_units (self->chart);

  if (self->fonts == NULL)
    self->fonts = _sodo_chart_fonts_new (self->font_family, self->options.font_size);
  self->language = sodo_language_get ();

  for (guint i = 0; i < self->n_units; i++)
    {
      const char *name = sodo_orgchart_text (self->chart, units[i].name);
      gboolean has_second, has_bottom;
      guint lines;

      _sodo_card_get_lines (self->chart, i, &has_second, &has_bottom);
      lines = _sodo_chart_fonts_count_lines (self->fonts, name, text_width,
                                             _SODO_CARD_NAME_MAX_LINES);
      self->name_lines[i] = lines;
      self->widths[i] = self->options.card_width;
      self->heights[i] = _sodo_card_height (self->fonts, lines, has_second, has_bottom, TRUE);
    }
}

static void
copy_options (SodoChartScene              *self,
              const SodoChartSceneOptions *options)
{
  g_autofree char *old_family = g_steal_pointer (&self->font_family);

  self->options = *options;
  self->font_family = g_strdup (options->font_family != NULL && *options->font_family != '\0'
                                ? options->font_family : SODO_CHART_DEFAULT_FONT_FAMILY);
  self->options.font_family = self->font_family;
  if (!(self->options.font_size > 0))
    self->options.font_size = 12.0;
  if (!(self->options.card_width > 0))
    self->options.card_width = 200.0f;
  if (self->options.compact_min_leaves < 1)
    self->options.compact_min_leaves = 1;
}

SodoChartScene *
sodo_chart_scene_new (SodoOrgchart                *chart,
                      const SodoChartSceneOptions *options)
{
  SodoChartScene *self;
  SodoChartSceneOptions defaults;

  g_return_val_if_fail (SODO_IS_ORGCHART (chart), NULL);

  if (options == NULL)
    {
      sodo_chart_scene_options_init (&defaults);
      options = &defaults;
    }

  self = g_object_new (SODO_TYPE_CHART_SCENE, NULL);
  self->chart = g_object_ref (chart);
  copy_options (self, options);
  copy_structure (self);
  measure_cards (self);

  return self;
}

SodoOrgchart *
sodo_chart_scene_get_orgchart (SodoChartScene *self)
{
  g_return_val_if_fail (SODO_IS_CHART_SCENE (self), NULL);

  return self->chart;
}

void
sodo_chart_scene_get_options (SodoChartScene        *self,
                              SodoChartSceneOptions *options)
{
  g_return_if_fail (SODO_IS_CHART_SCENE (self));
  g_return_if_fail (options != NULL);

  *options = self->options;
}

void
sodo_chart_scene_set_options (SodoChartScene              *self,
                              const SodoChartSceneOptions *options)
{
  gboolean remeasure;

  g_return_if_fail (SODO_IS_CHART_SCENE (self));
  g_return_if_fail (options != NULL);

  remeasure = options->card_width != self->options.card_width ||
              options->font_size != self->options.font_size ||
              g_strcmp0 (options->font_family != NULL ? options->font_family
                                                      : SODO_CHART_DEFAULT_FONT_FAMILY,
                         self->font_family) != 0;
  copy_options (self, options);
  if (remeasure)
    {
      clear_text_cache (self);
      g_clear_pointer (&self->fonts, _sodo_chart_fonts_free);
      measure_cards (self);
    }
  invalidate_layout (self);
}

void
sodo_chart_scene_set_orientation (SodoChartScene        *self,
                                  SodoLayoutOrientation  orientation)
{
  g_return_if_fail (SODO_IS_CHART_SCENE (self));

  if (self->options.orientation == orientation)
    return;
  self->options.orientation = orientation;
  invalidate_layout (self);
}

void
sodo_chart_scene_set_compact (SodoChartScene *self,
                              gboolean        compact)
{
  g_return_if_fail (SODO_IS_CHART_SCENE (self));

  compact = !!compact;
  if (self->options.compact == compact)
    return;
  self->options.compact = compact;
  invalidate_layout (self);
}

void
sodo_chart_scene_remeasure (SodoChartScene *self)
{
  g_return_if_fail (SODO_IS_CHART_SCENE (self));

  clear_text_cache (self);
  measure_cards (self);
  invalidate_layout (self);
}

static void
ensure_layout (SodoChartScene *self)
{
  SodoLayoutTree tree = { 0, };
  SodoLayoutOptions options;
  SodoLayoutStatus status = SODO_LAYOUT_OK;

  /* Data text follows the UI language: a switch changes the names, so the sizes. */
  if (g_strcmp0 (self->language, sodo_language_get ()) != 0)
    sodo_chart_scene_remeasure (self);

  if (!self->layout_stale)
    return;

  tree.n_nodes = self->n_units;
  tree.root = self->root;
  tree.first_child = self->first_child;
  tree.next_sibling = self->next_sibling;
  tree.width = self->widths;
  tree.height = self->heights;
  tree.collapsed = self->collapsed;

  sodo_layout_options_init (&options);
  options.orientation = self->options.orientation;
  options.compact = self->options.compact;
  options.compact_min_leaves = self->options.compact_min_leaves;
  options.sibling_gap = self->options.sibling_gap;
  options.subtree_gap = self->options.subtree_gap;
  options.level_gap = self->options.level_gap;

  self->layout = sodo_layout_compute (&tree, &options, &status);
  self->layout_stale = FALSE;
  if (self->layout == NULL)
    {
      g_critical ("Chart layout failed: %s", sodo_layout_status_to_string (status));
      return;
    }
  /* With the layout rather than on the first zoomed-out frame, which must stay fast. */
  _sodo_overview_prepare (self);
}

const SodoLayoutResult *
sodo_chart_scene_get_layout (SodoChartScene *self)
{
  g_return_val_if_fail (SODO_IS_CHART_SCENE (self), NULL);

  ensure_layout (self);
  return self->layout;
}

void
sodo_chart_scene_get_bounds (SodoChartScene *self,
                             SodoLayoutRect *bounds)
{
  const SodoLayoutResult *layout;
  SodoLayoutRect empty = { 0, 0, 0, 0 };

  g_return_if_fail (SODO_IS_CHART_SCENE (self));
  g_return_if_fail (bounds != NULL);

  layout = sodo_chart_scene_get_layout (self);
  *bounds = layout != NULL ? layout->bounds : empty;
}

gboolean
sodo_chart_scene_is_unit_visible (SodoChartScene *self,
                                  guint           unit)
{
  const SodoLayoutResult *layout;

  g_return_val_if_fail (SODO_IS_CHART_SCENE (self), FALSE);

  layout = sodo_chart_scene_get_layout (self);
  return layout != NULL && unit < layout->n_nodes && layout->visible[unit];
}

gboolean
sodo_chart_scene_get_unit_rect (SodoChartScene *self,
                                guint           unit,
                                SodoLayoutRect *rect)
{
  SodoLayoutRect empty = { 0, 0, 0, 0 };

  g_return_val_if_fail (SODO_IS_CHART_SCENE (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (!sodo_chart_scene_is_unit_visible (self, unit))
    {
      *rect = empty;
      return FALSE;
    }
  *rect = self->layout->rects[unit];
  return TRUE;
}

guint
sodo_chart_scene_unit_at (SodoChartScene *self,
                          double          x,
                          double          y)
{
  const SodoLayoutResult *layout;

  g_return_val_if_fail (SODO_IS_CHART_SCENE (self), SODO_NO_INDEX);

  layout = sodo_chart_scene_get_layout (self);
  if (layout == NULL)
    return SODO_NO_INDEX;
  return sodo_layout_node_at (layout, x, y);
}

gsize
sodo_chart_scene_visible_units_in_rect (SodoChartScene *self,
                                        double          x,
                                        double          y,
                                        double          width,
                                        double          height,
                                        guint32        *out,
                                        gsize           max_out)
{
  const SodoLayoutResult *layout;

  g_return_val_if_fail (SODO_IS_CHART_SCENE (self), 0);
  g_return_val_if_fail (out != NULL || max_out == 0, 0);

  layout = sodo_chart_scene_get_layout (self);
  if (layout == NULL)
    return 0;
  return sodo_layout_query_nodes (layout, x, y, width, height, out, max_out);
}

gboolean
sodo_chart_scene_get_collapsed (SodoChartScene *self,
                                guint           unit)
{
  g_return_val_if_fail (SODO_IS_CHART_SCENE (self), FALSE);

  return unit < self->n_units && self->collapsed[unit];
}

void
sodo_chart_scene_set_collapsed (SodoChartScene *self,
                                guint           unit,
                                gboolean        collapsed)
{
  g_return_if_fail (SODO_IS_CHART_SCENE (self));
  g_return_if_fail (unit < self->n_units);

  collapsed = collapsed && self->first_child[unit] != SODO_NO_INDEX;
  if (self->collapsed[unit] == !!collapsed)
    return;
  self->collapsed[unit] = !!collapsed;
  invalidate_layout (self);
}

void
sodo_chart_scene_set_subtree_collapsed (SodoChartScene *self,
                                        guint           unit,
                                        gboolean        collapsed)
{
  g_autofree guint32 *stack = NULL;
  gsize n_stack = 0;
  gboolean changed = FALSE;

  g_return_if_fail (SODO_IS_CHART_SCENE (self));
  g_return_if_fail (unit < self->n_units);

  stack = g_new (guint32, self->descendants[unit] + 1);
  stack[n_stack++] = unit;
  while (n_stack > 0)
    {
      guint32 current = stack[--n_stack];
      guint8 value = collapsed && self->first_child[current] != SODO_NO_INDEX;

      changed |= self->collapsed[current] != value;
      self->collapsed[current] = value;
      for (guint32 child = self->first_child[current];
           child != SODO_NO_INDEX;
           child = self->next_sibling[child])
        stack[n_stack++] = child;
    }
  if (changed)
    invalidate_layout (self);
}

void
sodo_chart_scene_collapse_to_depth (SodoChartScene *self,
                                    guint           depth)
{
  const SodoUnit *units;
  gboolean changed = FALSE;

  g_return_if_fail (SODO_IS_CHART_SCENE (self));

  units = sodo_orgchart_get_units (self->chart);
  for (guint i = 0; i < self->n_units; i++)
    {
      guint8 value = units[i].depth >= depth && self->first_child[i] != SODO_NO_INDEX;

      changed |= self->collapsed[i] != value;
      self->collapsed[i] = value;
    }
  if (changed)
    invalidate_layout (self);
}

guint
sodo_chart_scene_get_descendant_count (SodoChartScene *self,
                                       guint           unit)
{
  g_return_val_if_fail (SODO_IS_CHART_SCENE (self), 0);
  g_return_val_if_fail (unit < self->n_units, 0);

  return self->descendants[unit];
}

guint
sodo_chart_scene_get_visible_ancestor (SodoChartScene *self,
                                       guint           unit)
{
  const SodoUnit *units;
  guint visible = unit;

  g_return_val_if_fail (SODO_IS_CHART_SCENE (self), SODO_NO_INDEX);
  g_return_val_if_fail (unit < self->n_units, SODO_NO_INDEX);

  /* The highest collapsed ancestor hides everything below it, and is itself shown. */
  units = sodo_orgchart_get_units (self->chart);
  for (guint32 up = units[unit].parent; up != SODO_NO_INDEX; up = units[up].parent)
    if (self->collapsed[up])
      visible = up;
  return visible;
}

void
sodo_chart_scene_reveal_unit (SodoChartScene *self,
                              guint           unit)
{
  const SodoUnit *units;
  gboolean changed = FALSE;

  g_return_if_fail (SODO_IS_CHART_SCENE (self));
  g_return_if_fail (unit < self->n_units);

  units = sodo_orgchart_get_units (self->chart);
  for (guint32 up = units[unit].parent; up != SODO_NO_INDEX; up = units[up].parent)
    if (self->collapsed[up])
      {
        self->collapsed[up] = 0;
        changed = TRUE;
      }
  if (changed)
    invalidate_layout (self);
}

/* ---- For the other files of the render layer ---- */

SodoChartFonts *
_sodo_chart_scene_get_fonts (SodoChartScene *self)
{
  return self->fonts;
}

double
_sodo_chart_scene_get_card_width (SodoChartScene *self)
{
  return self->options.card_width;
}

guint
_sodo_chart_scene_get_name_lines (SodoChartScene *self,
                                  guint           unit)
{
  g_return_val_if_fail (unit < self->n_units, 1);

  return self->name_lines[unit];
}

static inline guint
text_cache_set (guint unit)
{
  return (guint) (((guint64) unit * 2654435761u) >> 7) % TEXT_CACHE_SETS;
}

const SodoCardLayouts *
_sodo_chart_scene_get_card_layouts (SodoChartScene *self,
                                    guint           unit,
                                    gboolean        with_details,
                                    gboolean       *shaped)
{
  TextCacheEntry *set, *entry;

  g_return_val_if_fail (unit < self->n_units, NULL);

  set = &self->text_cache[text_cache_set (unit) * TEXT_CACHE_WAYS];
  self->text_stamp++;

  entry = &set[0];
  for (guint way = 0; way < TEXT_CACHE_WAYS; way++)
    {
      if (set[way].unit == unit)
        {
          set[way].stamp = self->text_stamp;
          *shaped = _sodo_card_layouts_build (&set[way].layouts, self, unit, with_details);
          return &set[way].layouts;
        }
      if (set[way].stamp < entry->stamp)
        entry = &set[way];
    }

  _sodo_card_layouts_clear (&entry->layouts);
  *shaped = _sodo_card_layouts_build (&entry->layouts, self, unit, with_details);
  entry->unit = unit;
  entry->stamp = self->text_stamp;
  return &entry->layouts;
}

gboolean
_sodo_chart_scene_has_card_layouts (SodoChartScene *self,
                                    guint           unit,
                                    gboolean        with_details)
{
  TextCacheEntry *set;

  g_return_val_if_fail (unit < self->n_units, FALSE);

  set = &self->text_cache[text_cache_set (unit) * TEXT_CACHE_WAYS];
  for (guint way = 0; way < TEXT_CACHE_WAYS; way++)
    if (set[way].unit == unit)
      return !with_details || set[way].layouts.has_details;
  return FALSE;
}

gpointer
_sodo_chart_scene_get_cache (SodoChartScene *self,
                             SodoSceneCache  cache)
{
  g_return_val_if_fail (cache < _SODO_SCENE_N_CACHES, NULL);

  return self->caches[cache];
}

void
_sodo_chart_scene_set_cache (SodoChartScene *self,
                             SodoSceneCache  cache,
                             gpointer        data,
                             GDestroyNotify  destroy)
{
  g_return_if_fail (cache < _SODO_SCENE_N_CACHES);

  if (self->caches[cache] != NULL && self->cache_destroy[cache] != NULL)
    self->cache_destroy[cache] (self->caches[cache]);
  self->caches[cache] = data;
  self->cache_destroy[cache] = destroy;
}

guint32
_sodo_chart_scene_get_kind_color (SodoChartScene *self,
                                  guint           kind)
{
  guint n_kinds = 0;
  const SodoKind *kinds = sodo_orgchart_get_kinds (self->chart, &n_kinds);

  if (kind < n_kinds && kinds[kind].has_color)
    return kinds[kind].color;
  return fallback_kind_colors[kind % G_N_ELEMENTS (fallback_kind_colors)];
}

gboolean
_sodo_chart_scene_kind_is_used (SodoChartScene *self,
                                guint           kind)
{
  guint n_kinds = 0;

  sodo_orgchart_get_kinds (self->chart, &n_kinds);
  return kind < n_kinds && self->used_kinds[kind];
}

gboolean
_sodo_chart_scene_relation_kind_is_used (SodoChartScene *self,
                                         guint           relation_kind)
{
  guint n_kinds = 0;

  sodo_orgchart_get_relation_kinds (self->chart, &n_kinds);
  return relation_kind < n_kinds && self->used_relation_kinds[relation_kind];
}
