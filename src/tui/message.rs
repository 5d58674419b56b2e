//! What reaches the wizard's update (a key, a paste, a resize, the result of a save) and what
//! the update asks the runtime to do with the case.

use std::path::PathBuf;

use crossterm::event::KeyEvent;

use crate::case::steps::{
    ConsultationFields, ConsultationPatch, ReportFields, ReportPatch, WarningFields, WarningPatch,
};
use crate::case::{AmendableId, ConsultationId, ReportId, WarningId};
use crate::case::{EntryId, EvidenceFields, EvidencePatch, ProfilePatch};
use crate::guide::ChecklistId;
use crate::i18n::Lang;
use crate::pdf::export::Exported;
use crate::tui::form::ExportChoice;

/// Something that happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// A key was pressed.
    Key(KeyEvent),
    /// Text was pasted (bracketed paste).
    Paste(String),
    /// The terminal has a new size (columns, rows).
    Resize(u16, u16),
    /// Another process appended this many journal lines; the state has them now.
    Refreshed(usize),
    /// The case saved what the form asked for (the new entry's id for a new entry).
    Saved(Option<EntryId>),
    /// The case saved a record of steps 2-4 (its id, `R1`, `W1`, `L1`).
    SavedRecord(String),
    /// The case refused or failed; the sentence to show.
    Failed(String),
    /// The export worker started.
    ExportStarted,
    /// The evidence folder's worker started.
    BundleStarted,
    /// The evidence folder's worker finished: the folder, or the sentence saying why not.
    Bundled(Result<crate::bundle::BundleDone, String>),
    /// The export worker finished: the file, or the sentence saying why not; and the copy
    /// for the user (its path, or why there is none), when one was asked for.
    Exported(Result<Exported, String>, Option<Result<PathBuf, String>>),
    /// The system was asked to open the packet: whether it could.
    Opened(bool),
    /// Text was put on the clipboard.
    Copied,
    /// A setting was saved (or only applies to this session, when it could not be).
    SettingSaved(bool),
    /// The letter worker started.
    LetterStarted,
    /// A letter was saved, or the sentence saying why not.
    LetterSaved(Result<crate::tui::letters::SavedLetter, String>),
    /// The case is being read at startup: the percent of its journal read so far.
    Loading(u8),
    /// A bill was read (its file and the rows), or the sentence saying why not.
    BillRead(PathBuf, Result<crate::evidence::bill::Bill, String>),
    /// Transfers picked from a bill were recorded: their ids.
    BillRecorded(Vec<EntryId>),
}

/// What the runtime must do with the case.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Log a new entry.
    Log(EvidenceFields),
    /// Correct an entry.
    Correct(EntryId, EvidencePatch, String),
    /// Retract an entry.
    Retract(EntryId, String),
    /// Attach a file to an entry.
    Attach(EntryId, std::path::PathBuf),
    /// Set profile fields.
    SetProfile(ProfilePatch),
    /// Tick or untick a checklist item.
    Tick(ChecklistId, bool),
    /// Record a report.
    AddReport(ReportFields),
    /// Update a report.
    UpdateReport(ReportId, ReportPatch),
    /// Record a warned contact.
    AddWarning(WarningFields),
    /// Record a consultation.
    AddConsultation(ConsultationFields),
    /// Correct a warned-contact record (id, changes, reason).
    CorrectWarning(WarningId, WarningPatch, String),
    /// Correct a consultation record (id, changes, reason).
    CorrectConsultation(ConsultationId, ConsultationPatch, String),
    /// Withdraw a warned-contact or consultation record (id, reason).
    RetractRecord(AmendableId, String),
    /// Set the victim's own account.
    SetNarrative(String),
    /// Make the packet on a worker thread.
    Export(ExportChoice),
    /// Make the evidence folder on a worker thread.
    Bundle(ExportChoice),
    /// Remember the language the user switched to.
    SaveLang(Lang),
    /// Open the file with the system's program for it.
    OpenFile(PathBuf),
    /// Put the text on the clipboard.
    Copy(String),
    /// Make a letter and save it (PDF and text) with a copy for the user.
    SaveLetter(crate::tui::letters::LetterOrder),
    /// Read a bill file.
    ReadBill(PathBuf),
    /// Record the rows of this bill (only the picked rows) as transfers, the file kept once.
    RecordBill(PathBuf, crate::evidence::bill::Bill),
}
