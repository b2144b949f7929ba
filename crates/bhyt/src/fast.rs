//! The hot path: a branch-light, table-driven check of a whole number, used first by every
//! entry point. It only answers "valid, and here is the card" or "not valid"; the precise
//! error (kind and position) comes from the scalar reference in [`crate::rules`], which runs
//! only for invalid input. Tests and the fuzzer check that both agree on every verdict.

use crate::{BenefitLevel, CardNumber, GroupCode, Issuer, ProvinceCode};

/// Reads 8 bytes starting at `start` as a little-endian word; 0 (not a digit run) when out
/// of range, which the callers' constant offsets never are.
#[inline(always)]
fn word_at(bytes: &[u8], start: usize) -> u64 {
    match bytes.get(start..start + 8) {
        Some(chunk) => match <[u8; 8]>::try_from(chunk) {
            Ok(array) => u64::from_le_bytes(array),
            Err(_) => 0,
        },
        None => 0,
    }
}

/// Whether all 8 bytes of `word` are ASCII digits (`0x30`-`0x39`), 8 at a time (SWAR).
///
/// Invariant: a byte is a digit exactly when its high nibble is 3 and its low nibble is at
/// most 9. The first test compares all high nibbles at once. For the second, each low nibble
/// (0-15) plus 6 reaches 16 (a bit in its byte's high nibble) exactly when it exceeds 9;
/// the sum is at most 21, so no carry crosses into the next byte and the bytes stay
/// independent.
#[inline(always)]
const fn all_digits(word: u64) -> bool {
    const HIGH: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    const LOW: u64 = 0x0F0F_0F0F_0F0F_0F0F;
    let high_ok = word & HIGH == 0x3030_3030_3030_3030;
    let low_ok = ((word & LOW) + 0x0606_0606_0606_0606) & HIGH == 0;
    high_ok & low_ok
}

/// Whether the 10 bytes at `start` are digits: two overlapping 8-byte words cover them.
#[inline(always)]
fn ten_digits(bytes: &[u8], start: usize) -> bool {
    all_digits(word_at(bytes, start)) & all_digits(word_at(bytes, start + 2))
}

/// Bit `v` set when characters 4-5 with value `v` (0-99) are allowed for the issuer choice,
/// in the order `None`, Vietnam Social Security, Police, Defence. Built from
/// [`Issuer::allows_province`], the one statement of the rule.
const PROVINCES: [u128; 4] = {
    let mut masks = [0u128; 4];
    let mut value = 0u8;
    while value < 100 {
        let bit = 1u128 << value;
        if value != 0 {
            masks[0] |= bit;
        }
        if Issuer::VietnamSocialSecurity.allows_province(value) {
            masks[1] |= bit;
        }
        if Issuer::Police.allows_province(value) {
            masks[2] |= bit;
        }
        if Issuer::Defence.allows_province(value) {
            masks[3] |= bit;
        }
        value += 1;
    }
    masks
};

#[inline(always)]
const fn province_mask(issuer: Option<Issuer>) -> u128 {
    match issuer {
        None => PROVINCES[0],
        Some(Issuer::VietnamSocialSecurity) => PROVINCES[1],
        Some(Issuer::Police) => PROVINCES[2],
        Some(Issuer::Defence) => PROVINCES[3],
    }
}

#[inline(always)]
fn sin_at(bytes: &[u8], start: usize) -> Option<[u8; 10]> {
    bytes.get(start..start + 10)?.try_into().ok()
}

/// The card when `bytes` is exactly a valid number for `issuer`, else `None`.
///
/// Exact for any bytes: a non-ASCII byte is neither a digit nor a letter, so it fails.
#[inline]
pub(crate) fn validate(bytes: &[u8], issuer: Option<Issuer>) -> Option<CardNumber> {
    match bytes.len() {
        10 => {
            if !ten_digits(bytes, 0) {
                return None;
            }
            Some(CardNumber::from_parts(None, sin_at(bytes, 0)?))
        }
        15 => {
            let &[first, second, benefit, tens, units, ..] = bytes else {
                return None;
            };
            let benefit = benefit.wrapping_sub(b'0');
            let tens = tens.wrapping_sub(b'0');
            let units = units.wrapping_sub(b'0');
            let province = tens.wrapping_mul(10).wrapping_add(units);
            // All the cheap tests at once, one branch.
            let shape_ok = (benefit.wrapping_sub(1) < 5)
                & (tens < 10)
                & (units < 10)
                & (province_mask(issuer) >> (province & 127) & 1 == 1)
                & ten_digits(bytes, 5);
            if !shape_ok {
                return None;
            }
            let group = GroupCode::from_letters(first, second)?;
            Some(CardNumber::from_parts(
                Some((
                    group,
                    BenefitLevel::from_digit(benefit)?,
                    ProvinceCode::new(province)?,
                )),
                sin_at(bytes, 5)?,
            ))
        }
        _ => None,
    }
}

/// Whether an ASCII byte is dropped by the lenient entry points (ASCII whitespace as
/// `char::is_whitespace` defines it, `.`, `-`, `_`).
#[inline(always)]
const fn is_ascii_separator(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ' | b'.' | b'-' | b'_')
}

/// The lenient hot path for ASCII input: drop separators, uppercase, then [`validate`].
/// `None` for invalid or non-ASCII input (which takes the precise path).
#[inline]
pub(crate) fn validate_lenient(bytes: &[u8], issuer: Option<Issuer>) -> Option<CardNumber> {
    let mut kept = [0u8; 15];
    let mut len = 0usize;
    for &byte in bytes {
        if is_ascii_separator(byte) {
            continue;
        }
        // Non-ASCII input may hold Unicode whitespace: leave it to the precise path.
        if !byte.is_ascii() {
            return None;
        }
        *kept.get_mut(len)? = byte.to_ascii_uppercase();
        len += 1;
    }
    validate(kept.get(..len)?, issuer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_digits_accepts_exactly_digit_bytes() {
        for byte in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = *b"00000000";
                bytes[lane] = byte;
                assert_eq!(
                    all_digits(u64::from_le_bytes(bytes)),
                    byte.is_ascii_digit(),
                    "{byte:#x} in lane {lane}"
                );
            }
        }
    }

    const ISSUERS: [Option<Issuer>; 4] = [
        None,
        Some(Issuer::VietnamSocialSecurity),
        Some(Issuer::Police),
        Some(Issuer::Defence),
    ];

    fn agrees_with_reference(bytes: &[u8]) {
        for issuer in ISSUERS {
            let reference = crate::validate::reference(bytes, issuer).ok();
            assert_eq!(validate(bytes, issuer), reference, "{bytes:?} {issuer:?}");
            let lenient = crate::validate::lenient_reference(bytes, issuer).ok();
            if let Some(card) = validate_lenient(bytes, issuer) {
                assert_eq!(Some(card), lenient, "{bytes:?} {issuer:?} lenient");
            }
        }
    }

    /// Every byte value at every position of valid numbers of both forms, and every pair of
    /// bytes over the group code and over the province code, for every issuer choice.
    #[test]
    fn the_fast_path_agrees_with_the_scalar_reference() {
        for base in [
            *b"DN4010123456789",
            *b"CA5980123456789",
            *b"QN5970123456789",
        ] {
            for position in 0..15 {
                for byte in 0..=255u8 {
                    let mut bytes = base;
                    bytes[position] = byte;
                    agrees_with_reference(&bytes);
                }
            }
            for (a, b) in [(0, 1), (3, 4), (2, 3)] {
                for x in 0..=255u8 {
                    for y in 0..=255u8 {
                        let mut bytes = base;
                        bytes[a] = x;
                        bytes[b] = y;
                        agrees_with_reference(&bytes);
                    }
                }
            }
        }
        let short = *b"0123456789";
        for position in 0..10 {
            for byte in 0..=255u8 {
                let mut bytes = short;
                bytes[position] = byte;
                agrees_with_reference(&bytes);
            }
        }
        for len in 0..20 {
            agrees_with_reference(&b"DN40101234567890123"[..len]);
            agrees_with_reference(&b"01234567890123456789"[..len]);
        }
    }

    #[test]
    fn province_masks_follow_the_issuer_rule() {
        assert_eq!(PROVINCES[0].count_ones(), 99);
        assert_eq!(PROVINCES[1].count_ones(), 97);
        assert_eq!(PROVINCES[2], 1 << 98);
        assert_eq!(PROVINCES[3], 1 << 97);
    }
}
