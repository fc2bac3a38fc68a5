/* sodo-recent.h: the files Sodo opened lately, kept in the desktop's list of recent files
 *
 * Every file opened is added to a GtkRecentManager under Sodo's name and the MIME type of
 * its format, so the desktop's "Recent" places list it too. A SodoRecentFiles turns the
 * Sodo files of that list into a menu: the newest first, up to "limit" of them, only those
 * still on disk, each item activating an action with the file's URI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/sodo-document.h"

G_BEGIN_DECLS

/* The MIME type of a format, as data/io.github.sodoapp.Sodo.mime.xml names it; NULL for
 * SODO_DOCUMENT_UNKNOWN. */
const char      *sodo_recent_get_mime_type        (SodoDocumentKind   kind);
/* Records @file in @manager (NULL for the default one) as opened by Sodo. Only local files
 * are recorded: a bundled sample has no place on disk to come back to. */
void             sodo_recent_add_file             (GtkRecentManager  *manager,
                                                   GFile             *file,
                                                   SodoDocumentKind   kind);

#define SODO_TYPE_RECENT_FILES (sodo_recent_files_get_type ())
G_DECLARE_FINAL_TYPE (SodoRecentFiles, sodo_recent_files, SODO, RECENT_FILES, GObject)

/* A menu of the Sodo files in @manager (NULL for the default one); each item activates
 * @action_name (a name such as "win.open-recent", whose parameter is a string) with the
 * file's URI. With none to list, the menu says so in an item of @empty_action_name (an
 * action its owner keeps disabled, so that the item shows insensitive). */
SodoRecentFiles *sodo_recent_files_new            (GtkRecentManager  *manager,
                                                   const char        *action_name,
                                                   const char        *empty_action_name);
/* Kept up to date as the recent files change. */
GMenuModel      *sodo_recent_files_get_menu       (SodoRecentFiles   *self);
/* How many files the menu lists at most (the recent-limit setting binds to it); 0 lists
 * none. */
guint            sodo_recent_files_get_limit      (SodoRecentFiles   *self);
void             sodo_recent_files_set_limit      (SodoRecentFiles   *self,
                                                   guint              limit);
/* The URIs the menu lists, newest first (NULL-terminated). */
char           **sodo_recent_files_dup_uris       (SodoRecentFiles   *self);

G_END_DECLS
