/* sodo-regulation-import-header.c: reading the header block of an imported text
 *
 * Above the body of a Vietnamese legal or Party document stand the issuing body, the
 * national or Party motto, the number ("Số 146-QĐ/TW"), place and date, the document type
 * ("QUY ĐỊNH") and its subject (trích yếu), then a preamble ("- Căn cứ …"). Copies from
 * two-column layouts often put two of these on one line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sodo-regulation-import-private.h"

static const char *
skip_spaces (const char *s)
{
  while (*s == ' ')
    s++;
  return s;
}


typedef enum {
  HEADER_ISSUER,    /* before the document type: issuing body, number, place and date */
  HEADER_SUBJECT,   /* after the type: the subject lines (trích yếu) */
  HEADER_DONE,
} HeaderState;

typedef struct {
  SodoImportHeader *header;
  HeaderState       state;
  GString          *issuer;
  GString          *title;
  gboolean          title_on_type_line;
  gboolean          has_subject;
} HeaderParser;

static const char *const document_types[] = {
  "QUY ĐỊNH", "QUYẾT ĐỊNH", "NGHỊ QUYẾT", "CHỈ THỊ", "KẾT LUẬN", "HƯỚNG DẪN", "QUY CHẾ",
  "THÔNG BÁO", "KẾ HOẠCH", "BÁO CÁO", "ĐIỀU LỆ", "QUY TRÌNH", "ĐỀ ÁN", "CHƯƠNG TRÌNH",
  "THÔNG TRI", "TỜ TRÌNH", "BỘ LUẬT", "LUẬT", "PHÁP LỆNH", "NGHỊ ĐỊNH", "THÔNG TƯ",
};

static gboolean
starts_with_type (const char *s)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (document_types); i++)
    {
      const char *after = _sodo_import_skip_word_ci (s, document_types[i]);

      if (after != NULL && (*after == '\0' || *after == ' '))
        return TRUE;
    }
  return FALSE;
}

/* "(Dự thảo)", "DỰ THẢO", "Dự thảo lần 2": a short line that marks a draft ("DỰ THẢO QUY
 * ĐỊNH" is a type line of a draft, read by parse_type_line()). */
static gboolean
is_draft_line (const char *s)
{
  const char *after;

  while (*s == '(' || *s == '[' || *s == ' ')
    s++;
  after = _sodo_import_skip_word_ci (s, "dự thảo");
  return after != NULL && _sodo_import_count_words (s) <= 6 && !starts_with_type (skip_spaces (after));
}

/* Removes @phrase (case-insensitive) and what follows up to @until (when not NULL). */
static void
remove_phrase (GString    *line,
               const char *phrase,
               const char *until)
{
  const char *after;
  const char *start = _sodo_import_find_word_ci (line->str, phrase, &after);

  if (start == NULL)
    return;
  if (until != NULL)
    {
      const char *until_after;

      if (_sodo_import_find_word_ci (after, until, &until_after) == NULL)
        return;
      after = until_after;
    }
  g_string_erase (line, start - line->str, after - start);
}

/* The national and Party mottos of the header: the same in every document, never data. */
static char *
strip_mottos (const char *text)
{
  GString *line = g_string_new (text);

  remove_phrase (line, "cộng hòa", "việt nam");
  remove_phrase (line, "cộng hoà", "việt nam");
  remove_phrase (line, "độc lập", "hạnh phúc");
  remove_phrase (line, "đảng cộng sản việt nam", NULL);
  /* What is left of a two-column header: the "*" under the issuing body, dashes, commas. */
  while (line->len > 0 && strchr ("*-,. ", line->str[line->len - 1]) != NULL)
    g_string_truncate (line, line->len - 1);
  while (line->len > 0 && (strchr ("*-,. ", line->str[0]) != NULL ||
                           g_str_has_prefix (line->str, "–")))
    g_string_erase (line, 0, line->str[0] == '\xE2' ? strlen ("–") : 1);
  return g_string_free (line, FALSE);
}

static gboolean
parse_date (const char *s,
            char      **out)
{
  const char *after;

  while ((s = _sodo_import_find_word_ci (s, "ngày", &after)) != NULL)
    {
      int day = 0, month = 0, year = 0;
      const char *p = skip_spaces (after);
      const char *q;

      s = after;
      if ((p = _sodo_import_parse_arabic (p, 2, &day)) == NULL)
        continue;
      if ((q = _sodo_import_skip_word_ci (skip_spaces (p), "tháng")) != NULL &&
          (q = _sodo_import_parse_arabic (skip_spaces (q), 2, &month)) != NULL &&
          (q = _sodo_import_skip_word_ci (skip_spaces (q), "năm")) != NULL)
        q = _sodo_import_parse_arabic (skip_spaces (q), 4, &year);
      else if (*p == '/' || *p == '-' || *p == '.')
        {
          char sep = *p;

          q = _sodo_import_parse_arabic (p + 1, 2, &month);
          if (q != NULL && *q == sep)
            q = _sodo_import_parse_arabic (q + 1, 4, &year);
        }
      else
        continue;

      if (q != NULL && year >= 1000 && g_date_valid_dmy (day, month, year))
        {
          *out = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
          return TRUE;
        }
    }
  return FALSE;
}

/* "Hà Nội, ngày 14 tháng 5 năm 2024", also with blanks for the day in a draft. */
static gboolean
is_date_line (const char *s)
{
  const char *after;
  const char *ngay = _sodo_import_find_word_ci (s, "ngày", &after);

  if (ngay == NULL || _sodo_import_find_word_ci (after, "năm", &after) == NULL)
    return FALSE;
  return ngay == s || (ngay >= s + 2 && ngay[-2] == ',');
}

/* "Số 146-QĐ/TW", "Số: 30/2020/NĐ-CP", "Số     -QĐ/TU" (a draft). The rest of the line may
 * hold the place and date of a two-column header copied as one line. */
static gboolean
parse_number_line (HeaderParser *parser,
                   const char   *s)
{
  const char *p = _sodo_import_skip_word_ci (s, "số");
  const char *start, *end;
  gboolean has_digit = FALSE, has_slash = FALSE;

  if (p == NULL)
    return FALSE;
  p = skip_spaces (p);
  if (*p == ':')
    p = skip_spaces (p + 1);
  start = p;
  for (end = start; *end != '\0' && *end != ' '; end++)
    {
      has_digit = has_digit || g_ascii_isdigit (*end);
      has_slash = has_slash || *end == '/';
    }
  if ((!has_digit && !has_slash) || end - start > 64)
    return FALSE;

  while (end > start && strchr (",.;", end[-1]) != NULL)
    end--;
  if (has_digit && parser->header->number == NULL)
    parser->header->number = g_strndup (start, end - start);
  if (parser->header->date == NULL)
    parse_date (end, &parser->header->date);
  return TRUE;
}

static gboolean
is_enacting_line (const char *s)
{
  static const char *const verbs[] = { "QUY ĐỊNH", "QUYẾT ĐỊNH", "QUYẾT NGHỊ", "BAN HÀNH" };
  gsize len = strlen (s);
  guint i;

  if (!_sodo_import_is_all_caps (s))
    return FALSE;
  if (len > 0 && s[len - 1] == ':')
    return TRUE;
  for (i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_has_suffix (s, verbs[i]) && len > strlen (verbs[i]))
      return TRUE;
  return FALSE;
}

static void
sentence_case (GString    *out,
               const char *str)
{
  g_autofree char *lower = g_utf8_strdown (str, -1);

  g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (lower)));
  g_string_append (out, g_utf8_next_char (lower));
}

static gboolean
parse_type_line (HeaderParser *parser,
                 const char   *s)
{
  guint i;

  if (_sodo_import_skip_word_ci (s, "dự thảo") != NULL)
    {
      parser->header->draft = TRUE;
      s = skip_spaces (_sodo_import_skip_word_ci (s, "dự thảo"));
    }
  for (i = 0; i < G_N_ELEMENTS (document_types); i++)
    {
      const char *after = _sodo_import_skip_word_ci (s, document_types[i]);

      if (after == NULL || (*after != '\0' && *after != ' '))
        continue;
      /* "QUY ĐỊNH VỀ …" carries its subject on the same line: keep the line as printed. */
      if (*after != '\0')
        {
          g_string_append (parser->title, s);
          parser->title_on_type_line = TRUE;
          parser->has_subject = TRUE;
        }
      else
        sentence_case (parser->title, s);
      parser->state = HEADER_SUBJECT;
      return TRUE;
    }
  return FALSE;
}

static gboolean
header_issuer_line (HeaderParser *parser,
                    const char   *s)
{
  if (parse_number_line (parser, s))
    return TRUE;
  if (is_date_line (s))
    {
      if (parser->header->date == NULL)
        parse_date (s, &parser->header->date);
      return TRUE;
    }
  /* The type first: "DỰ THẢO QUY ĐỊNH" is a type line, "BAN BÍ THƯ QUY ĐỊNH" is not. */
  if (parse_type_line (parser, s))
    return TRUE;
  if (is_enacting_line (s))
    return FALSE;
  if (_sodo_import_is_all_caps (s) && parser->issuer->len + strlen (s) < 1024)
    {
      if (parser->issuer->len > 0)
        g_string_append_c (parser->issuer, ' ');
      g_string_append (parser->issuer, s);
      return TRUE;
    }
  return FALSE;
}

static gboolean
header_subject_line (HeaderParser *parser,
                     const char   *s)
{
  gsize len = strlen (s);

  if (is_date_line (s))
    {
      if (parser->header->date == NULL)
        parse_date (s, &parser->header->date);
      return TRUE;
    }
  if (s[0] == '(' && s[len - 1] == ')' && parser->has_subject)
    {
      if (parser->header->description == NULL)
        parser->header->description = g_strndup (s + 1, len - 2);
      return TRUE;
    }
  if (s[0] == '-' || s[0] == '+' || is_enacting_line (s) || s[len - 1] == ':' ||
      _sodo_import_skip_word_ci (s, "căn cứ") != NULL || parser->title->len + len > 2048)
    return FALSE;
  /* A subject in capitals continues in capitals; one in small letters starts with one. */
  if (parser->title_on_type_line && !_sodo_import_is_all_caps (s) && !_sodo_import_starts_lower (s))
    return FALSE;

  g_string_append_c (parser->title, ' ');
  g_string_append (parser->title, s);
  parser->has_subject = TRUE;
  return TRUE;
}

static gboolean
header_line (HeaderParser         *parser,
             const SodoImportLine *line)
{
  g_autofree char *s = NULL;

  /* A table of contents ends the header; the body reports it. */
  if (line->kind == SODO_IMPORT_LINE_CONTENTS)
    return FALSE;
  if (line->kind == SODO_IMPORT_LINE_BLANK || line->kind == SODO_IMPORT_LINE_RULE)
    {
      /* A blank line or a rule closes the subject once it has begun. */
      if (parser->state == HEADER_SUBJECT && parser->has_subject)
        parser->state = HEADER_DONE;
      return TRUE;
    }
  if (is_draft_line (line->text))
    {
      parser->header->draft = TRUE;
      return TRUE;
    }
  /* Long lines are sentences, never header items (and not worth searching for mottos). */
  if (strlen (line->text) > 400)
    return FALSE;

  s = strip_mottos (line->text);
  if (s[0] == '\0')
    return TRUE;
  if (parser->state == HEADER_ISSUER)
    return header_issuer_line (parser, s);
  return header_subject_line (parser, s);
}

void
_sodo_import_header_parse (SodoImportHeader *header,
                           SodoImportText   *text,
                           guint             limit)
{
  HeaderParser parser = { header, HEADER_ISSUER, NULL, NULL, FALSE, FALSE };
  guint i;

  memset (header, 0, sizeof *header);
  parser.issuer = g_string_new (NULL);
  parser.title = g_string_new (NULL);

  for (i = 0; i < limit && parser.state != HEADER_DONE; i++)
    if (!header_line (&parser, &g_array_index (text->lines, SodoImportLine, i)))
      break;
  header->end = i;

  if (parser.issuer->len > 0)
    header->issuer = g_strdup (parser.issuer->str);
  /* A type alone ("Quy định") says too little to be a title. */
  if (parser.has_subject)
    header->title = g_strdup (parser.title->str);
  g_string_free (parser.issuer, TRUE);
  g_string_free (parser.title, TRUE);
}

void
_sodo_import_header_clear (SodoImportHeader *header)
{
  g_clear_pointer (&header->issuer, g_free);
  g_clear_pointer (&header->number, g_free);
  g_clear_pointer (&header->date, g_free);
  g_clear_pointer (&header->title, g_free);
  g_clear_pointer (&header->description, g_free);
}
