/* sodo-document.c: telling Sodo's three formats apart and loading any of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sodo-comments.h"
#include "sodo-document.h"
#include "sodo-json-private.h"
#include "sodo-orgchart.h"
#include "sodo-regulation.h"

/* "format" is near the top of every file Sodo writes: a file is first sniffed this far. */
#define SNIFF_SIZE (64 * 1024)

static const struct {
  const char       *format;
  SodoDocumentKind  kind;
} formats[] = {
  { "sodo-orgchart", SODO_DOCUMENT_ORGCHART },
  { "sodo-regulation", SODO_DOCUMENT_REGULATION },
  { "sodo-comments", SODO_DOCUMENT_COMMENTS },
};

static gsize
skip_space (const char *text,
            gsize       length,
            gsize       pos)
{
  while (pos < length && strchr (" \t\r\n", text[pos]) != NULL && text[pos] != '\0')
    pos++;
  return pos;
}

/* Position of the closing quote of the string opening at @pos, or @length. */
static gsize
string_end (const char *text,
            gsize       length,
            gsize       pos)
{
  for (pos++; pos < length && text[pos] != '"'; pos++)
    if (text[pos] == '\\')
      pos++;
  return MIN (pos, length);
}

static SodoDocumentKind
kind_for_format (const char *value,
                 gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (strlen (formats[i].format) == length && memcmp (formats[i].format, value, length) == 0)
      return formats[i].kind;
  return SODO_DOCUMENT_UNKNOWN;
}

/* Walks the members of the root object, skipping nested values by counting brackets outside
 * strings, until the "format" member. Never parses values it does not need. */
static SodoDocumentKind
detect_kind (const char *text,
             gsize       length)
{
  gsize pos = 0;
  guint depth = 0;
  gboolean expect_key = TRUE;

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    pos = 3;
  pos = skip_space (text, length, pos);
  if (pos >= length || text[pos] != '{')
    return SODO_DOCUMENT_UNKNOWN;

  for (pos++; pos < length; pos++)
    {
      char c = text[pos];

      if (c == '"')
        {
          gsize end = string_end (text, length, pos);
          gsize after = skip_space (text, length, end + 1);
          gboolean is_format_key = depth == 0 && expect_key && end - pos - 1 == strlen ("format") &&
                                   memcmp (text + pos + 1, "format", strlen ("format")) == 0;

          if (is_format_key && after < length && text[after] == ':')
            {
              gsize value = skip_space (text, length, after + 1);

              if (value >= length || text[value] != '"')
                return SODO_DOCUMENT_UNKNOWN;
              return kind_for_format (text + value + 1,
                                      string_end (text, length, value) - value - 1);
            }
          if (depth == 0)
            expect_key = FALSE;
          pos = end;
        }
      else if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        {
          if (depth == 0)
            return SODO_DOCUMENT_UNKNOWN;
          depth--;
        }
      else if (c == ',' && depth == 0)
        expect_key = TRUE;
    }

  return SODO_DOCUMENT_UNKNOWN;
}

SodoDocumentKind
sodo_document_detect_kind (GBytes *bytes)
{
  gsize length = 0;
  const char *text;

  g_return_val_if_fail (bytes != NULL, SODO_DOCUMENT_UNKNOWN);

  text = g_bytes_get_data (bytes, &length);
  if (text == NULL)
    return SODO_DOCUMENT_UNKNOWN;

  return detect_kind (text, length);
}

/* No loader applies: say why as precisely as possible (encoding, syntax, or the format). */
static void
report_unknown_format (GBytes          *bytes,
                       SodoDiagnostics *diags)
{
  g_autoptr(SodoJsonDoc) doc = _sodo_json_doc_parse (bytes, diags);
  SodoJsonContext ctx = { doc, diags, NULL };
  JsonObject *root;
  JsonNode *format;

  if (doc == NULL)
    return;
  root = _sodo_json_get_root_object (&ctx);
  if (root == NULL)
    return;

  format = json_object_get_member (root, "format");
  if (format == NULL)
    {
      _sodo_json_report (&ctx, SODO_SEVERITY_ERROR, SODO_ERROR_FORMAT, root, "", NULL, "%s",
                         _("not a Sodo file: the “format” member is missing (expected "
                           "“sodo-orgchart”, “sodo-regulation” or “sodo-comments”)"));
    }
  else
    {
      g_autofree char *snippet = NULL;

      if (JSON_NODE_HOLDS_VALUE (format) && json_node_get_value_type (format) == G_TYPE_STRING)
        snippet = _sodo_json_snippet (json_node_get_string (format));
      _sodo_json_report (&ctx, SODO_SEVERITY_ERROR, SODO_ERROR_FORMAT, root, "", "format",
                         _("“%s” is not a Sodo format (expected “sodo-orgchart”, "
                           "“sodo-regulation” or “sodo-comments”)"),
                         snippet != NULL ? snippet : "?");
    }
}

static GObject *
fail_unknown (GBytes           *bytes,
              SodoDiagnostics  *diags,
              GError          **error)
{
  report_unknown_format (bytes, diags);
  if (!sodo_diagnostics_propagate (diags, error))
    g_set_error_literal (error, SODO_ERROR, SODO_ERROR_FORMAT, _("not a Sodo file"));
  return NULL;
}

GObject *
sodo_document_load_bytes (GBytes            *bytes,
                          const char        *display_name,
                          SodoDocumentKind  *kind,
                          SodoDiagnostics   *diags,
                          GError           **error)
{
  g_autoptr(SodoDiagnostics) own_diags = NULL;
  SodoDocumentKind detected;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (diags == NULL)
    diags = own_diags = sodo_diagnostics_new (display_name);

  detected = sodo_document_detect_kind (bytes);
  if (kind != NULL)
    *kind = detected;

  switch (detected)
    {
    case SODO_DOCUMENT_ORGCHART:
      return G_OBJECT (sodo_orgchart_load_bytes (bytes, display_name, diags, error));
    case SODO_DOCUMENT_REGULATION:
      return G_OBJECT (sodo_regulation_load_bytes (bytes, display_name, diags, error));
    case SODO_DOCUMENT_COMMENTS:
      return G_OBJECT (sodo_comments_load_bytes (bytes, display_name, diags, error));
    case SODO_DOCUMENT_UNKNOWN:
    default:
      return fail_unknown (bytes, diags, error);
    }
}

/* The kind from the start of the file; the whole file only when that is not enough. */
static SodoDocumentKind
detect_file_kind (GFile            *file,
                  SodoDiagnostics  *diags,
                  GCancellable     *cancellable,
                  GBytes          **whole)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) head = NULL;
  SodoDocumentKind kind = SODO_DOCUMENT_UNKNOWN;

  *whole = NULL;
  stream = g_file_read (file, cancellable, NULL);
  if (stream != NULL)
    head = g_input_stream_read_bytes (G_INPUT_STREAM (stream), SNIFF_SIZE, cancellable, NULL);
  if (head != NULL)
    kind = sodo_document_detect_kind (head);
  if (kind != SODO_DOCUMENT_UNKNOWN)
    return kind;

  *whole = _sodo_json_read_file (file, diags, cancellable);
  return *whole != NULL ? sodo_document_detect_kind (*whole) : SODO_DOCUMENT_UNKNOWN;
}

GObject *
sodo_document_load_file (GFile             *file,
                         SodoDocumentKind  *kind,
                         SodoDiagnostics   *diags,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autoptr(SodoDiagnostics) own_diags = NULL;
  g_autoptr(GBytes) whole = NULL;
  g_autofree char *display_name = NULL;
  SodoDocumentKind detected;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_file_get_parse_name (file);
  if (diags == NULL)
    diags = own_diags = sodo_diagnostics_new (display_name);

  detected = detect_file_kind (file, diags, cancellable, &whole);
  if (kind != NULL)
    *kind = detected;

  switch (detected)
    {
    case SODO_DOCUMENT_ORGCHART:
      return G_OBJECT (sodo_orgchart_load_file (file, diags, cancellable, error));
    case SODO_DOCUMENT_REGULATION:
      return G_OBJECT (sodo_regulation_load_file (file, diags, cancellable, error));
    case SODO_DOCUMENT_COMMENTS:
      return G_OBJECT (sodo_comments_load_file (file, diags, cancellable, error));
    case SODO_DOCUMENT_UNKNOWN:
    default:
      if (whole == NULL)
        {
          /* Reading failed: the reason is already in @diags. */
          if (!sodo_diagnostics_propagate (diags, error))
            g_set_error_literal (error, SODO_ERROR, SODO_ERROR_IO, _("could not read the file"));
          return NULL;
        }
      return fail_unknown (whole, diags, error);
    }
}
