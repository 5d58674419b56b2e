//! `leakaid export json|csv`.

use std::path::{Path, PathBuf};

use super::{Ctx, Failure, out};
use crate::cli::{ExportCommand, ExportFileArgs};
use crate::durable;
use crate::export::{to_csv, to_json};
use crate::i18n::tr;

/// Runs `leakaid export`.
pub fn run(ctx: &Ctx, cmd: &ExportCommand) -> Result<(), Failure> {
    if let ExportCommand::Pdf(args) = cmd {
        return super::export_pdf::run(ctx, args);
    }
    let case = ctx.read_case()?;
    let (bytes, ext, args) = match cmd {
        ExportCommand::Json(a) => (
            to_json(case.state()).map_err(|e| Failure::new(e.to_string()))?,
            "json",
            a,
        ),
        ExportCommand::Csv(a) => (
            to_csv(case.state()).map_err(|e| Failure::new(e.to_string()))?,
            "csv",
            a,
        ),
        ExportCommand::Pdf(_) => return Ok(()),
    };
    write_export(ctx, &case, &bytes, ext, args)
}

/// Writes an export to `-o FILE`, standard output (`-o -`), or a dated file in the case's
/// exports folder, and prints where it went.
pub fn write_export(
    ctx: &Ctx,
    case: &crate::case::Case,
    bytes: &[u8],
    ext: &str,
    args: &ExportFileArgs,
) -> Result<(), Failure> {
    if args.output.as_deref() == Some(Path::new("-")) {
        use std::io::Write;
        let _ = std::io::stdout().lock().write_all(bytes);
        return Ok(());
    }
    let path = match &args.output {
        Some(p) => p.clone(),
        None => {
            let dir = case.exports_dir();
            durable::private_dir(&dir).map_err(|e| io_failure(ctx, &dir, &e))?;
            dated_name(&dir, ctx.case_name(), ext)
        }
    };
    durable::write_new(&path, bytes).map_err(|e| io_failure(ctx, &path, &e))?;
    out(path.display().to_string());
    Ok(())
}

fn dated_name(dir: &Path, case: &str, ext: &str) -> PathBuf {
    let date = jiff::ZonedDateTime::now().strftime("%Y%m%d-%H%M%S").to_string();
    let base = format!("leakaid-{case}-{date}");
    let mut p = dir.join(format!("{base}.{ext}"));
    let mut n = 2;
    while p.exists() {
        p = dir.join(format!("{base}-{n}.{ext}"));
        n += 1;
    }
    p
}

fn io_failure(ctx: &Ctx, path: &Path, e: &std::io::Error) -> Failure {
    Failure::new(tr(
        ctx.lang,
        format!(
            "无法写入 {}：{e}。请检查文件夹是否存在、是否可写，或用 -o 指定别的位置。",
            path.display()
        ),
        format!(
            "Cannot write {}: {e}. Check that the folder exists and is writable, or choose another place with -o.",
            path.display()
        ),
    ))
}
