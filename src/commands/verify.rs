//! `leakaid verify`: the hash chain and every attachment; exit 0 only when intact.

use super::{Ctx, Failure, out, warn};
use crate::case::CaseError;
use crate::i18n::tr;
use crate::journal::Journal;
use crate::journal::verify::{PrintedFingerprint, verify};
use crate::vault::Vault;

/// Runs `leakaid verify`.
pub fn run(ctx: &Ctx, fingerprint: Option<&str>) -> Result<(), Failure> {
    let lang = ctx.lang;
    let earlier = fingerprint
        .map(|f| {
            f.parse::<PrintedFingerprint>().map_err(|_| {
                Failure::new(tr(
                    lang,
                    format!("指纹“{f}”的格式不对。请照报案材料上印的写：条数:哈希，例如 12:3f5a9c0e…"),
                    format!("The fingerprint “{f}” is not in the printed form COUNT:HASH, for example 12:3f5a9c0e…"),
                ))
            })
        })
        .transpose()?;
    let dir = ctx.case_dir()?;
    if !dir.is_dir() {
        return Err(ctx.fail(CaseError::NoSuchCase(dir)));
    }
    let report = verify(&Journal::at(&dir), &Vault::of_case(&dir), earlier.as_ref())
        .map_err(|e| ctx.fail(CaseError::Journal(e)))?;
    for w in &report.warnings {
        warn(format!("{} {}", lang.pick("注意：", "Note:"), w.message(lang)));
    }
    let fp = &report.fingerprint;
    out(tr(
        lang,
        format!(
            "共 {} 行记录，{} 个附件。案件指纹：{}:{}",
            fp.count, report.attachments, fp.count, fp.head
        ),
        format!(
            "{} journal lines, {} attachments. Case fingerprint: {}:{}",
            fp.count, report.attachments, fp.count, fp.head
        ),
    ));
    if let Some(e) = &earlier
        && report.is_intact()
    {
        out(tr(
            lang,
            format!(
                "与之前的指纹 {}:{} 相符：当时的 {} 行记录一字未改。",
                e.count, e.head, e.count
            ),
            format!(
                "Matches the earlier fingerprint {}:{}: those {} lines are unchanged.",
                e.count, e.head, e.count
            ),
        ));
    }
    if report.is_intact() {
        out(tr(
            lang,
            "完好：记录链和所有附件都核对无误。",
            "Intact: the chain and every attachment check out.",
        ));
        return Ok(());
    }
    for p in &report.problems {
        warn(p.message(lang));
    }
    let first = report.problems.iter().find_map(|p| p.seq());
    let where_ = first.map(|s| format!("seq {s}")).unwrap_or_default();
    Err(Failure::new(tr(
        lang,
        format!(
            "核对未通过：发现 {} 处问题，第一处在 {where_}。请保留原文件，不要再修改，并联系律师或办案民警。",
            report.problems.len()
        ),
        format!(
            "Verification failed: {} problem(s), the first at {where_}. Keep the files as they are and tell your lawyer or the officer.",
            report.problems.len()
        ),
    )))
}
