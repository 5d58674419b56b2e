//! `leakaid profile show|set`: the victim's own details for the complaint packet.

use super::{Ctx, Failure, out};
use crate::case::ProfileDraft;
use crate::cli::ProfileCommand;
use crate::i18n::tr;

/// Runs `leakaid profile`.
pub fn run(ctx: &Ctx, cmd: &ProfileCommand) -> Result<(), Failure> {
    let lang = ctx.lang;
    match cmd {
        ProfileCommand::Show => {
            let case = ctx.read_case()?;
            let p = &case.state().profile;
            if p.is_empty() {
                out(tr(
                    lang,
                    "还没有填写个人信息。报案材料需要：leakaid profile set --name 姓名 --id-number 身份证号 --phone 手机号 --address 住址",
                    "No details yet. The complaint packet needs: leakaid profile set --name NAME --id-number ID --phone PHONE --address ADDRESS",
                ));
                return Ok(());
            }
            let rows = [
                (lang.pick("姓名", "name"), p.name.clone()),
                (lang.pick("身份证号", "ID number"), p.id_number.clone()),
                (lang.pick("性别", "sex"), p.sex.clone()),
                (lang.pick("出生日期", "date of birth"), p.birth_date.clone()),
                (lang.pick("手机", "phones"), p.phones.join(", ")),
                (lang.pick("邮箱", "emails"), p.emails.join(", ")),
                (lang.pick("住址", "address"), p.address.clone()),
                (
                    lang.pick("本人银行卡或账户", "own cards or accounts"),
                    p.accounts.join(", "),
                ),
                (lang.pick("怀疑泄露的单位", "suspected source"), p.suspect.clone()),
                (lang.pick("怀疑的理由", "why"), p.suspect_why.clone()),
                (
                    lang.pick("该单位的地址", "its address"),
                    p.suspect_address.clone(),
                ),
            ];
            for (k, v) in rows {
                out(format!("{k}: {v}"));
            }
            Ok(())
        }
        ProfileCommand::Story { text } => {
            let text = if text == "-" {
                story_from_stdin(ctx)?
            } else {
                text.clone()
            };
            let mut case = ctx.open_case()?;
            case.set_narrative(&text).map_err(|e| ctx.fail(e))?;
            out(tr(
                lang,
                "经过已保存，导出报案材料时会印在“事实与理由”里。",
                "Your account is saved; the complaint packet prints it under the facts.",
            ));
            Ok(())
        }
        ProfileCommand::Set(a) => {
            let draft = ProfileDraft {
                name: a.name.clone(),
                id_number: a.id_number.clone(),
                sex: a.sex.clone(),
                birth_date: a.birth.clone(),
                phones: (!a.phone.is_empty()).then(|| a.phone.clone()),
                emails: (!a.email.is_empty()).then(|| a.email.clone()),
                address: a.address.clone(),
                accounts: (!a.account.is_empty()).then(|| a.account.clone()),
                suspect: a.suspect.clone(),
                suspect_why: a.suspect_why.clone(),
                suspect_address: a.suspect_address.clone(),
            };
            let patch = draft.validate(&ctx.now()).map_err(|e| ctx.fail(e))?;
            let mut case = ctx.open_case()?;
            case.set_profile(patch).map_err(|e| ctx.fail(e))?;
            out(tr(lang, "个人信息已保存。", "Your details are saved."));
            Ok(())
        }
    }
}

/// The account typed or piped on standard input: at most 1 MB of UTF-8.
fn story_from_stdin(ctx: &Ctx) -> Result<String, Failure> {
    use crate::userfile::{Purpose, read_stream};
    let lang = ctx.lang;
    let bytes = read_stream(std::io::stdin().lock(), Purpose::Story).map_err(|e| {
        Failure::new(match e.kind() {
            std::io::ErrorKind::FileTooLarge => tr(
                lang,
                format!(
                    "输入的经过超过 {} 的上限，没有保存。请缩短它，长的材料可以存成文件再用 leakaid attach 附上。",
                    Purpose::Story.limit_text()
                ),
                format!(
                    "The account on standard input is larger than {}; nothing was saved. Shorten it; keep long material in a file and add it with leakaid attach.",
                    Purpose::Story.limit_text()
                ),
            ),
            _ => tr(
                lang,
                format!("读不了输入：{}。没有保存。", crate::ioerror::reason(&e, lang)),
                format!("Cannot read the input: {}. Nothing was saved.", crate::ioerror::reason(&e, lang)),
            ),
        })
    })?;
    String::from_utf8(bytes).map_err(|_| {
        Failure::new(tr(
            lang,
            "输入的不是 UTF-8 文本，没有保存。请把文字另存为 UTF-8 编码后再试。",
            "The input is not UTF-8 text; nothing was saved. Save the text as UTF-8 and try again.",
        ))
    })
}
