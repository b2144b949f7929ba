//! Small helpers for reading text out of XML events (quick-xml gives entity references as
//! separate events).

use quick_xml::events::BytesRef;

/// Appends the text an entity reference stands for: the five predefined entities and
/// character references. `None` for an entity this reader does not know.
pub fn push_reference(out: &mut Vec<u8>, reference: &BytesRef<'_>) -> Option<()> {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        let mut buffer = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
        return Some(());
    }
    let text: &[u8] = match &**reference {
        b"amp" => b"&",
        b"lt" => b"<",
        b"gt" => b">",
        b"quot" => b"\"",
        b"apos" => b"'",
        _ => return None,
    };
    out.extend_from_slice(text);
    Some(())
}

/// The part of a tag name after its namespace prefix.
pub fn local(name: &[u8]) -> &[u8] {
    match name.iter().position(|&byte| byte == b':') {
        Some(colon) => &name[colon + 1..],
        None => name,
    }
}
