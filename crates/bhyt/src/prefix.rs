//! The as-you-type check: can what has been typed so far still become a valid number?

use crate::rules::{check_full, check_short};
use crate::scan::Scan;
use crate::{CardNumber, Error, Expected, Form, Found, Issuer};

/// What the as-you-type check says of a partly typed number.
///
/// ```
/// use bhyt::{Form, PrefixCheck};
/// assert_eq!(bhyt::check_prefix("DN40", None), PrefixCheck::Incomplete { form: Some(Form::Full), missing: 11 });
/// assert!(matches!(bhyt::check_prefix("DN4010123456789", None), PrefixCheck::Complete(_)));
/// let check = bhyt::check_prefix("DS", None);
/// assert_eq!(check.first_invalid(), Some(1));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrefixCheck {
    /// Nothing is wrong yet, and more characters are needed.
    Incomplete {
        /// The form being typed, once the first character tells (a digit: 10-digit form; a
        /// letter: 15-character form).
        form: Option<Form>,
        /// How many more characters the form needs (10 while nothing is typed).
        missing: usize,
    },
    /// A complete, valid number.
    Complete(CardNumber),
    /// No continuation can make the input valid.
    Invalid {
        /// The 0-based position of the first character that can never fit (for a number
        /// that is too long, the first character past its end).
        at: usize,
        /// Why. Its position is the start of the offending part, which is before `at` when
        /// the part is the group code or the province code (`DS`: `at` 1, error position 0).
        error: Error,
    },
}

impl PrefixCheck {
    /// Whether the input is valid or can still become valid.
    ///
    /// ```
    /// assert!(bhyt::check_prefix("", None).can_become_valid());
    /// assert!(!bhyt::check_prefix("x", None).can_become_valid());
    /// ```
    pub const fn can_become_valid(&self) -> bool {
        !matches!(self, PrefixCheck::Invalid { .. })
    }

    /// The position of the first character that can never fit, if any.
    ///
    /// ```
    /// assert_eq!(bhyt::check_prefix("DN6", None).first_invalid(), Some(2));
    /// assert_eq!(bhyt::check_prefix("DN4", None).first_invalid(), None);
    /// ```
    pub const fn first_invalid(&self) -> Option<usize> {
        match self {
            PrefixCheck::Invalid { at, .. } => Some(*at),
            _ => None,
        }
    }
}

/// The as-you-type check: whether `typed`, exactly as typed so far, can still become a valid
/// number for the issuing body chosen (`None`: any), and if not, where it goes wrong. Every
/// prefix of a valid number passes.
///
/// ```
/// use bhyt::{Issuer, PrefixCheck};
/// assert!(bhyt::check_prefix("CA59", Some(Issuer::Police)).can_become_valid());
/// assert_eq!(bhyt::check_prefix("CA50", Some(Issuer::Police)).first_invalid(), Some(3));
/// assert_eq!(bhyt::check_prefix("01234567890", None).first_invalid(), Some(10));
/// ```
pub fn check_prefix(typed: impl AsRef<[u8]>, issuer: Option<Issuer>) -> PrefixCheck {
    check_prefix_bytes(typed.as_ref(), issuer)
}

/// [`check_prefix`] without the generic argument: the branch-light masks of
/// [`crate::fast::check_prefix`] on native targets, the scalar [`reference`] in WebAssembly
/// (whose module size is budgeted).
#[cfg_attr(not(target_arch = "wasm32"), inline)]
fn check_prefix_bytes(typed: &[u8], issuer: Option<Issuer>) -> PrefixCheck {
    #[cfg(not(target_arch = "wasm32"))]
    return crate::fast::check_prefix(typed, issuer);
    #[cfg(target_arch = "wasm32")]
    reference(typed, issuer)
}

/// The scalar reference of [`check_prefix`]: the rules of [`crate::rules`] on the characters
/// typed. The fast path is tested against it.
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
pub(crate) fn reference(typed: &[u8], issuer: Option<Issuer>) -> PrefixCheck {
    if typed.is_ascii() {
        // Every character is one byte: check the bytes themselves, positions unchanged.
        return check_chars(typed, typed.len(), issuer, |i| i);
    }
    let scan = Scan::strict(typed);
    check_chars(scan.chars(), scan.len(), issuer, |i| scan.origin(i))
}

/// The as-you-type check after lenient normalisation (see
/// [`validate_lenient`](crate::validate_lenient)); positions point into the input as given.
///
/// ```
/// assert!(bhyt::check_prefix_lenient("hs 4 01 ", None).can_become_valid());
/// assert_eq!(bhyt::check_prefix_lenient("HS 6", None).first_invalid(), Some(3));
/// ```
pub fn check_prefix_lenient(typed: impl AsRef<[u8]>, issuer: Option<Issuer>) -> PrefixCheck {
    check_prefix_lenient_bytes(typed.as_ref(), issuer)
}

fn check_prefix_lenient_bytes(typed: &[u8], issuer: Option<Issuer>) -> PrefixCheck {
    let scan = Scan::lenient(typed);
    check_chars(scan.chars(), scan.len(), issuer, |i| scan.origin(i))
}

/// The check itself: `chars` are the first characters (at least 16 when there are more),
/// `typed` how many there are in all, `origin` maps an index in `chars` to the input's.
fn check_chars(
    chars: &[u8],
    typed: usize,
    issuer: Option<Issuer>,
    origin: impl Fn(usize) -> usize,
) -> PrefixCheck {
    let Some(&first) = chars.first() else {
        return PrefixCheck::Incomplete {
            form: None,
            missing: Form::Short.len(),
        };
    };
    let form = if first.is_ascii_digit() {
        Form::Short
    } else if first.is_ascii_uppercase() {
        Form::Full
    } else {
        return PrefixCheck::Invalid {
            at: origin(0),
            error: Error::InvalidCharacter {
                position: origin(0),
                expected: Expected::DigitOrUppercaseLetter,
                found: Found::classify(first),
            },
        };
    };
    let present = chars.get(..typed.min(form.len())).unwrap_or(chars);
    let checked = match form {
        Form::Short => check_short(present),
        Form::Full => check_full(present, issuer),
    };
    if let Err(failure) = checked {
        let error = match failure.error.position() {
            Some(position) => failure.error.at(origin(position)),
            None => failure.error,
        };
        return PrefixCheck::Invalid {
            at: origin(failure.at),
            error,
        };
    }
    match typed.checked_sub(form.len()) {
        None => PrefixCheck::Incomplete {
            form: Some(form),
            missing: form.len() - typed,
        },
        Some(0) => match CardNumber::from_checked(present) {
            Some(card) => PrefixCheck::Complete(card),
            // Unreachable: the rules accepted every character of the form.
            None => PrefixCheck::Incomplete {
                form: Some(form),
                missing: 0,
            },
        },
        Some(_) => PrefixCheck::Invalid {
            at: origin(form.len()),
            error: Error::InvalidLength { length: typed },
        },
    }
}
