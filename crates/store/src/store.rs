//! [`Store`]: an unlocked case file, its lifecycle (create, open, lock, change passphrase) and
//! its reads.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};
use time::OffsetDateTime;

use crate::audit::{self, Change, actions};
use crate::batch::{Batch, case_status};
use crate::db::{self, ProbeError, Unlocked};
use crate::decode::{parse_kind, parse_state, parse_status};
use crate::error::StoreError;
use crate::fsutil::{self, parent_dir, with_suffix};
use crate::keycheck::{self, Keycheck};
use crate::model::*;
use crate::passphrase::{DbKey, KDF_ITERATIONS, Passphrase, SALT_LEN, random_bytes};
use crate::schema;
use crate::time_text;

/// The files that belong to a database at `path`, besides the file itself.
pub(crate) const COMPANIONS: &[&str] = &["-wal", "-shm", "-journal", ".keycheck"];

/// An unlocked, encrypted case file.
///
/// Reads take `&self`; changes take `&mut self` and each commits in its own transaction
/// together with its audit entry (see [`Store::batch`] for many changes in one). The key is
/// kept, in wiped memory, only so that backups can open a second connection without deriving
/// it again; [`Store::lock`] (or dropping the store) closes the file and wipes the key.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    key: DbKey,
    salt: [u8; SALT_LEN],
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}

impl Store {
    /// Creates a new encrypted case file at `path` (creating its folder, private to the
    /// user, if needed). Refuses if the file, or any file of its family (`-wal`, `-shm`,
    /// `-journal`, `.keycheck`), already exists. The file is built under a temporary name and
    /// appears at `path` complete, or not at all.
    pub fn create(path: &Path, passphrase: &Passphrase) -> Result<Store, StoreError> {
        if passphrase.is_empty() {
            return Err(StoreError::EmptyPassphrase);
        }
        if fsutil::exists(path)
            || COMPANIONS
                .iter()
                .any(|s| fsutil::exists(&with_suffix(path, s)))
        {
            return Err(StoreError::AlreadyExists);
        }
        let dir = parent_dir(path);
        fsutil::create_private_dir(dir)?;
        let salt: [u8; SALT_LEN] = random_bytes()?;
        let key = DbKey::derive(passphrase, &salt, KDF_ITERATIONS)?;
        let tmp = fsutil::temp_sibling(path, "creating")?;
        let built = build_new(&tmp, &key, &salt);
        let placed = built.and_then(|()| {
            Keycheck::new(&salt, &[&key]).write(path)?;
            fsutil::persist_noclobber(&tmp, path)
        });
        if let Err(e) = placed {
            for f in [
                tmp.clone(),
                with_suffix(&tmp, "-wal"),
                with_suffix(&tmp, "-shm"),
            ] {
                let _ = fs::remove_file(f);
            }
            return Err(e);
        }
        Store::open_unlocked(path, Unlocked { key, salt }).map_err(|e| match e {
            Rejected::Key(_) => StoreError::Damaged,
            Rejected::Other(e) => e,
        })
    }

    /// Opens an existing case file. A wrong passphrase gives `WrongPassphrase` and leaves the
    /// file and its companions byte for byte unchanged; a damaged file gives `Damaged`; a file
    /// from a newer version gives `TooNew`. A file that fails to open is never changed,
    /// deleted or recreated. An older schema is migrated.
    pub fn open(path: &Path, passphrase: &Passphrase) -> Result<Store, StoreError> {
        let unlocked = db::unlock(path, passphrase)?;
        match Store::open_unlocked(path, unlocked) {
            Err(Rejected::Key(unlocked)) => Err(keycheck::judge_failure(
                path,
                passphrase,
                &unlocked.salt,
                &unlocked.key,
            )),
            Err(Rejected::Other(e)) => Err(e),
            Ok(store) => Ok(store),
        }
    }

    fn open_unlocked(path: &Path, unlocked: Unlocked) -> Result<Store, Rejected> {
        let mut conn = match db::open_rw(path, &unlocked.key) {
            Ok(conn) => conn,
            Err(ProbeError::NotADatabase) => return Err(Rejected::Key(unlocked)),
            Err(ProbeError::Other(e)) => return Err(Rejected::Other(e)),
        };
        schema::migrate(&mut conn).map_err(Rejected::Other)?;
        crate::device::ensure(&mut conn).map_err(Rejected::Other)?;
        let Unlocked { key, salt } = unlocked;
        let store = Store {
            conn,
            path: path.to_path_buf(),
            key,
            salt,
        };
        store.settle_keycheck().map_err(Rejected::Other)?;
        Ok(store)
    }

    /// After a successful unlock, makes the sidecar say exactly "this file, this key": this
    /// writes a missing one and settles one left with two checks by an interrupted change.
    fn settle_keycheck(&self) -> Result<(), StoreError> {
        let settled =
            Keycheck::read(&self.path).is_some_and(|k| k.is_settled_for(&self.salt, &self.key));
        if !settled {
            Keycheck::new(&self.salt, &[&self.key]).write(&self.path)?;
        }
        Ok(())
    }

    /// This computer's signing key, made at the file's first unlock and kept inside it: it
    /// signs the transfer bundles this file's cases leave in. The key wipes itself when
    /// dropped; never log or show it (its public half, [`Store::device_public_key`], is safe
    /// to show).
    pub fn device_key(&self) -> Result<crate::SigningKey, StoreError> {
        crate::device::signing_key(&self.conn)
    }

    /// The public half of [`Store::device_key`]: what names this computer to the directorate.
    pub fn device_public_key(&self) -> Result<crate::VerifyingKey, StoreError> {
        crate::device::public_key(&self.conn)
    }

    /// Closes the file and wipes the key from memory.
    pub fn lock(self) -> Result<(), StoreError> {
        let Store { conn, key, .. } = self;
        let closed = conn.close().map_err(|(_, e)| StoreError::from(e));
        drop(key);
        closed
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// The path of the case file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs many changes in one IMMEDIATE transaction: all of them commit, each with its audit
    /// entry, or none does (when `f` returns an error).
    pub fn batch<T>(
        &mut self,
        f: impl FnOnce(&mut Batch<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = {
            let mut b = Batch {
                conn: &tx,
                now: time_text::now(),
            };
            f(&mut b)?
        };
        tx.commit()?;
        Ok(out)
    }

    // ----- changes, one transaction each -----

    /// Opens a new case; see [`Batch::create_case`].
    pub fn create_case(&mut self, new: &NewCase) -> Result<CaseId, StoreError> {
        self.batch(|b| b.create_case(new))
    }

    /// Closes an open case; see [`Batch::close_case`].
    pub fn close_case(&mut self, case: CaseId) -> Result<(), StoreError> {
        self.batch(|b| b.close_case(case))
    }

    /// Records an export of a case; see [`Batch::record_export`].
    pub fn record_export(
        &mut self,
        case: CaseId,
        what: &str,
        sha256: [u8; 32],
    ) -> Result<(), StoreError> {
        self.batch(|b| b.record_export(case, what, sha256))
    }

    /// Reopens a closed case; see [`Batch::reopen_case`].
    pub fn reopen_case(&mut self, case: CaseId) -> Result<(), StoreError> {
        self.batch(|b| b.reopen_case(case))
    }

    /// Pins an open case to another SOP edition; see [`Batch::set_edition`].
    pub fn set_edition(&mut self, case: CaseId, edition: &Edition) -> Result<(), StoreError> {
        self.batch(|b| b.set_edition(case, edition))
    }

    /// Changes what a case is about; see [`Batch::set_kind`].
    pub fn set_kind(&mut self, case: CaseId, kind: CaseKind) -> Result<(), StoreError> {
        self.batch(|b| b.set_kind(case, kind))
    }

    /// Sets facts of a case; see [`Batch::set_facts`].
    pub fn set_facts(&mut self, case: CaseId, facts: &[(&str, &str)]) -> Result<(), StoreError> {
        self.batch(|b| b.set_facts(case, facts))
    }

    /// Sets the state of a step; see [`Batch::set_step_state`].
    pub fn set_step_state(
        &mut self,
        case: CaseId,
        step: &str,
        state: StepState,
        reason: Option<&str>,
    ) -> Result<(), StoreError> {
        self.batch(|b| b.set_step_state(case, step, state, reason))
    }

    /// Writes a new note; see [`Batch::add_note`]. When this returns, the note is on disk.
    pub fn add_note(
        &mut self,
        case: CaseId,
        step: Option<&str>,
        text: &str,
    ) -> Result<NoteId, StoreError> {
        self.batch(|b| b.add_note(case, step, text))
    }

    /// Edits a note; see [`Batch::edit_note`].
    pub fn edit_note(&mut self, note: NoteId, text: &str) -> Result<(), StoreError> {
        self.batch(|b| b.edit_note(note, text))
    }

    /// Deletes a note, leaving a tombstone in its history; see [`Batch::delete_note`].
    pub fn delete_note(&mut self, note: NoteId) -> Result<(), StoreError> {
        self.batch(|b| b.delete_note(note))
    }

    /// Saves a draft; see [`Batch::save_draft`].
    pub fn save_draft(
        &mut self,
        case: CaseId,
        step: Option<&str>,
        text: &str,
    ) -> Result<(), StoreError> {
        self.batch(|b| b.save_draft(case, step, text))
    }

    /// Discards a draft; see [`Batch::discard_draft`].
    pub fn discard_draft(&mut self, case: CaseId, step: Option<&str>) -> Result<bool, StoreError> {
        self.batch(|b| b.discard_draft(case, step))
    }

    // ----- reads -----

    /// The cases that match the filter, most recently changed first.
    pub fn list_cases(&self, filter: &CaseFilter) -> Result<Vec<CaseSummary>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT c.id, c.reference, c.title, c.kind, c.status, c.created_at, c.last_change
             FROM cases c WHERE {CASE_FILTER} ORDER BY c.last_change DESC, c.id DESC"
        ))?;
        let (status, pattern) = filter_params(filter);
        let rows = stmt.query_map(params![status, pattern], summary_row)?;
        let mut out = Vec::new();
        for row in rows {
            out.push(summary_from_row(row?)?);
        }
        Ok(out)
    }

    /// What the case list shows for every case that matches the filter, most recently changed
    /// first: its summary, its facts and the steps that are no longer pending, which is all a
    /// caller needs to count each case's progress against the checklist.
    ///
    /// It takes three queries whatever the number of cases (cases, facts, settled steps), in
    /// one read transaction so that they agree with each other, and reads no note: the note
    /// text stays encrypted on disk, and opening a list costs nothing per note.
    pub fn case_overviews(&self, filter: &CaseFilter) -> Result<Vec<CaseOverview>, StoreError> {
        // SQLite reads a negative LIMIT as no limit.
        self.overviews(filter, 0, -1, None).map(|(page, _)| page)
    }

    /// One page of [`Store::case_overviews`]: at most `limit` cases, from `offset` on in the
    /// same order, and the number of cases the filter matches in all. Only the page's cases
    /// have their facts and settled steps read, so the first screen of a long list costs
    /// the same as a short list.
    pub fn case_overviews_page(
        &self,
        filter: &CaseFilter,
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<CaseOverview>, usize), StoreError> {
        let to_i64 = |n: usize| i64::try_from(n).map_err(|_| StoreError::Invalid { field: "page" });
        self.overviews(filter, to_i64(offset)?, to_i64(limit)?, None)
    }

    /// [`Store::case_overviews_page`] for a caller that remembers progress under `rules` (a
    /// key of the checklist rules, [`Store::remember_progress`]): a case whose remembered
    /// progress still holds comes with it in `progress`, and its facts and settled steps are
    /// not read.
    pub fn case_overviews_page_with(
        &self,
        filter: &CaseFilter,
        offset: usize,
        limit: usize,
        rules: &str,
    ) -> Result<(Vec<CaseOverview>, usize), StoreError> {
        let to_i64 = |n: usize| i64::try_from(n).map_err(|_| StoreError::Invalid { field: "page" });
        self.overviews(filter, to_i64(offset)?, to_i64(limit)?, Some(rules))
    }

    /// Remembers the progress of cases counted under `rules`: `(case, its last_change when it
    /// was read, done, applicable)`. A row holds only while the case's `last_change` is that
    /// time, so progress counted from a read that a change has since overtaken is never used.
    /// Not audited: it is derived from audited rows, and losing it loses nothing.
    pub fn remember_progress(
        &mut self,
        rules: &str,
        rows: &[(CaseId, OffsetDateTime, usize, usize)],
    ) -> Result<(), StoreError> {
        if rows.is_empty() {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO case_progress (case_id, rules, as_of, done, applicable)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (case_id) DO UPDATE SET rules = excluded.rules,
                     as_of = excluded.as_of, done = excluded.done,
                     applicable = excluded.applicable",
            )?;
            for (case, as_of, done, applicable) in rows {
                let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
                stmt.execute(params![
                    case.0,
                    rules,
                    time_text::format(*as_of),
                    count(*done),
                    count(*applicable)
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn overviews(
        &self,
        filter: &CaseFilter,
        offset: i64,
        limit: i64,
        rules: Option<&str>,
    ) -> Result<(Vec<CaseOverview>, usize), StoreError> {
        // A read transaction gives the queries one snapshot of the file. `&self` keeps this
        // connection from writing meanwhile, so there is no nesting to fear.
        let tx = self.conn.unchecked_transaction()?;
        let (status, pattern) = filter_params(filter);
        let total: i64 = tx
            .prepare_cached(&format!("SELECT count(*) FROM cases c WHERE {CASE_FILTER}"))?
            .query_row(params![status, pattern], |r| r.get(0))?;
        // The page's case ids, in the list's order: `?3` is its length (negative for all) and
        // `?4` its offset.
        let page_ids = format!(
            "SELECT c.id FROM cases c WHERE {CASE_FILTER}
             ORDER BY c.last_change DESC, c.id DESC LIMIT ?3 OFFSET ?4"
        );
        let mut out = Vec::new();
        let mut at = HashMap::new();
        {
            let mut stmt = tx.prepare_cached(&format!(
                "SELECT c.id, c.reference, c.title, c.kind, c.status, c.created_at, c.last_change,
                        p.done, p.applicable
                 FROM cases c
                 LEFT JOIN case_progress p
                        ON p.case_id = c.id AND p.rules = ?5 AND p.as_of = c.last_change
                 WHERE {CASE_FILTER} ORDER BY c.last_change DESC, c.id DESC
                 LIMIT ?3 OFFSET ?4"
            ))?;
            let mut rows = stmt.query(params![status, pattern, limit, offset, rules])?;
            while let Some(r) = rows.next()? {
                let summary = summary_from_row(summary_row(r)?)?;
                let done: Option<i64> = r.get(7)?;
                let applicable: Option<i64> = r.get(8)?;
                let count = |n: i64| usize::try_from(n).map_err(|_| StoreError::Damaged);
                let progress = match (done, applicable) {
                    (Some(d), Some(a)) => Some((count(d)?, count(a)?)),
                    _ => None,
                };
                if progress.is_none() {
                    at.insert(summary.id.0, out.len());
                }
                out.push(CaseOverview {
                    summary,
                    facts: BTreeMap::new(),
                    settled: Default::default(),
                    progress,
                });
            }
        }
        // Only the cases whose progress must be counted have their rows read.
        let uncounted =
            "NOT IN (SELECT p.case_id FROM case_progress p JOIN cases k ON k.id = p.case_id
                                  WHERE p.rules = ?5 AND p.as_of = k.last_change)";
        // The same filter again rather than a list of ids: SQLite walks the matching case ids
        // and seeks each one's rows in the facts' primary key and the settled-steps index, so
        // each case's rows come together and no page of another table is read. Rows are
        // gathered per case first and each map or set is built at once from them, which is
        // cheaper than inserting one at a time.
        let mut facts: Vec<Vec<(String, String)>> = vec![Vec::new(); out.len()];
        let mut settled: Vec<Vec<Arc<str>>> = vec![Vec::new(); out.len()];
        // A store holds a few hundred distinct step ids across all its cases, each settled in
        // many: one shared copy of each costs a lookup where a copy per row would cost an
        // allocation, and the caller compares or drops them as cheaply.
        let mut step_ids: HashSet<Arc<str>> = HashSet::new();
        let case_index = |case: i64, last: &mut Option<(i64, usize)>| match *last {
            Some((id, i)) if id == case => Ok(i),
            _ => {
                let i = *at.get(&case).ok_or(StoreError::Damaged)?;
                *last = Some((case, i));
                Ok::<_, StoreError>(i)
            }
        };
        let mut shared = |step: &str| match step_ids.get(step) {
            Some(id) => Arc::clone(id),
            None => {
                let id: Arc<str> = Arc::from(step);
                step_ids.insert(Arc::clone(&id));
                id
            }
        };
        if at.is_empty() {
            // Every case of the page came with its remembered progress: nothing to read.
        } else if at.len() <= FEW_UNCOUNTED && rules.is_some() {
            // A few cases changed since they were counted: each one's rows by its key.
            let mut fact_stmt =
                tx.prepare_cached("SELECT fact_id, value FROM case_facts WHERE case_id = ?1")?;
            let mut step_stmt = tx.prepare_cached(
                "SELECT step_id FROM step_states WHERE case_id = ?1 AND state <> 'pending'",
            )?;
            for (&case, &i) in &at {
                let mut rows = fact_stmt.query([case])?;
                while let Some(r) = rows.next()? {
                    facts[i].push((r.get(0)?, r.get(1)?));
                }
                let mut rows = step_stmt.query([case])?;
                while let Some(r) = rows.next()? {
                    let step = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
                    settled[i].push(shared(step));
                }
            }
        } else {
            let mut stmt = tx.prepare_cached(&format!(
                "SELECT case_id, fact_id, value FROM case_facts
                 WHERE case_id IN ({page_ids}) AND case_id {uncounted}"
            ))?;
            let mut rows = stmt.query(params![status, pattern, limit, offset, rules])?;
            let mut last = None;
            while let Some(r) = rows.next()? {
                let i = case_index(r.get(0)?, &mut last)?;
                facts[i].push((r.get(1)?, r.get(2)?));
            }
            let mut stmt = tx.prepare_cached(&format!(
                "SELECT case_id, step_id FROM step_states
                 WHERE state <> 'pending'
                   AND case_id IN ({page_ids}) AND case_id {uncounted}"
            ))?;
            let mut rows = stmt.query(params![status, pattern, limit, offset, rules])?;
            let mut last = None;
            while let Some(r) = rows.next()? {
                let i = case_index(r.get(0)?, &mut last)?;
                let step = r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
                settled[i].push(shared(step));
            }
        }
        for ((o, f), s) in out.iter_mut().zip(facts).zip(settled) {
            o.facts = f.into_iter().collect();
            o.settled = s.into_iter().collect();
        }
        tx.finish()?;
        Ok((out, usize::try_from(total).unwrap_or(0)))
    }

    /// The case with this reference, exactly as stored, if any.
    pub fn case_by_reference(&self, reference: &str) -> Result<Option<CaseId>, StoreError> {
        let id: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM cases WHERE reference = ?1")?
            .query_row([reference], |r| r.get(0))
            .optional()?;
        Ok(id.map(CaseId))
    }

    /// One case.
    pub fn case(&self, case: CaseId) -> Result<Case, StoreError> {
        let row: Option<CaseRow> = self
            .conn
            .prepare_cached(
                "SELECT reference, title, kind, status, sop_id, sop_edition, created_at,
                        closed_at, last_change
                 FROM cases WHERE id = ?1",
            )?
            .query_row([case.0], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                ))
            })
            .optional()?;
        let Some((
            reference,
            title,
            kind,
            status,
            sop,
            version,
            created_at,
            closed_at,
            last_change,
        )) = row
        else {
            return Err(not_found_case(case));
        };
        let created_at = time_text::parse(&created_at)?;
        Ok(Case {
            id: case,
            reference,
            title,
            kind: parse_kind(&kind)?,
            status: parse_status(&status)?,
            edition: Edition { sop, version },
            created_at,
            closed_at: closed_at.as_deref().map(time_text::parse).transpose()?,
            last_change: time_text::parse(&last_change)?,
        })
    }

    /// The facts of a case, by fact id.
    pub fn facts(&self, case: CaseId) -> Result<Vec<Fact>, StoreError> {
        case_status(&self.conn, case)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT fact_id, value, updated_at FROM case_facts WHERE case_id = ?1 ORDER BY fact_id",
        )?;
        let rows = stmt.query_map([case.0], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, value, at) = row?;
            out.push(Fact {
                id,
                value,
                updated_at: time_text::parse(&at)?,
            });
        }
        Ok(out)
    }

    /// The facts of a case as a map from fact id to value.
    pub fn fact_map(&self, case: CaseId) -> Result<BTreeMap<String, String>, StoreError> {
        Ok(self
            .facts(case)?
            .into_iter()
            .map(|f| (f.id, f.value))
            .collect())
    }

    /// Every recorded step state of a case, by step id, including steps that no longer apply
    /// or that a newer SOP edition retired.
    pub fn step_states(&self, case: CaseId) -> Result<Vec<StepRecord>, StoreError> {
        case_status(&self.conn, case)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT step_id, state, reason, updated_at FROM step_states
             WHERE case_id = ?1 ORDER BY step_id",
        )?;
        let rows = stmt.query_map([case.0], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (step_id, state, reason, at) = row?;
            out.push(StepRecord {
                step_id,
                state: parse_state(&state)?,
                reason,
                updated_at: time_text::parse(&at)?,
            });
        }
        Ok(out)
    }

    /// The live notes of a case, oldest first.
    pub fn notes(&self, case: CaseId) -> Result<Vec<Note>, StoreError> {
        case_status(&self.conn, case)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT n.id, n.subject_kind, n.subject_id, n.revision, n.created_at, r.body,
                    r.created_at
             FROM notes n JOIN note_revisions r ON r.note_id = n.id AND r.revision = n.revision
             WHERE n.case_id = ?1 AND n.deleted_at IS NULL
             ORDER BY n.id",
        )?;
        let rows = stmt.query_map([case.0], note_row)?;
        let mut out = Vec::new();
        for row in rows {
            out.push(note_from_row(case, row?)?);
        }
        Ok(out)
    }

    /// One live note.
    pub fn note(&self, note: NoteId) -> Result<Note, StoreError> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT n.id, n.subject_kind, n.subject_id, n.revision, n.created_at, r.body,
                        r.created_at, n.case_id, n.deleted_at
                 FROM notes n
                 JOIN note_revisions r ON r.note_id = n.id AND r.revision = n.revision
                 WHERE n.id = ?1",
            )?
            .query_row([note.0], |r| {
                Ok((
                    note_row(r)?,
                    r.get::<_, i64>(7)?,
                    r.get::<_, Option<String>>(8)?,
                ))
            })
            .optional()?;
        match row {
            None => Err(StoreError::NotFound {
                entity: "note",
                id: note.to_string(),
            }),
            Some((_, _, Some(_))) => Err(StoreError::NoteDeleted { note }),
            Some((row, case, None)) => note_from_row(CaseId(case), row),
        }
    }

    /// Every revision of a note, first to last, including the tombstone of a deleted note.
    pub fn note_revisions(&self, note: NoteId) -> Result<Vec<NoteRevision>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT revision, body, created_at FROM note_revisions
             WHERE note_id = ?1 ORDER BY revision",
        )?;
        let rows = stmt.query_map([note.0], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (revision, text, at) = row?;
            out.push(NoteRevision {
                note,
                revision: u32::try_from(revision).map_err(|_| StoreError::Damaged)?,
                text,
                created_at: time_text::parse(&at)?,
            });
        }
        if out.is_empty() {
            return Err(StoreError::NotFound {
                entity: "note",
                id: note.to_string(),
            });
        }
        Ok(out)
    }

    /// The live notes that match `query`, newest first, in one case or (with `None`) in all,
    /// at most `limit` of them, each with its case's reference and a snippet.
    ///
    /// The query is what the user typed: its words are normalized as the notes' words were
    /// (so tashkeel, hamza forms, Arabic-Indic digits and English suffixes do not matter), they
    /// are ANDed, and the last one also matches as a prefix. It never reaches FTS5's query
    /// syntax. `BadQuery` for a query that is too long, has too many words or holds a control
    /// character; `NotFound` for a case filter naming no case.
    pub fn search_notes(
        &self,
        query: &str,
        case: Option<CaseId>,
        limit: usize,
    ) -> Result<Vec<NoteMatch>, StoreError> {
        let query = dalil_search::Query::parse(query)?;
        if let Some(case) = case {
            case_status(&self.conn, case)?;
        }
        let options = dalil_search::notes::NotesOptions {
            case_id: case.map(|c| c.0),
            order: dalil_search::notes::NoteOrder::Newest,
            limit,
        };
        let hits = dalil_search::notes::search_notes(&self.conn, &query, &options)?;
        let mut out = Vec::with_capacity(hits.len());
        for hit in hits {
            let note = match self.note(NoteId(hit.note_id)) {
                Ok(note) => note,
                // The index is written in the transaction of every note change, so a hit on a
                // deleted or missing note means the file was changed behind the store's back.
                Err(StoreError::NoteDeleted { .. } | StoreError::NotFound { .. }) => {
                    return Err(StoreError::Damaged);
                }
                Err(e) => return Err(e),
            };
            let case_reference = self.case(note.case)?.reference;
            let snippet = dalil_search::notes::note_snippet(&note.text, &query);
            out.push(NoteMatch {
                note,
                case_reference,
                snippet,
            });
        }
        Ok(out)
    }

    /// The drafts of a case, to restore after a crash.
    pub fn drafts_for_case(&self, case: CaseId) -> Result<Vec<Draft>, StoreError> {
        case_status(&self.conn, case)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT subject_kind, subject_id, body, updated_at FROM drafts
             WHERE case_id = ?1 ORDER BY subject_kind, subject_id",
        )?;
        let rows = stmt.query_map([case.0], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (kind, subject_id, text, at) = row?;
            out.push(Draft {
                case,
                step: step_of(&kind, subject_id)?,
                text,
                updated_at: time_text::parse(&at)?,
            });
        }
        Ok(out)
    }

    /// The audit entries of one case, oldest first.
    pub fn history(&self, case: CaseId) -> Result<Vec<AuditEntry>, StoreError> {
        case_status(&self.conn, case)?;
        audit::for_case(&self.conn, case)
    }

    /// Up to `limit` entries of the whole audit log (store-wide ones included) after sequence
    /// number `after`, oldest first: page through it with the last `seq` seen.
    pub fn audit_entries(&self, after: u64, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        audit::range(&self.conn, after, limit)
    }

    /// Verifies the whole audit chain and its head.
    pub fn verify_audit(&self) -> Result<Verification, StoreError> {
        audit::verify(&self.conn)
    }

    /// Where the audit log ends now: keep it elsewhere to make a rewrite of the log visible.
    pub fn audit_head(&self) -> Result<AuditHead, StoreError> {
        audit::head(&self.conn)
    }

    /// Checks the whole file: every page's HMAC (`PRAGMA cipher_integrity_check`, after a
    /// checkpoint), the b-tree structure (`PRAGMA integrity_check`) and the audit chain.
    /// `Damaged` or `AuditBroken` when something is wrong.
    pub fn check(&self) -> Result<(), StoreError> {
        check_connection(&self.conn)
    }

    /// Copies everything in the WAL into the main file and empties the WAL.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        let busy: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        if busy != 0 {
            return Err(StoreError::Busy);
        }
        Ok(())
    }

    /// Changes the passphrase. `old` must be the current one. Safe against a crash at any
    /// point: the file then opens with the old passphrase or the new one, and the key check
    /// recognises both until the next successful unlock settles it.
    pub fn change_passphrase(
        &mut self,
        old: &Passphrase,
        new: &Passphrase,
    ) -> Result<(), StoreError> {
        if new.is_empty() {
            return Err(StoreError::EmptyPassphrase);
        }
        let old_key = DbKey::derive(old, &self.salt, KDF_ITERATIONS)?;
        if !old_key.same_as(&self.key) {
            return Err(StoreError::WrongPassphrase);
        }
        let new_key = DbKey::derive(new, &self.salt, KDF_ITERATIONS)?;
        // 1. The sidecar learns both keys before the file changes.
        Keycheck::new(&self.salt, &[&old_key, &new_key]).write(&self.path)?;
        // 2. SQLCipher re-encrypts every page in one transaction (into the WAL, then the
        //    main file at checkpoint); a crash before its commit leaves the old key, after
        //    it the new one. The raw key is given without a salt: the file keeps its salt.
        if let Err(e) = self.conn.execute_batch(&new_key.pragma("rekey", None)) {
            let _ = Keycheck::new(&self.salt, &[&old_key]).write(&self.path);
            return Err(e.into());
        }
        self.key = new_key;
        // 3. Fold the re-encrypted pages into the main file, then settle the sidecar.
        self.checkpoint()?;
        Keycheck::new(&self.salt, &[&self.key]).write(&self.path)?;
        let now = time_text::now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        audit::append(
            &tx,
            &now,
            &Change {
                action: actions::STORE_PASSPHRASE_CHANGE,
                entity_kind: "store",
                entity_id: "",
                case: None,
                digest: audit::digest_text(""),
            },
        )?;
        tx.commit()?;
        Ok(())
    }

    pub(crate) fn key(&self) -> &DbKey {
        &self.key
    }

    pub(crate) fn salt(&self) -> &[u8; SALT_LEN] {
        &self.salt
    }
}

/// Why opening an unlocked file failed: the key no longer fits (the caller asks the key
/// check), or anything else.
enum Rejected {
    Key(Unlocked),
    Other(StoreError),
}

/// Runs the full check on a connection.
pub(crate) fn check_connection(conn: &Connection) -> Result<(), StoreError> {
    // `cipher_integrity_check` reads the main file page by page, bypassing the WAL. A page
    // whose newer copy sits in the WAL may be stale there (or, after a passphrase change whose
    // checkpoint was interrupted, still under the old key), so the WAL is folded in first;
    // if another connection keeps the checkpoint from completing, the page check is skipped
    // and `integrity_check`, which reads every page in use through the WAL, remains.
    let (busy, log, done): (i64, i64, i64) =
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    if busy == 0 && log == done {
        let mut stmt = conn.prepare("PRAGMA cipher_integrity_check")?;
        let mut rows = stmt.query([])?;
        if rows.next()?.is_some() {
            return Err(StoreError::Damaged);
        }
    }
    let result: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if result != "ok" {
        return Err(StoreError::Damaged);
    }
    match audit::verify(conn)? {
        Verification::Intact { .. } => Ok(()),
        Verification::Broken {
            first_bad_seq,
            kind,
        } => Err(StoreError::AuditBroken {
            first_bad_seq,
            kind,
        }),
    }
}

/// Opens a file (a backup candidate) read-write with a known key, for checking.
pub(crate) fn open_for_check(path: &Path, key: &DbKey) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    db::configure(&conn, key, None)?;
    Ok(conn)
}

/// Builds a complete new database at `tmp` (a private temporary name).
fn build_new(tmp: &Path, key: &DbKey, salt: &[u8; SALT_LEN]) -> Result<(), StoreError> {
    let mut conn = Connection::open_with_flags(
        tmp,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // Private to the user; SQLite gives the -wal and -shm the same mode.
    fs::set_permissions(tmp, fs::Permissions::from_mode(0o600)).map_err(StoreError::io("chmod"))?;
    db::configure(&conn, key, Some(salt))?;
    schema::migrate(&mut conn)?;
    conn.close().map_err(|(_, e)| StoreError::from(e))?;
    fsutil::sync_file(tmp)
}

fn not_found_case(case: CaseId) -> StoreError {
    StoreError::NotFound {
        entity: "case",
        id: case.to_string(),
    }
}

/// A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped.
fn like_pattern(text: &str) -> String {
    let mut p = String::with_capacity(text.len() + 2);
    p.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// Up to this many cases of a page to count, their rows are read case by case through the
/// keys; more, and the page's rows are read in one pass (see `Store::overviews`).
const FEW_UNCOUNTED: usize = 64;

/// reference, title, kind, status, sop_id, sop_edition, created_at, closed_at, last_change
type CaseRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    Option<String>,
    String,
);

/// The cases a [`CaseFilter`] keeps, over `cases c`, with `?1` the status (or NULL) and `?2`
/// the LIKE pattern (or NULL) from [`filter_params`].
const CASE_FILTER: &str = "(?1 IS NULL OR c.status = ?1)
    AND (?2 IS NULL OR c.reference LIKE ?2 ESCAPE '\\' OR c.title LIKE ?2 ESCAPE '\\')";

/// The parameters of [`CASE_FILTER`].
fn filter_params(filter: &CaseFilter) -> (Option<&'static str>, Option<String>) {
    (
        filter.status.map(CaseStatus::as_str),
        filter.text.as_deref().map(like_pattern),
    )
}

/// id, reference, title, kind, status, created_at, last_change
type SummaryRow = (i64, String, String, String, String, String, String);

fn summary_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SummaryRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
    ))
}

fn summary_from_row(row: SummaryRow) -> Result<CaseSummary, StoreError> {
    let (id, reference, title, kind, status, created_at, last_change) = row;
    Ok(CaseSummary {
        id: CaseId(id),
        reference,
        title,
        kind: parse_kind(&kind)?,
        status: parse_status(&status)?,
        created_at: time_text::parse(&created_at)?,
        last_change: time_text::parse(&last_change)?,
    })
}

/// id, subject kind, subject id, revision, created_at, body, revision's created_at
type NoteRow = (i64, String, String, i64, String, Option<String>, String);

fn note_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<NoteRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
    ))
}

fn note_from_row(case: CaseId, row: NoteRow) -> Result<Note, StoreError> {
    let (id, kind, subject_id, revision, created_at, body, updated_at) = row;
    Ok(Note {
        id: NoteId(id),
        case,
        step: step_of(&kind, subject_id)?,
        // A live note's current revision always has a body; a NULL one was not written here.
        text: body.ok_or(StoreError::Damaged)?,
        revision: u32::try_from(revision).map_err(|_| StoreError::Damaged)?,
        created_at: time_text::parse(&created_at)?,
        updated_at: time_text::parse(&updated_at)?,
    })
}

fn step_of(kind: &str, subject_id: String) -> Result<Option<String>, StoreError> {
    match kind {
        "case" => Ok(None),
        "step" => Ok(Some(subject_id)),
        // Subjects of later kinds are not notes of this API's shape.
        _ => Err(StoreError::Damaged),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_store() -> Result<(tempfile::TempDir, Store), StoreError> {
        let dir = tempfile::tempdir().map_err(StoreError::io("tempdir"))?;
        let store = Store::create(&dir.path().join("cases.db"), &Passphrase::from("pw"))?;
        Ok((dir, store))
    }

    fn new_case(s: &mut Store) -> Result<CaseId, StoreError> {
        s.create_case(&NewCase {
            reference: "R-1".into(),
            title: "T".into(),
            kind: CaseKind::Undetermined,
            edition: Edition::new("t", "1"),
        })
    }

    /// SQLITE_FULL from a real statement maps to DiskFull: the page limit stands in for a full
    /// disk, and the failed change leaves nothing behind.
    #[test]
    fn a_full_disk_is_disk_full() -> Result<(), StoreError> {
        let (_dir, mut store) = temp_store()?;
        let case = new_case(&mut store)?;
        let pages: i64 = store
            .conn()
            .query_row("PRAGMA page_count", [], |r| r.get(0))?;
        store.conn().pragma_update(None, "max_page_count", pages)?;
        let big = "x".repeat(64 * 1024);
        let err = store.add_note(case, None, &big).err();
        assert_eq!(err.as_ref().map(StoreError::code), Some("disk-full"));
        assert!(store.notes(case)?.is_empty());
        assert!(matches!(store.verify_audit()?, Verification::Intact { .. }));
        Ok(())
    }

    /// SQLITE_READONLY from a real statement maps to ReadOnly.
    #[test]
    fn a_read_only_database_is_read_only() -> Result<(), StoreError> {
        let (_dir, mut store) = temp_store()?;
        let case = new_case(&mut store)?;
        store.conn().pragma_update(None, "query_only", true)?;
        let err = store.add_note(case, None, "n").err();
        assert_eq!(err.as_ref().map(StoreError::code), Some("read-only"));
        Ok(())
    }

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(like_pattern("50%_a\\"), "%50\\%\\_a\\\\%");
    }
}
