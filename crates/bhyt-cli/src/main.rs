//! `bhyt`: check Vietnamese health-insurance (BHYT) card numbers from the command line.
//!
//! ```text
//! bhyt check [--issuer any|vss|police|defence] [--lenient] [--format text|json] [--lang vi|en] [NUMBER...]
//! bhyt check --file PATH [--column NAME|N] [--sheet NAME|N] [--report PATH] ...
//! bhyt identify [--lenient] [--format text|json] [VALUE...]
//! ```
//!
//! Checks each NUMBER, or each line of standard input when none is given, streaming; or every
//! value of one column of a CSV or Excel file, or every `MA_THE_BHYT` of a claims XML file.
//! Exit status: 0 when every number is valid, 1 when any is invalid, 2 for a usage or
//! input/output error (and for a file that cannot be read as what it claims to be).

mod args;
mod file_check;
mod identify;
mod progress;
mod report;

use std::io::{self, BufRead, BufWriter, IsTerminal, Read};
use std::process::ExitCode;

use clap::Parser;

use args::{CheckArgs, Cli, Command, FileTypeArg, FormatArg, ProgressArg, SummaryArg};
use report::{Report, Verdict};

fn main() -> ExitCode {
    let args = match Cli::parse().command {
        Command::Check(args) => args,
        Command::Identify(args) => return identify::run(&args),
    };
    if args.file.file.is_some() {
        if !args.numbers.is_empty() {
            // Not `conflicts_with`: clap would then stop asking --file of the file options.
            use clap::CommandFactory;
            Cli::command()
                .error(
                    clap::error::ErrorKind::ArgumentConflict,
                    "--file checks a file: give either --file or NUMBERs, not both",
                )
                .exit();
        }
        return check_file(&args);
    }
    if args.format == Some(FormatArg::Csv) {
        eprintln!("bhyt: --format csv is for the report of --file; use text or json");
        return ExitCode::from(2);
    }
    match check(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) => {
            eprintln!("bhyt: {error}");
            ExitCode::from(2)
        }
    }
}

/// `bhyt check --file`.
fn check_file(args: &CheckArgs) -> ExitCode {
    let file = &args.file;
    let options = bhyt_files::Options {
        kind: file.file_type.map(|kind| match kind {
            FileTypeArg::Csv => bhyt_files::FileKind::Csv,
            FileTypeArg::Xlsx => bhyt_files::FileKind::Xlsx,
            FileTypeArg::Xls => bhyt_files::FileKind::Xls,
            FileTypeArg::Ods => bhyt_files::FileKind::Ods,
            FileTypeArg::Xml => bhyt_files::FileKind::Xml,
        }),
        column: file.column.as_deref().map(bhyt_files::ColumnSpec::parse),
        sheet: file.sheet.clone(),
        header: match (file.no_header, file.header_row) {
            (true, _) => bhyt_files::Header::None,
            (false, Some(row)) => bhyt_files::Header::Row(row),
            (false, None) => bhyt_files::Header::Auto,
        },
        delimiter: file.delimiter,
        issuer: args.issuer.issuer(),
        mode: args.mode(),
        lang: args.lang(),
        format: match args.format {
            Some(FormatArg::Text) => bhyt_files::ReportFormat::Text,
            Some(FormatArg::Json) => bhyt_files::ReportFormat::Json,
            Some(FormatArg::Csv) => bhyt_files::ReportFormat::Csv,
            None => file.report.as_deref().map_or(
                bhyt_files::ReportFormat::Text,
                bhyt_files::ReportFormat::from_path,
            ),
        },
        bom: file.report.is_some(),
        duplicates: file.duplicates,
        advice: file.advice,
        jobs: file.jobs.unwrap_or(0) as usize,
        limits: bhyt_files::Limits::default(),
    };
    let terminal = file_check::Terminal {
        report: file.report.clone(),
        summary_json: file.summary == SummaryArg::Json,
        progress: match file.progress {
            ProgressArg::Auto => None,
            ProgressArg::Always => Some(true),
            ProgressArg::Never => Some(false),
        },
        lang: args.lang(),
    };
    file_check::run(
        file.file.as_deref().unwrap_or_default(),
        &options,
        &terminal,
    )
}

/// The longest line read from standard input.
const LINE_LIMIT: usize = 64 << 10;

/// Checks every number and writes the report; `Ok(true)` when all were valid.
fn check(args: &CheckArgs) -> io::Result<bool> {
    let lang = args.lang();
    let issuer = args.issuer.issuer();
    let mode = args.mode();
    let stdin = io::stdin();
    // Someone typing numbers at a terminal sees each answer at once; files stream buffered.
    let interactive = args.numbers.is_empty() && stdin.is_terminal();
    let mut out = Report::new(
        BufWriter::with_capacity(1 << 16, io::stdout().lock()),
        args.format == Some(FormatArg::Json),
        lang,
    );
    let mut all_valid = true;
    let mut emit = |out: &mut Report<_>, input: &[u8]| -> io::Result<()> {
        let verdict: Verdict = mode.validate(input, issuer);
        all_valid &= verdict.is_ok();
        out.write(input, &verdict)?;
        if interactive {
            out.flush()?;
        }
        Ok(())
    };
    let result = if args.numbers.is_empty() {
        let mut reader = stdin.lock();
        let head = reader.fill_buf()?;
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return Err(io::Error::other(
                "standard input is UTF-16 text: give UTF-8 text (convert it with `iconv -f UTF-16 -t UTF-8`)",
            ));
        }
        // A byte-order mark (Notepad's UTF-8) is not part of the first number.
        if head.starts_with(b"\xEF\xBB\xBF") {
            reader.consume(3);
        }
        let mut line = Vec::with_capacity(64);
        let mut number = 0u64;
        loop {
            line.clear();
            number += 1;
            // A line is at most LINE_LIMIT bytes: memory stays bounded whatever the input.
            let read = (&mut reader)
                .take(LINE_LIMIT as u64 + 1)
                .read_until(b'\n', &mut line)?;
            if read == 0 {
                break Ok(());
            }
            if line.len() > LINE_LIMIT && !line.ends_with(b"\n") {
                break Err(io::Error::other(format!(
                    "standard input, line {number}: longer than {} KiB, the limit of one line (one number per line)",
                    LINE_LIMIT >> 10
                )));
            }
            let input = line.strip_suffix(b"\n").unwrap_or(&line);
            let input = input.strip_suffix(b"\r").unwrap_or(input);
            if let Err(error) = emit(&mut out, input) {
                break Err(error);
            }
        }
    } else {
        args.numbers
            .iter()
            .try_for_each(|number| emit(&mut out, number.as_bytes()))
    };
    match result.and_then(|()| out.flush()) {
        // The reader went away (`bhyt check < big | head`): not an error of ours.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(all_valid),
        other => other.map(|()| all_valid),
    }
}
