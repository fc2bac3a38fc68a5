/* sodo-diagnostics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-diagnostics.h"
#include "sodo-limits.h"

struct _SodoDiagnostics {
  char      *file;
  GPtrArray *items;
  /* Counted even past SODO_MAX_DIAGNOSTICS, so a summary can say how many were left out. */
  guint      n_errors;
  guint      n_warnings;
};

static void
sodo_diagnostic_free (SodoDiagnostic *diag)
{
  g_free (diag->file);
  g_free (diag->path);
  g_free (diag->message);
  g_free (diag);
}

SodoDiagnostics *
sodo_diagnostics_new (const char *file)
{
  SodoDiagnostics *diags = g_new0 (SodoDiagnostics, 1);

  diags->file = g_strdup (file != NULL ? file : "");
  diags->items = g_ptr_array_new_with_free_func ((GDestroyNotify) sodo_diagnostic_free);

  return diags;
}

void
sodo_diagnostics_free (SodoDiagnostics *diags)
{
  if (diags == NULL)
    return;

  g_ptr_array_unref (diags->items);
  g_free (diags->file);
  g_free (diags);
}

const char *
sodo_diagnostics_get_file (SodoDiagnostics *diags)
{
  g_return_val_if_fail (diags != NULL, NULL);

  return diags->file;
}

void
sodo_diagnostics_add (SodoDiagnostics *diags,
                      SodoSeverity     severity,
                      SodoErrorCode    code,
                      guint            line,
                      guint            column,
                      const char      *path,
                      const char      *format,
                      ...)
{
  SodoDiagnostic *diag;
  va_list args;

  g_return_if_fail (diags != NULL);
  g_return_if_fail (format != NULL);

  if (severity == SODO_SEVERITY_ERROR)
    diags->n_errors++;
  else
    diags->n_warnings++;

  /* The first error is always kept, even after a flood of warnings: it becomes the GError. */
  if (diags->items->len >= SODO_MAX_DIAGNOSTICS &&
      !(severity == SODO_SEVERITY_ERROR && diags->n_errors == 1))
    return;

  diag = g_new0 (SodoDiagnostic, 1);
  diag->severity = severity;
  diag->code = code;
  diag->file = g_strdup (diags->file);
  diag->line = line;
  diag->column = line > 0 ? column : 0;
  diag->path = (path != NULL && path[0] != '\0') ? g_strdup (path) : NULL;
  va_start (args, format);
  diag->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (diags->items, diag);
}

guint
sodo_diagnostics_get_n_items (SodoDiagnostics *diags)
{
  g_return_val_if_fail (diags != NULL, 0);

  return diags->items->len;
}

const SodoDiagnostic *
sodo_diagnostics_get_item (SodoDiagnostics *diags,
                           guint            index)
{
  g_return_val_if_fail (diags != NULL, NULL);
  g_return_val_if_fail (index < diags->items->len, NULL);

  return g_ptr_array_index (diags->items, index);
}

guint
sodo_diagnostics_count (SodoDiagnostics *diags,
                        SodoSeverity     severity)
{
  g_return_val_if_fail (diags != NULL, 0);

  return severity == SODO_SEVERITY_ERROR ? diags->n_errors : diags->n_warnings;
}

void
sodo_diagnostics_append (SodoDiagnostics *diags,
                         SodoDiagnostics *other)
{
  gboolean error_kept;

  g_return_if_fail (diags != NULL);
  g_return_if_fail (other != NULL);

  error_kept = diags->n_errors > 0;
  for (guint i = 0; i < other->items->len; i++)
    {
      const SodoDiagnostic *item = g_ptr_array_index (other->items, i);
      SodoDiagnostic *copy;

      /* The same rule as sodo_diagnostics_add(): the first error is always kept. */
      if (diags->items->len >= SODO_MAX_DIAGNOSTICS &&
          (error_kept || item->severity != SODO_SEVERITY_ERROR))
        continue;

      copy = g_new0 (SodoDiagnostic, 1);
      *copy = *item;
      copy->file = g_strdup (diags->file);
      copy->path = g_strdup (item->path);
      copy->message = g_strdup (item->message);
      g_ptr_array_add (diags->items, copy);
      if (item->severity == SODO_SEVERITY_ERROR)
        error_kept = TRUE;
    }

  diags->n_errors += other->n_errors;
  diags->n_warnings += other->n_warnings;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  const SodoDiagnostic *first = *(const SodoDiagnostic *const *) a;
  const SodoDiagnostic *second = *(const SodoDiagnostic *const *) b;

  if (first->line != second->line)
    return first->line < second->line ? -1 : 1;
  if (first->column != second->column)
    return first->column < second->column ? -1 : 1;
  return 0;
}

void
sodo_diagnostics_sort (SodoDiagnostics *diags)
{
  g_return_if_fail (diags != NULL);

  /* g_ptr_array_sort() is stable. */
  g_ptr_array_sort (diags->items, compare_positions);
}

guint
sodo_diagnostics_get_n_omitted (SodoDiagnostics *diags)
{
  g_return_val_if_fail (diags != NULL, 0);

  return diags->n_errors + diags->n_warnings - diags->items->len;
}

gboolean
sodo_diagnostics_has_errors (SodoDiagnostics *diags)
{
  g_return_val_if_fail (diags != NULL, FALSE);

  return diags->n_errors > 0;
}

gboolean
sodo_diagnostics_propagate (SodoDiagnostics  *diags,
                            GError          **error)
{
  g_return_val_if_fail (diags != NULL, FALSE);

  for (guint i = 0; i < diags->items->len; i++)
    {
      const SodoDiagnostic *diag = g_ptr_array_index (diags->items, i);
      g_autofree char *text = NULL;

      if (diag->severity != SODO_SEVERITY_ERROR)
        continue;

      text = sodo_diagnostic_format (diag);
      g_set_error_literal (error, SODO_ERROR, diag->code, text);
      return TRUE;
    }

  return FALSE;
}

char *
sodo_diagnostic_format (const SodoDiagnostic *diag)
{
  GString *out;

  g_return_val_if_fail (diag != NULL, NULL);

  out = g_string_new (diag->file != NULL ? diag->file : "");
  if (diag->line > 0)
    {
      g_string_append_printf (out, ":%u", diag->line);
      if (diag->column > 0)
        g_string_append_printf (out, ":%u", diag->column);
    }
  g_string_append (out, diag->severity == SODO_SEVERITY_ERROR ? ": error: " : ": warning: ");
  if (diag->path != NULL)
    g_string_append_printf (out, "%s: ", diag->path);
  g_string_append (out, diag->message);

  return g_string_free (out, FALSE);
}
