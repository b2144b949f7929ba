//! Choosing the column to check: by header name, by number, or found by a known name.

use super::source::FileError;

/// How the user named the column (`--column`).
#[derive(Clone, Debug)]
pub enum ColumnSpec {
    /// 1-based number.
    Number(usize),
    /// Header text.
    Name(String),
}

impl ColumnSpec {
    /// A number is a column number, anything else a header name.
    ///
    /// ```
    /// use bhyt_files::ColumnSpec;
    /// assert!(matches!(ColumnSpec::parse("2"), ColumnSpec::Number(2)));
    /// assert!(matches!(ColumnSpec::parse("Mã thẻ"), ColumnSpec::Name(_)));
    /// ```
    pub fn parse(text: &str) -> ColumnSpec {
        match text.trim().parse::<usize>() {
            Ok(number) => ColumnSpec::Number(number),
            Err(_) => ColumnSpec::Name(text.to_owned()),
        }
    }
}

/// Header names that mean "the card number", compared after trimming, collapsing spaces and
/// lowercasing: used only when `--column` is not given, and only if exactly one column
/// matches.
const KNOWN_NAMES: &[&str] = &[
    "ma_the_bhyt",
    "so_the_bhyt",
    "ma_the",
    "so_the",
    "mã thẻ bhyt",
    "số thẻ bhyt",
    "ma the bhyt",
    "so the bhyt",
    "mã số thẻ bhyt",
    "số bhyt",
    "mã bhyt",
    "thẻ bhyt",
    "the bhyt",
    "bhyt",
    "mã số bhxh",
    "ma so bhxh",
    "ma_so_bhxh",
    "số thẻ",
    "mã thẻ",
];

/// A name as compared: NFC (a header typed in decomposed Unicode matches), spaces collapsed,
/// lowercase, NFC again.
pub fn fold(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let composed: String = name.nfc().collect();
    composed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .nfc()
        .collect()
}

/// Whether a value looks like a card number or a 12-digit personal identification number
/// (valid or not): 10, 12 or 15 letters and digits, at least 8 of them digits, once spaces,
/// dots and hyphens are dropped. A header row never does.
pub fn looks_like_number(value: &[u8]) -> bool {
    let kept: Vec<u8> = value
        .iter()
        .copied()
        .filter(|b| !matches!(b, b' ' | b'.' | b'-' | b'\t'))
        .collect();
    let digits = kept.iter().filter(|b| b.is_ascii_digit()).count();
    matches!(kept.len(), 10 | 12 | 15)
        && digits >= 8
        && kept.iter().all(|b| b.is_ascii_alphanumeric())
}

/// The 0-based index of the sheet to check among `names` (in workbook order): the first when
/// `wanted` is `None`, else the sheet of that number (1 is the first) or name (exact, then
/// compared after NFC normalisation and case folding).
pub fn choose_sheet(path: &str, names: &[&str], wanted: Option<&str>) -> Result<usize, FileError> {
    if names.is_empty() {
        return Err(FileError::new(path, "the workbook has no sheet"));
    }
    let listing = || {
        names
            .iter()
            .enumerate()
            .map(|(i, name)| format!("{} \"{name}\"", i + 1))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some(wanted) = wanted else {
        return Ok(0);
    };
    match wanted.trim().parse::<usize>() {
        Ok(number) if number >= 1 && number <= names.len() => Ok(number - 1),
        Ok(number) => Err(FileError::new(
            path,
            format!("there is no sheet {number} (sheets: {})", listing()),
        )),
        Err(_) => names
            .iter()
            .position(|name| name.trim() == wanted.trim())
            .or_else(|| {
                let folded = fold(wanted);
                names.iter().position(|name| fold(name) == folded)
            })
            .ok_or_else(|| {
                FileError::new(
                    path,
                    format!(
                        "no sheet is named \"{}\" (sheets: {})",
                        wanted.trim(),
                        listing()
                    ),
                )
            }),
    }
}

/// The column to check in a spreadsheet, once the cells of its header row are read (`names`,
/// `None` without a header row): its 0-based index, its display name, and whether the header
/// row turned out to be data. With [`Header::Auto`](super::Header::Auto) and no column chosen
/// by name, a header row in which a cell looks like a number ([`looks_like_number`]) is the
/// first row of a header-less list; the column is then the only such cell's when there are
/// several columns.
pub fn choose(
    file: &str,
    options: &super::Options,
    names: Option<Vec<String>>,
    width: usize,
) -> Result<(usize, String, bool), FileError> {
    let by_name = matches!(options.column, Some(ColumnSpec::Name(_)));
    let numbers: Vec<usize> = names
        .iter()
        .flatten()
        .enumerate()
        .filter(|(_, name)| looks_like_number(name.as_bytes()))
        .map(|(i, _)| i)
        .collect();
    if options.header == super::Header::Auto && !by_name && !numbers.is_empty() {
        // Row 1 is itself a card number: there is no header, and it is checked.
        if let (None, true, [index]) = (&options.column, width > 1, &numbers[..]) {
            return Ok((*index, format!("column {}", index + 1), true));
        }
        let (column, name) = resolve(file, options.column.as_ref(), None, width)?;
        return Ok((column, name, true));
    }
    let width = width.max(match &options.column {
        Some(ColumnSpec::Number(n)) if names.is_none() => *n,
        _ => 0,
    });
    let (column, name) = resolve(file, options.column.as_ref(), names.as_deref(), width)?;
    Ok((column, name, false))
}

/// The 0-based index and a display name of the column to check.
pub fn resolve(
    file: &str,
    spec: Option<&ColumnSpec>,
    header: Option<&[String]>,
    width: usize,
) -> Result<(usize, String), FileError> {
    let listing = || match header {
        Some(names) => names
            .iter()
            .enumerate()
            .map(|(i, name)| format!("{} \"{}\"", i + 1, name.trim()))
            .collect::<Vec<_>>()
            .join(", "),
        None => format!("{width} columns, no header"),
    };
    let shown = |index: usize| match header.and_then(|names| names.get(index)) {
        Some(name) if !name.trim().is_empty() => name.trim().to_owned(),
        _ => format!("column {}", index + 1),
    };
    match spec {
        Some(ColumnSpec::Number(number)) => {
            if *number == 0 || *number > width {
                return Err(FileError::new(
                    file,
                    format!("there is no column {number} (columns: {})", listing()),
                ));
            }
            Ok((number - 1, shown(number - 1)))
        }
        Some(ColumnSpec::Name(name)) => {
            let Some(names) = header else {
                return Err(FileError::new(
                    file,
                    "without a header row, choose the column by number (--column N)",
                ));
            };
            let exact: Vec<usize> = (0..names.len())
                .filter(|&i| names[i].trim() == name.trim())
                .collect();
            let matches = if exact.is_empty() {
                (0..names.len())
                    .filter(|&i| fold(&names[i]) == fold(name))
                    .collect()
            } else {
                exact
            };
            match matches[..] {
                [index] => Ok((index, shown(index))),
                [] => Err(FileError::new(
                    file,
                    format!(
                        "no column is named \"{}\" (columns: {})",
                        name.trim(),
                        listing()
                    ),
                )),
                _ => Err(FileError::new(
                    file,
                    format!(
                        "several columns are named \"{}\": choose one by number (columns: {})",
                        name.trim(),
                        listing()
                    ),
                )),
            }
        }
        None => {
            if width == 1 {
                return Ok((0, shown(0)));
            }
            let found: Vec<usize> = header
                .map(|names| {
                    (0..names.len())
                        .filter(|&i| KNOWN_NAMES.contains(&fold(&names[i]).as_str()))
                        .collect()
                })
                .unwrap_or_default();
            match found[..] {
                [index] => Ok((index, shown(index))),
                _ => Err(FileError::new(
                    file,
                    format!(
                        "choose the column to check with --column NAME or --column NUMBER (columns: {})",
                        listing()
                    ),
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| name.to_string()).collect()
    }

    #[test]
    fn numbers_are_told_from_names() {
        assert!(looks_like_number(b"DN4010123456789"));
        assert!(looks_like_number(b"0101010101"));
        assert!(looks_like_number(b"079095001234"));
        assert!(looks_like_number(b"DN 4 01 0123456780"));
        assert!(!looks_like_number(b"MA_THE_BHYT"));
        assert!(!looks_like_number("Số thẻ BHYT".as_bytes()));
        assert!(!looks_like_number(b"12345"));
    }

    #[test]
    fn columns_resolve_by_number_name_and_known_name() {
        let names = header(&["STT", "Họ và tên", " Số thẻ BHYT ", "Ghi chú"]);
        let by = |spec: Option<ColumnSpec>| resolve("f", spec.as_ref(), Some(&names), 4);
        assert_eq!(by(None).unwrap(), (2, "Số thẻ BHYT".to_owned()));
        assert_eq!(by(Some(ColumnSpec::parse("4"))).unwrap().0, 3);
        assert_eq!(by(Some(ColumnSpec::parse("số THẺ bhyt"))).unwrap().0, 2);
        assert!(by(Some(ColumnSpec::parse("5"))).is_err());
        assert!(by(Some(ColumnSpec::parse("0"))).is_err());
        let error = by(Some(ColumnSpec::parse("Mã thẻ"))).unwrap_err();
        assert!(
            error.message.contains("3 \"Số thẻ BHYT\""),
            "{}",
            error.message
        );
        let two = header(&["Số thẻ BHYT", "MA_THE_BHYT"]);
        assert!(resolve("f", None, Some(&two), 2).is_err());
        assert_eq!(resolve("f", None, None, 1).unwrap().1, "column 1");
        assert!(resolve("f", Some(&ColumnSpec::parse("x")), None, 3).is_err());
        // Decomposed (NFD) "Mã thẻ" matches the composed name, and the built-in names.
        let nfd = header(&["STT", "Ma\u{303} the\u{309}"]);
        assert_eq!(
            resolve("f", Some(&ColumnSpec::parse("mã THẺ")), Some(&nfd), 2)
                .unwrap()
                .0,
            1
        );
        assert_eq!(resolve("f", None, Some(&nfd), 2).unwrap().0, 1);
    }
}
