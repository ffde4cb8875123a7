//! Who may see and do what. Every page and API call that shows a person's work asks here, so the rules are written
//! once and tested once:
//!
//! - a learner sees their own drafts and submissions, and a case's gold coding only in the feedback of a submission
//!   of theirs (after submitting);
//! - an instructor sees the work of the learners in the cohorts they teach, and reviews it;
//! - an administrator sees and reviews everything, and manages people and cohorts.
//!
//! What a person may not see is answered "not found", so that its existence is not told either.

use crate::error::AppError;
use store::{Role, Store, User};

/// May `viewer` see the work of `owner` (a user id)?
pub async fn sees_work_of(store: &Store, viewer: &User, owner: i64) -> Result<bool, AppError> {
    Ok(match viewer.role {
        Role::Admin => true,
        Role::Instructor => viewer.id == owner || store.teaches(viewer.id, owner).await?,
        Role::Learner => viewer.id == owner,
    })
}

/// May `viewer` review (override, annotate, correct, decide disputes on) the work of `owner`?
pub async fn reviews_work_of(store: &Store, viewer: &User, owner: i64) -> Result<bool, AppError> {
    Ok(match viewer.role {
        Role::Admin => true,
        Role::Instructor => store.teaches(viewer.id, owner).await?,
        Role::Learner => false,
    })
}

/// May `viewer` see and manage the cohort?
pub async fn manages_cohort(store: &Store, viewer: &User, cohort: i64) -> Result<bool, AppError> {
    Ok(match viewer.role {
        Role::Admin => true,
        Role::Instructor => store.teaches_cohort(viewer.id, cohort).await?,
        Role::Learner => false,
    })
}

/// The submission, if `viewer` may see it; "not found" otherwise.
pub async fn submission(store: &Store, viewer: &User, id: i64) -> Result<store::Submission, AppError> {
    let s = store.submission(id).await?.ok_or(AppError::NotFound)?;
    if sees_work_of(store, viewer, s.user_id).await? {
        Ok(s)
    } else {
        Err(AppError::NotFound)
    }
}
