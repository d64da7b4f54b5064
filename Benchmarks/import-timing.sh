#!/usr/bin/env bash
# Times `reserve import payouts` of ROWS generated payouts (default 100000) into a fresh ledger, RUNS times
# (default 3), with the release build: the cost of durable commits (docs/ledger.md, "Durability").
# Usage: Benchmarks/import-timing.sh [ROWS [RUNS]]; RESERVE=path uses another binary (no build).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
runs=${2:-3}
if [ -z "${RESERVE:-}" ]; then
  swift build -c release --product reserve >/dev/null
  RESERVE=$PWD/.build/release/reserve
fi
R=$RESERVE
dir=$(mktemp -d "${TMPDIR:-/tmp}/import-timing.XXXXXX")
trap 'rm -rf "$dir"' EXIT
xpub=xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQVHQKqhMkhgbmJbZRkrgZw4koxb5JaHWkY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL
# Three addresses of wpkh(xpub/0/*), indexes 0..2.
addresses="bc1qxzv66jwlm5pphum53alctrsdr7stfahcs3g4zm bc1qlj6q3kwqtv7af02veey7nsn3x5x3uehd4qclpc bc1qwjxx4xqym6nzk870er3g22zmw56nzmx02m2s43"
{ echo "date,currency,price,base"; for d in $(seq -w 1 31); do echo "2026-03-$d,PKR,28500000.00,BTC"; done; } > "$dir/prices.csv"
awk -v n="$rows" -v a="$addresses" 'BEGIN {
  split(a, ad, " "); print "paid_at,pool,site,amount_btc,address,txid,vout,fee_btc"
  for (i = 0; i < n; i++) printf "2026-03-%02dT0%d:12:05Z,f2pool,Guddu,0.0%d1,%s,%064x,%d,0.0000%d\n",
    1 + i % 28, i % 10, 1000 + i % 9000, ad[1 + i % 3], i, i % 4, 100 + i % 900 }' > "$dir/p.csv"
for run in $(seq 1 "$runs"); do
  db="$dir/l-$run.sqlite"
  $R init --db "$db" --currency PKR --timezone Asia/Karachi --fiscal-year-start 7 >/dev/null
  $R wallet add cold --db "$db" --descriptor "wpkh($xpub/0/*)" >/dev/null
  $R pool add f2pool --db "$db" --basis cash >/dev/null
  $R site add Guddu --db "$db" >/dev/null
  $R import prices --db "$db" "$dir/prices.csv" >/dev/null
  start=$(date +%s.%N)
  $R import payouts --db "$db" "$dir/p.csv" >/dev/null
  end=$(date +%s.%N)
  printf "run %d: %d rows imported in %.2f s\n" "$run" "$rows" "$(echo "$end - $start" | bc)"
  rm -f "$db"*
done
