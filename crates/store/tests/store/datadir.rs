//! The default data folder, read from the environment of a real process.

use std::process::Command;

fn data_dir(env: &[(&str, &str)]) -> Result<String, Box<dyn std::error::Error>> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dalil-store-torture"));
    cmd.arg("data-dir")
        .env_remove("DALIL_DATA_DIR")
        .env_remove("XDG_DATA_HOME")
        .env_remove("HOME");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output()?;
    Ok(String::from_utf8(out.stdout)?.trim().to_owned())
}

#[test]
fn the_data_folder_follows_the_environment() -> super::common::TestResult {
    assert_eq!(
        data_dir(&[
            ("DALIL_DATA_DIR", "/srv/d"),
            ("XDG_DATA_HOME", "/x"),
            ("HOME", "/h")
        ])?,
        "/srv/d"
    );
    assert_eq!(
        data_dir(&[("XDG_DATA_HOME", "/x"), ("HOME", "/h")])?,
        "/x/dalil"
    );
    assert_eq!(
        data_dir(&[("HOME", "/home/officer")])?,
        "/home/officer/.local/share/dalil"
    );
    assert_eq!(data_dir(&[])?, "error no-data-dir");
    assert_eq!(dalil_store::DB_FILE_NAME, "cases.db");
    Ok(())
}
