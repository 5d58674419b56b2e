//! From a case to the packet's plain input model: the one place that knows both.

use jiff::civil::Date;

use super::packet::{Complainant, Fingerprint, LawRef, PacketAttachment, PacketEntry, PacketInput};
use crate::case::Case;
use crate::case::state::ChangeKind;
use crate::case::text::{shown_line, shown_text};
use crate::guide::Guide;
use crate::i18n::Lang;

/// The legal basis for a packet printed on `on`: the provisions the guide marks for a police
/// letter, each with the article number in force that day and its words: the statute's own when
/// checked, else the summary labelled 要旨 / "Summary".
pub fn laws_for(on: Date, lang: Lang) -> Vec<LawRef> {
    // A letter to the police cites only what is verified: an unverified article number
    // (e.g. after a renumbering not yet confirmed) is left out rather than printed hedged.
    let guide = Guide::get(lang);
    guide
        .complaint_laws(on)
        .into_iter()
        .filter(|c| c.verified())
        .map(|c| LawRef {
            citation: c.citation(lang),
            summary: c.law.wording().printed(lang),
        })
        .collect()
}

/// A one-line value read back from the case, cleaned for printing ([`shown_line`]).
fn one(s: &str) -> String {
    shown_line(s).trim().to_string()
}

/// Multi-line text read back from the case, cleaned for printing ([`shown_text`]).
fn text(s: &str) -> String {
    shown_text(s).into_owned()
}

fn opt(s: &str) -> Option<String> {
    let t = one(s);
    (!t.is_empty()).then_some(t)
}

/// Everything the packet shows about `case`, in `lang`, printed on `print_date`.
pub fn input_from_case(case: &Case, lang: Lang, print_date: Date) -> PacketInput {
    let state = case.state();
    let p = &state.profile;
    let complainant = Complainant {
        name: one(&p.name),
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
                counterpart: one(&f.counterpart),
                to_mine: opt(&f.to_mine),
                summary: text(&f.summary),
                knew: f
                    .knew
                    .iter()
                    .map(|k| lang.pick(k.zh(), k.en()).to_string())
                    .collect(),
                amount_lost_fen: f.lost,
                attachments: e
                    .attachments
                    .iter()
                    .map(|a| PacketAttachment {
                        name: one(&a.original_name),
                        sha256: a.sha256.clone(),
                        size: a.size,
                        media_type: one(&a.media_type),
                        path: Some(case.vault().path_of(&a.sha256)),
                    })
                    .collect(),
                corrections: e
                    .history
                    .iter()
                    .filter(|c| matches!(c.kind, ChangeKind::Corrected { .. }))
                    .count(),
                retracted: e.retracted.as_ref().map(|r| text(&r.reason)),
            }
        })
        .collect();
    PacketInput {
        print_date,
        complainant,
        narrative: state.narrative.as_ref().map(|(t, _)| text(t)),
        entries,
        laws: laws_for(print_date, lang),
        fingerprint: Fingerprint {
            count: state.fingerprint.count,
            head: state.fingerprint.head.clone(),
        },
        reports: state
            .reports
            .iter()
            .map(|r| {
                let c = &r.current;
                let mut line = format!(
                    "{}  {}  {}",
                    c.filed_at.short(),
                    one(&c.channel),
                    lang.pick(c.status.zh(), c.status.en())
                );
                if !c.receipt.is_empty() {
                    line.push_str(&format!(
                        "  {}{}",
                        lang.pick("回执/编号：", "receipt: "),
                        one(&c.receipt)
                    ));
                }
                if !c.officer.is_empty() {
                    line.push_str(&format!(
                        "  {}{}",
                        lang.pick("经办人：", "officer: "),
                        one(&c.officer)
                    ));
                }
                line
            })
            .collect(),
        warned: state
            .warnings
            .iter()
            .map(|(_, w)| {
                let via = if w.via.is_empty() {
                    String::new()
                } else {
                    format!("  {}", one(&w.via))
                };
                format!("{}  {}{via}", w.warned_at.short(), one(&w.who))
            })
            .collect(),
    }
}
