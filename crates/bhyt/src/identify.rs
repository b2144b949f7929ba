//! One search box at the reception desk: a BHYT card number (10 digits or 15 characters) or
//! the citizen's 12-digit personal identification number (số định danh cá nhân, printed on
//! the CCCD / căn cước card).

use core::fmt;

use crate::scan::Scan;
use crate::{
    validate, validate_lenient, CardNumber, CardQr, Error, Found, Lang, PersonalIdQr, QrField,
};

/// What was typed into the box: a BHYT card number or a personal identification number.
///
/// ```
/// use bhyt::Identity;
/// assert!(matches!(bhyt::identify("HS4010120878811"), Ok(Identity::Card(_))));
/// assert!(matches!(bhyt::identify("0120878811"), Ok(Identity::Card(_))));
/// assert!(matches!(bhyt::identify("079095001234"), Ok(Identity::PersonalId(_))));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Identity {
    /// A valid BHYT card number, in either form.
    Card(CardNumber),
    /// A 12-digit personal identification number, decoded.
    PersonalId(PersonalId),
    /// A BHYT card's QR code (paper card, VssID), read.
    CardQr(CardQr),
    /// A CCCD's QR code, read.
    PersonalIdQr(PersonalIdQr),
}

impl Identity {
    /// The card, if the input is a card number, typed or in a card's QR code.
    ///
    /// ```
    /// assert!(bhyt::identify("0120878811").unwrap().card().is_some());
    /// assert!(bhyt::identify("079095001234").unwrap().card().is_none());
    /// ```
    pub const fn card(&self) -> Option<CardNumber> {
        match self {
            Identity::Card(card) => Some(*card),
            Identity::CardQr(qr) => Some(qr.card()),
            Identity::PersonalId(_) | Identity::PersonalIdQr(_) => None,
        }
    }

    /// The card's QR code, if the input is one.
    ///
    /// ```
    /// let payload = "0120878811|41|1990|2|-|01028|01/01/2025|-|01/01/2025|79|$";
    /// assert!(bhyt::identify(payload).unwrap().card_qr().is_some());
    /// ```
    pub const fn card_qr(&self) -> Option<CardQr> {
        match self {
            Identity::CardQr(qr) => Some(*qr),
            _ => None,
        }
    }

    /// The CCCD's QR code, if the input is one.
    ///
    /// ```
    /// let payload = "079095001234||Nguyễn Văn A|15081995|Nam|Huế|01012021";
    /// assert!(bhyt::identify(payload).unwrap().personal_id_qr().is_some());
    /// ```
    pub const fn personal_id_qr(&self) -> Option<PersonalIdQr> {
        match self {
            Identity::PersonalIdQr(qr) => Some(*qr),
            _ => None,
        }
    }

    /// The personal identification number, if the input is one, typed or in a CCCD's QR
    /// code.
    ///
    /// ```
    /// let id = bhyt::identify("079095001234").unwrap().personal_id().unwrap();
    /// assert_eq!(id.birth_year(), 1995);
    /// ```
    pub const fn personal_id(&self) -> Option<PersonalId> {
        match self {
            Identity::PersonalId(id) => Some(*id),
            Identity::PersonalIdQr(qr) => Some(qr.personal_id()),
            Identity::Card(_) | Identity::CardQr(_) => None,
        }
    }

    /// The stable name of the kind: `card`, `personal_id`, `card_qr` or `personal_id_qr`.
    ///
    /// ```
    /// assert_eq!(bhyt::identify("079095001234").unwrap().kind(), "personal_id");
    /// ```
    pub const fn kind(&self) -> &'static str {
        match self {
            Identity::Card(_) => "card",
            Identity::PersonalId(_) => "personal_id",
            Identity::CardQr(_) => "card_qr",
            Identity::PersonalIdQr(_) => "personal_id_qr",
        }
    }
}

/// Sex, as digit 4 of a personal identification number encodes it (even: male, odd: female).
///
/// ```
/// use bhyt::Sex;
/// assert_eq!(bhyt::identify("079195001234").unwrap().personal_id().unwrap().sex(), Sex::Female);
/// assert_eq!(Sex::Female.as_str(), "female");
/// assert_eq!(Sex::Female.name_vi(), "Nữ");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sex {
    /// Nam.
    Male,
    /// Nữ.
    Female,
}

impl Sex {
    /// `male` or `female`.
    ///
    /// ```
    /// assert_eq!(bhyt::Sex::Male.as_str(), "male");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }

    /// The name in the given language: `Nam` or `Nữ`, `male` or `female` (the English name
    /// is [`as_str`](Self::as_str)).
    ///
    /// ```
    /// use bhyt::{Lang, Sex};
    /// assert_eq!(Sex::Female.name(Lang::Vi), "Nữ");
    /// assert_eq!(Sex::Female.name(Lang::En), "female");
    /// ```
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Sex::Male, Lang::Vi) => "Nam",
            (Sex::Female, Lang::Vi) => "Nữ",
            (_, Lang::En) => self.as_str(),
        }
    }

    /// `Nam` or `Nữ` ([`name`](Self::name) with [`Lang::Vi`]).
    ///
    /// ```
    /// assert_eq!(bhyt::Sex::Male.name_vi(), "Nam");
    /// ```
    pub const fn name_vi(self) -> &'static str {
        self.name(Lang::Vi)
    }
}

impl fmt::Display for Sex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The codes of the 63 provinces on the 2016 list of birth-registration codes (Thông tư
/// 07/2016/TT-BCA art. 7: `0` followed by the statistics office's 2-digit province code,
/// 001 Hà Nội ... 096 Cà Mau), as a bit set over 0-99. In force until the 2025 merger into
/// 34 provinces; informative only (see [`identify`]).
const PROVINCES_2016: u128 = {
    const CODES: [u8; 63] = [
        1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36,
        37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74,
        75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
    ];
    let mut bits = 0u128;
    let mut i = 0;
    while i < CODES.len() {
        bits |= 1 << CODES[i];
        i += 1;
    }
    bits
};

/// Digits 1-3 of a personal identification number: the code of the province, or of the
/// country, where the birth was registered (000 to 999).
///
/// No province name is given: since 2025-07-01 several province codes name other provinces
/// than before, and a code may be a country's. See the documentation of
/// [`identify`](crate::identify).
///
/// ```
/// let id = bhyt::identify("079095001234").unwrap().personal_id().unwrap();
/// let code = id.birth_place();
/// assert_eq!(code.value(), 79);
/// assert_eq!(code.to_string(), "079");
/// assert!(code.is_on_2016_province_list());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BirthPlaceCode(u16);

impl BirthPlaceCode {
    /// The code as a number, 0 to 999.
    ///
    /// ```
    /// let id = bhyt::identify("001095001234").unwrap().personal_id().unwrap();
    /// assert_eq!(id.birth_place().value(), 1);
    /// ```
    pub const fn value(self) -> u16 {
        self.0
    }

    /// The three ASCII digits, e.g. `*b"001"`.
    ///
    /// ```
    /// let id = bhyt::identify("001095001234").unwrap().personal_id().unwrap();
    /// assert_eq!(id.birth_place().digits(), *b"001");
    /// ```
    pub const fn digits(self) -> [u8; 3] {
        [
            b'0' + (self.0 / 100 % 10) as u8,
            b'0' + (self.0 / 10 % 10) as u8,
            b'0' + (self.0 % 10) as u8,
        ]
    }

    /// Whether the code is one of the 63 provinces' codes on the 2016 list (Thông tư
    /// 07/2016/TT-BCA: 001 Hà Nội ... 096 Cà Mau). Informative: `false` may mean a country
    /// code (birth registered abroad), a code from a later list, or a typing error; it never
    /// makes a number invalid.
    ///
    /// ```
    /// let listed = bhyt::identify("096095001234").unwrap().personal_id().unwrap();
    /// assert!(listed.birth_place().is_on_2016_province_list());
    /// let unlisted = bhyt::identify("003095001234").unwrap().personal_id().unwrap();
    /// assert!(!unlisted.birth_place().is_on_2016_province_list());
    /// ```
    pub const fn is_on_2016_province_list(self) -> bool {
        self.0 < 100 && PROVINCES_2016 & (1 << self.0) != 0
    }
}

impl fmt::Display for BirthPlaceCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}", self.0)
    }
}

/// A 12-digit personal identification number (số định danh cá nhân), the number on the
/// CCCD / căn cước card, decoded.
///
/// Like a card number it is personal data: `Debug` is masked (only the last 4 digits show),
/// and [`masked`](Self::masked) gives the same text for logs; `Display` and
/// [`as_str`](Self::as_str) give the digits.
///
/// ```
/// use bhyt::Sex;
/// let id = bhyt::identify("079195001234").unwrap().personal_id().unwrap();
/// assert_eq!(id.birth_place().value(), 79);
/// assert_eq!(id.sex(), Sex::Female);
/// assert_eq!(id.century(), 1900);
/// assert_eq!(id.birth_year(), 1995);
/// assert_eq!(id.as_str(), "079195001234");
/// assert_eq!(format!("{id:?}"), "PersonalId(\"********1234\")");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PersonalId([u8; 12]);

impl PersonalId {
    /// How many digits a personal identification number has.
    ///
    /// ```
    /// assert_eq!(bhyt::PersonalId::LEN, 12);
    /// ```
    pub const LEN: usize = 12;

    /// The 12 ASCII digits.
    ///
    /// ```
    /// let id = bhyt::identify("079195001234").unwrap().personal_id().unwrap();
    /// assert_eq!(id.as_bytes(), b"079195001234");
    /// ```
    pub(crate) const fn from_digits(digits: [u8; 12]) -> PersonalId {
        PersonalId(digits)
    }

    /// The 12 ASCII digits.
    ///
    /// ```
    /// let id = bhyt::identify("079195001234").unwrap().personal_id().unwrap();
    /// assert_eq!(id.as_bytes(), b"079195001234");
    /// ```
    pub const fn as_bytes(&self) -> &[u8; 12] {
        &self.0
    }

    /// The 12 digits as text.
    ///
    /// ```
    /// let id = bhyt::identify("079195001234").unwrap().personal_id().unwrap();
    /// assert_eq!(id.as_str(), "079195001234");
    /// ```
    pub fn as_str(&self) -> &str {
        // Only ever built from checked ASCII digits, so this never takes the fallback.
        core::str::from_utf8(&self.0).unwrap_or_default()
    }

    const fn digit(&self, index: usize) -> u16 {
        (self.0[index].wrapping_sub(b'0') % 10) as u16
    }

    /// Digits 1-3: where the birth was registered (see [`BirthPlaceCode`]).
    ///
    /// ```
    /// let id = bhyt::identify("001095001234").unwrap().personal_id().unwrap();
    /// assert_eq!(id.birth_place().value(), 1);
    /// ```
    pub const fn birth_place(&self) -> BirthPlaceCode {
        BirthPlaceCode(self.digit(0) * 100 + self.digit(1) * 10 + self.digit(2))
    }

    /// The sex digit 4 encodes: even male, odd female.
    ///
    /// ```
    /// let id = bhyt::identify("001295001234").unwrap().personal_id().unwrap();
    /// assert_eq!(id.sex(), bhyt::Sex::Male);
    /// ```
    pub const fn sex(&self) -> Sex {
        if self.digit(3) % 2 == 0 {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// The first year of the birth century digit 4 encodes: 1900 for 0 and 1, 2000 for 2 and
    /// 3, 2100 for 4 and 5, 2200 for 6 and 7, 2300 for 8 and 9.
    ///
    /// ```
    /// let id = bhyt::identify("001312001234").unwrap().personal_id().unwrap();
    /// assert_eq!(id.century(), 2000);
    /// ```
    pub const fn century(&self) -> u16 {
        1900 + 100 * (self.digit(3) / 2)
    }

    /// The birth year: the century and digits 5-6. The library has no clock: a year after the
    /// current one means a typing error, for the caller to judge.
    ///
    /// ```
    /// let id = bhyt::identify("001312001234").unwrap().personal_id().unwrap();
    /// assert_eq!(id.birth_year(), 2012);
    /// ```
    pub const fn birth_year(&self) -> u16 {
        self.century() + self.digit(4) * 10 + self.digit(5)
    }

    /// The number with its first 8 digits hidden, for logs and screens: `********1234`.
    ///
    /// ```
    /// let id = bhyt::identify("079195001234").unwrap().personal_id().unwrap();
    /// assert_eq!(id.masked().as_str(), "********1234");
    /// ```
    pub const fn masked(&self) -> MaskedPersonalId {
        let mut out = *b"********0000";
        let mut i = 8;
        while i < 12 {
            out[i] = self.0[i];
            i += 1;
        }
        MaskedPersonalId(out)
    }
}

impl fmt::Display for PersonalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for PersonalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PersonalId(\"{}\")", self.masked().as_str())
    }
}

/// A personal identification number with its first 8 digits replaced by `*`
/// ([`PersonalId::masked`]).
///
/// ```
/// let id = bhyt::identify("079195001234").unwrap().personal_id().unwrap();
/// assert_eq!(id.masked().to_string(), "********1234");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct MaskedPersonalId([u8; 12]);

impl MaskedPersonalId {
    /// The masked text (12 ASCII characters).
    ///
    /// ```
    /// let id = bhyt::identify("079195001234").unwrap().personal_id().unwrap();
    /// assert_eq!(id.masked().as_str().len(), 12);
    /// ```
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for MaskedPersonalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Debug for MaskedPersonalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Why [`identify`] could not say what was typed, and where. Like [`Error`], it never holds
/// the input.
///
/// ```
/// use bhyt::{Error, Found, IdentifyError, Lang};
/// assert_eq!(bhyt::identify("12345"), Err(IdentifyError::Unrecognized { length: 5 }));
/// assert_eq!(
///     bhyt::identify("07909500123A"),
///     Err(IdentifyError::InvalidPersonalId { position: 11, found: Found::UppercaseLetter })
/// );
/// let card = bhyt::identify("DN4000123456789").unwrap_err();
/// assert!(matches!(card, IdentifyError::Card(Error::InvalidProvinceCode { .. })));
/// assert_eq!(card.code(), "invalid_province_code");
/// assert_eq!(
///     bhyt::identify("12345").unwrap_err().message(Lang::Vi).to_string(),
///     "Không phải số thẻ BHYT (10 chữ số hoặc 15 ký tự) cũng không phải số định danh cá nhân (12 chữ số): đã nhập 5 ký tự"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum IdentifyError {
    /// 10 or 15 characters: a BHYT card number that breaks the VNeID rule.
    #[error("{0}")]
    Card(Error),
    /// 12 characters, not all ASCII digits: a personal identification number has 12 digits.
    #[error("{}", self.message(Lang::En))]
    InvalidPersonalId {
        /// The first character that is not an ASCII digit.
        position: usize,
        /// What kind of character it is.
        found: Found,
    },
    /// Neither 10, 12 nor 15 characters.
    #[error("{}", self.message(Lang::En))]
    Unrecognized {
        /// How many characters there were (after dropping separators, in lenient mode).
        length: usize,
    },
    /// A field of a QR payload is malformed: which field, and the character position in the
    /// whole payload.
    #[error("{}", self.message(Lang::En))]
    InvalidQrField {
        /// The field.
        field: QrField,
        /// The position of the first character that is wrong (the field's first character
        /// when its shape is wrong as a whole).
        position: usize,
    },
    /// Input with `|` separators that has neither a card QR's layout (at least 10 fields)
    /// nor a CCCD QR's (6, 7 or 11 fields starting with 12 characters).
    #[error("{}", self.message(Lang::En))]
    UnrecognizedQr {
        /// How many `|`-separated tokens there were.
        fields: usize,
    },
}

/// The codes [`identify`] adds to the card's [`ErrorCode`](crate::ErrorCode)s: the
/// identify table, one row per code with its stable name and its general message in English
/// and Vietnamese side by side. A full [`IdentifyError`] message is the general one followed
/// by its details.
///
/// ```
/// use bhyt::{IdentifyCode, Lang};
/// assert_eq!(IdentifyCode::UnrecognizedInput.as_str(), "unrecognized_input");
/// assert_eq!(IdentifyCode::InvalidPersonalId.message(Lang::Vi), "Số định danh cá nhân gồm 12 chữ số");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum IdentifyCode {
    /// `invalid_personal_id`: 12 characters, not all ASCII digits.
    InvalidPersonalId,
    /// `unrecognized_input`: neither 10, 12 nor 15 characters.
    UnrecognizedInput,
    /// `invalid_qr_field`: a field of a QR payload is malformed.
    InvalidQrField,
    /// `unrecognized_qr`: `|`-separated input with neither QR layout.
    UnrecognizedQr,
}

impl IdentifyCode {
    /// Every code.
    ///
    /// ```
    /// assert_eq!(bhyt::IdentifyCode::ALL.len(), 4);
    /// ```
    pub const ALL: [IdentifyCode; 4] = [
        IdentifyCode::InvalidPersonalId,
        IdentifyCode::UnrecognizedInput,
        IdentifyCode::InvalidQrField,
        IdentifyCode::UnrecognizedQr,
    ];

    /// The stable name.
    ///
    /// ```
    /// assert_eq!(bhyt::IdentifyCode::InvalidPersonalId.as_str(), "invalid_personal_id");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            IdentifyCode::InvalidPersonalId => "invalid_personal_id",
            IdentifyCode::UnrecognizedInput => "unrecognized_input",
            IdentifyCode::InvalidQrField => "invalid_qr_field",
            IdentifyCode::UnrecognizedQr => "unrecognized_qr",
        }
    }

    /// The general message, without the details of a particular error (for the C layer's
    /// static strings).
    ///
    /// ```
    /// use bhyt::{IdentifyCode, Lang};
    /// assert_eq!(IdentifyCode::InvalidPersonalId.message(Lang::En), "a personal identification number has 12 digits");
    /// ```
    pub const fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (IdentifyCode::InvalidPersonalId, Lang::En) => "a personal identification number has 12 digits",
            (IdentifyCode::InvalidPersonalId, Lang::Vi) => "Số định danh cá nhân gồm 12 chữ số",
            (IdentifyCode::UnrecognizedInput, Lang::En) => {
                "neither a BHYT card number (10 digits or 15 characters) nor a personal identification number (12 digits)"
            }
            (IdentifyCode::UnrecognizedInput, Lang::Vi) => {
                "Không phải số thẻ BHYT (10 chữ số hoặc 15 ký tự) cũng không phải số định danh cá nhân (12 chữ số)"
            }
            (IdentifyCode::InvalidQrField, Lang::En) => "a field of the QR code is malformed",
            (IdentifyCode::InvalidQrField, Lang::Vi) => "Một trường của mã QR không đúng định dạng",
            (IdentifyCode::UnrecognizedQr, Lang::En) => {
                "the QR code has neither a BHYT card's layout nor a CCCD's"
            }
            (IdentifyCode::UnrecognizedQr, Lang::Vi) => {
                "Mã QR không theo bố cục của thẻ BHYT hay của CCCD"
            }
        }
    }
}

impl fmt::Display for IdentifyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl IdentifyError {
    /// The stable machine-readable code: the card error's code ([`ErrorCode::as_str`]) for
    /// [`Card`](IdentifyError::Card), `invalid_personal_id`, or `unrecognized_input`.
    ///
    /// [`ErrorCode::as_str`]: crate::ErrorCode::as_str
    ///
    /// ```
    /// assert_eq!(bhyt::identify("").unwrap_err().code(), "unrecognized_input");
    /// assert_eq!(bhyt::identify("0790950012 4").unwrap_err().code(), "invalid_personal_id");
    /// ```
    pub const fn code(&self) -> &'static str {
        match self.identify_code() {
            Some(code) => code.as_str(),
            None => match self {
                IdentifyError::Card(error) => error.code().as_str(),
                _ => "",
            },
        }
    }

    /// The [`IdentifyCode`] of an error that is not a card's; `None` for
    /// [`Card`](IdentifyError::Card).
    ///
    /// ```
    /// use bhyt::IdentifyCode;
    /// assert_eq!(bhyt::identify("").unwrap_err().identify_code(), Some(IdentifyCode::UnrecognizedInput));
    /// assert_eq!(bhyt::identify("DN4000123456789").unwrap_err().identify_code(), None);
    /// ```
    pub const fn identify_code(&self) -> Option<IdentifyCode> {
        match self {
            IdentifyError::Card(_) => None,
            IdentifyError::InvalidPersonalId { .. } => Some(IdentifyCode::InvalidPersonalId),
            IdentifyError::Unrecognized { .. } => Some(IdentifyCode::UnrecognizedInput),
            IdentifyError::InvalidQrField { .. } => Some(IdentifyCode::InvalidQrField),
            IdentifyError::UnrecognizedQr { .. } => Some(IdentifyCode::UnrecognizedQr),
        }
    }

    /// The 0-based character position the error points at, if any.
    ///
    /// ```
    /// assert_eq!(bhyt::identify("0790950012 4").unwrap_err().position(), Some(10));
    /// assert_eq!(bhyt::identify("").unwrap_err().position(), None);
    /// ```
    pub const fn position(&self) -> Option<usize> {
        match self {
            IdentifyError::Card(error) => error.position(),
            IdentifyError::InvalidPersonalId { position, .. }
            | IdentifyError::InvalidQrField { position, .. } => Some(*position),
            IdentifyError::Unrecognized { .. } | IdentifyError::UnrecognizedQr { .. } => None,
        }
    }

    /// The QR field an [`InvalidQrField`](IdentifyError::InvalidQrField) error names; `None`
    /// for every other error (a card error in field 0 of a card's QR code is a
    /// [`Card`](IdentifyError::Card) error).
    ///
    /// ```
    /// use bhyt::QrField;
    /// let qr = "HS4010120878811|4e|15/08/1990|1|-|01 - 028|01/01/2025|-|01/01/2025|79|zz|4| 01/01/2030|x|$";
    /// assert_eq!(bhyt::identify(qr).unwrap_err().qr_field(), Some(QrField::GuardianName));
    /// assert_eq!(bhyt::identify("DN4000123456789").unwrap_err().qr_field(), None);
    /// ```
    pub const fn qr_field(&self) -> Option<crate::QrField> {
        match self {
            IdentifyError::InvalidQrField { field, .. } => Some(*field),
            _ => None,
        }
    }

    /// The card error, for 10 or 15 characters.
    ///
    /// ```
    /// assert!(bhyt::identify("DN4000123456789").unwrap_err().card_error().is_some());
    /// ```
    pub const fn card_error(&self) -> Option<Error> {
        match self {
            IdentifyError::Card(error) => Some(*error),
            _ => None,
        }
    }

    /// The full message in the given language.
    ///
    /// ```
    /// use bhyt::Lang;
    /// let err = bhyt::identify("0790950012 4").unwrap_err();
    /// assert_eq!(err.message(Lang::Vi).to_string(), "Số định danh cá nhân gồm 12 chữ số; ký tự thứ 11 là một khoảng trắng");
    /// ```
    pub const fn message(&self, lang: Lang) -> IdentifyMessage {
        IdentifyMessage { error: *self, lang }
    }
}

/// An [`IdentifyError`]'s message in one language; writes without allocating.
///
/// ```
/// let err = bhyt::identify("12345").unwrap_err();
/// assert!(err.message(bhyt::Lang::En).to_string().starts_with("neither"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct IdentifyMessage {
    error: IdentifyError,
    lang: Lang,
}

impl fmt::Display for IdentifyMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = self.lang;
        let general = |code: IdentifyCode| code.message(lang);
        // The general message of the code, then the details: English and Vietnamese side by
        // side.
        match (self.error, lang) {
            (IdentifyError::Card(error), _) => fmt::Display::fmt(&error.message(lang), f),
            (IdentifyError::InvalidPersonalId { position, found }, Lang::En) => write!(
                f,
                "{}; character {} is {}",
                general(IdentifyCode::InvalidPersonalId),
                position + 1,
                found.describe(lang)
            ),
            (IdentifyError::InvalidPersonalId { position, found }, Lang::Vi) => write!(
                f,
                "{}; ký tự thứ {} là {}",
                general(IdentifyCode::InvalidPersonalId),
                position + 1,
                found.describe(lang)
            ),
            (IdentifyError::Unrecognized { length }, Lang::En) => write!(
                f,
                "{}: {length} characters",
                general(IdentifyCode::UnrecognizedInput)
            ),
            (IdentifyError::Unrecognized { length }, Lang::Vi) => write!(
                f,
                "{}: đã nhập {length} ký tự",
                general(IdentifyCode::UnrecognizedInput)
            ),
            (IdentifyError::InvalidQrField { field, position }, Lang::En) => write!(
                f,
                "{}: {} ({}), character {}",
                general(IdentifyCode::InvalidQrField),
                field.name(lang),
                field.as_str(),
                position + 1
            ),
            (IdentifyError::InvalidQrField { field, position }, Lang::Vi) => write!(
                f,
                "{}: {} ({}), ký tự thứ {}",
                general(IdentifyCode::InvalidQrField),
                field.name(lang),
                field.as_str(),
                position + 1
            ),
            (IdentifyError::UnrecognizedQr { fields }, Lang::En) => write!(
                f,
                "{}: {fields} fields",
                general(IdentifyCode::UnrecognizedQr)
            ),
            (IdentifyError::UnrecognizedQr { fields }, Lang::Vi) => write!(
                f,
                "{}: có {fields} trường",
                general(IdentifyCode::UnrecognizedQr)
            ),
        }
    }
}

/// Says what was typed into one search box, exactly as typed: a BHYT card number (10 or 15
/// characters, checked by the VNeID rule with any issuing body) or a 12-digit personal
/// identification number (decoded). The length decides which rule applies; nothing is
/// guessed.
///
/// # What the length decides, and what is only reported
///
/// The three kinds have different lengths, so the number of characters decides which rule
/// applies, and nothing is guessed:
///
/// | characters | checked as | errors |
/// |---|---|---|
/// | 10 or 15 | a BHYT card number, by the VNeID rule ([`validate`](crate::validate)) | the card's [`Error`] |
/// | 12 | a personal identification number: 12 ASCII digits | [`IdentifyError::InvalidPersonalId`] at the first non-digit |
/// | any other | nothing | [`IdentifyError::Unrecognized`] with the length |
///
/// # QR codes typed by a scanner
///
/// Input with a `|` is a QR payload (CR and LF at the end are dropped, in both modes: a
/// payload is machine text, read as typed):
///
/// - **`card_qr`** ([`CardQr`]): at least 10 fields, field 0 the card (ASCII whitespace or
///   control characters around it dropped, then checked by the VNeID rule: its errors are
///   [`IdentifyError::Card`] with positions in the whole payload). Fields 1, 4, 10 are hex
///   of UTF-8 (Telex damage `â ê đ à è ầ ề` undone first, then UTF-16LE when the bytes are
///   not UTF-8); 2 `dd/MM/yyyy` or `yyyy`; 3 `1` or `2`; 5 the facility
///   ([`FacilityCode::parse`](crate::FacilityCode::parse)); 6-8 `dd/MM/yyyy` (7 may be
///   `-`); 9 digits; 12 `dd/MM/yyyy` after leading spaces. Fields 11, 13 (the check string,
///   never verified) and 14+ are kept raw.
/// - **`personal_id_qr`** ([`PersonalIdQr`]): 6, 7 or 11 fields without a closing `$`,
///   field 0 of 12 characters (its digits checked as a typed number's).
/// - anything else with `|` is [`IdentifyError::UnrecognizedQr`]; a malformed field is
///   [`IdentifyError::InvalidQrField`] naming the field and the character position.
///
/// The structure of the personal identification number (NĐ 137/2015/NĐ-CP art. 13,
/// Thông tư 07/2016/TT-BCA art. 7; informative background in `shared/spec`) is decoded, never
/// used to reject a number:
///
/// - digits 1-3 are the code of the province **or of the country** where the birth was
///   registered. The province list changed in 2025 (34 provinces, several new codes reusing
///   old numbers for other provinces) and country codes are not published with the rule, so
///   this library gives the code as a number, names no province, and only says whether the
///   code is on the 2016 list of the 63 provinces ([`BirthPlaceCode::is_on_2016_province_list`]);
///   an unlisted code is an advisory ([`Advice`](crate::Advice)), never an error;
/// - digit 4 is the century and sex: every digit 0-9 has a meaning (1900s male 0, female 1;
///   2000s 2/3; 2100s 4/5; 2200s 6/7; 2300s 8/9), so none is rejected;
/// - digits 5-6 are the last two digits of the birth year; the library has no clock, so a
///   birth year in the future is for the caller to judge ([`PersonalId::birth_year`]);
/// - digits 7-12 are random.
///
/// # Example
///
/// ```
/// use bhyt::{Identity, IdentifyError};
/// match bhyt::identify("079095001234") {
///     Ok(Identity::PersonalId(id)) => assert_eq!(id.birth_year(), 1995),
///     other => panic!("unexpected {other:?}"),
/// }
/// assert!(matches!(bhyt::identify("HS4010120878811"), Ok(Identity::Card(_))));
/// assert_eq!(bhyt::identify("01234567890"), Err(IdentifyError::Unrecognized { length: 11 }));
/// ```
pub fn identify(input: impl AsRef<[u8]>) -> Result<Identity, IdentifyError> {
    let input = input.as_ref();
    if crate::qr::is_qr(input) {
        return crate::qr::identify_qr(input);
    }
    let scan = Scan::strict(input);
    match scan.len() {
        10 | 15 => validate(input, None)
            .map(Identity::Card)
            .map_err(IdentifyError::Card),
        PersonalId::LEN => personal_id(&scan),
        length => Err(IdentifyError::Unrecognized { length }),
    }
}

/// [`identify`] for pasted or scanned text: drops Unicode whitespace, `.`, `-` and `_` and
/// uppercases ASCII letters first, as [`validate_lenient`](crate::validate_lenient) does.
/// Positions point into the input as given. The shorthand of
/// [`Mode::Lenient`](crate::Mode::Lenient)`.identify`.
///
/// ```
/// use bhyt::Identity;
/// let id = bhyt::identify_lenient(" 079 095 001 234 ").unwrap().personal_id().unwrap();
/// assert_eq!(id.as_str(), "079095001234");
/// assert!(matches!(bhyt::identify_lenient("hs-4-01-0120878811"), Ok(Identity::Card(_))));
/// ```
pub fn identify_lenient(input: impl AsRef<[u8]>) -> Result<Identity, IdentifyError> {
    let input = input.as_ref();
    if crate::qr::is_qr(input) {
        return crate::qr::identify_qr(input);
    }
    let scan = Scan::lenient(input);
    match scan.len() {
        10 | 15 => validate_lenient(input, None)
            .map(Identity::Card)
            .map_err(IdentifyError::Card),
        PersonalId::LEN => personal_id(&scan),
        length => Err(IdentifyError::Unrecognized { length }),
    }
}

/// The 12 scanned characters as a personal identification number.
fn personal_id(scan: &Scan) -> Result<Identity, IdentifyError> {
    let mut digits = [0u8; 12];
    for (i, (slot, &byte)) in digits.iter_mut().zip(scan.chars()).enumerate() {
        if !byte.is_ascii_digit() {
            return Err(IdentifyError::InvalidPersonalId {
                position: scan.origin(i),
                found: Found::classify(byte),
            });
        }
        *slot = byte;
    }
    Ok(Identity::PersonalId(PersonalId(digits)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_2016_list_has_63_codes_from_1_to_96() {
        assert_eq!(PROVINCES_2016.count_ones(), 63);
        assert_eq!(PROVINCES_2016.trailing_zeros(), 1);
        assert_eq!(127 - PROVINCES_2016.leading_zeros(), 96);
        for (value, listed) in [(1, true), (79, true), (96, true), (0, false), (3, false)] {
            assert_eq!(BirthPlaceCode(value).is_on_2016_province_list(), listed);
        }
        assert!(!BirthPlaceCode(101).is_on_2016_province_list());
        assert!(!BirthPlaceCode(999).is_on_2016_province_list());
    }

    #[test]
    fn every_century_digit_decodes() {
        let expected = [
            (1900, Sex::Male),
            (1900, Sex::Female),
            (2000, Sex::Male),
            (2000, Sex::Female),
            (2100, Sex::Male),
            (2100, Sex::Female),
            (2200, Sex::Male),
            (2200, Sex::Female),
            (2300, Sex::Male),
            (2300, Sex::Female),
        ];
        for (digit, (century, sex)) in expected.into_iter().enumerate() {
            let mut text = *b"001095123456";
            text[3] = b'0' + digit as u8;
            let id = identify(text).unwrap().personal_id().unwrap();
            assert_eq!((id.century(), id.sex()), (century, sex));
            assert_eq!(id.birth_year(), century + 95);
        }
    }
}
