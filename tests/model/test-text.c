/* test-text.c: the text pool and the data-format fallback of localised text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "model/sodo-text.h"

static void
test_text_plain (void)
{
  g_autoptr(SodoTextPool) pool = sodo_text_pool_new ();
  const char *lang = "unset";
  SodoText text;

  text = sodo_text_pool_add_plain (pool, "Ban Tổ chức");
  g_assert_cmpuint (text, !=, SODO_TEXT_NONE);
  g_assert_cmpstr (sodo_text_pool_resolve (pool, text, "en", &lang), ==, "Ban Tổ chức");
  g_assert_null (lang);
  g_assert_cmpstr (sodo_text_pool_resolve (pool, text, "vi", NULL), ==, "Ban Tổ chức");
  g_assert_cmpuint (sodo_text_pool_get_n_entries (pool, text), ==, 0);

  g_assert_null (sodo_text_pool_resolve (pool, SODO_TEXT_NONE, "vi", &lang));
  g_assert_null (lang);
  g_assert_cmpuint (sodo_text_pool_get_n_entries (pool, SODO_TEXT_NONE), ==, 0);
}

static SodoText
add (SodoTextPool *pool,
     const char   *lang1,
     const char   *text1,
     const char   *lang2,
     const char   *text2)
{
  const char *langs[] = { lang1, lang2 };
  const char *texts[] = { text1, text2 };

  return sodo_text_pool_add_localized (pool, lang2 != NULL ? 2 : 1, langs, texts);
}

static void
test_text_fallback (void)
{
  g_autoptr(SodoTextPool) pool = sodo_text_pool_new ();
  SodoText both = add (pool, "en", "Standing Board", "vi", "Ban Thường vụ");
  SodoText english = add (pool, "en", "Standing Board", NULL, NULL);
  SodoText others = add (pool, "fr", "Bureau permanent", "de", "Ständiger Ausschuss");
  SodoText en_fr = add (pool, "fr", "Bureau permanent", "en", "Standing Board");
  const char *lang = NULL;

  /* The requested language first. */
  g_assert_cmpstr (sodo_text_pool_resolve (pool, both, "en", &lang), ==, "Standing Board");
  g_assert_cmpstr (lang, ==, "en");
  g_assert_cmpstr (sodo_text_pool_resolve (pool, both, "vi", &lang), ==, "Ban Thường vụ");
  g_assert_cmpstr (lang, ==, "vi");
  /* Else vi, else en, else the first entry. */
  g_assert_cmpstr (sodo_text_pool_resolve (pool, both, "fr", &lang), ==, "Ban Thường vụ");
  g_assert_cmpstr (lang, ==, "vi");
  g_assert_cmpstr (sodo_text_pool_resolve (pool, english, "vi", &lang), ==, "Standing Board");
  g_assert_cmpstr (lang, ==, "en");
  g_assert_cmpstr (sodo_text_pool_resolve (pool, en_fr, "vi", &lang), ==, "Standing Board");
  g_assert_cmpstr (lang, ==, "en");
  g_assert_cmpstr (sodo_text_pool_resolve (pool, others, "vi", &lang), ==, "Bureau permanent");
  g_assert_cmpstr (lang, ==, "fr");
  g_assert_cmpstr (sodo_text_pool_resolve (pool, others, "de", &lang), ==, "Ständiger Ausschuss");
  g_assert_cmpstr (sodo_text_pool_resolve (pool, others, NULL, &lang), ==, "Bureau permanent");
}

static void
test_text_entries (void)
{
  g_autoptr(SodoTextPool) pool = sodo_text_pool_new ();
  SodoText text = add (pool, "vi", "Đảng đoàn", "en", "Party delegation");
  const char *lang, *str;

  g_assert_cmpuint (sodo_text_pool_get_n_entries (pool, text), ==, 2);
  sodo_text_pool_get_entry (pool, text, 0, &lang, &str);
  g_assert_cmpstr (lang, ==, "vi");
  g_assert_cmpstr (str, ==, "Đảng đoàn");
  sodo_text_pool_get_entry (pool, text, 1, &lang, &str);
  g_assert_cmpstr (lang, ==, "en");
  g_assert_cmpstr (str, ==, "Party delegation");
}

static void
test_text_interning (void)
{
  g_autoptr(SodoTextPool) pool = sodo_text_pool_new ();
  char buffer[32];
  const char *first, *second, *unique;
  SodoText a, b;
  gsize before;

  g_strlcpy (buffer, "Ban Tổ chức", sizeof buffer);
  first = sodo_text_pool_intern (pool, buffer);
  g_assert_true (first != buffer);
  g_strlcpy (buffer, "Ban Tổ chức", sizeof buffer);
  second = sodo_text_pool_intern (pool, buffer);
  g_assert_true (first == second);

  /* Texts are copies with handles of their own; their language codes are shared. */
  a = sodo_text_pool_add_plain (pool, "Ban Tổ chức");
  b = sodo_text_pool_add_plain (pool, "Ban Tổ chức");
  g_assert_cmpuint (a, !=, b);
  g_assert_cmpstr (sodo_text_pool_resolve (pool, a, "vi", NULL), ==, "Ban Tổ chức");
  g_assert_cmpstr (sodo_text_pool_resolve (pool, b, "vi", NULL), ==, "Ban Tổ chức");
  {
    SodoText c = add (pool, "vi", "Ban Tổ chức", NULL, NULL);
    SodoText d = add (pool, "vi", "Văn phòng", NULL, NULL);
    const char *lang_c, *lang_d;

    sodo_text_pool_resolve (pool, c, "vi", &lang_c);
    sodo_text_pool_resolve (pool, d, "vi", &lang_d);
    g_assert_true (lang_c == lang_d);
  }

  /* Inserting does not intern: a unique copy each time. */
  unique = sodo_text_pool_insert (pool, "Ban Tổ chức");
  g_assert_cmpstr (unique, ==, first);
  g_assert_true (unique != first);

  before = sodo_text_pool_get_memory_size (pool);
  g_assert_cmpuint (before, >, 0);
  for (guint i = 0; i < 1000; i++)
    {
      g_snprintf (buffer, sizeof buffer, "unit %u", i);
      sodo_text_pool_add_plain (pool, buffer);
    }
  g_assert_cmpuint (sodo_text_pool_get_memory_size (pool), >, before + 1000 * strlen ("unit 0"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/plain", test_text_plain);
  g_test_add_func ("/text/fallback", test_text_fallback);
  g_test_add_func ("/text/entries", test_text_entries);
  g_test_add_func ("/text/interning", test_text_interning);

  return g_test_run ();
}
