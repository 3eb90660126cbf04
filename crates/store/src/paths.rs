//! Where the case file lives by default.

use std::path::PathBuf;

use crate::error::StoreError;

/// The case file's name inside the data folder.
pub const DB_FILE_NAME: &str = "cases.db";

/// The environment variable that overrides the data folder (the CLI's flag does the same).
pub const DATA_DIR_ENV: &str = "DALIL_DATA_DIR";

/// The data folder: `$DALIL_DATA_DIR` if set, else `$XDG_DATA_HOME/dalil` (when that is an
/// absolute path, as the XDG spec requires), else `$HOME/.local/share/dalil`.
pub fn default_data_dir() -> Result<PathBuf, StoreError> {
    data_dir_from(|name| std::env::var_os(name))
}

/// The same rule, reading the environment through `var` (for tests and the CLI).
pub fn data_dir_from(
    var: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> Result<PathBuf, StoreError> {
    let set = |name: &str| var(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = set(DATA_DIR_ENV) {
        return Ok(dir);
    }
    if let Some(xdg) = set("XDG_DATA_HOME").filter(|p| p.is_absolute()) {
        return Ok(xdg.join("dalil"));
    }
    if let Some(home) = set("HOME") {
        return Ok(home.join(".local").join("share").join("dalil"));
    }
    Err(StoreError::NoDataDir)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn precedence() -> Result<(), StoreError> {
        let all = env(&[
            ("DALIL_DATA_DIR", "/d"),
            ("XDG_DATA_HOME", "/x"),
            ("HOME", "/h"),
        ]);
        assert_eq!(data_dir_from(all)?, PathBuf::from("/d"));
        let xdg = env(&[("XDG_DATA_HOME", "/x"), ("HOME", "/h")]);
        assert_eq!(data_dir_from(xdg)?, PathBuf::from("/x/dalil"));
        let relative_xdg = env(&[("XDG_DATA_HOME", "x"), ("HOME", "/h")]);
        assert_eq!(
            data_dir_from(relative_xdg)?,
            PathBuf::from("/h/.local/share/dalil")
        );
        let empty = env(&[("DALIL_DATA_DIR", ""), ("HOME", "/h")]);
        assert_eq!(
            data_dir_from(empty)?,
            PathBuf::from("/h/.local/share/dalil")
        );
        assert_eq!(
            data_dir_from(env(&[])).err().map(|e| e.code()),
            Some("no-data-dir")
        );
        Ok(())
    }
}
