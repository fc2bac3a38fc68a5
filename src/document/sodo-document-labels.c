/* sodo-document-labels.c: how regulation nodes are named on screen, and the pane's styles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sodo-document-private.h"

char *
_sodo_document_node_label (const SodoRegulationNode *node,
                           gboolean                  punctuated)
{
  g_return_val_if_fail (node != NULL, NULL);

  switch (node->level)
    {
    case SODO_LEVEL_PART:
    case SODO_LEVEL_CHAPTER:
      if (node->number == NULL)
        return g_strdup (sodo_level_get_label (node->level));
      return g_strdup_printf ("%s %s", sodo_level_get_label (node->level), node->number);

    case SODO_LEVEL_SECTION:
    case SODO_LEVEL_ARTICLE:
      if (node->number == NULL)
        return g_strdup (sodo_level_get_label (node->level));
      return g_strdup_printf ("%s %s%s", sodo_level_get_label (node->level), node->number,
                              punctuated ? "." : "");

    case SODO_LEVEL_CLAUSE:
    case SODO_LEVEL_POINT:
    case SODO_LEVEL_PARAGRAPH:
    default:
      if (node->number == NULL)
        return NULL;
      if (!punctuated)
        return g_strdup (node->number);
      /* Letters are printed "a)", numbers "1." and "1.1." (the importer keeps the number
       * without the punctuation of the original, which may have been "1-"). */
      return g_strdup_printf ("%s%s", node->number,
                              g_unichar_isalpha (g_utf8_get_char (node->number)) ? ")" : ".");
    }
}

guint
_sodo_document_enclosing_article (SodoRegulation *regulation,
                                  guint           node_index)
{
  const SodoRegulationNode *nodes = sodo_regulation_get_nodes (regulation);

  for (guint i = node_index; i != SODO_NO_INDEX; i = nodes[i].parent)
    if (nodes[i].level == SODO_LEVEL_ARTICLE)
      return i;

  return SODO_NO_INDEX;
}

/* "khoản 2" inside a citation: the level's name in lower case, then the number. */
static void
append_sub_reference (GString                  *reference,
                      const SodoRegulationNode *node)
{
  g_autofree char *level = g_utf8_strdown (sodo_level_get_label (node->level), -1);

  if (node->number == NULL)
    return;
  g_string_append_printf (reference, " %s %s", level, node->number);
}

char *
_sodo_document_node_reference (SodoRegulation *regulation,
                               guint           node_index)
{
  const SodoRegulationNode *nodes = sodo_regulation_get_nodes (regulation);
  guint article = _sodo_document_enclosing_article (regulation, node_index);
  g_autoptr(GString) reference = NULL;
  g_autoptr(GArray) chain = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (node_index < sodo_regulation_get_n_nodes (regulation), NULL);

  if (article == SODO_NO_INDEX)
    {
      const char *title = sodo_regulation_text (regulation, nodes[node_index].title);

      label = _sodo_document_node_label (&nodes[node_index], FALSE);
      if (label != NULL)
        return g_steal_pointer (&label);
      return g_strdup (title != NULL ? title : nodes[node_index].id);
    }

  /* The article, then each level below it down to the node, outermost first. */
  label = _sodo_document_node_label (&nodes[article], FALSE);
  reference = g_string_new (label);
  chain = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = node_index; i != article; i = nodes[i].parent)
    g_array_prepend_val (chain, i);
  for (guint i = 0; i < chain->len; i++)
    {
      const SodoRegulationNode *node = &nodes[g_array_index (chain, guint, i)];

      if (node->level == SODO_LEVEL_CLAUSE || node->level == SODO_LEVEL_POINT)
        append_sub_reference (reference, node);
    }

  return g_string_free (g_steal_pointer (&reference), FALSE);
}

char *
_sodo_document_node_heading (SodoRegulation *regulation,
                             guint           node_index)
{
  const SodoRegulationNode *node = sodo_regulation_get_node (regulation, node_index);
  g_autofree char *label = NULL;
  const char *title;

  g_return_val_if_fail (node != NULL, NULL);

  label = _sodo_document_node_label (node, FALSE);
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
