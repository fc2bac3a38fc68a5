/* sodo-comments-private.h: internals of the comments model and store, and their test hooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sodo-comments.h"

G_BEGIN_DECLS

/* The current local time as the format writes it: "2023-10-27T16:00:00+07:00". */
char     *_sodo_comments_now                  (void);
/* Whether two comments say the same thing (ids, positions and timestamps aside). */
gboolean  _sodo_comment_same_content          (const SodoComment *a,
                                               const SodoComment *b);

/* For the files that make up the comments model. */
SodoComment *_sodo_comments_lookup        (SodoComments      *self,
                                           const char        *id);
/* Inserts @comment (taken) at @index; its id must be free. Emits nothing. */
void      _sodo_comments_insert_take      (SodoComments      *self,
                                           guint              index,
                                           SodoComment       *comment);
void      _sodo_comments_emit_changed     (SodoComments      *self,
                                           guint              position,
                                           guint              removed,
                                           guint              added);

/* Where a save stops on purpose, for tests of what a failure leaves behind. */
typedef enum {
  SODO_COMMENTS_STORE_FAIL_NONE,
  SODO_COMMENTS_STORE_FAIL_MID_WRITE,     /* half the temporary file written */
  SODO_COMMENTS_STORE_FAIL_AFTER_WRITE,   /* temporary file written and synced */
  SODO_COMMENTS_STORE_FAIL_AFTER_BACKUP,  /* "<name>~" made, before the rename */
} SodoCommentsStoreFailPoint;

void      _sodo_comments_store_set_fail_point (SodoCommentsStoreFailPoint point);
/* Called at every point above during a save (not only the failing one), so a test can stop a
 * process exactly there and kill it. */
typedef void (*SodoCommentsStoreHook) (SodoCommentsStoreFailPoint point);
void      _sodo_comments_store_set_hook       (SodoCommentsStoreHook      hook);

G_END_DECLS
