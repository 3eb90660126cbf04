//! `dalil-hq`: the directorate's command for the transfer bundles officers send by USB.
//!
//! ```text
//! dalil-hq keygen --out directorate.key --public directorate.pub
//! dalil-hq --db "host=/run/postgresql dbname=dalil_hq" device add KEY --label "…"
//! dalil-hq import --identity directorate.key /media/stick/*.dalil-transfer
//! dalil-hq cases --needs-review
//! dalil-hq show TIP-2026-0042
//! dalil-hq devices
//! dalil-hq report
//! ```
//!
//! Its messages are in Arabic when `DALIL_LANG`, `LC_ALL` or `LANG` asks for it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dalil_hq::{CaseOutcome, Hq, HqError, ImportError, ReviewReason};
use dalil_l10n::{Arg, Localizer};
use dalil_transfer::{DirectorateIdentity, Refusal};

/// The directorate's side of Dalil: import officers' transfer bundles into PostgreSQL.
#[derive(Debug, Parser)]
#[command(name = "dalil-hq", version)]
struct Cli {
    /// The database, as a libpq connection string [env: DALIL_HQ_DB].
    #[arg(long, global = true, value_name = "CONNINFO")]
    db: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Make the directorate's key pair: the secret key stays here, the public key goes into
    /// every officer's configuration.
    Keygen {
        /// Where to write the secret key (refused if the file exists).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Where to write the public key (else it is printed).
        #[arg(long, value_name = "FILE")]
        public: Option<PathBuf>,
    },
    /// Register an officer's computer by its key (`dalil device` prints it).
    #[command(subcommand)]
    Device(DeviceCommand),
    /// The registered computers, with what each sent.
    Devices {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Import transfer bundles. Each is checked whole and imported in one transaction, or
    /// refused and nothing changes.
    Import {
        /// The directorate's secret key.
        #[arg(long, value_name = "FILE")]
        identity: PathBuf,
        /// The bundles.
        #[arg(required = true, num_args = 1.., value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Print JSON, one object per bundle.
        #[arg(long)]
        json: bool,
    },
    /// The cases received, those needing review first.
    Cases {
        /// Only the cases that need review.
        #[arg(long)]
        needs_review: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// One case: each computer's versions, notes and audit entries.
    Show {
        /// The case's reference.
        reference: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Which computer sent which bundle, and when.
    Report {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum DeviceCommand {
    /// Accept bundles signed by this key.
    Add {
        /// The computer's key, 64 hexadecimal digits.
        key: String,
        /// Who and where, for example the officer's name and unit.
        #[arg(long)]
        label: String,
    },
    /// Stop accepting bundles signed by this key (a lost or retired computer). What it sent
    /// before is kept.
    Revoke {
        /// The computer's key, 64 hexadecimal digits.
        key: String,
    },
}

/// A failure in the user's words.
struct Failure(String);

fn main() -> ExitCode {
    let l10n = Localizer::with_digits(dalil_l10n::message_lang(), dalil_l10n::message_digits());
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    match run(cli, &l10n, &mut out) {
        Ok(code) => ExitCode::from(code),
        Err(Failure(message)) => {
            eprintln!("dalil-hq: {}", dalil_l10n::strip_isolation(&message));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli, l10n: &Localizer, out: &mut dyn Write) -> Result<u8, Failure> {
    let say = |out: &mut dyn Write, text: String| -> Result<(), Failure> {
        writeln!(out, "{}", dalil_l10n::strip_isolation(&text)).map_err(|e| {
            Failure(l10n.format("cli-write-failed", &[("reason", Arg::Str(&e.to_string()))]))
        })
    };
    let json = |out: &mut dyn Write, value: &dyn erased::Json| -> Result<(), Failure> {
        say(out, value.to_json())
    };
    match cli.command {
        Command::Keygen { out: file, public } => {
            let id = DirectorateIdentity::generate();
            write_new(&file, id.to_file_text().as_bytes(), 0o600, l10n)?;
            let public_text = dalil_transfer::key_file_text(&id.public());
            match public {
                Some(p) => write_new(&p, public_text.as_bytes(), 0o644, l10n)?,
                None => say(out, public_text.trim_end().to_owned())?,
            }
            say(
                out,
                l10n.format(
                    "hq-keygen-done",
                    &[("path", Arg::Str(&file.to_string_lossy()))],
                ),
            )?;
            Ok(0)
        }
        Command::Device(DeviceCommand::Add { key, label }) => {
            let mut hq = connect(cli.db.as_deref(), l10n)?;
            hq.register_device(&key, &label)
                .map_err(|e| hq_failure(&e, l10n))?;
            say(
                out,
                l10n.format("hq-device-added", &[("label", Arg::Str(label.trim()))]),
            )?;
            Ok(0)
        }
        Command::Device(DeviceCommand::Revoke { key }) => {
            let mut hq = connect(cli.db.as_deref(), l10n)?;
            if !hq.revoke_device(&key).map_err(|e| hq_failure(&e, l10n))? {
                return Err(Failure(l10n.get("hq-device-not-revocable")));
            }
            say(out, l10n.get("hq-device-revoked"))?;
            Ok(0)
        }
        Command::Devices { json: as_json } => {
            let mut hq = connect(cli.db.as_deref(), l10n)?;
            let devices = hq.devices().map_err(|e| hq_failure(&e, l10n))?;
            if as_json {
                return json(out, &devices).map(|()| 0);
            }
            if devices.is_empty() {
                say(out, l10n.get("hq-devices-none"))?;
            }
            for d in &devices {
                say(
                    out,
                    l10n.format(
                        "hq-device-row",
                        &[
                            ("label", Arg::Str(&d.label)),
                            ("key", Arg::Str(&d.key)),
                            ("bundles", Arg::Num(d.bundles as f64)),
                            ("cases", Arg::Num(d.cases as f64)),
                            ("last", Arg::Str(d.last_import.as_deref().unwrap_or("-"))),
                        ],
                    ),
                )?;
                if let Some(at) = &d.revoked_at {
                    say(
                        out,
                        format!(
                            "  {}",
                            l10n.format("hq-device-row-revoked", &[("at", Arg::Str(at))])
                        ),
                    )?;
                }
            }
            Ok(0)
        }
        Command::Import {
            identity,
            files,
            json: as_json,
        } => {
            let text = std::fs::read_to_string(&identity).map_err(|e| {
                Failure(l10n.format(
                    "hq-identity-unreadable",
                    &[
                        ("path", Arg::Str(&identity.to_string_lossy())),
                        ("reason", Arg::Str(&e.to_string())),
                    ],
                ))
            })?;
            let identity = DirectorateIdentity::parse(&text)
                .map_err(|_| Failure(l10n.get("hq-identity-invalid")))?;
            let mut hq = connect(cli.db.as_deref(), l10n)?;
            let mut refused = false;
            for file in &files {
                let name = file.to_string_lossy();
                let result = match std::fs::read(file) {
                    Ok(bytes) => hq.import(&bytes, &identity),
                    Err(e) => {
                        refused = true;
                        say(
                            out,
                            l10n.format(
                                "hq-import-unreadable",
                                &[
                                    ("file", Arg::Str(&name)),
                                    ("reason", Arg::Str(&e.to_string())),
                                ],
                            ),
                        )?;
                        continue;
                    }
                };
                if as_json {
                    let value = match &result {
                        Ok(imported) => serde_json::json!({
                            "file": name, "outcome": "imported", "device": imported.device,
                            "cases": imported.cases.iter().map(|(r, o)| serde_json::json!({"reference": r, "outcome": o})).collect::<Vec<_>>(),
                        }),
                        Err(e) => serde_json::json!({
                            "file": name, "outcome": e.code(),
                            "message": dalil_l10n::strip_isolation(&import_message(e, l10n)),
                        }),
                    };
                    say(out, value.to_string())?;
                } else {
                    match &result {
                        Ok(imported) => {
                            say(
                                out,
                                l10n.format(
                                    "hq-imported",
                                    &[
                                        ("file", Arg::Str(&name)),
                                        ("device", Arg::Str(&imported.device)),
                                    ],
                                ),
                            )?;
                            for (reference, outcome) in &imported.cases {
                                say(
                                    out,
                                    format!("  {}", outcome_words(reference, *outcome, l10n)),
                                )?;
                            }
                        }
                        Err(e) => say(
                            out,
                            l10n.format(
                                "hq-import-not-imported",
                                &[
                                    ("file", Arg::Str(&name)),
                                    ("reason", Arg::Str(&import_message(e, l10n))),
                                ],
                            ),
                        )?,
                    }
                }
                if let Err(e) = &result {
                    if !matches!(
                        e,
                        ImportError::AlreadyImported { .. } | ImportError::NothingNew
                    ) {
                        refused = true;
                    }
                }
            }
            Ok(u8::from(refused))
        }
        Command::Cases {
            needs_review,
            json: as_json,
        } => {
            let mut hq = connect(cli.db.as_deref(), l10n)?;
            let cases = hq.cases(needs_review).map_err(|e| hq_failure(&e, l10n))?;
            if as_json {
                return json(out, &cases).map(|()| 0);
            }
            if cases.is_empty() {
                say(out, l10n.get("hq-cases-none"))?;
            }
            for c in &cases {
                let review = review_words(&c.review, l10n);
                say(
                    out,
                    l10n.format(
                        "hq-case-row",
                        &[
                            ("reference", Arg::Str(&c.reference)),
                            ("devices", Arg::Num(c.devices as f64)),
                            ("versions", Arg::Num(c.versions as f64)),
                            ("review", Arg::Str(&review)),
                        ],
                    ),
                )?;
            }
            Ok(0)
        }
        Command::Show {
            reference,
            json: as_json,
        } => {
            let mut hq = connect(cli.db.as_deref(), l10n)?;
            let Some(case) = hq.show(&reference).map_err(|e| hq_failure(&e, l10n))? else {
                return Err(Failure(l10n.get("hq-case-not-found")));
            };
            if as_json {
                return json(out, &case).map(|()| 0);
            }
            say(
                out,
                l10n.format("hq-show-head", &[("reference", Arg::Str(&case.reference))]),
            )?;
            if !case.review.is_empty() {
                say(
                    out,
                    l10n.format(
                        "hq-show-review",
                        &[("review", Arg::Str(&review_words(&case.review, l10n)))],
                    ),
                )?;
            }
            for s in &case.streams {
                say(
                    out,
                    l10n.format(
                        "hq-show-stream",
                        &[
                            ("device", Arg::Str(&s.device)),
                            ("versions", Arg::Num(s.versions.len() as f64)),
                            ("entries", Arg::Num(s.audit_entries as f64)),
                        ],
                    ),
                )?;
                if let Some(v) = s.versions.last() {
                    say(
                        out,
                        l10n.format(
                            "hq-show-latest",
                            &[
                                ("title", Arg::Str(&v.title)),
                                ("status", Arg::Str(&v.status)),
                                ("edition", Arg::Str(&v.sop_edition)),
                                ("imported", Arg::Str(&v.imported_at)),
                            ],
                        ),
                    )?;
                }
                for n in &s.notes {
                    for r in &n.revisions {
                        let body = r
                            .body
                            .clone()
                            .unwrap_or_else(|| l10n.get("hq-show-deleted"));
                        say(
                            out,
                            format!("    #{}.{} {}: {}", n.note, r.revision, r.created_at, body),
                        )?;
                    }
                }
            }
            Ok(0)
        }
        Command::Report { json: as_json } => {
            let mut hq = connect(cli.db.as_deref(), l10n)?;
            let bundles = hq.bundles().map_err(|e| hq_failure(&e, l10n))?;
            if as_json {
                return json(out, &bundles).map(|()| 0);
            }
            if bundles.is_empty() {
                say(out, l10n.get("hq-report-none"))?;
            }
            for b in &bundles {
                say(
                    out,
                    l10n.format(
                        "hq-report-row",
                        &[
                            ("imported", Arg::Str(&b.imported_at)),
                            ("device", Arg::Str(&b.device)),
                            ("made", Arg::Str(&b.made_at)),
                            ("count", Arg::Num(b.cases.len() as f64)),
                            ("cases", Arg::Str(&b.cases.join(", "))),
                        ],
                    ),
                )?;
            }
            Ok(0)
        }
    }
}

/// JSON for any serializable view.
mod erased {
    pub trait Json {
        fn to_json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> String {
            serde_json::to_string_pretty(self).unwrap_or_default()
        }
    }
}

fn connect(db: Option<&str>, l10n: &Localizer) -> Result<Hq, Failure> {
    let conninfo = match db {
        Some(db) => db.to_owned(),
        None => std::env::var("DALIL_HQ_DB")
            .ok()
            .filter(|v| !v.is_empty())
            .ok_or_else(|| Failure(l10n.get("hq-no-db")))?,
    };
    Hq::connect(&conninfo).map_err(|e| hq_failure(&e, l10n))
}

fn hq_failure(e: &HqError, l10n: &Localizer) -> Failure {
    Failure(match e {
        HqError::Db(e) => l10n.format("hq-db-failed", &[("reason", Arg::Str(&db_reason(e)))]),
        HqError::BadDeviceKey => l10n.get("hq-device-bad-key"),
        HqError::DeviceExists => l10n.get("hq-device-exists"),
        HqError::EmptyLabel => l10n.get("hq-device-label-required"),
    })
}

/// PostgreSQL's own words for an error (the client's `Display` says only "db error").
fn db_reason(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_owned(),
        None => e.to_string(),
    }
}

fn write_new(path: &Path, bytes: &[u8], mode: u32, l10n: &Localizer) -> Result<(), Failure> {
    use std::os::unix::fs::OpenOptionsExt;
    let failed = |e: std::io::Error| {
        Failure(l10n.format(
            "cli-write-failed",
            &[("reason", Arg::Str(&format!("{}: {e}", path.display())))],
        ))
    };
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
        .map_err(failed)?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(failed)
}

fn import_message(e: &ImportError, l10n: &Localizer) -> String {
    match e {
        ImportError::Refused(r) => refusal_message(r, l10n),
        ImportError::AlreadyImported { at } => l10n.format(
            "hq-refused-already-imported",
            &[(
                "at",
                Arg::Str(
                    &at.format(&time::format_description::well_known::Rfc3339)
                        .unwrap_or_default(),
                ),
            )],
        ),
        ImportError::UnknownDevice { key } => {
            l10n.format("hq-refused-unknown-device", &[("key", Arg::Str(key))])
        }
        ImportError::RevokedDevice { at } => l10n.format(
            "hq-refused-revoked-device",
            &[(
                "at",
                Arg::Str(
                    &at.format(&time::format_description::well_known::Rfc3339)
                        .unwrap_or_default(),
                ),
            )],
        ),
        ImportError::Replayed => l10n.get("hq-refused-replayed"),
        ImportError::NothingNew => l10n.get("hq-refused-nothing-new"),
        ImportError::Db(e) => l10n.format("hq-db-failed", &[("reason", Arg::Str(&db_reason(e)))]),
        ImportError::Internal(what) => l10n.format("hq-db-failed", &[("reason", Arg::Str(what))]),
    }
}

fn refusal_message(r: &Refusal, l10n: &Localizer) -> String {
    match r {
        Refusal::NotATransfer => l10n.get("hq-refused-not-a-transfer"),
        Refusal::Truncated { have, want } => l10n.format(
            "hq-refused-truncated",
            &[
                ("have", Arg::Num(*have as f64)),
                ("want", Arg::Num(*want as f64)),
            ],
        ),
        Refusal::Changed => l10n.get("hq-refused-changed"),
        Refusal::OtherKey => l10n.get("hq-refused-other-key"),
        Refusal::Undecryptable => l10n.get("hq-refused-undecryptable"),
        Refusal::Malformed { .. } => l10n.get("hq-refused-malformed"),
        Refusal::BadSignature => l10n.get("hq-refused-bad-signature"),
        Refusal::ManifestLies { .. } => l10n.get("hq-refused-manifest-lies"),
        Refusal::CaseAltered { reference, .. } | Refusal::CaseUnreadable { reference, .. } => l10n
            .format(
                "hq-refused-case-altered",
                &[("reference", Arg::Str(reference))],
            ),
        _ => l10n.format("hq-refused-other", &[("code", Arg::Str(r.code()))]),
    }
}

fn outcome_words(reference: &str, outcome: CaseOutcome, l10n: &Localizer) -> String {
    let id = match outcome {
        CaseOutcome::New => "hq-case-new",
        CaseOutcome::Updated => "hq-case-updated",
        CaseOutcome::Diverged => "hq-case-diverged",
        CaseOutcome::Unchanged => "hq-case-unchanged",
        CaseOutcome::Older => "hq-case-older",
    };
    l10n.format(id, &[("reference", Arg::Str(reference))])
}

fn review_words(reasons: &[ReviewReason], l10n: &Localizer) -> String {
    if reasons.is_empty() {
        return l10n.get("hq-review-none");
    }
    reasons
        .iter()
        .map(|r| {
            l10n.get(match r {
                ReviewReason::SeveralSources => "hq-review-several-sources",
                ReviewReason::Diverged => "hq-review-diverged",
                ReviewReason::ChainBroken => "hq-review-chain-broken",
            })
        })
        .collect::<Vec<_>>()
        .join(l10n.get("hq-list-separator").as_str())
}
