//! Where the SOP's files come from: the copy embedded at build time, or a folder on disk.
//!
//! Architecture invariant: this is the only crate that reads content files. The content model
//! (`dalil-content`) takes the bytes and does no IO.

use std::path::{Path, PathBuf};

use dalil_content::Files;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// The SOP content embedded in the binary at build time, from the repository's `sop-content/`.
pub fn bundled() -> Files {
    bundled::FILES
        .iter()
        .map(|(path, bytes)| ((*path).to_owned(), bytes.to_vec()))
        .collect()
}

/// A content folder that cannot be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The folder does not exist or is not a folder.
    #[error("`{0}` is not a folder")]
    NotAFolder(PathBuf),
    /// A file or folder inside it cannot be read.
    #[error("cannot read `{path}`: {source}")]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// Reads every file under `dir`, except hidden ones (editor swap files and the like).
pub fn read_dir(dir: &Path) -> Result<Files, ReadError> {
    if !dir.is_dir() {
        return Err(ReadError::NotAFolder(dir.to_owned()));
    }
    let mut files = Files::new();
    walk(dir, dir, &mut files)?;
    Ok(files)
}

fn walk(root: &Path, dir: &Path, files: &mut Files) -> Result<(), ReadError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| ReadError::Io { path, source }
    };
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if entry.file_type().map_err(io(&path))?.is_dir() {
            walk(root, &path, files)?;
        } else {
            let bytes = std::fs::read(&path).map_err(io(&path))?;
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            files.insert(rel, bytes);
        }
    }
    Ok(())
}

/// The folder of a data folder that holds installed SOP update packages.
pub const EDITIONS_DIR: &str = "sop";

/// The bytes of every SOP update package (`*.dalil-sop`) installed in `data_dir`'s
/// [`EDITIONS_DIR`], in file-name order. Unreadable files are passed over: a package is
/// checked again (`dalil_update::verify`) by whoever reads it.
pub fn installed_packages(data_dir: &Path) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(data_dir.join(EDITIONS_DIR))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "dalil-sop"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_content_has_the_manifest() {
        assert!(bundled().contains_key("manifest.toml"));
    }

    #[test]
    fn bundled_content_has_the_training_scenarios() {
        let files = bundled();
        assert!(files.contains_key("training/training.toml"));
        for file in ["scenario.toml", "ar.md", "en.md"] {
            let path = format!("training/domestic-worker-debt/{file}");
            assert!(files.contains_key(&path), "{path} is not embedded");
        }
    }

    #[test]
    fn read_dir_uses_relative_slash_paths_and_skips_hidden_files()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir_all(dir.path().join("chapters/intake"))?;
        std::fs::write(dir.path().join("manifest.toml"), "x")?;
        std::fs::write(dir.path().join("chapters/intake/ar.md"), "y")?;
        std::fs::write(dir.path().join("chapters/intake/.ar.md.swp"), "z")?;
        let files = read_dir(dir.path())?;
        let keys: Vec<&str> = files.keys().map(String::as_str).collect();
        assert_eq!(keys, ["chapters/intake/ar.md", "manifest.toml"]);
        Ok(())
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        assert!(matches!(
            read_dir(Path::new("/nonexistent/dalil")),
            Err(ReadError::NotAFolder(_))
        ));
    }
}
