/* sodo-json-stream-private.h: a JsonParser that hands over the elements of one list as soon as
 * each is parsed, so that a list of a million objects never exists as one tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Called with each element of the list, in order; returning TRUE drops it from the tree. */
typedef gboolean (*SodoJsonElementFunc) (JsonNode *element,
                                         guint     index,
                                         gpointer  user_data);

#define SODO_TYPE_JSON_STREAM_PARSER (_sodo_json_stream_parser_get_type ())
G_DECLARE_FINAL_TYPE (SodoJsonStreamParser, _sodo_json_stream_parser, SODO, JSON_STREAM_PARSER,
                      JsonParser)

/* @root_array_keys: for each array that is not inside another array, in the order of the
 * text, its member name when it is a member of the root object, else NULL (found by the byte
 * scan: the parser's events do not carry names until after a value is parsed). Elements of
 * the arrays named @member go to @func. Only array events are watched: each event handled
 * costs a signal emission, and objects are many. */
JsonParser *_sodo_json_stream_parser_new (GPtrArray           *root_array_keys,
                                          const char          *member,
                                          SodoJsonElementFunc  func,
                                          gpointer             user_data);

G_END_DECLS
