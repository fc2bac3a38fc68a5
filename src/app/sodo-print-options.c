/* sodo-print-options.c: what to print and how, with a preview that follows every change
 *
 * The preview paginates with the same code that prints, after a short pause so that a spin
 * button held down does not paginate at every step. The scenes for the whole chart, the
 * branch and the chart as shown are made once each, when first asked for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sodo-print-options.h"
#include "sodo-print-operation.h"
#include "sodo-print-preview.h"

/* Milliseconds between the last change and the new preview. */
#define UPDATE_DELAY 120

/* The paper sizes offered, by their PWG names. */
static const char *const paper_names[] = {
  GTK_PAPER_NAME_A4, GTK_PAPER_NAME_A3, GTK_PAPER_NAME_A5, GTK_PAPER_NAME_LETTER,
  GTK_PAPER_NAME_LEGAL,
};

/* The mode row's items, in order. */
static const SodoPaginationMode modes[] = {
  SODO_PAGINATION_FIT_PAGE, SODO_PAGINATION_FIT_PAGES, SODO_PAGINATION_SCALE,
};

struct _SodoPrintOptions
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkBox            *box;
  GtkSpinButton     *columns_spin;
  AdwActionRow      *columns_row;
  AdwComboRow       *content_row;
  GtkSwitch         *crop_switch;
  AdwActionRow      *crop_row;
  GtkSwitch         *labels_switch;
  AdwActionRow      *labels_row;
  GtkSwitch         *legend_switch;
  AdwComboRow       *mode_row;
  AdwComboRow       *orientation_row;
  GtkSpinButton     *overlap_spin;
  AdwActionRow      *overlap_row;
  GtkLabel          *pages_label;
  AdwPreferencesGroup *paper_group;
  AdwComboRow       *paper_row;
  AdwActionRow      *page_setup_row;
  SodoPrintPreview  *preview;
  GtkSpinButton     *rows_spin;
  AdwActionRow      *rows_row;
  GtkSpinButton     *scale_spin;
  AdwActionRow      *scale_row;
  AdwPreferencesGroup *size_group;
  GtkSwitch         *title_switch;

  SodoOrgchart      *chart;
  SodoChartScene    *shown;
  guint              selected_unit;
  char              *branch_name;
  SodoChartContent   contents[3];          /* the content row's items */
  SodoChartScene    *scenes[3];            /* by SodoChartContent, made when needed */
  GtkPageSetup      *page_setup;
  GtkPaperSize      *other_paper;          /* a paper not in paper_names, from Page Setup */
  GSettings         *settings;
  gboolean           paginated;
  gboolean           updating_rows;
  guint              update_id;
  guint              n_pages;
};

G_DEFINE_FINAL_TYPE (SodoPrintOptions, sodo_print_options, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_update (SodoPrintOptions *self);

/* ---- Reading the rows ---- */

static SodoPaginationMode
current_mode (SodoPrintOptions *self)
{
  guint selected = adw_combo_row_get_selected (self->mode_row);

  return selected < G_N_ELEMENTS (modes) ? modes[selected] : SODO_PAGINATION_FIT_PAGE;
}

SodoChartContent
sodo_print_options_get_content (SodoPrintOptions *self)
{
  guint selected;

  g_return_val_if_fail (SODO_IS_PRINT_OPTIONS (self), SODO_CHART_CONTENT_WHOLE);

  selected = adw_combo_row_get_selected (self->content_row);
  return selected < G_N_ELEMENTS (self->contents) ? self->contents[selected]
                                                  : SODO_CHART_CONTENT_WHOLE;
}

void
sodo_print_options_set_content (SodoPrintOptions *self,
                                SodoChartContent  content)
{
  g_return_if_fail (SODO_IS_PRINT_OPTIONS (self));

  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (self->content_row)); i++)
    if (self->contents[i] == content)
      adw_combo_row_set_selected (self->content_row, i);
}

void
sodo_print_options_get_pagination (SodoPrintOptions      *self,
                                   SodoPaginationOptions *options)
{
  g_return_if_fail (SODO_IS_PRINT_OPTIONS (self));
  g_return_if_fail (options != NULL);

  sodo_pagination_options_init (options);
  options->mode = self->paginated ? current_mode (self) : SODO_PAGINATION_NATURAL;
  options->columns = (guint) gtk_spin_button_get_value_as_int (self->columns_spin);
  options->rows = (guint) gtk_spin_button_get_value_as_int (self->rows_spin);
  options->scale = self->paginated ? gtk_spin_button_get_value (self->scale_spin) / 100 : 1.0;
  options->overlap = gtk_spin_button_get_value (self->overlap_spin) * SODO_POINTS_PER_MM;
  options->page_width = gtk_page_setup_get_page_width (self->page_setup, GTK_UNIT_POINTS);
  options->page_height = gtk_page_setup_get_page_height (self->page_setup, GTK_UNIT_POINTS);
  options->title_block = gtk_switch_get_active (self->title_switch);
  options->legend = gtk_switch_get_active (self->legend_switch);
  options->page_labels = gtk_switch_get_active (self->labels_switch);
  options->crop_marks = gtk_switch_get_active (self->crop_switch);
  options->show_relations = TRUE;
  options->subtitle = sodo_print_options_get_content (self) == SODO_CHART_CONTENT_BRANCH
                      ? self->branch_name : NULL;
}

SodoChartScene *
sodo_print_options_get_scene (SodoPrintOptions  *self,
                              GError           **error)
{
  SodoChartContent content;

  g_return_val_if_fail (SODO_IS_PRINT_OPTIONS (self), NULL);
  g_return_val_if_fail (self->chart != NULL, NULL);

  content = sodo_print_options_get_content (self);
  if (self->scenes[content] == NULL)
    self->scenes[content] = sodo_chart_export_make_scene (self->chart, NULL, self->shown,
                                                          content, self->selected_unit, error);
  return self->scenes[content] != NULL ? g_object_ref (self->scenes[content]) : NULL;
}

guint
sodo_print_options_get_n_pages (SodoPrintOptions *self)
{
  g_return_val_if_fail (SODO_IS_PRINT_OPTIONS (self), 0);
  return self->n_pages;
}

/* ---- The preview ---- */

static void
set_n_pages (SodoPrintOptions *self,
             guint             n_pages)
{
  if (self->n_pages == n_pages)
    return;
  self->n_pages = n_pages;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

static void
show_pagination (SodoPrintOptions *self,
                 SodoPagination   *pagination)
{
  guint n_pages = sodo_pagination_get_n_pages (pagination);
  g_autofree char *pages = NULL;
  g_autofree char *text = NULL;

  /* Translators: in the print options, how many sheets the print takes */
  pages = g_strdup_printf (ngettext ("%u page", "%u pages", n_pages), n_pages);
  if (self->paginated && current_mode (self) != SODO_PAGINATION_SCALE)
    /* Translators: the page count, then the scale the chart is printed at */
    text = g_strdup_printf (_("%s · %.0f %%"), pages, 100 * sodo_pagination_get_scale (pagination));
  else
    text = g_strdup (pages);
  gtk_label_set_text (self->pages_label, text);

  if (self->paginated)
    sodo_print_preview_set_pagination (self->preview, pagination,
                                       gtk_page_setup_get_paper_width (self->page_setup,
                                                                       GTK_UNIT_POINTS),
                                       gtk_page_setup_get_paper_height (self->page_setup,
                                                                        GTK_UNIT_POINTS),
                                       gtk_page_setup_get_left_margin (self->page_setup,
                                                                       GTK_UNIT_POINTS),
                                       gtk_page_setup_get_top_margin (self->page_setup,
                                                                      GTK_UNIT_POINTS));
  else
    {
      double width, height;

      sodo_pagination_get_page_size (pagination, &width, &height);
      sodo_print_preview_set_pagination (self->preview, pagination, width, height, 0, 0);
    }
  set_n_pages (self, n_pages);
}

static void
update_preview (SodoPrintOptions *self)
{
  g_autoptr(SodoChartScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  SodoPaginationOptions options;
  SodoPagination *pagination = NULL;

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->chart == NULL)
    return;

  scene = sodo_print_options_get_scene (self, &error);
  sodo_print_options_get_pagination (self, &options);
  if (scene != NULL)
    pagination = sodo_pagination_new (scene, &options, &error);
  if (pagination == NULL)
    {
      /* What is wrong (paper too small, too many sheets) is said where the count would be. */
      gtk_label_set_text (self->pages_label, error->message);
      sodo_print_preview_set_pagination (self->preview, NULL, 1, 1, 0, 0);
      set_n_pages (self, 0);
      return;
    }
  show_pagination (self, pagination);
}

static gboolean
update_timeout_cb (gpointer user_data)
{
  SodoPrintOptions *self = user_data;

  self->update_id = 0;
  update_preview (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_update (SodoPrintOptions *self)
{
  if (self->update_id == 0)
    self->update_id = g_timeout_add (UPDATE_DELAY, update_timeout_cb, self);
}

void
sodo_print_options_update_now (SodoPrintOptions *self)
{
  g_return_if_fail (SODO_IS_PRINT_OPTIONS (self));
  update_preview (self);
}

/* Rows that only mean something for some modes are shown for those. */
static void
update_rows (SodoPrintOptions *self)
{
  SodoPaginationMode mode = current_mode (self);
  gboolean tiled = mode != SODO_PAGINATION_FIT_PAGE;

  gtk_widget_set_visible (GTK_WIDGET (self->paper_group), self->paginated);
  gtk_widget_set_visible (GTK_WIDGET (self->size_group), self->paginated);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_row), mode == SODO_PAGINATION_FIT_PAGES);
  gtk_widget_set_visible (GTK_WIDGET (self->rows_row), mode == SODO_PAGINATION_FIT_PAGES);
  gtk_widget_set_visible (GTK_WIDGET (self->scale_row), mode == SODO_PAGINATION_SCALE);
  gtk_widget_set_visible (GTK_WIDGET (self->overlap_row), tiled);
  gtk_widget_set_visible (GTK_WIDGET (self->labels_row), self->paginated && tiled);
  gtk_widget_set_visible (GTK_WIDGET (self->crop_row), self->paginated && tiled);
}

/* ---- Paper ---- */

static char *
describe_margins (GtkPageSetup *setup)
{
  /* Translators: the page margins in millimetres: top, bottom, left, right */
  return g_strdup_printf (_("%.0f, %.0f, %.0f and %.0f mm"),
                          gtk_page_setup_get_top_margin (setup, GTK_UNIT_MM),
                          gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_MM),
                          gtk_page_setup_get_left_margin (setup, GTK_UNIT_MM),
                          gtk_page_setup_get_right_margin (setup, GTK_UNIT_MM));
}

/* The paper and orientation rows, from the page setup. */
static void
sync_paper_rows (SodoPrintOptions *self)
{
  GtkPaperSize *paper = gtk_page_setup_get_paper_size (self->page_setup);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *margins = describe_margins (self->page_setup);
  guint selected = G_N_ELEMENTS (paper_names);

  g_clear_pointer (&self->other_paper, gtk_paper_size_free);
  for (guint i = 0; i < G_N_ELEMENTS (paper_names); i++)
    {
      g_autoptr(GtkPaperSize) size = gtk_paper_size_new (paper_names[i]);

      gtk_string_list_append (model, gtk_paper_size_get_display_name (size));
      if (gtk_paper_size_is_equal (size, paper))
        selected = i;
    }
  if (selected == G_N_ELEMENTS (paper_names))
    {
      /* A paper from the Page Setup dialog that the list does not have: offered too. */
      self->other_paper = gtk_paper_size_copy (paper);
      gtk_string_list_append (model, gtk_paper_size_get_display_name (paper));
    }

  self->updating_rows = TRUE;
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->paper_row, selected);
  adw_combo_row_set_selected (self->orientation_row,
                              gtk_page_setup_get_orientation (self->page_setup) ==
                              GTK_PAGE_ORIENTATION_LANDSCAPE ? 1 : 0);
  adw_action_row_set_subtitle (self->page_setup_row, margins);
  self->updating_rows = FALSE;
}

static void
page_setup_changed (SodoPrintOptions *self)
{
  if (self->settings != NULL)
    sodo_print_page_setup_to_settings (self->settings, self->page_setup);
  schedule_update (self);
}

static void
on_paper_selected_cb (SodoPrintOptions *self)
{
  guint selected = adw_combo_row_get_selected (self->paper_row);
  g_autoptr(GtkPaperSize) size = NULL;

  if (self->updating_rows || selected == GTK_INVALID_LIST_POSITION)
    return;
  size = selected < G_N_ELEMENTS (paper_names) ? gtk_paper_size_new (paper_names[selected])
                                               : gtk_paper_size_copy (self->other_paper);
  gtk_page_setup_set_paper_size (self->page_setup, size);
  page_setup_changed (self);
}

static void
on_orientation_selected_cb (SodoPrintOptions *self)
{
  if (self->updating_rows)
    return;
  gtk_page_setup_set_orientation (self->page_setup,
                                  adw_combo_row_get_selected (self->orientation_row) == 1
                                  ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                  : GTK_PAGE_ORIENTATION_PORTRAIT);
  page_setup_changed (self);
}

GtkPageSetup *
sodo_print_options_get_page_setup (SodoPrintOptions *self)
{
  g_return_val_if_fail (SODO_IS_PRINT_OPTIONS (self), NULL);
  return self->page_setup;
}

void
sodo_print_options_set_page_setup (SodoPrintOptions *self,
                                   GtkPageSetup     *setup)
{
  g_return_if_fail (SODO_IS_PRINT_OPTIONS (self));
  g_return_if_fail (GTK_IS_PAGE_SETUP (setup));

  g_clear_object (&self->page_setup);
  self->page_setup = gtk_page_setup_copy (setup);
  sync_paper_rows (self);
  page_setup_changed (self);
}

static void
on_page_setup_done_cb (GtkPageSetup *setup,
                       gpointer      user_data)
{
  g_autoptr(SodoPrintOptions) self = user_data;

  /* NULL when the dialog was cancelled. */
  if (setup != NULL)
    sodo_print_options_set_page_setup (self, setup);
}

static void
on_page_setup_clicked_cb (SodoPrintOptions *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkPrintSettings) print_settings = NULL;

  if (self->settings != NULL)
    {
      g_autoptr(GVariant) value = g_settings_get_value (self->settings, "print-settings");

      if (g_variant_n_children (value) > 0)
        print_settings = gtk_print_settings_new_from_gvariant (value);
    }
  gtk_print_run_page_setup_dialog_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->page_setup, print_settings,
                                         on_page_setup_done_cb, g_object_ref (self));
}

/* ---- The chart and the settings ---- */

static void
clear_scenes (SodoPrintOptions *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->scenes); i++)
    g_clear_object (&self->scenes[i]);
}

static void
fill_content_row (SodoPrintOptions *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint n = 0;

  gtk_string_list_append (model, _("The whole chart"));
  self->contents[n++] = SODO_CHART_CONTENT_WHOLE;
  if (self->branch_name != NULL)
    {
      /* Translators: in the print options; %s is the name of the selected unit */
      g_autofree char *branch = g_strdup_printf (_("“%s” and the units under it"),
                                                 self->branch_name);

      gtk_string_list_append (model, branch);
      self->contents[n++] = SODO_CHART_CONTENT_BRANCH;
    }
  if (self->shown != NULL)
    {
      gtk_string_list_append (model, _("The chart as shown, without collapsed units"));
      self->contents[n++] = SODO_CHART_CONTENT_AS_SHOWN;
    }
  adw_combo_row_set_model (self->content_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->content_row, 0);
}

void
sodo_print_options_set_chart (SodoPrintOptions *self,
                              SodoOrgchart     *chart,
                              SodoChartScene   *shown,
                              guint             selected_unit)
{
  g_return_if_fail (SODO_IS_PRINT_OPTIONS (self));
  g_return_if_fail (SODO_IS_ORGCHART (chart));
  g_return_if_fail (shown == NULL || SODO_IS_CHART_SCENE (shown));

  g_set_object (&self->chart, chart);
  g_set_object (&self->shown, shown);
  clear_scenes (self);
  g_clear_pointer (&self->branch_name, g_free);
  self->selected_unit = selected_unit < sodo_orgchart_get_n_units (chart) ? selected_unit
                                                                          : SODO_NO_INDEX;
  /* The branch of the root is the whole chart: not offered twice. */
  if (self->selected_unit != SODO_NO_INDEX && self->selected_unit != sodo_orgchart_get_root (chart))
    self->branch_name = g_strdup (sodo_orgchart_text (chart,
                                                      sodo_orgchart_get_unit (chart,
                                                                              self->selected_unit)->name));
  fill_content_row (self);
  schedule_update (self);
}

static gboolean
mode_from_setting (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  SodoPaginationMode mode = SODO_PAGINATION_FIT_PAGE;

  sodo_pagination_mode_from_string (g_variant_get_string (variant, NULL), &mode);
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    if (modes[i] == mode)
      g_value_set_uint (value, i);
  return TRUE;
}

static GVariant *
mode_to_setting (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (modes))
    return NULL;
  return g_variant_new_string (sodo_pagination_mode_to_string (modes[selected]));
}

void
sodo_print_options_bind_settings (SodoPrintOptions *self,
                                  GSettings        *settings)
{
  g_autoptr(GtkPageSetup) setup = NULL;

  g_return_if_fail (SODO_IS_PRINT_OPTIONS (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);
  g_settings_bind_with_mapping (settings, "print-mode", self->mode_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, mode_from_setting, mode_to_setting,
                                NULL, NULL);
  g_settings_bind (settings, "print-pages-columns", gtk_spin_button_get_adjustment (self->columns_spin),
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "print-pages-rows", gtk_spin_button_get_adjustment (self->rows_spin),
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "print-scale", gtk_spin_button_get_adjustment (self->scale_spin),
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "print-overlap-mm", gtk_spin_button_get_adjustment (self->overlap_spin),
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "print-crop-marks", self->crop_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "print-title-block", self->title_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "print-legend", self->legend_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "print-page-labels", self->labels_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  setup = sodo_print_page_setup_from_settings (settings);
  if (setup != NULL)
    {
      g_clear_object (&self->page_setup);
      self->page_setup = g_steal_pointer (&setup);
      sync_paper_rows (self);
    }
  update_rows (self);
  schedule_update (self);
}

void
sodo_print_options_set_paginated (SodoPrintOptions *self,
                                  gboolean          paginated)
{
  g_return_if_fail (SODO_IS_PRINT_OPTIONS (self));

  if (self->paginated == !!paginated)
    return;
  self->paginated = !!paginated;
  update_rows (self);
  schedule_update (self);
}

/* ---- Object ---- */

static void
on_option_changed_cb (SodoPrintOptions *self)
{
  update_rows (self);
  schedule_update (self);
}

static void
sodo_print_options_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SodoPrintOptions *self = SODO_PRINT_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_print_options_dispose (GObject *object)
{
  SodoPrintOptions *self = SODO_PRINT_OPTIONS (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SODO_TYPE_PRINT_OPTIONS);
  clear_scenes (self);
  g_clear_object (&self->chart);
  g_clear_object (&self->shown);
  g_clear_object (&self->page_setup);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->other_paper, gtk_paper_size_free);
  g_clear_pointer (&self->branch_name, g_free);

  G_OBJECT_CLASS (sodo_print_options_parent_class)->dispose (object);
}

static void
sodo_print_options_class_init (SodoPrintOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sodo_print_options_dispose;
  object_class->get_property = sodo_print_options_get_property;

  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SODO_TYPE_PRINT_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/sodo-print-options.ui");
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, box);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, columns_row);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, columns_spin);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, content_row);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, crop_row);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, crop_switch);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, labels_row);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, labels_switch);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, legend_switch);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, mode_row);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, overlap_row);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, overlap_spin);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, page_setup_row);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, pages_label);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, paper_group);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, paper_row);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, preview);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, rows_row);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, rows_spin);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, scale_row);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, size_group);
  gtk_widget_class_bind_template_child (widget_class, SodoPrintOptions, title_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_page_setup_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
connect_changes (SodoPrintOptions *self)
{
  GObject *notifying[] = {
    G_OBJECT (self->content_row), G_OBJECT (self->mode_row), G_OBJECT (self->columns_spin),
    G_OBJECT (self->rows_spin), G_OBJECT (self->scale_spin), G_OBJECT (self->overlap_spin),
    G_OBJECT (self->title_switch), G_OBJECT (self->legend_switch),
    G_OBJECT (self->labels_switch), G_OBJECT (self->crop_switch),
  };
  const char *properties_watched[] = {
    "notify::selected", "notify::selected", "value-changed", "value-changed", "value-changed",
    "value-changed", "notify::active", "notify::active", "notify::active", "notify::active",
  };

  for (guint i = 0; i < G_N_ELEMENTS (notifying); i++)
    g_signal_connect_swapped (notifying[i], properties_watched[i],
                              G_CALLBACK (on_option_changed_cb), self);
  g_signal_connect_swapped (self->paper_row, "notify::selected",
                            G_CALLBACK (on_paper_selected_cb), self);
  g_signal_connect_swapped (self->orientation_row, "notify::selected",
                            G_CALLBACK (on_orientation_selected_cb), self);
}

static void
sodo_print_options_init (SodoPrintOptions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->paginated = TRUE;
  self->selected_unit = SODO_NO_INDEX;
  self->page_setup = gtk_page_setup_new ();
  /* The same defaults as the settings: everything on the sheets. */
  gtk_switch_set_active (self->title_switch, TRUE);
  gtk_switch_set_active (self->legend_switch, TRUE);
  gtk_switch_set_active (self->labels_switch, TRUE);
  gtk_switch_set_active (self->crop_switch, TRUE);
  /* The page setup dialog talks to the printers itself: in a sandbox the print dialog sets
   * the paper instead. */
  gtk_widget_set_visible (GTK_WIDGET (self->page_setup_row),
                          !g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS));
  sync_paper_rows (self);
  update_rows (self);
  connect_changes (self);
}

GtkWidget *
sodo_print_options_new (void)
{
  return g_object_new (SODO_TYPE_PRINT_OPTIONS, NULL);
}
