/* sodo-text.h: localised text values ("L" in the data format) and their pool
 *
 * Every document owns one SodoTextPool. An L value is stored once and referred to by a
 * SodoText handle (0 = absent), so a unit costs a few integers, not a hash table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef guint32 SodoText;
#define SODO_TEXT_NONE ((SodoText) 0)

typedef struct _SodoTextPool SodoTextPool;

SodoTextPool *sodo_text_pool_new              (void);
void          sodo_text_pool_free             (SodoTextPool  *pool);
/* Copies @str into the pool (interning it). */
const char   *sodo_text_pool_intern           (SodoTextPool  *pool,
                                               const char    *str);
/* Copies @str into the pool without interning: for strings known to be unique, such as ids,
 * where the interning table would only cost memory. */
const char   *sodo_text_pool_insert           (SodoTextPool  *pool,
                                               const char    *str);
/* A text is a copy of the strings given; language codes are interned. */
SodoText      sodo_text_pool_add_plain        (SodoTextPool  *pool,
                                               const char    *str);
/* @langs and @texts hold @n_entries entries each (n_entries >= 1), in file order. */
SodoText      sodo_text_pool_add_localized    (SodoTextPool  *pool,
                                               guint          n_entries,
                                               const char   **langs,
                                               const char   **texts);
/* Resolves @text for @lang with the data-format fallback: @lang, else "vi", else "en", else
 * the first entry. @out_lang (nullable) receives the language used, or NULL for a plain string.
 * Returns NULL for SODO_TEXT_NONE. */
const char   *sodo_text_pool_resolve          (SodoTextPool  *pool,
                                               SodoText       text,
                                               const char    *lang,
                                               const char   **out_lang);
/* Number of language entries of @text (0 for a plain string or NONE), and each entry. */
guint         sodo_text_pool_get_n_entries    (SodoTextPool  *pool,
                                               SodoText       text);
void          sodo_text_pool_get_entry        (SodoTextPool  *pool,
                                               SodoText       text,
                                               guint          index,
                                               const char   **lang,
                                               const char   **str);
gsize         sodo_text_pool_get_memory_size  (SodoTextPool  *pool);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SodoTextPool, sodo_text_pool_free)

G_END_DECLS
