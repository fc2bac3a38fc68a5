/* sodo-preferences.h: the Preferences window
 *
 * The language (through the app's "language" action, so the choice applies at once), the
 * name and organisation written on new comments, and the chart's layout defaults. Every
 * row is a GSettings key, bound both ways.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SODO_TYPE_PREFERENCES (sodo_preferences_get_type ())
G_DECLARE_FINAL_TYPE (SodoPreferences, sodo_preferences, SODO, PREFERENCES, AdwPreferencesWindow)

/* A modal window over @parent (nullable). */
SodoPreferences *sodo_preferences_new (GtkWindow *parent);

G_END_DECLS
