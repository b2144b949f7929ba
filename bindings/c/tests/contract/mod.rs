//! The contract of the C ABI (`bindings/c`), checked on arbitrary bytes by calling it through
//! its rlib exactly as C calls it: raw pointers and lengths. Shared by the fuzz target
//! `fuzz/fuzz_targets/c_abi.rs` (libFuzzer, address sanitizer) and the integration test
//! `tests/abi_contract.rs` (the seed corpus and the junk suite, natively and under Miri). Every
//! buffer handed to the library is a heap block of exactly the size declared, so a read or
//! write past it is a finding for the sanitizer and for Miri.
//!
//! For every issuer value (the four valid ones and an invalid one), strict and lenient: no
//! call returns `BHYT_PANIC`; verdicts, codes and positions are the core's; outputs are
//! written only on success (the optional error detail only on failure); `bhyt_format` writes
//! exactly the text and its NUL into a large enough buffer and nothing into a smaller one;
//! the batch calls give one verdict per item or line, the core's, and write nothing when the
//! array is too small; the static strings are NUL-terminated and readable. The reception
//! calls (`bhyt_identify`, `bhyt_parse_ma_the_bhyt`, `bhyt_advise`, strict and lenient) give
//! the core's answers, and write their arrays only when the capacity suffices; so do the
//! facility code, QR error field, validity and stay-note calls.

use std::ffi::{c_char, CStr};
use std::mem::{size_of, MaybeUninit};

use bhyt::{Identity, Issuer, PrefixCheck, Style};
use bhyt_c::*;

const SENTINEL: u8 = 0xA5;

/// The C issuer values, with what they mean (`Err`: not a valid value).
const ISSUERS: [(bhyt_issuer, Result<Option<Issuer>, ()>); 5] = [
    (BHYT_ISSUER_ANY, Ok(None)),
    (BHYT_ISSUER_VSS, Ok(Some(Issuer::VietnamSocialSecurity))),
    (BHYT_ISSUER_POLICE, Ok(Some(Issuer::Police))),
    (BHYT_ISSUER_DEFENCE, Ok(Some(Issuer::Defence))),
    (77, Err(())),
];

const STYLES: [(bhyt_style, Style); 3] = [
    (BHYT_STYLE_COMPACT, Style::Compact),
    (BHYT_STYLE_GROUPED, Style::Grouped),
    (BHYT_STYLE_MASKED, Style::Masked),
];

/// Storage for one `T` whose bytes are all `SENTINEL`, to see whether a call wrote it.
///
/// Boxed, and filled in place: a `MaybeUninit<T>` moved by value may lose the bytes that are
/// padding in `T` (Miri models this), which would make `untouched` read uninitialised memory.
fn sentinel<T>() -> Box<MaybeUninit<T>> {
    let mut value = Box::new(MaybeUninit::<T>::uninit());
    // SAFETY: writing bytes into our own uninitialised storage.
    unsafe {
        value
            .as_mut_ptr()
            .cast::<u8>()
            .write_bytes(SENTINEL, size_of::<T>())
    };
    value
}

/// An array of `count` sentinel values (see `sentinel`), filled in place.
fn sentinels<T>(count: usize) -> Vec<MaybeUninit<T>> {
    let mut values = Vec::<MaybeUninit<T>>::with_capacity(count);
    // SAFETY: the capacity holds `count` elements; `MaybeUninit` needs no initialisation, and
    // every byte is written before `untouched` reads it.
    unsafe {
        values
            .as_mut_ptr()
            .cast::<u8>()
            .write_bytes(SENTINEL, count * size_of::<T>());
        values.set_len(count);
    }
    values
}

fn untouched<T>(value: &MaybeUninit<T>) -> bool {
    // SAFETY: every byte was initialised by `sentinel` or by the call.
    let bytes = unsafe { std::slice::from_raw_parts(value.as_ptr().cast::<u8>(), size_of::<T>()) };
    bytes.iter().all(|&b| b == SENTINEL)
}

fn code_of(result: &Result<bhyt::CardNumber, bhyt::Error>) -> u32 {
    match result {
        Ok(_) => bhyt_result::BHYT_OK as u32,
        Err(error) => error.code().number(),
    }
}

fn static_str(ptr: *const c_char) -> &'static str {
    assert!(!ptr.is_null());
    // SAFETY: the library returns static NUL-terminated strings.
    unsafe { CStr::from_ptr(ptr) }.to_str().expect("UTF-8")
}

fn check_input(input: &[u8], issuer: bhyt_issuer, meaning: Result<Option<Issuer>, ()>) {
    let ptr = input.as_ptr().cast::<c_char>();
    let len = input.len();
    for lenient in [false, true] {
        let core = meaning.map(|issuer| {
            if lenient {
                bhyt::validate_lenient(input, issuer)
            } else {
                bhyt::validate(input, issuer)
            }
        });
        let want = match &core {
            Ok(result) => code_of(result),
            Err(()) => bhyt_result::BHYT_INVALID_ISSUER as u32,
        };

        // The verdict alone.
        // SAFETY: `ptr` points to `len` readable bytes.
        let got = unsafe {
            if lenient {
                bhyt_validate_lenient(ptr, len, issuer)
            } else {
                bhyt_validate(ptr, len, issuer)
            }
        };
        assert_eq!(got as u32, want, "validate (lenient: {lenient})");

        // Parse: the card only on success, the error detail only on failure.
        let mut card = sentinel::<bhyt_card>();
        let mut error = sentinel::<bhyt_error>();
        // SAFETY: valid pointers to our own storage.
        let got = unsafe {
            if lenient {
                bhyt_parse_lenient(ptr, len, issuer, card.as_mut_ptr(), error.as_mut_ptr())
            } else {
                bhyt_parse(ptr, len, issuer, card.as_mut_ptr(), error.as_mut_ptr())
            }
        };
        assert_eq!(got as u32, want, "parse");
        match core {
            Ok(Ok(valid)) => {
                assert!(untouched(&error), "error detail written on success");
                // SAFETY: written by the successful call.
                let card = unsafe { card.assume_init_read() };
                check_card(&card, &valid);
            }
            Ok(Err(core_error)) => {
                assert!(untouched(&card), "card written on failure");
                // SAFETY: written by the failing call.
                let error = unsafe { error.assume_init_read() };
                assert_eq!(error.code as u32, core_error.code().number());
                assert_eq!(error.position, core_error.position().unwrap_or(usize::MAX));
                if let Some(position) = core_error.position() {
                    assert!(error.byte_offset < len, "byte offset inside the input");
                    let chars = String::from_utf8_lossy(&input[..error.byte_offset])
                        .chars()
                        .count();
                    assert_eq!(chars, position, "byte offset of the position");
                }
            }
            Err(()) => {
                assert!(untouched(&card));
                // SAFETY: written by the failing call.
                let error = unsafe { error.assume_init_read() };
                assert_eq!(error.code, bhyt_result::BHYT_INVALID_ISSUER);
            }
        }
        // Parse without the optional error detail.
        let mut card = sentinel::<bhyt_card>();
        // SAFETY: as above; NULL is allowed for `out_error`.
        let got = unsafe { bhyt_parse(ptr, len, issuer, card.as_mut_ptr(), std::ptr::null_mut()) };
        assert_ne!(got, bhyt_result::BHYT_PANIC);

        // As you type.
        let mut prefix = sentinel::<bhyt_prefix>();
        // SAFETY: valid pointers.
        let got = unsafe {
            if lenient {
                bhyt_check_prefix_lenient(ptr, len, issuer, prefix.as_mut_ptr())
            } else {
                bhyt_check_prefix(ptr, len, issuer, prefix.as_mut_ptr())
            }
        };
        match meaning {
            Err(()) => {
                assert_eq!(got, bhyt_result::BHYT_INVALID_ISSUER);
                assert!(untouched(&prefix));
            }
            Ok(issuer) => {
                assert_eq!(got, bhyt_result::BHYT_OK);
                // SAFETY: written by the successful call.
                let prefix = unsafe { prefix.assume_init_read() };
                let core = if lenient {
                    bhyt::check_prefix_lenient(input, issuer)
                } else {
                    bhyt::check_prefix(input, issuer)
                };
                match core {
                    PrefixCheck::Incomplete { missing, .. } => {
                        assert_eq!(prefix.state, bhyt_prefix_state::BHYT_PREFIX_INCOMPLETE);
                        assert_eq!(prefix.missing, missing);
                    }
                    PrefixCheck::Complete(_) => {
                        assert_eq!(prefix.state, bhyt_prefix_state::BHYT_PREFIX_COMPLETE)
                    }
                    PrefixCheck::Invalid { at, error } => {
                        assert_eq!(prefix.state, bhyt_prefix_state::BHYT_PREFIX_INVALID);
                        assert_eq!(prefix.at, at);
                        assert!(prefix.at_byte_offset < len);
                        assert_eq!(prefix.error.code as u32, error.code().number());
                    }
                }
            }
        }
    }
}

/// A parsed card matches the core's, and formats into buffers of every size.
fn check_card(card: &bhyt_card, valid: &bhyt::CardNumber) {
    // SAFETY: NUL-terminated arrays inside the struct.
    let compact = unsafe { CStr::from_ptr(card.compact.as_ptr()) };
    assert_eq!(compact.to_bytes(), valid.format(Style::Compact).as_bytes());
    assert_eq!(usize::from(card.form), valid.form().len());
    assert_eq!(card.key, valid.key().value());
    for text in [
        card.group_description_vi,
        card.group_description_en,
        card.benefit_meaning_vi,
        card.benefit_meaning_en,
        card.issuer_name_vi,
        card.issuer_name_en,
    ] {
        let _ = static_str(text);
    }
    for (style, core_style) in STYLES {
        let text = valid.format(core_style);
        let required = text.as_bytes().len() + 1;
        // Asking for the size.
        let mut needed = usize::MAX;
        // SAFETY: NULL buffer with size 0 is allowed.
        let got = unsafe { bhyt_format(card, style, std::ptr::null_mut(), 0, &mut needed) };
        assert_eq!(got, bhyt_result::BHYT_BUFFER_TOO_SMALL);
        assert_eq!(needed, required);
        // Every size natively; under Miri (thousands of times slower) the edges only: one
        // byte, one short of the text and its NUL, exactly enough, one more, the largest.
        let sizes: Vec<usize> = if cfg!(miri) {
            let mut sizes = vec![
                1,
                required - 1,
                required,
                required + 1,
                BHYT_FORMAT_SIZE + 1,
            ];
            sizes.dedup();
            sizes
        } else {
            (1..=BHYT_FORMAT_SIZE + 1).collect()
        };
        for size in sizes {
            // Exactly `size` bytes on the heap: a write past them is an ASan finding.
            let mut buffer = vec![SENTINEL; size];
            let mut needed = usize::MAX;
            // SAFETY: `buffer` holds `size` writable bytes.
            let got =
                unsafe { bhyt_format(card, style, buffer.as_mut_ptr().cast(), size, &mut needed) };
            assert_eq!(needed, required);
            if size < required {
                assert_eq!(got, bhyt_result::BHYT_BUFFER_TOO_SMALL);
                assert!(
                    buffer.iter().all(|&b| b == SENTINEL),
                    "written when too small"
                );
            } else {
                assert_eq!(got, bhyt_result::BHYT_OK);
                assert_eq!(&buffer[..required - 1], text.as_bytes());
                assert_eq!(buffer[required - 1], 0);
                assert!(buffer[required..].iter().all(|&b| b == SENTINEL));
            }
        }
    }
    // An unknown style writes nothing.
    let mut buffer = vec![SENTINEL; BHYT_FORMAT_SIZE];
    // SAFETY: as above.
    let got = unsafe {
        bhyt_format(
            card,
            9,
            buffer.as_mut_ptr().cast(),
            buffer.len(),
            std::ptr::null_mut(),
        )
    };
    assert_eq!(got, bhyt_result::BHYT_INVALID_STYLE);
    assert!(buffer.iter().all(|&b| b == SENTINEL));
}

/// A card struct whose compact field holds arbitrary bytes: `bhyt_format` checks it again.
fn check_forged_card(bytes: &[u8]) {
    let mut card = sentinel::<bhyt_card>();
    // SAFETY: filling the compact array of our own storage, NUL-terminated or not.
    let card = unsafe {
        let compact = std::ptr::addr_of_mut!((*card.as_mut_ptr()).compact).cast::<u8>();
        for i in 0..BHYT_COMPACT_SIZE {
            compact.add(i).write(bytes.get(i).copied().unwrap_or(0));
        }
        card.assume_init_read()
    };
    let mut buffer = vec![SENTINEL; BHYT_FORMAT_SIZE];
    // SAFETY: as above.
    let got = unsafe {
        bhyt_format(
            &card,
            BHYT_STYLE_GROUPED,
            buffer.as_mut_ptr().cast(),
            buffer.len(),
            std::ptr::null_mut(),
        )
    };
    assert_ne!(got, bhyt_result::BHYT_PANIC);
    if got != bhyt_result::BHYT_OK {
        assert!(buffer.iter().all(|&b| b == SENTINEL));
    }
}

fn check_batch(data: &[u8], issuer: bhyt_issuer, meaning: Result<Option<Issuer>, ()>) {
    // Items split at NUL bytes, each copied to a heap block of exactly its length; an item
    // that is just `\x01` is passed as NULL.
    let owned: Vec<Vec<u8>> = data.split(|&b| b == 0).map(<[u8]>::to_vec).collect();
    let items: Vec<bhyt_input> = owned
        .iter()
        .map(|item| bhyt_input {
            data: if item.as_slice() == [1] {
                std::ptr::null()
            } else {
                item.as_ptr().cast()
            },
            len: item.len(),
        })
        .collect();
    for lenient in [false, true] {
        let mut verdicts = sentinels::<bhyt_verdict>(items.len());
        // SAFETY: `items` and `verdicts` hold `items.len()` elements; each item's data is NULL
        // or `len` readable bytes.
        let got = unsafe {
            let out = verdicts.as_mut_ptr().cast::<bhyt_verdict>();
            if lenient {
                bhyt_validate_batch_lenient(items.as_ptr(), items.len(), issuer, out)
            } else {
                bhyt_validate_batch(items.as_ptr(), items.len(), issuer, out)
            }
        };
        let Ok(core_issuer) = meaning else {
            assert_eq!(got, bhyt_result::BHYT_INVALID_ISSUER);
            assert!(verdicts.iter().all(untouched));
            continue;
        };
        assert_eq!(got, bhyt_result::BHYT_OK);
        for ((item, input), verdict) in owned.iter().zip(&items).zip(&verdicts) {
            // SAFETY: written by the successful call.
            let verdict = unsafe { verdict.assume_init() };
            if input.data.is_null() {
                assert_eq!(verdict.code, bhyt_result::BHYT_NULL_ARGUMENT);
                continue;
            }
            let core = if lenient {
                bhyt::validate_lenient(item, core_issuer)
            } else {
                bhyt::validate(item, core_issuer)
            };
            assert_eq!(verdict.code as u32, code_of(&core), "batch verdict");
            if let Ok(card) = core {
                assert_eq!(verdict.key, card.key().value());
            }
        }
    }

    // Lines: the array contract of `counted`, then the core's verdict per line.
    for lenient in [false, true] {
        let function: ArrayFn<bhyt_verdict> = if lenient {
            bhyt_validate_lines_lenient
        } else {
            bhyt_validate_lines
        };
        let got = counted_call(function, data, issuer);
        let Ok(core_issuer) = meaning else {
            assert_eq!(got.err(), Some(bhyt_result::BHYT_INVALID_ISSUER));
            continue;
        };
        let verdicts = got.expect("line verdicts");
        let lines: Vec<_> = if lenient {
            bhyt::validate_lines_lenient(data, core_issuer).collect()
        } else {
            bhyt::validate_lines(data, core_issuer).collect()
        };
        assert_eq!(verdicts.len(), lines.len(), "line count");
        for (line, verdict) in lines.iter().zip(&verdicts) {
            assert_eq!(verdict.code as u32, code_of(&line.result()), "line verdict");
        }
    }
}

/// `bhyt_identify` and `bhyt_identify_lenient`: the core's answer; the identity only on
/// success, the error detail only on failure.
fn check_identify(input: &[u8]) {
    let ptr = input.as_ptr().cast::<c_char>();
    let len = input.len();
    for lenient in [false, true] {
        let function = if lenient {
            bhyt_identify_lenient
        } else {
            bhyt_identify
        };
        // SAFETY: `ptr` points to `len` readable bytes; the outputs are NULL or ours.
        let call = |identity, error| unsafe { function(ptr, len, identity, error) };
        let core = if lenient {
            bhyt::identify_lenient(input)
        } else {
            bhyt::identify(input)
        };
        let mut identity = sentinel::<bhyt_identity>();
        let mut error = sentinel::<bhyt_error>();
        let got = call(identity.as_mut_ptr(), error.as_mut_ptr());
        match core {
            Ok(found) => {
                assert_eq!(got, bhyt_result::BHYT_OK, "identify");
                assert!(untouched(&error), "error detail written on success");
                // SAFETY: written by the successful call.
                let identity = unsafe { identity.assume_init_read() };
                let kind = match found {
                    Identity::Card(_) => bhyt_identity_kind::BHYT_IDENTITY_CARD,
                    Identity::PersonalId(_) => bhyt_identity_kind::BHYT_IDENTITY_PERSONAL_ID,
                    Identity::CardQr(_) => bhyt_identity_kind::BHYT_IDENTITY_CARD_QR,
                    Identity::PersonalIdQr(_) => bhyt_identity_kind::BHYT_IDENTITY_PERSONAL_ID_QR,
                };
                assert_eq!(identity.kind, kind);
                if let Some(card) = found.card() {
                    check_card(&identity.card, &card);
                }
                if let Some(id) = found.personal_id() {
                    let person = identity.personal_id;
                    // SAFETY: NUL-terminated arrays inside the struct.
                    let digits = unsafe { CStr::from_ptr(person.digits.as_ptr()) };
                    assert_eq!(digits.to_bytes(), id.as_str().as_bytes());
                    // SAFETY: as above.
                    let masked = unsafe { CStr::from_ptr(person.masked.as_ptr()) };
                    assert_eq!(masked.to_bytes(), id.masked().as_str().as_bytes());
                    assert_eq!(person.birth_place_code, id.birth_place().value());
                    assert_eq!(person.century, id.century());
                    assert_eq!(person.birth_year, id.birth_year());
                    let sex = match id.sex() {
                        bhyt::Sex::Male => BHYT_SEX_MALE,
                        bhyt::Sex::Female => BHYT_SEX_FEMALE,
                    };
                    assert_eq!(person.sex, sex);
                }
            }
            Err(core_error) => {
                assert!(untouched(&identity), "identity written on failure");
                // SAFETY: written by the failing call.
                let error = unsafe { error.assume_init_read() };
                assert_eq!(error.code, got);
                assert_eq!(
                    static_str(bhyt_error_code_name(got as u32)),
                    core_error.code(),
                    "identify error code"
                );
                assert_eq!(error.position, core_error.position().unwrap_or(usize::MAX));
                if core_error.position().is_some() {
                    assert!(error.byte_offset < len, "byte offset inside the input");
                }
            }
        }
        // The identity is required, the error detail optional.
        let got = call(std::ptr::null_mut(), std::ptr::null_mut());
        assert_eq!(got, bhyt_result::BHYT_NULL_ARGUMENT);
        let mut identity = sentinel::<bhyt_identity>();
        let again = call(identity.as_mut_ptr(), std::ptr::null_mut());
        assert_ne!(again, bhyt_result::BHYT_PANIC);
    }
}

/// Calls a C function that fills an array whose length it reports: asks for the count
/// (NULL, 0), then offers one element too few (nothing written) and exactly enough. Returns
/// the exact call's result and elements (`None` if the first call failed otherwise).
fn counted<T: Copy>(
    call: impl Fn(*mut T, usize, *mut usize) -> bhyt_result,
) -> Result<Vec<T>, bhyt_result> {
    let mut count = usize::MAX;
    let got = call(std::ptr::null_mut(), 0, &mut count);
    if got != bhyt_result::BHYT_OK && got != bhyt_result::BHYT_BUFFER_TOO_SMALL {
        assert_eq!(count, usize::MAX, "count written on failure");
        return Err(got);
    }
    let expected = if count == 0 {
        bhyt_result::BHYT_OK
    } else {
        bhyt_result::BHYT_BUFFER_TOO_SMALL
    };
    assert_eq!(got, expected, "asking for the count");
    // A NULL count is refused.
    assert_eq!(
        call(std::ptr::null_mut(), 0, std::ptr::null_mut()),
        bhyt_result::BHYT_NULL_ARGUMENT
    );
    if count > 0 {
        let mut small = sentinels::<T>(count - 1);
        let mut again = 0;
        let got = call(small.as_mut_ptr().cast(), count - 1, &mut again);
        assert_eq!(got, bhyt_result::BHYT_BUFFER_TOO_SMALL);
        assert_eq!(again, count);
        assert!(
            small.iter().all(untouched),
            "written into a too-small array"
        );
    }
    // One element more than needed: the last one stays untouched.
    let mut exact = sentinels::<T>(count + 1);
    let mut again = usize::MAX;
    let got = call(exact.as_mut_ptr().cast(), count + 1, &mut again);
    assert_eq!(got, bhyt_result::BHYT_OK);
    assert_eq!(again, count);
    assert!(untouched(&exact[count]), "written past the count");
    exact.truncate(count);
    // SAFETY: the successful call wrote the first `count` elements.
    Ok(exact
        .into_iter()
        .map(|element| unsafe { element.assume_init() })
        .collect())
}

/// The shape of the C calls that fill an array whose length they report: input, issuer,
/// array, capacity, count (`bhyt_validate_lines`, `bhyt_parse_ma_the_bhyt`, `bhyt_advise` and
/// their lenient forms).
type ArrayFn<T> = unsafe extern "C" fn(
    *const c_char,
    usize,
    bhyt_issuer,
    *mut T,
    usize,
    *mut usize,
) -> bhyt_result;

/// `counted` for one of those calls on `input`.
fn counted_call<T: Copy>(
    function: ArrayFn<T>,
    input: &[u8],
    issuer: bhyt_issuer,
) -> Result<Vec<T>, bhyt_result> {
    counted(|out, capacity, count| {
        // SAFETY: `input` is readable; `out` is NULL with capacity 0 or holds `capacity`
        // elements; `count` is NULL or ours.
        unsafe {
            function(
                input.as_ptr().cast(),
                input.len(),
                issuer,
                out,
                capacity,
                count,
            )
        }
    })
}

/// `bhyt_parse_ma_the_bhyt` (strict and lenient): one item per `;`-separated part, the core's.
fn check_ma_the(field: &[u8], issuer: bhyt_issuer, meaning: Result<Option<Issuer>, ()>) {
    for lenient in [false, true] {
        let function: ArrayFn<bhyt_ma_the_item> = if lenient {
            bhyt_parse_ma_the_bhyt_lenient
        } else {
            bhyt_parse_ma_the_bhyt
        };
        let got = counted_call(function, field, issuer);
        let Ok(core_issuer) = meaning else {
            assert_eq!(got.err(), Some(bhyt_result::BHYT_INVALID_ISSUER));
            continue;
        };
        let items = got.expect("MA_THE_BHYT items");
        let core: Vec<_> = if lenient {
            bhyt::parse_ma_the_bhyt_lenient(field, core_issuer).collect()
        } else {
            bhyt::parse_ma_the_bhyt(field, core_issuer).collect()
        };
        assert_eq!(items.len(), core.len(), "item count");
        for (item, want) in items.iter().zip(&core) {
            assert_eq!(
                item.verdict.code as u32,
                code_of(&want.result()),
                "item verdict"
            );
            assert_eq!(item.start, want.position());
            assert_eq!(item.byte_start, want.byte_offset());
            assert_eq!(item.byte_len, want.text().len());
            assert!(item.byte_start + item.byte_len <= field.len());
            if let Err(error) = want.result() {
                assert_eq!(
                    item.verdict.position,
                    error.position().unwrap_or(usize::MAX)
                );
            }
        }
    }
}

/// `bhyt_advise` (strict and lenient): the core's notes, in order.
fn check_advise(input: &[u8], issuer: bhyt_issuer, meaning: Result<Option<Issuer>, ()>) {
    for lenient in [false, true] {
        let function: ArrayFn<bhyt_advice> = if lenient {
            bhyt_advise_lenient
        } else {
            bhyt_advise
        };
        let got = counted_call(function, input, issuer);
        let Ok(core_issuer) = meaning else {
            assert_eq!(got.err(), Some(bhyt_result::BHYT_INVALID_ISSUER));
            continue;
        };
        let notes = got.expect("advice");
        let core: Vec<_> = if lenient {
            bhyt::advise_lenient(input, core_issuer).collect()
        } else {
            bhyt::advise(input, core_issuer).collect()
        };
        assert!(notes.len() <= BHYT_ADVICE_MAX);
        assert_eq!(notes.len(), core.len(), "advice count");
        for (note, want) in notes.iter().zip(&core) {
            assert_eq!(note.code, want.code().number());
            assert_eq!(
                static_str(bhyt_advice_code_name(note.code)),
                want.code().as_str()
            );
            let _ = static_str(bhyt_advice_message(note.code, BHYT_LANG_VI));
        }
    }
}

/// `bhyt_error_text` and `bhyt_error_details` for one call kind (`call` may be out of range),
/// issuer, item and language: the text is the whole message (asked twice, the same), never a
/// byte past `capacity`, NUL-terminated, cut at a character boundary; empty exactly when the
/// details say `BHYT_OK`; for `BHYT_CALL_VALIDATE*` the core's message.
fn check_error_text(
    input: &[u8],
    call: u32,
    issuer: bhyt_issuer,
    item: usize,
    lang: u32,
    capacity: usize,
) {
    let ptr = input.as_ptr().cast::<c_char>();
    let len = input.len();
    // SAFETY: `ptr` points to `len` readable bytes; NULL with capacity 0 asks the length.
    let needed =
        unsafe { bhyt_error_text(call, ptr, len, issuer, item, lang, std::ptr::null_mut(), 0) };
    let mut full = vec![0x55u8; needed + 1];
    // SAFETY: `full` has `needed + 1` writable bytes.
    let again = unsafe {
        bhyt_error_text(
            call,
            ptr,
            len,
            issuer,
            item,
            lang,
            full.as_mut_ptr().cast(),
            needed + 1,
        )
    };
    assert_eq!(again, needed);
    assert_eq!(full[needed], 0);
    let text = std::str::from_utf8(&full[..needed]).expect("UTF-8");
    let mut part = vec![0x55u8; capacity + 8];
    // SAFETY: `part` has `capacity` (and more) writable bytes.
    let got = unsafe {
        bhyt_error_text(
            call,
            ptr,
            len,
            issuer,
            item,
            lang,
            part.as_mut_ptr().cast(),
            capacity,
        )
    };
    assert_eq!(got, needed);
    assert!(
        part[capacity..].iter().all(|&b| b == 0x55),
        "written past the capacity"
    );
    if capacity > 0 {
        let nul = part[..capacity]
            .iter()
            .position(|&b| b == 0)
            .expect("NUL-terminated");
        assert!(text.as_bytes().starts_with(&part[..nul]));
        assert!(text.is_char_boundary(nul));
    }
    let mut detail = sentinel::<bhyt_error_detail>();
    // SAFETY: as above; `detail` is writable.
    let code = unsafe { bhyt_error_details(call, ptr, len, issuer, item, detail.as_mut_ptr()) };
    assert_eq!(code == bhyt_result::BHYT_OK, needed == 0);
    if code == bhyt_result::BHYT_OK {
        assert!(untouched(&detail));
    }
    if call <= BHYT_CALL_VALIDATE_LENIENT {
        if let Some(meaning) = ISSUERS
            .iter()
            .find(|row| row.0 == issuer)
            .and_then(|row| row.1.ok())
        {
            let mode = bhyt::Mode::from_lenient(call == BHYT_CALL_VALIDATE_LENIENT);
            let lang = if lang == BHYT_LANG_VI {
                bhyt::Lang::Vi
            } else {
                bhyt::Lang::En
            };
            let want = mode
                .validate(input, meaning)
                .err()
                .map(|e| e.message(lang).to_string());
            assert_eq!(text, want.unwrap_or_default());
        }
    }
}

/// `bhyt_parse_facility_code`, `bhyt_qr_error_field`, and `bhyt_validity_on` and
/// `bhyt_stay_notes` on dates taken from the input's bytes: the core's answers, outputs
/// written only on success.
fn check_reception_parts(input: &[u8], control: u8) {
    let ptr = input.as_ptr().cast::<c_char>();
    let len = input.len();
    let mut code = sentinel::<bhyt_facility_code>();
    let mut error = sentinel::<bhyt_error>();
    // SAFETY: `ptr` points to `len` readable bytes; the outputs are ours.
    let got = unsafe { bhyt_parse_facility_code(ptr, len, code.as_mut_ptr(), error.as_mut_ptr()) };
    match bhyt::FacilityCode::parse(input) {
        Ok(core) => {
            assert_eq!(got, bhyt_result::BHYT_OK, "facility code");
            assert!(untouched(&error), "error detail written on success");
            // SAFETY: written by the successful call.
            let code = unsafe { code.assume_init_read() };
            // SAFETY: NUL-terminated arrays of the struct.
            let text = unsafe { CStr::from_ptr(code.code.as_ptr()) };
            assert_eq!(text.to_bytes(), core.as_bytes());
        }
        Err(core) => {
            assert_eq!(
                got,
                bhyt_result::BHYT_INVALID_FACILITY_CODE,
                "facility code"
            );
            assert!(untouched(&code), "facility code written on failure");
            // SAFETY: written by the failed call.
            let error = unsafe { error.assume_init_read() };
            assert_eq!(error.code, got);
            assert_eq!(error.position, core.position().unwrap_or(usize::MAX));
            assert!(error.byte_offset == usize::MAX || error.byte_offset < len);
        }
    }
    for (call, mode) in [
        (BHYT_CALL_IDENTIFY, bhyt::Mode::Strict),
        (BHYT_CALL_IDENTIFY_LENIENT, bhyt::Mode::Lenient),
    ] {
        // SAFETY: as above.
        let field = static_str(unsafe { bhyt_qr_error_field(call, ptr, len) });
        let core = mode.identify(input).err().and_then(|e| e.qr_field());
        assert_eq!(field, core.map_or("", bhyt::QrField::as_str));
    }
    // SAFETY: as above.
    let other = static_str(unsafe { bhyt_qr_error_field(u32::from(control) + 6, ptr, len) });
    assert_eq!(other, "");

    // Four dates from the input's bytes (any values: most are no date).
    let date = |at: usize| {
        let b = |i: usize| input.get(at + i).copied().unwrap_or(0);
        bhyt_date {
            year: u16::from_le_bytes([b(0), b(1) & 0x3f]),
            month: b(2) & 0x0f,
            day: b(3) & 0x1f,
        }
    };
    let core_date = |d: bhyt_date| bhyt::Date::new(d.year, d.month, d.day);
    let none = bhyt_date {
        year: 0,
        month: 0,
        day: 0,
    };
    let [from, to, first, second] = [date(0), date(4), date(8), date(12)];
    let to = if control & 2 == 0 { to } else { none };
    let core_to = if to == none {
        Some(None)
    } else {
        core_date(to).map(Some)
    };
    let mut validity = sentinel::<bhyt_validity>();
    // SAFETY: pointers to our dates and output.
    let got = unsafe { bhyt_validity_on(&from, &to, &first, validity.as_mut_ptr()) };
    let mut notes = sentinel::<bhyt_stay_note>();
    // SAFETY: as above.
    let got_notes = unsafe { bhyt_stay_notes(&from, &to, &first, &second, notes.as_mut_ptr()) };
    match (core_date(from), core_to, core_date(first)) {
        (Some(from), Some(to), Some(day)) => {
            assert_eq!(got, bhyt_result::BHYT_OK);
            // SAFETY: written by the successful call.
            let validity = unsafe { validity.assume_init_read() };
            let name = static_str(bhyt_validity_name(validity));
            assert_eq!(name, bhyt::validity_on(from, to, day).as_str());
            match core_date(second) {
                Some(second) => {
                    assert_eq!(got_notes, bhyt_result::BHYT_OK);
                    // SAFETY: written by the successful call.
                    let bits = unsafe { notes.assume_init_read() };
                    let want: Vec<&str> = bhyt::stay_notes(from, to, day, second)
                        .iter()
                        .map(bhyt::StayNote::as_str)
                        .collect();
                    let got: Vec<&str> = [1, 2, 4]
                        .into_iter()
                        .filter(|bit| bits & bit != 0)
                        .map(|bit| static_str(bhyt_stay_note_name(bit)))
                        .collect();
                    assert_eq!(got, want);
                    assert_eq!(bits & !7, 0);
                }
                None => {
                    assert_eq!(got_notes, bhyt_result::BHYT_INVALID_DATE);
                    assert!(untouched(&notes), "notes written on failure");
                }
            }
        }
        _ => {
            assert_eq!(got, bhyt_result::BHYT_INVALID_DATE);
            assert!(untouched(&validity), "validity written on failure");
            assert_eq!(got_notes, bhyt_result::BHYT_INVALID_DATE);
            assert!(untouched(&notes), "notes written on failure");
        }
    }
    let _ = static_str(bhyt_stay_note_message(
        u32::from(control),
        u32::from(control & 1),
    ));
}

/// Checks every entry point of the C ABI on `data`: the first byte picks the parameters of
/// the extra checks, the rest is the input. Panics (an assertion) on any breach of the contract.
pub fn check(data: &[u8]) {
    // The first byte picks the extra checks' parameters; the rest is the input.
    let Some((&control, input)) = data.split_first() else {
        return;
    };
    let (issuer, meaning) = ISSUERS[usize::from(control) % ISSUERS.len()];
    for (issuer, meaning) in ISSUERS {
        check_input(input, issuer, meaning);
    }
    check_batch(input, issuer, meaning);
    check_forged_card(input);
    check_identify(input);
    check_ma_the(input, issuer, meaning);
    check_advise(input, issuer, meaning);
    check_reception_parts(input, control);
    check_error_text(
        input,
        u32::from(control) % 9,
        issuer,
        usize::from(control >> 5),
        u32::from(control & 1),
        usize::from(control) % 97,
    );

    // NULL input: a NULL-argument result, never a crash; NULL outputs likewise.
    // SAFETY: NULL is allowed and must be reported.
    unsafe {
        assert_eq!(
            bhyt_validate(std::ptr::null(), input.len(), BHYT_ISSUER_ANY),
            bhyt_result::BHYT_NULL_ARGUMENT
        );
        let got = bhyt_parse(
            input.as_ptr().cast(),
            input.len(),
            issuer,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
        );
        assert_eq!(got, bhyt_result::BHYT_NULL_ARGUMENT);
        let got = bhyt_check_prefix(
            input.as_ptr().cast(),
            input.len(),
            issuer,
            std::ptr::null_mut(),
        );
        assert_eq!(got, bhyt_result::BHYT_NULL_ARGUMENT);
    }

    // Static strings for any code and language.
    let code = u32::from_le_bytes([control, input.first().copied().unwrap_or(0), 0, 0]);
    let _ = static_str(bhyt_error_code_name(code));
    let _ = static_str(bhyt_error_message(code, u32::from(control & 1)));
    let _ = static_str(bhyt_error_message(code, u32::from(control)));
    let _ = static_str(bhyt_version());
    let _ = static_str(bhyt_advice_code_name(code));
    let _ = static_str(bhyt_advice_message(code, u32::from(control)));
}
