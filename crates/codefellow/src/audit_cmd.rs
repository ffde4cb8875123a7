//! `codefellow audit`: a submission against a case's gold coding, as a senior auditor would score it.
//!
//! One record: `--case ID --submission FILE` prints the feedback report (text, `--json`, `--html`). A malformed
//! submission gives its field and what would be right (exit status 1); nothing is written anywhere.

use crate::data_dir::DataDir;
use anyhow::{Context, Result};
use audit::{Config, Submission};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct AuditArgs {
    /// The case audited (its id in the library, e.g. IP-0001).
    #[arg(long)]
    pub case: String,
    /// The coder's submission as JSON (`-` for standard input): {"case","diagnoses":[{"code","poa","rationale"}],
    /// "procedures":[...],"services":[{"code","modifiers","units"}],"em":{"code"},"hccs":[...],"queries":[...]}.
    #[arg(long)]
    pub submission: PathBuf,
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
    let text = if args.submission.as_os_str() == "-" {
        crate::read_stdin()?
    } else {
        std::fs::read_to_string(&args.submission).with_context(|| format!("cannot read {}", args.submission.display()))?
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
    let case = crate::cases_cmd::find(&packs, &args.case)?;
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
    let mut config = Config::default();
    if let Some(r) = args.base_rate {
        config.base_rate = r;
    }
    let report = audit::audit(case, &sub, lib.book(), &config);
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
