/* test-comments-report.c: the consolidated comments report: grouping, order, counts,
 * orphans, the Markdown text, the PDF, and `sodo --comments-report`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "model/sodo-comments-report.h"
#include "model/sodo-language.h"
#include "render/sodo-comments-report-print.h"

/* Helpers */

static char *
test_data_path (const char *name)
{
  return g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"), name, NULL);
}

static SodoRegulation *
load_regulation (const char *name)
{
  g_autofree char *path = test_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SodoRegulation *regulation;

  regulation = sodo_regulation_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  return regulation;
}

static SodoComments *
load_comments (const char *name)
{
  g_autofree char *path = test_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SodoComments *comments;

  comments = sodo_comments_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  return comments;
}

static SodoCommentsReport *
sample_report (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ("report-regulation.json");
  g_autoptr(SodoComments) comments = load_comments ("report-comments.json");

  return sodo_comments_report_new (regulation, comments);
}

static const char *
entry_id (GArray *entries,
          guint   index)
{
  return g_array_index (entries, SodoCommentsReportEntry, index).comment->id;
}

static const char *
node_id (SodoCommentsReport *report,
         guint               node)
{
  return sodo_regulation_get_node (sodo_comments_report_get_regulation (report), node)->id;
}

static void
assert_kinds (const guint n_by_kind[SODO_COMMENT_N_KINDS],
              guint       comments,
              guint       proposals,
              guint       questions)
{
  g_assert_cmpuint (n_by_kind[SODO_COMMENT_KIND_COMMENT], ==, comments);
  g_assert_cmpuint (n_by_kind[SODO_COMMENT_KIND_PROPOSAL], ==, proposals);
  g_assert_cmpuint (n_by_kind[SODO_COMMENT_KIND_QUESTION], ==, questions);
}

/* Runs @argv; returns its standard output, and its exit status in @status. */
static char *
run (const char *const *argv,
     char             **err,
     int               *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, err,
                &wait_status, &error);
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return out;
}

static gboolean
have_tool (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", name);

      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

static guint
pdf_page_count (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  const char *pages;
  int status;

  out = run (argv, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* The text of the whole PDF with every run of white space made one space. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  int status;

  out = run (argv, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in “%.600s…”", needle, haystack);
}

static char *
temp_path (const char *name)
{
  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

/* Tests */

static void
test_report_grouping (void)
{
  g_autoptr(SodoCommentsReport) report = sample_report ();
  GPtrArray *chapters = sodo_comments_report_get_chapters (report);
  SodoCommentsReportChapter *chapter;
  SodoCommentsReportArticle *article;

  g_assert_cmpuint (sodo_comments_report_get_n_comments (report), ==, 7);
  g_assert_cmpuint (sodo_comments_report_get_n_articles (report), ==, 2);
  g_assert_cmpuint (chapters->len, ==, 2);

  /* Chương I: the question on its heading, then Điều 1 (Điều 2 has no comments). */
  chapter = g_ptr_array_index (chapters, 0);
  g_assert_cmpstr (node_id (report, chapter->node), ==, "ch-1");
  g_assert_cmpuint (chapter->n_comments, ==, 5);
  g_assert_cmpuint (chapter->entries->len, ==, 1);
  g_assert_cmpstr (entry_id (chapter->entries, 0), ==, "c-3");
  g_assert_cmpuint (chapter->articles->len, ==, 1);

  /* In document order: the article itself (its two comments in their own order), then
   * clause 1, then point 2 a. */
  article = g_ptr_array_index (chapter->articles, 0);
  g_assert_cmpstr (node_id (report, article->node), ==, "art-1");
  g_assert_cmpuint (article->entries->len, ==, 4);
  g_assert_cmpstr (entry_id (article->entries, 0), ==, "c-2");
  g_assert_cmpstr (entry_id (article->entries, 1), ==, "c-7");
  g_assert_cmpstr (entry_id (article->entries, 2), ==, "c-6");
  g_assert_cmpstr (entry_id (article->entries, 3), ==, "c-1");
  g_assert_cmpstr (node_id (report, g_array_index (article->entries, SodoCommentsReportEntry,
                                                   3).node), ==, "art-1.2.a");
  assert_kinds (article->n_by_kind, 3, 1, 0);

  chapter = g_ptr_array_index (chapters, 1);
  g_assert_cmpstr (node_id (report, chapter->node), ==, "ch-2");
  g_assert_cmpuint (chapter->entries->len, ==, 0);
  article = g_ptr_array_index (chapter->articles, 0);
  g_assert_cmpstr (node_id (report, article->node), ==, "art-3");
  g_assert_cmpstr (entry_id (article->entries, 0), ==, "c-4");
  assert_kinds (article->n_by_kind, 0, 0, 1);
}

static void
test_report_counts (void)
{
  g_autoptr(SodoCommentsReport) report = sample_report ();
  GPtrArray *organizations = sodo_comments_report_get_organizations (report);
  GPtrArray *orphans = sodo_comments_report_get_orphans (report);
  const char *const names[] = { "Thành ủy Hà Nội", "Tỉnh ủy Nghệ An", "Tỉnh ủy Quảng Ninh",
                                NULL };
  const guint expected[][3] = { { 1, 0, 1 }, { 1, 1, 0 }, { 1, 0, 1 }, { 1, 0, 0 } };

  /* By name in Vietnamese order, the comment without an organisation last. */
  g_assert_cmpuint (organizations->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      SodoCommentsReportOrganization *organization = g_ptr_array_index (organizations, i);

      g_assert_cmpstr (organization->name, ==, names[i]);
      assert_kinds (organization->n_by_kind, expected[i][0], expected[i][1], expected[i][2]);
      g_assert_cmpuint (organization->n_comments, ==,
                        expected[i][0] + expected[i][1] + expected[i][2]);
    }
  g_assert_cmpuint (sodo_comments_report_get_n_by_kind (report, SODO_COMMENT_KIND_COMMENT),
                    ==, 4);
  g_assert_cmpuint (sodo_comments_report_get_n_by_kind (report, SODO_COMMENT_KIND_PROPOSAL),
                    ==, 1);
  g_assert_cmpuint (sodo_comments_report_get_n_by_kind (report, SODO_COMMENT_KIND_QUESTION),
                    ==, 2);

  /* The comment on a removed article is kept, and counted. */
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpstr (((const SodoComment *) g_ptr_array_index (orphans, 0))->id, ==, "c-5");
}

static void
test_report_names (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ("report-regulation.json");
  const char *const ids[] = { "ch-1", "art-1", "art-1.1", "art-1.2.a" };
  const char *const labels[] = { "Chapter I", "Article 1.", "1.", "a)" };
  const char *const references[] = { "Chapter I", "Article 1", "Article 1, clause 1",
                                     "Article 1, clause 2, point a" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      guint node = sodo_regulation_find_node (regulation, ids[i]);
      g_autofree char *label = NULL;
      g_autofree char *reference = NULL;

      label = sodo_regulation_node_dup_label (sodo_regulation_get_node (regulation, node), TRUE);
      reference = sodo_regulation_dup_reference (regulation, node, TRUE);
      g_assert_cmpstr (label, ==, labels[i]);
      g_assert_cmpstr (reference, ==, references[i]);
    }
}

/* In Vietnamese a provision is cited smallest first, as the law writes it ("khoản 2 Điều 3"),
 * through the translations of the citation patterns (the catalog the build made). */
static void
test_report_names_vietnamese (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ("report-regulation.json");
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_autofree char *vi_mo = g_build_filename (dir, "vi", "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                             NULL);
  const char *const ids[] = { "art-1", "art-1.1", "art-1.2.a" };
  const char *const references[] = { "Điều 1", "khoản 1 Điều 1", "điểm a khoản 2 Điều 1" };

  g_assert_true (g_file_test (vi_mo, G_FILE_TEST_IS_REGULAR));
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("LANGUAGE", "vi", TRUE);
  setlocale (LC_ALL, "C.UTF-8");

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *reference = NULL;

      reference = sodo_regulation_dup_reference (regulation,
                                                 sodo_regulation_find_node (regulation, ids[i]),
                                                 TRUE);
      g_assert_cmpstr (reference, ==, references[i]);
    }

  setlocale (LC_ALL, "C");
  g_unsetenv ("LANGUAGE");
}

static const char expected_markdown[] =
  "# Consolidated comments\n"
  "\n"
  "**Test regulation for the comments report**\n"
  "\n"
  "1-QĐ/THỬ · 27 Oct 2023 · Draft\n"
  "\n"
  "7 comments on 2 articles, from 3 organisations. "
  "1 comment is on a provision the draft no longer has.\n"
  "\n"
  "## Comments by organisation\n"
  "\n"
  "| Organisation | Comment | Proposal | Question | Total |\n"
  "| --- | ---: | ---: | ---: | ---: |\n"
  "| Thành ủy Hà Nội | 1 | 0 | 1 | 2 |\n"
  "| Tỉnh ủy Nghệ An | 1 | 1 | 0 | 2 |\n"
  "| Tỉnh ủy Quảng Ninh | 1 | 0 | 1 | 2 |\n"
  "| No organisation | 1 | 0 | 0 | 1 |\n"
  "| **Total** | **4** | **1** | **2** | **7** |\n"
  "\n"
  "## Comments by article\n"
  "\n"
  "| Article | Comment | Proposal | Question | Total |\n"
  "| --- | ---: | ---: | ---: | ---: |\n"
  "| Chapter I | 0 | 0 | 1 | 1 |\n"
  "| Article 1. Scope | 3 | 1 | 0 | 4 |\n"
  "| Article 3. Entry into force | 0 | 0 | 1 | 1 |\n"
  "| No longer in the draft | 1 | 0 | 0 | 1 |\n"
  "| **Total** | **4** | **1** | **2** | **7** |\n"
  "\n"
  "## Chapter I. General provisions\n"
  "\n"
  "**Comments on Chapter I (1)**\n"
  "\n"
  "1. **Thành ủy Hà Nội** · 1 Nov 2023 · Question · Open · Chapter I\n"
  "\n"
  "   Chương này có cần tách thành hai chương không?\n"
  "\n"
  "### Article 1. Scope\n"
  "\n"
  "> This regulation applies to Party delegations.\n"
  ">\n"
  "> **1.** Clause one.\n"
  ">\n"
  "> **2.** Clause two covers:\n"
  ">\n"
  "> **a)** Point a.\n"
  "\n"
  "**Comments (4)**\n"
  "\n"
  "1. **Thành ủy Hà Nội** · 1 Nov 2023 · Comment · Accepted\n"
  "\n"
  "   Đồng ý với phạm vi điều chỉnh.\n"
  "\n"
  "2. **Tỉnh ủy Nghệ An** · 2 Nov 2023 · Comment · Open\n"
  "\n"
  "   Nên ghi rõ “ban cán sự đảng”.\n"
  "\n"
  "3. **No organisation** · Khách · 4 Nov 2023 · Comment · Declined · Article 1, clause 1\n"
  "\n"
  "   1\\. A line with \\*stars\\*\\\n"
  "   \\# and a hash\n"
  "\n"
  "4. **Tỉnh ủy Nghệ An** · Nguyễn Văn An · 2 Nov 2023 · Proposal · Open · "
  "Article 1, clause 2, point a\n"
  "\n"
  "   Đề nghị bổ sung cụm từ “cấp tỉnh” sau “đảng đoàn”.\n"
  "\n"
  "## Chapter II. Implementation\n"
  "\n"
  "### Article 3. Entry into force\n"
  "\n"
  "> This regulation takes effect on signature.\n"
  "\n"
  "**Comments (1)**\n"
  "\n"
  "1. **Tỉnh ủy Quảng Ninh** · 3 Nov 2023 · Question · Resolved\n"
  "\n"
  "   Có hiệu lực từ ngày ký hay sau 45 ngày?\\\n"
  "   Xin làm rõ.\n"
  "\n"
  "## Comments on provisions no longer in the draft\n"
  "\n"
  "1. **Tỉnh ủy Quảng Ninh** · 3 Nov 2023 · Comment · Open · `art-9`\n"
  "\n"
  "   Điều này đã bị bỏ?\n";

static void
test_report_markdown (void)
{
  g_autoptr(SodoCommentsReport) report = sample_report ();
  g_autofree char *markdown = sodo_comments_report_to_markdown (report);
  g_autofree char *path = temp_path ("sodo-test-report.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;

  g_assert_cmpstr (markdown, ==, expected_markdown);

  g_assert_true (sodo_comments_report_write_markdown (report, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, &error));
  g_assert_cmpstr (written, ==, expected_markdown);
  g_unlink (path);
}

static void
test_report_markdown_escapes_article_text (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ("report-regulation.json");
  g_autoptr(SodoComments) comments = sodo_comments_new ("report-test");
  g_autoptr(SodoCommentsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;

  g_assert_nonnull (sodo_comments_add (comments, "art-2", NULL, "Đảng ủy <b>Khối</b>",
                                       SODO_COMMENT_KIND_COMMENT, "ok", &error));
  g_assert_no_error (error);
  report = sodo_comments_report_new (regulation, comments);
  markdown = sodo_comments_report_to_markdown (report);

  /* Plain text stays plain: no emphasis, link or HTML comes out of the data. */
  assert_contains (markdown, "> Words with \\*stars\\* and \\[brackets\\].\n");
  assert_contains (markdown, "**Đảng ủy \\<b\\>Khối\\</b\\>**");
  assert_contains (markdown, "| Đảng ủy \\<b\\>Khối\\</b\\> | 1 | 0 | 0 | 1 |");
}

static void
test_report_empty (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ("report-regulation.json");
  g_autoptr(SodoComments) comments = sodo_comments_new ("report-test");
  g_autoptr(SodoCommentsReport) report = sodo_comments_report_new (regulation, comments);
  g_autofree char *markdown = sodo_comments_report_to_markdown (report);

  g_assert_cmpuint (sodo_comments_report_get_chapters (report)->len, ==, 0);
  g_assert_cmpstr (markdown, ==,
                   "# Consolidated comments\n\n"
                   "**Test regulation for the comments report**\n\n"
                   "1-QĐ/THỬ · 27 Oct 2023 · Draft\n\n"
                   "No comments yet.\n");
}

static void
test_report_pdf (void)
{
  g_autoptr(SodoCommentsReport) report = NULL;
  g_autoptr(SodoPrintDocument) document = NULL;
  g_autofree char *path = temp_path ("sodo-test-report.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* The data in Vietnamese, as a reader of the draft has it. */
  sodo_language_set ("vi");
  report = sample_report ();
  document = sodo_comments_report_print_new (report);
  g_assert_cmpuint (sodo_print_document_paginate (document, 500, 700), >, 0);

  g_assert_true (sodo_comments_report_write_pdf (report, file, NULL, &error));
  g_assert_no_error (error);
  sodo_language_set ("en");
  if (!have_tool ("pdfinfo") || !have_tool ("pdftotext"))
    return;

  g_assert_cmpuint (pdf_page_count (path), >, 0);
  text = pdf_text (path);
  assert_contains (text, "Phạm vi điều chỉnh");
  assert_contains (text, "Đề nghị bổ sung cụm từ “cấp tỉnh” sau “đảng đoàn”.");
  assert_contains (text, "Tỉnh ủy Quảng Ninh");
  assert_contains (text, "art-9");
  g_unlink (path);
}

/* `sodo --comments-report`: several files merged into one report, as PDF or Markdown. */
static void
test_report_command (void)
{
  const char *exe = g_getenv ("SODO_EXE");
  g_autofree char *regulation = test_data_path ("report-regulation.json");
  g_autofree char *comments = test_data_path ("report-comments.json");
  g_autofree char *other = test_data_path ("report-comments-other.json");
  g_autofree char *markdown_path = temp_path ("sodo-test-command.md");
  g_autofree char *pdf_path = temp_path ("sodo-test-command.pdf");
  g_autofree char *markdown = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  int status;

  if (exe == NULL)
    {
      g_test_skip ("SODO_EXE is not set");
      return;
    }

  {
    const char *argv[] = { exe, "--language", "en", "--comments-report", markdown_path,
                           regulation, comments, other, NULL };

    out = run (argv, &err, &status);
    g_assert_cmpint (status, ==, 0);
    /* The conflict is reported; both comments are kept. */
    assert_contains (err, "c-4");
    g_assert_true (g_file_get_contents (markdown_path, &markdown, NULL, NULL));
    assert_contains (markdown, "9 comments on 2 articles, from 3 organisations.");
    assert_contains (markdown, "Có hiệu lực từ ngày ký hay sau 30 ngày?");
    assert_contains (markdown, "Có hiệu lực từ ngày ký hay sau 45 ngày?");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  if (have_tool ("pdftotext"))
    {
      const char *argv[] = { exe, "--language", "vi", "--comments-report", pdf_path,
                             regulation, comments, NULL };

      out = run (argv, &err, &status);
      g_assert_cmpint (status, ==, 0);
      text = pdf_text (pdf_path);
      assert_contains (text, "Phạm vi điều chỉnh");
      assert_contains (text, "Nên ghi rõ “ban cán sự đảng”.");
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }

  {
    /* Comments about another regulation: an error, no file. */
    g_autofree char *wrong = test_data_path ("window-comments.json");
    g_autofree char *never = temp_path ("sodo-test-never.md");
    const char *argv[] = { exe, "--comments-report", never, regulation, wrong, NULL };

    g_unlink (never);
    out = run (argv, &err, &status);
    g_assert_cmpint (status, ==, 1);
    assert_contains (err, "window-comments.json");
    g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { exe, "--comments-report", "report.txt", regulation, comments,
                           NULL };

    out = run (argv, &err, &status);
    g_assert_cmpint (status, ==, 2);
  }
  g_unlink (markdown_path);
  g_unlink (pdf_path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  sodo_language_set ("en");

  g_test_add_func ("/comments-report/grouping", test_report_grouping);
  g_test_add_func ("/comments-report/counts", test_report_counts);
  g_test_add_func ("/comments-report/names", test_report_names);
  g_test_add_func ("/comments-report/names-vietnamese", test_report_names_vietnamese);
  g_test_add_func ("/comments-report/markdown", test_report_markdown);
  g_test_add_func ("/comments-report/markdown-escapes", test_report_markdown_escapes_article_text);
  g_test_add_func ("/comments-report/empty", test_report_empty);
  g_test_add_func ("/comments-report/pdf", test_report_pdf);
  g_test_add_func ("/comments-report/command", test_report_command);

  return g_test_run ();
}
