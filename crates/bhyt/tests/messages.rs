//! The message texts are public API: each error kind, in both languages, written once here.

use bhyt::{Error, ErrorCode, Expected, Found, Issuer, Lang, LateGroupCode};

#[test]
fn every_error_kind_has_its_english_and_vietnamese_message() {
    let cases: [(Error, &str, &str); 9] = [
        (
            Error::InvalidLength { length: 12 },
            "a BHYT card number has exactly 10 digits or 15 characters, not 12",
            "Số thẻ BHYT phải gồm đúng 10 chữ số hoặc 15 ký tự; đã nhập 12 ký tự",
        ),
        (
            Error::InvalidCharacter { position: 0, expected: Expected::UppercaseLetter, found: Found::LowercaseLetter },
            "character 1 is a lowercase letter, expected an uppercase letter (A-Z)",
            "Ký tự thứ 1 là một chữ cái thường, cần một chữ cái in hoa (A-Z)",
        ),
        (
            Error::UnknownGroupCode { position: 0 },
            "the group code (characters 1-2) is not on the VNeID list of 43 codes",
            "Mã đối tượng (ký tự 1-2) không có trong danh sách 43 mã được VNeID chấp nhận",
        ),
        (
            Error::LateGroupCode { position: 0, code: LateGroupCode::ND },
            "the group code ND (master artisans) was added after the VNeID list was fixed; VNeID does not accept it",
            "Mã đối tượng ND (Nghệ nhân) được bổ sung sau khi danh sách của VNeID được ban hành nên VNeID chưa chấp nhận",
        ),
        (
            Error::InvalidBenefitLevel { position: 2 },
            "the benefit level (character 3) must be a digit from 1 to 5",
            "Mức hưởng (ký tự 3) phải là chữ số từ 1 đến 5",
        ),
        (
            Error::InvalidProvinceCode { position: 3, issuer: None },
            "the province code (characters 4-5) cannot be 00",
            "Mã nơi cấp (ký tự 4-5) không được là 00",
        ),
        (
            Error::InvalidProvinceCode { position: 3, issuer: Some(Issuer::VietnamSocialSecurity) },
            "for Vietnam Social Security, characters 4-5 must be from 01 to 99, except 97 and 98",
            "Với Bảo hiểm xã hội Việt Nam, ký tự 4-5 phải từ 01 đến 99, trừ 97 và 98",
        ),
        (
            Error::InvalidProvinceCode { position: 3, issuer: Some(Issuer::Police) },
            "for Police social security, characters 4-5 must be 98",
            "Với Bảo hiểm xã hội Công an nhân dân, ký tự 4-5 phải là 98",
        ),
        (
            Error::InvalidProvinceCode { position: 3, issuer: Some(Issuer::Defence) },
            "for Defence social security, characters 4-5 must be 97",
            "Với Bảo hiểm xã hội Bộ Quốc phòng, ký tự 4-5 phải là 97",
        ),
    ];
    for (error, english, vietnamese) in cases {
        assert_eq!(error.to_string(), english);
        assert_eq!(error.message(Lang::En).to_string(), english);
        assert_eq!(error.message(Lang::Vi).to_string(), vietnamese);
    }
}

#[test]
fn codes_have_stable_names_numbers_and_general_messages() {
    let names: Vec<(u32, &str)> = ErrorCode::ALL
        .iter()
        .map(|c| (c.number(), c.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            (1, "invalid_length"),
            (2, "invalid_character"),
            (3, "unknown_group_code"),
            (4, "late_group_code"),
            (5, "invalid_benefit_level"),
            (6, "invalid_province_code"),
        ]
    );
    for code in ErrorCode::ALL {
        assert_eq!(ErrorCode::from_number(code.number()), Some(code));
        assert_eq!(code.as_str().parse(), Ok(code));
        assert!(!code.message(Lang::Vi).is_empty() && !code.message(Lang::En).is_empty());
    }
}

#[test]
fn an_error_never_shows_the_number() {
    let input = "DN4010123456789x";
    let error = bhyt::validate(input, None).unwrap_err();
    for text in [
        error.to_string(),
        error.message(Lang::Vi).to_string(),
        format!("{error:?}"),
    ] {
        assert!(!text.contains("0123456789"), "{text}");
    }
}
