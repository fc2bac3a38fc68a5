/* sodo-chart-relations.c: the non-tree relations, as curves between cards
 *
 * Each relation is a cubic Bézier from a side of one card to a side of the other, with an
 * arrowhead at its "to" end and its label at its middle, dashed or dotted as its relation
 * kind says. A relation whose end is hidden under a collapsed unit attaches to that unit;
 * relations of one kind that fold onto the same two cards are drawn as one curve. The
 * curves are computed once per layout; a frame draws only those whose bounding box meets
 * the area.
 *
 * On screen (params->subdue_relations) the relations inform without taking over: they are
 * drawn light and thin, without labels, except those that touch the selected or the hovered
 * card, which are drawn in full colour with their labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "sodo-chart-render-private.h"

#define RELATION_WIDTH      1.3
#define EMPHASIS_WIDTH      2.0
#define SUBDUED_WIDTH       1.0
#define ARROW_LENGTH        8.0
#define ARROW_HALF_WIDTH    3.5
/* Space between an arrowhead's tip and the card it points at, so the tip stays clear of
 * the card's border and shadow. */
#define ARROW_GAP           1.5
/* Relations cross the tree: a little see-through, so what they pass over stays legible
 * and a bundle of them reads as lines, not a band. Subdued, they are a hint. */
#define RELATION_ALPHA      0.8
#define SUBDUED_ALPHA       0.3
#define EMPHASIS_ALPHA      1.0
#define MIN_HANDLE          30.0   /* shortest control handle of a curve */
/* Handle of a curve leaving and entering cards on the same side (two cards of one column
 * of a compact stack): its bulge, three quarters of it, stays in the gap beside the column
 * rather than on the next column's connector. */
#define SAME_SIDE_HANDLE    14.0
/* Least distance between two ends on one side of a card: an arrowhead and a little air. */
#define MIN_END_SPACING     (2 * ARROW_HALF_WIDTH + 5)
/* Part of each end of a side left free (the rounded corners), and half the width of the
 * middle part left to a tree connector meeting the side. */
#define SIDE_MARGIN         0.08
#define CONNECTOR_CLEARANCE 10.0
#define LABEL_MAX_WIDTH     160.0
#define LABEL_PAD_X         5.0
#define LABEL_PAD_Y         2.0
/* Room around a curve's control points for its arrowhead and label, for culling. */
#define CURVE_MARGIN        (ARROW_LENGTH + ARROW_GAP + 2)
#define LABEL_MARGIN_X      (LABEL_MAX_WIDTH / 2 + LABEL_PAD_X + 2)
#define LABEL_MARGIN_Y      16.0

/* A relation of this colour when its kind names none (GNOME's dark grey). */
#define DEFAULT_RELATION_COLOR 0x77767b

typedef enum { SIDE_TOP, SIDE_BOTTOM, SIDE_LEFT, SIDE_RIGHT } Side;

typedef struct {
  guint32  relation;         /* the first of the relations drawn by this curve */
  guint32  label_relation;   /* the first of them with a label, or SODO_NO_INDEX */
  guint32  from;             /* the visible cards it links */
  guint32  to;
  guint32  n_relations;      /* relations drawn by this curve (folded onto the same cards) */
  gboolean labelled;         /* draws its label (once per target and text) */
  guint8   from_side;
  guint8   to_side;
  float    x[4];             /* control points; x[3], y[3] is the arrowhead's tip */
  float    y[4];
  float    min_x, min_y, max_x, max_y;
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

/* The side of @unit's card a relation to @other leaves from. Cards on different levels
 * meet across the level gap, like the hierarchy (top to bottom, or left to right in that
 * orientation); cards on one level meet side to side. A card in a compact stack has cards
 * right above and below it (beside it in left-right) and its connector on its left (top):
 * it meets every other card on the side facing it across the columns. */
static Side
choose_side (const SodoLayoutResult *layout,
             guint                   unit,
             guint                   other)
{
  const SodoLayoutRect *a = &layout->rects[unit];
  const SodoLayoutRect *b = &layout->rects[other];
  gboolean left_right = layout->orientation == SODO_LAYOUT_LEFT_RIGHT;
  double gap_x = MAX (b->x - (a->x + a->width), a->x - (b->x + b->width));
  double gap_y = MAX (b->y - (a->y + a->height), a->y - (b->y + b->height));
  gboolean b_below = b->y + b->height / 2 > a->y + a->height / 2;
  gboolean b_right = b->x + b->width / 2 > a->x + a->width / 2;
  gboolean vertical;

  if (layout->stacked != NULL && layout->stacked[unit])
    {
      if (left_right)
        return b->y + b->height / 2 < a->y ? SIDE_TOP : SIDE_BOTTOM;
      return b->x + b->width / 2 < a->x ? SIDE_LEFT : SIDE_RIGHT;
    }

  vertical = left_right ? !(gap_x > 0) && gap_y > 0 : gap_y > 0;
  if (vertical)
    return b_below ? SIDE_BOTTOM : SIDE_TOP;
  return b_right ? SIDE_RIGHT : SIDE_LEFT;
}

/* Whether a tree connector meets @side of @unit's card in its middle. */
static gboolean
side_has_connector (SodoChartScene         *scene,
                    const SodoLayoutResult *layout,
                    guint                   unit,
                    Side                    side)
{
  gboolean left_right = layout->orientation == SODO_LAYOUT_LEFT_RIGHT;
  gboolean stacked = layout->stacked != NULL && layout->stacked[unit];
  const SodoUnit *record = sodo_orgchart_get_unit (sodo_chart_scene_get_orgchart (scene), unit);
  gboolean has_parent = unit != layout->root;
  gboolean shows_children = record->first_child != SODO_NO_INDEX
                            && !sodo_chart_scene_get_collapsed (scene, unit);

  switch (side)
    {
    case SIDE_TOP:
      return has_parent && (left_right ? stacked : !stacked);
    case SIDE_LEFT:
      return has_parent && (left_right ? !stacked : stacked);
    case SIDE_BOTTOM:
      return !left_right && shows_children;
    case SIDE_RIGHT:
    default:
      return left_right && shows_children;
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

/* The stretches of a side the ends may use, as offsets from its start: the side less its
 * corners and, when a connector meets it, its middle. Returns how many (1 or 2). */
static guint
usable_stretches (double   length,
                  gboolean connector,
                  double   stretches[2][2])
{
  double low = length * SIDE_MARGIN, high = length * (1 - SIDE_MARGIN);
  double middle = length / 2;

  if (!connector || middle - CONNECTOR_CLEARANCE <= low)
    {
      stretches[0][0] = low;
      stretches[0][1] = high;
      return 1;
    }
  stretches[0][0] = low;
  stretches[0][1] = middle - CONNECTOR_CLEARANCE;
  stretches[1][0] = middle + CONNECTOR_CLEARANCE;
  stretches[1][1] = high;
  return 2;
}

/* Keeps, of @stretches, those on the half of the side toward which all @n ends point, if
 * they hold them MIN_END_SPACING apart: a few relations leave toward their cards, many
 * use the whole side rather than crowd. */
static guint
facing_stretches (const End *ends,
                  guint      n,
                  double     start,
                  double     length,
                  double     stretches[2][2],
                  guint      n_stretches)
{
  double middle = length / 2;
  gboolean all_after = ends[0].toward - start >= middle;
  gboolean all_before = ends[n - 1].toward - start <= middle;
  double kept[2][2];
  guint n_kept = 0;
  double room = 0;

  if (!all_after && !all_before)
    return n_stretches;

  for (guint i = 0; i < n_stretches; i++)
    {
      double low = all_after ? MAX (stretches[i][0], middle) : stretches[i][0];
      double high = all_after ? stretches[i][1] : MIN (stretches[i][1], middle);

      if (high > low)
        {
          kept[n_kept][0] = low;
          kept[n_kept][1] = high;
          room += high - low;
          n_kept++;
        }
    }
  if (n_kept == 0 || room < MIN_END_SPACING * (n - 1))
    return n_stretches;
  for (guint i = 0; i < n_kept; i++)
    {
      stretches[i][0] = kept[i][0];
      stretches[i][1] = kept[i][1];
    }
  return n_kept;
}

/* Places the @n ends sharing one side of @rect along it, in the order of the cards they go
 * to, evenly over the stretches of the side they may use. */
static void
spread_ends (SodoChartScene         *scene,
             const SodoLayoutResult *layout,
             const End              *ends,
             guint                   n,
             Curve                  *curves)
{
  const SodoLayoutRect *rect = &layout->rects[ends[0].unit];
  Side side = ends[0].side;
  gboolean horizontal = side_is_horizontal (side);
  double start = horizontal ? rect->x : rect->y;
  double length = horizontal ? rect->width : rect->height;
  double stretches[2][2];
  guint n_stretches;
  double room = 0, across;

  n_stretches = usable_stretches (length, side_has_connector (scene, layout, ends[0].unit, side),
                                  stretches);
  n_stretches = facing_stretches (ends, n, start, length, stretches, n_stretches);
  for (guint i = 0; i < n_stretches; i++)
    room += stretches[i][1] - stretches[i][0];

  across = side == SIDE_TOP ? rect->y : side == SIDE_BOTTOM ? rect->y + rect->height
         : side == SIDE_LEFT ? rect->x : rect->x + rect->width;
  for (guint i = 0; i < n; i++)
    {
      Curve *curve = &curves[ends[i].curve];
      /* Evenly, each end in the middle of its share of the room. */
      double offset = room * (i + 0.5) / n;
      double along = stretches[0][0] + offset;

      if (n_stretches == 2 && offset > stretches[0][1] - stretches[0][0])
        along = stretches[1][0] + offset - (stretches[0][1] - stretches[0][0]);
      along += start;
      curve->x[ends[i].end] = horizontal ? along : across;
      curve->y[ends[i].end] = horizontal ? across : along;
    }
}

/* The handle of one end: along its side's normal, half the distance to the other end in
 * that direction (at least MIN_HANDLE), or SAME_SIDE_HANDLE. */
static void
set_handle (Curve *curve,
            guint  end,
            Side   side)
{
  guint other = 3 - end;
  guint handle_point = end == 0 ? 1 : 2;
  double nx, ny, distance;

  side_normal (side, &nx, &ny);
  distance = (curve->x[other] - curve->x[end]) * nx + (curve->y[other] - curve->y[end]) * ny;
  distance = curve->from_side == curve->to_side ? SAME_SIDE_HANDLE : MAX (MIN_HANDLE, distance / 2);
  curve->x[handle_point] = curve->x[end] + nx * distance;
  curve->y[handle_point] = curve->y[end] + ny * distance;
}

/* With both ends placed: the tip kept clear of the card, the handles, the bounding box. */
static void
finish_curve (Curve *curve)
{
  double nx, ny;

  side_normal (curve->to_side, &nx, &ny);
  curve->x[3] += nx * ARROW_GAP;
  curve->y[3] += ny * ARROW_GAP;
  set_handle (curve, 0, curve->from_side);
  set_handle (curve, 3, curve->to_side);

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

static const char *
relation_label (SodoChartScene     *scene,
                const SodoRelation *relation)
{
  const char *text = sodo_orgchart_text (sodo_chart_scene_get_orgchart (scene), relation->label);

  return text != NULL && *text != '\0' ? text : NULL;
}

/* Several relations to one card often say the same ("with the district committees"): the
 * label is drawn on the first of them only. */
static gboolean
label_once (GHashTable *labels,
            const char *text,
            guint       to)
{
  return text != NULL && g_hash_table_add (labels, g_strdup_printf ("%u\n%s", to, text));
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

/* The curve drawing relations of @kind from @from to @to, made when there is none yet.
 * @folded maps "from to kind" to curve indices + 1. */
static Curve *
curve_for (Curves     *curves,
           GHashTable *folded,
           guint       relation,
           guint       from,
           guint       to,
           guint       kind)
{
  g_autofree char *key = g_strdup_printf ("%u %u %u", from, to, kind);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (folded, key));
  Curve *curve;

  if (index > 0)
    {
      curve = &curves->curves[index - 1];
      curve->n_relations++;
      return curve;
    }

  curve = &curves->curves[curves->n_curves++];
  *curve = (Curve) { relation, SODO_NO_INDEX, from, to, 1, FALSE, 0, 0, };
  g_hash_table_insert (folded, g_steal_pointer (&key), GUINT_TO_POINTER (curves->n_curves));
  return curve;
}

static Curves *
ensure_curves (SodoChartScene *scene)
{
  const SodoLayoutResult *layout = sodo_chart_scene_get_layout (scene);
  Curves *curves = _sodo_chart_scene_get_cache (scene, _SODO_SCENE_CACHE_RELATIONS);
  const SodoRelation *relations;
  g_autofree End *ends = NULL;
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_relations = 0, n_ends = 0;

  if (curves != NULL || layout == NULL)
    return curves;

  relations = sodo_orgchart_get_relations (sodo_chart_scene_get_orgchart (scene), &n_relations);
  curves = g_new0 (Curves, 1);
  curves->curves = g_new (Curve, MAX (n_relations, 1));

  for (guint i = 0; i < n_relations; i++)
    {
      guint from = visible_end (layout, scene, relations[i].from);
      guint to = visible_end (layout, scene, relations[i].to);
      Curve *curve;

      /* Both ends folded into one card: nothing to link. */
      if (from == SODO_NO_INDEX || to == SODO_NO_INDEX || from == to)
        continue;
      curve = curve_for (curves, folded, i, from, to, relations[i].kind);
      if (curve->label_relation == SODO_NO_INDEX && relation_label (scene, &relations[i]) != NULL)
        {
          curve->label_relation = i;
          curve->labelled = label_once (labels, relation_label (scene, &relations[i]), to);
        }
    }

  ends = g_new (End, 2 * MAX (curves->n_curves, 1));
  for (guint c = 0; c < curves->n_curves; c++)
    {
      Curve *curve = &curves->curves[c];

      curve->from_side = choose_side (layout, curve->from, curve->to);
      curve->to_side = choose_side (layout, curve->to, curve->from);
      ends[n_ends++] = make_end (c, curve->from, curve->from_side, 0, &layout->rects[curve->to]);
      ends[n_ends++] = make_end (c, curve->to, curve->to_side, 3, &layout->rects[curve->from]);
    }

  qsort (ends, n_ends, sizeof (End), compare_ends);
  for (guint first = 0, last; first < n_ends; first = last)
    {
      for (last = first + 1;
           last < n_ends && ends[last].unit == ends[first].unit &&
           ends[last].side == ends[first].side;
           last++)
        ;
      spread_ends (scene, layout, &ends[first], last - first, curves->curves);
    }
  for (guint c = 0; c < curves->n_curves; c++)
    finish_curve (&curves->curves[c]);

  _sodo_chart_scene_set_cache (scene, _SODO_SCENE_CACHE_RELATIONS, curves, curves_free);
  return curves;
}

static void
set_style (cairo_t       *cr,
           SodoLineStyle  style,
           double         width,
           double         scale)
{
  static const double dashes[] = { 7.0, 4.0 };
  static const double dots[] = { 0.1, 3.5 };

  /* Zoomed out, a line keeps at least about a pixel. */
  cairo_set_line_width (cr, MAX (width, 0.8 / scale));
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

/* The curve, stopped at the arrowhead's base so that its dashes do not run through the
 * head, then the head, pointing straight into the card. */
static void
draw_curve (cairo_t     *cr,
            const Curve *curve,
            double       arrow_scale)
{
  double nx, ny;
  double length = ARROW_LENGTH * arrow_scale;
  double half_width = ARROW_HALF_WIDTH * arrow_scale;
  double base_x, base_y;

  side_normal (curve->to_side, &nx, &ny);
  base_x = curve->x[3] + nx * length;
  base_y = curve->y[3] + ny * length;

  cairo_move_to (cr, curve->x[0], curve->y[0]);
  cairo_curve_to (cr, curve->x[1], curve->y[1], curve->x[2], curve->y[2], base_x, base_y);
  cairo_stroke (cr);

  cairo_move_to (cr, curve->x[3], curve->y[3]);
  cairo_line_to (cr, base_x - ny * half_width, base_y + nx * half_width);
  cairo_line_to (cr, base_x + ny * half_width, base_y - nx * half_width);
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
  stats->n_relation_labels++;
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
                const SodoChartPalette *palette,
                double                  alpha)
{
  SodoChartColor color = _sodo_palette_data_color (palette, kind != NULL && kind->has_color
                                                            ? kind->color : DEFAULT_RELATION_COLOR);

  color.alpha *= alpha;
  return color;
}

/* How a frame shows each curve. */
typedef enum {
  LOOK_PLAIN,        /* print and export: every relation in colour, labelled */
  LOOK_SUBDUED,      /* on screen, away from the selected and hovered cards */
  LOOK_EMPHASIZED,   /* on screen, touching the selected or hovered card */
} Look;

static Look
curve_look (const Curve            *curve,
            const SodoRenderParams *params)
{
  if (!params->subdue_relations)
    return LOOK_PLAIN;
  if ((params->selected_unit != SODO_NO_INDEX
       && (curve->from == params->selected_unit || curve->to == params->selected_unit))
      || (params->hover_unit != SODO_NO_INDEX
          && (curve->from == params->hover_unit || curve->to == params->hover_unit)))
    return LOOK_EMPHASIZED;
  return LOOK_SUBDUED;
}

static void
draw_curves (SodoChartScene         *scene,
             cairo_t                *cr,
             const Curves           *curves,
             const SodoChartRect    *area,
             const SodoRenderParams *params,
             const SodoChartPalette *palette,
             Look                    look,
             SodoRenderStats        *stats)
{
  SodoOrgchart *chart = sodo_chart_scene_get_orgchart (scene);
  guint n_relations = 0, n_kinds = 0;
  const SodoRelation *relations = sodo_orgchart_get_relations (chart, &n_relations);
  const SodoRelationKind *kinds = sodo_orgchart_get_relation_kinds (chart, &n_kinds);
  double alpha = look == LOOK_SUBDUED ? SUBDUED_ALPHA
               : look == LOOK_EMPHASIZED ? EMPHASIS_ALPHA : RELATION_ALPHA;
  double width = look == LOOK_SUBDUED ? SUBDUED_WIDTH
               : look == LOOK_EMPHASIZED ? EMPHASIS_WIDTH : RELATION_WIDTH;

  for (guint i = 0; i < curves->n_curves; i++)
    {
      const Curve *curve = &curves->curves[i];
      const SodoRelation *relation = &relations[curve->relation];
      const SodoRelationKind *kind = relation->kind < n_kinds ? &kinds[relation->kind] : NULL;

      if (curve_look (curve, params) != look
          || !curve_meets (curve, area, CURVE_MARGIN, CURVE_MARGIN))
        continue;
      set_style (cr, kind != NULL ? kind->style : SODO_LINE_DASHED, width, params->scale);
      _sodo_cairo_set_color (cr, relation_color (kind, palette, alpha));
      draw_curve (cr, curve, look == LOOK_EMPHASIZED ? 1.2 : 1.0);
      stats->n_relations++;
      if (look == LOOK_EMPHASIZED)
        stats->n_emphasized++;
    }
}

static void
draw_labels (SodoChartScene         *scene,
             cairo_t                *cr,
             const Curves           *curves,
             const SodoChartRect    *area,
             const SodoRenderParams *params,
             const SodoChartPalette *palette,
             SodoRenderStats        *stats)
{
  SodoOrgchart *chart = sodo_chart_scene_get_orgchart (scene);
  guint n_relations = 0, n_kinds = 0;
  const SodoRelation *relations = sodo_orgchart_get_relations (chart, &n_relations);
  const SodoRelationKind *kinds = sodo_orgchart_get_relation_kinds (chart, &n_kinds);
  g_autoptr(GHashTable) labels = NULL;

  for (guint i = 0; i < curves->n_curves; i++)
    {
      const Curve *curve = &curves->curves[i];
      Look look = curve_look (curve, params);
      const SodoRelation *relation;
      const SodoRelationKind *kind;
      const char *text;

      if (look == LOOK_SUBDUED || curve->label_relation == SODO_NO_INDEX
          || !curve_meets (curve, area, LABEL_MARGIN_X, LABEL_MARGIN_Y))
        continue;
      relation = &relations[curve->label_relation];
      text = relation_label (scene, relation);
      /* Emphasized, each label once among the curves emphasized in this frame (the one
       * chosen for the whole chart may be on a curve that is not). */
      if (look == LOOK_PLAIN && !curve->labelled)
        continue;
      if (look == LOOK_EMPHASIZED)
        {
          if (labels == NULL)
            labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          if (!label_once (labels, text, curve->to))
            continue;
        }
      kind = relation->kind < n_kinds ? &kinds[relation->kind] : NULL;
      draw_label (scene, cr, curve, text,
                  relation_color (kind, palette, look == LOOK_EMPHASIZED ? EMPHASIS_ALPHA
                                                                         : RELATION_ALPHA),
                  palette, stats);
    }
}

void
_sodo_relations_draw (SodoChartScene         *scene,
                      cairo_t                *cr,
                      const SodoChartRect    *area,
                      const SodoRenderParams *params,
                      const SodoChartPalette *palette,
                      SodoRelationsPass       pass,
                      SodoRenderStats        *stats)
{
  Curves *curves = ensure_curves (scene);

  if (curves == NULL)
    return;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (pass == _SODO_RELATIONS_LABELS)
    draw_labels (scene, cr, curves, area, params, palette, stats);
  else if (params->subdue_relations)
    {
      /* The emphasized ones over the others. */
      draw_curves (scene, cr, curves, area, params, palette, LOOK_SUBDUED, stats);
      draw_curves (scene, cr, curves, area, params, palette, LOOK_EMPHASIZED, stats);
    }
  else
    draw_curves (scene, cr, curves, area, params, palette, LOOK_PLAIN, stats);
  cairo_restore (cr);
}

guint
_sodo_relations_get_curves (SodoChartScene    *scene,
                            SodoRelationCurve *out,
                            guint              max_out)
{
  Curves *curves = ensure_curves (scene);

  if (curves == NULL)
    return 0;
  for (guint i = 0; i < MIN (max_out, curves->n_curves); i++)
    {
      const Curve *curve = &curves->curves[i];

      out[i].from = curve->from;
      out[i].to = curve->to;
      out[i].n_relations = curve->n_relations;
      for (guint p = 0; p < 4; p++)
        {
          out[i].x[p] = curve->x[p];
          out[i].y[p] = curve->y[p];
        }
    }
  return curves->n_curves;
}
