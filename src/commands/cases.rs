//! `leakaid cases`.

use super::{Ctx, Failure, out};
use crate::case::Case;
use crate::i18n::tr;
use crate::text::shown_line;

/// Lists the cases with their entry counts.
pub fn run(ctx: &Ctx) -> Result<(), Failure> {
    let data = ctx.data_dir()?;
    let names = data.cases().map_err(|e| {
        Failure::new(tr(
            ctx.lang,
            format!("读不了数据文件夹 {}：{e}", data.root().display()),
            format!("Cannot read the data folder {}: {e}", data.root().display()),
        ))
    })?;
    if names.is_empty() {
        out(tr(
            ctx.lang,
            format!(
                "{} 里还没有案件。第一次 leakaid log 会创建名为 default 的案件。",
                data.root().display()
            ),
            format!(
                "No cases in {} yet. The first leakaid log creates the case “default”.",
                data.root().display()
            ),
        ));
        return Ok(());
    }
    for name in names {
        let dir = data.root().join(&name);
        let count = Case::open_existing(&dir).map(|c| c.state().entries.len()).ok();
        let mark = if name == ctx.case_name() { "*" } else { " " };
        // A folder name comes from the disk: shown on one line, cleaned.
        let name = shown_line(&name);
        match count {
            Some(n) => out(tr(
                ctx.lang,
                format!("{mark} {name}  {n} 条记录"),
                format!("{mark} {name}  {n} entries"),
            )),
            None => out(tr(
                ctx.lang,
                format!("{mark} {name}  （无法读取）"),
                format!("{mark} {name}  (cannot be read)"),
            )),
        }
    }
    Ok(())
}
