//! `leakaid export pdf`: the complaint packet.

use std::path::Path;

use super::{Ctx, Failure, warn};
use crate::cli::ExportPdfArgs;
use crate::i18n::tr;
use crate::pdf::case_input::input_from_case;
use crate::pdf::{FontFace, PacketOptions, render};

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

    let case = ctx.read_case_verified()?;
    let input = input_from_case(&case, lang, print_date);
    let opts = PacketOptions {
        lang,
        redact: args.redact,
        agency: args.to.clone(),
    };
    let packet = render(&input, &opts, &face).map_err(|e| {
        Failure::new(tr(
            lang,
            format!("无法生成报案材料：{e}"),
            format!("Could not make the complaint packet: {e}"),
        ))
    })?;
    if !packet.missing.is_empty() {
        let chars: Vec<String> = packet
            .missing
            .iter()
            .map(|c| format!("“{c}”(U+{:04X})", u32::from(*c)))
            .collect();
        warn(tr(
            lang,
            format!(
                "警告：字体缺少这些字符，打印出来会是空框：{}。请检查这些字，或用 --font 指定一个包含它们的字体（如 /usr/share/fonts 下的字体文件）。",
                chars.join("、")
            ),
            format!(
                "Warning: the font has no glyph for {}; they will print as empty boxes. Check those characters, or name a font that has them with --font.",
                chars.join(", ")
            ),
        ));
    }
    for name in &packet.undecodable {
        warn(tr(
            lang,
            format!("提示：图片附件“{name}”无法显示，已在清单中按校验值列出。"),
            format!("Note: the image attachment “{name}” could not be drawn; it is listed with its hash."),
        ));
    }
    super::export::write_export(ctx, &case, &packet.bytes, "pdf", &args.file)
}

fn font_failure(ctx: &Ctx, path: Option<&Path>, e: &crate::pdf::PdfError) -> Failure {
    let shown = path.map(|p| p.display().to_string()).unwrap_or_default();
    Failure::new(tr(
        ctx.lang,
        format!(
            "无法使用字体 {shown}：{e}。请指定 .ttf、.otf 或 .ttc 字体文件（.ttc 可写成 路径#序号），或不加 --font 使用内置字体。"
        ),
        format!(
            "Cannot use the font {shown}: {e}. Name a .ttf, .otf or .ttc file (PATH#N for a face of a .ttc), or leave out --font to use the built-in font."
        ),
    ))
}
