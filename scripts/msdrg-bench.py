#!/usr/bin/env python3
"""Times the reference MS-DRG grouper and MCE (msdrg==1.2.0) on claims in the `codefellow group` input format, for
the side-by-side benchmark crates/grouper/benches/versus_reference.rs. Test and benchmark only.

Reads JSON lines on standard input, turns them into the reference's claim dicts first (not timed), then groups every
claim `--rounds` times and edits it with the MCE as many times, timing each loop with perf_counter. Prints one JSON
line: {"claims", "group_seconds", "mce_seconds"} with the best round of each.
"""
import json, sys, time
import msdrg

SEX = {"M": 0, "F": 1, "U": 2}


def dx(d):
    out = {"code": d["code"].replace(".", "")}
    if d.get("poa") in ("Y", "N", "U", "W"):
        out["poa"] = d["poa"]
    return out


def main():
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    claims = []
    for line in sys.stdin:
        if line.strip():
            c = json.loads(line)
            claims.append({
                "version": 431, "age": c["age"], "sex": SEX[c.get("sex", "U")],
                "discharge_status": int(c.get("discharge_status", 1)), "hospital_status": "NOT_EXEMPT",
                "pdx": dx(c["pdx"]), "sdx": [dx(s) for s in c.get("sdx", [])],
                "procedures": [{"code": p} for p in c.get("procedures", [])], "discharge_date": 20260615,
            })
    best_group = best_mce = float("inf")
    with msdrg.MsdrgGrouper() as g, msdrg.MceEditor() as m:
        g.group(claims[0])
        m.edit(claims[0])
        for _ in range(rounds):
            t = time.perf_counter()
            for c in claims:
                g.group(c)
            best_group = min(best_group, time.perf_counter() - t)
            t = time.perf_counter()
            for c in claims:
                m.edit(c)
            best_mce = min(best_mce, time.perf_counter() - t)
    print(json.dumps({"claims": len(claims), "group_seconds": best_group, "mce_seconds": best_mce}))


if __name__ == "__main__":
    main()
