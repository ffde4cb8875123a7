//! Properties of the model on seeded samples and arbitrary input: no input panics, the score is the sum of the factors
//! applied, and a comparison's changes add up to the difference it explains.

use hcc::{compare, sample, Beneficiary, Model, PaymentYear, Version};
use proptest::prelude::*;

fn models() -> [&'static Model; 3] {
    [
        Model::builtin(Version::V24, PaymentYear::Py2026).unwrap(),
        Model::builtin(Version::V28, PaymentYear::Py2026).unwrap(),
        Model::builtin(Version::V28, PaymentYear::Py2027Proposed).unwrap(),
    ]
}

#[test]
fn every_score_is_the_sum_of_its_factors_and_hccs_survive_their_hierarchy() {
    for m in models() {
        for b in sample::beneficiaries(11, 2000) {
            let Ok(s) = m.score(&b) else { continue };
            let sum: f64 = s.details.iter().map(|d| d.value).sum();
            assert!((sum - s.raw_score).abs() < 1e-9, "{}", b.to_json());
            assert!(s.demographic_score <= s.raw_score + 1e-9 || s.details.iter().any(|d| d.value < 0.0));
            for h in &s.hccs {
                assert!(!m.parents_of(h.hcc).iter().any(|p| s.hccs.iter().any(|x| x.hcc == *p)), "{} kept under a parent: {}", h.hcc, b.to_json());
                assert!(!h.dx.is_empty());
            }
            for d in &s.dropped {
                assert!(!s.hccs.iter().any(|h| h.hcc == d.hcc));
            }
        }
    }
}

#[test]
fn the_changes_of_a_comparison_add_up_to_the_difference() {
    let people = sample::beneficiaries(12, 1000);
    for m in models() {
        for pair in people.chunks(2) {
            // The same person, coded twice: the second coding from another sampled record.
            let mut after = pair[0].clone();
            after.dx = pair[1].dx.clone();
            let Ok(c) = compare::compare(m, &pair[0], &after) else { continue };
            let sum: f64 = c.changes.iter().map(|x| x.delta()).sum();
            assert!((sum - c.raw_difference).abs() < 1e-9, "{sum} vs {}: {:?}", c.raw_difference, c.changes);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_line_of_text_panics_the_reader_or_the_model(line in ".{0,200}") {
        if let Ok(b) = Beneficiary::from_json(&line) {
            for m in models() {
                let _ = m.score(&b);
            }
        }
    }

    #[test]
    fn any_shaped_record_scores_or_names_a_field(age in 0u64..200, sex in "[MFU]", dual in "[0-9]{1,3}", orec in "[0-5]",
                                                institutional: bool, new_enrollee: bool, dx in proptest::collection::vec("[A-Z][0-9A-Z]{2,6}", 0..8)) {
        let line = serde_json::json!({"id": "p", "age": age, "sex": sex, "dual": dual, "orec": orec,
            "institutional": institutional, "new_enrollee": new_enrollee, "dx": dx}).to_string();
        match Beneficiary::from_json(&line) {
            Ok(b) => for m in models() {
                if let Err(e) = m.score(&b) {
                    prop_assert!(e.field.starts_with("dx["), "{e}");
                }
            },
            Err(e) => prop_assert!(["age", "sex", "dual", "orec", "institutional", "dx"].iter().any(|f| e.field.starts_with(f)), "{e}"),
        }
    }
}
