/* test-comments-store.c: atomic saves, backups, failures and kills mid-save, damaged files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "model/sodo-comments-private.h"
#include "model/sodo-comments-store.h"

static char *self_exe;

/* Helpers */

static SodoComments *
make_comments (const char *text,
               guint       n_comments)
{
  SodoComments *comments = sodo_comments_new ("store-test");

  for (guint i = 0; i < n_comments; i++)
    {
      g_autofree char *id = g_strdup_printf ("c-20231027-%05u", i);
      SodoComment comment = {
        id, (char *) "art-1", (char *) "Nguyễn Văn A", (char *) "Thành ủy Hà Nội",
        SODO_COMMENT_KIND_PROPOSAL, SODO_COMMENT_OPEN,
        (char *) "2023-10-27T16:00:00+07:00", (char *) "2023-10-27T16:00:00+07:00",
        (char *) text, 0,
      };
      g_autoptr(GError) error = NULL;

      g_assert_true (sodo_comments_insert (comments, i, &comment, &error));
      g_assert_no_error (error);
    }

  return comments;
}

static char *
make_test_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sodo-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_file_holds (const char *path,
                   GBytes     *expected)
{
  g_autoptr(GBytes) actual = read_bytes (path);

  g_assert_cmpmem (g_bytes_get_data (actual, NULL), g_bytes_get_size (actual),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* Names in @dir starting with "." (temporary files of a save). */
static guint
count_hidden (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (name[0] == '.')
      n++;

  return n;
}

static void
save_ok (SodoComments *comments,
         const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (sodo_comments_store_save (comments, file, NULL, &error));
  g_assert_no_error (error);
}

/* Paths */

static void
test_default_file (void)
{
  g_autoptr(GFile) file = sodo_comments_store_get_default_file ("draft-2023-10");
  g_autoptr(GFile) backup = sodo_comments_store_get_backup_file (file);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "sodo", "comments",
                                                "draft-2023-10.json", NULL);
  g_autofree char *expected_backup = g_strconcat (expected, "~", NULL);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *backup_path = g_file_get_path (backup);

  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpstr (backup_path, ==, expected_backup);
}

/* Saving */

static void
test_save_and_backup (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, "new", "folder", "r.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(SodoComments) first = make_comments ("first", 2);
  g_autoptr(SodoComments) second = make_comments ("second", 3);
  g_autoptr(GBytes) first_bytes = sodo_comments_to_bytes (first);
  g_autoptr(GBytes) second_bytes = sodo_comments_to_bytes (second);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SodoComments) loaded = NULL;
  g_autoptr(GError) error = NULL;

  /* The folder is made; no backup of a file that did not exist. */
  save_ok (first, path);
  assert_file_holds (path, first_bytes);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_hidden (folder), ==, 0);

  save_ok (second, path);
  assert_file_holds (path, second_bytes);
  assert_file_holds (backup, first_bytes);
  g_assert_cmpuint (count_hidden (folder), ==, 0);

  /* The backup always holds the version before the last save. */
  save_ok (first, path);
  assert_file_holds (path, first_bytes);
  assert_file_holds (backup, second_bytes);

  loaded = sodo_comments_store_load (file, "store-test", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sodo_comments_get_n_comments (loaded), ==, 2);

  remove_tree (dir);
}

static void
test_save_keeps_permissions (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, "r.json", NULL);
  g_autoptr(SodoComments) comments = make_comments ("x", 1);
  GStatBuf info;

  save_ok (comments, path);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  save_ok (comments, path);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  save_ok (comments, path);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0640);

  remove_tree (dir);
}

static void
test_save_through_symlink (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *real = g_build_filename (dir, "real.json", NULL);
  g_autofree char *real_backup = g_build_filename (dir, "real.json~", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.json", NULL);
  g_autoptr(SodoComments) first = make_comments ("first", 1);
  g_autoptr(SodoComments) second = make_comments ("second", 1);
  g_autoptr(GBytes) first_bytes = sodo_comments_to_bytes (first);
  g_autoptr(GBytes) second_bytes = sodo_comments_to_bytes (second);

  save_ok (first, real);
  g_assert_cmpint (symlink ("real.json", link_path), ==, 0);
  save_ok (second, link_path);

  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  assert_file_holds (real, second_bytes);
  assert_file_holds (real_backup, first_bytes);

  remove_tree (dir);
}

static void
test_save_not_local (void)
{
  g_autoptr(SodoComments) comments = make_comments ("x", 1);
  g_autoptr(GFile) file = g_file_new_for_uri ("https://example.org/comments.json");
  g_autoptr(GError) error = NULL;

  g_assert_false (sodo_comments_store_save (comments, file, NULL, &error));
  g_assert_error (error, SODO_ERROR, SODO_ERROR_IO);
}

static void
test_save_unwritable_folder (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, "r.json", NULL);
  g_autoptr(SodoComments) first = make_comments ("first", 1);
  g_autoptr(SodoComments) second = make_comments ("second", 1);
  g_autoptr(GBytes) first_bytes = sodo_comments_to_bytes (first);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("permissions do not apply to root");
      remove_tree (dir);
      return;
    }

  save_ok (first, path);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  g_assert_false (sodo_comments_store_save (second, file, NULL, &error));
  g_assert_error (error, SODO_ERROR, SODO_ERROR_IO);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  assert_file_holds (path, first_bytes);

  remove_tree (dir);
}

/* An injected failure between writing and renaming leaves the previous file as it was. */
static void
check_failure_at (SodoCommentsStoreFailPoint point)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, "r.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(SodoComments) v1 = make_comments ("version 1", 5);
  g_autoptr(SodoComments) v2 = make_comments ("version 2", 5);
  g_autoptr(SodoComments) v3 = make_comments ("version 3", 50);
  g_autoptr(GBytes) v1_bytes = sodo_comments_to_bytes (v1);
  g_autoptr(GBytes) v2_bytes = sodo_comments_to_bytes (v2);
  g_autoptr(GBytes) v3_bytes = sodo_comments_to_bytes (v3);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoComments) loaded = NULL;

  save_ok (v1, path);
  save_ok (v2, path);

  _sodo_comments_store_set_fail_point (point);
  g_assert_false (sodo_comments_store_save (v3, file, NULL, &error));
  _sodo_comments_store_set_fail_point (SODO_COMMENTS_STORE_FAIL_NONE);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_IO);
  g_clear_error (&error);

  assert_file_holds (path, v2_bytes);
  /* Before the backup step the old backup stays; after it, it holds the current file. */
  assert_file_holds (backup, point == SODO_COMMENTS_STORE_FAIL_AFTER_WRITE ? v1_bytes : v2_bytes);
  g_assert_cmpuint (count_hidden (dir), ==, 0);
  loaded = sodo_comments_store_load (file, "store-test", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sodo_comments_get_n_comments (loaded), ==, 5);

  /* And the next save works. */
  save_ok (v3, path);
  assert_file_holds (path, v3_bytes);
  assert_file_holds (backup, v2_bytes);

  remove_tree (dir);
}

static void
test_fail_after_write (void)
{
  check_failure_at (SODO_COMMENTS_STORE_FAIL_AFTER_WRITE);
}

static void
test_fail_after_backup (void)
{
  check_failure_at (SODO_COMMENTS_STORE_FAIL_AFTER_BACKUP);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;
  gboolean ok = sodo_comments_store_save_finish (result, error);

  g_assert_true (ok == (*error == NULL));
  g_assert_true (G_IS_OBJECT (source));
  *(gboolean *) g_object_get_data (source, "done") = TRUE;
}

static void
test_save_async (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, "r.json", NULL);
  g_autoptr(SodoComments) comments = make_comments ("async", 20);
  g_autoptr(GBytes) expected = sodo_comments_to_bytes (comments);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GError *error = NULL;
  gboolean done = FALSE;

  g_object_set_data (G_OBJECT (comments), "done", &done);
  sodo_comments_store_save_async (comments, file, NULL, on_saved, &error);
  /* Serialised before the call returned: a change now is not in this save. */
  g_assert_nonnull (sodo_comments_add (comments, "art-2", NULL, NULL, SODO_COMMENT_KIND_COMMENT,
                                       "later", NULL));
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (error);
  assert_file_holds (path, expected);

  remove_tree (dir);
}

/* Killed mid-save */

#define KILL_TEXT_LENGTH 700
#define KILL_COMMENTS    3000

static SodoComments *
make_kill_variant (char letter)
{
  g_autofree char *text = g_strnfill (KILL_TEXT_LENGTH, letter);

  return make_comments (text, KILL_COMMENTS);
}

/* The child: saves two versions in turn, for ever, until it is killed. */
static int
run_save_loop (const char *path)
{
  g_autoptr(SodoComments) a = make_kill_variant ('a');
  g_autoptr(SodoComments) b = make_kill_variant ('b');
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; ; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!sodo_comments_store_save (i % 2 == 0 ? a : b, file, NULL, &error))
        {
          g_printerr ("save failed: %s\n", error->message);
          return 1;
        }
      if (i == 0)
        {
          /* Tells the parent that saving is under way. */
          if (write (STDOUT_FILENO, "r", 1) != 1)
            return 1;
        }
    }

  return 0;
}

static SodoCommentsStoreFailPoint pause_point;
static gboolean pause_armed;

/* Stops the process for good at the chosen point of the second save, after telling the
 * parent, which then kills it there. */
static void
pause_at_point (SodoCommentsStoreFailPoint point)
{
  if (!pause_armed || point != pause_point)
    return;
  if (write (STDOUT_FILENO, "p", 1) != 1)
    _exit (1);
  for (;;)
    pause ();
}

/* The child: saves version a whole, then stops inside the save of version b. */
static int
run_save_pause (const char *point,
                const char *path)
{
  g_autoptr(SodoComments) a = make_kill_variant ('a');
  g_autoptr(SodoComments) b = make_kill_variant ('b');
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  pause_point = (SodoCommentsStoreFailPoint) g_ascii_strtoull (point, NULL, 10);
  _sodo_comments_store_set_hook (pause_at_point);
  if (!sodo_comments_store_save (a, file, NULL, &error))
    return 1;
  pause_armed = TRUE;
  sodo_comments_store_save (b, file, NULL, &error);
  /* Not reached: the hook stops the process inside this save. */
  return 2;
}

/* Whatever moment a save is killed at, the file holds one whole version and loads. */
static void
assert_whole_after_kill (const char *dir,
                         const char *path,
                         GBytes     *a_bytes,
                         GBytes     *b_bytes,
                         gboolean   *is_a)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GBytes) after = read_bytes (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SodoComments) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_bytes_equal (after, a_bytes) || g_bytes_equal (after, b_bytes));
  *is_a = g_bytes_equal (after, a_bytes);
  if (g_file_test (backup, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GBytes) kept = read_bytes (backup);

      g_assert_true (g_bytes_equal (kept, a_bytes) || g_bytes_equal (kept, b_bytes));
    }

  loaded = sodo_comments_store_load (file, "store-test", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sodo_comments_get_n_comments (loaded), ==, KILL_COMMENTS);
  g_assert_cmpuint (count_hidden (dir), <=, 2);
}

static void
remove_hidden (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (name[0] == '.')
      {
        g_autofree char *stale = g_build_filename (dir, name, NULL);

        g_unlink (stale);
      }
}

static void
kill_child (GPid pid,
            int  out_fd)
{
  int status = 0;

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_spawn_close_pid (pid);
  close (out_fd);
}

/* Deterministic: the child stops at each point of a save (half the temporary file written;
 * whole and synced; backup made, not yet renamed) and is killed there. The old version must
 * survive whole every time: no timing involved, so a busy machine cannot make it pass or fail
 * by luck. */
static void
test_kill_at_each_point (void)
{
  static const SodoCommentsStoreFailPoint points[] = {
    SODO_COMMENTS_STORE_FAIL_MID_WRITE,
    SODO_COMMENTS_STORE_FAIL_AFTER_WRITE,
    SODO_COMMENTS_STORE_FAIL_AFTER_BACKUP,
  };
  g_autoptr(SodoComments) a = make_kill_variant ('a');
  g_autoptr(SodoComments) b = make_kill_variant ('b');
  g_autoptr(GBytes) a_bytes = sodo_comments_to_bytes (a);
  g_autoptr(GBytes) b_bytes = sodo_comments_to_bytes (b);

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autofree char *dir = make_test_dir ();
      g_autofree char *path = g_build_filename (dir, "r.json", NULL);
      g_autofree char *point = g_strdup_printf ("%d", points[i]);
      const char *argv[] = { self_exe, "--save-pause", point, path, NULL };
      g_autoptr(GError) error = NULL;
      GPid pid = 0;
      int out_fd = -1;
      char stopped = 0;
      gboolean is_a = FALSE;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (read (out_fd, &stopped, 1), ==, 1);
      g_assert_cmpint (stopped, ==, 'p');
      kill_child (pid, out_fd);

      assert_whole_after_kill (dir, path, a_bytes, b_bytes, &is_a);
      /* Killed before the rename: the new version never replaced the old one. */
      g_assert_true (is_a);
      /* The temporary file is left behind (hidden), not mistaken for the real one. */
      g_assert_cmpuint (count_hidden (dir), >=, 1);

      remove_hidden (dir);
      remove_tree (dir);
    }
}

/* Random: kills at random moments of a save loop; whatever moment, one whole version. */
static void
test_kill_at_random (void)
{
  const guint n_rounds = 30;
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, "r.json", NULL);
  g_autoptr(SodoComments) a = make_kill_variant ('a');
  g_autoptr(SodoComments) b = make_kill_variant ('b');
  g_autoptr(GBytes) a_bytes = sodo_comments_to_bytes (a);
  g_autoptr(GBytes) b_bytes = sodo_comments_to_bytes (b);
  guint n_a = 0, n_mid_write = 0;

  for (guint round = 0; round < n_rounds; round++)
    {
      const char *argv[] = { self_exe, "--save-loop", path, NULL };
      g_autoptr(GError) error = NULL;
      GPid pid = 0;
      int out_fd = -1;
      char ready = 0;
      gboolean is_a = FALSE;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (read (out_fd, &ready, 1), ==, 1);
      g_assert_cmpint (ready, ==, 'r');

      g_usleep (g_random_int_range (0, 40000));
      kill_child (pid, out_fd);

      assert_whole_after_kill (dir, path, a_bytes, b_bytes, &is_a);
      n_a += is_a;
      n_mid_write += count_hidden (dir) > 0;
      remove_hidden (dir);
    }

  g_test_message ("%u rounds: old/new content %u/%u, killed inside a save %u times",
                  n_rounds, n_a, n_rounds - n_a, n_mid_write);
  remove_tree (dir);
}

/* Loading through the store */

static void
test_load_missing (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, "none.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) aside = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(SodoComments) comments = NULL;
  g_autoptr(GError) error = NULL;

  comments = sodo_comments_store_load (file, "draft-2023-10", NULL, &aside, &backup, NULL,
                                       &error);
  g_assert_no_error (error);
  g_assert_nonnull (comments);
  g_assert_cmpstr (sodo_comments_get_regulation_id (comments), ==, "draft-2023-10");
  g_assert_cmpuint (sodo_comments_get_n_comments (comments), ==, 0);
  g_assert_null (aside);
  g_assert_null (backup);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

static GFile *
load_damaged (GFile          *file,
              const char     *contents,
              SodoErrorCode   code,
              GFile         **out_backup)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("r.json");
  g_autoptr(SodoComments) comments = NULL;
  g_autoptr(GError) error = NULL;
  GFile *aside = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  comments = sodo_comments_store_load (file, "store-test", diags, &aside, out_backup, NULL,
                                       &error);
  g_assert_null (comments);
  g_assert_error (error, SODO_ERROR, (int) code);
  g_assert_true (sodo_diagnostics_has_errors (diags));
  g_assert_nonnull (aside);
  /* Set aside, not left to be overwritten by the next save. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  return aside;
}

static void
test_damaged_set_aside (void)
{
  static const char truncated[] = "{\n  \"format\": \"sodo-comments\",\n  \"version\": 1,\n  \"reg";
  static const char not_comments[] = "{\"format\": \"sodo-comments\", \"version\": 1}";
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, "r.json", NULL);
  g_autofree char *backup_path = g_strconcat (path, "~", NULL);
  g_autoptr(SodoComments) good = make_comments ("good", 2);
  g_autoptr(GBytes) good_bytes = sodo_comments_to_bytes (good);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) aside = NULL;
  g_autoptr(GFile) aside_again = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GFile) no_backup = NULL;
  g_autofree char *aside_path = NULL;
  g_autofree char *aside_again_path = NULL;
  g_autofree char *backup_reported = NULL;
  g_autofree char *prefix = g_strconcat (path, ".damaged-", NULL);
  g_autoptr(GBytes) held = NULL;

  /* Without a backup. */
  aside = load_damaged (file, truncated, SODO_ERROR_SYNTAX, &no_backup);
  g_assert_null (no_backup);
  aside_path = g_file_get_path (aside);
  g_assert_true (g_str_has_prefix (aside_path, prefix));
  g_assert_true (g_regex_match_simple ("\\.damaged-\\d{8}-\\d{6}(-\\d+)?$", aside_path, 0, 0));
  held = read_bytes (aside_path);
  g_assert_cmpstr (g_bytes_get_data (held, NULL), ==, truncated);

  /* With a backup, which the store reports; a second damaged file never replaces the
   * first one set aside, even within the same second. */
  save_ok (good, path);
  save_ok (good, path);
  g_assert_true (g_file_test (backup_path, G_FILE_TEST_EXISTS));
  aside_again = load_damaged (file, not_comments, SODO_ERROR_MISSING, &backup);
  g_assert_nonnull (backup);
  backup_reported = g_file_get_path (backup);
  g_assert_cmpstr (backup_reported, ==, backup_path);
  assert_file_holds (backup_path, good_bytes);

  aside_again_path = g_file_get_path (aside_again);
  g_assert_cmpstr (aside_again_path, !=, aside_path);
  g_clear_pointer (&held, g_bytes_unref);
  held = read_bytes (aside_path);
  g_assert_cmpstr (g_bytes_get_data (held, NULL), ==, truncated);
  g_clear_pointer (&held, g_bytes_unref);
  held = read_bytes (aside_again_path);
  g_assert_cmpstr (g_bytes_get_data (held, NULL), ==, not_comments);

  /* Saving afterwards leaves the damaged files alone. */
  save_ok (good, path);
  g_clear_pointer (&held, g_bytes_unref);
  held = read_bytes (aside_path);
  g_assert_cmpstr (g_bytes_get_data (held, NULL), ==, truncated);

  remove_tree (dir);
}

/* What is not damage stays where it is. */
static void
test_not_damaged_left_alone (void)
{
  static const char newer[] = "{\"format\": \"sodo-comments\", \"version\": 2, \"regulation\": \"r\"}";
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, "r.json", NULL);
  g_autofree char *folder_path = g_build_filename (dir, "folder.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GFile) aside = NULL;
  g_autoptr(SodoComments) comments = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, newer, -1, &error);
  g_assert_no_error (error);
  comments = sodo_comments_store_load (file, "r", NULL, &aside, NULL, NULL, &error);
  g_assert_null (comments);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_VERSION);
  g_assert_null (aside);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  comments = sodo_comments_store_load (folder, "r", NULL, &aside, NULL, NULL, &error);
  g_assert_null (comments);
  g_assert_error (error, SODO_ERROR, SODO_ERROR_IO);
  g_assert_null (aside);
  g_assert_true (g_file_test (folder_path, G_FILE_TEST_IS_DIR));

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--save-loop"))
    return run_save_loop (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "--save-pause"))
    return run_save_pause (argv[2], argv[3]);

  self_exe = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/comments-store/default-file", test_default_file);
  g_test_add_func ("/comments-store/save/backup", test_save_and_backup);
  g_test_add_func ("/comments-store/save/permissions", test_save_keeps_permissions);
  g_test_add_func ("/comments-store/save/symlink", test_save_through_symlink);
  g_test_add_func ("/comments-store/save/not-local", test_save_not_local);
  g_test_add_func ("/comments-store/save/unwritable", test_save_unwritable_folder);
  g_test_add_func ("/comments-store/save/async", test_save_async);
  g_test_add_func ("/comments-store/fail/after-write", test_fail_after_write);
  g_test_add_func ("/comments-store/fail/after-backup", test_fail_after_backup);
  g_test_add_func ("/comments-store/kill/at-each-point", test_kill_at_each_point);
  g_test_add_func ("/comments-store/kill/at-random", test_kill_at_random);
  g_test_add_func ("/comments-store/load/missing", test_load_missing);
  g_test_add_func ("/comments-store/load/damaged", test_damaged_set_aside);
  g_test_add_func ("/comments-store/load/not-damaged", test_not_damaged_left_alone);

  return g_test_run ();
}
