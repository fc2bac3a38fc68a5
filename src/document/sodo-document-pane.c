/* sodo-document-pane.c: the regulation side of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "model/sodo-language.h"

#include "sodo-document-pane-private.h"
#include "sodo-document-private.h"

/* The reading position is looked up this long after scrolling stops moving it. */
#define FOLLOW_DELAY_MS 60

G_DEFINE_FINAL_TYPE (SodoDocumentPane, sodo_document_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REGULATION,
  PROP_ORGCHART,
  PROP_SELECTED_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The text sizes Ctrl+plus and Ctrl+minus step through, as a browser's zoom does. */
static const double text_scales[] = {
  0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0,
};

GtkWidget *
sodo_document_pane_new (void)
{
  return g_object_new (SODO_TYPE_DOCUMENT_PANE, NULL);
}

static const char *
language_name (const char *code)
{
  if (g_strcmp0 (code, "vi") == 0)
    return _("Vietnamese");
  if (g_strcmp0 (code, "en") == 0)
    return _("English");
  return code;
}

static void
update_fallback_note (SodoDocumentPane *self)
{
  const char *fallback = sodo_reading_view_get_fallback_language (self->reading_view);
  const char *ui_language = language_name (sodo_language_get ());
  g_autofree char *note = NULL;

  if (sodo_reading_view_get_n_fallbacks (self->reading_view) == 0 || fallback == NULL)
    {
      gtk_widget_set_visible (self->fallback_box, FALSE);
      return;
    }

  if (sodo_reading_view_get_fallbacks_marked (self->reading_view))
    /* Translators: the first %s is a language code ("vi"), as the text shows it after a
     * passage; the others are language names */
    note = g_strdup_printf (_("Passages marked “%s” have no %s text and are shown in %s."),
                            fallback, ui_language, language_name (fallback));
  else
    note = g_strdup_printf (_("This regulation has no %s text: it is shown in %s."),
                            ui_language, language_name (fallback));

  gtk_label_set_text (self->fallback_label, note);
  gtk_widget_set_visible (self->fallback_box, TRUE);
}

/* "146-QĐ/TW · 27/10/2023 · Ban Bí thư", leaving out what the regulation does not say. */
static char *
describe_facts (SodoRegulation *regulation)
{
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  const char *date = sodo_regulation_get_date (regulation);
  const char *issuer = sodo_regulation_text (regulation, sodo_regulation_get_issuer (regulation));
  char *formatted_date = NULL;

  if (sodo_regulation_get_number (regulation) != NULL)
    g_ptr_array_add (facts, g_strdup (sodo_regulation_get_number (regulation)));
  if (date != NULL)
    formatted_date = sodo_format_date (date, sodo_language_get ());
  if (formatted_date != NULL)
    g_ptr_array_add (facts, formatted_date);
  if (issuer != NULL)
    g_ptr_array_add (facts, g_strdup (issuer));
  g_ptr_array_add (facts, NULL);

  return g_strjoinv (" · ", (char **) facts->pdata);
}

static void
update_header (SodoDocumentPane *self)
{
  static const char *const status_classes[] = { "draft", "issued", "superseded" };
  SodoRegulation *regulation = self->regulation;
  SodoRegulationStatus status = sodo_regulation_get_status (regulation);
  g_autofree char *facts = describe_facts (regulation);
  const char *description;

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  if (status < G_N_ELEMENTS (status_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[status]);
  gtk_label_set_text (self->status_label, sodo_regulation_status_get_label (status));

  gtk_label_set_text (self->facts_label, facts);
  gtk_widget_set_visible (GTK_WIDGET (self->facts_label), facts[0] != '\0');

  description = sodo_regulation_text (regulation, sodo_regulation_get_description (regulation));
  gtk_label_set_text (self->description_label, description != NULL ? description : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->description_label), description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL);
}

/* GTK 4.8 finishes a running scroll animation when the view is unmapped, from inside a
 * value-changed emission that can stop the same animation again: a critical. Setting the
 * value stops the animation first, where it is. */
static void
stop_scroll_animation (SodoDocumentPane *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->reading_scrolled);

  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment));
}

/* Typesets the document anew; a reload of the same file comes back to the same place. */
static void
rebuild (SodoDocumentPane *self,
         gboolean          keep_position)
{
  g_autofree char *top_id = NULL;

  /* Only a view on screen has a reading position: before its first layout every line is
   * at the top, and the "top" node would be the last one. */
  if (keep_position && self->regulation != NULL
      && gtk_widget_get_mapped (GTK_WIDGET (self->reading_view)))
    top_id = g_strdup (sodo_document_pane_get_top_node_id (self));

  sodo_reading_view_set_document (self->reading_view, self->regulation, self->orgchart);
  if (self->regulation == NULL)
    {
      sodo_document_toc_set_regulation (self->toc, NULL);
      stop_scroll_animation (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  sodo_document_toc_set_regulation (self->toc, self->regulation);
  update_header (self);
  update_fallback_note (self);
  if (gtk_search_bar_get_search_mode (self->search_bar))
    sodo_document_find_refresh (self->find);
  _sodo_document_pane_update_links (self);
  gtk_stack_set_visible_child_name (self->stack, "document");

  if (top_id != NULL)
    {
      guint node = sodo_regulation_find_node (self->regulation, top_id);

      if (node != SODO_NO_INDEX)
        sodo_reading_view_scroll_to_node (self->reading_view, node, FALSE);
    }
}

SodoRegulation *
sodo_document_pane_get_regulation (SodoDocumentPane *self)
{
  g_return_val_if_fail (SODO_IS_DOCUMENT_PANE (self), NULL);

  return self->regulation;
}

static gboolean
same_file (SodoRegulation *a,
           SodoRegulation *b)
{
  GFile *file_a = a != NULL ? sodo_regulation_get_file (a) : NULL;
  GFile *file_b = b != NULL ? sodo_regulation_get_file (b) : NULL;

  return file_a != NULL && file_b != NULL && g_file_equal (file_a, file_b);
}

void
sodo_document_pane_set_regulation (SodoDocumentPane *self,
                                   SodoRegulation   *regulation)
{
  gboolean reload;

  g_return_if_fail (SODO_IS_DOCUMENT_PANE (self));
  g_return_if_fail (regulation == NULL || SODO_IS_REGULATION (regulation));

  if (self->regulation == regulation)
    return;

  reload = same_file (self->regulation, regulation);
  g_set_object (&self->regulation, regulation);
  rebuild (self, reload);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGULATION]);
}

SodoOrgchart *
sodo_document_pane_get_orgchart (SodoDocumentPane *self)
{
  g_return_val_if_fail (SODO_IS_DOCUMENT_PANE (self), NULL);

  return self->orgchart;
}

void
sodo_document_pane_set_orgchart (SodoDocumentPane *self,
                                 SodoOrgchart     *orgchart)
{
  g_return_if_fail (SODO_IS_DOCUMENT_PANE (self));
  g_return_if_fail (orgchart == NULL || SODO_IS_ORGCHART (orgchart));

  if (!g_set_object (&self->orgchart, orgchart))
    return;

  /* A selection indexes the old chart's units. */
  self->selected_unit = SODO_NO_INDEX;
  rebuild (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGCHART]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UNIT]);
}

guint
sodo_document_pane_get_selected_unit (SodoDocumentPane *self)
{
  g_return_val_if_fail (SODO_IS_DOCUMENT_PANE (self), SODO_NO_INDEX);

  return self->selected_unit;
}

void
sodo_document_pane_set_selected_unit (SodoDocumentPane *self,
                                      guint             unit)
{
  g_return_if_fail (SODO_IS_DOCUMENT_PANE (self));

  if (self->selected_unit == unit)
    return;

  self->selected_unit = unit;
  _sodo_document_pane_update_links (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UNIT]);
}

static gboolean
go_to_node (SodoDocumentPane *self,
            const char       *node_id,
            gboolean          flash)
{
  guint node;

  if (self->regulation == NULL)
    return FALSE;
  node = sodo_regulation_find_node (self->regulation, node_id);
  if (node == SODO_NO_INDEX)
    return FALSE;

  sodo_reading_view_scroll_to_node (self->reading_view, node, flash);
  sodo_document_toc_select_node (self->toc, node);

  return TRUE;
}

gboolean
sodo_document_pane_show_node (SodoDocumentPane *self,
                              const char       *node_id)
{
  g_return_val_if_fail (SODO_IS_DOCUMENT_PANE (self), FALSE);
  g_return_val_if_fail (node_id != NULL, FALSE);

  return go_to_node (self, node_id, TRUE);
}

gboolean
sodo_document_pane_scroll_to_node (SodoDocumentPane *self,
                                   const char       *node_id)
{
  g_return_val_if_fail (SODO_IS_DOCUMENT_PANE (self), FALSE);
  g_return_val_if_fail (node_id != NULL, FALSE);

  return go_to_node (self, node_id, FALSE);
}

const char *
sodo_document_pane_get_top_node_id (SodoDocumentPane *self)
{
  guint node;

  g_return_val_if_fail (SODO_IS_DOCUMENT_PANE (self), NULL);

  if (self->regulation == NULL)
    return NULL;
  node = sodo_reading_view_get_top_node (self->reading_view);
  if (node == SODO_NO_INDEX)
    return NULL;

  return sodo_regulation_get_node (self->regulation, node)->id;
}

const char *
sodo_document_pane_get_search_text (SodoDocumentPane *self)
{
  g_return_val_if_fail (SODO_IS_DOCUMENT_PANE (self), NULL);

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    return NULL;
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

void
sodo_document_pane_set_search_text (SodoDocumentPane *self,
                                    const char       *text)
{
  g_return_if_fail (SODO_IS_DOCUMENT_PANE (self));
  g_return_if_fail (text != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
}

/* Contents and reading position */

static gboolean
follow_reading_cb (gpointer user_data)
{
  SodoDocumentPane *self = SODO_DOCUMENT_PANE (user_data);

  self->follow_id = 0;
  if (self->regulation != NULL)
    sodo_document_toc_select_node (self->toc,
                                   sodo_reading_view_get_top_node (self->reading_view));

  return G_SOURCE_REMOVE;
}

static void
on_scrolled_cb (GtkAdjustment    *adjustment,
                SodoDocumentPane *self)
{
  if (self->follow_id == 0)
    self->follow_id = g_timeout_add (FOLLOW_DELAY_MS, follow_reading_cb, self);
}

static void
on_toc_node_activated_cb (SodoDocumentToc  *toc,
                          guint             node,
                          SodoDocumentPane *self)
{
  gboolean folded = FALSE;

  sodo_reading_view_scroll_to_node (self->reading_view, node, FALSE);

  /* On a narrow pane the contents cover the text: get them out of the way. */
  g_object_get (self->flap, "folded", &folded, NULL);
  if (folded)
    g_object_set (self->flap, "reveal-flap", FALSE, NULL);
}

/* Text size */

static void
update_scale_label (SodoDocumentPane *self)
{
  double scale = sodo_reading_view_get_text_scale (self->reading_view);
  g_autofree char *label = NULL;

  /* Translators: the text size as a percentage of the normal size */
  label = g_strdup_printf (_("%d %%"), (int) (scale * 100 + 0.5));
  gtk_button_set_label (self->scale_button, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.text-larger",
                                 scale < text_scales[G_N_ELEMENTS (text_scales) - 1] - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.text-smaller",
                                 scale > text_scales[0] + 0.001);
}

static void
on_text_scale_changed_cb (SodoReadingView  *view,
                          GParamSpec       *pspec,
                          SodoDocumentPane *self)
{
  update_scale_label (self);
}

static void
on_reading_width_changed_cb (SodoReadingView  *view,
                             GParamSpec       *pspec,
                             SodoDocumentPane *self)
{
  int width = sodo_reading_view_get_reading_width (view);

  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (self->clamp), width);
  adw_clamp_scrollable_set_tightening_threshold (ADW_CLAMP_SCROLLABLE (self->clamp), width);
}

static void
step_text_scale (SodoDocumentPane *self,
                 int               direction)
{
  double scale = sodo_reading_view_get_text_scale (self->reading_view);
  double next = scale;

  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (text_scales) && next == scale; i++)
        if (text_scales[i] > scale + 0.001)
          next = text_scales[i];
    }
  else
    {
      for (guint i = G_N_ELEMENTS (text_scales); i > 0 && next == scale; i--)
        if (text_scales[i - 1] < scale - 0.001)
          next = text_scales[i - 1];
    }
  sodo_reading_view_set_text_scale (self->reading_view, next);
}

static void
text_larger_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  step_text_scale (SODO_DOCUMENT_PANE (widget), 1);
}

static void
text_smaller_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  step_text_scale (SODO_DOCUMENT_PANE (widget), -1);
}

static void
text_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SodoDocumentPane *self = SODO_DOCUMENT_PANE (widget);

  sodo_reading_view_set_text_scale (self->reading_view, 1.0);
}

/* Find */

static void
update_match_label (SodoDocumentPane *self)
{
  guint n_matches = sodo_document_find_get_n_matches (self->find);
  guint current = sodo_document_find_get_current (self->find);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *text = NULL;

  if (query[0] == '\0')
    text = g_strdup ("");
  else if (n_matches == 0)
    text = g_strdup (_("No matches"));
  else
    {
      g_autofree char *position = sodo_format_number (current == SODO_DOCUMENT_FIND_NONE
                                                      ? 0 : current + 1, sodo_language_get ());
      g_autofree char *total = sodo_format_number (n_matches, sodo_language_get ());

      /* Translators: "3 of 12": the current match and how many there are */
      text = g_strdup_printf (_("%s of %s"), position, total);
    }

  gtk_label_set_text (self->match_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), n_matches > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_button), n_matches > 0);
}

static void
on_find_changed_cb (SodoDocumentFind *find,
                    GParamSpec       *pspec,
                    SodoDocumentPane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->reading_view));

  update_match_label (self);
  if (sodo_document_find_get_current (find) != SODO_DOCUMENT_FIND_NONE)
    gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->reading_view),
                                  gtk_text_buffer_get_insert (buffer), 0.2, FALSE, 0, 0);
}

static void
on_search_changed_cb (GtkSearchEntry   *entry,
                      SodoDocumentPane *self)
{
  sodo_document_find_set_query (self->find, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_match_label (self);
}

static void
on_next_match_cb (SodoDocumentPane *self)
{
  sodo_document_find_next (self->find);
}

static void
on_previous_match_cb (SodoDocumentPane *self)
{
  sodo_document_find_previous (self->find);
}

static void
on_stop_search_cb (GtkSearchEntry   *entry,
                   SodoDocumentPane *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* Shift+Enter goes back; the entry's own "activate" only knows Enter. */
static gboolean
on_entry_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         SodoDocumentPane      *self)
{
  gboolean enter = keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter
                   || keyval == GDK_KEY_ISO_Enter;

  if (!enter || (state & GDK_SHIFT_MASK) == 0)
    return FALSE;

  sodo_document_find_previous (self->find);
  return TRUE;
}

static void
on_search_mode_changed_cb (GtkSearchBar     *search_bar,
                           GParamSpec       *pspec,
                           SodoDocumentPane *self)
{
  if (gtk_search_bar_get_search_mode (search_bar))
    {
      sodo_document_find_set_query (self->find,
                                    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
  else
    {
      /* The highlights go with the bar; the text to find stays for next time. */
      sodo_document_find_set_query (self->find, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (self->reading_view));
    }
  update_match_label (self);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SodoDocumentPane *self = SODO_DOCUMENT_PANE (widget);

  if (self->regulation == NULL)
    return;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* Object */

static void
sodo_document_pane_unmap (GtkWidget *widget)
{
  stop_scroll_animation (SODO_DOCUMENT_PANE (widget));

  GTK_WIDGET_CLASS (sodo_document_pane_parent_class)->unmap (widget);
}

static void
sodo_document_pane_dispose (GObject *object)
{
  SodoDocumentPane *self = SODO_DOCUMENT_PANE (object);

  g_clear_handle_id (&self->follow_id, g_source_remove);
  _sodo_document_pane_dispose_comments (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SODO_TYPE_DOCUMENT_PANE);

  g_clear_object (&self->find);
  g_clear_object (&self->settings);
  g_clear_object (&self->regulation);
  g_clear_object (&self->orgchart);

  G_OBJECT_CLASS (sodo_document_pane_parent_class)->dispose (object);
}

static void
sodo_document_pane_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SodoDocumentPane *self = SODO_DOCUMENT_PANE (object);

  switch (prop_id)
    {
    case PROP_REGULATION:
      g_value_set_object (value, self->regulation);
      break;

    case PROP_ORGCHART:
      g_value_set_object (value, self->orgchart);
      break;

    case PROP_SELECTED_UNIT:
      g_value_set_uint (value, self->selected_unit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_document_pane_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SodoDocumentPane *self = SODO_DOCUMENT_PANE (object);

  switch (prop_id)
    {
    case PROP_REGULATION:
      sodo_document_pane_set_regulation (self, g_value_get_object (value));
      break;

    case PROP_ORGCHART:
      sodo_document_pane_set_orgchart (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_UNIT:
      sodo_document_pane_set_selected_unit (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_bindings (GtkWidgetClass *widget_class)
{
  static const struct {
    guint       keyval;
    const char *action;
  } keys[] = {
    { GDK_KEY_f, "document.find" },
    { GDK_KEY_plus, "document.text-larger" },
    { GDK_KEY_equal, "document.text-larger" },
    { GDK_KEY_KP_Add, "document.text-larger" },
    { GDK_KEY_minus, "document.text-smaller" },
    { GDK_KEY_KP_Subtract, "document.text-smaller" },
    { GDK_KEY_0, "document.text-reset" },
    { GDK_KEY_KP_0, "document.text-reset" },
  };

  /* Local to the pane: the chart has its own Ctrl+F and zoom keys. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].keyval, GDK_CONTROL_MASK,
                                         keys[i].action, NULL);
}

static void
sodo_document_pane_class_init (SodoDocumentPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sodo_document_pane_dispose;
  object_class->get_property = sodo_document_pane_get_property;
  object_class->set_property = sodo_document_pane_set_property;

  widget_class->unmap = sodo_document_pane_unmap;

  properties[PROP_REGULATION] =
    g_param_spec_object ("regulation", NULL, NULL, SODO_TYPE_REGULATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGCHART] =
    g_param_spec_object ("orgchart", NULL, NULL, SODO_TYPE_ORGCHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_UNIT] =
    g_param_spec_uint ("selected-unit", NULL, NULL, 0, G_MAXUINT, SODO_NO_INDEX,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SODO_TYPE_DOCUMENT_TOC);
  g_type_ensure (SODO_TYPE_READING_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/sodo-document-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, clamp);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, description_label);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, facts_label);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, fallback_box);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, fallback_label);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, find_button);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, flap);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, header);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, links_box);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, links_label);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, links_revealer);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, match_label);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, next_button);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, previous_button);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, reading_scrolled);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, reading_view);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, scale_button);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, stack);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, status_label);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, toc);
  gtk_widget_class_bind_template_child (widget_class, SodoDocumentPane, toc_button);

  gtk_widget_class_install_action (widget_class, "document.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "document.text-larger", NULL,
                                   text_larger_action);
  gtk_widget_class_install_action (widget_class, "document.text-smaller", NULL,
                                   text_smaller_action);
  gtk_widget_class_install_action (widget_class, "document.text-reset", NULL,
                                   text_reset_action);
  add_bindings (widget_class);
  _sodo_document_pane_class_init_links (widget_class);
  _sodo_document_pane_class_init_comments (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sodo-document-pane");
}

/* The text size follows the setting where the schema is installed (not in every test). */
static void
bind_settings (SodoDocumentPane *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "document-text-scale"))
    return;

  self->settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_bind (self->settings, "document-text-scale", self->reading_view, "text-scale",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
init_find (SodoDocumentPane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->reading_view));
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->find = sodo_document_find_new (buffer);
  g_signal_connect (self->find, "notify::current", G_CALLBACK (on_find_changed_cb), self);
  g_signal_connect (self->find, "notify::n-matches", G_CALLBACK (on_find_changed_cb), self);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb),
                    self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_next_match_cb),
                            self);
  g_signal_connect_swapped (self->search_entry, "next-match", G_CALLBACK (on_next_match_cb),
                            self);
  g_signal_connect_swapped (self->search_entry, "previous-match",
                            G_CALLBACK (on_previous_match_cb), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (on_stop_search_cb), self);
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (on_next_match_cb), self);
  g_signal_connect_swapped (self->previous_button, "clicked",
                            G_CALLBACK (on_previous_match_cb), self);
  g_signal_connect (self->search_bar, "notify::search-mode-enabled",
                    G_CALLBACK (on_search_mode_changed_cb), self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  update_match_label (self);
}

static void
sodo_document_pane_init (SodoDocumentPane *self)
{
  GtkAdjustment *vadjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  _sodo_document_ensure_style (gtk_widget_get_display (GTK_WIDGET (self)));
  self->selected_unit = SODO_NO_INDEX;

  init_find (self);
  bind_settings (self);

  g_signal_connect (self->reading_view, "notify::text-scale",
                    G_CALLBACK (on_text_scale_changed_cb), self);
  g_signal_connect (self->reading_view, "notify::reading-width",
                    G_CALLBACK (on_reading_width_changed_cb), self);
  on_reading_width_changed_cb (self->reading_view, NULL, self);
  update_scale_label (self);

  g_signal_connect (self->toc, "node-activated", G_CALLBACK (on_toc_node_activated_cb), self);
  vadjustment = gtk_scrolled_window_get_vadjustment (self->reading_scrolled);
  g_signal_connect (vadjustment, "value-changed", G_CALLBACK (on_scrolled_cb), self);

  _sodo_document_pane_init_links (self);
  _sodo_document_pane_init_comments (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

SodoReadingView *
_sodo_document_pane_get_reading_view (SodoDocumentPane *self)
{
  return self->reading_view;
}

SodoDocumentToc *
_sodo_document_pane_get_toc (SodoDocumentPane *self)
{
  return self->toc;
}

SodoDocumentFind *
_sodo_document_pane_get_find (SodoDocumentPane *self)
{
  return self->find;
}

GtkSearchEntry *
_sodo_document_pane_get_search_entry (SodoDocumentPane *self)
{
  return self->search_entry;
}

GtkLabel *
_sodo_document_pane_get_match_label (SodoDocumentPane *self)
{
  return self->match_label;
}

GtkLabel *
_sodo_document_pane_get_status_label (SodoDocumentPane *self)
{
  return self->status_label;
}

GtkLabel *
_sodo_document_pane_get_fallback_label (SodoDocumentPane *self)
{
  return self->fallback_label;
}
