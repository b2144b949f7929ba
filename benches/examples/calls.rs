//! Runs one call over a fixed corpus a given number of times, for instruction counts
//! (`benches/callgrind.sh` runs it under `valgrind --tool=callgrind` with two round counts
//! and divides the difference, so building the corpus and compiling regexes cancel out).
//!
//! `cargo run --release -p bhyt-benches --example calls -- CALL ROUNDS`; `CALL` is one of
//! the names printed by `--list`.

use std::hint::black_box;

use bhyt::Issuer;
use bhyt_benches::{
    batch_buffer, corpus, mixed_corpus, quick_check, whole_rule_regex, DfaPrefixRule, RegexRule,
};

/// The calls, by name: each runs over its corpus once and returns a checksum.
const CALLS: [&str; 16] = [
    "floor",
    "quick",
    "is_valid",
    "validate",
    "parse",
    "regex",
    "lenient",
    "lenient_regex",
    "check_prefix",
    "dfa_prefix",
    "lines",
    "lines_regex",
    "c_abi",
    "rust_validate",
    "strict_is_valid",
    "strict_regex",
];

fn to_c(issuer: Option<Issuer>) -> u32 {
    match issuer {
        None => bhyt_c::BHYT_ISSUER_ANY,
        Some(Issuer::VietnamSocialSecurity) => bhyt_c::BHYT_ISSUER_VSS,
        Some(Issuer::Police) => bhyt_c::BHYT_ISSUER_POLICE,
        Some(Issuer::Defence) => bhyt_c::BHYT_ISSUER_DEFENCE,
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let call = args.next().unwrap_or_default();
    if call == "--list" || !CALLS.contains(&call.as_str()) {
        println!("{}", CALLS.join("\n"));
        return;
    }
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let mixed = mixed_corpus();
    let corpus = corpus();
    let buffer = batch_buffer(&corpus);
    let regex = whole_rule_regex();
    let rules = RegexRule::new();
    let dfa = DfaPrefixRule::new();
    let prefixes: Vec<(&[u8], Option<Issuer>)> = corpus
        .iter()
        .take(2_000)
        .flat_map(|e| (1..=e.input.len()).map(move |end| (&e.input.as_bytes()[..end], e.issuer)))
        .collect();
    let code = |verdict: Result<bhyt::CardNumber, bhyt::Error>| match verdict {
        Ok(_) => 0,
        Err(error) => u64::from(error.code().number()) + error.position().unwrap_or(0) as u64,
    };
    let validate_c = black_box(bhyt_c::bhyt_validate);
    let mut sum = 0u64;
    for _ in 0..rounds {
        sum += match call.as_str() {
            "floor" => mixed
                .iter()
                .filter(|s| {
                    let s = black_box(s.as_str());
                    s.len() == 15 || s.as_bytes().first() == Some(&b'0')
                })
                .count() as u64,
            "quick" => mixed
                .iter()
                .filter(|s| quick_check(black_box(s.as_bytes())))
                .count() as u64,
            "is_valid" => mixed
                .iter()
                .filter(|s| bhyt::is_valid(black_box(s.as_str()), None))
                .count() as u64,
            "validate" => mixed
                .iter()
                .map(|s| code(bhyt::validate(black_box(s.as_str()), None)))
                .sum(),
            "parse" => mixed
                .iter()
                .map(|s| code(black_box(s.as_str()).parse()))
                .sum(),
            "regex" => mixed
                .iter()
                .filter(|s| regex.is_match(black_box(s.as_str())))
                .count() as u64,
            "lenient" => corpus
                .iter()
                .filter(|e| bhyt::validate_lenient(black_box(e.input.as_bytes()), e.issuer).is_ok())
                .count() as u64,
            "lenient_regex" => corpus
                .iter()
                .filter(|e| {
                    let cleaned: String = black_box(&e.input)
                        .chars()
                        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-' | '_'))
                        .map(|c| c.to_ascii_uppercase())
                        .collect();
                    rules.is_match(cleaned.as_bytes(), e.issuer)
                })
                .count() as u64,
            "check_prefix" => prefixes
                .iter()
                .filter(|(typed, issuer)| {
                    bhyt::check_prefix(black_box(typed), *issuer).can_become_valid()
                })
                .count() as u64,
            "dfa_prefix" => prefixes
                .iter()
                .filter(|(typed, issuer)| dfa.can_become_valid(black_box(typed), *issuer))
                .count() as u64,
            "lines" => bhyt::validate_lines(black_box(&buffer), None)
                .filter(bhyt::Line::is_valid)
                .count() as u64,
            "lines_regex" => black_box(&buffer)
                .split(|&byte| byte == b'\n')
                .filter(|line| rules.is_match(line, None))
                .count() as u64,
            "c_abi" => corpus
                .iter()
                // SAFETY: a pointer and the length of a live byte slice.
                .map(|e| unsafe {
                    let input = e.input.as_bytes();
                    validate_c(
                        black_box(input.as_ptr().cast()),
                        input.len(),
                        to_c(e.issuer),
                    ) as u64
                })
                .sum(),
            "rust_validate" => corpus
                .iter()
                .map(
                    |e| match bhyt::validate(black_box(e.input.as_bytes()), e.issuer) {
                        Ok(_) => 0,
                        Err(error) => u64::from(error.code().number()),
                    },
                )
                .sum(),
            "strict_is_valid" => corpus
                .iter()
                .filter(|e| bhyt::is_valid(black_box(e.input.as_bytes()), e.issuer))
                .count() as u64,
            _ => corpus
                .iter()
                .filter(|e| rules.is_match(black_box(e.input.as_bytes()), e.issuer))
                .count() as u64,
        };
    }
    let per_round = match call.as_str() {
        "floor" | "quick" | "is_valid" | "validate" | "parse" | "regex" => mixed.len(),
        "check_prefix" | "dfa_prefix" => prefixes.len(),
        _ => corpus.len(),
    };
    // The checksum keeps every call alive; the unit count lets the script divide.
    println!("{sum} {per_round}");
}
