/* sodo-regulation-import.c: building a regulation tree from classified lines
 *
 * Each numbered line opens a node in a "slot" (part, chapter, section, article, clause,
 * point, and three paragraph slots); a node's parent is the deepest slot open above its own,
 * and opening a slot closes every deeper one. Lines without a marker continue the text of
 * the node opened last, so hard-wrapped lines find their way back into their sentence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sodo-limits.h"
#include "sodo-regulation.h"
#include "sodo-regulation-import.h"
#include "sodo-regulation-import-private.h"

/* Headings are short: a longer "title" is a sentence, and a title never grows past this. */
#define MAX_TITLE_LENGTH  2048
/* The loader limits a string as written in the file, where a newline or a quote takes two
 * bytes: half the limit is safe whatever the text holds. */
#define MAX_TEXT_LENGTH   (SODO_MAX_STRING_LENGTH / 2)
/* Nodes made from markers; the rest of the loader's limit is kept for overflow paragraphs. */
#define MAX_MARKER_NODES  (SODO_MAX_REGULATION_NODES - 1024)

typedef enum {
  SLOT_PART,
  SLOT_CHAPTER,
  SLOT_SECTION,
  SLOT_ARTICLE,
  SLOT_CLAUSE,
  SLOT_POINT,
  SLOT_SUBPOINT,   /* a numbered paragraph: "1.1.1." or "a)" under a point "1.1" */
  SLOT_BULLET,     /* "- …" */
  SLOT_PLUS,       /* "+ …", under the "-" above it */
  N_SLOTS
} Slot;

typedef struct _ImportNode ImportNode;

struct _ImportNode {
  ImportNode *parent;
  GPtrArray  *children;
  char       *id;
  char       *number;
  GString    *title;
  GString    *text;
  SodoLevel   level;
  guint       n_paragraphs;   /* unnumbered paragraph children so far, for their ids */
  gboolean    free_text;      /* a top-level paragraph outside any heading */
  gboolean    overflow;       /* holds the rest of a text too long for one string */
};

typedef struct {
  SodoDiagnostics      *diags;
  GPtrArray            *body;          /* top-level ImportNode */
  GHashTable           *ids;           /* ids in use (owned by the nodes) */
  GHashTable           *next_suffix;   /* base id -> next suffix to try */
  guint                 n_nodes;
  guint                 n_top_paragraphs;
  ImportNode           *open[N_SLOTS];
  const SodoImportLine *last_marker[N_SLOTS];
  ImportNode           *text_node;     /* where a line without a marker goes */
  ImportNode           *title_node;    /* a heading whose title the next line may continue */
  ImportNode           *title_pending; /* a heading whose title is on a next line */
  ImportNode           *signature;     /* the signature block, while reading it */
  const SodoImportLine *prev;          /* the previous non-blank line, NULL after a blank */
  gboolean              blank_before;
  gboolean              has_chapters;
  gboolean              has_sections;
  gboolean              has_structure;
  gboolean              warned_node_limit;
  gboolean              in_contents;
} ImportTree;

static void
node_free (ImportNode *node)
{
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_free (node->id);
  g_free (node->number);
  if (node->title != NULL)
    g_string_free (node->title, TRUE);
  if (node->text != NULL)
    g_string_free (node->text, TRUE);
  g_free (node);
}

static void
tree_warn (ImportTree    *tree,
           SodoErrorCode  code,
           guint          line,
           const char    *format,
           ...) G_GNUC_PRINTF (4, 5);

static void
tree_warn (ImportTree    *tree,
           SodoErrorCode  code,
           guint          line,
           const char    *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (tree->diags == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  sodo_diagnostics_add (tree->diags, SODO_SEVERITY_WARNING, code, line, 0, NULL, "%s", message);
}

static char *
marker_of (const SodoImportLine *line)
{
  return g_strndup (line->text, line->marker_len);
}

/* ------------------------------------------------------------------ ids */

/* "1.1" stays, "đ" becomes "dd": ids are ASCII. */
static char *
number_for_id (const char *number)
{
  GString *out = g_string_new (NULL);
  const char *p;

  for (p = number; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0111)
        g_string_append (out, "dd");
      else if (c < 0x80 && (g_ascii_isalnum (c) || c == '.'))
        g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
tree_set_id (ImportTree *tree,
             ImportNode *node,
             char       *base)
{
  char *id = base;
  guint suffix = GPOINTER_TO_UINT (g_hash_table_lookup (tree->next_suffix, base));

  while (g_hash_table_contains (tree->ids, id))
    {
      if (id != base)
        g_free (id);
      suffix = MAX (suffix, 2);
      id = g_strdup_printf ("%s-%u", base, suffix++);
    }
  /* A base that clashed is kept as the key of its next suffix; one that did not is the id. */
  if (id != base)
    g_hash_table_insert (tree->next_suffix, base, GUINT_TO_POINTER (suffix));
  node->id = id;
  g_hash_table_add (tree->ids, id);
}

/* part-1, ch-2, ch-2-sec-1, art-3, art-3-cl-2, art-3-cl-2-pt-a, art-3-p1 */
static char *
base_id (ImportTree           *tree,
         ImportNode           *node,
         Slot                  slot,
         const SodoImportLine *line)
{
  g_autofree char *number = number_for_id (node->number);
  const char *prefix = node->parent != NULL ? node->parent->id : "";
  const char *dash = node->parent != NULL ? "-" : "";

  if (node->number == NULL || number[0] == '\0')
    {
      guint n = node->parent != NULL ? ++node->parent->n_paragraphs : ++tree->n_top_paragraphs;
      return g_strdup_printf ("%s%sp%u", prefix, dash, n);
    }
  switch (slot)
    {
    case SLOT_PART:
      return g_strdup_printf ("part-%d", line->value);
    case SLOT_CHAPTER:
      return g_strdup_printf ("ch-%d", line->value);
    case SLOT_SECTION:
      return g_strdup_printf ("%s%ssec-%d", prefix, dash, line->value);
    case SLOT_ARTICLE:
      return g_strdup_printf ("art-%d", line->value);
    case SLOT_CLAUSE:
      return g_strdup_printf ("%s%scl-%s", prefix, dash, number);
    case SLOT_POINT:
      return g_strdup_printf ("%s%spt-%s", prefix, dash, number);
    case SLOT_SUBPOINT:
    case SLOT_BULLET:
    case SLOT_PLUS:
    case N_SLOTS:
    default:
      return g_strdup_printf ("%s%sp-%s", prefix, dash, number);
    }
}

/* ------------------------------------------------------------------ nodes */

static ImportNode *
tree_new_node (ImportTree *tree,
               SodoLevel   level,
               ImportNode *parent)
{
  ImportNode *node = g_new0 (ImportNode, 1);

  node->level = level;
  node->parent = parent;
  if (parent == NULL)
    g_ptr_array_add (tree->body, node);
  else
    {
      if (parent->children == NULL)
        parent->children = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
      g_ptr_array_add (parent->children, node);
    }
  tree->n_nodes++;
  return node;
}

static ImportNode *
tree_deepest_open (ImportTree *tree,
                   Slot        below)
{
  int k;

  for (k = (int) below - 1; k >= 0; k--)
    if (tree->open[k] != NULL)
      return tree->open[k];
  return NULL;
}

/* Closes @slot and every deeper one. Numbering restarts below, except for chapters and
 * articles, which run through the whole document. */
static void
tree_close_from (ImportTree *tree,
                 Slot        slot)
{
  guint k;

  for (k = slot; k < N_SLOTS; k++)
    {
      tree->open[k] = NULL;
      if (k != SLOT_CHAPTER && k != SLOT_ARTICLE && k != SLOT_PART)
        tree->last_marker[k] = NULL;
    }
}

static void
tree_check_sequence (ImportTree           *tree,
                     Slot                  slot,
                     const SodoImportLine *line)
{
  const SodoImportLine *prev = tree->last_marker[slot];

  if (prev != NULL && line->value != prev->value + 1)
    {
      g_autofree char *marker = marker_of (line);
      g_autofree char *prev_marker = marker_of (prev);

      tree_warn (tree, SODO_ERROR_STRUCTURE, line->lineno,
                 /* Translators: the markers as printed, e.g. “Điều 3.” after “Điều 5.” */
                 _("Numbering out of sequence: “%s” follows “%s” (line %u); imported as printed"),
                 marker, prev_marker, prev->lineno);
    }
  tree->last_marker[slot] = line;
}

/* Opens a node for @line in @slot: its parent is the deepest open slot above. */
static ImportNode *
tree_open (ImportTree           *tree,
           Slot                  slot,
           SodoLevel             level,
           const SodoImportLine *line)
{
  ImportNode *node = tree_new_node (tree, level, tree_deepest_open (tree, slot));

  if (line->number_len > 0)
    node->number = g_strndup (line->text + line->number_start, line->number_len);
  /* "PHẦN THỨ NHẤT" in capitals is typography: the number is "thứ nhất" either way. */
  if (line->kind == SODO_IMPORT_LINE_PART && _sodo_import_skip_word_ci (node->number, "thứ") != NULL)
    {
      char *lower = g_utf8_strdown (node->number, -1);

      g_free (node->number);
      node->number = lower;
    }
  if (slot < SLOT_BULLET)
    tree_check_sequence (tree, slot, line);
  tree_set_id (tree, node, base_id (tree, node, slot, line));

  tree_close_from (tree, slot + 1);
  tree->open[slot] = node;
  tree->text_node = node;
  tree->has_structure = TRUE;
  return node;
}

/* Appends @text to @node; past the loader's string limit, the rest goes on in new
 * paragraphs so that the file stays loadable and nothing is lost. */
static void
tree_append_text (ImportTree *tree,
                  ImportNode *node,
                  const char *text,
                  gboolean    blank_before,
                  guint       lineno)
{
  if (node->text == NULL)
    node->text = g_string_new (NULL);

  while (node->text->len + strlen (text) + 1 > MAX_TEXT_LENGTH)
    {
      gsize room = node->text->len + 1 < MAX_TEXT_LENGTH ? MAX_TEXT_LENGTH - node->text->len - 1 : 0;
      ImportNode *parent;

      while (room > 0 && ((guchar) text[room] & 0xC0) == 0x80)
        room--;
      if (room > 0)
        {
          g_autofree char *piece = g_strndup (text, room);

          _sodo_import_join (node->text, piece, blank_before);
          text += room;
        }

      parent = node->level == SODO_LEVEL_PARAGRAPH && (node->overflow || node->free_text) ?
               node->parent : node;
      node = tree_new_node (tree, SODO_LEVEL_PARAGRAPH, parent);
      node->overflow = TRUE;
      node->text = g_string_new (NULL);
      tree_set_id (tree, node, base_id (tree, node, SLOT_PLUS, NULL));
      tree->text_node = node;
      blank_before = FALSE;
      tree_warn (tree, SODO_ERROR_LIMIT, lineno,
                 _("A text longer than one node may hold was continued in a new paragraph"));
    }
  _sodo_import_join (node->text, text, blank_before);
}

static ImportNode *
tree_free_paragraph (ImportTree *tree)
{
  ImportNode *node;

  tree_close_from (tree, SLOT_PART);
  node = tree_new_node (tree, SODO_LEVEL_PARAGRAPH, NULL);
  node->free_text = TRUE;
  tree_set_id (tree, node, base_id (tree, node, SLOT_PLUS, NULL));
  tree->text_node = node;
  return node;
}

/* ------------------------------------------------------------------ titles */

/* Whether @line goes on with the title of the heading above: a heading broken across lines
 * ("Điều 5. Quan hệ công tác với Ban Thường vụ" + "Tỉnh ủy"), or a title in capitals on two
 * lines. Body text starts with a capital and reads as a sentence. */
static gboolean
tree_title_continues (ImportTree           *tree,
                      const SodoImportLine *line)
{
  GString *title = tree->title_node->title;
  const char *s = line->text;

  if (title == NULL || title->len + strlen (s) + 1 > MAX_TITLE_LENGTH ||
      _sodo_import_ends_sentence (title->str, title->len))
    return FALSE;
  if (_sodo_import_starts_lower (s) || _sodo_import_ends_dangling (title->str))
    return TRUE;
  if (_sodo_import_is_all_caps (title->str) && _sodo_import_is_all_caps (s))
    return TRUE;
  return _sodo_import_starts_upper (s) && _sodo_import_count_words (s) <= 6 &&
         !_sodo_import_ends_sentence (s, strlen (s)) && _sodo_import_ends_in_name (title->str);
}

/* An article "title" that is a long sentence with a full stop is the article's text:
 * "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Ban Thường vụ Tỉnh ủy." */
static void
tree_close_title (ImportTree *tree)
{
  ImportNode *node = tree->title_node;
  GString *title;
  char last;

  tree->title_node = NULL;
  if (node == NULL || node->level != SODO_LEVEL_ARTICLE || node->title == NULL)
    return;
  title = node->title;
  last = title->str[title->len - 1];
  if ((last != '.' && last != ';') || _sodo_import_count_words (title->str) < 10)
    return;

  if (node->text != NULL)
    {
      g_string_prepend_c (node->text, '\n');
      g_string_prepend (node->text, title->str);
      g_string_free (title, TRUE);
    }
  else
    node->text = title;
  node->title = NULL;
}

static void
tree_set_heading_title (ImportTree           *tree,
                        ImportNode           *node,
                        const SodoImportLine *line)
{
  const char *rest = line->text + line->rest;

  if (*rest == '\0')
    tree->title_pending = node;
  else if (strlen (rest) > MAX_TITLE_LENGTH / 2)
    tree_append_text (tree, node, rest, FALSE, line->lineno);
  else
    {
      node->title = g_string_new (rest);
      tree->title_node = node;
    }
}

/* ------------------------------------------------------------------ markers */

static void
tree_add_text (ImportTree           *tree,
               const SodoImportLine *line)
{
  ImportNode *target;

  if (tree->title_pending != NULL)
    {
      ImportNode *node = g_steal_pointer (&tree->title_pending);

      if (strlen (line->text) <= MAX_TITLE_LENGTH / 2)
        {
          node->title = g_string_new (line->text);
          tree->title_node = node;
          return;
        }
    }
  if (tree->title_node != NULL && tree_title_continues (tree, line))
    {
      g_string_append_c (tree->title_node->title, ' ');
      g_string_append (tree->title_node->title, line->text);
      return;
    }
  tree_close_title (tree);

  target = tree->text_node;
  if (target == NULL || (target->free_text && tree->blank_before))
    target = tree_free_paragraph (tree);
  tree_append_text (tree, target, line->text, tree->blank_before, line->lineno);
}

static void
tree_heading (ImportTree           *tree,
              Slot                  slot,
              SodoLevel             level,
              const SodoImportLine *line)
{
  tree_set_heading_title (tree, tree_open (tree, slot, level, line), line);
}

/* Tiểu mục has no level of its own in the format: it becomes a numbered paragraph in its
 * section, and the articles after it stay in the section. */
static void
tree_subsection (ImportTree           *tree,
                 const SodoImportLine *line)
{
  ImportNode *node = tree_new_node (tree, SODO_LEVEL_PARAGRAPH,
                                    tree_deepest_open (tree, SLOT_ARTICLE));
  g_autofree char *marker = marker_of (line);

  node->number = g_strndup (line->text + line->number_start, line->number_len);
  tree_set_id (tree, node, base_id (tree, node, SLOT_SUBPOINT, line));
  tree_close_from (tree, SLOT_ARTICLE);
  tree->text_node = node;
  tree_set_heading_title (tree, node, line);
  tree_warn (tree, SODO_ERROR_STRUCTURE, line->lineno,
             _("“%s”: the format has no sub-section level; imported as a paragraph of its section"),
             marker);
}

static void
tree_numbered (ImportTree           *tree,
               Slot                  slot,
               SodoLevel             level,
               const SodoImportLine *line)
{
  ImportNode *node = tree_open (tree, slot, level, line);
  g_autofree char *bullet = NULL;
  const char *rest = line->text + line->rest;

  /* A bullet stays in the text: it is how the item was printed. */
  if (slot >= SLOT_BULLET)
    rest = bullet = _sodo_import_bullet_text (line);
  if (*rest != '\0')
    tree_append_text (tree, node, rest, FALSE, line->lineno);
}

/* Decimal numbering of Party texts: "1.1." under clause "1." is a point numbered "1.1";
 * "1.1.1." under that point is a numbered paragraph; without a clause above, "1.1." is
 * itself a clause. */
static void
tree_decimal (ImportTree           *tree,
              const SodoImportLine *line)
{
  if (line->n_parts >= 3 && tree->open[SLOT_POINT] != NULL)
    tree_numbered (tree, SLOT_SUBPOINT, SODO_LEVEL_PARAGRAPH, line);
  else if (tree->open[SLOT_CLAUSE] != NULL)
    tree_numbered (tree, SLOT_POINT, SODO_LEVEL_POINT, line);
  else
    tree_numbered (tree, SLOT_CLAUSE, SODO_LEVEL_CLAUSE, line);
}

static void
tree_point (ImportTree           *tree,
            const SodoImportLine *line)
{
  ImportNode *point = tree->open[SLOT_POINT];

  /* "a)" under a decimal point "1.1" is one level deeper than any point. */
  if (point != NULL && point->number != NULL && strchr (point->number, '.') != NULL)
    tree_numbered (tree, SLOT_SUBPOINT, SODO_LEVEL_PARAGRAPH, line);
  else
    tree_numbered (tree, SLOT_POINT, SODO_LEVEL_POINT, line);
}

static void
tree_signature (ImportTree           *tree,
                const SodoImportLine *line)
{
  ImportNode *node;

  tree_close_from (tree, SLOT_PART);
  node = tree_new_node (tree, SODO_LEVEL_PARAGRAPH, NULL);
  node->free_text = TRUE;
  tree_set_id (tree, node, g_strdup ("signature"));
  tree->signature = node;
  tree->text_node = node;
  tree_append_text (tree, node, line->text, FALSE, line->lineno);
  tree_warn (tree, SODO_ERROR_STRUCTURE, line->lineno,
             _("The signature block was kept as a final paragraph, apart from the last article"));
}

static void
tree_roman (ImportTree           *tree,
            const SodoImportLine *line)
{
  /* "I- QUY ĐỊNH CHUNG" divides a Party text as chapters do, when it has none. */
  if (!tree->has_chapters)
    tree_heading (tree, SLOT_CHAPTER, SODO_LEVEL_CHAPTER, line);
  else if (!tree->has_sections)
    tree_heading (tree, SLOT_SECTION, SODO_LEVEL_SECTION, line);
  else
    {
      g_autofree char *marker = marker_of (line);

      tree_warn (tree, SODO_ERROR_STRUCTURE, line->lineno,
                 _("“%s” numbers a heading in a text that already has chapters and sections; kept as text"),
                 marker);
      tree_add_text (tree, line);
    }
}

static void
tree_add_marker (ImportTree           *tree,
                 const SodoImportLine *line)
{
  switch (line->kind)
    {
    case SODO_IMPORT_LINE_PART:
      tree_heading (tree, SLOT_PART, SODO_LEVEL_PART, line);
      break;
    case SODO_IMPORT_LINE_CHAPTER:
      tree_heading (tree, SLOT_CHAPTER, SODO_LEVEL_CHAPTER, line);
      break;
    case SODO_IMPORT_LINE_SECTION:
      tree_heading (tree, SLOT_SECTION, SODO_LEVEL_SECTION, line);
      break;
    case SODO_IMPORT_LINE_SUBSECTION:
      tree_subsection (tree, line);
      break;
    case SODO_IMPORT_LINE_ARTICLE:
      tree_heading (tree, SLOT_ARTICLE, SODO_LEVEL_ARTICLE, line);
      break;
    case SODO_IMPORT_LINE_ROMAN:
      tree_roman (tree, line);
      break;
    case SODO_IMPORT_LINE_CLAUSE:
      tree_numbered (tree, SLOT_CLAUSE, SODO_LEVEL_CLAUSE, line);
      break;
    case SODO_IMPORT_LINE_DECIMAL:
      tree_decimal (tree, line);
      break;
    case SODO_IMPORT_LINE_POINT:
      tree_point (tree, line);
      break;
    case SODO_IMPORT_LINE_BULLET:
      tree_numbered (tree, SLOT_BULLET, SODO_LEVEL_PARAGRAPH, line);
      break;
    case SODO_IMPORT_LINE_PLUS:
      tree_numbered (tree, SLOT_PLUS, SODO_LEVEL_PARAGRAPH, line);
      break;
    case SODO_IMPORT_LINE_SIGNATURE:
      tree_signature (tree, line);
      break;
    case SODO_IMPORT_LINE_BLANK:
    case SODO_IMPORT_LINE_TEXT:
    case SODO_IMPORT_LINE_RULE:
    case SODO_IMPORT_LINE_PAGE_NUMBER:
    case SODO_IMPORT_LINE_CONTENTS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_strong_marker (SodoImportLineKind kind)
{
  return kind == SODO_IMPORT_LINE_PART || kind == SODO_IMPORT_LINE_CHAPTER ||
         kind == SODO_IMPORT_LINE_ARTICLE;
}

/* Returns the kind @line is read as: markers after a dangling line, markers past the node
 * limit and letters that are not point letters are text. */
static SodoImportLineKind
tree_effective_kind (ImportTree           *tree,
                     const SodoImportLine *line)
{
  SodoImportLineKind kind = line->kind;

  if (kind != SODO_IMPORT_LINE_TEXT && tree->prev != NULL &&
      _sodo_import_ends_dangling (tree->prev->text))
    return SODO_IMPORT_LINE_TEXT;
  if (kind != SODO_IMPORT_LINE_TEXT && tree->n_nodes >= MAX_MARKER_NODES)
    {
      if (!tree->warned_node_limit)
        tree_warn (tree, SODO_ERROR_LIMIT, line->lineno,
                   _("Too many numbered items: from here on they are imported as text"));
      tree->warned_node_limit = TRUE;
      return SODO_IMPORT_LINE_TEXT;
    }
  return kind;
}

/* A table of contents repeats the headings with page numbers: left out, with one warning
 * for each run of its lines. */
static void
tree_skip_contents (ImportTree           *tree,
                    const SodoImportLine *line)
{
  if (!tree->in_contents)
    tree_warn (tree, SODO_ERROR_STRUCTURE, line->lineno,
               _("A table of contents was left out"));
  tree->in_contents = TRUE;
}

static void
tree_add_line (ImportTree           *tree,
               const SodoImportLine *line)
{
  SodoImportLineKind kind;

  switch (line->kind)
    {
    case SODO_IMPORT_LINE_BLANK:
      tree->blank_before = TRUE;
      tree->prev = NULL;
      tree_close_title (tree);
      return;
    case SODO_IMPORT_LINE_RULE:
      return;
    case SODO_IMPORT_LINE_PAGE_NUMBER:
      tree_warn (tree, SODO_ERROR_VALUE, line->lineno,
                 _("“%s” looks like a page number of a printed copy and was left out"),
                 line->text);
      return;
    case SODO_IMPORT_LINE_CONTENTS:
      tree_skip_contents (tree, line);
      return;
    default:
      break;
    }
  tree->in_contents = FALSE;

  kind = tree_effective_kind (tree, line);
  if (tree->signature != NULL && !is_strong_marker (kind))
    {
      /* Signature lines (office, name, recipients) are items, one a line. */
      tree_append_text (tree, tree->text_node, line->text, TRUE, line->lineno);
    }
  else
    {
      tree->signature = NULL;
      if (line->bad_letter)
        tree_warn (tree, SODO_ERROR_VALUE, line->lineno,
                   _("“%.2s” is not a Vietnamese point letter (f, j, w and z are not used); kept as text"),
                   line->text);
      if (kind == SODO_IMPORT_LINE_TEXT)
        tree_add_text (tree, line);
      else
        {
          tree_close_title (tree);
          tree->title_pending = NULL;
          tree_add_marker (tree, line);
        }
    }
  tree->prev = line;
  tree->blank_before = FALSE;
}

/* ------------------------------------------------------------------ JSON */

static void
add_l_member (JsonBuilder *builder,
              const char  *member,
              const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "vi");
  json_builder_add_string_value (builder, value);
  json_builder_end_object (builder);
}

static void
add_node (JsonBuilder *builder,
          ImportNode  *node)
{
  static const char *const level_names[] = {
    "part", "chapter", "section", "article", "clause", "point", "paragraph",
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, node->id);
  json_builder_set_member_name (builder, "level");
  json_builder_add_string_value (builder, level_names[node->level]);
  if (node->number != NULL)
    {
      json_builder_set_member_name (builder, "number");
      json_builder_add_string_value (builder, node->number);
    }
  /* The builder copies the strings: release them as we go, so that a big import does not
   * hold its text twice. */
  if (node->title != NULL && node->title->len > 0)
    add_l_member (builder, "title", node->title->str);
  if (node->text != NULL && node->text->len > 0)
    add_l_member (builder, "text", node->text->str);
  if (node->title != NULL)
    g_string_free (g_steal_pointer (&node->title), TRUE);
  if (node->text != NULL)
    g_string_free (g_steal_pointer (&node->text), TRUE);
  if (node->children != NULL)
    {
      guint i;

      json_builder_set_member_name (builder, "children");
      json_builder_begin_array (builder);
      /* Depth is bounded by the slots (at most ten levels), so recursion is safe. */
      for (i = 0; i < node->children->len; i++)
        add_node (builder, g_ptr_array_index (node->children, i));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static const char *
first_heading_title (GPtrArray *nodes)
{
  guint i;

  for (i = 0; nodes != NULL && i < nodes->len; i++)
    {
      ImportNode *node = g_ptr_array_index (nodes, i);
      const char *title;

      if (node->level <= SODO_LEVEL_ARTICLE && node->title != NULL && node->title->len > 0)
        return node->title->str;
      if (node->level < SODO_LEVEL_ARTICLE && (title = first_heading_title (node->children)) != NULL)
        return title;
    }
  return NULL;
}

static JsonNode *
build_json (ImportTree       *tree,
            SodoImportHeader *header,
            const char       *id,
            const char       *title)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint i;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "sodo-regulation");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  add_l_member (builder, "title", title);
  if (header->number != NULL)
    {
      json_builder_set_member_name (builder, "number");
      json_builder_add_string_value (builder, header->number);
    }
  /* A number and a date without "DỰ THẢO" mean the text was issued. */
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder,
                                 header->number != NULL && header->date != NULL && !header->draft ?
                                 "issued" : "draft");
  if (header->date != NULL)
    {
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, header->date);
    }
  if (header->issuer != NULL)
    add_l_member (builder, "issuer", header->issuer);
  if (header->description != NULL)
    add_l_member (builder, "description", header->description);

  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);
  for (i = 0; i < tree->body->len; i++)
    add_node (builder, g_ptr_array_index (tree->body, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* ------------------------------------------------------------------ import */

static guint
find_body_start (SodoImportText *text)
{
  guint i;

  for (i = 0; i < text->lines->len; i++)
    {
      SodoImportLineKind kind = g_array_index (text->lines, SodoImportLine, i).kind;

      if (kind >= SODO_IMPORT_LINE_PART && kind <= SODO_IMPORT_LINE_POINT)
        return i;
    }
  return text->lines->len;
}

static const SodoImportLine *
find_text (SodoImportText *text)
{
  guint i;

  for (i = 0; i < text->lines->len; i++)
    if (g_array_index (text->lines, SodoImportLine, i).kind != SODO_IMPORT_LINE_BLANK)
      return &g_array_index (text->lines, SodoImportLine, i);
  return NULL;
}

/* "- Căn cứ …", "BAN BÍ THƯ QUY ĐỊNH": what stands between the header and the body. */
static void
tree_add_preamble (ImportTree     *tree,
                   SodoImportText *text,
                   guint           start,
                   guint           end)
{
  ImportNode *node = NULL;
  gboolean blank_before = FALSE;
  guint i;

  for (i = start; i < end; i++)
    {
      const SodoImportLine *line = &g_array_index (text->lines, SodoImportLine, i);

      if (line->kind == SODO_IMPORT_LINE_BLANK)
        blank_before = TRUE;
      if (line->kind == SODO_IMPORT_LINE_CONTENTS)
        tree_skip_contents (tree, line);
      else if (line->kind != SODO_IMPORT_LINE_BLANK)
        tree->in_contents = FALSE;
      if (line->kind == SODO_IMPORT_LINE_BLANK || line->kind == SODO_IMPORT_LINE_RULE ||
          line->kind == SODO_IMPORT_LINE_PAGE_NUMBER || line->kind == SODO_IMPORT_LINE_CONTENTS)
        continue;
      if (node == NULL)
        {
          node = tree_new_node (tree, SODO_LEVEL_PARAGRAPH, NULL);
          node->free_text = TRUE;
          tree_set_id (tree, node, g_strdup ("preamble"));
          tree->text_node = node;
        }
      if (line->kind == SODO_IMPORT_LINE_BULLET || line->kind == SODO_IMPORT_LINE_PLUS)
        {
          g_autofree char *bullet = _sodo_import_bullet_text (line);

          tree_append_text (tree, tree->text_node, bullet, blank_before, line->lineno);
        }
      else
        tree_append_text (tree, tree->text_node, line->text, blank_before, line->lineno);
      blank_before = FALSE;
    }
  tree->text_node = NULL;
}

static char *
choose_title (ImportTree       *tree,
              SodoImportHeader *header,
              const char       *id_hint,
              const char       *id)
{
  const char *heading;

  if (header->title != NULL)
    return g_strdup (header->title);

  heading = first_heading_title (tree->body);
  if (heading != NULL)
    {
      tree_warn (tree, SODO_ERROR_MISSING, 0,
                 _("No document type and subject found above the text; its first heading is used as the title"));
      return g_strdup (heading);
    }
  tree_warn (tree, SODO_ERROR_MISSING, 0,
             _("No title found in the text; the file name is used as the title"));
  return g_strdup (id_hint != NULL && id_hint[0] != '\0' ? id_hint : id);
}

JsonNode *
sodo_regulation_import_text (const char      *text,
                             gssize           length,
                             const char      *id_hint,
                             SodoDiagnostics *diags)
{
  g_autoptr(SodoImportText) lines = _sodo_import_text_new (text, length, diags);
  ImportTree tree = { 0 };
  SodoImportHeader header;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  JsonNode *root;
  guint body_start, i;

  tree.diags = diags;
  tree.body = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  tree.ids = g_hash_table_new (g_str_hash, g_str_equal);
  tree.next_suffix = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  body_start = find_body_start (lines);
  _sodo_import_header_parse (&header, lines, body_start);
  for (i = body_start; i < lines->lines->len; i++)
    {
      SodoImportLineKind kind = g_array_index (lines->lines, SodoImportLine, i).kind;

      tree.has_chapters = tree.has_chapters || kind == SODO_IMPORT_LINE_CHAPTER;
      tree.has_sections = tree.has_sections || kind == SODO_IMPORT_LINE_SECTION;
    }

  /* With no structure at all, what follows the header is the text itself, not a preamble. */
  if (body_start < lines->lines->len)
    tree_add_preamble (&tree, lines, header.end, body_start);
  else
    body_start = header.end;
  for (i = body_start; i < lines->lines->len; i++)
    tree_add_line (&tree, &g_array_index (lines->lines, SodoImportLine, i));
  tree_close_title (&tree);

  if (lines->lines->len == 0 || find_text (lines) == NULL)
    tree_warn (&tree, SODO_ERROR_MISSING, 0, _("The text is empty"));
  else if (!tree.has_structure && tree.n_nodes > 0)
    tree_warn (&tree, SODO_ERROR_STRUCTURE, 1,
               _("No parts, chapters, articles or numbered items were recognised; the text was imported as paragraphs"));

  id = _sodo_import_make_id (id_hint);
  if (id == NULL)
    id = _sodo_import_make_id (header.number);
  if (id == NULL)
    id = g_strdup ("imported-regulation");
  title = choose_title (&tree, &header, id_hint, id);

  root = build_json (&tree, &header, id, title);

  _sodo_import_header_clear (&header);
  g_ptr_array_unref (tree.body);
  g_hash_table_unref (tree.ids);
  g_hash_table_unref (tree.next_suffix);
  return root;
}
