//! `leakaid export json|csv|pdf` (the packet itself is made in [`super::export_pdf`]).

use super::output::write_export;
use super::{Ctx, Failure};
use crate::cli::ExportCommand;
use crate::export::{to_csv, to_json};

/// Runs `leakaid export`.
pub fn run(ctx: &Ctx, cmd: &ExportCommand) -> Result<(), Failure> {
    let (ext, args) = match cmd {
        // The packet reads and verifies the case itself.
        ExportCommand::Pdf(args) => return super::export_pdf::run(ctx, args),
        ExportCommand::Json(a) => ("json", a),
        ExportCommand::Csv(a) => ("csv", a),
    };
    let case = ctx.read_case()?;
    let bytes = match cmd {
        ExportCommand::Csv(_) => to_csv(case.state()).map_err(|e| Failure::new(e.to_string()))?,
        _ => to_json(case.state()).map_err(|e| Failure::new(e.to_string()))?,
    };
    write_export(ctx, &case, &bytes, ext, args)?;
    // Said once the file is written: a refusal stays one sentence.
    super::money::warn_zone(ctx);
    super::money::warn_missing_accounts(ctx, &super::money::losses_without_account(case.state()));
    Ok(())
}
