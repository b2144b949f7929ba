//! Advisory notes: informative facts about an input, kept apart from the verdict.

use core::fmt;

use crate::code::{code_enum, write_message};
use crate::scan::Scan;
use crate::{
    normalize, validate, BenefitLevel, BirthPlaceCode, CardNumber, Error, Form, GroupCode,
    Identity, Issuer, Lang, LateGroupCode,
};

/// The advice table: one row per advice code, everything about it in its row (the variant of
/// [`Advice`] and the detail it carries, the number and stable name of its [`AdviceCode`],
/// when it is given and the source of the fact, the general message and, where the full one
/// says more, the full message's templates, English and Vietnamese side by side). [`Advice`],
/// [`AdviceCode`], their messages and doc tables are generated from it; the C constants and
/// the JS type are checked against it (`crates/bhyt-testdata/tests/tables.rs`).
macro_rules! advice_codes {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $number:literal, $name:literal $({
            $( $(#[$field_doc:meta])* $field:ident: $ty:ty, )*
        })?
        when: $when:literal,
        source: $source:literal,
        general: $general_en:literal / $general_vi:literal
        $(, message($lang:ident): $en:literal / $vi:literal $(, $arg:expr)*)?;
    )+) => {
        /// One advisory note: an informative fact about an input, kept apart from the verdict.
        /// Like [`Error`], it never holds the input: only categories (a group code, a benefit
        /// level) from the known lists.
        ///
        /// Advice never makes a valid number invalid, nor an invalid one valid: it explains. It
        /// draws on the background facts of `shared/spec/bhyt-card-number.md` (informative),
        /// which is why it is not part of the rule:
        ///
        /// | code | when | source |
        /// |---|---|---|
        $(#[doc = concat!("| `", $name, "` | ", $when, " | ", $source, " |")])+
        ///
        /// ```
        /// use bhyt::{Advice, BenefitLevel, GroupCode, Lang};
        /// let card = bhyt::validate("HS1010120878811", None).unwrap();
        /// let advice: Vec<Advice> = card.advice().collect();
        /// assert_eq!(advice, [Advice::UnusualBenefitLevel {
        ///     group: GroupCode::HS,
        ///     level: BenefitLevel::One,
        ///     usual: BenefitLevel::Four,
        /// }]);
        /// assert_eq!(advice[0].code().as_str(), "unusual_benefit_level");
        /// assert_eq!(
        ///     advice[0].message(Lang::En).to_string(),
        ///     "benefit level 1 differs from level 4, usual for group HS; this is normal for a person who belongs to several groups (the best level applies)"
        /// );
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Advice {
            $(
                $(#[$doc])*
                $variant $({ $( $(#[$field_doc])* $field: $ty, )* })?,
            )+
        }

        impl Advice {
            /// The stable code of the note.
            ///
            /// ```
            /// assert_eq!(bhyt::Advice::ShortFormInClaims.code().as_str(), "short_form_in_claims");
            /// ```
            pub const fn code(&self) -> AdviceCode {
                match self {
                    $(Advice::$variant { .. } => AdviceCode::$variant,)+
                }
            }
        }

        impl fmt::Display for AdviceMessage {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.advice {
                    $(
                        #[allow(unused_variables)]
                        Advice::$variant { $($($field,)*)? } => write_message!(
                            f, self.lang, AdviceCode::$variant
                            $(, $lang, $en, $vi $(, $arg)*)?
                        ),
                    )+
                }
            }
        }

        code_enum! {
            /// The stable code of an [`Advice`], shared by the Rust, C and JS layers.
            pub enum AdviceCode {
                $($variant = $number, $name, $when, $general_en / $general_vi;)+
            }
            /// ```
            /// use bhyt::AdviceCode;
            /// assert_eq!(AdviceCode::ShortFormInClaims.number(), 4);
            /// assert_eq!(AdviceCode::IssuedAfterVneidList.as_str(), "issued_after_vneid_list");
            /// assert_eq!(AdviceCode::from_number(4), Some(AdviceCode::ShortFormInClaims));
            /// assert_eq!(
            ///     AdviceCode::ShortFormInClaims.message(bhyt::Lang::En),
            ///     "MA_THE_BHYT holds the 10-digit form: the claims field normally holds the 15-character card code"
            /// );
            /// ```
        }
    };
}

advice_codes! {
    /// A valid 15-character card whose benefit digit differs from the level usual for its
    /// group.
    UnusualBenefitLevel = 1, "unusual_benefit_level" {
        /// The card's group code.
        group: GroupCode,
        /// The card's benefit level.
        level: BenefitLevel,
        /// The level usual for the group ([`GroupCode::usual_benefit_level`]).
        usual: BenefitLevel,
    }
    when: "a valid 15-character card whose benefit digit differs from the level usual for its group (normal for a person in several groups, who gets the best level)",
    source: "QĐ 1351/QĐ-BHXH",
    general: "the benefit level differs from the level usual for the group; this is normal for a person who belongs to several groups (the best level applies)"
        / "Mức hưởng khác mức thường gặp của nhóm đối tượng; điều này bình thường với người thuộc nhiều nhóm đối tượng (được hưởng mức cao nhất)",
    message(lang): "benefit level {} differs from level {}, usual for group {}; this is normal for a person who belongs to several groups (the best level applies)"
        / "Mức hưởng {} khác mức {} thường gặp của nhóm {}; điều này bình thường với người thuộc nhiều nhóm đối tượng (được hưởng mức cao nhất)",
        level, usual, group;

    /// A card number rejected for its group code ND, TG or AK, which BHXH added after the
    /// VNeID list was fixed.
    IssuedAfterVneidList = 2, "issued_after_vneid_list" {
        /// Which code.
        code: LateGroupCode,
        /// Whether the rest of the number (characters 3-15) fits the rule: then its last 10
        /// characters, the 10-digit form of the same card, pass the VNeID rule.
        short_form_passes: bool,
    }
    when: "an invalid card whose group code is ND, TG or AK: a real code, added after the VNeID list was fixed; says whether the rest of the number fits the rule, in which case its last 10 characters pass the VNeID rule as the 10-digit form",
    source: "QĐ 1697/QĐ-BHXH",
    general: "the group code was added by BHXH in 2023 (QĐ 1697/QĐ-BHXH), after the VNeID list was fixed: the card may well be genuine, but VNeID does not accept its 15-character form"
        / "Mã đối tượng được BHXH bổ sung năm 2023 (QĐ 1697/QĐ-BHXH), sau khi danh sách của VNeID được ban hành: thẻ có thể vẫn đúng, nhưng VNeID không nhận dạng 15 ký tự",
    message(lang): "{} ({}) is a group code BHXH added in 2023 (QĐ 1697/QĐ-BHXH), after the VNeID list was fixed: the card may well be genuine, but VNeID does not accept its 15-character form{}"
        / "{} ({}) là mã đối tượng BHXH bổ sung năm 2023 (QĐ 1697/QĐ-BHXH), sau khi danh sách của VNeID được ban hành: thẻ có thể vẫn đúng, nhưng VNeID không nhận dạng 15 ký tự{}",
        code, code.description(lang), short_form_note(short_form_passes, lang);

    /// A personal identification number whose digits 1-3 are not on the 2016 list of the 63
    /// provinces: possibly a country code (birth registered abroad), a code from a later
    /// list, or a typing error.
    UnlistedBirthPlaceCode = 3, "unlisted_birth_place_code" {
        /// Digits 1-3.
        code: BirthPlaceCode,
    }
    when: "a 12-digit personal identification number whose digits 1-3 are not on the 2016 list of the 63 provinces",
    source: "Thông tư 07/2016/TT-BCA",
    general: "digits 1-3 are not on the 2016 list of the codes of the 63 provinces: they may be the code of a country (birth registered abroad), a code from a later list, or a typing error"
        / "3 chữ số đầu không có trong danh mục mã 63 tỉnh, thành phố năm 2016: có thể là mã quốc gia (khai sinh ở nước ngoài), mã theo danh mục mới hơn, hoặc nhập sai";

    /// A valid 10-digit item in a claims `MA_THE_BHYT` field.
    ShortFormInClaims = 4, "short_form_in_claims"
    when: "a valid 10-digit item in a claims `MA_THE_BHYT` field, which normally holds the 15-character code",
    source: "QĐ 130/QĐ-BYT",
    general: "MA_THE_BHYT holds the 10-digit form: the claims field normally holds the 15-character card code"
        / "MA_THE_BHYT ghi dạng 10 chữ số: trường này của hồ sơ giám định thường ghi mã thẻ 15 ký tự";
}

/// The end of [`Advice::IssuedAfterVneidList`]'s message when the 10-digit form passes.
const fn short_form_note(short_form_passes: bool, lang: Lang) -> &'static str {
    match (short_form_passes, lang) {
        (false, _) => "",
        (true, Lang::En) => "; its last 10 characters (the 10-digit form) pass the VNeID rule",
        (true, Lang::Vi) => {
            "; có thể nhập 10 ký tự cuối (mã số BHXH), dạng này đạt quy tắc của VNeID"
        }
    }
}

impl Advice {
    /// The full message in the given language, with the details of this note.
    ///
    /// ```
    /// use bhyt::Lang;
    /// let advice = bhyt::advise("ND4010123456789", None).next().unwrap();
    /// assert_eq!(
    ///     advice.message(Lang::En).to_string(),
    ///     "ND (master artisans) is a group code BHXH added in 2023 (QĐ 1697/QĐ-BHXH), after the VNeID list was fixed: the card may well be genuine, but VNeID does not accept its 15-character form; its last 10 characters (the 10-digit form) pass the VNeID rule"
    /// );
    /// ```
    pub const fn message(&self, lang: Lang) -> AdviceMessage {
        AdviceMessage {
            advice: *self,
            lang,
        }
    }
}

/// An [`Advice`]'s message in one language; writes without allocating.
///
/// ```
/// let text = bhyt::Advice::ShortFormInClaims.message(bhyt::Lang::Vi).to_string();
/// assert!(text.starts_with("MA_THE_BHYT"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct AdviceMessage {
    advice: Advice,
    lang: Lang,
}

/// The advisory notes on one input, in a fixed-size value: an iterator of [`Advice`].
///
/// ```
/// assert_eq!(bhyt::advise("DN4010123456789", None).count(), 0);
/// assert_eq!(bhyt::advise("DN1010123456789", None).count(), 1);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Advisories {
    items: [Option<Advice>; Advisories::CAPACITY],
    next: usize,
}

impl Advisories {
    /// More than any input can get.
    const CAPACITY: usize = 3;

    pub(crate) fn push(&mut self, advice: Advice) {
        if let Some(slot) = self.items.iter_mut().find(|slot| slot.is_none()) {
            *slot = Some(advice);
        }
    }
}

impl Iterator for Advisories {
    type Item = Advice;

    fn next(&mut self) -> Option<Advice> {
        let item = self.items.get(self.next).copied().flatten()?;
        self.next += 1;
        Some(item)
    }
}

impl CardNumber {
    /// The advisory notes on a valid card ([`Advice::UnusualBenefitLevel`]); never a verdict.
    ///
    /// ```
    /// assert_eq!(bhyt::validate("TE1010123456789", None).unwrap().advice().count(), 0);
    /// assert_eq!(bhyt::validate("TE4010123456789", None).unwrap().advice().count(), 1);
    /// ```
    pub fn advice(&self) -> Advisories {
        let mut out = Advisories::default();
        if let (Some(group), Some(level)) = (self.group_code(), self.benefit_level()) {
            let usual = group.usual_benefit_level();
            if level != usual {
                out.push(Advice::UnusualBenefitLevel {
                    group,
                    level,
                    usual,
                });
            }
        }
        out
    }
}

/// The advisory notes on `input`, read exactly as typed, like [`identify`](crate::identify)
/// reads it (the issuing body applies to card numbers). They never change the verdict of
/// [`validate`](crate::validate) or [`identify`](crate::identify): see [`Advice`] for what
/// is noted.
///
/// ```
/// use bhyt::{Advice, LateGroupCode};
/// assert_eq!(
///     bhyt::advise("TG4010123456789", None).collect::<Vec<_>>(),
///     [Advice::IssuedAfterVneidList { code: LateGroupCode::TG, short_form_passes: true }]
/// );
/// assert_eq!(
///     bhyt::advise("TG6010123456789", None).collect::<Vec<_>>(),
///     [Advice::IssuedAfterVneidList { code: LateGroupCode::TG, short_form_passes: false }]
/// );
/// assert_eq!(bhyt::advise("003095001234", None).count(), 1);
/// ```
pub fn advise(input: impl AsRef<[u8]>, issuer: Option<Issuer>) -> Advisories {
    let input = input.as_ref();
    let scan = Scan::strict(input);
    advise_chars(scan.chars(), scan.len(), issuer)
}

/// [`advise`] for pasted text, normalised as [`validate_lenient`](crate::validate_lenient)
/// normalises it: the shorthand of [`Mode::Lenient`](crate::Mode::Lenient)`.advise`.
///
/// ```
/// assert_eq!(bhyt::advise_lenient(" nd 4 01 0123456789 ", None).count(), 1);
/// ```
pub fn advise_lenient(input: impl AsRef<[u8]>, issuer: Option<Issuer>) -> Advisories {
    match normalize(input) {
        Ok(normalized) => {
            let text = normalized.as_str().as_bytes();
            let scan = Scan::strict(text);
            advise_chars(scan.chars(), scan.len(), issuer)
        }
        Err(_) => Advisories::default(),
    }
}

/// The notes on scanned characters (`len` of them in all; `chars` holds the first ones).
fn advise_chars(chars: &[u8], len: usize, issuer: Option<Issuer>) -> Advisories {
    let mut out = Advisories::default();
    match crate::identify(chars.get(..len).unwrap_or(chars)) {
        Ok(Identity::Card(card)) => return card.advice(),
        Ok(Identity::CardQr(qr)) => return qr.card().advice(),
        Ok(identity @ (Identity::PersonalId(_) | Identity::PersonalIdQr(_))) => {
            let Some(id) = identity.personal_id() else {
                return out;
            };
            if !id.birth_place().is_on_2016_province_list() {
                out.push(Advice::UnlistedBirthPlaceCode {
                    code: id.birth_place(),
                });
            }
        }
        Err(_) => {}
    }
    if let Err(Error::LateGroupCode { code, .. }) = validate(chars, issuer) {
        out.push(Advice::IssuedAfterVneidList {
            code,
            short_form_passes: rest_fits(chars, issuer),
        });
    }
    out
}

/// Whether a 15-character number with a late group code would pass the rule with a listed
/// code in its place: then its last 10 characters are a valid 10-digit form.
fn rest_fits(chars: &[u8], issuer: Option<Issuer>) -> bool {
    let Ok(mut copy) = <[u8; 15]>::try_from(chars) else {
        return false;
    };
    let listed = GroupCode::ALL[0].as_str().as_bytes();
    copy[0] = listed[0];
    copy[1] = listed[1];
    matches!(validate(copy, issuer), Ok(card) if card.form() == Form::Full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_usual_level_gets_no_note_and_every_other_level_does() {
        for group in GroupCode::ALL {
            for digit in 1..=5u8 {
                let mut text = *b"DN4010123456789";
                text[..2].copy_from_slice(group.as_str().as_bytes());
                text[2] = b'0' + digit;
                let card = validate(text, None).unwrap();
                let notes = card.advice().count();
                assert_eq!(
                    notes,
                    usize::from(group.usual_benefit_level().digit() != digit)
                );
            }
        }
    }

    #[test]
    fn advisories_hold_at_most_their_capacity() {
        let mut advice = Advisories::default();
        for _ in 0..5 {
            advice.push(Advice::ShortFormInClaims);
        }
        assert_eq!(advice.count(), Advisories::CAPACITY);
    }
}
