//! The reception-desk and claims additions: `identify`, `parse_ma_the_bhyt`, `advise`.
//! Table tests for the documented cases, properties on generated inputs, and no allocation.

use bhyt::{
    Advice, AdviceCode, BenefitLevel, Error, Found, GroupCode, IdentifyError, Identity, Lang,
    LateGroupCode, Sex,
};
use proptest::prelude::*;

// ---- identify ------------------------------------------------------------------------------

#[test]
fn the_length_decides_which_rule_applies() {
    let cases: [(&str, &str); 12] = [
        ("HS4010120878811", "card"),
        ("0120878811", "card"),
        ("079095001234", "personal_id"),
        ("999999999999", "personal_id"), // 999 is no province: reported, not rejected
        ("000095001234", "personal_id"),
        ("DN4000123456789", "invalid_province_code"),
        ("DN40101234", "invalid_character"), // 10 characters: a card's rule
        ("ND4010123456789", "late_group_code"),
        ("DN4010123456", "invalid_personal_id"), // 12 characters: 12 digits needed
        ("01234567890", "unrecognized_input"),
        ("0123456789012", "unrecognized_input"),
        ("", "unrecognized_input"),
    ];
    for (input, expected) in cases {
        let got = match bhyt::identify(input) {
            Ok(identity) => identity.kind(),
            Err(error) => error.code(),
        };
        assert_eq!(got, expected, "{input}");
    }
}

#[test]
fn personal_ids_decode_their_parts() {
    let id = bhyt::identify("001312001234")
        .unwrap()
        .personal_id()
        .unwrap();
    assert_eq!(id.birth_place().value(), 1);
    assert_eq!(id.sex(), Sex::Female);
    assert_eq!(id.century(), 2000);
    assert_eq!(id.birth_year(), 2012);
    let id = bhyt::identify("096099000001")
        .unwrap()
        .personal_id()
        .unwrap();
    assert_eq!((id.sex(), id.birth_year()), (Sex::Male, 1999));
    // Masked everywhere it might be logged.
    assert_eq!(format!("{id:?}"), "PersonalId(\"********0001\")");
    let identity = bhyt::identify("096099000001").unwrap();
    assert!(!format!("{identity:?}").contains("096099"));
}

#[test]
fn identify_errors_point_at_the_character_and_never_hold_the_input() {
    let error = bhyt::identify("0790950O1234").unwrap_err();
    assert_eq!(
        error,
        IdentifyError::InvalidPersonalId {
            position: 7,
            found: Found::UppercaseLetter
        }
    );
    assert_eq!(
        error.to_string(),
        "a personal identification number has 12 digits; character 8 is an uppercase letter"
    );
    assert_eq!(
        error.message(Lang::Vi).to_string(),
        "Số định danh cá nhân gồm 12 chữ số; ký tự thứ 8 là một chữ cái in hoa"
    );
    assert_eq!(
        bhyt::identify("1234").unwrap_err().to_string(),
        "neither a BHYT card number (10 digits or 15 characters) nor a personal identification number (12 digits): 4 characters"
    );
    // Non-ASCII digits are not digits; positions count characters.
    let error = bhyt::identify("０79095001234").unwrap_err();
    assert_eq!(
        error,
        IdentifyError::InvalidPersonalId {
            position: 0,
            found: Found::NonAscii
        }
    );
    // A card error is the card's own error, message included.
    let error = bhyt::identify("DN6010123456789").unwrap_err();
    assert_eq!(
        error.card_error(),
        Some(Error::InvalidBenefitLevel { position: 2 })
    );
    assert_eq!(
        error.message(Lang::En).to_string(),
        "the benefit level (character 3) must be a digit from 1 to 5"
    );
}

#[test]
fn lenient_identify_maps_positions_back_to_the_input() {
    let error = bhyt::identify_lenient("079 095 00x 234").unwrap_err();
    assert_eq!(
        error,
        IdentifyError::InvalidPersonalId {
            position: 10,
            found: Found::UppercaseLetter // lenient: uppercased first
        }
    );
    assert_eq!(
        bhyt::identify_lenient(" 0790-9500-1234 ").unwrap().kind(),
        "personal_id"
    );
    assert_eq!(
        bhyt::identify_lenient("0790-9500-123"),
        Err(IdentifyError::Unrecognized { length: 11 })
    );
}

proptest! {
    #[test]
    fn identify_agrees_with_validate_on_10_and_15_characters(input in "[A-Z0-9]{10}|[A-Z0-9]{15}|[A-Z]{2}[0-9]{13}") {
        match (bhyt::identify(&input), bhyt::validate(&input, None)) {
            (Ok(Identity::Card(a)), Ok(b)) => prop_assert_eq!(a, b),
            (Err(IdentifyError::Card(a)), Err(b)) => prop_assert_eq!(a, b),
            (got, expected) => prop_assert!(false, "{:?} vs {:?}", got, expected),
        }
    }

    #[test]
    fn every_12_digit_string_is_a_personal_id_that_round_trips(input in "[0-9]{12}") {
        let id = bhyt::identify(&input).unwrap().personal_id().unwrap();
        prop_assert_eq!(id.as_str(), input.as_str());
        let d: Vec<u16> = input.bytes().map(|b| u16::from(b - b'0')).collect();
        prop_assert_eq!(id.birth_place().value(), d[0] * 100 + d[1] * 10 + d[2]);
        prop_assert_eq!(id.birth_place().to_string(), &input[..3]);
        prop_assert_eq!(id.birth_year(), 1900 + 100 * (d[3] / 2) + d[4] * 10 + d[5]);
        prop_assert_eq!(id.sex() == Sex::Female, d[3] % 2 == 1);
        prop_assert_eq!(id.masked().to_string(), format!("********{}", &input[8..]));
    }

    #[test]
    fn identify_never_panics_and_its_positions_fit_the_input(input in any::<Vec<u8>>()) {
        for result in [bhyt::identify(&input), bhyt::identify_lenient(&input)] {
            if let Some(position) = result.err().and_then(|e| e.position()) {
                prop_assert!(position < String::from_utf8_lossy(&input).chars().count());
            }
        }
    }
}

// ---- MA_THE_BHYT ---------------------------------------------------------------------------

#[test]
fn a_field_splits_at_every_separator_and_trims_items() {
    let field = " HS4010120878811 ;SV4010120878811;\t;DN4000123456789 ";
    let items: Vec<_> = bhyt::parse_ma_the_bhyt(field.as_bytes(), None).collect();
    assert_eq!(items.len(), 4);
    assert_eq!(items[0].position(), 1);
    assert_eq!(items[0].text(), b"HS4010120878811");
    assert_eq!(items[1].position(), 18);
    assert!(items[0].is_valid() && items[1].is_valid());
    assert!(items[2].is_empty());
    assert_eq!(items[2].position(), 35);
    assert_eq!(items[2].result(), Err(Error::InvalidLength { length: 0 }));
    assert_eq!(items[3].position(), 36);
    let error = items[3].result().unwrap_err();
    assert_eq!(error.position(), Some(39));
    assert_eq!(&field[39..41], "00");
    assert_eq!(
        items.iter().map(|i| i.index()).collect::<Vec<_>>(),
        [0, 1, 2, 3]
    );
    // Debug never shows the text.
    assert!(!format!("{:?}", items[0]).contains("0120878811"));
}

#[test]
fn empty_and_blank_fields_are_one_empty_item() {
    for field in ["", "   ", "\u{a0}"] {
        let items: Vec<_> = bhyt::parse_ma_the_bhyt(field.as_bytes(), None).collect();
        assert_eq!(items.len(), 1, "{field:?}");
        assert!(items[0].is_empty());
        assert_eq!(
            items[0].result().unwrap_err().code().as_str(),
            "invalid_length"
        );
    }
}

#[test]
fn item_errors_count_characters_of_the_whole_field() {
    // `Đ` is two bytes, one character; an invalid byte is one character.
    let field = "Đ;\u{ff}x; DN6010123456789".as_bytes();
    let items: Vec<_> = bhyt::parse_ma_the_bhyt(field, None).collect();
    assert_eq!(items[2].position(), 6);
    assert_eq!(items[2].byte_offset(), 8);
    assert_eq!(items[2].result().unwrap_err().position(), Some(8));
    let bytes = b"\xff;DN6010123456789";
    let item = bhyt::parse_ma_the_bhyt(bytes, None).nth(1).unwrap();
    assert_eq!(item.position(), 2);
    assert_eq!(item.result().unwrap_err().position(), Some(4));
}

#[test]
fn lenient_items_and_issuers() {
    let field = b"ca 5 98 0123456789; ca5970123456789";
    let items: Vec<_> =
        bhyt::parse_ma_the_bhyt_lenient(field, Some(bhyt::Issuer::Police)).collect();
    assert!(items[0].is_valid());
    let error = items[1].result().unwrap_err();
    assert_eq!(error.code().as_str(), "invalid_province_code");
    assert_eq!(error.position(), Some(23));
    assert!(bhyt::parse_ma_the_bhyt(field, None).all(|item| !item.is_valid()));
}

fn valid_card() -> impl Strategy<Value = String> {
    prop_oneof![
        (
            proptest::sample::select(GroupCode::ALL.to_vec()),
            1u8..=5,
            1u8..=99,
            "[0-9]{10}"
        )
            .prop_map(|(group, level, province, sin)| format!("{group}{level}{province:02}{sin}")),
        "[0-9]{10}",
    ]
}

proptest! {
    #[test]
    fn joined_valid_cards_come_back_in_order_at_their_positions(
        cards in proptest::collection::vec((valid_card(), "[ \t]{0,2}", "[ \t]{0,2}"), 1..5)
    ) {
        let mut field = String::new();
        let mut starts = Vec::new();
        for (i, (card, before, after)) in cards.iter().enumerate() {
            if i > 0 {
                field.push(';');
            }
            field.push_str(before);
            starts.push(field.chars().count());
            field.push_str(card);
            field.push_str(after);
        }
        let items: Vec<_> = bhyt::parse_ma_the_bhyt(field.as_bytes(), None).collect();
        prop_assert_eq!(items.len(), cards.len());
        for ((item, (card, _, _)), start) in items.iter().zip(&cards).zip(starts) {
            prop_assert_eq!(item.card().map(|c| c.to_string()), Some(card.clone()));
            prop_assert_eq!(item.position(), start);
            prop_assert_eq!(item.byte_offset(), start); // ASCII
        }
    }

    #[test]
    fn an_items_error_is_its_own_error_moved_to_its_place(field in "[A-Z0-9; \u{a0}Đ]{0,40}") {
        for item in bhyt::parse_ma_the_bhyt(field.as_bytes(), None) {
            let alone = bhyt::validate(item.text(), None);
            match (item.result(), alone) {
                (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
                (Err(a), Err(b)) => {
                    prop_assert_eq!(a.code(), b.code());
                    prop_assert_eq!(a.position(), b.position().map(|p| p + item.position()));
                    // The position names the same character in the field.
                    if let Some(p) = a.position() {
                        let in_field = field.chars().nth(p);
                        let in_item = String::from_utf8_lossy(item.text()).chars().nth(b.position().unwrap());
                        prop_assert_eq!(in_field, in_item);
                    }
                }
                (a, b) => prop_assert!(false, "{:?} vs {:?}", a, b),
            }
        }
    }

    #[test]
    fn parsing_any_bytes_never_panics(field in any::<Vec<u8>>()) {
        let count = bhyt::parse_ma_the_bhyt(&field, None).count();
        prop_assert_eq!(count, field.iter().filter(|&&b| b == b';').count() + 1);
        let _ = bhyt::parse_ma_the_bhyt_lenient(&field, None).map(|i| i.advice().count()).sum::<usize>();
    }
}

// ---- advice --------------------------------------------------------------------------------

#[test]
fn every_advice_code_has_a_name_a_number_and_two_messages() {
    for (i, code) in AdviceCode::ALL.into_iter().enumerate() {
        assert_eq!(code.number(), i as u32 + 1);
        assert_eq!(AdviceCode::from_number(code.number()), Some(code));
        assert_eq!(code.to_string(), code.as_str());
        assert_ne!(code.message(Lang::En), code.message(Lang::Vi));
    }
    let names: Vec<_> = AdviceCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        names,
        [
            "unusual_benefit_level",
            "issued_after_vneid_list",
            "unlisted_birth_place_code",
            "short_form_in_claims"
        ]
    );
}

#[test]
fn advice_messages_are_written_once_here() {
    let cases: [(Advice, &str, &str); 5] = [
        (
            Advice::UnusualBenefitLevel { group: GroupCode::CN, level: BenefitLevel::Two, usual: BenefitLevel::Three },
            "benefit level 2 differs from level 3, usual for group CN; this is normal for a person who belongs to several groups (the best level applies)",
            "Mức hưởng 2 khác mức 3 thường gặp của nhóm CN; điều này bình thường với người thuộc nhiều nhóm đối tượng (được hưởng mức cao nhất)",
        ),
        (
            Advice::IssuedAfterVneidList { code: LateGroupCode::AK, short_form_passes: false },
            "AK (residents of revolutionary safe-zone communes) is a group code BHXH added in 2023 (QĐ 1697/QĐ-BHXH), after the VNeID list was fixed: the card may well be genuine, but VNeID does not accept its 15-character form",
            "AK (Người sống ở xã an toàn khu cách mạng) là mã đối tượng BHXH bổ sung năm 2023 (QĐ 1697/QĐ-BHXH), sau khi danh sách của VNeID được ban hành: thẻ có thể vẫn đúng, nhưng VNeID không nhận dạng 15 ký tự",
        ),
        (
            Advice::IssuedAfterVneidList { code: LateGroupCode::ND, short_form_passes: true },
            "ND (master artisans) is a group code BHXH added in 2023 (QĐ 1697/QĐ-BHXH), after the VNeID list was fixed: the card may well be genuine, but VNeID does not accept its 15-character form; its last 10 characters (the 10-digit form) pass the VNeID rule",
            "ND (Nghệ nhân) là mã đối tượng BHXH bổ sung năm 2023 (QĐ 1697/QĐ-BHXH), sau khi danh sách của VNeID được ban hành: thẻ có thể vẫn đúng, nhưng VNeID không nhận dạng 15 ký tự; có thể nhập 10 ký tự cuối (mã số BHXH), dạng này đạt quy tắc của VNeID",
        ),
        (
            bhyt::advise("003095001234", None).next().unwrap(),
            "digits 1-3 are not on the 2016 list of the codes of the 63 provinces: they may be the code of a country (birth registered abroad), a code from a later list, or a typing error",
            "3 chữ số đầu không có trong danh mục mã 63 tỉnh, thành phố năm 2016: có thể là mã quốc gia (khai sinh ở nước ngoài), mã theo danh mục mới hơn, hoặc nhập sai",
        ),
        (
            Advice::ShortFormInClaims,
            "MA_THE_BHYT holds the 10-digit form: the claims field normally holds the 15-character card code",
            "MA_THE_BHYT ghi dạng 10 chữ số: trường này của hồ sơ giám định thường ghi mã thẻ 15 ký tự",
        ),
    ];
    for (advice, en, vi) in cases {
        assert_eq!(advice.message(Lang::En).to_string(), en);
        assert_eq!(advice.message(Lang::Vi).to_string(), vi);
    }
}

#[test]
fn late_codes_say_whether_the_short_form_passes() {
    let cases = [
        ("ND4010123456789", None, true),
        ("AK2970123456789", Some(bhyt::Issuer::Defence), true),
        ("AK2970123456789", Some(bhyt::Issuer::Police), false),
        ("TG4000123456789", None, false),
        ("TG40101234567X9", None, false),
    ];
    for (input, issuer, passes) in cases {
        let advice: Vec<_> = bhyt::advise(input, issuer).collect();
        assert!(
            matches!(advice[..], [Advice::IssuedAfterVneidList { short_form_passes, .. }] if short_form_passes == passes),
            "{input}: {advice:?}"
        );
        if passes {
            assert!(bhyt::validate(&input[5..], issuer).is_ok());
        }
    }
    assert_eq!(bhyt::advise_lenient("tg-4-01-0123456789", None).count(), 1);
    assert_eq!(bhyt::advise("tg4010123456789", None).count(), 0);
}

proptest! {
    #[test]
    fn advice_never_contradicts_the_verdict(input in "[A-Z]{2}[0-9]{13}|[0-9]{10}|[0-9]{12}|.{0,16}") {
        let verdict = bhyt::validate(&input, None);
        for advice in bhyt::advise(&input, None) {
            match advice {
                Advice::UnusualBenefitLevel { .. } => prop_assert!(verdict.is_ok()),
                Advice::IssuedAfterVneidList { .. } => {
                    let late = matches!(verdict, Err(Error::LateGroupCode { .. }));
                    prop_assert!(late);
                }
                Advice::UnlistedBirthPlaceCode { .. } => {
                    let personal = matches!(bhyt::identify(&input), Ok(Identity::PersonalId(_)));
                    prop_assert!(personal);
                }
                Advice::ShortFormInClaims => prop_assert!(false, "only claims items get it"),
                _ => {}
            }
        }
        if let Err(Error::LateGroupCode { .. }) = verdict {
            prop_assert_eq!(bhyt::advise(&input, None).count(), 1);
        }
    }
}

#[test]
fn item_advice_follows_the_items_mode() {
    let field = b"HS4010120878811; nd 4 01 0123456789";
    let strict: Vec<_> = bhyt::parse_ma_the_bhyt(field, None).collect();
    assert_eq!(strict[1].advice().count(), 0); // lowercase: not a late code as typed
    let lenient: Vec<_> = bhyt::parse_ma_the_bhyt_lenient(field, None).collect();
    assert!(matches!(
        lenient[1].advice().collect::<Vec<_>>()[..],
        [Advice::IssuedAfterVneidList {
            code: LateGroupCode::ND,
            short_form_passes: true
        }]
    ));
}
