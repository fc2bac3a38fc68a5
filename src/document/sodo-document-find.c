/* sodo-document-find.c: finding text in a buffer the Vietnamese way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "model/sodo-language.h"

#include "sodo-document-find.h"

typedef struct {
  int start;   /* character offsets in the buffer */
  int end;
} Match;

struct _SodoDocumentFind
{
  GObject        parent_instance;

  GtkTextBuffer *buffer;
  GtkTextTag    *match_tag;
  GtkTextTag    *current_tag;
  char          *query;
  GArray        *matches;        /* Match, in buffer order */
  guint          current;
  GHashTable    *fold_cache;     /* gunichar -> folded string */
};

G_DEFINE_FINAL_TYPE (SodoDocumentFind, sodo_document_find, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_MATCHES,
  PROP_CURRENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SodoDocumentFind *
sodo_document_find_new (GtkTextBuffer *buffer)
{
  SodoDocumentFind *self;
  GdkRGBA match = { 0.96, 0.83, 0.18, 0.45 };
  GdkRGBA current = { 1.0, 0.47, 0.0, 0.65 };

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  self = g_object_new (SODO_TYPE_DOCUMENT_FIND, NULL);
  self->buffer = g_object_ref (buffer);
  self->match_tag = gtk_text_buffer_create_tag (buffer, "find-match",
                                                "background-rgba", &match, NULL);
  self->current_tag = gtk_text_buffer_create_tag (buffer, "find-current",
                                                  "background-rgba", &current, NULL);

  return self;
}

GtkTextBuffer *
sodo_document_find_get_buffer (SodoDocumentFind *self)
{
  g_return_val_if_fail (SODO_IS_DOCUMENT_FIND (self), NULL);

  return self->buffer;
}

const char *
sodo_document_find_get_query (SodoDocumentFind *self)
{
  g_return_val_if_fail (SODO_IS_DOCUMENT_FIND (self), NULL);

  return self->query;
}

/* The folded form of one character, as sodo_fold_for_search() folds it in a string. */
static const char *
fold_char (SodoDocumentFind *self,
           gunichar          c)
{
  char utf8[8] = { 0 };
  char *folded;

  folded = g_hash_table_lookup (self->fold_cache, GUINT_TO_POINTER (c));
  if (folded != NULL)
    return folded;

  /* Tabs stand between a label and its text: searching "1. Dang" should find "1.\tĐảng". */
  g_unichar_to_utf8 (c == '\t' || c == 0x00A0 || c == 0x2009 ? ' ' : c, utf8);
  folded = sodo_fold_for_search (utf8);
  g_hash_table_insert (self->fold_cache, GUINT_TO_POINTER (c), folded);

  return folded;
}

/* Folds @text one character at a time; @char_starts gets, for each character and one past
 * the last, where its folded form starts in the result. */
static char *
fold_with_map (SodoDocumentFind *self,
               const char       *text,
               GArray           *char_starts)
{
  GString *folded = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guint32 start = folded->len;

      g_array_append_val (char_starts, start);
      g_string_append (folded, fold_char (self, g_utf8_get_char (p)));
    }
  {
    guint32 end = folded->len;

    g_array_append_val (char_starts, end);
  }

  return g_string_free (folded, FALSE);
}

/* The character whose folded form holds byte @position of the folded text. */
static int
char_at_folded (GArray  *char_starts,
                guint32  position)
{
  guint low = 0;
  guint high = char_starts->len - 1;

  /* The last character starting at or before @position with a non-empty folded form. */
  while (low < high)
    {
      guint middle = low + (high - low + 1) / 2;

      if (g_array_index (char_starts, guint32, middle) <= position)
        low = middle;
      else
        high = middle - 1;
    }
  while (low > 0 && g_array_index (char_starts, guint32, low + 1)
                    == g_array_index (char_starts, guint32, low))
    low--;

  return (int) low;
}

/* One past the last character whose folded form ends at or before byte @position; marks
 * that fold to nothing right after the match belong to its last letter. */
static int
char_end_at_folded (GArray  *char_starts,
                    guint32  position)
{
  guint n_chars = char_starts->len - 1;
  guint index = char_at_folded (char_starts, position - 1) + 1;

  while (index < n_chars && g_array_index (char_starts, guint32, index + 1)
                            == g_array_index (char_starts, guint32, index))
    index++;

  return (int) index;
}

static void
clear_tags (SodoDocumentFind *self)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->match_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->current_tag, &start, &end);
}

static void
find_matches (SodoDocumentFind *self)
{
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) char_starts = NULL;
  GtkTextIter start;
  GtkTextIter end;
  gsize needle_len;

  g_array_set_size (self->matches, 0);
  if (self->query == NULL)
    return;
  needle = sodo_fold_for_search (self->query);
  needle_len = strlen (needle);
  if (needle_len == 0)
    return;

  /* The slice keeps one character for each embedded widget, so offsets line up. */
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_slice (self->buffer, &start, &end, TRUE);
  char_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  haystack = fold_with_map (self, text, char_starts);

  for (const char *hit = strstr (haystack, needle); hit != NULL;
       hit = strstr (hit + needle_len, needle))
    {
      guint32 position = hit - haystack;
      Match match = {
        char_at_folded (char_starts, position),
        char_end_at_folded (char_starts, position + needle_len),
      };

      g_array_append_val (self->matches, match);
    }
}

static void
get_match_iters (SodoDocumentFind *self,
                 guint             index,
                 GtkTextIter      *start,
                 GtkTextIter      *end)
{
  const Match *match = &g_array_index (self->matches, Match, index);

  gtk_text_buffer_get_iter_at_offset (self->buffer, start, match->start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, end, match->end);
}

static void
set_current (SodoDocumentFind *self,
             guint             current)
{
  GtkTextIter start;
  GtkTextIter end;

  if (self->current != SODO_DOCUMENT_FIND_NONE && self->current < self->matches->len)
    {
      get_match_iters (self, self->current, &start, &end);
      gtk_text_buffer_remove_tag (self->buffer, self->current_tag, &start, &end);
    }

  self->current = current;
  if (current != SODO_DOCUMENT_FIND_NONE)
    {
      get_match_iters (self, current, &start, &end);
      gtk_text_buffer_apply_tag (self->buffer, self->current_tag, &start, &end);
      /* The cursor goes to the match, so a view scrolls to it and Ctrl+C copies it. */
      gtk_text_buffer_select_range (self->buffer, &start, &end);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

/* The first match at or after the cursor, else the first one. */
static guint
first_after_cursor (SodoDocumentFind *self)
{
  GtkTextIter cursor;
  GtkTextIter bound;
  int offset;

  if (self->matches->len == 0)
    return SODO_DOCUMENT_FIND_NONE;

  gtk_text_buffer_get_selection_bounds (self->buffer, &cursor, &bound);
  offset = gtk_text_iter_get_offset (&cursor);
  for (guint i = 0; i < self->matches->len; i++)
    if (g_array_index (self->matches, Match, i).start >= offset)
      return i;

  return 0;
}

static void
update (SodoDocumentFind *self)
{
  guint n_before = self->matches->len;

  clear_tags (self);
  self->current = SODO_DOCUMENT_FIND_NONE;
  find_matches (self);

  for (guint i = 0; i < self->matches->len; i++)
    {
      GtkTextIter start;
      GtkTextIter end;

      get_match_iters (self, i, &start, &end);
      gtk_text_buffer_apply_tag (self->buffer, self->match_tag, &start, &end);
    }

  if (n_before != self->matches->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
  set_current (self, first_after_cursor (self));
}

void
sodo_document_find_set_query (SodoDocumentFind *self,
                              const char       *query)
{
  g_return_if_fail (SODO_IS_DOCUMENT_FIND (self));

  if (g_strcmp0 (query, self->query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);
  update (self);
}

void
sodo_document_find_refresh (SodoDocumentFind *self)
{
  g_return_if_fail (SODO_IS_DOCUMENT_FIND (self));

  update (self);
}

guint
sodo_document_find_get_n_matches (SodoDocumentFind *self)
{
  g_return_val_if_fail (SODO_IS_DOCUMENT_FIND (self), 0);

  return self->matches->len;
}

guint
sodo_document_find_get_current (SodoDocumentFind *self)
{
  g_return_val_if_fail (SODO_IS_DOCUMENT_FIND (self), SODO_DOCUMENT_FIND_NONE);

  return self->current;
}

gboolean
sodo_document_find_get_match (SodoDocumentFind *self,
                              guint             index,
                              GtkTextIter      *start,
                              GtkTextIter      *end)
{
  g_return_val_if_fail (SODO_IS_DOCUMENT_FIND (self), FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  if (index >= self->matches->len)
    return FALSE;
  get_match_iters (self, index, start, end);

  return TRUE;
}

void
sodo_document_find_next (SodoDocumentFind *self)
{
  g_return_if_fail (SODO_IS_DOCUMENT_FIND (self));

  if (self->matches->len == 0)
    return;
  if (self->current == SODO_DOCUMENT_FIND_NONE)
    set_current (self, first_after_cursor (self));
  else
    set_current (self, (self->current + 1) % self->matches->len);
}

void
sodo_document_find_previous (SodoDocumentFind *self)
{
  g_return_if_fail (SODO_IS_DOCUMENT_FIND (self));

  if (self->matches->len == 0)
    return;
  if (self->current == SODO_DOCUMENT_FIND_NONE || self->current == 0)
    set_current (self, self->matches->len - 1);
  else
    set_current (self, self->current - 1);
}

static void
sodo_document_find_finalize (GObject *object)
{
  SodoDocumentFind *self = SODO_DOCUMENT_FIND (object);

  g_clear_object (&self->buffer);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->fold_cache, g_hash_table_unref);

  G_OBJECT_CLASS (sodo_document_find_parent_class)->finalize (object);
}

static void
sodo_document_find_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SodoDocumentFind *self = SODO_DOCUMENT_FIND (object);

  switch (prop_id)
    {
    case PROP_N_MATCHES:
      g_value_set_uint (value, self->matches->len);
      break;

    case PROP_CURRENT:
      g_value_set_uint (value, self->current);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_document_find_class_init (SodoDocumentFindClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sodo_document_find_finalize;
  object_class->get_property = sodo_document_find_get_property;

  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT] =
    g_param_spec_uint ("current", NULL, NULL, 0, G_MAXUINT, SODO_DOCUMENT_FIND_NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sodo_document_find_init (SodoDocumentFind *self)
{
  self->matches = g_array_new (FALSE, FALSE, sizeof (Match));
  self->current = SODO_DOCUMENT_FIND_NONE;
  self->fold_cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}
