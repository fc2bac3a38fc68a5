/* sodo-preferences.c: the Preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-language-setup.h"
#include "sodo-preferences.h"

struct _SodoPreferences
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwEntryRow          *author_row;
  GtkSwitch            *compact_switch;
  AdwEntryRow          *organization_row;
  AdwComboRow          *orientation_row;
  GtkSwitch            *relations_switch;
  AdwActionRow         *system_language_row;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (SodoPreferences, sodo_preferences, ADW_TYPE_PREFERENCES_WINDOW)

/* The rows of the orientation combo, in order, by their chart-orientation values. */
static const char *const orientations[] = { "top-down", "left-right" };

SodoPreferences *
sodo_preferences_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  /* The application too: the language rows act through its "app.language" action. */
  return g_object_new (SODO_TYPE_PREFERENCES,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}

static gboolean
orientation_get_mapping (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  const char *orientation = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (orientations); i++)
    if (g_str_equal (orientation, orientations[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
orientation_set_mapping (const GValue       *value,
                         const GVariantType *expected_type,
                         gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (orientations))
    return NULL;
  return g_variant_new_string (orientations[selected]);
}

/* What "System" means here: the system's language, named in that language. */
static void
describe_system_language (SodoPreferences *self)
{
  const char *system = sodo_language_setup_get_system_language ();

  adw_action_row_set_subtitle (self->system_language_row,
                               g_str_equal (system, "vi") ? "Tiếng Việt" : "English");
}

static void
sodo_preferences_dispose (GObject *object)
{
  SodoPreferences *self = SODO_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SODO_TYPE_PREFERENCES);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sodo_preferences_parent_class)->dispose (object);
}

static void
sodo_preferences_class_init (SodoPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sodo_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/sodo-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, SodoPreferences, author_row);
  gtk_widget_class_bind_template_child (widget_class, SodoPreferences, compact_switch);
  gtk_widget_class_bind_template_child (widget_class, SodoPreferences, organization_row);
  gtk_widget_class_bind_template_child (widget_class, SodoPreferences, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, SodoPreferences, relations_switch);
  gtk_widget_class_bind_template_child (widget_class, SodoPreferences, system_language_row);
}

static void
sodo_preferences_init (SodoPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  describe_system_language (self);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "comment-author", self->author_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "comment-organization", self->organization_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "chart-orientation", self->orientation_row,
                                "selected", G_SETTINGS_BIND_DEFAULT, orientation_get_mapping,
                                orientation_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, "chart-compact", self->compact_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "chart-show-relations", self->relations_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}
