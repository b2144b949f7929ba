//! Every public entry point of the core on arbitrary bytes (and as `&str` when they are UTF-8),
//! for every issuing-body choice: nothing panics, and the core agrees with itself:
//!
//! - the `&str` and byte entry points give the same answers; `is_valid` is `validate().is_ok()`;
//! - a valid card's compact form re-parses strictly, and its grouped form leniently, to the same
//!   card; every display form has its documented length; `write_to` writes exactly the text
//!   into a large enough buffer and nothing into a small one; `Debug` hides the number;
//! - the lenient path accepts (as the same card) everything the strict path accepts;
//! - `check_prefix` says `Complete` exactly when `validate` succeeds (lenient: likewise);
//! - every prefix of a valid input passes the as-you-type check;
//! - an `Invalid` prefix answer is exact: the characters before `at` still have a valid
//!   completion and those up to `at` have none (decided by the regex oracle in `bhyt_fuzz`);
//! - error positions lie inside the input, `at` too, and an error's position is never after
//!   `at`; a length error has no position;
//! - `normalize` is idempotent and the strict check of its output is the lenient verdict;
//! - the batch iterators give one verdict per line, each the single-number verdict.
#![no_main]

use std::fmt::Write as _;
use std::str::FromStr;

use bhyt::{CardNumber, Error, ErrorCode, Form, GroupCode, Issuer, Lang, PrefixCheck, Style};
use bhyt_fuzz as oracle;
use libfuzzer_sys::fuzz_target;

fn check_error(error: &Error, chars: usize) {
    let code = error.code();
    assert_eq!(ErrorCode::from_number(code.number()), Some(code));
    assert_eq!(code.as_str().parse::<ErrorCode>(), Ok(code));
    assert!(!code.message(Lang::Vi).is_empty() && !code.message(Lang::En).is_empty());
    match error.position() {
        None => assert_eq!(
            code,
            ErrorCode::InvalidLength,
            "only a length error has no position"
        ),
        Some(position) => assert!(
            position < chars,
            "position {position} in {chars} characters"
        ),
    }
    let en = error.message(Lang::En).to_string();
    let vi = error.message(Lang::Vi).to_string();
    assert!(!en.is_empty() && !vi.is_empty());
    assert_eq!(error.to_string(), en);
    let _ = format!("{error:?}");
}

fn check_card(card: &CardNumber, issuer: Option<Issuer>) {
    // Round trips: compact strictly, grouped leniently, both to the same card.
    let compact = card.format(Style::Compact);
    assert_eq!(bhyt::validate(compact.as_str(), issuer), Ok(*card));
    assert_eq!(compact.as_str().parse::<CardNumber>(), Ok(*card));
    let grouped = card.format(Style::Grouped);
    assert_eq!(bhyt::validate_lenient(grouped.as_str(), issuer), Ok(*card));
    assert_eq!(card.to_string(), compact.as_str());

    // Lengths, and writing into buffers of every size, big and small.
    for style in Style::ALL {
        let text = card.format(style);
        assert_eq!(text.as_str().len(), style.len_for(card.form()));
        assert!(text.as_str().len() <= style.max_len());
        assert!(text.as_str().is_ascii());
        for size in 0..=Style::Grouped.max_len() + 1 {
            let mut buffer = [0xA5u8; 24];
            let written = card.write_to(style, &mut buffer[..size]).map(str::to_owned);
            match written {
                Some(written) => {
                    assert!(size >= text.as_str().len());
                    assert_eq!(written, text.as_str());
                    assert!(buffer[written.len()..].iter().all(|&b| b == 0xA5));
                }
                None => {
                    assert!(size < text.as_str().len());
                    assert!(
                        buffer.iter().all(|&b| b == 0xA5),
                        "nothing written on failure"
                    );
                }
            }
        }
    }

    // Decoding.
    let sin = card.social_insurance_number();
    assert_eq!(sin.as_str().len(), 10);
    assert!(sin.as_str().bytes().all(|b| b.is_ascii_digit()));
    assert_eq!(sin.as_bytes(), &sin.as_str().as_bytes()[..10]);
    assert_eq!(card.key().value(), sin.value());
    assert_eq!(card.key().to_string(), sin.as_str());
    assert!(compact.as_str().ends_with(sin.as_str()));
    let short: CardNumber = sin.as_str().parse().expect("the 10-digit form is valid");
    assert!(card.same_card(&short));
    assert_eq!(card.key(), short.key());
    match card.form() {
        Form::Short => {
            assert_eq!(compact.as_str().len(), 10);
            assert!(card.group_code().is_none() && card.benefit_level().is_none());
            assert!(card.province_code().is_none() && card.issuer().is_none());
        }
        Form::Full => {
            assert_eq!(compact.as_str().len(), 15);
            let group = card.group_code().expect("group");
            assert_eq!(GroupCode::from_code(&compact.as_str()[..2]), Some(group));
            assert!(!group.description_vi().is_empty() && !group.description_en().is_empty());
            let benefit = card.benefit_level().expect("benefit");
            assert!((1..=5).contains(&benefit.digit()));
            let province = card.province_code().expect("province");
            assert_eq!(province.to_string(), &compact.as_str()[3..5]);
            assert_eq!(Some(province.issuer()), card.issuer());
            assert_eq!(Issuer::from_province(province.value()), card.issuer());
            if let Some(chosen) = issuer {
                assert_eq!(card.issuer(), Some(chosen));
                assert!(chosen.allows_province(province.value()));
            }
        }
    }
    // `Debug` never shows the whole social-insurance number.
    let debug = format!("{card:?} {sin:?}");
    assert!(!debug.contains(sin.as_str()), "Debug leaks the number");
}

/// Checks an as-you-type answer against the regex oracle, on the characters the rule sees
/// (`seen`, each with its index in the input as given).
fn check_prefix_answer(
    check: &PrefixCheck,
    seen: &[char],
    origin: &[usize],
    chars: usize,
    issuer: Option<Issuer>,
) {
    assert_eq!(
        check.can_become_valid(),
        !matches!(check, PrefixCheck::Invalid { .. })
    );
    match *check {
        PrefixCheck::Incomplete { form, missing } => {
            assert!(
                oracle::has_completion(seen, issuer),
                "incomplete, yet no completion"
            );
            match form {
                None => assert!(seen.is_empty() && missing == 10),
                Some(form) => assert_eq!(seen.len() + missing, form.len()),
            }
            assert_eq!(check.first_invalid(), None);
        }
        PrefixCheck::Complete(card) => {
            assert!(
                oracle::is_valid_chars(seen, issuer),
                "complete, yet not valid"
            );
            check_card(&card, issuer);
        }
        PrefixCheck::Invalid { at, error } => {
            assert_eq!(check.first_invalid(), Some(at));
            assert!(at < chars, "at {at} in {chars} characters");
            check_error(&error, chars);
            if let Some(position) = error.position() {
                assert!(position <= at, "error position {position} after at {at}");
            }
            // `at` is a character the rule sees, and the first that cannot fit.
            let k = origin
                .iter()
                .position(|&o| o == at)
                .expect("at is a kept character");
            let form_len = match seen.first() {
                Some(c) if c.is_ascii_uppercase() => 15,
                _ => 10,
            };
            if k < form_len {
                assert!(
                    oracle::has_completion(&seen[..k], issuer),
                    "prefix before at has no completion"
                );
                assert!(
                    !oracle::has_completion(&seen[..=k], issuer),
                    "prefix up to at has a completion"
                );
            } else {
                assert_eq!(error.code(), ErrorCode::InvalidLength);
                assert!(
                    oracle::is_valid_chars(&seen[..k], issuer),
                    "too long, yet the start is invalid"
                );
            }
        }
    }
}

fn check_issuer(
    data: &[u8],
    text: Option<&str>,
    chars: &[char],
    kept: &oracle::Kept,
    issuer: Option<Issuer>,
) {
    let count = chars.len();
    let identity: Vec<usize> = (0..count).collect();

    let strict = bhyt::validate(data, issuer);
    let lenient = bhyt::validate_lenient(data, issuer);
    assert_eq!(bhyt::is_valid(data, issuer), strict.is_ok());
    if let Some(text) = text {
        assert_eq!(bhyt::validate(text, issuer), strict);
        let owned = String::from(text); // an owned `AsRef<[u8]>`
        assert_eq!(bhyt::validate(owned, issuer), strict);
        assert_eq!(bhyt::validate_lenient(text, issuer), lenient);
        assert_eq!(bhyt::is_valid(text, issuer), strict.is_ok());
        assert_eq!(
            bhyt::check_prefix(text, issuer),
            bhyt::check_prefix(data, issuer)
        );
        assert_eq!(
            bhyt::check_prefix_lenient(text, issuer),
            bhyt::check_prefix_lenient(data, issuer)
        );
        if issuer.is_none() {
            assert_eq!(text.parse::<CardNumber>(), strict);
        }
    }
    match &strict {
        Ok(card) => {
            check_card(card, issuer);
            assert_eq!(lenient, Ok(*card), "lenient accepts what strict accepts");
            // Every prefix of a valid number passes the as-you-type check (a valid number is
            // ASCII, so every byte index is a character boundary).
            for end in 0..data.len() {
                let check = bhyt::check_prefix(&data[..end], issuer);
                assert!(
                    matches!(check, PrefixCheck::Incomplete { .. }),
                    "prefix {end}: {check:?}"
                );
                assert!(bhyt::check_prefix_lenient(&data[..end], issuer).can_become_valid());
            }
        }
        Err(error) => {
            check_error(error, count);
            if let Error::InvalidLength { length } = *error {
                assert_eq!(length, count);
                assert!(length != 10 && length != 15, "length error for {length}");
            }
        }
    }
    match &lenient {
        Ok(card) => {
            check_card(card, issuer);
            // Lenient input that is valid is UTF-8 (an invalid sequence is a character that
            // fits nowhere): each of its prefixes can still become valid.
            let text = text.expect("leniently valid input is UTF-8");
            for (end, _) in text.char_indices() {
                assert!(
                    bhyt::check_prefix_lenient(&text[..end], issuer).can_become_valid(),
                    "lenient prefix {end}"
                );
            }
        }
        Err(error) => {
            check_error(error, count);
            if let Error::InvalidLength { length } = *error {
                assert!(length != 10 && length != 15, "length error for {length}");
                assert_eq!(length, kept.chars.len());
            }
        }
    }

    // The as-you-type check: complete exactly when the whole-number check succeeds, and exact.
    let prefix = bhyt::check_prefix(data, issuer);
    match (&prefix, &strict) {
        (PrefixCheck::Complete(card), Ok(valid)) => assert_eq!(card, valid),
        (PrefixCheck::Complete(_), Err(_)) | (_, Ok(_)) => {
            panic!("check_prefix {prefix:?} but validate {strict:?}")
        }
        _ => {}
    }
    check_prefix_answer(&prefix, chars, &identity, count, issuer);
    let prefix_lenient = bhyt::check_prefix_lenient(data, issuer);
    match (&prefix_lenient, &lenient) {
        (PrefixCheck::Complete(card), Ok(valid)) => assert_eq!(card, valid),
        (PrefixCheck::Complete(_), Err(_)) | (_, Ok(_)) => {
            panic!("check_prefix_lenient {prefix_lenient:?} but validate_lenient {lenient:?}")
        }
        _ => {}
    }
    check_prefix_answer(&prefix_lenient, &kept.chars, &kept.origin, count, issuer);

    // Batch: one item per line, with its place and text, whose verdict is the single-number
    // verdict; `Debug` does not show a valid line's number.
    let lines = oracle::lines(data);
    for lenient_mode in [false, true] {
        let mut items = if lenient_mode {
            bhyt::validate_lines_lenient(data, issuer)
        } else {
            bhyt::validate_lines(data, issuer)
        };
        for &(offset, line) in &lines {
            let item = items.next().expect("one item per line");
            assert_eq!((item.offset(), item.text()), (offset, line));
            let want = if lenient_mode {
                bhyt::validate_lenient(line, issuer)
            } else {
                bhyt::validate(line, issuer)
            };
            assert_eq!(item.result(), want);
            assert_eq!(item.is_valid(), want.is_ok());
            assert_eq!(item.card(), want.ok());
            if let Ok(card) = want {
                let debug = format!("{item:?}");
                assert!(!debug.contains(card.social_insurance_number().as_str()));
            }
        }
        assert!(items.next().is_none(), "no item past the last line");
        assert!(items.next().is_none(), "a finished iterator stays finished");
    }
}

fn check_advice(advice: bhyt::Advisories) {
    for note in advice {
        let code = note.code();
        assert_eq!(bhyt::AdviceCode::from_number(code.number()), Some(code));
        assert!(!code.as_str().is_empty());
        assert!(!note.message(Lang::Vi).to_string().is_empty());
        assert!(!note.message(Lang::En).to_string().is_empty());
    }
}

fn check_others(data: &[u8], text: Option<&str>) {
    let chars = oracle::chars_of(data).len();
    for issuer in oracle::CHOICES {
        check_advice(bhyt::advise(data, issuer));
        check_advice(bhyt::advise_lenient(data, issuer));
        if let Ok(card) = bhyt::validate(data, issuer) {
            check_advice(card.advice());
        }
        for lenient_mode in [false, true] {
            let items = if lenient_mode {
                bhyt::parse_ma_the_bhyt_lenient(data, issuer)
            } else {
                bhyt::parse_ma_the_bhyt(data, issuer)
            };
            for (index, item) in items.enumerate() {
                assert_eq!(item.index(), index);
                assert!(item.byte_offset() + item.text().len() <= data.len());
                assert_eq!(
                    &data[item.byte_offset()..][..item.text().len()],
                    item.text()
                );
                assert!(item.position() <= chars);
                assert_eq!(item.is_valid(), item.result().is_ok());
                assert_eq!(item.card(), item.result().ok());
                check_advice(item.advice());
            }
        }
    }
    for result in [bhyt::identify(data), bhyt::identify_lenient(data)] {
        match result {
            Ok(identity) => {
                let _ = identity.kind();
                if let Some(id) = identity.personal_id() {
                    assert_eq!(id.as_str().len(), 12);
                    assert!(id.as_str().bytes().all(|b| b.is_ascii_digit()));
                    let masked = id.masked().to_string();
                    assert!(!masked.contains(id.as_str()));
                    let _ = format!("{} {} {}", id.birth_place(), id.sex(), id.birth_year());
                }
            }
            Err(error) => {
                let _ = error.code();
                if let Some(position) = error.position() {
                    assert!(position < chars.max(1));
                }
                assert!(!error.message(Lang::Vi).to_string().is_empty());
                assert!(!error.message(Lang::En).to_string().is_empty());
            }
        }
    }
    if let Some(text) = text {
        let grouped = bhyt::format_typed(text).to_string();
        assert!(grouped.len() <= text.len() * 2 + 8);
    }
}

/// The QR reading paths: positions inside the payload, every text field decodes into a
/// buffer as long as the payload, `Debug` hides the fields; facility codes re-parse to
/// themselves; dates print and re-parse; gateway lookups agree with the table.
fn check_reception(data: &[u8]) {
    let chars = String::from_utf8_lossy(data).chars().count();
    let mut buf = vec![0u8; data.len()];
    match bhyt::identify(data) {
        Ok(bhyt::Identity::CardQr(qr)) => {
            assert!(data.contains(&b'|'));
            let name = qr.name(data, &mut buf).expect("fits").to_owned();
            let _ = qr.address(data, &mut buf).expect("fits");
            let _ = qr.guardian_name(data, &mut buf).expect("fits");
            let debug = format!("{qr:?}");
            assert!(name.len() < 4 || !debug.contains(&name));
            for index in qr.raw_field_indexes() {
                let _ = qr.raw_field(data, index);
            }
            let facility = qr.facility_code();
            assert_eq!(bhyt::FacilityCode::parse(facility.as_str()), Ok(facility));
            let from = qr.valid_from();
            let iso = from.iso();
            assert_eq!(from.to_string().as_bytes(), &iso);
        }
        Ok(bhyt::Identity::PersonalIdQr(qr)) => {
            let _ = (qr.name(data), qr.address(data), qr.old_id(data));
            let _ = format!("{qr:?}");
        }
        Ok(_) => assert!(!data.contains(&b'|')),
        Err(error) => {
            if let Some(position) = error.position() {
                assert!(position < chars.max(1), "{error:?}");
            }
            let _ = error.message(Lang::Vi).to_string();
        }
    }
    match bhyt::FacilityCode::parse(data) {
        Ok(code) => assert_eq!(bhyt::FacilityCode::parse(code.as_str()), Ok(code)),
        Err(error) => {
            let _ = error.message(Lang::En).to_string();
        }
    }
    if let Some(result) = bhyt::gateway_result(data) {
        assert!(bhyt::GATEWAY_RESULTS.contains(&result));
    }
    if let Some(date) = data.get(..8).and_then(bhyt::Date::parse_ymd) {
        let text = date.to_string();
        assert_eq!(bhyt::Date::parse_ymd(text.replace('-', "").as_bytes()), Some(date));
    }
}

fuzz_target!(|data: &[u8]| {
    let text = std::str::from_utf8(data).ok();
    let chars = oracle::chars_of(data);
    let kept = oracle::lenient(&chars);

    for issuer in oracle::CHOICES {
        check_issuer(data, text, &chars, &kept, issuer);
    }

    // Normalisation: at most 15 characters, idempotent, and the strict check of its output is
    // the lenient verdict.
    match bhyt::normalize(data) {
        Ok(normalized) => {
            assert!(normalized.char_count() <= 15);
            assert_eq!(normalized.as_str().chars().count(), normalized.char_count());
            assert_eq!(bhyt::normalize(normalized.as_str()), Ok(normalized));
            for issuer in oracle::CHOICES {
                let strict = bhyt::validate(normalized.as_str(), issuer);
                let lenient = bhyt::validate_lenient(data, issuer);
                assert_eq!(strict.is_ok(), lenient.is_ok());
                assert_eq!(
                    strict.as_ref().err().map(Error::code),
                    lenient.as_ref().err().map(Error::code)
                );
                assert_eq!(strict.ok(), lenient.ok());
            }
            let debug = format!("{normalized:?}");
            assert!(normalized.as_str().len() < 4 || !debug.contains(normalized.as_str()));
        }
        Err(error) => {
            assert_eq!(error.code(), ErrorCode::InvalidLength);
            let Error::InvalidLength { length } = error else {
                panic!("normalize fails only on length: {error:?}")
            };
            assert!(length > 15);
            assert_eq!(bhyt::validate_lenient(data, None), Err(error));
        }
    }

    // The other entry points: advisory notes, the personal-identification-number check, the
    // claims field `MA_THE_BHYT`, as-you-type grouping. No panic, and they agree with the
    // verdicts above.
    check_others(data, text);

    // Reception-desk QR codes, facility codes, dates and gateway codes.
    check_reception(data);

    // The small parsers of the public API, on the same input.
    if let Some(text) = text {
        let mut sink = String::new();
        if let Ok(issuer) = Issuer::from_str(text) {
            assert_eq!(issuer.as_str(), text);
            let _ = write!(sink, "{issuer} {} {}", issuer.name_vi(), issuer.name_en());
        }
        if let Ok(lang) = Lang::from_str(text) {
            assert!(text == "vi" || text == "en", "{lang:?}");
        }
        if let Ok(code) = ErrorCode::from_str(text) {
            assert_eq!(code.as_str(), text);
            let _ = write!(sink, "{code}");
        }
        if let Some(group) = GroupCode::from_code(text) {
            assert_eq!(group.as_str(), text);
            let _ = write!(sink, "{group} {:?}", group.usual_benefit_level());
        }
    }
    if let [a, b, c, d, ..] = *data {
        let number = u32::from_le_bytes([a, b, c, d]);
        if let Some(code) = ErrorCode::from_number(number) {
            assert_eq!(code.number(), number);
        }
        let _ = Issuer::from_province(a);
        let _ = bhyt::ProvinceCode::new(a);
        let _ = bhyt::BenefitLevel::from_digit(a);
    }
});
