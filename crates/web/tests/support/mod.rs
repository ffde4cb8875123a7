//! `TestApp` (the server on a random port with a fresh SQLite file, or a fresh PostgreSQL database) and `Client`
//! (a blocking HTTP/1.1 client with a cookie jar, enough for tests).

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Arc, OnceLock};

/// The engines are loaded once for every test (the code book and 600 cases take a moment).
pub fn engines() -> Arc<web::Engines> {
    static E: OnceLock<Arc<web::Engines>> = OnceLock::new();
    E.get_or_init(|| {
        Arc::new(web::Engines {
            library: codebook::Library::embedded().expect("the built-in code book"),
            cases: cases::library::builtin().cases,
            ncci: None,
            config: audit::Config::default(),
            benchmarks: progress::Benchmarks::default(),
        })
    })
    .clone()
}

pub struct TestApp {
    pub addr: SocketAddr,
    pub state: Arc<web::State>,
    rt: tokio::runtime::Runtime,
    _dir: tempfile::TempDir,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl TestApp {
    pub fn spawn() -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        TestApp::on(url, dir)
    }

    /// The same server on a fresh database of the PostgreSQL server in `CODEFELLOW_TEST_POSTGRES`; `None` (skipped) when
    /// the variable is unset, unless `CODEFELLOW_REQUIRE_ALL=1`.
    pub fn spawn_postgres(name: &str) -> Option<TestApp> {
        let Ok(url) = std::env::var("CODEFELLOW_TEST_POSTGRES") else {
            assert_ne!(std::env::var("CODEFELLOW_REQUIRE_ALL").as_deref(), Ok("1"), "CODEFELLOW_TEST_POSTGRES is not set: run bash scripts/test.sh");
            eprintln!("skipping the PostgreSQL run of {name}: CODEFELLOW_TEST_POSTGRES is not set");
            return None;
        };
        let db = format!("web_{name}_{}", std::process::id());
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            use sqlx::Executor;
            sqlx::any::install_default_drivers();
            let mut admin = <sqlx::AnyConnection as sqlx::Connection>::connect(&url).await.expect("connecting to CODEFELLOW_TEST_POSTGRES");
            admin.execute(format!("DROP DATABASE IF EXISTS {db}").as_str()).await.unwrap();
            admin.execute(format!("CREATE DATABASE {db}").as_str()).await.unwrap();
        });
        let (base, _) = url.rsplit_once('/').unwrap();
        Some(TestApp::on(format!("{base}/{db}"), tempfile::tempdir().unwrap()))
    }

    pub fn on(database: String, dir: tempfile::TempDir) -> TestApp {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let (addr, state) = rt.block_on(async {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let addr = listener.local_addr().unwrap();
            let settings = web::Settings { database, listen: addr, public_url: None, secure_cookies: false };
            let (router, state) = web::app(settings, engines()).await.unwrap();
            tokio::spawn(web::serve_on(listener, router, async {
                let _ = stopped.await;
            }));
            (addr, state)
        });
        TestApp { addr, state, rt, _dir: dir, stop: Some(stop) }
    }

    pub fn client(&self) -> Client {
        Client { addr: self.addr, cookies: BTreeMap::new(), csrf: None }
    }

    /// The first-run setup link's token.
    pub fn setup_token(&self) -> String {
        let link = self.rt.block_on(web::setup_link(&self.state)).unwrap().expect("no administrator yet");
        link.split("token=").nth(1).unwrap().to_string()
    }

    /// An administrator signed in through the setup link, the way a programme starts.
    pub fn admin(&self) -> Client {
        let mut c = self.client();
        let token = self.setup_token();
        let r = c.post_form("/setup", &[("token", &token), ("username", "admin"), ("display_name", "Ada Admin"), ("password", "admin password 1"), ("password_again", "admin password 1")]);
        assert_eq!(r.status, 303, "{}", r.body);
        c.refresh_csrf();
        c
    }

    pub fn block_on<F: std::future::Future>(&self, f: F) -> F::Output {
        self.rt.block_on(f)
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

pub struct Client {
    pub addr: SocketAddr,
    pub cookies: BTreeMap<String, String>,
    pub csrf: Option<String>,
}

impl Client {
    pub fn request(&mut self, method: &str, path: &str, content_type: Option<&str>, body: &[u8], extra: &[(&str, &str)]) -> Response {
        let mut s = TcpStream::connect(self.addr).unwrap();
        let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n", self.addr, body.len());
        if let Some(ct) = content_type {
            head.push_str(&format!("Content-Type: {ct}\r\n"));
        }
        if !self.cookies.is_empty() {
            head.push_str(&format!("Cookie: {}\r\n", self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")));
        }
        for (k, v) in extra {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        s.write_all(head.as_bytes()).unwrap();
        // A refused oversized body may close the connection before all of it is written.
        let _ = s.write_all(body);
        let mut raw = vec![];
        let _ = s.read_to_end(&mut raw);
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a response head");
        let head = String::from_utf8_lossy(&raw[..split]).to_string();
        let mut lines = head.lines();
        let status: u16 = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
        let headers: Vec<(String, String)> = lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_string(), v.trim().to_string())).collect();
        let mut body = raw[split + 4..].to_vec();
        if headers.iter().any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked")) {
            body = dechunk(&body);
        }
        for (_, v) in headers.iter().filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie")) {
            let (kv, _) = v.split_once(';').unwrap_or((v, ""));
            if let Some((k, val)) = kv.split_once('=') {
                if val.is_empty() || v.contains("Max-Age=0") {
                    self.cookies.remove(k);
                } else {
                    self.cookies.insert(k.to_string(), val.to_string());
                }
            }
        }
        Response { status, headers, body: String::from_utf8_lossy(&body).to_string() }
    }

    pub fn get(&mut self, path: &str) -> Response {
        self.request("GET", path, None, b"", &[])
    }

    /// A form post; the session's CSRF token is added unless the fields carry one.
    pub fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Response {
        let mut ser = form_urlencoded::Serializer::new(String::new());
        if let Some(t) = &self.csrf {
            if !fields.iter().any(|(k, _)| *k == "csrf") {
                ser.append_pair("csrf", t);
            }
        }
        for (k, v) in fields {
            ser.append_pair(k, v);
        }
        self.request("POST", path, Some("application/x-www-form-urlencoded"), ser.finish().as_bytes(), &[])
    }

    /// A JSON request with the session's CSRF header.
    pub fn json(&mut self, method: &str, path: &str, body: &serde_json::Value) -> Response {
        let token = self.csrf.clone().unwrap_or_default();
        self.request(method, path, Some("application/json"), body.to_string().as_bytes(), &[("X-CSRF-Token", &token)])
    }

    /// Reads the session's CSRF token (after signing in).
    pub fn refresh_csrf(&mut self) {
        let r = self.get("/api/me");
        assert_eq!(r.status, 200, "signed in: {}", r.body);
        self.csrf = Some(r.json()["csrf"].as_str().unwrap().to_string());
    }

    pub fn sign_in(&mut self, username: &str, password: &str) -> Response {
        let r = self.post_form("/login", &[("username", username), ("password", password), ("next", "/")]);
        if r.status == 303 {
            self.refresh_csrf();
        }
        r
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = vec![];
    loop {
        let Some(end) = b.windows(2).position(|w| w == b"\r\n") else { break };
        let size = usize::from_str_radix(String::from_utf8_lossy(&b[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&b[end + 2..end + 2 + size]);
        b = &b[end + 2 + size + 2..];
    }
    out
}

/// Creates a person through the administrator's form and returns them signed in.
pub fn person(app: &TestApp, admin: &mut Client, username: &str, role: &str, cohort: Option<i64>) -> Client {
    let cohort = cohort.map(|c| c.to_string()).unwrap_or_default();
    let r = admin.post_form("/admin/users", &[("username", username), ("display_name", username), ("role", role), ("password", "a good password"), ("cohort", &cohort)]);
    assert_eq!(r.status, 303, "creating {username}: {}", r.body);
    let mut c = app.client();
    assert_eq!(c.sign_in(username, "a good password").status, 303);
    c
}

/// Creates a cohort through the administrator's form; returns its id.
pub fn cohort(admin: &mut Client, name: &str) -> i64 {
    let r = admin.post_form("/cohorts", &[("name", name), ("pacing", "instructor_led")]);
    assert_eq!(r.status, 303, "{}", r.body);
    r.header("location").unwrap().trim_start_matches("/cohorts/").parse().unwrap()
}

/// Submits a coding through the workstation's form; returns the submission id.
pub fn submit_form(c: &mut Client, case: &str, fields: &[(&str, &str)]) -> i64 {
    let rid = format!("req-{case}-{}", fields.len() * 7919 + fields.iter().map(|(_, v)| v.len()).sum::<usize>());
    let mut all: Vec<(&str, &str)> = vec![("request_id", &rid), ("seconds", "300")];
    all.extend_from_slice(fields);
    let r = c.post_form(&format!("/cases/{case}/submit"), &all);
    assert_eq!(r.status, 303, "submitting {case}: {}", r.body);
    r.header("location").unwrap().trim_start_matches("/submissions/").parse().unwrap()
}

/// The gold coding of a case submitted through the API; returns the submission id.
pub fn submit_gold(c: &mut Client, case: &cases::model::Case, request_id: &str) -> i64 {
    let sub = audit::Submission::from_gold(case);
    let r = c.json("POST", &format!("/api/cases/{}/submissions", case.id), &serde_json::json!({"submission": sub, "seconds": 600, "request_id": request_id}));
    assert_eq!(r.status, 201, "{}", r.body);
    r.json()["id"].as_i64().unwrap()
}

pub fn case(id: &str) -> cases::model::Case {
    engines().cases.iter().find(|c| c.id == id).unwrap().clone()
}
