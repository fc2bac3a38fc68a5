/* sodo-reading-view-build.c: typesetting a regulation into the reading view's buffer
 *
 * The layout follows Vietnamese drafting: part and chapter headings centred on their own
 * lines with the title below in capitals, a section centred, an article as a bold heading,
 * clauses "1." and points "a)" with the label hanging in the margin so that the text lines up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/sodo-language.h"

#include "sodo-document-private.h"
#include "sodo-reading-view-private.h"

/* Spacing, in ems of the text at the current scale. */
#define INDENT_STEP_EM 1.8
#define LINE_HEIGHT 1.3

typedef struct {
  SodoReadingView *self;
  GtkTextBuffer   *buffer;
  GtkTextIter      end;
  SodoTextPool    *pool;
  const char      *lang;
  gboolean         mark_fallbacks;
} Builder;

/* One paragraph being written: its start, its tag, and the tag for the lines after an
 * explicit line break inside a value (imported texts keep the original line breaks). */
typedef struct {
  int         start;
  GtkTextTag *tag;
  GtkTextTag *continuation;
} Paragraph;

static GtkTextTag *
create_tag (GtkTextBuffer *buffer,
            const char    *name,
            const char    *first_property,
            ...)
{
  GtkTextTag *tag = gtk_text_tag_new (name);
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (tag), first_property, args);
  va_end (args);
  gtk_text_tag_table_add (gtk_text_buffer_get_tag_table (buffer), tag);
  g_object_unref (tag);

  return tag;
}

void
_sodo_reading_view_create_tags (SodoReadingView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  SodoReadingTags *tags = &self->tags;
  GdkRGBA dim = { 0.5, 0.5, 0.5, 1.0 };

  /* Created in priority order: later tags win over earlier ones; scales multiply. */
  tags->base = create_tag (buffer, "base", "scale", 1.0, NULL);
#if GTK_CHECK_VERSION (4, 6, 0)
  g_object_set (tags->base, "line-height", (float) LINE_HEIGHT, NULL);
#endif
  tags->title = create_tag (buffer, "title", "justification", GTK_JUSTIFY_CENTER,
                            "weight", PANGO_WEIGHT_BOLD, "scale", 1.3, NULL);
  tags->part = create_tag (buffer, "part", "justification", GTK_JUSTIFY_CENTER,
                           "weight", PANGO_WEIGHT_BOLD, "scale", 1.15, NULL);
  tags->chapter = create_tag (buffer, "chapter", "justification", GTK_JUSTIFY_CENTER,
                              "weight", PANGO_WEIGHT_BOLD, "scale", 1.08, NULL);
  tags->heading_title = create_tag (buffer, "heading-title",
                                    "justification", GTK_JUSTIFY_CENTER,
                                    "weight", PANGO_WEIGHT_BOLD, NULL);
  tags->section = create_tag (buffer, "section", "justification", GTK_JUSTIFY_CENTER,
                              "weight", PANGO_WEIGHT_BOLD, NULL);
  tags->article = create_tag (buffer, "article", NULL);
  tags->bold = create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  tags->node_title = create_tag (buffer, "node-title", "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
  tags->chips = create_tag (buffer, "chips", NULL);
  for (guint level = 0; level < SODO_READING_VIEW_N_INDENTS; level++)
    {
      g_autofree char *hanging_name = g_strdup_printf ("hanging-%u", level);
      g_autofree char *block_name = g_strdup_printf ("block-%u", level);

      tags->hanging[level] = create_tag (buffer, hanging_name, NULL);
      tags->block[level] = create_tag (buffer, block_name, NULL);
    }
  tags->fallback = create_tag (buffer, "fallback", "scale", 0.7, "foreground-rgba", &dim,
                               NULL);
  /* These two only mark the text: the view paints their bands (see snapshot_layer). */
  tags->highlight = create_tag (buffer, "highlight", NULL);
  tags->flash = create_tag (buffer, "flash", NULL);
}

void
_sodo_reading_view_scale_tags (SodoReadingView *self,
                               double           em)
{
  SodoReadingTags *tags = &self->tags;
  int step = (int) (INDENT_STEP_EM * em + 0.5);
  int line = (int) (em * 0.5 + 0.5);

  g_object_set (tags->base, "scale", self->text_scale, NULL);
  g_object_set (tags->title, "pixels-below-lines", 2 * line, NULL);
  g_object_set (tags->part, "pixels-above-lines", 4 * line, NULL);
  g_object_set (tags->chapter, "pixels-above-lines", 3 * line, NULL);
  g_object_set (tags->heading_title, "pixels-below-lines", 2 * line, NULL);
  g_object_set (tags->section, "pixels-above-lines", 2 * line, "pixels-below-lines", line,
                NULL);
  g_object_set (tags->article, "pixels-above-lines", 2 * line, NULL);
  g_object_set (tags->chips, "left-margin", SODO_READING_VIEW_MARGIN + step,
                "pixels-above-lines", line / 2,
                "pixels-below-lines", line / 2, NULL);
  /* The superscript rides half an x-height above the baseline. */
  g_object_set (tags->fallback, "rise", (int) (em * 0.35 * PANGO_SCALE), NULL);

  for (guint level = 0; level < SODO_READING_VIEW_N_INDENTS; level++)
    {
      g_autoptr(PangoTabArray) tabs = pango_tab_array_new_with_positions (1, TRUE,
                                                                         PANGO_TAB_LEFT, step);

      int margin = SODO_READING_VIEW_MARGIN + level * step;

      /* The first line starts at the margin with the label; the tab and the following
       * lines start one step further in. */
      g_object_set (tags->hanging[level], "left-margin", margin, "indent", -step,
                    "tabs", tabs, NULL);
      g_object_set (tags->block[level], "left-margin", margin, NULL);
    }
}

/* The value of @text in the UI language; @fell_back is set when it is in another one. */
static const char *
resolve (Builder     *b,
         SodoText     text,
         const char **fell_back)
{
  const char *used = NULL;
  const char *value = sodo_text_pool_resolve (b->pool, text, b->lang, &used);

  *fell_back = NULL;
  if (value != NULL && used != NULL && g_strcmp0 (used, b->lang) != 0)
    *fell_back = used;

  return value;
}

static void
insert (Builder    *b,
        const char *text,
        GtkTextTag *tag,
        GtkTextTag *tag2)
{
  gtk_text_buffer_insert_with_tags (b->buffer, &b->end, text, -1, tag, tag2, NULL);
}

static void
begin_paragraph (Builder    *b,
                 Paragraph  *paragraph,
                 GtkTextTag *tag,
                 GtkTextTag *continuation)
{
  paragraph->start = gtk_text_iter_get_offset (&b->end);
  paragraph->tag = tag;
  paragraph->continuation = continuation != NULL ? continuation : tag;
}

static void
end_paragraph (Builder   *b,
               Paragraph *paragraph)
{
  GtkTextIter start;

  insert (b, "\n", NULL, NULL);
  gtk_text_buffer_get_iter_at_offset (b->buffer, &start, paragraph->start);
  if (paragraph->tag != NULL)
    gtk_text_buffer_apply_tag (b->buffer, paragraph->tag, &start, &b->end);
}

/* Inserts @value, whose line breaks start new paragraphs in the continuation style. */
static void
insert_lines (Builder    *b,
              Paragraph  *paragraph,
              const char *value,
              GtkTextTag *tag)
{
  g_auto(GStrv) lines = g_strsplit (value, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        {
          end_paragraph (b, paragraph);
          begin_paragraph (b, paragraph, paragraph->continuation, paragraph->continuation);
        }
      insert (b, lines[i], tag, NULL);
    }
}

static void
insert_fallback_marker (Builder    *b,
                        const char *language)
{
  g_autofree char *marker = NULL;

  if (language == NULL)
    return;
  b->self->n_fallbacks++;
  if (b->self->fallback_language == NULL)
    b->self->fallback_language = g_intern_string (language);
  if (!b->mark_fallbacks)
    return;

  /* A thin space keeps the marker off the word without a visible gap. */
  marker = g_strdup_printf ("\u2009%s", language);
  insert (b, marker, b->self->tags.fallback, NULL);
}

/* Inserts the value of @text (with its marker); FALSE when the node has none. */
static gboolean
insert_value (Builder    *b,
              Paragraph  *paragraph,
              SodoText    text,
              GtkTextTag *tag,
              gboolean    upper_case)
{
  const char *fell_back;
  const char *value = resolve (b, text, &fell_back);
  g_autofree char *upper = NULL;

  if (value == NULL)
    return FALSE;
  if (upper_case)
    value = upper = g_utf8_strup (value, -1);
  insert_lines (b, paragraph, value, tag);
  insert_fallback_marker (b, fell_back);

  return TRUE;
}

static void
on_chip_clicked_cb (GtkButton       *button,
                    SodoReadingView *self)
{
  _sodo_reading_view_emit_link (self, g_object_get_data (G_OBJECT (button), "sodo-target"));
}

static guint
count_units_of_kind (SodoOrgchart *chart,
                     guint         kind)
{
  const SodoUnit *units = sodo_orgchart_get_units (chart);
  guint n_units = sodo_orgchart_get_n_units (chart);
  guint count = 0;

  for (guint i = 0; i < n_units; i++)
    count += units[i].kind == kind;

  return count;
}

/* A chip names a unit (its short name where it has one) or a kind of unit. */
static GtkWidget *
create_chip (SodoReadingView *self,
             const char      *target)
{
  SodoOrgchart *chart = self->orgchart;
  guint unit = sodo_orgchart_find_unit (chart, target);
  guint kind = sodo_orgchart_find_kind (chart, target);
  g_autofree char *tooltip = NULL;
  const char *label = target;
  GtkWidget *button;

  if (unit != SODO_NO_INDEX)
    {
      const SodoUnit *record = sodo_orgchart_get_unit (chart, unit);
      const char *name = sodo_orgchart_text (chart, record->name);
      const char *short_name = sodo_orgchart_text (chart, record->short_name);

      label = short_name != NULL ? short_name : name;
      tooltip = g_strdup_printf (_("Show “%s” in the chart"), name);
    }
  else if (kind != SODO_NO_INDEX)
    {
      const SodoKind *kinds = sodo_orgchart_get_kinds (chart, NULL);
      guint n_units = count_units_of_kind (chart, kind);

      label = sodo_orgchart_text (chart, kinds[kind].name);
      tooltip = g_strdup_printf (ngettext ("Show the %u unit of this kind in the chart",
                                           "Show the %u units of this kind in the chart",
                                           n_units),
                                 n_units);
    }
  else
    tooltip = g_strdup (_("The open org chart has no unit or kind of unit with this id"));

  button = gtk_button_new_with_label (label);
  gtk_widget_add_css_class (button, "sodo-chip");
  /* Set while the new button is hidden: on a visible widget GTK asks the display server
   * where the pointer is, a round trip per chip. */
  gtk_widget_set_visible (button, FALSE);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_visible (button, TRUE);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_set_sensitive (button, unit != SODO_NO_INDEX || kind != SODO_NO_INDEX);
  g_object_set_data_full (G_OBJECT (button), "sodo-target", g_strdup (target), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_chip_clicked_cb), self, 0);

  return button;
}

static void
insert_chips (Builder                  *b,
              const SodoRegulationNode *node)
{
  for (guint i = 0; i < node->n_applies_to; i++)
    {
      GtkTextChildAnchor *anchor;

      if (i > 0)
        insert (b, " ", NULL, NULL);
      anchor = gtk_text_buffer_create_child_anchor (b->buffer, &b->end);
      gtk_text_view_add_child_at_anchor (GTK_TEXT_VIEW (b->self),
                                         create_chip (b->self, node->applies_to[i]), anchor);
    }
}

static gboolean
has_chips (Builder                  *b,
           const SodoRegulationNode *node)
{
  return b->self->orgchart != NULL && node->n_applies_to > 0;
}

/* Body text sits one step in; each clause, point or paragraph above a node one more. */
static guint
indent_level (SodoRegulation *regulation,
              guint           index)
{
  const SodoRegulationNode *nodes = sodo_regulation_get_nodes (regulation);
  gboolean in_article = FALSE;
  guint level = 0;

  for (guint i = nodes[index].parent; i != SODO_NO_INDEX; i = nodes[i].parent)
    {
      if (nodes[i].level >= SODO_LEVEL_ARTICLE)
        level++;
      in_article |= nodes[i].level == SODO_LEVEL_ARTICLE;
    }
  if (!in_article)
    level++;

  return MIN (level, SODO_READING_VIEW_N_INDENTS - 1);
}

/* A node's own text under its heading, at the given level. */
static void
build_body_text (Builder                  *b,
                 const SodoRegulationNode *node,
                 guint                     level)
{
  SodoReadingTags *tags = &b->self->tags;
  Paragraph paragraph;

  if (node->text == SODO_TEXT_NONE)
    return;
  begin_paragraph (b, &paragraph, tags->block[level], NULL);
  insert_value (b, &paragraph, node->text, NULL, FALSE);
  end_paragraph (b, &paragraph);
}

/* "Phần thứ nhất" / "Chương I" centred, the title below it in capitals. */
static void
build_part_or_chapter (Builder                  *b,
                       const SodoRegulationNode *node)
{
  SodoReadingTags *tags = &b->self->tags;
  g_autofree char *label = sodo_regulation_node_dup_label (node, TRUE);
  GtkTextTag *tag = node->level == SODO_LEVEL_PART ? tags->part : tags->chapter;
  Paragraph paragraph;

  begin_paragraph (b, &paragraph, tag, NULL);
  insert (b, label, NULL, NULL);
  end_paragraph (b, &paragraph);

  begin_paragraph (b, &paragraph, tags->heading_title, NULL);
  insert_value (b, &paragraph, node->title, NULL, TRUE);
  if (has_chips (b, node))
    {
      insert (b, " ", NULL, NULL);
      insert_chips (b, node);
    }
  end_paragraph (b, &paragraph);

  build_body_text (b, node, 0);
}

static void
build_section (Builder                  *b,
               const SodoRegulationNode *node)
{
  SodoReadingTags *tags = &b->self->tags;
  g_autofree char *label = sodo_regulation_node_dup_label (node, TRUE);
  Paragraph paragraph;

  begin_paragraph (b, &paragraph, tags->section, NULL);
  insert (b, label, NULL, NULL);
  if (node->title != SODO_TEXT_NONE)
    {
      insert (b, " ", NULL, NULL);
      insert_value (b, &paragraph, node->title, NULL, FALSE);
    }
  end_paragraph (b, &paragraph);

  build_body_text (b, node, 0);
}

/* "Điều 3. Vị trí" in bold; the units it applies to below it; then its own text. */
static void
build_article (Builder                  *b,
               const SodoRegulationNode *node)
{
  SodoReadingTags *tags = &b->self->tags;
  g_autofree char *label = sodo_regulation_node_dup_label (node, TRUE);
  Paragraph paragraph;

  begin_paragraph (b, &paragraph, tags->article, NULL);
  insert (b, label, tags->bold, NULL);
  if (node->title != SODO_TEXT_NONE)
    {
      insert (b, " ", tags->bold, NULL);
      insert_value (b, &paragraph, node->title, tags->bold, FALSE);
    }
  end_paragraph (b, &paragraph);

  if (has_chips (b, node))
    {
      begin_paragraph (b, &paragraph, tags->chips, NULL);
      insert_chips (b, node);
      end_paragraph (b, &paragraph);
    }

  build_body_text (b, node, 1);
}

/* A clause, point or paragraph: the label hangs in the margin, the text lines up after it. */
static void
build_provision (Builder                  *b,
                 guint                     index,
                 const SodoRegulationNode *node)
{
  SodoReadingTags *tags = &b->self->tags;
  SodoRegulation *regulation = b->self->regulation;
  g_autofree char *label = sodo_regulation_node_dup_label (node, TRUE);
  guint level = indent_level (regulation, index);
  guint text_level = MIN (level + 1, SODO_READING_VIEW_N_INDENTS - 1);
  Paragraph paragraph;

  if (label != NULL)
    {
      /* A long label ("1.1.1.") would overrun the tab stop: a space reads better. */
      begin_paragraph (b, &paragraph, tags->hanging[level], tags->block[text_level]);
      insert (b, label, NULL, NULL);
      insert (b, g_utf8_strlen (label, -1) <= 3 ? "\t" : " ", NULL, NULL);
    }
  else
    begin_paragraph (b, &paragraph, tags->block[level], NULL);

  if (insert_value (b, &paragraph, node->title, tags->node_title, FALSE)
      && node->text != SODO_TEXT_NONE)
    {
      end_paragraph (b, &paragraph);
      begin_paragraph (b, &paragraph, paragraph.continuation, NULL);
    }
  insert_value (b, &paragraph, node->text, NULL, FALSE);
  if (has_chips (b, node))
    {
      insert (b, " ", NULL, NULL);
      insert_chips (b, node);
    }
  end_paragraph (b, &paragraph);
}

static void
build_node (Builder *b,
            guint    index)
{
  const SodoRegulationNode *node = sodo_regulation_get_node (b->self->regulation, index);
  GtkTextMark *mark;
  int offset = gtk_text_iter_get_offset (&b->end);

  /* Left gravity: the mark stays before the text inserted at it. */
  mark = gtk_text_buffer_create_mark (b->buffer, NULL, &b->end, TRUE);
  g_ptr_array_add (b->self->marks, g_object_ref (mark));
  g_array_append_val (b->self->offsets, offset);

  switch (node->level)
    {
    case SODO_LEVEL_PART:
    case SODO_LEVEL_CHAPTER:
      build_part_or_chapter (b, node);
      break;

    case SODO_LEVEL_SECTION:
      build_section (b, node);
      break;

    case SODO_LEVEL_ARTICLE:
      build_article (b, node);
      break;

    case SODO_LEVEL_CLAUSE:
    case SODO_LEVEL_POINT:
    case SODO_LEVEL_PARAGRAPH:
    default:
      build_provision (b, index, node);
      break;
    }
}

static void
build_title (Builder *b)
{
  SodoRegulation *regulation = b->self->regulation;
  Paragraph paragraph;

  begin_paragraph (b, &paragraph, b->self->tags.title, NULL);
  if (!insert_value (b, &paragraph, sodo_regulation_get_title (regulation), NULL, FALSE))
    insert (b, sodo_regulation_get_display_name (regulation), NULL, NULL);
  end_paragraph (b, &paragraph);
}

static void
count_value (Builder  *b,
             SodoText  text,
             guint    *n_values,
             guint    *n_fallbacks)
{
  const char *fell_back;

  if (resolve (b, text, &fell_back) == NULL)
    return;
  (*n_values)++;
  *n_fallbacks += fell_back != NULL;
}

/* Marks are worth showing only when some values are in the reader's language: a document
 * wholly in the other language is said so once, not on every line. */
static gboolean
should_mark_fallbacks (Builder *b)
{
  SodoRegulation *regulation = b->self->regulation;
  const SodoRegulationNode *nodes = sodo_regulation_get_nodes (regulation);
  guint n_nodes = sodo_regulation_get_n_nodes (regulation);
  guint n_values = 0;
  guint n_fallbacks = 0;

  count_value (b, sodo_regulation_get_title (regulation), &n_values, &n_fallbacks);
  for (guint i = 0; i < n_nodes; i++)
    {
      count_value (b, nodes[i].title, &n_values, &n_fallbacks);
      count_value (b, nodes[i].text, &n_values, &n_fallbacks);
    }

  return n_fallbacks > 0 && n_fallbacks < n_values;
}

void
_sodo_reading_view_build (SodoReadingView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  guint n_nodes;
  Builder b = { 0 };
  GtkTextIter start;

  for (guint i = 0; i < self->marks->len; i++)
    {
      GtkTextMark *mark = g_ptr_array_index (self->marks, i);

      if (!gtk_text_mark_get_deleted (mark))
        gtk_text_buffer_delete_mark (buffer, mark);
    }
  g_ptr_array_set_size (self->marks, 0);
  g_array_set_size (self->offsets, 0);
  self->n_fallbacks = 0;
  self->fallback_language = NULL;
  gtk_text_buffer_set_text (buffer, "", 0);
  if (self->regulation == NULL)
    {
      self->fallbacks_marked = FALSE;
      return;
    }

  b.self = self;
  b.buffer = buffer;
  b.pool = sodo_regulation_get_text_pool (self->regulation);
  b.lang = sodo_language_get ();
  b.mark_fallbacks = should_mark_fallbacks (&b);
  self->fallbacks_marked = b.mark_fallbacks;
  gtk_text_buffer_get_end_iter (buffer, &b.end);

  build_title (&b);
  n_nodes = sodo_regulation_get_n_nodes (self->regulation);
  for (guint i = 0; i < n_nodes; i++)
    build_node (&b, i);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_apply_tag (buffer, self->tags.base, &start, &b.end);
  gtk_text_buffer_place_cursor (buffer, &start);
}
