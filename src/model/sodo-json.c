/* sodo-json.c: reading a JSON document safely, and finding positions in it for messages
 *
 * json-glib's parser recurses on nesting and trusts its input more than Sodo can, so a cheap
 * byte scan runs first: encoding, NUL bytes, nesting depth and string length are checked there
 * with the exact line:column. The scan also accepts only what RFC 8259 allows outside strings
 * (json-glib would take single quotes and comments), which keeps its view of the text identical
 * to the parser's.
 *
 * Positions of objects and members are only needed when something is wrong, so they are worked
 * out on first use from the text, walking it in step with the parsed tree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sodo-json-private.h"
#include "sodo-json-scan-private.h"
#include "sodo-json-stream-private.h"
#include "sodo-limits.h"

/* Where an element of a list in the root object starts, found by the byte scan. */
typedef struct {
  guint32 offset;
  guint32 line;
} ElementPosition;

struct _SodoJsonDoc {
  GBytes     *bytes;
  const char *text;            /* after a BOM */
  gsize       length;
  JsonNode   *root;

  /* Found by the byte scan, at no extra pass. */
  GHashTable *element_positions;   /* root member name -> GArray of ElementPosition */
  GPtrArray  *root_array_keys;     /* see _sodo_json_stream_parser_new() */
  GHashTable *root_keys;           /* root member name -> offset + 1 of its last key */
  GHashTable *repeated_root_keys;  /* root member name -> offset + 1 of a repeat */

  /* Worked out on first use (the error path). */
  GArray     *line_starts;     /* guint32 offset of each line's first byte */
  gboolean    positions_ready;
  GHashTable *object_offsets;  /* JsonObject * -> offset + 1 of its "{" */
};

typedef struct {
  SodoDiagnostics *diags;
  const char      *text;
  gsize            length;
  SodoJsonKeys    *keys;     /* member names of the open objects */
} ScanContext;

static void
offset_to_position (const char *text,
                    gsize       offset,
                    guint      *line,
                    guint      *column)
{
  const char *line_start = text;
  const char *end = text + offset;
  guint line_number = 1;

  for (const char *p = memchr (text, '\n', offset); p != NULL;
       p = memchr (p + 1, '\n', end - p - 1))
    {
      line_number++;
      line_start = p + 1;
      if (line_start >= end)
        break;
    }

  *line = line_number;
  /* Columns count characters, as an editor shows them. The text up to @offset is valid
   * UTF-8 except when reporting an encoding error, where the bad byte itself is not counted. */
  *column = (guint) g_utf8_strlen (line_start, end - line_start) + 1;
}

static gboolean
scan_report (ScanContext   *scan,
             SodoErrorCode  code,
             gsize          offset,
             const char    *message)
{
  guint line, column;

  offset_to_position (scan->text, offset, &line, &column);
  sodo_diagnostics_add (scan->diags, SODO_SEVERITY_ERROR, code, line, column, NULL,
                        "%s", message);
  return FALSE;
}

static gboolean
scan_report_problem (ScanContext         *scan,
                     SodoJsonScanProblem *problem)
{
  g_autofree char *message = problem->message;

  return scan_report (scan, problem->code, problem->offset, message);
}

static gboolean
check_encoding (ScanContext *scan)
{
  const char *end = NULL;

  if (g_utf8_validate (scan->text, scan->length, &end))
    return TRUE;

  if (*end == '\0')
    return scan_report (scan, SODO_ERROR_ENCODING, end - scan->text,
                        _("the file contains a NUL byte: it is not a text file"));

  return scan_report (scan, SODO_ERROR_ENCODING, end - scan->text,
                      _("the file is not valid UTF-8 text"));
}

/* What the byte scan records about the root object as it goes. */
typedef struct {
  SodoJsonDoc *doc;
  GArray      *current;         /* ElementPosition of the root list being scanned, or NULL */
  gboolean     expect_element;  /* after "[" or "," of that list */
  const char  *key_start;       /* last string seen at depth 1 */
  gsize        key_length;
} Recorder;

/* Called for each array that is not inside another array, in text order: the streaming
 * parser counts the same arrays, so the n-th name here is the n-th array it sees. */
static void
recorder_open_array (Recorder *recorder,
                     gboolean  in_root_object)
{
  char *key;

  recorder->current = NULL;
  if (!in_root_object || recorder->key_start == NULL)
    {
      g_ptr_array_add (recorder->doc->root_array_keys, NULL);
      return;
    }

  key = g_strndup (recorder->key_start, recorder->key_length);
  g_ptr_array_add (recorder->doc->root_array_keys, g_strdup (key));
  recorder->current = g_array_new (FALSE, FALSE, sizeof (ElementPosition));
  recorder->expect_element = TRUE;
  /* A repeated key replaces the array, as json-glib keeps the last value. */
  g_hash_table_replace (recorder->doc->element_positions, key, recorder->current);
}

static void
recorder_add_element (Recorder *recorder,
                      gsize     offset,
                      guint     line)
{
  ElementPosition position = { (guint32) offset, line };

  g_array_append_val (recorder->current, position);
  recorder->expect_element = FALSE;
}

static void
recorder_add_root_key (Recorder *recorder)
{
  SodoJsonDoc *doc = recorder->doc;
  gsize offset = recorder->key_start - 1 - doc->text;
  char *key = g_strndup (recorder->key_start, recorder->key_length);

  if (g_hash_table_contains (doc->root_keys, key))
    g_hash_table_replace (doc->repeated_root_keys, g_strdup (key), GSIZE_TO_POINTER (offset + 1));
  g_hash_table_replace (doc->root_keys, key, GSIZE_TO_POINTER (offset + 1));
}

static gsize
scan_string (ScanContext *scan,
             gsize        start,
             gboolean    *ok)
{
  const guchar *text = (const guchar *) scan->text;
  gsize pos = start + 1;
  gboolean needs_check = FALSE;
  SodoJsonScanProblem problem;

  *ok = FALSE;
  while (pos < scan->length)
    {
      guchar c = text[pos];

      if (c == '"')
        break;
      /* Escapes get a closer look. */
      needs_check |= (c == '\\');
      if (c < 0x20)
        {
          scan_report (scan, SODO_ERROR_SYNTAX, pos,
                       _("not valid JSON: a line break or control character inside a string "
                         "must be written as an escape such as \\n"));
          return pos;
        }
      pos += (c == '\\') ? 2 : 1;
    }

  if (pos >= scan->length)
    {
      scan_report (scan, SODO_ERROR_SYNTAX, start, _("not valid JSON: a string is not closed"));
      return pos;
    }
  if (pos - start - 1 > SODO_MAX_STRING_LENGTH)
    {
      g_autofree char *message =
        g_strdup_printf (_("a string is longer than the limit of %d bytes"),
                         SODO_MAX_STRING_LENGTH);

      scan_report (scan, SODO_ERROR_LIMIT, start, message);
      return pos;
    }
  if (needs_check && !_sodo_json_scan_check_string (scan->text, start, pos, &problem))
    {
      scan_report_problem (scan, &problem);
      return pos;
    }

  *ok = TRUE;
  return pos;
}

/* A string is a member name when a ":" follows it. */
static gboolean
is_member_name (ScanContext *scan,
                gsize        end)
{
  for (gsize pos = end + 1; pos < scan->length; pos++)
    if (!g_ascii_isspace (scan->text[pos]))
      return scan->text[pos] == ':';
  return FALSE;
}

static gboolean
is_value_char (guchar c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '+' || c == '.';
}

static gboolean
report_unexpected (ScanContext *scan,
                   gsize        pos)
{
  g_autofree char *message = NULL;
  g_autofree char *character = NULL;
  gunichar uc = g_utf8_get_char (scan->text + pos);

  character = g_ucs4_to_utf8 (&uc, 1, NULL, NULL, NULL);
  message = g_strdup_printf (_("not valid JSON: unexpected character “%s”"),
                             g_unichar_isprint (uc) ? character : "?");
  return scan_report (scan, SODO_ERROR_SYNTAX, pos, message);
}

static gboolean
scan_structure (ScanContext *scan,
                Recorder    *recorder)
{
  const guchar *text = (const guchar *) scan->text;
  guint depth = 0;
  guint array_depth = 0;
  guint line = 1;
  gboolean root_is_object = FALSE;
  gboolean root_closed = FALSE;
  SodoJsonScanProblem problem;

  for (gsize pos = 0; pos < scan->length; pos++)
    {
      guchar c = text[pos];
      gboolean ok;

      /* json-glib ignores what follows the document. */
      if (root_closed && c != ' ' && c != '\t' && c != '\r' && c != '\n')
        return scan_report (scan, SODO_ERROR_SYNTAX, pos,
                            _("not valid JSON: there is more after the end of the data"));

      /* The first character of an element of a list in the root object. */
      if (depth == 2 && recorder->expect_element && c != ' ' && c != '\t' && c != '\r' &&
          c != '\n' && c != ']')
        recorder_add_element (recorder, pos, line);

      switch (c)
        {
        case '\n':
          line++;
          break;
        case ' ': case '\t': case '\r':
          break;
        case ':':
          if (depth == 1 && root_is_object && recorder->key_start != NULL)
            recorder_add_root_key (recorder);
          break;
        case ',':
          if (depth == 2 && recorder->current != NULL)
            recorder->expect_element = TRUE;
          break;
        case '"':
          {
            gsize start = pos;

            pos = scan_string (scan, pos, &ok);
            if (!ok)
              return FALSE;
            if (_sodo_json_keys_in_object (scan->keys) && is_member_name (scan, pos) &&
                !_sodo_json_keys_add (scan->keys, start, pos, &problem))
              return scan_report_problem (scan, &problem);
            if (depth == 1 && root_is_object)
              {
                recorder->key_start = scan->text + start + 1;
                recorder->key_length = pos - start - 1;
              }
          }
          break;
        case '{': case '[':
          if (++depth > SODO_MAX_JSON_DEPTH)
            {
              g_autofree char *message =
                g_strdup_printf (_("the data is nested more than %d levels deep"),
                                 SODO_MAX_JSON_DEPTH);

              return scan_report (scan, SODO_ERROR_LIMIT, pos, message);
            }
          _sodo_json_keys_open (scan->keys, c == '{');
          if (depth == 1)
            root_is_object = (c == '{');
          if (c == '[' && array_depth++ == 0)
            recorder_open_array (recorder, depth == 2 && root_is_object);
          break;
        case '}': case ']':
          if (depth == 0)
            return scan_report (scan, SODO_ERROR_SYNTAX, pos,
                                c == '}'
                                ? _("not valid JSON: a “}” closes nothing")
                                : _("not valid JSON: a “]” closes nothing"));
          _sodo_json_keys_close (scan->keys);
          root_closed = depth == 1;
          if (depth == 2)
            {
              recorder->current = NULL;
              recorder->expect_element = FALSE;
            }
          if (depth > 0)
            depth--;
          if (c == ']' && array_depth > 0)
            array_depth--;
          break;
        default:
          if (c == '-' || g_ascii_isdigit (c))
            {
              gsize end;

              if (!_sodo_json_scan_check_number (scan->text, scan->length, pos, &end, &problem))
                return scan_report_problem (scan, &problem);
              pos = end - 1;
            }
          else if (!is_value_char (c))
            return report_unexpected (scan, pos);
          break;
        }
    }

  if (depth > 0)
    return scan_report (scan, SODO_ERROR_SYNTAX, scan->length,
                        _("not valid JSON: the file ends before every “{” and “[” is closed "
                          "(is it cut short?)"));
  return TRUE;
}

static const char *
parser_error_message (const GError *error,
                      const char   *detail)
{
  if (error->domain != JSON_PARSER_ERROR)
    return NULL;

  switch (error->code)
    {
    case JSON_PARSER_ERROR_TRAILING_COMMA:
      return _("not valid JSON: a comma before a closing bracket");
    case JSON_PARSER_ERROR_MISSING_COMMA:
      return _("not valid JSON: a comma is missing between two values");
    case JSON_PARSER_ERROR_MISSING_COLON:
      return _("not valid JSON: a colon is missing after a member name");
    case JSON_PARSER_ERROR_INVALID_BAREWORD:
      return _("not valid JSON: a word that is not true, false or null, or text without quotes");
    case JSON_PARSER_ERROR_EMPTY_MEMBER_NAME:
      return _("not valid JSON: an empty member name");
    default:
      return NULL;
    }
}

/* json-glib says "<data>:LINE:BYTE: Parse error: DETAIL"; columns here count characters. */
static void
report_parser_error (SodoJsonDoc     *doc,
                     SodoDiagnostics *diags,
                     const GError    *error)
{
  const char *message = error->message;
  const char *detail = message;
  guint64 line = 0, byte_column = 0;
  guint column = 0;
  const char *known;
  char *end;

  if (g_str_has_prefix (message, "<data>:"))
    {
      line = g_ascii_strtoull (message + strlen ("<data>:"), &end, 10);
      if (*end == ':')
        byte_column = g_ascii_strtoull (end + 1, &end, 10);
      detail = strstr (message, ": Parse error: ");
      detail = detail != NULL ? detail + strlen (": Parse error: ") : message;
    }

  if (line > 0 && line <= G_MAXUINT)
    {
      const char *line_start = doc->text;
      const char *text_end = doc->text + doc->length;
      const char *line_end;

      for (guint64 l = 1; l < line && line_start < text_end; l++)
        {
          const char *newline = memchr (line_start, '\n', text_end - line_start);
          line_start = newline != NULL ? newline + 1 : text_end;
        }
      line_end = memchr (line_start, '\n', text_end - line_start);
      if (line_end == NULL)
        line_end = text_end;
      if (byte_column > 0)
        column = g_utf8_strlen (line_start, MIN (byte_column - 1,
                                                 (guint64) (line_end - line_start))) + 1;
    }
  else
    line = 0;

  known = parser_error_message (error, detail);
  if (known != NULL)
    sodo_diagnostics_add (diags, SODO_SEVERITY_ERROR, SODO_ERROR_SYNTAX,
                          (guint) line, column, NULL, "%s", known);
  else
    sodo_diagnostics_add (diags, SODO_SEVERITY_ERROR, SODO_ERROR_SYNTAX,
                          (guint) line, column, NULL, _("not valid JSON: %s"), detail);
}

SodoJsonDoc *
_sodo_json_doc_scan (GBytes          *bytes,
                     SodoDiagnostics *diags)
{
  g_autoptr(SodoJsonDoc) doc = NULL;
  g_autoptr(SodoJsonKeys) keys = NULL;
  Recorder recorder = { 0, };
  ScanContext scan;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (diags != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > SODO_MAX_FILE_SIZE)
    {
      sodo_diagnostics_add (diags, SODO_SEVERITY_ERROR, SODO_ERROR_LIMIT, 0, 0, NULL,
                            _("the file is larger than the limit of %d MB"),
                            SODO_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  doc = g_new0 (SodoJsonDoc, 1);
  doc->bytes = g_bytes_ref (bytes);
  doc->text = data != NULL ? data : "";
  doc->length = size;
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      doc->text += 3;
      doc->length -= 3;
    }
  doc->element_positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify) g_array_unref);
  doc->root_array_keys = g_ptr_array_new_with_free_func (g_free);
  doc->root_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc->repeated_root_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  scan.diags = diags;
  scan.text = doc->text;
  scan.length = doc->length;
  scan.keys = keys = _sodo_json_keys_new (doc->text);
  recorder.doc = doc;
  if (!check_encoding (&scan) || !scan_structure (&scan, &recorder))
    return NULL;

  return g_steal_pointer (&doc);
}

static gboolean
load_tree (SodoJsonDoc     *doc,
           SodoDiagnostics *diags,
           JsonParser      *parser)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (doc->root == NULL, FALSE);

  if (!json_parser_load_from_data (parser, doc->text, (gssize) doc->length, &error))
    {
      report_parser_error (doc, diags, error);
      return FALSE;
    }

  doc->root = json_parser_steal_root (parser);
  if (doc->root == NULL)
    {
      sodo_diagnostics_add (diags, SODO_SEVERITY_ERROR, SODO_ERROR_SYNTAX, 0, 0, NULL,
                            "%s", _("the file is empty"));
      return FALSE;
    }

  return TRUE;
}

SodoJsonDoc *
_sodo_json_doc_parse (GBytes          *bytes,
                      SodoDiagnostics *diags)
{
  g_autoptr(SodoJsonDoc) doc = NULL;
  g_autoptr(JsonParser) parser = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (diags != NULL, NULL);

  doc = _sodo_json_doc_scan (bytes, diags);
  if (doc == NULL)
    return NULL;

  parser = json_parser_new ();
  if (!load_tree (doc, diags, parser))
    return NULL;

  return g_steal_pointer (&doc);
}

gboolean
_sodo_json_doc_parse_streaming (SodoJsonDoc         *doc,
                                SodoDiagnostics     *diags,
                                const char          *root_member,
                                SodoJsonElementFunc  func,
                                gpointer             user_data)
{
  g_autoptr(JsonParser) parser = NULL;
  gpointer repeated;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (diags != NULL, FALSE);
  g_return_val_if_fail (root_member != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* json-glib keeps the last of repeated members, but the elements of every copy would have
   * been handed over by then. */
  repeated = g_hash_table_lookup (doc->repeated_root_keys, root_member);
  if (repeated != NULL)
    {
      guint line, column;

      offset_to_position (doc->text, GPOINTER_TO_SIZE (repeated) - 1, &line, &column);
      sodo_diagnostics_add (diags, SODO_SEVERITY_ERROR, SODO_ERROR_DUPLICATE, line, column,
                            root_member, _("“%s” is given twice: a file has only one"),
                            root_member);
      return FALSE;
    }

  parser = _sodo_json_stream_parser_new (doc->root_array_keys, root_member, func, user_data);
  return load_tree (doc, diags, parser);
}

void
_sodo_json_doc_free (SodoJsonDoc *doc)
{
  if (doc == NULL)
    return;

  g_clear_pointer (&doc->root, json_node_unref);
  g_clear_pointer (&doc->element_positions, g_hash_table_unref);
  g_clear_pointer (&doc->root_array_keys, g_ptr_array_unref);
  g_clear_pointer (&doc->root_keys, g_hash_table_unref);
  g_clear_pointer (&doc->repeated_root_keys, g_hash_table_unref);
  g_clear_pointer (&doc->object_offsets, g_hash_table_unref);
  g_clear_pointer (&doc->line_starts, g_array_unref);
  g_bytes_unref (doc->bytes);
  g_free (doc);
}

JsonNode *
_sodo_json_doc_get_root (SodoJsonDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return doc->root;
}

static const ElementPosition *
get_element_position (SodoJsonDoc *doc,
                      const char  *root_member,
                      guint        index)
{
  GArray *positions = g_hash_table_lookup (doc->element_positions, root_member);

  if (positions == NULL || index >= positions->len)
    return NULL;

  return &g_array_index (positions, ElementPosition, index);
}

guint
_sodo_json_doc_get_element_line (SodoJsonDoc *doc,
                                 const char  *root_member,
                                 guint        index)
{
  const ElementPosition *position;

  g_return_val_if_fail (doc != NULL, 0);
  g_return_val_if_fail (root_member != NULL, 0);

  position = get_element_position (doc, root_member, index);
  return position != NULL ? position->line : 0;
}

/* Positions, worked out on first use. The text passed the scan and the parser, so it is
 * valid JSON: only double-quoted strings, no comments. */

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Skips white space and the ":" between a member name and its value. */
static gsize
skip_space (SodoJsonDoc *doc,
            gsize        pos)
{
  while (pos < doc->length && (is_json_space (doc->text[pos]) || doc->text[pos] == ':'))
    pos++;
  return pos;
}

/* @pos is at the opening quote; returns the position of the closing one. */
static gsize
skip_string (SodoJsonDoc *doc,
             gsize        pos)
{
  pos++;
  while (pos < doc->length && doc->text[pos] != '"')
    pos += doc->text[pos] == '\\' ? 2 : 1;
  return MIN (pos, doc->length);
}

static gunichar
parse_hex4 (const char *hex)
{
  gunichar value = 0;

  for (guint i = 0; i < 4; i++)
    value = value * 16 + MAX (g_ascii_xdigit_value (hex[i]), 0);
  return value;
}

static void
decode_string (SodoJsonDoc *doc,
               gsize        start,
               gsize        end,
               GString     *out)
{
  g_string_truncate (out, 0);

  for (gsize pos = start; pos < end; pos++)
    {
      char c = doc->text[pos];
      gunichar uc;

      if (c != '\\' || pos + 1 >= end)
        {
          g_string_append_c (out, c);
          continue;
        }

      c = doc->text[++pos];
      switch (c)
        {
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          if (pos + 4 >= end)
            return;
          uc = parse_hex4 (doc->text + pos + 1);
          pos += 4;
          if (uc >= 0xD800 && uc < 0xDC00 && pos + 6 < end && doc->text[pos + 1] == '\\' &&
              doc->text[pos + 2] == 'u')
            {
              gunichar low = parse_hex4 (doc->text + pos + 3);

              uc = 0x10000 + ((uc - 0xD800) << 10) + (low - 0xDC00);
              pos += 6;
            }
          g_string_append_unichar (out, uc);
          break;
        default:
          g_string_append_c (out, c);
          break;
        }
    }
}

static gboolean
key_equals (SodoJsonDoc *doc,
            gsize        start,
            gsize        end,
            const char  *key,
            GString     *scratch)
{
  if (memchr (doc->text + start, '\\', end - start) == NULL)
    return strlen (key) == end - start && memcmp (doc->text + start, key, end - start) == 0;

  decode_string (doc, start, end, scratch);
  return strcmp (scratch->str, key) == 0;
}

typedef struct {
  JsonNode *node;          /* the container, NULL when it has no counterpart in the tree */
  gboolean  is_object;
  gboolean  expect_key;
  guint     next_index;
} WalkFrame;

static JsonNode *
next_array_element (WalkFrame *frame)
{
  JsonArray *array;

  if (frame->node == NULL || !JSON_NODE_HOLDS_ARRAY (frame->node))
    return NULL;

  array = json_node_get_array (frame->node);
  if (frame->next_index >= json_array_get_length (array))
    return NULL;

  return json_array_get_element (array, frame->next_index++);
}

static JsonNode *
object_member_for_key (SodoJsonDoc *doc,
                       WalkFrame   *frame,
                       gsize        start,
                       gsize        end,
                       GString     *scratch)
{
  if (frame->node == NULL || !JSON_NODE_HOLDS_OBJECT (frame->node))
    return NULL;

  decode_string (doc, start, end, scratch);
  return json_object_get_member (json_node_get_object (frame->node), scratch->str);
}

static void
ensure_line_starts (SodoJsonDoc *doc)
{
  guint32 start = 0;

  if (doc->line_starts != NULL)
    return;

  doc->line_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (doc->line_starts, start);
  for (const char *p = memchr (doc->text, '\n', doc->length); p != NULL;
       p = memchr (p + 1, '\n', doc->text + doc->length - p - 1))
    {
      start = (guint32) (p + 1 - doc->text);
      g_array_append_val (doc->line_starts, start);
    }
}

static void
build_positions (SodoJsonDoc *doc)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (WalkFrame));
  g_autoptr(GString) scratch = g_string_new (NULL);
  JsonNode *next = doc->root;
  gsize pos = 0;

  doc->object_offsets = g_hash_table_new (NULL, NULL);

  while ((pos = skip_space (doc, pos)) < doc->length)
    {
      WalkFrame *top = stack->len > 0 ? &g_array_index (stack, WalkFrame, stack->len - 1) : NULL;
      char c = doc->text[pos];
      WalkFrame frame = { next, c == '{', c == '{', 0 };

      switch (c)
        {
        case '{':
        case '[':
          if (c == '{' && next != NULL && JSON_NODE_HOLDS_OBJECT (next))
            g_hash_table_insert (doc->object_offsets, json_node_get_object (next),
                                 GSIZE_TO_POINTER (pos + 1));
          g_array_append_val (stack, frame);
          top = &g_array_index (stack, WalkFrame, stack->len - 1);
          next = c == '[' ? next_array_element (top) : NULL;
          pos++;
          break;
        case '}':
        case ']':
          if (stack->len > 0)
            g_array_set_size (stack, stack->len - 1);
          next = NULL;
          pos++;
          break;
        case ',':
          if (top != NULL && top->is_object)
            top->expect_key = TRUE;
          else if (top != NULL)
            next = next_array_element (top);
          pos++;
          break;
        case '"':
          {
            gsize end = skip_string (doc, pos);

            if (top != NULL && top->is_object && top->expect_key)
              {
                next = object_member_for_key (doc, top, pos + 1, end, scratch);
                top->expect_key = FALSE;
              }
            pos = end + 1;
          }
          break;
        default:
          while (pos < doc->length && !is_json_space (doc->text[pos]) &&
                 strchr (",]}", doc->text[pos]) == NULL)
            pos++;
          break;
        }
    }

  doc->positions_ready = TRUE;
}

static void
offset_to_line_column (SodoJsonDoc *doc,
                       gsize        offset,
                       guint       *line,
                       guint       *column)
{
  const guint32 *starts;
  guint low, high;

  ensure_line_starts (doc);
  starts = (const guint32 *) (gpointer) doc->line_starts->data;
  low = 0;
  high = doc->line_starts->len;

  /* The last line start at or before @offset. */
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (starts[middle] <= offset)
        low = middle;
      else
        high = middle;
    }

  *line = low + 1;
  *column = (guint) g_utf8_strlen (doc->text + starts[low], offset - starts[low]) + 1;
}

#define NO_OFFSET G_MAXSIZE

/* Offset of the last @member key directly inside the object starting at @object_offset
 * (json-glib keeps the last of repeated members), or NO_OFFSET. */
static gsize
find_member_offset (SodoJsonDoc *doc,
                    gsize        object_offset,
                    const char  *member)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  gsize found = NO_OFFSET;
  gsize pos = object_offset + 1;
  guint depth = 1;
  gboolean expect_key = TRUE;

  if (object_offset >= doc->length || doc->text[object_offset] != '{')
    return NO_OFFSET;

  while (depth > 0 && (pos = skip_space (doc, pos)) < doc->length)
    {
      char c = doc->text[pos];

      if (c == '"')
        {
          gsize end = skip_string (doc, pos);

          if (depth == 1 && expect_key && key_equals (doc, pos + 1, end, member, scratch))
            found = pos;
          if (depth == 1)
            expect_key = FALSE;
          pos = end + 1;
          continue;
        }
      if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        depth--;
      else if (c == ',' && depth == 1)
        expect_key = TRUE;
      pos++;
    }

  return found;
}

/* Offset of element @index of the array starting at @array_offset, or NO_OFFSET. */
static gsize
find_element_offset (SodoJsonDoc *doc,
                     gsize        array_offset,
                     guint        index)
{
  gsize pos = array_offset + 1;
  guint depth = 1;
  guint element = 0;
  gboolean expect_element = TRUE;

  if (array_offset >= doc->length || doc->text[array_offset] != '[')
    return NO_OFFSET;

  while (depth > 0 && (pos = skip_space (doc, pos)) < doc->length)
    {
      char c = doc->text[pos];

      if (depth == 1 && expect_element && c != ']')
        {
          if (element == index)
            return pos;
          element++;
          expect_element = FALSE;
        }
      if (c == '"')
        {
          pos = skip_string (doc, pos) + 1;
          continue;
        }
      if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        depth--;
      else if (c == ',' && depth == 1)
        expect_element = TRUE;
      pos++;
    }

  return NO_OFFSET;
}

/* The value of the member whose key starts at @key_offset. */
static gsize
member_value_offset (SodoJsonDoc *doc,
                     gsize        key_offset)
{
  return skip_space (doc, skip_string (doc, key_offset) + 1);
}

/* Splits "name[3][4]" off the front of @path: the name, and the indices that follow. */
static const char *
next_path_step (const char *path,
                GString    *name,
                GArray     *indices)
{
  const char *end = path + strcspn (path, ".[");

  g_string_assign (name, "");
  g_string_append_len (name, path, end - path);
  g_array_set_size (indices, 0);
  while (*end == '[')
    {
      char *close;
      guint64 index = g_ascii_strtoull (end + 1, &close, 10);
      guint value = (guint) MIN (index, G_MAXUINT);

      if (close == end + 1 || *close != ']')
        return NULL;
      g_array_append_val (indices, value);
      end = close + 1;
    }

  return end;
}

/* Follows @path ("units[3].people[0]") from the root value; FALSE when the text has no such
 * place. The lists and members of the root object are found from the byte scan's records,
 * so a path into a million-unit list costs no more than one into a short one. */
static gboolean
follow_path (SodoJsonDoc *doc,
             const char  *path,
             gsize       *offset)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean at_root = TRUE;

  *offset = skip_space (doc, 0);
  while (*path != '\0')
    {
      guint first_index = 0;

      path = next_path_step (path, name, indices);
      if (path == NULL || (*path != '\0' && *path != '.'))
        return FALSE;
      if (*path == '.')
        path++;

      if (at_root && indices->len > 0 &&
          get_element_position (doc, name->str, g_array_index (indices, guint, 0)) != NULL)
        {
          *offset = get_element_position (doc, name->str, g_array_index (indices, guint, 0))->offset;
          first_index = 1;
        }
      else if (name->len > 0)
        {
          gpointer root_key = at_root ? g_hash_table_lookup (doc->root_keys, name->str) : NULL;
          gsize key = root_key != NULL ? GPOINTER_TO_SIZE (root_key) - 1
                                       : find_member_offset (doc, *offset, name->str);

          if (key == NO_OFFSET)
            return FALSE;
          *offset = member_value_offset (doc, key);
        }

      for (guint i = first_index; i < indices->len; i++)
        {
          *offset = find_element_offset (doc, *offset, g_array_index (indices, guint, i));
          if (*offset == NO_OFFSET)
            return FALSE;
        }
      at_root = FALSE;
    }

  return TRUE;
}

gboolean
_sodo_json_doc_locate (SodoJsonDoc *doc,
                       const char  *path,
                       const char  *member,
                       guint       *line,
                       guint       *column)
{
  gsize offset;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (line != NULL && column != NULL, FALSE);

  *line = 0;
  *column = 0;
  if (!follow_path (doc, path != NULL ? path : "", &offset))
    return FALSE;

  if (member != NULL)
    {
      const char *bracket = strchr (member, '[');
      g_autofree char *name = g_strndup (member, bracket != NULL ? (gsize) (bracket - member)
                                                                 : strlen (member));
      gboolean at_root = path == NULL || path[0] == '\0';
      gpointer root_key = at_root ? g_hash_table_lookup (doc->root_keys, name) : NULL;
      gsize key = root_key != NULL ? GPOINTER_TO_SIZE (root_key) - 1
                                   : find_member_offset (doc, offset, name);

      /* A missing member points at its object, and "people[2]" at "people" (the loaders'
       * tests rely on it); a path such as "units[3]" points at the element itself. */
      if (key != NO_OFFSET)
        offset = key;
    }

  offset_to_line_column (doc, offset, line, column);
  return TRUE;
}

void
_sodo_json_doc_get_position (SodoJsonDoc *doc,
                             JsonObject  *object,
                             const char  *member,
                             guint       *line,
                             guint       *column)
{
  gpointer value;
  gsize offset;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (line != NULL && column != NULL);

  *line = 0;
  *column = 0;
  if (object == NULL)
    return;

  /* Objects are found by walking the text in step with the tree: only once it is whole. */
  if (doc->root == NULL)
    return;
  if (!doc->positions_ready)
    build_positions (doc);

  value = g_hash_table_lookup (doc->object_offsets, object);
  if (value == NULL)
    return;

  offset = GPOINTER_TO_SIZE (value) - 1;
  if (member != NULL && find_member_offset (doc, offset, member) != NO_OFFSET)
    offset = find_member_offset (doc, offset, member);

  offset_to_line_column (doc, offset, line, column);
}

GBytes *
_sodo_json_read_file (GFile           *file,
                      SodoDiagnostics *diags,
                      GCancellable    *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (diags != NULL, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      sodo_diagnostics_add (diags, SODO_SEVERITY_ERROR, SODO_ERROR_IO, 0, 0, NULL,
                            _("could not read the file: %s"), error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      sodo_diagnostics_add (diags, SODO_SEVERITY_ERROR, SODO_ERROR_IO, 0, 0, NULL,
                            "%s", _("could not read the file: it is a folder"));
      return NULL;
    }
  if (g_file_info_get_size (info) > SODO_MAX_FILE_SIZE)
    {
      sodo_diagnostics_add (diags, SODO_SEVERITY_ERROR, SODO_ERROR_LIMIT, 0, 0, NULL,
                            _("the file is larger than the limit of %d MB"),
                            SODO_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Not mapped: a file truncated by another program while mapped would crash Sodo, and one
   * bad file must never lose what is open. g_file_get_contents() reads a local file into a
   * buffer of its exact size, without the growing copies of a stream. */
  path = g_file_get_path (file);
  if (path != NULL)
    {
      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          sodo_diagnostics_add (diags, SODO_SEVERITY_ERROR, SODO_ERROR_IO, 0, 0, NULL,
                                _("could not read the file: %s"), error->message);
          return NULL;
        }
    }
  else if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &error))
    {
      sodo_diagnostics_add (diags, SODO_SEVERITY_ERROR, SODO_ERROR_IO, 0, 0, NULL,
                            _("could not read the file: %s"), error->message);
      return NULL;
    }
  if (length > SODO_MAX_FILE_SIZE)
    {
      g_free (contents);
      sodo_diagnostics_add (diags, SODO_SEVERITY_ERROR, SODO_ERROR_LIMIT, 0, 0, NULL,
                            _("the file is larger than the limit of %d MB"),
                            SODO_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  return g_bytes_new_take (contents, length);
}
