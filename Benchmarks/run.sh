#!/usr/bin/env bash
# `make bench`: builds the benchmarks in release mode and runs them. Pass group names to run only those.
set -euo pipefail
cd "$(dirname "$0")"
swift build -c release --product ReserveBench
./.build/release/ReserveBench "$@"
