//! The output shapes of results: one view of a card, an error and an advisory note, in one
//! language, for every program that shows them (the `bhyt` command's text and JSON, the
//! WebAssembly package). Each view is the one place where a result is turned into the values
//! it is shown with; with the `serde` feature each serialises with these field names
//! (snake_case). Each view states its field names once, in order, as `FIELDS`
//! ([`CardView::FIELDS`], [`ErrorView::FIELDS`], [`AdviceView::FIELDS`]): the keys of its
//! serialisation, and the names the JS package builds its objects from by one rename rule
//! (camelCase) instead of a second hand-written shape.

use core::fmt;

use crate::{
    Advice, AdviceMessage, BenefitLevel, CardKey, CardNumber, Error, Formatted, GroupCode,
    IdentifyError, IdentifyMessage, Issuer, Lang, Message, ProvinceCode, SocialInsuranceNumber,
    Style,
};

/// A card's decoded parts and display forms, in one language. The parts of the 15-character
/// form are `None` for the 10-digit form.
///
/// A card number is personal data: `Debug` shows the masked form only.
///
/// ```
/// use bhyt::Lang;
/// let card = bhyt::validate("HS4010120878811", None).unwrap();
/// let view = card.view(Lang::En);
/// assert_eq!(view.form, 15);
/// assert_eq!(view.group_description, Some("pupils"));
/// assert_eq!(view.benefit_meaning, Some("80% of in-scope costs"));
/// assert_eq!(view.issuer_name, Some("Vietnam Social Security"));
/// assert_eq!(view.masked.as_str(), "HS 4 01 ******8811");
/// assert_eq!(format!("{view:?}"), "CardView(\"HS 4 01 ******8811\")");
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CardView {
    /// 10 or 15.
    pub form: usize,
    /// Characters 1-2.
    pub group_code: Option<GroupCode>,
    /// Who belongs to the group.
    pub group_description: Option<&'static str>,
    /// Character 3.
    pub benefit_level: Option<BenefitLevel>,
    /// What the level pays.
    pub benefit_meaning: Option<&'static str>,
    /// The issuing body decoded from characters 4-5.
    pub issuer: Option<Issuer>,
    /// Its name.
    pub issuer_name: Option<&'static str>,
    /// Characters 4-5.
    pub province_code: Option<ProvinceCode>,
    /// The last 10 characters.
    pub social_insurance_number: SocialInsuranceNumber,
    /// The identity of the card, for finding duplicates.
    pub key: CardKey,
    /// [`Style::Compact`].
    pub compact: Formatted,
    /// [`Style::Grouped`].
    pub grouped: Formatted,
    /// [`Style::Masked`].
    pub masked: Formatted,
}

impl CardView {
    /// The names of the fields, in order: the keys of the serialisation (feature `serde`),
    /// and the names the JS package writes in camelCase.
    ///
    /// ```
    /// assert_eq!(bhyt::CardView::FIELDS[1], "group_code");
    /// ```
    pub const FIELDS: [&'static str; 13] = [
        "form",
        "group_code",
        "group_description",
        "benefit_level",
        "benefit_meaning",
        "issuer",
        "issuer_name",
        "province_code",
        "social_insurance_number",
        "key",
        "compact",
        "grouped",
        "masked",
    ];
}

impl CardNumber {
    /// The card's [`CardView`] in `lang`.
    ///
    /// ```
    /// let view = bhyt::validate("0120878811", None).unwrap().view(bhyt::Lang::Vi);
    /// assert_eq!((view.form, view.group_code), (10, None));
    /// ```
    pub fn view(&self, lang: Lang) -> CardView {
        let group_code = self.group_code();
        let benefit_level = self.benefit_level();
        let issuer = self.issuer();
        CardView {
            form: self.form().len(),
            group_code,
            group_description: group_code.map(|group| group.description(lang)),
            benefit_level,
            benefit_meaning: benefit_level.map(|level| level.meaning(lang)),
            issuer,
            issuer_name: issuer.map(|issuer| issuer.name(lang)),
            province_code: self.province_code(),
            social_insurance_number: self.social_insurance_number(),
            key: self.key(),
            compact: self.format(Style::Compact),
            grouped: self.format(Style::Grouped),
            masked: self.format(Style::Masked),
        }
    }
}

impl fmt::Debug for CardView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("CardView")
            .field(&self.masked.as_str())
            .finish()
    }
}

/// An error as it is shown: its stable code, its position and its message in one language.
/// Card errors (`ErrorView<Message>`) and [`identify`](crate::identify)'s errors
/// (`ErrorView<IdentifyMessage>`) have the same view; the message type is the error's own, so
/// that a program showing card errors only does not carry `identify`'s messages.
///
/// ```
/// use bhyt::Lang;
/// let view = bhyt::validate("DN4000123456789", None).unwrap_err().view(Lang::En);
/// assert_eq!((view.code, view.position), ("invalid_province_code", Some(3)));
/// assert_eq!(view.message.to_string(), "the province code (characters 4-5) cannot be 00");
/// let view = bhyt::identify("12345").unwrap_err().view(Lang::En);
/// assert_eq!((view.code, view.position), ("unrecognized_input", None));
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct ErrorView<M = Message> {
    /// The stable code.
    pub code: &'static str,
    /// The 0-based character position, if any.
    pub position: Option<usize>,
    /// The full message ([`Message`] or [`IdentifyMessage`]).
    pub message: M,
}

impl<M> ErrorView<M> {
    /// The names of the fields, in order (as [`CardView::FIELDS`]).
    ///
    /// ```
    /// assert_eq!(bhyt::ErrorView::<bhyt::Message>::FIELDS, ["code", "position", "message"]);
    /// ```
    pub const FIELDS: [&'static str; 3] = ["code", "position", "message"];
}

impl IdentifyError {
    /// The error's [`ErrorView`] in `lang`.
    ///
    /// ```
    /// let view = bhyt::identify("0790950012 4").unwrap_err().view(bhyt::Lang::En);
    /// assert_eq!(view.code, "invalid_personal_id");
    /// ```
    pub const fn view(&self, lang: Lang) -> ErrorView<IdentifyMessage> {
        ErrorView {
            code: self.code(),
            position: self.position(),
            message: self.message(lang),
        }
    }
}

impl Error {
    /// The error's [`ErrorView`] in `lang`.
    ///
    /// ```
    /// let view = bhyt::validate("123", None).unwrap_err().view(bhyt::Lang::Vi);
    /// assert_eq!(view.code, "invalid_length");
    /// ```
    pub const fn view(&self, lang: Lang) -> ErrorView<Message> {
        ErrorView {
            code: self.code().as_str(),
            position: self.position(),
            message: self.message(lang),
        }
    }
}

/// An advisory note as it is shown: its stable code and its message in one language.
///
/// ```
/// let note = bhyt::Advice::ShortFormInClaims.view(bhyt::Lang::En);
/// assert_eq!(note.code, "short_form_in_claims");
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct AdviceView {
    /// The stable code.
    pub code: &'static str,
    /// The full message.
    pub message: AdviceMessage,
}

impl AdviceView {
    /// The names of the fields, in order (as [`CardView::FIELDS`]).
    ///
    /// ```
    /// assert_eq!(bhyt::AdviceView::FIELDS, ["code", "message"]);
    /// ```
    pub const FIELDS: [&'static str; 2] = ["code", "message"];
}

impl Advice {
    /// The note's [`AdviceView`] in `lang`.
    ///
    /// ```
    /// let note = bhyt::Advice::ShortFormInClaims.view(bhyt::Lang::Vi);
    /// assert!(note.message.to_string().starts_with("MA_THE_BHYT"));
    /// ```
    pub const fn view(&self, lang: Lang) -> AdviceView {
        AdviceView {
            code: self.code().as_str(),
            message: self.message(lang),
        }
    }
}

#[cfg(feature = "serde")]
mod serde_views {
    use serde::ser::{SerializeStruct, Serializer};
    use serde::Serialize;

    use super::{AdviceView, CardView, ErrorView};

    // The keys are the views' `FIELDS`, taken apart in order: each name is written once.

    impl Serialize for CardView {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let [form, group_code, group_description, benefit_level, benefit_meaning, issuer, issuer_name, province_code, social_insurance_number, key, compact, grouped, masked] =
                CardView::FIELDS;
            let mut out = serializer.serialize_struct("CardView", CardView::FIELDS.len())?;
            out.serialize_field(form, &self.form)?;
            out.serialize_field(group_code, &self.group_code.map(|g| g.as_str()))?;
            out.serialize_field(group_description, &self.group_description)?;
            out.serialize_field(benefit_level, &self.benefit_level.map(|l| l.digit()))?;
            out.serialize_field(benefit_meaning, &self.benefit_meaning)?;
            out.serialize_field(issuer, &self.issuer)?;
            out.serialize_field(issuer_name, &self.issuer_name)?;
            out.serialize_field(province_code, &self.province_code.map(Text))?;
            out.serialize_field(
                social_insurance_number,
                self.social_insurance_number.as_str(),
            )?;
            out.serialize_field(key, &Text(self.key))?;
            out.serialize_field(compact, self.compact.as_str())?;
            out.serialize_field(grouped, self.grouped.as_str())?;
            out.serialize_field(masked, self.masked.as_str())?;
            out.end()
        }
    }

    impl<M: core::fmt::Display + Copy> Serialize for ErrorView<M> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let [code, position, message] = Self::FIELDS;
            let mut out = serializer.serialize_struct("ErrorView", Self::FIELDS.len())?;
            out.serialize_field(code, self.code)?;
            out.serialize_field(position, &self.position)?;
            out.serialize_field(message, &Text(self.message))?;
            out.end()
        }
    }

    impl Serialize for AdviceView {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let [code, message] = AdviceView::FIELDS;
            let mut out = serializer.serialize_struct("AdviceView", AdviceView::FIELDS.len())?;
            out.serialize_field(code, self.code)?;
            out.serialize_field(message, &Text(self.message))?;
            out.end()
        }
    }

    /// A value serialised as its `Display` text, without allocating.
    struct Text<T>(T);

    impl<T: core::fmt::Display> Serialize for Text<T> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_str(&self.0)
        }
    }
}
