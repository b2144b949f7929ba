//! Differential fuzzing: on any bytes, for every issuing-body choice, strict and lenient, the
//! core gives exactly the answer of the independent regex oracle (`bhyt_fuzz`, built from the
//! spec): the verdict, the whole error (code, position, expected and found kinds, late code,
//! issuer), the decoded parts and display forms of a valid card, the as-you-type answer
//! (state, `at`, error, form, missing), `normalize`, and the batch verdicts line by line.
#![no_main]

use bhyt::{CardNumber, Error, Form, Issuer, PrefixCheck, Style};
use bhyt_fuzz as oracle;
use libfuzzer_sys::fuzz_target;

fn same_parts(card: &CardNumber, parts: &oracle::Parts, what: &str) {
    let form = match card.form() {
        Form::Short => oracle::Form::Short,
        Form::Full => oracle::Form::Full,
    };
    assert_eq!(form, parts.form, "{what}: form");
    assert_eq!(
        card.format(Style::Compact).as_str(),
        parts.compact,
        "{what}: compact"
    );
    assert_eq!(
        card.format(Style::Grouped).as_str(),
        parts.grouped,
        "{what}: grouped"
    );
    assert_eq!(
        card.format(Style::Masked).as_str(),
        parts.masked,
        "{what}: masked"
    );
    assert_eq!(
        card.group_code().map(|g| g.as_str().to_string()),
        parts.group,
        "{what}: group"
    );
    assert_eq!(
        card.benefit_level().map(|b| b.digit()),
        parts.benefit,
        "{what}: benefit"
    );
    assert_eq!(
        card.province_code().map(|p| p.value()),
        parts.province,
        "{what}: province"
    );
    assert_eq!(card.issuer(), parts.issuer, "{what}: issuer");
    assert_eq!(
        card.social_insurance_number().as_str(),
        parts.sin,
        "{what}: sin"
    );
    assert_eq!(card.key().to_string(), parts.sin, "{what}: key");
}

fn same_verdict(got: &Result<CardNumber, Error>, want: &Result<oracle::Parts, Error>, what: &str) {
    match (got, want) {
        (Ok(card), Ok(parts)) => same_parts(card, parts, what),
        (Err(got), Err(want)) => assert_eq!(got, want, "{what}: error"),
        _ => panic!("{what}: core says {got:?}, oracle says {want:?}"),
    }
}

fn same_prefix(got: &PrefixCheck, want: &oracle::Prefix, what: &str) {
    match (got, want) {
        (
            PrefixCheck::Incomplete { form, missing },
            oracle::Prefix::Incomplete {
                form: want_form,
                missing: want_missing,
            },
        ) => {
            assert_eq!(
                form.map(Form::len),
                want_form.map(oracle::Form::len),
                "{what}: form"
            );
            assert_eq!(missing, want_missing, "{what}: missing");
        }
        (PrefixCheck::Complete(card), oracle::Prefix::Complete(parts)) => {
            same_parts(card, parts, what)
        }
        (
            PrefixCheck::Invalid { at, error },
            oracle::Prefix::Invalid {
                at: want_at,
                error: want_error,
            },
        ) => {
            assert_eq!(at, want_at, "{what}: at");
            assert_eq!(error, want_error, "{what}: error");
        }
        _ => panic!("{what}: core says {got:?}, oracle says {want:?}"),
    }
}

fn check_issuer(data: &[u8], chars: &[char], kept: &oracle::Kept, issuer: Option<Issuer>) {
    let strict = oracle::validate(chars, issuer);
    let lenient = oracle::validate_lenient(kept, issuer);
    same_verdict(&bhyt::validate(data, issuer), &strict, "validate");
    assert_eq!(bhyt::is_valid(data, issuer), strict.is_ok(), "is_valid");
    same_verdict(
        &bhyt::validate_lenient(data, issuer),
        &lenient,
        "validate_lenient",
    );
    same_prefix(
        &bhyt::check_prefix(data, issuer),
        &oracle::check_prefix(chars, issuer),
        "check_prefix",
    );
    same_prefix(
        &bhyt::check_prefix_lenient(data, issuer),
        &oracle::check_prefix_lenient(kept, issuer),
        "check_prefix_lenient",
    );

    // Batch: each line's verdict is the oracle's for that line.
    let lines = oracle::lines(data);
    let got: Vec<_> = bhyt::validate_lines(data, issuer).collect();
    assert_eq!(got.len(), lines.len(), "validate_lines: line count");
    let got_lenient: Vec<_> = bhyt::validate_lines_lenient(data, issuer).collect();
    assert_eq!(
        got_lenient.len(),
        lines.len(),
        "validate_lines_lenient: count"
    );
    for ((&(offset, line), got), got_lenient) in lines.iter().zip(&got).zip(&got_lenient) {
        assert_eq!(
            (got.offset(), got.text()),
            (offset, line),
            "validate_lines: line"
        );
        let line_chars = oracle::chars_of(line);
        let want = oracle::validate(&line_chars, issuer);
        assert_eq!(got.is_valid(), want.is_ok(), "validate_lines: is_valid");
        same_verdict(&got.result(), &want, "validate_lines");
        assert_eq!((got_lenient.offset(), got_lenient.text()), (offset, line));
        let line_kept = oracle::lenient(&line_chars);
        let want = oracle::validate_lenient(&line_kept, issuer);
        assert_eq!(
            got_lenient.is_valid(),
            want.is_ok(),
            "validate_lines_lenient"
        );
        same_verdict(&got_lenient.result(), &want, "validate_lines_lenient");
    }
}

fuzz_target!(|data: &[u8]| {
    let chars = oracle::chars_of(data);
    let kept = oracle::lenient(&chars);
    match (bhyt::normalize(data), oracle::normalize(&kept)) {
        (Ok(got), Ok(want)) => {
            assert_eq!(got.as_str(), want, "normalize");
            assert_eq!(got.char_count(), kept.chars.len(), "normalize: char_count");
        }
        (Err(got), Err(want)) => assert_eq!(got, want, "normalize: error"),
        (got, want) => panic!("normalize: core says {got:?}, oracle says {want:?}"),
    }
    for issuer in oracle::CHOICES {
        check_issuer(data, &chars, &kept, issuer);
    }
});
