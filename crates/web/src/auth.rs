//! Accounts and sessions: Argon2id password hashes, random session tokens kept hashed in the store, the session
//! cookie, CSRF tokens, and the sign-in rate limit.

use crate::error::AppError;
use crate::State;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub const COOKIE: &str = "codefellow_session";
/// How long a session lasts without signing in again.
pub const SESSION_HOURS: i64 = 12;
pub const MIN_PASSWORD: usize = 10;

/// A new random token (32 bytes as 64 hex digits).
pub fn token() -> String {
    let mut b = [0u8; 32];
    getrandom::getrandom(&mut b).expect("the operating system's random source");
    hex(&b)
}

/// What the store keeps of a token: its SHA-256, so a copy of the database signs no one in.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Argon2id with the crate's default parameters (19 MiB, 2 passes: OWASP's minimum), as a PHC string.
pub fn hash_password(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(AppError::internal)
}

/// `hash_password` off the async threads: Argon2id takes tens of milliseconds on purpose.
pub async fn hash_password_blocking(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || hash_password(&password)).await.map_err(AppError::internal)?
}

pub fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// A password a programme may accept: long enough, not all one character.
pub fn check_password(password: &str, again: Option<&str>) -> Result<(), AppError> {
    if password.chars().count() < MIN_PASSWORD {
        return Err(AppError::bad("password", format!("the password needs at least {MIN_PASSWORD} characters")));
    }
    if password.chars().all(|c| Some(c) == password.chars().next()) {
        return Err(AppError::bad("password", "the password cannot be one character repeated"));
    }
    if again.is_some_and(|a| a != password) {
        return Err(AppError::bad("password_again", "the two passwords differ: type the same password twice"));
    }
    Ok(())
}

/// A username: 2 to 40 letters, digits, dots, dashes or underscores.
pub fn check_username(name: &str) -> Result<(), AppError> {
    let ok = (2..=40).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphanumeric() || ".-_".contains(c));
    if ok {
        Ok(())
    } else {
        Err(AppError::bad("username", "a username is 2 to 40 letters, digits, dots, dashes or underscores"))
    }
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

/// The `Set-Cookie` value of a new session (or of its removal, with an empty token).
pub fn session_cookie(token: &str, secure: bool) -> String {
    let age = if token.is_empty() { 0 } else { SESSION_HOURS * 3600 };
    format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={age}{}", if secure { "; Secure" } else { "" })
}

/// The session token of the request's cookie, when it has one of the right shape.
pub fn cookie_token(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_string())
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The person making the request, when signed in.
pub struct Viewer(pub Option<store::Session>);

/// A signed-in person (the request is refused with 401 or a redirect to sign in otherwise).
pub struct Signed(pub store::Session);

impl FromRequestParts<Arc<State>> for Viewer {
    type Rejection = crate::error::Failure;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<State>) -> Result<Self, Self::Rejection> {
        let Some(token) = cookie_token(&parts.headers) else { return Ok(Viewer(None)) };
        Ok(Viewer(state.store.session(&token_hash(&token), now_ms()).await?))
    }
}

impl FromRequestParts<Arc<State>> for Signed {
    type Rejection = crate::error::Failure;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<State>) -> Result<Self, Self::Rejection> {
        let api = parts.uri.path().starts_with("/api/");
        match Viewer::from_request_parts(parts, state).await?.0 {
            Some(s) => Ok(Signed(s)),
            None => {
                let next = parts.uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_else(|| "/".into());
                Err(crate::error::Failure { error: AppError::Unauthorized { next }, api })
            }
        }
    }
}

impl Signed {
    pub fn user(&self) -> &store::User {
        &self.0.user
    }

    /// Refuses the request unless the form (or the API's `X-CSRF-Token` header) carries this session's token.
    pub fn check_csrf(&self, given: Option<&str>) -> Result<(), AppError> {
        match given {
            Some(t) if same_secret(t, &self.0.csrf) => Ok(()),
            _ => Err(AppError::Forbidden("the form has expired or did not come from this site: reload the page and try again".into())),
        }
    }

    /// The API's form of `check_csrf`: the token comes in the `X-CSRF-Token` header.
    pub fn check_csrf_header(&self, headers: &axum::http::HeaderMap) -> Result<(), AppError> {
        self.check_csrf(headers.get("x-csrf-token").and_then(|v| v.to_str().ok()))
    }

    pub fn require(&self, roles: &[store::Role]) -> Result<(), AppError> {
        if roles.contains(&self.0.user.role) {
            Ok(())
        } else {
            Err(AppError::Forbidden(format!("this page is for {}", roles.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(" or "))))
        }
    }
}

/// Failed sign-ins per (address, username) and per address, over a sliding window: the tenth failure from one
/// address or the fifth at one account from one address waits out the window.
pub struct RateLimit {
    failures: std::sync::Mutex<HashMap<(IpAddr, String), Vec<Instant>>>,
    window: Duration,
    per_account: usize,
    per_address: usize,
}

impl RateLimit {
    pub fn new() -> RateLimit {
        RateLimit { failures: Default::default(), window: Duration::from_secs(15 * 60), per_account: 5, per_address: 20 }
    }

    /// `Err(seconds to wait)` when this address may not try this account now.
    pub fn check(&self, ip: IpAddr, username: &str) -> Result<(), u64> {
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        map.retain(|_, v| {
            v.retain(|t| now.duration_since(*t) < self.window);
            !v.is_empty()
        });
        let account = map.get(&(ip, username.to_lowercase())).map_or(0, |v| v.len());
        let address: usize = map.iter().filter(|((a, _), _)| *a == ip).map(|(_, v)| v.len()).sum();
        if account >= self.per_account || address >= self.per_address {
            let oldest = map.iter().filter(|((a, _), _)| *a == ip).flat_map(|(_, v)| v.iter()).min().copied().unwrap_or(now);
            return Err(self.window.saturating_sub(now.duration_since(oldest)).as_secs().max(1));
        }
        Ok(())
    }

    pub fn failed(&self, ip: IpAddr, username: &str) {
        self.failures.lock().unwrap_or_else(|e| e.into_inner()).entry((ip, username.to_lowercase())).or_default().push(Instant::now());
    }

    pub fn succeeded(&self, ip: IpAddr, username: &str) {
        self.failures.lock().unwrap_or_else(|e| e.into_inner()).remove(&(ip, username.to_lowercase()));
    }
}

impl Default for RateLimit {
    fn default() -> Self {
        RateLimit::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_hash_is_argon2id_and_verifies_only_the_password() {
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("correct horse batterY", &h));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn short_and_repeated_passwords_are_refused_with_the_field() {
        assert!(check_password("short", None).is_err());
        assert!(check_password("aaaaaaaaaaaa", None).is_err());
        assert!(matches!(check_password("long enough pass", Some("other")), Err(AppError::BadRequest { field: Some(f), .. }) if f == "password_again"));
        assert!(check_password("long enough pass", Some("long enough pass")).is_ok());
    }

    #[test]
    fn the_fifth_failure_at_one_account_locks_it_for_that_address_only() {
        let rl = RateLimit::new();
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        for _ in 0..5 {
            assert!(rl.check(a, "Ada").is_ok());
            rl.failed(a, "ada");
        }
        assert!(rl.check(a, "ADA").is_err(), "usernames are compared without case");
        assert!(rl.check(b, "ada").is_ok(), "another address is not locked out");
        assert!(rl.check(a, "bob").is_ok(), "another account from the same address is not either");
    }

    #[test]
    fn a_token_is_random_hex_and_its_hash_differs() {
        let (t1, t2) = (token(), token());
        assert_ne!(t1, t2);
        assert_eq!(t1.len(), 64);
        assert_ne!(token_hash(&t1), t1);
        assert_eq!(token_hash(&t1), token_hash(&t1));
    }

    #[test]
    fn the_session_cookie_is_http_only_same_site_and_secure_when_asked() {
        let c = session_cookie("abc", true);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.ends_with("; Secure"), "{c}");
        assert!(!session_cookie("abc", false).contains("Secure"));
        assert!(session_cookie("", true).contains("Max-Age=0"));
    }
}
