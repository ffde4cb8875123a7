use anyhow::Result;
use codeset::book::Browse;
use codeset::pcs::{axis_names, section_name};
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

#[derive(Serialize)]
struct TableView<'a> {
    table: String,
    axes: Vec<AxisView>,
    rows: Vec<Vec<AxisView>>,
    #[serde(skip)]
    _book: std::marker::PhantomData<&'a ()>,
}

#[derive(Serialize)]
struct AxisView {
    position: u8,
    name: &'static str,
    values: Vec<ValueView>,
}

#[derive(Serialize)]
struct ValueView {
    value: char,
    label: String,
}

/// Prints a PCS table; false when there is no such table.
pub fn pcs_table(out: &mut impl Write, book: &CodeBook, table: &str, as_json: bool) -> Result<bool> {
    let key = codeset::input::normalize(table).unwrap_or_default();
    let Some(t) = book.pcs.table(&key) else {
        let v = if key.len() == 3 {
            let near: Vec<String> = book.pcs.tables_under(&key[..2]).map(|t| t.prefix.clone()).collect();
            Validation {
                input: table.to_string(),
                code: Some(key.clone()),
                system: Some(codeset::CodeSystem::Icd10Pcs),
                valid: false,
                reason: Some(if near.is_empty() { format!("there is no ICD-10-PCS table {key}") } else { format!("there is no ICD-10-PCS table {key}; tables in {} are {}", &key[..2], near.join(", ")) }),
                suggestions: near,
            }
        } else {
            Validation { input: table.to_string(), code: None, system: Some(codeset::CodeSystem::Icd10Pcs), valid: false, reason: Some("a PCS table is named by the first three characters of its codes, e.g. 0DT".into()), suggestions: vec![] }
        };
        validations(out, &[v], as_json, None)?;
        return Ok(false);
    };
    let section = key.as_bytes()[0] as char;
    let names = axis_names(section);
    let label = |pos: u8, c: char| if pos == 1 { section_name(c).unwrap_or("").to_string() } else { t.label(pos, c).unwrap_or("").to_string() };
    let axes: Vec<AxisView> = (1..=3u8).map(|p| AxisView { position: p, name: names[p as usize - 1], values: vec![ValueView { value: key.as_bytes()[p as usize - 1] as char, label: label(p, key.as_bytes()[p as usize - 1] as char) }] }).collect();
    let rows: Vec<Vec<AxisView>> = t
        .rows
        .iter()
        .map(|r| (4..=7u8).map(|p| AxisView { position: p, name: names[p as usize - 1], values: r.allowed(p as usize).chars().map(|c| ValueView { value: c, label: label(p, c) }).collect() }).collect())
        .collect();
    if as_json {
        json(out, &TableView { table: key.clone(), axes, rows, _book: Default::default() })?;
        return Ok(true);
    }
    for a in &axes {
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
