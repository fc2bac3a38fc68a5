/* sodo-comments-controller-drafts.c: the comment being written, kept on disk
 *
 * A draft is a small JSON file per regulation ("format": "sodo-comment-draft"), written a
 * moment after the last change through a temporary file, so a crash leaves the previous
 * draft or the new one. It is offered back when the regulation is opened again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "sodo-comments-controller-private.h"

SodoCommentDraft *
sodo_comment_draft_copy (const SodoCommentDraft *draft)
{
  SodoCommentDraft *copy;

  g_return_val_if_fail (draft != NULL, NULL);

  copy = g_new0 (SodoCommentDraft, 1);
  copy->comment_id = g_strdup (draft->comment_id);
  copy->target = g_strdup (draft->target);
  copy->kind = draft->kind;
  copy->author = g_strdup (draft->author);
  copy->organization = g_strdup (draft->organization);
  copy->text = g_strdup (draft->text);

  return copy;
}

void
sodo_comment_draft_free (SodoCommentDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->comment_id);
  g_free (draft->target);
  g_free (draft->author);
  g_free (draft->organization);
  g_free (draft->text);
  g_free (draft);
}

GFile *
_sodo_comments_controller_default_draft_file (const char *regulation_id)
{
  g_autofree char *name = g_strconcat (regulation_id, ".json", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "sodo", "drafts", name,
                                            NULL);

  return g_file_new_for_path (path);
}

static GBytes *
draft_to_bytes (SodoCommentsController *self,
                const SodoCommentDraft *draft)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *saved = g_date_time_format_iso8601 (now);
  gsize length = 0;
  char *data;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "sodo-comment-draft");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "regulation");
  json_builder_add_string_value (builder, sodo_regulation_get_id (self->regulation));
  if (draft->comment_id != NULL)
    {
      json_builder_set_member_name (builder, "comment");
      json_builder_add_string_value (builder, draft->comment_id);
    }
  json_builder_set_member_name (builder, "target");
  json_builder_add_string_value (builder, draft->target);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, sodo_comment_kind_to_string (draft->kind));
  if (empty_to_null (draft->author) != NULL)
    {
      json_builder_set_member_name (builder, "author");
      json_builder_add_string_value (builder, draft->author);
    }
  if (empty_to_null (draft->organization) != NULL)
    {
      json_builder_set_member_name (builder, "organization");
      json_builder_add_string_value (builder, draft->organization);
    }
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, draft->text != NULL ? draft->text : "");
  json_builder_set_member_name (builder, "saved");
  json_builder_add_string_value (builder, saved);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);

  return g_bytes_new_take (data, length);
}

static const char *
object_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* The draft in @file, if it is one about @regulation_id; a damaged one is ignored (and is
 * replaced by the next draft). */
SodoCommentDraft *
_sodo_comments_controller_read_draft (GFile      *file,
                                      const char *regulation_id)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(SodoCommentDraft) draft = NULL;
  g_autofree char *stripped = NULL;
  JsonObject *object;
  JsonNode *root;

  if (path == NULL || !json_parser_load_from_mapped_file (parser, path, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  if (g_strcmp0 (object_string (object, "format"), "sodo-comment-draft") != 0
      || g_strcmp0 (object_string (object, "regulation"), regulation_id) != 0
      || object_string (object, "target") == NULL || object_string (object, "text") == NULL)
    return NULL;

  draft = g_new0 (SodoCommentDraft, 1);
  draft->comment_id = g_strdup (object_string (object, "comment"));
  draft->target = g_strdup (object_string (object, "target"));
  if (!sodo_comment_kind_from_string (object_string (object, "kind"), &draft->kind))
    draft->kind = SODO_COMMENT_KIND_COMMENT;
  draft->author = g_strdup (object_string (object, "author"));
  draft->organization = g_strdup (object_string (object, "organization"));
  draft->text = g_strdup (object_string (object, "text"));

  /* A draft with nothing written is not worth offering. */
  stripped = g_strstrip (g_strdup (draft->text));
  if (stripped[0] == '\0' && draft->comment_id == NULL)
    return NULL;

  return g_steal_pointer (&draft);
}

void
_sodo_comments_controller_write_draft (SodoCommentsController *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  if (!self->draft_dirty || self->draft_file == NULL)
    return;
  self->draft_dirty = FALSE;

  if (self->draft == NULL)
    {
      /* Nothing being written: no draft left behind (a recovered one is still offered). */
      if (self->recovered_draft == NULL)
        g_file_delete (self->draft_file, NULL, NULL);
      return;
    }

  folder = g_file_get_parent (self->draft_file);
  g_file_make_directory_with_parents (folder, NULL, NULL);
  {
    g_autoptr(GBytes) bytes = draft_to_bytes (self, self->draft);

    /* GIO writes a temporary file and renames it: the old draft or the new, never half. */
    if (!g_file_replace_contents (self->draft_file, g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                  NULL, NULL, &error))
      g_warning ("Could not keep the draft of the comment: %s", error->message);
  }
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  SodoCommentsController *self = SODO_COMMENTS_CONTROLLER (user_data);

  self->draft_timeout_id = 0;
  _sodo_comments_controller_write_draft (self);

  return G_SOURCE_REMOVE;
}

void
sodo_comments_controller_set_draft (SodoCommentsController *self,
                                    const SodoCommentDraft *draft)
{
  g_return_if_fail (SODO_IS_COMMENTS_CONTROLLER (self));

  if (self->regulation == NULL)
    return;

  g_clear_pointer (&self->draft, sodo_comment_draft_free);
  if (draft != NULL)
    self->draft = sodo_comment_draft_copy (draft);
  self->draft_dirty = TRUE;

  /* Written a moment after the last keystroke, not on every one. */
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  if (draft != NULL)
    self->draft_timeout_id = g_timeout_add (SODO_COMMENT_DRAFT_DELAY_MS, draft_timeout_cb, self);
  else
    _sodo_comments_controller_write_draft (self);
}

GFile *
sodo_comments_controller_get_draft_file (SodoCommentsController *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), NULL);

  return self->draft_file;
}

const SodoCommentDraft *
sodo_comments_controller_get_recovered_draft (SodoCommentsController *self)
{
  g_return_val_if_fail (SODO_IS_COMMENTS_CONTROLLER (self), NULL);

  return self->recovered_draft;
}

void
sodo_comments_controller_forget_recovered_draft (SodoCommentsController *self)
{
  g_return_if_fail (SODO_IS_COMMENTS_CONTROLLER (self));

  if (self->recovered_draft == NULL)
    return;

  g_clear_pointer (&self->recovered_draft, sodo_comment_draft_free);
  if (self->draft == NULL && self->draft_file != NULL)
    g_file_delete (self->draft_file, NULL, NULL);
  g_object_notify (G_OBJECT (self), "has-recovered-draft");
}
