//! One journal line: the sequence number, when it was recorded, the hash of the line before,
//! and the event.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::case::event::EventBody;
use crate::case::moment::Moment;

/// The `prev` of the first line: 64 zeros.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One line of `journal.jsonl`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Position in the journal, from 0, without gaps.
    pub seq: u64,
    /// When the line was written, with the UTC offset.
    pub ts: Moment,
    /// SHA-256 (hex) of the previous line's exact bytes, newline included.
    pub prev: String,
    /// What happened.
    pub event: EventBody,
}

impl Record {
    /// The exact bytes of the line: compact JSON and one `\n`.
    pub fn to_line(&self) -> Result<Vec<u8>, serde_json::Error> {
        let mut line = serde_json::to_vec(self)?;
        line.push(b'\n');
        Ok(line)
    }
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
