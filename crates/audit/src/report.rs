//! The feedback report as text (terminal) and HTML (the web issue embeds it). JSON is `Report` serialized.

use crate::{Category, Report};
use std::fmt::Write;

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// Dollars with thousands grouped and two decimals ("-$1,234.50").
pub fn money(x: f64) -> String {
    let sign = if x < 0.0 { "-" } else { "" };
    let cents = (x.abs() * 100.0).round() as u64;
    let (d, c) = (cents / 100, cents % 100);
    let digits = d.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{sign}${grouped}.{c:02}")
}

/// The summary lines both renderings share (and the web platform's feedback page): scores, DRG and RAF.
pub fn summary(r: &Report) -> Vec<String> {
    let s = &r.scores;
    let mut lines = vec![
        format!(
            "Code accuracy {} ({} of {} gold items correct; {} extra submitted); weighted {}; record {}",
            pct(s.code_accuracy),
            s.correct,
            s.gold_items,
            s.extra,
            pct(s.weighted),
            if s.record_accurate { "accurate" } else { "not accurate" }
        ),
    ];
    if let Some(x) = s.rationale {
        lines.push(format!("Rationale score {}", pct(x)));
    }
    if let Some(c) = s.hcc_capture {
        lines.push(format!("HCC capture {}{}", pct(c), s.hcc_overcoding.map(|o| format!(", over-coding {}", pct(o))).unwrap_or_default()));
    }
    if let Some(d) = &r.drg {
        if d.drg_correct {
            lines.push(format!("MS-DRG {} {} (weight {:.4}): correct", d.gold_drg, d.gold_title, d.gold_weight));
        } else {
            let way = if d.dollars > 0.0 { "overpayment" } else { "underpayment" };
            lines.push(format!(
                "MS-DRG {} {} (weight {:.4}) submitted; {} {} (weight {:.4}) is right: weight {:+.4}, {} {way} at {} per weight",
                d.submitted_drg,
                d.submitted_title,
                d.submitted_weight,
                d.gold_drg,
                d.gold_title,
                d.gold_weight,
                d.weight_delta,
                money(d.dollars.abs()),
                money(d.base_rate)
            ));
            for why in &d.drivers {
                lines.push(format!("  because {why}"));
            }
        }
    }
    if let Some(x) = &r.raf {
        if x.delta == 0.0 {
            lines.push(format!("CMS-HCC {} PY{} risk score {:.3} (HCCs {:?}): as the gold coding", x.model, x.payment_year, x.gold_payment, x.gold_hccs));
        } else {
            let way = if x.delta > 0.0 { "over-coded" } else { "under-coded" };
            lines.push(format!(
                "CMS-HCC {} PY{} risk score {:.3} submitted, {:.3} supported ({:+.3}, {way}): {} a year at {} a month per 1.0",
                x.model,
                x.payment_year,
                x.submitted_payment,
                x.gold_payment,
                x.delta,
                money(x.dollars_per_year.abs()),
                money(x.monthly_benchmark)
            ));
            for why in &x.changes {
                lines.push(format!("  because {why}"));
            }
        }
    }
    lines
}

/// Plain text for the terminal.
pub fn text(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Audit of {} ({}){}", r.case, r.case_title, r.coder.as_ref().map(|c| format!(", coder {c}")).unwrap_or_default());
    for l in summary(r) {
        let _ = writeln!(out, "{l}");
    }
    let _ = writeln!(out);
    for f in &r.findings {
        let mark = if f.category == Category::Correct { "ok " } else { "ERR" };
        let _ = writeln!(out, "{mark} [{}] {}", f.category.label(), f.message);
        if f.category.is_error() {
            if let Some(c) = &f.correction {
                let _ = writeln!(out, "      correction: {c}");
            }
            for e in f.evidence.iter().take(2) {
                let _ = writeln!(out, "      evidence ({}): \"{}\"", e.doc, e.quote);
            }
            if !f.rules.is_empty() {
                let rules: Vec<String> = f.rules.iter().map(rule_text).collect();
                let _ = writeln!(out, "      rule: {}", rules.join("; "));
            }
        }
    }
    if !r.edits.is_empty() {
        let _ = writeln!(out, "\nCompliance edits:");
        for e in &r.edits {
            let note = if e.also_in_gold { " (the gold coding draws it too)" } else { "" };
            let _ = writeln!(out, "  {} {}{note}", e.name, e.message);
        }
    }
    let weak: Vec<_> = r.rationales.iter().filter(|x| !x.problems.is_empty()).collect();
    if !weak.is_empty() {
        let _ = writeln!(out, "\nRationales:");
        for x in weak {
            let _ = writeln!(out, "  {} {} ({}): {}", x.item, x.code, pct(x.score), x.problems.join("; "));
        }
    }
    out
}

/// A rule as a citation ("OCG I.C.4.a").
pub fn rule_text(r: &cases::model::Rule) -> String {
    use cases::model::Rule::*;
    match r {
        Guideline(s) | Tabular(s) | Edit(s) | Convention(s) => s.clone(),
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// An HTML fragment (a `<section>`), self-contained, with classes for styling and no script.
pub fn html(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "<section class=\"audit-report\" aria-label=\"Audit of {}\">", esc(&r.case));
    let _ = writeln!(out, "<h2>Audit of {} <small>{}</small></h2>", esc(&r.case), esc(&r.case_title));
    let _ = writeln!(out, "<ul class=\"summary\">");
    for l in summary(r) {
        let _ = writeln!(out, "<li>{}</li>", esc(l.trim()));
    }
    let _ = writeln!(out, "</ul>");
    let _ = writeln!(out, "<table class=\"findings\"><thead><tr><th scope=\"col\">Result</th><th scope=\"col\">Submitted</th><th scope=\"col\">Gold</th><th scope=\"col\">Why</th><th scope=\"col\">Correction</th></tr></thead><tbody>");
    for f in &r.findings {
        let class = if f.category == Category::Correct { "ok" } else { "error" };
        let evidence: Vec<String> = f.evidence.iter().take(2).map(|e| format!("<q data-doc=\"{}\">{}</q>", esc(&e.doc), esc(&e.quote))).collect();
        let rules: Vec<String> = f.rules.iter().map(|r| format!("<cite>{}</cite>", esc(&rule_text(r)))).collect();
        let _ = writeln!(
            out,
            "<tr class=\"{class}\"><td>{}</td><td>{}</td><td>{}</td><td>{}{}{}</td><td>{}</td></tr>",
            esc(f.category.label()),
            esc(f.submitted.as_deref().unwrap_or("—")),
            esc(f.expected.as_deref().unwrap_or("—")),
            esc(&f.message),
            if evidence.is_empty() { String::new() } else { format!("<br>{}", evidence.join(" ")) },
            if rules.is_empty() { String::new() } else { format!("<br>{}", rules.join("; ")) },
            esc(f.correction.as_deref().filter(|_| f.category.is_error()).unwrap_or("")),
        );
    }
    let _ = writeln!(out, "</tbody></table>");
    if !r.edits.is_empty() {
        let _ = writeln!(out, "<h3>Compliance edits</h3><ul class=\"edits\">");
        for e in &r.edits {
            let note = if e.also_in_gold { " <em>(the gold coding draws it too)</em>" } else { "" };
            let _ = writeln!(out, "<li><strong>{}</strong> {}{note}</li>", esc(&e.name), esc(&e.message));
        }
        let _ = writeln!(out, "</ul>");
    }
    let _ = writeln!(out, "</section>");
    out
}

#[cfg(test)]
mod tests {
    use super::money;

    #[test]
    fn dollars_are_grouped_by_thousands() {
        assert_eq!(money(1234567.891), "$1,234,567.89");
        assert_eq!(money(-42.5), "-$42.50");
        assert_eq!(money(0.0), "$0.00");
    }
}
