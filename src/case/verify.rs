//! Checking a case: the journal's chain (see [`crate::journal::verify`]), and what its events
//! say: they point at earlier entries, every attachment is in the vault with its hash, and the
//! journal is there when evidence or exports are.

use std::collections::BTreeSet;

use super::event::EventBody;
use super::ops::EXPORTS_DIR;
use super::unwritten::{self, Unwritten};
use crate::i18n::{Lang, tr};
use crate::journal::verify::{
    Audit, ChainProblem, ChainWarning, Fingerprint, PrintedFingerprint, check_chain, quarantined,
};
use crate::journal::{Journal, JournalError};
use crate::userfile::NotRegular;
use crate::vault::{Rehashed, Vault};

use super::Record;

/// A breach: the journal or the vault is not what was recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The journal's chain is broken.
    Chain(ChainProblem),
    /// The journal is missing or empty, yet the case holds evidence files or exports.
    JournalGone {
        /// Files in the vault.
        vault_files: usize,
        /// Files in the exports folder.
        exports: usize,
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
    /// A line holds a value leakaid never writes (an amount over the cap, a time before 1970
    /// or after the line, a field over its length limit, an entry without its counterpart).
    Unwritten {
        /// The event's seq.
        seq: u64,
        /// What.
        what: Unwritten,
    },
}

/// Something worth knowing that is not a breach.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A note on the journal's chain.
    Chain(ChainWarning),
    /// A file in the vault that no event names.
    Orphan(String),
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
    /// A last record complete but for its final newline (read like the others): its seq and
    /// the head once the newline is back.
    pub pending: Option<(u64, String)>,
}

impl Report {
    /// True when nothing is wrong.
    pub fn is_intact(&self) -> bool {
        self.problems.is_empty()
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

/// What the events of a case are checked against while the chain is read.
struct CaseAudit<'a, F> {
    journal: &'a Journal,
    vault: &'a Vault,
    report: Report,
    /// Evidence entries so far (E1…En).
    entries: u32,
    /// The records of steps 2-4 so far: they share one set of ids (R…, W…, L…).
    records: BTreeSet<String>,
    /// Every attachment named, with the seq naming it.
    attachments: Vec<(u64, String)>,
    /// An error reading the vault while the chain was read.
    failed: Option<JournalError>,
    each: F,
}

impl<F: FnMut(Record)> Audit<EventBody> for CaseAudit<'_, F> {
    fn empty(&mut self) {
        let vault_files = match self.vault.stored_names() {
            Ok(names) => names.len(),
            Err(e) => {
                self.failed = Some(JournalError::io(self.vault.dir(), e));
                return;
            }
        };
        let exports = count_entries(&self.journal.dir().join(EXPORTS_DIR));
        if vault_files + exports > 0 {
            self.report
                .problems
                .push(Problem::JournalGone { vault_files, exports });
        }
    }

    fn problem(&mut self, problem: ChainProblem) {
        self.report.problems.push(Problem::Chain(problem));
    }

    fn warning(&mut self, warning: ChainWarning) {
        self.report.warnings.push(Warning::Chain(warning));
    }

    fn record(&mut self, rec: Record) {
        self.check_event(&rec);
        (self.each)(rec);
    }
}

/// Like [`verify`], and hands every record that reads to `each`, in order, in the same pass:
/// a case can be loaded and checked while the file is read once.
pub fn verify_each(
    journal: &Journal,
    vault: &Vault,
    earlier: Option<&PrintedFingerprint>,
    each: impl FnMut(Record),
) -> Result<Report, JournalError> {
    let mut audit = CaseAudit {
        journal,
        vault,
        report: Report::default(),
        entries: 0,
        records: BTreeSet::new(),
        attachments: Vec::new(),
        failed: None,
        each,
    };
    let chain = check_chain(journal, earlier, &mut audit)?;
    if let Some(e) = audit.failed {
        return Err(e);
    }
    let mut report = audit.report;
    report.fingerprint = chain.fingerprint;
    report.bytes = chain.bytes;
    report.pending = chain.pending;
    let mut referenced = BTreeSet::new();
    for (seq, sha) in &audit.attachments {
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
    report
        .warnings
        .extend(quarantined(journal).into_iter().map(Warning::Chain));
    Ok(report)
}

/// Entries in a folder (0 when it cannot be read).
fn count_entries(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map(|rd| rd.count()).unwrap_or(0)
}

impl<F> CaseAudit<'_, F> {
    fn check_event(&mut self, rec: &Record) {
        let entries = self.entries;
        let known = |id: u32| id >= 1 && id <= entries;
        let problems = &mut self.report.problems;
        problems.extend(
            unwritten::find(rec)
                .into_iter()
                .map(|what| Problem::Unwritten { seq: rec.seq, what }),
        );
        match &rec.event {
            EventBody::EvidenceAdded {
                id,
                attachments: files,
                ..
            } => {
                if id.0 != entries + 1 {
                    problems.push(Problem::IdOutOfOrder {
                        seq: rec.seq,
                        id: id.to_string(),
                    });
                }
                self.entries = entries.max(id.0);
                self.attachments
                    .extend(files.iter().map(|a| (rec.seq, a.sha256.clone())));
            }
            EventBody::AttachmentAdded { id, attachment } => {
                if !known(id.0) {
                    problems.push(Problem::UnknownEntry {
                        seq: rec.seq,
                        id: id.to_string(),
                    });
                }
                self.attachments.push((rec.seq, attachment.sha256.clone()));
            }
            EventBody::EvidenceCorrected { id, .. } | EventBody::EvidenceRetracted { id, .. } => {
                if !known(id.0) {
                    problems.push(Problem::UnknownEntry {
                        seq: rec.seq,
                        id: id.to_string(),
                    });
                }
            }
            EventBody::ReportAdded { id, .. } => {
                self.records.insert(id.to_string());
            }
            EventBody::ContactWarned { id, .. } => {
                self.records.insert(id.to_string());
            }
            EventBody::LawyerConsulted { id, .. } => {
                self.records.insert(id.to_string());
            }
            EventBody::ReportUpdated { id, .. } => known_record(&self.records, id, rec.seq, problems),
            EventBody::WarningCorrected { id, .. } | EventBody::WarningRetracted { id, .. } => {
                known_record(&self.records, id, rec.seq, problems)
            }
            EventBody::ConsultationCorrected { id, .. } | EventBody::ConsultationRetracted { id, .. } => {
                known_record(&self.records, id, rec.seq, problems)
            }
            EventBody::ProfileSet { .. }
            | EventBody::ChecklistTicked { .. }
            | EventBody::NarrativeSet { .. } => {}
        }
    }
}

/// Reports a change of a step 2-4 record that no earlier line made.
fn known_record(records: &BTreeSet<String>, id: &str, seq: u64, problems: &mut Vec<Problem>) {
    if !records.contains(id) {
        problems.push(Problem::UnknownEntry {
            seq,
            id: id.to_string(),
        });
    }
}

impl Problem {
    /// The first seq that may have been tampered with, for "the first bad seq": never later
    /// than the line that was changed, deleted, moved or inserted.
    pub fn seq(&self) -> Option<u64> {
        match self {
            Problem::Chain(p) => p.seq(),
            Problem::JournalGone { .. } => None,
            Problem::UnknownEntry { seq, .. }
            | Problem::IdOutOfOrder { seq, .. }
            | Problem::AttachmentMissing { seq, .. }
            | Problem::AttachmentAltered { seq, .. }
            | Problem::AttachmentNotAFile { seq, .. }
            | Problem::Unwritten { seq, .. } => Some(*seq),
        }
    }

    /// The sentence shown to the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Chain(p) => p.message(lang),
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
            Problem::Unwritten { seq, what } => what.message(*seq, lang),
            Problem::JournalGone { vault_files, exports } => tr(
                lang,
                format!(
                    "案件记录 journal.jsonl 不见了或是空的，但证据库里有 {vault_files} 个文件、导出文件夹里有 {exports} 个文件：记录被删除或清空了。"
                ),
                format!(
                    "The case journal journal.jsonl is missing or empty, yet the vault holds {vault_files} files and the exports folder {exports}: the record was deleted or emptied."
                ),
            ),
        }
    }
}

impl Warning {
    /// The sentence shown to the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Warning::Chain(w) => w.message(lang),
            Warning::Orphan(name) => tr(
                lang,
                format!("证据库中的文件 {name} 没有被任何记录引用（可能是保存中断留下的）。"),
                format!(
                    "The vault file {name} is not named by any entry (perhaps left by an interrupted save)."
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
