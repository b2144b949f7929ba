//! Every public entry point of the core, wrapped in a `#[no_panic]` function (see
//! Cargo.toml). The wrappers instantiate the generic entry points with `&[u8]` and `&str`,
//! as callers do, and touch every accessor of what they return, so that the whole of each
//! path is in the proof: checking, decoding, formatting into the core's own buffers
//! (`format`, `write_to`), the as-you-type check, identify, claims fields, advice, batches.
//!
//! Outside the proof: the `Display` implementations (messages, `format_typed`). They run
//! through `core::fmt::write`, which comes precompiled with the standard library, so the
//! optimiser cannot see into it and the proof cannot be made for any Rust code that
//! formats, whatever it formats. Those paths are fuzzed instead: `core_entry_points` writes
//! every error's and note's message in both languages, and `format_typed`, on every input.
//!
//! The binary also runs: it reads lines from stdin and prints, for each, how the wrappers
//! answered, so that a smoke run shows the proof's functions are the ones that work.

use std::io::{BufRead, Write as _};

use bhyt::{
    advise, advise_lenient, check_prefix, check_prefix_lenient, identify, identify_lenient,
    is_valid, normalize, parse_ma_the_bhyt, parse_ma_the_bhyt_lenient, validate, validate_lenient,
    validate_lines, validate_lines_lenient, Advice, CardNumber, Error, ErrorCode, GroupCode,
    IdentifyError, Identity, Issuer, Lang, Line, MaTheItem, PrefixCheck, Style,
};
use no_panic::no_panic;

/// The issuing-body choices every entry point takes.
const ISSUERS: [Option<Issuer>; 4] = [
    None,
    Some(Issuer::VietnamSocialSecurity),
    Some(Issuer::Police),
    Some(Issuer::Defence),
];

/// A digest of what a call returned, so that nothing is optimised away.
fn mix(state: u64, value: u64) -> u64 {
    (state ^ value).wrapping_mul(0x100_0000_01b3)
}

#[inline(always)]
fn card_digest(card: &CardNumber) -> u64 {
    let mut state = card.key().value();
    state = mix(state, card.form().len() as u64);
    state = mix(state, u64::from(card.group_code().is_some()));
    state = mix(
        state,
        card.benefit_level()
            .map_or(0, |level| u64::from(level.digit())),
    );
    state = mix(state, u64::from(card.province_code().is_some()));
    state = mix(
        state,
        card.issuer()
            .map_or(0, |issuer| issuer.as_str().len() as u64),
    );
    state = mix(state, card.social_insurance_number().as_str().len() as u64);
    for style in [Style::Compact, Style::Grouped, Style::Masked] {
        state = mix(state, card.format(style).as_str().len() as u64);
        let mut buffer = [0u8; 19];
        state = mix(
            state,
            card.write_to(style, &mut buffer)
                .map_or(0, |text| text.len() as u64),
        );
        let mut small = [0u8; 7];
        state = mix(state, u64::from(card.write_to(style, &mut small).is_some()));
    }
    for advice in card.advice() {
        state = mix(state, advice_digest(&advice));
    }
    state
}

#[inline(always)]
fn error_digest(error: &Error) -> u64 {
    let mut state = u64::from(error.code().number());
    state = mix(state, error.position().map_or(u64::MAX, |p| p as u64));
    for lang in [Lang::Vi, Lang::En] {
        state = mix(state, error.code().message(lang).len() as u64);
    }
    state
}

#[inline(always)]
fn advice_digest(advice: &Advice) -> u64 {
    let mut state = u64::from(advice.code().number());
    for lang in [Lang::Vi, Lang::En] {
        state = mix(state, advice.code().message(lang).len() as u64);
    }
    state
}

#[inline(always)]
fn verdict_digest(verdict: &Result<CardNumber, Error>) -> u64 {
    match verdict {
        Ok(card) => card_digest(card),
        Err(error) => error_digest(error),
    }
}

#[inline(always)]
fn prefix_digest(check: &PrefixCheck) -> u64 {
    match check {
        PrefixCheck::Incomplete { form, missing } => {
            mix(form.map_or(0, |form| form.len() as u64), *missing as u64)
        }
        PrefixCheck::Complete(card) => card_digest(card),
        PrefixCheck::Invalid { at, error } => mix(*at as u64, error_digest(error)),
    }
}

#[inline(always)]
fn identity_digest(found: &Result<Identity, IdentifyError>) -> u64 {
    match found {
        Ok(Identity::Card(card)) => card_digest(card),
        Ok(Identity::PersonalId(id)) => {
            let mut state = u64::from(id.birth_year());
            state = mix(state, u64::from(id.century()));
            state = mix(state, u64::from(id.birth_place().value()));
            state = mix(
                state,
                u64::from(id.birth_place().is_on_2016_province_list()),
            );
            state = mix(state, id.sex().as_str().len() as u64);
            state = mix(state, id.masked().as_str().len() as u64);
            mix(state, id.as_str().len() as u64)
        }
        Ok(Identity::CardQr(qr)) => {
            // The payload is not kept: the digest decodes the fields of a fixed payload's
            // spans, which exercises the decoding paths for any spans.
            card_qr_digest(qr, b"")
        }
        Ok(Identity::PersonalIdQr(qr)) => {
            let mut state = qr.personal_id().birth_year().into();
            state = mix(state, qr.birth_date().map_or(0, |d| u64::from(d.day())));
            state = mix(state, qr.sex().map_or(0, |s| s.as_str().len() as u64));
            state = mix(state, qr.issued_on().map_or(0, |d| u64::from(d.month())));
            mix(state, qr.field_count() as u64)
        }
        Err(error) => {
            let state = error.code().len() as u64;
            let state = mix(state, error.position().map_or(u64::MAX, |p| p as u64));
            mix(
                state,
                error.card_error().map_or(0, |error| error_digest(&error)),
            )
        }
    }
}

#[inline(always)]
fn card_qr_digest(qr: &bhyt::CardQr, payload: &[u8]) -> u64 {
    let mut buffer = [0u8; 64];
    let mut state = card_digest(&qr.card());
    state = mix(
        state,
        qr.name(payload, &mut buffer).map_or(1, |t| t.len() as u64),
    );
    state = mix(
        state,
        qr.address(payload, &mut buffer)
            .map_or(1, |t| t.map_or(2, |t| t.len() as u64)),
    );
    state = mix(
        state,
        qr.guardian_name(payload, &mut buffer)
            .map_or(1, |t| t.map_or(2, |t| t.len() as u64)),
    );
    state = mix(state, u64::from(qr.birth_date().year()));
    state = mix(state, qr.sex().as_str().len() as u64);
    state = mix(state, qr.facility_code().as_bytes()[0].into());
    state = mix(state, u64::from(qr.valid_from().day()));
    state = mix(state, qr.valid_to().map_or(0, |d| u64::from(d.month())));
    state = mix(state, u64::from(qr.issued_on().year()));
    state = mix(state, qr.manager_code(payload).len() as u64);
    state = mix(state, qr.five_years_on().map_or(0, |d| u64::from(d.day())));
    state = mix(state, qr.layout().as_str().len() as u64);
    state = mix(state, u64::from(qr.repaired()) | u64::from(qr.utf16()) << 1);
    qr.raw_field_indexes().fold(state, |state, index| {
        mix(
            state,
            qr.raw_field(payload, index).map_or(0, |t| t.len() as u64),
        )
    })
}

// The proof: one `#[no_panic]` wrapper per entry point (the helpers above are inlined into
// each, and a wrapper never calls another: a call to a function that is not inlined counts
// as a possible unwind).

#[no_panic]
fn proof_validate(input: &[u8], issuer: Option<Issuer>) -> u64 {
    verdict_digest(&validate(input, issuer))
}

#[no_panic]
fn proof_validate_lenient(input: &[u8], issuer: Option<Issuer>) -> u64 {
    verdict_digest(&validate_lenient(input, issuer))
}

#[no_panic]
fn proof_validate_text(input: &str, issuer: Option<Issuer>) -> u64 {
    mix(
        verdict_digest(&validate(input, issuer)),
        verdict_digest(&input.parse::<CardNumber>()),
    )
}

#[no_panic]
fn proof_is_valid(input: &[u8], issuer: Option<Issuer>) -> u64 {
    u64::from(is_valid(input, issuer))
}

#[no_panic]
fn proof_check_prefix(input: &[u8], issuer: Option<Issuer>) -> u64 {
    prefix_digest(&check_prefix(input, issuer))
}

#[no_panic]
fn proof_check_prefix_lenient(input: &[u8], issuer: Option<Issuer>) -> u64 {
    prefix_digest(&check_prefix_lenient(input, issuer))
}

#[no_panic]
fn proof_advise(input: &[u8], issuer: Option<Issuer>) -> u64 {
    advise(input, issuer).fold(0, |state, advice| mix(state, advice_digest(&advice)))
}

#[no_panic]
fn proof_advise_lenient(input: &[u8], issuer: Option<Issuer>) -> u64 {
    advise_lenient(input, issuer).fold(0, |state, advice| mix(state, advice_digest(&advice)))
}

#[no_panic]
fn proof_identify(input: &[u8]) -> u64 {
    identity_digest(&identify(input))
}

#[no_panic]
fn proof_identify_lenient(input: &[u8]) -> u64 {
    identity_digest(&identify_lenient(input))
}

/// A QR payload read, and its text fields decoded from the payload itself.
#[no_panic]
fn proof_identify_qr(input: &[u8]) -> u64 {
    match identify(input) {
        Ok(Identity::CardQr(qr)) => card_qr_digest(&qr, input),
        Ok(Identity::PersonalIdQr(qr)) => {
            let mut state = qr.name(input).map_or(0, |t| t.len() as u64);
            state = mix(state, qr.address(input).map_or(0, |t| t.len() as u64));
            state = mix(state, qr.old_id(input).map_or(0, |t| t.len() as u64));
            qr.raw_field_indexes().fold(state, |state, index| {
                mix(
                    state,
                    qr.raw_field(input, index).map_or(0, |t| t.len() as u64),
                )
            })
        }
        other => identity_digest(&other),
    }
}

/// What identify found, as its view (`Identity::view`: a QR code's texts decoded from the
/// payload itself), and every raw field of a QR code's view.
#[no_panic]
fn proof_identity_view(input: &[u8]) -> u64 {
    let Ok(found) = identify(input) else {
        return 0;
    };
    let mut buf = [0u8; 3 * bhyt::MAX_QR_LEN];
    let raw = |state: u64, fields: bhyt::RawFields<'_>| {
        fields
            .iter()
            .fold(state, |state, field| mix(state, field.value.len() as u64))
    };
    match found.view(input, bhyt::Lang::En, &mut buf) {
        Ok(bhyt::IdentityView::Card(card)) => card.form as u64,
        Ok(bhyt::IdentityView::PersonalId(id)) => u64::from(id.birth_year),
        Ok(bhyt::IdentityView::CardQr(qr)) => {
            let state = mix(qr.name.len() as u64, qr.address.map_or(0, str::len) as u64);
            raw(
                mix(state, qr.guardian_name.map_or(0, str::len) as u64),
                qr.raw_fields,
            )
        }
        Ok(bhyt::IdentityView::PersonalIdQr(qr)) => {
            raw(qr.name.map_or(0, str::len) as u64, qr.raw_fields)
        }
        Ok(_) => 1,
        Err(error) => error.needed as u64,
    }
}

/// Facility codes, gateway codes, dates, validity and stay notes, from the input's bytes.
#[no_panic]
fn proof_reception_parts(input: &[u8]) -> u64 {
    let mut state = bhyt::FacilityCode::parse(input).map_or_else(
        |error| error.position().map_or(1, |p| p as u64),
        |code| code.as_bytes()[4].into(),
    );
    state = mix(
        state,
        bhyt::gateway_result(input).map_or(0, |r| r.class().as_str().len() as u64),
    );
    let date = |at: usize| input.get(at..at + 8).and_then(bhyt::Date::parse_ymd);
    if let (Some(from), Some(day)) = (date(0), date(8)) {
        let to = date(16);
        state = mix(
            state,
            bhyt::validity_on(from, to, day).as_str().len() as u64,
        );
        let stay = bhyt::stay_notes(from, to, day, date(24).unwrap_or(day));
        state = stay
            .iter()
            .fold(state, |s, note| mix(s, note.as_str().len() as u64));
    }
    let slashed = input.get(..10).and_then(bhyt::Date::parse_dmy_slashed);
    state = mix(state, slashed.map_or(0, |d| u64::from(d.iso()[9])));
    let iso = input.get(..10).and_then(bhyt::Date::parse_iso);
    state = mix(state, iso.map_or(0, |d| u64::from(d.day())));
    // The field an identify error names (the C and JS layers' `field`).
    let field = identify(input).err().and_then(|error| error.qr_field());
    mix(state, field.map_or(0, |f| f.as_str().len() as u64))
}

/// A claims record's card fields, from the input split at TABs.
#[no_panic]
fn proof_claims_card_fields(input: &[u8]) -> u64 {
    let mut parts = input.split(|&b| b == b'\t');
    let fields = bhyt::ClaimsCardFields {
        ma_the_bhyt: parts.next().unwrap_or_default(),
        ma_dkbd: parts.next(),
        gt_the_tu: parts.next(),
        gt_the_den: parts.next(),
        ngay_vao: parts.next(),
        ngay_ra: parts.next(),
    };
    let mut state = 0;
    bhyt::check_claims_card_fields(&fields, |finding| {
        state = mix(
            state,
            finding.code().len() as u64 + u64::from(finding.is_error()),
        );
    });
    state
}

#[no_panic]
fn proof_normalize(input: &[u8]) -> u64 {
    normalize(input).map_or(0, |normalized| normalized.as_str().len() as u64)
}

#[no_panic]
fn proof_names(input: &str) -> u64 {
    let mut state = input
        .parse::<Issuer>()
        .map_or(0, |issuer| issuer.as_str().len() as u64);
    state = mix(state, input.parse::<Lang>().map_or(0, |_| 1));
    state = mix(
        state,
        input
            .parse::<ErrorCode>()
            .map_or(0, |code| u64::from(code.number())),
    );
    mix(
        state,
        GroupCode::from_code(input).map_or(0, |group| group.as_str().len() as u64),
    )
}

#[no_panic]
fn proof_validate_lines(buffer: &[u8], issuer: Option<Issuer>) -> u64 {
    validate_lines(buffer, issuer).fold(0, |state, line| mix(state, line_digest(&line)))
}

#[no_panic]
fn proof_validate_lines_lenient(buffer: &[u8], issuer: Option<Issuer>) -> u64 {
    validate_lines_lenient(buffer, issuer).fold(0, |state, line| mix(state, line_digest(&line)))
}

#[no_panic]
fn proof_parse_ma_the_bhyt(field: &[u8], issuer: Option<Issuer>) -> u64 {
    parse_ma_the_bhyt(field, issuer).fold(0, |state, item| mix(state, item_digest(&item)))
}

#[no_panic]
fn proof_parse_ma_the_bhyt_lenient(field: &[u8], issuer: Option<Issuer>) -> u64 {
    parse_ma_the_bhyt_lenient(field, issuer).fold(0, |state, item| mix(state, item_digest(&item)))
}

#[inline(always)]
fn line_digest(line: &Line) -> u64 {
    let mut state = line.offset() as u64;
    state = mix(state, line.text().len() as u64);
    state = mix(state, u64::from(line.is_valid()));
    state = mix(state, line.card().map_or(0, |card| card.key().value()));
    mix(state, verdict_digest(&line.result()))
}

#[inline(always)]
fn item_digest(item: &MaTheItem) -> u64 {
    let mut state = item.index() as u64;
    state = mix(state, item.position() as u64);
    state = mix(state, item.byte_offset() as u64);
    state = mix(state, item.text().len() as u64);
    state = mix(state, u64::from(item.is_empty()));
    state = mix(state, u64::from(item.is_valid()));
    state = mix(state, verdict_digest(&item.result()));
    // Its view (MaTheItem::view).
    let view = item.view(Lang::En);
    state = mix(state, view.end as u64);
    state = mix(state, view.card.map_or(0, |card| card.form as u64));
    state = mix(state, view.error.map_or(0, |error| error.code.len() as u64));
    item.advice()
        .fold(state, |state, advice| mix(state, advice_digest(&advice)))
}

/// Error and advice codes from a number (the input's length stands for any number).
#[no_panic]
fn proof_codes(value: u32) -> u64 {
    let mut state = ErrorCode::from_number(value).map_or(0, |code| code.as_str().len() as u64);
    state = mix(
        state,
        bhyt::AdviceCode::from_number(value).map_or(0, |code| code.as_str().len() as u64),
    );
    state
}

fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    let mut all = Vec::new();
    for line in stdin.lock().split(b'\n') {
        let Ok(line) = line else { break };
        let mut state = proof_identify(&line);
        state = mix(state, proof_identify_lenient(&line));
        state = mix(state, proof_identify_qr(&line));
        state = mix(state, proof_identity_view(&line));
        state = mix(state, proof_reception_parts(&line));
        state = mix(state, proof_claims_card_fields(&line));
        state = mix(state, proof_normalize(&line));
        state = mix(state, proof_codes(line.len() as u32));
        for issuer in ISSUERS {
            state = mix(state, proof_validate(&line, issuer));
            state = mix(state, proof_validate_lenient(&line, issuer));
            state = mix(state, proof_is_valid(&line, issuer));
            state = mix(state, proof_check_prefix(&line, issuer));
            state = mix(state, proof_check_prefix_lenient(&line, issuer));
            state = mix(state, proof_advise(&line, issuer));
            state = mix(state, proof_advise_lenient(&line, issuer));
            if let Ok(text) = std::str::from_utf8(&line) {
                state = mix(state, proof_validate_text(text, issuer));
            }
        }
        if let Ok(text) = std::str::from_utf8(&line) {
            state = mix(state, proof_names(text));
        }
        let verdict = if is_valid(&line[..], None) {
            "valid"
        } else {
            "invalid"
        };
        let _ = writeln!(out, "{verdict} {state:016x}");
        all.extend_from_slice(&line);
        all.push(b'\n');
    }
    let mut state = 0;
    for issuer in ISSUERS {
        state = mix(state, proof_validate_lines(&all, issuer));
        state = mix(state, proof_validate_lines_lenient(&all, issuer));
        state = mix(state, proof_parse_ma_the_bhyt(&all, issuer));
        state = mix(state, proof_parse_ma_the_bhyt_lenient(&all, issuer));
    }
    let _ = writeln!(out, "all {state:016x}");
}
