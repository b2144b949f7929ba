//! An independent oracle of the VNeID card-number rule, for the fuzz targets.
//!
//! Written from the spec (`../shared/spec/bhyt-card-number.md` and the semantics in
//! `tests/vectors/README.md`), not from the core's code: the language of valid numbers, and
//! the language of their prefixes, are `regex`-crate patterns built from the lists the spec
//! gives (43 group codes, benefit levels 1-5, the province codes each issuing body allows,
//! 10 digits). Where a number goes wrong is the longest prefix the prefix pattern still
//! matches; what kind of error it is follows from the position and the character there.
//! Lenient mode drops what `[\s._-]` matches (`\s` is Unicode White_Space in `regex`) and
//! uppercases ASCII letters.
//!
//! Expected errors are written as `bhyt::Error` values (the core's vocabulary, so they can be
//! compared with `==`); nothing else of the core is used.

use std::sync::OnceLock;

use bhyt::{Error, Expected, Found, Issuer, LateGroupCode};
use regex::Regex;

/// The 43 group codes of the VNeID list, in the spec's order.
pub const GROUP_CODES: [&str; 43] = [
    "DN", "HX", "CH", "NN", "TK", "HC", "XK", "HT", "TB", "NO", "CT", "XB", "TN", "CS", "QN", "CA",
    "CY", "XN", "MS", "CC", "CK", "CB", "KC", "HD", "TE", "BT", "HN", "DT", "DK", "XD", "TS", "TC",
    "TQ", "TA", "TY", "HG", "LS", "PV", "CN", "HS", "SV", "GB", "GD",
];

/// Codes BHXH added after the VNeID list was fixed: still rejected, with their own error.
pub const LATE_CODES: [(&str, LateGroupCode); 3] = [
    ("ND", LateGroupCode::ND),
    ("TG", LateGroupCode::TG),
    ("AK", LateGroupCode::AK),
];

/// Every issuing-body choice a form offers: none (`None`, any body) or one of three.
pub const CHOICES: [Option<Issuer>; 4] = [
    None,
    Some(Issuer::VietnamSocialSecurity),
    Some(Issuer::Police),
    Some(Issuer::Defence),
];

/// The province codes (characters 4-5) each choice allows, from the spec's table.
fn provinces(choice: Option<Issuer>) -> Vec<String> {
    (1..=99u32)
        .filter(|&v| match choice {
            None => true,
            Some(Issuer::VietnamSocialSecurity) => v != 97 && v != 98,
            Some(Issuer::Police) => v == 98,
            Some(Issuer::Defence) => v == 97,
        })
        .map(|v| format!("{v:02}"))
        .collect()
}

/// One part of a number: its alternatives, all of one length.
type Part = Vec<String>;

fn digit() -> Part {
    (0..10).map(|d| d.to_string()).collect()
}

fn short_parts() -> Vec<Part> {
    vec![digit(); 10]
}

fn full_parts(choice: Option<Issuer>) -> Vec<Part> {
    let mut parts = vec![
        GROUP_CODES.iter().map(|code| code.to_string()).collect(),
        (1..=5).map(|d| d.to_string()).collect(),
        provinces(choice),
    ];
    parts.extend(vec![digit(); 10]);
    parts
}

fn alternation<I: IntoIterator<Item = String>>(items: I) -> String {
    let items: Vec<String> = items.into_iter().map(|s| regex::escape(&s)).collect();
    format!("(?:{})", items.join("|"))
}

/// `^parts$`: the whole numbers.
fn whole(parts: &[Part]) -> String {
    parts.iter().map(|part| alternation(part.clone())).collect()
}

/// `^(?:...)$` matching exactly the prefixes (empty and whole included) of the numbers
/// `parts` spells: all parts before `i`, then a proper prefix of part `i`; or all parts.
fn prefixes(parts: &[Part]) -> String {
    let mut branches = Vec::new();
    for i in 0..parts.len() {
        let mut proper: Vec<String> = parts[i]
            .iter()
            .flat_map(|alt| (0..alt.len()).map(move |k| alt[..k].to_string()))
            .collect();
        proper.sort();
        proper.dedup();
        branches.push(format!("{}{}", whole(&parts[..i]), alternation(proper)));
    }
    branches.push(whole(parts));
    format!("(?:{})", branches.join("|"))
}

fn anchored(pattern: &str) -> Regex {
    Regex::new(&format!("^{pattern}$")).expect("the oracle's pattern compiles")
}

/// The compiled patterns, per choice (index into [`CHOICES`]).
struct Patterns {
    valid: [Regex; 4],
    short_prefix: Regex,
    full_prefix: [Regex; 4],
    separator: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let valid = CHOICES.map(|choice| {
            anchored(&format!(
                "(?:{}|{})",
                whole(&short_parts()),
                whole(&full_parts(choice))
            ))
        });
        let full_prefix = CHOICES.map(|choice| anchored(&prefixes(&full_parts(choice))));
        Patterns {
            valid,
            short_prefix: anchored(&prefixes(&short_parts())),
            full_prefix,
            separator: anchored(r"[\s._-]"),
        }
    })
}

fn choice_index(choice: Option<Issuer>) -> usize {
    CHOICES.iter().position(|c| *c == choice).unwrap_or(0)
}

/// Which of the two forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// 10 digits.
    Short,
    /// 15 characters.
    Full,
}

impl Form {
    /// 10 or 15.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(self) -> usize {
        match self {
            Form::Short => 10,
            Form::Full => 15,
        }
    }
}

fn prefix_pattern(form: Form, choice: Option<Issuer>) -> &'static Regex {
    match form {
        Form::Short => &patterns().short_prefix,
        Form::Full => &patterns().full_prefix[choice_index(choice)],
    }
}

/// The characters of byte input as the rule counts them: a lossy UTF-8 decoding (each
/// invalid sequence one U+FFFD).
pub fn chars_of(input: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(input).chars().collect()
}

/// Whether `chars` is a valid number for `choice`, by the whole-number pattern alone.
pub fn is_valid_chars(chars: &[char], choice: Option<Issuer>) -> bool {
    let text: String = chars.iter().collect();
    patterns().valid[choice_index(choice)].is_match(&text)
}

/// Whether some valid number for `choice` starts with `chars` (the empty input included).
pub fn has_completion(chars: &[char], choice: Option<Issuer>) -> bool {
    let text: String = chars.iter().collect();
    patterns().short_prefix.is_match(&text)
        || patterns().full_prefix[choice_index(choice)].is_match(&text)
}

/// The kind of a character, as an error reports it.
pub fn found(c: char) -> Found {
    match c {
        '0'..='9' => Found::Digit,
        'A'..='Z' => Found::UppercaseLetter,
        'a'..='z' => Found::LowercaseLetter,
        ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' => Found::Whitespace,
        '\0'..='\u{7f}' => Found::Symbol,
        _ => Found::NonAscii,
    }
}

/// The first index at which `chars` (at most the form's length of them) stops being a prefix
/// of a number of `form`, if any.
fn first_unfit(chars: &[char], form: Form, choice: Option<Issuer>) -> Option<usize> {
    let pattern = prefix_pattern(form, choice);
    let mut text = String::new();
    for (i, &c) in chars.iter().take(form.len()).enumerate() {
        text.push(c);
        if !pattern.is_match(&text) {
            return Some(i);
        }
    }
    None
}

/// The error for a number of `form` whose character `at` is the first that cannot fit.
fn error_at(chars: &[char], at: usize, form: Form, choice: Option<Issuer>) -> Error {
    let c = chars[at];
    let wrong_kind = |expected| Error::InvalidCharacter {
        position: at,
        expected,
        found: found(c),
    };
    if form == Form::Short {
        return wrong_kind(Expected::Digit);
    }
    match at {
        0 | 1 if !c.is_ascii_uppercase() => wrong_kind(Expected::UppercaseLetter),
        0 | 1 => {
            let code: String = chars.iter().take(2).collect();
            match LATE_CODES.iter().find(|(late, _)| *late == code) {
                Some(&(_, code)) => Error::LateGroupCode { position: 0, code },
                None => Error::UnknownGroupCode { position: 0 },
            }
        }
        2 if c.is_ascii_digit() => Error::InvalidBenefitLevel { position: 2 },
        3 | 4 if c.is_ascii_digit() => Error::InvalidProvinceCode {
            position: 3,
            issuer: choice,
        },
        _ => wrong_kind(Expected::Digit),
    }
}

/// What a valid number decodes to, as plain values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parts {
    /// 10 or 15.
    pub form: Form,
    /// The characters, e.g. `HS4010120878811`.
    pub compact: String,
    /// `HS 4 01 0120878811`, or the 10 digits.
    pub grouped: String,
    /// `HS 4 01 ******8811`, or `******8811`.
    pub masked: String,
    /// The group code, 15-character form only.
    pub group: Option<String>,
    /// The benefit digit, 15-character form only.
    pub benefit: Option<u8>,
    /// The province value, 15-character form only.
    pub province: Option<u8>,
    /// The issuing body decoded from the province, 15-character form only.
    pub issuer: Option<Issuer>,
    /// The last 10 characters.
    pub sin: String,
}

fn parts_of(chars: &[char]) -> Parts {
    let compact: String = chars.iter().collect();
    let sin: String = chars[chars.len() - 10..].iter().collect();
    let hidden = format!("******{}", &sin[6..]);
    if chars.len() == 10 {
        return Parts {
            form: Form::Short,
            grouped: compact.clone(),
            compact,
            masked: hidden,
            group: None,
            benefit: None,
            province: None,
            issuer: None,
            sin,
        };
    }
    let province: u8 = compact[3..5].parse().expect("two digits");
    Parts {
        form: Form::Full,
        grouped: format!(
            "{} {} {} {}",
            &compact[..2],
            &compact[2..3],
            &compact[3..5],
            sin
        ),
        masked: format!(
            "{} {} {} {}",
            &compact[..2],
            &compact[2..3],
            &compact[3..5],
            hidden
        ),
        group: Some(compact[..2].to_string()),
        benefit: Some(compact.as_bytes()[2] - b'0'),
        province: Some(province),
        issuer: Some(match province {
            97 => Issuer::Defence,
            98 => Issuer::Police,
            _ => Issuer::VietnamSocialSecurity,
        }),
        compact,
        sin,
    }
}

/// The expected verdict of the strict check on `chars`.
pub fn validate(chars: &[char], choice: Option<Issuer>) -> Result<Parts, Error> {
    let form = match chars.len() {
        10 => Form::Short,
        15 => Form::Full,
        length => return Err(Error::InvalidLength { length }),
    };
    let verdict = match first_unfit(chars, form, choice) {
        Some(at) => Err(error_at(chars, at, form, choice)),
        None => Ok(parts_of(chars)),
    };
    // The two patterns agree: whole-number pattern and the longest fitting prefix.
    assert_eq!(
        verdict.is_ok(),
        is_valid_chars(chars, choice),
        "oracle self-check"
    );
    verdict
}

/// The expected answer of the as-you-type check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Prefix {
    /// Can still become valid: the form once known, and how many characters are missing.
    Incomplete {
        /// `None` while nothing is typed.
        form: Option<Form>,
        /// Characters still needed.
        missing: usize,
    },
    /// A valid number.
    Complete(Parts),
    /// Never valid: the first character that cannot fit, and why.
    Invalid {
        /// Index of that character.
        at: usize,
        /// The error.
        error: Error,
    },
}

/// The expected answer of the strict as-you-type check on `chars`.
pub fn check_prefix(chars: &[char], choice: Option<Issuer>) -> Prefix {
    let Some(&first) = chars.first() else {
        return Prefix::Incomplete {
            form: None,
            missing: 10,
        };
    };
    let form = if first.is_ascii_digit() {
        Form::Short
    } else if first.is_ascii_uppercase() {
        Form::Full
    } else {
        return Prefix::Invalid {
            at: 0,
            error: Error::InvalidCharacter {
                position: 0,
                expected: Expected::DigitOrUppercaseLetter,
                found: found(first),
            },
        };
    };
    if let Some(at) = first_unfit(chars, form, choice) {
        return Prefix::Invalid {
            at,
            error: error_at(chars, at, form, choice),
        };
    }
    let n = chars.len();
    if n > form.len() {
        Prefix::Invalid {
            at: form.len(),
            error: Error::InvalidLength { length: n },
        }
    } else if n == form.len() {
        Prefix::Complete(parts_of(chars))
    } else {
        Prefix::Incomplete {
            form: Some(form),
            missing: form.len() - n,
        }
    }
}

/// Input after the lenient normalisation: the kept characters (uppercased) and, for each,
/// its index in the input as given.
#[derive(Clone, Debug, Default)]
pub struct Kept {
    /// The characters the rule sees.
    pub chars: Vec<char>,
    /// `origin[i]`: where `chars[i]` was in the input.
    pub origin: Vec<usize>,
}

/// The lenient normalisation: drop what `[\s._-]` matches, uppercase ASCII letters.
pub fn lenient(chars: &[char]) -> Kept {
    let separator = &patterns().separator;
    let mut kept = Kept::default();
    let mut buf = [0u8; 4];
    for (i, &c) in chars.iter().enumerate() {
        if !separator.is_match(c.encode_utf8(&mut buf)) {
            kept.chars.push(c.to_ascii_uppercase());
            kept.origin.push(i);
        }
    }
    kept
}

/// An error with its position mapped through `origin`.
fn mapped(error: Error, origin: &[usize]) -> Error {
    let to = |p: usize| origin[p];
    match error {
        Error::InvalidCharacter {
            position,
            expected,
            found,
        } => Error::InvalidCharacter {
            position: to(position),
            expected,
            found,
        },
        Error::UnknownGroupCode { position } => Error::UnknownGroupCode {
            position: to(position),
        },
        Error::LateGroupCode { position, code } => Error::LateGroupCode {
            position: to(position),
            code,
        },
        Error::InvalidBenefitLevel { position } => Error::InvalidBenefitLevel {
            position: to(position),
        },
        Error::InvalidProvinceCode { position, issuer } => Error::InvalidProvinceCode {
            position: to(position),
            issuer,
        },
        other => other,
    }
}

/// The expected verdict of the lenient check.
pub fn validate_lenient(kept: &Kept, choice: Option<Issuer>) -> Result<Parts, Error> {
    validate(&kept.chars, choice).map_err(|error| mapped(error, &kept.origin))
}

/// The expected answer of the lenient as-you-type check.
pub fn check_prefix_lenient(kept: &Kept, choice: Option<Issuer>) -> Prefix {
    match check_prefix(&kept.chars, choice) {
        Prefix::Invalid { at, error } => Prefix::Invalid {
            at: kept.origin[at],
            error: mapped(error, &kept.origin),
        },
        other => other,
    }
}

/// The expected result of `normalize`: the kept text, or the length error past 15.
pub fn normalize(kept: &Kept) -> Result<String, Error> {
    if kept.chars.len() > 15 {
        return Err(Error::InvalidLength {
            length: kept.chars.len(),
        });
    }
    Ok(kept.chars.iter().collect())
}

/// The lines of a batch buffer, each with its byte offset: LF ends a line, a CR before it
/// is dropped, a final line without LF counts, an empty buffer has none.
pub fn lines(buffer: &[u8]) -> Vec<(usize, &[u8])> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &byte) in buffer.iter().enumerate() {
        if byte == b'\n' {
            out.push((start, &buffer[start..i]));
            start = i + 1;
        }
    }
    if start < buffer.len() {
        out.push((start, &buffer[start..]));
    }
    out.into_iter()
        .map(|(offset, line)| (offset, line.strip_suffix(b"\r").unwrap_or(line)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn the_oracle_knows_the_readme_examples() {
        assert!(validate(&chars("DN4010123456789"), None).is_ok());
        assert!(validate(&chars("0101010101"), Some(Issuer::Police)).is_ok());
        assert_eq!(
            validate(&chars("DN4010123456789"), Some(Issuer::Police)),
            Err(Error::InvalidProvinceCode {
                position: 3,
                issuer: Some(Issuer::Police)
            })
        );
        assert_eq!(
            check_prefix(&chars("DS"), None),
            Prefix::Invalid {
                at: 1,
                error: Error::UnknownGroupCode { position: 0 }
            }
        );
        assert_eq!(
            check_prefix(&chars("DN400"), None),
            Prefix::Invalid {
                at: 4,
                error: Error::InvalidProvinceCode {
                    position: 3,
                    issuer: None
                }
            }
        );
        assert_eq!(
            check_prefix(&chars("CA597"), Some(Issuer::Police)),
            Prefix::Invalid {
                at: 4,
                error: Error::InvalidProvinceCode {
                    position: 3,
                    issuer: Some(Issuer::Police)
                }
            }
        );
        let kept = lenient(&chars(" ca-5-98-0123456789 "));
        assert!(validate_lenient(&kept, Some(Issuer::Police)).is_ok());
        assert_eq!(
            validate(&chars("AK4010123456789"), None),
            Err(Error::LateGroupCode {
                position: 0,
                code: LateGroupCode::AK
            })
        );
        assert_eq!(
            lines(b"a\r\nb\n\nc"),
            vec![(0, &b"a"[..]), (3, b"b"), (5, b""), (6, b"c")]
        );
        assert!(lines(b"").is_empty());
    }
}
