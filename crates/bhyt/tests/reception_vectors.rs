//! Runs every case of the shared reception-desk vectors (`tests/vectors/identify.tsv` and
//! `tests/vectors/ma_the.tsv`, generated from the spec by an independent oracle) through the
//! core: `identify` / `identify_lenient` (kind, verdict, error code and position, decoded
//! parts) and `parse_ma_the_bhyt` / `parse_ma_the_bhyt_lenient` (every item's place, text and
//! verdict, positions in the whole field).

use std::collections::HashSet;

use bhyt::{IdentifyError, Identity, MaTheItem, Style};

use bhyt_testdata::vectors::{rows, Row, IDENTIFY, MA_THE};

// ---- identify.tsv ----------------------------------------------------------------------------

const PERSONAL_ID_PARTS: [&str; 6] = [
    "birth_place",
    "on_2016_list",
    "sex",
    "century",
    "birth_year",
    "masked",
];

fn check_identity(row: &Row, identity: &Identity) {
    let line = row.line;
    assert_eq!(identity.kind(), row.get("kind"), "line {line}: kind");
    match identity {
        Identity::Card(card) => {
            assert_eq!(card.to_string(), row.get("compact"), "line {line}: compact");
            assert_eq!(
                card.format(Style::Masked).as_str(),
                row.get("masked"),
                "line {line}: masked"
            );
            for column in &PERSONAL_ID_PARTS[..5] {
                assert_eq!(row.get(column), "-", "line {line}: {column}");
            }
            assert!(identity.personal_id().is_none(), "line {line}");
        }
        Identity::PersonalId(id) => {
            assert_eq!(id.as_str(), row.get("compact"), "line {line}: digits");
            assert_eq!(id.to_string(), row.get("compact"), "line {line}: Display");
            let place = id.birth_place();
            assert_eq!(
                place.to_string(),
                row.get("birth_place"),
                "line {line}: birth_place"
            );
            assert_eq!(
                place.digits(),
                row.get("birth_place").as_bytes(),
                "line {line}: birth_place digits"
            );
            assert_eq!(
                place.value(),
                row.number("birth_place") as u16,
                "line {line}: birth_place value"
            );
            assert_eq!(
                place.is_on_2016_province_list().to_string(),
                row.get("on_2016_list"),
                "line {line}: on_2016_list"
            );
            assert_eq!(id.sex().as_str(), row.get("sex"), "line {line}: sex");
            assert_eq!(
                usize::from(id.century()),
                row.number("century"),
                "line {line}: century"
            );
            assert_eq!(
                usize::from(id.birth_year()),
                row.number("birth_year"),
                "line {line}: birth_year"
            );
            assert_eq!(
                id.masked().as_str(),
                row.get("masked"),
                "line {line}: masked"
            );
            assert!(identity.card().is_none(), "line {line}");
        }
        // identify.tsv has no `|`: the QR codes are in qr.tsv.
        Identity::CardQr(_) | Identity::PersonalIdQr(_) => {
            panic!("line {line}: a QR code read from identify.tsv")
        }
    }
}

fn check_identify_error(row: &Row, error: &IdentifyError) {
    let line = row.line;
    assert_eq!(error.code(), row.get("code"), "line {line}: code");
    assert_eq!(error.position(), row.position(), "line {line}: position");
    assert_eq!(
        error.card_error().is_some(),
        row.get("kind") == "card",
        "line {line}: a card's error"
    );
    match (row.get("kind"), error) {
        ("card", IdentifyError::Card(card_error)) => {
            assert_eq!(card_error.code().as_str(), row.get("code"), "line {line}");
        }
        ("personal_id", IdentifyError::InvalidPersonalId { position, .. }) => {
            assert_eq!(Some(*position), row.position(), "line {line}");
        }
        ("-", IdentifyError::Unrecognized { length }) => {
            assert_eq!(*length, row.number("length"), "line {line}: length");
        }
        (kind, got) => panic!("line {line}: kind {kind}, got {got:?}"),
    }
}

#[test]
fn every_identify_vector_gets_its_kind_verdict_and_parts() {
    let rows = rows(IDENTIFY, 25);
    assert!(
        rows.len() * if cfg!(miri) { 25 } else { 1 } > 500,
        "the vectors are all there"
    );
    for row in &rows {
        let input = row.input();
        let answer = if row.lenient() {
            bhyt::identify_lenient(&input)
        } else {
            bhyt::identify(&input)
        };
        match (row.get("valid"), &answer) {
            ("true", Ok(identity)) => check_identity(row, identity),
            ("false", Err(error)) => check_identify_error(row, error),
            (expected, got) => panic!("line {}: expected valid={expected}, got {got:?}", row.line),
        }
        // The byte entry point agrees with the &str one.
        let as_bytes = if row.lenient() {
            bhyt::identify_lenient(input.as_bytes())
        } else {
            bhyt::identify(input.as_bytes())
        };
        assert_eq!(as_bytes, answer, "line {}: bytes", row.line);
    }
}

// ---- ma_the.tsv ------------------------------------------------------------------------------

/// One expected item: `start:byte_start:byte_len:verdict:detail`.
fn check_item(row: &Row, field: &str, index: usize, item: &MaTheItem, expected: &str) {
    let line = row.line;
    let parts: Vec<&str> = expected.split(':').collect();
    assert_eq!(parts.len(), 5, "line {line}: item {expected}");
    let number = |i: usize| -> usize { parts[i].parse().expect("item number") };
    let (start, byte_start, byte_len) = (number(0), number(1), number(2));
    let what = format!("line {line}: item {index}");
    assert_eq!(item.index(), index, "{what}: index");
    assert_eq!(item.position(), start, "{what}: start");
    assert_eq!(item.byte_offset(), byte_start, "{what}: byte_start");
    assert_eq!(
        item.text(),
        &field.as_bytes()[byte_start..byte_start + byte_len],
        "{what}: text"
    );
    assert_eq!(item.is_empty(), byte_len == 0, "{what}: is_empty");
    // The vector agrees with itself: `start` characters come before `byte_start`.
    assert_eq!(field[..byte_start].chars().count(), start, "{what}: vector");
    match (parts[3], item.result()) {
        ("valid", Ok(card)) => {
            assert!(item.is_valid(), "{what}");
            assert_eq!(card.to_string(), parts[4], "{what}: compact");
            assert_eq!(item.card(), Some(card), "{what}: card");
        }
        (code, Err(error)) if code != "valid" => {
            assert!(!item.is_valid() && item.card().is_none(), "{what}");
            assert_eq!(error.code().as_str(), code, "{what}: code");
            let position = Some(parts[4])
                .filter(|p| *p != "-")
                .map(|p| p.parse::<usize>().expect("item position"));
            assert_eq!(error.position(), position, "{what}: position");
        }
        (verdict, got) => panic!("{what}: expected {verdict}, got {got:?}"),
    }
}

#[test]
fn every_ma_the_vector_gets_its_items_places_and_verdicts() {
    let rows = rows(MA_THE, 10);
    assert!(
        rows.len() * if cfg!(miri) { 10 } else { 1 } > 150,
        "the vectors are all there"
    );
    for row in &rows {
        let field = row.input();
        let items: Vec<MaTheItem> = if row.lenient() {
            bhyt::parse_ma_the_bhyt_lenient(field.as_bytes(), row.issuer()).collect()
        } else {
            bhyt::parse_ma_the_bhyt(field.as_bytes(), row.issuer()).collect()
        };
        let expected: Vec<&str> = row.get("items").split('|').collect();
        assert_eq!(expected.len(), row.number("count"), "line {}", row.line);
        assert_eq!(items.len(), expected.len(), "line {}: count", row.line);
        for (index, (item, expected)) in items.iter().zip(expected).enumerate() {
            check_item(row, &field, index, item, expected);
        }
    }
}

// ---- coverage ----------------------------------------------------------------------------------

#[test]
#[cfg_attr(miri, ignore = "checks the data files, not the code")]
fn the_reception_vectors_cover_what_the_issue_asks_for() {
    let identify = rows(IDENTIFY, 1);
    let seen = |column: &str| -> HashSet<String> {
        identify
            .iter()
            .map(|row| row.get(column).to_string())
            .collect()
    };
    let codes = seen("code");
    for code in bhyt::ErrorCode::ALL {
        if code.as_str() != "invalid_length" {
            assert!(codes.contains(code.as_str()), "a card's {code}");
        }
    }
    for code in ["invalid_personal_id", "unrecognized_input"] {
        assert!(codes.contains(code), "{code}");
    }
    for century in ["1900", "2000", "2100", "2200", "2300"] {
        for sex in ["male", "female"] {
            assert!(
                identify
                    .iter()
                    .any(|row| row.get("century") == century && row.get("sex") == sex),
                "{century} {sex}"
            );
        }
    }
    assert_eq!(seen("on_2016_list").len(), 3, "on and off the list");
    for place in ["000", "001", "003", "096", "097", "099", "100", "999"] {
        assert!(seen("birth_place").contains(place), "birth place {place}");
    }
    for position in 0..12 {
        assert!(
            identify
                .iter()
                .any(|row| row.get("code") == "invalid_personal_id"
                    && row.position() == Some(position)),
            "a non-digit at {position}"
        );
    }
    for length in [0, 1, 11, 13, 16] {
        assert!(
            identify.iter().any(
                |row| row.get("code") == "unrecognized_input" && row.number("length") == length
            ),
            "length {length}"
        );
    }

    let ma_the = rows(MA_THE, 1);
    for count in 1..=3 {
        assert!(
            ma_the.iter().any(|row| row.number("count") == count
                && row
                    .get("items")
                    .split('|')
                    .all(|item| item.contains(":valid:"))),
            "{count} valid cards"
        );
    }
    assert!(
        ma_the
            .iter()
            .any(|row| row.get("items").contains(":0:invalid_length:-")),
        "empty items"
    );
    assert!(
        ma_the.iter().any(|row| {
            let field = row.input();
            field.len() != field.chars().count() && row.get("items").contains(":valid:")
        }),
        "non-ASCII before an item"
    );
}
