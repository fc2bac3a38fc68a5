/* sodo-window-comments.c: the window's comments commands, and comments files it opens
 *
 * The comments themselves are kept by the document pane's controller. Here: a comments file
 * opened like any other (Open, the command line) is merged into them, once, as soon as its
 * regulation is open; "Import Comments…" merges several files at once and lists what
 * differed; "Export Comments…" writes them out to share; the consolidated report is written
 * as PDF or Markdown, or printed, through the same page layout as the printed regulation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "document/sodo-document-pane.h"
#include "model/sodo-comments-report.h"
#include "model/sodo-error.h"
#include "render/sodo-comments-report-print.h"

#include "sodo-application.h"
#include "sodo-dialogs.h"
#include "sodo-file-dialog.h"
#include "sodo-window-private.h"

/* Set on a comments set the window has merged, so that it is merged once (a window rebuilt
 * in another language is handed the same set again). */
#define MERGED_KEY "sodo-comments-merged"
/* Set on a comments set whose regulation is not open, once the user was told. */
#define TOLD_KEY   "sodo-comments-told"

static const char *const comments_actions[] = {
  "win.add-comment", "win.export-comments", "win.import-comments", "win.comments-report-pdf",
  "win.comments-report-markdown", "win.print-comments-report",
};

static SodoCommentsController *
get_controller (SodoWindow *self)
{
  if (!SODO_IS_DOCUMENT_PANE (self->document_widget))
    return NULL;

  return sodo_document_pane_get_comments_controller (SODO_DOCUMENT_PANE (self->document_widget));
}

/* Conflicts */

/* "c-4: “…their text…”, kept beside “…ours…” as c-4:tinh-uy-quang-ninh", one a line. */
static GtkWidget *
create_conflicts_view (SodoComments *comments,
                       GPtrArray    *conflicts)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *scrolled;
  GtkWidget *label;

  for (guint i = 0; i < conflicts->len; i++)
    {
      SodoCommentConflict *conflict = g_ptr_array_index (conflicts, i);
      const SodoComment *ours = sodo_comments_find (comments, conflict->id);
      const SodoComment *theirs = sodo_comments_find (comments, conflict->incoming_id);

      if (ours == NULL || theirs == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append_printf (text, "%s — %s\n", conflict->id,
                              ours->organization != NULL ? ours->organization : "");
      /* Translators: in the list of comments that differ; %s is a comment's text */
      g_string_append_printf (text, _("Here: “%s”"), ours->text);
      g_string_append_c (text, '\n');
      /* Translators: in the list of comments that differ; the first %s is the text of the
       * comment merged, the second the id it was given */
      g_string_append_printf (text, _("Merged: “%s”, kept as %s"), theirs->text,
                              conflict->incoming_id);
    }

  label = gtk_label_new (text->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);

  return scrolled;
}

static void
show_conflicts (SodoWindow *self,
                GPtrArray  *conflicts)
{
  SodoCommentsController *controller = get_controller (self);
  g_autofree char *body = NULL;

  if (conflicts == NULL || conflicts->len == 0 || controller == NULL)
    return;

  body = g_strdup_printf (ngettext ("%u comment merged has the same id as one already here "
                                    "but says something else. Both are kept: the merged one "
                                    "under a new id.",
                                    "%u comments merged have the same id as ones already here "
                                    "but say something else. Both are kept: the merged ones "
                                    "under new ids.", conflicts->len),
                          conflicts->len);
  sodo_dialogs_show_message (GTK_WINDOW (self), _("Comments That Differ"), body,
                             create_conflicts_view (sodo_comments_controller_get_comments (controller),
                                                    conflicts));
}

/* "Merged 3 comments (2 were already here)." */
static char *
describe_merge (guint n_added,
                guint n_skipped,
                guint n_conflicts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, ngettext ("Merged %u comment", "Merged %u comments", n_added),
                          n_added);
  if (n_skipped > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u already here", "%u already here", n_skipped),
                              n_skipped);
    }
  if (n_conflicts > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u differs", "%u differ", n_conflicts),
                              n_conflicts);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_toast (SodoWindow *self,
            const char *title)
{
  /* A toast's title is markup: what the data says is shown as written. */
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  sodo_window_add_toast (self, adw_toast_new (escaped));
}

/* Comments files opened in the window */

static char *
regulation_mismatch_message (SodoComments   *comments,
                             SodoRegulation *regulation)
{
  /* Translators: both %s are regulation ids, such as "draft-2023-10" */
  return g_strdup_printf (_("These comments are about the regulation “%s”, but the open "
                            "regulation is “%s”. Open that regulation to merge them into its "
                            "comments."),
                          sodo_comments_get_regulation_id (comments),
                          sodo_regulation_get_id (regulation));
}

/* Merges the comments file the window opened into the open regulation's comments, once;
 * waits while that regulation is not open. */
static void
merge_opened_comments (SodoWindow *self)
{
  SodoComments *comments = self->comments;
  SodoCommentsController *controller = get_controller (self);
  SodoRegulation *regulation = controller != NULL
                               ? sodo_comments_controller_get_regulation (controller) : NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_added = 0;
  guint n_skipped = 0;

  if (comments == NULL || regulation == NULL
      || g_object_get_data (G_OBJECT (comments), MERGED_KEY) != NULL)
    return;

  if (g_strcmp0 (sodo_comments_get_regulation_id (comments),
                 sodo_regulation_get_id (regulation)) != 0)
    {
      if (g_object_get_data (G_OBJECT (comments), TOLD_KEY) == NULL)
        {
          g_autofree char *mismatch = regulation_mismatch_message (comments, regulation);

          g_object_set_data (G_OBJECT (comments), TOLD_KEY, GINT_TO_POINTER (TRUE));
          sodo_window_show_error (self, mismatch);
        }
      return;
    }

  g_object_set_data (G_OBJECT (comments), MERGED_KEY, GINT_TO_POINTER (TRUE));
  if (!sodo_comments_controller_merge (controller, comments, &n_added, &n_skipped, &conflicts,
                                       &error))
    {
      sodo_window_show_error (self, error->message);
      return;
    }

  message = describe_merge (n_added, n_skipped, conflicts->len);
  show_toast (self, message);
  show_conflicts (self, conflicts);
}

static void
update_actions (SodoWindow *self)
{
  gboolean enabled = self->regulation != NULL && get_controller (self) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (comments_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), comments_actions[i], enabled);
}

/* After the bindings that hand the regulation on to the document pane (G_CONNECT_AFTER). */
static void
on_documents_changed_cb (SodoWindow *self)
{
  update_actions (self);
  merge_opened_comments (self);
}

/* Import and export */

static gboolean
merge_file (SodoWindow  *self,
            GFile       *file,
            guint       *n_added,
            guint       *n_skipped,
            GPtrArray   *all_conflicts,
            GError     **error)
{
  SodoCommentsController *controller = get_controller (self);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(SodoComments) comments = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) local_error = NULL;
  guint added = 0;
  guint skipped = 0;

  comments = sodo_comments_load_file (file, NULL, NULL, &local_error);
  if (comments != NULL
      && g_strcmp0 (sodo_comments_get_regulation_id (comments),
                    sodo_regulation_get_id (self->regulation)) != 0)
    {
      g_autofree char *mismatch = regulation_mismatch_message (comments, self->regulation);

      g_set_error (error, SODO_ERROR, SODO_ERROR_REFERENCE, "%s: %s", name, mismatch);
      return FALSE;
    }
  if (comments == NULL
      || !sodo_comments_controller_merge (controller, comments, &added, &skipped, &conflicts,
                                          &local_error))
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_IO, "%s: %s", name, local_error->message);
      return FALSE;
    }

  *n_added += added;
  *n_skipped += skipped;
  for (guint i = 0; i < conflicts->len; i++)
    g_ptr_array_add (all_conflicts, g_steal_pointer (&g_ptr_array_index (conflicts, i)));

  return TRUE;
}

/* Merges every file; one that cannot be merged does not stop the others. */
static void
import_files (SodoWindow *self,
              GListModel *files)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) sodo_comment_conflict_free);
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autofree char *message = NULL;
  guint n_added = 0;
  guint n_skipped = 0;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autoptr(GError) error = NULL;

      if (!merge_file (self, file, &n_added, &n_skipped, conflicts, &error))
        g_string_append_printf (failures, "%s%s", failures->len > 0 ? "\n" : "", error->message);
    }

  message = describe_merge (n_added, n_skipped, conflicts->len);
  show_toast (self, message);
  if (failures->len > 0)
    sodo_window_show_error (self, failures->str);
  show_conflicts (self, conflicts);
}

static void
on_import_chosen_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SodoWindow) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;

  files = sodo_file_dialog_open_finish (result, &error);
  if (files == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sodo_window_show_error (self, error->message);
      return;
    }
  if (get_controller (self) != NULL && self->regulation != NULL)
    import_files (self, files);
}

static void
import_comments_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  sodo_file_dialog_open (GTK_WINDOW (widget), on_import_chosen_cb, g_object_ref (widget));
}

static void
on_export_chosen_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SodoWindow) self = user_data;
  SodoCommentsController *controller = get_controller (self);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = sodo_file_dialog_save_finish (result, &error);
  if (file == NULL || controller == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sodo_window_show_error (self, error->message);
      return;
    }

  if (!sodo_comments_controller_export (controller, file, &error))
    sodo_window_show_error (self, error->message);
  else
    show_toast (self, _("Comments exported"));
}

static void
export_comments_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SodoWindow *self = SODO_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->regulation == NULL)
    return;
  name = g_strdup_printf ("%s.comments.json", sodo_regulation_get_id (self->regulation));
  sodo_file_dialog_save (GTK_WINDOW (self), _("Export Comments"), name, _("Sodo comments"),
                         "application/x-sodo-comments", on_export_chosen_cb,
                         g_object_ref (self));
}

/* The report */

static SodoCommentsReport *
create_report (SodoWindow *self)
{
  SodoCommentsController *controller = get_controller (self);
  SodoComments *comments = controller != NULL ? sodo_comments_controller_get_comments (controller)
                                              : NULL;

  if (comments == NULL || self->regulation == NULL)
    return NULL;

  return sodo_comments_report_new (self->regulation, comments);
}

static void
finish_report (SodoWindow   *self,
               GAsyncResult *result,
               gboolean      pdf)
{
  g_autoptr(SodoCommentsReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean written;

  file = sodo_file_dialog_save_finish (result, &error);
  report = file != NULL ? create_report (self) : NULL;
  if (report == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sodo_window_show_error (self, error->message);
      return;
    }

  written = pdf ? sodo_comments_report_write_pdf (report, file, NULL, &error)
                : sodo_comments_report_write_markdown (report, file, NULL, &error);
  if (!written)
    sodo_window_show_error (self, error->message);
  else
    show_toast (self, _("Comments report saved"));
}

static void
on_report_pdf_chosen_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(SodoWindow) self = user_data;

  finish_report (self, result, TRUE);
}

static void
on_report_markdown_chosen_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(SodoWindow) self = user_data;

  finish_report (self, result, FALSE);
}

static void
save_report (SodoWindow *self,
             gboolean    pdf)
{
  g_autofree char *name = NULL;

  if (self->regulation == NULL)
    return;
  /* Translators: the file name a comments report is offered under; %s is the regulation's
   * id, then comes ".pdf" or ".md" */
  name = g_strdup_printf (_("%s-comments-report"), sodo_regulation_get_id (self->regulation));
  if (pdf)
    {
      g_autofree char *file_name = g_strconcat (name, ".pdf", NULL);

      sodo_file_dialog_save (GTK_WINDOW (self), _("Save the Comments Report"), file_name,
                             _("PDF documents"), "application/pdf", on_report_pdf_chosen_cb,
                             g_object_ref (self));
    }
  else
    {
      g_autofree char *file_name = g_strconcat (name, ".md", NULL);

      sodo_file_dialog_save (GTK_WINDOW (self), _("Save the Comments Report"), file_name,
                             _("Markdown documents"), "text/markdown", on_report_markdown_chosen_cb,
                             g_object_ref (self));
    }
}

static void
comments_report_pdf_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  save_report (SODO_WINDOW (widget), TRUE);
}

static void
comments_report_markdown_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  save_report (SODO_WINDOW (widget), FALSE);
}

/* Printing: the report's pages, laid out on the printable area the user chose. */

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   SodoPrintDocument *document)
{
  guint n_pages = sodo_print_document_paginate (document, gtk_print_context_get_width (context),
                                                gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 SodoPrintDocument *document)
{
  sodo_print_document_draw_page (document, gtk_print_context_get_cairo_context (context),
                                 (guint) page);
}

static GSettings *
get_settings (SodoWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return SODO_IS_APPLICATION (app) ? sodo_application_get_settings (SODO_APPLICATION (app))
                                   : NULL;
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  SodoWindow              *self)
{
  GSettings *settings = get_settings (self);
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && settings != NULL
      && gtk_print_operation_get_print_settings (operation) != NULL)
    g_settings_set_value (settings, "print-settings",
                          gtk_print_settings_to_gvariant (gtk_print_operation_get_print_settings (operation)));
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      /* Translators: the heading of the message when printing fails */
      sodo_dialogs_show_message (GTK_WINDOW (self), _("Could Not Print"),
                                 error != NULL ? error->message : NULL, NULL);
    }
}

static void
use_print_settings (SodoWindow        *self,
                    GtkPrintOperation *operation)
{
  GSettings *settings = get_settings (self);
  g_autoptr(GVariant) value = NULL;

  if (settings == NULL)
    return;
  value = g_settings_get_value (settings, "print-settings");
  if (g_variant_n_children (value) > 0)
    {
      g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new_from_gvariant (value);

      gtk_print_operation_set_print_settings (operation, print_settings);
    }
}

static void
print_comments_report_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  SodoWindow *self = SODO_WINDOW (widget);
  g_autoptr(SodoCommentsReport) report = create_report (self);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  SodoPrintDocument *document;

  if (report == NULL)
    return;

  document = sodo_comments_report_print_new (report);
  operation = gtk_print_operation_new ();
  /* Points, from the printable area's corner: the document's own terms. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Consolidated comments"));
  gtk_print_operation_set_allow_async (operation, TRUE);
  use_print_settings (self, operation);
  g_object_set_data_full (G_OBJECT (operation), "sodo-document", document,
                          (GDestroyNotify) sodo_print_document_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), document);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    sodo_dialogs_show_message (GTK_WINDOW (self), _("Could Not Print"),
                               error != NULL ? error->message : NULL, NULL);
}

static void
add_comment_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SodoWindow *self = SODO_WINDOW (widget);

  if (!SODO_IS_DOCUMENT_PANE (self->document_widget))
    return;
  if (self->narrow)
    adw_view_stack_set_visible_child_name (self->view_stack, "document");
  gtk_widget_activate_action (self->document_widget, "document.add-comment", NULL);
}

void
_sodo_window_class_init_comments (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-comment", NULL, add_comment_action);
  gtk_widget_class_install_action (widget_class, "win.import-comments", NULL,
                                   import_comments_action);
  gtk_widget_class_install_action (widget_class, "win.export-comments", NULL,
                                   export_comments_action);
  gtk_widget_class_install_action (widget_class, "win.comments-report-pdf", NULL,
                                   comments_report_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.comments-report-markdown", NULL,
                                   comments_report_markdown_action);
  gtk_widget_class_install_action (widget_class, "win.print-comments-report", NULL,
                                   print_comments_report_action);
}

void
_sodo_window_init_comments (SodoWindow *self)
{
  g_signal_connect_after (self, "notify::regulation", G_CALLBACK (on_documents_changed_cb),
                          NULL);
  g_signal_connect_after (self, "notify::comments", G_CALLBACK (on_documents_changed_cb), NULL);
  update_actions (self);
}
