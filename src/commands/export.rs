//! `leakaid export json|csv|pdf|bundle` (the packet itself is made in [`super::export_pdf`],
//! the bundle in [`super::bundle`]).

use super::output::{write_export, write_export_streamed};
use super::{Ctx, Failure};
use crate::cli::ExportCommand;
use crate::export::{to_csv, write_json};

/// Runs `leakaid export`.
pub fn run(ctx: &Ctx, cmd: &ExportCommand) -> Result<(), Failure> {
    let (ext, args) = match cmd {
        // The packet reads and verifies the case itself.
        ExportCommand::Pdf(args) => return super::export_pdf::run(ctx, args),
        ExportCommand::Bundle(args) => return super::bundle::export(ctx, args),
        ExportCommand::Json(a) => ("json", a),
        ExportCommand::Csv(a) => ("csv", a),
    };
    let case = ctx.read_case()?;
    if let ExportCommand::Json(_) = cmd {
        // Written into the file as it is made: a large case's JSON is never held whole; the
        // controls a terminal acts on are escaped on the way (text::json).
        write_export_streamed(ctx, &case, ext, args, &|out| {
            let mut safe = crate::text::json::SafeJson::new(out);
            write_json(case.state(), &mut safe)
                .map(drop)
                .map_err(std::io::Error::from)?;
            safe.into_inner().map(drop)
        })?;
    } else {
        let bytes = to_csv(case.state()).map_err(|e| Failure::new(e.to_string()))?;
        write_export(ctx, &case, &bytes, ext, args)?;
    }
    // Said once the file is written: a refusal stays one sentence.
    super::money::warn_zone(ctx);
    super::money::warn_missing_accounts(ctx, &super::money::losses_without_account(case.state()));
    Ok(())
}
