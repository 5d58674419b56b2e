//! An encrypted copy of a whole case in one file, and the way back: `leakaid backup FILE` and
//! `leakaid restore FILE`.
//!
//! The file is an [age](https://age-encryption.org) file encrypted to a passphrase (the scrypt
//! recipient), so any age tool can open it too; inside is a plain tar archive:
//!
//! ```text
//! leakaid-backup.json        what was backed up: the format, the fingerprint, whether intact
//! case/journal.jsonl         the journal, up to the fingerprint
//! case/vault/<sha256>        the attachments
//! case/quarantine/<name>     what a torn write left, kept as it was
//! case/exports/<name>        packets and exports made before
//! settings/config.toml       the data folder's settings (language, copy to Desktop)
//! ```
//!
//! Nothing about the victim is in the clear: the age header holds only the scrypt salt and
//! work factor. Both ways stream: neither the case nor the backup is ever held in memory.

mod layout;
mod make;
mod restore;
mod strength;

use std::io;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, tr};
use crate::ioerror;
use crate::journal::JournalError;

pub use make::{Made, make};
pub use restore::{Restored, restore};
pub use strength::{Strength, strength};

/// The passphrase, kept out of `Debug` output and wiped when dropped.
pub use age::secrecy::SecretString;

/// Whether `make` may replace an existing file.
pub use crate::durable::Replace;

/// The name of the description inside the archive.
pub const MANIFEST: &str = "leakaid-backup.json";

/// What the archive says about itself, first inside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always `leakaid-backup`.
    pub format: String,
    /// The layout's version: 1.
    pub version: u32,
    /// The case fingerprint at backup time, `N:HEAD`.
    pub fingerprint: String,
    /// Whether the case verified when it was backed up.
    pub intact: bool,
    /// Attachments in the archive.
    pub attachments: u64,
}

/// The format name in [`Manifest::format`].
pub const FORMAT: &str = "leakaid-backup";

/// How hard the passphrase is made to guess: scrypt's work factor, `N = 2^log_n`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Work {
    /// age's choice: about one second on this computer.
    #[default]
    Default,
    /// A fixed factor (tests use a small one).
    LogN(u8),
}

/// Why a backup or a restore did not happen. Nothing was written when one is returned.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The case folder does not exist or holds no journal.
    #[error("no case at {0}")]
    NoCase(PathBuf),
    /// The backup file exists and `--force` was not given.
    #[error("{0} exists")]
    Exists(PathBuf),
    /// The backup would be written into the case folder it copies.
    #[error("{0} is inside the case folder")]
    InsideCase(PathBuf),
    /// The folder the backup goes in does not exist.
    #[error("no folder for {0}")]
    NoFolder(PathBuf),
    /// The case to restore into exists already.
    #[error("case {0} exists")]
    TargetExists(PathBuf),
    /// The file to restore is not there or is not a regular file.
    #[error("cannot read {0}")]
    NotAFile(PathBuf),
    /// Not an age file at all.
    #[error("not a backup")]
    NotABackup,
    /// The passphrase does not open it (or the part that holds the key was changed).
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// The file ends early.
    #[error("truncated")]
    Truncated,
    /// The file was changed after it was written.
    #[error("altered")]
    Altered,
    /// Opening it would take far more work than this computer is set for.
    #[error("work factor too high")]
    TooMuchWork,
    /// Decrypted, but the archive holds something no leakaid backup holds.
    #[error("unexpected entry {0}")]
    Unexpected(String),
    /// Decrypted, but the restored case does not verify or its fingerprint differs.
    #[error("restored case differs: {0}")]
    Differs(String),
    /// Reading or writing a file failed.
    #[error("{0}: {1}")]
    Io(PathBuf, io::Error),
    /// The journal could not be read.
    #[error(transparent)]
    Journal(#[from] JournalError),
}

impl BackupError {
    /// The sentence shown to the user: what happened and what to do.
    pub fn message(self, lang: Lang) -> String {
        match self {
            BackupError::NoCase(p) => tr(
                lang,
                format!(
                    "{} 里没有案件记录，没有可备份的内容。请用 --case 选择要备份的案件（leakaid cases 可列出）。",
                    p.display()
                ),
                format!(
                    "There is no case record in {}, so nothing to back up. Choose the case with --case (leakaid cases lists them).",
                    p.display()
                ),
            ),
            BackupError::Exists(p) => tr(
                lang,
                format!(
                    "{} 已经存在，没有覆盖它。请换一个文件名，或确认要替换时加 --force。",
                    p.display()
                ),
                format!(
                    "{} already exists and was not replaced. Choose another name, or add --force to replace it.",
                    p.display()
                ),
            ),
            BackupError::InsideCase(p) => tr(
                lang,
                format!(
                    "备份不能放在案件文件夹里面（{}）：电脑丢了它会一起丢。请放到桌面、U盘或网盘文件夹。",
                    p.display()
                ),
                format!(
                    "The backup cannot go inside the case folder ({}): it would be lost with the computer. Put it on the Desktop, a USB drive or a cloud folder.",
                    p.display()
                ),
            ),
            BackupError::NoFolder(p) => tr(
                lang,
                format!(
                    "放备份的文件夹不存在：{}。请先创建它，或换一个已有的文件夹。",
                    p.display()
                ),
                format!(
                    "The folder for the backup does not exist: {}. Create it first or choose an existing one.",
                    p.display()
                ),
            ),
            BackupError::TargetExists(p) => tr(
                lang,
                format!(
                    "案件 {} 已经存在，恢复不会覆盖任何案件：请用 --case 起一个新名字，或用 --data-dir 指定一个新的数据文件夹。",
                    p.display()
                ),
                format!(
                    "The case {} already exists and a restore never replaces a case: give a new name with --case, or a new data folder with --data-dir.",
                    p.display()
                ),
            ),
            BackupError::NotAFile(p) => tr(
                lang,
                format!("读不到备份文件 {}：请检查文件名，U盘是否已插好。", p.display()),
                format!(
                    "Cannot read the backup file {}: check the name, and that the USB drive is plugged in.",
                    p.display()
                ),
            ),
            BackupError::NotABackup => tr(
                lang,
                "这个文件不是 leakaid 备份（不是用口令加密的 age 文件）。请选 leakaid backup 生成的那个文件。",
                "This file is not a leakaid backup (not an age file encrypted with a passphrase). Choose the file leakaid backup made.",
            ),
            BackupError::WrongPassphrase => tr(
                lang,
                "口令不对，备份没有打开，什么也没有写入。请再试一次，注意大小写和输入法。",
                "The passphrase is wrong; the backup was not opened and nothing was written. Try again, minding capitals and the input method.",
            ),
            BackupError::Truncated => tr(
                lang,
                "备份文件不完整（结尾缺了一段，可能复制时中断了），什么也没有写入。请找一份完整的备份再恢复。",
                "The backup file is incomplete (its end is missing, perhaps a copy was interrupted); nothing was written. Restore from a complete copy.",
            ),
            BackupError::Altered => tr(
                lang,
                "备份文件在生成后被改动过，核对不通过，什么也没有写入。请用另一份备份，并保留这份以便查明原因。",
                "The backup file was changed after it was made and does not check out; nothing was written. Use another copy, and keep this one to find out why.",
            ),
            BackupError::TooMuchWork => tr(
                lang,
                "打开这个备份需要的计算量远超这台电脑的设定，没有尝试。请在生成它的电脑上恢复。",
                "Opening this backup would take far more work than this computer is set for, so it was not tried. Restore it on the computer that made it.",
            ),
            BackupError::Unexpected(what) => tr(
                lang,
                format!(
                    "备份里有 leakaid 备份不会有的内容（{}），已拒绝，什么也没有写入。这份文件可能被人动过手脚，请不要使用它。",
                    crate::text::shown_line(&what)
                ),
                format!(
                    "The backup holds something no leakaid backup holds ({}); refused, nothing was written. The file may have been tampered with: do not use it.",
                    crate::text::shown_line(&what)
                ),
            ),
            BackupError::Differs(what) => tr(
                lang,
                format!("备份解开后核对不通过（{what}），什么也没有写入。请用另一份备份。"),
                format!(
                    "The unpacked backup does not check out ({what}); nothing was written. Use another copy."
                ),
            ),
            BackupError::Io(p, e) => tr(
                lang,
                format!(
                    "无法读写 {}：{}。什么也没有改动。",
                    p.display(),
                    ioerror::reason(&e, lang)
                ),
                format!(
                    "Cannot read or write {}: {}. Nothing was changed.",
                    p.display(),
                    ioerror::reason(&e, lang)
                ),
            ),
            BackupError::Journal(e) => crate::case::CaseError::Journal(e).message(lang),
        }
    }
}
