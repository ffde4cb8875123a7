//! The code-book API the workstation's panel calls: search as the learner types, a code with its tabular notes, a
//! PCS table, and the validity of a code as it is typed.

use crate::auth::Signed;
use crate::error::{Api, AppError, Failure};
use crate::State;
use axum::extract::{Path, Query, State as S};
use axum::Json;
use codeset::{CodeBook, CodeSystem};
use search::SearchOptions;
use serde::Deserialize;
use std::sync::Arc;

/// The longest query searched: a coder types words, not documents.
pub const MAX_QUERY: usize = 200;

#[derive(Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
    system: Option<String>,
    billable: Option<bool>,
    limit: Option<usize>,
}

fn system(s: Option<&str>) -> Result<Option<CodeSystem>, AppError> {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => CodeSystem::parse(s).map(Some).ok_or_else(|| AppError::bad("system", format!("unknown code set {s:?}: use icd10cm, icd10pcs, hcpcs or cpt"))),
    }
}

/// `GET /api/search?q=&system=&billable=&limit=`: code-book search (titles, inclusion terms, abbreviations, lay words).
/// The query is text to match, never anything else: it reaches no database.
pub async fn search(S(state): S<Arc<State>>, _signed: Signed, Query(q): Query<SearchQuery>) -> Result<Json<serde_json::Value>, Failure> {
    let text = q.q.unwrap_or_default();
    if text.chars().count() > MAX_QUERY {
        return Err(AppError::bad("q", format!("a search is at most {MAX_QUERY} characters"))).api();
    }
    let limit = q.limit.unwrap_or(20);
    if !(1..=100).contains(&limit) {
        return Err(AppError::bad("limit", "limit is from 1 to 100")).api();
    }
    let opts = SearchOptions { system: system(q.system.as_deref()).api()?, billable_only: q.billable.unwrap_or(false), limit };
    if text.trim().is_empty() {
        return Ok(Json(serde_json::json!({"query": text, "hits": []})));
    }
    let hits = match state.engines.library.search(&text, &opts) {
        Ok(h) => h,
        // A query with no words to look for (punctuation only) finds nothing; it is not an error.
        Err(e) => return Ok(Json(serde_json::json!({"query": text, "hits": [], "note": e.to_string()}))),
    };
    Ok(Json(serde_json::json!({"query": text, "hits": hits})))
}

/// `GET /api/codes/{code}`: title, code set, billable, the path from the chapter down and every note that applies;
/// 404 with the reason and suggestions when the code is not reportable.
pub async fn code(S(state): S<Arc<State>>, _signed: Signed, Path(code): Path<String>) -> Result<Json<serde_json::Value>, Failure> {
    match state.engines.library.book().lookup(&code, None) {
        Ok(entry) => Ok(Json(serde_json::to_value(&entry).map_err(AppError::internal).api()?)),
        Err(v) => Err(Failure { error: AppError::BadRequest { field: Some("code".into()), message: v.reason.clone().unwrap_or_else(|| format!("{code:?} is not a code")) }, api: true }),
    }
}

/// `GET /api/pcs/{prefix}`: the ICD-10-PCS table named by its first three characters.
pub async fn pcs(S(state): S<Arc<State>>, _signed: Signed, Path(prefix): Path<String>) -> Result<Json<serde_json::Value>, Failure> {
    match state.engines.library.book().pcs_table_view(&prefix) {
        Ok(view) => Ok(Json(serde_json::to_value(&view).map_err(AppError::internal).api()?)),
        Err(v) => Err(Failure { error: AppError::bad("prefix", v.reason.unwrap_or_default()), api: true }),
    }
}

/// Is the code reportable? (valid, its title, why not). `field` tells the code set: PCS for `px.*`.
pub fn validate(book: &CodeBook, code: &str, field: &str) -> (bool, Option<String>, Option<String>) {
    let system = if field.starts_with("px.") {
        Some(CodeSystem::Icd10Pcs)
    } else if field.starts_with("dx.") || field.starts_with("hcc.") {
        Some(CodeSystem::Icd10Cm)
    } else {
        None
    };
    let v = book.validate(code, system);
    let title = v.code.as_deref().and_then(|c| book.describe(c)).map(|d| d.title.into_owned());
    let mut reason = v.reason.clone();
    if !v.valid && !v.suggestions.is_empty() && reason.as_deref().is_some_and(|r| !r.contains(&v.suggestions[0])) {
        reason = Some(format!("{}; perhaps {}", reason.unwrap_or_default(), v.suggestions.iter().take(5).cloned().collect::<Vec<_>>().join(", ")));
    }
    (v.valid, title, reason)
}
