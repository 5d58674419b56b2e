//! Checking a case: every line parses, seq has no gaps, each line names the hash of the one
//! before, events point at earlier entries, every attachment is there with its hash, and an
//! earlier printed fingerprint is a prefix of today's journal.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use super::error::JournalError;
use super::file::{Journal, QUARANTINE_DIR};
use super::record::{GENESIS, Record, sha256_hex};
use crate::case::event::EventBody;
use crate::case::state::Fingerprint;
use crate::i18n::{Lang, tr};
use crate::userfile::NotRegular;
use crate::vault::{Rehashed, Vault};

/// A breach: the journal or the vault is not what was recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A complete line is not a valid event.
    Unparsable {
        /// 1-based line number.
        line: u64,
        /// The seq this line should have had.
        seq: u64,
    },
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
    /// An event points at an entry that does not exist before it.
    UnknownEntry {
        /// The event's seq.
        seq: u64,
        /// The id it names.
        id: String,
    },
    /// An entry id is not the next one in order.
    IdOutOfOrder {
        /// The event's seq.
        seq: u64,
        /// The id it names.
        id: String,
    },
    /// An attachment is missing from the vault.
    AttachmentMissing {
        /// The event's seq.
        seq: u64,
        /// The file's recorded hash.
        sha256: String,
    },
    /// An attachment's content no longer matches its hash.
    AttachmentAltered {
        /// The event's seq.
        seq: u64,
        /// The file's recorded hash.
        sha256: String,
    },
    /// Something other than a regular file (a link, FIFO, device, folder) stands at an
    /// attachment's name in the vault; it was not read.
    AttachmentNotAFile {
        /// The event's seq.
        seq: u64,
        /// The file's recorded hash.
        sha256: String,
        /// What stands there.
        kind: NotRegular,
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

/// Something worth knowing that is not a breach.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A file in the vault that no event names.
    Orphan(String),
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
}

/// The result of a check.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Lines and head hash: the case fingerprint.
    pub fingerprint: Fingerprint,
    /// Breaches, in the order found.
    pub problems: Vec<Problem>,
    /// Notes that are not breaches.
    pub warnings: Vec<Warning>,
    /// Attachments checked.
    pub attachments: u64,
    /// Bytes of complete lines read.
    pub bytes: u64,
}

impl Report {
    /// True when nothing is wrong.
    pub fn is_intact(&self) -> bool {
        self.problems.is_empty()
    }
}

/// A fingerprint as printed: `N:HEAD` (the head may be shortened to 8 or more hex digits).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedFingerprint {
    /// Number of lines.
    pub count: u64,
    /// The head hash or its beginning, lower case.
    pub head: String,
}

impl std::str::FromStr for PrintedFingerprint {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        let (n, h) = s.trim().split_once(':').ok_or(())?;
        let count: u64 = n.trim().parse().map_err(|_| ())?;
        let head = h
            .trim()
            .trim_end_matches('…')
            .trim_end_matches("...")
            .to_ascii_lowercase();
        if count == 0 || head.len() < 8 || head.len() > 64 || !head.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(());
        }
        Ok(PrintedFingerprint { count, head })
    }
}

/// Checks the journal and vault of a case; `earlier` is a fingerprint printed before.
pub fn verify(
    journal: &Journal,
    vault: &Vault,
    earlier: Option<&PrintedFingerprint>,
) -> Result<Report, JournalError> {
    verify_each(journal, vault, earlier, |_| {})
}

/// Like [`verify`], and hands every record that reads to `each`, in order, in the same pass:
/// a case can be loaded and checked while the file is read once.
pub fn verify_each(
    journal: &Journal,
    vault: &Vault,
    earlier: Option<&PrintedFingerprint>,
    mut each: impl FnMut(Record),
) -> Result<Report, JournalError> {
    let mut report = Report::default();
    let file = journal.open_shared()?;
    let mut referenced = BTreeSet::new();
    let mut attachments: Vec<(u64, String)> = Vec::new();
    if let Some(file) = file {
        let mut reader = BufReader::with_capacity(256 * 1024, &file);
        let mut line = Vec::new();
        let mut line_no = 0u64;
        let mut expected_seq = 0u64;
        let mut prev_hash = GENESIS.to_string();
        let mut prev_ts: Option<jiff::Timestamp> = None;
        let mut entries = 0u32;
        let mut reports = BTreeSet::new();
        loop {
            line.clear();
            let n = reader
                .read_until(b'\n', &mut line)
                .map_err(|e| JournalError::io(journal.path(), e))?;
            if n == 0 {
                break;
            }
            if line.last() != Some(&b'\n') {
                report.warnings.push(Warning::TornTail { bytes: n as u64 });
                break;
            }
            line_no += 1;
            let hash = sha256_hex(&line);
            if let Some(e) = earlier
                && e.count == line_no
                && !hash.starts_with(&e.head)
            {
                report
                    .problems
                    .push(Problem::FingerprintMismatch { count: e.count });
            }
            match serde_json::from_slice::<Record>(&line[..n - 1]) {
                Err(_) => report.problems.push(Problem::Unparsable {
                    line: line_no,
                    seq: expected_seq,
                }),
                Ok(rec) => {
                    if rec.seq != expected_seq {
                        report.problems.push(Problem::SeqGap {
                            line: line_no,
                            expected: expected_seq,
                            found: rec.seq,
                        });
                    }
                    if rec.prev != prev_hash {
                        report.problems.push(Problem::PrevMismatch { seq: expected_seq });
                    }
                    let ts = rec.ts.timestamp();
                    if prev_ts.is_some_and(|p| ts < p) {
                        report.warnings.push(Warning::TimeBackwards { seq: rec.seq });
                    }
                    prev_ts = Some(ts);
                    check_event(&rec, &mut entries, &mut reports, &mut attachments, &mut report);
                    each(rec);
                }
            }
            report.bytes += n as u64;
            expected_seq += 1;
            prev_hash = hash;
        }
        report.fingerprint = Fingerprint {
            count: line_no,
            head: if line_no == 0 { String::new() } else { prev_hash },
        };
    }
    if let Some(e) = earlier
        && e.count > report.fingerprint.count
    {
        report.problems.push(Problem::FingerprintBeyondEnd {
            count: e.count,
            now: report.fingerprint.count,
        });
    }
    for (seq, sha) in &attachments {
        referenced.insert(sha.clone());
        report.attachments += 1;
        match vault.rehash(sha) {
            Ok(Rehashed::Hash(h)) if &h == sha => {}
            Ok(Rehashed::Hash(_)) => report.problems.push(Problem::AttachmentAltered {
                seq: *seq,
                sha256: sha.clone(),
            }),
            Ok(Rehashed::Missing) => report.problems.push(Problem::AttachmentMissing {
                seq: *seq,
                sha256: sha.clone(),
            }),
            Ok(Rehashed::NotAFile(kind)) => report.problems.push(Problem::AttachmentNotAFile {
                seq: *seq,
                sha256: sha.clone(),
                kind,
            }),
            Err(e) => return Err(JournalError::io(vault.path_of(sha), e)),
        }
    }
    let stored = vault
        .stored_names()
        .map_err(|e| JournalError::io(vault.dir(), e))?;
    for name in stored.into_iter().filter(|n| !referenced.contains(n)) {
        report.warnings.push(Warning::Orphan(name));
    }
    if let Ok(rd) = std::fs::read_dir(journal.dir().join(QUARANTINE_DIR)) {
        let mut q: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        q.sort();
        report.warnings.extend(q.into_iter().map(Warning::Quarantined));
    }
    Ok(report)
}

fn check_event(
    rec: &Record,
    entries: &mut u32,
    reports: &mut BTreeSet<String>,
    attachments: &mut Vec<(u64, String)>,
    report: &mut Report,
) {
    let known = |id: u32| id >= 1 && id <= *entries;
    match &rec.event {
        EventBody::EvidenceAdded {
            id,
            attachments: files,
            ..
        } => {
            if id.0 != *entries + 1 {
                report.problems.push(Problem::IdOutOfOrder {
                    seq: rec.seq,
                    id: id.to_string(),
                });
            }
            *entries = (*entries).max(id.0);
            attachments.extend(files.iter().map(|a| (rec.seq, a.sha256.clone())));
        }
        EventBody::AttachmentAdded { id, attachment } => {
            if !known(id.0) {
                report.problems.push(Problem::UnknownEntry {
                    seq: rec.seq,
                    id: id.to_string(),
                });
            }
            attachments.push((rec.seq, attachment.sha256.clone()));
        }
        EventBody::EvidenceCorrected { id, .. } | EventBody::EvidenceRetracted { id, .. } => {
            if !known(id.0) {
                report.problems.push(Problem::UnknownEntry {
                    seq: rec.seq,
                    id: id.to_string(),
                });
            }
        }
        EventBody::ReportAdded { id, .. } => {
            reports.insert(id.clone());
        }
        EventBody::ReportUpdated { id, .. } => {
            if !reports.contains(id) {
                report.problems.push(Problem::UnknownEntry {
                    seq: rec.seq,
                    id: id.clone(),
                });
            }
        }
        EventBody::ProfileSet { .. }
        | EventBody::ChecklistTicked { .. }
        | EventBody::NarrativeSet { .. }
        | EventBody::ContactWarned { .. }
        | EventBody::LawyerConsulted { .. } => {}
    }
}

impl Problem {
    /// The first seq that may have been tampered with, for "the first bad seq": never later
    /// than the line that was changed, deleted, moved or inserted.
    pub fn seq(&self) -> Option<u64> {
        match self {
            Problem::Unparsable { seq, .. } => Some(*seq),
            // A line inserted (found < expected) or deleted (found > expected) at or after
            // the smaller of the two.
            Problem::SeqGap { expected, found, .. } => Some((*expected).min(*found)),
            // The line before no longer hashes to what this one names: it is the suspect.
            Problem::PrevMismatch { seq } => Some(seq.saturating_sub(1)),
            Problem::UnknownEntry { seq, .. }
            | Problem::IdOutOfOrder { seq, .. }
            | Problem::AttachmentMissing { seq, .. }
            | Problem::AttachmentAltered { seq, .. }
            | Problem::AttachmentNotAFile { seq, .. } => Some(*seq),
            Problem::FingerprintMismatch { count } => Some(count.saturating_sub(1)),
            // The lines from `now` on are gone.
            Problem::FingerprintBeyondEnd { now, .. } => Some(*now),
        }
    }

    /// The sentence shown to the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Unparsable { line, seq } => tr(
                lang,
                format!("第 {line} 行（seq {seq}）无法读取：这一行被改动或损坏了。"),
                format!("Line {line} (seq {seq}) cannot be read: it was altered or damaged."),
            ),
            Problem::SeqGap {
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
            Problem::PrevMismatch { seq: 0 } => tr(
                lang,
                "seq 0 被改动过：第一行记载的上一行哈希应为全零。",
                "seq 0 was changed: the first line must name the all-zero hash.",
            ),
            Problem::PrevMismatch { seq } => {
                let before = seq.saturating_sub(1);
                tr(
                    lang,
                    format!("seq {before} 被改动过：紧接其后的 seq {seq} 记载的哈希与它不符。"),
                    format!("seq {before} was changed: seq {seq}, right after it, names a different hash."),
                )
            }
            Problem::UnknownEntry { seq, id } => tr(
                lang,
                format!("seq {seq} 指向不存在的记录 {id}。"),
                format!("seq {seq} refers to entry {id}, which does not exist before it."),
            ),
            Problem::IdOutOfOrder { seq, id } => tr(
                lang,
                format!("seq {seq} 的记录编号 {id} 不连续。"),
                format!("seq {seq} adds entry {id} out of order."),
            ),
            Problem::AttachmentMissing { seq, sha256 } => tr(
                lang,
                format!("seq {seq} 的附件 {sha256} 不见了。"),
                format!("The attachment {sha256} of seq {seq} is missing."),
            ),
            Problem::AttachmentAltered { seq, sha256 } => tr(
                lang,
                format!("seq {seq} 的附件 {sha256} 内容被改动过（哈希不符）。"),
                format!("The attachment {sha256} of seq {seq} was altered (its hash differs)."),
            ),
            Problem::AttachmentNotAFile { seq, sha256, kind } => tr(
                lang,
                format!(
                    "seq {seq} 的附件 {sha256} 在证据库里被换成了{}，没有读取它：原来的文件不见了。",
                    kind.word(Lang::Zh)
                ),
                format!(
                    "The attachment {sha256} of seq {seq} was replaced in the vault by a {}; it was not read, and the original file is gone.",
                    kind.word(Lang::En)
                ),
            ),
            Problem::FingerprintMismatch { count } => tr(
                lang,
                format!("与之前打印的指纹不符：前 {count} 行已不是当时的内容。"),
                format!(
                    "Does not match the earlier fingerprint: the first {count} lines are not what they were."
                ),
            ),
            Problem::FingerprintBeyondEnd { count, now } => tr(
                lang,
                format!("之前的指纹有 {count} 行，现在只有 {now} 行：有记录被删除了。"),
                format!(
                    "The earlier fingerprint has {count} lines, the journal now has {now}: lines were removed."
                ),
            ),
        }
    }
}

impl Warning {
    /// The sentence shown to the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Warning::Orphan(name) => tr(
                lang,
                format!("证据库中的文件 {name} 没有被任何记录引用（可能是保存中断留下的）。"),
                format!(
                    "The vault file {name} is not named by any entry (perhaps left by an interrupted save)."
                ),
            ),
            Warning::TimeBackwards { seq } => tr(
                lang,
                format!("seq {seq} 的记录时间早于上一行（电脑时钟可能被调整过）。"),
                format!(
                    "seq {seq} was recorded earlier than the line before it (the clock may have been changed)."
                ),
            ),
            Warning::TornTail { bytes } => tr(
                lang,
                format!(
                    "最后有 {bytes} 字节的不完整记录（写入被中断）；下次记录时会移到 quarantine 文件夹保存，之前的记录完好。"
                ),
                format!(
                    "The last {bytes} bytes are an unfinished line (an interrupted write); the next write moves them to the quarantine folder. Earlier lines are intact."
                ),
            ),
            Warning::Quarantined(p) => tr(
                lang,
                format!("被中断的写入已保存在 {}。", p.display()),
                format!("An interrupted write is kept in {}.", p.display()),
            ),
        }
    }
}
