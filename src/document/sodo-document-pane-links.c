/* sodo-document-pane-links.c: the document pane's links with the chart
 *
 * Both ways: a chip under an article asks the chart to show the units it names (a unit, or
 * every unit of a kind); a unit selected in the chart highlights the provisions that govern
 * it, and a bar above the text names them, one button per article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sodo-document-pane-private.h"
#include "sodo-document-private.h"

enum {
  UNITS_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The units a chip's target names: the unit with that id, or every unit of that kind. */
static GArray *
resolve_target (SodoOrgchart *chart,
                const char   *target)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (guint));
  guint unit = sodo_orgchart_find_unit (chart, target);
  guint kind;

  if (unit != SODO_NO_INDEX)
    {
      g_array_append_val (units, unit);
      return units;
    }

  kind = sodo_orgchart_find_kind (chart, target);
  if (kind != SODO_NO_INDEX)
    {
      const SodoUnit *records = sodo_orgchart_get_units (chart);
      guint n_units = sodo_orgchart_get_n_units (chart);

      for (guint i = 0; i < n_units; i++)
        if (records[i].kind == kind)
          g_array_append_val (units, i);
    }

  return units;
}

static void
on_link_activated_cb (SodoReadingView  *view,
                      const char       *target,
                      SodoDocumentPane *self)
{
  g_autoptr(GArray) units = NULL;

  if (self->orgchart == NULL)
    return;
  units = resolve_target (self->orgchart, target);
  if (units->len > 0)
    g_signal_emit (self, signals[UNITS_REQUESTED], 0, units);
}

static void
on_link_button_clicked_cb (GtkButton        *button,
                           SodoDocumentPane *self)
{
  guint node = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sodo-node"));

  if (self->regulation != NULL && node < sodo_regulation_get_n_nodes (self->regulation))
    {
      sodo_reading_view_scroll_to_node (self->reading_view, node, TRUE);
      sodo_document_toc_select_node (self->toc, node);
    }
}

static void
clear_links_box (SodoDocumentPane *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_box))) != NULL)
    gtk_flow_box_remove (self->links_box, child);
}

/* One button per article (or per node outside any article), going to the first of its
 * provisions that governs the unit. Returns how many there are. */
static guint
add_link_buttons (SodoDocumentPane *self,
                  GArray           *nodes)
{
  guint last_group = SODO_NO_INDEX;
  guint n_groups = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      guint node = g_array_index (nodes, guint, i);
      guint group = sodo_regulation_find_enclosing (self->regulation, node, SODO_LEVEL_ARTICLE);
      g_autofree char *label = NULL;
      g_autofree char *tooltip = NULL;
      GtkWidget *button;

      if (group == SODO_NO_INDEX)
        group = node;
      /* Nodes come in document order, so one article's nodes are next to each other. */
      if (group == last_group)
        continue;
      last_group = group;
      n_groups++;

      label = sodo_regulation_dup_reference (self->regulation, group, FALSE);
      tooltip = _sodo_document_node_heading (self->regulation, group);
      button = gtk_button_new_with_label (label);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "sodo-chip");
      g_object_set_data (G_OBJECT (button), "sodo-node", GUINT_TO_POINTER (node));
      g_signal_connect (button, "clicked", G_CALLBACK (on_link_button_clicked_cb), self);
      gtk_flow_box_append (self->links_box, button);
    }

  return n_groups;
}

static const char *
unit_name (SodoOrgchart *chart,
           guint         unit)
{
  const SodoUnit *record = sodo_orgchart_get_unit (chart, unit);
  const char *name = sodo_orgchart_text (chart, record->name);

  return name != NULL ? name : record->id;
}

void
_sodo_document_pane_update_links (SodoDocumentPane *self)
{
  g_autoptr(GArray) nodes = NULL;
  g_autofree char *text = NULL;
  const char *name;
  guint n_groups;

  clear_links_box (self);
  if (self->regulation == NULL || self->orgchart == NULL
      || self->selected_unit >= sodo_orgchart_get_n_units (self->orgchart))
    {
      sodo_reading_view_set_highlighted (self->reading_view, NULL, 0);
      gtk_revealer_set_reveal_child (self->links_revealer, FALSE);
      return;
    }

  nodes = sodo_regulation_nodes_for_unit (self->regulation, self->orgchart,
                                          self->selected_unit);
  sodo_reading_view_set_highlighted (self->reading_view, (const guint *) nodes->data,
                                     nodes->len);

  name = unit_name (self->orgchart, self->selected_unit);
  n_groups = add_link_buttons (self, nodes);
  if (n_groups == 0)
    text = g_strdup_printf (_("No article of this regulation names “%s”."), name);
  else
    text = g_strdup_printf (ngettext ("%u article governs “%s”:",
                                      "%u articles govern “%s”:", n_groups),
                            n_groups, name);
  gtk_label_set_text (self->links_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->links_box), n_groups > 0);
  gtk_revealer_set_reveal_child (self->links_revealer, TRUE);
}

static void
hide_links_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SodoDocumentPane *self = SODO_DOCUMENT_PANE (widget);

  gtk_revealer_set_reveal_child (self->links_revealer, FALSE);
}

void
_sodo_document_pane_class_init_links (GtkWidgetClass *widget_class)
{
  /**
   * SodoDocumentPane::units-requested:
   * @units: (element-type guint): indices of units of the pane's org chart
   *
   * A chip was clicked: the chart should select these units (the first of several, and
   * show the others as matches).
   */
  signals[UNITS_REQUESTED] =
    g_signal_new ("units-requested", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ARRAY);

  gtk_widget_class_install_action (widget_class, "document.hide-links", NULL,
                                   hide_links_action);
}

void
_sodo_document_pane_init_links (SodoDocumentPane *self)
{
  g_signal_connect (self->reading_view, "link-activated", G_CALLBACK (on_link_activated_cb),
                    self);
}

GtkLabel *
_sodo_document_pane_get_links_label (SodoDocumentPane *self)
{
  return self->links_label;
}

GtkFlowBox *
_sodo_document_pane_get_links_box (SodoDocumentPane *self)
{
  return self->links_box;
}

gboolean
_sodo_document_pane_get_links_revealed (SodoDocumentPane *self)
{
  return gtk_revealer_get_reveal_child (self->links_revealer);
}
