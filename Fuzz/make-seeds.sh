#!/usr/bin/env bash
# Builds the seed corpora of every fuzz target from fixtures/vectors, fixtures/demo, fixtures/imports,
# fixtures/addresses.txt and the regression inputs of fixtures/fuzz/, into Fuzz/.build/seeds/<target>/
# (outside git; one small file per seed, named by its SHA-1 as libFuzzer does). Usage: Fuzz/make-seeds.sh [DIR]
set -euo pipefail
# DIR is taken relative to where the script is called from.
out=$(realpath -m "${1:-$(dirname "$0")/.build/seeds}")
cd "$(dirname "$0")/.."
rm -rf "$out"
python3 - "$out" <<'PY'
import base64, csv, glob, hashlib, io, json, os, re, sys

out = sys.argv[1]
seeds = {t: set() for t in "address base58 bech32 der schnorr descriptor xpub transaction base64 csv json message".split()}

def add(target, data):
    if isinstance(data, str):
        data = data.encode()
    if 0 < len(data) <= 65536:
        seeds[target].add(bytes(data))

def strings(value):
    """Every string inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings(v)

B58 = re.compile(r"^[1-9A-HJ-NP-Za-km-z]{20,120}$")
BECH = re.compile(r"^[!-~]{1,90}1[02-9ac-hj-np-zAC-HJ-NP-Z]{6,}$")
B64 = re.compile(r"^(smp|ful)?[A-Za-z0-9+/]{20,}={0,2}$")
HEX = re.compile(r"^[0-9a-fA-F]{16,}$")
DER = re.compile(r"30(4[0-6])02")

def b58check_payload(text):
    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    n = 0
    for c in text:
        n = n * 58 + alphabet.index(c)
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    raw = b"\0" * (len(text) - len(text.lstrip("1"))) + raw
    return raw[:-4]

def classify(text):
    text = text.strip()
    if not text or len(text) > 4096:
        return
    if B58.match(text):
        add("base58", text)
        if text[1:4] == "pub" or text[1:4] == "prv":
            add("xpub", text)
            try:
                payload = b58check_payload(text)
                if len(payload) == 78:
                    add("xpub", payload)
            except ValueError:
                pass
        elif len(text) <= 40:
            add("address", text)
    if BECH.match(text):
        add("bech32", text)
        if len(text) <= 100:
            add("address", text)
    if "(" in text and ")" in text:
        add("descriptor", text)
    if B64.match(text) and len(text) % 4 == 0:
        add("base64", text)
    if HEX.match(text) and len(text) % 2 == 0:
        raw = bytes.fromhex(text)
        if len(text) > 100:
            add("transaction", raw)
            add("transaction", text)
        for m in DER.finditer(text):
            start = m.start()
            if start % 2 == 0:
                length = int(m.group(1), 16) + 2
                der = bytes.fromhex(text[start:start + 2 * length])
                add("der", der)
                key = bytes.fromhex("02" + "79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798")
                add("der", bytes([0]) + key + hashlib.sha256(der).digest() + der)

for path in sorted(glob.glob("fixtures/**/*.json", recursive=True)):
    with open(path, "rb") as f:
        data = f.read()
    add("json", data)
    for s in strings(json.loads(data)):
        classify(s)

for path in sorted(glob.glob("fixtures/**/*.csv", recursive=True)):
    with open(path, "rb") as f:
        data = f.read()
    add("csv", data)
    lines = data.split(b"\n")
    add("csv", b"\n".join(lines[:3]) + b"\n")
    rows = list(csv.DictReader(io.StringIO(data.decode())))
    for row in rows:
        for v in row.values():
            if isinstance(v, str):
                classify(v)
    if path.endswith("bip340_test_vectors.csv"):
        for row in rows:
            try:
                pk, sig, msg = (bytes.fromhex(row[k]) for k in ("public key", "signature", "message"))
            except ValueError:
                continue
            add("schnorr", bytes([0]) + pk + sig + msg)
            add("schnorr", pk)
    if {"address", "message", "signature"} <= set(rows[0].keys() if rows else []):
        for row in rows[:20]:
            add("message", "\n".join([row["address"], row["message"], row["signature"]]))

with open("fixtures/addresses.txt") as f:
    for line in f:
        if line.strip() and not line.startswith("#"):
            classify(line)
            add("address", line.strip())

msg = json.load(open("fixtures/vectors/message_sign_vectors.json"))
for e in msg["entries"]:
    sig = e.get("signature") or base64.b64encode(bytes.fromhex(e.get("signature_hex", ""))).decode()
    if isinstance(e.get("address"), str) and isinstance(e.get("message"), str):
        add("message", "\n".join([e["address"], e["message"], sig]))
    add("base64", sig)

for path in sorted(glob.glob("fixtures/fuzz/*/*")):
    target = os.path.basename(os.path.dirname(path))
    if target in seeds and not path.endswith(".md"):
        with open(path, "rb") as f:
            add(target, f.read())

for target, items in seeds.items():
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    for item in items:
        with open(os.path.join(folder, hashlib.sha1(item).hexdigest()), "wb") as f:
            f.write(item)
    print(f"{target:12} {len(items):5} seeds")
PY
