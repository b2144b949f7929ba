//! What the command's integration tests share: a temporary directory of test files.

use std::path::{Path, PathBuf};

/// A temporary directory, removed at the end of the test, holding the files a test writes.
pub struct Dir(tempfile::TempDir);

impl Dir {
    pub fn new() -> Dir {
        Dir(tempfile::tempdir().unwrap())
    }

    /// Writes `bytes` to the file `name` and returns its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.0.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_owned()
    }

    /// The path of the file `name` (written or not).
    pub fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }

    /// The directory itself.
    #[allow(dead_code)] // used by hostile.rs only
    pub fn root(&self) -> &Path {
        self.0.path()
    }

    /// Every file of the directory, sorted (no temporary report left behind).
    #[allow(dead_code)] // used by hostile.rs only
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.0.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}
