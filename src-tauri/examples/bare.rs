//! A bare Tauri window with an empty page: the baseline of the startup benchmark. It prints
//! `dalil-ready` when the page is painted, the way the app does: two animation frames after
//! the page has run, the page calls a command that prints it. (Until this version it
//! printed at the page's load event, before its first frame, which made the baseline look
//! faster than what the app is measured by.)

use std::io::Write as _;

const PAGE: &[u8] =
    b"<!doctype html><title>bare</title><p>bare</p><script type=\"module\" src=\"painted.js\"></script>";

const PAINTED_JS: &[u8] = b"requestAnimationFrame(() => requestAnimationFrame(() => \
    window.__TAURI_INTERNALS__.invoke('ui_painted')));";

/// What the app's `ui_painted` does under the benchmark.
#[tauri::command]
fn ui_painted() {
    let mut out = std::io::stdout();
    let _ = writeln!(out, "dalil-ready");
    let _ = out.flush();
}

fn main() {
    let mut context = tauri::generate_context!();
    context.config_mut().app.windows.clear();
    let result = tauri::Builder::default()
        // The empty page is served by the example itself, the way the app serves `ui/`.
        .register_uri_scheme_protocol("bare", |_, request| {
            let (kind, body): (&str, &[u8]) = if request.uri().path() == "/painted.js" {
                ("text/javascript", PAINTED_JS)
            } else {
                ("text/html", PAGE)
            };
            tauri::http::Response::builder()
                .header("content-type", kind)
                .body(body.to_vec())
                .unwrap_or_default()
        })
        .invoke_handler(tauri::generate_handler![ui_painted])
        .setup(|app| {
            let url = tauri::WebviewUrl::CustomProtocol("bare://localhost/".parse()?);
            tauri::WebviewWindowBuilder::new(app, "bare", url)
                .title("bare")
                .inner_size(1280.0, 800.0)
                .build()?;
            Ok(())
        })
        .run(context);
    if let Err(e) = result {
        eprintln!("bare: {e}");
    }
}
