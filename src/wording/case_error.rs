//! The sentences for a refused or failed change to a case ([`CaseError`]), shared by every
//! surface. A sentence here names no command-line option and no key of the wizard; where
//! what to do next depends on the surface, the surface words the whole sentence itself
//! through [`Surface::own`] and this one is the fallback.

use crate::case::CaseError;
use crate::case::event::EvidenceKind;
use crate::case::when::WhenError;
use crate::guide::ChecklistId;
use crate::i18n::{Lang, tr};
use crate::journal::JournalError;
use crate::text::{TextError, shown_line};
use crate::vault::VaultError;

/// A place the user reads errors: the command line or the wizard. It words the errors whose
/// next step is done differently there (an option, a key, a field).
pub trait Surface {
    /// This surface's sentence for `e`, or `None` for the shared one.
    fn own(&self, e: &CaseError, lang: Lang) -> Option<String>;
}

/// The sentence for `e` as `on` shows it.
pub fn case_error(e: &CaseError, lang: Lang, on: &dyn Surface) -> String {
    on.own(e, lang).unwrap_or_else(|| e.message(lang))
}

impl CaseError {
    /// The sentence shown to the user wherever the error surfaces: it names no option, key
    /// or field of one surface (see [`Surface`] for those).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CaseError::NameWithNumber => tr(
                lang,
                "姓名里只写姓名：里面有一串数字，像是身份证号或电话。身份证号和手机号请分开填写。没有保存。",
                "Give only the name: it holds a run of digits, like an ID or phone number. Give the ID number and phones separately. Nothing was saved.",
            ),
            CaseError::Journal(e) => journal_message(e, lang),
            CaseError::Vault(e) => vault_message(e, lang),
            CaseError::UnknownEntry(id) => tr(
                lang,
                format!("没有编号为 {id} 的记录。"),
                format!("There is no entry {id}."),
            ),
            CaseError::Retracted(id) => tr(
                lang,
                format!("{id} 已经撤回，不能再修改。如需要，请新记一条。"),
                format!("{id} was retracted and cannot be changed. Log a new entry instead."),
            ),
            CaseError::DuplicateEmail(id) => tr(
                lang,
                format!("这封邮件（同一个文件，SHA-256 相同）已经记录为 {id}，没有重复记录。"),
                format!(
                    "This email (the same file, same SHA-256) is already recorded as {id}; nothing was added."
                ),
            ),
            CaseError::DuplicatePhoneRecord(record, id) => tr(
                lang,
                format!(
                    "手机备份里的这条记录（{}）已经记录为 {id}，这次导入什么都没有记录。请只选还没有记录的几条。",
                    shown_line(record)
                ),
                format!(
                    "This record of the phone backup ({}) is already recorded as {id}; this import recorded nothing. Pick only the records not yet recorded.",
                    shown_line(record)
                ),
            ),
            CaseError::DuplicateOrder(order, id) => tr(
                lang,
                format!(
                    "订单号 {} 的转账已经记录为 {id}，这次导入什么都没有记录。请只选还没有记录的几笔。",
                    shown_line(order)
                ),
                format!(
                    "The transfer with order number {} is already recorded as {id}; this import recorded nothing. Pick only the rows not yet recorded.",
                    shown_line(order)
                ),
            ),
            CaseError::NothingToChange => tr(
                lang,
                "没有要更改的内容：请至少改一项。",
                "Nothing to change: change at least one value.",
            ),
            CaseError::CounterpartRequired(kind) => tr(
                lang,
                format!(
                    "请填写对方的{}（号码、地址或网址），这是追查的线索。",
                    counterpart_word_zh(*kind)
                ),
                format!(
                    "Please give the other side's {} — it is the lead for an investigation.",
                    counterpart_word_en(*kind)
                ),
            ),
            CaseError::Text {
                field: (zh, en),
                err: TextError::TooLong { chars, max },
            } => tr(
                lang,
                format!(
                    "“{zh}”太长（{chars} 个字，最多 {max} 个字）。请缩短；长内容可以存成文件，作为附件加上。"
                ),
                format!(
                    "“{en}” is too long ({chars} characters, at most {max}). Shorten it; keep long text in a file and attach it."
                ),
            ),
            CaseError::ReasonRequired => tr(
                lang,
                "请写明撤回的原因，例如“重复记录”。",
                "Please give the reason, for example “duplicate entry”.",
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
            CaseError::When(WhenError::DateOnly(s)) => tr(
                lang,
                format!(
                    "“{s}”只有日期，没有几点。请写上大约几点，例如“{s} 下午3点”；记不清的话写个大概，再在备注里写“时间记不清”。"
                ),
                format!(
                    "“{s}” gives a day but no time. Add the time, roughly, for example “{s} 15:00”; if you are not sure, give your best guess and say so in the note."
                ),
            ),
            CaseError::When(WhenError::Future(s)) => tr(
                lang,
                format!("时间“{s}”还没到。请填写事情发生的时间。"),
                format!("The time “{s}” is in the future. Give the time it happened."),
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
            CaseError::When(WhenError::BadOffset(s)) => tr(
                lang,
                format!("时间“{s}”里的时区不存在（应在 -12:00 到 +14:00 之间，北京时间是 +08:00）。"),
                format!(
                    "The time “{s}” has a UTC offset that does not exist (it must lie between -12:00 and +14:00; Beijing is +08:00)."
                ),
            ),
            CaseError::UnknownKnew(w) => tr(
                lang,
                format!(
                    "不认识“{w}”。可用：name 姓名, id 身份证号, phone 手机号, address 住址, employer 工作单位, bank 银行卡, family 家人信息, other 其他。"
                ),
                format!("Unknown item “{w}”. Use: name, id, phone, address, employer, bank, family, other."),
            ),
            CaseError::UnknownLetterKind(w) => tr(
                lang,
                format!(
                    "没有“{}”这种信。可用：{}。",
                    shown_line(w),
                    crate::case::LetterKind::codes(lang)
                ),
                format!(
                    "There is no letter “{}”. Use: {}.",
                    shown_line(w),
                    crate::case::LetterKind::codes(lang)
                ),
            ),
            CaseError::UnknownSentVia(w) => tr(
                lang,
                format!(
                    "不认识发送方式“{}”。可用：post 邮寄, web 网页表单, email 电子邮件, in_person 当面。",
                    shown_line(w)
                ),
                format!(
                    "Unknown way of sending “{}”. Use: post, web, email, in_person.",
                    shown_line(w)
                ),
            ),
            CaseError::BadSha256(w) => tr(
                lang,
                format!(
                    "“{}”不是 SHA-256：应是 64 位十六进制数字，保存信件时会显示。",
                    shown_line(w)
                ),
                format!(
                    "“{}” is not a SHA-256: it has 64 hex digits, shown when the letter is saved.",
                    shown_line(w)
                ),
            ),
            CaseError::BadAmount(s) => tr(
                lang,
                format!("看不懂金额“{s}”。请只写数字（单位：元），例如 1200 或 1200.50。"),
                format!("Cannot read the amount “{s}”. Write a number in yuan, for example 1200 or 1200.50."),
            ),
            CaseError::AmountTooLarge(s) => tr(
                lang,
                format!("金额“{s}”太大：每条记录最多 100 亿元。请核对金额（单位：元）。"),
                format!(
                    "The amount “{s}” is too large: at most 10,000,000,000 yuan per entry. Check the amount (in yuan)."
                ),
            ),
            CaseError::ImplausibleBirthDate(s) => tr(
                lang,
                format!("出生日期“{s}”不对：应在 1900-01-01 到今天之间，请核对后再输入。"),
                format!("The birth date “{s}” cannot be right: it must lie between 1900-01-01 and today."),
            ),
            // The number is masked: stderr may end up in a log or a screenshot.
            CaseError::BadIdNumber(s) => {
                let shown = crate::case::draft::mask_id(s.trim());
                tr(
                    lang,
                    format!("身份证号“{shown}”的格式或校验位不对，请对照身份证核对后再输入。"),
                    format!(
                        "The ID number “{shown}” has a wrong shape or check digit; please check it against the card."
                    ),
                )
            }
            CaseError::BadDate(s) => tr(
                lang,
                format!("看不懂日期“{s}”，请写成 1985-03-07 这样的格式。"),
                format!("Cannot read the date “{s}”; write it like 1985-03-07."),
            ),
            CaseError::NoticeDateFuture(d) => tr(
                lang,
                format!("通知书或回执的日期 {d} 在今天之后。请填写你实际收到它的日期。"),
                format!(
                    "The notice or receipt date {d} is after today. Give the day you actually received it."
                ),
            ),
            CaseError::NoticeWithoutPaper => tr(
                lang,
                "通知书日期只用于两种状态：已受理（受案回执上的日期）和不予立案（收到《不予立案通知书》的日期）。",
                "A notice date goes only with the status accepted (the date on the receipt) or not opened (the day the written notice of refusal was received).",
            ),
            CaseError::Required(zh, en) => {
                tr(lang, format!("请填写{zh}。"), format!("Please fill in the {en}."))
            }
            CaseError::UnknownRecord(id) => tr(
                lang,
                format!("没有编号为 {id} 的记录。"),
                format!("There is no record {id}."),
            ),
            CaseError::RecordRetracted(id) => tr(
                lang,
                format!("{id} 已经撤回，不能再修改。如需要，请新记一条。"),
                format!("{id} was withdrawn and cannot be changed. Record a new one instead."),
            ),
            CaseError::UnknownChecklistItem(id) => {
                let ids: Vec<&str> = ChecklistId::ALL.iter().map(|c| c.as_str()).collect();
                tr(
                    lang,
                    format!("清单里没有“{id}”这一项。可用的项目：{}。", ids.join("、")),
                    format!("The checklist has no item “{id}”. Items: {}.", ids.join(", ")),
                )
            }
            CaseError::NoSuchCase(p) => tr(
                lang,
                format!("还没有这个案件（{}）。", p.display()),
                format!("There is no such case yet ({}).", p.display()),
            ),
        }
    }
}

fn counterpart_word_zh(kind: EvidenceKind) -> &'static str {
    match kind {
        EvidenceKind::Call | EvidenceKind::Sms => "号码",
        EvidenceKind::Email => "邮箱地址",
        EvidenceKind::Web => "网址",
        EvidenceKind::Account => "账户或机构名称",
        _ => "名称",
    }
}

fn counterpart_word_en(kind: EvidenceKind) -> &'static str {
    match kind {
        EvidenceKind::Call | EvidenceKind::Sms => "number",
        EvidenceKind::Email => "email address",
        EvidenceKind::Web => "web address",
        EvidenceKind::Account => "account or company name",
        _ => "name",
    }
}

/// The sentence for a journal failure.
pub fn journal_message(e: &JournalError, lang: Lang) -> String {
    match e {
        JournalError::DiskFull { path } => tr(
            lang,
            format!(
                "磁盘已满，这条没有保存（{}）。请清理磁盘空间后再试一次；已有的记录没有受影响。",
                path.display()
            ),
            format!(
                "The disk is full; this was not saved ({}). Free some space and try again; earlier entries are safe.",
                path.display()
            ),
        ),
        JournalError::ReadOnly { path } => tr(
            lang,
            format!(
                "没有权限写入 {}。请检查这个文件夹的权限，或换一个可以写入的文件夹。",
                path.display()
            ),
            format!(
                "No permission to write {}. Check the folder's permissions, or choose a writable one.",
                path.display()
            ),
        ),
        JournalError::NotAFolder { path } => tr(
            lang,
            format!(
                "{} 处有一个文件挡住了案件文件夹。请把这个文件移走，或换一个位置。",
                path.display()
            ),
            format!(
                "A file is in the way of the case folder at {}. Move that file, or choose another place.",
                path.display()
            ),
        ),
        JournalError::Io { path, source } if crate::ioerror::retry_helps(source) => tr(
            lang,
            format!(
                "读写 {} 时被打断（{}）。这条没有保存，请再试一次。",
                path.display(),
                crate::ioerror::reason(source, Lang::Zh)
            ),
            format!(
                "Reading or writing {} was interrupted ({}). Nothing was saved; please try again.",
                path.display(),
                crate::ioerror::reason(source, Lang::En)
            ),
        ),
        JournalError::Io { path, source } => tr(
            lang,
            format!(
                "无法读写 {}：{}。这条没有保存；再试也不会成功，请先检查这个文件夹（或换一个位置）。",
                path.display(),
                crate::ioerror::reason(source, Lang::Zh)
            ),
            format!(
                "Cannot read or write {}: {}. Nothing was saved, and trying again will not help: check that folder first (or choose another place).",
                path.display(),
                crate::ioerror::reason(source, Lang::En)
            ),
        ),
        // Line 0: found walking back from the end, where lines are not counted.
        JournalError::Damaged { line: 0, offset, .. } => tr(
            lang,
            format!(
                "案件记录中从字节 {offset} 开始的一行无法读取，没有保存。请运行 `leakaid verify` 查看详情，不要手动修改记录文件。"
            ),
            format!(
                "The line at byte {offset} of the case journal cannot be read; nothing was saved. Run `leakaid verify` for details; do not edit the journal by hand."
            ),
        ),
        JournalError::Damaged { line, offset, .. } => tr(
            lang,
            format!(
                "案件记录第 {line} 行（字节 {offset}）无法读取，没有保存。请运行 `leakaid verify` 查看详情，不要手动修改记录文件。"
            ),
            format!(
                "Line {line} (byte {offset}) of the case journal cannot be read; nothing was saved. Run `leakaid verify` for details; do not edit the journal by hand."
            ),
        ),
        JournalError::NotCanonical { offset } => tr(
            lang,
            format!(
                "案件记录中字节 {offset} 处的一行不是 leakaid 写下的样子（多了字段，或空格、键的顺序不同），说明它被改动过。请运行 `leakaid verify` 查看详情，不要手动修改记录文件。"
            ),
            format!(
                "The case journal line at byte {offset} is not in the form leakaid writes (an extra field, other spacing or key order), so it was altered. Run `leakaid verify` for details; do not edit the journal by hand."
            ),
        ),
        JournalError::NotRegular { path } => tr(
            lang,
            format!(
                "案件记录 {} 不是普通文件（是链接、文件夹、管道或设备），leakaid 不会读写它。请运行 `leakaid verify`，保留现场并联系律师或办案民警。",
                path.display()
            ),
            format!(
                "The case journal {} is not a regular file (a link, folder, pipe or device), so leakaid will not read or write it. Run `leakaid verify`, keep things as they are and tell your lawyer or the officer.",
                path.display()
            ),
        ),
        JournalError::SeqExhausted { path } => tr(
            lang,
            format!(
                "没有保存：案件记录（{}）最后一行的序号已是最大值，后面不能再接新记录，这一行很可能被改动过。请运行 `leakaid verify` 查看，并联系律师或办案民警。",
                path.display()
            ),
            format!(
                "Not saved: the last line of the case journal ({}) has the largest possible seq, so nothing can follow it; that line was most likely altered. Run `leakaid verify` and tell your lawyer or the officer.",
                path.display()
            ),
        ),
        JournalError::AppendOnly { path, bytes } => tr(
            lang,
            format!(
                "没有保存：案件记录 {} 被设为只能追加（chattr +a），而修复它的结尾需要截掉 {bytes} 字节不完整的内容（已复制到 quarantine 文件夹）。请用管理员身份运行 chattr -a 解除后再试，之后可以重新设置。",
                path.display()
            ),
            format!(
                "Not saved: the case journal {} is append-only (chattr +a), and repairing its end needs to cut {bytes} bytes of an unfinished line (copied to the quarantine folder). Remove the flag as administrator with chattr -a, try again, then set it again if you like.",
                path.display()
            ),
        ),
        JournalError::Encode(err) => tr(
            lang,
            format!("内部错误，未保存：{err}"),
            format!("Internal error, nothing saved: {err}"),
        ),
    }
}

/// The sentence for a vault failure.
pub fn vault_message(e: &VaultError, lang: Lang) -> String {
    match e {
        VaultError::Source(e) => e.message(lang),
        VaultError::Io { path, source } => {
            let reason = |l| crate::ioerror::reason(source, l);
            let (zh_next, en_next) = if crate::ioerror::retry_helps(source) {
                ("请再试一次", "please try again")
            } else {
                match source.kind() {
                    std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                        ("请清理磁盘空间后再试", "free some space and try again")
                    }
                    _ => (
                        "请检查这个文件夹和它的权限",
                        "check that folder and its permissions",
                    ),
                }
            };
            tr(
                lang,
                format!(
                    "文件没有保存到证据库（{}：{}），记录没有改变。{zh_next}。",
                    path.display(),
                    reason(Lang::Zh)
                ),
                format!(
                    "The file was not saved to the vault ({}: {}); nothing was recorded. Please {en_next}.",
                    path.display(),
                    reason(Lang::En)
                ),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_append_only_journal_is_explained_with_the_command_that_lifts_it() {
        let err = JournalError::AppendOnly {
            path: "journal.jsonl".into(),
            bytes: 12,
        };
        let msg = journal_message(&err, Lang::Zh);
        assert!(msg.contains("chattr -a") && msg.contains("12"), "{msg}");
    }
}
