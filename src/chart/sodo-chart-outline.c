/* sodo-chart-outline.c: the chart as an expandable list, the keyboard and screen-reader path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-chart-outline.h"
#include "sodo-kind-swatch.h"
#include "sodo-unit-item.h"
#include "sodo-unit-list.h"

/* Keys on the row's expander for the widgets the factory fills in. */
#define ROW_NAME_LABEL "sodo-name-label"
#define ROW_KIND_LABEL "sodo-kind-label"
#define ROW_SWATCH     "sodo-swatch"
#define ROW_ITEM       "sodo-item"

struct _SodoChartOutline
{
  GtkWidget           parent_instance;

  GtkListView        *list_view;
  GtkScrolledWindow  *scrolled_window;

  SodoOrgchart       *orgchart;
  GtkTreeListModel   *tree_model;
  GtkSingleSelection *selection;
  guint               selected_unit;
  /* Set while the outline changes the list's selection itself, so that the list's signal
   * does not come back as a choice of the user. */
  gboolean            syncing;
  /* Row to give the keyboard focus once the list has made its widget (GTK < 4.12). */
  guint               pending_focus;
  guint               focus_tick_id;
};

G_DEFINE_FINAL_TYPE (SodoChartOutline, sodo_chart_outline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ORGCHART,
  PROP_SELECTED_UNIT,
  N_PROPS
};

enum {
  SIGNAL_UNIT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The unit of a row of the list (a GtkTreeListRow holding a SodoUnitItem). */
static guint
row_get_unit (GtkTreeListRow *row)
{
  g_autoptr(SodoUnitItem) item = NULL;

  if (row == NULL)
    return SODO_NO_INDEX;
  item = gtk_tree_list_row_get_item (row);
  return item != NULL ? sodo_unit_item_get_unit (item) : SODO_NO_INDEX;
}

static GtkTreeListRow *
get_selected_row (SodoChartOutline *self)
{
  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  SodoUnitItem *unit_item = item;

  /* NULL marks a leaf: the row gets no expander. */
  if (sodo_unit_item_get_n_children (unit_item) == 0)
    return NULL;
  return G_LIST_MODEL (sodo_unit_list_new (sodo_unit_item_get_orgchart (unit_item),
                                           sodo_unit_item_get_unit (unit_item)));
}

/* ---- Focus and scrolling ---- */

/* The widget of the row at @position among the list's children, if the list has made it. */
static GtkWidget *
find_row_widget (SodoChartOutline *self,
                 guint             position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *content = gtk_widget_get_first_child (child);
      GtkTreeListRow *row;

      if (!GTK_IS_TREE_EXPANDER (content))
        continue;
      row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (content));
      if (row != NULL && gtk_tree_list_row_get_position (row) == position)
        return child;
    }
  return NULL;
}

static gboolean
focus_pending_row_cb (GtkWidget     *widget,
                      GdkFrameClock *frame_clock,
                      gpointer       user_data)
{
  SodoChartOutline *self = SODO_CHART_OUTLINE (user_data);
  GtkWidget *row_widget = find_row_widget (self, self->pending_focus);

  if (row_widget != NULL)
    gtk_widget_grab_focus (row_widget);
  self->focus_tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* Brings the row at @position into view and, with @focus, gives it the keyboard focus, so
 * that the next arrow key moves on from there. */
static void
scroll_to_row (SodoChartOutline *self,
               guint             position,
               gboolean          focus)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_list_view_scroll_to (self->list_view, position,
                           focus ? GTK_LIST_SCROLL_FOCUS : GTK_LIST_SCROLL_NONE, NULL);
#else
  GtkWidget *row_widget;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  if (!focus)
    return;

  /* GTK 4.8 has no call to focus a row: find its widget, now or once the list has laid
   * out the rows it scrolled to. */
  row_widget = find_row_widget (self, position);
  if (row_widget != NULL)
    {
      gtk_widget_grab_focus (row_widget);
      return;
    }
  self->pending_focus = position;
  if (self->focus_tick_id == 0)
    self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_pending_row_cb,
                                                        self, NULL);
#endif
}

/* ---- Selection ---- */

static void
set_selected_unit_internal (SodoChartOutline *self,
                            guint             unit)
{
  if (self->selected_unit == unit)
    return;

  self->selected_unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UNIT]);
}

/* Expands the rows above @unit and returns its row (full reference), or NULL. */
static GtkTreeListRow *
reveal_unit (SodoChartOutline *self,
             guint             unit)
{
  const SodoUnit *units = sodo_orgchart_get_units (self->orgchart);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GtkTreeListRow) row = NULL;

  /* From @unit up to the root; walked back down, expanding. */
  for (guint u = unit; u != SODO_NO_INDEX; u = units[u].parent)
    g_array_append_val (path, u);

  row = gtk_tree_list_model_get_child_row (self->tree_model, 0);
  for (guint i = path->len - 1; row != NULL && i > 0; i--)
    {
      GtkTreeListRow *child_row;
      GListModel *children;
      guint position;

      gtk_tree_list_row_set_expanded (row, TRUE);
      children = gtk_tree_list_row_get_children (row);
      if (!SODO_IS_UNIT_LIST (children))
        return NULL;
      position = sodo_unit_list_find_unit (SODO_UNIT_LIST (children),
                                           g_array_index (path, guint, i - 1));
      if (position == G_MAXUINT)
        return NULL;
      child_row = gtk_tree_list_row_get_child_row (row, position);
      g_object_unref (row);
      row = child_row;
    }
  return g_steal_pointer (&row);
}

/* Makes the list show self->selected_unit as selected. */
static void
sync_list_selection (SodoChartOutline *self)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->selection == NULL || self->tree_model == NULL)
    return;

  if (self->selected_unit < sodo_orgchart_get_n_units (self->orgchart))
    row = reveal_unit (self, self->selected_unit);
  if (row != NULL)
    position = gtk_tree_list_row_get_position (row);

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to_row (self, position, FALSE);
}

static void
on_selection_changed_cb (SodoChartOutline *self)
{
  guint unit;

  if (self->syncing)
    return;

  /* No row selected happens when the user collapses the row above the selected one: the
   * unit stays selected (in the chart too), it is only out of sight here. */
  unit = row_get_unit (get_selected_row (self));
  if (unit != SODO_NO_INDEX)
    set_selected_unit_internal (self, unit);
}

/* Selects the row at @position as if the user had chosen it, and focuses it. */
static void
choose_row (SodoChartOutline *self,
            guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to_row (self, position, TRUE);
}

/* ---- Rows ---- */

/* The tooltip shows a name the row cuts short. It is asked for when it is about to show
 * rather than set on every bind: setting a tooltip on a visible widget makes GTK ask the
 * display server where the pointer is, a round trip per row as the list fills or scrolls. */
static gboolean
on_row_query_tooltip_cb (GtkWidget  *expander,
                         int         x,
                         int         y,
                         gboolean    keyboard_mode,
                         GtkTooltip *tooltip,
                         gpointer    user_data)
{
  const char *name = gtk_label_get_text (g_object_get_data (G_OBJECT (expander),
                                                            ROW_NAME_LABEL));

  if (name == NULL || *name == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, name);
  return TRUE;
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     SodoChartOutline         *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *swatch = sodo_kind_swatch_new ();
  GtkWidget *name_label = gtk_label_new (NULL);
  GtkWidget *kind_label = gtk_label_new (NULL);

  /* Unit names are long and the sidebar narrow: two lines before the ellipsis. */
  gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (name_label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (kind_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (kind_label), 0.0f);
  gtk_widget_add_css_class (kind_label, "caption");
  gtk_widget_add_css_class (kind_label, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);

  gtk_box_append (GTK_BOX (labels), name_label);
  gtk_box_append (GTK_BOX (labels), kind_label);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);

  g_object_set_data (G_OBJECT (expander), ROW_NAME_LABEL, name_label);
  g_object_set_data (G_OBJECT (expander), ROW_KIND_LABEL, kind_label);
  g_object_set_data (G_OBJECT (expander), ROW_SWATCH, swatch);
  gtk_widget_set_has_tooltip (expander, TRUE);
  g_signal_connect (expander, "query-tooltip", G_CALLBACK (on_row_query_tooltip_cb), NULL);
  gtk_list_item_set_child (list_item, expander);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    SodoChartOutline         *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(SodoUnitItem) item = gtk_tree_list_row_get_item (row);
  const char *name = sodo_unit_item_get_name (item);
  const char *kind_name = sodo_unit_item_get_kind_name (item);
  SodoOrgchart *orgchart = sodo_unit_item_get_orgchart (item);
  guint kind = sodo_orgchart_get_unit (orgchart, sodo_unit_item_get_unit (item))->kind;
  g_autofree char *description = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  /* The row keeps its item while it shows it, so that asking again gets the same object. */
  g_object_set_data_full (G_OBJECT (expander), ROW_ITEM, g_object_ref (item), g_object_unref);
  gtk_label_set_text (g_object_get_data (G_OBJECT (expander), ROW_NAME_LABEL), name);
  gtk_label_set_text (g_object_get_data (G_OBJECT (expander), ROW_KIND_LABEL), kind_name);
  sodo_kind_swatch_set_kind (g_object_get_data (G_OBJECT (expander), ROW_SWATCH), orgchart, kind);

  description = kind_name != NULL ? g_strdup (kind_name) : NULL;
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      SodoChartOutline         *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
  g_object_set_data (G_OBJECT (expander), ROW_ITEM, NULL);
}

static void
on_list_view_activate_cb (SodoChartOutline *self,
                          guint             position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  guint unit = row_get_unit (row);

  if (unit != SODO_NO_INDEX)
    g_signal_emit (self, signals[SIGNAL_UNIT_ACTIVATED], 0, unit);
}

/* ---- Keyboard ---- */

/* Right: expands the selected row, or when it is open, goes to its first child. */
static void
expand_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SodoChartOutline *self = SODO_CHART_OUTLINE (widget);
  GtkTreeListRow *row = get_selected_row (self);

  if (row == NULL || !gtk_tree_list_row_is_expandable (row))
    return;

  if (!gtk_tree_list_row_get_expanded (row))
    gtk_tree_list_row_set_expanded (row, TRUE);
  else
    choose_row (self, gtk_tree_list_row_get_position (row) + 1);
}

/* Left: collapses the selected row, or when it is closed, goes to its parent. */
static void
collapse_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SodoChartOutline *self = SODO_CHART_OUTLINE (widget);
  GtkTreeListRow *row = get_selected_row (self);
  g_autoptr(GtkTreeListRow) parent = NULL;

  if (row == NULL)
    return;

  if (gtk_tree_list_row_get_expanded (row))
    {
      gtk_tree_list_row_set_expanded (row, FALSE);
      return;
    }
  parent = gtk_tree_list_row_get_parent (row);
  if (parent != NULL)
    choose_row (self, gtk_tree_list_row_get_position (parent));
}

static void
add_key (GtkShortcutController *controller,
         guint                  keyval,
         const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                                          gtk_named_action_new (action_name)));
}

/* The list view takes Left and Right for itself (moving across, which a one-column list
 * cannot do): catch them before it, on the way down. */
static void
setup_keys (SodoChartOutline *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Right, "outline.expand");
  add_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_Right, "outline.expand");
  add_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_plus, "outline.expand");
  add_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_Add, "outline.expand");
  add_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Left, "outline.collapse");
  add_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_Left, "outline.collapse");
  add_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_minus, "outline.collapse");
  add_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_Subtract, "outline.collapse");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* ---- Model ---- */

static void
rebuild_model (SodoChartOutline *self)
{
  GtkTreeListModel *tree_model = NULL;
  g_autoptr(GtkTreeListRow) root_row = NULL;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selection_changed_cb, self);
  g_clear_object (&self->selection);
  self->tree_model = NULL;

  if (self->orgchart != NULL)
    tree_model = gtk_tree_list_model_new (G_LIST_MODEL (sodo_unit_list_new (self->orgchart,
                                                                            SODO_NO_INDEX)),
                                          FALSE, FALSE, create_children_cb, NULL, NULL);
  self->tree_model = tree_model;
  self->selection = gtk_single_selection_new (G_LIST_MODEL (tree_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (on_selection_changed_cb), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* The root alone says little: open its first level. */
  if (tree_model != NULL)
    root_row = gtk_tree_list_model_get_child_row (tree_model, 0);
  if (root_row != NULL)
    gtk_tree_list_row_set_expanded (root_row, TRUE);
}

/* ---- GObject ---- */

static void
sodo_chart_outline_dispose (GObject *object)
{
  SodoChartOutline *self = SODO_CHART_OUTLINE (object);

  if (self->focus_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick_id);
  self->focus_tick_id = 0;
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selection_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SODO_TYPE_CHART_OUTLINE);
  g_clear_object (&self->selection);
  self->tree_model = NULL;
  g_clear_object (&self->orgchart);

  G_OBJECT_CLASS (sodo_chart_outline_parent_class)->dispose (object);
}

static void
sodo_chart_outline_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SodoChartOutline *self = SODO_CHART_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_ORGCHART:
      g_value_set_object (value, self->orgchart);
      break;
    case PROP_SELECTED_UNIT:
      g_value_set_uint (value, self->selected_unit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_chart_outline_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SodoChartOutline *self = SODO_CHART_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_ORGCHART:
      sodo_chart_outline_set_orgchart (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_UNIT:
      sodo_chart_outline_set_selected_unit (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_chart_outline_class_init (SodoChartOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sodo_chart_outline_dispose;
  object_class->get_property = sodo_chart_outline_get_property;
  object_class->set_property = sodo_chart_outline_set_property;

  properties[PROP_ORGCHART] =
    g_param_spec_object ("orgchart", NULL, NULL, SODO_TYPE_ORGCHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_UNIT] =
    g_param_spec_uint ("selected-unit", NULL, NULL, 0, G_MAXUINT32, SODO_NO_INDEX,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SodoChartOutline::unit-activated:
   * @unit: the unit's index
   *
   * A row was activated (Enter or double click): the pane centres the chart on it.
   */
  signals[SIGNAL_UNIT_ACTIVATED] =
    g_signal_new ("unit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "outline.expand", NULL, expand_action_cb);
  gtk_widget_class_install_action (widget_class, "outline.collapse", NULL, collapse_action_cb);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/sodo-chart-outline.ui");
  gtk_widget_class_bind_template_child (widget_class, SodoChartOutline, list_view);
  gtk_widget_class_bind_template_child (widget_class, SodoChartOutline, scrolled_window);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "outline");
}

static void
sodo_chart_outline_init (SodoChartOutline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected_unit = SODO_NO_INDEX;
  setup_keys (self);
  rebuild_model (self);
}

GtkWidget *
sodo_chart_outline_new (void)
{
  return g_object_new (SODO_TYPE_CHART_OUTLINE, NULL);
}

SodoOrgchart *
sodo_chart_outline_get_orgchart (SodoChartOutline *self)
{
  g_return_val_if_fail (SODO_IS_CHART_OUTLINE (self), NULL);

  return self->orgchart;
}

void
sodo_chart_outline_set_orgchart (SodoChartOutline *self,
                                 SodoOrgchart     *orgchart)
{
  g_return_if_fail (SODO_IS_CHART_OUTLINE (self));
  g_return_if_fail (orgchart == NULL || SODO_IS_ORGCHART (orgchart));

  if (!g_set_object (&self->orgchart, orgchart))
    return;

  /* The selection is left to the pane's binding (a reload keeps it): only an index the new
   * chart does not have is dropped. */
  rebuild_model (self);
  if (orgchart == NULL || self->selected_unit >= sodo_orgchart_get_n_units (orgchart))
    set_selected_unit_internal (self, SODO_NO_INDEX);
  else
    sync_list_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGCHART]);
}

guint
sodo_chart_outline_get_selected_unit (SodoChartOutline *self)
{
  g_return_val_if_fail (SODO_IS_CHART_OUTLINE (self), SODO_NO_INDEX);

  return self->selected_unit;
}

void
sodo_chart_outline_set_selected_unit (SodoChartOutline *self,
                                      guint             unit)
{
  g_return_if_fail (SODO_IS_CHART_OUTLINE (self));

  /* Without a chart yet, the index waits for it (the pane may bind before it sets one). */
  if (self->orgchart != NULL && unit >= sodo_orgchart_get_n_units (self->orgchart))
    unit = SODO_NO_INDEX;
  if (self->selected_unit == unit)
    return;

  self->selected_unit = unit;
  sync_list_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UNIT]);
}

GListModel *
sodo_chart_outline_get_rows (SodoChartOutline *self)
{
  g_return_val_if_fail (SODO_IS_CHART_OUTLINE (self), NULL);

  return self->tree_model != NULL ? G_LIST_MODEL (self->tree_model) : NULL;
}
