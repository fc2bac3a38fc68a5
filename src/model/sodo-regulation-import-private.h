/* sodo-regulation-import-private.h: what the importer's two halves share
 *
 * sodo-regulation-import-text.c cleans the text, cuts it into lines and tells what each line
 * is; sodo-regulation-import-header.c reads the header block; sodo-regulation-import.c builds
 * the tree and the JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sodo-diagnostics.h"

G_BEGIN_DECLS

typedef enum {
  SODO_IMPORT_LINE_BLANK,
  SODO_IMPORT_LINE_TEXT,
  SODO_IMPORT_LINE_RULE,         /* punctuation only: "-----", "*", "___" */
  SODO_IMPORT_LINE_PAGE_NUMBER,  /* "12", "- 12 -", "Trang 12" alone: a page of a PDF copy */
  SODO_IMPORT_LINE_CONTENTS,     /* "MỤC LỤC", "Điều 1. Phạm vi ...... 3": a table of contents */
  SODO_IMPORT_LINE_PART,         /* Phần thứ nhất, Phần I */
  SODO_IMPORT_LINE_CHAPTER,      /* Chương I */
  SODO_IMPORT_LINE_SECTION,      /* Mục 1 */
  SODO_IMPORT_LINE_SUBSECTION,   /* Tiểu mục 1 */
  SODO_IMPORT_LINE_ARTICLE,      /* Điều 1. */
  SODO_IMPORT_LINE_ROMAN,        /* Party style top section: I- QUY ĐỊNH CHUNG */
  SODO_IMPORT_LINE_CLAUSE,       /* 1.  1-  1) */
  SODO_IMPORT_LINE_DECIMAL,      /* 1.1.  1.1-  1.1.1. */
  SODO_IMPORT_LINE_POINT,        /* a)  a-  đ) */
  SODO_IMPORT_LINE_BULLET,       /* - text */
  SODO_IMPORT_LINE_PLUS,         /* + text */
  SODO_IMPORT_LINE_SIGNATURE,    /* T/M BAN BÍ THƯ, Nơi nhận: */
} SodoImportLineKind;

typedef struct {
  const char         *text;          /* cleaned: NFC, single spaces, no leading/trailing space */
  guint               lineno;        /* 1-based line of the input */
  SodoImportLineKind  kind;
  int                 value;         /* the number's value (a decimal: its last part), or 0 */
  guint16             number_start;  /* the number as printed: text[start, start + len) */
  guint16             number_len;
  guint16             marker_len;    /* bytes of the marker with its separator */
  guint16             n_parts;       /* parts of a decimal number: "1.2.3" has 3 */
  gsize               rest;          /* offset of what follows the marker */
  gboolean            bad_letter;    /* "f)": a point letter Vietnamese numbering skips */
} SodoImportLine;

typedef struct {
  char    *buffer;        /* every line's text, NUL-separated */
  GArray  *lines;         /* SodoImportLine */
} SodoImportText;

typedef struct {
  char     *issuer;       /* the issuing body as printed, or NULL */
  char     *number;       /* "146-QĐ/TW", or NULL */
  char     *date;         /* "YYYY-MM-DD", or NULL */
  char     *title;        /* document type + subject, or NULL */
  char     *description;  /* a parenthesised line under the subject, or NULL */
  gboolean  draft;        /* a "DỰ THẢO" line */
  guint     end;          /* index of the first line after the header block */
} SodoImportHeader;

/* Cleans @text (UTF-8 repaired and reported, NFC, Ð -> Đ, spaces, line ends) and classifies
 * every line. */
SodoImportText *_sodo_import_text_new         (const char       *text,
                                               gssize            length,
                                               SodoDiagnostics  *diags);
void            _sodo_import_text_free        (SodoImportText   *text);
/* Reads the header block from lines [0, @limit). */
void            _sodo_import_header_parse     (SodoImportHeader *header,
                                               SodoImportText   *text,
                                               guint             limit);
void            _sodo_import_header_clear     (SodoImportHeader *header);

/* Helpers on cleaned lines. */
/* @word (case-insensitive, a whole word) at the start of @s: the position after it, or NULL. */
const char     *_sodo_import_skip_word_ci     (const char       *s,
                                               const char       *word);
/* The first occurrence of @word in @s as a whole word; @after receives its end. */
const char     *_sodo_import_find_word_ci     (const char       *s,
                                               const char       *word,
                                               const char      **after);
/* 1 to @max_digits decimal digits: the position after them, or NULL. */
const char     *_sodo_import_parse_arabic     (const char       *s,
                                               guint             max_digits,
                                               int              *value);
gboolean        _sodo_import_is_all_caps      (const char       *str);
gboolean        _sodo_import_starts_lower     (const char       *str);
gboolean        _sodo_import_starts_upper     (const char       *str);
gboolean        _sodo_import_ends_sentence    (const char       *str,
                                               gsize             length);
gboolean        _sodo_import_ends_dangling    (const char       *str);
guint           _sodo_import_count_words      (const char       *str);
gboolean        _sodo_import_ends_in_name     (const char       *str);
/* Joins @line to @text: a newline between paragraphs, a space inside a wrapped sentence. */
void            _sodo_import_join             (GString          *text,
                                               const char       *line,
                                               gboolean          blank_before);
/* The text of a bullet line with one space after the bullet ("-Căn cứ" -> "- Căn cứ"). */
char           *_sodo_import_bullet_text      (const SodoImportLine *line);
/* Folds @str to an id ("146-QĐ/TW" -> "146-qd-tw"); NULL when nothing is left. */
char           *_sodo_import_make_id          (const char       *str);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SodoImportText, _sodo_import_text_free)

G_END_DECLS
