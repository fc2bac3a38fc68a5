/* sodo-comment-editor.c: writing or editing one comment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sodo-comment-editor.h"

struct _SodoCommentEditor
{
  GtkWidget               parent_instance;

  /* Template widgets */
  GtkEntry               *author_entry;
  GtkButton              *cancel_button;
  GtkLabel               *error_label;
  GtkLabel               *heading_label;
  GtkBox                 *identity_box;
  GtkLabel               *identity_label;
  GtkDropDown            *kind_dropdown;
  GtkEntry               *organization_entry;
  GtkButton              *save_button;
  GtkTextView            *text_view;

  SodoCommentsController *controller;
  char                   *comment_id;   /* NULL: a new comment */
  char                   *target;
  gboolean                active;
  /* Set while the fields are filled in, which is no change of the user's. */
  gboolean                filling;
};

G_DEFINE_FINAL_TYPE (SodoCommentEditor, sodo_comment_editor, GTK_TYPE_WIDGET)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
sodo_comment_editor_new (void)
{
  return g_object_new (SODO_TYPE_COMMENT_EDITOR, NULL);
}

static char *
get_text (SodoCommentEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

SodoCommentDraft *
sodo_comment_editor_get_draft (SodoCommentEditor *self)
{
  SodoCommentDraft *draft;
  guint kind;

  g_return_val_if_fail (SODO_IS_COMMENT_EDITOR (self), NULL);

  if (!self->active)
    return NULL;

  kind = gtk_drop_down_get_selected (self->kind_dropdown);
  draft = g_new0 (SodoCommentDraft, 1);
  draft->comment_id = g_strdup (self->comment_id);
  draft->target = g_strdup (self->target);
  draft->kind = kind < SODO_COMMENT_KIND_QUESTION + 1 ? kind : SODO_COMMENT_KIND_COMMENT;
  draft->author = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->author_entry)));
  draft->organization = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organization_entry)));
  draft->text = get_text (self);

  return draft;
}

gboolean
sodo_comment_editor_get_active (SodoCommentEditor *self)
{
  g_return_val_if_fail (SODO_IS_COMMENT_EDITOR (self), FALSE);

  return self->active;
}

const char *
sodo_comment_editor_get_comment_id (SodoCommentEditor *self)
{
  g_return_val_if_fail (SODO_IS_COMMENT_EDITOR (self), NULL);

  return self->active ? self->comment_id : NULL;
}

/* Every change goes to the controller, which keeps it on disk a moment later. */
static void
on_changed_cb (SodoCommentEditor *self)
{
  g_autoptr(SodoCommentDraft) draft = NULL;

  if (!self->active || self->filling || self->controller == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  draft = sodo_comment_editor_get_draft (self);
  sodo_comments_controller_set_draft (self->controller, draft);
}

/* "Thành ủy Hà Nội · Nguyễn Văn A": who an edited comment was written by. */
static void
show_identity (SodoCommentEditor      *self,
               const SodoCommentDraft *draft)
{
  gboolean editing = draft->comment_id != NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->identity_box), !editing);
  if (draft->organization != NULL && draft->organization[0] != '\0')
    g_ptr_array_add (parts, draft->organization);
  if (draft->author != NULL && draft->author[0] != '\0')
    g_ptr_array_add (parts, draft->author);
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (self->identity_label, joined);
  gtk_widget_set_visible (GTK_WIDGET (self->identity_label), editing && joined[0] != '\0');
}

void
sodo_comment_editor_begin (SodoCommentEditor      *self,
                           SodoCommentsController *controller,
                           const SodoCommentDraft *draft,
                           const char             *place)
{
  g_autofree char *heading = NULL;

  g_return_if_fail (SODO_IS_COMMENT_EDITOR (self));
  g_return_if_fail (SODO_IS_COMMENTS_CONTROLLER (controller));
  g_return_if_fail (draft != NULL && draft->target != NULL);

  g_set_object (&self->controller, controller);
  g_free (self->comment_id);
  self->comment_id = g_strdup (draft->comment_id);
  g_free (self->target);
  self->target = g_strdup (draft->target);

  if (draft->comment_id != NULL)
    /* Translators: the heading of the comment editor; %s names a provision ("Điều 3 khoản 2") */
    heading = g_strdup_printf (_("Edit the comment on %s"), place);
  else
    /* Translators: the heading of the comment editor; %s names a provision ("Điều 3 khoản 2") */
    heading = g_strdup_printf (_("New comment on %s"), place);
  gtk_label_set_text (self->heading_label, heading);

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, draft->kind);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            draft->text != NULL ? draft->text : "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->author_entry),
                         draft->author != NULL ? draft->author : "");
  gtk_editable_set_text (GTK_EDITABLE (self->organization_entry),
                         draft->organization != NULL ? draft->organization : "");
  self->filling = FALSE;

  show_identity (self, draft);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->active = TRUE;
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
finish (SodoCommentEditor *self,
        gboolean           saved)
{
  self->active = FALSE;
  if (self->controller != NULL)
    sodo_comments_controller_set_draft (self->controller, NULL);
  g_signal_emit (self, signals[FINISHED], 0, saved);
}

gboolean
sodo_comment_editor_save (SodoCommentEditor  *self,
                          GError            **error)
{
  g_autoptr(SodoCommentDraft) draft = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean saved;

  g_return_val_if_fail (SODO_IS_COMMENT_EDITOR (self), FALSE);

  if (!self->active || self->controller == NULL)
    return FALSE;

  draft = sodo_comment_editor_get_draft (self);
  g_strstrip (draft->text);
  if (draft->comment_id != NULL)
    saved = sodo_comments_controller_edit (self->controller, draft, &local_error);
  else
    saved = sodo_comments_controller_add (self->controller, draft, &local_error) != NULL;

  if (!saved)
    {
      /* The text stays, and so does its draft on disk. */
      gtk_label_set_text (self->error_label, local_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  finish (self, TRUE);
  return TRUE;
}

void
sodo_comment_editor_cancel (SodoCommentEditor *self)
{
  g_return_if_fail (SODO_IS_COMMENT_EDITOR (self));

  if (!self->active)
    return;
  finish (self, FALSE);
}

void
sodo_comment_editor_abandon (SodoCommentEditor *self)
{
  g_return_if_fail (SODO_IS_COMMENT_EDITOR (self));

  if (!self->active)
    return;
  self->active = FALSE;
  g_signal_emit (self, signals[FINISHED], 0, FALSE);
}

static void
on_save_clicked_cb (SodoCommentEditor *self)
{
  sodo_comment_editor_save (self, NULL);
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  sodo_comment_editor_save (SODO_COMMENT_EDITOR (widget), NULL);
  return TRUE;
}

static gboolean
cancel_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  sodo_comment_editor_cancel (SODO_COMMENT_EDITOR (widget));
  return TRUE;
}

/* Before the text view: it would take Ctrl+Enter for a new line. */
static void
add_shortcuts (SodoCommentEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_callback_action_new (save_shortcut_cb, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (cancel_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
fill_kinds (SodoCommentEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (guint kind = 0; kind <= SODO_COMMENT_KIND_QUESTION; kind++)
    gtk_string_list_append (kinds, sodo_comment_kind_get_label (kind));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
}

static void
sodo_comment_editor_dispose (GObject *object)
{
  SodoCommentEditor *self = SODO_COMMENT_EDITOR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SODO_TYPE_COMMENT_EDITOR);
  /* The template's outer box has no id: it is not one of the children that go with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->controller);
  g_clear_pointer (&self->comment_id, g_free);
  g_clear_pointer (&self->target, g_free);

  G_OBJECT_CLASS (sodo_comment_editor_parent_class)->dispose (object);
}

static gboolean
sodo_comment_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (SODO_COMMENT_EDITOR (widget)->text_view));
}

static void
sodo_comment_editor_class_init (SodoCommentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sodo_comment_editor_dispose;
  widget_class->grab_focus = sodo_comment_editor_grab_focus;

  /**
   * SodoCommentEditor::finished:
   * @saved: whether the comment was saved (else it was cancelled)
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/sodo-comment-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SodoCommentEditor, author_entry);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentEditor, identity_box);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentEditor, identity_label);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentEditor, organization_entry);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SodoCommentEditor, text_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sodo-comment-editor");
}

static void
sodo_comment_editor_init (SodoCommentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_kinds (self);
  add_shortcuts (self);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (on_changed_cb), self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected",
                            G_CALLBACK (on_changed_cb), self);
  g_signal_connect_swapped (self->author_entry, "changed", G_CALLBACK (on_changed_cb), self);
  g_signal_connect_swapped (self->organization_entry, "changed",
                            G_CALLBACK (on_changed_cb), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  g_signal_connect_swapped (self->cancel_button, "clicked",
                            G_CALLBACK (sodo_comment_editor_cancel), self);
}

GtkTextBuffer *
_sodo_comment_editor_get_buffer (SodoCommentEditor *self)
{
  return gtk_text_view_get_buffer (self->text_view);
}
