/* sodo-orgchart-fast-private.h: loading a well-formed chart without json-glib for its units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sodo-orgchart-loader-private.h"

G_BEGIN_DECLS

/* Reads the "units" list of @bytes into @loader (units, their kind and parent ids, and
 * loader->unit_lines) straight from the text, and returns the document with "units": [] in
 * place of the list, for the usual path to read the rest. NULL when the file needs the usual
 * path: anything this reader does not check itself, or that the loader would report. */
GBytes       *_sodo_orgchart_read_units_fast (SodoOrgchartLoader *loader,
                                              GBytes             *bytes);
/* The whole load with the units read as above. Returns NULL, having reported nothing, unless
 * the chart loads without a single diagnostic: then it is the chart _sodo_orgchart_load()
 * gives. Callers fall back to _sodo_orgchart_load() on NULL. */
SodoOrgchart *_sodo_orgchart_load_fast       (GBytes             *bytes,
                                              const char         *display_name);

G_END_DECLS
