/* sodo-comments-store.h: where comments live on disk, and saving them without ever losing any
 *
 * A save writes a temporary file in the same folder, syncs it, keeps the previous file as
 * "<name>~" and renames the new one over it: after a crash at any moment the file holds either
 * the old or the new comments, never a mix or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sodo-comments.h"
#include "sodo-diagnostics.h"

G_BEGIN_DECLS

/* <user data dir>/sodo/comments/<regulation-id>.json */
GFile        *sodo_comments_store_get_default_file (const char          *regulation_id);
/* "<name>~", the previous version that every save keeps. */
GFile        *sodo_comments_store_get_backup_file  (GFile               *file);

/* Saves @comments to @file (a local file; its folder is created when missing). On failure the
 * previous file is untouched. */
gboolean      sodo_comments_store_save             (SodoComments        *comments,
                                                    GFile               *file,
                                                    GCancellable        *cancellable,
                                                    GError             **error);
/* The same, writing in a worker thread; the comments are serialised before this returns, so
 * they may change right away. Saves of one file are done one at a time; start the next save
 * of a file after the previous one finished, so that the newest always lands last. */
void          sodo_comments_store_save_async       (SodoComments        *comments,
                                                    GFile               *file,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean      sodo_comments_store_save_finish      (GAsyncResult        *result,
                                                    GError             **error);

/* Loads the comments kept in @file; a missing file gives an empty set for @regulation_id.
 * A damaged file (not readable as comments) is never overwritten: it is renamed to
 * "<name>.damaged-<YYYYMMDD-HHMMSS>" (@out_set_aside), and NULL is returned with the error;
 * @out_backup is set when "<name>~" exists, so the UI can offer to restore it. A file that
 * cannot be read at all (permissions) or was made by a newer Sodo is left where it is.
 * @diags (nullable) receives the problems found. */
SodoComments *sodo_comments_store_load             (GFile               *file,
                                                    const char          *regulation_id,
                                                    SodoDiagnostics     *diags,
                                                    GFile              **out_set_aside,
                                                    GFile              **out_backup,
                                                    GCancellable        *cancellable,
                                                    GError             **error);

G_END_DECLS
