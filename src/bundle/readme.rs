//! `说明.txt`: what each file of the bundle is, the case fingerprint, and how to check the
//! hashes on Windows, macOS and Linux and with leakaid. Written as Notepad reads it (UTF-8
//! with a byte order mark, CRLF), in Chinese, with the English after it when the user reads
//! English. It names no person: a redacted bundle carries it too.

use super::names::{ATTACHMENTS, JOURNAL, LIST, PACKET, README, SUMS};
use crate::i18n::Lang;

/// What the bundle holds, for the text.
pub struct Contents<'a> {
    /// The case fingerprint `N:HEAD` the packet and the journal copy are at.
    pub fingerprint: &'a str,
    /// A redacted copy for others.
    pub redacted: bool,
    /// With the journal copy and the complete list.
    pub record: bool,
    /// Attachments in `附件/`.
    pub attachments: usize,
}

/// The text of 说明.txt (line ends `\n`; see [`crate::text::notepad::notepad_bytes`]).
pub fn text(c: &Contents<'_>, lang: Lang) -> String {
    let mut t = zh(c);
    if lang == Lang::En {
        t.push_str("\n----------------------------------------\n\n");
        t.push_str(&en(c));
    }
    t
}

fn zh(c: &Contents<'_>) -> String {
    let mut t = String::from("电子证据文件夹说明（由 leakaid 信息泄露维权助手生成）\n\n");
    if c.redacted {
        t.push_str(
            "这是给他人看的副本：报案材料中的身份证号、电话、住址等已遮盖，不含案件记录和完整清单。\n\n",
        );
    }
    t.push_str("本文件夹中的文件：\n");
    t.push_str(&format!(
        "- {PACKET}：刑事控告书及证据清单{}，可直接打印。\n",
        if c.redacted { "（副本）" } else { "" }
    ));
    if c.record {
        t.push_str(&format!(
            "- {JOURNAL}：案件记录原件。每一行是一条记录，并含有上一行的校验值，改动任何一行都能被发现。\n"
        ));
        t.push_str(&format!(
            "- {LIST}：完整的证据清单（含转账信息），可用 Excel 或 WPS 打开。\n"
        ));
    }
    if c.attachments > 0 {
        t.push_str(&format!(
            "- {ATTACHMENTS}\\：{} 个附件原件（截图、录音、邮件等），文件名开头是所属记录的编号，如 E2-1 是记录 E2 的第 1 个附件。\n",
            c.attachments
        ));
    }
    t.push_str(&format!("- {README}：本说明。\n"));
    t.push_str(&format!(
        "- {SUMS}：以上每个文件的 SHA-256 校验值。文件只要改动一个字节，校验值就会不同。\n\n"
    ));
    t.push_str(&format!("案件指纹：{}\n", c.fingerprint));
    t.push_str("（记录条数:最后一条记录的校验值。报案材料每页页脚印有它的开头部分。）\n\n");
    t.push_str("如何核对校验值（在本文件夹中打开命令行）：\n");
    t.push_str(&format!(
        "- Windows：certutil -hashfile 文件名 SHA256，与 {SUMS} 中同名文件的校验值对照（大小写不影响）。\n"
    ));
    t.push_str(&format!("- macOS：shasum -a 256 -c {SUMS}\n"));
    t.push_str(&format!("- Linux：sha256sum -c {SUMS}\n"));
    t.push_str("- 用 leakaid：leakaid verify --bundle 本文件夹的路径。它核对每个校验值");
    if c.record {
        t.push_str("、案件记录的链条，以及报案材料上的案件指纹与案件记录是否一致");
    }
    t.push_str("。\n\n");
    t.push_str("请复制整个文件夹，不要单独修改其中的文件。\n");
    t
}

fn en(c: &Contents<'_>) -> String {
    let mut t = String::from(
        "About this evidence folder (made by leakaid, a companion for victims of personal information leaks)\n\n",
    );
    if c.redacted {
        t.push_str("This is a copy for others: the ID number, phones and address are masked in the packet; it holds no case record and no complete list.\n\n");
    }
    t.push_str("Files:\n");
    t.push_str(&format!(
        "- {PACKET}: the criminal complaint and the evidence list{}, ready to print.\n",
        if c.redacted { " (copy)" } else { "" }
    ));
    if c.record {
        t.push_str(&format!(
            "- {JOURNAL}: the case record itself. Each line carries the checksum of the one before, so a change to any line shows.\n"
        ));
        t.push_str(&format!(
            "- {LIST}: the complete evidence list (with the transfers), for a spreadsheet.\n"
        ));
    }
    if c.attachments > 0 {
        t.push_str(&format!(
            "- {ATTACHMENTS}\\: {} original attachments (screenshots, recordings, emails); each name starts with its entry, so E2-1 is the first file of entry E2.\n",
            c.attachments
        ));
    }
    t.push_str(&format!("- {README}: this text.\n"));
    t.push_str(&format!(
        "- {SUMS}: the SHA-256 of each file above. Change one byte of a file and its checksum differs.\n\n"
    ));
    t.push_str(&format!("Case fingerprint: {}\n", c.fingerprint));
    t.push_str(
        "(count of records:checksum of the last one; the packet prints its start in every footer.)\n\n",
    );
    t.push_str("How to check the checksums (open a command line in this folder):\n");
    t.push_str(&format!(
        "- Windows: certutil -hashfile FILE SHA256, and compare with the line of that file in {SUMS} (case does not matter).\n"
    ));
    t.push_str(&format!("- macOS: shasum -a 256 -c {SUMS}\n"));
    t.push_str(&format!("- Linux: sha256sum -c {SUMS}\n"));
    t.push_str("- With leakaid: leakaid verify --bundle PATH-OF-THIS-FOLDER. It checks every checksum");
    if c.record {
        t.push_str(", the chain of the case record, and that the packet's fingerprint is the record's");
    }
    t.push_str(".\n\n");
    t.push_str("Copy the whole folder; do not change a file in it on its own.\n");
    t
}
