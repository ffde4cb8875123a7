//! Progress: a learner's records per track, accuracy over time against the 95% bar, the rationale score, charts per
//! hour against the setting's benchmark, the errors that recur and the next cases for them. A learner sees their own;
//! an instructor sees their cohorts' learners'. The charts are SVG drawn on the server.

use crate::access;
use crate::auth::Signed;
use crate::error::{Api, AppError, Failure};
use crate::html::{self, page};
use crate::State;
use axum::extract::{Path, State as S};
use axum::response::{IntoResponse, Response};
use axum::Json;
use maud::{html, PreEscaped};
use progress::{Attempt, Progress};
use std::sync::Arc;

/// The attempts of a learner, read from their stored audits.
pub async fn attempts(state: &State, user_id: i64) -> Result<Vec<Attempt>, AppError> {
    let mut out = vec![];
    for s in state.store.submissions_with_records(user_id).await? {
        let Some(case) = state.case(&s.case_id) else { continue };
        let record = crate::feedback::record_of(&s)?;
        out.push(Attempt::from_report(case, &record.report, s.submitted_at, u32::try_from(s.seconds_spent).unwrap_or(u32::MAX)));
    }
    Ok(out)
}

async fn progress_of(state: &State, signed: &Signed, learner: i64) -> Result<(store::User, Progress), AppError> {
    if !access::sees_work_of(&state.store, signed.user(), learner).await? {
        return Err(AppError::NotFound);
    }
    let user = state.store.user(learner).await?.ok_or(AppError::NotFound)?;
    let attempts = attempts(state, learner).await?;
    Ok((user, Progress::of(&attempts, &state.engines.cases, &state.engines.benchmarks)))
}

pub async fn mine(S(state): S<Arc<State>>, signed: Signed) -> Result<Response, Failure> {
    let id = signed.user().id;
    show(&state, &signed, id).await
}

pub async fn learner(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>) -> Result<Response, Failure> {
    show(&state, &signed, id).await
}

async fn show(state: &State, signed: &Signed, learner: i64) -> Result<Response, Failure> {
    let (user, p) = progress_of(state, signed, learner).await?;
    let own = user.id == signed.user().id;
    let title = if own { "My progress".to_string() } else { format!("Progress of {}", user.display_name) };
    let body = html! {
        h1 { (title) }
        ul.headline {
            li { "Records coded: " strong { (p.records) } }
            li { "Code accuracy: " strong { (html::pct_or_dash(p.code_accuracy)) } " (the industry bar is 95%)" }
            li { "Record accuracy: " strong { (html::pct_or_dash(p.record_accuracy)) } }
            li { "Rationale score: " strong { (html::pct_or_dash(p.rationale)) } }
        }
        div.charts {
            figure { (PreEscaped(progress::svg::accuracy_chart(&p.accuracy))) }
            figure { (PreEscaped(progress::svg::productivity_chart(&p.productivity))) }
            figure { (PreEscaped(progress::svg::error_chart(&p.errors, p.records))) }
            figure { (PreEscaped(progress::svg::track_chart(&p.tracks))) }
        }
        section aria-labelledby="pace" {
            h2 #pace { "Productivity" }
            @if p.productivity.is_empty() { p { "No records yet." } } @else {
                table {
                    thead { tr { th scope="col" { "Setting" } th scope="col" { "Records" } th scope="col" { "Charts per hour" } th scope="col" { "Benchmark" } } }
                    tbody { @for s in &p.productivity { tr {
                        td { (progress::productivity::setting_label(s.setting)) } td { (s.records) }
                        td { (s.charts_per_hour.map(|c| format!("{c:.1}")).unwrap_or_else(|| "—".into())) } td { (format!("{:.0}", s.benchmark)) "/h" }
                    } } }
                }
                @if p.untimed > 0 { p.hint { (p.untimed) " record(s) had no timer and are left out of the pace." } }
            }
        }
        section aria-labelledby="recurring" {
            h2 #recurring { "Errors that recur" }
            @let recurring: Vec<_> = p.errors.iter().filter(|e| e.recurring).collect();
            @if recurring.is_empty() { p { "None recur." } }
            ul { @for e in recurring { li { (e.category.label()) ": in " (e.records) " record(s), " (html::pct(e.share)) " of them" } } }
        }
        section aria-labelledby="next" {
            h2 #next { "Recommended next" }
            ol { @for r in &p.recommendations { li { a href=(format!("/cases/{}", r.case)) { (r.case) } " " (r.title) " — " (r.reason) } } }
        }
    };
    Ok(page(&title, Some(&signed.0), body).into_response())
}

/// `GET /api/progress`: the caller's progress (the page's figures as JSON).
pub async fn api_mine(S(state): S<Arc<State>>, signed: Signed) -> Result<Json<serde_json::Value>, Failure> {
    let id = signed.user().id;
    let (_, p) = progress_of(&state, &signed, id).await.api()?;
    Ok(Json(serde_json::to_value(&p).map_err(AppError::internal).api()?))
}

/// `GET /api/learners/{id}/progress`: a learner's progress, to them and to their instructors.
pub async fn api_learner(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>) -> Result<Json<serde_json::Value>, Failure> {
    let (_, p) = progress_of(&state, &signed, id).await.api()?;
    Ok(Json(serde_json::to_value(&p).map_err(AppError::internal).api()?))
}
