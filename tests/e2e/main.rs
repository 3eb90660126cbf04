//! End-to-end tests: the real desktop app, driven through tauri-driver and WebKitWebDriver,
//! under the display in `$DISPLAY` or a private Xvfb that the tests start themselves.
//!
//! They need the app binary (`cargo build --workspace` builds it; `make test` does so before
//! testing), `tauri-driver` and `WebKitWebDriver`. When one is missing the tests fail and say
//! which: they are never skipped.

mod cases;
#[allow(
    dead_code,
    reason = "shared with examples/screenshots.rs, which uses the parts these tests do not"
)]
mod driver;
mod editions;
mod evidence;
mod export;
mod lock;
mod next_edition;
mod reader;
mod same_case;
mod search;
mod training;
mod transfer;
