//! `bhyt identify`: what was typed into one search box, a BHYT card number or a 12-digit
//! personal identification number.

use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use bhyt::{
    AdviceView, CardView, ErrorView, IdentifyError, IdentifyMessage, Identity, Lang, Mode, Style,
};
use serde::Serialize;

use crate::args::{IdentifyArgs, IdentifyFormat};

/// One JSON object per value: the views of the card, the error and the notes, as `bhyt
/// check` writes them; the personal identification number's own parts.
#[derive(Serialize)]
struct Json<'a> {
    input: &'a str,
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    card: Option<CardView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    personal_id: Option<PersonalJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorView<IdentifyMessage>>,
    advice: Vec<AdviceView>,
}

#[derive(Serialize)]
struct PersonalJson {
    digits: String,
    masked: String,
    birth_place_code: String,
    birth_place_on_2016_province_list: bool,
    sex: &'static str,
    century: u16,
    birth_year: u16,
}

fn describe(
    out: &mut impl Write,
    input: &[u8],
    result: &Result<Identity, IdentifyError>,
    mode: Mode,
    lang: Lang,
    json: bool,
) -> io::Result<()> {
    let advice: Vec<AdviceView> = mode
        .advise(input, None)
        .map(|advice| advice.view(lang))
        .collect();
    let text = String::from_utf8_lossy(input);
    let vi = lang == Lang::Vi;
    if json {
        let object = Json {
            input: &text,
            kind: result.as_ref().ok().map(Identity::kind),
            card: result
                .as_ref()
                .ok()
                .and_then(Identity::card)
                .map(|card| card.view(lang)),
            personal_id: result
                .as_ref()
                .ok()
                .and_then(Identity::personal_id)
                .map(|id| PersonalJson {
                    digits: id.as_str().to_owned(),
                    masked: id.masked().to_string(),
                    birth_place_code: id.birth_place().to_string(),
                    birth_place_on_2016_province_list: id.birth_place().is_on_2016_province_list(),
                    sex: id.sex().as_str(),
                    century: id.century(),
                    birth_year: id.birth_year(),
                }),
            error: result.as_ref().err().map(|error| error.view(lang)),
            advice,
        };
        serde_json::to_writer(&mut *out, &object)?;
        return writeln!(out);
    }
    let shown = if text.is_empty() {
        "\"\"".into()
    } else {
        text.replace(|c: char| c.is_control(), "\u{fffd}")
    };
    match result {
        Ok(Identity::Card(card)) => {
            let label = if vi {
                "số thẻ BHYT"
            } else {
                "BHYT card number"
            };
            writeln!(
                out,
                "{shown}  {label} ({} {})",
                card.form().len(),
                if vi { "ký tự" } else { "characters" }
            )?;
            writeln!(
                out,
                "    {:<26}{}",
                if vi { "hiển thị" } else { "grouped" },
                card.format(Style::Grouped)
            )?;
            writeln!(
                out,
                "    {:<26}{}",
                if vi {
                    "mã số BHXH"
                } else {
                    "social-insurance number"
                },
                card.social_insurance_number()
            )?;
        }
        Ok(Identity::PersonalId(id)) => {
            let label = if vi {
                "số định danh cá nhân (CCCD)"
            } else {
                "personal identification number (CCCD)"
            };
            writeln!(out, "{shown}  {label}")?;
            let place = if vi {
                "mã nơi đăng ký khai sinh"
            } else {
                "birth registration code"
            };
            writeln!(out, "    {place:<26}{}", id.birth_place())?;
            let sex = id.sex().name(lang);
            writeln!(out, "    {:<26}{sex}", if vi { "giới tính" } else { "sex" })?;
            writeln!(
                out,
                "    {:<26}{}",
                if vi { "năm sinh" } else { "birth year" },
                id.birth_year()
            )?;
        }
        Err(error) => {
            let label = if vi {
                "không nhận dạng được"
            } else {
                "not identified"
            };
            writeln!(out, "{shown}  {label} ({})", error.code())?;
            match error.position() {
                Some(position) => writeln!(out, "{:position$}^ {}", "", error.message(lang))?,
                None => writeln!(out, "{}", error.message(lang))?,
            }
        }
    }
    for note in &advice {
        writeln!(
            out,
            "    {} {}: {}",
            if vi { "lưu ý" } else { "note" },
            note.code,
            note.message
        )?;
    }
    writeln!(out)
}

pub fn run(args: &IdentifyArgs) -> ExitCode {
    let lang = args.lang();
    let mode = args.mode();
    let json = args.format == IdentifyFormat::Json;
    let stdin = io::stdin();
    let interactive = args.values.is_empty() && stdin.is_terminal();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut all = true;
    let mut one = |out: &mut BufWriter<_>, input: &[u8]| -> io::Result<()> {
        let result = mode.identify(input);
        all &= result.is_ok();
        describe(out, input, &result, mode, lang, json)?;
        if interactive {
            out.flush()?;
        }
        Ok(())
    };
    let result = if args.values.is_empty() {
        let mut reader = stdin.lock();
        let mut line = Vec::new();
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => break Ok(()),
                Ok(_) => {}
                Err(error) => break Err(error),
            }
            let input = line.strip_suffix(b"\n").unwrap_or(&line);
            let input = input.strip_suffix(b"\r").unwrap_or(input);
            if let Err(error) = one(&mut out, input) {
                break Err(error);
            }
        }
    } else {
        args.values
            .iter()
            .try_for_each(|value| one(&mut out, value.as_bytes()))
    };
    match result.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::from(u8::from(!all)),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(u8::from(!all)),
        Err(error) => {
            eprintln!("bhyt: {error}");
            ExitCode::from(2)
        }
    }
}
