# 20-sanitizers.sh (sourced by build-aux/test): the test suite built with AddressSanitizer,
# LeakSanitizer and UBSan (_build-asan), then the model, layout and render tests under
# valgrind memcheck (_build-vg).
#
# Left out of both, through SODO_TEST_SKIP_BIG=1: test-million (a generated 1,000,000-unit
# chart) and the generated big files of test-hostile (10 MB string, 1,000,000-unit chain,
# 100,000-deep nesting, 100,000-unit cycle, the count limits, a sparse 1 GiB file). The main
# build runs them; here they would take most of the time budget. The data checks (suite
# "data") run validators over data files and no C code of Sodo's, so only the main build
# runs them.

sanitizer_env=(
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
  LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  SODO_TEST_SKIP_BIG=1
  # The tests draw with cairo (GSK_RENDERER=cairo), yet GTK 4.8 probes EGL when it opens the
  # X display. Mesa's driver then leaks a 128-byte table from a pthread_once initialiser and
  # is unloaded at exit, so that LeakSanitizer can name neither the library nor a function to
  # suppress. With no EGL vendor library to load, GTK opens the display without GL.
  __EGL_VENDOR_LIBRARY_DIRS=/nonexistent
)

# Runs the tests named "$@" (all but the data checks when none) with the sanitizers'
# settings. A subshell, so that the settings reach the tests and not the rest of the run.
sanitizer_tests () {
  (
    export "${sanitizer_env[@]}"
    headless meson test -C _build-asan --no-rebuild --print-errorlogs --num-processes 2 \
      --timeout-multiplier 4 "$@"
  )
}

# Counts the results of the last run, and prints the names of the tests whose only fault was
# a LeakSanitizer report (no assertion, no ASan or UBSan error).
count_leak_only () {
  python3 - _build-asan/meson-logs/testlog.json <<'PY'
import json, os, re, sys

# GLib's first quark block (tests/lsan.supp, _dl_init), as the fast unwinder reports it: the
# one leak of the program, one block of 16384 bytes, from g_malloc with no frame after it.
def quark_block_only(out):
    if "SUMMARY: AddressSanitizer: 16384 byte(s) leaked in 1 allocation(s)." not in out:
        return False
    report = out.split("LeakSanitizer: detected memory leaks", 1)[1].split("SUMMARY:", 1)[0]
    frames = re.findall(r"^ *#\d+ .*$", report, re.M)
    return ("Direct leak of 16384 byte(s) in 1 object(s)" in report and len(frames) == 2
            and "in __interceptor_malloc" in frames[0]
            and re.search(r"in g_malloc \(.*libglib-2\.0\.so", frames[1]) is not None)

ok = bad = 0
if not os.path.exists(sys.argv[1]):
    bad = 1   # meson test did not get as far as writing its log
for line in open(sys.argv[1]) if not bad else []:
    test = json.loads(line)
    if test["result"] in ("OK", "EXPECTEDFAIL", "SKIP"):
        ok += test["result"] != "SKIP"
        continue
    out = (test.get("stdout") or "") + (test.get("stderr") or "")
    if ("LeakSanitizer: detected memory leaks" not in out or "ERROR: AddressSanitizer" in out
            or "runtime error" in out or "Bail out!" in out):
        bad += 1
    elif quark_block_only(out):
        ok += 1
        print(f"note {test['name']}: only GLib's first quark block leaked", file=sys.stderr)
    else:
        print(test["name"].split(" / ")[-1])
print(f"counts {ok} {bad}")
PY
}

echo "=== sanitizers: build"
sanitizers_start=$SECONDS
if build _build-asan -Db_sanitize=address,undefined -Db_lundef=false; then
  sanitizer_tests --no-suite data
  # GLib, GTK and pango are built without frame pointers: the fast unwinder loses a leak's
  # stack past g_malloc, and the suppressions of tests/lsan.supp that name GLib's functions
  # cannot match. The slow unwinder makes every allocation several times slower, so only the
  # tests that LeakSanitizer alone failed run again with it, and their second result counts.
  # 8 frames reach the functions named there. One leak is told apart without it: GLib's
  # first quark block, which every window test leaks, and whose exact report (one block of
  # 16384 bytes from g_malloc, the only leak) count_leak_only recognises. That spares the
  # window tests the slow unwinder, under which test-live-reload's jump to Article 5 never
  # reaches the top of the pane (even with 1 frame of context and little CPU used).
  leak_only=()
  while read -r name; do
    case $name in
      "counts "*) read -r _ p f <<<"$name"; passed=$((passed + p)); failed=$((failed + f)) ;;
      *) leak_only+=("$name") ;;
    esac
  done < <(count_leak_only)
  if [[ ${#leak_only[@]} -gt 0 ]]; then
    echo "=== sanitizers: again with full leak stacks: ${leak_only[*]}"
    sanitizer_env[0]+=:fast_unwind_on_malloc=0:malloc_context_size=8
    sanitizer_tests "${leak_only[@]}"
    count_meson _build-asan
  fi
else
  failed=$((failed + 1))
fi
echo "=== sanitizers: $((SECONDS - sanitizers_start)) s"

# valgrind finds what ASan does not (reads of uninitialised memory) in the code that reads
# user files, lays out and draws. Its "valgrind" test setup is in tests/meson.build; meson
# writes that run's results to testlog-valgrind.json, counted here as count_meson does.
count_valgrind () {
  local log=_build-vg/meson-logs/testlog-valgrind.json
  [[ -f $log ]] || { failed=$((failed + 1)); return; }
  passed=$((passed + $(grep -c '"result": "\(OK\|EXPECTEDFAIL\)"' "$log")))
  failed=$((failed + $(grep -c '"result": "\(FAIL\|TIMEOUT\|ERROR\|UNEXPECTEDPASS\)"' "$log")))
}

# -O1, as valgrind's manual advises: about twice as fast as -O0 under memcheck, and unlike
# -O2 it does not make memcheck report uninitialised values that do not exist.
echo "=== valgrind: build"
valgrind_start=$SECONDS
if build _build-vg -Doptimization=1; then
  rm -f _build-vg/meson-logs/testlog-valgrind.json
  meson test -C _build-vg --setup valgrind --print-errorlogs --num-processes 2 \
    --suite model --suite layout --suite render
  count_valgrind
else
  failed=$((failed + 1))
fi
echo "=== valgrind: $((SECONDS - valgrind_start)) s"
