//! How the wizard words a refused change where the next step is one of its keys or fields
//! (Ctrl-S, the “原因” field, `i` to attach …); every other sentence is the shared one in
//! [`crate::wording`].

use crate::case::CaseError;
use crate::case::when::WhenError;
use crate::i18n::{Lang, tr};
use crate::text::TextError;
use crate::wording::Surface;

/// The wizard as a place errors are read.
pub struct Wizard;

impl Surface for Wizard {
    fn own(&self, e: &CaseError, lang: Lang) -> Option<String> {
        let sentence = match e {
            CaseError::UnknownEntry(id) => tr(
                lang,
                format!("没有编号为 {id} 的记录。"),
                format!("There is no entry {id}."),
            ),
            CaseError::NothingToChange => tr(
                lang,
                "没有改动：请至少改一栏，再按 Ctrl-S 保存。",
                "Nothing changed: change at least one field, then press Ctrl-S to save.",
            ),
            CaseError::Text {
                field: (zh, en),
                err: TextError::TooLong { chars, max },
            } => tr(
                lang,
                format!(
                    "“{zh}”太长（{chars} 个字，最多 {max} 个字）。请缩短；长内容可以存成文件，在这条记录里按 i 加附件。"
                ),
                format!(
                    "“{en}” is too long ({chars} characters, at most {max}). Shorten it; keep long text in a file and add it to the entry with i."
                ),
            ),
            CaseError::UnknownRecord(id) => tr(
                lang,
                format!("没有编号为 {id} 的记录。"),
                format!("There is no record {id}."),
            ),
            CaseError::When(WhenError::Unreadable(s)) => tr(
                lang,
                format!(
                    "看不懂时间“{s}”。可以写成 14:05、下午2点、昨晚8点、11月29日 14:05、10分钟前 或 刚才。"
                ),
                format!(
                    "Cannot read the time “{s}”. Write it like 14:05, 2026-11-29 14:05, 11/29 14:05 or now."
                ),
            ),
            CaseError::When(WhenError::TooEarly(s)) => tr(
                lang,
                format!(
                    "时间“{s}”太早了（早于 1970 年）。请填写事情发生的时间，例如 昨天下午3点 或 11月29日 14:05。"
                ),
                format!(
                    "The time “{s}” is too early (before 1970). Give the time it happened, for example 2026-11-29 14:05."
                ),
            ),
            CaseError::ReasonRequired => tr(
                lang,
                "请在“原因”一栏写明撤回的原因，例如“重复记录”。",
                "Please write why in the “Reason” field, for example “duplicate entry”.",
            ),
            CaseError::NoticeWithoutPaper => tr(
                lang,
                "“文书日期”只用于状态“已受理（有回执）”（回执上的日期）和“不予立案”（收到《不予立案通知书》的日期）。请清空它，或改选其中一种状态。",
                "“Notice on” goes only with the status “accepted (receipt)” (the receipt's date) or “not opened” (the day the notice of refusal came). Clear it, or choose one of those statuses.",
            ),
            CaseError::NameWithNumber => tr(
                lang,
                "“姓名”一栏只写姓名：里面有一串数字，像是身份证号或电话。身份证号和手机号各有自己的一栏。没有保存。",
                "The “Name” field is for the name only: it holds a run of digits, like an ID or phone number. The ID number and phones have their own fields. Nothing was saved.",
            ),
            _ => return None,
        };
        Some(sentence)
    }
}

/// The sentence the wizard shows for `e`.
pub fn case_error(e: &CaseError, lang: Lang) -> String {
    crate::wording::case_error(e, lang, &Wizard)
}
