//! The pages in a real browser: `codefellow serve` on a fresh data directory, and `tests/browser/flow.mjs`
//! (playwright-core driving Debian's headless Chromium) through the issue's story: the first-run setup link, a
//! cohort and its people, a learner coding a case in the workstation and seeing the feedback, another learner's
//! 404, the instructor's override in the audit trail, the progress charts. The screenshots of each step are kept
//! in `target/browser/` (under `$CARGO_TARGET_DIR` when set) for CI to keep.
//!
//! Needs `CODEFELLOW_CHROMIUM` (the browser) and `CODEFELLOW_BROWSER_DIR` (tests/browser, with playwright-core in
//! its node_modules), as `scripts/test.sh` sets them; skipped without them unless `CODEFELLOW_REQUIRE_ALL=1`.

use crate::serve::{free_addr, start};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The whole story takes about 20 s on a 2-core machine; this bounds a hung browser.
const TIMEOUT: Duration = Duration::from_secs(180);

/// The browser and the scripts' directory, or why the test cannot run here.
fn toolchain() -> Result<(String, PathBuf), String> {
    let chromium = std::env::var("CODEFELLOW_CHROMIUM").map_err(|_| "CODEFELLOW_CHROMIUM is not set (bash scripts/test.sh sets it)".to_string())?;
    if !Path::new(&chromium).exists() {
        return Err(format!("CODEFELLOW_CHROMIUM={chromium} does not exist"));
    }
    let dir = PathBuf::from(std::env::var("CODEFELLOW_BROWSER_DIR").map_err(|_| "CODEFELLOW_BROWSER_DIR is not set (bash scripts/test.sh sets it)".to_string())?);
    if !dir.join("node_modules/playwright-core/package.json").exists() {
        return Err(format!("{} has no node_modules/playwright-core (npm ci there, or run bash scripts/test.sh)", dir.display()));
    }
    match Command::new("node").arg("--version").output() {
        Ok(o) if o.status.success() => Ok((chromium, dir)),
        _ => Err("node is not on PATH".to_string()),
    }
}

/// `$CARGO_TARGET_DIR/browser`, or `target/browser` at the workspace root.
fn screenshot_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("target"));
    let target = if target.is_absolute() { target } else { root.join(target) };
    target.join("browser")
}

/// Runs `node SCRIPT` with these variables, in its own process group so that a time-out ends Chromium too:
/// (exit status or `None` on time-out, what it printed).
fn run_node(script: &Path, env: &[(&str, &str)], timeout: Duration) -> (Option<std::process::ExitStatus>, String) {
    let mut cmd = Command::new("node");
    cmd.arg(script).current_dir(script.parent().unwrap()).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut child = cmd.spawn().expect("node starts");
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = r.read_to_string(&mut s);
            s
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if Instant::now() > deadline {
            // The whole group: node and the Chromium it launched.
            #[cfg(unix)]
            let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).status();
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let text = format!("{}{}", out.join().unwrap_or_default(), err.join().unwrap_or_default());
    (status, text)
}

#[test]
fn the_story_of_the_issue_holds_in_headless_chromium() {
    let (chromium, dir) = match toolchain() {
        Ok(t) => t,
        Err(why) if std::env::var("CODEFELLOW_REQUIRE_ALL").as_deref() == Ok("1") => panic!("the browser test cannot run: {why}"),
        Err(why) => {
            eprintln!("skipped: the browser test needs Chromium and playwright-core: {why}");
            return;
        }
    };
    let data = tempfile::tempdir().unwrap();
    let server = start(data.path(), free_addr());
    let link = server.setup_link();
    let setup_url = &link[link.find("http").expect("the setup link is an address")..];
    let base_url = format!("http://{}", server.addr);
    let shots = screenshot_dir();
    std::fs::create_dir_all(&shots).unwrap();
    // Screenshots of an earlier run would pass for this one's.
    for f in std::fs::read_dir(&shots).unwrap().flatten() {
        let name = f.file_name().to_string_lossy().to_string();
        if name.ends_with(".png") && name.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            let _ = std::fs::remove_file(f.path());
        }
    }
    let started = Instant::now();
    let env = [("BASE_URL", base_url.as_str()), ("SETUP_URL", setup_url), ("SCREENSHOTS", shots.to_str().unwrap()), ("CODEFELLOW_CHROMIUM", &chromium)];
    let (status, output) = run_node(&dir.join("flow.mjs"), &env, TIMEOUT);
    drop(server);
    println!("{output}");
    match status {
        None => panic!("tests/browser/flow.mjs did not finish within {} s:\n{output}", TIMEOUT.as_secs()),
        Some(s) => assert!(s.success(), "tests/browser/flow.mjs failed ({s}) after {:.1} s; screenshots in {}:\n{output}", started.elapsed().as_secs_f64(), shots.display()),
    }
}
