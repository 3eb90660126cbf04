//! A throwaway PostgreSQL cluster for the tests and the benchmark: made in a temporary folder,
//! listening only on a Unix socket in that folder, and stopped and removed when dropped.
//!
//! The tests run as root on these machines, and `initdb` and `postgres` refuse to, so as root
//! the cluster belongs to the `postgres` user and its programs run through `runuser`. The
//! programs are the newest under `/usr/lib/postgresql/*/bin` (Debian's layout), or those in
//! `$DALIL_PG_BIN`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A running cluster.
pub struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    owner: Option<String>,
}

/// Why a cluster could not be started.
#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    /// No PostgreSQL programs were found.
    #[error(
        "no PostgreSQL server programs in /usr/lib/postgresql/*/bin or $DALIL_PG_BIN (install the postgresql package)"
    )]
    NoServer,
    /// A program failed; what it said.
    #[error("{program} failed: {output}")]
    Failed {
        /// The program.
        program: String,
        /// Its standard output and error.
        output: String,
    },
    /// An input/output error.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

fn server_bin() -> Result<PathBuf, ClusterError> {
    if let Some(dir) = std::env::var_os("DALIL_PG_BIN") {
        return Ok(PathBuf::from(dir));
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .map_err(|_| ClusterError::NoServer)?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let v: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((v, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, b)| b).ok_or(ClusterError::NoServer)
}

/// Whether this process runs as root, read from `/proc` (std has no `getuid`).
fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(1).map(|u| u == "0"))
        })
        .unwrap_or(false)
}

impl Cluster {
    /// Makes and starts a cluster. Fails, saying why, if there is no PostgreSQL here.
    pub fn start() -> Result<Cluster, ClusterError> {
        let bin = server_bin()?;
        let dir = tempfile::Builder::new().prefix("dalil-pg-").tempdir()?;
        let owner = is_root().then(|| "postgres".to_owned());
        if let Some(user) = &owner {
            let out = Command::new("chown")
                .arg(format!("{user}:"))
                .arg(dir.path())
                .output()?;
            check("chown", out)?;
        }
        let cluster = Cluster { dir, bin, owner };
        let data = cluster.data_dir();
        cluster.run(
            "initdb",
            &[
                "-D",
                path_str(&data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ],
        )?;
        let options = format!(
            "-c listen_addresses='' -k {} -c max_connections=50",
            path_str(cluster.dir.path())
        );
        cluster.run(
            "pg_ctl",
            &[
                "-D",
                path_str(&data),
                "-l",
                path_str(&cluster.dir.path().join("server.log")),
                "-o",
                &options,
                "-w",
                "start",
            ],
        )?;
        Ok(cluster)
    }

    fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn run(&self, program: &str, args: &[&str]) -> Result<(), ClusterError> {
        self.output(program, args).map(|_| ())
    }

    fn output(&self, program: &str, args: &[&str]) -> Result<Vec<u8>, ClusterError> {
        let exe = self.bin.join(program);
        let out = match &self.owner {
            Some(user) => Command::new("runuser")
                .args(["-u", user, "--"])
                .arg(&exe)
                .args(args)
                .output()?,
            None => Command::new(&exe).args(args).output()?,
        };
        check(program, out)
    }

    /// The connection string of a database in this cluster.
    pub fn conninfo(&self, dbname: &str) -> String {
        format!(
            "host={} port=5432 user=postgres dbname={dbname}",
            path_str(self.dir.path())
        )
    }

    /// Makes a new, empty database and returns its connection string.
    pub fn create_database(&self, dbname: &str) -> Result<String, postgres::Error> {
        let mut admin = postgres::Client::connect(&self.conninfo("postgres"), postgres::NoTls)?;
        admin.batch_execute(&format!("CREATE DATABASE \"{}\"", dbname.replace('"', "")))?;
        Ok(self.conninfo(dbname))
    }

    /// A plain-text dump of a database's schema and data (`pg_dump`), to compare a database
    /// before and after something that must change nothing. Two kinds of line are left out:
    /// pg_dump's `\restrict` keys, new at every run, and the sequences' counters, which
    /// PostgreSQL does not roll back (a refused import may have drawn a number for a row
    /// that was then never written).
    pub fn dump(&self, dbname: &str) -> Result<String, ClusterError> {
        let host = path_str(self.dir.path()).to_owned();
        let out = self.output(
            "pg_dump",
            &[
                "-h",
                &host,
                "-p",
                "5432",
                "-U",
                "postgres",
                "--no-owner",
                dbname,
            ],
        )?;
        Ok(String::from_utf8_lossy(&out)
            .lines()
            .filter(|l| {
                !l.starts_with("\\restrict")
                    && !l.starts_with("\\unrestrict")
                    && !l.starts_with("SELECT pg_catalog.setval(")
            })
            .collect::<Vec<_>>()
            .join("\n"))
    }

    /// The folder of the server's socket.
    pub fn socket_dir(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data_dir();
        let _ = self.run(
            "pg_ctl",
            &["-D", path_str(&data), "-m", "fast", "-w", "stop"],
        );
    }
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap_or_default()
}

fn check(program: &str, out: Output) -> Result<Vec<u8>, ClusterError> {
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(ClusterError::Failed {
            program: program.to_owned(),
            output: format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        })
    }
}
