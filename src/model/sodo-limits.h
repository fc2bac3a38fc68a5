/* sodo-limits.h: every limit Sodo puts on its input, in one place
 *
 * docs/data-format.md lists the same numbers; change both together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* Largest data file read, in bytes (a 1,000,000-unit chart is ~250 MB). */
#define SODO_MAX_FILE_SIZE        (1024 * 1024 * 1024)
/* Deepest nesting of JSON arrays and objects, checked before parsing. */
#define SODO_MAX_JSON_DEPTH       512
/* Longest string value, in bytes. */
#define SODO_MAX_STRING_LENGTH    (1024 * 1024)
/* Most units in one org chart. */
#define SODO_MAX_UNITS            5000000
/* Most nodes in one regulation. */
#define SODO_MAX_REGULATION_NODES 1000000
/* Most comments in one comments file. */
#define SODO_MAX_COMMENTS         1000000
/* Most languages in one text (an object such as {"vi": "…", "en": "…"}). */
#define SODO_MAX_TEXT_LANGUAGES   64
/* Longest ID, in bytes (DATA-FORMAT: ^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$). */
#define SODO_MAX_ID_LENGTH        128
/* Largest plain text accepted by the regulation importer, in bytes. */
#define SODO_MAX_IMPORT_SIZE      (64 * 1024 * 1024)
/* Diagnostics kept for one file; the rest are counted, not listed. */
#define SODO_MAX_DIAGNOSTICS      1000
