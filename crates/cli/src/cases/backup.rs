//! `dalil backup FILE` and `dalil restore FILE`: an encrypted, checked copy of the case file,
//! and putting one back after checking it.

use std::os::unix::fs::DirBuilderExt;
use std::path::PathBuf;

use clap::Args;
use dalil_l10n::Arg;
use dalil_store::Store;

use super::{Env, Problem};

/// `dalil backup FILE`
#[derive(Debug, Args)]
pub(crate) struct BackupArgs {
    /// Where to write the copy; nothing may be there yet. It opens with the same passphrase.
    file: PathBuf,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// `dalil restore FILE`
#[derive(Debug, Args)]
pub(crate) struct RestoreArgs {
    /// The backup to restore. Its passphrase is asked for (or read from --passphrase-file).
    file: PathBuf,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Writes a backup; the store checks the copy before it puts it in place.
pub(super) fn backup(args: BackupArgs, env: &mut Env<'_>) -> Result<u8, Problem> {
    let store = env.store()?;
    let head = store.backup_to(&args.file).map_err(|e| env.fail(&e))?;
    env.close(store)?;
    if args.json {
        env.json(&serde_json::json!({
            "path": args.file,
            "entries": head.seq,
            "head": head.hash_hex,
        }))?;
        return Ok(0);
    }
    let l10n = env.l10n;
    env.line(&l10n.format(
        "cli-backup-written",
        &[
            ("path", Arg::Str(&args.file.to_string_lossy())),
            ("count", Arg::Num(head.seq as f64)),
            ("head", Arg::Str(&head.hash_hex)),
        ],
    ))?;
    Ok(0)
}

/// Replaces the case file with a backup. The store checks the copy (passphrase, every page,
/// the structure, the audit chain, the schema version) before anything at the destination
/// changes, and keeps the file it replaces beside it.
pub(super) fn restore(args: RestoreArgs, env: &mut Env<'_>) -> Result<u8, Problem> {
    let dest = env.db_path()?;
    if let Some(dir) = dest.parent() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| {
                let l10n = env.l10n;
                Problem::input(l10n.format(
                    "cli-store-folder-unusable",
                    &[("reason", Arg::Str(&e.to_string()))],
                ))
            })?;
    }
    let pass = env.passphrase()?;
    let outcome = Store::restore(&args.file, &dest, &pass).map_err(|e| env.fail(&e))?;
    if args.json {
        env.json(&serde_json::json!({
            "restored_from": args.file,
            "path": dest,
            "previous": outcome.previous,
            "entries": outcome.audit_head.seq,
            "head": outcome.audit_head.hash_hex,
        }))?;
        return Ok(0);
    }
    let l10n = env.l10n;
    env.line(&l10n.format(
        "cli-restore-done",
        &[
            ("path", Arg::Str(&args.file.to_string_lossy())),
            ("count", Arg::Num(outcome.audit_head.seq as f64)),
            ("head", Arg::Str(&outcome.audit_head.hash_hex)),
        ],
    ))?;
    if let Some(previous) = &outcome.previous {
        env.line(&l10n.format(
            "cli-restore-kept-previous",
            &[("path", Arg::Str(&previous.to_string_lossy()))],
        ))?;
    }
    Ok(0)
}
