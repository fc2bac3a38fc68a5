/* sodo-orgchart-fast.c: the units of a chart read straight from the text, without json-glib
 *
 * json-glib makes a node for every value and a signal emission for every element: for a
 * million units that was most of the time to open a file (about 10 s for 170 MB). Most units
 * are a handful of strings, so this reads the "units" list itself, one unit at a time, into
 * the loader; the rest of the document (header, kinds, relations: small) goes through the
 * usual path with an empty "units" list, and so do the checks that need every unit.
 *
 * It only goes where it is sure to give what the usual path gives. At anything it does not
 * check itself (an escape it does not decode, a string or number the byte scan refuses,
 * an unknown member, any value the loader would report) it gives up, and the file is loaded
 * the usual way, which reports every problem with its position. Units with details
 * (people, dates, successors, …) are checked here, made into json-glib objects one at a
 * time (parsed by json-glib when they hold a number) and read by _sodo_orgchart_load_unit(),
 * so their rules stay in one place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sodo-json-scan-private.h"
#include "sodo-limits.h"
#include "sodo-orgchart-fast-private.h"

/* Deepest nesting inside one unit that is read here (people[0].role is 3 below the unit). */
#define MAX_UNIT_DEPTH 8
/* Most members of one object inside a unit, for the repeated-member check. */
#define MAX_MEMBERS    64

typedef struct {
  gsize offset;      /* into Reader.buffer */
  gsize length;
  gboolean present;
  gboolean is_null;
} Slice;

/* A text value: a plain string, or up to MAX_TEXT_ENTRIES languages. */
#define MAX_TEXT_ENTRIES 8

typedef struct {
  gboolean present;
  gboolean is_null;
  gboolean is_object;
  guint    n_entries;
  Slice    plain;
  Slice    langs[MAX_TEXT_ENTRIES];
  Slice    texts[MAX_TEXT_ENTRIES];
} TextValue;

enum {
  MEMBER_ID = 1 << 0,
  MEMBER_PARENT = 1 << 1,
  MEMBER_KIND = 1 << 2,
  MEMBER_NAME = 1 << 3,
  MEMBER_SHORT_NAME = 1 << 4,
  MEMBER_HOST = 1 << 5,
  MEMBER_DETAIL = 1 << 6,   /* one bit per detail member below, shifted */
};

static const char *const detail_keys[] = {
  "description", "people", "figures", "valid_from", "valid_to", "successors",
  "regulation_refs", NULL,
};

typedef struct {
  const guchar *text;
  gsize         length;
  gsize         pos;
  guint         line;
  GString      *buffer;    /* decoded strings of the current unit, each NUL-terminated */
  JsonParser   *parser;    /* for units with details */
  /* guint32 units whose ids go into the index once the list is read: with the count known,
   * the table is made the right size at once instead of growing a dozen times. */
  GArray       *unindexed;
} Reader;

typedef struct {
  guint     members;       /* MEMBER_* seen */
  Slice     id;
  Slice     parent;
  Slice     kind;
  TextValue name;
  TextValue short_name;
  TextValue host;
} UnitValues;

static inline void
skip_space (Reader *reader)
{
  while (reader->pos < reader->length)
    {
      guchar c = reader->text[reader->pos];

      if (c == '\n')
        reader->line++;
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
      reader->pos++;
    }
}

static inline gboolean
take_char (Reader *reader,
           guchar  c)
{
  skip_space (reader);
  if (reader->pos < reader->length && reader->text[reader->pos] == c)
    {
      reader->pos++;
      return TRUE;
    }
  return FALSE;
}

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Reader  *reader,
           gsize    at,
           guint32 *out)
{
  guint32 value = 0;

  if (at + 4 > reader->length)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (reader->text[at + i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + (guint32) digit;
    }
  *out = value;
  return TRUE;
}

/* A \u escape (at the backslash). Surrogates only in pairs and no U+0000, as the byte scan
 * wants; control characters other than tab and line breaks are left to the usual path. */
static gboolean
decode_unicode_escape (Reader *reader)
{
  guint32 c, low;
  char utf8[6];

  if (!read_hex4 (reader, reader->pos + 2, &c))
    return FALSE;
  reader->pos += 6;
  if (c >= 0xd800 && c <= 0xdbff)
    {
      if (reader->pos + 2 > reader->length || reader->text[reader->pos] != '\\' ||
          reader->text[reader->pos + 1] != 'u' ||
          !read_hex4 (reader, reader->pos + 2, &low) || low < 0xdc00 || low > 0xdfff)
        return FALSE;
      reader->pos += 6;
      c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
    }
  else if (c >= 0xdc00 && c <= 0xdfff)
    return FALSE;

  if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f))
    return FALSE;
  g_string_append_len (reader->buffer, utf8, g_unichar_to_utf8 (c, utf8));
  return TRUE;
}

static gboolean
decode_escape (Reader *reader)
{
  guchar c;

  if (reader->pos + 1 >= reader->length)
    return FALSE;
  c = reader->text[reader->pos + 1];
  switch (c)
    {
    case '"': case '\\': case '/':
      g_string_append_c (reader->buffer, (char) c);
      break;
    case 'n':
      g_string_append_c (reader->buffer, '\n');
      break;
    case 't':
      g_string_append_c (reader->buffer, '\t');
      break;
    case 'r':
      g_string_append_c (reader->buffer, '\r');
      break;
    case 'u':
      return decode_unicode_escape (reader);
    default:
      /* \b and \f are control characters, which the byte scan refuses. */
      return FALSE;
    }
  reader->pos += 2;
  return TRUE;
}

/* Reads the string at reader->pos (its opening quote) into the buffer. FALSE for what the
 * byte scan refuses (a raw control character, a string longer than the limit as written)
 * and for what is left to the usual path (C1 control characters, 0xC2 0x80-0x9F, and the
 * escapes not decoded here). The text's UTF-8 is checked unit by unit. */
static gboolean
read_string (Reader *reader,
             Slice  *out)
{
  const guchar *text = reader->text;
  gsize start = reader->pos;
  gsize pos = start + 1;
  gsize run_start = pos;

  out->offset = reader->buffer->len;
  out->present = TRUE;
  out->is_null = FALSE;
  for (;;)
    {
      guchar c;

      while (pos < reader->length && text[pos] != '"' && text[pos] != '\\' &&
             text[pos] >= 0x20 && text[pos] != 0xc2)
        pos++;
      if (pos >= reader->length)
        return FALSE;

      c = text[pos];
      g_string_append_len (reader->buffer, (const char *) text + run_start,
                           (gssize) (pos - run_start));
      if (c == '"')
        break;
      if (c < 0x20)
        return FALSE;
      if (c == 0xc2)
        {
          if (pos + 1 < reader->length && text[pos + 1] >= 0x80 && text[pos + 1] <= 0x9f)
            return FALSE;
          g_string_append_c (reader->buffer, (char) c);
          pos++;
        }
      else
        {
          reader->pos = pos;
          if (!decode_escape (reader))
            return FALSE;
          pos = reader->pos;
        }
      run_start = pos;
    }

  /* The limit counts the bytes between the quotes, escapes as written. */
  if (pos - start - 1 > SODO_MAX_STRING_LENGTH)
    return FALSE;
  out->length = reader->buffer->len - out->offset;
  g_string_append_c (reader->buffer, '\0');
  reader->pos = pos + 1;
  return TRUE;
}

static inline const char *
slice_str (Reader      *reader,
           const Slice *slice)
{
  return reader->buffer->str + slice->offset;
}

static gboolean
slice_equal (Reader      *reader,
             const Slice *a,
             const Slice *b)
{
  return a->length == b->length &&
         memcmp (slice_str (reader, a), slice_str (reader, b), a->length) == 0;
}

static gboolean
take_literal (Reader     *reader,
              const char *literal)
{
  gsize length = strlen (literal);

  if (reader->pos + length > reader->length ||
      memcmp (reader->text + reader->pos, literal, length) != 0)
    return FALSE;
  reader->pos += length;
  return TRUE;
}

/* A number, by the byte scan's own rule (RFC 8259, and within range). */
static gboolean
skip_number (Reader *reader)
{
  SodoJsonScanProblem problem = { 0, };
  gsize end = 0;

  if (!_sodo_json_scan_check_number ((const char *) reader->text, reader->length, reader->pos,
                                     &end, &problem))
    {
      g_free (problem.message);
      return FALSE;
    }
  reader->pos = end;
  return TRUE;
}

static gboolean skip_value (Reader *reader,
                            guint   depth);

/* An object, checked for repeated members as the byte scan does. */
static gboolean
skip_object (Reader *reader,
             guint   depth)
{
  Slice keys[MAX_MEMBERS];
  guint n_keys = 0;

  reader->pos++;
  if (take_char (reader, '}'))
    return TRUE;
  do
    {
      skip_space (reader);
      if (n_keys == MAX_MEMBERS || reader->pos >= reader->length ||
          reader->text[reader->pos] != '"' || !read_string (reader, &keys[n_keys]))
        return FALSE;
      for (guint i = 0; i < n_keys; i++)
        if (slice_equal (reader, &keys[i], &keys[n_keys]))
          return FALSE;
      n_keys++;
      if (!take_char (reader, ':') || !skip_value (reader, depth + 1))
        return FALSE;
    }
  while (take_char (reader, ','));

  return take_char (reader, '}');
}

static gboolean
skip_array (Reader *reader,
            guint   depth)
{
  reader->pos++;
  if (take_char (reader, ']'))
    return TRUE;
  do
    if (!skip_value (reader, depth + 1))
      return FALSE;
  while (take_char (reader, ','));

  return take_char (reader, ']');
}

/* Checks one value strictly (its strings go to the buffer, and are not used). */
static gboolean
skip_value (Reader *reader,
            guint   depth)
{
  Slice ignored;

  skip_space (reader);
  if (depth > MAX_UNIT_DEPTH || reader->pos >= reader->length)
    return FALSE;

  switch (reader->text[reader->pos])
    {
    case '"':
      return read_string (reader, &ignored);
    case '{':
      return skip_object (reader, depth);
    case '[':
      return skip_array (reader, depth);
    case 't':
      return take_literal (reader, "true");
    case 'f':
      return take_literal (reader, "false");
    case 'n':
      return take_literal (reader, "null");
    default:
      if (reader->text[reader->pos] == '-' || g_ascii_isdigit (reader->text[reader->pos]))
        return skip_number (reader);
      return FALSE;
    }
}

/* A string, or null when @nullable. */
static gboolean
read_string_value (Reader   *reader,
                   Slice    *out,
                   gboolean  nullable)
{
  skip_space (reader);
  if (reader->pos < reader->length && reader->text[reader->pos] == '"')
    return read_string (reader, out);
  if (nullable && take_literal (reader, "null"))
    {
      out->present = TRUE;
      out->is_null = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* An L value: a string, an object of strings by language, or null. Anything else, and
 * any repeated language, is left to the usual path. */
static gboolean
read_text_value (Reader    *reader,
                 TextValue *out)
{
  skip_space (reader);
  out->present = TRUE;
  if (reader->pos >= reader->length)
    return FALSE;
  if (reader->text[reader->pos] == '"')
    return read_string (reader, &out->plain);
  if (take_literal (reader, "null"))
    {
      out->is_null = TRUE;
      return TRUE;
    }
  if (reader->text[reader->pos] != '{')
    return FALSE;

  out->is_object = TRUE;
  reader->pos++;
  if (take_char (reader, '}'))
    return TRUE;
  do
    {
      Slice *lang = &out->langs[out->n_entries];

      skip_space (reader);
      if (out->n_entries == MAX_TEXT_ENTRIES || reader->pos >= reader->length ||
          reader->text[reader->pos] != '"' || !read_string (reader, lang))
        return FALSE;
      for (guint i = 0; i < out->n_entries; i++)
        if (slice_equal (reader, &out->langs[i], lang))
          return FALSE;
      if (!take_char (reader, ':') ||
          !read_string_value (reader, &out->texts[out->n_entries], FALSE))
        return FALSE;
      out->n_entries++;
    }
  while (take_char (reader, ','));

  return take_char (reader, '}');
}

static const struct {
  const char *name;
  guint       bit;
} basic_members[] = {
  { "id", MEMBER_ID }, { "parent", MEMBER_PARENT }, { "kind", MEMBER_KIND },
  { "name", MEMBER_NAME }, { "short_name", MEMBER_SHORT_NAME }, { "host", MEMBER_HOST },
};

static guint
member_bit (Reader      *reader,
            const Slice *key)
{
  const char *name = slice_str (reader, key);

  for (guint i = 0; i < G_N_ELEMENTS (basic_members); i++)
    if (strcmp (name, basic_members[i].name) == 0)
      return basic_members[i].bit;
  for (guint i = 0; detail_keys[i] != NULL; i++)
    if (strcmp (name, detail_keys[i]) == 0)
      return MEMBER_DETAIL << i;
  return 0;
}

/* Reads the unit object at reader->pos. FALSE when the usual path must read the file. */
static gboolean
read_unit_values (Reader     *reader,
                  UnitValues *values)
{
  memset (values, 0, sizeof *values);
  g_string_truncate (reader->buffer, 0);

  if (!take_char (reader, '{'))
    return FALSE;
  if (take_char (reader, '}'))
    return TRUE;
  do
    {
      Slice key;
      guint bit;
      gboolean ok;

      skip_space (reader);
      if (reader->pos >= reader->length || reader->text[reader->pos] != '"' ||
          !read_string (reader, &key) || !take_char (reader, ':'))
        return FALSE;
      bit = member_bit (reader, &key);
      /* An unknown member is a warning, a repeated one an error: the usual path tells. */
      if (bit == 0 || (values->members & bit) != 0)
        return FALSE;
      values->members |= bit;

      switch (bit)
        {
        case MEMBER_ID:
          ok = read_string_value (reader, &values->id, FALSE);
          break;
        case MEMBER_PARENT:
          ok = read_string_value (reader, &values->parent, TRUE);
          break;
        case MEMBER_KIND:
          ok = read_string_value (reader, &values->kind, FALSE);
          break;
        case MEMBER_NAME:
          ok = read_text_value (reader, &values->name);
          break;
        case MEMBER_SHORT_NAME:
          ok = read_text_value (reader, &values->short_name);
          break;
        case MEMBER_HOST:
          ok = read_text_value (reader, &values->host);
          break;
        default:
          ok = skip_value (reader, 1);
          break;
        }
      if (!ok)
        return FALSE;
    }
  while (take_char (reader, ','));

  return take_char (reader, '}');
}

/* The language codes _sodo_json_get_text() takes. */
static gboolean
lang_is_valid (const char *lang,
               gsize       length)
{
  if (length < 2 || length > 35 || !g_ascii_isalpha (lang[0]))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (lang[i]) && lang[i] != '-' && lang[i] != '_')
      return FALSE;
  return TRUE;
}

/* Does what _sodo_json_get_text() does with a value it accepts; FALSE where it would
 * report something. */
static gboolean
add_text (Reader          *reader,
          SodoTextPool    *pool,
          const TextValue *value,
          gboolean         required,
          SodoText        *out)
{
  const char *langs[MAX_TEXT_ENTRIES];
  const char *texts[MAX_TEXT_ENTRIES];

  *out = SODO_TEXT_NONE;
  if (!value->present || value->is_null)
    return !required;
  if (!value->is_object)
    {
      if (required && value->plain.length == 0)
        return FALSE;
      *out = sodo_text_pool_add_plain (pool, slice_str (reader, &value->plain));
      return TRUE;
    }

  if (value->n_entries == 0)
    return FALSE;
  for (guint i = 0; i < value->n_entries; i++)
    {
      langs[i] = slice_str (reader, &value->langs[i]);
      texts[i] = slice_str (reader, &value->texts[i]);
      if (!lang_is_valid (langs[i], value->langs[i].length))
        return FALSE;
    }
  *out = sodo_text_pool_add_localized (pool, value->n_entries, langs, texts);
  return TRUE;
}

/* A string id: no NUL inside (an escaped one would cut it short), and valid. */
static gboolean
slice_is_id (Reader      *reader,
             const Slice *slice)
{
  const char *str = slice_str (reader, slice);

  return slice->present && !slice->is_null && strlen (str) == slice->length &&
         _sodo_id_is_valid (str);
}

/* What _sodo_orgchart_load_unit() does with a unit of basic members it accepts, in the same
 * order (so the pool is laid out alike); FALSE where it would report something. */
static gboolean
add_basic_unit (SodoOrgchartLoader *loader,
                Reader             *reader,
                const UnitValues   *values,
                guint               index)
{
  SodoOrgchart *chart = loader->chart;
  SodoUnit *unit;
  const char *kind;

  if (!slice_is_id (reader, &values->id) || !slice_is_id (reader, &values->kind) ||
      !values->parent.present ||
      (!values->parent.is_null && !slice_is_id (reader, &values->parent)))
    return FALSE;

  unit = _sodo_orgchart_append_unit (loader);
  unit->id = sodo_text_pool_insert (chart->pool, slice_str (reader, &values->id));
  g_array_append_val (reader->unindexed, index);

  if (values->parent.is_null)
    unit->parent = SODO_PARENT_ROOT;
  else
    {
      g_ptr_array_index (loader->parent_ids, index) =
        g_string_chunk_insert (loader->scratch, slice_str (reader, &values->parent));
      unit->parent = SODO_PARENT_ID;
    }

  kind = sodo_text_pool_intern (chart->pool, slice_str (reader, &values->kind));
  g_ptr_array_index (loader->unit_kind_ids, index) = (gpointer) kind;

  return add_text (reader, chart->pool, &values->name, TRUE, &unit->name) &&
         add_text (reader, chart->pool, &values->short_name, FALSE, &unit->short_name) &&
         add_text (reader, chart->pool, &values->host, FALSE, &unit->host);
}

static JsonNode *build_node (Reader *reader);

static JsonNode *
build_object (Reader *reader)
{
  g_autoptr(JsonObject) object = json_object_new ();

  reader->pos++;
  if (take_char (reader, '}'))
    return json_node_init_object (json_node_alloc (), object);
  do
    {
      Slice key;
      JsonNode *member;

      skip_space (reader);
      if (!read_string (reader, &key) || !take_char (reader, ':') ||
          (member = build_node (reader)) == NULL)
        return NULL;
      json_object_set_member (object, slice_str (reader, &key), member);
    }
  while (take_char (reader, ','));

  if (!take_char (reader, '}'))
    return NULL;
  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
build_array (Reader *reader)
{
  g_autoptr(JsonArray) array = json_array_new ();

  reader->pos++;
  if (take_char (reader, ']'))
    return json_node_init_array (json_node_alloc (), array);
  do
    {
      JsonNode *element = build_node (reader);

      if (element == NULL)
        return NULL;
      json_array_add_element (array, element);
    }
  while (take_char (reader, ','));

  if (!take_char (reader, ']'))
    return NULL;
  return json_node_init_array (json_node_alloc (), array);
}

/* The value at reader->pos as json-glib would build it, for text already checked by
 * read_unit_values(). NULL at a number: how json-glib reads one is its own business. */
static JsonNode *
build_node (Reader *reader)
{
  Slice string;

  skip_space (reader);
  switch (reader->text[reader->pos])
    {
    case '"':
      if (!read_string (reader, &string))
        return NULL;
      return json_node_init_string (json_node_alloc (), slice_str (reader, &string));
    case '{':
      return build_object (reader);
    case '[':
      return build_array (reader);
    case 't':
      return take_literal (reader, "true")
             ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return take_literal (reader, "false")
             ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;
    case 'n':
      return take_literal (reader, "null") ? json_node_init_null (json_node_alloc ()) : NULL;
    default:
      return NULL;
    }
}

/* The unit at @start, checked already, as a json-glib object: built here, or parsed by
 * json-glib when it holds a number. */
static JsonNode *
unit_node (Reader *reader,
           gsize   start)
{
  g_autoptr(GError) error = NULL;
  gsize end = reader->pos;
  guint line = reader->line;
  JsonNode *node;

  reader->pos = start;
  node = build_node (reader);
  reader->pos = end;
  reader->line = line;
  if (node != NULL)
    return node;

  if (!json_parser_load_from_data (reader->parser, (const char *) reader->text + start,
                                   (gssize) (end - start), &error))
    return NULL;
  node = json_parser_get_root (reader->parser);
  return node != NULL ? json_node_ref (node) : NULL;
}

/* A unit with details: its text, already checked, through the usual reader. */
static gboolean
add_unit_with_details (SodoOrgchartLoader *loader,
                       Reader             *reader,
                       gsize               start,
                       guint               index)
{
  g_autoptr(JsonNode) node = unit_node (reader, start);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  _sodo_orgchart_load_unit (loader, json_node_get_object (node), index);
  return sodo_diagnostics_get_n_items (loader->ctx.diags) == 0;
}

static gboolean
read_units (SodoOrgchartLoader *loader,
            Reader             *reader)
{
  reader->pos++;   /* the "[" */
  if (take_char (reader, ']'))
    return TRUE;

  do
    {
      guint index = loader->units->len;
      UnitValues values;
      gsize start;
      guint line;

      skip_space (reader);
      start = reader->pos;
      line = reader->line;
      if (index >= SODO_MAX_UNITS || !read_unit_values (reader, &values) ||
          !g_utf8_validate ((const char *) reader->text + start, (gssize) (reader->pos - start),
                            NULL))
        return FALSE;

      if ((values.members & ~(MEMBER_DETAIL - 1)) != 0)
        {
          if (!add_unit_with_details (loader, reader, start, index))
            return FALSE;
        }
      else if (!add_basic_unit (loader, reader, &values, index))
        return FALSE;
      g_array_append_val (loader->unit_lines, line);
    }
  while (take_char (reader, ','));

  return take_char (reader, ']');
}

/* Indexes the ids left out while reading. Any id met twice, in whatever order the units came,
 * is found here: the second of two is inserted after the first. */
static gboolean
index_units (SodoOrgchartLoader *loader,
             Reader             *reader)
{
  SodoOrgchart *chart = loader->chart;
  const SodoUnit *units = (const SodoUnit *) (gpointer) loader->units->data;

  _sodo_id_index_reserve (&chart->unit_index, loader->units->len);
  for (guint i = 0; i < reader->unindexed->len; i++)
    if (_sodo_id_index_insert (&chart->unit_index, units,
                               g_array_index (reader->unindexed, guint32, i)) != SODO_NO_INDEX)
      return FALSE;
  return TRUE;
}

/* Skips a value of the root object other than "units", leniently: the byte scan of the
 * rest of the document checks it. Only where it ends matters here. */
static gboolean
skip_root_value (Reader *reader)
{
  guint depth = 0;

  for (; reader->pos < reader->length; reader->pos++)
    {
      guchar c = reader->text[reader->pos];

      switch (c)
        {
        case '"':
          for (reader->pos++; reader->pos < reader->length; reader->pos++)
            if (reader->text[reader->pos] == '\\')
              reader->pos++;
            else if (reader->text[reader->pos] == '"')
              break;
          break;
        case '\n':
          reader->line++;
          break;
        case '{': case '[':
          depth++;
          break;
        case '}': case ']':
          if (depth == 0)
            return TRUE;
          depth--;
          break;
        case ',':
          if (depth == 0)
            return TRUE;
          break;
        default:
          break;
        }
    }
  return depth == 0;
}

/* Walks the root object to its "units" list and reads it. On success, *@open and *@close
 * are the offsets of the list's brackets. */
static gboolean
read_document (SodoOrgchartLoader *loader,
               Reader             *reader,
               gsize              *open,
               gsize              *close)
{
  gboolean found = FALSE;

  if (!take_char (reader, '{'))
    return FALSE;
  do
    {
      Slice key;
      gboolean is_units;

      skip_space (reader);
      g_string_truncate (reader->buffer, 0);
      if (reader->pos >= reader->length || reader->text[reader->pos] != '"' ||
          !read_string (reader, &key) || !take_char (reader, ':'))
        return FALSE;
      is_units = key.length == 5 && strcmp (slice_str (reader, &key), "units") == 0;
      skip_space (reader);
      if (!is_units)
        {
          if (!skip_root_value (reader))
            return FALSE;
          continue;
        }
      /* Given twice, or not a list: the usual path says so. */
      if (found || reader->pos >= reader->length || reader->text[reader->pos] != '[')
        return FALSE;
      *open = reader->pos;
      if (!read_units (loader, reader) || !index_units (loader, reader))
        return FALSE;
      *close = reader->pos - 1;
      found = TRUE;
    }
  while (take_char (reader, ','));

  return found && take_char (reader, '}');
}

GBytes *
_sodo_orgchart_read_units_fast (SodoOrgchartLoader *loader,
                                GBytes             *bytes)
{
  g_autoptr(GString) buffer = g_string_sized_new (256);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GArray) unindexed = g_array_new (FALSE, FALSE, sizeof (guint32));
  Reader reader = { 0, };
  gsize size = 0, open = 0, close = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  GString *header;

  if (data == NULL || size == 0 || size > SODO_MAX_FILE_SIZE)
    return NULL;

  reader.text = (const guchar *) data;
  reader.length = size;
  reader.line = 1;
  reader.buffer = buffer;
  reader.parser = parser;
  reader.unindexed = unindexed;
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    reader.pos = 3;

  g_clear_pointer (&loader->unit_lines, g_array_unref);
  loader->unit_lines = g_array_new (FALSE, FALSE, sizeof (guint32));
  if (!read_document (loader, &reader, &open, &close))
    return NULL;

  /* The document with "units": [] in place of the list, for the usual path. */
  header = g_string_sized_new (open + 2 + (size - close));
  g_string_append_len (header, data, (gssize) open + 1);
  g_string_append_len (header, data + close, (gssize) (size - close));
  return g_string_free_to_bytes (header);
}
