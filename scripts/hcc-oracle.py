#!/usr/bin/env python3
"""The reference CMS-HCC model (PyPI hccinfhir==0.4.0), for tests only: never a run-time dependency.

Reads beneficiaries in the `codefellow hcc` input format (JSON lines) on standard input and writes, for each, one JSON
line: {"id", "V24": {"hccs", "score", "demographic", "coefficients"}, "V28": {...}, "V28_2027": {...}} with the
payment year 2026 tables the package uses by default, and for V28_2027 its 2027 diagnosis map and proposed 2027
coefficients (hierarchies, labels and edits of 2026, as for 2026), segment inputs passed explicitly (age, sex, dual code, OREC, new enrollee, institutional as
`lti`), no normalisation and no coding adjustment (raw scores). Run it with the virtual environment that
scripts/hcc-oracle-venv.sh makes: .cache/hcc-venv/bin/python (PYTHONHASHSEED=0 keeps its set order fixed).
With --bench ROUNDS it scores every line ROUNDS times per model instead and prints one JSON line of best times.
"""
import json, sys, time
from hccinfhir.model_calculate import calculate_raf
from hccinfhir.utils import load_coefficients, load_dx_to_cc_mapping

MODELS = {"V24": "CMS-HCC Model V24", "V28": "CMS-HCC Model V28"}


def args(b):
    return dict(age=b["age"], sex=b["sex"], dual_elgbl_cd=b["dual"], orec=str(b["orec"]),
                new_enrollee=bool(b.get("new_enrollee", False)), lti=bool(b["institutional"]))


def main():
    people = [json.loads(l) for l in sys.stdin if l.strip()]
    if "--bench" in sys.argv:
        rounds = int(sys.argv[sys.argv.index("--bench") + 1])
        out = {"beneficiaries": len(people)}
        prepared = [(b["dx"], args(b)) for b in people]
        for v, name in MODELS.items():
            calculate_raf(prepared[0][0], name, **prepared[0][1])
            best = float("inf")
            for _ in range(rounds):
                t = time.perf_counter()
                for dx, a in prepared:
                    calculate_raf(dx, name, **a)
                best = min(best, time.perf_counter() - t)
            out[v + "_seconds"] = best
        print(json.dumps(out))
        return
    y2027 = dict(dx_to_cc_mapping=load_dx_to_cc_mapping("ra_dx_to_cc_2027.csv"),
                 coefficients_mapping=load_coefficients("ra_proposed_coefficients_2027.csv"))
    runs = [("V24", MODELS["V24"], {}), ("V28", MODELS["V28"], {}), ("V28_2027", MODELS["V28"], y2027)]
    for b in people:
        line = {"id": b["id"]}
        for v, name, extra in runs:
            r = calculate_raf(b["dx"], name, **args(b), **extra)
            line[v] = {"hccs": sorted(int(h) for h in r.hcc_list), "score": r.risk_score,
                       "demographic": r.risk_score_demographics, "coefficients": r.coefficients}
        print(json.dumps(line))


if __name__ == "__main__":
    main()
