/* sodo-layout-test-trees.h: seeded trees for the layout tests
 *
 * Trees shaped like real org charts (a root with about 15 children, 3 to 12 children per
 * inner node, depth up to 10), chains, stars, with card sizes like the renderer's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "layout/sodo-layout.h"

typedef struct
{
  SodoLayoutTree tree;
  guint32       *parent;
  guint32       *first_child;
  guint32       *next_sibling;
  guint32       *last_child;
  float         *width;
  float         *height;
  guint8        *collapsed;
  guint32       *depth;
} TestTree;

static inline TestTree *
test_tree_new (guint32 n_nodes)
{
  TestTree *t = g_new0 (TestTree, 1);

  t->parent = g_new (guint32, n_nodes);
  t->first_child = g_new (guint32, n_nodes);
  t->next_sibling = g_new (guint32, n_nodes);
  t->last_child = g_new (guint32, n_nodes);
  t->width = g_new (float, n_nodes);
  t->height = g_new (float, n_nodes);
  t->collapsed = g_new0 (guint8, n_nodes);
  t->depth = g_new0 (guint32, n_nodes);
  for (guint32 i = 0; i < n_nodes; i++)
    {
      t->parent[i] = t->first_child[i] = t->next_sibling[i] = t->last_child[i] =
        SODO_LAYOUT_NONE;
      t->width[i] = 160;
      t->height[i] = 60;
    }
  t->tree.n_nodes = n_nodes;
  t->tree.root = 0;
  t->tree.parent = t->parent;
  t->tree.first_child = t->first_child;
  t->tree.next_sibling = t->next_sibling;
  t->tree.width = t->width;
  t->tree.height = t->height;
  t->tree.collapsed = NULL;
  return t;
}

static inline void
test_tree_free (TestTree *t)
{
  g_free (t->parent);
  g_free (t->first_child);
  g_free (t->next_sibling);
  g_free (t->last_child);
  g_free (t->width);
  g_free (t->height);
  g_free (t->collapsed);
  g_free (t->depth);
  g_free (t);
}

static inline void
test_tree_add_child (TestTree *t,
                     guint32   parent,
                     guint32   child)
{
  t->parent[child] = parent;
  t->depth[child] = t->depth[parent] + 1;
  if (t->last_child[parent] == SODO_LAYOUT_NONE)
    t->first_child[parent] = child;
  else
    t->next_sibling[t->last_child[parent]] = child;
  t->last_child[parent] = child;
}

/* Card sizes like the renderer's: wide, short cards with some variety. */
static inline void
test_tree_random_sizes (TestTree *t,
                        GRand    *rand,
                        float     min_width,
                        float     max_width,
                        float     min_height,
                        float     max_height)
{
  for (guint32 i = 0; i < t->tree.n_nodes; i++)
    {
      t->width[i] = (float) g_rand_double_range (rand, min_width, max_width);
      t->height[i] = (float) g_rand_double_range (rand, min_height, max_height);
    }
}

/* An org-chart-like tree of exactly @n_nodes nodes: the root gets about 15 children, then a
 * random not-yet-expanded node above @max_depth gets 3 to 12, until there are enough. */
static inline TestTree *
test_tree_new_realistic (guint32 n_nodes,
                         GRand  *rand,
                         guint32 max_depth)
{
  TestTree *t = test_tree_new (n_nodes);
  guint32 *open = g_new (guint32, n_nodes);
  guint32 n_open = 1, next = 1;

  open[0] = 0;
  while (next < n_nodes && n_open > 0)
    {
      guint32 pick = g_rand_int_range (rand, 0, (gint32) n_open);
      guint32 node = open[pick];
      guint32 n_children = node == 0 ? (guint32) g_rand_int_range (rand, 13, 18)
                                     : (guint32) g_rand_int_range (rand, 3, 13);

      open[pick] = open[--n_open];
      for (guint32 k = 0; k < n_children && next < n_nodes; k++)
        {
          guint32 child = next++;

          test_tree_add_child (t, node, child);
          if (t->depth[child] < max_depth)
            open[n_open++] = child;
        }
    }
  /* The depth limit can stop the growth early: hang the rest under random shallow nodes. */
  while (next < n_nodes)
    {
      guint32 node = (guint32) g_rand_int_range (rand, 0, (gint32) next);

      if (t->depth[node] < max_depth)
        test_tree_add_child (t, node, next++);
    }
  test_tree_random_sizes (t, rand, 120, 260, 48, 110);
  g_free (open);
  return t;
}

static inline TestTree *
test_tree_new_chain (guint32 n_nodes)
{
  TestTree *t = test_tree_new (n_nodes);

  for (guint32 i = 1; i < n_nodes; i++)
    test_tree_add_child (t, i - 1, i);
  return t;
}

static inline TestTree *
test_tree_new_star (guint32 n_nodes)
{
  TestTree *t = test_tree_new (n_nodes);

  for (guint32 i = 1; i < n_nodes; i++)
    test_tree_add_child (t, 0, i);
  return t;
}

/* Any shape: each new node picks a random earlier node as parent, with a bias to recent
 * ones so that deep and wide parts both happen. */
static inline TestTree *
test_tree_new_random (guint32 n_nodes,
                      GRand  *rand)
{
  TestTree *t = test_tree_new (n_nodes);

  for (guint32 i = 1; i < n_nodes; i++)
    {
      guint32 parent;

      if (g_rand_boolean (rand))
        parent = (guint32) g_rand_int_range (rand, 0, (gint32) i);
      else
        parent = i - 1 - (guint32) g_rand_int_range (rand, 0, (gint32) MIN (i, 4));
      test_tree_add_child (t, parent, i);
    }
  return t;
}

/* The same tree with nodes numbered in depth-first pre-order, the order in which a loader
 * meets the units of a nested file; sizes and child order are kept. */
static inline TestTree *
test_tree_new_preorder_copy (const TestTree *t)
{
  guint32 n = t->tree.n_nodes;
  TestTree *copy = test_tree_new (n);
  guint32 *new_id = g_new (guint32, n);
  guint32 *stack = g_new (guint32, n);
  guint32 n_stack = 0, next = 0;

  stack[n_stack++] = t->tree.root;
  while (n_stack > 0)
    {
      guint32 node = stack[--n_stack];
      guint32 n_children = 0;

      new_id[node] = next++;
      for (guint32 c = t->first_child[node]; c != SODO_LAYOUT_NONE; c = t->next_sibling[c])
        stack[n_stack + n_children++] = c;
      /* Reverse so that the first child is popped first. */
      for (guint32 a = 0, b = n_children ? n_children - 1 : 0; a < b; a++, b--)
        {
          guint32 tmp = stack[n_stack + a];

          stack[n_stack + a] = stack[n_stack + b];
          stack[n_stack + b] = tmp;
        }
      n_stack += n_children;
    }
  for (guint32 node = 0; node < n; node++)
    {
      copy->width[new_id[node]] = t->width[node];
      copy->height[new_id[node]] = t->height[node];
      copy->collapsed[new_id[node]] = t->collapsed[node];
    }
  /* Children are added parent by parent in the new order, each list in its old order. */
  for (guint32 node = 0; node < n; node++)
    for (guint32 c = t->first_child[node]; c != SODO_LAYOUT_NONE; c = t->next_sibling[c])
      test_tree_add_child (copy, new_id[node], new_id[c]);
  copy->tree.root = new_id[t->tree.root];
  if (t->tree.collapsed != NULL)
    copy->tree.collapsed = copy->collapsed;
  g_free (new_id);
  g_free (stack);
  return copy;
}
