/* sodo-window-reload.c: the open files are watched, and reloaded when they change on disk
 *
 * Each open file (chart, regulation, comments) is watched through a monitor on its folder:
 * editors often save by writing a new file and renaming it over the old one, which a monitor
 * on the file itself would see as its deletion. Events on the file's name are gathered for a
 * moment, then the file loads in a worker thread, as an opened file does.
 *
 * A good file replaces what is shown. The chart and document views keep their place on a
 * reload of the same file (zoom, position, selection and collapsed units, matched by id;
 * the reading position); the units added or changed are highlighted for a moment, and a
 * toast says what changed. A file with errors changes nothing: the banner names its first
 * error, and the next good save reloads and takes the banner away. A file deleted or moved
 * away leaves what is shown in place, with a banner saying so, and reloads if it comes back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chart/sodo-chart-pane.h"
#include "document/sodo-document-pane.h"
#include "model/sodo-language.h"

#include "sodo-window-private.h"

/* Editors write a file in steps (truncate, write, close; or write a copy, rename it over):
 * the reload waits until the file has been quiet this long. */
#define RELOAD_DELAY_MS 300
/* How long the units added or changed by a reload stay highlighted. */
#define FLASH_MS 2000
/* After a regulation reload, the reading position is put back while the new text is laid
 * out: until it has held this long, and for this long at most. */
#define READING_STABLE_MS 1000
#define READING_MAX_MS 5000

/* One per kind of document: chart, regulation, comments. */
#define N_WATCHES 3

typedef struct {
  SodoWindowReload *reload;
  SodoDocumentKind  kind;
  GFile            *file;          /* NULL while nothing of this kind is watched */
  GFileMonitor     *monitor;       /* on the file's folder */
  GCancellable     *cancellable;   /* the reload in flight */
  guint             delay_id;
  /* Bumped whenever the watched file changes: a reload of the previous one is dropped. */
  guint             generation;
  /* What this watch put in the banner, to take it away when the file is good again. */
  char             *banner_text;
} Watch;

struct _SodoWindowReload
{
  SodoWindow   *window;            /* owns this */
  Watch         watches[N_WATCHES];
  guint         flash_id;
  SodoOrgchart *flash_chart;       /* the chart the highlight belongs to; only compared */
  GArray       *flash_units;       /* the cards highlighted now (unit indices), or NULL */
  char         *last_message;      /* the last toast's title, for tests */

  /* The node the reader was at before a regulation reload, kept at the top meanwhile. */
  GtkWidget    *reading_pane;      /* the document pane ticking, or NULL */
  gpointer      reading_regulation;/* the regulation reloaded; only compared */
  guint         reading_tick_id;
  char         *reading_node;
  gint64        reading_end;       /* monotonic time at which keeping it stops */
  gint64        reading_last_end;  /* and at which it stops however often it moves */
};

/* What a worker thread needs, and what it finds. The chart the window showed when the reload
 * began is compared with the new one in the thread: both are immutable. */
typedef struct {
  GWeakRef          window;
  SodoDocumentKind  kind;
  guint             generation;
  guint             serial;
  GFile            *file;
  SodoDiagnostics  *diags;
  SodoOrgchart     *old_chart;
  /* Results */
  SodoDocumentKind  loaded_kind;
  GArray           *changed_units; /* indices into the new chart: units added or changed */
  guint             n_added;
  guint             n_changed;
  guint             n_removed;
} ReloadData;

static void
reload_data_free (ReloadData *data)
{
  g_weak_ref_clear (&data->window);
  g_clear_object (&data->file);
  g_clear_pointer (&data->diags, sodo_diagnostics_free);
  g_clear_object (&data->old_chart);
  g_clear_pointer (&data->changed_units, g_array_unref);
  g_free (data);
}

static Watch *
get_watch (SodoWindowReload *reload,
           SodoDocumentKind  kind)
{
  g_assert (kind >= SODO_DOCUMENT_ORGCHART && kind <= SODO_DOCUMENT_COMMENTS);

  return &reload->watches[kind - SODO_DOCUMENT_ORGCHART];
}

static GObject *
get_document (SodoWindow       *window,
              SodoDocumentKind  kind)
{
  switch (kind)
    {
    case SODO_DOCUMENT_ORGCHART:
      return G_OBJECT (window->orgchart);
    case SODO_DOCUMENT_REGULATION:
      return G_OBJECT (window->regulation);
    case SODO_DOCUMENT_COMMENTS:
      return G_OBJECT (window->comments);
    case SODO_DOCUMENT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }
}

static char *
get_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename != NULL ? basename : "");
}

/* ---- The banner ---- */

static void
watch_remember_banner (Watch *watch)
{
  SodoWindow *window = watch->reload->window;

  g_free (watch->banner_text);
  watch->banner_text = g_strdup (_sodo_window_get_banner_text (window));
}

/* Takes the banner away if it still says what this watch put there. */
static void
watch_clear_banner (Watch *watch)
{
  SodoWindow *window = watch->reload->window;

  if (watch->banner_text == NULL)
    return;

  if (_sodo_window_get_banner_revealed (window)
      && g_strcmp0 (_sodo_window_get_banner_text (window), watch->banner_text) == 0)
    gtk_revealer_set_reveal_child (window->banner_revealer, FALSE);
  g_clear_pointer (&watch->banner_text, g_free);
}

static void
show_toast (SodoWindowReload *reload,
            const char       *title)
{
  AdwToast *toast = adw_toast_new (title);

  g_free (reload->last_message);
  reload->last_message = g_strdup (title);
  sodo_window_add_toast (reload->window, toast);
}

/* ---- Comparing two versions of a chart (in the worker thread) ---- */

static gboolean
same_text (SodoOrgchart *chart_a,
           SodoText      text_a,
           SodoOrgchart *chart_b,
           SodoText      text_b)
{
  SodoTextPool *pool_a = sodo_orgchart_get_text_pool (chart_a);
  SodoTextPool *pool_b = sodo_orgchart_get_text_pool (chart_b);
  guint n_entries = sodo_text_pool_get_n_entries (pool_a, text_a);

  if (n_entries != sodo_text_pool_get_n_entries (pool_b, text_b))
    return FALSE;
  /* A plain string (or none) reads the same in every language. */
  if (n_entries == 0)
    return g_strcmp0 (sodo_text_pool_resolve (pool_a, text_a, "vi", NULL),
                      sodo_text_pool_resolve (pool_b, text_b, "vi", NULL)) == 0;

  for (guint i = 0; i < n_entries; i++)
    {
      const char *lang_a, *lang_b, *str_a, *str_b;

      sodo_text_pool_get_entry (pool_a, text_a, i, &lang_a, &str_a);
      sodo_text_pool_get_entry (pool_b, text_b, i, &lang_b, &str_b);
      if (g_strcmp0 (lang_a, lang_b) != 0 || g_strcmp0 (str_a, str_b) != 0)
        return FALSE;
    }

  return TRUE;
}

static const char *
kind_id (SodoOrgchart   *chart,
         const SodoUnit *unit)
{
  guint n_kinds;
  const SodoKind *kinds = sodo_orgchart_get_kinds (chart, &n_kinds);

  return unit->kind < n_kinds ? kinds[unit->kind].id : NULL;
}

static const char *
parent_id (SodoOrgchart   *chart,
           const SodoUnit *unit)
{
  return unit->parent != SODO_NO_INDEX ? sodo_orgchart_get_unit (chart, unit->parent)->id
                                       : NULL;
}

/* What a reader sees of a unit on its card and in its place: name, kind, parent, host. */
static gboolean
unit_changed (SodoOrgchart   *old_chart,
              const SodoUnit *old_unit,
              SodoOrgchart   *new_chart,
              const SodoUnit *new_unit)
{
  return g_strcmp0 (kind_id (old_chart, old_unit), kind_id (new_chart, new_unit)) != 0
         || g_strcmp0 (parent_id (old_chart, old_unit), parent_id (new_chart, new_unit)) != 0
         || !same_text (old_chart, old_unit->name, new_chart, new_unit->name)
         || !same_text (old_chart, old_unit->host, new_chart, new_unit->host);
}

static void
compare_charts (ReloadData   *data,
                SodoOrgchart *new_chart)
{
  SodoOrgchart *old_chart = data->old_chart;
  guint n_new = sodo_orgchart_get_n_units (new_chart);
  guint n_old = sodo_orgchart_get_n_units (old_chart);
  guint n_kept = 0;

  data->changed_units = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n_new; i++)
    {
      const SodoUnit *unit = sodo_orgchart_get_unit (new_chart, i);
      guint old_index = sodo_orgchart_find_unit (old_chart, unit->id);

      if (old_index == SODO_NO_INDEX)
        data->n_added++;
      else if (unit_changed (old_chart, sodo_orgchart_get_unit (old_chart, old_index),
                             new_chart, unit))
        data->n_changed++;
      else
        {
          n_kept++;
          continue;
        }
      g_array_append_val (data->changed_units, i);
    }
  /* Ids are unique in a chart, so every old unit not found again was removed. */
  data->n_removed = n_old - (n_kept + data->n_changed);
}

static void
reload_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReloadData *data = task_data;
  g_autoptr(GError) error = NULL;
  GObject *document;

  document = sodo_document_load_file (data->file, &data->loaded_kind, data->diags, cancellable,
                                      &error);
  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->old_chart != NULL && SODO_IS_ORGCHART (document))
    compare_charts (data, SODO_ORGCHART (document));
  g_task_return_pointer (task, document, g_object_unref);
}

/* ---- The highlight of what changed ---- */

static void
end_flash (SodoWindowReload *reload)
{
  g_clear_handle_id (&reload->flash_id, g_source_remove);
  g_clear_pointer (&reload->flash_units, g_array_unref);
  reload->flash_chart = NULL;
}

static gboolean
on_flash_timeout_cb (gpointer user_data)
{
  SodoWindowReload *reload = user_data;
  SodoWindow *window = reload->window;

  reload->flash_id = 0;
  /* Only the highlight this reload set goes: not one the find bar or the text set since. */
  if (reload->flash_chart == window->orgchart && SODO_IS_CHART_PANE (window->chart_widget)
      && sodo_chart_pane_get_search_query (SODO_CHART_PANE (window->chart_widget)) == NULL)
    sodo_chart_view_set_matches (sodo_chart_pane_get_view (SODO_CHART_PANE (window->chart_widget)),
                                 NULL, 0);
  end_flash (reload);

  return G_SOURCE_REMOVE;
}

/* The text asked to show some units: that highlight replaced this one, and stays. */
static void
on_units_requested_cb (SodoWindow *window)
{
  if (window->reload != NULL)
    end_flash (window->reload);
}

/* A unit hidden under a collapsed branch is shown by the card that hides it (the one with
 * the "+N" badge): the highest collapsed unit above it. The view restores the collapsed
 * units by id at its next allocation; its state already says which they will be. */
static GArray *
get_visible_cards (SodoChartView *view,
                   GArray        *units)
{
  g_autoptr(SodoChartViewState) state = sodo_chart_view_get_view_state (view);
  SodoOrgchart *chart = sodo_chart_view_get_orgchart (view);
  g_autoptr(GHashTable) collapsed = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GArray *cards = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; state != NULL && state->collapsed_ids[i] != NULL; i++)
    {
      guint unit = sodo_orgchart_find_unit (chart, state->collapsed_ids[i]);

      if (unit != SODO_NO_INDEX)
        g_hash_table_add (collapsed, GUINT_TO_POINTER (unit + 1));
    }

  for (guint i = 0; i < units->len; i++)
    {
      guint card = g_array_index (units, guint, i);

      for (guint up = sodo_orgchart_get_unit (chart, card)->parent; up != SODO_NO_INDEX;
           up = sodo_orgchart_get_unit (chart, up)->parent)
        if (g_hash_table_contains (collapsed, GUINT_TO_POINTER (up + 1)))
          card = up;
      if (g_hash_table_add (seen, GUINT_TO_POINTER (card + 1)))
        g_array_append_val (cards, card);
    }

  return cards;
}

static void
flash_units (SodoWindowReload *reload,
             GArray           *units)
{
  SodoWindow *window = reload->window;
  SodoChartPane *pane;
  SodoChartView *view;

  end_flash (reload);
  if (units == NULL || units->len == 0 || !SODO_IS_CHART_PANE (window->chart_widget))
    return;

  /* The find bar's matches are what the user asked to see: they stay. */
  pane = SODO_CHART_PANE (window->chart_widget);
  if (sodo_chart_pane_get_search_query (pane) != NULL)
    return;

  view = sodo_chart_pane_get_view (pane);
  reload->flash_units = get_visible_cards (view, units);
  sodo_chart_view_set_matches (view, (const guint *) reload->flash_units->data,
                               reload->flash_units->len);
  reload->flash_chart = window->orgchart;
  reload->flash_id = g_timeout_add (FLASH_MS, on_flash_timeout_cb, reload);

  if (SODO_IS_DOCUMENT_PANE (window->document_widget)
      && g_object_get_data (G_OBJECT (window->document_widget), "sodo-reload-watched") == NULL)
    {
      g_signal_connect_object (window->document_widget, "units-requested",
                               G_CALLBACK (on_units_requested_cb), window, G_CONNECT_SWAPPED);
      g_object_set_data (G_OBJECT (window->document_widget), "sodo-reload-watched",
                         GINT_TO_POINTER (TRUE));
    }
}

/* ---- The reading position ---- */

static void
stop_keeping_reading_position (SodoWindowReload *reload)
{
  if (reload->reading_tick_id != 0)
    gtk_widget_remove_tick_callback (reload->reading_pane, reload->reading_tick_id);
  reload->reading_tick_id = 0;
  reload->reading_pane = NULL;
  reload->reading_regulation = NULL;
  g_clear_pointer (&reload->reading_node, g_free);
}

/* GtkTextView lays a new text out in the background, from estimated line heights, and keeps
 * the first visible paragraph in place while it does: the pane's own restore can land above
 * the place on a busy machine. Each frame, until the place has held for a moment, the node
 * is put back at the top. */
static gboolean
keep_reading_position_cb (GtkWidget     *widget,
                          GdkFrameClock *frame_clock,
                          gpointer       user_data)
{
  SodoWindowReload *reload = user_data;
  SodoDocumentPane *pane = SODO_DOCUMENT_PANE (widget);
  gint64 now = g_get_monotonic_time ();
  const char *top = sodo_document_pane_get_top_node_id (pane);

  /* Over, or another regulation came meanwhile. */
  if (now >= reload->reading_end || now >= reload->reading_last_end
      || sodo_document_pane_get_regulation (pane) != reload->reading_regulation)
    {
      reload->reading_tick_id = 0;
      stop_keeping_reading_position (reload);
      return G_SOURCE_REMOVE;
    }

  if (top != NULL && g_strcmp0 (top, reload->reading_node) != 0)
    {
      sodo_document_pane_scroll_to_node (pane, reload->reading_node);
      reload->reading_end = now + READING_STABLE_MS * 1000;
    }

  return G_SOURCE_CONTINUE;
}

static void
keep_reading_position (SodoWindowReload *reload,
                       const char       *node_id)
{
  SodoWindow *window = reload->window;
  gint64 now = g_get_monotonic_time ();

  stop_keeping_reading_position (reload);
  if (node_id == NULL || !SODO_IS_DOCUMENT_PANE (window->document_widget))
    return;

  reload->reading_pane = window->document_widget;
  reload->reading_regulation = window->regulation;
  reload->reading_node = g_strdup (node_id);
  reload->reading_end = now + READING_STABLE_MS * 1000;
  reload->reading_last_end = now + READING_MAX_MS * 1000;
  reload->reading_tick_id = gtk_widget_add_tick_callback (reload->reading_pane,
                                                          keep_reading_position_cb, reload,
                                                          NULL);
}

static void
take_regulation (SodoWindowReload *reload,
                 SodoRegulation   *regulation)
{
  SodoWindow *window = reload->window;
  GtkWidget *pane = window->document_widget;
  g_autofree char *top_id = NULL;

  /* Only a pane on screen has a reading position. */
  if (SODO_IS_DOCUMENT_PANE (pane) && gtk_widget_get_mapped (pane))
    top_id = g_strdup (sodo_document_pane_get_top_node_id (SODO_DOCUMENT_PANE (pane)));

  sodo_window_set_regulation (window, regulation);
  if (top_id != NULL && sodo_regulation_find_node (regulation, top_id) != SODO_NO_INDEX)
    keep_reading_position (reload, top_id);
  show_toast (reload, _("Regulation reloaded"));
}

/* ---- Taking a reloaded file ---- */

static char *
format_count (guint count)
{
  return sodo_format_number (count, sodo_language_get ());
}

/* "Chart reloaded: 2 units added, 1 unit changed". */
static char *
describe_chart_changes (ReloadData *data)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  g_autofree char *added = format_count (data->n_added);
  g_autofree char *changed = format_count (data->n_changed);
  g_autofree char *removed = format_count (data->n_removed);

  if (data->n_added > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%s unit added", "%s units added",
                                                       data->n_added), added));
  if (data->n_changed > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%s unit changed", "%s units changed",
                                                       data->n_changed), changed));
  if (data->n_removed > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%s unit removed", "%s units removed",
                                                       data->n_removed), removed));
  if (parts->len == 0)
    return g_strdup (_("Chart reloaded, no unit changed"));

  g_ptr_array_add (parts, NULL);
  list = g_strjoinv (", ", (char **) parts->pdata);
  /* Translators: %s lists the changes, such as "2 units added, 1 unit changed" */
  return g_strdup_printf (_("Chart reloaded: %s"), list);
}

static void
take_orgchart (SodoWindowReload *reload,
               SodoOrgchart     *chart,
               ReloadData       *data)
{
  SodoWindow *window = reload->window;
  /* The comparison is against the chart the reload started from. */
  gboolean compared = data->old_chart != NULL && data->old_chart == window->orgchart;
  g_autofree char *message = NULL;

  sodo_window_set_orgchart (window, chart);
  if (!compared)
    {
      show_toast (reload, _("Chart reloaded"));
      return;
    }

  flash_units (reload, data->changed_units);
  message = describe_chart_changes (data);
  show_toast (reload, message);
}

/* Comments are the user's own work, and Sodo may have saved the file itself: a reload that
 * brings nothing new leaves the comments being worked on alone. */
static void
take_comments (SodoWindowReload *reload,
               SodoComments     *comments,
               GFile            *file)
{
  SodoWindow *window = reload->window;

  if (window->comments != NULL)
    {
      g_autoptr(GBytes) old_bytes = sodo_comments_to_bytes (window->comments);
      g_autoptr(GBytes) new_bytes = sodo_comments_to_bytes (comments);

      if (g_bytes_equal (old_bytes, new_bytes))
        return;
    }

  _sodo_window_set_document_file (G_OBJECT (comments), file);
  sodo_window_set_comments (window, comments);
  show_toast (reload, _("Comments reloaded"));
}

static void
show_missing (Watch *watch)
{
  g_autofree char *name = get_display_name (watch->file);
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("“%s” was deleted or moved; what you see is kept"), name);
  sodo_window_show_error (watch->reload->window, message);
  watch_remember_banner (watch);
}

static void
show_reload_error (Watch        *watch,
                   ReloadData   *data,
                   const GError *error)
{
  SodoWindow *window = watch->reload->window;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      show_missing (watch);
      return;
    }

  _sodo_window_show_load_error (window, g_steal_pointer (&data->diags), error);
  watch_remember_banner (watch);
}

static void
on_reloaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ReloadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(SodoWindow) window = g_weak_ref_get (&data->window);
  g_autoptr(GObject) document = NULL;
  g_autoptr(GError) error = NULL;
  Watch *watch;

  document = g_task_propagate_pointer (G_TASK (result), &error);
  if (window == NULL || window->reload == NULL
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Another file of this kind was opened meanwhile. */
  watch = get_watch (window->reload, data->kind);
  if (watch->file == NULL || watch->generation != data->generation)
    return;
  if (document == NULL)
    {
      show_reload_error (watch, data, error);
      return;
    }
  if (data->loaded_kind != data->kind)
    {
      g_autofree char *name = get_display_name (data->file);
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("“%s” now holds another kind of file; what you see is kept"),
                                 name);
      sodo_window_show_error (window, message);
      watch_remember_banner (watch);
      return;
    }

  /* A file opened after the reload began takes precedence, as between two opens. */
  if (data->serial < window->applied_serial[data->kind])
    return;
  window->applied_serial[data->kind] = data->serial;

  watch_clear_banner (watch);
  if (SODO_IS_ORGCHART (document))
    take_orgchart (window->reload, SODO_ORGCHART (document), data);
  else if (SODO_IS_REGULATION (document))
    take_regulation (window->reload, SODO_REGULATION (document));
  else if (SODO_IS_COMMENTS (document))
    take_comments (window->reload, SODO_COMMENTS (document), data->file);
}

static void
start_reload (Watch *watch)
{
  SodoWindow *window = watch->reload->window;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_file_get_basename (watch->file);
  ReloadData *data;

  if (watch->cancellable != NULL)
    g_cancellable_cancel (watch->cancellable);
  g_clear_object (&watch->cancellable);
  watch->cancellable = g_cancellable_new ();

  data = g_new0 (ReloadData, 1);
  g_weak_ref_init (&data->window, window);
  data->kind = watch->kind;
  data->generation = watch->generation;
  data->serial = ++window->open_serial;
  data->file = g_object_ref (watch->file);
  data->diags = sodo_diagnostics_new (name);
  if (watch->kind == SODO_DOCUMENT_ORGCHART && window->orgchart != NULL)
    data->old_chart = g_object_ref (window->orgchart);

  /* As for an opened file, the thread holds no reference to the window. */
  task = g_task_new (NULL, watch->cancellable, on_reloaded_cb, NULL);
  g_task_set_source_tag (task, start_reload);
  g_task_set_task_data (task, data, (GDestroyNotify) reload_data_free);
  g_task_run_in_thread (task, reload_worker);
}

/* ---- Watching ---- */

static gboolean
on_delay_cb (gpointer user_data)
{
  Watch *watch = user_data;

  watch->delay_id = 0;
  if (g_file_query_exists (watch->file, NULL))
    start_reload (watch);
  else
    {
      /* A reload in flight would find nothing either. */
      if (watch->cancellable != NULL)
        g_cancellable_cancel (watch->cancellable);
      show_missing (watch);
    }

  return G_SOURCE_REMOVE;
}

static void
on_folder_changed_cb (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other_file,
                      GFileMonitorEvent  event,
                      gpointer           user_data)
{
  Watch *watch = user_data;

  /* A rename over the file names it as the other file; a rename away, as the file. */
  if (!g_file_equal (file, watch->file)
      && (other_file == NULL || !g_file_equal (other_file, watch->file)))
    return;
  /* Permissions and times: the content is the same. */
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;

  g_clear_handle_id (&watch->delay_id, g_source_remove);
  watch->delay_id = g_timeout_add (RELOAD_DELAY_MS, on_delay_cb, watch);
}

static void
stop_watch (Watch *watch)
{
  watch->generation++;
  g_clear_handle_id (&watch->delay_id, g_source_remove);
  if (watch->cancellable != NULL)
    g_cancellable_cancel (watch->cancellable);
  g_clear_object (&watch->cancellable);
  if (watch->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (watch->monitor, watch);
      g_file_monitor_cancel (watch->monitor);
      g_clear_object (&watch->monitor);
    }
  /* What the banner said about the old file no longer holds. */
  watch_clear_banner (watch);
  g_clear_object (&watch->file);
}

static void
start_watch (Watch *watch,
             GFile *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GError) error = NULL;

  watch->file = g_object_ref (file);
  if (folder == NULL)
    return;

  watch->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (watch->monitor == NULL)
    {
      /* Some file systems cannot be watched; the file is then shown as it was loaded. */
      g_debug ("Not watching %s: %s", g_file_peek_path (file), error->message);
      return;
    }
  g_signal_connect (watch->monitor, "changed", G_CALLBACK (on_folder_changed_cb), watch);
}

/* Only files on disk are watched: a bundled sample never changes. */
static GFile *
get_watchable_file (SodoWindow       *window,
                    SodoDocumentKind  kind)
{
  GObject *document = get_document (window, kind);
  GFile *file = document != NULL ? _sodo_window_get_document_file (document) : NULL;

  return file != NULL && g_file_is_native (file) ? file : NULL;
}

void
_sodo_window_reload_sync (SodoWindowReload *reload)
{
  for (SodoDocumentKind kind = SODO_DOCUMENT_ORGCHART; kind <= SODO_DOCUMENT_COMMENTS; kind++)
    {
      Watch *watch = get_watch (reload, kind);
      GFile *file = get_watchable_file (reload->window, kind);

      if (file == watch->file || (file != NULL && watch->file != NULL
                                  && g_file_equal (file, watch->file)))
        continue;
      stop_watch (watch);
      if (file != NULL)
        start_watch (watch, file);
    }
}

static void
on_document_changed_cb (SodoWindowReload *reload)
{
  _sodo_window_reload_sync (reload);
}

SodoWindowReload *
_sodo_window_reload_new (SodoWindow *window)
{
  SodoWindowReload *reload = g_new0 (SodoWindowReload, 1);

  reload->window = window;
  for (SodoDocumentKind kind = SODO_DOCUMENT_ORGCHART; kind <= SODO_DOCUMENT_COMMENTS; kind++)
    {
      get_watch (reload, kind)->reload = reload;
      get_watch (reload, kind)->kind = kind;
    }

  g_signal_connect_swapped (window, "notify::orgchart", G_CALLBACK (on_document_changed_cb),
                            reload);
  g_signal_connect_swapped (window, "notify::regulation", G_CALLBACK (on_document_changed_cb),
                            reload);
  g_signal_connect_swapped (window, "notify::comments", G_CALLBACK (on_document_changed_cb),
                            reload);

  return reload;
}

void
_sodo_window_reload_free (SodoWindowReload *reload)
{
  g_signal_handlers_disconnect_by_data (reload->window, reload);
  for (guint i = 0; i < N_WATCHES; i++)
    {
      Watch *watch = &reload->watches[i];

      /* The banner goes with the window: leave it alone. */
      g_clear_pointer (&watch->banner_text, g_free);
      stop_watch (watch);
    }
  end_flash (reload);
  stop_keeping_reading_position (reload);
  g_free (reload->last_message);
  g_free (reload);
}

gboolean
_sodo_window_reload_is_watching (SodoWindowReload *reload,
                                 GFile            *file)
{
  for (guint i = 0; i < N_WATCHES; i++)
    if (reload->watches[i].monitor != NULL && g_file_equal (reload->watches[i].file, file))
      return TRUE;

  return FALSE;
}

GArray *
_sodo_window_reload_get_flashed_units (SodoWindowReload *reload)
{
  return reload->flash_units;
}

const char *
_sodo_window_reload_get_last_message (SodoWindowReload *reload)
{
  return reload->last_message;
}
