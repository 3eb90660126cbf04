//! Durability: a writer process is SIGKILLed at random points while it commits notes. Every
//! note it acknowledged must survive, and the file must pass every check.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};

use dalil_store::{CaseId, NoteId, Store};

use super::common::*;

const SEED: u64 = 0x5EED_0001;
const KILLS: usize = 20;

#[test]
fn sigkill_during_commits_loses_no_acknowledged_note() -> TestResult {
    println!("kill test seed: {SEED:#x}");
    let mut rng = fastrand::Rng::with_seed(SEED);
    let dir = tempdir()?;
    let (path, mut store) = new_store(dir.path())?;
    let case = sample_case(&mut store)?;
    store.lock()?;
    let path_arg = path.to_string_lossy().into_owned();

    // Every acknowledged note: id -> SHA-256 of its text.
    let mut acked: BTreeMap<NoteId, String> = BTreeMap::new();
    let mut total_acks = 0usize;
    for round in 0..KILLS {
        // 250..=350 acknowledgements per round: at least 5,000 in all.
        let kill_after = 250 + rng.usize(0..=100);
        let seed = rng.u64(..).to_string();
        let mut child = torture(&["write", &path_arg, &seed, "100000"])?;
        if let Some(mut stdin) = child.stdin.take() {
            writeln!(stdin, "{PASS}")?;
        }
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut lines = BufReader::new(stdout).lines();
        let ready = lines.next().ok_or("no ready line")??;
        assert_eq!(ready, format!("ready {case}"), "round {round}");
        let mut seen = 0usize;
        let mut killed = false;
        // Read until the kill point, kill at once, then drain what the child had already
        // written: those lines were acknowledged before it died.
        for line in lines {
            let line = line?;
            let mut parts = line.split(' ');
            match (parts.next(), parts.next(), parts.next()) {
                (Some("ack"), Some(id), Some(sha)) => {
                    acked.insert(NoteId(id.parse()?), sha.to_owned());
                    seen += 1;
                }
                _ => panic!("round {round}: unexpected line from the writer: {line}"),
            }
            if seen == kill_after && !killed {
                child.kill()?;
                killed = true;
            }
        }
        child.wait()?;
        assert!(
            killed,
            "round {round}: the writer ended before the kill point"
        );
        total_acks += seen;

        let store = Store::open(&path, &pass())?;
        store.check()?;
        let notes: BTreeMap<NoteId, String> = store
            .notes(CaseId(case.0))?
            .into_iter()
            .map(|n| (n.id, sha256_hex(&n.text)))
            .collect();
        for (id, sha) in &acked {
            assert_eq!(
                notes.get(id),
                Some(sha),
                "round {round}: acknowledged note {id} lost or changed"
            );
        }
        // At most the one commit in flight at each kill may be there without an ack.
        assert!(
            notes.len() <= acked.len() + round + 1,
            "round {round}: {} notes for {} acks",
            notes.len(),
            acked.len()
        );
        store.lock()?;
        println!(
            "round {round}: killed after {seen} acks (target {kill_after}); {} notes on disk",
            notes.len()
        );
    }
    println!("{KILLS} kills, {total_acks} acknowledged commits, none lost");
    assert!(total_acks >= 5000);
    Ok(())
}
