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

const char        *sodo_comment_kind_to_string    (SodoCommentKind    kind);
const char        *sodo_comment_status_to_string  (SodoCommentStatus  status);
gboolean           sodo_comment_kind_from_string  (const char        *str,
                                                   SodoCommentKind   *kind);
gboolean           sodo_comment_status_from_string (const char       *str,
                                                   SodoCommentStatus *status);

G_END_DECLS
