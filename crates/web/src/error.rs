//! The web layer's one error type: each variant maps to a status; internal errors are logged and never sent.

use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Not signed in (pages redirect to the sign-in form, the API answers 401).
    #[error("sign in first")]
    Unauthorized { next: String },
    /// Signed in, but this is not yours to do (the form's CSRF token was wrong, a learner on an instructor page).
    #[error("{0}")]
    Forbidden(String),
    /// Nothing here, or nothing this person may see: another learner's submission is "not found", not "forbidden",
    /// so its existence is not told either.
    #[error("not found")]
    NotFound,
    /// The request is wrong; the message says what is wrong and what would be right. `field` names the field.
    #[error("{message}")]
    BadRequest { field: Option<String>, message: String },
    /// The request body is larger than the server takes.
    #[error("the request body is larger than {0} KiB")]
    TooLarge(usize),
    /// Someone else changed it first.
    #[error("{0}")]
    Conflict(String),
    /// Too many failed sign-ins: wait this many seconds.
    #[error("too many failed sign-ins; try again in {0} seconds")]
    TooManyAttempts(u64),
    /// Anything else: logged with its cause, answered with a bare 500.
    #[error("internal error")]
    Internal(String),
}

impl AppError {
    pub fn bad(field: impl Into<String>, message: impl Into<String>) -> AppError {
        AppError::BadRequest { field: Some(field.into()), message: message.into() }
    }

    pub fn internal(e: impl std::fmt::Display) -> AppError {
        AppError::Internal(e.to_string())
    }

    fn status(&self) -> StatusCode {
        match self {
            AppError::Unauthorized { .. } => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::TooManyAttempts(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The JSON body of the API: `{"error": {"status", "message", "field"?}}`.
    pub fn json(&self) -> serde_json::Value {
        let mut e = serde_json::json!({"status": self.status().as_u16(), "message": self.to_string()});
        if let AppError::BadRequest { field: Some(f), .. } = self {
            e["field"] = f.clone().into();
        }
        serde_json::json!({ "error": e })
    }
}

impl From<store::StoreError> for AppError {
    fn from(e: store::StoreError) -> AppError {
        match e {
            store::StoreError::Conflict(what) => AppError::Conflict(format!("{what} already exists: choose another")),
            store::StoreError::Stale(what) => AppError::Conflict(format!("{what} was changed by someone else; reload and try again")),
            store::StoreError::Invalid(msg) => AppError::BadRequest { field: None, message: msg },
            e => AppError::Internal(e.to_string()),
        }
    }
}

/// Where the error is answered: a page (HTML) or the API (JSON). Handlers return `Result<_, Failure>`, made by `?`
/// from an `AppError` (a page) or with `.api()` (JSON).
#[derive(Debug)]
pub struct Failure {
    pub error: AppError,
    pub api: bool,
}

impl From<AppError> for Failure {
    fn from(error: AppError) -> Failure {
        Failure { error, api: false }
    }
}

impl From<store::StoreError> for Failure {
    fn from(e: store::StoreError) -> Failure {
        Failure { error: e.into(), api: false }
    }
}

pub trait Api<T> {
    /// Answers this error as JSON.
    fn api(self) -> Result<T, Failure>;
}

impl<T, E: Into<AppError>> Api<T> for Result<T, E> {
    fn api(self) -> Result<T, Failure> {
        self.map_err(|e| Failure { error: e.into(), api: true })
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let status = self.error.status();
        if let AppError::Internal(cause) = &self.error {
            tracing::error!(%cause, "request failed");
        }
        let mut headers = HeaderMap::new();
        if let AppError::TooManyAttempts(secs) = self.error {
            headers.insert(header::RETRY_AFTER, secs.into());
        }
        if self.api {
            return (status, headers, axum::Json(self.error.json())).into_response();
        }
        if let AppError::Unauthorized { next } = &self.error {
            let to = format!("/login?next={}", crate::html::url_encode(next));
            return (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response();
        }
        let title = match status {
            StatusCode::NOT_FOUND => "Not found",
            StatusCode::FORBIDDEN => "Not allowed",
            StatusCode::BAD_REQUEST => "That did not work",
            StatusCode::CONFLICT => "Changed by someone else",
            StatusCode::PAYLOAD_TOO_LARGE => "Too large",
            StatusCode::TOO_MANY_REQUESTS => "Too many attempts",
            _ => "Something went wrong",
        };
        let message = match &self.error {
            AppError::NotFound => "There is nothing here, or nothing you may see.".to_string(),
            AppError::Internal(_) => "The server could not finish this. Nothing you saved before was lost; try again.".to_string(),
            e => e.to_string(),
        };
        let mut res = (status, headers, crate::html::error_page(title, None, &message)).into_response();
        // Drawn again with the viewer's navigation by `html::error_page_viewer`, which knows the request.
        res.extensions_mut().insert(ErrorPage { title, message });
        res
    }
}

/// What an HTML error page says, kept on its response so that it can be drawn again for the signed-in viewer.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    pub title: &'static str,
    pub message: String,
}
