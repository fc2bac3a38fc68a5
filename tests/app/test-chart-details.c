/* test-chart-details.c: the details panel shows the selected unit and links onwards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "chart/sodo-chart-details.h"
#include "chart/sodo-kind-swatch.h"
#include "model/sodo-language.h"
#include "sodo-resources.h"
#include "sodo-test-gtk.h"

typedef struct {
  GtkWidget        *window;
  SodoChartDetails *details;
  SodoOrgchart     *chart;
  guint             n_units_activated;
  guint             last_unit;
  guint             n_articles_activated;
  char             *last_article;
} Fixture;

static gpointer
load (const char *dir_variable,
      const char *name,
      gboolean    regulation)
{
  g_autofree char *path = g_build_filename (g_getenv (dir_variable), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gpointer document = regulation ? (gpointer) sodo_regulation_load_file (file, NULL, NULL, &error)
                                 : (gpointer) sodo_orgchart_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static guint
unit (SodoOrgchart *chart,
      const char   *id)
{
  guint index = sodo_orgchart_find_unit (chart, id);

  g_assert_cmpuint (index, !=, SODO_NO_INDEX);
  return index;
}

/* Whether a visible widget under @widget is a label (or a row) reading @text. */
static GtkWidget *
find_text (GtkWidget  *widget,
           const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child) || !gtk_widget_get_child_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      if (ADW_IS_PREFERENCES_ROW (child)
          && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), text) == 0)
        return child;
      found = find_text (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child) || !gtk_widget_get_child_visible (child))
        continue;
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row whose title is @title, and that the user can activate. */
static GtkWidget *
find_link (Fixture    *fixture,
           const char *title)
{
  GtkWidget *row = find_text (GTK_WIDGET (fixture->details), title);

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  return row;
}

static void
on_unit_activated_cb (SodoChartDetails *details,
                      guint             unit_index,
                      Fixture          *fixture)
{
  fixture->n_units_activated++;
  fixture->last_unit = unit_index;
}

static void
on_article_activated_cb (SodoChartDetails *details,
                         const char       *node_id,
                         Fixture          *fixture)
{
  fixture->n_articles_activated++;
  g_free (fixture->last_article);
  fixture->last_article = g_strdup (node_id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  sodo_language_set ("vi");
  fixture->chart = load ("SODO_SAMPLES_DIR", "hanoi-2023.json", FALSE);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  fixture->details = SODO_CHART_DETAILS (sodo_chart_details_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->details));
  sodo_chart_details_set_orgchart (fixture->details, fixture->chart);
  g_signal_connect (fixture->details, "unit-activated", G_CALLBACK (on_unit_activated_cb), fixture);
  g_signal_connect (fixture->details, "article-activated",
                    G_CALLBACK (on_article_activated_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->chart);
  g_free (fixture->last_article);
}

static void
test_details_empty (Fixture       *fixture,
                    gconstpointer  data)
{
  g_assert_nonnull (find_text (GTK_WIDGET (fixture->details), "No Unit Selected"));
  g_assert_null (find_text (GTK_WIDGET (fixture->details), "Host Body"));

  sodo_chart_details_set_selected_unit (fixture->details, unit (fixture->chart, "btv"));
  g_assert_null (find_text (GTK_WIDGET (fixture->details), "No Unit Selected"));
  sodo_chart_details_set_selected_unit (fixture->details, SODO_NO_INDEX);
  g_assert_nonnull (find_text (GTK_WIDGET (fixture->details), "No Unit Selected"));
}

static void
test_details_unit (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->details);
  SodoKindSwatch *swatch;
  guint32 rgb = 0;

  sodo_chart_details_set_selected_unit (fixture->details, unit (fixture->chart, "dd-hdnd"));
  g_assert_cmpuint (sodo_chart_details_get_selected_unit (fixture->details), ==,
                    unit (fixture->chart, "dd-hdnd"));

  /* Name, short name, kind and its colour, host body. */
  g_assert_nonnull (find_text (widget, "Đảng đoàn Hội đồng nhân dân thành phố"));
  g_assert_nonnull (find_text (widget, "ĐĐ HĐND"));
  g_assert_nonnull (find_text (widget, "Đảng đoàn (ĐĐ)"));
  g_assert_nonnull (find_text (widget, "Host Body"));
  g_assert_nonnull (find_text (widget, "Hội đồng nhân dân thành phố Hà Nội"));
  swatch = SODO_KIND_SWATCH (find_text (widget, "Đảng đoàn (ĐĐ)") != NULL
                             ? gtk_widget_get_prev_sibling (find_text (widget, "Đảng đoàn (ĐĐ)"))
                             : NULL);
  g_assert_true (sodo_kind_swatch_get_rgb (swatch, &rgb));
  g_assert_cmphex (rgb, ==, 0x1c71d8);

  /* Its relations: to the Standing Board that set it up, and to the district committees. */
  g_assert_nonnull (find_text (widget, "Links From This Unit"));
  g_assert_null (find_text (widget, "Links To This Unit"));
  g_assert_nonnull (find_link (fixture, "Ban Thường vụ Thành ủy"));
  g_assert_nonnull (find_link (fixture, "Các đảng bộ cấp huyện (30)"));
  /* Its parent. */
  g_assert_nonnull (find_link (fixture, "Các đảng đoàn (8)"));

  /* No people, figures or dates in the sample for it: those sections stay hidden. */
  g_assert_null (find_text (widget, "People"));
  g_assert_null (find_text (widget, "Figures"));

  /* Without a regulation, its references wait for one. */
  g_assert_nonnull (find_text (widget, "Governed By"));
  g_assert_nonnull (find_text (widget, "art-7.2.a"));
  g_assert_nonnull (find_text (widget, "No regulation is open"));
}

static void
test_details_figures (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->details);

  /* The root has figures, formatted in the UI language. */
  sodo_chart_details_set_selected_unit (fixture->details, sodo_orgchart_get_root (fixture->chart));
  g_assert_nonnull (find_text (widget, "Figures"));
  g_assert_nonnull (find_text (widget, "Đảng viên (hơn)"));
  g_assert_nonnull (find_text (widget, "475.000"));
  g_assert_null (find_text (widget, "Part Of"));
  g_assert_null (find_text (widget, "Links To This Unit"));

  /* The Standing Board: the relations come to it. */
  sodo_chart_details_set_selected_unit (fixture->details, unit (fixture->chart, "btv"));
  g_assert_nonnull (find_text (widget, "Links To This Unit"));
  g_assert_nonnull (find_link (fixture, "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam thành phố"));
  g_assert_null (find_text (widget, "Figures"));
}

static void
test_details_people_and_dates (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(SodoOrgchart) chart = load ("SODO_TEST_DATA_DIR", "chart-details.json", FALSE);
  GtkWidget *widget = GTK_WIDGET (fixture->details);
  GtkWidget *swatch;
  GtkWidget *row;

  sodo_chart_details_set_orgchart (fixture->details, chart);
  sodo_chart_details_set_selected_unit (fixture->details, unit (chart, "dd-hdnd"));
  g_assert_nonnull (find_text (widget, "Hội đồng nhân dân tỉnh"));
  g_assert_nonnull (find_text (widget, "Mô tả để kiểm thử."));
  g_assert_nonnull (find_text (widget, "People"));
  row = find_text (widget, "Nguyễn Văn A");
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Bí thư");
  g_assert_nonnull (find_text (widget, "Trần Thị B"));
  /* Figures in Vietnamese number format. */
  g_assert_nonnull (find_text (widget, "Kinh phí"));
  g_assert_nonnull (find_text (widget, "1.234.567,5"));
  g_assert_nonnull (find_text (widget, "From 13/10/2020 to 12/02/2025"));
  /* Its successor, and the unit that works with it. */
  g_assert_nonnull (find_text (widget, "Succeeded By"));
  gtk_widget_activate (find_link (fixture, "Đảng bộ các cơ quan Đảng tỉnh"));
  g_assert_cmpuint (fixture->last_unit, ==, unit (chart, "dang-bo-co-quan"));
  row = find_link (fixture, "Ban Thường vụ Tỉnh ủy");
  g_assert_nonnull (row);
  g_assert_nonnull (find_text (widget, "Links To This Unit"));

  /* A unit set up on a date, with no colour for its kind. */
  sodo_chart_details_set_selected_unit (fixture->details, unit (chart, "dang-bo-co-quan"));
  g_assert_nonnull (find_text (widget, "Validity"));
  g_assert_nonnull (find_text (widget, "Since 12/02/2025"));
  swatch = find_descendant (widget, SODO_TYPE_KIND_SWATCH);
  g_assert_false (sodo_kind_swatch_get_rgb (SODO_KIND_SWATCH (swatch), NULL));

  /* In English: English texts, dates and numbers. */
  sodo_language_set ("en");
  sodo_chart_details_set_selected_unit (fixture->details, unit (chart, "dd-hdnd"));
  g_assert_nonnull (find_text (widget, "Provincial People's Council"));
  g_assert_nonnull (find_text (widget, "Secretary"));
  g_assert_nonnull (find_text (widget, "1,234,567.5"));
  g_assert_nonnull (find_text (widget, "From 13 Oct 2020 to 12 Feb 2025"));
  sodo_language_set ("vi");

  /* Data text is shown as written, never read as markup. */
  sodo_chart_details_set_selected_unit (fixture->details, unit (chart, "markup"));
  g_assert_nonnull (find_text (widget, "Ban <b>Khoa học</b> & Công nghệ"));
  row = find_text (widget, "A & B <i>");
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "<u>role</u>");
}

static void
test_details_links (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SodoRegulation) regulation = load ("SODO_SAMPLES_DIR", "regulation-draft-2023.json",
                                               TRUE);
  GtkWidget *widget = GTK_WIDGET (fixture->details);

  sodo_chart_details_set_selected_unit (fixture->details, unit (fixture->chart, "dd-hdnd"));

  /* A relation's other end. */
  gtk_widget_activate (find_link (fixture, "Ban Thường vụ Thành ủy"));
  g_assert_cmpuint (fixture->n_units_activated, ==, 1);
  g_assert_cmpuint (fixture->last_unit, ==, unit (fixture->chart, "btv"));

  /* With the regulation, its articles: by reference (7.2.a) and by kind (Article 5). The
   * level names are UI strings (English in the tests). */
  sodo_chart_details_set_regulation (fixture->details, regulation);
  g_assert_null (find_text (widget, "No regulation is open"));
  g_assert_null (find_text (widget, "art-7.2.a"));
  gtk_widget_activate (find_link (fixture, "Article 7, clause 2, point a"));
  g_assert_cmpuint (fixture->n_articles_activated, ==, 1);
  g_assert_cmpstr (fixture->last_article, ==, "art-7.2.a");
  gtk_widget_activate (find_link (fixture, "Article 5"));
  g_assert_cmpstr (fixture->last_article, ==, "art-5");
}

static void
test_details_unresolved (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SodoOrgchart) chart = load ("SODO_TEST_DATA_DIR", "chart-details.json", FALSE);
  g_autoptr(SodoRegulation) regulation = load ("SODO_SAMPLES_DIR", "regulation-draft-2023.json",
                                               TRUE);
  GtkWidget *widget = GTK_WIDGET (fixture->details);
  GtkWidget *row;

  /* "art-1" is in the regulation, "art-99" is not. */
  sodo_chart_details_set_orgchart (fixture->details, chart);
  sodo_chart_details_set_regulation (fixture->details, regulation);
  sodo_chart_details_set_selected_unit (fixture->details, unit (chart, "dd-hdnd"));
  g_assert_nonnull (find_link (fixture, "Article 1"));
  g_assert_null (find_text (widget, "art-1"));
  row = find_text (widget, "art-99");
  g_assert_nonnull (row);
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Not found in the open regulation");

  /* Without the regulation, both wait for one. */
  sodo_chart_details_set_regulation (fixture->details, NULL);
  g_assert_nonnull (find_text (widget, "art-1"));
  g_assert_nonnull (find_text (widget, "art-99"));
  g_assert_null (find_text (widget, "Article 1"));
}

int
main (int   argc,
      char *argv[])
{
  sodo_test_init_gtk (&argc, &argv);
  adw_init ();
  /* Referring to the resource links it in from the static library: the templates are there. */
  g_assert_nonnull (sodo_get_resource ());
  sodo_language_set ("vi");

  g_test_add ("/chart/details/empty", Fixture, NULL,
              fixture_set_up, test_details_empty, fixture_tear_down);
  g_test_add ("/chart/details/unit", Fixture, NULL,
              fixture_set_up, test_details_unit, fixture_tear_down);
  g_test_add ("/chart/details/figures", Fixture, NULL,
              fixture_set_up, test_details_figures, fixture_tear_down);
  g_test_add ("/chart/details/people-and-dates", Fixture, NULL,
              fixture_set_up, test_details_people_and_dates, fixture_tear_down);
  g_test_add ("/chart/details/links", Fixture, NULL,
              fixture_set_up, test_details_links, fixture_tear_down);
  g_test_add ("/chart/details/unresolved", Fixture, NULL,
              fixture_set_up, test_details_unresolved, fixture_tear_down);

  return g_test_run ();
}
