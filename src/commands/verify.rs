//! `leakaid verify`: the hash chain and every attachment; exit 0 only when intact.

use super::{Ctx, Failure, out, warn};
use crate::case::CaseError;
use crate::case::verify::{Warning, verify};
use crate::i18n::tr;
use crate::journal::Journal;
use crate::journal::verify::{ChainWarning, FingerprintError, MIN_HEAD_DIGITS, PrintedFingerprint};
use crate::vault::Vault;

/// Runs `leakaid verify`.
pub fn run(ctx: &Ctx, fingerprint: Option<&str>) -> Result<(), Failure> {
    let lang = ctx.lang;
    let earlier = fingerprint
        .map(|f| {
            f.parse::<PrintedFingerprint>().map_err(|e| {
                Failure::new(match e {
                    FingerprintError::TooShort { digits } => tr(
                        lang,
                        format!(
                            "指纹“{f}”的哈希只有 {digits} 位，太短的指纹可以被伪造：请至少写 {MIN_HEAD_DIGITS} 位，最好照报案材料上印的把 64 位全写上。"
                        ),
                        format!(
                            "The fingerprint “{f}” has only {digits} hex digits, and one that short can be forged: give at least {MIN_HEAD_DIGITS}, best all 64 as printed on the packet."
                        ),
                    ),
                    FingerprintError::Malformed => tr(
                        lang,
                        format!(
                            "指纹“{f}”的格式不对。请照报案材料上印的写：条数:哈希（64 位，至少写前 {MIN_HEAD_DIGITS} 位）。"
                        ),
                        format!(
                            "The fingerprint “{f}” is not in the printed form COUNT:HASH (64 hex digits, at least the first {MIN_HEAD_DIGITS})."
                        ),
                    ),
                })
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
        let unfinished = report
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::Chain(ChainWarning::MissingNewline { .. })));
        out(if unfinished {
            tr(
                lang,
                "完好：记录链和所有附件都核对无误，但最后一行缺少换行符（见上面的注意），它还不在指纹里。",
                "Intact: the chain and every attachment check out, but the last line has lost its line break (see the note above) and is not in the fingerprint yet.",
            )
        } else {
            tr(
                lang,
                "完好：记录链和所有附件都核对无误。",
                "Intact: the chain and every attachment check out.",
            )
        });
        return Ok(());
    }
    for p in &report.problems {
        warn(p.message(lang));
    }
    // Line N holds seq N - 1: both are named, so "line 12" and "seq 11" never look like two places.
    let first = report.problems.iter().find_map(|p| p.seq());
    let n = report.problems.len();
    Err(Failure::new(match first {
        Some(seq) => {
            let line = seq.saturating_add(1);
            tr(
                lang,
                format!(
                    "核对未通过：发现 {n} 处问题，第一处在第 {line} 行（seq {seq}）。请保留原文件，不要再修改，并联系律师或办案民警。"
                ),
                format!(
                    "Verification failed: {n} problem(s), the first at line {line} (seq {seq}). Keep the files as they are and tell your lawyer or the officer."
                ),
            )
        }
        None => tr(
            lang,
            format!("核对未通过：发现 {n} 处问题（见上）。请保留原文件，不要再修改，并联系律师或办案民警。"),
            format!(
                "Verification failed: {n} problem(s) (see above). Keep the files as they are and tell your lawyer or the officer."
            ),
        ),
    }))
}
