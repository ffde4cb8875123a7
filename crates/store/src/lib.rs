//! The fellowship platform's persistence: accounts, sessions, cohorts, assignments, drafts, submissions with their
//! audit records, and instructors' written corrections.
//!
//! One API, two backends: SQLite (a file in the data directory, the embedded default) and PostgreSQL (for
//! deployments that run several app servers). Both run the same SQL through sqlx's `Any` driver, so there is one
//! implementation to test; the one schema difference (how a key is auto-numbered) is filled into the migration text.
//! The migrations are compiled into the binary and applied when the store opens.
//!
//! The store knows SQL and nothing of coding: the documents the engines own (a submission, an audit record) are JSON
//! text it keeps and returns unread, with the few scores a list or a dashboard sorts by beside them. It knows no
//! clock either: every call that records a time takes `now` (unix milliseconds).
//!
//! ```no_run
//! # async fn demo() -> Result<(), store::StoreError> {
//! let store = store::Store::open("sqlite:///tmp/codefellow.db").await?;
//! let hash = "$argon2id$..."; // the web layer hashes passwords
//! let admin = store.create_user(&store::NewUser { username: "ada", display_name: "Ada", role: store::Role::Admin, password_hash: hash }, 0).await?;
//! assert_eq!(store.user(admin.id).await?.unwrap().username, "ada");
//! # Ok(()) }
//! ```

use sqlx::any::{AnyConnectOptions, AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Connection, Executor, Row};
use std::str::FromStr;
use std::time::Duration;

/// The schema's migrations, in order: (version, name, SQL with `{id}` for the auto-numbered key).
const MIGRATIONS: &[(i64, &str, &str)] = &[(1, "accounts_cohorts_submissions", include_str!("../migrations/0001_accounts_cohorts_submissions.sql"))];

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database address is not one the store understands.
    #[error("unsupported database address {0:?}: use sqlite://PATH (a file, created if missing) or postgres://USER:PASSWORD@HOST:PORT/DATABASE")]
    BadUrl(String),
    /// A row with this unique value exists already (a username, a cohort name).
    #[error("{0} already exists")]
    Conflict(String),
    /// The row changed since it was read (another reviewer saved first): read it again and redo the change.
    #[error("{0} was changed by someone else since it was read")]
    Stale(String),
    /// A value the store refuses to keep (a case id with a comma, an empty name).
    #[error("{0}")]
    Invalid(String),
    /// The database failed (connection, disk, a constraint the API should have prevented).
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Which database the store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// What a person may do: a learner codes cases, an instructor (or auditor) reviews the learners of their cohorts, an
/// administrator runs the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Learner,
    Instructor,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Learner => "learner",
            Role::Instructor => "instructor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "learner" => Some(Role::Learner),
            "instructor" => Some(Role::Instructor),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub created_at: i64,
    pub disabled: bool,
}

pub struct NewUser<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    /// The PHC string of the password's hash (the store never sees a password).
    pub password_hash: &'a str,
}

/// A signed-in session: its user and the token every form must carry back (CSRF).
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub user: User,
    pub csrf: String,
    pub expires_at: i64,
}

/// How a cohort's learners move through cases: at their own pace, or on assignments with due dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pacing {
    SelfPaced,
    InstructorLed,
}

impl Pacing {
    pub fn as_str(self) -> &'static str {
        match self {
            Pacing::SelfPaced => "self_paced",
            Pacing::InstructorLed => "instructor_led",
        }
    }

    pub fn parse(s: &str) -> Option<Pacing> {
        match s {
            "self_paced" => Some(Pacing::SelfPaced),
            "instructor_led" => Some(Pacing::InstructorLed),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cohort {
    pub id: i64,
    pub name: String,
    pub pacing: Pacing,
    pub created_by: i64,
    pub created_at: i64,
}

/// A set of cases given to a cohort, with a due date when the cohort is instructor-led.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub id: i64,
    pub cohort_id: i64,
    pub title: String,
    pub case_ids: Vec<String>,
    pub due_at: Option<i64>,
    pub created_at: i64,
}

/// Work in progress on a case: the workstation's form as JSON and the timer.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub case_id: String,
    pub body: String,
    pub seconds_spent: i64,
    pub updated_at: i64,
}

/// The scores a submission is listed and sorted by (the full report is in its record).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores {
    pub code_accuracy: f64,
    pub record_accurate: bool,
    pub weighted: f64,
    pub rationale: Option<f64>,
    /// Learner disputes waiting for an instructor's decision.
    pub open_disputes: i64,
}

pub struct NewSubmission<'a> {
    pub user_id: i64,
    pub case_id: &'a str,
    /// The client's id for this submit: a retried request with the same id stores nothing new.
    pub request_id: &'a str,
    /// The submission as the learner sent it (JSON).
    pub body: &'a str,
    /// The audit record (JSON): the report, disputes, notes and trail.
    pub record: &'a str,
    pub scores: Scores,
    pub seconds_spent: i64,
    pub submitted_at: i64,
}

/// A stored submission with its audit record.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub id: i64,
    pub user_id: i64,
    pub case_id: String,
    pub body: String,
    pub record: String,
    pub scores: Scores,
    pub seconds_spent: i64,
    pub submitted_at: i64,
    pub reviewed_at: Option<i64>,
    /// Bumped by every change to the record; a change names the version it read.
    pub version: i64,
}

/// A line of a submission list: who, which case, how it scored.
#[derive(Debug, Clone, PartialEq)]
pub struct SubmissionSummary {
    pub id: i64,
    pub user_id: i64,
    pub learner: String,
    pub case_id: String,
    pub scores: Scores,
    pub seconds_spent: i64,
    pub submitted_at: i64,
    pub reviewed_at: Option<i64>,
}

/// An instructor's written correction on a submission.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    pub id: i64,
    pub submission_id: i64,
    pub author_id: i64,
    pub author: String,
    pub body: String,
    pub created_at: i64,
}

/// The store: cheap to clone (the pools are shared).
#[derive(Clone)]
pub struct Store {
    backend: Backend,
    /// Where it was opened (kept to open another handle; never printed: it may hold a password).
    url: String,
    /// SQLite takes one writer at a time: writes go through a pool of one connection so they queue here instead of
    /// failing busy. On PostgreSQL both are the same pool.
    write: AnyPool,
    read: AnyPool,
    /// SQLite only: the queue of the group-commit writer (`batch_writer`).
    batch: Option<tokio::sync::mpsc::Sender<Job>>,
}

static DRIVERS: std::sync::Once = std::sync::Once::new();

impl Store {
    /// Opens (creating if need be) the database at `url` and applies the migrations it lacks.
    pub async fn open(url: &str) -> Result<Store> {
        DRIVERS.call_once(sqlx::any::install_default_drivers);
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            return Err(StoreError::BadUrl(url.to_string()));
        };
        let store = match backend {
            Backend::Sqlite => {
                let url = if url.contains("mode=") { url.to_string() } else { format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' }) };
                let options = AnyConnectOptions::from_str(&url).map_err(|_| StoreError::BadUrl(url.clone()))?;
                let write = pool(1).connect_with(options.clone()).await?;
                let read = pool(8).connect_with(options).await?;
                let (batch, jobs) = tokio::sync::mpsc::channel(4 * BATCH);
                tokio::spawn(batch_writer(write.clone(), jobs));
                Store { backend, url: url.clone(), write, read, batch: Some(batch) }
            }
            Backend::Postgres => {
                let options = AnyConnectOptions::from_str(url).map_err(|_| StoreError::BadUrl(url.to_string()))?;
                let shared = pool(24).connect_with(options).await?;
                Store { backend, url: url.to_string(), write: shared.clone(), read: shared, batch: None }
            }
        };
        store.migrate().await?;
        Ok(store)
    }

    /// Opens the SQLite file at `path`.
    pub async fn open_sqlite(path: &std::path::Path) -> Result<Store> {
        Store::open(&format!("sqlite://{}", path.display())).await
    }

    /// Opens another handle on the same database, as a second app server would (migrations find it current).
    pub async fn reopen(&self) -> Result<Store> {
        Store::open(&self.url).await
    }

    /// A SQLite pragma's value as the write connection sees it (for tests and diagnostics).
    pub async fn pragma(&self, name: &str) -> Result<String> {
        if self.backend != Backend::Sqlite || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return Err(StoreError::Invalid(format!("{name:?} is not a SQLite pragma this store reads")));
        }
        let row = sqlx::query(&format!("PRAGMA {name}")).fetch_one(&self.write).await?;
        Ok(match row.try_get::<String, _>(0) {
            Ok(s) => s,
            Err(_) => row.try_get::<i64, _>(0)?.to_string(),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Closes the pools, waiting for the connections to finish.
    pub async fn close(&self) {
        self.write.close().await;
        self.read.close().await;
    }

    async fn migrate(&self) -> Result<()> {
        let id = match self.backend {
            Backend::Sqlite => "INTEGER PRIMARY KEY",
            Backend::Postgres => "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        };
        let mut conn = self.write.acquire().await?;
        // Several app servers starting at once on PostgreSQL: one migrates, the others wait for it.
        if self.backend == Backend::Postgres {
            conn.execute("SELECT pg_advisory_lock(7170001)").await?;
        }
        let result = async {
            conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)").await?;
            for &(version, name, sql) in MIGRATIONS {
                let done: Option<i64> = sqlx::query_scalar("SELECT version FROM schema_migrations WHERE version = $1").bind(version).fetch_optional(&mut *conn).await?;
                if done.is_some() {
                    continue;
                }
                let mut tx = conn.begin().await?;
                for statement in statements(&sql.replace("{id}", id)) {
                    tx.execute(statement.as_str()).await?;
                }
                sqlx::query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)")
                    .bind(version)
                    .bind(name)
                    .bind(unix_ms())
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
            }
            Ok::<(), sqlx::Error>(())
        }
        .await;
        if self.backend == Backend::Postgres {
            conn.execute("SELECT pg_advisory_unlock(7170001)").await?;
        }
        Ok(result?)
    }

    // ---- accounts ----

    /// Creates an account. A taken username is `Conflict`.
    pub async fn create_user(&self, new: &NewUser<'_>, now: i64) -> Result<User> {
        let username = new.username.trim();
        if username.is_empty() {
            return Err(StoreError::Invalid("a username cannot be empty".into()));
        }
        let row = sqlx::query("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
            .bind(username)
            .bind(new.display_name.trim())
            .bind(new.role.as_str())
            .bind(new.password_hash)
            .bind(now)
            .fetch_one(&self.write)
            .await
            .map_err(|e| unique(e, format!("the username {username:?}")))?;
        Ok(User { id: row.try_get(0)?, username: username.to_string(), display_name: new.display_name.trim().to_string(), role: new.role, created_at: now, disabled: false })
    }

    pub async fn user(&self, id: i64) -> Result<Option<User>> {
        let row = sqlx::query(&format!("SELECT {USER} FROM users WHERE id = $1")).bind(id).fetch_optional(&self.read).await?;
        row.map(|r| user(&r, 0)).transpose()
    }

    /// An account and its password hash, for signing in.
    pub async fn user_with_hash(&self, username: &str) -> Result<Option<(User, String)>> {
        let row = sqlx::query(&format!("SELECT {USER}, password_hash FROM users WHERE username = $1")).bind(username.trim()).fetch_optional(&self.read).await?;
        row.map(|r| Ok((user(&r, 0)?, r.try_get(6)?))).transpose()
    }

    /// Every account, by role then name.
    pub async fn users(&self) -> Result<Vec<User>> {
        let rows = sqlx::query(&format!("SELECT {USER} FROM users ORDER BY role, display_name, id")).fetch_all(&self.read).await?;
        rows.iter().map(|r| user(r, 0)).collect()
    }

    pub async fn count_admins(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL").fetch_one(&self.read).await?)
    }

    pub async fn set_password(&self, user_id: i64, password_hash: &str) -> Result<bool> {
        let done = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2").bind(password_hash).bind(user_id).execute(&self.write).await?;
        Ok(done.rows_affected() == 1)
    }

    // ---- first-run setup ----

    /// Records a one-time setup token (its hash) that lets its holder create the first administrator.
    pub async fn create_setup_token(&self, token_hash: &str, now: i64, expires_at: i64) -> Result<()> {
        sqlx::query("INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES ($1, $2, $3)")
            .bind(token_hash)
            .bind(now)
            .bind(expires_at)
            .execute(&self.write)
            .await?;
        Ok(())
    }

    /// True when the token is known, unused and unexpired (checked before showing the setup form).
    pub async fn setup_token_valid(&self, token_hash: &str, now: i64) -> Result<bool> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM setup_tokens WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2")
            .bind(token_hash)
            .bind(now)
            .fetch_one(&self.read)
            .await?;
        Ok(n > 0)
    }

    /// Uses up a setup token and creates the administrator in one transaction: a token works once, and only while no
    /// administrator exists.
    pub async fn create_first_admin(&self, token_hash: &str, new: &NewUser<'_>, now: i64) -> Result<Option<User>> {
        let mut tx = self.write.begin().await?;
        let admins: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = 'admin'").fetch_one(&mut *tx).await?;
        let used = sqlx::query("UPDATE setup_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1")
            .bind(now)
            .bind(token_hash)
            .execute(&mut *tx)
            .await?;
        if admins > 0 || used.rows_affected() != 1 {
            return Ok(None);
        }
        let username = new.username.trim();
        let id: i64 = sqlx::query_scalar("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ($1, $2, 'admin', $3, $4) RETURNING id")
            .bind(username)
            .bind(new.display_name.trim())
            .bind(new.password_hash)
            .bind(now)
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| unique(e, format!("the username {username:?}")))?;
        tx.commit().await?;
        Ok(Some(User { id, username: username.into(), display_name: new.display_name.trim().into(), role: Role::Admin, created_at: now, disabled: false }))
    }

    // ---- sessions ----

    pub async fn create_session(&self, token_hash: &str, user_id: i64, csrf: &str, now: i64, expires_at: i64) -> Result<()> {
        sqlx::query("INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(token_hash)
            .bind(user_id)
            .bind(csrf)
            .bind(now)
            .bind(expires_at)
            .execute(&self.write)
            .await?;
        Ok(())
    }

    /// The live session with this token hash, with its (enabled) user.
    pub async fn session(&self, token_hash: &str, now: i64) -> Result<Option<Session>> {
        let row = sqlx::query(&format!("SELECT {USER_U}, s.csrf, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL"))
            .bind(token_hash)
            .bind(now)
            .fetch_optional(&self.read)
            .await?;
        row.map(|r| Ok(Session { user: user(&r, 0)?, csrf: r.try_get(6)?, expires_at: r.try_get(7)? })).transpose()
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(&self.write).await?;
        Ok(())
    }

    /// Removes expired sessions; returns how many.
    pub async fn delete_expired_sessions(&self, now: i64) -> Result<u64> {
        Ok(sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now).execute(&self.write).await?.rows_affected())
    }

    // ---- cohorts ----

    pub async fn create_cohort(&self, name: &str, pacing: Pacing, created_by: i64, now: i64) -> Result<Cohort> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("a cohort needs a name".into()));
        }
        let id: i64 = sqlx::query_scalar("INSERT INTO cohorts (name, pacing, created_by, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
            .bind(name)
            .bind(pacing.as_str())
            .bind(created_by)
            .bind(now)
            .fetch_one(&self.write)
            .await
            .map_err(|e| unique(e, format!("a cohort named {name:?}")))?;
        Ok(Cohort { id, name: name.into(), pacing, created_by, created_at: now })
    }

    pub async fn cohort(&self, id: i64) -> Result<Option<Cohort>> {
        let row = sqlx::query(&format!("SELECT {COHORT} FROM cohorts c WHERE c.id = $1")).bind(id).fetch_optional(&self.read).await?;
        row.map(|r| cohort(&r)).transpose()
    }

    /// Every cohort (an administrator's view).
    pub async fn cohorts(&self) -> Result<Vec<Cohort>> {
        let rows = sqlx::query(&format!("SELECT {COHORT} FROM cohorts c ORDER BY c.name")).fetch_all(&self.read).await?;
        rows.iter().map(cohort).collect()
    }

    /// The cohorts a user belongs to (as learner or instructor).
    pub async fn cohorts_of(&self, user_id: i64) -> Result<Vec<Cohort>> {
        let rows = sqlx::query(&format!("SELECT {COHORT} FROM cohorts c JOIN cohort_members m ON m.cohort_id = c.id WHERE m.user_id = $1 ORDER BY c.name"))
            .bind(user_id)
            .fetch_all(&self.read)
            .await?;
        rows.iter().map(cohort).collect()
    }

    /// Puts a user in a cohort: learners as learners, instructors and administrators as instructors.
    pub async fn add_member(&self, cohort_id: i64, user_id: i64) -> Result<()> {
        let Some(u) = self.user(user_id).await? else {
            return Err(StoreError::Invalid(format!("there is no user {user_id}")));
        };
        let role = if u.role == Role::Learner { "learner" } else { "instructor" };
        sqlx::query("INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (cohort_id, user_id) DO NOTHING")
            .bind(cohort_id)
            .bind(user_id)
            .bind(role)
            .execute(&self.write)
            .await?;
        Ok(())
    }

    pub async fn remove_member(&self, cohort_id: i64, user_id: i64) -> Result<()> {
        sqlx::query("DELETE FROM cohort_members WHERE cohort_id = $1 AND user_id = $2").bind(cohort_id).bind(user_id).execute(&self.write).await?;
        Ok(())
    }

    /// The members of a cohort with a role (`Learner` or `Instructor`), by name.
    pub async fn members(&self, cohort_id: i64, role: Role) -> Result<Vec<User>> {
        let role = if role == Role::Learner { "learner" } else { "instructor" };
        let rows = sqlx::query(&format!("SELECT {USER_U} FROM users u JOIN cohort_members m ON m.user_id = u.id WHERE m.cohort_id = $1 AND m.role = $2 ORDER BY u.display_name, u.id"))
            .bind(cohort_id)
            .bind(role)
            .fetch_all(&self.read)
            .await?;
        rows.iter().map(|r| user(r, 0)).collect()
    }

    /// True when the instructor teaches a cohort the learner is in: the rule for seeing a learner's work.
    pub async fn teaches(&self, instructor_id: i64, learner_id: i64) -> Result<bool> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM cohort_members i JOIN cohort_members l ON l.cohort_id = i.cohort_id \
             WHERE i.user_id = $1 AND i.role = 'instructor' AND l.user_id = $2 AND l.role = 'learner'",
        )
        .bind(instructor_id)
        .bind(learner_id)
        .fetch_one(&self.read)
        .await?;
        Ok(n > 0)
    }

    /// True when the user teaches the cohort.
    pub async fn teaches_cohort(&self, instructor_id: i64, cohort_id: i64) -> Result<bool> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cohort_members WHERE user_id = $1 AND cohort_id = $2 AND role = 'instructor'")
            .bind(instructor_id)
            .bind(cohort_id)
            .fetch_one(&self.read)
            .await?;
        Ok(n > 0)
    }

    // ---- assignments ----

    pub async fn create_assignment(&self, cohort_id: i64, title: &str, case_ids: &[String], due_at: Option<i64>, created_by: i64, now: i64) -> Result<Assignment> {
        if case_ids.is_empty() {
            return Err(StoreError::Invalid("an assignment needs at least one case".into()));
        }
        if let Some(bad) = case_ids.iter().find(|c| c.is_empty() || c.contains(',')) {
            return Err(StoreError::Invalid(format!("{bad:?} is not a case id")));
        }
        let title = title.trim();
        let id: i64 = sqlx::query_scalar("INSERT INTO assignments (cohort_id, title, case_ids, due_at, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
            .bind(cohort_id)
            .bind(title)
            .bind(case_ids.join(","))
            .bind(due_at)
            .bind(created_by)
            .bind(now)
            .fetch_one(&self.write)
            .await?;
        Ok(Assignment { id, cohort_id, title: title.into(), case_ids: case_ids.to_vec(), due_at, created_at: now })
    }

    pub async fn assignments(&self, cohort_id: i64) -> Result<Vec<Assignment>> {
        let rows = sqlx::query(&format!("SELECT {ASSIGNMENT} FROM assignments a WHERE a.cohort_id = $1 ORDER BY a.due_at, a.id")).bind(cohort_id).fetch_all(&self.read).await?;
        rows.iter().map(assignment).collect()
    }

    /// The assignments of every cohort a learner is in, soonest due first.
    pub async fn assignments_of_learner(&self, user_id: i64) -> Result<Vec<Assignment>> {
        let rows = sqlx::query(&format!(
            "SELECT {ASSIGNMENT} FROM assignments a JOIN cohort_members m ON m.cohort_id = a.cohort_id WHERE m.user_id = $1 AND m.role = 'learner' ORDER BY a.due_at, a.id"
        ))
        .bind(user_id)
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(assignment).collect()
    }

    // ---- drafts ----

    /// Saves (or replaces) the learner's draft of a case.
    pub async fn save_draft(&self, user_id: i64, case_id: &str, body: &str, seconds_spent: i64, now: i64) -> Result<()> {
        sqlx::query(
            "INSERT INTO drafts (user_id, case_id, body, seconds_spent, updated_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (user_id, case_id) DO UPDATE SET body = excluded.body, seconds_spent = excluded.seconds_spent, updated_at = excluded.updated_at",
        )
        .bind(user_id)
        .bind(case_id)
        .bind(body)
        .bind(seconds_spent)
        .bind(now)
        .execute(&self.write)
        .await?;
        Ok(())
    }

    pub async fn draft(&self, user_id: i64, case_id: &str) -> Result<Option<Draft>> {
        let row = sqlx::query("SELECT case_id, body, seconds_spent, updated_at FROM drafts WHERE user_id = $1 AND case_id = $2")
            .bind(user_id)
            .bind(case_id)
            .fetch_optional(&self.read)
            .await?;
        row.map(|r| Ok(Draft { case_id: r.try_get(0)?, body: r.try_get(1)?, seconds_spent: r.try_get(2)?, updated_at: r.try_get(3)? })).transpose()
    }

    /// The case ids a learner has drafts of.
    pub async fn drafts_of(&self, user_id: i64) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar("SELECT case_id FROM drafts WHERE user_id = $1 ORDER BY updated_at DESC").bind(user_id).fetch_all(&self.read).await?)
    }

    // ---- submissions ----

    /// Stores a submission and removes the learner's draft of the case, in one transaction. Returns the id and
    /// whether it is new: a request id seen before returns the first submission's id (a retried submit), and a
    /// request id of another user's is a conflict. On SQLite the submissions of many learners arriving together are
    /// written in one transaction (group commit, see `batch_writer`); each is answered only after its commit.
    pub async fn insert_submission(&self, s: &NewSubmission<'_>) -> Result<(i64, bool)> {
        if let Some(batch) = &self.batch {
            let (reply, answer) = tokio::sync::oneshot::channel();
            let job = Job { sub: OwnedSubmission::of(s), reply };
            batch.send(job).await.map_err(|_| StoreError::Database(sqlx::Error::PoolClosed))?;
            return answer.await.map_err(|_| StoreError::Database(sqlx::Error::PoolClosed))?;
        }
        let mut tx = self.write.begin().await?;
        let result = insert_in(&mut tx, s).await?;
        tx.commit().await?;
        Ok(result)
    }

    pub async fn submission(&self, id: i64) -> Result<Option<Submission>> {
        let row = sqlx::query(&format!("SELECT {SUBMISSION} FROM submissions WHERE id = $1")).bind(id).fetch_optional(&self.read).await?;
        row.map(|r| submission(&r)).transpose()
    }

    /// Replaces a submission's audit record and scores, if it is still at `version` (else `Stale`).
    pub async fn update_record(&self, id: i64, version: i64, record: &str, scores: Scores, reviewed_at: Option<i64>) -> Result<i64> {
        let done = sqlx::query(
            "UPDATE submissions SET record = $1, code_accuracy = $2, record_accurate = $3, weighted = $4, rationale = $5, open_disputes = $6, \
             reviewed_at = COALESCE($7, reviewed_at), version = version + 1 WHERE id = $8 AND version = $9",
        )
        .bind(record)
        .bind(scores.code_accuracy)
        .bind(scores.record_accurate as i64)
        .bind(scores.weighted)
        .bind(scores.rationale)
        .bind(scores.open_disputes)
        .bind(reviewed_at)
        .bind(id)
        .bind(version)
        .execute(&self.write)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Stale(format!("submission {id}")));
        }
        Ok(version + 1)
    }

    /// A learner's submissions, oldest first (progress reads them in order).
    pub async fn submissions_of(&self, user_id: i64) -> Result<Vec<SubmissionSummary>> {
        let rows = sqlx::query(&format!("SELECT {SUMMARY} FROM submissions s JOIN users u ON u.id = s.user_id WHERE s.user_id = $1 ORDER BY s.submitted_at, s.id"))
            .bind(user_id)
            .fetch_all(&self.read)
            .await?;
        rows.iter().map(summary).collect()
    }

    /// A learner's submissions with their records, oldest first (the progress page reads every audit).
    pub async fn submissions_with_records(&self, user_id: i64) -> Result<Vec<Submission>> {
        let rows = sqlx::query(&format!("SELECT {SUBMISSION} FROM submissions WHERE user_id = $1 ORDER BY submitted_at, id")).bind(user_id).fetch_all(&self.read).await?;
        rows.iter().map(submission).collect()
    }

    /// The submissions an instructor reviews (their cohorts' learners'; every learner's for an administrator), open
    /// disputes first, then unreviewed, newest first.
    pub async fn review_queue(&self, reviewer: &User, limit: i64) -> Result<Vec<SubmissionSummary>> {
        let order = "ORDER BY CASE WHEN s.open_disputes > 0 THEN 0 WHEN s.reviewed_at IS NULL THEN 1 ELSE 2 END, s.submitted_at DESC, s.id DESC";
        let rows = if reviewer.role == Role::Admin {
            sqlx::query(&format!("SELECT {SUMMARY} FROM submissions s JOIN users u ON u.id = s.user_id {order} LIMIT $1")).bind(limit).fetch_all(&self.read).await?
        } else {
            sqlx::query(&format!(
                "SELECT {SUMMARY} FROM submissions s JOIN users u ON u.id = s.user_id WHERE s.user_id IN \
                 (SELECT l.user_id FROM cohort_members l JOIN cohort_members i ON i.cohort_id = l.cohort_id WHERE i.user_id = $1 AND i.role = 'instructor' AND l.role = 'learner') {order} LIMIT $2"
            ))
            .bind(reviewer.id)
            .bind(limit)
            .fetch_all(&self.read)
            .await?
        };
        rows.iter().map(summary).collect()
    }

    /// How many submissions there are (all learners).
    pub async fn count_submissions(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM submissions").fetch_one(&self.read).await?)
    }

    // ---- written corrections ----

    pub async fn add_comment(&self, submission_id: i64, author_id: i64, body: &str, now: i64) -> Result<i64> {
        if body.trim().is_empty() {
            return Err(StoreError::Invalid("a correction cannot be empty".into()));
        }
        Ok(sqlx::query_scalar("INSERT INTO comments (submission_id, author_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
            .bind(submission_id)
            .bind(author_id)
            .bind(body)
            .bind(now)
            .fetch_one(&self.write)
            .await?)
    }

    pub async fn comments(&self, submission_id: i64) -> Result<Vec<Comment>> {
        let rows = sqlx::query(
            "SELECT c.id, c.submission_id, c.author_id, u.display_name, c.body, c.created_at FROM comments c JOIN users u ON u.id = c.author_id \
             WHERE c.submission_id = $1 ORDER BY c.created_at, c.id",
        )
        .bind(submission_id)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| Ok(Comment { id: r.try_get(0)?, submission_id: r.try_get(1)?, author_id: r.try_get(2)?, author: r.try_get(3)?, body: r.try_get(4)?, created_at: r.try_get(5)? }))
            .collect()
    }
}

/// A submission waiting for the SQLite writer, and where its answer goes.
struct Job {
    sub: OwnedSubmission,
    reply: tokio::sync::oneshot::Sender<Result<(i64, bool)>>,
}

struct OwnedSubmission {
    user_id: i64,
    case_id: String,
    request_id: String,
    body: String,
    record: String,
    scores: Scores,
    seconds_spent: i64,
    submitted_at: i64,
}

impl OwnedSubmission {
    fn of(s: &NewSubmission<'_>) -> OwnedSubmission {
        OwnedSubmission {
            user_id: s.user_id,
            case_id: s.case_id.into(),
            request_id: s.request_id.into(),
            body: s.body.into(),
            record: s.record.into(),
            scores: s.scores,
            seconds_spent: s.seconds_spent,
            submitted_at: s.submitted_at,
        }
    }

    fn as_new(&self) -> NewSubmission<'_> {
        NewSubmission {
            user_id: self.user_id,
            case_id: &self.case_id,
            request_id: &self.request_id,
            body: &self.body,
            record: &self.record,
            scores: self.scores,
            seconds_spent: self.seconds_spent,
            submitted_at: self.submitted_at,
        }
    }
}

/// The most submissions one SQLite transaction takes.
const BATCH: usize = 64;

/// SQLite's group commit: takes the submissions waiting (up to `BATCH`), writes them in one transaction, and answers
/// each after the commit. One commit costs about what one insert does, so under load the writer keeps up with many
/// learners; alone, a submission waits for nobody. A submission refused on its own (another user's request id) is
/// answered with its error and the others are kept; a failed commit answers every one with the error.
async fn batch_writer(pool: AnyPool, mut jobs: tokio::sync::mpsc::Receiver<Job>) {
    while let Some(first) = jobs.recv().await {
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match jobs.try_recv() {
                Ok(j) => batch.push(j),
                Err(_) => break,
            }
        }
        let outcome = async {
            let mut tx = pool.begin().await?;
            let mut results = Vec::with_capacity(batch.len());
            for job in &batch {
                results.push(insert_in(&mut tx, &job.sub.as_new()).await);
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(results)
        }
        .await;
        match outcome {
            Ok(results) => {
                for (job, r) in batch.into_iter().zip(results) {
                    let _ = job.reply.send(r);
                }
            }
            Err(e) => {
                let message = e.to_string();
                for job in batch {
                    let _ = job.reply.send(Err(StoreError::Database(sqlx::Error::Protocol(format!("the write was not committed: {message}")))));
                }
            }
        }
    }
}

/// One submission's insert (and its draft's removal) inside a transaction.
async fn insert_in(tx: &mut sqlx::AnyConnection, s: &NewSubmission<'_>) -> Result<(i64, bool)> {
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO submissions (user_id, case_id, request_id, body, record, code_accuracy, record_accurate, weighted, rationale, open_disputes, seconds_spent, submitted_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (request_id) DO NOTHING RETURNING id",
    )
    .bind(s.user_id)
    .bind(s.case_id)
    .bind(s.request_id)
    .bind(s.body)
    .bind(s.record)
    .bind(s.scores.code_accuracy)
    .bind(s.scores.record_accurate as i64)
    .bind(s.scores.weighted)
    .bind(s.scores.rationale)
    .bind(s.scores.open_disputes)
    .bind(s.seconds_spent)
    .bind(s.submitted_at)
    .fetch_optional(&mut *tx)
    .await?;
    match id {
        Some(id) => {
            sqlx::query("DELETE FROM drafts WHERE user_id = $1 AND case_id = $2").bind(s.user_id).bind(s.case_id).execute(&mut *tx).await?;
            Ok((id, true))
        }
        None => {
            let (id, owner): (i64, i64) = sqlx::query_as("SELECT id, user_id FROM submissions WHERE request_id = $1").bind(s.request_id).fetch_one(&mut *tx).await?;
            if owner != s.user_id {
                return Err(StoreError::Conflict(format!("the request id {:?}", s.request_id)));
            }
            Ok((id, false))
        }
    }
}

fn pool(max: u32) -> AnyPoolOptions {
    AnyPoolOptions::new().max_connections(max).acquire_timeout(Duration::from_secs(30)).after_connect(|conn, _| {
        Box::pin(async move {
            if conn.backend_name() == "SQLite" {
                // WAL: readers never wait for the writer. synchronous=NORMAL: a committed transaction survives the
                // process being killed (it is in the WAL file the OS holds); only a power cut can take the last ones.
                // One statement per call: the driver runs only the first of several.
                for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000"] {
                    conn.execute(pragma).await?;
                }
            }
            Ok(())
        })
    })
}

/// Splits a migration into statements (`;` at a line's end), dropping `--` comment lines.
fn statements(sql: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in sql.lines() {
        let line = line.trim_end();
        if line.trim_start().starts_with("--") || line.trim().is_empty() {
            continue;
        }
        current.push_str(line);
        current.push('\n');
        if line.ends_with(';') {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out
}

fn unix_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

/// A unique-constraint failure becomes `Conflict` naming what was taken.
fn unique(e: sqlx::Error, what: String) -> StoreError {
    match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Conflict(what),
        _ => StoreError::Database(e),
    }
}

const USER: &str = "id, username, display_name, role, created_at, disabled_at";
const USER_U: &str = "u.id, u.username, u.display_name, u.role, u.created_at, u.disabled_at";
const COHORT: &str = "c.id, c.name, c.pacing, c.created_by, c.created_at";
const ASSIGNMENT: &str = "a.id, a.cohort_id, a.title, a.case_ids, a.due_at, a.created_at";
const SUBMISSION: &str = "id, user_id, case_id, body, record, code_accuracy, record_accurate, weighted, rationale, open_disputes, seconds_spent, submitted_at, reviewed_at, version";
const SUMMARY: &str = "s.id, s.user_id, u.display_name, s.case_id, s.code_accuracy, s.record_accurate, s.weighted, s.rationale, s.open_disputes, s.seconds_spent, s.submitted_at, s.reviewed_at";

fn user(r: &AnyRow, at: usize) -> Result<User> {
    let role: String = r.try_get(at + 3)?;
    Ok(User {
        id: r.try_get(at)?,
        username: r.try_get(at + 1)?,
        display_name: r.try_get(at + 2)?,
        role: Role::parse(&role).ok_or_else(|| StoreError::Invalid(format!("unknown role {role:?} in the database")))?,
        created_at: r.try_get(at + 4)?,
        disabled: r.try_get::<Option<i64>, _>(at + 5)?.is_some(),
    })
}

fn cohort(r: &AnyRow) -> Result<Cohort> {
    let pacing: String = r.try_get(2)?;
    Ok(Cohort {
        id: r.try_get(0)?,
        name: r.try_get(1)?,
        pacing: Pacing::parse(&pacing).ok_or_else(|| StoreError::Invalid(format!("unknown pacing {pacing:?} in the database")))?,
        created_by: r.try_get(3)?,
        created_at: r.try_get(4)?,
    })
}

fn assignment(r: &AnyRow) -> Result<Assignment> {
    let ids: String = r.try_get(3)?;
    Ok(Assignment {
        id: r.try_get(0)?,
        cohort_id: r.try_get(1)?,
        title: r.try_get(2)?,
        case_ids: ids.split(',').filter(|s| !s.is_empty()).map(String::from).collect(),
        due_at: r.try_get(4)?,
        created_at: r.try_get(5)?,
    })
}

fn scores(r: &AnyRow, at: usize) -> Result<Scores> {
    Ok(Scores {
        code_accuracy: r.try_get(at)?,
        record_accurate: r.try_get::<i64, _>(at + 1)? != 0,
        weighted: r.try_get(at + 2)?,
        rationale: r.try_get(at + 3)?,
        open_disputes: r.try_get(at + 4)?,
    })
}

fn submission(r: &AnyRow) -> Result<Submission> {
    Ok(Submission {
        id: r.try_get(0)?,
        user_id: r.try_get(1)?,
        case_id: r.try_get(2)?,
        body: r.try_get(3)?,
        record: r.try_get(4)?,
        scores: scores(r, 5)?,
        seconds_spent: r.try_get(10)?,
        submitted_at: r.try_get(11)?,
        reviewed_at: r.try_get(12)?,
        version: r.try_get(13)?,
    })
}

fn summary(r: &AnyRow) -> Result<SubmissionSummary> {
    Ok(SubmissionSummary {
        id: r.try_get(0)?,
        user_id: r.try_get(1)?,
        learner: r.try_get(2)?,
        case_id: r.try_get(3)?,
        scores: scores(r, 4)?,
        seconds_spent: r.try_get(9)?,
        submitted_at: r.try_get(10)?,
        reviewed_at: r.try_get(11)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_migration_splits_into_statements_without_comments() {
        let s = statements("-- a comment\nCREATE TABLE a (\n  x BIGINT\n);\n\nCREATE INDEX b ON a (x);\n");
        assert_eq!(s.len(), 2);
        assert!(s[0].starts_with("CREATE TABLE a"));
        assert!(!s.iter().any(|x| x.contains("--")));
    }

    #[test]
    fn every_migration_names_its_key_the_same_way() {
        for (_, _, sql) in MIGRATIONS {
            for line in sql.lines().filter(|l| l.trim_start().starts_with("id ")) {
                assert_eq!(line.trim(), "id {id},", "an auto-numbered key must be written `id {{id}},` so both backends fill it in");
            }
        }
    }
}
