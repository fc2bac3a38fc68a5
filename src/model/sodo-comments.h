/* sodo-comments.h: comments on a regulation (format "sodo-comments")
 *
 * Unlike charts and regulations, comments are the user's own work: the set is mutable,
 * saved atomically, and merged without ever dropping a comment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sodo-diagnostics.h"
#include "sodo-regulation.h"

G_BEGIN_DECLS

typedef enum {
  SODO_COMMENT_KIND_COMMENT,
  SODO_COMMENT_KIND_PROPOSAL,
  SODO_COMMENT_KIND_QUESTION,
} SodoCommentKind;

typedef enum {
  SODO_COMMENT_OPEN,
  SODO_COMMENT_ACCEPTED,
  SODO_COMMENT_DECLINED,
  SODO_COMMENT_RESOLVED,
} SodoCommentStatus;

typedef struct {
  char              *id;
  char              *target;          /* a regulation node id */
  char              *author;          /* nullable */
  char              *organization;    /* nullable */
  SodoCommentKind    kind;
  SodoCommentStatus  status;
  char              *created;         /* ISO 8601 with offset */
  char              *updated;
  char              *text;            /* plain text */
  guint              line;            /* line in the file it was read from, 0 when new */
} SodoComment;

SodoComment *sodo_comment_copy  (const SodoComment *comment);
void         sodo_comment_free  (SodoComment       *comment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SodoComment, sodo_comment_free)

#define SODO_TYPE_COMMENTS (sodo_comments_get_type ())
G_DECLARE_FINAL_TYPE (SodoComments, sodo_comments, SODO, COMMENTS, GObject)

SodoComments      *sodo_comments_new              (const char        *regulation_id);
SodoComments      *sodo_comments_load_file        (GFile             *file,
                                                   SodoDiagnostics   *diags,
                                                   GCancellable      *cancellable,
                                                   GError           **error);
SodoComments      *sodo_comments_load_bytes       (GBytes            *bytes,
                                                   const char        *display_name,
                                                   SodoDiagnostics   *diags,
                                                   GError           **error);
/* Serialises to the sodo-comments format (UTF-8 JSON, pretty-printed). */
GBytes            *sodo_comments_to_bytes         (SodoComments      *self);

const char        *sodo_comments_get_regulation_id (SodoComments     *self);
guint              sodo_comments_get_n_comments   (SodoComments      *self);
const SodoComment *sodo_comments_get_comment      (SodoComments      *self,
                                                   guint              index);
const SodoComment *sodo_comments_find             (SodoComments      *self,
                                                   const char        *id);

/* Index of the comment with @id, or SODO_NO_INDEX. */
guint              sodo_comments_get_index        (SodoComments      *self,
                                                   const char        *id);

/* Editing. Every change emits ::changed (position, removed, added), like a GListModel's
 * items-changed. Pointers returned by get_comment()/find() stay valid until the next change. */

/* Appends a new comment with a fresh unique id ("c-YYYYMMDD-XXXXXXXX"), status open,
 * created = updated = now. @author and @organization are nullable. Fails when @target is not
 * an id or @text is empty or too long. Returns the new comment (owned by @self). */
const SodoComment *sodo_comments_add              (SodoComments      *self,
                                                   const char        *target,
                                                   const char        *author,
                                                   const char        *organization,
                                                   SodoCommentKind    kind,
                                                   const char        *text,
                                                   GError           **error);
/* Each setter bumps "updated" and returns TRUE when it changed something; FALSE (no error)
 * when the value is the same or no comment has @id. */
gboolean           sodo_comments_set_text         (SodoComments      *self,
                                                   const char        *id,
                                                   const char        *text,
                                                   GError           **error);
gboolean           sodo_comments_set_kind         (SodoComments      *self,
                                                   const char        *id,
                                                   SodoCommentKind    kind);
gboolean           sodo_comments_set_status       (SodoComments      *self,
                                                   const char        *id,
                                                   SodoCommentStatus  status);
/* Removes the comment with @id and returns it (free with sodo_comment_free), with its index
 * in @out_index (nullable), so that Undo can put it back with sodo_comments_insert().
 * NULL when no comment has @id. */
SodoComment       *sodo_comments_remove           (SodoComments      *self,
                                                   const char        *id,
                                                   guint             *out_index);
/* Inserts a copy of @comment at @index (clamped to the end). Fails with
 * SODO_ERROR_DUPLICATE when its id is taken. */
gboolean           sodo_comments_insert           (SodoComments      *self,
                                                   guint              index,
                                                   const SodoComment *comment,
                                                   GError           **error);
/* Puts back a copy of @saved (a sodo_comment_copy() taken before an edit) over the comment
 * with the same id, every field included: Undo of an edit. FALSE when no comment has its id. */
gboolean           sodo_comments_restore          (SodoComments      *self,
                                                   const SodoComment *saved);

/* Merging another author's file. Nothing is ever dropped or overwritten. */
typedef struct {
  char     *id;            /* the id both files use: the existing comment keeps it */
  char     *incoming_id;   /* the id the incoming comment was added under */
  gboolean  same_text;     /* TRUE when only kind, status, target or author differ */
} SodoCommentConflict;

void               sodo_comment_conflict_free     (SodoCommentConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SodoCommentConflict, sodo_comment_conflict_free)

/* Adds the comments of @other to @self, by id: a comment already here unchanged is skipped;
 * a new id is appended; the same id with a different text (or kind, status, target, author)
 * is a conflict: the incoming comment is appended under a new id "<id>:<organisation>" (or
 * "<id>:<n>") and reported in @out_conflicts (nullable; a GPtrArray of SodoCommentConflict).
 * Merging the same file again changes nothing. Fails when @other is about another regulation. */
gboolean           sodo_comments_merge            (SodoComments      *self,
                                                   SodoComments      *other,
                                                   guint             *out_n_added,
                                                   guint             *out_n_skipped,
                                                   GPtrArray        **out_conflicts,
                                                   GError           **error);

/* Comments whose target no longer names a node of @regulation: a new GArray of guint indices
 * into @self, in order. */
GArray            *sodo_comments_find_orphans     (SodoComments      *self,
                                                   SodoRegulation    *regulation);

const char        *sodo_comment_kind_to_string    (SodoCommentKind    kind);
const char        *sodo_comment_status_to_string  (SodoCommentStatus  status);
gboolean           sodo_comment_kind_from_string  (const char        *str,
                                                   SodoCommentKind   *kind);
gboolean           sodo_comment_status_from_string (const char       *str,
                                                   SodoCommentStatus *status);
/* Translated names for the UI. */
const char        *sodo_comment_kind_get_label    (SodoCommentKind    kind);
const char        *sodo_comment_status_get_label  (SodoCommentStatus  status);

G_END_DECLS
