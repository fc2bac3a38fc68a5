/* test-million.c: a 1,000,000-unit chart loads, with the right tree, in reasonable time
 *
 * The file is generated: a root with 15 children, then 3 to 12 children per unit, breadth
 * first, written in shuffled order so that most parents come after their children.
 *
 * SODO_TEST_SKIP_BIG=1 skips it, as it does the big files of test-hostile: the sanitizer and
 * valgrind runs set it, where this one test would take most of their time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "model/sodo-orgchart.h"

#define N_UNITS         1000000
#define N_ROOT_CHILDREN 15
#define N_KINDS         8

typedef struct {
  char    *dir;
  char    *path;
  guint32 *parents;     /* generated parent of unit number i, G_MAXUINT32 for the root */
} Chart;

static void
generate_tree (Chart *chart,
               GRand *rand)
{
  guint next = 1;

  chart->parents = g_new (guint32, N_UNITS);
  chart->parents[0] = G_MAXUINT32;
  for (guint parent = 0; next < N_UNITS; parent++)
    {
      guint n_children = parent == 0 ? N_ROOT_CHILDREN : (guint) g_rand_int_range (rand, 3, 13);

      for (guint i = 0; i < n_children && next < N_UNITS; i++)
        chart->parents[next++] = parent;
    }
}

static void
append_unit (GString *json,
             guint    number,
             guint32  parent,
             GRand   *rand)
{
  if (parent == G_MAXUINT32)
    g_string_append (json, "{\"id\": \"u0\", \"parent\": null");
  else
    g_string_append_printf (json, "{\"id\": \"u%u\", \"parent\": \"u%u\"", number, parent);

  g_string_append_printf (json, ", \"kind\": \"k%u\", \"name\": {\"vi\": \"Đơn vị %u\", "
                          "\"en\": \"Unit %u\"}", number % N_KINDS, number, number);
  if (g_rand_int_range (rand, 0, 20) == 0)
    g_string_append_printf (json, ", \"short_name\": \"ĐV %u\"", number);
  if (g_rand_int_range (rand, 0, 100) == 0)
    g_string_append (json, ", \"people\": [{\"name\": \"Nguyễn Văn A\", "
                           "\"role\": {\"vi\": \"Bí thư\", \"en\": \"Secretary\"}}], "
                           "\"valid_from\": \"2020-10-13\"");
  g_string_append_c (json, '}');
}

static void
write_chart (Chart *chart)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20231027);
  g_autoptr(GString) json = g_string_sized_new (150 * N_UNITS);
  g_autofree guint32 *order = g_new (guint32, N_UNITS);

  generate_tree (chart, rand);
  for (guint i = 0; i < N_UNITS; i++)
    order[i] = i;
  for (guint i = N_UNITS - 1; i > 0; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i + 1);
      guint32 swap = order[i];

      order[i] = order[j];
      order[j] = swap;
    }

  g_string_append (json, "{\n\"format\": \"sodo-orgchart\",\n\"version\": 1,\n"
                         "\"title\": {\"vi\": \"Một triệu đơn vị\", \"en\": \"A million units\"},\n"
                         "\"kinds\": [");
  for (guint k = 0; k < N_KINDS; k++)
    g_string_append_printf (json, "%s{\"id\": \"k%u\", \"name\": \"Kind %u\", \"color\": \"#1c71d%u\"}",
                            k > 0 ? ", " : "", k, k, k);
  g_string_append (json, "],\n\"units\": [\n");
  for (guint i = 0; i < N_UNITS; i++)
    {
      if (i > 0)
        g_string_append (json, ",\n");
      append_unit (json, order[i], chart->parents[order[i]], rand);
    }
  g_string_append (json, "\n]\n}\n");

  chart->dir = g_dir_make_tmp ("sodo-million-XXXXXX", &error);
  g_assert_no_error (error);
  chart->path = g_build_filename (chart->dir, "million.json", NULL);
  g_assert_true (g_file_set_contents (chart->path, json->str, json->len, &error));
  g_test_message ("generated %.1f MB", json->len / 1e6);
}

static guint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) : 0;
}

static void
check_tree (SodoOrgchart *orgchart,
            const Chart  *chart)
{
  const SodoUnit *units = sodo_orgchart_get_units (orgchart);
  guint n_units = sodo_orgchart_get_n_units (orgchart);
  guint64 n_links = 0;
  guint root = sodo_orgchart_get_root (orgchart);

  g_assert_cmpuint (n_units, ==, N_UNITS);
  g_assert_cmpstr (units[root].id, ==, "u0");
  g_assert_cmpuint (units[root].n_children, ==, N_ROOT_CHILDREN);
  g_assert_cmpuint (units[root].depth, ==, 0);

  /* Every generated parent link, by id, and the derived fields of every unit. */
  for (guint i = 0; i < n_units; i++)
    {
      const SodoUnit *unit = &units[i];
      guint number = (guint) g_ascii_strtoull (unit->id + 1, NULL, 10);
      guint32 child_count = 0;

      if (i == root)
        continue;
      g_assert_cmpuint (unit->parent, <, n_units);
      g_assert_cmpuint (g_ascii_strtoull (units[unit->parent].id + 1, NULL, 10), ==,
                        chart->parents[number]);
      g_assert_cmpuint (unit->depth, ==, units[unit->parent].depth + 1);
      g_assert_cmpuint (sodo_orgchart_find_unit (orgchart, unit->id), ==, i);
      for (guint32 child = unit->first_child; child != SODO_NO_INDEX;
           child = units[child].next_sibling)
        {
          g_assert_cmpuint (units[child].parent, ==, i);
          child_count++;
        }
      g_assert_cmpuint (child_count, ==, unit->n_children);
      n_links += unit->n_children;
    }
  n_links += units[root].n_children;
  g_assert_cmpuint (n_links, ==, N_UNITS - 1);
}

static void
test_million_load (void)
{
  Chart chart = { NULL, };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoOrgchart) orgchart = NULL;
  gint64 start, elapsed;
  guint64 peak;
  const char *skip_big = g_getenv ("SODO_TEST_SKIP_BIG");

  if (skip_big != NULL && skip_big[0] != '\0' && strcmp (skip_big, "0") != 0)
    {
      g_test_skip ("SODO_TEST_SKIP_BIG is set");
      return;
    }

  write_chart (&chart);

  /* Peak memory of the load alone: reset the high-water mark first (Linux). */
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
  file = g_file_new_for_path (chart.path);
  start = g_get_monotonic_time ();
  orgchart = sodo_orgchart_load_file (file, NULL, NULL, &error);
  elapsed = g_get_monotonic_time () - start;
  peak = peak_rss_kb ();
  g_assert_no_error (error);
  g_assert_nonnull (orgchart);
  g_test_message ("loaded %u units in %.2f s, peak RSS %" G_GUINT64_FORMAT " MB, text pool %"
                  G_GSIZE_FORMAT " MB",
                  sodo_orgchart_get_n_units (orgchart), elapsed / 1e6, peak / 1024,
                  sodo_text_pool_get_memory_size (sodo_orgchart_get_text_pool (orgchart)) >> 20);

  check_tree (orgchart, &chart);

  g_unlink (chart.path);
  g_rmdir (chart.dir);
  g_free (chart.path);
  g_free (chart.dir);
  g_free (chart.parents);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/million/load", test_million_load);

  return g_test_run ();
}
