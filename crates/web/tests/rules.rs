//! Who may see and do what: each rule, and an attempt to break it.

use crate::support::*;

#[test]
fn a_learner_gets_not_found_for_another_learners_submission() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let c = cohort(&mut admin, "One");
    let mut ann = person(&app, &mut admin, "ann", "learner", Some(c));
    let mut bob = person(&app, &mut admin, "bob", "learner", Some(c));
    let id = submit_gold(&mut ann, &case("ED-0002"), "ann-request-1");
    assert_eq!(ann.get(&format!("/submissions/{id}")).status, 200);
    for path in [format!("/submissions/{id}"), format!("/api/submissions/{id}")] {
        let r = bob.get(&path);
        assert_eq!(r.status, 404, "{path}");
        assert!(!r.body.contains("ED-0002"), "nothing of it is told");
    }
    let d = bob.json("POST", &format!("/api/submissions/{id}/disputes"), &serde_json::json!({"finding": 0, "reason": "mine now"}));
    assert_eq!(d.status, 404, "nor can it be disputed");
    assert!(bob.get("/api/submissions").json()["submissions"].as_array().unwrap().is_empty());
    assert_eq!(bob.get("/api/review").status, 403, "a learner has no review queue");
    // The "not found" page is no dead end: it keeps the learner's navigation and sign-out, and still tells nothing.
    let page = bob.get(&format!("/submissions/{id}"));
    assert!(page.body.contains("<title>Not found · Codefellow</title>"), "{}", page.body);
    assert!(page.body.contains("href=\"/cases\"") && page.body.contains("Sign out") && page.body.contains("bob (learner)"), "{}", page.body);
    assert_eq!(app.client().get("/no-such-page").status, 404, "a visitor's 404 has no navigation to draw");
}

#[test]
fn an_instructor_sees_only_the_learners_of_their_cohorts() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let (a, b) = (cohort(&mut admin, "A"), cohort(&mut admin, "B"));
    let mut teach_a = person(&app, &mut admin, "teach-a", "instructor", Some(a));
    let mut in_b = person(&app, &mut admin, "learner-b", "learner", Some(b));
    let id = submit_gold(&mut in_b, &case("ED-0002"), "b-request-1");
    assert_eq!(teach_a.get(&format!("/submissions/{id}")).status, 404);
    assert_eq!(teach_a.get(&format!("/api/submissions/{id}")).status, 404);
    let o = teach_a.json("POST", &format!("/api/submissions/{id}/overrides"), &serde_json::json!({"finding": 0, "category": "missed", "reason": "x"}));
    assert_eq!(o.status, 404, "nor overridden");
    assert!(teach_a.get("/api/review").json()["submissions"].as_array().unwrap().is_empty());
    assert_eq!(teach_a.get(&format!("/cohorts/{b}")).status, 404, "another cohort's dashboard");
    assert_eq!(teach_a.get(&format!("/cohorts/{a}")).status, 200);
    assert_eq!(admin.get(&format!("/submissions/{id}")).status, 200, "an administrator sees everything");
}

#[test]
fn a_learner_cannot_override_or_annotate_even_their_own_work() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let mut learner = person(&app, &mut admin, "lee", "learner", None);
    let id = submit_form(&mut learner, "IP-0001", &[("dx.0.code", "J18.9")]);
    let r = learner.post_form(&format!("/submissions/{id}/overrides"), &[("finding", "0"), ("category", "correct"), ("reason", "I say so")]);
    assert_eq!(r.status, 403);
    let after = learner.get(&format!("/api/submissions/{id}")).json();
    assert!(after["record"]["trail"].as_array().unwrap().is_empty(), "nothing changed");
    assert_eq!(learner.post_form(&format!("/submissions/{id}/comments"), &[("body", "self-praise")]).status, 403);
}

#[test]
fn the_gold_coding_is_nowhere_before_submitting() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let mut learner = person(&app, &mut admin, "gina", "learner", None);
    let case = case("IP-0001");
    let rationale = &case.gold.diagnoses[0].rationale.text;
    for path in ["/cases/IP-0001", "/api/cases/IP-0001", "/api/cases", "/api/cases/IP-0001/draft", "/cases"] {
        let r = learner.get(path);
        assert_eq!(r.status, 200, "{path}");
        assert!(!r.body.contains(rationale.as_str()), "{path} shows a gold rationale");
        assert!(!r.body.contains("\"gold\""), "{path} carries a gold field");
    }
}

#[test]
fn a_form_without_the_session_csrf_token_is_refused() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let fields = [("username", "mallory"), ("display_name", "M"), ("role", "admin"), ("password", "a good password"), ("cohort", "")];
    let forged = admin.post_form("/admin/users", &[fields.as_slice(), &[("csrf", "0000")]].concat());
    assert_eq!(forged.status, 403);
    let token = admin.csrf.take();
    let missing = admin.post_form("/admin/users", &fields);
    assert_eq!(missing.status, 403);
    admin.csrf = token;
    assert!(!admin.get("/admin").body.contains("mallory"), "no account was made");
    let api = admin.request("PUT", "/api/cases/IP-0001/draft", Some("application/json"), br#"{"form":"","seconds":1}"#, &[]);
    assert_eq!(api.status, 403, "an API write without X-CSRF-Token");
}

#[test]
fn pages_need_a_session_and_the_right_role() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let mut anon = app.client();
    let r = anon.get("/cases/IP-0001");
    assert_eq!((r.status, r.header("location")), (303, Some("/login?next=%2Fcases%2FIP-0001")));
    assert_eq!(anon.get("/api/cases").status, 401);
    let mut learner = person(&app, &mut admin, "lars", "learner", None);
    assert_eq!(learner.get("/admin").status, 403);
    assert_eq!(learner.post_form("/cohorts", &[("name", "mine"), ("pacing", "self_paced")]).status, 403);
    let mut teacher = person(&app, &mut admin, "tom", "instructor", None);
    assert_eq!(teacher.post_form("/admin/users", &[("username", "x1"), ("display_name", "x"), ("role", "admin"), ("password", "a good password")]).status, 403, "an instructor makes no administrators");
}

#[test]
fn signing_out_ends_the_session_on_the_server() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let stolen = admin.cookies.clone();
    assert_eq!(admin.post_form("/logout", &[]).status, 303);
    let mut thief = app.client();
    thief.cookies = stolen;
    assert_eq!(thief.get("/api/me").status, 401, "the old cookie is dead");
}

#[test]
fn the_fifth_wrong_password_locks_sign_in_for_a_while() {
    let app = TestApp::spawn();
    let _admin = app.admin();
    let mut c = app.client();
    for _ in 0..5 {
        assert_eq!(c.sign_in("admin", "wrong password").status, 401);
    }
    let locked = c.sign_in("admin", "admin password 1");
    assert_eq!(locked.status, 429, "even the right password waits");
    assert!(locked.header("retry-after").is_some());
    let api = c.json("POST", "/api/login", &serde_json::json!({"username": "admin", "password": "admin password 1"}));
    assert_eq!(api.status, 429);
}

#[test]
fn the_session_cookie_is_http_only_and_same_site() {
    let app = TestApp::spawn();
    let mut c = app.client();
    let _ = app.admin();
    let r = c.post_form("/login", &[("username", "admin"), ("password", "admin password 1")]);
    let cookie = r.header("set-cookie").unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
}

#[test]
fn progress_is_seen_by_the_learner_and_their_instructors_only() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let (a, b) = (cohort(&mut admin, "PA"), cohort(&mut admin, "PB"));
    let mut ann = person(&app, &mut admin, "p-ann", "learner", Some(a));
    let mut bob = person(&app, &mut admin, "p-bob", "learner", Some(a));
    let mut other_teacher = person(&app, &mut admin, "p-teach-b", "instructor", Some(b));
    submit_gold(&mut ann, &case("ED-0002"), "p-ann-request");
    let ann_id = ann.get("/api/me").json()["user"]["id"].as_i64().unwrap();
    for path in [format!("/learners/{ann_id}/progress"), format!("/api/learners/{ann_id}/progress")] {
        assert_eq!(bob.get(&path).status, 404, "another learner: {path}");
        assert_eq!(other_teacher.get(&path).status, 404, "another cohort's instructor: {path}");
        assert_eq!(ann.get(&path).status, 200);
    }
}

#[test]
fn a_post_from_another_sites_page_is_refused_even_sign_in() {
    let app = TestApp::spawn();
    let _admin = app.admin();
    let mut c = app.client();
    let body = b"username=admin&password=admin+password+1";
    let forged = c.request("POST", "/login", Some("application/x-www-form-urlencoded"), body, &[("Origin", "https://evil.example")]);
    assert_eq!(forged.status, 403);
    assert!(c.cookies.is_empty(), "no session was started");
    let own = format!("http://{}", app.addr);
    let ok = c.request("POST", "/login", Some("application/x-www-form-urlencoded"), body, &[("Origin", own.as_str())]);
    assert_eq!(ok.status, 303, "the site's own page signs in");
}

#[test]
fn an_instructor_sees_a_cases_gold_and_a_learner_does_not() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let mut teacher = person(&app, &mut admin, "g-teacher", "instructor", None);
    let mut learner = person(&app, &mut admin, "g-learner", "learner", None);
    let rationale = maud::html! { (case("IP-0001").gold.diagnoses[0].rationale.text) }.into_string();
    let seen = teacher.get("/cases/IP-0001/gold");
    assert_eq!(seen.status, 200);
    assert!(seen.body.contains(&rationale));
    let refused = learner.get("/cases/IP-0001/gold");
    assert_eq!(refused.status, 404);
    assert!(!refused.body.contains(&rationale));
    assert!(!learner.get("/cases").body.contains("/gold"), "no gold link for a learner");
}
