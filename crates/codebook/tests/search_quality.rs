use crate::lib;

/// Runs an evaluation file (`query<TAB>system<TAB>acceptable codes`); returns (hits in the top 5, queries, misses).
pub fn evaluate(tsv: &str) -> (usize, usize, Vec<String>) {
    let opts = search::SearchOptions { limit: 5, ..Default::default() };
    let (mut ok, mut n, mut misses) = (0, 0, Vec::new());
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let accept: Vec<String> = f[2].split(',').map(|c| c.trim().replace('.', "")).collect();
        let hits = lib().search(f[0], &opts).unwrap_or_default();
        n += 1;
        if hits.iter().any(|h| accept.contains(&h.code.replace('.', ""))) {
            ok += 1;
        } else {
            misses.push(format!("{} (want {}; got {})", f[0], f[2], hits.iter().map(|h| h.code.as_str()).collect::<Vec<_>>().join(" ")));
        }
    }
    (ok, n, misses)
}

/// The bar: at least 90% of the held-out queries have an acceptable code in the top 5.
#[test]
fn held_out_queries_find_an_acceptable_code_in_the_top_five() {
    let (ok, n, misses) = evaluate(include_str!("../../search/tests/data/heldout.tsv"));
    let rate = ok as f64 / n as f64;
    eprintln!("held-out: {ok}/{n} = {:.1}%", 100.0 * rate);
    assert!(n >= 200);
    assert!(rate >= 0.90, "held-out top-5 rate {:.1}% < 90%; misses:\n{}", 100.0 * rate, misses.join("\n"));
}

#[test]
fn the_classic_queries_put_the_right_code_first() {
    let first = |q: &str| lib().search(q, &Default::default()).unwrap()[0].code.clone();
    assert_eq!(first("diabetes ckd"), "E11.22");
    assert_eq!(first("E11.2"), "E11.2");
}
