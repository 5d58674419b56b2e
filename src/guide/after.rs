//! What to do after a report, by where it stands: not accepted at the desk (不予受理), not
//! opened with or without the written notice (不予立案), no decision within the period. Read
//! from `[[police.after]]` in the guide files, each with the rules it rests on.

use serde::Deserialize;

use super::model::Sourced;

/// Which standing a piece of advice is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AfterId {
    /// The desk would not take the report.
    NotAccepted,
    /// Not opened, and no written notice recorded: the 复议 period has not started.
    RefusedNoNotice,
    /// Not opened, the notice received on a recorded day: 复议 within 7 days of it.
    Refused,
    /// Accepted, and no decision within the period.
    NoDecision,
}

impl AfterId {
    /// Every id, in the order the guide files hold them.
    pub const ALL: &'static [AfterId] = &[
        AfterId::NotAccepted,
        AfterId::RefusedNoNotice,
        AfterId::Refused,
        AfterId::NoDecision,
    ];

    /// The position in [`AfterId::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The advice for one standing.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AfterReport {
    /// Which standing.
    pub id: AfterId,
    /// The one line for the top of the overview: `{id}` the report, `{date}` the last day of
    /// a running period, with the rule in brackets.
    pub now: String,
    /// The same line once the period is over (only where a period runs).
    #[serde(default)]
    pub late: Option<String>,
    /// What to do, in order, shown under the report on step 2 (`{id}`, `{date}` as in `now`).
    pub todo: Vec<String>,
    /// The rules it rests on, shown as "依据".
    pub basis: String,
    /// Where this came from.
    pub source: String,
    /// Whether the source is strong enough to state it as fact.
    pub verified: bool,
}

impl Sourced for AfterReport {
    fn source(&self) -> &str {
        &self.source
    }
    fn verified(&self) -> bool {
        self.verified
    }
    fn headline(&self) -> &str {
        &self.now
    }
}
