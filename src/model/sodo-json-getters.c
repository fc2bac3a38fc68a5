/* sodo-json-getters.c: typed access to a parsed document, reporting with the JSON path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sodo-json-private.h"
#include "sodo-limits.h"

/* Longest piece of a user's value quoted back in a message, in characters. */
#define SNIPPET_LENGTH 40
#define SODO_FORMAT_VERSION 1

char *
_sodo_json_path_member (const char *path,
                        const char *member)
{
  if (member == NULL)
    return g_strdup (path != NULL ? path : "");
  if (path == NULL || path[0] == '\0')
    return g_strdup (member);
  return g_strconcat (path, ".", member, NULL);
}

char *
_sodo_json_path_element (const char *path,
                         const char *member,
                         guint       index)
{
  g_autofree char *base = _sodo_json_path_member (path, member);

  return g_strdup_printf ("%s[%u]", base, index);
}

/* Control characters written as escapes (\n, \t, \u001b…), so that a quoted value never
 * breaks a message over lines nor sends a terminal an escape sequence. */
static char *
escape_breaks (const char *str)
{
  GString *out = g_string_new (NULL);

  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (g_unichar_type (c) == G_UNICODE_CONTROL)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

char *
_sodo_json_snippet (const char *str)
{
  g_autofree char *start = NULL;
  g_autofree char *escaped = NULL;

  if (g_utf8_strlen (str, -1) <= SNIPPET_LENGTH)
    return escape_breaks (str);

  start = g_utf8_substring (str, 0, SNIPPET_LENGTH - 1);
  escaped = escape_breaks (start);
  return g_strconcat (escaped, "…", NULL);
}

static void
report_valist (SodoJsonContext *ctx,
               SodoSeverity     severity,
               SodoErrorCode    code,
               JsonObject      *object,
               const char      *path,
               const char      *member,
               const char      *format,
               va_list          args)
{
  g_autofree char *full_path = _sodo_json_path_member (path, member);
  g_autofree char *message = g_strdup_vprintf (format, args);
  guint line = 0, column = 0;

  /* Past the limit a problem is only counted: don't spend time finding where it is. */
  if (ctx->doc != NULL && sodo_diagnostics_get_n_items (ctx->diags) < SODO_MAX_DIAGNOSTICS &&
      !_sodo_json_doc_locate (ctx->doc, path, member, &line, &column) && object != NULL)
    {
      g_autofree char *key = NULL;

      /* "people[2]" is placed at "people"; a missing member points at its object. */
      if (member != NULL)
        key = g_strndup (member, strcspn (member, "["));
      if (key != NULL && json_object_has_member (object, key))
        _sodo_json_doc_get_position (ctx->doc, object, key, &line, &column);
      else
        _sodo_json_doc_get_position (ctx->doc, object, NULL, &line, &column);
    }

  sodo_diagnostics_add (ctx->diags, severity, code, line, column, full_path, "%s", message);
}

void
_sodo_json_report (SodoJsonContext *ctx,
                   SodoSeverity     severity,
                   SodoErrorCode    code,
                   JsonObject      *object,
                   const char      *path,
                   const char      *member,
                   const char      *format,
                   ...)
{
  va_list args;

  g_return_if_fail (ctx != NULL);

  va_start (args, format);
  report_valist (ctx, severity, code, object, path, member, format, args);
  va_end (args);
}

JsonObject *
_sodo_json_get_root_object (SodoJsonContext *ctx)
{
  JsonNode *root = _sodo_json_doc_get_root (ctx->doc);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      sodo_diagnostics_add (ctx->diags, SODO_SEVERITY_ERROR, SODO_ERROR_FORMAT, 1, 1, NULL,
                            "%s", _("not a Sodo file: the top level is not a JSON object"));
      return NULL;
    }

  return json_node_get_object (root);
}

const char *
_sodo_json_describe_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("a list");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Finds @member: FALSE after reporting when it is missing and @required; a missing optional
 * member, or null, gives TRUE and *node NULL. */
static gboolean
lookup_member (SodoJsonContext  *ctx,
               JsonObject       *object,
               const char       *path,
               const char       *member,
               gboolean          required,
               JsonNode        **node)
{
  *node = json_object_get_member (object, member);
  if (*node != NULL && JSON_NODE_HOLDS_NULL (*node) && !required)
    *node = NULL;

  if (*node == NULL && required)
    {
      _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_MISSING, object, path, member,
                         _("required member “%s” is missing"), member);
      return FALSE;
    }

  return TRUE;
}

static gboolean
report_type (SodoJsonContext *ctx,
             JsonObject      *object,
             const char      *path,
             const char      *member,
             const char      *expected,
             JsonNode        *node)
{
  /* TRANSLATORS: "must be a string, not a number" */
  _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_TYPE, object, path, member,
                     _("must be %s, not %s"), expected, _sodo_json_describe_node (node));
  return FALSE;
}

gboolean
_sodo_json_check_header (SodoJsonContext *ctx,
                         JsonObject      *root,
                         const char      *expected_format)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  gint64 number;

  if (format == NULL || !node_is_string (format))
    {
      _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_FORMAT, root, "", "format",
                         _("not a Sodo file: “format” must be “%s”"), expected_format);
      return FALSE;
    }
  if (strcmp (json_node_get_string (format), expected_format) != 0)
    {
      g_autofree char *snippet = _sodo_json_snippet (json_node_get_string (format));

      _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_FORMAT, root, "", "format",
                         _("the format is “%s”, expected “%s”"), snippet, expected_format);
      return FALSE;
    }

  if (version == NULL)
    {
      _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_MISSING, root, "", "version",
                         _("required member “%s” is missing"), "version");
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_TYPE, root, "", "version",
                         "%s", _("must be a whole number"));
      return FALSE;
    }

  number = json_node_get_int (version);
  if (number < 1)
    {
      _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_VALUE, root, "", "version",
                         "%s", _("must be 1 or more"));
      return FALSE;
    }
  if (number > SODO_FORMAT_VERSION)
    {
      /* %lld, not G_GINT64_FORMAT: xgettext cannot read a format through a macro. */
      _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_VERSION, root, "", "version",
                         _("the file was made by a newer version of Sodo (format version "
                           "%lld; this version reads %d): update Sodo to open it"),
                         (long long) number, SODO_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

typedef struct {
  SodoJsonContext   *ctx;
  const char        *path;
  const char *const *known;
} KeyCheck;

static void
check_one_key (JsonObject  *object,
               const char  *member,
               JsonNode    *node,
               gpointer     user_data)
{
  KeyCheck *check = user_data;
  g_autofree char *snippet = NULL;

  for (guint i = 0; check->known[i] != NULL; i++)
    if (strcmp (member, check->known[i]) == 0)
      return;

  snippet = _sodo_json_snippet (member);
  _sodo_json_report (check->ctx, SODO_SEVERITY_WARNING, SODO_ERROR_UNKNOWN_MEMBER, object,
                     check->path, member,
                     _("unknown member “%s” is ignored (made for a newer Sodo?)"), snippet);
}

void
_sodo_json_check_keys (SodoJsonContext    *ctx,
                       JsonObject         *object,
                       const char         *path,
                       const char *const  *known)
{
  KeyCheck check = { ctx, path, known };

  g_return_if_fail (ctx != NULL && object != NULL && known != NULL);

  json_object_foreach_member (object, check_one_key, &check);
}

gboolean
_sodo_json_get_string (SodoJsonContext  *ctx,
                       JsonObject       *object,
                       const char       *path,
                       const char       *member,
                       gboolean          required,
                       const char      **out)
{
  JsonNode *node;

  *out = NULL;
  if (!lookup_member (ctx, object, path, member, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!node_is_string (node))
    return report_type (ctx, object, path, member, _("a string"), node);

  *out = sodo_text_pool_intern (ctx->pool, json_node_get_string (node));
  return TRUE;
}

gboolean
_sodo_json_get_id (SodoJsonContext  *ctx,
                   JsonObject       *object,
                   const char       *path,
                   const char       *member,
                   gboolean          required,
                   const char      **out)
{
  const char *id;

  *out = NULL;
  if (!_sodo_json_get_string (ctx, object, path, member, required, &id))
    return FALSE;
  if (id == NULL)
    return TRUE;

  if (!_sodo_id_is_valid (id))
    {
      _sodo_json_report_bad_id (ctx, object, path, member, id);
      return FALSE;
    }

  *out = id;
  return TRUE;
}

void
_sodo_json_report_bad_id (SodoJsonContext *ctx,
                          JsonObject      *object,
                          const char      *path,
                          const char      *member,
                          const char      *id)
{
  g_autofree char *snippet = _sodo_json_snippet (id);

  if (strlen (id) > SODO_MAX_ID_LENGTH)
    {
      _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_LIMIT, object, path, member,
                         _("the id “%s” is longer than the limit of %d characters"),
                         snippet, SODO_MAX_ID_LENGTH);
      return;
    }
  _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_VALUE, object, path, member,
                     _("“%s” is not a valid id: use 1 to %d letters, digits, “.”, “_”, “:” "
                       "or “-”, starting with a letter or digit"),
                     snippet, SODO_MAX_ID_LENGTH);
}

static gboolean
lang_code_is_valid (const char *lang)
{
  gsize length = strlen (lang);

  if (length < 2 || length > 35 || !g_ascii_isalpha (lang[0]))
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (lang[i]) && lang[i] != '-' && lang[i] != '_')
      return FALSE;

  return TRUE;
}

/* Most texts have one or two languages: collect them on the stack. */
#define MAX_TEXT_LANGUAGES SODO_MAX_TEXT_LANGUAGES

typedef struct {
  SodoJsonContext *ctx;
  const char      *path;       /* of the text object */
  const char      *langs[MAX_TEXT_LANGUAGES];
  const char      *texts[MAX_TEXT_LANGUAGES];
  guint            n_entries;
  gboolean         ok;
} TextCollect;

static void
collect_text_entry (JsonObject *object,
                    const char *lang,
                    JsonNode   *node,
                    gpointer    user_data)
{
  TextCollect *collect = user_data;

  if (!lang_code_is_valid (lang))
    {
      g_autofree char *snippet = _sodo_json_snippet (lang);

      _sodo_json_report (collect->ctx, SODO_SEVERITY_ERROR, SODO_ERROR_VALUE, object,
                         collect->path, lang,
                         _("“%s” is not a language code such as “vi” or “en”"), snippet);
      collect->ok = FALSE;
      return;
    }
  if (!node_is_string (node))
    {
      report_type (collect->ctx, object, collect->path, lang, _("a string"), node);
      collect->ok = FALSE;
      return;
    }

  collect->langs[collect->n_entries] = lang;
  collect->texts[collect->n_entries] = json_node_get_string (node);
  collect->n_entries++;
}

static gboolean
get_localized_text (SodoJsonContext *ctx,
                    JsonObject      *object,
                    const char      *path,
                    const char      *member,
                    JsonObject      *text_object,
                    SodoText        *out)
{
  g_autofree char *text_path = NULL;
  TextCollect collect;
  guint size = json_object_get_size (text_object);

  if (size == 0)
    {
      _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_VALUE, object, path, member,
                         "%s", _("a text needs at least one language, such as {\"vi\": \"…\"}"));
      return FALSE;
    }
  if (size > MAX_TEXT_LANGUAGES)
    {
      _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_LIMIT, object, path, member,
                         _("a text has more than the limit of %d languages"),
                         MAX_TEXT_LANGUAGES);
      return FALSE;
    }

  text_path = _sodo_json_path_member (path, member);
  collect.ctx = ctx;
  collect.path = text_path;
  collect.n_entries = 0;
  collect.ok = TRUE;
  json_object_foreach_member (text_object, collect_text_entry, &collect);
  if (!collect.ok)
    return FALSE;

  *out = sodo_text_pool_add_localized (ctx->pool, collect.n_entries,
                                       collect.langs, collect.texts);
  return TRUE;
}

gboolean
_sodo_json_get_text (SodoJsonContext  *ctx,
                     JsonObject       *object,
                     const char       *path,
                     const char       *member,
                     gboolean          required,
                     SodoText         *out)
{
  JsonNode *node;

  *out = SODO_TEXT_NONE;
  if (!lookup_member (ctx, object, path, member, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (node_is_string (node))
    {
      const char *str = json_node_get_string (node);

      if (required && str[0] == '\0')
        {
          _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_VALUE, object, path, member,
                             "%s", _("must not be empty"));
          return FALSE;
        }
      *out = sodo_text_pool_add_plain (ctx->pool, str);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    return get_localized_text (ctx, object, path, member, json_node_get_object (node), out);

  return report_type (ctx, object, path, member,
                      _("a string or an object of strings by language"), node);
}

gboolean
_sodo_json_get_date (SodoJsonContext  *ctx,
                     JsonObject       *object,
                     const char       *path,
                     const char       *member,
                     gboolean          required,
                     const char      **out)
{
  const char *date;

  *out = NULL;
  if (!_sodo_json_get_string (ctx, object, path, member, required, &date))
    return FALSE;
  if (date == NULL)
    return TRUE;

  if (!_sodo_date_is_valid (date))
    {
      g_autofree char *snippet = _sodo_json_snippet (date);

      _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_VALUE, object, path, member,
                         _("“%s” is not a date written YYYY-MM-DD"), snippet);
      return FALSE;
    }

  *out = date;
  return TRUE;
}

gboolean
_sodo_json_get_url (SodoJsonContext  *ctx,
                    JsonObject       *object,
                    const char       *path,
                    const char       *member,
                    gboolean          required,
                    const char      **out)
{
  const char *url;

  *out = NULL;
  if (!_sodo_json_get_string (ctx, object, path, member, required, &url))
    return FALSE;
  if (url == NULL)
    return TRUE;

  if (!_sodo_url_is_allowed (url))
    {
      g_autofree char *snippet = _sodo_json_snippet (url);

      _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_VALUE, object, path, member,
                         _("“%s” is not an http:// or https:// address"), snippet);
      return FALSE;
    }

  *out = url;
  return TRUE;
}

gboolean
_sodo_json_get_color (SodoJsonContext  *ctx,
                      JsonObject       *object,
                      const char       *path,
                      const char       *member,
                      guint32          *out,
                      gboolean         *has_color)
{
  const char *color;

  *out = 0;
  *has_color = FALSE;
  if (!_sodo_json_get_string (ctx, object, path, member, FALSE, &color))
    return FALSE;
  if (color == NULL)
    return TRUE;

  if (strlen (color) != 7 || color[0] != '#')
    goto bad;
  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (color[i]))
        goto bad;
      *out = (*out << 4) | (guint32) g_ascii_xdigit_value (color[i]);
    }

  *has_color = TRUE;
  return TRUE;

bad:
  {
    g_autofree char *snippet = _sodo_json_snippet (color);

    *out = 0;
    _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_VALUE, object, path, member,
                       _("“%s” is not a colour written #rrggbb"), snippet);
    return FALSE;
  }
}

gboolean
_sodo_json_get_number (SodoJsonContext  *ctx,
                       JsonObject       *object,
                       const char       *path,
                       const char       *member,
                       gboolean          required,
                       double           *out,
                       gboolean         *has_number)
{
  JsonNode *node;
  GType type;

  *out = 0;
  if (has_number != NULL)
    *has_number = FALSE;
  if (!lookup_member (ctx, object, path, member, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return report_type (ctx, object, path, member, _("a number"), node);

  /* Adding 0 turns -0 into 0, so that it is never shown as "-0". Out-of-range numbers never
   * get here: the byte scan refuses them. */
  *out = json_node_get_double (node) + 0.0;
  if (has_number != NULL)
    *has_number = TRUE;
  return TRUE;
}

gboolean
_sodo_json_get_array (SodoJsonContext  *ctx,
                      JsonObject       *object,
                      const char       *path,
                      const char       *member,
                      gboolean          required,
                      JsonArray       **out)
{
  JsonNode *node;

  *out = NULL;
  if (!lookup_member (ctx, object, path, member, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return report_type (ctx, object, path, member, _("a list"), node);

  *out = json_node_get_array (node);
  return TRUE;
}

JsonObject *
_sodo_json_array_get_object (SodoJsonContext *ctx,
                             JsonObject      *parent,
                             const char      *path,
                             const char      *member,
                             JsonArray       *array,
                             guint            index)
{
  JsonNode *node = json_array_get_element (array, index);
  g_autofree char *element = NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  element = g_strdup_printf ("%s[%u]", member, index);
  _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_TYPE, parent, path, element,
                     _("must be an object, not %s"), _sodo_json_describe_node (node));
  return NULL;
}

const char *
_sodo_json_array_get_string (SodoJsonContext *ctx,
                             JsonObject      *parent,
                             const char      *path,
                             const char      *member,
                             JsonArray       *array,
                             guint            index)
{
  JsonNode *node = json_array_get_element (array, index);
  g_autofree char *element = NULL;

  if (node_is_string (node))
    return sodo_text_pool_intern (ctx->pool, json_node_get_string (node));

  element = g_strdup_printf ("%s[%u]", member, index);
  _sodo_json_report (ctx, SODO_SEVERITY_ERROR, SODO_ERROR_TYPE, parent, path, element,
                     _("must be a string, not %s"), _sodo_json_describe_node (node));
  return NULL;
}

static const char *const source_keys[] = { "title", "url", "date", NULL };

gboolean
_sodo_json_get_sources (SodoJsonContext  *ctx,
                        JsonObject       *object,
                        const char       *path,
                        GArray          **out_sources)
{
  g_autoptr(GArray) sources = NULL;
  JsonArray *array;
  gboolean ok = TRUE;
  guint length;

  *out_sources = NULL;
  if (!_sodo_json_get_array (ctx, object, path, "sources", FALSE, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  length = json_array_get_length (array);
  sources = g_array_sized_new (FALSE, TRUE, sizeof (SodoSource), length);
  for (guint i = 0; i < length; i++)
    {
      JsonObject *source_object = _sodo_json_array_get_object (ctx, object, path, "sources",
                                                               array, i);
      g_autofree char *source_path = _sodo_json_path_element (path, "sources", i);
      SodoSource source = { 0, };

      if (source_object == NULL)
        {
          ok = FALSE;
          continue;
        }

      _sodo_json_check_keys (ctx, source_object, source_path, source_keys);
      ok &= _sodo_json_get_text (ctx, source_object, source_path, "title", TRUE, &source.title);
      ok &= _sodo_json_get_url (ctx, source_object, source_path, "url", FALSE, &source.url);
      ok &= _sodo_json_get_date (ctx, source_object, source_path, "date", FALSE, &source.date);
      g_array_append_val (sources, source);
    }

  if (!ok)
    return FALSE;

  *out_sources = g_steal_pointer (&sources);
  return TRUE;
}

gboolean
_sodo_id_is_valid (const char *id)
{
  gsize length;

  if (id == NULL || !g_ascii_isalnum (id[0]))
    return FALSE;

  length = strlen (id);
  if (length > SODO_MAX_ID_LENGTH)
    return FALSE;

  for (gsize i = 1; i < length; i++)
    if (!g_ascii_isalnum (id[i]) && strchr ("._:-", id[i]) == NULL)
      return FALSE;

  return TRUE;
}

gboolean
_sodo_date_is_valid (const char *date)
{
  guint year, month, day;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (date, NULL, 10);
  month = (guint) g_ascii_strtoull (date + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (date + 8, NULL, 10);

  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

gboolean
_sodo_url_is_allowed (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL)
    return FALSE;

  /* Spaces and control characters are never part of an address a user should open. */
  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      return FALSE;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    return FALSE;

  return g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0';
}
