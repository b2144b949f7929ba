//! `bhyt identify`: what was typed into one search box, a BHYT card number, a 12-digit
//! personal identification number, or the QR code of a BHYT card or a CCCD typed by a
//! scanner.

use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use bhyt::{
    AdviceView, CardQr, CardView, ErrorView, IdentifyError, IdentifyMessage, Identity, Lang, Mode,
    PersonalIdQr, Style,
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
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    card_qr: Option<CardQrJson>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    personal_id_qr: Option<PersonalIdQrJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorView<IdentifyMessage>>,
    advice: Vec<AdviceView>,
}

/// A field kept raw, by its 0-based index in the payload.
#[derive(Serialize)]
struct RawField {
    index: usize,
    value: String,
}

/// The decoded fields of a card's QR code (beside `card`); dates ISO, a year alone `yyyy`.
#[derive(Serialize)]
struct CardQrJson {
    name: String,
    birth_date: String,
    sex: &'static str,
    address: Option<String>,
    facility_code: String,
    valid_from: String,
    valid_to: Option<String>,
    issued_on: String,
    manager_code: String,
    guardian_name: Option<String>,
    five_years_on: Option<String>,
    raw_fields: Vec<RawField>,
    layout: &'static str,
    repaired: bool,
    utf16: bool,
}

/// The decoded fields of a CCCD's QR code (beside `personal_id`).
#[derive(Serialize)]
struct PersonalIdQrJson {
    old_id: Option<String>,
    name: Option<String>,
    birth_date: Option<String>,
    sex: Option<&'static str>,
    address: Option<String>,
    issued_on: Option<String>,
    raw_fields: Vec<RawField>,
}

/// Decodes one text field; the buffer as long as the payload always suffices.
fn decoded(
    input: &[u8],
    read: impl for<'b> FnOnce(&[u8], &'b mut [u8]) -> Result<Option<&'b str>, bhyt::BufferTooSmall>,
) -> Option<String> {
    let mut buf = vec![0u8; input.len()];
    read(input, &mut buf).ok().flatten().map(str::to_owned)
}

fn card_qr_json(input: &[u8], qr: &CardQr) -> CardQrJson {
    CardQrJson {
        name: decoded(input, |p, b| qr.name(p, b).map(Some)).unwrap_or_default(),
        birth_date: qr.birth_date().to_string(),
        sex: qr.sex().as_str(),
        address: decoded(input, |p, b| qr.address(p, b)),
        facility_code: qr.facility_code().to_string(),
        valid_from: qr.valid_from().to_string(),
        valid_to: qr.valid_to().map(|d| d.to_string()),
        issued_on: qr.issued_on().to_string(),
        manager_code: qr.manager_code(input).to_owned(),
        guardian_name: decoded(input, |p, b| qr.guardian_name(p, b)),
        five_years_on: qr.five_years_on().map(|d| d.to_string()),
        raw_fields: qr
            .raw_field_indexes()
            .map(|index| RawField {
                index,
                value: qr.raw_field(input, index).unwrap_or_default().to_owned(),
            })
            .collect(),
        layout: qr.layout().as_str(),
        repaired: qr.repaired(),
        utf16: qr.utf16(),
    }
}

fn personal_id_qr_json(input: &[u8], qr: &PersonalIdQr) -> PersonalIdQrJson {
    PersonalIdQrJson {
        old_id: qr.old_id(input).map(str::to_owned),
        name: qr.name(input).map(str::to_owned),
        birth_date: qr.birth_date().map(|d| d.to_string()),
        sex: qr.sex().map(bhyt::Sex::as_str),
        address: qr.address(input).map(str::to_owned),
        issued_on: qr.issued_on().map(|d| d.to_string()),
        raw_fields: qr
            .raw_field_indexes()
            .map(|index| RawField {
                index,
                value: qr.raw_field(input, index).unwrap_or_default().to_owned(),
            })
            .collect(),
    }
}

/// The text shown for personal data: as decoded with `--reveal`, else masked.
fn shown_text(text: &str, reveal: bool) -> String {
    if reveal {
        return text.to_owned();
    }
    let mut buf = vec![0u8; text.len()];
    bhyt::mask_text(text, &mut buf)
        .map(str::to_owned)
        .unwrap_or_default()
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
    reveal: bool,
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
            card_qr: result
                .as_ref()
                .ok()
                .and_then(Identity::card_qr)
                .map(|qr| card_qr_json(input, &qr)),
            personal_id_qr: result
                .as_ref()
                .ok()
                .and_then(Identity::personal_id_qr)
                .map(|qr| personal_id_qr_json(input, &qr)),
            error: result.as_ref().err().map(|error| error.view(lang)),
            advice,
        };
        serde_json::to_writer(&mut *out, &object)?;
        return writeln!(out);
    }
    let shown = if text.contains('|') {
        // A QR payload is personal data: its decoding below is masked, so is the echo.
        "[QR]".into()
    } else if text.is_empty() {
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
        Ok(Identity::CardQr(qr)) => describe_card_qr(out, input, qr, lang, reveal)?,
        Ok(Identity::PersonalIdQr(qr)) => describe_personal_id_qr(out, input, qr, lang, reveal)?,
        Err(error) => {
            let label = if vi {
                "không nhận dạng được"
            } else {
                "not identified"
            };
            writeln!(out, "{shown}  {label} ({})", error.code())?;
            match error.position() {
                Some(position) if !text.contains('|') => {
                    writeln!(out, "{:position$}^ {}", "", error.message(lang))?
                }
                _ => writeln!(out, "{}", error.message(lang))?,
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

/// One labelled line of the text output.
fn line(out: &mut impl Write, label: &str, value: impl std::fmt::Display) -> io::Result<()> {
    writeln!(out, "    {label:<26}{value}")
}

fn describe_card_qr(
    out: &mut impl Write,
    input: &[u8],
    qr: &CardQr,
    lang: Lang,
    reveal: bool,
) -> io::Result<()> {
    let vi = lang == Lang::Vi;
    let json = card_qr_json(input, qr);
    let label = if vi {
        "mã QR thẻ BHYT"
    } else {
        "BHYT card QR code"
    };
    writeln!(out, "{label} ({})", json.layout)?;
    let t = |vi_label: &'static str, en: &'static str| if vi { vi_label } else { en };
    let card = qr.card();
    let shown_card = if reveal {
        card.format(Style::Grouped).to_string()
    } else {
        card.format(Style::Masked).to_string()
    };
    line(out, t("số thẻ", "card"), shown_card)?;
    line(out, t("họ tên", "name"), shown_text(&json.name, reveal))?;
    let birth = if reveal {
        json.birth_date.clone()
    } else {
        format!("{} (****)", qr.birth_date().year())
    };
    line(out, t("ngày sinh", "date of birth"), birth)?;
    line(out, t("giới tính", "sex"), qr.sex().name(lang))?;
    let none = t("không có", "none");
    let address = json
        .address
        .as_deref()
        .map_or(none.to_owned(), |a| shown_text(a, reveal));
    line(out, t("địa chỉ", "address"), address)?;
    line(
        out,
        t("nơi ĐKKCB ban đầu", "registered facility"),
        &json.facility_code,
    )?;
    line(out, t("giá trị từ", "valid from"), &json.valid_from)?;
    let open = t("không thời hạn", "open-ended");
    line(
        out,
        t("giá trị đến", "valid to"),
        json.valid_to.as_deref().unwrap_or(open),
    )?;
    line(out, t("ngày cấp", "issued on"), &json.issued_on)?;
    line(out, t("mã quản lý", "manager code"), &json.manager_code)?;
    if let Some(guardian) = &json.guardian_name {
        line(
            out,
            t("cha mẹ/người giám hộ", "guardian"),
            shown_text(guardian, reveal),
        )?;
    }
    if let Some(five) = &json.five_years_on {
        line(out, t("đủ 5 năm liên tục", "5 continuous years"), five)?;
    }
    for raw in &json.raw_fields {
        line(
            out,
            &format!("{} {}", t("trường", "field"), raw.index),
            &raw.value,
        )?;
    }
    if json.repaired {
        line(
            out,
            t("đã sửa", "repaired"),
            t("lỗi gõ Telex", "Telex damage"),
        )?;
    }
    if json.utf16 {
        line(out, t("mã hoá", "encoding"), "UTF-16LE")?;
    }
    Ok(())
}

fn describe_personal_id_qr(
    out: &mut impl Write,
    input: &[u8],
    qr: &PersonalIdQr,
    lang: Lang,
    reveal: bool,
) -> io::Result<()> {
    let vi = lang == Lang::Vi;
    let t = |vi_label: &'static str, en: &'static str| if vi { vi_label } else { en };
    writeln!(out, "{}", t("mã QR CCCD", "CCCD QR code"))?;
    let id = qr.personal_id();
    let shown_id = if reveal {
        id.as_str().to_owned()
    } else {
        id.masked().to_string()
    };
    line(out, t("số định danh cá nhân", "personal id"), shown_id)?;
    let none = t("không có", "none");
    let old = qr.old_id(input).map_or(none.to_owned(), |old| {
        if reveal {
            old.to_owned()
        } else {
            format!("*****{}", old.get(5..).unwrap_or_default())
        }
    });
    line(out, t("số CMND cũ", "old CMND"), old)?;
    let text = |value: Option<&str>| value.map_or(none.to_owned(), |v| shown_text(v, reveal));
    line(out, t("họ tên", "name"), text(qr.name(input)))?;
    let birth = qr.birth_date().map_or(none.to_owned(), |d| {
        if reveal {
            d.to_string()
        } else {
            format!("{} (****)", d.year())
        }
    });
    line(out, t("ngày sinh", "date of birth"), birth)?;
    line(
        out,
        t("giới tính", "sex"),
        qr.sex().map_or(none, |s| s.name(lang)),
    )?;
    line(out, t("địa chỉ", "address"), text(qr.address(input)))?;
    let issued = qr.issued_on().map_or(none.to_owned(), |d| d.to_string());
    line(out, t("ngày cấp", "issued on"), issued)
}

/// The payloads of one line read from a scanner: split at CR and after each closing `|$`
/// (a scanner may end a payload with any of them); empty pieces between them are dropped,
/// an empty line is one empty value.
fn payloads(line: &[u8]) -> Vec<&[u8]> {
    if line.is_empty() {
        return vec![line];
    }
    let mut out = Vec::new();
    for piece in line.split(|&b| b == b'\r') {
        let mut rest = piece;
        while let Some(at) = rest.windows(2).position(|w| w == b"|$") {
            let (payload, tail) = rest.split_at(at + 2);
            out.push(payload);
            rest = tail;
        }
        if !rest.is_empty() {
            out.push(rest);
        }
    }
    out
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
        describe(out, input, &result, mode, lang, json, args.reveal)?;
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
            if let Err(error) = payloads(input)
                .into_iter()
                .try_for_each(|input| one(&mut out, input))
            {
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
