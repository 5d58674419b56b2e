//! Leads: the counterparts ranked by how often they made contact, with what they knew and
//! the money lost — the "被控告人 / 线索" of a complaint.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::event::{EntryId, EvidenceFields, EvidenceKind, Fen, Knew};
use super::moment::Moment;
use super::phone::counterpart_key;
use super::state::CaseState;

/// One counterpart and everything the live entries say about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Lead {
    /// The counterpart as first written.
    pub counterpart: String,
    /// How many live entries.
    pub count: usize,
    /// The kinds of contact.
    pub kinds: BTreeSet<EvidenceKind>,
    /// Everything they knew, across all entries.
    pub knew: BTreeSet<Knew>,
    /// First contact.
    pub first: Moment,
    /// Latest contact.
    pub last: Moment,
    /// Money lost to them.
    pub lost: Fen,
    /// The entries.
    pub entries: Vec<EntryId>,
}

/// Counterparts of live entries, most contacts first (then most money lost, most known,
/// latest).
/// Entries without a counterpart are left out.
pub fn leads(state: &CaseState) -> Vec<Lead> {
    rank(state.live_entries().map(|e| (e.id, &e.current)))
}

/// The grouping behind [`leads`], for any list of live entries (the packet's sample case
/// uses it too): one lead per counterpart key, so one number written four ways is one lead.
pub fn rank<'a>(live: impl IntoIterator<Item = (EntryId, &'a EvidenceFields)>) -> Vec<Lead> {
    let mut by_key: HashMap<String, Lead> = HashMap::new();
    for (id, f) in live {
        if f.counterpart.trim().is_empty() {
            continue;
        }
        let lead = by_key
            .entry(counterpart_key(&f.counterpart))
            .or_insert_with(|| Lead {
                counterpart: f.counterpart.clone(),
                count: 0,
                kinds: BTreeSet::new(),
                knew: BTreeSet::new(),
                first: f.occurred_at,
                last: f.occurred_at,
                lost: Fen(0),
                entries: Vec::new(),
            });
        lead.count += 1;
        lead.kinds.insert(f.kind);
        lead.knew.extend(f.knew.iter().copied());
        if f.occurred_at.timestamp() < lead.first.timestamp() {
            lead.first = f.occurred_at;
        }
        if f.occurred_at.timestamp() > lead.last.timestamp() {
            lead.last = f.occurred_at;
        }
        lead.lost = Fen::total([lead.lost, f.lost.unwrap_or_default()]);
        lead.entries.push(id);
    }
    let mut out: Vec<Lead> = by_key.into_values().collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.lost.cmp(&a.lost))
            .then(b.knew.len().cmp(&a.knew.len()))
            .then(b.last.timestamp().cmp(&a.last.timestamp()))
            .then(a.counterpart.cmp(&b.counterpart))
    });
    out
}
