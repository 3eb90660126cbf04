//! `dalil history` and `dalil audit verify`: the hash-chained audit log, one case's entries
//! or the whole chain checked.

use clap::{Args, Subcommand};
use dalil_l10n::Arg;
use dalil_store::{AuditEntry, Verification};

use super::{Env, Problem, audit_broken_message, break_kind_code, resolve_case, when, when_json};

/// `dalil history CASE`
#[derive(Debug, Args)]
pub(crate) struct HistoryArgs {
    /// The case: its reference, or its internal id.
    case: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// `dalil audit …`
#[derive(Debug, Subcommand)]
pub(crate) enum AuditCommand {
    /// Verify every entry of the audit log and its recorded head. Exits 1 if the log was
    /// changed.
    Verify {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// An audit entry as JSON: digests and hashes in hex, never content.
fn entry_json(e: &AuditEntry) -> serde_json::Value {
    serde_json::json!({
        "seq": e.seq,
        "at": when_json(e.at),
        "action": e.action,
        "entity_kind": e.entity_kind,
        "entity_id": e.entity_id,
        "case": e.case.map(|c| c.0),
        "digest": e.digest_hex,
        "hash": e.hash_hex,
    })
}

/// Prints the audit entries of one case: what was done and when, never the content (the log
/// holds digests only).
pub(super) fn history(args: HistoryArgs, env: &mut Env<'_>) -> Result<u8, Problem> {
    let store = env.store()?;
    let id = resolve_case(env, &store, &args.case)?;
    let entries = store.history(id).map_err(|e| env.fail(&e))?;
    env.close(store)?;
    if args.json {
        env.json(&serde_json::Value::Array(
            entries.iter().map(entry_json).collect(),
        ))?;
        return Ok(0);
    }
    let l10n = env.l10n;
    for e in &entries {
        env.line(&format!(
            "{:>6}  {}  {}  {} {}",
            e.seq,
            when(l10n, e.at),
            l10n.audit_action(&e.action),
            e.entity_kind,
            e.entity_id
        ))?;
    }
    env.remark(&l10n.format(
        "cli-history-summary",
        &[("count", Arg::Num(entries.len() as f64))],
    ))?;
    Ok(0)
}

/// Runs an `audit` command.
pub(super) fn run(command: AuditCommand, env: &mut Env<'_>) -> Result<u8, Problem> {
    let AuditCommand::Verify { json } = command;
    let store = env.store()?;
    let verification = store.verify_audit().map_err(|e| env.fail(&e))?;
    env.close(store)?;
    let l10n = env.l10n;
    match verification {
        Verification::Intact { len, head_hex } => {
            if json {
                env.json(&serde_json::json!({
                    "intact": true,
                    "entries": len,
                    "head": head_hex,
                }))?;
            } else {
                env.line(&l10n.format(
                    "cli-audit-verified",
                    &[
                        ("count", Arg::Num(len as f64)),
                        ("head", Arg::Str(&head_hex)),
                    ],
                ))?;
            }
            Ok(0)
        }
        Verification::Broken {
            first_bad_seq,
            kind,
        } => {
            if json {
                env.json(&serde_json::json!({
                    "intact": false,
                    "first_bad_entry": first_bad_seq,
                    "kind": break_kind_code(kind),
                }))?;
            } else {
                env.line(&audit_broken_message(l10n, first_bad_seq, kind))?;
            }
            Ok(1)
        }
    }
}
