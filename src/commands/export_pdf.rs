//! `leakaid export pdf`: the complaint packet.

use std::path::Path;

use super::{Ctx, Failure, warn};
use crate::case::CaseError;
use crate::case::text::{MAX_LINE_CHARS, clean_line};
use crate::cli::ExportPdfArgs;
use crate::i18n::tr;
use crate::pdf::FontFace;
use crate::pdf::export::{PacketJob, PacketRequest, missing_warning, render_failure, undecodable_notes};

/// Runs `leakaid export pdf`.
pub fn run(ctx: &Ctx, args: &ExportPdfArgs) -> Result<(), Failure> {
    let lang = ctx.lang;
    let print_date = match &args.date {
        Some(s) => s.trim().parse::<jiff::civil::Date>().map_err(|_| {
            Failure::new(tr(
                lang,
                format!("“{s}”不是日期。请写成 2025-06-01 这样的格式。"),
                format!("“{s}” is not a date. Write it like 2025-06-01."),
            ))
        })?,
        None => jiff::ZonedDateTime::now().date(),
    };
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
    let job = PacketJob::from_case(
        &case,
        &PacketRequest {
            lang,
            redact: args.redact,
            agency: args.to.clone(),
            print_date,
        },
    );
    let packet = job
        .render(&face)
        .map_err(|e| Failure::new(render_failure(lang, &e)))?;
    if let Some(w) = missing_warning(lang, &packet.missing) {
        warn(w);
    }
    for note in undecodable_notes(lang, &packet.undecodable) {
        warn(note);
    }
    super::export::write_export(ctx, &case, &packet.bytes, "pdf", &args.file)
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
