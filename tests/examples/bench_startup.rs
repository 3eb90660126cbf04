//! The desktop benchmark: time from process start to the first chapter painted, and idle
//! memory, against a bare Tauri window measured the same way in the same run. Not a test:
//! run it with `scripts/bench-startup.sh` and read the ratios.

#[path = "../e2e/driver.rs"]
#[allow(
    dead_code,
    reason = "shared with the e2e tests, which use the parts this does not"
)]
mod driver;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 7;

/// Spawns `binary`, waits for `dalil-ready`, lets it idle, and returns the time to ready and
/// the resident memory of its whole process tree (the web content runs in child processes).
fn run_once(binary: &Path, display: &str) -> (Duration, u64) {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let start = Instant::now();
    let mut child = Command::new(binary)
        .env("DISPLAY", display)
        .env("DALIL_BENCH_READY", "1")
        .env("DALIL_DATA_DIR", data.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", binary.display()));
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let mut lines = BufReader::new(stdout).lines();
    let ready = loop {
        match lines.next() {
            Some(Ok(line)) if line.trim() == "dalil-ready" => break start.elapsed(),
            Some(_) => {}
            None => panic!("{} exited before it was ready", binary.display()),
        }
    };
    std::thread::sleep(Duration::from_secs(2));
    let pids = tree(child.id());
    let rss = pids.iter().map(|p| rss_kib(*p)).sum();
    for pid in pids.iter().rev() {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(pid.to_string())
            .status();
    }
    let _ = child.wait();
    (ready, rss)
}

/// A process and all its descendants.
fn tree(root: u32) -> Vec<u32> {
    let mut all = vec![root];
    let mut i = 0;
    while i < all.len() {
        let parent = all[i];
        for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
                continue;
            };
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            // The parent pid is the second field after the parenthesised command name.
            let ppid = stat
                .rsplit(") ")
                .next()
                .and_then(|r| r.split(' ').nth(1))
                .and_then(|p| p.parse::<u32>().ok());
            if ppid == Some(parent) && !all.contains(&pid) {
                all.push(pid);
            }
        }
        i += 1;
    }
    all
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn median<T: Copy + Ord>(mut v: Vec<T>) -> T {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let profile = std::env::args().nth(1).unwrap_or_else(|| "debug".into());
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let app = target.join(&profile).join("dalil-app");
    let bare = target.join(&profile).join("examples/bare");
    let (display, _xvfb) = driver::display();
    let mut results = Vec::new();
    for (name, binary) in [("bare window", &bare), ("dalil", &app)] {
        // One warm-up run, so that both start with the same files in the page cache.
        run_once(binary, &display);
        let runs: Vec<(Duration, u64)> = (0..RUNS).map(|_| run_once(binary, &display)).collect();
        let times = median(runs.iter().map(|r| r.0).collect());
        let worst = runs.iter().map(|r| r.0).max().unwrap_or_default();
        let rss = median(runs.iter().map(|r| r.1).collect());
        results.push((name, times, worst, rss));
    }
    println!("startup to first paint and idle memory, {profile} build, {RUNS} runs each");
    println!(
        "{:<12} {:>12} {:>12} {:>14}",
        "", "median ms", "worst ms", "idle RSS MiB"
    );
    for (name, t, w, rss) in &results {
        println!(
            "{name:<12} {:>12} {:>12} {:>14.1}",
            t.as_millis(),
            w.as_millis(),
            *rss as f64 / 1024.0
        );
    }
    let (b, a) = (&results[0], &results[1]);
    println!(
        "ratio dalil / bare: startup {:.2}x, memory {:.2}x",
        a.1.as_secs_f64() / b.1.as_secs_f64(),
        a.3 as f64 / b.3 as f64
    );
    if let Ok(meta) = std::fs::metadata(&app) {
        println!(
            "app binary ({profile}): {:.1} MiB",
            meta.len() as f64 / 1048576.0
        );
    }
}
