//! Properties of the core, checked on generated inputs (proptest).

use bhyt::{
    BenefitLevel, CardNumber, Error, Form, GroupCode, Issuer, PrefixCheck, ProvinceCode, Style,
};
use proptest::prelude::*;

/// The parts a valid number is generated from.
#[derive(Clone, Debug)]
struct Parts {
    prefix: Option<(GroupCode, BenefitLevel, u8)>,
    sin: String,
}

impl Parts {
    fn text(&self) -> String {
        match self.prefix {
            None => self.sin.clone(),
            Some((group, benefit, province)) => {
                format!("{group}{}{province:02}{}", benefit.digit(), self.sin)
            }
        }
    }
}

fn issuer_choice() -> impl Strategy<Value = Option<Issuer>> {
    prop_oneof![
        Just(None),
        Just(Some(Issuer::VietnamSocialSecurity)),
        Just(Some(Issuer::Police)),
        Just(Some(Issuer::Defence)),
    ]
}

fn province_for(issuer: Option<Issuer>) -> BoxedStrategy<u8> {
    match issuer {
        None => (1u8..=99).boxed(),
        Some(Issuer::Police) => Just(98).boxed(),
        Some(Issuer::Defence) => Just(97).boxed(),
        Some(Issuer::VietnamSocialSecurity) => prop_oneof![1u8..=96, Just(99)].boxed(),
    }
}

/// A valid number for the issuing body chosen, with the parts it was built from.
fn valid_number() -> impl Strategy<Value = (Option<Issuer>, Parts)> {
    issuer_choice().prop_flat_map(|issuer| {
        let sin = "[0-9]{10}";
        let full = (
            proptest::sample::select(GroupCode::ALL.to_vec()),
            1u8..=5,
            province_for(issuer),
            sin,
        )
            .prop_map(|(group, benefit, province, sin)| Parts {
                prefix: Some((group, BenefitLevel::from_digit(benefit).unwrap(), province)),
                sin,
            });
        let short = sin.prop_map(|sin| Parts { prefix: None, sin });
        (Just(issuer), prop_oneof![full, short])
    })
}

/// Characters a typist, a scanner or an attacker might put anywhere.
fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        proptest::char::range('0', '9'),
        proptest::char::range('A', 'Z'),
        proptest::char::range('a', 'z'),
        proptest::sample::select(vec![
            ' ', '.', '-', '_', '\t', '\n', '\u{a0}', '\u{200b}', 'Đ', 'đ', '０', '٣', '²', 'Ⅷ',
            '⑱', '᭓', '\u{fffd}', '😀', '\0',
        ]),
        any::<char>(),
    ]
}

/// The first and last index of the part of a 15-character number that index `i` is in.
fn component(i: usize) -> (usize, usize) {
    match i {
        0..=1 => (0, 1),
        2 => (2, 2),
        3..=4 => (3, 4),
        _ => (i, i),
    }
}

proptest! {
    // Under Miri (about a thousand times slower) a handful of cases still runs every path.
    #![proptest_config(ProptestConfig::with_cases(if cfg!(miri) { 4 } else { 2000 }))]

    #[test]
    fn every_generated_valid_number_is_accepted_and_decodes_to_its_parts((issuer, parts) in valid_number()) {
        let text = parts.text();
        let card = bhyt::validate(&text, issuer).expect("valid");
        let sin = card.social_insurance_number();
        prop_assert_eq!(sin.as_str(), parts.sin.as_str());
        match parts.prefix {
            None => {
                prop_assert_eq!(card.form(), Form::Short);
                prop_assert_eq!(card.group_code(), None);
                prop_assert_eq!(card.issuer(), None);
            }
            Some((group, benefit, province)) => {
                prop_assert_eq!(card.form(), Form::Full);
                prop_assert_eq!(card.group_code(), Some(group));
                prop_assert_eq!(card.benefit_level(), Some(benefit));
                prop_assert_eq!(card.province_code(), ProvinceCode::new(province));
                prop_assert_eq!(card.issuer(), Issuer::from_province(province));
                if let Some(chosen) = issuer {
                    prop_assert_eq!(card.issuer(), Some(chosen));
                }
            }
        }
        prop_assert_eq!(card.key().to_string(), parts.sin.clone());
        let short: CardNumber = parts.sin.parse().expect("the 10-digit form");
        prop_assert!(card.same_card(&short));
    }

    #[test]
    fn display_forms_round_trip((issuer, parts) in valid_number()) {
        let card = bhyt::validate(parts.text(), issuer).expect("valid");
        let compact = card.format(Style::Compact);
        prop_assert_eq!(compact.as_str(), parts.text());
        prop_assert_eq!(bhyt::validate(compact.as_str(), issuer), Ok(card));
        prop_assert_eq!(card.to_string().parse::<CardNumber>(), Ok(card));
        let grouped = card.format(Style::Grouped);
        prop_assert_eq!(bhyt::validate_lenient(grouped.as_str(), issuer), Ok(card));
        let masked = card.format(Style::Masked);
        let hidden = format!("******{}", &parts.sin[6..]);
        prop_assert!(masked.as_str().ends_with(&hidden), "{} hides the first 6 digits", masked);
    }

    #[test]
    fn lenient_normalisation_is_idempotent(text in proptest::collection::vec(any_char(), 0..24)) {
        let text: String = text.into_iter().collect();
        if let Ok(once) = bhyt::normalize(&text) {
            prop_assert_eq!(bhyt::normalize(once.as_str()), Ok(once));
            // Checking the normalised text strictly gives the lenient verdict.
            let strict = bhyt::validate(once.as_str(), None);
            let lenient = bhyt::validate_lenient(&text, None);
            prop_assert_eq!(strict.is_ok(), lenient.is_ok());
            prop_assert_eq!(strict.map_err(|e| e.code()), lenient.map_err(|e| e.code()));
        }
    }

    #[test]
    fn lenient_accepts_everything_strict_accepts(
        text in proptest::collection::vec(any_char(), 0..17),
        issuer in issuer_choice(),
    ) {
        let text: String = text.into_iter().collect();
        if let Ok(card) = bhyt::validate(&text, issuer) {
            prop_assert_eq!(bhyt::validate_lenient(&text, issuer), Ok(card));
        }
    }

    #[test]
    fn a_change_that_breaks_a_rule_is_reported_at_the_changed_character(
        (issuer, parts) in valid_number(),
        index in 0usize..15,
        replacement in any_char(),
    ) {
        let original: Vec<char> = parts.text().chars().collect();
        let index = index % original.len();
        let mut changed = original.clone();
        changed[index] = replacement;
        let changed: String = changed.into_iter().collect();
        let Err(error) = bhyt::validate(&changed, issuer) else {
            return Ok(());
        };
        let position = error.position().expect("a change keeps the length");
        let (first, last) = if original.len() == 15 { component(index) } else { (index, index) };
        match error {
            Error::InvalidCharacter { .. } | Error::InvalidBenefitLevel { .. } => {
                prop_assert_eq!(position, index)
            }
            // A part with a fixed list (group code, province code) is reported at its start.
            _ => prop_assert_eq!(position, first),
        }
        // The as-you-type check finds the first character that can never fit in the same part
        // (unless a letter in front of digits turned the input into the start of the other form).
        if original.len() == 10 && index == 0 && replacement.is_ascii_uppercase() {
            return Ok(());
        }
        let at = bhyt::check_prefix(&changed, issuer).first_invalid().expect("invalid");
        prop_assert!(at >= index && at <= last, "at {} for a change at {}", at, index);
    }

    #[test]
    fn every_prefix_of_a_valid_number_passes_the_as_you_type_check((issuer, parts) in valid_number()) {
        let text = parts.text();
        for end in 0..text.len() {
            let check = bhyt::check_prefix(&text[..end], issuer);
            prop_assert!(matches!(check, PrefixCheck::Incomplete { .. }), "{:?} at {}", check, end);
            prop_assert!(bhyt::check_prefix_lenient(&text[..end], issuer).can_become_valid());
        }
        let card = bhyt::validate(&text, issuer).expect("valid");
        prop_assert_eq!(bhyt::check_prefix(&text, issuer), PrefixCheck::Complete(card));
    }

    #[test]
    fn the_as_you_type_check_agrees_with_validation_on_whole_numbers(
        text in proptest::collection::vec(any_char(), 10..=15),
        issuer in issuer_choice(),
    ) {
        let text: String = text.into_iter().collect();
        let check = bhyt::check_prefix(&text, issuer);
        if let PrefixCheck::Complete(card) = check {
            prop_assert_eq!(bhyt::validate(&text, issuer), Ok(card));
        }
        if let Ok(card) = bhyt::validate(&text, issuer) {
            prop_assert_eq!(check, PrefixCheck::Complete(card));
        }
    }

    #[test]
    fn no_entry_point_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..40), issuer in issuer_choice()) {
        let strict = bhyt::validate(&bytes, issuer);
        let lenient = bhyt::validate_lenient(&bytes, issuer);
        if strict.is_ok() {
            prop_assert!(lenient.is_ok());
        }
        let _ = bhyt::check_prefix(&bytes, issuer);
        let _ = bhyt::check_prefix_lenient(&bytes, issuer);
        let _ = bhyt::normalize(&bytes);
        prop_assert!(bhyt::validate_lines(&bytes, issuer).count() <= bytes.len() + 1);
        if let Err(error) = strict {
            // The message names no character of the input.
            let _ = error.message(bhyt::Lang::Vi).to_string();
            prop_assert!(error.position().is_none_or(|p| p < bytes.len().max(1)));
        }
    }
}
