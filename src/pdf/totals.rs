//! What the packet counts over every entry of a case, worked out in one pass over the folded
//! state before anything is copied: how many entries (live, retracted, by kind), the chart's
//! bars, the 时间经过's key events, and which entries the letter and the evidence list print.
//! Only those are copied into the packet model ([`super::case_input::build`]), so a case of
//! 100,000 entries costs the packet no more than the few hundred entries it prints.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use jiff::civil::{Date, DateTime};

use super::bins;
use super::model::{LEADS_TOLD, PRINT_ALL_UP_TO, TIMELINE_ROWS, Totals, lead_rows};
use crate::case::{EntryId, EvidenceFields, EvidenceKind, Knew};
use crate::evidence::phone::counterpart_key;
use crate::text::shown_line;

/// One live entry as the pass reads it: its number, when it happened in the packet's zone,
/// and its facts.
#[derive(Clone, Copy)]
pub struct Live<'a> {
    /// The entry number (3 for `E3`).
    pub number: u32,
    /// When it happened, in the zone the packet prints.
    pub at: DateTime,
    /// Its facts as they stand.
    pub fields: &'a EvidenceFields,
}

/// What one pass over the entries gives the builder: the totals, and the entries to copy.
pub struct Counted {
    /// The totals.
    pub totals: Totals,
    /// The numbers of the entries the packet prints; `None`: every entry (a case of at most
    /// [`PRINT_ALL_UP_TO`] entries prints them all).
    pub printed: Option<HashSet<u32>>,
}

/// Whether `e` is a loss.
fn is_loss(f: &EvidenceFields) -> bool {
    f.lost.is_some_and(|l| l.0 > 0)
}

/// The key events among `by_time` (live entries in time order), at most `limit`: the first
/// contact of each counterpart, the first to show an item of the victim's information, and
/// each loss.
pub fn key_events(by_time: &[Live<'_>], limit: usize) -> Vec<u32> {
    let mut seen_cp = BTreeSet::new();
    let mut seen_knew = BTreeSet::new();
    let mut out = Vec::new();
    for e in by_time {
        if out.len() >= limit {
            break;
        }
        let f = e.fields;
        let new_cp = seen_cp.insert(counterpart_key(shown_line(&f.counterpart).trim()));
        let new_knew = f.knew.iter().fold(false, |new, k| seen_knew.insert(*k) | new);
        if new_cp || new_knew || is_loss(f) {
            out.push(e.number);
        }
    }
    out
}

/// Counts `entries` (every entry of the case, retracted ones included) and `by_time` (the
/// live ones, in time order, then by number), and picks the entries to print: all of them
/// up to [`PRINT_ALL_UP_TO`]; above that the top leads' entries (`lead_entries`, in rank
/// order) and those the letter names — the first and the latest, the first of each of the
/// [`LEADS_TOLD`] leads it describes, the first to show each item of information, every
/// loss and the key events.
pub fn count(entries: usize, by_time: &[Live<'_>], leads: usize, lead_entries: &[&[EntryId]]) -> Counted {
    let mut by_kind: BTreeMap<EvidenceKind, usize> = BTreeMap::new();
    let mut days: Vec<(Date, EvidenceKind)> = Vec::with_capacity(by_time.len());
    for e in by_time {
        *by_kind.entry(e.fields.kind).or_default() += 1;
        days.push((e.at.date(), e.fields.kind));
    }
    let key = if by_time.len() > TIMELINE_ROWS {
        key_events(by_time, TIMELINE_ROWS)
    } else {
        Vec::new()
    };
    let printed = (entries > PRINT_ALL_UP_TO).then(|| {
        let mut keep: HashSet<u32> = lead_rows(lead_entries.iter().copied()).map(|id| id.0).collect();
        keep.extend(by_time.first().map(|e| e.number));
        keep.extend(by_time.last().map(|e| e.number));
        keep.extend(
            lead_entries
                .iter()
                .take(LEADS_TOLD)
                .filter_map(|l| l.first().map(|id| id.0)),
        );
        let mut knew_seen: BTreeSet<Knew> = BTreeSet::new();
        for e in by_time {
            let first_to_know = e
                .fields
                .knew
                .iter()
                .fold(false, |new, k| knew_seen.insert(*k) | new);
            if first_to_know || is_loss(e.fields) {
                keep.insert(e.number);
            }
        }
        keep.extend(key.iter().copied());
        keep
    });
    Counted {
        totals: Totals {
            entries,
            retracted: entries - by_time.len(),
            live: by_time.len(),
            leads,
            by_kind,
            chart: bins::counts(&days),
            key_events: key,
        },
        printed,
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::super::model::printed_entries;
    use super::super::sample::sample_input;
    use super::*;

    #[test]
    fn a_case_up_to_the_limit_copies_every_entry() {
        let input = sample_input(120, date(2025, 6, 1));
        assert_eq!(input.entries.len(), 120);
        assert_eq!(input.totals.entries, 120);
        let retracted = input.entries.iter().filter(|e| e.retracted.is_some()).count();
        assert!(retracted > 0);
        assert_eq!(input.totals.retracted, retracted);
        assert_eq!(input.totals.live, 120 - retracted);
    }

    #[test]
    fn a_big_case_counts_every_entry_and_copies_only_what_it_prints() {
        let input = sample_input(5_000, date(2025, 6, 1));
        let t = &input.totals;
        assert!(input.is_big());
        assert_eq!(t.entries, 5_000);
        assert_eq!(t.live + t.retracted, 5_000);
        assert_eq!(t.by_kind.values().sum::<usize>(), t.live);
        let charted: usize = t.chart.1.iter().flat_map(|(_, k)| k.values()).sum();
        assert_eq!(charted, t.live, "the chart counts every live entry");
        // Copied: the printed rows and what the letter names, not the whole case.
        assert!(input.entries.len() < 1_000, "{} copied", input.entries.len());
        assert!(input.leads.len() <= t.leads);
        let copied: HashSet<u32> = input.entries.iter().map(|e| e.number).collect();
        for e in printed_entries(&input) {
            assert!(copied.contains(&e.number));
        }
        assert!(!t.key_events.is_empty() && t.key_events.len() <= TIMELINE_ROWS);
        assert!(t.key_events.iter().all(|n| copied.contains(n)));
        // The loss, and the first and the latest live entry, are there to be named.
        assert!(input.entries.iter().any(|e| e.amount_lost_fen.is_some()));
        let live = input.entries.iter().filter(|e| e.retracted.is_none());
        let first = live.clone().map(|e| e.occurred_at).min();
        let last = live.map(|e| e.occurred_at).max();
        let all = super::super::sample::sample_fields(5_000);
        assert_eq!(first, all.first().map(|f| f.occurred_at.zoned().datetime()));
        assert_eq!(last, all.last().map(|f| f.occurred_at.zoned().datetime()));
    }
}
