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
mod evidence;
mod notes;
mod passphrase;

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use dalil_case::{CaseError, DetailStep};
use dalil_content::{Lang, Sop};
use dalil_l10n::{Arg, Localizer};
use dalil_store::{
    BreakKind, Case, CaseFilter, CaseId, CaseKind, CaseStatus, Note, NoteId, Passphrase,
    StepRecord, StepState, Store, StoreError,
};
use dalil_transfer::KeyFileError;
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

impl StoreArgs {
    /// The data folder given with `--data-dir`, if any.
    pub(crate) fn data_dir(&self) -> Option<&std::path::Path> {
        self.data_dir.as_deref()
    }
}

/// The commands on the case file, listed among `dalil`'s own.
#[derive(Debug, Subcommand)]
pub(crate) enum StoreCommand {
    /// Open, list, show, close or reopen a case, or set its facts.
    #[command(subcommand)]
    Case(CaseCommand),
    /// Set the state of a step of a case.
    Step(StepArgs),
    /// Register exhibits, record their chain of custody, attach and check files.
    #[command(subcommand)]
    Evidence(evidence::EvidenceCommand),
    /// Show the offence elements of a case: what supports each, and the gaps.
    Elements {
        /// The case: its reference, or its internal id.
        case: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Mark an offence element, or link a note, step or exhibit to it.
    #[command(subcommand)]
    Element(evidence::ElementCommand),
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
    /// What moving a case to the SOP edition now read would change for it: steps that would
    /// appear, steps retired, steps whose guidance changed. `--move` moves it.
    Edition {
        /// The case: its reference, or its internal id.
        case: String,
        /// Move the case to the edition now read (one audited change).
        #[arg(long = "move")]
        move_it: bool,
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
        StoreCommand::Evidence(e) => evidence::run(e, env),
        StoreCommand::Elements { case, json } => evidence::elements(env, &case, json),
        StoreCommand::Element(e) => evidence::element(e, env),
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

impl Problem {
    /// The message, for a caller that reports failures its own way.
    pub(crate) fn message_text(self) -> String {
        self.message
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
        Ok(crate::load_clean(
            self.content,
            self.args.data_dir.as_deref(),
            self.l10n,
        )?)
    }

    /// The data folder: `--data-dir`, else the default.
    pub(crate) fn data_dir(&self) -> Result<PathBuf, Problem> {
        match &self.args.data_dir {
            Some(dir) => Ok(dir.clone()),
            None => dalil_store::default_data_dir().map_err(|e| store_problem(self.l10n, &e)),
        }
    }

    /// The data folder given with `--data-dir`, if any.
    pub(crate) fn data_dir_arg(&self) -> Option<&std::path::Path> {
        self.args.data_dir.as_deref()
    }

    /// The path of the case file.
    pub(crate) fn db_path(&self) -> Result<PathBuf, Problem> {
        Ok(self.data_dir()?.join(dalil_store::DB_FILE_NAME))
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

    /// A case-layer error in the user's words.
    pub(crate) fn case_fail(&self, e: &CaseError) -> Problem {
        case_problem(self.l10n, e)
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
    dalil_case::resolve(store, given).map_err(|e| env.case_fail(&e))
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
            "exhibit" => input(l10n.format("cli-evidence-not-found", &[("id", Arg::Str(id))])),
            "attachment" | "attachment-bytes" => {
                input(l10n.format("cli-evidence-file-not-found", &[("id", Arg::Str(id))]))
            }
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

/// A case-layer error in the user's words: input errors all (exit 2), but for the store's
/// own, worded by [`store_problem`].
pub(crate) fn case_problem(l10n: &Localizer, e: &CaseError) -> Problem {
    let input = Problem::input;
    match e {
        CaseError::Store(e) => store_problem(l10n, e),
        CaseError::Fact(e) => {
            input(l10n.format("cli-bad-facts", &[("reason", Arg::Str(&e.to_string()))]))
        }
        CaseError::UnknownKind(value) => {
            input(l10n.format("cli-fact-kind-unknown", &[("value", Arg::Str(value))]))
        }
        CaseError::ReferenceRequired => {
            input(l10n.format("cli-store-invalid", &[("field", Arg::Str("reference"))]))
        }
        CaseError::CaseNotFound => input(l10n.get("cli-case-not-found")),
        CaseError::UnknownStep(id) => {
            input(l10n.format("cli-step-unknown", &[("id", Arg::Str(id))]))
        }
        CaseError::ReasonRequired => input(l10n.get("cli-step-reason-required")),
        CaseError::ReasonNotAllowed => input(l10n.get("cli-step-reason-not-allowed")),
        CaseError::UnknownElement(id) => {
            input(l10n.format("cli-element-unknown", &[("id", Arg::Str(id))]))
        }
        CaseError::NoDirectorateKey => input(l10n.get("transfer-no-key")),
        CaseError::DirectorateKey(KeyFileError::Empty) => input(l10n.get("transfer-key-empty")),
        CaseError::DirectorateKey(KeyFileError::Several) => input(l10n.get("transfer-key-several")),
        CaseError::DirectorateKey(KeyFileError::NotAKey { line }) => input(l10n.format(
            "transfer-key-not-a-key",
            &[("line", Arg::Num(*line as f64))],
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
        BreakKind::RecordChanged => "record-changed",
    }
}

// ----- words and times -----

/// How times are shown to people.
const SHOWN_TIME: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day] [hour]:[minute]:[second] UTC");

/// A time for people: UTC, to the second, labelled, in the digits of `l10n`.
pub(crate) fn when(l10n: &Localizer, t: OffsetDateTime) -> String {
    let text = t
        .to_offset(time::UtcOffset::UTC)
        .format(SHOWN_TIME)
        .unwrap_or_default();
    l10n.digits().apply(&text)
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
        "sop_id": c.edition.sop,
        "sop_edition": c.edition.version,
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
        CaseCommand::Edition {
            case,
            move_it,
            json,
        } => case_edition(env, &case, move_it, json),
    }
}

/// `case edition`: the change a move to the edition now read would make, and the move.
fn case_edition(env: &mut Env<'_>, given: &str, move_it: bool, json: bool) -> Result<u8, Problem> {
    let new = env.sop()?;
    let mut store = env.store()?;
    let id = resolve_case(env, &store, given)?;
    let l10n = env.l10n;
    let pinned = store.case(id).map_err(|e| env.fail(&e))?.edition;
    let old = crate::sop::edition_sop(&pinned, env.data_dir_arg()).ok_or_else(|| {
        Problem::input(l10n.format(
            "sop-case-edition-missing",
            &[("edition", Arg::Str(&pinned.to_string()))],
        ))
    })?;
    let diff = dalil_content::diff::diff(&old, &new);
    let change = dalil_case::edition_change(&store, id, &old, &new, &diff, l10n)
        .map_err(|e| env.case_fail(&e))?;
    if move_it && !change.current {
        dalil_case::move_to_edition(&mut store, id, &new).map_err(|e| env.case_fail(&e))?;
    }
    env.close(store)?;
    if json {
        let mut value = serde_json::to_value(&change).unwrap_or_default();
        value["moved"] = serde_json::Value::Bool(move_it && !change.current);
        env.json(&value)?;
        return Ok(0);
    }
    if change.current {
        env.line(&l10n.format("sop-case-current", &[("edition", Arg::Str(&change.to))]))?;
        return Ok(0);
    }
    env.line(&l10n.format(
        "sop-case-change-head",
        &[
            ("reference", Arg::Str(&change.reference)),
            ("from", Arg::Str(&change.from)),
            ("to", Arg::Str(&change.to)),
        ],
    ))?;
    let count = |n: usize| Arg::Num(n as f64);
    let mut group =
        |head: &str, steps: &[dalil_case::ChangedStep], retired: bool| -> Result<(), Problem> {
            if steps.is_empty() {
                return Ok(());
            }
            env.line(&l10n.format(head, &[("count", count(steps.len()))]))?;
            for s in steps {
                let mut line = format!("  {} {}", s.id, s.title);
                if !s.because.is_empty() {
                    line.push_str(&format!(" ({})", s.because.join(", ")));
                }
                if retired && s.notes > 0 {
                    line.push_str(&format!(
                        "; {}",
                        l10n.format("sop-case-notes-kept", &[("count", count(s.notes))])
                    ));
                }
                env.line(&line)?;
            }
            Ok(())
        };
    group("sop-case-appear", &change.appear, false)?;
    group("sop-case-retire", &change.retire, true)?;
    group("sop-case-changed", &change.changed, false)?;
    env.line(&if move_it {
        l10n.format("sop-case-moved", &[("to", Arg::Str(&change.to))])
    } else {
        l10n.get("sop-case-not-moved")
    })?;
    Ok(0)
}

/// `case new`: opens the case through the case layer, as the app does.
fn case_new(
    env: &mut Env<'_>,
    reference: &str,
    title: &str,
    kind: CaseKind,
    json: bool,
) -> Result<u8, Problem> {
    let sop = env.sop()?;
    let input = dalil_case::NewCaseInput {
        reference: reference.to_owned(),
        title: title.to_owned(),
        facts: dalil_case::FactInput {
            kind: Some(kind),
            facts: BTreeMap::new(),
        },
    };
    let mut store = env.store()?;
    let case = dalil_case::create(&mut store, &sop, &input).map_err(|e| env.case_fail(&e))?;
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
            when(l10n, c.last_change),
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

/// `case facts`: checks every fact against the manifest before anything is written, sets
/// them (and the case kind, with the `kind` fact) in one transaction, and reports the steps
/// that the change shows and hides.
fn case_facts(env: &mut Env<'_>, given: &str, facts: &[String], json: bool) -> Result<u8, Problem> {
    let sop = env.sop()?;
    let l10n = env.l10n;
    let answers: Vec<(&str, &str)> = facts
        .iter()
        .flat_map(|part| part.split(','))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| {
            let (fact, value) = part.split_once('=').unwrap_or((part, "yes"));
            (fact.trim(), value)
        })
        .collect();
    let input = dalil_case::check_facts(&sop, answers).map_err(|e| env.case_fail(&e))?;
    let given_count = input.facts.len() + usize::from(input.kind.is_some());
    let mut store = env.store()?;
    let id = resolve_case(env, &store, given)?;
    let change = dalil_case::set_facts(&mut store, &sop, l10n.lang(), id, &input)
        .map_err(|e| env.case_fail(&e))?;
    let case = store.case(id).map_err(|e| env.fail(&e))?;
    env.close(store)?;

    if json {
        let list = |steps: &[dalil_case::StepRef]| -> Vec<serde_json::Value> {
            steps
                .iter()
                .map(|s| serde_json::json!({ "id": s.id, "title": s.title }))
                .collect()
        };
        env.json(&serde_json::json!({
            "case": case_json(&case),
            "facts": change.facts,
            "shown": list(&change.shown),
            "hidden": list(&change.hidden),
        }))?;
        return Ok(0);
    }
    env.line(&l10n.format(
        "cli-facts-saved",
        &[
            ("reference", Arg::Str(&case.reference)),
            ("count", Arg::Num(given_count as f64)),
        ],
    ))?;
    if change.shown.is_empty() && change.hidden.is_empty() {
        env.line(&l10n.get("cli-facts-checklist-unchanged"))?;
    }
    if !change.shown.is_empty() {
        env.line(&l10n.format(
            "cli-facts-steps-shown",
            &[("count", Arg::Num(change.shown.len() as f64))],
        ))?;
        for s in &change.shown {
            env.line(&format!("  + {}  {}", s.id, s.title))?;
        }
    }
    if !change.hidden.is_empty() {
        env.line(&l10n.format(
            "cli-facts-steps-hidden",
            &[("count", Arg::Num(change.hidden.len() as f64))],
        ))?;
        for s in &change.hidden {
            env.line(&format!("  - {}  {}", s.id, s.title))?;
        }
    }
    Ok(0)
}

// ----- `dalil case show` -----

/// `case show`: the header, the facts, the checklist by phase with states, reasons, times and
/// notes, then the hidden and retired steps that hold something, then the case's own notes.
fn case_show(env: &mut Env<'_>, given: &str, json: bool) -> Result<u8, Problem> {
    let current = env.sop()?;
    let store = env.store()?;
    let id = resolve_case(env, &store, given)?;
    // A case not moved to the edition now read keeps the text of its own, when this
    // computer has it (`dalil case edition`); `--content` always wins.
    let pinned = store.case(id).map_err(|e| env.fail(&e))?.edition;
    let sop = if env.content.is_none() && !dalil_case::is_current(&pinned, &current.manifest) {
        crate::sop::edition_sop(&pinned, env.data_dir_arg()).unwrap_or(current)
    } else {
        current
    };
    let l10n = env.l10n;
    let lang = l10n.lang();
    let detail = dalil_case::detail(&store, &sop, lang, id).map_err(|e| env.fail(&e))?;
    env.close(store)?;
    let case = &detail.case;

    if json {
        // Applicable steps say where they are in the SOP; hidden and retired ones do not.
        let step_json = |s: &DetailStep, applicable: bool| {
            let mut v = record_json(s.record.as_ref());
            v["id"] = serde_json::json!(s.id);
            v["title"] = serde_json::json!(s.title);
            if let Some(item) = s.item.as_ref().filter(|_| applicable) {
                v["chapter"] = serde_json::json!(item.chapter);
                v["phase"] = serde_json::json!(item.phase);
                v["required"] = serde_json::json!(item.required);
                v["conditional"] = serde_json::json!(item.conditional);
            }
            v["notes"] = serde_json::Value::Array(s.notes.iter().map(note_json).collect());
            v
        };
        let steps = |list: &[DetailStep], applicable: bool| -> Vec<serde_json::Value> {
            list.iter().map(|s| step_json(s, applicable)).collect()
        };
        let facts_json: Vec<_> = detail
            .facts
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
            "case": case_json(case),
            "current_edition": detail.current_edition,
            "facts": facts_json,
            "checklist": steps(&detail.checklist, true),
            "hidden": steps(&detail.hidden, false),
            "retired": steps(&detail.retired, false),
            "case_notes": detail.case_notes.iter().map(note_json).collect::<Vec<_>>(),
        }))?;
        return Ok(0);
    }

    // The header.
    env.line(&format!("{}  {}", case.reference, case.title))?;
    let edition = dalil_case::edition_label(&case.edition, &sop.manifest);
    env.line(&format!(
        "  {}",
        l10n.format(
            "cli-case-header",
            &[
                ("id", Arg::Str(&case.id.to_string())),
                ("status", Arg::Str(&status_label(l10n, case.status))),
                ("kind", Arg::Str(&kind_label(l10n, case.kind))),
                ("edition", Arg::Str(&edition)),
                ("opened", Arg::Str(&when(l10n, case.created_at))),
                ("changed", Arg::Str(&when(l10n, case.last_change))),
            ],
        )
    ))?;
    if !detail.current_edition {
        env.line(&format!(
            "  {}",
            l10n.format(
                "cli-case-other-edition",
                &[
                    ("case", Arg::Str(&case.edition.to_string())),
                    ("current", Arg::Str(&sop.manifest.edition())),
                ],
            )
        ))?;
    }

    // The facts: the kind is in the header.
    env.line("")?;
    env.line(&l10n.get("cli-case-facts-heading"))?;
    if detail.facts.is_empty() {
        env.line(&format!("  {}", l10n.get("cli-case-no-facts")))?;
    }
    for f in &detail.facts {
        let label = sop
            .manifest
            .fact(&f.id)
            .map(|m| m.label.get(lang).to_owned())
            .unwrap_or_default();
        env.line(&format!("  {} = {}  {}", f.id, f.value, label))?;
    }

    // The checklist by phase, then what is hidden or retired, then the case's own notes.
    let mut phase = "";
    for s in &detail.checklist {
        let Some(item) = &s.item else { continue };
        if item.phase != phase {
            phase = &item.phase;
            let name = sop
                .manifest
                .phase(phase)
                .map_or(phase, |p| p.name.get(lang));
            env.line("")?;
            env.line(name)?;
        }
        print_step(env, s, true)?;
    }
    for (heading, list) in [
        ("cli-case-hidden-heading", &detail.hidden),
        ("cli-case-retired-heading", &detail.retired),
    ] {
        if list.is_empty() {
            continue;
        }
        env.line("")?;
        env.line(&l10n.get(heading))?;
        for s in list {
            print_step(env, s, false)?;
        }
    }
    if !detail.case_notes.is_empty() {
        env.line("")?;
        env.line(&l10n.get("cli-case-notes-heading"))?;
        for n in &detail.case_notes {
            print_note(env, n, "  ")?;
        }
    }
    Ok(0)
}

/// One step of `case show`: its state and title, its reason and time, and its notes. An
/// applicable advisory step says so.
fn print_step(env: &mut Env<'_>, s: &DetailStep, applicable: bool) -> Result<(), Problem> {
    let l10n = env.l10n;
    let mut flags = String::new();
    if let Some(item) = s.item.as_ref().filter(|_| applicable) {
        if !item.required {
            flags = format!("  ({})", l10n.get("cli-step-advisory"));
        }
    }
    env.line(&format!(
        "  [{}]  {}  {}{flags}",
        state_label(l10n, s.state()),
        s.id,
        s.title.as_deref().unwrap_or("")
    ))?;
    if let Some(r) = &s.record {
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
                &[("time", Arg::Str(&when(l10n, r.updated_at)))]
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
                ("revision", Arg::Str(&l10n.number(u64::from(n.revision)))),
                ("time", Arg::Str(&when(l10n, n.updated_at))),
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
    // Checked before the passphrase is asked for, so that the officer hears it first; the
    // case layer checks it again.
    dalil_case::checked_reason(state, args.reason.as_deref()).map_err(|e| env.case_fail(&e))?;
    let sop = env.sop()?;
    let mut store = env.store()?;
    let id = resolve_case(env, &store, &args.case)?;
    let set = dalil_case::set_step(
        &mut store,
        &sop,
        id,
        &args.step,
        state,
        args.reason.as_deref(),
    )
    .map_err(|e| env.case_fail(&e))?;
    env.close(store)?;
    if !set.applies {
        env.remark(&l10n.format("cli-step-not-shown", &[("id", Arg::Str(&args.step))]))?;
    }
    if args.json {
        let mut v = record_json(set.record.as_ref());
        v["case"] = serde_json::json!(set.case.id.0);
        v["reference"] = serde_json::json!(set.case.reference);
        v["step"] = serde_json::json!(args.step);
        v["applies"] = serde_json::json!(set.applies);
        env.json(&v)?;
        return Ok(0);
    }
    env.line(&l10n.format(
        "cli-step-set",
        &[
            ("id", Arg::Str(&args.step)),
            ("reference", Arg::Str(&set.case.reference)),
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
