/* sodo-comments-controller-changes.c: changing the comments, and undoing changes
 *
 * Every change goes through the model, whose ::changed signal makes the controller save.
 * What a change replaced is kept for Undo: a deleted comment with its place, a comment as
 * it was before an edit or a new status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/sodo-error.h"

#include "sodo-comments-controller-private.h"

void
_sodo_comments_controller_undo_entry_free (gpointer data)
{
  UndoEntry *entry = data;

  sodo_comment_free (entry->saved);
  g_free (entry);
}

static gboolean
check_editable (SodoCommentsController  *self,
                GError                 **error)
{
  if (self->comments != NULL && self->editable)
    return TRUE;

  g_set_error_literal (error, SODO_ERROR, SODO_ERROR_IO,
                       self->comments == NULL ? _("No regulation is open")
                                              : _("The comments file could not be read, so "
                                                  "nothing can be saved to it"));
  return FALSE;
}

static guint
push_undo (SodoCommentsController *self,
           UndoKind                kind,
           SodoComment            *saved,
           guint                   index)
{
  UndoEntry *entry = g_new0 (UndoEntry, 1);

  entry->id = ++self->last_undo_id;
  entry->kind = kind;
  entry->saved = saved;
  entry->index = index;
  g_queue_push_tail (&self->undo, entry);
  while (g_queue_get_length (&self->undo) > MAX_UNDO)
    _sodo_comments_controller_undo_entry_free (g_queue_pop_head (&self->undo));

  return entry->id;
}

const SodoComment *
sodo_comments_controller_add (SodoCommentsController  *self,
                              const SodoCommentDraft  *draft,
                              GError                 **error)
{
  const SodoComment *comment;

  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!check_editable (self, error))
    return NULL;

  comment = sodo_comments_add (self->comments, draft->target, empty_to_null (draft->author),
                               empty_to_null (draft->organization), draft->kind, draft->text,
                               error);
  if (comment != NULL)
    push_undo (self, UNDO_ADD, sodo_comment_copy (comment), 0);

  return comment;
}

gboolean
sodo_comments_controller_edit (SodoCommentsController  *self,
                               const SodoCommentDraft  *draft,
                               GError                 **error)
{
  g_autoptr(SodoComment) saved = NULL;
  g_autoptr(GError) local_error = NULL;
  const SodoComment *comment;
  gboolean changed;

  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), FALSE);
  g_return_val_if_fail (draft != NULL && draft->comment_id != NULL, FALSE);

  if (!check_editable (self, error))
    return FALSE;
  comment = sodo_comments_find (self->comments, draft->comment_id);
  if (comment == NULL)
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_REFERENCE,
                   _("The comment “%s” is no longer there"), draft->comment_id);
      return FALSE;
    }

  saved = sodo_comment_copy (comment);
  if (!sodo_comments_set_text (self->comments, draft->comment_id, draft->text, &local_error)
      && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  changed = g_strcmp0 (saved->text, draft->text) != 0;
  changed |= sodo_comments_set_kind (self->comments, draft->comment_id, draft->kind);
  if (changed)
    push_undo (self, UNDO_EDIT, g_steal_pointer (&saved), 0);

  return TRUE;
}

gboolean
sodo_comments_controller_set_status (SodoCommentsController *self,
                                     const char             *id,
                                     SodoCommentStatus       status)
{
  const SodoComment *comment;
  SodoComment *saved;

  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!check_editable (self, NULL))
    return FALSE;
  comment = sodo_comments_find (self->comments, id);
  if (comment == NULL || comment->status == status)
    return FALSE;

  saved = sodo_comment_copy (comment);
  sodo_comments_set_status (self->comments, id, status);
  push_undo (self, UNDO_EDIT, saved, 0);

  return TRUE;
}

guint
sodo_comments_controller_delete (SodoCommentsController *self,
                                 const char             *id)
{
  g_autofree char *description = NULL;
  SodoComment *removed;
  guint index = 0;
  guint undo_id;

  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), 0);
  g_return_val_if_fail (id != NULL, 0);

  if (!check_editable (self, NULL))
    return 0;
  removed = sodo_comments_remove (self->comments, id, &index);
  if (removed == NULL)
    return 0;

  undo_id = push_undo (self, UNDO_DELETE, removed, index);
  description = g_strdup (_("Comment deleted"));
  g_signal_emit_by_name (self, "undoable", undo_id, description);

  return undo_id;
}

static UndoEntry *
find_undo (SodoCommentsController *self,
           guint                   undo_id)
{
  for (GList *l = self->undo.head; l != NULL; l = l->next)
    if (((UndoEntry *) l->data)->id == undo_id)
      return l->data;

  return NULL;
}

gboolean
sodo_comments_controller_undo (SodoCommentsController *self,
                               guint                   undo_id)
{
  UndoEntry *entry;
  gboolean undone = FALSE;

  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), FALSE);

  entry = find_undo (self, undo_id);
  if (entry == NULL || !check_editable (self, NULL))
    return FALSE;

  switch (entry->kind)
    {
    case UNDO_DELETE:
      undone = sodo_comments_insert (self->comments, entry->index, entry->saved, NULL);
      break;

    case UNDO_EDIT:
      undone = sodo_comments_restore (self->comments, entry->saved);
      break;

    case UNDO_ADD:
      {
        SodoComment *removed = sodo_comments_remove (self->comments, entry->saved->id, NULL);

        undone = removed != NULL;
        sodo_comment_free (removed);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  g_queue_remove (&self->undo, entry);
  _sodo_comments_controller_undo_entry_free (entry);

  return undone;
}

gboolean
sodo_comments_controller_merge (SodoCommentsController  *self,
                                SodoComments            *other,
                                guint                   *out_n_added,
                                guint                   *out_n_skipped,
                                GPtrArray              **out_conflicts,
                                GError                 **error)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), FALSE);
  g_return_val_if_fail (SODO_IS_COMMENTS (other), FALSE);

  if (!check_editable (self, error))
    return FALSE;

  /* Each comment added is a change, and each change asks for a save: they are folded into
   * the save running and one after it. */
  return sodo_comments_merge (self->comments, other, out_n_added, out_n_skipped, out_conflicts,
                              error);
}

gboolean
sodo_comments_controller_export (SodoCommentsController  *self,
                                 GFile                   *file,
                                 GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->comments == NULL)
    return check_editable (self, error);

  bytes = sodo_comments_to_bytes (self->comments);
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, SODO_ERROR, SODO_ERROR_IO, _("Could not write “%s”: %s"), name,
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}
