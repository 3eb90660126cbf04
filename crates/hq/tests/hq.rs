//! The directorate's server against a real PostgreSQL that this program starts in a temporary
//! folder and stops when it ends, also when a test fails. libtest cannot hold a server for
//! the whole run, so this file is its own harness: `cargo test -p dalil-hq --test hq [NAME]`
//! runs every test whose name contains NAME, each on a database of its own, and reports each
//! as libtest does. A machine with no PostgreSQL fails here, loudly; nothing is skipped.

mod officer;
mod scenarios;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;

use dalil_hq::throwaway::Cluster;

/// What a test gets: a fresh database, the cluster it is in, and the directorate's key.
pub struct Ctx<'a> {
    /// The running cluster.
    pub cluster: &'a Cluster,
    /// The test's database.
    pub db: String,
    /// Its connection string.
    pub conninfo: String,
    /// The directorate's key pair.
    pub identity: dalil_transfer::DirectorateIdentity,
}

type Test = (&'static str, fn(&Ctx<'_>));

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let all = scenarios::ALL;
    if args.iter().any(|a| a == "--list") {
        for (name, _) in all {
            println!("{name}: test");
        }
        return ExitCode::SUCCESS;
    }
    let filters: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let chosen: Vec<&Test> = all
        .iter()
        .filter(|(name, _)| filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str())))
        .collect();
    println!("\nrunning {} tests", chosen.len());
    if chosen.is_empty() {
        println!("\ntest result: ok. 0 passed; 0 failed\n");
        return ExitCode::SUCCESS;
    }
    let cluster = match Cluster::start() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("could not start PostgreSQL for the directorate's tests: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut failed = Vec::new();
    for (i, (name, test)) in chosen.iter().enumerate() {
        let db = format!("t{i}");
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let conninfo = cluster.create_database(&db).expect("create a database");
            test(&Ctx {
                cluster: &cluster,
                db: db.clone(),
                conninfo,
                identity: dalil_transfer::DirectorateIdentity::generate(),
            });
        }));
        match outcome {
            Ok(()) => println!("test {name} ... ok"),
            Err(_) => {
                println!("test {name} ... FAILED");
                failed.push(*name);
            }
        }
    }
    drop(cluster);
    if failed.is_empty() {
        println!("\ntest result: ok. {} passed; 0 failed\n", chosen.len());
        ExitCode::SUCCESS
    } else {
        println!("\nfailures:");
        for f in &failed {
            println!("    {f}");
        }
        println!(
            "\ntest result: FAILED. {} passed; {} failed\n",
            chosen.len() - failed.len(),
            failed.len()
        );
        ExitCode::FAILURE
    }
}
