/* sodo-language-switch.h: changing the UI language while Sodo runs
 *
 * GTK and libadwaita translate a widget when it is built, so a switch rebuilds every window
 * from its templates in the new language. The new window shows what the old one showed: the
 * same documents (the very objects: a loaded chart, regulation or comments file is
 * immutable, so it is shared, not reloaded) and the view state below. Data text follows,
 * since every pane resolves it through sodo_language_get() as it is built.
 *
 * The app action "language" (string state "", "vi" or "en", as the "ui-language" setting)
 * is what the menu and the preferences use: activating it saves the setting and switches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sodo-window.h"

G_BEGIN_DECLS

/* What a window shows beyond its documents: size and maximised, the split between the
 * panes, the page of the narrow layout, the chart's zoom, position, selection and collapsed
 * units, the regulation's reading position, the text in both find bars, and the text of an
 * open "Import Text…" dialog. Text sizes and sidebars are settings, shared by all windows. */
typedef struct _SodoWindowState SodoWindowState;

SodoWindowState *sodo_window_state_capture          (SodoWindow            *window);
/* Gives @window (new, not yet shown) the documents and the view of @state. */
void             sodo_window_state_restore          (const SodoWindowState *state,
                                                     SodoWindow            *window);
void             sodo_window_state_free             (SodoWindowState       *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SodoWindowState, sodo_window_state_free)

/* "vi" or "en" for a "ui-language" value: "" is the system's language. */
const char      *sodo_language_switch_resolve       (const char            *preference);
/* Points gettext at @lang ("vi" or "en": LANGUAGE, then setlocale (LC_ALL, "") to drop
 * glibc's cache of translations) and tells the model layer. Nothing is rebuilt. */
void             sodo_language_switch_apply         (const char            *lang);
/* Replaces @window with a new one built in the current language and showing the same;
 * dialogs over it are closed, "Import Text…" and the preferences opened again over the new
 * one. Returns the new window (owned by the application). */
SodoWindow      *sodo_language_switch_rebuild_window (SodoWindow           *window);
/* Switches to @preference ("", "vi" or "en") and rebuilds every window of @app if the
 * language changes; the "language" action shows @preference. Does not save the setting.
 * Returns TRUE if it rebuilt. */
gboolean         sodo_language_switch               (GtkApplication        *app,
                                                     const char            *preference);

/* Adds the "language" action to @app, its state the saved setting (or the language of a
 * --language given for this run). Activating it saves the setting and switches, from an
 * idle: the menu or the preferences that asked are torn down with their window. */
void             sodo_language_switch_add_action    (GtkApplication        *app,
                                                     GSettings             *settings);

G_END_DECLS
