//! Leads: the counterparts ranked by how often they made contact, with what they knew and
//! the money lost — the "被控告人 / 线索" of a complaint. One grouping (by
//! [`counterpart_key`](crate::evidence::phone::counterpart_key)) and one classification ([`classify_key`]) for `leads`, the wizard and
//! the packet.

use std::collections::BTreeSet;
use std::sync::Arc;

use serde::Serialize;

use super::counterparts::{CounterpartId, Counterparts};
use super::event::{EntryId, EvidenceFields, Fen, Knew};
use super::flags::{KindSet, KnewSet};
use super::state::CaseState;
use crate::evidence::number::{LabelCache, NumberLabel};
use crate::moment::Moment;

/// One counterpart and everything the live entries say about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Lead {
    /// The counterpart as first written.
    pub counterpart: String,
    /// The comparison key every entry of this lead shares.
    pub key: String,
    /// What kind of number it is, when it is one (shared by every lead with the same label).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::evidence::number::serialize_shared"
    )]
    pub label: Option<Arc<NumberLabel>>,
    /// How many live entries.
    pub count: usize,
    /// The kinds of contact.
    pub kinds: KindSet,
    /// Everything they knew, across all entries.
    pub knew: KnewSet,
    /// First contact.
    pub first: Moment,
    /// Latest contact.
    pub last: Moment,
    /// Money lost to them.
    pub lost: Fen,
    /// The entries.
    pub entries: Vec<EntryId>,
    /// For emails: the IPs of the first hop from outside the recipient's provider.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub origin_ips: BTreeSet<String>,
    /// For emails: the sender's own connections where it signed in to send (提交方IP).
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub submitter_ips: BTreeSet<String>,
    /// For emails: the forged From addresses they used (冒用).
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub impersonated: BTreeSet<String>,
}

/// Counterparts of live entries, most contacts first (then most money lost, most known,
/// latest).
/// Entries without a counterpart are left out.
pub fn leads(state: &CaseState) -> Vec<Lead> {
    let live = state
        .live_entries()
        .map(|e| (e.id, &e.current, e.counterpart_id()));
    rank_keyed(live, state.counterparts())
}

/// The grouping behind [`leads`], for any list of live entries (the packet's sample case
/// uses it too): one lead per counterpart key, so one number written four ways is one lead.
pub fn rank<'a>(live: impl IntoIterator<Item = (EntryId, &'a EvidenceFields)>) -> Vec<Lead> {
    let mut keys = Counterparts::default();
    let live: Vec<_> = live
        .into_iter()
        .map(|(id, f)| (id, f, keys.id_of(&f.counterpart)))
        .collect();
    rank_keyed(live, &keys)
}

/// One lead per key of `keys`, from entries whose counterpart's key is already known.
///
/// Each number is classified when its lead is first met, and a label shared by many leads
/// is worked out once and held once.
fn rank_keyed<'a>(
    live: impl IntoIterator<Item = (EntryId, &'a EvidenceFields, CounterpartId)>,
    keys: &Counterparts,
) -> Vec<Lead> {
    // Where each key's lead is in `out`.
    let mut lead_of: Vec<Option<usize>> = vec![None; keys.len()];
    let mut out: Vec<Lead> = Vec::new();
    let mut labels = LabelCache::default();
    for (id, f, key) in live {
        if f.counterpart.trim().is_empty() {
            continue;
        }
        let Some(slot) = lead_of.get_mut(key.index()) else {
            continue;
        };
        let at = match *slot {
            Some(at) => at,
            None => {
                let text = keys.key(key);
                // The key of a number is its normalised form; anything else has no label.
                let label = if keys.is_phone(key) {
                    labels.of_key(text)
                } else {
                    None
                };
                out.push(Lead {
                    counterpart: f.counterpart.clone(),
                    key: text.to_string(),
                    label,
                    count: 0,
                    kinds: KindSet::new(),
                    knew: KnewSet::new(),
                    first: f.occurred_at,
                    last: f.occurred_at,
                    lost: Fen(0),
                    entries: Vec::new(),
                    origin_ips: BTreeSet::new(),
                    submitter_ips: BTreeSet::new(),
                    impersonated: BTreeSet::new(),
                });
                *slot = Some(out.len() - 1);
                out.len() - 1
            }
        };
        let Some(lead) = out.get_mut(at) else {
            continue;
        };
        lead.count += 1;
        lead.kinds.insert(f.kind);
        lead.knew.extend(f.knew.iter());
        if f.occurred_at.timestamp() < lead.first.timestamp() {
            lead.first = f.occurred_at;
        }
        if f.occurred_at.timestamp() > lead.last.timestamp() {
            lead.last = f.occurred_at;
        }
        lead.lost = Fen::total([lead.lost, f.lost.unwrap_or_default()]);
        lead.entries.push(id);
        if let Some(m) = &f.email {
            let o = m.origin();
            if !o.submitter.is_empty() {
                lead.submitter_ips.insert(o.submitter.clone());
            }
            if !o.ip.is_empty() && o.ip != o.submitter {
                lead.origin_ips.insert(o.ip);
            }
            if let Some(forged) = o.impersonated {
                lead.impersonated.insert(forged.address);
            }
        }
    }
    // A total order (two leads never share a counterpart as written: it would be one key),
    // so an unstable sort gives the one result; later criteria are compared only on a tie.
    // The places are sorted, not the leads, so each lead is moved once.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_unstable_by(|&a, &b| {
        let (a, b) = (&out[a], &out[b]);
        b.count
            .cmp(&a.count)
            .then_with(|| b.lost.cmp(&a.lost))
            .then_with(|| b.knew.len().cmp(&a.knew.len()))
            .then_with(|| b.last.timestamp().cmp(&a.last.timestamp()))
            .then_with(|| a.counterpart.cmp(&b.counterpart))
    });
    put_in_order(&mut out, order);
    out
}

/// The leads in the order a complaint lists them, by what they show: money lost first, then
/// how much of the victim's details they knew beyond the name (bulk advertisers use the name
/// too), then all they knew, then how often they made contact, then the latest contact. A
/// mobile that called four times and knew the employer comes before 106 ports that sent
/// ads by name, however many. (The wizard's lists keep [`rank`]'s order: who keeps
/// contacting you.)
pub fn by_what_they_show(leads: &mut [Lead]) {
    let beyond_name = |l: &Lead| l.knew.len() - usize::from(l.knew.contains(&Knew::Name));
    leads.sort_by(|a, b| {
        b.lost
            .cmp(&a.lost)
            .then_with(|| beyond_name(b).cmp(&beyond_name(a)))
            .then_with(|| b.knew.len().cmp(&a.knew.len()))
            .then_with(|| b.count.cmp(&a.count))
            .then_with(|| b.last.timestamp().cmp(&a.last.timestamp()))
            .then_with(|| a.counterpart.cmp(&b.counterpart))
    });
}

/// Most addresses of one kind printed for a lead; the rest are counted.
pub const SHOWN_ADDRESSES: usize = 3;

/// The first few of `items`, then how many more (`另有 148 个 IP`): a lead stays readable
/// when a free-mail sender came through a hundred servers.
pub fn few<'a>(
    items: impl ExactSizeIterator<Item = &'a String>,
    more: impl Fn(usize) -> String,
) -> Vec<String> {
    let total = items.len();
    let mut out: Vec<String> = items.take(SHOWN_ADDRESSES).cloned().collect();
    if total > SHOWN_ADDRESSES {
        out.push(more(total - SHOWN_ADDRESSES));
    }
    out
}

/// Moves the items of `v` so that place `i` holds what was at `order[i]` (`order` a
/// permutation of the places), in place: each cycle of the permutation is followed once.
fn put_in_order<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut i = start;
        // `order[i] == i` marks a place already filled (or filled from the start).
        while let Some(&from) = order.get(i)
            && from != i
        {
            order[i] = i;
            if from == start {
                break;
            }
            v.swap(i, from);
            i = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::EvidenceDraft;
    use crate::case::Record;
    use crate::case::event::{EventBody, EvidenceKind, Knew};

    fn record(seq: u64, kind: EvidenceKind, counterpart: &str, at: &str) -> Record {
        let now: jiff::ZonedDateTime = "2026-12-01T12:00:00+08:00[Asia/Shanghai]".parse().expect("now");
        let fields = EvidenceDraft {
            kind: Some(kind),
            counterpart: counterpart.into(),
            at: at.into(),
            knew: if seq.is_multiple_of(2) {
                [Knew::Name].into()
            } else {
                [Knew::IdNumber].into()
            },
            lost: if seq == 3 { "500".into() } else { String::new() },
            ..Default::default()
        }
        .validate(&now)
        .expect("valid");
        Record {
            seq,
            ts: fields.occurred_at,
            prev: String::new(),
            event: EventBody::EvidenceAdded {
                id: EntryId(u32::try_from(seq + 1).expect("small")),
                fields,
                attachments: Vec::new(),
            },
        }
    }

    #[test]
    fn a_lead_names_a_few_addresses_and_counts_the_rest() {
        let ips: BTreeSet<String> = (1..=151).map(|i| format!("203.0.113.{i}")).collect();
        let shown = few(ips.iter(), |n| format!("另有 {n} 个 IP"));
        assert_eq!(shown.len(), SHOWN_ADDRESSES + 1);
        assert_eq!(shown.last().map(String::as_str), Some("另有 148 个 IP"));
        let two: BTreeSet<String> = ["a".to_string(), "b".to_string()].into();
        assert_eq!(few(two.iter(), |n| n.to_string()), ["a", "b"]);
    }

    #[test]
    fn putting_in_order_follows_every_cycle() {
        let order = vec![3, 0, 4, 1, 2, 5];
        let mut v = vec!['a', 'b', 'c', 'd', 'e', 'f'];
        put_in_order(&mut v, order);
        assert_eq!(v, ['d', 'a', 'e', 'b', 'c', 'f']);
    }

    proptest::proptest! {
        #[test]
        fn putting_in_order_is_indexing(keys in proptest::collection::vec(0u16..50, 0..60)) {
            let mut order: Vec<usize> = (0..keys.len()).collect();
            order.sort_by_key(|&i| (keys[i], i));
            let expected: Vec<u16> = order.iter().map(|&i| keys[i]).collect();
            let mut v = keys.clone();
            put_in_order(&mut v, order);
            proptest::prop_assert_eq!(v, expected);
        }
    }

    #[test]
    fn one_caller_written_many_ways_is_one_lead_with_its_label() {
        let recs = [
            record(0, EvidenceKind::Call, "+86 170 1234 5678", "2026-11-01 09:00"),
            record(1, EvidenceKind::Sms, "１７０１２３４５６７８", "2026-11-03 09:00"),
            record(
                2,
                EvidenceKind::Call,
                "170\u{200B}1234\u{3000}5678",
                "2026-11-02 09:00",
            ),
            record(3, EvidenceKind::Call, "0755-8888-1234", "2026-11-04 09:00"),
            record(4, EvidenceKind::Call, "95566", "2026-11-05 09:00"),
        ];
        let state = CaseState::fold(&recs);
        let ranked = leads(&state);
        assert_eq!(ranked.len(), 3);
        let top = &ranked[0];
        assert_eq!((top.count, top.key.as_str()), (3, "17012345678"));
        assert_eq!(top.counterpart, "+86 170 1234 5678");
        assert_eq!(top.first.short(), "2026-11-01 09:00");
        assert_eq!(top.last.short(), "2026-11-03 09:00");
        assert_eq!(top.knew, [Knew::Name, Knew::IdNumber].into());
        assert_eq!(
            top.label.as_ref().map(|l| l.zh.as_str()),
            Some("移动通信转售号段（虚拟运营商）")
        );
        let shenzhen = ranked.iter().find(|l| l.key == "075588881234").expect("landline");
        assert_eq!(
            shenzhen.label.as_ref().map(|l| l.zh.as_str()),
            Some("固话 · 广东省深圳市")
        );
        assert_eq!(shenzhen.lost, Fen(50_000));
        let bank = ranked.iter().find(|l| l.key == "95566").expect("bank");
        assert!(bank.label.as_ref().is_some_and(|l| l.caution));
    }
}
