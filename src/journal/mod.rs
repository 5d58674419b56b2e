//! The append-only, hash-chained event log on disk (`journal.jsonl`).
//!
//! Only this module touches the journal file. An append is: take the exclusive lock → cut a
//! torn tail off into quarantine → read the head (the last line only) → build the event → one
//! `write_all` of the whole line → `sync_data` → unlock → report success. A failed write
//! rolls the file back to its previous length.

mod canonical;
mod error;
mod file;
mod lines;
pub mod progress;
mod record;
mod tail;
pub mod verify;

pub use error::JournalError;
pub use file::{AppendCtx, Appended, Batch, JOURNAL_FILE, Journal, QUARANTINE_DIR, Quarantined, TailRepair};
pub use record::{GENESIS, LineFault, Record, sha256_hex};
pub use tail::BackLines;

#[cfg(test)]
mod tests;
