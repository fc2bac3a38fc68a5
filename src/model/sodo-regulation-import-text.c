/* sodo-regulation-import-text.c: cleaning pasted text and recognising its lines
 *
 * Copies from web portals, word processors and PDFs carry decomposed accents, the Icelandic
 * Ð in place of Đ, non-breaking spaces, tabs, CR line ends, page numbers and hard wraps.
 * This file turns them into clean lines and says what each line is; the tree is built in
 * sodo-regulation-import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sodo-regulation-import-private.h"

/* Text is normalised in pieces of about this many bytes (see builder_feed_text()). */
#define NORMALIZE_PIECE 256
/* Lines of a hard-wrapped copy run to the margin; a paragraph shorter than this ended. */
#define SHORT_LINE 40

/* ------------------------------------------------------------------ cleaning */

typedef struct {
  GString *buffer;
  GArray  *lines;
  GArray  *offsets;        /* gsize, the start of each line in buffer */
  gsize    line_start;
  guint    lineno;
  gboolean pending_space;
  gboolean after_cr;
} LineBuilder;

static gboolean
is_space_char (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Invisible characters that word processors and web pages leave behind. */
static gboolean
is_dropped_char (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x00AD || c == 0x200B || c == 0x200C ||
         c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

static void
builder_end_line (LineBuilder *b,
                  gboolean     physical)
{
  SodoImportLine line = { 0 };

  g_string_append_c (b->buffer, '\0');
  line.lineno = b->lineno;
  g_array_append_val (b->lines, line);
  g_array_append_val (b->offsets, b->line_start);
  b->line_start = b->buffer->len;
  b->pending_space = FALSE;
  if (physical)
    b->lineno++;
}

static void
builder_feed (LineBuilder *b,
              gunichar     c)
{
  if (b->after_cr)
    {
      b->after_cr = FALSE;
      if (c == '\n')
        return;
    }

  if (c == '\n' || c == '\r')
    {
      builder_end_line (b, TRUE);
      b->after_cr = (c == '\r');
    }
  /* Manual line breaks of word processors, form feeds between PDF pages: they end a line
   * but not a line of the file as an editor counts them. */
  else if (c == '\v' || c == '\f' || c == 0x85 || c == 0x2028 || c == 0x2029)
    builder_end_line (b, FALSE);
  else if (is_space_char (c))
    b->pending_space = b->buffer->len > b->line_start;
  else if (!is_dropped_char (c))
    {
      /* U+00D0/U+00F0 (Icelandic eth) look like Đ/đ and are common in real copies. */
      if (c == 0x00D0)
        c = 0x0110;
      else if (c == 0x00F0)
        c = 0x0111;
      if (b->pending_space)
        g_string_append_c (b->buffer, ' ');
      b->pending_space = FALSE;
      g_string_append_unichar (b->buffer, c);
    }
}

/* Whether NFC leaves the text on both sides of the boundary before @next (preceded by
 * @prev) alone: nothing after it reorders or combines with what comes before. An ASCII
 * character never does; another starter does not unless it composes with the one before
 * it (Hangul jamo compose in chains, so they never start a piece). */
static gboolean
is_normalization_boundary (gunichar prev,
                           gunichar next)
{
  gunichar composed;

  if (next < 0x80)
    return TRUE;
  if (g_unichar_combining_class (next) != 0 || g_unichar_combining_class (prev) != 0)
    return FALSE;
  if ((next >= 0x1100 && next <= 0x11FF) || (next >= 0xA960 && next <= 0xA97F) ||
      (next >= 0xD7B0 && next <= 0xD7FF))
    return FALSE;
  return !g_unichar_compose (prev, next, &composed);
}

static void
builder_feed_piece (LineBuilder *b,
                    const char  *str,
                    gsize        length,
                    gboolean     ascii)
{
  g_autofree char *piece = NULL;
  const char *p;

  /* ASCII is NFC already, and most of a Vietnamese text is ASCII. */
  if (ascii)
    {
      for (p = str; p < str + length; p++)
        builder_feed (b, (guchar) *p);
      return;
    }
  piece = g_utf8_normalize (str, length, G_NORMALIZE_NFC);
  for (p = piece; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    builder_feed (b, g_utf8_get_char (p));
}

/* Normalises in short pieces cut at safe boundaries: g_utf8_normalize() shifts the rest of
 * its buffer for every character it composes, which is quadratic on a long decomposed text,
 * and it needs four bytes a character for the whole of its input. */
static void
builder_feed_text (LineBuilder *b,
                   const char  *str,
                   gsize        length)
{
  gsize start = 0;
  gsize pos = 0;
  gunichar prev = 0;
  gboolean ascii = TRUE;

  while (pos < length)
    {
      gunichar c = (guchar) str[pos] < 0x80 ? (guchar) str[pos] : g_utf8_get_char (str + pos);

      if (pos - start >= NORMALIZE_PIECE && is_normalization_boundary (prev, c))
        {
          builder_feed_piece (b, str + start, pos - start, ascii);
          start = pos;
          ascii = TRUE;
        }
      ascii = ascii && c < 0x80;
      prev = c;
      pos = g_utf8_next_char (str + pos) - str;
    }
  if (pos > start)
    builder_feed_piece (b, str + start, pos - start, ascii);
}

static guint
line_of_offset (const char *str,
                gsize       offset)
{
  guint line = 1;
  gsize i;

  for (i = 0; i < offset; i++)
    if (str[i] == '\n' || (str[i] == '\r' && str[i + 1] != '\n'))
      line++;
  return line;
}

/* ------------------------------------------------------------------ helpers */

static const char *
skip_spaces (const char *s)
{
  while (*s == ' ')
    s++;
  return s;
}

static gboolean
at_word_end (const char *s)
{
  gunichar c = g_utf8_get_char (s);

  return c == 0 || !g_unichar_isalnum (c);
}

/* Case-insensitive prefix: the position after @word in @s, or NULL. */
static const char *
skip_ci (const char *s,
         const char *word)
{
  while (*word != '\0')
    {
      if (*s == '\0' ||
          g_unichar_tolower (g_utf8_get_char (s)) != g_unichar_tolower (g_utf8_get_char (word)))
        return NULL;
      s = g_utf8_next_char (s);
      word = g_utf8_next_char (word);
    }
  return s;
}

/* @word at the start of @s as a whole word, case-insensitive. */
const char *
_sodo_import_skip_word_ci (const char *s,
              const char *word)
{
  const char *after = skip_ci (s, word);

  return after != NULL && at_word_end (after) ? after : NULL;
}

/* The first case-insensitive occurrence of @word in @s, as a whole word. */
const char *
_sodo_import_find_word_ci (const char *s,
              const char *word,
              const char **after)
{
  const char *p;

  for (p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      if ((p == s || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)))) &&
          (*after = _sodo_import_skip_word_ci (p, word)) != NULL)
        return p;
    }
  return NULL;
}

gboolean
_sodo_import_starts_lower (const char *str)
{
  return g_unichar_islower (g_utf8_get_char (str));
}

gboolean
_sodo_import_starts_upper (const char *str)
{
  return g_unichar_isupper (g_utf8_get_char (str));
}

gboolean
_sodo_import_is_all_caps (const char *str)
{
  gboolean has_letter = FALSE;
  const char *p;

  for (p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      has_letter = has_letter || g_unichar_isupper (c);
    }
  return has_letter;
}

gboolean
_sodo_import_ends_sentence (const char *str,
                            gsize       length)
{
  const char *end = str + length;

  while (end > str)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);

      /* Look through closing quotes and brackets: «… hạnh phúc.”» ends a sentence. */
      if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB)
        {
          end = prev;
          continue;
        }
      return c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == 0x2026;
    }
  return FALSE;
}

guint
_sodo_import_count_words (const char *str)
{
  guint n = *str != '\0' ? 1 : 0;

  for (; *str != '\0'; str++)
    if (*str == ' ')
      n++;
  return n;
}

/* The last word of @str (and the one before it, when @prev is not NULL), copied. */
static char *
last_word (const char *str,
           char      **prev)
{
  const char *end = str + strlen (str);
  const char *space = g_strrstr (str, " ");
  const char *start = space != NULL ? space + 1 : str;

  if (prev != NULL)
    {
      *prev = NULL;
      if (space != NULL)
        {
          const char *p = space;

          while (p > str && p[-1] != ' ')
            p--;
          *prev = g_strndup (p, space - p);
        }
    }
  return g_strndup (start, end - start);
}

/* A line ending in a word that cannot end a sentence ("theo", "tại", "khoản 2"...) is
 * continued by the next line even when that one looks like a heading: "quy định tại" +
 * "Điều 5. …" is a reference, not article 5. */
gboolean
_sodo_import_ends_dangling (const char *str)
{
  static const char *const dangling[] = {
    "theo", "tại", "của", "và", "hoặc", "với", "về", "trong", "như", "các", "những", "là",
    "do", "cho", "từ", "đến", "thuộc", "khoản", "điểm",
    /* References write these with a capital; "một phần", "trong chương" end sentences. */
    "Điều", "Chương", "Mục", "Phần", "Khoản", "Điểm",
  };
  g_autofree char *prev = NULL;
  g_autofree char *word = last_word (str, &prev);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (dangling); i++)
    if (g_str_equal (word, dangling[i]))
      return TRUE;

  /* "… khoản 2" / "… điểm a": a reference cut before its "Điều N". */
  if (prev != NULL && (g_str_equal (prev, "khoản") || g_str_equal (prev, "điểm") ||
                       g_str_equal (prev, "Khoản") || g_str_equal (prev, "Điểm")))
    return g_ascii_isdigit (word[0]) || g_utf8_strlen (word, -1) == 1;

  return FALSE;
}

/* Whether @str ends inside a capitalised name ("… với Ban Thường vụ"), which a short
 * capitalised next line may complete ("Tỉnh ủy"). */
gboolean
_sodo_import_ends_in_name (const char *str)
{
  g_autofree char *prev = NULL;
  g_autofree char *word = last_word (str, &prev);

  if (_sodo_import_count_words (str) < 3)
    return FALSE;
  return _sodo_import_starts_upper (word) || (prev != NULL && _sodo_import_starts_upper (prev));
}

static gboolean
starts_bullet (const char *str)
{
  return (str[0] == '-' || str[0] == '+') && str[1] == ' ';
}

/* The last paragraph of @text when it is short, else NULL. Looks back a bounded distance
 * only: a paragraph may be a megabyte long. */
static const char *
last_short_paragraph (GString *text)
{
  gsize limit = MIN (text->len, SHORT_LINE * 4);   /* at most 4 bytes a character */
  gsize start = text->len - limit;
  gsize i;

  for (i = text->len; i > text->len - limit; i--)
    if (text->str[i - 1] == '\n')
      {
        start = i;
        break;
      }
  if (start == text->len - limit && start > 0 && text->str[start - 1] != '\n')
    return NULL;
  return g_utf8_strlen (text->str + start, -1) < SHORT_LINE ? text->str + start : NULL;
}

void
_sodo_import_join (GString    *text,
                   const char *line,
                   gboolean    blank_before)
{
  gunichar first = g_utf8_get_char (line);
  gboolean new_paragraph, starts_paragraph;
  const char *short_paragraph;

  if (text->len == 0)
    {
      g_string_append (text, line);
      return;
    }

  /* A full stop followed by a capital or a number is where one paragraph of a web or
   * word-processor copy ends, and so is a capital after a short line ("Chức năng" above
   * its text) unless that line stops on "theo", "tại"...; anything else is a hard wrap
   * inside a sentence, whose lines are long. */
  starts_paragraph = g_unichar_isupper (first) || g_unichar_isdigit (first) ||
                     first == '"' || first == 0x201C;
  short_paragraph = starts_paragraph ? last_short_paragraph (text) : NULL;
  new_paragraph = blank_before || starts_bullet (line) ||
                  (starts_paragraph && _sodo_import_ends_sentence (text->str, text->len)) ||
                  (short_paragraph != NULL && !_sodo_import_ends_dangling (short_paragraph));
  g_string_append_c (text, new_paragraph ? '\n' : ' ');
  g_string_append (text, line);
}

char *
_sodo_import_bullet_text (const SodoImportLine *line)
{
  return g_strdup_printf ("%.*s %s", (int) line->marker_len, line->text, line->text + line->rest);
}

char *
_sodo_import_make_id (const char *str)
{
  g_autofree char *folded = NULL;
  GString *id;
  const char *p;

  if (str == NULL)
    return NULL;

  folded = g_utf8_normalize (str, -1, G_NORMALIZE_NFD);
  if (folded == NULL)
    return NULL;

  id = g_string_new (NULL);
  for (p = folded; *p != '\0' && id->len < 120; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x0110 || c == 0x0111)
        c = 'd';
      if (c < 0x80 && g_ascii_isalnum (c))
        g_string_append_c (id, g_ascii_tolower (c));
      else if ((c == '.' || c == '_') && id->len > 0)
        g_string_append_c (id, c);
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && !g_ascii_isalnum (id->str[id->len - 1]))
    g_string_truncate (id, id->len - 1);

  if (id->len == 0)
    {
      g_string_free (id, TRUE);
      return NULL;
    }
  return g_string_free (id, FALSE);
}

/* ------------------------------------------------------------------ numbers */

const char *
_sodo_import_parse_arabic (const char *s,
              guint       max_digits,
              int        *value)
{
  guint n = 0;
  int v = 0;

  while (g_ascii_isdigit (s[n]))
    {
      if (n == max_digits)
        return NULL;
      v = v * 10 + (s[n] - '0');
      n++;
    }
  if (n == 0)
    return NULL;
  *value = v;
  return s + n;
}

static void
append_roman (GString *out,
              int      value)
{
  static const struct { int value; const char *digits; } table[] = {
    { 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" }, { 100, "C" }, { 90, "XC" },
    { 50, "L" }, { 40, "XL" }, { 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (table); i++)
    for (; value >= table[i].value; value -= table[i].value)
      g_string_append (out, table[i].digits);
}

/* A Roman numeral made of @letters (upper case; lower case too when @any_case), in its
 * canonical form only, so that words such as "CD" or "IIII" are not taken for numbers. */
static const char *
parse_roman (const char *s,
             const char *letters,
             gboolean    any_case,
             int        *value)
{
  g_autoptr(GString) canonical = g_string_new (NULL);
  char upper[16];
  int total = 0;
  guint n = 0, i;

  while (n < sizeof upper - 1 && s[n] != '\0' &&
         strchr (letters, any_case ? g_ascii_toupper (s[n]) : s[n]) != NULL)
    {
      upper[n] = g_ascii_toupper (s[n]);
      n++;
    }
  if (n == 0 || !at_word_end (s + n))
    return NULL;
  upper[n] = '\0';

  for (i = 0; i < n; i++)
    {
      static const char digits[] = "IVXLCDM";
      static const int values[] = { 1, 5, 10, 50, 100, 500, 1000 };
      int v = values[strchr (digits, upper[i]) - digits];
      int next = i + 1 < n ? values[strchr (digits, upper[i + 1]) - digits] : 0;

      total += v < next ? -v : v;
    }
  if (total <= 0 || total >= 4000)
    return NULL;
  append_roman (canonical, total);
  if (!g_str_equal (canonical->str, upper))
    return NULL;

  *value = total;
  return s + n;
}

/* "thứ nhất" … "thứ hai mươi": the ordinal words of Phần. */
static const char *
parse_ordinal (const char *s,
               int        *value)
{
  static const char *const words[] = {
    "mười một", "mười hai", "mười ba", "mười bốn", "mười tư", "mười lăm", "mười sáu",
    "mười bảy", "mười tám", "mười chín", "hai mươi",
    "nhất", "hai", "ba", "bốn", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
  };
  static const int values[] = {
    11, 12, 13, 14, 14, 15, 16, 17, 18, 19, 20,
    1, 2, 3, 4, 4, 5, 6, 7, 8, 9, 10,
  };
  const char *p = _sodo_import_skip_word_ci (s, "thứ");
  guint i;

  if (p == NULL || *p != ' ')
    return NULL;
  p++;
  for (i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const char *after = _sodo_import_skip_word_ci (p, words[i]);

      if (after != NULL)
        {
          *value = values[i];
          return after;
        }
    }
  return NULL;
}

/* ------------------------------------------------------------------ classifying */

static void
set_marker (SodoImportLine *line,
            const char     *number,
            const char     *number_end,
            const char     *marker_end,
            const char     *rest)
{
  line->number_start = number - line->text;
  line->number_len = number_end - number;
  line->marker_len = marker_end - line->text;
  line->rest = rest - line->text;
}

/* What may follow a heading's number: nothing, a separator (". : - –") and the title, or
 * a space and a title with a capital. A small letter means a sentence that names the
 * heading ("Chương I của Quy định này"), a digit a decimal ("Điều 5.1"). */
static gboolean
heading_tail (SodoImportLine *line,
              const char     *number,
              const char     *number_end,
              gboolean        allow_dash,
              gboolean        allow_space)
{
  const char *p = skip_spaces (number_end);
  const char *sep_end = NULL;

  if (*p == '\0')
    sep_end = p;
  else if (*p == '.' || *p == ':')
    sep_end = p + 1;
  else if (allow_dash && *p == '-')
    sep_end = p + 1;
  else if (allow_dash && (g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—")))
    sep_end = p + strlen ("–");
  else if (allow_space && p != number_end && _sodo_import_starts_upper (p))
    {
      set_marker (line, number, number_end, number_end, p);
      return TRUE;
    }

  if (sep_end == NULL || g_ascii_isdigit (*sep_end))
    return FALSE;
  set_marker (line, number, number_end, sep_end, skip_spaces (sep_end));
  return TRUE;
}

static gboolean
classify_heading (SodoImportLine *line)
{
  const char *s = line->text;
  const char *p, *end;
  int value = 0;

  if ((p = _sodo_import_skip_word_ci (s, "phần")) != NULL && *p == ' ')
    {
      p++;
      if ((end = parse_ordinal (p, &value)) != NULL ||
          (end = parse_roman (p, "IVXLC", _sodo_import_is_all_caps (s), &value)) != NULL ||
          (end = _sodo_import_parse_arabic (p, 2, &value)) != NULL)
        {
          line->kind = SODO_IMPORT_LINE_PART;
          line->value = value;
          return heading_tail (line, p, end, TRUE, TRUE);
        }
    }
  else if ((p = _sodo_import_skip_word_ci (s, "chương")) != NULL && *p == ' ')
    {
      p++;
      if ((end = parse_roman (p, "IVXLC", _sodo_import_is_all_caps (s), &value)) != NULL ||
          (end = _sodo_import_parse_arabic (p, 3, &value)) != NULL)
        {
          line->kind = SODO_IMPORT_LINE_CHAPTER;
          line->value = value;
          return heading_tail (line, p, end, TRUE, TRUE);
        }
    }
  else if ((p = _sodo_import_skip_word_ci (s, "tiểu mục")) != NULL && *p == ' ')
    {
      p++;
      if ((end = _sodo_import_parse_arabic (p, 3, &value)) != NULL)
        {
          line->kind = SODO_IMPORT_LINE_SUBSECTION;
          line->value = value;
          return heading_tail (line, p, end, TRUE, TRUE);
        }
    }
  else if ((p = _sodo_import_skip_word_ci (s, "mục")) != NULL && *p == ' ')
    {
      p++;
      if ((end = _sodo_import_parse_arabic (p, 3, &value)) != NULL ||
          (end = parse_roman (p, "IVX", FALSE, &value)) != NULL)
        {
          line->kind = SODO_IMPORT_LINE_SECTION;
          line->value = value;
          return heading_tail (line, p, end, TRUE, TRUE);
        }
    }
  else if ((p = _sodo_import_skip_word_ci (s, "điều")) != NULL && *p == ' ')
    {
      p++;
      if ((end = _sodo_import_parse_arabic (p, 4, &value)) != NULL)
        {
          line->kind = SODO_IMPORT_LINE_ARTICLE;
          line->value = value;
          return heading_tail (line, p, end, FALSE, FALSE);
        }
    }
  return FALSE;
}

static gboolean
classify_signature (SodoImportLine *line)
{
  static const char *const prefixes[] = {
    "T/M ", "TM. ", "TM ", "K/T ", "KT. ", "KT ", "T/L ", "TL. ", "TL ", "T/UQ ", "TUQ. ",
  };
  const char *s = line->text;
  const char *p;
  guint i;

  if ((p = _sodo_import_skip_word_ci (s, "nơi nhận")) != NULL && (*p == '\0' || *skip_spaces (p) == ':'))
    return TRUE;
  for (i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (s, prefixes[i]) && _sodo_import_is_all_caps (s + strlen (prefixes[i])))
      return TRUE;
  return FALSE;
}

/* A number followed by one of @seps and then a space or the end of the line; with
 * @tight, also directly by a capital ("1.Đảng đoàn", "a)Hội đồng" in careless copies). */
static gboolean
numbered_tail (SodoImportLine *line,
               const char     *number,
               const char     *number_end,
               const char     *seps,
               gboolean        tight)
{
  const char *p = number_end;
  gsize sep_len;

  if (g_str_has_prefix (p, "–"))
    sep_len = strlen ("–");
  else if (*p != '\0' && strchr (seps, *p) != NULL)
    sep_len = 1;
  else
    return FALSE;

  p += sep_len;
  if (*p != '\0' && *p != ' ' && !(tight && _sodo_import_starts_upper (p)))
    return FALSE;
  set_marker (line, number, number_end, p, skip_spaces (p));
  return TRUE;
}

static gboolean
classify_decimal (SodoImportLine *line)
{
  const char *s = line->text;
  const char *p;
  int value = 0;
  guint n_parts = 1;

  if ((p = _sodo_import_parse_arabic (s, 2, &value)) == NULL)
    return FALSE;
  while (p[0] == '.' && g_ascii_isdigit (p[1]) && n_parts < 4)
    {
      if ((p = _sodo_import_parse_arabic (p + 1, 2, &value)) == NULL)
        return FALSE;
      n_parts++;
    }
  if (n_parts < 2 || g_ascii_isdigit (*p))
    return FALSE;

  line->kind = SODO_IMPORT_LINE_DECIMAL;
  line->value = value;
  line->n_parts = n_parts;
  if (numbered_tail (line, s, p, ".-)", TRUE))
    return TRUE;
  /* "1.1 Text" without the final dot, but never "3.5 triệu đồng" in a wrapped sentence. */
  if (p[0] == ' ' && _sodo_import_starts_upper (p + 1))
    {
      set_marker (line, s, p, p, p + 1);
      return TRUE;
    }
  return FALSE;
}

/* The Vietnamese point letters: the alphabet without f, j, w, z, with đ after d. */
static int
point_letter_value (const char *s,
                    const char **end)
{
  static const char letters[] = "abcdeghiklmnopqrstuvxy";
  const char *found;

  if (g_str_has_prefix (s, "đ"))
    {
      *end = s + strlen ("đ");
      return 5;
    }
  if (*s == '\0' || (found = strchr (letters, *s)) == NULL)
    return 0;
  *end = s + 1;
  /* a b c d come before đ */
  return (found - letters) + (found - letters >= 4 ? 2 : 1);
}

static gboolean
classify_numbered (SodoImportLine *line)
{
  const char *s = line->text;
  const char *p;
  int value = 0;

  if (classify_decimal (line))
    return TRUE;

  if ((p = _sodo_import_parse_arabic (s, 3, &value)) != NULL &&
      numbered_tail (line, s, p, ".-)", TRUE))
    {
      line->kind = SODO_IMPORT_LINE_CLAUSE;
      line->value = value;
      return TRUE;
    }

  if ((value = point_letter_value (s, &p)) > 0 && numbered_tail (line, s, p, ")-", TRUE))
    {
      line->kind = SODO_IMPORT_LINE_POINT;
      line->value = value;
      return TRUE;
    }
  if (strchr ("fjwz", s[0]) != NULL && s[0] != '\0' && s[1] == ')' && (s[2] == ' ' || s[2] == '\0'))
    line->bad_letter = TRUE;

  if ((p = parse_roman (s, "IVX", FALSE, &value)) != NULL &&
      numbered_tail (line, s, p, ".-)", FALSE))
    {
      line->kind = SODO_IMPORT_LINE_ROMAN;
      line->value = value;
      return TRUE;
    }
  return FALSE;
}

static gboolean
classify_bullet (SodoImportLine *line)
{
  /* The last two are the private-use bullets of Word's Symbol and Wingdings fonts. */
  static const char *const bullets[] = {
    "-", "–", "—", "•", "·", "*", "▪", "●", "○", "\xEF\x82\xB7", "\xEF\x82\xA7",
  };
  const char *s = line->text;
  guint i;

  if (s[0] == '+' && (s[1] == ' ' || g_unichar_isalpha (g_utf8_get_char (s + 1))))
    {
      line->kind = SODO_IMPORT_LINE_PLUS;
      line->marker_len = 1;
      line->rest = skip_spaces (s + 1) - s;
      return TRUE;
    }
  for (i = 0; i < G_N_ELEMENTS (bullets); i++)
    {
      const char *p = s + strlen (bullets[i]);

      /* "-Căn cứ" without its space is common in careless copies; "-5" is a number. */
      if (g_str_has_prefix (s, bullets[i]) &&
          (*p == ' ' || g_unichar_isalpha (g_utf8_get_char (p))))
        {
          line->kind = SODO_IMPORT_LINE_BULLET;
          line->marker_len = p - s;
          line->rest = skip_spaces (p) - s;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_page_number (const char *s)
{
  const char *p = s;
  int value;

  if ((p = _sodo_import_skip_word_ci (s, "trang")) != NULL && *p == ' ')
    s = p + 1;
  else if (s[0] == '-' && s[1] == ' ')
    s += 2;
  if ((p = _sodo_import_parse_arabic (s, 4, &value)) == NULL)
    return FALSE;
  return *p == '\0' || g_str_equal (p, " -") || g_str_equal (p, "-");
}

/* "Điều 1. Phạm vi điều chỉnh ........ 3": a line of a table of contents ends with a dot
 * leader and a page number. */
static gboolean
is_contents_entry (const char *s)
{
  const char *end = s + strlen (s);
  const char *p = end;
  guint n_digits = 0, n_leaders = 0;

  while (p > s && g_ascii_isdigit (p[-1]) && n_digits <= 4)
    {
      p--;
      n_digits++;
    }
  if (n_digits == 0 || n_digits > 4)
    return FALSE;
  while (p > s && p[-1] == ' ')
    p--;
  while (p > s)
    {
      const char *prev = g_utf8_prev_char (p);
      gunichar c = g_utf8_get_char (prev);

      if (c == '.' || c == '_' || c == 0x00B7)
        n_leaders++;
      else if (c == 0x2026)
        n_leaders += 3;
      else if (c != ' ')
        break;
      p = prev;
    }
  return n_leaders >= 4 && p > s;
}

static void
classify_line (SodoImportLine *line)
{
  const char *p;
  gboolean has_alnum = FALSE;

  if (line->text[0] == '\0')
    {
      line->kind = SODO_IMPORT_LINE_BLANK;
      return;
    }
  for (p = line->text; *p != '\0' && !has_alnum; p = g_utf8_next_char (p))
    has_alnum = g_unichar_isalnum (g_utf8_get_char (p));

  line->kind = SODO_IMPORT_LINE_TEXT;
  if (!has_alnum)
    line->kind = SODO_IMPORT_LINE_RULE;
  else if (is_page_number (line->text))
    line->kind = SODO_IMPORT_LINE_PAGE_NUMBER;
  else if (is_contents_entry (line->text) ||
           ((p = _sodo_import_skip_word_ci (line->text, "mục lục")) != NULL && *p == '\0'))
    line->kind = SODO_IMPORT_LINE_CONTENTS;
  else if (classify_heading (line))
    return;
  else if (classify_signature (line))
    line->kind = SODO_IMPORT_LINE_SIGNATURE;
  else if (classify_numbered (line) || classify_bullet (line))
    return;
  else
    {
      /* A marker that failed half-way leaves its fields behind. */
      line->kind = SODO_IMPORT_LINE_TEXT;
      line->value = 0;
      line->n_parts = 0;
      line->number_start = line->number_len = line->marker_len = 0;
      line->rest = 0;
    }
}

SodoImportText *
_sodo_import_text_new (const char      *text,
                       gssize           length,
                       SodoDiagnostics *diags)
{
  SodoImportText *result = g_new0 (SodoImportText, 1);
  g_autofree char *repaired = NULL;
  LineBuilder b = { 0 };
  const char *end;
  guint i;

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);

  if (!g_utf8_validate_len (text, length, &end))
    {
      if (diags != NULL)
        sodo_diagnostics_add (diags, SODO_SEVERITY_WARNING, SODO_ERROR_ENCODING,
                              line_of_offset (text, end - text), 0, NULL,
                              _("The text is not valid UTF-8; bytes that are not were replaced by “\xEF\xBF\xBD”"));
      repaired = g_utf8_make_valid (text, length);
      text = repaired;
      length = strlen (repaired);
    }
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  b.buffer = g_string_sized_new (length + 1);
  b.lines = g_array_new (FALSE, FALSE, sizeof (SodoImportLine));
  b.offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  b.lineno = 1;
  builder_feed_text (&b, text, length);
  if (b.buffer->len > b.line_start)
    builder_end_line (&b, TRUE);

  result->buffer = g_string_free (b.buffer, FALSE);
  result->lines = b.lines;
  for (i = 0; i < result->lines->len; i++)
    {
      SodoImportLine *line = &g_array_index (result->lines, SodoImportLine, i);

      line->text = result->buffer + g_array_index (b.offsets, gsize, i);
      classify_line (line);
    }
  g_array_unref (b.offsets);

  return result;
}

void
_sodo_import_text_free (SodoImportText *text)
{
  if (text == NULL)
    return;
  g_array_unref (text->lines);
  g_free (text->buffer);
  g_free (text);
}
