/* sodo-window.c: Sodo's main window, the org chart and the regulation side by side
 *
 * The main area has two slots, one for the chart and one for the document. They sit in a
 * resizable GtkPaned on a wide window and in an AdwViewStack with a switcher bar on a narrow
 * one; the slots themselves move between the two, so whatever they hold keeps its state.
 * Until a chart or document widget is plugged in, each slot summarises what is loaded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "chart/sodo-chart-pane.h"
#include "document/sodo-document-pane.h"
#include "document/sodo-import-dialog.h"
#include "model/sodo-language.h"

#include "sodo-print-actions.h"
#include "sodo-window-private.h"

G_DEFINE_FINAL_TYPE (SodoWindow, sodo_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ORGCHART,
  PROP_REGULATION,
  PROP_COMMENTS,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SodoWindow *
sodo_window_new (SodoApplication *app)
{
  g_return_val_if_fail (SODO_IS_APPLICATION (app), NULL);

  return g_object_new (SODO_TYPE_WINDOW, "application", app, NULL);
}

/* Number of levels of the chart: the deepest unit's depth plus one. */
static guint
count_levels (SodoOrgchart *chart)
{
  const SodoUnit *units = sodo_orgchart_get_units (chart);
  guint n_units = sodo_orgchart_get_n_units (chart);
  guint max_depth = 0;

  if (n_units == 0)
    return 0;
  for (guint i = 0; i < n_units; i++)
    max_depth = MAX (max_depth, units[i].depth);

  return max_depth + 1;
}

static guint
count_articles (SodoRegulation *regulation)
{
  const SodoRegulationNode *nodes = sodo_regulation_get_nodes (regulation);
  guint n_nodes = sodo_regulation_get_n_nodes (regulation);
  guint n_articles = 0;

  for (guint i = 0; i < n_nodes; i++)
    n_articles += nodes[i].level == SODO_LEVEL_ARTICLE;

  return n_articles;
}

/* Appends @text as a new line of a status page description (markup, so escaped). */
static void
append_line (GString    *description,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (description->len > 0)
    g_string_append_c (description, '\n');
  g_string_append (description, escaped);
}

/* A count with the language's digit grouping ("1.234" in Vietnamese, "1,234" in English). */
static char *
format_count (guint count)
{
  return sodo_format_number (count, sodo_language_get ());
}

/* The file's name without its folder (a bundled sample's display name is a resource URI). */
static void
append_file_name (GString    *description,
                  GFile      *file,
                  const char *display_name)
{
  g_autofree char *basename = file != NULL ? g_file_get_basename (file) : NULL;

  append_line (description, basename != NULL ? basename : display_name);
}

static const char *
orgchart_title (SodoOrgchart *chart)
{
  const char *title = sodo_orgchart_text (chart, sodo_orgchart_get_title (chart));

  return title != NULL ? title : sodo_orgchart_get_display_name (chart);
}

static const char *
regulation_title (SodoRegulation *regulation)
{
  const char *title = sodo_regulation_text (regulation, sodo_regulation_get_title (regulation));

  return title != NULL ? title : sodo_regulation_get_display_name (regulation);
}

static void
update_chart_status (SodoWindow *self)
{
  g_autoptr(GString) description = g_string_new (NULL);
  SodoOrgchart *chart = self->orgchart;
  g_autofree char *units_text = NULL;
  g_autofree char *units_line = NULL;
  g_autofree char *levels_text = NULL;
  g_autofree char *levels_line = NULL;
  g_autofree char *as_of = NULL;
  guint n_units;
  guint n_levels;

  if (chart == NULL)
    {
      adw_status_page_set_title (self->chart_status, _("No Org Chart"));
      adw_status_page_set_description (self->chart_status,
                                       _("Open an org chart file to see it here."));
      return;
    }

  n_units = sodo_orgchart_get_n_units (chart);
  units_text = format_count (n_units);
  units_line = g_strdup_printf (ngettext ("%s unit", "%s units", n_units), units_text);
  append_line (description, units_line);

  n_levels = count_levels (chart);
  levels_text = format_count (n_levels);
  levels_line = g_strdup_printf (ngettext ("%s level", "%s levels", n_levels), levels_text);
  append_line (description, levels_line);

  if (sodo_orgchart_get_as_of (chart) != NULL)
    as_of = sodo_format_date (sodo_orgchart_get_as_of (chart), sodo_language_get ());
  if (as_of != NULL)
    {
      g_autofree char *as_of_line = g_strdup_printf (_("Structure as of %s"), as_of);

      append_line (description, as_of_line);
    }
  append_file_name (description, sodo_orgchart_get_file (chart),
                    sodo_orgchart_get_display_name (chart));

  adw_status_page_set_title (self->chart_status, orgchart_title (chart));
  adw_status_page_set_description (self->chart_status, description->str);
}

/* "146-QĐ/TW · Draft · 27/10/2023", leaving out what the regulation does not say. */
static char *
describe_regulation_facts (SodoRegulation *regulation)
{
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  SodoRegulationStatus status = sodo_regulation_get_status (regulation);
  const char *date = sodo_regulation_get_date (regulation);
  char *formatted_date = NULL;

  if (sodo_regulation_get_number (regulation) != NULL)
    g_ptr_array_add (facts, g_strdup (sodo_regulation_get_number (regulation)));
  g_ptr_array_add (facts, g_strdup (sodo_regulation_status_get_label (status)));
  if (date != NULL)
    formatted_date = sodo_format_date (date, sodo_language_get ());
  if (formatted_date != NULL)
    g_ptr_array_add (facts, formatted_date);
  g_ptr_array_add (facts, NULL);

  return g_strjoinv (" · ", (char **) facts->pdata);
}

static void
update_document_status (SodoWindow *self)
{
  g_autoptr(GString) description = g_string_new (NULL);
  SodoRegulation *regulation = self->regulation;

  if (regulation == NULL)
    {
      adw_status_page_set_title (self->document_status, _("No Regulation"));
      append_line (description, _("Open a regulation file to read it here."));
    }
  else
    {
      g_autofree char *facts = describe_regulation_facts (regulation);

      guint n_articles = count_articles (regulation);
      g_autofree char *articles_text = format_count (n_articles);
      g_autofree char *articles_line = NULL;

      articles_line = g_strdup_printf (ngettext ("%s article", "%s articles", n_articles),
                                       articles_text);
      adw_status_page_set_title (self->document_status, regulation_title (regulation));
      append_line (description, facts);
      append_line (description, articles_line);
    }

  if (self->comments != NULL)
    {
      guint n_comments = sodo_comments_get_n_comments (self->comments);
      g_autofree char *comments_text = format_count (n_comments);
      g_autofree char *comments_line = NULL;

      comments_line = g_strdup_printf (ngettext ("%s comment", "%s comments", n_comments),
                                       comments_text);
      append_line (description, comments_line);
    }
  if (regulation != NULL)
    append_file_name (description, sodo_regulation_get_file (regulation),
                      sodo_regulation_get_display_name (regulation));

  adw_status_page_set_description (self->document_status, description->str);
}

static void
update_title (SodoWindow *self)
{
  const char *title = PACKAGE_NAME;
  const char *subtitle = "";

  if (self->orgchart != NULL)
    title = orgchart_title (self->orgchart);
  if (self->regulation != NULL)
    subtitle = regulation_title (self->regulation);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

SodoOrgchart *
sodo_window_get_orgchart (SodoWindow *self)
{
  g_return_val_if_fail (SODO_IS_WINDOW (self), NULL);

  return self->orgchart;
}

/* The chart pane comes with the first chart and then follows the window's documents. */
static void
ensure_chart_pane (SodoWindow *self)
{
  GtkWidget *pane;

  if (self->chart_widget != NULL)
    return;

  pane = sodo_chart_pane_new ();
  g_object_bind_property (self, "orgchart", pane, "orgchart", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "regulation", pane, "regulation", G_BINDING_SYNC_CREATE);
  sodo_window_set_chart_widget (self, pane);
}

void
sodo_window_set_orgchart (SodoWindow   *self,
                          SodoOrgchart *orgchart)
{
  g_return_if_fail (SODO_IS_WINDOW (self));
  g_return_if_fail (orgchart == NULL || SODO_IS_ORGCHART (orgchart));

  if (!g_set_object (&self->orgchart, orgchart))
    return;

  update_title (self);
  update_chart_status (self);
  if (orgchart != NULL)
    ensure_chart_pane (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGCHART]);
}

/* The document pane: the regulation beside the chart, linked both ways. A chip in the text
 * selects its units in the chart; the chart's selection highlights the articles that govern
 * it; an article link in the chart's details opens the article. */
static void
on_units_requested_cb (SodoDocumentPane *pane,
                       GArray           *units,
                       SodoWindow       *self)
{
  SodoChartView *view;

  if (!SODO_IS_CHART_PANE (self->chart_widget) || units->len == 0)
    return;

  /* All the units of a kind: the first is selected, every one shows as a match. */
  view = sodo_chart_pane_get_view (SODO_CHART_PANE (self->chart_widget));
  sodo_chart_view_set_matches (view, units->len > 1 ? (const guint *) units->data : NULL,
                               units->len > 1 ? units->len : 0);
  sodo_chart_view_select_unit (view, g_array_index (units, guint, 0), TRUE);
  if (self->narrow)
    adw_view_stack_set_visible_child_name (self->view_stack, "chart");
}

static void
on_article_activated_cb (SodoChartPane *chart_pane,
                         const char    *node_id,
                         SodoWindow    *self)
{
  if (!SODO_IS_DOCUMENT_PANE (self->document_widget))
    return;
  if (sodo_document_pane_show_node (SODO_DOCUMENT_PANE (self->document_widget), node_id)
      && self->narrow)
    adw_view_stack_set_visible_child_name (self->view_stack, "document");
}

/* Once both panes exist (in either order), they are linked. */
static void
link_panes (SodoWindow *self)
{
  GObject *document_pane = G_OBJECT (self->document_widget);

  if (!SODO_IS_CHART_PANE (self->chart_widget) || !SODO_IS_DOCUMENT_PANE (document_pane)
      || g_object_get_data (document_pane, "sodo-linked") != NULL)
    return;

  g_object_bind_property (sodo_chart_pane_get_view (SODO_CHART_PANE (self->chart_widget)),
                          "selected-unit", document_pane, "selected-unit",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->chart_widget, "article-activated",
                           G_CALLBACK (on_article_activated_cb), self, 0);
  g_object_set_data (document_pane, "sodo-linked", GINT_TO_POINTER (TRUE));
}

static void
on_orgchart_changed_link_cb (SodoWindow *self)
{
  link_panes (self);
}

/* The document pane comes with the first regulation and then follows the window. */
static void
ensure_document_pane (SodoWindow *self)
{
  GtkWidget *pane;

  if (self->document_widget != NULL)
    return;

  pane = sodo_document_pane_new ();
  g_object_bind_property (self, "orgchart", pane, "orgchart", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "regulation", pane, "regulation", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (pane, "units-requested", G_CALLBACK (on_units_requested_cb), self,
                           0);
  sodo_window_set_document_widget (self, pane);
  g_signal_connect (self, "notify::orgchart", G_CALLBACK (on_orgchart_changed_link_cb), NULL);
  link_panes (self);
}

static void
on_regulation_imported_cb (SodoImportDialog *dialog,
                           SodoRegulation   *regulation,
                           SodoWindow       *self)
{
  sodo_window_set_regulation (self, regulation);
}

SodoImportDialog *
_sodo_window_show_import_dialog (SodoWindow *self)
{
  SodoImportDialog *dialog = sodo_import_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_regulation_imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
import_text_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _sodo_window_show_import_dialog (SODO_WINDOW (widget));
}

SodoRegulation *
sodo_window_get_regulation (SodoWindow *self)
{
  g_return_val_if_fail (SODO_IS_WINDOW (self), NULL);

  return self->regulation;
}

void
sodo_window_set_regulation (SodoWindow     *self,
                            SodoRegulation *regulation)
{
  g_return_if_fail (SODO_IS_WINDOW (self));
  g_return_if_fail (regulation == NULL || SODO_IS_REGULATION (regulation));

  if (!g_set_object (&self->regulation, regulation))
    return;

  update_title (self);
  update_document_status (self);
  if (regulation != NULL)
    ensure_document_pane (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGULATION]);
}

SodoComments *
sodo_window_get_comments (SodoWindow *self)
{
  g_return_val_if_fail (SODO_IS_WINDOW (self), NULL);

  return self->comments;
}

void
sodo_window_set_comments (SodoWindow   *self,
                          SodoComments *comments)
{
  g_return_if_fail (SODO_IS_WINDOW (self));
  g_return_if_fail (comments == NULL || SODO_IS_COMMENTS (comments));

  if (!g_set_object (&self->comments, comments))
    return;

  update_document_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMENTS]);
}

GtkWidget *
sodo_window_get_chart_widget (SodoWindow *self)
{
  g_return_val_if_fail (SODO_IS_WINDOW (self), NULL);

  return self->chart_widget;
}

void
sodo_window_set_chart_widget (SodoWindow *self,
                              GtkWidget  *widget)
{
  g_return_if_fail (SODO_IS_WINDOW (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  if (self->chart_widget == widget)
    return;

  self->chart_widget = widget;
  adw_bin_set_child (self->chart_slot, widget != NULL ? widget : GTK_WIDGET (self->chart_status));
}

GtkWidget *
sodo_window_get_document_widget (SodoWindow *self)
{
  g_return_val_if_fail (SODO_IS_WINDOW (self), NULL);

  return self->document_widget;
}

void
sodo_window_set_document_widget (SodoWindow *self,
                                 GtkWidget  *widget)
{
  g_return_if_fail (SODO_IS_WINDOW (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  if (self->document_widget == widget)
    return;

  self->document_widget = widget;
  adw_bin_set_child (self->document_slot,
                     widget != NULL ? widget : GTK_WIDGET (self->document_status));
}

gboolean
sodo_window_get_narrow (SodoWindow *self)
{
  g_return_val_if_fail (SODO_IS_WINDOW (self), FALSE);

  return self->narrow;
}

/* Moves @slot into @holder, keeping it (and so its child's state) alive on the way. */
static void
move_slot (AdwBin *slot,
           AdwBin *holder)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (slot));

  if (parent == GTK_WIDGET (holder))
    return;

  g_object_ref (slot);
  if (ADW_IS_BIN (parent))
    adw_bin_set_child (ADW_BIN (parent), NULL);
  adw_bin_set_child (holder, GTK_WIDGET (slot));
  g_object_unref (slot);
}

static void
set_narrow (SodoWindow *self,
            gboolean    narrow)
{
  if (self->narrow == narrow)
    return;

  self->narrow = narrow;
  move_slot (self->chart_slot, narrow ? self->narrow_chart_holder : self->wide_chart_holder);
  move_slot (self->document_slot,
             narrow ? self->narrow_document_holder : self->wide_document_holder);
  gtk_stack_set_visible_child_name (self->layout_stack, narrow ? "narrow" : "wide");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

void
_sodo_window_set_narrow (SodoWindow *self,
                         gboolean    narrow)
{
  set_narrow (self, narrow);
}

static gboolean
update_layout_idle_cb (gpointer user_data)
{
  SodoWindow *self = SODO_WINDOW (user_data);

  self->layout_idle_id = 0;
  set_narrow (self, gtk_widget_get_width (GTK_WIDGET (self)) < SODO_WINDOW_NARROW_WIDTH);

  return G_SOURCE_REMOVE;
}

/* The widget tree cannot change during an allocation: the switch waits for an idle. */
static void
sodo_window_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  SodoWindow *self = SODO_WINDOW (widget);

  GTK_WIDGET_CLASS (sodo_window_parent_class)->size_allocate (widget, width, height, baseline);

  if ((width < SODO_WINDOW_NARROW_WIDTH) != self->narrow && self->layout_idle_id == 0)
    self->layout_idle_id = g_idle_add (update_layout_idle_cb, self);
}

/* A saved size larger than every monitor (another machine, a smaller screen) is cut down. */
static void
clamp_to_monitors (int *width,
                   int *height)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  int max_width = 0;
  int max_height = 0;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      max_width = MAX (max_width, geometry.width);
      max_height = MAX (max_height, geometry.height);
    }

  if (max_width > 0)
    *width = MIN (*width, max_width);
  if (max_height > 0)
    *height = MIN (*height, max_height);
}

static void
restore_state (SodoWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");
  int pane_position = g_settings_get_int (self->settings, "pane-position");

  clamp_to_monitors (&width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  /* Until the reader moves the divider the chart gets three fifths: it needs the room more
   * than the text. GtkPaned then keeps the proportion as the window is resized. */
  gtk_paned_set_position (self->paned, pane_position >= 0 ? pane_position : width * 3 / 5);

  /* Start in the layout the restored width calls for, without a flash of the other one. */
  set_narrow (self, width < SODO_WINDOW_NARROW_WIDTH);
}

static void
save_open_files (SodoWindow *self)
{
  g_autoptr(GStrvBuilder) uris = g_strv_builder_new ();
  g_auto(GStrv) uri_array = NULL;
  /* Not the comments file: its comments were merged into the regulation's own comments,
   * which the comments store keeps. Merging it again at the next start would bring back
   * comments deleted since. */
  GFile *files[] = {
    self->orgchart != NULL ? sodo_orgchart_get_file (self->orgchart) : NULL,
    self->regulation != NULL ? sodo_regulation_get_file (self->regulation) : NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *uri = files[i] != NULL ? g_file_get_uri (files[i]) : NULL;

      if (uri != NULL)
        g_strv_builder_add (uris, uri);
    }

  uri_array = g_strv_builder_end (uris);
  g_settings_set_strv (self->settings, "last-files", (const char *const *) uri_array);
}

static void
save_state (SodoWindow *self)
{
  gboolean pane_position_set;
  int width;
  int height;

  /* The size to save is the default size: the allocation can include decorations. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_object_get (self->paned, "position-set", &pane_position_set, NULL);
  if (pane_position_set)
    g_settings_set_int (self->settings, "pane-position", gtk_paned_get_position (self->paned));
  save_open_files (self);
}

static gboolean
sodo_window_close_request (GtkWindow *window)
{
  SodoWindow *self = SODO_WINDOW (window);

  if (self->settings != NULL)
    save_state (self);

  return GTK_WINDOW_CLASS (sodo_window_parent_class)->close_request (window);
}

/* The shortcuts window shows the application's accelerators for its actions: it needs the
 * window's application, and is built with the window so that it follows the UI language. */
static void
add_help_overlay (SodoWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GObject *shortcuts_window;

  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)) != NULL)
    return;

  builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/ui/sodo-shortcuts-window.ui");
  shortcuts_window = gtk_builder_get_object (builder, "shortcuts_window");
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (shortcuts_window));
}

/* GtkWindow:application is not a construct property, so it arrives after constructed():
 * the saved state is restored as soon as the window belongs to Sodo. */
static void
on_application_changed_cb (SodoWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL)
    add_help_overlay (self);

  if (self->settings != NULL || !SODO_IS_APPLICATION (app)
      || sodo_application_get_settings (SODO_APPLICATION (app)) == NULL)
    return;

  self->settings = g_object_ref (sodo_application_get_settings (SODO_APPLICATION (app)));
  restore_state (self);
}

static void
sodo_window_dispose (GObject *object)
{
  SodoWindow *self = SODO_WINDOW (object);

  _sodo_window_dispose_open (self);
  _sodo_window_dispose_files (self);
  g_clear_handle_id (&self->layout_idle_id, g_source_remove);

  /* Drop the summaries' extra references while the template fields still point to them. */
  g_clear_object (&self->chart_status);
  g_clear_object (&self->document_status);
  gtk_widget_dispose_template (GTK_WIDGET (self), SODO_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->orgchart);
  g_clear_object (&self->regulation);
  g_clear_object (&self->comments);
  self->chart_widget = NULL;
  self->document_widget = NULL;

  G_OBJECT_CLASS (sodo_window_parent_class)->dispose (object);
}

static void
sodo_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SodoWindow *self = SODO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ORGCHART:
      g_value_set_object (value, self->orgchart);
      break;

    case PROP_REGULATION:
      g_value_set_object (value, self->regulation);
      break;

    case PROP_COMMENTS:
      g_value_set_object (value, self->comments);
      break;

    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SodoWindow *self = SODO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ORGCHART:
      sodo_window_set_orgchart (self, g_value_get_object (value));
      break;

    case PROP_REGULATION:
      sodo_window_set_regulation (self, g_value_get_object (value));
      break;

    case PROP_COMMENTS:
      sodo_window_set_comments (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ---- Start-up probe for the benchmark (bench/README.md) ----
 *
 * With SODO_QUIT_AFTER_FIRST_FRAME=1 the application quits right after the first frame that
 * shows a chart has been painted, so that the time from exec to a usable window can be
 * measured; SODO_PRINT_STARTUP_TIME=1 also prints that time, counted from the process's
 * start as the kernel recorded it (to the clock tick, 10 ms). */

static double
process_age_ms (void)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;
  struct timespec now;
  long ticks_per_second = sysconf (_SC_CLK_TCK);

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (after_name = strrchr (stat, ')')) == NULL || ticks_per_second <= 0 ||
      clock_gettime (CLOCK_BOOTTIME, &now) != 0)
    return -1;

  /* The fields after the command name start with field 3; the start time is field 22. */
  fields = g_strsplit (after_name + 2, " ", 21);
  if (g_strv_length (fields) < 21)
    return -1;
  return (now.tv_sec + now.tv_nsec / 1e9 -
          g_ascii_strtod (fields[19], NULL) / ticks_per_second) * 1000.0;
}

/* A frame laid out with a chart in the window is a frame that paints it. */
static void
on_probe_layout_cb (GdkFrameClock *clock,
                    SodoWindow    *self)
{
  if (self->orgchart != NULL)
    g_object_set_data (G_OBJECT (self), "sodo-probe-armed", GINT_TO_POINTER (TRUE));
}

static void
on_probe_after_paint_cb (GdkFrameClock *clock,
                         SodoWindow    *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (g_object_get_data (G_OBJECT (self), "sodo-probe-armed") == NULL)
    return;

  g_signal_handlers_disconnect_by_data (clock, self);
  if (g_strcmp0 (g_getenv ("SODO_PRINT_STARTUP_TIME"), "1") == 0)
    g_printerr ("sodo: first frame with the chart %.0f ms after the process started\n",
                process_age_ms ());
  if (application != NULL)
    g_application_quit (G_APPLICATION (application));
}

static void
on_probe_realize_cb (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect_object (clock, "layout", G_CALLBACK (on_probe_layout_cb), widget, 0);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_probe_after_paint_cb), widget,
                           0);
}

static void
sodo_window_class_init (SodoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sodo_window_dispose;
  object_class->get_property = sodo_window_get_property;
  object_class->set_property = sodo_window_set_property;

  widget_class->size_allocate = sodo_window_size_allocate;
  window_class->close_request = sodo_window_close_request;

  properties[PROP_ORGCHART] =
    g_param_spec_object ("orgchart", NULL, NULL, SODO_TYPE_ORGCHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGULATION] =
    g_param_spec_object ("regulation", NULL, NULL, SODO_TYPE_REGULATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMMENTS] =
    g_param_spec_object ("comments", NULL, NULL, SODO_TYPE_COMMENTS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/sodo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SodoWindow, banner_details_button);
  gtk_widget_class_bind_template_child (widget_class, SodoWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, SodoWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, SodoWindow, chart_slot);
  gtk_widget_class_bind_template_child (widget_class, SodoWindow, chart_status);
  gtk_widget_class_bind_template_child (widget_class, SodoWindow, document_slot);
  gtk_widget_class_bind_template_child (widget_class, SodoWindow, document_status);
  gtk_widget_class_bind_template_child (widget_class, SodoWindow, layout_stack);
  gtk_widget_class_bind_template_child (widget_class, SodoWindow, narrow_chart_holder);
  gtk_widget_class_bind_template_child (widget_class, SodoWindow, narrow_document_holder);
  gtk_widget_class_bind_template_child (widget_class, SodoWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, SodoWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, SodoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SodoWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SodoWindow, wide_chart_holder);
  gtk_widget_class_bind_template_child (widget_class, SodoWindow, wide_document_holder);
  gtk_widget_class_bind_template_child (widget_class, SodoWindow, window_title);

  _sodo_window_class_init_open (widget_class);
  _sodo_window_class_init_files (widget_class);
  _sodo_window_class_init_comments (widget_class);
  gtk_widget_class_install_action (widget_class, "win.import-text", NULL, import_text_action);
  sodo_print_actions_install (widget_class);
}

static void
sodo_window_init (SodoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  if (g_strcmp0 (g_getenv ("SODO_QUIT_AFTER_FIRST_FRAME"), "1") == 0)
    g_signal_connect (self, "realize", G_CALLBACK (on_probe_realize_cb), NULL);

  /* The summaries leave their slot when a real view is plugged in; keep them for later. */
  g_object_ref (self->chart_status);
  g_object_ref (self->document_status);
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed_cb), NULL);
  _sodo_window_init_files (self);
  _sodo_window_init_comments (self);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  update_title (self);
  update_chart_status (self);
  update_document_status (self);
  sodo_print_actions_init (self);
}

AdwWindowTitle *
_sodo_window_get_title_widget (SodoWindow *self)
{
  return self->window_title;
}

GtkWidget *
_sodo_window_get_chart_slot (SodoWindow *self)
{
  return GTK_WIDGET (self->chart_slot);
}

GtkWidget *
_sodo_window_get_document_slot (SodoWindow *self)
{
  return GTK_WIDGET (self->document_slot);
}

AdwStatusPage *
_sodo_window_get_chart_status (SodoWindow *self)
{
  return self->chart_status;
}

AdwStatusPage *
_sodo_window_get_document_status (SodoWindow *self)
{
  return self->document_status;
}
