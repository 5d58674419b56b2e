//! `leakaid export json|csv`.

use std::path::Path;

use super::{Ctx, Failure, out};
use crate::cli::{ExportCommand, ExportFileArgs};
use crate::durable;
use crate::export::{to_csv, to_json};
use crate::pdf::export::{write_dated, write_failure};

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
        Some(p) => {
            durable::write_new(p, bytes).map_err(|e| io_failure(ctx, p, &e))?;
            p.clone()
        }
        None => write_dated(&case.exports_dir(), ctx.case_name(), ext, bytes)
            .map_err(|(p, e)| io_failure(ctx, &p, &e))?,
    };
    out(path.display().to_string());
    Ok(())
}

fn io_failure(ctx: &Ctx, path: &Path, e: &std::io::Error) -> Failure {
    Failure::new(write_failure(ctx.lang, path, e))
}
