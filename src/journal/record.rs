//! One journal line: the sequence number, when it was recorded, the hash of the line before,
//! and the event. The event is the layer above's type: the journal writes and reads it as JSON
//! without knowing what it says.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::canonical::{self, Verdict};

use crate::moment::Moment;

/// The `prev` of the first line: 64 zeros.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What a journal line carries: any event written and read as JSON (parsed on worker threads,
/// so it can be sent between them).
pub trait Payload: Serialize + DeserializeOwned + Send {}

impl<T: Serialize + DeserializeOwned + Send> Payload for T {}

/// One line of `journal.jsonl`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record<E> {
    /// Position in the journal, from 0, without gaps.
    pub seq: u64,
    /// When the line was written, with the UTC offset.
    pub ts: Moment,
    /// SHA-256 (hex) of the previous line's exact bytes, newline included.
    pub prev: String,
    /// What happened.
    pub event: E,
}

/// Why a journal line is not a record.
#[derive(Debug)]
pub enum LineFault {
    /// Not JSON, or not a record.
    Unreadable(serde_json::Error),
    /// A record, but not byte for byte what leakaid writes for it: an extra field, other
    /// spacing, another key order or another escaping. Such a line has bytes that change its
    /// hash without changing what it says, so it is treated as altered.
    NotCanonical,
}

impl<E: Payload> Record<E> {
    /// The exact bytes of the line: compact JSON and one `\n`.
    pub fn to_line(&self) -> Result<Vec<u8>, serde_json::Error> {
        let mut line = serde_json::to_vec(self)?;
        line.push(b'\n');
        Ok(line)
    }

    /// Reads one line (without its newline). Only the canonical form is accepted: the line
    /// must be exactly the bytes [`Record::to_line`] writes for the record it holds, so no
    /// line has free bytes in which to grind a hash.
    pub fn from_line(line: &[u8]) -> Result<Record<E>, LineFault> {
        // The whole line is checked as UTF-8 once (with SIMD), so the parser does not check
        // each string again; a line that is not UTF-8 goes to the byte parser, which reports
        // where it fails in its own words.
        let rec: Record<E> = match simdutf8::basic::from_utf8(line) {
            Ok(text) => serde_json::from_str(text),
            Err(_) => serde_json::from_slice(line),
        }
        .map_err(LineFault::Unreadable)?;
        // The record is matched against the line piece by piece, as it would be written;
        // what the matcher leaves open (a string with escapes) is settled by writing the
        // record again, compared with the line as it is written. Nothing is allocated, and
        // the first differing byte stops either.
        match canonical::judge(&rec, line) {
            Verdict::Canonical => return Ok(rec),
            Verdict::Differs => return Err(LineFault::NotCanonical),
            Verdict::Unsure => {}
        }
        let mut rest = Matching { rest: line };
        match serde_json::to_writer(&mut rest, &rec) {
            Ok(()) if rest.rest.is_empty() => Ok(rec),
            _ => Err(LineFault::NotCanonical),
        }
    }

    /// The seq of the line after this one; `None` when there is no such number.
    pub fn next_seq(&self) -> Option<u64> {
        self.seq.checked_add(1)
    }
}

/// A writer that takes only the bytes `rest` begins with, and consumes them: what the
/// canonical check writes a record into.
struct Matching<'a> {
    rest: &'a [u8],
}

impl std::io::Write for Matching<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.rest.strip_prefix(buf) {
            Some(after) => {
                self.rest = after;
                Ok(buf.len())
            }
            None => Err(std::io::ErrorKind::InvalidData.into()),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Records run together without newlines (a file whose line breaks were lost) that continue
/// a chain: each in the canonical form, with the next seq and the previous line's hash.
#[derive(Debug)]
pub(crate) struct ChainedRun<E> {
    /// The records and their lines, newline restored.
    pub lines: Vec<(Record<E>, Vec<u8>)>,
    /// How many bytes of the input they take up.
    pub used: usize,
}

/// The records at the start of `bytes` that continue a chain whose next seq is `next_seq`
/// (`None`: no seq can follow) and whose last line hashes to `prev`; stops at the first
/// thing that does not.
pub(crate) fn chained_run<E: Payload>(bytes: &[u8], next_seq: Option<u64>, prev: &str) -> ChainedRun<E> {
    let mut run = ChainedRun {
        lines: Vec::new(),
        used: 0,
    };
    let mut next_seq = next_seq;
    let mut prev = prev.to_string();
    let mut values = serde_json::Deserializer::from_slice(bytes).into_iter::<serde::de::IgnoredAny>();
    while let Some(Ok(_)) = values.next() {
        let end = values.byte_offset();
        let Some(slice) = bytes.get(run.used..end) else {
            break;
        };
        let Ok(rec) = Record::<E>::from_line(slice) else {
            break;
        };
        if Some(rec.seq) != next_seq || rec.prev != prev {
            break;
        }
        let mut line = slice.to_vec();
        line.push(b'\n');
        prev = sha256_hex(&line);
        next_seq = rec.next_seq();
        run.lines.push((rec, line));
        run.used = end;
    }
    run
}

/// SHA-256 of bytes, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    // By hand rather than `hex::encode`, which builds the string a char at a time through an
    // iterator: this runs once per journal line when a case is verified.
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in Sha256::digest(bytes) {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::testing::Note;

    fn line() -> Vec<u8> {
        let rec = Record {
            seq: 3,
            ts: "2026-01-02T03:04:05+08:00".parse().expect("moment"),
            prev: GENESIS.to_string(),
            event: Note::NarrativeSet {
                text: "对方自称客服".to_string(),
            },
        };
        let mut l = rec.to_line().expect("encode");
        l.pop();
        l
    }

    #[test]
    fn only_the_canonical_form_is_a_record() {
        let good = line();
        assert_eq!(Record::<Note>::from_line(&good).expect("canonical").seq, 3);
        let text = String::from_utf8(good).expect("utf-8");
        let extra = text.replacen('{', "{\"x\":\"0000ffff\",", 1);
        let reordered = {
            let (seq, rest) = text.split_once(',').expect("fields");
            format!("{{{},{}}}", &rest[..rest.len() - 1], &seq[1..])
        };
        let spaced = text.replacen(':', ": ", 1);
        let escaped = text.replace("对", "\\u5bf9");
        let longer = format!("{text} ");
        for bad in [extra, reordered, spaced, escaped, longer] {
            assert!(
                matches!(
                    Record::<Note>::from_line(bad.as_bytes()),
                    Err(LineFault::NotCanonical)
                ),
                "{bad}"
            );
        }
        assert!(matches!(
            Record::<Note>::from_line(b"{\"seq\":1"),
            Err(LineFault::Unreadable(_))
        ));
    }
}
