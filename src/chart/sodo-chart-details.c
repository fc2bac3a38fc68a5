/* sodo-chart-details.c: what the chart knows about the selected unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "model/sodo-language.h"

#include "sodo-chart-details.h"
#include "sodo-kind-swatch.h"

/* Keys on a link row for what it leads to. */
#define ROW_UNIT    "sodo-unit"
#define ROW_NODE_ID "sodo-node-id"

struct _SodoChartDetails
{
  GtkWidget          parent_instance;

  GtkListBox        *articles_list;
  GtkWidget         *articles_section;
  GtkWidget         *description_section;
  GtkLabel          *description_label;
  GtkListBox        *figures_list;
  GtkWidget         *figures_section;
  GtkWidget         *host_section;
  GtkLabel          *host_label;
  GtkWidget         *kind_box;
  GtkLabel          *kind_label;
  SodoKindSwatch    *kind_swatch;
  GtkLabel          *name_label;
  GtkListBox        *parent_list;
  GtkWidget         *parent_section;
  GtkListBox        *people_list;
  GtkWidget         *people_section;
  GtkListBox        *relations_in_list;
  GtkWidget         *relations_in_section;
  GtkListBox        *relations_out_list;
  GtkWidget         *relations_out_section;
  GtkScrolledWindow *scrolled_window;
  GtkLabel          *short_name_label;
  GtkStack          *stack;
  GtkListBox        *successors_list;
  GtkWidget         *successors_section;
  GtkWidget         *validity_section;
  GtkLabel          *validity_label;

  SodoOrgchart      *orgchart;
  SodoRegulation    *regulation;
  guint              selected_unit;
};

G_DEFINE_FINAL_TYPE (SodoChartDetails, sodo_chart_details, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ORGCHART,
  PROP_SELECTED_UNIT,
  PROP_REGULATION,
  N_PROPS
};

enum {
  SIGNAL_UNIT_ACTIVATED,
  SIGNAL_ARTICLE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
chart_text (SodoChartDetails *self,
            SodoText          text)
{
  return sodo_orgchart_text (self->orgchart, text);
}

static const char *
unit_name (SodoChartDetails *self,
           guint             unit)
{
  const char *name = chart_text (self, sodo_orgchart_get_unit (self->orgchart, unit)->name);

  return name != NULL ? name : sodo_orgchart_get_unit (self->orgchart, unit)->id;
}

/* Shows @label with @text, and its section only when there is text. */
static void
set_section_text (GtkWidget  *section,
                  GtkLabel   *label,
                  const char *text)
{
  gboolean has_text = text != NULL && text[0] != '\0';

  gtk_label_set_text (label, has_text ? text : "");
  gtk_widget_set_visible (section, has_text);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* ---- Rows ---- */

/* A row of data text: never markup, and its title can be copied. */
static GtkWidget *
new_text_row (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
on_unit_row_activated_cb (AdwActionRow     *row,
                          SodoChartDetails *self)
{
  guint unit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), ROW_UNIT));

  g_signal_emit (self, signals[SIGNAL_UNIT_ACTIVATED], 0, unit);
}

static void
on_article_row_activated_cb (AdwActionRow     *row,
                             SodoChartDetails *self)
{
  const char *node_id = g_object_get_data (G_OBJECT (row), ROW_NODE_ID);

  g_signal_emit (self, signals[SIGNAL_ARTICLE_ACTIVATED], 0, node_id);
}

/* A row that leads somewhere: activating it (click, Enter) emits one of the signals. */
static GtkWidget *
new_link_row (SodoChartDetails *self,
              const char       *title,
              const char       *subtitle,
              GCallback         activated)
{
  GtkWidget *row = new_text_row (title, subtitle);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", activated, self, 0);
  return row;
}

static void
add_unit_link (SodoChartDetails *self,
               GtkListBox       *list,
               guint             unit,
               const char       *subtitle)
{
  GtkWidget *row = new_link_row (self, unit_name (self, unit), subtitle,
                                 G_CALLBACK (on_unit_row_activated_cb));

  g_object_set_data (G_OBJECT (row), ROW_UNIT, GUINT_TO_POINTER (unit));
  gtk_list_box_append (list, row);
}

/* ---- Sections ---- */

static void
update_header (SodoChartDetails *self,
               const SodoUnit   *unit)
{
  const SodoKind *kinds;
  guint n_kinds = 0;
  const char *kind_name = NULL;

  kinds = sodo_orgchart_get_kinds (self->orgchart, &n_kinds);
  if (unit->kind < n_kinds)
    kind_name = chart_text (self, kinds[unit->kind].name);
  sodo_kind_swatch_set_kind (self->kind_swatch, self->orgchart, unit->kind);
  gtk_label_set_text (self->kind_label, kind_name != NULL ? kind_name : "");
  gtk_widget_set_visible (self->kind_box, kind_name != NULL);

  gtk_label_set_text (self->name_label, unit_name (self, self->selected_unit));
  gtk_label_set_text (self->short_name_label, chart_text (self, unit->short_name));
  gtk_widget_set_visible (GTK_WIDGET (self->short_name_label), unit->short_name != SODO_TEXT_NONE);
}

static char *
format_validity (const SodoUnitDetails *details)
{
  const char *lang = sodo_language_get ();
  g_autofree char *from = details->valid_from ? sodo_format_date (details->valid_from, lang) : NULL;
  g_autofree char *to = details->valid_to ? sodo_format_date (details->valid_to, lang) : NULL;

  if (from != NULL && to != NULL)
    /* Translators: the dates a unit existed, e.g. "From 13/10/2020 to 12/02/2025" */
    return g_strdup_printf (_("From %s to %s"), from, to);
  if (from != NULL)
    /* Translators: the date a unit was set up, e.g. "Since 13/10/2020" */
    return g_strdup_printf (_("Since %s"), from);
  if (to != NULL)
    /* Translators: the date a unit ended, e.g. "Until 12/02/2025" */
    return g_strdup_printf (_("Until %s"), to);
  return NULL;
}

static void
update_people_and_figures (SodoChartDetails      *self,
                           const SodoUnitDetails *details)
{
  const char *lang = sodo_language_get ();

  clear_list (self->people_list);
  for (guint i = 0; i < details->n_people; i++)
    gtk_list_box_append (self->people_list,
                         new_text_row (details->people[i].name,
                                       chart_text (self, details->people[i].role)));
  gtk_widget_set_visible (self->people_section, details->n_people > 0);

  clear_list (self->figures_list);
  for (guint i = 0; i < details->n_figures; i++)
    {
      g_autofree char *value = sodo_format_number (details->figures[i].value, lang);
      GtkWidget *row = new_text_row (chart_text (self, details->figures[i].label), NULL);
      GtkWidget *value_label = gtk_label_new (value);

      gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
      gtk_widget_add_css_class (value_label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label);
      gtk_list_box_append (self->figures_list, row);
    }
  gtk_widget_set_visible (self->figures_section, details->n_figures > 0);
}

/* The relation's kind and label, as a row's subtitle ("Working coordination: with …"). */
static char *
describe_relation (SodoChartDetails   *self,
                   const SodoRelation *relation)
{
  const SodoRelationKind *kinds;
  guint n_kinds = 0;
  const char *kind_name = NULL;
  const char *label = chart_text (self, relation->label);

  kinds = sodo_orgchart_get_relation_kinds (self->orgchart, &n_kinds);
  if (relation->kind < n_kinds)
    kind_name = chart_text (self, kinds[relation->kind].name);

  if (kind_name != NULL && label != NULL)
    /* Translators: a relation's kind, then its own label */
    return g_strdup_printf (_("%s: %s"), kind_name, label);
  return g_strdup (kind_name != NULL ? kind_name : label);
}

static void
update_links (SodoChartDetails      *self,
              const SodoUnit        *unit,
              const SodoUnitDetails *details)
{
  const SodoRelation *relations;
  guint n_relations = 0;
  guint n_out = 0;
  guint n_in = 0;

  clear_list (self->parent_list);
  if (unit->parent != SODO_NO_INDEX)
    add_unit_link (self, self->parent_list, unit->parent, NULL);
  gtk_widget_set_visible (self->parent_section, unit->parent != SODO_NO_INDEX);

  clear_list (self->successors_list);
  for (guint i = 0; i < details->n_successors; i++)
    add_unit_link (self, self->successors_list, details->successors[i], NULL);
  gtk_widget_set_visible (self->successors_section, details->n_successors > 0);

  clear_list (self->relations_out_list);
  clear_list (self->relations_in_list);
  relations = sodo_orgchart_get_relations (self->orgchart, &n_relations);
  for (guint i = 0; i < n_relations; i++)
    {
      g_autofree char *description = NULL;

      if (relations[i].from != self->selected_unit && relations[i].to != self->selected_unit)
        continue;
      description = describe_relation (self, &relations[i]);
      if (relations[i].from == self->selected_unit)
        {
          add_unit_link (self, self->relations_out_list, relations[i].to, description);
          n_out++;
        }
      else
        {
          add_unit_link (self, self->relations_in_list, relations[i].from, description);
          n_in++;
        }
    }
  gtk_widget_set_visible (self->relations_out_section, n_out > 0);
  gtk_widget_set_visible (self->relations_in_section, n_in > 0);
}

/* "Article 7, clause 2, point a" ("điểm a khoản 2 Điều 7"); above the articles, the level
 * and its number ("Chapter II"). */
static char *
format_node_reference (SodoRegulation *regulation,
                       guint           index)
{
  const SodoRegulationNode *node = sodo_regulation_get_node (regulation, index);
  char *citation = sodo_regulation_dup_citation (regulation, index);

  if (citation != NULL)
    return citation;
  if (node->number != NULL)
    return g_strdup_printf ("%s %s", sodo_level_get_label (node->level), node->number);
  return g_strdup (sodo_level_get_label (node->level));
}

/* The nearest title at or above @index, up to its article. */
static const char *
node_title (SodoRegulation *regulation,
            guint           index)
{
  for (guint i = index; i != SODO_NO_INDEX; )
    {
      const SodoRegulationNode *node = sodo_regulation_get_node (regulation, i);
      const char *title = sodo_regulation_text (regulation, node->title);

      if (title != NULL || node->level <= SODO_LEVEL_ARTICLE)
        return title;
      i = node->parent;
    }
  return NULL;
}

static void
add_article_row (SodoChartDetails *self,
                 guint             index)
{
  const SodoRegulationNode *node = sodo_regulation_get_node (self->regulation, index);
  g_autofree char *reference = format_node_reference (self->regulation, index);
  GtkWidget *row = new_link_row (self, reference, node_title (self->regulation, index),
                                 G_CALLBACK (on_article_row_activated_cb));

  g_object_set_data_full (G_OBJECT (row), ROW_NODE_ID, g_strdup (node->id), g_free);
  gtk_list_box_append (self->articles_list, row);
}

/* A reference the regulation does not resolve (or that waits for a regulation to open). */
static void
add_unresolved_row (SodoChartDetails *self,
                    const char       *node_id)
{
  GtkWidget *row = new_text_row (node_id,
                                 self->regulation != NULL
                                 ? _("Not found in the open regulation")
                                 : _("No regulation is open"));
  GtkWidget *icon = gtk_image_new_from_icon_name (self->regulation != NULL
                                                  ? "dialog-warning-symbolic"
                                                  : "document-open-symbolic");

  gtk_widget_add_css_class (icon, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (self->articles_list, row);
}

static void
update_articles (SodoChartDetails      *self,
                 const SodoUnitDetails *details)
{
  guint n_rows = 0;

  clear_list (self->articles_list);

  if (self->regulation != NULL)
    {
      g_autoptr(GArray) nodes = sodo_regulation_nodes_for_unit (self->regulation, self->orgchart,
                                                                self->selected_unit);

      for (guint i = 0; i < nodes->len; i++)
        add_article_row (self, g_array_index (nodes, guint, i));
      n_rows += nodes->len;
    }

  for (guint i = 0; i < details->n_regulation_refs; i++)
    {
      const char *ref = details->regulation_refs[i];

      if (self->regulation != NULL
          && sodo_regulation_find_node (self->regulation, ref) != SODO_NO_INDEX)
        continue;
      add_unresolved_row (self, ref);
      n_rows++;
    }
  gtk_widget_set_visible (self->articles_section, n_rows > 0);
}

static void
update (SodoChartDetails *self)
{
  const SodoUnit *unit;
  const SodoUnitDetails *details;
  g_autofree char *validity = NULL;

  if (self->orgchart == NULL || self->selected_unit >= sodo_orgchart_get_n_units (self->orgchart))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  unit = sodo_orgchart_get_unit (self->orgchart, self->selected_unit);
  details = sodo_orgchart_get_details (self->orgchart, self->selected_unit);

  update_header (self, unit);
  set_section_text (self->host_section, self->host_label, chart_text (self, unit->host));
  set_section_text (self->description_section, self->description_label,
                    chart_text (self, details->description));
  validity = format_validity (details);
  set_section_text (self->validity_section, self->validity_label, validity);
  update_people_and_figures (self, details);
  update_links (self, unit, details);
  update_articles (self, details);

  gtk_stack_set_visible_child_name (self->stack, "unit");
  /* A new unit is read from the top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0.0);
}

/* ---- GObject ---- */

static void
sodo_chart_details_dispose (GObject *object)
{
  SodoChartDetails *self = SODO_CHART_DETAILS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SODO_TYPE_CHART_DETAILS);
  g_clear_object (&self->orgchart);
  g_clear_object (&self->regulation);

  G_OBJECT_CLASS (sodo_chart_details_parent_class)->dispose (object);
}

static void
sodo_chart_details_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SodoChartDetails *self = SODO_CHART_DETAILS (object);

  switch (prop_id)
    {
    case PROP_ORGCHART:
      g_value_set_object (value, self->orgchart);
      break;
    case PROP_SELECTED_UNIT:
      g_value_set_uint (value, self->selected_unit);
      break;
    case PROP_REGULATION:
      g_value_set_object (value, self->regulation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_chart_details_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SodoChartDetails *self = SODO_CHART_DETAILS (object);

  switch (prop_id)
    {
    case PROP_ORGCHART:
      sodo_chart_details_set_orgchart (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_UNIT:
      sodo_chart_details_set_selected_unit (self, g_value_get_uint (value));
      break;
    case PROP_REGULATION:
      sodo_chart_details_set_regulation (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_chart_details_class_init (SodoChartDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sodo_chart_details_dispose;
  object_class->get_property = sodo_chart_details_get_property;
  object_class->set_property = sodo_chart_details_set_property;

  properties[PROP_ORGCHART] =
    g_param_spec_object ("orgchart", NULL, NULL, SODO_TYPE_ORGCHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_UNIT] =
    g_param_spec_uint ("selected-unit", NULL, NULL, 0, G_MAXUINT32, SODO_NO_INDEX,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGULATION] =
    g_param_spec_object ("regulation", NULL, NULL, SODO_TYPE_REGULATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SodoChartDetails::unit-activated:
   * @unit: the unit's index
   *
   * A link to another unit (parent, successor, relation) was activated: the pane selects it.
   */
  signals[SIGNAL_UNIT_ACTIVATED] =
    g_signal_new ("unit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * SodoChartDetails::article-activated:
   * @node_id: the regulation node's id
   *
   * A regulation article governing the unit was activated: the document pane shows it.
   */
  signals[SIGNAL_ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (SODO_TYPE_KIND_SWATCH);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/sodo-chart-details.ui");
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, articles_list);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, articles_section);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, description_label);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, description_section);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, figures_list);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, figures_section);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, host_label);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, host_section);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, kind_box);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, kind_label);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, kind_swatch);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, name_label);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, parent_list);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, parent_section);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, people_list);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, people_section);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, relations_in_list);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, relations_in_section);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, relations_out_list);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, relations_out_section);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, short_name_label);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, successors_list);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, successors_section);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, validity_label);
  gtk_widget_class_bind_template_child (widget_class, SodoChartDetails, validity_section);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sodo_chart_details_init (SodoChartDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected_unit = SODO_NO_INDEX;
  update (self);
}

GtkWidget *
sodo_chart_details_new (void)
{
  return g_object_new (SODO_TYPE_CHART_DETAILS, NULL);
}

SodoOrgchart *
sodo_chart_details_get_orgchart (SodoChartDetails *self)
{
  g_return_val_if_fail (SODO_IS_CHART_DETAILS (self), NULL);

  return self->orgchart;
}

void
sodo_chart_details_set_orgchart (SodoChartDetails *self,
                                 SodoOrgchart     *orgchart)
{
  g_return_if_fail (SODO_IS_CHART_DETAILS (self));
  g_return_if_fail (orgchart == NULL || SODO_IS_ORGCHART (orgchart));

  if (!g_set_object (&self->orgchart, orgchart))
    return;

  /* The selection is left to the pane's binding (a reload keeps it): only an index the new
   * chart does not have is dropped. */
  if (self->selected_unit != SODO_NO_INDEX
      && (orgchart == NULL || self->selected_unit >= sodo_orgchart_get_n_units (orgchart)))
    {
      self->selected_unit = SODO_NO_INDEX;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UNIT]);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGCHART]);
}

guint
sodo_chart_details_get_selected_unit (SodoChartDetails *self)
{
  g_return_val_if_fail (SODO_IS_CHART_DETAILS (self), SODO_NO_INDEX);

  return self->selected_unit;
}

void
sodo_chart_details_set_selected_unit (SodoChartDetails *self,
                                      guint             unit)
{
  g_return_if_fail (SODO_IS_CHART_DETAILS (self));

  /* Without a chart yet, the index waits for it (the pane may bind before it sets one). */
  if (self->orgchart != NULL && unit >= sodo_orgchart_get_n_units (self->orgchart))
    unit = SODO_NO_INDEX;
  if (self->selected_unit == unit)
    return;

  self->selected_unit = unit;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UNIT]);
}

SodoRegulation *
sodo_chart_details_get_regulation (SodoChartDetails *self)
{
  g_return_val_if_fail (SODO_IS_CHART_DETAILS (self), NULL);

  return self->regulation;
}

void
sodo_chart_details_set_regulation (SodoChartDetails *self,
                                   SodoRegulation   *regulation)
{
  g_return_if_fail (SODO_IS_CHART_DETAILS (self));
  g_return_if_fail (regulation == NULL || SODO_IS_REGULATION (regulation));

  if (!g_set_object (&self->regulation, regulation))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGULATION]);
}
