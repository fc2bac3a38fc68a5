/* sodo-chart-fonts.c: card fonts and arithmetic line wrapping
 *
 * Advances and kerning are kept in Pango units (1/1024 point) as integers, so a sum of them
 * is exactly the width Pango computes for the same glyphs, and the comparison with the
 * wrap width cannot be thrown by rounding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sodo-chart-fonts-private.h"

/* Resolution of the card context: one chart unit is one point, so a font of size 12 is 12
 * units tall whatever the surface. */
#define CHART_DPI 72.0

/* Sizes of the derived fonts, relative to the name font. */
#define DETAIL_FONT_RATIO       0.88
#define SMALL_FONT_RATIO        0.78
#define LEGEND_FONT_RATIO       0.88
#define LEGEND_TITLE_FONT_RATIO 1.0

/* Marks an advance or kerning value not measured yet. */
#define UNMEASURED G_MININT32

#define ADVANCE_PAGE_SIZE 256
#define N_ADVANCE_PAGES   256   /* pages cover the Basic Multilingual Plane */
#define ASCII_LIMIT       128

typedef struct {
  guint64 key;       /* KERN_EMPTY when the slot is free */
  gint32  value;
} KernSlot;

#define KERN_EMPTY G_MAXUINT64

struct _SodoChartFonts {
  PangoContext         *context;
  PangoFontDescription *descs[_SODO_CHART_N_FONTS];
  double                first_line[_SODO_CHART_N_FONTS];   /* height of one line */
  double                line_step[_SODO_CHART_N_FONTS];    /* each further line */
  PangoLayout          *probe;                             /* name font, one line */

  /* Name font: advances by code point (pages of the BMP, a hash above it), and kerning of
   * ASCII pairs in a table and of other pairs in an open-addressing hash. */
  gint32               *advance_pages[N_ADVANCE_PAGES];
  GHashTable           *astral_advances;                   /* code point -> advance */
  gint32               *ascii_kerning;                     /* ASCII_LIMIT * ASCII_LIMIT */
  KernSlot             *kerning;
  gsize                 kerning_size;                      /* a power of two */
  gsize                 kerning_used;
};

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static void
measure_line_heights (SodoChartFonts *fonts,
                      SodoChartFont   font)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (fonts->context);
  double one, two;

  /* A capital with stacked Vietnamese marks and a descender: the tallest line a name has. */
  pango_layout_set_font_description (layout, fonts->descs[font]);
  pango_layout_set_text (layout, "Ặy", -1);
  one = layout_height (layout);
  pango_layout_set_text (layout, "Ặy\nẶy", -1);
  two = layout_height (layout);

  fonts->first_line[font] = one;
  fonts->line_step[font] = two - one;
}

static PangoFontDescription *
make_font (const char  *family,
           double       size,
           PangoWeight  weight)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, family);
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE + 0.5));
  pango_font_description_set_weight (desc, weight);
  return desc;
}

SodoChartFonts *
_sodo_chart_fonts_new (const char *family,
                       double      size)
{
  SodoChartFonts *fonts = g_new0 (SodoChartFonts, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  g_return_val_if_fail (family != NULL && size > 0, NULL);

  fonts->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (fonts->context, CHART_DPI);
  /* Unhinted metrics and unrounded positions: text then scales linearly with the zoom and
   * measures the same on screen, on paper and here. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (fonts->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (fonts->context, FALSE);

  fonts->descs[_SODO_CHART_FONT_NAME] = make_font (family, size, PANGO_WEIGHT_BOLD);
  fonts->descs[_SODO_CHART_FONT_DETAIL] = make_font (family, size * DETAIL_FONT_RATIO,
                                                     PANGO_WEIGHT_NORMAL);
  fonts->descs[_SODO_CHART_FONT_SMALL] = make_font (family, size * SMALL_FONT_RATIO,
                                                    PANGO_WEIGHT_NORMAL);
  fonts->descs[_SODO_CHART_FONT_LEGEND] = make_font (family, size * LEGEND_FONT_RATIO,
                                                     PANGO_WEIGHT_NORMAL);
  fonts->descs[_SODO_CHART_FONT_LEGEND_TITLE] = make_font (family,
                                                           size * LEGEND_TITLE_FONT_RATIO,
                                                           PANGO_WEIGHT_BOLD);
  for (guint i = 0; i < _SODO_CHART_N_FONTS; i++)
    measure_line_heights (fonts, i);

  fonts->probe = pango_layout_new (fonts->context);
  pango_layout_set_font_description (fonts->probe, fonts->descs[_SODO_CHART_FONT_NAME]);
  fonts->astral_advances = g_hash_table_new (NULL, NULL);
  fonts->ascii_kerning = g_new (gint32, ASCII_LIMIT * ASCII_LIMIT);
  for (guint i = 0; i < ASCII_LIMIT * ASCII_LIMIT; i++)
    fonts->ascii_kerning[i] = UNMEASURED;
  fonts->kerning_size = 1024;
  fonts->kerning = g_new (KernSlot, fonts->kerning_size);
  for (gsize i = 0; i < fonts->kerning_size; i++)
    fonts->kerning[i].key = KERN_EMPTY;

  return fonts;
}

void
_sodo_chart_fonts_free (SodoChartFonts *fonts)
{
  if (fonts == NULL)
    return;

  for (guint i = 0; i < _SODO_CHART_N_FONTS; i++)
    pango_font_description_free (fonts->descs[i]);
  for (guint i = 0; i < N_ADVANCE_PAGES; i++)
    g_free (fonts->advance_pages[i]);
  g_hash_table_unref (fonts->astral_advances);
  g_free (fonts->ascii_kerning);
  g_free (fonts->kerning);
  g_object_unref (fonts->probe);
  g_object_unref (fonts->context);
  g_free (fonts);
}

PangoContext *
_sodo_chart_fonts_get_context (SodoChartFonts *fonts)
{
  return fonts->context;
}

const PangoFontDescription *
_sodo_chart_fonts_get (SodoChartFonts *fonts,
                       SodoChartFont   font)
{
  g_return_val_if_fail (font < _SODO_CHART_N_FONTS, NULL);

  return fonts->descs[font];
}

double
_sodo_chart_fonts_get_height (SodoChartFonts *fonts,
                              SodoChartFont   font,
                              guint           n_lines)
{
  g_return_val_if_fail (font < _SODO_CHART_N_FONTS, 0);

  if (n_lines == 0)
    return 0;
  return fonts->first_line[font] + (n_lines - 1) * fonts->line_step[font];
}

/* Width in Pango units of @text set alone in the name font. */
static gint32
probe_width (SodoChartFonts *fonts,
             const char     *text,
             int             length)
{
  PangoRectangle logical;

  pango_layout_set_text (fonts->probe, text, length);
  pango_layout_get_extents (fonts->probe, NULL, &logical);
  return logical.width;
}

/* Characters that take no room of their own when shaped after a base: combining marks and
 * format characters (a lone one would be shaped with a dotted circle). */
static gboolean
is_zero_width (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_FORMAT:
    case G_UNICODE_CONTROL:
      return TRUE;
    default:
      return FALSE;
    }
}

static gint32
measure_advance (SodoChartFonts *fonts,
                 gunichar        c)
{
  char utf8[8];
  int length;

  if (is_zero_width (c))
    return 0;
  length = g_unichar_to_utf8 (c, utf8);
  return probe_width (fonts, utf8, length);
}

static gint32
get_advance (SodoChartFonts *fonts,
             gunichar        c)
{
  gint32 *page;
  gpointer stored;

  if (c < N_ADVANCE_PAGES * ADVANCE_PAGE_SIZE)
    {
      page = fonts->advance_pages[c / ADVANCE_PAGE_SIZE];
      if (page == NULL)
        {
          page = g_new (gint32, ADVANCE_PAGE_SIZE);
          for (guint i = 0; i < ADVANCE_PAGE_SIZE; i++)
            page[i] = UNMEASURED;
          fonts->advance_pages[c / ADVANCE_PAGE_SIZE] = page;
        }
      if (page[c % ADVANCE_PAGE_SIZE] == UNMEASURED)
        page[c % ADVANCE_PAGE_SIZE] = measure_advance (fonts, c);
      return page[c % ADVANCE_PAGE_SIZE];
    }

  if (g_hash_table_lookup_extended (fonts->astral_advances, GUINT_TO_POINTER (c), NULL, &stored))
    return GPOINTER_TO_INT (stored);
  g_hash_table_insert (fonts->astral_advances, GUINT_TO_POINTER (c),
                       GINT_TO_POINTER (measure_advance (fonts, c)));
  return GPOINTER_TO_INT (g_hash_table_lookup (fonts->astral_advances, GUINT_TO_POINTER (c)));
}

static gint32
measure_kerning (SodoChartFonts *fonts,
                 gunichar        first,
                 gunichar        second)
{
  char utf8[16];
  int length;

  length = g_unichar_to_utf8 (first, utf8);
  length += g_unichar_to_utf8 (second, utf8 + length);
  return probe_width (fonts, utf8, length) - get_advance (fonts, first) - get_advance (fonts, second);
}

static inline gsize
kerning_hash (guint64 key)
{
  /* Fibonacci hashing: pairs of nearby code points spread over the table. */
  return (gsize) ((key * G_GUINT64_CONSTANT (11400714819323198485)) >> 32);
}

static void
kerning_insert (KernSlot *table,
                gsize     size,
                guint64   key,
                gint32    value)
{
  gsize slot = kerning_hash (key) & (size - 1);

  while (table[slot].key != KERN_EMPTY)
    slot = (slot + 1) & (size - 1);
  table[slot].key = key;
  table[slot].value = value;
}

static void
kerning_grow (SodoChartFonts *fonts)
{
  gsize new_size = fonts->kerning_size * 2;
  KernSlot *table = g_new (KernSlot, new_size);

  for (gsize i = 0; i < new_size; i++)
    table[i].key = KERN_EMPTY;
  for (gsize i = 0; i < fonts->kerning_size; i++)
    if (fonts->kerning[i].key != KERN_EMPTY)
      kerning_insert (table, new_size, fonts->kerning[i].key, fonts->kerning[i].value);
  g_free (fonts->kerning);
  fonts->kerning = table;
  fonts->kerning_size = new_size;
}

static gint32
get_kerning (SodoChartFonts *fonts,
             gunichar        first,
             gunichar        second)
{
  guint64 key;
  gsize slot;
  gint32 value;

  if (first < ASCII_LIMIT && second < ASCII_LIMIT)
    {
      gint32 *cell = &fonts->ascii_kerning[first * ASCII_LIMIT + second];

      if (*cell == UNMEASURED)
        *cell = measure_kerning (fonts, first, second);
      return *cell;
    }

  key = ((guint64) first << 32) | second;
  for (slot = kerning_hash (key) & (fonts->kerning_size - 1);
       fonts->kerning[slot].key != KERN_EMPTY;
       slot = (slot + 1) & (fonts->kerning_size - 1))
    if (fonts->kerning[slot].key == key)
      return fonts->kerning[slot].value;

  value = measure_kerning (fonts, first, second);
  if ((fonts->kerning_used + 1) * 2 > fonts->kerning_size)
    kerning_grow (fonts);
  kerning_insert (fonts->kerning, fonts->kerning_size, key, value);
  fonts->kerning_used++;
  return value;
}

/* Spaces a line may break after (not the no-break ones). */
static inline gboolean
is_break_space (gunichar c)
{
  if (c == ' ' || c == '\t')
    return TRUE;
  if (c < 0x80 || c == 0x00A0 || c == 0x2007 || c == 0x202F)
    return FALSE;
  return g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

static inline gboolean
is_quotation (gunichar c)
{
  switch (c)
    {
    case '"': case '\'': case 0x00AB: case 0x00BB: case 0x2018: case 0x2019: case 0x201B:
    case 0x201C: case 0x201D: case 0x201F: case 0x2039: case 0x203A:
      return TRUE;
    default:
      return FALSE;
    }
}

static inline gboolean
is_hard_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

/* Whether a line may break between @before and @after, as Pango's line breaker (UAX #14)
 * decides for the characters names hold. @earlier is the character before @before, and
 * @word_end the last character before any spaces that end in @before (0 if none). */
static inline gboolean
may_break_between (gunichar earlier,
                   gunichar before,
                   gunichar after,
                   gunichar word_end)
{
  if (is_break_space (after))
    return FALSE;
  if (is_break_space (before))
    /* A quotation mark, spaces, then an opening bracket stay together ("x' (y"). */
    return !(is_quotation (word_end) && g_unichar_type (after) == G_UNICODE_OPEN_PUNCTUATION);
  if (after == 0x2014)
    return TRUE;
  switch (before)
    {
    case '-':     /* not before a number: "x-2" */
      return !g_unichar_isdigit (after);
    case '/':     /* not inside a number: "10/2023" */
      return !(g_unichar_isdigit (after) && g_unichar_isdigit (earlier));
    case ')':     /* between brackets: "1(2)(a)" */
    case ']':
      return g_unichar_type (after) == G_UNICODE_OPEN_PUNCTUATION;
    case 0x2010:  /* hyphen */
    case 0x2013:  /* en dash */
    case 0x2014:  /* em dash */
      return TRUE;
    default:
      return FALSE;
    }
}

typedef struct {
  SodoChartFonts *fonts;
  gint64          limit;       /* wrap width, Pango units */
  guint           lines;
  gint64          line_width;  /* committed chunks on the current line, trailing spaces in */
  gunichar        line_last;   /* last character on the current line, 0 when empty */
  /* The chunk being read: a word and the spaces after it, which cannot be split but by the
   * character fallback. */
  const char     *chunk_start;
  const char     *chunk_end;
  gint64          chunk_width;
  gint64          word_width;  /* the chunk without its trailing spaces */
  gunichar        chunk_first;
  gunichar        chunk_last;
  gunichar        chunk_before_last;
  gunichar        word_last;   /* last character of the chunk that is not a space */
} Wrapper;

static void
wrapper_reset_chunk (Wrapper    *w,
                     const char *start)
{
  w->chunk_start = start;
  w->chunk_end = start;
  w->chunk_width = 0;
  w->word_width = 0;
  w->chunk_first = 0;
  w->chunk_last = 0;
  w->chunk_before_last = 0;
  w->word_last = 0;
}

/* The next character after @p in [@p, @end) that takes room, or 0. */
static gunichar
next_visible (const char *p,
              const char *end)
{
  for (p = g_utf8_next_char (p); p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_zero_width (c))
        return c;
    }
  return 0;
}

/* A word wider than a whole line: Pango falls back to breaking between characters, and
 * when it breaks between two letters it adds a hyphen, which must fit too. */
static void
wrapper_place_by_characters (Wrapper *w)
{
  gint64 hyphen = get_advance (w->fonts, 0x2010);
  gint64 width = 0;
  gunichar previous = 0;

  for (const char *p = w->chunk_start; p < w->chunk_end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gint64 advance = get_advance (w->fonts, c);
      gunichar following;
      gint64 needed;

      if (advance == 0 && is_zero_width (c))
        continue;
      if (previous != 0)
        advance += get_kerning (w->fonts, previous, c);
      following = next_visible (p, w->chunk_end);
      needed = width + advance;
      if (g_unichar_isalpha (c) && following != 0 && g_unichar_isalpha (following))
        needed += hyphen;
      if (width > 0 && needed > w->limit && !is_break_space (c))
        {
          w->lines++;
          width = get_advance (w->fonts, c);
        }
      else
        width += advance;
      previous = c;
    }
  w->line_width = width;
  w->line_last = previous;
}

static void
wrapper_place_chunk (Wrapper *w)
{
  gint64 join;

  if (w->chunk_first == 0)
    return;

  if (w->line_last == 0)
    {
      if (w->word_width > w->limit)
        wrapper_place_by_characters (w);
      else
        {
          w->line_width = w->chunk_width;
          w->line_last = w->chunk_last;
        }
      return;
    }

  join = get_kerning (w->fonts, w->line_last, w->chunk_first);
  if (w->line_width + join + w->word_width <= w->limit)
    {
      w->line_width += join + w->chunk_width;
      w->line_last = w->chunk_last;
      return;
    }

  w->lines++;
  w->line_last = 0;
  w->line_width = 0;
  wrapper_place_chunk (w);
}

static void
wrapper_add_character (Wrapper    *w,
                       gunichar    c,
                       const char *next)
{
  gint64 advance = get_advance (w->fonts, c);

  w->chunk_end = next;
  if (advance == 0 && is_zero_width (c))
    return;
  if (w->chunk_last != 0)
    advance += get_kerning (w->fonts, w->chunk_last, c);
  else
    w->chunk_first = c;
  w->chunk_width += advance;
  if (!is_break_space (c))
    {
      w->word_width = w->chunk_width;
      w->word_last = c;
    }
  w->chunk_before_last = w->chunk_last;
  w->chunk_last = c;
}

guint
_sodo_chart_fonts_count_lines (SodoChartFonts *fonts,
                               const char     *text,
                               double          width,
                               guint           max_lines)
{
  Wrapper w = { 0, };
  const char *p;

  g_return_val_if_fail (fonts != NULL, 1);
  g_return_val_if_fail (max_lines >= 1, 1);

  if (text == NULL || *text == '\0')
    return 1;

  w.fonts = fonts;
  /* The same integer width the renderer gives pango_layout_set_width(). */
  w.limit = (gint64) (width * PANGO_SCALE);
  w.lines = 1;
  wrapper_reset_chunk (&w, text);

  for (p = text; *p != '\0' && w.lines <= max_lines; )
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (is_hard_break (c))
        {
          wrapper_place_chunk (&w);
          w.lines++;
          w.line_last = 0;
          w.line_width = 0;
          if (c == '\r' && *next == '\n')
            next++;
          wrapper_reset_chunk (&w, next);
        }
      else
        {
          if (w.chunk_last != 0 && may_break_between (w.chunk_before_last, w.chunk_last, c,
                                                       w.word_last))
            {
              wrapper_place_chunk (&w);
              wrapper_reset_chunk (&w, p);
            }
          wrapper_add_character (&w, c, next);
        }
      p = next;
    }
  wrapper_place_chunk (&w);

  return MIN (w.lines, max_lines);
}

double
_sodo_chart_fonts_measure_width (SodoChartFonts *fonts,
                                 const char     *text)
{
  gint64 width = 0;
  gunichar previous = 0;

  g_return_val_if_fail (fonts != NULL, 0);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gint32 advance = get_advance (fonts, c);

      if (advance == 0 && is_zero_width (c))
        continue;
      if (previous != 0)
        advance += get_kerning (fonts, previous, c);
      width += advance;
      previous = c;
    }
  return (double) width / PANGO_SCALE;
}
