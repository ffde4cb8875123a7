#!/usr/bin/env python3
"""The reference MS-DRG grouper and MCE (PyPI msdrg==1.2.0), for tests only: never a run-time dependency.

Reads claims in the `codefellow group` input format (JSON lines) on standard input and writes, for each, one JSON
line: {"id", "drg", "mdc", "initial_drg", "return_code", "severity", "mce": {"EDIT_NAME": count, ...}}.
Grouper version 431 (MS-DRG v43.1); the MCE runs for a discharge on 2026-06-15 (FY2026, April update).
Run it with the virtual environment that scripts/oracle-venv.sh makes: .cache/oracle-venv/bin/python.
"""
import json, sys
import msdrg

SEX = {"M": 0, "F": 1, "U": 2}


def dx(d):
    out = {"code": d["code"].replace(".", "")}
    if d.get("poa") in ("Y", "N", "U", "W"):
        out["poa"] = d["poa"]
    return out


def main():
    with msdrg.MsdrgGrouper() as g, msdrg.MceEditor() as m:
        for line in sys.stdin:
            line = line.strip()
            if not line:
                continue
            c = json.loads(line)
            claim = {
                "version": 431,
                "age": c["age"],
                "sex": SEX[c.get("sex", "U")],
                "discharge_status": int(c.get("discharge_status", 1)),
                "hospital_status": "NOT_EXEMPT",
                "pdx": dx(c["pdx"]),
                "sdx": [dx(s) for s in c.get("sdx", [])],
                "procedures": [{"code": p} for p in c.get("procedures", [])],
            }
            r = g.group(claim)
            claim["discharge_date"] = 20260615
            e = m.edit(claim)
            print(json.dumps({
                "id": c["id"],
                "drg": r["final_drg"],
                "mdc": r["final_mdc"],
                "initial_drg": r["initial_drg"],
                "return_code": r["return_code"],
                "severity": r["final_severity"],
                "mce": {x["name"]: x["count"] for x in e["edits"]},
                "mce_version": e["version"],
            }, separators=(",", ":")))


if __name__ == "__main__":
    main()
