/* sodo-language.c: the language of data text and formatting, and Vietnamese-aware helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sodo-json-private.h"
#include "sodo-language.h"

/* Fraction digits kept by sodo_format_number(). */
#define NUMBER_FRACTION_DIGITS 2

/* One of the two static strings "vi" and "en"; NULL until first asked or set. */
static const char *current_language;

static const char *
canonical_language (const char *lang)
{
  if (lang != NULL && g_str_has_prefix (lang, "vi") &&
      (lang[2] == '\0' || lang[2] == '_' || lang[2] == '-' || lang[2] == '.' || lang[2] == '@'))
    return "vi";
  if (lang != NULL && g_str_has_prefix (lang, "en") &&
      (lang[2] == '\0' || lang[2] == '_' || lang[2] == '-' || lang[2] == '.' || lang[2] == '@'))
    return "en";
  return NULL;
}

const char *
sodo_language_get (void)
{
  if (current_language == NULL)
    current_language = sodo_language_resolve ("");

  return current_language;
}

void
sodo_language_set (const char *lang)
{
  current_language = sodo_language_resolve (lang);
}

const char *
sodo_language_resolve (const char *preference)
{
  const char *const *names;
  const char *lang;

  lang = canonical_language (preference);
  if (lang != NULL)
    return lang;

  /* The first of the user's languages that Sodo speaks; English, the source language of the
   * interface, for everyone else. */
  names = g_get_language_names ();
  for (guint i = 0; names[i] != NULL; i++)
    {
      lang = canonical_language (names[i]);
      if (lang != NULL)
        return lang;
    }

  return "en";
}

static gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

char *
sodo_fold_for_search (const char *str)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;

  g_return_val_if_fail (str != NULL, NULL);

  /* NFD splits "ả" into "a" and its marks; Vietnamese "đ" has no decomposition, so it is
   * mapped by hand, as Vietnamese users type "d" for it when searching. */
  decomposed = g_utf8_normalize (str, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_mark (c))
        continue;
      if (c == 0x0110 || c == 0x0111)  /* Đ đ */
        c = 'd';
      g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, bare->len);
}

char *
sodo_collate_key (const char *str)
{
  g_return_val_if_fail (str != NULL, NULL);

  return g_utf8_collate_key (str, -1);
}

static gboolean
is_vietnamese (const char *lang)
{
  return g_strcmp0 (canonical_language (lang != NULL ? lang : sodo_language_get ()), "vi") == 0;
}

char *
sodo_format_number (double      value,
                    const char *lang)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 400];
  const char *group_separator = is_vietnamese (lang) ? "." : ",";
  const char *decimal_separator = is_vietnamese (lang) ? "," : ".";
  g_autoptr(GString) out = g_string_new (NULL);
  char *point, *digits;
  gsize n_integer_digits;

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value < 0 ? "−∞" : "∞");

  /* Always "." in the buffer, whatever the C locale says. */
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", fabs (value));
  point = strchr (buffer, '.');
  if (point != NULL)
    {
      char *last = point + strlen (point) - 1;

      while (last > point && *last == '0')
        *last-- = '\0';
      if (last == point)
        *point = '\0';
    }

  digits = buffer;
  n_integer_digits = point != NULL ? (gsize) (point - buffer) : strlen (buffer);
  if (value < 0 && strcmp (buffer, "0") != 0)
    g_string_append_c (out, '-');
  for (gsize i = 0; i < n_integer_digits; i++)
    {
      if (i > 0 && (n_integer_digits - i) % 3 == 0)
        g_string_append (out, group_separator);
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL && *point == '.')
    {
      g_string_append (out, decimal_separator);
      g_string_append (out, point + 1);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
sodo_format_date (const char *iso_date,
                  const char *lang)
{
  /* Dates in English data text follow the usual British form; not translated, since the
   * data language, not the UI catalog, decides. */
  static const char *const months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };
  guint year, month, day;

  if (!_sodo_date_is_valid (iso_date))
    return NULL;

  year = (guint) g_ascii_strtoull (iso_date, NULL, 10);
  month = (guint) g_ascii_strtoull (iso_date + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (iso_date + 8, NULL, 10);

  if (is_vietnamese (lang))
    return g_strdup_printf ("%02u/%02u/%04u", day, month, year);

  return g_strdup_printf ("%u %s %04u", day, months[month - 1], year);
}
