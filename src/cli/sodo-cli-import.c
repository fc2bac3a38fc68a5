/* sodo-cli-import.c: `sodo --import-regulation TEXT --output OUT.json`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cli/sodo-cli.h"
#include "model/sodo-limits.h"
#include "model/sodo-regulation-import.h"

/* Line and column (1-based, in characters) of byte @offset of @text. */
static void
position_of (const char *text,
             gsize       offset,
             guint      *line,
             guint      *column)
{
  gsize line_start = 0;
  gsize i;

  *line = 1;
  for (i = 0; i < offset; i++)
    if (text[i] == '\n')
      {
        (*line)++;
        line_start = i + 1;
      }
  /* The bytes before @offset are valid UTF-8, so they can be counted as characters. */
  *column = g_utf8_strlen (text + line_start, offset - line_start) + 1;
}

static char *
read_input (const char *path,
            gsize      *length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *bad;
  GStatBuf st;

  /* Checked before reading, so that a huge file is never loaded into memory. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > SODO_MAX_IMPORT_SIZE)
    {
      g_autofree char *size = g_format_size_full (st.st_size, G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (SODO_MAX_IMPORT_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_printerr (_("%s: error: the file is too large to import (%s; at most %s)\n"),
                  path, size, limit);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, length, &error))
    {
      g_printerr (_("%s: error: %s\n"), path, error->message);
      return NULL;
    }
  if (*length > SODO_MAX_IMPORT_SIZE)
    {
      g_autofree char *limit = g_format_size_full (SODO_MAX_IMPORT_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_printerr (_("%s: error: the file is too large to import (at most %s)\n"), path, limit);
      return NULL;
    }
  /* UTF-8 only: guessing a legacy encoding (CP1258, TCVN3, VNI) would turn a wrong guess
   * into silently garbled text. The message says where the first bad byte is. */
  if (!g_utf8_validate_len (contents, *length, &bad))
    {
      guint line, column;

      position_of (contents, bad - contents, &line, &column);
      g_printerr (_("%s:%u:%u: error: the text is not UTF-8 (byte 0x%02X); save it as UTF-8 text, "
                    "e.g. with “iconv -f CP1258 -t UTF-8”, and import it again\n"),
                  path, line, column, (guint) (guchar) *bad);
      return NULL;
    }

  return g_steal_pointer (&contents);
}

static char *
id_hint_for (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

static void
print_warnings (SodoDiagnostics *diags,
                const char      *path)
{
  guint n_omitted = sodo_diagnostics_get_n_omitted (diags);
  guint i;

  for (i = 0; i < sodo_diagnostics_get_n_items (diags); i++)
    {
      g_autofree char *line = sodo_diagnostic_format (sodo_diagnostics_get_item (diags, i));

      g_printerr ("%s\n", line);
    }
  if (n_omitted > 0)
    {
      g_printerr ("%s: note: ", path);
      g_printerr (ngettext ("%u more warning not shown", "%u more warnings not shown", n_omitted),
                  n_omitted);
      g_printerr ("\n");
    }
}

/* Serialises and frees @root: the text and the tree of a big import need not both stay. */
static char *
serialize (JsonNode *root,
           gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) owned = root;
  char *data;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, owned);
  data = json_generator_to_data (generator, length);
  /* A text file ends with a newline. */
  data = g_realloc (data, *length + 2);
  data[(*length)++] = '\n';
  data[*length] = '\0';
  return data;
}

static gboolean
write_output (const char *path,
              JsonNode   *root)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  data = serialize (root, &length);
  if (path == NULL || g_str_equal (path, "-"))
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_printerr (_("error: could not write to the standard output\n"));
          return FALSE;
        }
      return TRUE;
    }
  /* g_file_set_contents() writes a temporary file and renames it: never a half-written file. */
  if (!g_file_set_contents (path, data, length, &error))
    {
      g_printerr (_("%s: error: %s\n"), path, error->message);
      return FALSE;
    }
  return TRUE;
}

int
sodo_cli_import_regulation (const char *input_path,
                            const char *output_path)
{
  g_autoptr(SodoDiagnostics) diags = NULL;
  JsonNode *root;
  g_autofree char *contents = NULL;
  g_autofree char *id_hint = NULL;
  gsize length = 0;

  g_return_val_if_fail (input_path != NULL, 2);

  contents = read_input (input_path, &length);
  if (contents == NULL)
    return 1;

  diags = sodo_diagnostics_new (input_path);
  id_hint = id_hint_for (input_path);
  root = sodo_regulation_import_text (contents, length, id_hint, diags);
  g_clear_pointer (&contents, g_free);
  print_warnings (diags, input_path);

  /* write_output() takes @root. */
  return write_output (output_path, root) ? 0 : 1;
}
