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
            ];
            for (k, v) in rows {
                out(format!("{k}: {v}"));
            }
            Ok(())
        }
        ProfileCommand::Story { text } => {
            let text = if text == "-" {
                let mut buf = String::new();
                std::io::Read::read_to_string(&mut std::io::stdin(), &mut buf).map_err(|e| {
                    Failure::new(tr(
                        lang,
                        format!("读不了输入：{e}"),
                        format!("Cannot read the input: {e}"),
                    ))
                })?;
                buf
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
            };
            let patch = draft.validate().map_err(|e| ctx.fail(e))?;
            let mut case = ctx.open_case()?;
            case.set_profile(patch).map_err(|e| ctx.fail(e))?;
            out(tr(lang, "个人信息已保存。", "Your details are saved."));
            Ok(())
        }
    }
}
