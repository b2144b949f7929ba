//! The command line: the subcommands and their arguments, as clap reads them, and what each
//! argument means to the core (`Mode`, `Lang`, `Issuer`). `main.rs` and `identify.rs` both
//! take their arguments from here.

use bhyt::{Issuer, Lang, Mode};
use clap::{Parser, Subcommand, ValueEnum};

/// Check Vietnamese health-insurance (BHYT) card numbers by the VNeID integration rules.
#[derive(Parser, Debug)]
#[command(name = "bhyt", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
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
    Identify(IdentifyArgs),
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// The issuing body chosen in the form; `any` infers it from characters 4-5.
    #[arg(long, value_enum, default_value_t = IssuerArg::Any)]
    pub issuer: IssuerArg,
    /// Accept pasted text: drop spaces, dots, hyphens and underscores, uppercase letters.
    #[arg(long)]
    pub lenient: bool,
    /// Output: an explanation per number, or one JSON object per line [default: text]. With
    /// --file, the format of the report of invalid rows, where csv is also possible [default:
    /// from the --report file's extension, .csv or .jsonl, else text].
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Language of the messages [default: vi when LC_ALL, LC_MESSAGES or LANG starts with
    /// "vi", else en].
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Card numbers to check; none: read standard input, one number per line.
    pub numbers: Vec<String>,
    #[command(flatten)]
    pub file: FileArgs,
}

/// Checking a whole file.
#[derive(clap::Args, Debug)]
#[command(next_help_heading = "Checking a file")]
pub struct FileArgs {
    /// Check a file: CSV (.csv, .tsv, .txt), Excel (.xlsx, .xls), OpenDocument (.ods) or
    /// claims XML (.xml).
    #[arg(long, value_name = "PATH")]
    pub file: Option<String>,
    /// The kind of file, when its name does not tell.
    #[arg(long, value_enum, requires = "file")]
    pub file_type: Option<FileTypeArg>,
    /// CSV and Excel: the column to check, by its name in the header row or its number (1 is
    /// the first) [default: the only column, or the one named like MA_THE_BHYT or "Số thẻ
    /// BHYT"].
    #[arg(long, value_name = "NAME|N", requires = "file")]
    pub column: Option<String>,
    /// Excel: the sheet, by name or number (1 is the first) [default: 1].
    #[arg(long, value_name = "NAME|N", requires = "file")]
    pub sheet: Option<String>,
    /// CSV and Excel: the row that holds the column names (rows above it, such as a title,
    /// are skipped) [default: 1, unless row 1 is itself a card number: then there is none].
    #[arg(long, value_name = "N", requires = "file", conflicts_with = "no_header", value_parser = clap::value_parser!(u64).range(1..))]
    pub header_row: Option<u64>,
    /// CSV and Excel: there is no header row; every row is checked.
    #[arg(long, requires = "file")]
    pub no_header: bool,
    /// CSV: the delimiter, one character such as , ; or \t [default: guessed from the header
    /// row among , ; and tab].
    #[arg(long, value_name = "CHAR", requires = "file", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// Write the report of invalid rows to this file instead of standard output (a .csv report
    /// starts with a byte-order mark so that Excel reads its Vietnamese text).
    #[arg(long, value_name = "PATH", requires = "file")]
    pub report: Option<String>,
    /// The summary on standard error: text, or one JSON object.
    #[arg(long, value_enum, default_value_t = SummaryArg::Text, requires = "file")]
    pub summary: SummaryArg,
    /// Also report each value whose card (last 10 characters) was already seen in an
    /// earlier row (they are always counted in the summary).
    #[arg(long, requires = "file")]
    pub duplicates: bool,
    /// Also report the advisory notes (they are always counted in the summary).
    #[arg(long, requires = "file")]
    pub advice: bool,
    /// Threads checking values [default: one for small files, else one per core]. The
    /// output is the same whatever the number.
    #[arg(long, value_name = "N", requires = "file", value_parser = clap::value_parser!(u64).range(1..=64))]
    pub jobs: Option<u64>,
    /// The progress bar on standard error: auto draws it only when that is a terminal.
    #[arg(long, value_enum, default_value_t = ProgressArg::Auto, requires = "file")]
    pub progress: ProgressArg,
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
pub enum FileTypeArg {
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
pub enum SummaryArg {
    /// Counts, for people.
    Text,
    /// One JSON object.
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ProgressArg {
    /// When standard error is a terminal.
    Auto,
    /// Always (even when standard error is not a terminal).
    Always,
    /// Never.
    Never,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum IssuerArg {
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
    pub fn issuer(self) -> Option<Issuer> {
        match self {
            IssuerArg::Any => None,
            IssuerArg::Vss => Some(Issuer::VietnamSocialSecurity),
            IssuerArg::Police => Some(Issuer::Police),
            IssuerArg::Defence => Some(Issuer::Defence),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Human-readable, with a caret under the offending character.
    Text,
    /// One JSON object per number (JSON Lines).
    Json,
    /// Comma-separated values (only for the report of --file).
    Csv,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

impl LangArg {
    /// The language asked for, or the locale's when none was.
    pub fn or_from_env(arg: Option<LangArg>) -> Lang {
        match arg {
            Some(LangArg::Vi) => Lang::Vi,
            Some(LangArg::En) => Lang::En,
            None => lang_from_env(),
        }
    }
}

impl CheckArgs {
    /// The language of the messages.
    pub fn lang(&self) -> Lang {
        LangArg::or_from_env(self.lang)
    }

    /// Strict, or lenient with `--lenient`.
    pub fn mode(&self) -> Mode {
        Mode::from_lenient(self.lenient)
    }
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

#[derive(clap::Args, Debug)]
pub struct IdentifyArgs {
    /// Accept pasted text: drop spaces, dots, hyphens and underscores, uppercase letters.
    #[arg(long)]
    pub lenient: bool,
    /// Output: an explanation per value, or one JSON object per line.
    #[arg(long, value_enum, default_value_t = IdentifyFormat::Text)]
    pub format: IdentifyFormat,
    /// Language of the messages [default: from the locale, as for check].
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Show the names, address and dates decoded from a QR code in the text output (masked
    /// by default; the JSON output always has them: it is the decoding asked for).
    #[arg(long)]
    pub reveal: bool,
    /// Values to identify; none: read standard input, one value per line (a line ends at
    /// LF, CR, or after a QR payload's closing `|$`).
    pub values: Vec<String>,
}

impl IdentifyArgs {
    /// The language of the messages.
    pub fn lang(&self) -> Lang {
        LangArg::or_from_env(self.lang)
    }

    /// Strict, or lenient with `--lenient`.
    pub fn mode(&self) -> Mode {
        Mode::from_lenient(self.lenient)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum IdentifyFormat {
    /// Human-readable.
    Text,
    /// One JSON object per value (JSON Lines).
    Json,
}
