//! The domain: events, the state folded from them, and the operations that turn what the
//! user asked for into new events (validated first; nothing is written on bad input).

pub mod amend;
pub mod bill;
pub mod counterparts;
pub mod draft;
pub mod error;
pub mod event;
mod event_de;
pub mod flags;
pub mod letter_kind;
pub mod ops;
pub mod phone_import;
pub mod record_id;
pub mod report_channel;
pub mod sent;
pub mod signals;
pub mod standing;
pub mod state;
pub mod unwritten;
pub mod verify;
pub mod when;

pub use crate::journal::Fingerprint;
pub use crate::moment::Moment;
pub use draft::{CorrectionDraft, EvidenceDraft, ProfileDraft};
pub use error::CaseError;
pub use event::{
    Attachment, EntryId, EventBody, EvidenceFields, EvidenceKind, EvidencePatch, Fen, Knew, ProfilePatch,
    Transfer,
};
pub use letter_kind::LetterKind;
pub use ops::Case;
pub use record_id::{AmendableId, ConsultationId, ReportId, WarningId};
pub use state::{CaseState, Entry, Profile};

/// A line of the case's journal: the journal's record carrying the case's event.
pub type Record = crate::journal::Record<EventBody>;
/// What an append of a case event wrote.
pub type Appended = crate::journal::Appended<EventBody>;
/// Lines of the case's journal read from some offset on.
pub type Batch = crate::journal::Batch<EventBody>;
pub mod leads;
pub mod steps;
