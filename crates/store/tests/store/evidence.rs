//! The evidence register: exhibits, the chain of custody, attached files, and elements.
//! Custody entries cannot be changed through any API or by plain SQL; a change made behind
//! the store's back (triggers dropped) is found by `verify_audit` at the entry that recorded
//! the row; an attached file that changed is reported; a failed attach leaves nothing.

use std::fs;
use std::io::{self, Read};

use dalil_store::{
    BreakKind, CustodyEvent, ElementState, ExhibitKind, FileCheck, LinkTarget, NewCustody,
    NewExhibit, Store, StoreError, Verification,
};

use super::common::*;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn phone() -> NewExhibit {
    NewExhibit {
        description: "Samsung phone, black, cracked screen".into(),
        kind: ExhibitKind::Phone,
        seized_at: "2026-11-30 14:10".into(),
        seized_where: "Flat 3, Karrada".into(),
        seized_by: "Investigator, unit 4".into(),
        authorisation: Some("IJ-2026-881".into()),
        seal: Some("S-00417".into()),
    }
}

fn handover(from: &str, to: &str) -> NewCustody {
    NewCustody {
        event: CustodyEvent::Handover,
        at: Some("2026-11-30 16:00".into()),
        from: from.into(),
        to: to.into(),
        purpose: "to the evidence room".into(),
        seal_intact: true,
        corrects: None,
    }
}

fn audit_len(store: &Store) -> Result<u64, Box<dyn std::error::Error>> {
    match store.verify_audit()? {
        Verification::Intact { len, .. } => Ok(len),
        v => Err(format!("broken: {v:?}").into()),
    }
}

#[test]
fn exhibits_are_numbered_per_case_and_custody_is_appended_in_order() -> TestResult {
    let dir = tempdir()?;
    let (_path, mut store) = new_store(dir.path())?;
    let a = sample_case(&mut store)?;
    let b = store.create_case(&new_case("B-2"))?;
    let n1 = store.batch(|t| t.add_exhibit(a, &phone()))?;
    let n2 = store.batch(|t| t.add_exhibit(a, &phone()))?;
    let m1 = store.batch(|t| t.add_exhibit(b, &phone()))?;
    assert_eq!((n1, n2, m1), (1, 2, 1));

    let s1 = store.batch(|t| t.add_custody(a, 1, &handover("Investigator", "Evidence officer")))?;
    let s2 = store.batch(|t| {
        t.add_custody(
            a,
            1,
            &NewCustody {
                event: CustodyEvent::Correction,
                corrects: Some(1),
                purpose: "the hand-over was at 16:30".into(),
                ..handover("Investigator", "Evidence officer")
            },
        )
    })?;
    assert_eq!((s1, s2), (1, 2));
    let record = store.custody(a, 1)?;
    assert_eq!(record.len(), 2);
    assert_eq!(record[1].entry.corrects, Some(1));
    // The first entry is as it was: a correction never edits.
    assert_eq!(record[0].entry.purpose, "to the evidence room");

    // A correction must name an earlier entry; other events name none.
    let bad = store.batch(|t| {
        t.add_custody(
            a,
            1,
            &NewCustody {
                event: CustodyEvent::Correction,
                corrects: Some(5),
                ..handover("x", "y")
            },
        )
    });
    assert_eq!(code(&bad), "invalid");
    let bad = store.batch(|t| {
        t.add_custody(
            a,
            1,
            &NewCustody {
                corrects: Some(1),
                ..handover("x", "y")
            },
        )
    });
    assert_eq!(code(&bad), "invalid");
    // Blank fields and unknown exhibits are refused.
    assert_eq!(
        code(&store.batch(|t| t.add_custody(a, 1, &handover(" ", "y")))),
        "invalid"
    );
    assert_eq!(
        code(&store.batch(|t| t.add_custody(a, 9, &handover("x", "y")))),
        "not-found"
    );
    // A closed case refuses new exhibits and entries.
    store.close_case(a)?;
    assert_eq!(
        code(&store.batch(|t| t.add_exhibit(a, &phone()))),
        "case-closed"
    );
    assert_eq!(
        code(&store.batch(|t| t.add_custody(a, 1, &handover("x", "y")))),
        "case-closed"
    );
    assert!(audit_len(&store)? > 0);
    Ok(())
}

/// The triggers refuse an UPDATE or DELETE of a custody entry or an exhibit by plain SQL;
/// someone who drops them first is found by the audit verification, at the entry that
/// recorded the changed row.
#[test]
fn custody_tampering_is_refused_and_then_found_at_its_entry() -> TestResult {
    let dir = tempdir()?;
    let base_dir = dir.path().join("base");
    fs::create_dir(&base_dir)?;
    let (path, mut store) = new_store(&base_dir)?;
    let case = sample_case(&mut store)?;
    store.batch(|t| t.add_exhibit(case, &phone()))?;
    store.batch(|t| t.add_custody(case, 1, &handover("Investigator", "Evidence officer")))?;
    let second = store.batch(|t| t.add_custody(case, 1, &handover("Evidence officer", "Lab")))?;
    assert_eq!(second, 2);
    let entry_seq = store
        .history(case)?
        .iter()
        .filter(|e| e.action == "custody.add")
        .map(|e| e.seq)
        .nth(1)
        .ok_or("no second custody entry")?;
    store.lock()?;

    let conn = raw_conn(&path, PASS)?;
    for sql in [
        "UPDATE custody_entries SET to_party = 'someone else' WHERE seq = 2",
        "DELETE FROM custody_entries WHERE seq = 2",
        "UPDATE exhibits SET seal = 'S-99999'",
        "DELETE FROM exhibits",
    ] {
        assert!(conn.execute_batch(sql).is_err(), "{sql} was allowed");
    }
    drop(conn);

    let cases: Vec<(&str, u64)> = vec![
        (
            "DROP TRIGGER custody_no_update;
             UPDATE custody_entries SET to_party = 'someone else' WHERE seq = 2;",
            entry_seq,
        ),
        (
            "DROP TRIGGER custody_no_update;
             UPDATE custody_entries SET seal_intact = 0 WHERE seq = 2;",
            entry_seq,
        ),
        (
            "DROP TRIGGER custody_no_delete; DELETE FROM custody_entries WHERE seq = 2;",
            entry_seq,
        ),
    ];
    for (i, (sql, seq)) in cases.into_iter().enumerate() {
        let work = dir.path().join(format!("work-{i}"));
        fs::create_dir(&work)?;
        let copy = copy_store(&path, &work)?;
        raw_conn(&copy, PASS)?.execute_batch(sql)?;
        let store = Store::open(&copy, &pass())?;
        assert_eq!(
            store.verify_audit()?,
            Verification::Broken {
                first_bad_seq: seq,
                kind: BreakKind::RecordChanged
            },
            "{sql}"
        );
    }
    // An entry slipped in without an audit entry is found too, after the last entry.
    let work = dir.path().join("work-insert");
    fs::create_dir(&work)?;
    let copy = copy_store(&path, &work)?;
    raw_conn(&copy, PASS)?.execute_batch(
        "INSERT INTO custody_entries (exhibit_id, seq, event, at, from_party, to_party, purpose,
             seal_intact, corrects, recorded_at)
         VALUES (1, 3, 'handover', 'x', 'a', 'b', 'c', 1, NULL, '2026-01-01T00:00:00.000000Z');",
    )?;
    let store = Store::open(&copy, &pass())?;
    match store.verify_audit()? {
        Verification::Broken {
            kind: BreakKind::RecordChanged,
            first_bad_seq,
        } => assert_eq!(first_bad_seq, store.audit_head()?.seq + 1),
        v => panic!("an unrecorded entry was not found: {v:?}"),
    }
    Ok(())
}

/// A reader that fails after some bytes, as a USB stick pulled out mid-copy would.
struct FailingReader {
    left: usize,
}

impl Read for FailingReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 {
            return Err(io::Error::other("the device went away"));
        }
        let n = buf.len().min(self.left);
        buf[..n].fill(7);
        self.left -= n;
        Ok(n)
    }
}

#[test]
fn attached_files_keep_their_digest_and_bytes_and_a_changed_file_is_reported() -> TestResult {
    let dir = tempdir()?;
    let (_path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    store.batch(|t| t.add_exhibit(case, &phone()))?;
    // Bigger than one chunk, and not a multiple of it.
    let bytes: Vec<u8> = (0..(dalil_store::CHUNK * 2 + 12345))
        .map(|i| (i % 251) as u8)
        .collect();
    let file = dir.path().join("scan.jpg");
    fs::write(&file, &bytes)?;

    let kept = store.attach(case, 1, "scan.jpg", &mut fs::File::open(&file)?, true)?;
    assert_eq!(kept.size, bytes.len() as u64);
    assert_eq!(dalil_store::hex(&kept.sha256), sha256_bytes(&bytes));
    let only = store.attach(case, 1, "scan.jpg", &mut fs::File::open(&file)?, false)?;
    assert!(!only.stored);
    assert_eq!(store.attachments(case, 1)?.len(), 2);

    // The bytes come back as they went in.
    let mut out = Vec::new();
    assert_eq!(store.write_stored(&kept, &mut out)?, bytes.len() as u64);
    assert_eq!(out, bytes);
    assert_eq!(store.check_stored(&kept)?, FileCheck::Matches);
    assert_eq!(code(&store.check_stored(&only)), "not-found");

    // The file on disk: unchanged, then one byte changed.
    assert_eq!(
        store.check_file(&only, &mut fs::File::open(&file)?)?,
        FileCheck::Matches
    );
    let mut changed = bytes.clone();
    changed[1000] ^= 1;
    fs::write(&file, &changed)?;
    match store.check_file(&only, &mut fs::File::open(&file)?)? {
        FileCheck::Differs { size, .. } => assert_eq!(size, bytes.len() as u64),
        FileCheck::Matches => panic!("a changed file matched"),
    }

    // An empty file and a failing reader are refused, and nothing is written.
    let before = audit_len(&store)?;
    let empty = store.attach(case, 1, "empty.bin", &mut io::empty(), true);
    assert!(matches!(
        empty,
        Err(StoreError::Invalid {
            field: "file-empty"
        })
    ));
    let failed = store.attach(
        case,
        1,
        "half.bin",
        &mut FailingReader {
            left: dalil_store::CHUNK + 10,
        },
        true,
    );
    assert_eq!(code(&failed), "io");
    assert_eq!(audit_len(&store)?, before);
    assert_eq!(store.attachments(case, 1)?.len(), 2);
    Ok(())
}

#[test]
fn elements_take_a_state_with_a_reason_and_links_to_the_case_own_things() -> TestResult {
    let dir = tempdir()?;
    let (_path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    let other = store.create_case(&new_case("OTHER-1"))?;
    let note = store.add_note(case, None, "The recruiter promised work in a hotel.")?;
    let foreign = store.add_note(other, None, "Another case's note.")?;
    store.batch(|t| t.add_exhibit(case, &phone()))?;

    assert_eq!(
        code(&store.batch(|t| t.set_element(case, "tip-act", ElementState::Supported, None))),
        "reason-required"
    );
    store.batch(|t| {
        t.set_element(
            case,
            "tip-act",
            ElementState::Supported,
            Some("recruitment shown by messages"),
        )
    })?;
    let before = audit_len(&store)?;
    // The same state again changes nothing and is not audited again.
    store.batch(|t| {
        t.set_element(
            case,
            "tip-act",
            ElementState::Supported,
            Some("recruitment shown by messages"),
        )
    })?;
    assert_eq!(audit_len(&store)?, before);
    assert_eq!(store.element_marks(case)?[0].state, ElementState::Supported);

    assert!(store.batch(|t| t.link_element(case, "tip-act", &LinkTarget::Note(note.0)))?);
    assert!(!store.batch(|t| t.link_element(case, "tip-act", &LinkTarget::Note(note.0)))?);
    assert!(store.batch(|t| t.link_element(case, "tip-act", &LinkTarget::Exhibit(1)))?);
    assert!(store.batch(|t| t.link_element(
        case,
        "tip-act",
        &LinkTarget::Step("intake-first-account".into())
    ))?);
    // Another case's note and a missing exhibit are not this case's.
    assert_eq!(
        code(&store.batch(|t| t.link_element(case, "tip-act", &LinkTarget::Note(foreign.0)))),
        "not-found"
    );
    assert_eq!(
        code(&store.batch(|t| t.link_element(case, "tip-act", &LinkTarget::Exhibit(2)))),
        "not-found"
    );
    assert_eq!(store.element_links(case)?.len(), 3);
    assert!(store.batch(|t| t.unlink_element(case, "tip-act", &LinkTarget::Exhibit(1)))?);
    assert!(!store.batch(|t| t.unlink_element(case, "tip-act", &LinkTarget::Exhibit(1)))?);
    assert_eq!(store.element_links(case)?.len(), 2);
    let actions: Vec<String> = store.history(case)?.into_iter().map(|e| e.action).collect();
    for a in [
        "element.set",
        "element.link",
        "element.unlink",
        "exhibit.add",
    ] {
        assert!(actions.iter().any(|x| x == a), "{a} not in {actions:?}");
    }
    assert!(matches!(store.verify_audit()?, Verification::Intact { .. }));
    Ok(())
}

#[test]
fn an_attach_on_a_full_disk_says_so_and_loses_nothing() -> TestResult {
    let disk = SmallDisk::new("6m");
    let (path, mut store) = new_store(disk.path())?;
    let case = sample_case(&mut store)?;
    store.batch(|t| t.add_exhibit(case, &phone()))?;
    store.add_note(case, None, "written before the disk filled")?;
    let before = audit_len(&store)?;
    // Bigger than the whole file system.
    let outside = tempdir()?;
    let big = outside.path().join("image.bin");
    fs::write(&big, vec![7u8; 12 << 20])?;
    let full = store.attach(case, 1, "image.bin", &mut fs::File::open(&big)?, true);
    assert_eq!(code(&full), "disk-full", "{full:?}");
    assert_eq!(audit_len(&store)?, before);
    assert!(store.attachments(case, 1)?.is_empty());
    store.lock()?;

    // Everything saved before is there, and work goes on with what space there is.
    let mut store = Store::open(&path, &pass())?;
    assert_eq!(store.notes(case)?.len(), 1);
    store.check()?;
    let small = outside.path().join("scan.jpg");
    fs::write(&small, b"a small scan")?;
    store.attach(case, 1, "scan.jpg", &mut fs::File::open(&small)?, true)?;
    assert_eq!(store.attachments(case, 1)?.len(), 1);
    assert!(matches!(store.verify_audit()?, Verification::Intact { .. }));
    store.lock()?;
    Ok(())
}
