/* test-language-switch.c: switching between Vietnamese and English while Sodo runs
 *
 * The program starts as Sodo does (the language set-up before GTK), with the catalogs of the
 * build tree. It switches a window with the sample chart and regulation vi → en → vi and
 * checks, each time, a label from a template, a string from C, a libadwaita string, the data
 * text and its number and date formats, and that the view came through: the same documents,
 * selection, zoom, collapsed units, pane split, reading position, both find bars and the text
 * of an open import dialog; a fitted chart stays fitted, a narrow window narrow on its page,
 * and a comment being written stays in its editor. The preferences switch too. Child
 * processes start Sodo under C, C.UTF-8, en_US.UTF-8 and vi_VN.UTF-8 and switch from there,
 * and run the headless --validate with --language against the system's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "app/sodo-application.h"
#include "app/sodo-language-setup.h"
#include "app/sodo-language-switch.h"
#include "app/sodo-preferences.h"
#include "app/sodo-window-private.h"
#include "chart/sodo-chart-pane.h"
#include "document/sodo-comments-panel.h"
#include "document/sodo-document-pane-private.h"
#include "model/sodo-language.h"
#include "sodo-test-gtk.h"

#define CHILD_ENV "SODO_TEST_LANGUAGE_CHILD"

/* g_settings_get_string() returns a copy: compare it and free it, keeping the caller's line. */
#define assert_setting(settings, key, expected) \
  G_STMT_START { \
    g_autofree char *value_ = g_settings_get_string ((settings), (key)); \
    g_assert_cmpstr (value_, ==, (expected)); \
  } G_STMT_END

static SodoApplication *test_app;

/* ---- Helpers ---- */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The catalogs the build made, in po/LANG/LC_MESSAGES of the build tree. */
static void
bind_build_catalogs (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_autofree char *vi_mo = g_build_filename (dir, "vi", "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                             NULL);

  g_assert_true (g_file_test (vi_mo, G_FILE_TEST_IS_REGULAR));
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

#define wait_until(condition, data) wait_until_real (condition, data, #condition)

static void
wait_until_real (gboolean  (*condition) (gpointer),
                 gpointer    data,
                 const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("still waiting for %s after 20 s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static SodoWindow *
find_sodo_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (test_app)); l; l = l->next)
    if (SODO_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* A label under @root (shown or not) whose text satisfies @match. */
static GtkLabel *
find_label (GtkWidget  *root,
            gboolean  (*match) (const char *text, const char *wanted),
            const char *wanted)
{
  if (GTK_IS_LABEL (root) && match (gtk_label_get_text (GTK_LABEL (root)), wanted))
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, match, wanted);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
text_equals (const char *text,
             const char *wanted)
{
  return g_strcmp0 (text, wanted) == 0;
}

static gboolean
text_contains (const char *text,
               const char *wanted)
{
  return text != NULL && strstr (text, wanted) != NULL;
}

static void
assert_shows (SodoWindow *window,
              const char *text)
{
  if (find_label (GTK_WIDGET (window), text_equals, text) == NULL)
    g_error ("no label of the window reads “%s”", text);
}

static void
assert_shows_part (SodoWindow *window,
                   const char *text)
{
  if (find_label (GTK_WIDGET (window), text_contains, text) == NULL)
    g_error ("no label of the window contains “%s”", text);
}

typedef struct {
  gboolean  done;
  GError   *error;
} OpenResult;

static void
on_opened_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  OpenResult *open_result = user_data;

  sodo_window_open_file_finish (SODO_WINDOW (source), result, &open_result->error);
  open_result->done = TRUE;
}

static gboolean
open_result_done (gpointer data)
{
  return ((OpenResult *) data)->done;
}

static void
open_samples (SodoWindow *window)
{
  const char *const *uris = sodo_application_get_sample_uris ();

  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      OpenResult result = { 0 };

      sodo_window_open_file_async (window, file, NULL, on_opened_cb, &result);
      wait_until (open_result_done, &result);
      g_assert_no_error (result.error);
    }
}

static SodoChartPane *
chart_pane (SodoWindow *window)
{
  return SODO_CHART_PANE (sodo_window_get_chart_widget (window));
}

static SodoDocumentPane *
document_pane (SodoWindow *window)
{
  return SODO_DOCUMENT_PANE (sodo_window_get_document_widget (window));
}

/* Shown, with its chart laid out where it is in sight (a narrow window may show the
 * regulation instead). */
static gboolean
window_ready (gpointer data)
{
  SodoWindow *window = data;
  SodoChartView *view = sodo_chart_pane_get_view (chart_pane (window));
  gboolean chart_shown = !sodo_window_get_narrow (window)
                         || g_strcmp0 (adw_view_stack_get_visible_child_name (window->view_stack),
                                       "chart") == 0;

  return gtk_widget_get_mapped (GTK_WIDGET (window))
         && sodo_chart_view_get_scene (view) != NULL
         && (!chart_shown || gtk_widget_get_width (GTK_WIDGET (view)) > 0);
}

static SodoImportDialog *
find_import_dialog (SodoWindow *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (SODO_IS_IMPORT_DIALOG (l->data)
        && gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      return l->data;

  return NULL;
}

static SodoPreferences *
find_preferences (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (SODO_IS_PREFERENCES (l->data))
      return l->data;

  return NULL;
}

/* ---- What a switch must keep ---- */

typedef struct {
  SodoOrgchart       *orgchart;
  SodoRegulation     *regulation;
  SodoChartViewState *view;
  int                 pane_position;
  int                 width;
  int                 height;
  char               *chart_search;
  char               *document_search;
  char               *top_node;
  char               *import_text;
} Snapshot;

static void
snapshot_take (Snapshot   *snapshot,
               SodoWindow *window)
{
  SodoImportDialog *dialog = find_import_dialog (window);

  snapshot->orgchart = sodo_window_get_orgchart (window);
  snapshot->regulation = sodo_window_get_regulation (window);
  snapshot->view = sodo_chart_pane_get_view_state (chart_pane (window));
  snapshot->pane_position = gtk_paned_get_position (window->paned);
  gtk_window_get_default_size (GTK_WINDOW (window), &snapshot->width, &snapshot->height);
  snapshot->chart_search = g_strdup (sodo_chart_pane_get_search_query (chart_pane (window)));
  snapshot->document_search =
    g_strdup (sodo_document_pane_get_search_text (document_pane (window)));
  snapshot->top_node = g_strdup (sodo_document_pane_get_top_node_id (document_pane (window)));
  snapshot->import_text = dialog != NULL ? sodo_import_dialog_dup_text (dialog) : NULL;
}

/* Where the chart is: cards change size with the language, so the view keeps its place
 * relative to the card that was in the middle, within the limits of the new layout. That is
 * what giving @window's chart the old state again gives: nothing moves. */
static void
assert_chart_position_restored (SodoWindow               *window,
                                const SodoChartViewState *before)
{
  SodoChartPane *pane = chart_pane (window);
  g_autoptr(SodoChartViewState) shown = sodo_chart_pane_get_view_state (pane);
  g_autoptr(SodoChartViewState) again = NULL;

  sodo_chart_pane_set_view_state (pane, before);
  again = sodo_chart_pane_get_view_state (pane);
  g_assert_cmpfloat_with_epsilon (shown->zoom, again->zoom, 1e-9);
  g_assert_cmpfloat_with_epsilon (shown->center_x, again->center_x, 0.5);
  g_assert_cmpfloat_with_epsilon (shown->center_y, again->center_y, 0.5);
}

static void
snapshot_clear (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->view, sodo_chart_view_state_free);
  g_clear_pointer (&snapshot->chart_search, g_free);
  g_clear_pointer (&snapshot->document_search, g_free);
  g_clear_pointer (&snapshot->top_node, g_free);
  g_clear_pointer (&snapshot->import_text, g_free);
}

static void
assert_same_view (const Snapshot *before,
                  const Snapshot *after)
{
  /* The very objects: a switch never reloads a file. */
  g_assert_true (after->orgchart == before->orgchart);
  g_assert_true (after->regulation == before->regulation);

  g_assert_cmpfloat_with_epsilon (after->view->zoom, before->view->zoom, 1e-9);
  g_assert_cmpstr (after->view->selected_id, ==, before->view->selected_id);
  g_assert_true (g_strv_equal ((const char *const *) after->view->collapsed_ids,
                               (const char *const *) before->view->collapsed_ids));

  g_assert_cmpint (after->pane_position, ==, before->pane_position);
  g_assert_cmpint (after->width, ==, before->width);
  g_assert_cmpint (after->height, ==, before->height);
  g_assert_cmpstr (after->chart_search, ==, before->chart_search);
  g_assert_cmpstr (after->document_search, ==, before->document_search);
  g_assert_cmpstr (after->top_node, ==, before->top_node);
  g_assert_cmpstr (after->import_text, ==, before->import_text);
}

/* ---- What each language shows ---- */

typedef struct {
  const char *lang;
  const char *chart_page;      /* sodo-window.ui */
  const char *figures;         /* sodo-chart-details.ui */
  const char *adw_preferences; /* libadwaita's catalog */
  const char *root_name;       /* the sample chart's data */
  const char *governed;        /* C, with the unit's name from the data */
  const char *members;         /* a figure of the root unit, in the language's digits */
  const char *draft_date;      /* the regulation's date in the document pane */
} Expected;

static const Expected english = {
  "en", "Chart", "Figures", "Preferences", "Hanoi Party Committee",
  "1 article governs “Hanoi Party Committee”:", "475,000", "27 Oct 2023",
};

static const Expected vietnamese = {
  "vi", "Sơ đồ", "Số liệu", "Tùy chọn", "Thành ủy Hà Nội",
  "1 điều quy định về “Thành ủy Hà Nội”:", "475.000", "27/10/2023",
};

static void
assert_language (SodoWindow     *window,
                 const Expected *expected)
{
  AdwViewStackPage *page = adw_view_stack_get_page (window->view_stack,
                                                    GTK_WIDGET (window->narrow_chart_holder));

  g_assert_cmpstr (sodo_language_get (), ==, expected->lang);
  g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, expected->chart_page);
  assert_shows (window, expected->figures);
  g_assert_cmpstr (g_dgettext ("libadwaita", "Preferences"), ==, expected->adw_preferences);
  assert_shows (window, expected->root_name);
  assert_shows (window, expected->governed);
  assert_shows_part (window, expected->members);
  assert_shows_part (window, expected->draft_date);
}

/* ---- The live switch ---- */

static gboolean
object_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* A window lays its text out over its first frames, and a jump settles after its scroll:
 * waits until the node at the top of the reading view (@wanted, or any) has stayed there
 * for two seconds, and returns it. */
static char *
wait_for_reading_position (SodoWindow *window,
                           const char *wanted)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  g_autofree char *top = NULL;
  gint64 held_since = 0;

  while (held_since == 0 || g_get_monotonic_time () - held_since < 2 * G_USEC_PER_SEC)
    {
      const char *now = sodo_document_pane_get_top_node_id (document_pane (window));
      gboolean changed = held_since == 0 || g_strcmp0 (now, top) != 0;
      gboolean right = wanted == NULL || g_strcmp0 (now, wanted) == 0;

      if (g_get_monotonic_time () > deadline)
        g_error ("the reading position did not settle on %s (it is at %s)",
                 wanted != NULL ? wanted : "a node", now);
      if (changed)
        {
          g_free (top);
          top = g_strdup (now);
          held_since = right ? g_get_monotonic_time () : 0;
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return g_steal_pointer (&top);
}

/* Switches through the "language" action, as the menu and the preferences do, and returns
 * the window that replaced @window, shown and laid out. */
static SodoWindow *
switch_language (SodoWindow *window,
                 const char *preference,
                 const char *top_node)
{
  g_autofree char *top = NULL;
  SodoWindow *rebuilt;
  gpointer old = window;

  g_object_add_weak_pointer (G_OBJECT (window), &old);
  g_action_group_activate_action (G_ACTION_GROUP (test_app), "language",
                                  g_variant_new_string (preference));
  /* The switch waits for an idle: the menu that asked goes with its window. */
  g_assert_true (find_sodo_window () == window);
  wait_until (object_gone, &old);

  rebuilt = find_sodo_window ();
  g_assert_nonnull (rebuilt);
  wait_until (window_ready, rebuilt);
  top = wait_for_reading_position (rebuilt, top_node);

  return rebuilt;
}

static void
test_switch_keeps_view (void)
{
  SodoWindow *window = sodo_window_new (test_app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SodoChartView *view;
  SodoImportDialog *dialog;
  g_autoptr(GVariant) state = NULL;
  const Expected *sequence[] = { &vietnamese, &english, &vietnamese };
  Snapshot before = { 0 };

  g_assert_cmpstr (sodo_language_get (), ==, "en");
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  open_samples (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (window_ready, window);

  /* A view to carry over: a split, a zoom, a selection, a collapsed branch, both find bars,
   * a reading position and pasted text in the import dialog. */
  gtk_paned_set_position (window->paned, 700);
  view = sodo_chart_pane_get_view (chart_pane (window));
  sodo_chart_view_select_unit (view, sodo_orgchart_find_unit (sodo_window_get_orgchart (window),
                                                              "thanh-uy"), FALSE);
  sodo_chart_view_set_zoom (view, 0.8);
  sodo_chart_view_set_collapsed (view, sodo_orgchart_find_unit (sodo_window_get_orgchart (window),
                                                                "tham-muu"), TRUE);
  sodo_chart_pane_set_search_query (chart_pane (window), "ban thuong vu");
  sodo_document_pane_set_search_text (document_pane (window), "dang doan");
  g_assert_true (sodo_document_pane_show_node (document_pane (window), "art-5"));
  dialog = _sodo_window_show_import_dialog (window);
  sodo_import_dialog_set_text (dialog, "Điều 1. Phạm vi điều chỉnh\nQuy định này…", NULL);
  g_free (wait_for_reading_position (window, NULL));
  assert_language (window, &english);

  snapshot_take (&before, window);
  g_assert_cmpstr (before.view->selected_id, ==, "thanh-uy");
  g_assert_cmpfloat_with_epsilon (before.view->zoom, 0.8, 1e-9);
  g_assert_true (g_strv_contains ((const char *const *) before.view->collapsed_ids, "tham-muu"));
  g_assert_nonnull (before.view->anchor_id);
  g_assert_cmpint (before.pane_position, ==, 700);
  /* Article 5, or the heading of its chapter just above it. */
  g_assert_true (g_strcmp0 (before.top_node, "art-5") == 0
                 || g_strcmp0 (before.top_node, "ch-3") == 0);

  for (guint i = 0; i < G_N_ELEMENTS (sequence); i++)
    {
      Snapshot after = { 0 };

      window = switch_language (window, sequence[i]->lang, before.top_node);
      assert_language (window, sequence[i]);
      snapshot_take (&after, window);
      assert_same_view (&before, &after);
      assert_chart_position_restored (window, before.view);
      snapshot_clear (&after);

      /* Saved for the next start, and shown as the choice. */
      assert_setting (settings, "ui-language", sequence[i]->lang);
      state = g_action_group_get_action_state (G_ACTION_GROUP (test_app), "language");
      g_assert_cmpstr (g_variant_get_string (state, NULL), ==, sequence[i]->lang);
      g_clear_pointer (&state, g_variant_unref);
    }

  /* "System" is the language the process started with, not the one last set. */
  window = switch_language (window, "", before.top_node);
  assert_language (window, &english);
  assert_setting (settings, "ui-language", "");

  /* Choosing the language already shown rebuilds nothing. */
  g_assert_false (sodo_language_switch (GTK_APPLICATION (test_app), "en"));
  g_assert_true (find_sodo_window () == window);

  snapshot_clear (&before);
  g_settings_reset (settings, "ui-language");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A chart shown whole stays whole: its cards change size with the language, so it is
 * fitted again rather than put back where it was. */
static void
test_switch_keeps_fit (void)
{
  SodoWindow *window = sodo_window_new (test_app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SodoChartViewState) state = NULL;
  SodoLayoutRect bounds;
  SodoChartView *view;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  open_samples (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (window_ready, window);
  state = sodo_chart_pane_get_view_state (chart_pane (window));
  g_assert_true (state->fitted);
  g_clear_pointer (&state, sodo_chart_view_state_free);

  window = switch_language (window, "vi", NULL);
  view = sodo_chart_pane_get_view (chart_pane (window));
  state = sodo_chart_view_get_view_state (view);
  sodo_chart_scene_get_bounds (sodo_chart_view_get_scene (view), &bounds);
  g_assert_true (state->fitted);
  g_assert_cmpfloat_with_epsilon (state->center_x, bounds.width / 2, 0.5);
  g_assert_cmpfloat_with_epsilon (state->center_y, bounds.height / 2, 0.5);

  window = switch_language (window, "", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "ui-language");
}

static gboolean
window_narrow (gpointer data)
{
  return sodo_window_get_narrow (SODO_WINDOW (data));
}

/* On a narrow window the page shown (chart or regulation) stays the one shown. */
static void
test_switch_keeps_narrow_page (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SodoWindow *window;

  /* Saved narrow, so that the window starts narrow; the rebuilt one must not rely on it. */
  g_settings_set_int (settings, "window-width", 640);
  window = sodo_window_new (test_app);
  g_settings_reset (settings, "window-width");
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 700);
  open_samples (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (window_narrow, window);
  adw_view_stack_set_visible_child_name (window->view_stack, "document");

  window = switch_language (window, "vi", NULL);
  wait_until (window_narrow, window);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "document");

  window = switch_language (window, "", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "ui-language");
}

static gboolean
editor_active (gpointer data)
{
  return sodo_comment_editor_get_active (SODO_COMMENT_EDITOR (data));
}

/* A comment being written goes on being written, not offered back as after a crash. */
static void
test_switch_keeps_comment (void)
{
  const char *text = "Đề nghị bổ sung: “Ban Thường vụ quyết định”.";
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SodoWindow *window = sodo_window_new (test_app);
  g_autoptr(SodoCommentDraft) draft = NULL;
  SodoCommentsPanel *panel;
  SodoCommentEditor *editor;
  guint node;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  open_samples (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (window_ready, window);

  node = sodo_regulation_find_node (sodo_window_get_regulation (window), "art-3");
  sodo_document_pane_add_comment (document_pane (window), node);
  editor = _sodo_comments_panel_get_editor (_sodo_document_pane_get_comments_panel (
    document_pane (window)));
  g_assert_true (sodo_comment_editor_get_active (editor));
  gtk_text_buffer_set_text (_sodo_comment_editor_get_buffer (editor), text, -1);

  window = switch_language (window, "vi", NULL);
  panel = _sodo_document_pane_get_comments_panel (document_pane (window));
  editor = _sodo_comments_panel_get_editor (panel);
  wait_until (editor_active, editor);
  draft = sodo_comment_editor_get_draft (editor);
  g_assert_cmpstr (draft->text, ==, text);
  g_assert_cmpstr (draft->target, ==, "art-3");
  g_assert_false (_sodo_comments_panel_get_draft_revealed (panel));

  sodo_comment_editor_cancel (editor);
  window = switch_language (window, "", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "ui-language");
}

/* ---- The preferences ---- */

static GtkCheckButton *
find_language_check (GtkWidget  *root,
                     const char *lang)
{
  if (GTK_IS_CHECK_BUTTON (root))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), lang))
        return GTK_CHECK_BUTTON (root);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_language_check (child, lang);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
preferences_open (gpointer data)
{
  return find_preferences () != NULL;
}

static void
test_preferences (void)
{
  SodoWindow *window = sodo_window_new (test_app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SodoPreferences *preferences;
  GtkCheckButton *vietnamese_check;
  GtkLabel *name_label;
  GtkWidget *name_row;
  gpointer old_window = window;
  gpointer old_preferences;

  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (test_app), "preferences", NULL);
  wait_until (preferences_open, NULL);
  preferences = find_preferences ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (preferences)), ==, "Preferences");

  /* The rows act on the app's action: the choice made last ("System") is checked. */
  g_assert_true (gtk_check_button_get_active (find_language_check (GTK_WIDGET (preferences),
                                                                   "")));
  g_assert_false (gtk_check_button_get_active (find_language_check (GTK_WIDGET (preferences),
                                                                    "en")));
  vietnamese_check = find_language_check (GTK_WIDGET (preferences), "vi");
  g_assert_false (gtk_check_button_get_active (vietnamese_check));

  /* The comment author is a setting, typed in a row titled by a template label. */
  name_label = find_label (GTK_WIDGET (preferences), text_equals, "Your Name");
  g_assert_nonnull (name_label);
  name_row = gtk_widget_get_ancestor (GTK_WIDGET (name_label), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Nguyễn Văn A");
  assert_setting (settings, "comment-author", "Nguyễn Văn A");

  /* Choosing Vietnamese there switches at once and reopens the preferences, translated. */
  old_preferences = preferences;
  g_object_add_weak_pointer (G_OBJECT (window), &old_window);
  g_object_add_weak_pointer (G_OBJECT (preferences), &old_preferences);
  gtk_widget_activate (GTK_WIDGET (vietnamese_check));
  wait_until (object_gone, &old_window);
  wait_until (object_gone, &old_preferences);
  wait_until (preferences_open, NULL);
  preferences = find_preferences ();
  window = find_sodo_window ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (preferences)), ==, "Tùy chỉnh");
  g_assert_true (gtk_check_button_get_active (find_language_check (GTK_WIDGET (preferences),
                                                                   "vi")));
  assert_setting (settings, "ui-language", "vi");

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_assert_true (sodo_language_switch (GTK_APPLICATION (test_app), "en"));
  gtk_window_destroy (GTK_WINDOW (find_sodo_window ()));
  g_settings_reset (settings, "ui-language");
  g_settings_reset (settings, "comment-author");
}

/* ---- Other starts, in child processes ---- */

/* A child that starts as main() does, under the locale its parent gave it, and switches to
 * the other language and back. Exits 0 when all went as expected. */
static int
run_start_child (const char *expected_lang)
{
  char *argv[] = { "sodo", NULL };
  const char *other = g_str_equal (expected_lang, "vi") ? "en" : "vi";
  const char *langs[] = { expected_lang, other, expected_lang };
  g_autoptr(SodoApplication) app = NULL;

  if (!g_str_equal (sodo_language_setup (1, argv), expected_lang))
    return 10;
  bind_build_catalogs ();
  gtk_init ();

  app = g_object_new (SODO_TYPE_APPLICATION, "application-id", APP_ID ".TestChild",
                      "flags", G_APPLICATION_NON_UNIQUE, NULL);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    return 11;
  sodo_window_new (app);

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      const Expected *expected = g_str_equal (langs[i], "vi") ? &vietnamese : &english;
      SodoWindow *window = NULL;
      AdwViewStackPage *page;

      if (i > 0 && !sodo_language_switch (GTK_APPLICATION (app), langs[i]))
        return 12;
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
        if (SODO_IS_WINDOW (l->data))
          window = l->data;
      page = adw_view_stack_get_page (window->view_stack,
                                      GTK_WIDGET (window->narrow_chart_holder));
      if (g_strcmp0 (adw_view_stack_page_get_title (page), expected->chart_page) != 0)
        return 20 + i;
      if (g_strcmp0 (g_dgettext ("libadwaita", "Preferences"), expected->adw_preferences) != 0)
        return 30 + i;
    }

  return 0;
}

/* A child that runs the whole command line, as main() does, with @args after "sodo". */
static int
run_command_child (const char *args)
{
  g_auto(GStrv) argv = g_strsplit (args, " ", -1);
  int argc = g_strv_length (argv);
  g_autoptr(SodoApplication) app = NULL;

  sodo_language_setup (argc, argv);
  bind_build_catalogs ();
  app = sodo_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

static char *
run_child (const char  *mode,
           const char  *lang_env,
           int         *status)
{
  g_auto(GStrv) envp = g_get_environ ();
  char *argv[] = { "/proc/self/exe", NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  envp = g_environ_setenv (envp, CHILD_ENV, mode, TRUE);
  envp = g_environ_setenv (envp, "LANG", lang_env, TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  envp = g_environ_unsetenv (envp, "LC_ALL");
  envp = g_environ_unsetenv (envp, "LC_MESSAGES");

  g_spawn_sync (NULL, argv, envp, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, status, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&err);
}

static void
test_start_locales (void)
{
  struct {
    const char *lang_env;
    const char *expected;
  } starts[] = {
    { "C.UTF-8", "en" },
    { "C", "en" },
    { "en_US.UTF-8", "en" },
    { "vi_VN.UTF-8", "vi" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      g_autofree char *mode = g_strconcat ("start:", starts[i].expected, NULL);
      g_autofree char *err = NULL;
      int status;

      g_test_message ("starting under LANG=%s", starts[i].lang_env);
      err = run_child (mode, starts[i].lang_env, &status);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("the start under LANG=%s failed (%d): %s", starts[i].lang_env, status, err);
    }
}

static void
test_headless_language (void)
{
  g_autofree char *bad = g_build_filename (g_getenv ("SODO_TEST_DATA_DIR"),
                                           "language-switch-bad-kind.json", NULL);
  g_autofree char *vi_mode = g_strdup_printf ("command:sodo --language vi --validate %s", bad);
  g_autofree char *en_mode = g_strdup_printf ("command:sodo --language en --validate %s", bad);
  g_autofree char *vi_err = NULL;
  g_autofree char *en_err = NULL;
  int status;

  /* Under a Vietnamese system, --language en still speaks English, and the other way. */
  en_err = run_child (en_mode, "vi_VN.UTF-8", &status);
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (en_err, ": error: units[0].kind: the kind “boss” is not declared "
                                    "in “kinds”"));

  vi_err = run_child (vi_mode, "en_US.UTF-8", &status);
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (vi_err, ": error: units[0].kind: loại “boss” chưa được khai báo "
                                    "trong “kinds”"));
}

/* ---- Formatting ---- */

static void
test_formatting (void)
{
  g_autofree char *vi_number = sodo_format_number (475000, "vi");
  g_autofree char *en_number = sodo_format_number (475000, "en");
  g_autofree char *vi_fraction = sodo_format_number (1234.5, "vi");
  g_autofree char *en_fraction = sodo_format_number (1234.5, "en");
  g_autofree char *vi_date = sodo_format_date ("2023-10-27", "vi");
  g_autofree char *en_date = sodo_format_date ("2023-10-27", "en");

  g_assert_cmpstr (vi_number, ==, "475.000");
  g_assert_cmpstr (en_number, ==, "475,000");
  g_assert_cmpstr (vi_fraction, ==, "1.234,5");
  g_assert_cmpstr (en_fraction, ==, "1,234.5");
  g_assert_cmpstr (vi_date, ==, "27/10/2023");
  g_assert_cmpstr (en_date, ==, "27 Oct 2023");
}

int
main (int   argc,
      char *argv[])
{
  const char *child = g_getenv (CHILD_ENV);
  char *setup_argv[] = { "sodo", NULL };
  g_autofree char *data_home = NULL;
  int status;

  if (child != NULL && g_str_has_prefix (child, "start:"))
    return run_start_child (child + strlen ("start:"));
  if (child != NULL && g_str_has_prefix (child, "command:"))
    return run_command_child (child + strlen ("command:"));

  /* As main() does, with no preference saved: the system's language, English under the
   * C.UTF-8 the tests run in, whatever language the shell running them asked for. The
   * catalogs are bound before anything translates. */
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  /* Comments and their drafts go to the user's data folder: a fresh one, named before
   * anything asks GLib where that folder is (it remembers the first answer). */
  data_home = g_dir_make_tmp ("sodo-language-switch-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  sodo_language_setup (1, setup_argv);
  bind_build_catalogs ();
  sodo_test_init_gtk (&argc, &argv);
  g_assert_cmpstr (g_get_user_data_dir (), ==, data_home);

  test_app = g_object_new (SODO_TYPE_APPLICATION,
                           "application-id", APP_ID ".Test",
                           "flags", G_APPLICATION_NON_UNIQUE,
                           NULL);
  g_application_register (G_APPLICATION (test_app), NULL, NULL);

  g_test_add_func ("/app/language-switch/formatting", test_formatting);
  g_test_add_func ("/app/language-switch/keeps-view", test_switch_keeps_view);
  g_test_add_func ("/app/language-switch/keeps-fit", test_switch_keeps_fit);
  g_test_add_func ("/app/language-switch/keeps-narrow-page", test_switch_keeps_narrow_page);
  g_test_add_func ("/app/language-switch/keeps-comment", test_switch_keeps_comment);
  g_test_add_func ("/app/language-switch/preferences", test_preferences);
  g_test_add_func ("/app/language-switch/start-locales", test_start_locales);
  g_test_add_func ("/app/language-switch/headless", test_headless_language);

  status = g_test_run ();
  g_object_unref (test_app);
  remove_tree (data_home);

  return status;
}
