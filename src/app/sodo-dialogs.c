/* sodo-dialogs.c: the About dialog and simple messages, the same way on every libadwaita
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sodo-dialogs.h"

/* Presents an AdwDialog (1.5+) or a dialog window (1.2-1.4) over @parent. */
static void
present_dialog (GObject   *dialog,
                GtkWindow *parent)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (dialog), parent != NULL ? GTK_WIDGET (parent) : NULL);
#else
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_set_modal (GTK_WINDOW (dialog), parent != NULL);
  gtk_window_present (GTK_WINDOW (dialog));
#endif
}

void
sodo_dialogs_show_about (GtkWindow *parent)
{
  /* AdwAboutWindow and AdwAboutDialog share these property names. */
#if ADW_CHECK_VERSION (1, 5, 0)
  GType about_type = ADW_TYPE_ABOUT_DIALOG;
#else
  GType about_type = ADW_TYPE_ABOUT_WINDOW;
#endif
  GObject *about;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  about = g_object_new (about_type,
                        "application-name", PACKAGE_NAME,
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Sodo developers"),
                        "comments", _("The structure of a provincial Party organisation as an "
                                      "org chart, beside the regulation that defines it."),
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_BUGREPORT,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* translators: your names, one a line, to be credited in About */
                        "translator-credits", _("translator-credits"),
                        NULL);
  present_dialog (about, parent);
}

void
sodo_dialogs_show_message (GtkWindow  *parent,
                           const char *heading,
                           const char *body,
                           GtkWidget  *extra_child)
{
  GObject *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (extra_child == NULL || GTK_IS_WIDGET (extra_child));

#if ADW_CHECK_VERSION (1, 5, 0)
  dialog = G_OBJECT (adw_alert_dialog_new (heading, body));
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), extra_child);
#else
  dialog = G_OBJECT (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra_child);
#endif
  present_dialog (dialog, parent);
}
