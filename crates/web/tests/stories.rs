//! What people do, end to end through HTTP.

use crate::support::*;

#[test]
fn the_setup_link_creates_the_administrator_once() {
    let app = TestApp::spawn();
    let mut visitor = app.client();
    let token = app.setup_token();
    let form = visitor.get(&format!("/setup?token={token}"));
    assert_eq!(form.status, 200);
    assert!(form.body.contains("Create the administrator"));
    let weak = visitor.post_form("/setup", &[("token", &token), ("username", "root"), ("display_name", "R"), ("password", "short"), ("password_again", "short")]);
    assert_eq!(weak.status, 400);
    assert!(weak.body.contains("at least 10 characters"), "the form says what would be right");
    let ok = visitor.post_form("/setup", &[("token", &token), ("username", "root"), ("display_name", "R"), ("password", "long enough 123"), ("password_again", "long enough 123")]);
    assert_eq!((ok.status, ok.header("location")), (303, Some("/admin")));
    assert!(visitor.get("/admin").body.contains("Add a person"), "the administrator is signed in");
    let again = app.client().post_form("/setup", &[("token", &token), ("username", "root2"), ("display_name", "R"), ("password", "long enough 123"), ("password_again", "long enough 123")]);
    assert_eq!(again.status, 403, "a setup link works once");
    assert_eq!(app.client().get(&format!("/setup?token={token}")).status, 403);
}

#[test]
fn a_learner_codes_a_case_submits_and_sees_the_feedback() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let cohort = cohort(&mut admin, "Fall 2026");
    let mut learner = person(&app, &mut admin, "lena", "learner", Some(cohort));
    let case = case("IP-0001");
    // The workstation shows the record, not the gold.
    let page = learner.get("/cases/IP-0001");
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&maud::html! { (case.documents[0].text.lines().next().unwrap()) }.into_string()));
    // A draft saved by autosave comes back in the form.
    let draft = learner.json("PUT", "/api/cases/IP-0001/draft", &serde_json::json!({"form": "dx.0.code=J18.9&dx.0.poa=Y&seconds=42", "seconds": 42}));
    assert_eq!(draft.status, 200, "{}", draft.body);
    let again = learner.get("/cases/IP-0001");
    assert!(again.body.contains("value=\"J18.9\""), "the draft's code is in the form");
    assert!(again.body.contains("data-seconds=\"42\""), "and the timer goes on from the draft");
    // Submit the gold's diagnoses with one POA wrong and a rationale.
    let gold = &case.gold.diagnoses;
    let mut fields: Vec<(String, String)> = vec![];
    for (i, d) in gold.iter().enumerate() {
        fields.push((format!("dx.{i}.code"), d.code.clone()));
        let poa = if i == 0 { "N".to_string() } else { serde_json::to_value(d.poa).unwrap().as_str().unwrap_or("").to_string() };
        fields.push((format!("dx.{i}.poa"), poa));
    }
    fields.push(("dx.0.why".into(), "Pneumonia documented as the reason for admission".into()));
    fields.push(("dx.0.evidence".into(), serde_json::json!([{"doc": case.documents[0].id, "quote": case.documents[0].text.split_whitespace().take(3).collect::<Vec<_>>().join(" ")}]).to_string()));
    for (i, p) in case.gold.procedures.iter().enumerate() {
        fields.push((format!("px.{i}.code"), p.code.clone()));
    }
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let id = submit_form(&mut learner, "IP-0001", &borrowed);
    let feedback = learner.get(&format!("/submissions/{id}"));
    assert_eq!(feedback.status, 200);
    assert!(feedback.body.contains("POA error"), "the wrong POA is named");
    assert!(feedback.body.contains("The gold coding and its rationale"));
    assert!(feedback.body.contains(&maud::html! { (gold[0].rationale.text) }.into_string()), "the gold rationale is shown after submitting");
    assert!(feedback.body.contains("class=\"yours\""), "the learner's evidence is marked in the record");
    assert!(feedback.body.contains("class=\"gold\"") || feedback.body.contains("class=\"both\""), "the gold evidence too");
    // The draft is gone once submitted; the submission is listed.
    assert!(app.block_on(app.state.store.draft(1, "IP-0001")).unwrap().is_none());
    let mine = learner.get("/api/submissions").json();
    assert_eq!(mine["submissions"].as_array().unwrap().len(), 1);
    assert!(mine["submissions"][0]["code_accuracy"].as_f64().unwrap() < 1.0);
}

#[test]
fn an_instructor_overrides_a_finding_and_the_trail_keeps_it() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let c = cohort(&mut admin, "Cohort A");
    let mut teacher = person(&app, &mut admin, "tess", "instructor", Some(c));
    let mut learner = person(&app, &mut admin, "leo", "learner", Some(c));
    let case = case("IP-0001");
    let id = submit_form(&mut learner, "IP-0001", &[("dx.0.code", &case.gold.diagnoses[0].code)]);
    let queue = teacher.get("/api/review").json();
    assert_eq!(queue["submissions"][0]["id"].as_i64(), Some(id), "the submission is in the instructor's queue");
    let before = teacher.get(&format!("/api/submissions/{id}")).json();
    let findings = before["record"]["report"]["findings"].as_array().unwrap();
    let missed = findings.iter().position(|f| f["category"] == "missed").expect("the learner missed codes");
    let accuracy_before = before["record"]["report"]["scores"]["code_accuracy"].as_f64().unwrap();
    let r = teacher.post_form(&format!("/submissions/{id}/overrides"), &[("finding", &missed.to_string()), ("category", "correct"), ("reason", "documented elsewhere; accepted for this exercise")]);
    assert_eq!(r.status, 303, "{}", r.body);
    let after = learner.get(&format!("/api/submissions/{id}")).json();
    assert_eq!(after["record"]["report"]["findings"][missed]["category"], "correct");
    assert!(after["record"]["report"]["scores"]["code_accuracy"].as_f64().unwrap() > accuracy_before, "rescored");
    let trail = after["record"]["trail"].as_array().unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!((trail[0]["by"].as_str(), trail[0]["action"].as_str()), (Some("tess"), Some("overridden")));
    let page = learner.get(&format!("/submissions/{id}"));
    assert!(page.body.contains("Audit trail") && page.body.contains("documented elsewhere"), "the learner sees the trail");
    // A written correction.
    assert_eq!(teacher.post_form(&format!("/submissions/{id}/comments"), &[("body", "Check the H&P for the second diagnosis.")]).status, 303);
    assert!(learner.get(&format!("/submissions/{id}")).body.contains("Check the H&amp;P for the second diagnosis."));
}

#[test]
fn a_dispute_puts_the_submission_first_in_the_queue_until_decided() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let c = cohort(&mut admin, "Cohort D");
    let mut teacher = person(&app, &mut admin, "tina", "instructor", Some(c));
    let mut learner = person(&app, &mut admin, "lou", "learner", Some(c));
    let first = submit_form(&mut learner, "IP-0001", &[("dx.0.code", "J18.9")]);
    let second = submit_gold(&mut learner, &case("ED-0002"), "gold-ed-0002");
    let report = learner.get(&format!("/api/submissions/{first}")).json();
    let error = report["record"]["report"]["findings"].as_array().unwrap().iter().position(|f| f["category"] != "correct").unwrap();
    let d = learner.json("POST", &format!("/api/submissions/{first}/disputes"), &serde_json::json!({"finding": error, "reason": "the record supports it", "rule": "OCG II.B"}));
    assert_eq!(d.status, 200, "{}", d.body);
    let queue = teacher.get("/api/review").json();
    let ids: Vec<i64> = queue["submissions"].as_array().unwrap().iter().map(|s| s["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, vec![first, second], "the disputed submission comes first");
    let dispute = d.json()["record"]["disputes"][0]["id"].as_i64().unwrap().to_string();
    let r = teacher.post_form(&format!("/submissions/{first}/decisions"), &[("dispute", &dispute), ("accept", "no"), ("reason", "the guideline does not apply here")]);
    assert_eq!(r.status, 303, "{}", r.body.split("role=\"alert\"").nth(1).unwrap_or(&r.body));
    let after = learner.get(&format!("/api/submissions/{first}")).json();
    assert_eq!(after["record"]["disputes"][0]["status"], "rejected");
}

#[test]
fn an_assignment_lists_its_cases_for_the_learners_of_the_cohort() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let c = cohort(&mut admin, "Week cohort");
    let mut learner = person(&app, &mut admin, "liv", "learner", Some(c));
    let r = admin.post_form(&format!("/cohorts/{c}/assignments"), &[("title", "Week 1"), ("cases", "IP-0001, ed-0002"), ("due", "2026-12-01")]);
    assert_eq!(r.status, 303, "{}", r.body);
    let list = learner.get("/cases");
    assert!(list.body.contains("Week 1") && list.body.contains("due 2026-12-01"), "the learner sees the assignment");
    let bad = admin.post_form(&format!("/cohorts/{c}/assignments"), &[("title", "Week 2"), ("cases", "IP-0001 NOPE-1"), ("due", "")]);
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("NOPE-1"), "the unknown case is named");
    let dash = admin.get(&format!("/cohorts/{c}"));
    assert!(dash.body.contains("liv") && dash.body.contains("0 of 2"), "the dashboard counts assigned cases done");
}

#[test]
fn a_retried_submit_stores_one_submission() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let mut learner = person(&app, &mut admin, "rita", "learner", None);
    let case = case("ED-0002");
    let a = submit_gold(&mut learner, &case, "same-request-id");
    let b = submit_gold(&mut learner, &case, "same-request-id");
    assert_eq!(a, b);
    assert_eq!(learner.get("/api/submissions").json()["submissions"].as_array().unwrap().len(), 1);
    let gold = learner.get(&format!("/api/submissions/{a}")).json();
    assert_eq!(gold["record"]["report"]["scores"]["code_accuracy"].as_f64(), Some(1.0), "the gold scores 100%");
}

#[test]
fn code_book_search_and_notes_answer_as_json() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let hits = admin.get("/api/search?q=type%202%20diabetes%20ckd&limit=5").json();
    assert!(hits["hits"].as_array().unwrap().iter().any(|h| h["code"] == "E11.22"), "{hits}");
    let code = admin.get("/api/codes/E1122").json();
    assert_eq!(code["code"], "E11.22");
    assert!(code["notes"].as_array().unwrap().iter().any(|n| n["kind"].as_str().unwrap_or("").contains("additional")), "E11.22 tells to use an additional code for the CKD stage: {code}");
    let table = admin.get("/api/pcs/0DT").json();
    assert_eq!(table["table"], "0DT");
    assert!(!table["rows"].as_array().unwrap().is_empty());
    let header = admin.get("/api/codes/E11.2").json();
    assert_eq!((header["code"].as_str(), header["billable"].as_bool()), (Some("E11.2"), Some(false)), "a header is shown, as not billable");
    let nothing = admin.get("/api/codes/Q99.99");
    assert_eq!(nothing.status, 400);
    assert_eq!(nothing.json()["error"]["field"], "code");
}

#[test]
fn live_checks_name_invalid_codes_and_excludes1_without_the_gold() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let mut learner = person(&app, &mut admin, "lia", "learner", None);
    let token = learner.csrf.clone().unwrap();
    let r = learner.request("POST", "/api/cases/IP-0001/check", Some("application/x-www-form-urlencoded"), b"dx.0.code=E11.2&dx.1.code=J18.9&dx.2.code=ZZZ", &[("X-CSRF-Token", &token)]);
    assert_eq!(r.status, 200, "{}", r.body);
    let j = r.json();
    let codes = j["codes"].as_array().unwrap();
    assert_eq!(codes.iter().find(|c| c["code"] == "J18.9").unwrap()["valid"], true);
    assert_eq!(codes.iter().find(|c| c["code"] == "E11.2").unwrap()["valid"], false);
    assert!(codes.iter().find(|c| c["code"] == "E11.2").unwrap()["message"].as_str().unwrap().contains("E11.22"));
    assert!(!r.body.contains("also_in_gold") && !r.body.contains("gold"), "nothing from the gold coding: {}", r.body);
}

#[test]
fn the_openapi_document_lists_every_api_route_and_only_those() {
    let app = TestApp::spawn();
    let doc = app.client().get("/api/openapi.json").json();
    let documented: std::collections::BTreeSet<String> = doc["paths"].as_object().unwrap().keys().cloned().collect();
    let source = include_str!("../src/lib.rs");
    let routed: std::collections::BTreeSet<String> = source.split(".route(\"").skip(1).map(|s| s.split('"').next().unwrap().to_string()).filter(|p| p.starts_with("/api/")).collect();
    assert_eq!(documented, routed);
}

#[test]
fn progress_shows_accuracy_against_the_bar_charts_and_next_cases() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let c = cohort(&mut admin, "P");
    let mut teacher = person(&app, &mut admin, "pat", "instructor", Some(c));
    let mut learner = person(&app, &mut admin, "pia", "learner", Some(c));
    submit_gold(&mut learner, &case("ED-0002"), "progress-gold-1");
    submit_form(&mut learner, "IP-0001", &[("dx.0.code", "J18.9"), ("dx.0.poa", "N")]);
    let p = learner.get("/api/progress").json();
    assert_eq!(p["records"], 2);
    let code = p["code_accuracy"].as_f64().unwrap();
    assert!(code > 0.0 && code < 1.0, "one perfect record, one not: {code}");
    assert!(p["recommendations"].as_array().unwrap().iter().all(|r| r["case"] != "ED-0002" && r["case"] != "IP-0001"), "nothing already coded is recommended");
    let page = learner.get("/progress");
    assert_eq!(page.status, 200);
    assert_eq!(page.body.matches("<svg").count(), 4, "four charts, drawn on the server");
    assert!(page.body.contains("95%"));
    let uid = learner.get("/api/me").json()["user"]["id"].as_i64().unwrap();
    assert_eq!(teacher.get(&format!("/learners/{uid}/progress")).status, 200, "the instructor sees it");
    let dash = teacher.get(&format!("/cohorts/{c}"));
    assert!(dash.body.contains(&format!("/learners/{uid}/progress")) && dash.body.contains(">2<"), "the dashboard counts the records");
}

#[test]
fn the_api_does_what_the_admin_and_review_pages_do() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let c = admin.json("POST", "/api/cohorts", &serde_json::json!({"name": "API cohort", "pacing": "instructor_led"}));
    assert_eq!(c.status, 201, "{}", c.body);
    let cid = c.json()["id"].as_i64().unwrap();
    let t = admin.json("POST", "/api/users", &serde_json::json!({"username": "api-teacher", "role": "instructor", "password": "a good password", "cohort": cid}));
    assert_eq!(t.status, 201, "{}", t.body);
    let l = admin.json("POST", "/api/users", &serde_json::json!({"username": "api-learner", "display_name": "Api Learner", "role": "learner", "password": "a good password"}));
    let lid = l.json()["id"].as_i64().unwrap();
    assert_eq!(admin.json("POST", &format!("/api/cohorts/{cid}/members"), &serde_json::json!({"user": lid})).status, 200);
    let dup = admin.json("POST", "/api/users", &serde_json::json!({"username": "api-learner", "role": "learner", "password": "a good password"}));
    assert_eq!(dup.status, 409, "a taken username");
    let mut teacher = app.client();
    teacher.sign_in("api-teacher", "a good password");
    let a = teacher.json("POST", &format!("/api/cohorts/{cid}/assignments"), &serde_json::json!({"title": "Week 1", "cases": ["IP-0001", "ED-0002"], "due": "2026-12-24"}));
    assert_eq!(a.status, 201, "{}", a.body);
    let mut learner = app.client();
    learner.sign_in("api-learner", "a good password");
    assert_eq!(learner.get("/api/assignments").json()["assignments"][0]["cases"][1], "ED-0002");
    let sid = submit_form(&mut learner, "IP-0001", &[("dx.0.code", "J18.9")]);
    let cohort = teacher.get(&format!("/api/cohorts/{cid}")).json();
    assert_eq!(cohort["dashboard"][0]["records"], 1);
    assert_eq!(cohort["dashboard"][0]["assigned_done"], 1);
    let r = teacher.json("POST", &format!("/api/submissions/{sid}/comments"), &serde_json::json!({"body": "Look again at day 2."}));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["comments"][0]["body"], "Look again at day 2.");
    assert_eq!(learner.json("POST", "/api/users", &serde_json::json!({"username": "x-learner", "role": "admin", "password": "a good password"})).status, 403);
    assert_eq!(learner.json("POST", "/api/logout", &serde_json::json!({})).status, 200);
    assert_eq!(learner.get("/api/me").status, 401);
}

#[test]
fn the_platform_runs_the_same_on_postgresql() {
    let Some(app) = TestApp::spawn_postgres("story") else { return };
    let mut admin = app.admin();
    let c = cohort(&mut admin, "PG cohort");
    let mut teacher = person(&app, &mut admin, "pg-teacher", "instructor", Some(c));
    let mut learner = person(&app, &mut admin, "pg-learner", "learner", Some(c));
    let mut other = person(&app, &mut admin, "pg-other", "learner", None);
    let id = submit_form(&mut learner, "IP-0001", &[("dx.0.code", "J18.9"), ("dx.0.poa", "Y")]);
    assert_eq!(learner.get(&format!("/submissions/{id}")).status, 200);
    assert_eq!(other.get(&format!("/submissions/{id}")).status, 404);
    let r = teacher.post_form(&format!("/submissions/{id}/overrides"), &[("finding", "0"), ("category", "correct"), ("reason", "accepted on PostgreSQL")]);
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(learner.get(&format!("/api/submissions/{id}")).json()["record"]["trail"][0]["by"], "pg-teacher");
    assert_eq!(learner.get("/api/progress").json()["records"], 1);
}

#[test]
fn the_case_list_filters_by_words_level_and_status_and_pages() {
    let app = TestApp::spawn();
    let mut admin = app.admin();
    let mut learner = person(&app, &mut admin, "browse", "learner", None);
    let all = learner.get("/cases");
    assert!(all.body.contains("page 1 of"), "608 cases come in pages");
    assert_eq!(all.body.matches("<tr>").count(), 51, "50 cases and the header row");
    let ip = learner.get("/cases?q=ip-0001");
    assert!(ip.body.contains(">1 cases.") || ip.body.contains(">1 cases"), "one case matches its id");
    submit_gold(&mut learner, &case("ED-0002"), "browse-gold-1");
    let done = learner.get("/cases?status=submitted");
    assert!(done.body.contains("ED-0002") && done.body.matches("<tr>").count() == 2, "only the submitted case");
    let advanced = learner.get("/cases?level=advanced&page=999");
    assert_eq!(advanced.status, 200, "a page past the end shows the last page");
    assert!(!advanced.body.contains(">foundation<"));
}
