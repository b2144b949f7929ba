//! A parsed card number and its parts.

use core::fmt;
use core::str::FromStr;

use crate::{BenefitLevel, Error, GroupCode, Issuer, ProvinceCode, Style};

/// Which of the two accepted forms a number was typed in.
///
/// ```
/// use bhyt::Form;
/// assert_eq!(bhyt::validate("0101010101", None).unwrap().form(), Form::Short);
/// assert_eq!(bhyt::validate("DN4010123456789", None).unwrap().form(), Form::Full);
/// assert_eq!(Form::Full.len(), 15);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Form {
    /// The 10-digit social-insurance number alone, as printed on cards since 2021.
    Short,
    /// The 15-character form: group code, benefit level, province code, social-insurance
    /// number (QĐ 1351/QĐ-BHXH, 2015).
    Full,
}

impl Form {
    /// The number of characters of the form: 10 or 15.
    ///
    /// ```
    /// assert_eq!(bhyt::Form::Short.len(), 10);
    /// ```
    #[allow(clippy::len_without_is_empty)]
    pub const fn len(self) -> usize {
        match self {
            Form::Short => 10,
            Form::Full => 15,
        }
    }
}

/// The 10-digit social-insurance number (mã số BHXH): the last 10 characters of any card
/// number.
///
/// Its `Debug` output is masked; `Display` and [`as_str`](Self::as_str) give the digits.
///
/// ```
/// let card = bhyt::validate("HS4010120878811", None).unwrap();
/// assert_eq!(card.social_insurance_number().as_str(), "0120878811");
/// assert_eq!(format!("{:?}", card.social_insurance_number()), "SocialInsuranceNumber(\"******8811\")");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SocialInsuranceNumber([u8; 10]);

impl SocialInsuranceNumber {
    /// The 10 ASCII digits.
    ///
    /// ```
    /// let card = bhyt::validate("0101010101", None).unwrap();
    /// assert_eq!(card.social_insurance_number().as_bytes(), b"0101010101");
    /// ```
    pub const fn as_bytes(&self) -> &[u8; 10] {
        &self.0
    }

    /// The 10 digits as text.
    ///
    /// ```
    /// let card = bhyt::validate("0101010101", None).unwrap();
    /// assert_eq!(card.social_insurance_number().as_str(), "0101010101");
    /// ```
    pub fn as_str(&self) -> &str {
        // Only ever built from checked ASCII digits, so this never takes the fallback.
        core::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The digits as a number (leading zeros are not lost: there are always 10 digits).
    ///
    /// ```
    /// let card = bhyt::validate("0101010101", None).unwrap();
    /// assert_eq!(card.social_insurance_number().value(), 101010101);
    /// ```
    pub const fn value(&self) -> u64 {
        let d = &self.0;
        let high = eight_digits([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]]);
        let low =
            (d[8].wrapping_sub(b'0') % 10) as u64 * 10 + (d[9].wrapping_sub(b'0') % 10) as u64;
        high * 100 + low
    }
}

/// The value of 8 ASCII digits, the first the most significant, 8 at a time (SWAR).
///
/// Invariant: after subtracting `'0'` from each byte (no borrow: every byte is at least
/// `'0'`), each byte holds one digit 0-9 and the word, read little-endian, holds the first
/// digit in its lowest byte. Each step merges neighbouring lanes: `lane * 10 + next` for
/// pairs of bytes, then `* 100` for pairs of 16-bit lanes, then `* 10000` for the two 32-bit
/// halves; every intermediate fits in its lane (at most 99, 9999, 99999999), so the masks
/// drop only the lanes' other copies.
const fn eight_digits(digits: [u8; 8]) -> u64 {
    let mut v = u64::from_le_bytes(digits).wrapping_sub(0x3030_3030_3030_3030);
    v = (v.wrapping_mul(10).wrapping_add(v >> 8)) & 0x00FF_00FF_00FF_00FF;
    v = (v.wrapping_mul(100).wrapping_add(v >> 16)) & 0x0000_FFFF_0000_FFFF;
    (v.wrapping_mul(10000).wrapping_add(v >> 32)) & 0x0000_0000_FFFF_FFFF
}

impl fmt::Display for SocialInsuranceNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for SocialInsuranceNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = core::str::from_utf8(&self.0[6..]).unwrap_or_default();
        write!(f, "SocialInsuranceNumber(\"******{shown}\")")
    }
}

/// The identity of a card: its last 10 characters, as a number.
///
/// VNeID treats two requests with the same last 10 characters as the same card, so a
/// 15-character number and its 10-digit form have equal keys. Use it to find duplicates.
///
/// ```
/// let old = bhyt::validate("HS4010120878811", None).unwrap();
/// let new = bhyt::validate("0120878811", None).unwrap();
/// assert_ne!(old, new);
/// assert_eq!(old.key(), new.key());
/// assert_eq!(old.key().to_string(), "0120878811");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CardKey(u64);

impl CardKey {
    /// The key as a number below 10^10 (the social-insurance number's value).
    ///
    /// ```
    /// assert_eq!(bhyt::validate("0000000042", None).unwrap().key().value(), 42);
    /// ```
    pub const fn value(self) -> u64 {
        self.0
    }

    /// The key's 10 ASCII digits, as `Display` writes them.
    ///
    /// ```
    /// assert_eq!(&bhyt::validate("0000000042", None).unwrap().key().digits(), b"0000000042");
    /// ```
    pub fn digits(self) -> [u8; 10] {
        let mut digits = [b'0'; 10];
        let mut value = self.0;
        for digit in digits.iter_mut().rev() {
            *digit = b'0' + (value % 10) as u8;
            value /= 10;
        }
        digits
    }
}

impl fmt::Display for CardKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.digits();
        // ASCII digits: always UTF-8.
        f.write_str(core::str::from_utf8(&digits).unwrap_or_default())
    }
}

/// A valid BHYT card number: a small `Copy` value that decodes its parts.
///
/// Get one from [`validate`](crate::validate) (strict, the issuing body optionally given),
/// [`validate_lenient`](crate::validate_lenient) (pasted text), or `str::parse` (strict, the
/// issuing body inferred). `Display` prints the compact form; `Debug` is masked, so that a
/// stray `{:?}` does not log the number.
///
/// ```
/// use bhyt::{BenefitLevel, CardNumber, Form, GroupCode, Issuer};
/// let card: CardNumber = "HS4010120878811".parse()?;
/// assert_eq!(card.form(), Form::Full);
/// assert_eq!(card.group_code(), Some(GroupCode::HS));
/// assert_eq!(card.benefit_level(), Some(BenefitLevel::Four));
/// assert_eq!(card.issuer(), Some(Issuer::VietnamSocialSecurity));
/// assert_eq!(card.province_code().map(|p| p.value()), Some(1));
/// assert_eq!(card.social_insurance_number().as_str(), "0120878811");
/// assert_eq!(card.to_string(), "HS4010120878811");
/// assert_eq!(format!("{card:?}"), "CardNumber(\"HS 4 01 ******8811\")");
/// # Ok::<(), bhyt::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CardNumber {
    /// Characters 1-5 of the 15-character form as typed (checked), or all zero for the
    /// 10-digit form. The parts are decoded from them when asked for, so that building a
    /// card is a copy.
    prefix: [u8; 5],
    sin: SocialInsuranceNumber,
}

impl CardNumber {
    /// Builds the card from 10 or 15 characters that passed the rules (`None` for any other
    /// length, which the callers never pass).
    #[inline]
    pub(crate) fn from_checked(chars: &[u8]) -> Option<CardNumber> {
        let (head, digits) = chars.split_at_checked(chars.len().checked_sub(10)?)?;
        let sin = SocialInsuranceNumber(digits.try_into().ok()?);
        let prefix = match *head {
            [] => [0; 5],
            [a, b, c, d, e] => [a, b, c, d, e],
            _ => return None,
        };
        Some(CardNumber { prefix, sin })
    }

    /// Whether the card is of the 15-character form.
    const fn is_full(&self) -> bool {
        self.prefix[0] != 0
    }

    /// The form the number was typed in.
    ///
    /// ```
    /// assert_eq!(bhyt::validate("0101010101", None).unwrap().form(), bhyt::Form::Short);
    /// ```
    pub const fn form(&self) -> Form {
        if self.is_full() {
            Form::Full
        } else {
            Form::Short
        }
    }

    /// The group code (characters 1-2); `None` for the 10-digit form.
    ///
    /// ```
    /// let card = bhyt::validate("TE1010123456789", None).unwrap();
    /// assert_eq!(card.group_code(), Some(bhyt::GroupCode::TE));
    /// ```
    pub const fn group_code(&self) -> Option<GroupCode> {
        // Zeros (the 10-digit form) are no letters: `None`.
        GroupCode::from_letters(self.prefix[0], self.prefix[1])
    }

    /// The benefit level (character 3); `None` for the 10-digit form.
    ///
    /// ```
    /// let card = bhyt::validate("TE1010123456789", None).unwrap();
    /// assert_eq!(card.benefit_level(), Some(bhyt::BenefitLevel::One));
    /// ```
    pub const fn benefit_level(&self) -> Option<BenefitLevel> {
        if !self.is_full() {
            return None;
        }
        BenefitLevel::from_digit(self.prefix[2].wrapping_sub(b'0'))
    }

    /// The province code of issue (characters 4-5); `None` for the 10-digit form.
    ///
    /// ```
    /// let card = bhyt::validate("TE1790123456789", None).unwrap();
    /// assert_eq!(card.province_code().unwrap().value(), 79);
    /// ```
    pub const fn province_code(&self) -> Option<ProvinceCode> {
        if !self.is_full() {
            return None;
        }
        let tens = self.prefix[3].wrapping_sub(b'0');
        let units = self.prefix[4].wrapping_sub(b'0');
        ProvinceCode::new(tens.wrapping_mul(10).wrapping_add(units))
    }

    /// The issuing body, decoded from characters 4-5 (97 Defence, 98 Police, others Vietnam
    /// Social Security); `None` for the 10-digit form, which does not say.
    ///
    /// ```
    /// use bhyt::Issuer;
    /// assert_eq!(bhyt::validate("QN5970123456789", None).unwrap().issuer(), Some(Issuer::Defence));
    /// assert_eq!(bhyt::validate("0123456789", Some(Issuer::Defence)).unwrap().issuer(), None);
    /// ```
    pub const fn issuer(&self) -> Option<Issuer> {
        match self.province_code() {
            Some(province) => Some(province.issuer()),
            None => None,
        }
    }

    /// The 10-digit social-insurance number (the last 10 characters).
    ///
    /// ```
    /// let card = bhyt::validate("TE1790123456789", None).unwrap();
    /// assert_eq!(card.social_insurance_number().as_str(), "0123456789");
    /// ```
    pub const fn social_insurance_number(&self) -> SocialInsuranceNumber {
        self.sin
    }

    /// The identity of the card (its last 10 characters): equal for a 15-character number
    /// and its 10-digit form. See [`CardKey`].
    ///
    /// ```
    /// let a = bhyt::validate("DN4010123456789", None).unwrap();
    /// let b = bhyt::validate("HT3790123456789", None).unwrap();
    /// assert_eq!(a.key(), b.key());
    /// ```
    pub const fn key(&self) -> CardKey {
        CardKey(self.sin.value())
    }

    /// Whether two numbers denote the same card (same [`key`](Self::key)).
    ///
    /// ```
    /// let a = bhyt::validate("DN4010123456789", None).unwrap();
    /// let b = bhyt::validate("0123456789", None).unwrap();
    /// assert!(a.same_card(&b));
    /// ```
    pub const fn same_card(&self, other: &CardNumber) -> bool {
        self.key().0 == other.key().0
    }

    /// The number's characters in the compact form, into a fixed buffer: the first `len`
    /// bytes of the result are the number.
    pub(crate) fn compact_bytes(&self) -> ([u8; 15], usize) {
        let mut out = [0u8; 15];
        if self.is_full() {
            out[..5].copy_from_slice(&self.prefix);
            out[5..].copy_from_slice(&self.sin.0);
            (out, 15)
        } else {
            out[..10].copy_from_slice(&self.sin.0);
            (out, 10)
        }
    }
}

impl fmt::Display for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.format(Style::Compact).as_str())
    }
}

impl fmt::Debug for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CardNumber(\"{}\")", self.format(Style::Masked))
    }
}

/// Strict parsing with the issuing body inferred: the same as
/// [`validate(s, None)`](crate::validate).
///
/// ```
/// let card: bhyt::CardNumber = "0101010101".parse().unwrap();
/// assert!("0101 010 101".parse::<bhyt::CardNumber>().is_err());
/// ```
impl FromStr for CardNumber {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::validate(s, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_the_value_of_the_ten_digits() {
        // A walk through many digit patterns, each checked against the obvious loop.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..if cfg!(miri) { 200 } else { 20_000 } {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut digits = [0u8; 10];
            let mut expected = 0u64;
            for (i, digit) in digits.iter_mut().enumerate() {
                let d = ((state >> (i * 6)) % 10) as u8;
                *digit = b'0' + d;
                expected = expected * 10 + u64::from(d);
            }
            assert_eq!(SocialInsuranceNumber(digits).value(), expected);
        }
        assert_eq!(SocialInsuranceNumber(*b"9999999999").value(), 9_999_999_999);
        assert_eq!(SocialInsuranceNumber(*b"0000000000").value(), 0);
    }
}
