//! First-run setup (the one-time link creates the first administrator), sign-in and sign-out.

use crate::auth::{self, Signed, Viewer};
use crate::error::{Api, AppError, Failure};
use crate::html::{self, page, see_other};
use crate::State;
use axum::extract::{ConnectInfo, Query, State as S};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use maud::html;
use serde::Deserialize;
use std::net::SocketAddr;
use std::sync::Arc;
use store::{NewUser, Role};

/// The start page sends each person to their work.
pub async fn home(viewer: Viewer) -> Response {
    match viewer.0.map(|s| s.user.role) {
        None => see_other("/login"),
        Some(Role::Learner) => see_other("/cases"),
        Some(Role::Instructor) => see_other("/review"),
        Some(Role::Admin) => see_other("/admin"),
    }
}

#[derive(Deserialize)]
pub struct TokenQuery {
    token: Option<String>,
}

pub async fn setup_form(S(state): S<Arc<State>>, Query(q): Query<TokenQuery>) -> Result<Response, Failure> {
    let token = q.token.unwrap_or_default();
    if !state.store.setup_token_valid(&auth::token_hash(&token), auth::now_ms()).await? {
        return Err(AppError::Forbidden("this setup link is not valid: it was used, it expired, or an administrator exists already. Run `codefellow admin create`, or restart the server for a new link".into()).into());
    }
    Ok(setup_page(&token, None, "", "").into_response())
}

fn setup_page(token: &str, error: Option<&AppError>, username: &str, name: &str) -> axum::response::Html<String> {
    page(
        "Create the administrator",
        None,
        html! {
            h1 { "Welcome to Codefellow" }
            p { "Create the administrator's account. The administrator adds instructors, learners and cohorts." }
            (html::form_error(error))
            form.stack method="post" action="/setup" {
                input type="hidden" name="token" value=(token);
                label for="username" { "Username" }
                input #username name="username" required autocomplete="username" value=(username);
                label for="display_name" { "Your name" }
                input #display_name name="display_name" required value=(name);
                label for="password" { "Password (at least " (auth::MIN_PASSWORD) " characters)" }
                input #password type="password" name="password" required autocomplete="new-password";
                label for="password_again" { "Password again" }
                input #password_again type="password" name="password_again" required autocomplete="new-password";
                button type="submit" { "Create the administrator" }
            }
        },
    )
}

#[derive(Deserialize)]
pub struct SetupForm {
    token: String,
    username: String,
    display_name: String,
    password: String,
    password_again: String,
}

pub async fn setup(S(state): S<Arc<State>>, Form(f): Form<SetupForm>) -> Result<Response, Failure> {
    let checks = auth::check_username(f.username.trim()).and_then(|_| auth::check_password(&f.password, Some(&f.password_again)));
    if let Err(e) = checks {
        return Ok((axum::http::StatusCode::BAD_REQUEST, setup_page(&f.token, Some(&e), &f.username, &f.display_name)).into_response());
    }
    let name = if f.display_name.trim().is_empty() { f.username.trim() } else { f.display_name.trim() };
    let hash = auth::hash_password_blocking(f.password).await?;
    let new = NewUser { username: f.username.trim(), display_name: name, role: Role::Admin, password_hash: &hash };
    let Some(admin) = state.store.create_first_admin(&auth::token_hash(&f.token), &new, auth::now_ms()).await? else {
        return Err(AppError::Forbidden("this setup link is not valid any more: it was used, it expired, or an administrator exists already".into()).into());
    };
    let cookie = start_session(&state, admin.id).await?.0;
    Ok(([(header::SET_COOKIE, cookie)], see_other("/admin")).into_response())
}

/// A new session: the cookie to set and its CSRF token.
async fn start_session(state: &State, user_id: i64) -> Result<(String, String), AppError> {
    let (token, csrf) = (auth::token(), auth::token());
    let now = auth::now_ms();
    state.store.create_session(&auth::token_hash(&token), user_id, &csrf, now, now + auth::SESSION_HOURS * 3_600_000).await?;
    Ok((auth::session_cookie(&token, state.settings.secure_cookies), csrf))
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn login_form(viewer: Viewer, Query(q): Query<NextQuery>) -> Response {
    if viewer.0.is_some() {
        return see_other(&html::safe_next(q.next.as_deref()));
    }
    login_page(q.next.as_deref(), None, "").into_response()
}

fn login_page(next: Option<&str>, error: Option<&AppError>, username: &str) -> axum::response::Html<String> {
    page(
        "Sign in",
        None,
        html! {
            h1 { "Sign in" }
            (html::form_error(error))
            form.stack method="post" action="/login" {
                input type="hidden" name="next" value=(html::safe_next(next));
                label for="username" { "Username" }
                input #username name="username" required autocomplete="username" autofocus value=(username);
                label for="password" { "Password" }
                input #password type="password" name="password" required autocomplete="current-password";
                button type="submit" { "Sign in" }
            }
            p.hint { "No account? Your programme's administrator or instructor creates them." }
        },
    )
}

#[derive(Deserialize)]
pub struct LoginForm {
    username: String,
    password: String,
    next: Option<String>,
}

/// Checks a username and password against the rate limit and the store.
async fn authenticate(state: &State, ip: std::net::IpAddr, username: &str, password: &str) -> Result<store::User, AppError> {
    let username = username.trim();
    state.limiter.check(ip, username).map_err(AppError::TooManyAttempts)?;
    let found = state.store.user_with_hash(username).await?;
    // A missing account is checked against a fixed hash too, so the time taken does not tell which usernames exist.
    let (user, phc) = match found {
        Some((u, h)) if !u.disabled => (Some(u), h),
        _ => (None, DUMMY_HASH.to_string()),
    };
    let password = password.to_string();
    let ok = tokio::task::spawn_blocking(move || auth::verify_password(&password, &phc)).await.map_err(AppError::internal)?;
    match user {
        Some(u) if ok => {
            state.limiter.succeeded(ip, username);
            Ok(u)
        }
        _ => {
            state.limiter.failed(ip, username);
            Err(AppError::BadRequest { field: Some("password".into()), message: "the username or the password is wrong".into() })
        }
    }
}

/// An Argon2id hash of a random password nobody knows.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0X5LpH5JvQ3p7n2XQ4mPZQ0y3f8wL0Z8Yh6mH5kq3xA";

pub async fn login(S(state): S<Arc<State>>, ConnectInfo(addr): ConnectInfo<SocketAddr>, Form(f): Form<LoginForm>) -> Result<Response, Failure> {
    match authenticate(&state, addr.ip(), &f.username, &f.password).await {
        Ok(user) => {
            let cookie = start_session(&state, user.id).await?.0;
            Ok(([(header::SET_COOKIE, cookie)], see_other(&html::safe_next(f.next.as_deref()))).into_response())
        }
        Err(e @ AppError::BadRequest { .. }) => Ok((axum::http::StatusCode::UNAUTHORIZED, login_page(f.next.as_deref(), Some(&e), &f.username)).into_response()),
        Err(e) => Err(e.into()),
    }
}

/// Deletes the request's session on the server; returns the `Set-Cookie` value that clears it in the browser.
async fn end_session(state: &State, headers: &axum::http::HeaderMap) -> Result<String, AppError> {
    if let Some(token) = auth::cookie_token(headers) {
        state.store.delete_session(&auth::token_hash(&token)).await?;
    }
    Ok(auth::session_cookie("", state.settings.secure_cookies))
}

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: Option<String>,
}

pub async fn logout(S(state): S<Arc<State>>, signed: Signed, headers: axum::http::HeaderMap, Form(f): Form<CsrfForm>) -> Result<Response, Failure> {
    signed.check_csrf(f.csrf.as_deref())?;
    let cookie = end_session(&state, &headers).await?;
    Ok(([(header::SET_COOKIE, cookie)], see_other("/login")).into_response())
}

#[derive(Deserialize)]
pub struct ApiLogin {
    username: String,
    password: String,
}

/// `POST /api/login`: signs in, sets the session cookie, and returns the user and the CSRF token the API's writes
/// must carry in `X-CSRF-Token`.
pub async fn api_login(S(state): S<Arc<State>>, ConnectInfo(addr): ConnectInfo<SocketAddr>, body: Result<Json<ApiLogin>, axum::extract::rejection::JsonRejection>) -> Result<Response, Failure> {
    let Json(f) = body.map_err(crate::workstation::json_rejection).api()?;
    let user = authenticate(&state, addr.ip(), &f.username, &f.password).await.api()?;
    let (cookie, csrf) = start_session(&state, user.id).await.api()?;
    Ok(([(header::SET_COOKIE, cookie)], Json(serde_json::json!({"user": user_json(&user), "csrf": csrf}))).into_response())
}

/// `GET /api/me`: who is signed in.
pub async fn me(signed: Signed) -> Json<serde_json::Value> {
    Json(serde_json::json!({"user": user_json(signed.user()), "csrf": signed.0.csrf}))
}

pub fn user_json(u: &store::User) -> serde_json::Value {
    serde_json::json!({"id": u.id, "username": u.username, "display_name": u.display_name, "role": u.role.as_str()})
}

/// `POST /api/logout`: ends the session on the server.
pub async fn api_logout(S(state): S<Arc<State>>, signed: Signed, headers: axum::http::HeaderMap) -> Result<Response, Failure> {
    signed.check_csrf_header(&headers).api()?;
    let cookie = end_session(&state, &headers).await.api()?;
    Ok(([(header::SET_COOKIE, cookie)], Json(serde_json::json!({"signed_out": true}))).into_response())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_stand_in_hash_for_unknown_users_is_a_real_argon2id_hash() {
        // If it did not parse, a missing account would be answered at once and its absence told by the timing.
        let h = argon2::password_hash::PasswordHash::new(super::DUMMY_HASH).expect("a PHC string");
        assert_eq!(h.algorithm.as_str(), "argon2id");
        assert!(!crate::auth::verify_password("anything", super::DUMMY_HASH));
    }
}
