/* test-document-reading.c: the reading view typesets each level, marks text in another
 * language, and find folds case and diacritics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "document/sodo-document-find.h"
#include "document/sodo-reading-view.h"
#include "model/sodo-language.h"
#include "model/sodo-regulation-import.h"
#include "sodo-test-gtk.h"

static SodoRegulation *
load_regulation (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SodoRegulation *regulation = sodo_regulation_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return regulation;
}

static SodoOrgchart *
load_orgchart (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SodoOrgchart *chart = sodo_orgchart_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return chart;
}

static SodoReadingView *
create_view (SodoRegulation *regulation,
             SodoOrgchart   *chart)
{
  SodoReadingView *view = SODO_READING_VIEW (sodo_reading_view_new ());

  g_object_ref_sink (view);
  sodo_reading_view_set_document (view, regulation, chart);
  return view;
}

static GtkTextBuffer *
get_buffer (SodoReadingView *view)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

static void
get_node_iter (SodoReadingView *view,
               SodoRegulation  *regulation,
               const char      *id,
               GtkTextIter     *iter)
{
  guint node = sodo_regulation_find_node (regulation, id);
  GtkTextMark *mark;

  g_assert_cmpuint (node, !=, SODO_NO_INDEX);
  mark = sodo_reading_view_get_node_mark (view, node);
  g_assert_nonnull (mark);
  gtk_text_buffer_get_iter_at_mark (get_buffer (view), iter, mark);
}

/* The text of the line (paragraph) that starts at @iter, without its newline. */
static char *
line_at (const GtkTextIter *iter)
{
  GtkTextIter start = *iter;
  GtkTextIter end = *iter;

  g_assert_true (gtk_text_iter_starts_line (&start));
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_iter_get_slice (&start, &end);
}

static gboolean
has_tag (const GtkTextIter *iter,
         const char        *name)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (gtk_text_iter_get_buffer (iter));
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  g_assert_nonnull (tag);
  return gtk_text_iter_has_tag (iter, tag);
}

static int
tag_int (SodoReadingView *view,
         const char      *tag_name,
         const char      *property)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (get_buffer (view)),
                                               tag_name);
  int value;

  g_object_get (tag, property, &value, NULL);
  return value;
}

/* What a node's first line says and which tags it carries. */
static void
assert_node_line (SodoReadingView *view,
                  SodoRegulation  *regulation,
                  const char      *id,
                  const char      *expected,
                  const char      *tag)
{
  GtkTextIter iter;
  g_autofree char *line = NULL;

  get_node_iter (view, regulation, id, &iter);
  line = line_at (&iter);
  g_assert_cmpstr (line, ==, expected);
  g_assert_true (has_tag (&iter, tag));
  g_assert_true (has_tag (&iter, "base"));
}

static void
test_levels (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ("document-levels.json");
  g_autoptr(SodoReadingView) view = NULL;
  g_autofree char *part = NULL;
  g_autofree char *chapter = NULL;
  g_autofree char *chapter_2 = NULL;
  g_autofree char *section = NULL;
  g_autofree char *article = NULL;
  g_autofree char *article_2 = NULL;
  g_autofree char *title_line = NULL;
  GtkTextIter iter;
  int justification;

  sodo_language_set ("en");
  view = create_view (regulation, NULL);

  /* Headings are named by the level's label in the UI language and the number. */
  part = g_strdup_printf ("%s I", sodo_level_get_label (SODO_LEVEL_PART));
  chapter = g_strdup_printf ("%s I", sodo_level_get_label (SODO_LEVEL_CHAPTER));
  chapter_2 = g_strdup_printf ("%s II", sodo_level_get_label (SODO_LEVEL_CHAPTER));
  section = g_strdup_printf ("%s 1. Subjects", sodo_level_get_label (SODO_LEVEL_SECTION));
  article = g_strdup_printf ("%s 1. Coverage", sodo_level_get_label (SODO_LEVEL_ARTICLE));
  article_2 = g_strdup_printf ("%s 2. Principles", sodo_level_get_label (SODO_LEVEL_ARTICLE));

  gtk_text_buffer_get_start_iter (get_buffer (view), &iter);
  title_line = line_at (&iter);
  g_assert_cmpstr (title_line, ==, "Document pane test regulation");
  g_assert_true (has_tag (&iter, "title"));

  assert_node_line (view, regulation, "part-1", part, "part");
  assert_node_line (view, regulation, "ch-1", chapter, "chapter");
  assert_node_line (view, regulation, "ch-2", chapter_2, "chapter");
  assert_node_line (view, regulation, "sec-1", section, "section");
  assert_node_line (view, regulation, "art-1", article, "article");
  assert_node_line (view, regulation, "art-2", article_2, "article");
  assert_node_line (view, regulation, "art-1.1", "1.\tThe first clause.", "hanging-1");
  assert_node_line (view, regulation, "art-1.2", "2.\tThe second clause covers:", "hanging-1");
  assert_node_line (view, regulation, "art-1.2.a", "a)\tthe first point;", "hanging-2");
  assert_node_line (view, regulation, "art-1.p1", "An unnumbered paragraph.", "block-1");

  /* The article label and title are bold; the chapter's title follows in capitals. */
  get_node_iter (view, regulation, "art-1", &iter);
  g_assert_true (has_tag (&iter, "bold"));
  get_node_iter (view, regulation, "ch-1", &iter);
  g_assert_true (gtk_text_iter_forward_line (&iter));
  {
    g_autofree char *heading_title = line_at (&iter);

    g_assert_cmpstr (heading_title, ==, "SCOPE");
    g_assert_true (has_tag (&iter, "heading-title"));
  }
  /* An article's own text is a paragraph below its heading, one step in. */
  get_node_iter (view, regulation, "art-2", &iter);
  g_assert_true (gtk_text_iter_forward_line (&iter));
  {
    g_autofree char *body = line_at (&iter);

    g_assert_cmpstr (body, ==, "Collective work.");
    g_assert_true (has_tag (&iter, "block-1"));
  }

  /* Headings are centred; clauses and points hang their labels, points further in. */
  g_object_get (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (get_buffer (view)),
                                           "chapter"),
                "justification", &justification, NULL);
  g_assert_cmpint (justification, ==, GTK_JUSTIFY_CENTER);
  g_assert_cmpint (tag_int (view, "hanging-2", "left-margin"), >,
                   tag_int (view, "hanging-1", "left-margin"));
  g_assert_cmpint (tag_int (view, "hanging-1", "left-margin"), >,
                   gtk_text_view_get_left_margin (GTK_TEXT_VIEW (view)));
  g_assert_cmpint (tag_int (view, "hanging-1", "indent"), <, 0);
  /* The text after a label lines up with the block one level deeper. */
  g_assert_cmpint (tag_int (view, "hanging-1", "left-margin") - tag_int (view, "hanging-1", "indent"),
                   ==, tag_int (view, "block-2", "left-margin"));

  /* Nothing is in another language here. */
  g_assert_cmpuint (sodo_reading_view_get_n_fallbacks (view), ==, 0);
}

/* The node at an offset is the last one starting at or before it. */
static void
test_node_at_offset (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ("document-levels.json");
  g_autoptr(SodoReadingView) view = NULL;
  guint art_1 = sodo_regulation_find_node (regulation, "art-1");
  guint art_11 = sodo_regulation_find_node (regulation, "art-1.1");
  GtkTextIter iter;

  sodo_language_set ("en");
  view = create_view (regulation, NULL);

  g_assert_cmpuint (sodo_reading_view_get_node_at_offset (view, 0), ==, SODO_NO_INDEX);
  /* Not laid out (not on screen): no node is at the top yet, not even the last one. */
  g_assert_cmpuint (sodo_reading_view_get_top_node (view), ==, SODO_NO_INDEX);
  get_node_iter (view, regulation, "art-1", &iter);
  g_assert_cmpuint (sodo_reading_view_get_node_at_offset (view, gtk_text_iter_get_offset (&iter)),
                    ==, art_1);
  g_assert_cmpuint (sodo_reading_view_get_node_at_offset (view,
                                                          gtk_text_iter_get_offset (&iter) + 3),
                    ==, art_1);
  get_node_iter (view, regulation, "art-1.1", &iter);
  g_assert_cmpuint (sodo_reading_view_get_node_at_offset (view,
                                                          gtk_text_iter_get_offset (&iter) - 1),
                    ==, art_1);
  g_assert_cmpuint (sodo_reading_view_get_node_at_offset (view, gtk_text_iter_get_offset (&iter)),
                    ==, art_11);
}

static void
test_fallback_marker (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ("document-levels.json");
  g_autoptr(SodoReadingView) view = NULL;
  g_autofree char *line = NULL;
  g_autofree char *other = NULL;
  GtkTextIter iter;
  GtkTextIter marker;

  sodo_language_set ("vi");
  view = create_view (regulation, NULL);

  /* The point written only in English is shown in English, with a small "en" after it. */
  get_node_iter (view, regulation, "art-1.2.b", &iter);
  line = line_at (&iter);
  g_assert_cmpstr (line, ==, "b)\ta point written only in English.\u2009en");
  marker = iter;
  g_assert_true (gtk_text_iter_forward_chars (&marker, g_utf8_strlen (line, -1) - 2));
  g_assert_true (has_tag (&marker, "fallback"));
  g_assert_false (has_tag (&iter, "fallback"));
  g_assert_cmpuint (sodo_reading_view_get_n_fallbacks (view), ==, 1);
  g_assert_cmpstr (sodo_reading_view_get_fallback_language (view), ==, "en");
  g_assert_true (sodo_reading_view_get_fallbacks_marked (view));

  /* Its neighbour is in Vietnamese and has no marker. */
  get_node_iter (view, regulation, "art-1.2.a", &iter);
  other = line_at (&iter);
  g_assert_cmpstr (other, ==, "a)\tĐiểm thứ nhất;");

  /* In English nothing falls back. */
  sodo_language_set ("en");
  sodo_reading_view_set_document (view, regulation, NULL);
  g_assert_cmpuint (sodo_reading_view_get_n_fallbacks (view), ==, 0);
  get_node_iter (view, regulation, "art-1.2.b", &iter);
  g_clear_pointer (&line, g_free);
  line = line_at (&iter);
  g_assert_cmpstr (line, ==, "b)\ta point written only in English.");
}

/* A document wholly in Vietnamese, read in English: said once, not marked on every line. */
static void
test_fallback_whole_document (void)
{
  const char *text = "QUY ĐỊNH\nvề thử nghiệm\n\nĐiều 1. Phạm vi\n1. Khoản một.\n2. Khoản hai.\n";
  g_autoptr(JsonNode) root = sodo_regulation_import_text (text, -1, "thu", NULL);
  g_autofree char *json = json_to_string (root, FALSE);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoRegulation) regulation = sodo_regulation_load_bytes (bytes, "thu.txt", NULL,
                                                                      &error);
  g_autoptr(SodoReadingView) view = NULL;
  GtkTextTag *fallback;
  GtkTextIter iter;

  g_assert_no_error (error);
  sodo_language_set ("en");
  view = create_view (regulation, NULL);

  g_assert_cmpuint (sodo_reading_view_get_n_fallbacks (view), >, 2);
  g_assert_cmpstr (sodo_reading_view_get_fallback_language (view), ==, "vi");
  g_assert_false (sodo_reading_view_get_fallbacks_marked (view));
  fallback = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (get_buffer (view)),
                                        "fallback");
  gtk_text_buffer_get_start_iter (get_buffer (view), &iter);
  g_assert_false (gtk_text_iter_has_tag (&iter, fallback));
  g_assert_false (gtk_text_iter_forward_to_tag_toggle (&iter, fallback));
}

static guint n_links;
static char *last_link;

static void
on_link_activated_cb (SodoReadingView *view,
                      const char      *target,
                      gpointer         user_data)
{
  n_links++;
  g_free (last_link);
  last_link = g_strdup (target);
}

/* Each chip names a unit or a kind of the chart, and clicking it says which. */
static void
test_chips (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ("document-levels.json");
  g_autoptr(SodoOrgchart) chart = load_orgchart ("orgchart-valid.json");
  g_autoptr(SodoReadingView) view = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkTextIter iter;

  sodo_language_set ("en");
  view = create_view (regulation, chart);
  g_signal_connect (view, "link-activated", G_CALLBACK (on_link_activated_cb), NULL);

  gtk_text_buffer_get_start_iter (get_buffer (view), &iter);
  do
    {
      GtkTextChildAnchor *anchor = gtk_text_iter_get_child_anchor (&iter);
      GtkWidget **widgets;
      guint n_widgets;

      if (anchor == NULL)
        continue;
      widgets = gtk_text_child_anchor_get_widgets (anchor, &n_widgets);
      g_assert_cmpuint (n_widgets, ==, 1);
      g_assert_true (GTK_IS_BUTTON (widgets[0]));
      g_ptr_array_add (buttons, widgets[0]);
      g_free (widgets);
    }
  while (gtk_text_iter_forward_char (&iter));

  /* art-1: a kind and a unit; art-3: a unit. */
  g_assert_cmpuint (buttons->len, ==, 3);
  g_assert_cmpstr (gtk_button_get_label (buttons->pdata[0]), ==, "Party delegation");
  g_assert_cmpstr (gtk_button_get_label (buttons->pdata[1]), ==, "Ban Tổ chức");
  /* A unit with a short name goes by it; the tooltip gives the full name. */
  g_assert_cmpstr (gtk_button_get_label (buttons->pdata[2]), ==, "BTV");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (buttons->pdata[2]), "Standing Board"));

  g_signal_emit_by_name (buttons->pdata[1], "clicked");
  g_assert_cmpuint (n_links, ==, 1);
  g_assert_cmpstr (last_link, ==, "ban-to-chuc");
  g_signal_emit_by_name (buttons->pdata[0], "clicked");
  g_assert_cmpstr (last_link, ==, "party-delegation");
  g_clear_pointer (&last_link, g_free);

  /* Without a chart there is nothing to link to. */
  sodo_reading_view_set_document (view, regulation, NULL);
  gtk_text_buffer_get_start_iter (get_buffer (view), &iter);
  do
    g_assert_null (gtk_text_iter_get_child_anchor (&iter));
  while (gtk_text_iter_forward_char (&iter));
}

static void
test_highlight (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ("document-levels.json");
  g_autoptr(SodoReadingView) view = NULL;
  guint nodes[] = {
    sodo_regulation_find_node (regulation, "art-1"),
    sodo_regulation_find_node (regulation, "art-3"),
  };
  GtkTextIter iter;

  sodo_language_set ("en");
  view = create_view (regulation, NULL);
  sodo_reading_view_set_highlighted (view, nodes, G_N_ELEMENTS (nodes));

  /* An article is highlighted with everything it holds, and nothing past it. */
  get_node_iter (view, regulation, "art-1", &iter);
  g_assert_true (has_tag (&iter, "highlight"));
  get_node_iter (view, regulation, "art-1.2.b", &iter);
  g_assert_true (has_tag (&iter, "highlight"));
  get_node_iter (view, regulation, "ch-2", &iter);
  g_assert_false (has_tag (&iter, "highlight"));
  get_node_iter (view, regulation, "art-2", &iter);
  g_assert_false (has_tag (&iter, "highlight"));
  get_node_iter (view, regulation, "art-3.1", &iter);
  g_assert_true (has_tag (&iter, "highlight"));
  get_node_iter (view, regulation, "art-4", &iter);
  g_assert_false (has_tag (&iter, "highlight"));

  sodo_reading_view_set_highlighted (view, NULL, 0);
  get_node_iter (view, regulation, "art-1", &iter);
  g_assert_false (has_tag (&iter, "highlight"));
}

static void
test_text_scale (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ("document-levels.json");
  g_autoptr(SodoReadingView) view = NULL;
  GtkTextTag *base;
  double scale;
  int width;
  int margin;

  sodo_language_set ("en");
  view = create_view (regulation, NULL);
  base = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (get_buffer (view)), "base");
  width = sodo_reading_view_get_reading_width (view);
  margin = tag_int (view, "hanging-2", "left-margin");
  g_assert_cmpint (width, >, 0);

  sodo_reading_view_set_text_scale (view, 1.5);
  g_object_get (base, "scale", &scale, NULL);
  g_assert_cmpfloat_with_epsilon (scale, 1.5, 0.001);
  /* The line length and the indents grow with the text. */
  g_assert_cmpint (sodo_reading_view_get_reading_width (view), >, width);
  g_assert_cmpint (tag_int (view, "hanging-2", "left-margin"), >, margin);

  /* Out of range is clamped to the setting's range. */
  sodo_reading_view_set_text_scale (view, 10.0);
  g_assert_cmpfloat_with_epsilon (sodo_reading_view_get_text_scale (view),
                                  SODO_READING_VIEW_MAX_SCALE, 0.001);
}

/* Find, on a plain buffer: folded matching, mapped back to the original characters. */
static void
test_find_folding (void)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  g_autoptr(SodoDocumentFind) find = NULL;
  /* "Đảng đoàn" twice, the second written with combining marks (NFD), as some copies are. */
  const char *text = "Quy định về ĐẢNG ĐOÀN và đa\xcc\x89ng đoa\xcc\x80n cấp tỉnh.";
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  gtk_text_buffer_set_text (buffer, text, -1);
  find = sodo_document_find_new (buffer);

  sodo_document_find_set_query (find, "dang doan");
  g_assert_cmpuint (sodo_document_find_get_n_matches (find), ==, 2);
  g_assert_true (sodo_document_find_get_match (find, 0, &start, &end));
  first = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (first, ==, "ĐẢNG ĐOÀN");
  g_assert_true (sodo_document_find_get_match (find, 1, &start, &end));
  second = gtk_text_iter_get_text (&start, &end);
  /* The match takes the combining mark after its last letter. */
  g_assert_cmpstr (second, ==, "đa\xcc\x89ng đoa\xcc\x80n");

  /* The query is folded too. */
  sodo_document_find_set_query (find, "CẤP");
  g_assert_cmpuint (sodo_document_find_get_n_matches (find), ==, 1);
  sodo_document_find_set_query (find, "không có");
  g_assert_cmpuint (sodo_document_find_get_n_matches (find), ==, 0);
  g_assert_cmpuint (sodo_document_find_get_current (find), ==, SODO_DOCUMENT_FIND_NONE);
  sodo_document_find_set_query (find, NULL);
  g_assert_cmpuint (sodo_document_find_get_n_matches (find), ==, 0);
}

static int
cursor_offset (GtkTextBuffer *buffer)
{
  GtkTextIter cursor;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&cursor);
}

/* Find in the typeset regulation: "dieu" finds "Điều", and next/previous move the cursor. */
static void
test_find_in_view (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ("document-levels.json");
  g_autoptr(SodoReadingView) view = NULL;
  g_autoptr(SodoDocumentFind) find = NULL;
  GtkTextBuffer *buffer;
  GtkTextTag *match_tag;
  GtkTextTag *current_tag;
  GtkTextIter start[2];
  GtkTextIter end[2];

  sodo_language_set ("vi");
  view = create_view (regulation, NULL);
  buffer = get_buffer (view);
  find = sodo_document_find_new (buffer);
  match_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "find-match");
  current_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                           "find-current");

  sodo_document_find_set_query (find, "dieu");
  g_assert_cmpuint (sodo_document_find_get_n_matches (find), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *found = NULL;

      g_assert_true (sodo_document_find_get_match (find, i, &start[i], &end[i]));
      found = gtk_text_iter_get_text (&start[i], &end[i]);
      g_assert_cmpstr (found, ==, "Điều");
      g_assert_true (gtk_text_iter_has_tag (&start[i], match_tag));
    }
  /* The first is the title of Article 1, the second in clause 1 of Article 3. */
  g_assert_cmpuint (sodo_reading_view_get_node_at_offset (view,
                                                          gtk_text_iter_get_offset (&start[0])),
                    ==, sodo_regulation_find_node (regulation, "art-1"));
  g_assert_cmpuint (sodo_reading_view_get_node_at_offset (view,
                                                          gtk_text_iter_get_offset (&start[1])),
                    ==, sodo_regulation_find_node (regulation, "art-3.1"));

  /* The first match after the cursor (at the start) is current, and selected. */
  g_assert_cmpuint (sodo_document_find_get_current (find), ==, 0);
  g_assert_cmpint (cursor_offset (buffer), ==, gtk_text_iter_get_offset (&start[0]));
  g_assert_true (gtk_text_iter_has_tag (&start[0], current_tag));

  sodo_document_find_next (find);
  g_assert_cmpuint (sodo_document_find_get_current (find), ==, 1);
  g_assert_cmpint (cursor_offset (buffer), ==, gtk_text_iter_get_offset (&start[1]));
  g_assert_true (gtk_text_iter_has_tag (&start[1], current_tag));
  gtk_text_buffer_get_iter_at_offset (buffer, &start[0], gtk_text_iter_get_offset (&start[0]));
  g_assert_false (gtk_text_iter_has_tag (&start[0], current_tag));

  /* Both ways wrap around. */
  sodo_document_find_next (find);
  g_assert_cmpuint (sodo_document_find_get_current (find), ==, 0);
  sodo_document_find_previous (find);
  g_assert_cmpuint (sodo_document_find_get_current (find), ==, 1);
  sodo_document_find_previous (find);
  g_assert_cmpuint (sodo_document_find_get_current (find), ==, 0);

  /* Tabs after labels read as spaces: "1. theo" finds "1.\tTheo". */
  sodo_document_find_set_query (find, "1. theo");
  g_assert_cmpuint (sodo_document_find_get_n_matches (find), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  sodo_test_init_gtk (&argc, &argv);
  adw_init ();

  g_test_add_func ("/document/reading/levels", test_levels);
  g_test_add_func ("/document/reading/node-at-offset", test_node_at_offset);
  g_test_add_func ("/document/reading/fallback-marker", test_fallback_marker);
  g_test_add_func ("/document/reading/fallback-whole-document", test_fallback_whole_document);
  g_test_add_func ("/document/reading/chips", test_chips);
  g_test_add_func ("/document/reading/highlight", test_highlight);
  g_test_add_func ("/document/reading/text-scale", test_text_scale);
  g_test_add_func ("/document/find/folding", test_find_folding);
  g_test_add_func ("/document/find/in-view", test_find_in_view);

  return g_test_run ();
}
