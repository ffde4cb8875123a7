//! The case list and the coder workstation: the record in tabs, the code-book panel, the coding form with a
//! rationale per code, live checks, the timer, drafts saved as the learner types, and submit. The page works as a
//! plain form; `workstation.js` adds search-as-you-type, reordering, evidence picked by selecting words, live checks
//! and autosave.

use crate::auth::{self, Signed};
use crate::coding::{self, Fields};
use crate::error::{Api, AppError, Failure};
use crate::html::{self, page, see_other};
use crate::State;
use audit::dispute::AuditRecord;
use audit::Submission;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State as S};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use cases::model::{Case, Setting, Track};
use maud::{html, Markup};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;
use store::Role;

/// A JSON body that did not parse: 400 (or 413 when too large) with serde's words.
pub fn json_rejection(r: JsonRejection) -> AppError {
    if r.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        return AppError::TooLarge(crate::BODY_LIMIT / 1024);
    }
    AppError::bad("body", format!("the body is not the JSON expected: {}", r.body_text()))
}

fn setting_label(s: Setting) -> &'static str {
    match s {
        Setting::Inpatient => "Inpatient",
        Setting::OutpatientHospital => "Outpatient hospital",
        Setting::EmergencyDepartment => "Emergency department",
        Setting::AmbulatorySurgery => "Ambulatory surgery",
        Setting::PhysicianOffice => "Physician office",
        Setting::Snf => "Skilled nursing facility",
        Setting::HomeHealth => "Home health",
        Setting::Anesthesia => "Anesthesia",
        Setting::RiskAdjustmentReview => "Risk adjustment review",
    }
}

#[derive(Deserialize)]
pub struct ListQuery {
    track: Option<String>,
    level: Option<String>,
    /// Words of the title or the case id.
    q: Option<String>,
    /// "new" (not yet submitted), "draft", "submitted".
    status: Option<String>,
    page: Option<usize>,
}

/// Cases per page of the list.
const PAGE: usize = 50;

pub async fn case_list(S(state): S<Arc<State>>, signed: Signed, Query(q): Query<ListQuery>) -> Result<Response, Failure> {
    let user = signed.user();
    let mine = state.store.submissions_of(user.id).await?;
    let done: HashSet<&str> = mine.iter().map(|s| s.case_id.as_str()).collect();
    let drafts: HashSet<String> = state.store.drafts_of(user.id).await?.into_iter().collect();
    let assignments = if user.role == Role::Learner { state.store.assignments_of_learner(user.id).await? } else { vec![] };
    let track = q.track.as_deref().and_then(Track::parse);
    let level = q.level.as_deref().filter(|l| !l.is_empty());
    let words: Vec<String> = q.q.as_deref().unwrap_or("").split_whitespace().map(str::to_lowercase).collect();
    let status = |id: &str| if done.contains(id) { "submitted" } else if drafts.contains(id) { "draft saved" } else { "" };
    let wanted = q.status.as_deref().filter(|s| !s.is_empty());
    let cases: Vec<&Case> = state
        .engines
        .cases
        .iter()
        .filter(|c| track.is_none_or(|t| c.tracks.contains(&t)))
        .filter(|c| level.is_none_or(|l| format!("{:?}", c.difficulty).eq_ignore_ascii_case(l)))
        .filter(|c| {
            let hay = format!("{} {}", c.id, c.title).to_lowercase();
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .filter(|c| match wanted {
            Some("new") => status(&c.id).is_empty(),
            Some("draft") => status(&c.id) == "draft saved",
            Some("submitted") => status(&c.id) == "submitted",
            _ => true,
        })
        .collect();
    let pages = cases.len().div_ceil(PAGE).max(1);
    let page_no = q.page.unwrap_or(1).clamp(1, pages);
    let shown = &cases[(page_no - 1) * PAGE..(page_no * PAGE).min(cases.len())];
    let link = |p: usize| {
        let mut ser = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [("track", q.track.as_deref()), ("level", level), ("q", q.q.as_deref()), ("status", wanted)] {
            if let Some(v) = v.filter(|v| !v.is_empty()) {
                ser.append_pair(k, v);
            }
        }
        ser.append_pair("page", &p.to_string());
        format!("/cases?{}", ser.finish())
    };
    let body = html! {
        h1 { "Cases" }
        @if !assignments.is_empty() {
            section aria-labelledby="assigned" {
                h2 #assigned { "Assigned to you" }
                ul {
                    @for a in &assignments {
                        li {
                            strong { (a.title) } @if let Some(d) = a.due_at { " · due " (html::when(d)) } ": "
                            @for (i, id) in a.case_ids.iter().enumerate() {
                                @if i > 0 { ", " }
                                a href=(format!("/cases/{id}")) { (id) } @if !status(id).is_empty() { " (" (status(id)) ")" }
                            }
                        }
                    }
                }
            }
        }
        form.inline method="get" action="/cases" role="search" aria-label="Find cases" {
            label for="q" { "Words or id" }
            input #q name="q" type="search" value=(q.q.as_deref().unwrap_or(""));
            label for="track" { "Track" }
            select #track name="track" {
                option value="" { "All tracks" }
                @for t in Track::ALL { option value=(t.name()) selected[track == Some(t)] { (t.name()) } }
            }
            label for="level" { "Level" }
            select #level name="level" {
                @for (v, l) in [("", "All levels"), ("foundation", "Foundation"), ("intermediate", "Intermediate"), ("advanced", "Advanced")] {
                    option value=(v) selected[level.unwrap_or("") == v] { (l) }
                }
            }
            label for="status" { "Status" }
            select #status name="status" {
                @for (v, l) in [("", "Any"), ("new", "Not yet coded"), ("draft", "Draft saved"), ("submitted", "Submitted")] {
                    option value=(v) selected[wanted.unwrap_or("") == v] { (l) }
                }
            }
            button type="submit" { "Show" }
        }
        p { (cases.len()) " cases" @if pages > 1 { ", page " (page_no) " of " (pages) } "." }
        table.cases {
            thead { tr { th scope="col" { "Case" } th scope="col" { "Record" } th scope="col" { "Setting" } th scope="col" { "Level" } th scope="col" { "Status" } } }
            tbody {
                @for c in shown {
                    tr {
                        td { a href=(format!("/cases/{}", c.id)) { (c.id) } }
                        td { (c.title) @if user.role != Role::Learner { " " a.gold-link href=(format!("/cases/{}/gold", c.id)) { "gold" } } }
                        td { (setting_label(c.encounter.setting)) }
                        td { (format!("{:?}", c.difficulty).to_lowercase()) }
                        td { (status(&c.id)) }
                    }
                }
            }
        }
        @if pages > 1 {
            nav.pages aria-label="Pages" {
                @if page_no > 1 { a href=(link(page_no - 1)) rel="prev" { "← Previous" } " " }
                @for p in 1..=pages { @if p == page_no { strong aria-current="page" { (p) } " " } @else { a href=(link(p)) { (p) } " " } }
                @if page_no < pages { a href=(link(page_no + 1)) rel="next" { "Next →" } }
            }
        }
    };
    Ok(page("Cases", Some(&signed.0), body).into_response())
}

/// `GET /cases/{id}/gold`: an instructor's or administrator's view of a case's record with its gold coding and
/// rationale, to prepare a class or answer a dispute. A learner gets "not found": the gold is theirs to see only in
/// the feedback of their own submission.
pub async fn gold(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<String>) -> Result<Response, Failure> {
    if signed.user().role == Role::Learner {
        return Err(AppError::NotFound.into());
    }
    let case = state.case(&id).ok_or(AppError::NotFound)?;
    let body = html! {
        h1 { (case.id) ": " (case.title) " " small { "(gold coding)" } }
        p { a href=(format!("/cases/{}", case.id)) { "Open it in the workstation" } }
        (crate::feedback::gold_section(case))
        section aria-labelledby="record" {
            h2 #record { "The record" }
            @for d in &case.documents { article.document { h3 { (d.title) } pre.text { (d.text) } } }
        }
    };
    Ok(page(&format!("{} gold", case.id), Some(&signed.0), body).into_response())
}

/// Which parts of the coding form a case's setting and tracks call for.
struct Parts {
    poa: bool,
    procedures: bool,
    services: bool,
    em: bool,
    anesthesia: bool,
    hcc: bool,
}

fn parts(case: &Case) -> Parts {
    let s = case.encounter.setting;
    let inpatient = s.is_inpatient();
    Parts {
        poa: inpatient,
        procedures: inpatient,
        services: !inpatient && s != Setting::RiskAdjustmentReview,
        em: matches!(s, Setting::EmergencyDepartment | Setting::PhysicianOffice | Setting::OutpatientHospital | Setting::Snf | Setting::HomeHealth) || case.tracks.contains(&Track::EmAuditing),
        anesthesia: s == Setting::Anesthesia || case.tracks.contains(&Track::Anesthesia),
        hcc: s == Setting::RiskAdjustmentReview || case.tracks.contains(&Track::HccRiskAdjustment),
    }
}

pub async fn workstation(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<String>) -> Result<Response, Failure> {
    let case = state.case(&id).ok_or(AppError::NotFound)?;
    if case.id != id {
        return Ok(see_other(&format!("/cases/{}", case.id)));
    }
    let draft = state.store.draft(signed.user().id, &case.id).await?;
    let (fields, seconds) = match &draft {
        Some(d) => (coding::parse(&d.body), d.seconds_spent),
        None => (vec![], 0),
    };
    Ok(workstation_page(&signed, case, &fields, seconds, None).into_response())
}

fn workstation_page(signed: &Signed, case: &Case, fields: &Fields, seconds: i64, error: Option<&AppError>) -> axum::response::Html<String> {
    let p = parts(case);
    let e = &case.encounter;
    let request_id = coding::get(fields, "request_id").filter(|r| r.len() >= 16).map(String::from).unwrap_or_else(auth::token);
    let body = html! {
        div.workstation data-case=(case.id) {
            header.case-head {
                h1 { (case.id) ": " (case.title) }
                p.encounter {
                    (setting_label(e.setting)) " · age " (e.age) " · sex " (format!("{:?}", e.sex).to_lowercase())
                    @if let Some(los) = e.length_of_stay { " · length of stay " (los) " days" }
                    @if let Some(d) = e.discharge_status { " · discharge status " (format!("{d:02}")) }
                }
                p.status {
                    span #timer aria-live="off" data-seconds=(seconds) { "Time on this record: " (html::duration(seconds)) }
                    " · " span #saved aria-live="polite" { @if seconds > 0 { "Draft restored" } @else { "Not saved yet" } }
                }
            }
            div.panes {
                section.record aria-label="The record" {
                    // Kept in view while the document scrolls: the evidence button is needed where the words are.
                    div.record-tools {
                        div.find { label for="find" { "Find in the record" } input #find type="search" autocomplete="off"; span #find-count aria-live="polite" {} }
                        div.evidence-tool {
                            button #use-evidence type="button" disabled aria-describedby="evidence-hint" { "Use as evidence" }
                            span.hint #evidence-hint { "Select words in a document, then press “Use as evidence” to cite them for the code you are on." }
                        }
                        div.tabs role="tablist" aria-label="Documents" {
                            @for (i, d) in case.documents.iter().enumerate() {
                                button role="tab" id=(format!("tab-{}", d.id)) aria-controls=(format!("doc-{}", d.id)) aria-selected=(if i == 0 { "true" } else { "false" }) tabindex=(if i == 0 { "0" } else { "-1" }) { (d.title) }
                            }
                        }
                    }
                    @for d in &case.documents {
                        article.document role="tabpanel" id=(format!("doc-{}", d.id)) aria-labelledby=(format!("tab-{}", d.id)) data-doc=(d.id) tabindex="0" {
                            h2 { (d.title) @if let Some(day) = d.day { small { " · day " (day) } } }
                            pre.text { (d.text) }
                        }
                    }
                }
                section.coding aria-label="Coding" {
                    (codebook_panel())
                    (html::form_error(error))
                    form #coding method="post" action=(format!("/cases/{}/submit", case.id)) {
                        (html::csrf(&signed.0))
                        input type="hidden" name="request_id" value=(request_id);
                        input #seconds type="hidden" name="seconds" value=(seconds);
                        div #checks aria-live="polite" {}
                        (group(fields, "dx", if p.poa { "Diagnoses (principal first)" } else { "Diagnoses (first-listed first)" }, if p.poa { 8 } else { 5 }, &|n, row| diagnosis_row(n, row, p.poa)))
                        @if p.procedures { (group(fields, "px", "Procedures (ICD-10-PCS)", 3, &|n, row| code_row("px", n, row, "ICD-10-PCS code"))) }
                        @if p.services { (group(fields, "svc", "Services (CPT / HCPCS)", 4, &service_row)) }
                        @if p.em { (em_part(fields)) }
                        @if p.anesthesia { (anesthesia_part(fields)) }
                        @if p.hcc { (group(fields, "hcc", "HCCs (CMS-HCC V28) with MEAT evidence", 3, &hcc_row)) }
                        (group(fields, "q", "Queries to the provider (when the record does not support a code)", 1, &query_row))
                        div.actions {
                            button #submit type="submit" { "Submit for audit" }
                            span.hint { "Submitting shows the audit and the gold coding. Your draft is kept until you submit." }
                        }
                    }
                }
            }
        }
        script src="/assets/workstation.js" defer {}
    };
    page(&format!("{} workstation", case.id), Some(&signed.0), body)
}

fn codebook_panel() -> Markup {
    html! {
        details.codebook open {
            summary { "Code book" }
            div role="search" {
                label for="cb-q" { "Search ICD-10-CM, ICD-10-PCS, HCPCS (title words, abbreviations, a code)" }
                input #cb-q type="search" autocomplete="off" placeholder="e.g. sepsis pneumonia, lap appy, E11.22";
                ul #cb-results aria-live="polite" {}
                div #cb-detail aria-live="polite" {}
                label for="cb-pcs" { "Browse a PCS table (first 3 characters, e.g. 0DT)" }
                input #cb-pcs autocomplete="off" maxlength="7";
                div #cb-table {}
            }
        }
    }
}

/// A repeated group: its rows from the draft, and blank rows to fill (at least `blank_min` rows in all).
fn group(fields: &Fields, name: &str, legend: &str, blank_min: usize, row: &dyn Fn(usize, &BTreeMap<String, String>) -> Markup) -> Markup {
    let mut rows = coding::rows(fields, name);
    // Blank rows at the end of a draft are the form's spare rows: they are drawn again below, not kept as rows, or
    // each reload of the page would add one more.
    while rows.last().is_some_and(|r| r.values().all(|v| v.trim().is_empty())) {
        rows.pop();
    }
    let total = rows.len().max(blank_min).max(rows.len() + 1);
    let empty = BTreeMap::new();
    html! {
        fieldset.group data-group=(name) {
            legend { (legend) }
            ol.rows {
                @for n in 0..total { (row(n, rows.get(n).unwrap_or(&empty))) }
            }
            button.add type="button" data-add=(name) { "Add a row" }
        }
    }
}

fn v<'a>(row: &'a BTreeMap<String, String>, k: &str) -> &'a str {
    row.get(k).map(String::as_str).unwrap_or("")
}

/// The rationale of a row: why, the rule, the evidence picked from the record.
fn rationale(prefix: &str, n: usize, row: &BTreeMap<String, String>) -> Markup {
    let id = format!("{prefix}-{n}");
    html! {
        details.rationale open[!v(row, "why").is_empty()] {
            summary { "Rationale" }
            label for=(format!("{id}-why")) { "Why this code (the documentation and the rule)" }
            textarea id=(format!("{id}-why")) name=(format!("{prefix}.{n}.why")) rows="2" { (v(row, "why")) }
            label for=(format!("{id}-rule")) { "Rule cited (e.g. OCG I.C.1.d; several with ;)" }
            input id=(format!("{id}-rule")) name=(format!("{prefix}.{n}.rule")) value=(v(row, "rule"));
            input.evidence type="hidden" name=(format!("{prefix}.{n}.evidence")) value=(v(row, "evidence"));
            ul.evidence-list aria-label="Evidence" {}
        }
    }
}

/// The row's buttons, named with the row's number for a screen reader ("Move row 2 up"); the script renames them when
/// rows move.
fn row_tools(n: usize) -> Markup {
    html! {
        span.tools {
            button.up type="button" aria-label=(format!("Move row {} up", n + 1)) { "↑" }
            button.down type="button" aria-label=(format!("Move row {} down", n + 1)) { "↓" }
            button.remove type="button" aria-label=(format!("Remove row {}", n + 1)) { "✕" }
        }
    }
}

fn diagnosis_row(n: usize, row: &BTreeMap<String, String>, poa: bool) -> Markup {
    let id = format!("dx-{n}");
    html! {
        li.row data-row=(n) {
            div.line {
                label for=(format!("{id}-code")) { "Diagnosis " span.n { (n + 1) } }
                input.code id=(format!("{id}-code")) name=(format!("dx.{n}.code")) value=(v(row, "code")) autocomplete="off" spellcheck="false" size="9";
                @if poa {
                    label for=(format!("{id}-poa")) { "POA" span.sr-only { " of diagnosis " span.n { (n + 1) } } }
                    select id=(format!("{id}-poa")) name=(format!("dx.{n}.poa")) {
                        @for (val, label) in [("", "—"), ("Y", "Y"), ("N", "N"), ("U", "U"), ("W", "W"), ("1", "exempt")] {
                            option value=(val) selected[v(row, "poa") == val] { (label) }
                        }
                    }
                }
                (row_tools(n))
                span.check role="status" {}
            }
            (rationale("dx", n, row))
        }
    }
}

fn code_row(prefix: &str, n: usize, row: &BTreeMap<String, String>, label: &str) -> Markup {
    let id = format!("{prefix}-{n}");
    html! {
        li.row data-row=(n) {
            div.line {
                label for=(format!("{id}-code")) { (label) " " span.n { (n + 1) } }
                input.code id=(format!("{id}-code")) name=(format!("{prefix}.{n}.code")) value=(v(row, "code")) autocomplete="off" spellcheck="false" size="9";
                (row_tools(n))
                span.check role="status" {}
            }
            (rationale(prefix, n, row))
        }
    }
}

fn service_row(n: usize, row: &BTreeMap<String, String>) -> Markup {
    let id = format!("svc-{n}");
    html! {
        li.row data-row=(n) {
            div.line {
                label for=(format!("{id}-code")) { "Code " span.n { (n + 1) } }
                input.code id=(format!("{id}-code")) name=(format!("svc.{n}.code")) value=(v(row, "code")) autocomplete="off" spellcheck="false" size="7";
                label for=(format!("{id}-mods")) { "Modifiers" }
                input id=(format!("{id}-mods")) name=(format!("svc.{n}.mods")) value=(v(row, "mods")) size="8" placeholder="25 59";
                label for=(format!("{id}-units")) { "Units" }
                input id=(format!("{id}-units")) name=(format!("svc.{n}.units")) value=(v(row, "units")) size="3" inputmode="numeric" placeholder="1";
                (row_tools(n))
                span.check role="status" {}
            }
            (rationale("svc", n, row))
        }
    }
}

fn hcc_row(n: usize, row: &BTreeMap<String, String>) -> Markup {
    let id = format!("hcc-{n}");
    html! {
        li.row data-row=(n) {
            div.line {
                label for=(format!("{id}-hcc")) { "HCC" }
                input id=(format!("{id}-hcc")) name=(format!("hcc.{n}.hcc")) value=(v(row, "hcc")) size="4" inputmode="numeric";
                label for=(format!("{id}-dx")) { "supported by diagnosis" }
                input.code id=(format!("{id}-dx")) name=(format!("hcc.{n}.dx")) value=(v(row, "dx")) size="9";
                (row_tools(n))
            }
            @for (k, label) in [("m", "Monitored"), ("e", "Evaluated"), ("a", "Assessed"), ("t", "Treated")] {
                input.evidence type="hidden" name=(format!("hcc.{n}.{k}")) value=(v(row, k)) data-meat=(label);
            }
            ul.evidence-list aria-label="MEAT evidence" {}
        }
    }
}

fn query_row(n: usize, row: &BTreeMap<String, String>) -> Markup {
    let id = format!("q-{n}");
    html! {
        li.row data-row=(n) {
            label for=(format!("{id}-about")) { "About" }
            input id=(format!("{id}-about")) name=(format!("q.{n}.about")) value=(v(row, "about")) placeholder="e.g. type of heart failure";
            label for=(format!("{id}-text")) { "Query" }
            textarea id=(format!("{id}-text")) name=(format!("q.{n}.text")) rows="2" { (v(row, "text")) }
        }
    }
}

fn em_part(fields: &Fields) -> Markup {
    let row = coding::single(fields, "em");
    html! {
        fieldset.group data-group="em" {
            legend { "E/M level" }
            div.line {
                label for="em-code" { "E/M code" }
                input.code #em-code name="em.code" value=(v(&row, "code")) size="7" autocomplete="off" placeholder="99213";
                span.check role="status" {}
            }
            details.rationale open[!v(&row, "why").is_empty()] {
                summary { "Rationale" }
                label for="em-why" { "Why this level (MDM or time)" }
                textarea #em-why name="em.why" rows="2" { (v(&row, "why")) }
                label for="em-rule" { "Rule cited" }
                input #em-rule name="em.rule" value=(v(&row, "rule"));
                input.evidence type="hidden" name="em.evidence" value=(v(&row, "evidence"));
                ul.evidence-list aria-label="Evidence" {}
            }
        }
    }
}

fn anesthesia_part(fields: &Fields) -> Markup {
    let g = |k: &str| coding::get(fields, k).unwrap_or("").to_string();
    html! {
        fieldset.group data-group="an" {
            legend { "Anesthesia units" }
            div.line {
                label for="an-base" { "Base units" } input #an-base name="an.base" value=(g("an.base")) size="3" inputmode="numeric";
                label for="an-time" { "Time (minutes)" } input #an-time name="an.time" value=(g("an.time")) size="4" inputmode="numeric";
                label for="an-mod" { "Modifying units" } input #an-mod name="an.mod_units" value=(g("an.mod_units")) size="3" inputmode="numeric";
                label for="an-modifier" { "Modifier" } input #an-modifier name="an.modifier" value=(g("an.modifier")) size="4" placeholder="AA";
            }
            label for="an-why" { "Why" }
            textarea #an-why name="an.why" rows="2" { (g("an.why")) }
        }
    }
}

/// Audits a submission and stores it with its audit record; returns the submission's id.
pub async fn submit(state: &State, user: &store::User, case: &Case, mut sub: Submission, seconds: u32, request_id: &str) -> Result<i64, AppError> {
    if request_id.len() < 8 || request_id.len() > 100 || !request_id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Err(AppError::bad("request_id", "request_id is 8 to 100 letters, digits, dashes or underscores, new for each submit"));
    }
    sub.coder = Some(user.username.clone());
    sub.case = case.id.clone();
    // The audit is CPU work (the first one also loads the grouper's tables): off the async threads, so a slow audit
    // never holds up other people's requests.
    let engines = state.engines.clone();
    let index = *state.case_index.get(&case.id.to_ascii_uppercase()).ok_or(AppError::NotFound)?;
    let (scores, body, record) = tokio::task::spawn_blocking(move || {
        let case = &engines.cases[index];
        let report = audit::audit_with_ncci(case, &sub, engines.library.book(), &engines.config, engines.ncci.as_ref());
        let scores = scores_of(&report, 0);
        let record = AuditRecord::new(report);
        Ok::<_, AppError>((scores, serde_json::to_string(&sub).map_err(AppError::internal)?, serde_json::to_string(&record).map_err(AppError::internal)?))
    })
    .await
    .map_err(AppError::internal)??;
    let new = store::NewSubmission { user_id: user.id, case_id: &case.id, request_id, body: &body, record: &record, scores, seconds_spent: i64::from(seconds), submitted_at: auth::now_ms() };
    Ok(state.store.insert_submission(&new).await?.0)
}

pub fn scores_of(report: &audit::Report, open_disputes: i64) -> store::Scores {
    let s = &report.scores;
    store::Scores { code_accuracy: s.code_accuracy, record_accurate: s.record_accurate, weighted: s.weighted, rationale: s.rationale, open_disputes }
}

/// `POST /cases/{id}/submit`: the form's submit.
pub async fn submit_form(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<String>, body: String) -> Result<Response, Failure> {
    let fields = coding::parse(&body);
    signed.check_csrf(coding::get(&fields, "csrf"))?;
    let case = state.case(&id).ok_or(AppError::NotFound)?;
    let request_id = coding::get(&fields, "request_id").unwrap_or("").to_string();
    let result = match coding::submission(&case.id, &fields) {
        Ok((sub, seconds)) => submit(&state, signed.user(), case, sub, seconds, &request_id).await,
        Err(e) => Err(AppError::bad(e.field.clone(), format!("{}: {}", coding::field_words(&e.field), e.message))),
    };
    match result {
        Ok(sid) => Ok(see_other(&format!("/submissions/{sid}"))),
        Err(e @ AppError::BadRequest { .. }) => {
            // Nothing is lost: the form comes back as the learner filled it, with what is wrong, and is kept as the draft.
            let kept: Fields = fields.iter().filter(|(k, _)| k != "csrf").cloned().collect();
            let seconds = coding::get(&fields, "seconds").and_then(|s| s.parse().ok()).unwrap_or(0);
            state.store.save_draft(signed.user().id, &case.id, &coding::encode(&kept), seconds, auth::now_ms()).await?;
            Ok((axum::http::StatusCode::BAD_REQUEST, workstation_page(&signed, case, &fields, seconds, Some(&e))).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

// ---- the API ----

/// `GET /api/cases`: the library without gold: id, title, tracks, setting, difficulty, and the caller's status.
pub async fn api_cases(S(state): S<Arc<State>>, signed: Signed) -> Result<Json<serde_json::Value>, Failure> {
    let mine = state.store.submissions_of(signed.user().id).await.api()?;
    let done: HashSet<&str> = mine.iter().map(|s| s.case_id.as_str()).collect();
    let list: Vec<serde_json::Value> = state
        .engines
        .cases
        .iter()
        .map(|c| serde_json::json!({"id": c.id, "title": c.title, "tracks": c.tracks, "setting": c.encounter.setting, "difficulty": c.difficulty, "submitted": done.contains(c.id.as_str())}))
        .collect();
    Ok(Json(serde_json::json!({ "cases": list })))
}

/// `GET /api/cases/{id}`: the record to code: encounter and documents, never the gold.
pub async fn api_case(S(state): S<Arc<State>>, _signed: Signed, Path(id): Path<String>) -> Result<Json<serde_json::Value>, Failure> {
    let c = state.case(&id).ok_or(AppError::NotFound).api()?;
    Ok(Json(serde_json::json!({"id": c.id, "title": c.title, "tracks": c.tracks, "difficulty": c.difficulty, "encounter": c.encounter, "documents": c.documents})))
}

/// `GET /api/cases/{id}/draft`: the caller's draft (the form's fields, URL-encoded) and the timer.
pub async fn api_draft(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<String>) -> Result<Json<serde_json::Value>, Failure> {
    let c = state.case(&id).ok_or(AppError::NotFound).api()?;
    let d = state.store.draft(signed.user().id, &c.id).await.api()?;
    Ok(Json(match d {
        Some(d) => serde_json::json!({"case": c.id, "form": d.body, "seconds": d.seconds_spent, "updated_at": d.updated_at}),
        None => serde_json::json!({"case": c.id, "form": "", "seconds": 0, "updated_at": null}),
    }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftBody {
    /// The form's fields, URL-encoded (what `new URLSearchParams(new FormData(form))` gives).
    form: String,
    seconds: u32,
}

/// `PUT /api/cases/{id}/draft`: saves the draft (autosave).
pub async fn api_save_draft(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<String>, headers: HeaderMap, body: Result<Json<DraftBody>, JsonRejection>) -> Result<Json<serde_json::Value>, Failure> {
    signed.check_csrf_header(&headers).api()?;
    let c = state.case(&id).ok_or(AppError::NotFound).api()?;
    let Json(d) = body.map_err(json_rejection).api()?;
    let fields: Fields = coding::parse(&d.form).into_iter().filter(|(k, _)| k != "csrf").collect();
    let now = auth::now_ms();
    state.store.save_draft(signed.user().id, &c.id, &coding::encode(&fields), i64::from(d.seconds), now).await.api()?;
    Ok(Json(serde_json::json!({"saved_at": now})))
}

/// `POST /api/cases/{id}/check`: live checks of the form as it stands (URL-encoded form fields as the body): each
/// code's validity and title, and the compliance edits of the coding itself (Excludes1, code first, manifestation
/// first, sequencing). Nothing here comes from the gold coding.
pub async fn api_check(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<String>, headers: HeaderMap, body: String) -> Result<Json<serde_json::Value>, Failure> {
    signed.check_csrf_header(&headers).api()?;
    let case = state.case(&id).ok_or(AppError::NotFound).api()?;
    let fields = coding::parse(&body);
    let book = state.engines.library.book();
    let mut codes = vec![];
    for (k, v) in fields.iter().filter(|(k, v)| (k.ends_with(".code") || k.ends_with(".dx")) && !v.trim().is_empty()) {
        let r = crate::codes::validate(book, v.trim(), k);
        codes.push(serde_json::json!({"field": k, "code": v.trim(), "valid": r.0, "title": r.1, "message": r.2}));
    }
    let (edits, error) = match coding::submission(&case.id, &fields) {
        Ok((sub, _)) => {
            let edits: Vec<serde_json::Value> = audit::edits::check(case, &sub, book)
                .into_iter()
                .filter(|e| !matches!(e.kind, audit::EditKind::InvalidCode | audit::EditKind::HeaderCode))
                .map(|e| serde_json::json!({"name": e.name, "codes": e.codes, "message": e.message}))
                .collect();
            (edits, None)
        }
        Err(e) => (vec![], Some(serde_json::json!({"field": e.field, "message": format!("{}: {}", coding::field_words(&e.field), e.message)}))),
    };
    Ok(Json(serde_json::json!({"codes": codes, "edits": edits, "error": error})))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmitBody {
    /// The submission in the audit's format.
    submission: serde_json::Value,
    #[serde(default)]
    seconds: u32,
    /// A new id per submit; a retry with the same id returns the first submission.
    request_id: String,
}

/// `POST /api/cases/{id}/submissions`: audits and stores a submission; returns its id, its address and the report.
pub async fn api_submit(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<String>, headers: HeaderMap, body: Result<Json<SubmitBody>, JsonRejection>) -> Result<Response, Failure> {
    signed.check_csrf_header(&headers).api()?;
    let case = state.case(&id).ok_or(AppError::NotFound).api()?;
    let Json(b) = body.map_err(json_rejection).api()?;
    let mut value = b.submission;
    if let Some(o) = value.as_object_mut() {
        o.entry("case").or_insert_with(|| case.id.clone().into());
    }
    let sub = Submission::from_json(&value.to_string()).map_err(|e| AppError::bad(format!("submission.{}", e.field), e.message)).api()?;
    if !sub.case.eq_ignore_ascii_case(&case.id) {
        return Err(AppError::bad("submission.case", format!("the submission is for case {}, not {}", sub.case, case.id))).api();
    }
    let sid = submit(&state, signed.user(), case, sub, b.seconds, &b.request_id).await.api()?;
    let s = state.store.submission(sid).await.api()?.ok_or(AppError::NotFound).api()?;
    let record: serde_json::Value = serde_json::from_str(&s.record).map_err(AppError::internal).api()?;
    Ok((axum::http::StatusCode::CREATED, Json(serde_json::json!({"id": sid, "url": format!("/submissions/{sid}"), "report": record["report"]}))).into_response())
}
