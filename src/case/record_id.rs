//! The ids of the records of steps 2–4: a report (`R1` …), a warned contact (`W1` …) and a
//! consultation (`L1` …). Each is its own type, so a warned contact's id can never be taken
//! for a consultation's; each is written exactly as it always was (`"R1"`), so the journal
//! does not change. An id read from a journal is kept as written, even one this program
//! would not have made: the record is folded as recorded and `verify` says what is wrong.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Serialize};

macro_rules! record_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The letter every id of this kind begins with.
            pub const PREFIX: char = $prefix;

            /// The id of the `n`-th record of this kind (1-based): `R1`, `W2` ….
            pub fn nth(n: usize) -> $name {
                $name(format!("{}{n}", $prefix))
            }

            /// The id as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// True when `typed` names this record: any case, spaces around ignored.
            pub fn is(&self, typed: &str) -> bool {
                self.0.eq_ignore_ascii_case(typed.trim())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> $name {
                $name(s)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> $name {
                $name(s.to_string())
            }
        }

        impl Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

record_id!(
    /// A report made to an authority or a letter sent (step 2): `R1`, `R2` ….
    ReportId,
    'R'
);
record_id!(
    /// A contact warned (step 3): `W1`, `W2` ….
    WarningId,
    'W'
);
record_id!(
    /// A consultation with a lawyer (step 4): `L1`, `L2` ….
    ConsultationId,
    'L'
);

/// A record of steps 3 and 4 that can be corrected or withdrawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmendableId {
    /// A warned contact.
    Warning(WarningId),
    /// A consultation.
    Consultation(ConsultationId),
}

impl fmt::Display for AmendableId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AmendableId::Warning(id) => id.fmt(f),
            AmendableId::Consultation(id) => id.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_written_as_they_always_were() {
        assert_eq!(ReportId::nth(1).to_string(), "R1");
        assert_eq!(WarningId::nth(12).as_str(), "W12");
        assert_eq!(
            serde_json::to_string(&ConsultationId::nth(3)).expect("json"),
            "\"L3\""
        );
        let read: ReportId = serde_json::from_str("\"R7\"").expect("read");
        assert_eq!(read, ReportId::nth(7));
        assert!(read.is(" r7 "));
        assert!(!read.is("R70"));
    }

    #[test]
    fn ids_sort_as_their_text_did() {
        // The JSON export lists record histories in this order; it must not change.
        let mut ids = [WarningId::nth(10), WarningId::nth(2), WarningId::nth(1)];
        ids.sort();
        let shown: Vec<String> = ids.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["W1", "W10", "W2"]);
    }
}
