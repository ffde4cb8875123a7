//! `codefellow audit`: a submission against a case's gold coding, as a senior auditor would score it.
//!
//! One record: `--case ID --submission FILE` prints the feedback report (text, `--json`, `--html`). A malformed
//! submission gives its field and what would be right (exit status 1); nothing is written anywhere.
//!
//! Batch QA: `--gold FILE --submitted FILE` audits many encounters (the gold file holds cases in the pack's case
//! format, one per line; the submitted file holds submissions, one per line, matched by case id) and prints totals
//! by error category, by coder and by track. A line that cannot be read is reported with its number and the batch
//! goes on (exit status 1).

use crate::data_dir::DataDir;
use anyhow::{Context, Result};
use audit::{Config, Submission};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct AuditArgs {
    /// The case audited (its id in the library, e.g. IP-0001).
    #[arg(long, required_unless_present = "gold", requires = "submission", conflicts_with_all = ["gold", "submitted"])]
    pub case: Option<String>,
    /// The coder's submission as JSON (`-` for standard input): {"case","diagnoses":[{"code","poa","rationale"}],
    /// "procedures":[...],"services":[{"code","modifiers","units"}],"em":{"code"},"hccs":[...],"queries":[...]}.
    #[arg(long, requires = "case")]
    pub submission: Option<PathBuf>,
    /// Batch QA: the gold coding of many encounters, one case per line (the case pack's case format).
    #[arg(long, requires = "submitted", conflicts_with = "html")]
    pub gold: Option<PathBuf>,
    /// Batch QA: the coders' submissions, one per line, matched to the gold by case id.
    #[arg(long, requires = "gold")]
    pub submitted: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long, conflicts_with = "html")]
    pub json: bool,
    /// Print the report as an HTML fragment.
    #[arg(long)]
    pub html: bool,
    /// Dollars per unit of MS-DRG relative weight for the financial impact.
    #[arg(long)]
    pub base_rate: Option<f64>,
}

pub fn run(args: AuditArgs, data: &DataDir, out: &mut impl Write) -> Result<bool> {
    if let (Some(gold), Some(submitted)) = (&args.gold, &args.submitted) {
        return batch(gold, submitted, &args, data, out);
    }
    let (Some(case_id), Some(path)) = (&args.case, &args.submission) else {
        anyhow::bail!("give --case ID --submission FILE, or --gold FILE --submitted FILE");
    };
    let text = if path.as_os_str() == "-" {
        crate::read_stdin()?
    } else {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?
    };
    let sub = match Submission::from_json(&text) {
        Ok(s) => s,
        Err(e) => {
            if args.json {
                serde_json::to_writer(&mut *out, &serde_json::json!({"error": e}))?;
                writeln!(out)?;
            } else {
                writeln!(out, "the submission is not valid: {}: {}", e.field, e.message)?;
            }
            return Ok(false);
        }
    };
    let packs = crate::cases_cmd::library(data)?;
    let case = crate::cases_cmd::find(&packs, case_id)?;
    if !sub.case.eq_ignore_ascii_case(&case.id) {
        let msg = format!("the submission is for case {}, not {}", sub.case, case.id);
        if args.json {
            serde_json::to_writer(&mut *out, &serde_json::json!({"error": {"field": "case", "message": msg}}))?;
            writeln!(out)?;
        } else {
            writeln!(out, "the submission is not valid: case: {msg}")?;
        }
        return Ok(false);
    }
    let lib = data.load()?;
    let ncci = data.ncci()?;
    let report = audit::audit_with_ncci(case, &sub, lib.book(), &config(&args), ncci.as_ref());
    if args.json {
        serde_json::to_writer(&mut *out, &report)?;
        writeln!(out)?;
    } else if args.html {
        write!(out, "{}", audit::report::html(&report))?;
    } else {
        write!(out, "{}", audit::report::text(&report))?;
    }
    Ok(true)
}

fn config(args: &AuditArgs) -> Config {
    let mut config = Config::default();
    if let Some(r) = args.base_rate {
        config.base_rate = r;
    }
    config
}

/// Batch QA over two JSON-lines files.
fn batch(gold: &std::path::Path, submitted: &std::path::Path, args: &AuditArgs, data: &DataDir, out: &mut impl Write) -> Result<bool> {
    let read = |p: &std::path::Path| std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()));
    let (gold_text, sub_text) = (read(gold)?, read(submitted)?);
    let mut problems: Vec<serde_json::Value> = vec![];
    let mut cases = std::collections::HashMap::new();
    for (n, line) in gold_text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        match serde_json::from_str::<cases::model::Case>(line.trim().trim_end_matches(',')) {
            Ok(c) => {
                cases.insert(c.id.to_ascii_uppercase(), c);
            }
            Err(e) => problems.push(serde_json::json!({"file": "gold", "line": n + 1, "message": format!("not a case: {e}")})),
        }
    }
    let lib = data.load()?;
    let ncci = data.ncci()?;
    let config = config(args);
    let mut totals = audit::batch::Batch::default();
    let mut encounters = vec![];
    for (n, line) in sub_text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let sub = match Submission::from_json(line) {
            Ok(s) => s,
            Err(e) => {
                problems.push(serde_json::json!({"file": "submitted", "line": n + 1, "field": e.field, "message": e.message}));
                continue;
            }
        };
        let Some(case) = cases.get(&sub.case.to_ascii_uppercase()) else {
            problems.push(serde_json::json!({"file": "submitted", "line": n + 1, "field": "case", "message": format!("no case {} in the gold file", sub.case)}));
            continue;
        };
        let report = audit::audit_brief(case, &sub, lib.book(), &config, ncci.as_ref());
        totals.add(&report, &case.tracks);
        encounters.push(serde_json::json!({
            "case": report.case, "coder": report.coder, "code_accuracy": report.scores.code_accuracy,
            "record_accurate": report.scores.record_accurate, "errors": report.errors_by_category,
            "drg": report.drg.as_ref().map(|d| serde_json::json!({"submitted": d.submitted_drg, "gold": d.gold_drg, "dollars": d.dollars})),
        }));
    }
    if args.json {
        serde_json::to_writer(&mut *out, &serde_json::json!({"totals": totals, "encounters": encounters, "problems": problems}))?;
        writeln!(out)?;
    } else {
        let t = &totals.total;
        writeln!(out, "{} encounters audited: code accuracy {:.1}%, record accuracy {:.1}%", t.encounters, t.code_accuracy * 100.0, t.record_accuracy * 100.0)?;
        if t.drg_encounters > 0 {
            writeln!(out, "MS-DRG right on {} of {} inpatient encounters; overpaid ${:.2}, underpaid ${:.2}", t.drg_correct, t.drg_encounters, t.overpaid, t.underpaid)?;
        }
        if t.raf_encounters > 0 {
            writeln!(out, "CMS-HCC scored on {} encounters; over-coded ${:.2} a year, under-coded ${:.2} a year", t.raf_encounters, t.raf_overcoded, t.raf_undercoded)?;
        }
        writeln!(out, "\nErrors by category:")?;
        for (c, n) in &t.errors {
            writeln!(out, "  {:<22} {n}", c.label())?;
        }
        writeln!(out, "\nBy coder:")?;
        for (coder, x) in &totals.by_coder {
            writeln!(out, "  {coder:<20} {:>4} encounters, code accuracy {:.1}%, record accuracy {:.1}%", x.encounters, x.code_accuracy * 100.0, x.record_accuracy * 100.0)?;
        }
        writeln!(out, "\nBy track:")?;
        for (track, x) in &totals.by_track {
            let name = serde_json::to_value(track)?.as_str().unwrap_or_default().to_string();
            writeln!(out, "  {name:<20} {:>4} encounters, code accuracy {:.1}%, record accuracy {:.1}%", x.encounters, x.code_accuracy * 100.0, x.record_accuracy * 100.0)?;
        }
        for p in &problems {
            writeln!(out, "line {} of the {} file: {}{}", p["line"], p["file"].as_str().unwrap_or(""), p["field"].as_str().map(|f| format!("{f}: ")).unwrap_or_default(), p["message"].as_str().unwrap_or(""))?;
        }
    }
    Ok(problems.is_empty())
}
