/* test-regulation.c: the regulation loader, its rules, the links to a chart and the labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "model/sodo-orgchart.h"
#include "model/sodo-regulation.h"

/* Helpers */

static GBytes *
read_test_data (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"), name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static SodoRegulation *
load_string (const char       *json,
             SodoDiagnostics **out_diags,
             GError          **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  SodoDiagnostics *diags = sodo_diagnostics_new ("test.json");
  SodoRegulation *regulation;

  regulation = sodo_regulation_load_bytes (bytes, "test.json", diags, error);
  if (out_diags != NULL)
    *out_diags = diags;
  else
    sodo_diagnostics_free (diags);
  return regulation;
}

/* A document with the given body; the body starts on line 3. */
static char *
document_with_body (const char *body)
{
  return g_strconcat ("{\"format\": \"sodo-regulation\", \"version\": 1, \"id\": \"r\", "
                      "\"title\": \"T\", \"status\": \"draft\",\n"
                      "\"body\": [\n",
                      body,
                      "\n]}\n", NULL);
}

/* 1-based column, in characters, of the first @needle in @line_text (plus @shift). */
static guint
column_of (const char *line_text,
           const char *needle,
           guint       shift)
{
  const char *found = strstr (line_text, needle);

  g_assert_nonnull (found);
  return (guint) g_utf8_strlen (line_text, found - line_text) + 1 + shift;
}

static const SodoDiagnostic *
find_diagnostic (SodoDiagnostics *diags,
                 const char      *path)
{
  for (guint i = 0; i < sodo_diagnostics_get_n_items (diags); i++)
    {
      const SodoDiagnostic *diag = sodo_diagnostics_get_item (diags, i);

      if (g_strcmp0 (diag->path, path) == 0)
        return diag;
    }

  return NULL;
}

/* Loads @body (which must break one rule) and checks the one error it gives. */
static void
assert_body_error (const char    *body,
                   SodoErrorCode  code,
                   const char    *path,
                   guint          line,
                   guint          column,
                   const char    *message_part)
{
  g_autofree char *json = document_with_body (body);
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(GError) error = NULL;
  const SodoDiagnostic *diag;

  regulation = load_string (json, &diags, &error);
  g_assert_null (regulation);
  g_assert_error (error, SODO_ERROR, (int) code);
  g_assert_cmpuint (sodo_diagnostics_count (diags, SODO_SEVERITY_ERROR), ==, 1);

  diag = find_diagnostic (diags, path);
  g_assert_nonnull (diag);
  g_assert_cmpint (diag->severity, ==, SODO_SEVERITY_ERROR);
  g_assert_cmpint (diag->code, ==, code);
  g_assert_cmpuint (diag->line, ==, line);
  g_assert_cmpuint (diag->column, ==, column);
  if (message_part != NULL)
    g_assert_nonnull (strstr (diag->message, message_part));
}

static void
assert_body_valid (const char *body)
{
  g_autofree char *json = document_with_body (body);
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(GError) error = NULL;

  regulation = load_string (json, &diags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (regulation);
  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, 0);
}

/* The valid file */

static void
test_load_valid (void)
{
  g_autoptr(GBytes) bytes = read_test_data ("regulation-valid.json");
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("regulation-valid.json");
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(GError) error = NULL;
  SodoTextPool *pool;
  const SodoSource *sources;
  guint n_sources = 0;

  regulation = sodo_regulation_load_bytes (bytes, "regulation-valid.json", diags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (regulation);
  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, 0);

  pool = sodo_regulation_get_text_pool (regulation);
  g_assert_cmpstr (sodo_regulation_get_display_name (regulation), ==, "regulation-valid.json");
  g_assert_null (sodo_regulation_get_file (regulation));
  g_assert_cmpstr (sodo_regulation_get_id (regulation), ==, "test-regulation");
  g_assert_cmpstr (sodo_text_pool_resolve (pool, sodo_regulation_get_title (regulation), "vi",
                                           NULL), ==, "Quy chế thử");
  g_assert_cmpstr (sodo_text_pool_resolve (pool, sodo_regulation_get_title (regulation), "en",
                                           NULL), ==, "Test regulation");
  g_assert_cmpstr (sodo_regulation_get_number (regulation), ==, "1-QC/TEST");
  g_assert_cmpint (sodo_regulation_get_status (regulation), ==, SODO_REGULATION_ISSUED);
  g_assert_cmpstr (sodo_regulation_get_date (regulation), ==, "2023-10-27");
  g_assert_cmpstr (sodo_text_pool_resolve (pool, sodo_regulation_get_issuer (regulation), "en",
                                           NULL), ==, "Test body");
  g_assert_nonnull (strstr (sodo_regulation_text (regulation,
                                                  sodo_regulation_get_description (regulation)),
                            "not a real text"));

  sources = sodo_regulation_get_sources (regulation, &n_sources);
  g_assert_cmpuint (n_sources, ==, 1);
  g_assert_cmpstr (sources[0].url, ==, "https://example.org/test");
  g_assert_cmpstr (sources[0].date, ==, "2023-10-27");
}

static void
test_tree (void)
{
  /* Pre-order: the document order of the file. */
  static const char *const expected_ids[] = {
    "part-1", "ch-1", "art-1", "art-1-cl-1", "art-1-cl-1-pt-a", "art-1-cl-1-pt-b", "note-1",
    "art-1-cl-2", "art-2", "note-2", "ch-2", "art-3",
  };
  static const guint expected_depth[] = { 0, 1, 2, 3, 4, 4, 5, 3, 2, 1, 0, 1 };
  static const guint expected_line[] = { 15, 18, 21, 25, 28, 30, 32, 36, 39, 42, 45, 48 };
  g_autoptr(GBytes) bytes = read_test_data ("regulation-valid.json");
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(GError) error = NULL;
  const SodoRegulationNode *nodes;
  const SodoRegulationNode *node;

  regulation = sodo_regulation_load_bytes (bytes, "regulation-valid.json", NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (sodo_regulation_get_n_nodes (regulation), ==, G_N_ELEMENTS (expected_ids));
  nodes = sodo_regulation_get_nodes (regulation);
  for (guint i = 0; i < G_N_ELEMENTS (expected_ids); i++)
    {
      g_assert_cmpstr (nodes[i].id, ==, expected_ids[i]);
      g_assert_cmpuint (nodes[i].depth, ==, expected_depth[i]);
      g_assert_cmpuint (nodes[i].line, ==, expected_line[i]);
      g_assert_cmpuint (sodo_regulation_find_node (regulation, expected_ids[i]), ==, i);
      /* A parent comes before its children. */
      if (nodes[i].parent != SODO_NO_INDEX)
        g_assert_cmpuint (nodes[i].parent, <, i);
    }
  g_assert_cmpuint (sodo_regulation_find_node (regulation, "nope"), ==, SODO_NO_INDEX);
  g_assert_cmpuint (sodo_regulation_find_node (regulation, NULL), ==, SODO_NO_INDEX);

  /* Links: the top level is part-1 then ch-2. */
  g_assert_cmpuint (sodo_regulation_get_first_node (regulation), ==, 0);
  g_assert_cmpuint (nodes[0].parent, ==, SODO_NO_INDEX);
  g_assert_cmpuint (nodes[0].next_sibling, ==, 10);
  g_assert_cmpuint (nodes[10].next_sibling, ==, SODO_NO_INDEX);
  g_assert_cmpuint (nodes[10].parent, ==, SODO_NO_INDEX);
  /* part-1 holds ch-1 and note-2. */
  g_assert_cmpuint (nodes[0].first_child, ==, 1);
  g_assert_cmpuint (nodes[1].next_sibling, ==, 9);
  g_assert_cmpuint (nodes[9].parent, ==, 0);
  g_assert_cmpuint (nodes[9].first_child, ==, SODO_NO_INDEX);
  /* art-1 holds clauses 1 and 2; clause 1 holds points a and b. */
  g_assert_cmpuint (nodes[2].first_child, ==, 3);
  g_assert_cmpuint (nodes[3].next_sibling, ==, 7);
  g_assert_cmpuint (nodes[3].first_child, ==, 4);
  g_assert_cmpuint (nodes[4].next_sibling, ==, 5);
  g_assert_cmpuint (nodes[5].first_child, ==, 6);
  g_assert_cmpuint (nodes[6].parent, ==, 5);
  g_assert_cmpuint (nodes[7].next_sibling, ==, SODO_NO_INDEX);

  node = sodo_regulation_get_node (regulation, 2);
  g_assert_cmpint (node->level, ==, SODO_LEVEL_ARTICLE);
  g_assert_cmpstr (node->number, ==, "1");
  g_assert_cmpstr (sodo_regulation_text (regulation, node->title), ==, "Scope");
  g_assert_cmpuint (node->text, ==, SODO_TEXT_NONE);
  g_assert_cmpuint (node->n_applies_to, ==, 1);
  g_assert_cmpstr (node->applies_to[0], ==, "party-delegation");

  node = sodo_regulation_get_node (regulation, 8);
  g_assert_cmpuint (node->n_applies_to, ==, 2);
  g_assert_cmpstr (node->applies_to[1], ==, "dd-hdnd");
  g_assert_cmpint (nodes[6].level, ==, SODO_LEVEL_PARAGRAPH);
  g_assert_cmpint (nodes[4].level, ==, SODO_LEVEL_POINT);
  g_assert_cmpstr (sodo_regulation_text (regulation, nodes[4].text), ==, "Point a.");
  g_assert_null (nodes[9].applies_to);
  g_assert_cmpuint (nodes[9].n_applies_to, ==, 0);
}

static void
test_empty_body (void)
{
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(GError) error = NULL;

  regulation = load_string ("{\"format\": \"sodo-regulation\", \"version\": 1, \"id\": \"r\", "
                            "\"title\": \"T\", \"status\": \"superseded\"}", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sodo_regulation_get_n_nodes (regulation), ==, 0);
  g_assert_cmpuint (sodo_regulation_get_first_node (regulation), ==, SODO_NO_INDEX);
  g_assert_cmpint (sodo_regulation_get_status (regulation), ==, SODO_REGULATION_SUPERSEDED);
  g_assert_null (sodo_regulation_get_number (regulation));
  g_assert_null (sodo_regulation_get_date (regulation));
  g_assert_cmpuint (sodo_regulation_get_issuer (regulation), ==, SODO_TEXT_NONE);
}

static void
test_load_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"),
                                            "regulation-valid.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/regulation.json");
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(SodoRegulation) none = NULL;
  g_autoptr(GError) error = NULL;

  regulation = sodo_regulation_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sodo_regulation_get_file (regulation) == file);
  g_assert_cmpuint (sodo_regulation_get_n_nodes (regulation), ==, 12);

  none = sodo_regulation_load_file (missing, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_IO);
}

/* The real sample data must load, and every chart reference into it must resolve. */
static void
test_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SODO_SAMPLES_DIR"),
                                            "regulation-draft-2023.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("regulation-draft-2023.json");
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(GError) error = NULL;
  const SodoRegulationNode *nodes;

  regulation = sodo_regulation_load_file (file, diags, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, 0);
  g_assert_cmpstr (sodo_regulation_get_id (regulation), ==, "draft-2023-10");
  g_assert_cmpuint (sodo_regulation_get_n_nodes (regulation), >, 16);

  nodes = sodo_regulation_get_nodes (regulation);
  for (guint i = 0; i < sodo_regulation_get_n_nodes (regulation); i++)
    if (nodes[i].parent != SODO_NO_INDEX)
      g_assert_true (sodo_level_can_hold (nodes[nodes[i].parent].level, nodes[i].level));
}

/* Header rules */

/* The error must be at the member @path, or at the "{" of the root when it is missing. */
static void
assert_header_error (const char    *json,
                     SodoErrorCode  code,
                     const char    *path)
{
  g_autofree char *key = g_strdup_printf ("\"%s\"", path);
  guint expected_column = strstr (json, key) != NULL ? column_of (json, key, 0) : 1;
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(GError) error = NULL;
  const SodoDiagnostic *diag;

  regulation = load_string (json, &diags, &error);
  g_assert_null (regulation);
  g_assert_error (error, SODO_ERROR, (int) code);
  diag = find_diagnostic (diags, path);
  g_assert_nonnull (diag);
  g_assert_cmpint (diag->code, ==, code);
  g_assert_cmpuint (diag->line, ==, 1);
  g_assert_cmpuint (diag->column, ==, expected_column);
}

static void
test_header_rules (void)
{
  assert_header_error ("{\"format\": \"sodo-regulation\", \"version\": 1, "
                       "\"title\": \"T\", \"status\": \"draft\"}",
                       SODO_ERROR_MISSING, "id");
  assert_header_error ("{\"format\": \"sodo-regulation\", \"version\": 1, \"id\": \"r\", "
                       "\"status\": \"draft\"}",
                       SODO_ERROR_MISSING, "title");
  assert_header_error ("{\"format\": \"sodo-regulation\", \"version\": 1, \"id\": \"r\", "
                       "\"title\": \"T\"}",
                       SODO_ERROR_MISSING, "status");
  assert_header_error ("{\"format\": \"sodo-regulation\", \"version\": 1, \"id\": \"r\", "
                       "\"title\": \"T\", \"status\": \"final\"}",
                       SODO_ERROR_VALUE, "status");
  assert_header_error ("{\"format\": \"sodo-regulation\", \"version\": 1, \"id\": \"-r\", "
                       "\"title\": \"T\", \"status\": \"draft\"}",
                       SODO_ERROR_VALUE, "id");
  assert_header_error ("{\"format\": \"sodo-regulation\", \"version\": 1, \"id\": \"r\", "
                       "\"title\": \"T\", \"status\": \"draft\", \"date\": \"2023-02-30\"}",
                       SODO_ERROR_VALUE, "date");
  assert_header_error ("{\"format\": \"sodo-regulation\", \"version\": 1, \"id\": \"r\", "
                       "\"title\": \"T\", \"status\": \"draft\", \"number\": 146}",
                       SODO_ERROR_TYPE, "number");
  assert_header_error ("{\"format\": \"sodo-regulation\", \"version\": 1, \"id\": \"r\", "
                       "\"title\": \"T\", \"status\": \"draft\", \"body\": {}}",
                       SODO_ERROR_TYPE, "body");
  assert_header_error ("{\"format\": \"sodo-orgchart\", \"version\": 1}",
                       SODO_ERROR_FORMAT, "format");
  assert_header_error ("{\"format\": \"sodo-regulation\", \"version\": 2, \"id\": \"r\", "
                       "\"title\": \"T\", \"status\": \"draft\"}",
                       SODO_ERROR_VERSION, "version");
}

static void
test_not_json (void)
{
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(GError) error = NULL;

  regulation = load_string ("{\"format\": \"sodo-regulation\",\n  \"version\": 1,,\n}",
                            &diags, &error);
  g_assert_null (regulation);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_SYNTAX);
  g_assert_cmpuint (sodo_diagnostics_get_item (diags, 0)->line, ==, 2);
  g_clear_error (&error);
  g_clear_pointer (&diags, sodo_diagnostics_free);

  regulation = load_string ("[1, 2]", &diags, &error);
  g_assert_null (regulation);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_FORMAT);
}

static void
test_unknown_keys (void)
{
  static const char body[] =
    "{\"id\": \"a\", \"level\": \"article\", \"colour\": \"red\"}";
  g_autofree char *json = NULL;
  g_autofree char *with_root_key = NULL;
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(GError) error = NULL;
  const SodoDiagnostic *diag;

  json = document_with_body (body);
  with_root_key = g_strconcat ("{\"extra\": true, ", json + 1, NULL);
  regulation = load_string (with_root_key, &diags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (regulation);
  g_assert_cmpuint (sodo_diagnostics_count (diags, SODO_SEVERITY_WARNING), ==, 2);
  g_assert_cmpuint (sodo_diagnostics_count (diags, SODO_SEVERITY_ERROR), ==, 0);

  diag = find_diagnostic (diags, "extra");
  g_assert_nonnull (diag);
  g_assert_cmpint (diag->severity, ==, SODO_SEVERITY_WARNING);
  g_assert_cmpuint (diag->line, ==, 1);
  g_assert_cmpuint (diag->column, ==, 2);

  diag = find_diagnostic (diags, "body[0].colour");
  g_assert_nonnull (diag);
  g_assert_cmpint (diag->severity, ==, SODO_SEVERITY_WARNING);
  g_assert_cmpint (diag->code, ==, SODO_ERROR_UNKNOWN_MEMBER);
  g_assert_cmpuint (diag->line, ==, 3);
  g_assert_cmpuint (diag->column, ==, column_of (body, "\"colour\"", 0));
}

/* Node rules */

static void
test_node_missing_level (void)
{
  static const char line[] = "{\"id\": \"a\", \"level\": \"article\"}, {\"id\": \"b\"}";

  /* A missing member is placed at its object. */
  assert_body_error (line, SODO_ERROR_MISSING, "body[1].level", 3,
                     column_of (line, "{\"id\": \"b\"", 0), "level");
}

static void
test_node_bad_level (void)
{
  static const char body[] =
    "{\"id\": \"a\", \"level\": \"article\", \"children\": [\n"
    "  {\"id\": \"b\", \"level\": \"clause\"},\n"
    "  {\"id\": \"c\", \"level\": \"subsection\"}\n"
    "]}";

  assert_body_error (body, SODO_ERROR_VALUE, "body[0].children[1].level", 5,
                     column_of ("  {\"id\": \"c\", \"level\": \"subsection\"}", "\"level\"", 0),
                     "subsection");
}

static void
test_node_bad_id (void)
{
  static const char line[] = "{\"id\": \"a b\", \"level\": \"article\"}";

  assert_body_error (line, SODO_ERROR_VALUE, "body[0].id", 3, column_of (line, "\"id\"", 0),
                     "a b");
  assert_body_error ("{\"level\": \"article\"}", SODO_ERROR_MISSING, "body[0].id", 3, 1, NULL);
}

static void
test_node_not_object (void)
{
  static const char line[] = "{\"id\": \"a\", \"level\": \"article\"}, \"b\"";

  /* Placed at the list that holds it. */
  assert_body_error (line, SODO_ERROR_TYPE, "body[1]", 2, 1, NULL);
}

static void
test_duplicate_ids (void)
{
  static const char body[] =
    "{\"id\": \"a\", \"level\": \"chapter\", \"children\": [\n"
    "  {\"id\": \"dup\", \"level\": \"article\"},\n"
    "  {\"id\": \"b\", \"level\": \"article\", \"children\": [{\"id\": \"dup\", \"level\": \"clause\"}]}\n"
    "]}";

  assert_body_error (body, SODO_ERROR_DUPLICATE, "body[0].children[1].children[0].id", 5,
                     column_of ("  {\"id\": \"b\", \"level\": \"article\", \"children\": "
                                "[{\"id\": \"dup\"", "[{\"id\"", 2),
                     "line 4");
}

static void
test_nesting_inverted (void)
{
  static const char body[] =
    "{\"id\": \"a\", \"level\": \"article\", \"children\": [\n"
    "  {\"id\": \"b\", \"level\": \"chapter\"}\n"
    "]}";
  static const char same_level[] =
    "{\"id\": \"a\", \"level\": \"clause\", \"children\": [{\"id\": \"b\", \"level\": \"clause\"}]}";
  static const char under_paragraph[] =
    "{\"id\": \"a\", \"level\": \"paragraph\", \"children\": [{\"id\": \"b\", \"level\": \"point\"}]}";
  g_autofree char *json = document_with_body (body);
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(GError) error = NULL;
  const SodoDiagnostic *diag;

  assert_body_error (body, SODO_ERROR_STRUCTURE, "body[0].children[0].level", 4,
                     column_of ("  {\"id\": \"b\", \"level\": \"chapter\"}", "\"level\"", 0),
                     NULL);

  /* The message names both levels, the holder first. */
  regulation = load_string (json, &diags, &error);
  diag = find_diagnostic (diags, "body[0].children[0].level");
  g_assert_nonnull (diag);
  g_assert_nonnull (strstr (diag->message, "level “article” cannot hold level “chapter”"));

  assert_body_error (same_level, SODO_ERROR_STRUCTURE, "body[0].children[0].level", 3,
                     column_of (same_level, "\"level\": \"clause\"}", 0), "“clause”");
  assert_body_error (under_paragraph, SODO_ERROR_STRUCTURE, "body[0].children[0].level", 3,
                     column_of (under_paragraph, "\"level\": \"point\"", 0), "“paragraph”");
}

static void
test_nesting_allowed (void)
{
  /* Skipped levels. */
  assert_body_valid ("{\"id\": \"c\", \"level\": \"chapter\", \"children\": ["
                     "{\"id\": \"a\", \"level\": \"article\", \"children\": ["
                     "{\"id\": \"p\", \"level\": \"point\"}]}]}");
  assert_body_valid ("{\"id\": \"p\", \"level\": \"part\", \"children\": ["
                     "{\"id\": \"c\", \"level\": \"clause\"}]}");
  /* Any level may stand at the top. */
  assert_body_valid ("{\"id\": \"x\", \"level\": \"point\"}, {\"id\": \"y\", \"level\": \"part\"}");
  /* Paragraphs anywhere, holding paragraphs. */
  assert_body_valid ("{\"id\": \"p\", \"level\": \"part\", \"children\": ["
                     "{\"id\": \"t\", \"level\": \"paragraph\", \"children\": ["
                     "{\"id\": \"u\", \"level\": \"paragraph\"}]},"
                     "{\"id\": \"c\", \"level\": \"chapter\"}]}");
  assert_body_valid ("{\"id\": \"pt\", \"level\": \"point\", \"children\": ["
                     "{\"id\": \"t\", \"level\": \"paragraph\"}]}");
}

static void
test_level_order (void)
{
  /* Every pair of levels against the drafting order. */
  for (SodoLevel parent = SODO_LEVEL_PART; parent <= SODO_LEVEL_PARAGRAPH; parent++)
    for (SodoLevel child = SODO_LEVEL_PART; child <= SODO_LEVEL_PARAGRAPH; child++)
      {
        gboolean expected = child == SODO_LEVEL_PARAGRAPH
                            || (parent != SODO_LEVEL_PARAGRAPH && child > parent);

        g_assert_cmpint (sodo_level_can_hold (parent, child), ==, expected);
      }

  for (SodoLevel level = SODO_LEVEL_PART; level <= SODO_LEVEL_PARAGRAPH; level++)
    {
      SodoLevel parsed;

      g_assert_true (sodo_level_from_string (sodo_level_to_string (level), &parsed));
      g_assert_cmpint (parsed, ==, level);
    }
  {
    SodoLevel parsed;
    SodoRegulationStatus status;

    g_assert_false (sodo_level_from_string ("Chapter", &parsed));
    g_assert_false (sodo_level_from_string (NULL, &parsed));
    g_assert_true (sodo_regulation_status_from_string ("issued", &status));
    g_assert_cmpint (status, ==, SODO_REGULATION_ISSUED);
    g_assert_false (sodo_regulation_status_from_string ("Issued", &status));
    g_assert_cmpstr (sodo_regulation_status_to_string (SODO_REGULATION_SUPERSEDED), ==,
                     "superseded");
  }
}

static void
test_applies_to_rules (void)
{
  static const char bad_id[] =
    "{\"id\": \"a\", \"level\": \"article\", \"applies_to\": [\"dd-hdnd\", \"đảng đoàn\"]}";
  static const char not_string[] =
    "{\"id\": \"a\", \"level\": \"article\", \"applies_to\": [\"dd-hdnd\", 7]}";
  static const char not_list[] =
    "{\"id\": \"a\", \"level\": \"article\", \"applies_to\": \"dd-hdnd\"}";

  /* An element is placed at its list. */
  assert_body_error (bad_id, SODO_ERROR_VALUE, "body[0].applies_to[1]", 3,
                     column_of (bad_id, "\"applies_to\"", 0), "đảng đoàn");
  assert_body_error (not_string, SODO_ERROR_TYPE, "body[0].applies_to[1]", 3,
                     column_of (not_string, "\"applies_to\"", 0), NULL);
  assert_body_error (not_list, SODO_ERROR_TYPE, "body[0].applies_to", 3,
                     column_of (not_list, "\"applies_to\"", 0), NULL);
}

static void
test_other_node_members (void)
{
  static const char number[] = "{\"id\": \"a\", \"level\": \"article\", \"number\": 3}";
  static const char title[] = "{\"id\": \"a\", \"level\": \"article\", \"title\": {}}";
  static const char children[] = "{\"id\": \"a\", \"level\": \"article\", \"children\": {}}";

  assert_body_error (number, SODO_ERROR_TYPE, "body[0].number", 3,
                     column_of (number, "\"number\"", 0), NULL);
  assert_body_error (title, SODO_ERROR_VALUE, "body[0].title", 3,
                     column_of (title, "\"title\"", 0), NULL);
  assert_body_error (children, SODO_ERROR_TYPE, "body[0].children", 3,
                     column_of (children, "\"children\"", 0), NULL);
}

/* Every problem is reported, not only the first. */
static void
test_all_errors_reported (void)
{
  static const char body[] =
    "{\"id\": \"a\", \"level\": \"article\", \"children\": [{\"id\": \"b\", \"level\": \"part\"}]},\n"
    "{\"id\": \"a\", \"level\": \"nope\"},\n"
    "{\"id\": \"c\", \"level\": \"clause\", \"applies_to\": [\"?\"]}";
  g_autofree char *json = document_with_body (body);
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(GError) error = NULL;

  regulation = load_string (json, &diags, &error);
  g_assert_null (regulation);
  g_assert_cmpuint (sodo_diagnostics_count (diags, SODO_SEVERITY_ERROR), ==, 4);
  g_assert_cmpint (find_diagnostic (diags, "body[0].children[0].level")->code, ==,
                   SODO_ERROR_STRUCTURE);
  g_assert_cmpint (find_diagnostic (diags, "body[1].id")->code, ==, SODO_ERROR_DUPLICATE);
  g_assert_cmpuint (find_diagnostic (diags, "body[1].id")->line, ==, 4);
  g_assert_cmpint (find_diagnostic (diags, "body[1].level")->code, ==, SODO_ERROR_VALUE);
  g_assert_cmpint (find_diagnostic (diags, "body[2].applies_to[0]")->code, ==,
                   SODO_ERROR_VALUE);
  g_assert_cmpuint (find_diagnostic (diags, "body[2].applies_to[0]")->line, ==, 5);
}

/* The walk is iterative: nesting as deep as the JSON limit allows loads, in order. */
static void
test_deep_nesting (void)
{
  /* Each node costs two levels of JSON nesting (object and children list). */
  const guint depth = 250;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *json = NULL;
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(GError) error = NULL;
  const SodoRegulationNode *nodes;

  for (guint i = 0; i < depth; i++)
    g_string_append_printf (body, "{\"id\": \"n%u\", \"level\": \"paragraph\", \"children\": [",
                            i);
  g_string_append (body, "{\"id\": \"leaf\", \"level\": \"paragraph\"}");
  for (guint i = 0; i < depth; i++)
    g_string_append (body, "]}");
  g_string_append (body, ", {\"id\": \"after\", \"level\": \"article\"}");

  json = document_with_body (body->str);
  regulation = load_string (json, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sodo_regulation_get_n_nodes (regulation), ==, depth + 2);

  nodes = sodo_regulation_get_nodes (regulation);
  for (guint i = 0; i < depth; i++)
    {
      g_assert_cmpuint (nodes[i].depth, ==, i);
      g_assert_cmpuint (nodes[i].first_child, ==, i + 1);
    }
  g_assert_cmpstr (nodes[depth].id, ==, "leaf");
  g_assert_cmpuint (nodes[depth].depth, ==, depth);
  g_assert_cmpuint (nodes[0].next_sibling, ==, depth + 1);
  g_assert_cmpstr (nodes[depth + 1].id, ==, "after");
  g_assert_cmpuint (nodes[depth + 1].depth, ==, 0);
}

/* Links to a chart */

static const char chart_json[] =
  "{\"format\": \"sodo-orgchart\", \"version\": 1, \"title\": \"C\",\n"
  " \"kinds\": [{\"id\": \"party-committee\", \"name\": \"PC\"},\n"
  "           {\"id\": \"party-delegation\", \"name\": \"PD\"},\n"
  "           {\"id\": \"cadre-committee\", \"name\": \"CC\"}],\n"
  " \"units\": [\n"
  "  {\"id\": \"btv\", \"parent\": null, \"kind\": \"party-committee\", \"name\": \"BTV\"},\n"
  "  {\"id\": \"dd-hdnd\", \"parent\": \"btv\", \"kind\": \"party-delegation\", \"name\": \"DD\",\n"
  "   \"regulation_refs\": [\"art-3\", \"ch-1\", \"art-1\", \"not-in-this-regulation\"]},\n"
  "  {\"id\": \"bcs-ubnd\", \"parent\": \"btv\", \"kind\": \"cadre-committee\", \"name\": \"BCS\"}\n"
  " ]}";

static GArray *
nodes_for (SodoRegulation *regulation,
           SodoOrgchart   *chart,
           const char     *unit_id)
{
  guint unit = sodo_orgchart_find_unit (chart, unit_id);

  g_assert_cmpuint (unit, !=, SODO_NO_INDEX);
  return sodo_regulation_nodes_for_unit (regulation, chart, unit);
}

static void
test_nodes_for_unit (void)
{
  g_autoptr(GBytes) bytes = read_test_data ("regulation-valid.json");
  g_autoptr(GBytes) chart_bytes = g_bytes_new_static (chart_json, strlen (chart_json));
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(SodoOrgchart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) for_delegation = NULL;
  g_autoptr(GArray) for_cadre = NULL;
  g_autoptr(GArray) for_root = NULL;
  /* ch-1 (ref), art-1 (ref and kind), art-1-cl-1-pt-a (unit id), art-2 (unit id, named
   * twice), art-3 (ref): each once, in document order. */
  static const guint expected[] = { 1, 2, 4, 8, 11 };

  regulation = sodo_regulation_load_bytes (bytes, "regulation-valid.json", NULL, &error);
  g_assert_no_error (error);
  chart = sodo_orgchart_load_bytes (chart_bytes, "chart.json", NULL, &error);
  g_assert_no_error (error);

  for_delegation = nodes_for (regulation, chart, "dd-hdnd");
  g_assert_cmpuint (for_delegation->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (g_array_index (for_delegation, guint, i), ==, expected[i]);

  for_cadre = nodes_for (regulation, chart, "bcs-ubnd");
  g_assert_cmpuint (for_cadre->len, ==, 1);
  g_assert_cmpuint (g_array_index (for_cadre, guint, 0), ==, 11);

  for_root = nodes_for (regulation, chart, "btv");
  g_assert_cmpuint (for_root->len, ==, 0);
}

/* Labels */

static void
test_labels_untranslated (void)
{
  static const char *const english[] = {
    "Part", "Chapter", "Section", "Article", "Clause", "Point", "Paragraph",
  };

  for (SodoLevel level = SODO_LEVEL_PART; level <= SODO_LEVEL_PARAGRAPH; level++)
    g_assert_cmpstr (sodo_level_get_label (level), ==, english[level]);

  g_assert_cmpstr (sodo_regulation_status_get_label (SODO_REGULATION_DRAFT), ==, "Draft");
  g_assert_cmpstr (sodo_regulation_status_get_label (SODO_REGULATION_ISSUED), ==, "Issued");
  g_assert_cmpstr (sodo_regulation_status_get_label (SODO_REGULATION_SUPERSEDED), ==,
                   "Superseded");
}

static const char test_catalog[] =
  "msgid \"\"\n"
  "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\n"
  "msgctxt \"regulation level\"\nmsgid \"Chapter\"\nmsgstr \"Chương\"\n\n"
  "msgctxt \"regulation level\"\nmsgid \"Article\"\nmsgstr \"Điều\"\n\n"
  "msgctxt \"regulation status\"\nmsgid \"Draft\"\nmsgstr \"Dự thảo\"\n";

/* Labels follow the language of the moment: nothing is translated once and cached. Runs in
 * a subprocess, as GLib decides once per process whether to translate. */
static void
test_labels_follow_language (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *messages = NULL;
  g_autofree char *po = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *vi_dir = NULL;
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_test_subprocess ())
    {
      if (msgfmt == NULL || setlocale (LC_ALL, "vi_VN.UTF-8") == NULL)
        {
          g_test_skip ("needs msgfmt and the vi_VN.UTF-8 locale");
          return;
        }
      setlocale (LC_ALL, "");
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  dir = g_dir_make_tmp ("sodo-test-XXXXXX", &error);
  g_assert_no_error (error);
  messages = g_build_filename (dir, "vi", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  po = g_build_filename (dir, "test.po", NULL);
  mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_file_set_contents (po, test_catalog, -1, &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { msgfmt, "-o", mo, po, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                  &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* As the app switches: LANGUAGE, then setlocale (LC_ALL, "") to drop glibc's cache. */
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_setenv ("LANG", "vi_VN.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "vi", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));

  g_assert_cmpstr (sodo_level_get_label (SODO_LEVEL_CHAPTER), ==, "Chương");
  g_assert_cmpstr (sodo_level_get_label (SODO_LEVEL_ARTICLE), ==, "Điều");
  g_assert_cmpstr (sodo_regulation_status_get_label (SODO_REGULATION_DRAFT), ==, "Dự thảo");
  /* Not in the catalog: the English text. */
  g_assert_cmpstr (sodo_level_get_label (SODO_LEVEL_POINT), ==, "Point");

  /* A switch of language at run time, as the app does it. */
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));
  g_assert_cmpstr (sodo_level_get_label (SODO_LEVEL_CHAPTER), ==, "Chapter");
  g_assert_cmpstr (sodo_regulation_status_get_label (SODO_REGULATION_DRAFT), ==, "Draft");

  g_setenv ("LANGUAGE", "vi", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));
  g_assert_cmpstr (sodo_level_get_label (SODO_LEVEL_CHAPTER), ==, "Chương");

  g_unlink (mo);
  g_unlink (po);
  g_rmdir (messages);
  vi_dir = g_build_filename (dir, "vi", NULL);
  g_rmdir (vi_dir);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/regulation/load/valid", test_load_valid);
  g_test_add_func ("/regulation/load/tree", test_tree);
  g_test_add_func ("/regulation/load/empty-body", test_empty_body);
  g_test_add_func ("/regulation/load/file", test_load_file);
  g_test_add_func ("/regulation/load/sample", test_sample);
  g_test_add_func ("/regulation/rules/header", test_header_rules);
  g_test_add_func ("/regulation/rules/not-json", test_not_json);
  g_test_add_func ("/regulation/rules/unknown-keys", test_unknown_keys);
  g_test_add_func ("/regulation/rules/missing-level", test_node_missing_level);
  g_test_add_func ("/regulation/rules/bad-level", test_node_bad_level);
  g_test_add_func ("/regulation/rules/bad-id", test_node_bad_id);
  g_test_add_func ("/regulation/rules/not-object", test_node_not_object);
  g_test_add_func ("/regulation/rules/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/regulation/rules/nesting-inverted", test_nesting_inverted);
  g_test_add_func ("/regulation/rules/nesting-allowed", test_nesting_allowed);
  g_test_add_func ("/regulation/rules/level-order", test_level_order);
  g_test_add_func ("/regulation/rules/applies-to", test_applies_to_rules);
  g_test_add_func ("/regulation/rules/other-members", test_other_node_members);
  g_test_add_func ("/regulation/rules/all-reported", test_all_errors_reported);
  g_test_add_func ("/regulation/load/deep", test_deep_nesting);
  g_test_add_func ("/regulation/links/nodes-for-unit", test_nodes_for_unit);
  g_test_add_func ("/regulation/labels/untranslated", test_labels_untranslated);
  g_test_add_func ("/regulation/labels/follow-language", test_labels_follow_language);

  return g_test_run ();
}
