/* sodo-comments-merge.c: merging another author's comments, and finding orphaned ones
 *
 * Comments are people's work: a merge adds, it never drops or overwrites. A comment that
 * differs from the one with the same id here is kept beside it under a new id, and the caller
 * shows the conflict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sodo-comments.h"
#include "sodo-comments-private.h"
#include "sodo-language.h"
#include "sodo-limits.h"

void
sodo_comment_conflict_free (SodoCommentConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->id);
  g_free (conflict->incoming_id);
  g_free (conflict);
}

/* Orphans */

GArray *
sodo_comments_find_orphans (SodoComments   *self,
                            SodoRegulation *regulation)
{
  GArray *orphans;
  guint n_comments;

  g_return_val_if_fail (SODO_IS_COMMENTS (self), NULL);
  g_return_val_if_fail (SODO_IS_REGULATION (regulation), NULL);

  n_comments = sodo_comments_get_n_comments (self);
  orphans = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n_comments; i++)
    {
      const SodoComment *comment = sodo_comments_get_comment (self, i);

      if (sodo_regulation_find_node (regulation, comment->target) == SODO_NO_INDEX)
        g_array_append_val (orphans, i);
    }

  return orphans;
}

/* Merging: the caller shows the conflicts; nothing is lost either way. */

gboolean
_sodo_comment_same_content (const SodoComment *a,
                            const SodoComment *b)
{
  return g_strcmp0 (a->text, b->text) == 0
         && g_strcmp0 (a->target, b->target) == 0
         && a->kind == b->kind
         && a->status == b->status
         && g_strcmp0 (a->author, b->author) == 0
         && g_strcmp0 (a->organization, b->organization) == 0;
}

/* "Thành ủy Hà Nội" -> "thanh-uy-ha-noi": only characters an id may hold. */
static char *
slug_for (const char *organization)
{
  g_autofree char *folded = NULL;
  GString *slug = g_string_new (NULL);

  /* The search folding drops Vietnamese marks and maps "đ" to "d"; what is still not an
   * ASCII letter or digit becomes a dash. */
  if (organization != NULL)
    folded = sodo_fold_for_search (organization);

  for (const char *p = folded; p != NULL && *p != '\0' && slug->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  return g_string_free (slug, FALSE);
}

/* Candidate @attempt (1-based) of the id for an incoming comment that conflicts on @id. */
static char *
conflict_id (const char *id,
             const char *slug,
             guint       attempt)
{
  g_autofree char *suffix = NULL;
  int base_len;

  if (*slug != '\0')
    suffix = attempt == 1 ? g_strdup_printf (":%s", slug)
                          : g_strdup_printf (":%s-%u", slug, attempt);
  else
    suffix = g_strdup_printf (":%u", attempt + 1);

  /* Keep the whole id within the id length limit. */
  base_len = (int) MIN (strlen (id), SODO_MAX_ID_LENGTH - strlen (suffix));
  return g_strdup_printf ("%.*s%s", base_len, id, suffix);
}

/* Adds @incoming, which conflicts with the comment of the same id; returns NULL when it is
 * already here under a conflict id (from an earlier merge of the same file). */
static SodoCommentConflict *
merge_conflicting (SodoComments      *self,
                   const SodoComment *existing,
                   const SodoComment *incoming)
{
  g_autofree char *slug = slug_for (incoming->organization);
  SodoCommentConflict *conflict;
  SodoComment *copy = NULL;

  for (guint attempt = 1; ; attempt++)
    {
      g_autofree char *candidate = conflict_id (incoming->id, slug, attempt);
      const SodoComment *taken = _sodo_comments_lookup (self, candidate);

      if (taken != NULL && _sodo_comment_same_content (taken, incoming))
        return NULL;
      if (taken != NULL)
        continue;

      copy = sodo_comment_copy (incoming);
      g_free (copy->id);
      copy->id = g_steal_pointer (&candidate);
      copy->line = 0;
      break;
    }

  conflict = g_new0 (SodoCommentConflict, 1);
  conflict->id = g_strdup (existing->id);
  conflict->incoming_id = g_strdup (copy->id);
  conflict->same_text = g_strcmp0 (existing->text, incoming->text) == 0;
  _sodo_comments_insert_take (self, sodo_comments_get_n_comments (self), copy);

  return conflict;
}

gboolean
sodo_comments_merge (SodoComments  *self,
                     SodoComments  *other,
                     guint         *out_n_added,
                     guint         *out_n_skipped,
                     GPtrArray    **out_conflicts,
                     GError       **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  guint n_before, n_incoming, n_added, n_skipped = 0;

  g_return_val_if_fail (SODO_IS_COMMENTS (self), FALSE);
  g_return_val_if_fail (SODO_IS_COMMENTS (other), FALSE);
  g_return_val_if_fail (self != other, FALSE);

  if (g_strcmp0 (sodo_comments_get_regulation_id (self),
                 sodo_comments_get_regulation_id (other)) != 0)
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_VALUE,
                   _("these comments are about the regulation “%s”, not “%s”"),
                   sodo_comments_get_regulation_id (other),
                   sodo_comments_get_regulation_id (self));
      return FALSE;
    }

  conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) sodo_comment_conflict_free);
  n_before = sodo_comments_get_n_comments (self);
  n_incoming = sodo_comments_get_n_comments (other);

  for (guint i = 0; i < n_incoming; i++)
    {
      const SodoComment *incoming = sodo_comments_get_comment (other, i);
      const SodoComment *existing = _sodo_comments_lookup (self, incoming->id);
      SodoCommentConflict *conflict;
      SodoComment *copy;

      if (existing == NULL)
        {
          copy = sodo_comment_copy (incoming);
          copy->line = 0;
          _sodo_comments_insert_take (self, sodo_comments_get_n_comments (self), copy);
        }
      else if (_sodo_comment_same_content (existing, incoming))
        n_skipped++;
      else if ((conflict = merge_conflicting (self, existing, incoming)) != NULL)
        g_ptr_array_add (conflicts, conflict);
      else
        n_skipped++;
    }

  n_added = sodo_comments_get_n_comments (self) - n_before;
  if (n_added > 0)
    _sodo_comments_emit_changed (self, n_before, 0, n_added);

  if (out_n_added != NULL)
    *out_n_added = n_added;
  if (out_n_skipped != NULL)
    *out_n_skipped = n_skipped;
  if (out_conflicts != NULL)
    *out_conflicts = g_steal_pointer (&conflicts);

  return TRUE;
}
