//! Benefit levels (mức hưởng): character 3 of the 15-character form.
//!
//! Source: Luật BHYT art. 22 and NĐ 146/2018 art. 14, as summarised in
//! `shared/spec/bhyt-card-number.md` ("Background facts").

use crate::Lang;

/// The benefit level printed as character 3: how much of the cost the fund pays.
///
/// ```
/// use bhyt::BenefitLevel;
/// let level = BenefitLevel::from_digit(4).unwrap();
/// assert_eq!(level, BenefitLevel::Four);
/// assert_eq!(level.digit(), 4);
/// assert_eq!(level.meaning_en(), "80% of in-scope costs");
/// assert_eq!(BenefitLevel::from_digit(6), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum BenefitLevel {
    /// `1`: 100%, without the payment-ratio caps, plus transport.
    One = 1,
    /// `2`: 100% with the payment-ratio caps, plus transport.
    Two = 2,
    /// `3`: 95%.
    Three = 3,
    /// `4`: 80%.
    Four = 4,
    /// `5`: 100% including costs outside the BHYT scope, plus transport (armed forces).
    Five = 5,
}

impl BenefitLevel {
    /// The level for a digit value 1 to 5; `None` otherwise.
    ///
    /// ```
    /// assert_eq!(bhyt::BenefitLevel::from_digit(1), Some(bhyt::BenefitLevel::One));
    /// assert_eq!(bhyt::BenefitLevel::from_digit(0), None);
    /// ```
    pub const fn from_digit(digit: u8) -> Option<BenefitLevel> {
        match digit {
            1 => Some(BenefitLevel::One),
            2 => Some(BenefitLevel::Two),
            3 => Some(BenefitLevel::Three),
            4 => Some(BenefitLevel::Four),
            5 => Some(BenefitLevel::Five),
            _ => None,
        }
    }

    /// The digit printed on the card, 1 to 5.
    ///
    /// ```
    /// assert_eq!(bhyt::BenefitLevel::Three.digit(), 3);
    /// ```
    pub const fn digit(self) -> u8 {
        self as u8
    }

    /// What the level pays, in the given language.
    ///
    /// ```
    /// use bhyt::{BenefitLevel, Lang};
    /// assert_eq!(BenefitLevel::Four.meaning(Lang::En), "80% of in-scope costs");
    /// assert_eq!(BenefitLevel::Three.meaning(Lang::Vi), "95% chi phí trong phạm vi được hưởng");
    /// ```
    pub const fn meaning(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (BenefitLevel::One, Lang::Vi) => "100% chi phí trong phạm vi được hưởng, không áp dụng giới hạn tỷ lệ thanh toán thuốc, dịch vụ kỹ thuật; có chi phí vận chuyển",
            (BenefitLevel::One, Lang::En) => "100% of in-scope costs, without the payment-ratio caps on drugs and services, plus transport",
            (BenefitLevel::Two, Lang::Vi) => "100% chi phí trong phạm vi được hưởng, có giới hạn tỷ lệ thanh toán thuốc, dịch vụ kỹ thuật; có chi phí vận chuyển",
            (BenefitLevel::Two, Lang::En) => "100% of in-scope costs, with the payment-ratio caps on drugs and services, plus transport",
            (BenefitLevel::Three, Lang::Vi) => "95% chi phí trong phạm vi được hưởng",
            (BenefitLevel::Three, Lang::En) => "95% of in-scope costs",
            (BenefitLevel::Four, Lang::Vi) => "80% chi phí trong phạm vi được hưởng",
            (BenefitLevel::Four, Lang::En) => "80% of in-scope costs",
            (BenefitLevel::Five, Lang::Vi) => "100% chi phí, kể cả chi phí ngoài phạm vi được hưởng BHYT; có chi phí vận chuyển",
            (BenefitLevel::Five, Lang::En) => "100% of costs, including those outside the BHYT scope, plus transport",
        }
    }

    /// What the level pays, in Vietnamese ([`meaning`](Self::meaning) with [`Lang::Vi`]).
    ///
    /// ```
    /// assert_eq!(bhyt::BenefitLevel::Three.meaning_vi(), "95% chi phí trong phạm vi được hưởng");
    /// ```
    pub const fn meaning_vi(self) -> &'static str {
        self.meaning(Lang::Vi)
    }

    /// What the level pays, in English ([`meaning`](Self::meaning) with [`Lang::En`]).
    ///
    /// ```
    /// assert_eq!(bhyt::BenefitLevel::Four.meaning_en(), "80% of in-scope costs");
    /// ```
    pub const fn meaning_en(self) -> &'static str {
        self.meaning(Lang::En)
    }
}

impl core::fmt::Display for BenefitLevel {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Display::fmt(&self.digit(), f)
    }
}
