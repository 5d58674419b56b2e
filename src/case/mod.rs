//! The domain: events, the state folded from them, and the operations that turn what the
//! user asked for into new events (validated first; nothing is written on bad input).

pub mod amend;
pub mod counterparts;
pub mod draft;
pub mod email;
pub mod error;
pub mod event;
mod event_de;
pub mod flags;
pub mod halfwidth;
pub mod moment;
pub mod number;
pub mod ops;
pub mod phone;
pub mod sent;
pub mod signals;
pub mod standing;
pub mod state;
pub mod text;
pub mod when;

pub use draft::{CorrectionDraft, EvidenceDraft, ProfileDraft};
pub use error::CaseError;
pub use event::{
    Attachment, EntryId, EventBody, EvidenceFields, EvidenceKind, EvidencePatch, Fen, Knew, ProfilePatch,
    Transfer,
};
pub use moment::Moment;
pub use ops::Case;
pub use state::{CaseState, Entry, Fingerprint, Profile};
pub mod brief;
pub mod leads;
pub mod steps;
