//! `bhyt identify`: what was typed into one search box, a BHYT card number, a 12-digit
//! personal identification number, or the QR code of a BHYT card or a CCCD typed by a
//! scanner.

use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use bhyt::{
    AdviceView, CardQrView, ErrorView, IdentifyError, IdentifyMessage, Identity, IdentityView,
    Lang, Mode, PersonalIdQrView,
};
use serde::Serialize;

use crate::args::{IdentifyArgs, IdentifyFormat};

/// One JSON object per value: the input, then the core's views of what was found (its kind
/// and its parts, [`IdentityView`]) or of the error, and of the notes, as `bhyt check` writes
/// them.
#[derive(Serialize)]
struct Json<'a> {
    input: &'a str,
    /// `null` when nothing was identified; otherwise the identity's view writes it.
    #[serde(skip_serializing_if = "Option::is_some")]
    kind: Option<&'static str>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    identity: Option<IdentityView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorView<IdentifyMessage>>,
    advice: Vec<AdviceView>,
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
    // Three times the payload always holds a QR code's decoded texts.
    let mut buf = vec![0u8; 3 * input.len()];
    let identity = match result {
        Ok(identity) => Ok(identity
            .view(input, lang, &mut buf)
            .map_err(|error| io::Error::other(error.to_string()))?),
        Err(error) => Err(error),
    };
    if json {
        let object = Json {
            input: &text,
            kind: result.as_ref().ok().map(Identity::kind),
            identity: identity.ok(),
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
    match identity {
        Ok(IdentityView::Card(card)) => {
            let label = if vi {
                "số thẻ BHYT"
            } else {
                "BHYT card number"
            };
            writeln!(
                out,
                "{shown}  {label} ({} {})",
                card.form,
                if vi { "ký tự" } else { "characters" }
            )?;
            writeln!(
                out,
                "    {:<26}{}",
                if vi { "hiển thị" } else { "grouped" },
                card.grouped
            )?;
            writeln!(
                out,
                "    {:<26}{}",
                if vi {
                    "mã số BHXH"
                } else {
                    "social-insurance number"
                },
                card.social_insurance_number
            )?;
        }
        Ok(IdentityView::PersonalId(id)) => {
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
            writeln!(out, "    {place:<26}{}", id.birth_place_code)?;
            let sex = id.sex.name(lang);
            writeln!(out, "    {:<26}{sex}", if vi { "giới tính" } else { "sex" })?;
            writeln!(
                out,
                "    {:<26}{}",
                if vi { "năm sinh" } else { "birth year" },
                id.birth_year
            )?;
        }
        Ok(IdentityView::CardQr(qr)) => describe_card_qr(out, &qr, lang, reveal)?,
        Ok(IdentityView::PersonalIdQr(qr)) => describe_personal_id_qr(out, &qr, lang, reveal)?,
        Ok(other) => writeln!(out, "{shown}  {}", other.kind())?,
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
    qr: &CardQrView<'_>,
    lang: Lang,
    reveal: bool,
) -> io::Result<()> {
    let vi = lang == Lang::Vi;
    let label = if vi {
        "mã QR thẻ BHYT"
    } else {
        "BHYT card QR code"
    };
    writeln!(out, "{label} ({})", qr.layout.as_str())?;
    let t = |vi_label: &'static str, en: &'static str| if vi { vi_label } else { en };
    let shown_card = if reveal {
        qr.card.grouped
    } else {
        qr.card.masked
    };
    line(out, t("số thẻ", "card"), shown_card)?;
    line(out, t("họ tên", "name"), shown_text(qr.name, reveal))?;
    let birth = if reveal {
        qr.birth_date.to_string()
    } else {
        format!("{} (****)", qr.birth_date.year())
    };
    line(out, t("ngày sinh", "date of birth"), birth)?;
    line(out, t("giới tính", "sex"), qr.sex.name(lang))?;
    let none = t("không có", "none");
    let address = qr
        .address
        .map_or(none.to_owned(), |a| shown_text(a, reveal));
    line(out, t("địa chỉ", "address"), address)?;
    line(
        out,
        t("nơi ĐKKCB ban đầu", "registered facility"),
        qr.facility_code,
    )?;
    line(out, t("giá trị từ", "valid from"), qr.valid_from)?;
    let open = t("không thời hạn", "open-ended");
    line(
        out,
        t("giá trị đến", "valid to"),
        qr.valid_to.map_or(open.to_owned(), |date| date.to_string()),
    )?;
    line(out, t("ngày cấp", "issued on"), qr.issued_on)?;
    line(out, t("mã quản lý", "manager code"), qr.manager_code)?;
    if let Some(guardian) = qr.guardian_name {
        line(
            out,
            t("cha mẹ/người giám hộ", "guardian"),
            shown_text(guardian, reveal),
        )?;
    }
    if let Some(five) = qr.five_years_on {
        line(out, t("đủ 5 năm liên tục", "5 continuous years"), five)?;
    }
    for raw in qr.raw_fields.iter() {
        line(
            out,
            &format!("{} {}", t("trường", "field"), raw.index),
            raw.value,
        )?;
    }
    if qr.repaired {
        line(
            out,
            t("đã sửa", "repaired"),
            t("lỗi gõ Telex", "Telex damage"),
        )?;
    }
    if qr.utf16 {
        line(out, t("mã hoá", "encoding"), "UTF-16LE")?;
    }
    Ok(())
}

fn describe_personal_id_qr(
    out: &mut impl Write,
    qr: &PersonalIdQrView<'_>,
    lang: Lang,
    reveal: bool,
) -> io::Result<()> {
    let vi = lang == Lang::Vi;
    let t = |vi_label: &'static str, en: &'static str| if vi { vi_label } else { en };
    writeln!(out, "{}", t("mã QR CCCD", "CCCD QR code"))?;
    let id = qr.personal_id;
    let shown_id = if reveal {
        id.digits.as_str().to_owned()
    } else {
        id.masked.to_string()
    };
    line(out, t("số định danh cá nhân", "personal id"), shown_id)?;
    let none = t("không có", "none");
    let old = qr.old_id.map_or(none.to_owned(), |old| {
        if reveal {
            old.to_owned()
        } else {
            format!("*****{}", old.get(5..).unwrap_or_default())
        }
    });
    line(out, t("số CMND cũ", "old CMND"), old)?;
    let text = |value: Option<&str>| value.map_or(none.to_owned(), |v| shown_text(v, reveal));
    line(out, t("họ tên", "name"), text(qr.name))?;
    let birth = qr.birth_date.map_or(none.to_owned(), |d| {
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
        qr.sex.map_or(none, |s| s.name(lang)),
    )?;
    line(out, t("địa chỉ", "address"), text(qr.address))?;
    let issued = qr.issued_on.map_or(none.to_owned(), |d| d.to_string());
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
