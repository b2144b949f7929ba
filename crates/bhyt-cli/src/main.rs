//! `bhyt`: check Vietnamese health-insurance (BHYT) card numbers from the command line.
//!
//! ```text
//! bhyt check [--issuer any|vss|police|defence] [--lenient] [--format text|json] [--lang vi|en] [NUMBER...]
//! ```
//!
//! Checks each NUMBER, or each line of standard input when none is given, streaming. Exit
//! status: 0 when every number is valid, 1 when any is invalid, 2 for a usage or input/output
//! error.

mod report;

use std::io::{self, BufRead, BufWriter, IsTerminal};
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
    Check(CheckArgs),
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// The issuing body chosen in the form; `any` infers it from characters 4-5.
    #[arg(long, value_enum, default_value_t = IssuerArg::Any)]
    issuer: IssuerArg,
    /// Accept pasted text: drop spaces, dots, hyphens and underscores, uppercase letters.
    #[arg(long)]
    lenient: bool,
    /// Output: an explanation per number, or one JSON object per line.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,
    /// Language of the messages [default: vi when LC_ALL, LC_MESSAGES or LANG starts with
    /// "vi", else en].
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Card numbers to check; none: read standard input, one number per line.
    numbers: Vec<String>,
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
    let Command::Check(args) = Cli::parse().command;
    match check(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) => {
            eprintln!("bhyt: {error}");
            ExitCode::from(2)
        }
    }
}

/// Checks every number and writes the report; `Ok(true)` when all were valid.
fn check(args: &CheckArgs) -> io::Result<bool> {
    let lang = match args.lang {
        Some(LangArg::Vi) => Lang::Vi,
        Some(LangArg::En) => Lang::En,
        None => lang_from_env(),
    };
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
        args.format == FormatArg::Json,
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
        let mut line = Vec::with_capacity(64);
        loop {
            line.clear();
            if reader.read_until(b'\n', &mut line)? == 0 {
                break Ok(());
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
