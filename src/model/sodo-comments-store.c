/* sodo-comments-store.c: saving comments atomically, and setting damaged files aside
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sodo-comments-private.h"
#include "sodo-comments-store.h"
#include "sodo-json-private.h"

static int fail_point = SODO_COMMENTS_STORE_FAIL_NONE;
static SodoCommentsStoreHook store_hook;

/* One save at a time in this process, so that the backup and the rename of two saves never
 * interleave. */
static GMutex save_lock;

void
_sodo_comments_store_set_fail_point (SodoCommentsStoreFailPoint point)
{
  g_atomic_int_set (&fail_point, point);
}

void
_sodo_comments_store_set_hook (SodoCommentsStoreHook hook)
{
  store_hook = hook;
}

static gboolean
check_fail_point (SodoCommentsStoreFailPoint   point,
                  GError                     **error)
{
  if (store_hook != NULL)
    store_hook (point);
  if (g_atomic_int_get (&fail_point) != (int) point)
    return TRUE;

  g_set_error_literal (error, SODO_ERROR, SODO_ERROR_IO, "Injected failure (test)");
  return FALSE;
}

GFile *
sodo_comments_store_get_default_file (const char *regulation_id)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  /* A valid id holds no "/" and cannot be "." or "..": it is safe as a file name. */
  g_return_val_if_fail (_sodo_id_is_valid (regulation_id), NULL);

  name = g_strconcat (regulation_id, ".json", NULL);
  path = g_build_filename (g_get_user_data_dir (), "sodo", "comments", name, NULL);

  return g_file_new_for_path (path);
}

GFile *
sodo_comments_store_get_backup_file (GFile *file)
{
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  g_return_val_if_fail (path != NULL, NULL);

  backup = g_strconcat (path, "~", NULL);
  return g_file_new_for_path (backup);
}

static gboolean set_errno_error (GError     **error,
                                 int          saved_errno,
                                 const char  *format,
                                 ...) G_GNUC_PRINTF (3, 4);

/* Sets an IO error "<what>: <reason>"; always returns FALSE. */
static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *format,
                 ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, SODO_ERROR, SODO_ERROR_IO, "%s: %s", what, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          length,
           const char    *path,
           GError       **error)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        return set_errno_error (error, errno, _("could not write “%s”"), path);

      data += written;
      length -= (gsize) written;
    }

  return TRUE;
}

/* Writes @bytes to a new temporary file next to @path and syncs it; returns its name. */
static char *
write_temporary (GBytes      *bytes,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  struct stat previous;
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  int fd;

  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_errno_error (error, errno, _("could not create a file in “%s”"), dir);
      return NULL;
    }

  /* A new file gets 0666 less the umask; a replaced one keeps the permissions it had. */
  if (g_stat (path, &previous) == 0)
    (void) fchmod (fd, previous.st_mode & 07777);

  /* In two halves, so that a test can stop a save with half a file written. */
  if (!write_all (fd, data, length / 2, tmp_path, error)
      || !check_fail_point (SODO_COMMENTS_STORE_FAIL_MID_WRITE, error)
      || !write_all (fd, data + length / 2, length - length / 2, tmp_path, error))
    goto failed;
  if (g_fsync (fd) != 0)
    {
      set_errno_error (error, errno, _("could not write “%s”"), tmp_path);
      goto failed;
    }
  if (!g_close (fd, NULL))
    {
      fd = -1;
      set_errno_error (error, errno, _("could not write “%s”"), tmp_path);
      goto failed;
    }

  return g_steal_pointer (&tmp_path);

failed:
  if (fd >= 0)
    g_close (fd, NULL);
  g_unlink (tmp_path);
  return NULL;
}

/* Copies @path to @dest through a synced temporary file: for file systems without hard links. */
static gboolean
copy_file (const char  *path,
           const char  *dest,
           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GError *local_error = NULL;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_IO, "%s", local_error->message);
      g_error_free (local_error);
      return FALSE;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  tmp_path = write_temporary (bytes, dest, error);
  if (tmp_path == NULL)
    return FALSE;

  if (g_rename (tmp_path, dest) != 0)
    {
      set_errno_error (error, errno, _("could not write “%s”"), dest);
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}

/* Gives @path a second name @dest, replacing @dest atomically; a hard link keeps the very
 * file, so the backup costs no copy. */
static gboolean
link_over (const char  *path,
           const char  *dest,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest);
  g_autofree char *base = g_path_get_basename (dest);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *tmp_path = g_strdup_printf ("%s/.%s.%08x", dir, base, g_random_int ());

      if (link (path, tmp_path) != 0)
        {
          if (errno == EEXIST)
            continue;
          return copy_file (path, dest, error);
        }

      if (g_rename (tmp_path, dest) != 0)
        {
          int saved_errno = errno;

          g_unlink (tmp_path);
          return set_errno_error (error, saved_errno, _("could not write “%s”"), dest);
        }
      return TRUE;
    }

  return copy_file (path, dest, error);
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* Makes the rename itself durable. Some file systems refuse to sync a folder; the rename
   * is still atomic there. */
  if (fd >= 0)
    {
      (void) g_fsync (fd);
      g_close (fd, NULL);
    }
}

/* A symbolic link is saved through, not replaced by a plain file. */
static char *
resolve_target (const char *path)
{
  char *real = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    real = realpath (path, NULL);

  /* realpath() allocates with malloc(), which g_free() matches since GLib 2.46. */
  return real != NULL ? real : g_strdup (path);
}

static gboolean
save_bytes (GBytes        *bytes,
            const char    *requested_path,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *path = resolve_target (requested_path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *tmp_path = NULL;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&save_lock);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_errno_error (error, errno, _("could not create the folder “%s”"), dir);

  tmp_path = write_temporary (bytes, path, error);
  if (tmp_path == NULL)
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error)
      || !check_fail_point (SODO_COMMENTS_STORE_FAIL_AFTER_WRITE, error))
    goto failed;

  if (g_file_test (path, G_FILE_TEST_EXISTS) && !link_over (path, backup, error))
    goto failed;

  if (!check_fail_point (SODO_COMMENTS_STORE_FAIL_AFTER_BACKUP, error))
    goto failed;

  if (g_rename (tmp_path, path) != 0)
    {
      set_errno_error (error, errno, _("could not write “%s”"), path);
      goto failed;
    }

  sync_folder (path);
  return TRUE;

failed:
  g_unlink (tmp_path);
  return FALSE;
}

static char *
local_path (GFile   *file,
            GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, SODO_ERROR, SODO_ERROR_IO,
                   _("comments can only be saved to a local file, not “%s”"), uri);
    }

  return path;
}

gboolean
sodo_comments_store_save (SodoComments  *comments,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (SODO_IS_COMMENTS (comments), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = local_path (file, error);
  if (path == NULL)
    return FALSE;

  bytes = sodo_comments_to_bytes (comments);
  return save_bytes (bytes, path, cancellable, error);
}

typedef struct {
  GBytes *bytes;
  char   *path;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_bytes_unref (data->bytes);
  g_free (data->path);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (save_bytes (data->bytes, data->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sodo_comments_store_save_async (SodoComments        *comments,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveData *data;
  char *path;

  g_return_if_fail (SODO_IS_COMMENTS (comments));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (comments, cancellable, callback, user_data);
  g_task_set_source_tag (task, sodo_comments_store_save_async);

  path = local_path (file, &error);
  if (path == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->bytes = sodo_comments_to_bytes (comments);
  data->path = path;
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
sodo_comments_store_save_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sodo_comments_store_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Renames a damaged @path to "<path>.damaged-<timestamp>", never over an existing file. */
static char *
set_aside (const char  *path,
           GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint attempt = 1; attempt < 1000; attempt++)
    {
      g_autofree char *dest = attempt == 1
                              ? g_strdup_printf ("%s.damaged-%s", path, stamp)
                              : g_strdup_printf ("%s.damaged-%s-%u", path, stamp, attempt);

      /* link() fails on an existing name, where rename() would replace it. */
      if (link (path, dest) == 0)
        {
          g_unlink (path);
          return g_steal_pointer (&dest);
        }
      if (errno == EEXIST || g_file_test (dest, G_FILE_TEST_EXISTS))
        continue;

      /* No hard links on this file system. */
      if (g_rename (path, dest) == 0)
        return g_steal_pointer (&dest);

      set_errno_error (error, errno, _("could not set the damaged file “%s” aside"), path);
      return NULL;
    }

  g_set_error (error, SODO_ERROR, SODO_ERROR_IO,
               _("could not set the damaged file “%s” aside"), path);
  return NULL;
}

static gboolean
is_damage (const GError *error)
{
  /* Unreadable (permissions, a folder) or newer than this Sodo is not damage: the file is
   * left alone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  return error->domain != SODO_ERROR
         || (error->code != SODO_ERROR_IO && error->code != SODO_ERROR_VERSION);
}

SodoComments *
sodo_comments_store_load (GFile            *file,
                          const char       *regulation_id,
                          SodoDiagnostics  *diags,
                          GFile           **out_set_aside,
                          GFile           **out_backup,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *aside = NULL;
  SodoComments *comments;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (regulation_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_set_aside != NULL)
    *out_set_aside = NULL;
  if (out_backup != NULL)
    *out_backup = NULL;

  path = local_path (file, error);
  if (path == NULL)
    return NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return sodo_comments_new (regulation_id);

  comments = sodo_comments_load_file (file, diags, cancellable, &local_error);
  if (comments != NULL)
    return comments;

  if (!is_damage (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  aside = set_aside (path, error);
  if (aside == NULL)
    return NULL;

  if (out_set_aside != NULL)
    *out_set_aside = g_file_new_for_path (aside);
  backup = sodo_comments_store_get_backup_file (file);
  if (out_backup != NULL && g_file_query_exists (backup, NULL))
    *out_backup = g_steal_pointer (&backup);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}
