//! What the as-you-type check answers while a number is typed, one character at a time.
//!
//! `cargo run -p bhyt --example as_you_type -- [--issuer vss|police|defence] [TEXT...]`

use bhyt::{Issuer, Lang, PrefixCheck};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut issuer = None;
    if let Some(i) = args.iter().position(|a| a == "--issuer") {
        let name = args.get(i + 1).cloned().unwrap_or_default();
        issuer = match name.parse::<Issuer>() {
            Ok(issuer) => Some(issuer),
            Err(error) => {
                eprintln!("{error}");
                std::process::exit(2);
            }
        };
        args.drain(i..(i + 2).min(args.len()));
    }
    if args.is_empty() {
        args = [
            "DN4010123456789",
            "DS4",
            "HS6",
            "DN400",
            "CA5970",
            "0101010101",
            "01010101012",
        ]
        .map(String::from)
        .to_vec();
    }
    for text in &args {
        let chars: Vec<char> = text.chars().collect();
        for end in 1..=chars.len() {
            let typed: String = chars[..end].iter().collect();
            let answer = match bhyt::check_prefix(&typed, issuer) {
                PrefixCheck::Incomplete { missing, .. } => {
                    format!("can still become valid ({missing} more)")
                }
                PrefixCheck::Complete(card) => {
                    format!("valid: {}", card.format(bhyt::Style::Grouped))
                }
                PrefixCheck::Invalid { at, error } => {
                    format!(
                        "never valid from character {}: {}",
                        at + 1,
                        error.message(Lang::En)
                    )
                }
            };
            println!("{typed:<17} {answer}");
        }
        println!();
    }
}
