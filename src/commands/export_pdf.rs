//! `leakaid export pdf`: the complaint packet (刑事控告书 + 证据清单), Chinese whatever the
//! interface language unless `--packet-lang en` asks for a translation. A case above
//! [`crate::pdf::model::PRINT_ALL_UP_TO`] entries also gets its complete list (CSV) and a
//! copy of the journal beside the PDF, named in it with their SHA-256.

use std::path::Path;

use super::{Ctx, Failure, out, warn};
use crate::case::CaseError;
use crate::cli::ExportPdfArgs;
use crate::config::Config;
use crate::durable::Replace;
use crate::i18n::{Lang, tr};
use crate::pdf::FontFace;
use crate::pdf::export::{
    PacketJob, PacketRequest, PacketTarget, dated_name, missing_warning, render_failure, undecodable_notes,
    write_failure,
};
use crate::pdf::visible::{copy_for_user, short_path, visible_folder};
use crate::text::{MAX_LINE_CHARS, clean_line};

/// Runs `leakaid export pdf`.
pub fn run(ctx: &Ctx, args: &ExportPdfArgs) -> Result<(), Failure> {
    let lang = ctx.lang;
    let print_date = super::output::print_date(ctx, args.date.as_deref())?;
    let face = match &args.font {
        Some(path) => FontFace::from_arg(path),
        None => FontFace::embedded(),
    }
    .map_err(|e| font_failure(ctx, args.font.as_deref(), &e))?;

    if let Some(to) = &args.to {
        clean_line(to, MAX_LINE_CHARS).map_err(|err| {
            ctx.fail(CaseError::Text {
                field: ("报送单位", "addressed to"),
                err,
            })
        })?;
    }
    let case = ctx.read_case_verified()?;
    super::output::check_print_date(ctx, print_date, case.state())?;
    let mut job = PacketJob::from_case(
        &case,
        &PacketRequest {
            lang: args.packet_lang.unwrap_or(Lang::Zh),
            ui: lang,
            redact: args.redact,
            mask_name: args.mask_name,
            agency: args.to.clone(),
            print_date,
        },
    );
    job.ready().map_err(Failure::new)?;
    let gaps = packet_gaps(&job.input, lang);

    if args.file.output.as_deref() == Some(Path::new("-")) {
        // To standard output: a big case's side files go to the exports folder.
        let stem = dated_name(&case.exports_dir(), ctx.case_name(), "pdf")
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let side = job
            .write_side_files(&case, &case.exports_dir(), &stem, Replace::No)
            .map_err(|(p, e)| Failure::new(write_failure(lang, &p, &e)))?;
        let packet = job
            .render(&face)
            .map_err(|e| Failure::new(render_failure(lang, &e)))?;
        warn_about(lang, &packet);
        super::output::write_export(ctx, &case, &packet.bytes, "pdf", &args.file)?;
        for p in side {
            out(p.display().to_string());
        }
        warn_money(ctx, &case);
        gaps.into_iter().for_each(warn);
        return Ok(());
    }
    let exports = case.exports_dir();
    let target = match &args.file.output {
        Some(path) => {
            let replace = if args.file.force {
                Replace::Yes
            } else {
                Replace::No
            };
            super::output::check_target(ctx, path, replace)?;
            PacketTarget::Named { path, replace }
        }
        None => PacketTarget::Dated {
            dir: &exports,
            case: ctx.case_name(),
        },
    };
    let written = job
        .write_to(Some(&case), &target, &face)
        .map_err(|e| Failure::new(e.message(lang, |p| super::output::exists_sentence(lang, p))))?;
    warn_about(lang, &written.rendered);
    let p = written.path;
    out(p.display().to_string());
    let settings = ctx.data_dir().map(|d| Config::load(d.root())).unwrap_or_default();
    if settings.copy_on_command_line(args.copy_to_desktop) {
        // The packet is written; a copy that cannot be made is said, not a failure.
        match copy_for_user(&p, visible_folder(), lang) {
            Ok(copy) => out(tr(
                lang,
                format!("已复制一份到：{}（打印时用这一份）", short_path(&copy)),
                format!("A copy is at: {} (print this one)", short_path(&copy)),
            )),
            Err(why) => warn(why),
        }
    }
    for p in written.side_files {
        out(p.display().to_string());
    }
    warn_money(ctx, &case);
    gaps.into_iter().for_each(warn);
    Ok(())
}

/// What the letter lacks that the victim can add: the complainant's details, their own account.
fn packet_gaps(input: &crate::pdf::PacketInput, lang: Lang) -> Vec<String> {
    let mut v: Vec<String> = crate::pdf::identity::missing_warning(&input.complainant, lang)
        .into_iter()
        .collect();
    if input.narrative.is_none() {
        v.push(crate::pdf::identity::no_story_warning(lang));
    }
    v
}

/// Said once the packet is written, so a refusal stays one sentence: a computer not on
/// Beijing time, and losses whose receiving account is not recorded.
fn warn_money(ctx: &Ctx, case: &crate::case::Case) {
    super::money::warn_zone(ctx);
    super::money::warn_missing_accounts(ctx, &super::money::losses_without_account(case.state()));
}

/// Says what the font could not draw and which pictures were not printed.
fn warn_about(lang: Lang, packet: &crate::pdf::Rendered) {
    if let Some(w) = missing_warning(lang, &packet.missing) {
        warn(w);
    }
    for note in undecodable_notes(lang, &packet.undecodable) {
        warn(note);
    }
}

fn font_failure(ctx: &Ctx, path: Option<&Path>, e: &crate::pdf::PdfError) -> Failure {
    let lang = ctx.lang;
    let shown = path.map(|p| p.display().to_string()).unwrap_or_default();
    let what = match e {
        crate::pdf::PdfError::FontRead(e) => e.message(lang),
        crate::pdf::PdfError::FontParse { .. } => tr(
            lang,
            format!("{shown} 不是可用的字体。"),
            format!("{shown} is not a usable font."),
        ),
        other => render_failure(lang, other),
    };
    Failure::new(tr(
        lang,
        format!(
            "无法使用字体：{what} 请指定 .ttf、.otf 或 .ttc 字体文件（.ttc 可写成 路径#序号），或不加 --font 使用内置字体。"
        ),
        format!(
            "Cannot use the font: {what} Name a .ttf, .otf or .ttc file (PATH#N for a face of a .ttc), or leave out --font to use the built-in font."
        ),
    ))
}
