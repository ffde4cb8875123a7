//! The page layout and the pieces pages share. maud escapes every value it is given; the two places that write raw
//! HTML (`json_script`, `svg`) escape what they write themselves.

use axum::extract::{Request, State as S};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use std::sync::Arc;
use store::{Role, Session};

/// A page: the skip link, the navigation for the viewer's role, the main content.
pub fn page(title: &str, viewer: Option<&Session>, body: Markup) -> Html<String> {
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Codefellow" }
                link rel="stylesheet" href="/assets/app.css";
                link rel="icon" href="/favicon.ico" type="image/svg+xml";
                @if let Some(s) = viewer { meta name="csrf-token" content=(s.csrf); }
            }
            body {
                a.skip href="#main" { "Skip to content" }
                header.top {
                    a.brand href="/" { "Codefellow" }
                    @if let Some(s) = viewer {
                        nav aria-label="Main" {
                            ul {
                                @for (href, label) in nav_links(s.user.role) { li { a href=(href) { (label) } } }
                            }
                        }
                        form.signout method="post" action="/logout" {
                            input type="hidden" name="csrf" value=(s.csrf);
                            span.who { (s.user.display_name) " (" (role_label(s.user.role)) ")" }
                            button type="submit" { "Sign out" }
                        }
                    }
                }
                main #main tabindex="-1" { (body) }
            }
        }
    };
    Html(markup.into_string())
}

fn nav_links(role: Role) -> &'static [(&'static str, &'static str)] {
    match role {
        Role::Learner => &[("/cases", "Cases"), ("/submissions", "My submissions"), ("/progress", "My progress")],
        Role::Instructor => &[("/review", "Review queue"), ("/cohorts", "Cohorts"), ("/cases", "Cases")],
        Role::Admin => &[("/admin", "People"), ("/cohorts", "Cohorts"), ("/review", "Review queue"), ("/cases", "Cases")],
    }
}

pub fn role_label(role: Role) -> &'static str {
    match role {
        Role::Learner => "learner",
        Role::Instructor => "instructor",
        Role::Admin => "administrator",
    }
}

pub fn error_page(title: &str, viewer: Option<&Session>, message: &str) -> Html<String> {
    page(title, viewer, html! { h1 { (title) } p.error role="alert" { (message) } p { a href="/" { "Back to the start" } } })
}

/// An error answer (a 404, a 403) is made where the request is no longer at hand, so it is drawn without the
/// navigation; this draws it again with the signed-in person's navigation and "Sign out", so that an error page is
/// no dead end. Only error pages look the session up: other responses pass as they are.
pub async fn error_page_viewer(S(state): S<Arc<crate::State>>, req: Request, next: Next) -> Response {
    let token = crate::auth::cookie_token(req.headers());
    let res = next.run(req).await;
    let (Some(e), Some(token)) = (res.extensions().get::<crate::error::ErrorPage>().cloned(), token) else { return res };
    let Ok(Some(session)) = state.store.session(&crate::auth::token_hash(&token), crate::auth::now_ms()).await else { return res };
    let (parts, _) = res.into_parts();
    Response::from_parts(parts, error_page(e.title, Some(&session), &e.message).into_response().into_body())
}

/// A hidden CSRF field for a form.
pub fn csrf(s: &Session) -> Markup {
    html! { input type="hidden" name="csrf" value=(s.csrf); }
}

/// A flash of what went wrong in a form, with the field it concerns.
pub fn form_error(e: Option<&crate::error::AppError>) -> Markup {
    html! {
        @if let Some(e) = e { p.error role="alert" { (e.to_string()) } }
    }
}

/// JSON for a page's script, in a `<script type="application/json">` block: `<`, `>` and `&` are written as JSON
/// escapes so no string in it can close the block.
pub fn json_script(id: &str, value: &serde_json::Value) -> Markup {
    let text = value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026");
    html! { script type="application/json" id=(id) { (PreEscaped(text)) } }
}

/// A fraction as a percentage ("87.5%").
pub fn pct(x: f64) -> String {
    let p = (x * 1000.0).round() / 10.0;
    if p.fract() == 0.0 {
        format!("{p:.0}%")
    } else {
        format!("{p:.1}%")
    }
}

/// A fraction as a percentage, or a dash when there is none yet (no record).
pub fn pct_or_dash(x: Option<f64>) -> String {
    x.map(pct).unwrap_or_else(|| "—".into())
}

/// Unix milliseconds as "2026-11-22 14:05 UTC".
pub fn when(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02} UTC", rem / 3600, rem % 3600 / 60)
}

/// Minutes and seconds of a timer ("12 min 5 s").
pub fn duration(secs: i64) -> String {
    if secs >= 60 {
        format!("{} min {} s", secs / 60, secs % 60)
    } else {
        format!("{secs} s")
    }
}

/// Percent-encodes a query value.
pub fn url_encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// A `next` address to go to after signing in: only a path on this site.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_string(),
        _ => "/".to_string(),
    }
}

/// Headers on every response: no framing, no sniffing, scripts and styles from this site only.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
    );
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    res
}

/// Refuses a state-changing request sent by another site's page: its `Origin` (browsers send one with every POST)
/// must name this host. Forms and the API carry CSRF tokens as well; this also covers the sign-in form, which has no
/// session yet (a forged sign-in would put the victim in the attacker's account). Behind a reverse proxy that rewrites
/// `Host`, the origin may instead equal `--public-url`.
pub async fn same_origin(axum::extract::State(state): axum::extract::State<std::sync::Arc<crate::State>>, req: Request, next: Next) -> Response {
    let writes = !matches!(*req.method(), axum::http::Method::GET | axum::http::Method::HEAD | axum::http::Method::OPTIONS);
    if writes {
        let host = req.headers().get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
        if let Some(origin) = req.headers().get(header::ORIGIN).and_then(|o| o.to_str().ok()) {
            let origin_host = origin.split("://").nth(1).unwrap_or("");
            let public = state.settings.public_url.as_deref().map(|u| u.trim_end_matches('/'));
            if origin == "null" || (origin_host != host && public != Some(origin)) {
                let e = crate::error::AppError::Forbidden("this request came from another site's page; open Codefellow's own page and try again".into());
                return crate::error::Failure { error: e, api: req.uri().path().starts_with("/api/") }.into_response();
            }
        }
    }
    next.run(req).await
}

/// A redirect after a form post (303, so the browser follows with GET).
pub fn see_other(to: &str) -> Response {
    (axum::http::StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_a_script_block_cannot_close_it() {
        let v = serde_json::json!({"why": "</script><script>alert(1)</script> & more"});
        let out = json_script("d", &v).into_string();
        assert_eq!(out.matches("</script>").count(), 1, "only the block's own end tag: {out}");
        let inner = out.trim_start_matches("<script type=\"application/json\" id=\"d\">").trim_end_matches("</script>");
        assert_eq!(serde_json::from_str::<serde_json::Value>(inner).unwrap(), v, "still the same JSON");
    }

    #[test]
    fn times_are_shown_as_utc_dates() {
        assert_eq!(when(0), "1970-01-01 00:00 UTC");
        assert_eq!(when(1_795_359_900_000), "2026-11-22 15:05 UTC");
        assert_eq!(when(951_782_400_000), "2000-02-29 00:00 UTC");
    }

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(safe_next(Some("/cases/IP-0001")), "/cases/IP-0001");
        assert_eq!(safe_next(Some("//evil.example/")), "/");
        assert_eq!(safe_next(Some("https://evil.example/")), "/");
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn percentages_drop_a_zero_decimal() {
        assert_eq!(pct(0.875), "87.5%");
        assert_eq!(pct(1.0), "100%");
    }
}
