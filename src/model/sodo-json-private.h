/* sodo-json-private.h: what the three JSON loaders share
 *
 * Reading bytes safely (limits, encoding, nesting depth checked before json-glib sees them),
 * positions of objects and members for error messages, and typed getters that report a
 * diagnostic with the JSON path when a value is missing or malformed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sodo-diagnostics.h"
#include "sodo-json-stream-private.h"
#include "sodo-orgchart.h"
#include "sodo-text.h"

G_BEGIN_DECLS

typedef struct _SodoJsonDoc SodoJsonDoc;

/* Checks @bytes (size, NUL bytes, UTF-8, a leading BOM is skipped, nesting depth, string
 * length) and parses them. Problems go to @diags; returns NULL when the text is not usable. */
SodoJsonDoc *_sodo_json_doc_parse        (GBytes           *bytes,
                                          SodoDiagnostics  *diags);
/* The two steps of _sodo_json_doc_parse() apart, with the parse streaming: the checks (the
 * document has no tree yet, but positions can be found), then the parse, where each element
 * of the array @root_member of the root object goes to @func as soon as it is parsed, and is
 * dropped from the tree when @func returns TRUE: a list of a million units then never
 * exists as a whole tree. @root_member given twice in the root object is an error. */
SodoJsonDoc *_sodo_json_doc_scan         (GBytes           *bytes,
                                          SodoDiagnostics  *diags);
gboolean     _sodo_json_doc_parse_streaming (SodoJsonDoc         *doc,
                                             SodoDiagnostics     *diags,
                                             const char          *root_member,
                                             SodoJsonElementFunc  func,
                                             gpointer             user_data);
void         _sodo_json_doc_free         (SodoJsonDoc      *doc);
JsonNode    *_sodo_json_doc_get_root     (SodoJsonDoc      *doc);
/* 1-based position of @member of the value at JSON path @path ("units[3]"; "" or NULL for
 * the root), of the value itself when @member is NULL or missing. A @member such as
 * "people[2]" is placed at "people", as _sodo_json_report() always did; give the element as
 * @path to point at it.
 * Found from the text alone, so it works while streaming and after elements were dropped.
 * FALSE when the text has nothing at @path. */
gboolean     _sodo_json_doc_locate       (SodoJsonDoc      *doc,
                                          const char       *path,
                                          const char       *member,
                                          guint            *line,
                                          guint            *column);
/* 1-based position of @member of @object (of @object itself when @member is NULL);
 * 0 when unknown. Positions are worked out on first use only (the error path), by walking
 * the text in step with the whole tree. */
void         _sodo_json_doc_get_position (SodoJsonDoc      *doc,
                                          JsonObject       *object,
                                          const char       *member,
                                          guint            *line,
                                          guint            *column);
/* Line of element @index of the array member @root_member of the root object ("units",
 * "comments"), recorded by the byte scan at no extra cost; 0 when unknown. */
guint        _sodo_json_doc_get_element_line (SodoJsonDoc *doc,
                                              const char  *root_member,
                                              guint        index);
/* Reads a whole file with the size limit; IO errors go to @diags. */
GBytes      *_sodo_json_read_file        (GFile            *file,
                                          SodoDiagnostics  *diags,
                                          GCancellable     *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SodoJsonDoc, _sodo_json_doc_free)

/* What every getter needs: where to report, and where to pool strings. */
typedef struct {
  SodoJsonDoc     *doc;
  SodoDiagnostics *diags;
  SodoTextPool    *pool;
} SodoJsonContext;

/* Reports a problem at @member of @object (or @object), whose JSON path is @path
 * ("units[12]"; "" for the root). The diagnostic's path is "@path.@member". The position is
 * found from the path (@object is only a fallback), so @path must be exact. */
void         _sodo_json_report           (SodoJsonContext  *ctx,
                                          SodoSeverity      severity,
                                          SodoErrorCode     code,
                                          JsonObject       *object,
                                          const char       *path,
                                          const char       *member,
                                          const char       *format,
                                          ...) G_GNUC_PRINTF (7, 8);

/* The root object, or NULL after reporting that the top level is not an object. */
JsonObject  *_sodo_json_get_root_object  (SodoJsonContext  *ctx);

/* JSON paths: ("units[3]", "name") -> "units[3].name"; ("", "units", 3) -> "units[3]". */
char        *_sodo_json_path_member      (const char       *path,
                                          const char       *member);
char        *_sodo_json_path_element     (const char       *path,
                                          const char       *member,
                                          guint             index);
/* "a string", "a number", "null"… for "must be X, not Y" messages. */
const char  *_sodo_json_describe_node    (JsonNode         *node);
/* A user's value shortened for quoting in a message. */
char        *_sodo_json_snippet          (const char       *str);

/* Checks "format" and "version" of a document root. */
gboolean     _sodo_json_check_header     (SodoJsonContext  *ctx,
                                          JsonObject       *root,
                                          const char       *expected_format);
/* Warns about every member of @object not in @known (NULL-terminated). */
void         _sodo_json_check_keys       (SodoJsonContext  *ctx,
                                          JsonObject       *object,
                                          const char       *path,
                                          const char *const *known);

/* Typed getters. Each returns FALSE after reporting an error when the member is malformed,
 * or when it is missing and @required. A missing optional member (or null) gives TRUE and an
 * empty out value (NULL, SODO_TEXT_NONE, ...). Strings are interned in ctx->pool. A required
 * text that is an empty string is an error. */
gboolean     _sodo_json_get_string       (SodoJsonContext  *ctx,
                                          JsonObject       *object,
                                          const char       *path,
                                          const char       *member,
                                          gboolean          required,
                                          const char      **out);
gboolean     _sodo_json_get_id           (SodoJsonContext  *ctx,
                                          JsonObject       *object,
                                          const char       *path,
                                          const char       *member,
                                          gboolean          required,
                                          const char      **out);
gboolean     _sodo_json_get_text         (SodoJsonContext  *ctx,
                                          JsonObject       *object,
                                          const char       *path,
                                          const char       *member,
                                          gboolean          required,
                                          SodoText         *out);
gboolean     _sodo_json_get_date         (SodoJsonContext  *ctx,
                                          JsonObject       *object,
                                          const char       *path,
                                          const char       *member,
                                          gboolean          required,
                                          const char      **out);
gboolean     _sodo_json_get_url          (SodoJsonContext  *ctx,
                                          JsonObject       *object,
                                          const char       *path,
                                          const char       *member,
                                          gboolean          required,
                                          const char      **out);
/* "#rrggbb" -> 0xRRGGBB */
gboolean     _sodo_json_get_color        (SodoJsonContext  *ctx,
                                          JsonObject       *object,
                                          const char       *path,
                                          const char       *member,
                                          guint32          *out,
                                          gboolean         *has_color);
/* A JSON number (integer or not). @has_number (nullable) says whether it was there. */
gboolean     _sodo_json_get_number       (SodoJsonContext  *ctx,
                                          JsonObject       *object,
                                          const char       *path,
                                          const char       *member,
                                          gboolean          required,
                                          double           *out,
                                          gboolean         *has_number);
/* An array member; a missing optional one gives TRUE and NULL. */
gboolean     _sodo_json_get_array        (SodoJsonContext  *ctx,
                                          JsonObject       *object,
                                          const char       *path,
                                          const char       *member,
                                          gboolean          required,
                                          JsonArray       **out);
/* Element @index of @array, the value of @member of @parent at @path: an object, or NULL
 * after reporting "@path.@member[@index]: must be an object". */
JsonObject  *_sodo_json_array_get_object (SodoJsonContext  *ctx,
                                          JsonObject       *parent,
                                          const char       *path,
                                          const char       *member,
                                          JsonArray        *array,
                                          guint             index);
/* The same for a string element (interned), e.g. one of "successors". */
const char  *_sodo_json_array_get_string (SodoJsonContext  *ctx,
                                          JsonObject       *parent,
                                          const char       *path,
                                          const char       *member,
                                          JsonArray        *array,
                                          guint             index);
/* Reports "“@id” is not a valid id" at @member of @object. */
void         _sodo_json_report_bad_id    (SodoJsonContext  *ctx,
                                          JsonObject       *object,
                                          const char       *path,
                                          const char       *member,
                                          const char       *id);
/* The "sources" list shared by charts and regulations (a GArray of SodoSource, or NULL when
 * the list is missing). */
gboolean     _sodo_json_get_sources      (SodoJsonContext  *ctx,
                                          JsonObject       *object,
                                          const char       *path,
                                          GArray          **out_sources);

gboolean     _sodo_id_is_valid           (const char       *id);
gboolean     _sodo_date_is_valid         (const char       *date);
gboolean     _sodo_url_is_allowed        (const char       *url);

G_END_DECLS
