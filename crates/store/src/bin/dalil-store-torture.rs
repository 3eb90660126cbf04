//! A helper process for the store's crash tests: it writes to a store and says what it has
//! committed, so that a test can SIGKILL it at any point and check that nothing acknowledged
//! was lost. Passphrases come on standard input, one per line, never on the command line.
//!
//! Modes:
//!
//! - `write <db> <seed> <count>`: opens the store, prints `ready <case id>` (creating a case
//!   if there is none), then commits `count` notes, printing `ack <note id> <sha256 of text>`
//!   and flushing after each commit returns, and finally `done`.
//! - `rekey <db>`: reads the old and the new passphrase, opens the store, prints `ready`,
//!   changes the passphrase, prints `done`.
//! - `data-dir`: prints the default data folder.
//!
//! On an error it prints `error <code>` and exits with status 2.

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

use dalil_store::{CaseFilter, CaseKind, NewCase, Passphrase, Store, StoreError};
use sha2::{Digest, Sha256};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("write") if args.len() == 4 => write(&args[1], &args[2], &args[3]),
        Some("rekey") if args.len() == 2 => rekey(&args[1]),
        Some("data-dir") => dalil_store::default_data_dir().map(|d| {
            say(&format!("{}", d.display()));
        }),
        _ => {
            say("error usage");
            return ExitCode::from(64);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!("error {}", e.code()));
            ExitCode::from(2)
        }
    }
}

/// Prints one line and flushes it, so that the parent sees it even if we die right after.
fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe means the parent is gone; nothing useful is left to do about it.
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

fn read_passphrase(lines: &mut impl Iterator<Item = std::io::Result<String>>) -> Passphrase {
    Passphrase::new(lines.next().and_then(Result::ok).unwrap_or_default())
}

/// A small deterministic generator (SplitMix64), so that the notes vary in length and content.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

fn note_text(rng: &mut Rng, i: u64) -> String {
    const WORDS: &[&str] = &[
        "witness",
        "interview",
        "passport",
        "border",
        "transfer",
        "شاهد",
        "مقابلة",
        "جواز",
        "broker",
        "debt",
        "وثيقة",
        "phone",
        "vehicle",
    ];
    let mut text = format!("torture note {i}:");
    let words = 3 + rng.next() % 200;
    for _ in 0..words {
        text.push(' ');
        text.push_str(WORDS[(rng.next() % WORDS.len() as u64) as usize]);
    }
    text
}

fn write(db: &str, seed: &str, count: &str) -> Result<(), StoreError> {
    let seed: u64 = seed
        .parse()
        .map_err(|_| StoreError::Invalid { field: "seed" })?;
    let count: u64 = count
        .parse()
        .map_err(|_| StoreError::Invalid { field: "count" })?;
    let stdin = std::io::stdin();
    let passphrase = read_passphrase(&mut stdin.lock().lines());
    let mut store = Store::open(Path::new(db), &passphrase)?;
    let case = match store.list_cases(&CaseFilter::default())?.first() {
        Some(c) => c.id,
        None => store.create_case(&NewCase {
            reference: "TORTURE-1".into(),
            title: "torture".into(),
            kind: CaseKind::Undetermined,
            edition: dalil_store::Edition::new("test", "test"),
        })?,
    };
    say(&format!("ready {case}"));
    let mut rng = Rng(seed);
    for i in 0..count {
        let text = note_text(&mut rng, i);
        let step = (i % 3 == 0).then(|| format!("step-{}", i % 7));
        let note = store.add_note(case, step.as_deref(), &text)?;
        say(&format!(
            "ack {note} {}",
            hex::encode(Sha256::digest(text.as_bytes()))
        ));
    }
    store.lock()?;
    say("done");
    Ok(())
}

fn rekey(db: &str) -> Result<(), StoreError> {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let old = read_passphrase(&mut lines);
    let new = read_passphrase(&mut lines);
    let mut store = Store::open(Path::new(db), &old)?;
    say("ready");
    store.change_passphrase(&old, &new)?;
    say("changed");
    store.lock()?;
    say("done");
    Ok(())
}
