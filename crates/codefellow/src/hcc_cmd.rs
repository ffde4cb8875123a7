//! `codefellow hcc`: CMS-HCC risk scores of beneficiaries read as JSON lines, one result per line.
//!
//! A line that is not a valid beneficiary (or names a code that does not exist) gives
//! `{"id","line","error":{"field","message"}}` and the batch goes on; the exit status is 1 when any line was in error.

use anyhow::{anyhow, Context, Result};
use hcc::{Adjustments, Beneficiary, Model, PaymentYear, Version};
use std::io::{BufRead, Write};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct HccArgs {
    /// Beneficiaries as JSON lines (`-` or nothing: standard input). Each line:
    /// {"id","age","sex":"M|F","dual":"00","orec":"0","institutional":false,"new_enrollee":false,"dx":["E1169","I5030"]}
    pub file: Option<PathBuf>,
    /// The model version: v24 or v28.
    #[arg(long, default_value = "v28", env = "CODEFELLOW_HCC_MODEL")]
    pub model: String,
    /// The payment year: 2026, or 2027 (V28 with the factors CMS proposed).
    #[arg(long, default_value = "2026", env = "CODEFELLOW_HCC_YEAR")]
    pub year: String,
    /// The normalisation factor (default: the one CMS announced for the model and year, see docs/HCC.md).
    #[arg(long)]
    pub normalization: Option<f64>,
    /// The MA coding pattern adjustment as a fraction (default 0.059).
    #[arg(long)]
    pub coding_pattern: Option<f64>,
}

pub fn run(args: HccArgs, out: &mut dyn Write) -> Result<bool> {
    let version = Version::parse(&args.model).ok_or_else(|| anyhow!("unknown model '{}': use v24 or v28", args.model))?;
    let year = PaymentYear::parse(&args.year).ok_or_else(|| anyhow!("unknown payment year '{}': use 2026 or 2027", args.year))?;
    let model = Model::builtin(version, year)?;
    let published = Adjustments::published(version, year);
    let adjustments = Adjustments {
        normalization: args.normalization.unwrap_or(published.normalization),
        coding_pattern: args.coding_pattern.unwrap_or(published.coding_pattern),
    };
    // Written so that NaN fails too.
    let positive = adjustments.normalization.is_finite() && adjustments.normalization > 0.0;
    if !positive || !(0.0..1.0).contains(&adjustments.coding_pattern) {
        return Err(anyhow!("--normalization must be positive and --coding-pattern a fraction from 0 to 1"));
    }
    let input: Box<dyn BufRead> = match args.file.as_deref() {
        None => Box::new(std::io::stdin().lock()),
        Some(p) if p.as_os_str() == "-" => Box::new(std::io::stdin().lock()),
        Some(p) => Box::new(std::io::BufReader::new(std::fs::File::open(p).with_context(|| format!("cannot open {}", p.display()))?)),
    };
    let mut ok = true;
    for (n, line) in input.lines().enumerate() {
        let line = line.with_context(|| format!("reading line {}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        match Beneficiary::from_json(&line).and_then(|b| Ok((model.score_with(&b, adjustments)?, b.id))) {
            Ok((s, id)) => {
                serde_json::to_writer(&mut *out, &serde_json::json!({
                    "id": id,
                    "model": s.version,
                    "year": s.year,
                    "segment": s.segment,
                    "hccs": s.hccs,
                    "dropped": s.dropped,
                    "edits": s.edits,
                    "score": s.raw_score,
                    "demographic_score": s.demographic_score,
                    "normalized_score": s.normalized_score,
                    "payment_score": s.payment_score,
                    "adjustments": s.adjustments,
                    "details": s.details,
                }))?;
            }
            Err(e) => {
                ok = false;
                let id = hcc::beneficiary::id_of_line(&line);
                serde_json::to_writer(&mut *out, &serde_json::json!({"id": id, "line": n + 1, "error": e}))?;
            }
        }
        out.write_all(b"\n")?;
    }
    Ok(ok)
}
