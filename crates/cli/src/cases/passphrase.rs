//! `dalil passphrase change`: re-encrypts the case file under a new passphrase.

use std::path::PathBuf;

use clap::Subcommand;

use super::{Env, Problem, Prompt, Source, read_passphrase};

/// `dalil passphrase …`
#[derive(Debug, Subcommand)]
pub(crate) enum PassphraseCommand {
    /// Change the passphrase. The current one comes from the prompt or --passphrase-file;
    /// the new one from a prompt (typed twice) or --new-passphrase-file.
    Change {
        /// Read the new passphrase from the first line of this file, or of standard input
        /// with `-` (after the current one, when that comes from standard input too).
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Runs a `passphrase` command.
pub(super) fn run(command: PassphraseCommand, env: &mut Env<'_>) -> Result<u8, Problem> {
    let PassphraseCommand::Change {
        new_passphrase_file,
        json,
    } = command;
    let (mut store, old) = env.open_existing()?;
    let l10n = env.l10n;
    let new = read_passphrase(l10n, &Source::of(new_passphrase_file), Prompt::New)?;
    store
        .change_passphrase(&old, &new)
        .map_err(|e| env.fail(&e))?;
    env.close(store)?;
    if json {
        env.json(&serde_json::json!({ "changed": true }))?;
    } else {
        env.line(&l10n.get("cli-passphrase-changed"))?;
    }
    Ok(0)
}
