//! `leakaid export json|csv` (`export pdf` is [`super::export_pdf`]).

use super::output::write_export;
use super::{Ctx, Failure};
use crate::cli::ExportCommand;
use crate::export::{to_csv, to_json};

/// Runs `leakaid export json|csv`.
pub fn run(ctx: &Ctx, cmd: &ExportCommand) -> Result<(), Failure> {
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
