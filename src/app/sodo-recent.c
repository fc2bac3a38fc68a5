/* sodo-recent.c: the files Sodo opened lately, kept in the desktop's list of recent files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sodo-recent.h"

/* The default of the recent-limit setting. */
#define DEFAULT_LIMIT 10
/* The setting's upper bound: a longer menu would not fit on a screen. */
#define MAX_LIMIT 50

struct _SodoRecentFiles
{
  GObject           parent_instance;

  GtkRecentManager *manager;
  char             *action_name;
  char             *empty_action_name;
  GMenu            *menu;
  guint             limit;
};

G_DEFINE_FINAL_TYPE (SodoRecentFiles, sodo_recent_files, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIMIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const mime_types[] = {
  [SODO_DOCUMENT_ORGCHART] = "application/x-sodo-orgchart",
  [SODO_DOCUMENT_REGULATION] = "application/x-sodo-regulation",
  [SODO_DOCUMENT_COMMENTS] = "application/x-sodo-comments",
};

/* Names a file of one of Sodo's formats has when the MIME database does not know them. */
static const char *const name_endings[] = {
  ".orgchart.json", ".regulation.json", ".comments.json",
};

const char *
sodo_recent_get_mime_type (SodoDocumentKind kind)
{
  if (kind <= SODO_DOCUMENT_UNKNOWN || kind >= G_N_ELEMENTS (mime_types))
    return NULL;

  return mime_types[kind];
}

void
sodo_recent_add_file (GtkRecentManager *manager,
                      GFile            *file,
                      SodoDocumentKind  kind)
{
  g_autofree char *uri = NULL;
  /* The executable's name is meson's project name, GETTEXT_PACKAGE. */
  GtkRecentData data = {
    .mime_type = (char *) sodo_recent_get_mime_type (kind),
    .app_name = (char *) PACKAGE_NAME,
    .app_exec = (char *) GETTEXT_PACKAGE " %u",
  };

  g_return_if_fail (manager == NULL || GTK_IS_RECENT_MANAGER (manager));
  g_return_if_fail (G_IS_FILE (file));

  if (!g_file_is_native (file) || data.mime_type == NULL)
    return;

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_full (manager != NULL ? manager : gtk_recent_manager_get_default (),
                               uri, &data);
}

static gboolean
is_sodo_file (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);
  const char *mime_type = gtk_recent_info_get_mime_type (info);

  if (!g_str_has_suffix (uri, ".json"))
    return FALSE;
  if (gtk_recent_info_has_application (info, PACKAGE_NAME))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (mime_types); i++)
    if (mime_types[i] != NULL && g_strcmp0 (mime_type, mime_types[i]) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (name_endings); i++)
    if (g_str_has_suffix (uri, name_endings[i]))
      return TRUE;

  return FALSE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

/* The Sodo files still on disk, newest first, at most @limit. */
static GPtrArray *
collect_infos (SodoRecentFiles *self)
{
  GPtrArray *infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (self->manager);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_is_local (info) && is_sodo_file (info) && gtk_recent_info_exists (info))
        g_ptr_array_add (infos, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (infos, compare_newest_first);
  if (infos->len > self->limit)
    g_ptr_array_set_size (infos, self->limit);

  return infos;
}

/* Two files of the same name are told apart by their folder. */
static char *
make_label (GtkRecentInfo *info,
            GHashTable    *name_counts)
{
  const char *name = gtk_recent_info_get_display_name (info);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *folder_name = NULL;

  if (GPOINTER_TO_UINT (g_hash_table_lookup (name_counts, name)) < 2)
    return g_strdup (name);

  file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
  folder = g_file_get_parent (file);
  if (folder == NULL)
    return g_strdup (name);
  folder_name = g_file_get_basename (folder);

  /* Translators: a recent file's name, then the name of the folder it is in */
  return g_strdup_printf (_("%s (%s)"), name, folder_name);
}

static void
rebuild_menu (SodoRecentFiles *self)
{
  g_autoptr(GPtrArray) infos = collect_infos (self);
  g_autoptr(GHashTable) name_counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < infos->len; i++)
    {
      const char *name = gtk_recent_info_get_display_name (infos->pdata[i]);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (name_counts, name));

      g_hash_table_insert (name_counts, (gpointer) name, GUINT_TO_POINTER (count + 1));
    }

  g_menu_remove_all (self->menu);
  for (guint i = 0; i < infos->len; i++)
    {
      GtkRecentInfo *info = infos->pdata[i];
      g_autofree char *label = make_label (info, name_counts);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, self->action_name, "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (self->menu, item);
    }

  /* An empty menu would open as an empty box: say why it is empty. */
  if (infos->len == 0)
    g_menu_append (self->menu, _("No Recent Files"), self->empty_action_name);
}

static void
on_manager_changed_cb (SodoRecentFiles *self)
{
  rebuild_menu (self);
}

SodoRecentFiles *
sodo_recent_files_new (GtkRecentManager *manager,
                       const char       *action_name,
                       const char       *empty_action_name)
{
  SodoRecentFiles *self;

  g_return_val_if_fail (manager == NULL || GTK_IS_RECENT_MANAGER (manager), NULL);
  g_return_val_if_fail (action_name != NULL, NULL);
  g_return_val_if_fail (empty_action_name != NULL, NULL);

  self = g_object_new (SODO_TYPE_RECENT_FILES, NULL);
  self->manager = g_object_ref (manager != NULL ? manager : gtk_recent_manager_get_default ());
  self->action_name = g_strdup (action_name);
  self->empty_action_name = g_strdup (empty_action_name);
  g_signal_connect_object (self->manager, "changed", G_CALLBACK (on_manager_changed_cb), self,
                           G_CONNECT_SWAPPED);
  rebuild_menu (self);

  return self;
}

GMenuModel *
sodo_recent_files_get_menu (SodoRecentFiles *self)
{
  g_return_val_if_fail (SODO_IS_RECENT_FILES (self), NULL);

  return G_MENU_MODEL (self->menu);
}

guint
sodo_recent_files_get_limit (SodoRecentFiles *self)
{
  g_return_val_if_fail (SODO_IS_RECENT_FILES (self), 0);

  return self->limit;
}

void
sodo_recent_files_set_limit (SodoRecentFiles *self,
                             guint            limit)
{
  g_return_if_fail (SODO_IS_RECENT_FILES (self));

  limit = MIN (limit, MAX_LIMIT);
  if (self->limit == limit)
    return;

  self->limit = limit;
  if (self->manager != NULL)
    rebuild_menu (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
}

char **
sodo_recent_files_dup_uris (SodoRecentFiles *self)
{
  g_autoptr(GPtrArray) infos = NULL;
  GStrvBuilder *builder;
  char **uris;

  g_return_val_if_fail (SODO_IS_RECENT_FILES (self), NULL);

  infos = collect_infos (self);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < infos->len; i++)
    g_strv_builder_add (builder, gtk_recent_info_get_uri (infos->pdata[i]));
  uris = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return uris;
}

static void
sodo_recent_files_dispose (GObject *object)
{
  SodoRecentFiles *self = SODO_RECENT_FILES (object);

  g_clear_object (&self->manager);
  g_clear_object (&self->menu);

  G_OBJECT_CLASS (sodo_recent_files_parent_class)->dispose (object);
}

static void
sodo_recent_files_finalize (GObject *object)
{
  SodoRecentFiles *self = SODO_RECENT_FILES (object);

  g_free (self->action_name);
  g_free (self->empty_action_name);

  G_OBJECT_CLASS (sodo_recent_files_parent_class)->finalize (object);
}

static void
sodo_recent_files_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SodoRecentFiles *self = SODO_RECENT_FILES (object);

  switch (prop_id)
    {
    case PROP_LIMIT:
      g_value_set_uint (value, self->limit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_recent_files_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SodoRecentFiles *self = SODO_RECENT_FILES (object);

  switch (prop_id)
    {
    case PROP_LIMIT:
      sodo_recent_files_set_limit (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_recent_files_class_init (SodoRecentFilesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sodo_recent_files_dispose;
  object_class->finalize = sodo_recent_files_finalize;
  object_class->get_property = sodo_recent_files_get_property;
  object_class->set_property = sodo_recent_files_set_property;

  properties[PROP_LIMIT] =
    g_param_spec_uint ("limit", NULL, NULL, 0, MAX_LIMIT, DEFAULT_LIMIT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sodo_recent_files_init (SodoRecentFiles *self)
{
  self->menu = g_menu_new ();
  self->limit = DEFAULT_LIMIT;
}
