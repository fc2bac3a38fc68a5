/* fuzz-common.h: what the libFuzzer harnesses share
 *
 * Each harness feeds one input to one loader and checks what every loader promises: it
 * returns a document, or NULL with an error in SODO_ERROR and at least one error diagnostic;
 * never both, never neither. Crashes, leaks and undefined behaviour are the sanitizers' to
 * find.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

#include "model/sodo-diagnostics.h"
#include "model/sodo-document.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

/* Warnings and criticals are bugs, as in the test suite. */
static inline void
fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  g_setenv ("LANGUAGE", "en", TRUE);
}

static inline void
fuzz_check_outcome (gpointer          document,
                    SodoDiagnostics  *diags,
                    const GError     *error)
{
  if (document != NULL && (error != NULL || sodo_diagnostics_has_errors (diags)))
    abort ();
  if (document == NULL && (error == NULL || error->domain != SODO_ERROR ||
                           !sodo_diagnostics_has_errors (diags)))
    abort ();
  /* Every diagnostic must format (positions, paths and messages are well formed). */
  for (guint i = 0; i < sodo_diagnostics_get_n_items (diags); i++)
    {
      char *line = sodo_diagnostic_format (sodo_diagnostics_get_item (diags, i));

      if (line == NULL || !g_utf8_validate (line, -1, NULL))
        abort ();
      g_free (line);
    }
}

/* The same bytes through the document loader, which picks a loader by the "format" member:
 * the JSON harnesses end with it. */
static inline void
fuzz_check_document_loader (GBytes *bytes)
{
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("fuzz.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = NULL;

  document = sodo_document_load_bytes (bytes, "fuzz.json", NULL, diags, &error);
  fuzz_check_outcome (document, diags, error);
}
