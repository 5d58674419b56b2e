//! Checking a case: every line parses and is in the canonical form, seq has no gaps, each
//! line names the hash of the one before, events point at earlier entries, every attachment is
//! there with its hash, the journal is a regular file that is there when evidence is, and an
//! earlier printed fingerprint is a prefix of today's journal.
//!
//! A hash chain shows that no line was changed, removed, inserted or moved *before* the last
//! one; the last line (or the last few, together) can be removed or rewritten without a trace
//! in the chain. Only a fingerprint written down or printed earlier catches that, which is why
//! it is printed in full and must be given with at least 16 hex digits.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use super::error::JournalError;
use super::file::{Journal, QUARANTINE_DIR};
use super::record::{GENESIS, LineFault, Record, chained_run, sha256_hex};
use crate::case::event::EventBody;
use crate::case::ops::EXPORTS_DIR;
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
    /// The journal is missing or empty, yet the case holds evidence files or exports.
    JournalGone {
        /// Files in the vault.
        vault_files: usize,
        /// Files in the exports folder.
        exports: usize,
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
    /// The last line is a complete record continuing the chain, but its newline is missing;
    /// the next write restores it. Until then it is not counted in the fingerprint.
    MissingNewline {
        /// 1-based line number.
        line: u64,
    },
    /// A hidden file in the vault: never an attachment.
    HiddenInVault(String),
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
    // A last line complete but for its newline: not counted yet, but an earlier fingerprint
    // may cover it.
    let mut pending_line = 0u64;
    match std::fs::symlink_metadata(journal.path()) {
        Ok(m) if !m.file_type().is_file() => {
            // Never opened: a pipe would block, a link may point anywhere.
            report.problems.push(Problem::JournalNotAFile);
            return Ok(report);
        }
        Ok(m) if m.len() > 0 => {}
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(JournalError::io(journal.path(), e));
        }
        _ => {
            let vault_files = vault
                .stored_names()
                .map_err(|e| JournalError::io(vault.dir(), e))?
                .len();
            let exports = count_entries(&journal.dir().join(EXPORTS_DIR));
            if vault_files + exports > 0 {
                report
                    .problems
                    .push(Problem::JournalGone { vault_files, exports });
            }
        }
    }
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
                let run = chained_run(&line, Some(expected_seq), &prev_hash);
                let records = run.lines.len() as u64;
                let rest = (n - run.used) as u64;
                if records == 1 && rest == 0 {
                    let line_no = line_no + 1;
                    report.warnings.push(Warning::MissingNewline { line: line_no });
                    pending_line = 1;
                    let hash = run.lines.first().map(|(_, l)| sha256_hex(l)).unwrap_or_default();
                    check_printed(earlier, line_no, &hash, &mut report);
                } else if records > 0 {
                    report.problems.push(Problem::LostNewlines {
                        line: line_no + 1,
                        records,
                    });
                }
                if rest > 0 {
                    report.warnings.push(Warning::TornTail { bytes: rest });
                }
                break;
            }
            line_no += 1;
            let hash = sha256_hex(&line);
            check_printed(earlier, line_no, &hash, &mut report);
            match Record::from_line(&line[..n - 1]) {
                Err(LineFault::Unreadable(_)) => report.problems.push(Problem::Unparsable {
                    line: line_no,
                    seq: expected_seq,
                }),
                Err(LineFault::NotCanonical) => report.problems.push(Problem::NotCanonical {
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
        && e.count > report.fingerprint.count + pending_line
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
    let hidden = vault
        .hidden_names()
        .map_err(|e| JournalError::io(vault.dir(), e))?;
    report
        .warnings
        .extend(hidden.into_iter().map(Warning::HiddenInVault));
    if let Ok(rd) = std::fs::read_dir(journal.dir().join(QUARANTINE_DIR)) {
        let mut q: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        q.sort();
        report.warnings.extend(q.into_iter().map(Warning::Quarantined));
    }
    Ok(report)
}

/// Entries in a folder (0 when it cannot be read).
/// Line `line_no` (hashing to `hash`) is the last line an earlier fingerprint covers: it must
/// match the head written down.
fn check_printed(earlier: Option<&PrintedFingerprint>, line_no: u64, hash: &str, report: &mut Report) {
    if let Some(e) = earlier
        && e.count == line_no
        && !hash.starts_with(&e.head)
    {
        report
            .problems
            .push(Problem::FingerprintMismatch { count: e.count });
    }
}

fn count_entries(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map(|rd| rd.count()).unwrap_or(0)
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
        // The records of steps 2-4 share one set of ids (R…, W…, L…).
        EventBody::ReportAdded { id, .. }
        | EventBody::ContactWarned { id, .. }
        | EventBody::LawyerConsulted { id, .. } => {
            reports.insert(id.clone());
        }
        EventBody::ReportUpdated { id, .. }
        | EventBody::WarningCorrected { id, .. }
        | EventBody::WarningRetracted { id, .. }
        | EventBody::ConsultationCorrected { id, .. }
        | EventBody::ConsultationRetracted { id, .. } => {
            if !reports.contains(id) {
                report.problems.push(Problem::UnknownEntry {
                    seq: rec.seq,
                    id: id.clone(),
                });
            }
        }
        EventBody::ProfileSet { .. } | EventBody::ChecklistTicked { .. } | EventBody::NarrativeSet { .. } => {
        }
    }
}

impl Problem {
    /// The first seq that may have been tampered with, for "the first bad seq": never later
    /// than the line that was changed, deleted, moved or inserted.
    pub fn seq(&self) -> Option<u64> {
        match self {
            Problem::Unparsable { seq, .. } | Problem::NotCanonical { seq, .. } => Some(*seq),
            // Line N holds seq N - 1.
            Problem::LostNewlines { line, .. } => Some(line.saturating_sub(1)),
            Problem::JournalNotAFile | Problem::JournalGone { .. } => None,
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
                format!(
                    "与之前打印的指纹不符：第 {count} 行的哈希与指纹不同，前 {count} 行已不是当时的内容。"
                ),
                format!(
                    "Does not match the earlier fingerprint: line {count} hashes differently, so the first {count} lines are not what they were."
                ),
            ),
            Problem::NotCanonical { line, seq } => tr(
                lang,
                format!(
                    "第 {line} 行（seq {seq}）不是 leakaid 写下的样子（多了字段，或空格、键的顺序不同）：这一行被改动过。"
                ),
                format!(
                    "Line {line} (seq {seq}) is not in the form leakaid writes (an extra field, other spacing or key order): it was altered."
                ),
            ),
            Problem::LostNewlines { line, records } => tr(
                lang,
                format!(
                    "从第 {line} 行起有 {records} 条完整的记录连在一起、缺少换行符：记录文件被改动或复制时损坏了。下次记录时会按记录链恢复换行，记录和编号都保留。"
                ),
                format!(
                    "From line {line} on, {records} complete records run together without their line breaks: the journal was altered or badly copied. The next write restores the breaks along the chain, keeping every record and number."
                ),
            ),
            Problem::JournalNotAFile => tr(
                lang,
                "案件记录 journal.jsonl 不是普通文件（是链接、文件夹、管道或设备）：它被替换过，记录无法核对。",
                "The case journal journal.jsonl is not a regular file (a link, folder, pipe or device): it was replaced, and the record cannot be checked.",
            ),
            Problem::JournalGone { vault_files, exports } => tr(
                lang,
                format!(
                    "案件记录 journal.jsonl 不见了或是空的，但证据库里有 {vault_files} 个文件、导出文件夹里有 {exports} 个文件：记录被删除或清空了。"
                ),
                format!(
                    "The case journal journal.jsonl is missing or empty, yet the vault holds {vault_files} files and the exports folder {exports}: the record was deleted or emptied."
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
            Warning::MissingNewline { line } => tr(
                lang,
                format!(
                    "第 {line} 行（最后一行）缺少结尾的换行符：内容完整、接得上记录链，下次记录时会补上。补上之前，它不计入下面的指纹。"
                ),
                format!(
                    "Line {line} (the last) has lost its final line break: it is complete and continues the chain, and the next write restores the break. Until then it is not counted in the fingerprint below."
                ),
            ),
            Warning::HiddenInVault(name) => tr(
                lang,
                format!("证据库中有隐藏文件 {name}：它不是附件（可能是中断的保存留下的，或被人放进去的）。"),
                format!(
                    "The vault holds a hidden file {name}: it is not an attachment (left by an interrupted save, or put there by someone)."
                ),
            ),
        }
    }
}
