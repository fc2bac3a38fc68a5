/* sodo-json-scan-private.h: the checks of the byte scan that json-glib 1.6 does not make
 *
 * json-glib accepts more than RFC 8259 and turns some of it into other data without a word:
 * "\x41" and "0x10" are taken, "\u0000" cuts a string short, an unpaired "\ud800" becomes
 * invalid text, 1e999 becomes infinity, 99999999999999999999 wraps to -1, text after the
 * document is ignored, and of a member given twice the last one wins. The scan refuses all of
 * these first, with their exact position.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sodo-error.h"

G_BEGIN_DECLS

/* What is wrong, and where (a byte offset into the text). */
typedef struct {
  gsize          offset;
  SodoErrorCode  code;
  char          *message;   /* translated; the caller frees it */
} SodoJsonScanProblem;

/* Checks the escapes of the string whose quotes are at @start and @end: they must be those of
 * RFC 8259, surrogate escapes must pair, and "\u0000" is refused (other control characters
 * are kept, and shown escaped in messages). */
gboolean _sodo_json_scan_check_string (const char          *text,
                                       gsize                start,
                                       gsize                end,
                                       SodoJsonScanProblem *problem);
/* Checks the number at @start (a "-" or a digit) and returns where it ends in *@end: it must
 * follow RFC 8259's grammar and fit a double (and a 64-bit integer when it has no fraction
 * or exponent). */
gboolean _sodo_json_scan_check_number (const char          *text,
                                       gsize                length,
                                       gsize                start,
                                       gsize               *end,
                                       SodoJsonScanProblem *problem);

/* Member names of the objects open at each level, to find one given twice. */
typedef struct _SodoJsonKeys SodoJsonKeys;

SodoJsonKeys *_sodo_json_keys_new   (const char          *text);
void          _sodo_json_keys_free  (SodoJsonKeys        *keys);
void          _sodo_json_keys_open  (SodoJsonKeys        *keys,
                                     gboolean             is_object);
void          _sodo_json_keys_close (SodoJsonKeys        *keys);
/* TRUE when the innermost open container is an object. */
gboolean      _sodo_json_keys_in_object (SodoJsonKeys    *keys);
/* Adds the member name whose quotes are at @start and @end to the innermost object; FALSE
 * with a problem when that object already has it (compared after escapes are decoded). */
gboolean      _sodo_json_keys_add   (SodoJsonKeys        *keys,
                                     gsize                start,
                                     gsize                end,
                                     SodoJsonScanProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SodoJsonKeys, _sodo_json_keys_free)

G_END_DECLS
