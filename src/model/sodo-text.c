/* sodo-text.c: the pool behind SodoText handles
 *
 * Strings live in a GStringChunk and are interned (names such as "Ban Tổ chức" repeat across a
 * chart), texts are 16-byte records in one array, and the language entries of localised texts
 * are consecutive records in a second array. Nothing is allocated per text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sodo-text.h"

typedef struct {
  const char *plain;        /* the string of a plain text, NULL for a localised one */
  guint32     first_entry;  /* index into entries */
  guint32     n_entries;    /* 0 for a plain text */
} TextRecord;

typedef struct {
  const char *lang;
  const char *str;
} TextEntry;

struct _SodoTextPool {
  GStringChunk *strings;
  GHashTable   *interned;   /* string in strings -> itself */
  GArray       *texts;      /* TextRecord; index 0 is SODO_TEXT_NONE */
  GArray       *entries;    /* TextEntry */
  gsize         string_bytes;
};

SodoTextPool *
sodo_text_pool_new (void)
{
  SodoTextPool *pool = g_new0 (SodoTextPool, 1);
  TextRecord none = { NULL, 0, 0 };

  pool->strings = g_string_chunk_new (64 * 1024);
  pool->interned = g_hash_table_new (g_str_hash, g_str_equal);
  pool->texts = g_array_new (FALSE, FALSE, sizeof (TextRecord));
  pool->entries = g_array_new (FALSE, FALSE, sizeof (TextEntry));
  g_array_append_val (pool->texts, none);

  return pool;
}

void
sodo_text_pool_free (SodoTextPool *pool)
{
  if (pool == NULL)
    return;

  g_hash_table_unref (pool->interned);
  g_string_chunk_free (pool->strings);
  g_array_unref (pool->texts);
  g_array_unref (pool->entries);
  g_free (pool);
}

const char *
sodo_text_pool_intern (SodoTextPool *pool,
                       const char   *str)
{
  const char *copy;

  g_return_val_if_fail (pool != NULL, NULL);

  if (str == NULL)
    return NULL;

  copy = g_hash_table_lookup (pool->interned, str);
  if (copy != NULL)
    return copy;

  copy = g_string_chunk_insert (pool->strings, str);
  g_hash_table_add (pool->interned, (gpointer) copy);
  pool->string_bytes += strlen (copy) + 1;
  return copy;
}

const char *
sodo_text_pool_insert (SodoTextPool *pool,
                       const char   *str)
{
  g_return_val_if_fail (pool != NULL, NULL);

  if (str == NULL)
    return NULL;

  pool->string_bytes += strlen (str) + 1;
  return g_string_chunk_insert (pool->strings, str);
}

static SodoText
append_record (SodoTextPool     *pool,
               const TextRecord *record)
{
  if (pool->texts->len == G_MAXUINT32)
    g_error ("Text pool full");

  g_array_append_vals (pool->texts, record, 1);
  return (SodoText) (pool->texts->len - 1);
}

SodoText
sodo_text_pool_add_plain (SodoTextPool *pool,
                          const char   *str)
{
  TextRecord record = { NULL, 0, 0 };

  g_return_val_if_fail (pool != NULL, SODO_TEXT_NONE);
  g_return_val_if_fail (str != NULL, SODO_TEXT_NONE);

  record.plain = sodo_text_pool_insert (pool, str);
  return append_record (pool, &record);
}

SodoText
sodo_text_pool_add_localized (SodoTextPool  *pool,
                              guint          n_entries,
                              const char   **langs,
                              const char   **texts)
{
  TextRecord record = { NULL, 0, 0 };

  g_return_val_if_fail (pool != NULL, SODO_TEXT_NONE);
  g_return_val_if_fail (n_entries >= 1, SODO_TEXT_NONE);
  g_return_val_if_fail (langs != NULL && texts != NULL, SODO_TEXT_NONE);

  record.first_entry = pool->entries->len;
  record.n_entries = n_entries;
  for (guint i = 0; i < n_entries; i++)
    {
      TextEntry entry;

      /* Languages repeat and are interned; texts are mostly unique, and a table entry per
       * text would cost more time and memory than the duplicates it saves. */
      entry.lang = sodo_text_pool_intern (pool, langs[i]);
      entry.str = sodo_text_pool_insert (pool, texts[i]);
      g_array_append_val (pool->entries, entry);
    }

  return append_record (pool, &record);
}

static const TextRecord *
lookup_record (SodoTextPool *pool,
               SodoText      text)
{
  if (text == SODO_TEXT_NONE || text >= pool->texts->len)
    return NULL;

  return &g_array_index (pool->texts, TextRecord, text);
}

static const TextEntry *
find_entry (SodoTextPool     *pool,
            const TextRecord *record,
            const char       *lang)
{
  const TextEntry *entries = &g_array_index (pool->entries, TextEntry, record->first_entry);

  if (lang == NULL)
    return NULL;

  for (guint i = 0; i < record->n_entries; i++)
    if (g_strcmp0 (entries[i].lang, lang) == 0)
      return &entries[i];

  return NULL;
}

const char *
sodo_text_pool_resolve (SodoTextPool  *pool,
                        SodoText       text,
                        const char    *lang,
                        const char   **out_lang)
{
  const TextRecord *record;
  const TextEntry *entry;

  g_return_val_if_fail (pool != NULL, NULL);

  if (out_lang != NULL)
    *out_lang = NULL;

  record = lookup_record (pool, text);
  if (record == NULL)
    return NULL;
  if (record->n_entries == 0)
    return record->plain;

  /* The data-format fallback: the requested language, else vi, else en, else the first. */
  entry = find_entry (pool, record, lang);
  if (entry == NULL)
    entry = find_entry (pool, record, "vi");
  if (entry == NULL)
    entry = find_entry (pool, record, "en");
  if (entry == NULL)
    entry = &g_array_index (pool->entries, TextEntry, record->first_entry);

  if (out_lang != NULL)
    *out_lang = entry->lang;
  return entry->str;
}

guint
sodo_text_pool_get_n_entries (SodoTextPool *pool,
                              SodoText      text)
{
  const TextRecord *record;

  g_return_val_if_fail (pool != NULL, 0);

  record = lookup_record (pool, text);
  return record != NULL ? record->n_entries : 0;
}

void
sodo_text_pool_get_entry (SodoTextPool  *pool,
                          SodoText       text,
                          guint          index,
                          const char   **lang,
                          const char   **str)
{
  const TextRecord *record;
  const TextEntry *entry;

  g_return_if_fail (pool != NULL);

  record = lookup_record (pool, text);
  g_return_if_fail (record != NULL && index < record->n_entries);

  entry = &g_array_index (pool->entries, TextEntry, record->first_entry + index);
  if (lang != NULL)
    *lang = entry->lang;
  if (str != NULL)
    *str = entry->str;
}

gsize
sodo_text_pool_get_memory_size (SodoTextPool *pool)
{
  g_return_val_if_fail (pool != NULL, 0);

  /* A GHashTable costs about a hash, a key and a value slot per entry. */
  return sizeof (SodoTextPool) +
         g_hash_table_size (pool->interned) * (sizeof (guint) + 2 * sizeof (gpointer)) +
         pool->texts->len * sizeof (TextRecord) +
         pool->entries->len * sizeof (TextEntry) +
         pool->string_bytes;
}
