//! `leakaid export bundle DIR` (the evidence folder, made by [`crate::bundle`]) and
//! `leakaid verify --bundle DIR` (its check, [`crate::bundle::check`]).

use std::path::Path;

use super::{Ctx, Failure, out, warn};
use crate::bundle::{BundleOptions, check::check};
use crate::case::CaseError;
use crate::cli::ExportBundleArgs;
use crate::i18n::{Lang, tr};
use crate::pdf::FontFace;
use crate::pdf::export::{PacketJob, PacketRequest, missing_warning, undecodable_notes};
use crate::text::{MAX_LINE_CHARS, clean_line};

/// Runs `leakaid export bundle`.
pub fn export(ctx: &Ctx, args: &ExportBundleArgs) -> Result<(), Failure> {
    let lang = ctx.lang;
    let print_date = super::output::print_date(ctx, args.date.as_deref())?;
    if let Some(to) = &args.to {
        clean_line(to, MAX_LINE_CHARS).map_err(|err| {
            ctx.fail(CaseError::Text {
                field: ("报送单位", "addressed to"),
                err,
            })
        })?;
    }
    let face =
        FontFace::embedded().map_err(|e| Failure::new(crate::pdf::export::render_failure(lang, &e)))?;
    let case = ctx.read_case_verified()?;
    super::output::check_print_date(ctx, print_date, case.state())?;
    let job = PacketJob::from_case(
        &case,
        &PacketRequest {
            lang: Lang::Zh,
            ui: lang,
            redact: args.redact,
            mask_name: args.mask_name,
            agency: args.to.clone(),
            print_date,
        },
    );
    job.ready().map_err(Failure::new)?;
    let made = crate::bundle::make(
        &case,
        job,
        &args.dir,
        BundleOptions {
            with_attachments: args.with_attachments,
            replace: args.force,
        },
        &face,
    )
    .map_err(|e| Failure::new(e.message(lang, Some("--force"))))?;
    if let Some(w) = missing_warning(lang, &made.rendered.missing) {
        warn(w);
    }
    undecodable_notes(lang, &made.rendered.undecodable)
        .into_iter()
        .for_each(warn);
    for sha in &made.missing {
        warn(tr(
            lang,
            format!("警告：附件 {sha} 不在证据库中，没有放进文件夹（运行 leakaid verify 查看详情）。"),
            format!(
                "Warning: the attachment {sha} is not in the vault and is not in the folder (run leakaid verify for details)."
            ),
        ));
    }
    out(made.dir.display().to_string());
    out(tr(
        lang,
        format!(
            "已生成电子证据文件夹：{} 个文件（其中附件 {} 个），案件指纹 {}。请把整个文件夹拷入U盘或光盘；核对方法见其中的 说明.txt。",
            made.files, made.attachments, made.fingerprint
        ),
        format!(
            "Evidence folder made: {} files ({} attachments), case fingerprint {}. Copy the whole folder to a USB stick or disc; 说明.txt in it says how to check it.",
            made.files, made.attachments, made.fingerprint
        ),
    ));
    Ok(())
}

/// Runs `leakaid verify --bundle DIR`.
pub fn verify(ctx: &Ctx, dir: &Path) -> Result<(), Failure> {
    let lang = ctx.lang;
    let is_dir = std::fs::symlink_metadata(dir)
        .map(|m| m.file_type().is_dir())
        .unwrap_or(false);
    if !is_dir {
        return Err(Failure::new(tr(
            lang,
            format!(
                "{} 不是文件夹。请指定 leakaid export bundle 导出的文件夹。",
                dir.display()
            ),
            format!(
                "{} is not a folder. Name a folder made by leakaid export bundle.",
                dir.display()
            ),
        )));
    }
    let report = check(dir, lang).map_err(|e| {
        Failure::new(tr(
            lang,
            format!(
                "无法读取 {}：{}",
                dir.display(),
                crate::ioerror::reason(&e, Lang::Zh)
            ),
            format!(
                "Cannot read {}: {}",
                dir.display(),
                crate::ioerror::reason(&e, Lang::En)
            ),
        ))
    })?;
    for n in &report.notes {
        warn(format!("{} {n}", lang.pick("注意：", "Note:")));
    }
    out(tr(
        lang,
        format!("核对了 {} 个文件的校验值。", report.files),
        format!("Checked the checksums of {} files.", report.files),
    ));
    if let Some(fp) = report
        .journal_fingerprint
        .as_ref()
        .or(report.packet_fingerprint.as_ref())
    {
        out(tr(
            lang,
            format!("案件指纹：{fp}"),
            format!("Case fingerprint: {fp}"),
        ));
    }
    if report.is_intact() {
        out(if report.journal_fingerprint.is_some() {
            tr(
                lang,
                "完好：每个文件的校验值、案件记录的链条都核对无误，报案材料上的案件指纹与案件记录一致。",
                "Intact: every checksum and the record's chain check out, and the packet's fingerprint is the record's.",
            )
        } else {
            tr(
                lang,
                "完好：每个文件的校验值都核对无误（这是不含案件记录的副本）。",
                "Intact: every checksum checks out (a copy without the case record).",
            )
        });
        return Ok(());
    }
    for p in &report.problems {
        warn(p.message(lang));
    }
    let n = report.problems.len();
    Err(Failure::new(tr(
        lang,
        format!(
            "核对未通过：发现 {n} 处问题（见上）。请保留原文件夹，不要再修改，并告诉提供这个文件夹的人或办案民警。"
        ),
        format!(
            "Verification failed: {n} problem(s) (see above). Keep the folder as it is and tell whoever gave it to you, or the officer."
        ),
    )))
}
