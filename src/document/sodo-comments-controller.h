/* sodo-comments-controller.h: the comments on the open regulation, kept safe
 *
 * The controller owns the comments of one regulation: it loads them from the comments
 * store when the regulation changes, and saves them after every change, however made (in a
 * worker thread, one save at a time, the newest state always written last). Deleting,
 * editing and restoring can be undone. The text of a comment being written is kept as a
 * draft on disk, a second after each keystroke, and offered back after a crash.
 *
 * A damaged comments file is never overwritten: the store sets it aside, the controller says
 * so ("problem") and offers the backup the store kept ("backup-file"). A file that cannot be
 * read at all (permissions, a newer Sodo) leaves the comments read-only ("editable" FALSE)
 * rather than saving an empty set over it.
 *
 * Two controllers on the same regulation (a window rebuilt in another language) share one
 * set of comments, so that neither saves an older state over the other's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/sodo-comments.h"
#include "model/sodo-regulation.h"

G_BEGIN_DECLS

/* A comment being written: a new one (no @comment_id) or an edit of one. */
typedef struct {
  char            *comment_id;     /* nullable */
  char            *target;         /* a node id */
  SodoCommentKind  kind;
  char            *author;         /* nullable */
  char            *organization;   /* nullable */
  char            *text;
} SodoCommentDraft;

SodoCommentDraft *sodo_comment_draft_copy (const SodoCommentDraft *draft);
void              sodo_comment_draft_free (SodoCommentDraft       *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SodoCommentDraft, sodo_comment_draft_free)

/* The debounce of the draft on disk. */
#define SODO_COMMENT_DRAFT_DELAY_MS 1000

#define SODO_TYPE_COMMENTS_CONTROLLER (sodo_comments_controller_get_type ())
G_DECLARE_FINAL_TYPE (SodoCommentsController, sodo_comments_controller, SODO,
                      COMMENTS_CONTROLLER, GObject)

SodoCommentsController *sodo_comments_controller_new               (void);

/* Loads the comments on @regulation (nullable) from the store; what was open is saved
 * first. */
void                sodo_comments_controller_set_regulation        (SodoCommentsController *self,
                                                                    SodoRegulation         *regulation);
SodoRegulation     *sodo_comments_controller_get_regulation        (SodoCommentsController *self);
/* The comments (NULL without a regulation). Changing them directly is saved too. */
SodoComments       *sodo_comments_controller_get_comments          (SodoCommentsController *self);
/* Where they are saved: <user data dir>/sodo/comments/<regulation-id>.json. */
GFile              *sodo_comments_controller_get_file              (SodoCommentsController *self);
gboolean            sodo_comments_controller_get_editable          (SodoCommentsController *self);
/* What went wrong loading or saving, for a banner (NULL when all is well). */
const char         *sodo_comments_controller_get_problem           (SodoCommentsController *self);
/* The backup of a damaged file, to offer (NULL when there is none). */
GFile              *sodo_comments_controller_get_backup_file       (SodoCommentsController *self);
/* Merges the backup into the comments (nothing is dropped) and stops offering it. */
gboolean            sodo_comments_controller_restore_backup        (SodoCommentsController *self,
                                                                    GPtrArray             **out_conflicts,
                                                                    GError                **error);
void                sodo_comments_controller_dismiss_problem       (SodoCommentsController *self);
/* Whether a save is running or waiting (property "busy"). */
gboolean            sodo_comments_controller_get_busy              (SodoCommentsController *self);
/* Saves now, in this thread, if anything is not yet on disk; writes a pending draft. */
void                sodo_comments_controller_flush                 (SodoCommentsController *self);

/* How many comments are on @node itself; and on @node or anything it holds. */
guint               sodo_comments_controller_count_on_node         (SodoCommentsController *self,
                                                                    guint                   node);
guint               sodo_comments_controller_count_in_node         (SodoCommentsController *self,
                                                                    guint                   node);
/* Indices of the comments whose target the regulation does not have. */
GArray             *sodo_comments_controller_get_orphans           (SodoCommentsController *self);

/* The name and organisation new comments are written under (from Preferences). */
char               *sodo_comments_controller_dup_default_author    (SodoCommentsController *self);
char               *sodo_comments_controller_dup_default_organization (SodoCommentsController *self);

/* Changes, each saved. */
const SodoComment  *sodo_comments_controller_add                   (SodoCommentsController *self,
                                                                    const SodoCommentDraft *draft,
                                                                    GError                **error);
/* Sets the text and kind of the comment @draft->comment_id. */
gboolean            sodo_comments_controller_edit                  (SodoCommentsController *self,
                                                                    const SodoCommentDraft *draft,
                                                                    GError                **error);
gboolean            sodo_comments_controller_set_status            (SodoCommentsController *self,
                                                                    const char             *id,
                                                                    SodoCommentStatus       status);
/* Deletes the comment @id and returns the number that undoes it (0 when there was none);
 * emits ::undoable with that number and what was done. */
guint               sodo_comments_controller_delete                (SodoCommentsController *self,
                                                                    const char             *id);
/* Undoes the change numbered @undo_id (a delete puts the comment back where it was, an edit
 * or a status brings the old one back). FALSE when it cannot be undone any more. */
gboolean            sodo_comments_controller_undo                  (SodoCommentsController *self,
                                                                    guint                   undo_id);

/* Merges another author's comments (see sodo_comments_merge()), and saves. */
gboolean            sodo_comments_controller_merge                 (SodoCommentsController *self,
                                                                    SodoComments           *other,
                                                                    guint                  *out_n_added,
                                                                    guint                  *out_n_skipped,
                                                                    GPtrArray             **out_conflicts,
                                                                    GError                **error);
/* Writes all the comments to @file as a sodo-comments file, replacing it atomically. */
gboolean            sodo_comments_controller_export                (SodoCommentsController *self,
                                                                    GFile                  *file,
                                                                    GError                **error);

/* Drafts: <user data dir>/sodo/drafts/<regulation-id>.json. Setting a draft writes it a
 * moment later (SODO_COMMENT_DRAFT_DELAY_MS after the last call); NULL deletes it. */
void                sodo_comments_controller_set_draft             (SodoCommentsController *self,
                                                                    const SodoCommentDraft *draft);
GFile              *sodo_comments_controller_get_draft_file        (SodoCommentsController *self);
/* The draft found on disk when the comments were loaded, left by a crash or a quit with the
 * editor open (property "has-recovered-draft"); NULL when there is none. */
const SodoCommentDraft *sodo_comments_controller_get_recovered_draft (SodoCommentsController *self);
/* Stops offering it; the file is deleted unless a newer draft was set. */
void                sodo_comments_controller_forget_recovered_draft (SodoCommentsController *self);

G_END_DECLS
