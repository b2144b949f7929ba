//! The file-checking benchmark of BENCHMARKS.md ("Checking files"): generates a 1M-row CSV,
//! a 1M-row .xlsx, a 65,536-row .xls (the format's limit), 1M claims as plain XML and inside
//! submission envelopes (NOIDUNGFILE of about 4 MB each), and one MA_THE_BHYT field of 400,000
//! items, then runs the given `bhyt` binary on each under `/usr/bin/time` and prints rows (or
//! items) per second, peak memory (maximum resident set) and the file sizes as a Markdown
//! table. The linear-time guarantee is read from it: rows per second stay flat when a file
//! grows (compare `--scale 0.25`).
//!
//! ```text
//! cargo build --release -p bhyt-cli
//! cargo run --release -p bhyt-cli --example file_bench -- target/release/bhyt [DIR] [--scale F]
//! ```

#[path = "../tests/hostile/gen.rs"]
mod gen;

use std::fmt::Write as _;
use std::process::Command;

fn main() {
    let mut args = std::env::args().skip(1);
    let binary = args
        .next()
        .expect("usage: file_bench BHYT [DIR] [--scale F]");
    let mut dir = std::env::temp_dir().join("bhyt-file-bench");
    let mut scale = 1.0f64;
    while let Some(arg) = args.next() {
        if arg == "--scale" {
            scale = args.next().and_then(|s| s.parse().ok()).expect("--scale F");
        } else {
            dir = arg.into();
        }
    }
    std::fs::create_dir_all(&dir).unwrap();
    let n = (1_000_000.0 * scale) as usize;
    let cards = [
        gen::VALID,
        gen::VALID_SHORT,
        gen::INVALID,
        "DN4010123456789",
    ];
    let card = |i: usize| cards[i % cards.len()];
    let mut cases: Vec<(&str, String, usize, Vec<&str>)> = Vec::new();

    let mut csv = String::from("STT,Họ và tên,Số thẻ BHYT\n");
    for i in 0..n {
        let _ = writeln!(csv, "{i},Người thử {i},{}", card(i));
    }
    cases.push(("CSV", "rows.csv".into(), n, vec![]));
    std::fs::write(dir.join("rows.csv"), csv).unwrap();

    let mut rows = String::new();
    let _ = write!(
        rows,
        r#"<row r="1">{}{}</row>"#,
        gen::inline("A1", "STT"),
        gen::inline("B1", "MA_THE_BHYT")
    );
    for i in 0..n {
        let r = i + 2;
        let _ = write!(
            rows,
            r#"<row r="{r}"><c r="A{r}"><v>{i}</v></c>{}</row>"#,
            gen::inline(&format!("B{r}"), card(i))
        );
    }
    std::fs::write(dir.join("rows.xlsx"), gen::xlsx(&rows, "")).unwrap();
    cases.push((".xlsx", "rows.xlsx".into(), n, vec![]));

    let xls_rows = 65_535.min(n);
    let mut sheet = vec![vec![Some("STT".to_owned()), Some("MA_THE_BHYT".to_owned())]];
    for i in 0..xls_rows {
        sheet.push(vec![Some(i.to_string()), Some(card(i).to_owned())]);
    }
    std::fs::write(dir.join("rows.xls"), gen::xls(&sheet)).unwrap();
    cases.push((".xls", "rows.xls".into(), xls_rows, vec![]));

    let claim = |i: usize| gen::claim(&format!("LK-{i}"), card(i));
    let mut claims = String::new();
    for i in 0..n {
        claims.push_str(&claim(i));
    }
    std::fs::write(dir.join("claims.xml"), gen::xml1(&claims)).unwrap();
    cases.push(("plain XML", "claims.xml".into(), n, vec![]));

    let per_file = 30_000;
    let mut envelope =
        String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<GIAMDINHHS>\n<HOSO>\n");
    let mut i = 0;
    while i < n {
        let mut inner = String::new();
        for j in i..(i + per_file).min(n) {
            inner.push_str(&claim(j));
        }
        i += per_file;
        let encoded = gen::base64(gen::xml1(&inner).as_bytes());
        let _ = write!(envelope, "<FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>");
        for line in encoded.as_bytes().chunks(76) {
            envelope.push_str(std::str::from_utf8(line).unwrap());
            envelope.push('\n');
        }
        envelope.push_str("</NOIDUNGFILE></FILEHOSO>\n");
    }
    envelope.push_str("</HOSO>\n</GIAMDINHHS>\n");
    std::fs::write(dir.join("envelope.xml"), envelope).unwrap();
    cases.push(("envelope XML", "envelope.xml".into(), n, vec![]));

    let items = (400_000.0 * scale) as usize;
    let field: Vec<&str> = (0..items).map(card).collect();
    std::fs::write(
        dir.join("field.xml"),
        gen::xml1(&gen::claim("LK-1", &field.join(";"))),
    )
    .unwrap();
    cases.push(("one MA_THE_BHYT", "field.xml".into(), items, vec![]));

    println!("| file | size | rows (items) | time | rows/s | peak memory |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, file, count, extra) in cases {
        let path = dir.join(&file);
        let size = std::fs::metadata(&path).unwrap().len();
        let output = Command::new("/usr/bin/time")
            .args(["-f", "%e %M"])
            .arg(&binary)
            .args(["check", "--file"])
            .arg(&path)
            .args(["--summary", "json", "--report", "/dev/null"])
            .args(extra)
            .output()
            .expect("/usr/bin/time runs");
        let err = String::from_utf8_lossy(&output.stderr);
        let last = err.lines().last().unwrap_or_default();
        let mut fields = last.split_whitespace();
        let seconds: f64 = fields
            .next()
            .and_then(|s| s.parse().ok())
            .unwrap_or(f64::NAN);
        let kib: f64 = fields
            .next()
            .and_then(|s| s.parse().ok())
            .unwrap_or(f64::NAN);
        assert!(matches!(output.status.code(), Some(0 | 1)), "{name}: {err}");
        println!(
            "| {name} | {:.1} MB | {count} | {seconds:.2} s | {:.0} | {:.0} MiB |",
            size as f64 / 1e6,
            count as f64 / seconds.max(0.01),
            kib / 1024.0
        );
    }
}
