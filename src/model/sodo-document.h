/* sodo-document.h: telling Sodo's three formats apart and loading any of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sodo-diagnostics.h"

G_BEGIN_DECLS

typedef enum {
  SODO_DOCUMENT_UNKNOWN,
  SODO_DOCUMENT_ORGCHART,
  SODO_DOCUMENT_REGULATION,
  SODO_DOCUMENT_COMMENTS,
} SodoDocumentKind;

/* Looks at the "format" key only (a cheap scan, no full parse). */
SodoDocumentKind  sodo_document_detect_kind   (GBytes            *bytes);
/* Reads @file (with the size limit) and loads it with the loader its "format" names.
 * Returns a SodoOrgchart, SodoRegulation or SodoComments; @kind (nullable) says which. */
GObject          *sodo_document_load_file     (GFile             *file,
                                               SodoDocumentKind  *kind,
                                               SodoDiagnostics   *diags,
                                               GCancellable      *cancellable,
                                               GError           **error);
GObject          *sodo_document_load_bytes    (GBytes            *bytes,
                                               const char        *display_name,
                                               SodoDocumentKind  *kind,
                                               SodoDiagnostics   *diags,
                                               GError           **error);

G_END_DECLS
