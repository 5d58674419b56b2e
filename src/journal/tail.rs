//! Reading a journal from its end: the head line, and lines backwards, without reading the
//! whole file.

use std::io::{self, Read, Seek, SeekFrom};

const CHUNK: usize = 64 * 1024;

/// Complete lines of a file, last first. Each line is returned without its newline.
/// The file must end in `\n` at `end` (a torn tail is repaired before this is used).
pub struct BackLines<'f, F: Read + Seek> {
    file: &'f mut F,
    /// Bytes before `pos` are not read yet.
    pos: u64,
    /// Bytes read but not yet split into lines, starting at `pos`.
    buf: Vec<u8>,
}

impl<'f, F: Read + Seek> BackLines<'f, F> {
    /// Starts at `end`, which must be the length of the complete-lines part of the file.
    pub fn new(file: &'f mut F, end: u64) -> BackLines<'f, F> {
        BackLines {
            file,
            pos: end,
            buf: Vec::new(),
        }
    }

    /// The previous line and its byte offset, or `None` at the start of the file.
    pub fn next_line(&mut self) -> io::Result<Option<(u64, Vec<u8>)>> {
        // Drop the newline that ends the line we are about to return.
        if self.buf.last() == Some(&b'\n') {
            self.buf.pop();
        } else if self.buf.is_empty() {
            if self.pos == 0 {
                return Ok(None);
            }
            self.fill()?;
            if self.buf.last() == Some(&b'\n') {
                self.buf.pop();
            }
        }
        loop {
            if let Some(nl) = self.buf.iter().rposition(|&b| b == b'\n') {
                let line = self.buf.split_off(nl + 1);
                return Ok(Some((self.pos + nl as u64 + 1, line)));
            }
            if self.pos == 0 {
                if self.buf.is_empty() {
                    return Ok(None);
                }
                let line = std::mem::take(&mut self.buf);
                return Ok(Some((0, line)));
            }
            self.fill()?;
        }
    }

    fn fill(&mut self) -> io::Result<()> {
        let take = (CHUNK as u64).min(self.pos);
        let start = self.pos - take;
        let mut chunk = vec![0u8; take as usize];
        self.file.seek(SeekFrom::Start(start))?;
        self.file.read_exact(&mut chunk)?;
        chunk.extend_from_slice(&self.buf);
        self.buf = chunk;
        self.pos = start;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn lines_back(data: &str) -> Vec<(u64, String)> {
        let mut c = Cursor::new(data.as_bytes().to_vec());
        let mut b = BackLines::new(&mut c, data.len() as u64);
        let mut out = Vec::new();
        while let Some((off, l)) = b.next_line().expect("read") {
            out.push((off, String::from_utf8(l).expect("utf8")));
        }
        out
    }

    #[test]
    fn reads_lines_backwards_with_offsets() {
        assert_eq!(
            lines_back("a\nbb\nccc\n"),
            vec![(5, "ccc".into()), (2, "bb".into()), (0, "a".into())]
        );
        assert_eq!(lines_back(""), vec![]);
        assert_eq!(lines_back("x\n"), vec![(0, "x".into())]);
    }

    #[test]
    fn long_lines_span_chunks() {
        let long = "字".repeat(50_000);
        let data = format!("first\n{long}\nlast\n");
        let got = lines_back(&data);
        assert_eq!(got.len(), 3);
        assert_eq!(got[1].1, long);
        assert_eq!(got[2], (0, "first".into()));
    }
}
