//! Writes the benchmark corpus (generated from the committed seed) as TSV, so that the
//! JavaScript benchmark (bindings/wasm/bench) times exactly the inputs the Rust one does.
//!
//! `cargo run -p bhyt-benches --example corpus > corpus.tsv`: one line per input,
//! `issuer<TAB>input`, the issuer `any`/`vss`/`police`/`defence`, the input with `\\`, TAB,
//! LF and CR escaped as in tests/vectors.

use std::io::{self, BufWriter, Write};

fn main() -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    for entry in bhyt_benches::corpus() {
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
