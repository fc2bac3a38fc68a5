/* sodo-regulation-import.h: building a "sodo-regulation" document from plain text
 *
 * Official texts reach users as text copied from a web portal, a word processor or a PDF.
 * The importer recognises the standard markers of Vietnamese legal and Party documents
 * (Phần, Chương, Mục, Điều, clauses "1." / "1-" / "1)", decimal "1.1.", points "a)",
 * Party-style sections "I-", bullets "-" and "+"), the header block (issuing body, number,
 * place and date, document type and subject) and the signature block, and builds the same
 * JSON tree a hand-written regulation file has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sodo-diagnostics.h"

G_BEGIN_DECLS

/* Builds a tree in the sodo-regulation format from @text (@length bytes, or -1 when
 * NUL-terminated). Never fails: text with no recognisable structure becomes paragraphs.
 * Invalid UTF-8 is replaced (U+FFFD) and reported. What the importer could not place
 * (numbering out of sequence, page numbers, a signature block, ...) is reported as a
 * warning with its 1-based line in @diags (nullable).
 *
 * @id_hint (nullable) is usually the file name without its extension: it becomes the
 * document id (folded to an ASCII id) and, when the text has no title, the title.
 *
 * Text values are written as {"vi": "..."}. Ids follow the numbering: "part-1", "ch-2",
 * "ch-2-sec-1", "art-3", "art-3-cl-2", "art-3-cl-2-pt-a" (point đ is "pt-dd"); a clash gets
 * a "-2", "-3", ... suffix. Decimal numbering "1.1." under a clause becomes a point
 * numbered "1.1"; one level deeper ("1.1.1." or "a)" under such a point) becomes a numbered
 * paragraph. Returns a new JsonNode (an object). */
JsonNode *sodo_regulation_import_text (const char      *text,
                                       gssize           length,
                                       const char      *id_hint,
                                       SodoDiagnostics *diags);

G_END_DECLS
