/* sodo-error.h: the error domain of every error a user's file or action can cause
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SODO_ERROR (sodo_error_quark ())

typedef enum {
  SODO_ERROR_IO,         /* the file could not be read or written */
  SODO_ERROR_ENCODING,   /* not valid UTF-8, NUL bytes */
  SODO_ERROR_SYNTAX,     /* not JSON */
  SODO_ERROR_LIMIT,      /* a limit of sodo-limits.h exceeded */
  SODO_ERROR_FORMAT,     /* "format" missing or not a Sodo format */
  SODO_ERROR_VERSION,    /* made by a newer Sodo */
  SODO_ERROR_MISSING,    /* a required key is missing */
  SODO_ERROR_TYPE,       /* a value has the wrong JSON type */
  SODO_ERROR_VALUE,      /* a value is malformed: id, date, URL, colour, enum */
  SODO_ERROR_DUPLICATE,  /* an id is used twice */
  SODO_ERROR_REFERENCE,  /* a reference names nothing */
  SODO_ERROR_STRUCTURE,  /* root count, cycles, level order */
  SODO_ERROR_CONFLICT,   /* comments: same id, different text */
  SODO_ERROR_UNKNOWN_MEMBER, /* a member this version does not know (a warning) */
} SodoErrorCode;

GQuark sodo_error_quark (void);

G_END_DECLS
