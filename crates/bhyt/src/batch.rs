//! Many numbers in one buffer, one per line, at memory speed.

use core::fmt;

use crate::validate::{validate_bytes, validate_lenient_bytes};
use crate::{fast, CardNumber, Error, Issuer};

/// One line of a buffer. Its verdict is worked out when asked for, and only as far as asked:
/// [`is_valid`](Line::is_valid) runs the fast check alone, [`result`](Line::result) also
/// decodes the card or explains the error, so that counting or filtering a large buffer
/// stays at memory speed.
///
/// Its `Debug` output shows the line's place and verdict, never its text.
///
/// ```
/// let line = bhyt::validate_lines(b"0101010101\nDN4000123456789\n", None).nth(1).unwrap();
/// assert_eq!(line.offset(), 11);
/// assert!(!line.is_valid());
/// assert_eq!(line.result().unwrap_err().code().as_str(), "invalid_province_code");
/// ```
#[derive(Clone, Copy)]
pub struct Line<'a> {
    text: &'a [u8],
    offset: usize,
    issuer: Option<Issuer>,
    lenient: bool,
    /// The strict verdict, when the split already worked it out (a short strict line).
    valid: Option<bool>,
}

impl<'a> Line<'a> {
    /// The line's bytes, without its line ending.
    ///
    /// ```
    /// let line = bhyt::validate_lines(b"0101010101\r\n", None).next().unwrap();
    /// assert_eq!(line.text(), b"0101010101");
    /// ```
    pub const fn text(&self) -> &'a [u8] {
        self.text
    }

    /// Where the line starts in the buffer, in bytes.
    ///
    /// ```
    /// let offsets: Vec<usize> = bhyt::validate_lines(b"a\r\nbc\nd", None).map(|l| l.offset()).collect();
    /// assert_eq!(offsets, [0, 3, 6]);
    /// ```
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The card, when the line is a valid number.
    ///
    /// ```
    /// let line = bhyt::validate_lines(b"0101010101", None).next().unwrap();
    /// assert_eq!(line.card().unwrap().to_string(), "0101010101");
    /// ```
    pub fn card(&self) -> Option<CardNumber> {
        self.result().ok()
    }

    /// Whether the line is a valid number.
    ///
    /// ```
    /// assert!(bhyt::validate_lines(b"0101010101", None).all(|line| line.is_valid()));
    /// ```
    pub fn is_valid(&self) -> bool {
        if let Some(valid) = self.valid {
            return valid;
        }
        if self.lenient {
            // The lenient entry point's own fast paths (the compaction on native targets).
            validate_lenient_bytes(self.text, self.issuer).is_ok()
        } else {
            fast::is_valid(self.text, self.issuer)
        }
    }

    /// The verdict with its error: what [`validate`](crate::validate) (or
    /// [`validate_lenient`](crate::validate_lenient)) says of the line.
    ///
    /// ```
    /// let line = bhyt::validate_lines(b"12345", None).next().unwrap();
    /// assert_eq!(line.result(), bhyt::validate("12345", None));
    /// ```
    pub fn result(&self) -> Result<CardNumber, Error> {
        if self.lenient {
            validate_lenient_bytes(self.text, self.issuer)
        } else {
            validate_bytes(self.text, self.issuer)
        }
    }
}

impl fmt::Debug for Line<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Line")
            .field("offset", &self.offset)
            .field("len", &self.text.len())
            .field("valid", &self.is_valid())
            .finish()
    }
}

/// The lines of a buffer with their verdicts, in order. Returned by [`validate_lines`] and
/// [`validate_lines_lenient`].
///
/// Lines end with `\n`; a `\r` before it is dropped (CRLF files); a final line without `\n`
/// counts, an empty buffer has no lines, and a trailing `\n` does not start an extra line.
/// Empty lines are checked like any other (an invalid length).
///
/// ```
/// let lines: Vec<_> = bhyt::validate_lines(b"0101010101\r\nDN4000123456789\n", None).collect();
/// assert_eq!(lines.len(), 2);
/// assert!(lines[0].is_valid());
/// assert_eq!(lines[1].result().unwrap_err().code().as_str(), "invalid_province_code");
/// ```
#[derive(Clone)]
pub struct Lines<'a> {
    buffer: &'a [u8],
    next: usize,
    issuer: Option<Issuer>,
    lenient: bool,
}

impl fmt::Debug for Lines<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lines")
            .field("len", &self.buffer.len())
            .field("next", &self.next)
            .finish()
    }
}

/// The index of the first `\n` in `bytes`, or `bytes.len()`.
///
/// Reads 8 bytes at a time (SWAR). Invariant: with `x = word ^ 0x0A..0A`, a byte of `x` is
/// zero exactly where the word has `\n`, and `(x - 0x01..01) & !x & 0x80..80` has its lowest
/// set bit in the first zero byte: a borrow only travels upwards from a zero byte, so the
/// bytes below the first one cannot raise a false bit (bytes above it can, which is why only
/// the lowest bit is used). Lines of 10 or 15 characters end within the first two words.
#[inline]
fn find_newline(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut start = 0;
    while let Some(chunk) = bytes.get(start..start + 8) {
        let word = match <[u8; 8]>::try_from(chunk) {
            Ok(array) => u64::from_le_bytes(array),
            Err(_) => break,
        };
        let x = word ^ (ONES * u64::from(b'\n'));
        let found = x.wrapping_sub(ONES) & !x & HIGHS;
        if found != 0 {
            return start + (found.trailing_zeros() / 8) as usize;
        }
        start += 8;
    }
    let tail = bytes.get(start..).unwrap_or_default();
    start
        + tail
            .iter()
            .position(|&byte| byte == b'\n')
            .unwrap_or(tail.len())
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    #[inline]
    fn next(&mut self) -> Option<Line<'a>> {
        let offset = self.next;
        let rest = self.buffer.get(offset..).filter(|rest| !rest.is_empty())?;
        // A strict line that ends within 16 bytes (every number, CRLF or not, but the
        // 15-character form with CRLF): split and checked from the same two loads.
        if !self.lenient {
            if let Some((end, len, valid)) = fast::first_short_line(rest, self.issuer) {
                self.next = offset + end + 1;
                return Some(Line {
                    text: rest.get(..len).unwrap_or(rest),
                    offset,
                    issuer: self.issuer,
                    lenient: false,
                    valid: Some(valid),
                });
            }
        }
        let end = find_newline(rest);
        self.next = offset + end + 1;
        let line = rest.get(..end).unwrap_or(rest);
        let text = line.strip_suffix(b"\r").unwrap_or(line);
        Some(Line {
            text,
            offset,
            issuer: self.issuer,
            lenient: self.lenient,
            valid: None,
        })
    }
}

/// Validates each line of `buffer` strictly (see [`validate`](crate::validate)).
///
/// ```
/// let valid = bhyt::validate_lines(b"0101010101\n0101\n", None).filter(|line| line.is_valid()).count();
/// assert_eq!(valid, 1);
/// ```
pub fn validate_lines(buffer: &[u8], issuer: Option<Issuer>) -> Lines<'_> {
    Lines {
        buffer,
        next: 0,
        issuer,
        lenient: false,
    }
}

/// Validates each line of `buffer` leniently (see
/// [`validate_lenient`](crate::validate_lenient)).
///
/// ```
/// let valid = bhyt::validate_lines_lenient(b" 0101 010 101 \nhs4010120878811", None)
///     .filter(|line| line.is_valid())
///     .count();
/// assert_eq!(valid, 2);
/// ```
pub fn validate_lines_lenient(buffer: &[u8], issuer: Option<Issuer>) -> Lines<'_> {
    Lines {
        buffer,
        next: 0,
        issuer,
        lenient: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{validate, validate_lenient};

    /// The documented split, written the obvious way.
    fn reference_lines(buffer: &[u8]) -> impl Iterator<Item = &[u8]> {
        let body = buffer.strip_suffix(b"\n").unwrap_or(buffer);
        let pieces = (!buffer.is_empty()).then(|| body.split(|&byte| byte == b'\n'));
        pieces
            .into_iter()
            .flatten()
            .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
    }

    #[test]
    fn lines_split_as_documented_and_give_each_lines_verdict() {
        let buffers: [&[u8]; 10] = [
            b"",
            b"\n",
            b"\n\n",
            b"\r\n",
            b"0101010101",
            b"0101010101\n",
            b"0101010101\r\n0101\n\n DN4010123456789\r\r\n",
            b"a\rb\n\r",
            b"\xFF\n0101010101",
            b"DN4010123456789\nHS4010120878811\n0101010101\n dn 4 01 0123456789\n",
        ];
        for buffer in buffers {
            for lenient in [false, true] {
                let lines = if lenient {
                    validate_lines_lenient(buffer, None)
                } else {
                    validate_lines(buffer, None)
                };
                let mut expected = reference_lines(buffer);
                for line in lines {
                    let text = expected.next().expect("no extra line");
                    assert_eq!(line.text(), text);
                    let offset = text.as_ptr() as usize - buffer.as_ptr() as usize;
                    assert_eq!(line.offset(), offset);
                    let verdict = if lenient {
                        validate_lenient(text, None)
                    } else {
                        validate(text, None)
                    };
                    assert_eq!(line.result(), verdict);
                    assert_eq!(line.is_valid(), verdict.is_ok());
                    assert_eq!(line.card(), verdict.ok());
                }
                assert!(expected.next().is_none(), "no missing line");
            }
        }
    }

    /// Every byte value at every position of the first line and its line ending (LF or
    /// CRLF), numbers of both forms and lines one character short or long, every issuer
    /// choice: the split and the verdict are those of the documented split and `validate`.
    #[test]
    #[cfg_attr(
        miri,
        ignore = "an equivalence check of 200,000 buffers; the batch tests above run under Miri"
    )]
    fn short_lines_split_and_check_as_the_reference() {
        let issuers = [
            None,
            Some(Issuer::VietnamSocialSecurity),
            Some(Issuer::Police),
            Some(Issuer::Defence),
        ];
        let bases: [&[u8]; 8] = [
            b"0123456789\n0101010101\n",
            b"0123456789\r\nDN4010123456789",
            b"DN4010123456789\n0101010101",
            b"CA5980123456789\r\n0101010101",
            b"QN5970123456789\nxx\n",
            b"012345678\n01234567890123",
            b"01234567890\n0123456789",
            b"HS40101208788110\n0123456789",
        ];
        for base in bases {
            for position in 0..base.len().min(18) {
                for byte in 0..=255u8 {
                    let mut buffer = base.to_vec();
                    buffer[position] = byte;
                    let text = reference_lines(&buffer).next().expect("a first line");
                    for issuer in issuers {
                        let line = validate_lines(&buffer, issuer).next().expect("a line");
                        assert_eq!(line.text(), text, "{buffer:?}");
                        assert_eq!(line.offset(), 0);
                        assert_eq!(
                            line.is_valid(),
                            validate(text, issuer).is_ok(),
                            "{buffer:?} {issuer:?}"
                        );
                        assert_eq!(line.result(), validate(text, issuer));
                        let second = validate_lines(&buffer, issuer).nth(1);
                        let expected = reference_lines(&buffer).nth(1);
                        assert_eq!(second.map(|line| line.text()), expected, "{buffer:?}");
                        if let Some(second) = second {
                            let offset = expected.unwrap_or_default().as_ptr() as usize
                                - buffer.as_ptr() as usize;
                            assert_eq!(second.offset(), offset);
                        }
                    }
                }
            }
        }
    }

    #[test]
    #[cfg_attr(
        miri,
        ignore = "an exhaustive loop; the batch tests run find_newline under Miri"
    )]
    fn find_newline_finds_the_first_newline_wherever_it_is() {
        let mut bytes = [b'x'; 40];
        assert_eq!(find_newline(&bytes), 40);
        for first in 0..40 {
            bytes = [b'x'; 40];
            bytes[first] = b'\n';
            // Bytes that could confuse the borrow trick: 0x0B (= 0x0A ^ 1) and 0x8A.
            for later in (first + 1)..40 {
                bytes[later] = [b'\n', 0x0B, 0x8A, 0x0A ^ 0x80][later % 4];
            }
            for len in 0..=40 {
                let expected = bytes[..len].iter().position(|&b| b == b'\n').unwrap_or(len);
                assert_eq!(
                    find_newline(&bytes[..len]),
                    expected,
                    "first {first}, len {len}"
                );
            }
        }
    }
}
