/* fuzz-import.c: any bytes through the plain-text regulation importer, and what it builds
 * through the regulation loader, which must accept it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "model/sodo-regulation-import.h"
#include "model/sodo-regulation.h"

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
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new ("fuzz.txt");
  g_autoptr(SodoDiagnostics) load_diags = sodo_diagnostics_new ("fuzz.json");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(GError) error = NULL;
  char *json;
  gsize length = 0;

  /* The importer takes text with its length; it need not be NUL-terminated or valid. */
  root = sodo_regulation_import_text ((const char *) data, (gssize) size, "fuzz", diags);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    abort ();

  /* What the importer writes, the loader reads without an error. */
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (json, length);
  regulation = sodo_regulation_load_bytes (bytes, "fuzz.json", load_diags, &error);
  if (regulation == NULL)
    {
      for (guint i = 0; i < sodo_diagnostics_get_n_items (load_diags); i++)
        {
          g_autofree char *line = sodo_diagnostic_format (sodo_diagnostics_get_item (load_diags,
                                                                                     i));
          fprintf (stderr, "%s\n", line);
        }
      abort ();
    }
  return 0;
}
