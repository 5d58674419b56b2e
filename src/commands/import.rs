//! `leakaid import bill`: the victim's own bill read into transfers. Without `--pick` it lists
//! the rows and records nothing; with it, the picked rows become losses with their transfers,
//! the bill stored once as the attachment of every one.

use std::collections::BTreeSet;

use super::{Ctx, Failure, out, warn};
use crate::case::Case;
use crate::case::bill::transfer_fields;
use crate::cli::ImportBillArgs;
use crate::evidence::bill::{self, Bill, BillRow, Flow};
use crate::i18n::{Lang, tr};
use crate::pdf::words::money;

/// Runs `leakaid import bill`.
pub fn bill(ctx: &Ctx, args: &ImportBillArgs) -> Result<(), Failure> {
    let lang = ctx.lang;
    let bytes = crate::userfile::read(&args.file, crate::userfile::Purpose::Bill)
        .map_err(|e| Failure::new(e.message(lang)))?;
    let bill = bill::read(&bytes).map_err(|e| Failure::new(e.message(lang)))?;
    drop(bytes);
    let pickable: Vec<&BillRow> = bill.rows.iter().filter(|r| r.pickable()).collect();
    let Some(pick) = &args.pick else {
        list(&bill, &pickable, &args.file.display().to_string(), lang);
        return Ok(());
    };
    let numbers = parse_pick(pick, pickable.len(), lang)?;
    let mut case = Case::open(&ctx.case_dir()?).map_err(|e| ctx.fail(e))?;
    super::log::report_swept(ctx, &case);
    let linked = match &args.for_entry {
        Some(s) => {
            let id = ctx.entry_id(s)?;
            let e = case
                .state()
                .entry(id)
                .ok_or_else(|| ctx.fail(crate::case::CaseError::UnknownEntry(id.to_string())))?;
            if e.retracted.is_some() {
                return Err(ctx.fail(crate::case::CaseError::Retracted(id)));
            }
            Some(e.clone())
        }
        None => None,
    };
    let now = jiff::Timestamp::now().to_zoned_datetime(crate::localtime::beijing());
    let fields = numbers
        .iter()
        .map(|n| transfer_fields(&bill, pickable[n - 1], linked.as_ref(), &now))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ctx.fail(e))?;
    let total: u64 = numbers.iter().map(|n| pickable[n - 1].fen).sum();
    let ids = case.log_transfers(fields, &args.file).map_err(|e| ctx.fail(e))?;
    let list = ids
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "));
    out(tr(
        lang,
        format!(
            "已从{}账单记录 {} 笔转账（{list}），共{}；账单原件已存入案件，作为每一笔的附件。",
            bill.source.name(lang),
            ids.len(),
            money(total, lang)
        ),
        format!(
            "Recorded {} transfer(s) from the {} bill ({list}), {} in all; the bill itself is kept in the case as the attachment of each.",
            ids.len(),
            bill.source.name(lang),
            money(total, lang)
        ),
    ));
    let no_account: Vec<String> = numbers
        .iter()
        .zip(&ids)
        .filter(|(n, _)| pickable[**n - 1].account.is_empty())
        .map(|(_, id)| id.to_string())
        .collect();
    if !no_account.is_empty() {
        warn(tr(
            lang,
            format!(
                "账单没有写出 {} 的收款账号（微信账单只有对方昵称）：请在转账详情里查到对方账号后补记（leakaid correct 编号 --to-account 账号），民警止付需要它。",
                no_account.join("、")
            ),
            format!(
                "The bill does not show the receiving account of {} (a WeChat bill names only the other side's nickname): look it up in the transfer's details and add it (leakaid correct ID --to-account NUMBER); the police need it to stop the payment.",
                no_account.join(", ")
            ),
        ));
    }
    Ok(())
}

/// `2,5-7` as row numbers from 1 to `max`, in order, each once.
pub(super) fn parse_pick(s: &str, max: usize, lang: Lang) -> Result<Vec<usize>, Failure> {
    let bad = |part: &str| {
        Failure::new(tr(
            lang,
            format!("--pick 里的“{part}”读不懂：请写列表中的编号，例如 --pick 2,5-7（可选 1 到 {max}）。"),
            format!(
                "\"{part}\" in --pick cannot be read: give numbers from the list, e.g. --pick 2,5-7 (1 to {max})."
            ),
        ))
    };
    let mut picked = BTreeSet::new();
    for part in crate::text::halfwidth::to_halfwidth(s).split([',', '，', '、', ' ']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (a, b) = match part.split_once(['-', '~']) {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (part, part),
        };
        let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) else {
            return Err(bad(part));
        };
        if a == 0 || b < a || b > max {
            return Err(bad(part));
        }
        picked.extend(a..=b);
    }
    if picked.is_empty() {
        return Err(bad(s));
    }
    Ok(picked.into_iter().collect())
}

/// One row as the list shows it.
fn row_line(r: &BillRow, lang: Lang) -> String {
    let at = if r.time_known {
        r.at.strftime("%Y-%m-%d %H:%M").to_string()
    } else {
        r.at.strftime("%Y-%m-%d").to_string()
    };
    let mut to = r.counterparty.clone();
    if !r.account.is_empty() {
        if !to.is_empty() {
            to.push(' ');
        }
        to.push_str(&r.account);
    }
    if to.is_empty() {
        to = lang
            .pick("（账单未写对方）", "(no receiver in the bill)")
            .to_string();
    }
    let mut parts = vec![at, money(r.fen, lang), format!("→ {to}")];
    if !r.method.is_empty() {
        parts.push(format!("{}{}", lang.pick("付款：", "paid from: "), r.method));
    }
    if !r.status.is_empty() {
        parts.push(r.status.clone());
    }
    if !r.order.is_empty() {
        parts.push(format!("{}{}", lang.pick("订单号 ", "order "), r.order));
    }
    parts.join("  ")
}

fn list(bill: &Bill, pickable: &[&BillRow], file: &str, lang: Lang) {
    let name = bill.source.name(lang);
    out(tr(
        lang,
        format!(
            "{name}账单，共 {} 行；其中 {} 笔是已成功的支出，可以记为被骗的转账：",
            bill.rows.len(),
            pickable.len()
        ),
        format!(
            "{name} bill, {} rows; {} of them are payments that went through and can be recorded as money lost:",
            bill.rows.len(),
            pickable.len()
        ),
    ));
    for (i, r) in pickable.iter().enumerate() {
        out(format!("  {:>3}. {}", i + 1, row_line(r, lang)));
    }
    let apart: Vec<&BillRow> = bill.rows.iter().filter(|r| !r.pickable()).collect();
    if !apart.is_empty() {
        out(tr(
            lang,
            format!(
                "另有 {} 行是收入、不计收支（提现、理财、退款等）或已关闭、失败的交易，不能记为损失：",
                apart.len()
            ),
            format!(
                "{} more rows are income, neutral (withdrawals, investments, refunds …) or closed or failed orders, and cannot be recorded as losses:",
                apart.len()
            ),
        ));
        for r in apart {
            let why = match (r.flow, r.closed) {
                (Flow::In, _) => lang.pick("收入", "income"),
                (Flow::Neutral, _) => lang.pick("不计收支", "neutral"),
                _ => lang.pick("未成功", "not completed"),
            };
            out(format!("       [{why}] {}", row_line(r, lang)));
        }
    }
    if pickable.is_empty() {
        out(tr(
            lang,
            "这份账单里没有可以记为损失的支出。",
            "This bill has no payments that can be recorded as losses.",
        ));
        return;
    }
    let example = if pickable.len() == 1 { "1" } else { "1,2" };
    out(tr(
        lang,
        format!(
            "什么都还没有记录。把被骗的几笔记下来：leakaid import bill {file} --pick {example}（编号见上）；加 --for E2 可以关联到引你转账的那通电话或那条短信。"
        ),
        format!(
            "Nothing was recorded yet. To record the transfers you lost: leakaid import bill {file} --pick {example} (numbers above); add --for E2 to link them to the call or message that led to them."
        ),
    ));
}
