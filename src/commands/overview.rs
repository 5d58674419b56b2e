//! What `leakaid` prints without a terminal to draw the wizard in: where the case stands and
//! the commands to use.

use super::{Ctx, Failure, out};
use crate::i18n::tr;
use crate::text::shown_line;

/// Prints the case summary and the most useful commands.
pub fn run(ctx: &Ctx) -> Result<(), Failure> {
    let dir = ctx.case_dir()?;
    let (entries, fingerprint) = match crate::case::Case::open_existing(&dir) {
        Ok(c) => (
            c.state().live_entries().count(),
            c.state().fingerprint.to_string(),
        ),
        Err(_) => (0, String::from("0:")),
    };
    out(tr(
        ctx.lang,
        format!(
            "信息泄露维权助手 — 案件“{}”（{}）\n已记录 {entries} 条证据。案件指纹 {fingerprint}\n\n\
             接到骚扰电话：leakaid log call 13800138000 --note \"自称银行客服\" --knew name,id\n\
             查看记录：    leakaid list        核对完整性：leakaid verify\n\
             填写个人信息：leakaid profile set --name 姓名 --id-number 身份证号\n\
             导出：        leakaid export pdf|json|csv\n更多：leakaid --help",
            shown_line(ctx.case_name()),
            shown_line(&dir.display().to_string())
        ),
        format!(
            "leakaid — case “{}” ({})\n{entries} evidence entries. Case fingerprint {fingerprint}\n\n\
             A scam call: leakaid log call 13800138000 --note \"claimed to be the bank\" --knew name,id\n\
             See entries:  leakaid list        Check integrity: leakaid verify\n\
             Your details: leakaid profile set --name NAME --id-number ID\n\
             Export:       leakaid export pdf|json|csv\nMore: leakaid --help",
            shown_line(ctx.case_name()),
            shown_line(&dir.display().to_string())
        ),
    ));
    Ok(())
}
