/* sodo-window-dnd.c: files dropped on the window are opened
 *
 * The drop target takes a file list (from a file manager) or a single file. Each file opens
 * by its format, as from the Open dialog: a chart replaces the chart, a regulation the
 * regulation, comments the comments. While files are dragged over the window, its main area
 * is outlined (style.css, "window:drop(active) .sodo-drop-zone").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-window-private.h"

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            SodoWindow    *self)
{
  g_autoptr(GSList) list = NULL;
  guint n_opened = 0;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    list = gdk_file_list_get_files (g_value_get_boxed (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    list = g_slist_prepend (NULL, g_value_get_object (value));

  for (GSList *l = list; l != NULL; l = l->next)
    {
      sodo_window_open_file (self, l->data);
      n_opened++;
    }

  return n_opened > 0;
}

GtkDropTarget *
_sodo_window_create_drop_target (SodoWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  /* On the window, so that a drop anywhere (the header bar too) opens the files. */
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  gtk_widget_add_css_class (GTK_WIDGET (self->toast_overlay), "sodo-drop-zone");

  return target;
}
