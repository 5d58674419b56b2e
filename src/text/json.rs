//! JSON written for other programs (`list --json`, `leads --json`, `export json`) with the
//! characters a terminal or an editor acts on escaped: C1 controls (U+0080–U+009F) and the bidi
//! controls that reorder what is shown. serde_json writes them raw; a journal edited by hand
//! can hold them. They only ever occur inside JSON strings, so escaping them as `\uXXXX` on the
//! way out keeps the document valid and the data the same for any reader.

use std::io::{self, Write};

/// True for a character written as `\uXXXX`.
fn escaped(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}')
}

/// A writer that passes JSON text through, escaping what [`escaped`] names.
pub struct SafeJson<W: Write> {
    inner: W,
    /// The start of a UTF-8 sequence cut between two writes.
    carry: Vec<u8>,
}

impl<W: Write> SafeJson<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> SafeJson<W> {
        SafeJson {
            inner,
            carry: Vec::new(),
        }
    }

    /// The writer, once everything is written.
    pub fn into_inner(mut self) -> io::Result<W> {
        if !self.carry.is_empty() {
            let rest = std::mem::take(&mut self.carry);
            self.inner.write_all(&rest)?;
        }
        Ok(self.inner)
    }

    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        // serde_json writes only UTF-8; any other bytes pass as they are.
        let Ok(text) = std::str::from_utf8(bytes) else {
            return self.inner.write_all(bytes);
        };
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if escaped(c) {
                self.inner.write_all(&bytes[start..i])?;
                write!(self.inner, "\\u{:04x}", u32::from(c))?;
                start = i + c.len_utf8();
            }
        }
        self.inner.write_all(&bytes[start..])
    }
}

impl<W: Write> Write for SafeJson<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.carry);
        bytes.extend_from_slice(buf);
        // Hold back an incomplete UTF-8 sequence at the end until the next write.
        let cut = match std::str::from_utf8(&bytes) {
            Ok(_) => bytes.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => bytes.len(),
        };
        self.carry = bytes.split_off(cut);
        self.put(&bytes)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn safe(v: &serde_json::Value) -> String {
        let mut w = SafeJson::new(Vec::new());
        serde_json::to_writer(&mut w, v).expect("json");
        String::from_utf8(w.into_inner().expect("inner")).expect("utf-8")
    }

    #[test]
    fn c1_and_bidi_controls_are_escaped_and_read_back_the_same() {
        let v = serde_json::json!({ "summary": "a\u{85}b\u{202e}gnp.exe\u{2066}c 中文", "n": 1 });
        let out = safe(&v);
        assert!(
            out.contains("\\u0085") && out.contains("\\u202e") && out.contains("\\u2066"),
            "{out}"
        );
        assert!(out.chars().all(|c| !escaped(c)), "{out:?}");
        assert!(out.contains("中文"));
        let back: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(back, v);
    }

    #[test]
    fn a_character_cut_between_writes_is_kept_whole() {
        let text = "x\u{202e}y".as_bytes();
        let mut w = SafeJson::new(Vec::new());
        for b in text {
            w.write_all(std::slice::from_ref(b)).expect("write");
        }
        assert_eq!(w.into_inner().expect("inner"), b"x\\u202ey");
    }
}
