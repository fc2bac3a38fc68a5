/* test-comments.c: the comments loader, serialisation, editing with undo, merging, orphans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "model/sodo-comments.h"
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

static SodoComments *
load_test_data (const char *name)
{
  g_autoptr(GBytes) bytes = read_test_data (name);
  g_autoptr(GError) error = NULL;
  SodoComments *comments;

  comments = sodo_comments_load_bytes (bytes, name, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (comments);
  return comments;
}

static SodoComments *
load_string (const char       *json,
             SodoDiagnostics **out_diags,
             GError          **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  SodoDiagnostics *diags = sodo_diagnostics_new ("comments.json");
  SodoComments *comments;

  comments = sodo_comments_load_bytes (bytes, "comments.json", diags, error);
  if (out_diags != NULL)
    *out_diags = diags;
  else
    sodo_diagnostics_free (diags);
  return comments;
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

static gboolean
is_timestamp_with_offset (const char *str)
{
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (str, NULL);

  return parsed != NULL && g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"
                                                 "(Z|[+-]\\d{2}:\\d{2})$", str, 0, 0);
}

static void
assert_same_comment (const SodoComment *a,
                     const SodoComment *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpstr (a->target, ==, b->target);
  g_assert_cmpstr (a->author, ==, b->author);
  g_assert_cmpstr (a->organization, ==, b->organization);
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpint (a->status, ==, b->status);
  g_assert_cmpstr (a->created, ==, b->created);
  g_assert_cmpstr (a->updated, ==, b->updated);
  g_assert_cmpstr (a->text, ==, b->text);
}

/* Records ::changed emissions. */
typedef struct {
  guint n_emissions;
  guint position;
  guint removed;
  guint added;
} ChangeLog;

static void
on_changed (SodoComments *comments,
            guint         position,
            guint         removed,
            guint         added,
            ChangeLog    *log)
{
  log->n_emissions++;
  log->position = position;
  log->removed = removed;
  log->added = added;
}

static void
assert_change (ChangeLog *log,
               guint      n_emissions,
               guint      position,
               guint      removed,
               guint      added)
{
  g_assert_cmpuint (log->n_emissions, ==, n_emissions);
  g_assert_cmpuint (log->position, ==, position);
  g_assert_cmpuint (log->removed, ==, removed);
  g_assert_cmpuint (log->added, ==, added);
}

/* Loading */

static void
test_load_valid (void)
{
  g_autoptr(SodoComments) comments = load_test_data ("comments-valid.json");
  const SodoComment *first, *second, *third;

  g_assert_cmpstr (sodo_comments_get_regulation_id (comments), ==, "test-regulation");
  g_assert_cmpuint (sodo_comments_get_n_comments (comments), ==, 3);

  first = sodo_comments_get_comment (comments, 0);
  g_assert_cmpstr (first->id, ==, "c-20231027-0001");
  g_assert_cmpstr (first->target, ==, "art-1");
  g_assert_cmpstr (first->author, ==, "Nguyễn Văn A");
  g_assert_cmpstr (first->organization, ==, "Thành ủy Hà Nội");
  g_assert_cmpint (first->kind, ==, SODO_COMMENT_KIND_PROPOSAL);
  g_assert_cmpint (first->status, ==, SODO_COMMENT_OPEN);
  g_assert_cmpstr (first->created, ==, "2023-10-27T16:00:00+07:00");
  g_assert_cmpstr (first->updated, ==, "2023-10-27T16:30:00+07:00");
  g_assert_cmpstr (first->text, ==,
                   "Đề nghị bổ sung \"đảng đoàn\" vào khoản 1.\nDòng thứ hai:\tcó tab và \\ "
                   "gạch chéo.");
  g_assert_cmpuint (first->line, ==, 6);

  second = sodo_comments_find (comments, "c-20231027-0002");
  g_assert_true (second == sodo_comments_get_comment (comments, 1));
  g_assert_null (second->author);
  g_assert_null (second->organization);
  g_assert_cmpint (second->kind, ==, SODO_COMMENT_KIND_QUESTION);
  g_assert_cmpint (second->status, ==, SODO_COMMENT_ACCEPTED);
  g_assert_cmpstr (second->created, ==, "2023-10-27T09:00:00Z");
  g_assert_cmpuint (second->line, ==, 17);

  third = sodo_comments_get_comment (comments, 2);
  g_assert_cmpint (third->status, ==, SODO_COMMENT_DECLINED);
  g_assert_cmpuint (sodo_comments_get_index (comments, "c-20231027-0003"), ==, 2);
  g_assert_cmpuint (sodo_comments_get_index (comments, "nope"), ==, SODO_NO_INDEX);
  g_assert_null (sodo_comments_find (comments, "nope"));
}

static void
test_load_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"),
                                            "comments-valid.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/comments.json");
  g_autoptr(SodoComments) comments = NULL;
  g_autoptr(SodoComments) none = NULL;
  g_autoptr(GError) error = NULL;

  comments = sodo_comments_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sodo_comments_get_n_comments (comments), ==, 3);

  none = sodo_comments_load_file (missing, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_IO);
}

static void
test_defaults (void)
{
  g_autoptr(SodoComments) comments = NULL;
  g_autoptr(GError) error = NULL;
  const SodoComment *comment;

  comments = load_string ("{\"format\": \"sodo-comments\", \"version\": 1, \"regulation\": \"r\","
                          " \"comments\": [{\"id\": \"c1\", \"target\": \"art-1\", "
                          "\"created\": \"2023-10-27T16:00:00+07:00\", \"text\": \"x\"}]}",
                          NULL, &error);
  g_assert_no_error (error);
  comment = sodo_comments_get_comment (comments, 0);
  g_assert_cmpint (comment->kind, ==, SODO_COMMENT_KIND_COMMENT);
  g_assert_cmpint (comment->status, ==, SODO_COMMENT_OPEN);
  g_assert_cmpstr (comment->updated, ==, comment->created);

  g_clear_object (&comments);
  comments = load_string ("{\"format\": \"sodo-comments\", \"version\": 1, \"regulation\": \"r\"}",
                          NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sodo_comments_get_n_comments (comments), ==, 0);
}

/* A comment on line 3, with @members after its id. */
static char *
document_with_comment (const char *members)
{
  return g_strconcat ("{\"format\": \"sodo-comments\", \"version\": 1, \"regulation\": \"r\",\n"
                      "\"comments\": [\n"
                      "{\"id\": \"c1\", ", members, "}\n"
                      "]}\n", NULL);
}

static void
assert_comment_error (const char    *members,
                      SodoErrorCode  code,
                      const char    *path,
                      const char    *at,
                      const char    *message_part)
{
  g_autofree char *json = document_with_comment (members);
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(SodoComments) comments = NULL;
  g_autoptr(GError) error = NULL;
  const SodoDiagnostic *diag;
  const char *line3 = strstr (json, "{\"id\": \"c1\"");

  comments = load_string (json, &diags, &error);
  g_assert_null (comments);
  g_assert_error (error, SODO_ERROR, (int) code);
  g_assert_cmpuint (sodo_diagnostics_count (diags, SODO_SEVERITY_ERROR), ==, 1);

  diag = find_diagnostic (diags, path);
  g_assert_nonnull (diag);
  g_assert_cmpint (diag->code, ==, code);
  g_assert_cmpuint (diag->line, ==, 3);
  /* @at is where the position must point: the member's name, or the comment's "{". */
  g_assert_cmpuint (diag->column, ==, g_utf8_strlen (line3, strstr (line3, at) - line3) + 1);
  if (message_part != NULL)
    g_assert_nonnull (strstr (diag->message, message_part));
}

#define VALID_TAIL "\"created\": \"2023-10-27T16:00:00+07:00\", \"text\": \"x\""

static void
test_rules (void)
{
  /* Required members (a missing one is placed at its comment). */
  assert_comment_error ("\"created\": \"2023-10-27T16:00:00+07:00\", \"text\": \"x\"",
                        SODO_ERROR_MISSING, "comments[0].target", "{", "target");
  assert_comment_error ("\"target\": \"a\", \"text\": \"x\"",
                        SODO_ERROR_MISSING, "comments[0].created", "{", "created");
  assert_comment_error ("\"target\": \"a\", \"created\": \"2023-10-27T16:00:00+07:00\"",
                        SODO_ERROR_MISSING, "comments[0].text", "{", "text");
  /* Values. */
  assert_comment_error ("\"target\": \"a b\", " VALID_TAIL,
                        SODO_ERROR_VALUE, "comments[0].target", "\"target\"", "a b");
  assert_comment_error ("\"target\": \"a\", \"kind\": \"remark\", " VALID_TAIL,
                        SODO_ERROR_VALUE, "comments[0].kind", "\"kind\"", "remark");
  assert_comment_error ("\"target\": \"a\", \"status\": \"closed\", " VALID_TAIL,
                        SODO_ERROR_VALUE, "comments[0].status", "\"status\"", "closed");
  assert_comment_error ("\"target\": \"a\", \"text\": {\"vi\": \"x\"}, "
                        "\"created\": \"2023-10-27T16:00:00+07:00\"",
                        SODO_ERROR_TYPE, "comments[0].text", "\"text\"", NULL);
  assert_comment_error ("\"target\": \"a\", \"author\": 5, " VALID_TAIL,
                        SODO_ERROR_TYPE, "comments[0].author", "\"author\"", NULL);
  /* Timestamps: ISO 8601 with an offset. */
  assert_comment_error ("\"target\": \"a\", \"text\": \"x\", "
                        "\"created\": \"2023-10-27T16:00:00\"",
                        SODO_ERROR_VALUE, "comments[0].created", "\"created\"", "offset");
  assert_comment_error ("\"target\": \"a\", \"text\": \"x\", \"created\": \"27/10/2023\"",
                        SODO_ERROR_VALUE, "comments[0].created", "\"created\"", NULL);
  assert_comment_error ("\"target\": \"a\", \"text\": \"x\", "
                        "\"created\": \"2023-02-30T16:00:00+07:00\"",
                        SODO_ERROR_VALUE, "comments[0].created", "\"created\"", NULL);
  assert_comment_error ("\"target\": \"a\", \"text\": \"x\", "
                        "\"created\": \"2023-W43-5T16:00:00+07:00\"",
                        SODO_ERROR_VALUE, "comments[0].created", "\"created\"", NULL);
  assert_comment_error ("\"target\": \"a\", " VALID_TAIL ", \"updated\": \"yesterday\"",
                        SODO_ERROR_VALUE, "comments[0].updated", "\"updated\"", NULL);
}

static void
test_rules_document (void)
{
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(SodoComments) comments = NULL;
  g_autoptr(GError) error = NULL;
  const SodoDiagnostic *diag;

  /* Duplicate ids: the second is the error, naming the line of the first. */
  comments = load_string ("{\"format\": \"sodo-comments\", \"version\": 1, \"regulation\": \"r\",\n"
                          "\"comments\": [\n"
                          "{\"id\": \"c1\", \"target\": \"a\", " VALID_TAIL "},\n"
                          "{\"id\": \"c1\", \"target\": \"b\", " VALID_TAIL "}\n"
                          "]}", &diags, &error);
  g_assert_null (comments);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_DUPLICATE);
  diag = find_diagnostic (diags, "comments[1].id");
  g_assert_nonnull (diag);
  g_assert_cmpuint (diag->line, ==, 4);
  g_assert_cmpuint (diag->column, ==, 2);
  g_assert_nonnull (strstr (diag->message, "line 3"));
  g_clear_error (&error);
  g_clear_pointer (&diags, sodo_diagnostics_free);

  /* The regulation id is required. */
  comments = load_string ("{\"format\": \"sodo-comments\", \"version\": 1, \"comments\": []}",
                          &diags, &error);
  g_assert_null (comments);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_MISSING);
  g_assert_nonnull (find_diagnostic (diags, "regulation"));
  g_clear_error (&error);
  g_clear_pointer (&diags, sodo_diagnostics_free);

  /* A comment must be an object; every problem is reported. */
  comments = load_string ("{\"format\": \"sodo-comments\", \"version\": 1, \"regulation\": \"r\",\n"
                          "\"comments\": [\"x\",\n"
                          "{\"id\": \"c1\", \"target\": \"a\", \"kind\": \"x\", " VALID_TAIL "}]}",
                          &diags, &error);
  g_assert_null (comments);
  g_assert_cmpuint (sodo_diagnostics_count (diags, SODO_SEVERITY_ERROR), ==, 2);
  diag = find_diagnostic (diags, "comments[0]");
  g_assert_nonnull (diag);
  g_assert_cmpint (diag->code, ==, SODO_ERROR_TYPE);
  g_assert_cmpuint (diag->line, ==, 2);
  g_assert_nonnull (find_diagnostic (diags, "comments[1].kind"));
  g_clear_error (&error);
  g_clear_pointer (&diags, sodo_diagnostics_free);

  /* Another format, a newer version, broken JSON. */
  comments = load_string ("{\"format\": \"sodo-regulation\", \"version\": 1}", NULL, &error);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_FORMAT);
  g_clear_error (&error);
  comments = load_string ("{\"format\": \"sodo-comments\", \"version\": 2, \"regulation\": \"r\"}",
                          NULL, &error);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_VERSION);
  g_clear_error (&error);
  comments = load_string ("{\"format\": \"sodo-comments\", \"version\": 1, \"comm", NULL, &error);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_SYNTAX);
  g_clear_error (&error);
  comments = load_string ("", NULL, &error);
  g_assert_null (comments);
  g_assert_nonnull (error);
}

static void
test_unknown_keys (void)
{
  g_autoptr(SodoDiagnostics) diags = NULL;
  g_autoptr(SodoComments) comments = NULL;
  g_autoptr(GError) error = NULL;
  const SodoDiagnostic *diag;

  comments = load_string ("{\"format\": \"sodo-comments\", \"version\": 1, \"regulation\": \"r\","
                          " \"app\": \"x\",\n\"comments\": [\n"
                          "{\"id\": \"c1\", \"target\": \"a\", \"votes\": 3, " VALID_TAIL "}]}",
                          &diags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (comments);
  g_assert_cmpuint (sodo_diagnostics_count (diags, SODO_SEVERITY_WARNING), ==, 2);
  g_assert_nonnull (find_diagnostic (diags, "app"));
  diag = find_diagnostic (diags, "comments[0].votes");
  g_assert_nonnull (diag);
  g_assert_cmpint (diag->severity, ==, SODO_SEVERITY_WARNING);
  g_assert_cmpuint (diag->line, ==, 3);
  g_assert_cmpuint (diag->column, ==, 29);
}

/* Serialisation */

static void
test_round_trip (void)
{
  g_autoptr(GBytes) original = read_test_data ("comments-valid.json");
  g_autoptr(SodoComments) comments = load_test_data ("comments-valid.json");
  g_autoptr(SodoComments) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;

  /* The test file is written the way Sodo writes: the output is the same bytes. */
  bytes = sodo_comments_to_bytes (comments);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   g_bytes_get_data (original, NULL), g_bytes_get_size (original));

  reloaded = sodo_comments_load_bytes (bytes, "again.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sodo_comments_get_n_comments (reloaded), ==, 3);
  for (guint i = 0; i < 3; i++)
    assert_same_comment (sodo_comments_get_comment (comments, i),
                         sodo_comments_get_comment (reloaded, i));

  again = sodo_comments_to_bytes (reloaded);
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
test_round_trip_text (void)
{
  static const char *const texts[] = {
    "quotes \" and backslash \\ and slash /",
    "lines\nand\r\nreturns\tand tabs",
    "control \x01 \x1f \b \f characters",
    "Tiếng Việt: Đảng đoàn, Ban cán sự đảng — “ngoặc kép” 🙂",
    "<b>markup stays text</b> &amp;",
    "\u2028 line separator",
  };
  g_autoptr(SodoComments) comments = sodo_comments_new ("r");
  g_autoptr(SodoComments) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_assert_nonnull (sodo_comments_add (comments, "art-1", i % 2 ? "Tác giả \"A\"" : NULL,
                                           i % 3 ? NULL : "Tổ chức\n2",
                                           SODO_COMMENT_KIND_QUESTION, texts[i], &error));
      g_assert_no_error (error);
    }

  bytes = sodo_comments_to_bytes (comments);
  g_assert_true (g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL));
  reloaded = sodo_comments_load_bytes (bytes, "again.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sodo_comments_get_regulation_id (reloaded), ==, "r");
  g_assert_cmpuint (sodo_comments_get_n_comments (reloaded), ==, G_N_ELEMENTS (texts));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      assert_same_comment (sodo_comments_get_comment (comments, i),
                           sodo_comments_get_comment (reloaded, i));
      g_assert_cmpstr (sodo_comments_get_comment (reloaded, i)->text, ==, texts[i]);
    }
}

static void
test_empty_round_trip (void)
{
  g_autoptr(SodoComments) comments = sodo_comments_new ("draft-2023-10");
  g_autoptr(SodoComments) reloaded = NULL;
  g_autoptr(GBytes) bytes = sodo_comments_to_bytes (comments);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==,
                   "{\n"
                   "  \"format\": \"sodo-comments\",\n"
                   "  \"version\": 1,\n"
                   "  \"regulation\": \"draft-2023-10\",\n"
                   "  \"comments\": []\n"
                   "}\n");
  reloaded = sodo_comments_load_bytes (bytes, "empty.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sodo_comments_get_n_comments (reloaded), ==, 0);
}

/* Editing */

static void
test_add (void)
{
  g_autoptr(SodoComments) comments = sodo_comments_new ("r");
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  ChangeLog log = { 0 };
  const SodoComment *comment;

  g_signal_connect (comments, "changed", G_CALLBACK (on_changed), &log);

  comment = sodo_comments_add (comments, "art-1", "Nguyễn Văn A", "Thành ủy Hà Nội",
                               SODO_COMMENT_KIND_PROPOSAL, "Đề nghị sửa.", &error);
  g_assert_no_error (error);
  g_assert_nonnull (comment);
  assert_change (&log, 1, 0, 0, 1);
  g_assert_true (sodo_comments_get_comment (comments, 0) == comment);
  g_assert_true (g_regex_match_simple ("^c-\\d{8}-[0-9a-f]{8}$", comment->id, 0, 0));
  g_assert_cmpstr (comment->target, ==, "art-1");
  g_assert_cmpstr (comment->author, ==, "Nguyễn Văn A");
  g_assert_cmpstr (comment->organization, ==, "Thành ủy Hà Nội");
  g_assert_cmpint (comment->kind, ==, SODO_COMMENT_KIND_PROPOSAL);
  g_assert_cmpint (comment->status, ==, SODO_COMMENT_OPEN);
  g_assert_true (is_timestamp_with_offset (comment->created));
  g_assert_cmpstr (comment->updated, ==, comment->created);
  g_assert_cmpstr (comment->text, ==, "Đề nghị sửa.");
  g_assert_cmpuint (comment->line, ==, 0);
  {
    /* The id carries today's date. */
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "c-%Y%m%d-");

    g_assert_true (g_str_has_prefix (comment->id, today));
  }

  /* Empty names are no names. */
  comment = sodo_comments_add (comments, "art-2", "", "", SODO_COMMENT_KIND_COMMENT, "x",
                               &error);
  g_assert_no_error (error);
  g_assert_null (comment->author);
  g_assert_null (comment->organization);
  assert_change (&log, 2, 1, 0, 1);

  /* Ids stay unique. */
  for (guint i = 0; i < 2000; i++)
    {
      comment = sodo_comments_add (comments, "art-1", NULL, NULL, SODO_COMMENT_KIND_COMMENT,
                                   "same text", &error);
      g_assert_no_error (error);
      g_assert_true (g_hash_table_add (ids, (gpointer) comment->id));
    }
  g_assert_cmpuint (sodo_comments_get_n_comments (comments), ==, 2002);
}

static void
test_add_rejects (void)
{
  g_autoptr(SodoComments) comments = sodo_comments_new ("r");
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (1024 * 1024 + 1, 'x');
  ChangeLog log = { 0 };

  g_signal_connect (comments, "changed", G_CALLBACK (on_changed), &log);

  g_assert_null (sodo_comments_add (comments, "art-1", NULL, NULL, SODO_COMMENT_KIND_COMMENT,
                                    "", &error));
  g_assert_error (error, SODO_ERROR, SODO_ERROR_MISSING);
  g_clear_error (&error);
  g_assert_null (sodo_comments_add (comments, "art-1", NULL, NULL, SODO_COMMENT_KIND_COMMENT,
                                    " \n\t\u3000 ", &error));
  g_assert_error (error, SODO_ERROR, SODO_ERROR_MISSING);
  g_clear_error (&error);
  g_assert_null (sodo_comments_add (comments, "Điều 1", NULL, NULL, SODO_COMMENT_KIND_COMMENT,
                                    "x", &error));
  g_assert_error (error, SODO_ERROR, SODO_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_null (sodo_comments_add (comments, "art-1", NULL, NULL, SODO_COMMENT_KIND_COMMENT,
                                    huge, &error));
  g_assert_error (error, SODO_ERROR, SODO_ERROR_LIMIT);

  g_assert_cmpuint (sodo_comments_get_n_comments (comments), ==, 0);
  g_assert_cmpuint (log.n_emissions, ==, 0);
}

static void
test_edit (void)
{
  g_autoptr(SodoComments) comments = load_test_data ("comments-valid.json");
  g_autoptr(GError) error = NULL;
  const SodoComment *comment = sodo_comments_find (comments, "c-20231027-0002");
  ChangeLog log = { 0 };

  g_signal_connect (comments, "changed", G_CALLBACK (on_changed), &log);

  /* Unchanged values and unknown ids change nothing. */
  g_assert_false (sodo_comments_set_text (comments, "c-20231027-0002", "Why two clauses?",
                                          &error));
  g_assert_no_error (error);
  g_assert_false (sodo_comments_set_kind (comments, "c-20231027-0002",
                                          SODO_COMMENT_KIND_QUESTION));
  g_assert_false (sodo_comments_set_status (comments, "c-20231027-0002",
                                            SODO_COMMENT_ACCEPTED));
  g_assert_false (sodo_comments_set_text (comments, "nope", "x", &error));
  g_assert_false (sodo_comments_set_status (comments, "nope", SODO_COMMENT_RESOLVED));
  g_assert_cmpuint (log.n_emissions, ==, 0);
  g_assert_cmpstr (comment->updated, ==, "2023-10-28T10:15:00-05:30");

  /* Each edit bumps "updated", never "created". */
  g_assert_true (sodo_comments_set_text (comments, "c-20231027-0002", "Why three clauses?",
                                         &error));
  g_assert_no_error (error);
  assert_change (&log, 1, 1, 1, 1);
  comment = sodo_comments_find (comments, "c-20231027-0002");
  g_assert_cmpstr (comment->text, ==, "Why three clauses?");
  g_assert_cmpstr (comment->created, ==, "2023-10-27T09:00:00Z");
  g_assert_cmpstr (comment->updated, !=, "2023-10-28T10:15:00-05:30");
  g_assert_true (is_timestamp_with_offset (comment->updated));

  g_assert_false (sodo_comments_set_text (comments, "c-20231027-0002", "   ", &error));
  g_assert_error (error, SODO_ERROR, SODO_ERROR_MISSING);
  g_clear_error (&error);
  g_assert_cmpstr (comment->text, ==, "Why three clauses?");

  g_assert_true (sodo_comments_set_kind (comments, "c-20231027-0001",
                                         SODO_COMMENT_KIND_COMMENT));
  assert_change (&log, 2, 0, 1, 1);
  comment = sodo_comments_find (comments, "c-20231027-0001");
  g_assert_cmpint (comment->kind, ==, SODO_COMMENT_KIND_COMMENT);
  g_assert_cmpstr (comment->updated, !=, "2023-10-27T16:30:00+07:00");

  g_assert_true (sodo_comments_set_status (comments, "c-20231027-0003",
                                           SODO_COMMENT_RESOLVED));
  assert_change (&log, 3, 2, 1, 1);
  comment = sodo_comments_find (comments, "c-20231027-0003");
  g_assert_cmpint (comment->status, ==, SODO_COMMENT_RESOLVED);
  g_assert_cmpstr (comment->created, ==, "2023-10-27T18:00:00+07:00");
  g_assert_cmpstr (comment->updated, !=, "2023-10-27T18:00:00+07:00");
}

static void
test_remove_and_undo (void)
{
  g_autoptr(SodoComments) comments = load_test_data ("comments-valid.json");
  g_autoptr(SodoComment) removed = NULL;
  g_autoptr(SodoComment) saved = NULL;
  g_autoptr(GBytes) before = sodo_comments_to_bytes (comments);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  ChangeLog log = { 0 };
  guint index = G_MAXUINT;

  g_signal_connect (comments, "changed", G_CALLBACK (on_changed), &log);

  g_assert_null (sodo_comments_remove (comments, "nope", &index));
  g_assert_cmpuint (index, ==, G_MAXUINT);
  g_assert_cmpuint (log.n_emissions, ==, 0);

  /* Delete the middle comment. */
  removed = sodo_comments_remove (comments, "c-20231027-0002", &index);
  g_assert_nonnull (removed);
  g_assert_cmpuint (index, ==, 1);
  g_assert_cmpstr (removed->text, ==, "Why two clauses?");
  assert_change (&log, 1, 1, 1, 0);
  g_assert_cmpuint (sodo_comments_get_n_comments (comments), ==, 2);
  g_assert_null (sodo_comments_find (comments, "c-20231027-0002"));
  g_assert_cmpstr (sodo_comments_get_comment (comments, 1)->id, ==, "c-20231027-0003");

  /* Undo: back at its place, exactly as it was. */
  g_assert_true (sodo_comments_insert (comments, index, removed, &error));
  g_assert_no_error (error);
  assert_change (&log, 2, 1, 0, 1);
  after = sodo_comments_to_bytes (comments);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_nonnull (sodo_comments_find (comments, "c-20231027-0002"));

  /* Its id is taken again. */
  g_assert_false (sodo_comments_insert (comments, 0, removed, &error));
  g_assert_error (error, SODO_ERROR, SODO_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpuint (sodo_comments_get_n_comments (comments), ==, 3);

  /* Undo of an edit: every field back, "updated" included. */
  saved = sodo_comment_copy (sodo_comments_find (comments, "c-20231027-0001"));
  g_assert_true (sodo_comments_set_text (comments, "c-20231027-0001", "changed", &error));
  g_assert_true (sodo_comments_set_status (comments, "c-20231027-0001",
                                           SODO_COMMENT_DECLINED));
  g_assert_true (sodo_comments_restore (comments, saved));
  assert_change (&log, 5, 0, 1, 1);
  assert_same_comment (sodo_comments_find (comments, "c-20231027-0001"), saved);
  g_clear_pointer (&after, g_bytes_unref);
  after = sodo_comments_to_bytes (comments);
  g_assert_true (g_bytes_equal (before, after));

  /* Insert past the end appends. */
  removed->id[0] = 'x';
  g_assert_true (sodo_comments_insert (comments, 99, removed, &error));
  g_assert_cmpstr (sodo_comments_get_comment (comments, 3)->id, ==, removed->id);
  assert_change (&log, 6, 3, 0, 1);
}

/* Merging */

static void
test_merge (void)
{
  g_autoptr(SodoComments) mine = load_test_data ("comments-valid.json");
  g_autoptr(SodoComments) theirs = load_test_data ("comments-other.json");
  g_autoptr(GBytes) mine_before = sodo_comments_to_bytes (mine);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  const SodoCommentConflict *conflict;
  const SodoComment *comment;
  ChangeLog log = { 0 };
  guint n_added = 0, n_skipped = 0;

  g_signal_connect (mine, "changed", G_CALLBACK (on_changed), &log);

  g_assert_true (sodo_comments_merge (mine, theirs, &n_added, &n_skipped, &conflicts, &error));
  g_assert_no_error (error);

  /* 0001 identical: skipped. 0002 other text: conflict. 0003 same text, other status:
   * conflict. 0004 new: added. */
  g_assert_cmpuint (n_skipped, ==, 1);
  g_assert_cmpuint (n_added, ==, 3);
  g_assert_cmpuint (sodo_comments_get_n_comments (mine), ==, 6);
  assert_change (&log, 1, 3, 0, 3);

  /* Nothing of mine changed: the first three comments are as they were. */
  {
    g_autoptr(SodoComments) original = load_test_data ("comments-valid.json");

    for (guint i = 0; i < 3; i++)
      assert_same_comment (sodo_comments_get_comment (mine, i),
                           sodo_comments_get_comment (original, i));
  }

  g_assert_cmpuint (conflicts->len, ==, 2);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->id, ==, "c-20231027-0002");
  g_assert_cmpstr (conflict->incoming_id, ==, "c-20231027-0002:dang-doan-hdnd");
  g_assert_false (conflict->same_text);
  comment = sodo_comments_find (mine, conflict->incoming_id);
  g_assert_nonnull (comment);
  g_assert_cmpstr (comment->text, ==, "A different question under an id that clashes.");
  g_assert_cmpstr (comment->organization, ==, "Đảng đoàn HĐND");
  g_assert_cmpstr (sodo_comments_find (mine, "c-20231027-0002")->text, ==, "Why two clauses?");

  conflict = g_ptr_array_index (conflicts, 1);
  g_assert_cmpstr (conflict->id, ==, "c-20231027-0003");
  g_assert_cmpstr (conflict->incoming_id, ==, "c-20231027-0003:2");
  g_assert_true (conflict->same_text);
  g_assert_cmpint (sodo_comments_find (mine, "c-20231027-0003:2")->status, ==,
                   SODO_COMMENT_RESOLVED);
  g_assert_cmpint (sodo_comments_find (mine, "c-20231027-0003")->status, ==,
                   SODO_COMMENT_DECLINED);

  comment = sodo_comments_get_comment (mine, 5);
  g_assert_cmpstr (comment->id, ==, "c-20231028-0004");
  g_assert_cmpstr (comment->text, ==, "A new comment from the other file.");

  /* Merging the same file again changes nothing. */
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  g_assert_true (sodo_comments_merge (mine, theirs, &n_added, &n_skipped, &conflicts, &error));
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (n_skipped, ==, 4);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (sodo_comments_get_n_comments (mine), ==, 6);
  g_assert_cmpuint (log.n_emissions, ==, 1);

  /* The merged set saves and loads back: the new ids are valid ids. */
  {
    g_autoptr(GBytes) bytes = sodo_comments_to_bytes (mine);
    g_autoptr(SodoComments) reloaded = sodo_comments_load_bytes (bytes, "m.json", NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sodo_comments_get_n_comments (reloaded), ==, 6);
    g_assert_false (g_bytes_equal (bytes, mine_before));
  }
}

static void
test_merge_repeated_conflicts (void)
{
  g_autoptr(SodoComments) mine = sodo_comments_new ("r");
  g_autoptr(GError) error = NULL;
  const char *id;
  g_autofree char *long_id = NULL;

  id = sodo_comments_add (mine, "art-1", NULL, "Thành ủy", SODO_COMMENT_KIND_COMMENT, "v0",
                          &error)->id;

  /* Three other versions of the same comment, from the same organisation. */
  for (guint i = 1; i <= 3; i++)
    {
      g_autoptr(SodoComments) theirs = sodo_comments_new ("r");
      g_autoptr(SodoComment) copy = sodo_comment_copy (sodo_comments_get_comment (mine, 0));
      g_autoptr(GPtrArray) conflicts = NULL;
      guint n_added = 0;

      g_free (copy->text);
      copy->text = g_strdup_printf ("v%u", i);
      g_assert_true (sodo_comments_insert (theirs, 0, copy, &error));
      g_assert_true (sodo_comments_merge (mine, theirs, &n_added, NULL, &conflicts, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_added, ==, 1);
      g_assert_cmpuint (conflicts->len, ==, 1);
    }

  g_assert_cmpuint (sodo_comments_get_n_comments (mine), ==, 4);
  {
    g_autofree char *first = g_strconcat (id, ":thanh-uy", NULL);
    g_autofree char *second = g_strconcat (id, ":thanh-uy-2", NULL);
    g_autofree char *third = g_strconcat (id, ":thanh-uy-3", NULL);

    g_assert_cmpstr (sodo_comments_find (mine, first)->text, ==, "v1");
    g_assert_cmpstr (sodo_comments_find (mine, second)->text, ==, "v2");
    g_assert_cmpstr (sodo_comments_find (mine, third)->text, ==, "v3");
  }

  /* A conflict on a 128-character id still gets a valid id. */
  long_id = g_strnfill (128, 'a');
  {
    SodoComment comment = { long_id, (char *) "t", NULL, NULL, SODO_COMMENT_KIND_COMMENT,
                            SODO_COMMENT_OPEN, (char *) "2023-10-27T16:00:00+07:00",
                            (char *) "2023-10-27T16:00:00+07:00", (char *) "one", 0 };
    g_autoptr(SodoComments) a = sodo_comments_new ("r");
    g_autoptr(SodoComments) b = sodo_comments_new ("r");
    g_autoptr(GPtrArray) conflicts = NULL;
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(SodoComments) reloaded = NULL;

    g_assert_true (sodo_comments_insert (a, 0, &comment, &error));
    comment.text = (char *) "two";
    g_assert_true (sodo_comments_insert (b, 0, &comment, &error));
    g_assert_true (sodo_comments_merge (a, b, NULL, NULL, &conflicts, &error));
    g_assert_cmpuint (conflicts->len, ==, 1);
    g_assert_cmpuint (strlen (((SodoCommentConflict *) conflicts->pdata[0])->incoming_id), ==,
                      128);
    bytes = sodo_comments_to_bytes (a);
    reloaded = sodo_comments_load_bytes (bytes, "long.json", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sodo_comments_get_n_comments (reloaded), ==, 2);
  }
}

static void
test_merge_other_regulation (void)
{
  g_autoptr(SodoComments) mine = load_test_data ("comments-valid.json");
  g_autoptr(SodoComments) theirs = sodo_comments_new ("another-regulation");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (sodo_comments_add (theirs, "art-1", NULL, NULL, SODO_COMMENT_KIND_COMMENT,
                                       "x", &error));
  g_assert_false (sodo_comments_merge (mine, theirs, NULL, NULL, NULL, &error));
  g_assert_error (error, SODO_ERROR, SODO_ERROR_VALUE);
  g_assert_cmpuint (sodo_comments_get_n_comments (mine), ==, 3);
}

/* Orphans */

static void
test_orphans (void)
{
  g_autoptr(GBytes) bytes = read_test_data ("regulation-valid.json");
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(SodoComments) comments = load_test_data ("comments-valid.json");
  g_autoptr(GArray) orphans = NULL;
  g_autoptr(GError) error = NULL;

  regulation = sodo_regulation_load_bytes (bytes, "regulation-valid.json", NULL, &error);
  g_assert_no_error (error);

  orphans = sodo_comments_find_orphans (comments, regulation);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpuint (g_array_index (orphans, guint, 0), ==, 2);
  g_assert_cmpstr (sodo_comments_get_comment (comments, 2)->target, ==, "art-99");

  g_clear_pointer (&orphans, g_array_unref);
  g_assert_nonnull (sodo_comments_add (comments, "gone", NULL, NULL, SODO_COMMENT_KIND_COMMENT,
                                       "x", &error));
  g_assert_nonnull (sodo_comments_add (comments, "art-3", NULL, NULL, SODO_COMMENT_KIND_COMMENT,
                                       "x", &error));
  orphans = sodo_comments_find_orphans (comments, regulation);
  g_assert_cmpuint (orphans->len, ==, 2);
  g_assert_cmpuint (g_array_index (orphans, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (orphans, guint, 1), ==, 3);
}

/* Names */

static void
test_names (void)
{
  SodoCommentKind kind;
  SodoCommentStatus status;

  for (SodoCommentKind k = SODO_COMMENT_KIND_COMMENT; k <= SODO_COMMENT_KIND_QUESTION; k++)
    {
      g_assert_true (sodo_comment_kind_from_string (sodo_comment_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
    }
  for (SodoCommentStatus s = SODO_COMMENT_OPEN; s <= SODO_COMMENT_RESOLVED; s++)
    {
      g_assert_true (sodo_comment_status_from_string (sodo_comment_status_to_string (s),
                                                      &status));
      g_assert_cmpint (status, ==, s);
    }
  g_assert_false (sodo_comment_kind_from_string ("Proposal", &kind));
  g_assert_false (sodo_comment_status_from_string (NULL, &status));
  g_assert_cmpstr (sodo_comment_kind_get_label (SODO_COMMENT_KIND_PROPOSAL), ==, "Proposal");
  g_assert_cmpstr (sodo_comment_status_get_label (SODO_COMMENT_DECLINED), ==, "Declined");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/comments/load/valid", test_load_valid);
  g_test_add_func ("/comments/load/file", test_load_file);
  g_test_add_func ("/comments/load/defaults", test_defaults);
  g_test_add_func ("/comments/rules/comment", test_rules);
  g_test_add_func ("/comments/rules/document", test_rules_document);
  g_test_add_func ("/comments/rules/unknown-keys", test_unknown_keys);
  g_test_add_func ("/comments/save/round-trip", test_round_trip);
  g_test_add_func ("/comments/save/round-trip-text", test_round_trip_text);
  g_test_add_func ("/comments/save/empty", test_empty_round_trip);
  g_test_add_func ("/comments/edit/add", test_add);
  g_test_add_func ("/comments/edit/add-rejects", test_add_rejects);
  g_test_add_func ("/comments/edit/update", test_edit);
  g_test_add_func ("/comments/edit/remove-undo", test_remove_and_undo);
  g_test_add_func ("/comments/merge/basic", test_merge);
  g_test_add_func ("/comments/merge/repeated-conflicts", test_merge_repeated_conflicts);
  g_test_add_func ("/comments/merge/other-regulation", test_merge_other_regulation);
  g_test_add_func ("/comments/orphans", test_orphans);
  g_test_add_func ("/comments/names", test_names);

  return g_test_run ();
}
