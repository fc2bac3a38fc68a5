/* test-document-import.c: the Import Text… dialog previews the outline and the warnings of
 * a plain text, and imports it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "document/sodo-document-private.h"
#include "document/sodo-import-dialog.h"
#include "model/sodo-language.h"
#include "sodo-resources.h"
#include "sodo-test-gtk.h"

/* A small text in the shape of a Party regulation, with a page number from a printed copy
 * on line 9. */
static const char small_text[] =
  "QUY ĐỊNH\n"                                           /* 1 */
  "về chức năng, nhiệm vụ của cơ quan thử\n"             /* 2 */
  "\n"                                                   /* 3 */
  "Chương I\n"                                           /* 4 */
  "NHỮNG QUY ĐỊNH CHUNG\n"                               /* 5 */
  "Điều 1. Phạm vi điều chỉnh\n"                         /* 6 */
  "1. Quy định này áp dụng đối với cơ quan thử.\n"       /* 7 */
  "2. Cơ quan thử gồm:\n"                                /* 8 */
  "- 2 -\n"                                              /* 9 */
  "a) Văn phòng;\n"                                      /* 10 */
  "b) Ban Tổ chức.\n"                                    /* 11 */
  "Điều 2. Hiệu lực\n"                                   /* 12 */
  "Quy định này có hiệu lực từ ngày ký.\n";              /* 13 */

static SodoImportDialog *
create_dialog (void)
{
  SodoImportDialog *dialog = sodo_import_dialog_new (NULL);

  /* The test holds a reference, so that it can check the dialog goes away. */
  return g_object_ref (dialog);
}

static void
destroy_dialog (SodoImportDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static char *
preview_text (SodoImportDialog *dialog)
{
  GtkTextBuffer *buffer = _sodo_import_dialog_get_preview_buffer (dialog);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GPtrArray *
warning_texts (SodoImportDialog *dialog)
{
  GtkListBox *list = _sodo_import_dialog_get_warnings_list (dialog);
  GPtrArray *texts = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (label)));
    }

  return texts;
}

static void
test_preview (void)
{
  SodoImportDialog *dialog = create_dialog ();
  g_autofree char *preview = NULL;
  g_autofree char *chapter = NULL;
  g_autofree char *article = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  SodoRegulation *result;

  /* Nothing to import yet. */
  g_assert_null (sodo_import_dialog_get_result (dialog));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL)
                  && sodo_import_dialog_get_result (dialog) != NULL);

  sodo_import_dialog_set_text (dialog, small_text, "co-quan-thu.txt");
  _sodo_import_dialog_flush (dialog);
  result = sodo_import_dialog_get_result (dialog);
  g_assert_nonnull (result);
  g_assert_cmpstr (sodo_regulation_get_id (result), ==, "co-quan-thu");

  /* The outline: levels, numbers and titles, one line each, in document order. */
  preview = preview_text (dialog);
  chapter = g_strdup_printf ("\n%s I. NHỮNG QUY ĐỊNH CHUNG\n",
                             sodo_level_get_label (SODO_LEVEL_CHAPTER));
  article = g_strdup_printf ("\n%s 1. Phạm vi điều chỉnh\n",
                             sodo_level_get_label (SODO_LEVEL_ARTICLE));
  g_assert_nonnull (strstr (preview, chapter));
  g_assert_nonnull (strstr (preview, article));
  g_assert_nonnull (strstr (preview, "\n1. Quy định này áp dụng đối với cơ quan thử.\n"));
  g_assert_nonnull (strstr (preview, "\na) Văn phòng;\n"));
  g_assert_true (strstr (preview, chapter) < strstr (preview, article));
  g_assert_true (strstr (preview, article) < strstr (preview, "\na) Văn phòng;\n"));
  g_assert_cmpstr (gtk_label_get_text (_sodo_import_dialog_get_summary_label (dialog)), ==,
                   "1 chapter · 2 articles · 2 clauses · 2 points");

  /* The page number is left out, and said so with its line. */
  g_assert_null (strstr (preview, "- 2 -"));
  warnings = warning_texts (dialog);
  g_assert_cmpuint (warnings->len, >=, 1);
  g_assert_true (g_str_has_prefix (warnings->pdata[0], "Line 9: "));

  /* The JSON is the regulation format, and loads as the result did. */
  g_assert_nonnull (strstr (sodo_import_dialog_get_json (dialog), "\"sodo-regulation\""));

  destroy_dialog (dialog);
}

/* Activating a warning selects its line in the text, for the reader to fix it there. */
static void
test_warning_selects_line (void)
{
  SodoImportDialog *dialog = create_dialog ();
  GtkListBox *list = _sodo_import_dialog_get_warnings_list (dialog);
  GtkTextBuffer *source = gtk_text_view_get_buffer (_sodo_import_dialog_get_source_view (dialog));
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *selected = NULL;

  sodo_import_dialog_set_text (dialog, small_text, NULL);
  _sodo_import_dialog_flush (dialog);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));

  g_assert_true (gtk_text_buffer_get_selection_bounds (source, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_line (&start), ==, 8);
  selected = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (selected, ==, "- 2 -");

  destroy_dialog (dialog);
}

static void
on_imported_cb (SodoImportDialog  *dialog,
                SodoRegulation    *regulation,
                SodoRegulation   **out)
{
  g_set_object (out, regulation);
}

static void
test_import (void)
{
  SodoImportDialog *dialog = create_dialog ();
  g_autoptr(SodoRegulation) imported = NULL;

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &imported);

  /* The text typed last counts, even before the preview caught up. */
  sodo_import_dialog_set_text (dialog, small_text, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));
  g_assert_nonnull (imported);
  /* Chapter I, Articles 1 and 2, two clauses and two points. */
  g_assert_cmpuint (sodo_regulation_get_n_nodes (imported), ==, 7);
  g_assert_cmpuint (sodo_regulation_find_node (imported, "art-1-cl-2-pt-b"), !=, SODO_NO_INDEX);

  /* Blank text imports nothing. */
  g_clear_object (&imported);
  sodo_import_dialog_set_text (dialog, " \n\t\n", NULL);
  _sodo_import_dialog_flush (dialog);
  g_assert_null (sodo_import_dialog_get_result (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  g_assert_null (imported);

  destroy_dialog (dialog);
}

int
main (int   argc,
      char *argv[])
{
  sodo_test_init_gtk (&argc, &argv);
  adw_init ();
  /* The static library's resources are linked in only when something refers to them. */
  g_assert_nonnull (sodo_get_resource ());
  sodo_language_set ("en");

  g_test_add_func ("/document/import/preview", test_preview);
  g_test_add_func ("/document/import/warning-selects-line", test_warning_selects_line);
  g_test_add_func ("/document/import/import", test_import);

  return g_test_run ();
}
