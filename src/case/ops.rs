//! The case as a whole: its folder, journal and vault, the state folded from the journal,
//! and the operations that append events. Every operation validates first and appends with
//! the journal's lock held, after catching up with lines other processes wrote.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use super::Appended;
use super::amend::Amendable;
use super::error::CaseError;
use super::event::{Attachment, EntryId, EventBody, EvidenceFields, EvidencePatch, ProfilePatch};
use super::state::CaseState;
use super::steps::{ConsultationFields, ReportFields, ReportPatch, WarningFields};
use super::verify::{Report, verify_each};
use crate::durable::{self, Swept};
use crate::guide::ChecklistId;
use crate::journal::verify::PrintedFingerprint;
use crate::journal::{Clock, Journal, QUARANTINE_DIR};
use crate::moment::Moment;
use crate::text::{MAX_LINE_CHARS, MAX_TEXT_CHARS, clean_line, clean_text, shown_line};
use crate::vault::{Received, Vault};

/// One case: a folder with `journal.jsonl`, `vault/` and `exports/`.
#[derive(Debug)]
pub struct Case {
    dir: PathBuf,
    journal: Journal,
    vault: Vault,
    state: CaseState,
    /// Bytes of the journal folded into `state`.
    offset: u64,
    /// False for a case opened only to log (the state is not read).
    loaded: bool,
    /// The seq of a last record folded into `state` whose final newline is missing: it lies
    /// after `offset`, and the next read from `offset` gives it again (as a complete line
    /// once the next write has restored its newline), when it must not be folded twice.
    pending: Option<u64>,
    /// Temporary files left by killed writers, removed when the case was opened to write.
    swept: Swept,
}

/// The name of the exports folder inside a case folder.
pub const EXPORTS_DIR: &str = "exports";

impl Case {
    /// Opens the case at `dir` for logging only: creates it if needed, reads nothing.
    /// Appends then read only the journal's tail. Temporary files that killed writers left
    /// in the case's folders are removed first (see [`Case::swept`]).
    pub fn for_logging(dir: &Path) -> Result<Case, CaseError> {
        let journal = Journal::create(dir)?;
        let vault = Vault::of_case(dir);
        let swept = durable::sweep_stale(&[
            dir,
            vault.dir(),
            &dir.join(EXPORTS_DIR),
            &dir.join(QUARANTINE_DIR),
        ]);
        Ok(Case {
            dir: dir.to_path_buf(),
            vault,
            journal,
            state: CaseState::default(),
            offset: 0,
            loaded: false,
            pending: None,
            swept,
        })
    }

    /// The temporary files removed when the case was opened for writing.
    pub fn swept(&self) -> &Swept {
        &self.swept
    }

    /// Opens the case at `dir`, creating it if needed, and folds its whole journal.
    pub fn open(dir: &Path) -> Result<Case, CaseError> {
        let mut case = Case::for_logging(dir)?;
        case.loaded = true;
        case.refresh()?;
        Ok(case)
    }

    /// Opens an existing case read-only; a folder without a journal reads as an empty case
    /// (nothing is created).
    pub fn open_existing(dir: &Path) -> Result<Case, CaseError> {
        if !dir.is_dir() {
            return Err(CaseError::NoSuchCase(dir.to_path_buf()));
        }
        let mut case = Case {
            dir: dir.to_path_buf(),
            journal: Journal::at(dir),
            vault: Vault::of_case(dir),
            state: CaseState::default(),
            offset: 0,
            loaded: true,
            pending: None,
            swept: Swept::default(),
        };
        case.refresh()?;
        Ok(case)
    }

    /// Opens an existing case and checks it in the same pass over the journal (the chain,
    /// the references, every attachment), for work that must not rely on a broken record.
    pub fn open_verified(
        dir: &Path,
        earlier: Option<&PrintedFingerprint>,
    ) -> Result<(Case, Report), CaseError> {
        if !dir.is_dir() {
            return Err(CaseError::NoSuchCase(dir.to_path_buf()));
        }
        let journal = Journal::at(dir);
        let vault = Vault::of_case(dir);
        let mut state = CaseState::default();
        let report = verify_each(&journal, &vault, earlier, |r| state.apply_owned(r))?;
        state.fingerprint = report.fingerprint.clone();
        if let Some((seq, head)) = &report.pending {
            // Counted as it will be once its newline is back, as `refresh` counts it.
            state.fingerprint.count = seq.saturating_add(1);
            state.fingerprint.head.clone_from(head);
        }
        let offset = report.bytes;
        let case = Case {
            dir: dir.to_path_buf(),
            journal,
            vault,
            state,
            offset,
            loaded: true,
            pending: report.pending.as_ref().map(|(seq, _)| *seq),
            swept: Swept::default(),
        };
        Ok((case, report))
    }

    /// The same case, stamping what it records with `clock` instead of the system clock
    /// (a fixed clock in tests; see [`Journal::with_clock`]).
    pub fn with_clock(mut self, clock: Clock) -> Case {
        self.journal = self.journal.with_clock(clock);
        self
    }

    /// The time now by the case's clock: what the next line would be stamped with.
    pub fn now(&self) -> Moment {
        (self.journal.clock())()
    }

    /// The case folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The journal.
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// The vault.
    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    /// The state folded so far.
    pub fn state(&self) -> &CaseState {
        &self.state
    }

    /// The folder for exported files.
    pub fn exports_dir(&self) -> PathBuf {
        self.dir.join(EXPORTS_DIR)
    }

    /// Folds lines appended since the last read (by any process). Returns how many.
    pub fn refresh(&mut self) -> Result<usize, CaseError> {
        self.journal.check_regular()?;
        if self.journal.len() == self.offset {
            return Ok(0);
        }
        let state = &mut self.state;
        state.expect_journal_bytes(self.journal.len().saturating_sub(self.offset));
        let mut folded = 0;
        let mut folded_before = self.pending.take();
        let batch = self.journal.fold_from(self.offset, |r| {
            // Only the first record read can be the one folded before.
            if folded_before.take() != Some(r.seq) {
                state.apply_owned(r);
                folded += 1;
            }
        })?;
        self.absorb(&[], batch.end, batch.head);
        if let Some(p) = batch.pending {
            // A last record whose final newline is missing is shown like the others (the
            // next write restores the newline); folded once however often it is read.
            self.pending = Some(p.record.seq);
            if folded_before != Some(p.record.seq) {
                self.state.apply_owned(p.record);
                folded += 1;
            }
            self.state.fingerprint.head = p.head;
        }
        Ok(folded)
    }

    fn absorb(&mut self, records: &[crate::case::Record], end: u64, head: Option<String>) {
        let mut folded_before = self.pending.take();
        for r in records {
            if folded_before.take() != Some(r.seq) {
                self.state.apply(r);
            }
        }
        if records.is_empty() {
            // Nothing read yet: the record folded before is still ahead.
            self.pending = folded_before;
        }
        self.offset = end;
        if let Some(h) = head {
            self.state.fingerprint.head = h;
        }
    }

    /// Appends the event `build` makes from the up-to-date state, with the lock held.
    fn commit(
        &mut self,
        build: impl FnOnce(&CaseState) -> Result<EventBody, CaseError>,
    ) -> Result<Appended, CaseError> {
        self.commit_or_undo(build, || {})
    }

    /// Like [`Case::commit`]; `undo` runs, with the lock still held, when the append is
    /// refused or fails.
    fn commit_or_undo(
        &mut self,
        build: impl FnOnce(&CaseState) -> Result<EventBody, CaseError>,
        undo: impl FnOnce(),
    ) -> Result<Appended, CaseError> {
        let journal = self.journal.clone();
        if !self.loaded {
            // Operations other than logging need the whole state.
            self.loaded = true;
        }
        let appended = journal.append_or_undo(
            |ctx| {
                let batch = ctx.records_since(self.offset)?;
                self.absorb(&batch.records, batch.end, batch.head);
                build(&self.state)
            },
            undo,
        )?;
        self.after_append(&appended);
        Ok(appended)
    }

    fn after_append(&mut self, a: &Appended) {
        if self.loaded {
            self.state.apply(&a.record);
            self.offset = a.end;
            self.pending = None;
            self.state.fingerprint.head.clone_from(&a.head);
        }
    }

    /// Logs a new entry with files from the user's disk. All or nothing: the files are
    /// received first (a file that cannot be read refuses the entry), named in the vault with
    /// the journal's lock held, and taken back out if the append is refused or fails.
    /// Returns the new entry's id and the durable record.
    pub fn log(
        &mut self,
        fields: EvidenceFields,
        files: &[PathBuf],
    ) -> Result<(EntryId, Appended), CaseError> {
        let staged = Staged::receive(&self.vault, files)?;
        let keep_all = || staged.keep_all();
        let undo = || staged.undo();
        let appended = if self.loaded {
            self.commit_or_undo(
                |state| {
                    Ok(EventBody::EvidenceAdded {
                        id: state.next_id(),
                        attachments: keep_all()?,
                        fields,
                    })
                },
                undo,
            )?
        } else {
            // Only the tail is read: the last id logged, found walking backwards.
            let a = self.journal.append_or_undo(
                |ctx| {
                    let last = ctx.find_last(|r| match &r.event {
                        EventBody::EvidenceAdded { id, .. } => Some(*id),
                        _ => None,
                    })?;
                    let id = EntryId(last.map_or(1, |l| l.0 + 1));
                    Ok::<_, CaseError>(EventBody::EvidenceAdded {
                        id,
                        attachments: keep_all()?,
                        fields,
                    })
                },
                undo,
            )?;
            self.after_append(&a);
            a
        };
        let id = appended.record.event.entry_id().unwrap_or(EntryId(0));
        Ok((id, appended))
    }

    /// Logs transfers read from a bill, one entry each, the bill stored once in the vault as
    /// the attachment of every one. Refused as a whole, naming the entry, when the case
    /// already holds one of their order numbers (or, for a row with none, the same bill row);
    /// checked again with the lock held before each append.
    pub fn log_transfers(
        &mut self,
        transfers: Vec<EvidenceFields>,
        bill: &Path,
    ) -> Result<Vec<EntryId>, CaseError> {
        self.loaded = true;
        self.refresh()?;
        let duplicate = |state: &CaseState, f: &EvidenceFields| -> Result<(), CaseError> {
            let Some(t) = f.transfer.as_deref() else {
                return Ok(());
            };
            let held = state.live_entries().find(|e| {
                e.current.transfer.as_deref().is_some_and(|h| {
                    if t.txn.is_empty() {
                        !t.bill_row.is_empty() && h.bill_row == t.bill_row
                    } else {
                        h.txn.trim() == t.txn.trim()
                    }
                })
            });
            match held {
                Some(e) => Err(CaseError::DuplicateOrder(
                    if t.txn.is_empty() {
                        t.bill_row.clone()
                    } else {
                        t.txn.clone()
                    },
                    e.id,
                )),
                None => Ok(()),
            }
        };
        for f in &transfers {
            duplicate(&self.state, f)?;
        }
        let staged = Staged::receive(&self.vault, &[bill.to_path_buf()])?;
        let mut kept: Option<Vec<Attachment>> = None;
        let mut ids = Vec::with_capacity(transfers.len());
        for fields in transfers {
            let first = kept.is_none();
            let appended = self.commit_or_undo(
                |state| {
                    duplicate(state, &fields)?;
                    let attachments = match &kept {
                        Some(a) => a.clone(),
                        None => staged.keep_all()?,
                    };
                    kept = Some(attachments.clone());
                    Ok(EventBody::EvidenceAdded {
                        id: state.next_id(),
                        fields,
                        attachments,
                    })
                },
                || {
                    if first {
                        staged.undo();
                    }
                },
            )?;
            ids.push(appended.record.event.entry_id().unwrap_or(EntryId(0)));
        }
        Ok(ids)
    }

    /// Logs calls and messages picked from the phone's own backup, one entry each, with an
    /// MMS's pictures as its attachments and, with `source`, the backup file itself kept
    /// once as an attachment of every one. Refused as a whole, naming the entry, when the
    /// case already holds one of the records (the same call or message, from this backup or
    /// another export of the same phone); checked again with the lock held before each
    /// append.
    pub fn log_phone_records(
        &mut self,
        entries: Vec<super::phone_import::PhoneEntry>,
        source: Option<&Path>,
    ) -> Result<Vec<EntryId>, CaseError> {
        self.loaded = true;
        self.refresh()?;
        let key_of = |f: &EvidenceFields| f.phone.as_ref().map(|p| (p.key.clone(), p.record.clone()));
        let duplicate = |state: &CaseState, f: &EvidenceFields| -> Result<(), CaseError> {
            let Some((key, record)) = key_of(f) else {
                return Ok(());
            };
            match state
                .live_entries()
                .find(|e| e.current.phone.as_ref().is_some_and(|p| p.key == key))
            {
                Some(e) => Err(CaseError::DuplicatePhoneRecord(record, e.id)),
                None => Ok(()),
            }
        };
        for e in &entries {
            duplicate(&self.state, &e.fields)?;
        }
        let mut media = Vec::with_capacity(entries.len());
        for e in &entries {
            let incoming = e
                .media
                .iter()
                .map(|(name, bytes)| self.vault.receive_bytes(name, bytes))
                .collect::<Result<Vec<_>, _>>()?;
            media.push(Staged::of(&self.vault, incoming));
        }
        let source = match source {
            Some(path) => Some(Staged::receive(&self.vault, &[path.to_path_buf()])?),
            None => None,
        };
        let mut kept_source: Option<Vec<Attachment>> = None;
        let mut ids = Vec::with_capacity(entries.len());
        for (entry, staged) in entries.into_iter().zip(media) {
            let first = kept_source.is_none();
            let appended = self.commit_or_undo(
                |state| {
                    duplicate(state, &entry.fields)?;
                    let mut attachments = staged.keep_all()?;
                    if let Some(src) = &source {
                        let kept = match &kept_source {
                            Some(a) => a.clone(),
                            None => src.keep_all()?,
                        };
                        attachments.extend(kept.iter().cloned());
                        kept_source = Some(kept);
                    }
                    Ok(EventBody::EvidenceAdded {
                        id: state.next_id(),
                        fields: entry.fields,
                        attachments,
                    })
                },
                || {
                    staged.undo();
                    if first && let Some(src) = &source {
                        src.undo();
                    }
                },
            )?;
            ids.push(appended.record.event.entry_id().unwrap_or(EntryId(0)));
        }
        Ok(ids)
    }

    /// Logs an imported email. Refuses, naming the existing entry, when a live entry already
    /// holds the same message (same SHA-256) unless `again` is set; the check is made with
    /// the journal's lock held, so two imports at once cannot both pass it.
    pub fn log_email(
        &mut self,
        fields: EvidenceFields,
        files: &[PathBuf],
        again: bool,
    ) -> Result<(EntryId, Appended), CaseError> {
        self.loaded = true;
        self.refresh()?;
        let sha = fields
            .email
            .as_ref()
            .map(|e| e.sha256.clone())
            .unwrap_or_default();
        // Refused before anything is copied; checked again with the lock held.
        let duplicate = |state: &CaseState| match state.entry_with_email(&sha) {
            Some(id) if !again => Err(CaseError::DuplicateEmail(id)),
            _ => Ok(()),
        };
        duplicate(&self.state)?;
        let staged = Staged::receive(&self.vault, files)?;
        let appended = self.commit_or_undo(
            |state| {
                duplicate(state)?;
                Ok(EventBody::EvidenceAdded {
                    id: state.next_id(),
                    fields,
                    attachments: staged.keep_all()?,
                })
            },
            || staged.undo(),
        )?;
        let id = appended.record.event.entry_id().unwrap_or(EntryId(0));
        Ok((id, appended))
    }

    /// Records a correction; refuses unknown or retracted entries and corrections that
    /// change nothing.
    pub fn correct(
        &mut self,
        id: EntryId,
        patch: EvidencePatch,
        reason: &str,
    ) -> Result<Appended, CaseError> {
        let reason = clean_text(reason, MAX_TEXT_CHARS).map_err(|err| CaseError::Text {
            field: ("原因", "reason"),
            err,
        })?;
        self.commit(|state| {
            let entry = state
                .entry(id)
                .ok_or_else(|| CaseError::UnknownEntry(id.to_string()))?;
            if entry.retracted.is_some() {
                return Err(CaseError::Retracted(id));
            }
            let changes = patch.against(&entry.current);
            if changes.is_empty() {
                return Err(CaseError::NothingToChange);
            }
            let after = changes.apply_to(&entry.current);
            if after.counterpart.is_empty() && after.kind.needs_counterpart() {
                return Err(CaseError::CounterpartRequired(after.kind));
            }
            Ok(EventBody::EvidenceCorrected { id, changes, reason })
        })
    }

    /// Withdraws an entry with a reason; it stays in the record, marked.
    pub fn retract(&mut self, id: EntryId, reason: &str) -> Result<Appended, CaseError> {
        let reason = clean_text(reason, MAX_TEXT_CHARS).map_err(|err| CaseError::Text {
            field: ("原因", "reason"),
            err,
        })?;
        if reason.is_empty() {
            return Err(CaseError::ReasonRequired);
        }
        self.commit(|state| {
            let entry = state
                .entry(id)
                .ok_or_else(|| CaseError::UnknownEntry(id.to_string()))?;
            if entry.retracted.is_some() {
                return Err(CaseError::Retracted(id));
            }
            Ok(EventBody::EvidenceRetracted { id, reason })
        })
    }

    /// Stores files and adds them to an entry, one event per file. Every file is received
    /// before anything is appended (one that cannot be read refuses them all); each is named
    /// in the vault with the lock held and taken back out if its append fails.
    pub fn attach(&mut self, id: EntryId, files: &[PathBuf]) -> Result<Vec<Attachment>, CaseError> {
        self.refresh()?;
        self.loaded = true;
        match self.state.entry(id) {
            None => return Err(CaseError::UnknownEntry(id.to_string())),
            Some(e) if e.retracted.is_some() => return Err(CaseError::Retracted(id)),
            Some(_) => {}
        }
        let incoming = files
            .iter()
            .map(|f| self.vault.receive(f))
            .collect::<Result<Vec<_>, _>>()?;
        let mut stored = Vec::new();
        for file in incoming {
            let vault = self.vault.clone();
            let created = RefCell::new(Vec::new());
            let a = self.commit_or_undo(
                |state| {
                    if state.entry(id).is_some_and(|e| e.retracted.is_some()) {
                        return Err(CaseError::Retracted(id));
                    }
                    let kept = vault.keep(file, &mut created.borrow_mut())?;
                    Ok(EventBody::AttachmentAdded {
                        id,
                        attachment: attachment(kept),
                    })
                },
                || vault.remove_kept(&created.borrow()),
            )?;
            if let EventBody::AttachmentAdded { attachment, .. } = a.record.event {
                stored.push(attachment);
            }
        }
        Ok(stored)
    }

    /// Sets some of the victim's details.
    pub fn set_profile(&mut self, changes: ProfilePatch) -> Result<Appended, CaseError> {
        if changes.is_empty() {
            return Err(CaseError::NothingToChange);
        }
        self.commit(|_| Ok(EventBody::ProfileSet { changes }))
    }

    /// Ticks or unticks an immediate-action checklist item; `item` must be one of the
    /// guide's [`ChecklistId`]s (`change_passwords` …), anything else is refused.
    pub fn tick(&mut self, item: &str, done: bool) -> Result<Appended, CaseError> {
        let item = clean_line(item, MAX_LINE_CHARS).map_err(|err| CaseError::Text {
            field: ("清单项目", "checklist item"),
            err,
        })?;
        if !ChecklistId::ALL.iter().any(|c| c.as_str() == item) {
            return Err(CaseError::UnknownChecklistItem(item));
        }
        self.commit(|_| Ok(EventBody::ChecklistTicked { item, done }))
    }

    /// Sets the user's own account of what happened, for the packet.
    pub fn set_narrative(&mut self, text: &str) -> Result<Appended, CaseError> {
        let text = clean_text(text, MAX_TEXT_CHARS).map_err(|err| CaseError::Text {
            field: ("经过", "your account"),
            err,
        })?;
        self.commit(|_| Ok(EventBody::NarrativeSet { text }))
    }

    /// Records a report made to an authority (step 2); returns its id.
    pub fn add_report(&mut self, fields: ReportFields) -> Result<String, CaseError> {
        let a = self.commit(|state| {
            Ok(EventBody::ReportAdded {
                id: state.next_report_id(),
                fields,
            })
        })?;
        Ok(record_id(&a))
    }

    /// Updates a report's status, receipt, officer, follow-up or note.
    pub fn update_report(&mut self, id: &str, changes: ReportPatch) -> Result<(), CaseError> {
        if changes.is_empty() {
            return Err(CaseError::NothingToChange);
        }
        self.commit(|state| {
            let rep = state
                .report(id)
                .ok_or_else(|| CaseError::UnknownRecord(id.trim().to_string()))?;
            // A date alone belongs to the status the report has now, which must have a paper.
            let dated = changes.notice_date.is_some_and(|d| d.day().is_some());
            if dated && changes.status.is_none() && !rep.current.status.has_notice() {
                return Err(CaseError::NoticeWithoutPaper);
            }
            Ok(EventBody::ReportUpdated {
                id: rep.id.clone(),
                changes,
            })
        })?;
        Ok(())
    }

    /// Records a contact who was warned (step 3); returns its id.
    pub fn add_warning(&mut self, fields: WarningFields) -> Result<String, CaseError> {
        let a = self.commit(|state| {
            Ok(EventBody::ContactWarned {
                id: state.next_warning_id(),
                fields,
            })
        })?;
        Ok(record_id(&a))
    }

    /// Records a consultation with a lawyer (step 4); returns its id.
    pub fn add_consultation(&mut self, fields: ConsultationFields) -> Result<String, CaseError> {
        let a = self.commit(|state| {
            Ok(EventBody::LawyerConsulted {
                id: state.next_consultation_id(),
                fields,
            })
        })?;
        Ok(record_id(&a))
    }
}

/// What to do to a warned-contact or consultation record.
enum RecordChange<P> {
    Correct(P, String),
    Retract(String),
}

/// Checks a correction or withdrawal of the step 3-4 record `id` and builds its event:
/// unknown and withdrawn records are refused, as is a correction that changes nothing.
fn record_event<P: Amendable>(
    state: &CaseState,
    id: &str,
    change: RecordChange<P>,
) -> Result<EventBody, CaseError> {
    let (rid, current) = P::find(state, id).ok_or_else(|| CaseError::UnknownRecord(id.trim().to_string()))?;
    if P::is_retracted(state, rid) {
        return Err(CaseError::RecordRetracted(rid.to_string()));
    }
    match change {
        RecordChange::Correct(patch, reason) => {
            let changes = patch.against(current);
            if changes.is_empty() {
                return Err(CaseError::NothingToChange);
            }
            Ok(P::corrected(rid.clone(), changes, reason))
        }
        RecordChange::Retract(reason) => Ok(P::retracted(rid.clone(), reason)),
    }
}

/// The reason of a correction or withdrawal, cleaned; a withdrawal needs one.
fn reason_of(reason: &str, required: bool) -> Result<String, CaseError> {
    let reason = clean_text(reason, MAX_TEXT_CHARS).map_err(|err| CaseError::Text {
        field: ("原因", "reason"),
        err,
    })?;
    if required && reason.is_empty() {
        return Err(CaseError::ReasonRequired);
    }
    Ok(reason)
}

impl Case {
    /// Corrects a warned-contact record (`W1` …, with a `WarningPatch`) or a consultation
    /// (`L1` …, with a `ConsultationPatch`); what it first said stays in the record. Returns
    /// the record's id as recorded.
    pub fn correct_record<P: Amendable>(
        &mut self,
        id: &str,
        patch: P,
        reason: &str,
    ) -> Result<String, CaseError> {
        let reason = reason_of(reason, false)?;
        let a = self.commit(|state| record_event(state, id, RecordChange::Correct(patch, reason)))?;
        Ok(changed_id(&a))
    }

    /// Withdraws a warned-contact record (`retract_record::<WarningPatch>`) or a consultation
    /// (`::<ConsultationPatch>`) with a reason; it stays in the record, marked, and no longer
    /// counts (a person withdrawn is no longer counted as warned).
    pub fn retract_record<P: Amendable>(&mut self, id: &str, reason: &str) -> Result<String, CaseError> {
        let reason = reason_of(reason, true)?;
        let a = self.commit(|state| record_event::<P>(state, id, RecordChange::Retract(reason)))?;
        Ok(changed_id(&a))
    }
}

fn changed_id(a: &Appended) -> String {
    match &a.record.event {
        EventBody::WarningCorrected { id, .. } | EventBody::WarningRetracted { id, .. } => id.to_string(),
        EventBody::ConsultationCorrected { id, .. } | EventBody::ConsultationRetracted { id, .. } => {
            id.to_string()
        }
        _ => String::new(),
    }
}

/// How a file received into the vault is described in the record. Its name comes from
/// outside: cleaned like any other one-line value.
fn attachment(f: Received) -> Attachment {
    let original_name = clean_line(&f.original_name, MAX_LINE_CHARS).unwrap_or_else(|_| {
        shown_line(&f.original_name)
            .chars()
            .take(MAX_LINE_CHARS)
            .collect()
    });
    Attachment {
        sha256: f.sha256,
        original_name,
        size: f.size,
        media_type: f.media_type.to_string(),
    }
}

fn record_id(a: &Appended) -> String {
    match &a.record.event {
        EventBody::ReportAdded { id, .. } => id.to_string(),
        EventBody::ContactWarned { id, .. } => id.to_string(),
        EventBody::LawyerConsulted { id, .. } => id.to_string(),
        _ => String::new(),
    }
}

/// Files from the user's disk received into the vault for one new entry. They get their hash
/// names only inside the append (with the journal's lock held) and are taken back out when the
/// append is refused or fails, so an entry and its files are recorded all or nothing.
struct Staged {
    vault: Vault,
    incoming: RefCell<Vec<crate::vault::Incoming>>,
    created: RefCell<Vec<String>>,
}

impl Staged {
    /// Receives every file first: one that cannot be read refuses the entry.
    fn receive(vault: &Vault, files: &[PathBuf]) -> Result<Staged, CaseError> {
        let incoming = files
            .iter()
            .map(|f| vault.receive(f))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Staged {
            vault: vault.clone(),
            incoming: RefCell::new(incoming),
            created: RefCell::new(Vec::new()),
        })
    }

    /// Files already received (bytes read out of another file).
    fn of(vault: &Vault, incoming: Vec<crate::vault::Incoming>) -> Staged {
        Staged {
            vault: vault.clone(),
            incoming: RefCell::new(incoming),
            created: RefCell::new(Vec::new()),
        }
    }

    /// Names the received files in the vault; the attachments the entry records.
    fn keep_all(&self) -> Result<Vec<Attachment>, CaseError> {
        let mut created = self.created.borrow_mut();
        self.incoming
            .take()
            .into_iter()
            .map(|i| self.vault.keep(i, &mut created).map(attachment))
            .collect::<Result<_, _>>()
            .map_err(CaseError::from)
    }

    /// Removes what [`Staged::keep_all`] named (never a file an earlier entry holds).
    fn undo(&self) {
        self.vault.remove_kept(&self.created.borrow());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn tick_refuses_ids_that_are_not_on_the_checklist() {
        let tmp = tempfile::tempdir().expect("tmp");
        let mut case = Case::open(tmp.path()).expect("case");
        let err = case.tick("change_pasword", true).expect_err("refused");
        assert!(matches!(err, CaseError::UnknownChecklistItem(ref s) if s == "change_pasword"));
        assert!(err.message(Lang::Zh).contains("change_passwords"));
        assert!(err.message(Lang::En).contains("no item"));
        assert_eq!(case.state().fingerprint.count, 0, "nothing written");
        case.tick("change_passwords", true).expect("a real item");
        assert!(case.state().is_ticked("change_passwords"));
    }

    #[test]
    fn text_refusals_name_the_field_in_the_ui_language() {
        let tmp = tempfile::tempdir().expect("tmp");
        let mut case = Case::open(tmp.path()).expect("case");
        let err = case
            .set_narrative(&"长".repeat(MAX_TEXT_CHARS + 1))
            .expect_err("too long");
        assert!(
            err.message(Lang::Zh).contains("“经过”"),
            "{}",
            err.message(Lang::Zh)
        );
        assert!(
            err.message(Lang::En).contains("“your account”"),
            "{}",
            err.message(Lang::En)
        );
        assert!(!err.message(Lang::En).contains("经过"));
    }

    fn noon() -> Moment {
        Moment::from_zoned(&"2026-11-29T12:00:00+08:00[Asia/Shanghai]".parse().expect("valid"))
    }

    #[test]
    fn a_case_with_its_own_clock_stamps_every_line_with_it() {
        let tmp = tempfile::tempdir().expect("tmp");
        let mut case = Case::open(tmp.path()).expect("case").with_clock(noon);
        assert_eq!(case.now(), noon());
        case.set_narrative("他们知道我的身份证号").expect("saved");
        case.tick("change_passwords", true).expect("ticked");
        let read: crate::journal::Batch<EventBody> = case.journal().read_from(0).expect("read");
        let stamped: Vec<Moment> = read.records.iter().map(|r| r.ts).collect();
        assert_eq!(stamped, vec![noon(), noon()]);
        assert_eq!(case.state().narrative.as_ref().map(|(_, at)| *at), Some(noon()));
    }

    fn entry(note: &str) -> EvidenceFields {
        let draft = super::super::draft::EvidenceDraft {
            kind: Some(super::super::event::EvidenceKind::Call),
            counterpart: "10086".into(),
            summary: note.into(),
            ..Default::default()
        };
        draft
            .validate(&jiff::ZonedDateTime::now())
            .expect("a valid entry")
    }

    fn summaries(case: &Case) -> Vec<String> {
        case.state()
            .entries
            .iter()
            .map(|e| e.current.summary.clone())
            .collect()
    }

    /// Drops the journal's final newline, as a bad copy or a crash after the write can.
    fn lose_final_newline(dir: &Path) {
        let path = dir.join(crate::journal::JOURNAL_FILE);
        let len = std::fs::metadata(&path).expect("journal").len();
        let f = std::fs::OpenOptions::new().write(true).open(&path).expect("open");
        f.set_len(len - 1).expect("cut");
    }

    #[test]
    fn the_entry_that_lost_its_final_newline_is_shown_and_folded_once() {
        let tmp = tempfile::tempdir().expect("tmp");
        let mut writer = Case::open(tmp.path()).expect("case");
        for n in ["一", "二", "三"] {
            writer.log(entry(n), &[]).expect("log");
        }
        let fingerprint = writer.state().fingerprint.clone();
        lose_final_newline(tmp.path());

        // Every way of opening shows the third entry, with the fingerprint it will have.
        let mut reader = Case::open_existing(tmp.path()).expect("open");
        assert_eq!(summaries(&reader), ["一", "二", "三"]);
        assert_eq!(reader.state().fingerprint, fingerprint);
        let (verified, _) = Case::open_verified(tmp.path(), None).expect("verified");
        assert_eq!(summaries(&verified), ["一", "二", "三"]);
        assert_eq!(verified.state().fingerprint, fingerprint);
        let mut own = Case::open(tmp.path()).expect("open");
        assert_eq!(reader.refresh().expect("nothing new"), 0);

        // Another process writes: the newline comes back, then its line. A reader folds
        // only the new line; a writer that had the pending entry appends after it.
        Case::open(tmp.path())
            .expect("other")
            .log(entry("四"), &[])
            .expect("log");
        assert_eq!(reader.refresh().expect("refresh"), 1);
        assert_eq!(summaries(&reader), ["一", "二", "三", "四"]);
        lose_final_newline(tmp.path());
        assert_eq!(reader.refresh().expect("refresh"), 0);
        own.log(entry("五"), &[]).expect("log");
        assert_eq!(summaries(&own), ["一", "二", "三", "四", "五"]);
        let (mut verified, _) = Case::open_verified(tmp.path(), None).expect("verified");
        assert_eq!(summaries(&verified), ["一", "二", "三", "四", "五"]);
        assert_eq!(verified.refresh().expect("refresh"), 0);
        assert_eq!(reader.refresh().expect("refresh"), 1);
        assert_eq!(reader.state().entries.len(), 5);
        assert_eq!(reader.state().fingerprint, own.state().fingerprint);
    }
}
