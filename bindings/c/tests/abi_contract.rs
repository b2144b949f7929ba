//! The C ABI's contract (`contract/mod.rs`, the checks the `c_abi` fuzz target runs on random
//! bytes) on fixed inputs: the fuzz target's committed seed corpus, the shared junk-input
//! suite (`tests/junk/junk.tsv`) and numbers of every kind a reception desk sees.
//!
//! Natively this is a quick regression run of the fuzz checks. Its main reader is Miri
//! (`scripts/miri.sh -p bhyt-c`), which interprets every `unsafe` pointer read and write of
//! `bindings/c/src/lib.rs` on these inputs and reports any out-of-bounds access, use of
//! uninitialised memory or invalid pointer. Miri interprets each check thousands of times
//! slower than it runs, so under Miri each test takes a sample (`MIRI_STEP`): every fourth
//! seed, every 24th junk row with its mebibyte rows shortened to 17 repetitions of their unit,
//! and each reception-desk input with one of the five control bytes, in turn.

mod contract;

use bhyt_testdata::junk;

use std::path::Path;

/// Under Miri, the fraction of the seeds (1 in 4) and junk rows (1 in 24) checked.
const MIRI_SEED_STEP: usize = if cfg!(miri) { 4 } else { 1 };
const MIRI_JUNK_STEP: usize = if cfg!(miri) { 24 } else { 1 };

/// Prefixed with a control byte (the first byte of a fuzz input picks the parameters of the
/// extra checks): each of the five issuer choices in turn; under Miri, only the `index`-th
/// (modulo 5), so that the inputs together still cover all five.
fn check_with_every_control_byte(index: usize, input: &[u8]) {
    for control in 0..5u8 {
        if cfg!(miri) && usize::from(control) != index % 5 {
            continue;
        }
        let mut data = Vec::with_capacity(input.len() + 1);
        data.push(control);
        data.extend_from_slice(input);
        contract::check(&data);
    }
}

#[test]
fn the_fuzz_seed_corpus_keeps_the_contract() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/c_abi");
    let mut paths: Vec<_> = std::fs::read_dir(&corpus)
        .expect("fuzz/corpus/c_abi")
        .map(|entry| entry.expect("a seed").path())
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 20,
        "the seed corpus is all there ({} seeds)",
        paths.len()
    );
    for path in paths.iter().step_by(MIRI_SEED_STEP) {
        contract::check(&std::fs::read(path).expect("a readable seed"));
    }
}

#[test]
fn junk_input_keeps_the_contract() {
    let rows = junk::rows();
    let mut checked = 0;
    let sample = rows
        .iter()
        .filter(|row| !row.flag("js_only"))
        .enumerate()
        .step_by(MIRI_JUNK_STEP);
    for (index, row) in sample {
        let repeat = if cfg!(miri) && row.repeat() > 1 {
            17
        } else {
            row.repeat()
        };
        let mut data = vec![index as u8];
        data.extend_from_slice(&row.input(repeat));
        contract::check(&data);
        checked += 1;
    }
    assert!(checked >= 150 / MIRI_JUNK_STEP, "{checked} rows");
}

#[test]
fn reception_desk_inputs_keep_the_contract() {
    let inputs: &[&[u8]] = &[
        // Card numbers, both forms, valid and not; late group codes; every issuer.
        b"HS4010120878811",
        b"0120878811",
        b"hs4 01 0120878811",
        b"CA5980123456789",
        b"QN5970123456789",
        b"ND4010120878811",
        b"DN1010120878811",
        b"HS6010120878811",
        // Personal identification numbers: valid, unlisted birth place, a letter, separators.
        b"079195001234",
        b"003095001234",
        b"07919500123A",
        b"079 195 001 234",
        "０７９１９５００１２３４".as_bytes(),
        // MA_THE_BHYT fields: several items, blanks, empty items, an invalid one.
        b"HS4010120878811;SV4010120878811",
        b" HS4010120878811 ; 0120878811 ;",
        b";;",
        b"HS4010120878811;HS60;\xFF",
        b"",
        // QR payloads: a malformed guardian name, a CCCD with a bad sex.
        b"HS4010120878811|4e|15/08/1990|1|-|01 - 028|01/01/2025|-|01/01/2025|79|zz|4| 01/01/2030|x|$",
        "001195001234||B|01012001|Nu|X|".as_bytes(),
        // Facility codes.
        b"01 - 028",
        b"0A028",
        // Four dates as the contract reads them (year LE, month, day): 2025-01-01,
        // 2025-12-31, 2024-12-30, 2026-01-02; then with a day that does not exist.
        b"\xE9\x07\x01\x01\xE9\x07\x0C\x1F\xE8\x07\x0C\x1E\xEA\x07\x01\x02",
        b"\xE9\x07\x01\x01\xE9\x07\x0C\x1F\xE8\x07\x0C\x1E\xEA\x07\x02\x1E",
    ];
    for (index, input) in inputs.iter().enumerate() {
        check_with_every_control_byte(index, input);
    }
}
