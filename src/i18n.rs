//! The user-interface language. Every piece of text the user reads exists in each of these.

use serde::{Deserialize, Serialize};

/// A language leakaid can speak. Simplified Chinese is the default because the people this
/// program is for are in China; English is there for helpers and for review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese (`zh`).
    #[default]
    Zh,
    /// English (`en`).
    En,
}
