/* fuzz-comments.c: any bytes through the comments loader, and through the document loader that
 * picks a loader by the "format" member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "model/sodo-comments.h"

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("fuzz.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoComments) loaded = NULL;

  loaded = sodo_comments_load_bytes (bytes, "fuzz.json", diags, &error);
  fuzz_check_outcome (loaded, diags, error);

  fuzz_check_document_loader (bytes);
  return 0;
}
