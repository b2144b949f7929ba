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

mod file_check;
mod identify;
mod progress;
mod report;

use std::io::{self, BufRead, BufWriter, IsTerminal, Read};
use std::process::ExitCode;

use bhyt::{CardNumber, Error, Issuer, Lang};
use clap::{Parser, Subcommand, ValueEnum};

use report::{Report, Verdict};

/// Check Vietnamese health-insurance (BHYT) card numbers by the VNeID integration rules.
#[derive(Parser, Debug)]
#[command(name = "bhyt", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check each NUMBER, or each line of standard input when none is given.
    ///
    /// Exit status: 0 when all are valid, 1 when any is invalid, 2 for a usage or
    /// input/output error.
    ///
    /// With --file, checks every value of one column of a CSV or spreadsheet (.xlsx, .xls,
    /// .ods) file, or every
    /// MA_THE_BHYT of a claims XML file: the invalid rows are reported (numbers masked) on
    /// standard output or in --report, a summary goes to standard error. Exit status 2 also
    /// for a file that cannot be read (bad encoding, ragged rows, broken XML, damaged .xlsx).
    Check(CheckArgs),
    /// Say what each VALUE (or line of standard input) typed into one search box is: a BHYT
    /// card number (10 or 15 characters) or a 12-digit personal identification number
    /// (CCCD), decoded.
    ///
    /// Exit status: 0 when every value is one or the other, 1 otherwise, 2 for a usage or
    /// input/output error.
    Identify(identify::IdentifyArgs),
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// The issuing body chosen in the form; `any` infers it from characters 4-5.
    #[arg(long, value_enum, default_value_t = IssuerArg::Any)]
    issuer: IssuerArg,
    /// Accept pasted text: drop spaces, dots, hyphens and underscores, uppercase letters.
    #[arg(long)]
    lenient: bool,
    /// Output: an explanation per number, or one JSON object per line [default: text]. With
    /// --file, the format of the report of invalid rows, where csv is also possible [default:
    /// from the --report file's extension, .csv or .jsonl, else text].
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// Language of the messages [default: vi when LC_ALL, LC_MESSAGES or LANG starts with
    /// "vi", else en].
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Card numbers to check; none: read standard input, one number per line.
    numbers: Vec<String>,
    #[command(flatten)]
    file: FileArgs,
}

/// Checking a whole file.
#[derive(clap::Args, Debug)]
#[command(next_help_heading = "Checking a file")]
struct FileArgs {
    /// Check a file: CSV (.csv, .tsv, .txt), Excel (.xlsx, .xls), OpenDocument (.ods) or
    /// claims XML (.xml).
    #[arg(long, value_name = "PATH")]
    file: Option<String>,
    /// The kind of file, when its name does not tell.
    #[arg(long, value_enum, requires = "file")]
    file_type: Option<FileTypeArg>,
    /// CSV and Excel: the column to check, by its name in the header row or its number (1 is
    /// the first) [default: the only column, or the one named like MA_THE_BHYT or "Số thẻ
    /// BHYT"].
    #[arg(long, value_name = "NAME|N", requires = "file")]
    column: Option<String>,
    /// Excel: the sheet, by name or number (1 is the first) [default: 1].
    #[arg(long, value_name = "NAME|N", requires = "file")]
    sheet: Option<String>,
    /// CSV and Excel: the row that holds the column names (rows above it, such as a title,
    /// are skipped) [default: 1, unless row 1 is itself a card number: then there is none].
    #[arg(long, value_name = "N", requires = "file", conflicts_with = "no_header", value_parser = clap::value_parser!(u64).range(1..))]
    header_row: Option<u64>,
    /// CSV and Excel: there is no header row; every row is checked.
    #[arg(long, requires = "file")]
    no_header: bool,
    /// CSV: the delimiter, one character such as , ; or \t [default: guessed from the header
    /// row among , ; and tab].
    #[arg(long, value_name = "CHAR", requires = "file", value_parser = parse_delimiter)]
    delimiter: Option<u8>,
    /// Write the report of invalid rows to this file instead of standard output (a .csv report
    /// starts with a byte-order mark so that Excel reads its Vietnamese text).
    #[arg(long, value_name = "PATH", requires = "file")]
    report: Option<String>,
    /// The summary on standard error: text, or one JSON object.
    #[arg(long, value_enum, default_value_t = SummaryArg::Text, requires = "file")]
    summary: SummaryArg,
    /// Also report each value whose card (last 10 characters) was already seen in an
    /// earlier row (they are always counted in the summary).
    #[arg(long, requires = "file")]
    duplicates: bool,
    /// Also report the advisory notes (they are always counted in the summary).
    #[arg(long, requires = "file")]
    advice: bool,
    /// Threads checking values [default: one for small files, else one per core]. The
    /// output is the same whatever the number.
    #[arg(long, value_name = "N", requires = "file", value_parser = clap::value_parser!(u64).range(1..=64))]
    jobs: Option<u64>,
    /// The progress bar on standard error: auto draws it only when that is a terminal.
    #[arg(long, value_enum, default_value_t = ProgressArg::Auto, requires = "file")]
    progress: ProgressArg,
}

fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "\\t" | "tab" => Ok(b'\t'),
        _ if text.len() == 1 && text.is_ascii() && text != "\"" && text != "\n" && text != "\r" => {
            Ok(text.as_bytes()[0])
        }
        _ => Err("one ASCII character, or \\t (tab)".to_owned()),
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FileTypeArg {
    /// Comma-, semicolon- or tab-separated text, UTF-8.
    Csv,
    /// Excel workbook (2007 and later).
    Xlsx,
    /// Excel 97-2003 workbook.
    Xls,
    /// OpenDocument spreadsheet (LibreOffice).
    Ods,
    /// Claims XML (every MA_THE_BHYT).
    Xml,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum SummaryArg {
    /// Counts, for people.
    Text,
    /// One JSON object.
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ProgressArg {
    /// When standard error is a terminal.
    Auto,
    /// Always (even when standard error is not a terminal).
    Always,
    /// Never.
    Never,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum IssuerArg {
    /// Any issuing body (inferred from characters 4-5).
    Any,
    /// Bảo hiểm xã hội Việt Nam (Vietnam Social Security).
    Vss,
    /// Bảo hiểm xã hội Công an nhân dân (Police).
    Police,
    /// Bảo hiểm xã hội Bộ Quốc phòng (Defence).
    Defence,
}

impl IssuerArg {
    fn issuer(self) -> Option<Issuer> {
        match self {
            IssuerArg::Any => None,
            IssuerArg::Vss => Some(Issuer::VietnamSocialSecurity),
            IssuerArg::Police => Some(Issuer::Police),
            IssuerArg::Defence => Some(Issuer::Defence),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    /// Human-readable, with a caret under the offending character.
    Text,
    /// One JSON object per number (JSON Lines).
    Json,
    /// Comma-separated values (only for the report of --file).
    Csv,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LangArg {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

/// The language from the locale variables, as `gettext` reads them.
fn lang_from_env() -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty());
    match locale {
        Some(value) if value.starts_with("vi") => Lang::Vi,
        _ => Lang::En,
    }
}

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

fn lang_of(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(LangArg::Vi) => Lang::Vi,
        Some(LangArg::En) => Lang::En,
        None => lang_from_env(),
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
        lenient: args.lenient,
        lang: lang_of(args.lang),
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
        lang: lang_of(args.lang),
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
    let lang = lang_of(args.lang);
    let issuer = args.issuer.issuer();
    let validate = |input: &[u8]| -> Result<CardNumber, Error> {
        if args.lenient {
            bhyt::validate_lenient(input, issuer)
        } else {
            bhyt::validate(input, issuer)
        }
    };
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
        let verdict: Verdict = validate(input);
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
