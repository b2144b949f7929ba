//! bhyt against the baselines a developer would otherwise pick, on one generated corpus.
//!
//! Each group times the same inputs with bhyt and with its baseline, so the ratio within a
//! group is what matters (2 noisy cores here). See BENCHMARKS.md for the figures.

use std::hint::black_box;

use bhyt::{Issuer, Style};
use bhyt_benches::{
    batch_buffer, corpus, mixed_corpus, quick_check, whole_rule_regex, DfaPrefixRule, Entry,
    RegexRule,
};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn inputs() -> Vec<Entry> {
    let corpus = corpus();
    // Never time a baseline that disagrees with what it is compared to.
    let regex = RegexRule::new();
    for entry in &corpus {
        assert_eq!(
            regex.is_match(entry.input.as_bytes(), entry.issuer),
            bhyt::is_valid(&entry.input, entry.issuer),
            "{entry:?}"
        );
    }
    corpus
}

/// Issue 13's mixed corpus (`String`s, issuer any, a third invalid): the floor of any check,
/// a quick hand-written check, bhyt's entry points and one `regex::Regex` for the whole rule,
/// side by side.
fn mixed(c: &mut Criterion) {
    let corpus = mixed_corpus();
    let regex = whole_rule_regex();
    for input in &corpus {
        assert_eq!(
            regex.is_match(input),
            bhyt::is_valid(input, None),
            "{input:?}"
        );
        assert_eq!(
            quick_check(input.as_bytes()),
            bhyt::is_valid(input, None),
            "{input:?}"
        );
    }
    let mut group = c.benchmark_group("mixed");
    group.throughput(Throughput::Elements(corpus.len() as u64));
    group.bench_function("floor: length + one byte", |b| {
        b.iter(|| {
            corpus
                .iter()
                .filter(|s| {
                    let s = black_box(s.as_str());
                    s.len() == 15 || s.as_bytes().first() == Some(&b'0')
                })
                .count()
        })
    });
    group.bench_function("quick hand-written bool check", |b| {
        b.iter(|| {
            corpus
                .iter()
                .filter(|s| quick_check(black_box(s.as_bytes())))
                .count()
        })
    });
    group.bench_function("bhyt::is_valid", |b| {
        b.iter(|| {
            corpus
                .iter()
                .filter(|s| bhyt::is_valid(black_box(s.as_str()), None))
                .count()
        })
    });
    group.bench_function("bhyt::validate (error code + position)", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|s| match bhyt::validate(black_box(s.as_str()), None) {
                    Ok(_) => 0,
                    Err(error) => {
                        u64::from(error.code().number()) + error.position().unwrap_or(0) as u64
                    }
                })
                .sum::<u64>()
        })
    });
    group.bench_function("str::parse::<CardNumber> (error code + position)", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(
                    |s| match black_box(s.as_str()).parse::<bhyt::CardNumber>() {
                        Ok(_) => 0,
                        Err(error) => {
                            u64::from(error.code().number()) + error.position().unwrap_or(0) as u64
                        }
                    },
                )
                .sum::<u64>()
        })
    });
    group.bench_function("regex::Regex::is_match (whole rule)", |b| {
        b.iter(|| {
            corpus
                .iter()
                .filter(|s| regex.is_match(black_box(s.as_str())))
                .count()
        })
    });
    group.finish();
}

fn strict(c: &mut Criterion) {
    let corpus = inputs();
    let regex = RegexRule::new();
    let mut group = c.benchmark_group("strict");
    group.throughput(Throughput::Elements(corpus.len() as u64));
    group.bench_function("bhyt::is_valid", |b| {
        b.iter(|| {
            corpus
                .iter()
                .filter(|e| bhyt::is_valid(black_box(e.input.as_bytes()), e.issuer))
                .count()
        })
    });
    group.bench_function("regex::bytes::Regex::is_match", |b| {
        b.iter(|| {
            corpus
                .iter()
                .filter(|e| regex.is_match(black_box(e.input.as_bytes()), e.issuer))
                .count()
        })
    });
    group.finish();
}

/// Sums the decoded parts so that none of the decoding can be optimised away.
fn decode(entry: &Entry) -> u64 {
    match bhyt::validate(black_box(entry.input.as_bytes()), entry.issuer) {
        Ok(card) => {
            let group = card.group_code().map_or(0, |g| g as u64);
            let benefit = card.benefit_level().map_or(0, |b| u64::from(b.digit()));
            let province = card.province_code().map_or(0, |p| u64::from(p.value()));
            let issuer = card.issuer().map_or(0, |i| i as u64);
            group + benefit + province + issuer + card.key().value()
        }
        Err(error) => u64::from(error.code().number()) + error.position().unwrap_or(0) as u64,
    }
}

fn parse(c: &mut Criterion) {
    let corpus = inputs();
    let regex = RegexRule::new();
    let captures: Vec<regex::bytes::Regex> = [
        None,
        Some(Issuer::VietnamSocialSecurity),
        Some(Issuer::Police),
        Some(Issuer::Defence),
    ]
    .map(|issuer| {
        let whole = regex.regex(issuer).as_str();
        // The same rule with the parts captured: group, benefit, province, social number.
        let with_groups = whole
            .replacen("(?:DN", "(DN", 1)
            .replacen(")[1-5]", ")([1-5])", 1)
            .replace("[1-5](?:0", "[1-5]((?:0")
            .replace("[1-5]98", "[1-5](98)")
            .replace("[1-5]97", "[1-5](97)");
        regex::bytes::Regex::new(&with_groups).expect("capture pattern")
    })
    .to_vec();
    let index = |issuer: Option<Issuer>| match issuer {
        None => 0,
        Some(Issuer::VietnamSocialSecurity) => 1,
        Some(Issuer::Police) => 2,
        Some(Issuer::Defence) => 3,
    };
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Elements(corpus.len() as u64));
    group.bench_function("bhyt::validate+decode", |b| {
        b.iter(|| corpus.iter().map(decode).sum::<u64>())
    });
    group.bench_function("bhyt::is_valid", |b| {
        b.iter(|| {
            corpus
                .iter()
                .filter(|e| bhyt::is_valid(black_box(e.input.as_bytes()), e.issuer))
                .count()
        })
    });
    group.bench_function("regex::bytes::Regex::captures", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|e| {
                    captures[index(e.issuer)]
                        .captures(black_box(e.input.as_bytes()))
                        .map_or(0, |c| c.iter().flatten().map(|m| m.len()).sum::<usize>())
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

fn lenient(c: &mut Criterion) {
    let corpus = inputs();
    let regex = RegexRule::new();
    let mut group = c.benchmark_group("lenient");
    group.throughput(Throughput::Elements(corpus.len() as u64));
    group.bench_function("bhyt::validate_lenient", |b| {
        b.iter(|| {
            corpus
                .iter()
                .filter(|e| bhyt::validate_lenient(black_box(e.input.as_bytes()), e.issuer).is_ok())
                .count()
        })
    });
    group.bench_function("String cleanup + regex", |b| {
        b.iter(|| {
            corpus
                .iter()
                .filter(|e| {
                    let cleaned: String = black_box(&e.input)
                        .chars()
                        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-' | '_'))
                        .map(|c| c.to_ascii_uppercase())
                        .collect();
                    regex.is_match(cleaned.as_bytes(), e.issuer)
                })
                .count()
        })
    });
    group.finish();
}

fn as_you_type(c: &mut Criterion) {
    let corpus = inputs();
    let dfa = DfaPrefixRule::new();
    // Every prefix of every input, as a form sees them one keystroke at a time.
    let prefixes: Vec<(&[u8], Option<Issuer>)> = corpus
        .iter()
        .take(2_000)
        .flat_map(|e| (1..=e.input.len()).map(move |end| (&e.input.as_bytes()[..end], e.issuer)))
        .collect();
    let mut group = c.benchmark_group("as_you_type");
    group.throughput(Throughput::Elements(prefixes.len() as u64));
    group.bench_function("bhyt::check_prefix", |b| {
        b.iter(|| {
            prefixes
                .iter()
                .filter(|(typed, issuer)| {
                    bhyt::check_prefix(black_box(typed), *issuer).can_become_valid()
                })
                .count()
        })
    });
    group.bench_function("regex_automata dense DFA walk", |b| {
        b.iter(|| {
            prefixes
                .iter()
                .filter(|(typed, issuer)| dfa.can_become_valid(black_box(typed), *issuer))
                .count()
        })
    });
    group.finish();
}

fn batch(c: &mut Criterion) {
    let corpus = inputs();
    let buffer = batch_buffer(&corpus);
    let regex = RegexRule::new();
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Bytes(buffer.len() as u64));
    group.bench_function("bhyt::validate_lines", |b| {
        b.iter(|| {
            bhyt::validate_lines(black_box(&buffer), None)
                .filter(bhyt::Line::is_valid)
                .count()
        })
    });
    group.bench_function("split lines + regex", |b| {
        b.iter(|| {
            black_box(&buffer)
                .split(|&byte| byte == b'\n')
                .filter(|line| regex.is_match(line, None))
                .count()
        })
    });
    group.finish();
}

fn formatting(c: &mut Criterion) {
    let cards: Vec<bhyt::CardNumber> = inputs()
        .iter()
        .filter_map(|e| bhyt::validate(&e.input, e.issuer).ok())
        .collect();
    let mut group = c.benchmark_group("format");
    group.throughput(Throughput::Elements(cards.len() as u64));
    group.bench_function("bhyt::CardNumber::format(Grouped)", |b| {
        b.iter(|| {
            cards
                .iter()
                .map(|card| black_box(card).format(Style::Grouped).as_bytes().len())
                .sum::<usize>()
        })
    });
    group.bench_function("format! (String)", |b| {
        b.iter(|| {
            cards
                .iter()
                .map(|card| format!("{}", black_box(card)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

/// The C ABI's `bhyt_validate`, called through a function pointer as a program linking
/// `libbhyt` calls it, against the same call in Rust (both give the verdict with its code).
fn c_abi(c: &mut Criterion) {
    let corpus = inputs();
    let to_c = |issuer: Option<Issuer>| match issuer {
        None => bhyt_c::BHYT_ISSUER_ANY,
        Some(Issuer::VietnamSocialSecurity) => bhyt_c::BHYT_ISSUER_VSS,
        Some(Issuer::Police) => bhyt_c::BHYT_ISSUER_POLICE,
        Some(Issuer::Defence) => bhyt_c::BHYT_ISSUER_DEFENCE,
    };
    let c_inputs: Vec<(&[u8], u32)> = corpus
        .iter()
        .map(|e| (e.input.as_bytes(), to_c(e.issuer)))
        .collect();
    type Validate =
        unsafe extern "C" fn(*const std::ffi::c_char, usize, u32) -> bhyt_c::bhyt_result;
    let validate_c: Validate = black_box(bhyt_c::bhyt_validate);
    let mut group = c.benchmark_group("c_abi");
    group.throughput(Throughput::Elements(corpus.len() as u64));
    group.bench_function("bhyt_validate (C ABI)", |b| {
        b.iter(|| {
            c_inputs
                .iter()
                // SAFETY: a pointer and the length of a live byte slice.
                .map(|(input, issuer)| unsafe {
                    validate_c(black_box(input.as_ptr().cast()), input.len(), *issuer)
                })
                .map(|result| result as u64)
                .sum::<u64>()
        })
    });
    group.bench_function("bhyt::validate (Rust)", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(
                    |e| match bhyt::validate(black_box(e.input.as_bytes()), e.issuer) {
                        Ok(_) => 0,
                        Err(error) => u64::from(error.code().number()),
                    },
                )
                .sum::<u64>()
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    mixed,
    strict,
    parse,
    lenient,
    as_you_type,
    batch,
    formatting,
    c_abi
);
criterion_main!(benches);
