//! Turning input bytes into the characters the rules look at.
//!
//! Input is read as UTF-8; a sequence that is not valid UTF-8 counts as one character, as in
//! `String::from_utf8_lossy`. Only the first [`Scan::CAPACITY`] characters are kept (no valid
//! number is longer), each as its ASCII byte or [`NON_ASCII`], with its index in the input;
//! the rest are only counted.

use crate::rules::NON_ASCII;

/// Whether the lenient entry points drop this character: Unicode whitespace (which trims
/// too), `.`, `-` and `_`.
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | '-' | '_')
}

/// The characters of `input`, decoded lossily (an invalid sequence becomes U+FFFD).
pub(crate) fn lossy_chars(input: &[u8]) -> impl Iterator<Item = char> + '_ {
    input.utf8_chunks().flat_map(|chunk| {
        let invalid = (!chunk.invalid().is_empty()).then_some(char::REPLACEMENT_CHARACTER);
        chunk.valid().chars().chain(invalid)
    })
}

/// The characters the lenient entry points keep, uppercased, with their index in `input`.
pub(crate) fn lenient_chars(input: &[u8]) -> impl Iterator<Item = (usize, char)> + '_ {
    lossy_chars(input)
        .enumerate()
        .filter(|&(_, c)| !is_separator(c))
        .map(|(index, c)| (index, c.to_ascii_uppercase()))
}

/// The first characters of an input, ready for the rules, and how many there are in all.
pub(crate) struct Scan {
    chars: [u8; Scan::CAPACITY],
    origin: [usize; Scan::CAPACITY],
    len: usize,
}

impl Scan {
    /// One more than the longest valid number, so that "too long" is seen at its position.
    pub(crate) const CAPACITY: usize = 16;

    fn new() -> Scan {
        Scan {
            chars: [0; Scan::CAPACITY],
            origin: [0; Scan::CAPACITY],
            len: 0,
        }
    }

    fn push(&mut self, origin: usize, c: char) {
        // `get_mut` rather than indexing: past the capacity the character is only counted,
        // and no bounds check (a panic path) is left in the code.
        if let Some(slot) = self.chars.get_mut(self.len) {
            *slot = if c.is_ascii() { c as u8 } else { NON_ASCII };
        }
        if let Some(slot) = self.origin.get_mut(self.len) {
            *slot = origin;
        }
        self.len = self.len.saturating_add(1);
    }

    /// Every character of `input`, as typed.
    pub(crate) fn strict(input: &[u8]) -> Scan {
        let mut scan = Scan::new();
        if input.is_ascii() {
            let kept = input.len().min(Scan::CAPACITY);
            scan.chars[..kept].copy_from_slice(&input[..kept]);
            for (index, origin) in scan.origin[..kept].iter_mut().enumerate() {
                *origin = index;
            }
            scan.len = input.len();
        } else {
            for (index, c) in lossy_chars(input).enumerate() {
                scan.push(index, c);
            }
        }
        scan
    }

    /// The characters of `input` that the lenient entry points keep.
    pub(crate) fn lenient(input: &[u8]) -> Scan {
        let mut scan = Scan::new();
        for (index, c) in lenient_chars(input) {
            scan.push(index, c);
        }
        scan
    }

    /// The kept characters (at most [`Scan::CAPACITY`]).
    pub(crate) fn chars(&self) -> &[u8] {
        &self.chars[..self.len.min(Scan::CAPACITY)]
    }

    /// How many characters there are in all.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The index in the input of kept character `i` (`i` past the kept ones maps to itself).
    pub(crate) fn origin(&self, i: usize) -> usize {
        self.origin
            .get(i)
            .copied()
            .filter(|_| i < self.len)
            .unwrap_or(i)
    }
}
