//! From a case to the packet's plain input model: the one place that knows both.

use jiff::civil::Date;

use super::laws::interim_complaint_laws;
use super::packet::{Complainant, Fingerprint, LawRef, PacketAttachment, PacketEntry, PacketInput};
use crate::case::Case;
use crate::case::state::ChangeKind;
use crate::i18n::Lang;

/// The legal basis for a packet printed on `on`. INTERIM: the list in [`super::laws`];
/// swap in `guide::complaint_laws(on)` here once the guide content is on main.
pub fn laws_for(on: Date, lang: Lang) -> Vec<LawRef> {
    interim_complaint_laws(on, lang)
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Everything the packet shows about `case`, in `lang`, printed on `print_date`.
pub fn input_from_case(case: &Case, lang: Lang, print_date: Date) -> PacketInput {
    let state = case.state();
    let p = &state.profile;
    let complainant = Complainant {
        name: p.name.trim().to_string(),
        sex: opt(&p.sex),
        birth_date: opt(&p.birth_date),
        id_number: opt(&p.id_number),
        address: opt(&p.address),
        phones: p.phones.iter().filter_map(|s| opt(s)).collect(),
        emails: p.emails.iter().filter_map(|s| opt(s)).collect(),
    };
    let entries = state
        .entries
        .iter()
        .map(|e| {
            let f = &e.current;
            PacketEntry {
                id: e.id.to_string(),
                occurred_at: f.occurred_at.zoned().datetime(),
                kind: f.kind,
                counterpart: f.counterpart.clone(),
                to_mine: opt(&f.to_mine),
                summary: f.summary.clone(),
                knew: f
                    .knew
                    .iter()
                    .map(|k| lang.pick(k.zh(), k.en()).to_string())
                    .collect(),
                amount_lost_fen: f.lost.map(|fen| i64::try_from(fen.0).unwrap_or(i64::MAX)),
                attachments: e
                    .attachments
                    .iter()
                    .map(|a| PacketAttachment {
                        name: a.original_name.clone(),
                        sha256: a.sha256.clone(),
                        size: a.size,
                        media_type: a.media_type.clone(),
                        path: Some(case.vault().path_of(&a.sha256)),
                    })
                    .collect(),
                corrections: e
                    .history
                    .iter()
                    .filter(|c| matches!(c.kind, ChangeKind::Corrected { .. }))
                    .count(),
                retracted: e.retracted.as_ref().map(|r| r.reason.clone()),
            }
        })
        .collect();
    PacketInput {
        print_date,
        complainant,
        narrative: state.narrative.as_ref().map(|(text, _)| text.clone()),
        entries,
        laws: laws_for(print_date, lang),
        fingerprint: Fingerprint {
            count: state.fingerprint.count,
            head: state.fingerprint.head.clone(),
        },
        reports: Vec::new(),
        warned: Vec::new(),
    }
}
