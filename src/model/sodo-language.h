/* sodo-language.h: the language data and formatting follow, and Vietnamese-aware text helpers
 *
 * The UI layer decides the language (GSettings, --language) and sets it here; the model,
 * the renderer and the headless commands read it. Always "vi" or "en".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *sodo_language_get           (void);
void        sodo_language_set           (const char *lang);
/* "vi" or "en" from a preference ("", "vi", "en"): "" picks from g_get_language_names(). */
const char *sodo_language_resolve       (const char *preference);

/* Case- and diacritic-folded form for searching: "Đảng đoàn HĐND" -> "dang doan hdnd".
 * The one folding function every search in Sodo uses. */
char       *sodo_fold_for_search        (const char *str);
/* Sort key honouring Vietnamese collation (g_utf8_collate_key). */
char       *sodo_collate_key            (const char *str);

/* 475000 -> "475.000" (vi) or "475,000" (en); fractions keep up to 2 digits. */
char       *sodo_format_number          (double      value,
                                         const char *lang);
/* "2023-10-27" -> "27/10/2023" (vi) or "27 Oct 2023" (en). NULL if @iso_date is invalid. */
char       *sodo_format_date            (const char *iso_date,
                                         const char *lang);

G_END_DECLS
