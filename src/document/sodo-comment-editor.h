/* sodo-comment-editor.h: writing or editing one comment
 *
 * The kind, the text, and for a new comment the organisation and author it is written under
 * (Preferences fill them in). Every change is handed to the controller as a draft, which it
 * keeps on disk, so a crash loses nothing typed. Ctrl+Enter saves, Escape cancels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sodo-comments-controller.h"

G_BEGIN_DECLS

#define SODO_TYPE_COMMENT_EDITOR (sodo_comment_editor_get_type ())
G_DECLARE_FINAL_TYPE (SodoCommentEditor, sodo_comment_editor, SODO, COMMENT_EDITOR, GtkWidget)

GtkWidget        *sodo_comment_editor_new        (void);

/* Starts writing @draft (a new comment when it has no comment_id) through @controller;
 * @place names the target for the heading ("Điều 3 khoản 2"). */
void              sodo_comment_editor_begin      (SodoCommentEditor      *self,
                                                  SodoCommentsController *controller,
                                                  const SodoCommentDraft *draft,
                                                  const char             *place);
/* What is written now (NULL when not editing). */
SodoCommentDraft *sodo_comment_editor_get_draft  (SodoCommentEditor      *self);
gboolean          sodo_comment_editor_get_active (SodoCommentEditor      *self);
/* The comment being edited, or NULL for a new one (or when not editing). */
const char       *sodo_comment_editor_get_comment_id (SodoCommentEditor  *self);

/* Saves it through the controller; on failure (no text) the editor stays open and says
 * why. Emits ::finished (TRUE) on success. */
gboolean          sodo_comment_editor_save       (SodoCommentEditor      *self,
                                                  GError                **error);
/* Drops what was written, its draft included, and emits ::finished (FALSE). */
void              sodo_comment_editor_cancel     (SodoCommentEditor      *self);
/* Stops editing without a word about the draft, which stays on disk to be offered again
 * (the comments it was for are gone from the window). Emits ::finished (FALSE). */
void              sodo_comment_editor_abandon    (SodoCommentEditor      *self);

/* For tests. */
GtkTextBuffer    *_sodo_comment_editor_get_buffer (SodoCommentEditor     *self);

G_END_DECLS
