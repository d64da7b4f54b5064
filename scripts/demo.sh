#!/usr/bin/env bash
# `make demo`: builds a fresh ledger from fixtures/demo with the public commands, prints every report and
# writes the HTML page (demo-out/report.html). Pass --out DIR to write elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
./.build/debug/reserve demo "$@"
