//! Writing the verdicts: text for people, JSON Lines for programs.

use std::io::{self, Write};

use bhyt::{CardNumber, CardView, Error, ErrorView, Form, Lang};
use serde::Serialize;

/// The result of checking one input.
pub type Verdict = Result<CardNumber, Error>;

/// Writes one entry per checked input.
pub struct Report<W: Write> {
    out: W,
    json: bool,
    lang: Lang,
}

impl<W: Write> Report<W> {
    pub fn new(out: W, json: bool, lang: Lang) -> Self {
        Report { out, json, lang }
    }

    pub fn write(&mut self, input: &[u8], verdict: &Verdict) -> io::Result<()> {
        if self.json {
            write_json(&mut self.out, input, verdict, self.lang)
        } else {
            self.write_text(input, verdict)
        }
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn write_text(&mut self, input: &[u8], verdict: &Verdict) -> io::Result<()> {
        let shown = printable(input);
        let vi = self.lang == Lang::Vi;
        match verdict {
            Ok(card) => {
                let label = if vi { "hợp lệ" } else { "valid" };
                writeln!(self.out, "{shown}  {label}")?;
                for (name, value) in parts(card, self.lang) {
                    writeln!(self.out, "    {name:<26}{value}")?;
                }
            }
            Err(error) => {
                let label = if vi { "không hợp lệ" } else { "invalid" };
                writeln!(self.out, "{shown}  {label} ({})", error.code())?;
                let message = error.message(self.lang);
                match error.position() {
                    Some(position) => writeln!(self.out, "{:position$}^ {message}", "")?,
                    None => writeln!(self.out, "{message}")?,
                }
            }
        }
        writeln!(self.out)
    }
}

/// The input as one line of text: invalid UTF-8 becomes U+FFFD and control characters their
/// one-column Unicode pictures (U+2400...), so a caret still lines up under its character.
fn printable(input: &[u8]) -> String {
    let text: String = String::from_utf8_lossy(input)
        .chars()
        .map(|c| match c {
            '\0'..='\x1f' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\x7f' => '\u{2421}',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect();
    if text.is_empty() {
        "\"\"".to_owned()
    } else {
        text
    }
}

/// The decoded parts of a card, as (label, value) lines for the text report: the card's
/// view, with labels.
fn parts(card: &CardNumber, lang: Lang) -> Vec<(&'static str, String)> {
    let vi = lang == Lang::Vi;
    let view = card.view(lang);
    let mut lines = Vec::new();
    let form = match (card.form(), vi) {
        (Form::Short, false) => "10 digits (social-insurance number)",
        (Form::Short, true) => "10 chữ số (mã số BHXH)",
        (Form::Full, false) => "15 characters",
        (Form::Full, true) => "15 ký tự",
    };
    lines.push((if vi { "dạng" } else { "form" }, form.to_owned()));
    if let (Some(group), Some(description)) = (view.group_code, view.group_description) {
        let label = if vi {
            "mã đối tượng"
        } else {
            "group code"
        };
        lines.push((label, format!("{group}: {description}")));
    }
    if let (Some(level), Some(meaning)) = (view.benefit_level, view.benefit_meaning) {
        let label = if vi {
            "mức hưởng"
        } else {
            "benefit level"
        };
        lines.push((label, format!("{level}: {meaning}")));
    }
    if let Some(name) = view.issuer_name {
        let label = if vi {
            "đơn vị cấp thẻ"
        } else {
            "issuing body"
        };
        lines.push((label, name.to_owned()));
    }
    if let Some(province) = view.province_code {
        let label = if vi {
            "mã nơi cấp"
        } else {
            "province code of issue"
        };
        lines.push((label, province.to_string()));
    }
    let label = if vi {
        "mã số BHXH"
    } else {
        "social-insurance number"
    };
    lines.push((label, view.social_insurance_number.to_string()));
    let label = if vi { "hiển thị" } else { "grouped" };
    lines.push((label, view.grouped.to_string()));
    lines
}

/// One JSON object: the input, the verdict, and the decoded parts (the card's view) or the
/// error (its view). Fields that do not apply (the parts of an invalid number, the prefix
/// parts of a 10-digit one) are left out or null, as documented in the README.
#[derive(Serialize)]
struct JsonVerdict<'a> {
    input: &'a str,
    valid: bool,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    parts: Option<CardView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorView>,
}

fn write_json(out: &mut impl Write, input: &[u8], verdict: &Verdict, lang: Lang) -> io::Result<()> {
    let input = String::from_utf8_lossy(input);
    let object = JsonVerdict {
        input: &input,
        valid: verdict.is_ok(),
        parts: verdict.as_ref().ok().map(|card| card.view(lang)),
        error: verdict.as_ref().err().map(|error| error.view(lang)),
    };
    serde_json::to_writer(&mut *out, &object)?;
    writeln!(out)
}
