//! The output shapes of results: one view of a card, an error, an advisory note and an
//! identity (what [`identify`](crate::identify) found: a card, a personal identification
//! number, a card's or a CCCD's QR code), in one language, for every program that shows them (the `bhyt` command's text and JSON, the
//! WebAssembly package). Each view is the one place where a result is turned into the values
//! it is shown with; with the `serde` feature each serialises with these field names
//! (snake_case). Each view states its field names once, in order, as `FIELDS`
//! ([`CardView::FIELDS`], [`ErrorView::FIELDS`], [`AdviceView::FIELDS`],
//! [`PersonalIdView::FIELDS`], [`CardQrView::FIELDS`], [`PersonalIdQrView::FIELDS`],
//! [`RawFieldView::FIELDS`]): the keys of its
//! serialisation, and the names the JS package builds its objects from by one rename rule
//! (camelCase) instead of a second hand-written shape.

use core::fmt;

use crate::qr::{trim_line_end, Fields};
use crate::{
    Advice, AdviceMessage, Advisories, BenefitLevel, BirthDate, BirthPlaceCode, BufferTooSmall,
    CardKey, CardNumber, CardQr, Date, Error, FacilityCode, Formatted, GroupCode, IdentifyError,
    IdentifyMessage, Identity, Issuer, Lang, MaTheItem, MaskedPersonalId, Message, PersonalId,
    PersonalIdQr, ProvinceCode, QrLayout, Sex, SocialInsuranceNumber, Style, MAX_QR_FIELDS,
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

/// A decoded personal identification number (CCCD), as it is shown.
///
/// The number is personal data: `Debug` shows the masked form only.
///
/// ```
/// let id = bhyt::identify("079095001234").unwrap().personal_id().unwrap();
/// let view = id.view();
/// assert_eq!(view.birth_place_code.to_string(), "079");
/// assert!(view.birth_place_on_2016_province_list);
/// assert_eq!((view.century, view.birth_year), (1900, 1995));
/// assert_eq!(format!("{view:?}"), "PersonalIdView(\"********1234\")");
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct PersonalIdView {
    /// The 12 digits.
    pub digits: PersonalId,
    /// The digits masked but the last 4.
    pub masked: MaskedPersonalId,
    /// Digits 1-3: the birth registration code.
    pub birth_place_code: BirthPlaceCode,
    /// Whether that code is on the 2016 province list.
    pub birth_place_on_2016_province_list: bool,
    /// Digit 4, with the century.
    pub sex: Sex,
    /// The first year of the century of birth (1900 for 1900-1999).
    pub century: u16,
    /// The year of birth.
    pub birth_year: u16,
}

impl PersonalIdView {
    /// The names of the fields, in order (as [`CardView::FIELDS`]). The JS package folds
    /// `birth_place_on_2016_province_list` into `birth_place_code`:
    /// `birthPlace`, an object of `code` and `onProvinceList2016`.
    ///
    /// ```
    /// assert_eq!(bhyt::PersonalIdView::FIELDS[2], "birth_place_code");
    /// ```
    pub const FIELDS: [&'static str; 7] = [
        "digits",
        "masked",
        "birth_place_code",
        "birth_place_on_2016_province_list",
        "sex",
        "century",
        "birth_year",
    ];
}

impl PersonalId {
    /// The number's [`PersonalIdView`].
    ///
    /// ```
    /// let id = bhyt::identify("079095001234").unwrap().personal_id().unwrap();
    /// assert_eq!(id.view().sex, bhyt::Sex::Male);
    /// ```
    pub const fn view(&self) -> PersonalIdView {
        PersonalIdView {
            digits: *self,
            masked: self.masked(),
            birth_place_code: self.birth_place(),
            birth_place_on_2016_province_list: self.birth_place().is_on_2016_province_list(),
            sex: self.sex(),
            century: self.century(),
            birth_year: self.birth_year(),
        }
    }
}

impl fmt::Debug for PersonalIdView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PersonalIdView")
            .field(&self.masked.as_str())
            .finish()
    }
}

/// A field of a QR code that is kept raw: its 0-based index in the payload and its text.
///
/// The text may be personal data: `Debug` shows the index only.
#[derive(Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RawFieldView<'a> {
    /// The field's 0-based index.
    pub index: usize,
    /// The field as typed (empty if it is not UTF-8).
    pub value: &'a str,
}

impl RawFieldView<'_> {
    /// The names of the fields, in order (as [`CardView::FIELDS`]).
    ///
    /// ```
    /// assert_eq!(bhyt::RawFieldView::FIELDS, ["index", "value"]);
    /// ```
    pub const FIELDS: [&'static str; 2] = ["index", "value"];
}

impl fmt::Debug for RawFieldView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("RawFieldView").field(&self.index).finish()
    }
}

/// The fields of a QR code kept raw, each a [`RawFieldView`] (see
/// [`CardQr::raw_field_indexes`], [`PersonalIdQr::raw_field_indexes`]).
#[derive(Clone, Copy)]
pub struct RawFields<'a> {
    payload: &'a [u8],
    /// Bit `i` set: field `i` is kept raw (there are at most [`MAX_QR_FIELDS`] = 32).
    raw: u32,
    fields: Fields,
}

impl<'a> RawFields<'a> {
    fn new(payload: &'a [u8], raw: u32, fields: Fields) -> Self {
        RawFields {
            payload: trim_line_end(payload),
            raw,
            fields,
        }
    }

    /// The raw fields, in payload order.
    ///
    /// ```
    /// let payload = "0120878811|41|1990|2|-|01028|01/01/2025|-|01/01/2025|79|-|4";
    /// let qr = bhyt::identify(payload).unwrap().card_qr().unwrap();
    /// let mut buf = [0; 256];
    /// let view = qr.view(payload.as_bytes(), bhyt::Lang::En, &mut buf).unwrap();
    /// let raw: Vec<_> = view.raw_fields.iter().map(|f| (f.index, f.value)).collect();
    /// assert_eq!(raw, [(11, "4")]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = RawFieldView<'a>> {
        let RawFields {
            payload,
            raw,
            fields,
        } = *self;
        (0..MAX_QR_FIELDS)
            .filter(move |&index| raw >> index & 1 == 1)
            .map(move |index| RawFieldView {
                index,
                value: fields
                    .span(index)
                    .and_then(|span| payload.get(span))
                    .and_then(|bytes| core::str::from_utf8(bytes).ok())
                    .unwrap_or_default(),
            })
    }
}

impl fmt::Debug for RawFields<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.iter().map(|field| field.index))
            .finish()
    }
}

/// A BHYT card's QR code as it is shown: the card's view and the decoded fields, in one
/// language; dates ISO (`yyyy-mm-dd`), a birth year alone `yyyy`. Texts are decoded into a
/// buffer given to [`CardQr::view`].
///
/// Names, the address and dates of birth are personal data: `Debug` shows the masked card
/// only.
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct CardQrView<'a> {
    /// The card (field 0).
    pub card: CardView,
    /// The full name (field 1).
    pub name: &'a str,
    /// The date of birth (field 2).
    pub birth_date: BirthDate,
    /// The sex (field 3).
    pub sex: Sex,
    /// The address (field 4), if any.
    pub address: Option<&'a str>,
    /// The initial registered facility (field 5).
    pub facility_code: FacilityCode,
    /// Valid from (field 6).
    pub valid_from: Date,
    /// Valid to (field 7); `None`: no end date.
    pub valid_to: Option<Date>,
    /// The issue date (field 8).
    pub issued_on: Date,
    /// The manager code (field 9).
    pub manager_code: &'a str,
    /// The parent or guardian's name (field 10), if any.
    pub guardian_name: Option<&'a str>,
    /// The date of 5 continuous years (field 12), if any.
    pub five_years_on: Option<Date>,
    /// The fields kept raw.
    pub raw_fields: RawFields<'a>,
    /// The payload's layout.
    pub layout: QrLayout,
    /// Whether Telex damage was repaired.
    pub repaired: bool,
    /// Whether a hex field was read as UTF-16LE.
    pub utf16: bool,
}

impl CardQrView<'_> {
    /// The names of the fields, in order (as [`CardView::FIELDS`]).
    ///
    /// ```
    /// assert_eq!(bhyt::CardQrView::FIELDS[..2], ["card", "name"]);
    /// ```
    pub const FIELDS: [&'static str; 16] = [
        "card",
        "name",
        "birth_date",
        "sex",
        "address",
        "facility_code",
        "valid_from",
        "valid_to",
        "issued_on",
        "manager_code",
        "guardian_name",
        "five_years_on",
        "raw_fields",
        "layout",
        "repaired",
        "utf16",
    ];
}

impl fmt::Debug for CardQrView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("CardQrView")
            .field(&self.card.masked.as_str())
            .finish()
    }
}

impl CardQr {
    /// The QR code's [`CardQrView`] in `lang`, its texts decoded from `payload` (the payload
    /// read) into `buf`, a third of it for each of the three: a buffer three times as long
    /// as the payload always suffices.
    ///
    /// ```
    /// let payload = "HS4010120878811|4e677579e1bb856e|15/08/1990|1|-|01 - 028|01/01/2025|-|01/01/2025|79";
    /// let qr = bhyt::identify(payload).unwrap().card_qr().unwrap();
    /// let mut buf = [0; 256];
    /// let view = qr.view(payload.as_bytes(), bhyt::Lang::En, &mut buf).unwrap();
    /// assert_eq!((view.name, view.birth_date.to_string()), ("Nguyễn", "1990-08-15".into()));
    /// assert_eq!(format!("{view:?}"), "CardQrView(\"HS 4 01 ******8811\")");
    /// ```
    pub fn view<'a>(
        &self,
        payload: &'a [u8],
        lang: Lang,
        buf: &'a mut [u8],
    ) -> Result<CardQrView<'a>, BufferTooSmall> {
        // A third of `buf` for each decoded text.
        let third = buf.len() / 3;
        let (name, rest) = buf.split_at_mut_checked(third).unwrap_or_default();
        let (address, guardian_name) = rest.split_at_mut_checked(third).unwrap_or_default();
        let name = self.name(payload, name)?;
        let address = self.address(payload, address)?;
        let guardian_name = self.guardian_name(payload, guardian_name)?;
        Ok(CardQrView {
            card: self.card().view(lang),
            name,
            birth_date: self.birth_date(),
            sex: self.sex(),
            address,
            facility_code: self.facility_code(),
            valid_from: self.valid_from(),
            valid_to: self.valid_to(),
            issued_on: self.issued_on(),
            manager_code: self.manager_code(payload),
            guardian_name,
            five_years_on: self.five_years_on(),
            raw_fields: RawFields::new(payload, self.raw_mask(), self.fields()),
            layout: self.layout(),
            repaired: self.repaired(),
            utf16: self.utf16(),
        })
    }
}

/// A CCCD's QR code as it is shown: the number's view and the other fields; dates ISO.
///
/// Names, addresses and dates of birth are personal data: `Debug` shows the masked number
/// only.
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct PersonalIdQrView<'a> {
    /// The personal identification number (field 0).
    pub personal_id: PersonalIdView,
    /// The old 9-digit CMND number (field 1), if any.
    pub old_id: Option<&'a str>,
    /// The full name (field 2), if any.
    pub name: Option<&'a str>,
    /// The date of birth (field 3), if any.
    pub birth_date: Option<Date>,
    /// The sex (field 4), if any.
    pub sex: Option<Sex>,
    /// The permanent address (field 5), if any.
    pub address: Option<&'a str>,
    /// The issue date (field 6), if any.
    pub issued_on: Option<Date>,
    /// The fields kept raw.
    pub raw_fields: RawFields<'a>,
}

impl PersonalIdQrView<'_> {
    /// The names of the fields, in order (as [`CardView::FIELDS`]).
    ///
    /// ```
    /// assert_eq!(bhyt::PersonalIdQrView::FIELDS[..2], ["personal_id", "old_id"]);
    /// ```
    pub const FIELDS: [&'static str; 8] = [
        "personal_id",
        "old_id",
        "name",
        "birth_date",
        "sex",
        "address",
        "issued_on",
        "raw_fields",
    ];
}

impl fmt::Debug for PersonalIdQrView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PersonalIdQrView")
            .field(&self.personal_id.masked.as_str())
            .finish()
    }
}

impl PersonalIdQr {
    /// The QR code's [`PersonalIdQrView`], its texts read from `payload` (the payload read).
    ///
    /// ```
    /// let payload = "079095001234||Nguyễn Văn A|15081995|Nam|Huế|01012021";
    /// let qr = bhyt::identify(payload).unwrap().personal_id_qr().unwrap();
    /// let view = qr.view(payload.as_bytes());
    /// assert_eq!((view.old_id, view.name), (None, Some("Nguyễn Văn A")));
    /// assert_eq!(format!("{view:?}"), "PersonalIdQrView(\"********1234\")");
    /// ```
    pub fn view<'a>(&self, payload: &'a [u8]) -> PersonalIdQrView<'a> {
        PersonalIdQrView {
            personal_id: self.personal_id().view(),
            old_id: self.old_id(payload),
            name: self.name(payload),
            birth_date: self.birth_date(),
            sex: self.sex(),
            address: self.address(payload),
            issued_on: self.issued_on(),
            raw_fields: RawFields::new(payload, self.raw_mask(), self.fields()),
        }
    }
}

/// What [`identify`](crate::identify) found, as it is shown: its `kind` (as
/// [`Identity::kind`]), then the view of what was found. It serialises (feature `serde`) as
/// `kind`, then for a card the field `card` ([`CardView`]), for a personal identification
/// number `personal_id` ([`PersonalIdView`]), for a QR code its view's fields
/// ([`CardQrView::FIELDS`], [`PersonalIdQrView::FIELDS`]).
///
/// `Debug` shows masked values only.
///
/// ```
/// let input = "079095001234";
/// let view = bhyt::identify(input).unwrap().view(input.as_bytes(), bhyt::Lang::En, &mut []).unwrap();
/// assert_eq!(view.kind(), "personal_id");
/// assert_eq!(format!("{view:?}"), "PersonalId(PersonalIdView(\"********1234\"))");
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum IdentityView<'a> {
    /// A card number.
    Card(CardView),
    /// A personal identification number.
    PersonalId(PersonalIdView),
    /// A card's QR code.
    CardQr(CardQrView<'a>),
    /// A CCCD's QR code.
    PersonalIdQr(PersonalIdQrView<'a>),
}

impl IdentityView<'_> {
    /// The names of the fields before the kind's own, in order (as [`CardView::FIELDS`]).
    ///
    /// ```
    /// assert_eq!(bhyt::IdentityView::FIELDS, ["kind"]);
    /// ```
    pub const FIELDS: [&'static str; 1] = ["kind"];

    /// `card`, `personal_id`, `card_qr` or `personal_id_qr`, as [`Identity::kind`]; for a
    /// card and a personal identification number, also the name of the field holding its
    /// view.
    ///
    /// ```
    /// let view = bhyt::identify("0120878811").unwrap().view(b"", bhyt::Lang::Vi, &mut []).unwrap();
    /// assert_eq!(view.kind(), "card");
    /// ```
    pub const fn kind(&self) -> &'static str {
        match self {
            IdentityView::Card(_) => "card",
            IdentityView::PersonalId(_) => "personal_id",
            IdentityView::CardQr(_) => "card_qr",
            IdentityView::PersonalIdQr(_) => "personal_id_qr",
        }
    }
}

impl Identity {
    /// What was found as an [`IdentityView`] in `lang`; a QR code's texts are read from
    /// `payload` (the input identified) and decoded into `buf`, for which a buffer three
    /// times as long as the payload always suffices (an empty one for anything but a card's
    /// QR code).
    ///
    /// ```
    /// let view = bhyt::identify("HS4010120878811").unwrap().view(b"", bhyt::Lang::En, &mut []).unwrap();
    /// assert!(matches!(view, bhyt::IdentityView::Card(card) if card.form == 15));
    /// ```
    pub fn view<'a>(
        &self,
        payload: &'a [u8],
        lang: Lang,
        buf: &'a mut [u8],
    ) -> Result<IdentityView<'a>, BufferTooSmall> {
        Ok(match self {
            Identity::Card(card) => IdentityView::Card(card.view(lang)),
            Identity::PersonalId(id) => IdentityView::PersonalId(id.view()),
            Identity::CardQr(qr) => IdentityView::CardQr(qr.view(payload, lang, buf)?),
            Identity::PersonalIdQr(qr) => IdentityView::PersonalIdQr(qr.view(payload)),
        })
    }
}

/// One item of a claims `MA_THE_BHYT` field as it is shown: its index, where it is in the
/// field (`start`, `end`: character positions in the whole field), its verdict, of `card`
/// and `error` only the one it has, and its advisory notes in one language.
///
/// `Debug` shows masked values only.
///
/// ```
/// let item = bhyt::parse_ma_the_bhyt(b"HS4010120878811; DN4000123456789", None).nth(1).unwrap();
/// let view = item.view(bhyt::Lang::En);
/// assert_eq!((view.index, view.start, view.end, view.valid), (1, 17, 32, false));
/// assert_eq!(view.error.unwrap().position, Some(20));
/// assert!(view.card.is_none());
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct MaTheItemView {
    /// The 0-based index of the item in the field.
    pub index: usize,
    /// Where its text starts.
    pub start: usize,
    /// Where its text ends.
    pub end: usize,
    /// Whether it is a valid card number.
    pub valid: bool,
    /// The card, when valid.
    pub card: Option<CardView>,
    /// The error, when invalid.
    pub error: Option<ErrorView>,
    /// The advisory notes.
    pub advice: Advisories,
    /// The language of the notes' messages (read by the serialisation).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    lang: Lang,
}

impl MaTheItemView {
    /// The names of the fields, in order (as [`CardView::FIELDS`]); of `card` and `error`
    /// only the one the item has is written.
    ///
    /// ```
    /// assert_eq!(bhyt::MaTheItemView::FIELDS[3..6], ["valid", "card", "error"]);
    /// ```
    pub const FIELDS: [&'static str; 7] =
        ["index", "start", "end", "valid", "card", "error", "advice"];
}

impl MaTheItem<'_> {
    /// The item's [`MaTheItemView`] in `lang`.
    ///
    /// ```
    /// let item = bhyt::parse_ma_the_bhyt(b"HS4010120878811", None).next().unwrap();
    /// assert_eq!(item.view(bhyt::Lang::Vi).card.unwrap().form, 15);
    /// ```
    pub fn view(&self, lang: Lang) -> MaTheItemView {
        let verdict = self.result();
        // Characters: every byte but UTF-8 continuation bytes.
        let chars = self.text().iter().filter(|&&b| (b as i8) >= -0x40).count();
        MaTheItemView {
            index: self.index(),
            start: self.position(),
            end: self.position().saturating_add(chars),
            valid: verdict.is_ok(),
            card: verdict.as_ref().ok().map(|card| card.view(lang)),
            error: verdict.as_ref().err().map(|error| error.view(lang)),
            advice: self.advice(),
            lang,
        }
    }
}

#[cfg(feature = "serde")]
mod serde_views {
    use serde::ser::{SerializeStruct, Serializer};
    use serde::Serialize;

    use super::{
        AdviceView, CardQrView, CardView, ErrorView, IdentityView, MaTheItemView, PersonalIdQrView,
        PersonalIdView, RawFieldView, RawFields,
    };

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

    impl Serialize for PersonalIdView {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let [digits, masked, birth_place_code, on_list, sex, century, birth_year] =
                PersonalIdView::FIELDS;
            let mut out = serializer.serialize_struct("PersonalIdView", Self::FIELDS.len())?;
            out.serialize_field(digits, self.digits.as_str())?;
            out.serialize_field(masked, self.masked.as_str())?;
            out.serialize_field(birth_place_code, &Text(self.birth_place_code))?;
            out.serialize_field(on_list, &self.birth_place_on_2016_province_list)?;
            out.serialize_field(sex, self.sex.as_str())?;
            out.serialize_field(century, &self.century)?;
            out.serialize_field(birth_year, &self.birth_year)?;
            out.end()
        }
    }

    impl Serialize for RawFieldView<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let [index, value] = RawFieldView::FIELDS;
            let mut out = serializer.serialize_struct("RawFieldView", Self::FIELDS.len())?;
            out.serialize_field(index, &self.index)?;
            out.serialize_field(value, self.value)?;
            out.end()
        }
    }

    impl Serialize for RawFields<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.iter())
        }
    }

    /// The fields of a card's QR code, into a struct being serialised.
    fn card_qr_fields<S: SerializeStruct>(
        view: &CardQrView<'_>,
        out: &mut S,
    ) -> Result<(), S::Error> {
        let [card, name, birth_date, sex, address, facility_code, valid_from, valid_to, issued_on, manager_code, guardian_name, five_years_on, raw_fields, layout, repaired, utf16] =
            CardQrView::FIELDS;
        out.serialize_field(card, &view.card)?;
        out.serialize_field(name, view.name)?;
        out.serialize_field(birth_date, &Text(view.birth_date))?;
        out.serialize_field(sex, view.sex.as_str())?;
        out.serialize_field(address, &view.address)?;
        out.serialize_field(facility_code, view.facility_code.as_str())?;
        out.serialize_field(valid_from, &Text(view.valid_from))?;
        out.serialize_field(valid_to, &view.valid_to.map(Text))?;
        out.serialize_field(issued_on, &Text(view.issued_on))?;
        out.serialize_field(manager_code, view.manager_code)?;
        out.serialize_field(guardian_name, &view.guardian_name)?;
        out.serialize_field(five_years_on, &view.five_years_on.map(Text))?;
        out.serialize_field(raw_fields, &view.raw_fields)?;
        out.serialize_field(layout, view.layout.as_str())?;
        out.serialize_field(repaired, &view.repaired)?;
        out.serialize_field(utf16, &view.utf16)
    }

    /// The fields of a CCCD's QR code, into a struct being serialised.
    fn personal_id_qr_fields<S: SerializeStruct>(
        view: &PersonalIdQrView<'_>,
        out: &mut S,
    ) -> Result<(), S::Error> {
        let [personal_id, old_id, name, birth_date, sex, address, issued_on, raw_fields] =
            PersonalIdQrView::FIELDS;
        out.serialize_field(personal_id, &view.personal_id)?;
        out.serialize_field(old_id, &view.old_id)?;
        out.serialize_field(name, &view.name)?;
        out.serialize_field(birth_date, &view.birth_date.map(Text))?;
        out.serialize_field(sex, &view.sex.map(|sex| sex.as_str()))?;
        out.serialize_field(address, &view.address)?;
        out.serialize_field(issued_on, &view.issued_on.map(Text))?;
        out.serialize_field(raw_fields, &view.raw_fields)
    }

    impl Serialize for CardQrView<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut out = serializer.serialize_struct("CardQrView", Self::FIELDS.len())?;
            card_qr_fields(self, &mut out)?;
            out.end()
        }
    }

    impl Serialize for PersonalIdQrView<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut out = serializer.serialize_struct("PersonalIdQrView", Self::FIELDS.len())?;
            personal_id_qr_fields(self, &mut out)?;
            out.end()
        }
    }

    impl Serialize for IdentityView<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let [kind] = IdentityView::FIELDS;
            let len = 1 + match self {
                IdentityView::Card(_) | IdentityView::PersonalId(_) => 1,
                IdentityView::CardQr(_) => CardQrView::FIELDS.len(),
                IdentityView::PersonalIdQr(_) => PersonalIdQrView::FIELDS.len(),
            };
            let mut out = serializer.serialize_struct("IdentityView", len)?;
            out.serialize_field(kind, self.kind())?;
            match self {
                IdentityView::Card(card) => out.serialize_field(self.kind(), card)?,
                IdentityView::PersonalId(id) => out.serialize_field(self.kind(), id)?,
                IdentityView::CardQr(qr) => card_qr_fields(qr, &mut out)?,
                IdentityView::PersonalIdQr(qr) => personal_id_qr_fields(qr, &mut out)?,
            }
            out.end()
        }
    }

    impl Serialize for MaTheItemView {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let [index, start, end, valid, card, error, advice] = MaTheItemView::FIELDS;
            let mut out = serializer.serialize_struct("MaTheItemView", Self::FIELDS.len() - 1)?;
            out.serialize_field(index, &self.index)?;
            out.serialize_field(start, &self.start)?;
            out.serialize_field(end, &self.end)?;
            out.serialize_field(valid, &self.valid)?;
            match (&self.card, &self.error) {
                (Some(view), _) => out.serialize_field(card, view)?,
                (None, Some(view)) => out.serialize_field(error, view)?,
                (None, None) => {}
            }
            let lang = self.lang;
            let notes = Notes(self.advice, lang);
            out.serialize_field(advice, &notes)?;
            out.end()
        }
    }

    /// Advisory notes serialised as their views.
    struct Notes(crate::Advisories, crate::Lang);

    impl Serialize for Notes {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.0.map(|note| note.view(self.1)))
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
