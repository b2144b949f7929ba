//! The benchmark corpus and the regular-expression baselines that bhyt is measured against.
//!
//! The corpus is generated from [`SEED`] by a small deterministic generator, so every run
//! (and every machine) times the same 10,000 inputs without committing them.

use bhyt::{GroupCode, Issuer};
use regex::bytes::Regex;
use regex_automata::dfa::{dense, Automaton};
use regex_automata::Anchored;

/// The committed seed of the corpus.
pub const SEED: u64 = 0x4248_5954_2026_1122;

/// How many inputs the corpus has.
pub const CORPUS_LEN: usize = 10_000;

/// One corpus input and the issuing body chosen in the form (`None`: any).
#[derive(Clone, Debug)]
pub struct Entry {
    /// What was typed.
    pub input: String,
    /// The issuing body chosen.
    pub issuer: Option<Issuer>,
}

/// The kinds of input in the corpus, with their share in ten thousandths. Mostly valid, as
/// in a hospital's or a campaign's data, and every kind of mistake.
pub const MIX: [(Kind, u32); 8] = [
    (Kind::ValidShort, 4_500),
    (Kind::ValidFull, 3_500),
    (Kind::WrongLength, 600),
    (Kind::UnknownGroup, 300),
    (Kind::BadBenefit, 200),
    (Kind::BadProvinceForIssuer, 300),
    (Kind::LetterInDigits, 300),
    (Kind::Pasted, 300),
];

/// A kind of corpus input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A valid 10-digit number.
    ValidShort,
    /// A valid 15-character number (issuer chosen to match, or any).
    ValidFull,
    /// A digit missing or doubled.
    WrongLength,
    /// Characters 1-2 not on the list (including the late codes).
    UnknownGroup,
    /// Character 3 outside 1-5.
    BadBenefit,
    /// Characters 4-5 that do not suit the issuing body chosen (or 00).
    BadProvinceForIssuer,
    /// A letter (O for 0, I for 1, ...) among the digits.
    LetterInDigits,
    /// Lowercase or with spaces: invalid strictly, valid leniently.
    Pasted,
}

/// SplitMix64: a tiny, well-known generator, enough for a reproducible corpus.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn digits(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    fn group(&mut self) -> &'static str {
        GroupCode::ALL[self.below(GroupCode::ALL.len() as u64) as usize].as_str()
    }

    /// An issuer choice and a province value valid for it.
    fn issuer_and_province(&mut self) -> (Option<Issuer>, u8) {
        match self.below(10) {
            0 => (Some(Issuer::Police), 98),
            1 => (Some(Issuer::Defence), 97),
            2..=5 => (
                Some(Issuer::VietnamSocialSecurity),
                1 + self.below(96) as u8,
            ),
            _ => (None, 1 + self.below(99) as u8),
        }
    }

    fn full(&mut self) -> (Option<Issuer>, String) {
        let (issuer, province) = self.issuer_and_province();
        let text = format!(
            "{}{}{province:02}{}",
            self.group(),
            1 + self.below(5),
            self.digits(10)
        );
        (issuer, text)
    }

    fn kind(&mut self) -> Kind {
        let mut roll = self.below(10_000) as u32;
        for (kind, share) in MIX {
            if roll < share {
                return kind;
            }
            roll -= share;
        }
        Kind::ValidShort
    }

    fn entry(&mut self, kind: Kind) -> Entry {
        let (issuer, input) = match kind {
            Kind::ValidShort => {
                let (issuer, _) = self.issuer_and_province();
                (issuer, self.digits(10))
            }
            Kind::ValidFull => self.full(),
            Kind::WrongLength => {
                let (issuer, full) = self.full();
                let text = match self.below(4) {
                    0 => self.digits(9),
                    1 => self.digits(11),
                    2 => full[..14].to_owned(),
                    _ => format!("{full}{}", self.digits(1)),
                };
                (issuer, text)
            }
            Kind::UnknownGroup => {
                let (issuer, full) = self.full();
                let bad = ["CD", "ND", "TG", "AK", "XX", "DS", "HZ", "QA"][self.below(8) as usize];
                (issuer, format!("{bad}{}", &full[2..]))
            }
            Kind::BadBenefit => {
                let (issuer, full) = self.full();
                let digit = [0, 6, 7, 8, 9][self.below(5) as usize];
                (issuer, format!("{}{digit}{}", &full[..2], &full[3..]))
            }
            Kind::BadProvinceForIssuer => {
                let (issuer, full) = self.full();
                let (issuer, province) = match self.below(4) {
                    0 => (issuer, "00"),
                    1 => (
                        Some(Issuer::VietnamSocialSecurity),
                        ["97", "98"][self.below(2) as usize],
                    ),
                    2 => (Some(Issuer::Police), "79"),
                    _ => (Some(Issuer::Defence), "98"),
                };
                (issuer, format!("{}{province}{}", &full[..3], &full[5..]))
            }
            Kind::LetterInDigits => {
                let (issuer, full) = self.full();
                let mut text = if self.below(2) == 0 {
                    full
                } else {
                    self.digits(10)
                };
                let at = text.len() - 1 - self.below(8) as usize;
                let letter = ["O", "I", "l", "S", "B"][self.below(5) as usize];
                text.replace_range(at..at + 1, letter);
                (issuer, text)
            }
            Kind::Pasted => {
                let (issuer, full) = self.full();
                let text = match self.below(3) {
                    0 => full.to_ascii_lowercase(),
                    1 => format!(
                        "{} {} {} {}",
                        &full[..2],
                        &full[2..3],
                        &full[3..5],
                        &full[5..]
                    ),
                    _ => format!(" {full}\t"),
                };
                (issuer, text)
            }
        };
        Entry { input, issuer }
    }
}

/// The corpus: [`CORPUS_LEN`] inputs in the proportions of [`MIX`], generated from [`SEED`].
pub fn corpus() -> Vec<Entry> {
    let mut rng = SplitMix(SEED);
    (0..CORPUS_LEN)
        .map(|_| {
            let kind = rng.kind();
            rng.entry(kind)
        })
        .collect()
}

/// The corpus as one newline-separated buffer (issuer any), as a data export would be.
pub fn batch_buffer(corpus: &[Entry]) -> Vec<u8> {
    let mut buffer = Vec::new();
    for entry in corpus {
        buffer.extend_from_slice(entry.input.as_bytes());
        buffer.push(b'\n');
    }
    buffer
}

fn index(issuer: Option<Issuer>) -> usize {
    match issuer {
        None => 0,
        Some(Issuer::VietnamSocialSecurity) => 1,
        Some(Issuer::Police) => 2,
        Some(Issuer::Defence) => 3,
    }
}

/// The rule as a regular expression, for one issuer choice: what a developer would write.
pub fn pattern(issuer: Option<Issuer>) -> String {
    let groups: Vec<&str> = GroupCode::ALL.iter().map(|g| g.as_str()).collect();
    let province = match issuer {
        None => "(?:0[1-9]|[1-9][0-9])",
        Some(Issuer::VietnamSocialSecurity) => "(?:0[1-9]|[1-8][0-9]|9[0-6]|99)",
        Some(Issuer::Police) => "98",
        Some(Issuer::Defence) => "97",
    };
    format!(
        "(?:[0-9]{{10}}|(?:{})[1-5]{province}[0-9]{{10}})",
        groups.join("|")
    )
}

/// The `regex` crate baseline: one compiled, anchored pattern per issuer choice.
pub struct RegexRule {
    whole: [Regex; 4],
}

impl RegexRule {
    /// Compiles the four patterns.
    pub fn new() -> RegexRule {
        let compile = |issuer| Regex::new(&format!("^{}$", pattern(issuer))).expect("pattern");
        RegexRule {
            whole: [
                compile(None),
                compile(Some(Issuer::VietnamSocialSecurity)),
                compile(Some(Issuer::Police)),
                compile(Some(Issuer::Defence)),
            ],
        }
    }

    /// Whether the input is a valid number for the issuer choice.
    pub fn is_match(&self, input: &[u8], issuer: Option<Issuer>) -> bool {
        self.whole[index(issuer)].is_match(input)
    }

    /// The regex for an issuer choice (for capture-based decoding).
    pub fn regex(&self, issuer: Option<Issuer>) -> &Regex {
        &self.whole[index(issuer)]
    }
}

impl Default for RegexRule {
    fn default() -> Self {
        RegexRule::new()
    }
}

/// The as-you-type baseline: a DFA of the rule, walked byte by byte; a prefix can still
/// become valid while the DFA is not in a dead state.
pub struct DfaPrefixRule {
    dfas: Vec<dense::DFA<Vec<u32>>>,
}

impl DfaPrefixRule {
    /// Builds the four DFAs.
    pub fn new() -> DfaPrefixRule {
        let build = |issuer| dense::DFA::new(&format!("^{}$", pattern(issuer))).expect("dfa");
        DfaPrefixRule {
            dfas: vec![
                build(None),
                build(Some(Issuer::VietnamSocialSecurity)),
                build(Some(Issuer::Police)),
                build(Some(Issuer::Defence)),
            ],
        }
    }

    /// Whether `typed` can still become a valid number for the issuer choice.
    pub fn can_become_valid(&self, typed: &[u8], issuer: Option<Issuer>) -> bool {
        let dfa = &self.dfas[index(issuer)];
        let config = regex_automata::util::start::Config::new().anchored(Anchored::Yes);
        let Ok(mut state) = dfa.start_state(&config) else {
            return false;
        };
        for &byte in typed {
            state = dfa.next_state(state, byte);
            if dfa.is_dead_state(state) || dfa.is_quit_state(state) {
                return false;
            }
        }
        true
    }
}

impl Default for DfaPrefixRule {
    fn default() -> Self {
        DfaPrefixRule::new()
    }
}

/// The committed seed of the mixed corpus ([`mixed_corpus`]).
pub const MIXED_SEED: u64 = 0x4248_5954_2026_1201;

/// The mixed corpus of issue 13, as a new user would build it to try the crate: `String`s,
/// issuer any, a third valid 10-digit numbers, a third valid 15-character numbers and a third
/// invalid, in equal parts an unknown group code, a benefit digit 6-9, one character short.
pub fn mixed_corpus() -> Vec<String> {
    let mut rng = SplitMix(MIXED_SEED);
    (0..CORPUS_LEN)
        .map(|_| match rng.below(9) {
            0..=2 => rng.digits(10),
            3..=5 => rng.full().1,
            6 => {
                let full = rng.full().1;
                let bad = ["CD", "ND", "TG", "AK", "XX", "DS", "HZ", "QA"][rng.below(8) as usize];
                format!("{bad}{}", &full[2..])
            }
            7 => {
                let full = rng.full().1;
                format!("{}{}{}", &full[..2], 6 + rng.below(4), &full[3..])
            }
            _ => {
                if rng.below(2) == 0 {
                    rng.digits(9)
                } else {
                    rng.full().1[..14].to_owned()
                }
            }
        })
        .collect()
}

/// The whole rule (issuer any) as one anchored `regex::Regex` over `&str`: what a developer
/// would write first.
pub fn whole_rule_regex() -> regex::Regex {
    regex::Regex::new(&format!("^{}$", pattern(None))).expect("pattern")
}

/// The group codes as a 1 KB table of the two letters' 5-bit offsets from `A`, for
/// [`quick_check`].
static QUICK_GROUPS: [bool; 1024] = {
    let mut table = [false; 1024];
    let mut i = 0;
    while i < GroupCode::ALL.len() {
        let code = GroupCode::ALL[i].as_str().as_bytes();
        table[((code[0] - b'A') as usize) << 5 | (code[1] - b'A') as usize] = true;
        i += 1;
    }
    table
};

/// A quick hand-written bool check of the rule (issuer any), the kind a developer who cares
/// about speed writes: two length branches, 8-byte SWAR digit checks, a 1 KB group table.
#[inline]
pub fn quick_check(bytes: &[u8]) -> bool {
    fn digits8(bytes: &[u8]) -> bool {
        let word = u64::from_le_bytes(bytes[..8].try_into().unwrap());
        let high = word & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030;
        let low = ((word & 0x0F0F_0F0F_0F0F_0F0F) + 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0;
        high & (low == 0)
    }
    fn ten(bytes: &[u8]) -> bool {
        digits8(&bytes[..8]) & digits8(&bytes[2..10])
    }
    if bytes.len() == 10 {
        return ten(bytes);
    }
    if bytes.len() != 15 {
        return false;
    }
    let row = bytes[0].wrapping_sub(b'A');
    let column = bytes[1].wrapping_sub(b'A');
    let group = (row < 26)
        & (column < 26)
        & QUICK_GROUPS[((row & 31) as usize) << 5 | (column & 31) as usize];
    let benefit = bytes[2].wrapping_sub(b'1') < 5;
    let tens = bytes[3].wrapping_sub(b'0');
    let units = bytes[4].wrapping_sub(b'0');
    let province = (tens < 10) & (units < 10) & ((tens | units) != 0);
    group & benefit & province & ten(&bytes[5..])
}
