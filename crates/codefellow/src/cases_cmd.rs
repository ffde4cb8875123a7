//! `codefellow cases`: list, show, check, import, export and generate the case library.
//!
//! The library is the built-in pack plus every pack imported into the data directory (`<data-dir>/cases/*.json`).
//! The code book is loaded only by the commands that need it, so `cases list` stays fast.

use crate::data_dir::DataDir;
use anyhow::{bail, Context, Result};
use cases::import::{self, ImportError, Imported, PhiMode};
use cases::library::{builtin, parse_pack, CaseSummary, BUILTIN_JSON};
use cases::model::{Case, Pack};
use cases::{check_pack, Track};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(clap::Subcommand)]
pub enum CasesCommand {
    /// The cases of the library: id, title, tracks, difficulty, setting. Never the gold.
    List {
        /// Only the cases of one track (hcc_risk_adjustment, surgery, inpatient_drg, outpatient_opps, anesthesia,
        /// em_auditing, snf_home_health, opd, ip, ed, emr).
        #[arg(long)]
        track: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// One case: the encounter and its documents; the gold coding only with --gold.
    Show {
        id: String,
        /// Include the gold coding, evidence and rationales (for instructors, and for learners after submitting).
        #[arg(long)]
        gold: bool,
        #[arg(long)]
        json: bool,
    },
    /// Check a pack (the built-in one without FILE): codes, evidence, sequencing, rationales, PHI. Exit 1 on any problem.
    Check {
        file: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Import cases written by instructors into the data directory: a case pack (JSON), a FHIR R4 Bundle (JSON),
    /// or plain-text documents with --gold. Refused with a report when a record carries protected health
    /// information; nothing is saved then.
    Import {
        /// A pack or a FHIR Bundle; or, with --gold, the text documents of one case in order.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The gold file of a plain-text import: the case without its documents (docs/CASE-PACK.md).
        #[arg(long)]
        gold: Option<PathBuf>,
        /// Replace identifiers with placeholders ("[NAME]", "[DATE]") instead of refusing, and report each one for
        /// review.
        #[arg(long)]
        scrub: bool,
        #[arg(long)]
        json: bool,
    },
    /// Write the built-in pack as JSON (to FILE, or standard output).
    Export { file: Option<PathBuf> },
    /// Generate the library from its seed and write it (to FILE, or standard output); refuses if the pack check
    /// finds any problem.
    Generate {
        #[arg(long, default_value_t = cases::generate::SEED)]
        seed: u64,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// How much text the cases share: the distribution of each case's highest overlap with another.
    Overlap {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    title: &'a str,
    tracks: Vec<&'static str>,
    difficulty: cases::model::Difficulty,
    setting: cases::model::Setting,
    documents: usize,
    /// "built-in" or the imported pack's file name.
    source: &'a str,
}

/// A case as a learner may see it before submitting: everything but the gold.
#[derive(Serialize)]
struct Shown<'a> {
    id: &'a str,
    title: &'a str,
    tracks: &'a [Track],
    difficulty: cases::model::Difficulty,
    encounter: &'a cases::model::Encounter,
    documents: &'a [cases::model::Document],
    #[serde(skip_serializing_if = "Option::is_none")]
    gold: Option<&'a cases::model::Gold>,
}

/// The imported packs' files, in name order.
fn imported(data: &DataDir) -> Result<Vec<PathBuf>> {
    let dir = data.cases_dir();
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))?.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    Ok(files)
}

fn file_name(f: &std::path::Path) -> String {
    f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The built-in pack and the imported ones, each with where it came from.
pub(crate) fn library(data: &DataDir) -> Result<Vec<(String, Pack)>> {
    let mut packs = vec![("built-in".to_string(), builtin())];
    for f in imported(data)? {
        let text = std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?;
        let pack = parse_pack(&text).with_context(|| format!("reading the imported pack {}", f.display()))?;
        packs.push((file_name(&f), pack));
    }
    Ok(packs)
}

/// What `cases list` shows, read without the documents' text and the gold.
fn summaries(data: &DataDir) -> Result<Vec<(String, Vec<CaseSummary>)>> {
    let mut packs = vec![("built-in".to_string(), cases::library::summaries(BUILTIN_JSON)?)];
    for f in imported(data)? {
        let text = std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?;
        let list = cases::library::summaries(&text).with_context(|| format!("reading the imported pack {}", f.display()))?;
        packs.push((file_name(&f), list));
    }
    Ok(packs)
}

pub(crate) fn find<'a>(packs: &'a [(String, Pack)], id: &str) -> Result<&'a Case> {
    match packs.iter().flat_map(|(_, p)| &p.cases).find(|c| c.id.eq_ignore_ascii_case(id.trim())) {
        Some(c) => Ok(c),
        None => bail!("no case '{}' in the library: `codefellow cases list` shows the ids", id.chars().take(40).collect::<String>()),
    }
}

pub fn run(cmd: CasesCommand, data: &DataDir, out: &mut impl Write) -> Result<bool> {
    match cmd {
        CasesCommand::List { track, json } => {
            let packs = summaries(data)?;
            let track = match track {
                Some(t) => Some(Track::parse(&t).with_context(|| format!("unknown track '{t}': use one of {}", Track::ALL.map(|t| t.name()).join(", ")))?),
                None => None,
            };
            let listed: Vec<Listed> = packs
                .iter()
                .flat_map(|(src, p)| p.iter().map(move |c| (src, c)))
                .filter(|(_, c)| track.is_none_or(|t| c.tracks.contains(&t)))
                .map(|(src, c)| Listed { id: &c.id, title: &c.title, tracks: c.tracks.iter().map(|t| t.name()).collect(), difficulty: c.difficulty, setting: c.encounter.setting, documents: c.documents, source: src })
                .collect();
            if json {
                serde_json::to_writer_pretty(&mut *out, &listed)?;
                writeln!(out)?;
            } else {
                for c in &listed {
                    writeln!(out, "{:<10} {:<60} {}", c.id, c.title, c.tracks.join(", "))?;
                }
                writeln!(out, "{} cases", listed.len())?;
            }
            Ok(true)
        }
        CasesCommand::Show { id, gold, json } => {
            let packs = library(data)?;
            let c = find(&packs, &id)?;
            let shown = Shown { id: &c.id, title: &c.title, tracks: &c.tracks, difficulty: c.difficulty, encounter: &c.encounter, documents: &c.documents, gold: gold.then_some(&c.gold) };
            if json {
                serde_json::to_writer_pretty(&mut *out, &shown)?;
                writeln!(out)?;
                return Ok(true);
            }
            writeln!(out, "{}  {}", c.id, c.title)?;
            writeln!(out, "{:?}, age {}, sex {:?}; tracks: {}", c.encounter.setting, c.encounter.age, c.encounter.sex, c.tracks.iter().map(|t| t.name()).collect::<Vec<_>>().join(", "))?;
            for d in &c.documents {
                writeln!(out, "\n=== {} ({}) ===\n{}", d.title, d.id, d.text)?;
            }
            if gold {
                let lib = data.load()?;
                let book = lib.book();
                let title = |code: &str| book.describe(code).map(|x| x.title.into_owned()).unwrap_or_default();
                writeln!(out, "\n=== Gold coding ===")?;
                for (k, d) in c.gold.diagnoses.iter().enumerate() {
                    let poa = d.poa.map(|p| format!(" POA {}", serde_json::to_value(p).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default())).unwrap_or_default();
                    writeln!(out, "{}. {}{poa}  {}", k + 1, d.code, title(&d.code))?;
                    writeln!(out, "   why: {}", d.rationale.text)?;
                }
                for p in &c.gold.procedures {
                    writeln!(out, "PCS {}  {}\n   why: {}", p.code, title(&p.code), p.rationale.text)?;
                }
                for s in &c.gold.services {
                    writeln!(out, "service {}{} x{}\n   why: {}", s.code, s.modifiers.iter().map(|m| format!("-{m}")).collect::<String>(), s.units, s.rationale.text)?;
                }
                if let Some(em) = &c.gold.em {
                    writeln!(out, "E/M {}: problems {}, data {}, risk {}\n   why: {}", em.code, em.problems, em.data, em.risk, em.rationale.text)?;
                }
                for h in &c.gold.hccs {
                    writeln!(out, "HCC {} {} from {}\n   why: {}", h.model, h.hcc, h.diagnosis, h.rationale.text)?;
                }
                if let Some(a) = &c.gold.anesthesia {
                    writeln!(out, "anesthesia: {} base + {} min ({} time units) + {} modifying, -{}\n   why: {}", a.base_units, a.time_minutes, a.time_units(), a.modifying_units, a.modifier, a.rationale.text)?;
                }
                for q in &c.gold.queries {
                    writeln!(out, "QUERY ({}): {}\n   why: {}", q.about, q.text, q.rationale.text)?;
                }
                for n in &c.gold.not_coded {
                    writeln!(out, "not coded: {}{}\n   why: {}", n.about, n.tempting_code.as_ref().map(|t| format!(" (not {t})")).unwrap_or_default(), n.rationale.text)?;
                }
            } else {
                writeln!(out, "\n(gold coding hidden: code the record first; instructors use --gold)")?;
            }
            Ok(true)
        }
        CasesCommand::Check { file, json } => {
            let pack = match &file {
                Some(f) => {
                    let text = std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
                    parse_pack(&text).with_context(|| format!("reading {}", f.display()))?
                }
                None => builtin(),
            };
            let lib = data.load()?;
            let problems = check_pack(&pack, lib.book());
            if json {
                serde_json::to_writer_pretty(&mut *out, &problems)?;
                writeln!(out)?;
            } else {
                for p in &problems {
                    writeln!(out, "{} · {}: {}", p.case, p.item, p.message)?;
                }
                writeln!(out, "{} cases checked, {} problems", pack.cases.len(), problems.len())?;
            }
            Ok(problems.is_empty())
        }
        CasesCommand::Import { files, gold, scrub, json } => import_cmd(data, &files, gold.as_deref(), scrub, json, out),
        CasesCommand::Export { file } => {
            match file {
                Some(f) => std::fs::write(&f, cases::library::BUILTIN_JSON).with_context(|| format!("writing {}", f.display()))?,
                None => out.write_all(cases::library::BUILTIN_JSON.as_bytes())?,
            }
            Ok(true)
        }
        CasesCommand::Generate { seed, out: file } => {
            let pack = cases::generate::generate(seed);
            let lib = data.load()?;
            let problems = check_pack(&pack, lib.book());
            if !problems.is_empty() {
                for p in problems.iter().take(50) {
                    eprintln!("{} · {}: {}", p.case, p.item, p.message);
                }
                bail!("the generated pack has {} problems (first 50 above); nothing written", problems.len());
            }
            let json = cases::library::to_json(&pack);
            match file {
                Some(f) => write_atomically(&f, json.as_bytes())?,
                None => out.write_all(json.as_bytes())?,
            }
            eprintln!("{} cases generated from seed {seed}, 0 problems", pack.cases.len());
            Ok(true)
        }
        CasesCommand::Overlap { json } => {
            let packs = library(data)?;
            let all: Vec<Case> = packs.into_iter().flat_map(|(_, p)| p.cases).collect();
            let o = cases::overlap::measure(&all);
            if json {
                serde_json::to_writer_pretty(&mut *out, &o)?;
                writeln!(out)?;
            } else {
                writeln!(out, "{} cases, {} pairs; highest pair {:.1}%, mean pair {:.1}%", o.cases, o.pairs, o.pair_max * 100.0, o.pair_mean * 100.0)?;
                writeln!(out, "each case's nearest neighbour: p50 {:.1}%, p90 {:.1}%, p99 {:.1}%", o.nearest_p50 * 100.0, o.nearest_p90 * 100.0, o.nearest_p99 * 100.0)?;
                for (i, n) in o.nearest_histogram.iter().enumerate() {
                    writeln!(out, "  {:>3}–{:<3}% {n}", i * 10, i * 10 + 10)?;
                }
                for (a, b, s) in &o.top {
                    writeln!(out, "  {a} ~ {b}: {:.1}%", s * 100.0)?;
                }
            }
            Ok(o.pair_max <= 0.8)
        }
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let tmp = path.with_extension("json.partial");
    std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("replacing {}", path.display()))?;
    Ok(())
}

fn import_cmd(data: &DataDir, files: &[PathBuf], gold: Option<&Path>, scrub: bool, json: bool, out: &mut impl Write) -> Result<bool> {
    let mode = if scrub { PhiMode::Scrub } else { PhiMode::Refuse };
    let read = |f: &Path| std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()));
    let result: Result<Imported, ImportError> = match gold {
        Some(g) => {
            let texts = files.iter().map(|f| Ok((f.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(), read(f)?))).collect::<Result<Vec<_>>>()?;
            import::from_text(&texts, &read(g)?, mode)
        }
        None => {
            if files.len() != 1 {
                bail!("import one pack or FHIR Bundle at a time, or give the text documents of one case with --gold GOLD.json");
            }
            let text = read(&files[0])?;
            let probe: serde_json::Value = serde_json::from_str(&text).with_context(|| format!("{} is not JSON: a pack or FHIR Bundle is JSON; for plain-text documents add --gold GOLD.json", files[0].display()))?;
            if probe.get("resourceType").is_some() {
                import::from_fhir(&text, mode)
            } else {
                import::from_pack(&text, mode)
            }
        }
    };
    let imported = match result {
        Ok(i) => i,
        Err(ImportError::Phi(found)) => {
            if json {
                serde_json::to_writer_pretty(&mut *out, &serde_json::json!({"imported": false, "phi": found}))?;
                writeln!(out)?;
            } else {
                writeln!(out, "refused: {} identifier(s) of protected health information; nothing was imported", found.len())?;
                for f in &found {
                    writeln!(out, "  {f}")?;
                }
                writeln!(out, "remove them, or import with --scrub to replace them with placeholders for review")?;
            }
            return Ok(false);
        }
        Err(e) => return Err(anyhow::Error::new(e).context(format!("importing {}", files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ")))),
    };
    // Ids must stay unique across the library.
    let existing = library(data)?;
    let taken: Vec<&str> = imported.pack.cases.iter().map(|c| c.id.as_str()).filter(|id| existing.iter().flat_map(|(_, p)| &p.cases).any(|c| c.id.eq_ignore_ascii_case(id))).collect();
    if !taken.is_empty() {
        bail!("case id(s) already in the library: {} — give the imported cases other ids; nothing was imported", taken.join(", "));
    }
    let lib = data.load()?;
    let problems = check_pack(&imported.pack, lib.book());
    // Invalid codes are bad input: refuse. Missing evidence or rationale (a FHIR Bundle has none) is work for the
    // instructor: keep the pack and list what to complete before learners see it.
    let blocking: Vec<_> = problems.iter().filter(|p| p.blocks_import()).collect();
    if !blocking.is_empty() {
        for p in &blocking {
            writeln!(out, "{} · {}: {}", p.case, p.item, p.message)?;
        }
        bail!("{} problem(s) in the imported cases (above); nothing was imported", blocking.len());
    }
    let name: String = files[0].file_stem().map(|s| s.to_string_lossy().chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()).unwrap_or_else(|| "import".into());
    let mut target = data.cases_dir().join(format!("{name}.json"));
    let mut k = 2;
    while target.exists() {
        target = data.cases_dir().join(format!("{name}-{k}.json"));
        k += 1;
    }
    write_atomically(&target, cases::library::to_json(&imported.pack).as_bytes())?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &serde_json::json!({"imported": true, "file": target, "cases": imported.pack.cases.len(), "scrubbed": imported.scrubbed, "to_complete": problems}))?;
        writeln!(out)?;
    } else {
        writeln!(out, "imported {} case(s) into {}", imported.pack.cases.len(), target.display())?;
        if !imported.scrubbed.is_empty() {
            writeln!(out, "{} identifier(s) replaced with placeholders; review them:", imported.scrubbed.len())?;
            for f in &imported.scrubbed {
                writeln!(out, "  {f}")?;
            }
        }
        if !problems.is_empty() {
            writeln!(out, "to complete before learners see these cases ({}):", problems.len())?;
            for p in &problems {
                writeln!(out, "  {} · {}: {}", p.case, p.item, p.message)?;
            }
        }
    }
    Ok(true)
}
