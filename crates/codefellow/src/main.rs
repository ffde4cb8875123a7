//! `codefellow`: the command-line definition and the glue between the engines. Each subcommand reads its
//! input, calls one library, and prints text for a person or JSON (`--json`) for a program.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use codebook::Library;
use codeset::CodeSystem;
use search::SearchOptions;
use std::io::Write;
use std::process::ExitCode;

/// Text and JSON rendering of the code-book commands.
mod render;
/// Imported official files and the code book rebuilt from them.
mod data_dir;
/// The case library commands.
mod cases_cmd;
/// MS-DRG grouping of claims.
mod group_cmd;
/// Audits of a coder's submission.
mod audit_cmd;
/// CMS-HCC risk scores of beneficiaries.
mod hcc_cmd;
/// The web platform and its administrator.
mod serve_cmd;

#[derive(Parser)]
#[command(name = "codefellow", version, about = "Practice and audit for medical coders: the FY2026 code book, cases and audits.")]
struct Cli {
    /// Where imported files and the code book rebuilt from them are kept.
    #[arg(long, global = true, env = "CODEFELLOW_DATA_DIR", default_value = "codefellow-data")]
    data_dir: std::path::PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Look a code up: title, code set, billable, the path from the chapter down, and every note that applies.
    Code {
        /// The code, with or without the dot (E11.22, e1122, 0DTJ4ZZ, J1885).
        code: String,
        /// Only this code set: icd10cm, icd10pcs, hcpcs or cpt.
        #[arg(long, value_parser = parse_system)]
        system: Option<CodeSystem>,
        /// Print JSON: {"code","system","title","billable","path":[...],"notes":[{"kind","text","from"}]}.
        #[arg(long)]
        json: bool,
    },
    /// Check codes as they would be reported; exits 1 if any is invalid.
    Validate {
        /// One or more codes; `-` reads them from standard input, whitespace-separated.
        #[arg(required = true)]
        codes: Vec<String>,
        #[arg(long, value_parser = parse_system)]
        system: Option<CodeSystem>,
        /// Print JSON: one {"input","code","system","valid","reason","suggestions":[...]} per input, in an array.
        #[arg(long)]
        json: bool,
    },
    /// Search titles, inclusion terms, abbreviations and lay words.
    Search {
        /// What a coder would type: "diabetes ckd", "lap appy", "broken wrist"; `-` reads it from standard input.
        query: String,
        #[arg(long, value_parser = parse_system)]
        system: Option<CodeSystem>,
        /// Only codes reportable as they stand.
        #[arg(long)]
        billable: bool,
        /// How many results.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print JSON: [{"code","system","title","billable"}].
        #[arg(long)]
        json: bool,
    },
    /// The children of a node: chapters (no argument), a chapter (4), a block (E08-E13), a code (E11),
    /// or ICD-10-PCS by leading characters (0D).
    Browse {
        node: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Import an official file a programme has downloaded (CMS/CDC formats), or a licensed CPT file. The file is
    /// kept in the data directory and applied on every start.
    Import {
        #[arg(value_enum)]
        kind: data_dir::Kind,
        /// The file as downloaded.
        file: std::path::PathBuf,
    },
    /// The case library: practice records with gold coding (list, show, check, export).
    #[command(subcommand)]
    Cases(cases_cmd::CasesCommand),
    /// Group inpatient claims (JSON lines) to MS-DRG v43.1: DRG, MDC, title, relative weight, severity and what each
    /// code did. A malformed claim gives an error line naming the field; the rest of the batch still groups.
    Group(group_cmd::GroupArgs),
    /// Audit a coder's submission for a case against its gold coding: each code right or wrong and why, the rule
    /// and the evidence, compliance edits, DRG and payment impact, scores.
    Audit(audit_cmd::AuditArgs),
    /// CMS-HCC risk scores (V24/V28) of beneficiaries (JSON lines): HCCs with the diagnoses behind them, HCCs dropped
    /// by hierarchy, every factor, raw, demographic and payment scores. A bad line gives an error line naming the field.
    Hcc(hcc_cmd::HccArgs),
    /// Start the web platform: the coder workstation, feedback, review and progress, on the built-in code sets and
    /// case library and a SQLite file in the data directory. The first run prints a one-time link to create the
    /// administrator.
    Serve(serve_cmd::ServeArgs),
    /// Manage administrators from the terminal.
    #[command(subcommand)]
    Admin(serve_cmd::AdminCommand),
    /// An ICD-10-PCS table: its three characters' meanings and its rows of allowed characters 4–7.
    PcsTable {
        /// The first three characters, e.g. 0DT.
        table: String,
        #[arg(long)]
        json: bool,
    },
}

/// Standard input as text; bytes that are not UTF-8 become U+FFFD, which no code or query contains.
fn read_stdin() -> Result<String> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).context("reading standard input")?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn parse_system(s: &str) -> Result<CodeSystem, String> {
    CodeSystem::parse(s).ok_or_else(|| format!("unknown code set '{s}': use icd10cm, icd10pcs, hcpcs or cpt"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let data = data_dir::DataDir::new(&cli.data_dir);
    let mut out = std::io::stdout().lock();
    if let Command::Import { kind, file } = &cli.command {
        let report = data.import(*kind, file)?;
        writeln!(out, "imported {} into {}", file.display(), cli.data_dir.display())?;
        for l in &report.lines {
            writeln!(out, "  {l}")?;
        }
        if !report.skipped.is_empty() {
            writeln!(out, "  left out (first {}):", report.skipped.len())?;
            for s in &report.skipped {
                writeln!(out, "    {s}")?;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    if let Command::Serve(args) = cli.command {
        serve_cmd::serve(args, &data)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Command::Admin(cmd) = cli.command {
        serve_cmd::admin(cmd, &data, &mut out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Command::Group(args) = cli.command {
        let ok = group_cmd::run(args, &mut out)?;
        out.flush()?;
        return Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) });
    }
    if let Command::Audit(args) = cli.command {
        let ok = audit_cmd::run(args, &data, &mut out)?;
        out.flush()?;
        return Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) });
    }
    if let Command::Hcc(args) = cli.command {
        let ok = hcc_cmd::run(args, &mut out)?;
        out.flush()?;
        return Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) });
    }
    if let Command::Cases(cmd) = cli.command {
        // The case commands load the code book only when they need it: `cases list` stays fast.
        let ok = cases_cmd::run(cmd, &data, &mut out)?;
        out.flush()?;
        return Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) });
    }
    let lib: Library = data.load()?;
    let code = match cli.command {
        Command::Import { .. } => unreachable!("handled above"),
        Command::Code { code, system, json } => match lib.book().lookup(&code, system) {
            Ok(entry) => {
                render::entry(&mut out, &entry, json)?;
                ExitCode::SUCCESS
            }
            Err(v) => {
                render::validations(&mut out, std::slice::from_ref(&v), json, None)?;
                ExitCode::from(1)
            }
        },
        Command::Validate { codes, system, json } => {
            let codes = if codes.len() == 1 && codes[0] == "-" { read_stdin()?.split_whitespace().map(str::to_string).collect() } else { codes };
            let results: Vec<_> = codes.iter().map(|c| lib.book().validate(c, system)).collect();
            render::validations(&mut out, &results, json, Some(lib.book()))?;
            if results.iter().all(|v| v.valid) {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Command::Search { query, system, billable, limit, json } => {
            let query = if query == "-" { read_stdin()? } else { query };
            let opts = SearchOptions { system, billable_only: billable, limit };
            let hits = lib.search(&query, &opts).context("searching the code book")?;
            render::hits(&mut out, &hits, json, lib.book())?;
            ExitCode::SUCCESS
        }
        Command::Browse { node, json } => match lib.book().browse(node.as_deref()) {
            Ok(b) => {
                render::browse(&mut out, &b, json, lib.book())?;
                ExitCode::SUCCESS
            }
            Err(v) => {
                render::validations(&mut out, std::slice::from_ref(&v), json, None)?;
                ExitCode::from(1)
            }
        },
        Command::Cases(_) | Command::Group(_) | Command::Audit(_) | Command::Hcc(_) | Command::Serve(_) | Command::Admin(_) => unreachable!("handled above"),
        Command::PcsTable { table, json } => match render::pcs_table(&mut out, lib.book(), &table, json)? {
            true => ExitCode::SUCCESS,
            false => ExitCode::from(1),
        },
    };
    out.flush()?;
    Ok(code)
}
