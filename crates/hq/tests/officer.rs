//! An officer's computer: a real case file made by `dalil-store`, whose cases leave through
//! `dalil-case`'s export to the directorate, as the app and `dalil` send them.

use std::path::PathBuf;

use dalil_store::{CaseId, CaseKind, Edition, NewCase, NoteId, Passphrase, StepState, Store};
use dalil_transfer::DirectorateKey;
use time::OffsetDateTime;

pub struct Officer {
    pub dir: tempfile::TempDir,
    pub store: Store,
    pub label: String,
}

pub fn pass() -> Passphrase {
    Passphrase::from("a passphrase for the tests")
}

impl Officer {
    pub fn new(label: &str) -> Officer {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::create(&dir.path().join("cases.db"), &pass()).expect("store");
        Officer {
            dir,
            store,
            label: label.to_owned(),
        }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("cases.db")
    }

    pub fn key(&self) -> String {
        dalil_case::transfer::device_id(&self.store).expect("device key")
    }

    pub fn case(&mut self, reference: &str) -> CaseId {
        let id = self
            .store
            .create_case(&NewCase {
                reference: reference.into(),
                title: format!("Case {reference}"),
                kind: CaseKind::Trafficking,
                edition: Edition::new("dalil-reference-sop", "2026.1"),
            })
            .expect("case");
        self.store
            .set_facts(id, &[("child", "no"), ("foreign-national", "yes")])
            .expect("facts");
        self.store
            .set_step_state(id, "intake-log-report", StepState::Done, None)
            .expect("step");
        id
    }

    pub fn note(&mut self, case: CaseId, text: &str) -> NoteId {
        self.store.add_note(case, None, text).expect("note")
    }

    /// Exports the cases to the directorate and records it, as the app does.
    pub fn export(&mut self, cases: &[CaseId], to: &DirectorateKey) -> Vec<u8> {
        let export = dalil_case::transfer::transfer(
            &self.store,
            cases,
            to,
            "dalil test",
            OffsetDateTime::now_utc(),
        )
        .expect("export");
        dalil_case::transfer::record_transfer(&mut self.store, &export).expect("record");
        export.bytes
    }
}
