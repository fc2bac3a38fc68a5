# 30-fuzz.sh (sourced by build-aux/test): builds the libFuzzer harnesses of tests/fuzz with
# clang, ASan and UBSan, and runs each for a bounded time from the seed corpora (the hostile
# corpus and the samples). Each harness is one stage: a crash, a leak, a sanitizer report or
# a broken promise of a loader (the harness aborts) fails it.
#
#   SODO_FUZZ_SECONDS   seconds per harness (60)

fuzz_seconds=${SODO_FUZZ_SECONDS:-60}

fuzz_build () {
  # Everything instrumented for coverage (fuzzer-no-link); the harnesses add the fuzzer main.
  CC=clang build _build-fuzz -Dfuzzing=true -Dtests=false \
    -Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link
}

# Runs harness $1 on a fresh copy of its seeds, so that nothing found is kept between runs.
fuzz_run () {
  local name=$1 corpus
  corpus=$(mktemp -d)
  case $name in
    import) cp tests/data/import-*.txt "$corpus"/ ;;
    *) cp tests/data/hostile/*.json tests/data/*.json data/samples/*.json "$corpus"/ ;;
  esac
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "_build-fuzz/tests/fuzz/fuzz-$name" -max_total_time="$fuzz_seconds" -max_len=65536 \
      -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
      -artifact_prefix="_build-fuzz/crash-$name-" "$corpus"
  local status=$?
  rm -rf "$corpus"
  return $status
}

echo "=== fuzz: build"
if fuzz_build; then
  for harness in orgchart regulation comments import; do
    stage "fuzz-$harness (${fuzz_seconds} s)" fuzz_run "$harness"
  done
else
  failed=$((failed + 1))
fi
