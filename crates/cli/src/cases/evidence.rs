//! `dalil evidence …`, `dalil elements` and `dalil element …`: the evidence register of a
//! case with its chain of custody and attached files, and the offence elements with what
//! supports each. Every operation is one call into `dalil-case`.

use std::fs::File;
use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use dalil_case::{ExhibitView, Matrix};
use dalil_l10n::{Arg, Localizer};
use dalil_store::{CustodyEvent, ElementState, ExhibitKind, LinkTarget, NewCustody, NewExhibit};

use super::{Env, Problem, resolve_case};

/// `dalil evidence …`
#[derive(Debug, Subcommand)]
pub(crate) enum EvidenceCommand {
    /// Register an exhibit; it takes the next number in the case.
    Add {
        /// The case: its reference, or its internal id.
        case: String,
        /// What it is.
        #[arg(long)]
        description: String,
        /// Its kind.
        #[arg(long, value_enum)]
        kind: KindArg,
        /// When it was seized (a date, or a date and time).
        #[arg(long, value_name = "WHEN")]
        seized_at: String,
        /// Where it was seized.
        #[arg(long, value_name = "PLACE")]
        seized_where: String,
        /// Who seized it: a role or a name.
        #[arg(long, value_name = "WHO")]
        seized_by: String,
        /// The judicial authorisation's reference.
        #[arg(long, value_name = "REF")]
        authorisation: Option<String>,
        /// The seal's number.
        #[arg(long)]
        seal: Option<String>,
        /// An offence element it supports (repeat for several).
        #[arg(long = "element", value_name = "ELEMENT-ID")]
        elements: Vec<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the exhibits of a case with their custody records.
    List {
        /// The case: its reference, or its internal id.
        case: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one exhibit: its details, custody record, files and elements.
    Show {
        /// The case: its reference, or its internal id.
        case: String,
        /// The exhibit's number.
        exhibit: u32,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Append an entry to an exhibit's chain of custody. Entries are never edited: a
    /// correction is a new entry (`--event correction --corrects N`).
    Custody {
        /// The case: its reference, or its internal id.
        case: String,
        /// The exhibit's number.
        exhibit: u32,
        /// What happened.
        #[arg(long, value_enum, default_value = "handover")]
        event: EventArg,
        /// From whom.
        #[arg(long)]
        from: String,
        /// To whom (for a seal check, who checked it).
        #[arg(long)]
        to: String,
        /// Why.
        #[arg(long)]
        purpose: String,
        /// When it happened [default: now].
        #[arg(long, value_name = "WHEN")]
        at: Option<String>,
        /// The seal was found broken.
        #[arg(long)]
        seal_broken: bool,
        /// For a correction, the number of the entry it corrects.
        #[arg(long, value_name = "N")]
        corrects: Option<u32>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Attach a file to an exhibit: its SHA-256 and size, and its bytes, encrypted in the
    /// case file (unless --digest-only).
    Attach {
        /// The case: its reference, or its internal id.
        case: String,
        /// The exhibit's number.
        exhibit: u32,
        /// The file.
        file: PathBuf,
        /// Keep only the name, size and SHA-256, not the bytes.
        #[arg(long)]
        digest_only: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write out a file whose bytes are kept in the case file, to a new file (never over an
    /// existing one), and check it against the SHA-256 recorded when it was attached.
    Extract {
        /// The case: its reference, or its internal id.
        case: String,
        /// The exhibit's number.
        exhibit: u32,
        /// The attachment's id, as `dalil evidence show` lists it.
        attachment: i64,
        /// Where to write it.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: PathBuf,
    },
    /// Check that an attached file still matches: the copy on disk (--file), or the bytes
    /// kept in the case file. Exits 1 when it does not.
    Check {
        /// The case: its reference, or its internal id.
        case: String,
        /// The exhibit's number.
        exhibit: u32,
        /// The attachment's id [default: every file of the exhibit].
        attachment: Option<i64>,
        /// Read this file and compare it, instead of the bytes kept in the case file.
        #[arg(long)]
        file: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `dalil element …`
#[derive(Debug, Subcommand)]
pub(crate) enum ElementCommand {
    /// Mark an element supported, contested or open, with a short reason.
    Set {
        /// The case: its reference, or its internal id.
        case: String,
        /// The element id, as `dalil elements` lists it.
        element: String,
        /// The new state.
        #[arg(value_enum)]
        state: ElementStateArg,
        /// Why (required for supported and contested).
        #[arg(long)]
        reason: Option<String>,
    },
    /// Link a note, a step or an exhibit to an element: `note:12`, `step:STEP-ID`,
    /// `exhibit:3`.
    Link {
        /// The case: its reference, or its internal id.
        case: String,
        /// The element id.
        element: String,
        /// What supports it.
        target: String,
    },
    /// Remove a link.
    Unlink {
        /// The case: its reference, or its internal id.
        case: String,
        /// The element id.
        element: String,
        /// The linked note, step or exhibit, as given to `link`.
        target: String,
    },
}

/// An exhibit kind, as typed.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum KindArg {
    /// A paper document.
    Document,
    /// A phone or SIM card.
    Phone,
    /// A ledger of debts, wages or payments.
    Ledger,
    /// A money-transfer receipt.
    TransferReceipt,
    /// A photograph.
    Photograph,
    /// A forensic image of a device or medium.
    DigitalImage,
    /// Anything else.
    Other,
}

impl KindArg {
    fn kind(self) -> ExhibitKind {
        match self {
            KindArg::Document => ExhibitKind::Document,
            KindArg::Phone => ExhibitKind::Phone,
            KindArg::Ledger => ExhibitKind::Ledger,
            KindArg::TransferReceipt => ExhibitKind::TransferReceipt,
            KindArg::Photograph => ExhibitKind::Photograph,
            KindArg::DigitalImage => ExhibitKind::DigitalImage,
            KindArg::Other => ExhibitKind::Other,
        }
    }
}

/// A custody event, as typed.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum EventArg {
    /// Handed from one person or office to another.
    Handover,
    /// The seal was checked.
    SealCheck,
    /// Sent to a forensic laboratory.
    ToLab,
    /// Returned from a laboratory.
    FromLab,
    /// Corrects an earlier entry (needs --corrects).
    Correction,
}

impl EventArg {
    fn event(self) -> CustodyEvent {
        match self {
            EventArg::Handover => CustodyEvent::Handover,
            EventArg::SealCheck => CustodyEvent::SealCheck,
            EventArg::ToLab => CustodyEvent::ToLab,
            EventArg::FromLab => CustodyEvent::FromLab,
            EventArg::Correction => CustodyEvent::Correction,
        }
    }
}

/// An element state, as typed.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ElementStateArg {
    /// The evidence supports it (needs --reason).
    Supported,
    /// The evidence disputes it (needs --reason).
    Contested,
    /// Not yet assessed.
    Open,
}

impl ElementStateArg {
    fn state(self) -> ElementState {
        match self {
            ElementStateArg::Supported => ElementState::Supported,
            ElementStateArg::Contested => ElementState::Contested,
            ElementStateArg::Open => ElementState::Open,
        }
    }
}

/// An exhibit kind in words.
pub(crate) fn kind_label(l10n: &Localizer, kind: &str) -> String {
    l10n.get(&format!("evidence-kind-{kind}"))
}

/// A custody event in words.
pub(crate) fn event_label(l10n: &Localizer, event: &str) -> String {
    l10n.get(&format!("evidence-event-{event}"))
}

/// An element state in words.
pub(crate) fn element_state_label(l10n: &Localizer, state: &str) -> String {
    l10n.get(&format!("evidence-element-state-{state}"))
}

fn to_json<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or_default()
}

/// Runs `dalil evidence …`.
pub(crate) fn run(command: EvidenceCommand, env: &mut Env<'_>) -> Result<u8, Problem> {
    let l10n = env.l10n;
    match command {
        EvidenceCommand::Add {
            case,
            description,
            kind,
            seized_at,
            seized_where,
            seized_by,
            authorisation,
            seal,
            elements,
            json,
        } => {
            let sop = env.sop()?;
            let mut store = env.store()?;
            let id = resolve_case(env, &store, &case)?;
            let new = NewExhibit {
                description,
                kind: kind.kind(),
                seized_at,
                seized_where,
                seized_by,
                authorisation,
                seal,
            };
            let number = dalil_case::add_exhibit(&mut store, &sop, id, &new, &elements)
                .map_err(|e| env.case_fail(&e))?;
            let view = dalil_case::exhibit(&store, &sop, l10n.lang(), id, number)
                .map_err(|e| env.case_fail(&e))?;
            env.close(store)?;
            if json {
                env.json(&to_json(&view))?;
            } else {
                env.line(&l10n.format(
                    "cli-evidence-added",
                    &[("number", Arg::Str(&number.to_string()))],
                ))?;
            }
            Ok(0)
        }
        EvidenceCommand::List { case, json } => {
            let sop = env.sop()?;
            let store = env.store()?;
            let id = resolve_case(env, &store, &case)?;
            let register = dalil_case::register(&store, &sop, l10n.lang(), id)
                .map_err(|e| env.case_fail(&e))?;
            env.close(store)?;
            if json {
                env.json(&to_json(&register))?;
                return Ok(0);
            }
            if register.exhibits.is_empty() {
                env.remark(&l10n.get("cli-evidence-none"))?;
            }
            for e in &register.exhibits {
                print_exhibit(env, e)?;
            }
            Ok(0)
        }
        EvidenceCommand::Show {
            case,
            exhibit,
            json,
        } => {
            let sop = env.sop()?;
            let store = env.store()?;
            let id = resolve_case(env, &store, &case)?;
            let view = dalil_case::exhibit(&store, &sop, l10n.lang(), id, exhibit)
                .map_err(|e| env.case_fail(&e))?;
            env.close(store)?;
            if json {
                env.json(&to_json(&view))?;
            } else {
                print_exhibit(env, &view)?;
            }
            Ok(0)
        }
        EvidenceCommand::Custody {
            case,
            exhibit,
            event,
            from,
            to,
            purpose,
            at,
            seal_broken,
            corrects,
            json,
        } => {
            let mut store = env.store()?;
            let id = resolve_case(env, &store, &case)?;
            let entry = NewCustody {
                event: event.event(),
                at,
                from,
                to,
                purpose,
                seal_intact: !seal_broken,
                corrects,
            };
            let seq = dalil_case::add_custody(&mut store, id, exhibit, &entry)
                .map_err(|e| env.case_fail(&e))?;
            env.close(store)?;
            if json {
                env.json(&serde_json::json!({ "exhibit": exhibit, "seq": seq }))?;
            } else {
                env.line(&l10n.format(
                    "cli-custody-added",
                    &[
                        ("seq", Arg::Str(&seq.to_string())),
                        ("number", Arg::Str(&exhibit.to_string())),
                    ],
                ))?;
            }
            Ok(0)
        }
        EvidenceCommand::Attach {
            case,
            exhibit,
            file,
            digest_only,
            json,
        } => {
            // The file is opened before the passphrase is asked for, so that a wrong path is
            // said first, and nothing is opened for writing.
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut reader = open_input(l10n, &file)?;
            let mut store = env.store()?;
            let id = resolve_case(env, &store, &case)?;
            let view =
                dalil_case::attach(&mut store, id, exhibit, &name, &mut reader, !digest_only)
                    .map_err(|e| attach_fail(env, &e))?;
            env.close(store)?;
            if json {
                env.json(&to_json(&view))?;
            } else {
                env.line(&l10n.format(
                    "cli-evidence-attached",
                    &[
                        ("id", Arg::Str(&view.id.to_string())),
                        ("number", Arg::Str(&exhibit.to_string())),
                        ("sha256", Arg::Str(&view.sha256)),
                    ],
                ))?;
            }
            Ok(0)
        }
        EvidenceCommand::Check {
            case,
            exhibit,
            attachment,
            file,
            json,
        } => check(env, &case, exhibit, attachment, file, json),
        EvidenceCommand::Extract {
            case,
            exhibit,
            attachment,
            output,
        } => extract(env, &case, exhibit, attachment, &output),
    }
}

fn open_input(l10n: &Localizer, path: &PathBuf) -> Result<File, Problem> {
    match File::open(path) {
        Ok(f) if f.metadata().is_ok_and(|m| m.is_file()) => Ok(f),
        Ok(_) => Err(Problem::input(l10n.get("cli-evidence-not-a-file"))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(Problem::input(l10n.get("cli-evidence-no-such-file")))
        }
        Err(e) => Err(Problem::input(l10n.format(
            "cli-evidence-cannot-read",
            &[("reason", Arg::Str(&format!("{:?}", e.kind())))],
        ))),
    }
}

fn attach_fail(env: &Env<'_>, e: &dalil_case::CaseError) -> Problem {
    match e {
        dalil_case::CaseError::Store(dalil_store::StoreError::Invalid {
            field: "file-empty",
        }) => Problem::input(env.l10n.get("cli-evidence-empty-file")),
        other => env.case_fail(other),
    }
}

fn check(
    env: &mut Env<'_>,
    case: &str,
    exhibit: u32,
    attachment: Option<i64>,
    file: Option<PathBuf>,
    json: bool,
) -> Result<u8, Problem> {
    let l10n = env.l10n;
    let mut reader = file.as_ref().map(|f| open_input(l10n, f)).transpose()?;
    let sop = env.sop()?;
    let store = env.store()?;
    let id = resolve_case(env, &store, case)?;
    let view = dalil_case::exhibit(&store, &sop, l10n.lang(), id, exhibit)
        .map_err(|e| env.case_fail(&e))?;
    let ids: Vec<i64> = match attachment {
        Some(a) => vec![a],
        None => view.files.iter().map(|f| f.id).collect(),
    };
    if ids.is_empty() {
        env.close(store)?;
        return Err(Problem::input(l10n.get("cli-evidence-no-files")));
    }
    if reader.is_some() && ids.len() > 1 {
        env.close(store)?;
        return Err(Problem::input(l10n.get("cli-evidence-check-which")));
    }
    let mut results = Vec::new();
    for a in ids {
        let r = dalil_case::check_file(
            &store,
            id,
            exhibit,
            a,
            reader.as_mut().map(|r| r as &mut dyn std::io::Read),
        )
        .map_err(|e| env.case_fail(&e))?;
        results.push(r);
    }
    env.close(store)?;
    let all = results.iter().all(|r| r.matches);
    if json {
        env.json(&to_json(&results))?;
    } else {
        for r in &results {
            let key = if r.matches {
                "cli-evidence-check-matches"
            } else {
                "cli-evidence-check-differs"
            };
            env.line(&l10n.format(
                key,
                &[
                    ("id", Arg::Str(&r.file.id.to_string())),
                    ("name", Arg::Str(&r.file.name)),
                    ("sha256", Arg::Str(&r.sha256)),
                ],
            ))?;
        }
    }
    Ok(if all { 0 } else { 1 })
}

fn print_exhibit(env: &mut Env<'_>, e: &ExhibitView) -> Result<(), Problem> {
    let l10n = env.l10n;
    let none = l10n.get("cli-evidence-none-given");
    env.line(&l10n.format(
        "cli-evidence-line",
        &[
            ("number", Arg::Str(&e.number.to_string())),
            ("kind", Arg::Str(&kind_label(l10n, &e.kind))),
            ("description", Arg::Str(&e.description)),
        ],
    ))?;
    env.line(&l10n.format(
        "cli-evidence-seized",
        &[
            ("at", Arg::Str(&e.seized_at)),
            ("where", Arg::Str(&e.seized_where)),
            ("by", Arg::Str(&e.seized_by)),
        ],
    ))?;
    env.line(&l10n.format(
        "cli-evidence-authorisation-seal",
        &[
            (
                "authorisation",
                Arg::Str(e.authorisation.as_deref().unwrap_or(&none)),
            ),
            ("seal", Arg::Str(e.seal.as_deref().unwrap_or(&none))),
        ],
    ))?;
    for c in &e.custody {
        let seal = if c.seal_intact {
            l10n.get("cli-evidence-seal-intact")
        } else {
            l10n.get("cli-evidence-seal-broken")
        };
        env.line(&l10n.format(
            "cli-custody-line",
            &[
                ("seq", Arg::Str(&c.seq.to_string())),
                ("event", Arg::Str(&event_label(l10n, &c.event))),
                ("at", Arg::Str(&c.at)),
                ("from", Arg::Str(&c.from)),
                ("to", Arg::Str(&c.to)),
                ("purpose", Arg::Str(&c.purpose)),
                ("seal", Arg::Str(&seal)),
            ],
        ))?;
        if let Some(n) = c.corrects {
            env.line(&l10n.format("cli-custody-corrects", &[("seq", Arg::Str(&n.to_string()))]))?;
        }
    }
    for f in &e.files {
        env.line(&l10n.format(
            "cli-evidence-file-line",
            &[
                ("id", Arg::Str(&f.id.to_string())),
                ("name", Arg::Str(&f.name)),
                ("size", Arg::Num(f.size as f64)),
                ("sha256", Arg::Str(&f.sha256)),
            ],
        ))?;
    }
    for (_, name) in &e.elements {
        env.line(&l10n.format("cli-evidence-element-line", &[("name", Arg::Str(name))]))?;
    }
    Ok(())
}

/// Runs `dalil elements CASE`.
pub(crate) fn elements(env: &mut Env<'_>, case: &str, json: bool) -> Result<u8, Problem> {
    let l10n = env.l10n;
    let sop = env.sop()?;
    let store = env.store()?;
    let id = resolve_case(env, &store, case)?;
    let matrix: Matrix =
        dalil_case::matrix(&store, &sop, l10n.lang(), id).map_err(|e| env.case_fail(&e))?;
    env.close(store)?;
    if json {
        env.json(&to_json(&matrix))?;
        return Ok(0);
    }
    for o in &matrix.offences {
        env.line(&l10n.format(
            "cli-elements-offence",
            &[("name", Arg::Str(&o.name)), ("basis", Arg::Str(&o.basis))],
        ))?;
        for e in &o.elements {
            let need = if e.required {
                l10n.get("cli-elements-required")
            } else {
                l10n.get("cli-elements-optional")
            };
            env.line(&l10n.format(
                "cli-elements-row",
                &[
                    ("id", Arg::Str(&e.id)),
                    ("name", Arg::Str(&e.name)),
                    ("need", Arg::Str(&need)),
                    ("state", Arg::Str(&element_state_label(l10n, &e.state))),
                ],
            ))?;
            for s in &e.support {
                env.line(&l10n.format(
                    "cli-elements-support",
                    &[
                        ("kind", Arg::Str(&s.kind)),
                        ("id", Arg::Str(&s.id)),
                        ("label", Arg::Str(&s.label)),
                    ],
                ))?;
            }
            if e.gap {
                env.line(&l10n.get("cli-elements-gap"))?;
                for g in &e.gather {
                    env.line(&l10n.format(
                        "cli-elements-gather",
                        &[("step", Arg::Str(&g.step)), ("title", Arg::Str(&g.title))],
                    ))?;
                }
            }
        }
    }
    env.remark(&l10n.format(
        "cli-elements-gaps",
        &[("count", Arg::Num(matrix.gaps as f64))],
    ))?;
    Ok(0)
}

fn parse_target(l10n: &Localizer, given: &str) -> Result<LinkTarget, Problem> {
    let bad =
        || Problem::input(l10n.format("cli-element-bad-target", &[("target", Arg::Str(given))]));
    let (kind, id) = given.split_once(':').ok_or_else(bad)?;
    let id = dalil_normalize::ascii_digits(id.trim());
    match kind {
        "note" => id.parse().map(LinkTarget::Note).map_err(|_| bad()),
        "exhibit" => id.parse().map(LinkTarget::Exhibit).map_err(|_| bad()),
        "step" if !id.is_empty() => Ok(LinkTarget::Step(id)),
        _ => Err(bad()),
    }
}

/// Runs `dalil element …`.
pub(crate) fn element(command: ElementCommand, env: &mut Env<'_>) -> Result<u8, Problem> {
    let l10n = env.l10n;
    match command {
        ElementCommand::Set {
            case,
            element,
            state,
            reason,
        } => {
            let state = state.state();
            if state.needs_reason() && reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
                return Err(Problem::input(l10n.get("cli-element-reason-required")));
            }
            let sop = env.sop()?;
            let mut store = env.store()?;
            let id = resolve_case(env, &store, &case)?;
            dalil_case::set_element(&mut store, &sop, id, &element, state, reason.as_deref())
                .map_err(|e| env.case_fail(&e))?;
            env.close(store)?;
            env.line(&l10n.format(
                "cli-element-set",
                &[
                    ("id", Arg::Str(&element)),
                    (
                        "state",
                        Arg::Str(&element_state_label(l10n, state.as_str())),
                    ),
                ],
            ))?;
            Ok(0)
        }
        ElementCommand::Link {
            case,
            element,
            target,
        } => link(env, &case, &element, &target, true),
        ElementCommand::Unlink {
            case,
            element,
            target,
        } => link(env, &case, &element, &target, false),
    }
}

fn link(
    env: &mut Env<'_>,
    case: &str,
    element: &str,
    target: &str,
    add: bool,
) -> Result<u8, Problem> {
    let l10n = env.l10n;
    let target = parse_target(l10n, target)?;
    let sop = env.sop()?;
    let mut store = env.store()?;
    let id = resolve_case(env, &store, case)?;
    let changed = dalil_case::link(&mut store, &sop, id, element, &target, add)
        .map_err(|e| env.case_fail(&e))?;
    env.close(store)?;
    let key = match (add, changed) {
        (true, true) => "cli-element-linked",
        (true, false) => "cli-element-already-linked",
        (false, true) => "cli-element-unlinked",
        (false, false) => "cli-element-not-linked",
    };
    env.line(&l10n.format(
        key,
        &[
            ("id", Arg::Str(element)),
            ("target", Arg::Str(&target.to_string())),
        ],
    ))?;
    Ok(0)
}

fn extract(
    env: &mut Env<'_>,
    case: &str,
    exhibit: u32,
    attachment: i64,
    output: &PathBuf,
) -> Result<u8, Problem> {
    let l10n = env.l10n;
    let store = env.store()?;
    let id = resolve_case(env, &store, case)?;
    // Never over an existing file: the bytes of an exhibit must not replace anything.
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(output)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            env.close(store)?;
            return Err(Problem::input(l10n.get("cli-evidence-extract-exists")));
        }
        Err(e) => {
            env.close(store)?;
            return Err(Problem::input(l10n.format(
                "cli-evidence-cannot-write",
                &[("reason", Arg::Str(&format!("{:?}", e.kind())))],
            )));
        }
    };
    let written = {
        let mut out = std::io::BufWriter::new(&mut file);
        let r = dalil_case::write_file(&store, id, exhibit, attachment, &mut out);
        r.and_then(|v| {
            use std::io::Write as _;
            out.flush()
                .map_err(|_| dalil_case::CaseError::Store(dalil_store::StoreError::DiskFull))?;
            Ok(v)
        })
    };
    let view = match written {
        Ok(v) => v,
        Err(e) => {
            drop(file);
            let _ = std::fs::remove_file(output);
            env.close(store)?;
            return Err(env.case_fail(&e));
        }
    };
    let _ = file.sync_all();
    drop(file);
    // Read back what was written, against the digest recorded at attach time.
    let mut reader = open_input(l10n, output)?;
    let check = dalil_case::check_file(&store, id, exhibit, attachment, Some(&mut reader))
        .map_err(|e| env.case_fail(&e))?;
    env.close(store)?;
    let key = if check.matches {
        "cli-evidence-check-matches"
    } else {
        "cli-evidence-check-differs"
    };
    env.line(&l10n.format(
        key,
        &[
            ("id", Arg::Str(&view.id.to_string())),
            ("name", Arg::Str(&view.name)),
            ("sha256", Arg::Str(&check.sha256)),
        ],
    ))?;
    Ok(if check.matches { 0 } else { 1 })
}
