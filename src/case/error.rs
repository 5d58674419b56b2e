//! Everything that can stop a change to a case, as data: what was refused and the values it
//! names. When one of these is returned, nothing was written. The sentences the user reads
//! are not here: the shared ones are in `crate::wording`, and each surface (the command line,
//! the wizard) words what differs on it — its options, its keys and fields — in its own module.

use std::path::PathBuf;

use super::event::{EntryId, EvidenceKind};
use super::when::WhenError;
use crate::journal::JournalError;
use crate::text::TextError;
use crate::vault::VaultError;

/// A field's name in Chinese and in English, so a refusal names it in the UI language.
pub type Label = (&'static str, &'static str);

/// A change to a case that was refused or failed; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    /// The journal could not be read or written.
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// A file could not be stored in the vault.
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// No entry has this id.
    #[error("no entry {0}")]
    UnknownEntry(String),
    /// The entry was withdrawn.
    #[error("entry {0} is retracted")]
    Retracted(EntryId),
    /// The same saved email (same SHA-256) is already an entry.
    #[error("this email is already entry {0}")]
    DuplicateEmail(EntryId),
    /// A transfer with this order number (or, where the bill gives none, this bill row) is
    /// already an entry.
    #[error("order {0} is already entry {1}")]
    DuplicateOrder(String, EntryId),
    /// A call or message from the phone's backup (its place in the file) is already an entry.
    #[error("phone record {0} is already entry {1}")]
    DuplicatePhoneRecord(String, EntryId),
    /// The correction changes nothing.
    #[error("nothing to change")]
    NothingToChange,
    /// This kind needs a number, address or URL.
    #[error("a {0:?} needs a counterpart")]
    CounterpartRequired(EvidenceKind),
    /// A text field was refused.
    #[error("{}: {err}", field.1)]
    Text {
        /// Which field: its Chinese and English names.
        field: Label,
        /// Why.
        err: TextError,
    },
    /// A reason is required and was empty.
    #[error("a reason is required")]
    ReasonRequired,
    /// The time could not be read.
    #[error(transparent)]
    When(#[from] WhenError),
    /// A word in `--knew` is not known.
    #[error("unknown item {0:?}")]
    UnknownKnew(String),
    /// A letter kind that `leakaid letter` does not make.
    #[error("unknown letter {0:?}")]
    UnknownLetterKind(String),
    /// A way of sending a letter that is not known.
    #[error("unknown way of sending {0:?}")]
    UnknownSentVia(String),
    /// A SHA-256 that is not 64 hex digits.
    #[error("not a SHA-256: {0:?}")]
    BadSha256(String),
    /// An amount of money could not be read.
    #[error("cannot read the amount {0:?}")]
    BadAmount(String),
    /// An amount above [`super::event::Fen::MAX_PER_ENTRY`].
    #[error("the amount {0:?} is too large")]
    AmountTooLarge(String),
    /// A date of birth in the future or before 1900.
    #[error("the birth date {0:?} is not plausible")]
    ImplausibleBirthDate(String),
    /// An ID-card number fails its check digit or shape.
    #[error("ID number {0:?} is not valid")]
    BadIdNumber(String),
    /// A date of birth could not be read.
    #[error("cannot read the date {0:?}")]
    BadDate(String),
    /// The date of a notice or receipt lies after today.
    #[error("notice date {0} is in the future")]
    NoticeDateFuture(String),
    /// A notice date was given for a status with no paper behind it.
    #[error("a notice date needs status accepted or refused")]
    NoticeWithoutPaper,
    /// A required field was left empty: its Chinese and English names.
    #[error("{1} is required")]
    Required(&'static str, &'static str),
    /// No report (or other step record) has this id.
    #[error("no record {0}")]
    UnknownRecord(String),
    /// The warned-contact or consultation record was withdrawn.
    #[error("record {0} is retracted")]
    RecordRetracted(String),
    /// A checklist item id that is not one of the guide's items.
    #[error("unknown checklist item {0:?}")]
    UnknownChecklistItem(String),
    /// The case folder does not exist yet (for commands that only read).
    #[error("no case at {0}")]
    NoSuchCase(PathBuf),
    /// A name holding a run of digits (an ID number or a phone typed into the name).
    #[error("the name holds a number")]
    NameWithNumber,
}
