#!/usr/bin/env bash
# `make demo`: until the full demo lands, inspect the sample addresses in fixtures/.
set -euo pipefail
cd "$(dirname "$0")/.."
./.build/debug/reserve --help
