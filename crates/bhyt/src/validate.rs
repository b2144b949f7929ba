//! The strict and lenient entry points.

use core::fmt;

use crate::fast;
use crate::rules::{check_full, check_short};
use crate::scan::{lenient_chars, Scan};
use crate::{CardNumber, Error, Issuer};

/// Checks a whole card number exactly as typed, against the issuing body chosen in the form
/// (`None`: any, inferred from characters 4-5).
///
/// Accepts `&str` or any bytes (`&[u8]`; invalid UTF-8 is an invalid character). Nothing is
/// trimmed or uppercased: use [`validate_lenient`] for pasted text.
///
/// ```
/// use bhyt::{Error, Issuer};
/// assert!(bhyt::validate("0101010101", None).is_ok());
/// assert!(bhyt::validate("DN4010123456789", Some(Issuer::VietnamSocialSecurity)).is_ok());
/// assert!(matches!(
///     bhyt::validate("DN4970123456789", Some(Issuer::VietnamSocialSecurity)),
///     Err(Error::InvalidProvinceCode { position: 3, .. })
/// ));
/// assert!(bhyt::validate(" 0101010101", None).is_err());
/// ```
pub fn validate(input: impl AsRef<[u8]>, issuer: Option<Issuer>) -> Result<CardNumber, Error> {
    validate_bytes(input.as_ref(), issuer)
}

/// [`validate`] without the generic argument, so that `&str` and `&[u8]` callers share one
/// copy of the code. Inlined into callers on native targets (it is the branch-light check
/// itself); one copy in WebAssembly, where the module's size is budgeted.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(crate) fn validate_bytes(input: &[u8], issuer: Option<Issuer>) -> Result<CardNumber, Error> {
    #[cfg(not(target_arch = "wasm32"))]
    return fast::check(input, issuer);
    // In WebAssembly, where the module's size is budgeted, the valid path alone is fast and
    // invalid input takes the scalar reference, which the module holds anyway.
    #[cfg(target_arch = "wasm32")]
    match fast::validate(input, issuer) {
        Some(card) => Ok(card),
        None => reference(input, issuer),
    }
}

/// The scalar reference of [`validate`]: every check in order, with the precise error. The
/// fast path is tested against it.
pub(crate) fn reference(input: &[u8], issuer: Option<Issuer>) -> Result<CardNumber, Error> {
    if input.is_ascii() {
        return complete(input, input.len(), issuer);
    }
    let scan = Scan::strict(input);
    complete(scan.chars(), scan.len(), issuer)
}

/// Whether [`validate`] accepts the input.
///
/// ```
/// assert!(bhyt::is_valid("0101010101", None));
/// assert!(!bhyt::is_valid("CD4010130480001", None));
/// ```
pub fn is_valid(input: impl AsRef<[u8]>, issuer: Option<Issuer>) -> bool {
    fast::is_valid(input.as_ref(), issuer)
}

/// Checks pasted or scanned text: drops Unicode whitespace (so also trims), `.`, `-` and
/// `_`, uppercases ASCII letters, then applies the same rules as [`validate`]. Error
/// positions point into the input as given.
///
/// It guesses nothing else: no letter-for-digit swaps, no Unicode digits.
///
/// ```
/// use bhyt::Error;
/// let card = bhyt::validate_lenient(" hs 4 01 012.087.8811\n", None).unwrap();
/// assert_eq!(card.to_string(), "HS4010120878811");
/// assert!(matches!(
///     bhyt::validate_lenient("HS 4 01 O120878811", None), // letter O, not zero
///     Err(Error::InvalidCharacter { position: 8, .. })
/// ));
/// ```
pub fn validate_lenient(
    input: impl AsRef<[u8]>,
    issuer: Option<Issuer>,
) -> Result<CardNumber, Error> {
    validate_lenient_bytes(input.as_ref(), issuer)
}

/// [`validate_lenient`] without the generic argument.
pub(crate) fn validate_lenient_bytes(
    input: &[u8],
    issuer: Option<Issuer>,
) -> Result<CardNumber, Error> {
    // Input typed cleanly (the usual case) is checked as it is: leniency changes nothing.
    // (Native targets only, as the compaction below: the WebAssembly module's size is
    // budgeted.)
    #[cfg(not(target_arch = "wasm32"))]
    {
        if fast::is_valid(input, issuer) {
            if let Some(card) = CardNumber::from_checked(input) {
                return Ok(card);
            }
        }
        // Short ASCII input (pasted text): compacted on the stack, then the strict check.
        if let Some(result) = fast::check_lenient(input, issuer) {
            return result;
        }
    }
    #[cfg(target_arch = "wasm32")]
    if let Some(card) = fast::validate_lenient(input, issuer) {
        return Ok(card);
    }
    lenient_reference(input, issuer)
}

/// The scalar reference of [`validate_lenient`].
pub(crate) fn lenient_reference(input: &[u8], issuer: Option<Issuer>) -> Result<CardNumber, Error> {
    let scan = Scan::lenient(input);
    complete(scan.chars(), scan.len(), issuer).map_err(|error| match error.position() {
        Some(position) => error.at(scan.origin(position)),
        None => error,
    })
}

/// The whole-number check shared by the entry points: `chars` are the first characters of
/// the input (all of them when `len` is 10 or 15), `len` how many there are in all.
pub(crate) fn complete(
    chars: &[u8],
    len: usize,
    issuer: Option<Issuer>,
) -> Result<CardNumber, Error> {
    let checked = match len {
        10 => check_short(chars),
        15 => check_full(chars, issuer),
        _ => return Err(Error::InvalidLength { length: len }),
    };
    checked.map_err(|failure| failure.error)?;
    // The rules accepted exactly 10 or 15 characters, so the card can always be built; the
    // fallback only keeps this function free of panics.
    CardNumber::from_checked(chars).ok_or(Error::InvalidLength { length: len })
}

/// Text after lenient normalisation: separators dropped, ASCII letters uppercased, at most
/// 15 characters. Other characters are kept as they are (they make the number invalid).
///
/// ```
/// let normalized = bhyt::normalize("hs-4-01-0120878811").unwrap();
/// assert_eq!(normalized.as_str(), "HS4010120878811");
/// assert_eq!(bhyt::normalize(normalized.as_str()).unwrap(), normalized);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Normalized {
    bytes: [u8; Normalized::CAPACITY],
    len: u8,
    chars: u8,
}

impl Normalized {
    /// Room for 15 characters of up to 4 UTF-8 bytes each.
    const CAPACITY: usize = 60;

    /// The normalised text.
    ///
    /// ```
    /// assert_eq!(bhyt::normalize(" 0101 010 101 ").unwrap().as_str(), "0101010101");
    /// ```
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.bytes[..usize::from(self.len).min(Normalized::CAPACITY)])
            .unwrap_or_default()
    }

    /// How many characters the text has (at most 15).
    ///
    /// ```
    /// assert_eq!(bhyt::normalize("Đ N").unwrap().char_count(), 2);
    /// ```
    pub const fn char_count(&self) -> usize {
        self.chars as usize
    }
}

impl fmt::Debug for Normalized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Normalised text may be a card number: show its length only.
        write!(f, "Normalized({} characters)", self.chars)
    }
}

/// Applies the lenient normalisation of [`validate_lenient`] alone, for showing the user
/// what will be checked. Fails only when more than 15 characters remain.
///
/// ```
/// use bhyt::Error;
/// assert_eq!(bhyt::normalize("4.01.01.013.048.0001").unwrap().as_str(), "401010130480001");
/// assert_eq!(bhyt::normalize("1234567890123456"), Err(Error::InvalidLength { length: 16 }));
/// ```
pub fn normalize(input: impl AsRef<[u8]>) -> Result<Normalized, Error> {
    normalize_bytes(input.as_ref())
}

fn normalize_bytes(input: &[u8]) -> Result<Normalized, Error> {
    let mut out = Normalized {
        bytes: [0; Normalized::CAPACITY],
        len: 0,
        chars: 0,
    };
    let mut count = 0usize;
    for (_, c) in lenient_chars(input) {
        count += 1;
        if count > 15 {
            continue;
        }
        let start = usize::from(out.len);
        if let Some(slot) = out.bytes.get_mut(start..start + c.len_utf8()) {
            c.encode_utf8(slot);
            out.len += c.len_utf8() as u8;
            out.chars += 1;
        }
    }
    if count > 15 {
        return Err(Error::InvalidLength { length: count });
    }
    Ok(out)
}
