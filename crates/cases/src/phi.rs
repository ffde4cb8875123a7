//! The PHI guard: finds HIPAA Safe Harbor identifiers in a record's text, with their place, so that an import can
//! be refused with a report, or scrubbed to placeholders for review.
//!
//! Practice records speak of ages and relative days ("hospital day 2", "POD 1"), never of names or dates. The guard
//! looks for what real records leak: names after an honorific, a label or before a credential; street addresses,
//! city/state and ZIP codes; dates more specific than a year; ages over 89; phone and fax numbers; e-mail
//! addresses; Social Security numbers; labelled record, account, plan, licence, vehicle, device and other ID numbers;
//! URLs; IP addresses; biometric and full-face photograph references. It must not flag what clinical notes are full
//! of: vitals (BP 142/88), labs, doses, codes (E11.22, 99213, 0DTJ4ZZ), times, scores, fractions, eponyms.

use std::fmt;

/// The kinds of identifier the guard finds. `name()` is stable (JSON and reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PhiKind {
    Name,
    Address,
    Zip,
    Date,
    Age,
    Phone,
    Fax,
    Email,
    Ssn,
    MedicalRecordNumber,
    HealthPlan,
    Account,
    Licence,
    Vehicle,
    Device,
    Url,
    IpAddress,
    Biometric,
    Photo,
    OtherUniqueId,
}

impl PhiKind {
    pub fn name(self) -> &'static str {
        match self {
            PhiKind::Name => "name",
            PhiKind::Address => "address",
            PhiKind::Zip => "zip",
            PhiKind::Date => "date",
            PhiKind::Age => "age_over_89",
            PhiKind::Phone => "phone",
            PhiKind::Fax => "fax",
            PhiKind::Email => "email",
            PhiKind::Ssn => "ssn",
            PhiKind::MedicalRecordNumber => "medical_record_number",
            PhiKind::HealthPlan => "health_plan_number",
            PhiKind::Account => "account_number",
            PhiKind::Licence => "licence_number",
            PhiKind::Vehicle => "vehicle_identifier",
            PhiKind::Device => "device_identifier",
            PhiKind::Url => "url",
            PhiKind::IpAddress => "ip_address",
            PhiKind::Biometric => "biometric",
            PhiKind::Photo => "photo",
            PhiKind::OtherUniqueId => "other_unique_id",
        }
    }

    fn placeholder(self) -> String {
        format!("[{}]", self.name().to_ascii_uppercase())
    }

    fn describe(self) -> &'static str {
        match self {
            PhiKind::Name => "a person's name",
            PhiKind::Address => "a street address or city",
            PhiKind::Zip => "a ZIP code",
            PhiKind::Date => "a date more specific than a year",
            PhiKind::Age => "an age over 89",
            PhiKind::Phone => "a phone number",
            PhiKind::Fax => "a fax number",
            PhiKind::Email => "an e-mail address",
            PhiKind::Ssn => "a Social Security number",
            PhiKind::MedicalRecordNumber => "a medical record number",
            PhiKind::HealthPlan => "a health plan number",
            PhiKind::Account => "an account number",
            PhiKind::Licence => "a licence or certificate number",
            PhiKind::Vehicle => "a vehicle identifier",
            PhiKind::Device => "a device serial number",
            PhiKind::Url => "a web address",
            PhiKind::IpAddress => "an IP address",
            PhiKind::Biometric => "a biometric identifier",
            PhiKind::Photo => "a full-face photograph",
            PhiKind::OtherUniqueId => "an identifying number",
        }
    }
}

/// One identifier found: its kind, byte span and place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhiHit {
    pub kind: PhiKind,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// 1-based line and column (in characters) of the start.
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for PhiHit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: {} '{}'", self.line, self.column, self.kind.describe(), self.text)
    }
}

/// Every identifier in the text, sorted by position, without overlaps (the longer of two overlapping hits wins).
pub fn scan(text: &str) -> Vec<PhiHit> {
    let mut raw: Vec<(PhiKind, usize, usize)> = Vec::new();
    let toks = tokens(text);
    emails_urls_ips(text, &mut raw);
    numbers(text, &toks, &mut raw);
    dates(text, &toks, &mut raw);
    labelled(text, &toks, &mut raw);
    names(text, &toks, &mut raw);
    addresses(text, &toks, &mut raw);
    keywords(text, &mut raw);
    raw.sort_by(|a, b| a.1.cmp(&b.1).then((b.2 - b.1).cmp(&(a.2 - a.1))));
    let mut out: Vec<PhiHit> = Vec::new();
    for (kind, s, e) in raw {
        if let Some(last) = out.last_mut() {
            if s < last.end {
                if e > last.end && (e - s) > (last.end - last.start) {
                    *last = hit(text, kind, s, e);
                }
                continue;
            }
        }
        out.push(hit(text, kind, s, e));
    }
    out
}

/// The text with every identifier replaced by a placeholder ("[NAME]", "[DATE]"…), and what was replaced.
pub fn scrub(text: &str) -> (String, Vec<PhiHit>) {
    let hits = scan(text);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for h in &hits {
        out.push_str(&text[at..h.start]);
        out.push_str(&h.kind.placeholder());
        at = h.end;
    }
    out.push_str(&text[at..]);
    (out, hits)
}

fn hit(text: &str, kind: PhiKind, start: usize, end: usize) -> PhiHit {
    let before = &text[..start];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
    PhiHit { kind, start, end, text: text[start..end].to_string(), line, column }
}

/// A word: a run of letters, digits and the joiners inside identifiers ('.', '-', '\'', '/', '@' between them).
#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
}

fn tokens(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphanumeric() {
            let s = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || (b"'-".contains(&b[i]) && i + 1 < b.len() && b[i + 1].is_ascii_alphanumeric())) {
                i += 1;
            }
            out.push(Tok { s, e: i });
        } else {
            i += 1;
        }
    }
    out
}

fn word<'a>(text: &'a str, t: &Tok) -> &'a str {
    &text[t.s..t.e]
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn capitalised(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some_and(|f| f.is_ascii_uppercase()) && c.all(|x| x.is_ascii_lowercase() || x == '\'' || x == '-' || x.is_ascii_uppercase())
}

/// E-mail addresses, URLs and IPv4 addresses.
fn emails_urls_ips(text: &str, out: &mut Vec<(PhiKind, usize, usize)>) {
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    let domain = |c: u8| c.is_ascii_alphanumeric() || b".-".contains(&c);
    for (at, _) in text.match_indices('@') {
        let mut s = at;
        while s > 0 && local(b[s - 1]) {
            s -= 1;
        }
        let mut e = at + 1;
        while e < b.len() && domain(b[e]) {
            e += 1;
        }
        while e > at + 1 && b[e - 1] == b'.' {
            e -= 1;
        }
        let dom = &text[at + 1..e];
        if s < at && dom.contains('.') && dom.rsplit('.').next().is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|c| c.is_ascii_alphabetic())) {
            out.push((PhiKind::Email, s, e));
        }
    }
    let lower = text.to_ascii_lowercase();
    for pat in ["http://", "https://", "www."] {
        for (s, _) in lower.match_indices(pat) {
            if pat == "www." && s > 0 && b[s - 1].is_ascii_alphanumeric() {
                continue;
            }
            let mut e = s;
            while e < b.len() && !b[e].is_ascii_whitespace() && !b"<>\"')".contains(&b[e]) {
                e += 1;
            }
            while e > s && b".,;:".contains(&b[e - 1]) {
                e -= 1;
            }
            if e > s + pat.len() {
                out.push((PhiKind::Url, s, e));
            }
        }
    }
    // IPv4: four numbers 0-255 joined by dots, not inside a longer dotted number.
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.')) {
            let s = i;
            let mut parts = 0;
            let mut ok = true;
            loop {
                let ps = i;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                let n: u32 = text[ps..i].parse().unwrap_or(999);
                if i - ps == 0 || i - ps > 3 || n > 255 {
                    ok = false;
                }
                parts += 1;
                if parts < 4 && i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
                    i += 1;
                } else {
                    break;
                }
            }
            let clean_end = i >= b.len() || !(b[i].is_ascii_alphanumeric() || (b[i] == b'.' && i + 1 < b.len() && b[i + 1].is_ascii_digit()));
            if ok && parts == 4 && clean_end {
                out.push((PhiKind::IpAddress, s, i));
            }
        } else {
            i += 1;
        }
    }
}

/// Social Security numbers, phone and fax numbers, ages over 89, ZIP codes after a state.
fn numbers(text: &str, toks: &[Tok], out: &mut Vec<(PhiKind, usize, usize)>) {
    let b = text.as_bytes();
    let lower = text.to_ascii_lowercase();
    // Digit groups separated by '-', '.', ' ', with optional parentheses and a leading +1.
    let mut i = 0;
    while i < b.len() {
        let boundary = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.' || b[i - 1] == b'/');
        if !(boundary && (b[i].is_ascii_digit() || b[i] == b'(' || b[i] == b'+')) {
            i += 1;
            continue;
        }
        let s = i;
        let mut groups: Vec<usize> = Vec::new();
        let mut seps: Vec<u8> = Vec::new();
        let mut j = i;
        if b[j] == b'+' && j + 1 < b.len() && b[j + 1] == b'1' {
            j += 2;
            if j < b.len() && (b[j] == b' ' || b[j] == b'-' || b[j] == b'.') {
                j += 1;
            }
        }
        loop {
            let paren = j < b.len() && b[j] == b'(';
            if paren {
                j += 1;
            }
            let gs = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if j == gs {
                break;
            }
            let len = j - gs;
            if paren {
                if j < b.len() && b[j] == b')' {
                    j += 1;
                } else {
                    break;
                }
            }
            groups.push(len);
            if j + 1 < b.len() && (b[j] == b'-' || b[j] == b'.' || b[j] == b' ') && (b[j + 1].is_ascii_digit() || b[j + 1] == b'(') && groups.len() < 4 {
                seps.push(b[j]);
                j += 1;
                if b[j - 1] == b' ' && j < b.len() && b[j] == b' ' {
                    break;
                }
            } else {
                break;
            }
        }
        let end_ok = j >= b.len() || !(b[j].is_ascii_alphanumeric());
        if end_ok {
            let mut from = s.saturating_sub(24);
            while !lower.is_char_boundary(from) {
                from += 1;
            }
            let ctx = &lower[from..s];
            if groups == [3, 2, 4] && seps.iter().all(|&c| c == b'-' || c == b' ') {
                out.push((PhiKind::Ssn, s, j));
                i = j;
                continue;
            }
            // Ten digits in 3-3-4 groups are a phone number; spaced-out groups and seven digits only after a label.
            let labelled = ["phone", "tel", "fax", "cell", "call", "ext"].iter().any(|w| ctx.contains(w));
            let ten = groups == [3, 3, 4] && (!seps.contains(&b' ') || labelled);
            if ten || (groups == [3, 4] && labelled) {
                let kind = if ctx.contains("fax") { PhiKind::Fax } else { PhiKind::Phone };
                out.push((kind, s, j));
                i = j;
                continue;
            }
            if groups == [9] && (ctx.contains("ssn") || ctx.contains("social security")) {
                out.push((PhiKind::Ssn, s, j));
                i = j;
                continue;
            }
        }
        i = if j > i { j } else { i + 1 };
    }
    // Ages over 89: "92-year-old", "92 year old", "age 95", "aged 91", "93 yo", "93 y/o", "90s".
    for (k, t) in toks.iter().enumerate() {
        let w = word(text, t);
        let (num, rest) = match w.find(|c: char| !c.is_ascii_digit()) {
            Some(p) => (&w[..p], &w[p..]),
            None => (w, ""),
        };
        let Ok(n) = num.parse::<u32>() else { continue };
        if !(90..=130).contains(&n) {
            continue;
        }
        let next = toks.get(k + 1).map(|t| word(text, t).to_ascii_lowercase()).unwrap_or_default();
        let prev = k.checked_sub(1).map(|p| word(text, &toks[p]).to_ascii_lowercase()).unwrap_or_default();
        let restl = rest.to_ascii_lowercase();
        let is_age = restl.starts_with("-year") || restl == "yo" || restl == "-yo" || restl == "y" && next == "o"
            || (rest.is_empty() && (next == "year" || next == "years" || next == "yo" || (next == "y" && toks.get(k + 2).is_some_and(|t| word(text, t) == "o"))) && toks.get(k + 2).map(|t| word(text, t).to_ascii_lowercase()).is_none_or(|w| w != "ago") && !(next.starts_with("year") && toks.get(k + 2).is_some_and(|t| word(text, t).eq_ignore_ascii_case("history"))))
            || (rest.is_empty() && (prev == "age" || prev == "aged"));
        if is_age {
            out.push((PhiKind::Age, t.s, t.e));
        }
    }
    // ZIP codes: five digits (or ZIP+4) after a state abbreviation, or after the word ZIP.
    const STATES: &str = "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC";
    for (k, t) in toks.iter().enumerate() {
        let w = word(text, t);
        let is_zip_shape = (w.len() == 5 && is_digits(w)) || (w.len() == 10 && is_digits(&w[..5]) && &w[5..6] == "-" && is_digits(&w[6..]));
        if !is_zip_shape || k == 0 {
            continue;
        }
        let prev = word(text, &toks[k - 1]);
        if (prev.len() == 2 && STATES.split(' ').any(|s| s == prev)) || prev.eq_ignore_ascii_case("zip") || prev.eq_ignore_ascii_case("zipcode") {
            out.push((PhiKind::Zip, t.s, t.e));
        }
    }
}

const MONTHS: [&str; 12] = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

fn month(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    let l = l.trim_end_matches('.');
    l.len() >= 3 && MONTHS.iter().any(|m| *m == l || (m.starts_with(l) && (l.len() == 3 || (l == "sept"))))
}

/// Dates more specific than a year: 03/14/2025, 3-14-25, 2025-03-14, March 14, 2025, 14 Mar 2025, 14-Mar-2025,
/// March 2025, Mar 14.
fn dates(text: &str, toks: &[Tok], out: &mut Vec<(PhiKind, usize, usize)>) {
    let b = text.as_bytes();
    // Numeric: a/b/c or a-b-c with a year part.
    let mut i = 0;
    while i < b.len() {
        if !(b[i].is_ascii_digit() && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b"/.-".contains(&b[i - 1])))) {
            i += 1;
            continue;
        }
        let s = i;
        let mut parts: Vec<&str> = Vec::new();
        let mut sep = 0u8;
        let mut j = i;
        loop {
            let ps = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            parts.push(&text[ps..j]);
            if parts.len() < 3 && j + 1 < b.len() && (b[j] == b'/' || b[j] == b'-' || b[j] == b'.') && b[j + 1].is_ascii_digit() && (sep == 0 || sep == b[j]) {
                sep = b[j];
                j += 1;
            } else {
                break;
            }
        }
        let end_ok = j >= b.len() || !b[j].is_ascii_alphanumeric();
        if parts.len() == 3 && end_ok {
            let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
            let valid_md = |m: u32, d: u32| (1..=12).contains(&m) && (1..=31).contains(&d);
            let us = valid_md(n[0], n[1]) && (parts[2].len() == 2 || parts[2].len() == 4);
            let iso = parts[0].len() == 4 && valid_md(n[1], n[2]) && (1900..=2100).contains(&n[0]);
            let eu = valid_md(n[1], n[0]) && parts[2].len() == 4;
            if us || iso || eu {
                out.push((PhiKind::Date, s, j));
            }
        }
        i = j.max(i + 1);
    }
    // With a month name.
    for (k, t) in toks.iter().enumerate() {
        let w = word(text, t);
        // "14-Mar-2025"
        let pieces: Vec<&str> = w.split('-').collect();
        if pieces.len() == 3 && is_digits(pieces[0]) && month(pieces[1]) && is_digits(pieces[2]) {
            out.push((PhiKind::Date, t.s, t.e));
            continue;
        }
        if !month(w) || !w.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
            continue;
        }
        let day_or_year = |t: &Tok| {
            let x = word(text, t).trim_end_matches(|c: char| c.is_ascii_alphabetic());
            is_digits(x) && (x.len() <= 2 && (1..=31).contains(&x.parse::<u32>().unwrap_or(0)) || x.len() == 4)
        };
        let mut s = t.s;
        let mut e = t.e;
        let mut found = false;
        if let Some(n1) = toks.get(k + 1) {
            if day_or_year(n1) && text[t.e..n1.s].trim_matches(|c: char| c == ' ' || c == '.' || c == ',').is_empty() {
                e = n1.e;
                found = true;
                if let Some(n2) = toks.get(k + 2) {
                    let w2 = word(text, n2);
                    if w2.len() == 4 && is_digits(w2) && text[n1.e..n2.s].trim_matches(|c: char| c == ' ' || c == ',').is_empty() {
                        e = n2.e;
                    }
                }
            }
        }
        if k > 0 {
            let p = &toks[k - 1];
            let pw = word(text, p).trim_end_matches(|c: char| c.is_ascii_alphabetic());
            if is_digits(pw) && pw.len() <= 2 && (1..=31).contains(&pw.parse::<u32>().unwrap_or(0)) && text[p.e..t.s].trim().is_empty() {
                s = p.s;
                found = true;
            }
        }
        if found {
            // A month with only a year is still more than a year ("March 2025"); a bare year is fine.
            out.push((PhiKind::Date, s, e));
        }
    }
}

/// Identifiers behind a label: "MRN: 00482913", "Acct # 7731-22", "Member ID XJH448201".
fn labelled(text: &str, toks: &[Tok], out: &mut Vec<(PhiKind, usize, usize)>) {
    const LABELS: &[(&[&str], PhiKind)] = &[
        (&["mrn"], PhiKind::MedicalRecordNumber),
        (&["medical", "record"], PhiKind::MedicalRecordNumber),
        (&["record", "number"], PhiKind::MedicalRecordNumber),
        (&["chart", "number"], PhiKind::MedicalRecordNumber),
        (&["account"], PhiKind::Account),
        (&["acct"], PhiKind::Account),
        (&["member", "id"], PhiKind::HealthPlan),
        (&["member"], PhiKind::HealthPlan),
        (&["policy"], PhiKind::HealthPlan),
        (&["subscriber"], PhiKind::HealthPlan),
        (&["health", "plan"], PhiKind::HealthPlan),
        (&["beneficiary"], PhiKind::HealthPlan),
        (&["medicare"], PhiKind::HealthPlan),
        (&["medicaid"], PhiKind::HealthPlan),
        (&["insurance", "id"], PhiKind::HealthPlan),
        (&["license"], PhiKind::Licence),
        (&["licence"], PhiKind::Licence),
        (&["dea"], PhiKind::Licence),
        (&["npi"], PhiKind::Licence),
        (&["vin"], PhiKind::Vehicle),
        (&["plate"], PhiKind::Vehicle),
        (&["serial"], PhiKind::Device),
        (&["device", "id"], PhiKind::Device),
        (&["patient", "id"], PhiKind::OtherUniqueId),
        (&["id"], PhiKind::OtherUniqueId),
        (&["ssn"], PhiKind::Ssn),
    ];
    let lw: Vec<String> = toks.iter().map(|t| word(text, t).to_ascii_lowercase()).collect();
    for k in 0..toks.len() {
        for (label, kind) in LABELS {
            if k + label.len() > lw.len() || !label.iter().enumerate().all(|(o, l)| lw[k + o] == *l) {
                continue;
            }
            // Skip filler words ("number", "no", "#", "plate") up to the value.
            let mut v = k + label.len();
            while v < lw.len() && ["number", "no", "num", "nbr", "id", "plate", "is", "of", "code"].contains(&lw[v].as_str()) && v < k + label.len() + 2 {
                v += 1;
            }
            let Some(val) = toks.get(v) else { continue };
            let gap = &text[toks[v - 1].e..val.s];
            if gap.len() > 4 || gap.contains('\n') {
                continue;
            }
            let vw = word(text, val);
            let digits = vw.bytes().filter(u8::is_ascii_digit).count();
            if digits >= 4 || (digits >= 2 && vw.len() >= 6 && vw.bytes().any(|c| c.is_ascii_alphabetic())) {
                let mut e = val.e;
                // "7731-22 45" style continuations.
                let mut n = v + 1;
                while n < toks.len() && text[toks[n - 1].e..toks[n].s] == *"-" {
                    e = toks[n].e;
                    n += 1;
                }
                out.push((*kind, val.s, e));
            }
        }
    }
}

/// Words that are capitalised in clinical text but are not names.
const NOT_NAMES: &[&str] = &[
    "The", "Patient", "Pt", "Hospital", "Day", "Emergency", "Department", "Internal", "Medicine", "Clinic", "History", "Physical", "Surgery", "Unit", "Floor", "Service", "Team",
    "Attending", "Physician", "Resident", "Nurse", "Provider", "Primary", "Care", "Cardiology", "Orthopedics", "Nephrology", "Oncology", "Radiology", "Pathology", "Medical", "Center", "Note",
];

/// Names: after an honorific (Mr., Dr.), after a label (Patient:, Name:, PCP:, signed by), before a credential (, MD).
fn names(text: &str, toks: &[Tok], out: &mut Vec<(PhiKind, usize, usize)>) {
    let b = text.as_bytes();
    let name_word = |t: &Tok| {
        let w = word(text, t);
        (capitalised(w) && !NOT_NAMES.contains(&w) && w.len() >= 2) || (w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase() && b.get(t.e) == Some(&b'.'))
    };
    // A run of name words starting at k (initials with their dot), at most four, on one line.
    let run = |k: usize| -> Option<(usize, usize)> {
        let mut n = k;
        while n < toks.len() && n < k + 4 && name_word(&toks[n]) && (n == k || !text[toks[n - 1].e..toks[n].s].contains('\n')) && (n == k || text[toks[n - 1].e..toks[n].s].trim_matches('.').trim().is_empty()) {
            n += 1;
        }
        (n > k).then(|| (toks[k].s, toks[n - 1].e + usize::from(b.get(toks[n - 1].e) == Some(&b'.') && toks[n - 1].e - toks[n - 1].s == 1)))
    };
    const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"];
    const LABELS: &[&[&str]] = &[&["patient"], &["pt"], &["name"], &["patient", "name"], &["pt", "name"], &["attending"], &["pcp"], &["provider"], &["surgeon"], &["assistant"], &["anesthesiologist"], &["referred", "by"], &["referring", "physician"], &["signed", "by"], &["dictated", "by"], &["transcribed", "by"], &["cc"], &["mother"], &["father"], &["spouse"], &["wife"], &["husband"], &["daughter"], &["son"], &["emergency", "contact"], &["contact"]];
    const CREDENTIALS: &[&str] = &["MD", "DO", "RN", "NP", "PA", "PA-C", "CNA", "LPN", "PhD", "DDS", "CRNA", "APRN", "FNP", "PharmD", "MSW", "LCSW"];
    let lw: Vec<String> = toks.iter().map(|t| word(text, t).to_ascii_lowercase()).collect();
    for (k, t) in toks.iter().enumerate() {
        let w = word(text, t);
        if HONORIFICS.contains(&w) && toks.get(k + 1).is_some() && text[t.e..toks[k + 1].s].trim_start_matches('.').trim().is_empty() {
            if let Some((_, e)) = run(k + 1) {
                out.push((PhiKind::Name, t.s, e));
                continue;
            }
        }
        for label in LABELS {
            if k + label.len() >= toks.len() || !label.iter().enumerate().all(|(o, l)| lw[k + o] == *l) {
                continue;
            }
            let v = k + label.len();
            let gap = &text[toks[v - 1].e..toks[v].s];
            // A name straight after "patient" or a relative with no colon: "Patient Mary Jones, phone …", "her son
            // Kevin Jones who …". Two words at least; after "patient" the words must end at a comma, a parenthesis
            // or the line's end (so "Patient Education Materials" alone is not taken).
            let bare = label.len() == 1 && !gap.contains(':') && !gap.contains('\n') && gap.trim().is_empty();
            let patient = bare && (label[0] == "patient" || label[0] == "pt");
            let relative = bare && ["mother", "father", "spouse", "wife", "husband", "daughter", "son"].contains(&label[0]);
            if patient || relative {
                if let Some((s, e)) = run(v) {
                    let after = text[e..].trim_start_matches(' ');
                    let ends = after.is_empty() || after.starts_with([',', '(', '\n']);
                    if text[s..e].split_whitespace().count() >= 2 && (relative || ends) {
                        out.push((PhiKind::Name, s, e));
                    }
                }
                continue;
            }
            if gap.contains('\n') || gap.trim().len() > 1 || (label.len() == 1 && !gap.contains(':')) && !["by"].contains(&label[label.len() - 1]) {
                continue;
            }
            if let Some((s, e)) = run(v) {
                // One capitalised word after "Patient:" may be a sentence ("Patient: Alert"): require two words or an initial.
                let words = text[s..e].split_whitespace().count();
                if words >= 2 {
                    out.push((PhiKind::Name, s, e));
                }
            }
        }
        // "Jane Roe, MD" / "John Q. Public RN"
        if CREDENTIALS.contains(&w) && k >= 2 {
            let gap = &text[toks[k - 1].e..t.s];
            if gap.trim_matches(|c: char| c == ',' || c == ' ').is_empty() && !gap.contains('\n') {
                let mut s = k;
                while s > 0 && s > k.saturating_sub(4) && name_word(&toks[s - 1]) && !text[toks[s - 1].e..toks[s].s].contains('\n') {
                    s -= 1;
                }
                if k - s >= 2 {
                    out.push((PhiKind::Name, toks[s].s, toks[k - 1].e));
                }
            }
        }
    }
}

/// Street addresses ("1420 Maple Avenue", "PO Box 118") and "City, ST" before a ZIP code.
fn addresses(text: &str, toks: &[Tok], out: &mut Vec<(PhiKind, usize, usize)>) {
    const SUFFIXES: &[&str] = &["Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Lane", "Ln", "Drive", "Dr", "Court", "Ct", "Way", "Place", "Pl", "Terrace", "Circle", "Parkway", "Pkwy", "Highway", "Hwy", "Trail", "Apt", "Suite"];
    for (k, t) in toks.iter().enumerate() {
        let w = word(text, t);
        if is_digits(w) && (1..=6).contains(&w.len()) {
            let mut n = k + 1;
            while n < toks.len() && n <= k + 4 && capitalised(word(text, &toks[n])) && !text[toks[n - 1].e..toks[n].s].contains('\n') {
                if SUFFIXES.contains(&word(text, &toks[n])) && n > k + 1 {
                    out.push((PhiKind::Address, t.s, toks[n].e));
                    break;
                }
                n += 1;
            }
        }
        if w.eq_ignore_ascii_case("po") && toks.get(k + 1).is_some_and(|x| word(text, x).eq_ignore_ascii_case("box")) && toks.get(k + 2).is_some_and(|x| is_digits(word(text, x))) {
            out.push((PhiKind::Address, t.s, toks[k + 2].e));
        }
    }
    // "Springfield, IL 62704": the city before a state and ZIP.
    for k in 1..toks.len().saturating_sub(1) {
        let st = word(text, &toks[k]);
        let z = word(text, &toks[k + 1]);
        if st.len() == 2 && st.bytes().all(|c| c.is_ascii_uppercase()) && z.len() >= 5 && is_digits(&z[..5]) && text[toks[k - 1].e..toks[k].s].trim() == "," {
            let mut s = k - 1;
            while s > 0 && s > k.saturating_sub(3) && capitalised(word(text, &toks[s - 1])) && !text[toks[s - 1].e..toks[s].s].contains('\n') && text[toks[s - 1].e..toks[s].s].trim().is_empty() {
                s -= 1;
            }
            if capitalised(word(text, &toks[k - 1])) {
                out.push((PhiKind::Address, toks[s].s, toks[k].e));
            }
        }
    }
}

/// Biometric identifiers and full-face photographs, by the words that name them.
fn keywords(text: &str, out: &mut Vec<(PhiKind, usize, usize)>) {
    let lower = text.to_ascii_lowercase();
    for (kw, kind) in [
        ("fingerprint", PhiKind::Biometric),
        ("voiceprint", PhiKind::Biometric),
        ("voice print", PhiKind::Biometric),
        ("retinal scan", PhiKind::Biometric),
        ("iris scan", PhiKind::Biometric),
        ("full-face photo", PhiKind::Photo),
        ("full face photo", PhiKind::Photo),
        ("photo attached", PhiKind::Photo),
        ("photograph attached", PhiKind::Photo),
        ("patient photo", PhiKind::Photo),
    ] {
        for (s, _) in lower.match_indices(kw) {
            out.push((kind, s, s + kw.len()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    const PLANTED: &str = include_str!("../tests/phi/planted.txt");
    const EXPECTED: &str = include_str!("../tests/phi/planted.expected");
    const CLEAN: &str = include_str!("../tests/phi/clean.txt");

    fn kind_named(n: &str) -> PhiKind {
        use PhiKind::*;
        [Name, Address, Zip, Date, Age, Phone, Fax, Email, Ssn, MedicalRecordNumber, HealthPlan, Account, Licence, Vehicle, Device, Url, IpAddress, Biometric, Photo, OtherUniqueId]
            .into_iter()
            .find(|k| k.name() == n)
            .unwrap_or_else(|| panic!("unknown kind {n}"))
    }

    #[test]
    fn every_planted_identifier_is_found_with_its_kind() {
        let hits = scan(PLANTED);
        let mut missed = Vec::new();
        let mut per_kind: BTreeMap<&str, usize> = BTreeMap::new();
        let mut expected_spans = Vec::new();
        for line in EXPECTED.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let (k, t) = line.split_once('\t').expect("kind<TAB>text");
            let kind = kind_named(k);
            *per_kind.entry(kind.name()).or_default() += 1;
            let at = PLANTED.find(t).unwrap_or_else(|| panic!("planted text not in corpus: {t}"));
            expected_spans.push((at, at + t.len()));
            if !hits.iter().any(|h| h.kind == kind && h.start <= at && h.end >= at + t.len()) {
                missed.push(format!("{k}: {t}"));
            }
        }
        assert!(per_kind.len() >= 20, "every kind is planted: {per_kind:?}");
        assert!(missed.is_empty(), "missed {} of {}: {missed:#?}", missed.len(), expected_spans.len());
        let extra: Vec<String> = hits.iter().filter(|h| !expected_spans.iter().any(|(s, e)| h.start < *e && *s < h.end)).map(|h| h.to_string()).collect();
        assert!(extra.is_empty(), "false positives on the planted corpus: {extra:#?}");
    }

    #[test]
    fn clinical_text_without_identifiers_passes_clean() {
        let hits: Vec<String> = scan(CLEAN).iter().map(|h| h.to_string()).collect();
        assert!(hits.is_empty(), "{hits:#?}");
    }

    #[test]
    fn scrubbing_replaces_every_identifier_and_keeps_the_rest() {
        let (out, hits) = scrub(PLANTED);
        assert!(!hits.is_empty());
        assert!(scan(&out).is_empty(), "{:#?}", scan(&out));
        assert!(out.contains("[NAME]") && out.contains("[DATE]") && out.contains("[PHONE]"));
        assert!(out.contains("admitted on [DATE] with dyspnea"), "clinical words stay: {out}");
    }

    #[test]
    fn a_hit_says_where_it_is() {
        let h = &scan("Seen today.\nCall 555-867-5309 with results.")[0];
        assert_eq!((h.kind, h.line, h.column), (PhiKind::Phone, 2, 6));
        assert_eq!(h.to_string(), "line 2, column 6: a phone number '555-867-5309'");
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_scanned_without_a_panic_and_hits_are_in_order(s in "\\PC{0,300}") {
            let hits = scan(&s);
            let mut last = 0;
            for h in &hits {
                proptest::prop_assert!(h.start >= last && h.end > h.start && h.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(h.start) && s.is_char_boundary(h.end));
                last = h.end;
            }
            let _ = scrub(&s);
        }
    }
}
