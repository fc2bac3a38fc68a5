/* sodo-document-pane-comments.c: comments in the document pane
 *
 * The pane owns a comments controller that follows its regulation, shows the comments panel
 * in a sidebar at the right of the text (folding over it on a narrow pane), draws the
 * markers beside the text, the counts in the contents, and offers "Comment on …" in the
 * text's context menu, the contents' context menu and on Ctrl+Alt+M.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sodo-comments-gutter.h"
#include "sodo-comments-panel.h"
#include "sodo-document-pane-private.h"
#include "sodo-document-private.h"
#include "sodo-reg-node-item.h"

#define PANEL_WIDTH 340

struct _SodoDocumentPaneComments
{
  SodoCommentsController *controller;
  SodoCommentsPanel      *panel;
  SodoCommentsGutter     *gutter;
  AdwFlap                *flap;
  GtkToggleButton        *button;
  AdwButtonContent       *button_content;
  GMenu                  *text_menu;       /* the reading view's extra menu */
  GtkWidget              *toc_popover;
  guint                   toc_menu_node;
};

SodoCommentsController *
sodo_document_pane_get_comments_controller (SodoDocumentPane *self)
{
  g_return_val_if_fail (SODO_IS_DOCUMENT_PANE (self), NULL);

  return self->comments->controller;
}

SodoCommentsPanel *
_sodo_document_pane_get_comments_panel (SodoDocumentPane *self)
{
  return self->comments->panel;
}

SodoCommentsGutter *
_sodo_document_pane_get_comments_gutter (SodoDocumentPane *self)
{
  return self->comments->gutter;
}

gboolean
_sodo_document_pane_get_comments_revealed (SodoDocumentPane *self)
{
  return adw_flap_get_reveal_flap (self->comments->flap);
}

static void
reveal_panel (SodoDocumentPane *self)
{
  adw_flap_set_reveal_flap (self->comments->flap, TRUE);
}

void
sodo_document_pane_add_comment (SodoDocumentPane *self,
                                guint             node)
{
  g_return_if_fail (SODO_IS_DOCUMENT_PANE (self));

  if (self->regulation == NULL || node >= sodo_regulation_get_n_nodes (self->regulation))
    return;
  reveal_panel (self);
  sodo_comments_panel_start_new (self->comments->panel, node);
}

void
sodo_document_pane_show_comments (SodoDocumentPane *self,
                                  guint             node)
{
  g_return_if_fail (SODO_IS_DOCUMENT_PANE (self));

  reveal_panel (self);
  sodo_comments_panel_show_node (self->comments->panel, node);
}

/* The node the text cursor is in (or the selection starts in); else the one at the top. */
static guint
cursor_node (SodoDocumentPane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->reading_view));
  GtkTextIter iter;
  guint node;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  node = sodo_reading_view_get_node_at_offset (self->reading_view,
                                               gtk_text_iter_get_offset (&iter));
  if (node == SODO_NO_INDEX)
    node = sodo_reading_view_get_top_node (self->reading_view);
  if (node == SODO_NO_INDEX && self->regulation != NULL)
    node = sodo_regulation_get_first_node (self->regulation);

  return node;
}

/* Counts */

/* Each heading's count is everything in it: the contents hold no clauses or points. */
static void
update_counts (SodoDocumentPane *self)
{
  guint n_nodes = self->regulation != NULL ? sodo_regulation_get_n_nodes (self->regulation) : 0;
  const SodoRegulationNode *nodes = n_nodes > 0 ? sodo_regulation_get_nodes (self->regulation)
                                                : NULL;
  g_autofree guint *totals = g_new0 (guint, MAX (n_nodes, 1));
  SodoComments *comments = sodo_comments_controller_get_comments (self->comments->controller);
  guint n_comments = comments != NULL ? sodo_comments_get_n_comments (comments) : 0;
  g_autofree char *label = NULL;

  for (guint i = 0; i < n_nodes; i++)
    totals[i] = sodo_comments_controller_count_on_node (self->comments->controller, i);
  /* Nodes are in document order, children after their parent: summed from the end. */
  for (guint i = n_nodes; i > 0; i--)
    if (nodes[i - 1].parent != SODO_NO_INDEX)
      totals[nodes[i - 1].parent] += totals[i - 1];
  sodo_document_toc_set_counts (self->toc, totals, n_nodes);

  /* Translators: the button that shows the comments panel */
  label = g_strdup_printf (ngettext ("%u Comment", "%u Comments", n_comments), n_comments);
  adw_button_content_set_label (self->comments->button_content,
                                n_comments > 0 ? label : _("Comments"));
}

/* The text's context menu */

static void
update_text_menu (SodoDocumentPane *self,
                  guint             node)
{
  g_autofree char *place = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GMenuItem) item = NULL;

  g_menu_remove_all (self->comments->text_menu);
  if (self->regulation == NULL || node == SODO_NO_INDEX)
    return;

  place = sodo_regulation_dup_reference (self->regulation, node, FALSE);
  /* Translators: in the text's context menu; %s names a provision ("Điều 3 khoản 2") */
  label = g_strdup_printf (_("Comment on %s…"), place);
  item = g_menu_item_new (label, "document.add-comment");
  g_menu_append_item (self->comments->text_menu, item);
}

/* A right click puts the cursor where it is (unless it is in the selection), so that the
 * menu's "Comment on …", and Ctrl+Alt+M after it, are about the passage clicked. */
static void
on_text_pressed_cb (GtkGestureClick  *gesture,
                    int               n_press,
                    double            x,
                    double            y,
                    SodoDocumentPane *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->reading_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;
  GtkTextIter start;
  GtkTextIter end;
  int buffer_x;
  int buffer_y;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y,
                                         &buffer_x, &buffer_y);
  gtk_text_view_get_iter_at_location (view, &iter, buffer_x, buffer_y);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end)
      || !gtk_text_iter_in_range (&iter, &start, &end))
    gtk_text_buffer_place_cursor (buffer, &iter);
  update_text_menu (self, cursor_node (self));
}

/* The contents' context menu */

static void
on_toc_pressed_cb (GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   SodoDocumentPane *self)
{
  GtkWidget *toc = GTK_WIDGET (self->toc);
  GtkWidget *picked = gtk_widget_pick (toc, x, y, GTK_PICK_DEFAULT);
  GtkWidget *expander = picked != NULL ? gtk_widget_get_ancestor (picked, GTK_TYPE_TREE_EXPANDER)
                                       : NULL;
  gpointer item = expander != NULL ? gtk_tree_expander_get_item (GTK_TREE_EXPANDER (expander))
                                   : NULL;
  double pane_x;
  double pane_y;

  if (!SODO_IS_REG_NODE_ITEM (item))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->comments->toc_menu_node = sodo_reg_node_item_get_node (item);
  if (!gtk_widget_translate_coordinates (toc, GTK_WIDGET (self), x, y, &pane_x, &pane_y))
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->comments->toc_popover),
                               &(GdkRectangle) { (int) pane_x, (int) pane_y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->comments->toc_popover));
}

static GtkWidget *
create_toc_popover (SodoDocumentPane *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *popover;

  g_menu_append (menu, _("Comment on This…"), "document.add-comment-from-contents");
  g_menu_append (menu, _("Show the Comments on This"), "document.show-comments-from-contents");
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));

  return popover;
}

/* Actions */

static void
add_comment_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SodoDocumentPane *self = SODO_DOCUMENT_PANE (widget);

  sodo_document_pane_add_comment (self, cursor_node (self));
}

static void
add_comment_from_contents_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  SodoDocumentPane *self = SODO_DOCUMENT_PANE (widget);

  sodo_document_pane_add_comment (self, self->comments->toc_menu_node);
}

static void
show_comments_from_contents_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  SodoDocumentPane *self = SODO_DOCUMENT_PANE (widget);

  sodo_document_pane_show_comments (self, self->comments->toc_menu_node);
}

static void
on_gutter_show_cb (SodoCommentsGutter *gutter,
                   guint               node,
                   SodoDocumentPane   *self)
{
  sodo_document_pane_show_comments (self, node);
}

static void
on_gutter_add_cb (SodoCommentsGutter *gutter,
                  guint               node,
                  SodoDocumentPane   *self)
{
  sodo_document_pane_add_comment (self, node);
}

static void
on_panel_node_activated_cb (SodoCommentsPanel *panel,
                            guint              node,
                            SodoDocumentPane  *self)
{
  gboolean folded = FALSE;

  sodo_reading_view_scroll_to_node (self->reading_view, node, TRUE);
  sodo_document_toc_select_node (self->toc, node);

  /* Folded over the text, the panel would hide the place it just went to. */
  g_object_get (self->comments->flap, "folded", &folded, NULL);
  if (folded)
    adw_flap_set_reveal_flap (self->comments->flap, FALSE);
}

/* Set-up */

void
_sodo_document_pane_class_init_comments (GtkWidgetClass *widget_class)
{
  g_type_ensure (SODO_TYPE_COMMENTS_PANEL);

  gtk_widget_class_install_action (widget_class, "document.add-comment", NULL,
                                   add_comment_action);
  gtk_widget_class_install_action (widget_class, "document.add-comment-from-contents", NULL,
                                   add_comment_from_contents_action);
  gtk_widget_class_install_action (widget_class, "document.show-comments-from-contents", NULL,
                                   show_comments_from_contents_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m,
                                       GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "document.add-comment", NULL);
}

/* The text and the comments side by side: the reading view moves into a second flap, whose
 * sidebar (at the end) is the panel. */
static void
place_panel (SodoDocumentPane *self)
{
  GtkWidget *reading = GTK_WIDGET (self->reading_scrolled);
  AdwFlap *flap = ADW_FLAP (adw_flap_new ());

  adw_flap_set_flap_position (flap, GTK_PACK_END);
  adw_flap_set_fold_threshold_policy (flap, ADW_FOLD_THRESHOLD_POLICY_NATURAL);
  adw_flap_set_swipe_to_open (flap, FALSE);
  adw_flap_set_swipe_to_close (flap, FALSE);
  /* Shown and hidden by the user (and by what needs saying), not by the pane's width. */
  adw_flap_set_locked (flap, TRUE);
  adw_flap_set_reveal_flap (flap, FALSE);
  adw_flap_set_separator (flap, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_widget_set_size_request (GTK_WIDGET (self->comments->panel), PANEL_WIDTH, -1);
  adw_flap_set_flap (flap, GTK_WIDGET (self->comments->panel));

  g_object_ref (reading);
  adw_flap_set_content (ADW_FLAP (self->flap), NULL);
  adw_flap_set_content (flap, reading);
  adw_flap_set_content (ADW_FLAP (self->flap), GTK_WIDGET (flap));
  g_object_unref (reading);
  self->comments->flap = flap;
}

/* "N Comments" at the end of the toolbar shows and hides the panel. */
static void
add_toolbar_button (SodoDocumentPane *self)
{
  GtkWidget *toolbar = gtk_widget_get_parent (GTK_WIDGET (self->find_button));
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "sidebar-show-right-symbolic");
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_tooltip_text (button, _("Show Comments"));
  g_object_bind_property (button, "active", self->comments->flap, "reveal-flap",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (toolbar), button);
  self->comments->button = GTK_TOGGLE_BUTTON (button);
  self->comments->button_content = ADW_BUTTON_CONTENT (content);
}

static void
add_context_menus (SodoDocumentPane *self)
{
  GtkGesture *text_click = gtk_gesture_click_new ();
  GtkGesture *toc_click = gtk_gesture_click_new ();

  self->comments->text_menu = g_menu_new ();
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->reading_view),
                                G_MENU_MODEL (self->comments->text_menu));
  /* Before the view's own gesture, which opens the menu. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (text_click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (text_click),
                                              GTK_PHASE_CAPTURE);
  g_signal_connect (text_click, "pressed", G_CALLBACK (on_text_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->reading_view), GTK_EVENT_CONTROLLER (text_click));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (toc_click), GDK_BUTTON_SECONDARY);
  g_signal_connect (toc_click, "pressed", G_CALLBACK (on_toc_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->toc), GTK_EVENT_CONTROLLER (toc_click));
  self->comments->toc_popover = create_toc_popover (self);
}

static void
on_regulation_changed_cb (SodoDocumentPane *self)
{
  update_text_menu (self, SODO_NO_INDEX);
}

/* A draft left by a crash, or a damaged comments file, is said in the panel: it opens. */
static void
on_controller_notify_cb (SodoDocumentPane *self)
{
  SodoCommentsController *controller = self->comments->controller;

  if (sodo_comments_controller_get_recovered_draft (controller) != NULL
      || sodo_comments_controller_get_problem (controller) != NULL)
    reveal_panel (self);
}

void
_sodo_document_pane_init_comments (SodoDocumentPane *self)
{
  SodoDocumentPaneComments *comments = g_new0 (SodoDocumentPaneComments, 1);

  self->comments = comments;
  comments->controller = sodo_comments_controller_new ();
  comments->panel = SODO_COMMENTS_PANEL (sodo_comments_panel_new ());
  sodo_comments_panel_set_controller (comments->panel, comments->controller);
  place_panel (self);
  add_toolbar_button (self);
  add_context_menus (self);
  comments->gutter = sodo_comments_gutter_attach (self->reading_view, comments->controller);

  g_signal_connect_object (comments->controller, "counts-changed", G_CALLBACK (update_counts),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (comments->gutter, "show-comments", G_CALLBACK (on_gutter_show_cb), self);
  g_signal_connect (comments->gutter, "add-comment", G_CALLBACK (on_gutter_add_cb), self);
  g_signal_connect (comments->panel, "node-activated", G_CALLBACK (on_panel_node_activated_cb),
                    self);
  g_signal_connect (self, "notify::regulation", G_CALLBACK (on_regulation_changed_cb), NULL);
  g_signal_connect_object (comments->controller, "notify::has-recovered-draft",
                           G_CALLBACK (on_controller_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (comments->controller, "notify::problem",
                           G_CALLBACK (on_controller_notify_cb), self, G_CONNECT_SWAPPED);
  /* The controller follows the pane's regulation (after the pane has typeset it). */
  g_object_bind_property (self, "regulation", comments->controller, "regulation",
                          G_BINDING_SYNC_CREATE);
  update_counts (self);
}

void
_sodo_document_pane_dispose_comments (SodoDocumentPane *self)
{
  SodoDocumentPaneComments *comments = self->comments;

  if (comments == NULL)
    return;

  /* The comments are saved, and the draft kept, before anything goes. */
  sodo_comments_controller_flush (comments->controller);
  g_signal_handlers_disconnect_by_data (comments->controller, self);
  g_clear_pointer (&comments->toc_popover, gtk_widget_unparent);
  g_clear_object (&comments->text_menu);
  g_clear_object (&comments->controller);
  g_clear_pointer (&self->comments, g_free);
}
