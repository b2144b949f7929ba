//! Many numbers in one buffer, one per line.

use crate::{validate, validate_lenient, CardNumber, Error, Issuer};

/// The verdicts for a buffer of numbers, one per line, in order. Returned by
/// [`validate_lines`] and [`validate_lines_lenient`].
///
/// Lines end with `\n`; a `\r` before it is dropped (CRLF files); a final line without `\n`
/// counts, an empty buffer has no lines, and a trailing `\n` does not start an extra line.
/// Empty lines are checked like any other (an invalid length).
///
/// ```
/// let verdicts: Vec<_> = bhyt::validate_lines(b"0101010101\r\nDN4000123456789\n", None).collect();
/// assert_eq!(verdicts.len(), 2);
/// assert!(verdicts[0].is_ok());
/// assert_eq!(verdicts[1].unwrap_err().code().as_str(), "invalid_province_code");
/// ```
#[derive(Clone, Debug)]
pub struct Lines<'a> {
    rest: &'a [u8],
    issuer: Option<Issuer>,
    lenient: bool,
}

impl<'a> Iterator for Lines<'a> {
    type Item = Result<CardNumber, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let (line, rest) = match self.rest.iter().position(|&byte| byte == b'\n') {
            Some(end) => (&self.rest[..end], &self.rest[end + 1..]),
            None => (self.rest, &[][..]),
        };
        self.rest = rest;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        Some(if self.lenient {
            validate_lenient(line, self.issuer)
        } else {
            validate(line, self.issuer)
        })
    }
}

/// Validates each line of `buffer` strictly (see [`validate`]).
///
/// ```
/// let valid = bhyt::validate_lines(b"0101010101\n0101\n", None).filter(Result::is_ok).count();
/// assert_eq!(valid, 1);
/// ```
pub fn validate_lines(buffer: &[u8], issuer: Option<Issuer>) -> Lines<'_> {
    Lines {
        rest: buffer,
        issuer,
        lenient: false,
    }
}

/// Validates each line of `buffer` leniently (see [`validate_lenient`]).
///
/// ```
/// let valid = bhyt::validate_lines_lenient(b" 0101 010 101 \nhs4010120878811", None).filter(Result::is_ok).count();
/// assert_eq!(valid, 2);
/// ```
pub fn validate_lines_lenient(buffer: &[u8], issuer: Option<Issuer>) -> Lines<'_> {
    Lines {
        rest: buffer,
        issuer,
        lenient: true,
    }
}
