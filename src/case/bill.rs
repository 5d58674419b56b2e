//! What a row of a bill becomes in the case: a loss with its transfer — the receiving name,
//! account and platform as the bill shows them (masked digits stay masked), the victim's
//! paying card or balance, the amount, the time (Beijing time, as the bill states it), the
//! order number and the row's own text — through the same checks as anything typed.

use jiff::ZonedDateTime;

use super::draft::{EvidenceDraft, TransferDraft};
use super::error::CaseError;
use super::event::{EvidenceFields, EvidenceKind};
use super::state::Entry;
use crate::evidence::bill::{Bill, BillRow};
use crate::i18n::Lang;
use crate::moment::Moment;

/// The entry for `row` of `bill`; with `linked`, the contact it belongs to (its kind and
/// counterpart are taken, so the loss counts under that lead).
pub fn transfer_fields(
    bill: &Bill,
    row: &BillRow,
    linked: Option<&Entry>,
    now: &ZonedDateTime,
) -> Result<EvidenceFields, CaseError> {
    let source = bill.source.name(Lang::Zh);
    let app = bill.own_account.is_empty();
    let (kind, counterpart) = match linked {
        Some(e) => (e.current.kind, e.current.counterpart.clone()),
        None => (
            EvidenceKind::Other,
            if row.account.is_empty() {
                row.counterparty.clone()
            } else {
                row.account.clone()
            },
        ),
    };
    let mut summary = format!("从{source}账单第 {} 行导入：{}", row.line, row.what);
    if let Some(e) = linked {
        summary.push_str(&format!("（与 {} 有关）", e.id));
    }
    let draft = EvidenceDraft {
        kind: Some(kind),
        counterpart,
        summary,
        lost: format!("{}.{:02}", row.fen / 100, row.fen % 100),
        transfer: TransferDraft {
            account: row.account.clone(),
            name: row.counterparty.clone(),
            bank: row.bank.clone(),
            txn: row.order.clone(),
            method: source.to_string(),
            from_account: if app {
                row.method.clone()
            } else {
                bill.own_account.clone()
            },
            from_bank: source.to_string(),
            bill_row: row.original.clone(),
            ..TransferDraft::default()
        },
        ..EvidenceDraft::default()
    };
    let mut fields = draft.validate(now)?;
    // The bill's times are Beijing time; stored with that offset, they print exactly.
    let at = row
        .at
        .to_zoned_datetime(crate::localtime::beijing())
        .map(|z| Moment::from_zoned(&z))
        .unwrap_or_else(|_| Moment::from_zoned(now));
    fields.occurred_at = at;
    if let Some(t) = fields.transfer.as_deref_mut() {
        t.paid_at = Some(at);
    }
    Ok(fields)
}
