/* sodo-comments-panel-private.h: what the comments panel's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sodo-comments-panel.h"

G_BEGIN_DECLS

struct _SodoCommentsPanel
{
  GtkWidget               parent_instance;

  /* Template widgets */
  GtkDropDown            *author_dropdown;
  GtkLabel               *count_label;
  GtkLabel               *draft_label;
  GtkRevealer            *draft_revealer;
  SodoCommentEditor      *editor;
  GtkRevealer            *editor_revealer;
  AdwStatusPage          *empty_page;
  GtkRevealer            *filters_revealer;
  GtkDropDown            *kind_dropdown;
  GtkStack               *list_stack;
  GtkListView            *list_view;
  GtkLabel               *node_label;
  GtkRevealer            *node_revealer;
  GtkDropDown            *organization_dropdown;
  GtkExpander            *orphans_expander;
  GtkListBox             *orphans_list;
  GtkRevealer            *orphans_revealer;
  GtkLabel               *problem_label;
  GtkRevealer            *problem_revealer;
  GtkButton              *restore_backup_button;
  GtkDropDown            *status_dropdown;

  SodoCommentsController *controller;
  SodoComments           *comments;        /* the controller's, watched */
  gulong                  changed_id;

  GtkStringList          *ids;             /* the comments' ids, in their order */
  GtkFilterListModel     *filtered;
  GtkCustomFilter        *filter;
  GtkSortListModel       *sorted;

  /* Filters: a kind or status index, or SODO_COMMENTS_PANEL_ALL; names, "" for none. */
  guint                   kind_filter;
  guint                   status_filter;
  char                   *organization_filter;
  char                   *author_filter;
  guint                   node_filter;
  guint                   node_filter_end;
  /* The values behind the organisation and author dropdowns (index 0 is "all": NULL). */
  GPtrArray              *organization_values;
  GPtrArray              *author_values;
  gboolean                updating_dropdowns;

  AdwToast               *last_toast;
  guint                   n_orphans;
};

/* sodo-comments-panel-list.c: the list, its filters, its rows and the orphans */
void            _sodo_comments_panel_init_list            (SodoCommentsPanel *self);
void            _sodo_comments_panel_fill_fixed_dropdowns (SodoCommentsPanel *self);
SodoRegulation *_sodo_comments_panel_get_regulation       (SodoCommentsPanel *self);
/* Filters again (a filter or the node shown changed) and says how many are shown. */
void            _sodo_comments_panel_refilter             (SodoCommentsPanel *self);
void            _sodo_comments_panel_update_list_page     (SodoCommentsPanel *self);
/* The organisation and author dropdowns list the names the comments have. */
void            _sodo_comments_panel_update_dropdowns     (SodoCommentsPanel *self);
void            _sodo_comments_panel_update_orphans       (SodoCommentsPanel *self);

G_END_DECLS
