/* test-comments-ui.c: comments in the window: the controller's saving after every change,
 * undo, drafts and damaged files; the panel, the markers and the contents' counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "app/sodo-application.h"
#include "app/sodo-window-private.h"
#include "document/sodo-document-pane-private.h"
#include "document/sodo-document-private.h"
#include "model/sodo-comments-store.h"
#include "model/sodo-error.h"
#include "model/sodo-language.h"
#include "sodo-resources.h"
#include "sodo-test-gtk.h"

#define REGULATION_ID "report-test"

/* Helpers */

static SodoRegulation *
load_regulation (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"),
                                            "report-regulation.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SodoRegulation *regulation;

  regulation = sodo_regulation_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  return regulation;
}

static SodoComments *
load_test_comments (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SodoComments *comments;

  comments = sodo_comments_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  return comments;
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
controller_idle (gpointer data)
{
  return !sodo_comments_controller_get_busy (data);
}

static void
wait_until (gboolean (*condition) (gpointer),
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* What the store has on disk now. */
static SodoComments *
load_saved (void)
{
  g_autoptr(GFile) file = sodo_comments_store_get_default_file (REGULATION_ID);
  g_autoptr(GError) error = NULL;
  SodoComments *comments;

  comments = sodo_comments_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  return comments;
}

static void
remove_store (void)
{
  g_autoptr(GFile) file = sodo_comments_store_get_default_file (REGULATION_ID);
  g_autoptr(GFile) backup = sodo_comments_store_get_backup_file (file);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GFileEnumerator) children = NULL;

  g_file_delete (file, NULL, NULL);
  g_file_delete (backup, NULL, NULL);
  /* What a damaged file left behind. */
  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  while (children != NULL)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, NULL) || info == NULL)
        break;
      g_file_delete (child, NULL, NULL);
    }
}

static SodoCommentsController *
create_controller (SodoRegulation *regulation)
{
  SodoCommentsController *controller = sodo_comments_controller_new ();

  sodo_comments_controller_set_regulation (controller, regulation);
  g_assert_true (sodo_comments_controller_get_editable (controller));
  return controller;
}

static const SodoComment *
add_comment (SodoCommentsController *controller,
             const char             *target,
             const char             *organization,
             SodoCommentKind         kind,
             const char             *text)
{
  SodoCommentDraft draft = { NULL, (char *) target, kind, NULL, (char *) organization,
                             (char *) text };
  g_autoptr(GError) error = NULL;
  const SodoComment *comment;

  comment = sodo_comments_controller_add (controller, &draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (comment);
  return comment;
}

/* ---- The controller ---- */

static void
test_controller_saves_every_change (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ();
  g_autoptr(SodoCommentsController) controller = NULL;
  g_autoptr(SodoComments) saved = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  SodoCommentDraft edit = { 0 };

  remove_store ();
  controller = create_controller (regulation);

  first_id = g_strdup (add_comment (controller, "art-1", "Thành ủy Hà Nội",
                                    SODO_COMMENT_KIND_PROPOSAL, "Đề nghị bổ sung “cấp tỉnh”.")->id);
  /* Saving runs in a worker: the controller says so until it is done. */
  g_assert_true (sodo_comments_controller_get_busy (controller));
  wait_until (controller_idle, controller);
  saved = load_saved ();
  g_assert_cmpuint (sodo_comments_get_n_comments (saved), ==, 1);
  g_assert_cmpstr (sodo_comments_get_comment (saved, 0)->text, ==, "Đề nghị bổ sung “cấp tỉnh”.");
  g_clear_object (&saved);

  /* Changes made while a save runs are all written, the last state last. */
  second_id = g_strdup (add_comment (controller, "art-3", NULL, SODO_COMMENT_KIND_QUESTION,
                                     "Có hiệu lực từ ngày ký?")->id);
  edit.comment_id = first_id;
  edit.target = (char *) "art-1";
  edit.kind = SODO_COMMENT_KIND_COMMENT;
  edit.text = (char *) "Đồng ý, và đề nghị bổ sung “cấp tỉnh”.";
  g_assert_true (sodo_comments_controller_edit (controller, &edit, NULL));
  g_assert_true (sodo_comments_controller_set_status (controller, second_id,
                                                      SODO_COMMENT_RESOLVED));
  wait_until (controller_idle, controller);
  saved = load_saved ();
  g_assert_cmpuint (sodo_comments_get_n_comments (saved), ==, 2);
  g_assert_cmpstr (sodo_comments_find (saved, first_id)->text, ==,
                   "Đồng ý, và đề nghị bổ sung “cấp tỉnh”.");
  g_assert_cmpint (sodo_comments_find (saved, first_id)->kind, ==, SODO_COMMENT_KIND_COMMENT);
  g_assert_cmpint (sodo_comments_find (saved, second_id)->status, ==, SODO_COMMENT_RESOLVED);
  g_clear_object (&saved);

  /* A change made to the comments directly is saved too. */
  sodo_comments_set_status (sodo_comments_controller_get_comments (controller), first_id,
                            SODO_COMMENT_ACCEPTED);
  wait_until (controller_idle, controller);
  saved = load_saved ();
  g_assert_cmpint (sodo_comments_find (saved, first_id)->status, ==, SODO_COMMENT_ACCEPTED);

  /* An empty comment is refused, and nothing is saved for it. */
  {
    SodoCommentDraft empty = { NULL, (char *) "art-2", SODO_COMMENT_KIND_COMMENT, NULL, NULL,
                               (char *) "" };
    g_autoptr(GError) error = NULL;

    g_assert_null (sodo_comments_controller_add (controller, &empty, &error));
    g_assert_error (error, SODO_ERROR, SODO_ERROR_MISSING);
    g_assert_false (sodo_comments_controller_get_busy (controller));
  }
}

static void
on_undoable_cb (SodoCommentsController *controller,
                guint                   undo_id,
                const char             *description,
                guint                  *out_undo_id)
{
  g_assert_cmpstr (description, ==, "Comment deleted");
  *out_undo_id = undo_id;
}

static void
test_controller_undo (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ();
  g_autoptr(SodoCommentsController) controller = NULL;
  g_autoptr(SodoComments) saved = NULL;
  g_autofree char *middle_id = NULL;
  SodoComments *comments;
  guint signalled = 0;
  guint undo_id;

  remove_store ();
  controller = create_controller (regulation);
  comments = sodo_comments_controller_get_comments (controller);
  add_comment (controller, "art-1", NULL, SODO_COMMENT_KIND_COMMENT, "Một");
  middle_id = g_strdup (add_comment (controller, "art-2", NULL, SODO_COMMENT_KIND_COMMENT,
                                     "Hai")->id);
  add_comment (controller, "art-3", NULL, SODO_COMMENT_KIND_COMMENT, "Ba");
  g_signal_connect (controller, "undoable", G_CALLBACK (on_undoable_cb), &signalled);

  undo_id = sodo_comments_controller_delete (controller, middle_id);
  g_assert_cmpuint (undo_id, !=, 0);
  g_assert_cmpuint (signalled, ==, undo_id);
  g_assert_cmpuint (sodo_comments_get_n_comments (comments), ==, 2);
  g_assert_null (sodo_comments_find (comments, middle_id));
  wait_until (controller_idle, controller);
  saved = load_saved ();
  g_assert_null (sodo_comments_find (saved, middle_id));
  g_clear_object (&saved);

  /* Undo puts it back where it was, and that is saved too. */
  g_assert_true (sodo_comments_controller_undo (controller, undo_id));
  g_assert_cmpuint (sodo_comments_get_index (comments, middle_id), ==, 1);
  g_assert_cmpstr (sodo_comments_get_comment (comments, 1)->text, ==, "Hai");
  g_assert_false (sodo_comments_controller_undo (controller, undo_id));
  wait_until (controller_idle, controller);
  saved = load_saved ();
  g_assert_cmpuint (sodo_comments_get_index (saved, middle_id), ==, 1);

  /* A status change is undone to the status before. */
  g_assert_true (sodo_comments_controller_set_status (controller, middle_id,
                                                      SODO_COMMENT_DECLINED));
  g_assert_false (sodo_comments_controller_set_status (controller, middle_id,
                                                       SODO_COMMENT_DECLINED));
  g_assert_cmpuint (sodo_comments_controller_delete (controller, "no-such-comment"), ==, 0);
  /* Changes are numbered in turn: the status change came right after the delete. */
  g_assert_true (sodo_comments_controller_undo (controller, undo_id + 1));
  g_assert_cmpint (sodo_comments_find (comments, middle_id)->status, ==, SODO_COMMENT_OPEN);
  wait_until (controller_idle, controller);
}

static void
test_controller_counts_and_orphans (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ();
  g_autoptr(SodoCommentsController) controller = NULL;
  g_autoptr(SodoComments) incoming = load_test_comments ("report-comments.json");
  g_autoptr(SodoComments) other = load_test_comments ("report-comments-other.json");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GArray) orphans = NULL;
  guint article = sodo_regulation_find_node (regulation, "art-1");
  guint chapter = sodo_regulation_find_node (regulation, "ch-1");
  guint n_added = 0;
  guint n_skipped = 0;

  remove_store ();
  controller = create_controller (regulation);
  g_assert_true (sodo_comments_controller_merge (controller, incoming, &n_added, &n_skipped,
                                                 NULL, NULL));
  g_assert_cmpuint (n_added, ==, 7);
  g_assert_cmpuint (sodo_comments_controller_count_on_node (controller, article), ==, 2);
  g_assert_cmpuint (sodo_comments_controller_count_in_node (controller, article), ==, 4);
  g_assert_cmpuint (sodo_comments_controller_count_in_node (controller, chapter), ==, 5);
  orphans = sodo_comments_controller_get_orphans (controller);
  g_assert_cmpuint (orphans->len, ==, 1);

  /* The other province: one already here, one that differs (both kept), one new. */
  g_assert_true (sodo_comments_controller_merge (controller, other, &n_added, &n_skipped,
                                                 &conflicts, NULL));
  g_assert_cmpuint (n_added, ==, 2);
  g_assert_cmpuint (n_skipped, ==, 1);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpuint (sodo_comments_get_n_comments (sodo_comments_controller_get_comments (controller)),
                    ==, 9);
  wait_until (controller_idle, controller);
  {
    g_autoptr(SodoComments) saved = load_saved ();

    g_assert_cmpuint (sodo_comments_get_n_comments (saved), ==, 9);
  }
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (G_FILE (data), NULL);
}

static void
test_controller_draft (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ();
  g_autoptr(SodoCommentsController) controller = NULL;
  g_autoptr(GFile) draft_file = NULL;
  const SodoCommentDraft *recovered;
  SodoCommentDraft draft = { NULL, (char *) "art-1.2.a", SODO_COMMENT_KIND_PROPOSAL,
                             (char *) "Nguyễn Văn An", (char *) "Tỉnh ủy Nghệ An",
                             (char *) "Đề nghị viết lại điểm này" };

  remove_store ();
  controller = create_controller (regulation);
  draft_file = g_object_ref (sodo_comments_controller_get_draft_file (controller));
  g_file_delete (draft_file, NULL, NULL);

  /* Kept a moment after the last keystroke. */
  sodo_comments_controller_set_draft (controller, &draft);
  g_assert_false (g_file_query_exists (draft_file, NULL));
  wait_until (file_exists, draft_file);

  /* A crash now: the next start offers it back. The draft outlives the controller. */
  draft.text = (char *) "Đề nghị viết lại điểm này cho rõ";
  sodo_comments_controller_set_draft (controller, &draft);
  g_clear_object (&controller);
  controller = create_controller (regulation);
  recovered = sodo_comments_controller_get_recovered_draft (controller);
  g_assert_nonnull (recovered);
  g_assert_null (recovered->comment_id);
  g_assert_cmpstr (recovered->target, ==, "art-1.2.a");
  g_assert_cmpint (recovered->kind, ==, SODO_COMMENT_KIND_PROPOSAL);
  g_assert_cmpstr (recovered->organization, ==, "Tỉnh ủy Nghệ An");
  g_assert_cmpstr (recovered->text, ==, "Đề nghị viết lại điểm này cho rõ");

  /* Discarded: it is gone from disk too. */
  sodo_comments_controller_forget_recovered_draft (controller);
  g_assert_null (sodo_comments_controller_get_recovered_draft (controller));
  g_assert_false (g_file_query_exists (draft_file, NULL));
}

static void
write_file (GFile      *file,
            const char *contents)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GError) error = NULL;

  g_file_make_directory_with_parents (folder, NULL, NULL);
  g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
test_controller_damaged_file (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ();
  g_autoptr(SodoCommentsController) controller = NULL;
  g_autoptr(GFile) file = sodo_comments_store_get_default_file (REGULATION_ID);
  g_autoptr(GFile) backup = sodo_comments_store_get_backup_file (file);
  g_autoptr(GFile) kept_backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  SodoCommentsController *second;
  const char *problem;

  remove_store ();
  write_file (file, "{ \"format\": \"sodo-comments\", \"version\": 1, \"regul");
  write_file (backup,
              "{\"format\": \"sodo-comments\", \"version\": 1, \"regulation\": \"report-test\","
              " \"comments\": [{\"id\": \"c-old\", \"target\": \"art-2\", \"kind\": \"comment\","
              " \"created\": \"2023-11-01T08:00:00+07:00\", \"text\": \"Ý kiến cũ\"}]}");

  controller = sodo_comments_controller_new ();
  sodo_comments_controller_set_regulation (controller, regulation);

  /* Said plainly, with the path; the backup offered; new comments can still be written. */
  problem = sodo_comments_controller_get_problem (controller);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, path));
  g_assert_nonnull (strstr (problem, ".damaged-"));
  g_assert_true (sodo_comments_controller_get_editable (controller));
  kept_backup = g_object_ref (sodo_comments_controller_get_backup_file (controller));
  g_assert_nonnull (kept_backup);
  g_assert_true (g_file_query_exists (kept_backup, NULL));

  /* Two saves, each keeping the previous file as "~": the backup offered is not touched. */
  add_comment (controller, "art-1", NULL, SODO_COMMENT_KIND_COMMENT, "Mới một");
  wait_until (controller_idle, controller);
  add_comment (controller, "art-1", NULL, SODO_COMMENT_KIND_COMMENT, "Mới hai");
  wait_until (controller_idle, controller);
  g_assert_true (g_file_query_exists (kept_backup, NULL));

  g_assert_true (sodo_comments_controller_restore_backup (controller, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (sodo_comments_controller_get_problem (controller));
  g_assert_null (sodo_comments_controller_get_backup_file (controller));
  g_assert_nonnull (sodo_comments_find (sodo_comments_controller_get_comments (controller),
                                        "c-old"));
  wait_until (controller_idle, controller);
  {
    g_autoptr(SodoComments) saved = load_saved ();

    g_assert_cmpuint (sodo_comments_get_n_comments (saved), ==, 3);
  }

  /* A second window on the same regulation shares the same comments. */
  second = create_controller (regulation);
  g_assert_true (sodo_comments_controller_get_comments (second)
                 == sodo_comments_controller_get_comments (controller));
  g_object_unref (second);
}

static void
test_controller_unreadable_file (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ();
  g_autoptr(SodoCommentsController) controller = NULL;
  g_autoptr(GFile) file = sodo_comments_store_get_default_file (REGULATION_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  const char *newer = "{\"format\": \"sodo-comments\", \"version\": 99, \"regulation\": "
                      "\"report-test\", \"comments\": []}";
  SodoCommentDraft draft = { NULL, (char *) "art-1", SODO_COMMENT_KIND_COMMENT, NULL, NULL,
                             (char *) "Không lưu được" };

  remove_store ();
  write_file (file, newer);
  controller = sodo_comments_controller_new ();
  sodo_comments_controller_set_regulation (controller, regulation);

  /* Made by a newer Sodo: left alone, and nothing is saved over it. */
  g_assert_false (sodo_comments_controller_get_editable (controller));
  g_assert_nonnull (sodo_comments_controller_get_problem (controller));
  g_assert_null (sodo_comments_controller_add (controller, &draft, &error));
  g_assert_nonnull (error);
  g_clear_object (&controller);
  g_assert_true (g_file_load_contents (file, NULL, &after, NULL, NULL, NULL));
  g_assert_cmpstr (after, ==, newer);
}

/* ---- The pane ---- */

typedef struct {
  GtkWindow              *window;
  AdwToastOverlay        *overlay;
  SodoDocumentPane       *pane;
  SodoRegulation         *regulation;
  SodoCommentsController *controller;
  SodoCommentsPanel      *panel;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  remove_store ();
  sodo_language_set ("en");
  fixture->regulation = load_regulation ();
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 700);
  fixture->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  fixture->pane = SODO_DOCUMENT_PANE (sodo_document_pane_new ());
  adw_toast_overlay_set_child (fixture->overlay, GTK_WIDGET (fixture->pane));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->overlay));
  sodo_document_pane_set_regulation (fixture->pane, fixture->regulation);
  fixture->controller = sodo_document_pane_get_comments_controller (fixture->pane);
  fixture->panel = _sodo_document_pane_get_comments_panel (fixture->pane);
  gtk_window_present (fixture->window);
  wait_ms (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->pane), (gpointer *) &fixture->pane);
  gtk_window_destroy (fixture->window);
  g_assert_null (fixture->pane);
  g_clear_object (&fixture->regulation);
}

static guint
find_node (Fixture    *fixture,
           const char *id)
{
  guint node = sodo_regulation_find_node (fixture->regulation, id);

  g_assert_cmpuint (node, !=, SODO_NO_INDEX);
  return node;
}

/* The count the contents show after the heading @text ("" when none shows). */
static const char *
toc_count (GtkWidget  *widget,
           const char *heading)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), heading) == 0)
        {
          GtkWidget *count = gtk_widget_get_next_sibling (child);

          g_assert_true (gtk_widget_has_css_class (count, "sodo-toc-count"));
          return gtk_widget_get_visible (count) ? gtk_label_get_text (GTK_LABEL (count)) : "";
        }
      found = toc_count (child, heading);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
write_in_editor (Fixture    *fixture,
                 const char *text)
{
  SodoCommentEditor *editor = _sodo_comments_panel_get_editor (fixture->panel);
  g_autoptr(GError) error = NULL;

  g_assert_true (sodo_comment_editor_get_active (editor));
  gtk_text_buffer_set_text (_sodo_comment_editor_get_buffer (editor), text, -1);
  g_assert_true (sodo_comment_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_false (sodo_comment_editor_get_active (editor));
}

static void
test_pane_add_marker_filter_undo (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  SodoCommentsGutter *gutter = _sodo_document_pane_get_comments_gutter (fixture->pane);
  GtkWidget *toc = GTK_WIDGET (_sodo_document_pane_get_toc (fixture->pane));
  guint article = find_node (fixture, "art-1");
  guint point = find_node (fixture, "art-1.2.a");
  g_autofree char *id = NULL;
  AdwToast *toast;

  g_assert_cmpuint (sodo_comments_gutter_get_count (gutter, article), ==, 0);
  g_assert_cmpstr (toc_count (toc, "Article 1. Scope"), ==, "");
  g_assert_false (_sodo_document_pane_get_comments_revealed (fixture->pane));

  /* "Comment on …" opens the panel with the editor, with the author from Preferences. */
  sodo_document_pane_add_comment (fixture->pane, article);
  g_assert_true (_sodo_document_pane_get_comments_revealed (fixture->pane));
  write_in_editor (fixture, "Đề nghị bổ sung cụm từ “cấp tỉnh”.");
  wait_ms (50);

  g_assert_cmpuint (sodo_comments_panel_get_n_shown (fixture->panel), ==, 1);
  id = g_strdup (sodo_comments_panel_get_shown_id (fixture->panel, 0));
  g_assert_cmpstr (sodo_comments_find (sodo_comments_controller_get_comments (fixture->controller),
                                       id)->organization, ==, "Tỉnh ủy Thử");
  g_assert_cmpuint (sodo_comments_gutter_get_count (gutter, article), ==, 1);
  g_assert_cmpstr (toc_count (toc, "Article 1. Scope"), ==, "1");
  g_assert_cmpstr (toc_count (toc, "Chapter I. General provisions"), ==, "1");

  /* A second one on a point of the same article: the marker is on the point, the contents
   * count it in the article. */
  sodo_document_pane_add_comment (fixture->pane, point);
  write_in_editor (fixture, "Điểm a chưa rõ.");
  wait_ms (50);
  g_assert_cmpuint (sodo_comments_gutter_get_count (gutter, point), ==, 1);
  g_assert_cmpuint (sodo_comments_gutter_get_count (gutter, article), ==, 1);
  g_assert_cmpstr (toc_count (toc, "Article 1. Scope"), ==, "2");
  add_comment (fixture->controller, "art-3", "Tỉnh ủy Quảng Ninh", SODO_COMMENT_KIND_QUESTION,
               "Có hiệu lực từ khi nào?");
  wait_ms (50);
  g_assert_cmpstr (toc_count (toc, "Article 3. Entry into force"), ==, "1");
  g_assert_cmpuint (sodo_comments_panel_get_n_shown (fixture->panel), ==, 3);

  /* Filters, built from the comments there are. */
  sodo_comments_panel_filter_kind (fixture->panel, SODO_COMMENT_KIND_QUESTION);
  g_assert_cmpuint (sodo_comments_panel_get_n_shown (fixture->panel), ==, 1);
  sodo_comments_panel_filter_kind (fixture->panel, SODO_COMMENTS_PANEL_ALL);
  g_assert_true (sodo_comments_panel_filter_organization (fixture->panel, "Tỉnh ủy Thử"));
  g_assert_cmpuint (sodo_comments_panel_get_n_shown (fixture->panel), ==, 2);
  g_assert_false (sodo_comments_panel_filter_organization (fixture->panel, "Thành ủy Huế"));
  g_assert_true (sodo_comments_panel_filter_organization (fixture->panel, NULL));
  sodo_comments_panel_filter_status (fixture->panel, SODO_COMMENT_RESOLVED);
  g_assert_cmpuint (sodo_comments_panel_get_n_shown (fixture->panel), ==, 0);
  sodo_comments_panel_filter_status (fixture->panel, SODO_COMMENTS_PANEL_ALL);

  /* A marker shows its node's comments: here, the article and its point. */
  sodo_document_pane_show_comments (fixture->pane, article);
  g_assert_cmpuint (sodo_comments_panel_get_n_shown (fixture->panel), ==, 2);
  sodo_comments_panel_show_node (fixture->panel, SODO_NO_INDEX);
  g_assert_cmpuint (sodo_comments_panel_get_n_shown (fixture->panel), ==, 3);

  /* Delete from the panel's menu; the toast's Undo puts it back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "comments.delete", "s", id);
  g_assert_null (sodo_comments_find (sodo_comments_controller_get_comments (fixture->controller),
                                     id));
  g_assert_cmpuint (sodo_comments_panel_get_n_shown (fixture->panel), ==, 2);
  g_assert_cmpuint (sodo_comments_gutter_get_count (gutter, article), ==, 0);
  wait_ms (50);
  g_assert_cmpstr (toc_count (toc, "Article 1. Scope"), ==, "1");
  toast = ADW_TOAST (_sodo_comments_panel_get_last_toast (fixture->panel));
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Comment deleted");
  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_nonnull (sodo_comments_find (sodo_comments_controller_get_comments (fixture->controller),
                                        id));
  g_assert_cmpuint (sodo_comments_panel_get_n_shown (fixture->panel), ==, 3);
  g_assert_cmpuint (sodo_comments_gutter_get_count (gutter, article), ==, 1);
  wait_ms (50);
  g_assert_cmpstr (toc_count (toc, "Article 1. Scope"), ==, "2");

  /* Status from the row's menu. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "comments.set-status", "(ss)", id,
                              "accepted");
  g_assert_cmpint (sodo_comments_find (sodo_comments_controller_get_comments (fixture->controller),
                                       id)->status, ==, SODO_COMMENT_ACCEPTED);
  wait_until (controller_idle, fixture->controller);
  {
    g_autoptr(SodoComments) saved = load_saved ();

    g_assert_cmpuint (sodo_comments_get_n_comments (saved), ==, 3);
    g_assert_cmpint (sodo_comments_find (saved, id)->status, ==, SODO_COMMENT_ACCEPTED);
  }
}

static void
test_pane_orphans_and_draft (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(SodoComments) incoming = load_test_comments ("report-comments.json");
  SodoCommentEditor *editor = _sodo_comments_panel_get_editor (fixture->panel);
  g_autoptr(SodoCommentDraft) draft = NULL;

  g_assert_true (sodo_comments_controller_merge (fixture->controller, incoming, NULL, NULL, NULL,
                                                 NULL));
  /* The comment on a removed article is listed apart, not lost. */
  g_assert_cmpuint (_sodo_comments_panel_get_n_orphans (fixture->panel), ==, 1);
  g_assert_cmpuint (sodo_comments_panel_get_n_shown (fixture->panel), ==, 6);

  /* Editing a comment writes its draft through the controller. */
  sodo_comments_panel_start_edit (fixture->panel, "c-2");
  g_assert_true (sodo_comment_editor_get_active (editor));
  g_assert_cmpstr (sodo_comment_editor_get_comment_id (editor), ==, "c-2");
  gtk_text_buffer_set_text (_sodo_comment_editor_get_buffer (editor), "Đồng ý, có sửa.", -1);
  draft = sodo_comment_editor_get_draft (editor);
  g_assert_cmpstr (draft->comment_id, ==, "c-2");
  g_assert_cmpstr (draft->text, ==, "Đồng ý, có sửa.");
  wait_until (file_exists, sodo_comments_controller_get_draft_file (fixture->controller));

  /* Cancelled: the comment stays as it was and the draft goes. */
  sodo_comment_editor_cancel (editor);
  g_assert_cmpstr (sodo_comments_find (sodo_comments_controller_get_comments (fixture->controller),
                                       "c-2")->text, ==, "Đồng ý với phạm vi điều chỉnh.");
  g_assert_false (g_file_query_exists (sodo_comments_controller_get_draft_file (fixture->controller),
                                       NULL));
}

/* ---- The window ---- */

static SodoApplication *test_app;

static void
test_window_merges_opened_comments (void)
{
  g_autoptr(SodoRegulation) regulation = load_regulation ();
  g_autoptr(SodoComments) opened = load_test_comments ("report-comments.json");
  g_autoptr(SodoComments) other_regulation = load_test_comments ("window-comments.json");
  g_autofree char *export_path = g_build_filename (g_get_user_data_dir (), "shared.comments.json",
                                                   NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  SodoWindow *window = g_object_ref (sodo_window_new (test_app));
  SodoCommentsController *controller;
  SodoComments *comments;

  remove_store ();
  gtk_window_present (GTK_WINDOW (window));

  /* A comments file opened before its regulation waits for it. */
  sodo_window_set_comments (window, opened);
  sodo_window_set_regulation (window, regulation);
  controller = sodo_document_pane_get_comments_controller (SODO_DOCUMENT_PANE (sodo_window_get_document_widget (window)));
  comments = sodo_comments_controller_get_comments (controller);
  g_assert_cmpuint (sodo_comments_get_n_comments (comments), ==, 7);

  /* Handed the same set again (a window rebuilt in another language): not merged twice, so
   * a comment deleted since stays deleted. */
  g_assert_cmpuint (sodo_comments_controller_delete (controller, "c-6"), !=, 0);
  sodo_window_set_comments (window, NULL);
  sodo_window_set_comments (window, opened);
  g_assert_cmpuint (sodo_comments_get_n_comments (comments), ==, 6);

  /* Comments about another regulation: said plainly, nothing merged. */
  sodo_window_set_comments (window, other_regulation);
  g_assert_cmpuint (sodo_comments_get_n_comments (comments), ==, 6);
  g_assert_true (_sodo_window_get_banner_revealed (window));
  g_assert_nonnull (strstr (_sodo_window_get_banner_text (window), "test-regulation"));
  g_assert_nonnull (strstr (_sodo_window_get_banner_text (window), REGULATION_ID));

  /* Export writes them all, readable as a comments file of this regulation. */
  g_assert_true (sodo_comments_controller_export (controller, export_file, NULL));
  {
    g_autoptr(SodoComments) exported = NULL;

    exported = sodo_comments_load_file (export_file, NULL, NULL, NULL);
    g_assert_nonnull (exported);
    g_assert_cmpstr (sodo_comments_get_regulation_id (exported), ==, REGULATION_ID);
    g_assert_cmpuint (sodo_comments_get_n_comments (exported), ==, 6);
  }

  /* The menu's "Add a Comment" opens the editor on the passage at the cursor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-comment", NULL));
  g_assert_true (sodo_comment_editor_get_active (_sodo_comments_panel_get_editor (_sodo_document_pane_get_comments_panel (SODO_DOCUMENT_PANE (sodo_window_get_document_widget (window))))));

  wait_until (controller_idle, controller);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  /* Without a display the whole program is skipped; with one, every test gets its own
   * data folder, where the comments store and the drafts are. */
  if (!_sodo_test_env_is_set ("DISPLAY") && !_sodo_test_env_is_set ("WAYLAND_DISPLAY"))
    sodo_test_init_gtk (&argc, &argv);
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  /* The static library's resources are linked in only when something refers to them. */
  g_assert_nonnull (sodo_get_resource ());
  g_test_add_func ("/comments-ui/controller/saves-every-change", test_controller_saves_every_change);
  g_test_add_func ("/comments-ui/controller/undo", test_controller_undo);
  g_test_add_func ("/comments-ui/controller/counts-and-orphans", test_controller_counts_and_orphans);
  g_test_add_func ("/comments-ui/controller/draft", test_controller_draft);
  g_test_add_func ("/comments-ui/controller/damaged-file", test_controller_damaged_file);
  g_test_add_func ("/comments-ui/controller/unreadable-file", test_controller_unreadable_file);

  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_string (settings, "comment-author", "Người Thử");
    g_settings_set_string (settings, "comment-organization", "Tỉnh ủy Thử");
  }
  g_test_add ("/comments-ui/pane/add-marker-filter-undo", Fixture, NULL, fixture_set_up,
              test_pane_add_marker_filter_undo, fixture_tear_down);
  g_test_add ("/comments-ui/pane/orphans-and-draft", Fixture, NULL, fixture_set_up,
              test_pane_orphans_and_draft, fixture_tear_down);

  test_app = g_object_new (SODO_TYPE_APPLICATION,
                           "application-id", APP_ID ".CommentsTest",
                           "flags", G_APPLICATION_NON_UNIQUE,
                           NULL);
  g_assert_true (g_application_register (G_APPLICATION (test_app), NULL, NULL));
  g_test_add_func ("/comments-ui/window/merges-opened-comments",
                   test_window_merges_opened_comments);

  {
    int status = g_test_run ();

    g_object_unref (test_app);
    return status;
  }
}
