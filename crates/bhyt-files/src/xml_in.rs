//! Claims XML (QĐ 130/QĐ-BYT as amended by QĐ 4750/QĐ-BYT): every `MA_THE_BHYT` element of
//! the file, streaming, with the claim's `MA_LK` (its link key) when the same record has one.
//!
//! Both shapes hospitals produce are read: the XML1 table itself (`<TONG_HOP>...`), and the
//! submission envelope (`<GIAMDINHHS>`) whose `NOIDUNGFILE` elements hold each table as
//! base64-encoded XML (decoded as it is read, then read as a nested document; their values are
//! reported at the line of the `NOIDUNGFILE` element), or as plain XML. A `NOIDUNGFILE` that
//! cannot be decoded is an error, never skipped.
//!
//! Memory: one text node or tag at most `Limits::value` bytes (the text of a `NOIDUNGFILE`:
//! 4/3 of `Limits::envelope`), one decoded `NOIDUNGFILE`, at most `Limits::depth` open
//! elements.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::sync::Arc;

use base64::Engine as _;
use quick_xml::events::Event;
use quick_xml::Reader;

use super::source::{size, Batch, FileError, Limits, Progress, Source, Tracked};
use super::xmltext::{local, push_reference};

pub struct XmlSource {
    file: String,
    limits: Limits,
    reader: Option<Reader<Tracked<BufReader<File>>>>,
    /// Ordinal of the last `MA_THE_BHYT` element.
    row: u64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    Card,
    LinkKey,
    Envelope,
    /// One of [`CARD_FIELDS`], by index.
    Field(usize),
}

/// The card fields of an XML1 record checked with its `MA_THE_BHYT`.
const CARD_FIELDS: [&[u8]; 5] = [
    b"MA_DKBD",
    b"GT_THE_TU",
    b"GT_THE_DEN",
    b"NGAY_VAO",
    b"NGAY_RA",
];

struct Frame {
    name: Vec<u8>,
    link_key: Option<Vec<u8>>,
    /// The record's card fields seen so far ([`CARD_FIELDS`]).
    fields: [Option<Vec<u8>>; 5],
    /// The record's `MA_THE_BHYT` (its line and text), checked when the record ends, so that
    /// the fields after it are checked with it.
    pending: Option<(u64, Vec<u8>)>,
}

/// What a `NOIDUNGFILE` holds, told by its first character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Content {
    Undecided,
    Base64,
    Xml,
}

/// The content of a `NOIDUNGFILE` element, decoded as its text arrives.
struct Envelope {
    content: Content,
    /// Base64 characters not decoded yet.
    pending: Vec<u8>,
    /// The decoded (or plain) XML.
    out: Vec<u8>,
}

/// Base64 characters decoded at a time.
const CHUNK: usize = 1 << 16;

fn base64_problem(error: base64::DecodeError) -> String {
    match error {
        base64::DecodeError::InvalidByte(_, b'-' | b'_') => {
            "it is URL-safe base64 ('-' or '_'), not the standard base64 the format uses".to_owned()
        }
        base64::DecodeError::InvalidByte(_, b'=') => {
            "a padding '=' in the middle of the base64 text".to_owned()
        }
        base64::DecodeError::InvalidByte(_, byte) => format!(
            "a character that is not base64 ({})",
            if byte.is_ascii_graphic() {
                format!("'{}'", byte as char)
            } else {
                format!("byte 0x{byte:02X}")
            }
        ),
        base64::DecodeError::InvalidLength(_)
        | base64::DecodeError::InvalidLastSymbol(_, _)
        | base64::DecodeError::InvalidPadding => {
            "the base64 text is cut short or its '=' padding was removed".to_owned()
        }
    }
}

impl Envelope {
    fn new() -> Envelope {
        Envelope {
            content: Content::Undecided,
            pending: Vec::new(),
            out: Vec::new(),
        }
    }

    fn feed(&mut self, mut bytes: &[u8], limit: usize) -> Result<(), String> {
        if self.content == Content::Undecided {
            let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
            let Some(start) = start else { return Ok(()) };
            bytes = &bytes[start..];
            self.content = if bytes[0] == b'<' {
                Content::Xml
            } else {
                Content::Base64
            };
        }
        match self.content {
            Content::Xml => self.out.extend_from_slice(bytes),
            _ => {
                self.pending
                    .extend(bytes.iter().copied().filter(|b| !b.is_ascii_whitespace()));
                if self.pending.len() >= CHUNK + 4 {
                    let n = (self.pending.len() - 4) / 4 * 4;
                    if self.pending[..n].contains(&b'=') {
                        return Err("a padding '=' in the middle of the base64 text".to_owned());
                    }
                    base64::engine::general_purpose::STANDARD
                        .decode_vec(&self.pending[..n], &mut self.out)
                        .map_err(base64_problem)?;
                    self.pending.drain(..n);
                }
            }
        }
        if self.out.len() > limit {
            return Err(format!(
                "it holds more than {}, the limit of one decoded NOIDUNGFILE",
                size(limit as u64)
            ));
        }
        Ok(())
    }

    /// The XML it holds (`None`: nothing but white space).
    fn finish(mut self, limit: usize) -> Result<Option<Vec<u8>>, String> {
        match self.content {
            Content::Undecided => return Ok(None),
            Content::Xml => return Ok(Some(self.out)),
            Content::Base64 => {}
        }
        base64::engine::general_purpose::STANDARD
            .decode_vec(&self.pending, &mut self.out)
            .map_err(base64_problem)?;
        if self.out.len() > limit {
            return Err(format!(
                "it holds more than {}, the limit of one decoded NOIDUNGFILE",
                size(limit as u64)
            ));
        }
        let body = self.out.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.out);
        if body.starts_with(&[0x1F, 0x8B]) {
            return Err("once decoded it is gzip-compressed data, not XML".to_owned());
        }
        if body.starts_with(b"PK\x03\x04") {
            return Err("once decoded it is a zip archive, not XML".to_owned());
        }
        if body.starts_with(&[0xFF, 0xFE])
            || body.starts_with(&[0xFE, 0xFF])
            || (body.len() >= 2 && (body[0] == 0 || body[1] == 0))
        {
            return Err(
                "once decoded it is UTF-16 text; only UTF-8 XML is read (claims XML is UTF-8)"
                    .to_owned(),
            );
        }
        if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'<') {
            return Err("once decoded it is not XML".to_owned());
        }
        let skip = self.out.len() - body.len();
        self.out.drain(..skip);
        Ok(Some(self.out))
    }
}

/// The message for XML that is UTF-16 (with a byte-order mark).
const UTF16: &str = "the file is UTF-16 text, which is not read: claims XML is UTF-8 (save it as UTF-8, or convert it with `iconv -f UTF-16 -t UTF-8`)";

impl XmlSource {
    pub fn open(
        path: &str,
        limits: Limits,
        progress: Arc<Progress>,
    ) -> Result<XmlSource, FileError> {
        let io =
            |error: std::io::Error| FileError::new(path, format!("cannot read the file: {error}"));
        let file = File::open(path).map_err(io)?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        progress
            .total
            .store(size, std::sync::atomic::Ordering::Relaxed);
        let mut buffered = BufReader::with_capacity(1 << 16, file);
        let head = buffered.fill_buf().map_err(io)?;
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return Err(FileError::new(path, UTF16));
        }
        let bom = usize::from(head.starts_with(b"\xEF\xBB\xBF")) * 3;
        buffered.consume(bom);
        let tracked = Tracked::new(buffered, progress).limited(limits.value as u64, u64::MAX);
        Ok(XmlSource {
            file: path.to_owned(),
            limits,
            reader: Some(Reader::from_reader(tracked)),
            row: 0,
        })
    }

    /// Reads one XML document, emitting its `MA_THE_BHYT` values. `nested` is the line every
    /// value is reported at (a document nested in a `NOIDUNGFILE`); otherwise the reader's
    /// own line.
    fn scan<R: BufRead>(
        &mut self,
        reader: &mut Reader<Tracked<R>>,
        nested: Option<u64>,
        batch: &mut Batch,
        emit: &mut dyn FnMut(Batch) -> bool,
    ) -> Result<bool, FileError> {
        let file = self.file.clone();
        let fail = |line: u64, message: String| {
            let (line, prefix) = match nested {
                Some(outer) => (
                    outer,
                    format!("in the XML of the NOIDUNGFILE element (its line {line}): "),
                ),
                None => (line, String::new()),
            };
            FileError::new(&file, format!("{prefix}{message}")).at(None, Some(line))
        };
        let limits = self.limits;
        let text_limit = limits.value as u64;
        let envelope_text_limit =
            (limits.envelope as u64 / 3 * 4) + (limits.envelope as u64 / 8) + 4096;
        let mut buffer = Vec::new();
        let mut stack: Vec<Frame> = Vec::new();
        let mut capture: Option<(Capture, usize, u64, Vec<u8>)> = None;
        let mut envelope: Option<Envelope> = None;
        loop {
            reader.get_mut().mark();
            let event = match reader.read_event_into(&mut buffer) {
                Ok(event) => event,
                Err(error) => {
                    let line = reader.get_ref().line();
                    if let Some(limit) = reader.get_ref().exceeded {
                        return Err(fail(
                            line,
                            format!("an XML text node, tag or name longer than {}, the limit (is this really claims XML?)", size(limit)),
                        ));
                    }
                    // Every syntax error of quick-xml is markup cut off by the end of input.
                    let truncated = if matches!(error, quick_xml::Error::Syntax(_)) {
                        " (the file is truncated)"
                    } else {
                        ""
                    };
                    return Err(fail(line, format!("the XML is broken: {error}{truncated}")));
                }
            };
            let line = reader.get_ref().line();
            let appended = |captured: &mut Vec<u8>, bytes: &[u8]| -> Result<(), FileError> {
                if captured.len() + bytes.len() > limits.value {
                    return Err(fail(
                        line,
                        format!(
                            "a value longer than {}, the limit of one value",
                            size(text_limit)
                        ),
                    ));
                }
                captured.extend_from_slice(bytes);
                Ok(())
            };
            let feed = |envelope: &mut Envelope, bytes: &[u8], at: u64| -> Result<(), FileError> {
                envelope.feed(bytes, limits.envelope).map_err(|problem| {
                    FileError::new(
                        &file,
                        format!("the NOIDUNGFILE element cannot be decoded: {problem}"),
                    )
                    .at(None, Some(at))
                })
            };
            let in_envelope = matches!(&capture, Some((Capture::Envelope, ..)));
            match event {
                Event::Decl(declaration) => {
                    if let Some(Ok(encoding)) = declaration.encoding() {
                        let name = String::from_utf8_lossy(&encoding).to_ascii_lowercase();
                        if name != "utf-8" && name != "utf8" {
                            return Err(fail(line, format!("the file declares the encoding \"{name}\"; only UTF-8 is read (claims XML is UTF-8)")));
                        }
                    }
                }
                Event::Start(_) | Event::Empty(_) if in_envelope => {
                    // Plain XML inside the NOIDUNGFILE: read in place.
                    capture = None;
                    envelope = None;
                    reader.get_mut().set_limit(text_limit);
                    continue_start(
                        &mut stack,
                        &mut capture,
                        &event,
                        line,
                        nested,
                        limits,
                        &fail,
                    )?;
                    if let Event::Empty(start) = &event {
                        if local(start.name().as_ref()) == b"MA_THE_BHYT"
                            && !self.card(batch, emit, &mut stack, line, nested, &[])
                        {
                            return Ok(false);
                        }
                    }
                }
                Event::Start(_) => {
                    continue_start(
                        &mut stack,
                        &mut capture,
                        &event,
                        line,
                        nested,
                        limits,
                        &fail,
                    )?;
                    if matches!(&capture, Some((Capture::Envelope, depth, ..)) if *depth + 1 == stack.len())
                        && envelope.is_none()
                    {
                        envelope = Some(Envelope::new());
                        reader.get_mut().set_limit(envelope_text_limit);
                    }
                }
                Event::Empty(start) => {
                    let qname = start.name();
                    let name = local(qname.as_ref());
                    if capture.is_none() && name == b"MA_THE_BHYT" {
                        if !self.card(batch, emit, &mut stack, line, nested, &[]) {
                            return Ok(false);
                        }
                    } else if capture.is_none() && name == b"MA_LK" {
                        if let Some(parent) = stack.last_mut() {
                            parent.link_key = Some(Vec::new());
                        }
                    }
                }
                Event::End(_) => {
                    if let Some(mut frame) = stack.pop() {
                        if let Some((card_line, text)) = frame.pending.take() {
                            let link_key = frame
                                .link_key
                                .take()
                                .or_else(|| stack.iter().rev().find_map(|f| f.link_key.clone()));
                            if !self.push_card(
                                batch,
                                emit,
                                card_line,
                                &text,
                                link_key.as_deref(),
                                Some(&frame.fields),
                            ) {
                                return Ok(false);
                            }
                        }
                    }
                    let finished =
                        matches!(&capture, Some((_, depth, _, _)) if *depth == stack.len());
                    if finished {
                        let Some((kind, _, start_line, text)) = capture.take() else {
                            buffer.clear();
                            continue;
                        };
                        match kind {
                            Capture::Card => {
                                if !self.card(batch, emit, &mut stack, start_line, nested, &text) {
                                    return Ok(false);
                                }
                            }
                            Capture::LinkKey => {
                                if let Some(parent) = stack.last_mut() {
                                    parent.link_key = Some(text);
                                }
                            }
                            Capture::Field(index) => {
                                if let Some(slot) = stack
                                    .last_mut()
                                    .and_then(|parent| parent.fields.get_mut(index))
                                {
                                    *slot = Some(text);
                                }
                            }
                            Capture::Envelope => {
                                reader.get_mut().set_limit(text_limit);
                                let content = envelope.take().unwrap_or_else(Envelope::new);
                                let xml = content.finish(limits.envelope).map_err(|problem| {
                                    FileError::new(
                                        &file,
                                        format!(
                                            "the NOIDUNGFILE element cannot be decoded: {problem}"
                                        ),
                                    )
                                    .at(None, Some(start_line))
                                })?;
                                if let Some(xml) = xml {
                                    if !self.envelope(&xml, start_line, batch, emit)? {
                                        return Ok(false);
                                    }
                                }
                            }
                        }
                    }
                }
                Event::Text(text) => {
                    if let (Some(content), true) = (envelope.as_mut(), in_envelope) {
                        let at = capture.as_ref().map_or(line, |c| c.2);
                        feed(content, &text, at)?;
                    } else {
                        if std::str::from_utf8(&text).is_err() {
                            return Err(fail(
                                line,
                                "not valid UTF-8 text (claims XML must be saved as UTF-8)"
                                    .to_owned(),
                            ));
                        }
                        if let Some((_, _, _, captured)) = capture.as_mut() {
                            appended(captured, &text)?;
                        }
                    }
                }
                Event::CData(text) => {
                    if let (Some(content), true) = (envelope.as_mut(), in_envelope) {
                        let at = capture.as_ref().map_or(line, |c| c.2);
                        feed(content, &text, at)?;
                    } else if let Some((_, _, _, captured)) = capture.as_mut() {
                        appended(captured, &text)?;
                    }
                }
                Event::GeneralRef(reference) => {
                    let mut resolved = Vec::new();
                    if push_reference(&mut resolved, &reference).is_none() {
                        if capture.is_some() {
                            return Err(fail(line, "an unknown entity reference".to_owned()));
                        }
                    } else if let (Some(content), true) = (envelope.as_mut(), in_envelope) {
                        let at = capture.as_ref().map_or(line, |c| c.2);
                        feed(content, &resolved, at)?;
                    } else if let Some((_, _, _, captured)) = capture.as_mut() {
                        appended(captured, &resolved)?;
                    }
                }
                Event::Eof => {
                    if let Some(open) = stack.last() {
                        return Err(fail(
                            line,
                            format!(
                                "the file ends inside the element <{}> (it is truncated)",
                                String::from_utf8_lossy(&open.name)
                            ),
                        ));
                    }
                    return Ok(true);
                }
                _ => {}
            }
            buffer.clear();
        }
    }

    /// One `MA_THE_BHYT` value: kept in its record (the element holding it) until the
    /// record ends, so that the record's other card fields are checked with it; pushed at
    /// once outside a record, or when its record already holds one.
    fn card(
        &mut self,
        batch: &mut Batch,
        emit: &mut dyn FnMut(Batch) -> bool,
        stack: &mut [Frame],
        line: u64,
        nested: Option<u64>,
        text: &[u8],
    ) -> bool {
        let line = nested.unwrap_or(line);
        let Some((record, outer)) = stack.split_last_mut() else {
            return self.push_card(batch, emit, line, text, None, None);
        };
        if let Some((earlier_line, earlier)) = record.pending.take() {
            let link_key = record
                .link_key
                .clone()
                .or_else(|| outer.iter().rev().find_map(|f| f.link_key.clone()));
            if !self.push_card(
                batch,
                emit,
                earlier_line,
                &earlier,
                link_key.as_deref(),
                None,
            ) {
                return false;
            }
        }
        record.pending = Some((line, text.to_vec()));
        true
    }

    /// Pushes one `MA_THE_BHYT` value, with its record's other card fields.
    fn push_card(
        &mut self,
        batch: &mut Batch,
        emit: &mut dyn FnMut(Batch) -> bool,
        line: u64,
        text: &[u8],
        link_key: Option<&[u8]>,
        fields: Option<&[Option<Vec<u8>>; 5]>,
    ) -> bool {
        self.row += 1;
        batch.push(self.row, Some(line), text, link_key, false);
        if let Some(fields) = fields.filter(|fields| fields.iter().any(Option::is_some)) {
            batch.attach_card_fields(fields);
        }
        batch.add_items(1 + text.iter().filter(|&&b| b == b';').count());
        if batch.is_full() {
            return emit(std::mem::take(batch));
        }
        true
    }

    /// The XML of a `NOIDUNGFILE` element, read as a nested document.
    fn envelope(
        &mut self,
        xml: &[u8],
        line: u64,
        batch: &mut Batch,
        emit: &mut dyn FnMut(Batch) -> bool,
    ) -> Result<bool, FileError> {
        let tracked = Tracked::new(xml, Arc::default()).limited(self.limits.value as u64, u64::MAX);
        let mut reader = Reader::from_reader(tracked);
        self.scan(&mut reader, Some(line), batch, emit)
    }
}

/// A start tag: pushed on the stack (at most `Limits::depth`), and a capture begun for the
/// elements read.
fn continue_start(
    stack: &mut Vec<Frame>,
    capture: &mut Option<(Capture, usize, u64, Vec<u8>)>,
    event: &Event<'_>,
    line: u64,
    nested: Option<u64>,
    limits: Limits,
    fail: &dyn Fn(u64, String) -> FileError,
) -> Result<(), FileError> {
    let (Event::Start(start) | Event::Empty(start)) = event else {
        return Ok(());
    };
    if matches!(event, Event::Empty(_)) {
        return Ok(());
    }
    let name = local(start.name().as_ref()).to_vec();
    let kind = match name.as_slice() {
        b"MA_THE_BHYT" => Some(Capture::Card),
        b"MA_LK" => Some(Capture::LinkKey),
        b"NOIDUNGFILE" if nested.is_none() => Some(Capture::Envelope),
        other => CARD_FIELDS
            .iter()
            .position(|field| *field == other)
            .map(Capture::Field),
    };
    if let (Some(kind), None) = (kind, &capture) {
        *capture = Some((kind, stack.len(), line, Vec::new()));
    }
    if stack.len() >= limits.depth {
        return Err(fail(
            line,
            format!(
                "elements nested more than {} deep, the limit (is this really claims XML?)",
                limits.depth
            ),
        ));
    }
    stack.push(Frame {
        name,
        link_key: None,
        fields: Default::default(),
        pending: None,
    });
    Ok(())
}

impl Source for XmlSource {
    fn run(&mut self, emit: &mut dyn FnMut(Batch) -> bool) -> Result<(), FileError> {
        let Some(mut reader) = self.reader.take() else {
            return Ok(());
        };
        let mut batch = Batch::default();
        let finished = self.scan(&mut reader, None, &mut batch, emit)?;
        if finished && !batch.records.is_empty() {
            emit(batch);
        }
        Ok(())
    }

    fn column(&self) -> String {
        "MA_THE_BHYT".to_owned()
    }

    fn is_claims(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(text: &str) -> Result<Option<Vec<u8>>, String> {
        let mut envelope = Envelope::new();
        envelope.feed(text.as_bytes(), 1 << 20)?;
        envelope.finish(1 << 20)
    }

    #[test]
    fn noidungfile_contents() {
        use base64::Engine as _;
        let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
        assert_eq!(decode(&b64(b"<a/>")).unwrap().unwrap(), b"<a/>");
        assert_eq!(decode("  <a/>").unwrap().unwrap(), b"<a/>");
        assert_eq!(decode("  \n ").unwrap(), None);
        let with_breaks: String = b64(b"<TONG_HOP></TONG_HOP>")
            .as_bytes()
            .chunks(4)
            .map(|c| format!("{}\r\n", std::str::from_utf8(c).unwrap()))
            .collect();
        assert!(decode(&with_breaks).unwrap().is_some());
        assert!(decode("PGEvPg=").unwrap_err().contains("padding"));
        assert!(decode("PGE-Pg==").unwrap_err().contains("URL-safe"));
        assert!(decode("PGE!Pg==").unwrap_err().contains("not base64"));
        assert!(decode(&b64(b"\x1f\x8b\x08rest"))
            .unwrap_err()
            .contains("gzip"));
        assert!(decode(&b64(b"\xff\xfe<\0a\0"))
            .unwrap_err()
            .contains("UTF-16"));
        assert!(decode(&b64(b"hello")).unwrap_err().contains("not XML"));
        let big = b64(&vec![b'<'; 300_000]);
        assert_eq!(decode(&big).unwrap().unwrap().len(), 300_000);
        let mut envelope = Envelope::new();
        assert!(envelope
            .feed(big.as_bytes(), 100_000)
            .unwrap_err()
            .contains("limit"));
    }
}
