/* sodo-regulation-citation.c: a provision as a reader cites it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sodo-regulation.h"

/* The article at or above @node, or SODO_NO_INDEX. */
static guint
enclosing_article (SodoRegulation *regulation,
                   guint           node)
{
  for (guint i = node; i != SODO_NO_INDEX; i = sodo_regulation_get_node (regulation, i)->parent)
    if (sodo_regulation_get_node (regulation, i)->level == SODO_LEVEL_ARTICLE)
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

  index = enclosing_article (self, node);
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
