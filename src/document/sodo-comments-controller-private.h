/* sodo-comments-controller-private.h: what the comments controller's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sodo-comments-controller.h"

G_BEGIN_DECLS

/* Changes that can be undone, most recent last; older ones are forgotten. */
#define MAX_UNDO 50

typedef enum {
  UNDO_DELETE,   /* put @saved back at @index */
  UNDO_EDIT,     /* put @saved back over the comment with its id */
  UNDO_ADD,      /* remove the comment @saved->id */
} UndoKind;

typedef struct {
  guint        id;
  UndoKind     kind;
  SodoComment *saved;
  guint        index;
} UndoEntry;

struct _SodoCommentsController
{
  GObject           parent_instance;

  SodoRegulation   *regulation;
  SodoComments     *comments;
  GFile            *file;
  GFile            *draft_file;
  GSettings        *settings;            /* NULL where the schema is not installed */
  gulong            changed_id;

  gboolean          editable;
  char             *load_problem;
  char             *save_problem;
  GFile            *backup_file;

  /* One save at a time; a change during a save asks for another one after it. */
  gboolean          saving;
  gboolean          save_pending;

  GArray           *counts;              /* guint per node: comments on the node itself */
  GQueue            undo;                /* UndoEntry */
  guint             last_undo_id;

  SodoCommentDraft *draft;               /* waiting to be written */
  gboolean          draft_dirty;
  guint             draft_timeout_id;
  SodoCommentDraft *recovered_draft;
};

/* NULL for a missing or empty value, which the comments leave out. */
static inline const char *
empty_to_null (const char *str)
{
  return str != NULL && str[0] != '\0' ? str : NULL;
}

/* sodo-comments-controller-drafts.c */
GFile            *_sodo_comments_controller_default_draft_file (const char             *regulation_id);
/* The draft in @file, if it is one about @regulation_id (NULL for none, or a damaged one). */
SodoCommentDraft *_sodo_comments_controller_read_draft         (GFile                  *file,
                                                                const char             *regulation_id);
/* Writes the draft set last, or deletes the file when there is none, if not done yet. */
void              _sodo_comments_controller_write_draft        (SodoCommentsController *self);

/* sodo-comments-controller-changes.c */
void              _sodo_comments_controller_undo_entry_free    (gpointer                entry);

G_END_DECLS
