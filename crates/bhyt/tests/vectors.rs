//! Runs every case of the shared vectors (`tests/vectors/*.tsv`, generated from the spec by an
//! independent oracle) through the core: verdict, error code, position, decoded parts and
//! display forms; for prefixes, the as-you-type state, position and error.

use bhyt::{CardNumber, Error, Form, Issuer, PrefixCheck, Style};

use bhyt_testdata::vectors::{rows, Row, CARDS, PREFIXES};

/// Every row natively; under Miri (about a thousand times slower) every 25th, which still
/// covers every kind of row, since the files group them by kind.
const MIRI_STEP: usize = 25;
/// The step `rows` uses here.
const STEP: usize = if cfg!(miri) { MIRI_STEP } else { 1 };

fn check_error(row: &Row, error: &Error) {
    assert_eq!(
        error.code().as_str(),
        row.get("code"),
        "line {}: code",
        row.line
    );
    assert_eq!(
        error.position(),
        row.position(),
        "line {}: position",
        row.line
    );
}

fn check_card(row: &Row, card: &CardNumber) {
    let line = row.line;
    let form = match card.form() {
        Form::Short => "10",
        Form::Full => "15",
    };
    assert_eq!(form, row.get("form"), "line {line}: form");
    let group = card.group_code().map(|g| g.as_str());
    assert_eq!(group, row.opt("group"), "line {line}: group");
    let benefit = card.benefit_level().map(|b| b.digit().to_string());
    assert_eq!(
        benefit.as_deref(),
        row.opt("benefit"),
        "line {line}: benefit"
    );
    let issuer = card.issuer().map(Issuer::as_str);
    assert_eq!(issuer, row.opt("issuer_decoded"), "line {line}: issuer");
    let province = card.province_code().map(|p| p.to_string());
    assert_eq!(
        province.as_deref(),
        row.opt("province"),
        "line {line}: province"
    );
    assert_eq!(
        card.social_insurance_number().as_str(),
        row.get("sin"),
        "line {line}: sin"
    );
    assert_eq!(card.key().to_string(), row.get("sin"), "line {line}: key");
    for (style, column) in [
        (Style::Compact, "compact"),
        (Style::Grouped, "grouped"),
        (Style::Masked, "masked"),
    ] {
        assert_eq!(
            card.format(style).as_str(),
            row.get(column),
            "line {line}: {column}"
        );
    }
    assert_eq!(card.to_string(), row.get("compact"), "line {line}: Display");
}

#[test]
fn every_card_vector_gets_its_verdict_error_and_parts() {
    let rows = rows(CARDS, MIRI_STEP);
    assert!(rows.len() * STEP > 2000, "the vectors are all there");
    for row in &rows {
        let input = row.input();
        let verdict = if row.lenient() {
            bhyt::validate_lenient(&input, row.issuer())
        } else {
            bhyt::validate(&input, row.issuer())
        };
        match (row.get("valid"), verdict) {
            ("true", Ok(card)) => check_card(row, &card),
            ("false", Err(error)) => check_error(row, &error),
            (expected, got) => panic!("line {}: expected valid={expected}, got {got:?}", row.line),
        }
        // The byte entry point agrees with the &str one.
        let as_bytes = if row.lenient() {
            bhyt::validate_lenient(input.as_bytes(), row.issuer())
        } else {
            bhyt::validate(input.as_bytes(), row.issuer())
        };
        assert_eq!(
            as_bytes.is_ok(),
            row.get("valid") == "true",
            "line {}",
            row.line
        );
    }
}

#[test]
fn every_prefix_vector_gets_its_state_position_and_error() {
    let rows = rows(PREFIXES, MIRI_STEP);
    assert!(rows.len() * STEP > 1000, "the vectors are all there");
    for row in &rows {
        let input = row.input();
        let check = if row.lenient() {
            bhyt::check_prefix_lenient(&input, row.issuer())
        } else {
            bhyt::check_prefix(&input, row.issuer())
        };
        let line = row.line;
        match (row.get("state"), check) {
            ("incomplete", PrefixCheck::Incomplete { .. })
            | ("complete", PrefixCheck::Complete(_)) => {}
            ("invalid", PrefixCheck::Invalid { at, error }) => {
                assert_eq!(
                    Some(at.to_string().as_str()),
                    row.opt("at"),
                    "line {line}: at"
                );
                check_error(row, &error);
            }
            (expected, got) => panic!("line {line}: expected {expected}, got {got:?}"),
        }
    }
}

#[test]
#[cfg_attr(miri, ignore = "checks the data files, not the code")]
fn the_vectors_cover_what_the_issue_asks_for() {
    let rows = rows(CARDS, MIRI_STEP);
    let valid_groups: std::collections::HashSet<&str> =
        rows.iter().filter_map(|row| row.opt("group")).collect();
    assert_eq!(valid_groups.len(), 43, "every group code, valid");
    for code in bhyt::ErrorCode::ALL {
        assert!(
            rows.iter().any(|row| row.get("code") == code.as_str()),
            "an example of {code}"
        );
    }
    for issuer in ["any", "vss", "police", "defence"] {
        for province in 0..100 {
            let wanted = format!("DN4{province:02}0120878811");
            assert!(
                rows.iter()
                    .any(|row| row.get("issuer") == issuer
                        && row.input().get(..5) == wanted.get(..5)),
                "province {province:02} under {issuer}"
            );
        }
    }
    for length in 0..=20 {
        assert!(
            rows.iter().any(|row| row.input().chars().count() == length),
            "length {length}"
        );
    }
}
