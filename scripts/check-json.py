#!/usr/bin/env python3
"""Checks reserve's machine output (docs/json.md): `check-json.py json|jsonl SCHEMA FILE` validates a document (or
each line) against a JSON Schema in docs/schema and the field-name rule; `check-json.py csv FILE` checks that a CSV
is one rectangular table. Prints what is wrong and exits 1; silent and 0 when all is well."""
import csv
import json
import os
import re
import sys

import jsonschema

SCHEMA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "schema")

# Integers live only under these names (docs/json.md); every such name holds an integer or null.
UNIT = r"_(sats|minor|count|wh|days|id|index)$|_(minor|msats|mj)_per_[a-z_]+$"
INTEGER_NAMES = re.compile(UNIT + r"|^(line|chain|index|height|depth|json_version|witness_version)$")
UNIT_NAMES = re.compile(UNIT)
TEXT_TWIN = re.compile(r"^(?P<base>.+?)_(sats|minor|wh|(minor|msats|mj)_per_[a-z_]+)$")


def names(value, where, errors):
    """The name rule over every object in `value`."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            names(item, f"{where}[{i}]", errors)
        return
    if not isinstance(value, dict):
        return
    for key, item in value.items():
        here = f"{where}.{key}"
        if isinstance(item, bool):
            pass
        elif isinstance(item, int) and not INTEGER_NAMES.search(key):
            errors.append(f"{here}: integer under a name without a unit ({item})")
        if UNIT_NAMES.search(key) and not (item is None or (isinstance(item, int) and not isinstance(item, bool))):
            errors.append(f"{here}: a unit-suffixed name must hold an integer, not {json.dumps(item)[:40]}")
        twin = TEXT_TWIN.match(key)
        if twin and twin.group("base") in value:
            text = value[twin.group("base")]
            if text is not None and not isinstance(text, str):
                errors.append(f"{where}.{twin.group('base')}: the text of {key} must be a string")
        if isinstance(item, str) and re.fullmatch(r"-?\d+", item) and key not in ("key", "input", "description", "challenge", "as_of", "reason", "period", "outpoint", "program", "script_pubkey", "best_block", "head_hash", "expect_head"):
            errors.append(f"{here}: an integer written as a string ({item!r})")
        names(item, here, errors)


def validate(schema_name, document, where, errors):
    with open(os.path.join(SCHEMA_DIR, schema_name)) as f:
        schema = json.load(f)
    validator = jsonschema.validators.validator_for(schema)(schema)
    for e in validator.iter_errors(document):
        path = "/".join(str(p) for p in e.absolute_path)
        errors.append(f"{where}/{path}: {e.message[:200]}")
    # report all: each nested report against its own schema.
    if isinstance(document, dict) and document.get("command") == "report all":
        for i, r in enumerate(document.get("reports", [])):
            validate(f"report-{r.get('report')}.json", r, f"{where}/reports/{i}", errors)


def main(argv):
    errors = []
    if argv[1] == "csv":
        with open(argv[2], newline="") as f:
            text = f.read()
        if "\n\n" in text or text.startswith("\n"):
            errors.append("blank line in CSV")
        rows = list(csv.reader(text.splitlines(True)))
        if not rows:
            errors.append("empty CSV")
        else:
            widths = {len(r) for r in rows}
            if len(widths) != 1:
                errors.append(f"rows of {sorted(widths)} fields: not one table")
            if len(set(rows[0])) != len(rows[0]):
                errors.append(f"repeated column names: {rows[0]}")
    else:
        kind, schema_name, path = argv[1], argv[2], argv[3]
        with open(path) as f:
            text = f.read()
        if kind == "json":
            document = json.loads(text)
            if not isinstance(document, dict):
                errors.append("a document must be one object")
            validate(schema_name, document, "$", errors)
            names(document, "$", errors)
        else:
            for n, line in enumerate(text.splitlines(), 1):
                obj = json.loads(line)
                validate("jsonl-line.json", obj, f"line {n}", errors)
                names(obj, f"line {n}", errors)
    for e in errors[:20]:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
