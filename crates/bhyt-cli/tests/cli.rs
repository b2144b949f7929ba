//! The `bhyt check` command, run as a user runs it.

use std::io::{BufRead, Write};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn bhyt(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bhyt"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the bhyt binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

#[test]
fn valid_numbers_exit_0_and_are_explained() {
    let output = bhyt(
        &["check", "--lang", "en", "DN4010123456789", "0101010101"],
        b"",
    );
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("DN4010123456789  valid"), "{text}");
    assert!(
        text.contains("group code                DN: enterprise employees"),
        "{text}"
    );
    assert!(
        text.contains("issuing body              Vietnam Social Security"),
        "{text}"
    );
    assert!(
        text.contains("social-insurance number   0101010101"),
        "{text}"
    );
}

#[test]
fn an_invalid_number_exits_1_with_a_caret_under_the_offending_character() {
    let output = bhyt(
        &["check", "--lang", "en", "0101010101", "DN40101234X6789"],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    let expected = "DN40101234X6789  invalid (invalid_character)\n          ^ character 11 is an uppercase letter, expected a digit (0-9)\n";
    assert!(text.contains(expected), "{text}");
}

#[test]
fn messages_follow_lang_and_the_locale() {
    let output = bhyt(&["check", "--lang", "vi", "DN6010123456789"], b"");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("không hợp lệ (invalid_benefit_level)"),
        "{text}"
    );
    assert!(
        text.contains("  ^ Mức hưởng (ký tự 3) phải là chữ số từ 1 đến 5"),
        "{text}"
    );
    let vietnamese_locale = Command::new(env!("CARGO_BIN_EXE_bhyt"))
        .args(["check", "0101010101"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "vi_VN.UTF-8")
        .output()
        .unwrap();
    assert!(String::from_utf8(vietnamese_locale.stdout)
        .unwrap()
        .contains("hợp lệ"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["check", "--issuer", "army"][..],
        &["check", "--format", "xml"],
        &["frobnicate"],
        &[],
    ] {
        let output = bhyt(args, b"");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(!output.stderr.is_empty());
    }
}

#[test]
fn json_gives_one_object_per_input_in_order() {
    let output = bhyt(
        &[
            "check",
            "--format",
            "json",
            "--issuer",
            "police",
            "CA5980123456789",
            "CA5970123456789",
            "0123456789",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    let objects = json_lines(&output);
    assert_eq!(objects.len(), 3);
    let valid = &objects[0];
    assert_eq!(valid["input"], "CA5980123456789");
    assert_eq!(valid["valid"], true);
    assert_eq!(valid["form"], 15);
    assert_eq!(valid["group_code"], "CA");
    assert_eq!(valid["benefit_level"], 5);
    assert_eq!(valid["issuer"], "police");
    assert_eq!(valid["province_code"], "98");
    assert_eq!(valid["social_insurance_number"], "0123456789");
    assert_eq!(valid["key"], "0123456789");
    assert_eq!(valid["masked"], "CA 5 98 ******6789");
    assert!(valid.get("error").is_none());
    let invalid = &objects[1];
    assert_eq!(invalid["valid"], false);
    assert_eq!(invalid["error"]["code"], "invalid_province_code");
    assert_eq!(invalid["error"]["position"], 3);
    assert!(invalid["error"]["message"].as_str().unwrap().contains("98"));
    assert!(invalid.get("social_insurance_number").is_none());
    let short = &objects[2];
    assert_eq!(short["valid"], true);
    assert_eq!(short["form"], 10);
    assert_eq!(short["issuer"], Value::Null);
}

#[test]
fn standard_input_is_read_line_by_line_with_crlf_and_invalid_utf8() {
    let output = bhyt(
        &["check", "--format", "json", "--lenient"],
        b"hs 4 01 0120878811\r\n\n\xff101010101\n0101.010.101",
    );
    let objects = json_lines(&output);
    assert_eq!(objects.len(), 4);
    assert_eq!(objects[0]["compact"], "HS4010120878811");
    assert_eq!(objects[1]["error"]["code"], "invalid_length");
    assert_eq!(objects[1]["error"]["position"], Value::Null);
    assert_eq!(objects[2]["error"]["code"], "invalid_character");
    assert_eq!(objects[2]["error"]["position"], 0);
    assert_eq!(objects[3]["valid"], true);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn strict_is_the_default_and_lenient_is_explicit() {
    assert_eq!(
        bhyt(&["check", "dn4010123456789"], b"").status.code(),
        Some(1)
    );
    assert_eq!(
        bhyt(&["check", "--lenient", "dn4010123456789"], b"")
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn empty_standard_input_checks_nothing_and_succeeds() {
    let output = bhyt(&["check"], b"");
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
}

/// A million lines stream through in bounded memory: the peak resident size, read while the
/// command is still running, stays far below the size of the input and of the output.
#[cfg(target_os = "linux")]
#[test]
fn a_million_lines_stream_in_bounded_memory() {
    let lines = 1_000_000;
    let mut child = Command::new(env!("CARGO_BIN_EXE_bhyt"))
        .args(["check", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let (mut bytes, mut objects, mut valid) = (0usize, 0usize, 0usize);
        let mut line = String::new();
        let mut stdout = std::io::BufReader::new(stdout);
        while stdout.read_line(&mut line).unwrap() > 0 {
            bytes += line.len();
            objects += 1;
            valid += usize::from(
                line.starts_with(r#"{"input":"DN401"#) && line.contains(r#""valid":true"#),
            );
            line.clear();
        }
        (bytes, objects, valid)
    });
    let mut chunk = Vec::with_capacity(1 << 20);
    for i in 0..lines {
        if i % 10 == 9 {
            chunk.extend_from_slice(b"DN4000123456789\n");
        } else {
            chunk.extend_from_slice(format!("DN401{:010}\n", i).as_bytes());
        }
        if chunk.len() > (1 << 20) - 32 {
            stdin.write_all(&chunk).unwrap();
            chunk.clear();
        }
    }
    stdin.write_all(&chunk).unwrap();
    stdin.flush().unwrap();
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap();
    drop(stdin);
    let peak_kib: usize = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM");
    let (bytes, newlines, valid) = reader.join().unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(1));
    assert_eq!(newlines, lines);
    assert_eq!(valid, lines - lines / 10);
    assert!(bytes > 100 << 20, "over 100 MB of output");
    assert!(
        peak_kib < 32 * 1024,
        "peak memory {peak_kib} KiB for 16 MB of input"
    );
}
