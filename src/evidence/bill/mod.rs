//! Bills the victim already has — the transaction details exported from Alipay (支付宝) and
//! WeChat Pay (微信支付), and the debit-card statements of ICBC, CCB, ABC, BOC and CMB — read
//! into rows a transfer can be recorded from. A pure function of the file's bytes: the kind
//! is found from the content (the header row), never from the file name.
//!
//! One module per family of layouts: [`alipay`] (the current CSV and the older web export),
//! [`wechat`] (CSV and XLSX), [`bank`] (the five banks). Each finds its header row and says
//! which column holds what ([`Columns`]); this module reads the rows the same way for all:
//! time, amount (¥, thousands separators and signs as the bills write them), direction,
//! counterparty and account as shown (masked digits stay masked), paying method, status and
//! order number, and the row's own text.

pub mod alipay;
pub mod bank;
mod cells;
pub mod sheet;
pub mod wechat;

use jiff::civil::DateTime;

use crate::i18n::{Lang, tr};
use cells::{Header, parse_amount, parse_time};

/// Where a bill comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// 支付宝 交易明细 (the current CSV layout).
    Alipay,
    /// 支付宝 交易记录 (the older web export).
    AlipayWeb,
    /// 微信支付账单明细 (CSV or XLSX).
    WechatPay,
    /// 中国工商银行 借记卡明细.
    Icbc,
    /// 中国建设银行 交易明细.
    Ccb,
    /// 中国农业银行 借记卡明细.
    Abc,
    /// 中国银行 交易流水明细.
    Boc,
    /// 招商银行 借记卡交易明细.
    Cmb,
}

impl Source {
    /// The name users know it by: 支付宝, 微信支付, 中国工商银行 …
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Source::Alipay | Source::AlipayWeb => lang.pick("支付宝", "Alipay"),
            Source::WechatPay => lang.pick("微信支付", "WeChat Pay"),
            Source::Icbc => lang.pick("中国工商银行", "ICBC"),
            Source::Ccb => lang.pick("中国建设银行", "CCB"),
            Source::Abc => lang.pick("中国农业银行", "ABC"),
            Source::Boc => lang.pick("中国银行", "Bank of China"),
            Source::Cmb => lang.pick("招商银行", "China Merchants Bank"),
        }
    }

    /// The platform the money stays in, for the receiving side of a payment app's row; a
    /// bank's statement does not say where the other account is held.
    fn platform(self) -> &'static str {
        match self {
            Source::Alipay | Source::AlipayWeb => "支付宝",
            Source::WechatPay => "微信支付",
            _ => "",
        }
    }
}

/// Which way the money of a row went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Paid out: may be a loss.
    Out,
    /// Received.
    In,
    /// Neither (提现、理财、退款、还款、充值 …).
    Neutral,
}

/// One row of a bill.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BillRow {
    /// The row's number in the file (its line in a CSV file), from 1.
    pub line: usize,
    /// When, as the bill states it (Beijing time).
    pub at: DateTime,
    /// Whether the bill gives the time of day (a statement may give the date only).
    pub time_known: bool,
    /// The amount, in fen, without its sign.
    pub fen: u64,
    /// Which way.
    pub flow: Flow,
    /// A closed, failed or refunded order: listed apart, never a loss.
    pub closed: bool,
    /// The other side as the bill names it.
    pub counterparty: String,
    /// The other side's account as shown (masked digits stay masked).
    pub account: String,
    /// The other side's bank or platform, where the bill says it.
    pub bank: String,
    /// How the victim paid: the card or balance the bill names.
    pub method: String,
    /// The status as written.
    pub status: String,
    /// The order (transaction) number.
    pub order: String,
    /// What the bill says the payment was (商品说明, 摘要 …).
    pub what: String,
    /// The row as it stands in the file, its cells joined by commas.
    pub original: String,
}

impl BillRow {
    /// Whether the row can be recorded as a loss: money paid out on an order that went
    /// through.
    pub fn pickable(&self) -> bool {
        self.flow == Flow::Out && !self.closed
    }
}

/// A bill read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bill {
    /// Its kind.
    pub source: Source,
    /// The victim's own card or account the bill is about, when it names one.
    pub own_account: String,
    /// Every row, in the file's order.
    pub rows: Vec<BillRow>,
}

/// Why a bill could not be read. Nothing is recorded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BillError {
    /// Not a bill of a kind this reads.
    #[error("not a bill")]
    NotABill,
    /// A row whose amount cannot be read.
    #[error("row {line}: amount {text:?}")]
    BadAmount {
        /// The row's number in the file.
        line: usize,
        /// The cell as written.
        text: String,
    },
}

impl BillError {
    /// The sentence for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BillError::NotABill => tr(
                lang,
                "这个文件不是能读取的账单。能读取的是：支付宝交易明细（CSV，含旧版网页导出）、微信支付账单明细（CSV 或 XLSX）、工商银行、建设银行、农业银行、中国银行、招商银行的借记卡交易明细（CSV、XLS 或 XLSX）。请从 App 重新导出后再试。",
                "This file is not a bill leakaid can read. It reads: Alipay transaction details (CSV, and the older web export), WeChat Pay bills (CSV or XLSX), and the debit-card statements of ICBC, CCB, ABC, Bank of China and China Merchants Bank (CSV, XLS or XLSX). Export it again from the app and try once more.",
            ),
            BillError::BadAmount { line, text } => tr(
                lang,
                format!(
                    "账单第 {line} 行的金额“{text}”读不出来，什么都没有记录。请检查这一行，或从 App 重新导出账单。"
                ),
                format!(
                    "The amount “{text}” on row {line} of the bill cannot be read; nothing was recorded. Check that row, or export the bill again from the app."
                ),
            ),
        }
    }
}

/// Which column holds what, for one layout; `None`: the layout has no such column.
#[derive(Clone, Debug, Default)]
pub struct Columns {
    /// Date and time in one cell, or the date.
    pub time: Option<usize>,
    /// The time of day in a cell of its own.
    pub clock: Option<usize>,
    /// A signed amount, or the amount with [`Columns::flow`] saying which way.
    pub amount: Option<usize>,
    /// Money in (a statement with two amount columns).
    pub amount_in: Option<usize>,
    /// Money out.
    pub amount_out: Option<usize>,
    /// 收/支.
    pub flow: Option<usize>,
    /// The kind of payment (交易分类, 交易类型, 摘要).
    pub kind: Option<usize>,
    /// The other side's name.
    pub counterparty: Option<usize>,
    /// The other side's account.
    pub account: Option<usize>,
    /// The other side's bank.
    pub bank: Option<usize>,
    /// How the victim paid.
    pub method: Option<usize>,
    /// Status.
    pub status: Option<usize>,
    /// Order number.
    pub order: Option<usize>,
    /// What it was for.
    pub what: Option<usize>,
    /// The victim's own card (BOC writes its last digits on every row).
    pub own_card: Option<usize>,
    /// Name and account in one cell (`张三 6222…`, `6222…/张三`).
    pub party: Option<usize>,
}

/// A layout found: where it comes from and its columns.
pub struct Layout {
    /// The kind.
    pub source: Source,
    /// The columns.
    pub columns: Columns,
}

/// Reads a bill from its bytes.
pub fn read(bytes: &[u8]) -> Result<Bill, BillError> {
    let table = sheet::table(bytes).ok_or(BillError::NotABill)?;
    for (i, cells) in table.rows.iter().enumerate().take(100) {
        let header = Header::new(cells);
        let Some(layout) = alipay::detect(&header)
            .or_else(|| wechat::detect(&header))
            .or_else(|| bank::detect(&header))
        else {
            continue;
        };
        let mut rows = Vec::new();
        let mut first_row = None;
        for (cells, line) in table.rows.iter().zip(&table.lines).skip(i + 1) {
            if let Some(r) = row(&layout, cells, *line)? {
                first_row.get_or_insert(cells);
                rows.push(r);
            }
        }
        let own_account = bank::own_account(&table.rows[..i], first_row, &layout);
        let mut bill = Bill {
            source: layout.source,
            own_account,
            rows,
        };
        if !bill.own_account.is_empty() {
            let own = format!("{}（{}）", layout.source.name(Lang::Zh), bill.own_account);
            for r in bill.rows.iter_mut().filter(|r| r.method.is_empty()) {
                r.method.clone_from(&own);
            }
        }
        return Ok(bill);
    }
    Err(BillError::NotABill)
}

/// Words of a payment's kind that make it neither a loss nor an income: money moved between
/// the victim's own places, invested, refunded, repaid.
const NEUTRAL: [&str; 12] = [
    "提现",
    "理财",
    "退款",
    "转存",
    "还款",
    "充值",
    "零钱通",
    "余额宝",
    "基金",
    "结息",
    "利息",
    "转入零钱",
];

/// Statuses of an order that did not go through.
const CLOSED: [&str; 7] = ["关闭", "失败", "已退款", "全额退款", "已退还", "退款成功", "撤销"];

fn cell(cells: &[String], at: Option<usize>) -> &str {
    at.and_then(|i| cells.get(i)).map_or("", |s| s.as_str())
}

/// A bill's "nothing here": `/`, `-`, `--`, a run of dashes.
fn blank(s: &str) -> bool {
    s.is_empty() || s.chars().all(|c| matches!(c, '/' | '-' | '—'))
}

fn shown(s: &str) -> String {
    if blank(s) { String::new() } else { s.to_string() }
}

/// One data row, `None` for a row that is no transaction (a blank line, a total, a footer).
fn row(layout: &Layout, cells: &[String], line: usize) -> Result<Option<BillRow>, BillError> {
    let c = &layout.columns;
    let time_text = cell(cells, c.time);
    let clock_text = cell(cells, c.clock);
    let Some((at, time_known)) = parse_time(time_text, clock_text) else {
        // Totals, notes and separators carry no time: not a transaction.
        return Ok(None);
    };
    let amount_of = |at: Option<usize>| -> Result<Option<i64>, BillError> {
        let text = cell(cells, at);
        if blank(text) {
            return Ok(None);
        }
        parse_amount(text).map(Some).ok_or_else(|| BillError::BadAmount {
            line,
            text: text.to_string(),
        })
    };
    let signed = match (
        amount_of(c.amount)?,
        amount_of(c.amount_in)?,
        amount_of(c.amount_out)?,
    ) {
        (Some(a), _, _) => a,
        (None, Some(i), _) if i != 0 => i.abs(),
        (None, _, Some(o)) => -o.abs(),
        (None, Some(i), None) => i,
        (None, None, None) => {
            return Err(BillError::BadAmount {
                line,
                text: String::new(),
            });
        }
    };
    let kind = cell(cells, c.kind);
    let what = cell(cells, c.what);
    let mut flow = match c.flow.map(|i| cell(cells, Some(i))) {
        Some("支出") => Flow::Out,
        Some("收入") => Flow::In,
        Some(_) => Flow::Neutral,
        None if signed < 0 => Flow::Out,
        None => Flow::In,
    };
    if NEUTRAL.iter().any(|w| kind.contains(w)) {
        flow = Flow::Neutral;
    }
    let status = shown(cell(cells, c.status));
    let (mut counterparty, mut account) = (shown(cell(cells, c.counterparty)), shown(cell(cells, c.account)));
    if c.party.is_some() {
        let (name, acct) = cells::split_party(cell(cells, c.party));
        if counterparty.is_empty() {
            counterparty = name;
        }
        if account.is_empty() {
            account = acct;
        }
    }
    let mut bank = shown(cell(cells, c.bank));
    if bank.is_empty() && !(counterparty.is_empty() && account.is_empty()) {
        bank = layout.source.platform().to_string();
    }
    let original = cells
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(",")
        .trim_end_matches(',')
        .to_string();
    Ok(Some(BillRow {
        line,
        at,
        time_known,
        fen: signed.unsigned_abs(),
        flow,
        closed: CLOSED.iter().any(|w| status.contains(w)),
        counterparty,
        account,
        bank,
        method: shown(cell(cells, c.method)),
        status,
        order: shown(cell(cells, c.order)),
        what: if blank(what) {
            shown(kind)
        } else {
            what.to_string()
        },
        original,
    }))
}
