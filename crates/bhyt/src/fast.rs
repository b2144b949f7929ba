//! The hot path: a branch-light, table-driven check of a whole number, used first by every
//! entry point. It only answers "valid, and here is the card" or "not valid"; the precise
//! error (kind and position) comes from the scalar reference in [`crate::rules`], which runs
//! only for invalid input. Tests and the fuzzer check that both agree on every verdict.

use crate::{CardNumber, GroupCode, Issuer};

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

/// For each value `v` of characters 4-5 (0-99; every other byte value 0), bit `k` is set when `v` is
/// allowed for issuer choice `k` in the order of [`issuer_index`]. Built from
/// [`Issuer::allows_province`], the one statement of the rule. A byte table rather than
/// a `match` on the issuer, which compiles to an indirect jump that mispredicts when the
/// issuer varies from one number to the next.
const PROVINCE_RULES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut value = 0u8;
    while value < 100 {
        let mut bits = (value != 0) as u8;
        let mut k = 0;
        while k < Issuer::ALL.len() {
            bits |= (Issuer::ALL[k].allows_province(value) as u8) << (k + 1);
            k += 1;
        }
        table[value as usize] = bits;
        value += 1;
    }
    table
};

/// The bit of an issuer choice in [`PROVINCE_RULES`]: 0 for any, then [`Issuer::ALL`]'s order.
#[inline(always)]
const fn issuer_index(issuer: Option<Issuer>) -> u32 {
    match issuer {
        None => 0,
        Some(Issuer::VietnamSocialSecurity) => 1,
        Some(Issuer::Police) => 2,
        Some(Issuer::Defence) => 3,
    }
}

/// Whether characters 4-5 with value `province` (any byte) suit the issuer choice.
#[inline(always)]
const fn province_allowed(province: u8, issuer: Option<Issuer>) -> bool {
    PROVINCE_RULES[province as usize] >> issuer_index(issuer) & 1 == 1
}

/// Whether `bytes` is exactly a valid number for `issuer`.
///
/// One predictable branch (the length range); everything else is computed for both forms
/// at once and combined with `&`/`|`, because on real data the form (10 or 15) and the
/// issuer vary from one number to the next and a mispredicted branch costs more than the
/// few instructions of the form not taken. Exact for any bytes: a non-ASCII byte is neither
/// a digit nor a letter, so it fails.
#[inline(always)]
pub(crate) fn is_valid(bytes: &[u8], issuer: Option<Issuer>) -> bool {
    let len = bytes.len();
    if !(10..=15).contains(&len) {
        return false;
    }
    // The social-insurance number is the last 10 characters of either form.
    let digits_ok = ten_digits(bytes, len - 10);
    let &[first, second, benefit, tens, units, ..] = bytes else {
        return false;
    };
    let benefit = benefit.wrapping_sub(b'1');
    let tens = tens.wrapping_sub(b'0');
    let units = units.wrapping_sub(b'0');
    let province = tens.wrapping_mul(10).wrapping_add(units);
    let prefix_ok = (GroupCode::slot(first, second) != 0)
        & (benefit < 5)
        & (tens < 10)
        & (units < 10)
        & province_allowed(province, issuer);
    digits_ok & ((len == 10) | ((len == 15) & prefix_ok))
}

/// The card when `bytes` is exactly a valid number for `issuer`, else `None`.
#[inline]
pub(crate) fn validate(bytes: &[u8], issuer: Option<Issuer>) -> Option<CardNumber> {
    if !is_valid(bytes, issuer) {
        return None;
    }
    CardNumber::from_checked(bytes)
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
            assert_eq!(
                is_valid(bytes, issuer),
                reference.is_some(),
                "{bytes:?} {issuer:?}"
            );
            let lenient = crate::validate::lenient_reference(bytes, issuer).ok();
            if let Some(card) = validate_lenient(bytes, issuer) {
                assert_eq!(Some(card), lenient, "{bytes:?} {issuer:?} lenient");
            }
        }
    }

    /// Every byte value at every position of valid numbers of both forms, and every pair of
    /// bytes over the group code and over the province code, for every issuer choice.
    #[test]
    #[cfg_attr(
        miri,
        ignore = "an equivalence check of 2.4 million inputs; the vector and junk tests run these paths under Miri"
    )]
    fn the_fast_path_agrees_with_the_scalar_reference() {
        let bytes = || 0..=255u8;
        for base in [
            *b"DN4010123456789",
            *b"CA5980123456789",
            *b"QN5970123456789",
        ] {
            for position in 0..15 {
                for byte in bytes() {
                    let mut bytes = base;
                    bytes[position] = byte;
                    agrees_with_reference(&bytes);
                }
            }
            for (a, b) in [(0, 1), (3, 4), (2, 3)] {
                for x in bytes() {
                    for y in bytes() {
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
            for byte in bytes() {
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
    fn province_rules_follow_the_issuer_rule() {
        let count = |k: u32| {
            PROVINCE_RULES
                .iter()
                .filter(|&&bits| bits >> k & 1 == 1)
                .count()
        };
        assert_eq!([count(0), count(1), count(2), count(3)], [99, 97, 1, 1]);
        assert!(province_allowed(98, Some(Issuer::Police)));
        assert!(province_allowed(97, Some(Issuer::Defence)));
        assert!(!province_allowed(0, None));
        assert!(!province_allowed(97 + 128, None));
    }
}
