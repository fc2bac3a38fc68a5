/* sodo-comments-panel.c: the comments on the open regulation, beside its text
 *
 * The list mirrors the comments by id in a GtkStringList that follows their ::changed
 * signal item for item, so rows are rebuilt only for what changed; a filter and a sorter
 * (document order) sit on top of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "model/sodo-language.h"

#include "sodo-comments-panel.h"
#include "sodo-document-private.h"

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

G_DEFINE_FINAL_TYPE (SodoCommentsPanel, sodo_comments_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTROLLER,
  N_PROPS
};

enum {
  NODE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
sodo_comments_panel_new (void)
{
  return g_object_new (SODO_TYPE_COMMENTS_PANEL, NULL);
}

static SodoRegulation *
get_regulation (SodoCommentsPanel *self)
{
  return self->controller != NULL ? sodo_comments_controller_get_regulation (self->controller)
                                  : NULL;
}

static const SodoComment *
find_comment (SodoCommentsPanel *self,
              GtkStringObject   *item)
{
  if (self->comments == NULL || item == NULL)
    return NULL;

  return sodo_comments_find (self->comments, gtk_string_object_get_string (item));
}

static guint
target_node (SodoCommentsPanel *self,
             const SodoComment *comment)
{
  SodoRegulation *regulation = get_regulation (self);

  return regulation != NULL ? sodo_regulation_find_node (regulation, comment->target)
                            : SODO_NO_INDEX;
}

/* "" for a missing or blank value, so that "none" is one choice in a filter. */
static const char *
filter_value (const char *value)
{
  return value != NULL ? value : "";
}

/* Filtering and order */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  SodoCommentsPanel *self = SODO_COMMENTS_PANEL (user_data);
  const SodoComment *comment = find_comment (self, GTK_STRING_OBJECT (item));
  guint node;

  if (comment == NULL)
    return FALSE;
  /* Comments on provisions the regulation no longer has are listed apart. */
  node = target_node (self, comment);
  if (node == SODO_NO_INDEX)
    return FALSE;
  if (self->node_filter != SODO_NO_INDEX
      && (node < self->node_filter || node >= self->node_filter_end))
    return FALSE;
  if (self->kind_filter != SODO_COMMENTS_PANEL_ALL && comment->kind != self->kind_filter)
    return FALSE;
  if (self->status_filter != SODO_COMMENTS_PANEL_ALL && comment->status != self->status_filter)
    return FALSE;
  if (self->organization_filter != NULL
      && g_strcmp0 (filter_value (comment->organization), self->organization_filter) != 0)
    return FALSE;
  if (self->author_filter != NULL
      && g_strcmp0 (filter_value (comment->author), self->author_filter) != 0)
    return FALSE;

  return TRUE;
}

/* Document order, then the order they were written in. */
static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  SodoCommentsPanel *self = SODO_COMMENTS_PANEL (user_data);
  const SodoComment *comment_a = find_comment (self, GTK_STRING_OBJECT ((gpointer) a));
  const SodoComment *comment_b = find_comment (self, GTK_STRING_OBJECT ((gpointer) b));
  guint node_a;
  guint node_b;
  int order;

  if (comment_a == NULL || comment_b == NULL)
    return (comment_a == NULL) - (comment_b == NULL);
  node_a = target_node (self, comment_a);
  node_b = target_node (self, comment_b);
  if (node_a != node_b)
    return node_a < node_b ? -1 : 1;
  order = g_strcmp0 (comment_a->created, comment_b->created);
  return order != 0 ? order : g_strcmp0 (comment_a->id, comment_b->id);
}

static void
update_list_page (SodoCommentsPanel *self)
{
  guint n_comments = self->comments != NULL ? sodo_comments_get_n_comments (self->comments) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  g_autofree char *count = NULL;

  if (n_shown > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (n_comments - self->n_orphans == 0 && self->node_filter == SODO_NO_INDEX)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "filtered");

  if (n_shown == n_comments - self->n_orphans)
    count = g_strdup_printf ("%u", n_shown);
  else
    /* Translators: how many comments the filtered list shows, of how many there are */
    count = g_strdup_printf (_("%u of %u"), n_shown, n_comments - self->n_orphans);
  gtk_label_set_text (self->count_label, n_comments > 0 ? count : "");
  gtk_revealer_set_reveal_child (self->filters_revealer, n_comments > 0);
}

static void
refilter (SodoCommentsPanel *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_page (self);
}

/* Filter dropdowns */

static gint
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  g_autofree char *key_a = sodo_collate_key (*(const char **) a);
  g_autofree char *key_b = sodo_collate_key (*(const char **) b);

  return strcmp (key_a, key_b);
}

/* The distinct values of a comment field, in Vietnamese order; "" (none) last. */
static GPtrArray *
collect_values (SodoCommentsPanel *self,
                gboolean           organizations)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  gboolean has_none = FALSE;
  guint n_comments = self->comments != NULL ? sodo_comments_get_n_comments (self->comments) : 0;

  for (guint i = 0; i < n_comments; i++)
    {
      const SodoComment *comment = sodo_comments_get_comment (self->comments, i);
      const char *value = filter_value (organizations ? comment->organization : comment->author);

      if (value[0] == '\0')
        has_none = TRUE;
      else if (g_hash_table_add (seen, (gpointer) value))
        g_ptr_array_add (values, g_strdup (value));
    }
  g_ptr_array_sort (values, compare_collated);
  if (has_none)
    g_ptr_array_add (values, g_strdup (""));

  return values;
}

static gboolean
same_values (GPtrArray *a,
             GPtrArray *b)
{
  if (a == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;

  return TRUE;
}

/* Rebuilds a dropdown of names when the names change, keeping the choice if it is there. */
static void
update_names_dropdown (SodoCommentsPanel  *self,
                       GtkDropDown        *dropdown,
                       GPtrArray         **current,
                       char              **filter,
                       gboolean            organizations)
{
  g_autoptr(GPtrArray) values = collect_values (self, organizations);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  if (same_values (*current, values))
    return;

  gtk_string_list_append (labels, organizations ? _("All organisations") : _("All authors"));
  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);

      if (value[0] != '\0')
        gtk_string_list_append (labels, value);
      else
        gtk_string_list_append (labels, organizations ? _("No organisation") : _("No author"));
      if (*filter != NULL && g_strcmp0 (*filter, value) == 0)
        selected = i + 1;
    }
  if (selected == 0)
    g_clear_pointer (filter, g_free);

  self->updating_dropdowns = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, selected);
  self->updating_dropdowns = FALSE;
  g_clear_pointer (current, g_ptr_array_unref);
  *current = g_steal_pointer (&values);
}

static void
update_dropdowns (SodoCommentsPanel *self)
{
  update_names_dropdown (self, self->organization_dropdown, &self->organization_values,
                         &self->organization_filter, TRUE);
  update_names_dropdown (self, self->author_dropdown, &self->author_values,
                         &self->author_filter, FALSE);
}

static void
fill_fixed_dropdowns (SodoCommentsPanel *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_string_list_append (kinds, _("All kinds"));
  for (guint kind = 0; kind <= SODO_COMMENT_KIND_QUESTION; kind++)
    gtk_string_list_append (kinds, sodo_comment_kind_get_label (kind));
  gtk_string_list_append (statuses, _("All statuses"));
  for (guint status = 0; status <= SODO_COMMENT_RESOLVED; status++)
    gtk_string_list_append (statuses, sodo_comment_status_get_label (status));

  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
}

static void
on_dropdown_changed_cb (GtkDropDown       *dropdown,
                        GParamSpec        *pspec,
                        SodoCommentsPanel *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  guint choice = selected == 0 || selected == GTK_INVALID_LIST_POSITION
                 ? SODO_COMMENTS_PANEL_ALL : selected - 1;

  if (self->updating_dropdowns)
    return;

  if (dropdown == self->kind_dropdown)
    self->kind_filter = choice;
  else if (dropdown == self->status_dropdown)
    self->status_filter = choice;
  else
    {
      GPtrArray *values = dropdown == self->organization_dropdown ? self->organization_values
                                                                  : self->author_values;
      char **filter = dropdown == self->organization_dropdown ? &self->organization_filter
                                                              : &self->author_filter;

      g_free (*filter);
      *filter = choice != SODO_COMMENTS_PANEL_ALL && values != NULL && choice < values->len
                ? g_strdup (g_ptr_array_index (values, choice)) : NULL;
    }
  refilter (self);
}

/* Rows */

static GtkWidget *
create_pill (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "sodo-comment-pill");
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);

  return label;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *place = gtk_label_new (NULL);
  GtkWidget *kind = create_pill ("kind");
  GtkWidget *status = create_pill ("status");
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);

  gtk_widget_add_css_class (row, "sodo-comment-row");
  gtk_label_set_xalign (GTK_LABEL (place), 0);
  gtk_label_set_ellipsize (GTK_LABEL (place), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (place, TRUE);
  gtk_widget_add_css_class (place, "heading");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_widget_set_tooltip_text (menu, _("Edit, Delete or Set the Status"));
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu, "flat");
  gtk_box_append (GTK_BOX (top), place);
  gtk_box_append (GTK_BOX (top), kind);
  gtk_box_append (GTK_BOX (top), status);
  gtk_box_append (GTK_BOX (top), menu);

  /* The text is plain: never parsed as markup. */
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (text), 8);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");

  gtk_box_append (GTK_BOX (row), top);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), meta);
  g_object_set_data (G_OBJECT (row), "place", place);
  g_object_set_data (G_OBJECT (row), "kind", kind);
  g_object_set_data (G_OBJECT (row), "status", status);
  g_object_set_data (G_OBJECT (row), "menu", menu);
  g_object_set_data (G_OBJECT (row), "text", text);
  g_object_set_data (G_OBJECT (row), "meta", meta);
  gtk_list_item_set_child (list_item, row);
}

/* Edit, Delete, and each status, for the comment @id. */
static GMenuModel *
create_row_menu (const char *id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();
  g_autoptr(GMenu) statuses = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("_Edit…"), NULL);
  g_menu_item_set_action_and_target (item, "comments.edit", "s", id);
  g_menu_append_item (actions, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target (item, "comments.delete", "s", id);
  g_menu_append_item (actions, item);
  g_clear_object (&item);

  for (guint status = 0; status <= SODO_COMMENT_RESOLVED; status++)
    {
      item = g_menu_item_new (sodo_comment_status_get_label (status), NULL);
      g_menu_item_set_action_and_target (item, "comments.set-status", "(ss)", id,
                                         sodo_comment_status_to_string (status));
      g_menu_append_item (statuses, item);
      g_clear_object (&item);
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (actions));
  /* Translators: the part of a comment's menu that sets its status */
  g_menu_append_section (menu, _("Status"), G_MENU_MODEL (statuses));

  return G_MENU_MODEL (menu);
}

/* "Thành ủy Hà Nội · Nguyễn Văn A · 27/10/2023". */
static char *
describe_meta (const SodoComment *comment)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *day = comment->created != NULL ? g_strndup (comment->created, 10) : NULL;
  g_autofree char *date = day != NULL ? sodo_format_date (day, sodo_language_get ()) : NULL;

  if (comment->organization != NULL && comment->organization[0] != '\0')
    g_ptr_array_add (parts, comment->organization);
  if (comment->author != NULL && comment->author[0] != '\0')
    g_ptr_array_add (parts, comment->author);
  if (date != NULL)
    g_ptr_array_add (parts, date);
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
set_pill (GtkLabel   *pill,
          const char *text,
          const char *state)
{
  static const char *const states[] = {
    "comment", "proposal", "question", "open", "accepted", "declined", "resolved",
  };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (pill), states[i]);
  gtk_widget_add_css_class (GTK_WIDGET (pill), state);
  gtk_label_set_text (pill, text);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             SodoCommentsPanel        *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  const SodoComment *comment = find_comment (self, gtk_list_item_get_item (list_item));
  g_autoptr(GMenuModel) menu = NULL;
  g_autofree char *place = NULL;
  g_autofree char *meta = NULL;
  guint node;

  if (comment == NULL)
    return;

  node = target_node (self, comment);
  place = node != SODO_NO_INDEX ? _sodo_document_node_reference (get_regulation (self), node)
                                : g_strdup (comment->target);
  meta = describe_meta (comment);
  menu = create_row_menu (comment->id);

  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "place"), place);
  set_pill (g_object_get_data (G_OBJECT (row), "kind"),
            sodo_comment_kind_get_label (comment->kind),
            sodo_comment_kind_to_string (comment->kind));
  set_pill (g_object_get_data (G_OBJECT (row), "status"),
            sodo_comment_status_get_label (comment->status),
            sodo_comment_status_to_string (comment->status));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "text"), comment->text);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "meta"), meta);
  gtk_menu_button_set_menu_model (g_object_get_data (G_OBJECT (row), "menu"), menu);
}

static void
on_row_activated_cb (GtkListView       *list_view,
                     guint              position,
                     SodoCommentsPanel *self)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  const SodoComment *comment = find_comment (self, item);
  guint node;

  if (comment == NULL)
    return;
  node = target_node (self, comment);
  if (node != SODO_NO_INDEX)
    g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
}

/* Orphans */

static GtkWidget *
create_orphan_row (const SodoComment *comment)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *text = gtk_label_new (comment->text);
  g_autofree char *meta_text = describe_meta (comment);
  /* Translators: under a comment whose provision is gone: its id, then who wrote it */
  g_autofree char *line = g_strdup_printf (_("On “%s”, no longer in the regulation · %s"),
                                           comment->target, meta_text);
  GtkWidget *meta = gtk_label_new (line);
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_add_css_class (row, "sodo-comment-row");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), text);
  gtk_box_append (GTK_BOX (labels), meta);

  gtk_widget_set_tooltip_text (delete, _("Delete"));
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "comments.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "s", comment->id);
  gtk_box_append (GTK_BOX (row), labels);
  gtk_box_append (GTK_BOX (row), delete);

  return row;
}

static void
update_orphans (SodoCommentsPanel *self)
{
  g_autoptr(GArray) orphans = NULL;
  g_autofree char *label = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->orphans_list))) != NULL)
    gtk_list_box_remove (self->orphans_list, child);

  orphans = self->controller != NULL ? sodo_comments_controller_get_orphans (self->controller)
                                     : g_array_new (FALSE, FALSE, sizeof (guint));
  self->n_orphans = orphans->len;
  for (guint i = 0; i < orphans->len; i++)
    gtk_list_box_append (self->orphans_list,
                         create_orphan_row (sodo_comments_get_comment (self->comments,
                                                                       g_array_index (orphans, guint, i))));

  label = g_strdup_printf (ngettext ("%u comment on a provision no longer in the regulation",
                                     "%u comments on provisions no longer in the regulation",
                                     orphans->len),
                           orphans->len);
  gtk_expander_set_label (self->orphans_expander, label);
  gtk_revealer_set_reveal_child (self->orphans_revealer, orphans->len > 0);
}

/* Following the controller */

static void
on_comments_changed_cb (SodoComments      *comments,
                        guint              position,
                        guint              removed,
                        guint              added,
                        SodoCommentsPanel *self)
{
  g_autofree const char **ids = g_new0 (const char *, added + 1);

  for (guint i = 0; i < added; i++)
    ids[i] = sodo_comments_get_comment (comments, position + i)->id;
  /* A changed comment is removed and added again: its row is bound anew. */
  gtk_string_list_splice (self->ids, position, removed, ids);

  update_dropdowns (self);
  update_orphans (self);
  update_list_page (self);
}

/* Follows the controller's comments: another set (another regulation) is read anew; the
 * same set with the regulation read again only needs its places and order redone. */
static void
reload_comments (SodoCommentsPanel *self)
{
  SodoComments *comments = self->controller != NULL
                           ? sodo_comments_controller_get_comments (self->controller) : NULL;
  guint n_comments = comments != NULL ? sodo_comments_get_n_comments (comments) : 0;
  g_autofree const char **ids = g_new0 (const char *, n_comments + 1);

  gboolean same_set = comments == self->comments;

  if (!same_set)
    {
      g_clear_signal_handler (&self->changed_id, self->comments);
      g_set_object (&self->comments, comments);
      if (comments != NULL)
        self->changed_id = g_signal_connect (comments, "changed",
                                             G_CALLBACK (on_comments_changed_cb), self);
      /* What was being written is about the other regulation: its draft stays on disk. */
      sodo_comment_editor_abandon (self->editor);
    }

  /* Every row is bound again: the places they name may have moved. */
  for (guint i = 0; i < n_comments; i++)
    ids[i] = sodo_comments_get_comment (comments, i)->id;
  gtk_string_list_splice (self->ids, 0, g_list_model_get_n_items (G_LIST_MODEL (self->ids)),
                          ids);

  sodo_comments_panel_show_node (self, SODO_NO_INDEX);
  update_dropdowns (self);
  update_orphans (self);
  /* Another regulation: nodes are other nodes, the order is redone. */
  gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->sorted), GTK_SORTER_CHANGE_DIFFERENT);
  refilter (self);
}

static void
update_problem (SodoCommentsPanel *self)
{
  const char *problem = self->controller != NULL
                        ? sodo_comments_controller_get_problem (self->controller) : NULL;
  GFile *backup = self->controller != NULL
                  ? sodo_comments_controller_get_backup_file (self->controller) : NULL;

  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  if (backup != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (backup);
      g_autofree char *tooltip = g_strdup_printf (_("Add back the comments kept in “%s”"), name);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->restore_backup_button), tooltip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->restore_backup_button), backup != NULL);
  gtk_revealer_set_reveal_child (self->problem_revealer, problem != NULL || backup != NULL);
}

static void
update_editable (SodoCommentsPanel *self)
{
  gboolean editable = self->controller != NULL
                      && sodo_comments_controller_get_editable (self->controller);
  static const char *const actions[] = {
    "comments.add", "comments.add-on-node", "comments.edit", "comments.delete",
    "comments.set-status", "comments.restore-draft",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], editable);
}

/* The place a node is cited as, for headings and banners. */
static char *
describe_node (SodoCommentsPanel *self,
               const char        *node_id)
{
  SodoRegulation *regulation = get_regulation (self);
  guint node = regulation != NULL ? sodo_regulation_find_node (regulation, node_id)
                                  : SODO_NO_INDEX;

  if (node == SODO_NO_INDEX)
    return g_strdup (node_id);
  return _sodo_document_node_reference (regulation, node);
}

static void
update_draft_banner (SodoCommentsPanel *self)
{
  const SodoCommentDraft *draft = self->controller != NULL
                                  ? sodo_comments_controller_get_recovered_draft (self->controller)
                                  : NULL;
  g_autofree char *place = NULL;
  g_autofree char *text = NULL;

  if (draft != NULL)
    {
      place = describe_node (self, draft->target);
      /* Translators: %s names a provision ("Điều 3 khoản 2") */
      text = g_strdup_printf (_("A comment on %s was being written when Sodo last closed. "
                                "Its text was kept."), place);
      gtk_label_set_text (self->draft_label, text);
    }
  gtk_revealer_set_reveal_child (self->draft_revealer, draft != NULL);
}

static void
on_undoable_cb (SodoCommentsController *controller,
                guint                   undo_id,
                const char             *description,
                SodoCommentsPanel      *self);

static void
on_controller_notify_cb (SodoCommentsController *controller,
                         GParamSpec             *pspec,
                         SodoCommentsPanel      *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "regulation")
      || (g_str_equal (name, "comments")
          && sodo_comments_controller_get_comments (controller) != self->comments))
    reload_comments (self);
  else if (g_str_equal (name, "problem") || g_str_equal (name, "backup-file"))
    update_problem (self);
  else if (g_str_equal (name, "editable"))
    update_editable (self);
  else if (g_str_equal (name, "has-recovered-draft"))
    update_draft_banner (self);
}

SodoCommentsController *
sodo_comments_panel_get_controller (SodoCommentsPanel *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_PANEL (self), NULL);

  return self->controller;
}

void
sodo_comments_panel_set_controller (SodoCommentsPanel      *self,
                                    SodoCommentsController *controller)
{
  g_return_if_fail (SODO_IS_COMMENTS_PANEL (self));
  g_return_if_fail (controller == NULL || SODO_IS_COMMENTS_CONTROLLER (controller));

  if (self->controller == controller)
    return;

  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  g_set_object (&self->controller, controller);
  if (controller != NULL)
    {
      g_signal_connect (controller, "notify", G_CALLBACK (on_controller_notify_cb), self);
      g_signal_connect (controller, "undoable", G_CALLBACK (on_undoable_cb), self);
    }

  reload_comments (self);
  update_problem (self);
  update_editable (self);
  update_draft_banner (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTROLLER]);
}

/* Undo */

static void
on_toast_undo_cb (AdwToast          *toast,
                  SodoCommentsPanel *self)
{
  guint undo_id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "sodo-undo-id"));

  if (self->controller != NULL)
    sodo_comments_controller_undo (self->controller, undo_id);
}

static void
on_undoable_cb (SodoCommentsController *controller,
                guint                   undo_id,
                const char             *description,
                SodoCommentsPanel      *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast = adw_toast_new (description);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "sodo-undo-id", GUINT_TO_POINTER (undo_id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_undo_cb), self, 0);

  g_set_object (&self->last_toast, toast);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

/* Editing */

static void
open_editor (SodoCommentsPanel      *self,
             const SodoCommentDraft *draft)
{
  g_autofree char *place = describe_node (self, draft->target);

  sodo_comment_editor_begin (self->editor, self->controller, draft, place);
  gtk_revealer_set_reveal_child (self->editor_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}

void
sodo_comments_panel_start_new (SodoCommentsPanel *self,
                               guint              node)
{
  SodoRegulation *regulation;
  g_autofree char *author = NULL;
  g_autofree char *organization = NULL;
  SodoCommentDraft draft = { 0 };

  g_return_if_fail (SODO_IS_COMMENTS_PANEL (self));

  regulation = get_regulation (self);
  if (regulation == NULL || node >= sodo_regulation_get_n_nodes (regulation)
      || !sodo_comments_controller_get_editable (self->controller))
    return;

  author = sodo_comments_controller_dup_default_author (self->controller);
  organization = sodo_comments_controller_dup_default_organization (self->controller);
  draft.target = (char *) sodo_regulation_get_node (regulation, node)->id;
  draft.kind = SODO_COMMENT_KIND_COMMENT;
  draft.author = author;
  draft.organization = organization;
  open_editor (self, &draft);
}

void
sodo_comments_panel_start_edit (SodoCommentsPanel *self,
                                const char        *id)
{
  const SodoComment *comment;
  SodoCommentDraft draft = { 0 };

  g_return_if_fail (SODO_IS_COMMENTS_PANEL (self));
  g_return_if_fail (id != NULL);

  comment = self->comments != NULL ? sodo_comments_find (self->comments, id) : NULL;
  if (comment == NULL || !sodo_comments_controller_get_editable (self->controller))
    return;

  draft.comment_id = comment->id;
  draft.target = comment->target;
  draft.kind = comment->kind;
  draft.author = comment->author;
  draft.organization = comment->organization;
  draft.text = comment->text;
  open_editor (self, &draft);
}

static void
on_editor_finished_cb (SodoCommentEditor *editor,
                       gboolean           saved,
                       SodoCommentsPanel *self)
{
  gtk_revealer_set_reveal_child (self->editor_revealer, FALSE);
}

/* Node filter */

void
sodo_comments_panel_show_node (SodoCommentsPanel *self,
                               guint              node)
{
  SodoRegulation *regulation;

  g_return_if_fail (SODO_IS_COMMENTS_PANEL (self));

  regulation = get_regulation (self);
  if (regulation == NULL || node >= sodo_regulation_get_n_nodes (regulation))
    node = SODO_NO_INDEX;

  self->node_filter = node;
  if (node != SODO_NO_INDEX)
    {
      g_autofree char *place = _sodo_document_node_reference (regulation, node);
      /* Translators: above the comments list when it shows one provision's; %s names it */
      g_autofree char *text = g_strdup_printf (_("On %s"), place);

      self->node_filter_end = _sodo_document_subtree_end (regulation, node);
      gtk_label_set_text (self->node_label, text);
    }
  gtk_revealer_set_reveal_child (self->node_revealer, node != SODO_NO_INDEX);
  refilter (self);
}

guint
sodo_comments_panel_get_node (SodoCommentsPanel *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_PANEL (self), SODO_NO_INDEX);

  return self->node_filter;
}

guint
sodo_comments_panel_get_n_shown (SodoCommentsPanel *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_PANEL (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

const char *
sodo_comments_panel_get_shown_id (SodoCommentsPanel *self,
                                  guint              position)
{
  g_autoptr(GtkStringObject) item = NULL;

  g_return_val_if_fail (SODO_IS_COMMENTS_PANEL (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  if (item == NULL)
    return NULL;
  /* The string belongs to the item, which the list keeps. */
  return gtk_string_object_get_string (item);
}

void
sodo_comments_panel_filter_kind (SodoCommentsPanel *self,
                                 guint              kind)
{
  g_return_if_fail (SODO_IS_COMMENTS_PANEL (self));

  gtk_drop_down_set_selected (self->kind_dropdown,
                              kind == SODO_COMMENTS_PANEL_ALL ? 0 : kind + 1);
}

void
sodo_comments_panel_filter_status (SodoCommentsPanel *self,
                                   guint              status)
{
  g_return_if_fail (SODO_IS_COMMENTS_PANEL (self));

  gtk_drop_down_set_selected (self->status_dropdown,
                              status == SODO_COMMENTS_PANEL_ALL ? 0 : status + 1);
}

static gboolean
select_value (GtkDropDown *dropdown,
              GPtrArray   *values,
              const char  *value)
{
  guint index;

  if (value == NULL)
    {
      gtk_drop_down_set_selected (dropdown, 0);
      return TRUE;
    }
  if (values == NULL || !g_ptr_array_find_with_equal_func (values, value, g_str_equal, &index))
    return FALSE;
  gtk_drop_down_set_selected (dropdown, index + 1);

  return TRUE;
}

gboolean
sodo_comments_panel_filter_organization (SodoCommentsPanel *self,
                                         const char        *organization)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_PANEL (self), FALSE);

  return select_value (self->organization_dropdown, self->organization_values, organization);
}

gboolean
sodo_comments_panel_filter_author (SodoCommentsPanel *self,
                                   const char        *author)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_PANEL (self), FALSE);

  return select_value (self->author_dropdown, self->author_values, author);
}

/* Actions */

static void
add_on_node_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SodoCommentsPanel *self = SODO_COMMENTS_PANEL (widget);

  if (self->node_filter != SODO_NO_INDEX)
    sodo_comments_panel_start_new (self, self->node_filter);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SodoCommentsPanel *self = SODO_COMMENTS_PANEL (widget);
  SodoRegulation *regulation = get_regulation (self);

  if (regulation != NULL)
    sodo_comments_panel_start_new (self, sodo_regulation_find_node (regulation,
                                                                    g_variant_get_string (parameter, NULL)));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sodo_comments_panel_start_edit (SODO_COMMENTS_PANEL (widget),
                                  g_variant_get_string (parameter, NULL));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SodoCommentsPanel *self = SODO_COMMENTS_PANEL (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (self->controller == NULL)
    return;
  /* Deleting the comment being edited ends the edit. */
  if (g_strcmp0 (sodo_comment_editor_get_comment_id (self->editor), id) == 0)
    sodo_comment_editor_cancel (self->editor);
  sodo_comments_controller_delete (self->controller, id);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SodoCommentsPanel *self = SODO_COMMENTS_PANEL (widget);
  const char *id = NULL;
  const char *status_name = NULL;
  SodoCommentStatus status;

  g_variant_get (parameter, "(&s&s)", &id, &status_name);
  if (self->controller != NULL && sodo_comment_status_from_string (status_name, &status))
    sodo_comments_controller_set_status (self->controller, id, status);
}

static void
clear_node_filter_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  sodo_comments_panel_show_node (SODO_COMMENTS_PANEL (widget), SODO_NO_INDEX);
}

static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SodoCommentsPanel *self = SODO_COMMENTS_PANEL (widget);
  g_autoptr(GError) error = NULL;

  if (self->controller != NULL
      && !sodo_comments_controller_restore_backup (self->controller, NULL, &error))
    gtk_label_set_text (self->problem_label, error->message);
}

static void
dismiss_problem_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SodoCommentsPanel *self = SODO_COMMENTS_PANEL (widget);

  if (self->controller != NULL)
    sodo_comments_controller_dismiss_problem (self->controller);
}

static void
restore_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SodoCommentsPanel *self = SODO_COMMENTS_PANEL (widget);
  const SodoCommentDraft *recovered;
  g_autoptr(SodoCommentDraft) draft = NULL;

  recovered = self->controller != NULL
              ? sodo_comments_controller_get_recovered_draft (self->controller) : NULL;
  if (recovered == NULL)
    return;

  draft = sodo_comment_draft_copy (recovered);
  /* The comment it edited may have been deleted since: the text becomes a new comment. */
  if (draft->comment_id != NULL && sodo_comments_find (self->comments, draft->comment_id) == NULL)
    g_clear_pointer (&draft->comment_id, g_free);
  open_editor (self, draft);
  /* The editor writes it again at the first keystroke; until then the file stays. */
  sodo_comments_controller_set_draft (self->controller, draft);
  sodo_comments_controller_forget_recovered_draft (self->controller);
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SodoCommentsPanel *self = SODO_COMMENTS_PANEL (widget);

  if (self->controller != NULL)
    sodo_comments_controller_forget_recovered_draft (self->controller);
}

/* Object */

static void
sodo_comments_panel_dispose (GObject *object)
{
  SodoCommentsPanel *self = SODO_COMMENTS_PANEL (object);
  GtkWidget *child;

  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  g_clear_signal_handler (&self->changed_id, self->comments);
  gtk_widget_dispose_template (GTK_WIDGET (self), SODO_TYPE_COMMENTS_PANEL);
  /* The template's outer box has no id: it is not one of the children that go with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->controller);
  g_clear_object (&self->comments);
  g_clear_object (&self->sorted);
  g_clear_object (&self->last_toast);
  g_clear_pointer (&self->organization_values, g_ptr_array_unref);
  g_clear_pointer (&self->author_values, g_ptr_array_unref);
  g_clear_pointer (&self->organization_filter, g_free);
  g_clear_pointer (&self->author_filter, g_free);

  G_OBJECT_CLASS (sodo_comments_panel_parent_class)->dispose (object);
}

static void
sodo_comments_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SodoCommentsPanel *self = SODO_COMMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_CONTROLLER:
      g_value_set_object (value, self->controller);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_comments_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SodoCommentsPanel *self = SODO_COMMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_CONTROLLER:
      sodo_comments_panel_set_controller (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "comments.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "comments.add-on-node", NULL,
                                   add_on_node_action);
  gtk_widget_class_install_action (widget_class, "comments.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "comments.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "comments.set-status", "(ss)",
                                   set_status_action);
  gtk_widget_class_install_action (widget_class, "comments.clear-node-filter", NULL,
                                   clear_node_filter_action);
  gtk_widget_class_install_action (widget_class, "comments.restore-backup", NULL,
                                   restore_backup_action);
  gtk_widget_class_install_action (widget_class, "comments.dismiss-problem", NULL,
                                   dismiss_problem_action);
  gtk_widget_class_install_action (widget_class, "comments.restore-draft", NULL,
                                   restore_draft_action);
  gtk_widget_class_install_action (widget_class, "comments.discard-draft", NULL,
                                   discard_draft_action);
}

static void
sodo_comments_panel_class_init (SodoCommentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sodo_comments_panel_dispose;
  object_class->get_property = sodo_comments_panel_get_property;
  object_class->set_property = sodo_comments_panel_set_property;

  properties[PROP_CONTROLLER] =
    g_param_spec_object ("controller", NULL, NULL, SODO_TYPE_COMMENTS_CONTROLLER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SodoCommentsPanel::node-activated:
   * @node: the index of the node a chosen comment is on
   */
  signals[NODE_ACTIVATED] =
    g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (SODO_TYPE_COMMENT_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/sodo-comments-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, author_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, draft_label);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, editor);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, editor_revealer);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, filters_revealer);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, node_label);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, node_revealer);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, organization_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, orphans_expander);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, orphans_list);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, orphans_revealer);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, restore_backup_button);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentsPanel, status_dropdown);
  install_actions (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sodo-comments-panel");
}

static void
init_list (SodoCommentsPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkCustomSorter *sorter = gtk_custom_sorter_new (sort_func, self, NULL);

  self->ids = gtk_string_list_new (NULL);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->ids),
                                              GTK_FILTER (self->filter));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), GTK_SORTER (sorter));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)))));
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_row_activated_cb), self);
}

static void
sodo_comments_panel_init (SodoCommentsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _sodo_comments_ensure_style (gtk_widget_get_display (GTK_WIDGET (self)));

  self->kind_filter = SODO_COMMENTS_PANEL_ALL;
  self->status_filter = SODO_COMMENTS_PANEL_ALL;
  self->node_filter = SODO_NO_INDEX;
  init_list (self);
  fill_fixed_dropdowns (self);

  g_signal_connect (self->kind_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed_cb),
                    self);
  g_signal_connect (self->status_dropdown, "notify::selected",
                    G_CALLBACK (on_dropdown_changed_cb), self);
  g_signal_connect (self->organization_dropdown, "notify::selected",
                    G_CALLBACK (on_dropdown_changed_cb), self);
  g_signal_connect (self->author_dropdown, "notify::selected",
                    G_CALLBACK (on_dropdown_changed_cb), self);
  g_signal_connect (self->editor, "finished", G_CALLBACK (on_editor_finished_cb), self);

  update_dropdowns (self);
  update_editable (self);
  update_list_page (self);
}

void
_sodo_comments_ensure_style (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_object_get_data (G_OBJECT (display), "sodo-comments-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/document/sodo-comments.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "sodo-comments-style",
                          g_steal_pointer (&provider), g_object_unref);
}

SodoCommentEditor *
_sodo_comments_panel_get_editor (SodoCommentsPanel *self)
{
  return self->editor;
}

GtkListView *
_sodo_comments_panel_get_list_view (SodoCommentsPanel *self)
{
  return self->list_view;
}

guint
_sodo_comments_panel_get_n_orphans (SodoCommentsPanel *self)
{
  return self->n_orphans;
}

GtkLabel *
_sodo_comments_panel_get_problem_label (SodoCommentsPanel *self)
{
  return self->problem_label;
}

gboolean
_sodo_comments_panel_get_problem_revealed (SodoCommentsPanel *self)
{
  return gtk_revealer_get_reveal_child (self->problem_revealer);
}

gboolean
_sodo_comments_panel_get_draft_revealed (SodoCommentsPanel *self)
{
  return gtk_revealer_get_reveal_child (self->draft_revealer);
}

GObject *
_sodo_comments_panel_get_last_toast (SodoCommentsPanel *self)
{
  return G_OBJECT (self->last_toast);
}
