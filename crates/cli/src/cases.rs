//! The commands that work on the encrypted case file: `case`, `step`, `note`, `history`,
//! `audit`, `backup`, `restore`, `passphrase` and `search --notes`.
//!
//! This module holds what they share: the global `--data-dir` and `--passphrase-file` flags,
//! reading the passphrase (never from the command line), creating or opening the store,
//! finding a case by reference or id, and putting every [`StoreError`] into the user's words
//! by its code, with no note text, names or references in the message. It also holds the
//! `case`, `step` commands; the others live in the submodules named for them.
//!
//! Exit codes follow the tool's rule: 2 for a usage or input error (a wrong passphrase, an
//! unknown step, a closed case), 1 when a check found something wrong (a broken audit log, a
//! damaged file or backup), 0 otherwise.

mod audit;
mod backup;
mod notes;
mod passphrase;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use dalil_checklist::Item;
use dalil_content::{Lang, Sop};
use dalil_l10n::{Arg, Localizer};
use dalil_store::{
    BreakKind, Case, CaseFilter, CaseId, CaseKind, CaseStatus, NewCase, Note, NoteId, Passphrase,
    StepRecord, StepState, Store, StoreError,
};
use time::OffsetDateTime;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;

pub(crate) use notes::search_notes;

use crate::Failure;

/// The environment variable that names a file holding the passphrase (`-` for standard input).
pub(crate) const PASSPHRASE_FILE_ENV: &str = "DALIL_PASSPHRASE_FILE";

/// The flags every store command shares. The passphrase has no flag of its own on purpose: a
/// command line is visible to other users and kept in shell history.
#[derive(Debug, Clone, Default, Args)]
pub(crate) struct StoreArgs {
    /// The folder of the case file [default: $DALIL_DATA_DIR, else $XDG_DATA_HOME/dalil, else
    /// ~/.local/share/dalil].
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Read the passphrase from the first line of this file, or of standard input with `-`,
    /// instead of asking for it [env: DALIL_PASSPHRASE_FILE].
    #[arg(long, global = true, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
}

/// The commands on the case file, listed among `dalil`'s own.
#[derive(Debug, Subcommand)]
pub(crate) enum StoreCommand {
    /// Open, list, show, close or reopen a case, or set its facts.
    #[command(subcommand)]
    Case(CaseCommand),
    /// Set the state of a step of a case.
    Step(StepArgs),
    /// Write, edit, delete or list notes, or show a note's revisions.
    #[command(subcommand)]
    Note(notes::NoteCommand),
    /// Show the audit entries of a case, oldest first.
    History(audit::HistoryArgs),
    /// Check the hash-chained audit log of the case file.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Write an encrypted, checked copy of the case file.
    Backup(backup::BackupArgs),
    /// Replace the case file with a backup, after checking the backup.
    Restore(backup::RestoreArgs),
    /// Change the passphrase of the case file.
    #[command(subcommand)]
    Passphrase(passphrase::PassphraseCommand),
}

/// `dalil case …`
#[derive(Debug, Subcommand)]
pub(crate) enum CaseCommand {
    /// Open a new case.
    New {
        /// The officer's own case number (Arabic-Indic digits are stored as 0-9).
        #[arg(long)]
        reference: String,
        /// A short title.
        #[arg(long)]
        title: String,
        /// What the case is about, as far as is known.
        #[arg(long, value_enum, default_value = "undetermined")]
        kind: KindArg,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the cases, most recently changed first.
    List {
        /// Which cases to list.
        #[arg(long, value_enum, default_value = "all")]
        status: StatusArg,
        /// Only cases whose reference or title contains this text.
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show a case: its facts, and its checklist by phase with states, reasons and notes.
    Show {
        /// The case: its reference, or its internal id.
        case: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Close a case: it refuses changes until it is reopened.
    Close {
        /// The case: its reference, or its internal id.
        case: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Reopen a closed case.
    Reopen {
        /// The case: its reference, or its internal id.
        case: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Set facts of a case, such as `child=yes kind=smuggling` (a bare name means yes), and
    /// show which steps appear and which are hidden by the change.
    Facts {
        /// The case: its reference, or its internal id.
        case: String,
        /// The facts, each `fact=value` or a bare yes-no fact.
        #[arg(required = true, num_args = 1.., value_name = "FACT=VALUE")]
        facts: Vec<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `dalil step CASE STEP-ID STATE [--reason …]`
#[derive(Debug, Args)]
pub(crate) struct StepArgs {
    /// The case: its reference, or its internal id.
    case: String,
    /// The step id, as `dalil case show` lists it.
    step: String,
    /// The new state.
    #[arg(value_enum)]
    state: StateArg,
    /// Why the step is not applicable or blocked (required for those two states).
    #[arg(long)]
    reason: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// A case kind, as typed.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum KindArg {
    /// Trafficking in persons.
    Trafficking,
    /// Smuggling of migrants.
    Smuggling,
    /// Both.
    Both,
    /// Not determined yet.
    Undetermined,
}

impl KindArg {
    fn kind(self) -> CaseKind {
        match self {
            KindArg::Trafficking => CaseKind::Trafficking,
            KindArg::Smuggling => CaseKind::Smuggling,
            KindArg::Both => CaseKind::Both,
            KindArg::Undetermined => CaseKind::Undetermined,
        }
    }
}

/// Which cases `case list` shows.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum StatusArg {
    /// Open cases only.
    Open,
    /// Closed cases only.
    Closed,
    /// Every case.
    All,
}

/// A step state, as typed.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum StateArg {
    /// Done.
    Done,
    /// Not applicable to this case (needs --reason).
    #[value(alias = "not-applicable")]
    Na,
    /// Blocked (needs --reason).
    Blocked,
    /// Not done yet.
    Pending,
}

impl StateArg {
    fn state(self) -> StepState {
        match self {
            StateArg::Done => StepState::Done,
            StateArg::Na => StepState::NotApplicable,
            StateArg::Blocked => StepState::Blocked,
            StateArg::Pending => StepState::Pending,
        }
    }
}

/// Runs a store command and returns its exit code, or a failure for `run` to print (exit 2).
pub(crate) fn run(
    command: StoreCommand,
    args: &StoreArgs,
    content: Option<&PathBuf>,
    l10n: &Localizer,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Failure> {
    run_with(args, content, l10n, out, err, |env| match command {
        StoreCommand::Case(c) => case(c, env),
        StoreCommand::Step(s) => step(s, env),
        StoreCommand::Note(n) => notes::run(n, env),
        StoreCommand::History(h) => audit::history(h, env),
        StoreCommand::Audit(a) => audit::run(a, env),
        StoreCommand::Backup(b) => backup::backup(b, env),
        StoreCommand::Restore(r) => backup::restore(r, env),
        StoreCommand::Passphrase(p) => passphrase::run(p, env),
    })
}

/// Runs a store command that lives in another module (`dalil export`, in `export.rs`) with
/// the same flags, passphrase handling, error wording and exit codes as the commands here.
pub(crate) fn run_with(
    args: &StoreArgs,
    content: Option<&PathBuf>,
    l10n: &Localizer,
    out: &mut dyn Write,
    err: &mut dyn Write,
    f: impl FnOnce(&mut Env<'_>) -> Result<u8, Problem>,
) -> Result<u8, Failure> {
    let mut env = Env {
        l10n,
        args,
        content,
        out,
        err,
    };
    let result = f(&mut env);
    env.finish(result)
}

// ----- what the commands share -----

/// What a store command works with.
pub(crate) struct Env<'a> {
    pub(crate) l10n: &'a Localizer,
    args: &'a StoreArgs,
    content: Option<&'a PathBuf>,
    out: &'a mut dyn Write,
    err: &'a mut dyn Write,
}

/// A command's failure in the user's words, and its exit code.
pub(crate) struct Problem {
    message: String,
    exit: u8,
}

impl Problem {
    /// A usage or input error (exit 2).
    pub(crate) fn input(message: String) -> Problem {
        Problem { message, exit: 2 }
    }

    /// Something found wrong (exit 1).
    pub(crate) fn found(message: String) -> Problem {
        Problem { message, exit: 1 }
    }
}

impl From<Failure> for Problem {
    fn from(f: Failure) -> Problem {
        Problem::input(f.0)
    }
}

impl<'a> Env<'a> {
    /// Prints a problem that is not an input error itself, and hands input errors to `run`.
    fn finish(&mut self, result: Result<u8, Problem>) -> Result<u8, Failure> {
        match result {
            Ok(code) => Ok(code),
            Err(p) if p.exit == 2 => Err(Failure(p.message)),
            Err(p) => {
                let _ = writeln!(
                    self.err,
                    "dalil: {}",
                    dalil_l10n::strip_isolation(&p.message)
                );
                Ok(p.exit)
            }
        }
    }

    fn write_failed(&self, e: &std::io::Error) -> Problem {
        let l10n = self.l10n;
        Problem::input(l10n.format("cli-write-failed", &[("reason", Arg::Str(&e.to_string()))]))
    }

    /// Writes a line to standard output, without bidi isolation marks (terminals do not
    /// implement them).
    pub(crate) fn line(&mut self, text: &str) -> Result<(), Problem> {
        let text = dalil_l10n::strip_isolation(text);
        writeln!(self.out, "{text}").map_err(|e| self.write_failed(&e))
    }

    /// Writes a line to standard error: summaries and remarks, not data.
    pub(crate) fn remark(&mut self, text: &str) -> Result<(), Problem> {
        let text = dalil_l10n::strip_isolation(text);
        writeln!(self.err, "{text}").map_err(|e| self.write_failed(&e))
    }

    /// Writes bytes to standard output as they are: a report or a bundle (`dalil export`).
    pub(crate) fn write_out(&mut self, bytes: &[u8]) -> Result<(), Problem> {
        self.out.write_all(bytes).map_err(|e| self.write_failed(&e))
    }

    /// Writes a JSON value to standard output.
    pub(crate) fn json(&mut self, value: &serde_json::Value) -> Result<(), Problem> {
        let text = serde_json::to_string_pretty(value).unwrap_or_default();
        writeln!(self.out, "{text}").map_err(|e| self.write_failed(&e))
    }

    /// The SOP, refusing content with problems (a checklist from broken content could leave
    /// out a step without anyone noticing).
    pub(crate) fn sop(&self) -> Result<Sop, Problem> {
        Ok(crate::load_clean(self.content, self.l10n)?)
    }

    /// The path of the case file.
    pub(crate) fn db_path(&self) -> Result<PathBuf, Problem> {
        let dir = match &self.args.data_dir {
            Some(dir) => dir.clone(),
            None => dalil_store::default_data_dir().map_err(|e| store_problem(self.l10n, &e))?,
        };
        Ok(dir.join(dalil_store::DB_FILE_NAME))
    }

    /// Where the passphrase comes from: the flag, else the environment, else a prompt.
    fn passphrase_source(&self) -> Source {
        let file = self.args.passphrase_file.clone().or_else(|| {
            std::env::var_os(PASSPHRASE_FILE_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        });
        Source::of(file)
    }

    /// Whether the passphrase is read from standard input, which then carries nothing else.
    pub(crate) fn passphrase_uses_stdin(&self) -> bool {
        matches!(self.passphrase_source(), Source::Stdin)
    }

    /// Reads the current passphrase.
    pub(crate) fn passphrase(&self) -> Result<Passphrase, Problem> {
        let l10n = self.l10n;
        read_passphrase(l10n, &self.passphrase_source(), Prompt::Current)
    }

    /// Opens the case file, or creates it when there is none (asking for the new passphrase
    /// twice when it is typed). Returns the store and the passphrase that opened it.
    pub(crate) fn open(&mut self) -> Result<(Store, Passphrase), Problem> {
        let path = self.db_path()?;
        let l10n = self.l10n;
        if std::fs::symlink_metadata(&path).is_ok() {
            let pass = self.passphrase()?;
            let store = Store::open(&path, &pass).map_err(|e| store_problem(l10n, &e))?;
            return Ok((store, pass));
        }
        let source = self.passphrase_source();
        let pass = read_passphrase(l10n, &source, Prompt::New)?;
        let store = Store::create(&path, &pass).map_err(|e| store_problem(l10n, &e))?;
        let created = l10n.format(
            "cli-store-created",
            &[("path", Arg::Str(&path.to_string_lossy()))],
        );
        self.remark(&created)?;
        Ok((store, pass))
    }

    /// Opens the case file, which must exist: for commands that make no sense on a new one.
    pub(crate) fn open_existing(&mut self) -> Result<(Store, Passphrase), Problem> {
        let path = self.db_path()?;
        if std::fs::symlink_metadata(&path).is_err() {
            return Err(self.fail(&StoreError::NoDatabase));
        }
        self.open()
    }

    /// Opens the store without keeping the passphrase.
    pub(crate) fn store(&mut self) -> Result<Store, Problem> {
        Ok(self.open()?.0)
    }

    /// Closes the store, wiping its key.
    pub(crate) fn close(&self, store: Store) -> Result<(), Problem> {
        store.lock().map_err(|e| store_problem(self.l10n, &e))
    }

    /// A store error in the user's words.
    pub(crate) fn fail(&self, e: &StoreError) -> Problem {
        store_problem(self.l10n, e)
    }
}

/// Where a passphrase is read from.
#[derive(Debug, Clone)]
pub(crate) enum Source {
    /// The first line of a file.
    File(PathBuf),
    /// The next line of standard input.
    Stdin,
    /// A prompt on the terminal, without echo.
    Prompt,
}

impl Source {
    /// `-` is standard input, another path a file, nothing the prompt.
    pub(crate) fn of(path: Option<PathBuf>) -> Source {
        match path {
            Some(p) if p.as_os_str() == "-" => Source::Stdin,
            Some(p) => Source::File(p),
            None => Source::Prompt,
        }
    }
}

/// Which passphrase is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prompt {
    /// The passphrase of an existing file.
    Current,
    /// A passphrase for a new file, or the new one in a change: typed twice.
    New,
}

/// Reads a passphrase. From a file or standard input it is the first line, without its line
/// break; at a prompt it is typed without echo, twice for a new one.
pub(crate) fn read_passphrase(
    l10n: &Localizer,
    source: &Source,
    prompt: Prompt,
) -> Result<Passphrase, Problem> {
    let unreadable = |e: std::io::Error| {
        Problem::input(l10n.format(
            "cli-passphrase-file-unreadable",
            &[("reason", Arg::Str(&e.to_string()))],
        ))
    };
    let text = match source {
        Source::File(path) => first_line(std::fs::read_to_string(path).map_err(unreadable)?),
        Source::Stdin => {
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(unreadable)?;
            first_line(line)
        }
        Source::Prompt => {
            let no_terminal = |_| Problem::input(l10n.get("cli-passphrase-no-terminal"));
            let first = match prompt {
                Prompt::Current => l10n.get("cli-passphrase-prompt"),
                Prompt::New => l10n.get("cli-passphrase-prompt-new"),
            };
            // The prompt ends with a space, which Fluent would trim from the message.
            let prompt_text = |m: &str| format!("{} ", dalil_l10n::strip_isolation(m));
            let typed = rpassword::prompt_password(prompt_text(&first)).map_err(no_terminal)?;
            if prompt == Prompt::New {
                let again = l10n.get("cli-passphrase-prompt-again");
                let repeat = Passphrase::new(
                    rpassword::prompt_password(prompt_text(&again)).map_err(no_terminal)?,
                );
                let typed_pass = Passphrase::new(typed);
                if !typed_pass.same_as(&repeat) {
                    return Err(Problem::input(l10n.get("cli-passphrase-mismatch")));
                }
                return checked(l10n, typed_pass);
            }
            typed
        }
    };
    checked(l10n, Passphrase::new(text))
}

/// Refuses an empty passphrase before the store derives a key from it.
fn checked(l10n: &Localizer, pass: Passphrase) -> Result<Passphrase, Problem> {
    if pass.is_empty() {
        return Err(Problem::input(l10n.get("cli-passphrase-empty")));
    }
    Ok(pass)
}

/// The text up to the first line break, in the same allocation (so that no copy of a
/// passphrase is left behind when it is wiped).
fn first_line(mut text: String) -> String {
    if let Some(end) = text.find(['\n', '\r']) {
        text.truncate(end);
    }
    text
}

pub(crate) use dalil_normalize::ascii_digits;

/// Finds a case by its reference (digits in any script), else by its internal id.
pub(crate) fn resolve_case(env: &Env<'_>, store: &Store, given: &str) -> Result<CaseId, Problem> {
    let text = ascii_digits(given);
    if let Some(id) = store.case_by_reference(&text).map_err(|e| env.fail(&e))? {
        return Ok(id);
    }
    if let Ok(n) = text.parse::<i64>() {
        match store.case(CaseId(n)) {
            Ok(_) => return Ok(CaseId(n)),
            Err(StoreError::NotFound { .. }) => {}
            Err(e) => return Err(env.fail(&e)),
        }
    }
    let l10n = env.l10n;
    Err(Problem::input(l10n.get("cli-case-not-found")))
}

/// Parses a note id (digits in any script).
pub(crate) fn parse_note_id(l10n: &Localizer, given: &str) -> Result<NoteId, Problem> {
    ascii_digits(given)
        .parse::<i64>()
        .map(NoteId)
        .map_err(|_| Problem::input(l10n.get("cli-note-bad-id")))
}

/// A store error in the user's words, by its code. Messages name ids and codes at most:
/// never a note, a title, a reference or a name.
pub(crate) fn store_problem(l10n: &Localizer, e: &StoreError) -> Problem {
    let input = Problem::input;
    match e {
        StoreError::WrongPassphrase => input(l10n.get("cli-store-wrong-passphrase")),
        StoreError::Damaged => Problem::found(l10n.get("cli-store-damaged")),
        StoreError::WrongPassphraseOrDamaged => {
            input(l10n.get("cli-store-wrong-passphrase-or-damaged"))
        }
        StoreError::PassphraseChangeInterrupted => {
            input(l10n.get("cli-store-passphrase-change-interrupted"))
        }
        StoreError::EmptyPassphrase => input(l10n.get("cli-passphrase-empty")),
        StoreError::TooNew { found, supported } => input(l10n.format(
            "cli-store-too-new",
            &[
                ("found", Arg::Str(&found.to_string())),
                ("supported", Arg::Str(&supported.to_string())),
            ],
        )),
        StoreError::NoDatabase => input(l10n.get("cli-store-no-database")),
        StoreError::AlreadyExists => input(l10n.get("cli-store-already-exists")),
        StoreError::DiskFull => input(l10n.get("cli-store-disk-full")),
        StoreError::ReadOnly => input(l10n.get("cli-store-read-only")),
        StoreError::PermissionDenied => input(l10n.get("cli-store-permission-denied")),
        StoreError::Busy => input(l10n.get("cli-store-busy")),
        StoreError::NotFound { entity, id } => match *entity {
            "case" => input(l10n.get("cli-case-not-found")),
            "note" => input(l10n.format("cli-note-not-found", &[("id", Arg::Str(id))])),
            _ => input(l10n.format("cli-store-not-found", &[("id", Arg::Str(id))])),
        },
        StoreError::ReasonRequired => input(l10n.get("cli-step-reason-required")),
        StoreError::ReasonNotAllowed => input(l10n.get("cli-step-reason-not-allowed")),
        StoreError::CaseClosed { .. } => input(l10n.get("cli-case-closed")),
        StoreError::CaseNotClosed { .. } => input(l10n.get("cli-case-not-closed")),
        StoreError::NoteDeleted { note } => {
            input(l10n.format("cli-note-deleted", &[("id", Arg::Str(&note.to_string()))]))
        }
        StoreError::DuplicateReference => input(l10n.get("cli-case-duplicate-reference")),
        StoreError::Invalid { field } => {
            input(l10n.format("cli-store-invalid", &[("field", Arg::Str(field))]))
        }
        StoreError::AuditBroken {
            first_bad_seq,
            kind,
        } => Problem::found(audit_broken_message(l10n, *first_bad_seq, *kind)),
        StoreError::BadQuery { reason } => match *reason {
            "query-too-long" => input(l10n.format(
                "cli-search-query-too-long",
                &[("max", Arg::Num(dalil_search::MAX_QUERY_CHARS as f64))],
            )),
            "query-too-many-words" => input(l10n.format(
                "cli-search-too-many-words",
                &[("max", Arg::Num(dalil_search::MAX_QUERY_WORDS as f64))],
            )),
            _ => input(l10n.get("cli-search-control-character")),
        },
        StoreError::NoDataDir => input(l10n.get("cli-store-no-data-dir")),
        StoreError::Io { op, kind } => input(l10n.format(
            "cli-store-io",
            &[
                ("op", Arg::Str(op)),
                ("kind", Arg::Str(&format!("{kind:?}"))),
            ],
        )),
        other => input(l10n.format("cli-store-failed", &[("code", Arg::Str(other.code()))])),
    }
}

/// "The audit log is broken at entry N (what)".
pub(crate) fn audit_broken_message(l10n: &Localizer, seq: u64, kind: BreakKind) -> String {
    l10n.format(
        "cli-audit-broken",
        &[
            ("seq", Arg::Str(&seq.to_string())),
            ("kind", Arg::Str(break_kind_code(kind))),
        ],
    )
}

/// The stable name of a break, as JSON gives it and the messages select on it.
pub(crate) fn break_kind_code(kind: BreakKind) -> &'static str {
    match kind {
        BreakKind::Modified => "modified",
        BreakKind::Missing => "missing",
        BreakKind::Truncated => "truncated",
        BreakKind::Extra => "extra",
        BreakKind::HeadMismatch => "head-mismatch",
    }
}

// ----- words and times -----

/// How times are shown to people.
const SHOWN_TIME: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day] [hour]:[minute]:[second] UTC");

/// A time for people: UTC, to the second, labelled.
pub(crate) fn when(t: OffsetDateTime) -> String {
    t.to_offset(time::UtcOffset::UTC)
        .format(SHOWN_TIME)
        .unwrap_or_default()
}

/// A time for programs: RFC 3339.
pub(crate) fn when_json(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// A step state in words.
pub(crate) fn state_label(l10n: &Localizer, state: StepState) -> String {
    match state {
        StepState::Pending => l10n.get("cli-step-state-pending"),
        StepState::Done => l10n.get("cli-step-state-done"),
        StepState::NotApplicable => l10n.get("cli-step-state-not-applicable"),
        StepState::Blocked => l10n.get("cli-step-state-blocked"),
    }
}

/// A case kind in words.
pub(crate) fn kind_label(l10n: &Localizer, kind: CaseKind) -> String {
    match kind {
        CaseKind::Trafficking => l10n.get("cli-case-kind-trafficking"),
        CaseKind::Smuggling => l10n.get("cli-case-kind-smuggling"),
        CaseKind::Both => l10n.get("cli-case-kind-both"),
        CaseKind::Undetermined => l10n.get("cli-case-kind-undetermined"),
    }
}

/// A case status in words.
pub(crate) fn status_label(l10n: &Localizer, status: CaseStatus) -> String {
    match status {
        CaseStatus::Open => l10n.get("cli-case-status-open"),
        CaseStatus::Closed => l10n.get("cli-case-status-closed"),
    }
}

/// The title of a step in `lang`, if the SOP has the step.
pub(crate) fn step_title(sop: &Sop, lang: Lang, id: &str) -> Option<String> {
    sop.steps(lang)
        .find(|(_, s)| s.id == id)
        .map(|(_, s)| s.title.clone())
}

/// Refuses a step id the SOP does not have.
pub(crate) fn known_step(env: &Env<'_>, sop: &Sop, id: &str) -> Result<(), Problem> {
    if sop.steps(Lang::Ar).any(|(_, s)| s.id == id) {
        return Ok(());
    }
    let l10n = env.l10n;
    Err(Problem::input(
        l10n.format("cli-step-unknown", &[("id", Arg::Str(id))]),
    ))
}

// ----- JSON shapes -----

/// A case as JSON: ids, words as stored (`kind`, `status`), times in RFC 3339.
pub(crate) fn case_json(c: &Case) -> serde_json::Value {
    serde_json::json!({
        "id": c.id.0,
        "reference": c.reference,
        "title": c.title,
        "kind": c.kind.as_str(),
        "status": c.status.as_str(),
        "sop_edition": c.sop_edition,
        "created_at": when_json(c.created_at),
        "closed_at": c.closed_at.map(when_json),
        "last_change": when_json(c.last_change),
    })
}

/// A live note as JSON.
pub(crate) fn note_json(n: &Note) -> serde_json::Value {
    serde_json::json!({
        "id": n.id.0,
        "case": n.case.0,
        "step": n.step,
        "text": n.text,
        "revision": n.revision,
        "created_at": when_json(n.created_at),
        "updated_at": when_json(n.updated_at),
    })
}

/// A step's recorded state as JSON; a step never set is pending.
fn record_json(r: Option<&StepRecord>) -> serde_json::Value {
    serde_json::json!({
        "state": r.map_or(StepState::Pending, |r| r.state).as_str(),
        "reason": r.and_then(|r| r.reason.clone()),
        "updated_at": r.map(|r| when_json(r.updated_at)),
    })
}

// ----- `dalil case` -----

/// Runs a `case` command.
fn case(command: CaseCommand, env: &mut Env<'_>) -> Result<u8, Problem> {
    match command {
        CaseCommand::New {
            reference,
            title,
            kind,
            json,
        } => case_new(env, &reference, &title, kind.kind(), json),
        CaseCommand::List {
            status,
            search,
            json,
        } => case_list(env, status, search.as_deref(), json),
        CaseCommand::Show { case, json } => case_show(env, &case, json),
        CaseCommand::Close { case, json } => case_close_or_reopen(env, &case, true, json),
        CaseCommand::Reopen { case, json } => case_close_or_reopen(env, &case, false, json),
        CaseCommand::Facts { case, facts, json } => case_facts(env, &case, &facts, json),
    }
}

/// `case new`: opens the case and sets its `kind` fact in the same transaction.
fn case_new(
    env: &mut Env<'_>,
    reference: &str,
    title: &str,
    kind: CaseKind,
    json: bool,
) -> Result<u8, Problem> {
    let sop = env.sop()?;
    let reference = ascii_digits(reference);
    let new = NewCase {
        reference: reference.clone(),
        title: title.trim().to_owned(),
        kind,
        sop_edition: sop.manifest.version.clone(),
    };
    // The `kind` fact says the same as the case's kind, so that the checklist and the case
    // list never disagree; an SOP without that choice leaves the fact to its default.
    let kind_fact = dalil_checklist::check_fact(&sop.manifest, "kind", kind.as_str()).ok();
    let mut store = env.store()?;
    let id = store
        .batch(|b| {
            let id = b.create_case(&new)?;
            if let Some((fact, value)) = &kind_fact {
                b.set_facts(id, &[(fact.as_str(), value.as_str())])?;
            }
            Ok(id)
        })
        .map_err(|e| env.fail(&e))?;
    let case = store.case(id).map_err(|e| env.fail(&e))?;
    env.close(store)?;
    if json {
        env.json(&case_json(&case))?;
    } else {
        let l10n = env.l10n;
        env.line(&l10n.format(
            "cli-case-created",
            &[
                ("reference", Arg::Str(&case.reference)),
                ("id", Arg::Str(&case.id.to_string())),
            ],
        ))?;
    }
    Ok(0)
}

/// `case list`: one line per case, or JSON.
fn case_list(
    env: &mut Env<'_>,
    status: StatusArg,
    search: Option<&str>,
    json: bool,
) -> Result<u8, Problem> {
    let filter = CaseFilter {
        status: match status {
            StatusArg::Open => Some(CaseStatus::Open),
            StatusArg::Closed => Some(CaseStatus::Closed),
            StatusArg::All => None,
        },
        text: search.map(ascii_digits).filter(|s| !s.is_empty()),
    };
    let store = env.store()?;
    let cases = store.list_cases(&filter).map_err(|e| env.fail(&e))?;
    env.close(store)?;
    let l10n = env.l10n;
    if json {
        let list: Vec<_> = cases
            .iter()
            .map(|c| {
                serde_json::json!({
                    "id": c.id.0,
                    "reference": c.reference,
                    "title": c.title,
                    "kind": c.kind.as_str(),
                    "status": c.status.as_str(),
                    "created_at": when_json(c.created_at),
                    "last_change": when_json(c.last_change),
                })
            })
            .collect();
        env.json(&serde_json::Value::Array(list))?;
        return Ok(0);
    }
    for c in &cases {
        env.line(&format!(
            "{:>4}  {}  [{}] [{}]  {}  {}",
            c.id,
            c.reference,
            status_label(l10n, c.status),
            kind_label(l10n, c.kind),
            when(c.last_change),
            c.title
        ))?;
    }
    env.remark(&l10n.format(
        "cli-case-list-summary",
        &[("count", Arg::Num(cases.len() as f64))],
    ))?;
    Ok(0)
}

/// `case close` and `case reopen`.
fn case_close_or_reopen(
    env: &mut Env<'_>,
    given: &str,
    close: bool,
    json: bool,
) -> Result<u8, Problem> {
    let mut store = env.store()?;
    let id = resolve_case(env, &store, given)?;
    let done = if close {
        store.close_case(id)
    } else {
        store.reopen_case(id)
    };
    done.map_err(|e| env.fail(&e))?;
    let case = store.case(id).map_err(|e| env.fail(&e))?;
    env.close(store)?;
    if json {
        env.json(&case_json(&case))?;
        return Ok(0);
    }
    let l10n = env.l10n;
    let reference = Arg::Str(&case.reference);
    let text = if close {
        l10n.format("cli-case-closed-done", &[("reference", reference)])
    } else {
        l10n.format("cli-case-reopened", &[("reference", reference)])
    };
    env.line(&text)?;
    Ok(0)
}

/// The checklist of a case with these facts, as step ids in order.
fn step_ids(items: &[Item]) -> Vec<&str> {
    items.iter().map(|i| i.step.as_str()).collect()
}

/// `case facts`: checks every fact against the manifest before anything is written, sets
/// them (and the case kind, with the `kind` fact) in one transaction, and reports the steps
/// that the change shows and hides.
fn case_facts(env: &mut Env<'_>, given: &str, facts: &[String], json: bool) -> Result<u8, Problem> {
    let sop = env.sop()?;
    let l10n = env.l10n;
    let mut checked: Vec<(String, String)> = Vec::new();
    for part in facts {
        for part in part.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (fact, value) = part.split_once('=').unwrap_or((part, "yes"));
            let pair =
                dalil_checklist::check_fact(&sop.manifest, fact.trim(), value).map_err(|e| {
                    Problem::input(
                        l10n.format("cli-bad-facts", &[("reason", Arg::Str(&e.to_string()))]),
                    )
                })?;
            checked.retain(|(f, _)| *f != pair.0);
            checked.push(pair);
        }
    }
    let new_kind = match checked.iter().find(|(f, _)| f == "kind") {
        None => None,
        Some((_, value)) => Some(CaseKind::parse(value).ok_or_else(|| {
            Problem::input(l10n.format("cli-fact-kind-unknown", &[("value", Arg::Str(value))]))
        })?),
    };
    let mut store = env.store()?;
    let id = resolve_case(env, &store, given)?;
    let before = store.fact_map(id).map_err(|e| env.fail(&e))?;
    let current = store.case(id).map_err(|e| env.fail(&e))?;
    let pairs: Vec<(&str, &str)> = checked
        .iter()
        .map(|(f, v)| (f.as_str(), v.as_str()))
        .collect();
    store
        .batch(|b| {
            b.set_facts(id, &pairs)?;
            match new_kind {
                Some(kind) if kind != current.kind => b.set_kind(id, kind),
                _ => Ok(()),
            }
        })
        .map_err(|e| env.fail(&e))?;
    let after = store.fact_map(id).map_err(|e| env.fail(&e))?;
    let case = store.case(id).map_err(|e| env.fail(&e))?;
    env.close(store)?;

    let old_items = dalil_checklist::applicable(&sop, &before);
    let new_items = dalil_checklist::applicable(&sop, &after);
    let old_ids = step_ids(&old_items);
    let new_ids = step_ids(&new_items);
    let shown: Vec<&str> = new_ids
        .iter()
        .copied()
        .filter(|s| !old_ids.contains(s))
        .collect();
    let hidden: Vec<&str> = old_ids
        .iter()
        .copied()
        .filter(|s| !new_ids.contains(s))
        .collect();
    let lang = l10n.lang();
    let title = |id: &str| step_title(&sop, lang, id).unwrap_or_default();
    if json {
        let list = |ids: &[&str]| -> Vec<serde_json::Value> {
            ids.iter()
                .map(|id| serde_json::json!({ "id": id, "title": title(id) }))
                .collect()
        };
        env.json(&serde_json::json!({
            "case": case_json(&case),
            "facts": after,
            "shown": list(&shown),
            "hidden": list(&hidden),
        }))?;
        return Ok(0);
    }
    env.line(&l10n.format(
        "cli-facts-saved",
        &[
            ("reference", Arg::Str(&case.reference)),
            ("count", Arg::Num(checked.len() as f64)),
        ],
    ))?;
    if shown.is_empty() && hidden.is_empty() {
        env.line(&l10n.get("cli-facts-checklist-unchanged"))?;
    }
    if !shown.is_empty() {
        env.line(&l10n.format(
            "cli-facts-steps-shown",
            &[("count", Arg::Num(shown.len() as f64))],
        ))?;
        for id in &shown {
            env.line(&format!("  + {id}  {}", title(id)))?;
        }
    }
    if !hidden.is_empty() {
        env.line(&l10n.format(
            "cli-facts-steps-hidden",
            &[("count", Arg::Num(hidden.len() as f64))],
        ))?;
        for id in &hidden {
            env.line(&format!("  - {id}  {}", title(id)))?;
        }
    }
    Ok(0)
}

// ----- `dalil case show` -----

/// One step of a shown case: what the SOP says of it and what the case recorded.
struct ShownStep<'a> {
    id: String,
    item: Option<&'a Item>,
    title: Option<String>,
    record: Option<&'a StepRecord>,
    notes: Vec<&'a Note>,
}

impl<'a> ShownStep<'a> {
    fn new(
        sop: &Sop,
        lang: Lang,
        step: &str,
        item: Option<&'a Item>,
        records: &'a [StepRecord],
        notes: &'a [Note],
    ) -> ShownStep<'a> {
        ShownStep {
            id: step.to_owned(),
            item,
            title: step_title(sop, lang, step),
            record: records.iter().find(|r| r.step_id == step),
            notes: notes
                .iter()
                .filter(|n| n.step.as_deref() == Some(step))
                .collect(),
        }
    }
}

/// `case show`: the header, the facts, the checklist by phase with states, reasons, times and
/// notes, then the hidden and retired steps that hold something, then the case's own notes.
fn case_show(env: &mut Env<'_>, given: &str, json: bool) -> Result<u8, Problem> {
    let sop = env.sop()?;
    let store = env.store()?;
    let id = resolve_case(env, &store, given)?;
    let read = (|| {
        Ok::<_, StoreError>((
            store.case(id)?,
            store.facts(id)?,
            store.step_states(id)?,
            store.notes(id)?,
        ))
    })();
    let (case, facts, records, notes) = read.map_err(|e| env.fail(&e))?;
    env.close(store)?;
    let l10n = env.l10n;
    let lang = l10n.lang();

    let fact_map: BTreeMap<String, String> = facts
        .iter()
        .map(|f| (f.id.clone(), f.value.clone()))
        .collect();
    let items = dalil_checklist::applicable(&sop, &fact_map);
    let in_sop: BTreeSet<&str> = sop.steps(Lang::Ar).map(|(_, s)| s.id.as_str()).collect();
    let sop_order: Vec<&str> = sop.steps(Lang::Ar).map(|(_, s)| s.id.as_str()).collect();
    let shown = |step: &str, item| ShownStep::new(&sop, lang, step, item, &records, &notes);
    let checklist: Vec<ShownStep<'_>> = items.iter().map(|i| shown(&i.step, Some(i))).collect();
    // Steps with something recorded that are not in the checklist: hidden by the facts, or
    // retired by a newer SOP edition. Nothing recorded is ever dropped from view.
    let mut recorded: BTreeSet<&str> = records.iter().map(|r| r.step_id.as_str()).collect();
    recorded.extend(notes.iter().filter_map(|n| n.step.as_deref()));
    let applicable: BTreeSet<&str> = step_ids(&items).into_iter().collect();
    let hidden: Vec<ShownStep<'_>> = sop_order
        .iter()
        .filter(|s| recorded.contains(*s) && !applicable.contains(*s))
        .map(|s| shown(s, None))
        .collect();
    let retired: Vec<ShownStep<'_>> = recorded
        .iter()
        .filter(|s| !in_sop.contains(*s))
        .map(|s| shown(s, None))
        .collect();
    let case_notes: Vec<&Note> = notes.iter().filter(|n| n.step.is_none()).collect();

    if json {
        let step_json = |s: &ShownStep<'_>| {
            let mut v = record_json(s.record);
            v["id"] = serde_json::json!(s.id);
            v["title"] = serde_json::json!(s.title);
            if let Some(item) = s.item {
                v["chapter"] = serde_json::json!(item.chapter);
                v["phase"] = serde_json::json!(item.phase);
                v["required"] = serde_json::json!(item.required);
                v["conditional"] = serde_json::json!(item.conditional);
            }
            v["notes"] = serde_json::Value::Array(s.notes.iter().map(|n| note_json(n)).collect());
            v
        };
        let facts_json: Vec<_> = facts
            .iter()
            .map(|f| {
                serde_json::json!({
                    "id": f.id,
                    "value": f.value,
                    "updated_at": when_json(f.updated_at),
                })
            })
            .collect();
        env.json(&serde_json::json!({
            "case": case_json(&case),
            "facts": facts_json,
            "checklist": checklist.iter().map(step_json).collect::<Vec<_>>(),
            "hidden": hidden.iter().map(step_json).collect::<Vec<_>>(),
            "retired": retired.iter().map(step_json).collect::<Vec<_>>(),
            "case_notes": case_notes.iter().map(|n| note_json(n)).collect::<Vec<_>>(),
        }))?;
        return Ok(0);
    }

    // The header.
    env.line(&format!("{}  {}", case.reference, case.title))?;
    env.line(&format!(
        "  {}",
        l10n.format(
            "cli-case-header",
            &[
                ("id", Arg::Str(&case.id.to_string())),
                ("status", Arg::Str(&status_label(l10n, case.status))),
                ("kind", Arg::Str(&kind_label(l10n, case.kind))),
                ("edition", Arg::Str(&case.sop_edition)),
                ("opened", Arg::Str(&when(case.created_at))),
                ("changed", Arg::Str(&when(case.last_change))),
            ],
        )
    ))?;
    if case.sop_edition != sop.manifest.version {
        env.line(&format!(
            "  {}",
            l10n.format(
                "cli-case-other-edition",
                &[
                    ("case", Arg::Str(&case.sop_edition)),
                    ("current", Arg::Str(&sop.manifest.version)),
                ],
            )
        ))?;
    }

    // The facts.
    env.line("")?;
    env.line(&l10n.get("cli-case-facts-heading"))?;
    if facts.is_empty() {
        env.line(&format!("  {}", l10n.get("cli-case-no-facts")))?;
    }
    for f in &facts {
        let label = sop
            .manifest
            .fact(&f.id)
            .map(|m| m.label.get(lang).to_owned())
            .unwrap_or_default();
        env.line(&format!("  {} = {}  {}", f.id, f.value, label))?;
    }

    // The checklist by phase, then what is hidden or retired, then the case's own notes.
    let mut phase = "";
    for s in &checklist {
        let Some(item) = s.item else { continue };
        if item.phase != phase {
            phase = &item.phase;
            let name = sop
                .manifest
                .phase(phase)
                .map_or(phase, |p| p.name.get(lang));
            env.line("")?;
            env.line(name)?;
        }
        print_step(env, s)?;
    }
    if !hidden.is_empty() {
        env.line("")?;
        env.line(&l10n.get("cli-case-hidden-heading"))?;
        for s in &hidden {
            print_step(env, s)?;
        }
    }
    if !retired.is_empty() {
        env.line("")?;
        env.line(&l10n.get("cli-case-retired-heading"))?;
        for s in &retired {
            print_step(env, s)?;
        }
    }
    if !case_notes.is_empty() {
        env.line("")?;
        env.line(&l10n.get("cli-case-notes-heading"))?;
        for n in &case_notes {
            print_note(env, n, "  ")?;
        }
    }
    Ok(0)
}

/// One step of `case show`: its state and title, its reason and time, and its notes.
fn print_step(env: &mut Env<'_>, s: &ShownStep<'_>) -> Result<(), Problem> {
    let l10n = env.l10n;
    let state = s.record.map_or(StepState::Pending, |r| r.state);
    let mut flags = String::new();
    if let Some(item) = s.item {
        if !item.required {
            flags = format!("  ({})", l10n.get("cli-step-advisory"));
        }
    }
    env.line(&format!(
        "  [{}]  {}  {}{flags}",
        state_label(l10n, state),
        s.id,
        s.title.as_deref().unwrap_or("")
    ))?;
    if let Some(r) = s.record {
        if let Some(reason) = &r.reason {
            env.line(&format!(
                "        {}",
                l10n.format("cli-step-reason-line", &[("reason", Arg::Str(reason))])
            ))?;
        }
        env.line(&format!(
            "        {}",
            l10n.format(
                "cli-step-updated-line",
                &[("time", Arg::Str(&when(r.updated_at)))]
            )
        ))?;
    }
    for n in &s.notes {
        print_note(env, n, "        ")?;
    }
    Ok(())
}

/// A note: a heading line with its id, revision and time, then its text, indented.
pub(crate) fn print_note(env: &mut Env<'_>, n: &Note, indent: &str) -> Result<(), Problem> {
    let l10n = env.l10n;
    env.line(&format!(
        "{indent}{}",
        l10n.format(
            "cli-note-heading",
            &[
                ("id", Arg::Str(&n.id.to_string())),
                ("revision", Arg::Str(&n.revision.to_string())),
                ("time", Arg::Str(&when(n.updated_at))),
            ],
        )
    ))?;
    for line in n.text.lines() {
        env.line(&format!("{indent}  {line}"))?;
    }
    Ok(())
}

// ----- `dalil step` -----

/// `step CASE STEP-ID STATE`.
fn step(args: StepArgs, env: &mut Env<'_>) -> Result<u8, Problem> {
    let l10n = env.l10n;
    let state = args.state.state();
    let reason = args
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    // Checked here as well as in the store, so that the officer hears it before typing the
    // passphrase.
    match (state.needs_reason(), reason) {
        (true, None) => return Err(Problem::input(l10n.get("cli-step-reason-required"))),
        (false, Some(_)) => return Err(Problem::input(l10n.get("cli-step-reason-not-allowed"))),
        _ => {}
    }
    let sop = env.sop()?;
    known_step(env, &sop, &args.step)?;
    let mut store = env.store()?;
    let id = resolve_case(env, &store, &args.case)?;
    store
        .set_step_state(id, &args.step, state, reason)
        .map_err(|e| env.fail(&e))?;
    let facts = store.fact_map(id).map_err(|e| env.fail(&e))?;
    let case = store.case(id).map_err(|e| env.fail(&e))?;
    let record = store
        .step_states(id)
        .map_err(|e| env.fail(&e))?
        .into_iter()
        .find(|r| r.step_id == args.step);
    env.close(store)?;
    let applies = dalil_checklist::applicable(&sop, &facts)
        .iter()
        .any(|i| i.step == args.step);
    if !applies {
        env.remark(&l10n.format("cli-step-not-shown", &[("id", Arg::Str(&args.step))]))?;
    }
    if args.json {
        let mut v = record_json(record.as_ref());
        v["case"] = serde_json::json!(case.id.0);
        v["reference"] = serde_json::json!(case.reference);
        v["step"] = serde_json::json!(args.step);
        v["applies"] = serde_json::json!(applies);
        env.json(&v)?;
        return Ok(0);
    }
    env.line(&l10n.format(
        "cli-step-set",
        &[
            ("id", Arg::Str(&args.step)),
            ("reference", Arg::Str(&case.reference)),
            ("state", Arg::Str(&state_label(l10n, state))),
        ],
    ))?;
    Ok(0)
}

/// Reads the text of a note: `--text`, else `--file` (`-` for standard input), else standard
/// input. Standard input cannot carry both the passphrase and the note.
pub(crate) fn note_text(
    env: &Env<'_>,
    text: Option<String>,
    file: Option<&Path>,
) -> Result<String, Problem> {
    let l10n = env.l10n;
    if let Some(text) = text {
        return Ok(text);
    }
    let unreadable = |e: std::io::Error| {
        Problem::input(l10n.format(
            "cli-note-file-unreadable",
            &[("reason", Arg::Str(&e.to_string()))],
        ))
    };
    let text = match file {
        Some(path) if path.as_os_str() != "-" => {
            std::fs::read_to_string(path).map_err(unreadable)?
        }
        _ => {
            if env.passphrase_uses_stdin() {
                return Err(Problem::input(l10n.get("cli-note-stdin-taken")));
            }
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut text)
                .map_err(unreadable)?;
            text
        }
    };
    // A file or a pipe ends with a line break that is not part of the note.
    Ok(text.trim_end_matches(['\n', '\r']).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_errors_have_their_exit_codes_and_no_case_data() {
        let l10n = Localizer::new(Lang::En);
        let broken = store_problem(
            &l10n,
            &StoreError::AuditBroken {
                first_bad_seq: 7,
                kind: BreakKind::Missing,
            },
        );
        assert_eq!(broken.exit, 1);
        assert_eq!(
            dalil_l10n::strip_isolation(&broken.message),
            "The audit log is broken at entry 7 (the entry is missing)."
        );
        assert_eq!(store_problem(&l10n, &StoreError::Damaged).exit, 1);
        for e in [
            StoreError::WrongPassphrase,
            StoreError::CaseClosed { case: CaseId(3) },
            StoreError::ReasonRequired,
            StoreError::NotFound {
                entity: "case",
                id: "3".into(),
            },
            StoreError::Sqlite { code: 1 },
            StoreError::BadQuery {
                reason: "query-too-long",
            },
        ] {
            let p = store_problem(&l10n, &e);
            assert_eq!(p.exit, 2, "{}", e.code());
            assert!(
                !p.message.starts_with("cli-"),
                "{}: {}",
                e.code(),
                p.message
            );
        }
        let wrong = store_problem(&l10n, &StoreError::WrongPassphrase).message;
        let damaged = store_problem(&l10n, &StoreError::Damaged).message;
        assert_ne!(wrong, damaged);
    }

    #[test]
    fn a_passphrase_is_the_first_line() {
        assert_eq!(first_line("secret\n".into()), "secret");
        assert_eq!(first_line("secret\r\nmore".into()), "secret");
        assert_eq!(first_line("with spaces ".into()), "with spaces ");
    }
}
