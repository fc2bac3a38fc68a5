/* sodo-document-labels.c: how regulation nodes are named on screen, and the pane's styles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sodo-document-private.h"

char *
_sodo_document_node_heading (SodoRegulation *regulation,
                             guint           node_index)
{
  const SodoRegulationNode *node = sodo_regulation_get_node (regulation, node_index);
  g_autofree char *label = NULL;
  const char *title;

  g_return_val_if_fail (node != NULL, NULL);

  label = sodo_regulation_node_dup_label (node, FALSE);
  title = sodo_regulation_text (regulation, node->title);
  if (title == NULL)
    title = sodo_regulation_text (regulation, node->text);

  if (label != NULL && title != NULL)
    return g_strdup_printf ("%s. %s", label, title);
  if (label != NULL)
    return g_steal_pointer (&label);
  return g_strdup (title != NULL ? title : node->id);
}

guint
_sodo_document_subtree_end (SodoRegulation *regulation,
                            guint           node_index)
{
  const SodoRegulationNode *nodes = sodo_regulation_get_nodes (regulation);
  guint n_nodes = sodo_regulation_get_n_nodes (regulation);

  /* The subtree ends where the next sibling of the node or of one of its ancestors starts. */
  for (guint i = node_index; i != SODO_NO_INDEX; i = nodes[i].parent)
    if (nodes[i].next_sibling != SODO_NO_INDEX)
      return nodes[i].next_sibling;

  return n_nodes;
}

void
_sodo_document_ensure_style (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_object_get_data (G_OBJECT (display), "sodo-document-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/document/sodo-document.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "sodo-document-style",
                          g_steal_pointer (&provider), g_object_unref);
}
