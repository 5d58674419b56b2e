//! Checking the chain of a journal: every line parses and is in the canonical form, seq has no
//! gaps, each line names the hash of the one before, the journal is a regular file, and an
//! earlier printed fingerprint is a prefix of today's journal. What the events say is for the
//! layer above to check: each record is handed to it, in order, as the chain is read.
//!
//! A hash chain shows that no line was changed, removed, inserted or moved *before* the last
//! one; the last line (or the last few, together) can be removed or rewritten without a trace
//! in the chain. Only a fingerprint written down or printed earlier catches that, which is why
//! it is printed in full and must be given with at least 16 hex digits.

use std::path::PathBuf;

use serde::Serialize;

use super::error::JournalError;
use super::file::{Journal, QUARANTINE_DIR};
use super::hashed::hashed_lines;
use super::lines::too_long;
use super::record::{GENESIS, LineFault, Payload, Record, chained_run, sha256_hex};
use crate::i18n::{Lang, tr};

/// The journal's fingerprint: how many lines, and the SHA-256 of the last one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Fingerprint {
    /// Number of journal lines.
    pub count: u64,
    /// SHA-256 (hex) of the last line's exact bytes; empty for an empty journal.
    pub head: String,
}

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.count, self.head)
    }
}

/// A breach of the chain: the journal file is not what was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainProblem {
    /// A complete line is not a valid event.
    Unparsable {
        /// 1-based line number.
        line: u64,
        /// The seq this line should have had.
        seq: u64,
    },
    /// A line reads as a record but is not byte for byte what leakaid writes for it (an extra
    /// field, other spacing, key order or escaping): it was altered.
    NotCanonical {
        /// 1-based line number.
        line: u64,
        /// The seq this line should have had.
        seq: u64,
    },
    /// Complete records at the end run together without their newlines (more than just the
    /// final newline is lost): the file was altered or badly copied.
    LostNewlines {
        /// 1-based line number of the first of them.
        line: u64,
        /// How many records continue the chain.
        records: u64,
    },
    /// The journal is a symbolic link, a folder, a device or a pipe, not a regular file.
    JournalNotAFile,
    /// The seq is not the next number.
    SeqGap {
        /// 1-based line number.
        line: u64,
        /// The expected seq.
        expected: u64,
        /// The seq found.
        found: u64,
    },
    /// The line does not name the hash of the line before: the line before it was changed
    /// (or this line's `prev` was).
    PrevMismatch {
        /// The position (expected seq) of the line whose `prev` does not match.
        seq: u64,
    },
    /// The earlier fingerprint does not match today's journal.
    FingerprintMismatch {
        /// Lines in the earlier fingerprint.
        count: u64,
    },
    /// The earlier fingerprint names more lines than the journal has now.
    FingerprintBeyondEnd {
        /// Lines in the earlier fingerprint.
        count: u64,
        /// Lines now.
        now: u64,
    },
}

/// Something worth knowing about the chain that is not a breach.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainWarning {
    /// A line recorded earlier than the line before it (the clock was changed).
    TimeBackwards {
        /// The seq.
        seq: u64,
    },
    /// An unfinished last line (an interrupted write); the next write moves it to quarantine.
    TornTail {
        /// Its length.
        bytes: u64,
    },
    /// Bytes of a torn line kept in quarantine.
    Quarantined(PathBuf),
    /// The last line is a complete record continuing the chain, but its newline is missing;
    /// the next write restores it. Until then it is not counted in the fingerprint.
    MissingNewline {
        /// 1-based line number.
        line: u64,
    },
}

/// What the layer above is told while a chain is checked, in the order it is found.
pub trait Audit<E> {
    /// The journal is missing or empty: called first, before anything else.
    fn empty(&mut self) {}
    /// A breach of the chain.
    fn problem(&mut self, problem: ChainProblem);
    /// A note on the chain.
    fn warning(&mut self, warning: ChainWarning);
    /// A record that reads, in order.
    fn record(&mut self, record: Record<E>);
}

/// What a chain check found besides what it told the [`Audit`].
#[derive(Clone, Debug, Default)]
pub struct Chain {
    /// Lines and head hash: the case fingerprint.
    pub fingerprint: Fingerprint,
    /// Bytes of complete lines read.
    pub bytes: u64,
    /// A last record complete but for its final newline, handed to the audit after the
    /// others: its seq and the head once its newline is back. Not counted in the fingerprint
    /// or in `bytes`.
    pub pending: Option<(u64, String)>,
}

/// The fewest hex digits of the head a fingerprint is accepted with: 64 bits, far beyond
/// grinding a line until its hash starts with the written-down digits.
pub const MIN_HEAD_DIGITS: usize = 16;

/// Why a fingerprint given by the user is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FingerprintError {
    /// Not `COUNT:HEX`.
    Malformed,
    /// Fewer than [`MIN_HEAD_DIGITS`] hex digits.
    TooShort {
        /// The digits given.
        digits: usize,
    },
}

/// A fingerprint as printed: `N:HEAD` (the whole head, or its first 16 or more hex digits).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedFingerprint {
    /// Number of lines.
    pub count: u64,
    /// The head hash or its beginning, lower case.
    pub head: String,
}

impl std::str::FromStr for PrintedFingerprint {
    type Err = FingerprintError;

    fn from_str(s: &str) -> Result<Self, FingerprintError> {
        let malformed = FingerprintError::Malformed;
        let (n, h) = s.trim().split_once(':').ok_or(malformed)?;
        let count: u64 = n.trim().parse().map_err(|_| malformed)?;
        let head = h
            .trim()
            .trim_end_matches('…')
            .trim_end_matches("...")
            .to_ascii_lowercase();
        if count == 0 || head.len() > 64 || !head.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(malformed);
        }
        if head.len() < MIN_HEAD_DIGITS {
            return Err(FingerprintError::TooShort { digits: head.len() });
        }
        Ok(PrintedFingerprint { count, head })
    }
}

/// Checks the chain of `journal`, with the lock shared; `earlier` is a fingerprint printed
/// before. Every breach, note and readable record goes to `audit` in the order found.
pub fn check_chain<E: Payload>(
    journal: &Journal,
    earlier: Option<&PrintedFingerprint>,
    audit: &mut impl Audit<E>,
) -> Result<Chain, JournalError> {
    let mut chain = Chain::default();
    // A last line complete but for its newline: not counted yet, but an earlier fingerprint
    // may cover it.
    let mut pending_line = 0u64;
    match std::fs::symlink_metadata(journal.path()) {
        Ok(m) if !m.file_type().is_file() => {
            // Never opened: a pipe would block, a link may point anywhere.
            audit.problem(ChainProblem::JournalNotAFile);
            return Ok(chain);
        }
        Ok(m) if m.len() > 0 => {}
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(JournalError::io(journal.path(), e));
        }
        _ => audit.empty(),
    }
    let file = journal.open_shared()?;
    if let Some(file) = file {
        let mut line_no = 0u64;
        let mut expected_seq = 0u64;
        let mut prev_hash = GENESIS.to_string();
        let mut prev_ts: Option<jiff::Timestamp> = None;
        // Lines are hashed and read on one worker per core; the chain is walked here, in
        // file order.
        let tail = hashed_lines::<_, E>(&file, |line| {
            line_no += 1;
            check_printed(earlier, line_no, &line.hash, audit);
            match line.read {
                Err(LineFault::Unreadable(_)) => audit.problem(ChainProblem::Unparsable {
                    line: line_no,
                    seq: expected_seq,
                }),
                Err(LineFault::NotCanonical) => audit.problem(ChainProblem::NotCanonical {
                    line: line_no,
                    seq: expected_seq,
                }),
                Ok(rec) => {
                    if rec.seq != expected_seq {
                        audit.problem(ChainProblem::SeqGap {
                            line: line_no,
                            expected: expected_seq,
                            found: rec.seq,
                        });
                    }
                    if rec.prev != prev_hash {
                        audit.problem(ChainProblem::PrevMismatch { seq: expected_seq });
                    }
                    let ts = rec.ts.timestamp();
                    if prev_ts.is_some_and(|p| ts < p) {
                        audit.warning(ChainWarning::TimeBackwards { seq: rec.seq });
                    }
                    prev_ts = Some(ts);
                    audit.record(rec);
                }
            }
            chain.bytes += line.len as u64;
            expected_seq += 1;
            prev_hash = line.hash;
        })
        .map_err(|e| match too_long(&e) {
            Some(long) => JournalError::Damaged {
                line: 0,
                offset: long.offset,
                detail: long.to_string(),
            },
            None => JournalError::io(journal.path(), e),
        })?;
        if tail.len > 0 {
            // A tail longer than any line is counted, not kept: no record continues in it.
            let run = chained_run::<E>(&tail.bytes, Some(expected_seq), &prev_hash);
            let records = run.lines.len() as u64;
            let rest = tail.len - run.used as u64;
            if records == 1 && rest == 0 {
                let line_no = line_no + 1;
                audit.warning(ChainWarning::MissingNewline { line: line_no });
                pending_line = 1;
                if let Some((rec, line)) = run.lines.into_iter().next() {
                    let hash = sha256_hex(&line);
                    check_printed(earlier, line_no, &hash, audit);
                    chain.pending = Some((rec.seq, hash));
                    // An acknowledged entry: read and checked like the others.
                    audit.record(rec);
                }
            } else if records > 0 {
                audit.problem(ChainProblem::LostNewlines {
                    line: line_no + 1,
                    records,
                });
            }
            if rest > 0 {
                audit.warning(ChainWarning::TornTail { bytes: rest });
            }
        }
        chain.fingerprint = Fingerprint {
            count: line_no,
            head: if line_no == 0 { String::new() } else { prev_hash },
        };
    }
    if let Some(e) = earlier
        && e.count > chain.fingerprint.count + pending_line
    {
        audit.problem(ChainProblem::FingerprintBeyondEnd {
            count: e.count,
            now: chain.fingerprint.count,
        });
    }
    Ok(chain)
}

/// The torn tails kept in the quarantine folder, sorted.
pub fn quarantined(journal: &Journal) -> Vec<ChainWarning> {
    let Ok(rd) = std::fs::read_dir(journal.dir().join(QUARANTINE_DIR)) else {
        return Vec::new();
    };
    let mut q: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    q.sort();
    q.into_iter().map(ChainWarning::Quarantined).collect()
}

/// Line `line_no` (hashing to `hash`) is the last line an earlier fingerprint covers: it must
/// match the head written down.
fn check_printed<E>(
    earlier: Option<&PrintedFingerprint>,
    line_no: u64,
    hash: &str,
    audit: &mut impl Audit<E>,
) {
    if let Some(e) = earlier
        && e.count == line_no
        && !hash.starts_with(&e.head)
    {
        audit.problem(ChainProblem::FingerprintMismatch { count: e.count });
    }
}

impl ChainProblem {
    /// The first seq that may have been tampered with, for "the first bad seq": never later
    /// than the line that was changed, deleted, moved or inserted.
    pub fn seq(&self) -> Option<u64> {
        match self {
            ChainProblem::Unparsable { seq, .. } | ChainProblem::NotCanonical { seq, .. } => Some(*seq),
            // Line N holds seq N - 1.
            ChainProblem::LostNewlines { line, .. } => Some(line.saturating_sub(1)),
            ChainProblem::JournalNotAFile => None,
            // A line inserted (found < expected) or deleted (found > expected) at or after
            // the smaller of the two.
            ChainProblem::SeqGap { expected, found, .. } => Some((*expected).min(*found)),
            // The line before no longer hashes to what this one names: it is the suspect.
            ChainProblem::PrevMismatch { seq } => Some(seq.saturating_sub(1)),
            ChainProblem::FingerprintMismatch { count } => Some(count.saturating_sub(1)),
            // The lines from `now` on are gone.
            ChainProblem::FingerprintBeyondEnd { now, .. } => Some(*now),
        }
    }

    /// The sentence shown to the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ChainProblem::Unparsable { line, seq } => tr(
                lang,
                format!("第 {line} 行（seq {seq}）无法读取：这一行被改动或损坏了。"),
                format!("Line {line} (seq {seq}) cannot be read: it was altered or damaged."),
            ),
            ChainProblem::SeqGap {
                line,
                expected,
                found,
            } => tr(
                lang,
                format!("第 {line} 行的序号是 {found}，应为 {expected}：有记录被删除、插入或调换了顺序。"),
                format!(
                    "Line {line} has seq {found}, expected {expected}: a line was deleted, inserted or moved."
                ),
            ),
            ChainProblem::PrevMismatch { seq: 0 } => tr(
                lang,
                "seq 0 被改动过：第一行记载的上一行哈希应为全零。",
                "seq 0 was changed: the first line must name the all-zero hash.",
            ),
            ChainProblem::PrevMismatch { seq } => {
                let before = seq.saturating_sub(1);
                tr(
                    lang,
                    format!("seq {before} 被改动过：紧接其后的 seq {seq} 记载的哈希与它不符。"),
                    format!("seq {before} was changed: seq {seq}, right after it, names a different hash."),
                )
            }
            ChainProblem::FingerprintMismatch { count } => tr(
                lang,
                format!(
                    "与之前打印的指纹不符：第 {count} 行的哈希与指纹不同，前 {count} 行已不是当时的内容。"
                ),
                format!(
                    "Does not match the earlier fingerprint: line {count} hashes differently, so the first {count} lines are not what they were."
                ),
            ),
            ChainProblem::NotCanonical { line, seq } => tr(
                lang,
                format!(
                    "第 {line} 行（seq {seq}）不是 leakaid 写下的样子（多了字段，或空格、键的顺序不同）：这一行被改动过。"
                ),
                format!(
                    "Line {line} (seq {seq}) is not in the form leakaid writes (an extra field, other spacing or key order): it was altered."
                ),
            ),
            ChainProblem::LostNewlines { line, records } => tr(
                lang,
                format!(
                    "从第 {line} 行起有 {records} 条完整的记录连在一起、缺少换行符：记录文件被改动或复制时损坏了。下次记录时会按记录链恢复换行，记录和编号都保留。"
                ),
                format!(
                    "From line {line} on, {records} complete records run together without their line breaks: the journal was altered or badly copied. The next write restores the breaks along the chain, keeping every record and number."
                ),
            ),
            ChainProblem::JournalNotAFile => tr(
                lang,
                "案件记录 journal.jsonl 不是普通文件（是链接、文件夹、管道或设备）：它被替换过，记录无法核对。",
                "The case journal journal.jsonl is not a regular file (a link, folder, pipe or device): it was replaced, and the record cannot be checked.",
            ),
            ChainProblem::FingerprintBeyondEnd { count, now } => tr(
                lang,
                format!("之前的指纹有 {count} 行，现在只有 {now} 行：有记录被删除了。"),
                format!(
                    "The earlier fingerprint has {count} lines, the journal now has {now}: lines were removed."
                ),
            ),
        }
    }
}

impl ChainWarning {
    /// The sentence shown to the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ChainWarning::TimeBackwards { seq } => tr(
                lang,
                format!("seq {seq} 的记录时间早于上一行（电脑时钟可能被调整过）。"),
                format!(
                    "seq {seq} was recorded earlier than the line before it (the clock may have been changed)."
                ),
            ),
            ChainWarning::TornTail { bytes } => tr(
                lang,
                format!(
                    "最后有 {bytes} 字节的不完整记录（写入被中断）；下次记录时会移到 quarantine 文件夹保存，之前的记录完好。"
                ),
                format!(
                    "The last {bytes} bytes are an unfinished line (an interrupted write); the next write moves them to the quarantine folder. Earlier lines are intact."
                ),
            ),
            ChainWarning::Quarantined(p) => tr(
                lang,
                format!("被中断的写入已保存在 {}。", p.display()),
                format!("An interrupted write is kept in {}.", p.display()),
            ),
            ChainWarning::MissingNewline { line } => tr(
                lang,
                format!(
                    "第 {line} 行（最后一行）缺少结尾的换行符：内容完整、接得上记录链，下次记录时会补上。补上之前，它不计入下面的指纹。"
                ),
                format!(
                    "Line {line} (the last) has lost its final line break: it is complete and continues the chain, and the next write restores the break. Until then it is not counted in the fingerprint below."
                ),
            ),
        }
    }
}
