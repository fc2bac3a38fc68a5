/* sodo-json-stream.c: a JsonParser that streams the elements of one root list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sodo-json-stream-private.h"

struct _SodoJsonStreamParser {
  JsonParser           parent_instance;

  GPtrArray           *root_array_keys;
  char                *member;
  SodoJsonElementFunc  func;
  gpointer             user_data;

  guint                array_depth;     /* arrays only: objects cost a signal each */
  guint                n_outer_arrays;
  gboolean             in_member;
  guint                n_elements;
};

G_DEFINE_FINAL_TYPE (SodoJsonStreamParser, _sodo_json_stream_parser, JSON_TYPE_PARSER)

static void
sodo_json_stream_parser_array_start (JsonParser *parser)
{
  SodoJsonStreamParser *self = SODO_JSON_STREAM_PARSER (parser);
  const char *key = NULL;

  if (self->array_depth++ > 0)
    return;

  if (self->n_outer_arrays < self->root_array_keys->len)
    key = g_ptr_array_index (self->root_array_keys, self->n_outer_arrays);
  self->n_outer_arrays++;
  self->in_member = g_strcmp0 (key, self->member) == 0;
}

static void
sodo_json_stream_parser_array_end (JsonParser *parser,
                                   JsonArray  *array)
{
  SodoJsonStreamParser *self = SODO_JSON_STREAM_PARSER (parser);

  if (--self->array_depth == 0)
    self->in_member = FALSE;
}

static void
sodo_json_stream_parser_array_element (JsonParser *parser,
                                       JsonArray  *array,
                                       gint        index_)
{
  SodoJsonStreamParser *self = SODO_JSON_STREAM_PARSER (parser);
  guint last;

  if (self->array_depth != 1 || !self->in_member)
    return;

  /* Dropped elements leave the array: the new one is always the last. json-glib does not
   * look at an element again once it has announced it. */
  last = json_array_get_length (array) - 1;
  if (self->func (json_array_get_element (array, last), self->n_elements++, self->user_data))
    json_array_remove_element (array, last);
}

static void
sodo_json_stream_parser_finalize (GObject *object)
{
  SodoJsonStreamParser *self = SODO_JSON_STREAM_PARSER (object);

  g_clear_pointer (&self->root_array_keys, g_ptr_array_unref);
  g_clear_pointer (&self->member, g_free);

  G_OBJECT_CLASS (_sodo_json_stream_parser_parent_class)->finalize (object);
}

static void
_sodo_json_stream_parser_class_init (SodoJsonStreamParserClass *klass)
{
  JsonParserClass *parser_class = JSON_PARSER_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = sodo_json_stream_parser_finalize;
  parser_class->array_start = sodo_json_stream_parser_array_start;
  parser_class->array_end = sodo_json_stream_parser_array_end;
  parser_class->array_element = sodo_json_stream_parser_array_element;
}

static void
_sodo_json_stream_parser_init (SodoJsonStreamParser *self)
{
}

JsonParser *
_sodo_json_stream_parser_new (GPtrArray           *root_array_keys,
                              const char          *member,
                              SodoJsonElementFunc  func,
                              gpointer             user_data)
{
  SodoJsonStreamParser *self;

  g_return_val_if_fail (root_array_keys != NULL, NULL);
  g_return_val_if_fail (member != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (SODO_TYPE_JSON_STREAM_PARSER, NULL);
  self->root_array_keys = g_ptr_array_ref (root_array_keys);
  self->member = g_strdup (member);
  self->func = func;
  self->user_data = user_data;

  return JSON_PARSER (self);
}
