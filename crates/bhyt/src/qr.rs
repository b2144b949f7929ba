//! The QR codes a barcode scanner types into the reception desk's search box: the BHYT
//! card's (paper card, VssID) and the chip-based CCCD's. Fields are kept as spans of the
//! payload; decoded text is written into the caller's buffer.

use core::fmt;
use core::ops::Range;

use crate::date::number;
use crate::{
    validate, BirthDate, CardNumber, Date, FacilityCode, FacilityCodeError, Found, IdentifyError,
    Identity, Lang, PersonalId, Sex,
};

/// The most `|`-separated fields a payload may have (unknown extra fields are kept up to
/// this many; a longer payload is [`IdentifyError::UnrecognizedQr`]).
pub const MAX_QR_FIELDS: usize = 32;

/// The longest payload, in bytes, read as a QR code (real ones are under 1,000).
pub const MAX_QR_LEN: usize = 4096;

/// A field of a QR payload, named as in the JSON and JS outputs; what an
/// [`IdentifyError::InvalidQrField`] names.
///
/// ```
/// use bhyt::QrField;
/// assert_eq!(QrField::BirthDate.as_str(), "birth_date");
/// assert_eq!(QrField::BirthDate.name(bhyt::Lang::Vi), "ngày sinh");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QrField {
    /// The card number (card QR field 0).
    Card,
    /// The full name (card QR field 1, CCCD field 2).
    Name,
    /// The date of birth (card QR field 2, CCCD field 3).
    BirthDate,
    /// The sex (card QR field 3, CCCD field 4).
    Sex,
    /// The address (card QR field 4, CCCD field 5).
    Address,
    /// The initial registered facility (card QR field 5).
    FacilityCode,
    /// Valid from (card QR field 6).
    ValidFrom,
    /// Valid to (card QR field 7).
    ValidTo,
    /// The issue date (card QR field 8, CCCD field 6).
    IssuedOn,
    /// The manager code (card QR field 9).
    ManagerCode,
    /// The parent or guardian's name (card QR field 10).
    GuardianName,
    /// The date of 5 continuous years of participation (card QR field 12).
    FiveYearsOn,
    /// The 12-digit personal identification number (CCCD field 0).
    PersonalId,
    /// The old 9-digit CMND number (CCCD field 1).
    OldId,
}

impl QrField {
    /// Every field, card QR fields first, in field order.
    ///
    /// ```
    /// assert_eq!(bhyt::QrField::ALL.len(), 14);
    /// ```
    pub const ALL: [QrField; 14] = [
        QrField::Card,
        QrField::Name,
        QrField::BirthDate,
        QrField::Sex,
        QrField::Address,
        QrField::FacilityCode,
        QrField::ValidFrom,
        QrField::ValidTo,
        QrField::IssuedOn,
        QrField::ManagerCode,
        QrField::GuardianName,
        QrField::FiveYearsOn,
        QrField::PersonalId,
        QrField::OldId,
    ];

    /// The stable name (the JSON field's name).
    pub const fn as_str(self) -> &'static str {
        match self {
            QrField::Card => "card",
            QrField::Name => "name",
            QrField::BirthDate => "birth_date",
            QrField::Sex => "sex",
            QrField::Address => "address",
            QrField::FacilityCode => "facility_code",
            QrField::ValidFrom => "valid_from",
            QrField::ValidTo => "valid_to",
            QrField::IssuedOn => "issued_on",
            QrField::ManagerCode => "manager_code",
            QrField::GuardianName => "guardian_name",
            QrField::FiveYearsOn => "five_years_on",
            QrField::PersonalId => "personal_id",
            QrField::OldId => "old_id",
        }
    }

    /// The field's name in the given language.
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (QrField::Card, Lang::Vi) => "số thẻ BHYT",
            (QrField::Name, Lang::Vi) => "họ tên",
            (QrField::BirthDate, Lang::Vi) => "ngày sinh",
            (QrField::Sex, Lang::Vi) => "giới tính",
            (QrField::Address, Lang::Vi) => "địa chỉ",
            (QrField::FacilityCode, Lang::Vi) => "nơi ĐKKCB ban đầu",
            (QrField::ValidFrom, Lang::Vi) => "giá trị từ ngày",
            (QrField::ValidTo, Lang::Vi) => "giá trị đến ngày",
            (QrField::IssuedOn, Lang::Vi) => "ngày cấp",
            (QrField::ManagerCode, Lang::Vi) => "mã quản lý",
            (QrField::GuardianName, Lang::Vi) => "họ tên cha mẹ hoặc người giám hộ",
            (QrField::FiveYearsOn, Lang::Vi) => "thời điểm đủ 5 năm liên tục",
            (QrField::PersonalId, Lang::Vi) => "số định danh cá nhân",
            (QrField::OldId, Lang::Vi) => "số CMND cũ",
            (QrField::Card, Lang::En) => "card number",
            (QrField::Name, Lang::En) => "name",
            (QrField::BirthDate, Lang::En) => "date of birth",
            (QrField::Sex, Lang::En) => "sex",
            (QrField::Address, Lang::En) => "address",
            (QrField::FacilityCode, Lang::En) => "initial registered facility",
            (QrField::ValidFrom, Lang::En) => "valid from",
            (QrField::ValidTo, Lang::En) => "valid to",
            (QrField::IssuedOn, Lang::En) => "issue date",
            (QrField::ManagerCode, Lang::En) => "manager code",
            (QrField::GuardianName, Lang::En) => "parent or guardian's name",
            (QrField::FiveYearsOn, Lang::En) => "date of 5 continuous years",
            (QrField::PersonalId, Lang::En) => "personal identification number",
            (QrField::OldId, Lang::En) => "old CMND number",
        }
    }
}

impl fmt::Display for QrField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which layout a card QR payload has.
///
/// ```
/// assert_eq!(bhyt::QrLayout::Tokens15.as_str(), "15_tokens");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QrLayout {
    /// 10 fields (with or without the closing `$`).
    Fields10,
    /// 15 tokens: 14 fields and the closing `$`.
    Tokens15,
    /// 17 tokens: 16 fields and the closing `$` (VssID).
    Tokens17,
    /// Any other number of fields (at least 10).
    Other,
}

impl QrLayout {
    /// The stable name: `10_fields`, `15_tokens`, `17_tokens` or `other`.
    pub const fn as_str(self) -> &'static str {
        match self {
            QrLayout::Fields10 => "10_fields",
            QrLayout::Tokens15 => "15_tokens",
            QrLayout::Tokens17 => "17_tokens",
            QrLayout::Other => "other",
        }
    }
}

impl fmt::Display for QrLayout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The `|`-separated fields of a payload, as byte spans of it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Fields {
    spans: [(u16, u16); MAX_QR_FIELDS],
    /// Fields, not counting the closing `$`.
    count: u8,
    /// Whether the payload ends with the `$` field.
    closed: bool,
}

impl Fields {
    pub(crate) fn span(&self, index: usize) -> Option<Range<usize>> {
        if index >= usize::from(self.count) {
            return None;
        }
        let (start, end) = *self.spans.get(index)?;
        Some(usize::from(start)..usize::from(end))
    }
}

/// Bits 0 to `count - 1` (at most [`MAX_QR_FIELDS`], 32, fields).
const fn present(count: u8) -> u32 {
    match 1u32.checked_shl(count as u32) {
        Some(bit) => bit - 1,
        None => u32::MAX,
    }
}

/// The payload without the scanner's line ending (CR, LF).
pub(crate) fn trim_line_end(input: &[u8]) -> &[u8] {
    let mut end = input.len();
    while end > 0 && matches!(input.get(end - 1), Some(b'\r' | b'\n')) {
        end -= 1;
    }
    input.get(..end).unwrap_or_default()
}

/// Whether `input` looks like a QR payload: it has a `|`.
pub(crate) fn is_qr(input: &[u8]) -> bool {
    input.contains(&b'|')
}

/// The character position (as [`identify`](crate::identify) counts them) of a byte offset.
fn char_position(payload: &[u8], byte: usize) -> usize {
    crate::scan::lossy_chars(payload.get(..byte).unwrap_or(payload)).count()
}

fn split(payload: &[u8]) -> Result<Fields, IdentifyError> {
    let mut fields = Fields {
        spans: [(0, 0); MAX_QR_FIELDS],
        count: 0,
        closed: false,
    };
    let total = payload.iter().filter(|&&b| b == b'|').count() + 1;
    if payload.len() > MAX_QR_LEN || total > MAX_QR_FIELDS + 1 {
        return Err(IdentifyError::UnrecognizedQr { fields: total });
    }
    let mut start = 0usize;
    let mut n = 0usize;
    for (i, piece) in payload.split(|&b| b == b'|').enumerate() {
        let end = start + piece.len();
        let closing = i + 1 == total && piece == b"$";
        if !closing {
            if let Some(slot) = fields.spans.get_mut(n) {
                // Both fit: the payload is at most MAX_QR_LEN bytes.
                *slot = (start as u16, end as u16);
                n += 1;
            } else {
                return Err(IdentifyError::UnrecognizedQr { fields: total });
            }
        } else {
            fields.closed = true;
        }
        start = end + 1;
    }
    fields.count = n as u8;
    Ok(fields)
}

/// Reads a QR payload: the dispatch of [`identify`](crate::identify) for input with `|`.
pub(crate) fn identify_qr(input: &[u8]) -> Result<Identity, IdentifyError> {
    let payload = trim_line_end(input);
    let fields = split(payload)?;
    let count = usize::from(fields.count);
    let first = fields
        .span(0)
        .and_then(|span| payload.get(span))
        .unwrap_or_default();
    let cccd_count = matches!(count, 6 | 7 | 11) && !fields.closed;
    if crate::scan::lossy_chars(first).count() == PersonalId::LEN && cccd_count {
        personal_id_qr(payload, fields).map(Identity::PersonalIdQr)
    } else if count >= 10 {
        card_qr(payload, fields).map(Identity::CardQr)
    } else {
        Err(IdentifyError::UnrecognizedQr {
            fields: count + usize::from(fields.closed),
        })
    }
}

/// The error for a malformed field, at the character holding byte `byte` of the payload. A
/// problem found at the very end (an empty last field, an odd last hex digit) is reported at
/// the last character, so that every position names a character of the input. (The payload
/// is counted twice, for the position and for the last character: bounded payloads, and
/// only on the error path; the cap also covers a byte inside the last character.)
fn field_error(payload: &[u8], field: QrField, byte: usize) -> IdentifyError {
    let position = char_position(payload, byte);
    let last = char_position(payload, payload.len()).saturating_sub(1);
    IdentifyError::InvalidQrField {
        field,
        position: position.min(last),
    }
}

/// A streaming UTF-8 check (no buffer).
#[derive(Default)]
struct Utf8Check {
    need: u8,
    low: u8,
    high: u8,
    bad: bool,
}

impl Utf8Check {
    fn push(&mut self, b: u8) {
        if self.bad {
            return;
        }
        if self.need == 0 {
            let (need, low, high) = match b {
                0x00..=0x7f => (0, 0x80, 0xbf),
                0xc2..=0xdf => (1, 0x80, 0xbf),
                0xe0 => (2, 0xa0, 0xbf),
                0xe1..=0xec | 0xee | 0xef => (2, 0x80, 0xbf),
                0xed => (2, 0x80, 0x9f),
                0xf0 => (3, 0x90, 0xbf),
                0xf1..=0xf3 => (3, 0x80, 0xbf),
                0xf4 => (3, 0x80, 0x8f),
                _ => {
                    self.bad = true;
                    return;
                }
            };
            (self.need, self.low, self.high) = (need, low, high);
        } else if b < self.low || b > self.high {
            self.bad = true;
        } else {
            self.need -= 1;
            (self.low, self.high) = (0x80, 0xbf);
        }
    }

    fn ok(&self) -> bool {
        !self.bad && self.need == 0
    }
}

/// A streaming UTF-16LE decoder: bytes in, characters out.
#[derive(Default)]
struct Utf16 {
    low_byte: Option<u8>,
    high_surrogate: Option<u16>,
    bad: bool,
}

impl Utf16 {
    fn push(&mut self, b: u8, mut out: impl FnMut(char)) {
        let Some(low) = self.low_byte.take() else {
            self.low_byte = Some(b);
            return;
        };
        let unit = u16::from(low) | u16::from(b) << 8;
        match (self.high_surrogate.take(), unit) {
            (None, 0xd800..=0xdbff) => self.high_surrogate = Some(unit),
            (Some(high), 0xdc00..=0xdfff) => {
                let c = 0x10000 + ((u32::from(high) - 0xd800) << 10) + (u32::from(unit) - 0xdc00);
                match char::from_u32(c) {
                    Some(c) => out(c),
                    None => self.bad = true,
                }
            }
            (None, unit) => match char::from_u32(u32::from(unit)) {
                Some(c) => out(c),
                None => self.bad = true,
            },
            (Some(_), _) => self.bad = true,
        }
    }

    fn ok(&self) -> bool {
        !self.bad && self.low_byte.is_none() && self.high_surrogate.is_none()
    }
}

/// What a Vietnamese Telex input method makes of hex digits typed through it, undone:
/// `aa` -> `â`, `ee` -> `ê`, `dd` -> `đ`, a vowel then `f` -> grave accent.
const fn telex(c: char) -> Option<&'static [u8]> {
    Some(match c {
        'â' => b"aa",
        'ê' => b"ee",
        'đ' => b"dd",
        'à' => b"af",
        'è' => b"ef",
        'ầ' => b"aaf",
        'ề' => b"eef",
        'Â' => b"AA",
        'Ê' => b"EE",
        'Đ' => b"DD",
        'À' => b"AF",
        'È' => b"EF",
        'Ầ' => b"AAF",
        'Ề' => b"EEF",
        _ => return None,
    })
}

const fn nibble(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// The bytes a hex field encodes, Telex damage undone, given to `sink`; `Ok(repaired)`, or
/// the byte offset (in the field) of the first character that is not a hex digit (of the
/// last, unpaired digit for an odd number of digits).
fn hex_bytes(field: &[u8], mut sink: impl FnMut(u8)) -> Result<bool, usize> {
    let text = core::str::from_utf8(field).map_err(|e| e.valid_up_to())?;
    let mut repaired = false;
    let mut high: Option<u8> = None;
    let mut one = |b: u8, at: usize| -> Result<(), usize> {
        let n = nibble(b).ok_or(at)?;
        match high.take() {
            Some(h) => sink(h << 4 | n),
            None => high = Some(n),
        }
        Ok(())
    };
    let mut last = 0;
    for (at, c) in text.char_indices() {
        last = at;
        if let Some(expansion) = telex(c) {
            repaired = true;
            for &b in expansion {
                one(b, at)?;
            }
        } else if c.is_ascii() {
            one(c as u8, at)?;
        } else {
            return Err(at);
        }
    }
    if high.is_some() {
        return Err(last);
    }
    Ok(repaired)
}

/// A text field of a QR payload: where it is and how it is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Text {
    start: u16,
    end: u16,
    hex: bool,
    utf16: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TextCheck {
    Utf8 { repaired: bool },
    Utf16 { repaired: bool },
}

/// Checks a hex text field: the bytes are UTF-8, else UTF-16LE; the byte offset of the
/// problem otherwise.
fn check_hex(field: &[u8]) -> Result<TextCheck, usize> {
    let mut utf8 = Utf8Check::default();
    let mut count = 0usize;
    let repaired = hex_bytes(field, |b| {
        utf8.push(b);
        count += 1;
    })?;
    if utf8.ok() {
        return Ok(TextCheck::Utf8 { repaired });
    }
    let mut utf16 = Utf16::default();
    hex_bytes(field, |b| utf16.push(b, |_| {}))?;
    if count % 2 == 0 && utf16.ok() {
        Ok(TextCheck::Utf16 { repaired })
    } else {
        Err(0)
    }
}

/// The buffer given to a decoding method was too small; `needed` bytes would do.
///
/// ```
/// let payload = "0120878811|4e6775|1990|1|-|01-028|01/01/2025|-|01/01/2025|79|$";
/// let qr = bhyt::identify(payload).unwrap().card_qr().unwrap();
/// let mut small = [0u8; 2];
/// assert_eq!(qr.name(payload, &mut small), Err(bhyt::BufferTooSmall { needed: 3 }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("the buffer is too small: {needed} bytes needed")]
pub struct BufferTooSmall {
    /// How many bytes the text needs.
    pub needed: usize,
}

impl Text {
    fn field<'p>(&self, payload: &'p [u8]) -> &'p [u8] {
        payload
            .get(usize::from(self.start)..usize::from(self.end))
            .unwrap_or_default()
    }

    /// Decodes into `buf`; the text, or how large a buffer is needed. A payload other than
    /// the one read decodes to whatever its bytes there say, or to an empty text.
    fn decode<'b>(&self, payload: &[u8], buf: &'b mut [u8]) -> Result<&'b str, BufferTooSmall> {
        let field = self.field(payload);
        if !self.hex {
            let text = core::str::from_utf8(field).unwrap_or_default();
            return copy(text.as_bytes(), buf);
        }
        let mut len = 0usize;
        let mut put = |bytes: &[u8]| {
            for &b in bytes {
                if let Some(slot) = buf.get_mut(len) {
                    *slot = b;
                }
                len += 1;
            }
        };
        if self.utf16 {
            let mut utf16 = Utf16::default();
            let _ = hex_bytes(field, |b| {
                utf16.push(b, |c| put(c.encode_utf8(&mut [0; 4]).as_bytes()));
            });
        } else {
            let _ = hex_bytes(field, |b| put(&[b]));
        }
        if len > buf.len() {
            return Err(BufferTooSmall { needed: len });
        }
        let written = buf.get(..len).unwrap_or_default();
        Ok(core::str::from_utf8(written).unwrap_or_default())
    }
}

fn copy<'b>(bytes: &[u8], buf: &'b mut [u8]) -> Result<&'b str, BufferTooSmall> {
    let out = buf.get_mut(..bytes.len()).ok_or(BufferTooSmall {
        needed: bytes.len(),
    })?;
    out.copy_from_slice(bytes);
    Ok(core::str::from_utf8(out).unwrap_or_default())
}

/// A BHYT card's QR code, as a scanner types it (paper card, VssID), read: the card
/// (checked by the VNeID rule), the decoded fields, and every other field raw.
///
/// Text fields (names, address, raw fields) stay in the payload: pass the same payload to
/// the methods that read them; decoded text is written into a buffer you give (a buffer as
/// long as the payload always suffices). `Debug` shows only the masked card and the
/// layout: the rest is personal data.
///
/// ```
/// use bhyt::{BirthDate, Date, QrLayout, Sex};
/// let payload = "HS4010120878811|4e677579e1bb856e2056c4836e2041|15/08/1990|1|-|01 - 028|01/01/2025|31/12/2025|01/01/2025|79|4e677579e1bb856e2056c4836e2042|4|01/01/2030|4641c59ff02659c3-1202|$\r\n";
/// let qr = bhyt::identify(payload).unwrap().card_qr().unwrap();
/// assert_eq!(qr.card().to_string(), "HS4010120878811");
/// let mut buf = [0u8; 64];
/// assert_eq!(qr.name(payload, &mut buf).unwrap(), "Nguyễn Văn A");
/// assert_eq!(qr.birth_date(), BirthDate::Date(Date::new(1990, 8, 15).unwrap()));
/// assert_eq!(qr.sex(), Sex::Male);
/// assert_eq!(qr.address(payload, &mut buf).unwrap(), None);
/// assert_eq!(qr.facility_code().as_str(), "01028");
/// assert_eq!(qr.valid_to(), Date::new(2025, 12, 31));
/// assert_eq!(qr.manager_code(payload), "79");
/// assert_eq!(qr.layout(), QrLayout::Tokens15);
/// assert_eq!(qr.raw_field(payload, 13), Some("4641c59ff02659c3-1202"));
/// assert!(!qr.repaired());
/// assert_eq!(format!("{qr:?}"), "CardQr { card: CardNumber(\"HS 4 01 ******8811\"), layout: Tokens15 }");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CardQr {
    card: CardNumber,
    fields: Fields,
    name: Text,
    birth_date: BirthDate,
    sex: Sex,
    address: Option<Text>,
    facility_code: FacilityCode,
    valid_from: Date,
    valid_to: Option<Date>,
    issued_on: Date,
    guardian_name: Option<Text>,
    five_years_on: Option<Date>,
    repaired: bool,
    utf16: bool,
}

impl fmt::Debug for CardQr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CardQr")
            .field("card", &self.card)
            .field("layout", &self.layout())
            .finish()
    }
}

/// The card QR fields this library decodes (the others are raw).
const DECODED_CARD_FIELDS: [usize; 12] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12];

fn card_qr(payload: &[u8], fields: Fields) -> Result<CardQr, IdentifyError> {
    let span = |i: usize| fields.span(i).unwrap_or(0..0);
    let get = |i: usize| payload.get(span(i)).unwrap_or_default();
    let error = |field, byte| field_error(payload, field, byte);

    // 0: the card, trimmed of the stray whitespace or control characters some scanners add.
    let raw = span(0);
    let text = get(0);
    let lead = text
        .iter()
        .take_while(|b| b.is_ascii_whitespace() || b.is_ascii_control())
        .count();
    let trail = text
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_whitespace() || b.is_ascii_control())
        .count();
    let card_text = text
        .get(lead..text.len().saturating_sub(trail))
        .unwrap_or_default();
    let offset = char_position(payload, raw.start + lead);
    let card = validate(card_text, None).map_err(|e| match e.position() {
        Some(p) => IdentifyError::Card(e.at(p + offset)),
        None => IdentifyError::Card(e),
    })?;

    let mut repaired = false;
    let mut utf16 = false;
    let mut hex_text = |i: usize, field: QrField| -> Result<Text, IdentifyError> {
        let range = span(i);
        let bytes = get(i);
        if bytes.is_empty() {
            return Err(error(field, range.start));
        }
        let check = check_hex(bytes).map_err(|at| error(field, range.start + at))?;
        let (r, u) = match check {
            TextCheck::Utf8 { repaired } => (repaired, false),
            TextCheck::Utf16 { repaired } => (repaired, true),
        };
        repaired |= r;
        utf16 |= u;
        Ok(Text {
            start: range.start as u16,
            end: range.end as u16,
            hex: true,
            utf16: u,
        })
    };

    let name = hex_text(1, QrField::Name)?;
    let birth = get(2);
    let birth_date = match birth.len() {
        4 => number(birth).filter(|&y| y > 0).map(BirthDate::Year),
        _ => Date::parse_dmy_slashed(birth).map(BirthDate::Date),
    }
    .ok_or_else(|| error(QrField::BirthDate, span(2).start))?;
    let sex = match get(3) {
        b"1" => Sex::Male,
        b"2" => Sex::Female,
        _ => return Err(error(QrField::Sex, span(3).start)),
    };
    let address = match get(4) {
        b"-" => None,
        _ => Some(hex_text(4, QrField::Address)?),
    };
    let facility_code = FacilityCode::parse(get(5)).map_err(|e| {
        let start = char_position(payload, span(5).start);
        IdentifyError::InvalidQrField {
            field: QrField::FacilityCode,
            position: match e {
                FacilityCodeError::InvalidCharacter { position, .. } => start + position,
                FacilityCodeError::Length { .. } => start,
            },
        }
    })?;
    let date = |i: usize, field| {
        Date::parse_dmy_slashed(get(i)).ok_or_else(|| error(field, span(i).start))
    };
    let valid_from = date(6, QrField::ValidFrom)?;
    let valid_to = match get(7) {
        b"-" => None,
        _ => Some(date(7, QrField::ValidTo)?),
    };
    let issued_on = date(8, QrField::IssuedOn)?;
    let manager = get(9);
    if let Some(at) = manager.iter().position(|b| !b.is_ascii_digit()) {
        return Err(error(QrField::ManagerCode, span(9).start + at));
    }
    if manager.is_empty() {
        return Err(error(QrField::ManagerCode, span(9).start));
    }
    let guardian_name = match get(10) {
        b"" | b"-" => None,
        _ => Some(hex_text(10, QrField::GuardianName)?),
    };
    let five = get(12);
    let spaces = five.iter().take_while(|&&b| b == b' ').count();
    let five_years_on = match five.get(spaces..).unwrap_or_default() {
        b"" | b"-" => None,
        text => Some(
            Date::parse_dmy_slashed(text)
                .ok_or_else(|| error(QrField::FiveYearsOn, span(12).start + spaces))?,
        ),
    };
    Ok(CardQr {
        card,
        fields,
        name,
        birth_date,
        sex,
        address,
        facility_code,
        valid_from,
        valid_to,
        issued_on,
        guardian_name,
        five_years_on,
        repaired,
        utf16,
    })
}

impl CardQr {
    /// The payload's fields (for its view's raw fields).
    pub(crate) const fn fields(&self) -> Fields {
        self.fields
    }

    /// The card number (field 0), checked by the VNeID rule.
    pub const fn card(&self) -> CardNumber {
        self.card
    }

    /// The full name (field 1), decoded from hex into `buf`.
    ///
    /// ```
    /// let payload = "0120878811|4e677579e1bb856e|1990|2|-|01028|01/01/2025|-|01/01/2025|79";
    /// let qr = bhyt::identify(payload).unwrap().card_qr().unwrap();
    /// assert_eq!(qr.name(payload, &mut [0u8; 32]).unwrap(), "Nguyễn");
    /// ```
    pub fn name<'b>(
        &self,
        payload: impl AsRef<[u8]>,
        buf: &'b mut [u8],
    ) -> Result<&'b str, BufferTooSmall> {
        self.name.decode(trim_line_end(payload.as_ref()), buf)
    }

    /// The date of birth (field 2): a date, or the year alone.
    pub const fn birth_date(&self) -> BirthDate {
        self.birth_date
    }

    /// The sex (field 3: `1` male, `2` female).
    pub const fn sex(&self) -> Sex {
        self.sex
    }

    /// The address (field 4), decoded from hex into `buf`; `None` for `-`.
    pub fn address<'b>(
        &self,
        payload: impl AsRef<[u8]>,
        buf: &'b mut [u8],
    ) -> Result<Option<&'b str>, BufferTooSmall> {
        match &self.address {
            Some(text) => text.decode(trim_line_end(payload.as_ref()), buf).map(Some),
            None => Ok(None),
        }
    }

    /// The initial registered facility (field 5), normalised.
    pub const fn facility_code(&self) -> FacilityCode {
        self.facility_code
    }

    /// Valid from (field 6).
    pub const fn valid_from(&self) -> Date {
        self.valid_from
    }

    /// Valid to (field 7); `None` for `-`, no end date.
    pub const fn valid_to(&self) -> Option<Date> {
        self.valid_to
    }

    /// The issue date (field 8).
    pub const fn issued_on(&self) -> Date {
        self.issued_on
    }

    /// The manager code (field 9), ASCII digits.
    pub fn manager_code<'p>(&self, payload: &'p (impl AsRef<[u8]> + ?Sized)) -> &'p str {
        self.raw_field(payload, 9).unwrap_or_default()
    }

    /// The parent or guardian's name (field 10), decoded into `buf`; `None` when the field
    /// is absent, empty or `-`.
    pub fn guardian_name<'b>(
        &self,
        payload: impl AsRef<[u8]>,
        buf: &'b mut [u8],
    ) -> Result<Option<&'b str>, BufferTooSmall> {
        match &self.guardian_name {
            Some(text) => text.decode(trim_line_end(payload.as_ref()), buf).map(Some),
            None => Ok(None),
        }
    }

    /// The date of 5 continuous years of participation (field 12, a leading space
    /// tolerated); `None` when absent, empty or `-`.
    pub const fn five_years_on(&self) -> Option<Date> {
        self.five_years_on
    }

    /// Which layout the payload has.
    pub const fn layout(&self) -> QrLayout {
        match (self.fields.count, self.fields.closed) {
            (10, _) => QrLayout::Fields10,
            (14, true) => QrLayout::Tokens15,
            (16, true) => QrLayout::Tokens17,
            _ => QrLayout::Other,
        }
    }

    /// How many fields there are, not counting the closing `$`.
    pub const fn field_count(&self) -> usize {
        self.fields.count as usize
    }

    /// Whether the payload ends with the `$` field.
    pub const fn is_closed(&self) -> bool {
        self.fields.closed
    }

    /// Whether Telex damage in a hex field was repaired (see [`identify`](crate::identify)).
    pub const fn repaired(&self) -> bool {
        self.repaired
    }

    /// Whether a hex field's bytes were not UTF-8 and were read as UTF-16LE.
    pub const fn utf16(&self) -> bool {
        self.utf16
    }

    /// Field `index` as typed (lossless when the payload is UTF-8; `None` past the last
    /// field or if the field is not UTF-8).
    pub fn raw_field<'p>(
        &self,
        payload: &'p (impl AsRef<[u8]> + ?Sized),
        index: usize,
    ) -> Option<&'p str> {
        let payload = trim_line_end(payload.as_ref());
        let bytes = payload.get(self.fields.span(index)?)?;
        core::str::from_utf8(bytes).ok()
    }

    /// The byte range of field `index` in the payload.
    pub fn field_span(&self, index: usize) -> Option<Range<usize>> {
        self.fields.span(index)
    }

    /// The indexes of the fields this library does not decode, kept raw: 11 (its meaning is
    /// disputed), 13 (the check string, never verified) and every field from 14 on.
    ///
    /// ```
    /// let payload = "0120878811|41|1990|2|-|01028|01/01/2025|-|01/01/2025|79|-|4| 01/01/2030|abc-1202|x|$";
    /// let qr = bhyt::identify(payload).unwrap().card_qr().unwrap();
    /// assert_eq!(qr.raw_field_indexes().collect::<Vec<_>>(), [11, 13, 14]);
    /// ```
    pub fn raw_field_indexes(&self) -> impl Iterator<Item = usize> {
        let raw = self.raw_mask();
        (0..MAX_QR_FIELDS).filter(move |&i| raw >> i & 1 == 1)
    }

    /// [`raw_field_indexes`](Self::raw_field_indexes) as bits (bit `i`: field `i`).
    pub(crate) const fn raw_mask(&self) -> u32 {
        let mut decoded = 0u32;
        let mut i = 0;
        while i < DECODED_CARD_FIELDS.len() {
            decoded |= 1 << DECODED_CARD_FIELDS[i];
            i += 1;
        }
        present(self.fields.count) & !decoded
    }
}

/// A CCCD's QR code, read: `12-digit number|old 9-digit CMND or empty|name|ddMMyyyy|Nam or
/// Nữ|address|ddMMyyyy`, 6, 7 or 11 fields; trailing fields may be empty. `Debug` shows only
/// the masked number.
///
/// ```
/// use bhyt::{Date, Sex};
/// let payload = "079095001234|123456789|Nguyễn Văn A|15081995|Nam|12 Lê Lợi, Huế|01012021";
/// let qr = bhyt::identify(payload).unwrap().personal_id_qr().unwrap();
/// assert_eq!(qr.personal_id().as_str(), "079095001234");
/// assert_eq!(qr.old_id(payload), Some("123456789"));
/// assert_eq!(qr.name(payload), Some("Nguyễn Văn A"));
/// assert_eq!(qr.birth_date(), Date::new(1995, 8, 15));
/// assert_eq!(qr.sex(), Some(Sex::Male));
/// assert_eq!(qr.address(payload), Some("12 Lê Lợi, Huế"));
/// assert_eq!(qr.issued_on(), Date::new(2021, 1, 1));
/// assert_eq!(format!("{qr:?}"), "PersonalIdQr { personal_id: PersonalId(\"********1234\") }");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PersonalIdQr {
    personal_id: PersonalId,
    fields: Fields,
    birth_date: Option<Date>,
    sex: Option<Sex>,
    issued_on: Option<Date>,
}

impl fmt::Debug for PersonalIdQr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PersonalIdQr")
            .field("personal_id", &self.personal_id)
            .finish()
    }
}

fn personal_id_qr(payload: &[u8], fields: Fields) -> Result<PersonalIdQr, IdentifyError> {
    let span = |i: usize| fields.span(i).unwrap_or(0..0);
    let get = |i: usize| payload.get(span(i)).unwrap_or_default();
    let error = |field, byte| field_error(payload, field, byte);

    let mut digits = [0u8; 12];
    for (i, (slot, &byte)) in digits.iter_mut().zip(get(0)).enumerate() {
        if !byte.is_ascii_digit() {
            return Err(IdentifyError::InvalidPersonalId {
                position: char_position(payload, span(0).start + i),
                found: Found::classify(byte),
            });
        }
        *slot = byte;
    }
    let personal_id = PersonalId::from_digits(digits);
    let old = get(1);
    if let Some(at) = old.iter().position(|b| !b.is_ascii_digit()) {
        return Err(error(QrField::OldId, span(1).start + at));
    }
    if !old.is_empty() && old.len() != 9 {
        return Err(error(QrField::OldId, span(1).start));
    }
    for (i, field) in [(2, QrField::Name), (5, QrField::Address)] {
        if let Err(e) = core::str::from_utf8(get(i)) {
            return Err(error(field, span(i).start + e.valid_up_to()));
        }
    }
    let date = |i: usize, field| match get(i) {
        b"" => Ok(None),
        text => Date::parse_dmy(text)
            .map(Some)
            .ok_or_else(|| error(field, span(i).start)),
    };
    let birth_date = date(3, QrField::BirthDate)?;
    let sex = match get(4) {
        b"" => None,
        b"Nam" => Some(Sex::Male),
        text if text == "Nữ".as_bytes() => Some(Sex::Female),
        _ => return Err(error(QrField::Sex, span(4).start)),
    };
    let issued_on = date(6, QrField::IssuedOn)?;
    Ok(PersonalIdQr {
        personal_id,
        fields,
        birth_date,
        sex,
        issued_on,
    })
}

impl PersonalIdQr {
    /// The payload's fields (for its view's raw fields).
    pub(crate) const fn fields(&self) -> Fields {
        self.fields
    }

    /// The 12-digit personal identification number (field 0), decoded.
    pub const fn personal_id(&self) -> PersonalId {
        self.personal_id
    }

    fn text<'p>(&self, payload: &'p [u8], index: usize) -> Option<&'p str> {
        let payload = trim_line_end(payload);
        let bytes = payload.get(self.fields.span(index)?)?;
        core::str::from_utf8(bytes).ok().filter(|t| !t.is_empty())
    }

    /// The old 9-digit CMND number (field 1); `None` when empty (2024 cards).
    pub fn old_id<'p>(&self, payload: &'p (impl AsRef<[u8]> + ?Sized)) -> Option<&'p str> {
        self.text(payload.as_ref(), 1)
    }

    /// The full name (field 2, plain UTF-8); `None` when empty.
    pub fn name<'p>(&self, payload: &'p (impl AsRef<[u8]> + ?Sized)) -> Option<&'p str> {
        self.text(payload.as_ref(), 2)
    }

    /// The date of birth (field 3); `None` when empty.
    pub const fn birth_date(&self) -> Option<Date> {
        self.birth_date
    }

    /// The sex (field 4: `Nam` or `Nữ`); `None` when empty.
    pub const fn sex(&self) -> Option<Sex> {
        self.sex
    }

    /// The permanent address (field 5); `None` when empty or absent.
    pub fn address<'p>(&self, payload: &'p (impl AsRef<[u8]> + ?Sized)) -> Option<&'p str> {
        self.text(payload.as_ref(), 5)
    }

    /// The issue date (field 6); `None` when empty or absent.
    pub const fn issued_on(&self) -> Option<Date> {
        self.issued_on
    }

    /// How many fields there are (6, 7 or 11).
    pub const fn field_count(&self) -> usize {
        self.fields.count as usize
    }

    /// Field `index` as typed (`None` past the last field; empty fields are `Some("")`).
    pub fn raw_field<'p>(
        &self,
        payload: &'p (impl AsRef<[u8]> + ?Sized),
        index: usize,
    ) -> Option<&'p str> {
        let payload = trim_line_end(payload.as_ref());
        core::str::from_utf8(payload.get(self.fields.span(index)?)?).ok()
    }

    /// The indexes of the fields not decoded (7-10 of the 11-field layout), kept raw.
    pub fn raw_field_indexes(&self) -> impl Iterator<Item = usize> {
        let raw = self.raw_mask();
        (0..MAX_QR_FIELDS).filter(move |&i| raw >> i & 1 == 1)
    }

    /// [`raw_field_indexes`](Self::raw_field_indexes) as bits (bit `i`: field `i`).
    pub(crate) const fn raw_mask(&self) -> u32 {
        present(self.fields.count) & !0x7f
    }
}

/// A name or address masked for display next to the masked card: the first character of
/// each word kept, every other non-space character replaced by `*`, written into `buf` (a
/// buffer as long as the text always suffices).
///
/// ```
/// assert_eq!(bhyt::mask_text("Nguyễn Văn An", &mut [0u8; 32]).unwrap(), "N***** V** A*");
/// ```
pub fn mask_text<'b>(text: &str, buf: &'b mut [u8]) -> Result<&'b str, BufferTooSmall> {
    let mut len = 0usize;
    let mut start = true;
    let mut put = |bytes: &[u8]| {
        for &b in bytes {
            if let Some(slot) = buf.get_mut(len) {
                *slot = b;
            }
            len += 1;
        }
    };
    for c in text.chars() {
        if c.is_whitespace() {
            put(c.encode_utf8(&mut [0; 4]).as_bytes());
            start = true;
        } else if start {
            put(c.encode_utf8(&mut [0; 4]).as_bytes());
            start = false;
        } else {
            put(b"*");
        }
    }
    if len > buf.len() {
        return Err(BufferTooSmall { needed: len });
    }
    Ok(core::str::from_utf8(buf.get(..len).unwrap_or_default()).unwrap_or_default())
}
