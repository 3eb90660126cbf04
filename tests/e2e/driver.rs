//! A small WebDriver client, and the processes an end-to-end session needs.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// One app at a time: the sessions share the display and the driver's ports.
static SERIAL: Mutex<()> = Mutex::new(());

/// The key W3C WebDriver uses for element references.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How long to wait for something the app does in response to an action. This is a bound on
/// a wait, never an assertion on speed.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// The built app binary: the debug build, or the profile named by `DALIL_APP_PROFILE`
/// (the benchmarks run the release build).
pub fn app_binary() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let profile = std::env::var("DALIL_APP_PROFILE").unwrap_or_else(|_| "debug".to_owned());
    let app = target.join(profile).join("dalil-app");
    assert!(
        app.is_file(),
        "the app binary {} is missing: run `cargo build --workspace` first (make test does)",
        app.display()
    );
    app
}

fn tauri_driver() -> PathBuf {
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default();
    let in_cargo = home.join(".cargo/bin/tauri-driver");
    if in_cargo.is_file() {
        return in_cargo;
    }
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join("tauri-driver"))
        .find(|p| p.is_file());
    on_path.unwrap_or_else(|| {
        panic!("tauri-driver is not installed: run scripts/install-deps.sh (make test does)")
    })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("no free port: {e}"))
}

/// A child process that is ended with SIGTERM when dropped, so that tauri-driver can stop
/// WebKitWebDriver (a SIGKILL would orphan it, holding its port).
pub struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.0.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A private X display, when the environment has none.
pub fn display() -> (String, Option<Process>) {
    if let Some(d) = std::env::var_os("DISPLAY").filter(|d| !d.is_empty()) {
        return (d.to_string_lossy().into_owned(), None);
    }
    let n = (90..140)
        .find(|n| {
            !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .unwrap_or(99);
    let display = format!(":{n}");
    let child = Command::new("Xvfb")
        .args([
            display.as_str(),
            "-screen",
            "0",
            "1280x800x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("there is no display and Xvfb cannot start ({e}): install xvfb")
        });
    let socket = format!("/tmp/.X11-unix/X{n}");
    let deadline = Instant::now() + PATIENCE;
    while !Path::new(&socket).exists() {
        assert!(Instant::now() < deadline, "Xvfb did not start on {display}");
        std::thread::sleep(Duration::from_millis(50));
    }
    (display, Some(Process(child)))
}

/// A running app with a WebDriver session on it.
pub struct Session {
    agent: ureq::Agent,
    base: String,
    id: String,
    // Dropped in reverse order of declaration: the driver, then the display.
    _driver: Process,
    _display: Option<Process>,
    _serial: MutexGuard<'static, ()>,
    /// The X display the app runs on.
    pub display: String,
    /// The data folder the app was given; removed with the session.
    pub data_dir: tempfile::TempDir,
}

/// The passphrase the tests create on first run.
pub const PASSPHRASE: &str = "river lantern 2026 قلم";

impl Session {
    /// Starts the app, creates the passphrase on the first-run screen as a user would, and
    /// waits until the library shows.
    pub fn start(env: &[(&str, &str)]) -> Session {
        let app = Session::start_locked(env);
        app.wait_for("#create-form:not([hidden]) input[name='passphrase']");
        app.type_into("#create-form input[name='passphrase']", PASSPHRASE);
        app.type_into("#create-form input[name='confirm']", PASSPHRASE);
        app.click("#create-form button[type='submit']");
        app.wait_until("the unlocked library", "return !document.body.classList.contains('locked') && !!document.querySelector('#chapter > *')");
        app
    }

    /// Unlocks the app at its unlock screen with the tests' passphrase, as a person would,
    /// and waits until it is unlocked.
    pub fn unlock(&self) {
        self.wait_for("#unlock-form:not([hidden])");
        self.type_into("#unlock-form input[name='passphrase']", PASSPHRASE);
        self.click("#unlock-form button[type='submit']");
        self.wait_until(
            "unlocked",
            "return !document.body.classList.contains('locked')",
        );
    }

    /// Starts the app and leaves it at its lock or first-run screen.
    pub fn start_locked(env: &[(&str, &str)]) -> Session {
        let serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let app = app_binary();
        let (display, xvfb) = display();
        let data_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let port = free_port();
        let native = free_port();
        let mut cmd = Command::new(tauri_driver());
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        .env("DISPLAY", display.as_str())
        .env("DALIL_DATA_DIR", data_dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("tauri-driver did not start: {e}"));
        // Drain stderr so the driver never blocks on a full pipe.
        if let Some(err) = child.stderr.take() {
            std::thread::spawn(move || for _ in BufReader::new(err).lines() {});
        }
        let driver = Process(child);
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + PATIENCE;
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not listen on {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "wry",
            "tauri:options": {"application": app.to_string_lossy()}
        }}});
        // The driver may accept connections a moment before it can start WebKitWebDriver;
        // a session request it drops is made again, within the same bound.
        let v = loop {
            match agent.post(&format!("{base}/session")).send_json(&caps) {
                Ok(mut r) => break r.body_mut().read_json::<Value>().unwrap_or(Value::Null),
                Err(e) => {
                    assert!(
                        Instant::now() < deadline,
                        "no session from tauri-driver: {e}"
                    );
                    std::thread::sleep(Duration::from_millis(250));
                }
            }
        };
        let id = v["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_owned();
        let session = Session {
            agent,
            base,
            id,
            _driver: driver,
            _display: xvfb,
            _serial: serial,
            display,
            data_dir,
        };
        session.wait_for("#library a");
        session
    }
}

impl Session {
    fn url(&self, path: &str) -> String {
        format!("{}/session/{}{path}", self.base, self.id)
    }

    /// Runs JavaScript in the page and returns its result.
    pub fn js(&self, script: &str) -> Value {
        post(
            &self.agent,
            &self.url("/execute/sync"),
            &json!({"script": script, "args": []}),
        )
    }

    /// The first element matching `css`, if any.
    pub fn find(&self, css: &str) -> Option<String> {
        let v = raw_post(
            &self.agent,
            &self.url("/element"),
            &json!({"using": "css selector", "value": css}),
        );
        v["value"][ELEMENT].as_str().map(str::to_owned)
    }

    /// Waits until `css` matches, and returns the element.
    pub fn wait_for(&self, css: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(e) = self.find(css) {
                return e;
            }
            assert!(Instant::now() < deadline, "`{css}` never appeared");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the script returns `true`.
    pub fn wait_until(&self, what: &str, script: &str) {
        let deadline = Instant::now() + PATIENCE;
        while self.js(script) != Value::Bool(true) {
            assert!(Instant::now() < deadline, "waited in vain for {what}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Clicks what `css` matches, as a user would.
    ///
    /// The UI re-renders lists (on a language switch, for instance), so an element found a
    /// moment ago may be gone; the click is then retried on the new one.
    pub fn click(&self, css: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let e = self.wait_for(css);
            let v = raw_post(
                &self.agent,
                &self.url(&format!("/element/{e}/click")),
                &json!({}),
            );
            match v["value"]["error"].as_str() {
                None => return,
                Some("stale element reference") if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(100));
                }
                Some(_) => panic!("click on `{css}` failed: {}", v["value"]),
            }
        }
    }

    /// Types into what `css` matches.
    pub fn type_into(&self, css: &str, text: &str) {
        let e = self.wait_for(css);
        post(
            &self.agent,
            &self.url(&format!("/element/{e}/value")),
            &json!({"text": text}),
        );
    }

    /// Asks the window titled `title` to close, as a window manager does when its close
    /// button is pressed: a `WM_DELETE_WINDOW` message. (WebDriver's own close destroys the
    /// window without asking it.)
    pub fn request_close(&self, title: &str) {
        use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt as _, EventMask};
        let window: u32 = self
            .wait_for_x_window(title)
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        let (conn, _) = x11rb::connect(Some(&self.display)).unwrap_or_else(|e| panic!("X: {e}"));
        let atom = |name: &[u8]| {
            conn.intern_atom(false, name)
                .unwrap_or_else(|e| panic!("X: {e}"))
                .reply()
                .unwrap_or_else(|e| panic!("X: {e}"))
                .atom
        };
        let protocols = atom(b"WM_PROTOCOLS");
        let delete = atom(b"WM_DELETE_WINDOW");
        let event = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
        // Checked, not only flushed: the server has handled the message before the
        // connection closes (merely flushed, it was sometimes lost).
        conn.send_event(false, window, EventMask::NO_EVENT, event)
            .unwrap_or_else(|e| panic!("X: {e}"))
            .check()
            .unwrap_or_else(|e| panic!("X: {e}"));
    }

    /// Moves the mouse pointer over the middle of what `css` matches.
    pub fn hover(&self, css: &str) {
        let e = self.wait_for(css);
        post(
            &self.agent,
            &self.url("/actions"),
            &json!({"actions": [{
                "type": "pointer",
                "id": "mouse",
                "parameters": {"pointerType": "mouse"},
                "actions": [{"type": "pointerMove", "duration": 0, "x": 0, "y": 0,
                             "origin": {ELEMENT: e}}]
            }]}),
        );
    }

    /// Presses keys on the focused element, as WebDriver's special characters (`\u{E00C}`
    /// is Escape, `\u{E004}` Tab).
    pub fn press(&self, keys: &str) {
        let actions: Vec<Value> = keys
            .chars()
            .flat_map(|c| {
                let k = c.to_string();
                [
                    json!({"type": "keyDown", "value": k}),
                    json!({"type": "keyUp", "value": k}),
                ]
            })
            .collect();
        post(
            &self.agent,
            &self.url("/actions"),
            &json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]}),
        );
    }

    /// The visible text of what `css` matches.
    pub fn text(&self, css: &str) -> String {
        let e = self.wait_for(css);
        let v = get(&self.agent, &self.url(&format!("/element/{e}/text")));
        v.as_str().unwrap_or_default().to_owned()
    }

    /// Resizes the window.
    pub fn set_window_size(&self, width: u32, height: u32) {
        post(
            &self.agent,
            &self.url("/window/rect"),
            &json!({"width": width, "height": height}),
        );
    }

    /// A screenshot of the window as PNG bytes.
    pub fn screenshot(&self) -> Vec<u8> {
        let v = get(&self.agent, &self.url("/screenshot"));
        decode_base64(v.as_str().unwrap_or_default())
    }
}

impl Session {
    /// Answers the native save dialog titled `title` as a person would: waits for it, types
    /// `path` into its file name field and presses Enter. The dialog is GTK's, outside the
    /// webview, so it is driven through X with `xdotool`.
    pub fn answer_save_dialog(&self, title: &str, path: &Path) {
        let window = self.wait_for_x_window(title);
        self.xdotool(&["windowfocus", "--sync", &window]);
        // The name field has the focus and holds the offered name; replace it with the path.
        self.xdotool(&["key", "--clearmodifiers", "ctrl+a"]);
        self.xdotool(&[
            "type",
            "--delay",
            "15",
            "--clearmodifiers",
            &path.to_string_lossy(),
        ]);
        self.xdotool(&["key", "--clearmodifiers", "Return"]);
    }

    /// Switches the app's language to English in the settings, as a person would, and waits
    /// for the page to turn left to right. The chapters keep their own language.
    pub fn use_english(&self) {
        self.click(".nav a[data-view='settings']");
        self.wait_for("#view-settings:not([hidden]) select[name='uiLang']");
        self.js("const s = document.querySelector('select[name=uiLang]'); s.value = 'en'; s.dispatchEvent(new Event('change')); return true;");
        self.wait_until(
            "the English UI",
            "return document.documentElement.dir === 'ltr'",
        );
    }

    /// Answers the native open dialog titled `title`: Ctrl+L opens GTK's location field,
    /// the path is typed into it, and Enter chooses the file.
    pub fn answer_open_dialog(&self, title: &str, path: &Path) {
        let window = self.wait_for_x_window(title);
        self.xdotool(&["windowfocus", "--sync", &window]);
        std::thread::sleep(Duration::from_millis(300));
        self.xdotool(&["key", "--clearmodifiers", "ctrl+l"]);
        std::thread::sleep(Duration::from_millis(300));
        self.xdotool(&["key", "--clearmodifiers", "ctrl+a"]);
        self.xdotool(&[
            "type",
            "--delay",
            "15",
            "--clearmodifiers",
            &path.to_string_lossy(),
        ]);
        std::thread::sleep(Duration::from_millis(300));
        self.xdotool(&["key", "--clearmodifiers", "Return"]);
    }

    /// Closes the native dialog titled `title` with Escape, as a person who changed their
    /// mind would.
    pub fn cancel_dialog(&self, title: &str) {
        let window = self.wait_for_x_window(title);
        self.xdotool(&["windowfocus", "--sync", &window]);
        self.xdotool(&["key", "--clearmodifiers", "Escape"]);
    }

    /// Presses real keys, through X, in the window titled `title`: what GTK sees before the
    /// page does (menu shortcuts, the menu bar's F10).
    pub fn x_keys(&self, title: &str, keys: &[&str]) {
        let window = self.wait_for_x_window(title);
        self.xdotool(&["windowfocus", "--sync", &window]);
        for key in keys {
            self.xdotool(&["key", "--clearmodifiers", key]);
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// The ids of the visible X windows named exactly `title`.
    fn x_windows(&self, title: &str) -> Vec<String> {
        let pattern = format!("^{}$", regex_escape(title));
        let out = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", &pattern])
            .env("DISPLAY", &self.display)
            .output()
            .unwrap_or_else(|e| panic!("xdotool cannot run ({e}): install xdotool"));
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// Waits until no visible X window is named `title`.
    pub fn wait_for_x_window_gone(&self, title: &str) {
        let deadline = Instant::now() + PATIENCE;
        while !self.x_windows(title).is_empty() {
            assert!(
                Instant::now() < deadline,
                "the window `{title}` stayed open"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The id of the visible X window named exactly `title`, once there is one.
    pub fn wait_for_x_window(&self, title: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(id) = self.x_windows(title).into_iter().next() {
                return id;
            }
            assert!(
                Instant::now() < deadline,
                "no window titled `{title}` appeared"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn xdotool(&self, args: &[&str]) {
        let status = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .status()
            .unwrap_or_else(|e| panic!("xdotool cannot run ({e}): install xdotool"));
        assert!(status.success(), "xdotool {args:?} failed: {status}");
    }
}

/// `text` as a POSIX extended regular expression that matches it literally.
fn regex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.^$|?*+()[]{}".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self
            .agent
            .delete(&format!("{}/session/{}", self.base, self.id))
            .call();
    }
}

fn raw_post(agent: &ureq::Agent, url: &str, body: &Value) -> Value {
    match agent.post(url).send_json(body) {
        Ok(mut r) => r.body_mut().read_json::<Value>().unwrap_or(Value::Null),
        Err(e) => panic!("POST {url}: {e}"),
    }
}

fn post(agent: &ureq::Agent, url: &str, body: &Value) -> Value {
    let v = raw_post(agent, url, body);
    if v["value"]["error"].is_string() {
        panic!("POST {url} failed: {}", v["value"]);
    }
    v["value"].clone()
}

fn get(agent: &ureq::Agent, url: &str) -> Value {
    let v = match agent.get(url).call() {
        Ok(mut r) => r.body_mut().read_json::<Value>().unwrap_or(Value::Null),
        Err(e) => panic!("GET {url}: {e}"),
    };
    if v["value"]["error"].is_string() {
        panic!("GET {url} failed: {}", v["value"]);
    }
    v["value"].clone()
}

fn decode_base64(s: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut buf = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        let Some(v) = ALPHABET.iter().position(|&a| a == c) else {
            continue;
        };
        buf = (buf << 6) | u32::try_from(v).unwrap_or(0);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((buf >> bits) & 0xff).unwrap_or(0));
        }
    }
    out
}

/// A message of the app in `lang`, without Fluent's isolation marks, as the page shows it.
pub fn message(lang: dalil_content::Lang, id: &str) -> String {
    dalil_l10n::strip_isolation(&dalil_l10n::Localizer::new(lang).get(id))
}
