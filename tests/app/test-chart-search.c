/* test-chart-search.c: finding units ignoring case and Vietnamese diacritics, and the find bar
 *
 * The matcher tests need no display; the find bar's run when GTK can open one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "chart/sodo-chart-search.h"
#include "chart/sodo-unit-matcher.h"
#include "model/sodo-language.h"
#include "sodo-resources.h"

static gboolean have_display;

static SodoOrgchart *
load_chart (const char *dir_variable,
            const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv (dir_variable), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SodoOrgchart *chart = sodo_orgchart_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (chart);
  return chart;
}

static SodoOrgchart *
load_hanoi (void)
{
  return load_chart ("SODO_SAMPLES_DIR", "hanoi-2023.json");
}

static guint
unit (SodoOrgchart *chart,
      const char   *id)
{
  guint index = sodo_orgchart_find_unit (chart, id);

  g_assert_cmpuint (index, !=, SODO_NO_INDEX);
  return index;
}

static const char *
unit_id (SodoOrgchart *chart,
         guint         index)
{
  return sodo_orgchart_get_unit (chart, index)->id;
}

/* ---- The matcher ---- */

static void
test_matcher_folds_diacritics (void)
{
  g_autoptr(SodoOrgchart) chart = load_hanoi ();
  g_autoptr(SodoUnitMatcher) matcher = sodo_unit_matcher_new (chart);
  g_autoptr(GArray) found = NULL;

  sodo_language_set ("vi");

  /* "Đảng đoàn" in the name, "HĐND" in the short name ("ĐĐ HĐND"). */
  found = sodo_unit_matcher_find (matcher, "dang doan hdnd");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (unit_id (chart, g_array_index (found, guint, 0)), ==, "dd-hdnd");
  g_clear_pointer (&found, g_array_unref);

  /* The words in another order, upper case, with extra blanks. */
  found = sodo_unit_matcher_find (matcher, "  HĐND   Đảng ĐOÀN ");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (unit_id (chart, g_array_index (found, guint, 0)), ==, "dd-hdnd");
  g_clear_pointer (&found, g_array_unref);

  /* Old tone placement ("uỷ") folds like the new ("ủy"). */
  found = sodo_unit_matcher_find (matcher, "Uỷ ban kiểm tra");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (unit_id (chart, g_array_index (found, guint, 0)), ==, "ubkt");
}

static void
test_matcher_phrase_first (void)
{
  g_autoptr(SodoOrgchart) chart = load_hanoi ();
  g_autoptr(SodoUnitMatcher) matcher = sodo_unit_matcher_new (chart);
  g_autoptr(GArray) found = NULL;

  sodo_language_set ("vi");

  /* The twelve urban district committees and their group, in tree order; not "Đảng ủy Khối
   * các cơ quan", which has both words apart. */
  found = sodo_unit_matcher_find (matcher, "QUAN UY");
  g_assert_cmpuint (found->len, ==, 13);
  g_assert_cmpstr (unit_id (chart, g_array_index (found, guint, 0)), ==, "nhom-quan-uy");
  g_assert_cmpstr (unit_id (chart, g_array_index (found, guint, 1)), ==, "quan-ba-dinh");
  g_assert_cmpstr (unit_id (chart, g_array_index (found, guint, 12)), ==, "quan-ha-dong");
  for (guint i = 1; i < found->len; i++)
    {
      guint found_unit = g_array_index (found, guint, i);

      g_assert_true (g_str_has_prefix (unit_id (chart, found_unit), "quan-"));
      guint previous = g_array_index (found, guint, i - 1);

      g_assert_cmpuint (sodo_unit_matcher_get_tree_rank (matcher, found_unit), >,
                        sodo_unit_matcher_get_tree_rank (matcher, previous));
    }
  g_clear_pointer (&found, g_array_unref);

  /* Host bodies count: only the Party delegation's host has "Hội đồng nhân dân". */
  found = sodo_unit_matcher_find (matcher, "hoi dong nhan dan thanh pho ha noi");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (unit_id (chart, g_array_index (found, guint, 0)), ==, "dd-hdnd");
  g_clear_pointer (&found, g_array_unref);

  /* Short names: the eight Party delegations are "ĐĐ …". */
  found = sodo_unit_matcher_find (matcher, "đđ");
  g_assert_cmpuint (found->len, ==, 8);
  for (guint i = 0; i < found->len; i++)
    g_assert_true (g_str_has_prefix (unit_id (chart, g_array_index (found, guint, i)), "dd-"));
  g_clear_pointer (&found, g_array_unref);

  /* Nothing, and blanks only. */
  found = sodo_unit_matcher_find (matcher, "xyzzy");
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);
  found = sodo_unit_matcher_find (matcher, " \t ");
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_matcher_every_language (void)
{
  g_autoptr(SodoOrgchart) chart = load_hanoi ();
  SodoUnitMatcher *matcher = sodo_unit_matcher_get_for_chart (chart);
  g_autoptr(GArray) found = NULL;

  /* The same matcher for the same chart. */
  g_assert_true (matcher == sodo_unit_matcher_get_for_chart (chart));

  /* Whatever the UI language, the names of every language are searched: people name units
   * by their Vietnamese names and abbreviations in an English UI too. */
  sodo_language_set ("en");
  found = sodo_unit_matcher_find (matcher, "ba dinh district");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (unit_id (chart, g_array_index (found, guint, 0)), ==, "quan-ba-dinh");
  g_clear_pointer (&found, g_array_unref);
  found = sodo_unit_matcher_find (matcher, "quan uy");
  g_assert_cmpuint (found->len, ==, 13);
  g_clear_pointer (&found, g_array_unref);
  found = sodo_unit_matcher_find (matcher, "dang doan hdnd");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);

  /* And in a Vietnamese UI, the English names: the 12 urban and 17 rural district
   * committees, not the town committee nor the district-level group. */
  sodo_language_set ("vi");
  found = sodo_unit_matcher_find (matcher, "District Party Committee");
  g_assert_cmpuint (found->len, ==, 29);
  for (guint i = 0; i < found->len; i++)
    {
      const char *id = unit_id (chart, g_array_index (found, guint, i));

      g_assert_true (g_str_has_prefix (id, "quan-") || g_str_has_prefix (id, "huyen-"));
    }
}

static void
test_matcher_people (void)
{
  g_autoptr(SodoOrgchart) chart = load_chart ("SODO_TEST_DATA_DIR", "chart-details.json");
  g_autoptr(SodoUnitMatcher) matcher = sodo_unit_matcher_new (chart);
  g_autoptr(GArray) found = NULL;

  sodo_language_set ("vi");
  found = sodo_unit_matcher_find (matcher, "tran thi b");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (unit_id (chart, g_array_index (found, guint, 0)), ==, "dd-hdnd");
  g_clear_pointer (&found, g_array_unref);
  found = sodo_unit_matcher_find (matcher, "NGUYỄN VĂN");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);
  /* Text is matched as text, markup characters included. */
  found = sodo_unit_matcher_find (matcher, "a & b <i>");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (unit_id (chart, g_array_index (found, guint, 0)), ==, "markup");
}

/* A root with @n_children children named "Đơn vị 1" … */
static SodoOrgchart *
make_flat_chart (guint n_children)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"sodo-orgchart\", \"version\": 1, "
                                          "\"title\": \"Big\", "
                                          "\"kinds\": [{\"id\": \"k\", \"name\": \"K\"}], "
                                          "\"units\": [{\"id\": \"root\", \"parent\": null, "
                                          "\"kind\": \"k\", \"name\": \"Gốc\"}");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SodoOrgchart *chart;

  for (guint i = 1; i <= n_children; i++)
    g_string_append_printf (json, ", {\"id\": \"u%u\", \"parent\": \"root\", \"kind\": \"k\", "
                            "\"name\": {\"vi\": \"Đơn vị số %u\", \"en\": \"Unit %u\"}}",
                            i, i, i);
  g_string_append (json, "]}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  chart = sodo_orgchart_load_bytes (bytes, "big.json", NULL, &error);
  g_assert_no_error (error);
  return chart;
}

static void
test_matcher_large (void)
{
  g_autoptr(SodoOrgchart) chart = make_flat_chart (100000);
  g_autoptr(SodoUnitMatcher) matcher = sodo_unit_matcher_new (chart);
  g_autoptr(GArray) found = NULL;
  gint64 start = g_get_monotonic_time ();

  sodo_language_set ("vi");
  found = sodo_unit_matcher_find (matcher, "don vi so 99999");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (unit_id (chart, g_array_index (found, guint, 0)), ==, "u99999");
  g_clear_pointer (&found, g_array_unref);
  found = sodo_unit_matcher_find (matcher, "đơn vị");
  g_assert_cmpuint (found->len, ==, 100000);
  /* Folding 100,000 units once and scanning them twice takes a fraction of a second
   * natively; the bound, loose enough for valgrind, only catches a search gone quadratic. */
  g_test_message ("100,000 units folded and searched twice in %.2f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
}

/* ---- The find bar ---- */

typedef struct {
  GtkWidget       *window;
  GtkSearchBar    *bar;
  SodoChartSearch *search;
  SodoOrgchart    *chart;
  guint            n_matches_changed;
  guint            n_activated;
  guint            last_activated;
} Fixture;

static void
on_matches_changed_cb (SodoChartSearch *search,
                       Fixture         *fixture)
{
  fixture->n_matches_changed++;
}

static void
on_activate_match_cb (SodoChartSearch *search,
                      guint            unit_index,
                      Fixture         *fixture)
{
  fixture->n_activated++;
  fixture->last_activated = unit_index;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!have_display)
    return;

  sodo_language_set ("vi");
  fixture->chart = load_hanoi ();
  fixture->window = gtk_window_new ();
  fixture->bar = GTK_SEARCH_BAR (gtk_search_bar_new ());
  fixture->search = SODO_CHART_SEARCH (sodo_chart_search_new ());
  gtk_search_bar_set_child (fixture->bar, GTK_WIDGET (fixture->search));
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->bar));
  sodo_chart_search_set_orgchart (fixture->search, fixture->chart);
  g_signal_connect (fixture->search, "matches-changed",
                    G_CALLBACK (on_matches_changed_cb), fixture);
  g_signal_connect (fixture->search, "activate-match", G_CALLBACK (on_activate_match_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!have_display)
    return;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->chart);
}

/* The text of the first visible label under @widget that is not empty, or NULL. */
static const char *
find_count_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && gtk_label_get_text (GTK_LABEL (child))[0] != '\0')
        return gtk_label_get_text (GTK_LABEL (child));
      if (GTK_IS_EDITABLE (child))
        continue;
      text = find_count_text (child);
      if (text != NULL)
        return text;
    }
  return NULL;
}

static GtkWidget *
find_entry (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_SEARCH_ENTRY (child))
        return child;
      found = find_entry (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_search_steps_through_matches (Fixture       *fixture,
                                   gconstpointer  data)
{
  const guint *matches;
  guint n_matches = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* Start from a selected unit above the matches: the first match comes first. */
  sodo_chart_search_set_selected_unit (fixture->search, unit (fixture->chart, "dd-hdnd"));
  sodo_chart_search_set_query (fixture->search, "quan uy");
  g_assert_true (gtk_search_bar_get_search_mode (fixture->bar));

  matches = sodo_chart_search_get_matches (fixture->search, &n_matches);
  g_assert_cmpuint (n_matches, ==, 13);
  g_assert_nonnull (matches);
  g_assert_cmpuint (fixture->n_matches_changed, >=, 1);
  g_assert_cmpuint (fixture->n_activated, ==, 1);
  g_assert_cmpuint (fixture->last_activated, ==, unit (fixture->chart, "nhom-quan-uy"));
  g_assert_cmpuint (sodo_chart_search_get_selected_unit (fixture->search), ==,
                    unit (fixture->chart, "nhom-quan-uy"));
  g_assert_cmpuint (sodo_chart_search_get_current_match (fixture->search), ==,
                    unit (fixture->chart, "nhom-quan-uy"));
  g_assert_cmpstr (find_count_text (GTK_WIDGET (fixture->search)), ==, "1 of 13");

  /* Enter: the next match. */
  g_signal_emit_by_name (find_entry (GTK_WIDGET (fixture->search)), "activate");
  g_assert_cmpuint (fixture->last_activated, ==, unit (fixture->chart, "quan-ba-dinh"));
  g_assert_cmpstr (find_count_text (GTK_WIDGET (fixture->search)), ==, "2 of 13");

  /* Shift+Enter's action, twice: back to the first, then around to the last. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->search), "search.previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->search), "search.previous", NULL);
  g_assert_cmpuint (fixture->last_activated, ==, unit (fixture->chart, "quan-ha-dong"));
  g_assert_cmpstr (find_count_text (GTK_WIDGET (fixture->search)), ==, "13 of 13");
  sodo_chart_search_next_match (fixture->search);
  g_assert_cmpuint (fixture->last_activated, ==, unit (fixture->chart, "nhom-quan-uy"));

  /* A match chosen elsewhere (in the chart) becomes the current one. */
  sodo_chart_search_set_selected_unit (fixture->search, unit (fixture->chart, "quan-tay-ho"));
  g_assert_cmpstr (find_count_text (GTK_WIDGET (fixture->search)), ==, "4 of 13");

  /* A unit that is no match: the count alone, and the next match is the first after it. */
  sodo_chart_search_set_selected_unit (fixture->search, unit (fixture->chart, "cap-huyen"));
  g_assert_cmpstr (find_count_text (GTK_WIDGET (fixture->search)), ==, "13 matches");
  g_assert_cmpuint (sodo_chart_search_get_current_match (fixture->search), ==, SODO_NO_INDEX);
  sodo_chart_search_next_match (fixture->search);
  g_assert_cmpuint (fixture->last_activated, ==, unit (fixture->chart, "nhom-quan-uy"));
  sodo_chart_search_set_selected_unit (fixture->search, unit (fixture->chart, "huyen-soc-son"));
  sodo_chart_search_previous_match (fixture->search);
  g_assert_cmpuint (fixture->last_activated, ==, unit (fixture->chart, "quan-ha-dong"));
}

static void
test_search_no_match_and_close (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *entry;
  guint n_matches = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  entry = find_entry (GTK_WIDGET (fixture->search));
  sodo_chart_search_set_query (fixture->search, "xyzzy");
  g_assert_null (sodo_chart_search_get_matches (fixture->search, &n_matches));
  g_assert_cmpuint (n_matches, ==, 0);
  g_assert_cmpuint (fixture->n_activated, ==, 0);
  g_assert_cmpstr (find_count_text (GTK_WIDGET (fixture->search)), ==, "No matches");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));

  sodo_chart_search_set_query (fixture->search, "dang doan hdnd");
  sodo_chart_search_get_matches (fixture->search, &n_matches);
  g_assert_cmpuint (n_matches, ==, 1);
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  /* Escape closes the bar, which empties the entry: the highlights go. */
  fixture->n_matches_changed = 0;
  gtk_search_bar_set_search_mode (fixture->bar, FALSE);
  sodo_chart_search_get_matches (fixture->search, &n_matches);
  g_assert_cmpuint (n_matches, ==, 0);
  g_assert_cmpuint (fixture->n_matches_changed, >=, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

static gboolean
matches_changed (Fixture *fixture)
{
  return fixture->n_matches_changed > 0;
}

static void
test_search_as_you_type (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *entry;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint n_matches = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* Typing goes through the entry's delayed "search-changed". */
  entry = find_entry (GTK_WIDGET (fixture->search));
  gtk_search_bar_set_search_mode (fixture->bar, TRUE);
  fixture->n_matches_changed = 0;
  gtk_editable_set_text (GTK_EDITABLE (entry), "Ban Tổ chức");
  while (!matches_changed (fixture))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  sodo_chart_search_get_matches (fixture->search, &n_matches);
  g_assert_cmpuint (n_matches, ==, 1);
  g_assert_cmpuint (fixture->last_activated, ==, unit (fixture->chart, "ban-to-chuc"));
  g_assert_cmpstr (sodo_chart_search_get_query (fixture->search), ==, "Ban Tổ chức");
}

static void
test_search_new_chart (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SodoOrgchart) other = NULL;
  guint n_matches = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  sodo_chart_search_set_query (fixture->search, "quan uy");
  sodo_chart_search_get_matches (fixture->search, &n_matches);
  g_assert_cmpuint (n_matches, ==, 13);

  /* Another chart: the same query, its own matches (none); the old selection is out of its
   * range. */
  other = load_chart ("SODO_TEST_DATA_DIR", "chart-details.json");
  sodo_chart_search_set_orgchart (fixture->search, other);
  sodo_chart_search_get_matches (fixture->search, &n_matches);
  g_assert_cmpuint (n_matches, ==, 0);
  g_assert_cmpuint (sodo_chart_search_get_selected_unit (fixture->search), ==, SODO_NO_INDEX);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Referring to the resource links it in from the static library: the templates are there. */
  g_assert_nonnull (sodo_get_resource ());
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();
  sodo_language_set ("vi");

  g_test_add_func ("/chart/matcher/folds-diacritics", test_matcher_folds_diacritics);
  g_test_add_func ("/chart/matcher/phrase-first", test_matcher_phrase_first);
  g_test_add_func ("/chart/matcher/every-language", test_matcher_every_language);
  g_test_add_func ("/chart/matcher/people", test_matcher_people);
  g_test_add_func ("/chart/matcher/large", test_matcher_large);
  g_test_add ("/chart/search/steps-through-matches", Fixture, NULL,
              fixture_set_up, test_search_steps_through_matches, fixture_tear_down);
  g_test_add ("/chart/search/no-match-and-close", Fixture, NULL,
              fixture_set_up, test_search_no_match_and_close, fixture_tear_down);
  g_test_add ("/chart/search/as-you-type", Fixture, NULL,
              fixture_set_up, test_search_as_you_type, fixture_tear_down);
  g_test_add ("/chart/search/new-chart", Fixture, NULL,
              fixture_set_up, test_search_new_chart, fixture_tear_down);

  return g_test_run ();
}
