//! What can go wrong with the journal file.

use std::io;
use std::path::PathBuf;

/// A journal operation that failed; nothing was written when this is returned from an append.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// The disk is full; the journal was rolled back to its previous length.
    #[error("disk full while writing {path}")]
    DiskFull {
        /// The file.
        path: PathBuf,
    },
    /// The folder or file may not be written.
    #[error("no permission to write {path}")]
    ReadOnly {
        /// The file or folder.
        path: PathBuf,
    },
    /// Something that is not a folder stands where a folder must be.
    #[error("{path} is not a folder")]
    NotAFolder {
        /// The path.
        path: PathBuf,
    },
    /// Any other I/O failure.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// A complete line could not be read as an event.
    #[error("journal line {line} (byte {offset}) cannot be read: {detail}")]
    Damaged {
        /// 1-based line number.
        line: u64,
        /// Byte offset of the line.
        offset: u64,
        /// The parser's words.
        detail: String,
    },
    /// A line reads as a record but is not in the form leakaid writes (an extra field, other
    /// spacing, key order or escaping): it was altered.
    #[error("journal line at byte {offset} is not in the canonical form")]
    NotCanonical {
        /// Byte offset of the line.
        offset: u64,
    },
    /// The journal is a link, a folder, a pipe or a device, not a regular file.
    #[error("{path} is not a regular file")]
    NotRegular {
        /// The journal.
        path: PathBuf,
    },
    /// The last line's seq is the largest number there is: no line can follow it.
    #[error("{path}: the last seq is u64::MAX")]
    SeqExhausted {
        /// The journal.
        path: PathBuf,
    },
    /// Repairing the end of the journal needs to cut bytes off, and the file is append-only
    /// (`chattr +a`). The bytes are kept in quarantine.
    #[error("{path} is append-only; repairing its end needs to cut {bytes} bytes")]
    AppendOnly {
        /// The journal.
        path: PathBuf,
        /// How many bytes at the end would be cut.
        bytes: u64,
    },
    /// An event could not be encoded (a bug, never the user's input).
    #[error("cannot encode event: {0}")]
    Encode(#[from] serde_json::Error),
}

impl JournalError {
    /// Classifies an I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> JournalError {
        let path = path.into();
        match source.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => JournalError::DiskFull { path },
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                JournalError::ReadOnly { path }
            }
            io::ErrorKind::NotADirectory | io::ErrorKind::AlreadyExists => JournalError::NotAFolder { path },
            _ => JournalError::Io { path, source },
        }
    }
}
