#!/usr/bin/env python3
"""What users run, as processes: `reserve import payouts` of a realistic payouts file beside sqlite3's `.import` of
the same file (median of N runs each, alternating), then `reserve verify ledger` on the imported ledger, each with
its peak RSS.

The file: ROWS payouts spread over DAYS days, SITES sites and ADDRESSES addresses of one registered wpkh wallet,
with a BTC/PKR price for every day (issue 13's realistic shape: 1,000,000 rows, 2,400 days, 50 sites, 20 addresses).

    Benchmarks/cli/import_verify.py [--rows 1000000] [--days 2400] [--sites 50] [--addresses 20] [--runs 5]
        [--reserve .build/release/reserve]
Build first: swift build -c release --product reserve.
"""
import argparse, csv, datetime, os, random, resource, shutil, statistics, subprocess, sys, tempfile, time

XPUB = "xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQVHQKqhMkhgbmJbZRkrgZw4koxb5JaHWkY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL"

def run(cmd, **kw):
    """Runs `cmd`; returns (seconds, peak RSS of that child in MiB, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True, text=True, **kw)
    seconds = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    rss_kib = int(p.stderr.strip().splitlines()[-1])
    return seconds, rss_kib / 1024, p.stdout

def main():
    a = argparse.ArgumentParser()
    a.add_argument("--rows", type=int, default=1_000_000)
    a.add_argument("--days", type=int, default=2400)
    a.add_argument("--sites", type=int, default=50)
    a.add_argument("--addresses", type=int, default=20)
    a.add_argument("--runs", type=int, default=5)
    a.add_argument("--reserve", default=".build/release/reserve")
    o = a.parse_args()
    reserve = os.path.abspath(o.reserve)
    work = tempfile.mkdtemp(prefix="cli-bench-")
    try:
        rnd = random.Random(2026)
        derived = subprocess.run([reserve, "descriptor", "derive", f"wpkh({XPUB}/0/*)", "--count", str(o.addresses),
                                  "--format", "csv"], capture_output=True, text=True, check=True).stdout
        addresses = [r["address"] for r in csv.DictReader(derived.splitlines())]
        start = datetime.date(2020, 1, 1)
        days = [start + datetime.timedelta(days=i) for i in range(o.days)]
        sites = [f"Site-{i:02d}" for i in range(o.sites)]
        prices = os.path.join(work, "prices.csv")
        with open(prices, "w") as f:
            f.write("date,currency,price\n")
            for d in days:
                f.write(f"{d},PKR,{rnd.randint(5_000_000, 30_000_000)}.{rnd.randint(0, 99):02d}\n")
        payouts = os.path.join(work, "payouts.csv")
        with open(payouts, "w") as f:
            f.write("paid_at,pool,site,amount_btc,address,txid,vout,fee_btc\n")
            for i in range(o.rows):
                d = days[i * o.days // o.rows]
                sats, fee = rnd.randint(100_000, 50_000_000), rnd.randint(0, 200_000)
                f.write(f"{d}T{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:00Z,luxor,{sites[i % o.sites]},"
                        f"{sats // 100_000_000}.{sats % 100_000_000:08d},{addresses[i % o.addresses]},"
                        f"{rnd.getrandbits(256):064x},{i % 4},{fee // 100_000_000}.{fee % 100_000_000:08d}\n")
        size = os.path.getsize(payouts) / 2**20
        print(f"payouts: {o.rows} rows over {o.days} days, {o.sites} sites, {o.addresses} addresses ({size:.0f} MiB)")

        def fresh():
            db = os.path.join(work, "ledger.sqlite")
            for s in ["", "-wal", "-shm"]:
                if os.path.exists(db + s): os.remove(db + s)
            for cmd in (["init", "--currency", "PKR", "--timezone", "Asia/Karachi", "--fiscal-year-start", "7"],
                        ["wallet", "add", "cold", "--descriptor", f"wpkh({XPUB}/0/*)"],
                        ["pool", "add", "luxor", "--basis", "cash"], ["import", "prices", prices]):
                subprocess.run([reserve] + cmd + ["--db", db], capture_output=True, check=True)
            for s in sites:
                subprocess.run([reserve, "site", "add", s, "--db", db], capture_output=True, check=True)
            return db

        ours, base, rss = [], [], []
        for r in range(o.runs):
            db = fresh()
            t, m, _ = run([reserve, "import", "payouts", payouts, "--db", db])
            ours.append(t); rss.append(m)
            sq = os.path.join(work, "import.sqlite")
            if os.path.exists(sq): os.remove(sq)
            t, _, _ = run(["sqlite3", sq, "-cmd", ".mode csv", f".import {payouts} payouts"])
            base.append(t)
            print(f"  run {r + 1}: reserve {ours[-1]:.2f} s ({rss[-1]:.1f} MiB), sqlite3 .import {base[-1]:.2f} s", flush=True)
        mo, mb = statistics.median(ours), statistics.median(base)
        print(f"import: reserve {mo:.2f} s, .import {mb:.2f} s, ratio {mo / mb:.2f}x (median of {o.runs}); "
              f"peak RSS {max(rss):.1f} MiB")
        t, m, _ = run([reserve, "verify", "ledger", "--db", db])
        print(f"verify ledger: {t:.2f} s, peak RSS {m:.1f} MiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
