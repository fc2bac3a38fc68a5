/* sodo-window-open.c: opening files in the window, and showing what went wrong
 *
 * A file loads in a worker thread (a loaded chart or regulation is immutable, so handing it
 * to the main thread is safe). A file with errors changes nothing that is open: the banner
 * names its first error and "Details" lists them all. Warnings get a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sodo-dialogs.h"
#include "sodo-window-private.h"

typedef struct {
  GFile            *file;
  SodoDiagnostics  *diags;
  SodoDocumentKind  kind;
  guint             serial;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->diags, sodo_diagnostics_free);
  g_free (data);
}

static char *
get_display_name (GFile *file)
{
  char *basename = g_file_get_basename (file);

  return basename != NULL ? basename : g_file_get_uri (file);
}

static void
set_banner (SodoWindow *self,
            const char *text,
            gboolean    has_details)
{
  gtk_label_set_text (self->banner_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-error-details", has_details);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_details_button), has_details);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

void
sodo_window_show_error (SodoWindow *self,
                        const char *message)
{
  g_return_if_fail (SODO_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  g_clear_pointer (&self->error_diags, sodo_diagnostics_free);
  set_banner (self, message, FALSE);
}

void
sodo_window_add_toast (SodoWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (SODO_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static const SodoDiagnostic *
find_first (SodoDiagnostics *diags,
            SodoSeverity     severity)
{
  for (guint i = 0; i < sodo_diagnostics_get_n_items (diags); i++)
    {
      const SodoDiagnostic *diag = sodo_diagnostics_get_item (diags, i);

      if (diag->severity == severity)
        return diag;
    }

  return NULL;
}

/* The banner names the first error as `sodo --validate` prints it: file:line:column, the
 * JSON path and the message. @error covers failures that left no diagnostic (I/O). */
static void
show_load_error (SodoWindow      *self,
                 SodoDiagnostics *diags, /* owned */
                 const GError    *error)
{
  const SodoDiagnostic *first = find_first (diags, SODO_SEVERITY_ERROR);
  guint n_errors = sodo_diagnostics_count (diags, SODO_SEVERITY_ERROR);
  g_autofree char *first_text = NULL;
  g_autofree char *text = NULL;

  if (first == NULL)
    {
      sodo_diagnostics_free (diags);
      sodo_window_show_error (self, error->message);
      return;
    }

  first_text = sodo_diagnostic_format (first);
  if (n_errors > 1)
    text = g_strdup_printf (ngettext ("%s (and %u more error)", "%s (and %u more errors)",
                                      n_errors - 1),
                            first_text, n_errors - 1);
  else
    text = g_steal_pointer (&first_text);

  g_clear_pointer (&self->error_diags, sodo_diagnostics_free);
  self->error_diags = diags;
  set_banner (self, text, TRUE);
}

void
_sodo_window_show_load_error (SodoWindow      *self,
                              SodoDiagnostics *diags,
                              const GError    *error)
{
  show_load_error (self, diags, error);
}

static void
show_warnings_toast (SodoWindow      *self,
                     SodoDiagnostics *diags) /* owned */
{
  guint n_warnings = sodo_diagnostics_count (diags, SODO_SEVERITY_WARNING);
  g_autofree char *name = g_markup_escape_text (sodo_diagnostics_get_file (diags), -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  title = g_strdup_printf (ngettext ("Opened “%s” with %u warning",
                                     "Opened “%s” with %u warnings", n_warnings),
                           name, n_warnings);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-warning-details");

  g_clear_pointer (&self->warning_diags, sodo_diagnostics_free);
  self->warning_diags = diags;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
apply_document (SodoWindow       *self,
                GObject          *document,
                SodoDocumentKind  kind,
                guint             serial)
{
  g_assert (kind < G_N_ELEMENTS (self->applied_serial));

  /* An older load that finishes late must not replace a newer one. */
  if (serial < self->applied_serial[kind])
    return;
  self->applied_serial[kind] = serial;

  switch (kind)
    {
    case SODO_DOCUMENT_ORGCHART:
      sodo_window_set_orgchart (self, SODO_ORGCHART (document));
      break;

    case SODO_DOCUMENT_REGULATION:
      sodo_window_set_regulation (self, SODO_REGULATION (document));
      break;

    case SODO_DOCUMENT_COMMENTS:
      sodo_window_set_comments (self, SODO_COMMENTS (document));
      break;

    case SODO_DOCUMENT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }
}

static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(GError) error = NULL;
  GObject *document;

  document = sodo_document_load_file (data->file, &data->kind, data->diags, cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
on_file_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  SodoWindow *self = g_task_get_source_object (outer);
  OpenData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GObject) document = NULL;
  g_autoptr(GError) error = NULL;

  document = g_task_propagate_pointer (G_TASK (result), &error);

  /* The window went away, or the caller gave up: touch nothing. */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable)
      || g_task_return_error_if_cancelled (outer))
    {
      if (!g_task_had_error (outer))
        g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                                 _("The window was closed"));
      return;
    }

  if (document == NULL)
    {
      show_load_error (self, g_steal_pointer (&data->diags), error);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  apply_document (self, document, data->kind, data->serial);
  _sodo_window_file_opened (self, document, data->kind, data->file);
  if (sodo_diagnostics_count (data->diags, SODO_SEVERITY_WARNING) > 0)
    show_warnings_toast (self, g_steal_pointer (&data->diags));
  g_task_return_boolean (outer, TRUE);
}

void
sodo_window_open_file_async (SodoWindow          *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GTask) worker = NULL;
  GTask *outer;
  OpenData *data;

  g_return_if_fail (SODO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, sodo_window_open_file_async);

  display_name = get_display_name (file);
  data = g_new0 (OpenData, 1);
  data->file = g_object_ref (file);
  data->diags = sodo_diagnostics_new (display_name);
  data->serial = ++self->open_serial;

  /* The worker stops when the window goes away, or when the caller cancels. It holds no
   * reference to the window: the thread drops its reference to the task last, and a window
   * must never be finalised outside the main thread. */
  worker = g_task_new (NULL, cancellable != NULL ? cancellable : self->cancellable,
                       on_file_loaded_cb, outer);
  g_task_set_source_tag (worker, sodo_window_open_file_async);
  g_task_set_task_data (worker, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (worker, open_worker);
}

gboolean
sodo_window_open_file_finish (SodoWindow    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (SODO_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
sodo_window_open_file (SodoWindow *self,
                       GFile      *file)
{
  sodo_window_open_file_async (self, file, NULL, NULL, NULL);
}

/* One line per problem, as `sodo --validate` prints them. */
static GtkWidget *
create_diagnostics_view (SodoDiagnostics *diags)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *scrolled;
  GtkWidget *label;

  for (guint i = 0; i < sodo_diagnostics_get_n_items (diags); i++)
    {
      g_autofree char *line = sodo_diagnostic_format (sodo_diagnostics_get_item (diags, i));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  label = gtk_label_new (text->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "sodo-diagnostics");

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);

  return scrolled;
}

static void
show_diagnostics (SodoWindow      *self,
                  SodoDiagnostics *diags,
                  const char      *body)
{
  g_autofree char *heading = NULL;

  if (diags == NULL)
    return;

  heading = g_strdup_printf (_("Problems in “%s”"), sodo_diagnostics_get_file (diags));
  sodo_dialogs_show_message (GTK_WINDOW (self), heading, body, create_diagnostics_view (diags));
}

static void
show_error_details_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SodoWindow *self = SODO_WINDOW (widget);

  show_diagnostics (self, self->error_diags,
                    _("The file was not opened. What was open before stays open."));
}

static void
show_warning_details_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SodoWindow *self = SODO_WINDOW (widget);

  show_diagnostics (self, self->warning_diags,
                    _("The file was opened; the parts these warnings name were left out."));
}

static void
dismiss_banner_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SodoWindow *self = SODO_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

void
_sodo_window_class_init_open (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.dismiss-banner", NULL,
                                   dismiss_banner_action);
  gtk_widget_class_install_action (widget_class, "win.show-error-details", NULL,
                                   show_error_details_action);
  gtk_widget_class_install_action (widget_class, "win.show-warning-details", NULL,
                                   show_warning_details_action);
}

void
_sodo_window_dispose_open (SodoWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->error_diags, sodo_diagnostics_free);
  g_clear_pointer (&self->warning_diags, sodo_diagnostics_free);
}

gboolean
_sodo_window_get_banner_revealed (SodoWindow *self)
{
  return gtk_revealer_get_reveal_child (self->banner_revealer);
}

const char *
_sodo_window_get_banner_text (SodoWindow *self)
{
  return gtk_label_get_text (self->banner_label);
}
