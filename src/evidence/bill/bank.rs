//! Debit-card statements of five banks, in the layouts their apps and online banking export
//! (CSV, XLS or XLSX): 中国工商银行 (交易日期/摘要/…/记账金额(收入)/记账金额(支出)/…/对方户名),
//! 中国建设银行 (序号/摘要/币别/钞汇/交易日期/交易金额/账户余额/交易地点/附言/对方账号与户名),
//! 中国农业银行 (交易日期/交易时间/交易摘要/交易金额/本次余额/对手信息/日志号/…), 中国银行
//! (记账日期/记账时间/币别/金额/余额/交易名称/…/对方账户名/对方卡号/账号/对方开户行/借记卡号) and
//! 招商银行 (记账日期/货币/交易金额/联机余额/交易摘要/对手信息/客户摘要). A signed amount (or two
//! columns, in and out) says which way the money went; the victim's own card is read from the
//! statement's preamble or its card column.

use super::cells::Header;
use super::{Columns, Layout, Source};

/// The layout, when `h` is the header row of one of the five banks' statements.
pub fn detect(h: &Header) -> Option<Layout> {
    if h.has(&["交易日期", "摘要", "记账金额(支出)", "对方户名"]) {
        return Some(Layout {
            source: Source::Icbc,
            columns: Columns {
                time: h.at("交易日期"),
                amount_in: h.at("记账金额(收入)"),
                amount_out: h.at("记账金额(支出)"),
                kind: h.at("摘要"),
                counterparty: h.at("对方户名"),
                what: h.at("交易场所"),
                ..Columns::default()
            },
        });
    }
    if h.has(&["摘要", "交易日期", "交易金额", "对方账号与户名"]) {
        return Some(Layout {
            source: Source::Ccb,
            columns: Columns {
                time: h.at("交易日期"),
                amount: h.at("交易金额"),
                kind: h.at("摘要"),
                party: h.at("对方账号与户名"),
                what: h.at("交易地点/附言"),
                ..Columns::default()
            },
        });
    }
    if h.has(&["交易日期", "交易时间", "交易金额", "对手信息", "日志号"]) {
        return Some(Layout {
            source: Source::Abc,
            columns: Columns {
                time: h.at("交易日期"),
                clock: h.at("交易时间"),
                amount: h.at("交易金额"),
                kind: h.at("交易摘要"),
                party: h.at("对手信息"),
                order: h.at("日志号"),
                what: h.at("交易附言"),
                ..Columns::default()
            },
        });
    }
    if h.has(&["记账日期", "记账时间", "金额", "对方账户名", "对方卡号/账号"]) {
        return Some(Layout {
            source: Source::Boc,
            columns: Columns {
                time: h.at("记账日期"),
                clock: h.at("记账时间"),
                amount: h.at("金额"),
                kind: h.at("交易名称"),
                counterparty: h.at("对方账户名"),
                account: h.at("对方卡号/账号"),
                bank: h.at("对方开户行"),
                what: h.at("附言"),
                own_card: h.at("借记卡号"),
                ..Columns::default()
            },
        });
    }
    if h.has(&["记账日期", "交易金额", "交易摘要", "对手信息"]) {
        return Some(Layout {
            source: Source::Cmb,
            columns: Columns {
                time: h.at("记账日期"),
                amount: h.at("交易金额"),
                kind: h.at("交易摘要"),
                party: h.at("对手信息"),
                what: h.at("客户摘要"),
                ..Columns::default()
            },
        });
    }
    None
}

/// The victim's own card as the statement names it: `卡号: 1234****9876` or
/// `卡号/账号:6217…` in the preamble, else the card column of the first row (`尾号3167`).
pub fn own_account(preamble: &[Vec<String>], first_row: Option<&Vec<String>>, layout: &Layout) -> String {
    if matches!(
        layout.source,
        Source::Alipay | Source::AlipayWeb | Source::WechatPay
    ) {
        return String::new();
    }
    for cell in preamble.iter().flatten() {
        if let Some(i) = cell.find("卡号") {
            let rest = &cell[i..];
            let after = rest.split_once([':', '：']).map_or("", |(_, v)| v);
            let card: String = after
                .trim()
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '*')
                .collect();
            if card.len() >= 4 {
                return card;
            }
        }
    }
    let tail = layout
        .columns
        .own_card
        .and_then(|i| first_row.and_then(|r| r.get(i)))
        .map(|s| s.trim())
        .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '*'));
    match tail {
        Some(t) if t.len() <= 4 => format!("尾号{t}"),
        Some(t) => t.to_string(),
        None => String::new(),
    }
}
