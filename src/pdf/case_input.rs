//! From a case to the packet's plain input model: the one place that knows both. The sample
//! case ([`super::sample`]) goes through the same [`build`], so the leads come from the one
//! grouping ([`crate::case::leads::rank`]) and the charges from the one decision
//! ([`crate::guide::charges::decide`]) whichever way a packet is made.

use jiff::civil::Date;

use super::packet::{
    Complainant, Fingerprint, LawRef, PacketAttachment, PacketEntry, PacketInput, PacketLead,
};
use crate::case::leads::{Lead, rank};
use crate::case::state::ChangeKind;
use crate::case::text::{shown_line, shown_text};
use crate::case::{Case, EntryId, EvidenceFields, EvidenceKind};
use crate::guide::Wording;
use crate::guide::charges::{ChargeFacts, Charges, decide};
use crate::guide::letter::LetterText;
use crate::i18n::Lang;

/// One entry as the builder takes it: its facts as they stand and what the packet shows
/// beside them.
pub struct EntryParts<'a> {
    /// The id.
    pub id: EntryId,
    /// The current facts.
    pub fields: &'a EvidenceFields,
    /// Its files.
    pub attachments: Vec<PacketAttachment>,
    /// How many corrections.
    pub corrections: usize,
    /// The retraction reason, if retracted.
    pub retracted: Option<String>,
}

/// The provisions the letter cites for `charges`, with the numbers valid on `on`.
pub fn laws_for(charges: Option<&Charges>, on: Date, lang: Lang) -> Vec<LawRef> {
    let text = LetterText::get(lang);
    charges
        .map(|c| c.law_ids.as_slice())
        .unwrap_or_default()
        .iter()
        .filter_map(|id| text.law(id))
        .filter(|law| law.in_force_on(on))
        .map(|law| law.cited_on(on))
        // A letter to the police cites only what is verified: an unverified article number
        // (e.g. after a renumbering not yet confirmed) is left out rather than printed hedged.
        .filter(|cited| cited.verified())
        .map(|cited| {
            let (text, exact) = match cited.law.wording() {
                Wording::Exact(t) => (t.to_string(), true),
                Wording::Summary(t) => (t.to_string(), false),
            };
            LawRef {
                citation: cited.citation(lang),
                text,
                exact,
            }
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

/// The facts the charges are decided from.
pub fn charge_facts(live: &[(EntryId, &EvidenceFields)]) -> ChargeFacts {
    let mut f = ChargeFacts {
        entries: live.len(),
        ..ChargeFacts::default()
    };
    for (_, e) in live {
        if let Some(l) = e.lost.filter(|l| l.0 > 0) {
            f.lost_fen += l.0;
            let d = e.occurred_at.zoned().date();
            f.last_loss = Some(f.last_loss.map_or(d, |x| x.max(d)));
        }
        f.account_in_name |= e.kind == EvidenceKind::Account;
        f.knew_anything |= !e.knew.is_empty();
    }
    f
}

/// What the case knows about a lead beside its text: the kind of number, and for an email
/// the forged sender (冒用) and the first outside IP.
pub fn lead_label(l: &Lead, lang: Lang) -> Option<String> {
    let mut parts: Vec<String> = l.label.iter().map(|n| one(n.text(lang))).collect();
    if !l.impersonated.is_empty() {
        let forged: Vec<String> = l.impersonated.iter().map(|a| one(a)).collect();
        parts.push(format!(
            "{}{}",
            lang.pick("冒用 ", "impersonating "),
            forged.join(lang.pick("、", ", "))
        ));
    }
    if !l.origin_ips.is_empty() {
        let ips: Vec<String> = l.origin_ips.iter().map(|a| one(a)).collect();
        parts.push(format!(
            "{}{}",
            lang.pick("首个外部发信IP ", "first outside IP "),
            ips.join(lang.pick("、", ", "))
        ));
    }
    (!parts.is_empty()).then(|| parts.join(lang.pick("；", "; ")))
}

fn lead(l: &Lead, lang: Lang) -> PacketLead {
    PacketLead {
        counterpart: one(&l.counterpart),
        label: lead_label(l, lang),
        count: l.count,
        kinds: l.kinds.iter().copied().collect(),
        knew: l.knew.iter().copied().collect(),
        first: l.first.zoned().datetime(),
        last: l.last.zoned().datetime(),
        lost_fen: l.lost.0,
        entries: l.entries.iter().map(ToString::to_string).collect(),
    }
}

/// Builds the packet input from its parts (the case's or the sample's).
pub fn build(
    complainant: Complainant,
    narrative: Option<String>,
    parts: &[EntryParts<'_>],
    fingerprint: Fingerprint,
    print_date: Date,
    lang: Lang,
) -> PacketInput {
    let live: Vec<(EntryId, &EvidenceFields)> = parts
        .iter()
        .filter(|p| p.retracted.is_none())
        .map(|p| (p.id, p.fields))
        .collect();
    let charges = decide(&charge_facts(&live), print_date);
    let leads: Vec<Lead> = rank(live.iter().copied());
    let entries = parts
        .iter()
        .map(|p| {
            let f = p.fields;
            PacketEntry {
                id: p.id.to_string(),
                number: p.id.0,
                occurred_at: f.occurred_at.zoned().datetime(),
                kind: f.kind,
                counterpart: one(&f.counterpart),
                to_mine: opt(&f.to_mine),
                summary: text(&f.summary),
                knew: f.knew.iter().copied().collect(),
                amount_lost_fen: f.lost.map(|l| l.0).filter(|l| *l > 0),
                transfer: f.transfer.as_deref().cloned(),
                attachments: p.attachments.clone(),
                corrections: p.corrections,
                retracted: p.retracted.clone(),
            }
        })
        .collect();
    PacketInput {
        print_date,
        complainant,
        narrative: narrative.filter(|t| !t.trim().is_empty()),
        entries,
        leads: leads.iter().map(|l| lead(l, lang)).collect(),
        laws: laws_for(charges.as_ref(), print_date, lang),
        charges,
        fingerprint,
        side_files: Vec::new(),
    }
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
    let parts: Vec<EntryParts<'_>> = state
        .entries
        .iter()
        .map(|e| EntryParts {
            id: e.id,
            fields: &e.current,
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
        })
        .collect();
    build(
        complainant,
        state.narrative.as_ref().map(|(t, _)| text(t)),
        &parts,
        Fingerprint {
            count: state.fingerprint.count,
            head: state.fingerprint.head.clone(),
        },
        print_date,
        lang,
    )
}
