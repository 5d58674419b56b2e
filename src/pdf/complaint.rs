//! The 刑事控告书 itself: title; 控告人（被害人）; 被控告人 (身份不详) with the leads; 控告请求;
//! 事实与理由 (what happened, in sentences; the transfers; the contacts chart; the 时间经过;
//! 控告人自述; the legal basis); the closing and the 刑诉法第一百一十一条 statement; 此致 +
//! agency; the signature block; then "附：" naming every annex with its page count.
//!
//! What the letter asks for and cites is decided in [`crate::guide::charges`]; this module
//! only sets it on the page.

use super::accounts::{self, Receiving};
use super::chart;
use super::layout::wrap;
use super::model::{
    BUNDLE_FILES_LISTED, LEADS_SHOWN, LEADS_TOLD, PacketEntry, PacketInput, PacketOptions, SideFile,
    TIMELINE_ROWS,
};
use super::style::{columns, fit_ids, sub, table_style};
use super::table::{Row, Style, Table};
use super::words::{
    counted_by_kind, date_text, datetime_text, kind_label, knew_list, money, money_with_capitals, one_line,
    quote, zone_sentence,
};
use super::writer::{BODY, LEAD, SMALL, Writer};
use crate::case::Knew;
use crate::guide::charges::Request;
use crate::guide::letter::LetterText;
use crate::i18n::Lang;
use crate::template::fill;

/// Rows of the transfer table (the most recent transfers) and receiving accounts named in the
/// stop-payment request.
pub const TRANSFER_ROWS: usize = 40;
/// Receiving accounts named in the stop-payment request.
pub const ACCOUNTS_NAMED: usize = 10;

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
    w.heading(&text.headings.requests);
    if let Some(charges) = &input.charges {
        let lost = crate::money::Fen::total(
            live.iter()
                .filter_map(|e| e.amount_lost_fen.map(crate::money::Fen)),
        )
        .0;
        let accounts = receiving_accounts(input, lang);
        for (i, r) in charges.requests.iter().enumerate() {
            let template = match r {
                Request::StopPayment if accounts.is_empty() => &text.stop_payment_unknown,
                Request::TraceSource if input.suspect.is_some() => &text.trace_source_suspect,
                other => &text.request(*other).to_string(),
            };
            let suspect = input
                .suspect
                .as_ref()
                .map(|s| s.name.as_str())
                .unwrap_or_default();
            let sentence = fill(
                template,
                &[
                    ("amount", &money_with_capitals(lost, lang)),
                    ("accounts", &accounts),
                    ("offences", &text.offences(&charges.offences)),
                    ("suspect", &suspect),
                    ("knew", &knew_of_case(&live, lang)),
                ],
            );
            w.labelled(&format!("{}. ", i + 1), &sentence);
        }
    }

    // 事实与理由: the victim's own account, or without one the events in time order; then
    // what the record shows.
    w.heading(&text.headings.facts);
    let indent = if zh { 2 } else { 0 };
    let mut told = false;
    match input.narrative.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(own) => {
            sub(w, &text.headings.narrative);
            for p in own.lines().map(str::trim).filter(|p| !p.is_empty()) {
                w.para(p, BODY, indent, 0.0);
            }
        }
        None => {
            if let Some(p) = chronology(input, &by_time, lang) {
                w.para(&p, BODY, indent, 0.0);
                told = true;
            }
        }
    }
    let analysis = facts(input, &by_time, told, lang);
    if !analysis.is_empty() && input.narrative.is_some() {
        sub(w, &text.headings.analysis);
    }
    for p in analysis {
        w.para(&p, BODY, indent, 0.0);
    }
    transfers(w, input, &by_time, lang);
    accounts::draw_overview(w, input, lang);
    if !by_time.is_empty() {
        // The title goes with the chart, never alone at the foot of a page.
        w.canvas.ensure(chart::HEIGHT + BODY * LEAD * 2.0 + 10.0);
        sub(w, &text.headings.chart);
        chart::draw(w, &input.totals.chart, &by_time, lang);
        timeline(w, input, &by_time, lang);
    }
    super::measures::draw(w, &input.reports, lang);
    if !input.laws.is_empty() {
        sub(w, &text.headings.laws);
        for (i, law) in input.laws.iter().enumerate() {
            let mark = if law.exact { "" } else { text.summary_mark.as_str() };
            let sep = lang.pick("：", ": ");
            w.labelled(
                &format!("{}. ", i + 1),
                &format!("{}{mark}{sep}{}", law.citation, law.text),
            );
        }
    }

    // 附：every annex with its page count.
    let pages = |n: usize| fill(&text.pages, &[("n", &n)]);
    let mut annexes = vec![format!("{}（{}）", text.annex_evidence, pages(evidence_pages))];
    if image_pages > 0 {
        annexes.push(format!("{}（{}）", text.annex_images, pages(image_pages)));
    }
    // The files of a bundle, each under the item that names them.
    let mut files: Vec<String> = Vec::new();
    let fingerprint = input.fingerprint.full();
    match &input.bundle {
        // A copy for others lists only what it holds: a redacted bundle without attachments
        // holds nothing to name.
        Some(bundle) if !(opts.redact && bundle.is_empty()) => {
            annexes.push(fill(
                &text.annex_bundle,
                &[("n", &bundle.len()), ("fingerprint", &fingerprint)],
            ));
            files = bundle_lines(bundle, text);
        }
        Some(_) => {}
        // A copy for others goes without the data carrier and the ID copy.
        None if !opts.redact => {
            annexes.push(fill(&text.annex_data, &[("fingerprint", &fingerprint)]));
            for f in &input.side_files {
                annexes.push(format!("{}  SHA-256 {}", f.name, f.sha256));
            }
        }
        None => {}
    }
    let data_item = annexes.len();
    if !opts.redact {
        annexes.push(text.annex_id.clone());
    }
    // Numbered with a hanging indent, so a wrapped fingerprint stays under its item; a
    // bundle's files follow their item, marked, not numbered.
    let mut lines: Vec<(String, &String)> = Vec::new();
    for (i, a) in annexes.iter().enumerate() {
        lines.push((format!("{}. ", i + 1), a));
        if i + 1 == data_item {
            lines.extend(files.iter().map(|f| ("    · ".to_string(), f)));
        }
    }
    // The list is short: kept whole, measured as it will wrap.
    let annex_height = BODY * LEAD
        + 8.0
        + lines
            .iter()
            .map(|(n, a)| w.labelled_height(n, a, BODY - 0.5))
            .sum::<f32>();

    // A redacted copy is not the signed letter: one line says so instead of the closing,
    // the statement and the signature block.
    if opts.redact {
        w.gap(6.0);
        w.para(&crate::redact::not_signed_line(lang), BODY, 0, 0.0);
    } else {
        closing_and_signature(w, input, opts, lang, annex_height);
    }

    w.canvas.ensure(annex_height);
    w.gap(8.0);
    w.para(&text.headings.annexes, BODY, 0, 0.0);
    for (n, a) in lines {
        w.labelled_at(&n, a, BODY - 0.5);
    }
}

/// One line per file of a bundle, with the first 16 digits of its SHA-256, up to
/// [`BUNDLE_FILES_LISTED`]; the attachments beyond are counted in one more line.
fn bundle_lines(bundle: &[SideFile], text: &LetterText) -> Vec<String> {
    let short = |h: &str| h.chars().take(16).collect::<String>();
    let mut out: Vec<String> = bundle
        .iter()
        .take(BUNDLE_FILES_LISTED)
        .map(|f| format!("{}  {}", f.name, short(&f.sha256)))
        .collect();
    let rest = bundle.len().saturating_sub(BUNDLE_FILES_LISTED);
    if rest > 0 {
        out.push(fill(&text.annex_bundle_more, &[("n", &rest)]));
    }
    out
}

/// The closing, the 刑诉法第一百一十一条 statement, 此致 and the signature block, kept on one page.
/// The annex list after it (`then` points high) goes on the same page when the two fit on
/// one, so 附： never stands alone on a page of its own.
fn closing_and_signature(
    w: &mut Writer<'_>,
    input: &PacketInput,
    opts: &PacketOptions,
    lang: Lang,
    then: f32,
) {
    let zh = lang == Lang::Zh;
    let text = LetterText::get(lang);
    // The closing, the statement, 此致 and the signature block stay on one page.
    let closing = input
        .charges
        .as_ref()
        .map(|c| {
            fill(
                &text.closing,
                &[
                    ("offences", &text.offences(&c.offences)),
                    ("leads", &lead_nouns(input, lang)),
                ],
            )
        })
        .unwrap_or_default();
    let indent = if zh { 2 } else { 0 };
    let block = w.para_height(&closing, BODY, indent)
        + w.para_height(&text.statement, BODY, indent)
        + BODY * LEAD * 7.0
        + 26.0;
    let with_annexes = block + then;
    w.canvas.ensure(if with_annexes <= w.canvas.geo.content_height() {
        with_annexes
    } else {
        block
    });
    w.gap(4.0);
    w.para(&closing, BODY, indent, 0.0);
    w.para(&text.statement, BODY, indent, 0.0);
    w.gap(6.0);
    w.para(&text.signature.to, BODY, 0, 0.0);
    let agency = opts
        .agency
        .clone()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| text.signature.agency_blank.clone());
    w.para(&agency, BODY, 0, 0.0);
    w.gap(10.0);
    w.right(&fill(&text.signature.signer, &[("blank", &BLANK)]), BODY);
    w.right(&date_text(input.print_date, lang), BODY);
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
    let text = &LetterText::get(lang).accused;
    let indent = if lang == Lang::Zh { 2 } else { 0 };
    w.heading(&text.heading);
    w.para(
        &fill(&text.intro, &[("leads", &lead_nouns(input, lang))]),
        BODY,
        indent,
        0.0,
    );
    if input.leads.is_empty() {
        w.para(&text.none, BODY, 2, 0.0);
    }
    for (i, l) in input.leads.iter().take(LEADS_SHOWN).enumerate() {
        let kinds: Vec<&str> = l.kinds.iter().map(|k| kind_label(*k, lang)).collect();
        let knew = if l.knew.is_empty() {
            String::new()
        } else {
            fill(&text.knew, &[("knew", &knew_list(l.knew.iter().copied(), lang))])
        };
        let lost = if l.lost_fen > 0 {
            fill(&text.lost, &[("amount", &money(l.lost_fen, lang))])
        } else {
            String::new()
        };
        let mut s = fill(
            &text.lead,
            &[
                ("counterpart", &l.counterpart),
                ("kinds", &kinds.join(lang.pick("、", ", "))),
                ("count", &l.count),
                ("span", &span(l.first.date(), l.last.date(), lang)),
                ("knew", &knew),
                ("lost", &lost),
            ],
        );
        if let Some(label) = l.label.as_deref().filter(|s| !s.is_empty()) {
            s.push_str(&fill(&text.label, &[("label", &label)]));
        }
        w.labelled(&format!("{}. ", i + 1), &s);
    }
    let more = input.totals.leads.saturating_sub(LEADS_SHOWN);
    if let Some(s) = &input.suspect {
        let why = s.why.trim();
        let template = if why.is_empty() {
            &text.suspect_no_why
        } else {
            &text.suspect
        };
        let why = why.trim_end_matches(['。', '.']);
        w.para(
            &fill(template, &[("suspect", &s.name.as_str()), ("why", &why)]),
            BODY,
            indent,
            0.0,
        );
    }
    let receiving = accounts::receiving(input);
    if !receiving.is_empty() {
        w.para(&text.accounts_intro, BODY, indent, 0.0);
        for (i, a) in receiving.iter().enumerate() {
            w.labelled(&format!("{}. ", i + 1), &account_lead(a, lang));
        }
    }
    if more > 0 {
        let template = if input.is_big() {
            &text.more_in_data
        } else {
            &text.more_in_list
        };
        w.para(&fill(template, &[("n", &more)]), BODY, indent, 0.0);
    }
}

/// What the other side knew across the live entries ("住址、订单信息等个人信息"); "个人信息"
/// when nothing was recorded.
fn knew_of_case(live: &[&PacketEntry], lang: Lang) -> String {
    let mut all: Vec<Knew> = live.iter().flat_map(|e| e.knew.iter().copied()).collect();
    all.sort();
    all.dedup();
    let list = knew_list(all.iter().copied(), lang);
    if list.is_empty() {
        lang.pick("个人信息", "personal information").to_string()
    } else if all.contains(&Knew::Other) {
        list
    } else {
        format!("{list}{}", lang.pick("等个人信息", ""))
    }
}

/// "2026年10月1日至2026年10月24日", or the one date when both are the same day.
fn span(first: jiff::civil::Date, last: jiff::civil::Date, lang: Lang) -> String {
    if first == last {
        return date_text(first, lang);
    }
    fill(
        &LetterText::get(lang).facts.span,
        &[("from", &date_text(first, lang)), ("to", &date_text(last, lang))],
    )
}

/// The receiving side of a transfer as one line: account, name, bank; （未记录） for the account
/// when none was recorded (a counterpart is never an account).
fn receiver(e: &PacketEntry, lang: Lang) -> String {
    let t = e.transfer.clone().unwrap_or_default();
    let text = &LetterText::get(lang).transfers;
    let account = match t.account.trim() {
        "" => text.not_recorded.clone(),
        a => a.to_string(),
    };
    let mut extra: Vec<String> = Vec::new();
    if !t.name.trim().is_empty() {
        extra.push(fill(&text.account_name, &[("name", &t.name.trim())]));
    }
    if !t.bank.trim().is_empty() {
        extra.push(t.bank.trim().to_string());
    }
    if extra.is_empty() {
        return account;
    }
    fill(
        &text.receiver,
        &[
            ("account", &account),
            ("details", &extra.join(&text.details_join)),
        ],
    )
}

/// The paying side of a transfer: the victim's account and its bank, or how it was paid.
fn payer(e: &PacketEntry, lang: Lang) -> String {
    let t = e.transfer.clone().unwrap_or_default();
    let text = &LetterText::get(lang).transfers;
    match (t.from_account.trim(), t.from_bank.trim()) {
        ("", "") => text.not_recorded.clone(),
        (a, "") => a.to_string(),
        ("", b) => b.to_string(),
        (a, b) => fill(&text.payer, &[("account", &a), ("bank", &b)]),
    }
}

/// One receiving account as a lead under 被控告人.
fn account_lead(a: &Receiving, lang: Lang) -> String {
    let text = LetterText::get(lang);
    let blank = text.transfers.not_recorded.as_str();
    let or_blank = |s: &str| {
        if s.is_empty() {
            blank.to_string()
        } else {
            s.to_string()
        }
    };
    fill(
        &text.accused.account_lead,
        &[
            ("name", &or_blank(&a.name)),
            ("account", &a.account),
            ("bank", &or_blank(&a.bank)),
            ("span", &accounts::time_span(a.first, a.last, lang)),
            ("count", &a.count),
            ("amount", &money(a.total_fen, lang)),
            ("ids", &accounts::ids_text(&a.ids, lang)),
        ],
    )
}

/// The receiving accounts the stop-payment request names: each recorded account once, the
/// most recent first, at most [`ACCOUNTS_NAMED`] (the rest are in 收款账户一览, which lists
/// every one), then the transfers whose account was not recorded. Empty when no receiving
/// account was recorded at all.
/// What the leads are, as the record holds them: 号码 for calls and texts, 地址 for emails,
/// pages and letters, 账户 for receiving accounts and accounts in the victim's name, e.g.
/// 号码、账户. A case with other kinds of entry, or none, names all three.
pub fn lead_nouns(input: &PacketInput, lang: Lang) -> String {
    use crate::case::EvidenceKind::*;
    let text = &LetterText::get(lang).accused;
    let has =
        |kinds: &[crate::case::EvidenceKind]| kinds.iter().any(|k| input.totals.by_kind.contains_key(k));
    let all = has(&[Other]) || input.totals.by_kind.is_empty();
    let words: Vec<&str> = [
        (all || has(&[Call, Sms]), text.number.as_str()),
        (all || has(&[Email, Web, Letter]), text.address.as_str()),
        (
            all || has(&[Account]) || !accounts::receiving(input).is_empty(),
            text.account.as_str(),
        ),
    ]
    .into_iter()
    .filter_map(|(shown, w)| shown.then_some(w))
    .collect();
    match (lang, words.as_slice()) {
        (Lang::Zh, _) => words.join("、"),
        (Lang::En, [.., last]) if words.len() > 1 => {
            format!("{} and {last}", words[..words.len() - 1].join(", "))
        }
        (Lang::En, _) => words.join(""),
    }
}

fn receiving_accounts(input: &PacketInput, lang: Lang) -> String {
    let all = accounts::receiving(input);
    if all.is_empty() {
        return String::new();
    }
    let text = &LetterText::get(lang).transfers;
    let named: Vec<String> = all
        .iter()
        .take(ACCOUNTS_NAMED)
        .map(|a| {
            let mut extra = Vec::new();
            if !a.name.is_empty() {
                extra.push(fill(&text.account_name, &[("name", &a.name)]));
            }
            if !a.bank.is_empty() {
                extra.push(a.bank.clone());
            }
            if extra.is_empty() {
                return a.account.clone();
            }
            fill(
                &text.receiver,
                &[
                    ("account", &a.account),
                    ("details", &extra.join(&text.details_join)),
                ],
            )
        })
        .collect();
    let mut s = named.join(lang.pick("；", "; "));
    let more = all.len().saturating_sub(ACCOUNTS_NAMED);
    if more > 0 {
        s.push_str(&fill(&text.more_accounts, &[("n", &more)]));
    }
    let missing = accounts::unrecorded(input).len();
    if missing > 0 {
        s.push_str(&fill(&text.unrecorded_more, &[("n", &missing)]));
    }
    s
}

/// Events the chronological paragraph tells, when the case has no account of the victim's own.
pub const CHRONOLOGY_EVENTS: usize = 8;

/// Characters of a note quoted in the letter's sentences.
const QUOTED: usize = 40;

/// Without the victim's own account: the first events in time order, each with what the
/// victim recorded, in one paragraph (the 时间经过 lists them all).
fn chronology(input: &PacketInput, by_time: &[&PacketEntry], lang: Lang) -> Option<String> {
    let text = &LetterText::get(lang).facts;
    let events: Vec<&PacketEntry> = if input.totals.live <= CHRONOLOGY_EVENTS {
        by_time.to_vec()
    } else {
        // A long case tells its key events (first contacts, first disclosures, losses).
        let by_number: std::collections::HashMap<u32, &PacketEntry> =
            by_time.iter().map(|e| (e.number, *e)).collect();
        let keys: Vec<&PacketEntry> = input
            .totals
            .key_events
            .iter()
            .filter_map(|n| by_number.get(n).copied())
            .take(CHRONOLOGY_EVENTS)
            .collect();
        if keys.is_empty() {
            by_time.iter().take(CHRONOLOGY_EVENTS).copied().collect()
        } else {
            keys
        }
    };
    // One contact is told by the opening of the analysis.
    if events.len() < 2 {
        return None;
    }
    let mut day = None;
    let items: Vec<String> = events
        .iter()
        .map(|e| {
            let said = said(e, lang);
            // A date said once: the next event of the same day says 同日.
            let on = e.occurred_at.date();
            let time = if day == Some(on) {
                format!("{} {}", text.same_day, e.occurred_at.time().strftime("%H:%M"))
            } else {
                datetime_text(e.occurred_at, lang)
            };
            day = Some(on);
            fill(
                &text.event,
                &[
                    ("time", &time),
                    ("counterpart", &e.counterpart),
                    ("kind", &kind_label(e.kind, lang)),
                    ("said", &said),
                    ("id", &e.id),
                ],
            )
        })
        .collect();
    let more = input.totals.live.saturating_sub(events.len());
    let rest = if more > 0 {
        fill(&text.chronology_more, &[("n", &more)])
    } else {
        String::new()
    };
    Some(fill(
        &text.chronology,
        &[("events", &items.join(&text.event_join)), ("more", &rest)],
    ))
}

/// ，本人记录为：“…” — the victim's note quoted, or nothing when there is none.
fn said(e: &PacketEntry, lang: Lang) -> String {
    let q = quote(&e.summary, QUOTED);
    if q.is_empty() {
        return String::new();
    }
    fill(&LetterText::get(lang).facts.event_said, &[("said", &q)])
}

/// 事实与理由 in sentences: when it began and how often, who contacted most and what they
/// claimed (in the order they first made contact), what they knew and since when, money lost;
/// every claim points at entry ids.
/// `told`: the events were just told in order, so the leads are not quoted again.
fn facts(input: &PacketInput, by_time: &[&PacketEntry], told: bool, lang: Lang) -> Vec<String> {
    let letter = LetterText::get(lang);
    let text = &letter.facts;
    let (Some(first), Some(last)) = (by_time.first(), by_time.last()) else {
        return Vec::new();
    };
    let mut paras = Vec::new();
    let mut s = if input.totals.live == 1 {
        fill(
            &text.opening_one,
            &[
                ("first", &datetime_text(first.occurred_at, lang)),
                ("first_id", &first.id),
                ("counterpart", &first.counterpart),
                ("kind", &kind_label(first.kind, lang)),
                ("said", &said(first, lang)),
            ],
        )
    } else {
        fill(
            if input.totals.leads == 1 {
                &text.opening_one_lead
            } else {
                &text.opening
            },
            &[
                ("first", &datetime_text(first.occurred_at, lang)),
                ("first_id", &first.id),
                ("last", &datetime_text(last.occurred_at, lang)),
                ("last_id", &last.id),
                ("n", &input.totals.live),
                ("counts", &counted_by_kind(&input.totals.by_kind, lang)),
                ("leads", &input.totals.leads),
            ],
        )
    };
    // The leads told, in the order they first made contact.
    let mut leads_told: Vec<_> = input.leads.iter().take(LEADS_TOLD).collect();
    leads_told.sort_by_key(|l| l.first);
    for l in leads_told.into_iter().filter(|_| input.totals.live > 1) {
        // The lead's first contact in time (its ids are in entry order).
        let Some(first_e) = by_time.iter().find(|e| l.entries.contains(&e.id)) else {
            continue;
        };
        let claim = quote(&first_e.summary, QUOTED);
        let claim = if claim.is_empty() || told {
            String::new()
        } else {
            fill(&text.claim, &[("claim", &claim), ("id", &first_e.id)])
        };
        s.push_str(&fill(
            &text.lead,
            &[
                ("counterpart", &l.counterpart),
                ("count", &l.count),
                ("span", &span(l.first.date(), l.last.date(), lang)),
                ("claim", &claim),
            ],
        ));
    }
    paras.push(s);

    // What they knew, and since when: one clause per entry that first named something.
    let mut knew_first: Vec<(Knew, &PacketEntry)> = Vec::new();
    for e in by_time {
        for k in &e.knew {
            if !knew_first.iter().any(|(x, _)| x == k) {
                knew_first.push((*k, e));
            }
        }
    }
    if !knew_first.is_empty() {
        let all = knew_list(knew_first.iter().map(|(k, _)| *k), lang);
        let mut firsts: Vec<(&PacketEntry, Vec<Knew>)> = Vec::new();
        for (k, e) in &knew_first {
            match firsts.iter_mut().find(|(x, _)| x.number == e.number) {
                Some((_, ks)) => ks.push(*k),
                None => firsts.push((e, vec![*k])),
            }
        }
        let since = if firsts.len() == 1 {
            let e = firsts[0].0;
            fill(
                &text.since_one,
                &[("date", &date_text(e.occurred_at.date(), lang)), ("id", &e.id)],
            )
        } else {
            let mut day = None;
            let items: Vec<String> = firsts
                .iter()
                .map(|(e, ks)| {
                    // A date said once: the next clause of the same day says 同日.
                    let on = e.occurred_at.date();
                    let date = if day == Some(on) {
                        text.same_day.clone()
                    } else {
                        date_text(on, lang)
                    };
                    day = Some(on);
                    fill(
                        &text.since_item,
                        &[
                            ("items", &knew_list(ks.iter().copied(), lang)),
                            ("date", &date),
                            ("id", &e.id),
                        ],
                    )
                })
                .collect();
            fill(&text.since, &[("items", &items.join(&text.since_join))])
        };
        let mut s = fill(&text.knew, &[("knew", &all), ("since", &since)]);
        s.push_str(&fill(&letter.pattern, &[("knew", &all)]));
        paras.push(s);
    }

    // Money lost.
    let lost: Vec<&&PacketEntry> = by_time
        .iter()
        .filter(|e| e.amount_lost_fen.is_some_and(|f| f > 0))
        .collect();
    if !lost.is_empty() {
        let total = crate::money::Fen::total(
            lost.iter()
                .filter_map(|e| e.amount_lost_fen.map(crate::money::Fen)),
        )
        .0;
        // The entries of the transfer table (the latest), not a list as long as the case.
        let named = &lost[lost.len().saturating_sub(TRANSFER_ROWS)..];
        let mut ids = named
            .iter()
            .map(|e| e.id.as_str())
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", "));
        if named.len() < lost.len() {
            ids.push_str(&fill(&text.lost_more, &[("n", &lost.len())]));
        }
        paras.push(fill(
            &text.lost,
            &[("amount", &money_with_capitals(total, lang)), ("ids", &ids)],
        ));
    }
    paras
}

/// The transfers police can act on: time, amount, the receiving side, how, the entry.
fn transfers(w: &mut Writer<'_>, input: &PacketInput, by_time: &[&PacketEntry], lang: Lang) {
    let all: Vec<&&PacketEntry> = by_time
        .iter()
        .filter(|e| e.amount_lost_fen.is_some_and(|f| f > 0))
        .collect();
    if all.is_empty() {
        return;
    }
    let text = LetterText::get(lang);
    sub(w, &text.headings.transfers);
    // The most recent transfers are the ones a bank may still stop.
    let rows = &all[all.len().saturating_sub(TRANSFER_ROWS)..];
    if rows.len() < all.len() {
        w.para(
            &fill(&text.transfers.latest, &[("all", &all.len()), ("n", &rows.len())]),
            SMALL + 1.0,
            0,
            0.25,
        );
    }
    let widths = [11.0, 26.0, 24.0, 34.0, 42.0, 33.0];
    let mut cols = columns(w, &text.transfers.columns, &widths);
    fit_ids(w, &mut cols, rows.iter().map(|e| e.id.as_str()));
    let table = Table {
        columns: cols,
        rows: rows
            .iter()
            .map(|e| {
                let t = e.transfer.clone().unwrap_or_default();
                let how: Vec<&str> = [t.method.trim(), t.txn.trim()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect();
                let blank = text.transfers.not_recorded.as_str();
                Row::Cells(vec![
                    e.id.clone(),
                    datetime_text(accounts::paid_at(e, input), lang),
                    money(e.amount_lost_fen.unwrap_or(0), lang),
                    payer(e, lang),
                    receiver(e, lang),
                    if how.is_empty() {
                        blank.to_string()
                    } else {
                        how.join("\n")
                    },
                ])
            })
            .collect(),
        style: table_style(lang),
    };
    table.draw(&mut w.canvas, &w.m);
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

/// 时间经过: the events as a table, one line each.
/// A case of more than [`TIMELINE_ROWS`] live entries lists its key events
/// ([`super::totals::key_events`]).
fn timeline(w: &mut Writer<'_>, input: &PacketInput, by_time: &[&PacketEntry], lang: Lang) {
    let all = input.totals.live <= TIMELINE_ROWS;
    let events: Vec<&PacketEntry> = if all {
        by_time.to_vec()
    } else {
        let by_number: std::collections::HashMap<u32, &PacketEntry> =
            by_time.iter().map(|e| (e.number, *e)).collect();
        input
            .totals
            .key_events
            .iter()
            .filter_map(|n| by_number.get(n).copied())
            .collect()
    };
    let letter = LetterText::get(lang);
    let text = &letter.timeline;
    sub(w, &letter.headings.timeline);
    // The zone, named once; then, for a long case, which events the table keeps.
    let mut note = fill(
        &text.zone_note,
        &[("zone", &zone_sentence(&input.zone, input.print_date, lang))],
    );
    if !all {
        note.push_str(&fill(
            &text.key_events,
            &[("n", &events.len()), ("all", &input.totals.live)],
        ));
    }
    w.para(note.trim_end(), SMALL + 1.0, 0, 0.25);
    let widths = [11.0, 34.0, 13.0, 36.0, 76.0];
    let mut cols = columns(w, &text.columns, &widths);
    fit_ids(w, &mut cols, events.iter().map(|e| e.id.as_str()));
    let pad = Style::default().pad;
    let what_w = cols[4].width - 2.0 * pad;
    let cp_w = cols[3].width - 2.0 * pad;
    let rows = events
        .iter()
        .map(|e| {
            let mut what = e.summary.clone();
            if !e.knew.is_empty() {
                let knew = knew_list(e.knew.iter().copied(), lang);
                what = fill(&text.knew, &[("knew", &knew), ("what", &what)]);
            }
            if let Some(f) = e.amount_lost_fen.filter(|f| *f > 0) {
                what = fill(&text.lost, &[("amount", &money(f, lang)), ("what", &what)]);
            }
            Row::Cells(vec![
                e.id.clone(),
                datetime_text(e.occurred_at, lang),
                kind_label(e.kind, lang).to_string(),
                // A mobile in the 11 digits an officer queries (the leads above name the
                // spellings it was written in).
                fit_line(
                    w,
                    &super::case_input::mobile_digits(&e.counterpart)
                        .unwrap_or_else(|| e.counterpart.clone()),
                    cp_w,
                ),
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
