/* sodo-comments-panel.c: the comments on the open regulation, beside its text
 *
 * This file follows the controller, opens the editor, shows the banners and holds the
 * actions; the list, its filters and rows are in sodo-comments-panel-list.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sodo-comments-panel-private.h"
#include "sodo-document-private.h"

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

  _sodo_comments_panel_update_dropdowns (self);
  _sodo_comments_panel_update_orphans (self);
  _sodo_comments_panel_update_list_page (self);
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
  _sodo_comments_panel_update_dropdowns (self);
  _sodo_comments_panel_update_orphans (self);
  /* Another regulation: nodes are other nodes, the order is redone. */
  gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->sorted), GTK_SORTER_CHANGE_DIFFERENT);
  _sodo_comments_panel_refilter (self);
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
  SodoRegulation *regulation = _sodo_comments_panel_get_regulation (self);
  guint node = regulation != NULL ? sodo_regulation_find_node (regulation, node_id)
                                  : SODO_NO_INDEX;

  if (node == SODO_NO_INDEX)
    return g_strdup (node_id);
  return sodo_regulation_dup_reference (regulation, node, FALSE);
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

  regulation = _sodo_comments_panel_get_regulation (self);
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

  regulation = _sodo_comments_panel_get_regulation (self);
  if (regulation == NULL || node >= sodo_regulation_get_n_nodes (regulation))
    node = SODO_NO_INDEX;

  self->node_filter = node;
  if (node != SODO_NO_INDEX)
    {
      g_autofree char *place = sodo_regulation_dup_reference (regulation, node, FALSE);
      /* Translators: above the comments list when it shows one provision's; %s names it */
      g_autofree char *text = g_strdup_printf (_("On %s"), place);

      self->node_filter_end = _sodo_document_subtree_end (regulation, node);
      gtk_label_set_text (self->node_label, text);
    }
  gtk_revealer_set_reveal_child (self->node_revealer, node != SODO_NO_INDEX);
  _sodo_comments_panel_refilter (self);
}

guint
sodo_comments_panel_get_node (SodoCommentsPanel *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_PANEL (self), SODO_NO_INDEX);

  return self->node_filter;
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
  SodoRegulation *regulation = _sodo_comments_panel_get_regulation (self);

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
sodo_comments_panel_init (SodoCommentsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _sodo_comments_ensure_style (gtk_widget_get_display (GTK_WIDGET (self)));

  self->kind_filter = SODO_COMMENTS_PANEL_ALL;
  self->status_filter = SODO_COMMENTS_PANEL_ALL;
  self->node_filter = SODO_NO_INDEX;
  _sodo_comments_panel_init_list (self);
  _sodo_comments_panel_fill_fixed_dropdowns (self);
  g_signal_connect (self->editor, "finished", G_CALLBACK (on_editor_finished_cb), self);

  _sodo_comments_panel_update_dropdowns (self);
  update_editable (self);
  _sodo_comments_panel_update_list_page (self);
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
