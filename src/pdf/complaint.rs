//! The 刑事控告书 itself: title; 控告人（被害人）; 被控告人 (身份不详) with the leads; 控告请求;
//! 事实与理由 (what happened, in sentences; the transfers; the contacts chart; the 时间经过;
//! 控告人自述; the legal basis); the closing and the 刑诉法第一百一十一条 statement; 此致 +
//! agency; the signature block; then "附：" naming every annex with its page count.
//!
//! What the letter asks for and cites is decided in [`crate::guide::charges`]; this module
//! only sets it on the page.

use std::collections::BTreeSet;

use super::chart;
use super::layout::wrap;
use super::packet::{PacketEntry, PacketInput, PacketOptions};
use super::table::{Column, Row, Style, Table};
use super::words::{date_text, datetime_text, kind_counted, kind_label, knew_list, money, one_line};
use super::writer::{BODY, KEEP_LINES, LEAD, SMALL, Writer};
use crate::case::Knew;
use crate::guide::charges::Request;
use crate::guide::letter::LetterText;
use crate::i18n::Lang;
use crate::template::fill;

/// Leads printed by name in the letter; the rest are counted and left to the evidence list.
pub const LEADS_SHOWN: usize = 15;

/// Rows of the transfer table (the most recent transfers) and receiving accounts named in the
/// stop-payment request.
pub const TRANSFER_ROWS: usize = 40;
/// Receiving accounts named in the stop-payment request.
pub const ACCOUNTS_NAMED: usize = 10;

/// Rows of the 时间经过 table; a longer case shows its key events.
pub const TIMELINE_ROWS: usize = 30;

const BLANK: &str = "＿＿＿＿＿＿＿＿";

/// Live entries in entry order.
pub fn live(input: &PacketInput) -> Vec<&PacketEntry> {
    let mut v: Vec<&PacketEntry> = input.entries.iter().filter(|e| e.retracted.is_none()).collect();
    v.sort_by_key(|e| e.number);
    v
}

/// Draws the letter. `evidence_pages` and `image_pages` are the annexes' page counts.
pub fn draw(
    w: &mut Writer<'_>,
    input: &PacketInput,
    opts: &PacketOptions,
    evidence_pages: usize,
    image_pages: usize,
) {
    let lang = opts.lang;
    let zh = lang == Lang::Zh;
    let text = LetterText::get(lang);
    let live = live(input);
    let mut by_time = live.clone();
    by_time.sort_by(|a, b| a.occurred_at.cmp(&b.occurred_at).then(a.number.cmp(&b.number)));

    w.centered(
        &if zh {
            "刑 事 控 告 书".to_string()
        } else {
            text.title.clone()
        },
        20.0,
    );
    w.gap(4.0);

    complainant(w, input, lang);
    accused(w, input, lang);

    // 控告请求.
    w.heading(lang.pick("控告请求", "Requests"));
    if let Some(charges) = &input.charges {
        let lost: u64 = live.iter().filter_map(|e| e.amount_lost_fen).sum();
        let accounts = receiving_accounts(&live, lang);
        for (i, r) in charges.requests.iter().enumerate() {
            let template = match r {
                Request::StopPayment if accounts.is_empty() => &text.stop_payment_unknown,
                other => &text.request(*other).to_string(),
            };
            let sentence = fill(
                template,
                &[
                    ("amount", &money(lost, lang)),
                    ("accounts", &accounts),
                    ("offences", &text.offences(&charges.offences)),
                ],
            );
            w.labelled(&format!("{}. ", i + 1), &sentence);
        }
    }

    // 事实与理由.
    w.heading(lang.pick("事实与理由", "Facts and reasons"));
    for p in facts(input, &by_time, lang) {
        w.para(&p, BODY, if zh { 2 } else { 0 }, 0.0);
    }
    transfers(w, &by_time, lang);
    if !by_time.is_empty() {
        // The title goes with the chart, never alone at the foot of a page.
        w.canvas.ensure(chart::HEIGHT + BODY * LEAD * 2.0 + 10.0);
        sub(w, lang.pick("联系次数统计图", "Contacts over time"));
        chart::draw(w, &by_time, lang);
        timeline(w, &by_time, lang);
    }
    if let Some(own) = input.narrative.as_deref().filter(|s| !s.trim().is_empty()) {
        sub(w, lang.pick("控告人自述", "In my own words"));
        w.para(own, BODY, if zh { 2 } else { 0 }, 0.0);
    }
    if !input.laws.is_empty() {
        sub(w, lang.pick("法律依据", "Legal basis"));
        for (i, law) in input.laws.iter().enumerate() {
            let mark = if law.exact { "" } else { text.summary_mark.as_str() };
            let sep = lang.pick("：", ": ");
            w.labelled(
                &format!("{}. ", i + 1),
                &format!("{}{mark}{sep}{}", law.citation, law.text),
            );
        }
    }

    // A redacted copy is not the signed letter: one line says so instead of the closing,
    // the statement and the signature block.
    if opts.redact {
        w.gap(6.0);
        w.para(&crate::redact::not_signed_line(lang), BODY, 0, 0.0);
    } else {
        closing_and_signature(w, input, opts, lang);
    }

    // 附：every annex with its page count.
    let pages = |n: usize| fill(&text.pages, &[("n", &n)]);
    let mut annexes = vec![format!("{}（{}）", text.annex_evidence, pages(evidence_pages))];
    if image_pages > 0 {
        annexes.push(format!("{}（{}）", text.annex_images, pages(image_pages)));
    }
    annexes.push(fill(
        &text.annex_data,
        &[("fingerprint", &input.fingerprint.full())],
    ));
    for f in &input.side_files {
        annexes.push(format!("{}  SHA-256 {}", f.name, f.sha256));
    }
    annexes.push(text.annex_id.clone());
    let lines: Vec<String> = annexes
        .iter()
        .enumerate()
        .map(|(i, a)| format!("{}. {a}", i + 1))
        .collect();
    // The list is short: kept whole, measured as it will wrap.
    let height = BODY * LEAD + 8.0 + lines.iter().map(|l| w.para_height(l, BODY - 0.5, 1)).sum::<f32>();
    w.canvas.ensure(height);
    w.gap(8.0);
    w.para(lang.pick("附：", "Annexes:"), BODY, 0, 0.0);
    for l in lines {
        w.para(&l, BODY - 0.5, 1, 0.0);
    }
}

/// The closing, the 刑诉法第一百一十一条 statement, 此致 and the signature block, kept on one page.
fn closing_and_signature(w: &mut Writer<'_>, input: &PacketInput, opts: &PacketOptions, lang: Lang) {
    let zh = lang == Lang::Zh;
    let text = LetterText::get(lang);
    // The closing, the statement, 此致 and the signature block stay on one page.
    let closing = input
        .charges
        .as_ref()
        .map(|c| fill(&text.closing, &[("offences", &text.offences(&c.offences))]))
        .unwrap_or_default();
    let indent = if zh { 2 } else { 0 };
    let block = w.para_height(&closing, BODY, indent)
        + w.para_height(&text.statement, BODY, indent)
        + BODY * LEAD * 7.0
        + 26.0;
    w.canvas.ensure(block);
    w.gap(4.0);
    w.para(&closing, BODY, indent, 0.0);
    w.para(&text.statement, BODY, indent, 0.0);
    w.gap(6.0);
    w.para(lang.pick("　　此致", "To:"), BODY, 0, 0.0);
    let agency = opts
        .agency
        .clone()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| {
            lang.pick("＿＿＿＿＿＿公安局＿＿＿＿＿＿派出所", BLANK)
                .to_string()
        });
    w.para(&agency, BODY, 0, 0.0);
    w.gap(10.0);
    w.right(
        &if zh {
            format!("控告人（签名、捺印）：{BLANK}")
        } else {
            format!("Complainant (signature, fingerprint): {BLANK}")
        },
        BODY,
    );
    w.right(&date_text(input.print_date, lang), BODY);
}

fn sub(w: &mut Writer<'_>, title: &str) {
    w.canvas.ensure(BODY * LEAD * (KEEP_LINES + 1) as f32 + 6.0);
    w.gap(4.0);
    w.para(title, BODY + 0.5, 0, 0.0);
}

fn complainant(w: &mut Writer<'_>, input: &PacketInput, lang: Lang) {
    let zh = lang == Lang::Zh;
    w.heading(lang.pick("控告人（被害人）", "Complainant (victim)"));
    let c = &input.complainant;
    let field = |v: Option<&str>| v.map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    let sep = lang.pick("，", ", ");
    let rows: Vec<(&str, Option<String>)> = vec![
        (lang.pick("姓　　名：", "Name: "), field(Some(c.name.as_str()))),
        (lang.pick("性　　别：", "Sex: "), field(c.sex.as_deref())),
        (
            lang.pick("出生日期：", "Date of birth: "),
            field(c.birth_date.as_deref()),
        ),
        (
            lang.pick("身份证号：", "ID number: "),
            field(c.id_number.as_deref()),
        ),
        (lang.pick("住　　址：", "Address: "), field(c.address.as_deref())),
        (
            lang.pick("联系电话：", "Phone: "),
            Some(c.phones.join(sep)).filter(|s| !s.is_empty()),
        ),
        (
            lang.pick("电子邮箱：", "Email: "),
            Some(c.emails.join(sep)).filter(|s| !s.is_empty()),
        ),
    ];
    for (label, value) in rows {
        w.labelled(label, &value.unwrap_or_else(|| BLANK.to_string()));
    }
    let _ = zh;
}

fn accused(w: &mut Writer<'_>, input: &PacketInput, lang: Lang) {
    let zh = lang == Lang::Zh;
    w.heading(lang.pick("被控告人", "Accused"));
    w.para(
        lang.pick(
            "被控告人：身份不详。以下号码、地址、账户与本案有关，可作为侦查线索（按联系次数、损失和对方掌握的信息排列）：",
            "Accused: identity unknown. These numbers, addresses and accounts from my records may lead to them (ranked by contacts, money lost and what they knew):",
        ),
        BODY,
        if zh { 2 } else { 0 },
        0.0,
    );
    if input.leads.is_empty() {
        w.para(lang.pick("（暂无）", "(none yet)"), BODY, 2, 0.0);
    }
    for (i, l) in input.leads.iter().take(LEADS_SHOWN).enumerate() {
        let kinds: Vec<&str> = l.kinds.iter().map(|k| kind_label(*k, lang)).collect();
        let span = if l.first.date() == l.last.date() {
            date_text(l.first.date(), lang)
        } else if zh {
            format!(
                "{}至{}",
                date_text(l.first.date(), lang),
                date_text(l.last.date(), lang)
            )
        } else {
            format!(
                "{} to {}",
                date_text(l.first.date(), lang),
                date_text(l.last.date(), lang)
            )
        };
        let mut s = if zh {
            format!("{}（{}，{} 次，{span}", l.counterpart, kinds.join("、"), l.count)
        } else {
            format!("{} ({}, {}×, {span}", l.counterpart, kinds.join(", "), l.count)
        };
        if !l.knew.is_empty() {
            s.push_str(&if zh {
                format!("；说出本人{}", knew_list(l.knew.iter().copied(), lang))
            } else {
                format!("; named my {}", knew_list(l.knew.iter().copied(), lang))
            });
        }
        if l.lost_fen > 0 {
            s.push_str(&if zh {
                format!("；本人被骗{}", money(l.lost_fen, lang))
            } else {
                format!("; I lost {}", money(l.lost_fen, lang))
            });
        }
        s.push_str(lang.pick("）", ")"));
        if let Some(label) = l.label.as_deref().filter(|s| !s.is_empty()) {
            s.push_str(&format!(" [{label}]"));
        }
        w.labelled(&format!("{}. ", i + 1), &s);
    }
    let more = input.leads.len().saturating_sub(LEADS_SHOWN);
    if more > 0 {
        w.para(
            &match (zh, input.is_big()) {
                (true, false) => format!("另有 {more} 个号码/地址，见附件一证据清单。"),
                (true, true) => format!("另有 {more} 个号码/地址，见电子数据中的完整证据清单。"),
                (false, false) => format!("{more} more numbers/addresses are in Annex 1, the evidence list."),
                (false, true) => {
                    format!("{more} more numbers/addresses are in the complete list in the electronic annex.")
                }
            },
            BODY,
            if zh { 2 } else { 0 },
            0.0,
        );
    }
}

/// The receiving side of a transfer as one line: account, name, bank (the counterpart when
/// no account was recorded).
fn receiver(e: &PacketEntry, lang: Lang) -> String {
    let t = e.transfer.clone().unwrap_or_default();
    let account = if t.account.trim().is_empty() {
        e.counterpart.trim().to_string()
    } else {
        t.account.trim().to_string()
    };
    let mut extra: Vec<String> = Vec::new();
    if !t.name.trim().is_empty() {
        extra.push(format!("{}{}", lang.pick("户名", "name "), t.name.trim()));
    }
    if !t.bank.trim().is_empty() {
        extra.push(t.bank.trim().to_string());
    }
    if extra.is_empty() || account.is_empty() {
        return account;
    }
    match lang {
        Lang::Zh => format!("{account}（{}）", extra.join("，")),
        Lang::En => format!("{account} ({})", extra.join(", ")),
    }
}

/// The receiving side of the money lost: each account once, in time order.
fn receiving_accounts(live: &[&PacketEntry], lang: Lang) -> String {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let mut by_time: Vec<&&PacketEntry> = live
        .iter()
        .filter(|e| e.amount_lost_fen.is_some_and(|f| f > 0))
        .collect();
    by_time.sort_by_key(|e| e.occurred_at);
    // The most recent first: those a bank may still stop.
    for e in by_time.iter().rev() {
        let r = receiver(e, lang);
        if !r.is_empty() && seen.insert(crate::case::phone::counterpart_key(&r)) {
            out.push(r);
        }
    }
    let more = out.len().saturating_sub(ACCOUNTS_NAMED);
    out.truncate(ACCOUNTS_NAMED);
    let mut s = out.join(lang.pick("；", "; "));
    if more > 0 {
        s.push_str(&match lang {
            Lang::Zh => format!("，另有 {more} 个收款账户见“转账情况”及证据清单"),
            Lang::En => {
                format!(", and {more} more receiving accounts under \"Transfers\" and in the evidence list")
            }
        });
    }
    s
}

/// 事实与理由 in sentences: when it began and how often, who contacted most and what they
/// claimed, what they knew and since when, money lost; every claim points at entry ids.
fn facts(input: &PacketInput, by_time: &[&PacketEntry], lang: Lang) -> Vec<String> {
    let zh = lang == Lang::Zh;
    let text = LetterText::get(lang);
    let (Some(first), Some(last)) = (by_time.first(), by_time.last()) else {
        return Vec::new();
    };
    let mut paras = Vec::new();
    let mut counts: std::collections::BTreeMap<crate::case::EvidenceKind, usize> = Default::default();
    for e in by_time {
        *counts.entry(e.kind).or_default() += 1;
    }
    let counts: Vec<String> = counts.iter().map(|(k, n)| kind_counted(*k, *n, lang)).collect();
    let leads = input.leads.len();
    let mut s = if zh {
        format!(
            "{}（{}），本人首次接到可疑联系；此后至{}（{}），共记录{}次联系（{}），来自{}个不同的号码、地址或账户。",
            datetime_text(first.occurred_at, lang),
            first.id,
            datetime_text(last.occurred_at, lang),
            last.id,
            by_time.len(),
            counts.join("、"),
            leads
        )
    } else {
        format!(
            "The first suspicious contact came on {} ({}); up to {} ({}) I recorded {} contacts ({}) from {} different numbers, addresses or accounts.",
            datetime_text(first.occurred_at, lang),
            first.id,
            datetime_text(last.occurred_at, lang),
            last.id,
            by_time.len(),
            counts.join(", "),
            leads
        )
    };
    for l in input.leads.iter().take(3) {
        let Some(first_e) = l
            .entries
            .first()
            .and_then(|id| by_time.iter().find(|e| &e.id == id))
        else {
            continue;
        };
        let claim = one_line(&first_e.summary, 40);
        s.push_str(&if zh {
            format!(
                "{}联系本人{}次（{}至{}）",
                l.counterpart,
                l.count,
                date_text(l.first.date(), lang),
                date_text(l.last.date(), lang)
            )
        } else {
            format!(
                " {} contacted me {} times ({} to {})",
                l.counterpart,
                l.count,
                date_text(l.first.date(), lang),
                date_text(l.last.date(), lang)
            )
        });
        if !claim.is_empty() {
            s.push_str(&if zh {
                format!("，本人记录为：“{claim}”（{}）", first_e.id)
            } else {
                format!("; I recorded: \"{claim}\" ({})", first_e.id)
            });
        }
        s.push_str(lang.pick("。", "."));
    }
    paras.push(s);

    // What they knew, and since when.
    let mut knew_first: Vec<(Knew, &PacketEntry)> = Vec::new();
    for e in by_time {
        for k in &e.knew {
            if !knew_first.iter().any(|(x, _)| x == k) {
                knew_first.push((*k, e));
            }
        }
    }
    if !knew_first.is_empty() {
        knew_first.sort_by_key(|(k, _)| *k);
        let all = knew_list(knew_first.iter().map(|(k, _)| *k), lang);
        let since: Vec<String> = knew_first
            .iter()
            .filter(|(k, _)| *k != Knew::Other)
            .map(|(k, e)| {
                if zh {
                    format!(
                        "{}自{}起（{}）",
                        k.zh(),
                        date_text(e.occurred_at.date(), lang),
                        e.id
                    )
                } else {
                    format!(
                        "my {} since {} ({})",
                        k.en(),
                        date_text(e.occurred_at.date(), lang),
                        e.id
                    )
                }
            })
            .collect();
        let mut s = if zh {
            format!("对方在联系中说出了本人的{all}")
        } else {
            format!("They named my {all}")
        };
        if !since.is_empty() {
            s.push_str(&if zh {
                format!("：{}。", since.join("，"))
            } else {
                format!(": {}.", since.join("; "))
            });
        } else {
            s.push_str(lang.pick("。", "."));
        }
        s.push_str(&fill(&text.pattern, &[("knew", &all)]));
        paras.push(s);
    }

    // Money lost.
    let lost: Vec<&&PacketEntry> = by_time
        .iter()
        .filter(|e| e.amount_lost_fen.is_some_and(|f| f > 0))
        .collect();
    if !lost.is_empty() {
        let total: u64 = lost.iter().filter_map(|e| e.amount_lost_fen).sum();
        let ids: Vec<&str> = lost.iter().map(|e| e.id.as_str()).collect();
        paras.push(if zh {
            format!(
                "本人因上述诈骗共计被骗{}（{}），转账情况见下表。",
                money(total, lang),
                ids.join("、")
            )
        } else {
            format!(
                "I lost {} in total to this fraud ({}); the transfers are in the table below.",
                money(total, lang),
                ids.join(", ")
            )
        });
    }
    paras
}

/// The transfers police can act on: time, amount, the receiving side, how, the entry.
fn transfers(w: &mut Writer<'_>, by_time: &[&PacketEntry], lang: Lang) {
    let all: Vec<&&PacketEntry> = by_time
        .iter()
        .filter(|e| e.amount_lost_fen.is_some_and(|f| f > 0))
        .collect();
    if all.is_empty() {
        return;
    }
    sub(w, lang.pick("转账情况", "Transfers"));
    // The most recent transfers are the ones a bank may still stop.
    let rows = &all[all.len().saturating_sub(TRANSFER_ROWS)..];
    if rows.len() < all.len() {
        w.para(
            &if lang == Lang::Zh {
                format!(
                    "共 {} 笔转账，下表列出最近的 {} 笔，其余见证据清单。",
                    all.len(),
                    rows.len()
                )
            } else {
                format!(
                    "{} transfers; the table lists the latest {}, the rest are in the evidence list.",
                    all.len(),
                    rows.len()
                )
            },
            SMALL + 1.0,
            0,
            0.25,
        );
    }
    let titles = if lang == Lang::Zh {
        [
            "编号",
            "转账时间",
            "金额",
            "收款账户（户名、开户行）",
            "转账方式、交易流水号",
            "经过",
        ]
    } else {
        [
            "No.",
            "Time",
            "Amount",
            "Receiving account (name, bank)",
            "How, transaction no.",
            "What happened",
        ]
    };
    let widths = [11.0, 26.0, 26.0, 40.0, 32.0, 35.0];
    let table = Table {
        columns: columns(w, &titles, &widths),
        rows: rows
            .iter()
            .map(|e| {
                let t = e.transfer.clone().unwrap_or_default();
                let how: Vec<&str> = [t.method.trim(), t.txn.trim()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect();
                let blank = lang.pick("（未记录）", "(not recorded)");
                Row::Cells(vec![
                    e.id.clone(),
                    datetime_text(t.paid_at.map_or(e.occurred_at, |m| m.zoned().datetime()), lang),
                    money(e.amount_lost_fen.unwrap_or(0), lang),
                    receiver(e, lang),
                    if how.is_empty() {
                        blank.to_string()
                    } else {
                        how.join("\n")
                    },
                    one_line(&e.summary, 80),
                ])
            })
            .collect(),
        style: table_style(lang),
    };
    table.draw(&mut w.canvas, &w.m);
}

/// The style of the letter's and the annexes' tables.
pub fn table_style(lang: Lang) -> Style {
    Style {
        continued: lang.pick("（续）", " (cont.)"),
        ..Style::default()
    }
}

/// Columns from titles and widths in mm, scaled to the text column.
pub fn columns(w: &Writer<'_>, titles: &[&str], widths_mm: &[f32]) -> Vec<Column> {
    let cw = w.canvas.geo.content_width();
    let total: f32 = widths_mm.iter().sum();
    titles
        .iter()
        .zip(widths_mm)
        .map(|(t, wmm)| Column {
            title: t.to_string(),
            width: cw * wmm / total,
        })
        .collect()
}

/// `text` cut to one line of `width` points at the table size, "…" when cut.
fn fit_line(w: &Writer<'_>, text: &str, width: f32) -> String {
    let size = Style::default().size;
    let flat = one_line(text, 200);
    let lines = wrap(&flat, width, size, &w.m);
    let first = lines.first().cloned().unwrap_or_default();
    if lines.len() <= 1 {
        return first;
    }
    let mut cut: String = first.clone();
    while !cut.is_empty() && w.m.width(&format!("{cut}…"), size) > width {
        cut.pop();
    }
    format!("{cut}…")
}

/// Whether an entry is a key event: the first of its lead, the first to show an item of
/// the victim's information, or a loss.
fn key_events<'e>(by_time: &[&'e PacketEntry]) -> Vec<&'e PacketEntry> {
    let mut seen_cp = BTreeSet::new();
    let mut seen_knew = BTreeSet::new();
    let mut out = Vec::new();
    for e in by_time {
        let new_cp = seen_cp.insert(crate::case::phone::counterpart_key(&e.counterpart));
        let new_knew = e.knew.iter().any(|k| seen_knew.insert(*k));
        if new_cp || new_knew || e.amount_lost_fen.is_some_and(|f| f > 0) {
            out.push(*e);
        }
    }
    out
}

/// 时间经过: the events as a table, one line each.
fn timeline(w: &mut Writer<'_>, by_time: &[&PacketEntry], lang: Lang) {
    let zh = lang == Lang::Zh;
    let all = by_time.len() <= TIMELINE_ROWS;
    let events: Vec<&PacketEntry> = if all {
        by_time.to_vec()
    } else {
        key_events(by_time).into_iter().take(TIMELINE_ROWS).collect()
    };
    sub(w, lang.pick("时间经过", "Timeline"));
    if !all {
        w.para(
            &if zh {
                format!(
                    "下表列出关键事件 {} 条（每个号码/地址的首次联系、首次说出某项个人信息、每笔损失），全部 {} 条记录见附件一证据清单。",
                    events.len(),
                    by_time.len()
                )
            } else {
                format!(
                    "The table lists {} key events (each counterpart's first contact, the first time they named an item of my information, each loss); all {} records are in Annex 1.",
                    events.len(),
                    by_time.len()
                )
            },
            SMALL + 1.0,
            0,
            0.25,
        );
    }
    let titles = if zh {
        ["编号", "时间", "类型", "对方", "经过"]
    } else {
        ["No.", "Time", "Kind", "From", "What happened"]
    };
    let widths = [11.0, 34.0, 13.0, 36.0, 76.0];
    let cols = columns(w, &titles, &widths);
    let pad = Style::default().pad;
    let what_w = cols[4].width - 2.0 * pad;
    let cp_w = cols[3].width - 2.0 * pad;
    let rows = events
        .iter()
        .map(|e| {
            let mut what = e.summary.clone();
            if !e.knew.is_empty() {
                what = if zh {
                    format!("说出本人{}。{what}", knew_list(e.knew.iter().copied(), lang))
                } else {
                    format!("Named my {}. {what}", knew_list(e.knew.iter().copied(), lang))
                };
            }
            if let Some(f) = e.amount_lost_fen.filter(|f| *f > 0) {
                what = if zh {
                    format!("被骗{}。{what}", money(f, lang))
                } else {
                    format!("Lost {}. {what}", money(f, lang))
                };
            }
            Row::Cells(vec![
                e.id.clone(),
                datetime_text(e.occurred_at, lang),
                kind_label(e.kind, lang).to_string(),
                fit_line(w, &e.counterpart, cp_w),
                fit_line(w, &what, what_w),
            ])
        })
        .collect();
    let table = Table {
        columns: cols,
        rows,
        style: table_style(lang),
    };
    table.draw(&mut w.canvas, &w.m);
}
