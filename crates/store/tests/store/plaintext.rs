//! Nothing in plain text: a marker written in a title, a note and a draft never appears in any
//! file in the folder (the database, its WAL and shared memory, the key check, temporaries,
//! a backup), while present, after deletion, and after a checkpoint. The notes search index
//! is covered too: it is contentless (no copy of the text), its normalized words are in the
//! encrypted file only, and a deleted note's words leave it.

use std::path::Path;

use dalil_store::{CaseKind, NewCase, Store};

use super::common::*;

const MARKERS: &[&str] = &[
    "Mariam-Khudair-Marker",
    "مريم خضير",
    // The words as the search index holds them: folded to lower case, split at the hyphens.
    "khudair",
    "mariam",
];

/// How many notes of the index hold `term` (through an fts5vocab table over it, read with
/// the passphrase as any SQLCipher tool could), and whether the table keeps any text.
fn index_probe(path: &Path, term: &str) -> Result<(i64, bool), Box<dyn std::error::Error>> {
    let conn = raw_conn(path, PASS)?;
    conn.execute_batch(
        "CREATE VIRTUAL TABLE temp.notes_vocab USING fts5vocab(main, notes_fts, 'row');",
    )?;
    let docs: i64 = conn.query_row(
        "SELECT coalesce(sum(doc), 0) FROM temp.notes_vocab WHERE term = ?1",
        [term],
        |r| r.get(0),
    )?;
    let text: i64 = conn.query_row(
        "SELECT count(*) FROM notes_fts WHERE stems IS NOT NULL OR surface IS NOT NULL",
        [],
        |r| r.get(0),
    )?;
    Ok((docs, text > 0))
}

fn assert_no_marker(dir: &Path, when: &str) -> TestResult {
    let files = contents(dir)?;
    assert!(!files.is_empty());
    for (name, bytes) in &files {
        for marker in MARKERS {
            let utf16le: Vec<u8> = marker.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let utf16be: Vec<u8> = marker.encode_utf16().flat_map(u16::to_be_bytes).collect();
            for needle in [marker.as_bytes(), &utf16le[..], &utf16be[..]] {
                assert!(
                    !bytes.windows(needle.len()).any(|w| w == needle),
                    "{when}: a marker is readable in {name}"
                );
            }
        }
    }
    println!(
        "{when}: checked {} files: {:?}",
        files.len(),
        files.keys().collect::<Vec<_>>()
    );
    Ok(())
}

#[test]
fn no_marker_is_readable_in_any_file() -> TestResult {
    let dir = tempdir()?;
    let (path, mut store) = new_store(dir.path())?;
    let text = format!(
        "Interview with {} ({}) at the shelter.",
        MARKERS[0], MARKERS[1]
    );
    let case = store.create_case(&NewCase {
        reference: format!("REF {}", MARKERS[0]),
        title: format!("{} / {}", MARKERS[0], MARKERS[1]),
        kind: CaseKind::Trafficking,
        edition: dalil_store::Edition::new("t", "1"),
    })?;
    let mut notes = Vec::new();
    for i in 0..50 {
        notes.push(store.add_note(case, None, &format!("{text} #{i}"))?);
    }
    store.save_draft(case, Some("s-1"), &text)?;
    // The notes are indexed: the words are in the file, encrypted, and no text is.
    assert_eq!(store.search_notes("khudair", Some(case), 100)?.len(), 50);
    assert_eq!(store.search_notes("خضير", None, 100)?.len(), 50);
    assert_eq!(index_probe(&path, "khudair")?, (50, false));
    assert_no_marker(dir.path(), "while present, in the WAL")?;
    store.backup_to(&dir.path().join("backup.db"))?;
    assert_no_marker(dir.path(), "with a backup beside it")?;

    store.checkpoint()?;
    assert_no_marker(dir.path(), "while present, after a checkpoint")?;

    for note in notes {
        store.delete_note(note)?;
    }
    store.discard_draft(case, Some("s-1"))?;
    assert!(store.search_notes("khudair", None, 100)?.is_empty());
    assert_eq!(index_probe(&path, "khudair")?, (0, false));
    assert_no_marker(dir.path(), "after deletion")?;
    store.checkpoint()?;
    assert_no_marker(dir.path(), "after deletion and a checkpoint")?;
    store.lock()?;
    assert_no_marker(dir.path(), "after closing")?;
    let store = Store::open(&path, &pass())?;
    assert_eq!(store.notes(case)?.len(), 0);
    Ok(())
}
