//! `dalil sop`: SOP editions for the directorate's staff and for officers.
//!
//! - `keygen` makes a signing key pair; `pack` signs a validated content tree into an update
//!   package (`dalil-update`); a tree that does not validate is never packed.
//! - `install` checks a package (a trusted signature, every byte, a newer edition) and keeps
//!   it in the data folder's `sop/`, beside the others: the newest that still verifies is
//!   the SOP every command reads, the built-in one the fallback.
//! - `diff` says what changed between two editions, by step id (`dalil_content::diff`).
//! - `editions` lists the built-in edition and the installed ones.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use dalil_content::diff::{Presence, SopDiff, Span, SpanChange, StepDiff};
use dalil_content::{Files, Lang, Sop};
use dalil_l10n::{Arg, Localizer};
use zeroize::Zeroizing;

use crate::Failure;

use dalil_editions::{Editions, InstallError, Source};

/// `dalil sop`.
#[derive(Debug, Subcommand)]
pub(crate) enum SopCommand {
    /// Make a key pair for signing editions: the secret key to FILE, the public key printed.
    Keygen {
        /// Where to write the secret key (refused if the file exists).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Sign a content tree into an update package. It must validate with no errors.
    Pack(PackArgs),
    /// Install an update package: it must be signed by a trusted key and be a newer edition.
    Install {
        /// The package.
        file: PathBuf,
    },
    /// What changed from one edition to another, by step id.
    Diff(DiffArgs),
    /// The built-in edition and the installed ones, and which one is read.
    Editions {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `dalil sop pack`.
#[derive(Debug, Args)]
pub(crate) struct PackArgs {
    /// The content tree, like `sop-content`.
    dir: PathBuf,
    /// The secret key (`dalil sop keygen`).
    #[arg(long, value_name = "FILE")]
    key: PathBuf,
    /// Where to write the package.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

/// `dalil sop diff`.
#[derive(Debug, Args)]
pub(crate) struct DiffArgs {
    /// The older edition: a content folder, a package, or `installed` for the SOP now read.
    old: PathBuf,
    /// The newer edition, likewise.
    new: PathBuf,
    /// The language of the titles and guidance shown.
    #[arg(long, default_value = "ar")]
    lang: Lang,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

fn say(out: &mut dyn Write, l10n: &Localizer, text: &str) -> Result<(), Failure> {
    writeln!(out, "{}", dalil_l10n::strip_isolation(text)).map_err(|e| {
        Failure(l10n.format("cli-write-failed", &[("reason", Arg::Str(&e.to_string()))]))
    })
}

/// Runs `dalil sop …`.
pub(crate) fn run(
    command: SopCommand,
    data_dir: Option<&Path>,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    match command {
        SopCommand::Keygen { out: file } => {
            let mut secret = Zeroizing::new([0u8; 32]);
            openssl::rand::rand_bytes(secret.as_mut_slice())
                .map_err(|_| Failure(l10n.get("sop-keygen-failed")))?;
            let key = dalil_update::signing_key(&secret);
            let text = Zeroizing::new(format!(
                "# A secret key for signing Dalil SOP editions. Keep it offline.\n{}\n",
                hex::encode(secret.as_slice())
            ));
            write_new(&file, text.as_bytes(), 0o600, l10n)?;
            say(out, l10n, &hex::encode(key.verifying_key().as_bytes()))?;
            say(
                out,
                l10n,
                &l10n.format(
                    "sop-keygen-done",
                    &[("path", Arg::Str(&file.to_string_lossy()))],
                ),
            )?;
            Ok(0)
        }
        SopCommand::Pack(args) => {
            let text = Zeroizing::new(std::fs::read_to_string(&args.key).map_err(|e| {
                Failure(l10n.format(
                    "sop-key-unreadable",
                    &[("reason", Arg::Str(&e.to_string()))],
                ))
            })?);
            let secret: Zeroizing<[u8; 32]> = text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.starts_with('#'))
                .and_then(|l| hex::decode(l).ok())
                .and_then(|b| <[u8; 32]>::try_from(b).ok())
                .map(Zeroizing::new)
                .ok_or_else(|| Failure(l10n.get("sop-key-invalid")))?;
            let files = crate::files(Some(&args.dir), l10n)?;
            let package =
                dalil_update::pack(&files, &dalil_update::signing_key(&secret)).map_err(|e| {
                    Failure(match e {
                        dalil_update::PackError::Invalid(n) => l10n
                            .format("cli-content-has-problems", &[("count", Arg::Num(n as f64))]),
                        dalil_update::PackError::BadVersion(v) => {
                            l10n.format("sop-pack-bad-version", &[("version", Arg::Str(&v))])
                        }
                    })
                })?;
            dalil_store::write_file_atomic(&args.out, &package).map_err(|e| {
                Failure(l10n.format("cli-write-failed", &[("reason", Arg::Str(&e.to_string()))]))
            })?;
            let sop = dalil_content::load(&files).0;
            say(
                out,
                l10n,
                &l10n.format(
                    "sop-packed",
                    &[
                        ("version", Arg::Str(&sop.manifest.version)),
                        ("path", Arg::Str(&args.out.to_string_lossy())),
                    ],
                ),
            )?;
            Ok(0)
        }
        SopCommand::Install { file } => {
            let bytes = std::fs::read(&file).map_err(|e| {
                Failure(l10n.format(
                    "sop-package-unreadable",
                    &[("reason", Arg::Str(&e.to_string()))],
                ))
            })?;
            let dir = data_dir_or_default(data_dir, l10n)?;
            let installed = Editions::new(&dir).install(&bytes).map_err(|e| {
                Failure(match e {
                    InstallError::Refused(r) => refusal_message(&r, l10n),
                    InstallError::Write(e) => crate::cases::store_problem(l10n, &e).message_text(),
                    _ => l10n.get("sop-refused-not-a-package"),
                })
            })?;
            say(
                out,
                l10n,
                &l10n.format(
                    "sop-installed",
                    &[
                        ("version", Arg::Str(&installed.version)),
                        ("date", Arg::Str(&installed.date)),
                        ("old", Arg::Str(&installed.old)),
                    ],
                ),
            )?;
            Ok(0)
        }
        SopCommand::Editions { json } => {
            let dir = data_dir_or_default(data_dir, l10n)?;
            let rows = Editions::new(&dir).list();
            if json {
                say(
                    out,
                    l10n,
                    &serde_json::to_string_pretty(&rows).unwrap_or_default(),
                )?;
                return Ok(0);
            }
            for row in &rows {
                let id = match row.source {
                    Source::BuiltIn => "sop-edition-built-in",
                    Source::Installed => "sop-edition-installed",
                    Source::Unverified => "sop-edition-unverified",
                };
                let mark = if row.read { "*" } else { " " };
                let args = [
                    ("version", Arg::Str(&row.version)),
                    ("date", Arg::Str(&row.date)),
                ];
                say(out, l10n, &format!("{mark} {}", l10n.format(id, &args)))?;
            }
            Ok(0)
        }
        SopCommand::Diff(args) => {
            let old = edition(&args.old, data_dir, l10n)?;
            let new = edition(&args.new, data_dir, l10n)?;
            let diff = dalil_content::diff::diff(&old, &new);
            if args.json {
                say(
                    out,
                    l10n,
                    &serde_json::to_string_pretty(&diff).unwrap_or_default(),
                )?;
            } else {
                for line in diff_lines(&diff, &old, &new, args.lang, l10n) {
                    say(out, l10n, &line)?;
                }
            }
            Ok(0)
        }
    }
}

fn data_dir_or_default(data_dir: Option<&Path>, l10n: &Localizer) -> Result<PathBuf, Failure> {
    match data_dir {
        Some(d) => Ok(d.to_owned()),
        None => dalil_store::default_data_dir()
            .map_err(|e| Failure(crate::cases::store_problem(l10n, &e).message_text())),
    }
}

/// The SOP of a case's edition, if this computer has it: built in, or an installed package
/// that still verifies.
pub(crate) fn edition_sop(edition: &dalil_store::Edition, data_dir: Option<&Path>) -> Option<Sop> {
    let dir = match data_dir {
        Some(d) => d.to_owned(),
        None => dalil_store::default_data_dir().ok()?,
    };
    let files = Editions::new(&dir).find(edition)?;
    let (sop, diagnostics) = dalil_content::load(&files);
    (dalil_content::error_count(&diagnostics) == 0).then_some(sop)
}

/// The SOP read now from this data folder: the newest verified edition.
fn current(data_dir: &Path) -> Sop {
    dalil_content::load(&Editions::new(data_dir).current()).0
}

/// One side of a diff: a folder, a package (checked: a trusted signature and every byte), or
/// `installed`, the SOP read now.
fn edition(path: &Path, data_dir: Option<&Path>, l10n: &Localizer) -> Result<Sop, Failure> {
    if path.as_os_str() == "installed" {
        return Ok(current(&data_dir_or_default(data_dir, l10n)?));
    }
    let files: Files = if path.is_dir() {
        crate::files(Some(&path.to_path_buf()), l10n)?
    } else {
        let bytes = std::fs::read(path).map_err(|e| {
            Failure(l10n.format(
                "sop-package-unreadable",
                &[("reason", Arg::Str(&e.to_string()))],
            ))
        })?;
        dalil_update::verify(&bytes, &dalil_update::trusted_keys())
            .map_err(|r| Failure(refusal_message(&r, l10n)))?
            .files
    };
    let (sop, diagnostics) = dalil_content::load(&files);
    let errors = dalil_content::error_count(&diagnostics);
    if errors > 0 {
        return Err(Failure(l10n.format(
            "cli-content-has-problems",
            &[("count", Arg::Num(errors as f64))],
        )));
    }
    Ok(sop)
}

pub(crate) fn refusal_message(r: &dalil_update::Refusal, l10n: &Localizer) -> String {
    use dalil_update::Refusal as R;
    match r {
        R::NotAPackage => l10n.get("sop-refused-not-a-package"),
        R::Unsigned => l10n.get("sop-refused-unsigned"),
        R::UntrustedSignature => l10n.get("sop-refused-untrusted"),
        R::Tampered => l10n.get("sop-refused-tampered"),
        R::OtherSop(id) => l10n.format("sop-refused-other-sop", &[("sop", Arg::Str(id))]),
        R::Older { package, installed } => l10n.format(
            "sop-refused-older",
            &[
                ("version", Arg::Str(package)),
                ("installed", Arg::Str(installed)),
            ],
        ),
        R::AlreadyInstalled(v) => l10n.format("sop-refused-already", &[("version", Arg::Str(v))]),
        R::Invalid(n) => l10n.format("sop-refused-invalid", &[("count", Arg::Num(*n as f64))]),
        _ => l10n.get("sop-refused-not-a-package"),
    }
}

fn step_title(sop: &Sop, id: &str, lang: Lang) -> String {
    sop.step(id, lang)
        .map(|(_, s)| s.title.clone())
        .unwrap_or_default()
}

/// Guidance with the changed words marked as wdiff does, `[-removed-]` and `{+added+}`, and
/// only a few words of unchanged text around each change.
fn marked(spans: &[Span]) -> String {
    const CONTEXT: usize = 8;
    let mut parts: Vec<String> = Vec::new();
    let last = spans.len().saturating_sub(1);
    for (i, s) in spans.iter().enumerate() {
        let words: Vec<&str> = s.text.split_whitespace().collect();
        match s.change {
            SpanChange::Removed => parts.push(format!("[-{}-]", words.join(" "))),
            SpanChange::Added => parts.push(format!("{{+{}+}}", words.join(" "))),
            SpanChange::Same => {
                let n = words.len();
                let (head, tail) = (i > 0, i < last);
                if head && tail && n > 2 * CONTEXT {
                    parts.push(format!(
                        "{} … {}",
                        words[..CONTEXT].join(" "),
                        words[n - CONTEXT..].join(" ")
                    ));
                } else if !head && n > CONTEXT {
                    parts.push(format!("… {}", words[n - CONTEXT..].join(" ")));
                } else if !tail && head && n > CONTEXT {
                    parts.push(format!("{} …", words[..CONTEXT].join(" ")));
                } else if !words.is_empty() {
                    parts.push(words.join(" "));
                }
            }
        }
    }
    parts.join(" ")
}

/// The diff in words, one line at a time, in the user's language.
fn diff_lines(diff: &SopDiff, old: &Sop, new: &Sop, lang: Lang, l10n: &Localizer) -> Vec<String> {
    let mut lines = vec![l10n.format(
        "sop-diff-head",
        &[
            ("old", Arg::Str(&diff.old.version)),
            ("old_date", Arg::Str(&diff.old.date)),
            ("new", Arg::Str(&diff.new.version)),
            ("new_date", Arg::Str(&diff.new.date)),
        ],
    )];
    if diff.is_empty() {
        lines.push(l10n.get("sop-diff-none"));
        return lines;
    }
    let li = if lang == Lang::Ar { 0 } else { 1 };
    let group = |lines: &mut Vec<String>, head: &str, items: Vec<String>| {
        if !items.is_empty() {
            lines.push(String::new());
            lines.push(l10n.format(head, &[("count", Arg::Num(items.len() as f64))]));
            lines.extend(items);
        }
    };
    let of = |p: Presence| diff.steps.iter().filter(move |s| s.presence == p);
    let cond = |c: &Option<String>| c.clone().unwrap_or_else(|| l10n.get("sop-diff-every-case"));
    group(
        &mut lines,
        "sop-diff-added",
        of(Presence::Added)
            .map(|s| {
                let place = s
                    .new_place
                    .as_ref()
                    .map(|p| p.chapter.clone())
                    .unwrap_or_default();
                format!(
                    "  + {} {} [{place}; {}]",
                    s.id,
                    step_title(new, &s.id, lang),
                    cond(&s.condition.as_ref().and_then(|c| c.1.clone()))
                )
            })
            .collect(),
    );
    group(
        &mut lines,
        "sop-diff-removed",
        of(Presence::Removed)
            .map(|s| format!("  - {} {}", s.id, step_title(old, &s.id, lang)))
            .collect(),
    );
    let kept: Vec<&StepDiff> = of(Presence::Kept).collect();
    group(
        &mut lines,
        "sop-diff-moved",
        kept.iter()
            .filter(|s| s.moved)
            .map(|s| {
                let (o, n) = (s.old_place.as_ref(), s.new_place.as_ref());
                format!(
                    "  ~ {} {}: {} #{} → {} #{}",
                    s.id,
                    step_title(new, &s.id, lang),
                    o.map(|p| p.chapter.as_str()).unwrap_or_default(),
                    o.map_or(0, |p| p.position),
                    n.map(|p| p.chapter.as_str()).unwrap_or_default(),
                    n.map_or(0, |p| p.position)
                )
            })
            .collect(),
    );
    group(
        &mut lines,
        "sop-diff-condition",
        kept.iter()
            .filter_map(|s| {
                s.condition.as_ref().map(|(a, b)| {
                    format!(
                        "  ? {} {}: {} → {}",
                        s.id,
                        step_title(new, &s.id, lang),
                        cond(a),
                        cond(b)
                    )
                })
            })
            .collect(),
    );
    group(
        &mut lines,
        "sop-diff-advisory",
        kept.iter()
            .filter_map(|s| {
                s.advisory.map(|(_, now)| {
                    let word = l10n.get(if now {
                        "sop-diff-now-advisory"
                    } else {
                        "sop-diff-now-mandatory"
                    });
                    format!("  ! {} {}: {word}", s.id, step_title(new, &s.id, lang))
                })
            })
            .collect(),
    );
    group(
        &mut lines,
        "sop-diff-title",
        kept.iter()
            .filter_map(|s| {
                s.title
                    .as_ref()
                    .filter(|t| t[li].0 != t[li].1)
                    .map(|t| format!("  * {}: {} → {}", s.id, t[li].0, t[li].1))
            })
            .collect(),
    );
    group(
        &mut lines,
        "sop-diff-guidance",
        kept.iter()
            .filter_map(|s| {
                s.guidance
                    .as_ref()
                    .filter(|g| g[li].iter().any(|sp| sp.change != SpanChange::Same))
                    .map(|g| {
                        format!(
                            "  * {} {}\n      {}",
                            s.id,
                            step_title(new, &s.id, lang),
                            marked(&g[li])
                        )
                    })
            })
            .collect(),
    );
    let question = |sop: &Sop, id: &str| {
        sop.manifest
            .facts
            .iter()
            .find(|f| f.id == id)
            .map(|f| {
                if li == 0 {
                    f.question.ar.clone()
                } else {
                    f.question.en.clone()
                }
            })
            .unwrap_or_default()
    };
    group(
        &mut lines,
        "sop-diff-facts-added",
        diff.facts_added
            .iter()
            .map(|f| format!("  + {f} {}", question(new, f)))
            .collect(),
    );
    group(
        &mut lines,
        "sop-diff-facts-removed",
        diff.facts_removed
            .iter()
            .map(|f| format!("  - {f} {}", question(old, f)))
            .collect(),
    );
    group(
        &mut lines,
        "sop-diff-terms",
        diff.terms
            .iter()
            .map(|t| {
                let sign = match t.presence {
                    Presence::Added => '+',
                    Presence::Removed => '-',
                    Presence::Kept => '*',
                };
                let name = |n: &(String, String)| if li == 0 { n.0.clone() } else { n.1.clone() };
                let shown = if t.presence == Presence::Removed {
                    name(&t.name[0])
                } else {
                    name(&t.name[1])
                };
                let renamed =
                    if t.presence == Presence::Kept && name(&t.name[0]) != name(&t.name[1]) {
                        format!(" ({} → {})", name(&t.name[0]), name(&t.name[1]))
                    } else {
                        String::new()
                    };
                let defined = match &t.definition {
                    Some(d) if t.presence == Presence::Kept && name(&d[0]) != name(&d[1]) => {
                        format!(": {}", l10n.get("sop-diff-definition-changed"))
                    }
                    _ => String::new(),
                };
                format!("  {sign} {} {shown}{renamed}{defined}", t.id)
            })
            .collect(),
    );
    lines
}

pub(crate) fn write_new(
    path: &Path,
    bytes: &[u8],
    mode: u32,
    l10n: &Localizer,
) -> Result<(), Failure> {
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
