# 20-sanitizers.sh (sourced by build-aux/test): the test suite built with AddressSanitizer,
# LeakSanitizer and UBSan, then the model, layout and render tests under valgrind.
#
# The generated big files of the hostile corpus are left out of both (SODO_TEST_SKIP_BIG):
# the main build runs them, and they would take most of the time budget here.

sanitizer_env=(
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
  LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  SODO_TEST_SKIP_BIG=1
)

echo "=== sanitizers: build"
if build _build-asan -Db_sanitize=address,undefined -Db_lundef=false; then
  # The data checks run no C code of Sodo's: the main build has run them.
  env "${sanitizer_env[@]}" headless meson test -C _build-asan --print-errorlogs \
    --num-processes 2 --timeout-multiplier 4 --no-suite data-checks
  count_meson _build-asan
else
  failed=$((failed + 1))
fi

# valgrind finds what ASan does not (uninitialised reads) in the code that reads user files
# and draws. The main build (_build) is built and tested above; its "valgrind" setup is in
# tests/meson.build.
valgrind_tests () {
  meson test -C _build --setup valgrind --print-errorlogs --num-processes 2 \
    --suite model --suite layout --suite render
}
stage "valgrind: model, layout and render tests" valgrind_tests
