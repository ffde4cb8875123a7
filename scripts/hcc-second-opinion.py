#!/usr/bin/env python3
"""The second implementation of the CMS-HCC model (PyPI risk-adjustment-model==0.7.1), for the comparison in
crates/hcc/examples/second_opinion.rs only.

Reads beneficiaries in the `codefellow hcc` input format (JSON lines) and writes one JSON line per beneficiary:
{"id", "V24": {"hccs", "score", "categories"}, "V28": {...}}: raw scores (before normalisation and coding adjustment),
HCC numbers, and every category it applied (interactions, counts, demographic cells). V28 is scored with its
payment year 2026 tables; V24 with 2025, the latest it ships (V24's factors have not changed since the 2020 model).
The population is given explicitly, as our model picks the segment: NE for a new enrollee, INS for an institutional
one, else C + F/P/N by dual code + A (65 or over) or D. Medicaid is any dual code other than 00.
Run it with .cache/hcc-venv/bin/python after scripts/hcc-oracle-venv.sh --second-opinion.
"""
import json, sys
from risk_adjustment_model import MedicareModelV24, MedicareModelV28

FULL, PARTIAL = {"02", "04", "08"}, {"01", "03", "05", "06"}


def population(b):
    if b.get("new_enrollee"):
        return "NE"
    if b["institutional"]:
        return "INS"
    d = "F" if b["dual"] in FULL else "P" if b["dual"] in PARTIAL else "N"
    return "C" + d + ("A" if b["age"] >= 65 else "D")


def main():
    models = {"V24": MedicareModelV24(year=2025), "V28": MedicareModelV28(year=2026)}
    for line in sys.stdin:
        if not line.strip():
            continue
        b = json.loads(line)
        out = {"id": b["id"]}
        for v, m in models.items():
            r = m.score(gender=b["sex"], orec=str(b["orec"]), medicaid=b["dual"] != "00", diagnosis_codes=b["dx"],
                        age=b["age"], population=population(b), verbose=True)
            cats = sorted(r.category_list)
            out[v] = {"hccs": sorted(int(c[3:]) for c in cats if c.startswith("HCC") and c[3:].isdigit()), "score": r.score_raw,
                      "categories": cats}
        print(json.dumps(out))


if __name__ == "__main__":
    main()
