use anyhow::Result;
use codeset::book::Browse;
use codeset::{CodeBook, Entry, Validation};
use search::Hit;
use serde::Serialize;
use std::io::Write;

fn json<T: Serialize + ?Sized>(out: &mut impl Write, v: &T) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, v)?;
    writeln!(out)?;
    Ok(())
}

pub fn entry(out: &mut impl Write, e: &Entry, as_json: bool) -> Result<()> {
    if as_json {
        return json(out, e);
    }
    writeln!(out, "{}  {}", e.code, e.title)?;
    writeln!(out, "  {} · {}", e.system.label(), if e.billable { "billable" } else { "not billable (a header, or needs more characters)" })?;
    for (depth, p) in e.path.iter().enumerate() {
        writeln!(out, "  {:indent$}{} {}  ({})", "", p.code, p.title, p.level, indent = depth * 2)?;
    }
    let mut last_from = "";
    for n in &e.notes {
        if n.from != last_from {
            writeln!(out, "  from {}:", n.from)?;
            last_from = &n.from;
        }
        writeln!(out, "    {:<20} {}", n.kind, n.text)?;
    }
    Ok(())
}

/// Validations as JSON, or as text with the title of each valid code (`book` gives it; `None` leaves it out).
pub fn validations(out: &mut impl Write, vs: &[Validation], as_json: bool, book: Option<&CodeBook>) -> Result<()> {
    if as_json {
        return json(out, vs);
    }
    for v in vs {
        let code = v.code.as_deref().unwrap_or(v.input.as_str());
        if v.valid {
            write!(out, "valid    {code}")?;
            if let Some(s) = v.system {
                write!(out, " ({})", s.label())?;
            }
            if let Some(d) = book.and_then(|b| b.describe(code)) {
                write!(out, "  {}", d.title)?;
            }
            writeln!(out)?;
            if let Some(r) = &v.reason {
                writeln!(out, "         note: {r}")?;
            }
        } else {
            writeln!(out, "invalid  {}", printable(code))?;
            if let Some(r) = &v.reason {
                writeln!(out, "         {r}")?;
            }
            if !v.suggestions.is_empty() {
                writeln!(out, "         suggestions: {}", v.suggestions.join(", "))?;
            }
        }
    }
    Ok(())
}

/// Input echoed back is cut and stripped of control characters, so a hostile argument cannot mess up a terminal.
fn printable(s: &str) -> String {
    let mut t: String = s.chars().take(40).map(|c| if c.is_control() { '?' } else { c }).collect();
    if s.chars().count() > 40 {
        t.push('…');
    }
    t
}

pub fn hits(out: &mut impl Write, hits: &[Hit], as_json: bool, book: &CodeBook) -> Result<()> {
    if as_json {
        return json(out, hits);
    }
    if hits.is_empty() {
        writeln!(out, "no matches")?;
    }
    for h in hits {
        writeln!(out, "{:<9} {:<9} {}{}", h.code, h.system.name(), h.title, marker(book, &h.code, h.billable))?;
    }
    Ok(())
}

/// What keeps a code from being reported as it stands.
fn marker(book: &CodeBook, code: &str, billable: bool) -> &'static str {
    if billable {
        return "";
    }
    let key = code.replace('.', "");
    match book.icd10cm.node_by_key(&key) {
        Some(i) if book.icd10cm.needs_seventh(i) => "  [needs 7th character]",
        _ => "  [header]",
    }
}

pub fn browse(out: &mut impl Write, b: &Browse, as_json: bool, book: &CodeBook) -> Result<()> {
    if as_json {
        return json(out, b);
    }
    if let Some(n) = &b.node {
        writeln!(out, "{}  {}  ({})", n.code, n.title, n.level)?;
    }
    for c in &b.children {
        writeln!(out, "  {:<9} {}{}", c.code, c.title, marker(book, &c.code, c.billable))?;
    }
    Ok(())
}

/// Prints a PCS table; false when there is no such table.
pub fn pcs_table(out: &mut impl Write, book: &CodeBook, table: &str, as_json: bool) -> Result<bool> {
    let view = match book.pcs_table_view(table) {
        Ok(v) => v,
        Err(v) => {
            validations(out, &[v], as_json, None)?;
            return Ok(false);
        }
    };
    if as_json {
        json(out, &view)?;
        return Ok(true);
    }
    let (axes, rows) = (&view.axes, &view.rows);
    for a in axes {
        writeln!(out, "{:<12} {}  {}", a.name, a.values[0].value, a.values[0].label)?;
    }
    for (i, row) in rows.iter().enumerate() {
        writeln!(out, "row {}:", i + 1)?;
        for a in row {
            let vals: Vec<String> = a.values.iter().map(|v| format!("{} {}", v.value, v.label)).collect();
            writeln!(out, "  {:<12} {}", a.name, vals.join(" · "))?;
        }
    }
    Ok(true)
}
