//! Hostile files for `bhyt check --file`: every class of "the file itself is wrong" the
//! readers must survive. Each case runs the built `bhyt` under a memory cap (`ulimit -v` in a
//! shell) and asserts the exit status, the message, and that the input is unchanged. The
//! files are generated here (`hostile/gen.rs`); the huge ones are streams, never written to
//! disk. No timed assertions (the linear-time cases are in the benchmark, BENCHMARKS.md).

#[path = "hostile/gen.rs"]
mod gen;

mod common;

use std::process::{Command, Output, Stdio};

use common::Dir;
use gen::{INVALID, VALID, VALID_SHORT};

/// The memory cap, in KiB of address space: far below what any unbounded reader would need
/// for these inputs (each inflates to 512 MiB or more, or never ends).
const CAP_KIB: u64 = 256 * 1024;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_bhyt")
}

/// `bhyt ARGS` under the memory cap, standard input from `producer` (a shell pipeline) or
/// nothing.
fn capped(args: &[&str], producer: Option<&str>) -> Output {
    let quoted: Vec<String> = args
        .iter()
        .map(|arg| format!("'{}'", arg.replace('\'', "'\\''")))
        .collect();
    let run = format!(
        "(ulimit -v {CAP_KIB} && exec \"$BHYT\" {})",
        quoted.join(" ")
    );
    let script = match producer {
        Some(producer) => format!("{producer} | {run}"),
        None => format!("{run} < /dev/null"),
    };
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("BHYT", bin())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .output()
        .expect("sh runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs `bhyt ARGS` on `file` under the cap and checks that `file` is unchanged afterwards.
fn on_file(file: &str, args: &[&str]) -> Output {
    let before = std::fs::read(file).unwrap();
    let output = capped(args, None);
    assert_eq!(std::fs::read(file).unwrap(), before, "{file} changed");
    output
}

/// Exit status 2 and one message naming the file, the place and what is wrong; no crash.
fn assert_refused(output: &Output, file: &str, place: Option<&str>, words: &[&str]) {
    let message = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(message.starts_with(&format!("bhyt: {file}")), "{message}");
    if let Some(place) = place {
        assert!(message.contains(place), "{place:?} in {message}");
    }
    for word in words {
        assert!(message.contains(word), "{word:?} in {message}");
    }
    assert!(!message.contains("panicked"), "{message}");
    assert_eq!(message.lines().count(), 1, "{message}");
}

fn check(file: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["check".to_owned(), "--file".to_owned(), file.to_owned()];
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

fn run_check(file: &str, extra: &[&str]) -> Output {
    let args = check(file, extra);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    on_file(file, &args)
}

// ---- Nothing destroyed ----

#[test]
fn a_report_that_is_the_input_is_refused_before_anything_is_written() {
    let dir = Dir::new();
    let file = dir.write("list.csv", format!("MA_THE_BHYT\n{VALID}\n{INVALID}\n"));
    let same = run_check(&file, &["--report", &file]);
    assert_refused(
        &same,
        &file,
        None,
        &["the file being checked", "nothing was written"],
    );
    // Through a symbolic link, and through a hard link.
    let link = dir.path("link.csv");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    let hard = dir.path("hard.csv");
    std::fs::hard_link(&file, &hard).unwrap();
    for other in [&link, &hard] {
        let other = other.to_str().unwrap();
        let output = run_check(&file, &["--report", other]);
        assert_refused(&output, other, None, &["the file being checked"]);
    }
    let relative = run_check(
        &file,
        &[
            "--report",
            &format!(
                "{}/../{}/list.csv",
                dir.root().display(),
                dir.root().file_name().unwrap().to_string_lossy()
            ),
        ],
    );
    assert_eq!(relative.status.code(), Some(2));
    assert_eq!(dir.names(), ["hard.csv", "link.csv", "list.csv"]);
}

#[test]
fn a_report_is_written_beside_and_renamed_and_a_failed_check_leaves_the_old_one() {
    let dir = Dir::new();
    let file = dir.write("list.csv", format!("MA_THE_BHYT\n{VALID}\n{INVALID}\n"));
    let report = dir.path("report.csv");
    let report = report.to_str().unwrap();
    let output = run_check(&file, &["--report", report]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let written = std::fs::read_to_string(report).unwrap();
    assert!(written.contains("invalid_province_code"), "{written}");
    // A check that fails half-way leaves the earlier report as it was, and no temporary file.
    let broken = dir.write("broken.csv", format!("MA_THE_BHYT\n{INVALID}\n\"{VALID}\n"));
    let output = run_check(&broken, &["--report", report]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert_eq!(std::fs::read_to_string(report).unwrap(), written);
    assert_eq!(dir.names(), ["broken.csv", "list.csv", "report.csv"]);
}

// ---- Nothing silently passed: claims XML ----

#[test]
fn a_noidungfile_that_cannot_be_decoded_is_an_error_at_its_line() {
    let inner = gen::xml1(&gen::claim("LK-1", VALID));
    let good = gen::base64(inner.as_bytes());
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "stray",
            format!("{}!{}", &good[..8], &good[8..]),
            "not base64",
        ),
        (
            "unpadded",
            gen::base64(b"<TONG_HOP></TONG_HOP>x")
                .trim_end_matches('=')
                .to_owned(),
            "padding",
        ),
        (
            "urlsafe",
            gen::base64(b"<TONG_HOP>\xfb\xff</TONG_HOP>")
                .replace('+', "-")
                .replace('/', "_"),
            "URL-safe",
        ),
        (
            "gzip",
            gen::base64(b"\x1f\x8b\x08\x00\x00\x00\x00\x00"),
            "gzip",
        ),
        ("notxml", gen::base64(b"hello, this is text"), "not XML"),
        (
            "utf16",
            gen::base64(&{
                let mut bytes = vec![0xFF, 0xFE];
                bytes.extend(inner.encode_utf16().flat_map(|u| u.to_le_bytes()));
                bytes
            }),
            "UTF-16",
        ),
    ];
    let dir = Dir::new();
    for (name, content, words) in cases {
        let file = dir.write(&format!("{name}.xml"), gen::envelope(&content));
        let output = run_check(&file, &[]);
        assert_refused(
            &output,
            &file,
            Some("line 5"),
            &["NOIDUNGFILE", "cannot be decoded", words],
        );
    }
}

#[test]
fn plain_xml_inside_noidungfile_is_read_and_a_file_without_cards_is_an_error() {
    let dir = Dir::new();
    let claims = gen::claim("LK-1", VALID) + &gen::claim("LK-2", INVALID);
    for (name, content) in [
        ("elements", format!("<TONG_HOP>{claims}</TONG_HOP>")),
        (
            "escaped",
            format!("<TONG_HOP>{claims}</TONG_HOP>")
                .replace('<', "&lt;")
                .replace('>', "&gt;"),
        ),
        (
            "cdata",
            format!("<![CDATA[<TONG_HOP>{claims}</TONG_HOP>]]>"),
        ),
        (
            "base64",
            gen::base64(format!("<TONG_HOP>{claims}</TONG_HOP>").as_bytes()),
        ),
    ] {
        let file = dir.write(&format!("{name}.xml"), gen::envelope(&content));
        let output = run_check(&file, &["--summary", "json"]);
        let message = text(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{name}: {message}");
        assert!(
            message.contains("\"valid\":1,\"invalid\":1"),
            "{name}: {message}"
        );
    }
    let html = dir.write(
        "page.xml",
        "<html><head><title>Cổng giám định</title></head><body><p>Đăng nhập</p></body></html>",
    );
    let output = run_check(&html, &[]);
    assert_refused(&output, &html, None, &["no MA_THE_BHYT"]);
    let empty_envelope = dir.write("empty.xml", gen::envelope(""));
    assert_refused(
        &run_check(&empty_envelope, &[]),
        &empty_envelope,
        None,
        &["no MA_THE_BHYT"],
    );
}

// ---- Bounded memory ----

/// An .xlsx one of whose parts (or cells) inflates to 512 MiB.
fn bomb(rows_before: &str, piece: &[u8], rows_after: &str, part: &str) -> Vec<u8> {
    let repeat = 512 * 1024 * 1024 / piece.len();
    let head = gen::sheet(rows_before);
    let (sheet_head, sheet_tail) = head.split_at(head.find("</sheetData>").unwrap());
    let mut parts: Vec<(&str, Vec<u8>, usize)> = vec![
        (
            "xl/_rels/workbook.xml.rels",
            gen::RELS.as_bytes().to_vec(),
            1,
        ),
        (
            "xl/sharedStrings.xml",
            gen::sst("<si><t>MA_THE_BHYT</t></si>").into_bytes(),
            1,
        ),
    ];
    match part {
        "sheet" => {
            parts.push(("xl/workbook.xml", gen::WORKBOOK.as_bytes().to_vec(), 1));
            // The sheet is written in three entries' worth: head, the piece repeated, tail.
            let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .compression_level(Some(1))
                .large_file(true);
            use std::io::Write as _;
            for (name, bytes, n) in &parts {
                zip.start_file(*name, options).unwrap();
                for _ in 0..*n {
                    zip.write_all(bytes).unwrap();
                }
            }
            zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
            zip.write_all(sheet_head.as_bytes()).unwrap();
            for _ in 0..repeat {
                zip.write_all(piece).unwrap();
            }
            zip.write_all(rows_after.as_bytes()).unwrap();
            zip.write_all(sheet_tail.as_bytes()).unwrap();
            zip.finish().unwrap().into_inner()
        }
        "workbook" => {
            parts.push(("xl/workbook.xml", piece.to_vec(), repeat));
            parts.push(("xl/worksheets/sheet1.xml", head.clone().into_bytes(), 1));
            gen::zip(&parts)
        }
        _ => unreachable!(),
    }
}

#[test]
fn xlsx_parts_and_cells_that_inflate_to_gigabytes_stop_at_a_limit() {
    let dir = Dir::new();
    let header = r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#;
    // One cell of 512 MiB.
    let cell = dir.write(
        "cell.xlsx",
        bomb(
            &format!(r#"{header}<row r="2"><c r="A2" t="inlineStr"><is><t>"#),
            &[b'7'; 1 << 20],
            "</t></is></c></row>",
            "sheet",
        ),
    );
    assert_refused(
        &run_check(&cell, &[]),
        &cell,
        Some("row 2"),
        &["8 MiB", "limit"],
    );
    // 512 MiB of white space between rows.
    let space = dir.write("space.xlsx", bomb(header, &[b' '; 1 << 20], "", "sheet"));
    assert_refused(&run_check(&space, &[]), &space, None, &["8 MiB", "limit"]);
    // 512 MiB of white space in workbook.xml.
    let workbook = dir.write(
        "workbook.xlsx",
        bomb(header, &[b' '; 1 << 20], "", "workbook"),
    );
    assert_refused(
        &run_check(&workbook, &[]),
        &workbook,
        None,
        &["xl/workbook.xml", "16 MiB", "limit"],
    );
}

#[test]
fn a_shared_string_that_inflates_to_gigabytes_stops_at_a_limit() {
    let dir = Dir::new();
    let rows = r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>"#;
    let piece = vec![b'9'; 1 << 20];
    let sst_head = gen::sst("<si><t>MA_THE_BHYT</t></si><si><t>");
    let (head, _) = sst_head.split_at(sst_head.find("</sst>").unwrap());
    let mut strings = head.as_bytes().to_vec();
    strings.extend_from_slice(&piece);
    // The string: 512 copies of the piece, then its end (written by zip() as repeats).
    let archive = gen::zip(&[
        ("xl/workbook.xml", gen::WORKBOOK.as_bytes().to_vec(), 1),
        (
            "xl/_rels/workbook.xml.rels",
            gen::RELS.as_bytes().to_vec(),
            1,
        ),
        ("xl/worksheets/sheet1.xml", gen::sheet(rows).into_bytes(), 1),
        (
            "xl/sharedStrings.xml",
            [strings.as_slice(), &piece.repeat(15)].concat(),
            32,
        ),
    ]);
    let file = dir.write("strings.xlsx", archive);
    assert_refused(
        &run_check(&file, &[]),
        &file,
        None,
        &["shared strings", "limit"],
    );
}

#[test]
fn a_huge_shared_string_index_costs_nothing_and_is_named_right() {
    let dir = Dir::new();
    let rows = r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>4294967295</v></c></row>"#;
    let file = dir.write("index.xlsx", gen::xlsx(rows, "<si><t>MA_THE_BHYT</t></si>"));
    assert_refused(
        &run_check(&file, &[]),
        &file,
        Some("row 2"),
        &["shared string 4294967296"],
    );
}

#[test]
fn endless_streams_stop_at_a_limit() {
    // /dev/zero as a CSV file and as an XML file.
    for (kind, words) in [("csv", "longer than 8 MiB"), ("xml", "8 MiB")] {
        let output = capped(&["check", "--file", "/dev/zero", "--file-type", kind], None);
        assert_refused(&output, "/dev/zero", None, &[words, "limit"]);
    }
    // A 1 GB XML text node, a 200 MB CSV field, read from a pipe.
    let node = capped(
        &["check", "--file", "/dev/stdin", "--file-type", "xml"],
        Some("{ printf '<TONG_HOP><MA_THE_BHYT>'; head -c 1073741824 /dev/zero | tr '\\0' 'x'; printf '</MA_THE_BHYT></TONG_HOP>'; }"),
    );
    assert_refused(&node, "/dev/stdin", Some("line 1"), &["8 MiB", "limit"]);
    let field = capped(
        &["check", "--file", "/dev/stdin", "--file-type", "csv"],
        Some("{ printf 'MA_THE_BHYT,GHI_CHU\\n0120878811,\"'; head -c 209715200 /dev/zero | tr '\\0' 'x'; printf '\"\\n'; }"),
    );
    assert_refused(
        &field,
        "/dev/stdin",
        Some("row 2"),
        &["8 MiB", "limit", "quote"],
    );
    // A 2 GB line on standard input (no --file).
    let line = capped(&["check"], Some("head -c 2147483648 /dev/zero"));
    assert_eq!(line.status.code(), Some(2), "{}", text(&line.stderr));
    assert!(
        text(&line.stderr).contains("line 1: longer than 64 KiB"),
        "{}",
        text(&line.stderr)
    );
}

#[test]
fn deep_nesting_stops_at_a_limit() {
    let dir = Dir::new();
    let file = dir.write("deep.xml", "<a>".repeat(100_000));
    assert_refused(&run_check(&file, &[]), &file, None, &["256 deep", "limit"]);
}

// ---- Header-less lists ----

#[test]
fn a_list_without_a_header_checks_its_first_row_and_never_shows_it() {
    let dir = Dir::new();
    // The only invalid card is the first row.
    let file = dir.write("list.csv", format!("{INVALID}\n{VALID}\n{VALID_SHORT}\n"));
    let output = run_check(&file, &[]);
    let (out, err) = (text(&output.stdout), text(&output.stderr));
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        out.starts_with("row 1, column 1: DN 4 00 ******6789"),
        "{out}"
    );
    assert!(
        err.contains("no header row: row 1 is a card number"),
        "{err}"
    );
    for shown in [&out, &err] {
        assert!(!shown.contains(&INVALID[5..11]), "{shown}");
    }
    // Several columns: the one holding the card; a 12-digit personal number counts too.
    let two = dir.write("two.csv", format!("1;{INVALID};x\n2;{VALID};y\n"));
    let output = run_check(&two, &["--summary", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("\"header_row\":null,\"header_detected_absent\":true"));
    let id = dir.write("id.csv", format!("079095001234\n{VALID}\n"));
    assert_eq!(run_check(&id, &[]).status.code(), Some(1));
    // The same in a spreadsheet.
    let rows = format!(
        r#"<row r="1">{}</row><row r="2">{}</row>"#,
        gen::inline("A1", INVALID),
        gen::inline("A2", VALID)
    );
    let xlsx = dir.write("list.xlsx", gen::xlsx(&rows, ""));
    let output = run_check(&xlsx, &[]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    assert!(text(&output.stdout).starts_with("row 1, column 1: DN 4 00 ******6789"));
}

// ---- Messy text ----

#[test]
fn an_unclosed_quote_is_an_error_at_the_row_where_it_opened() {
    let dir = Dir::new();
    let file = dir.write(
        "quote.csv",
        format!("STT,MA_THE_BHYT\n1,{VALID}\n2,\"{VALID}\n3,{VALID}\n4,{VALID}\n"),
    );
    assert_refused(
        &run_check(&file, &[]),
        &file,
        Some("row 3: "),
        &["quote", "never closed"],
    );
}

#[test]
fn the_delimiter_is_found_on_the_header_row() {
    let dir = Dir::new();
    let file = dir.write(
        "title.csv",
        format!("Danh sách, tháng 1\nSTT;MA_THE_BHYT\n1;{VALID}\n2;{VALID_SHORT}\n"),
    );
    let output = run_check(&file, &["--header-row", "2"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
}

#[test]
fn line_numbers_are_right_for_lf_crlf_and_cr_files() {
    let dir = Dir::new();
    for (name, end) in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")] {
        let body = [
            "MA_THE_BHYT",
            VALID,
            "",
            INVALID,
            "\"DN4000\n123456789\"",
            INVALID,
        ]
        .join(end)
            + end;
        let file = dir.write(
            &format!("{name}.csv"),
            body.replace("\n123", &format!("{end}123")),
        );
        let output = run_check(&file, &["--format", "json"]);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{name}: {}",
            text(&output.stderr)
        );
        let lines: Vec<String> = text(&output.stdout)
            .lines()
            .map(|line| {
                let value: serde_json::Value = serde_json::from_str(line).unwrap();
                format!("{}@{}", value["row"], value["line"])
            })
            .collect();
        assert_eq!(lines, ["3@4", "4@5", "5@7"], "{name}");
    }
}

#[test]
fn decomposed_unicode_headers_match() {
    let dir = Dir::new();
    let nfd = "Ma\u{0303} the\u{0309}";
    let file = dir.write("nfd.csv", format!("STT,{nfd},Ghi chú\n1,{VALID},\n"));
    assert_eq!(
        run_check(&file, &["--column", "Mã thẻ"]).status.code(),
        Some(0)
    );
    assert_eq!(
        run_check(&file, &["--column", "MÃ THẺ"]).status.code(),
        Some(0)
    );
    assert_eq!(
        run_check(&file, &[]).status.code(),
        Some(0),
        "the built-in names"
    );
}

#[test]
fn byte_order_marks_are_dropped_and_utf16_is_refused_with_a_how_to() {
    let dir = Dir::new();
    let stdin = capped(
        &["check"],
        Some(&format!("printf '\\357\\273\\277{VALID}\\n'")),
    );
    assert_eq!(stdin.status.code(), Some(0), "{}", text(&stdin.stdout));
    let lenient = capped(
        &["check", "--lenient"],
        Some(&format!("printf '\\357\\273\\277{VALID}\\n'")),
    );
    assert_eq!(lenient.status.code(), Some(0), "{}", text(&lenient.stdout));
    let csv = dir.write("bom.csv", format!("\u{feff}MA_THE_BHYT\n{VALID}\n"));
    assert_eq!(run_check(&csv, &[]).status.code(), Some(0));
    let xml = dir.write(
        "bom.xml",
        format!("\u{feff}{}", gen::xml1(&gen::claim("LK", VALID))),
    );
    assert_eq!(run_check(&xml, &[]).status.code(), Some(0));
    let inner = gen::base64(format!("\u{feff}{}", gen::xml1(&gen::claim("LK", VALID))).as_bytes());
    let envelope = dir.write("bom-envelope.xml", gen::envelope(&inner));
    assert_eq!(run_check(&envelope, &[]).status.code(), Some(0));
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            format!("MA_THE_BHYT\n{VALID}\n")
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        )
        .collect();
    let file = dir.write("utf16.csv", &utf16);
    assert_refused(
        &run_check(&file, &[]),
        &file,
        None,
        &["UTF-16", "CSV UTF-8"],
    );
    let file = dir.write("utf16.xml", &utf16);
    assert_refused(&run_check(&file, &[]), &file, None, &["UTF-16", "UTF-8"]);
    let stdin = capped(&["check"], Some("printf '\\377\\376A\\000'"));
    assert_eq!(stdin.status.code(), Some(2));
    assert!(text(&stdin.stderr).contains("UTF-16"));
}

// ---- More spreadsheets ----

fn rows(cells: &[&[&str]]) -> Vec<Vec<Option<String>>> {
    cells
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| (!cell.is_empty()).then(|| cell.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn xls_and_ods_are_read_with_the_same_choices_and_excel_row_numbers() {
    let dir = Dir::new();
    let sheet = rows(&[
        &["DANH SÁCH"],
        &[],
        &["STT", "Họ và tên", "Số thẻ BHYT"],
        &["1", "Người thử A", VALID],
        &["2", "Người thử B", INVALID],
        &["3", "Người thử C", VALID_SHORT],
    ]);
    for (name, bytes) in [("ds.xls", gen::xls(&sheet)), ("ds.ods", gen::ods(&sheet))] {
        let file = dir.write(name, bytes);
        let output = run_check(
            &file,
            &["--header-row", "3", "--format", "json", "--sheet", "DS"],
        );
        assert_eq!(
            output.status.code(),
            Some(1),
            "{name}: {}",
            text(&output.stderr)
        );
        let out = text(&output.stdout);
        assert!(out.contains("\"row\":5"), "{name}: {out}");
        assert!(out.contains("\"column\":\"Số thẻ BHYT\""), "{name}: {out}");
        let output = run_check(
            &file,
            &[
                "--header-row",
                "3",
                "--column",
                "3",
                "--sheet",
                "1",
                "--summary",
                "json",
            ],
        );
        assert!(
            text(&output.stderr).contains("\"valid\":2,\"invalid\":1"),
            "{name}: {}",
            text(&output.stderr)
        );
        let folded = run_check(&file, &["--header-row", "3", "--sheet", "ds"]);
        assert_eq!(
            folded.status.code(),
            Some(1),
            "{name}: sheet names fold case"
        );
        let missing = run_check(&file, &["--sheet", "Sheet9"]);
        assert_refused(
            &missing,
            &file,
            None,
            &["no sheet is named \"Sheet9\"", "1 \"DS\""],
        );
    }
    // An .xls named .xlsx is read as what it is.
    let renamed = dir.write("renamed.xlsx", gen::xls(&sheet));
    assert_eq!(
        run_check(&renamed, &["--header-row", "3"]).status.code(),
        Some(1)
    );
}

#[test]
fn a_password_protected_workbook_says_so() {
    let dir = Dir::new();
    for name in ["secret.xlsx", "secret.xls"] {
        let file = dir.write(name, gen::encrypted_xlsx());
        assert_refused(
            &run_check(&file, &[]),
            &file,
            None,
            &["protected by a password"],
        );
    }
}

#[test]
fn a_report_to_a_device_is_written_to_it_not_replaced() {
    let dir = Dir::new();
    let file = dir.write("list.csv", format!("MA_THE_BHYT\n{VALID}\n{INVALID}\n"));
    let output = run_check(&file, &["--report", "/dev/null"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let null = std::fs::metadata("/dev/null").unwrap();
    assert!(!null.is_file(), "/dev/null is still a device");
    let directory = dir.root().to_str().unwrap().to_owned();
    let output = run_check(&file, &["--report", &directory]);
    assert_refused(&output, &directory, None, &["this is a directory"]);
    assert_eq!(dir.names(), ["list.csv"]);
}

#[test]
fn one_huge_ma_the_bhyt_is_counted_whole_and_listed_up_to_a_bound() {
    let dir = Dir::new();
    let items: Vec<&str> = (0..200_000)
        .map(|i| if i % 2 == 0 { INVALID } else { VALID })
        .collect();
    let file = dir.write(
        "field.xml",
        gen::xml1(&gen::claim("LK-1", &items.join(";"))),
    );
    let output = run_check(&file, &["--summary", "json", "--format", "json"]);
    let err = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("\"values\":200000,\"valid\":100000,\"invalid\":100000"),
        "{err}"
    );
    let out = text(&output.stdout);
    assert_eq!(out.lines().count(), 4097);
    assert!(
        out.lines()
            .last()
            .unwrap()
            .contains("\"code\":\"items_not_listed\""),
        "{out:.300}"
    );
    assert!(out
        .lines()
        .last()
        .unwrap()
        .contains("95904 more invalid items"));
}

#[test]
fn an_xls_whose_used_range_is_huge_is_refused_before_it_is_read() {
    let dir = Dir::new();
    // Two cells, at A1 and IV65536: calamine would build a grid of 16.7 million cells.
    let stream = gen::biff8_cells("DS", &[(0, 0, "MA_THE_BHYT"), (65535, 255, VALID)]);
    let file = dir.write("far.xls", gen::ole2(&[("Workbook", stream)]));
    assert_refused(
        &run_check(&file, &[]),
        &file,
        None,
        &["16777216 cells", "1048576", "limit"],
    );
}

#[test]
fn an_ods_whose_repeated_cells_expand_to_millions_is_refused_before_it_is_read() {
    let dir = Dir::new();
    let mut ods = gen::ods(&rows(&[&["MA_THE_BHYT"], &[VALID]]));
    // One valued cell repeated over 1,000 columns and 100,000 rows (below 2 rows): 100 million
    // cells.
    let content = r#"<table:table-row table:number-rows-repeated="100000"><table:table-cell office:value-type="string" table:number-columns-repeated="1000"><text:p>x</text:p></table:table-cell></table:table-row>"#;
    let zip_bytes = {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&ods)).unwrap();
        let mut xml = String::new();
        use std::io::Read as _;
        archive
            .by_name("content.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        let xml = xml.replace("</table:table>", &format!("{content}</table:table>"));
        gen::zip(&[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
                1,
            ),
            ("content.xml", xml.into_bytes(), 1),
        ])
    };
    ods = zip_bytes;
    let file = dir.write("repeat.ods", ods);
    assert_refused(
        &run_check(&file, &[]),
        &file,
        None,
        &["100002000 cells", "limit"],
    );
}

#[test]
fn many_huge_values_on_many_threads_stay_within_the_cap() {
    // 40 values of 7 MB (each below the limit of one value), checked on 8 threads.
    let output = capped(
        &["check", "--file", "/dev/stdin", "--file-type", "csv", "--jobs", "8", "--summary", "json"],
        Some("{ printf 'MA_THE_BHYT\\n'; i=0; while [ $i -lt 40 ]; do head -c 7000000 /dev/zero | tr '\\0' x; echo; i=$((i+1)); done; }"),
    );
    let err = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("\"rows\":40,\"values\":40,\"valid\":0,\"invalid\":40"),
        "{err}"
    );
    assert!(text(&output.stdout).contains("********************************\u{2026}xxxx"));
}
