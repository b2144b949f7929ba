//! Writes the benchmark corpus (generated from the committed seed) as TSV, so that the
//! JavaScript benchmark (bindings/wasm/bench) times exactly the inputs the Rust one does.
//!
//! `cargo run -p bhyt-benches --example corpus > corpus.tsv`: one line per input,
//! `issuer<TAB>input`, the issuer `any`/`vss`/`police`/`defence`, the input with `\\`, TAB,
//! LF and CR escaped as in tests/vectors. `... --example corpus mixed` writes issue 13's mixed
//! corpus (`bhyt_benches::mixed_corpus`, issuer any) instead; `... --example corpus pattern`
//! writes the whole rule as one regular expression (`bhyt_benches::pattern`, issuer any), for
//! the Python benchmark's `re` baseline (bindings/python/bench).

use std::io::{self, BufWriter, Write};

fn main() -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    if std::env::args().nth(1).as_deref() == Some("pattern") {
        writeln!(out, "{}", bhyt_benches::pattern(None))?;
        return out.flush();
    }
    // `corpus mixed`: issue 13's mixed corpus instead (issuer any).
    let corpus = if std::env::args().nth(1).as_deref() == Some("mixed") {
        bhyt_benches::mixed_corpus()
            .into_iter()
            .map(|input| bhyt_benches::Entry {
                input,
                issuer: None,
            })
            .collect()
    } else {
        bhyt_benches::corpus()
    };
    for entry in corpus {
        let issuer = entry.issuer.map_or("any", |issuer| issuer.as_str());
        let mut escaped = String::with_capacity(entry.input.len());
        for c in entry.input.chars() {
            match c {
                '\\' => escaped.push_str("\\\\"),
                '\t' => escaped.push_str("\\t"),
                '\n' => escaped.push_str("\\n"),
                '\r' => escaped.push_str("\\r"),
                c => escaped.push(c),
            }
        }
        writeln!(out, "{issuer}\t{escaped}")?;
    }
    out.flush()
}
