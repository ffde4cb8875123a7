//! The store test suite. Every test runs twice, on SQLite and on PostgreSQL, through the same API: the two backends
//! must agree. PostgreSQL comes from `CODEFELLOW_TEST_POSTGRES` (a server URL; `scripts/test.sh` starts one); each
//! test gets a database of its own. Without the variable the PostgreSQL half is skipped, unless
//! `CODEFELLOW_REQUIRE_ALL=1` says it must run (CI).

use store::{NewSubmission, NewUser, Pacing, Role, Scores, Store, StoreError};

/// Runs each listed test on both backends.
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                let (store, _dir) = super::sqlite().await;
                super::$name(store).await;
            })*
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                let Some(store) = super::postgres(stringify!($name)).await else { return };
                super::$name(store).await;
            })*
        }
    };
}

on_both_backends!(
    a_user_is_created_and_read_back,
    a_taken_username_is_a_conflict,
    the_first_admin_needs_an_unused_token_and_no_admin,
    a_session_expires_and_dies_with_logout,
    an_instructor_teaches_only_the_learners_of_their_cohorts,
    assignments_keep_their_cases_and_due_dates,
    a_draft_is_replaced_and_removed_by_the_submission,
    a_retried_submit_stores_one_submission,
    another_users_request_id_is_a_conflict,
    a_stale_record_update_is_refused,
    the_review_queue_puts_disputes_first_and_is_scoped,
    corrections_are_kept_in_order,
    reopening_applies_no_migration_twice,
    concurrent_submissions_are_all_kept,
    a_refused_submission_in_a_burst_leaves_the_others_stored,
);

async fn sqlite() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_sqlite(&dir.path().join("test.db")).await.unwrap();
    (store, dir)
}

async fn postgres(test: &str) -> Option<Store> {
    let Ok(url) = std::env::var("CODEFELLOW_TEST_POSTGRES") else {
        if std::env::var("CODEFELLOW_REQUIRE_ALL").as_deref() == Ok("1") {
            panic!("CODEFELLOW_TEST_POSTGRES is not set, and CODEFELLOW_REQUIRE_ALL=1 requires the PostgreSQL tests: run bash scripts/test.sh");
        }
        eprintln!("skipping the PostgreSQL run of {test}: CODEFELLOW_TEST_POSTGRES is not set");
        return None;
    };
    Some(fresh_postgres(&url, test).await)
}

/// A new, empty database on the server for one test.
async fn fresh_postgres(url: &str, test: &str) -> Store {
    use sqlx::Executor;
    sqlx::any::install_default_drivers();
    let name = format!("t_{}_{}", test.chars().take(40).collect::<String>(), std::process::id());
    let mut admin = <sqlx::AnyConnection as sqlx::Connection>::connect(url).await.expect("connecting to CODEFELLOW_TEST_POSTGRES");
    admin.execute(format!("DROP DATABASE IF EXISTS {name}").as_str()).await.unwrap();
    admin.execute(format!("CREATE DATABASE {name}").as_str()).await.unwrap();
    let (base, _) = url.rsplit_once('/').expect("the URL names a database");
    Store::open(&format!("{base}/{name}")).await.unwrap()
}

fn new_user<'a>(name: &'a str, role: Role) -> NewUser<'a> {
    NewUser { username: name, display_name: name, role, password_hash: "$argon2id$test" }
}

fn submission<'a>(user_id: i64, case_id: &'a str, request_id: &'a str, at: i64) -> NewSubmission<'a> {
    NewSubmission {
        user_id,
        case_id,
        request_id,
        body: r#"{"case":"IP-0001"}"#,
        record: r#"{"report":{}}"#,
        scores: Scores { code_accuracy: 0.75, record_accurate: false, weighted: 0.6, rationale: Some(0.5), open_disputes: 0 },
        seconds_spent: 600,
        submitted_at: at,
    }
}

async fn a_user_is_created_and_read_back(store: Store) {
    let u = store.create_user(&NewUser { username: " ada ", display_name: "Ada L.", role: Role::Instructor, password_hash: "$argon2id$x" }, 5).await.unwrap();
    assert_eq!(u.username, "ada", "the username is kept trimmed");
    let back = store.user(u.id).await.unwrap().unwrap();
    assert_eq!(back, u);
    let (with_hash, hash) = store.user_with_hash("ada").await.unwrap().unwrap();
    assert_eq!((with_hash.id, hash.as_str()), (u.id, "$argon2id$x"));
    assert!(store.user_with_hash("nobody").await.unwrap().is_none());
    assert!(store.set_password(u.id, "$argon2id$y").await.unwrap());
    assert_eq!(store.user_with_hash("ada").await.unwrap().unwrap().1, "$argon2id$y");
    assert_eq!(store.users().await.unwrap().len(), 1);
}

async fn a_taken_username_is_a_conflict(store: Store) {
    store.create_user(&new_user("bob", Role::Learner), 1).await.unwrap();
    match store.create_user(&new_user("bob", Role::Admin), 2).await {
        Err(StoreError::Conflict(what)) => assert!(what.contains("bob"), "{what}"),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert!(matches!(store.create_user(&new_user("  ", Role::Learner), 3).await, Err(StoreError::Invalid(_))));
    assert_eq!(store.users().await.unwrap().len(), 1, "nothing half-made was kept");
}

async fn the_first_admin_needs_an_unused_token_and_no_admin(store: Store) {
    store.create_setup_token("h1", 0, 1_000).await.unwrap();
    assert!(store.setup_token_valid("h1", 10).await.unwrap());
    assert!(!store.setup_token_valid("h1", 1_000).await.unwrap(), "an expired token is not valid");
    assert!(!store.setup_token_valid("nope", 10).await.unwrap());
    assert!(store.create_first_admin("nope", &new_user("eve", Role::Admin), 10).await.unwrap().is_none(), "an unknown token creates no one");
    let admin = store.create_first_admin("h1", &new_user("root", Role::Admin), 10).await.unwrap().unwrap();
    assert_eq!(admin.role, Role::Admin);
    assert!(store.create_first_admin("h1", &new_user("again", Role::Admin), 11).await.unwrap().is_none(), "a token works once");
    store.create_setup_token("h2", 20, 1_000).await.unwrap();
    assert!(store.create_first_admin("h2", &new_user("second", Role::Admin), 21).await.unwrap().is_none(), "no token works once an admin exists");
    assert_eq!(store.count_admins().await.unwrap(), 1);
}

async fn a_session_expires_and_dies_with_logout(store: Store) {
    let u = store.create_user(&new_user("cy", Role::Learner), 0).await.unwrap();
    store.create_session("s1", u.id, "csrf1", 0, 100).await.unwrap();
    let s = store.session("s1", 50).await.unwrap().unwrap();
    assert_eq!((s.user.id, s.csrf.as_str()), (u.id, "csrf1"));
    assert!(store.session("s1", 100).await.unwrap().is_none(), "an expired session is no session");
    assert_eq!(store.delete_expired_sessions(100).await.unwrap(), 1);
    store.create_session("s2", u.id, "csrf2", 0, 100).await.unwrap();
    store.delete_session("s2").await.unwrap();
    assert!(store.session("s2", 1).await.unwrap().is_none());
}

async fn an_instructor_teaches_only_the_learners_of_their_cohorts(store: Store) {
    let admin = store.create_user(&new_user("admin", Role::Admin), 0).await.unwrap();
    let teach = store.create_user(&new_user("teach", Role::Instructor), 0).await.unwrap();
    let other = store.create_user(&new_user("other", Role::Instructor), 0).await.unwrap();
    let l1 = store.create_user(&new_user("l1", Role::Learner), 0).await.unwrap();
    let l2 = store.create_user(&new_user("l2", Role::Learner), 0).await.unwrap();
    let a = store.create_cohort("Spring", Pacing::InstructorLed, admin.id, 0).await.unwrap();
    let b = store.create_cohort("Summer", Pacing::SelfPaced, admin.id, 0).await.unwrap();
    assert!(matches!(store.create_cohort("Spring", Pacing::SelfPaced, admin.id, 0).await, Err(StoreError::Conflict(_))));
    store.add_member(a.id, teach.id).await.unwrap();
    store.add_member(a.id, l1.id).await.unwrap();
    store.add_member(a.id, l1.id).await.unwrap(); // twice is once
    store.add_member(b.id, other.id).await.unwrap();
    store.add_member(b.id, l2.id).await.unwrap();
    assert!(store.teaches(teach.id, l1.id).await.unwrap());
    assert!(!store.teaches(teach.id, l2.id).await.unwrap(), "another cohort's learner");
    assert!(!store.teaches(l1.id, l1.id).await.unwrap(), "a learner teaches no one");
    assert!(!store.teaches(l1.id, teach.id).await.unwrap());
    assert!(store.teaches_cohort(teach.id, a.id).await.unwrap() && !store.teaches_cohort(teach.id, b.id).await.unwrap());
    assert_eq!(store.members(a.id, Role::Learner).await.unwrap().iter().map(|u| u.id).collect::<Vec<_>>(), vec![l1.id]);
    assert_eq!(store.members(a.id, Role::Instructor).await.unwrap().iter().map(|u| u.id).collect::<Vec<_>>(), vec![teach.id]);
    assert_eq!(store.cohorts_of(l1.id).await.unwrap(), vec![a.clone()]);
    assert_eq!(store.cohorts().await.unwrap().len(), 2);
    store.remove_member(a.id, l1.id).await.unwrap();
    assert!(!store.teaches(teach.id, l1.id).await.unwrap(), "a learner who left is no longer seen");
}

async fn assignments_keep_their_cases_and_due_dates(store: Store) {
    let admin = store.create_user(&new_user("admin", Role::Admin), 0).await.unwrap();
    let l = store.create_user(&new_user("l", Role::Learner), 0).await.unwrap();
    let c = store.create_cohort("C", Pacing::InstructorLed, admin.id, 0).await.unwrap();
    store.add_member(c.id, l.id).await.unwrap();
    let cases = vec!["IP-0001".to_string(), "ED-0002".to_string()];
    let a = store.create_assignment(c.id, "Week 1", &cases, Some(1_000), admin.id, 5).await.unwrap();
    store.create_assignment(c.id, "Week 0", &["OP-0003".to_string()], Some(500), admin.id, 5).await.unwrap();
    let listed = store.assignments(c.id).await.unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].title, "Week 0", "soonest due first");
    assert_eq!(listed[1], a);
    assert_eq!(store.assignments_of_learner(l.id).await.unwrap().len(), 2);
    assert!(matches!(store.create_assignment(c.id, "bad", &["A,B".to_string()], None, admin.id, 5).await, Err(StoreError::Invalid(_))));
    assert!(matches!(store.create_assignment(c.id, "empty", &[], None, admin.id, 5).await, Err(StoreError::Invalid(_))));
}

async fn a_draft_is_replaced_and_removed_by_the_submission(store: Store) {
    let l = store.create_user(&new_user("l", Role::Learner), 0).await.unwrap();
    store.save_draft(l.id, "IP-0001", "{\"v\":1}", 30, 10).await.unwrap();
    store.save_draft(l.id, "IP-0001", "{\"v\":2}", 45, 20).await.unwrap();
    let d = store.draft(l.id, "IP-0001").await.unwrap().unwrap();
    assert_eq!((d.body.as_str(), d.seconds_spent, d.updated_at), ("{\"v\":2}", 45, 20));
    assert_eq!(store.drafts_of(l.id).await.unwrap(), vec!["IP-0001".to_string()]);
    store.insert_submission(&submission(l.id, "IP-0001", "r1", 30)).await.unwrap();
    assert!(store.draft(l.id, "IP-0001").await.unwrap().is_none(), "submitting clears the draft");
}

async fn a_retried_submit_stores_one_submission(store: Store) {
    let l = store.create_user(&new_user("l", Role::Learner), 0).await.unwrap();
    let (id, new) = store.insert_submission(&submission(l.id, "IP-0001", "req-1", 10)).await.unwrap();
    assert!(new);
    let (again, new_again) = store.insert_submission(&submission(l.id, "IP-0001", "req-1", 11)).await.unwrap();
    assert_eq!((again, new_again), (id, false));
    assert_eq!(store.count_submissions().await.unwrap(), 1);
    let s = store.submission(id).await.unwrap().unwrap();
    assert_eq!((s.case_id.as_str(), s.seconds_spent, s.submitted_at, s.version), ("IP-0001", 600, 10, 1));
    assert_eq!(s.scores, Scores { code_accuracy: 0.75, record_accurate: false, weighted: 0.6, rationale: Some(0.5), open_disputes: 0 });
    assert_eq!(store.submissions_of(l.id).await.unwrap().len(), 1);
    let full = store.submissions_with_records(l.id).await.unwrap();
    assert_eq!((full.len(), full[0].record.as_str()), (1, r#"{"report":{}}"#));
}

async fn another_users_request_id_is_a_conflict(store: Store) {
    let a = store.create_user(&new_user("a", Role::Learner), 0).await.unwrap();
    let b = store.create_user(&new_user("b", Role::Learner), 0).await.unwrap();
    store.insert_submission(&submission(a.id, "IP-0001", "same", 10)).await.unwrap();
    assert!(matches!(store.insert_submission(&submission(b.id, "IP-0001", "same", 11)).await, Err(StoreError::Conflict(_))));
    assert!(store.submissions_of(b.id).await.unwrap().is_empty());
}

async fn a_stale_record_update_is_refused(store: Store) {
    let l = store.create_user(&new_user("l", Role::Learner), 0).await.unwrap();
    let (id, _) = store.insert_submission(&submission(l.id, "IP-0001", "r", 10)).await.unwrap();
    let scores = Scores { code_accuracy: 1.0, record_accurate: true, weighted: 1.0, rationale: None, open_disputes: 1 };
    let v2 = store.update_record(id, 1, "{\"report\":2}", scores, Some(99)).await.unwrap();
    assert_eq!(v2, 2);
    assert!(matches!(store.update_record(id, 1, "{\"report\":3}", scores, None).await, Err(StoreError::Stale(_))), "a change made on version 1 is stale");
    let s = store.submission(id).await.unwrap().unwrap();
    assert_eq!((s.record.as_str(), s.version, s.reviewed_at, s.scores), ("{\"report\":2}", 2, Some(99), scores));
    store.update_record(id, 2, "{}", scores, None).await.unwrap();
    assert_eq!(store.submission(id).await.unwrap().unwrap().reviewed_at, Some(99), "no review time keeps the last one");
}

async fn the_review_queue_puts_disputes_first_and_is_scoped(store: Store) {
    let admin = store.create_user(&new_user("admin", Role::Admin), 0).await.unwrap();
    let teach = store.create_user(&new_user("teach", Role::Instructor), 0).await.unwrap();
    let l1 = store.create_user(&new_user("l1", Role::Learner), 0).await.unwrap();
    let l2 = store.create_user(&new_user("l2", Role::Learner), 0).await.unwrap();
    let c = store.create_cohort("C", Pacing::SelfPaced, admin.id, 0).await.unwrap();
    store.add_member(c.id, teach.id).await.unwrap();
    store.add_member(c.id, l1.id).await.unwrap();
    let (old, _) = store.insert_submission(&submission(l1.id, "A-1", "r1", 10)).await.unwrap();
    let (new, _) = store.insert_submission(&submission(l1.id, "A-2", "r2", 20)).await.unwrap();
    let (outside, _) = store.insert_submission(&submission(l2.id, "A-3", "r3", 30)).await.unwrap();
    let disputed = Scores { open_disputes: 1, ..Default::default() };
    store.update_record(old, 1, "{}", disputed, None).await.unwrap();
    let queue: Vec<i64> = store.review_queue(&teach, 50).await.unwrap().iter().map(|s| s.id).collect();
    assert_eq!(queue, vec![old, new], "the disputed one first; another cohort's learner's work is not there");
    let all: Vec<i64> = store.review_queue(&admin, 50).await.unwrap().iter().map(|s| s.id).collect();
    assert_eq!(all, vec![old, outside, new], "an administrator sees everyone's");
    assert!(store.review_queue(&l1, 50).await.unwrap().is_empty(), "a learner reviews nothing");
    assert_eq!(store.review_queue(&admin, 1).await.unwrap().len(), 1);
}

async fn corrections_are_kept_in_order(store: Store) {
    let teach = store.create_user(&new_user("teach", Role::Instructor), 0).await.unwrap();
    let l = store.create_user(&new_user("l", Role::Learner), 0).await.unwrap();
    let (id, _) = store.insert_submission(&submission(l.id, "A-1", "r1", 10)).await.unwrap();
    store.add_comment(id, teach.id, "Sequence the sepsis first.", 20).await.unwrap();
    store.add_comment(id, teach.id, "<b>and POA Y</b>", 30).await.unwrap();
    assert!(matches!(store.add_comment(id, teach.id, "   ", 40).await, Err(StoreError::Invalid(_))));
    let c = store.comments(id).await.unwrap();
    assert_eq!(c.iter().map(|c| c.body.as_str()).collect::<Vec<_>>(), vec!["Sequence the sepsis first.", "<b>and POA Y</b>"], "kept as written, escaping is the page's job");
    assert_eq!(c[0].author, "teach");
}

async fn reopening_applies_no_migration_twice(store: Store) {
    let kept = store.create_user(&new_user("kept", Role::Learner), 0).await.unwrap();
    // Two handles opened at once, as two app servers starting together: the migrator runs in both, applies nothing
    // twice, and the data stays.
    let (a, b) = tokio::join!(store.reopen(), store.reopen());
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.user(kept.id).await.unwrap().unwrap().username, "kept");
    b.create_user(&new_user("second", Role::Learner), 1).await.unwrap();
    assert_eq!(store.users().await.unwrap().len(), 2, "one database behind every handle");
    store.close().await;
}

async fn concurrent_submissions_are_all_kept(store: Store) {
    let mut users = vec![];
    for i in 0..20 {
        users.push(store.create_user(&new_user(&format!("u{i}"), Role::Learner), 0).await.unwrap());
    }
    let mut tasks = vec![];
    for (i, u) in users.iter().enumerate() {
        for j in 0..10 {
            let store = store.clone();
            let uid = u.id;
            tasks.push(tokio::spawn(async move {
                let req = format!("{i}-{j}");
                store.save_draft(uid, "IP-0001", "{}", 1, 1).await.unwrap();
                store.insert_submission(&submission(uid, "IP-0001", &req, j)).await.unwrap()
            }));
        }
    }
    let mut ids = vec![];
    for t in tasks {
        ids.push(t.await.unwrap().0);
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 200);
    assert_eq!(store.count_submissions().await.unwrap(), 200);
}

#[tokio::test]
async fn sqlite_connections_run_in_wal_mode_with_normal_sync_and_foreign_keys() {
    let (store, _dir) = sqlite().await;
    // Every pragma of the connection hook took effect (a driver that ran only the first would leave FULL sync, an
    // fsync per commit, and no foreign keys).
    let l = store.create_user(&new_user("fk", Role::Learner), 0).await.unwrap();
    assert!(store.save_draft(l.id + 1000, "IP-0001", "{}", 1, 1).await.is_err(), "foreign keys are enforced");
    assert_eq!(store.pragma("journal_mode").await.unwrap(), "wal");
    assert_eq!(store.pragma("synchronous").await.unwrap(), "1", "NORMAL");
}

async fn a_refused_submission_in_a_burst_leaves_the_others_stored(store: Store) {
    let a = store.create_user(&new_user("a", Role::Learner), 0).await.unwrap();
    let b = store.create_user(&new_user("b", Role::Learner), 0).await.unwrap();
    store.insert_submission(&submission(a.id, "IP-0001", "taken-by-a", 1)).await.unwrap();
    // Many at once, so that SQLite's writer takes several in one transaction; one of them reuses a's request id.
    let mut tasks = vec![];
    for i in 0..40 {
        let store = store.clone();
        let uid = b.id;
        tasks.push(tokio::spawn(async move {
            let req = if i == 20 { "taken-by-a".to_string() } else { format!("b-{i}") };
            store.insert_submission(&submission(uid, "IP-0001", &req, i)).await
        }));
    }
    let mut refused = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok((_, new)) => assert!(new),
            Err(StoreError::Conflict(_)) => refused += 1,
            Err(e) => panic!("{e}"),
        }
    }
    assert_eq!(refused, 1);
    assert_eq!(store.submissions_of(b.id).await.unwrap().len(), 39, "the others of the burst are kept");
}
