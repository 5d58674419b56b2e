//! Commands that add events about existing entries: `correct`, `retract`, `attach`.

use std::path::PathBuf;

use super::{Ctx, Failure, out};
use crate::case::CorrectionDraft;
use crate::case::draft::parse_knew_list;
use crate::cli::CorrectArgs;
use crate::i18n::tr;

/// `leakaid correct`.
pub fn correct(ctx: &Ctx, a: &CorrectArgs) -> Result<(), Failure> {
    let id = ctx.entry_id(&a.id)?;
    let draft = CorrectionDraft {
        kind: a.kind,
        at: a.facts.at.clone(),
        counterpart: a.counterpart.clone(),
        to_mine: a.facts.to.clone(),
        summary: a.facts.note.clone(),
        knew: a
            .facts
            .knew
            .as_deref()
            .map(parse_knew_list)
            .transpose()
            .map_err(|e| ctx.fail(e))?,
        lost: a.facts.lost.clone(),
        transfer: a.facts.transfer(),
        kept_at: a.facts.original.clone(),
    };
    let patch = draft.validate(&ctx.now()).map_err(|e| ctx.fail(e))?;
    let mut case = ctx.open_case()?;
    case.correct(id, patch, &a.reason).map_err(|e| ctx.fail(e))?;
    out(tr(
        ctx.lang,
        format!("已更正 {id}。原来的内容仍保留在记录里（leakaid show {id} 可查看历史）。"),
        format!("Corrected {id}. The original stays in the record (leakaid show {id} shows the history)."),
    ));
    Ok(())
}

/// `leakaid retract`.
pub fn retract(ctx: &Ctx, id: &str, reason: &str) -> Result<(), Failure> {
    let id = ctx.entry_id(id)?;
    let mut case = ctx.open_case()?;
    case.retract(id, reason).map_err(|e| ctx.fail(e))?;
    out(tr(
        ctx.lang,
        format!("已撤回 {id}。它仍保留在记录里，并标明撤回原因。"),
        format!("Retracted {id}. It stays in the record, marked with the reason."),
    ));
    Ok(())
}

/// `leakaid attach`; with `--original`, where the original is kept, recorded as a
/// correction after the files (checked before anything is written).
pub fn attach(ctx: &Ctx, id: &str, files: &[PathBuf], original: Option<&str>) -> Result<(), Failure> {
    let id = ctx.entry_id(id)?;
    let kept = original
        .map(|o| {
            CorrectionDraft {
                kept_at: Some(o.to_string()),
                ..CorrectionDraft::default()
            }
            .validate(&ctx.now())
        })
        .transpose()
        .map_err(|e| ctx.fail(e))?;
    let mut case = ctx.open_case()?;
    let stored = case.attach(id, files).map_err(|e| ctx.fail(e))?;
    for a in stored {
        out(tr(
            ctx.lang,
            format!(
                "已附加到 {id}：{}（{} 字节）SHA-256 {}",
                a.original_name, a.size, a.sha256
            ),
            format!(
                "Attached to {id}: {} ({} bytes) SHA-256 {}",
                a.original_name, a.size, a.sha256
            ),
        ));
    }
    if let Some(patch) = kept {
        match case.correct(id, patch, "") {
            Ok(_) => out(tr(
                ctx.lang,
                format!("已记录 {id} 的原件所在。"),
                format!("Recorded where the original of {id} is kept."),
            )),
            Err(crate::case::CaseError::NothingToChange) => {}
            Err(e) => {
                // The files are kept (listed above); what went wrong with the rest.
                return Err(ctx.fail(e));
            }
        }
    }
    Ok(())
}
