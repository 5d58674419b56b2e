//! The money trail as the police act on it: every receiving account of the money lost, once,
//! with how many transfers went to it, how much and when ([`receiving`]), the transfers whose
//! receiving account was not recorded ([`unrecorded`]), and the 收款账户一览 table that lists
//! them all, never cut ([`draw_overview`]). A counterpart (a caller's number, an address) is
//! never taken for an account.

use jiff::civil::DateTime;

use super::model::{PacketEntry, PacketInput, is_loss};
use super::style::{columns, table_style};
use super::table::{Row, Table};
use super::words::{datetime_text, money, money_with_capitals};
use super::writer::{BODY, LEAD, SMALL, Writer};
use crate::guide::letter::LetterText;
use crate::i18n::Lang;
use crate::localtime::in_zone;
use crate::template::fill;

/// One receiving account with what was paid into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receiving {
    /// The account or card number, as recorded (masked digits stay masked).
    pub account: String,
    /// The name on it, the first one recorded.
    pub name: String,
    /// The bank or platform, the first one recorded.
    pub bank: String,
    /// Transfers into it.
    pub count: usize,
    /// Their total, in fen.
    pub total_fen: u64,
    /// The first transfer's time.
    pub first: DateTime,
    /// The latest transfer's time.
    pub last: DateTime,
    /// The entries, in time order.
    pub ids: Vec<String>,
}

/// The receiving account recorded on `e`, trimmed; empty when none was recorded.
pub fn account_of(e: &PacketEntry) -> &str {
    e.transfer.as_ref().map_or("", |t| t.account.trim())
}

/// The key one account is known by: its characters without spaces and dashes, in upper
/// case (`6222 0212-3456` and `62220212 3456` are one account).
fn key(account: &str) -> String {
    account
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '－'))
        .flat_map(char::to_uppercase)
        .collect()
}

/// When the money of `e` was sent, in the packet's zone: the transfer's own time, else the
/// entry's.
pub fn paid_at(e: &PacketEntry, input: &PacketInput) -> DateTime {
    e.transfer
        .as_ref()
        .and_then(|t| t.paid_at)
        .map_or(e.occurred_at, |m| in_zone(&m, &input.zone).datetime())
}

/// Every receiving account of the live losses among `input`'s entries, once each, the most
/// recent first (those a bank may still stop).
pub fn receiving(input: &PacketInput) -> Vec<Receiving> {
    let mut losses: Vec<(&PacketEntry, DateTime)> = input
        .entries
        .iter()
        .filter(|e| is_loss(e) && !account_of(e).is_empty())
        .map(|e| (e, paid_at(e, input)))
        .collect();
    losses.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.number.cmp(&b.0.number)));
    let mut out: Vec<Receiving> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for (e, at) in losses {
        let t = e.transfer.clone().unwrap_or_default();
        let k = key(&t.account);
        let fen = e.amount_lost_fen.unwrap_or(0);
        match index.get(&k) {
            Some(&i) => {
                let r = &mut out[i];
                r.count += 1;
                r.total_fen = r.total_fen.saturating_add(fen);
                r.last = at;
                r.ids.push(e.id.clone());
                if r.name.is_empty() {
                    r.name = t.name.trim().to_string();
                }
                if r.bank.is_empty() {
                    r.bank = t.bank.trim().to_string();
                }
            }
            None => {
                index.insert(k, out.len());
                out.push(Receiving {
                    account: t.account.trim().to_string(),
                    name: t.name.trim().to_string(),
                    bank: t.bank.trim().to_string(),
                    count: 1,
                    total_fen: fen,
                    first: at,
                    last: at,
                    ids: vec![e.id.clone()],
                });
            }
        }
    }
    out.sort_by_key(|r| std::cmp::Reverse(r.last));
    out
}

/// The live losses whose receiving account was not recorded, in entry order.
pub fn unrecorded(input: &PacketInput) -> Vec<&PacketEntry> {
    let mut v: Vec<&PacketEntry> = input
        .entries
        .iter()
        .filter(|e| is_loss(e) && account_of(e).is_empty())
        .collect();
    v.sort_by_key(|e| e.number);
    v
}

/// `first` or `first 至 last` (a range on one day keeps the date once).
pub fn time_span(first: DateTime, last: DateTime, lang: Lang) -> String {
    if first == last {
        return datetime_text(first, lang);
    }
    let to = if first.date() == last.date() {
        last.time().strftime("%H:%M").to_string()
    } else {
        datetime_text(last, lang)
    };
    format!("{}{}{to}", datetime_text(first, lang), lang.pick("至", " to "))
}

/// The ids joined: `E3、E5`.
pub fn ids_text(ids: &[String], lang: Lang) -> String {
    ids.join(lang.pick("、", ", "))
}

/// 收款账户一览: every receiving account, never cut, with the total in 大写 and the
/// transfers without an account named.
pub fn draw_overview(w: &mut Writer<'_>, input: &PacketInput, lang: Lang) {
    let accounts = receiving(input);
    let missing = unrecorded(input);
    if accounts.is_empty() && missing.is_empty() {
        return;
    }
    let letter = LetterText::get(lang);
    let text = &letter.transfers;
    w.canvas.ensure(BODY * LEAD * 4.0 + 10.0);
    w.gap(4.0);
    w.para(&letter.headings.accounts, BODY + 0.5, 0, 0.0);
    // The sentence speaks of the accounts listed: the transfers whose account is not recorded
    // are named after it, apart, never counted as going to these accounts.
    let count: usize = accounts.iter().map(|a| a.count).sum();
    let total = crate::money::Fen::total(accounts.iter().map(|a| crate::money::Fen(a.total_fen))).0;
    let unrecorded = if missing.is_empty() {
        String::new()
    } else {
        let ids: Vec<String> = missing.iter().map(|e| e.id.clone()).collect();
        fill(
            &text.accounts_unrecorded,
            &[("n", &missing.len()), ("ids", &ids_text(&ids, lang))],
        )
    };
    let note = if accounts.is_empty() {
        unrecorded
    } else {
        fill(
            &text.accounts_note,
            &[
                ("count", &count),
                ("n", &accounts.len()),
                ("amount", &money_with_capitals(total, lang)),
                ("unrecorded", &unrecorded),
            ],
        )
    };
    w.para(note.trim_end(), SMALL + 1.0, 0, 0.25);
    if accounts.is_empty() {
        return;
    }
    let widths = [24.0, 40.0, 30.0, 12.0, 30.0, 44.0];
    let cols = columns(w, &text.accounts_columns, &widths);
    let blank = text.not_recorded.as_str();
    let or_blank = |s: &str| {
        if s.is_empty() {
            blank.to_string()
        } else {
            s.to_string()
        }
    };
    let table = Table {
        columns: cols,
        rows: accounts
            .iter()
            .map(|a| {
                Row::Cells(vec![
                    or_blank(&a.name),
                    a.account.clone(),
                    or_blank(&a.bank),
                    a.count.to_string(),
                    money(a.total_fen, lang),
                    time_span(a.first, a.last, lang),
                ])
            })
            .collect(),
        style: table_style(lang),
    };
    table.draw(&mut w.canvas, &w.m);
}
