//! The reading mode, as a value: strict (exactly as typed) or lenient (pasted text).

use core::fmt;
use core::str::FromStr;

use crate::{
    Advisories, CardNumber, Error, IdentifyError, Identity, Issuer, Lines, MaTheBhyt, PrefixCheck,
};

/// How an entry point reads its input: exactly as typed, or as pasted or scanned text.
///
/// Every entry point takes a mode through the methods here, so that a binding or a program
/// that gets the mode from its caller passes it on instead of choosing between two functions.
/// The `_lenient` functions ([`validate_lenient`](crate::validate_lenient), ...) are
/// shorthands for `Mode::Lenient`, and the plain ones for `Mode::Strict`.
///
/// ```
/// use bhyt::Mode;
/// let mode: Mode = "lenient".parse().unwrap();
/// assert_eq!(mode, Mode::Lenient);
/// assert!(mode.validate(" hs 4 01 0120878811 ", None).is_ok());
/// assert!(Mode::Strict.validate(" hs 4 01 0120878811 ", None).is_err());
/// assert_eq!(Mode::Lenient.as_str(), "lenient");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Exactly as typed: nothing is trimmed or uppercased.
    #[default]
    Strict,
    /// Pasted or scanned text: Unicode whitespace, `.`, `-` and `_` are dropped and ASCII
    /// letters uppercased first; positions point into the input as given.
    Lenient,
}

impl Mode {
    /// `strict` or `lenient`: the name the command line, JSON and the vector files use.
    ///
    /// ```
    /// assert_eq!(bhyt::Mode::Strict.as_str(), "strict");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Mode::Strict => "strict",
            Mode::Lenient => "lenient",
        }
    }

    /// The mode of a `lenient` flag.
    ///
    /// ```
    /// assert_eq!(bhyt::Mode::from_lenient(true), bhyt::Mode::Lenient);
    /// ```
    pub const fn from_lenient(lenient: bool) -> Mode {
        if lenient {
            Mode::Lenient
        } else {
            Mode::Strict
        }
    }

    /// [`validate`](crate::validate) or [`validate_lenient`](crate::validate_lenient).
    ///
    /// ```
    /// assert!(bhyt::Mode::Lenient.validate("0101 010 101", None).is_ok());
    /// ```
    pub fn validate(
        self,
        input: impl AsRef<[u8]>,
        issuer: Option<Issuer>,
    ) -> Result<CardNumber, Error> {
        match self {
            Mode::Strict => crate::validate(input, issuer),
            Mode::Lenient => crate::validate_lenient(input, issuer),
        }
    }

    /// [`check_prefix`](crate::check_prefix) or
    /// [`check_prefix_lenient`](crate::check_prefix_lenient).
    ///
    /// ```
    /// assert!(bhyt::Mode::Lenient.check_prefix("hs 4", None).can_become_valid());
    /// ```
    pub fn check_prefix(self, typed: impl AsRef<[u8]>, issuer: Option<Issuer>) -> PrefixCheck {
        match self {
            Mode::Strict => crate::check_prefix(typed, issuer),
            Mode::Lenient => crate::check_prefix_lenient(typed, issuer),
        }
    }

    /// [`validate_lines`](crate::validate_lines) or
    /// [`validate_lines_lenient`](crate::validate_lines_lenient).
    ///
    /// ```
    /// assert_eq!(bhyt::Mode::Lenient.validate_lines(b" 0101010101 \n", None).filter(|l| l.is_valid()).count(), 1);
    /// ```
    pub fn validate_lines(self, buffer: &[u8], issuer: Option<Issuer>) -> Lines<'_> {
        match self {
            Mode::Strict => crate::validate_lines(buffer, issuer),
            Mode::Lenient => crate::validate_lines_lenient(buffer, issuer),
        }
    }

    /// [`identify`](crate::identify) or [`identify_lenient`](crate::identify_lenient).
    ///
    /// ```
    /// assert!(bhyt::Mode::Lenient.identify(" 079 095 001 234 ").is_ok());
    /// ```
    pub fn identify(self, input: impl AsRef<[u8]>) -> Result<Identity, IdentifyError> {
        match self {
            Mode::Strict => crate::identify(input),
            Mode::Lenient => crate::identify_lenient(input),
        }
    }

    /// [`advise`](crate::advise) or [`advise_lenient`](crate::advise_lenient).
    ///
    /// ```
    /// assert_eq!(bhyt::Mode::Lenient.advise(" nd 4 01 0123456789 ", None).count(), 1);
    /// ```
    pub fn advise(self, input: impl AsRef<[u8]>, issuer: Option<Issuer>) -> Advisories {
        match self {
            Mode::Strict => crate::advise(input, issuer),
            Mode::Lenient => crate::advise_lenient(input, issuer),
        }
    }

    /// [`parse_ma_the_bhyt`](crate::parse_ma_the_bhyt) or
    /// [`parse_ma_the_bhyt_lenient`](crate::parse_ma_the_bhyt_lenient).
    ///
    /// ```
    /// assert_eq!(bhyt::Mode::Lenient.parse_ma_the_bhyt(b"hs4010120878811", None).filter(|i| i.is_valid()).count(), 1);
    /// ```
    pub fn parse_ma_the_bhyt(self, field: &[u8], issuer: Option<Issuer>) -> MaTheBhyt<'_> {
        match self {
            Mode::Strict => crate::parse_ma_the_bhyt(field, issuer),
            Mode::Lenient => crate::parse_ma_the_bhyt_lenient(field, issuer),
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`Mode`] from a name other than `strict` or `lenient`.
///
/// ```
/// assert!("loose".parse::<bhyt::Mode>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown mode: expected strict or lenient")]
pub struct UnknownMode;

impl FromStr for Mode {
    type Err = UnknownMode;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name {
            "strict" => Ok(Mode::Strict),
            "lenient" => Ok(Mode::Lenient),
            _ => Err(UnknownMode),
        }
    }
}
