/* sodo-diagnostics.h: errors and warnings found in one file, with their positions
 *
 * A loader reports every problem it finds (not just the first) so that `sodo --validate`
 * can print them all like a compiler: FILE:LINE:COLUMN: error: PATH: MESSAGE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sodo-error.h"

G_BEGIN_DECLS

typedef enum {
  SODO_SEVERITY_WARNING,
  SODO_SEVERITY_ERROR,
} SodoSeverity;

typedef struct {
  SodoSeverity  severity;
  SodoErrorCode code;
  char         *file;      /* display name of the file */
  guint         line;      /* 1-based; 0 when unknown */
  guint         column;    /* 1-based; 0 when unknown */
  char         *path;      /* JSON path such as "units[12].parent"; NULL for the whole file */
  char         *message;   /* translated, plain text */
} SodoDiagnostic;

typedef struct _SodoDiagnostics SodoDiagnostics;

SodoDiagnostics      *sodo_diagnostics_new          (const char            *file);
void                  sodo_diagnostics_free         (SodoDiagnostics       *diags);
const char           *sodo_diagnostics_get_file     (SodoDiagnostics       *diags);
void                  sodo_diagnostics_add          (SodoDiagnostics       *diags,
                                                     SodoSeverity           severity,
                                                     SodoErrorCode          code,
                                                     guint                  line,
                                                     guint                  column,
                                                     const char            *path,
                                                     const char            *format,
                                                     ...) G_GNUC_PRINTF (7, 8);
guint                 sodo_diagnostics_get_n_items  (SodoDiagnostics       *diags);
const SodoDiagnostic *sodo_diagnostics_get_item     (SodoDiagnostics       *diags,
                                                     guint                  index);
guint                 sodo_diagnostics_count        (SodoDiagnostics       *diags,
                                                     SodoSeverity           severity);
gboolean              sodo_diagnostics_has_errors   (SodoDiagnostics       *diags);
/* Adds the problems of @other (counts included) after those of @diags, as if reported to
 * @diags, whose file name they take. */
void                  sodo_diagnostics_append       (SodoDiagnostics       *diags,
                                                     SodoDiagnostics       *other);
/* Orders the items by line and column (whole-file problems first), keeping the order in
 * which they were found among equals. */
void                  sodo_diagnostics_sort         (SodoDiagnostics       *diags);
/* Problems counted but not listed (past SODO_MAX_DIAGNOSTICS). */
guint                 sodo_diagnostics_get_n_omitted (SodoDiagnostics       *diags);
/* Sets @error from the first error, formatted as sodo_diagnostic_format() does.
 * Returns TRUE when there was an error to propagate, FALSE (and @error untouched) if none. */
gboolean              sodo_diagnostics_propagate    (SodoDiagnostics       *diags,
                                                     GError               **error);
/* "FILE:LINE:COLUMN: error: PATH: MESSAGE" (LINE:COLUMN and PATH left out when unknown;
 * "error"/"warning" are not translated, like a compiler's, so editors can parse them). */
char                 *sodo_diagnostic_format        (const SodoDiagnostic  *diag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SodoDiagnostics, sodo_diagnostics_free)

G_END_DECLS
