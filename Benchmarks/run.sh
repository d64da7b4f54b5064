#!/usr/bin/env bash
# `make bench`: builds the benchmarks in release mode and runs them. Pass group names to run only those.
set -euo pipefail
cd "$(dirname "$0")"
# Group "cli": what users run, as processes (Benchmarks/cli/import_verify.py): `reserve import payouts` of 1,000,000
# realistic rows beside sqlite3's .import, then `reserve verify ledger`. CLI_BENCH_ARGS passes options to it.
if [ "${1:-}" = "cli" ]; then
  (cd .. && swift build -c release --product reserve)
  exec python3 cli/import_verify.py --reserve ../.build/release/reserve ${CLI_BENCH_ARGS:-}
fi
# SwiftPM can keep a stale file list of the path dependency in its build plan; drop the plan so a new
# source file in the main package is always seen.
rm -f .build/release.yaml
swift build -c release --product ReserveBench
# The "sigs" group compares against a C loop over libsecp256k1 on the same generated inputs.
mkdir -p .build
cc -O2 -pthread -o .build/secp_bench c/secp_bench.c -lsecp256k1
[ -f .build/sigs_inputs.txt ] || ./.build/secp_bench gen 4000 .build/sigs_inputs.txt
./.build/release/ReserveBench "$@"
