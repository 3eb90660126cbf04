//! `dalil note …` and `dalil search --notes`: notes on a case or on one of its steps, their
//! revisions, and the search over them kept inside the encrypted case file.

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;
use dalil_l10n::{Arg, Localizer};
use dalil_search::Highlighted;
use dalil_store::{NoteMatch, NoteRevision};

use super::{
    Env, Problem, StoreArgs, known_step, note_json, note_text, parse_note_id, print_note,
    resolve_case, when, when_json,
};
use crate::Failure;

/// `dalil note …`
#[derive(Debug, Subcommand)]
pub(crate) enum NoteCommand {
    /// Write a note on a case, or on one of its steps. The text comes from --text, --file,
    /// or standard input.
    Add {
        /// The case: its reference, or its internal id.
        case: String,
        /// The step the note is about (by default, the case itself).
        #[arg(long, value_name = "STEP-ID")]
        step: Option<String>,
        /// The text of the note.
        #[arg(long, conflicts_with = "file")]
        text: Option<String>,
        /// Read the text from this file (`-` for standard input).
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Replace the text of a note. Every earlier revision is kept.
    Edit {
        /// The note id, as `dalil note list` shows it.
        note: String,
        /// The new text.
        #[arg(long, conflicts_with = "file")]
        text: Option<String>,
        /// Read the new text from this file (`-` for standard input).
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Delete a note. Its revisions are kept, and its history ends with the deletion.
    Delete {
        /// The note id.
        note: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the notes of a case, oldest first.
    List {
        /// The case: its reference, or its internal id.
        case: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show every revision of a note, the deletion of a deleted note included.
    Revisions {
        /// The note id.
        note: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Runs a `note` command.
pub(super) fn run(command: NoteCommand, env: &mut Env<'_>) -> Result<u8, Problem> {
    match command {
        NoteCommand::Add {
            case,
            step,
            text,
            file,
            json,
        } => add(env, &case, step.as_deref(), text, file, json),
        NoteCommand::Edit {
            note,
            text,
            file,
            json,
        } => edit(env, &note, text, file, json),
        NoteCommand::Delete { note, json } => delete(env, &note, json),
        NoteCommand::List { case, json } => list(env, &case, json),
        NoteCommand::Revisions { note, json } => revisions(env, &note, json),
    }
}

/// `note add`: the step is checked against the SOP before the passphrase is asked for.
fn add(
    env: &mut Env<'_>,
    case: &str,
    step: Option<&str>,
    text: Option<String>,
    file: Option<PathBuf>,
    json: bool,
) -> Result<u8, Problem> {
    if let Some(step) = step {
        let sop = env.sop()?;
        known_step(env, &sop, step)?;
    }
    let text = note_text(env, text, file.as_deref())?;
    let mut store = env.store()?;
    let id = resolve_case(env, &store, case)?;
    let note = store
        .add_note(id, step, &text)
        .and_then(|n| store.note(n))
        .map_err(|e| env.fail(&e))?;
    let reference = store.case(id).map_err(|e| env.fail(&e))?.reference;
    env.close(store)?;
    if json {
        env.json(&note_json(&note))?;
        return Ok(0);
    }
    let l10n = env.l10n;
    env.line(&l10n.format(
        "cli-note-added",
        &[
            ("id", Arg::Str(&note.id.to_string())),
            ("reference", Arg::Str(&reference)),
        ],
    ))?;
    Ok(0)
}

/// `note edit`: a new revision.
fn edit(
    env: &mut Env<'_>,
    note: &str,
    text: Option<String>,
    file: Option<PathBuf>,
    json: bool,
) -> Result<u8, Problem> {
    let l10n = env.l10n;
    let id = parse_note_id(l10n, note)?;
    let text = note_text(env, text, file.as_deref())?;
    let mut store = env.store()?;
    let note = store
        .edit_note(id, &text)
        .and_then(|()| store.note(id))
        .map_err(|e| env.fail(&e))?;
    env.close(store)?;
    if json {
        env.json(&note_json(&note))?;
        return Ok(0);
    }
    env.line(&l10n.format(
        "cli-note-edited",
        &[
            ("id", Arg::Str(&note.id.to_string())),
            ("revision", Arg::Str(&note.revision.to_string())),
        ],
    ))?;
    Ok(0)
}

/// `note delete`: a tombstone revision; the note leaves the list and the search index.
fn delete(env: &mut Env<'_>, note: &str, json: bool) -> Result<u8, Problem> {
    let l10n = env.l10n;
    let id = parse_note_id(l10n, note)?;
    let mut store = env.store()?;
    store.delete_note(id).map_err(|e| env.fail(&e))?;
    env.close(store)?;
    if json {
        env.json(&serde_json::json!({ "id": id.0, "deleted": true }))?;
        return Ok(0);
    }
    env.line(&l10n.format(
        "cli-note-deleted-done",
        &[("id", Arg::Str(&id.to_string()))],
    ))?;
    Ok(0)
}

/// `note list`: each live note under its step (or the case), or JSON.
fn list(env: &mut Env<'_>, case: &str, json: bool) -> Result<u8, Problem> {
    let store = env.store()?;
    let id = resolve_case(env, &store, case)?;
    let notes = store.notes(id).map_err(|e| env.fail(&e))?;
    env.close(store)?;
    if json {
        env.json(&serde_json::Value::Array(
            notes.iter().map(note_json).collect(),
        ))?;
        return Ok(0);
    }
    let l10n = env.l10n;
    for n in &notes {
        let subject = match &n.step {
            Some(step) => step.clone(),
            None => l10n.get("cli-note-on-case"),
        };
        env.line(&subject)?;
        print_note(env, n, "  ")?;
    }
    env.remark(&l10n.format(
        "cli-note-list-summary",
        &[("count", Arg::Num(notes.len() as f64))],
    ))?;
    Ok(0)
}

/// A revision as JSON; a deletion has no text.
fn revision_json(r: &NoteRevision) -> serde_json::Value {
    serde_json::json!({
        "note": r.note.0,
        "revision": r.revision,
        "text": r.text,
        "deleted": r.text.is_none(),
        "created_at": when_json(r.created_at),
    })
}

/// `note revisions`: every revision, oldest first.
fn revisions(env: &mut Env<'_>, note: &str, json: bool) -> Result<u8, Problem> {
    let l10n = env.l10n;
    let id = parse_note_id(l10n, note)?;
    let store = env.store()?;
    let revisions = store.note_revisions(id).map_err(|e| env.fail(&e))?;
    env.close(store)?;
    if json {
        env.json(&serde_json::Value::Array(
            revisions.iter().map(revision_json).collect(),
        ))?;
        return Ok(0);
    }
    for r in &revisions {
        env.line(&l10n.format(
            "cli-note-revision-heading",
            &[
                ("revision", Arg::Str(&l10n.number(u64::from(r.revision)))),
                ("time", Arg::Str(&when(l10n, r.created_at))),
            ],
        ))?;
        match &r.text {
            Some(text) => {
                for line in text.lines() {
                    env.line(&format!("  {line}"))?;
                }
            }
            None => env.line(&format!("  {}", l10n.get("cli-note-revision-deleted")))?,
        }
    }
    Ok(0)
}

// ----- `dalil search --notes` -----

/// Runs `dalil search --notes QUERY`: the notes of every case that match, newest first.
pub(crate) fn search_notes(
    query: &str,
    limit: usize,
    json: bool,
    args: &StoreArgs,
    l10n: &Localizer,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Failure> {
    // Checked before the passphrase is asked for, with the same words as the SOP search.
    dalil_search::Query::parse(query).map_err(|e| crate::search_failure(l10n, &e))?;
    let mut env = Env {
        l10n,
        args,
        content: None,
        out,
        err,
    };
    let result = search(&mut env, query, limit, json);
    env.finish(result)
}

/// The marked byte ranges of a snippet.
fn marks(h: &Highlighted) -> Vec<[usize; 2]> {
    h.marks.iter().map(|m| [m.start, m.end]).collect()
}

/// A search hit as JSON, with the snippet as text, byte ranges and escaped HTML.
fn match_json(m: &NoteMatch) -> serde_json::Value {
    serde_json::json!({
        "note": m.note.id.0,
        "case": m.note.case.0,
        "case_reference": m.case_reference,
        "step": m.note.step,
        "revision": m.note.revision,
        "updated_at": when_json(m.note.updated_at),
        "text": m.note.text,
        "snippet": m.snippet.text,
        "snippet_marks": marks(&m.snippet),
        "snippet_cut_before": m.snippet.cut_before,
        "snippet_cut_after": m.snippet.cut_after,
        "snippet_html": m.snippet.to_html(),
    })
}

/// The search itself, once the query is known to be usable.
fn search(env: &mut Env<'_>, query: &str, limit: usize, json: bool) -> Result<u8, Problem> {
    let store = env.store()?;
    let found = store
        .search_notes(query, None, limit)
        .map_err(|e| env.fail(&e))?;
    env.close(store)?;
    if json {
        env.json(&serde_json::Value::Array(
            found.iter().map(match_json).collect(),
        ))?;
        return Ok(0);
    }
    let l10n = env.l10n;
    for m in &found {
        let subject = match &m.note.step {
            Some(step) => step.clone(),
            None => l10n.get("cli-note-on-case"),
        };
        env.line(&format!(
            "{}  {}  {}",
            m.case_reference,
            l10n.format("cli-note-id", &[("id", Arg::Str(&m.note.id.to_string()))]),
            subject
        ))?;
        env.line(&format!("    {}", m.snippet.marked("«", "»")))?;
    }
    let summary = if found.is_empty() {
        l10n.get("cli-search-notes-none")
    } else {
        l10n.format(
            "cli-search-notes-summary",
            &[("count", Arg::Num(found.len() as f64))],
        )
    };
    env.remark(&summary)?;
    Ok(0)
}
