/* sodo-comments-panel.h: the comments on the open regulation, beside its text
 *
 * A list of the comments in document order, each with the provision it is on, its kind and
 * status, who wrote it and for whom; filters by kind, status, organisation and author (built
 * from the comments there are), and by node (a badge in the text shows only that node's).
 * Choosing a comment emits "node-activated" so the text goes there. The editor for a new or
 * edited comment opens at the top; below the list, the comments whose provision the
 * regulation no longer has. Banners say what the controller found wrong (a damaged file,
 * with its backup to restore) and offer back a draft left by a crash.
 *
 * Actions (prefix "comments."): add (s: node id), edit (s: comment id), delete (s),
 * set-status ((ss): comment id, status), clear-node-filter, restore-backup, dismiss-problem,
 * restore-draft, discard-draft.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sodo-comment-editor.h"
#include "sodo-comments-controller.h"

G_BEGIN_DECLS

#define SODO_TYPE_COMMENTS_PANEL (sodo_comments_panel_get_type ())
G_DECLARE_FINAL_TYPE (SodoCommentsPanel, sodo_comments_panel, SODO, COMMENTS_PANEL, GtkWidget)

GtkWidget              *sodo_comments_panel_new            (void);

SodoCommentsController *sodo_comments_panel_get_controller (SodoCommentsPanel      *self);
void                    sodo_comments_panel_set_controller (SodoCommentsPanel      *self,
                                                            SodoCommentsController *controller);

/* Opens the editor for a new comment on @node. */
void                    sodo_comments_panel_start_new      (SodoCommentsPanel      *self,
                                                            guint                   node);
/* Opens the editor on the comment @id. */
void                    sodo_comments_panel_start_edit     (SodoCommentsPanel      *self,
                                                            const char             *id);
/* Shows only the comments on @node and what it holds (SODO_NO_INDEX: all). */
void                    sodo_comments_panel_show_node      (SodoCommentsPanel      *self,
                                                            guint                   node);
guint                   sodo_comments_panel_get_node       (SodoCommentsPanel      *self);

/* How many comments the list shows with the filters as they are. */
guint                   sodo_comments_panel_get_n_shown    (SodoCommentsPanel      *self);
/* The comment id shown at @position of the list. */
const char             *sodo_comments_panel_get_shown_id   (SodoCommentsPanel      *self,
                                                            guint                   position);

/* Filters: SODO_COMMENTS_PANEL_ALL, or a kind, a status. Organisations and authors by name
 * ("" for the comments without one, NULL for all). */
#define SODO_COMMENTS_PANEL_ALL G_MAXUINT
void                    sodo_comments_panel_filter_kind    (SodoCommentsPanel      *self,
                                                            guint                   kind);
void                    sodo_comments_panel_filter_status  (SodoCommentsPanel      *self,
                                                            guint                   status);
gboolean                sodo_comments_panel_filter_organization (SodoCommentsPanel *self,
                                                            const char             *organization);
gboolean                sodo_comments_panel_filter_author  (SodoCommentsPanel      *self,
                                                            const char             *author);

/* Loads the comments' style sheet on @display once (the panel and the markers use it). */
void                    _sodo_comments_ensure_style        (GdkDisplay             *display);

/* For tests. */
SodoCommentEditor      *_sodo_comments_panel_get_editor    (SodoCommentsPanel      *self);
GtkListView            *_sodo_comments_panel_get_list_view (SodoCommentsPanel      *self);
guint                   _sodo_comments_panel_get_n_orphans (SodoCommentsPanel      *self);
GtkLabel               *_sodo_comments_panel_get_problem_label (SodoCommentsPanel  *self);
gboolean                _sodo_comments_panel_get_problem_revealed (SodoCommentsPanel *self);
gboolean                _sodo_comments_panel_get_draft_revealed (SodoCommentsPanel *self);
/* The toast the last delete showed (NULL before one). */
GObject                *_sodo_comments_panel_get_last_toast (SodoCommentsPanel     *self);

G_END_DECLS
