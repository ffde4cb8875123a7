//! `codefellow cases`: list, show, check and export the case library.

use anyhow::{bail, Context, Result};
use cases::library::{builtin, parse_pack};
use cases::model::{Case, Pack};
use cases::{check_pack, Track};
use codeset::CodeBook;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

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
    /// Write the built-in pack as JSON (to FILE, or standard output).
    Export { file: Option<PathBuf> },
}

#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    title: &'a str,
    tracks: Vec<&'static str>,
    difficulty: cases::model::Difficulty,
    setting: cases::model::Setting,
    documents: usize,
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

fn find<'a>(pack: &'a Pack, id: &str) -> Result<&'a Case> {
    match pack.cases.iter().find(|c| c.id.eq_ignore_ascii_case(id.trim())) {
        Some(c) => Ok(c),
        None => bail!("no case '{}' in the library: `codefellow cases list` shows the ids", id.chars().take(40).collect::<String>()),
    }
}

pub fn run(cmd: CasesCommand, book: &CodeBook, out: &mut impl Write) -> Result<bool> {
    match cmd {
        CasesCommand::List { track, json } => {
            let pack = builtin();
            let track = match track {
                Some(t) => Some(Track::parse(&t).with_context(|| format!("unknown track '{t}': use one of {}", Track::ALL.map(|t| t.name()).join(", ")))?),
                None => None,
            };
            let listed: Vec<Listed> = pack
                .cases
                .iter()
                .filter(|c| track.is_none_or(|t| c.tracks.contains(&t)))
                .map(|c| Listed { id: &c.id, title: &c.title, tracks: c.tracks.iter().map(|t| t.name()).collect(), difficulty: c.difficulty, setting: c.encounter.setting, documents: c.documents.len() })
                .collect();
            if json {
                serde_json::to_writer_pretty(&mut *out, &listed)?;
                writeln!(out)?;
            } else {
                for c in &listed {
                    writeln!(out, "{:<10} {:<45} {}", c.id, c.title, c.tracks.join(", "))?;
                }
                writeln!(out, "{} cases", listed.len())?;
            }
            Ok(true)
        }
        CasesCommand::Show { id, gold, json } => {
            let pack = builtin();
            let c = find(&pack, &id)?;
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
                writeln!(out, "\n=== Gold coding ===")?;
                for (k, d) in c.gold.diagnoses.iter().enumerate() {
                    let poa = d.poa.map(|p| format!(" POA {}", serde_json::to_value(p).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default())).unwrap_or_default();
                    writeln!(out, "{}. {}{poa}  {}", k + 1, d.code, book.describe(&d.code).map(|x| x.title.into_owned()).unwrap_or_default())?;
                    writeln!(out, "   why: {}", d.rationale.text)?;
                }
                for p in &c.gold.procedures {
                    writeln!(out, "PCS {}  {}", p.code, book.describe(&p.code).map(|x| x.title.into_owned()).unwrap_or_default())?;
                }
                for s in &c.gold.services {
                    writeln!(out, "service {}{} x{}", s.code, s.modifiers.iter().map(|m| format!("-{m}")).collect::<String>(), s.units)?;
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
            let problems = check_pack(&pack, book);
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
        CasesCommand::Export { file } => {
            match file {
                Some(f) => std::fs::write(&f, cases::library::BUILTIN_JSON).with_context(|| format!("writing {}", f.display()))?,
                None => out.write_all(cases::library::BUILTIN_JSON.as_bytes())?,
            }
            Ok(true)
        }
    }
}
