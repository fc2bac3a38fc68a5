/* sodo-import-dialog.c: "Import Text…", turning a plain-text regulation into a Sodo one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "model/sodo-language.h"
#include "model/sodo-regulation-import.h"

#include "sodo-document-private.h"
#include "sodo-import-dialog.h"
#include "sodo-import-file-chooser.h"

/* The preview waits for typing to pause this long. */
#define PREVIEW_DELAY_MS 250
/* A preview line shows this much of a provision's text. */
#define EXCERPT_CHARS 90
/* Beyond this many nodes, the preview says how many more there are. */
#define PREVIEW_MAX_NODES 3000
#define PREVIEW_INDENT 18
/* The preview's own left margin, which a tag's margin replaces. */
#define PREVIEW_MARGIN 12

struct _SodoImportDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  GtkButton       *import_button;
  GtkLabel        *placeholder_label;
  GtkTextView     *preview_view;
  GtkLabel        *source_label;
  GtkTextView     *source_view;
  GtkLabel        *summary_label;
  AdwToastOverlay *toast_overlay;
  GtkWidget       *warnings_box;
  GtkLabel        *warnings_label;
  GtkListBox      *warnings_list;

  /* Owned */
  SodoRegulation  *result;
  char            *json;
  char            *name;          /* the file the text came from, or NULL when pasted */
  GCancellable    *cancellable;
  guint            update_id;
};

G_DEFINE_FINAL_TYPE (SodoImportDialog, sodo_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

SodoImportDialog *
sodo_import_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (SODO_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
}

static void
show_toast (SodoImportDialog *self,
            const char       *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Preview */

static char *
excerpt (const char *text)
{
  g_autofree char *line = g_strdup (text);
  char *newline = strchr (line, '\n');

  if (newline != NULL)
    *newline = '\0';
  if (g_utf8_strlen (line, -1) <= EXCERPT_CHARS && newline == NULL)
    return g_steal_pointer (&line);

  {
    g_autofree char *cut = g_utf8_substring (line, 0, MIN (g_utf8_strlen (line, -1),
                                                           EXCERPT_CHARS));

    return g_strconcat (cut, "…", NULL);
  }
}

static GtkTextTag *
depth_tag (GtkTextBuffer *buffer,
           guint          depth)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  g_autofree char *name = g_strdup_printf ("depth-%u", MIN (depth, 12u));
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, name,
                                      "left-margin",
                                      PREVIEW_MARGIN + (int) MIN (depth, 12u) * PREVIEW_INDENT,
                                      NULL);
  return tag;
}

static void
append_node (GtkTextBuffer            *buffer,
             SodoRegulation           *regulation,
             const SodoRegulationNode *node)
{
  g_autofree char *label = sodo_regulation_node_dup_label (node, TRUE);
  const char *title = sodo_regulation_text (regulation, node->title);
  const char *text = sodo_regulation_text (regulation, node->text);
  const char *style = node->level <= SODO_LEVEL_SECTION ? "heading"
                      : node->level == SODO_LEVEL_ARTICLE ? "article" : NULL;
  GtkTextIter end;
  int start_offset;

  gtk_text_buffer_get_end_iter (buffer, &end);
  start_offset = gtk_text_iter_get_offset (&end);
  if (label != NULL)
    {
      /* "Chương I. NHỮNG QUY ĐỊNH CHUNG", as the contents name a heading. */
      const char *last = g_utf8_prev_char (label + strlen (label));
      gboolean needs_dot = title != NULL && node->level <= SODO_LEVEL_SECTION
                           && g_unichar_isalnum (g_utf8_get_char (last));

      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, label, -1, "label", style, NULL);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, needs_dot ? ". " : " ", -1, style,
                                                NULL);
    }
  if (title != NULL)
    {
      g_autofree char *short_title = excerpt (title);

      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, short_title, -1, style, NULL);
    }
  else if (text != NULL)
    {
      g_autofree char *short_text = excerpt (text);

      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, short_text, -1,
                                                node->level == SODO_LEVEL_PARAGRAPH ? "dim"
                                                                                    : NULL,
                                                NULL);
    }
  gtk_text_buffer_insert (buffer, &end, "\n", -1);

  {
    GtkTextIter start;

    gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
    gtk_text_buffer_apply_tag (buffer, depth_tag (buffer, node->depth), &start, &end);
  }
}

static void
append_facts (GtkTextBuffer  *buffer,
              SodoRegulation *regulation)
{
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  const char *title = sodo_regulation_text (regulation, sodo_regulation_get_title (regulation));
  const char *issuer = sodo_regulation_text (regulation, sodo_regulation_get_issuer (regulation));
  const char *date = sodo_regulation_get_date (regulation);
  g_autofree char *line = NULL;
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (title != NULL)
    {
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, title, -1, "title", NULL);
      gtk_text_buffer_insert (buffer, &end, "\n", -1);
    }

  if (sodo_regulation_get_number (regulation) != NULL)
    g_ptr_array_add (facts, g_strdup (sodo_regulation_get_number (regulation)));
  g_ptr_array_add (facts,
                   g_strdup (sodo_regulation_status_get_label (sodo_regulation_get_status (regulation))));
  if (date != NULL)
    g_ptr_array_add (facts, sodo_format_date (date, sodo_language_get ()));
  if (issuer != NULL)
    g_ptr_array_add (facts, g_strdup (issuer));
  g_ptr_array_add (facts, NULL);
  line = g_strjoinv (" · ", (char **) facts->pdata);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, line, -1, "dim", NULL);
  gtk_text_buffer_insert (buffer, &end, "\n\n", -1);
}

static void
fill_preview (SodoImportDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->preview_view);
  const SodoRegulationNode *nodes;
  guint n_nodes;
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, "", 0);
  if (self->result == NULL)
    return;

  append_facts (buffer, self->result);
  nodes = sodo_regulation_get_nodes (self->result);
  n_nodes = sodo_regulation_get_n_nodes (self->result);
  for (guint i = 0; i < MIN (n_nodes, PREVIEW_MAX_NODES); i++)
    append_node (buffer, self->result, &nodes[i]);

  if (n_nodes > PREVIEW_MAX_NODES)
    {
      g_autofree char *more = NULL;

      more = g_strdup_printf (ngettext ("… and %u more", "… and %u more",
                                        n_nodes - PREVIEW_MAX_NODES),
                              n_nodes - PREVIEW_MAX_NODES);
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, more, -1, "dim", NULL);
    }
}

/* "2 parts · 3 chapters · 5 articles · 12 clauses" */
static char *
describe_outline (SodoRegulation *regulation)
{
  guint counts[SODO_LEVEL_PARAGRAPH + 1] = { 0 };
  const SodoRegulationNode *nodes = sodo_regulation_get_nodes (regulation);
  guint n_nodes = sodo_regulation_get_n_nodes (regulation);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_nodes; i++)
    counts[nodes[i].level]++;

#define COUNT(level, one, many) \
  if (counts[level] > 0) \
    g_ptr_array_add (parts, g_strdup_printf (ngettext (one, many, counts[level]), counts[level]))
  COUNT (SODO_LEVEL_PART, "%u part", "%u parts");
  COUNT (SODO_LEVEL_CHAPTER, "%u chapter", "%u chapters");
  COUNT (SODO_LEVEL_SECTION, "%u section", "%u sections");
  COUNT (SODO_LEVEL_ARTICLE, "%u article", "%u articles");
  COUNT (SODO_LEVEL_CLAUSE, "%u clause", "%u clauses");
  COUNT (SODO_LEVEL_POINT, "%u point", "%u points");
  COUNT (SODO_LEVEL_PARAGRAPH, "%u paragraph", "%u paragraphs");
#undef COUNT

  if (parts->len == 0)
    return g_strdup (_("No structure found"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
on_warning_activated_cb (GtkListBox       *list,
                         GtkListBoxRow    *row,
                         SodoImportDialog *self)
{
  guint line = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "sodo-line"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->source_view);
  GtkTextIter start;
  GtkTextIter end;

  if (line == 0)
    return;
  gtk_text_buffer_get_iter_at_line (buffer, &start, (int) line - 1);
  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_iter (self->source_view, &start, 0.1, TRUE, 0.0, 0.3);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

static void
fill_warnings (SodoImportDialog *self,
               SodoDiagnostics  *diags)
{
  guint n_items = sodo_diagnostics_get_n_items (diags);
  g_autofree char *heading = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_list))) != NULL)
    gtk_list_box_remove (self->warnings_list, child);

  gtk_widget_set_visible (self->warnings_box, n_items > 0);
  if (n_items == 0)
    return;

  heading = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_items), n_items);
  gtk_label_set_text (self->warnings_label, heading);
  for (guint i = 0; i < n_items; i++)
    {
      const SodoDiagnostic *diag = sodo_diagnostics_get_item (diags, i);
      g_autofree char *text = NULL;
      GtkWidget *label;
      GtkWidget *row;

      if (diag->line > 0)
        /* Translators: a warning about the imported text, "Line 35: …" */
        text = g_strdup_printf (_("Line %u: %s"), diag->line, diag->message);
      else
        text = g_strdup (diag->message);

      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), diag->line > 0);
      g_object_set_data (G_OBJECT (row), "sodo-line", GUINT_TO_POINTER (diag->line));
      gtk_list_box_append (self->warnings_list, row);
    }
}

/* The file name without its extension, which the importer makes the document id. */
static char *
id_hint_from_name (const char *name)
{
  char *hint;
  char *dot;

  if (name == NULL)
    return NULL;
  hint = g_strdup (name);
  dot = strrchr (hint, '.');
  if (dot != NULL && dot != hint)
    *dot = '\0';

  return hint;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static void
run_import (SodoImportDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->source_view);
  const char *display_name = self->name != NULL ? self->name : _("Pasted text");
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new (display_name);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id_hint = NULL;
  g_autofree char *summary = NULL;
  GtkTextIter start;
  GtkTextIter end;

  g_clear_object (&self->result);
  g_clear_pointer (&self->json, g_free);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!is_blank (text))
    {
      id_hint = id_hint_from_name (self->name);
      root = sodo_regulation_import_text (text, -1, id_hint, diags);
      self->json = json_to_string (root, TRUE);
      bytes = g_bytes_new (self->json, strlen (self->json));
      /* The importer writes valid files; loading checks that, and gives the model. */
      self->result = sodo_regulation_load_bytes (bytes, display_name, diags, &error);
      if (self->result == NULL)
        g_clear_pointer (&self->json, g_free);
    }

  sodo_diagnostics_sort (diags);
  fill_preview (self);
  fill_warnings (self, diags);
  if (self->result != NULL)
    summary = describe_outline (self->result);
  else if (error != NULL)
    summary = g_strdup (error->message);
  else
    summary = g_strdup (_("Outline"));
  gtk_label_set_text (self->summary_label, summary);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", self->result != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-as", self->result != NULL);
}

static gboolean
update_cb (gpointer user_data)
{
  SodoImportDialog *self = SODO_IMPORT_DIALOG (user_data);

  self->update_id = 0;
  run_import (self);

  return G_SOURCE_REMOVE;
}

static void
on_source_changed_cb (GtkTextBuffer    *buffer,
                      SodoImportDialog *self)
{
  gboolean has_text = gtk_text_buffer_get_char_count (buffer) > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label), !has_text);
  /* Import runs the importer itself if the preview has not caught up yet. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", has_text);
  g_clear_handle_id (&self->update_id, g_source_remove);
  self->update_id = g_timeout_add (PREVIEW_DELAY_MS, update_cb, self);
}

void
sodo_import_dialog_set_text (SodoImportDialog *self,
                             const char       *text,
                             const char       *name)
{
  g_return_if_fail (SODO_IS_IMPORT_DIALOG (self));
  g_return_if_fail (text != NULL);

  g_free (self->name);
  self->name = g_strdup (name);
  gtk_label_set_text (self->source_label, name != NULL ? name : _("Text"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->source_view), text, -1);
}

char *
sodo_import_dialog_dup_text (SodoImportDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  g_return_val_if_fail (SODO_IS_IMPORT_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->source_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

const char *
sodo_import_dialog_get_name (SodoImportDialog *self)
{
  g_return_val_if_fail (SODO_IS_IMPORT_DIALOG (self), NULL);

  return self->name;
}

SodoRegulation *
sodo_import_dialog_get_result (SodoImportDialog *self)
{
  g_return_val_if_fail (SODO_IS_IMPORT_DIALOG (self), NULL);

  return self->result;
}

const char *
sodo_import_dialog_get_json (SodoImportDialog *self)
{
  g_return_val_if_fail (SODO_IS_IMPORT_DIALOG (self), NULL);

  return self->json;
}

/* Actions */

static void
on_file_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SodoImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *valid = NULL;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }

  /* The text view holds UTF-8 only; bytes that are not become U+FFFD, as the importer
   * would make them. */
  valid = g_utf8_make_valid (contents, length);
  if (strlen (valid) != length || memcmp (valid, contents, length) != 0)
    show_toast (self, _("Some bytes were not UTF-8 text and were replaced"));
  name = g_file_get_basename (G_FILE (source));
  sodo_import_dialog_set_text (self, valid, name);
}

static void
on_open_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SodoImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = sodo_import_file_chooser_finish (result, &error);

  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }

  g_file_load_contents_async (file, self->cancellable, on_file_loaded_cb,
                              g_object_ref (self));
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sodo_import_file_chooser_open_text (GTK_WINDOW (widget), on_open_chosen_cb,
                                      g_object_ref (widget));
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SodoImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }

  name = g_file_get_basename (G_FILE (source));
  message = g_strdup_printf (_("Saved “%s”"), name);
  show_toast (self, message);
}

static void
on_save_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SodoImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = sodo_import_file_chooser_finish (result, &error);
  g_autoptr(GBytes) bytes = NULL;

  if (file == NULL || self->json == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }

  bytes = g_bytes_new (self->json, strlen (self->json));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, on_saved_cb, g_object_ref (self));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SodoImportDialog *self = SODO_IMPORT_DIALOG (widget);
  g_autofree char *suggested = NULL;

  if (self->result == NULL)
    return;
  suggested = g_strdup_printf ("%s.json", sodo_regulation_get_id (self->result));
  sodo_import_file_chooser_save_json (GTK_WINDOW (self), suggested, on_save_chosen_cb,
                                      g_object_ref (self));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SodoImportDialog *self = SODO_IMPORT_DIALOG (widget);
  g_autoptr(SodoRegulation) result = NULL;

  /* What is on screen is what gets imported, even if the last keystroke is still pending. */
  if (self->update_id != 0)
    {
      g_clear_handle_id (&self->update_id, g_source_remove);
      run_import (self);
    }
  if (self->result == NULL)
    return;

  result = g_object_ref (self->result);
  g_signal_emit (self, signals[IMPORTED], 0, result);
  gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Object */

static void
sodo_import_dialog_dispose (GObject *object)
{
  SodoImportDialog *self = SODO_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->result);
  g_clear_pointer (&self->json, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (sodo_import_dialog_parent_class)->dispose (object);
}

static void
sodo_import_dialog_class_init (SodoImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sodo_import_dialog_dispose;

  /**
   * SodoImportDialog::imported:
   * @regulation: the regulation made from the text
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SODO_TYPE_REGULATION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/sodo-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SodoImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SodoImportDialog, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, SodoImportDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, SodoImportDialog, source_label);
  gtk_widget_class_bind_template_child (widget_class, SodoImportDialog, source_view);
  gtk_widget_class_bind_template_child (widget_class, SodoImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SodoImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SodoImportDialog, warnings_box);
  gtk_widget_class_bind_template_child (widget_class, SodoImportDialog, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, SodoImportDialog, warnings_list);

  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.open-file", NULL, open_file_action);
  gtk_widget_class_install_action (widget_class, "import.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "import.open-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "import.save-as", NULL);
}

static void
create_preview_tags (GtkTextBuffer *buffer)
{
  GdkRGBA dim = { 0.5, 0.5, 0.5, 1.0 };

  gtk_text_buffer_create_tag (buffer, "title", "weight", PANGO_WEIGHT_BOLD, "scale", 1.1,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "heading", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "article", "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "label", NULL);
  gtk_text_buffer_create_tag (buffer, "dim", "foreground-rgba", &dim, NULL);
}

static void
sodo_import_dialog_init (SodoImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _sodo_document_ensure_style (gtk_widget_get_display (GTK_WIDGET (self)));
  self->cancellable = g_cancellable_new ();

  create_preview_tags (gtk_text_view_get_buffer (self->preview_view));
  g_signal_connect (gtk_text_view_get_buffer (self->source_view), "changed",
                    G_CALLBACK (on_source_changed_cb), self);
  g_signal_connect (self->warnings_list, "row-activated", G_CALLBACK (on_warning_activated_cb),
                    self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-as", FALSE);
}

void
_sodo_import_dialog_flush (SodoImportDialog *self)
{
  if (self->update_id == 0)
    return;
  g_clear_handle_id (&self->update_id, g_source_remove);
  run_import (self);
}

GtkTextBuffer *
_sodo_import_dialog_get_preview_buffer (SodoImportDialog *self)
{
  return gtk_text_view_get_buffer (self->preview_view);
}

GtkListBox *
_sodo_import_dialog_get_warnings_list (SodoImportDialog *self)
{
  return self->warnings_list;
}

GtkLabel *
_sodo_import_dialog_get_summary_label (SodoImportDialog *self)
{
  return self->summary_label;
}

GtkTextView *
_sodo_import_dialog_get_source_view (SodoImportDialog *self)
{
  return self->source_view;
}
