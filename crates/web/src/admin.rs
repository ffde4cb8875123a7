//! People, cohorts and assignments. An administrator creates accounts and cohorts and puts people in them; an
//! instructor sees the cohorts they teach, adds learners to them and gives them case sets with due dates.

use crate::access;
use crate::auth::{self, Signed};
use crate::error::{AppError, Failure};
use crate::html::{self, page, see_other};
use crate::State;
use axum::extract::{Path, State as S};
use axum::response::{IntoResponse, Response};
use crate::error::Api;
use crate::workstation::json_rejection;
use axum::extract::rejection::JsonRejection;
use axum::http::HeaderMap;
use axum::{Form, Json};
use maud::html;
use serde::Deserialize;
use std::sync::Arc;
use store::{NewUser, Pacing, Role};

pub async fn people(S(state): S<Arc<State>>, signed: Signed) -> Result<Response, Failure> {
    signed.require(&[Role::Admin])?;
    Ok(people_page(&state, &signed, None).await?.into_response())
}

async fn people_page(state: &State, signed: &Signed, error: Option<&AppError>) -> Result<axum::response::Html<String>, AppError> {
    let users = state.store.users().await?;
    let cohorts = state.store.cohorts().await?;
    Ok(page(
        "People",
        Some(&signed.0),
        html! {
            h1 { "People" }
            section aria-labelledby="new-person" {
                h2 #new-person { "Add a person" }
                (html::form_error(error))
                form.stack method="post" action="/admin/users" {
                    (html::csrf(&signed.0))
                    label for="username" { "Username" }
                    input #username name="username" required autocomplete="off";
                    label for="display_name" { "Name" }
                    input #display_name name="display_name" required;
                    label for="role" { "Role" }
                    select #role name="role" {
                        option value="learner" { "Learner" }
                        option value="instructor" { "Instructor or auditor" }
                        option value="admin" { "Administrator" }
                    }
                    label for="password" { "First password (they can be told it; at least " (auth::MIN_PASSWORD) " characters)" }
                    input #password name="password" type="password" required autocomplete="new-password";
                    label for="cohort" { "Cohort (optional)" }
                    select #cohort name="cohort" {
                        option value="" { "None" }
                        @for c in &cohorts { option value=(c.id) { (c.name) } }
                    }
                    button type="submit" { "Add" }
                }
            }
            section aria-labelledby="everyone" {
                h2 #everyone { "Everyone (" (users.len()) ")" }
                table {
                    thead { tr { th scope="col" { "Name" } th scope="col" { "Username" } th scope="col" { "Role" } th scope="col" { "Since" } } }
                    tbody {
                        @for u in &users {
                            tr { td { (u.display_name) } td { (u.username) } td { (html::role_label(u.role)) } td { (html::when(u.created_at)) } }
                        }
                    }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct NewUserForm {
    csrf: Option<String>,
    username: String,
    display_name: String,
    role: String,
    password: String,
    cohort: Option<String>,
}

/// Creates an account (and puts it in a cohort): the People form's and `POST /api/users`' work.
async fn new_user(state: &State, signed: &Signed, f: &NewUserForm) -> Result<store::User, AppError> {
    signed.require(&[Role::Admin])?;
    auth::check_username(f.username.trim())?;
    auth::check_password(&f.password, None)?;
    let role = Role::parse(&f.role).ok_or_else(|| AppError::bad("role", "the role is learner, instructor or admin"))?;
    let cohort = match f.cohort.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => Some(c.parse::<i64>().map_err(|_| AppError::bad("cohort", "choose a cohort from the list"))?),
        None => None,
    };
    if let Some(c) = cohort {
        state.store.cohort(c).await?.ok_or_else(|| AppError::bad("cohort", format!("there is no cohort {c}")))?;
    }
    let hash = auth::hash_password_blocking(f.password.clone()).await?;
    let name = if f.display_name.trim().is_empty() { f.username.trim() } else { f.display_name.trim() };
    let user = state.store.create_user(&NewUser { username: f.username.trim(), display_name: name, role, password_hash: &hash }, auth::now_ms()).await?;
    if let Some(c) = cohort {
        state.store.add_member(c, user.id).await?;
    }
    Ok(user)
}

pub async fn create_user(S(state): S<Arc<State>>, signed: Signed, Form(f): Form<NewUserForm>) -> Result<Response, Failure> {
    signed.check_csrf(f.csrf.as_deref())?;
    match new_user(&state, &signed, &f).await {
        Ok(_) => Ok(see_other("/admin")),
        Err(e @ (AppError::BadRequest { .. } | AppError::Conflict(_))) => Ok((axum::http::StatusCode::BAD_REQUEST, people_page(&state, &signed, Some(&e)).await?).into_response()),
        Err(e) => Err(e.into()),
    }
}

pub async fn cohorts(S(state): S<Arc<State>>, signed: Signed) -> Result<Response, Failure> {
    signed.require(&[Role::Admin, Role::Instructor])?;
    Ok(cohorts_page(&state, &signed, None).await?.into_response())
}

async fn cohorts_page(state: &State, signed: &Signed, error: Option<&AppError>) -> Result<axum::response::Html<String>, AppError> {
    let list = if signed.user().role == Role::Admin { state.store.cohorts().await? } else { state.store.cohorts_of(signed.user().id).await? };
    Ok(page(
        "Cohorts",
        Some(&signed.0),
        html! {
            h1 { "Cohorts" }
            @if list.is_empty() { p { "No cohorts yet." } }
            ul.cards {
                @for c in &list {
                    li { a href=(format!("/cohorts/{}", c.id)) { (c.name) } " · " (pacing_label(c.pacing)) }
                }
            }
            @if signed.user().role == Role::Admin {
                section aria-labelledby="new-cohort" {
                    h2 #new-cohort { "New cohort" }
                    (html::form_error(error))
                    form.stack method="post" action="/cohorts" {
                        (html::csrf(&signed.0))
                        label for="name" { "Name" }
                        input #name name="name" required;
                        label for="pacing" { "Pacing" }
                        select #pacing name="pacing" {
                            option value="instructor_led" { "Instructor-led (assignments with due dates)" }
                            option value="self_paced" { "Self-paced" }
                        }
                        button type="submit" { "Create the cohort" }
                    }
                }
            }
        },
    ))
}

fn pacing_label(p: Pacing) -> &'static str {
    match p {
        Pacing::SelfPaced => "self-paced",
        Pacing::InstructorLed => "instructor-led",
    }
}

#[derive(Deserialize)]
pub struct NewCohortForm {
    csrf: Option<String>,
    name: String,
    pacing: String,
}

async fn new_cohort(state: &State, signed: &Signed, name: &str, pacing: &str) -> Result<store::Cohort, AppError> {
    signed.require(&[Role::Admin])?;
    let pacing = Pacing::parse(pacing).ok_or_else(|| AppError::bad("pacing", "pacing is self_paced or instructor_led"))?;
    Ok(state.store.create_cohort(name, pacing, signed.user().id, auth::now_ms()).await?)
}

pub async fn create_cohort(S(state): S<Arc<State>>, signed: Signed, Form(f): Form<NewCohortForm>) -> Result<Response, Failure> {
    signed.check_csrf(f.csrf.as_deref())?;
    match new_cohort(&state, &signed, &f.name, &f.pacing).await {
        Ok(c) => Ok(see_other(&format!("/cohorts/{}", c.id))),
        Err(e @ (AppError::BadRequest { .. } | AppError::Conflict(_))) => Ok((axum::http::StatusCode::BAD_REQUEST, cohorts_page(&state, &signed, Some(&e)).await?).into_response()),
        Err(e) => Err(e.into()),
    }
}

/// The cohort dashboard: its people, their records and accuracy, its assignments.
pub async fn cohort(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>) -> Result<Response, Failure> {
    if !access::manages_cohort(&state.store, signed.user(), id).await? {
        return Err(AppError::NotFound.into());
    }
    Ok(cohort_page(&state, &signed, id, None).await?.into_response())
}

/// A cohort with its people, its assignments and the dashboard rows (the page's and the API's).
struct CohortView {
    cohort: store::Cohort,
    learners: Vec<store::User>,
    instructors: Vec<store::User>,
    assignments: Vec<store::Assignment>,
    rows: Vec<progress::CohortRow>,
}

async fn cohort_view(state: &State, id: i64) -> Result<CohortView, AppError> {
    let cohort = state.store.cohort(id).await?.ok_or(AppError::NotFound)?;
    let learners = state.store.members(id, Role::Learner).await?;
    let instructors = state.store.members(id, Role::Instructor).await?;
    let assignments = state.store.assignments(id).await?;
    let mut per_learner = vec![];
    for l in &learners {
        per_learner.push((l.id, l.display_name.clone(), crate::progress_page::attempts(state, l.id).await?));
    }
    let assigned: Vec<String> = assignments.iter().flat_map(|a| a.case_ids.iter().cloned()).collect();
    let rows = progress::cohort_rows(&per_learner, &assigned);
    Ok(CohortView { cohort, learners, instructors, assignments, rows })
}

async fn cohort_page(state: &State, signed: &Signed, id: i64, error: Option<&AppError>) -> Result<axum::response::Html<String>, AppError> {
    let CohortView { cohort: c, learners: _, instructors, assignments, rows } = cohort_view(state, id).await?;
    let everyone = if signed.user().role == Role::Admin { state.store.users().await? } else { vec![] };
    Ok(page(
        &c.name,
        Some(&signed.0),
        html! {
            h1 { (c.name) " " small { "(" (pacing_label(c.pacing)) ")" } }
            p { "Instructors: " @for (i, u) in instructors.iter().enumerate() { @if i > 0 { ", " } (u.display_name) } @if instructors.is_empty() { "none yet" } }
            (html::form_error(error))
            section aria-labelledby="dashboard" {
                h2 #dashboard { "Learners" }
                @if rows.is_empty() { p { "No learners in this cohort yet." } } @else {
                    table {
                        thead { tr {
                            th scope="col" { "Learner" } th scope="col" { "Records coded" } th scope="col" { "Assigned done" } th scope="col" { "Code accuracy" }
                            th scope="col" { "Record accuracy" } th scope="col" { "Rationale" } th scope="col" { "Charts/hour" } th scope="col" { "Most frequent error" } th scope="col" { "Last activity" }
                        } }
                        tbody {
                            @for r in &rows {
                                tr {
                                    td { a href=(format!("/learners/{}/progress", r.learner_id)) { (r.name) } }
                                    td { (r.records) }
                                    td { (r.assigned_done) " of " (r.assigned_total) }
                                    td { (html::pct_or_dash(r.code_accuracy)) }
                                    td { (html::pct_or_dash(r.record_accuracy)) }
                                    td { (html::pct_or_dash(r.rationale)) }
                                    td { (r.charts_per_hour.map(|c| format!("{c:.1}")).unwrap_or_else(|| "—".into())) }
                                    td { (r.top_error.map(|c| format!("{} ({} records)", c.label(), r.top_error_records)).unwrap_or_else(|| "—".into())) }
                                    td { (r.last_activity.map(html::when).unwrap_or_else(|| "—".into())) }
                                }
                            }
                        }
                    }
                }
            }
            @if signed.user().role == Role::Admin {
                section aria-labelledby="add-member" {
                    h2 #add-member { "Add a person to the cohort" }
                    form.inline method="post" action=(format!("/cohorts/{id}/members")) {
                        (html::csrf(&signed.0))
                        label for="user" { "Person" }
                        select #user name="user" {
                            @for u in &everyone { option value=(u.id) { (u.display_name) " (" (u.username) ", " (html::role_label(u.role)) ")" } }
                        }
                        button type="submit" { "Add" }
                    }
                }
            }
            section aria-labelledby="assignments" {
                h2 #assignments { "Assignments" }
                @if assignments.is_empty() { p { "No assignments: the learners choose their cases." } }
                ul {
                    @for a in &assignments {
                        li { strong { (a.title) } " — " (a.case_ids.join(", ")) @if let Some(d) = a.due_at { " · due " (html::when(d)) } }
                    }
                }
                form.stack method="post" action=(format!("/cohorts/{id}/assignments")) {
                    (html::csrf(&signed.0))
                    label for="title" { "Title" }
                    input #title name="title" required placeholder="Week 1: sepsis and pneumonia";
                    label for="cases" { "Case ids, separated by spaces or commas" }
                    input #cases name="cases" required placeholder="IP-0001 IP-0002";
                    label for="due" { "Due date (optional, YYYY-MM-DD)" }
                    input #due name="due" type="date";
                    button type="submit" { "Assign" }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct MemberForm {
    csrf: Option<String>,
    user: i64,
}

async fn member(state: &State, signed: &Signed, cohort: i64, user: i64) -> Result<(), AppError> {
    signed.require(&[Role::Admin])?;
    state.store.cohort(cohort).await?.ok_or(AppError::NotFound)?;
    state.store.user(user).await?.ok_or_else(|| AppError::bad("user", format!("there is no user {user}")))?;
    Ok(state.store.add_member(cohort, user).await?)
}

pub async fn add_member(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>, Form(f): Form<MemberForm>) -> Result<Response, Failure> {
    signed.check_csrf(f.csrf.as_deref())?;
    member(&state, &signed, id, f.user).await?;
    Ok(see_other(&format!("/cohorts/{id}")))
}

#[derive(Deserialize)]
pub struct AssignmentForm {
    csrf: Option<String>,
    title: String,
    cases: String,
    due: Option<String>,
}

async fn assignment(state: &State, signed: &Signed, id: i64, title: &str, cases: &str, due: Option<&str>) -> Result<store::Assignment, AppError> {
    if !access::manages_cohort(&state.store, signed.user(), id).await? {
        return Err(AppError::NotFound);
    }
    let mut ids = vec![];
    for raw in cases.split([' ', ',', '\n', '\t']).filter(|s| !s.trim().is_empty()) {
        let case = state.case(raw.trim()).ok_or_else(|| AppError::bad("cases", format!("there is no case {:?} in the library (ids look like IP-0001)", raw.trim())))?;
        ids.push(case.id.clone());
    }
    if ids.is_empty() {
        return Err(AppError::bad("cases", "list at least one case id"));
    }
    let due = match due.map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => Some(parse_date(d).ok_or_else(|| AppError::bad("due", format!("{d:?} is not a date: write YYYY-MM-DD")))? + 86_400_000 - 1),
        None => None,
    };
    if title.trim().is_empty() {
        return Err(AppError::bad("title", "give the assignment a title"));
    }
    Ok(state.store.create_assignment(id, title, &ids, due, signed.user().id, auth::now_ms()).await?)
}

pub async fn create_assignment(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>, Form(f): Form<AssignmentForm>) -> Result<Response, Failure> {
    signed.check_csrf(f.csrf.as_deref())?;
    match assignment(&state, &signed, id, &f.title, &f.cases, f.due.as_deref()).await {
        Ok(_) => Ok(see_other(&format!("/cohorts/{id}"))),
        Err(e @ AppError::BadRequest { .. }) => Ok((axum::http::StatusCode::BAD_REQUEST, cohort_page(&state, &signed, id, Some(&e)).await?).into_response()),
        Err(e) => Err(e.into()),
    }
}

// ---- the API ----

fn cohort_json(c: &store::Cohort) -> serde_json::Value {
    serde_json::json!({"id": c.id, "name": c.name, "pacing": c.pacing.as_str(), "created_at": c.created_at})
}

fn assignment_json(a: &store::Assignment) -> serde_json::Value {
    serde_json::json!({"id": a.id, "cohort": a.cohort_id, "title": a.title, "cases": a.case_ids, "due_at": a.due_at, "created_at": a.created_at})
}

/// `GET /api/users`: everyone (administrators).
pub async fn api_users(S(state): S<Arc<State>>, signed: Signed) -> Result<Json<serde_json::Value>, Failure> {
    signed.require(&[Role::Admin]).api()?;
    let users = state.store.users().await.api()?;
    Ok(Json(serde_json::json!({"users": users.iter().map(crate::account::user_json).collect::<Vec<_>>()})))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiUser {
    username: String,
    #[serde(default)]
    display_name: String,
    role: String,
    password: String,
    #[serde(default)]
    cohort: Option<i64>,
}

/// `POST /api/users`: creates an account, optionally in a cohort (administrators).
pub async fn api_create_user(S(state): S<Arc<State>>, signed: Signed, headers: HeaderMap, body: Result<Json<ApiUser>, JsonRejection>) -> Result<Response, Failure> {
    signed.check_csrf_header(&headers).api()?;
    let Json(u) = body.map_err(json_rejection).api()?;
    let f = NewUserForm { csrf: None, username: u.username, display_name: u.display_name, role: u.role, password: u.password, cohort: u.cohort.map(|c| c.to_string()) };
    let u = new_user(&state, &signed, &f).await.api()?;
    Ok((axum::http::StatusCode::CREATED, Json(crate::account::user_json(&u))).into_response())
}

/// `GET /api/cohorts`: the cohorts the caller manages (all for an administrator).
pub async fn api_cohorts(S(state): S<Arc<State>>, signed: Signed) -> Result<Json<serde_json::Value>, Failure> {
    signed.require(&[Role::Admin, Role::Instructor]).api()?;
    let list = if signed.user().role == Role::Admin { state.store.cohorts().await } else { state.store.cohorts_of(signed.user().id).await }.api()?;
    Ok(Json(serde_json::json!({"cohorts": list.iter().map(cohort_json).collect::<Vec<_>>()})))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiCohort {
    name: String,
    pacing: String,
}

/// `POST /api/cohorts` (administrators).
pub async fn api_create_cohort(S(state): S<Arc<State>>, signed: Signed, headers: HeaderMap, body: Result<Json<ApiCohort>, JsonRejection>) -> Result<Response, Failure> {
    signed.check_csrf_header(&headers).api()?;
    let Json(f) = body.map_err(json_rejection).api()?;
    let c = new_cohort(&state, &signed, &f.name, &f.pacing).await.api()?;
    Ok((axum::http::StatusCode::CREATED, Json(cohort_json(&c))).into_response())
}

/// `GET /api/cohorts/{id}`: the cohort, its people, its assignments and the dashboard rows.
pub async fn api_cohort(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>) -> Result<Json<serde_json::Value>, Failure> {
    if !access::manages_cohort(&state.store, signed.user(), id).await.api()? {
        return Err(AppError::NotFound).api();
    }
    let v = cohort_view(&state, id).await.api()?;
    Ok(Json(serde_json::json!({
        "cohort": cohort_json(&v.cohort),
        "instructors": v.instructors.iter().map(crate::account::user_json).collect::<Vec<_>>(),
        "learners": v.learners.iter().map(crate::account::user_json).collect::<Vec<_>>(),
        "assignments": v.assignments.iter().map(assignment_json).collect::<Vec<_>>(),
        "dashboard": v.rows,
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiMember {
    user: i64,
}

/// `POST /api/cohorts/{id}/members` (administrators).
pub async fn api_add_member(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>, headers: HeaderMap, body: Result<Json<ApiMember>, JsonRejection>) -> Result<Json<serde_json::Value>, Failure> {
    signed.check_csrf_header(&headers).api()?;
    let Json(f) = body.map_err(json_rejection).api()?;
    member(&state, &signed, id, f.user).await.api()?;
    Ok(Json(serde_json::json!({"cohort": id, "user": f.user})))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiAssignment {
    title: String,
    cases: Vec<String>,
    /// YYYY-MM-DD (due at the end of that day, UTC).
    #[serde(default)]
    due: Option<String>,
}

/// `POST /api/cohorts/{id}/assignments` (the cohort's instructors and administrators).
pub async fn api_create_assignment(S(state): S<Arc<State>>, signed: Signed, Path(id): Path<i64>, headers: HeaderMap, body: Result<Json<ApiAssignment>, JsonRejection>) -> Result<Response, Failure> {
    signed.check_csrf_header(&headers).api()?;
    let Json(f) = body.map_err(json_rejection).api()?;
    if let Some(bad) = f.cases.iter().find(|c| c.contains([' ', ','])) {
        return Err(AppError::bad("cases", format!("{bad:?} is not a case id"))).api();
    }
    let a = assignment(&state, &signed, id, &f.title, &f.cases.join(" "), f.due.as_deref()).await.api()?;
    Ok((axum::http::StatusCode::CREATED, Json(assignment_json(&a))).into_response())
}

/// `GET /api/assignments`: the caller's assignments (a learner's, from every cohort they are in).
pub async fn api_my_assignments(S(state): S<Arc<State>>, signed: Signed) -> Result<Json<serde_json::Value>, Failure> {
    let list = state.store.assignments_of_learner(signed.user().id).await.api()?;
    Ok(Json(serde_json::json!({"assignments": list.iter().map(assignment_json).collect::<Vec<_>>()})))
}

/// "YYYY-MM-DD" as unix milliseconds at 00:00 UTC.
pub fn parse_date(s: &str) -> Option<i64> {
    let mut it = s.split('-');
    let (y, m, d): (i64, i64, i64) = (it.next()?.parse().ok()?, it.next()?.parse().ok()?, it.next()?.parse().ok()?);
    if it.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1970..=9999).contains(&y) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y2 = if m <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some((era * 146_097 + doe - 719_468) * 86_400_000)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_date_is_read_as_utc_midnight_and_shown_back() {
        let ms = super::parse_date("2026-11-22").unwrap();
        assert_eq!(crate::html::when(ms), "2026-11-22 00:00 UTC");
        assert_eq!(super::parse_date("2026-13-01"), None);
        assert_eq!(super::parse_date("22/11/2026"), None);
    }
}
