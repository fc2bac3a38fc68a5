/* sodo-window-private.h: what the window's source files share, and what its tests look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "document/sodo-import-dialog.h"
#include "model/sodo-diagnostics.h"
#include "model/sodo-document.h"

#include "sodo-recent.h"
#include "sodo-window.h"

G_BEGIN_DECLS

typedef struct _SodoWindowReload SodoWindowReload;

/* Below this width (in pixels) the two panes become one with a view switcher. */
#define SODO_WINDOW_NARROW_WIDTH 800

struct _SodoWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkButton            *banner_details_button;
  GtkLabel             *banner_label;
  GtkRevealer          *banner_revealer;
  AdwBin               *chart_slot;
  AdwStatusPage        *chart_status;
  AdwBin               *document_slot;
  AdwStatusPage        *document_status;
  GtkStack             *layout_stack;
  AdwBin               *narrow_chart_holder;
  AdwBin               *narrow_document_holder;
  AdwSplitButton       *open_button;
  GtkPaned             *paned;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwBin               *wide_chart_holder;
  AdwBin               *wide_document_holder;
  AdwWindowTitle       *window_title;

  /* Borrowed references: the slots' children when something is plugged in */
  GtkWidget            *chart_widget;
  GtkWidget            *document_widget;

  /* Owned references */
  GSettings            *settings;
  SodoOrgchart         *orgchart;
  SodoRegulation       *regulation;
  SodoComments         *comments;
  SodoDiagnostics      *error_diags;     /* what the banner's "Details" shows */
  SodoDiagnostics      *warning_diags;   /* what the last warning toast's "Details" shows */
  GCancellable         *cancellable;     /* cancelled when the window goes away */

  /* Loads finish in any order: a kind only takes a load started after the one it shows. */
  guint                 open_serial;
  guint                 applied_serial[SODO_DOCUMENT_COMMENTS + 1];

  guint                 layout_idle_id;
  gboolean              narrow;

  /* sodo-window-files.c: live reload, drops and the recent files */
  SodoWindowReload     *reload;
  SodoRecentFiles      *recent;
  GtkDropTarget        *drop_target;
};

/* Puts the window in the one-pane (narrow) or the two-pane layout now, without waiting for
 * its size: a rebuilt window starts in the layout of the one it replaces, which the size
 * saved in the settings may not call for. */
void            _sodo_window_set_narrow          (SodoWindow     *self,
                                                  gboolean        narrow);
/* Opens "Import Text…" over the window: an imported regulation comes to the window. */
SodoImportDialog *_sodo_window_show_import_dialog (SodoWindow *self);

/* sodo-window-open.c */
void            _sodo_window_class_init_open     (GtkWidgetClass *widget_class);
void            _sodo_window_dispose_open        (SodoWindow     *self);
/* Shows a file's first error in the banner, "Details" all of them (@diags is taken). */
void            _sodo_window_show_load_error     (SodoWindow      *self,
                                                  SodoDiagnostics *diags,
                                                  const GError    *error);

/* sodo-window-comments.c: merging the comments files opened, import, export, the report */
void            _sodo_window_class_init_comments (GtkWidgetClass *widget_class);
void            _sodo_window_init_comments       (SodoWindow     *self);

/* sodo-window-files.c: what happens around opening files */
void            _sodo_window_class_init_files    (GtkWidgetClass   *widget_class);
void            _sodo_window_init_files          (SodoWindow       *self);
void            _sodo_window_dispose_files       (SodoWindow       *self);
/* Called when @file was opened as @document (of @kind) and the window took it. */
void            _sodo_window_file_opened         (SodoWindow       *self,
                                                  GObject          *document,
                                                  SodoDocumentKind  kind,
                                                  GFile            *file);
/* The file @document was loaded from (NULL for one made in memory). */
GFile          *_sodo_window_get_document_file   (GObject          *document);
/* Notes on a comments set the file it came from (charts and regulations know theirs). */
void            _sodo_window_set_document_file   (GObject          *document,
                                                  GFile            *file);
/* The file the open comments came from, to open again at the next start. */
GFile          *_sodo_window_get_comments_file   (SodoWindow       *self);

/* sodo-window-reload.c: the open files are watched, and reloaded when they change */
SodoWindowReload *_sodo_window_reload_new        (SodoWindow       *self);
void            _sodo_window_reload_free         (SodoWindowReload *reload);
/* Watches the files of what the window shows now (it follows the window by itself). */
void            _sodo_window_reload_sync         (SodoWindowReload *reload);
/* For tests: whether @file is watched; the cards highlighted after the last reload of the
 * chart (NULL once the highlight is over); the title of the last toast. */
gboolean        _sodo_window_reload_is_watching  (SodoWindowReload *reload,
                                                  GFile            *file);
GArray         *_sodo_window_reload_get_flashed_units (SodoWindowReload *reload);
const char     *_sodo_window_reload_get_last_message  (SodoWindowReload *reload);

/* sodo-window-dnd.c: files dropped on the window are opened */
GtkDropTarget  *_sodo_window_create_drop_target  (SodoWindow       *self);

/* For tests. */
AdwWindowTitle *_sodo_window_get_title_widget    (SodoWindow     *self);
gboolean        _sodo_window_get_banner_revealed (SodoWindow     *self);
const char     *_sodo_window_get_banner_text     (SodoWindow     *self);
GtkWidget      *_sodo_window_get_chart_slot      (SodoWindow     *self);
GtkWidget      *_sodo_window_get_document_slot   (SodoWindow     *self);
/* The summaries shown while no chart or document widget is plugged in. */
AdwStatusPage  *_sodo_window_get_chart_status    (SodoWindow     *self);
AdwStatusPage  *_sodo_window_get_document_status (SodoWindow     *self);

G_END_DECLS
