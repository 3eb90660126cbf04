//! `dalil export` and `dalil verify`: a case report or a case bundle out of the case file,
//! and the check of a bundle.
//!
//! This module does the IO: it opens the store, has `dalil-case` make the report or the
//! bundle, and writes it. Opening the store, finding the case and wording store errors are shared with the
//! other store commands (`cases`).
//!
//! Exit codes of `dalil verify`: 0 the bundle is intact, 1 it was altered, 2 it cannot be
//! read (not a bundle, an unknown version, or no such file).

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use dalil_content::Lang;
use dalil_l10n::{Arg, Localizer};
use dalil_report::Verdict;
use dalil_store::StoreError;
use time::OffsetDateTime;

use crate::Failure;
use crate::cases::{self, Env, Problem, StoreArgs};

/// `dalil export`.
#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The case: its reference, or its internal id.
    case: String,
    /// What to write: a printable report, or a bundle for handing the case over.
    #[arg(long, value_enum)]
    format: Format,
    /// The language of the report (ignored for a bundle).
    #[arg(long, value_enum, default_value = "ar")]
    lang: ReportLang,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

/// `dalil verify`.
#[derive(Debug, Args)]
pub(crate) struct VerifyArgs {
    /// The bundle to check.
    file: PathBuf,
}

/// What `dalil export` writes.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// One self-contained HTML file that prints on A4.
    Html,
    /// A checksummed JSON file with the case, its facts, steps, notes and audit entries.
    Bundle,
}

/// The language of a report.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum ReportLang {
    /// Arabic.
    Ar,
    /// English.
    En,
    /// Arabic and English side by side.
    Both,
}

impl ReportLang {
    fn langs(self) -> &'static [Lang] {
        match self {
            ReportLang::Ar => &[Lang::Ar],
            ReportLang::En => &[Lang::En],
            ReportLang::Both => &[Lang::Ar, Lang::En],
        }
    }
}

/// Runs `dalil export`.
pub(crate) fn export(
    args: ExportArgs,
    store_args: &StoreArgs,
    content: Option<&PathBuf>,
    l10n: &Localizer,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Failure> {
    cases::run_with(store_args, content, l10n, out, err, |env| {
        export_in(&args, env)
    })
}

fn export_in(args: &ExportArgs, env: &mut Env<'_>) -> Result<u8, Problem> {
    let sop = env.sop()?;
    let (mut store, _) = env.open_existing()?;
    let id = cases::resolve_case(env, &store, &args.case)?;
    let format = match args.format {
        Format::Html => dalil_case::Format::Report(args.lang.langs()),
        Format::Bundle => dalil_case::Format::Bundle,
    };
    let generator = format!("dalil {}", env!("CARGO_PKG_VERSION"));
    let export = dalil_case::export(
        &store,
        &sop,
        id,
        format,
        &generator,
        OffsetDateTime::now_utc(),
        env.l10n.arabic_digits(),
    )
    .map_err(|e| env.fail(&e))?;
    let l10n = env.l10n;
    if export.chain_broken {
        env.remark(&l10n.get("report-cli-chain-broken"))?;
    }
    let written = match &args.output {
        None => {
            env.write_out(&export.bytes)?;
            None
        }
        Some(path) => {
            dalil_store::write_file_atomic(path, &export.bytes).map_err(|e| match e {
                // The store's wording of a full disk fits any file; its other messages speak
                // of the case file, so they are not used for the export's target.
                StoreError::DiskFull => env.fail(&e),
                e => Problem::input(
                    l10n.format("cli-write-failed", &[("reason", Arg::Str(&e.to_string()))]),
                ),
            })?;
            Some(path)
        }
    };
    if let Some(path) = written {
        env.remark(&l10n.format(
            "report-cli-written",
            &[("path", Arg::Str(&path.to_string_lossy()))],
        ))?;
    }
    // The case's history records what left and its SHA-256, as the app's export does. As in
    // the app, a file the history cannot record (a full disk under the case file) stays, and
    // the officer is told so before the reason (issue #18).
    if let Err(e) = dalil_case::record_export(&mut store, id, &export) {
        if written.is_some() {
            env.remark(&l10n.get("report-cli-not-recorded"))?;
        }
        return Err(env.fail(&e));
    }
    env.close(store)?;
    Ok(0)
}

/// Runs `dalil verify`: 0 intact, 1 altered (each finding on its own line), 2 unreadable.
pub(crate) fn verify(
    args: VerifyArgs,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let bytes = std::fs::read(&args.file).map_err(|e| {
        Failure(l10n.format(
            "bundle-unreadable-io",
            &[("reason", Arg::Str(&e.to_string()))],
        ))
    })?;
    let write_failed = |e: std::io::Error| {
        Failure(l10n.format("cli-write-failed", &[("reason", Arg::Str(&e.to_string()))]))
    };
    let plain = |s: String| dalil_l10n::strip_isolation(&s);
    match dalil_report::verify_bundle(&bytes) {
        Err(e) => Err(Failure(dalil_report::verify::describe_unreadable(&e, l10n))),
        Ok(Verdict::Intact { summary, .. }) => {
            let text = plain(dalil_report::verify::describe_intact(&summary, l10n));
            writeln!(out, "{text}").map_err(write_failed)?;
            Ok(0)
        }
        Ok(Verdict::Altered(findings)) => {
            writeln!(out, "{}", plain(l10n.get("bundle-verify-altered"))).map_err(write_failed)?;
            for f in &findings {
                let text = plain(dalil_report::verify::describe(f, l10n));
                writeln!(out, "  - {text}").map_err(write_failed)?;
            }
            Ok(1)
        }
    }
}
