#!/usr/bin/env bash
# Times `reserve import payouts` and `reserve import undo` of the same batch at growing sizes (default
# 1000 4000 16000 64000 rows), with peak RSS of each, using the release build: undo must grow linearly and
# take no longer than the import. Usage: Benchmarks/undo-scaling.sh [ROWS...]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product reserve >/dev/null
R=$PWD/.build/release/reserve
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
xpub=xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQVHQKqhMkhgbmJbZRkrgZw4koxb5JaHWkY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL
# Three addresses of wpkh(xpub/0/*), indexes 0..2.
addresses="bc1qxzv66jwlm5pphum53alctrsdr7stfahcs3g4zm bc1qlj6q3kwqtv7af02veey7nsn3x5x3uehd4qclpc bc1qwjxx4xqym6nzk870er3g22zmw56nzmx02m2s43"
{ echo "date,currency,price,base"; for d in $(seq -w 1 31); do echo "2026-03-$d,PKR,28500000.00,BTC"; done; } > "$dir/prices.csv"
# Peak RSS (KiB) and wall seconds of a command, from GNU time when present.
timed() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%e s, %M KiB" "$@" 2>&1 >/dev/null | tail -1
  else
    local s=$(date +%s.%N); "$@" >/dev/null; echo "$(echo "$(date +%s.%N) - $s" | bc) s"
  fi
}
printf "%8s  %-22s  %-22s\n" rows import undo
for n in "${@:-1000 4000 16000 64000}"; do
  for rows in $n; do
    db="$dir/l-$rows.sqlite"
    $R init --db "$db" --currency PKR --timezone Asia/Karachi --fiscal-year-start 7 >/dev/null
    $R wallet add cold --db "$db" --descriptor "wpkh($xpub/0/*)" >/dev/null
    $R pool add f2pool --db "$db" --basis cash >/dev/null
    $R site add Guddu --db "$db" >/dev/null
    $R import prices --db "$db" "$dir/prices.csv" >/dev/null
    awk -v n="$rows" -v a="$addresses" 'BEGIN {
      split(a, ad, " "); print "paid_at,pool,site,amount_btc,address,txid,vout,fee_btc"
      for (i = 0; i < n; i++) printf "2026-03-%02dT0%d:12:05Z,f2pool,Guddu,0.0%d1,%s,%064x,%d,0.0000%d\n",
        1 + i % 28, i % 10, 1000 + i % 9000, ad[1 + i % 3], i, i % 4, 100 + i % 900 }' > "$dir/p.csv"
    imp=$(timed $R import payouts --db "$db" "$dir/p.csv")
    batch=$(sqlite3 "$db" "SELECT id FROM import_batch WHERE kind = 'payouts' AND new_count = $rows")
    [ -n "$batch" ] || { echo "the import of $rows rows failed: $imp" >&2; exit 1; }
    und=$(timed $R import undo --db "$db" "$batch" --reason bench)
    printf "%8s  %-22s  %-22s\n" "$rows" "$imp" "$und"
  done
done
