//! A bare Tauri window with an empty page: the baseline of the startup benchmark. It prints
//! `dalil-ready` when the page has loaded, as the app does when its first chapter is painted.

use std::io::Write as _;

fn main() {
    let mut context = tauri::generate_context!();
    context.config_mut().app.windows.clear();
    let result = tauri::Builder::default()
        // The empty page is served by the example itself, the way the app serves `ui/`.
        .register_uri_scheme_protocol("bare", |_, _| {
            tauri::http::Response::builder()
                .header("content-type", "text/html")
                .body(b"<!doctype html><title>bare</title><p>bare</p>".to_vec())
                .unwrap_or_default()
        })
        .setup(|app| {
            let url = tauri::WebviewUrl::CustomProtocol("bare://localhost/".parse()?);
            tauri::WebviewWindowBuilder::new(app, "bare", url)
                .title("bare")
                .inner_size(1280.0, 800.0)
                .build()?;
            Ok(())
        })
        .on_page_load(|_, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                let mut out = std::io::stdout();
                let _ = writeln!(out, "dalil-ready");
                let _ = out.flush();
            }
        })
        .run(context);
    if let Err(e) = result {
        eprintln!("bare: {e}");
    }
}
