//! Before anything is timed: the baselines give the same verdicts as bhyt on every corpus
//! input, and the corpus has every kind of input in its proportion.

use bhyt_benches::{batch_buffer, corpus, DfaPrefixRule, RegexRule, CORPUS_LEN};

#[test]
fn the_regex_baseline_agrees_with_bhyt_on_every_corpus_input() {
    let corpus = corpus();
    assert_eq!(corpus.len(), CORPUS_LEN);
    let regex = RegexRule::new();
    let mut valid = 0;
    for entry in &corpus {
        let expected = bhyt::is_valid(&entry.input, entry.issuer);
        assert_eq!(
            regex.is_match(entry.input.as_bytes(), entry.issuer),
            expected,
            "{entry:?}"
        );
        valid += usize::from(expected);
    }
    // About 80% valid, as generated.
    assert!((7_600..8_400).contains(&valid), "{valid} valid");
}

#[test]
fn the_dfa_prefix_baseline_agrees_with_the_as_you_type_check() {
    let dfa = DfaPrefixRule::new();
    for entry in corpus().iter().take(2_000) {
        let bytes = entry.input.as_bytes();
        for end in 0..=bytes.len() {
            let typed = &bytes[..end];
            assert_eq!(
                dfa.can_become_valid(typed, entry.issuer),
                bhyt::check_prefix(typed, entry.issuer).can_become_valid(),
                "{typed:?} {:?}",
                entry.issuer
            );
        }
    }
}

#[test]
fn the_corpus_is_reproducible_from_its_seed() {
    assert_eq!(batch_buffer(&corpus()), batch_buffer(&corpus()));
}
