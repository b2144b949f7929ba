//! The code of a health facility (mã cơ sở khám chữa bệnh, e.g. the initial registered
//! facility, mã ĐKKCB ban đầu): 2-digit province and 3-character facility.

use core::fmt;

use crate::{Found, Lang};

/// A facility code, normalised to its 5 characters: the 2-digit province part and the
/// 3-character facility part (ASCII digits or uppercase letters).
///
/// ```
/// use bhyt::FacilityCode;
/// let code = FacilityCode::parse("01 - 028").unwrap();
/// assert_eq!(code.as_str(), "01028");
/// assert_eq!(code.province(), "01");
/// assert_eq!(code.facility(), "028");
/// assert_eq!(FacilityCode::parse("01-028"), Ok(code));
/// assert_eq!(FacilityCode::parse("01\u{2013}028"), Ok(code));
/// assert_eq!(FacilityCode::parse("01028"), Ok(code));
/// assert_eq!(code.to_string(), "01028");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FacilityCode([u8; 5]);

/// Why a text is not a facility code ([`FacilityCode::parse`]). Positions are 0-based
/// characters of the text as given.
///
/// ```
/// use bhyt::{FacilityCode, FacilityCodeError, Lang};
/// assert_eq!(FacilityCode::parse("01 - 02"), Err(FacilityCodeError::Length { length: 4 }));
/// let err = FacilityCode::parse("0A028").unwrap_err();
/// assert_eq!(err.position(), Some(1));
/// assert_eq!(err.code(), "invalid_facility_code");
/// assert_eq!(err.message(Lang::En).to_string(), "a facility code is a 2-digit province and 3 characters (e.g. 01 - 028); character 2 is an uppercase letter");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
pub enum FacilityCodeError {
    /// Not 5 characters once spaces, `-` and en dashes are dropped.
    #[error("{}", self.message(Lang::En))]
    Length {
        /// How many characters are left.
        length: usize,
    },
    /// The province part (characters 1-2) is not two digits other than `00`, or a facility
    /// character is not an ASCII digit or uppercase letter.
    #[error("{}", self.message(Lang::En))]
    InvalidCharacter {
        /// The position of the character.
        position: usize,
        /// What kind of character it is.
        found: Found,
    },
}

impl FacilityCodeError {
    /// The stable code: `invalid_facility_code`.
    pub const fn code(&self) -> &'static str {
        "invalid_facility_code"
    }

    /// The position the error points at, if any.
    pub const fn position(&self) -> Option<usize> {
        match self {
            FacilityCodeError::Length { .. } => None,
            FacilityCodeError::InvalidCharacter { position, .. } => Some(*position),
        }
    }

    /// The general message, without the details of a particular error (for the C layer's
    /// static strings).
    ///
    /// ```
    /// use bhyt::{FacilityCodeError, Lang};
    /// assert_eq!(FacilityCodeError::general_message(Lang::En), "a facility code is a 2-digit province and 3 characters (e.g. 01 - 028)");
    /// ```
    pub const fn general_message(lang: Lang) -> &'static str {
        match lang {
            Lang::En => "a facility code is a 2-digit province and 3 characters (e.g. 01 - 028)",
            Lang::Vi => "Mã cơ sở KCB gồm 2 chữ số tỉnh và 3 ký tự (ví dụ 01 - 028)",
        }
    }

    /// The message in the given language.
    pub const fn message(&self, lang: Lang) -> FacilityCodeMessage {
        FacilityCodeMessage { error: *self, lang }
    }
}

/// A [`FacilityCodeError`]'s message in one language.
#[derive(Clone, Copy, Debug)]
pub struct FacilityCodeMessage {
    error: FacilityCodeError,
    lang: Lang,
}

impl fmt::Display for FacilityCodeMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let general = FacilityCodeError::general_message(self.lang);
        match (self.error, self.lang) {
            (FacilityCodeError::Length { length }, Lang::En) => {
                write!(f, "{general}: {length} characters")
            }
            (FacilityCodeError::Length { length }, Lang::Vi) => {
                write!(f, "{general}: có {length} ký tự")
            }
            (FacilityCodeError::InvalidCharacter { position, found }, Lang::En) => write!(
                f,
                "{general}; character {} is {}",
                position + 1,
                found.describe(self.lang)
            ),
            (FacilityCodeError::InvalidCharacter { position, found }, Lang::Vi) => write!(
                f,
                "{general}; ký tự thứ {} là {}",
                position + 1,
                found.describe(self.lang)
            ),
        }
    }
}

fn classify(c: char) -> Found {
    let mut buf = [0u8; 4];
    let bytes = c.encode_utf8(&mut buf).as_bytes();
    match bytes {
        [byte] => Found::classify(*byte),
        _ => Found::classify(0x80),
    }
}

impl FacilityCode {
    /// Parses `01 - 028`, `01-028`, `01–028` (en dash) or `01028`: spaces, `-` and en
    /// dashes are dropped anywhere, then 5 characters must remain, 2 digits (not `00`) and
    /// 3 ASCII digits or uppercase letters.
    ///
    /// ```
    /// assert!(bhyt::FacilityCode::parse("00028").is_err());
    /// ```
    pub fn parse(text: impl AsRef<[u8]>) -> Result<FacilityCode, FacilityCodeError> {
        let mut code = [0u8; 5];
        let mut len = 0usize;
        for (position, c) in crate::scan::lossy_chars(text.as_ref()).enumerate() {
            if c == ' ' || c == '-' || c == '\u{2013}' {
                continue;
            }
            let ok = match len {
                0 | 1 => c.is_ascii_digit(),
                2..=4 => c.is_ascii_digit() || c.is_ascii_uppercase(),
                _ => true,
            };
            if !ok {
                return Err(FacilityCodeError::InvalidCharacter {
                    position,
                    found: classify(c),
                });
            }
            if let Some(slot) = code.get_mut(len) {
                *slot = c as u8;
            }
            len += 1;
        }
        if len != 5 {
            return Err(FacilityCodeError::Length { length: len });
        }
        if code[0] == b'0' && code[1] == b'0' {
            return Err(FacilityCodeError::InvalidCharacter {
                position: 0,
                found: Found::Digit,
            });
        }
        Ok(FacilityCode(code))
    }

    /// The 5 characters.
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The province part, 2 digits.
    pub fn province(&self) -> &str {
        self.as_str().get(..2).unwrap_or_default()
    }

    /// The facility part, 3 characters.
    pub fn facility(&self) -> &str {
        self.as_str().get(2..).unwrap_or_default()
    }

    /// The 5 ASCII bytes.
    pub const fn as_bytes(&self) -> &[u8; 5] {
        &self.0
    }
}

impl fmt::Display for FacilityCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl core::str::FromStr for FacilityCode {
    type Err = FacilityCodeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        FacilityCode::parse(text)
    }
}
