//! From a case to the packet's plain input model: the one place that knows both. The sample
//! case ([`super::sample`]) goes through the same [`build`], so the leads come from the one
//! grouping ([`crate::case::leads::rank`]) and the charges from the one decision
//! ([`crate::guide::charges::decide`]) whichever way a packet is made.

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::model::{
    Complainant, Fingerprint, LEADS_SHOWN, LawRef, PacketAttachment, PacketEmail, PacketEntry, PacketInput,
    PacketLead, PacketReport, leads_reached,
};
use super::totals::{Counted, Live, count};
use crate::case::CaseState;
use crate::case::leads::{Lead, by_what_they_show, rank};
use crate::case::state::ChangeKind;
use crate::case::steps::ReportStatus;
use crate::case::{Attachment, Case, EntryId, EvidenceFields, EvidenceKind, Moment};
use crate::evidence::number::NumberLabel;
use crate::guide::Wording;
use crate::guide::charges::{ChargeFacts, Charges, Cite, after_earlier_reports, cite, decide};
use crate::guide::letter::LetterText;
use crate::i18n::{Lang, tr};
use crate::localtime::in_zone;
use crate::template::fill;
use crate::text::{shown_contact, shown_counterpart, shown_line, shown_text};
use crate::vault::Vault;

/// The files of an entry as the builder takes them: copied only when the entry is printed.
pub enum EntryFiles<'a> {
    /// Already in the packet's form (the sample case).
    Listed(Vec<PacketAttachment>),
    /// The case's own attachments, drawn from its vault.
    InVault(&'a [Attachment], &'a Vault),
}

impl EntryFiles<'_> {
    fn packet(&self) -> Vec<PacketAttachment> {
        match self {
            EntryFiles::Listed(list) => list.clone(),
            EntryFiles::InVault(list, vault) => list
                .iter()
                .map(|a| PacketAttachment {
                    name: one(&a.original_name),
                    sha256: a.sha256.clone(),
                    size: a.size,
                    media_type: one(&a.media_type),
                    path: Some(vault.path_of(&a.sha256)),
                })
                .collect(),
        }
    }
}

/// One entry as the builder takes it: its facts as they stand and what the packet shows
/// beside them, borrowed from the case (nothing is copied until the entry is printed).
pub struct EntryParts<'a> {
    /// The id.
    pub id: EntryId,
    /// The current facts.
    pub fields: &'a EvidenceFields,
    /// When the entry was logged (the journal time of its line).
    pub recorded_at: Moment,
    /// Its files.
    pub attachments: EntryFiles<'a>,
    /// How many corrections.
    pub corrections: usize,
    /// The retraction reason, if retracted.
    pub retracted: Option<String>,
}

/// The provisions the letter cites for `charges`, with the numbers valid on `on`, each as
/// [`cite`] says: whole, the paragraphs a request rests on (the statute's own words, cut only
/// between paragraphs, the citation naming them), or named with a one-line 要旨.
pub fn laws_for(charges: Option<&Charges>, on: Date, lang: Lang) -> Vec<LawRef> {
    let text = LetterText::get(lang);
    charges
        .map(|c| c.law_ids.as_slice())
        .unwrap_or_default()
        .iter()
        .filter_map(|id| text.law(id).map(|law| (*id, law)))
        .filter(|(_, law)| law.in_force_on(on))
        .map(|(id, law)| (id, law.cited_on(on)))
        // A letter to the police cites only what is verified: an unverified article number
        // (e.g. after a renumbering not yet confirmed) is left out rather than printed hedged.
        .filter(|(_, cited)| cited.verified())
        .map(|(id, cited)| {
            let citation = cited.citation(lang);
            let whole = |citation: String| {
                let (text, exact) = match cited.wording() {
                    Wording::Exact(t) => (t.to_string(), true),
                    Wording::Summary(t) => (t.to_string(), false),
                };
                LawRef {
                    citation,
                    text,
                    exact,
                }
            };
            match (cite(id), cited.wording()) {
                (Cite::Paragraphs(wanted), Wording::Exact(t)) => {
                    let all: Vec<&str> = t.split('\n').collect();
                    let kept: Option<Vec<&str>> = wanted
                        .iter()
                        .map(|n| all.get(n.wrapping_sub(1)).copied())
                        .collect();
                    match kept {
                        Some(kept) if kept.len() < all.len() => LawRef {
                            citation: format!("{citation}{}", paragraphs_named(wanted, lang)),
                            text: kept.join("\n"),
                            exact: true,
                        },
                        _ => whole(citation),
                    }
                }
                (Cite::Gist, _) => match text.law_gist.get(id) {
                    Some(gist) => LawRef {
                        citation,
                        text: gist.clone(),
                        exact: false,
                    },
                    None => whole(citation),
                },
                _ => whole(citation),
            }
        })
        .collect()
}

/// 第二款、第三款 / ", paragraphs 2 and 3": the paragraphs quoted, after the article.
fn paragraphs_named(numbers: &[usize], lang: Lang) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match lang {
        Lang::Zh => numbers
            .iter()
            .map(|n| format!("第{}款", DIGITS.get(*n).copied().unwrap_or_default()))
            .collect::<Vec<_>>()
            .join("、"),
        Lang::En => {
            let n: Vec<String> = numbers.iter().map(usize::to_string).collect();
            match n.as_slice() {
                [one] => format!(", paragraph {one}"),
                [rest @ .., last] => format!(", paragraphs {} and {last}", rest.join(", ")),
                [] => String::new(),
            }
        }
    }
}

/// What a saved email shows for its evidence-list row: From, Reply-To, the checks the
/// recipient's provider recorded, where the links point, the sending and submitting IPs.
fn packet_email(m: &crate::evidence::email::EmailFacts) -> PacketEmail {
    let route = m.route();
    let origin = m.origin();
    let mut link_domains: Vec<String> = Vec::new();
    for l in &m.links {
        let d = one(&l.domain);
        if !d.is_empty() && !link_domains.contains(&d) {
            link_domains.push(d);
        }
    }
    PacketEmail {
        from: m.from.as_ref().map(|f| one(&f.to_string())).unwrap_or_default(),
        forged: m.from_forged(),
        reply_to: m.reply_to.iter().map(|r| one(&r.to_string())).collect(),
        checks: m
            .auth
            .iter()
            .filter(|a| a.method != "dkim-signature" && a.by_provider(&m.received, route.external))
            .map(|a| {
                let check = format!("{} {}", a.method.to_uppercase(), a.result);
                one(&if a.domain.is_empty() {
                    check
                } else {
                    format!("{check} ({})", a.domain)
                })
            })
            .fold(Vec::new(), |mut seen: Vec<String>, c| {
                if !seen.contains(&c) {
                    seen.push(c);
                }
                seen
            }),
        link_domains,
        server_ip: one(&origin.ip),
        submitter_ip: one(&origin.submitter),
    }
}

/// A one-line value read back from the case, cleaned for printing ([`shown_line`]).
fn one(s: &str) -> String {
    shown_line(s).trim().to_string()
}

/// Multi-line text read back from the case, cleaned for printing ([`shown_text`]).
fn text(s: &str) -> String {
    shown_text(s).into_owned()
}

/// The facts the charges are decided from, from the live entries' facts.
pub fn charge_facts<'a>(live: impl IntoIterator<Item = &'a EvidenceFields>) -> ChargeFacts {
    let mut f = ChargeFacts::default();
    for e in live {
        f.entries += 1;
        if let Some(l) = e.lost.filter(|l| l.0 > 0) {
            f.lost_fen += l.0;
            let d = e.occurred_at.zoned().date();
            f.last_loss = Some(f.last_loss.map_or(d, |x| x.max(d)));
        }
        f.account_in_name |= e.kind == EvidenceKind::Account;
        f.knew_anything |= !e.knew.is_empty();
        match e.kind {
            EvidenceKind::Call => f.calls += 1,
            EvidenceKind::Sms | EvidenceKind::Email => f.messages += 1,
            _ => {}
        }
    }
    f
}

/// What a number is, in the few neutral words a legal document uses: 上海市固话, 中国移动手机号,
/// 400号码, 虚拟运营商号段; the advice the wizard adds (可能是改号冒用 …) is left to the wizard.
pub fn number_words(n: &NumberLabel, lang: Lang) -> String {
    use crate::evidence::number::NumberKind::*;
    let head = n.head(lang);
    match n.kind {
        // "固话 · 上海市" → 上海市固话; "mobile · China Mobile" → China Mobile mobile.
        Mobile | Landline | International => match head.split_once(" · ") {
            Some((what, place)) => match lang {
                Lang::Zh => format!("{place}{what}"),
                Lang::En => format!("{what}, {place}"),
            },
            None => head.to_string(),
        },
        Virtual => lang.pick("虚拟运营商号段", "virtual-operator block").to_string(),
        TollFree | Service400 | SmsPort | Service95 | Service96 => {
            n.tag(lang).replace(' ', lang.pick("", " "))
        }
        _ => head.to_string(),
    }
}

/// What the case knows about a lead beside its text: the kind of number, and for an email
/// the forged sender (冒用) and the sending server's IP.
pub fn lead_label(l: &Lead, lang: Lang) -> Option<String> {
    let mut parts: Vec<String> = l.label.iter().map(|n| one(&number_words(n, lang))).collect();
    let few = |set: &std::collections::BTreeSet<String>, kind_zh: &str, kind_en: &str| {
        let more = |n: usize| {
            tr(
                lang,
                format!("另有 {n} 个{kind_zh}"),
                format!("and {n} more {kind_en}"),
            )
        };
        crate::case::leads::few(set.iter(), more)
            .iter()
            .map(|a| one(a))
            .collect::<Vec<String>>()
            .join(lang.pick("、", ", "))
    };
    if !l.impersonated.is_empty() {
        parts.push(format!(
            "{}{}",
            lang.pick("冒用 ", "impersonating "),
            few(&l.impersonated, "地址", "addresses")
        ));
    }
    if !l.origin_ips.is_empty() {
        parts.push(format!(
            "{}{}",
            lang.pick("发信服务器IP ", "sending server IP "),
            few(&l.origin_ips, " IP", "IPs")
        ));
    }
    if !l.submitter_ips.is_empty() {
        parts.push(format!(
            "{}{}",
            lang.pick("提交方IP ", "submitted from IP "),
            few(&l.submitter_ips, " IP", "IPs")
        ));
    }
    (!parts.is_empty()).then(|| parts.join(lang.pick("；", "; ")))
}

/// A mainland mobile (or virtual-operator) number however it was written (`+86 138-0013-8000`,
/// full-width digits) in the 11 digits an officer queries; `None` for anything else.
pub fn mobile_digits(counterpart: &str) -> Option<String> {
    use crate::evidence::number::NumberKind::{Mobile, Virtual};
    let key = crate::evidence::phone::normalise_phone(counterpart)?;
    let eleven = key.len() == 11 && key.bytes().all(|b| b.is_ascii_digit());
    let mobile =
        crate::evidence::number::classify_key(&key).is_some_and(|n| matches!(n.kind, Mobile | Virtual));
    (eleven && mobile).then_some(key)
}

/// A lead's counterpart as an officer can query it: a mainland mobile in its 11 digits, the
/// spelling it was first written in named once after it.
fn lead_counterpart(l: &Lead, lang: Lang) -> String {
    use crate::evidence::number::NumberKind::{Mobile, Virtual};
    let written = shown_counterpart(&l.counterpart);
    let mobile = l
        .label
        .as_ref()
        .is_some_and(|n| matches!(n.kind, Mobile | Virtual))
        && l.key.len() == 11
        && l.key.bytes().all(|b| b.is_ascii_digit());
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    if !mobile || digits == l.key {
        // Written in the 11 digits already (spaces and dashes aside): printed as they are.
        return if mobile { l.key.clone() } else { written };
    }
    let spelled = fill(&LetterText::get(lang).accused.spelled, &[("spellings", &written)]);
    format!("{}{spelled}", l.key)
}

fn lead(l: &Lead, lang: Lang, zone: &TimeZone) -> PacketLead {
    PacketLead {
        counterpart: lead_counterpart(l, lang),
        label: lead_label(l, lang),
        count: l.count,
        kinds: l.kinds.iter().copied().collect(),
        knew: l.knew.iter().copied().collect(),
        first: in_zone(&l.first, zone).datetime(),
        last: in_zone(&l.last, zone).datetime(),
        lost_fen: l.lost.0,
        entries: l.entries.iter().map(ToString::to_string).collect(),
    }
}

/// Builds the packet input from its parts (the case's or the sample's), every time in
/// `zone`: one pass over every entry for what the packet counts ([`count`]), then a copy of
/// only the entries it prints.
pub fn build(
    complainant: Complainant,
    narrative: Option<String>,
    parts: &[EntryParts<'_>],
    fingerprint: Fingerprint,
    print_date: Date,
    zone: &TimeZone,
    lang: Lang,
) -> PacketInput {
    let live: Vec<&EntryParts<'_>> = parts.iter().filter(|p| p.retracted.is_none()).collect();
    let charges = decide(&charge_facts(live.iter().map(|p| p.fields)), print_date);
    let mut leads: Vec<Lead> = rank(live.iter().map(|p| (p.id, p.fields)));
    // The complaint lists them by what they show.
    by_what_they_show(&mut leads);
    let lead_count = leads.len();
    // Only the leads the packet names are kept: those the letter lists by name and those
    // whose entries a big case's evidence list prints.
    let named = LEADS_SHOWN.max(leads_reached(leads.iter().map(|l| l.entries.len())));
    leads.truncate(named);
    leads.shrink_to_fit();
    let mut by_time: Vec<Live<'_>> = live
        .iter()
        .map(|p| Live {
            number: p.id.0,
            at: in_zone(&p.fields.occurred_at, zone).datetime(),
            fields: p.fields,
        })
        .collect();
    drop(live);
    by_time.sort_by(|a, b| a.at.cmp(&b.at).then(a.number.cmp(&b.number)));
    let lead_entries: Vec<&[EntryId]> = leads.iter().map(|l| l.entries.as_slice()).collect();
    let Counted { totals, printed } = count(parts.len(), &by_time, lead_count, &lead_entries);
    drop(lead_entries);
    drop(by_time);
    let entries = parts
        .iter()
        .filter(|p| printed.as_ref().is_none_or(|keep| keep.contains(&p.id.0)))
        .map(|p| {
            let f = p.fields;
            PacketEntry {
                id: p.id.to_string(),
                number: p.id.0,
                occurred_at: in_zone(&f.occurred_at, zone).datetime(),
                recorded_at: in_zone(&p.recorded_at, zone).datetime(),
                kind: f.kind,
                counterpart: shown_counterpart(&f.counterpart),
                to_mine: opt(&f.to_mine),
                summary: text(&f.summary),
                knew: f.knew.iter().copied().collect(),
                amount_lost_fen: f.lost.map(|l| l.0).filter(|l| *l > 0),
                transfer: f.transfer.as_deref().cloned(),
                kept_at: one(&f.kept_at),
                email: f.email.as_deref().map(packet_email),
                attachments: p.attachments.packet(),
                corrections: p.corrections,
                retracted: p.retracted.clone(),
            }
        })
        .collect();
    PacketInput {
        print_date,
        complainant: super::identity::completed(complainant, lang),
        narrative: narrative.filter(|t| !t.trim().is_empty()),
        suspect: None,
        entries,
        totals,
        zone: zone.clone(),
        leads: leads.iter().map(|l| lead(l, lang, zone)).collect(),
        reports: Vec::new(),
        laws: laws_for(charges.as_ref(), print_date, lang),
        charges,
        fingerprint,
        side_files: Vec::new(),
        bundle: None,
    }
}

fn opt(s: &str) -> Option<String> {
    let t = one(s);
    (!t.is_empty()).then_some(t)
}

/// A phone number, email address or ID number of the profile, in ASCII ([`shown_contact`]).
fn contact(s: &str) -> Option<String> {
    let t = shown_contact(s);
    (!t.is_empty()).then_some(t)
}

/// Everything the packet shows about `case`, in `lang`, printed on `print_date`, every time
/// in `zone`.
pub fn input_from_case(case: &Case, lang: Lang, print_date: Date, zone: &TimeZone) -> PacketInput {
    let state = case.state();
    let p = &state.profile;
    let complainant = Complainant {
        name: one(&p.name),
        sex: opt(&p.sex),
        birth_date: opt(&p.birth_date),
        address: opt(&p.address),
        id_number: contact(&p.id_number),
        phones: p.phones.iter().filter_map(|s| contact(s)).collect(),
        emails: p.emails.iter().filter_map(|s| contact(s)).collect(),
        accounts: p.accounts.iter().filter_map(|s| opt(s)).collect(),
    };
    let parts: Vec<EntryParts<'_>> = state
        .entries
        .iter()
        .map(|e| EntryParts {
            id: e.id,
            fields: &e.current,
            recorded_at: e.recorded_at,
            attachments: EntryFiles::InVault(&e.attachments, case.vault()),
            corrections: e
                .history
                .iter()
                .filter(|c| matches!(c.kind, ChangeKind::Corrected { .. }))
                .count(),
            retracted: e.retracted.as_ref().map(|r| text(&r.reason)),
        })
        .collect();
    let input = build(
        complainant,
        state.narrative.as_ref().map(|(t, _)| text(t)),
        &parts,
        Fingerprint {
            count: state.fingerprint.count,
            head: state.fingerprint.head.clone(),
        },
        print_date,
        zone,
        lang,
    );
    let mut input = with_reports(input, reports_of(state, lang, zone));
    input.suspect = suspect_of(&state.profile);
    input
}

/// The suspected source the profile names, if any.
pub fn suspect_of(p: &crate::case::state::Profile) -> Option<super::model::Suspect> {
    let name = one(&p.suspect);
    (!name.is_empty()).then(|| super::model::Suspect {
        name,
        why: text(&p.suspect_why),
        address: one(&p.suspect_address),
    })
}

/// The reports and letters of `state`, in the order they were made, as the packet shows them.
pub fn reports_of(state: &CaseState, lang: Lang, zone: &TimeZone) -> Vec<PacketReport> {
    let one = |s: &str| shown_line(s).trim().to_string();
    let mut v: Vec<PacketReport> = state
        .reports
        .iter()
        .map(|r| {
            let c = &r.current;
            PacketReport {
                id: r.id.to_string(),
                at: in_zone(&c.filed_at, zone).datetime(),
                channel: one(c.channel.as_str()),
                how: one(&c.how),
                letter: c.letter.as_ref().map(|l| {
                    LetterText::get(lang)
                        .letter_name(&l.kind)
                        .unwrap_or(&l.kind)
                        .to_string()
                }),
                status: c.status_words(lang).to_string(),
                receipt: one(&c.receipt),
                officer: one(&c.officer),
                notice_date: crate::case::steps::day_text(c.notice_date),
                note: one(&c.note),
                not_accepted: c.letter.is_none() && c.status == ReportStatus::NotAccepted,
            }
        })
        .collect();
    v.sort_by_key(|r| r.at);
    v
}

/// The input with the reports already made: listed in the letter, and a report the desk would
/// not take changes the receipt request ([`after_earlier_reports`]).
pub fn with_reports(mut input: PacketInput, reports: Vec<PacketReport>) -> PacketInput {
    let not_accepted = reports.iter().any(|r| r.not_accepted);
    input.charges = input.charges.map(|c| after_earlier_reports(c, not_accepted));
    input.reports = reports;
    input
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::case::ProfilePatch;
    use crate::letters::carries::WhatItCarries;
    use crate::letters::facts::Facts;

    #[test]
    fn a_profile_saved_full_width_by_an_older_version_prints_in_ascii() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut case = Case::open(dir.path()).expect("case");
        // Written as an older version stored what was typed with a Chinese input method on.
        case.set_profile(ProfilePatch {
            name: Some("王䶮".into()),
            id_number: Some("１１０１０５１９８８０６０５２７１Ｘ".into()),
            phones: Some(vec!["１３９ １２３４ ５６７８".into()]),
            emails: Some(vec!["ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ".into()]),
            ..ProfilePatch::default()
        })
        .expect("profile");
        let input = input_from_case(&case, Lang::Zh, date(2026, 12, 1), &TimeZone::UTC);
        let c = &input.complainant;
        assert_eq!(c.phones, vec!["139 1234 5678".to_string()]);
        assert_eq!(c.emails, vec!["wang@example.com".to_string()]);
        assert_eq!(c.id_number.as_deref(), Some("11010519880605271X"));
        assert_eq!(c.name, "王䶮");

        let carries = [
            WhatItCarries::Phones,
            WhatItCarries::Emails,
            WhatItCarries::IdNumber,
        ];
        let facts = Facts::new(
            case.state(),
            &carries,
            "某公司",
            None,
            (date(2026, 12, 1), &TimeZone::UTC),
            Lang::Zh,
        );
        assert_eq!(facts.value("phones").as_deref(), Some("139 1234 5678"));
        assert_eq!(facts.value("emails").as_deref(), Some("wang@example.com"));
        assert_eq!(facts.value("id_number").as_deref(), Some("11010519880605271X"));
    }
}
