/* sodo-chart-search.c: the find bar's content in the chart pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/sodo-language.h"

#include "sodo-chart-search.h"
#include "sodo-unit-matcher.h"

#define NO_MATCH G_MAXUINT

struct _SodoChartSearch
{
  GtkWidget       parent_instance;

  /* Template widgets; the box is bound so that disposing the template takes it away. */
  GtkWidget      *box;
  GtkLabel       *count_label;
  GtkSearchEntry *entry;

  GtkSearchBar   *search_bar;    /* the bar around us, while we are in one */

  SodoOrgchart   *orgchart;
  guint           selected_unit;
  GArray         *matches;       /* unit indices, tree order */
  guint           current;       /* index into @matches of the match moved to, or NO_MATCH */
  char           *last_query;    /* the query @matches answer, NULL when none */
};

G_DEFINE_FINAL_TYPE (SodoChartSearch, sodo_chart_search, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ORGCHART,
  PROP_SELECTED_UNIT,
  N_PROPS
};

enum {
  SIGNAL_MATCHES_CHANGED,
  SIGNAL_ACTIVATE_MATCH,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
tree_rank (SodoChartSearch *self,
           guint            unit)
{
  return sodo_unit_matcher_get_tree_rank (sodo_unit_matcher_get_for_chart (self->orgchart), unit);
}

/* The first match whose tree rank is at least @rank (matches->len when none). */
static guint
lower_bound (SodoChartSearch *self,
             guint            rank)
{
  guint low = 0;
  guint high = self->matches->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (tree_rank (self, g_array_index (self->matches, guint, middle)) < rank)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* The index of the selected unit among the matches, or NO_MATCH. */
static guint
find_selected_match (SodoChartSearch *self)
{
  guint index;

  if (self->selected_unit == SODO_NO_INDEX || self->matches->len == 0)
    return NO_MATCH;
  index = lower_bound (self, tree_rank (self, self->selected_unit));
  if (index < self->matches->len
      && g_array_index (self->matches, guint, index) == self->selected_unit)
    return index;
  return NO_MATCH;
}

static void
update_count_label (SodoChartSearch *self)
{
  g_autofree char *text = NULL;
  guint n_matches = self->matches->len;
  gboolean searching = self->last_query != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->count_label), searching);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.next", n_matches > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.previous", n_matches > 0);
  if (searching && n_matches == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");

  if (!searching)
    text = g_strdup ("");
  else if (n_matches == 0)
    text = g_strdup (_("No matches"));
  else
    {
      /* A big chart's counts are grouped the language's way: "1.234" in Vietnamese. */
      g_autofree char *total = sodo_format_number (n_matches, sodo_language_get ());
      g_autofree char *current = self->current != NO_MATCH
                                 ? sodo_format_number (self->current + 1, sodo_language_get ())
                                 : NULL;

      if (current != NULL)
        /* Translators: the match the user is on, of how many, e.g. "3 of 12" */
        text = g_strdup_printf (_("%s of %s"), current, total);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s match", "%s matches",
                                             n_matches),
                                total);
    }
  gtk_label_set_text (self->count_label, text);
}

static void
set_selected_unit_internal (SodoChartSearch *self,
                            guint            unit)
{
  if (self->selected_unit == unit)
    return;

  self->selected_unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UNIT]);
}

static void
go_to_match (SodoChartSearch *self,
             guint            index)
{
  guint unit = g_array_index (self->matches, guint, index);

  self->current = index;
  update_count_label (self);
  /* The pane selects and centres the unit; the bound "selected-unit" then comes back here.
   * Setting it too keeps the selection right when nothing handles the signal. */
  g_signal_emit (self, signals[SIGNAL_ACTIVATE_MATCH], 0, unit);
  set_selected_unit_internal (self, unit);
}

/* Searches for the entry's text; with @move, goes to the first match at or after the
 * selected unit. */
static void
run_search (SodoChartSearch *self,
            gboolean         move)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  gboolean bar_open = self->search_bar == NULL
                      || gtk_search_bar_get_search_mode (self->search_bar);
  gboolean searching = self->orgchart != NULL && bar_open && query[0] != '\0';

  g_array_set_size (self->matches, 0);
  self->current = NO_MATCH;
  g_clear_pointer (&self->last_query, g_free);

  if (searching)
    {
      SodoUnitMatcher *matcher = sodo_unit_matcher_get_for_chart (self->orgchart);
      g_autoptr(GArray) found = sodo_unit_matcher_find (matcher, query);

      g_array_append_vals (self->matches, found->data, found->len);
      self->last_query = g_strdup (query);
      self->current = find_selected_match (self);
    }

  update_count_label (self);
  g_signal_emit (self, signals[SIGNAL_MATCHES_CHANGED], 0);

  if (move && self->matches->len > 0)
    {
      guint first = self->selected_unit != SODO_NO_INDEX
                    ? lower_bound (self, tree_rank (self, self->selected_unit)) : 0;

      go_to_match (self, first < self->matches->len ? first : 0);
    }
}

/* Steps by @direction (1 or -1) from the selected unit. */
static void
step (SodoChartSearch *self,
      int              direction)
{
  guint n_matches = self->matches->len;
  guint index = find_selected_match (self);

  if (n_matches == 0)
    return;

  if (index != NO_MATCH)
    index = (index + n_matches + direction) % n_matches;
  else if (self->selected_unit == SODO_NO_INDEX)
    index = direction > 0 ? 0 : n_matches - 1;
  else
    {
      /* From a unit that is no match: the nearest match past it, in that direction. */
      guint rank = tree_rank (self, self->selected_unit);

      index = lower_bound (self, rank);
      if (direction > 0)
        index = index < n_matches ? index : 0;
      else
        index = index > 0 ? index - 1 : n_matches - 1;
    }
  go_to_match (self, index);
}

/* ---- Signal handlers ---- */

static void
on_entry_search_changed_cb (SodoChartSearch *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  /* sodo_chart_search_set_query() already searched for this text. */
  if (self->last_query != NULL && g_str_equal (query, self->last_query))
    return;
  run_search (self, TRUE);
}

static void
on_entry_activate_cb (SodoChartSearch *self)
{
  step (self, 1);
}

static void
on_entry_next_match_cb (SodoChartSearch *self)
{
  step (self, 1);
}

static void
on_entry_previous_match_cb (SodoChartSearch *self)
{
  step (self, -1);
}

static void
on_search_mode_changed_cb (SodoChartSearch *self)
{
  /* A closed bar shows no highlights (it also empties the entry); opening it again shows
   * the matches of what the entry holds, without moving the selection. */
  run_search (self, FALSE);
}

static void
next_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  step (SODO_CHART_SEARCH (widget), 1);
}

static void
previous_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  step (SODO_CHART_SEARCH (widget), -1);
}

/* Shift+Enter steps back; the entry only knows plain Enter. */
static void
setup_entry_keys (SodoChartSearch *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const guint keyvals[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keyvals); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keyvals[i], GDK_SHIFT_MASK);
      GtkShortcutAction *action = gtk_named_action_new ("search.previous");

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger, action));
    }
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);
}

/* ---- The search bar around ---- */

static void
sodo_chart_search_root (GtkWidget *widget)
{
  SodoChartSearch *self = SODO_CHART_SEARCH (widget);
  GtkWidget *bar = gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_BAR);

  GTK_WIDGET_CLASS (sodo_chart_search_parent_class)->root (widget);

  if (bar == NULL)
    return;
  /* Escape in the entry closes the bar, and opening the bar focuses the entry. */
  self->search_bar = GTK_SEARCH_BAR (bar);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->entry));
  g_signal_connect_object (bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  run_search (self, FALSE);
}

static void
sodo_chart_search_unroot (GtkWidget *widget)
{
  SodoChartSearch *self = SODO_CHART_SEARCH (widget);

  if (self->search_bar != NULL)
    g_signal_handlers_disconnect_by_func (self->search_bar, on_search_mode_changed_cb, self);
  self->search_bar = NULL;

  GTK_WIDGET_CLASS (sodo_chart_search_parent_class)->unroot (widget);
}

/* ---- GObject ---- */

static void
sodo_chart_search_dispose (GObject *object)
{
  SodoChartSearch *self = SODO_CHART_SEARCH (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SODO_TYPE_CHART_SEARCH);
  g_clear_object (&self->orgchart);

  G_OBJECT_CLASS (sodo_chart_search_parent_class)->dispose (object);
}

static void
sodo_chart_search_finalize (GObject *object)
{
  SodoChartSearch *self = SODO_CHART_SEARCH (object);

  g_array_unref (self->matches);
  g_free (self->last_query);

  G_OBJECT_CLASS (sodo_chart_search_parent_class)->finalize (object);
}

static void
sodo_chart_search_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SodoChartSearch *self = SODO_CHART_SEARCH (object);

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
sodo_chart_search_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SodoChartSearch *self = SODO_CHART_SEARCH (object);

  switch (prop_id)
    {
    case PROP_ORGCHART:
      sodo_chart_search_set_orgchart (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_UNIT:
      sodo_chart_search_set_selected_unit (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_chart_search_class_init (SodoChartSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sodo_chart_search_dispose;
  object_class->finalize = sodo_chart_search_finalize;
  object_class->get_property = sodo_chart_search_get_property;
  object_class->set_property = sodo_chart_search_set_property;

  widget_class->root = sodo_chart_search_root;
  widget_class->unroot = sodo_chart_search_unroot;

  properties[PROP_ORGCHART] =
    g_param_spec_object ("orgchart", NULL, NULL, SODO_TYPE_ORGCHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_UNIT] =
    g_param_spec_uint ("selected-unit", NULL, NULL, 0, G_MAXUINT32, SODO_NO_INDEX,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SodoChartSearch::matches-changed:
   *
   * The set of matches changed: get them with sodo_chart_search_get_matches().
   */
  signals[SIGNAL_MATCHES_CHANGED] =
    g_signal_new ("matches-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * SodoChartSearch::activate-match:
   * @unit: the unit's index
   *
   * The user moved to the match @unit: the pane selects it and centres the chart on it.
   */
  signals[SIGNAL_ACTIVATE_MATCH] =
    g_signal_new ("activate-match", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "search.next", NULL, next_action_cb);
  gtk_widget_class_install_action (widget_class, "search.previous", NULL, previous_action_cb);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/sodo-chart-search.ui");
  gtk_widget_class_bind_template_child (widget_class, SodoChartSearch, box);
  gtk_widget_class_bind_template_child (widget_class, SodoChartSearch, count_label);
  gtk_widget_class_bind_template_child (widget_class, SodoChartSearch, entry);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_search_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sodo_chart_search_init (SodoChartSearch *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected_unit = SODO_NO_INDEX;
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  self->current = NO_MATCH;
  setup_entry_keys (self);
  update_count_label (self);
}

GtkWidget *
sodo_chart_search_new (void)
{
  return g_object_new (SODO_TYPE_CHART_SEARCH, NULL);
}

SodoOrgchart *
sodo_chart_search_get_orgchart (SodoChartSearch *self)
{
  g_return_val_if_fail (SODO_IS_CHART_SEARCH (self), NULL);

  return self->orgchart;
}

void
sodo_chart_search_set_orgchart (SodoChartSearch *self,
                                SodoOrgchart    *orgchart)
{
  g_return_if_fail (SODO_IS_CHART_SEARCH (self));
  g_return_if_fail (orgchart == NULL || SODO_IS_ORGCHART (orgchart));

  if (!g_set_object (&self->orgchart, orgchart))
    return;

  /* The selection is left to the pane's binding (a reload keeps it): only an index the new
   * chart does not have is dropped. The matches follow the new chart. */
  if (orgchart == NULL || self->selected_unit >= sodo_orgchart_get_n_units (orgchart))
    set_selected_unit_internal (self, SODO_NO_INDEX);
  run_search (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGCHART]);
}

guint
sodo_chart_search_get_selected_unit (SodoChartSearch *self)
{
  g_return_val_if_fail (SODO_IS_CHART_SEARCH (self), SODO_NO_INDEX);

  return self->selected_unit;
}

void
sodo_chart_search_set_selected_unit (SodoChartSearch *self,
                                     guint            unit)
{
  g_return_if_fail (SODO_IS_CHART_SEARCH (self));

  /* Without a chart yet, the index waits for it (the pane may bind before it sets one). */
  if (self->orgchart != NULL && unit >= sodo_orgchart_get_n_units (self->orgchart))
    unit = SODO_NO_INDEX;
  if (self->selected_unit == unit)
    return;

  self->selected_unit = unit;
  /* Choosing a match elsewhere (a click in the chart) makes it the current one. */
  self->current = find_selected_match (self);
  update_count_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UNIT]);
}

void
sodo_chart_search_start (SodoChartSearch *self)
{
  g_return_if_fail (SODO_IS_CHART_SEARCH (self));

  if (self->search_bar != NULL)
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

gboolean
sodo_chart_search_forward_key (SodoChartSearch       *self,
                               GtkEventControllerKey *controller)
{
  GtkWidget *text;
  GtkRoot *root;

  g_return_val_if_fail (SODO_IS_CHART_SEARCH (self), FALSE);
  g_return_val_if_fail (GTK_IS_EVENT_CONTROLLER_KEY (controller), FALSE);

  /* While the bar slides open after the first key typed in the chart, the entry is not
   * mapped yet and GTK 4.8 drops the keys on their way to it: a quick typist lost the space
   * of "ban thuong", or more. They are handed to it directly. */
  text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->entry)));
  root = gtk_widget_get_root (text);
  if (self->search_bar == NULL || !gtk_search_bar_get_search_mode (self->search_bar)
      || gtk_widget_get_mapped (text) || root == NULL || gtk_root_get_focus (root) != text)
    return FALSE;

  /* The text types; the entry has the keys of a search entry (Escape, Ctrl+G). */
  return gtk_event_controller_key_forward (controller, text)
         || gtk_event_controller_key_forward (controller, GTK_WIDGET (self->entry));
}

void
sodo_chart_search_set_query (SodoChartSearch *self,
                             const char      *query)
{
  g_return_if_fail (SODO_IS_CHART_SEARCH (self));
  g_return_if_fail (query != NULL);

  if (self->search_bar != NULL)
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), query);
  run_search (self, TRUE);
}

void
sodo_chart_search_restore_query (SodoChartSearch *self,
                                 const char      *query)
{
  g_return_if_fail (SODO_IS_CHART_SEARCH (self));
  g_return_if_fail (query != NULL);

  if (self->search_bar != NULL)
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), query);
  run_search (self, FALSE);
}

const char *
sodo_chart_search_get_query (SodoChartSearch *self)
{
  g_return_val_if_fail (SODO_IS_CHART_SEARCH (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

const guint *
sodo_chart_search_get_matches (SodoChartSearch *self,
                               guint           *n_matches)
{
  g_return_val_if_fail (SODO_IS_CHART_SEARCH (self), NULL);

  if (n_matches != NULL)
    *n_matches = self->matches->len;
  return self->matches->len > 0 ? (const guint *) self->matches->data : NULL;
}

guint
sodo_chart_search_get_current_match (SodoChartSearch *self)
{
  g_return_val_if_fail (SODO_IS_CHART_SEARCH (self), SODO_NO_INDEX);

  return self->current != NO_MATCH ? g_array_index (self->matches, guint, self->current)
                                   : SODO_NO_INDEX;
}

void
sodo_chart_search_next_match (SodoChartSearch *self)
{
  g_return_if_fail (SODO_IS_CHART_SEARCH (self));

  step (self, 1);
}

void
sodo_chart_search_previous_match (SodoChartSearch *self)
{
  g_return_if_fail (SODO_IS_CHART_SEARCH (self));

  step (self, -1);
}
