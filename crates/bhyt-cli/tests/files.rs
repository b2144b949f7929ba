//! `bhyt check --file` on CSV, Excel and claims XML files, and `bhyt identify`, run as a user
//! runs them. Every fixture is written by the tests (no personal data): well-formed files,
//! and malformed ones (bad encoding, ragged rows, broken XML, damaged or truncated .xlsx) that
//! must end with a clear error naming the file and row, exit status 2, never a crash.

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::Dir;
use serde_json::Value;

fn bhyt(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bhyt"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .output()
        .expect("the bhyt binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 errors")
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

/// The summary printed with `--summary json` (the last line of standard error).
fn summary(output: &Output) -> Value {
    let text = stderr(output);
    serde_json::from_str(text.lines().last().expect("a summary")).expect("a JSON summary")
}

/// Asserts a failure of the file itself: exit 2, one message naming the file (and the row or
/// line when given), no crash.
fn assert_file_error(output: &Output, file: &str, place: Option<&str>, words: &str) {
    let text = stderr(output);
    assert_eq!(output.status.code(), Some(2), "{text}");
    assert!(text.starts_with(&format!("bhyt: {file}")), "{text}");
    if let Some(place) = place {
        assert!(text.contains(place), "{place:?} in {text}");
    }
    assert!(text.contains(words), "{words:?} in {text}");
    assert!(!text.contains("panicked"), "{text}");
}

/// No 6 consecutive digits of any social-insurance number in `text`: every number is masked.
fn assert_masked(text: &str, numbers: &[&str]) {
    for number in numbers {
        let sin = &number[number.len() - 10..];
        assert!(!text.contains(&sin[..6]), "{sin} leaks in {text}");
    }
}

// ---- CSV -----------------------------------------------------------------------------------

const CSV: &str = "STT,Họ và tên,Số thẻ BHYT,Ghi chú\n\
1,Người thử A,HS4010120878811,\n\
2,Người thử B,DN40101234X6789,\"có dấu phẩy, và \"\"ngoặc\"\"\"\n\
3,Người thử C,0120878811,trùng thẻ dòng 2\n\
4,Người thử D,,ô trống\n\
5,Người thử E,ND4010123456789,mã bổ sung sau\n";

#[test]
fn a_csv_column_chosen_by_name_reports_its_invalid_rows_as_json() {
    let dir = Dir::new();
    let file = dir.write("danh_sach.csv", CSV);
    let output = bhyt(&[
        "check",
        "--file",
        &file,
        "--column",
        "Số thẻ BHYT",
        "--format",
        "json",
        "--lang",
        "en",
        "--summary",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report = stdout(&output);
    let entries = json_lines(&report);
    assert_eq!(entries.len(), 3, "{report}");
    assert_eq!(entries[0]["row"], 3);
    assert_eq!(entries[0]["line"], 3);
    assert_eq!(entries[0]["column"], "Số thẻ BHYT");
    assert_eq!(entries[0]["masked"], "DN 4 01 ******6789");
    assert_eq!(entries[0]["kind"], "error");
    assert_eq!(entries[0]["code"], "invalid_character");
    assert_eq!(entries[0]["position"], 10);
    assert_eq!(
        entries[0]["message"],
        "character 11 is an uppercase letter, expected a digit (0-9)"
    );
    assert_eq!(entries[1]["row"], 5);
    assert_eq!(entries[1]["code"], "invalid_length");
    assert_eq!(entries[1]["masked"], "");
    assert_eq!(entries[2]["row"], 6);
    assert_eq!(entries[2]["code"], "late_group_code");
    assert_masked(
        &report,
        &["HS4010120878811", "DN40101234X6789", "ND4010123456789"],
    );
    let summary = summary(&output);
    assert_eq!(summary["rows"], 5);
    assert_eq!(summary["valid"], 2);
    assert_eq!(summary["invalid"], 3);
    assert_eq!(summary["errors"]["invalid_character"], 1);
    assert_eq!(summary["errors"]["invalid_length"], 1);
    assert_eq!(summary["errors"]["late_group_code"], 1);
    assert_eq!(summary["duplicates"]["values"], 1);
    assert_eq!(summary["duplicates"]["cards"], 1);
    assert_eq!(summary["advice"]["issued_after_vneid_list"], 1);
}

#[test]
fn the_column_can_be_a_number_or_found_by_its_usual_name() {
    let dir = Dir::new();
    let file = dir.write("a.csv", CSV);
    let by_number = bhyt(&[
        "check", "--file", &file, "--column", "3", "--format", "json",
    ]);
    let by_default = bhyt(&["check", "--file", &file, "--format", "json"]);
    assert_eq!(by_number.stdout, by_default.stdout);
    assert_eq!(json_lines(&stdout(&by_default)).len(), 3);
    // Unknown names and numbers list the columns.
    let output = bhyt(&["check", "--file", &file, "--column", "Mã thẻ"]);
    assert_file_error(&output, &file, None, "no column is named \"Mã thẻ\" (columns: 1 \"STT\", 2 \"Họ và tên\", 3 \"Số thẻ BHYT\", 4 \"Ghi chú\")");
    let output = bhyt(&["check", "--file", &file, "--column", "9"]);
    assert_file_error(&output, &file, None, "there is no column 9");
    // Several columns and none with a usual name: ask.
    let other = dir.write("b.csv", "x,y\n1,2\n");
    let output = bhyt(&["check", "--file", &other]);
    assert_file_error(
        &output,
        &other,
        None,
        "choose the column to check with --column",
    );
}

#[test]
fn title_rows_semicolons_a_bom_and_no_header() {
    let dir = Dir::new();
    let file = dir.write(
        "sở.csv",
        "\u{feff}DANH SÁCH TÍCH HỢP THẺ BHYT;;\n;;\nSTT;Tên;Mã thẻ BHYT\n1;A;HS4010120878811\n2;B;HS4000120878811\n",
    );
    let output = bhyt(&[
        "check",
        "--file",
        &file,
        "--header-row",
        "3",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let entries = json_lines(&stdout(&output));
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["row"], 5);
    assert_eq!(entries[0]["code"], "invalid_province_code");
    let bare = dir.write("bare.txt", "0101010101\r\nDN4010123456789\r\n12345\r\n");
    let output = bhyt(&["check", "--file", &bare, "--no-header", "--format", "json"]);
    let entries = json_lines(&stdout(&output));
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["row"], 3);
    assert_eq!(entries[0]["column"], "column 1");
    assert_eq!(entries[0]["masked"], "*2345");
    let tabs = dir.write("t.tsv", "a\tSo the BHYT\n1\tHS4010120878811\n");
    assert_eq!(bhyt(&["check", "--file", &tabs]).status.code(), Some(0));
    let forced = bhyt(&[
        "check",
        "--file",
        &tabs,
        "--delimiter",
        "\\t",
        "--column",
        "2",
    ]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
}

#[test]
fn lenient_and_issuer_apply_to_files() {
    let dir = Dir::new();
    let file = dir.write(
        "p.csv",
        "so_the_bhyt\n ca 5 98 0123456789 \nCA5970123456789\n",
    );
    let strict = bhyt(&[
        "check",
        "--file",
        &file,
        "--issuer",
        "police",
        "--summary",
        "json",
    ]);
    assert_eq!(summary(&strict)["invalid"], 2);
    let lenient = bhyt(&[
        "check",
        "--file",
        &file,
        "--issuer",
        "police",
        "--lenient",
        "--summary",
        "json",
        "--format",
        "json",
    ]);
    assert_eq!(summary(&lenient)["invalid"], 1);
    let entries = json_lines(&stdout(&lenient));
    assert_eq!(entries[0]["row"], 3);
    assert_eq!(entries[0]["code"], "invalid_province_code");
}

#[test]
fn a_csv_in_another_encoding_names_the_file_and_row() {
    let dir = Dir::new();
    // "Nguyễn" written in Windows-1258 (a legacy Vietnamese code page): not UTF-8.
    let mut bytes =
        b"STT,Ho ten,So the BHYT\n1,An,HS4010120878811\n2,Nguy\xd2n,HS4010120878812\n".to_vec();
    bytes.extend_from_slice(b"3,Binh,HS4010120878813\n");
    let file = dir.write("cp1258.csv", &bytes);
    let output = bhyt(&["check", "--file", &file, "--format", "json"]);
    assert_file_error(
        &output,
        &file,
        Some(": row 3: column 2: "),
        "not valid UTF-8",
    );
    assert!(stderr(&output).contains("CSV UTF-8"));
    // The rows before it were reported (none invalid here), the summary is not printed.
    assert!(stdout(&output).is_empty());
    let utf16 = dir.write("u16.csv", b"\xff\xfeS\x00T\x00T\x00");
    assert_file_error(&bhyt(&["check", "--file", &utf16]), &utf16, None, "UTF-16");
}

#[test]
fn a_ragged_row_names_the_file_and_row() {
    let dir = Dir::new();
    let file = dir.write(
        "ragged.csv",
        "STT,Số thẻ BHYT,Ghi chú\n1,HS4010120878811,\n2,HS4010120878811\n3,HS4010120878811,x\n",
    );
    let output = bhyt(&["check", "--file", &file]);
    assert_file_error(
        &output,
        &file,
        Some(": row 3: "),
        "2 fields where the header has 3",
    );
    // A quote that is never closed swallows the rest of the file: also ragged.
    let file = dir.write(
        "quote.csv",
        "a,Số thẻ BHYT,c\n1,\"HS4010120878811,x\n2,HS4010120878811,y\n",
    );
    let output = bhyt(&["check", "--file", &file]);
    assert_file_error(
        &output,
        &file,
        Some(": row 2"),
        "2 fields where the header has 3",
    );
}

#[test]
fn unreadable_and_unknown_files_exit_2() {
    let dir = Dir::new();
    let missing = dir.path("missing.csv");
    let missing = missing.to_str().unwrap();
    assert_file_error(
        &bhyt(&["check", "--file", missing]),
        missing,
        None,
        "cannot read the file",
    );
    let odd = dir.write("list.dat", "x");
    assert_file_error(&bhyt(&["check", "--file", &odd]), &odd, None, "--file-type");
    let empty = dir.write("empty.csv", "");
    assert_file_error(
        &bhyt(&["check", "--file", &empty]),
        &empty,
        None,
        "no row 1",
    );
    let zip = dir.write("renamed.csv", b"PK\x03\x04rest");
    assert_file_error(&bhyt(&["check", "--file", &zip]), &zip, None, "zip archive");
    // Usage errors stay usage errors.
    for args in [
        &["check", "--file", "x.csv", "0101010101"][..],
        &["check", "--column", "2", "0101010101"],
        &["check", "--format", "csv", "0101010101"],
        &["check", "--file", "x.csv", "--jobs", "0"],
    ] {
        let output = bhyt(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(!output.stderr.is_empty());
    }
}

#[test]
fn reports_as_csv_and_text_and_into_a_file() {
    let dir = Dir::new();
    let file = dir.write("a.csv", CSV);
    let output = bhyt(&["check", "--file", &file, "--format", "csv", "--lang", "en"]);
    let report = stdout(&output);
    let mut lines = report.lines();
    assert_eq!(
        lines.next(),
        Some("row,line,column,item,position,masked,kind,code,message,ma_lk,first_row")
    );
    assert_eq!(
        lines.next(),
        Some("3,3,Số thẻ BHYT,,10,DN 4 01 ******6789,error,invalid_character,\"character 11 is an uppercase letter, expected a digit (0-9)\",,")
    );
    assert_eq!(report.lines().count(), 4);
    let text = bhyt(&["check", "--file", &file, "--lang", "vi"]);
    let text = stdout(&text);
    assert!(
        text.starts_with("hàng 3, Số thẻ BHYT: DN 4 01 ******6789  invalid_character: Ký tự thứ 11 là một chữ cái in hoa, cần một chữ số (0-9)\n"),
        "{text}"
    );
    // A report file: CSV with the byte-order mark Excel needs; the summary on standard error.
    let report = dir.path("loi.csv");
    let output = bhyt(&[
        "check",
        "--file",
        &file,
        "--report",
        report.to_str().unwrap(),
        "--lang",
        "vi",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let written = std::fs::read(&report).unwrap();
    assert!(written.starts_with(b"\xEF\xBB\xBFrow,line,column"));
    assert!(stderr(&output).contains("không hợp lệ"));
    let jsonl = dir.path("loi.jsonl");
    bhyt(&[
        "check",
        "--file",
        &file,
        "--report",
        jsonl.to_str().unwrap(),
    ]);
    assert_eq!(
        json_lines(&std::fs::read_to_string(&jsonl).unwrap()).len(),
        3
    );
}

#[test]
fn duplicates_and_advice_are_listed_on_request() {
    let dir = Dir::new();
    let file = dir.write("a.csv", CSV);
    let output = bhyt(&[
        "check",
        "--file",
        &file,
        "--format",
        "json",
        "--duplicates",
        "--advice",
        "--lang",
        "en",
    ]);
    let entries = json_lines(&stdout(&output));
    let kinds: Vec<(u64, &str, &str)> = entries
        .iter()
        .map(|e| {
            (
                e["row"].as_u64().unwrap(),
                e["kind"].as_str().unwrap(),
                e["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (3, "error", "invalid_character"),
            (4, "duplicate", "duplicate_card"),
            (5, "error", "invalid_length"),
            (6, "advice", "issued_after_vneid_list"),
            (6, "error", "late_group_code"),
        ]
    );
    assert_eq!(entries[1]["first_row"], 2);
    assert_eq!(entries[1]["masked"], "******8811");
    assert_eq!(
        entries[1]["message"],
        "the same card (same last 10 characters) as row 2"
    );
    assert!(entries[3]["message"]
        .as_str()
        .unwrap()
        .contains("pass the VNeID rule"));
}

#[test]
fn the_output_is_the_same_whatever_the_number_of_threads() {
    let dir = Dir::new();
    let mut csv = String::from("STT,Số thẻ BHYT\n");
    for i in 0..30_000u64 {
        let card = match i % 7 {
            0 => format!("DN400{:010}", i),
            1 => format!("{:010}", i % 1000),
            2 => format!("HS1{:02}{:010}", i % 90 + 1, i),
            _ => format!("HS4{:02}{:010}", i % 90 + 1, i),
        };
        csv.push_str(&format!("{i},{card}\n"));
    }
    let file = dir.write("many.csv", csv);
    let run = |jobs: &str| {
        bhyt(&[
            "check",
            "--file",
            &file,
            "--jobs",
            jobs,
            "--format",
            "json",
            "--duplicates",
            "--advice",
            "--summary",
            "json",
        ])
    };
    let one = run("1");
    assert_eq!(one.status.code(), Some(1));
    assert!(json_lines(&stdout(&one)).len() > 10_000);
    for jobs in ["2", "4"] {
        let many = run(jobs);
        assert_eq!(many.status, one.status);
        assert!(
            many.stdout == one.stdout,
            "--jobs {jobs} differs from --jobs 1"
        );
        assert_eq!(summary(&many), summary(&one));
    }
}

// ---- Excel (.xlsx) -------------------------------------------------------------------------

/// A cell of a hand-built sheet.
#[derive(Clone, Copy)]
enum C<'a> {
    /// Text in the shared-string table.
    S(&'a str),
    /// An inline string.
    I(&'a str),
    /// A number, as Excel stores it.
    N(&'a str),
    /// No cell at all.
    Gap,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn column_letter(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap()
}

/// A sheet: its name and its rows, each with its row number.
type Sheet<'a> = (&'a str, Vec<(u64, Vec<C<'a>>)>);

/// The XML parts of a workbook.
fn workbook_parts(sheets: &[Sheet<'_>]) -> Vec<(String, Vec<u8>)> {
    let mut shared: Vec<String> = Vec::new();
    let mut parts = Vec::new();
    let mut sheet_entries = String::new();
    let mut rels = String::new();
    for (n, (name, rows)) in sheets.iter().enumerate() {
        let mut xml = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
        );
        for (row, cells) in rows {
            xml.push_str(&format!(r#"<row r="{row}">"#));
            for (i, cell) in cells.iter().enumerate() {
                let at = format!("{}{row}", column_letter(i));
                match cell {
                    C::S(text) => {
                        let index = shared.iter().position(|s| s == text).unwrap_or_else(|| {
                            shared.push(text.to_string());
                            shared.len() - 1
                        });
                        xml.push_str(&format!(r#"<c r="{at}" t="s"><v>{index}</v></c>"#));
                    }
                    C::I(text) => xml.push_str(&format!(
                        r#"<c r="{at}" t="inlineStr"><is><t>{}</t></is></c>"#,
                        escape(text)
                    )),
                    C::N(value) => {
                        xml.push_str(&format!(r#"<c r="{at}" s="1"><v>{value}</v></c>"#))
                    }
                    C::Gap => {}
                }
            }
            xml.push_str("</row>");
        }
        xml.push_str("</sheetData></worksheet>");
        parts.push((
            format!("xl/worksheets/sheet{}.xml", n + 1),
            xml.into_bytes(),
        ));
        sheet_entries.push_str(&format!(
            r#"<sheet name="{}" sheetId="{}" r:id="rId{}"/>"#,
            escape(name),
            n + 1,
            n + 1
        ));
        rels.push_str(&format!(
            r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{}.xml"/>"#,
            n + 1,
            n + 1
        ));
    }
    let mut sst = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    );
    for text in &shared {
        // Split each string into two rich-text runs, with a phonetic run that is not text.
        let middle = text
            .char_indices()
            .nth(text.chars().count() / 2)
            .map_or(text.len(), |(i, _)| i);
        sst.push_str(&format!(
            "<si><r><t>{}</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">{}</t></r><rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></si>",
            escape(&text[..middle]),
            escape(&text[middle..])
        ));
    }
    sst.push_str("</sst>");
    rels.push_str(r#"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#);
    parts.push(("xl/sharedStrings.xml".into(), sst.into_bytes()));
    parts.push((
        "xl/workbook.xml".into(),
        format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheet_entries}</sheets></workbook>"#).into_bytes(),
    ));
    parts.push((
        "xl/_rels/workbook.xml.rels".into(),
        format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#).into_bytes(),
    ));
    parts.push((
        "[Content_Types].xml".into(),
        br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#.to_vec(),
    ));
    parts
}

fn zip_parts(path: &Path, parts: &[(String, Vec<u8>)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

fn campaign_sheet() -> Vec<(u64, Vec<C<'static>>)> {
    vec![
        (1, vec![C::S("DANH SÁCH ĐĂNG KÝ TÍCH HỢP")]),
        (3, vec![C::S("STT"), C::S("Họ và tên"), C::S("Số thẻ BHYT")]),
        (
            4,
            vec![C::N("1"), C::S("Người thử A"), C::S("HS4010120878811")],
        ),
        (
            5,
            vec![C::N("2"), C::S("Người thử B"), C::S("HS4000120878811")],
        ),
        (6, vec![C::N("3"), C::S("Người thử C"), C::N("101010101")]),
        (7, vec![C::N("4"), C::S("Người thử D"), C::I("0101010101")]),
        (8, vec![C::N("5"), C::S("Người thử E")]),
        (
            9,
            vec![C::N("6"), C::S("Người thử F"), C::I("HS4010120878811")],
        ),
        (12, vec![C::N("7"), C::Gap, C::S("DN4010123456789")]),
    ]
}

#[test]
fn an_xlsx_column_with_shared_inline_and_number_cells() {
    let dir = Dir::new();
    let path = dir.path("danh sách.xlsx");
    zip_parts(
        &path,
        &workbook_parts(&[
            ("Sheet1", vec![(1, vec![C::S("x")])]),
            ("Đợt 1", campaign_sheet()),
        ]),
    );
    let file = path.to_str().unwrap();
    let output = bhyt(&[
        "check",
        "--file",
        file,
        "--sheet",
        "Đợt 1",
        "--header-row",
        "3",
        "--column",
        "Số thẻ BHYT",
        "--format",
        "json",
        "--lang",
        "en",
        "--summary",
        "json",
        "--duplicates",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let entries = json_lines(&stdout(&output));
    let rows: Vec<(u64, &str)> = entries
        .iter()
        .map(|e| (e["row"].as_u64().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        rows,
        [
            (5, "invalid_province_code"),
            (6, "invalid_length"),
            (8, "invalid_length"),
            (9, "duplicate_card")
        ]
    );
    assert_eq!(entries[0]["line"], Value::Null);
    assert_eq!(entries[0]["masked"], "HS 4 00 ******8811");
    assert!(entries[1]["message"]
        .as_str()
        .unwrap()
        .ends_with("format the column as Text)"));
    assert_eq!(entries[1]["masked"], "*****0101");
    let summary = summary(&output);
    assert_eq!(summary["rows"], 7);
    assert_eq!(summary["valid"], 4);
    assert_eq!(summary["numeric_cells"], 1);
    // The same sheet chosen by number, the column by number: the same report.
    let again = bhyt(&[
        "check",
        "--file",
        file,
        "--sheet",
        "2",
        "--header-row",
        "3",
        "--column",
        "3",
        "--format",
        "json",
        "--lang",
        "en",
        "--duplicates",
    ]);
    assert_eq!(again.stdout, output.stdout);
    // A header row that is not there.
    let output = bhyt(&["check", "--file", file, "--sheet", "2", "--header-row", "2"]);
    assert_file_error(
        &output,
        file,
        None,
        "row 2, the header row, is empty or missing",
    );
    // Unknown sheets are listed.
    let output = bhyt(&["check", "--file", file, "--sheet", "Đợt 2"]);
    assert_file_error(
        &output,
        file,
        None,
        "no sheet is named \"Đợt 2\" (sheets: 1 \"Sheet1\", 2 \"Đợt 1\")",
    );
}

#[test]
fn a_truncated_or_damaged_xlsx_is_a_clear_error() {
    let dir = Dir::new();
    let good = dir.path("good.xlsx");
    zip_parts(&good, &workbook_parts(&[("S", campaign_sheet())]));
    let bytes = std::fs::read(&good).unwrap();
    let truncated = dir.write("truncated.xlsx", &bytes[..bytes.len() / 2]);
    assert_file_error(
        &bhyt(&["check", "--file", &truncated]),
        &truncated,
        None,
        "damaged or truncated",
    );
    let not_zip = dir.write("text.xlsx", "STT,Số thẻ BHYT\n");
    assert_file_error(
        &bhyt(&["check", "--file", &not_zip]),
        &not_zip,
        None,
        "not a readable .xlsx file",
    );
    let xls = dir.write("old.xlsx", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old");
    assert_file_error(
        &bhyt(&["check", "--file", &xls]),
        &xls,
        None,
        "old Excel .xls file",
    );
    // A sheet whose XML breaks in the middle names the sheet and the row.
    let mut parts = workbook_parts(&[("Đợt 1", campaign_sheet())]);
    let sheet = parts
        .iter_mut()
        .find(|(name, _)| name.ends_with("sheet1.xml"))
        .unwrap();
    let xml = String::from_utf8(sheet.1.clone()).unwrap();
    sheet.1 = xml
        .replacen(r#"<c r="C6"><v>"#, r#"<c r="C6"><v><b>"#, 1)
        .replace(r#"<c r="C6" s="1"><v>"#, r#"<c r="C6" s="1"><v><oops>"#)
        .into_bytes();
    let broken = dir.path("broken.xlsx");
    zip_parts(&broken, &parts);
    let broken = broken.to_str().unwrap();
    let output = bhyt(&[
        "check",
        "--file",
        broken,
        "--header-row",
        "3",
        "--column",
        "3",
    ]);
    assert_file_error(
        &output,
        broken,
        Some("sheet \"Đợt 1\": "),
        "not well-formed XML",
    );
    assert!(stderr(&output).contains(": row 6: "), "{}", stderr(&output));
    // A sheet cut off in the middle of a row (its zip entry intact).
    let mut parts = workbook_parts(&[("S", campaign_sheet())]);
    let sheet = parts
        .iter_mut()
        .find(|(name, _)| name.ends_with("sheet1.xml"))
        .unwrap();
    let cut = sheet.1.len() * 2 / 3;
    sheet.1.truncate(cut);
    let cut_path = dir.path("cut.xlsx");
    zip_parts(&cut_path, &parts);
    let cut_path = cut_path.to_str().unwrap();
    let output = bhyt(&[
        "check",
        "--file",
        cut_path,
        "--header-row",
        "3",
        "--column",
        "3",
    ]);
    assert_file_error(&output, cut_path, Some(": row "), "sheet \"S\"");
    // A shared-string index the workbook does not have.
    let mut parts = workbook_parts(&[("S", campaign_sheet())]);
    let sheet = parts
        .iter_mut()
        .find(|(name, _)| name.ends_with("sheet1.xml"))
        .unwrap();
    sheet.1 = String::from_utf8(sheet.1.clone())
        .unwrap()
        .replacen(r#"<c r="C5" t="s"><v>"#, r#"<c r="C5" t="s"><v>9"#, 1)
        .into_bytes();
    let bad_index = dir.path("index.xlsx");
    zip_parts(&bad_index, &parts);
    let bad_index = bad_index.to_str().unwrap();
    let output = bhyt(&[
        "check",
        "--file",
        bad_index,
        "--header-row",
        "3",
        "--column",
        "3",
    ]);
    assert_file_error(&output, bad_index, Some(": row 5: "), "shared string");
    // A workbook with a missing sheet part.
    let parts: Vec<_> = workbook_parts(&[("S", campaign_sheet())])
        .into_iter()
        .filter(|(name, _)| !name.contains("worksheets"))
        .collect();
    let no_sheet = dir.path("nosheet.xlsx");
    zip_parts(&no_sheet, &parts);
    let no_sheet = no_sheet.to_str().unwrap();
    assert_file_error(
        &bhyt(&["check", "--file", no_sheet]),
        no_sheet,
        None,
        "xl/worksheets/sheet1.xml",
    );
}

// ---- Claims XML ----------------------------------------------------------------------------

/// One XML1 record; its `MA_DKBD` has one facility per card item, aligned.
fn claim(link: &str, cards: &str) -> String {
    let facilities = vec!["01001"; cards.split(';').count()].join(";");
    format!(
        "  <TONG_HOP>\n    <MA_LK>{link}</MA_LK>\n    <STT>1</STT>\n    <MA_THE_BHYT>{cards}</MA_THE_BHYT>\n    <MA_DKBD>{facilities}</MA_DKBD>\n  </TONG_HOP>\n"
    )
}

#[test]
fn a_claims_records_card_fields_are_checked_with_its_cards() {
    let dir = Dir::new();
    let record = |link: &str, fields: &str| {
        format!("  <TONG_HOP>\n    <MA_LK>{link}</MA_LK>\n{fields}  </TONG_HOP>\n")
    };
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<DSACH>\n");
    // Aligned and covering the stay: nothing to say.
    xml.push_str(&record("LK-1", "    <MA_THE_BHYT>HS4010120878811</MA_THE_BHYT>\n    <MA_DKBD>01 - 028</MA_DKBD>\n    <GT_THE_TU>20250101</GT_THE_TU>\n    <GT_THE_DEN>20251231</GT_THE_DEN>\n    <NGAY_VAO>202503010800</NGAY_VAO>\n    <NGAY_RA>202503051000</NGAY_RA>\n"));
    // Two cards, one facility; a facility code that is none; dates out of order.
    xml.push_str(&record("LK-2", "    <MA_THE_BHYT>HS4010120878811;HS4010120878811</MA_THE_BHYT>\n    <MA_DKBD>0A028</MA_DKBD>\n    <GT_THE_TU>20250101;20250301</GT_THE_TU>\n    <GT_THE_DEN>20250228;20250201</GT_THE_DEN>\n"));
    // The card became valid during the stay and expired before the discharge (notes).
    xml.push_str(&record("LK-3", "    <MA_THE_BHYT>0120878811</MA_THE_BHYT>\n    <MA_DKBD>01028</MA_DKBD>\n    <GT_THE_TU>20250110</GT_THE_TU>\n    <GT_THE_DEN>20250131</GT_THE_DEN>\n    <NGAY_VAO>202501050800</NGAY_VAO>\n    <NGAY_RA>202502031000</NGAY_RA>\n"));
    xml.push_str("</DSACH>\n");
    let file = dir.write("cards.xml", xml);
    let output = bhyt(&[
        "check",
        "--file",
        &file,
        "--format",
        "json",
        "--lang",
        "en",
        "--summary",
        "json",
        "--advice",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let entries = json_lines(&stdout(&output));
    let got: Vec<(u64, Value, &str, &str, &str)> = entries
        .iter()
        .map(|e| {
            (
                e["row"].as_u64().unwrap(),
                e["item"].clone(),
                e["kind"].as_str().unwrap(),
                e["code"].as_str().unwrap(),
                e["ma_lk"].as_str().unwrap(),
            )
        })
        .collect();
    let at = |n: u64| Value::from(n);
    assert_eq!(
        got,
        [
            (2, Value::Null, "error", "list_count_mismatch", "LK-2"),
            (2, at(1), "error", "invalid_facility_code", "LK-2"),
            (2, at(2), "error", "start_after_end", "LK-2"),
            (3, at(1), "advice", "short_form_in_claims", "LK-3"),
            (3, at(1), "advice", "became_valid_during_stay", "LK-3"),
            (3, at(1), "advice", "expired_before_discharge", "LK-3"),
        ]
    );
    assert_eq!(
        entries[0]["message"],
        "MA_DKBD has 1 items, not the 2 of MA_THE_BHYT"
    );
    let summary = summary(&output);
    assert_eq!(summary["invalid"], 0);
    assert_eq!(summary["record_errors"], 3);
    assert_eq!(summary["rows_with_errors"], 1);
    assert_eq!(summary["errors"]["list_count_mismatch"], 1);
    assert_eq!(summary["advice"]["expired_before_discharge"], 1);
}

#[test]
fn every_ma_the_bhyt_of_a_claims_file_is_checked_item_by_item() {
    let dir = Dir::new();
    let mut xml =
        String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<DSACH_CHI_TIEU_TONG_HOP>\n");
    xml.push_str(&claim("LK-0001", "HS4010120878811;SV4010120878811"));
    xml.push_str(&claim("LK-0002", "DN4010123456789; DN4000123456789"));
    xml.push_str(&claim("LK-0003", "0120878811"));
    xml.push_str(&claim("LK-0004", ""));
    xml.push_str(&claim("LK&amp;5", "HS4010120878811;"));
    xml.push_str("</DSACH_CHI_TIEU_TONG_HOP>\n");
    let file = dir.write("xml1.xml", xml);
    let output = bhyt(&[
        "check",
        "--file",
        &file,
        "--format",
        "json",
        "--lang",
        "en",
        "--summary",
        "json",
        "--advice",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let entries = json_lines(&stdout(&output));
    let got: Vec<(u64, u64, u64, &str, &str)> = entries
        .iter()
        .map(|e| {
            (
                e["row"].as_u64().unwrap(),
                e["line"].as_u64().unwrap(),
                e["item"].as_u64().unwrap(),
                e["code"].as_str().unwrap(),
                e["ma_lk"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (2, 12, 2, "invalid_province_code", "LK-0002"),
            (3, 18, 1, "short_form_in_claims", "LK-0003"),
            (4, 24, 1, "invalid_length", "LK-0004"),
            (5, 30, 2, "invalid_length", "LK&5"),
        ]
    );
    assert_eq!(entries[0]["position"], 20); // in the whole field
    assert_eq!(entries[0]["column"], "MA_THE_BHYT");
    let summary = summary(&output);
    assert_eq!(summary["format"], "xml");
    assert_eq!(summary["rows"], 5);
    assert_eq!(summary["values"], 8);
    assert_eq!(summary["valid"], 5);
    assert_eq!(summary["invalid"], 3);
    assert_eq!(summary["rows_with_errors"], 3);
    // The same card twice in one field (new group, same person) is one card; across claims,
    // a repeat.
    assert_eq!(summary["duplicates"]["values"], 2);
    let text = bhyt(&["check", "--file", &file, "--lang", "en"]);
    assert!(
        stdout(&text).starts_with("record 2 (line 12), MA_THE_BHYT item 2 (MA_LK LK-0002): DN 4 00 ******6789  invalid_province_code: "),
        "{}",
        stdout(&text)
    );
}

#[test]
fn a_submission_envelope_is_read_through_its_base64_files() {
    use base64::Engine as _;
    let dir = Dir::new();
    let inner = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<TONG_HOP_XML1>\n{}</TONG_HOP_XML1>",
        claim("LK-9", "DN4000123456789")
    );
    let encoded = base64::engine::general_purpose::STANDARD.encode(inner);
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<GIAMDINHHS>\n<THONGTINHOSO>\n<DANHSACHHOSO>\n<HOSO>\n<FILEHOSO>\n<LOAIHOSO>XML1</LOAIHOSO>\n<NOIDUNGFILE>{}\n{}</NOIDUNGFILE>\n</FILEHOSO>\n<FILEHOSO><LOAIHOSO>XML2</LOAIHOSO><NOIDUNGFILE>PENISV9USUVUX1RIVU9DPjwvQ0hJX1RJRVRfVEhVT0M+</NOIDUNGFILE></FILEHOSO>\n</HOSO>\n</DANHSACHHOSO>\n</THONGTINHOSO>\n</GIAMDINHHS>\n",
        &encoded[..20],
        &encoded[20..]
    );
    let file = dir.write("giamdinh.xml", xml);
    let output = bhyt(&["check", "--file", &file, "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let entries = json_lines(&stdout(&output));
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["line"], 8);
    assert_eq!(entries[0]["ma_lk"], "LK-9");
    assert_eq!(entries[0]["code"], "invalid_province_code");
}

#[test]
fn broken_claims_xml_names_the_file_and_line() {
    let dir = Dir::new();
    let good = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<DS>\n{}{}</DS>\n",
        claim("A", "HS4010120878811"),
        claim("B", "HS4010120878812")
    );
    // A closing tag that does not match (line 5).
    let file = dir.write("mismatch.xml", good.replacen("</STT>", "</ST>", 2));
    assert_file_error(
        &bhyt(&["check", "--file", &file]),
        &file,
        Some(": line 5: "),
        "the XML is broken",
    );
    // Cut off in the middle.
    let file = dir.write("cut.xml", &good[..good.len() - 40]);
    assert_file_error(
        &bhyt(&["check", "--file", &file]),
        &file,
        Some(": line "),
        "truncated",
    );
    let file = dir.write("cut2.xml", &good[..good.len() - 3]);
    let output = bhyt(&["check", "--file", &file]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with(&format!("bhyt: {file}: line ")),
        "{}",
        stderr(&output)
    );
    // Not UTF-8 (a name in Windows-1258), and a declared legacy encoding.
    let mut bytes = good.clone().into_bytes();
    let at = good.find("<STT>").unwrap();
    bytes.splice(at..at, b"<HO_TEN>Nguy\xd2n</HO_TEN>".iter().copied());
    let file = dir.write("cp1258.xml", &bytes);
    assert_file_error(
        &bhyt(&["check", "--file", &file]),
        &file,
        Some(": line 5: "),
        "not valid UTF-8",
    );
    let file = dir.write("declared.xml", good.replace("utf-8", "windows-1258"));
    assert_file_error(
        &bhyt(&["check", "--file", &file]),
        &file,
        Some(": line 1: "),
        "windows-1258",
    );
    // Text that is no XML at all.
    let file = dir.write("text.xml", "MA_THE_BHYT\nHS4010120878811\n<");
    let output = bhyt(&["check", "--file", &file]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

// ---- A million rows ------------------------------------------------------------------------

/// A million-row CSV streams: the peak resident size, sampled while the command runs, stays
/// far below the size of the file. The set of distinct cards (100,000 here) is the only thing
/// that grows.
#[cfg(target_os = "linux")]
#[test]
fn a_million_row_csv_streams_in_bounded_memory() {
    let dir = Dir::new();
    let path = dir.path("million.csv");
    {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        writeln!(out, "STT,Họ và tên,Số thẻ BHYT,Địa chỉ").unwrap();
        for i in 0..1_000_000u64 {
            let card = if i % 10 == 9 {
                "DN4000123456789".to_owned()
            } else {
                format!("DN4{:02}{:010}", i % 96 + 1, i % 100_000)
            };
            writeln!(
                out,
                "{},Người thử số {i:07},{card},Số {} đường thử nghiệm",
                i + 1,
                i % 500
            )
            .unwrap();
        }
    }
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size > 60 << 20, "{size}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_bhyt"))
        .args([
            "check",
            "--file",
            path.to_str().unwrap(),
            "--format",
            "json",
            "--summary",
            "json",
            "--progress",
            "always",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let sampler = std::thread::spawn(move || {
        let mut peak = 0usize;
        while let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) {
            if let Some(kib) = status
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
            {
                peak = peak.max(kib);
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        peak
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).unwrap();
        text
    });
    let mut report = String::new();
    stdout.read_to_string(&mut report).unwrap();
    let status = child.wait().unwrap();
    let errors = errors.join().unwrap();
    let peak_kib = sampler.join().unwrap();
    assert_eq!(status.code(), Some(1));
    assert_eq!(report.lines().count(), 100_000);
    let summary: Value = serde_json::from_str(errors.lines().last().unwrap()).unwrap();
    assert_eq!(summary["rows"], 1_000_000);
    assert_eq!(summary["invalid"], 100_000);
    // 900,000 valid rows over 90,000 distinct cards.
    assert_eq!(summary["duplicates"]["values"], 900_000 - 90_000);
    assert_eq!(summary["duplicates"]["cards"], 90_000);
    // The progress bar was drawn (asked for with --progress always).
    assert!(
        errors.contains("\r[") && errors.contains("% "),
        "no progress bar"
    );
    assert!(peak_kib > 0, "no memory sample");
    assert!(
        peak_kib < 32 * 1024,
        "peak memory {peak_kib} KiB for a {} MB file",
        size >> 20
    );
}

#[test]
fn no_progress_bar_when_standard_error_is_not_a_terminal() {
    let dir = Dir::new();
    let mut csv = String::from("Số thẻ BHYT\n");
    for i in 0..200_000u64 {
        csv.push_str(&format!("DN401{:010}\n", i));
    }
    let file = dir.write("quiet.csv", csv);
    let output = bhyt(&["check", "--file", &file, "--jobs", "1"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(!stderr(&output).contains('\r'));
    assert!(stderr(&output).contains("200000"));
}

// ---- identify ------------------------------------------------------------------------------

#[test]
fn identify_decodes_what_a_scanner_types() {
    let card = "HS4010120878811|4e677579e1bb856e2056c4836e2041|15/08/1990|1|-|01 - 028|01/01/2025|-|01/01/2025|79|4e677579e1bb856e2056c4836e2042|4| 01/01/2030|4641c59ff02659c3-1202|$";
    // Telex damage: `4e e1 ba af` typed as `4ê1bầ`.
    let damaged =
        "0120878811|4ê1bầ6e6720e1bâ46d|1990|2|-|01028|01/01/2025|31/12/2025|01/01/2025|79|$";
    let cccd = "079095001234||Nguyễn Văn A|15081995|Nam|Huế|01012021";
    let input = format!(
        "{card}\r\n{damaged}{cccd}\r0120878811|41|1990|3|-|01028|01/01/2025|-|01/01/2025|79|$\n"
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_bhyt"))
        .args(["identify", "--format", "json", "--lang", "en"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let objects = json_lines(&stdout(&output));
    assert_eq!(objects.len(), 4);
    let qr = &objects[0];
    assert_eq!(qr["kind"], "card_qr");
    assert_eq!(qr["card"]["compact"], "HS4010120878811");
    assert_eq!(qr["name"], "Nguyễn Văn A");
    assert_eq!(qr["birth_date"], "1990-08-15");
    assert_eq!(qr["sex"], "male");
    assert_eq!(qr["address"], Value::Null);
    assert_eq!(qr["facility_code"], "01028");
    assert_eq!(qr["valid_from"], "2025-01-01");
    assert_eq!(qr["valid_to"], Value::Null);
    assert_eq!(qr["issued_on"], "2025-01-01");
    assert_eq!(qr["manager_code"], "79");
    assert_eq!(qr["guardian_name"], "Nguyễn Văn B");
    assert_eq!(qr["five_years_on"], "2030-01-01");
    assert_eq!(qr["raw_fields"][1]["index"], 13);
    assert_eq!(qr["raw_fields"][1]["value"], "4641c59ff02659c3-1202");
    assert_eq!(qr["layout"], "15_tokens");
    assert_eq!(qr["repaired"], false);
    assert_eq!(objects[1]["name"], "Nắng Ấm");
    assert_eq!(objects[1]["birth_date"], "1990");
    assert_eq!(objects[1]["repaired"], true);
    let person = &objects[2];
    assert_eq!(person["kind"], "personal_id_qr");
    assert_eq!(person["personal_id"]["digits"], "079095001234");
    assert_eq!(person["old_id"], Value::Null);
    assert_eq!(person["name"], "Nguyễn Văn A");
    assert_eq!(person["birth_date"], "1995-08-15");
    assert_eq!(person["sex"], "male");
    assert_eq!(person["address"], "Huế");
    assert_eq!(person["issued_on"], "2021-01-01");
    assert_eq!(objects[3]["error"]["code"], "invalid_qr_field");
    assert_eq!(objects[3]["error"]["position"], 19);
    // The text output masks the decoded personal data, and never echoes the payload.
    let text = stdout(&bhyt(&["identify", "--lang", "en", card]));
    assert!(
        text.contains("N***** V** A") && text.contains("HS 4 01 ******8811"),
        "{text}"
    );
    assert!(
        !text.contains("Nguyễn") && !text.contains("4e677579"),
        "{text}"
    );
    let revealed = stdout(&bhyt(&["identify", "--lang", "en", "--reveal", card]));
    assert!(
        revealed.contains("Nguyễn Văn A") && revealed.contains("1990-08-15"),
        "{revealed}"
    );
}

#[test]
fn identify_says_what_each_value_is() {
    let output = bhyt(&[
        "identify",
        "--format",
        "json",
        "--lang",
        "en",
        "HS4010120878811",
        "079195001234",
        "003095001234",
        "07919500123",
        "DN4000123456789",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let objects = json_lines(&stdout(&output));
    assert_eq!(objects[0]["kind"], "card");
    assert_eq!(objects[0]["card"]["masked"], "HS 4 01 ******8811");
    assert_eq!(objects[1]["kind"], "personal_id");
    assert_eq!(objects[1]["personal_id"]["birth_place_code"], "079");
    assert_eq!(objects[1]["personal_id"]["sex"], "female");
    assert_eq!(objects[1]["personal_id"]["birth_year"], 1995);
    assert_eq!(objects[1]["personal_id"]["masked"], "********1234");
    assert_eq!(objects[1]["advice"], Value::Array(vec![]));
    assert_eq!(objects[2]["advice"][0]["code"], "unlisted_birth_place_code");
    assert_eq!(objects[3]["kind"], Value::Null);
    assert_eq!(objects[3]["error"]["code"], "unrecognized_input");
    assert_eq!(objects[4]["error"]["code"], "invalid_province_code");
    let text = bhyt(&["identify", "--lang", "vi", "--lenient", " 079 195 001 234 "]);
    assert_eq!(text.status.code(), Some(0));
    let text = stdout(&text);
    assert!(text.contains("số định danh cá nhân (CCCD)"), "{text}");
    assert!(text.contains("năm sinh                  1995"), "{text}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_bhyt"))
        .args(["identify", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"0101010101\r\n012345678901\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json_lines(&stdout(&output)).len(), 2);
}
