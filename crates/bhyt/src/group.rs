//! Group codes (mã đối tượng): characters 1-2 of the 15-character form.
//!
//! Source of the list: the provincial guides for the VNeID integration campaign (2025),
//! "Lưu ý: Nhập Số thẻ BHYT" (43 codes). Descriptions and usual benefit levels: QĐ
//! 1351/QĐ-BHXH (2015) and NĐ 146/2018, as summarised in `shared/spec/bhyt-card-number.md`
//! ("Background facts"). The usual level is informative only: a person in several groups gets
//! the best level, so a card whose benefit digit differs from it is still valid.
//!
//! The table below is data: one line per code, in the order of the VNeID list. Everything
//! else in this module (the enum, the lookups) is generated from it by `group_codes!`.

use crate::{BenefitLevel, Lang};

macro_rules! group_codes {
    ($( $code:ident => $level:ident, $vi:literal, $en:literal; )+) => {
        /// A group code (mã đối tượng) on the VNeID list: who the insured person is.
        ///
        /// ```
        /// use bhyt::{BenefitLevel, GroupCode};
        /// let hs = GroupCode::from_code("HS").unwrap();
        /// assert_eq!(hs, GroupCode::HS);
        /// assert_eq!(hs.as_str(), "HS");
        /// assert_eq!(hs.description_en(), "pupils");
        /// assert_eq!(hs.usual_benefit_level(), BenefitLevel::Four);
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(u8)]
        pub enum GroupCode {
            $(
                #[doc = concat!("`", stringify!($code), "`: ", $vi, " (", $en, ").")]
                $code,
            )+
        }

        impl GroupCode {
            /// Every code on the VNeID list, in the order the guides print it.
            ///
            /// ```
            /// assert_eq!(bhyt::GroupCode::ALL.len(), 43);
            /// assert_eq!(bhyt::GroupCode::ALL[0], bhyt::GroupCode::DN);
            /// ```
            pub const ALL: [GroupCode; 43] = [$(GroupCode::$code),+];

            /// The two letters of the code, as printed on the card.
            ///
            /// ```
            /// assert_eq!(bhyt::GroupCode::TE.as_str(), "TE");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self { $(GroupCode::$code => stringify!($code),)+ }
            }

            /// Who belongs to the group, in the given language (the English is a short gloss).
            ///
            /// ```
            /// use bhyt::{GroupCode, Lang};
            /// assert_eq!(GroupCode::TE.description(Lang::Vi), "Trẻ em dưới 6 tuổi");
            /// assert_eq!(GroupCode::TE.description(Lang::En), "children under 6");
            /// ```
            pub const fn description(self, lang: Lang) -> &'static str {
                // A table indexed by the code's place in the list rather than a `match`: the
                // same answers in about half the WebAssembly module's bytes.
                const DESCRIPTIONS: [[&str; 2]; 43] = [$([$vi, $en]),+];
                let [vi, en] = DESCRIPTIONS[self as usize];
                match lang {
                    Lang::Vi => vi,
                    Lang::En => en,
                }
            }

            /// Who belongs to the group, in Vietnamese: [`description`](Self::description)
            /// with [`Lang::Vi`].
            ///
            /// ```
            /// assert_eq!(bhyt::GroupCode::TE.description_vi(), "Trẻ em dưới 6 tuổi");
            /// ```
            pub const fn description_vi(self) -> &'static str {
                self.description(Lang::Vi)
            }

            /// Who belongs to the group, a short English gloss:
            /// [`description`](Self::description) with [`Lang::En`].
            ///
            /// ```
            /// assert_eq!(bhyt::GroupCode::TE.description_en(), "children under 6");
            /// ```
            pub const fn description_en(self) -> &'static str {
                self.description(Lang::En)
            }

            /// The benefit level this group usually has (QĐ 1351). Informative only: a card
            /// with another level is valid (a person in several groups gets the best level).
            ///
            /// ```
            /// use bhyt::{BenefitLevel, GroupCode};
            /// assert_eq!(GroupCode::QN.usual_benefit_level(), BenefitLevel::Five);
            /// ```
            pub const fn usual_benefit_level(self) -> BenefitLevel {
                match self { $(GroupCode::$code => BenefitLevel::$level,)+ }
            }
        }
    };
}

group_codes! {
    DN => Four, "Người lao động làm việc trong doanh nghiệp", "enterprise employees";
    HX => Four, "Người lao động làm việc trong hợp tác xã", "cooperative employees";
    CH => Four, "Người lao động làm việc trong cơ quan nhà nước, đơn vị sự nghiệp công lập", "employees of state bodies and public units";
    NN => Four, "Người lao động làm việc trong cơ quan, tổ chức nước ngoài hoặc tổ chức quốc tế", "employees of foreign or international organisations";
    TK => Four, "Người lao động làm việc trong các tổ chức khác", "employees of other organisations";
    HC => Four, "Cán bộ, công chức, viên chức", "civil servants";
    XK => Four, "Người hoạt động không chuyên trách ở xã, phường, thị trấn", "non-specialised commune workers";
    HT => Three, "Người hưởng lương hưu, trợ cấp mất sức lao động hằng tháng", "pensioners";
    TB => Four, "Người hưởng trợ cấp hằng tháng do tai nạn lao động, bệnh nghề nghiệp", "work-accident or occupational-disease allowance recipients";
    NO => Four, "Người lao động nghỉ việc hưởng chế độ ốm đau dài ngày", "people on long-term sick leave";
    CT => Two, "Người từ đủ 80 tuổi trở lên đang hưởng trợ cấp tuất hằng tháng", "people aged 80 or over on survivor allowance";
    XB => Four, "Cán bộ xã, phường, thị trấn đã nghỉ việc hưởng trợ cấp bảo hiểm xã hội hằng tháng", "retired commune officials on social-insurance allowance";
    TN => Four, "Người đang hưởng trợ cấp thất nghiệp", "unemployment benefit recipients";
    CS => Four, "Công nhân cao su nghỉ việc đang hưởng trợ cấp hằng tháng", "retired rubber workers";
    QN => Five, "Quân nhân", "military personnel";
    CA => Five, "Sĩ quan, hạ sĩ quan, chiến sĩ công an nhân dân", "police officers";
    CY => Five, "Người làm công tác cơ yếu", "cipher personnel";
    XN => Four, "Cán bộ xã, phường, thị trấn đã nghỉ việc hưởng trợ cấp từ ngân sách nhà nước", "retired commune officials on state-budget allowance";
    MS => Four, "Người đã thôi hưởng trợ cấp mất sức lao động đang hưởng trợ cấp hằng tháng", "former incapacity allowance recipients";
    CC => One, "Người có công với cách mạng", "people with merit to the revolution";
    CK => Two, "Người có công với cách mạng khác", "other people with merit";
    CB => Two, "Cựu chiến binh", "veterans";
    KC => Two, "Người tham gia kháng chiến", "resistance participants";
    HD => Four, "Đại biểu Quốc hội, đại biểu Hội đồng nhân dân các cấp", "National Assembly and People's Council deputies";
    TE => One, "Trẻ em dưới 6 tuổi", "children under 6";
    BT => Two, "Người hưởng trợ cấp bảo trợ xã hội hằng tháng", "monthly social assistance recipients";
    HN => Two, "Người thuộc hộ gia đình nghèo", "members of poor households";
    DT => Two, "Người dân tộc thiểu số sống ở vùng có điều kiện kinh tế - xã hội khó khăn", "ethnic minorities in disadvantaged areas";
    DK => Two, "Người sống ở vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn", "residents of extremely disadvantaged areas";
    XD => Two, "Người sống ở xã đảo, huyện đảo", "residents of island communes";
    TS => Two, "Thân nhân của liệt sĩ", "relatives of martyrs";
    TC => Three, "Thân nhân của người có công với cách mạng", "relatives of people with merit";
    TQ => Four, "Thân nhân của quân nhân", "relatives of military personnel";
    TA => Four, "Thân nhân của công an nhân dân", "relatives of police officers";
    TY => Four, "Thân nhân của người làm công tác cơ yếu", "relatives of cipher personnel";
    HG => Four, "Người đã hiến bộ phận cơ thể người", "organ donors";
    LS => Four, "Người nước ngoài học tập tại Việt Nam được cấp học bổng từ ngân sách nhà nước", "foreign students on state scholarships";
    PV => Four, "Người phục vụ người có công với cách mạng", "carers of people with merit";
    CN => Three, "Người thuộc hộ gia đình cận nghèo", "members of near-poor households";
    HS => Four, "Học sinh", "pupils";
    SV => Four, "Sinh viên", "students";
    GB => Four, "Người thuộc hộ gia đình nông, lâm, ngư, diêm nghiệp có mức sống trung bình", "farming, forestry, fishery and salt households of average living standard";
    GD => Four, "Người tham gia bảo hiểm y tế theo hộ gia đình", "household-based participants";
}

/// Maps two letters to `index + 1` in [`GroupCode::ALL`] (0: not on the list). Indexed by
/// the letters' offsets from `A`, 5 bits each (32 x 32 slots, the unused ones 0), so a lookup
/// needs no multiplication. Built at compile time from the table above, which stays the
/// single source.
const LOOKUP: [u8; 32 * 32] = {
    let mut table = [0u8; 32 * 32];
    let mut i = 0;
    while i < GroupCode::ALL.len() {
        let code = GroupCode::ALL[i].as_str().as_bytes();
        table[((code[0] - b'A') as usize) << 5 | (code[1] - b'A') as usize] = i as u8 + 1;
        i += 1;
    }
    table
};

/// Bit `n` is set when some code on the list starts with the letter `b'A' + n`.
const FIRST_LETTERS: u32 = {
    let mut bits = 0u32;
    let mut i = 0;
    while i < GroupCode::ALL.len() {
        bits |= 1 << (GroupCode::ALL[i].as_str().as_bytes()[0] - b'A');
        i += 1;
    }
    bits
};

impl GroupCode {
    /// Looks up a code given as exactly two uppercase ASCII letters.
    ///
    /// ```
    /// use bhyt::GroupCode;
    /// assert_eq!(GroupCode::from_code("DN"), Some(GroupCode::DN));
    /// assert_eq!(GroupCode::from_code("dn"), None); // strict: uppercase only
    /// assert_eq!(GroupCode::from_code("CD"), None); // printed in a guide, but not on the list
    /// ```
    pub const fn from_code(code: &str) -> Option<GroupCode> {
        match code.as_bytes() {
            [a, b] => Self::from_letters(*a, *b),
            _ => None,
        }
    }

    /// Looks up a code from its two bytes; `None` unless both are on the list as `A`-`Z`.
    pub(crate) const fn from_letters(first: u8, second: u8) -> Option<GroupCode> {
        Self::from_slot(Self::slot(first, second))
    }

    /// The lookup slot of two bytes: `index + 1` in [`GroupCode::ALL`], or 0 when they are
    /// not a listed code. Branch-free: out-of-range bytes are masked into the table and then
    /// zeroed.
    #[inline(always)]
    pub(crate) const fn slot(first: u8, second: u8) -> u8 {
        let row = first.wrapping_sub(b'A');
        let column = second.wrapping_sub(b'A');
        let letters = (row < 26) & (column < 26);
        LOOKUP[((row & 31) as usize) << 5 | (column & 31) as usize] * letters as u8
    }

    /// The code in a lookup slot (see [`GroupCode::slot`]).
    #[inline(always)]
    pub(crate) const fn from_slot(slot: u8) -> Option<GroupCode> {
        match slot.checked_sub(1) {
            Some(index) if (index as usize) < GroupCode::ALL.len() => {
                Some(GroupCode::ALL[index as usize])
            }
            _ => None,
        }
    }

    /// Whether some code on the list starts with this byte (an uppercase ASCII letter).
    pub(crate) const fn starts_some_code(first: u8) -> bool {
        first.is_ascii_uppercase() && FIRST_LETTERS & (1 << (first - b'A')) != 0
    }
}

impl core::fmt::Display for GroupCode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A group code that BHXH added after the VNeID list was fixed (QĐ 1697/QĐ-BHXH, 2023).
///
/// The VNeID rule rejects these; the error says so specifically
/// ([`Error::LateGroupCode`](crate::Error::LateGroupCode)) so that the citizen knows the card
/// is not mistyped.
///
/// ```
/// use bhyt::{Error, LateGroupCode};
/// let err = bhyt::validate("ND4010123456789", None).unwrap_err();
/// assert_eq!(err, Error::LateGroupCode { position: 0, code: LateGroupCode::ND });
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LateGroupCode {
    /// `ND`: master artisans (nghệ nhân).
    ND,
    /// `TG`: remarried spouses of martyrs.
    TG,
    /// `AK`: residents of revolutionary safe-zone communes (an toàn khu).
    AK,
}

impl LateGroupCode {
    /// The two letters of the code.
    ///
    /// ```
    /// assert_eq!(bhyt::LateGroupCode::AK.as_str(), "AK");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            LateGroupCode::ND => "ND",
            LateGroupCode::TG => "TG",
            LateGroupCode::AK => "AK",
        }
    }

    /// Who belongs to the group, in the given language.
    ///
    /// ```
    /// use bhyt::{Lang, LateGroupCode};
    /// assert_eq!(LateGroupCode::ND.description(Lang::Vi), "Nghệ nhân");
    /// assert_eq!(LateGroupCode::ND.description(Lang::En), "master artisans");
    /// ```
    pub const fn description(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (LateGroupCode::ND, Lang::Vi) => "Nghệ nhân",
            (LateGroupCode::ND, Lang::En) => "master artisans",
            (LateGroupCode::TG, Lang::Vi) => "Vợ hoặc chồng liệt sĩ đã lấy chồng hoặc vợ khác",
            (LateGroupCode::TG, Lang::En) => "remarried spouses of martyrs",
            (LateGroupCode::AK, Lang::Vi) => "Người sống ở xã an toàn khu cách mạng",
            (LateGroupCode::AK, Lang::En) => "residents of revolutionary safe-zone communes",
        }
    }

    /// Who belongs to the group, in Vietnamese ([`description`](Self::description) with
    /// [`Lang::Vi`]).
    ///
    /// ```
    /// assert_eq!(bhyt::LateGroupCode::ND.description_vi(), "Nghệ nhân");
    /// ```
    pub const fn description_vi(self) -> &'static str {
        self.description(Lang::Vi)
    }

    /// Who belongs to the group, in English ([`description`](Self::description) with
    /// [`Lang::En`]).
    ///
    /// ```
    /// assert_eq!(bhyt::LateGroupCode::ND.description_en(), "master artisans");
    /// ```
    pub const fn description_en(self) -> &'static str {
        self.description(Lang::En)
    }

    pub(crate) const fn from_letters(first: u8, second: u8) -> Option<LateGroupCode> {
        match (first, second) {
            (b'N', b'D') => Some(LateGroupCode::ND),
            (b'T', b'G') => Some(LateGroupCode::TG),
            (b'A', b'K') => Some(LateGroupCode::AK),
            _ => None,
        }
    }
}

impl core::fmt::Display for LateGroupCode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_has_43_distinct_codes_and_lookup_inverts_as_str() {
        for (i, code) in GroupCode::ALL.iter().enumerate() {
            assert_eq!(GroupCode::ALL[i] as usize, i);
            assert_eq!(GroupCode::from_code(code.as_str()), Some(*code));
        }
        let found = (b'A'..=b'Z')
            .flat_map(|a| (b'A'..=b'Z').map(move |b| (a, b)))
            .filter(|&(a, b)| GroupCode::from_letters(a, b).is_some())
            .count();
        assert_eq!(found, 43);
    }

    #[test]
    fn late_codes_are_not_on_the_list() {
        for late in [LateGroupCode::ND, LateGroupCode::TG, LateGroupCode::AK] {
            assert_eq!(GroupCode::from_code(late.as_str()), None);
        }
    }
}
