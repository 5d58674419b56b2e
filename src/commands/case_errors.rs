//! How the command line words a refused change where the next step is one of its own
//! commands or options (`--again`, `--reason`, `leakaid list` …); every other sentence is the
//! shared one in [`crate::wording`].

use crate::case::CaseError;
use crate::case::when::WhenError;
use crate::i18n::{Lang, tr};
use crate::journal::JournalError;
use crate::text::{TextError, shown_line};
use crate::wording::Surface;

/// The command line as a place errors are read.
pub struct CommandLine;

impl Surface for CommandLine {
    fn own(&self, e: &CaseError, lang: Lang) -> Option<String> {
        let sentence = match e {
            CaseError::NameWithNumber => tr(
                lang,
                "姓名里只写姓名：里面有一串数字，像是身份证号或电话。请分开填写：--id-number 身份证号，--phone 手机号。没有保存。",
                "Give only the name with --name: it holds a run of digits, like an ID or phone number. Give those with --id-number and --phone. Nothing was saved.",
            ),
            CaseError::UnknownEntry(id) => tr(
                lang,
                format!("没有编号为 {id} 的记录。用 `leakaid list` 查看所有编号。"),
                format!("There is no entry {id}. Run `leakaid list` to see all ids."),
            ),
            CaseError::DuplicateEmail(id) => tr(
                lang,
                format!(
                    "这封邮件（同一个文件，SHA-256 相同）已经记录为 {id}，没有重复记录。用 leakaid show {id} 查看；确实要再记一条，请加 --again。"
                ),
                format!(
                    "This email (the same file, same SHA-256) is already recorded as {id}; nothing was added. See it with leakaid show {id}; to record it again on purpose, add --again."
                ),
            ),
            CaseError::DuplicatePhoneRecord(record, id) => tr(
                lang,
                format!(
                    "手机备份里的这条记录（{}）已经记录为 {id}，这次导入什么都没有记录。用 leakaid show {id} 查看；请只选还没有记录的几条。",
                    shown_line(record)
                ),
                format!(
                    "This record of the phone backup ({}) is already recorded as {id}; this import recorded nothing. See it with leakaid show {id}, and pick only the records not yet recorded.",
                    shown_line(record)
                ),
            ),
            CaseError::DuplicateOrder(order, id) => tr(
                lang,
                format!(
                    "订单号 {} 的转账已经记录为 {id}，这次导入什么都没有记录。用 leakaid show {id} 查看；请只选还没有记录的几笔。",
                    shown_line(order)
                ),
                format!(
                    "The transfer with order number {} is already recorded as {id}; this import recorded nothing. See it with leakaid show {id}, and pick only the rows not yet recorded.",
                    shown_line(order)
                ),
            ),
            CaseError::NothingToChange => tr(
                lang,
                "没有要更改的内容：请至少给出一项新的内容（例如 --note、--at、--knew）。",
                "Nothing to change: give at least one new value (for example --note, --at, --knew).",
            ),
            CaseError::Text {
                field: (zh, en),
                err: TextError::TooLong { chars, max },
            } => tr(
                lang,
                format!(
                    "“{zh}”太长（{chars} 个字，最多 {max} 个字）。请缩短，长内容可以存成文件再用 --attach 附上。"
                ),
                format!(
                    "“{en}” is too long ({chars} characters, at most {max}). Shorten it; keep long text in a file and add it with --attach."
                ),
            ),
            CaseError::ReasonRequired => tr(
                lang,
                "请用 --reason 写明撤回的原因，例如“重复记录”。",
                "Please give the reason with --reason, for example “duplicate entry”.",
            ),
            CaseError::When(WhenError::Unreadable(s)) => tr(
                lang,
                format!(
                    "看不懂时间“{s}”。可以写成 14:05、下午2点、昨晚8点、11月29日 14:05、10分钟前、刚才，或 -10m（10 分钟前）。"
                ),
                format!(
                    "Cannot read the time “{s}”. Write it like 14:05, 2026-11-29 14:05, 11/29 14:05, -10m (10 minutes ago), -2h (2 hours ago) or now."
                ),
            ),
            CaseError::When(WhenError::TooEarly(s)) => tr(
                lang,
                format!(
                    "时间“{s}”太早了（早于 1970 年）。请填写事情发生的时间，例如 2026-11-29 14:05 或 -2h。"
                ),
                format!(
                    "The time “{s}” is too early (before 1970). Give the time it happened, for example 2026-11-29 14:05 or -2h."
                ),
            ),
            CaseError::BadSha256(w) => tr(
                lang,
                format!(
                    "“{}”不是 SHA-256：应是 64 位十六进制数字，保存信件时会显示；也可以用 --letter-file 指定保存的信件文件。",
                    shown_line(w)
                ),
                format!(
                    "“{}” is not a SHA-256: it has 64 hex digits, shown when the letter is saved; or name the saved letter with --letter-file.",
                    shown_line(w)
                ),
            ),
            CaseError::NoticeWithoutPaper => tr(
                lang,
                "通知书日期只用于两种状态：accepted（受案回执上的日期）和 refused（收到《不予立案通知书》的日期）。请同时给出其中一种状态。",
                "A notice date goes only with status accepted (the date on the receipt) or refused (the day the written notice of refusal was received). Give one of those statuses with it.",
            ),
            CaseError::UnknownRecord(id) => {
                let (zh, en) = match id.chars().next().map(|c| c.to_ascii_uppercase()) {
                    Some('W') => ("leakaid warn list", "the warned-contact ids"),
                    Some('L') => ("leakaid lawyer list", "the consultation ids"),
                    _ => ("leakaid report list", "the report ids"),
                };
                tr(
                    lang,
                    format!("没有编号为 {id} 的记录。用 `{zh}` 查看记录的编号。"),
                    format!("There is no record {id}. `{zh}` shows {en}."),
                )
            }
            CaseError::NoSuchCase(p) => tr(
                lang,
                format!(
                    "还没有这个案件（{}）。先用 `leakaid log` 记一条，或用 --case 选择已有的案件（`leakaid cases` 列出全部）。",
                    p.display()
                ),
                format!(
                    "There is no such case yet ({}). Log something first with `leakaid log`, or pick an existing one with --case (`leakaid cases` lists them).",
                    p.display()
                ),
            ),
            CaseError::Journal(JournalError::ReadOnly { path }) => tr(
                lang,
                format!(
                    "没有权限写入 {}。请检查这个文件夹的权限，或用 --data-dir 换一个可以写入的文件夹。",
                    path.display()
                ),
                format!(
                    "No permission to write {}. Check the folder's permissions, or choose a writable one with --data-dir.",
                    path.display()
                ),
            ),
            CaseError::Journal(JournalError::NotAFolder { path }) => tr(
                lang,
                format!(
                    "{} 处有一个文件挡住了案件文件夹。请把这个文件移走，或用 --data-dir / --case 换一个位置。",
                    path.display()
                ),
                format!(
                    "A file is in the way of the case folder at {}. Move that file, or choose another place with --data-dir or --case.",
                    path.display()
                ),
            ),
            CaseError::Journal(JournalError::Io { path, source }) if !crate::ioerror::retry_helps(source) => {
                tr(
                    lang,
                    format!(
                        "无法读写 {}：{}。这条没有保存；再试也不会成功，请先检查这个文件夹（或用 --data-dir / --case 换一个位置）。",
                        path.display(),
                        crate::ioerror::reason(source, Lang::Zh)
                    ),
                    format!(
                        "Cannot read or write {}: {}. Nothing was saved, and trying again will not help: check that folder first (or choose another place with --data-dir or --case).",
                        path.display(),
                        crate::ioerror::reason(source, Lang::En)
                    ),
                )
            }
            _ => return None,
        };
        Some(sentence)
    }
}

/// The sentence the command line prints for `e`.
pub fn case_error(e: &CaseError, lang: Lang) -> String {
    crate::wording::case_error(e, lang, &CommandLine)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::EntryId;

    #[test]
    fn the_command_line_names_its_options_where_the_shared_sentence_names_none() {
        for (e, option) in [
            (CaseError::DuplicateEmail(EntryId(4)), "--again"),
            (CaseError::ReasonRequired, "--reason"),
            (CaseError::NothingToChange, "--note"),
            (CaseError::NameWithNumber, "--id-number"),
            (CaseError::UnknownEntry("E9".into()), "leakaid list"),
        ] {
            for lang in [Lang::Zh, Lang::En] {
                assert!(case_error(&e, lang).contains(option), "{}", case_error(&e, lang));
                assert!(!e.message(lang).contains(option), "{}", e.message(lang));
            }
        }
        // Where nothing differs, the command line prints the shared sentence.
        let e = CaseError::BadAmount("五万".into());
        assert_eq!(case_error(&e, Lang::Zh), e.message(Lang::Zh));
    }
}
