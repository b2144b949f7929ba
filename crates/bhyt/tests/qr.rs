//! QR payloads typed by a reception desk's scanner: the card's and the CCCD's, the facility
//! code, validity, stay notes and the gateway table. Table tests, then properties: any
//! generated payload (a card's, a CCCD's) round-trips its fields, any single corrupted field
//! gives that field's error.

use bhyt::{
    gateway_result, stay_notes, validity_on, BirthDate, Date, Error, FacilityCode, GatewayClass,
    IdentifyError, QrField, QrLayout, Sex, StayNote, Validity, GATEWAY_RESULTS,
};
use proptest::prelude::*;

fn hex(text: &str) -> String {
    text.bytes().map(|b| format!("{b:02x}")).collect()
}

fn d(y: u16, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

const PAPER: &str = "HS4010120878811|4e677579e1bb856e2056c4836e2041|15/08/1990|1|-|01 - 028|01/01/2025|31/12/2025|01/01/2025|79|4e677579e1bb856e2056c4836e2042|4| 01/01/2030|4641c59ff02659c3-1202|$\r\n";

#[test]
fn a_paper_card_payload_decodes() {
    let qr = bhyt::identify(PAPER).unwrap().card_qr().unwrap();
    let mut buf = [0u8; 128];
    assert_eq!(qr.card().to_string(), "HS4010120878811");
    assert_eq!(qr.name(PAPER, &mut buf).unwrap(), "Nguyễn Văn A");
    assert_eq!(qr.birth_date(), BirthDate::Date(d(1990, 8, 15)));
    assert_eq!(qr.sex(), Sex::Male);
    assert_eq!(qr.address(PAPER, &mut buf).unwrap(), None);
    assert_eq!(qr.facility_code().as_str(), "01028");
    assert_eq!(qr.valid_from(), d(2025, 1, 1));
    assert_eq!(qr.valid_to(), Some(d(2025, 12, 31)));
    assert_eq!(qr.issued_on(), d(2025, 1, 1));
    assert_eq!(qr.manager_code(PAPER), "79");
    assert_eq!(
        qr.guardian_name(PAPER, &mut buf).unwrap(),
        Some("Nguyễn Văn B")
    );
    assert_eq!(qr.five_years_on(), Some(d(2030, 1, 1)));
    assert_eq!(qr.layout(), QrLayout::Tokens15);
    assert_eq!(qr.raw_field_indexes().collect::<Vec<_>>(), [11, 13]);
    assert_eq!(qr.raw_field(PAPER, 11), Some("4"));
    assert!(!qr.repaired() && !qr.utf16());
    let debug = format!("{qr:?}");
    assert!(
        !debug.contains("0878811") && !debug.contains("4e67"),
        "{debug}"
    );
}

#[test]
fn layouts_are_told_apart() {
    let ten = "0120878811|41|1990|2|-|01028|01/01/2025|-|01/01/2025|79";
    let qr = bhyt::identify(ten).unwrap().card_qr().unwrap();
    assert_eq!(qr.layout(), QrLayout::Fields10);
    assert_eq!(qr.birth_date(), BirthDate::Year(1990));
    assert_eq!(qr.valid_to(), None);
    assert_eq!(qr.guardian_name(ten, &mut [0; 8]).unwrap(), None);
    let vssid =
        "0120878811|41|1990|2|41|01028|01/01/2025|-|01/01/2025|79|-|4|01/01/2030|ab-1|x|4142|$";
    let qr = bhyt::identify(vssid).unwrap().card_qr().unwrap();
    assert_eq!(qr.layout(), QrLayout::Tokens17);
    assert_eq!(qr.raw_field_indexes().collect::<Vec<_>>(), [11, 13, 14, 15]);
    let other = "0120878811|41|1990|2|-|01028|01/01/2025|-|01/01/2025|79|-|$";
    assert_eq!(
        bhyt::identify(other).unwrap().card_qr().unwrap().layout(),
        QrLayout::Other
    );
    assert_eq!(bhyt::identify(ten).unwrap().kind(), "card_qr");
}

#[test]
fn telex_damage_is_repaired() {
    // "Nắng Ấm": `4e e1 ba af` holds `ee` and `aaf`, `e1 ba a4` holds `aa`; through Telex
    // they type as `ê`, `ầ` and `â`.
    let clean = hex("Nắng Ấm");
    let damaged = clean
        .replace("aaf", "ầ")
        .replace("ee", "ê")
        .replace("aa", "â");
    assert_eq!(damaged, "4ê1bầ6e6720e1bâ46d");
    let payload = format!("0120878811|{damaged}|1990|2|-|01028|01/01/2025|-|01/01/2025|79|$");
    let qr = bhyt::identify(&payload).unwrap().card_qr().unwrap();
    assert!(qr.repaired() && !qr.utf16());
    assert_eq!(qr.name(&payload, &mut [0; 64]).unwrap(), "Nắng Ấm");
    // `dd` -> `đ`, a tone `f` after `a`/`e` -> `à`/`è`: bytes `dd 00`, `af 00`, `ef 00` are
    // no UTF-8, so these read as UTF-16LE.
    for (damaged, text) in [("đ00", "\u{dd}"), ("à00", "\u{af}"), ("è00", "\u{ef}")] {
        let payload = format!("0120878811|{damaged}|1990|2|-|01028|01/01/2025|-|01/01/2025|79|$");
        let qr = bhyt::identify(&payload).unwrap().card_qr().unwrap();
        assert!(qr.repaired() && qr.utf16(), "{damaged}");
        assert_eq!(qr.name(&payload, &mut [0; 8]).unwrap(), text);
    }
}

#[test]
fn utf16_is_the_fallback() {
    let name: String = "Lê Thị"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .map(|b| format!("{b:02x}"))
        .collect();
    let payload = format!("0120878811|{name}|1990|2|-|01028|01/01/2025|-|01/01/2025|79|$");
    let qr = bhyt::identify(&payload).unwrap().card_qr().unwrap();
    assert!(qr.utf16());
    assert_eq!(qr.name(&payload, &mut [0; 64]).unwrap(), "Lê Thị");
}

#[test]
fn card_errors_point_into_the_payload() {
    let payload = "DN4000123456789|41|1990|2|-|01028|01/01/2025|-|01/01/2025|79|$";
    assert!(matches!(
        bhyt::identify(payload),
        Err(IdentifyError::Card(Error::InvalidProvinceCode {
            position: 3,
            ..
        }))
    ));
    let payload = "  DN4000123456789|41|1990|2|-|01028|01/01/2025|-|01/01/2025|79|$";
    assert_eq!(bhyt::identify(payload).unwrap_err().position(), Some(5));
}

#[test]
fn malformed_fields_are_named() {
    let base = [
        "0120878811",
        "41",
        "1990",
        "2",
        "-",
        "01028",
        "01/01/2025",
        "-",
        "01/01/2025",
        "79",
    ];
    let cases = [
        (1, "4g", QrField::Name, 1),
        (1, "414", QrField::Name, 2),
        (2, "31/02/1990", QrField::BirthDate, 0),
        (3, "3", QrField::Sex, 0),
        (4, "zz", QrField::Address, 0),
        (5, "01-0#8", QrField::FacilityCode, 4),
        (6, "2025-01-01", QrField::ValidFrom, 0),
        (7, "", QrField::ValidTo, 0),
        (8, "1/1/2025", QrField::IssuedOn, 0),
        (9, "7a", QrField::ManagerCode, 1),
    ];
    for (index, value, field, offset) in cases {
        let mut fields = base;
        fields[index] = value;
        let payload = fields.join("|") + "|$";
        let start: usize = fields[..index].iter().map(|f| f.chars().count() + 1).sum();
        assert_eq!(
            bhyt::identify(&payload),
            Err(IdentifyError::InvalidQrField {
                field,
                position: start + offset
            }),
            "{payload}"
        );
    }
    // A problem at the very end of the payload (an unpaired last hex digit) is reported at
    // the last character, the unpaired digit: every position names a character.
    let base = base.join("|");
    for (tail, field, back) in [
        ("|4", QrField::GuardianName, 1),
        ("|4e6", QrField::GuardianName, 1),
    ] {
        let payload = format!("{base}{tail}");
        let chars = payload.chars().count();
        let Err(IdentifyError::InvalidQrField {
            field: found,
            position,
        }) = bhyt::identify(&payload)
        else {
            panic!("{payload}: not a field error");
        };
        assert_eq!((found, position), (field, chars - back), "{payload}");
    }
    assert_eq!(
        bhyt::identify("a|b|c").unwrap_err(),
        IdentifyError::UnrecognizedQr { fields: 3 }
    );
    let message = bhyt::identify("0120878811|41|1990|3|-|01028|01/01/2025|-|01/01/2025|79")
        .unwrap_err()
        .message(bhyt::Lang::En)
        .to_string();
    assert_eq!(
        message,
        "a field of the QR code is malformed: sex (sex), character 20"
    );
}

#[test]
fn cccd_payloads_decode() {
    let payload = "079095001234|123456789|Nguyễn Văn A|15081995|Nam|12 Lê Lợi, Huế|01012021";
    let qr = bhyt::identify(payload).unwrap().personal_id_qr().unwrap();
    assert_eq!(qr.personal_id().as_str(), "079095001234");
    assert_eq!(qr.old_id(payload), Some("123456789"));
    assert_eq!(qr.name(payload), Some("Nguyễn Văn A"));
    assert_eq!(qr.birth_date(), Some(d(1995, 8, 15)));
    assert_eq!(qr.sex(), Some(Sex::Male));
    assert_eq!(qr.issued_on(), Some(d(2021, 1, 1)));
    // 2024 card: no old number, empty trailing fields; 6 and 11 fields.
    let new = "001195001234||Trần Thị B|01012001|Nữ|Hà Nội|\r\n";
    let qr = bhyt::identify(new).unwrap().personal_id_qr().unwrap();
    assert_eq!(qr.old_id(new), None);
    assert_eq!(qr.sex(), Some(Sex::Female));
    assert_eq!(qr.issued_on(), None);
    assert_eq!(bhyt::identify(new).unwrap().kind(), "personal_id_qr");
    let six = "001195001234||Trần Thị B|01012001|Nữ|Hà Nội";
    assert!(bhyt::identify(six).unwrap().personal_id_qr().is_some());
    let eleven = "001195001234||Trần Thị B|01012001|Nữ|Hà Nội|01012024|a|b|c|d";
    let qr = bhyt::identify(eleven).unwrap().personal_id_qr().unwrap();
    assert_eq!(qr.raw_field_indexes().collect::<Vec<_>>(), [7, 8, 9, 10]);
    assert_eq!(
        bhyt::identify("00119500123A||B|01012001|Nữ|X|").unwrap_err(),
        IdentifyError::InvalidPersonalId {
            position: 11,
            found: bhyt::Found::UppercaseLetter
        }
    );
    assert_eq!(
        bhyt::identify("001195001234|12345|B|01012001|Nữ|X|").unwrap_err(),
        IdentifyError::InvalidQrField {
            field: QrField::OldId,
            position: 13
        }
    );
    assert_eq!(
        bhyt::identify("001195001234||B|01012001|Nu|X|").unwrap_err(),
        IdentifyError::InvalidQrField {
            field: QrField::Sex,
            position: 25
        }
    );
    let debug = format!("{qr:?}");
    assert!(
        !debug.contains("Trần") && !debug.contains("001195"),
        "{debug}"
    );
}

#[test]
fn facility_codes_normalise() {
    for text in [
        "01 - 028",
        "01-028",
        "01028",
        "01 \u{2013} 028",
        " 0 1 0 2 8 ",
    ] {
        assert_eq!(
            FacilityCode::parse(text).unwrap().as_str(),
            "01028",
            "{text}"
        );
    }
    assert!(FacilityCode::parse("79-A01").is_ok());
    for bad in ["", "0102", "010289", "00028", "0A028", "01-02a"] {
        assert!(FacilityCode::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn validity_and_stay_notes() {
    let (from, to) = (d(2025, 1, 1), Some(d(2025, 12, 31)));
    assert_eq!(
        validity_on(from, to, d(2024, 12, 31)),
        Validity::BeforeStart
    );
    assert_eq!(validity_on(from, to, d(2025, 12, 31)), Validity::Valid);
    assert_eq!(validity_on(from, to, d(2026, 1, 1)), Validity::Expired);
    assert_eq!(validity_on(from, None, d(2026, 1, 1)), Validity::OpenEnded);
    assert!(stay_notes(from, to, d(2025, 3, 1), d(2025, 3, 2)).is_empty());
    assert_eq!(
        stay_notes(from, to, d(2024, 12, 1), d(2024, 12, 2)),
        [StayNote::VisitBeforeStart]
    );
    assert_eq!(
        stay_notes(from, to, d(2024, 12, 30), d(2026, 1, 2)),
        [
            StayNote::BecameValidDuringStay,
            StayNote::ExpiredBeforeDischarge
        ]
    );
}

#[test]
fn gateway_codes_are_one_table() {
    assert_eq!(GATEWAY_RESULTS.len(), 27);
    let codes: Vec<&str> = GATEWAY_RESULTS.iter().map(|r| r.code()).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(codes, sorted);
    assert_eq!(gateway_result("000").unwrap().class(), GatewayClass::Ok);
    assert_eq!(
        gateway_result("070").unwrap().class(),
        GatewayClass::PersonInfoDiffers
    );
    assert_eq!(
        gateway_result("401").unwrap().class(),
        GatewayClass::ServiceError
    );
    assert!(gateway_result("0").is_none());
}

// ---- properties ----------------------------------------------------------------------------

fn date_text() -> impl Strategy<Value = (Date, String)> {
    (1900u16..2100, 1u8..=12, 1u8..=28)
        .prop_map(|(y, m, day)| (d(y, m, day), format!("{day:02}/{m:02}/{y:04}")))
}

prop_compose! {
    fn payload()(
        card in prop::sample::select(vec!["0120878811", "HS4010120878811", "CA5980123456789"]),
        name in "[A-Za-zÀ-ỹ ]{1,20}",
        birth in date_text(),
        year_only in any::<bool>(),
        sex in 1u8..=2,
        address in proptest::option::of("[A-Za-z0-9À-ỹ ,]{1,30}"),
        facility in "[0-9][1-9][0-9A-Z]{3}",
        from in date_text(),
        to in proptest::option::of(date_text()),
        issued in date_text(),
        manager in "[0-9]{1,6}",
        extra in 0usize..3,
        guardian in "[A-Za-zÀ-ỹ ]{1,20}",
        five in date_text(),
    ) -> (Vec<String>, String, String, Option<String>, String) {
        let mut fields = vec![
            card.to_string(),
            hex(&name),
            if year_only { birth.0.year().to_string() } else { birth.1.clone() },
            sex.to_string(),
            address.as_deref().map_or("-".to_string(), hex),
            format!("{} - {}", &facility[..2], &facility[2..]),
            from.1,
            to.map_or("-".to_string(), |t| t.1),
            issued.1,
            manager,
        ];
        if extra > 0 {
            fields.push(hex(&guardian));
            fields.push("4".into());
            fields.push(format!(" {}", five.1));
            fields.push("4641c59ff02659c3-1202".into());
        }
        if extra > 1 {
            fields.push("x".into());
            fields.push("y".into());
        }
        fields.push("$".into());
        (fields, name, facility, address, guardian)
    }
}

fn cccd_date() -> impl Strategy<Value = String> {
    (1900u16..2100, 1u8..=12, 1u8..=28).prop_map(|(y, m, day)| format!("{day:02}{m:02}{y:04}"))
}

prop_compose! {
    /// A CCCD's QR payload as its fields (6, 7 or 11): the 12 digits; the old 9-digit number
    /// or empty (2024 cards); the name, date of birth, sex, address, issue date, each possibly
    /// empty; for 11 fields four more, kept raw, possibly empty. And the line end the scanner
    /// may add.
    fn cccd_payload()(
        id in "[0-9]{12}",
        old in prop_oneof!["[0-9]{9}", Just(String::new())],
        name in prop_oneof!["[A-Za-zÀ-ỹ ]{1,20}", Just(String::new())],
        birth in prop_oneof![cccd_date(), Just(String::new())],
        sex in prop::sample::select(vec!["Nam", "Nữ", ""]),
        address in prop_oneof!["[A-Za-z0-9À-ỹ ,]{1,30}", Just(String::new())],
        issued in prop_oneof![cccd_date(), Just(String::new())],
        count in prop::sample::select(vec![6usize, 7, 11]),
        extra in prop::collection::vec(prop_oneof!["[A-Za-z0-9 ]{1,8}", Just(String::new())], 4),
        line_end in prop::sample::select(vec!["", "\r\n", "\n"]),
    ) -> (Vec<String>, &'static str) {
        let mut fields = vec![id, old, name, birth, sex.to_string(), address, issued];
        fields.extend(extra);
        fields.truncate(count);
        (fields, line_end)
    }
}

proptest! {
    #[test]
    fn generated_payloads_round_trip((fields, name, facility, address, guardian) in payload()) {
        let payload = fields.join("|");
        let qr = bhyt::identify(&payload).unwrap().card_qr().unwrap();
        let mut buf = vec![0u8; payload.len()];
        prop_assert_eq!(qr.card().to_string(), fields[0].clone());
        prop_assert_eq!(qr.name(&payload, &mut buf).unwrap(), name.as_str());
        prop_assert_eq!(qr.birth_date().to_string().len(), if fields[2].len() == 4 { 4 } else { 10 });
        prop_assert_eq!(qr.sex(), if fields[3] == "1" { Sex::Male } else { Sex::Female });
        prop_assert_eq!(qr.address(&payload, &mut buf).unwrap(), address.as_deref());
        prop_assert_eq!(qr.facility_code().to_string(), facility);
        prop_assert_eq!(qr.valid_to().is_none(), fields[7] == "-");
        prop_assert_eq!(qr.manager_code(&payload), fields[9].as_str());
        if fields.len() > 11 {
            prop_assert_eq!(qr.guardian_name(&payload, &mut buf).unwrap(), Some(guardian.as_str()));
            prop_assert!(qr.five_years_on().is_some());
            prop_assert_eq!(qr.raw_field(&payload, 13), Some("4641c59ff02659c3-1202"));
        }
        let layout = match fields.len() { 11 => QrLayout::Fields10, 15 => QrLayout::Tokens15, _ => QrLayout::Tokens17 };
        prop_assert_eq!(qr.layout(), layout);
        for index in qr.raw_field_indexes() {
            prop_assert_eq!(qr.raw_field(&payload, index), Some(fields[index].as_str()));
        }
    }

    #[test]
    fn a_corrupted_field_gives_its_error(
        (fields, ..) in payload(),
        which in prop::sample::select(vec![1usize, 2, 3, 4, 5, 6, 7, 8, 9]),
    ) {
        let mut fields = fields;
        let bad = match which { 1 | 4 => "zz", 5 => "0", _ => "?" };
        fields[which] = bad.into();
        let expected = [
            QrField::Card, QrField::Name, QrField::BirthDate, QrField::Sex, QrField::Address,
            QrField::FacilityCode, QrField::ValidFrom, QrField::ValidTo, QrField::IssuedOn,
            QrField::ManagerCode,
        ][which];
        let payload = fields.join("|");
        let start: usize = fields[..which].iter().map(|f| f.chars().count() + 1).sum();
        prop_assert_eq!(
            bhyt::identify(&payload),
            Err(IdentifyError::InvalidQrField { field: expected, position: start })
        );
    }

    #[test]
    fn generated_cccd_payloads_round_trip((fields, line_end) in cccd_payload()) {
        let payload = format!("{}{line_end}", fields.join("|"));
        let identity = bhyt::identify(&payload).unwrap();
        prop_assert_eq!(identity.kind(), "personal_id_qr");
        let qr = identity.personal_id_qr().unwrap();
        let text = |i: usize| fields.get(i).map(String::as_str).filter(|t| !t.is_empty());
        let date = |i: usize| text(i).map(|t| {
            let n = |r: core::ops::Range<usize>| t[r].parse::<u16>().unwrap();
            d(n(4..8), n(2..4) as u8, n(0..2) as u8)
        });
        let id = qr.personal_id();
        prop_assert_eq!(id.as_str(), fields[0].as_str());
        prop_assert_eq!(qr.old_id(&payload), text(1));
        prop_assert_eq!(qr.name(&payload), text(2));
        prop_assert_eq!(qr.birth_date(), date(3));
        let sex = text(4).map(|t| if t == "Nam" { Sex::Male } else { Sex::Female });
        prop_assert_eq!(qr.sex(), sex);
        prop_assert_eq!(qr.address(&payload), text(5));
        prop_assert_eq!(qr.issued_on(), date(6));
        let raw: Vec<usize> = qr.raw_field_indexes().collect();
        prop_assert_eq!(raw, (7..fields.len()).collect::<Vec<_>>());
        for (index, field) in fields.iter().enumerate().skip(7) {
            prop_assert_eq!(qr.raw_field(&payload, index), Some(field.as_str()));
        }
        // The lenient entry point reads a QR payload the same way.
        prop_assert_eq!(bhyt::identify_lenient(&payload), bhyt::identify(&payload));
    }

    #[test]
    fn a_corrupted_cccd_field_gives_its_error(
        (fields, line_end) in cccd_payload(),
        which in prop::sample::select(vec![0usize, 1, 2, 3, 4, 5, 6]),
        digit in 0usize..12,
    ) {
        prop_assume!(which < fields.len());
        let start: usize = fields[..which].iter().map(|f| f.chars().count() + 1).sum();
        let mut parts: Vec<Vec<u8>> = fields.iter().map(|f| f.clone().into_bytes()).collect();
        let expected = match which {
            0 => {
                parts[0][digit] = b'A';
                IdentifyError::InvalidPersonalId {
                    position: digit,
                    found: bhyt::Found::UppercaseLetter,
                }
            }
            1 => {
                // A non-digit is named where it is; 9 digits are the only other length.
                parts[1] = b"1234x".to_vec();
                IdentifyError::InvalidQrField { field: QrField::OldId, position: start + 4 }
            }
            _ => {
                let (field, bad): (QrField, &[u8]) = match which {
                    2 => (QrField::Name, b"\xff"),
                    3 => (QrField::BirthDate, b"31021990"),
                    4 => (QrField::Sex, b"Nu"),
                    5 => (QrField::Address, b"\xffHa Noi"),
                    _ => (QrField::IssuedOn, b"1/1/2024"),
                };
                parts[which] = bad.to_vec();
                IdentifyError::InvalidQrField { field, position: start }
            }
        };
        let mut payload = parts.join(&b'|');
        payload.extend_from_slice(line_end.as_bytes());
        prop_assert_eq!(bhyt::identify(&payload), Err(expected));
    }

    #[test]
    fn a_wrong_old_id_length_is_named_at_its_start(
        (fields, _) in cccd_payload(),
        length in prop::sample::select(vec![1usize, 8, 10, 12]),
    ) {
        let mut fields = fields;
        fields[1] = "7".repeat(length);
        let payload = fields.join("|");
        let start = fields[0].len() + 1;
        prop_assert_eq!(
            bhyt::identify(&payload),
            Err(IdentifyError::InvalidQrField { field: QrField::OldId, position: start })
        );
    }

    #[test]
    fn nothing_panics_on_pipes(input in "[0-9A-Za-z|/ $\\-đâêàè]{0,80}") {
        let _ = bhyt::identify(&input);
    }
}

// ---- claims XML1 card fields ---------------------------------------------------------------

fn findings(fields: &bhyt::ClaimsCardFields<'_>) -> Vec<bhyt::ClaimsCardFinding> {
    let mut out = Vec::new();
    bhyt::check_claims_card_fields(fields, |f| out.push(f));
    out
}

#[test]
fn claims_card_fields_are_checked_item_by_item() {
    use bhyt::{ClaimsCardFields, ClaimsCardFinding as F, ClaimsField};
    let good = ClaimsCardFields {
        ma_the_bhyt: b"HS4010120878811;HS4010120878811",
        ma_dkbd: Some(b"01028;01 - 028"),
        gt_the_tu: Some(b"20250101;20250201"),
        gt_the_den: Some(b"20250131;20251231"),
        ngay_vao: Some(b"202501300800"),
        ngay_ra: Some(b"202502031000"),
    };
    assert_eq!(findings(&good), []);
    let bad = ClaimsCardFields {
        ma_dkbd: Some(b"01028;0A028;x"),
        gt_the_tu: Some(b"20250101;2025020"),
        gt_the_den: Some(b"20241231;20251231"),
        ngay_ra: Some(b"202502031060"),
        ..good
    };
    let got = findings(&bad);
    assert_eq!(
        got[0],
        F::CountMismatch {
            field: ClaimsField::MaDkbd,
            expected: 2,
            found: 3
        }
    );
    assert!(matches!(got[1], F::InvalidFacilityCode { item: 1, .. }));
    assert!(matches!(got[2], F::InvalidFacilityCode { item: 2, .. }));
    assert_eq!(got[3], F::StartAfterEnd { item: 0 });
    assert_eq!(
        got[4],
        F::InvalidDate {
            field: ClaimsField::GtTheTu,
            item: 1
        }
    );
    assert_eq!(
        got[5],
        F::InvalidDate {
            field: ClaimsField::NgayRa,
            item: 0
        }
    );
    assert_eq!(got.len(), 6);
    assert!(got.iter().all(|f| f.is_error()));
    // The stay notes: admitted before the first card, discharged after the last.
    let stay = ClaimsCardFields {
        ngay_vao: Some(b"202412300800"),
        ngay_ra: Some(b"202601021000"),
        ..good
    };
    assert_eq!(
        findings(&stay),
        [
            F::Stay {
                item: 0,
                note: StayNote::BecameValidDuringStay
            },
            F::Stay {
                item: 1,
                note: StayNote::ExpiredBeforeDischarge
            },
        ]
    );
    let open = ClaimsCardFields {
        gt_the_den: Some(b"20250131;"),
        ..stay
    };
    assert_eq!(
        findings(&open),
        [F::Stay {
            item: 0,
            note: StayNote::BecameValidDuringStay
        }]
    );
    let message = findings(&bad)[0].message(bhyt::Lang::En).to_string();
    assert_eq!(message, "MA_DKBD has 3 items, not the 2 of MA_THE_BHYT");
}
