/* test-import.c: the plain-text regulation importer and `sodo --import-regulation`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cli/sodo-cli.h"
#include "model/sodo-limits.h"
#include "model/sodo-regulation.h"
#include "model/sodo-regulation-import.h"

/* ------------------------------------------------------------------ helpers */

static char *
test_data_path (const char *name)
{
  const char *dir = g_getenv ("SODO_TEST_DATA_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static char *
read_test_data (const char *name,
                gsize      *length)
{
  g_autofree char *path = test_data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static JsonNode *
import_string (const char       *text,
               SodoDiagnostics **out_diags)
{
  SodoDiagnostics *diags = sodo_diagnostics_new ("test.txt");
  JsonNode *root = sodo_regulation_import_text (text, -1, "test", diags);

  g_assert_nonnull (root);
  if (out_diags != NULL)
    *out_diags = diags;
  else
    sodo_diagnostics_free (diags);
  return root;
}

static JsonNode *
import_fixture (const char       *name,
                SodoDiagnostics **out_diags)
{
  gsize length = 0;
  g_autofree char *text = read_test_data (name, &length);
  SodoDiagnostics *diags = sodo_diagnostics_new (name);
  JsonNode *root = sodo_regulation_import_text (text, length, "fixture", diags);

  if (out_diags != NULL)
    *out_diags = diags;
  else
    sodo_diagnostics_free (diags);
  return root;
}

static char *
to_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static JsonObject *
find_in (JsonArray  *nodes,
         const char *id)
{
  guint i;

  for (i = 0; nodes != NULL && i < json_array_get_length (nodes); i++)
    {
      JsonObject *node = json_array_get_object_element (nodes, i);
      JsonObject *found;

      if (g_str_equal (json_object_get_string_member (node, "id"), id))
        return node;
      if (json_object_has_member (node, "children") &&
          (found = find_in (json_object_get_array_member (node, "children"), id)) != NULL)
        return found;
    }
  return NULL;
}

/* The node @id; fails the test when there is none. */
static JsonObject *
node (JsonNode   *root,
      const char *id)
{
  JsonObject *found = find_in (json_object_get_array_member (json_node_get_object (root), "body"), id);

  if (found == NULL)
    g_error ("no node “%s” in the imported tree", id);
  return found;
}

static gboolean
has_node (JsonNode   *root,
          const char *id)
{
  return find_in (json_object_get_array_member (json_node_get_object (root), "body"), id) != NULL;
}

/* The "vi" entry of the L value @member, or NULL when it is absent. */
static const char *
l_value (JsonObject *object,
         const char *member)
{
  JsonObject *l;

  if (!json_object_has_member (object, member))
    return NULL;
  l = json_object_get_object_member (object, member);
  g_assert_nonnull (l);
  g_assert_cmpuint (json_object_get_size (l), ==, 1);
  return json_object_get_string_member (l, "vi");
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  return json_object_has_member (object, member) ?
         json_object_get_string_member (object, member) : NULL;
}

static guint
n_children (JsonObject *object)
{
  return json_object_has_member (object, "children") ?
         json_array_get_length (json_object_get_array_member (object, "children")) : 0;
}

static const char *
child_id (JsonObject *object,
          guint       index)
{
  JsonArray *children = json_object_get_array_member (object, "children");

  return json_object_get_string_member (json_array_get_object_element (children, index), "id");
}

static void
assert_node (JsonNode   *root,
             const char *id,
             const char *level,
             const char *number,
             const char *title,
             const char *text)
{
  JsonObject *object = node (root, id);

  g_assert_cmpstr (string_member (object, "level"), ==, level);
  g_assert_cmpstr (string_member (object, "number"), ==, number);
  g_assert_cmpstr (l_value (object, "title"), ==, title);
  g_assert_cmpstr (l_value (object, "text"), ==, text);
}

/* The first diagnostic on @line whose message contains @needle, or NULL. */
static const SodoDiagnostic *
find_diag (SodoDiagnostics *diags,
           guint            line,
           const char      *needle)
{
  guint i;

  for (i = 0; i < sodo_diagnostics_get_n_items (diags); i++)
    {
      const SodoDiagnostic *diag = sodo_diagnostics_get_item (diags, i);

      if (diag->line == line && strstr (diag->message, needle) != NULL)
        {
          g_assert_cmpint (diag->severity, ==, SODO_SEVERITY_WARNING);
          return diag;
        }
    }
  return NULL;
}

/* The 1-based line of the first line of @path equal to @wanted. */
static guint
line_of (const char *text,
         const char *wanted)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint i;

  for (i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (g_str_equal (lines[i], wanted))
        return i + 1;
    }
  g_error ("no line “%s”", wanted);
  return 0;
}

/* ------------------------------------------------------------------ validity */

static const char *const level_names[] = {
  "part", "chapter", "section", "article", "clause", "point", "paragraph",
};

static int
level_index (const char *level)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (level_names); i++)
    if (g_str_equal (level, level_names[i]))
      return i;
  g_error ("unknown level “%s”", level);
  return -1;
}

static void
check_l (JsonObject *object,
         const char *member)
{
  const char *value = l_value (object, member);

  if (!json_object_has_member (object, member))
    return;
  g_assert_nonnull (value);
  g_assert_cmpstr (value, !=, "");
  g_assert_true (g_utf8_validate (value, -1, NULL));
  g_assert_cmpuint (strlen (value), <=, SODO_MAX_STRING_LENGTH);
}

static guint
check_nodes (JsonArray  *nodes,
             int         parent_level,
             GHashTable *ids,
             GRegex     *id_regex)
{
  guint n = 0;
  guint i;

  g_assert_nonnull (nodes);
  for (i = 0; i < json_array_get_length (nodes); i++)
    {
      JsonObject *object = json_array_get_object_element (nodes, i);
      const char *id = string_member (object, "id");
      int level = level_index (string_member (object, "level"));
      GList *members = json_object_get_members (object);
      GList *l;

      for (l = members; l != NULL; l = l->next)
        g_assert_true (g_strv_contains ((const char *const[]) {
          "id", "level", "number", "title", "text", "children", NULL }, l->data));
      g_list_free (members);

      g_assert_nonnull (id);
      g_assert_true (g_regex_match (id_regex, id, 0, NULL));
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, (gpointer) id);

      /* A level may be skipped, never inverted; a paragraph goes anywhere and holds only
       * paragraphs. */
      if (parent_level == 6)
        g_assert_cmpint (level, ==, 6);
      else if (level != 6)
        g_assert_cmpint (level, >, parent_level);

      if (json_object_has_member (object, "number"))
        g_assert_cmpstr (string_member (object, "number"), !=, "");
      check_l (object, "title");
      check_l (object, "text");
      n++;
      if (json_object_has_member (object, "children"))
        {
          JsonArray *children = json_object_get_array_member (object, "children");

          g_assert_cmpuint (json_array_get_length (children), >, 0);
          n += check_nodes (children, level, ids, id_regex);
        }
    }
  return n;
}

/* Checks that @root follows DATA-FORMAT.md §2; returns its number of nodes. */
static guint
check_tree (JsonNode *root)
{
  g_autoptr(GRegex) id_regex = g_regex_new ("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", 0, 0, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *object;
  const char *date;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  g_assert_cmpstr (string_member (object, "format"), ==, "sodo-regulation");
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_true (g_regex_match (id_regex, string_member (object, "id"), 0, NULL));
  g_assert_nonnull (l_value (object, "title"));
  check_l (object, "title");
  check_l (object, "issuer");
  check_l (object, "description");
  g_assert_true (g_strv_contains ((const char *const[]) { "draft", "issued", NULL },
                                  string_member (object, "status")));
  date = string_member (object, "date");
  if (date != NULL)
    {
      guint year, month, day;

      g_assert_cmpuint (strlen (date), ==, 10);
      g_assert_cmpint (sscanf (date, "%4u-%2u-%2u", &year, &month, &day), ==, 3);
      g_assert_true (g_date_valid_dmy (day, month, year));
    }
  return check_nodes (json_object_get_array_member (object, "body"), -1, ids, id_regex);
}

/* Serialises @root and loads it with the regulation loader: no error, no warning, and the
 * same nodes in the same order. */
static void
assert_loads (JsonNode *root)
{
  g_autofree char *json = to_json (root);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("imported.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoRegulation) regulation = NULL;
  JsonObject *object = json_node_get_object (root);
  guint n_nodes = check_tree (root);
  guint i;

  regulation = sodo_regulation_load_bytes (bytes, "imported.json", diags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (regulation);
  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, 0);

  g_assert_cmpstr (sodo_regulation_get_id (regulation), ==, string_member (object, "id"));
  g_assert_cmpstr (sodo_regulation_text (regulation, sodo_regulation_get_title (regulation)), ==,
                   l_value (object, "title"));
  g_assert_cmpstr (sodo_regulation_get_number (regulation), ==, string_member (object, "number"));
  g_assert_cmpstr (sodo_regulation_get_date (regulation), ==, string_member (object, "date"));
  g_assert_cmpuint (sodo_regulation_get_n_nodes (regulation), ==, n_nodes);
  for (i = 0; i < n_nodes; i++)
    {
      const SodoRegulationNode *loaded = sodo_regulation_get_node (regulation, i);
      JsonObject *imported = node (root, loaded->id);

      g_assert_cmpstr (sodo_level_to_string (loaded->level), ==, string_member (imported, "level"));
      g_assert_cmpstr (loaded->number, ==, string_member (imported, "number"));
      g_assert_cmpstr (sodo_regulation_text (regulation, loaded->text), ==, l_value (imported, "text"));
    }
}

/* ------------------------------------------------------------------ fixtures */

static void
test_clean (void)
{
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(JsonNode) root = import_fixture ("import-146-clean.txt", &diags);
  gsize length;
  g_autofree char *text = read_test_data ("import-146-clean.txt", &length);
  JsonObject *object = json_node_get_object (root);
  JsonArray *body = json_object_get_array_member (object, "body");

  check_tree (root);
  g_assert_cmpstr (string_member (object, "number"), ==, "146-QĐ/TW");
  g_assert_cmpstr (string_member (object, "date"), ==, "2024-05-14");
  g_assert_cmpstr (string_member (object, "status"), ==, "issued");
  g_assert_cmpstr (string_member (object, "id"), ==, "fixture");
  g_assert_cmpstr (l_value (object, "issuer"), ==, "BAN CHẤP HÀNH TRUNG ƯƠNG");
  g_assert_cmpstr (l_value (object, "title"), ==,
                   "Quy định về chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức, mối quan hệ công tác "
                   "của đảng đoàn, ban cán sự đảng cấp tỉnh");
  g_assert_cmpstr (l_value (object, "description"), ==,
                   "Văn bản minh họa để kiểm thử bộ nhập văn bản, không phải nguyên văn của Quy định");

  /* Top level: preamble, two parts, signature, in that order. */
  g_assert_cmpuint (json_array_get_length (body), ==, 4);
  assert_node (root, "preamble", "paragraph", NULL, NULL,
               "- Căn cứ Điều lệ Đảng;\n"
               "- Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư;\n"
               "BAN BÍ THƯ QUY ĐỊNH");
  assert_node (root, "part-1", "part", "thứ nhất", "NHỮNG QUY ĐỊNH CHUNG", NULL);
  assert_node (root, "part-2", "part", "thứ hai", "TỔ CHỨC VÀ QUAN HỆ CÔNG TÁC", NULL);
  assert_node (root, "signature", "paragraph", NULL, NULL,
               "T/M BAN BÍ THƯ\nTHƯỜNG TRỰC\nLương Cường\nNơi nhận:\n"
               "- Các tỉnh ủy, thành ủy,\n- Lưu Văn phòng Trung ương.");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (body, 3), "id"),
                   ==, "signature");

  /* Chapters: title on the same line, and on the next line in capitals. */
  assert_node (root, "ch-1", "chapter", "I", "PHẠM VI VÀ ĐỐI TƯỢNG", NULL);
  assert_node (root, "ch-2", "chapter", "II", "CƠ CẤU TỔ CHỨC", NULL);
  assert_node (root, "ch-3", "chapter", "III", "MỐI QUAN HỆ CÔNG TÁC", NULL);
  g_assert_cmpuint (n_children (node (root, "part-2")), ==, 2);
  assert_node (root, "ch-1-sec-1", "section", "1", "Phạm vi", NULL);
  g_assert_cmpstr (child_id (node (root, "ch-1"), 0), ==, "ch-1-sec-1");

  /* Articles: "Điều 1." and "Điều 2:" */
  assert_node (root, "art-1", "article", "1", "Phạm vi điều chỉnh",
               "Quy định này quy định về chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức và mối "
               "quan hệ công tác của đảng đoàn, ban cán sự đảng cấp tỉnh.");
  assert_node (root, "art-2", "article", "2", "Đối tượng áp dụng", NULL);
  g_assert_cmpuint (n_children (node (root, "ch-1-sec-1")), ==, 2);

  /* Clauses and points, with đ after d. */
  assert_node (root, "art-2-cl-1", "clause", "1", NULL,
               "Đảng đoàn, ban cán sự đảng do ban thường vụ tỉnh ủy, thành ủy lập ra.");
  assert_node (root, "art-2-cl-2", "clause", "2", NULL,
               "Các cơ quan, tổ chức mà đảng đoàn, ban cán sự đảng lãnh đạo, gồm:");
  g_assert_cmpuint (n_children (node (root, "art-2-cl-2")), ==, 6);
  assert_node (root, "art-2-cl-2-pt-a", "point", "a", NULL, "Hội đồng nhân dân tỉnh;");
  assert_node (root, "art-2-cl-2-pt-dd", "point", "đ", NULL, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh;");
  g_assert_cmpstr (child_id (node (root, "art-2-cl-2"), 4), ==, "art-2-cl-2-pt-dd");
  g_assert_cmpstr (child_id (node (root, "art-2-cl-2"), 5), ==, "art-2-cl-2-pt-e");

  /* Inline references stay in the sentence; bullets are paragraphs, "+" under "-". */
  assert_node (root, "art-5", "article", "5", "Quan hệ công tác với Ban Thường vụ Tỉnh ủy",
               "Đảng đoàn, ban cán sự đảng chịu sự lãnh đạo trực tiếp, thường xuyên của Ban "
               "Thường vụ Tỉnh ủy, theo Điều 2 và khoản 2 Điều 3 của Quy định này:");
  g_assert_cmpuint (n_children (node (root, "art-5")), ==, 2);
  assert_node (root, "art-5-p1", "paragraph", NULL, NULL, "- báo cáo định kỳ với Ban Thường vụ Tỉnh ủy;");
  assert_node (root, "art-5-p1-p1", "paragraph", NULL, NULL, "+ báo cáo sáu tháng;");
  assert_node (root, "art-5-p1-p2", "paragraph", NULL, NULL, "+ báo cáo hằng năm;");
  assert_node (root, "art-5-p2", "paragraph", NULL, NULL,
               "- đề xuất về công tác cán bộ thuộc phạm vi được giao.");

  /* The only warning: the signature block, at its line. */
  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, 1);
  g_assert_nonnull (find_diag (diags, line_of (text, "T/M BAN BÍ THƯ"), "signature"));

  assert_loads (root);
}

/* Collects "id\tlevel\tnumber\ttitle\ttext" of every node, in order. */
static void
collect_nodes (JsonArray *nodes,
               GString   *out)
{
  guint i;

  for (i = 0; i < json_array_get_length (nodes); i++)
    {
      JsonObject *object = json_array_get_object_element (nodes, i);

      g_string_append_printf (out, "%s\t%s\t%s\t%s\t%s\n", string_member (object, "id"),
                              string_member (object, "level"), string_member (object, "number"),
                              l_value (object, "title"), l_value (object, "text"));
      if (json_object_has_member (object, "children"))
        collect_nodes (json_object_get_array_member (object, "children"), out);
    }
}

static char *
describe (JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s|%s|%s|%s|%s|%s|%s\n", l_value (object, "title"),
                          string_member (object, "number"), string_member (object, "date"),
                          string_member (object, "status"), l_value (object, "issuer"),
                          l_value (object, "description"), string_member (object, "id"));
  collect_nodes (json_object_get_array_member (object, "body"), out);
  return g_string_free (out, FALSE);
}

/* The messy copy holds the clean text plus article 6, wrapped, split, in NFD, with CRLF,
 * tabs, non-breaking spaces, the wrong Ð, hyphen and decimal numbering, a page number. */
static void
test_messy (void)
{
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(JsonNode) clean = import_fixture ("import-146-clean.txt", NULL);
  g_autoptr(JsonNode) messy = import_fixture ("import-146-messy.txt", &diags);
  g_autofree char *clean_description = describe (clean);
  g_autofree char *messy_description = describe (messy);
  gsize length;
  g_autofree char *raw = read_test_data ("import-146-messy.txt", &length);
  g_autofree char *text = g_utf8_normalize (raw, length, G_NORMALIZE_NFC);
  g_autofree char *article_6 = NULL;
  char *start;

  /* The fixture really is messy. */
  g_assert_nonnull (strstr (raw, "\r\n"));
  g_assert_nonnull (strstr (raw, "\xC3\x90"));                   /* Ð */
  g_assert_nonnull (strstr (raw, "\xCC\x81"));                   /* combining acute */
  g_assert_nonnull (strstr (raw, "\xC2\xA0"));                   /* no-break space */
  g_assert_nonnull (strstr (raw, "\t"));

  check_tree (messy);
  start = strstr (messy_description, "art-6\t");
  g_assert_nonnull (start);
  article_6 = g_strdup (start);
  *start = '\0';
  /* Everything before article 6, and the signature after it, reads as the clean copy. */
  g_assert_true (g_str_has_prefix (clean_description, messy_description));
  g_assert_true (g_str_has_suffix (clean_description, strstr (article_6, "signature\t")));

  /* Decimal numbering under a clause: points "1.1" and "1.2". */
  assert_node (messy, "art-6-cl-1", "clause", "1", NULL,
               "Đảng đoàn, ban cán sự đảng làm việc theo chế độ tập thể.");
  assert_node (messy, "art-6-cl-1-pt-1.1", "point", "1.1", NULL, "Họp định kỳ");
  assert_node (messy, "art-6-cl-1-pt-1.2", "point", "1.2", NULL, "Họp bất thường");
  assert_node (messy, "art-6-cl-2", "clause", "2", NULL, "Quy định này có hiệu lực từ ngày ký.");

  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, 2);
  g_assert_nonnull (find_diag (diags, line_of (text, "- 2 -"), "page number"));
  g_assert_nonnull (find_diag (diags, line_of (text, "T/M BAN BÍ THƯ"), "signature"));

  assert_loads (messy);
}

/* Transforms @text: every "\n" to @newline, and the string @from to @to. */
static char *
transform (const char *text,
           const char *newline,
           const char *from,
           const char *to)
{
  g_autoptr(GString) out = g_string_new (text);

  g_string_replace (out, from, to, 0);
  if (!g_str_equal (newline, "\n"))
    g_string_replace (out, "\n", newline, 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Hygiene only changes bytes, never the result: NFD, CRLF, CR, Ð, no-break spaces, tabs. */
static void
test_hygiene_variants (void)
{
  gsize length;
  g_autofree char *text = read_test_data ("import-146-clean.txt", &length);
  g_autoptr(JsonNode) reference = import_string (text, NULL);
  g_autofree char *expected = to_json (reference);
  g_autofree char *nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  char *variants[] = {
    g_strdup (nfd),
    transform (text, "\r\n", "Đ", "\xC3\x90"),
    transform (nfd, "\r", "đ", "\xC3\xB0"),
    transform (text, " \t\n", " ", "\xC2\xA0 \t"),
    g_strconcat ("\xEF\xBB\xBF", text, NULL),
    transform (text, "\n", "Điều", "\xE2\x80\x8B\xC4\x90i\xE1\xBB\x81u"),   /* a zero-width space */
  };
  guint i;

  g_assert_cmpstr (nfd, !=, text);
  for (i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(JsonNode) root = import_string (variants[i], NULL);
      g_autofree char *json = to_json (root);

      g_test_message ("variant %u", i);
      g_assert_cmpstr (json, ==, expected);
      g_free (variants[i]);
    }
}

static void
test_party (void)
{
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(JsonNode) root = import_fixture ("import-party.txt", &diags);
  JsonObject *object = json_node_get_object (root);

  check_tree (root);
  g_assert_cmpstr (string_member (object, "number"), ==, "05-QĐ/TU");
  g_assert_cmpstr (string_member (object, "date"), ==, "2020-03-02");
  /* A number and a date, but "DỰ THẢO": still a draft. */
  g_assert_cmpstr (string_member (object, "status"), ==, "draft");
  g_assert_cmpstr (l_value (object, "issuer"), ==, "ĐẢNG BỘ TỈNH BAN THƯỜNG VỤ TỈNH ỦY");
  g_assert_cmpstr (l_value (object, "title"), ==,
                   "Quy định chức năng, nhiệm vụ, tổ chức bộ máy các cơ quan tham mưu, giúp việc Tỉnh ủy");

  /* "I-" sections are chapters when the text has no Chương. */
  assert_node (root, "ch-1", "chapter", "I", "QUY ĐỊNH CHUNG", NULL);
  assert_node (root, "ch-2", "chapter", "II", "CHỨC NĂNG, NHIỆM VỤ", NULL);
  assert_node (root, "ch-3", "chapter", "III", "TỔ CHỨC THỰC HIỆN", "Quy định này có hiệu lực từ ngày ký.");

  /* "1-" clauses directly in a chapter; "-" bullets under them. */
  assert_node (root, "ch-1-cl-1", "clause", "1", NULL, "Các cơ quan tham mưu, giúp việc Tỉnh ủy gồm:");
  g_assert_cmpuint (n_children (node (root, "ch-1-cl-1")), ==, 6);
  assert_node (root, "ch-1-cl-1-p6", "paragraph", NULL, NULL, "- Cơ quan Ủy ban Kiểm tra Tỉnh ủy.");
  assert_node (root, "ch-1-cl-2", "clause", "2", NULL,
               "Các cơ quan tham mưu, giúp việc chịu sự lãnh đạo trực tiếp, thường xuyên của Ban Thường vụ Tỉnh ủy.");

  /* 1.1 is a point of clause 1; its text under a short heading line keeps a newline. */
  assert_node (root, "ch-2-cl-1", "clause", "1", NULL, "Văn phòng Tỉnh ủy");
  assert_node (root, "ch-2-cl-1-pt-1.1", "point", "1.1", NULL,
               "Chức năng\nTham mưu tổ chức, điều hành công việc của Tỉnh ủy.");
  /* 1.1.1 and a) under a decimal point are numbered paragraphs. */
  assert_node (root, "ch-2-cl-1-pt-1.1-p-1.1.1", "paragraph", "1.1.1", NULL,
               "Tham mưu về chương trình công tác.");
  assert_node (root, "ch-2-cl-1-pt-1.1-p-1.1.2", "paragraph", "1.1.2", NULL,
               "Tham mưu về điều hành công việc.");
  assert_node (root, "ch-2-cl-1-pt-1.2-p-a", "paragraph", "a", NULL, "Xây dựng chương trình công tác;");
  assert_node (root, "ch-2-cl-1-pt-1.2-p-b", "paragraph", "b", NULL, "Bảo đảm điều kiện hoạt động:");
  g_assert_cmpuint (n_children (node (root, "ch-2-cl-1-pt-1.2-p-b")), ==, 2);
  assert_node (root, "ch-2-cl-1-pt-1.2-p-b-p1", "paragraph", NULL, NULL, "- tài chính, tài sản;");
  assert_node (root, "ch-2-cl-1-pt-1.2-p-b-p1-p2", "paragraph", NULL, NULL, "+ quản lý tài sản;");
  assert_node (root, "ch-2-cl-2-pt-2.1", "point", "2.1", NULL, "Chức năng\nTham mưu về tổ chức, cán bộ.");

  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, 0);
  assert_loads (root);
}

/* ------------------------------------------------------------------ header */

static void
test_header_state (void)
{
  g_autoptr(SodoDiagnostics) diags = NULL;
  /* A state text whose two-column header was copied as one column per line pair. */
  g_autoptr(JsonNode) root = import_string (
    "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH MẪU Độc lập - Tự do - Hạnh phúc\n"
    "Số: 30/2020/QĐ-UBND\n"
    "Tỉnh Mẫu, ngày 05 tháng 10 năm 2020\n"
    "\n"
    "QUYẾT ĐỊNH\n"
    "Ban hành Quy chế làm việc\n"
    "\n"
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Ủy ban nhân dân tỉnh.\n"
    "Điều 2. Hiệu lực thi hành\n"
    "Quyết định có hiệu lực từ ngày ký.\n", &diags);
  JsonObject *object = json_node_get_object (root);

  check_tree (root);
  g_assert_cmpstr (l_value (object, "issuer"), ==, "ỦY BAN NHÂN DÂN TỈNH MẪU");
  g_assert_cmpstr (string_member (object, "number"), ==, "30/2020/QĐ-UBND");
  g_assert_cmpstr (string_member (object, "date"), ==, "2020-10-05");
  g_assert_cmpstr (string_member (object, "status"), ==, "issued");
  g_assert_cmpstr (l_value (object, "title"), ==, "Quyết định Ban hành Quy chế làm việc");
  assert_node (root, "preamble", "paragraph", NULL, NULL, "QUYẾT ĐỊNH:");
  /* A long sentence with a full stop after "Điều 1." is the article's text, not its title. */
  assert_node (root, "art-1", "article", "1", NULL,
               "Ban hành kèm theo Quyết định này Quy chế làm việc của Ủy ban nhân dân tỉnh.");
  assert_node (root, "art-2", "article", "2", "Hiệu lực thi hành", "Quyết định có hiệu lực từ ngày ký.");
  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, 0);
  assert_loads (root);
}

static void
test_header_draft (void)
{
  g_autoptr(JsonNode) root = import_string (
    "BAN THƯỜNG VỤ TỈNH ỦY\n"
    "Số:      -QĐ/TU\n"
    "Hà Nội, ngày      tháng     năm 2024\n"
    "DỰ THẢO QUY ĐỊNH\n"
    "về chế độ làm việc\n"
    "Chương I\n"
    "Điều 1. Phạm vi\n", NULL);
  JsonObject *object = json_node_get_object (root);

  check_tree (root);
  g_assert_cmpstr (l_value (object, "issuer"), ==, "BAN THƯỜNG VỤ TỈNH ỦY");
  g_assert_null (string_member (object, "number"));
  g_assert_null (string_member (object, "date"));
  g_assert_cmpstr (string_member (object, "status"), ==, "draft");
  g_assert_cmpstr (l_value (object, "title"), ==, "Quy định về chế độ làm việc");
  g_assert_false (has_node (root, "preamble"));
  assert_loads (root);
}

static void
test_header_variants (void)
{
  g_autoptr(JsonNode) inline_subject = import_string (
    "QUY CHẾ LÀM VIỆC CỦA BAN THƯỜNG VỤ\n"
    "NHIỆM KỲ 2020 - 2025\n"
    "(Dự thảo)\n"
    "Số 12-QC/TU ngày 14/5/2024\n"
    "Điều 1. Phạm vi\n", NULL);
  g_autoptr(JsonNode) no_header = NULL;
  g_autoptr(JsonNode) no_title = NULL;
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(SodoDiagnostics) diags_no_title = NULL;
  JsonObject *object = json_node_get_object (inline_subject);

  /* The type with its subject on one line is kept as printed, across capital lines. */
  g_assert_cmpstr (l_value (object, "title"), ==, "QUY CHẾ LÀM VIỆC CỦA BAN THƯỜNG VỤ NHIỆM KỲ 2020 - 2025");
  g_assert_cmpstr (string_member (object, "status"), ==, "draft");

  /* Without a header, the title is the first heading's, with a warning; the id the hint's. */
  no_header = import_string ("Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\n", &diags);
  object = json_node_get_object (no_header);
  g_assert_cmpstr (l_value (object, "title"), ==, "NHỮNG QUY ĐỊNH CHUNG");
  g_assert_cmpstr (string_member (object, "id"), ==, "test");
  g_assert_cmpstr (string_member (object, "status"), ==, "draft");
  g_assert_nonnull (find_diag (diags, 0, "title"));

  /* No heading either: the file name hint is the title, and the id is folded to ASCII. */
  no_title = sodo_regulation_import_text ("1. Một khoản.\n", -1, "Quy định số 146-QĐ/TW", NULL);
  object = json_node_get_object (no_title);
  g_assert_cmpstr (l_value (object, "title"), ==, "Quy định số 146-QĐ/TW");
  g_assert_cmpstr (string_member (object, "id"), ==, "quy-dinh-so-146-qd-tw");
  check_tree (no_title);
  assert_loads (no_title);

  /* No hint: the id comes from the number. */
  {
    g_autoptr(JsonNode) root = sodo_regulation_import_text ("Số 146-QĐ/TW\nĐiều 1. A\n", -1, NULL, NULL);

    g_assert_cmpstr (string_member (json_node_get_object (root), "id"), ==, "146-qd-tw");
  }
  (void) diags_no_title;
}

/* ------------------------------------------------------------------ structure */

static void
test_inline_references (void)
{
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(JsonNode) root = import_string (
    "Điều 1. Phạm vi\n"
    "Việc phối hợp thực hiện theo\n"
    "Điều 5. Quy định này và khoản 2\n"
    "Điều 3 của Quy định số 1 nói trên; các cơ quan quy định tại khoản\n"
    "1. Điều này thực hiện, theo điểm a\n"
    "Điều 4: nêu trên.\n"
    "Chương II của Quy định này áp dụng chung.\n"
    "Điều 7 của Quy định này không áp dụng.\n", &diags);

  check_tree (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "body")), ==, 1);
  assert_node (root, "art-1", "article", "1", "Phạm vi",
               "Việc phối hợp thực hiện theo Điều 5. Quy định này và khoản 2 Điều 3 của Quy định số 1 "
               "nói trên; các cơ quan quy định tại khoản 1. Điều này thực hiện, theo điểm a Điều 4: "
               "nêu trên.\nChương II của Quy định này áp dụng chung.\n"
               "Điều 7 của Quy định này không áp dụng.");
  g_assert_cmpuint (n_children (node (root, "art-1")), ==, 0);
  /* Nothing but the title taken from the first heading. */
  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, 1);
  g_assert_nonnull (find_diag (diags, 0, "first heading"));
}

static void
test_out_of_sequence (void)
{
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(JsonNode) root = import_string (
    "Điều 1. Một\n"
    "Điều 2. Hai\n"
    "Điều 5. Năm\n"
    "Điều 3. Ba\n"
    "1. Khoản một.\n"
    "3. Khoản ba.\n"
    "a) Điểm a;\n"
    "c) Điểm c.\n"
    "Điều 3. Ba lần nữa\n", &diags);
  JsonArray *body = json_object_get_array_member (json_node_get_object (root), "body");
  const SodoDiagnostic *diag;

  check_tree (root);
  /* Imported as printed, in order; the repeated number gets a suffixed id. */
  g_assert_cmpuint (json_array_get_length (body), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (body, 2), "id"), ==, "art-5");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (body, 3), "id"), ==, "art-3");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (body, 4), "id"), ==, "art-3-2");
  assert_node (root, "art-3-2", "article", "3", "Ba lần nữa", NULL);
  assert_node (root, "art-3-cl-3-pt-c", "point", "c", NULL, "Điểm c.");

  g_assert_nonnull (find_diag (diags, 3, "“Điều 5.” follows “Điều 2.” (line 2)"));
  diag = find_diag (diags, 4, "“Điều 3.” follows “Điều 5.” (line 3)");
  g_assert_nonnull (diag);
  g_assert_cmpstr (diag->file, ==, "test.txt");
  g_assert_nonnull (find_diag (diags, 6, "“3.” follows “1.”"));
  g_assert_nonnull (find_diag (diags, 8, "“c)” follows “a)”"));
  g_assert_nonnull (find_diag (diags, 9, "“Điều 3.” follows “Điều 3.”"));
  /* … and the title taken from the first heading. */
  g_assert_nonnull (find_diag (diags, 0, "first heading"));
  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, 6);
  assert_loads (root);
}

static void
test_heading_split (void)
{
  g_autoptr(JsonNode) root = import_string (
    "Chương I\n"
    "\n"
    "NHỮNG QUY ĐỊNH\n"
    "CHUNG\n"
    "Điều 1. Quan hệ công tác với Ban Thường vụ\n"
    "Tỉnh ủy\n"
    "Nội dung điều một.\n"
    "Điều 2. Trách nhiệm của các cơ quan\n"
    "và tổ chức\n"
    "Đảng đoàn thực hiện các nhiệm vụ sau đây theo quy định của Đảng.\n"
    "Điều 3. Nhiệm vụ của Ban Thường vụ\n"
    "Ban Thường vụ lãnh đạo trực tiếp, thường xuyên các đảng đoàn.\n"
    "Điều 4\n"
    "Hiệu lực thi hành\n"
    "Dòng một bị ngắt giữa\n"
    "câu và tiếp tục đến hết câu.\n"
    "Đoạn thứ hai bắt đầu.\n"
    "\n"
    "đoạn thứ ba sau dòng trống.\n", NULL);

  check_tree (root);
  assert_node (root, "ch-1", "chapter", "I", "NHỮNG QUY ĐỊNH CHUNG", NULL);
  assert_node (root, "art-1", "article", "1", "Quan hệ công tác với Ban Thường vụ Tỉnh ủy",
               "Nội dung điều một.");
  assert_node (root, "art-2", "article", "2", "Trách nhiệm của các cơ quan và tổ chức",
               "Đảng đoàn thực hiện các nhiệm vụ sau đây theo quy định của Đảng.");
  assert_node (root, "art-3", "article", "3", "Nhiệm vụ của Ban Thường vụ",
               "Ban Thường vụ lãnh đạo trực tiếp, thường xuyên các đảng đoàn.");
  /* A hard wrap joins with a space; a new sentence after a full stop, or after a blank
   * line, starts a new line of the same node. */
  assert_node (root, "art-4", "article", "4", "Hiệu lực thi hành",
               "Dòng một bị ngắt giữa câu và tiếp tục đến hết câu.\nĐoạn thứ hai bắt đầu.\n"
               "đoạn thứ ba sau dòng trống.");
  assert_loads (root);
}

static void
test_levels (void)
{
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(JsonNode) root = import_string (
    "Phần I. PHẦN CHUNG\n"
    "Chương 1 - Quy định chung\n"
    "Mục 1: Phạm vi\n"
    "Tiểu mục 1. Đối tượng\n"
    "Điều 1. Áp dụng\n"
    "1) Khoản một;\n"
    "1.1. Không thuộc khoản nào khác.\n"
    "I. Mục La Mã trong chương\n"
    "Điều 2. Khác\n"
    "1.1. Khoản thập phân không có khoản cha\n"
    "f) Chữ f không phải điểm.\n"
    "Mục 2. Thứ hai\n", &diags);

  check_tree (root);
  assert_node (root, "part-1", "part", "I", "PHẦN CHUNG", NULL);
  assert_node (root, "ch-1", "chapter", "1", "Quy định chung", NULL);
  assert_node (root, "ch-1-sec-1", "section", "1", "Phạm vi", NULL);
  /* Tiểu mục: a numbered paragraph of the section; the article stays in the section. */
  assert_node (root, "ch-1-sec-1-p-1", "paragraph", "1", "Đối tượng", NULL);
  g_assert_cmpstr (child_id (node (root, "ch-1-sec-1"), 1), ==, "art-1");
  assert_node (root, "art-1-cl-1", "clause", "1", NULL, "Khoản một;");
  assert_node (root, "art-1-cl-1-pt-1.1", "point", "1.1", NULL,
               "Không thuộc khoản nào khác.\nI. Mục La Mã trong chương");
  /* "I." in a text with chapters and sections is kept as text. */
  g_assert_nonnull (find_diag (diags, 8, "“I.”"));
  /* "1.1." with no clause above is a clause numbered 1.1. */
  assert_node (root, "art-2-cl-1.1", "clause", "1.1", NULL,
               "Khoản thập phân không có khoản cha f) Chữ f không phải điểm.");
  g_assert_nonnull (find_diag (diags, 4, "sub-section"));
  g_assert_nonnull (find_diag (diags, 11, "f)"));
  assert_node (root, "ch-1-sec-2", "section", "2", "Thứ hai", NULL);
  assert_loads (root);

  {
    /* With chapters but no Mục, "I." sections become sections. */
    g_autoptr(JsonNode) sections = import_string ("Chương I\nCHUNG\nI- Phần một\nĐiều 1. A\n", NULL);

    assert_node (sections, "ch-1-sec-1", "section", "I", "Phần một", NULL);
    g_assert_cmpstr (child_id (node (sections, "ch-1-sec-1"), 0), ==, "art-1");
  }
}

/* A table of contents repeats the headings: left out, once reported. */
static void
test_contents (void)
{
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(JsonNode) root = import_string ("QUY CHẾ\n"
                                            "làm việc của Ban Chấp hành\n"
                                            "MỤC LỤC\n"
                                            "Chương I. Những quy định chung ........ 3\n"
                                            "\n"
                                            "Điều 1. Phạm vi điều chỉnh …… 3\n"
                                            "Chương I\n"
                                            "NHỮNG QUY ĐỊNH CHUNG\n"
                                            "Điều 1. Phạm vi điều chỉnh\n"
                                            "Các năm 2020, 2021... 3\n", &diags);
  JsonArray *body = json_object_get_array_member (json_node_get_object (root), "body");

  check_tree (root);
  g_assert_cmpstr (l_value (json_node_get_object (root), "title"), ==, "Quy chế làm việc của Ban Chấp hành");
  g_assert_cmpuint (json_array_get_length (body), ==, 1);
  assert_node (root, "ch-1", "chapter", "I", "NHỮNG QUY ĐỊNH CHUNG", NULL);
  /* Three dots before a number in a sentence are no leader. */
  assert_node (root, "art-1", "article", "1", "Phạm vi điều chỉnh", "Các năm 2020, 2021... 3");
  g_assert_nonnull (find_diag (diags, 3, "table of contents"));
  g_assert_cmpuint (sodo_diagnostics_get_n_items (diags), ==, 1);
  assert_loads (root);
}

/* Careless copies lose the space after a marker. */
static void
test_tight_markers (void)
{
  g_autoptr(JsonNode) root = import_string ("Điều 1.Phạm vi\n"
                                            "1.Khoản một:\n"
                                            "a)Điểm a;\n"
                                            "2)Khoản hai.\n"
                                            "2.1.Điểm hai chấm một\n"
                                            "3.các chữ thường không phải khoản\n"
                                            "I.Không phải chương\n", NULL);

  check_tree (root);
  assert_node (root, "art-1", "article", "1", "Phạm vi", NULL);
  assert_node (root, "art-1-cl-1", "clause", "1", NULL, "Khoản một:");
  assert_node (root, "art-1-cl-1-pt-a", "point", "a", NULL, "Điểm a;");
  assert_node (root, "art-1-cl-2-pt-2.1", "point", "2.1", NULL,
               "Điểm hai chấm một\n3.các chữ thường không phải khoản I.Không phải chương");
  g_assert_false (has_node (root, "ch-1"));
}

static void
test_no_structure (void)
{
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(SodoDiagnostics) empty_diags = NULL;
  g_autoptr(JsonNode) root = import_string ("Một đoạn văn bản thường.\nTiếp tục đoạn đó.\n\n"
                                            "Đoạn thứ hai.\n", &diags);
  g_autoptr(JsonNode) empty = NULL;

  check_tree (root);
  assert_node (root, "p1", "paragraph", NULL, NULL, "Một đoạn văn bản thường.\nTiếp tục đoạn đó.");
  assert_node (root, "p2", "paragraph", NULL, NULL, "Đoạn thứ hai.");
  g_assert_cmpstr (l_value (json_node_get_object (root), "title"), ==, "test");
  g_assert_nonnull (find_diag (diags, 1, "paragraphs"));
  assert_loads (root);

  empty = import_string ("", &empty_diags);
  check_tree (empty);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (empty), "body")), ==, 0);
  g_assert_nonnull (find_diag (empty_diags, 0, "empty"));
  assert_loads (empty);
}

static void
test_invalid_utf8 (void)
{
  static const char text[] = "Điều 1. Một\nHai \xFF\xFE ba\0 bốn\n";
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("bad.txt");
  g_autoptr(JsonNode) root = sodo_regulation_import_text (text, sizeof text - 1, "bad", diags);
  const SodoDiagnostic *diag;

  check_tree (root);
  diag = find_diag (diags, 2, "UTF-8");
  g_assert_nonnull (diag);
  g_assert_cmpint (diag->code, ==, SODO_ERROR_ENCODING);
  assert_node (root, "art-1", "article", "1", "Một", "Hai \xEF\xBF\xBD\xEF\xBF\xBD ba\xEF\xBF\xBD bốn");
  assert_loads (root);
}

/* Bytes of the "text" of @object and of its children, recursively. */
static gsize
text_bytes (JsonObject *object)
{
  gsize total = l_value (object, "text") != NULL ? strlen (l_value (object, "text")) : 0;
  guint i;

  for (i = 0; i < n_children (object); i++)
    total += text_bytes (json_array_get_object_element (json_object_get_array_member (object, "children"), i));
  return total;
}

static guint
count_diags (SodoDiagnostics *diags,
             const char      *needle)
{
  guint n = 0;
  guint i;

  for (i = 0; i < sodo_diagnostics_get_n_items (diags); i++)
    if (strstr (sodo_diagnostics_get_item (diags, i)->message, needle) != NULL)
      n++;
  return n;
}

/* A text longer than the loader takes in one string goes on in new paragraphs, whether it
 * comes in many lines or in one. */
static void
test_long_text (void)
{
  static const char line[] = "Đảng đoàn lãnh đạo và thực hiện nhiệm vụ được giao, thường xuyên\n";
  g_autoptr(GString) text = g_string_new ("Điều 1. Dài\n");
  g_autoptr(GString) one_line = g_string_new ("Điều 1. Một dòng\n");
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(SodoDiagnostics) line_diags = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) line_root = NULL;
  guint n_lines = 0;

  while (text->len < SODO_MAX_STRING_LENGTH * 3 / 2)
    {
      g_string_append (text, line);
      n_lines++;
    }
  while (one_line->len < SODO_MAX_STRING_LENGTH * 5 / 2)
    g_string_append (one_line, "ủy ban ");

  root = import_string (text->str, &diags);
  check_tree (root);
  g_assert_cmpuint (n_children (node (root, "art-1")), >=, 2);
  g_assert_nonnull (l_value (node (root, "art-1-p1"), "text"));
  /* Every line is there, joined by a space. */
  g_assert_cmpuint (text_bytes (node (root, "art-1")), ==, n_lines * (sizeof line - 1) - 1);
  g_assert_cmpuint (count_diags (diags, "new paragraph"), ==, n_children (node (root, "art-1")));
  assert_loads (root);

  line_root = import_string (one_line->str, &line_diags);
  check_tree (line_root);
  g_assert_cmpuint (n_children (node (line_root, "art-1")), >=, 4);
  /* Every byte is there but the trailing space. */
  g_assert_cmpuint (text_bytes (node (line_root, "art-1")), ==,
                    one_line->len - strlen ("Điều 1. Một dòng\n") - 1);
  assert_loads (line_root);
}

/* ------------------------------------------------------------------ robustness */

static const char *const garbage_lines[] = {
  "Điều 3.", "Điều 12: Tiêu đề", "ĐIỀU 1.", "Điều", "Chương IV", "CHƯƠNG II. TIÊU ĐỀ",
  "Chương trình", "Phần thứ hai", "Phần I", "Mục 2", "Tiểu mục 3.", "1.", "2-", "3)",
  "1.1.", "1.1.1.", "1.2-", "99.99.99.99.", "a)", "đ)", "y-", "f)", "I-", "IV. TIÊU ĐỀ",
  "- ", "-", "+ ", "+", "•", "*", "-----", "- 3 -", "12", "Trang 4", "T/M BAN BÍ THƯ",
  "Nơi nhận:", "Số 146-QĐ/TW", "Số:", "ngày 31 tháng 2 năm 2024", "ngày 1/1/2020",
  "QUY ĐỊNH", "DỰ THẢO", "(Dự thảo)", "ĐẢNG CỘNG SẢN VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
  "BAN BÍ THƯ QUY ĐỊNH", "QUYẾT ĐỊNH:", "- Căn cứ", "theo", "khoản 2", "tại khoản", "và",
  "Tỉnh ủy", "NHỮNG QUY ĐỊNH CHUNG", "văn bản", "Văn bản.", "\xC3\x90i\xE1\xBB\x81u 4.",
  "MỤC LỤC", "Điều 2. A ........ 4", "…… 12", "D\xCC\x9B", "\xCC\x81\xCC\x81", "\xC2\xA0", "\t", "\r", "\xE2\x80\xA8", "\x0C", "(", ")",
};

static void
append_random_line (GString *text,
                    GRand   *rand)
{
  guint n, i;

  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
    case 1:
      /* A marker, maybe followed by words. */
      g_string_append (text, garbage_lines[g_rand_int_range (rand, 0, G_N_ELEMENTS (garbage_lines))]);
      if (g_rand_boolean (rand))
        g_string_append_printf (text, " %s", garbage_lines[g_rand_int_range (rand, 0, G_N_ELEMENTS (garbage_lines))]);
      break;
    case 2:
      /* Random code points, combining marks and controls included. */
      n = g_rand_int_range (rand, 0, 40);
      for (i = 0; i < n; i++)
        {
          gunichar c = g_rand_boolean (rand) ? (gunichar) g_rand_int_range (rand, 1, 0x400) :
                                               (gunichar) g_rand_int_range (rand, 1, 0x30000);

          if (g_unichar_validate (c))
            g_string_append_unichar (text, c);
        }
      break;
    case 3:
      /* Random bytes: the importer repairs them. */
      n = g_rand_int_range (rand, 0, 30);
      for (i = 0; i < n; i++)
        g_string_append_c (text, (char) g_rand_int_range (rand, 0, 256));
      break;
    default:
      /* Vietnamese words. */
      n = g_rand_int_range (rand, 0, 20);
      for (i = 0; i < n; i++)
        g_string_append (text, i % 3 == 0 ? "Đảng đoàn " : "thực hiện ");
      break;
    }
  g_string_append (text, g_rand_int_range (rand, 0, 10) == 0 ? "\r\n" : "\n");
}

static void
test_garbage (void)
{
  guint seed;

  for (seed = 1; seed <= 300; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("garbage.txt");
      g_autoptr(JsonNode) root = NULL;
      guint n_lines = g_rand_int_range (rand, 0, 200);
      guint i;

      for (i = 0; i < n_lines; i++)
        append_random_line (text, rand);

      g_test_message ("seed %u", seed);
      root = sodo_regulation_import_text (text->str, text->len, seed % 2 ? "garbage" : NULL, diags);
      assert_loads (root);
    }
}

/* ------------------------------------------------------------------ command line */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sodo-import-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_cli_writes_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *input = test_data_path ("import-146-clean.txt");
  g_autofree char *output = g_build_filename (dir, "out.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) expected = import_fixture ("import-146-clean.txt", NULL);
  JsonObject *object;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_cmpint (sodo_cli_import_regulation (input, output), ==, 0);
  g_assert_true (g_file_get_contents (output, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (contents, "}\n"));
  g_assert_nonnull (strstr (contents, "\n  \"format\" : \"sodo-regulation\""));   /* pretty */

  json_parser_load_from_data (parser, contents, length, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  /* The id comes from the file name without its extension. */
  g_assert_cmpstr (string_member (object, "id"), ==, "import-146-clean");
  json_object_set_string_member (json_node_get_object (expected), "id", "import-146-clean");
  g_assert_true (json_node_equal (json_parser_get_root (parser), expected));
  assert_loads (json_parser_get_root (parser));

  /* Writing again replaces the file. */
  g_assert_cmpint (sodo_cli_import_regulation (input, output), ==, 0);
  remove_temp_dir (dir);
}

static void
test_cli_errors (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *input = test_data_path ("import-party.txt");
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autofree char *output = g_build_filename (dir, "out.json", NULL);
  g_autofree char *unwritable = g_build_filename (dir, "no-such-dir", "out.json", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.txt", NULL);
  FILE *file;

  g_assert_cmpint (sodo_cli_import_regulation (missing, output), ==, 1);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sodo_cli_import_regulation (dir, output), ==, 1);
  g_assert_cmpint (sodo_cli_import_regulation (input, unwritable), ==, 1);

  /* A sparse file over the limit is refused without being read. */
  file = g_fopen (huge, "wb");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, SODO_MAX_IMPORT_SIZE, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', file), ==, 'x');
  g_assert_cmpint (fclose (file), ==, 0);
  g_assert_cmpint (sodo_cli_import_regulation (huge, output), ==, 1);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  remove_temp_dir (dir);
}

/* Messages on stderr: checked in a subprocess. */
static void
test_cli_messages (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = make_temp_dir ();
      g_autofree char *bad = g_build_filename (dir, "cp1258.txt", NULL);
      g_autofree char *output = g_build_filename (dir, "out.json", NULL);
      g_autofree char *messy = test_data_path ("import-146-messy.txt");

      /* "Điều 1.\nĐiều 2" with the second line's "i" preceded by a CP1258 byte. */
      g_assert_true (g_file_set_contents (bad, "Điều 1.\nĐ\xECu 2.\n", -1, NULL));
      g_assert_cmpint (sodo_cli_import_regulation (bad, output), ==, 1);
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
      g_assert_cmpint (sodo_cli_import_regulation (messy, output), ==, 0);
      g_assert_true (g_file_test (output, G_FILE_TEST_EXISTS));
      remove_temp_dir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*cp1258.txt:2:2: error: the text is not UTF-8 (byte 0xEC)*iconv*");
  g_test_trap_assert_stderr ("*import-146-messy.txt:35: warning: “- 2 -” looks like a page number*");
  g_test_trap_assert_stderr ("*import-146-messy.txt:73: warning: The signature block*");
  g_test_trap_assert_stdout_unmatched ("*sodo-regulation*");
}

int
main (int   argc,
      char *argv[])
{
  /* As the program does: g_printerr() writes in the locale's charset (UTF-8 in tests). */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/fixture/clean", test_clean);
  g_test_add_func ("/import/fixture/messy", test_messy);
  g_test_add_func ("/import/fixture/party", test_party);
  g_test_add_func ("/import/hygiene/variants", test_hygiene_variants);
  g_test_add_func ("/import/hygiene/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/import/header/state", test_header_state);
  g_test_add_func ("/import/header/draft", test_header_draft);
  g_test_add_func ("/import/header/variants", test_header_variants);
  g_test_add_func ("/import/structure/inline-references", test_inline_references);
  g_test_add_func ("/import/structure/out-of-sequence", test_out_of_sequence);
  g_test_add_func ("/import/structure/heading-split", test_heading_split);
  g_test_add_func ("/import/structure/levels", test_levels);
  g_test_add_func ("/import/structure/contents", test_contents);
  g_test_add_func ("/import/structure/tight-markers", test_tight_markers);
  g_test_add_func ("/import/structure/no-structure", test_no_structure);
  g_test_add_func ("/import/structure/long-text", test_long_text);
  g_test_add_func ("/import/robustness/garbage", test_garbage);
  g_test_add_func ("/import/cli/writes-file", test_cli_writes_file);
  g_test_add_func ("/import/cli/errors", test_cli_errors);
  g_test_add_func ("/import/cli/messages", test_cli_messages);

  return g_test_run ();
}
