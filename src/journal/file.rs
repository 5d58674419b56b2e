//! The journal file itself: creating, reading, appending under the lock, and repairing a
//! torn tail.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::error::JournalError;
use super::lines::{MAX_LINE, line_error, scan_lines};
use super::record::{GENESIS, Payload, Record, chained_run, sha256_hex};
use super::tail::BackLines;
use crate::durable;
use crate::moment::Moment;

/// The name of the journal file inside a case folder.
pub const JOURNAL_FILE: &str = "journal.jsonl";
/// The folder, inside a case folder, where torn tails are kept.
pub const QUARANTINE_DIR: &str = "quarantine";

/// Where the time stamped on each new line comes from: the system clock, or a fixed one in
/// tests.
pub type Clock = fn() -> Moment;

/// A case's journal file.
#[derive(Clone, Debug)]
pub struct Journal {
    dir: PathBuf,
    path: PathBuf,
    clock: Clock,
}

/// Complete lines read from some offset on.
#[derive(Debug)]
pub struct Batch<E> {
    /// The records, in order.
    pub records: Vec<Record<E>>,
    /// Offset just after the last complete line read; read from here next time.
    pub end: u64,
    /// SHA-256 of the last complete line read, if any line was read.
    pub head: Option<String>,
    /// Bytes after the last newline (an unfinished or torn line), not read.
    pub torn_bytes: u64,
    /// Those bytes when they are one complete record continuing the chain and only the final
    /// newline is missing (verify warns of it; the next write restores the newline, and the
    /// record keeps its seq). It is not in `records` and not counted in `end`: a later read
    /// from `end` gives it again, as a complete line once its newline is back.
    pub pending: Option<Pending<E>>,
}

/// A last record whose final newline is missing.
#[derive(Debug)]
pub struct Pending<E> {
    /// The record.
    pub record: Record<E>,
    /// The hash its line will have once the newline is restored: the head then.
    pub head: String,
}

impl<E> Batch<E> {
    /// No lines, read up to `end`.
    pub fn empty(end: u64) -> Batch<E> {
        Batch {
            records: Vec::new(),
            end,
            head: None,
            torn_bytes: 0,
            pending: None,
        }
    }
}

/// A torn tail that was moved out of the journal into quarantine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarantined {
    /// Where the bytes were kept.
    pub path: PathBuf,
    /// How many bytes.
    pub bytes: u64,
}

/// What was done to an unfinished end of the journal before an append.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TailRepair {
    /// Complete records at the end, continuing the chain, whose lost newline was restored
    /// (they keep their seq and their ids).
    pub restored: u64,
    /// The bytes that did not continue the chain, moved to quarantine.
    pub quarantined: Option<Quarantined>,
}

/// What a successful append wrote.
#[derive(Clone, Debug)]
pub struct Appended<E> {
    /// The record, now durable.
    pub record: Record<E>,
    /// SHA-256 of its line: the new head.
    pub head: String,
    /// Offset just after it.
    pub end: u64,
    /// Where the line started.
    pub start: u64,
    /// A torn tail found and quarantined before writing.
    pub repaired: Option<Quarantined>,
    /// Records at the end whose lost newline was restored before writing.
    pub restored: u64,
}

/// What the event builder of an append may look at, with the lock held.
pub struct AppendCtx<'a, F: Storage> {
    file: &'a mut F,
    path: &'a Path,
    len: u64,
    next_seq: u64,
}

/// Reads one complete line (without its newline) as a record, or says why it cannot.
fn parse_line<E: Payload>(
    bytes: &[u8],
    line: u64,
    offset: u64,
    where_: &str,
) -> Result<Record<E>, JournalError> {
    Record::from_line(bytes).map_err(|fault| line_error(fault, line, offset, where_))
}

impl<F: Storage> AppendCtx<'_, F> {
    /// The seq the new line will get.
    pub fn next_seq(&self) -> u64 {
        self.next_seq
    }

    /// Records written after `offset` (by this or another process), read under the lock.
    pub fn records_since<E: Payload>(&mut self, offset: u64) -> Result<Batch<E>, JournalError> {
        self.file
            .seek(SeekFrom::Start(offset))
            .map_err(|e| JournalError::io(self.path, e))?;
        let limited = (&mut *self.file).take(self.len.saturating_sub(offset));
        read_lines(limited, offset, self.path)
    }

    /// Walks the journal backwards and returns the first value `pick` finds.
    pub fn find_last<E: Payload, T>(
        &mut self,
        mut pick: impl FnMut(&Record<E>) -> Option<T>,
    ) -> Result<Option<T>, JournalError> {
        let path = self.path;
        let mut back = BackLines::new(&mut *self.file, self.len);
        let mut line_no_from_end = 0u64;
        while let Some((offset, line)) = back.next_line().map_err(|e| JournalError::io(path, e))? {
            line_no_from_end += 1;
            let where_ = format!(" ({line_no_from_end} from the end)");
            let rec = parse_line(&line, 0, offset, &where_)?;
            if let Some(v) = pick(&rec) {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }
}

/// The file operations an append needs; a trait so tests can inject short writes and a full
/// disk.
pub trait Storage: Read + Write + Seek {
    /// Truncates or extends the file.
    fn set_len(&mut self, len: u64) -> io::Result<()>;
    /// Flushes the file's data to the disk.
    fn sync_data(&mut self) -> io::Result<()>;
    /// The current length.
    fn len(&mut self) -> io::Result<u64>;
}

impl Storage for File {
    fn set_len(&mut self, len: u64) -> io::Result<()> {
        File::set_len(self, len)
    }
    fn sync_data(&mut self) -> io::Result<()> {
        File::sync_data(self)
    }
    fn len(&mut self) -> io::Result<u64> {
        Ok(self.metadata()?.len())
    }
}

impl Journal {
    /// The journal of the case folder `dir`, creating the folder (0700) and the file (0600)
    /// if they do not exist yet; a new file and its folder are fsynced.
    pub fn create(dir: &Path) -> Result<Journal, JournalError> {
        durable::private_dir(dir).map_err(|e| JournalError::io(dir, e))?;
        let j = Journal::at(dir);
        // `symlink_metadata`: a dangling link is not a missing journal (it would be followed).
        if std::fs::symlink_metadata(&j.path).is_err() {
            let f = durable::private_options()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&j.path)
                .map_err(|e| JournalError::io(&j.path, e))?;
            f.sync_all().map_err(|e| JournalError::io(&j.path, e))?;
            durable::sync_dir(dir).map_err(|e| JournalError::io(dir, e))?;
        }
        Ok(j)
    }

    /// The journal of `dir`, which may not exist yet (then it reads as empty).
    pub fn at(dir: &Path) -> Journal {
        Journal {
            dir: dir.to_path_buf(),
            path: dir.join(JOURNAL_FILE),
            clock: Moment::now,
        }
    }

    /// The same journal, stamping new lines with `clock` instead of the system clock.
    pub fn with_clock(mut self, clock: Clock) -> Journal {
        self.clock = clock;
        self
    }

    /// The clock that stamps new lines.
    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// The journal file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The case folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Reads complete lines from byte `offset` on. A missing file reads as empty. Does not
    /// take the lock (except on Windows, see `open_at`): a line still being written has no
    /// newline yet and is left for later.
    pub fn read_from<E: Payload>(&self, offset: u64) -> Result<Batch<E>, JournalError> {
        let mut records = Vec::new();
        let mut batch = self.fold_from(offset, |rec| records.push(rec))?;
        batch.records = records;
        Ok(batch)
    }

    /// Refuses a journal that is a link, a folder, a pipe or a device: it is never opened (a
    /// pipe would block, a link may point anywhere). A missing journal is fine.
    pub fn check_regular(&self) -> Result<(), JournalError> {
        match std::fs::symlink_metadata(&self.path) {
            Ok(m) if !m.file_type().is_file() => Err(JournalError::NotRegular {
                path: self.path.clone(),
            }),
            _ => Ok(()),
        }
    }

    /// The file opened for reading at `offset`; `None` when it does not exist yet.
    ///
    /// On Windows a lock is binding: no other handle may read bytes an appending writer has
    /// locked, so the reader waits for the shared lock (an append holds the lock for one
    /// line) and keeps it while it reads. Elsewhere readers take no lock.
    fn open_at(&self, offset: u64) -> Result<Option<File>, JournalError> {
        if cfg!(windows) {
            return match self.open_shared()? {
                Some(mut f) => {
                    f.seek(SeekFrom::Start(offset))
                        .map_err(|e| JournalError::io(&self.path, e))?;
                    Ok(Some(f))
                }
                None => Ok(None),
            };
        }
        self.check_regular()?;
        let mut f = match File::open(&self.path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(JournalError::io(&self.path, e)),
        };
        f.seek(SeekFrom::Start(offset))
            .map_err(|e| JournalError::io(&self.path, e))?;
        Ok(Some(f))
    }

    /// Like [`Journal::read_from`], but hands each record to `each` as it is read instead of
    /// collecting them, so folding a large journal never holds all its records at once. The
    /// returned batch has no records.
    pub fn fold_from<E: Payload>(
        &self,
        offset: u64,
        each: impl FnMut(Record<E>),
    ) -> Result<Batch<E>, JournalError> {
        let Some(f) = self.open_at(offset)? else {
            return Ok(Batch::empty(offset));
        };
        let (mut batch, after) = scan_lines(super::progress::Counted::new(f), offset, &self.path, each)?;
        if !after.tail.bytes.is_empty() {
            let chain = match after.chain {
                Some(chain) => chain,
                None => match self.open_at(0)? {
                    Some(mut f) => read_head::<File, E>(&mut f, &self.path, offset)?,
                    None => return Ok(batch),
                },
            };
            batch.pending = pending_record(&after.tail.bytes, chain);
        }
        Ok(batch)
    }

    /// The current length of the file (0 when missing): a cheap check for new lines.
    pub fn len(&self) -> u64 {
        std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0)
    }

    /// True when the file is missing or empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Opens the file for reading with a shared lock held (released when dropped), so no
    /// append is half-way while it is read.
    pub fn open_shared(&self) -> Result<Option<File>, JournalError> {
        self.check_regular()?;
        match File::open(&self.path) {
            Ok(f) => {
                f.lock_shared().map_err(|e| JournalError::io(&self.path, e))?;
                Ok(Some(f))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(JournalError::io(&self.path, e)),
        }
    }

    /// Appends one event built by `build` with the exclusive lock held; returns only once the
    /// line is on disk. `build` may refuse (its error is returned and nothing is written).
    /// The file is opened with `O_APPEND`, so appending works on an append-only journal
    /// (`chattr +a`); on Windows it is opened to write (see the body).
    pub fn append<P: Payload, E: From<JournalError>>(
        &self,
        build: impl FnOnce(&mut AppendCtx<'_, File>) -> Result<P, E>,
    ) -> Result<Appended<P>, E> {
        self.append_or_undo(build, || {})
    }

    /// Like [`Journal::append`]; when the append fails or `build` refuses, `undo` runs
    /// before the lock is released, so what `build` did beside the journal (files it put in
    /// the vault) can be taken back before any other writer sees it.
    pub fn append_or_undo<P: Payload, E: From<JournalError>>(
        &self,
        build: impl FnOnce(&mut AppendCtx<'_, File>) -> Result<P, E>,
        undo: impl FnOnce(),
    ) -> Result<Appended<P>, E> {
        self.check_regular()?;
        let mut o = OpenOptions::new();
        o.read(true);
        // Windows: a handle opened to append may not cut the file back (a torn tail, a failed
        // write), so it is opened to write; every write seeks to the end it read under the lock.
        if cfg!(windows) {
            o.write(true);
        } else {
            o.append(true);
        }
        let mut f = o.open(&self.path).map_err(|e| JournalError::io(&self.path, e))?;
        f.lock().map_err(|e| JournalError::io(&self.path, e))?;
        let result = append_locked(&mut f, &self.path, &self.dir, self.clock, build);
        if result.is_err() {
            undo();
        }
        let _ = f.unlock();
        result
    }
}

/// The append steps after the lock is taken; generic over the file for fault injection.
pub(crate) fn append_locked<F: Storage, P: Payload, E: From<JournalError>>(
    f: &mut F,
    path: &Path,
    dir: &Path,
    clock: Clock,
    build: impl FnOnce(&mut AppendCtx<'_, F>) -> Result<P, E>,
) -> Result<Appended<P>, E> {
    let repair = repair_tail::<F, P>(f, path, dir)?;
    let len = f.len().map_err(|e| JournalError::io(path, e))?;
    let (next_seq, prev) = read_head::<F, P>(f, path, len)?;
    let next_seq = next_seq.ok_or_else(|| JournalError::SeqExhausted {
        path: path.to_path_buf(),
    })?;
    let mut ctx = AppendCtx {
        file: &mut *f,
        path,
        len,
        next_seq,
    };
    let event = build(&mut ctx)?;
    let record = Record {
        seq: next_seq,
        ts: clock(),
        prev,
        event,
    };
    let line = record.to_line().map_err(JournalError::from)?;
    write_line(f, path, len, &line)?;
    Ok(Appended {
        head: sha256_hex(&line),
        end: len + line.len() as u64,
        start: len,
        record,
        repaired: repair.quarantined,
        restored: repair.restored,
    })
}

/// Writes one whole line at `len` (the end of the file) with a single `write_all`, then
/// `sync_data`. On any failure the file is cut back to `len` (and that is synced) before the
/// error is returned.
pub(crate) fn write_line<F: Storage>(
    f: &mut F,
    path: &Path,
    len: u64,
    line: &[u8],
) -> Result<(), JournalError> {
    let attempt = (|| {
        f.seek(SeekFrom::Start(len))?;
        f.write_all(line)?;
        f.sync_data()
    })();
    if let Err(e) = attempt {
        let _ = f.set_len(len).and_then(|_| f.sync_data());
        return Err(JournalError::io(path, e));
    }
    Ok(())
}

/// The next seq (`None` when the last seq is already the largest number) and the hash of the
/// last line, reading only the last line of the first `len` bytes.
fn read_head<F: Storage, P: Payload>(
    f: &mut F,
    path: &Path,
    len: u64,
) -> Result<(Option<u64>, String), JournalError> {
    let mut back = BackLines::new(f, len);
    match back.next_line().map_err(|e| JournalError::io(path, e))? {
        None => Ok((Some(0), GENESIS.to_string())),
        Some((offset, mut line)) => {
            let rec: Record<P> = parse_line(&line, 0, offset, " (the last line)")?;
            line.push(b'\n');
            Ok((rec.next_seq(), sha256_hex(&line)))
        }
    }
}

/// If the file does not end in a newline, repairs its end before anything is appended:
///
/// - complete records after the last newline that continue the chain (the line breaks were
///   lost, not the records) get their newlines back and keep their seq and ids; when only the
///   final newline is missing, that is one appended byte;
/// - whatever does not continue the chain (a write cut off half-way) is first copied into
///   `quarantine/torn-at-<offset>-<hash>.bin` (fsynced), then cut off.
///
/// Idempotent: the same torn bytes map to the same quarantine file. Cutting needs a file that
/// is not append-only; when it is, [`JournalError::AppendOnly`] says so and nothing is cut.
pub(crate) fn repair_tail<F: Storage, P: Payload>(
    f: &mut F,
    path: &Path,
    dir: &Path,
) -> Result<TailRepair, JournalError> {
    let io = |e| JournalError::io(path, e);
    let len = f.len().map_err(io)?;
    if len == 0 {
        return Ok(TailRepair::default());
    }
    let mut last = [0u8; 1];
    f.seek(SeekFrom::Start(len - 1)).map_err(io)?;
    f.read_exact(&mut last).map_err(io)?;
    if last[0] == b'\n' {
        return Ok(TailRepair::default());
    }
    // Find the start of the torn tail: just after the last newline, or 0.
    let mut start = len;
    let mut chunk = vec![0u8; 64 * 1024];
    let mut cut = 0;
    while start > 0 {
        let take = (chunk.len() as u64).min(start);
        start -= take;
        f.seek(SeekFrom::Start(start)).map_err(io)?;
        f.read_exact(&mut chunk[..take as usize]).map_err(io)?;
        if let Some(nl) = chunk[..take as usize].iter().rposition(|&b| b == b'\n') {
            cut = start + nl as u64 + 1;
            break;
        }
    }
    if len - cut > MAX_LINE as u64 {
        // Longer than any line leakaid writes: no record to restore in it. Streamed to
        // quarantine, never held in memory whole.
        let quarantined = quarantine_streamed(f, path, cut, len - cut, dir)?;
        cut_to(f, path, cut, len)?;
        f.sync_data().map_err(io)?;
        return Ok(TailRepair {
            restored: 0,
            quarantined: Some(quarantined),
        });
    }
    let mut torn = Vec::with_capacity((len - cut) as usize);
    f.seek(SeekFrom::Start(cut)).map_err(io)?;
    (&mut *f).take(len - cut).read_to_end(&mut torn).map_err(io)?;
    let (next_seq, prev) = read_head::<F, P>(f, path, cut)?;
    let run = chained_run::<P>(&torn, next_seq, &prev);
    let restored = run.lines.len() as u64;
    if restored == 1 && run.used == torn.len() {
        // Only the final newline is missing: put it back, nothing else changes.
        write_line(f, path, len, b"\n")?;
        return Ok(TailRepair {
            restored,
            quarantined: None,
        });
    }
    let quarantined = quarantine(&torn, cut, dir)?;
    let mut rebuilt = Vec::with_capacity(torn.len() + run.lines.len());
    for (_, line) in &run.lines {
        rebuilt.extend_from_slice(line);
    }
    cut_to(f, path, cut, len)?;
    if rebuilt.is_empty() {
        f.sync_data().map_err(io)?;
    } else if let Err(e) = write_line(f, path, cut, &rebuilt) {
        // Put the bytes back as they were (they are in quarantine too).
        let _ = write_line(f, path, cut, &torn);
        return Err(e);
    }
    Ok(TailRepair {
        restored,
        quarantined: Some(quarantined),
    })
}

/// Cuts the file (`len` bytes long) back to `cut`.
fn cut_to<F: Storage>(f: &mut F, path: &Path, cut: u64, len: u64) -> Result<(), JournalError> {
    f.set_len(cut).map_err(|e| match e.kind() {
        io::ErrorKind::PermissionDenied => JournalError::AppendOnly {
            path: path.to_path_buf(),
            bytes: len - cut,
        },
        _ => JournalError::io(path, e),
    })
}

/// The quarantine file for the torn bytes found at `cut` that hash to `hash`.
fn quarantine_path(dir: &Path, cut: u64, hash: &str) -> Result<PathBuf, JournalError> {
    let qdir = dir.join(QUARANTINE_DIR);
    durable::private_dir(&qdir).map_err(|e| JournalError::io(&qdir, e))?;
    Ok(qdir.join(format!("torn-at-{cut}-{}.bin", hash.get(..16).unwrap_or(hash))))
}

/// Keeps the `torn` bytes of the file from `cut` on in the quarantine folder, fsynced, read
/// twice (for their hash, which names the file, then to copy them) a block at a time.
fn quarantine_streamed<F: Storage>(
    f: &mut F,
    path: &Path,
    cut: u64,
    torn: u64,
    dir: &Path,
) -> Result<Quarantined, JournalError> {
    use sha2::Digest;
    let io = |e| JournalError::io(path, e);
    f.seek(SeekFrom::Start(cut)).map_err(io)?;
    let mut hasher = sha2::Sha256::new();
    io::copy(&mut (&mut *f).take(torn), &mut hasher).map_err(io)?;
    let hash: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    let qpath = quarantine_path(dir, cut, &hash)?;
    if std::fs::metadata(&qpath).map(|m| m.len()).ok() != Some(torn) {
        f.seek(SeekFrom::Start(cut)).map_err(io)?;
        durable::write_file_with(&qpath, durable::Replace::Yes, |out| {
            let copied = io::copy(&mut (&mut *f).take(torn), out)?;
            if copied == torn {
                Ok(())
            } else {
                Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the journal got shorter",
                ))
            }
        })
        .map_err(|e| JournalError::io(&qpath, e))?;
    }
    Ok(Quarantined {
        path: qpath,
        bytes: torn,
    })
}

/// Keeps the torn bytes found at `cut` in the quarantine folder, fsynced.
fn quarantine(torn: &[u8], cut: u64, dir: &Path) -> Result<Quarantined, JournalError> {
    let qpath = quarantine_path(dir, cut, &sha256_hex(torn))?;
    if std::fs::metadata(&qpath).map(|m| m.len()).ok() != Some(torn.len() as u64) {
        durable::write_replacing(&qpath, torn).map_err(|e| JournalError::io(&qpath, e))?;
    }
    Ok(Quarantined {
        path: qpath,
        bytes: torn.len() as u64,
    })
}

/// Reads complete lines from a reader positioned at `offset`.
fn read_lines<R: Read, E: Payload>(r: R, offset: u64, path: &Path) -> Result<Batch<E>, JournalError> {
    let mut records = Vec::new();
    let (mut batch, _) = scan_lines(r, offset, path, |rec| records.push(rec))?;
    batch.records = records;
    Ok(batch)
}

/// `tail` as the one record that continues the chain at (`next_seq`, `prev`), when it is
/// exactly that: a complete record whose final newline is missing.
fn pending_record<E: Payload>(tail: &[u8], (next_seq, prev): (Option<u64>, String)) -> Option<Pending<E>> {
    let mut run = chained_run::<E>(tail, next_seq, &prev);
    if run.lines.len() != 1 || run.used != tail.len() {
        return None;
    }
    let (record, line) = run.lines.pop()?;
    Some(Pending {
        record,
        head: sha256_hex(&line),
    })
}
