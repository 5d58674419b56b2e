//! From the case to the values a letter's sentences name: the victim's details (only those
//! the letter carries, see [`super::carries`]), the leads from the one grouping
//! ([`crate::case::leads::rank`]), the entries, the loss. Every string read back from the
//! case is cleaned for printing, and details the letter does not carry are masked in free
//! text by the one redactor ([`crate::redact::Redactor`]).

use std::collections::{BTreeSet, HashMap};

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::carries::WhatItCarries;
use crate::case::leads::{Lead, rank};
use crate::case::state::{CaseState, Entry};
use crate::case::{EntryId, EvidenceKind, Knew};
use crate::i18n::Lang;
use crate::localtime::in_zone;
use crate::pdf::Complainant;
use crate::pdf::words::{date_text, datetime_text, kind_label, kinds_counted, knew_list, money};
use crate::redact::Redactor;
use crate::text::{shown_contact, shown_counterpart, shown_line, shown_text};

/// Every placeholder a sentence may name.
pub const KNOWN: &[&str] = &[
    // The victim and the letter.
    "name",
    "phones",
    "emails",
    "address",
    "id_number",
    "account",
    "to",
    "date",
    // The case as a whole.
    "count",
    "by_kind",
    "leads",
    "first",
    "last",
    "knew",
    "loss",
    "accounts_count",
    "eml_count",
    "suspect",
    "suspect_why",
    "suspect_address",
    "mailbox",
    "police_receipt",
    "sites_count",
    "lines_count",
    "opened",
    // One line of a list.
    "citation",
    "wording",
    "counterpart",
    "label",
    "kinds",
    "when",
    "contents",
    "entries",
    "id",
    "time",
    "kind",
    "summary",
    "file",
    "more",
];

/// The most different things one counterpart said that a letter quotes.
pub const MAX_CONTENTS: usize = 5;

/// The lists a paragraph `@name` may stand for.
pub const LISTS: &[&str] = &[
    "laws",
    "leads",
    "entries",
    "accounts",
    "attachments",
    "lines",
    "disputed",
    "phone_leads",
    "sites",
];

/// Whether an account entry is a phone line or phone card (something a carrier can stop),
/// not a bank card or a loan: its counterpart is a mobile number, or its summary says so.
pub fn is_phone_line(e: &Entry) -> bool {
    let digits: String = e
        .current
        .counterpart
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let mobile = digits.len() == 11 && digits.starts_with('1');
    let said = [
        "手机号",
        "电话卡",
        "手机卡",
        "号码",
        "宽带",
        "SIM",
        "phone line",
        "phone number",
    ]
    .iter()
    .any(|w| e.current.summary.contains(w));
    mobile || said
}

/// The case as one letter sees it.
pub struct Facts {
    lang: Lang,
    carries: BTreeSet<WhatItCarries>,
    name: String,
    phones: Vec<String>,
    emails: Vec<String>,
    address: String,
    id_number: String,
    account: String,
    suspect: String,
    suspect_why: String,
    suspect_address: String,
    police_receipt: String,
    to: String,
    date: Date,
    /// The zone times are printed in.
    zone: TimeZone,
    redactor: Redactor,
    /// Live entries, in time order.
    pub entries: Vec<Entry>,
    /// The leads, ranked.
    pub leads: Vec<Lead>,
    /// Where each entry is in `entries`.
    by_id: HashMap<EntryId, usize>,
}

/// Whether an entry is a contact made with the victim (a call, SMS, email, letter or other
/// contact), as opposed to an account opened in their name or a web page.
pub fn is_contact(e: &Entry) -> bool {
    !matches!(e.current.kind, EvidenceKind::Account | EvidenceKind::Web)
}

fn one(s: &str) -> String {
    shown_line(s).trim().to_string()
}

fn joined(items: impl IntoIterator<Item = String>, lang: Lang) -> String {
    items
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

impl Facts {
    /// The facts of `case` for a letter that carries `carries`, addressed to `to`, dated
    /// `date`, with the victim's account at the recipient when given.
    pub fn new(
        case: &CaseState,
        carries: &[WhatItCarries],
        to: &str,
        account: Option<&str>,
        (date, zone): (Date, &TimeZone),
        lang: Lang,
    ) -> Facts {
        let carries: BTreeSet<WhatItCarries> = carries.iter().copied().collect();
        let p = &case.profile;
        let has = |w: WhatItCarries| carries.contains(&w);
        // Whatever the letter does not carry is masked wherever the victim typed it.
        let hidden = Complainant {
            name: String::new(),
            sex: None,
            birth_date: Some(one(&p.birth_date)).filter(|s| !s.is_empty()),
            id_number: Some(shown_contact(&p.id_number))
                .filter(|s| !s.is_empty() && !has(WhatItCarries::IdNumber)),
            address: Some(one(&p.address)).filter(|s| !s.is_empty() && !has(WhatItCarries::Address)),
            phones: if has(WhatItCarries::Phones) {
                Vec::new()
            } else {
                p.phones.iter().map(|s| shown_contact(s)).collect()
            },
            emails: if has(WhatItCarries::Emails) {
                Vec::new()
            } else {
                p.emails.iter().map(|s| shown_contact(s)).collect()
            },
            // The victim's own cards: never carried by a letter, masked wherever typed.
            accounts: p.accounts.iter().map(|s| shown_contact(s)).collect(),
        };
        let mut entries: Vec<Entry> = case.live_entries().cloned().collect();
        entries.sort_by_key(|e| (e.current.occurred_at.timestamp(), e.id));
        // The leads are the ones who made contact: an account in the victim's name or a web
        // page is not a caller.
        let leads = rank(
            entries
                .iter()
                .filter(|e| is_contact(e))
                .map(|e| (e.id, &e.current)),
        );
        Facts {
            lang,
            name: one(&p.name),
            phones: p.phones.iter().map(|s| shown_contact(s)).collect(),
            emails: p.emails.iter().map(|s| shown_contact(s)).collect(),
            address: one(&p.address),
            id_number: shown_contact(&p.id_number),
            account: account.map(one).unwrap_or_default(),
            suspect: one(&p.suspect),
            suspect_why: one(&p.suspect_why).trim_end_matches(['。', '.']).to_string(),
            suspect_address: one(&p.suspect_address),
            // The police's receipt, when the case records one (a letter lists it as attached).
            police_receipt: case
                .reports
                .iter()
                .filter(|r| !r.current.is_letter() && !r.current.receipt.trim().is_empty())
                .map(|r| one(&r.current.receipt))
                .next_back()
                .unwrap_or_default(),
            to: one(to),
            date,
            zone: zone.clone(),
            redactor: Redactor::for_person(&hidden, lang),
            carries,
            by_id: entries.iter().enumerate().map(|(i, e)| (e.id, i)).collect(),
            entries,
            leads,
        }
    }

    fn carried(&self, w: WhatItCarries) -> bool {
        self.carries.contains(&w)
    }

    /// Free text from the case, on one line, cleaned and with hidden details masked.
    pub fn free(&self, s: &str) -> String {
        let flat: String = shown_text(s).split_whitespace().collect::<Vec<_>>().join(" ");
        self.redactor.apply(&flat)
    }

    /// The victim's name as printed (empty when not recorded).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The value of a case-wide placeholder, if the case has it and the letter carries it.
    pub fn value(&self, key: &str) -> Option<String> {
        let lang = self.lang;
        let v = match key {
            "name" => self.name.clone(),
            "phones" if self.carried(WhatItCarries::Phones) => joined(self.phones.clone(), lang),
            "emails" if self.carried(WhatItCarries::Emails) => joined(self.emails.clone(), lang),
            "address" if self.carried(WhatItCarries::Address) => self.address.clone(),
            "id_number" if self.carried(WhatItCarries::IdNumber) => self.id_number.clone(),
            "account" if self.carried(WhatItCarries::Account) => self.free(&self.account),
            "to" => self.to.clone(),
            "suspect" if !self.suspect.is_empty() => self.suspect.clone(),
            "suspect_why" if !self.suspect_why.is_empty() => self.free(&self.suspect_why),
            "suspect_address" if !self.suspect_address.is_empty() => self.suspect_address.clone(),
            "police_receipt" if !self.police_receipt.is_empty() => self.police_receipt.clone(),
            // The mailbox that got the spam: only when emails were logged.
            "mailbox"
                if self.carried(WhatItCarries::Emails)
                    && self.contacts().any(|e| e.current.kind == EvidenceKind::Email) =>
            {
                joined(self.emails.clone(), lang)
            }
            "date" => date_text(self.date, lang),
            "count" => {
                let n = self.contacts().count();
                if n == 0 {
                    return None;
                }
                n.to_string()
            }
            "by_kind" => {
                self.contacts().next()?;
                kinds_counted(self.contacts().map(|e| e.current.kind), lang)
            }
            "leads" if !self.leads.is_empty() => self.leads.len().to_string(),
            "first" => self
                .contacts()
                .next()
                .map(|e| date_text(in_zone(&e.current.occurred_at, &self.zone).date(), lang))?,
            "last" => self
                .contacts()
                .last()
                .map(|e| date_text(in_zone(&e.current.occurred_at, &self.zone).date(), lang))?,
            "knew" => knew_list(
                self.entries.iter().flat_map(|e| e.current.knew.iter().copied()),
                lang,
            ),
            "loss" if self.carried(WhatItCarries::Loss) => {
                let fen = crate::money::Fen::total(self.entries.iter().filter_map(|e| e.current.lost)).0;
                if fen == 0 {
                    return None;
                }
                money(fen, lang)
            }
            "eml_count" => {
                let n = self.eml_files().len();
                if n == 0 {
                    return None;
                }
                n.to_string()
            }
            "sites_count" => {
                let n = self.sites().count();
                if n == 0 {
                    return None;
                }
                n.to_string()
            }
            "lines_count" => {
                let n = self.accounts().filter(|e| is_phone_line(e)).count();
                if n == 0 {
                    return None;
                }
                n.to_string()
            }
            "accounts_count" => {
                let n = self.accounts().count();
                if n == 0 {
                    return None;
                }
                n.to_string()
            }
            _ => return None,
        };
        Some(v)
    }

    /// Live entries that record an account, card or loan opened in the victim's name.
    pub fn accounts(&self) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .filter(|e| e.current.kind == EvidenceKind::Account)
    }

    /// Live entries of web pages (a phishing site, my data published), in time order.
    pub fn sites(&self) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .filter(|e| e.current.kind == EvidenceKind::Web)
    }

    /// Live entries of a contact ([`is_contact`]), in time order.
    pub fn contacts(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| is_contact(e))
    }

    /// The values of one entry's line.
    pub fn entry_value(&self, e: &Entry, key: &str) -> Option<String> {
        let lang = self.lang;
        let f = &e.current;
        let v = match key {
            "id" => e.id.to_string(),
            "time" => datetime_text(in_zone(&f.occurred_at, &self.zone).datetime(), lang),
            "kind" => kind_label(f.kind, lang).to_string(),
            "counterpart" => self.free(&shown_counterpart(&f.counterpart)),
            "summary" => self.free(&f.summary),
            "knew" => knew_list(f.knew.iter().copied(), lang),
            // The day an account was opened, when it was logged with its own date (not the
            // day it was logged).
            "opened" => {
                let logged = e.recorded_at.timestamp();
                let at = f.occurred_at.timestamp();
                if (logged.as_second() - at.as_second()).abs() < 60 {
                    return None;
                }
                date_text(in_zone(&f.occurred_at, &self.zone).date(), lang)
            }
            _ => return self.value(key),
        };
        Some(v)
    }

    /// The values of one lead's line.
    pub fn lead_value(&self, l: &Lead, key: &str) -> Option<String> {
        let lang = self.lang;
        let v = match key {
            "counterpart" => self.free(&shown_counterpart(&l.counterpart)),
            "label" => self.free(&crate::pdf::case_input::lead_label(l, lang)?),
            "kinds" => joined(l.kinds.iter().map(|k| kind_label(*k, lang).to_string()), lang),
            "when" => {
                let first = datetime_text(in_zone(&l.first, &self.zone).datetime(), lang);
                if l.first.timestamp() == l.last.timestamp() {
                    first
                } else {
                    let last = datetime_text(in_zone(&l.last, &self.zone).datetime(), lang);
                    format!("{first}{}{last}", lang.pick("至", " to "))
                }
            }
            "count" => l.count.to_string(),
            "knew" => knew_list(l.knew.iter().copied(), lang),
            "entries" => joined(l.entries.iter().map(ToString::to_string), lang),
            "contents" => {
                // What they said, each wording once, the first few (a caller with hundreds of
                // calls says the same thing again and again).
                let mut said: Vec<String> = Vec::new();
                let mut more = false;
                for e in l
                    .entries
                    .iter()
                    .filter_map(|id| self.by_id.get(id).map(|i| &self.entries[*i]))
                {
                    // Joined by 「；」, so a sentence's own full stop goes.
                    let s = self
                        .free(&e.current.summary)
                        .trim_end_matches(['。', '.', '；', ';'])
                        .to_string();
                    if s.is_empty() || said.contains(&s) {
                        continue;
                    }
                    if said.len() == MAX_CONTENTS {
                        more = true;
                        break;
                    }
                    said.push(s);
                }
                let mut joined = said.join(lang.pick("；", "; "));
                if more {
                    joined.push_str(lang.pick("……", " …"));
                }
                joined
            }
            _ => return self.value(key),
        };
        Some(v)
    }

    /// Saved emails (`.eml`) and their entries, to attach to a 12321 report.
    pub fn eml_files(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for e in self.contacts() {
            for a in &e.attachments {
                let is_eml = a.media_type == "message/rfc822"
                    || a.original_name.to_ascii_lowercase().ends_with(".eml");
                if is_eml {
                    out.push((self.free(&a.original_name), e.id.to_string()));
                }
            }
        }
        out
    }

    /// Whether the victim's details include `knew` items.
    pub fn knew_any(&self) -> bool {
        self.entries.iter().any(|e| !e.current.knew.is_empty())
    }

    /// Whether any entry records that the other side knew the ID number.
    pub fn knew_id(&self) -> bool {
        self.entries
            .iter()
            .any(|e| e.current.knew.contains(&Knew::IdNumber))
    }
}
