/* sodo-document-toc.c: a regulation's table of contents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sodo-document-private.h"
#include "sodo-document-toc.h"
#include "sodo-reg-node-item.h"
#include "sodo-reg-node-list.h"

struct _SodoDocumentToc
{
  GtkWidget           parent_instance;

  GtkWidget          *scrolled;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GtkTreeListModel   *tree;

  SodoRegulation     *regulation;
  /* Set while the selection follows the reading position, so that it is not taken for
   * the user's choice. */
  gboolean            selecting;

  /* A number shown after each heading (the comments in it), and the rows showing one. */
  GArray             *counts;
  GHashTable         *bound_items;
};

G_DEFINE_FINAL_TYPE (SodoDocumentToc, sodo_document_toc, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REGULATION,
  N_PROPS
};

enum {
  NODE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
sodo_document_toc_new (void)
{
  return g_object_new (SODO_TYPE_DOCUMENT_TOC, NULL);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  SodoRegNodeItem *node_item = SODO_REG_NODE_ITEM (item);
  SodoRegulation *regulation = sodo_reg_node_item_get_regulation (node_item);
  guint node = sodo_reg_node_item_get_node (node_item);
  g_autoptr(SodoRegNodeList) children = NULL;

  /* Articles are leaves here: what they hold is read in the reading view. */
  if (sodo_reg_node_item_get_level (node_item) >= SODO_LEVEL_ARTICLE)
    return NULL;

  children = sodo_reg_node_list_new (regulation, node);
  if (g_list_model_get_n_items (G_LIST_MODEL (children)) == 0)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&children));
}

SodoRegulation *
sodo_document_toc_get_regulation (SodoDocumentToc *self)
{
  g_return_val_if_fail (SODO_IS_DOCUMENT_TOC (self), NULL);

  return self->regulation;
}

void
sodo_document_toc_set_regulation (SodoDocumentToc *self,
                                  SodoRegulation  *regulation)
{
  g_autoptr(GtkTreeListModel) tree = NULL;

  g_return_if_fail (SODO_IS_DOCUMENT_TOC (self));
  g_return_if_fail (regulation == NULL || SODO_IS_REGULATION (regulation));

  if (!g_set_object (&self->regulation, regulation))
    return;

  if (regulation != NULL)
    {
      SodoRegNodeList *root = sodo_reg_node_list_new (regulation, SODO_NO_INDEX);

      /* Everything expanded: a regulation has tens of headings, and its outline reads best
       * whole. The user can still fold a chapter away. */
      tree = gtk_tree_list_model_new (G_LIST_MODEL (root), FALSE, TRUE,
                                      create_children_cb, NULL, NULL);
    }

  self->selecting = TRUE;
  g_set_object (&self->tree, tree);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));
  self->selecting = FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGULATION]);
}

/* The row that stands for @node: its own, or that of the nearest heading above it whose
 * row is shown (its parents may be collapsed). NULL when none is. */
static GtkTreeListRow *
find_row (SodoDocumentToc *self,
          guint            node)
{
  const SodoRegulationNode *nodes = sodo_regulation_get_nodes (self->regulation);
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GtkTreeListRow) row = NULL;
  GListModel *root = gtk_tree_list_model_get_model (self->tree);

  for (guint i = node; i != SODO_NO_INDEX; i = nodes[i].parent)
    if (_SODO_LEVEL_IN_TOC (nodes[i].level))
      g_array_prepend_val (chain, i);

  for (guint depth = 0; depth < chain->len; depth++)
    {
      guint chain_node = g_array_index (chain, guint, depth);
      g_autoptr(GtkTreeListRow) child = NULL;
      GListModel *children;
      guint position;

      children = row == NULL ? root : gtk_tree_list_row_get_children (row);
      if (children == NULL || !SODO_IS_REG_NODE_LIST (children))
        break;
      position = sodo_reg_node_list_find_node (SODO_REG_NODE_LIST (children), chain_node);
      if (position == G_MAXUINT)
        break;
      child = row == NULL ? gtk_tree_list_model_get_child_row (self->tree, position)
                          : gtk_tree_list_row_get_child_row (row, position);
      if (child == NULL)
        break;
      g_set_object (&row, child);
    }

  return g_steal_pointer (&row);
}

void
sodo_document_toc_select_node (SodoDocumentToc *self,
                               guint            node)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  guint position;

  g_return_if_fail (SODO_IS_DOCUMENT_TOC (self));

  if (self->regulation != NULL && node < sodo_regulation_get_n_nodes (self->regulation))
    row = find_row (self, node);

  self->selecting = TRUE;
  if (row == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->selecting = FALSE;
      return;
    }

  position = gtk_tree_list_row_get_position (row);
  if (gtk_single_selection_get_selected (self->selection) != position)
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                  position);
    }
  self->selecting = FALSE;
}

guint
sodo_document_toc_get_selected_node (SodoDocumentToc *self)
{
  GtkTreeListRow *row;
  g_autoptr(SodoRegNodeItem) item = NULL;

  g_return_val_if_fail (SODO_IS_DOCUMENT_TOC (self), SODO_NO_INDEX);

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return SODO_NO_INDEX;
  item = gtk_tree_list_row_get_item (row);

  return item != NULL ? sodo_reg_node_item_get_node (item) : SODO_NO_INDEX;
}

static void
activate_position (SodoDocumentToc *self,
                   guint            position)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(SodoRegNodeItem) item = NULL;

  if (self->tree == NULL)
    return;
  row = gtk_tree_list_model_get_row (self->tree, position);
  if (row == NULL)
    return;
  item = gtk_tree_list_row_get_item (row);
  g_signal_emit (self, signals[NODE_ACTIVATED], 0, sodo_reg_node_item_get_node (item));
}

static void
on_selection_changed_cb (GtkSelectionModel *model,
                         guint              position,
                         guint              n_items,
                         SodoDocumentToc   *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (self->selecting || selected == GTK_INVALID_LIST_POSITION)
    return;
  activate_position (self, selected);
}

/* Enter, or a click on the row already selected: go there again. */
static void
on_list_activate_cb (GtkListView     *list_view,
                     guint            position,
                     SodoDocumentToc *self)
{
  activate_position (self, position);
}

static SodoDocumentToc *
get_toc (GtkGesture *gesture)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  return SODO_DOCUMENT_TOC (gtk_widget_get_ancestor (widget, SODO_TYPE_DOCUMENT_TOC));
}

/* A click on the row that is already selected changes no selection, but the reader still
 * means to go there. The row's own gesture runs before the list's, so it sees the selection
 * from before the click. */
static void
on_row_pressed_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkListItem     *list_item)
{
  SodoDocumentToc *self = get_toc (GTK_GESTURE (gesture));
  gboolean was_selected;

  was_selected = self != NULL
                 && gtk_list_item_get_position (list_item)
                    == gtk_single_selection_get_selected (self->selection);
  g_object_set_data (G_OBJECT (gesture), "sodo-was-selected", GINT_TO_POINTER (was_selected));
}

static void
on_row_released_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkListItem     *list_item)
{
  SodoDocumentToc *self = get_toc (GTK_GESTURE (gesture));

  if (self != NULL && g_object_get_data (G_OBJECT (gesture), "sodo-was-selected") != NULL)
    activate_position (self, gtk_list_item_get_position (list_item));
}

/* The count label of a row, after the heading. */
static void
update_count (SodoDocumentToc *self,
              GtkListItem     *list_item)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *count = gtk_widget_get_last_child (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander)));
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(SodoRegNodeItem) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
  guint node = item != NULL ? sodo_reg_node_item_get_node (item) : SODO_NO_INDEX;
  guint value = self->counts != NULL && node < self->counts->len
                ? g_array_index (self->counts, guint, node) : 0;
  g_autofree char *text = g_strdup_printf ("%u", value);

  gtk_label_set_text (GTK_LABEL (count), text);
  gtk_widget_set_visible (count, value > 0);
}

void
sodo_document_toc_set_counts (SodoDocumentToc *self,
                              const guint     *counts,
                              guint            n_counts)
{
  GHashTableIter iter;
  gpointer list_item;

  g_return_if_fail (SODO_IS_DOCUMENT_TOC (self));
  g_return_if_fail (counts != NULL || n_counts == 0);

  g_array_set_size (self->counts, 0);
  g_array_append_vals (self->counts, counts, n_counts);
  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    update_count (self, list_item);
}

/* The tooltip shows a heading the row cuts short. It is asked for when it is about to
 * show rather than set on every bind: setting a tooltip on a visible widget makes GTK ask
 * the display server where the pointer is, a round trip per row as the list fills. */
static gboolean
on_label_query_tooltip_cb (GtkWidget  *label,
                           int         x,
                           int         y,
                           gboolean    keyboard_mode,
                           GtkTooltip *tooltip,
                           gpointer    user_data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_label_query_tooltip_cb), NULL);
  gtk_widget_add_css_class (count, "sodo-toc-count");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (count, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);

  g_signal_connect (click, "pressed", G_CALLBACK (on_row_pressed_cb), list_item);
  g_signal_connect (click, "released", G_CALLBACK (on_row_released_cb), list_item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             SodoDocumentToc          *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander)));
  g_autoptr(SodoRegNodeItem) item = gtk_tree_list_row_get_item (row);
  g_autofree char *heading = sodo_reg_node_item_dup_heading (item);
  SodoLevel level = sodo_reg_node_item_get_level (item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_text (GTK_LABEL (label), heading);
  if (level < SODO_LEVEL_ARTICLE)
    gtk_widget_add_css_class (label, "sodo-toc-heading");
  else
    gtk_widget_remove_css_class (label, "sodo-toc-heading");
  g_hash_table_add (self->bound_items, list_item);
  update_count (self, list_item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SodoDocumentToc          *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  if (self->bound_items != NULL)
    g_hash_table_remove (self->bound_items, list_item);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static void
sodo_document_toc_dispose (GObject *object)
{
  SodoDocumentToc *self = SODO_DOCUMENT_TOC (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  self->list_view = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->regulation);
  g_clear_pointer (&self->counts, g_array_unref);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);

  G_OBJECT_CLASS (sodo_document_toc_parent_class)->dispose (object);
}

static void
sodo_document_toc_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SodoDocumentToc *self = SODO_DOCUMENT_TOC (object);

  switch (prop_id)
    {
    case PROP_REGULATION:
      g_value_set_object (value, self->regulation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_document_toc_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SodoDocumentToc *self = SODO_DOCUMENT_TOC (object);

  switch (prop_id)
    {
    case PROP_REGULATION:
      sodo_document_toc_set_regulation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_document_toc_class_init (SodoDocumentTocClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sodo_document_toc_dispose;
  object_class->get_property = sodo_document_toc_get_property;
  object_class->set_property = sodo_document_toc_set_property;

  properties[PROP_REGULATION] =
    g_param_spec_object ("regulation", NULL, NULL, SODO_TYPE_REGULATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SodoDocumentToc::node-activated:
   * @node: the index of the chosen node in the regulation
   */
  signals[NODE_ACTIVATED] =
    g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sodo-document-toc");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_NAVIGATION);
}

static void
sodo_document_toc_init (SodoDocumentToc *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  self->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  self->bound_items = g_hash_table_new (NULL, NULL);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "selection-changed",
                    G_CALLBACK (on_selection_changed_cb), self);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                                      factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Contents"), -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_list_activate_cb), self);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled),
                                 GTK_WIDGET (self->list_view));
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

GtkListView *
_sodo_document_toc_get_list_view (SodoDocumentToc *self)
{
  return self->list_view;
}
