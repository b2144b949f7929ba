//! The one error type, its stable machine-readable codes, and its messages in two languages.
//!
//! An error says what is wrong and where, never what was typed: it holds a kind, a position
//! and at most a category (the kind of character found, the issuing body chosen, a late group
//! code), so it can be logged or sent to a client without leaking the card number.

use core::fmt;
use core::str::FromStr;

use crate::code::{code_enum, write_message};
use crate::{Issuer, LateGroupCode};

/// The language of a message: Vietnamese for citizens and hospital staff, English for
/// developers. [`Error`]'s `Display` is English; Vietnamese goes through [`Error::message`].
///
/// ```
/// assert_eq!("vi".parse::<bhyt::Lang>(), Ok(bhyt::Lang::Vi));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Tiếng Việt.
    #[default]
    Vi,
    /// English.
    En,
}

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name {
            "vi" => Ok(Lang::Vi),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang),
        }
    }
}

/// The error of parsing a [`Lang`] from a name other than `vi` or `en`.
///
/// ```
/// assert!("fr".parse::<bhyt::Lang>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown language: expected vi or en")]
pub struct UnknownLang;

/// The kind of character an [`Error::InvalidCharacter`] expected at its position.
///
/// ```
/// use bhyt::{Error, Expected, Found};
/// let err = bhyt::validate("01010A0101", None).unwrap_err();
/// assert_eq!(err, Error::InvalidCharacter { position: 5, expected: Expected::Digit, found: Found::UppercaseLetter });
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Expected {
    /// An ASCII digit `0`-`9`.
    Digit,
    /// An ASCII uppercase letter `A`-`Z`.
    UppercaseLetter,
    /// The first character of a number: a digit (10-digit form) or an uppercase letter
    /// (15-character form). Only the as-you-type check reports it.
    DigitOrUppercaseLetter,
}

impl Expected {
    /// The expectation, as a phrase.
    ///
    /// ```
    /// assert_eq!(bhyt::Expected::Digit.describe(bhyt::Lang::En), "a digit (0-9)");
    /// ```
    pub const fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Expected::Digit, Lang::En) => "a digit (0-9)",
            (Expected::Digit, Lang::Vi) => "một chữ số (0-9)",
            (Expected::UppercaseLetter, Lang::En) => "an uppercase letter (A-Z)",
            (Expected::UppercaseLetter, Lang::Vi) => "một chữ cái in hoa (A-Z)",
            (Expected::DigitOrUppercaseLetter, Lang::En) => "a digit or an uppercase letter",
            (Expected::DigitOrUppercaseLetter, Lang::Vi) => "một chữ số hoặc chữ cái in hoa",
        }
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe(Lang::En))
    }
}

/// The kind of character found where another was expected: a category, never the character.
///
/// ```
/// use bhyt::{Error, Found};
/// let err = bhyt::validate("dn4010123456789", None).unwrap_err();
/// assert!(matches!(err, Error::InvalidCharacter { position: 0, found: Found::LowercaseLetter, .. }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Found {
    /// An ASCII digit.
    Digit,
    /// An ASCII uppercase letter.
    UppercaseLetter,
    /// An ASCII lowercase letter (the lenient entry points uppercase these).
    LowercaseLetter,
    /// ASCII whitespace (the lenient entry points drop it).
    Whitespace,
    /// ASCII punctuation, a symbol or a control character.
    Symbol,
    /// Anything outside ASCII: an accented letter such as `Đ`, a full-width or other Unicode
    /// digit, an invisible character, or bytes that are not valid UTF-8.
    NonAscii,
}

impl Found {
    /// The category of a byte of the scanned input (non-ASCII bytes stand for a whole
    /// non-ASCII character).
    pub(crate) const fn classify(byte: u8) -> Found {
        match byte {
            b'0'..=b'9' => Found::Digit,
            b'A'..=b'Z' => Found::UppercaseLetter,
            b'a'..=b'z' => Found::LowercaseLetter,
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => Found::Whitespace,
            0..=0x7f => Found::Symbol,
            _ => Found::NonAscii,
        }
    }

    /// The category, as a phrase.
    ///
    /// ```
    /// assert_eq!(bhyt::Found::Whitespace.describe(bhyt::Lang::Vi), "một khoảng trắng");
    /// ```
    pub const fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Found::Digit, Lang::En) => "a digit",
            (Found::Digit, Lang::Vi) => "một chữ số",
            (Found::UppercaseLetter, Lang::En) => "an uppercase letter",
            (Found::UppercaseLetter, Lang::Vi) => "một chữ cái in hoa",
            (Found::LowercaseLetter, Lang::En) => "a lowercase letter",
            (Found::LowercaseLetter, Lang::Vi) => "một chữ cái thường",
            (Found::Whitespace, Lang::En) => "a space",
            (Found::Whitespace, Lang::Vi) => "một khoảng trắng",
            (Found::Symbol, Lang::En) => "a punctuation mark, symbol or control character",
            (Found::Symbol, Lang::Vi) => "một dấu câu, ký hiệu hoặc ký tự điều khiển",
            (Found::NonAscii, Lang::En) => {
                "a non-ASCII character (an accented letter, a full-width or other Unicode digit, or an invisible character)"
            }
            (Found::NonAscii, Lang::Vi) => {
                "một ký tự ngoài bảng ASCII (chữ có dấu, chữ số toàn khổ hoặc chữ số Unicode khác, hoặc ký tự ẩn)"
            }
        }
    }
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe(Lang::En))
    }
}

/// The error table: one row per code, and everything about the code in its row: the
/// variant of [`Error`] and the detail it carries, the number and the stable name of its
/// [`ErrorCode`], a summary (the docs' and READMEs' table), the general message in English
/// and Vietnamese side by side, and, where the full message says more than the general one,
/// its English and Vietnamese templates side by side with their arguments (evaluated for the
/// language `lang` names).
///
/// The enum [`Error`], its `code`, `position`, the English `Display` and [`Message`], and the
/// enum [`ErrorCode`] with `ALL`, `as_str`, `number`, `from_number`, `message` and its doc
/// table are all generated from the table; the C constants, the JS code list and the READMEs'
/// tables are checked against it (`crates/bhyt-testdata/tests/tables.rs`). Adding a code is
/// one row here.
macro_rules! error_codes {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $number:literal, $name:literal $(at $position:ident)? {
            $( $(#[$field_doc:meta])* $field:ident: $ty:ty, )*
        }
        summary: $summary:literal,
        general: $general_en:literal / $general_vi:literal
        $(, message($lang:ident): $en:literal / $vi:literal $(, $arg:expr)*)?;
    )+) => {
        /// Why a card number was rejected, and where.
        ///
        /// Positions are 0-based indices of characters (Unicode scalar values; for byte input,
        /// of UTF-8 sequences, an invalid sequence counting as one character) in the input as
        /// given, separators included in lenient mode. Checks run left to right and the first
        /// failure decides. A component error points at the start of the component: 0 for the
        /// group code, 2 for the benefit level, 3 for the province code.
        ///
        /// The `Display` text (English) and [`Error::message`] (Vietnamese or English) are
        /// public API.
        ///
        /// ```
        /// use bhyt::{Error, ErrorCode, Lang};
        /// let err = bhyt::validate("DX4010123456789", None).unwrap_err();
        /// assert_eq!(err, Error::UnknownGroupCode { position: 0 });
        /// assert_eq!(err.code(), ErrorCode::UnknownGroupCode);
        /// assert_eq!(err.code().as_str(), "unknown_group_code");
        /// assert_eq!(err.position(), Some(0));
        /// assert_eq!(err.to_string(), "the group code (characters 1-2) is not on the VNeID list of 43 codes");
        /// assert_eq!(
        ///     err.message(Lang::Vi).to_string(),
        ///     "Mã đối tượng (ký tự 1-2) không có trong danh sách 43 mã được VNeID chấp nhận"
        /// );
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
        #[non_exhaustive]
        pub enum Error {
            $(
                $(#[$doc])*
                #[error("{}", self.message(Lang::En))]
                $variant { $( $(#[$field_doc])* $field: $ty, )* },
            )+
        }

        impl Error {
            /// The stable machine-readable code of this error.
            ///
            /// ```
            /// let err = bhyt::validate("123", None).unwrap_err();
            /// assert_eq!(err.code(), bhyt::ErrorCode::InvalidLength);
            /// ```
            pub const fn code(&self) -> ErrorCode {
                match self {
                    $(Error::$variant { .. } => ErrorCode::$variant,)+
                }
            }

            /// The 0-based character position the error points at; `None` for a length
            /// error.
            ///
            /// ```
            /// assert_eq!(bhyt::validate("DN6010123456789", None).unwrap_err().position(), Some(2));
            /// assert_eq!(bhyt::validate("", None).unwrap_err().position(), None);
            /// ```
            pub const fn position(&self) -> Option<usize> {
                match *self {
                    $(Error::$variant { $($position,)? .. } => error_codes!(@some $($position)?),)+
                }
            }

            /// The same error pointing at another position (used to map positions in
            /// normalised text back to the input as given).
            pub(crate) fn at(self, new_position: usize) -> Error {
                let mut error = self;
                match &mut error {
                    $(Error::$variant { $($position,)? .. } => { $(*$position = new_position;)? })+
                }
                error
            }
        }

        impl fmt::Display for Message {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.error {
                    $(
                        #[allow(unused_variables)]
                        Error::$variant { $($field,)* } => write_message!(
                            f, self.lang, ErrorCode::$variant
                            $(, $lang, $en, $vi $(, $arg)*)?
                        ),
                    )+
                }
            }
        }

        code_enum! {
            /// The stable machine-readable code of an [`Error`], shared by the Rust, C and JS
            /// layers.
            pub enum ErrorCode {
                $($variant = $number, $name, $summary, $general_en / $general_vi;)+
            }
            /// ```
            /// use bhyt::ErrorCode;
            /// assert_eq!(ErrorCode::InvalidProvinceCode.number(), 6);
            /// assert_eq!(ErrorCode::InvalidProvinceCode.as_str(), "invalid_province_code");
            /// assert_eq!(ErrorCode::from_number(6), Some(ErrorCode::InvalidProvinceCode));
            /// assert_eq!("invalid_province_code".parse(), Ok(ErrorCode::InvalidProvinceCode));
            /// assert_eq!(ErrorCode::InvalidBenefitLevel.summary(), "character 3 not a digit from 1 to 5");
            /// assert_eq!(
            ///     ErrorCode::InvalidBenefitLevel.message(bhyt::Lang::En),
            ///     "the benefit level (character 3) must be a digit from 1 to 5"
            /// );
            /// ```
        }
    };
    (@some) => { None };
    (@some $position:ident) => { Some($position) };
}

error_codes! {
    /// The number of characters is neither 10 nor 15 (after dropping separators, in lenient
    /// mode).
    InvalidLength = 1, "invalid_length" {
        /// How many characters there were.
        length: usize,
    }
    summary: "not 10 or 15 characters (no position)",
    general: "a BHYT card number has exactly 10 digits or 15 characters"
        / "Số thẻ BHYT phải gồm đúng 10 chữ số hoặc 15 ký tự",
    message(lang): "a BHYT card number has exactly 10 digits or 15 characters, not {}"
        / "Số thẻ BHYT phải gồm đúng 10 chữ số hoặc 15 ký tự; đã nhập {} ký tự", length;

    /// A character of the wrong kind for its position.
    InvalidCharacter = 2, "invalid_character" at position {
        /// Where the character is.
        position: usize,
        /// What kind of character belongs there.
        expected: Expected,
        /// What kind of character is there.
        found: Found,
    }
    summary: "a character of the wrong kind for its position (says what was expected and what kind was found)",
    general: "a character is not allowed at its position"
        / "Có ký tự không hợp lệ ở vị trí của nó",
    message(lang): "character {} is {}, expected {}"
        / "Ký tự thứ {} là {}, cần {}", position + 1, found.describe(lang), expected.describe(lang);

    /// Characters 1-2 are not one of the 43 group codes on the VNeID list.
    UnknownGroupCode = 3, "unknown_group_code" at position {
        /// Where the group code starts.
        position: usize,
    }
    summary: "characters 1-2 not on the VNeID list of 43 codes",
    general: "the group code (characters 1-2) is not on the VNeID list of 43 codes"
        / "Mã đối tượng (ký tự 1-2) không có trong danh sách 43 mã được VNeID chấp nhận";

    /// Characters 1-2 are a group code BHXH added after the VNeID list was fixed.
    LateGroupCode = 4, "late_group_code" at position {
        /// Where the group code starts.
        position: usize,
        /// Which late code it is.
        code: LateGroupCode,
    }
    summary: "characters 1-2 are `ND`, `TG` or `AK`, added by BHXH after the VNeID list was fixed: still rejected, with a message saying so",
    general: "the group code was added after the VNeID list was fixed; VNeID does not accept it"
        / "Mã đối tượng được bổ sung sau khi danh sách của VNeID được ban hành nên VNeID chưa chấp nhận",
    message(lang): "the group code {} ({}) was added after the VNeID list was fixed; VNeID does not accept it"
        / "Mã đối tượng {} ({}) được bổ sung sau khi danh sách của VNeID được ban hành nên VNeID chưa chấp nhận",
        code.as_str(), code.description(lang);

    /// Character 3 is a digit outside 1-5.
    InvalidBenefitLevel = 5, "invalid_benefit_level" at position {
        /// Where the benefit digit is.
        position: usize,
    }
    summary: "character 3 not a digit from 1 to 5",
    general: "the benefit level (character 3) must be a digit from 1 to 5"
        / "Mức hưởng (ký tự 3) phải là chữ số từ 1 đến 5";

    /// Characters 4-5 are 00, or not allowed for the issuing body chosen.
    InvalidProvinceCode = 6, "invalid_province_code" at position {
        /// Where the province code starts.
        position: usize,
        /// The issuing body chosen (`None`: any).
        issuer: Option<Issuer>,
    }
    summary: "characters 4-5 are `00`, or not allowed for the issuing body chosen",
    general: "characters 4-5 (province code of issue) are not allowed for the issuing body"
        / "Ký tự 4-5 (mã nơi cấp) không phù hợp với đơn vị cấp thẻ",
    message(lang): "{}" / "{}", province_rule(issuer, lang);
}

/// The full message of [`Error::InvalidProvinceCode`]: the rule of the issuing body chosen.
const fn province_rule(issuer: Option<Issuer>, lang: Lang) -> &'static str {
    match (issuer, lang) {
        (None, Lang::En) => "the province code (characters 4-5) cannot be 00",
        (None, Lang::Vi) => "Mã nơi cấp (ký tự 4-5) không được là 00",
        (Some(Issuer::VietnamSocialSecurity), Lang::En) => {
            "for Vietnam Social Security, characters 4-5 must be from 01 to 99, except 97 and 98"
        }
        (Some(Issuer::VietnamSocialSecurity), Lang::Vi) => {
            "Với Bảo hiểm xã hội Việt Nam, ký tự 4-5 phải từ 01 đến 99, trừ 97 và 98"
        }
        (Some(Issuer::Police), Lang::En) => "for Police social security, characters 4-5 must be 98",
        (Some(Issuer::Police), Lang::Vi) => {
            "Với Bảo hiểm xã hội Công an nhân dân, ký tự 4-5 phải là 98"
        }
        (Some(Issuer::Defence), Lang::En) => {
            "for Defence social security, characters 4-5 must be 97"
        }
        (Some(Issuer::Defence), Lang::Vi) => {
            "Với Bảo hiểm xã hội Bộ Quốc phòng, ký tự 4-5 phải là 97"
        }
    }
}

impl Error {
    /// The full message in the given language, with the details of this error.
    ///
    /// ```
    /// use bhyt::Lang;
    /// let err = bhyt::validate("DN4010123456789", Some(bhyt::Issuer::Police)).unwrap_err();
    /// assert_eq!(err.message(Lang::En).to_string(), "for Police social security, characters 4-5 must be 98");
    /// assert_eq!(err.message(Lang::Vi).to_string(), "Với Bảo hiểm xã hội Công an nhân dân, ký tự 4-5 phải là 98");
    /// ```
    pub const fn message(&self, lang: Lang) -> Message {
        Message { error: *self, lang }
    }
}

/// An error's message in one language; implements `Display` and writes without allocating.
///
/// ```
/// let err = bhyt::validate("0101010101x", None).unwrap_err();
/// let text = err.message(bhyt::Lang::Vi).to_string();
/// assert_eq!(text, "Số thẻ BHYT phải gồm đúng 10 chữ số hoặc 15 ký tự; đã nhập 11 ký tự");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Message {
    error: Error,
    lang: Lang,
}

/// The error of parsing an [`ErrorCode`] from an unknown name.
///
/// ```
/// assert!("no_such_code".parse::<bhyt::ErrorCode>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown error code")]
pub struct UnknownErrorCode;

impl FromStr for ErrorCode {
    type Err = UnknownErrorCode;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        ErrorCode::ALL
            .into_iter()
            .find(|code| code.as_str() == name)
            .ok_or(UnknownErrorCode)
    }
}
