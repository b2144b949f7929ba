//! A generator of files for `bhyt check --file`, written by the tests themselves (no personal
//! data: the card numbers are made up): well-formed CSV, .xlsx, .xls (BIFF8 in an OLE2
//! container), .ods and claims XML, and the hostile shapes of each.

#![allow(dead_code)]

use std::io::{Cursor, Write};

/// A valid 15-character card and a valid 10-digit one (made up), an invalid one.
pub const VALID: &str = "HS4010120878811";
pub const VALID_SHORT: &str = "0120878811";
pub const INVALID: &str = "DN4000123456789";

/// A zip archive of `parts`; each part is written in pieces of `repeat` copies of its bytes
/// (so a part can inflate to gigabytes while the archive stays small).
pub fn zip(parts: &[(&str, Vec<u8>, usize)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    for (name, bytes, repeat) in parts {
        zip.start_file(*name, options).unwrap();
        for _ in 0..*repeat {
            zip.write_all(bytes).unwrap();
        }
    }
    zip.finish().unwrap().into_inner()
}

pub const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
pub const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;

/// An .xlsx of one sheet: `rows` is the XML inside `<sheetData>`, `strings` inside `<sst>`.
pub fn xlsx(rows: &str, strings: &str) -> Vec<u8> {
    zip(&[
        ("xl/workbook.xml", WORKBOOK.as_bytes().to_vec(), 1),
        ("xl/_rels/workbook.xml.rels", RELS.as_bytes().to_vec(), 1),
        ("xl/worksheets/sheet1.xml", sheet(rows).into_bytes(), 1),
        ("xl/sharedStrings.xml", sst(strings).into_bytes(), 1),
    ])
}

pub fn sheet(rows: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
    )
}

pub fn sst(strings: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{strings}</sst>"#
    )
}

/// An inline-string cell.
pub fn inline(reference: &str, text: &str) -> String {
    format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// One BIFF8 record.
fn record(out: &mut Vec<u8>, kind: u16, data: &[u8]) {
    out.extend_from_slice(&kind.to_le_bytes());
    out.extend_from_slice(&(data.len() as u16).to_le_bytes());
    out.extend_from_slice(data);
}

fn bof(out: &mut Vec<u8>, kind: u16) {
    let mut data = Vec::new();
    data.extend_from_slice(&0x0600u16.to_le_bytes());
    data.extend_from_slice(&kind.to_le_bytes());
    data.extend_from_slice(&[0; 12]);
    record(out, 0x0809, &data);
}

/// The BIFF8 `Workbook` stream of one sheet named `name`, with text cells (`rows[r][c]`,
/// `None` for an empty cell) as LABEL records in UTF-16.
pub fn biff8(name: &str, rows: &[Vec<Option<String>>]) -> Vec<u8> {
    let cells: Vec<(u16, u16, &str)> = rows
        .iter()
        .enumerate()
        .flat_map(|(r, row)| {
            row.iter()
                .enumerate()
                .filter_map(move |(c, cell)| cell.as_deref().map(|text| (r as u16, c as u16, text)))
        })
        .collect();
    biff8_cells(name, &cells)
}

/// The BIFF8 `Workbook` stream of one sheet holding text cells at (row, column), 0-based.
pub fn biff8_cells(name: &str, cells: &[(u16, u16, &str)]) -> Vec<u8> {
    let mut globals = Vec::new();
    bof(&mut globals, 0x0005);
    record(&mut globals, 0x0042, &1200u16.to_le_bytes());
    let boundsheet_at = globals.len();
    let mut sheet_record = vec![0u8; 6];
    sheet_record.push(name.chars().count() as u8);
    sheet_record.push(1);
    for unit in name.encode_utf16() {
        sheet_record.extend_from_slice(&unit.to_le_bytes());
    }
    record(&mut globals, 0x0085, &sheet_record);
    record(&mut globals, 0x000A, &[]);
    let sheet_at = globals.len() as u32;
    globals[boundsheet_at + 4..boundsheet_at + 8].copy_from_slice(&sheet_at.to_le_bytes());
    let mut sheet = Vec::new();
    bof(&mut sheet, 0x0010);
    for &(r, c, text) in cells {
        {
            let mut data = Vec::new();
            data.extend_from_slice(&r.to_le_bytes());
            data.extend_from_slice(&c.to_le_bytes());
            data.extend_from_slice(&0u16.to_le_bytes());
            let units: Vec<u16> = text.encode_utf16().collect();
            data.extend_from_slice(&(units.len() as u16).to_le_bytes());
            data.push(1);
            for unit in units {
                data.extend_from_slice(&unit.to_le_bytes());
            }
            record(&mut sheet, 0x0204, &data);
        }
    }
    record(&mut sheet, 0x000A, &[]);
    globals.extend_from_slice(&sheet);
    globals
}

/// An OLE2 (compound file) container holding `streams`.
pub fn ole2(streams: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut file =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).unwrap();
    for (name, bytes) in streams {
        let mut stream = file.create_stream(format!("/{name}")).unwrap();
        stream.write_all(bytes).unwrap();
    }
    file.flush().unwrap();
    file.into_inner().into_inner()
}

/// An Excel 97-2003 workbook of text cells.
pub fn xls(rows: &[Vec<Option<String>>]) -> Vec<u8> {
    ole2(&[("Workbook", biff8("DS", rows))])
}

/// What an .xlsx protected by a password is: an OLE2 container with the encrypted package.
pub fn encrypted_xlsx() -> Vec<u8> {
    ole2(&[
        ("EncryptionInfo", vec![4, 0, 4, 0, 0x40, 0, 0, 0]),
        ("EncryptedPackage", vec![0x5A; 4096]),
    ])
}

/// An OpenDocument spreadsheet of text cells.
pub fn ods(rows: &[Vec<Option<String>>]) -> Vec<u8> {
    let mut table = String::new();
    for row in rows {
        table.push_str("<table:table-row>");
        for cell in row {
            match cell {
                Some(text) => table.push_str(&format!(
                    r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
                )),
                None => table.push_str("<table:table-cell/>"),
            }
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="DS">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("content.xml", deflated).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    zip.finish().unwrap().into_inner()
}

/// One claim of the XML1 table.
pub fn claim(link: &str, cards: &str) -> String {
    format!("<CHI_TIEU_TONG_HOP>\n<MA_LK>{link}</MA_LK>\n<HO_TEN>NGUOI THU</HO_TEN>\n<MA_THE_BHYT>{cards}</MA_THE_BHYT>\n</CHI_TIEU_TONG_HOP>\n")
}

/// The XML1 table of `claims`.
pub fn xml1(claims: &str) -> String {
    format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<TONG_HOP>\n{claims}</TONG_HOP>\n")
}

/// A submission envelope whose NOIDUNGFILE holds `content` as written (base64 or not): the
/// NOIDUNGFILE element is on line 5.
pub fn envelope(content: &str) -> String {
    format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<GIAMDINHHS>\n<HOSO>\n<FILEHOSO><LOAIHOSO>XML1</LOAIHOSO>\n<NOIDUNGFILE>{content}</NOIDUNGFILE>\n</FILEHOSO>\n</HOSO>\n</GIAMDINHHS>\n")
}

pub fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
