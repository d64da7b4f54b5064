#!/usr/bin/env bash
# `make demo`: until the full demo lands, inspect the sample addresses in fixtures/.
set -euo pipefail
cd "$(dirname "$0")/.."
reserve=./.build/debug/reserve

echo "== reserve address inspect --file fixtures/addresses.txt"
# Exit status 1 means "some inputs are not valid", which this sample file has on purpose; anything else fails.
status=0
"$reserve" address inspect --file fixtures/addresses.txt || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
  echo "demo: reserve address inspect failed with exit status $status" >&2
  exit "$status"
fi

echo
echo "== the same mainnet addresses, required to be mainnet, as JSON lines"
grep -E '^(1|3|bc1|BC1)' fixtures/addresses.txt | head -6 \
  | "$reserve" address inspect --file - --network main --format jsonl
