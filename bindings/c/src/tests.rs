//! Unit tests of the binding's own parts (the C tests in `tests/` check the C API itself).

use core::ffi::{c_char, CStr};
use core::ptr;

use bhyt::{AdviceCode, BenefitLevel, ErrorCode, GroupCode, Issuer, Lang};

use super::*;

const HEADER: &str = include_str!("../bhyt.h");

#[test]
fn a_panic_becomes_bhyt_panic() {
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = guard(|_| panic!("boom"));
    let text = guard_str(|_| panic!("boom"));
    std::panic::set_hook(quiet);
    assert_eq!(result, BHYT_PANIC);
    // SAFETY: guard_str returns a static NUL-terminated string.
    assert_eq!(unsafe { CStr::from_ptr(text) }, c"");
}

#[test]
fn the_header_carries_the_crate_version() {
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(VERSION, version);
    assert!(HEADER.contains(&format!("#define BHYT_VERSION \"{version}\"\n")));
    for (name, value) in [
        ("MAJOR", env!("CARGO_PKG_VERSION_MAJOR")),
        ("MINOR", env!("CARGO_PKG_VERSION_MINOR")),
        ("PATCH", env!("CARGO_PKG_VERSION_PATCH")),
    ] {
        assert!(HEADER.contains(&format!("#define BHYT_VERSION_{name} {value}\n")));
    }
    // SAFETY: a static NUL-terminated string.
    let runtime = unsafe { CStr::from_ptr(bhyt_version()) };
    assert_eq!(runtime.to_str(), Ok(version));
}

#[test]
fn result_codes_are_the_core_codes_plus_distinct_c_codes() {
    for code in ErrorCode::ALL {
        let c = bhyt_result::from_core(code);
        assert_ne!(c, BHYT_PANIC, "{code} has no C code");
        assert_eq!(c as u32, code.number());
        // SAFETY: static NUL-terminated strings.
        let name = unsafe { CStr::from_ptr(bhyt_error_code_name(c as u32)) };
        assert_eq!(name.to_str(), Ok(code.as_str()));
        let define = format!("BHYT_{} = {},", code.as_str().to_uppercase(), code.number());
        assert!(HEADER.contains(&define), "{define}");
        for (lang, c_lang) in [(Lang::Vi, BHYT_LANG_VI), (Lang::En, BHYT_LANG_EN)] {
            // SAFETY: as above.
            let message = unsafe { CStr::from_ptr(bhyt_error_message(c as u32, c_lang)) };
            assert_eq!(message.to_str(), Ok(code.message(lang)));
        }
    }
    let mut values: Vec<u32> = ALL_RESULTS.iter().map(|&c| c as u32).collect();
    values.dedup();
    assert_eq!(values.len(), ALL_RESULTS.len());
    assert!(values.windows(2).all(|w| w[0] < w[1]));
    for code in ALL_RESULTS {
        assert_eq!(bhyt_result::from_u32(code as u32), Some(code));
        // SAFETY: as above.
        let name = unsafe { CStr::from_ptr(bhyt_error_code_name(code as u32)) };
        let name = name.to_str().unwrap();
        assert_ne!(name, "unknown");
        if code != BHYT_OK {
            let define = format!("BHYT_{} = {},", name.to_uppercase(), code as u32);
            assert!(HEADER.contains(&define), "{define}");
        }
    }
    for unknown in [7, 99, 112, 1000, u32::MAX] {
        // SAFETY: as above.
        let name = unsafe { CStr::from_ptr(bhyt_error_code_name(unknown)) };
        assert_eq!(name, c"unknown");
    }
}

#[test]
fn the_c_strings_are_the_core_strings() {
    let text = |table_entry: &'static CStr| table_entry.to_str().unwrap();
    for (i, group) in GroupCode::ALL.iter().enumerate() {
        assert_eq!(text(GROUP_VI.get(i)), group.description_vi());
        assert_eq!(text(GROUP_EN.get(i)), group.description_en());
    }
    for digit in 0..10u8 {
        let level = BenefitLevel::from_digit(digit);
        assert_eq!(
            text(BENEFIT_VI.get(digit.into())),
            level.map_or("", |l| l.meaning_vi())
        );
        assert_eq!(
            text(BENEFIT_EN.get(digit.into())),
            level.map_or("", |l| l.meaning_en())
        );
    }
    for (i, issuer) in Issuer::ALL.iter().enumerate() {
        assert_eq!(text(ISSUER_VI.get(i)), issuer.name_vi());
        assert_eq!(text(ISSUER_EN.get(i)), issuer.name_en());
    }
    assert_eq!(GROUP_VI.get(usize::MAX), c"");
}

#[test]
fn byte_offsets_follow_the_cores_character_count() {
    // (input, character index, byte offset)
    let cases: &[(&[u8], usize, usize)] = &[
        (b"0123456789", 3, 3),
        ("Đ0".as_bytes(), 1, 2),
        ("a€b".as_bytes(), 2, 4),
        ("😀x".as_bytes(), 1, 4),
        (b"\xE1\x80A", 1, 2),     // a truncated sequence is one character
        (b"\xFF\xFEA", 2, 2),     // each stray byte is one
        (b"A\xF0\x9F\x98", 2, 4), // past the end
    ];
    for &(input, index, offset) in cases {
        assert_eq!(byte_offset(input, index), offset, "{input:?} {index}");
    }
    // The core's positions, mapped: the character at the offset is the one the core meant.
    let input = "012345678\u{0110}".as_bytes();
    let error = bhyt::validate(input, None).unwrap_err();
    assert_eq!(error.position(), Some(9));
    assert_eq!(byte_offset(input, 9), 9);
    // Lenient: a dropped no-break space (2 bytes) before the bad character.
    let input = "\u{00A0}0123456\u{20AC}89".as_bytes();
    let error = bhyt::validate_lenient(input, None).unwrap_err();
    assert_eq!(error.position(), Some(8));
    assert_eq!(bhyt_error::from_core(&error, input).byte_offset, 9);
}

#[test]
fn a_parsed_card_and_its_formats() {
    let input = b" hs 4 01 0120878811 ";
    let mut card = std::mem::MaybeUninit::<bhyt_card>::uninit();
    // SAFETY: valid input bytes and a writable card.
    let result = unsafe {
        bhyt_parse_lenient(
            input.as_ptr().cast(),
            input.len(),
            BHYT_ISSUER_VSS,
            card.as_mut_ptr(),
            ptr::null_mut(),
        )
    };
    assert_eq!(result, BHYT_OK);
    // SAFETY: written on BHYT_OK.
    let card = unsafe { card.assume_init() };
    let text = |p: *const c_char| unsafe { CStr::from_ptr(p) }.to_str().unwrap();
    assert_eq!(text(card.compact.as_ptr()), "HS4010120878811");
    assert_eq!(text(card.group_code.as_ptr()), "HS");
    assert_eq!(text(card.social_insurance_number.as_ptr()), "0120878811");
    assert_eq!(
        (card.form, card.benefit_level, card.province_code),
        (15, 4, 1)
    );
    assert_eq!(card.issuer, BHYT_ISSUER_VSS);
    assert_eq!(card.key, 120878811);
    assert_eq!(text(card.group_description_en), "pupils");
    assert_eq!(text(card.benefit_meaning_en), "80% of in-scope costs");
    assert_eq!(text(card.issuer_name_vi), "Bảo hiểm xã hội Việt Nam");
    let mut buffer = [0x55 as c_char; 19];
    let mut required = 0;
    // SAFETY: a valid card, a 19-byte buffer.
    let result = unsafe {
        bhyt_format(
            &card,
            BHYT_STYLE_MASKED,
            buffer.as_mut_ptr(),
            18,
            &mut required,
        )
    };
    assert_eq!((result, required), (BHYT_BUFFER_TOO_SMALL, 19));
    assert!(buffer.iter().all(|&c| c == 0x55));
    // SAFETY: as above.
    let result = unsafe {
        bhyt_format(
            &card,
            BHYT_STYLE_MASKED,
            buffer.as_mut_ptr(),
            19,
            &mut required,
        )
    };
    assert_eq!(result, BHYT_OK);
    assert_eq!(text(buffer.as_ptr()), "HS 4 01 ******8811");
}

/// Calls `bhyt_identify` (or its lenient form) on `input`.
fn identify_c(input: &[u8], lenient: bool) -> (bhyt_result, Option<bhyt_identity>, bhyt_error) {
    let mut identity = std::mem::MaybeUninit::<bhyt_identity>::uninit();
    let mut error = bhyt_error::bare(BHYT_OK);
    let call = if lenient {
        bhyt_identify_lenient
    } else {
        bhyt_identify
    };
    // SAFETY: valid input bytes, a writable identity and error.
    let result = unsafe {
        call(
            input.as_ptr().cast(),
            input.len(),
            identity.as_mut_ptr(),
            &mut error,
        )
    };
    // SAFETY: written on BHYT_OK.
    let identity = (result == BHYT_OK).then(|| unsafe { identity.assume_init() });
    (result, identity, error)
}

#[test]
fn identify_fills_the_member_its_kind_names() {
    let text = |p: *const c_char| unsafe { CStr::from_ptr(p) }.to_str().unwrap();
    let (result, identity, _) = identify_c(b"079195001234", false);
    assert_eq!(result, BHYT_OK);
    let identity = identity.unwrap();
    assert_eq!(identity.kind, bhyt_identity_kind::BHYT_IDENTITY_PERSONAL_ID);
    let id = identity.personal_id;
    assert_eq!(text(id.digits.as_ptr()), "079195001234");
    assert_eq!(text(id.masked.as_ptr()), "********1234");
    assert_eq!(
        (id.sex, id.birth_place_code, id.century, id.birth_year),
        (BHYT_SEX_FEMALE, 79, 1900, 1995)
    );
    assert_eq!(id.birth_place_on_2016_list, 1);
    assert_eq!(identity.card.form, 0);
    assert_eq!(text(identity.card.group_description_vi), "");
    let (result, identity, _) = identify_c(b" hs 4 01 0120878811 ", true);
    assert_eq!(result, BHYT_OK);
    let identity = identity.unwrap();
    assert_eq!(identity.kind, bhyt_identity_kind::BHYT_IDENTITY_CARD);
    assert_eq!(text(identity.card.compact.as_ptr()), "HS4010120878811");
    assert_eq!(identity.personal_id, bhyt_personal_id::empty());
    // Errors: the card's, a 12-character non-number, any other length.
    let cases: [(&[u8], bhyt_result, usize, usize); 4] = [
        (b"DN4000123456789", BHYT_INVALID_PROVINCE_CODE, 3, 3),
        ("0790950Đ1234".as_bytes(), BHYT_INVALID_PERSONAL_ID, 7, 7),
        (b"12345", BHYT_UNRECOGNIZED_INPUT, NO_POSITION, NO_POSITION),
        (b"", BHYT_UNRECOGNIZED_INPUT, NO_POSITION, NO_POSITION),
    ];
    for (input, code, position, byte_offset) in cases {
        let (result, identity, error) = identify_c(input, false);
        assert_eq!(result, code);
        assert!(identity.is_none());
        assert_eq!(
            (error.code, error.position, error.byte_offset),
            (code, position, byte_offset)
        );
    }
    // The character after `Đ` (2 bytes) is at byte 9.
    let (_, _, error) = identify_c("Đ79095001x34".as_bytes(), false);
    assert_eq!(
        (error.code, error.position, error.byte_offset),
        (BHYT_INVALID_PERSONAL_ID, 0, 0)
    );
    let (_, _, error) = identify_c("0Đ9095001x34".as_bytes(), true);
    assert_eq!((error.position, error.byte_offset), (1, 1));
    // NULL arguments.
    let mut identity = std::mem::MaybeUninit::<bhyt_identity>::uninit();
    // SAFETY: NULL input, a writable identity.
    let result = unsafe { bhyt_identify(ptr::null(), 0, identity.as_mut_ptr(), ptr::null_mut()) };
    assert_eq!(result, BHYT_NULL_ARGUMENT);
    // SAFETY: valid input, NULL identity.
    let result =
        unsafe { bhyt_identify(c"0101010101".as_ptr(), 10, ptr::null_mut(), ptr::null_mut()) };
    assert_eq!(result, BHYT_NULL_ARGUMENT);
}

#[test]
fn ma_the_items_count_positions_in_the_whole_field() {
    let field = " HS4010120878811 ;DN4000123456789;;".as_bytes();
    let mut count = 0usize;
    // SAFETY: valid field bytes; NULL items with capacity 0 to ask for the count.
    let result = unsafe {
        bhyt_parse_ma_the_bhyt(
            field.as_ptr().cast(),
            field.len(),
            BHYT_ISSUER_ANY,
            ptr::null_mut(),
            0,
            &mut count,
        )
    };
    assert_eq!((result, count), (BHYT_BUFFER_TOO_SMALL, 4));
    let blank = bhyt_ma_the_item {
        verdict: bhyt_verdict::failed(bhyt_error::bare(BHYT_PANIC)),
        start: 7,
        byte_start: 7,
        byte_len: 7,
    };
    let mut items = [blank; 4];
    // SAFETY: room for 3 items only: nothing is written.
    let result = unsafe {
        bhyt_parse_ma_the_bhyt(
            field.as_ptr().cast(),
            field.len(),
            BHYT_ISSUER_ANY,
            items.as_mut_ptr(),
            3,
            &mut count,
        )
    };
    assert_eq!(result, BHYT_BUFFER_TOO_SMALL);
    assert!(items.iter().all(|item| *item == blank));
    // SAFETY: room for 4.
    let result = unsafe {
        bhyt_parse_ma_the_bhyt(
            field.as_ptr().cast(),
            field.len(),
            BHYT_ISSUER_ANY,
            items.as_mut_ptr(),
            4,
            &mut count,
        )
    };
    assert_eq!(result, BHYT_OK);
    assert_eq!(items[0].verdict.code, BHYT_OK);
    assert_eq!(
        (items[0].start, items[0].byte_start, items[0].byte_len),
        (1, 1, 15)
    );
    assert_eq!(items[0].verdict.key, 120878811);
    assert_eq!(items[1].verdict.code, BHYT_INVALID_PROVINCE_CODE);
    assert_eq!(
        (
            items[1].start,
            items[1].verdict.position,
            items[1].verdict.byte_offset
        ),
        (18, 21, 21)
    );
    for item in &items[2..] {
        assert_eq!((item.verdict.code, item.byte_len), (BHYT_INVALID_LENGTH, 0));
    }
    assert_eq!(items[3].start, 35);
    // Lenient, and a bad issuer.
    let field = b"ca 5 98 0123456789";
    // SAFETY: valid field bytes and room for 4 items.
    let result = unsafe {
        bhyt_parse_ma_the_bhyt_lenient(
            field.as_ptr().cast(),
            field.len(),
            BHYT_ISSUER_POLICE,
            items.as_mut_ptr(),
            4,
            &mut count,
        )
    };
    assert_eq!(
        (result, count, items[0].verdict.code),
        (BHYT_OK, 1, BHYT_OK)
    );
    // SAFETY: as above.
    let result = unsafe {
        bhyt_parse_ma_the_bhyt(
            field.as_ptr().cast(),
            field.len(),
            9,
            items.as_mut_ptr(),
            4,
            &mut count,
        )
    };
    assert_eq!(result, BHYT_INVALID_ISSUER);
    // SAFETY: NULL count.
    let result = unsafe {
        bhyt_parse_ma_the_bhyt(
            field.as_ptr().cast(),
            field.len(),
            0,
            items.as_mut_ptr(),
            4,
            ptr::null_mut(),
        )
    };
    assert_eq!(result, BHYT_NULL_ARGUMENT);
}

#[test]
fn advice_notes_and_their_names() {
    let mut notes = [bhyt_advice::from_core(&bhyt::Advice::ShortFormInClaims); BHYT_ADVICE_MAX];
    let mut count = 0;
    let input = b"HS1010120878811";
    // SAFETY: valid input and room for BHYT_ADVICE_MAX notes.
    let result = unsafe {
        bhyt_advise(
            input.as_ptr().cast(),
            input.len(),
            BHYT_ISSUER_ANY,
            notes.as_mut_ptr(),
            BHYT_ADVICE_MAX,
            &mut count,
        )
    };
    assert_eq!((result, count), (BHYT_OK, 1));
    assert_eq!(notes[0].code, BHYT_ADVICE_UNUSUAL_BENEFIT_LEVEL);
    assert_eq!(
        (notes[0].benefit_level, notes[0].usual_benefit_level),
        (1, 4)
    );
    // SAFETY: a NUL-terminated array.
    assert_eq!(
        unsafe { CStr::from_ptr(notes[0].group_code.as_ptr()) },
        c"HS"
    );
    let input = b" nd 4 01 0123456789";
    // SAFETY: as above.
    let result = unsafe {
        bhyt_advise_lenient(
            input.as_ptr().cast(),
            input.len(),
            BHYT_ISSUER_ANY,
            notes.as_mut_ptr(),
            3,
            &mut count,
        )
    };
    assert_eq!(
        (result, count, notes[0].code, notes[0].short_form_passes),
        (BHYT_OK, 1, BHYT_ADVICE_ISSUED_AFTER_VNEID_LIST, 1)
    );
    let input = b"003095001234";
    // SAFETY: as above.
    let result = unsafe {
        bhyt_advise(
            input.as_ptr().cast(),
            input.len(),
            BHYT_ISSUER_ANY,
            notes.as_mut_ptr(),
            3,
            &mut count,
        )
    };
    assert_eq!(
        (result, count, notes[0].code, notes[0].birth_place_code),
        (BHYT_OK, 1, BHYT_ADVICE_UNLISTED_BIRTH_PLACE_CODE, 3)
    );
    // SAFETY: asking for the count.
    let result = unsafe {
        bhyt_advise(
            input.as_ptr().cast(),
            input.len(),
            0,
            ptr::null_mut(),
            0,
            &mut count,
        )
    };
    assert_eq!((result, count), (BHYT_BUFFER_TOO_SMALL, 1));
    for code in AdviceCode::ALL {
        // SAFETY: static NUL-terminated strings.
        let name = unsafe { CStr::from_ptr(bhyt_advice_code_name(code.number())) };
        assert_eq!(name.to_str(), Ok(code.as_str()));
        for (lang, c_lang) in [(Lang::Vi, BHYT_LANG_VI), (Lang::En, BHYT_LANG_EN)] {
            // SAFETY: as above.
            let message = unsafe { CStr::from_ptr(bhyt_advice_message(code.number(), c_lang)) };
            assert_eq!(message.to_str(), Ok(code.message(lang)));
        }
        let define = format!(
            "#define BHYT_ADVICE_{} {}",
            code.as_str().to_uppercase(),
            code.number()
        );
        assert!(HEADER.contains(&define), "{define}");
    }
    // SAFETY: as above.
    assert_eq!(
        unsafe { CStr::from_ptr(bhyt_advice_code_name(0)) },
        c"unknown"
    );
}
