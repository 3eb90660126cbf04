//! `dalil transfer export` and `dalil device`: the cases for the directorate, in one
//! encrypted, signed file for a USB stick, and this computer's key, which the directorate
//! registers so that it knows where a bundle came from.
//!
//! The directorate's key is the data folder's `directorate.pub` if there is one, else the one
//! built in (`config/directorate.pub`); `dalil-case` makes and records the bundle.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use dalil_l10n::{Arg, Localizer};
use dalil_store::StoreError;
use time::OffsetDateTime;

use crate::Failure;
use crate::cases::{self, Env, Problem, StoreArgs};

/// `dalil transfer`.
#[derive(Debug, Subcommand)]
pub(crate) enum TransferCommand {
    /// Write cases into one file for the directorate: encrypted to its key, signed with this
    /// computer's, with every note revision and audit entry.
    Export(ExportArgs),
}

/// `dalil transfer export`.
#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The cases: references or internal ids.
    #[arg(required = true, num_args = 1.., value_name = "CASE")]
    cases: Vec<String>,
    /// The file to write, for example on the USB stick.
    #[arg(long, value_name = "FILE")]
    to: PathBuf,
}

/// `dalil device`.
#[derive(Debug, Args)]
pub(crate) struct DeviceArgs {
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Runs `dalil transfer …`.
pub(crate) fn transfer(
    command: TransferCommand,
    store_args: &StoreArgs,
    content: Option<&PathBuf>,
    l10n: &Localizer,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Failure> {
    let TransferCommand::Export(args) = command;
    cases::run_with(store_args, content, l10n, out, err, |env| {
        export_in(&args, env)
    })
}

fn export_in(args: &ExportArgs, env: &mut Env<'_>) -> Result<u8, Problem> {
    let l10n = env.l10n;
    let key = directorate_key(env)?;
    let (mut store, _) = env.open_existing()?;
    let mut ids = Vec::with_capacity(args.cases.len());
    for given in &args.cases {
        ids.push(cases::resolve_case(env, &store, given)?);
    }
    let generator = format!("dalil {}", env!("CARGO_PKG_VERSION"));
    let export =
        dalil_case::transfer::transfer(&store, &ids, &key, &generator, OffsetDateTime::now_utc())
            .map_err(|e| env.case_fail(&e))?;
    if export.chain_broken {
        env.remark(&l10n.get("report-cli-chain-broken"))?;
    }
    dalil_store::write_file_atomic(&args.to, &export.bytes).map_err(|e| match e {
        StoreError::DiskFull => env.fail(&e),
        e => {
            Problem::input(l10n.format("cli-write-failed", &[("reason", Arg::Str(&e.to_string()))]))
        }
    })?;
    // The history of each case records what left and its SHA-256, once the file is there. As
    // in the app, a file the history cannot record (a full disk under the case file) stays,
    // and the officer is told so before the reason (issue #18).
    if let Err(e) = dalil_case::transfer::record_transfer(&mut store, &export) {
        env.remark(&l10n.get("report-cli-not-recorded"))?;
        return Err(env.case_fail(&e));
    }
    env.close(store)?;
    env.remark(&l10n.format(
        "transfer-cli-written",
        &[
            ("count", Arg::Num(export.cases.len() as f64)),
            ("path", Arg::Str(&args.to.to_string_lossy())),
        ],
    ))?;
    Ok(0)
}

/// The directorate's key: the data folder's file if there is one, else the built-in key.
fn directorate_key(env: &Env<'_>) -> Result<dalil_transfer::DirectorateKey, Problem> {
    let l10n = env.l10n;
    let file = env.data_dir()?.join(dalil_case::transfer::KEY_FILE_NAME);
    let installed = read_optional(&file).map_err(|e| {
        Problem::input(l10n.format(
            "transfer-key-unreadable",
            &[
                ("path", Arg::Str(&file.to_string_lossy())),
                ("reason", Arg::Str(&e.to_string())),
            ],
        ))
    })?;
    dalil_case::transfer::directorate_key(installed.as_deref()).map_err(|e| env.case_fail(&e))
}

fn read_optional(path: &Path) -> std::io::Result<Option<String>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Runs `dalil device`: this computer's public key, for the directorate to register.
pub(crate) fn device(
    args: DeviceArgs,
    store_args: &StoreArgs,
    content: Option<&PathBuf>,
    l10n: &Localizer,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Failure> {
    cases::run_with(store_args, content, l10n, out, err, |env| {
        let (store, _) = env.open_existing()?;
        let id = dalil_case::transfer::device_id(&store).map_err(|e| env.case_fail(&e))?;
        env.close(store)?;
        if args.json {
            env.json(&serde_json::json!({ "device": id }))?;
        } else {
            env.line(
                &env.l10n
                    .format("transfer-cli-device", &[("key", Arg::Str(&id))]),
            )?;
        }
        Ok(0)
    })
}
