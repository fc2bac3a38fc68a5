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
#include "sodo-orgchart.h"
#include "sodo-text.h"

G_BEGIN_DECLS

typedef struct _SodoJsonDoc SodoJsonDoc;

/* Checks @bytes (size, NUL bytes, UTF-8, a leading BOM is skipped, nesting depth, string
 * length) and parses them. Problems go to @diags; returns NULL when the text is not usable. */
SodoJsonDoc *_sodo_json_doc_parse        (GBytes           *bytes,
                                          SodoDiagnostics  *diags);
void         _sodo_json_doc_free         (SodoJsonDoc      *doc);
JsonNode    *_sodo_json_doc_get_root     (SodoJsonDoc      *doc);
/* 1-based position of @member of @object (of @object itself when @member is NULL);
 * 0 when unknown. Positions are worked out on first use only (the error path). */
void         _sodo_json_doc_get_position (SodoJsonDoc      *doc,
                                          JsonObject       *object,
                                          const char       *member,
                                          guint            *line,
                                          guint            *column);
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
 * ("units[12]"; "" for the root). The diagnostic's path is "@path.@member". */
void         _sodo_json_report           (SodoJsonContext  *ctx,
                                          SodoSeverity      severity,
                                          SodoErrorCode     code,
                                          JsonObject       *object,
                                          const char       *path,
                                          const char       *member,
                                          const char       *format,
                                          ...) G_GNUC_PRINTF (7, 8);

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
 * or when it is missing and @required. A missing optional member gives TRUE and an empty out
 * value (NULL, SODO_TEXT_NONE, ...). Strings are interned in ctx->pool. */
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
/* An array member; a missing optional one gives TRUE and NULL. */
gboolean     _sodo_json_get_array        (SodoJsonContext  *ctx,
                                          JsonObject       *object,
                                          const char       *path,
                                          const char       *member,
                                          gboolean          required,
                                          JsonArray       **out);
/* The "sources" list shared by charts and regulations. */
gboolean     _sodo_json_get_sources      (SodoJsonContext  *ctx,
                                          JsonObject       *object,
                                          const char       *path,
                                          GArray          **out_sources);

gboolean     _sodo_id_is_valid           (const char       *id);
gboolean     _sodo_date_is_valid         (const char       *date);
gboolean     _sodo_url_is_allowed        (const char       *url);

G_END_DECLS
