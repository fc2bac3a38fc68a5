# 30-fuzz.sh (sourced by build-aux/test): builds the libFuzzer harnesses of tests/fuzz with
# clang, ASan and UBSan (_build-fuzz), and runs each for a bounded time from its seeds. Each
# harness is one stage: libFuzzer exits non-zero on a crash, a leak, a sanitizer report, a
# timeout, running out of memory, or a broken promise of a loader (the harness aborts), and
# leaves the input as _build-fuzz/crash-NAME-*.
#
#   SODO_FUZZ_SECONDS   seconds per harness (60)

fuzz_seconds=${SODO_FUZZ_SECONDS:-60}

fuzz_build () {
  # The library is instrumented for coverage (fuzzer-no-link); the harnesses add the fuzzer
  # main. The test suite is not built here: 20-sanitizers.sh runs it with ASan.
  CC=clang build _build-fuzz -Dfuzzing=true -Dtests=false \
    -Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link
}

# Runs harness $1 on a fresh copy of its seeds, so that runs do not grow a corpus between them.
fuzz_run () {
  local name=$1 corpus max_len dict status
  corpus=$(mktemp -d)
  case $name in
    import)
      cp tests/data/import-*.txt "$corpus"/
      max_len=262144 dict=tests/fuzz/import.dict ;;
    *)
      cp tests/data/hostile/*.json tests/data/*.json data/samples/*.json "$corpus"/
      max_len=65536 dict=tests/fuzz/json.dict ;;
  esac
  # Inputs that once broke a harness (tests/fuzz/corpus/NAME) stay in its seeds.
  [[ -d tests/fuzz/corpus/$name ]] && cp tests/fuzz/corpus/"$name"/* "$corpus"/
  # libFuzzer's progress lines and its recommended dictionary are left out of the log.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "_build-fuzz/tests/fuzz/fuzz-$name" -max_total_time="$fuzz_seconds" -max_len="$max_len" \
      -dict="$dict" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="_build-fuzz/crash-$name-" "$corpus" 2>&1 |
    grep -v '^#[0-9]*[[:space:]]*\(NEW\|REDUCE\|pulse\)\|# Uses: [0-9]*$'
  status=${PIPESTATUS[0]}
  rm -rf "$corpus"
  return "$status"
}

echo "=== fuzz: build"
fuzz_start=$SECONDS
if fuzz_build; then
  for harness in orgchart regulation comments import; do
    stage "fuzz-$harness (${fuzz_seconds} s)" fuzz_run "$harness"
  done
else
  failed=$((failed + 1))
fi
echo "=== fuzz: $((SECONDS - fuzz_start)) s"
