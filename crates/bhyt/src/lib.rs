//! Vietnamese health-insurance (BHYT) card numbers, checked by the rules the VNeID app
//! applies when a citizen links a BHYT card to the electronic health book.
//!
//! A card number is either exactly 10 digits (the social-insurance number, printed on cards
//! since 2021) or exactly 15 characters: a group code from the VNeID list of 43, a benefit
//! level 1-5, a province code of issue whose value must suit the issuing body (01-99 except
//! 97/98 for Vietnam Social Security, 98 for the Police, 97 for Defence, never 00), and the
//! 10-digit social-insurance number. The last 10 characters are the identity of the card.
//!
//! `no_std`, no allocation, no `unsafe`, no global state; errors never hold the input.
//!
//! # Validate
//!
//! ```
//! use bhyt::{Error, Issuer};
//! assert!(bhyt::validate("DN4010123456789", None).is_ok());
//! assert!(bhyt::validate("0101010101", Some(Issuer::Police)).is_ok());
//! let err = bhyt::validate("DN4010123456789", Some(Issuer::Police)).unwrap_err();
//! assert_eq!(err.code().as_str(), "invalid_province_code");
//! assert_eq!(err.position(), Some(3));
//! // Pasted text goes through the explicit lenient entry point, or the mode as a value.
//! assert!(bhyt::validate_lenient(" dn 4 01 0123456789 ", None).is_ok());
//! assert!(bhyt::Mode::Lenient.validate(" dn 4 01 0123456789 ", None).is_ok());
//! ```
//!
//! # Decode
//!
//! ```
//! use bhyt::{CardNumber, GroupCode, Issuer, Lang, Style};
//! let card: CardNumber = "CA5980123456789".parse()?;
//! assert_eq!(card.group_code(), Some(GroupCode::CA));
//! assert_eq!(card.group_code().unwrap().description_vi(), "Sĩ quan, hạ sĩ quan, chiến sĩ công an nhân dân");
//! assert_eq!(card.benefit_level().unwrap().digit(), 5);
//! assert_eq!(card.issuer(), Some(Issuer::Police));
//! assert_eq!(card.social_insurance_number().as_str(), "0123456789");
//! assert_eq!(card.format(Style::Grouped).as_str(), "CA 5 98 0123456789");
//! // The 10-digit form of the same card has the same key.
//! assert_eq!(card.key(), "0123456789".parse::<CardNumber>()?.key());
//! # Ok::<(), bhyt::Error>(())
//! ```
//!
//! # Check as the user types
//!
//! ```
//! use bhyt::PrefixCheck;
//! assert!(bhyt::check_prefix("HS40", None).can_become_valid());
//! match bhyt::check_prefix("HS60", None) {
//!     PrefixCheck::Invalid { at, error } => {
//!         assert_eq!(at, 2);
//!         assert_eq!(error.message(bhyt::Lang::Vi).to_string(), "Mức hưởng (ký tự 3) phải là chữ số từ 1 đến 5");
//!     }
//!     other => panic!("unexpected {other:?}"),
//! }
//! ```
//!
//! # Error codes
//!
//! Every error has a stable code with a number and a name, shared by the Rust, C and JS
//! layers: the table is in [`ErrorCode`]'s documentation, generated from the one table in
//! the source that also defines [`Error`] and its messages.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod advice;
mod batch;
mod benefit;
mod card;
mod claims;
mod claims_card;
mod code;
mod date;
mod error;
mod facility;
mod fast;
mod format;
mod gateway;
mod group;
mod identify;
mod issuer;
mod mode;
mod prefix;
mod qr;
mod rules;
mod scan;
#[cfg(feature = "serde")]
mod serde_impls;
mod validate;
mod view;

pub use advice::{advise, advise_lenient, Advice, AdviceCode, AdviceMessage, Advisories};
pub use batch::{validate_lines, validate_lines_lenient, Line, Lines};
pub use benefit::BenefitLevel;
pub use card::{CardKey, CardNumber, Form, SocialInsuranceNumber};
pub use claims::{parse_ma_the_bhyt, parse_ma_the_bhyt_lenient, MaTheBhyt, MaTheItem};
pub use claims_card::{
    check_claims_card_fields, ClaimsCardFields, ClaimsCardFinding, ClaimsCardMessage, ClaimsField,
};
pub use date::{stay_notes, validity_on, BirthDate, Date, StayNote, StayNotes, Validity};
pub use error::{Error, ErrorCode, Expected, Found, Lang, Message, UnknownErrorCode, UnknownLang};
pub use facility::{FacilityCode, FacilityCodeError, FacilityCodeMessage};
pub use format::{format_typed, Formatted, Style, TypedGrouped};
pub use gateway::{gateway_result, GatewayClass, GatewayResult, GATEWAY_RESULTS};
pub use group::{GroupCode, LateGroupCode};
pub use identify::{
    identify, identify_lenient, BirthPlaceCode, IdentifyCode, IdentifyError, IdentifyMessage,
    Identity, MaskedPersonalId, PersonalId, Sex,
};
pub use issuer::{Issuer, ProvinceCode, UnknownIssuer};
pub use mode::{Mode, UnknownMode};
pub use prefix::{check_prefix, check_prefix_lenient, PrefixCheck};
pub use qr::{
    mask_text, BufferTooSmall, CardQr, PersonalIdQr, QrField, QrLayout, MAX_QR_FIELDS, MAX_QR_LEN,
};
pub use validate::{is_valid, normalize, validate, validate_lenient, Normalized};
pub use view::{
    AdviceView, CardQrView, CardView, ErrorView, IdentityView, MaTheItemView, PersonalIdQrView,
    PersonalIdView, RawFieldView, RawFields,
};
