/* test-document.c: telling the formats apart, reading JSON safely, positions, diagnostics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "model/sodo-comments.h"
#include "model/sodo-document.h"
#include "model/sodo-json-private.h"
#include "model/sodo-limits.h"
#include "model/sodo-orgchart.h"
#include "model/sodo-regulation.h"

#define MINIMAL_CHART \
  "{\"format\": \"sodo-orgchart\", \"version\": 1, \"title\": \"T\",\n" \
  " \"kinds\": [{\"id\": \"k\", \"name\": \"K\"}],\n" \
  " \"units\": [{\"id\": \"r\", \"parent\": null, \"kind\": \"k\", \"name\": \"R\"}]}\n"

static SodoDocumentKind
detect (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return sodo_document_detect_kind (bytes);
}

static void
test_document_detect (void)
{
  g_assert_cmpint (detect ("{\"format\": \"sodo-orgchart\"}"), ==, SODO_DOCUMENT_ORGCHART);
  g_assert_cmpint (detect ("  {\n\"format\" : \"sodo-regulation\", \"version\": 1}"), ==,
                   SODO_DOCUMENT_REGULATION);
  g_assert_cmpint (detect ("{\"version\": 1, \"format\":\"sodo-comments\"}"), ==,
                   SODO_DOCUMENT_COMMENTS);
  g_assert_cmpint (detect ("\xEF\xBB\xBF{\"format\": \"sodo-orgchart\"}"), ==,
                   SODO_DOCUMENT_ORGCHART);
  /* Only a member of the root object counts, and only as a key. */
  g_assert_cmpint (detect ("{\"meta\": {\"format\": \"sodo-comments\"}, \"format\": \"sodo-regulation\"}"),
                   ==, SODO_DOCUMENT_REGULATION);
  g_assert_cmpint (detect ("{\"x\": \"format\", \"format\": \"sodo-orgchart\"}"), ==,
                   SODO_DOCUMENT_ORGCHART);
  g_assert_cmpint (detect ("{\"title\": \"a \\\"format\\\": \\\"sodo-comments\\\"\", "
                           "\"format\": \"sodo-orgchart\"}"), ==, SODO_DOCUMENT_ORGCHART);
  g_assert_cmpint (detect ("{\"list\": [{\"format\": \"sodo-comments\"}]}"), ==,
                   SODO_DOCUMENT_UNKNOWN);

  g_assert_cmpint (detect ("{\"format\": \"sodo-orgchart2\"}"), ==, SODO_DOCUMENT_UNKNOWN);
  g_assert_cmpint (detect ("{\"format\": 1}"), ==, SODO_DOCUMENT_UNKNOWN);
  g_assert_cmpint (detect ("[\"format\", \"sodo-orgchart\"]"), ==, SODO_DOCUMENT_UNKNOWN);
  g_assert_cmpint (detect ("{\"format\""), ==, SODO_DOCUMENT_UNKNOWN);
  g_assert_cmpint (detect (""), ==, SODO_DOCUMENT_UNKNOWN);
  g_assert_cmpint (detect ("not json"), ==, SODO_DOCUMENT_UNKNOWN);
}

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"), name, NULL);
}

static void
check_file (const char       *name,
            SodoDocumentKind  expected_kind,
            GType             expected_type)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SodoDocumentKind kind = SODO_DOCUMENT_UNKNOWN;

  document = sodo_document_load_file (file, &kind, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, expected_kind);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (document, expected_type));
  g_clear_object (&document);

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  kind = SODO_DOCUMENT_UNKNOWN;
  document = sodo_document_load_bytes (bytes, name, &kind, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, expected_kind);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (document, expected_type));
}

static void
test_document_load_any (void)
{
  check_file ("orgchart-valid.json", SODO_DOCUMENT_ORGCHART, SODO_TYPE_ORGCHART);
  check_file ("regulation-valid.json", SODO_DOCUMENT_REGULATION, SODO_TYPE_REGULATION);
  check_file ("comments-valid.json", SODO_DOCUMENT_COMMENTS, SODO_TYPE_COMMENTS);
}

/* "format" past the first bytes read for sniffing is still found. */
static void
test_document_format_late (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sodo-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "late.json", NULL);
  g_autoptr(GString) json = g_string_new ("{\"description\": \"");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GObject) document = NULL;
  SodoDocumentKind kind;

  g_assert_no_error (error);
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, 'x');
  g_string_append (json, "\",\n");
  g_string_append (json, MINIMAL_CHART + 1);
  g_assert_true (g_file_set_contents (path, json->str, json->len, &error));

  file = g_file_new_for_path (path);
  document = sodo_document_load_file (file, &kind, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, SODO_DOCUMENT_ORGCHART);
  g_assert_true (SODO_IS_ORGCHART (document));

  g_unlink (path);
  g_rmdir (dir);
}

/* Loads @json through the document loader and expects an error @code at @line:@column. */
static void
expect_error (const char    *json,
              gssize         length,
              SodoErrorCode  code,
              guint          line,
              guint          column)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, length >= 0 ? (gsize) length : strlen (json));
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("t.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = NULL;
  const SodoDiagnostic *diag;

  document = sodo_document_load_bytes (bytes, "t.json", NULL, diags, &error);
  g_assert_null (document);
  g_assert_error (error, SODO_ERROR, (gint) code);
  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), >=, 1);
  diag = sodo_diagnostics_get_item (diags, 0);
  g_test_message ("%s", error->message);
  g_assert_cmpint (diag->severity, ==, SODO_SEVERITY_ERROR);
  g_assert_cmpint (diag->code, ==, code);
  g_assert_cmpuint (diag->line, ==, line);
  g_assert_cmpuint (diag->column, ==, column);
}

static void
test_document_unknown_format (void)
{
  expect_error ("{\"format\": \"something-else\", \"version\": 1}", -1, SODO_ERROR_FORMAT, 1, 2);
  expect_error ("{\n \"version\": 1}", -1, SODO_ERROR_FORMAT, 1, 1);
  expect_error ("[1, 2]", -1, SODO_ERROR_FORMAT, 1, 1);
  /* A broken file is reported as broken, not as "not a Sodo file". */
  expect_error ("{\"a\": [1,\n 2,]}", -1, SODO_ERROR_SYNTAX, 2, 3);
}

static void
test_document_encoding (void)
{
  /* The first bad byte, in characters from the start of its line. */
  expect_error ("{\n  \"a\": 1\0}", 11, SODO_ERROR_ENCODING, 2, 9);
  expect_error ("{\n \"title\": \"Đảng \xff\"}", -1, SODO_ERROR_ENCODING, 2, 17);
  expect_error ("{\"format\": \"sodo-orgchart\", \"title\": \"\xc3\x28\"}", -1,
                SODO_ERROR_ENCODING, 1, 39);
  /* An overlong encoding of "/" is not UTF-8 either. */
  expect_error ("{\"a\": \"\xc0\xaf\"}", -1, SODO_ERROR_ENCODING, 1, 8);
}

static void
test_document_bom (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = NULL;
  g_autofree char *json = g_strconcat ("\xEF\xBB\xBF", MINIMAL_CHART, NULL);

  bytes = g_bytes_new (json, strlen (json));
  document = sodo_document_load_bytes (bytes, "bom.json", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (SODO_IS_ORGCHART (document));

  /* Columns on the first line do not count the BOM. */
  expect_error ("\xEF\xBB\xBF{'a': 1}", -1, SODO_ERROR_SYNTAX, 1, 2);
}

static char *
nested (guint depth)
{
  GString *json = g_string_new ("{\"format\": \"sodo-orgchart\", \"x\": ");

  /* The root object is the first level. */
  for (guint i = 1; i < depth; i++)
    g_string_append_c (json, '[');
  for (guint i = 1; i < depth; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');

  return g_string_free (json, FALSE);
}

static void
test_document_depth (void)
{
  g_autofree char *deepest = nested (SODO_MAX_JSON_DEPTH);
  g_autofree char *too_deep = nested (SODO_MAX_JSON_DEPTH + 1);
  g_autofree char *very_deep = nested (1000000);
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("t.json");
  g_autoptr(GBytes) bytes = g_bytes_new (deepest, strlen (deepest));
  g_autoptr(GObject) document = NULL;

  /* At the limit the parser runs: it finds other problems, not the depth. */
  document = sodo_document_load_bytes (bytes, "t.json", NULL, diags, NULL);
  g_assert_null (document);
  for (guint i = 0; i < sodo_diagnostics_get_n_items (diags); i++)
    g_assert_cmpint (sodo_diagnostics_get_item (diags, i)->code, !=, SODO_ERROR_LIMIT);
  g_assert_cmpint (sodo_diagnostics_get_item (diags, 0)->code, ==, SODO_ERROR_MISSING);

  /* One level more is refused before parsing, at the bracket that goes too deep. */
  expect_error (too_deep, -1, SODO_ERROR_LIMIT, 1, 34 + SODO_MAX_JSON_DEPTH - 1);
  /* A million levels would overflow json-glib's recursion: never reaches it. */
  expect_error (very_deep, -1, SODO_ERROR_LIMIT, 1, 34 + SODO_MAX_JSON_DEPTH - 1);
  /* Brackets inside strings are text, not nesting. */
  {
    g_autoptr(GString) json = g_string_new ("{\"x\": \"");
    g_autoptr(GBytes) text_bytes = NULL;
    g_autoptr(SodoDiagnostics) text_diags = sodo_diagnostics_new ("t.json");
    g_autoptr(GObject) text_document = NULL;

    for (guint i = 0; i < 2000; i++)
      g_string_append (json, "[{");
    g_string_append (json, "\"}");
    text_bytes = g_bytes_new (json->str, json->len);
    text_document = sodo_document_load_bytes (text_bytes, "t.json", NULL, text_diags, NULL);
    g_assert_cmpint (sodo_diagnostics_get_item (text_diags, 0)->code, ==, SODO_ERROR_FORMAT);
  }
}

static void
test_document_string_length (void)
{
  g_autoptr(GString) ok = g_string_new ("{\"format\": \"sodo-orgchart\", \"title\": \"");
  g_autoptr(GString) too_long = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("t.json");
  g_autoptr(GObject) document = NULL;

  for (guint i = 0; i < SODO_MAX_STRING_LENGTH; i++)
    g_string_append_c (ok, 'a');
  too_long = g_string_new_len (ok->str, ok->len);
  g_string_append (ok, "\"}");
  g_string_append (too_long, "a\"}");

  bytes = g_bytes_new (ok->str, ok->len);
  document = sodo_document_load_bytes (bytes, "t.json", NULL, diags, NULL);
  g_assert_cmpint (sodo_diagnostics_get_item (diags, 0)->code, ==, SODO_ERROR_MISSING);

  expect_error (too_long->str, too_long->len, SODO_ERROR_LIMIT, 1, 38);
}

static void
test_document_syntax (void)
{
  /* json-glib's position, in characters: it points at the last good token. */
  expect_error ("{\n  \"title\": \"Ủy ban\" x\n}", -1, SODO_ERROR_SYNTAX, 2, 19);
  expect_error ("{\"a\": 1,}", -1, SODO_ERROR_SYNTAX, 1, 8);
  expect_error ("{\"a\" 1}", -1, SODO_ERROR_SYNTAX, 1, 4);
  expect_error ("{\"a\": tru}", -1, SODO_ERROR_SYNTAX, 1, 9);
  /* What json-glib would accept but JSON does not: refused with the exact position. */
  expect_error ("{\n  'a': 1}", -1, SODO_ERROR_SYNTAX, 2, 3);
  expect_error ("{\"a\": 1 /* note */}", -1, SODO_ERROR_SYNTAX, 1, 9);
  expect_error ("{\"a\": \"two\nlines\"}", -1, SODO_ERROR_SYNTAX, 1, 11);
  expect_error ("{\"a\": \"tab\there\"}", -1, SODO_ERROR_SYNTAX, 1, 11);
  expect_error ("{\"a\": \"open}", -1, SODO_ERROR_SYNTAX, 1, 7);
  expect_error ("{\"a\": «1»}", -1, SODO_ERROR_SYNTAX, 1, 7);
  expect_error ("", 0, SODO_ERROR_SYNTAX, 0, 0);
  expect_error (" \n\t ", -1, SODO_ERROR_SYNTAX, 0, 0);
}

static void
test_document_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sodo-test-XXXXXX", &error);
  g_autofree char *big_path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GFile) big_file = g_file_new_for_path (big_path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/file.json");
  g_autoptr(GObject) document = NULL;
  FILE *big;

  g_assert_no_error (error);

  document = sodo_document_load_file (missing, NULL, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_IO);
  g_clear_error (&error);

  document = sodo_document_load_file (dir_file, NULL, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_IO);
  g_clear_error (&error);

  /* A sparse file over the limit is refused from its size, without reading it. */
  big = g_fopen (big_path, "w");
  g_assert_nonnull (big);
  g_assert_cmpint (fseek (big, (long) SODO_MAX_FILE_SIZE, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('}', big), ==, '}');
  fclose (big);
  document = sodo_document_load_file (big_file, NULL, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_LIMIT);

  g_unlink (big_path);
  g_rmdir (dir);
}

/* Positions straight from the JSON layer: members, nested objects, escapes, repeats. */
static void
test_document_positions (void)
{
  const char *json =
    "{\"a\": {\"x\": 1},\n"
    "  \"list\": [\n"
    "    {\"k\\u00e9y\": 1, \"one\": 1, \"two\": 2},\n"
    "    {\"inner\": {\"deep\": true}}\n"
    "  ]\n"
    "}";
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("t.json");
  g_autoptr(SodoJsonDoc) doc = _sodo_json_doc_parse (bytes, diags);
  JsonObject *root, *first, *second, *inner;
  JsonArray *list;
  guint line, column;

  g_assert_nonnull (doc);
  root = json_node_get_object (_sodo_json_doc_get_root (doc));
  list = json_object_get_array_member (root, "list");
  first = json_array_get_object_element (list, 0);
  second = json_array_get_object_element (list, 1);
  inner = json_object_get_object_member (second, "inner");

  _sodo_json_doc_get_position (doc, root, NULL, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 1);
  _sodo_json_doc_get_position (doc, root, "list", &line, &column);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 3);
  _sodo_json_doc_get_position (doc, json_object_get_object_member (root, "a"), "x", &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 8);
  _sodo_json_doc_get_position (doc, first, "kéy", &line, &column);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 6);
  _sodo_json_doc_get_position (doc, first, "two", &line, &column);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 31);
  _sodo_json_doc_get_position (doc, inner, "deep", &line, &column);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpuint (column, ==, 16);
  /* A member that is not there points at its object. */
  _sodo_json_doc_get_position (doc, second, "missing", &line, &column);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpuint (column, ==, 5);

  g_assert_cmpuint (_sodo_json_doc_get_element_line (doc, "list", 0), ==, 3);
  g_assert_cmpuint (_sodo_json_doc_get_element_line (doc, "list", 1), ==, 4);
  g_assert_cmpuint (_sodo_json_doc_get_element_line (doc, "list", 2), ==, 0);
  g_assert_cmpuint (_sodo_json_doc_get_element_line (doc, "a", 0), ==, 0);
}

static void
check_locate (SodoJsonDoc *doc,
              const char  *path,
              const char  *member,
              guint        line,
              guint        column)
{
  guint found_line, found_column;

  g_assert_true (_sodo_json_doc_locate (doc, path, member, &found_line, &found_column));
  g_assert_cmpuint (found_line, ==, line);
  g_assert_cmpuint (found_column, ==, column);
}

/* Positions from a JSON path through the text alone: used while streaming, when the
 * elements are no longer in the tree. */
static void
test_document_locate (void)
{
  const char *json =
    "{\"version\": 1,\n"
    "  \"units\": [\n"
    "    {\"id\": \"a\", \"name\": {\"vi\": \"Đảng đoàn\", \"en\": 5}},\n"
    "    7,\n"
    "    {\"id\": \"c\", \"people\": [{\"name\": \"X\"}, {\"role\": \"Y\"}]}\n"
    "  ],\n"
    "  \"title\": \"T\", \"units2\": [], \"last\": 2}";
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("t.json");
  g_autoptr(SodoJsonDoc) doc = _sodo_json_doc_parse (bytes, diags);
  guint line, column;

  g_assert_nonnull (doc);
  check_locate (doc, "", NULL, 1, 1);
  check_locate (doc, NULL, "title", 7, 3);
  check_locate (doc, "", "version", 1, 2);
  check_locate (doc, "", "last", 7, 31);
  check_locate (doc, "", "units", 2, 3);
  check_locate (doc, "units[0]", NULL, 3, 5);
  check_locate (doc, "units[0]", "name", 3, 17);
  check_locate (doc, "units[0].name", "en", 3, 45);
  check_locate (doc, "units[1]", NULL, 4, 5);
  check_locate (doc, "units[2].people[1]", "role", 5, 44);
  /* A list member with an index is placed at the list; a missing member at its object. */
  check_locate (doc, "units[2]", "people[1]", 5, 17);
  check_locate (doc, "units[2].people[0]", "role", 5, 28);
  check_locate (doc, "", "nothing", 1, 1);

  /* Nothing there: no position. */
  g_assert_false (_sodo_json_doc_locate (doc, "units[3]", NULL, &line, &column));
  g_assert_false (_sodo_json_doc_locate (doc, "units[0].id.x", NULL, &line, &column));
  g_assert_false (_sodo_json_doc_locate (doc, "units[x]", NULL, &line, &column));
  g_assert_false (_sodo_json_doc_locate (doc, "nothing.deeper", NULL, &line, &column));

  /* The scan numbers every element, objects or not. */
  g_assert_cmpuint (_sodo_json_doc_get_element_line (doc, "units", 1), ==, 4);
  g_assert_cmpuint (_sodo_json_doc_get_element_line (doc, "units", 2), ==, 5);
  g_assert_cmpuint (_sodo_json_doc_get_element_line (doc, "units2", 0), ==, 0);
}

static void
test_document_validators (void)
{
  g_assert_true (_sodo_id_is_valid ("dd-hdnd"));
  g_assert_true (_sodo_id_is_valid ("A.b_c:d-1"));
  g_assert_true (_sodo_id_is_valid ("7"));
  g_assert_false (_sodo_id_is_valid ("_a"));
  g_assert_false (_sodo_id_is_valid ("a b"));
  g_assert_false (_sodo_id_is_valid ("đ"));
  g_assert_false (_sodo_id_is_valid (""));

  g_assert_true (_sodo_date_is_valid ("2024-02-29"));
  g_assert_true (_sodo_date_is_valid ("2000-02-29"));
  g_assert_false (_sodo_date_is_valid ("1900-02-29"));
  g_assert_false (_sodo_date_is_valid ("2023-04-31"));
  g_assert_false (_sodo_date_is_valid ("2023-00-10"));
  g_assert_false (_sodo_date_is_valid ("0000-01-01"));
  g_assert_false (_sodo_date_is_valid ("2023-10-27T00:00"));
  g_assert_false (_sodo_date_is_valid ("2023/10/27"));

  g_assert_true (_sodo_url_is_allowed ("https://example.org/a?b=c#d"));
  g_assert_true (_sodo_url_is_allowed ("http://example.org"));
  g_assert_true (_sodo_url_is_allowed ("HTTPS://EXAMPLE.ORG/"));
  g_assert_false (_sodo_url_is_allowed ("javascript:alert(1)"));
  g_assert_false (_sodo_url_is_allowed ("JavaScript:alert(1)"));
  g_assert_false (_sodo_url_is_allowed ("file:///etc/passwd"));
  g_assert_false (_sodo_url_is_allowed ("data:text/html,<b>x</b>"));
  g_assert_false (_sodo_url_is_allowed ("ftp://example.org"));
  g_assert_false (_sodo_url_is_allowed ("https://"));
  g_assert_false (_sodo_url_is_allowed ("//example.org"));
  g_assert_false (_sodo_url_is_allowed ("example.org"));
  g_assert_false (_sodo_url_is_allowed ("https://example.org/\nx"));
}

static void
test_document_diagnostics_format (void)
{
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("chart.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *full = NULL;
  g_autofree char *no_path = NULL;
  g_autofree char *no_position = NULL;
  g_autofree char *line_only = NULL;

  sodo_diagnostics_add (diags, SODO_SEVERITY_WARNING, SODO_ERROR_UNKNOWN_MEMBER, 3, 5, "theme",
                        "unknown member %s", "“theme”");
  g_assert_false (sodo_diagnostics_propagate (diags, &error));
  g_assert_no_error (error);

  sodo_diagnostics_add (diags, SODO_SEVERITY_ERROR, SODO_ERROR_REFERENCE, 12, 7,
                        "units[12].parent", "no unit has the id “%s”", "x");
  sodo_diagnostics_add (diags, SODO_SEVERITY_ERROR, SODO_ERROR_SYNTAX, 2, 1, NULL, "bad");
  sodo_diagnostics_add (diags, SODO_SEVERITY_ERROR, SODO_ERROR_IO, 0, 9, NULL, "unreadable");
  sodo_diagnostics_add (diags, SODO_SEVERITY_ERROR, SODO_ERROR_SYNTAX, 4, 0, "", "line only");

  g_assert_cmpstr (sodo_diagnostics_get_file (diags), ==, "chart.json");
  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, 5);
  g_assert_cmpuint (sodo_diagnostics_count (diags, SODO_SEVERITY_ERROR), ==, 4);
  g_assert_cmpuint (sodo_diagnostics_count (diags, SODO_SEVERITY_WARNING), ==, 1);
  g_assert_true (sodo_diagnostics_has_errors (diags));

  full = sodo_diagnostic_format (sodo_diagnostics_get_item (diags, 1));
  g_assert_cmpstr (full, ==, "chart.json:12:7: error: units[12].parent: no unit has the id “x”");
  no_path = sodo_diagnostic_format (sodo_diagnostics_get_item (diags, 2));
  g_assert_cmpstr (no_path, ==, "chart.json:2:1: error: bad");
  no_position = sodo_diagnostic_format (sodo_diagnostics_get_item (diags, 3));
  g_assert_cmpstr (no_position, ==, "chart.json: error: unreadable");
  line_only = sodo_diagnostic_format (sodo_diagnostics_get_item (diags, 4));
  g_assert_cmpstr (line_only, ==, "chart.json:4: error: line only");
  {
    g_autofree char *warning = sodo_diagnostic_format (sodo_diagnostics_get_item (diags, 0));
    g_assert_cmpstr (warning, ==, "chart.json:3:5: warning: theme: unknown member “theme”");
  }

  /* The GError is the first error, formatted the same way. */
  g_assert_true (sodo_diagnostics_propagate (diags, &error));
  g_assert_error (error, SODO_ERROR, SODO_ERROR_REFERENCE);
  g_assert_cmpstr (error->message, ==, full);

  /* Sorted by position, whole-file problems first, stable among equals. */
  sodo_diagnostics_sort (diags);
  g_assert_cmpstr (sodo_diagnostics_get_item (diags, 0)->message, ==, "unreadable");
  g_assert_cmpstr (sodo_diagnostics_get_item (diags, 1)->message, ==, "bad");
  g_assert_cmpuint (sodo_diagnostics_get_item (diags, 2)->line, ==, 3);
  g_assert_cmpuint (sodo_diagnostics_get_item (diags, 3)->line, ==, 4);
  g_assert_cmpuint (sodo_diagnostics_get_item (diags, 4)->line, ==, 12);
}

static void
test_document_diagnostics_limit (void)
{
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("f.json");
  g_autoptr(GError) error = NULL;

  /* A flood of warnings does not hide the first error. */
  for (guint i = 0; i < SODO_MAX_DIAGNOSTICS + 200; i++)
    sodo_diagnostics_add (diags, SODO_SEVERITY_WARNING, SODO_ERROR_UNKNOWN_MEMBER, i + 1, 1,
                          NULL, "warning %u", i);
  sodo_diagnostics_add (diags, SODO_SEVERITY_ERROR, SODO_ERROR_VALUE, 5000, 2, "x", "first");
  for (guint i = 0; i < 300; i++)
    sodo_diagnostics_add (diags, SODO_SEVERITY_ERROR, SODO_ERROR_VALUE, 6000, 1, "y", "more");

  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, SODO_MAX_DIAGNOSTICS + 1);
  g_assert_cmpuint (sodo_diagnostics_count (diags, SODO_SEVERITY_WARNING), ==,
                    SODO_MAX_DIAGNOSTICS + 200);
  g_assert_cmpuint (sodo_diagnostics_count (diags, SODO_SEVERITY_ERROR), ==, 301);
  g_assert_cmpuint (sodo_diagnostics_get_n_omitted (diags), ==, 200 + 300);
  g_assert_true (sodo_diagnostics_propagate (diags, &error));
  g_assert_cmpstr (error->message, ==, "f.json:5000:2: error: x: first");
}

static void
test_document_diagnostics_append (void)
{
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("a.json");
  g_autoptr(SodoDiagnostics) other = sodo_diagnostics_new ("b.json");
  g_autofree char *line = NULL;

  sodo_diagnostics_add (diags, SODO_SEVERITY_WARNING, SODO_ERROR_UNKNOWN_MEMBER, 1, 2, "x", "w");
  for (guint i = 0; i < SODO_MAX_DIAGNOSTICS + 10; i++)
    sodo_diagnostics_add (other, SODO_SEVERITY_ERROR, SODO_ERROR_VALUE, i + 1, 1, "y", "e%u", i);

  sodo_diagnostics_append (diags, other);
  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, SODO_MAX_DIAGNOSTICS);
  g_assert_cmpuint (sodo_diagnostics_count (diags, SODO_SEVERITY_ERROR), ==,
                    SODO_MAX_DIAGNOSTICS + 10);
  g_assert_cmpuint (sodo_diagnostics_count (diags, SODO_SEVERITY_WARNING), ==, 1);
  g_assert_cmpuint (sodo_diagnostics_get_n_omitted (diags), ==, 11);
  line = sodo_diagnostic_format (sodo_diagnostics_get_item (diags, 1));
  g_assert_cmpstr (line, ==, "a.json:1:1: error: y: e0");
  /* @other is left as it was. */
  g_assert_cmpuint (sodo_diagnostics_get_n_items (other), ==, SODO_MAX_DIAGNOSTICS);
}

/* Past the limit, problems are only counted: a million bad units stay fast. */
static void
test_document_many_errors (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"sodo-orgchart\", \"version\": 1, "
                                          "\"title\": \"T\", \"kinds\": [{\"id\": \"k\", "
                                          "\"name\": \"K\"}],\n\"units\": [\n"
                                          "{\"id\": \"r\", \"parent\": null, \"kind\": \"k\", "
                                          "\"name\": \"R\"}");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("t.json");
  g_autoptr(GObject) document = NULL;
  const SodoDiagnostic *last;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (json, ",\n{\"id\": \"u%u\", \"parent\": \"nobody\", \"kind\": \"k\", "
                            "\"name\": \"U\"}", i);
  g_string_append (json, "]}\n");

  bytes = g_bytes_new (json->str, json->len);
  document = sodo_document_load_bytes (bytes, "t.json", NULL, diags, NULL);
  g_assert_null (document);
  g_assert_cmpuint (sodo_diagnostics_count (diags, SODO_SEVERITY_ERROR), ==, 200000);
  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, SODO_MAX_DIAGNOSTICS);
  last = sodo_diagnostics_get_item (diags, SODO_MAX_DIAGNOSTICS - 1);
  g_assert_cmpstr (last->path, ==, "units[1000].parent");
  g_assert_cmpuint (last->line, ==, 1003);
  g_assert_cmpuint (last->column, ==, 16);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/detect", test_document_detect);
  g_test_add_func ("/document/load-any", test_document_load_any);
  g_test_add_func ("/document/format-late", test_document_format_late);
  g_test_add_func ("/document/unknown-format", test_document_unknown_format);
  g_test_add_func ("/document/encoding", test_document_encoding);
  g_test_add_func ("/document/bom", test_document_bom);
  g_test_add_func ("/document/depth", test_document_depth);
  g_test_add_func ("/document/string-length", test_document_string_length);
  g_test_add_func ("/document/syntax", test_document_syntax);
  g_test_add_func ("/document/file-errors", test_document_file_errors);
  g_test_add_func ("/document/positions", test_document_positions);
  g_test_add_func ("/document/locate", test_document_locate);
  g_test_add_func ("/document/validators", test_document_validators);
  g_test_add_func ("/document/diagnostics/format", test_document_diagnostics_format);
  g_test_add_func ("/document/diagnostics/limit", test_document_diagnostics_limit);
  g_test_add_func ("/document/diagnostics/append", test_document_diagnostics_append);
  g_test_add_func ("/document/many-errors", test_document_many_errors);

  return g_test_run ();
}
