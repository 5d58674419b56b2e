//! Reading a journal's complete lines as records, fast: the file is read on the calling
//! thread in blocks of whole lines, the lines of each block are parsed (and checked to be in
//! the canonical form) on worker threads, and the records are handed back on the calling
//! thread in file order. What comes out is exactly what reading one line after another gives:
//! the same records in the same order, and at a bad line the records before it, then the same
//! error with the same line number and offset.

use std::io::{self, Read};
use std::path::Path;
use std::sync::mpsc;

use super::error::JournalError;
use super::file::Batch;
use super::record::{LineFault, Payload, Record, sha256_hex};

/// Bytes read at a time (a block is this long, give or take the end of its last line).
pub(crate) const BLOCK: usize = 256 * 1024;

/// The longest line a journal is read with. leakaid's own longest line (an entry with every
/// field at its length limit) is about 1.5 MB; a longer line is damage, and is never held in
/// memory whole: an unterminated one at the end is a torn tail of that length, and a
/// terminated one reads as a damaged line.
pub(crate) const MAX_LINE: usize = 16 * 1024 * 1024;

/// Blocks parsed ahead of the one being handed over, per worker: bounds what is held at once.
const AHEAD_PER_WORKER: usize = 2;

/// Fewer bytes than any record's line takes (its `prev` alone is 64): room for the records
/// of a block is made from its length.
const SHORTEST_LINE: usize = 100;

/// The lines of one block, parsed.
struct Parsed<E> {
    /// The records of the lines before the first bad one (all of them when none is bad).
    records: Vec<Record<E>>,
    /// The first bad line: its index in the block, its offset in the block, and why.
    fault: Option<(u64, u64, LineFault)>,
    /// How many lines the block holds.
    lines: u64,
    /// The block itself (its last line is the head when it is the last block).
    bytes: Vec<u8>,
}

/// Parses the lines of `bytes`, which ends in a newline, stopping at the first bad one.
fn parse_block<E: Payload>(bytes: Vec<u8>) -> Parsed<E> {
    let mut records = Vec::with_capacity(bytes.len() / SHORTEST_LINE);
    let mut fault = None;
    let mut start = 0usize;
    let mut lines = 0u64;
    for end in memchr::memchr_iter(b'\n', &bytes) {
        let line = bytes.get(start..end).unwrap_or_default();
        if fault.is_none() {
            match Record::from_line(line) {
                Ok(rec) => records.push(rec),
                Err(f) => fault = Some((lines, start as u64, f)),
            }
        }
        lines += 1;
        start = end + 1;
    }
    Parsed {
        records,
        fault,
        lines,
        bytes,
    }
}

/// The error for a line that is not a record: line `line` (1-based; 0 when unknown) at byte
/// `offset`, `where_` added to the parser's words.
pub(crate) fn line_error(fault: LineFault, line: u64, offset: u64, where_: &str) -> JournalError {
    match fault {
        LineFault::Unreadable(e) => JournalError::Damaged {
            line,
            offset,
            detail: format!("{e}{where_}"),
        },
        LineFault::NotCanonical => JournalError::NotCanonical { offset },
    }
}

/// Reads blocks of whole lines from a reader.
pub(super) struct Blocks<R> {
    r: R,
    /// The start of a line that did not fit in the last block.
    carry: Vec<u8>,
    /// Bytes after the last newline, once the end is reached.
    torn: u64,
    done: bool,
    block: usize,
    /// Bytes handed out in blocks so far (where `carry` starts).
    pos: u64,
    max_line: usize,
}

/// The bytes after a journal's last newline.
pub(crate) struct Tail {
    /// How many.
    pub len: u64,
    /// The bytes themselves; empty when they are longer than any line leakaid writes (they
    /// were counted, not kept).
    pub bytes: Vec<u8>,
}

/// A line longer than [`MAX_LINE`] that ends in a newline: it is not read.
#[derive(Debug)]
pub(crate) struct LineTooLong {
    /// Where it starts, from the reader's start.
    pub offset: u64,
    /// Its length, newline included.
    pub len: u64,
}

impl std::fmt::Display for LineTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "a line of {} bytes, longer than any line leakaid writes",
            self.len
        )
    }
}

impl std::error::Error for LineTooLong {}

/// The line too long inside an I/O error from [`Blocks`], if that is what it is.
pub(crate) fn too_long(e: &io::Error) -> Option<&LineTooLong> {
    e.get_ref().and_then(|inner| inner.downcast_ref::<LineTooLong>())
}

impl<R: Read> Blocks<R> {
    /// Blocks of about `block` bytes of whole lines from `r`.
    pub(super) fn new(r: R, block: usize) -> Blocks<R> {
        Blocks {
            r,
            carry: Vec::new(),
            torn: 0,
            done: false,
            block: block.max(1),
            pos: 0,
            max_line: MAX_LINE,
        }
    }

    /// The same, with lines longer than `max_line` not held (tests use a small one).
    pub(super) fn with_max_line(mut self, max_line: usize) -> Blocks<R> {
        self.max_line = max_line;
        self
    }

    /// The bytes after the last newline (an unterminated last line), once the end is reached.
    pub(super) fn into_tail(self) -> Tail {
        Tail {
            len: self.torn,
            bytes: self.carry,
        }
    }

    /// Reads on past a line longer than `max_line` whose first `seen` bytes were read (and
    /// dropped), holding none of it: to its end (an error naming it) or to the end of the
    /// file (a torn tail of that length, its bytes not kept).
    fn skip_long_line(&mut self, seen: u64) -> io::Result<Option<Vec<u8>>> {
        let mut len = seen;
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            let n = match self.r.read(&mut chunk) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if n == 0 {
                self.torn = len;
                self.carry = Vec::new();
                self.done = true;
                return Ok(None);
            }
            let got = chunk.get(..n).unwrap_or_default();
            if let Some(nl) = memchr::memchr(b'\n', got) {
                self.done = true;
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    LineTooLong {
                        offset: self.pos,
                        len: len + nl as u64 + 1,
                    },
                ));
            }
            len += n as u64;
        }
    }

    /// The next block of whole lines (ending in a newline); `None` at the end.
    pub(super) fn next_block(&mut self) -> io::Result<Option<Vec<u8>>> {
        if self.done {
            return Ok(None);
        }
        let mut buf = std::mem::take(&mut self.carry);
        loop {
            let want = self.block.max(buf.len());
            let before = buf.len();
            // Room for the block at once, not grown a step at a time as it is read.
            buf.reserve(want.min(4 * BLOCK));
            (&mut self.r).take(want as u64).read_to_end(&mut buf)?;
            let at_end = buf.len() - before < want;
            match memchr::memrchr(b'\n', &buf) {
                Some(nl) => {
                    self.carry = buf.split_off(nl + 1);
                    self.pos += buf.len() as u64;
                    if at_end {
                        self.torn = self.carry.len() as u64;
                        self.done = true;
                    }
                    return Ok(Some(buf));
                }
                None if at_end => {
                    self.torn = buf.len() as u64;
                    self.carry = buf;
                    self.done = true;
                    return Ok(None);
                }
                // Longer than any line leakaid writes: damage, never held whole.
                None if buf.len() > self.max_line => {
                    let seen = buf.len() as u64;
                    drop(buf);
                    return self.skip_long_line(seen);
                }
                // A line longer than a block: read on until it ends.
                None => {}
            }
        }
    }
}

/// Hands parsed blocks to `each` in order and keeps count of lines and bytes.
struct Folder<F, E> {
    each: F,
    batch: Batch<E>,
    lines: u64,
    last: Vec<u8>,
    /// The seq after the last record handed over (`None` inside: there is none).
    next_seq: Option<Option<u64>>,
}

impl<E: Payload, F: FnMut(Record<E>)> Folder<F, E> {
    fn take(&mut self, p: Parsed<E>) -> Result<(), JournalError> {
        for rec in p.records {
            self.next_seq = Some(rec.next_seq());
            (self.each)(rec);
        }
        if let Some((index, at, fault)) = p.fault {
            return Err(line_error(fault, self.lines + index + 1, self.batch.end + at, ""));
        }
        self.lines += p.lines;
        self.batch.end += p.bytes.len() as u64;
        self.last = p.bytes;
        Ok(())
    }

    fn finish(mut self, torn: u64) -> Batch<E> {
        self.batch.torn_bytes = torn;
        if self.lines > 0 {
            let body = self.last.len().saturating_sub(1);
            let start =
                memchr::memrchr(b'\n', self.last.get(..body).unwrap_or_default()).map_or(0, |nl| nl + 1);
            self.batch.head = Some(sha256_hex(self.last.get(start..).unwrap_or_default()));
        }
        self.batch
    }
}

/// How many threads parse: one per core, at most 8.
pub(super) fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// Reads complete lines from a reader positioned at `offset`, handing each record to `each`
/// in order (the returned batch holds no records). A journal of one block is read on this
/// thread; a larger one is parsed on one worker per core.
pub(crate) fn scan_lines<R: Read, E: Payload>(
    r: R,
    offset: u64,
    path: &Path,
    each: impl FnMut(Record<E>),
) -> Result<(Batch<E>, After), JournalError> {
    scan_with_tail(r, offset, path, BLOCK, workers(), each)
}

/// [`scan_lines`] with the block size and the number of workers given.
#[cfg(test)]
pub(crate) fn scan_in_blocks<R: Read, E: Payload>(
    r: R,
    offset: u64,
    path: &Path,
    block: usize,
    workers: usize,
    each: impl FnMut(Record<E>),
) -> Result<Batch<E>, JournalError> {
    scan_with_tail(r, offset, path, block, workers, each).map(|(batch, _)| batch)
}

/// What follows the last complete line a scan read: its bytes (see [`Tail`]) and, when the
/// scan read a line, where the chain stands after it (the next seq and the last line's hash).
pub(crate) struct After {
    /// The bytes after the last newline.
    pub tail: Tail,
    /// The next seq and the head, when a line was read.
    pub chain: Option<(Option<u64>, String)>,
}

/// [`scan_in_blocks`], also returning what follows the last complete line.
pub(crate) fn scan_with_tail<R: Read, E: Payload>(
    r: R,
    offset: u64,
    path: &Path,
    block: usize,
    workers: usize,
    each: impl FnMut(Record<E>),
) -> Result<(Batch<E>, After), JournalError> {
    let io_err = |e: io::Error| match too_long(&e) {
        Some(long) => JournalError::Damaged {
            line: 0,
            offset: offset + long.offset,
            detail: long.to_string(),
        },
        None => JournalError::io(path, e),
    };
    let mut blocks = Blocks::new(r, block);
    let mut folder = Folder {
        each,
        batch: Batch::empty(offset),
        lines: 0,
        last: Vec::new(),
        next_seq: None,
    };
    in_file_order(&mut blocks, workers, parse_block::<E>, |p| folder.take(p), io_err)?;
    let next_seq = folder.next_seq;
    let batch = folder.finish(blocks.torn);
    let chain = next_seq.zip(batch.head.clone());
    let tail = blocks.into_tail();
    Ok((batch, After { tail, chain }))
}

/// Runs `work` on every block `blocks` reads — on `workers` threads, or on this one when the
/// journal is one block or there is one core — and hands each result to `take` in file order.
/// Block `n` goes to worker `n % workers`, so each worker's results come back in order; at
/// most [`AHEAD_PER_WORKER`] blocks per worker are out at once. The one worker pool of the
/// journal's readers (loading and verifying).
pub(super) fn in_file_order<R: Read, T: Send, E>(
    blocks: &mut Blocks<R>,
    workers: usize,
    work: fn(Vec<u8>) -> T,
    mut take: impl FnMut(T) -> Result<(), E>,
    io_err: impl Fn(io::Error) -> E,
) -> Result<(), E> {
    let first = blocks.next_block().map_err(&io_err)?;
    if blocks.done || workers < 2 {
        // One block (or one core): no thread is worth starting.
        let mut next = first;
        while let Some(bytes) = next {
            take(work(bytes))?;
            next = blocks.next_block().map_err(&io_err)?;
        }
        return Ok(());
    }
    std::thread::scope(|s| {
        let mut inputs = Vec::with_capacity(workers);
        let mut outputs = Vec::with_capacity(workers);
        for _ in 0..workers {
            let (to_worker, todo) = mpsc::channel::<Vec<u8>>();
            let (done, from_worker) = mpsc::channel::<T>();
            s.spawn(move || {
                for bytes in todo {
                    if done.send(work(bytes)).is_err() {
                        break;
                    }
                }
            });
            inputs.push(to_worker);
            outputs.push(from_worker);
        }
        let lost = || io_err(io::Error::other("a journal reader thread stopped"));
        let (mut sent, mut taken) = (0usize, 0usize);
        // Hands over the oldest block still out, once its worker is done with it.
        let mut take_oldest = |taken: &mut usize| -> Result<(), E> {
            let result = outputs
                .get(*taken % workers)
                .and_then(|w| w.recv().ok())
                .ok_or_else(lost)?;
            *taken += 1;
            take(result)
        };
        let mut next = first;
        // A read that fails (or a line too long) is reported after the blocks before it.
        let mut failed = None;
        while let Some(bytes) = next {
            inputs
                .get(sent % workers)
                .and_then(|w| w.send(bytes).ok())
                .ok_or_else(lost)?;
            sent += 1;
            while sent - taken >= workers * AHEAD_PER_WORKER {
                take_oldest(&mut taken)?;
            }
            next = blocks.next_block().unwrap_or_else(|e| {
                failed = Some(e);
                None
            });
        }
        drop(inputs);
        while taken < sent {
            take_oldest(&mut taken)?;
        }
        failed.map_or(Ok(()), |e| Err(io_err(e)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::GENESIS;
    use crate::journal::testing::Note;

    /// `n` canonical lines of varied length.
    fn journal(n: u64) -> Vec<u8> {
        let mut out = Vec::new();
        for seq in 0..n {
            let rec = Record {
                seq,
                ts: "2026-01-02T03:04:05+08:00".parse().expect("moment"),
                prev: GENESIS.to_string(),
                event: Note::NarrativeSet {
                    text: "对方自称客服".repeat(1 + (seq as usize * 7) % 40),
                },
            };
            out.extend(rec.to_line().expect("line"));
        }
        out
    }

    type Scanned = (Vec<u64>, Result<Batch<Note>, JournalError>);

    fn scan(bytes: &[u8], block: usize, workers: usize) -> Scanned {
        let mut seqs = Vec::new();
        let got = scan_in_blocks(bytes, 100, Path::new("j"), block, workers, |r: Record<Note>| {
            seqs.push(r.seq)
        });
        (seqs, got)
    }

    fn same(a: &Scanned, b: &Scanned) -> bool {
        let batch = |r: &Result<Batch<Note>, JournalError>| match r {
            Ok(b) => format!("{:?} {:?} {:?}", b.end, b.head, b.torn_bytes),
            Err(e) => format!("{e:?}"),
        };
        a.0 == b.0 && batch(&a.1) == batch(&b.1)
    }

    #[test]
    fn blocks_on_workers_read_as_one_line_after_another() {
        let good = journal(300);
        let mut torn = good.clone();
        torn.extend_from_slice(b"{\"seq\":300,\"ts\":\"20");
        let mut bad = good.clone();
        let at = bad.len() / 2;
        let nl = at + bad[at..].iter().position(|&b| b == b'\n').expect("line");
        bad[nl + 3] = b'X';
        let mut not_canonical = good.clone();
        not_canonical.splice(nl + 1..nl + 2, *b"{ ");
        let mut empty_line = good.clone();
        empty_line.insert(nl + 1, b'\n');
        for bytes in [
            good,
            torn,
            bad,
            not_canonical,
            empty_line,
            Vec::new(),
            b"x".to_vec(),
        ] {
            let one_by_one = scan(&bytes, usize::MAX, 1);
            for (block, workers) in [(1, 2), (100, 2), (4096, 3), (1 << 20, 2), (700, 1)] {
                let blocks = scan(&bytes, block, workers);
                assert!(same(&one_by_one, &blocks), "block {block}, {workers} workers");
            }
        }
        let (seqs, batch) = scan(&journal(300), 1000, 2);
        assert_eq!(seqs, (0..300).collect::<Vec<_>>());
        let whole = journal(300);
        let batch = batch.expect("reads");
        assert_eq!(batch.end, 100 + whole.len() as u64);
        let last = whole[..whole.len() - 1]
            .iter()
            .rposition(|&b| b == b'\n')
            .expect("lines");
        assert_eq!(batch.head, Some(sha256_hex(&whole[last + 1..])));
    }

    #[test]
    fn a_bad_line_in_a_later_block_is_reported_after_the_records_before_it() {
        let mut bytes = journal(200);
        let lines: Vec<usize> = bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .map(|(i, _)| i)
            .collect();
        // Line 151 (seq 150) loses a quote: unreadable.
        let start = lines[149] + 1;
        bytes.remove(start + 1);
        let (seqs, got) = scan(&bytes, 2048, 2);
        assert_eq!(seqs, (0..150).collect::<Vec<_>>());
        assert!(
            matches!(got, Err(JournalError::Damaged { line: 151, offset, .. }) if offset == 100 + start as u64),
            "{got:?}"
        );
    }
}
