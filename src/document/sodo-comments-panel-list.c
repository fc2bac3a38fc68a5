/* sodo-comments-panel-list.c: the comments panel's list, its filters, rows and orphans
 *
 * The list mirrors the comments by id in a GtkStringList that follows their ::changed
 * signal item for item, so rows are rebuilt only for what changed; a filter and a sorter
 * (document order) sit on top of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "model/sodo-language.h"

#include "sodo-comments-panel-private.h"
#include "sodo-document-private.h"

SodoRegulation *
_sodo_comments_panel_get_regulation (SodoCommentsPanel *self)
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
  SodoRegulation *regulation = _sodo_comments_panel_get_regulation (self);

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

void
_sodo_comments_panel_update_list_page (SodoCommentsPanel *self)
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

void
_sodo_comments_panel_refilter (SodoCommentsPanel *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  _sodo_comments_panel_update_list_page (self);
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

void
_sodo_comments_panel_update_dropdowns (SodoCommentsPanel *self)
{
  update_names_dropdown (self, self->organization_dropdown, &self->organization_values,
                         &self->organization_filter, TRUE);
  update_names_dropdown (self, self->author_dropdown, &self->author_values,
                         &self->author_filter, FALSE);
}

void
_sodo_comments_panel_fill_fixed_dropdowns (SodoCommentsPanel *self)
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
  _sodo_comments_panel_refilter (self);
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
  /* Labels ask for a column's width, not their whole text's: the panel stays narrow enough
   * to sit beside the text. */
  gtk_label_set_xalign (GTK_LABEL (place), 0);
  gtk_label_set_ellipsize (GTK_LABEL (place), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (place), 20);
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
  gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (meta), 40);
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
  place = node != SODO_NO_INDEX
          ? sodo_regulation_dup_reference (_sodo_comments_panel_get_regulation (self), node, FALSE)
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
    g_signal_emit_by_name (self, "node-activated", node);
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
  gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (meta), 40);
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

void
_sodo_comments_panel_update_orphans (SodoCommentsPanel *self)
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

void
_sodo_comments_panel_init_list (SodoCommentsPanel *self)
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
  g_signal_connect (self->kind_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed_cb),
                    self);
  g_signal_connect (self->status_dropdown, "notify::selected",
                    G_CALLBACK (on_dropdown_changed_cb), self);
  g_signal_connect (self->organization_dropdown, "notify::selected",
                    G_CALLBACK (on_dropdown_changed_cb), self);
  g_signal_connect (self->author_dropdown, "notify::selected",
                    G_CALLBACK (on_dropdown_changed_cb), self);
}
