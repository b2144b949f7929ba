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
        let mut value = 0u64;
        let mut i = 0;
        while i < 10 {
            value = value * 10 + (self.0[i].wrapping_sub(b'0') % 10) as u64;
            i += 1;
        }
        value
    }
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
}

impl fmt::Display for CardKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:010}", self.0)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Prefix {
    group: GroupCode,
    benefit: BenefitLevel,
    province: ProvinceCode,
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
    prefix: Option<Prefix>,
    sin: SocialInsuranceNumber,
}

impl CardNumber {
    /// Builds a card from parts that passed the rules.
    pub(crate) const fn from_parts(
        prefix: Option<(GroupCode, BenefitLevel, ProvinceCode)>,
        sin: [u8; 10],
    ) -> CardNumber {
        let prefix = match prefix {
            Some((group, benefit, province)) => Some(Prefix {
                group,
                benefit,
                province,
            }),
            None => None,
        };
        CardNumber {
            prefix,
            sin: SocialInsuranceNumber(sin),
        }
    }

    /// Builds the card from 10 or 15 characters that passed the rules.
    pub(crate) fn from_checked(chars: &[u8]) -> Option<CardNumber> {
        let (head, digits) = chars.split_at_checked(chars.len().checked_sub(10)?)?;
        let sin = SocialInsuranceNumber(digits.try_into().ok()?);
        let prefix = match *head {
            [] => None,
            [first, second, benefit, tens, units] => Some(Prefix {
                group: GroupCode::from_letters(first, second)?,
                benefit: BenefitLevel::from_digit(benefit.wrapping_sub(b'0'))?,
                province: ProvinceCode::new(
                    tens.wrapping_sub(b'0')
                        .wrapping_mul(10)
                        .wrapping_add(units.wrapping_sub(b'0')),
                )?,
            }),
            _ => return None,
        };
        Some(CardNumber { prefix, sin })
    }

    /// The form the number was typed in.
    ///
    /// ```
    /// assert_eq!(bhyt::validate("0101010101", None).unwrap().form(), bhyt::Form::Short);
    /// ```
    pub const fn form(&self) -> Form {
        match self.prefix {
            Some(_) => Form::Full,
            None => Form::Short,
        }
    }

    /// The group code (characters 1-2); `None` for the 10-digit form.
    ///
    /// ```
    /// let card = bhyt::validate("TE1010123456789", None).unwrap();
    /// assert_eq!(card.group_code(), Some(bhyt::GroupCode::TE));
    /// ```
    pub const fn group_code(&self) -> Option<GroupCode> {
        match self.prefix {
            Some(prefix) => Some(prefix.group),
            None => None,
        }
    }

    /// The benefit level (character 3); `None` for the 10-digit form.
    ///
    /// ```
    /// let card = bhyt::validate("TE1010123456789", None).unwrap();
    /// assert_eq!(card.benefit_level(), Some(bhyt::BenefitLevel::One));
    /// ```
    pub const fn benefit_level(&self) -> Option<BenefitLevel> {
        match self.prefix {
            Some(prefix) => Some(prefix.benefit),
            None => None,
        }
    }

    /// The province code of issue (characters 4-5); `None` for the 10-digit form.
    ///
    /// ```
    /// let card = bhyt::validate("TE1790123456789", None).unwrap();
    /// assert_eq!(card.province_code().unwrap().value(), 79);
    /// ```
    pub const fn province_code(&self) -> Option<ProvinceCode> {
        match self.prefix {
            Some(prefix) => Some(prefix.province),
            None => None,
        }
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
        match self.prefix {
            Some(prefix) => Some(prefix.province.issuer()),
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
        match self.prefix {
            None => {
                out[..10].copy_from_slice(&self.sin.0);
                (out, 10)
            }
            Some(prefix) => {
                out[..2].copy_from_slice(prefix.group.as_str().as_bytes());
                out[2] = b'0' + prefix.benefit.digit();
                out[3..5].copy_from_slice(&prefix.province.digits());
                out[5..].copy_from_slice(&self.sin.0);
                (out, 15)
            }
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
