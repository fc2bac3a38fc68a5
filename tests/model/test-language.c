/* test-language.c: the data language, search folding, collation and number/date formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "model/sodo-language.h"

static void
check_fold (const char *input,
            const char *expected)
{
  g_autofree char *folded = sodo_fold_for_search (input);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_language_fold (void)
{
  check_fold ("Đảng đoàn HĐND", "dang doan hdnd");
  check_fold ("Thành ủy Hà Nội", "thanh uy ha noi");
  check_fold ("BAN THƯỜNG VỤ", "ban thuong vu");
  check_fold ("Ủy ban Kiểm tra", "uy ban kiem tra");
  check_fold ("đ Đ d D", "d d d d");
  check_fold ("", "");
  /* Decomposed input folds the same as precomposed. */
  check_fold ("Tha\xcc\x80nh u\xcc\x89y", "thanh uy");
}

static void
test_language_collate (void)
{
  g_autofree char *a = sodo_collate_key ("Ban Tổ chức");
  g_autofree char *a_again = sodo_collate_key ("Ban Tổ chức");
  g_autofree char *b = sodo_collate_key ("Văn phòng");

  g_assert_nonnull (a);
  g_assert_cmpstr (a, ==, a_again);
  g_assert_cmpint (strcmp (a, b), <, 0);
}

static void
check_number (double      value,
              const char *lang,
              const char *expected)
{
  g_autofree char *formatted = sodo_format_number (value, lang);

  g_assert_cmpstr (formatted, ==, expected);
}

static void
test_language_number (void)
{
  check_number (475000, "vi", "475.000");
  check_number (475000, "en", "475,000");
  check_number (1234.5, "vi", "1.234,5");
  check_number (1234.5, "en", "1,234.5");
  check_number (1234567.891, "vi", "1.234.567,89");
  check_number (1234567.891, "en", "1,234,567.89");
  check_number (-9876543, "vi", "-9.876.543");
  check_number (-0.25, "en", "-0.25");
  check_number (0, "vi", "0");
  check_number (0.001, "en", "0");
  check_number (-0.001, "en", "0");
  check_number (999, "vi", "999");
  check_number (1000, "vi", "1.000");
  check_number (12.30, "vi", "12,3");

  sodo_language_set ("vi");
  check_number (1500, NULL, "1.500");
  sodo_language_set ("en");
  check_number (1500, NULL, "1,500");
}

static void
check_date (const char *iso,
            const char *lang,
            const char *expected)
{
  g_autofree char *formatted = sodo_format_date (iso, lang);

  g_assert_cmpstr (formatted, ==, expected);
}

static void
test_language_date (void)
{
  check_date ("2023-10-27", "vi", "27/10/2023");
  check_date ("2023-10-27", "en", "27 Oct 2023");
  check_date ("2025-02-01", "vi", "01/02/2025");
  check_date ("2025-02-01", "en", "1 Feb 2025");
  check_date ("2024-02-29", "en", "29 Feb 2024");
  check_date ("2023-02-29", "vi", NULL);
  check_date ("2023-13-01", "en", NULL);
  check_date ("2023-1-01", "en", NULL);
  check_date ("27/10/2023", "vi", NULL);
  check_date (NULL, "vi", NULL);
}

static void
test_language_resolve (void)
{
  g_assert_cmpstr (sodo_language_resolve ("vi"), ==, "vi");
  g_assert_cmpstr (sodo_language_resolve ("en"), ==, "en");

  /* "" follows the environment the way gettext does. */
  g_setenv ("LANGUAGE", "vi_VN:en", TRUE);
  g_assert_cmpstr (sodo_language_resolve (""), ==, "vi");
  g_setenv ("LANGUAGE", "en_GB:vi", TRUE);
  g_assert_cmpstr (sodo_language_resolve (""), ==, "en");
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_cmpstr (sodo_language_resolve (""), ==, "en");
  g_setenv ("LANGUAGE", "fr:vi", TRUE);
  g_assert_cmpstr (sodo_language_resolve (NULL), ==, "vi");
  g_unsetenv ("LANGUAGE");

  sodo_language_set ("vi");
  g_assert_cmpstr (sodo_language_get (), ==, "vi");
  sodo_language_set ("en");
  g_assert_cmpstr (sodo_language_get (), ==, "en");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/language/fold", test_language_fold);
  g_test_add_func ("/language/collate", test_language_collate);
  g_test_add_func ("/language/number", test_language_number);
  g_test_add_func ("/language/date", test_language_date);
  g_test_add_func ("/language/resolve", test_language_resolve);

  return g_test_run ();
}
