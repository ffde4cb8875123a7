//! Bad input: a clear 4xx naming what is wrong, and whatever is kept is kept as text and shown escaped.

use crate::support::*;

#[test]
fn an_oversized_body_is_refused_with_413() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let big = "x".repeat(web::BODY_LIMIT + 10);
    let body = serde_json::json!({"form": big, "seconds": 1});
    let r = admin.json("PUT", "/api/cases/IP-0001/draft", &body);
    assert_eq!(r.status, 413, "{}", &r.body[..r.body.len().min(200)]);
}

#[test]
fn malformed_json_gets_400_naming_the_problem() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let token = admin.csrf.clone().unwrap();
    let r = admin.request("POST", "/api/cases/ED-0002/submissions", Some("application/json"), b"{\"submission\": {", &[("X-CSRF-Token", &token)]);
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"]["field"], "body");
    let wrong = admin.json("POST", "/api/cases/ED-0002/submissions", &serde_json::json!({"submission": {"diagnoses": [{"code": "R51.9", "poa": "maybe"}]}, "request_id": "abcdefgh1"}));
    assert_eq!(wrong.status, 400);
    assert_eq!(wrong.json()["error"]["field"].as_str().map(|f| f.starts_with("submission.diagnoses[0].poa")), Some(true), "{}", wrong.body);
    let no_id = admin.json("POST", "/api/cases/ED-0002/submissions", &serde_json::json!({"submission": {}, "request_id": "x"}));
    assert_eq!((no_id.status, no_id.json()["error"]["field"].as_str()), (400, Some("request_id")));
    assert!(admin.get("/api/submissions").json()["submissions"].as_array().unwrap().is_empty(), "nothing was stored");
}

#[test]
fn a_bad_form_comes_back_filled_in_and_is_kept_as_the_draft() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let mut learner = person(&app, &mut admin, "fay", "learner", None);
    let r = learner.post_form("/cases/ED-0002/submit", &[("request_id", "abcdefgh12"), ("svc.0.code", "99284"), ("svc.0.units", "lots"), ("dx.0.code", "S01.01XA")]);
    assert_eq!(r.status, 400);
    assert!(r.body.contains("units are a whole number"), "says what would be right");
    assert!(r.body.contains("value=\"S01.01XA\""), "nothing typed is lost");
    assert!(learner.get("/api/cases/ED-0002/draft").json()["form"].as_str().unwrap().contains("S01.01XA"), "and it is saved");
}

#[test]
fn script_tags_in_a_rationale_are_stored_as_text_and_shown_escaped() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let mut learner = person(&app, &mut admin, "sam", "learner", None);
    let evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    let id = submit_form(&mut learner, "IP-0001", &[("dx.0.code", "J18.9"), ("dx.0.why", evil), ("dx.1.code", "<b>bold</b>")]);
    let page = learner.get(&format!("/submissions/{id}"));
    assert!(!page.body.contains("<script>alert"), "never executed");
    assert!(!page.body.contains("<img src=x"));
    assert!(!page.body.contains("<b>bold</b>"));
    assert!(page.body.to_lowercase().contains("&lt;b&gt;bold&lt;/b&gt;"), "shown as the learner typed it");
    let api = learner.get(&format!("/api/submissions/{id}")).json();
    assert_eq!(api["submission"]["diagnoses"][0]["rationale"]["text"], evil, "stored as text, unchanged");
    assert!(page.header("content-security-policy").unwrap().contains("script-src 'self'"), "and no inline script would run anyway");
}

#[test]
fn sql_in_a_search_is_only_words_to_look_for() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    for q in ["'%20OR%201=1;--", "x');%20DROP%20TABLE%20users;--", "%22%3E%3Cscript%3E"] {
        let r = admin.get(&format!("/api/search?q={q}"));
        assert_eq!(r.status, 200, "{q}: {}", r.body);
        assert!(r.json()["hits"].is_array());
    }
    assert_eq!(admin.get("/api/me").status, 200, "the users table is there");
    let long = admin.get(&format!("/api/search?q={}", "a".repeat(300)));
    assert_eq!(long.status, 400);
    assert_eq!(long.json()["error"]["field"], "q");
    assert_eq!(admin.get("/api/search?q=flu&limit=0").status, 400);
    assert_eq!(admin.get("/api/search?q=flu&system=icd11").json()["error"]["field"], "system");
}

#[test]
fn an_unknown_case_or_page_is_not_found() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    assert_eq!(admin.get("/cases/NOPE-1").status, 404);
    assert_eq!(admin.get("/api/cases/NOPE-1").status, 404);
    assert_eq!(admin.get("/api/cases/NOPE-1").json()["error"]["status"], 404);
    assert_eq!(admin.get("/no/such/page").status, 404);
    assert_eq!(admin.get("/submissions/999999").status, 404);
    assert_eq!(admin.get("/submissions/not-a-number").status, 400);
}
