//! The hot path: a branch-light, table-driven check of a whole number, used first by every
//! entry point. [`is_valid`] answers "valid or not"; [`check`] also gives the precise error
//! (kind and position) of ASCII input, branch-light too: a third of real inputs are invalid,
//! so the error path is part of the hot path. Each position's failure is a bit in one of two
//! masks (the character is of the wrong class; its value breaks the rule) and the first
//! failure is a trailing-zero count. Non-ASCII input (whose positions count characters, not
//! bytes) goes to the scalar reference in [`crate::rules`]. Tests compare both on every byte
//! value at every position (error kind and position included), and the fuzzer compares them.

use crate::{CardNumber, Error, Expected, Found, GroupCode, Issuer, LateGroupCode, PrefixCheck};

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
/// Invariant: after `^ 0x30` a byte is a digit exactly when it is at most 9. A digit byte
/// plus `0x76` stays at most `0x7F`: no high bit, no carry. Any other byte either has its
/// high bit set already (`| x` keeps it) or is 10-`0x7F` and reaches `0x80`-`0xF6`. A carry
/// out of a byte needs that byte at `0x8A` or more, which is itself flagged, so carries can
/// add flags to a word that already has one but never create the first: the word is all
/// digits exactly when no high bit is set. (Exact per byte: [`non_digit_bytes`].) The
/// tests check it on every byte value in every lane.
#[cfg(test)]
const fn all_digits(word: u64) -> bool {
    const LANES: u64 = 0x0101_0101_0101_0101;
    let x = word ^ (0x30 * LANES);
    (x.wrapping_add(0x76 * LANES) | x) & (0x80 * LANES) == 0
}

/// The high bit of each byte of `word` that is not an ASCII digit, exactly per byte.
///
/// Invariant: after `^ 0x30` a byte is a digit exactly when it is at most 9. Its low 7 bits
/// plus `0x76` reach `0x80` exactly when they exceed 9, and never pass `0xF5`, so no carry
/// crosses into the next byte; `| x` adds the bytes whose own high bit is set (non-ASCII).
#[inline(always)]
const fn non_digit_bytes(word: u64) -> u64 {
    const LANES: u64 = 0x0101_0101_0101_0101;
    let x = word ^ (0x30 * LANES);
    (((x & (0x7F * LANES)) + 0x76 * LANES) | x) & (0x80 * LANES)
}

/// One bit per byte from a word with only high bits set (bit `i` for byte `i`).
///
/// Invariant: after `>> 7` byte `i` holds 0 or 1 at bit `8i`; the multiplier has bits
/// `56 - 7j`, so byte `i`'s bit lands on bit `56 + i` for `j = i`, and for `j != i` on a bit
/// below 56 or past 63. No two products share a bit (`8i - 7j` is one-to-one on 0..8), so
/// there are no carries and the top byte is exactly the 8 flags.
#[inline(always)]
const fn byte_flags(high_bits: u64) -> u32 {
    ((high_bits >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
}

/// Whether some byte has its high bit set (the input is not ASCII): two overlapping words
/// for 8-16 bytes, the core's word-at-a-time check otherwise.
#[inline(always)]
fn any_non_ascii(bytes: &[u8]) -> bool {
    let len = bytes.len();
    if (8..=16).contains(&len) {
        (word_at(bytes, 0) | word_at(bytes, len - 8)) & 0x8080_8080_8080_8080 != 0
    } else {
        !bytes.is_ascii()
    }
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

/// Group codes by the low 5 bits of their two letters (`A` is 1, `Z` 26): 1 when listed.
/// Built from [`GroupCode::ALL`], the one statement of the list. Indexing by the low bits
/// (rather than the offset from `A`) lets [`is_valid`] take the index straight from the
/// first word of the input; that the bytes are uppercase letters is checked apart.
const GROUPS_BY_LOW_BITS: [u8; 32 * 32] = {
    let mut table = [0u8; 32 * 32];
    let mut i = 0;
    while i < GroupCode::ALL.len() {
        let code = GroupCode::ALL[i].as_str().as_bytes();
        table[((code[0] & 31) as usize) << 5 | (code[1] & 31) as usize] = 1;
        i += 1;
    }
    table
};

/// Value bits 0-1 of the 15-character form ([`full_values`]) by the low 5 bits of the two
/// letters (`A` is 1, `Z` 26): bit 0 when no listed code starts with the first letter, bit
/// 1 when the two letters are not a listed code. Exact for uppercase letters; any other
/// byte fails by its class at or before the bit, which the error prefers
/// ([`first_failure`]). Built from [`GroupCode`]'s list.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
static GROUP_VALUES: [u8; 32 * 32] = {
    let mut table = [0u8; 32 * 32];
    let mut i = 0;
    while i < table.len() {
        let (first, second) = (0x40 | (i >> 5) as u8, 0x40 | (i & 31) as u8);
        table[i] = !GroupCode::starts_some_code(first) as u8
            | (GroupCode::from_letters(first, second).is_none() as u8) << 1;
        i += 1;
    }
    table
};

/// Input of a length that cannot be valid reads as this: not digits, so it fails.
const NOT_A_NUMBER: [u8; 15] = [0; 15];

/// Whether `bytes` is exactly a valid number for `issuer`.
///
/// No data-dependent branch: an input of the wrong length is swapped (by a conditional
/// move) for a constant that fails, and everything else is computed for both forms at once
/// and combined with `&`/`|`, because on real data the length, the form (10 or 15) and the
/// issuer vary from one number to the next and a mispredicted branch costs more than the
/// few instructions of the form not taken. Exact for any bytes: a non-ASCII byte is neither
/// a digit nor a letter, so it fails.
///
/// It reads two 8-byte words: the first 8 bytes and the last 8 cover both forms (every byte
/// after the first 8 is a digit of either), and one per-byte range test of each
/// ([`words_are_valid`]) checks every character's kind and range at once. Inlined into every
/// caller on native targets; one shared copy in WebAssembly, where the module's size is
/// budgeted.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(crate) fn is_valid(bytes: &[u8], issuer: Option<Issuer>) -> bool {
    let len = bytes.len();
    let length_ok = len.wrapping_sub(10) <= 5;
    let bytes = if length_ok { bytes } else { &NOT_A_NUMBER };
    let len = bytes.len();
    let (low, high) = (word_at(bytes, 0), word_at(bytes, len.wrapping_sub(8)));
    words_are_valid(low, high, u64::MAX, len, issuer)
}

/// The first line of `rest` when its line ending is within its first 16 bytes: where the
/// `\n` is, the line's length without it (and without a `\r` before it), and its strict
/// verdict ([`is_valid`]), all from two 8-byte loads that the newline search and the check
/// share. `None` when `rest` is shorter than 16 bytes or its first line is longer (the
/// caller takes the general path).
///
/// Newline: with `x = word ^ 0x0A..0A`, `(x - 0x01..01) & !x & 0x80..80` has its lowest set
/// bit in the first `\n` byte of the word (a borrow only travels upwards from a zero byte);
/// each word is tested apart, so the lower word's lowest bit, else the upper word's, is the
/// first `\n` of the 16 bytes. The verdict: [`line_is_valid`].
#[inline(always)]
pub(crate) fn first_short_line(
    rest: &[u8],
    issuer: Option<Issuer>,
) -> Option<(usize, usize, bool)> {
    const LANES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let (low, high) = match rest.get(..16) {
        Some(first) => (word_at(first, 0), word_at(first, 8)),
        None => return None,
    };
    let newline = |word: u64| {
        let x = word ^ (LANES * u64::from(b'\n'));
        x.wrapping_sub(LANES) & !x & HIGHS
    };
    let found = u128::from(newline(low)) | u128::from(newline(high)) << 64;
    if found == 0 {
        return None;
    }
    let end = (found.trailing_zeros() / 8) as usize;
    let cr = end.checked_sub(1).and_then(|i| rest.get(i)) == Some(&b'\r');
    let len = end - cr as usize;
    Some((end, len, line_is_valid(low, high, len, issuer)))
}

/// [`is_valid`] of a line of `len` bytes (at most 15) whose first 16 bytes, the line and
/// what follows it, are the words `low` and `high`: [`words_are_valid`] with the bytes past
/// the line masked off.
#[inline(always)]
fn line_is_valid(low: u64, high: u64, len: usize, issuer: Option<Issuer>) -> bool {
    let high_bytes = if len == 15 {
        0x0080_8080_8080_8080
    } else {
        0x8080
    };
    words_are_valid(low, high, high_bytes, len, issuer)
}

/// Whether a number of `len` bytes is valid for `issuer`, given the word `low` of its first
/// 8 bytes and a word `high` of digit places (bytes past the number masked off by
/// `high_bytes`, which has the high bit of each byte to test).
///
/// Every character's kind and range is one SWAR range test per word, with per-byte bounds:
/// for the 15-character form `A`-`Z` at 0-1, `1`-`5` at 2 (the benefit level), `0`-`9`
/// after; for the 10-character form `0`-`9` throughout. For an ASCII byte `b` and bounds
/// `lo <= hi <= 0x7F`, `b + (0x7F - hi)` has its high bit set exactly when `b > hi`, and
/// `b + (0x80 - lo)` exactly when `b >= lo`; neither sum passes `0xFF`, so no carry crosses
/// into the next byte; `| b` flags a byte of 128 or more. Such a byte can carry into the
/// byte above and clear a flag there, but it is flagged itself, so a word with a flagged
/// byte never tests clean. The bytes masked off in `high` are all above the tested ones,
/// and carries only move upwards. What is left is the group code (a table by the letters'
/// low 5 bits) and the province for the issuer (a table by value).
#[inline(always)]
fn words_are_valid(
    low: u64,
    high: u64,
    high_bytes: u64,
    len: usize,
    issuer: Option<Issuer>,
) -> bool {
    const LANES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let outside = |word: u64, lo: u64, hi: u64| {
        let above = word.wrapping_add(0x7F * LANES - hi);
        let at_least = word.wrapping_add(0x80 * LANES - lo);
        (above | !at_least | word) & HIGHS
    };
    let full = len == 15;
    let (lo, hi) = if full {
        (
            u64::from_le_bytes(*b"AA100000"),
            u64::from_le_bytes(*b"ZZ599999"),
        )
    } else {
        (0x30 * LANES, 0x39 * LANES)
    };
    let misfits = outside(low, lo, hi) | outside(high, 0x30 * LANES, 0x39 * LANES) & high_bytes;
    let group = GROUPS_BY_LOW_BITS[((low & 31) as usize) << 5 | ((low >> 8) & 31) as usize];
    let [_, _, _, tens, units, ..] = low.to_le_bytes();
    let province = (tens.wrapping_sub(b'0'))
        .wrapping_mul(10)
        .wrapping_add(units.wrapping_sub(b'0'));
    let full_ok = full & (group != 0) & province_allowed(province, issuer);
    (misfits == 0) & ((len == 10) | full_ok)
}

/// The card when `bytes` is exactly a valid number for `issuer`, else `None` (the
/// WebAssembly build's valid path; native builds use [`check`]).
#[cfg(any(target_arch = "wasm32", test))]
#[inline]
pub(crate) fn validate(bytes: &[u8], issuer: Option<Issuer>) -> Option<CardNumber> {
    if !is_valid(bytes, issuer) {
        return None;
    }
    CardNumber::from_checked(bytes)
}

/// The scalar reference, kept out of line: only non-ASCII input takes it.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
#[cold]
#[inline(never)]
fn precise(bytes: &[u8], issuer: Option<Issuer>) -> Result<CardNumber, Error> {
    crate::validate::reference(bytes, issuer)
}

/// `InvalidCharacter` at `position`, where `byte` is.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
#[cold]
#[inline(never)]
fn wrong_class(bytes: &[u8], position: u32, expected: Expected) -> Error {
    let position = position as usize;
    Error::InvalidCharacter {
        position,
        expected,
        found: Found::classify(bytes.get(position).copied().unwrap_or(0)),
    }
}

/// The error of a value that breaks the rule at `position` (0-4) of the 15-character form.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
#[cold]
#[inline(never)]
fn wrong_value(bytes: &[u8], position: u32, issuer: Option<Issuer>) -> Error {
    match position {
        0 | 1 => {
            let (first, second) = match bytes {
                [first, second, ..] => (*first, *second),
                _ => (0, 0),
            };
            match LateGroupCode::from_letters(first, second) {
                Some(code) => Error::LateGroupCode { position: 0, code },
                None => Error::UnknownGroupCode { position: 0 },
            }
        }
        2 => Error::InvalidBenefitLevel { position: 2 },
        _ => Error::InvalidProvinceCode {
            position: 3,
            issuer,
        },
    }
}

/// [`crate::validate`]: the card, or the error the scalar reference gives, computed
/// branch-light for ASCII input.
///
/// For the 15-character form, bit `p` of `class` is set when character `p` is not of its
/// kind (uppercase letter for 0-1, digit after), and bit `p` of `value` when character `p`
/// is of its kind but breaks the rule there (0: no code starts with the letter, 1: the code
/// is not listed, 2: benefit level outside 1-5, 3: province tens not 9 for the Police or
/// Defence, 4: province not allowed for the issuer). The error is the first failure of the
/// two masks ([`first_failure`]).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
#[inline(always)]
pub(crate) fn check(bytes: &[u8], issuer: Option<Issuer>) -> Result<CardNumber, Error> {
    let len = bytes.len();
    if (len != 10) & (len != 15) {
        if any_non_ascii(bytes) {
            return precise(bytes, issuer);
        }
        return Err(Error::InvalidLength { length: len });
    }
    // The first 8 bytes and the last 10 cover every byte of both forms.
    let head = word_at(bytes, 0);
    let (low, high) = (word_at(bytes, len - 10), word_at(bytes, len - 8));
    if (head | low | high) & 0x8080_8080_8080_8080 != 0 {
        return precise(bytes, issuer);
    }
    let digits = byte_flags(non_digit_bytes(low)) | byte_flags(non_digit_bytes(high)) << 2;
    if len == 10 {
        if digits == 0 {
            if let Some(card) = CardNumber::from_checked(bytes) {
                return Ok(card);
            }
        }
        return Err(first_failure(bytes, digits, 0, issuer, false).1);
    }
    let class = head_class(head) & 0b1_1111 | digits << 5;
    let value = full_values(head, issuer);
    if class | value == 0 {
        if let Some(card) = CardNumber::from_checked(bytes) {
            return Ok(card);
        }
    }
    Err(first_failure(bytes, class, value, issuer, true).1)
}

/// The class mask of the 15-character form's first 8 bytes (`head`): bit `p` set when
/// character `p` is not of its kind (uppercase letter for 0-1, digit for 2-7).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
#[inline(always)]
fn head_class(head: u64) -> u32 {
    let [first, second, ..] = head.to_le_bytes();
    let not_upper = |byte: u8| (byte.wrapping_sub(b'A') >= 26) as u32;
    not_upper(first) | not_upper(second) << 1 | byte_flags(non_digit_bytes(head)) & !0b11
}

/// The value mask of the 15-character form (see [`check`]): bit `p` (0-4) set when character
/// `p`, read as of its kind, breaks the rule there. Bit `p` depends on characters 0 to `p`
/// only, so the mask of a prefix is this mask cut to the prefix's length.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
#[inline(always)]
fn full_values(head: u64, issuer: Option<Issuer>) -> u32 {
    let [_, _, benefit, tens, units, ..] = head.to_le_bytes();
    let province = (tens.wrapping_sub(b'0'))
        .wrapping_mul(10)
        .wrapping_add(units.wrapping_sub(b'0'));
    let nine_only = matches!(issuer, Some(Issuer::Police | Issuer::Defence));
    u32::from(GROUP_VALUES[((head & 31) as usize) << 5 | ((head >> 8) & 31) as usize])
        | ((benefit.wrapping_sub(b'1') >= 5) as u32) << 2
        | ((nine_only & (tens != b'9')) as u32) << 3
        | (!province_allowed(province, issuer) as u32) << 4
}

/// The first failure of two masks that are not both 0: where it is, and its error. The
/// reference checks position by position, the kind before the value, and stops at the
/// first failure; so it is the value failure at `v` (the lowest bit of `value`) when `v`
/// comes before the lowest bit `c` of `class`, else the class failure at `c`. A value bit
/// computed from a character of the wrong kind never counts: its class bit is at or before
/// it. `full`: the 15-character form (letters expected at 0-1).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
#[inline(always)]
fn first_failure(
    bytes: &[u8],
    class: u32,
    value: u32,
    issuer: Option<Issuer>,
    full: bool,
) -> (u32, Error) {
    let (c, v) = (class.trailing_zeros(), value.trailing_zeros());
    if v < c {
        (v, wrong_value(bytes, v, issuer))
    } else {
        let expected = if full & (c < 2) {
            Expected::UppercaseLetter
        } else {
            Expected::Digit
        };
        (c, wrong_class(bytes, c, expected))
    }
}

/// Reads 4 bytes starting at `start` as a little-endian word; 0 when out of range, which
/// the callers' offsets never are.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
#[inline(always)]
fn word4_at(bytes: &[u8], start: usize) -> u64 {
    match bytes.get(start..start + 4) {
        Some(chunk) => match <[u8; 4]>::try_from(chunk) {
            Ok(array) => u64::from(u32::from_le_bytes(array)),
            Err(_) => 0,
        },
        None => 0,
    }
}

/// The first 16 bytes of `bytes` as two little-endian words, zero past its end, from at
/// most three loads, all inside the slice (a length class picks them, not a byte loop).
///
/// Invariant of each class: two loads that together cover every byte and overlap on
/// bytes they both read with the same value, so `|` of the two (each shifted to its
/// bytes' places) is exactly the bytes. 8-15 bytes: the word at `len - 8` holds bytes
/// `len - 8..len`; shifted down by `16 - len` bytes (in two halves, so that 8 bytes shift
/// to 0 rather than overflow) its lowest byte is byte 8. 4-7 bytes: the 4 bytes at 0 and
/// at `len - 4`. 1-3 bytes: bytes 0, `len / 2` and `len - 1`.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
#[inline(always)]
fn first_16(bytes: &[u8]) -> (u64, u64) {
    let len = bytes.len();
    if len >= 8 {
        let high = if len >= 16 {
            word_at(bytes, 8)
        } else {
            let half = 4 * (16 - len) as u32;
            (word_at(bytes, len - 8) >> half) >> half
        };
        (word_at(bytes, 0), high)
    } else if len >= 4 {
        let low = word4_at(bytes, 0) | word4_at(bytes, len - 4) << (8 * (len - 4));
        (low, 0)
    } else {
        let byte = |i: usize| bytes.get(i).map_or(0, |&b| u64::from(b) << (8 * (i & 3)));
        (byte(0) | byte(len / 2) | byte(len.wrapping_sub(1)), 0)
    }
}

/// `Invalid` at 0: the first character is neither a digit nor an uppercase letter.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
#[cold]
#[inline(never)]
fn no_form(first: u8) -> PrefixCheck {
    PrefixCheck::Invalid {
        at: 0,
        error: Error::InvalidCharacter {
            position: 0,
            expected: Expected::DigitOrUppercaseLetter,
            found: Found::classify(first),
        },
    }
}

/// [`crate::check_prefix`] on the masks of [`check`].
///
/// The first 16 bytes are read as two words ([`first_16`]); the first character picks the
/// form; the class mask (digits 8 at a time, letters for the 15-character form) and the
/// value mask ([`full_values`]) are those of the whole number, cut to the characters typed
/// (at most the form's length): a bit at position `p` depends on characters up to `p`
/// only, so the first failure of the cut masks is exactly the reference's first failure
/// of the prefix. Then the length decides between incomplete, complete and too long.
///
/// Non-ASCII input needs no test of its own until the length is counted: a byte of 128 or
/// more is of no class (flagged exactly, [`non_digit_bytes`]), so the first failure is at
/// or before the first such byte, where every byte before is an ASCII character and byte
/// positions are character positions; the reference sees a non-ASCII character there and
/// fails the same way. Only a prefix whose form's characters all pass and which is longer
/// than the form needs its length in characters: unless it is ASCII, the scalar reference
/// counts them.
#[cfg(not(target_arch = "wasm32"))]
#[inline]
pub(crate) fn check_prefix(bytes: &[u8], issuer: Option<Issuer>) -> PrefixCheck {
    let len = bytes.len();
    let (low, high) = first_16(bytes);
    let digits = byte_flags(non_digit_bytes(low)) | byte_flags(non_digit_bytes(high)) << 8;
    let first = low as u8;
    let full = first.wrapping_sub(b'A') < 26;
    if !full & (digits & 1 != 0) {
        // Empty input reads as a zero byte, no digit.
        if len == 0 {
            return PrefixCheck::Incomplete {
                form: None,
                missing: crate::Form::Short.len(),
            };
        }
        return no_form(first);
    }
    let (form, class, value) = if full {
        (
            crate::Form::Full,
            head_class(low) | digits & !0xFF,
            full_values(low, issuer),
        )
    } else {
        (crate::Form::Short, digits, 0)
    };
    let form_len = form.len();
    let typed = (1u32 << len.min(form_len)) - 1;
    let (class, value) = (class & typed, value & typed);
    if class | value != 0 {
        let (at, error) = first_failure(bytes, class, value, issuer, full);
        return PrefixCheck::Invalid {
            at: at as usize,
            error,
        };
    }
    match len.checked_sub(form_len) {
        None => PrefixCheck::Incomplete {
            form: Some(form),
            missing: form_len - len,
        },
        Some(0) => match CardNumber::from_checked(bytes) {
            Some(card) => PrefixCheck::Complete(card),
            // Unreachable: every character of the form passed.
            None => crate::prefix::reference(bytes, issuer),
        },
        Some(_) if bytes.is_ascii() => PrefixCheck::Invalid {
            at: form_len,
            error: Error::InvalidLength { length: len },
        },
        Some(_) => crate::prefix::reference(bytes, issuer),
    }
}

/// Whether an ASCII byte is dropped by the lenient entry points (ASCII whitespace as
/// `char::is_whitespace` defines it, `.`, `-`, `_`).
#[inline(always)]
const fn is_ascii_separator(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ' | b'.' | b'-' | b'_')
}

/// The longest input [`check_lenient`] compacts on the stack (longer input is rare: the
/// scalar reference takes it).
#[cfg(not(target_arch = "wasm32"))]
const LENIENT_MAX: usize = 32;

/// 1 for the bytes the lenient entry points keep, 0 for the ASCII separators they drop
/// ([`is_ascii_separator`]): a table, so that the compaction loop has no branch.
#[cfg(not(target_arch = "wasm32"))]
static LENIENT_KEEP: [u8; 256] = {
    let mut table = [1u8; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = !is_ascii_separator(byte as u8) as u8;
        byte += 1;
    }
    table
};

/// [`crate::validate_lenient`] for ASCII input of at most [`LENIENT_MAX`] bytes, error
/// included; `None` for other input (the scalar reference takes it).
///
/// One pass without a branch compacts the input on the stack: each byte is written,
/// uppercased, at the next free place with its index in the input, and the place advances
/// only when the byte is kept (a separator is overwritten by the next byte). Then the strict
/// [`check`] of the kept characters is the lenient verdict (the reference checks the same
/// characters: for ASCII, `char::is_whitespace` is exactly `\t`-`\r` and space), and an
/// error's position, an index among the kept characters, is moved to that character's index
/// in the input.
#[cfg(not(target_arch = "wasm32"))]
#[inline]
pub(crate) fn check_lenient(
    bytes: &[u8],
    issuer: Option<Issuer>,
) -> Option<Result<CardNumber, Error>> {
    if bytes.len() > LENIENT_MAX {
        return None;
    }
    let mut kept = [0u8; LENIENT_MAX];
    let mut origin = [0u8; LENIENT_MAX];
    let mut len = 0usize;
    let mut all = 0u8;
    for (index, &byte) in bytes.iter().enumerate() {
        all |= byte;
        // `len <= index < LENIENT_MAX`: the mask only lets the compiler see it.
        kept[len & (LENIENT_MAX - 1)] = byte.to_ascii_uppercase();
        origin[len & (LENIENT_MAX - 1)] = index as u8;
        len += usize::from(LENIENT_KEEP[usize::from(byte)]);
    }
    if !all.is_ascii() {
        return None;
    }
    let result = check(kept.get(..len)?, issuer);
    Some(result.map_err(|error| match error.position() {
        Some(position) => error.at(origin.get(position).map_or(position, |&i| usize::from(i))),
        None => error,
    }))
}

/// The lenient hot path for ASCII input in the WebAssembly build (native builds use
/// [`check_lenient`]): drop separators, uppercase, then [`validate`]. `None` for invalid or
/// non-ASCII input (which takes the precise path).
#[cfg(any(target_arch = "wasm32", test))]
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
            let precise = crate::validate::reference(bytes, issuer);
            assert_eq!(check(bytes, issuer), precise, "{bytes:?} {issuer:?}");
            let reference = precise.ok();
            assert_eq!(validate(bytes, issuer), reference, "{bytes:?} {issuer:?}");
            assert_eq!(
                is_valid(bytes, issuer),
                reference.is_some(),
                "{bytes:?} {issuer:?}"
            );
            let lenient_precise = crate::validate::lenient_reference(bytes, issuer);
            assert_eq!(
                crate::validate::validate_lenient_bytes(bytes, issuer),
                lenient_precise,
                "{bytes:?} {issuer:?} lenient"
            );
            let lenient = lenient_precise.ok();
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

    /// The lenient entry point and its compaction against the scalar reference: every
    /// byte value at every position of pasted shapes (spaces, dashes, dots, tabs, line
    /// endings between groups, lowercase letters, both forms, around 32 bytes), every length
    /// of a long one, every issuer choice.
    #[test]
    #[cfg_attr(
        miri,
        ignore = "an equivalence check of 400,000 inputs; the vector tests run these paths under Miri"
    )]
    fn the_lenient_compaction_agrees_with_the_scalar_reference() {
        let agrees = |bytes: &[u8]| {
            for issuer in ISSUERS {
                let reference = crate::validate::lenient_reference(bytes, issuer);
                if let Some(fast) = check_lenient(bytes, issuer) {
                    assert_eq!(fast, reference, "{bytes:?} {issuer:?}");
                } else {
                    assert!(bytes.len() > LENIENT_MAX || !bytes.is_ascii(), "{bytes:?}");
                }
                let lenient = crate::validate::validate_lenient_bytes(bytes, issuer);
                assert_eq!(lenient, reference, "{bytes:?} {issuer:?}");
            }
        };
        let bases: [&[u8]; 6] = [
            b" dn 4 01 0123456789 ",
            b"hs-4-01-0120878811",
            b"0101.010.101",
            b"\tCA 5 98 0123_456_789\r\n",
            b"01 23 45 67 89 01 23 45 67 89 01",
            b"qn597 0123456789",
        ];
        for base in bases {
            for position in 0..base.len() {
                for byte in 0..=255u8 {
                    let mut bytes = base.to_vec();
                    bytes[position] = byte;
                    agrees(&bytes);
                }
            }
        }
        let long = b" - 0 1 0 1 . 0 1 0 . 1 0 1 . 1 2 3 4 5 - ";
        for len in 0..=long.len() {
            agrees(&long[..len]);
        }
    }

    #[test]
    fn first_16_reads_exactly_the_first_16_bytes() {
        let bytes: [u8; 24] = core::array::from_fn(|i| 0x41 + i as u8);
        for len in 0..=bytes.len() {
            let mut padded = [0u8; 16];
            let kept = len.min(16);
            padded[..kept].copy_from_slice(&bytes[..kept]);
            let expected = (
                u64::from_le_bytes(padded[..8].try_into().unwrap()),
                u64::from_le_bytes(padded[8..].try_into().unwrap()),
            );
            assert_eq!(first_16(&bytes[..len]), expected, "len {len}");
        }
    }

    /// The fast as-you-type check against the scalar reference on every prefix of `bytes`.
    fn prefix_agrees_with_reference(bytes: &[u8], longest: usize) {
        for issuer in ISSUERS {
            for end in 0..=bytes.len().min(longest) {
                let typed = &bytes[..end];
                let reference = crate::prefix::reference(typed, issuer);
                assert_eq!(
                    check_prefix(typed, issuer),
                    reference,
                    "{typed:?} {issuer:?}"
                );
                assert_eq!(crate::check_prefix(typed, issuer), reference);
            }
        }
    }

    /// Every byte value at every position of valid numbers of both forms followed by more
    /// characters (too long), every prefix length, every issuer choice; every pair of bytes
    /// over the group and the province codes for the prefixes up to the province.
    #[test]
    #[cfg_attr(
        miri,
        ignore = "an equivalence check of millions of prefixes; the vector and junk tests run these paths under Miri"
    )]
    fn the_fast_prefix_check_agrees_with_the_scalar_reference() {
        for base in [
            *b"DN40101234567890123",
            *b"CA59801234567890123",
            *b"QN59701234567890123",
            *b"0123456789012345678",
        ] {
            for position in 0..base.len() {
                for byte in 0..=255u8 {
                    let mut bytes = base;
                    bytes[position] = byte;
                    prefix_agrees_with_reference(&bytes, bytes.len());
                }
            }
            for (a, b) in [(0, 1), (3, 4), (2, 3)] {
                for x in 0..=255u8 {
                    for y in 0..=255u8 {
                        let mut bytes = base;
                        bytes[a] = x;
                        bytes[b] = y;
                        prefix_agrees_with_reference(&bytes, 6);
                    }
                }
            }
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
