//! `bhyt_error_text` and `bhyt_error_details` say what the core says: for every row of the
//! shared vectors (cards, prefixes, identify, `MA_THE_BHYT` items) and of the junk-input suite
//! (invalid UTF-8 included), in both languages, the text is the core's `message`, and the
//! details are the fields of the core's error; plus the snprintf contract (NULL, zero
//! capacity, truncation at a character boundary, the NUL).

use core::ffi::c_char;
use core::ptr;

use bhyt::{Error, IdentifyError, Issuer, Lang, Mode, PrefixCheck};
use bhyt_c::*;
use bhyt_testdata::{junk, vectors};

/// Under Miri (about a thousand times slower), every 300th row of the larger vector files (the
/// contract test `abi_contract.rs` also runs these calls under Miri).
const MIRI_STEP: usize = 300;

fn c_issuer(issuer: Option<Issuer>) -> bhyt_issuer {
    match issuer {
        None => BHYT_ISSUER_ANY,
        Some(Issuer::VietnamSocialSecurity) => BHYT_ISSUER_VSS,
        Some(Issuer::Police) => BHYT_ISSUER_POLICE,
        Some(Issuer::Defence) => BHYT_ISSUER_DEFENCE,
    }
}

/// The text through the C call, asking the length first, then with exactly enough room.
fn text(call: bhyt_call, input: &[u8], issuer: bhyt_issuer, item: usize, lang: Lang) -> String {
    let lang = if lang == Lang::Vi {
        BHYT_LANG_VI
    } else {
        BHYT_LANG_EN
    };
    let data = input.as_ptr().cast::<c_char>();
    // SAFETY: `input` holds `input.len()` bytes; NULL with capacity 0 asks the length.
    let needed = unsafe {
        bhyt_error_text(
            call,
            data,
            input.len(),
            issuer,
            item,
            lang,
            ptr::null_mut(),
            0,
        )
    };
    let mut buffer = vec![0x55u8; needed + 2];
    // SAFETY: `buffer` has `needed + 1` writable bytes (and one more, to see it untouched).
    let again = unsafe {
        bhyt_error_text(
            call,
            data,
            input.len(),
            issuer,
            item,
            lang,
            buffer.as_mut_ptr().cast(),
            needed + 1,
        )
    };
    assert_eq!(again, needed);
    assert_eq!(buffer[needed], 0, "NUL-terminated");
    assert_eq!(
        buffer[needed + 1],
        0x55,
        "nothing written past the capacity"
    );
    buffer.truncate(needed);
    String::from_utf8(buffer).expect("UTF-8")
}

fn details(
    call: bhyt_call,
    input: &[u8],
    issuer: bhyt_issuer,
    item: usize,
) -> Option<bhyt_error_detail> {
    let mut detail = core::mem::MaybeUninit::<bhyt_error_detail>::uninit();
    // SAFETY: as above; `detail` is writable.
    let code = unsafe {
        bhyt_error_details(
            call,
            input.as_ptr().cast(),
            input.len(),
            issuer,
            item,
            detail.as_mut_ptr(),
        )
    };
    if code == BHYT_OK {
        return None;
    }
    // SAFETY: written when the code is not BHYT_OK.
    let detail = unsafe { detail.assume_init() };
    assert_eq!(detail.code, code);
    Some(detail)
}

/// The details must be those of the core's error.
fn check_details(detail: &bhyt_error_detail, error: &Error) {
    assert_eq!(detail.code as u32, error.code().number());
    assert_eq!(detail.position, error.position().unwrap_or(usize::MAX));
    match *error {
        Error::InvalidLength { length } => assert_eq!(detail.length, length),
        Error::InvalidCharacter { .. } => {
            assert_ne!(detail.expected, BHYT_KIND_NONE);
            assert_ne!(detail.found, BHYT_KIND_NONE);
        }
        Error::LateGroupCode { code, .. } => {
            let letters: Vec<u8> = detail.group_code.iter().map(|&c| c as u8).collect();
            assert_eq!(&letters[..2], code.as_str().as_bytes());
            assert_eq!(letters[2], 0);
        }
        Error::InvalidProvinceCode { issuer, .. } => assert_eq!(detail.issuer, c_issuer(issuer)),
        _ => {}
    }
}

fn check_card(
    call: bhyt_call,
    input: &[u8],
    issuer: Option<Issuer>,
    item: usize,
    error: Option<Error>,
) {
    let c = c_issuer(issuer);
    for lang in [Lang::Vi, Lang::En] {
        let want = error.map_or(String::new(), |e| e.message(lang).to_string());
        assert_eq!(
            text(call, input, c, item, lang),
            want,
            "{:?}",
            String::from_utf8_lossy(input)
        );
    }
    match (details(call, input, c, item), error) {
        (None, None) => {}
        (Some(detail), Some(error)) => check_details(&detail, &error),
        (got, want) => panic!("details {got:?} for {want:?}"),
    }
}

fn check_identify(mode: Mode, input: &[u8]) {
    let call = if mode == Mode::Lenient {
        BHYT_CALL_IDENTIFY_LENIENT
    } else {
        BHYT_CALL_IDENTIFY
    };
    let error = mode.identify(input).err();
    for lang in [Lang::Vi, Lang::En] {
        let want = error.map_or(String::new(), |e| e.message(lang).to_string());
        assert_eq!(text(call, input, BHYT_ISSUER_ANY, 0, lang), want);
    }
    let detail = details(call, input, BHYT_ISSUER_ANY, 0);
    match (detail, error) {
        (None, None) => {}
        (Some(detail), Some(IdentifyError::Card(error))) => check_details(&detail, &error),
        (Some(detail), Some(IdentifyError::InvalidPersonalId { position, .. })) => {
            assert_eq!(detail.code, BHYT_INVALID_PERSONAL_ID);
            assert_eq!(detail.position, position);
            assert_ne!(detail.found, BHYT_KIND_NONE);
        }
        (Some(detail), Some(IdentifyError::Unrecognized { length })) => {
            assert_eq!(detail.code, BHYT_UNRECOGNIZED_INPUT);
            assert_eq!(detail.length, length);
        }
        (got, want) => panic!("details {got:?} for {want:?}"),
    }
}

fn validate_call(mode: Mode) -> bhyt_call {
    if mode == Mode::Lenient {
        BHYT_CALL_VALIDATE_LENIENT
    } else {
        BHYT_CALL_VALIDATE
    }
}

fn check_whole(mode: Mode, input: &[u8], issuer: Option<Issuer>) {
    check_card(
        validate_call(mode),
        input,
        issuer,
        0,
        mode.validate(input, issuer).err(),
    );
}

#[test]
fn every_card_vector_gets_the_cores_message() {
    for row in vectors::rows(vectors::CARDS, MIRI_STEP) {
        check_whole(row.mode(), row.input().as_bytes(), row.issuer());
    }
}

#[test]
fn every_prefix_vector_gets_the_cores_message() {
    for row in vectors::rows(vectors::PREFIXES, MIRI_STEP) {
        let (mode, input, issuer) = (row.mode(), row.input(), row.issuer());
        let call = if mode == Mode::Lenient {
            BHYT_CALL_CHECK_PREFIX_LENIENT
        } else {
            BHYT_CALL_CHECK_PREFIX
        };
        let error = match mode.check_prefix(input.as_bytes(), issuer) {
            PrefixCheck::Invalid { error, .. } => Some(error),
            _ => None,
        };
        assert_eq!(
            error.is_some(),
            row.get("state") == "invalid",
            "line {}",
            row.line
        );
        check_card(call, input.as_bytes(), issuer, 0, error);
    }
}

#[test]
fn every_identify_vector_gets_the_cores_message() {
    for row in vectors::rows(vectors::IDENTIFY, MIRI_STEP / 3) {
        check_identify(row.mode(), row.input().as_bytes());
    }
}

#[test]
fn every_ma_the_item_gets_the_cores_message() {
    for row in vectors::rows(vectors::MA_THE, MIRI_STEP / 12) {
        let (mode, field, issuer) = (row.mode(), row.input(), row.issuer());
        let call = if mode == Mode::Lenient {
            BHYT_CALL_MA_THE_BHYT_LENIENT
        } else {
            BHYT_CALL_MA_THE_BHYT
        };
        let items: Vec<_> = mode.parse_ma_the_bhyt(field.as_bytes(), issuer).collect();
        assert_eq!(items.len(), row.number("count"));
        for (i, item) in items.iter().enumerate() {
            check_card(call, field.as_bytes(), issuer, i, item.result().err());
        }
        // No item past the last.
        let mut detail = core::mem::MaybeUninit::<bhyt_error_detail>::uninit();
        // SAFETY: the field's bytes and a writable detail.
        let code = unsafe {
            bhyt_error_details(
                call,
                field.as_ptr().cast(),
                field.len(),
                c_issuer(issuer),
                items.len(),
                detail.as_mut_ptr(),
            )
        };
        assert_eq!(code, BHYT_INVALID_ARGUMENT);
    }
}

#[test]
fn junk_input_invalid_utf8_included_gets_the_cores_message() {
    for (i, row) in junk::rows().iter().enumerate() {
        if row.flag("js_only") || (cfg!(miri) && i % 96 != 0) {
            continue;
        }
        let input = row.input(row.repeat().min(if cfg!(miri) { 3 } else { 64 }));
        for mode in [Mode::Strict, Mode::Lenient] {
            for issuer in [None, Some(Issuer::Police)] {
                check_whole(mode, &input, issuer);
            }
            check_identify(mode, &input);
        }
    }
}

#[test]
fn the_issues_examples() {
    let card =
        |input: &str, issuer| text(BHYT_CALL_VALIDATE, input.as_bytes(), issuer, 0, Lang::Vi);
    assert_eq!(
        card("0101010A01", BHYT_ISSUER_ANY),
        "Ký tự thứ 8 là một chữ cái in hoa, cần một chữ số (0-9)"
    );
    assert_eq!(
        card("DN4010123456A89", BHYT_ISSUER_ANY),
        "Ký tự thứ 13 là một chữ cái in hoa, cần một chữ số (0-9)"
    );
    assert_eq!(
        card("DN4010123456789", BHYT_ISSUER_POLICE),
        "Với Bảo hiểm xã hội Công an nhân dân, ký tự 4-5 phải là 98"
    );
    assert_eq!(card("DN4010123456789", BHYT_ISSUER_ANY), "");
}

#[test]
fn the_snprintf_contract() {
    let input = b"DN4010123456789";
    let full = "Với Bảo hiểm xã hội Công an nhân dân, ký tự 4-5 phải là 98";
    let call = |buffer: *mut c_char, capacity| {
        // SAFETY: the caller's buffer has `capacity` writable bytes.
        unsafe {
            bhyt_error_text(
                BHYT_CALL_VALIDATE,
                input.as_ptr().cast(),
                input.len(),
                BHYT_ISSUER_POLICE,
                0,
                BHYT_LANG_VI,
                buffer,
                capacity,
            )
        }
    };
    assert_eq!(call(ptr::null_mut(), 0), full.len());
    // Every capacity: the return is the whole length, the stored text is the longest prefix
    // of whole characters that fits before the NUL, nothing is written past the capacity.
    for capacity in 1..=full.len() + 1 {
        let mut buffer = vec![0x55u8; full.len() + 4];
        assert_eq!(call(buffer.as_mut_ptr().cast(), capacity), full.len());
        let nul = buffer.iter().position(|&b| b == 0).expect("a NUL");
        assert!(nul < capacity);
        assert!(buffer[capacity..].iter().all(|&b| b == 0x55));
        let stored = std::str::from_utf8(&buffer[..nul]).expect("whole characters");
        assert!(full.starts_with(stored));
        let next = full[stored.len()..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        assert!(stored.len() == full.len() || stored.len() + next > capacity - 1);
    }
    // Capacity 0 writes nothing, even with a buffer.
    let mut byte = [0x55u8];
    assert_eq!(call(byte.as_mut_ptr().cast(), 0), full.len());
    assert_eq!(byte[0], 0x55);
    // The call's own errors: their general messages; the details give their codes.
    let general = |code: bhyt_result| {
        // SAFETY: a static string.
        unsafe { core::ffi::CStr::from_ptr(bhyt_error_message(code as u32, BHYT_LANG_EN)) }
            .to_str()
            .unwrap()
            .to_owned()
    };
    let mut buffer = [0u8; 200];
    let own = |call: bhyt_call, data: *const c_char, issuer, out: *mut c_char, capacity| {
        // SAFETY: `out` has `capacity` writable bytes, or is NULL (on purpose, with a capacity).
        unsafe { bhyt_error_text(call, data, 15, issuer, 0, BHYT_LANG_EN, out, capacity) }
    };
    let data = input.as_ptr().cast::<c_char>();
    assert_eq!(
        own(BHYT_CALL_VALIDATE, ptr::null(), 0, ptr::null_mut(), 0),
        general(BHYT_NULL_ARGUMENT).len()
    );
    assert_eq!(
        own(BHYT_CALL_VALIDATE, data, 9, ptr::null_mut(), 0),
        general(BHYT_INVALID_ISSUER).len()
    );
    assert_eq!(
        own(99, data, 0, ptr::null_mut(), 0),
        general(BHYT_INVALID_ARGUMENT).len()
    );
    assert_eq!(
        own(BHYT_CALL_VALIDATE, data, 0, ptr::null_mut(), 5),
        general(BHYT_NULL_ARGUMENT).len()
    );
    let n = own(
        BHYT_CALL_IDENTIFY,
        data,
        BHYT_ISSUER_POLICE,
        buffer.as_mut_ptr().cast(),
        buffer.len(),
    );
    assert_eq!(&buffer[..n], general(BHYT_INVALID_ISSUER).as_bytes());
    let mut detail = core::mem::MaybeUninit::<bhyt_error_detail>::uninit();
    // SAFETY: NULL input is the case under test; the detail is writable.
    let code = unsafe {
        bhyt_error_details(
            BHYT_CALL_VALIDATE,
            ptr::null(),
            0,
            0,
            0,
            detail.as_mut_ptr(),
        )
    };
    assert_eq!(code, BHYT_NULL_ARGUMENT);
    // SAFETY: a NULL detail is the case under test.
    let code = unsafe { bhyt_error_details(BHYT_CALL_VALIDATE, data, 15, 0, 0, ptr::null_mut()) };
    assert_eq!(code, BHYT_NULL_ARGUMENT);
    // SAFETY: as above.
    let code = unsafe { bhyt_error_details(8, data, 15, 0, 0, detail.as_mut_ptr()) };
    assert_eq!(code, BHYT_INVALID_ARGUMENT);
}

/// `bindings/hosts/messages.tsv`: the core's full message, Vietnamese and English, of every
/// invalid row of `tests/vectors/cards.tsv` (by line number), which the host tests (PHP, Java,
/// C#, Go) compare with what `bhyt_error_text` hands them. Generated here from the core
/// (`BHYT_BLESS=1 cargo test -p bhyt-c --test error_text` rewrites it) and checked on every run.
#[test]
fn the_hosts_expected_messages_are_the_cores() {
    let mut out = String::from(
        "# The core's full message of every invalid row of tests/vectors/cards.tsv, for the host tests.\n\
         # Generated by bindings/c/tests/error_text.rs (BHYT_BLESS=1 cargo test -p bhyt-c --test error_text):\n\
         # do not edit by hand. Columns: the row's line number in cards.tsv, Vietnamese, English.\n\
         line\tvi\ten\n",
    );
    for row in vectors::rows(vectors::CARDS, MIRI_STEP) {
        let input = row.input();
        if let Err(error) = row.mode().validate(input.as_bytes(), row.issuer()) {
            let vi = error.message(Lang::Vi).to_string();
            let en = error.message(Lang::En).to_string();
            assert!(!vi.contains(['\t', '\n']) && !en.contains(['\t', '\n']));
            out.push_str(&format!("{}\t{vi}\t{en}\n", row.line));
        }
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../hosts/messages.tsv");
    if std::env::var_os("BHYT_BLESS").is_some() && !cfg!(miri) {
        std::fs::write(&path, &out).unwrap();
    }
    // Under Miri (isolated from the file system) the file as it was compiled in.
    let committed = if cfg!(miri) {
        include_str!("../../hosts/messages.tsv").to_owned()
    } else {
        std::fs::read_to_string(&path).unwrap_or_default()
    };
    if cfg!(miri) {
        // A sample of the rows: each of its lines is in the file.
        let lines: std::collections::HashSet<&str> = committed.lines().collect();
        assert!(
            out.lines().all(|line| lines.contains(line)),
            "bindings/hosts/messages.tsv is stale"
        );
        return;
    }
    assert!(committed == out, "bindings/hosts/messages.tsv is stale: run BHYT_BLESS=1 cargo test -p bhyt-c --test error_text");
}
