/* sodo-json-scan.c: the checks of the byte scan that json-glib 1.6 does not make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sodo-json-scan-private.h"

/* Longest piece of a number or a member name quoted back in a message, in bytes. */
#define QUOTE_LENGTH 40
/* An object with more members than this gets a hash table to find repeats. */
#define LINEAR_KEYS  16

static gboolean
set_problem (SodoJsonScanProblem *problem,
             gsize                offset,
             SodoErrorCode        code,
             char                *message)
{
  problem->offset = offset;
  problem->code = code;
  problem->message = message;
  return FALSE;
}

/* @length bytes of @text for a message, cut at a character boundary. */
static char *
quote_text (const char *text,
            gsize       length)
{
  const char *end = text + MIN (length, QUOTE_LENGTH);
  g_autofree char *head = NULL;

  if (length <= QUOTE_LENGTH)
    return g_strndup (text, length);
  while (end > text && (*end & 0xc0) == 0x80)
    end--;
  head = g_strndup (text, end - text);
  return g_strconcat (head, "…", NULL);
}

static int
hex4 (const char *hex)
{
  int value = 0;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (hex[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* json-glib would cut the string short there, silently. */
static gboolean
report_nul (SodoJsonScanProblem *problem,
            gsize                offset)
{
  return set_problem (problem, offset, SODO_ERROR_VALUE,
                      g_strdup (_("a string holds the character U+0000 (written \\u0000), "
                                  "which Sodo cannot keep: remove it")));
}

/* Checks the escape at @pos (its backslash); returns its length, or 0 after setting @problem. */
static gsize
check_escape (const char          *text,
              gsize                pos,
              gsize                end,
              SodoJsonScanProblem *problem)
{
  int unit, low;

  switch (text[pos + 1])
    {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      return 2;
    case 'u':
      break;
    default:
      {
        g_autofree char *escape = quote_text (text + pos, g_utf8_next_char (text + pos + 1) -
                                                          (text + pos));

        set_problem (problem, pos, SODO_ERROR_SYNTAX,
                     g_strdup_printf (_("not valid JSON: “%s” is not an escape: use \\\", \\\\, "
                                        "\\/, \\b, \\f, \\n, \\r, \\t or \\u followed by four hex "
                                        "digits"), escape));
        return 0;
      }
    }

  unit = pos + 6 <= end ? hex4 (text + pos + 2) : -1;
  if (unit < 0)
    {
      set_problem (problem, pos, SODO_ERROR_SYNTAX,
                   g_strdup (_("not valid JSON: \\u must be followed by four hex digits")));
      return 0;
    }
  if (unit >= 0xdc00 && unit <= 0xdfff)
    goto unpaired;
  if (unit >= 0xd800 && unit <= 0xdbff)
    {
      low = pos + 12 <= end && text[pos + 6] == '\\' && text[pos + 7] == 'u'
            ? hex4 (text + pos + 8) : -1;
      if (low < 0xdc00 || low > 0xdfff)
        goto unpaired;
      return 12;
    }
  if (unit == 0)
    {
      report_nul (problem, pos);
      return 0;
    }
  return 6;

unpaired:
  set_problem (problem, pos, SODO_ERROR_ENCODING,
               g_strdup_printf (_("“\\u%04x” is half of a character (a UTF-16 surrogate) "
                                  "without its other half"), (guint) unit));
  return 0;
}

gboolean
_sodo_json_scan_check_string (const char          *text,
                              gsize                start,
                              gsize                end,
                              SodoJsonScanProblem *problem)
{
  gsize pos = start + 1;

  while (pos < end)
    {
      guchar c = (guchar) text[pos];

      if (c == '\\')
        {
          gsize length = check_escape (text, pos, end, problem);

          if (length == 0)
            return FALSE;
          pos += length;
        }
      else
        pos++;
    }

  return TRUE;
}

static gsize
skip_digits (const char *text,
             gsize       length,
             gsize       pos)
{
  while (pos < length && g_ascii_isdigit (text[pos]))
    pos++;
  return pos;
}

static gboolean
is_token_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '+' || c == '.';
}

gboolean
_sodo_json_scan_check_number (const char          *text,
                              gsize                length,
                              gsize                start,
                              gsize               *end,
                              SodoJsonScanProblem *problem)
{
  gsize pos = start, token_end = start;
  gboolean integer = TRUE;
  g_autofree char *number = NULL;

  /* -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
  if (pos < length && text[pos] == '-')
    pos++;
  if (pos < length && text[pos] == '0')
    pos++;
  else if (pos < length && g_ascii_isdigit (text[pos]))
    pos = skip_digits (text, length, pos);
  else
    goto bad;
  if (pos < length && text[pos] == '.')
    {
      integer = FALSE;
      if (pos + 1 >= length || !g_ascii_isdigit (text[pos + 1]))
        goto bad;
      pos = skip_digits (text, length, pos + 1);
    }
  if (pos < length && (text[pos] == 'e' || text[pos] == 'E'))
    {
      integer = FALSE;
      pos++;
      if (pos < length && (text[pos] == '+' || text[pos] == '-'))
        pos++;
      if (pos >= length || !g_ascii_isdigit (text[pos]))
        goto bad;
      pos = skip_digits (text, length, pos);
    }
  if (pos < length && is_token_char (text[pos]))
    goto bad;

  *end = pos;
  number = g_strndup (text + start, pos - start);
  errno = 0;
  if (integer)
    (void) g_ascii_strtoll (number, NULL, 10);
  if ((integer && errno == ERANGE) || !isfinite (g_ascii_strtod (number, NULL)))
    {
      g_autofree char *quoted = quote_text (number, pos - start);

      return set_problem (problem, start, SODO_ERROR_VALUE,
                          g_strdup_printf (integer
                                           ? _("the number %s is too large: whole numbers "
                                               "go up to 9223372036854775807")
                                           : _("the number %s is too large: numbers go up "
                                               "to about 1.8e308"),
                                           quoted));
    }
  return TRUE;

bad:
  for (token_end = start; token_end < length && is_token_char (text[token_end]); token_end++)
    ;
  {
    g_autofree char *quoted = quote_text (text + start, MAX (token_end - start, 1));

    *end = token_end;
    return set_problem (problem, start, SODO_ERROR_SYNTAX,
                        g_strdup_printf (_("not valid JSON: “%s” is not a number"), quoted));
  }
}

/* Repeated member names */

typedef struct {
  guint32 start;     /* offset of the opening quote */
  guint32 end;       /* offset of the closing quote */
  guint   hash;      /* of the decoded name */
} KeyRef;

typedef struct {
  gboolean    is_object;
  guint       first_key;   /* index in keys->refs */
  GHashTable *by_name;     /* decoded name -> KeyRef index + 1, past LINEAR_KEYS members */
} Frame;

struct _SodoJsonKeys {
  const char *text;
  GArray     *frames;      /* of Frame */
  GArray     *refs;        /* of KeyRef, for the open objects */
  GString    *scratch;
  GString    *other;
};

SodoJsonKeys *
_sodo_json_keys_new (const char *text)
{
  SodoJsonKeys *keys = g_new0 (SodoJsonKeys, 1);

  keys->text = text;
  keys->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  keys->refs = g_array_new (FALSE, FALSE, sizeof (KeyRef));
  keys->scratch = g_string_new (NULL);
  keys->other = g_string_new (NULL);
  return keys;
}

void
_sodo_json_keys_free (SodoJsonKeys *keys)
{
  if (keys == NULL)
    return;

  while (keys->frames->len > 0)
    _sodo_json_keys_close (keys);
  g_array_unref (keys->frames);
  g_array_unref (keys->refs);
  g_string_free (keys->scratch, TRUE);
  g_string_free (keys->other, TRUE);
  g_free (keys);
}

void
_sodo_json_keys_open (SodoJsonKeys *keys,
                      gboolean      is_object)
{
  Frame frame = { is_object, keys->refs->len, NULL };

  g_array_append_val (keys->frames, frame);
}

void
_sodo_json_keys_close (SodoJsonKeys *keys)
{
  Frame *frame;

  if (keys->frames->len == 0)
    return;

  frame = &g_array_index (keys->frames, Frame, keys->frames->len - 1);
  g_array_set_size (keys->refs, frame->first_key);
  g_clear_pointer (&frame->by_name, g_hash_table_unref);
  g_array_set_size (keys->frames, keys->frames->len - 1);
}

gboolean
_sodo_json_keys_in_object (SodoJsonKeys *keys)
{
  return keys->frames->len > 0 &&
         g_array_index (keys->frames, Frame, keys->frames->len - 1).is_object;
}

/* The name between the quotes at @start and @end with its escapes decoded (already checked). */
static void
decode_name (const char *text,
             gsize       start,
             gsize       end,
             GString    *out)
{
  g_string_truncate (out, 0);
  for (gsize pos = start + 1; pos < end; pos++)
    {
      char c = text[pos];
      int unit;

      if (c != '\\')
        {
          g_string_append_c (out, c);
          continue;
        }
      c = text[++pos];
      switch (c)
        {
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          unit = hex4 (text + pos + 1);
          pos += 4;
          if (unit >= 0xd800 && unit <= 0xdbff)
            {
              unit = 0x10000 + ((unit - 0xd800) << 10) + (hex4 (text + pos + 3) - 0xdc00);
              pos += 6;
            }
          g_string_append_unichar (out, (gunichar) unit);
          break;
        default:
          g_string_append_c (out, c);
          break;
        }
    }
}

static const char *
name_of (SodoJsonKeys *keys,
         gsize         start,
         gsize         end,
         GString      *buffer,
         gsize        *length)
{
  if (memchr (keys->text + start + 1, '\\', end - start - 1) == NULL)
    {
      *length = end - start - 1;
      return keys->text + start + 1;
    }

  decode_name (keys->text, start, end, buffer);
  *length = buffer->len;
  return buffer->str;
}

static guint
hash_bytes (const char *bytes,
            gsize       length)
{
  guint hash = 5381;

  for (gsize i = 0; i < length; i++)
    hash = hash * 33 + (guchar) bytes[i];
  return hash;
}

static gboolean
same_name (SodoJsonKeys *keys,
           const KeyRef *a,
           const char   *name,
           gsize         length)
{
  gsize other_length;
  const char *other = name_of (keys, a->start, a->end, keys->other, &other_length);

  return other_length == length && memcmp (other, name, length) == 0;
}

static gboolean
report_repeat (SodoJsonKeys        *keys,
               const KeyRef        *first,
               const char          *name,
               gsize                length,
               gsize                start,
               SodoJsonScanProblem *problem)
{
  g_autofree char *quoted = quote_text (name, length);
  guint line = 1;

  for (const char *p = keys->text; p < keys->text + first->start; p++)
    if (*p == '\n')
      line++;

  return set_problem (problem, start, SODO_ERROR_DUPLICATE,
                      g_strdup_printf (_("the member “%s” is given twice in one object (first "
                                         "on line %u): which one is meant is not clear"),
                                       quoted, line));
}

gboolean
_sodo_json_keys_add (SodoJsonKeys        *keys,
                     gsize                start,
                     gsize                end,
                     SodoJsonScanProblem *problem)
{
  Frame *frame;
  KeyRef ref;
  gsize length;
  const char *name;
  guint n_keys;

  if (!_sodo_json_keys_in_object (keys))
    return TRUE;

  frame = &g_array_index (keys->frames, Frame, keys->frames->len - 1);
  name = name_of (keys, start, end, keys->scratch, &length);
  ref.start = (guint32) start;
  ref.end = (guint32) end;
  ref.hash = hash_bytes (name, length);
  n_keys = keys->refs->len - frame->first_key;

  if (frame->by_name != NULL)
    {
      g_autofree char *owned = g_strndup (name, length);
      gpointer found = g_hash_table_lookup (frame->by_name, owned);

      /* Names holding "\u0000" are refused before they get here, so strings compare whole. */
      if (found != NULL)
        return report_repeat (keys, &g_array_index (keys->refs, KeyRef,
                                                    GPOINTER_TO_UINT (found) - 1),
                              name, length, start, problem);
    }
  else
    {
      for (guint i = frame->first_key; i < keys->refs->len; i++)
        {
          const KeyRef *other = &g_array_index (keys->refs, KeyRef, i);

          if (other->hash == ref.hash && same_name (keys, other, name, length))
            return report_repeat (keys, other, name, length, start, problem);
        }
    }

  g_array_append_val (keys->refs, ref);
  if (frame->by_name == NULL && n_keys + 1 > LINEAR_KEYS)
    {
      frame->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = frame->first_key; i < keys->refs->len; i++)
        {
          const KeyRef *other = &g_array_index (keys->refs, KeyRef, i);
          gsize other_length;
          const char *other_name = name_of (keys, other->start, other->end, keys->other,
                                            &other_length);

          g_hash_table_insert (frame->by_name, g_strndup (other_name, other_length),
                               GUINT_TO_POINTER (i + 1));
        }
    }
  else if (frame->by_name != NULL)
    g_hash_table_insert (frame->by_name, g_strndup (name, length),
                         GUINT_TO_POINTER (keys->refs->len));

  return TRUE;
}
