//! The store's integration tests: one binary, real files, real child processes.
//!
//! Run with `CARGO_TARGET_DIR=/work/target-store cargo test -p dalil-store`. Randomised tests
//! use fixed seeds and print them.

mod store {
    pub mod common;

    mod api;
    mod backup;
    mod damage;
    mod datadir;
    mod evidence;
    mod full_disk;
    mod kill;
    mod list;
    mod migrations;
    mod passphrase;
    mod plaintext;
    mod tamper;
}
