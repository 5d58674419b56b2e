//! The warnings about the money trail that `log` and `export` give: a loss recorded without
//! the receiving account (the police cannot stop a payment without it), and a computer whose
//! zone is not Beijing time (documents for the authorities print 北京时间; the screen does
//! not).

use super::{Ctx, warn};
use crate::case::{CaseState, EntryId, EvidenceFields};
use crate::i18n::tr;

/// Whether `f` is a loss with no receiving account recorded.
pub fn lacks_account(f: &EvidenceFields) -> bool {
    f.lost.is_some_and(|l| l.0 > 0) && f.transfer.as_ref().is_none_or(|t| t.account.trim().is_empty())
}

/// The live losses of `state` with no receiving account, in entry order.
pub fn losses_without_account(state: &CaseState) -> Vec<EntryId> {
    state
        .live_entries()
        .filter(|e| lacks_account(&e.current))
        .map(|e| e.id)
        .collect()
}

/// Warns, naming the entries, when losses have no receiving account.
pub fn warn_missing_accounts(ctx: &Ctx, ids: &[EntryId]) {
    if ids.is_empty() {
        return;
    }
    let list = ids
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(ctx.lang.pick("、", ", "));
    let first = ids[0];
    warn(tr(
        ctx.lang,
        format!(
            "有损失但没有记录收款账户（{list}）：请补记，民警止付需要它。例如 leakaid correct {first} --to-account 账号 --to-name 户名 --to-bank 开户行，或用 leakaid import bill 从账单导入。"
        ),
        format!(
            "A loss has no receiving account recorded ({list}): please add it, the police need it to stop the payment. For example leakaid correct {first} --to-account NUMBER --to-name NAME --to-bank BANK, or leakaid import bill to read it from your bill."
        ),
    ));
}

/// Warns when this computer's zone is not UTC+08:00 now: the documents print Beijing time,
/// the screen and the lists the computer's time.
pub fn warn_zone(ctx: &Ctx) {
    let now = jiff::Timestamp::now();
    let offset = crate::localtime::system_zone().to_offset(now);
    if offset.seconds() == 8 * 3600 {
        return;
    }
    let label = crate::localtime::zone_label(&crate::localtime::system_zone(), now);
    warn(tr(
        ctx.lang,
        format!(
            "提示：这台电脑的时区是 {label}，不是北京时间（UTC+08:00）。交给公安机关等部门的材料里的时间都已换算为北京时间，与屏幕上显示的时间不同。"
        ),
        format!(
            "Note: this computer's zone is {label}, not Beijing time (UTC+08:00). The documents for the authorities print every time in Beijing time, which differs from the times on screen."
        ),
    ));
}
