//! The VNeID rule, character by character. Every entry point (strict, lenient, as-you-type,
//! batch) ends here; nothing else in the crate decides whether a character fits.
//!
//! The checks read the characters left to right and stop at the first that can never fit,
//! so the same code answers "is this number valid" (all characters present) and "can this
//! prefix still become valid" (a check whose character is not typed yet is not run).

use crate::{Error, Expected, Found, GroupCode, Issuer, LateGroupCode};

/// Where the characters stop fitting (`at`), and the error that explains why.
///
/// `at` is the first character that can never fit; `error`'s position is the start of the
/// component it belongs to (they differ inside the group and province codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Failure {
    pub(crate) at: usize,
    pub(crate) error: Error,
}

/// A stand-in byte for any non-ASCII character (and for bytes that are not valid UTF-8) in
/// scanned input: it is neither a digit nor a letter, so it fails every check.
pub(crate) const NON_ASCII: u8 = 0xFF;

fn wrong_kind(at: usize, expected: Expected, byte: u8) -> Failure {
    Failure {
        at,
        error: Error::InvalidCharacter {
            position: at,
            expected,
            found: Found::classify(byte),
        },
    }
}

fn group_failure(at: usize, first: u8, second: Option<u8>) -> Failure {
    let late = second.and_then(|second| LateGroupCode::from_letters(first, second));
    let error = match late {
        Some(code) => Error::LateGroupCode { position: 0, code },
        None => Error::UnknownGroupCode { position: 0 },
    };
    Failure { at, error }
}

fn province_failure(at: usize, issuer: Option<Issuer>) -> Failure {
    Failure {
        at,
        error: Error::InvalidProvinceCode {
            position: 3,
            issuer,
        },
    }
}

fn digits_from(chars: &[u8], start: usize) -> Result<(), Failure> {
    for (offset, &byte) in chars.iter().enumerate().skip(start) {
        if !byte.is_ascii_digit() {
            return Err(wrong_kind(offset, Expected::Digit, byte));
        }
    }
    Ok(())
}

/// Checks up to 10 characters of the 10-digit form: digits only.
pub(crate) fn check_short(chars: &[u8]) -> Result<(), Failure> {
    digits_from(chars, 0)
}

/// Checks up to 15 characters of the 15-character form against the rule for `issuer`
/// (`None`: any issuing body).
pub(crate) fn check_full(chars: &[u8], issuer: Option<Issuer>) -> Result<(), Failure> {
    // Characters 1-2: the group code.
    let Some(&first) = chars.first() else {
        return Ok(());
    };
    if !first.is_ascii_uppercase() {
        return Err(wrong_kind(0, Expected::UppercaseLetter, first));
    }
    let second = chars.get(1).copied();
    if !GroupCode::starts_some_code(first) {
        return Err(group_failure(0, first, second));
    }
    let Some(second) = second else {
        return Ok(());
    };
    if !second.is_ascii_uppercase() {
        return Err(wrong_kind(1, Expected::UppercaseLetter, second));
    }
    if GroupCode::from_letters(first, second).is_none() {
        return Err(group_failure(1, first, Some(second)));
    }

    // Character 3: the benefit level.
    let Some(&benefit) = chars.get(2) else {
        return Ok(());
    };
    if !benefit.is_ascii_digit() {
        return Err(wrong_kind(2, Expected::Digit, benefit));
    }
    if !matches!(benefit, b'1'..=b'5') {
        return Err(Failure {
            at: 2,
            error: Error::InvalidBenefitLevel { position: 2 },
        });
    }

    // Characters 4-5: the province code, checked against the issuing body.
    let Some(&tens) = chars.get(3) else {
        return Ok(());
    };
    if !tens.is_ascii_digit() {
        return Err(wrong_kind(3, Expected::Digit, tens));
    }
    if matches!(issuer, Some(Issuer::Police | Issuer::Defence)) && tens != b'9' {
        return Err(province_failure(3, issuer));
    }
    let Some(&units) = chars.get(4) else {
        return Ok(());
    };
    if !units.is_ascii_digit() {
        return Err(wrong_kind(4, Expected::Digit, units));
    }
    let value = (tens - b'0') * 10 + (units - b'0');
    let allowed = match issuer {
        None => value != 0,
        Some(issuer) => issuer.allows_province(value),
    };
    if !allowed {
        return Err(province_failure(4, issuer));
    }

    // Characters 6-15: the social-insurance number.
    digits_from(chars, 5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_fails_where_its_first_unfit_character_is() {
        let failure = check_full(b"DS", None).unwrap_err();
        assert_eq!(failure.at, 1);
        assert_eq!(failure.error, Error::UnknownGroupCode { position: 0 });
        let failure = check_full(b"DN400", None).unwrap_err();
        assert_eq!(failure.at, 4);
        assert_eq!(failure.error.position(), Some(3));
        let failure = check_full(b"DN41", Some(Issuer::Police)).unwrap_err();
        assert_eq!(failure.at, 3);
        assert_eq!(check_full(b"DN49", Some(Issuer::Police)), Ok(()));
    }

    #[test]
    fn a_late_code_is_recognised_whichever_letter_fails() {
        // `A` starts no listed code; `N` and `T` do.
        for (code, late) in [
            (b"AK", LateGroupCode::AK),
            (b"ND", LateGroupCode::ND),
            (b"TG", LateGroupCode::TG),
        ] {
            let failure = check_full(code, None).unwrap_err();
            assert_eq!(
                failure.error,
                Error::LateGroupCode {
                    position: 0,
                    code: late
                }
            );
        }
        assert_eq!(
            check_full(b"A", None).unwrap_err().error,
            Error::UnknownGroupCode { position: 0 }
        );
    }
}
