//! The C ABI's contract (`contract/mod.rs`, the checks the `c_abi` fuzz target runs on random
//! bytes) on fixed inputs: the fuzz target's committed seed corpus, the shared junk-input
//! suite (`tests/junk/junk.tsv`) and numbers of every kind a reception desk sees.
//!
//! Natively this is a quick regression run of the fuzz checks. Its main reader is Miri
//! (`scripts/miri.sh -p bhyt-c`), which interprets every `unsafe` pointer read and write of
//! `bindings/c/src/lib.rs` on these inputs and reports any out-of-bounds access, use of
//! uninitialised memory or invalid pointer. Under Miri the junk suite's mebibyte rows are
//! shortened to 17 repetitions of their unit, and every eighth junk row is run.

mod contract;

use bhyt_testdata::junk;

use std::path::Path;

/// Prefixed with a control byte (the first byte of a fuzz input picks the parameters of the
/// extra checks): each of the five issuer choices in turn.
fn check_with_every_control_byte(input: &[u8]) {
    for control in 0..5u8 {
        let mut data = Vec::with_capacity(input.len() + 1);
        data.push(control);
        data.extend_from_slice(input);
        contract::check(&data);
    }
}

#[test]
fn the_fuzz_seed_corpus_keeps_the_contract() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/c_abi");
    let mut seeds = 0;
    for entry in std::fs::read_dir(&corpus).expect("fuzz/corpus/c_abi") {
        let data = std::fs::read(entry.expect("a seed").path()).expect("a readable seed");
        contract::check(&data);
        seeds += 1;
    }
    assert!(seeds >= 20, "the seed corpus is all there ({seeds} seeds)");
}

#[test]
fn junk_input_keeps_the_contract() {
    let rows = junk::rows();
    let mut checked = 0;
    for (index, row) in rows.iter().filter(|row| !row.flag("js_only")).enumerate() {
        if cfg!(miri) && index % 8 != 0 {
            continue;
        }
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
    assert!(
        checked >= if cfg!(miri) { 20 } else { 150 },
        "{checked} rows"
    );
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
    ];
    for input in inputs {
        check_with_every_control_byte(input);
    }
}
