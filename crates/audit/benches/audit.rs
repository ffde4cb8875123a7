//! Audit throughput on one core: every case of the built-in library audited against a submission with planted
//! errors (a secondary diagnosis dropped, the first two diagnoses swapped, an extra code).
//!
//!     cargo bench -p audit --bench audit
//!
//! Audits per second = cases / the reported time of `audit_library` (the full feedback report) or
//! `audit_library_brief` (batch QA: the same counts, DRG and RAF, without the report's words); `audit_one_inpatient`
//! is a single interactive audit.
use audit::{audit, Config, Submission};

fn main() {
    divan::main();
}

fn planted(c: &cases::model::Case) -> Submission {
    let mut s = Submission::from_gold(c);
    if s.diagnoses.len() > 2 {
        s.diagnoses.remove(2);
    }
    if s.diagnoses.len() > 1 {
        s.diagnoses.swap(0, 1);
    }
    s.diagnoses.push(audit::submission::SubmittedDiagnosis { code: "R51.9".into(), poa: None, rationale: None });
    s
}

#[divan::bench(sample_count = 20)]
fn audit_library(bencher: divan::Bencher) {
    let lib = codebook::Library::embedded().unwrap();
    let pack = cases::library::builtin();
    let subs: Vec<Submission> = pack.cases.iter().map(planted).collect();
    let cfg = Config::default();
    bencher.bench_local(|| {
        let mut n = 0usize;
        for (c, s) in pack.cases.iter().zip(&subs) {
            n += audit(c, s, lib.book(), &cfg).findings.len();
        }
        n
    });
}

#[divan::bench(sample_count = 50)]
fn audit_one_inpatient(bencher: divan::Bencher) {
    let lib = codebook::Library::embedded().unwrap();
    let pack = cases::library::builtin();
    let c = pack.cases.iter().find(|c| c.encounter.setting.is_inpatient() && c.gold.diagnoses.len() > 4).unwrap();
    let s = planted(c);
    let cfg = Config::default();
    bencher.bench_local(|| audit(c, &s, lib.book(), &cfg).findings.len());
}

#[divan::bench(sample_count = 40)]
fn audit_library_brief(bencher: divan::Bencher) {
    let lib = codebook::Library::embedded().unwrap();
    let pack = cases::library::builtin();
    let subs: Vec<Submission> = pack.cases.iter().map(planted).collect();
    let cfg = Config::default();
    bencher.bench_local(|| {
        let mut n = 0usize;
        for (c, s) in pack.cases.iter().zip(&subs) {
            n += audit::audit_brief(c, s, lib.book(), &cfg, None).findings.len();
        }
        n
    });
}
