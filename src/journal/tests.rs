//! Journal unit tests: appending, chaining, torn tails and write failures.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

use super::file::{Storage, append_locked, repair_tail};
use super::testing::Note;
use super::verify::{Audit, ChainProblem, ChainWarning, PrintedFingerprint};
use super::*;

fn note(text: &str) -> Note {
    Note::NarrativeSet {
        text: text.to_string(),
    }
}

fn append(j: &Journal, text: &str) -> Appended<Note> {
    j.append(|_| Ok::<_, JournalError>(note(text))).expect("append")
}

#[test]
fn lines_chain_by_hash_and_count_from_zero() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    let a = append(&j, "一");
    let b = append(&j, "二");
    assert_eq!((a.record.seq, b.record.seq), (0, 1));
    assert_eq!(a.record.prev, GENESIS);
    assert_eq!(b.record.prev, a.head);
    let batch = j.read_from::<Note>(0).expect("read");
    assert_eq!(batch.records.len(), 2);
    assert_eq!(batch.head.as_deref(), Some(b.head.as_str()));
    let bytes = std::fs::read(j.path()).expect("read file");
    let last_line = bytes.split_inclusive(|&c| c == b'\n').next_back().expect("line");
    assert_eq!(
        sha256_hex(last_line),
        b.head,
        "head = sha256 of the last line, newline included"
    );
}

#[test]
fn files_and_folders_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let case = dir.path().join("案件");
    let j = Journal::create(&case).expect("create");
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&case), 0o700);
    assert_eq!(mode(j.path()), 0o600);
}

#[test]
fn a_torn_tail_is_quarantined_once_then_cut() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    append(&j, "kept");
    let mut f = OpenOptions::new().append(true).open(j.path()).expect("open");
    f.write_all(b"{\"seq\":1,\"ts\":\"2026-").expect("write torn");
    drop(f);
    assert_eq!(j.read_from::<Note>(0).expect("read").torn_bytes, 20);

    let mut f = OpenOptions::new()
        .read(true)
        .write(true)
        .open(j.path())
        .expect("open");
    let q = repair_tail::<_, Note>(&mut f, j.path(), dir.path())
        .expect("repair")
        .quarantined
        .expect("was torn");
    assert_eq!(q.bytes, 20);
    assert_eq!(
        std::fs::read(&q.path).expect("quarantine"),
        b"{\"seq\":1,\"ts\":\"2026-"
    );
    assert_eq!(
        repair_tail::<_, Note>(&mut f, j.path(), dir.path()).expect("again"),
        TailRepair::default(),
        "idempotent"
    );

    let next = append(&j, "after");
    assert_eq!(next.record.seq, 1);
    assert_eq!(j.read_from::<Note>(0).expect("read").records.len(), 2);
}

#[test]
fn a_torn_first_line_is_cut_to_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    std::fs::write(j.path(), b"{\"seq\":0").expect("write");
    let a = append(&j, "fresh");
    assert_eq!(a.record.seq, 0);
    assert!(a.repaired.is_some());
}

/// A file that accepts `budget` bytes, then fails every write like a full disk.
struct Faulty {
    file: File,
    budget: usize,
    fail_sync: bool,
    /// When the budget is spent, report 0 bytes written instead of an error.
    zero_writes: bool,
}

impl Read for Faulty {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.file.read(buf)
    }
}
impl Seek for Faulty {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.file.seek(pos)
    }
}
impl Write for Faulty {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.budget == 0 && self.zero_writes {
            return Ok(0);
        }
        if self.budget == 0 {
            return Err(io::Error::from(io::ErrorKind::StorageFull));
        }
        let n = buf.len().min(self.budget);
        self.budget -= n;
        self.file.write(&buf[..n])
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}
impl Storage for Faulty {
    fn set_len(&mut self, len: u64) -> io::Result<()> {
        self.file.set_len(len)
    }
    fn sync_data(&mut self) -> io::Result<()> {
        if self.fail_sync {
            self.fail_sync = false;
            return Err(io::Error::other("fsync failed"));
        }
        self.file.sync_data()
    }
    fn len(&mut self) -> io::Result<u64> {
        Ok(self.file.metadata()?.len())
    }
}

fn faulty_append(j: &Journal, budget: usize, fail_sync: bool) -> Result<Appended<Note>, JournalError> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .open(j.path())
        .expect("open");
    let mut f = Faulty {
        file,
        budget,
        fail_sync,
        zero_writes: false,
    };
    append_locked(&mut f, j.path(), j.dir(), crate::moment::Moment::now, |_| {
        Ok::<_, JournalError>(note("这一条写不进去"))
    })
}

#[test]
fn a_full_disk_mid_line_rolls_back_and_reports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    append(&j, "before");
    let before = std::fs::read(j.path()).expect("read");
    for budget in [0, 1, 17, 40] {
        let err = faulty_append(&j, budget, false).expect_err("must fail");
        assert!(matches!(err, JournalError::DiskFull { .. }), "{err:?}");
        assert_eq!(
            std::fs::read(j.path()).expect("read"),
            before,
            "budget {budget}: unchanged"
        );
    }
    let after = append(&j, "after");
    assert_eq!(after.record.seq, 1);
}

#[test]
fn a_failed_fsync_rolls_back_and_reports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    append(&j, "before");
    let before = std::fs::read(j.path()).expect("read");
    let err = faulty_append(&j, usize::MAX, true).expect_err("must fail");
    assert!(matches!(err, JournalError::Io { .. }));
    assert_eq!(std::fs::read(j.path()).expect("read"), before);
}

#[test]
fn the_builder_can_refuse_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    let r: Result<Appended<Note>, JournalError> =
        j.append(|_| Err(JournalError::Encode(serde::de::Error::custom("no"))));
    assert!(r.is_err());
    assert_eq!(j.len(), 0);
}

#[test]
fn find_last_walks_backwards() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    for t in ["a", "b", "c"] {
        append(&j, t);
    }
    let found = j
        .append(|ctx| {
            let last = ctx.find_last(|r| match &r.event {
                Note::NarrativeSet { text } if text != "c" => Some(text.clone()),
                _ => None,
            })?;
            Ok::<_, JournalError>(note(&last.unwrap_or_default()))
        })
        .expect("append");
    assert_eq!(found.record.event, note("b"));
}

/// What a chain check told its audit.
#[derive(Debug, Default)]
struct Checked {
    fingerprint: Fingerprint,
    problems: Vec<ChainProblem>,
    warnings: Vec<ChainWarning>,
}

impl Checked {
    fn is_intact(&self) -> bool {
        self.problems.is_empty()
    }
}

impl Audit<Note> for Checked {
    fn problem(&mut self, problem: ChainProblem) {
        self.problems.push(problem);
    }
    fn warning(&mut self, warning: ChainWarning) {
        self.warnings.push(warning);
    }
    fn record(&mut self, _: Record<Note>) {}
}

fn check(j: &Journal, earlier: Option<&PrintedFingerprint>) -> Checked {
    let mut checked = Checked::default();
    checked.fingerprint = verify::check_chain(j, earlier, &mut checked)
        .expect("verify")
        .fingerprint;
    checked.warnings.extend(verify::quarantined(j));
    checked
}

fn verify_dir(dir: &Path) -> Checked {
    check(&Journal::at(dir), None)
}

#[test]
fn a_write_that_stops_taking_bytes_rolls_back_and_reports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    append(&j, "before");
    let before = std::fs::read(j.path()).expect("read");
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .open(j.path())
        .expect("open");
    let mut f = Faulty {
        file,
        budget: 30,
        fail_sync: false,
        zero_writes: true,
    };
    let err = append_locked(&mut f, j.path(), j.dir(), crate::moment::Moment::now, |_| {
        Ok::<_, JournalError>(note("半行"))
    })
    .expect_err("a write of 0 bytes is an error");
    assert!(matches!(err, JournalError::Io { .. }), "{err:?}");
    assert_eq!(std::fs::read(j.path()).expect("read"), before);
}

#[test]
fn after_a_full_disk_the_journal_ends_in_a_newline_and_verifies() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    for t in ["一", "二"] {
        append(&j, t);
    }
    // A torn tail from an earlier crash, then a write that runs out of space: the tail is
    // quarantined and cut, the new line rolled back.
    let mut f = OpenOptions::new().append(true).open(j.path()).expect("open");
    f.write_all(b"{\"seq\":2,\"ts").expect("torn");
    drop(f);
    let err = faulty_append(&j, 25, false).expect_err("disk full");
    assert!(matches!(err, JournalError::DiskFull { .. }));
    let bytes = std::fs::read(j.path()).expect("read");
    assert_eq!(bytes.last(), Some(&b'\n'));
    let report = verify_dir(dir.path());
    assert!(report.is_intact(), "{:?}", report.problems);
    assert_eq!(report.fingerprint.count, 2);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| matches!(w, ChainWarning::Quarantined(_))),
        "the torn tail is kept in quarantine"
    );
    assert_eq!(append(&j, "三").record.seq, 2);
    assert!(verify_dir(dir.path()).is_intact());
}

#[test]
fn a_quarantine_that_cannot_be_written_leaves_the_torn_tail_in_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    append(&j, "kept");
    let mut f = OpenOptions::new().append(true).open(j.path()).expect("open");
    f.write_all(b"{\"seq\":1").expect("torn");
    drop(f);
    // A file where the quarantine folder should be: the torn bytes cannot be kept, so they
    // must not be cut off either.
    std::fs::write(dir.path().join(QUARANTINE_DIR), b"in the way").expect("write");
    let before = std::fs::read(j.path()).expect("read");
    assert!(j.append(|_| Ok::<_, JournalError>(note("x"))).is_err());
    assert_eq!(std::fs::read(j.path()).expect("read"), before);
}

#[test]
fn line_hashes_are_lower_case_hex_sha256() {
    use sha2::{Digest, Sha256};
    for bytes in [&b""[..], b"abc", "一行\n".as_bytes(), &[0u8, 255, 16, 15][..]] {
        assert_eq!(sha256_hex(bytes), hex::encode(Sha256::digest(bytes)));
    }
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

/// The journal's bytes with the newlines at the given line ends removed.
fn without_newlines(j: &Journal, keep_first: usize) -> Vec<u8> {
    let bytes = std::fs::read(j.path()).expect("read");
    let mut out = Vec::new();
    for (i, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        if i < keep_first {
            out.extend_from_slice(line);
        } else {
            out.extend_from_slice(line.strip_suffix(b"\n").unwrap_or(line));
        }
    }
    out
}

#[test]
fn a_lost_final_newline_is_restored_and_the_entry_keeps_its_seq() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    for t in ["一", "二", "三"] {
        append(&j, t);
    }
    let whole = std::fs::read(j.path()).expect("read");
    std::fs::write(j.path(), &whole[..whole.len() - 1]).expect("lose the final newline");
    let report = verify_dir(dir.path());
    assert!(report.is_intact(), "{:?}", report.problems);
    assert!(
        report
            .warnings
            .contains(&ChainWarning::MissingNewline { line: 3 }),
        "verify says so: {:?}",
        report.warnings
    );
    // A fingerprint printed before the newline was lost still matches, and a wrong one not.
    let printed = PrintedFingerprint {
        count: 3,
        head: sha256_hex(whole.split_inclusive(|&b| b == b'\n').next_back().expect("line")),
    };
    let dir_report = |fp: &PrintedFingerprint| check(&j, Some(fp));
    assert!(dir_report(&printed).is_intact());
    let wrong = PrintedFingerprint {
        count: 3,
        head: "0".repeat(16),
    };
    assert_eq!(
        dir_report(&wrong).problems,
        vec![ChainProblem::FingerprintMismatch { count: 3 }]
    );
    let next = append(&j, "四");
    assert_eq!(next.restored, 1);
    assert!(next.repaired.is_none(), "nothing quarantined");
    assert_eq!(next.record.seq, 3, "the restored line keeps seq 2");
    let bytes = std::fs::read(j.path()).expect("read");
    assert!(
        bytes.starts_with(&whole),
        "the three lines are exactly as written"
    );
    assert!(!dir.path().join(QUARANTINE_DIR).exists());
    let report = verify_dir(dir.path());
    assert!(report.is_intact() && report.warnings.is_empty(), "{report:?}");
    assert_eq!(report.fingerprint.count, 4);
}

#[test]
fn records_that_lost_every_newline_are_a_breach_then_restored_along_the_chain() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    for t in ["一", "二", "三"] {
        append(&j, t);
    }
    let whole = std::fs::read(j.path()).expect("read");
    std::fs::write(j.path(), without_newlines(&j, 0)).expect("lose every newline");
    let report = verify_dir(dir.path());
    assert!(!report.is_intact(), "never silently intact");
    assert_eq!(
        report.problems,
        vec![ChainProblem::LostNewlines { line: 1, records: 3 }]
    );
    assert!(
        !report
            .warnings
            .iter()
            .any(|w| matches!(w, ChainWarning::TornTail { .. })),
        "nothing is unfinished: {:?}",
        report.warnings
    );
    let next = append(&j, "四");
    assert_eq!((next.restored, next.record.seq), (3, 3));
    let bytes = std::fs::read(j.path()).expect("read");
    assert!(bytes.starts_with(&whole), "every line is back as it was");
    let report = verify_dir(dir.path());
    assert!(report.is_intact(), "{:?}", report.problems);
    assert_eq!(report.fingerprint.count, 4);
}

#[test]
fn only_what_does_not_continue_the_chain_is_quarantined() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    append(&j, "一");
    append(&j, "二");
    let mut bytes = without_newlines(&j, 1);
    bytes.extend_from_slice(b"{\"seq\":2,\"ts");
    std::fs::write(j.path(), &bytes).expect("write");
    let next = append(&j, "三");
    assert_eq!(next.restored, 1);
    assert_eq!(next.record.seq, 2, "seq 1 is kept, never reused");
    let q = next.repaired.expect("the torn part is kept");
    assert!(
        std::fs::read(&q.path)
            .expect("quarantine")
            .ends_with(b"{\"seq\":2,\"ts")
    );
    let texts: Vec<String> = j
        .read_from::<Note>(0)
        .expect("read")
        .records
        .into_iter()
        .map(|r| match r.event {
            Note::NarrativeSet { text } => text,
            _ => String::new(),
        })
        .collect();
    assert_eq!(texts, ["一", "二", "三"]);
}

#[test]
fn a_last_seq_at_the_largest_number_refuses_the_next_append() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    append(&j, "一");
    let forged = Record {
        seq: u64::MAX,
        ts: crate::moment::Moment::now(),
        prev: sha256_hex(&std::fs::read(j.path()).expect("read")),
        event: note("forged"),
    };
    let mut f = OpenOptions::new().append(true).open(j.path()).expect("open");
    f.write_all(&forged.to_line().expect("encode")).expect("write");
    drop(f);
    let before = std::fs::read(j.path()).expect("read");
    let err = j
        .append(|_| Ok::<_, JournalError>(note("next")))
        .expect_err("refused");
    assert!(matches!(err, JournalError::SeqExhausted { .. }), "{err:?}");
    assert_eq!(std::fs::read(j.path()).expect("read"), before, "nothing written");
}

#[test]
fn a_line_not_in_the_canonical_form_is_refused_when_loading() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    append(&j, "一");
    let text = String::from_utf8(std::fs::read(j.path()).expect("read")).expect("utf-8");
    std::fs::write(j.path(), text.replacen('{', "{\"pad\":\"ab12\",", 1)).expect("write");
    let err = j.read_from::<Note>(0).expect_err("refused");
    assert!(matches!(err, JournalError::NotCanonical { offset: 0 }), "{err:?}");
    let report = verify_dir(dir.path());
    assert_eq!(
        report.problems,
        vec![ChainProblem::NotCanonical { line: 1, seq: 0 }]
    );
}

/// Runs `chattr` on `path`; false (with the reason printed) when that is not possible here.
/// In CI (`CI=true`) with chattr installed, a `+` flag that cannot be set fails the test: the
/// append-only path must be reached there.
fn chattr(flag: &str, path: &Path) -> bool {
    let why = match std::process::Command::new("chattr").arg(flag).arg(path).output() {
        Ok(o) if o.status.success() => return true,
        Ok(o) => format!(
            "chattr {flag} failed here ({}), needs root and a filesystem with the flag",
            String::from_utf8_lossy(&o.stderr).trim()
        ),
        Err(e) => format!("chattr cannot run here: {e}"),
    };
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let installed = std::process::Command::new("chattr")
        .arg("--help")
        .output()
        .is_ok();
    if flag.starts_with('+') && in_ci && installed {
        panic!("{why}; CI must run this test");
    }
    eprintln!("SKIPPED (counts as passed, tested nothing): {why}");
    false
}

/// Clears the append-only flag when dropped, so a failing test leaves no undeletable file.
struct AppendOnly<'a>(&'a Path);

impl Drop for AppendOnly<'_> {
    fn drop(&mut self) {
        chattr("-a", self.0);
    }
}

#[test]
fn an_append_only_journal_takes_appends_and_says_what_a_repair_needs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    append(&j, "一");
    if !chattr("+a", j.path()) {
        return;
    }
    let flag = AppendOnly(j.path());
    assert_eq!(append(&j, "二").record.seq, 1, "appends work under chattr +a");

    // A torn tail must be cut, which +a forbids: refused with what it needs, nothing lost.
    let mut f = OpenOptions::new().append(true).open(j.path()).expect("open");
    f.write_all(b"{\"seq\":2,\"ts").expect("write torn");
    drop(f);
    let before = std::fs::read(j.path()).expect("read");
    let err = j
        .append(|_| Ok::<_, JournalError>(note("三")))
        .expect_err("cannot cut");
    assert!(
        matches!(err, JournalError::AppendOnly { bytes: 12, .. }),
        "{err:?}"
    );
    assert_eq!(std::fs::read(j.path()).expect("read"), before);

    // Only the final newline lost: restoring it is an append, which +a allows.
    drop(flag);
    let whole = std::fs::read(j.path()).expect("read");
    let cut = whole.len() - 12 - 1;
    std::fs::write(j.path(), &whole[..cut]).expect("lose the newline");
    assert!(chattr("+a", j.path()));
    let _flag = AppendOnly(j.path());
    let next = append(&j, "三");
    assert_eq!((next.restored, next.record.seq), (1, 2));
}

/// A tail longer than any line leakaid writes: counted, never held, streamed to quarantine.
#[test]
fn an_over_long_unterminated_tail_is_counted_then_streamed_to_quarantine() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    append(&j, "kept");
    let kept = j.len();
    let tail_len = super::lines::MAX_LINE as u64 + 4096 + 7;
    let mut f = OpenOptions::new().append(true).open(j.path()).expect("open");
    let chunk = vec![b'x'; 64 * 1024];
    let mut left = tail_len;
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        f.write_all(&chunk[..n]).expect("write tail");
        left -= n as u64;
    }
    drop(f);
    let batch = j.read_from::<Note>(0).expect("read");
    assert_eq!(batch.records.len(), 1);
    assert_eq!(batch.torn_bytes, tail_len);
    assert!(batch.pending.is_none());
    let c = check(&j, None);
    assert!(
        c.warnings
            .iter()
            .any(|w| matches!(w, ChainWarning::TornTail { bytes } if *bytes == tail_len)),
        "{:?}",
        c.warnings
    );
    let next = append(&j, "next");
    let q = next.repaired.expect("quarantined");
    assert_eq!(q.bytes, tail_len);
    assert_eq!(std::fs::metadata(&q.path).expect("kept").len(), tail_len);
    assert_eq!(next.start, kept, "cut back to the last complete line");
    assert_eq!(j.read_from::<Note>(0).expect("read").records.len(), 2);
}

/// An over-long line that does end in a newline reads as a damaged line at its offset.
#[test]
fn an_over_long_terminated_line_is_damaged_not_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    append(&j, "kept");
    let at = j.len();
    let mut f = OpenOptions::new().append(true).open(j.path()).expect("open");
    let mut long = vec![b'y'; super::lines::MAX_LINE + 10];
    long.push(b'\n');
    f.write_all(&long).expect("write");
    drop(f);
    let got = j.read_from::<Note>(0);
    assert!(
        matches!(got, Err(JournalError::Damaged { offset, .. }) if offset == at),
        "{got:?}"
    );
}

/// A last record whose final newline is lost is read (as pending) from the start and from
/// any offset before it, and is a complete line again after the next append.
#[test]
fn a_record_missing_only_its_final_newline_is_read_as_pending() {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::create(dir.path()).expect("create");
    append(&j, "一");
    let after_first = j.len();
    let second = append(&j, "二");
    let f = OpenOptions::new().write(true).open(j.path()).expect("open");
    f.set_len(j.len() - 1).expect("cut the newline");
    drop(f);
    for from in [0, after_first] {
        let batch = j.read_from::<Note>(from).expect("read");
        let p = batch.pending.expect("pending");
        assert_eq!(p.record.seq, 1);
        assert_eq!(p.head, second.head, "the head it will have");
        assert_eq!(batch.end, after_first, "not counted in end");
    }
    // A torn tail that does not continue the chain is not pending.
    let mut f = OpenOptions::new().append(true).open(j.path()).expect("open");
    f.write_all(b"{\"seq\":2").expect("write");
    drop(f);
    assert!(j.read_from::<Note>(0).expect("read").pending.is_none());
}
