//! Display forms of a card number, written into a fixed buffer: no allocation.

use core::fmt;

use crate::scan::lenient_chars;
use crate::{CardNumber, Form};

/// Where the grouped display of the 15-character form puts a space: before these 0-based
/// character positions (after the group code, the benefit level and the province code).
const GROUP_BREAKS: [usize; 3] = [2, 3, 5];

/// How to write a card number.
///
/// | style | 15-character form | 10-digit form |
/// |---|---|---|
/// | `Compact` | `HS4010120878811` | `0120878811` |
/// | `Grouped` | `HS 4 01 0120878811` | `0120878811` |
/// | `Masked` | `HS 4 01 ******8811` | `******8811` |
///
/// `Masked` hides the first 6 digits of the social-insurance number, for logs and screens.
///
/// ```
/// use bhyt::Style;
/// let card = bhyt::validate("HS4010120878811", None).unwrap();
/// assert_eq!(card.format(Style::Grouped).as_str(), "HS 4 01 0120878811");
/// assert_eq!(card.format(Style::Masked).to_string(), "HS 4 01 ******8811");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// The characters alone, as VNeID expects them.
    Compact,
    /// Grouped by part as printed on the card: group code, benefit level, province code,
    /// social-insurance number.
    Grouped,
    /// Grouped, with the first 6 digits of the social-insurance number replaced by `*`.
    Masked,
}

impl Style {
    /// Every style.
    ///
    /// ```
    /// assert_eq!(bhyt::Style::ALL.len(), 3);
    /// ```
    pub const ALL: [Style; 3] = [Style::Compact, Style::Grouped, Style::Masked];

    /// The longest text any card takes in this style (`Formatted` never exceeds it).
    ///
    /// ```
    /// assert_eq!(bhyt::Style::Grouped.max_len(), 18);
    /// ```
    pub const fn max_len(self) -> usize {
        match self {
            Style::Compact => 15,
            Style::Grouped | Style::Masked => 18,
        }
    }

    /// The text length of a card of this form in this style.
    ///
    /// ```
    /// assert_eq!(bhyt::Style::Masked.len_for(bhyt::Form::Short), 10);
    /// ```
    pub const fn len_for(self, form: Form) -> usize {
        match (self, form) {
            (_, Form::Short) | (Style::Compact, Form::Full) => form.len(),
            (Style::Grouped | Style::Masked, Form::Full) => 18,
        }
    }
}

/// A card number written in one [`Style`]: up to [`Formatted::CAPACITY`] ASCII bytes held
/// inline.
///
/// ```
/// let card = bhyt::validate("0120878811", None).unwrap();
/// let masked = card.format(bhyt::Style::Masked);
/// assert_eq!(masked.as_str(), "******8811");
/// assert_eq!(masked.as_bytes().len(), 10);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Formatted {
    bytes: [u8; Formatted::CAPACITY],
    len: u8,
}

impl Formatted {
    /// The most bytes any style takes.
    ///
    /// ```
    /// assert!(bhyt::Style::ALL.iter().all(|s| s.max_len() <= bhyt::Formatted::CAPACITY));
    /// ```
    pub const CAPACITY: usize = 18;

    /// The text.
    ///
    /// ```
    /// let card = bhyt::validate("0120878811", None).unwrap();
    /// assert_eq!(card.format(bhyt::Style::Compact).as_str(), "0120878811");
    /// ```
    pub fn as_str(&self) -> &str {
        // Only ever filled with ASCII, so this never takes the fallback.
        core::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    /// The text's bytes (ASCII).
    ///
    /// ```
    /// let card = bhyt::validate("0120878811", None).unwrap();
    /// assert_eq!(card.format(bhyt::Style::Compact).as_bytes(), b"0120878811");
    /// ```
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len).min(Formatted::CAPACITY)]
    }
}

impl fmt::Display for Formatted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Debug for Formatted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl CardNumber {
    /// Writes the number in `style`.
    ///
    /// ```
    /// use bhyt::Style;
    /// let card = bhyt::validate("CA5980123456789", None).unwrap();
    /// assert_eq!(card.format(Style::Compact).as_str(), "CA5980123456789");
    /// assert_eq!(card.format(Style::Grouped).as_str(), "CA 5 98 0123456789");
    /// assert_eq!(card.format(Style::Masked).as_str(), "CA 5 98 ******6789");
    /// ```
    pub fn format(&self, style: Style) -> Formatted {
        let (compact, len) = self.compact_bytes();
        let mut out = Formatted {
            bytes: [0; Formatted::CAPACITY],
            len: 0,
        };
        let mut push = |bytes: &[u8]| {
            for &byte in bytes {
                if let Some(slot) = out.bytes.get_mut(usize::from(out.len)) {
                    *slot = byte;
                    out.len += 1;
                }
            }
        };
        let (head, digits) = compact[..len.min(15)].split_at(len.saturating_sub(10).min(5));
        for (index, &byte) in head.iter().enumerate() {
            push(&[byte]);
            if style != Style::Compact && GROUP_BREAKS.contains(&(index + 1)) {
                push(b" ");
            }
        }
        if style == Style::Masked {
            push(b"******");
            push(digits.get(6..).unwrap_or_default());
        } else {
            push(digits);
        }
        out
    }

    /// Writes the number in `style` into `buffer` and returns the text, or `None` (writing
    /// nothing) when `buffer` is shorter than [`Style::len_for`] the card's form.
    ///
    /// ```
    /// use bhyt::Style;
    /// let card = bhyt::validate("HS4010120878811", None).unwrap();
    /// let mut buffer = [0u8; 18];
    /// assert_eq!(card.write_to(Style::Grouped, &mut buffer), Some("HS 4 01 0120878811"));
    /// assert_eq!(card.write_to(Style::Grouped, &mut [0u8; 17]), None);
    /// ```
    pub fn write_to<'b>(&self, style: Style, buffer: &'b mut [u8]) -> Option<&'b str> {
        let formatted = self.format(style);
        let bytes = formatted.as_bytes();
        let target = buffer.get_mut(..bytes.len())?;
        target.copy_from_slice(bytes);
        core::str::from_utf8(target).ok()
    }
}

/// What has been typed so far, normalised as the lenient entry points do (separators
/// dropped, ASCII letters uppercased) and grouped as [`Style::Grouped`] groups a card: for an
/// input field that formats the number while the user types. A 15-character number (its
/// first character a letter) gets its spaces as soon as the characters after them are typed;
/// the 10-digit form is not grouped. Anything else is kept, for the check to point at.
///
/// ```
/// assert_eq!(bhyt::format_typed("hs4010").to_string(), "HS 4 01 0");
/// assert_eq!(bhyt::format_typed("HS 4 01 0120878811").to_string(), "HS 4 01 0120878811");
/// assert_eq!(bhyt::format_typed("01010 10101").to_string(), "0101010101");
/// assert_eq!(bhyt::format_typed("HĐ4").to_string(), "HĐ 4");
/// ```
pub fn format_typed(typed: &str) -> TypedGrouped<'_> {
    TypedGrouped { typed }
}

/// A partly typed number grouped for display; see [`format_typed`]. Writes without
/// allocating.
#[derive(Clone, Copy)]
pub struct TypedGrouped<'a> {
    typed: &'a str,
}

impl fmt::Display for TypedGrouped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write as _;
        let mut full = false;
        for (kept, (_, c)) in lenient_chars(self.typed.as_bytes()).enumerate() {
            if kept == 0 {
                full = c.is_ascii_uppercase();
            } else if full && GROUP_BREAKS.contains(&kept) {
                f.write_char(' ')?;
            }
            f.write_char(c)?;
        }
        Ok(())
    }
}

impl fmt::Debug for TypedGrouped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // It holds what the user typed, possibly a card number: show its length only.
        write!(f, "TypedGrouped({} bytes)", self.typed.len())
    }
}
