//! The sentences the user reads when something below the surfaces is refused or fails, in
//! either language. Errors carry data; the words are here, once, and a surface adds its own
//! words only where the next step differs on it (see [`case_error::Surface`]).

pub mod case_error;

pub use case_error::{Surface, case_error, journal_message, vault_message};
