//! Writing the verdicts: text for people, JSON Lines for programs.

use std::io::{self, Write};

use bhyt::{CardNumber, Error, Form, Lang, Style};
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

/// The decoded parts of a card, as (label, value) lines for the text report.
fn parts(card: &CardNumber, lang: Lang) -> Vec<(&'static str, String)> {
    let vi = lang == Lang::Vi;
    let mut lines = Vec::new();
    let form = match (card.form(), vi) {
        (Form::Short, false) => "10 digits (social-insurance number)",
        (Form::Short, true) => "10 chữ số (mã số BHXH)",
        (Form::Full, false) => "15 characters",
        (Form::Full, true) => "15 ký tự",
    };
    lines.push((if vi { "dạng" } else { "form" }, form.to_owned()));
    if let Some(group) = card.group_code() {
        let description = group.description(lang);
        lines.push((
            if vi {
                "mã đối tượng"
            } else {
                "group code"
            },
            format!("{group}: {description}"),
        ));
    }
    if let Some(level) = card.benefit_level() {
        let meaning = level.meaning(lang);
        lines.push((
            if vi {
                "mức hưởng"
            } else {
                "benefit level"
            },
            format!("{level}: {meaning}"),
        ));
    }
    if let Some(issuer) = card.issuer() {
        let name = issuer.name(lang);
        lines.push((
            if vi {
                "đơn vị cấp thẻ"
            } else {
                "issuing body"
            },
            name.to_owned(),
        ));
    }
    if let Some(province) = card.province_code() {
        lines.push((
            if vi {
                "mã nơi cấp"
            } else {
                "province code of issue"
            },
            province.to_string(),
        ));
    }
    let sin = card.social_insurance_number().to_string();
    lines.push((
        if vi {
            "mã số BHXH"
        } else {
            "social-insurance number"
        },
        sin,
    ));
    lines.push((
        if vi { "hiển thị" } else { "grouped" },
        card.format(Style::Grouped).to_string(),
    ));
    lines
}

/// One JSON object: the input, the verdict, and the decoded parts or the error. Fields that
/// do not apply (the parts of an invalid number, the prefix parts of a 10-digit one) are left
/// out or null, as documented in the README.
#[derive(Serialize)]
struct JsonVerdict<'a> {
    input: &'a str,
    valid: bool,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    parts: Option<JsonParts<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<JsonError>,
}

#[derive(Serialize)]
struct JsonParts<'a> {
    form: usize,
    group_code: Option<&'static str>,
    group_description: Option<&'static str>,
    benefit_level: Option<u8>,
    benefit_meaning: Option<&'static str>,
    issuer: Option<&'static str>,
    issuer_name: Option<&'static str>,
    province_code: Option<String>,
    social_insurance_number: &'a str,
    key: String,
    compact: &'a str,
    grouped: &'a str,
    masked: &'a str,
}

#[derive(Serialize)]
struct JsonError {
    code: &'static str,
    position: Option<usize>,
    message: String,
}

fn write_json(out: &mut impl Write, input: &[u8], verdict: &Verdict, lang: Lang) -> io::Result<()> {
    let input = String::from_utf8_lossy(input);
    match verdict {
        Ok(card) => {
            let sin = card.social_insurance_number();
            let group = card.group_code();
            let level = card.benefit_level();
            let issuer = card.issuer();
            let [compact, grouped, masked] = Style::ALL.map(|style| card.format(style));
            let parts = JsonParts {
                form: card.form().len(),
                group_code: group.map(|g| g.as_str()),
                group_description: group.map(|g| g.description(lang)),
                benefit_level: level.map(|l| l.digit()),
                benefit_meaning: level.map(|l| l.meaning(lang)),
                issuer: issuer.map(|i| i.as_str()),
                issuer_name: issuer.map(|i| i.name(lang)),
                province_code: card.province_code().map(|p| p.to_string()),
                social_insurance_number: sin.as_str(),
                key: card.key().to_string(),
                compact: compact.as_str(),
                grouped: grouped.as_str(),
                masked: masked.as_str(),
            };
            let object = JsonVerdict {
                input: &input,
                valid: true,
                parts: Some(parts),
                error: None,
            };
            serde_json::to_writer(&mut *out, &object)?;
        }
        Err(error) => {
            let error = JsonError {
                code: error.code().as_str(),
                position: error.position(),
                message: error.message(lang).to_string(),
            };
            let object = JsonVerdict {
                input: &input,
                valid: false,
                parts: None,
                error: Some(error),
            };
            serde_json::to_writer(&mut *out, &object)?;
        }
    }
    writeln!(out)
}
