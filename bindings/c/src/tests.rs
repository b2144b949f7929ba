//! Unit tests of the binding's own parts (the C tests in `tests/` check the C API itself).

use super::*;

const SOURCE: &str = include_str!("lib.rs");
const HEADER: &str = include_str!("../bhyt.h");

/// The body of `fn name(` in this crate's source: from the signature to the first line that
/// is a lone `}`.
fn body(name: &str) -> &'static str {
    let start = SOURCE
        .find(&format!("fn {name}("))
        .unwrap_or_else(|| panic!("no fn {name}"));
    let rest = &SOURCE[start..];
    &rest[..rest.find("\n}\n").expect("end of fn")]
}

#[test]
fn every_exported_function_runs_inside_the_panic_boundary() {
    let exported: Vec<&str> = SOURCE
        .match_indices("extern \"C\" fn ")
        .map(|(at, marker)| {
            let name = &SOURCE[at + marker.len()..];
            &name[..name.find('(').expect("(")]
        })
        .collect();
    for name in &exported {
        assert!(
            HEADER.contains(&format!(" {name}(")) || HEADER.contains(&format!("*{name}(")),
            "{name} is not in bhyt.h"
        );
    }
    assert_eq!(exported.len(), 14, "{exported:?}");
    for name in exported {
        let text = body(name).split_whitespace().collect::<Vec<_>>().join(" ");
        let guarded = text.contains("guard(")
            || text.contains("guard_str(")
            || ["check", "parse", "prefix", "batch", "validate_lines"]
                .iter()
                .any(|inner| {
                    text.contains(&format!("{{ {inner}(")) && body(inner).contains("guard(")
                });
        assert!(guarded, "{name} is not inside guard()");
        let before = &SOURCE[..SOURCE.find(&format!("fn {name}(")).unwrap()];
        assert!(
            before.ends_with("#[no_mangle]\npub unsafe extern \"C\" ")
                || before.ends_with("#[no_mangle]\npub extern \"C\" "),
            "{name} is not #[no_mangle] pub"
        );
    }
}

#[test]
fn a_panic_becomes_bhyt_panic() {
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = guard(|| panic!("boom"));
    let text = guard_str(|| panic!("boom"));
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
    for unknown in [7, 99, 105, 1000, u32::MAX] {
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
