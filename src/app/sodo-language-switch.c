/* sodo-language-switch.c: changing the UI language while Sodo runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "chart/sodo-chart-pane.h"
#include "document/sodo-comments-panel.h"
#include "document/sodo-document-pane.h"
#include "document/sodo-import-dialog.h"
#include "model/sodo-language.h"

#include "sodo-language-setup.h"
#include "sodo-language-switch.h"
#include "sodo-preferences.h"
#include "sodo-window-private.h"

struct _SodoWindowState
{
  int                 width;
  int                 height;
  gboolean            maximized;
  gboolean            narrow;
  int                 pane_position;      /* -1: never moved */
  char               *narrow_page;        /* the page the narrow layout shows */

  SodoOrgchart       *orgchart;
  SodoRegulation     *regulation;
  SodoComments       *comments;

  SodoChartViewState *chart_view;         /* NULL without a chart */
  char               *chart_search;       /* NULL while the find bar is closed */
  char               *document_top_node;  /* NULL without a reading position */
  char               *document_search;

  gboolean            writing_comment;    /* a comment was being written */
  gboolean            importing;          /* "Import Text…" was open */
  char               *import_text;
  char               *import_name;
  gboolean            preferences_open;
};

/* The dialogs over @window, newest first. */
static GList *
list_transients (SodoWindow *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  GList *transients = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      transients = g_list_prepend (transients, l->data);

  return transients;
}

static void
capture_dialogs (SodoWindowState *state,
                 SodoWindow      *window)
{
  g_autoptr(GList) transients = list_transients (window);

  for (GList *l = transients; l != NULL; l = l->next)
    {
      if (SODO_IS_IMPORT_DIALOG (l->data) && !state->importing)
        {
          SodoImportDialog *dialog = l->data;

          state->importing = TRUE;
          state->import_text = sodo_import_dialog_dup_text (dialog);
          state->import_name = g_strdup (sodo_import_dialog_get_name (dialog));
        }
      else if (SODO_IS_PREFERENCES (l->data))
        state->preferences_open = TRUE;
    }
}

/* A comment is being written when its draft is on disk (the controller writes it as it is
 * typed, and at once when flushed) and is not one left by a crash, still on offer. */
static gboolean
is_writing_comment (SodoDocumentPane *pane)
{
  SodoCommentsController *controller = sodo_document_pane_get_comments_controller (pane);
  GFile *draft_file = sodo_comments_controller_get_draft_file (controller);

  return draft_file != NULL && sodo_comments_controller_get_recovered_draft (controller) == NULL
         && g_file_query_exists (draft_file, NULL);
}

static void
capture_panes (SodoWindowState *state,
               SodoWindow      *window)
{
  GtkWidget *chart = sodo_window_get_chart_widget (window);
  GtkWidget *document = sodo_window_get_document_widget (window);

  if (SODO_IS_CHART_PANE (chart))
    {
      SodoChartPane *pane = SODO_CHART_PANE (chart);

      state->chart_view = sodo_chart_pane_get_view_state (pane);
      state->chart_search = g_strdup (sodo_chart_pane_get_search_query (pane));
    }

  if (SODO_IS_DOCUMENT_PANE (document))
    {
      SodoDocumentPane *pane = SODO_DOCUMENT_PANE (document);

      state->document_top_node = g_strdup (sodo_document_pane_get_top_node_id (pane));
      state->document_search = g_strdup (sodo_document_pane_get_search_text (pane));
      state->writing_comment = is_writing_comment (pane);
    }
}

SodoWindowState *
sodo_window_state_capture (SodoWindow *window)
{
  SodoWindowState *state;
  gboolean position_set = FALSE;

  g_return_val_if_fail (SODO_IS_WINDOW (window), NULL);

  state = g_new0 (SodoWindowState, 1);

  /* The default size is the size without the maximised state, as the window saves it. */
  gtk_window_get_default_size (GTK_WINDOW (window), &state->width, &state->height);
  state->maximized = gtk_window_is_maximized (GTK_WINDOW (window));
  state->narrow = sodo_window_get_narrow (window);
  /* The split as it is on screen, even if never moved: the new window's own even split
   * would fall elsewhere, its panes' text being in another language. */
  g_object_get (window->paned, "position-set", &position_set, NULL);
  state->pane_position = position_set || gtk_widget_get_mapped (GTK_WIDGET (window->paned))
                         ? gtk_paned_get_position (window->paned) : -1;
  state->narrow_page = g_strdup (adw_view_stack_get_visible_child_name (window->view_stack));

  g_set_object (&state->orgchart, sodo_window_get_orgchart (window));
  g_set_object (&state->regulation, sodo_window_get_regulation (window));
  g_set_object (&state->comments, sodo_window_get_comments (window));

  capture_panes (state, window);
  capture_dialogs (state, window);

  return state;
}

/* A reading position is a node at the top of a laid-out view. A fresh window lays its text
 * out over its first frames (the contents slide in, the sidebars fold or unfold, the lines
 * above are measured), and the view keeps its top paragraph, not the node, through each of
 * them: the jump waits until the pane is on screen, and is checked and made again until the
 * node has stayed at the top for over a second, or for at most a few seconds, so that it
 * never fights a reader who scrolls away later. */
/* Longer than the reading view takes to settle a jump. */
#define READING_POSITION_CHECK_MS 450
#define READING_POSITION_MAX_CHECKS 12
#define READING_POSITION_HELD_CHECKS 3

typedef struct {
  GWeakRef  pane;
  char     *node_id;
  guint     checks;
  guint     held;
} ReadingPosition;

static void
reading_position_free (gpointer data)
{
  ReadingPosition *position = data;

  g_weak_ref_clear (&position->pane);
  g_free (position->node_id);
  g_free (position);
}

static gboolean
check_reading_position_cb (gpointer user_data)
{
  ReadingPosition *position = user_data;
  g_autoptr(SodoDocumentPane) pane = g_weak_ref_get (&position->pane);

  if (pane == NULL || !gtk_widget_get_mapped (GTK_WIDGET (pane))
      || ++position->checks > READING_POSITION_MAX_CHECKS)
    return G_SOURCE_REMOVE;

  if (g_strcmp0 (sodo_document_pane_get_top_node_id (pane), position->node_id) == 0)
    return ++position->held < READING_POSITION_HELD_CHECKS ? G_SOURCE_CONTINUE
                                                           : G_SOURCE_REMOVE;

  position->held = 0;
  sodo_document_pane_scroll_to_node (pane, position->node_id);
  return G_SOURCE_CONTINUE;
}

static void
on_document_pane_mapped_cb (GtkWidget       *widget,
                            ReadingPosition *position)
{
  g_signal_handlers_disconnect_by_func (widget, on_document_pane_mapped_cb, position);
  sodo_document_pane_scroll_to_node (SODO_DOCUMENT_PANE (widget), position->node_id);
  g_timeout_add_full (G_PRIORITY_DEFAULT, READING_POSITION_CHECK_MS, check_reading_position_cb,
                      position, reading_position_free);
}

static void
restore_reading_position (SodoDocumentPane *pane,
                          const char       *node_id)
{
  ReadingPosition *position = g_new0 (ReadingPosition, 1);

  g_weak_ref_init (&position->pane, pane);
  position->node_id = g_strdup (node_id);
  if (gtk_widget_get_mapped (GTK_WIDGET (pane)))
    on_document_pane_mapped_cb (GTK_WIDGET (pane), position);
  else
    g_signal_connect (pane, "map", G_CALLBACK (on_document_pane_mapped_cb), position);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The new window reads the draft of the comment being written as one left behind, and would
 * offer it back as after a crash: it goes on being written instead, as the panel's own
 * "Continue Writing" does. The old window, going, writes its draft once more, which the new
 * one would offer again: that one is the same comment, and is not offered. */
#define CONTINUED_DRAFT_KEY "sodo-continued-draft"

static gboolean
same_draft (const SodoCommentDraft *a,
            const SodoCommentDraft *b)
{
  return a != NULL && b != NULL && g_strcmp0 (a->target, b->target) == 0
         && g_strcmp0 (a->comment_id, b->comment_id) == 0 && g_strcmp0 (a->text, b->text) == 0;
}

static void
on_recovered_draft_cb (SodoCommentsController *controller,
                       GParamSpec             *pspec,
                       GtkWidget              *panel)
{
  const SodoCommentDraft *recovered = sodo_comments_controller_get_recovered_draft (controller);
  const SodoCommentDraft *continued = g_object_get_data (G_OBJECT (panel), CONTINUED_DRAFT_KEY);

  if (recovered == NULL)
    return;

  if (continued == NULL)
    {
      g_object_set_data_full (G_OBJECT (panel), CONTINUED_DRAFT_KEY,
                              sodo_comment_draft_copy (recovered),
                              (GDestroyNotify) sodo_comment_draft_free);
      gtk_widget_activate_action (panel, "comments.restore-draft", NULL);
    }
  else if (same_draft (recovered, continued))
    sodo_comments_controller_forget_recovered_draft (controller);
}

static void
restore_comment (SodoDocumentPane *pane)
{
  SodoCommentsController *controller = sodo_document_pane_get_comments_controller (pane);
  GtkWidget *panel = find_descendant (GTK_WIDGET (pane), SODO_TYPE_COMMENTS_PANEL);

  if (panel == NULL)
    return;

  /* The comments may still be loading. */
  g_signal_connect_object (controller, "notify::has-recovered-draft",
                           G_CALLBACK (on_recovered_draft_cb), panel, 0);
  on_recovered_draft_cb (controller, NULL, panel);
}

static void
restore_panes (const SodoWindowState *state,
               SodoWindow            *window)
{
  GtkWidget *chart = sodo_window_get_chart_widget (window);
  GtkWidget *document = sodo_window_get_document_widget (window);

  if (SODO_IS_CHART_PANE (chart))
    {
      SodoChartPane *pane = SODO_CHART_PANE (chart);

      if (state->chart_search != NULL)
        sodo_chart_pane_set_search_query (pane, state->chart_search);
      if (state->chart_view != NULL)
        sodo_chart_pane_set_view_state (pane, state->chart_view);
    }

  if (SODO_IS_DOCUMENT_PANE (document))
    {
      SodoDocumentPane *pane = SODO_DOCUMENT_PANE (document);

      if (state->document_search != NULL)
        sodo_document_pane_set_search_text (pane, state->document_search);
      if (state->document_top_node != NULL)
        restore_reading_position (pane, state->document_top_node);
      if (state->writing_comment)
        restore_comment (pane);
    }
}

void
sodo_window_state_restore (const SodoWindowState *state,
                           SodoWindow            *window)
{
  g_return_if_fail (state != NULL);
  g_return_if_fail (SODO_IS_WINDOW (window));

  gtk_window_set_default_size (GTK_WINDOW (window), state->width, state->height);
  /* The new window restored the saved settings already, which may say otherwise. */
  if (state->maximized)
    gtk_window_maximize (GTK_WINDOW (window));
  else
    gtk_window_unmaximize (GTK_WINDOW (window));
  _sodo_window_set_narrow (window, state->narrow);
  if (state->pane_position >= 0)
    gtk_paned_set_position (window->paned, state->pane_position);
  if (state->narrow_page != NULL)
    adw_view_stack_set_visible_child_name (window->view_stack, state->narrow_page);

  sodo_window_set_orgchart (window, state->orgchart);
  sodo_window_set_regulation (window, state->regulation);
  sodo_window_set_comments (window, state->comments);

  restore_panes (state, window);
}

void
sodo_window_state_free (SodoWindowState *state)
{
  if (state == NULL)
    return;

  g_free (state->narrow_page);
  g_clear_object (&state->orgchart);
  g_clear_object (&state->regulation);
  g_clear_object (&state->comments);
  g_clear_pointer (&state->chart_view, sodo_chart_view_state_free);
  g_free (state->chart_search);
  g_free (state->document_top_node);
  g_free (state->document_search);
  g_free (state->import_text);
  g_free (state->import_name);
  g_free (state);
}

/* ---- Switching ---- */

const char *
sodo_language_switch_resolve (const char *preference)
{
  if (g_strcmp0 (preference, "vi") == 0 || g_strcmp0 (preference, "en") == 0)
    return sodo_language_resolve (preference);

  /* Not sodo_language_resolve (""): LANGUAGE now holds Sodo's own choice. */
  return sodo_language_setup_get_system_language ();
}

void
sodo_language_switch_apply (const char *lang)
{
  g_return_if_fail (g_strcmp0 (lang, "vi") == 0 || g_strcmp0 (lang, "en") == 0);

  g_setenv ("LANGUAGE", lang, TRUE);
  /* glibc keeps the translations it found; setting the locale again drops them. */
  setlocale (LC_ALL, "");
  sodo_language_set (lang);
}

static void
reopen_dialogs (const SodoWindowState *state,
                SodoWindow            *window)
{
  if (state->importing)
    {
      SodoImportDialog *dialog = _sodo_window_show_import_dialog (window);

      if (state->import_text != NULL && state->import_text[0] != '\0')
        sodo_import_dialog_set_text (dialog, state->import_text, state->import_name);
    }

  if (state->preferences_open)
    gtk_window_present (GTK_WINDOW (sodo_preferences_new (GTK_WINDOW (window))));
}

/* The old window's comments reach the disk before the new window reads them: a save in
 * flight, and the draft of a comment being written, which the new window then offers back. */
static void
flush_comments (SodoWindow *window)
{
  GtkWidget *document = sodo_window_get_document_widget (window);

  if (SODO_IS_DOCUMENT_PANE (document))
    sodo_comments_controller_flush (
      sodo_document_pane_get_comments_controller (SODO_DOCUMENT_PANE (document)));
}

/* Replaces @window with a new one given @state. */
static SodoWindow *
rebuild_window (SodoWindow            *window,
                const SodoWindowState *state)
{
  g_autoptr(GList) transients = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  SodoWindow *rebuilt;

  /* Between the old window going and the new one arriving, nothing may quit the app. */
  g_application_hold (G_APPLICATION (app));

  rebuilt = sodo_window_new (SODO_APPLICATION (app));
  sodo_window_state_restore (state, rebuilt);
  gtk_window_present (GTK_WINDOW (rebuilt));

  /* Destroyed, not closed: closing would save the old window's state as the last one. */
  transients = list_transients (window);
  for (GList *l = transients; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  gtk_window_destroy (GTK_WINDOW (window));

  reopen_dialogs (state, rebuilt);

  g_application_release (G_APPLICATION (app));

  return rebuilt;
}

SodoWindow *
sodo_language_switch_rebuild_window (SodoWindow *window)
{
  g_autoptr(SodoWindowState) state = NULL;

  g_return_val_if_fail (SODO_IS_WINDOW (window), NULL);
  g_return_val_if_fail (SODO_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))),
                        NULL);

  flush_comments (window);
  state = sodo_window_state_capture (window);
  return rebuild_window (window, state);
}

static gboolean
is_preference (const char *value)
{
  return g_strcmp0 (value, "") == 0 || g_strcmp0 (value, "vi") == 0
         || g_strcmp0 (value, "en") == 0;
}

gboolean
sodo_language_switch (GtkApplication *app,
                      const char     *preference)
{
  GAction *action;
  const char *lang;
  g_autoptr(GPtrArray) windows = g_ptr_array_new ();
  g_autoptr(GPtrArray) states = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), FALSE);

  /* The menu and the preferences show the choice, however it was made. */
  action = g_action_map_lookup_action (G_ACTION_MAP (app), "language");
  if (G_IS_SIMPLE_ACTION (action) && is_preference (preference))
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (preference));

  lang = sodo_language_switch_resolve (preference);
  if (g_strcmp0 (lang, sodo_language_get ()) == 0)
    return FALSE;

  states = g_ptr_array_new_with_free_func ((GDestroyNotify) sodo_window_state_free);
  /* Captured before the switch: the old windows measure their cards again in the new
   * language as soon as they are asked, and the chart's place would be taken relative to
   * cards of the new size. A copy of the list, too: rebuilding adds and removes windows. */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (SODO_IS_WINDOW (l->data))
      {
        flush_comments (l->data);
        g_ptr_array_add (windows, l->data);
        g_ptr_array_add (states, sodo_window_state_capture (l->data));
      }

  sodo_language_switch_apply (lang);

  for (guint i = 0; i < windows->len; i++)
    rebuild_window (windows->pdata[i], states->pdata[i]);

  return TRUE;
}

/* ---- The "language" action ---- */

typedef struct {
  GtkApplication *app;
  char           *preference;
} SwitchRequest;

static gboolean
switch_idle_cb (gpointer user_data)
{
  SwitchRequest *request = user_data;

  sodo_language_switch (request->app, request->preference);

  return G_SOURCE_REMOVE;
}

static void
switch_request_free (gpointer data)
{
  SwitchRequest *request = data;

  g_application_release (G_APPLICATION (request->app));
  g_object_unref (request->app);
  g_free (request->preference);
  g_free (request);
}

static void
on_language_activate_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GSettings *settings = g_object_get_data (G_OBJECT (action), "sodo-settings");
  const char *preference = g_variant_get_string (parameter, NULL);
  SwitchRequest *request;

  if (!is_preference (preference))
    return;

  g_simple_action_set_state (action, parameter);
  g_settings_set_string (settings, "ui-language", preference);

  request = g_new0 (SwitchRequest, 1);
  request->app = g_object_ref (app);
  request->preference = g_strdup (preference);
  /* Held until the switch is done, so the app does not quit in between. */
  g_application_hold (G_APPLICATION (app));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, switch_idle_cb, request, switch_request_free);
}

void
sodo_language_switch_add_action (GtkApplication *app,
                                 GSettings      *settings)
{
  g_autoptr(GSimpleAction) action = NULL;
  g_autofree char *preference = NULL;
  const char *state;

  g_return_if_fail (GTK_IS_APPLICATION (app));
  g_return_if_fail (G_IS_SETTINGS (settings));

  /* A --language for this run shows as the language chosen, not the saved preference. */
  preference = g_settings_get_string (settings, "ui-language");
  state = preference;
  if (!is_preference (preference)
      || g_strcmp0 (sodo_language_switch_resolve (preference), sodo_language_get ()) != 0)
    state = sodo_language_get ();

  action = g_simple_action_new_stateful ("language", G_VARIANT_TYPE_STRING,
                                         g_variant_new_string (state));
  g_object_set_data_full (G_OBJECT (action), "sodo-settings", g_object_ref (settings),
                          g_object_unref);
  g_signal_connect_object (action, "activate", G_CALLBACK (on_language_activate_cb), app, 0);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (action));
}
