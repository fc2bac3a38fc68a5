/* sodo-comments-report-print.c: the consolidated comments report on pages
 *
 * Only the public blocks of SodoPrintDocument are used, so the report shares the regulation's
 * fonts, spacing, page breaks and page numbers. The two summaries are lists whose hanging
 * label is the total: the labels are short numbers, so they line up as a column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/sodo-language.h"

#include "sodo-chart-export.h"
#include "sodo-comments-report-print.h"
#include "sodo-pagination.h"

/* The margins of a printed regulation (sodo --export does the same). */
#define PDF_MARGIN_MM 20.0

static guint
sum_kinds (const guint n_by_kind[SODO_COMMENT_N_KINDS])
{
  guint total = 0;

  for (guint kind = 0; kind < SODO_COMMENT_N_KINDS; kind++)
    total += n_by_kind[kind];

  return total;
}

/* "Thành ủy Hà Nội: 1 góp ý, 1 câu hỏi": the kinds there are, each with its count. */
static char *
describe_counts (const char  *name,
                 const guint  n_by_kind[SODO_COMMENT_N_KINDS])
{
  GString *text = g_string_new (name);
  gboolean first = TRUE;

  for (guint kind = 0; kind < SODO_COMMENT_N_KINDS; kind++)
    {
      g_autofree char *label = NULL;

      if (n_by_kind[kind] == 0)
        continue;
      label = g_utf8_strdown (sodo_comment_kind_get_label (kind), -1);
      g_string_append_printf (text, "%s%u %s", first ? ": " : ", ", n_by_kind[kind], label);
      first = FALSE;
    }

  return g_string_free (text, FALSE);
}

static void
add_count_row (SodoPrintDocument *doc,
               const char        *name,
               const guint        n_by_kind[SODO_COMMENT_N_KINDS])
{
  g_autofree char *total = g_strdup_printf ("%u", sum_kinds (n_by_kind));
  g_autofree char *text = describe_counts (name, n_by_kind);

  sodo_print_document_add (doc, SODO_PRINT_STYLE_BODY, 0, total, text);
}

static void
count_entries (GArray *entries,
               guint   n_by_kind[SODO_COMMENT_N_KINDS])
{
  for (guint kind = 0; kind < SODO_COMMENT_N_KINDS; kind++)
    n_by_kind[kind] = 0;
  for (guint i = 0; i < entries->len; i++)
    n_by_kind[g_array_index (entries, SodoCommentsReportEntry, i).comment->kind]++;
}

static void
add_title_block (SodoPrintDocument  *doc,
                 SodoCommentsReport *report)
{
  SodoRegulation *regulation = sodo_comments_report_get_regulation (report);
  const char *title = sodo_regulation_text (regulation, sodo_regulation_get_title (regulation));
  const char *number = sodo_regulation_get_number (regulation);
  g_autofree char *date = sodo_format_date (sodo_regulation_get_date (regulation),
                                            sodo_language_get ());
  g_autoptr(GString) facts = g_string_new (number);

  /* Translators: the title of the comments report */
  sodo_print_document_add (doc, SODO_PRINT_STYLE_TITLE, 0, NULL, _("Consolidated comments"));
  sodo_print_document_add (doc, SODO_PRINT_STYLE_SUBTITLE, 0, NULL,
                           title != NULL ? title : sodo_regulation_get_display_name (regulation));
  if (date != NULL)
    g_string_append_printf (facts, "%s%s", facts->len > 0 ? " · " : "", date);
  g_string_append_printf (facts, "%s%s", facts->len > 0 ? " · " : "",
                          sodo_regulation_status_get_label (sodo_regulation_get_status (regulation)));
  sodo_print_document_add (doc, SODO_PRINT_STYLE_SUBTITLE, 0, NULL, facts->str);
}

static void
add_overview (SodoPrintDocument  *doc,
              SodoCommentsReport *report)
{
  GPtrArray *organizations = sodo_comments_report_get_organizations (report);
  guint n_comments = sodo_comments_report_get_n_comments (report);
  guint n_articles = sodo_comments_report_get_n_articles (report);
  guint n_orphans = sodo_comments_report_get_orphans (report)->len;
  g_autofree char *comments_part = NULL;
  g_autofree char *articles_part = NULL;
  g_autofree char *organizations_part = NULL;
  g_autoptr(GString) overview = g_string_new (NULL);
  guint n_named = 0;

  for (guint i = 0; i < organizations->len; i++)
    n_named += ((SodoCommentsReportOrganization *) g_ptr_array_index (organizations, i))->name != NULL;

  comments_part = g_strdup_printf (ngettext ("%u comment", "%u comments", n_comments),
                                   n_comments);
  articles_part = g_strdup_printf (ngettext ("%u article", "%u articles", n_articles),
                                   n_articles);
  organizations_part = g_strdup_printf (ngettext ("%u organisation", "%u organisations",
                                                  n_named), n_named);
  g_string_append_printf (overview, _("%s on %s, from %s."), comments_part, articles_part,
                          organizations_part);
  if (n_orphans > 0)
    {
      g_string_append_c (overview, ' ');
      g_string_append_printf (overview,
                              ngettext ("%u comment is on a provision the draft no longer has.",
                                        "%u comments are on provisions the draft no longer has.",
                                        n_orphans),
                              n_orphans);
    }
  sodo_print_document_add (doc, SODO_PRINT_STYLE_NOTE, 0, NULL, overview->str);
}

static void
add_organization_summary (SodoPrintDocument  *doc,
                          SodoCommentsReport *report)
{
  GPtrArray *organizations = sodo_comments_report_get_organizations (report);
  guint n_by_kind[SODO_COMMENT_N_KINDS];

  sodo_print_document_add (doc, SODO_PRINT_STYLE_ARTICLE, 0, NULL, _("Comments by organisation"));
  for (guint i = 0; i < organizations->len; i++)
    {
      SodoCommentsReportOrganization *organization = g_ptr_array_index (organizations, i);

      add_count_row (doc, organization->name != NULL ? organization->name : _("No organisation"),
                     organization->n_by_kind);
    }
  for (guint kind = 0; kind < SODO_COMMENT_N_KINDS; kind++)
    n_by_kind[kind] = sodo_comments_report_get_n_by_kind (report, kind);
  add_count_row (doc, _("Total"), n_by_kind);
}

/* "Điều 3. Vị trí", "Chương I. Những quy định chung". */
static char *
node_heading (SodoRegulation *regulation,
              guint           node)
{
  const SodoRegulationNode *record = sodo_regulation_get_node (regulation, node);
  g_autofree char *label = sodo_regulation_node_dup_label (record, TRUE);
  const char *title = sodo_regulation_text (regulation, record->title);

  if (label == NULL)
    return g_strdup (title != NULL ? title : record->id);
  if (title == NULL)
    return g_steal_pointer (&label);
  return g_strdup_printf (g_str_has_suffix (label, ".") ? "%s %s" : "%s. %s", label, title);
}

static void
add_article_summary (SodoPrintDocument  *doc,
                     SodoCommentsReport *report)
{
  SodoRegulation *regulation = sodo_comments_report_get_regulation (report);
  GPtrArray *chapters = sodo_comments_report_get_chapters (report);
  GPtrArray *orphans = sodo_comments_report_get_orphans (report);
  guint n_by_kind[SODO_COMMENT_N_KINDS];

  sodo_print_document_add (doc, SODO_PRINT_STYLE_ARTICLE, 0, NULL, _("Comments by article"));
  for (guint i = 0; i < chapters->len; i++)
    {
      SodoCommentsReportChapter *chapter = g_ptr_array_index (chapters, i);

      if (chapter->entries->len > 0)
        {
          g_autofree char *label = chapter->node != SODO_NO_INDEX
                                   ? sodo_regulation_node_dup_label (
                                       sodo_regulation_get_node (regulation, chapter->node), TRUE)
                                   : g_strdup (_("Outside any article"));

          count_entries (chapter->entries, n_by_kind);
          add_count_row (doc, label, n_by_kind);
        }
      for (guint j = 0; j < chapter->articles->len; j++)
        {
          SodoCommentsReportArticle *article = g_ptr_array_index (chapter->articles, j);
          g_autofree char *heading = node_heading (regulation, article->node);

          add_count_row (doc, heading, article->n_by_kind);
        }
    }
  if (orphans->len > 0)
    {
      for (guint kind = 0; kind < SODO_COMMENT_N_KINDS; kind++)
        n_by_kind[kind] = 0;
      for (guint i = 0; i < orphans->len; i++)
        n_by_kind[((const SodoComment *) g_ptr_array_index (orphans, i))->kind]++;
      add_count_row (doc, _("No longer in the draft"), n_by_kind);
    }
}

/* "Thành ủy Hà Nội · Nguyễn Văn A · 27/10/2023 · Đề xuất · Chưa xử lý · Điều 1 khoản 2",
 * then the comment's own text on the next lines. */
static char *
describe_comment (SodoCommentsReport *report,
                  const SodoComment  *comment,
                  guint               node,
                  gboolean            with_reference)
{
  g_autofree char *day = comment->created != NULL ? g_strndup (comment->created, 10) : NULL;
  g_autofree char *date = day != NULL ? sodo_format_date (day, sodo_language_get ()) : NULL;
  GString *text = g_string_new (comment->organization != NULL && comment->organization[0] != '\0'
                                ? comment->organization : _("No organisation"));

  if (comment->author != NULL && comment->author[0] != '\0')
    g_string_append_printf (text, " · %s", comment->author);
  if (date != NULL)
    g_string_append_printf (text, " · %s", date);
  g_string_append_printf (text, " · %s · %s", sodo_comment_kind_get_label (comment->kind),
                          sodo_comment_status_get_label (comment->status));
  if (node == SODO_NO_INDEX)
    /* Translators: in the comments report, the id of a provision the draft no longer has */
    g_string_append_printf (text, " · %s", comment->target);
  else if (with_reference)
    {
      g_autofree char *reference =
        sodo_regulation_dup_reference (sodo_comments_report_get_regulation (report), node, TRUE);

      g_string_append_printf (text, " · %s", reference);
    }
  g_string_append_printf (text, "\n%s", comment->text);

  return g_string_free (text, FALSE);
}

static void
add_comment (SodoPrintDocument  *doc,
             SodoCommentsReport *report,
             guint               number,
             const SodoComment  *comment,
             guint               node,
             gboolean            with_reference)
{
  g_autofree char *label = g_strdup_printf ("(%u)", number);
  g_autofree char *text = describe_comment (report, comment, node, with_reference);

  sodo_print_document_add (doc, SODO_PRINT_STYLE_BODY, 1, label, text);
}

static void
add_entries (SodoPrintDocument  *doc,
             SodoCommentsReport *report,
             const char         *heading,
             GArray             *entries,
             guint               article)
{
  sodo_print_document_add (doc, SODO_PRINT_STYLE_ARTICLE, 0, NULL, heading);
  for (guint i = 0; i < entries->len; i++)
    {
      SodoCommentsReportEntry *entry = &g_array_index (entries, SodoCommentsReportEntry, i);

      add_comment (doc, report, i + 1, entry->comment, entry->node, entry->node != article);
    }
}

/* Steps of indentation: clauses at the article's margin, points one step in, and so on. */
static guint
provision_indent (const SodoRegulationNode *nodes,
                  guint                     index)
{
  guint indent = 0;

  for (guint i = nodes[index].parent;
       i != SODO_NO_INDEX && nodes[i].level > SODO_LEVEL_ARTICLE;
       i = nodes[i].parent)
    indent++;

  return MIN (indent, 4);
}

static guint
subtree_end (SodoRegulation *regulation,
             guint           node)
{
  const SodoRegulationNode *nodes = sodo_regulation_get_nodes (regulation);

  for (guint i = node; i != SODO_NO_INDEX; i = nodes[i].parent)
    if (nodes[i].next_sibling != SODO_NO_INDEX)
      return nodes[i].next_sibling;

  return sodo_regulation_get_n_nodes (regulation);
}

/* The article's heading and text, as the printed regulation has them. */
static void
add_article_text (SodoPrintDocument *doc,
                  SodoRegulation    *regulation,
                  guint              article)
{
  const SodoRegulationNode *nodes = sodo_regulation_get_nodes (regulation);
  guint end = subtree_end (regulation, article);
  g_autofree char *heading = node_heading (regulation, article);

  sodo_print_document_add (doc, SODO_PRINT_STYLE_ARTICLE, 0, NULL, heading);
  sodo_print_document_add (doc, SODO_PRINT_STYLE_BODY, 0, NULL,
                           sodo_regulation_text (regulation, nodes[article].text));
  for (guint i = article + 1; i < end; i++)
    {
      g_autofree char *label = sodo_regulation_node_dup_label (&nodes[i], TRUE);
      const char *title = sodo_regulation_text (regulation, nodes[i].title);
      const char *text = sodo_regulation_text (regulation, nodes[i].text);
      g_autofree char *joined = title != NULL && text != NULL
                                ? g_strdup_printf ("%s\n%s", title, text) : NULL;

      sodo_print_document_add (doc, SODO_PRINT_STYLE_BODY, provision_indent (nodes, i), label,
                               joined != NULL ? joined : title != NULL ? title : text);
    }
}

static void
add_chapter_heading (SodoPrintDocument *doc,
                     SodoRegulation    *regulation,
                     guint              node)
{
  const SodoRegulationNode *record = sodo_regulation_get_node (regulation, node);
  g_autofree char *label = sodo_regulation_node_dup_label (record, TRUE);
  const char *title = sodo_regulation_text (regulation, record->title);
  g_autofree char *upper = title != NULL ? g_utf8_strup (title, -1) : NULL;

  sodo_print_document_add (doc, record->level == SODO_LEVEL_PART ? SODO_PRINT_STYLE_PART
                                                                 : SODO_PRINT_STYLE_CHAPTER,
                           0, NULL, label);
  sodo_print_document_add (doc, SODO_PRINT_STYLE_HEADING_TITLE, 0, NULL, upper);
}

static void
add_chapter (SodoPrintDocument         *doc,
             SodoCommentsReport        *report,
             SodoCommentsReportChapter *chapter)
{
  SodoRegulation *regulation = sodo_comments_report_get_regulation (report);

  if (chapter->node != SODO_NO_INDEX)
    add_chapter_heading (doc, regulation, chapter->node);
  if (chapter->entries->len > 0)
    {
      g_autofree char *label = chapter->node != SODO_NO_INDEX
                               ? sodo_regulation_node_dup_label (
                                   sodo_regulation_get_node (regulation, chapter->node), TRUE)
                               : g_strdup (_("Outside any article"));
      g_autofree char *heading = g_strdup_printf (_("Comments on %s (%u)"), label,
                                                  chapter->entries->len);

      add_entries (doc, report, heading, chapter->entries, SODO_NO_INDEX);
    }
  for (guint i = 0; i < chapter->articles->len; i++)
    {
      SodoCommentsReportArticle *article = g_ptr_array_index (chapter->articles, i);
      g_autofree char *heading = g_strdup_printf (_("Comments (%u)"), article->entries->len);

      add_article_text (doc, regulation, article->node);
      add_entries (doc, report, heading, article->entries, article->node);
    }
}

static void
add_orphans (SodoPrintDocument  *doc,
             SodoCommentsReport *report)
{
  GPtrArray *orphans = sodo_comments_report_get_orphans (report);

  sodo_print_document_add (doc, SODO_PRINT_STYLE_CHAPTER, 0, NULL,
                           _("Comments on provisions no longer in the draft"));
  for (guint i = 0; i < orphans->len; i++)
    add_comment (doc, report, i + 1, g_ptr_array_index (orphans, i), SODO_NO_INDEX, TRUE);
}

SodoPrintDocument *
sodo_comments_report_print_new (SodoCommentsReport *report)
{
  GPtrArray *chapters;
  SodoPrintDocument *doc;

  g_return_val_if_fail (report != NULL, NULL);

  doc = sodo_print_document_new (_("Consolidated comments"));
  add_title_block (doc, report);
  if (sodo_comments_report_get_n_comments (report) == 0)
    {
      sodo_print_document_add (doc, SODO_PRINT_STYLE_NOTE, 0, NULL, _("No comments yet."));
      return doc;
    }

  add_overview (doc, report);
  add_organization_summary (doc, report);
  add_article_summary (doc, report);
  chapters = sodo_comments_report_get_chapters (report);
  for (guint i = 0; i < chapters->len; i++)
    add_chapter (doc, report, g_ptr_array_index (chapters, i));
  if (sodo_comments_report_get_orphans (report)->len > 0)
    add_orphans (doc, report);

  return doc;
}

gboolean
sodo_comments_report_write_pdf (SodoCommentsReport  *report,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GError             **error)
{
  g_autoptr(SodoPrintDocument) doc = NULL;
  double width = 0;
  double height = 0;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  sodo_export_paper_size ("a4", &width, &height);
  doc = sodo_comments_report_print_new (report);

  return sodo_print_document_write_pdf (doc, width, height, PDF_MARGIN_MM * SODO_POINTS_PER_MM,
                                        file, cancellable, error);
}
