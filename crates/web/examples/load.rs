//! A load tool for a running `codefellow serve`: N concurrent learners searching the code book and submitting codings
//! for audit, each on its own keep-alive connection, with think time between actions. Prints the latency percentiles
//! of search and submit, the errors, and checks afterwards that every acknowledged submission is stored.
//!
//! ```text
//! codefellow --data-dir /tmp/load serve --listen 127.0.0.1:8090 &
//! CODEFELLOW_ADMIN_PASSWORD='load test admin' codefellow --data-dir /tmp/load admin create --username loadadmin
//! cargo run --release -p web --example load -- --addr 127.0.0.1:8090 --admin loadadmin --password 'load test admin' \
//!     --learners 200 --seconds 60
//! ```
//!
//! Each learner repeats: think (uniform 0.5–1.5 × `--think-ms`), then search (a query drawn from a list of what coders
//! type), and every `--searches-per-submit`th action submit the gold coding of a random case (with one code changed
//! half the time, so the audit has errors to find). `--think-ms 0` is a closed loop: maximum pressure.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::Mutex;

struct Args {
    addr: SocketAddr,
    admin: String,
    password: String,
    learners: usize,
    seconds: u64,
    think_ms: u64,
    searches_per_submit: usize,
}

fn args() -> Args {
    let mut a = Args { addr: "127.0.0.1:8080".parse().unwrap(), admin: "admin".into(), password: String::new(), learners: 200, seconds: 60, think_ms: 1000, searches_per_submit: 4 };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let v = it.next().unwrap_or_else(|| panic!("{k} needs a value"));
        match k.as_str() {
            "--addr" => a.addr = v.parse().expect("--addr HOST:PORT"),
            "--admin" => a.admin = v,
            "--password" => a.password = v,
            "--learners" => a.learners = v.parse().unwrap(),
            "--seconds" => a.seconds = v.parse().unwrap(),
            "--think-ms" => a.think_ms = v.parse().unwrap(),
            "--searches-per-submit" => a.searches_per_submit = v.parse().unwrap(),
            _ => panic!("unknown option {k}"),
        }
    }
    a
}

/// One keep-alive HTTP/1.1 connection.
struct Conn {
    addr: SocketAddr,
    stream: Option<BufReader<TcpStream>>,
    cookie: String,
    csrf: String,
}

impl Conn {
    fn new(addr: SocketAddr) -> Conn {
        Conn { addr, stream: None, cookie: String::new(), csrf: String::new() }
    }

    async fn request(&mut self, method: &str, path: &str, ctype: &str, body: &str) -> std::io::Result<(u16, String)> {
        for attempt in 0..2 {
            if self.stream.is_none() {
                let stream = TcpStream::connect(self.addr).await?;
                stream.set_nodelay(true)?;
                self.stream = Some(BufReader::new(stream));
            }
            match self.once(method, path, ctype, body).await {
                Ok(r) => return Ok(r),
                // A keep-alive connection the server closed: reconnect once.
                Err(e) if attempt == 0 => {
                    self.stream = None;
                    let _ = e;
                }
                Err(e) => return Err(e),
            }
        }
        unreachable!()
    }

    async fn once(&mut self, method: &str, path: &str, ctype: &str, body: &str) -> std::io::Result<(u16, String)> {
        let s = self.stream.as_mut().unwrap();
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\nX-CSRF-Token: {}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
            self.addr,
            self.cookie,
            self.csrf,
            body.len()
        );
        // Head and body in one write: two small writes meet Nagle's algorithm and the peer's delayed ACK (40 ms).
        let mut request = head.into_bytes();
        request.extend_from_slice(body.as_bytes());
        s.get_mut().write_all(&request).await?;
        let mut line = String::new();
        if s.read_line(&mut line).await? == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "closed"));
        }
        let status: u16 = line.split(' ').nth(1).and_then(|x| x.parse().ok()).unwrap_or(0);
        let mut length = 0;
        loop {
            let mut h = String::new();
            s.read_line(&mut h).await?;
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            let lower = h.to_ascii_lowercase();
            if let Some(v) = lower.strip_prefix("content-length:") {
                length = v.trim().parse().unwrap_or(0);
            }
            if let Some(v) = h.strip_prefix("set-cookie: ").or_else(|| h.strip_prefix("Set-Cookie: ")) {
                self.cookie = v.split(';').next().unwrap_or("").to_string();
            }
        }
        let mut buf = vec![0; length];
        s.read_exact(&mut buf).await?;
        Ok((status, String::from_utf8_lossy(&buf).into_owned()))
    }

    async fn sign_in(&mut self, user: &str, password: &str) {
        let body = serde_json::json!({"username": user, "password": password}).to_string();
        let (status, body) = self.request("POST", "/api/login", "application/json", &body).await.expect("signing in");
        assert_eq!(status, 200, "signing in {user}: {body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        self.csrf = v["csrf"].as_str().unwrap().to_string();
    }
}

/// What coders type into the code-book search.
const QUERIES: &[&str] = &[
    "sepsis", "pneumonia", "type 2 diabetes ckd", "chf", "acute kidney injury", "copd exacerbation", "uti", "hypertension", "afib", "lap appy",
    "fracture wrist", "cellulitis leg", "chest pain", "syncope", "stroke", "E11.22", "J18.9", "N17.9", "0DTJ4ZZ", "colonoscopy", "hip replacement",
    "pressure ulcer sacral stage 3", "malnutrition", "hyponatremia", "dementia", "depression", "obesity bmi 40", "asthma", "migraine", "anemia",
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[derive(Default)]
struct Tally {
    search: Vec<Duration>,
    submit: Vec<Duration>,
    errors: HashMap<String, usize>,
    /// (learner, submission id) of every 201.
    acked: Vec<(usize, i64)>,
}

fn pct(v: &mut [Duration], p: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort();
    let i = ((v.len() as f64 * p).ceil() as usize).clamp(1, v.len()) - 1;
    v[i].as_secs_f64() * 1000.0
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let a = args();
    let library = cases::library::builtin().cases;
    let bodies: Arc<Vec<(String, String, String)>> = Arc::new(
        library
            .iter()
            .map(|c| {
                let good = audit::Submission::from_gold(c);
                let mut bad = good.clone();
                if let Some(d) = bad.diagnoses.last_mut() {
                    d.code = "R69".into();
                }
                (c.id.clone(), serde_json::to_string(&good).unwrap(), serde_json::to_string(&bad).unwrap())
            })
            .collect(),
    );
    // Accounts: the administrator creates the learners through the People form.
    let run = std::process::id();
    let mut admin = Conn::new(a.addr);
    admin.sign_in(&a.admin, &a.password).await;
    let setup = Instant::now();
    let mut names = vec![];
    for i in 0..a.learners {
        let name = format!("load{run}-{i}");
        let form = format!("csrf={}&username={name}&display_name=Load+{i}&role=learner&password=load+learner+pw&cohort=", admin.csrf);
        let (status, body) = admin.request("POST", "/admin/users", "application/x-www-form-urlencoded", &form).await.unwrap();
        assert_eq!(status, 303, "creating {name}: {body}");
        names.push(name);
    }
    let mut conns = vec![];
    for n in &names {
        let mut c = Conn::new(a.addr);
        c.sign_in(n, "load learner pw").await;
        conns.push(c);
    }
    eprintln!("{} learners created and signed in in {:.1} s; running {} s", a.learners, setup.elapsed().as_secs_f64(), a.seconds);
    let tally = Arc::new(Mutex::new(Tally::default()));
    let end = Instant::now() + Duration::from_secs(a.seconds);
    let mut tasks = vec![];
    for (i, mut conn) in conns.into_iter().enumerate() {
        let (tally, bodies) = (tally.clone(), bodies.clone());
        let (think, every) = (a.think_ms, a.searches_per_submit.max(1));
        tasks.push(tokio::spawn(async move {
            let mut rng = Rng(i as u64 * 7919 + 1);
            let mut n = 0usize;
            // Learners start spread over the first think time, not all at once.
            tokio::time::sleep(Duration::from_millis(if think > 0 { rng.next() % think } else { 0 })).await;
            while Instant::now() < end {
                n += 1;
                if think > 0 {
                    tokio::time::sleep(Duration::from_millis(think / 2 + rng.next() % think.max(1))).await;
                }
                if n % (every + 1) == 0 {
                    let (case, good, bad) = &bodies[rng.below(bodies.len())];
                    let sub = if rng.next() % 2 == 0 { good } else { bad };
                    let body = format!("{{\"submission\":{sub},\"seconds\":{},\"request_id\":\"load-{i}-{n}-{run}\"}}", 300 + rng.below(900));
                    let t = Instant::now();
                    let r = conn.request("POST", &format!("/api/cases/{case}/submissions"), "application/json", &body).await;
                    let took = t.elapsed();
                    let mut tl = tally.lock().await;
                    match r {
                        Ok((201, body)) => {
                            tl.submit.push(took);
                            let id = serde_json::from_str::<serde_json::Value>(&body).ok().and_then(|v| v["id"].as_i64()).unwrap_or(-1);
                            tl.acked.push((i, id));
                        }
                        Ok((s, body)) => *tl.errors.entry(format!("submit {s}: {}", body.chars().take(120).collect::<String>())).or_default() += 1,
                        Err(e) => *tl.errors.entry(format!("submit io: {e}")).or_default() += 1,
                    }
                } else {
                    let q = QUERIES[rng.below(QUERIES.len())];
                    let path = format!("/api/search?limit=25&q={}", q.replace(' ', "+"));
                    let t = Instant::now();
                    let r = conn.request("GET", &path, "text/plain", "").await;
                    let took = t.elapsed();
                    let mut tl = tally.lock().await;
                    match r {
                        Ok((200, _)) => tl.search.push(took),
                        Ok((s, body)) => *tl.errors.entry(format!("search {s}: {}", body.chars().take(120).collect::<String>())).or_default() += 1,
                        Err(e) => *tl.errors.entry(format!("search io: {e}")).or_default() += 1,
                    }
                }
            }
            conn
        }));
    }
    let mut conns = vec![];
    for t in tasks {
        conns.push(t.await.unwrap());
    }
    let mut t = tally.lock().await;
    let secs = a.seconds as f64;
    let (ns, nu) = (t.search.len(), t.submit.len());
    println!("learners {}  seconds {}  think {} ms  searches per submit {}", a.learners, a.seconds, a.think_ms, a.searches_per_submit);
    println!("search  n={ns:>7}  {:>7.1}/s  p50 {:>6.1} ms  p95 {:>6.1} ms  p99 {:>6.1} ms  max {:>6.1} ms", ns as f64 / secs, pct(&mut t.search, 0.50), pct(&mut t.search, 0.95), pct(&mut t.search, 0.99), pct(&mut t.search, 1.0));
    println!("submit  n={nu:>7}  {:>7.1}/s  p50 {:>6.1} ms  p95 {:>6.1} ms  p99 {:>6.1} ms  max {:>6.1} ms", nu as f64 / secs, pct(&mut t.submit, 0.50), pct(&mut t.submit, 0.95), pct(&mut t.submit, 0.99), pct(&mut t.submit, 1.0));
    let errors: usize = t.errors.values().sum();
    println!("errors  {errors}");
    for (k, v) in &t.errors {
        println!("  {v} × {k}");
    }
    // Every acknowledged submission is stored: each learner's list holds every id it was given.
    let mut by_learner: HashMap<usize, Vec<i64>> = HashMap::new();
    for (l, id) in &t.acked {
        by_learner.entry(*l).or_default().push(*id);
    }
    let mut missing = 0;
    for (l, ids) in &by_learner {
        let (status, body) = conns[*l].request("GET", "/api/submissions", "text/plain", "").await.unwrap();
        assert_eq!(status, 200);
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        let stored: std::collections::HashSet<i64> = v["submissions"].as_array().unwrap().iter().filter_map(|s| s["id"].as_i64()).collect();
        missing += ids.iter().filter(|id| !stored.contains(id)).count();
    }
    println!("acknowledged submissions {}  missing afterwards {missing}", t.acked.len());
    if errors > 0 || missing > 0 {
        std::process::exit(1);
    }
}
