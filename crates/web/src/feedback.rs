//! A submission's feedback (the audit report, per code right or wrong and why, the evidence marked in the record,
//! the gold coding with its rationale, the DRG and RAF change in dollars), disputes, and the reviewer's overrides,
//! notes and written corrections, each kept in the audit trail.

use crate::access;
use crate::auth::{self, Signed};
use crate::error::{Api, AppError, Failure};
use crate::html::{self, page, see_other};
use crate::workstation::{json_rejection, scores_of};
use crate::State;
use audit::dispute::{AuditRecord, Status};
use audit::{Category, Submission};
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State as S};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use cases::model::{Case, Document, Evidence};
use maud::{html, Markup};
use serde::Deserialize;
use std::sync::Arc;
use store::Role;

pub(crate) fn record_of(s: &store::Submission) -> Result<AuditRecord, AppError> {
    serde_json::from_str(&s.record).map_err(|e| AppError::internal(format!("submission {} has an unreadable record: {e}", s.id)))
}

/// The learner's own submissions.
pub async fn my_submissions(S(state): S<Arc<State>>, signed: Signed) -> Result<Response, Failure> {
    let list = state.store.submissions_of(signed.user().id).await?;
    Ok(page(
        "My submissions",
        Some(&signed.0),
        html! {
            h1 { "My submissions" }
            @if list.is_empty() { p { "Nothing submitted yet. " a href="/cases" { "Choose a case" } "." } }
            @else { (summary_table(&state, list.iter().rev(), false)) }
        },
    )
    .into_response())
}

/// Submissions as a table, in the order given.
fn summary_table<'a>(state: &State, list: impl Iterator<Item = &'a store::SubmissionSummary>, learner_column: bool) -> Markup {
    html! {
        table {
            thead { tr {
                th scope="col" { "Submission" }
                @if learner_column { th scope="col" { "Learner" } }
                th scope="col" { "Case" } th scope="col" { "Code accuracy" } th scope="col" { "Record" } th scope="col" { "Time" } th scope="col" { "Submitted" } th scope="col" { "Review" }
            } }
            tbody {
                @for s in list {
                    tr {
                        td { a href=(format!("/submissions/{}", s.id)) { "#" (s.id) } }
                        @if learner_column { td { (s.learner) } }
                        td { (s.case_id) " " small { (state.case(&s.case_id).map(|c| c.title.as_str()).unwrap_or("")) } }
                        td { (html::pct(s.scores.code_accuracy)) }
                        td { @if s.scores.record_accurate { "accurate" } @else { "errors" } }
                        td { (html::duration(s.seconds_spent)) }
                        td { (html::when(s.submitted_at)) }
                        td {
                            @if s.scores.open_disputes > 0 { strong { (s.scores.open_disputes) " open dispute(s)" } }
                            @else if let Some(r) = s.reviewed_at { "reviewed " (html::when(r)) }
                            @else { "not yet" }
                        }
                    }
                }
            }
        }
    }
}

/// The review queue: the submissions of the reviewer's learners, open disputes first.
pub async fn review_queue(S(state): S<Arc<State>>, signed: Signed) -> Result<Response, Failure> {
    signed.require(&[Role::Instructor, Role::Admin])?;
    let list = state.store.review_queue(signed.user(), 200).await?;
    Ok(page(
        "Review queue",
        Some(&signed.0),
        html! {
            h1 { "Review queue" }
            @if list.is_empty() { p { "Nothing to review: no submissions from your cohorts' learners yet." } }
            @else { (summary_table(&state, list.iter(), true)) }
        },
    )
    .into_response())
}

/// Byte ranges of the evidence quotes in a document, merged, each with whose evidence it is.
fn marks(doc: &Document, quotes: &[(&Evidence, &'static str)]) -> Vec<(usize, usize, &'static str)> {
    let mut ranges: Vec<(usize, usize, &'static str)> = vec![];
    for (e, who) in quotes.iter().filter(|(e, _)| e.doc == doc.id && !e.quote.trim().is_empty()) {
        let start = e.at.filter(|&a| doc.text.get(a..).is_some_and(|t| t.starts_with(&e.quote))).or_else(|| doc.text.find(&e.quote));
        if let Some(s) = start {
            ranges.push((s, s + e.quote.len(), who));
        }
    }
    ranges.sort();
    let mut merged: Vec<(usize, usize, &'static str)> = vec![];
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.0 <= last.1 => {
                last.1 = last.1.max(r.1);
                if last.2 != r.2 {
                    last.2 = "both";
                }
            }
            _ => merged.push(r),
        }
    }
    merged
}

fn document_with_marks(doc: &Document, quotes: &[(&Evidence, &'static str)]) -> Markup {
    let mut segments: Vec<(&str, Option<&'static str>)> = vec![];
    let mut at = 0;
    for (s, e, who) in marks(doc, quotes) {
        segments.push((&doc.text[at..s], None));
        segments.push((&doc.text[s..e], Some(who)));
        at = e;
    }
    segments.push((&doc.text[at..], None));
    html! {
        pre.text {
            @for (text, who) in &segments {
                @match who {
                    None => (text),
                    Some(who) => mark class=(who) title=(match *who { "gold" => "gold evidence", "yours" => "your evidence", _ => "gold and your evidence" }) { (text) },
                }
            }
        }
    }
}

pub async fn page_handler(state: &State, signed: &Signed, id: i64, error: Option<&AppError>) -> Result<axum::response::Html<String>, AppError> {
    let s = access::submission(&state.store, signed.user(), id).await?;
    let record = record_of(&s)?;
    let case = state.case(&s.case_id).ok_or(AppError::NotFound)?;
    let sub: Submission = serde_json::from_str(&s.body).map_err(AppError::internal)?;
    let owner = state.store.user(s.user_id).await?.ok_or(AppError::NotFound)?;
    let reviewer = access::reviews_work_of(&state.store, signed.user(), s.user_id).await?;
    let own = signed.user().id == s.user_id;
    let comments = state.store.comments(id).await?;
    Ok(page(&format!("Submission {id}"), Some(&signed.0), feedback_body(signed, &s, &record, case, &sub, &owner, reviewer, own, &comments, error)))
}

pub async fn show(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>) -> Result<Response, Failure> {
    Ok(page_handler(&state, &signed, id, None).await?.into_response())
}

#[allow(clippy::too_many_arguments)]
fn feedback_body(signed: &Signed, s: &store::Submission, record: &AuditRecord, case: &Case, sub: &Submission, owner: &store::User, reviewer: bool, own: bool, comments: &[store::Comment], error: Option<&AppError>) -> Markup {
    let r = &record.report;
    let gold_quotes: Vec<&Evidence> = r.findings.iter().flat_map(|f| f.evidence.iter()).collect();
    let your_quotes: Vec<&Evidence> = sub
        .diagnoses
        .iter()
        .filter_map(|d| d.rationale.as_ref())
        .chain(sub.procedures.iter().filter_map(|p| p.rationale.as_ref()))
        .chain(sub.services.iter().filter_map(|p| p.rationale.as_ref()))
        .chain(sub.em.iter().filter_map(|p| p.rationale.as_ref()))
        .flat_map(|r| r.evidence.iter())
        .collect();
    let quotes: Vec<(&Evidence, &'static str)> = gold_quotes.iter().map(|e| (*e, "gold")).chain(your_quotes.iter().map(|e| (*e, "yours"))).collect();
    let open_dispute = |i: usize| record.disputes.iter().find(|d| d.finding == i && d.status == Status::Open);
    html! {
        h1 { "Audit of " (case.id) ": " (case.title) }
        p.meta { "Submission #" (s.id) " by " (owner.display_name) " · " (html::when(s.submitted_at)) " · time on record " (html::duration(s.seconds_spent)) }
        (html::form_error(error))
        section.scores aria-labelledby="summary" {
            h2 #summary { "Result" }
            ul { @for line in audit::report::summary(r) { li { (line.trim()) } } }
            p.bar { "Code accuracy " strong { (html::pct(r.scores.code_accuracy)) } " against the 95% industry bar · record " @if r.scores.record_accurate { strong { "accurate" } } @else { strong { "not accurate" } } }
        }
        section aria-labelledby="findings" {
            h2 #findings { "Each code" }
            table.findings {
                thead { tr { th scope="col" { "#" } th scope="col" { "Result" } th scope="col" { "You coded" } th scope="col" { "Gold" } th scope="col" { "Why" } th scope="col" { "Act" } } }
                tbody {
                    @for (i, f) in r.findings.iter().enumerate() {
                        tr class=(if f.category == Category::Correct { "ok" } else { "error" }) id=(format!("finding-{i}")) {
                            td { (i + 1) }
                            td { (f.category.label()) }
                            td { code { (f.submitted.as_deref().unwrap_or("—")) } }
                            td { code { (f.expected.as_deref().unwrap_or("—")) } }
                            td {
                                (f.message)
                                @if let Some(c) = f.correction.as_deref().filter(|_| f.category.is_error()) { br; em { "Correction: " (c) } }
                                @for e in f.evidence.iter().take(3) { br; q { (e.quote) } }
                                @if !f.rules.is_empty() { br; @for (k, rule) in f.rules.iter().enumerate() { @if k > 0 { "; " } cite { (audit::report::rule_text(rule)) } } }
                                @for (_, note) in record.notes.iter().filter(|(n, _)| *n == i) { br; span.note { "Instructor note: " (note) } }
                            }
                            td {
                                @if own && f.category.is_error() && open_dispute(i).is_none() {
                                    details { summary { "Dispute" }
                                        form.stack method="post" action=(format!("/submissions/{}/disputes", s.id)) {
                                            (html::csrf(&signed.0))
                                            input type="hidden" name="finding" value=(i);
                                            label for=(format!("reason-{i}")) { "Why the finding is wrong" }
                                            textarea id=(format!("reason-{i}")) name="reason" required rows="2" {}
                                            label for=(format!("rule-{i}")) { "Rule you rely on" }
                                            input id=(format!("rule-{i}")) name="rule" placeholder="OCG I.C.2.a";
                                            button type="submit" { "Send the dispute" }
                                        }
                                    }
                                }
                                @if let Some(d) = open_dispute(i) { p.dispute { "Disputed: " (d.reason) } }
                                @if reviewer {
                                    details.override { summary { "Override or note" }
                                        form.stack method="post" action=(format!("/submissions/{}/overrides", s.id)) {
                                            (html::csrf(&signed.0))
                                            input type="hidden" name="finding" value=(i);
                                            label for=(format!("to-{i}")) { "Category" }
                                            select id=(format!("to-{i}")) name="category" {
                                                option value="" { "(keep; add a note only)" }
                                                @for c in Category::ALL { option value=(serde_json::to_value(c).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()) { (c.label()) } }
                                            }
                                            label for=(format!("why-{i}")) { "Reason (kept in the audit trail)" }
                                            textarea id=(format!("why-{i}")) name="reason" required rows="2" {}
                                            button type="submit" { "Save" }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if !r.edits.is_empty() {
                h3 { "Compliance edits" }
                ul.edits { @for e in &r.edits { li { strong { (e.name) } " " (e.message) @if e.also_in_gold { em { " (the gold coding draws it too)" } } } } }
            }
        }
        @if !record.disputes.is_empty() {
            section aria-labelledby="disputes" {
                h2 #disputes { "Disputes" }
                ul {
                    @for d in &record.disputes {
                        li {
                            "Finding " (d.finding + 1) " · " (d.by) ": " (d.reason) " · " (format!("{:?}", d.status).to_lowercase())
                            @if let Some(why) = &d.decision { " — " (why) }
                            @if reviewer && d.status == Status::Open {
                                form.inline method="post" action=(format!("/submissions/{}/decisions", s.id)) {
                                    (html::csrf(&signed.0))
                                    input type="hidden" name="dispute" value=(d.id);
                                    label for=(format!("dwhy-{}", d.id)) { "Decision" }
                                    input id=(format!("dwhy-{}", d.id)) name="reason" required;
                                    button type="submit" name="accept" value="yes" { "Accept" }
                                    button type="submit" name="accept" value="no" { "Reject" }
                                }
                            }
                        }
                    }
                }
            }
        }
        (gold_section(case))
        section aria-labelledby="record" {
            h2 #record { "The record, with the evidence marked" }
            p.legend { mark.gold { "gold evidence" } " " mark.yours { "your evidence" } " " mark.both { "both" } }
            @for d in &case.documents {
                article.document data-doc=(d.id) { h3 { (d.title) } (document_with_marks(d, &quotes)) }
            }
        }
        section aria-labelledby="corrections" {
            h2 #corrections { "Instructor corrections" }
            @if comments.is_empty() { p { "None yet." } }
            @for c in comments { blockquote.comment { p { (c.body) } footer { (c.author) ", " (html::when(c.created_at)) } } }
            @if reviewer {
                form.stack method="post" action=(format!("/submissions/{}/comments", s.id)) {
                    (html::csrf(&signed.0))
                    label for="comment" { "Written correction" }
                    textarea #comment name="body" required rows="3" {}
                    button type="submit" { "Add the correction" }
                }
            }
        }
        @if !record.trail.is_empty() {
            section aria-labelledby="trail" {
                h2 #trail { "Audit trail" }
                table {
                    thead { tr { th scope="col" { "When" } th scope="col" { "Who" } th scope="col" { "What" } th scope="col" { "Finding" } th scope="col" { "From → to" } th scope="col" { "Why" } th scope="col" { "Code accuracy" } } }
                    tbody { @for t in &record.trail { tr {
                        td { (t.at) } td { (t.by) } td { (t.action) } td { (t.finding + 1) } td { (t.from.label()) " → " (t.to.label()) } td { (t.why) }
                        td { (html::pct(t.code_accuracy_before)) " → " (html::pct(t.code_accuracy_after)) }
                    } } }
                }
            }
        }
    }
}

/// The gold coding of a case with its rationale (the feedback page, and an instructor's view of the case).
pub fn gold_section(case: &Case) -> Markup {
    html! {
        section aria-labelledby="gold" {
            h2 #gold { "The gold coding and its rationale" }
            ol.gold {
                @for d in &case.gold.diagnoses {
                    li { code { (d.code) } @if let Some(p) = d.poa { " POA " (serde_json::to_value(p).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()) } " — " (d.rationale.text) (rules(&d.rationale.rules)) }
                }
            }
            @if !case.gold.procedures.is_empty() { h3 { "Procedures" } ol.gold { @for p in &case.gold.procedures { li { code { (p.code) } " — " (p.rationale.text) (rules(&p.rationale.rules)) } } } }
            @if !case.gold.services.is_empty() { h3 { "Services" } ol.gold { @for p in &case.gold.services { li { code { (p.code) } @if !p.modifiers.is_empty() { " -" (p.modifiers.join(" -")) } @if p.units > 1 { " × " (p.units) } " — " (p.rationale.text) (rules(&p.rationale.rules)) } } } }
            @if let Some(e) = &case.gold.em { h3 { "E/M level" } p { code { (e.code) } " — " (e.rationale.text) (rules(&e.rationale.rules)) } }
            @if !case.gold.hccs.is_empty() { h3 { "HCCs" } ul.gold { @for h in &case.gold.hccs { li { (h.model) " HCC " (h.hcc) " from " code { (h.diagnosis) } " — " (h.rationale.text) } } } }
            @if let Some(a) = &case.gold.anesthesia { h3 { "Anesthesia" } p { (a.base_units) " base units, " (a.time_minutes) " minutes, modifier " (a.modifier) " — " (a.rationale.text) } }
            @if !case.gold.queries.is_empty() { h3 { "Queries" } ul.gold { @for q in &case.gold.queries { li { strong { (q.about) } ": " (q.text) " — " (q.rationale.text) } } } }
            @if !case.gold.not_coded.is_empty() { h3 { "Not coded, and why" } ul.gold { @for n in &case.gold.not_coded { li { strong { (n.about) } @if let Some(t) = &n.tempting_code { " (not " code { (t) } ")" } " — " (n.rationale.text) } } } }
        }
    }
}

fn rules(rules: &[cases::model::Rule]) -> Markup {
    html! { @if !rules.is_empty() { " " small { "(" @for (i, r) in rules.iter().enumerate() { @if i > 0 { "; " } cite { (audit::report::rule_text(r)) } } ")" } } }
}

/// Applies a change to a submission's audit record and stores it (refused if someone changed it meanwhile).
async fn change(state: &State, s: &store::Submission, reviewed: bool, f: impl FnOnce(&mut AuditRecord) -> Result<(), AppError>) -> Result<(), AppError> {
    let mut record = record_of(s)?;
    f(&mut record)?;
    let open = record.disputes.iter().filter(|d| d.status == Status::Open).count() as i64;
    let scores = scores_of(&record.report, open);
    let text = serde_json::to_string(&record).map_err(AppError::internal)?;
    state.store.update_record(s.id, s.version, &text, scores, reviewed.then(auth::now_ms)).await?;
    Ok(())
}

fn dispute_error(e: audit::dispute::DisputeError) -> AppError {
    AppError::bad("finding", e.to_string())
}

fn category(s: &str) -> Result<Category, AppError> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|_| AppError::bad("category", format!("{s:?} is not an error category (e.g. correct, missed, poa_error)")))
}

#[derive(Deserialize)]
pub struct DisputeForm {
    csrf: Option<String>,
    finding: usize,
    reason: String,
    rule: Option<String>,
}

async fn do_dispute(state: &State, signed: &Signed, id: i64, finding: usize, reason: &str, rule: Option<&str>) -> Result<(), AppError> {
    let s = access::submission(&state.store, signed.user(), id).await?;
    if s.user_id != signed.user().id {
        return Err(AppError::Forbidden("only the learner who submitted can dispute a finding".into()));
    }
    let rule = rule.map(str::trim).filter(|r| !r.is_empty()).map(|r| cases::model::Rule::Guideline(r.to_string()));
    let by = signed.user().username.clone();
    change(state, &s, false, |rec| rec.dispute(finding, &by, &html::when(auth::now_ms()), reason.trim(), rule, &state.engines.config).map(|_| ()).map_err(dispute_error)).await
}

pub async fn dispute(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>, Form(f): Form<DisputeForm>) -> Result<Response, Failure> {
    signed.check_csrf(f.csrf.as_deref())?;
    after(&state, &signed, id, do_dispute(&state, &signed, id, f.finding, &f.reason, f.rule.as_deref()).await).await
}

/// After a form's change: back to the feedback page, or the page again with what went wrong.
async fn after(state: &State, signed: &Signed, id: i64, result: Result<(), AppError>) -> Result<Response, Failure> {
    match result {
        Ok(()) => Ok(see_other(&format!("/submissions/{id}"))),
        Err(e @ (AppError::BadRequest { .. } | AppError::Conflict(_))) => Ok((axum::http::StatusCode::BAD_REQUEST, page_handler(state, signed, id, Some(&e)).await?).into_response()),
        Err(e) => Err(e.into()),
    }
}

/// The submission, if `signed` reviews its learner; "not found" to a learner (even their own: a learner does not
/// review), so the answer tells nothing.
async fn reviewable(state: &State, signed: &Signed, id: i64) -> Result<store::Submission, AppError> {
    let s = access::submission(&state.store, signed.user(), id).await?;
    if !access::reviews_work_of(&state.store, signed.user(), s.user_id).await? {
        return Err(if signed.user().role == Role::Learner { AppError::Forbidden("only an instructor of your cohort reviews a submission".into()) } else { AppError::NotFound });
    }
    Ok(s)
}

#[derive(Deserialize)]
pub struct OverrideForm {
    csrf: Option<String>,
    finding: usize,
    category: Option<String>,
    reason: String,
}

async fn do_override(state: &State, signed: &Signed, id: i64, finding: usize, to: Option<&str>, reason: &str) -> Result<(), AppError> {
    let s = reviewable(state, signed, id).await?;
    if reason.trim().is_empty() {
        return Err(AppError::bad("reason", "say why: the reason is kept in the audit trail"));
    }
    let to = to.map(str::trim).filter(|c| !c.is_empty()).map(category).transpose()?;
    let by = signed.user().username.clone();
    let at = html::when(auth::now_ms());
    change(state, &s, true, |rec| {
        match to {
            Some(c) => rec.override_finding(finding, c, &by, &at, reason.trim(), &state.engines.config),
            None => rec.annotate(finding, &by, &at, reason.trim(), &state.engines.config),
        }
        .map_err(dispute_error)
    })
    .await
}

pub async fn override_finding(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>, Form(f): Form<OverrideForm>) -> Result<Response, Failure> {
    signed.check_csrf(f.csrf.as_deref())?;
    after(&state, &signed, id, do_override(&state, &signed, id, f.finding, f.category.as_deref(), &f.reason).await).await
}

#[derive(Deserialize)]
pub struct DecisionForm {
    csrf: Option<String>,
    dispute: usize,
    accept: String,
    reason: String,
}

async fn do_decide(state: &State, signed: &Signed, id: i64, dispute: usize, accept: bool, reason: &str) -> Result<(), AppError> {
    let s = reviewable(state, signed, id).await?;
    if reason.trim().is_empty() {
        return Err(AppError::bad("reason", "say why: the decision is kept in the audit trail"));
    }
    let by = signed.user().username.clone();
    change(state, &s, true, |rec| rec.decide(dispute, accept, None, &by, &html::when(auth::now_ms()), reason.trim(), &state.engines.config).map_err(dispute_error)).await
}

pub async fn decide(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>, Form(f): Form<DecisionForm>) -> Result<Response, Failure> {
    signed.check_csrf(f.csrf.as_deref())?;
    after(&state, &signed, id, do_decide(&state, &signed, id, f.dispute, f.accept == "yes", &f.reason).await).await
}

#[derive(Deserialize)]
pub struct CommentForm {
    csrf: Option<String>,
    body: String,
}

async fn do_comment(state: &State, signed: &Signed, id: i64, body: &str) -> Result<(), AppError> {
    let s = reviewable(state, signed, id).await?;
    state.store.add_comment(s.id, signed.user().id, body.trim(), auth::now_ms()).await?;
    state.store.update_record(s.id, s.version, &s.record, s.scores, Some(auth::now_ms())).await?;
    Ok(())
}

pub async fn comment(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>, Form(f): Form<CommentForm>) -> Result<Response, Failure> {
    signed.check_csrf(f.csrf.as_deref())?;
    after(&state, &signed, id, do_comment(&state, &signed, id, &f.body).await).await
}

// ---- the API ----

fn summary_json(s: &store::SubmissionSummary) -> serde_json::Value {
    serde_json::json!({
        "id": s.id, "learner": s.learner, "case": s.case_id, "code_accuracy": s.scores.code_accuracy, "record_accurate": s.scores.record_accurate,
        "weighted": s.scores.weighted, "rationale": s.scores.rationale, "open_disputes": s.scores.open_disputes, "seconds": s.seconds_spent,
        "submitted_at": s.submitted_at, "reviewed_at": s.reviewed_at,
    })
}

/// `GET /api/submissions`: the caller's submissions.
pub async fn api_mine(S(state): S<Arc<State>>, signed: Signed) -> Result<Json<serde_json::Value>, Failure> {
    let list = state.store.submissions_of(signed.user().id).await.api()?;
    Ok(Json(serde_json::json!({"submissions": list.iter().map(summary_json).collect::<Vec<_>>()})))
}

/// `GET /api/review`: the caller's review queue.
pub async fn api_review_queue(S(state): S<Arc<State>>, signed: Signed) -> Result<Json<serde_json::Value>, Failure> {
    signed.require(&[Role::Instructor, Role::Admin]).api()?;
    let list = state.store.review_queue(signed.user(), 500).await.api()?;
    Ok(Json(serde_json::json!({"submissions": list.iter().map(summary_json).collect::<Vec<_>>()})))
}

/// `GET /api/submissions/{id}`: the submission, its audit record (report, disputes, notes, trail), the gold coding
/// and the corrections, to whoever may see it.
pub async fn api_submission(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>) -> Result<Json<serde_json::Value>, Failure> {
    let s = access::submission(&state.store, signed.user(), id).await.api()?;
    let record: serde_json::Value = serde_json::from_str(&s.record).map_err(AppError::internal).api()?;
    let body: serde_json::Value = serde_json::from_str(&s.body).map_err(AppError::internal).api()?;
    let gold = state.case(&s.case_id).map(|c| serde_json::to_value(&c.gold).unwrap_or_default());
    let comments: Vec<serde_json::Value> = state.store.comments(id).await.api()?.iter().map(|c| serde_json::json!({"author": c.author, "body": c.body, "created_at": c.created_at})).collect();
    Ok(Json(serde_json::json!({
        "id": s.id, "user_id": s.user_id, "case": s.case_id, "submitted_at": s.submitted_at, "seconds": s.seconds_spent, "version": s.version,
        "submission": body, "record": record, "gold": gold, "comments": comments,
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiDispute {
    finding: usize,
    reason: String,
    #[serde(default)]
    rule: Option<String>,
}

pub async fn api_dispute(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>, headers: HeaderMap, body: Result<Json<ApiDispute>, JsonRejection>) -> Result<Json<serde_json::Value>, Failure> {
    signed.check_csrf_header(&headers).api()?;
    let Json(b) = body.map_err(json_rejection).api()?;
    if b.reason.trim().is_empty() {
        return Err(AppError::bad("reason", "say why the finding is wrong and cite the rule")).api();
    }
    do_dispute(&state, &signed, id, b.finding, &b.reason, b.rule.as_deref()).await.api()?;
    api_submission(S(state), signed, Path(id)).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiOverride {
    finding: usize,
    /// The new category; none adds a note only.
    #[serde(default)]
    category: Option<String>,
    reason: String,
}

pub async fn api_override(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>, headers: HeaderMap, body: Result<Json<ApiOverride>, JsonRejection>) -> Result<Json<serde_json::Value>, Failure> {
    signed.check_csrf_header(&headers).api()?;
    let Json(b) = body.map_err(json_rejection).api()?;
    do_override(&state, &signed, id, b.finding, b.category.as_deref(), &b.reason).await.api()?;
    api_submission(S(state), signed, Path(id)).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiDecision {
    dispute: usize,
    accept: bool,
    reason: String,
}

/// `POST /api/submissions/{id}/decisions`: an instructor accepts or rejects a dispute.
pub async fn api_decide(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>, headers: HeaderMap, body: Result<Json<ApiDecision>, JsonRejection>) -> Result<Json<serde_json::Value>, Failure> {
    signed.check_csrf_header(&headers).api()?;
    let Json(b) = body.map_err(json_rejection).api()?;
    do_decide(&state, &signed, id, b.dispute, b.accept, &b.reason).await.api()?;
    api_submission(S(state), signed, Path(id)).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiComment {
    body: String,
}

/// `POST /api/submissions/{id}/comments`: an instructor's written correction.
pub async fn api_comment(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>, headers: HeaderMap, body: Result<Json<ApiComment>, JsonRejection>) -> Result<Json<serde_json::Value>, Failure> {
    signed.check_csrf_header(&headers).api()?;
    let Json(b) = body.map_err(json_rejection).api()?;
    do_comment(&state, &signed, id, &b.body).await.api()?;
    api_submission(S(state), signed, Path(id)).await
}
