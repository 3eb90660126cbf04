//! Creates the fictional case behind `docs/sample-report/`: a new case file holding case
//! TIP-2026-0042, with facts, step states, notes (one edited, one deleted, one that looks like
//! HTML), a step that no longer applies and a step that a newer SOP edition retired.
//!
//! Everything in it is invented: "Witness A" and the places are placeholders.
//!
//! ```text
//! cargo run -p dalil-report --example sample_case -- DATA_DIR PASSPHRASE_FILE
//! ```

use std::path::PathBuf;

use dalil_store::{Passphrase, Store};

#[path = "../tests/support/sample.rs"]
mod sample;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args_os().skip(1);
    let (Some(dir), Some(pass_file)) = (args.next(), args.next()) else {
        return Err("usage: sample_case DATA_DIR PASSPHRASE_FILE".into());
    };
    let pass = std::fs::read_to_string(PathBuf::from(pass_file))?;
    let pass = Passphrase::from(pass.lines().next().unwrap_or_default());
    let path = PathBuf::from(dir).join(dalil_store::DB_FILE_NAME);
    let mut store = Store::create(&path, &pass)?;
    sample::fill(&mut store)?;
    store.lock()?;
    Ok(())
}
