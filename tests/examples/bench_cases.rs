//! The case benchmarks of the desktop app (issue #9), on the real app through WebDriver. Not a
//! test: run it with `scripts/bench-cases.sh [--release]` and read the table.
//!
//! - **Open a case** of 130 applicable steps and 200 notes: from setting the route to the
//!   checklist painted (two animation frames after it is in the page).
//! - **Keystroke to durable save** in the note editor: from the `input` event to the editor
//!   saying "saved", which it says only after the draft is committed to disk
//!   (`synchronous=FULL`). The goal is against a raw durable SQLCipher insert measured here,
//!   plus the editor's 300 ms debounce.
//! - **The case list with 10,000 cases**: from setting the route to its first page painted,
//!   and the next page (100 rows) painted after the end of the list is reached.
//!
//! Each page figure is timed inside the page (`performance.now()`), so WebDriver's own
//! latency is not in it. The baseline of the page figures is the app's floor: one IPC round
//! trip (`vault_status`) and two frames, measured in the same run.

#[path = "../e2e/driver.rs"]
#[allow(
    dead_code,
    reason = "shared with the e2e tests, which use the parts this does not"
)]
mod driver;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use dalil_content::{Lang, Sop};
use dalil_store::{CaseId, CaseKind, NewCase, Passphrase, StepState, Store};
use driver::{PASSPHRASE, Session};
use serde_json::Value;

const RUNS: usize = 9;
const SAVES: usize = 30;
const LIST_CASES: usize = 10_000;
const DEBOUNCE_MS: f64 = 300.0;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn row(what: &str, value: f64, baseline: f64, goal: &str) {
    println!(
        "| {what:<46} | {value:>9.2} ms | {:>6.2}× | {goal} |",
        value / baseline
    );
}

/// Facts that make about 130 steps apply, and those steps: the big case of the issue. Facts
/// are turned on in the manifest's order until 130 steps apply.
fn big_case_facts(sop: &Sop) -> (BTreeMap<String, String>, Vec<String>) {
    let mut facts: BTreeMap<String, String> = BTreeMap::new();
    facts.insert("kind".into(), "both".into());
    let applicable = |facts: &BTreeMap<String, String>| -> Vec<String> {
        dalil_checklist::applicable(sop, facts)
            .into_iter()
            .map(|i| i.step)
            .collect()
    };
    for fact in sop.manifest.facts.iter().filter(|f| f.id != "kind") {
        if applicable(&facts).len() >= 130 {
            break;
        }
        facts.insert(fact.id.clone(), "yes".into());
    }
    let steps = applicable(&facts);
    (facts, steps)
}

/// A case file holding one case of at least 130 applicable steps, 200 notes on them and
/// about half of them settled.
fn big_case_store(dir: &Path, sop: &Sop) -> (CaseId, Vec<String>) {
    let mut store = Store::create(
        &dir.join(dalil_store::DB_FILE_NAME),
        &Passphrase::from(PASSPHRASE),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (facts, steps) = big_case_facts(sop);
    assert!(steps.len() >= 130, "only {} steps apply", steps.len());
    let id = store
        .batch(|b| {
            let id = b.create_case(&NewCase {
                reference: "BENCH-1".into(),
                title: "قضية القياس".into(),
                kind: CaseKind::Both,
                edition: dalil_store::Edition::new(&sop.manifest.id, &sop.manifest.version),
            })?;
            let pairs: Vec<(&str, &str)> = facts
                .iter()
                .filter(|(k, _)| k.as_str() != "kind")
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            b.set_facts(id, &pairs)?;
            for (i, step) in steps.iter().enumerate() {
                if i % 2 == 0 {
                    b.set_step_state(id, step, StepState::Done, None)?;
                }
            }
            for n in 0..200 {
                let step = &steps[n % steps.len()];
                b.add_note(
                    id,
                    Some(step),
                    &format!("ملاحظة رقم {n}: أُبلغ قاضي التحقيق، وحُفظت الوثائق في الخزانة المقفلة."),
                )?;
            }
            Ok(id)
        })
        .unwrap_or_else(|e| panic!("{e}"));
    store.lock().unwrap_or_else(|e| panic!("{e}"));
    (id, steps)
}

/// A case file of `n` cases with mixed facts, some settled steps and a note each.
fn many_cases_store(dir: &Path, sop: &Sop, n: usize) {
    let mut store = Store::create(
        &dir.join(dalil_store::DB_FILE_NAME),
        &Passphrase::from(PASSPHRASE),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let yes_no: Vec<&str> = sop
        .manifest
        .facts
        .iter()
        .map(|f| f.id.as_str())
        .filter(|id| *id != "kind")
        .collect();
    let all_steps: Vec<String> = sop.steps(Lang::Ar).map(|(_, s)| s.id.clone()).collect();
    let mut rng = fastrand::Rng::with_seed(9);
    for chunk in 0..n.div_ceil(100) {
        store
            .batch(|b| {
                for i in chunk * 100..((chunk + 1) * 100).min(n) {
                    let kind = [CaseKind::Trafficking, CaseKind::Smuggling, CaseKind::Both][i % 3];
                    let id = b.create_case(&NewCase {
                        reference: format!("REF-{i:05}"),
                        title: format!("قضية رقم {i}"),
                        kind,
                        edition: dalil_store::Edition::new(&sop.manifest.id, &sop.manifest.version),
                    })?;
                    let facts: Vec<(&str, &str)> = yes_no
                        .iter()
                        .filter(|_| rng.u8(0..4) == 0)
                        .map(|f| (*f, "yes"))
                        .collect();
                    b.set_facts(id, &facts)?;
                    for _ in 0..20 {
                        let step = &all_steps[rng.usize(0..all_steps.len())];
                        b.set_step_state(id, step, StepState::Done, None)?;
                    }
                    b.add_note(id, None, "فُتحت القضية.")?;
                }
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{e}"));
    }
    store.lock().unwrap_or_else(|e| panic!("{e}"));
}

/// Starts the app on an existing case file and unlocks it.
fn unlocked(dir: &Path) -> Session {
    let dir = dir.to_string_lossy().into_owned();
    let app = Session::start_locked(&[("DALIL_DATA_DIR", &dir)]);
    app.unlock();
    app.wait_for("#chapter > *");
    app
}

/// Runs `start` (which must set `window.__bench` to a number of milliseconds when done) and
/// waits for the figure.
fn page_ms(app: &Session, start: &str) -> f64 {
    app.js(&format!("window.__bench = null; {start}; return true;"));
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Value::Number(n) = app.js("return window.__bench") {
            return n.as_f64().unwrap_or(f64::NAN);
        }
        assert!(Instant::now() < deadline, "no figure from: {start}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The app's floor: one IPC round trip and two frames.
fn floor_ms(app: &Session) -> f64 {
    page_ms(
        app,
        "const t0 = performance.now();
         window.__TAURI_INTERNALS__.invoke('vault_status').then(() =>
           requestAnimationFrame(() => requestAnimationFrame(() => {
             window.__bench = performance.now() - t0; })))",
    )
}

/// Goes to `hash` from the library and times it until `ready` (a JS expression) holds, then
/// two frames more. `clear` empties the old view first, so it cannot count as painted.
fn route_ms(app: &Session, hash: &str, clear: &str, ready: &str) -> f64 {
    app.js("location.hash = '#/chapter/about'; return true;");
    app.wait_until(
        "the library",
        "return !document.getElementById('view-library')?.hidden",
    );
    page_ms(
        app,
        &format!(
            "{clear};
             const t0 = performance.now();
             const poll = () => {{
               if ({ready}) requestAnimationFrame(() => requestAnimationFrame(() => {{
                 window.__bench = performance.now() - t0; }}));
               else requestAnimationFrame(poll);
             }};
             location.hash = '{hash}';
             requestAnimationFrame(poll)"
        ),
    )
}

/// A raw durable insert: SQLCipher, WAL, `synchronous=FULL`, one row per transaction, into a
/// file beside the app's, as the store's own benchmark does it. Its samples are taken
/// between the app's, so that both see the same disk and the same noise.
struct RawInsert {
    conn: rusqlite::Connection,
    body: String,
}

impl RawInsert {
    fn open(dir: &Path) -> RawInsert {
        let conn = rusqlite::Connection::open(dir.join("raw.db")).unwrap_or_else(|e| panic!("{e}"));
        conn.pragma_update(None, "key", PASSPHRASE)
            .unwrap_or_else(|e| panic!("{e}"));
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;
             CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL);",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        RawInsert {
            conn,
            body: "ملاحظة ".repeat(40),
        }
    }

    fn once_ms(&self) -> f64 {
        let t = Instant::now();
        self.conn
            .execute("INSERT INTO t (body) VALUES (?1)", [&self.body])
            .unwrap_or_else(|e| panic!("{e}"));
        t.elapsed().as_secs_f64() * 1000.0
    }
}

/// Types one key into the note editor and times it from the `input` event to the editor
/// saying "saved".
fn save_ms(app: &Session, key: &str) -> f64 {
    app.js(
        "window.__bench = null;
         const ed = document.getElementById('note-editor');
         const st = document.getElementById('note-status');
         let t0 = 0;
         ed.addEventListener('input', () => { t0 = performance.now(); }, { once: true });
         const seen = new MutationObserver(() => {
           if (t0 && st.dataset.state === 'note-saved') {
             seen.disconnect();
             window.__bench = performance.now() - t0;
           }
         });
         seen.observe(st, { attributes: true, childList: true, characterData: true, subtree: true });
         return true;",
    );
    app.type_into("#note-editor", key);
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Value::Number(n) = app.js("return window.__bench") {
            return n.as_f64().unwrap_or(f64::NAN);
        }
        assert!(Instant::now() < deadline, "the draft was never saved");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn main() {
    let profile = std::env::var("DALIL_APP_PROFILE").unwrap_or_else(|_| "debug".into());
    let sop = dalil_content::load(&dalil_sop_files::bundled()).0;
    println!("Dalil case benchmarks: the {profile} build of the app, medians\n");
    println!("| what | median | ratio | goal |");
    println!("|---|---|---|---|");

    // A big case: open it, then type in a step's note editor.
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (case, steps) = big_case_store(data.path(), &sop);
    let app = unlocked(data.path());
    let floor = median((0..RUNS).map(|_| floor_ms(&app)).collect());
    row("floor: IPC round trip + 2 frames", floor, floor, "baseline");
    let open = median(
        (0..RUNS)
            .map(|_| {
                route_ms(
                    &app,
                    &format!("#/case/{}", case.0),
                    "document.getElementById('case').replaceChildren()",
                    "!!document.querySelector('#case .checklist')",
                )
            })
            .collect(),
    );
    let shown = app.js("return document.querySelectorAll('#case .checklist li[data-step]').length");
    row(
        &format!("open a case: {shown} steps, 200 notes, to painted"),
        open,
        floor,
        "≤ 100 ms",
    );

    app.js(&format!(
        "location.hash = '#/case/{}/step/{}'; return true;",
        case.0, steps[1]
    ));
    app.wait_for("#note-editor");
    let raw = RawInsert::open(data.path());
    let mut raw_ms = Vec::new();
    let keys: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي".chars().collect();
    let mut typed = Vec::new();
    let mut command = Vec::new();
    let mut ipc = Vec::new();
    for i in 0..SAVES {
        raw_ms.push(raw.once_ms());
        typed.push(save_ms(&app, &keys[i % keys.len()].to_string()));
        raw_ms.push(raw.once_ms());
        // The save alone, without the debounce and the timer: the command the editor calls,
        // ten in a row and divided by ten, since the page's clock only has milliseconds.
        command.push(page_ms(
            &app,
            &format!(
                "const i = window.__TAURI_INTERNALS__.invoke;
                 (async () => {{
                   const t0 = performance.now();
                   for (let n = 0; n < 10; n++)
                     await i('draft_save', {{ id: {}, step: '{}', text: 'مسودة {i} ' + n }});
                   window.__bench = (performance.now() - t0) / 10;
                 }})()",
                case.0, steps[1]
            ),
        ));
        ipc.push(page_ms(
            &app,
            "const i = window.__TAURI_INTERNALS__.invoke;
             (async () => {
               const t0 = performance.now();
               for (let n = 0; n < 10; n++) await i('vault_status');
               window.__bench = (performance.now() - t0) / 10;
             })()",
        ));
    }
    drop(app);
    let raw = median(raw_ms);
    let save = median(typed);
    row("raw durable SQLCipher insert", raw, raw, "baseline");
    println!(
        "| {:<46} | {save:>9.2} ms | {:>6.2}× | ≤ 1.3× raw insert, after the {DEBOUNCE_MS:.0} ms debounce |",
        "keystroke to durable save (incl. debounce)",
        (save - DEBOUNCE_MS) / raw
    );
    row(
        "draft save command alone (IPC + store)",
        median(command),
        raw,
        "",
    );
    row(
        "an IPC round trip alone (vault_status)",
        median(ipc),
        raw,
        "",
    );

    // The case list. `DALIL_BENCH_CASES` changes the number, for a quick look.
    let cases: usize = std::env::var("DALIL_BENCH_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(LIST_CASES);
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let built = Instant::now();
    many_cases_store(data.path(), &sop, cases);
    eprintln!(
        "({cases} cases written in {:.0} s)",
        built.elapsed().as_secs_f64()
    );
    let app = unlocked(data.path());
    let floor = median((0..RUNS).map(|_| floor_ms(&app)).collect());
    row("floor: IPC round trip + 2 frames", floor, floor, "baseline");
    let list = median(
        (0..RUNS.min(5))
            .map(|_| {
                route_ms(
                    &app,
                    "#/cases",
                    "document.querySelector('#cases-table tbody').replaceChildren()",
                    "document.querySelectorAll('#cases-table tbody tr').length > 0",
                )
            })
            .collect(),
    );
    row(
        &format!("case list of {cases} cases, first screen painted"),
        list,
        floor,
        "≤ 200 ms",
    );
    // The next page, as when the end of the list scrolls into view.
    let next = median(
        (0..RUNS.min(5))
            .map(|_| {
                route_ms(
                    &app,
                    "#/cases",
                    "document.querySelector('#cases-table tbody').replaceChildren()",
                    "document.querySelectorAll('#cases-table tbody tr').length > 0",
                );
                page_ms(
                    &app,
                    "const t0 = performance.now();
                     const want = document.querySelectorAll('#cases-table tbody tr').length + 100;
                     document.getElementById('cases-more').click();
                     const poll = () => {
                       if (document.querySelectorAll('#cases-table tbody tr').length >= want)
                         requestAnimationFrame(() => requestAnimationFrame(() => {
                           window.__bench = performance.now() - t0; }));
                       else requestAnimationFrame(poll);
                     };
                     requestAnimationFrame(poll)",
                )
            })
            .collect(),
    );
    row(
        &format!("case list of {cases} cases, next 100 rows painted"),
        next,
        floor,
        "",
    );
}
