//! `bhyt check --file`: the terminal side of checking a file (the reading and checking are the
//! `bhyt-files` library's): where the report goes, the summary on standard error, the progress
//! bar, the exit status.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use bhyt::Lang;
use bhyt_files::{Failure, Options, ReportFile};

use crate::progress::Bar;

/// What the command line adds to the library's options.
pub struct Terminal {
    pub report: Option<String>,
    pub summary_json: bool,
    /// `None`: when standard error is a terminal.
    pub progress: Option<bool>,
    pub lang: Lang,
}

/// Checks the file: exit status 0 all valid, 1 some invalid, 2 the file cannot be read.
pub fn run(path: &str, options: &Options, terminal: &Terminal) -> ExitCode {
    match check(path, options, terminal) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(failure) => {
            eprintln!("bhyt: {failure}");
            ExitCode::from(2)
        }
    }
}

fn check(path: &str, options: &Options, terminal: &Terminal) -> Result<bool, Failure> {
    let (enabled, delay) = match terminal.progress {
        Some(true) => (true, Duration::ZERO),
        Some(false) => (false, Duration::ZERO),
        None => (io::stderr().is_terminal(), Duration::from_millis(500)),
    };
    let mut bar = Bar::new(enabled, delay);
    let mut tick = |info: &bhyt_files::ProgressInfo| bar.tick(info);
    let summary = match &terminal.report {
        Some(target) => {
            // Refused before anything is written when it is the input; written beside the
            // target and renamed over it only once the check has finished.
            let mut report = ReportFile::create(Path::new(path), Path::new(target))?;
            let summary = bhyt_files::check_file(path, options, &mut report, &mut tick);
            bar.finish();
            let summary = summary?;
            report.commit()?;
            summary
        }
        None => {
            let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
            let summary = bhyt_files::check_file(path, options, &mut out, &mut tick);
            bar.finish();
            match out.flush() {
                Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
                    return Err(Failure::Io("cannot write the report".to_owned(), error))
                }
                _ => {}
            }
            summary?
        }
    };
    let text = if terminal.summary_json {
        summary.json()
    } else {
        summary.text(terminal.lang)
    };
    eprint!("{text}");
    Ok(summary.all_valid())
}
