/* sodo-window.h: Sodo's main window, the org chart and the regulation side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/sodo-comments.h"
#include "model/sodo-orgchart.h"
#include "model/sodo-regulation.h"

#include "sodo-application.h"

G_BEGIN_DECLS

#define SODO_TYPE_WINDOW (sodo_window_get_type ())
G_DECLARE_FINAL_TYPE (SodoWindow, sodo_window, SODO, WINDOW, AdwApplicationWindow)

SodoWindow     *sodo_window_new                  (SodoApplication      *app);

/* The open documents (nullable); each setter notifies its property. */
SodoOrgchart   *sodo_window_get_orgchart         (SodoWindow           *self);
void            sodo_window_set_orgchart         (SodoWindow           *self,
                                                  SodoOrgchart         *orgchart);
SodoRegulation *sodo_window_get_regulation       (SodoWindow           *self);
void            sodo_window_set_regulation       (SodoWindow           *self,
                                                  SodoRegulation       *regulation);
SodoComments   *sodo_window_get_comments         (SodoWindow           *self);
void            sodo_window_set_comments         (SodoWindow           *self,
                                                  SodoComments         *comments);

/* The two slots of the main area. A NULL widget brings back the summary of what is loaded.
 * The window keeps the widget (and its state) when it moves between the side-by-side and the
 * one-pane layout. */
GtkWidget      *sodo_window_get_chart_widget     (SodoWindow           *self);
void            sodo_window_set_chart_widget     (SodoWindow           *self,
                                                  GtkWidget            *widget);
GtkWidget      *sodo_window_get_document_widget  (SodoWindow           *self);
void            sodo_window_set_document_widget  (SodoWindow           *self,
                                                  GtkWidget            *widget);
/* TRUE when the window is too narrow for two panes and shows one with a view switcher. */
gboolean        sodo_window_get_narrow           (SodoWindow           *self);

/* Loads @file in a worker thread, then puts it where its format belongs (the "orgchart",
 * "regulation" or "comments" property). A file with errors changes nothing that is open: the
 * banner shows its first error, and "Details" all of them. */
void            sodo_window_open_file            (SodoWindow           *self,
                                                  GFile                *file);
void            sodo_window_open_file_async      (SodoWindow           *self,
                                                  GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean        sodo_window_open_file_finish     (SodoWindow           *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* Shows @message (plain text) in the window's error banner. */
void            sodo_window_show_error           (SodoWindow           *self,
                                                  const char           *message);
void            sodo_window_add_toast            (SodoWindow           *self,
                                                  AdwToast             *toast);

G_END_DECLS
