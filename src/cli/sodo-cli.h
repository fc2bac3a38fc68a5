/* sodo-cli.h: the headless commands, run without a display
 *
 * Each returns the process exit status: 0 on success, 1 when the input is invalid (problems
 * are printed on stderr, one a line). Option parsing and exit status 2 for bad usage are the
 * caller's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `sodo --validate FILE…`: checks each file, of any of Sodo's formats, against
 * DATA-FORMAT.md. Prints every problem on stderr as
 *   FILE:LINE:COLUMN: error: PATH: MESSAGE   (or "warning:"; LINE:COLUMN and PATH left out
 *                                              when unknown)
 * where FILE is the name as given. Warnings alone do not make a file invalid.
 * Returns 0 when every file is valid, 1 otherwise. @files is NULL-terminated. */
int sodo_cli_validate (const char *const *files);

/* `sodo --import-regulation TEXT --output OUT.json`: reads a plain UTF-8 text (at most
 * SODO_MAX_IMPORT_SIZE bytes) and writes it as a sodo-regulation file, pretty-printed and
 * atomically (@output_path NULL or "-" writes to stdout). What could not be placed is printed
 * on stderr as FILE:LINE: warning: MESSAGE. Returns 0 on success, 1 when the input cannot be
 * read (missing, too large, not UTF-8) or the output cannot be written. */
int sodo_cli_import_regulation (const char *input_path,
                                const char *output_path);

/* `sodo --export OUT [--paper P] [--orientation O] [--fit-pages CxR | --scale PERCENT]
 * [--branch UNIT_ID] [--layout L] [--compact] FILE`: the strings as given on the command line
 * (NULL when absent). */
typedef struct {
  const char *output;
  const char *input;
  const char *paper;        /* a4 (default), a3, a5, letter, legal */
  const char *orientation;  /* portrait, landscape; NULL picks the one printing larger */
  const char *fit_pages;    /* "3x2" */
  const char *scale;        /* "150" or "150%" */
  const char *branch;       /* a unit id */
  const char *layout;       /* the chart's: top-down (default), left-right */
  gboolean    compact;      /* stack leaf units in columns */
} SodoCliExportOptions;

/* Exports an org chart (as PDF, SVG, PNG or .layout.json, by OUT's ending) or a regulation
 * (as PDF). Returns 0 on success; 1 when FILE is invalid (its problems printed as --validate
 * prints them), names no such branch, or OUT cannot be written; 2 for options that do not
 * make sense (unknown ending, bad CxR or scale, --fit-pages with --scale), with a message. */
int sodo_cli_export (const SodoCliExportOptions *options);

/* `sodo --comments-report OUT REGULATION COMMENTS…`: merges the comments files (a comment
 * that differs from one read before is kept beside it, with a warning on stderr) and writes
 * the consolidated report on the regulation, as PDF or Markdown by OUT's ending (.pdf, .md).
 * Returns 0 on success; 1 when a file is invalid, is about another regulation, or OUT cannot
 * be written; 2 for an unknown ending or missing files, with a message. @files is
 * NULL-terminated: the regulation first. */
int sodo_cli_comments_report (const char        *output,
                              const char *const *files);

G_END_DECLS
