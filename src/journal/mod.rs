//! The append-only, hash-chained event log on disk (`journal.jsonl`).
//!
//! Only this module touches the journal file. An append is: take the exclusive lock → cut a
//! torn tail off into quarantine → read the head (the last line only) → build the event → one
//! `write_all` of the whole line → `sync_data` → unlock → report success. A failed write
//! rolls the file back to its previous length.

mod canonical;
mod error;
mod file;
mod hashed;
mod lines;
pub mod progress;
mod record;
mod tail;
pub mod verify;

pub use error::JournalError;
pub use file::{
    AppendCtx, Appended, Batch, Clock, JOURNAL_FILE, Journal, Pending, QUARANTINE_DIR, Quarantined,
    TailRepair,
};
pub use record::{GENESIS, LineFault, Payload, Record, sha256_hex};
pub use tail::BackLines;
pub use verify::Fingerprint;

/// A payload for the journal's own tests: any serde type will do, and this one writes the
/// same line as the case's narrative event.
#[cfg(test)]
pub(crate) mod testing {
    use serde::{Deserialize, Serialize};

    /// A note.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(tag = "type", rename_all = "snake_case")]
    pub(crate) enum Note {
        /// A note with text.
        NarrativeSet {
            /// What it says.
            text: String,
        },
        /// Another kind, so that matching on the kind means something.
        Other,
    }
}

#[cfg(test)]
mod tests;
