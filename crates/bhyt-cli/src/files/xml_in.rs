//! Claims XML (QĐ 130/QĐ-BYT as amended by QĐ 4750/QĐ-BYT): every `MA_THE_BHYT` element of
//! the file, streaming, with the claim's `MA_LK` (its link key) when the same record has one.
//!
//! Both shapes hospitals produce are read: the XML1 table itself (`<TONG_HOP>...`), and the
//! submission envelope (`<GIAMDINHHS>`) whose `NOIDUNGFILE` elements hold each table as
//! base64-encoded XML (decoded one record at a time; their values are reported at the line of
//! the `NOIDUNGFILE` element).

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::sync::Arc;

use base64::Engine as _;
use quick_xml::events::Event;
use quick_xml::Reader;

use super::source::{Batch, FileError, Progress, Source, Tracked};
use super::xmltext::{local, push_reference};

pub struct XmlSource {
    file: String,
    progress: Arc<Progress>,
    reader: Option<Reader<Tracked<BufReader<File>>>>,
    /// Ordinal of the last `MA_THE_BHYT` element.
    row: u64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    Card,
    LinkKey,
    Envelope,
}

struct Frame {
    name: Vec<u8>,
    link_key: Option<Vec<u8>>,
}

impl XmlSource {
    pub fn open(path: &str, progress: Arc<Progress>) -> Result<XmlSource, FileError> {
        let file = File::open(path)
            .map_err(|error| FileError::new(path, format!("cannot read the file: {error}")))?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        progress
            .total
            .store(size, std::sync::atomic::Ordering::Relaxed);
        let tracked = Tracked::new(
            BufReader::with_capacity(1 << 16, file),
            Arc::clone(&progress),
        );
        Ok(XmlSource {
            file: path.to_owned(),
            progress,
            reader: Some(Reader::from_reader(tracked)),
            row: 0,
        })
    }

    /// Reads one XML document, emitting its `MA_THE_BHYT` values. `fixed_line` is the line
    /// every value is reported at (a document nested in a `NOIDUNGFILE`); otherwise the
    /// reader's own line.
    fn scan<R: BufRead>(
        &mut self,
        reader: &mut Reader<R>,
        line_of: &dyn Fn(&Reader<R>) -> u64,
        nested: Option<u64>,
        batch: &mut Batch,
        emit: &mut dyn FnMut(Batch) -> bool,
    ) -> Result<bool, FileError> {
        let where_ = |line: u64| match nested {
            Some(outer) => (
                outer,
                format!("in the base64 XML of the NOIDUNGFILE element (its line {line}): "),
            ),
            None => (line, String::new()),
        };
        let mut buffer = Vec::new();
        let mut stack: Vec<Frame> = Vec::new();
        let mut capture: Option<(Capture, usize, u64, Vec<u8>)> = None;
        loop {
            let event = match reader.read_event_into(&mut buffer) {
                Ok(event) => event,
                Err(error) => {
                    let (line, prefix) = where_(line_of(reader));
                    // Every syntax error of quick-xml is markup cut off by the end of input.
                    let truncated = if matches!(error, quick_xml::Error::Syntax(_)) {
                        " (the file is truncated)"
                    } else {
                        ""
                    };
                    return Err(FileError::new(
                        &self.file,
                        format!("{prefix}the XML is broken: {error}{truncated}"),
                    )
                    .at(None, Some(line)));
                }
            };
            let line = line_of(reader);
            match event {
                Event::Decl(declaration) => {
                    if let Some(Ok(encoding)) = declaration.encoding() {
                        let name = String::from_utf8_lossy(&encoding).to_ascii_lowercase();
                        if name != "utf-8" && name != "utf8" {
                            let (line, prefix) = where_(line);
                            return Err(FileError::new(
                                &self.file,
                                format!("{prefix}the file declares the encoding \"{name}\"; only UTF-8 is read (claims XML is UTF-8)"),
                            )
                            .at(None, Some(line)));
                        }
                    }
                }
                Event::Start(start) => {
                    let name = local(start.name().as_ref()).to_vec();
                    let kind = match name.as_slice() {
                        b"MA_THE_BHYT" => Some(Capture::Card),
                        b"MA_LK" => Some(Capture::LinkKey),
                        b"NOIDUNGFILE" if nested.is_none() => Some(Capture::Envelope),
                        _ => None,
                    };
                    if let (Some(kind), None) = (kind, &capture) {
                        capture = Some((kind, stack.len(), line, Vec::new()));
                    }
                    stack.push(Frame {
                        name,
                        link_key: None,
                    });
                }
                Event::Empty(start) => {
                    let qname = start.name();
                    let name = local(qname.as_ref());
                    if capture.is_none() && name == b"MA_THE_BHYT" {
                        if !self.card(batch, emit, &stack, line, nested, &[]) {
                            return Ok(false);
                        }
                    } else if capture.is_none() && name == b"MA_LK" {
                        if let Some(parent) = stack.last_mut() {
                            parent.link_key = Some(Vec::new());
                        }
                    }
                }
                Event::End(_) => {
                    stack.pop();
                    let finished =
                        matches!(&capture, Some((_, depth, _, _)) if *depth == stack.len());
                    if finished {
                        let Some((kind, _, start_line, text)) = capture.take() else {
                            continue;
                        };
                        match kind {
                            Capture::Card => {
                                if !self.card(batch, emit, &stack, start_line, nested, &text) {
                                    return Ok(false);
                                }
                            }
                            Capture::LinkKey => {
                                if let Some(parent) = stack.last_mut() {
                                    parent.link_key = Some(text);
                                }
                            }
                            Capture::Envelope => {
                                if !self.envelope(&text, start_line, batch, emit)? {
                                    return Ok(false);
                                }
                            }
                        }
                    }
                }
                Event::Text(text) => {
                    if std::str::from_utf8(&text).is_err() {
                        let (line, prefix) = where_(line);
                        return Err(FileError::new(
                            &self.file,
                            format!(
                                "{prefix}not valid UTF-8 text (claims XML must be saved as UTF-8)"
                            ),
                        )
                        .at(None, Some(line)));
                    }
                    if let Some((_, _, _, captured)) = capture.as_mut() {
                        captured.extend_from_slice(&text);
                    }
                }
                Event::CData(text) => {
                    if let Some((_, _, _, captured)) = capture.as_mut() {
                        captured.extend_from_slice(&text);
                    }
                }
                Event::GeneralRef(reference) => {
                    if let Some((_, _, _, captured)) = capture.as_mut() {
                        if push_reference(captured, &reference).is_none() {
                            let (line, prefix) = where_(line);
                            return Err(FileError::new(
                                &self.file,
                                format!("{prefix}an unknown entity reference"),
                            )
                            .at(None, Some(line)));
                        }
                    }
                }
                Event::Eof => {
                    if let Some(open) = stack.last() {
                        let (line, prefix) = where_(line);
                        return Err(FileError::new(
                            &self.file,
                            format!(
                                "{prefix}the file ends inside the element <{}> (it is truncated)",
                                String::from_utf8_lossy(&open.name)
                            ),
                        )
                        .at(None, Some(line)));
                    }
                    return Ok(true);
                }
                _ => {}
            }
            buffer.clear();
        }
    }

    /// One `MA_THE_BHYT` value.
    fn card(
        &mut self,
        batch: &mut Batch,
        emit: &mut dyn FnMut(Batch) -> bool,
        stack: &[Frame],
        line: u64,
        nested: Option<u64>,
        text: &[u8],
    ) -> bool {
        self.row += 1;
        let link_key = stack
            .iter()
            .rev()
            .find_map(|frame| frame.link_key.as_deref());
        batch.push(
            self.row,
            Some(nested.unwrap_or(line)),
            text,
            link_key,
            false,
        );
        if batch.is_full() {
            return emit(std::mem::take(batch));
        }
        true
    }

    /// A `NOIDUNGFILE` element: base64 XML, read as a nested document; other content is
    /// ignored (it holds no `MA_THE_BHYT`).
    fn envelope(
        &mut self,
        text: &[u8],
        line: u64,
        batch: &mut Batch,
        emit: &mut dyn FnMut(Batch) -> bool,
    ) -> Result<bool, FileError> {
        let compact: Vec<u8> = text
            .iter()
            .copied()
            .filter(|b| !b.is_ascii_whitespace())
            .collect();
        let Ok(decoded) = base64::engine::general_purpose::STANDARD.decode(&compact) else {
            return Ok(true);
        };
        let body = decoded.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&decoded);
        if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'<') {
            return Ok(true);
        }
        let mut reader = Reader::from_reader(body);
        let line_of = |reader: &Reader<&[u8]>| {
            let consumed = reader.buffer_position() as usize;
            1 + body[..consumed.min(body.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64
        };
        self.scan(&mut reader, &line_of, Some(line), batch, emit)
    }
}

impl Source for XmlSource {
    fn run(&mut self, emit: &mut dyn FnMut(Batch) -> bool) -> Result<(), FileError> {
        let Some(mut reader) = self.reader.take() else {
            return Ok(());
        };
        let _ = &self.progress;
        let mut batch = Batch::default();
        let line_of = |reader: &Reader<Tracked<BufReader<File>>>| reader.get_ref().line();
        let finished = self.scan(&mut reader, &line_of, None, &mut batch, emit)?;
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
