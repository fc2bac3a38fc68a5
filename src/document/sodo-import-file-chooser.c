/* sodo-import-file-chooser.c: choosing the text to import and where to save the result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sodo-import-file-chooser.h"

typedef enum {
  CHOOSE_OPEN_TEXT,
  CHOOSE_SAVE_JSON,
} ChooseMode;

/* Text files first (a copy from a portal, a word processor's "plain text" export), then
 * everything, since such files often have no extension. */
static GListStore *
create_filters (ChooseMode mode)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) main_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();

  if (mode == CHOOSE_OPEN_TEXT)
    {
      gtk_file_filter_set_name (main_filter, _("Plain text"));
      gtk_file_filter_add_mime_type (main_filter, "text/plain");
      gtk_file_filter_add_suffix (main_filter, "txt");
    }
  else
    {
      gtk_file_filter_set_name (main_filter, _("Regulations (JSON)"));
      gtk_file_filter_add_mime_type (main_filter, "application/x-sodo-regulation");
      gtk_file_filter_add_mime_type (main_filter, "application/json");
      gtk_file_filter_add_suffix (main_filter, "json");
    }
  g_list_store_append (filters, main_filter);

  gtk_file_filter_set_name (all_filter, _("All files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  g_list_store_append (filters, all_filter);

  return filters;
}

static void
return_dismissed (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                           _("No file was chosen"));
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
on_file_dialog_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file;

  if (GPOINTER_TO_INT (g_task_get_task_data (task)) == CHOOSE_OPEN_TEXT)
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);
  else
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);

  if (file != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED)
           || g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    return_dismissed (task);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
run_dialog (GtkWindow  *parent,
            ChooseMode  mode,
            const char *suggested_name,
            GTask      *task)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = create_filters (mode);
  g_autoptr(GtkFileFilter) default_filter = g_list_model_get_item (G_LIST_MODEL (filters), 0);

  g_task_set_task_data (task, GINT_TO_POINTER (mode), NULL);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, default_filter);
  if (mode == CHOOSE_OPEN_TEXT)
    {
      gtk_file_dialog_set_title (dialog, _("Import Text"));
      gtk_file_dialog_open (dialog, parent, NULL, on_file_dialog_done_cb, task);
    }
  else
    {
      gtk_file_dialog_set_title (dialog, _("Save Regulation"));
      gtk_file_dialog_set_initial_name (dialog, suggested_name);
      gtk_file_dialog_save (dialog, parent, NULL, on_file_dialog_done_cb, task);
    }
}

#else

static void
on_native_response_cb (GtkNativeDialog *native,
                       int              response,
                       gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    g_task_return_pointer (task, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native)),
                           g_object_unref);
  else
    return_dismissed (task);
}

static void
run_dialog (GtkWindow  *parent,
            ChooseMode  mode,
            const char *suggested_name,
            GTask      *task)
{
  g_autoptr(GListStore) filters = create_filters (mode);
  GtkFileChooserNative *native;

  if (mode == CHOOSE_OPEN_TEXT)
    native = gtk_file_chooser_native_new (_("Import Text"), parent,
                                          GTK_FILE_CHOOSER_ACTION_OPEN,
                                          _("_Open"), _("_Cancel"));
  else
    native = gtk_file_chooser_native_new (_("Save Regulation"), parent,
                                          GTK_FILE_CHOOSER_ACTION_SAVE,
                                          _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (mode == CHOOSE_SAVE_JSON && suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filters)); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }

  /* GTK does not keep a native dialog alive: the task owns it until the answer. */
  g_task_set_task_data (task, native, g_object_unref);
  g_signal_connect (native, "response", G_CALLBACK (on_native_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

#endif

static void
choose (GtkWindow           *parent,
        ChooseMode           mode,
        const char          *suggested_name,
        GAsyncReadyCallback  callback,
        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  task = g_task_new (parent, NULL, callback, user_data);
  g_task_set_source_tag (task, sodo_import_file_chooser_finish);
  run_dialog (parent, mode, suggested_name, task);
}

void
sodo_import_file_chooser_open_text (GtkWindow           *parent,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  choose (parent, CHOOSE_OPEN_TEXT, NULL, callback, user_data);
}

void
sodo_import_file_chooser_save_json (GtkWindow           *parent,
                                    const char          *suggested_name,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  choose (parent, CHOOSE_SAVE_JSON, suggested_name, callback, user_data);
}

GFile *
sodo_import_file_chooser_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == sodo_import_file_chooser_finish, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
