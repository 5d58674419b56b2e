//! Money as the record keeps it: whole fen (1/100 yuan), so every sum is exact.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Money, in fen (1/100 yuan), so sums are exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fen(pub u64);

impl Fen {
    /// Reads `1200`, `1200.5`, `1,200.50`, `¥1200` or `1200元`.
    pub fn parse_yuan(s: &str) -> Option<Fen> {
        let t: String = s
            .trim()
            .trim_start_matches(['¥', '￥'])
            .trim_end_matches('元')
            .chars()
            .filter(|c| *c != ',')
            .collect();
        let (whole, frac) = match t.split_once('.') {
            Some((w, f)) => (w, f),
            None => (t.as_str(), ""),
        };
        if whole.is_empty()
            || !whole.chars().all(|c| c.is_ascii_digit())
            || frac.len() > 2
            || !frac.chars().all(|c| c.is_ascii_digit())
        {
            return None;
        }
        let w: u64 = whole.parse().ok()?;
        let f: u64 = if frac.is_empty() {
            0
        } else {
            format!("{frac:0<2}").parse().ok()?
        };
        w.checked_mul(100)?.checked_add(f).map(Fen)
    }

    /// The most one entry may record as lost: ¥10,000,000,000 (ten billion yuan).
    pub const MAX_PER_ENTRY: Fen = Fen(10_000_000_000 * 100);

    /// The sum of `amounts`: the one place totals are made (the brief, the packet, the
    /// leads). It saturates instead of wrapping, so a hand-edited journal cannot turn a
    /// total into a small or negative number.
    pub fn total(amounts: impl IntoIterator<Item = Fen>) -> Fen {
        Fen(amounts.into_iter().fold(0u64, |sum, f| sum.saturating_add(f.0)))
    }
}

impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}
