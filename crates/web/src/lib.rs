//! The fellowship web platform: `codefellow serve`.
//!
//! Server-rendered pages (maud) with two small local scripts for the workstation, and a JSON API under `/api/` for
//! everything the pages do (its OpenAPI document at `/api/openapi.json`). The engines (code book, case library,
//! audit) are loaded once and shared; everything people make (accounts, cohorts, drafts, submissions, reviews) goes
//! through the `store`.
//!
//! Who sees what is decided in one place, `access`: a learner sees their own work and no gold answer before
//! submitting; an instructor sees the learners of their own cohorts; an administrator sees everything.
//!
//! ```no_run
//! # async fn demo(engines: std::sync::Arc<web::Engines>) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
//! let settings = web::Settings { database: "sqlite:///tmp/codefellow.db".into(), ..Default::default() };
//! web::serve(settings, engines).await?;
//! # Ok(()) }
//! ```

/// The one error type and how each error is answered.
pub mod error;
/// Passwords, sessions, CSRF tokens and the sign-in rate limit.
pub mod auth;
/// Who may see and do what: the rules, in one place.
pub mod access;
/// The page layout and the HTML pieces pages share.
pub mod html;
/// The workstation's coding form: its fields, parsed into a submission and drawn back from a draft.
pub mod coding;
/// First-run setup, sign-in and sign-out.
mod account;
/// People, cohorts and assignments (administrators and instructors).
mod admin;
/// The case list and the coder workstation: drafts, live checks, submit.
mod workstation;
/// A submission's feedback: the audit report, the record with its evidence, the gold coding, disputes, overrides.
mod feedback;
/// The code-book API: search, a code's notes, PCS tables.
mod codes;
/// A learner's progress: accuracy, productivity, recurring errors, recommendations, with SVG charts.
mod progress_page;
/// The OpenAPI document and the static assets.
mod assets;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use cases::model::Case;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

/// What the server is started with.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `sqlite://PATH` or `postgres://USER:PASSWORD@HOST/DB`.
    pub database: String,
    pub listen: SocketAddr,
    /// The address people reach the server at (for the setup link); by default `http://` + `listen`.
    pub public_url: Option<String>,
    /// Mark the session cookie `Secure` (sent over HTTPS only; browsers also send it to http://localhost).
    pub secure_cookies: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { database: "sqlite://codefellow-data/codefellow.db".into(), listen: ([127, 0, 0, 1], 8080).into(), public_url: None, secure_cookies: true }
    }
}

impl Settings {
    pub fn base_url(&self) -> String {
        self.public_url.clone().unwrap_or_else(|| format!("http://{}", self.listen)).trim_end_matches('/').to_string()
    }
}

/// The engines and their data, loaded by the caller (the binary reads the data directory).
pub struct Engines {
    pub library: codebook::Library,
    /// Every case of the built-in and imported packs.
    pub cases: Vec<Case>,
    pub ncci: Option<importer::ncci::NcciEdits>,
    pub config: audit::Config,
    /// Charts per hour per setting that productivity is measured against.
    pub benchmarks: progress::Benchmarks,
}

/// What every request shares.
pub struct State {
    pub store: store::Store,
    pub engines: Arc<Engines>,
    /// Case id (upper case) to its index in `engines.cases`.
    pub case_index: HashMap<String, usize>,
    pub limiter: auth::RateLimit,
    pub settings: Settings,
}

impl State {
    pub fn case(&self, id: &str) -> Option<&Case> {
        self.case_index.get(&id.to_ascii_uppercase()).map(|&i| &self.engines.cases[i])
    }
}

/// Bodies larger than this are refused with 413: the largest real submission is a few kilobytes.
pub const BODY_LIMIT: usize = 256 * 1024;

/// Opens the store and builds the application.
pub async fn app(settings: Settings, engines: Arc<Engines>) -> Result<(Router, Arc<State>), store::StoreError> {
    let store = store::Store::open(&settings.database).await?;
    let case_index = engines.cases.iter().enumerate().map(|(i, c)| (c.id.to_ascii_uppercase(), i)).collect();
    let state = Arc::new(State { store, engines, case_index, limiter: auth::RateLimit::new(), settings });
    Ok((router(state.clone()), state))
}

pub fn router(state: Arc<State>) -> Router {
    Router::new()
        .route("/", get(account::home))
        .route("/setup", get(account::setup_form).post(account::setup))
        .route("/login", get(account::login_form).post(account::login))
        .route("/logout", post(account::logout))
        .route("/admin", get(admin::people))
        .route("/admin/users", post(admin::create_user))
        .route("/cohorts", get(admin::cohorts).post(admin::create_cohort))
        .route("/cohorts/{id}", get(admin::cohort))
        .route("/cohorts/{id}/members", post(admin::add_member))
        .route("/cohorts/{id}/assignments", post(admin::create_assignment))
        .route("/cases", get(workstation::case_list))
        .route("/cases/{id}", get(workstation::workstation))
        .route("/cases/{id}/submit", post(workstation::submit_form))
        .route("/cases/{id}/gold", get(workstation::gold))
        .route("/submissions", get(feedback::my_submissions))
        .route("/submissions/{id}", get(feedback::show))
        .route("/submissions/{id}/disputes", post(feedback::dispute))
        .route("/submissions/{id}/decisions", post(feedback::decide))
        .route("/submissions/{id}/overrides", post(feedback::override_finding))
        .route("/submissions/{id}/comments", post(feedback::comment))
        .route("/review", get(feedback::review_queue))
        .route("/progress", get(progress_page::mine))
        .route("/learners/{id}/progress", get(progress_page::learner))
        .route("/api/openapi.json", get(assets::openapi))
        .route("/api/me", get(account::me))
        .route("/api/login", post(account::api_login))
        .route("/api/search", get(codes::search))
        .route("/api/codes/{code}", get(codes::code))
        .route("/api/pcs/{prefix}", get(codes::pcs))
        .route("/api/cases", get(workstation::api_cases))
        .route("/api/cases/{id}", get(workstation::api_case))
        .route("/api/cases/{id}/draft", get(workstation::api_draft).put(workstation::api_save_draft))
        .route("/api/cases/{id}/check", post(workstation::api_check))
        .route("/api/cases/{id}/submissions", post(workstation::api_submit))
        .route("/api/submissions", get(feedback::api_mine))
        .route("/api/submissions/{id}", get(feedback::api_submission))
        .route("/api/submissions/{id}/disputes", post(feedback::api_dispute))
        .route("/api/submissions/{id}/overrides", post(feedback::api_override))
        .route("/api/submissions/{id}/decisions", post(feedback::api_decide))
        .route("/api/submissions/{id}/comments", post(feedback::api_comment))
        .route("/api/review", get(feedback::api_review_queue))
        .route("/api/users", get(admin::api_users).post(admin::api_create_user))
        .route("/api/cohorts", get(admin::api_cohorts).post(admin::api_create_cohort))
        .route("/api/cohorts/{id}", get(admin::api_cohort))
        .route("/api/cohorts/{id}/members", post(admin::api_add_member))
        .route("/api/cohorts/{id}/assignments", post(admin::api_create_assignment))
        .route("/api/assignments", get(admin::api_my_assignments))
        .route("/api/logout", post(account::api_logout))
        .route("/api/progress", get(progress_page::api_mine))
        .route("/api/learners/{id}/progress", get(progress_page::api_learner))
        .route("/assets/{file}", get(assets::asset))
        .route("/healthz", get(|| async { "ok" }))
        .route("/favicon.ico", get(assets::favicon))
        .fallback(|| async { error::Failure::from(error::AppError::NotFound) })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(state.clone(), html::same_origin))
        .layer(axum::middleware::from_fn_with_state(state.clone(), html::error_page_viewer))
        .layer(axum::middleware::from_fn(html::security_headers))
        .with_state(state)
}

/// Creates a one-time setup link for the first administrator when there is none (valid 24 hours).
pub async fn setup_link(state: &State) -> Result<Option<String>, store::StoreError> {
    if state.store.count_admins().await? > 0 {
        return Ok(None);
    }
    let token = auth::token();
    let now = auth::now_ms();
    state.store.create_setup_token(&auth::token_hash(&token), now, now + 24 * 3_600_000).await?;
    Ok(Some(format!("{}/setup?token={token}", state.settings.base_url())))
}

/// Serves the application on a listener already bound (a test binds 127.0.0.1:0) until `shutdown_signal`.
pub async fn serve_on(listener: tokio::net::TcpListener, router: Router, shutdown_signal: impl std::future::Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
    axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).with_graceful_shutdown(shutdown_signal).await
}

/// Runs the server until Ctrl-C or SIGTERM, printing the address (and the setup link on first run).
pub async fn serve(settings: Settings, engines: Arc<Engines>) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let _ = tracing_subscriber::fmt().with_target(false).try_init();
    let listener = tokio::net::TcpListener::bind(settings.listen).await.map_err(|e| format!("cannot listen on {}: {e}", settings.listen))?;
    let (router, state) = app(settings, engines).await?;
    println!("Codefellow is running at {}/", state.settings.base_url());
    if let Some(link) = setup_link(&state).await? {
        println!("No administrator yet. Open this one-time link to create one (valid 24 hours):\n  {link}");
        println!("(or run `codefellow admin create` in another terminal)");
    }
    let store = state.store.clone();
    // Expired sessions are removed hourly (they are refused as soon as they expire; this only keeps the table small).
    let sweeper = store.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every.tick().await;
            if let Err(e) = sweeper.delete_expired_sessions(auth::now_ms()).await {
                tracing::warn!(%e, "removing expired sessions");
            }
        }
    });
    serve_on(listener, router, shutdown()).await?;
    store.close().await;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
