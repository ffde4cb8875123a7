//! `codefellow group`: MS-DRG v43.1 grouping of claims read as JSON lines, one result per line.
//!
//! A line that is not a valid claim gives `{"id","error":{"field","message"}}` and the batch goes on; the exit status
//! is 1 when any line was in error.

use anyhow::{Context, Result};
use grouper::{Claim, Grouper, Mce};
use std::io::{BufRead, Write};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct GroupArgs {
    /// Claims as JSON lines (`-` or nothing: standard input). Each line:
    /// {"id","age","sex":"M|F|U","discharge_status":1,"pdx":{"code","poa"},"sdx":[{"code","poa"}],"procedures":["0DTJ4ZZ"]}
    pub file: Option<PathBuf>,
}

/// One result line, fields in the order the README documents.
#[derive(serde::Serialize)]
struct Line<'a> {
    id: &'a str,
    drg: String,
    mdc: Option<String>,
    title: &'a str,
    weight: f64,
    gmlos: f64,
    amlos: f64,
    severity: &'a str,
    initial_drg: String,
    return_code: &'a str,
    mce: Vec<grouper::CodeEdit>,
    codes: &'a [grouper::CodeOutcome],
}

pub fn run(args: GroupArgs, out: &mut dyn Write) -> Result<bool> {
    let input: Box<dyn BufRead> = match args.file.as_deref() {
        None => Box::new(std::io::stdin().lock()),
        Some(p) if p.as_os_str() == "-" => Box::new(std::io::stdin().lock()),
        Some(p) => Box::new(std::io::BufReader::new(std::fs::File::open(p).with_context(|| format!("cannot open {}", p.display()))?)),
    };
    let g = Grouper::builtin();
    let mce = Mce::builtin();
    let mut ok = true;
    for (n, line) in input.lines().enumerate() {
        let line = line.with_context(|| format!("reading line {}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        match Claim::from_json(&line) {
            Ok(claim) => {
                let r = g.group(&claim);
                let line = Line {
                    id: &r.id,
                    drg: format!("{:03}", r.drg),
                    mdc: r.mdc.map(|m| format!("{m:02}")),
                    title: &r.title,
                    weight: r.weight,
                    gmlos: r.gmlos,
                    amlos: r.amlos,
                    severity: r.severity,
                    initial_drg: format!("{:03}", r.initial_drg),
                    return_code: r.return_code,
                    mce: mce.edit(&claim),
                    codes: &r.codes,
                };
                serde_json::to_writer(&mut *out, &line)?;
            }
            Err(e) => {
                ok = false;
                let id = grouper::claim::id_of_line(&line);
                serde_json::to_writer(&mut *out, &serde_json::json!({"id": id, "line": n + 1, "error": e}))?;
            }
        }
        out.write_all(b"\n")?;
    }
    Ok(ok)
}
