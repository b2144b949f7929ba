//! A report written to a file without ever destroying data: never the input file (compared by
//! device and inode, so through symbolic and hard links), and written to a temporary file
//! beside the target that replaces it only when the check has finished.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::Failure;

/// A report file being written. Dropped without [`ReportFile::commit`], it leaves nothing
/// behind and the target untouched.
///
/// ```
/// # let dir = tempfile_dir();
/// # fn tempfile_dir() -> std::path::PathBuf {
/// #     let dir = std::env::temp_dir().join(format!("bhyt-files-doc-{}", std::process::id()));
/// #     std::fs::create_dir_all(&dir).unwrap();
/// #     dir
/// # }
/// use std::io::Write;
/// let input = dir.join("list.csv");
/// std::fs::write(&input, "MA_THE_BHYT\n").unwrap();
/// // The input itself is refused before anything is written.
/// assert!(bhyt_files::ReportFile::create(&input, &input).is_err());
/// let mut report = bhyt_files::ReportFile::create(&input, &dir.join("report.txt")).unwrap();
/// report.write_all(b"row 2: ...\n").unwrap();
/// report.commit().unwrap();
/// assert_eq!(std::fs::read(dir.join("report.txt")).unwrap(), b"row 2: ...\n");
/// ```
pub struct ReportFile {
    target: PathBuf,
    /// `None`: the target is written directly (a device or a pipe, such as `/dev/null`).
    temporary: Option<PathBuf>,
    file: Option<BufWriter<File>>,
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

impl ReportFile {
    /// Opens a temporary file beside `target` for the report of checking `input`; refuses a
    /// target that is the input (the same file, whatever the path).
    pub fn create(input: &Path, target: &Path) -> Result<ReportFile, Failure> {
        let shown = target.display().to_string();
        let refuse =
            |message: &str| Failure::File(super::FileError::new(&shown, message.to_owned()));
        if let (Ok(a), Ok(b)) = (fs::metadata(input), fs::metadata(target)) {
            let canonical = |p: &Path| fs::canonicalize(p).ok();
            if same_file(&a, &b)
                || (canonical(input).is_some() && canonical(input) == canonical(target))
            {
                return Err(refuse(
                    "this is the file being checked: the report would overwrite it (choose another --report path); nothing was written",
                ));
            }
        }
        if fs::metadata(target).is_ok_and(|m| m.is_dir()) {
            return Err(refuse(
                "this is a directory: give the path of the report file; nothing was written",
            ));
        }
        if fs::metadata(target).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            // A device or a pipe: nothing to replace, and nothing beside it to write.
            let file = fs::OpenOptions::new()
                .write(true)
                .open(target)
                .map_err(|error| Failure::Io(format!("{shown}: cannot write the report"), error))?;
            return Ok(ReportFile {
                target: target.to_path_buf(),
                temporary: None,
                file: Some(BufWriter::with_capacity(1 << 16, file)),
            });
        }
        let directory = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| "report".to_owned());
        let mut attempt = 0u32;
        loop {
            let temporary = directory.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temporary)
            {
                Ok(file) => {
                    return Ok(ReportFile {
                        target: target.to_path_buf(),
                        temporary: Some(temporary),
                        file: Some(BufWriter::with_capacity(1 << 16, file)),
                    })
                }
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(error) => {
                    return Err(Failure::Io(
                        format!("{shown}: cannot write the report"),
                        error,
                    ))
                }
            }
        }
    }

    /// Finishes the report: it replaces the target.
    pub fn commit(mut self) -> Result<(), Failure> {
        let shown = self.target.display().to_string();
        let io = |error| Failure::Io(format!("{shown}: cannot write the report"), error);
        let Some(temporary) = self.temporary.take() else {
            if let Some(mut file) = self.file.take() {
                file.flush().map_err(io)?;
            }
            return Ok(());
        };
        if let Some(file) = self.file.take() {
            let file = file.into_inner().map_err(|error| io(error.into_error()));
            if let Err(error) = file.and_then(|file| file.sync_all().map_err(io)) {
                let _ = fs::remove_file(&temporary);
                return Err(error);
            }
        }
        if let Err(error) = fs::rename(&temporary, &self.target) {
            let _ = fs::remove_file(&temporary);
            return Err(io(error));
        }
        Ok(())
    }
}

impl Write for ReportFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match self.file.as_mut() {
            Some(file) => file.write(bytes),
            None => Err(io::Error::other("the report is finished")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self.file.as_mut() {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for ReportFile {
    fn drop(&mut self) {
        if let (Some(_), Some(temporary)) = (self.file.take(), &self.temporary) {
            let _ = fs::remove_file(temporary);
        }
    }
}
