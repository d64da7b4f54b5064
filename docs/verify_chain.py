#!/usr/bin/env python3
"""Recompute a ReserveLedger hash chain on its own: python3 verify_chain.py LEDGER.sqlite [PUBLISHED-HEAD-HEX]"""
import hashlib, sqlite3, sys

def field(v):
    if v is None: return "\\N"
    if isinstance(v, int): return str(v)
    return v.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n").replace("\r", "\\r")

db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
name = dict(db.execute("SELECT id, name FROM account"))
records = [("T", r) for r in db.execute("SELECT id, date, narration, source, natural_key, reverses, batch, metadata, hash FROM txn")]
records += [("R", r) for r in db.execute("SELECT id, date, base, quote, price, source, batch, hash FROM price")]
records += [("A", r[:2] + (name[r[2]],) + r[3:]) for r in db.execute("SELECT id, date, account_id, commodity, amount, hash FROM balance_assertion")]
if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'document'").fetchone():
    records += [("D", r) for r in db.execute("SELECT id, date, kind, natural_key, batch, body, hash FROM document")]
previous, heads = bytes(32), set()
for expected_id, (tag, row) in enumerate(sorted(records, key=lambda r: r[1][0]), start=1):
    lines = ["|".join([tag] + [field(v) for v in row[:-1]])]
    if tag == "T":
        lines += ["|".join(["P", str(line), field(name[account]), commodity, str(amount), str(value), field(meta)])
                  for line, account, commodity, amount, value, meta in db.execute(
                      "SELECT line, account_id, commodity, amount, value, metadata FROM posting WHERE txn_id = ? ORDER BY line", (row[0],))]
    digest = hashlib.sha256(previous + "\n".join(lines).encode("utf-8")).digest()
    if row[0] != expected_id or digest != row[-1]:
        sys.exit(f"chain broken at record {row[0]} (expected id {expected_id}; hash {digest.hex()} vs stored {row[-1].hex()})")
    previous = digest
    heads.add(digest.hex())
print(f"{len(records)} records, head {previous.hex()}")
if len(sys.argv) > 2 and sys.argv[2].lower() not in heads:
    sys.exit(f"published head {sys.argv[2]} is not in this chain")
