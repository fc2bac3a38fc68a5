/* sodo-cli-comments-report.c: `sodo --comments-report OUT REGULATION COMMENTS…`
 *
 * The comments files are merged as the app merges them (nothing dropped; a comment that
 * differs from one read before is kept beside it, and said on stderr), then written as one
 * report on the regulation: a PDF or Markdown, by OUT's ending.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cli/sodo-cli.h"
#include "model/sodo-comments-report.h"
#include "model/sodo-comments.h"
#include "model/sodo-regulation.h"
#include "render/sodo-comments-report-print.h"

#define EXIT_INVALID 1
#define EXIT_USAGE   2

typedef enum { REPORT_PDF, REPORT_MARKDOWN } ReportFormat;

static int
usage_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  /* translators: %s is the program's name, "sodo" */
  g_printerr (_("Run “%s --help” to see the options."), g_get_prgname ());
  g_printerr ("\n");
  return EXIT_USAGE;
}

static gboolean
format_from_name (const char   *name,
                  ReportFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (g_str_has_suffix (lower, ".pdf") && strlen (lower) > 4)
    *format = REPORT_PDF;
  else if ((g_str_has_suffix (lower, ".md") && strlen (lower) > 3)
           || (g_str_has_suffix (lower, ".markdown") && strlen (lower) > 9))
    *format = REPORT_MARKDOWN;
  else
    return FALSE;

  return TRUE;
}

/* Prints what a loader found, as --validate does. */
static void
print_diagnostics (SodoDiagnostics *diags)
{
  sodo_diagnostics_sort (diags);
  for (guint i = 0; i < sodo_diagnostics_get_n_items (diags); i++)
    {
      g_autofree char *line = sodo_diagnostic_format (sodo_diagnostics_get_item (diags, i));

      g_printerr ("%s\n", line);
    }
}

static void
print_error (const char   *name,
             const GError *error)
{
  /* "error:" is not translated, like a compiler's, so that tools can read it. */
  g_printerr ("%s: error: %s\n", name, error->message);
}

static SodoRegulation *
load_regulation (const char *name)
{
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new (name);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(SodoRegulation) regulation = NULL;

  regulation = sodo_regulation_load_file (file, diags, NULL, &error);
  if (regulation == NULL || sodo_diagnostics_has_errors (diags))
    {
      if (sodo_diagnostics_get_n_items (diags) > 0)
        print_diagnostics (diags);
      else if (error != NULL)
        print_error (name, error);
      return NULL;
    }

  return g_steal_pointer (&regulation);
}

static void
print_conflicts (const char *name,
                 GPtrArray  *conflicts)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      SodoCommentConflict *conflict = g_ptr_array_index (conflicts, i);

      g_printerr ("%s: warning: ", name);
      g_printerr (_("comment “%s” differs from the one read before: both are kept, this one "
                    "as “%s”"), conflict->id, conflict->incoming_id);
      g_printerr ("\n");
    }
}

/* Loads @name and merges it into @merged; FALSE (with the problem printed) if it cannot. */
static gboolean
merge_file (SodoComments *merged,
            const char   *name)
{
  g_autoptr(SodoDiagnostics) diags = sodo_diagnostics_new (name);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (name);
  g_autoptr(SodoComments) comments = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  comments = sodo_comments_load_file (file, diags, NULL, &error);
  if (comments == NULL || sodo_diagnostics_has_errors (diags))
    {
      if (sodo_diagnostics_get_n_items (diags) > 0)
        print_diagnostics (diags);
      else if (error != NULL)
        print_error (name, error);
      return FALSE;
    }

  if (!sodo_comments_merge (merged, comments, NULL, NULL, &conflicts, &error))
    {
      print_error (name, error);
      return FALSE;
    }
  print_conflicts (name, conflicts);

  return TRUE;
}

static gboolean
write_report (SodoCommentsReport *report,
              const char         *output,
              ReportFormat        format)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;
  gboolean written;

  if (format == REPORT_PDF)
    written = sodo_comments_report_write_pdf (report, file, NULL, &error);
  else
    written = sodo_comments_report_write_markdown (report, file, NULL, &error);
  if (!written)
    print_error (output, error);

  return written;
}

int
sodo_cli_comments_report (const char        *output,
                          const char *const *files)
{
  g_autoptr(SodoRegulation) regulation = NULL;
  g_autoptr(SodoComments) merged = NULL;
  g_autoptr(SodoCommentsReport) report = NULL;
  ReportFormat format;

  g_return_val_if_fail (output != NULL, EXIT_USAGE);

  if (!format_from_name (output, &format))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot tell the format of “%s”: the "
                                                    "name must end in .pdf or .md"), output);
      return usage_error (message);
    }
  if (files == NULL || files[0] == NULL || files[1] == NULL)
    return usage_error (_("--comments-report needs a regulation and at least one comments "
                          "file"));

  regulation = load_regulation (files[0]);
  if (regulation == NULL)
    return EXIT_INVALID;

  merged = sodo_comments_new (sodo_regulation_get_id (regulation));
  for (guint i = 1; files[i] != NULL; i++)
    if (!merge_file (merged, files[i]))
      return EXIT_INVALID;

  report = sodo_comments_report_new (regulation, merged);
  return write_report (report, output, format) ? EXIT_SUCCESS : EXIT_INVALID;
}
