//! The `MA_THE_BHYT` field of hospitals' claims XML (QĐ 130/QĐ-BYT as amended by QĐ
//! 4750/QĐ-BYT): the card code, or, when the patient got a new card during one treatment,
//! several codes joined with `;`.

use core::fmt;

use crate::scan::lossy_chars;
use crate::{validate, validate_lenient, Advice, Advisories, CardNumber, Error, Form, Issuer};

/// The items of a `MA_THE_BHYT` field, in order, each with its verdict. Returned by
/// [`parse_ma_the_bhyt`] and [`parse_ma_the_bhyt_lenient`].
///
/// Its `Debug` output shows its place in the field, never the field's text.
///
/// ```
/// let items: Vec<_> = bhyt::parse_ma_the_bhyt(b"HS4010120878811; SV4010120878811", None).collect();
/// assert_eq!(items.len(), 2);
/// assert!(items.iter().all(|item| item.is_valid()));
/// assert_eq!(items[1].position(), 17);
/// assert!(items[0].card().unwrap().same_card(&items[1].card().unwrap()));
/// ```
#[derive(Clone)]
pub struct MaTheBhyt<'a> {
    field: &'a [u8],
    /// Byte offset of the next item's raw text; `None` once the last item was returned.
    next: Option<usize>,
    /// Character position of `next`.
    chars: usize,
    index: usize,
    issuer: Option<Issuer>,
    lenient: bool,
}

impl fmt::Debug for MaTheBhyt<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MaTheBhyt")
            .field("len", &self.field.len())
            .field("next_item", &self.index)
            .finish()
    }
}

/// One item of a `MA_THE_BHYT` field and its verdict.
///
/// Its `Debug` output shows the item's place and verdict, never its text.
///
/// ```
/// let item = bhyt::parse_ma_the_bhyt(b"HS4010120878811;  DN4000123456789 ", None).nth(1).unwrap();
/// assert_eq!(item.index(), 1);
/// assert_eq!(item.position(), 18);
/// assert_eq!(item.text(), b"DN4000123456789");
/// let error = item.result().unwrap_err();
/// assert_eq!(error.code().as_str(), "invalid_province_code");
/// assert_eq!(error.position(), Some(21)); // in the whole field
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct MaTheItem<'a> {
    index: usize,
    text: &'a [u8],
    position: usize,
    byte_offset: usize,
    result: Result<CardNumber, Error>,
    issuer: Option<Issuer>,
    lenient: bool,
}

impl<'a> MaTheItem<'a> {
    /// The 0-based index of the item in the field.
    ///
    /// ```
    /// assert_eq!(bhyt::parse_ma_the_bhyt(b"a;b", None).last().unwrap().index(), 1);
    /// ```
    pub const fn index(&self) -> usize {
        self.index
    }

    /// The item's text, surrounding whitespace dropped.
    ///
    /// ```
    /// let item = bhyt::parse_ma_the_bhyt(b" HS4010120878811 ", None).next().unwrap();
    /// assert_eq!(item.text(), b"HS4010120878811");
    /// ```
    pub const fn text(&self) -> &'a [u8] {
        self.text
    }

    /// The character position in the field where the item's text starts (for an empty item,
    /// where it would start: after the whitespace following the `;`).
    ///
    /// ```
    /// let item = bhyt::parse_ma_the_bhyt("Đ;  X".as_bytes(), None).nth(1).unwrap();
    /// assert_eq!(item.position(), 4);
    /// assert_eq!(item.byte_offset(), 5);
    /// ```
    pub const fn position(&self) -> usize {
        self.position
    }

    /// The byte offset in the field where the item's text starts.
    ///
    /// ```
    /// let item = bhyt::parse_ma_the_bhyt(b"a; b", None).nth(1).unwrap();
    /// assert_eq!(item.byte_offset(), 3);
    /// ```
    pub const fn byte_offset(&self) -> usize {
        self.byte_offset
    }

    /// Whether the item is empty or blank (`;;`, a leading or trailing `;`, an empty field).
    /// Its verdict is then `invalid_length` with length 0.
    ///
    /// ```
    /// let items: Vec<_> = bhyt::parse_ma_the_bhyt(b"HS4010120878811;", None).collect();
    /// assert_eq!(items.len(), 2);
    /// assert!(items[1].is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Whether the item is a valid card number.
    ///
    /// ```
    /// assert!(bhyt::parse_ma_the_bhyt(b"0101010101", None).all(|item| item.is_valid()));
    /// ```
    pub const fn is_valid(&self) -> bool {
        self.result.is_ok()
    }

    /// The verdict. An error's position is a character position in the whole field.
    ///
    /// ```
    /// let item = bhyt::parse_ma_the_bhyt(b";DN6010123456789", None).nth(1).unwrap();
    /// assert_eq!(item.result().unwrap_err().position(), Some(3));
    /// ```
    pub const fn result(&self) -> Result<CardNumber, Error> {
        self.result
    }

    /// The card, when the item is valid.
    ///
    /// ```
    /// let item = bhyt::parse_ma_the_bhyt(b"HS4010120878811", None).next().unwrap();
    /// assert_eq!(item.card().unwrap().to_string(), "HS4010120878811");
    /// ```
    pub const fn card(&self) -> Option<CardNumber> {
        match self.result {
            Ok(card) => Some(card),
            Err(_) => None,
        }
    }

    /// Advisory notes on the item ([`Advice`]), never changing its verdict: those
    /// [`advise`](crate::advise) gives for its text, and [`Advice::ShortFormInClaims`] for a
    /// valid 10-digit item (the claims field normally holds the 15-character code).
    ///
    /// ```
    /// use bhyt::Advice;
    /// let item = bhyt::parse_ma_the_bhyt(b"0120878811", None).next().unwrap();
    /// assert!(item.is_valid());
    /// assert_eq!(item.advice().collect::<Vec<_>>(), [Advice::ShortFormInClaims]);
    /// ```
    pub fn advice(&self) -> Advisories {
        let mut advice = match self.result {
            Ok(card) => card.advice(),
            Err(_) if self.lenient => crate::advise_lenient(self.text, self.issuer),
            Err(_) => crate::advise(self.text, self.issuer),
        };
        if matches!(self.result, Ok(card) if card.form() == Form::Short) {
            advice.push(Advice::ShortFormInClaims);
        }
        advice
    }
}

impl fmt::Debug for MaTheItem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MaTheItem")
            .field("index", &self.index)
            .field("position", &self.position)
            .field("len", &self.text.len())
            .field("valid", &self.is_valid())
            .finish()
    }
}

/// Drops Unicode whitespace around `piece`: the kept bytes' range and how many characters
/// were dropped in front.
fn trim(piece: &[u8]) -> (usize, usize, usize) {
    let mut start = None;
    let mut end = 0;
    let mut leading = 0;
    let mut offset = 0;
    for chunk in piece.utf8_chunks() {
        for c in chunk.valid().chars() {
            let next = offset + c.len_utf8();
            if !c.is_whitespace() {
                start.get_or_insert(offset);
                end = next;
            } else if start.is_none() {
                leading += 1;
            }
            offset = next;
        }
        if !chunk.invalid().is_empty() {
            start.get_or_insert(offset);
            offset += chunk.invalid().len();
            end = offset;
        }
    }
    match start {
        Some(start) => (start, end, leading),
        None => (piece.len(), piece.len(), leading),
    }
}

impl<'a> Iterator for MaTheBhyt<'a> {
    type Item = MaTheItem<'a>;

    fn next(&mut self) -> Option<MaTheItem<'a>> {
        let begin = self.next?;
        let rest = self.field.get(begin..).unwrap_or_default();
        let (piece, after) = match rest.iter().position(|&byte| byte == b';') {
            Some(end) => (&rest[..end], Some(begin + end + 1)),
            None => (rest, None),
        };
        let (start, end, leading) = trim(piece);
        let text = piece.get(start..end).unwrap_or_default();
        let position = self.chars + leading;
        let verdict = if self.lenient {
            validate_lenient(text, self.issuer)
        } else {
            validate(text, self.issuer)
        };
        let result = verdict.map_err(|error| match error.position() {
            Some(at) => error.at(position + at),
            None => error,
        });
        let item = MaTheItem {
            index: self.index,
            text,
            position,
            byte_offset: begin + start,
            result,
            issuer: self.issuer,
            lenient: self.lenient,
        };
        self.index += 1;
        // The piece, then the `;` (one character).
        self.chars += lossy_chars(piece).count() + 1;
        self.next = after;
        Some(item)
    }
}

/// Splits a `MA_THE_BHYT` field at `;` and checks each item strictly (surrounding whitespace
/// dropped), with the issuing body given (`None`: any).
///
/// How a field is split, as a hospital system expects it:
///
/// - every `;` separates two items, so `n` separators make `n + 1` items, as `str::split`
///   does;
/// - whitespace (Unicode White_Space: spaces, tabs, line breaks, no-break spaces) around an
///   item is dropped, so `A; B`, ` A ;B ` and a code on its own line all read as intended;
///   whitespace inside an item is part of it (and makes it invalid, unless lenient);
/// - an empty item (an empty or blank field, `;;`, a leading or trailing `;`) is reported, not
///   skipped: it is an item whose verdict is `invalid_length` with length 0 and whose
///   [`is_empty`](MaTheItem::is_empty) is true, so that a caller who tolerates a stray `;`
///   can say so explicitly;
/// - each item is checked like [`validate`](crate::validate) (or
///   [`validate_lenient`](crate::validate_lenient)), both forms accepted; the claims field
///   normally holds the 15-character code, which [`MaTheItem::advice`] points out;
/// - positions are characters in the whole field, as given (an item's start and its error's
///   position alike), and byte offsets are given next to them.
///
/// ```
/// let field = b"HS4010120878811;SV4010120878811";
/// let cards: Vec<_> = bhyt::parse_ma_the_bhyt(field, None).filter_map(|item| item.card()).collect();
/// assert_eq!(cards.len(), 2);
/// assert_eq!(cards[0].key(), cards[1].key()); // same person, new group
/// ```
pub fn parse_ma_the_bhyt(field: &[u8], issuer: Option<Issuer>) -> MaTheBhyt<'_> {
    MaTheBhyt {
        field,
        next: Some(0),
        chars: 0,
        index: 0,
        issuer,
        lenient: false,
    }
}

/// [`parse_ma_the_bhyt`] with each item checked leniently (see
/// [`validate_lenient`](crate::validate_lenient)): the shorthand of
/// [`Mode::Lenient`](crate::Mode::Lenient)`.parse_ma_the_bhyt`.
///
/// ```
/// assert!(bhyt::parse_ma_the_bhyt_lenient(b"hs 4 01 0120878811 ; sv4010120878811", None).all(|item| item.is_valid()));
/// ```
pub fn parse_ma_the_bhyt_lenient(field: &[u8], issuer: Option<Issuer>) -> MaTheBhyt<'_> {
    MaTheBhyt {
        lenient: true,
        ..parse_ma_the_bhyt(field, issuer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_drops_unicode_whitespace_and_keeps_invalid_bytes() {
        assert_eq!(trim(b""), (0, 0, 0));
        assert_eq!(trim(b"  "), (2, 2, 2));
        assert_eq!(trim(b" a b "), (1, 4, 1));
        assert_eq!(trim("\u{a0}x\u{3000}".as_bytes()), (2, 3, 1));
        assert_eq!(trim(b" \xff "), (1, 2, 1));
    }

    #[test]
    fn n_separators_make_n_plus_one_items() {
        for (field, count) in [
            (&b""[..], 1),
            (b";", 2),
            (b" ; ;", 3),
            (b"HS4010120878811", 1),
        ] {
            assert_eq!(parse_ma_the_bhyt(field, None).count(), count);
        }
    }
}
