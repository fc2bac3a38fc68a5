/* test-orgchart.c: every rule of the org chart format, with its code, position and path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "model/sodo-language.h"
#include "model/sodo-orgchart.h"

/* Lines 1-3; the units start on line 4. */
#define HEAD \
  "{\"format\": \"sodo-orgchart\", \"version\": 1, \"title\": \"T\",\n" \
  " \"kinds\": [{\"id\": \"k\", \"name\": \"Kind\"}],\n" \
  " \"units\": [\n"
/* Line 1, then @extra as line 2; the units start on line 5. */
#define HEAD_WITH(extra) \
  "{\"format\": \"sodo-orgchart\", \"version\": 1, \"title\": \"T\",\n" \
  extra ",\n" \
  " \"kinds\": [{\"id\": \"k\", \"name\": \"Kind\"}],\n" \
  " \"units\": [\n"
/* Line 1, @kinds as line 2, units from line 4. */
#define HEAD_KINDS(kinds) \
  "{\"format\": \"sodo-orgchart\", \"version\": 1, \"title\": \"T\",\n" \
  kinds ",\n" \
  " \"units\": [\n"
#define ROOT_LINE "  {\"id\": \"root\", \"parent\": null, \"kind\": \"k\", \"name\": \"Root\"}"
#define UNIT_A "  {\"id\": \"a\", \"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}"
#define TAIL "\n ]}\n"
/* Relations from line 8 when the units are ROOT_LINE and one more line. */
#define RELATIONS(relation) "\n ],\n \"relations\": [\n" relation "\n ]}\n"

static SodoOrgchart *
load_string (const char       *json,
             SodoDiagnostics  *diags,
             GError          **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return sodo_orgchart_load_bytes (bytes, "test.json", diags, error);
}

static const SodoDiagnostic *
find_diagnostic (SodoDiagnostics *diags,
                 SodoSeverity     severity,
                 const char      *path)
{
  for (guint i = 0; i < sodo_diagnostics_get_n_items (diags); i++)
    {
      const SodoDiagnostic *diag = sodo_diagnostics_get_item (diags, i);

      if (diag->severity == severity && g_strcmp0 (diag->path, path) == 0)
        return diag;
    }

  return NULL;
}

static void
print_diagnostics (SodoDiagnostics *diags)
{
  for (guint i = 0; i < sodo_diagnostics_get_n_items (diags); i++)
    {
      g_autofree char *line = sodo_diagnostic_format (sodo_diagnostics_get_item (diags, i));

      g_test_message ("%s", line);
    }
}

/* Loading @json fails with an error @code at @path, @line:@column. Returns the message. */
static char *
expect_error (const char    *json,
              SodoErrorCode  code,
              const char    *path,
              guint          line,
              guint          column)
{
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("test.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoOrgchart) chart = NULL;
  const SodoDiagnostic *diag;

  chart = load_string (json, diags, &error);
  print_diagnostics (diags);
  g_assert_null (chart);
  g_assert_nonnull (error);
  g_assert_true (error->domain == SODO_ERROR);
  g_assert_true (g_str_has_prefix (error->message, "test.json:"));

  diag = find_diagnostic (diags, SODO_SEVERITY_ERROR, path);
  g_assert_nonnull (diag);
  g_assert_cmpint (diag->code, ==, code);
  g_assert_cmpuint (diag->line, ==, line);
  g_assert_cmpuint (diag->column, ==, column);
  g_assert_cmpstr (diag->file, ==, "test.json");
  g_assert_true (diag->message != NULL && diag->message[0] != '\0');

  return g_strdup (diag->message);
}

#define EXPECT_ERROR(json, code, path, line, column) \
  g_free (expect_error (json, code, path, line, column))

static void
test_orgchart_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoOrgchart) chart = load_string (HEAD ROOT_LINE TAIL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (chart);
  g_assert_cmpuint (sodo_orgchart_get_n_units (chart), ==, 1);
  g_assert_cmpuint (sodo_orgchart_get_root (chart), ==, 0);
  g_assert_cmpstr (sodo_orgchart_get_unit (chart, 0)->id, ==, "root");
  g_assert_cmpuint (sodo_orgchart_get_unit (chart, 0)->line, ==, 4);
  g_assert_cmpstr (sodo_orgchart_get_display_name (chart), ==, "test.json");
  g_assert_null (sodo_orgchart_get_file (chart));
}

static void
test_orgchart_header (void)
{
  EXPECT_ERROR ("{\"format\": \"sodo-orgchart\", \"version\": 2, \"title\": \"T\"}",
                SODO_ERROR_VERSION, "version", 1, 29);
  EXPECT_ERROR ("{\"format\": \"sodo-orgchart\", \"version\": \"1\", \"title\": \"T\"}",
                SODO_ERROR_TYPE, "version", 1, 29);
  EXPECT_ERROR ("{\"format\": \"sodo-orgchart\", \"title\": \"T\"}",
                SODO_ERROR_MISSING, "version", 1, 1);
  EXPECT_ERROR ("{\"format\": \"sodo-regulation\", \"version\": 1}",
                SODO_ERROR_FORMAT, "format", 1, 2);
  EXPECT_ERROR ("\n\n  {\"version\": 1}", SODO_ERROR_FORMAT, "format", 3, 3);
  EXPECT_ERROR ("[]", SODO_ERROR_FORMAT, NULL, 1, 1);
  EXPECT_ERROR ("{\"format\": \"sodo-orgchart\", \"version\": 1,\n"
                " \"kinds\": [{\"id\": \"k\", \"name\": \"Kind\"}],\n"
                " \"units\": [\n" ROOT_LINE TAIL,
                SODO_ERROR_MISSING, "title", 1, 1);
  EXPECT_ERROR (HEAD_WITH (" \"as_of\": \"2023-02-30\"") ROOT_LINE TAIL,
                SODO_ERROR_VALUE, "as_of", 2, 2);
  EXPECT_ERROR (HEAD_WITH (" \"description\": 5") ROOT_LINE TAIL,
                SODO_ERROR_TYPE, "description", 2, 2);

  /* A newer file: its units are not judged by this version's rules, only the version is. */
  {
    g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("test.json");
    g_autoptr(SodoOrgchart) chart = NULL;

    chart = load_string ("{\"units\": [{\"id\": \"a\", \"shape\": \"round\"}],\n"
                         " \"format\": \"sodo-orgchart\", \"version\": 2}", diags, NULL);
    g_assert_null (chart);
    g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, 1);
    g_assert_cmpint (sodo_diagnostics_get_item (diags, 0)->code, ==, SODO_ERROR_VERSION);
    g_assert_cmpuint (sodo_diagnostics_get_item (diags, 0)->line, ==, 2);
  }

  /* The newer-version message says what to do. */
  {
    g_autofree char *message = expect_error ("{\"format\": \"sodo-orgchart\", \"version\": 7}",
                                             SODO_ERROR_VERSION, "version", 1, 29);
    g_assert_nonnull (strstr (message, "newer version of Sodo"));
  }
}

static void
test_orgchart_sources (void)
{
  EXPECT_ERROR (HEAD_WITH (" \"sources\": [{\"url\": \"javascript:alert(1)\", \"title\": \"S\"}]")
                ROOT_LINE TAIL, SODO_ERROR_VALUE, "sources[0].url", 2, 15);
  EXPECT_ERROR (HEAD_WITH (" \"sources\": [{\"url\": \"file:///etc/passwd\", \"title\": \"S\"}]")
                ROOT_LINE TAIL, SODO_ERROR_VALUE, "sources[0].url", 2, 15);
  EXPECT_ERROR (HEAD_WITH (" \"sources\": [{\"url\": \"data:text/html,x\", \"title\": \"S\"}]")
                ROOT_LINE TAIL, SODO_ERROR_VALUE, "sources[0].url", 2, 15);
  EXPECT_ERROR (HEAD_WITH (" \"sources\": [{\"url\": \"https://exa mple.org\", \"title\": \"S\"}]")
                ROOT_LINE TAIL, SODO_ERROR_VALUE, "sources[0].url", 2, 15);
  EXPECT_ERROR (HEAD_WITH (" \"sources\": [{\"url\": \"https://example.org\"}]")
                ROOT_LINE TAIL, SODO_ERROR_MISSING, "sources[0].title", 2, 14);
  EXPECT_ERROR (HEAD_WITH (" \"sources\": [{\"date\": \"2023-1-1\", \"title\": \"S\"}]")
                ROOT_LINE TAIL, SODO_ERROR_VALUE, "sources[0].date", 2, 15);
  EXPECT_ERROR (HEAD_WITH (" \"sources\": [\"https://example.org\"]")
                ROOT_LINE TAIL, SODO_ERROR_TYPE, "sources[0]", 2, 2);
}

static void
test_orgchart_kinds (void)
{
  g_autoptr(SodoOrgchart) chart = NULL;
  g_autoptr(GError) error = NULL;
  const SodoKind *kinds;
  guint n_kinds;

  EXPECT_ERROR (HEAD_KINDS (" \"kinds\": [{\"id\": \"k\", \"name\": \"Kind\"}, "
                            "{\"id\": \"k\", \"name\": \"Again\"}]") ROOT_LINE TAIL,
                SODO_ERROR_DUPLICATE, "kinds[1].id", 2, 42);
  EXPECT_ERROR (HEAD_KINDS (" \"kinds\": [{\"color\": \"#12345\", \"id\": \"k\", \"name\": \"K\"}]")
                ROOT_LINE TAIL, SODO_ERROR_VALUE, "kinds[0].color", 2, 13);
  EXPECT_ERROR (HEAD_KINDS (" \"kinds\": [{\"color\": \"red\", \"id\": \"k\", \"name\": \"K\"}]")
                ROOT_LINE TAIL, SODO_ERROR_VALUE, "kinds[0].color", 2, 13);
  EXPECT_ERROR (HEAD_KINDS (" \"kinds\": [{\"color\": \"#12345g\", \"id\": \"k\", \"name\": \"K\"}]")
                ROOT_LINE TAIL, SODO_ERROR_VALUE, "kinds[0].color", 2, 13);
  EXPECT_ERROR (HEAD_KINDS (" \"kinds\": [{\"id\": \"k\"}]") ROOT_LINE TAIL,
                SODO_ERROR_MISSING, "kinds[0].name", 2, 12);
  EXPECT_ERROR (HEAD_KINDS (" \"kinds\": {}") ROOT_LINE TAIL,
                SODO_ERROR_TYPE, "kinds", 2, 2);
  EXPECT_ERROR ("{\"format\": \"sodo-orgchart\", \"version\": 1, \"title\": \"T\",\n"
                " \"units\": [\n" ROOT_LINE TAIL,
                SODO_ERROR_MISSING, "kinds", 1, 1);
  EXPECT_ERROR (HEAD_WITH (" \"relation_kinds\": [{\"style\": \"wavy\", \"id\": \"r\", \"name\": \"R\"}]")
                ROOT_LINE TAIL, SODO_ERROR_VALUE, "relation_kinds[0].style", 2, 22);
  EXPECT_ERROR (HEAD_WITH (" \"relation_kinds\": [{\"id\": \"r\", \"name\": \"R\"}, {\"id\": \"r\", \"name\": \"S\"}]")
                ROOT_LINE TAIL, SODO_ERROR_DUPLICATE, "relation_kinds[1].id", 2, 48);

  chart = load_string (HEAD_KINDS (" \"kinds\": [{\"color\": \"#1C71d8\", \"id\": \"k\", \"name\": \"K\"}]")
                       ROOT_LINE TAIL, NULL, &error);
  g_assert_no_error (error);
  kinds = sodo_orgchart_get_kinds (chart, &n_kinds);
  g_assert_cmpuint (n_kinds, ==, 1);
  g_assert_true (kinds[0].has_color);
  g_assert_cmphex (kinds[0].color, ==, 0x1c71d8);
}

static void
test_orgchart_root (void)
{
  g_autofree char *message = NULL;

  /* Exactly one root. */
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"parent\": null, \"id\": \"a\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_STRUCTURE, "units[1].parent", 5, 4);
  EXPECT_ERROR (HEAD TAIL, SODO_ERROR_STRUCTURE, "units", 3, 2);
  message = expect_error (HEAD "  {\"id\": \"a\", \"parent\": \"b\", \"kind\": \"k\", \"name\": \"A\"},\n"
                          "  {\"id\": \"b\", \"parent\": \"a\", \"kind\": \"k\", \"name\": \"B\"}" TAIL,
                          SODO_ERROR_STRUCTURE, "units", 3, 2);
  g_assert_nonnull (strstr (message, "null"));
  EXPECT_ERROR ("{\"format\": \"sodo-orgchart\", \"version\": 1, \"title\": \"T\",\n"
                " \"kinds\": [{\"id\": \"k\", \"name\": \"Kind\"}],\n"
                " \"units\": 5}", SODO_ERROR_TYPE, "units", 3, 2);
  EXPECT_ERROR ("{\"format\": \"sodo-orgchart\", \"version\": 1, \"title\": \"T\",\n"
                " \"kinds\": [{\"id\": \"k\", \"name\": \"Kind\"}]}",
                SODO_ERROR_MISSING, "units", 1, 1);
}

static void
test_orgchart_parent (void)
{
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"parent\": \"nobody\", \"id\": \"a\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_REFERENCE, "units[1].parent", 5, 4);
  /* Columns count characters, not bytes. */
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"name\": \"Đảng đoàn\", \"parent\": \"nobody\", \"id\": \"a\", \"kind\": \"k\"}" TAIL,
                SODO_ERROR_REFERENCE, "units[1].parent", 5, 25);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"id\": \"a\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_MISSING, "units[1].parent", 5, 3);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"parent\": 5, \"id\": \"a\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_TYPE, "units[1].parent", 5, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"parent\": \"a\", \"id\": \"a\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_STRUCTURE, "units[1].parent", 5, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"parent\": \"no good\", \"id\": \"a\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_VALUE, "units[1].parent", 5, 4);
}

static void
test_orgchart_cycle (void)
{
  g_autofree char *message = NULL;

  message = expect_error (HEAD ROOT_LINE ",\n"
                          "  {\"parent\": \"b\", \"id\": \"a\", \"kind\": \"k\", \"name\": \"A\"},\n"
                          "  {\"parent\": \"a\", \"id\": \"b\", \"kind\": \"k\", \"name\": \"B\"},\n"
                          "  {\"parent\": \"b\", \"id\": \"c\", \"kind\": \"k\", \"name\": \"C\"}" TAIL,
                          SODO_ERROR_STRUCTURE, "units[1].parent", 5, 4);
  g_assert_nonnull (strstr (message, "a → b → a"));
}

/* A 100,000-long cycle and a 200,000-deep chain: nothing may recurse on parent links. */
static char *
make_chain (guint    length,
            gboolean closed)
{
  GString *json = g_string_new (HEAD ROOT_LINE);

  for (guint i = 0; i < length; i++)
    {
      guint parent = i > 0 ? i - 1 : length - 1;

      if (i == 0 && !closed)
        g_string_append (json, ",\n  {\"id\": \"c0\", \"parent\": \"root\", \"kind\": \"k\", \"name\": \"C\"}");
      else
        g_string_append_printf (json, ",\n  {\"id\": \"c%u\", \"parent\": \"c%u\", \"kind\": \"k\", "
                                "\"name\": \"C\"}", i, parent);
    }
  g_string_append (json, TAIL);

  return g_string_free (json, FALSE);
}

static void
test_orgchart_long_cycle (void)
{
  g_autofree char *json = make_chain (100000, TRUE);
  g_autofree char *message = expect_error (json, SODO_ERROR_STRUCTURE, "units[1].parent", 5, 16);

  g_assert_nonnull (strstr (message, "c0 → c99999 → c99998"));
  g_assert_nonnull (strstr (message, "…"));
}

static void
test_orgchart_deep_chain (void)
{
  g_autofree char *json = make_chain (200000, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoOrgchart) chart = load_string (json, NULL, &error);
  const SodoUnit *last;

  g_assert_no_error (error);
  g_assert_cmpuint (sodo_orgchart_get_n_units (chart), ==, 200001);
  last = sodo_orgchart_get_unit (chart, 200000);
  g_assert_cmpstr (last->id, ==, "c199999");
  g_assert_cmpuint (last->depth, ==, 200000);
  g_assert_cmpuint (last->parent, ==, 199999);
  g_assert_cmpuint (last->n_children, ==, 0);
  g_assert_cmpuint (sodo_orgchart_get_unit (chart, 0)->first_child, ==, 1);
}

static void
test_orgchart_ids (void)
{
  g_autofree char *long_ok = NULL;
  g_autofree char *long_bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoOrgchart) chart = NULL;
  char max_id[129], too_long[130];

  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"id\": \"root\", \"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_DUPLICATE, "units[1].id", 5, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"id\": \"-a\", \"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_VALUE, "units[1].id", 5, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"id\": \"a/b\", \"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_VALUE, "units[1].id", 5, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"id\": \"\", \"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_VALUE, "units[1].id", 5, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"id\": 7, \"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_TYPE, "units[1].id", 5, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_MISSING, "units[1].id", 5, 3);

  /* 128 characters is the longest id. */
  memset (max_id, 'x', 128);
  max_id[128] = '\0';
  memset (too_long, 'x', 129);
  too_long[129] = '\0';
  long_ok = g_strdup_printf (HEAD ROOT_LINE ",\n  {\"id\": \"%s\", \"parent\": \"root\", "
                             "\"kind\": \"k\", \"name\": \"A\"}" TAIL, max_id);
  long_bad = g_strdup_printf (HEAD ROOT_LINE ",\n  {\"id\": \"%s\", \"parent\": \"root\", "
                              "\"kind\": \"k\", \"name\": \"A\"}" TAIL, too_long);
  chart = load_string (long_ok, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sodo_orgchart_find_unit (chart, max_id), ==, 1);
  {
    g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("test.json");
    g_autoptr(SodoOrgchart) refused = load_string (long_bad, diags, NULL);
    const SodoDiagnostic *diag = find_diagnostic (diags, SODO_SEVERITY_ERROR, "units[1].id");

    /* Too long: a bad value, or a limit passed, depending on how it is told. */
    g_assert_null (refused);
    g_assert_nonnull (diag);
    g_assert_true (diag->code == SODO_ERROR_VALUE || diag->code == SODO_ERROR_LIMIT);
    g_assert_cmpuint (diag->line, ==, 5);
    g_assert_cmpuint (diag->column, ==, 4);
  }
}

static void
test_orgchart_kind_reference (void)
{
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"kind\": \"nope\", \"id\": \"a\", \"parent\": \"root\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_REFERENCE, "units[1].kind", 5, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"id\": \"a\", \"parent\": \"root\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_MISSING, "units[1].kind", 5, 3);
}

static void
test_orgchart_text_values (void)
{
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"name\": 5, \"id\": \"a\", \"parent\": \"root\", \"kind\": \"k\"}" TAIL,
                SODO_ERROR_TYPE, "units[1].name", 5, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"name\": {}, \"id\": \"a\", \"parent\": \"root\", \"kind\": \"k\"}" TAIL,
                SODO_ERROR_VALUE, "units[1].name", 5, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"name\": {\"vi\": 5}, \"id\": \"a\", \"parent\": \"root\", \"kind\": \"k\"}" TAIL,
                SODO_ERROR_TYPE, "units[1].name.vi", 5, 13);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"name\": {\"v\": \"x\"}, \"id\": \"a\", \"parent\": \"root\", \"kind\": \"k\"}" TAIL,
                SODO_ERROR_VALUE, "units[1].name.v", 5, 13);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"name\": \"\", \"id\": \"a\", \"parent\": \"root\", \"kind\": \"k\"}" TAIL,
                SODO_ERROR_VALUE, "units[1].name", 5, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"id\": \"a\", \"parent\": \"root\", \"kind\": \"k\"}" TAIL,
                SODO_ERROR_MISSING, "units[1].name", 5, 3);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"short_name\": [\"x\"], \"id\": \"a\", \"parent\": \"root\", \"kind\": \"k\", "
                "\"name\": \"A\"}" TAIL,
                SODO_ERROR_TYPE, "units[1].short_name", 5, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"host\": {\"en\": null}, \"id\": \"a\", \"parent\": \"root\", \"kind\": \"k\", "
                "\"name\": \"A\"}" TAIL,
                SODO_ERROR_TYPE, "units[1].host.en", 5, 13);
}

static void
test_orgchart_details (void)
{
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"valid_to\": \"2020-01-01\", \"valid_from\": \"2021-01-01\", \"id\": \"a\", "
                "\"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_VALUE, "units[1].valid_to", 5, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"valid_from\": \"2021-02-29\", \"id\": \"a\", "
                "\"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_VALUE, "units[1].valid_from", 5, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"figures\": [{\"value\": \"5\", \"label\": \"x\"}], \"id\": \"a\", "
                "\"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_TYPE, "units[1].figures[0].value", 5, 17);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"figures\": [{\"label\": \"x\"}], \"id\": \"a\", "
                "\"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_MISSING, "units[1].figures[0].value", 5, 16);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"people\": [{\"role\": \"x\"}], \"id\": \"a\", "
                "\"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_MISSING, "units[1].people[0].name", 5, 15);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"people\": [{\"name\": \"  \"}], \"id\": \"a\", "
                "\"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_VALUE, "units[1].people[0].name", 5, 16);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"people\": [{\"name\": {\"vi\": \"A\"}}], \"id\": \"a\", "
                "\"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_TYPE, "units[1].people[0].name", 5, 16);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"people\": \"A\", \"id\": \"a\", "
                "\"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_TYPE, "units[1].people", 5, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"successors\": [\"x\"], \"id\": \"a\", "
                "\"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_REFERENCE, "units[1].successors[0]", 5, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"successors\": [\"root\", 5], \"id\": \"a\", "
                "\"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_TYPE, "units[1].successors[1]", 5, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n"
                "  {\"regulation_refs\": [\"art 3\"], \"id\": \"a\", "
                "\"parent\": \"root\", \"kind\": \"k\", \"name\": \"A\"}" TAIL,
                SODO_ERROR_VALUE, "units[1].regulation_refs[0]", 5, 4);
}

static void
test_orgchart_relations (void)
{
  EXPECT_ERROR (HEAD ROOT_LINE ",\n" UNIT_A
                RELATIONS ("  {\"to\": \"nobody\", \"from\": \"a\"}"),
                SODO_ERROR_REFERENCE, "relations[0].to", 8, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n" UNIT_A
                RELATIONS ("  {\"from\": \"nobody\", \"to\": \"a\"}"),
                SODO_ERROR_REFERENCE, "relations[0].from", 8, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n" UNIT_A
                RELATIONS ("  {\"to\": \"a\", \"from\": \"a\"}"),
                SODO_ERROR_STRUCTURE, "relations[0].to", 8, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n" UNIT_A
                RELATIONS ("  {\"kind\": \"x\", \"from\": \"a\", \"to\": \"root\"}"),
                SODO_ERROR_REFERENCE, "relations[0].kind", 8, 4);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n" UNIT_A
                RELATIONS ("  {\"from\": \"a\", \"to\": \"root\"},\n  {\"to\": \"a\"}"),
                SODO_ERROR_MISSING, "relations[1].from", 9, 3);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n" UNIT_A
                RELATIONS ("  {\"label\": 5, \"from\": \"a\", \"to\": \"root\"}"),
                SODO_ERROR_TYPE, "relations[0].label", 8, 4);
}

static void
test_orgchart_element_types (void)
{
  /* A unit at itself (the list may be a million lines long), other elements at their list. */
  EXPECT_ERROR (HEAD ROOT_LINE ",\n  5" TAIL, SODO_ERROR_TYPE, "units[1]", 5, 3);
  EXPECT_ERROR (HEAD ROOT_LINE ",\n" UNIT_A RELATIONS ("  \"a\""),
                SODO_ERROR_TYPE, "relations[0]", 7, 2);
}

static void
test_orgchart_unknown_keys (void)
{
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("test.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoOrgchart) chart = NULL;
  const SodoDiagnostic *diag;

  chart = load_string (HEAD_WITH (" \"theme\": \"dark\"") ROOT_LINE ",\n"
                       "  {\"colour\": \"red\", \"id\": \"a\", \"parent\": \"root\", \"kind\": \"k\", "
                       "\"name\": \"A\", \"people\": [{\"name\": \"B\", \"email\": \"b@example.org\"}]}"
                       TAIL, diags, &error);
  print_diagnostics (diags);
  g_assert_no_error (error);
  g_assert_nonnull (chart);
  g_assert_false (sodo_diagnostics_has_errors (diags));
  g_assert_cmpuint (sodo_diagnostics_count (diags, SODO_SEVERITY_WARNING), ==, 3);

  diag = find_diagnostic (diags, SODO_SEVERITY_WARNING, "theme");
  g_assert_nonnull (diag);
  g_assert_cmpint (diag->code, ==, SODO_ERROR_UNKNOWN_MEMBER);
  g_assert_cmpuint (diag->line, ==, 2);
  g_assert_cmpuint (diag->column, ==, 2);

  diag = find_diagnostic (diags, SODO_SEVERITY_WARNING, "units[1].colour");
  g_assert_nonnull (diag);
  g_assert_cmpint (diag->code, ==, SODO_ERROR_UNKNOWN_MEMBER);
  g_assert_cmpuint (diag->line, ==, 6);
  g_assert_cmpuint (diag->column, ==, 4);

  diag = find_diagnostic (diags, SODO_SEVERITY_WARNING, "units[1].people[0].email");
  g_assert_nonnull (diag);
  g_assert_cmpuint (diag->line, ==, 6);
  g_assert_cmpuint (diag->column, ==, 101);

  /* Unknown members stay out of the model: "people" still has its one person. */
  g_assert_cmpuint (sodo_orgchart_get_details (chart, 1)->n_people, ==, 1);
}

static void
test_orgchart_all_problems (void)
{
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("test.json");
  g_autoptr(SodoOrgchart) chart = NULL;

  chart = load_string (HEAD ROOT_LINE ",\n"
                       "  {\"id\": \"a\", \"parent\": \"x\", \"kind\": \"k\", \"name\": \"A\"},\n"
                       "  {\"id\": \"b\", \"parent\": \"root\", \"kind\": \"q\", \"name\": \"B\"},\n"
                       "  {\"id\": \"a\", \"parent\": \"root\", \"kind\": \"k\", \"name\": 1}" TAIL,
                       diags, NULL);
  print_diagnostics (diags);
  g_assert_null (chart);
  g_assert_cmpuint (sodo_diagnostics_count (diags, SODO_SEVERITY_ERROR), ==, 4);
  g_assert_nonnull (find_diagnostic (diags, SODO_SEVERITY_ERROR, "units[1].parent"));
  g_assert_nonnull (find_diagnostic (diags, SODO_SEVERITY_ERROR, "units[2].kind"));
  g_assert_nonnull (find_diagnostic (diags, SODO_SEVERITY_ERROR, "units[3].id"));
  g_assert_nonnull (find_diagnostic (diags, SODO_SEVERITY_ERROR, "units[3].name"));
}

static SodoOrgchart *
load_valid_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"),
                                            "orgchart-valid.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("orgchart-valid.json");
  g_autoptr(GError) error = NULL;
  SodoOrgchart *chart;

  chart = sodo_orgchart_load_file (file, diags, NULL, &error);
  print_diagnostics (diags);
  g_assert_no_error (error);
  g_assert_nonnull (chart);
  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, 0);
  g_assert_true (g_file_equal (sodo_orgchart_get_file (chart), file));

  return chart;
}

static void
test_orgchart_valid_tree (void)
{
  g_autoptr(SodoOrgchart) chart = load_valid_file ();
  const SodoUnit *units = sodo_orgchart_get_units (chart);
  guint btv = sodo_orgchart_find_unit (chart, "btv");
  guint expected_children[] = { 2, 3, 5 };
  guint n = 0;

  g_assert_cmpuint (sodo_orgchart_get_n_units (chart), ==, 6);
  g_assert_cmpuint (sodo_orgchart_get_root (chart), ==, 0);
  g_assert_cmpuint (btv, ==, 1);
  g_assert_cmpuint (sodo_orgchart_find_unit (chart, "nope"), ==, SODO_NO_INDEX);
  g_assert_cmpuint (sodo_orgchart_find_unit (chart, NULL), ==, SODO_NO_INDEX);

  /* Children in file order, with counts and depths. */
  g_assert_cmpuint (units[0].parent, ==, SODO_NO_INDEX);
  g_assert_cmpuint (units[0].n_children, ==, 2);
  g_assert_cmpuint (units[0].first_child, ==, 1);
  g_assert_cmpuint (units[1].next_sibling, ==, 4);
  g_assert_cmpuint (units[4].next_sibling, ==, SODO_NO_INDEX);
  g_assert_cmpuint (units[btv].n_children, ==, 3);
  for (guint32 child = units[btv].first_child; child != SODO_NO_INDEX;
       child = units[child].next_sibling)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected_children));
      g_assert_cmpuint (child, ==, expected_children[n++]);
      g_assert_cmpuint (units[child].parent, ==, btv);
      g_assert_cmpuint (units[child].depth, ==, 2);
    }
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (units[0].depth, ==, 0);
  g_assert_cmpuint (units[4].depth, ==, 1);
  g_assert_cmpuint (units[2].first_child, ==, SODO_NO_INDEX);

  /* Kinds by index, lines of the units in the file. */
  g_assert_cmpuint (units[2].kind, ==, sodo_orgchart_find_kind (chart, "party-delegation"));
  g_assert_cmpuint (units[3].kind, ==, 2);
  g_assert_cmpuint (sodo_orgchart_find_kind (chart, "nope"), ==, SODO_NO_INDEX);
  g_assert_cmpuint (units[0].line, ==, 21);
  g_assert_cmpuint (units[2].line, ==, 23);
  g_assert_cmpuint (units[5].line, ==, 40);
}

static void
test_orgchart_valid_content (void)
{
  g_autoptr(SodoOrgchart) chart = load_valid_file ();
  SodoTextPool *pool = sodo_orgchart_get_text_pool (chart);
  const SodoKind *kinds;
  const SodoRelationKind *relation_kinds;
  const SodoRelation *relations;
  const SodoSource *sources;
  guint n;

  sodo_language_set ("en");
  g_assert_cmpstr (sodo_orgchart_text (chart, sodo_orgchart_get_title (chart)), ==, "Test chart");
  sodo_language_set ("vi");
  g_assert_cmpstr (sodo_orgchart_text (chart, sodo_orgchart_get_title (chart)), ==,
                   "Sơ đồ thử nghiệm");
  g_assert_cmpstr (sodo_orgchart_get_as_of (chart), ==, "2023-10-27");
  g_assert_cmpstr (sodo_orgchart_text (chart, sodo_orgchart_get_description (chart)), ==,
                   "Every member of the format, for the loader tests.");

  sources = sodo_orgchart_get_sources (chart, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (sources[0].url, ==, "https://example.org/source");
  g_assert_cmpstr (sources[0].date, ==, "2023-10-27");
  g_assert_cmpstr (sodo_orgchart_text (chart, sources[0].title), ==, "Example source");
  g_assert_null (sources[1].url);
  g_assert_null (sources[1].date);

  kinds = sodo_orgchart_get_kinds (chart, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (kinds[1].id, ==, "party-delegation");
  g_assert_true (kinds[0].has_color);
  g_assert_cmphex (kinds[0].color, ==, 0x1c71d8);
  g_assert_false (kinds[1].has_color);
  g_assert_cmphex (kinds[2].color, ==, 0xe66100);
  g_assert_cmpstr (sodo_text_pool_resolve (pool, kinds[1].name, "en", NULL), ==,
                   "Party delegation");

  relation_kinds = sodo_orgchart_get_relation_kinds (chart, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (relation_kinds[0].style, ==, SODO_LINE_DASHED);
  g_assert_cmphex (relation_kinds[0].color, ==, 0x813d9c);
  g_assert_cmpint (relation_kinds[1].style, ==, SODO_LINE_SOLID);
  g_assert_false (relation_kinds[1].has_color);

  relations = sodo_orgchart_get_relations (chart, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (relations[0].from, ==, 2);
  g_assert_cmpuint (relations[0].to, ==, 1);
  g_assert_cmpuint (relations[0].kind, ==, 0);
  g_assert_cmpstr (sodo_orgchart_text (chart, relations[0].label), ==, "báo cáo");
  g_assert_cmpuint (relations[1].kind, ==, SODO_NO_INDEX);
  g_assert_cmpuint (relations[1].label, ==, SODO_TEXT_NONE);
}

static void
test_orgchart_valid_details (void)
{
  g_autoptr(SodoOrgchart) chart = load_valid_file ();
  SodoTextPool *pool = sodo_orgchart_get_text_pool (chart);
  const SodoUnit *unit = sodo_orgchart_get_unit (chart, 2);
  const SodoUnitDetails *details = sodo_orgchart_get_details (chart, 2);
  const SodoUnitDetails *none;
  const char *lang;

  g_assert_cmpstr (unit->id, ==, "dd-hdnd");
  g_assert_cmpstr (sodo_text_pool_resolve (pool, unit->short_name, "en", &lang), ==, "ĐĐ HĐND");
  g_assert_cmpstr (lang, ==, "vi");
  g_assert_cmpstr (sodo_text_pool_resolve (pool, unit->host, "en", NULL), ==,
                   "Provincial People's Council");
  /* Only French: the first entry. */
  g_assert_cmpstr (sodo_text_pool_resolve (pool, details->description, "vi", &lang), ==,
                   "Seulement en français");
  g_assert_cmpstr (lang, ==, "fr");

  g_assert_cmpuint (details->n_people, ==, 2);
  g_assert_cmpstr (details->people[0].name, ==, "Nguyễn Văn A");
  g_assert_cmpstr (sodo_text_pool_resolve (pool, details->people[0].role, "en", NULL), ==,
                   "Secretary");
  g_assert_cmpstr (details->people[1].name, ==, "Trần Thị B");
  g_assert_cmpuint (details->people[1].role, ==, SODO_TEXT_NONE);

  g_assert_cmpuint (details->n_figures, ==, 2);
  g_assert_cmpfloat (details->figures[0].value, ==, 5);
  g_assert_cmpfloat (details->figures[1].value, ==, 1234.5);
  g_assert_cmpstr (sodo_text_pool_resolve (pool, details->figures[0].label, "vi", NULL), ==,
                   "Thành viên");

  g_assert_cmpstr (details->valid_from, ==, "2020-10-13");
  g_assert_cmpstr (details->valid_to, ==, "2025-02-12");
  g_assert_cmpuint (details->n_successors, ==, 1);
  g_assert_cmpuint (details->successors[0], ==, sodo_orgchart_find_unit (chart, "dang-bo-co-quan"));
  g_assert_cmpuint (details->n_regulation_refs, ==, 2);
  g_assert_cmpstr (details->regulation_refs[0], ==, "art-3");
  g_assert_cmpstr (details->regulation_refs[1], ==, "art-4");

  /* Details only for units that have any; the others get an empty record. */
  g_assert_cmpuint (sodo_orgchart_get_unit (chart, 3)->details, ==, SODO_NO_INDEX);
  none = sodo_orgchart_get_details (chart, 3);
  g_assert_nonnull (none);
  g_assert_cmpuint (none->n_people, ==, 0);
  g_assert_null (none->people);
  g_assert_null (none->valid_from);
  g_assert_cmpuint (none->description, ==, SODO_TEXT_NONE);
  g_assert_cmpstr (sodo_orgchart_get_details (chart, 4)->valid_from, ==, "2025-02-12");
  g_assert_cmpuint (sodo_orgchart_get_details (chart, 4)->n_successors, ==, 0);
}

/* Valid files are read the fast way (one unit at a time), files with anything to report the
 * careful way (whole tree). Both must build the same chart. */
static void
test_orgchart_two_ways (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"),
                                            "orgchart-valid.json", NULL);
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("x.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoOrgchart) fast = NULL;
  g_autoptr(SodoOrgchart) careful = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *with_warning = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) warning_bytes = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpint (contents[0], ==, '{');
  /* Same lines: the unknown member goes on the first line. */
  with_warning = g_strconcat ("{\"x-extra\": 1, ", contents + 1, NULL);
  bytes = g_bytes_new (contents, length);
  warning_bytes = g_bytes_new (with_warning, strlen (with_warning));

  fast = sodo_orgchart_load_bytes (bytes, "x.json", NULL, &error);
  g_assert_no_error (error);
  careful = sodo_orgchart_load_bytes (warning_bytes, "x.json", diags, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sodo_diagnostics_count (diags, SODO_SEVERITY_WARNING), ==, 1);

  g_assert_cmpuint (sodo_orgchart_get_n_units (fast), ==, sodo_orgchart_get_n_units (careful));
  for (guint i = 0; i < sodo_orgchart_get_n_units (fast); i++)
    {
      const SodoUnit *a = sodo_orgchart_get_unit (fast, i);
      const SodoUnit *b = sodo_orgchart_get_unit (careful, i);
      const SodoUnitDetails *da = sodo_orgchart_get_details (fast, i);
      const SodoUnitDetails *db = sodo_orgchart_get_details (careful, i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpuint (a->parent, ==, b->parent);
      g_assert_cmpuint (a->first_child, ==, b->first_child);
      g_assert_cmpuint (a->next_sibling, ==, b->next_sibling);
      g_assert_cmpuint (a->n_children, ==, b->n_children);
      g_assert_cmpuint (a->depth, ==, b->depth);
      g_assert_cmpuint (a->kind, ==, b->kind);
      g_assert_cmpuint (a->line, ==, b->line);
      g_assert_cmpstr (sodo_orgchart_text (fast, a->name), ==, sodo_orgchart_text (careful, b->name));
      g_assert_cmpstr (sodo_orgchart_text (fast, a->host), ==, sodo_orgchart_text (careful, b->host));
      g_assert_cmpuint (da->n_people, ==, db->n_people);
      g_assert_cmpuint (da->n_successors, ==, db->n_successors);
      g_assert_cmpstr (da->valid_from, ==, db->valid_from);
    }
}

/* "kinds" after "units": the fast way meets the units first. */
static void
test_orgchart_kinds_last (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoOrgchart) chart = NULL;

  chart = load_string ("{\"format\": \"sodo-orgchart\", \"version\": 1, \"title\": \"T\",\n"
                       " \"units\": [\n"
                       "  {\"id\": \"r\", \"parent\": null, \"kind\": \"b\", \"name\": \"R\"},\n"
                       "  {\"id\": \"s\", \"parent\": \"r\", \"kind\": \"a\", \"name\": \"S\"}],\n"
                       " \"kinds\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"b\", \"name\": \"B\"}]}",
                       NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sodo_orgchart_get_unit (chart, 0)->kind, ==, 1);
  g_assert_cmpuint (sodo_orgchart_get_unit (chart, 1)->kind, ==, 0);
  g_assert_cmpuint (sodo_orgchart_get_unit (chart, 1)->line, ==, 4);
}

/* A repeated "units" member is refused: its units are read as they come, and json-glib would
 * keep only the last list. */
static void
test_orgchart_repeated_units (void)
{
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("test.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoOrgchart) chart = NULL;

  chart = load_string (HEAD "  {\"id\": \"old\", \"parent\": null, \"kind\": \"k\", \"name\": \"O\"}],\n"
                       " \"units\": [\n" ROOT_LINE ",\n" UNIT_A TAIL, diags, &error);
  print_diagnostics (diags);
  g_assert_null (chart);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_DUPLICATE);
  /* At the second "units". */
  g_assert_cmpuint (sodo_diagnostics_get_item (diags, 0)->line, ==, 5);
  g_assert_cmpuint (sodo_diagnostics_get_item (diags, 0)->column, ==, 2);
}

static void
test_orgchart_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/chart.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoOrgchart) chart = sodo_orgchart_load_file (file, NULL, NULL, &error);

  g_assert_null (chart);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/chart.json: error: "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/orgchart/minimal", test_orgchart_minimal);
  g_test_add_func ("/orgchart/header", test_orgchart_header);
  g_test_add_func ("/orgchart/sources", test_orgchart_sources);
  g_test_add_func ("/orgchart/kinds", test_orgchart_kinds);
  g_test_add_func ("/orgchart/root", test_orgchart_root);
  g_test_add_func ("/orgchart/parent", test_orgchart_parent);
  g_test_add_func ("/orgchart/cycle", test_orgchart_cycle);
  g_test_add_func ("/orgchart/long-cycle", test_orgchart_long_cycle);
  g_test_add_func ("/orgchart/deep-chain", test_orgchart_deep_chain);
  g_test_add_func ("/orgchart/ids", test_orgchart_ids);
  g_test_add_func ("/orgchart/kind-reference", test_orgchart_kind_reference);
  g_test_add_func ("/orgchart/text-values", test_orgchart_text_values);
  g_test_add_func ("/orgchart/details", test_orgchart_details);
  g_test_add_func ("/orgchart/relations", test_orgchart_relations);
  g_test_add_func ("/orgchart/element-types", test_orgchart_element_types);
  g_test_add_func ("/orgchart/unknown-keys", test_orgchart_unknown_keys);
  g_test_add_func ("/orgchart/all-problems", test_orgchart_all_problems);
  g_test_add_func ("/orgchart/valid/tree", test_orgchart_valid_tree);
  g_test_add_func ("/orgchart/valid/content", test_orgchart_valid_content);
  g_test_add_func ("/orgchart/valid/details", test_orgchart_valid_details);
  g_test_add_func ("/orgchart/two-ways", test_orgchart_two_ways);
  g_test_add_func ("/orgchart/kinds-last", test_orgchart_kinds_last);
  g_test_add_func ("/orgchart/repeated-units", test_orgchart_repeated_units);
  g_test_add_func ("/orgchart/missing-file", test_orgchart_missing_file);

  return g_test_run ();
}
