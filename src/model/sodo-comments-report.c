/* sodo-comments-report.c: the comments on a draft, grouped by chapter and article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sodo-comments-report.h"
#include "sodo-error.h"
#include "sodo-language.h"

struct _SodoCommentsReport
{
  SodoRegulation *regulation;
  SodoComments   *comments;

  GPtrArray      *chapters;        /* SodoCommentsReportChapter */
  GPtrArray      *organizations;   /* SodoCommentsReportOrganization */
  GPtrArray      *orphans;         /* const SodoComment * */
  guint           n_comments;
  guint           n_articles;
  guint           n_by_kind[SODO_COMMENT_N_KINDS];
};

static void
article_free (SodoCommentsReportArticle *article)
{
  g_array_unref (article->entries);
  g_free (article);
}

static void
chapter_free (SodoCommentsReportChapter *chapter)
{
  g_array_unref (chapter->entries);
  g_ptr_array_unref (chapter->articles);
  g_free (chapter);
}

static void
organization_free (SodoCommentsReportOrganization *organization)
{
  g_free (organization->name);
  g_free (organization);
}

/* Grouping */

/* The chapter a node is read under: its chapter, else its part, else none. */
static guint
group_node (SodoRegulation *regulation,
            guint           node)
{
  guint chapter = sodo_regulation_find_enclosing (regulation, node, SODO_LEVEL_CHAPTER);

  return chapter != SODO_NO_INDEX
         ? chapter
         : sodo_regulation_find_enclosing (regulation, node, SODO_LEVEL_PART);
}

static SodoCommentsReportChapter *
find_or_add_chapter (SodoCommentsReport *self,
                     GHashTable         *chapters,
                     guint               node)
{
  SodoCommentsReportChapter *chapter = g_hash_table_lookup (chapters, GUINT_TO_POINTER (node));

  if (chapter != NULL)
    return chapter;

  chapter = g_new0 (SodoCommentsReportChapter, 1);
  chapter->node = node;
  chapter->entries = g_array_new (FALSE, FALSE, sizeof (SodoCommentsReportEntry));
  chapter->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) article_free);
  g_hash_table_insert (chapters, GUINT_TO_POINTER (node), chapter);
  g_ptr_array_add (self->chapters, chapter);

  return chapter;
}

static SodoCommentsReportArticle *
find_or_add_article (SodoCommentsReport        *self,
                     SodoCommentsReportChapter *chapter,
                     guint                      node)
{
  SodoCommentsReportArticle *article;

  for (guint i = 0; i < chapter->articles->len; i++)
    {
      article = g_ptr_array_index (chapter->articles, i);
      if (article->node == node)
        return article;
    }

  article = g_new0 (SodoCommentsReportArticle, 1);
  article->node = node;
  article->entries = g_array_new (FALSE, FALSE, sizeof (SodoCommentsReportEntry));
  g_ptr_array_add (chapter->articles, article);
  self->n_articles++;

  return article;
}

static SodoCommentsReportOrganization *
find_or_add_organization (SodoCommentsReport *self,
                          GHashTable         *organizations,
                          const char         *name)
{
  /* A name of only spaces says nothing: counted with the unnamed. */
  g_autofree char *key = name != NULL ? g_strstrip (g_strdup (name)) : g_strdup ("");
  SodoCommentsReportOrganization *organization = g_hash_table_lookup (organizations, key);

  if (organization != NULL)
    return organization;

  organization = g_new0 (SodoCommentsReportOrganization, 1);
  organization->name = key[0] != '\0' ? g_strdup (key) : NULL;
  g_ptr_array_add (self->organizations, organization);
  g_hash_table_insert (organizations, g_steal_pointer (&key), organization);

  return organization;
}

static gint
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SodoCommentsReportEntry *entry_a = a;
  const SodoCommentsReportEntry *entry_b = b;

  /* On the same node, the comments keep their own order. */
  if (entry_a->node != entry_b->node)
    return entry_a->node < entry_b->node ? -1 : 1;
  return entry_a->index < entry_b->index ? -1 : entry_a->index > entry_b->index;
}

/* Where a chapter stands in the document. The group of articles outside any chapter
 * (SODO_NO_INDEX) stands where its first article does. */
static guint
chapter_position (const SodoCommentsReportChapter *chapter)
{
  guint position = chapter->node;

  if (position != SODO_NO_INDEX)
    return position;
  for (guint i = 0; i < chapter->entries->len; i++)
    position = MIN (position, g_array_index (chapter->entries, SodoCommentsReportEntry, i).node);
  for (guint i = 0; i < chapter->articles->len; i++)
    position = MIN (position,
                    ((SodoCommentsReportArticle *) g_ptr_array_index (chapter->articles, i))->node);

  return position;
}

static gint
compare_chapters (gconstpointer a,
                  gconstpointer b)
{
  guint position_a = chapter_position (*(SodoCommentsReportChapter **) a);
  guint position_b = chapter_position (*(SodoCommentsReportChapter **) b);

  return position_a < position_b ? -1 : position_a > position_b;
}

static gint
compare_articles (gconstpointer a,
                  gconstpointer b)
{
  const SodoCommentsReportArticle *article_a = *(SodoCommentsReportArticle **) a;
  const SodoCommentsReportArticle *article_b = *(SodoCommentsReportArticle **) b;

  return article_a->node < article_b->node ? -1 : article_a->node > article_b->node;
}

static gint
compare_organizations (gconstpointer a,
                       gconstpointer b)
{
  const SodoCommentsReportOrganization *org_a = *(SodoCommentsReportOrganization **) a;
  const SodoCommentsReportOrganization *org_b = *(SodoCommentsReportOrganization **) b;
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;

  if (org_a->name == NULL || org_b->name == NULL)
    return (org_a->name == NULL) - (org_b->name == NULL);
  key_a = sodo_collate_key (org_a->name);
  key_b = sodo_collate_key (org_b->name);

  return strcmp (key_a, key_b);
}

/* The chapter of a comment that sits outside any article keeps it on its own heading. */
static void
place_comment (SodoCommentsReport *self,
               GHashTable         *chapters,
               guint               index,
               guint               node)
{
  const SodoComment *comment = sodo_comments_get_comment (self->comments, index);
  SodoCommentsReportEntry entry = { comment, node, index };
  SodoCommentsReportChapter *chapter;
  guint article_node;

  chapter = find_or_add_chapter (self, chapters, group_node (self->regulation, node));
  chapter->n_comments++;
  article_node = sodo_regulation_find_enclosing (self->regulation, node, SODO_LEVEL_ARTICLE);
  if (article_node == SODO_NO_INDEX)
    {
      g_array_append_val (chapter->entries, entry);
      return;
    }

  {
    SodoCommentsReportArticle *article = find_or_add_article (self, chapter, article_node);

    g_array_append_val (article->entries, entry);
    article->n_by_kind[comment->kind]++;
  }
}

static void
sort_report (SodoCommentsReport *self)
{
  g_ptr_array_sort (self->chapters, compare_chapters);
  for (guint i = 0; i < self->chapters->len; i++)
    {
      SodoCommentsReportChapter *chapter = g_ptr_array_index (self->chapters, i);

      g_array_sort (chapter->entries, compare_entries);
      g_ptr_array_sort (chapter->articles, compare_articles);
      for (guint j = 0; j < chapter->articles->len; j++)
        {
          SodoCommentsReportArticle *article = g_ptr_array_index (chapter->articles, j);

          g_array_sort (article->entries, compare_entries);
        }
    }
  g_ptr_array_sort (self->organizations, compare_organizations);
}

SodoCommentsReport *
sodo_comments_report_new (SodoRegulation *regulation,
                          SodoComments   *comments)
{
  g_autoptr(GHashTable) chapters = NULL;
  g_autoptr(GHashTable) organizations = NULL;
  SodoCommentsReport *self;
  guint n_comments;

  g_return_val_if_fail (SODO_IS_REGULATION (regulation), NULL);
  g_return_val_if_fail (SODO_IS_COMMENTS (comments), NULL);

  self = g_new0 (SodoCommentsReport, 1);
  self->regulation = g_object_ref (regulation);
  self->comments = g_object_ref (comments);
  self->chapters = g_ptr_array_new_with_free_func ((GDestroyNotify) chapter_free);
  self->organizations = g_ptr_array_new_with_free_func ((GDestroyNotify) organization_free);
  self->orphans = g_ptr_array_new ();
  chapters = g_hash_table_new (NULL, NULL);
  organizations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  n_comments = sodo_comments_get_n_comments (comments);
  for (guint i = 0; i < n_comments; i++)
    {
      const SodoComment *comment = sodo_comments_get_comment (comments, i);
      guint node = sodo_regulation_find_node (regulation, comment->target);
      SodoCommentsReportOrganization *organization;

      organization = find_or_add_organization (self, organizations, comment->organization);
      organization->n_comments++;
      organization->n_by_kind[comment->kind]++;
      self->n_comments++;
      self->n_by_kind[comment->kind]++;

      if (node == SODO_NO_INDEX)
        g_ptr_array_add (self->orphans, (gpointer) comment);
      else
        place_comment (self, chapters, i, node);
    }
  sort_report (self);

  return self;
}

void
sodo_comments_report_free (SodoCommentsReport *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->chapters);
  g_ptr_array_unref (self->organizations);
  g_ptr_array_unref (self->orphans);
  g_object_unref (self->regulation);
  g_object_unref (self->comments);
  g_free (self);
}

SodoRegulation *
sodo_comments_report_get_regulation (SodoCommentsReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->regulation;
}

SodoComments *
sodo_comments_report_get_comments (SodoCommentsReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->comments;
}

guint
sodo_comments_report_get_n_comments (SodoCommentsReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_comments;
}

guint
sodo_comments_report_get_n_articles (SodoCommentsReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_articles;
}

guint
sodo_comments_report_get_n_by_kind (SodoCommentsReport *self,
                                    SodoCommentKind     kind)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (kind < SODO_COMMENT_N_KINDS, 0);

  return self->n_by_kind[kind];
}

GPtrArray *
sodo_comments_report_get_chapters (SodoCommentsReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->chapters;
}

GPtrArray *
sodo_comments_report_get_organizations (SodoCommentsReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->organizations;
}

GPtrArray *
sodo_comments_report_get_orphans (SodoCommentsReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->orphans;
}

/* Markdown */

/* Appends plain @text so that Markdown shows it as written: punctuation that means something
 * is escaped, and so is what would start a heading, a list or a quote at a line's start.
 * Line breaks become @line_break. */
static void
append_escaped (GString    *out,
                const char *text,
                const char *line_break)
{
  gboolean line_start = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n')
        {
          g_string_append (out, line_break);
          line_start = TRUE;
          continue;
        }
      if (line_start)
        {
          const char *digits_end = p;

          /* Leading blanks would make an indented code block. */
          if (*p == ' ' || *p == '\t')
            continue;
          line_start = FALSE;
          while (g_ascii_isdigit (*digits_end))
            digits_end++;
          if (digits_end > p && (*digits_end == '.' || *digits_end == ')'))
            {
              /* "1." and "1)" would start an ordered list. */
              g_string_append_len (out, p, digits_end - p);
              g_string_append_c (out, '\\');
              g_string_append_c (out, *digits_end);
              p = digits_end;
              continue;
            }
          if (strchr ("#>-+=", *p) != NULL)
            g_string_append_c (out, '\\');
        }
      if (strchr ("\\`*_[]<>|~", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
append_kind_counts (GString     *out,
                    const guint  n_by_kind[SODO_COMMENT_N_KINDS],
                    gboolean     bold)
{
  guint total = 0;

  for (guint kind = 0; kind < SODO_COMMENT_N_KINDS; kind++)
    {
      g_string_append_printf (out, " %s%u%s |", bold ? "**" : "", n_by_kind[kind],
                              bold ? "**" : "");
      total += n_by_kind[kind];
    }
  g_string_append_printf (out, " %s%u%s |\n", bold ? "**" : "", total, bold ? "**" : "");
}

static void
append_table_head (GString    *out,
                   const char *first_column)
{
  g_string_append_printf (out, "| %s |", first_column);
  for (guint kind = 0; kind < SODO_COMMENT_N_KINDS; kind++)
    g_string_append_printf (out, " %s |", sodo_comment_kind_get_label (kind));
  /* Translators: the last column of the summary tables of the comments report */
  g_string_append_printf (out, " %s |\n| --- |", _("Total"));
  for (guint kind = 0; kind <= SODO_COMMENT_N_KINDS; kind++)
    g_string_append (out, " ---: |");
  g_string_append_c (out, '\n');
}

static void
append_row (GString     *out,
            const char  *label,
            const guint  n_by_kind[SODO_COMMENT_N_KINDS])
{
  g_string_append (out, "| ");
  append_escaped (out, label, " ");
  g_string_append (out, " |");
  append_kind_counts (out, n_by_kind, FALSE);
}

static void
count_entries (GArray *entries,
               guint   n_by_kind[SODO_COMMENT_N_KINDS])
{
  memset (n_by_kind, 0, SODO_COMMENT_N_KINDS * sizeof (guint));
  for (guint i = 0; i < entries->len; i++)
    n_by_kind[g_array_index (entries, SodoCommentsReportEntry, i).comment->kind]++;
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
  if (g_str_has_suffix (label, "."))
    return g_strdup_printf ("%s %s", label, title);
  return g_strdup_printf ("%s. %s", label, title);
}

/* The row of a chapter's comments outside its articles. */
static char *
chapter_row_label (SodoCommentsReport              *self,
                   const SodoCommentsReportChapter *chapter)
{
  if (chapter->node == SODO_NO_INDEX)
    /* Translators: in the comments report, a row for comments on text that is in no article */
    return g_strdup (_("Outside any article"));
  return sodo_regulation_node_dup_label (sodo_regulation_get_node (self->regulation,
                                                                    chapter->node),
                                         TRUE);
}

static void
write_organization_table (SodoCommentsReport *self,
                          GString            *out)
{
  /* Translators: a heading of the comments report */
  g_string_append_printf (out, "## %s\n\n", _("Comments by organisation"));
  /* Translators: the first column of a table in the comments report */
  append_table_head (out, _("Organisation"));
  for (guint i = 0; i < self->organizations->len; i++)
    {
      SodoCommentsReportOrganization *organization = g_ptr_array_index (self->organizations, i);

      append_row (out, organization->name != NULL ? organization->name : _("No organisation"),
                  organization->n_by_kind);
    }
  g_string_append_printf (out, "| **%s** |", _("Total"));
  append_kind_counts (out, self->n_by_kind, TRUE);
  g_string_append_c (out, '\n');
}

static void
write_article_table (SodoCommentsReport *self,
                     GString            *out)
{
  guint n_by_kind[SODO_COMMENT_N_KINDS];

  /* Translators: a heading of the comments report */
  g_string_append_printf (out, "## %s\n\n", _("Comments by article"));
  /* Translators: the first column of a table in the comments report */
  append_table_head (out, _("Article"));
  for (guint i = 0; i < self->chapters->len; i++)
    {
      SodoCommentsReportChapter *chapter = g_ptr_array_index (self->chapters, i);

      if (chapter->entries->len > 0)
        {
          g_autofree char *label = chapter_row_label (self, chapter);

          count_entries (chapter->entries, n_by_kind);
          append_row (out, label, n_by_kind);
        }
      for (guint j = 0; j < chapter->articles->len; j++)
        {
          SodoCommentsReportArticle *article = g_ptr_array_index (chapter->articles, j);
          g_autofree char *heading = node_heading (self->regulation, article->node);

          append_row (out, heading, article->n_by_kind);
        }
    }
  if (self->orphans->len > 0)
    {
      memset (n_by_kind, 0, sizeof n_by_kind);
      for (guint i = 0; i < self->orphans->len; i++)
        n_by_kind[((const SodoComment *) g_ptr_array_index (self->orphans, i))->kind]++;
      /* Translators: a row of the comments report: comments on provisions since removed */
      append_row (out, _("No longer in the draft"), n_by_kind);
    }
  g_string_append_printf (out, "| **%s** |", _("Total"));
  append_kind_counts (out, self->n_by_kind, TRUE);
  g_string_append_c (out, '\n');
}

/* "12 comments on 7 articles, from 3 organisations." and the orphans, if any. */
static void
write_overview (SodoCommentsReport *self,
                GString            *out)
{
  g_autofree char *comments_part = NULL;
  g_autofree char *articles_part = NULL;
  g_autofree char *organizations_part = NULL;
  guint n_named = 0;

  for (guint i = 0; i < self->organizations->len; i++)
    n_named += ((SodoCommentsReportOrganization *) g_ptr_array_index (self->organizations, i))->name != NULL;

  comments_part = g_strdup_printf (ngettext ("%u comment", "%u comments", self->n_comments),
                                   self->n_comments);
  articles_part = g_strdup_printf (ngettext ("%u article", "%u articles", self->n_articles),
                                   self->n_articles);
  organizations_part = g_strdup_printf (ngettext ("%u organisation", "%u organisations",
                                                  n_named), n_named);
  /* Translators: the summary at the top of the comments report, "12 comments on 7 articles,
   * from 3 organisations.", made of "%u comment(s)", "%u article(s)", "%u organisation(s)" */
  g_string_append_printf (out, _("%s on %s, from %s."), comments_part, articles_part,
                          organizations_part);
  if (self->orphans->len > 0)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out,
                              ngettext ("%u comment is on a provision the draft no longer has.",
                                        "%u comments are on provisions the draft no longer has.",
                                        self->orphans->len),
                              self->orphans->len);
    }
  g_string_append (out, "\n\n");
}

static void
write_title (SodoCommentsReport *self,
             GString            *out)
{
  SodoRegulation *regulation = self->regulation;
  const char *title = sodo_regulation_text (regulation, sodo_regulation_get_title (regulation));
  const char *number = sodo_regulation_get_number (regulation);
  g_autofree char *date = sodo_format_date (sodo_regulation_get_date (regulation),
                                            sodo_language_get ());
  g_autoptr(GPtrArray) facts = g_ptr_array_new ();

  /* Translators: the title of the comments report */
  g_string_append_printf (out, "# %s\n\n**", _("Consolidated comments"));
  append_escaped (out, title != NULL ? title : sodo_regulation_get_display_name (regulation),
                  " ");
  g_string_append (out, "**\n\n");

  if (number != NULL)
    g_ptr_array_add (facts, (gpointer) number);
  if (date != NULL)
    g_ptr_array_add (facts, date);
  g_ptr_array_add (facts,
                   (gpointer) sodo_regulation_status_get_label (sodo_regulation_get_status (regulation)));
  g_ptr_array_add (facts, NULL);
  {
    g_autofree char *line = g_strjoinv (" · ", (char **) facts->pdata);

    append_escaped (out, line, " ");
  }
  g_string_append (out, "\n\n");
}

/* "**Thành ủy Hà Nội** · Nguyễn Văn A · 27/10/2023 · Proposal · Open · Điều 1 khoản 2". */
static void
append_entry_heading (SodoCommentsReport *self,
                      GString            *out,
                      const SodoComment  *comment,
                      guint               node,
                      gboolean            with_reference)
{
  g_autofree char *day = comment->created != NULL ? g_strndup (comment->created, 10) : NULL;
  g_autofree char *date = day != NULL ? sodo_format_date (day, sodo_language_get ()) : NULL;

  g_string_append (out, "**");
  append_escaped (out, comment->organization != NULL && comment->organization[0] != '\0'
                       ? comment->organization : _("No organisation"), " ");
  g_string_append (out, "**");
  if (comment->author != NULL && comment->author[0] != '\0')
    {
      g_string_append (out, " · ");
      append_escaped (out, comment->author, " ");
    }
  if (date != NULL)
    g_string_append_printf (out, " · %s", date);
  g_string_append_printf (out, " · %s · %s", sodo_comment_kind_get_label (comment->kind),
                          sodo_comment_status_get_label (comment->status));
  if (node == SODO_NO_INDEX)
    g_string_append_printf (out, " · `%s`", comment->target);
  else if (with_reference)
    {
      g_autofree char *reference = sodo_regulation_dup_reference (self->regulation, node, TRUE);

      g_string_append (out, " · ");
      append_escaped (out, reference, " ");
    }
}

/* A numbered list; the text of each item in its own paragraph, indented under the number. */
static void
append_comment_item (SodoCommentsReport *self,
                     GString            *out,
                     guint               number,
                     const SodoComment  *comment,
                     guint               node,
                     gboolean            with_reference)
{
  g_autofree char *marker = g_strdup_printf ("%u. ", number);
  g_autofree char *indent = g_strnfill (strlen (marker), ' ');
  g_autofree char *line_break = g_strdup_printf ("\\\n%s", indent);

  g_string_append (out, marker);
  append_entry_heading (self, out, comment, node, with_reference);
  g_string_append_printf (out, "\n\n%s", indent);
  append_escaped (out, comment->text, line_break);
  g_string_append (out, "\n");
}

static void
write_entries (SodoCommentsReport *self,
               GString            *out,
               const char         *heading,
               GArray             *entries,
               guint               article)
{
  g_string_append_printf (out, "**%s**\n\n", heading);
  for (guint i = 0; i < entries->len; i++)
    {
      SodoCommentsReportEntry *entry = &g_array_index (entries, SodoCommentsReportEntry, i);

      if (i > 0)
        g_string_append_c (out, '\n');
      append_comment_item (self, out, i + 1, entry->comment, entry->node, entry->node != article);
    }
  g_string_append_c (out, '\n');
}

static void
append_quoted_value (GString    *out,
                     const char *value)
{
  append_escaped (out, value, "\\\n> ");
}

/* The article's text as a quote: its own text, then each clause and point under its label. */
static void
write_article_text (SodoCommentsReport *self,
                    GString            *out,
                    guint               article)
{
  SodoRegulation *regulation = self->regulation;
  const SodoRegulationNode *nodes = sodo_regulation_get_nodes (regulation);
  guint end = nodes[article].next_sibling;
  gboolean first = TRUE;

  /* The subtree ends where the next node that is not inside it starts. */
  for (guint i = article; end == SODO_NO_INDEX && i != SODO_NO_INDEX; i = nodes[i].parent)
    end = nodes[i].next_sibling;
  if (end == SODO_NO_INDEX)
    end = sodo_regulation_get_n_nodes (regulation);

  for (guint i = article; i < end; i++)
    {
      const char *title = i == article ? NULL : sodo_regulation_text (regulation, nodes[i].title);
      const char *text = sodo_regulation_text (regulation, nodes[i].text);
      g_autofree char *label = i == article ? NULL
                                            : sodo_regulation_node_dup_label (&nodes[i], TRUE);

      if (title == NULL && text == NULL && label == NULL)
        continue;
      g_string_append (out, first ? "> " : ">\n> ");
      first = FALSE;
      if (label != NULL)
        g_string_append_printf (out, "**%s** ", label);
      if (title != NULL)
        append_quoted_value (out, title);
      if (title != NULL && text != NULL)
        g_string_append (out, "\\\n> ");
      if (text != NULL)
        append_quoted_value (out, text);
      g_string_append_c (out, '\n');
    }
  if (!first)
    g_string_append_c (out, '\n');
}

static void
write_article (SodoCommentsReport        *self,
               GString                   *out,
               SodoCommentsReportArticle *article)
{
  g_autofree char *heading = node_heading (self->regulation, article->node);
  g_autofree char *comments_heading = NULL;

  g_string_append (out, "### ");
  append_escaped (out, heading, " ");
  g_string_append (out, "\n\n");
  write_article_text (self, out, article->node);

  /* Translators: above the comments on an article in the comments report */
  comments_heading = g_strdup_printf (_("Comments (%u)"), article->entries->len);
  write_entries (self, out, comments_heading, article->entries, article->node);
}

static void
write_chapter (SodoCommentsReport        *self,
               GString                   *out,
               SodoCommentsReportChapter *chapter)
{
  if (chapter->node != SODO_NO_INDEX)
    {
      g_autofree char *heading = node_heading (self->regulation, chapter->node);

      g_string_append (out, "## ");
      append_escaped (out, heading, " ");
      g_string_append (out, "\n\n");
    }
  if (chapter->entries->len > 0)
    {
      g_autofree char *label = chapter_row_label (self, chapter);
      /* Translators: above the comments on a chapter's heading (or on text outside any
       * article) in the comments report: "Comments on Chương I (2)" */
      g_autofree char *heading = g_strdup_printf (_("Comments on %s (%u)"), label,
                                                  chapter->entries->len);

      write_entries (self, out, heading, chapter->entries, SODO_NO_INDEX);
    }
  for (guint i = 0; i < chapter->articles->len; i++)
    write_article (self, out, g_ptr_array_index (chapter->articles, i));
}

static void
write_orphans (SodoCommentsReport *self,
               GString            *out)
{
  /* Translators: a heading of the comments report */
  g_string_append_printf (out, "## %s\n\n", _("Comments on provisions no longer in the draft"));
  for (guint i = 0; i < self->orphans->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      append_comment_item (self, out, i + 1, g_ptr_array_index (self->orphans, i),
                           SODO_NO_INDEX, TRUE);
    }
  g_string_append_c (out, '\n');
}

char *
sodo_comments_report_to_markdown (SodoCommentsReport *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  write_title (self, out);
  if (self->n_comments == 0)
    {
      /* Translators: the comments report when there are none */
      g_string_append_printf (out, "%s\n", _("No comments yet."));
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  write_overview (self, out);
  write_organization_table (self, out);
  write_article_table (self, out);
  for (guint i = 0; i < self->chapters->len; i++)
    write_chapter (self, out, g_ptr_array_index (self->chapters, i));
  if (self->orphans->len > 0)
    write_orphans (self, out);

  /* One newline at the end, not a blank line. */
  while (out->len > 1 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
sodo_comments_report_write_markdown (SodoCommentsReport  *self,
                                     GFile               *file,
                                     GCancellable        *cancellable,
                                     GError             **error)
{
  g_autofree char *markdown = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  markdown = sodo_comments_report_to_markdown (self);
  /* GIO writes a temporary file and renames it over the old one. */
  if (!g_file_replace_contents (file, markdown, strlen (markdown), NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, SODO_ERROR, SODO_ERROR_IO, _("Could not write “%s”: %s"), name,
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}
