#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer binary (sanitizers fuzzer + address), makes the seed corpora and fuzzes each
# target for FUZZ_SECONDS (default 300). Pass target names to run only those (default: every target).
# A crash is copied to fixtures/fuzz/<target>/ (the test suite replays that folder) and the run exits 1.
# Per target: Fuzz/.build/corpus/<target> (the growing corpus), Fuzz/.build/logs/<target>.log.
set -uo pipefail
cd "$(dirname "$0")"
seconds=${FUZZ_SECONDS:-300}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(address base58 bech32 der schnorr descriptor xpub transaction base64 csv json message)
# SwiftPM can keep a stale file list of the path dependency in its build plan: drop the plan (a full rebuild,
# minutes) only when the project's list of source files changed since the last build.
mkdir -p .build
sources=$(cd .. && find Sources -name '*.swift' | sort | cksum)
if [ "$sources" != "$(cat .build/sources.cksum 2>/dev/null)" ]; then rm -f .build/debug.yaml; fi
# No --product: with it, SwiftPM leaves the Swift code without coverage instrumentation (only the C code of
# swift-crypto gets counters, and libFuzzer fuzzes blind).
swift build --sanitize fuzzer --sanitize address || exit 74
echo "$sources" > .build/sources.cksum
bin=$(swift build --sanitize fuzzer --sanitize address --show-bin-path)/ReserveFuzz
./make-seeds.sh .build/seeds >/dev/null
export SWIFT_BACKTRACE=enable=no
# Swift's runtime keeps metadata alive on purpose; leak reports would be noise.
export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1
mkdir -p .build/logs
failed=0
printf "%-12s %10s %8s %8s %9s  %s\n" target execs "exec/s" cov ft result
for target in "${targets[@]}"; do
  corpus=.build/corpus/$target
  artifacts=.build/artifacts/$target/
  mkdir -p "$corpus" "$artifacts"
  case $target in csv|json|transaction) max_len=16384 ;; *) max_len=4096 ;; esac
  log=.build/logs/$target.log
  FUZZ_TARGET=$target "$bin" "$corpus" ".build/seeds/$target" -max_total_time="$seconds" -max_len=$max_len \
    -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$artifacts" >"$log" 2>&1
  status=$?
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  result=ok
  crashes=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) 2>/dev/null)
  if [ $status -ne 0 ] || [ -n "$crashes" ]; then
    result="FAILED (exit $status; see Fuzz/$log)"
    failed=1
    mkdir -p "../fixtures/fuzz/$target"
    for c in $crashes; do cp "$c" "../fixtures/fuzz/$target/$(basename "$c")"; done
  fi
  printf "%-12s %10s %8s %8s %9s  %s\n" "$target" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$result"
done
[ $failed -eq 0 ] || echo "crash inputs copied to fixtures/fuzz/<target>/: fix the parser, keep the input (make test replays it)"
exit $failed
