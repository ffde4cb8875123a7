//! `codefellow serve` as a programme runs it: the first run's setup link, `admin create`, and no acknowledged
//! submission lost when the server is killed (SIGKILL) in the middle of a submission burst.

use std::io::{BufRead, BufReader, Read, Write};
use std::sync::mpsc;
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `codefellow serve` started by a test; killed when dropped.
pub(crate) struct Server {
    pub(crate) child: Child,
    pub(crate) addr: SocketAddr,
    /// What the server printed up to its address ("Codefellow is running at …").
    pub(crate) banner: Vec<String>,
    /// What it prints after that, line by line, as it comes (the setup link on a first run).
    lines: mpsc::Receiver<String>,
}

impl Server {
    /// The first run's one-time setup link, printed after the address: waits for it (up to 60 s), so call it only
    /// when the data directory has no administrator.
    pub(crate) fn setup_link(&self) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut seen = vec![];
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(l) if l.contains("/setup?token=") => return l.trim().to_string(),
                Ok(l) => seen.push(l),
                Err(_) => break,
            }
        }
        panic!("no setup link after the address: {:?} then {seen:?}", self.banner);
    }

    /// The lines printed after the address within `wait`.
    pub(crate) fn printed_within(&self, wait: Duration) -> Vec<String> {
        let deadline = Instant::now() + wait;
        let mut out = vec![];
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(l) => out.push(l),
                Err(_) => break,
            }
        }
        out
    }
}

/// An address on 127.0.0.1 with a port free a moment ago.
pub(crate) fn free_addr() -> SocketAddr {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap()
}

/// Starts `codefellow --data-dir DATA serve --listen ADDR` and waits until it accepts connections. Its output is
/// read by a thread of its own to the end (the server never blocks on a full pipe, and no read here waits for a line
/// that a server with an administrator never prints).
pub(crate) fn start(data: &std::path::Path, addr: SocketAddr) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_codefellow"))
        .args(["--data-dir", data.to_str().unwrap(), "serve", "--listen", &addr.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = BufReader::new(child.stdout.take().unwrap());
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in out.lines() {
            let Ok(line) = line else { break };
            // After the test is done with the server, what it prints is dropped.
            let _ = tx.send(line);
        }
    });
    let mut banner = vec![];
    let deadline = Instant::now() + Duration::from_secs(60);
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        let Ok(line) = lines.recv_timeout(left) else { break };
        let running = line.starts_with("Codefellow is running");
        banner.push(line);
        if running {
            break;
        }
    }
    let server = Server { child, addr, banner, lines };
    for _ in 0..200 {
        if TcpStream::connect(addr).is_ok() {
            return server;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the server did not start: {:?}", server.banner);
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 request; `None` when the connection fails (the server is gone).
fn http(addr: SocketAddr, method: &str, path: &str, cookie: &str, csrf: &str, ctype: &str, body: &str) -> Option<(u16, String, Option<String>)> {
    let mut s = TcpStream::connect(addr).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nCookie: {cookie}\r\nX-CSRF-Token: {csrf}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).ok()?;
    let mut raw = String::new();
    s.read_to_string(&mut raw).ok()?;
    let (head, body) = raw.split_once("\r\n\r\n")?;
    let status = head.split(' ').nth(1)?.parse().ok()?;
    let cookie = head.lines().find_map(|l| l.strip_prefix("set-cookie: ")).and_then(|c| c.split(';').next()).map(String::from);
    Some((status, body.to_string(), cookie))
}

/// Signs in through the API: (cookie, csrf).
fn sign_in(addr: SocketAddr, user: &str, password: &str) -> (String, String) {
    let body = serde_json::json!({"username": user, "password": password}).to_string();
    let (status, body, cookie) = http(addr, "POST", "/api/login", "", "", "application/json", &body).unwrap();
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    (cookie.unwrap(), v["csrf"].as_str().unwrap().to_string())
}

fn admin_create(data: &std::path::Path, username: &str, password: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_codefellow"))
        .args(["--data-dir", data.to_str().unwrap(), "admin", "create", "--username", username])
        .env("CODEFELLOW_ADMIN_PASSWORD", password)
        .output()
        .unwrap()
}

#[test]
fn the_first_run_prints_a_setup_link_that_creates_the_administrator() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path(), free_addr());
    let link = server.setup_link();
    let path = &link[link.find("/setup").unwrap()..];
    let (status, page, _) = http(server.addr, "GET", path, "", "", "text/plain", "").unwrap();
    assert_eq!(status, 200);
    assert!(page.contains("Create the administrator"));
    let token = path.split("token=").nth(1).unwrap();
    let form = format!("token={token}&username=ada&display_name=Ada&password=first+admin+pw&password_again=first+admin+pw");
    let (status, _, cookie) = http(server.addr, "POST", "/setup", "", "", "application/x-www-form-urlencoded", &form).unwrap();
    assert_eq!(status, 303);
    let (status, me, _) = http(server.addr, "GET", "/api/me", &cookie.unwrap(), "", "text/plain", "").unwrap();
    assert_eq!(status, 200);
    assert!(me.contains("\"role\":\"admin\""), "{me}");
    drop(server);
    // The next start has an administrator: no link.
    let again = start(dir.path(), free_addr());
    let printed = again.printed_within(Duration::from_secs(2));
    assert!(!printed.iter().any(|l| l.contains("/setup?token=")), "{:?} then {printed:?}", again.banner);
}

#[test]
fn admin_create_refuses_a_weak_password_and_a_taken_name() {
    let dir = tempfile::tempdir().unwrap();
    let weak = admin_create(dir.path(), "root", "short");
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("at least 10 characters"));
    let ok = admin_create(dir.path(), "root", "a long enough password");
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let taken = admin_create(dir.path(), "root", "a long enough password");
    assert!(!taken.status.success());
    assert!(String::from_utf8_lossy(&taken.stderr).contains("taken"));
}

#[test]
fn sigkill_during_a_submission_burst_loses_no_acknowledged_submission() {
    let dir = tempfile::tempdir().unwrap();
    assert!(admin_create(dir.path(), "root", "a long enough password").status.success());
    let addr = free_addr();
    let mut server = start(dir.path(), addr);
    let (admin_cookie, admin_csrf) = sign_in(addr, "root", "a long enough password");
    let form = format!("csrf={admin_csrf}&username=burst&display_name=Burst&role=learner&password=learner+password&cohort=");
    let (status, _, _) = http(addr, "POST", "/admin/users", &admin_cookie, "", "application/x-www-form-urlencoded", &form).unwrap();
    assert_eq!(status, 303);
    let (cookie, csrf) = sign_in(addr, "burst", "learner password");
    let library = cases::library::builtin().cases;
    // One submission first, so the engines' lazy start (the grouper's tables, the HCC model) is behind us.
    let warm = serde_json::json!({"submission": audit::Submission::from_gold(&library[0]), "request_id": "burst-warm-up"}).to_string();
    let (status, body, _) = http(addr, "POST", &format!("/api/cases/{}/submissions", library[0].id), &cookie, &csrf, "application/json", &warm).unwrap();
    assert_eq!(status, 201, "{body}");
    let acked = std::sync::Arc::new(std::sync::Mutex::new(Vec::<i64>::new()));
    let workers: Vec<_> = (0..6)
        .map(|w| {
            let (cookie, csrf, acked) = (cookie.clone(), csrf.clone(), acked.clone());
            let cases: Vec<_> = library.iter().skip(w * 7).step_by(13).take(40).cloned().collect();
            std::thread::spawn(move || {
                for (i, case) in cases.iter().cycle().enumerate().take(10_000) {
                    let body = serde_json::json!({"submission": audit::Submission::from_gold(case), "seconds": 60, "request_id": format!("burst-{w}-{i}")}).to_string();
                    match http(addr, "POST", &format!("/api/cases/{}/submissions", case.id), &cookie, &csrf, "application/json", &body) {
                        Some((201, body, _)) => {
                            let v: serde_json::Value = serde_json::from_str(&body).unwrap();
                            acked.lock().unwrap().push(v["id"].as_i64().unwrap());
                        }
                        Some((status, body, _)) => panic!("{status}: {body}"),
                        None => return, // the server was killed
                    }
                }
            })
        })
        .collect();
    // Kill it mid-burst, without warning. (On a loaded CI machine the debug server may be slow: wait for 30
    // acknowledgements, or two minutes.)
    let deadline = Instant::now() + Duration::from_secs(120);
    while acked.lock().unwrap().len() < 30 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    server.child.kill().unwrap(); // SIGKILL
    server.child.wait().unwrap();
    for w in workers {
        w.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() >= 10, "the burst was under way: {} acknowledged", acked.len());
    let _restarted = start(dir.path(), addr);
    let (cookie, _) = sign_in(addr, "burst", "learner password");
    let (status, body, _) = http(addr, "GET", "/api/submissions", &cookie, "", "text/plain", "").unwrap();
    assert_eq!(status, 200);
    let stored: std::collections::HashSet<i64> = serde_json::from_str::<serde_json::Value>(&body).unwrap()["submissions"].as_array().unwrap().iter().map(|s| s["id"].as_i64().unwrap()).collect();
    let lost: Vec<&i64> = acked.iter().filter(|id| !stored.contains(id)).collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?} of {}", acked.len());
}
