/* sodo-regulation-names.c: how the nodes of a regulation are named and cited, on screen, in
 * print and in the comments report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sodo-regulation.h"

char *
sodo_regulation_node_dup_label (const SodoRegulationNode *node,
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
sodo_regulation_find_enclosing (SodoRegulation *self,
                                guint           node,
                                SodoLevel       level)
{
  const SodoRegulationNode *nodes;

  g_return_val_if_fail (SODO_IS_REGULATION (self), SODO_NO_INDEX);
  g_return_val_if_fail (node < sodo_regulation_get_n_nodes (self), SODO_NO_INDEX);

  nodes = sodo_regulation_get_nodes (self);
  for (guint i = node; i != SODO_NO_INDEX; i = nodes[i].parent)
    if (nodes[i].level == level)
      return i;
  return SODO_NO_INDEX;
}

char *
sodo_regulation_dup_citation (SodoRegulation *self,
                              guint           node)
{
  const SodoRegulationNode *article_node;
  const char *clause = NULL, *point = NULL;
  g_autofree char *article = NULL;
  guint index;

  g_return_val_if_fail (SODO_IS_REGULATION (self), NULL);
  g_return_val_if_fail (node < sodo_regulation_get_n_nodes (self), NULL);

  index = sodo_regulation_find_enclosing (self, node, SODO_LEVEL_ARTICLE);
  if (index == SODO_NO_INDEX)
    return NULL;
  article_node = sodo_regulation_get_node (self, index);
  article = article_node->number != NULL
            ? g_strdup_printf ("%s %s", sodo_level_get_label (SODO_LEVEL_ARTICLE),
                               article_node->number)
            : g_strdup (sodo_level_get_label (SODO_LEVEL_ARTICLE));

  /* The numbered clause and point the node is, or is in; a paragraph is cited by them. */
  for (guint i = node; i != index; i = sodo_regulation_get_node (self, i)->parent)
    {
      const SodoRegulationNode *step = sodo_regulation_get_node (self, i);

      if (step->level == SODO_LEVEL_CLAUSE && step->number != NULL)
        clause = step->number;
      else if (step->level == SODO_LEVEL_POINT && step->number != NULL)
        point = step->number;
    }

  if (clause != NULL && point != NULL)
    /* Translators: a citation of a point of a clause of an article. %1$s is the article
     * ("Article 7"), %2$s the clause's number, %3$s the point's letter. Order the parts as
     * your legal texts do: Vietnamese cites "điểm %3$s khoản %2$s %1$s" (smallest first). */
    return g_strdup_printf (_("%1$s, clause %2$s, point %3$s"), article, clause, point);
  if (clause != NULL)
    /* Translators: a citation of a clause of an article: %1$s is the article ("Article 7"),
     * %2$s the clause's number. Vietnamese: "khoản %2$s %1$s". */
    return g_strdup_printf (_("%1$s, clause %2$s"), article, clause);
  if (point != NULL)
    /* Translators: a citation of a point directly in an article: %1$s is the article
     * ("Article 7"), %2$s the point's letter. Vietnamese: "điểm %2$s %1$s". */
    return g_strdup_printf (_("%1$s, point %2$s"), article, point);
  return g_steal_pointer (&article);
}

char *
sodo_regulation_dup_reference (SodoRegulation *self,
                               guint           node,
                               gboolean        punctuated)
{
  const SodoRegulationNode *record;
  char *name;
  const char *title;

  name = sodo_regulation_dup_citation (self, node);
  if (name != NULL)
    return name;

  /* Above the articles: "Chương I", else the title, else the id. */
  record = sodo_regulation_get_node (self, node);
  name = sodo_regulation_node_dup_label (record, punctuated);
  if (name != NULL)
    return name;
  title = sodo_regulation_text (self, record->title);
  return g_strdup (title != NULL ? title : record->id);
}
