//! The junk-input suite (`tests/junk/junk.tsv`, shared by the Rust, C and JS layers): every
//! row goes through every entry point of the core, for every issuing-body choice. Each is
//! rejected with a typed error (the expected code and position when no body is chosen), the
//! as-you-type check gives the expected answer, nothing panics, and the library keeps working:
//! valid numbers around the junk, in the same batch and after it, still validate.
//!
//! Rows marked `js_only` (lone UTF-16 surrogates) cannot be Rust input and are skipped. Under
//! Miri, every eighth row is checked, and inputs repeated to a mebibyte are repeated 17 times
//! instead (more than 16 characters: every expectation in the file holds for both lengths,
//! which the native run checks).

use bhyt::{Error, ErrorCode, Issuer, Lang, PrefixCheck};

use bhyt_testdata::junk::{rows, Row};

const VALID_10: &str = "0120878811";
const VALID_15: &str = "HS4010120878811";

/// A valid 15-character number for each issuing-body choice.
fn valid_15(issuer: Option<Issuer>) -> &'static str {
    match issuer {
        Some(Issuer::Police) => "CA5980123456789",
        Some(Issuer::Defence) => "QN5970123456789",
        _ => VALID_15,
    }
}

const ISSUERS: [Option<Issuer>; 4] = [
    None,
    Some(Issuer::VietnamSocialSecurity),
    Some(Issuer::Police),
    Some(Issuer::Defence),
];

/// How many times a long row's unit is repeated in the shortened run.
const SHORT_REPEAT: usize = 17;

/// Under Miri, the junk test checks every eighth row: 28 rows of different kinds, each through
/// every entry point (the native run checks them all).
const MIRI_STEP: usize = if cfg!(miri) { 8 } else { 1 };

/// Characters as the core counts them: a lossy UTF-8 decoding.
fn char_count(bytes: &[u8]) -> usize {
    String::from_utf8_lossy(bytes).chars().count()
}

/// A typed rejection: a known code, a position inside the input (none only for a length
/// error), messages in both languages that do not repeat the input.
fn check_typed(error: &Error, input: &[u8], what: &str, messages: bool) {
    let code = error.code();
    assert!(ErrorCode::ALL.contains(&code), "{what}: {code:?}");
    match error.position() {
        None => assert_eq!(code, ErrorCode::InvalidLength, "{what}"),
        Some(position) => assert!(position < char_count(input), "{what}: {error:?}"),
    }
    if !messages {
        return;
    }
    let text = String::from_utf8_lossy(input);
    let text = text.trim();
    for lang in [Lang::Vi, Lang::En] {
        let message = error.message(lang).to_string();
        assert!(!message.is_empty(), "{what}");
        if text.chars().count() >= 2 {
            assert!(
                !message.contains(text),
                "{what}: the message repeats the input"
            );
        }
    }
}

fn check_expected(error: &Error, row: &Row, code: &str, position: &str, what: &str) {
    assert_eq!(
        error.code().as_str(),
        row.get(code),
        "{} ({what}): code",
        row.name()
    );
    assert_eq!(
        error.position(),
        row.position(position),
        "{} ({what}): position",
        row.name()
    );
}

fn check_prefix_expected(check: &PrefixCheck, row: &Row, prefix: &str, what: &str) {
    let name = row.name();
    let state = row.get(&format!("{prefix}_state"));
    match check {
        PrefixCheck::Incomplete { .. } => assert_eq!(state, "incomplete", "{name} ({what})"),
        PrefixCheck::Complete(_) => panic!("{name} ({what}): junk is complete"),
        PrefixCheck::Invalid { at, error } => {
            assert_eq!(state, "invalid", "{name} ({what})");
            assert_eq!(
                Some(*at),
                row.position(&format!("{prefix}_at")),
                "{name} ({what}): at"
            );
            assert_eq!(
                Some(error.code().as_str()),
                row.opt(&format!("{prefix}_code")),
                "{name} ({what}): code"
            );
        }
    }
}

/// A valid number still validates, whatever came before.
fn still_works() {
    for number in [VALID_10, VALID_15] {
        assert!(bhyt::validate(number, None).is_ok());
        assert!(bhyt::validate_lenient(number, None).is_ok());
        assert!(matches!(
            bhyt::check_prefix(number, None),
            PrefixCheck::Complete(_)
        ));
    }
}

/// Checks one row for `issuers`; `full` adds the batch, normalisation and keeps-working
/// checks (always natively, for a sample of the rows under Miri).
fn check_row(row: &Row, repeat: usize, issuers: &[Option<Issuer>], full: bool) {
    let input = row.input(repeat);
    let name = row.name();
    let text = std::str::from_utf8(&input).ok();
    assert_eq!(text.is_none(), row.flag("bytes_only"), "{name}: bytes_only");

    for &issuer in issuers {
        let what = format!("{name}, {issuer:?}");
        // Messages are formatted for every choice natively, for no body chosen under Miri.
        let messages = !cfg!(miri) || issuer.is_none();
        // Strict: rejected with a typed error; the same for bytes and text.
        let strict = bhyt::validate(&input, issuer);
        let Err(error) = strict else {
            panic!("{what}: strict accepted junk")
        };
        check_typed(&error, &input, &what, messages);
        assert!(!bhyt::is_valid(&input, issuer), "{what}");
        if let Some(text) = text {
            assert_eq!(bhyt::validate(text, issuer), strict, "{what}: &str");
        }
        // Lenient: rejected too.
        let lenient = bhyt::validate_lenient(&input, issuer);
        let Err(lenient_error) = lenient else {
            panic!("{what}: lenient accepted junk")
        };
        check_typed(&lenient_error, &input, &what, messages);
        // As you type: never complete.
        let prefix = bhyt::check_prefix(&input, issuer);
        let prefix_lenient = bhyt::check_prefix_lenient(&input, issuer);
        for check in [&prefix, &prefix_lenient] {
            assert!(!matches!(check, PrefixCheck::Complete(_)), "{what}");
            if let PrefixCheck::Invalid { at, error } = check {
                assert!(*at < char_count(&input), "{what}: at");
                check_typed(error, &input, &what, messages);
            }
        }
        if issuer.is_none() {
            check_expected(&error, row, "strict_code", "strict_position", "strict");
            check_expected(
                &lenient_error,
                row,
                "lenient_code",
                "lenient_position",
                "lenient",
            );
            check_prefix_expected(&prefix, row, "prefix", "check_prefix");
            check_prefix_expected(
                &prefix_lenient,
                row,
                "lenient_prefix",
                "check_prefix_lenient",
            );
        }

        if !full {
            continue;
        }
        // Batch: the junk between two valid numbers, strict and lenient. The numbers around
        // it stay valid, and every line's verdict is the single-number verdict.
        let mut buffer = Vec::with_capacity(input.len() + 32);
        buffer.extend_from_slice(VALID_10.as_bytes());
        buffer.push(b'\n');
        buffer.extend_from_slice(&input);
        buffer.push(b'\n');
        buffer.extend_from_slice(valid_15(issuer).as_bytes());
        let single_line = !input.contains(&b'\n') && !input.ends_with(b"\r");
        for lenient_mode in [false, true] {
            let lines: Vec<_> = if lenient_mode {
                bhyt::validate_lines_lenient(&buffer, issuer).collect()
            } else {
                bhyt::validate_lines(&buffer, issuer).collect()
            };
            let first = lines.first().expect("a first line");
            let last = lines.last().expect("a last line");
            assert!(
                first.is_valid() && first.text() == VALID_10.as_bytes(),
                "{what}"
            );
            assert!(
                last.is_valid() && last.text() == valid_15(issuer).as_bytes(),
                "{what}"
            );
            for line in &lines {
                let single = if lenient_mode {
                    bhyt::validate_lenient(line.text(), issuer)
                } else {
                    bhyt::validate(line.text(), issuer)
                };
                assert_eq!(line.result(), single, "{what}: batch line");
            }
            if single_line {
                assert_eq!(lines.len(), 3, "{what}: batch lines");
                let middle = if lenient_mode { lenient } else { strict };
                assert_eq!(lines[1].result(), middle, "{what}: batch verdict");
            }
        }
    }

    if !full {
        return;
    }
    // Normalisation: the expected outcome, and the strict check of its output is the lenient
    // verdict.
    match (bhyt::normalize(&input), row.get("normalize")) {
        (Ok(normalized), "ok") => {
            let again = bhyt::validate(normalized.as_str(), None).map_err(|e| e.code());
            let lenient = bhyt::validate_lenient(&input, None).map_err(|e| e.code());
            assert_eq!(again, lenient, "{name}: normalize");
        }
        (Err(error), "invalid_length") => {
            assert_eq!(error.code(), ErrorCode::InvalidLength, "{name}: normalize");
        }
        (got, want) => panic!("{name}: normalize gave {got:?}, expected {want}"),
    }

    still_works();
}

/// Whether a row is a long one (its unit repeated to about a mebibyte).
fn is_long(row: &Row) -> bool {
    row.repeat() > 1
}

#[test]
fn every_junk_row_is_rejected_by_every_entry_point_and_the_library_keeps_working() {
    let rows = rows();
    assert!(rows.len() > 150, "the junk file is all there");
    let mut checked = 0;
    // Natively: every row at full length, for every issuing-body choice. Under Miri (thousands
    // of times slower): every MIRI_STEP-th row, long rows shortened (see the module doc), for
    // no body chosen (the expected answers) and one body in turn, and through the batch,
    // normalisation and keeps-working checks.
    let sample = rows
        .iter()
        .filter(|row| !row.flag("js_only"))
        .enumerate()
        .step_by(MIRI_STEP);
    for (index, row) in sample {
        let (repeat, issuers) = if cfg!(miri) {
            let repeat = if is_long(row) {
                SHORT_REPEAT
            } else {
                row.repeat()
            };
            (repeat, vec![None, ISSUERS[1 + index / MIRI_STEP % 3]])
        } else {
            (row.repeat(), ISSUERS.to_vec())
        };
        check_row(row, repeat, &issuers, true);
        checked += 1;
    }
    assert!(checked > 150 / MIRI_STEP);
}

/// Long rows shortened give the answers the file gives for their full length: so the Miri
/// run, which shortens them, checks the same expectations.
#[test]
#[cfg_attr(miri, ignore = "runs the long rows natively only")]
fn long_rows_give_the_same_answers_shortened() {
    for row in rows()
        .iter()
        .filter(|row| is_long(row) && !row.flag("js_only"))
    {
        check_row(row, SHORT_REPEAT, &ISSUERS, true);
    }
}

#[test]
#[cfg_attr(miri, ignore = "checks the data file, not the code")]
fn the_junk_file_covers_what_the_issue_lists() {
    let rows = rows();
    let inputs: Vec<(Vec<u8>, &Row)> = rows
        .iter()
        .filter(|row| !row.flag("js_only"))
        .map(|row| (row.input(1), row))
        .collect();
    let has = |needle: &str| {
        inputs
            .iter()
            .any(|(input, _)| input.windows(needle.len()).any(|w| w == needle.as_bytes()))
    };
    assert!(inputs.iter().any(|(input, _)| input.is_empty()), "empty");
    assert!(
        inputs.iter().any(|(input, _)| !input.is_empty()
            && String::from_utf8_lossy(input)
                .chars()
                .all(char::is_whitespace)),
        "whitespace only"
    );
    assert!(
        rows.iter()
            .any(|row| row.input(1).len() * row.repeat() >= 1_000_000),
        "a mebibyte"
    );
    assert!(has("\0"), "NUL");
    assert!(
        rows.iter().any(|row| row.flag("bytes_only")),
        "invalid UTF-8"
    );
    assert!(
        rows.iter().any(|row| row.flag("js_only")),
        "lone surrogates"
    );
    for junk in [
        "3\u{b2}",
        "\u{2177}",
        "\u{2471}",
        "\u{1b53}",
        "\u{ff24}\u{ff2e}",
        "\u{110}",
        "\u{200f}",
        "\u{200b}",
        "\u{1f600}",
    ] {
        assert!(has(junk), "{junk:?}");
    }
    // Each kind also sits inside an otherwise valid number.
    for junk in ["\0", "\u{b2}", "\u{200f}", "\u{200b}", "\u{1f600}"] {
        assert!(
            inputs
                .iter()
                .any(|(input, row)| row.name().ends_with("-in-15")
                    && input.windows(junk.len()).any(|w| w == junk.as_bytes())),
            "{junk:?} inside a number"
        );
    }
}

/// Errors cannot hold the input: they are small `Copy + 'static` values that borrow nothing.
#[test]
fn errors_are_small_static_values() {
    fn is_static_copy<T: Copy + Send + Sync + 'static>() {}
    is_static_copy::<Error>();
    is_static_copy::<PrefixCheck>();
    assert!(std::mem::size_of::<Error>() <= 24);
}
