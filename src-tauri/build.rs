//! Generates the Tauri context (config, capabilities, embedded `ui/`).

fn main() {
    tauri_build::build();
}
