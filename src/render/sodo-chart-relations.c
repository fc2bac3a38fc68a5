/* sodo-chart-relations.c: the non-tree relations, as curves between cards
 *
 * Each relation is a cubic Bézier from a side of one card to the facing side of the other,
 * with an arrowhead at its "to" end and its label at its middle, dashed or dotted as its
 * relation kind says. A relation whose end is hidden under a collapsed unit attaches to
 * that unit. The curves are computed once per layout; a frame draws only those whose
 * bounding box meets the area.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "sodo-chart-render-private.h"

#define RELATION_WIDTH      1.3
#define ARROW_LENGTH        8.0
#define ARROW_HALF_WIDTH    3.5
/* Relations cross the tree: a little see-through, so what they pass over stays legible
 * and a bundle of them reads as lines, not a band. */
#define RELATION_ALPHA      0.8
#define MIN_HANDLE          30.0   /* shortest control handle of a curve */
#define LABEL_MAX_WIDTH     160.0
#define LABEL_PAD_X         5.0
#define LABEL_PAD_Y         2.0
/* Room around a curve's control points for its arrowhead and label, for culling. */
#define CURVE_MARGIN        (ARROW_LENGTH + 2)
#define LABEL_MARGIN_X      (LABEL_MAX_WIDTH / 2 + LABEL_PAD_X + 2)
#define LABEL_MARGIN_Y      16.0

/* A relation of this colour when its kind names none (GNOME's dark grey). */
#define DEFAULT_RELATION_COLOR 0x77767b

typedef struct {
  guint32 relation;          /* index into the model's relations */
  gboolean labelled;         /* draws the relation's label (once per target and text) */
  float   x[4];              /* control points */
  float   y[4];
  float   min_x, min_y, max_x, max_y;
} Curve;

typedef struct {
  Curve *curves;
  guint  n_curves;
} Curves;

static void
curves_free (gpointer data)
{
  Curves *curves = data;

  g_free (curves->curves);
  g_free (curves);
}

typedef enum { SIDE_TOP, SIDE_BOTTOM, SIDE_LEFT, SIDE_RIGHT } Side;

/* One end of a curve, while the ends that share a side of a card are spread along it. */
typedef struct {
  guint32 curve;
  guint32 unit;
  guint32 side;
  guint32 end;              /* 0 for "from", 3 for "to": the control point it sets */
  float   toward;           /* the other card's centre, along the side */
} End;

static gboolean
side_is_horizontal (Side side)
{
  return side == SIDE_TOP || side == SIDE_BOTTOM;
}

static void
side_normal (Side    side,
             double *nx,
             double *ny)
{
  *nx = side == SIDE_LEFT ? -1 : side == SIDE_RIGHT ? 1 : 0;
  *ny = side == SIDE_TOP ? -1 : side == SIDE_BOTTOM ? 1 : 0;
}

/* Cards on different levels meet across the level gap, like the hierarchy (top to bottom,
 * or left to right in that orientation); cards on one level meet side to side. */
static void
choose_sides (const SodoLayoutRect  *a,
              const SodoLayoutRect  *b,
              SodoLayoutOrientation  orientation,
              Side                  *side_a,
              Side                  *side_b)
{
  double gap_x = MAX (b->x - (a->x + a->width), a->x - (b->x + b->width));
  double gap_y = MAX (b->y - (a->y + a->height), a->y - (b->y + b->height));
  gboolean b_below = b->y + b->height / 2 > a->y + a->height / 2;
  gboolean b_right = b->x + b->width / 2 > a->x + a->width / 2;
  gboolean vertical = orientation == SODO_LAYOUT_LEFT_RIGHT ? !(gap_x > 0) && gap_y > 0
                                                            : gap_y > 0;

  if (vertical)
    {
      *side_a = b_below ? SIDE_BOTTOM : SIDE_TOP;
      *side_b = b_below ? SIDE_TOP : SIDE_BOTTOM;
    }
  else
    {
      *side_a = b_right ? SIDE_RIGHT : SIDE_LEFT;
      *side_b = b_right ? SIDE_LEFT : SIDE_RIGHT;
    }
}

static int
compare_ends (gconstpointer a,
              gconstpointer b)
{
  const End *ea = a, *eb = b;

  if (ea->unit != eb->unit)
    return ea->unit < eb->unit ? -1 : 1;
  if (ea->side != eb->side)
    return ea->side < eb->side ? -1 : 1;
  if (ea->toward != eb->toward)
    return ea->toward < eb->toward ? -1 : 1;
  return ea->curve < eb->curve ? -1 : ea->curve > eb->curve;
}

/* Places the @n ends sharing one side of @rect along it, in the order of the cards they go
 * to. They keep off the middle of the side, where the tree's connectors meet the card, and
 * use the half that faces the other cards when they all lie one way. */
static void
spread_ends (const End            *ends,
             guint                 n,
             const SodoLayoutRect *rect,
             Curve                *curves)
{
  Side side = ends[0].side;
  gboolean horizontal = side_is_horizontal (side);
  double start = horizontal ? rect->x : rect->y;
  double length = horizontal ? rect->width : rect->height;
  double middle = start + length / 2;
  double low = 0.08, high = 0.92;

  if (ends[0].toward >= middle)
    low = 0.58;
  else if (ends[n - 1].toward <= middle)
    high = 0.42;

  for (guint i = 0; i < n; i++)
    {
      Curve *curve = &curves[ends[i].curve];
      double fraction = n == 1 ? (low + high) / 2 : low + (high - low) * i / (n - 1);
      double along = start + length * fraction;
      double across;

      switch (side)
        {
        case SIDE_TOP:
          across = rect->y;
          break;
        case SIDE_BOTTOM:
          across = rect->y + rect->height;
          break;
        case SIDE_LEFT:
          across = rect->x;
          break;
        case SIDE_RIGHT:
        default:
          across = rect->x + rect->width;
          break;
        }
      curve->x[ends[i].end] = horizontal ? along : across;
      curve->y[ends[i].end] = horizontal ? across : along;
    }
}

/* With both ends placed, the handles: along each side's normal, half the distance between
 * the ends (at least MIN_HANDLE). */
static void
finish_curve (Curve *curve,
              Side   side_a,
              Side   side_b)
{
  double distance = side_is_horizontal (side_a) ? fabs (curve->y[3] - curve->y[0])
                                                : fabs (curve->x[3] - curve->x[0]);
  double handle = MAX (MIN_HANDLE, distance / 2);
  double nx, ny;

  side_normal (side_a, &nx, &ny);
  curve->x[1] = curve->x[0] + nx * handle;
  curve->y[1] = curve->y[0] + ny * handle;
  side_normal (side_b, &nx, &ny);
  curve->x[2] = curve->x[3] + nx * handle;
  curve->y[2] = curve->y[3] + ny * handle;

  /* A Bézier stays inside the hull of its control points. */
  curve->min_x = curve->max_x = curve->x[0];
  curve->min_y = curve->max_y = curve->y[0];
  for (guint i = 1; i < 4; i++)
    {
      curve->min_x = MIN (curve->min_x, curve->x[i]);
      curve->max_x = MAX (curve->max_x, curve->x[i]);
      curve->min_y = MIN (curve->min_y, curve->y[i]);
      curve->max_y = MAX (curve->max_y, curve->y[i]);
    }
}

static guint
visible_end (const SodoLayoutResult *layout,
             SodoChartScene         *scene,
             guint                   unit)
{
  if (unit >= layout->n_nodes)
    return SODO_NO_INDEX;
  if (layout->visible[unit])
    return unit;
  unit = sodo_chart_scene_get_visible_ancestor (scene, unit);
  return unit < layout->n_nodes && layout->visible[unit] ? unit : SODO_NO_INDEX;
}

/* Several relations to one card often say the same ("with the district committees"): the
 * label is drawn on the first of them only. */
static gboolean
label_once (GHashTable         *labels,
            SodoChartScene     *scene,
            const SodoRelation *relation,
            guint               to)
{
  const char *text = sodo_orgchart_text (sodo_chart_scene_get_orgchart (scene), relation->label);

  if (text == NULL || *text == '\0')
    return FALSE;
  return g_hash_table_add (labels, g_strdup_printf ("%u\n%s", to, text));
}

static End
make_end (guint32               curve,
          guint32               unit,
          Side                  side,
          guint32               end,
          const SodoLayoutRect *other)
{
  End e = { curve, unit, side, end, 0 };

  e.toward = side_is_horizontal (side) ? other->x + other->width / 2
                                       : other->y + other->height / 2;
  return e;
}

static Curves *
ensure_curves (SodoChartScene *scene)
{
  const SodoLayoutResult *layout = sodo_chart_scene_get_layout (scene);
  Curves *curves = _sodo_chart_scene_get_cache (scene, _SODO_SCENE_CACHE_RELATIONS);
  const SodoRelation *relations;
  g_autofree End *ends = NULL;
  g_autofree guint8 *sides = NULL;
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_relations = 0, n_ends = 0;

  if (curves != NULL || layout == NULL)
    return curves;

  relations = sodo_orgchart_get_relations (sodo_chart_scene_get_orgchart (scene), &n_relations);
  curves = g_new0 (Curves, 1);
  curves->curves = g_new (Curve, MAX (n_relations, 1));
  ends = g_new (End, 2 * MAX (n_relations, 1));
  sides = g_new (guint8, 2 * MAX (n_relations, 1));

  for (guint i = 0; i < n_relations; i++)
    {
      guint from = visible_end (layout, scene, relations[i].from);
      guint to = visible_end (layout, scene, relations[i].to);
      guint c = curves->n_curves;
      Side side_a, side_b;

      /* Both ends folded into one card: nothing to link. */
      if (from == SODO_NO_INDEX || to == SODO_NO_INDEX || from == to)
        continue;
      choose_sides (&layout->rects[from], &layout->rects[to], layout->orientation, &side_a,
                    &side_b);
      curves->curves[c].relation = i;
      curves->curves[c].labelled = label_once (labels, scene, &relations[i], to);
      sides[2 * c] = side_a;
      sides[2 * c + 1] = side_b;
      ends[n_ends++] = make_end (c, from, side_a, 0, &layout->rects[to]);
      ends[n_ends++] = make_end (c, to, side_b, 3, &layout->rects[from]);
      curves->n_curves++;
    }

  qsort (ends, n_ends, sizeof (End), compare_ends);
  for (guint first = 0, last; first < n_ends; first = last)
    {
      for (last = first + 1;
           last < n_ends && ends[last].unit == ends[first].unit &&
           ends[last].side == ends[first].side;
           last++)
        ;
      spread_ends (&ends[first], last - first, &layout->rects[ends[first].unit],
                   curves->curves);
    }
  for (guint c = 0; c < curves->n_curves; c++)
    finish_curve (&curves->curves[c], sides[2 * c], sides[2 * c + 1]);

  _sodo_chart_scene_set_cache (scene, _SODO_SCENE_CACHE_RELATIONS, curves, curves_free);
  return curves;
}

static void
set_style (cairo_t       *cr,
           SodoLineStyle  style,
           double         scale)
{
  static const double dashes[] = { 7.0, 4.0 };
  static const double dots[] = { 0.1, 3.5 };

  /* Zoomed out, a line keeps at least about a pixel. */
  cairo_set_line_width (cr, MAX (RELATION_WIDTH, 0.8 / scale));
  switch (style)
    {
    case SODO_LINE_DASHED:
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      break;
    case SODO_LINE_DOTTED:
      /* Round caps turn the near-zero dashes into dots. */
      cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      break;
    case SODO_LINE_SOLID:
    default:
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      break;
    }
}

static void
draw_arrowhead (cairo_t     *cr,
                const Curve *curve)
{
  double dx = curve->x[3] - curve->x[2];
  double dy = curve->y[3] - curve->y[2];
  double length = hypot (dx, dy);

  if (length <= 0)
    return;
  dx /= length;
  dy /= length;
  cairo_move_to (cr, curve->x[3], curve->y[3]);
  cairo_line_to (cr, curve->x[3] - dx * ARROW_LENGTH - dy * ARROW_HALF_WIDTH,
                 curve->y[3] - dy * ARROW_LENGTH + dx * ARROW_HALF_WIDTH);
  cairo_line_to (cr, curve->x[3] - dx * ARROW_LENGTH + dy * ARROW_HALF_WIDTH,
                 curve->y[3] - dy * ARROW_LENGTH - dx * ARROW_HALF_WIDTH);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_label (SodoChartScene         *scene,
            cairo_t                *cr,
            const Curve            *curve,
            const char             *text,
            SodoChartColor          color,
            const SodoChartPalette *palette,
            SodoRenderStats        *stats)
{
  SodoChartFonts *fonts = _sodo_chart_scene_get_fonts (scene);
  g_autoptr(PangoLayout) layout = pango_layout_new (_sodo_chart_fonts_get_context (fonts));
  PangoRectangle logical;
  double mx, my, width, height;

  pango_layout_set_font_description (layout, _sodo_chart_fonts_get (fonts, _SODO_CHART_FONT_SMALL));
  pango_layout_set_width (layout, (int) (LABEL_MAX_WIDTH * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  stats->n_shaped++;

  /* The curve's middle: B(1/2) = (P0 + 3 P1 + 3 P2 + P3) / 8. */
  mx = (curve->x[0] + 3 * curve->x[1] + 3 * curve->x[2] + curve->x[3]) / 8;
  my = (curve->y[0] + 3 * curve->y[1] + 3 * curve->y[2] + curve->y[3]) / 8;
  width = (double) logical.width / PANGO_SCALE;
  height = (double) logical.height / PANGO_SCALE;

  _sodo_cairo_rounded_rect (cr, mx - width / 2 - LABEL_PAD_X, my - height / 2 - LABEL_PAD_Y,
                            width + 2 * LABEL_PAD_X, height + 2 * LABEL_PAD_Y,
                            height / 2 + LABEL_PAD_Y);
  _sodo_cairo_set_color (cr, palette->label_background);
  cairo_fill_preserve (cr);
  _sodo_cairo_set_color (cr, color);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  _sodo_cairo_set_color (cr, palette->text);
  cairo_move_to (cr, mx - width / 2 - (double) logical.x / PANGO_SCALE, my - height / 2);
  pango_cairo_show_layout (cr, layout);
  stats->n_texts++;
}

static gboolean
curve_meets (const Curve         *curve,
             const SodoChartRect *area,
             double               margin_x,
             double               margin_y)
{
  return curve->max_x + margin_x >= area->x && curve->min_x - margin_x <= area->x + area->width &&
         curve->max_y + margin_y >= area->y && curve->min_y - margin_y <= area->y + area->height;
}

static SodoChartColor
relation_color (const SodoRelationKind *kind,
                const SodoChartPalette *palette)
{
  SodoChartColor color = _sodo_palette_data_color (palette, kind != NULL && kind->has_color
                                                            ? kind->color : DEFAULT_RELATION_COLOR);

  color.alpha *= RELATION_ALPHA;
  return color;
}

void
_sodo_relations_draw (SodoChartScene         *scene,
                      cairo_t                *cr,
                      const SodoChartRect    *area,
                      const SodoChartPalette *palette,
                      double                  scale,
                      SodoRelationsPass       pass,
                      SodoRenderStats        *stats)
{
  SodoOrgchart *chart = sodo_chart_scene_get_orgchart (scene);
  Curves *curves = ensure_curves (scene);
  const SodoRelation *relations;
  const SodoRelationKind *kinds;
  guint n_relations = 0, n_kinds = 0;
  gboolean labels = pass == _SODO_RELATIONS_LABELS;

  if (curves == NULL)
    return;

  relations = sodo_orgchart_get_relations (chart, &n_relations);
  kinds = sodo_orgchart_get_relation_kinds (chart, &n_kinds);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < curves->n_curves; i++)
    {
      const Curve *curve = &curves->curves[i];
      const SodoRelation *relation = &relations[curve->relation];
      const SodoRelationKind *kind = relation->kind < n_kinds ? &kinds[relation->kind] : NULL;
      SodoChartColor color = relation_color (kind, palette);

      if (labels)
        {
          if (curve->labelled && curve_meets (curve, area, LABEL_MARGIN_X, LABEL_MARGIN_Y))
            draw_label (scene, cr, curve, sodo_orgchart_text (chart, relation->label), color,
                        palette, stats);
          continue;
        }

      if (!curve_meets (curve, area, CURVE_MARGIN, CURVE_MARGIN))
        continue;
      set_style (cr, kind != NULL ? kind->style : SODO_LINE_DASHED, scale);
      _sodo_cairo_set_color (cr, color);
      cairo_move_to (cr, curve->x[0], curve->y[0]);
      cairo_curve_to (cr, curve->x[1], curve->y[1], curve->x[2], curve->y[2],
                      curve->x[3], curve->y[3]);
      cairo_stroke (cr);
      draw_arrowhead (cr, curve);
      stats->n_relations++;
    }
  cairo_restore (cr);
}
