//! The complete lines of a journal, each hashed and read on worker threads (one per core) and
//! handed back on the calling thread in file order: what the chain check walks. Each line's
//! hash and reading depend on its own bytes only, so what comes out is exactly what reading
//! one line after another gives; the chain itself (seq, `prev`, times) is checked in order by
//! the caller.

use std::io::{self, Read};

use super::lines::{BLOCK, Blocks, MAX_LINE, Tail, in_file_order, workers};
use super::record::{LineFault, Payload, Record, sha256_hex};

/// One complete line of the journal.
pub(crate) struct HashedLine<E> {
    /// Its length in bytes, newline included.
    pub len: usize,
    /// SHA-256 (hex) of its bytes, newline included.
    pub hash: String,
    /// The record it holds, or why it holds none.
    pub read: Result<Record<E>, LineFault>,
}

/// Hashes and reads every line of `bytes`, which ends in a newline.
fn hash_block<E: Payload>(bytes: &[u8]) -> Vec<HashedLine<E>> {
    let mut out = Vec::new();
    let mut start = 0usize;
    for end in memchr::memchr_iter(b'\n', bytes) {
        let with_newline = bytes.get(start..=end).unwrap_or_default();
        let line = bytes.get(start..end).unwrap_or_default();
        out.push(HashedLine {
            len: with_newline.len(),
            hash: sha256_hex(with_newline),
            read: Record::from_line(line),
        });
        start = end + 1;
    }
    out
}

/// Hands every complete line of `r` to `each`, in file order, and returns the bytes after the
/// last newline (an unterminated last line; none when the file ends in a newline; counted but
/// not kept when longer than any line leakaid writes). A journal
/// of one block, or a computer with one core, is read on this thread.
pub(crate) fn hashed_lines<R: Read, E: Payload>(r: R, each: impl FnMut(HashedLine<E>)) -> io::Result<Tail> {
    hashed_lines_in(r, BLOCK, workers(), MAX_LINE, each)
}

/// [`hashed_lines`] with the block size, the number of workers and the longest line given.
pub(crate) fn hashed_lines_in<R: Read, E: Payload>(
    r: R,
    block: usize,
    workers: usize,
    max_line: usize,
    mut each: impl FnMut(HashedLine<E>),
) -> io::Result<Tail> {
    let mut blocks = Blocks::new(r, block).with_max_line(max_line);
    in_file_order(
        &mut blocks,
        workers,
        |bytes| hash_block::<E>(&bytes),
        |lines| {
            lines.into_iter().for_each(&mut each);
            Ok(())
        },
        |e| e,
    )?;
    Ok(blocks.into_tail())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::testing::Note;

    /// Hash, reading and tail of every line, as strings to compare.
    fn walk(bytes: &[u8], block: usize, workers: usize) -> (Vec<String>, Vec<u8>) {
        let mut seen = Vec::new();
        let tail = hashed_lines_in::<_, Note>(bytes, block, workers, MAX_LINE, |l| {
            let read = match l.read {
                Ok(r) => format!("seq {}", r.seq),
                Err(LineFault::NotCanonical) => "not canonical".to_string(),
                Err(LineFault::Unreadable(e)) => format!("unreadable: {e}"),
            };
            seen.push(format!("{} {} {read}", l.len, l.hash));
        })
        .map(|t| t.bytes)
        .unwrap_or_else(|e| format!("<error> {e}").into_bytes());
        (seen, tail)
    }

    /// What reading one line after another gives.
    fn one_by_one(bytes: &[u8]) -> (Vec<String>, Vec<u8>) {
        let mut seen = Vec::new();
        let mut rest = bytes;
        while let Some(nl) = memchr::memchr(b'\n', rest) {
            let (line, after) = rest.split_at(nl + 1);
            let read = match Record::<Note>::from_line(&line[..nl]) {
                Ok(r) => format!("seq {}", r.seq),
                Err(LineFault::NotCanonical) => "not canonical".to_string(),
                Err(LineFault::Unreadable(e)) => format!("unreadable: {e}"),
            };
            seen.push(format!("{} {} {read}", line.len(), sha256_hex(line)));
            rest = after;
        }
        (seen, rest.to_vec())
    }

    fn journal(n: u64) -> Vec<u8> {
        let mut out = Vec::new();
        let mut prev = crate::journal::GENESIS.to_string();
        for seq in 0..n {
            let rec = Record {
                seq,
                ts: "2026-11-29T14:05:00+08:00"
                    .parse()
                    .unwrap_or_else(|_| crate::moment::Moment::now()),
                prev: prev.clone(),
                event: Note::NarrativeSet {
                    text: format!("第 {seq} 条"),
                },
            };
            let line = rec.to_line().unwrap_or_default();
            prev = sha256_hex(&line);
            out.extend_from_slice(&line);
        }
        out
    }

    #[test]
    fn lines_on_workers_come_back_as_read_one_after_another() {
        let mut bytes = journal(300);
        // A line that is not JSON, one that is not canonical, and a torn tail.
        bytes.extend_from_slice(b"not a record\n");
        let good = journal(1);
        let spaced = String::from_utf8_lossy(&good).replacen("{\"seq\":0", "{ \"seq\":0", 1);
        bytes.extend_from_slice(spaced.as_bytes());
        bytes.extend_from_slice(&journal(5));
        bytes.extend_from_slice(b"{\"seq\":5,\"ts\"");
        let expected = one_by_one(&bytes);
        assert_eq!(expected.0.len(), 307);
        assert!(expected.0.iter().any(|l| l.ends_with("not canonical")));
        assert!(expected.0.iter().any(|l| l.contains("unreadable")));
        for (block, workers) in [(1, 2), (97, 2), (4096, 3), (1 << 20, 2), (300, 1)] {
            assert_eq!(
                walk(&bytes, block, workers),
                expected,
                "block {block}, {workers} workers"
            );
        }
    }

    #[test]
    fn a_file_without_any_newline_is_all_tail() {
        let (lines, tail) = walk(b"{\"seq\":0", 4, 2);
        assert!(lines.is_empty());
        assert_eq!(tail, b"{\"seq\":0");
        assert_eq!(walk(b"", 4, 2), (Vec::new(), Vec::new()));
    }

    #[test]
    fn a_line_longer_than_the_cap_is_never_held() {
        let good = journal(20);
        let mut torn = good.clone();
        torn.extend(std::iter::repeat_n(b'x', 5000));
        for workers in [1, 2] {
            let tail = hashed_lines_in::<_, Note>(&torn[..], 512, workers, 1000, |_| {}).expect("reads");
            assert_eq!(tail.len, 5000);
            assert!(tail.bytes.is_empty(), "counted, not kept");
        }
        let mut terminated = torn.clone();
        terminated.push(b'\n');
        terminated.extend_from_slice(&good);
        let mut seen = 0;
        let err = hashed_lines_in::<_, Note>(&terminated[..], 512, 2, 1000, |_| seen += 1)
            .err()
            .expect("refused");
        let long = super::super::lines::too_long(&err).expect("too long");
        assert_eq!((long.offset, long.len), (good.len() as u64, 5001));
        assert_eq!(seen, 20, "the lines before it are read");
        // Under the cap, the tail is kept as it was.
        let tail = hashed_lines_in::<_, Note>(&torn[..], 512, 2, 10_000, |_| {}).expect("reads");
        assert_eq!(tail.bytes.len(), 5000);
    }
}
