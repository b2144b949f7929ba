//! Every copy of the core's tables outside Rust, checked against the core: the error codes,
//! advice codes, identify codes, group codes and issuing bodies as the C header, the JS code
//! list and its types, and the READMEs' tables state them. The core's tables
//! (`error_codes!`, `advice_codes!`, `group_codes!` ...) are the one source; a row added there
//! and forgotten here, or a copy edited by hand, fails one of these tests, naming the file.

use std::path::{Path, PathBuf};

use bhyt::{AdviceCode, BenefitLevel, ErrorCode, GroupCode, IdentifyCode, Issuer};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// The double-quoted strings of the text from `start` to the first `end` after it.
fn quoted_after(text: &str, path: &str, start: &str, end: &str) -> Vec<String> {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{path}: no {start:?}"));
    let rest = &text[from + start.len()..];
    let body = &rest[..rest
        .find(end)
        .unwrap_or_else(|| panic!("{path}: no end of {start:?}"))];
    body.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The rows of the Markdown table whose header line is `header`, each row's cells trimmed.
/// The `|`-separated unquoted items between `start` and `end` (a union of number literals).
fn quoted_after_plain(text: &str, path: &str, start: &str, end: &str) -> Vec<String> {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{path}: `{start}` not found"))
        + start.len();
    let to = from
        + text[from..]
            .find(end)
            .unwrap_or_else(|| panic!("{path}: no `{end}` after `{start}`"));
    text[from..to]
        .split('|')
        .map(|item| item.trim().to_owned())
        .filter(|item| !item.is_empty())
        .collect()
}

fn table(text: &str, path: &str, header: &str) -> Vec<Vec<String>> {
    let mut lines = text
        .lines()
        .skip_while(|line| line.trim() != header)
        .skip(2);
    let mut rows = Vec::new();
    for line in lines.by_ref() {
        let Some(inner) = line
            .trim()
            .strip_prefix('|')
            .and_then(|l| l.strip_suffix('|'))
        else {
            break;
        };
        rows.push(
            inner
                .split('|')
                .map(|cell| cell.trim().to_owned())
                .collect(),
        );
    }
    assert!(!rows.is_empty(), "{path}: no table under {header:?}");
    rows
}

fn error_names() -> Vec<String> {
    ErrorCode::ALL
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect()
}

#[test]
fn error_codes_are_numbered_from_one_without_gaps() {
    for (i, code) in ErrorCode::ALL.iter().enumerate() {
        assert_eq!(code.number() as usize, i + 1, "{code}");
        assert_eq!(ErrorCode::from_number(code.number()), Some(*code));
        assert_eq!(code.as_str().parse(), Ok(*code));
    }
    for (i, code) in AdviceCode::ALL.iter().enumerate() {
        assert_eq!(code.number() as usize, i + 1, "{code}");
        assert_eq!(AdviceCode::from_number(code.number()), Some(*code));
    }
}

#[test]
fn the_c_header_has_every_code_of_the_core() {
    let path = "bindings/c/bhyt.h";
    let header = read(path);
    for code in ErrorCode::ALL {
        let line = format!(
            "  BHYT_{} = {},",
            code.as_str().to_uppercase(),
            code.number()
        );
        assert!(header.contains(&line), "{path}: no {line:?}");
    }
    for code in AdviceCode::ALL {
        let line = format!(
            "#define BHYT_ADVICE_{} {}\n",
            code.as_str().to_uppercase(),
            code.number()
        );
        assert!(header.contains(&line), "{path}: no {line:?}");
    }
    for code in IdentifyCode::ALL {
        let name = format!("  BHYT_{} = ", code.as_str().to_uppercase());
        assert!(header.contains(&name), "{path}: no {name:?}");
    }
    for (i, issuer) in Issuer::ALL.iter().enumerate() {
        let line = format!(
            "#define BHYT_ISSUER_{} {}\n",
            issuer.as_str().to_uppercase(),
            i + 1
        );
        assert!(header.contains(&line), "{path}: no {line:?}");
    }
}

#[test]
fn the_js_code_list_and_types_are_the_cores() {
    let mut numbered = vec!["ok".to_owned()];
    numbered.extend(error_names());
    let path = "bindings/wasm/js/api.js";
    let api = read(path);
    assert_eq!(
        quoted_after(
            &api,
            path,
            "export const ERROR_CODES = Object.freeze([",
            "]);"
        ),
        numbered,
        "{path}"
    );

    let path = "bindings/wasm/js/index.d.ts";
    let types = read(path);
    assert_eq!(
        quoted_after(&types, path, "export const ERROR_CODES: readonly [", "];"),
        numbered,
        "{path}"
    );
    assert_eq!(
        quoted_after(&types, path, "export type ErrorCode =", ";"),
        error_names(),
        "{path}"
    );
    let groups: Vec<String> = GroupCode::ALL
        .iter()
        .map(|g| g.as_str().to_owned())
        .collect();
    assert_eq!(
        quoted_after(&types, path, "export type GroupCode =", ";"),
        groups,
        "{path}"
    );
    let levels: Vec<String> = (0..=9u8)
        .filter_map(BenefitLevel::from_digit)
        .map(|level| level.digit().to_string())
        .collect();
    let declared: Vec<String> = quoted_after_plain(&types, path, "benefitLevel: { level:", ";");
    assert_eq!(declared, levels, "{path}: the benefit levels");
    let issuers: Vec<String> = Issuer::ALL.iter().map(|i| i.as_str().to_owned()).collect();
    assert_eq!(
        quoted_after(&types, path, "export type Issuer =", ";"),
        issuers,
        "{path}"
    );

    let path = "bindings/wasm/js/reception/index.d.ts";
    let types = read(path);
    let advice: Vec<String> = AdviceCode::ALL
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    assert_eq!(
        quoted_after(&types, path, "export type AdviceCode =", ";"),
        advice,
        "{path}"
    );
    let identify: Vec<String> = IdentifyCode::ALL
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    assert_eq!(
        quoted_after(&types, path, "code: ErrorCode |", ";"),
        identify,
        "{path}"
    );
}

#[test]
fn the_readme_tables_are_the_cores() {
    let path = "README.md";
    let readme = read(path);
    let expected: Vec<Vec<String>> = ErrorCode::ALL
        .iter()
        .map(|c| {
            vec![
                c.number().to_string(),
                format!("`{}`", c.as_str()),
                c.summary().to_owned(),
            ]
        })
        .collect();
    assert_eq!(
        table(&readme, path, "| number | code | meaning |"),
        expected,
        "{path}"
    );
    let groups: Vec<&str> = GroupCode::ALL.iter().map(|g| g.as_str()).collect();
    let rule = format!(
        "| 1-2 | group code (mã đối tượng) | one of `{}` |",
        groups.join(" ")
    );
    assert!(readme.contains(&rule), "{path}: no {rule:?}");

    let path = "bindings/c/README.md";
    let c_readme = read(path);
    let rows = table(&c_readme, path, "| value | constant | name | meaning |");
    // The identify codes: their constants and names (the C layer numbers them from 105).
    for code in IdentifyCode::ALL {
        let (constant, name) = (
            format!("`BHYT_{}`", code.as_str().to_uppercase()),
            format!("`{}`", code.as_str()),
        );
        assert!(
            rows.iter().any(|row| row[1] == constant && row[2] == name),
            "{path}: no row for {name}"
        );
    }
    let core_rows: Vec<Vec<String>> = rows
        .into_iter()
        .filter(|row| {
            row[0]
                .parse::<u32>()
                .is_ok_and(|n| ErrorCode::from_number(n).is_some())
        })
        .collect();
    let expected: Vec<Vec<String>> = ErrorCode::ALL
        .iter()
        .map(|c| {
            vec![
                c.number().to_string(),
                format!("`BHYT_{}`", c.as_str().to_uppercase()),
                format!("`{}`", c.as_str()),
                c.summary().to_owned(),
            ]
        })
        .collect();
    assert_eq!(core_rows, expected, "{path}");

    let path = "bindings/wasm/README.md";
    let js_readme = read(path);
    let expected: Vec<Vec<String>> = ErrorCode::ALL
        .iter()
        .map(|c| vec![format!("`{}`", c.as_str()), c.summary().to_owned()])
        .collect();
    assert_eq!(
        table(&js_readme, path, "| code | meaning |"),
        expected,
        "{path}"
    );
}
