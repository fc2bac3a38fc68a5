/* sodo-file-dialog.c: choosing files to open or save to, the same way on every GTK version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sodo-file-dialog.h"

/* Sodo's three formats (see the MIME package in data/) are all JSON files, and a plain
 * *.json is recognised by its "format" key: the first filter offers all JSON files. */
static GListStore *
create_filters (void)
{
  static const char *const mime_types[] = {
    "application/x-sodo-orgchart",
    "application/x-sodo-regulation",
    "application/x-sodo-comments",
    "application/json",
  };
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) sodo_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (sodo_filter, _("Org charts, regulations and comments (JSON)"));
  for (guint i = 0; i < G_N_ELEMENTS (mime_types); i++)
    gtk_file_filter_add_mime_type (sodo_filter, mime_types[i]);
  gtk_file_filter_add_suffix (sodo_filter, "json");
  g_list_store_append (filters, sodo_filter);

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
  GListModel *files;

  files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source), result, &error);
  if (files != NULL)
    g_task_return_pointer (task, files, g_object_unref);
  else if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED)
           || g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    return_dismissed (task);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
run_dialog (GtkWindow *parent,
            GTask     *task)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = create_filters ();
  g_autoptr(GtkFileFilter) default_filter = g_list_model_get_item (G_LIST_MODEL (filters), 0);

  gtk_file_dialog_set_title (dialog, _("Open"));
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, default_filter);
  gtk_file_dialog_open_multiple (dialog, parent, NULL, on_file_dialog_done_cb, task);
}

#else

static void
on_native_response_cb (GtkNativeDialog *native,
                       int              response,
                       gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    g_task_return_pointer (task, gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native)),
                           g_object_unref);
  else
    return_dismissed (task);
}

static void
run_dialog (GtkWindow *parent,
            GTask     *task)
{
  GtkFileChooserNative *native;
  g_autoptr(GListStore) filters = create_filters ();

  native = gtk_file_chooser_native_new (_("Open"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
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

void
sodo_file_dialog_open (GtkWindow           *parent,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  task = g_task_new (parent, NULL, callback, user_data);
  g_task_set_source_tag (task, sodo_file_dialog_open);
  run_dialog (parent, task);
}

GListModel *
sodo_file_dialog_open_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sodo_file_dialog_open, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Saving ---- */

static GtkFileFilter *
create_save_filter (const char *filter_name,
                    const char *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
on_save_dialog_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file;

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
run_save_dialog (GtkWindow     *parent,
                 const char    *title,
                 const char    *initial_name,
                 GtkFileFilter *filter,
                 GTask         *task)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_initial_name (dialog, initial_name);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  gtk_file_dialog_save (dialog, parent, NULL, on_save_dialog_done_cb, task);
}

#else

static void
on_native_save_response_cb (GtkNativeDialog *native,
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
run_save_dialog (GtkWindow     *parent,
                 const char    *title,
                 const char    *initial_name,
                 GtkFileFilter *filter,
                 GTask         *task)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  /* GTK does not keep a native dialog alive: the task owns it until the answer. */
  g_task_set_task_data (task, native, g_object_unref);
  g_signal_connect (native, "response", G_CALLBACK (on_native_save_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

#endif

void
sodo_file_dialog_save (GtkWindow           *parent,
                       const char          *title,
                       const char          *initial_name,
                       const char          *filter_name,
                       const char          *mime_type,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  GTask *task;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL && initial_name != NULL);
  g_return_if_fail (filter_name != NULL && mime_type != NULL);

  task = g_task_new (parent, NULL, callback, user_data);
  g_task_set_source_tag (task, sodo_file_dialog_save);
  filter = create_save_filter (filter_name, mime_type);
  run_save_dialog (parent, title, initial_name, filter, task);
}

GFile *
sodo_file_dialog_save_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sodo_file_dialog_save, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
