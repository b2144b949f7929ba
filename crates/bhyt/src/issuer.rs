//! Issuing bodies (đơn vị cấp thẻ BHYT) and the province code of issue (characters 4-5).

use core::fmt;
use core::str::FromStr;

use crate::Lang;

/// The body that issued the card: the "Đơn vị cấp thẻ BHYT" drop-down of the VNeID form.
///
/// Entry points take an `Option<Issuer>`: `Some` is the body chosen in a form, against which
/// characters 4-5 are checked; `None` means "any", and the body is inferred from them.
///
/// ```
/// use bhyt::Issuer;
/// let card = bhyt::validate("CA5980123456789", Some(Issuer::Police)).unwrap();
/// assert_eq!(card.issuer(), Some(Issuer::Police));
/// assert!(bhyt::validate("CA5980123456789", Some(Issuer::Defence)).is_err());
/// assert_eq!("defence".parse::<Issuer>(), Ok(Issuer::Defence));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Issuer {
    /// Bảo hiểm xã hội Việt Nam: characters 4-5 from 01 to 99 except 97 and 98.
    VietnamSocialSecurity,
    /// Bảo hiểm xã hội Công an nhân dân: characters 4-5 are 98.
    Police,
    /// Bảo hiểm xã hội Bộ Quốc phòng: characters 4-5 are 97.
    Defence,
}

impl Issuer {
    /// Every issuing body, in the order of the VNeID drop-down.
    ///
    /// ```
    /// assert_eq!(bhyt::Issuer::ALL.len(), 3);
    /// ```
    pub const ALL: [Issuer; 3] = [
        Issuer::VietnamSocialSecurity,
        Issuer::Police,
        Issuer::Defence,
    ];

    /// The stable short name used by the command line, JSON, C and JS: `vss`, `police`,
    /// `defence`.
    ///
    /// ```
    /// assert_eq!(bhyt::Issuer::VietnamSocialSecurity.as_str(), "vss");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Issuer::VietnamSocialSecurity => "vss",
            Issuer::Police => "police",
            Issuer::Defence => "defence",
        }
    }

    /// The name in the given language (the Vietnamese one is the name shown in the VNeID
    /// form).
    ///
    /// ```
    /// use bhyt::{Issuer, Lang};
    /// assert_eq!(Issuer::Police.name(Lang::Vi), "Bảo hiểm xã hội Công an nhân dân");
    /// assert_eq!(Issuer::Defence.name(Lang::En), "Defence social security");
    /// ```
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Issuer::VietnamSocialSecurity, Lang::Vi) => "Bảo hiểm xã hội Việt Nam",
            (Issuer::VietnamSocialSecurity, Lang::En) => "Vietnam Social Security",
            (Issuer::Police, Lang::Vi) => "Bảo hiểm xã hội Công an nhân dân",
            (Issuer::Police, Lang::En) => "Police social security",
            (Issuer::Defence, Lang::Vi) => "Bảo hiểm xã hội Bộ Quốc phòng",
            (Issuer::Defence, Lang::En) => "Defence social security",
        }
    }

    /// The name shown in the VNeID form ([`name`](Self::name) with [`Lang::Vi`]).
    ///
    /// ```
    /// assert_eq!(bhyt::Issuer::Police.name_vi(), "Bảo hiểm xã hội Công an nhân dân");
    /// ```
    pub const fn name_vi(self) -> &'static str {
        self.name(Lang::Vi)
    }

    /// The English name ([`name`](Self::name) with [`Lang::En`]).
    ///
    /// ```
    /// assert_eq!(bhyt::Issuer::Defence.name_en(), "Defence social security");
    /// ```
    pub const fn name_en(self) -> &'static str {
        self.name(Lang::En)
    }

    /// Whether this body issues cards whose characters 4-5 have this value (0 to 99).
    ///
    /// ```
    /// use bhyt::Issuer;
    /// assert!(Issuer::VietnamSocialSecurity.allows_province(1));
    /// assert!(!Issuer::VietnamSocialSecurity.allows_province(97));
    /// assert!(Issuer::Police.allows_province(98));
    /// assert!(!Issuer::Police.allows_province(0));
    /// ```
    pub const fn allows_province(self, value: u8) -> bool {
        match self {
            Issuer::VietnamSocialSecurity => {
                value >= 1 && value <= 99 && value != 97 && value != 98
            }
            Issuer::Police => value == 98,
            Issuer::Defence => value == 97,
        }
    }

    /// The body that issues cards with this value of characters 4-5, or `None` for 00 (and for
    /// values above 99), which no body issues.
    ///
    /// ```
    /// use bhyt::Issuer;
    /// assert_eq!(Issuer::from_province(97), Some(Issuer::Defence));
    /// assert_eq!(Issuer::from_province(79), Some(Issuer::VietnamSocialSecurity));
    /// assert_eq!(Issuer::from_province(0), None);
    /// ```
    pub const fn from_province(value: u8) -> Option<Issuer> {
        match value {
            97 => Some(Issuer::Defence),
            98 => Some(Issuer::Police),
            1..=99 => Some(Issuer::VietnamSocialSecurity),
            _ => None,
        }
    }
}

impl fmt::Display for Issuer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_en())
    }
}

/// The error of parsing an [`Issuer`] from a name other than `vss`, `police` or `defence`.
///
/// ```
/// assert!("army".parse::<bhyt::Issuer>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown issuing body: expected vss, police or defence")]
pub struct UnknownIssuer;

impl FromStr for Issuer {
    type Err = UnknownIssuer;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name {
            "vss" => Ok(Issuer::VietnamSocialSecurity),
            "police" => Ok(Issuer::Police),
            "defence" => Ok(Issuer::Defence),
            _ => Err(UnknownIssuer),
        }
    }
}

/// The province code of issue (characters 4-5 of the 15-character form), 01 to 99.
///
/// Values follow the statistics office list of the 63 provinces (01 Hà Nội ... 96 Cà Mau);
/// 97 and 98 are the Defence and Police bodies. Since 2025-07-01 several codes name other
/// provinces, so this library gives the number, not a province name.
///
/// ```
/// let card = bhyt::validate("HS4790120878811", None).unwrap();
/// let province = card.province_code().unwrap();
/// assert_eq!(province.value(), 79);
/// assert_eq!(province.to_string(), "79");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProvinceCode(u8);

impl ProvinceCode {
    /// The code for a value from 1 to 99; `None` otherwise.
    ///
    /// ```
    /// assert!(bhyt::ProvinceCode::new(1).is_some());
    /// assert!(bhyt::ProvinceCode::new(0).is_none());
    /// ```
    pub const fn new(value: u8) -> Option<ProvinceCode> {
        if value >= 1 && value <= 99 {
            Some(ProvinceCode(value))
        } else {
            None
        }
    }

    /// The numeric value, 1 to 99.
    ///
    /// ```
    /// assert_eq!(bhyt::ProvinceCode::new(7).unwrap().value(), 7);
    /// ```
    pub const fn value(self) -> u8 {
        self.0
    }

    /// The two ASCII digits as printed, e.g. `*b"07"`.
    ///
    /// ```
    /// assert_eq!(bhyt::ProvinceCode::new(7).unwrap().digits(), *b"07");
    /// ```
    pub const fn digits(self) -> [u8; 2] {
        [b'0' + self.0 / 10, b'0' + self.0 % 10]
    }

    /// The body that issues cards with this code (97 Defence, 98 Police, others VSS).
    ///
    /// ```
    /// use bhyt::{Issuer, ProvinceCode};
    /// assert_eq!(ProvinceCode::new(98).unwrap().issuer(), Issuer::Police);
    /// ```
    pub const fn issuer(self) -> Issuer {
        match self.0 {
            97 => Issuer::Defence,
            98 => Issuer::Police,
            _ => Issuer::VietnamSocialSecurity,
        }
    }
}

impl fmt::Display for ProvinceCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}", self.0)
    }
}
