/* sodo-cli-validate.c: `sodo --validate FILE…`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cli/sodo-cli.h"
#include "model/sodo-document.h"

static gboolean
validate_one (const char *name)
{
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new (name);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (name);
  g_autoptr(GObject) document = NULL;
  guint n_omitted;

  document = sodo_document_load_file (file, NULL, diags, NULL, NULL);
  sodo_diagnostics_sort (diags);

  for (guint i = 0; i < sodo_diagnostics_get_n_items (diags); i++)
    {
      g_autofree char *line = sodo_diagnostic_format (sodo_diagnostics_get_item (diags, i));

      g_printerr ("%s\n", line);
    }

  n_omitted = sodo_diagnostics_get_n_omitted (diags);
  if (n_omitted > 0)
    {
      /* "note:" like a compiler's, so that tools reading the errors skip it. */
      g_printerr ("%s: note: ", name);
      g_printerr (ngettext ("%u more problem not shown",
                        "%u more problems not shown", n_omitted),
                  n_omitted);
      g_printerr ("\n");
    }

  return document != NULL && !sodo_diagnostics_has_errors (diags);
}

int
sodo_cli_validate (const char *const *files)
{
  gboolean all_valid = TRUE;

  g_return_val_if_fail (files != NULL, 2);

  for (guint i = 0; files[i] != NULL; i++)
    if (!validate_one (files[i]))
      all_valid = FALSE;

  return all_valid ? 0 : 1;
}
