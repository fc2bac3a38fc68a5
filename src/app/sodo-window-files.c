/* sodo-window-files.c: what happens around opening files in the window
 *
 * Every file the window takes is recorded in the recent files, which the Open button's
 * menu lists; the open files are watched and reloaded when they change on disk
 * (sodo-window-reload.c); files dropped on the window are opened (sodo-window-dnd.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-window-private.h"

/* A comments set does not know its file (it may be new, or kept in Sodo's own store): the
 * window notes the file it was opened from on the object itself. */
#define COMMENTS_FILE_KEY "sodo-window-file"

GFile *
_sodo_window_get_document_file (GObject *document)
{
  if (SODO_IS_ORGCHART (document))
    return sodo_orgchart_get_file (SODO_ORGCHART (document));
  if (SODO_IS_REGULATION (document))
    return sodo_regulation_get_file (SODO_REGULATION (document));
  if (SODO_IS_COMMENTS (document))
    return g_object_get_data (document, COMMENTS_FILE_KEY);

  return NULL;
}

void
_sodo_window_set_document_file (GObject *document,
                                GFile   *file)
{
  if (SODO_IS_COMMENTS (document))
    g_object_set_data_full (document, COMMENTS_FILE_KEY, g_object_ref (file), g_object_unref);
}

GFile *
_sodo_window_get_comments_file (SodoWindow *self)
{
  return self->comments != NULL ? _sodo_window_get_document_file (G_OBJECT (self->comments))
                                : NULL;
}

static GObject *
get_document (SodoWindow       *self,
              SodoDocumentKind  kind)
{
  switch (kind)
    {
    case SODO_DOCUMENT_ORGCHART:
      return G_OBJECT (self->orgchart);
    case SODO_DOCUMENT_REGULATION:
      return G_OBJECT (self->regulation);
    case SODO_DOCUMENT_COMMENTS:
      return G_OBJECT (self->comments);
    case SODO_DOCUMENT_UNKNOWN:
    default:
      return NULL;
    }
}

void
_sodo_window_file_opened (SodoWindow       *self,
                          GObject          *document,
                          SodoDocumentKind  kind,
                          GFile            *file)
{
  /* A load that finished after a newer one was not taken. */
  if (get_document (self, kind) != document)
    return;

  if (SODO_IS_COMMENTS (document))
    {
      _sodo_window_set_document_file (document, file);
      /* The comments arrived before their file was known: watch it now. */
      _sodo_window_reload_sync (self->reload);
    }
  sodo_recent_add_file (NULL, file, kind);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  sodo_window_open_file (SODO_WINDOW (widget), file);
}

/* The length of the recent list is a setting, which the window has once it belongs to
 * Sodo. */
static void
on_application_changed_cb (SodoWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings;

  if (!SODO_IS_APPLICATION (app) || g_object_get_data (G_OBJECT (self->recent), "sodo-bound"))
    return;
  settings = sodo_application_get_settings (SODO_APPLICATION (app));
  if (settings == NULL)
    return;

  g_settings_bind (settings, "recent-limit", self->recent, "limit", G_SETTINGS_BIND_GET);
  g_object_set_data (G_OBJECT (self->recent), "sodo-bound", GINT_TO_POINTER (TRUE));
}

/* Never enabled: it only makes the "No Recent Files" item show insensitive. */
static void
no_recent_files_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
}

void
_sodo_window_class_init_files (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent-files", NULL,
                                   no_recent_files_action);
}

void
_sodo_window_init_files (SodoWindow *self)
{
  self->recent = sodo_recent_files_new (NULL, "win.open-recent", "win.no-recent-files");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent-files", FALSE);
  adw_split_button_set_menu_model (self->open_button, sodo_recent_files_get_menu (self->recent));
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed_cb), NULL);

  self->drop_target = _sodo_window_create_drop_target (self);
  self->reload = _sodo_window_reload_new (self);
}

void
_sodo_window_dispose_files (SodoWindow *self)
{
  g_clear_pointer (&self->reload, _sodo_window_reload_free);
  g_clear_object (&self->recent);
  self->drop_target = NULL;
}
