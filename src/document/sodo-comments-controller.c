/* sodo-comments-controller.c: the comments on the open regulation, kept safe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "model/sodo-comments-store.h"
#include "model/sodo-error.h"

#include "sodo-comments-controller-private.h"

G_DEFINE_FINAL_TYPE (SodoCommentsController, sodo_comments_controller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REGULATION,
  PROP_COMMENTS,
  PROP_EDITABLE,
  PROP_PROBLEM,
  PROP_BACKUP_FILE,
  PROP_BUSY,
  PROP_HAS_RECOVERED_DRAFT,
  N_PROPS
};

enum {
  COUNTS_CHANGED,
  UNDOABLE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The comments open in this process, by the path they are saved to (weak references). */
static GHashTable *live_sets;

/* Saving */

static void start_save (SodoCommentsController *self);

static gboolean
get_busy (SodoCommentsController *self)
{
  return self->saving || self->save_pending;
}

static void
set_save_problem (SodoCommentsController *self,
                  const GError           *error)
{
  g_autofree char *problem = NULL;

  if (error != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (self->file);

      problem = g_strdup_printf (_("Could not save the comments to “%s”: %s. They are kept "
                                   "here, and saved again at the next change."),
                                 name, error->message);
    }
  if (g_strcmp0 (problem, self->save_problem) == 0)
    return;

  g_free (self->save_problem);
  self->save_problem = g_steal_pointer (&problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SodoCommentsController) self = user_data;
  g_autoptr(GError) error = NULL;

  sodo_comments_store_save_finish (result, &error);
  self->saving = FALSE;

  /* A save of comments since replaced (another regulation) says nothing about these. */
  if (SODO_COMMENTS (source) == self->comments)
    set_save_problem (self, error);
  if (self->save_pending && self->comments != NULL && self->file != NULL)
    start_save (self);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
start_save (SodoCommentsController *self)
{
  self->save_pending = FALSE;
  self->saving = TRUE;
  /* The comments are serialised before this returns; they may change right away. */
  sodo_comments_store_save_async (self->comments, self->file, NULL, on_saved_cb,
                                  g_object_ref (self));
}

static void
request_save (SodoCommentsController *self)
{
  gboolean was_busy = get_busy (self);

  if (!self->editable || self->file == NULL)
    return;

  if (self->saving)
    self->save_pending = TRUE;
  else
    start_save (self);

  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
sodo_comments_controller_flush (SodoCommentsController *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SODO_IS_COMMENTS_CONTROLLER (self));

  _sodo_comments_controller_write_draft (self);
  if (!get_busy (self) || self->comments == NULL || !self->editable)
    return;

  /* The store saves one file at a time: this waits for a save in flight, and lands after
   * it. The callback of that save then finds nothing pending. */
  self->save_pending = FALSE;
  if (!sodo_comments_store_save (self->comments, self->file, NULL, &error))
    g_warning ("Could not save the comments: %s", error->message);
}

gboolean
sodo_comments_controller_get_busy (SodoCommentsController *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), FALSE);

  return get_busy (self);
}

/* Counts */

static void
update_counts (SodoCommentsController *self)
{
  guint n_nodes = self->regulation != NULL ? sodo_regulation_get_n_nodes (self->regulation) : 0;
  guint n_comments = self->comments != NULL ? sodo_comments_get_n_comments (self->comments) : 0;

  g_array_set_size (self->counts, 0);
  g_array_set_size (self->counts, n_nodes);
  for (guint i = 0; i < n_comments; i++)
    {
      const SodoComment *comment = sodo_comments_get_comment (self->comments, i);
      guint node = sodo_regulation_find_node (self->regulation, comment->target);

      if (node != SODO_NO_INDEX)
        g_array_index (self->counts, guint, node)++;
    }
  g_signal_emit (self, signals[COUNTS_CHANGED], 0);
}

static void
on_comments_changed_cb (SodoComments           *comments,
                        guint                   position,
                        guint                   removed,
                        guint                   added,
                        SodoCommentsController *self)
{
  update_counts (self);
  request_save (self);
}

guint
sodo_comments_controller_count_on_node (SodoCommentsController *self,
                                        guint                   node)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), 0);

  return node < self->counts->len ? g_array_index (self->counts, guint, node) : 0;
}

guint
sodo_comments_controller_count_in_node (SodoCommentsController *self,
                                        guint                   node)
{
  const SodoRegulationNode *nodes;
  guint count = 0;
  guint end;

  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), 0);

  if (node >= self->counts->len)
    return 0;

  /* Nodes are in document order: a node's subtree runs up to the next node outside it. */
  nodes = sodo_regulation_get_nodes (self->regulation);
  end = self->counts->len;
  for (guint i = node; i != SODO_NO_INDEX; i = nodes[i].parent)
    if (nodes[i].next_sibling != SODO_NO_INDEX)
      {
        end = nodes[i].next_sibling;
        break;
      }
  for (guint i = node; i < end; i++)
    count += g_array_index (self->counts, guint, i);

  return count;
}

GArray *
sodo_comments_controller_get_orphans (SodoCommentsController *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), NULL);

  if (self->comments == NULL || self->regulation == NULL)
    return g_array_new (FALSE, FALSE, sizeof (guint));

  return sodo_comments_find_orphans (self->comments, self->regulation);
}

/* Loading */

static void
live_set_gone_cb (gpointer  data,
                  GObject  *where_the_object_was)
{
  g_hash_table_remove (live_sets, data);
}

static void
register_live_set (SodoComments *comments,
                   GFile        *file)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    return;
  if (live_sets == NULL)
    live_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (live_sets, path, comments);
  /* The key is freed by the removal; the weak reference only needs its address. */
  g_object_weak_ref (G_OBJECT (comments), live_set_gone_cb, path);
}

static SodoComments *
find_live_set (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (live_sets == NULL || path == NULL)
    return NULL;

  return g_hash_table_lookup (live_sets, path);
}

/* A damaged file was set aside; its backup is moved aside too, next to it, so that the saves
 * that follow (each keeps the previous file as "<name>~") cannot replace it before the user
 * decides. */
static GFile *
keep_backup (GFile *backup,
             GFile *set_aside)
{
  g_autofree char *aside_path = g_file_get_path (set_aside);
  g_autofree char *kept_path = NULL;
  g_autoptr(GFile) kept = NULL;
  g_autoptr(GError) error = NULL;
  char *marker = aside_path != NULL ? g_strrstr (aside_path, ".damaged-") : NULL;

  if (marker == NULL)
    return g_object_ref (backup);

  *marker = '\0';
  kept_path = g_strdup_printf ("%s.backup-%s", aside_path, marker + strlen (".damaged-"));
  kept = g_file_new_for_path (kept_path);
  if (!g_file_move (backup, kept, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    return g_object_ref (backup);

  return g_steal_pointer (&kept);
}

static void
describe_load_problem (SodoCommentsController *self,
                       const GError           *error,
                       GFile                  *set_aside)
{
  g_autofree char *name = g_file_get_parse_name (self->file);

  if (set_aside != NULL)
    {
      g_autofree char *aside_name = g_file_get_parse_name (set_aside);

      self->load_problem = g_strdup_printf (_("Your comments file “%s” was damaged (%s). It "
                                              "was set aside as “%s”, untouched, and new "
                                              "comments go to a new file."),
                                            name, error->message, aside_name);
    }
  else
    self->load_problem = g_strdup_printf (_("Could not read your comments in “%s”: %s. "
                                            "Nothing is saved over it; comments cannot be "
                                            "added until it can be read."),
                                          name, error->message);
}

static void
load_comments (SodoCommentsController *self)
{
  const char *regulation_id = sodo_regulation_get_id (self->regulation);
  g_autoptr(SodoComments) comments = NULL;
  g_autoptr(GFile) set_aside = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GError) error = NULL;

  self->file = sodo_comments_store_get_default_file (regulation_id);
  self->draft_file = _sodo_comments_controller_default_draft_file (regulation_id);
  self->editable = TRUE;

  comments = find_live_set (self->file);
  if (comments != NULL)
    g_object_ref (comments);
  else
    {
      comments = sodo_comments_store_load (self->file, regulation_id, NULL, &set_aside, &backup,
                                           NULL, &error);
      if (comments == NULL)
        {
          describe_load_problem (self, error, set_aside);
          /* Unreadable but not damaged: saving would replace what could not be read. */
          self->editable = set_aside != NULL;
          if (backup != NULL && set_aside != NULL)
            self->backup_file = keep_backup (backup, set_aside);
          comments = sodo_comments_new (regulation_id);
        }
      if (self->editable)
        register_live_set (comments, self->file);
    }

  self->comments = g_steal_pointer (&comments);
  self->changed_id = g_signal_connect (self->comments, "changed",
                                       G_CALLBACK (on_comments_changed_cb), self);
  self->recovered_draft = _sodo_comments_controller_read_draft (self->draft_file, regulation_id);
}

/* Saves what is open, and lets go of it. */
static void
close_comments (SodoCommentsController *self)
{
  sodo_comments_controller_flush (self);
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  g_clear_pointer (&self->draft, sodo_comment_draft_free);
  g_clear_pointer (&self->recovered_draft, sodo_comment_draft_free);
  self->draft_dirty = FALSE;
  self->save_pending = FALSE;

  g_clear_signal_handler (&self->changed_id, self->comments);
  g_clear_object (&self->comments);
  g_clear_object (&self->file);
  g_clear_object (&self->draft_file);
  g_clear_object (&self->backup_file);
  g_clear_pointer (&self->load_problem, g_free);
  g_clear_pointer (&self->save_problem, g_free);
  g_queue_clear_full (&self->undo, _sodo_comments_controller_undo_entry_free);
  self->editable = FALSE;
}

static void
notify_all (SodoCommentsController *self)
{
  static const guint props[] = {
    PROP_REGULATION, PROP_COMMENTS, PROP_EDITABLE, PROP_PROBLEM, PROP_BACKUP_FILE, PROP_BUSY,
    PROP_HAS_RECOVERED_DRAFT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[props[i]]);
}

void
sodo_comments_controller_set_regulation (SodoCommentsController *self,
                                         SodoRegulation         *regulation)
{
  g_return_if_fail (SODO_IS_COMMENTS_CONTROLLER (self));
  g_return_if_fail (regulation == NULL || SODO_IS_REGULATION (regulation));

  if (self->regulation == regulation)
    return;

  /* The same regulation read again (its file changed): the same comments stay open. */
  if (self->regulation != NULL && regulation != NULL
      && g_strcmp0 (sodo_regulation_get_id (self->regulation),
                    sodo_regulation_get_id (regulation)) == 0)
    {
      g_set_object (&self->regulation, regulation);
      update_counts (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGULATION]);
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  close_comments (self);
  g_set_object (&self->regulation, regulation);
  if (regulation != NULL)
    load_comments (self);
  update_counts (self);
  notify_all (self);
  g_object_thaw_notify (G_OBJECT (self));
}

SodoRegulation *
sodo_comments_controller_get_regulation (SodoCommentsController *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), NULL);

  return self->regulation;
}

SodoComments *
sodo_comments_controller_get_comments (SodoCommentsController *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), NULL);

  return self->comments;
}

GFile *
sodo_comments_controller_get_file (SodoCommentsController *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), NULL);

  return self->file;
}

gboolean
sodo_comments_controller_get_editable (SodoCommentsController *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), FALSE);

  return self->editable;
}

const char *
sodo_comments_controller_get_problem (SodoCommentsController *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), NULL);

  return self->save_problem != NULL ? self->save_problem : self->load_problem;
}

GFile *
sodo_comments_controller_get_backup_file (SodoCommentsController *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), NULL);

  return self->backup_file;
}

void
sodo_comments_controller_dismiss_problem (SodoCommentsController *self)
{
  g_return_if_fail (SODO_IS_COMMENTS_CONTROLLER (self));

  if (self->load_problem == NULL && self->save_problem == NULL && self->backup_file == NULL)
    return;

  g_clear_pointer (&self->load_problem, g_free);
  g_clear_pointer (&self->save_problem, g_free);
  g_clear_object (&self->backup_file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKUP_FILE]);
}

gboolean
sodo_comments_controller_restore_backup (SodoCommentsController  *self,
                                         GPtrArray              **out_conflicts,
                                         GError                 **error)
{
  g_autoptr(SodoComments) backup = NULL;

  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), FALSE);

  if (self->backup_file == NULL)
    {
      g_set_error_literal (error, SODO_ERROR, SODO_ERROR_IO, _("There is no backup to restore"));
      return FALSE;
    }

  backup = sodo_comments_load_file (self->backup_file, NULL, NULL, error);
  if (backup == NULL
      || !sodo_comments_controller_merge (self, backup, NULL, NULL, out_conflicts, error))
    return FALSE;

  /* The backup stays on disk where it was moved: it is now part of the comments. */
  sodo_comments_controller_dismiss_problem (self);

  return TRUE;
}

/* Preferences */

static char *
dup_setting (SodoCommentsController *self,
             const char             *key)
{
  g_autofree char *value = NULL;

  if (self->settings == NULL)
    return NULL;
  value = g_strstrip (g_settings_get_string (self->settings, key));

  return value[0] != '\0' ? g_steal_pointer (&value) : NULL;
}

char *
sodo_comments_controller_dup_default_author (SodoCommentsController *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), NULL);

  return dup_setting (self, "comment-author");
}

char *
sodo_comments_controller_dup_default_organization (SodoCommentsController *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), NULL);

  return dup_setting (self, "comment-organization");
}

/* Changes */

/* GObject */

static void
sodo_comments_controller_dispose (GObject *object)
{
  SodoCommentsController *self = SODO_COMMENTS_CONTROLLER (object);

  close_comments (self);
  g_clear_object (&self->regulation);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sodo_comments_controller_parent_class)->dispose (object);
}

static void
sodo_comments_controller_finalize (GObject *object)
{
  SodoCommentsController *self = SODO_COMMENTS_CONTROLLER (object);

  g_clear_pointer (&self->counts, g_array_unref);

  G_OBJECT_CLASS (sodo_comments_controller_parent_class)->finalize (object);
}

static void
sodo_comments_controller_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SodoCommentsController *self = SODO_COMMENTS_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_REGULATION:
      g_value_set_object (value, self->regulation);
      break;

    case PROP_COMMENTS:
      g_value_set_object (value, self->comments);
      break;

    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;

    case PROP_PROBLEM:
      g_value_set_string (value, sodo_comments_controller_get_problem (self));
      break;

    case PROP_BACKUP_FILE:
      g_value_set_object (value, self->backup_file);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, get_busy (self));
      break;

    case PROP_HAS_RECOVERED_DRAFT:
      g_value_set_boolean (value, self->recovered_draft != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_comments_controller_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SodoCommentsController *self = SODO_COMMENTS_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_REGULATION:
      sodo_comments_controller_set_regulation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_comments_controller_class_init (SodoCommentsControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sodo_comments_controller_dispose;
  object_class->finalize = sodo_comments_controller_finalize;
  object_class->get_property = sodo_comments_controller_get_property;
  object_class->set_property = sodo_comments_controller_set_property;

  properties[PROP_REGULATION] =
    g_param_spec_object ("regulation", NULL, NULL, SODO_TYPE_REGULATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMMENTS] =
    g_param_spec_object ("comments", NULL, NULL, SODO_TYPE_COMMENTS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BACKUP_FILE] =
    g_param_spec_object ("backup-file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_RECOVERED_DRAFT] =
    g_param_spec_boolean ("has-recovered-draft", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SodoCommentsController::counts-changed:
   *
   * The number of comments on some node changed (or the regulation did).
   */
  signals[COUNTS_CHANGED] =
    g_signal_new ("counts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
  /**
   * SodoCommentsController::undoable:
   * @undo_id: what sodo_comments_controller_undo() takes to undo it
   * @description: what was done, for a toast ("Comment deleted")
   */
  signals[UNDOABLE] =
    g_signal_new ("undoable", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
}

/* The defaults come from Preferences where the schema is installed (not in every test). */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "comment-author"))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static void
sodo_comments_controller_init (SodoCommentsController *self)
{
  self->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_queue_init (&self->undo);
  self->settings = create_settings ();
}

SodoCommentsController *
sodo_comments_controller_new (void)
{
  return g_object_new (SODO_TYPE_COMMENTS_CONTROLLER, NULL);
}
