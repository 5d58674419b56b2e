//! The phone's own records of calls and messages, read from what people can export: the XML
//! files of the Android app "SMS Backup & Restore" ([`sms_backup_restore`]), an iPhone's
//! `sms.db` and `CallHistory.storedata` from an unencrypted iTunes/Finder backup ([`ios`]),
//! and contacts as vCard ([`vcard`]). Pure functions of the file's bytes: the kind is found
//! from the content, never from the file name.
//!
//! Every record keeps the phone's own time (an instant), its direction, the number exactly as
//! the phone wrote it (empty when the caller withheld it), the text verbatim and, for an MMS,
//! its pictures; and an id that says where in the file it stands.

pub mod ios;
pub mod sms_backup_restore;
pub mod vcard;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::i18n::{Lang, tr};

/// What a record is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A phone call.
    Call,
    /// A text message.
    Sms,
    /// A multimedia message (text and pictures).
    Mms,
}

/// Which way a call or message went, as the phone recorded it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Received (a message), or a call answered.
    Incoming,
    /// Sent or dialled by the phone's owner.
    Outgoing,
    /// A call that rang and was not answered.
    Missed,
    /// A call the owner declined.
    Rejected,
    /// A call or message the phone blocked.
    Blocked,
    /// A call that went to voicemail.
    Voicemail,
}

impl Direction {
    /// The word for it: 来电 / 未接来电 / 收到 …, per channel.
    pub fn word(self, channel: Channel, lang: Lang) -> &'static str {
        let message = channel != Channel::Call;
        match (self, message) {
            (Direction::Incoming, false) => lang.pick("来电", "incoming call"),
            (Direction::Incoming, true) => lang.pick("收到", "received"),
            (Direction::Outgoing, false) => lang.pick("去电", "outgoing call"),
            (Direction::Outgoing, true) => lang.pick("发出", "sent"),
            (Direction::Missed, _) => lang.pick("未接来电", "missed call"),
            (Direction::Rejected, _) => lang.pick("拒接来电", "rejected call"),
            (Direction::Blocked, false) => lang.pick("已拦截来电", "blocked call"),
            (Direction::Blocked, true) => lang.pick("已拦截", "blocked"),
            (Direction::Voicemail, _) => lang.pick("语音信箱", "voicemail"),
        }
    }

    /// True for a call or message the owner made (never one that reached them).
    pub fn is_outgoing(self) -> bool {
        self == Direction::Outgoing
    }
}

/// A picture (or other file) carried by an MMS.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Media {
    /// Its name in the message (`image000000.jpg`), cleaned of any folder part.
    pub name: String,
    /// Its content type as the phone wrote it (`image/jpeg`).
    pub content_type: String,
    /// Its size in bytes (as decoded, or estimated from the base64 text when not decoded).
    pub size: u64,
    /// The bytes, when the reader was asked for them.
    pub data: Option<Vec<u8>>,
    /// Where the phone keeps the file, when it is not inside the backup file itself (an
    /// iPhone's attachments: `~/Library/SMS/Attachments/…`); empty otherwise.
    pub path: String,
}

/// One call or message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhoneRecord {
    /// Where it stands in the file: `sms 12` (the 12th `<sms>`), `message 4711` (a ROWID).
    pub id: String,
    /// The line of the file it starts on (XML), for messages about it.
    pub line: Option<usize>,
    /// Call, SMS or MMS.
    pub channel: Channel,
    /// Which way.
    pub direction: Direction,
    /// The other side's number (or address) exactly as the phone wrote it; empty when the
    /// caller withheld it.
    pub number: String,
    /// True when the number was withheld, restricted or unknown to the network.
    pub withheld: bool,
    /// The name the phone's contacts gave the number in the backup, if any.
    pub contact_name: String,
    /// When, by the phone's clock.
    pub at: Timestamp,
    /// A call's length in seconds.
    pub duration: Option<u64>,
    /// The message text, verbatim (an MMS: its text parts joined by line breaks).
    pub text: String,
    /// An MMS's pictures and other files (not its text or layout parts).
    pub media: Vec<Media>,
}

impl PhoneRecord {
    /// A key that is the same for the same call or message read from any export of the same
    /// phone (the channel, direction, number, time to the millisecond, text), so that picking
    /// it twice is refused even from a newer backup file.
    pub fn key(&self) -> String {
        let mut h = Sha256::new();
        let channel = match self.channel {
            Channel::Call => "call",
            Channel::Sms | Channel::Mms => "message",
        };
        for part in [
            channel,
            &format!("{:?}", self.direction),
            &crate::evidence::phone::counterpart_key(&self.number),
            &self.at.as_millisecond().to_string(),
            &self.text,
        ] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        hex::encode(&h.finalize()[..16])
    }
}

/// Which app or file a backup came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupKind {
    /// "SMS Backup & Restore", messages (`sms-….xml`).
    AndroidMessages,
    /// "SMS Backup & Restore", calls (`calls-….xml`).
    AndroidCalls,
    /// An iPhone's `sms.db`.
    IphoneMessages,
    /// An iPhone's `CallHistory.storedata`.
    IphoneCalls,
}

impl BackupKind {
    /// The name people know it by.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            BackupKind::AndroidMessages => lang.pick(
                "安卓“SMS Backup & Restore”短信备份",
                "Android “SMS Backup & Restore” message backup",
            ),
            BackupKind::AndroidCalls => lang.pick(
                "安卓“SMS Backup & Restore”通话记录备份",
                "Android “SMS Backup & Restore” call log backup",
            ),
            BackupKind::IphoneMessages => {
                lang.pick("iPhone 信息数据库（sms.db）", "iPhone messages (sms.db)")
            }
            BackupKind::IphoneCalls => lang.pick(
                "iPhone 通话记录（CallHistory.storedata）",
                "iPhone call history (CallHistory.storedata)",
            ),
        }
    }
}

/// A backup read: its kind and its records in the file's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// What it is.
    pub kind: BackupKind,
    /// Every call or message.
    pub records: Vec<PhoneRecord>,
}

/// Which MMS pictures to decode: none (a listing), or those of the records whose ids are
/// given (the ones picked).
#[derive(Clone, Copy, Debug)]
pub enum Pictures<'a> {
    /// Sizes only.
    None,
    /// The bytes of the records with these ids.
    Of(&'a [String]),
}

impl Pictures<'_> {
    fn wanted(&self, id: &str) -> bool {
        match self {
            Pictures::None => false,
            Pictures::Of(ids) => ids.iter().any(|i| i == id),
        }
    }
}

/// Where the record picked into the case came from: the file, its hash, the record's place
/// in it, and what the phone said about it that the entry's other fields do not hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneOrigin {
    /// The backup's kind, as a stable code (`sms_backup_restore`, `iphone_sms_db`,
    /// `iphone_call_history`).
    pub source: String,
    /// The backup file's name on the user's disk.
    pub file: String,
    /// The backup file's SHA-256.
    pub sha256: String,
    /// The record's place in the file (`sms 12`, `message 4711`).
    pub record: String,
    /// Which way it went.
    pub direction: Direction,
    /// Call, SMS or MMS.
    pub channel: Channel,
    /// A call's length in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u64>,
    /// True when the number was withheld.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub withheld: bool,
    /// [`PhoneRecord::key`]: the same for the same record in any export.
    pub key: String,
}

impl PhoneOrigin {
    /// The facts `show` prints, with their labels.
    pub fn describe(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let mut out = vec![
            (
                lang.pick("方向", "direction"),
                self.direction.word(self.channel, lang).to_string(),
            ),
            (lang.pick("备份文件", "backup file"), self.file.clone()),
            (lang.pick("文件 SHA-256", "file SHA-256"), self.sha256.clone()),
            (
                lang.pick("文件中的记录", "record in the file"),
                self.record.clone(),
            ),
        ];
        if let Some(d) = self.duration {
            out.insert(1, (lang.pick("通话时长", "duration"), duration_words(d, lang)));
        }
        if self.withheld {
            out.insert(
                1,
                (
                    lang.pick("号码", "number"),
                    lang.pick("对方隐藏了号码", "withheld by the caller").to_string(),
                ),
            );
        }
        out
    }
}

impl BackupKind {
    /// The code kept in [`PhoneOrigin::source`].
    pub fn code(self) -> &'static str {
        match self {
            BackupKind::AndroidMessages | BackupKind::AndroidCalls => "sms_backup_restore",
            BackupKind::IphoneMessages => "iphone_sms_db",
            BackupKind::IphoneCalls => "iphone_call_history",
        }
    }
}

/// `3分05秒` / `3 min 05 s`; `0秒` for a call never answered.
pub fn duration_words(seconds: u64, lang: Lang) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    match (h, m) {
        (0, 0) => tr(lang, format!("{s}秒"), format!("{s} s")),
        (0, _) => tr(lang, format!("{m}分{s:02}秒"), format!("{m} min {s:02} s")),
        _ => tr(
            lang,
            format!("{h}小时{m:02}分{s:02}秒"),
            format!("{h} h {m:02} min {s:02} s"),
        ),
    }
}

/// Why a backup could not be read. Nothing is recorded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    /// Not a backup of a kind this reads.
    #[error("not a phone backup")]
    NotABackup,
    /// An XML backup that stops or breaks at a line (cut off while copying).
    #[error("broken at line {line}")]
    Broken {
        /// The line, from 1.
        line: usize,
    },
    /// A record whose time or type cannot be read.
    #[error("line {line}: {what}")]
    BadRecord {
        /// The line, from 1.
        line: usize,
        /// The attribute.
        what: String,
    },
    /// A file from an encrypted iPhone backup (or the backup folder of one).
    #[error("encrypted iPhone backup")]
    Encrypted,
    /// An SQLite file that is not one of the iPhone databases this reads.
    #[error("database: {0}")]
    Database(String),
}

impl BackupError {
    /// The sentence for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BackupError::NotABackup => tr(
                lang,
                "这个文件不是能读取的手机备份。能读取的是：安卓“SMS Backup & Restore”导出的 sms-….xml 和 calls-….xml，iPhone 未加密备份里的 sms.db 和 CallHistory.storedata（或整个备份文件夹）。通讯录请用 --contacts 文件.vcf。",
                "This file is not a phone backup leakaid can read. It reads the sms-….xml and calls-….xml files of the Android app “SMS Backup & Restore”, and sms.db and CallHistory.storedata from an unencrypted iPhone backup (or the whole backup folder). Give contacts with --contacts FILE.vcf.",
            ),
            BackupError::Broken { line } => tr(
                lang,
                format!(
                    "备份文件在第 {line} 行中断或损坏（可能没有复制完整），什么都没有记录。请从手机重新复制或重新导出这个文件后再试。"
                ),
                format!(
                    "The backup file breaks off or is damaged at line {line} (perhaps it was not copied completely); nothing was recorded. Copy or export it from the phone again and try once more."
                ),
            ),
            BackupError::BadRecord { line, what } => tr(
                lang,
                format!(
                    "备份文件第 {line} 行的记录读不懂（{what}），什么都没有记录。请从手机重新导出后再试。"
                ),
                format!(
                    "The record on line {line} of the backup cannot be read ({what}); nothing was recorded. Export it from the phone again and try once more."
                ),
            ),
            BackupError::Encrypted => tr(
                lang,
                "这是加密的 iPhone 备份，读不出短信和通话记录。请在电脑上另做一份不加密的备份：用“访达”（macOS）或 iTunes（Windows）连接 iPhone，取消勾选“加密本地备份”（需要输入备份密码），再点“立即备份”；然后把新备份的文件夹交给 leakaid。",
                "This is an encrypted iPhone backup: its messages and calls cannot be read. Make an unencrypted backup on the computer: connect the iPhone in Finder (macOS) or iTunes (Windows), untick “Encrypt local backup” (it asks for the backup password), then click “Back Up Now”, and give leakaid the new backup's folder.",
            ),
            BackupError::Database(what) => tr(
                lang,
                format!(
                    "这个数据库文件不是 iPhone 的 sms.db 或 CallHistory.storedata，或者已经损坏（{what}）。什么都没有记录。"
                ),
                format!(
                    "This database is not an iPhone sms.db or CallHistory.storedata, or it is damaged ({what}). Nothing was recorded."
                ),
            ),
        }
    }
}

/// The first bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";

/// True when `bytes` start as an SQLite database does.
pub fn is_sqlite(bytes: &[u8]) -> bool {
    bytes.starts_with(SQLITE_MAGIC)
}

/// Reads a backup from its bytes: an SMS Backup & Restore XML file, or an iPhone database.
/// With [`Pictures::Of`], the MMS pictures of those records are decoded.
pub fn read(bytes: &[u8], pictures: Pictures<'_>) -> Result<Backup, BackupError> {
    if is_sqlite(bytes) {
        return ios::read(bytes);
    }
    if sms_backup_restore::looks_like(bytes) {
        return sms_backup_restore::read(bytes, pictures);
    }
    Err(BackupError::NotABackup)
}

/// The file name part of `name` (the phone may write a folder), without control characters.
fn plain_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    last.chars().filter(|c| !c.is_control()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(duration_words(0, Lang::Zh), "0秒");
        assert_eq!(duration_words(185, Lang::Zh), "3分05秒");
        assert_eq!(duration_words(3725, Lang::En), "1 h 02 min 05 s");
    }

    #[test]
    fn the_same_call_from_two_exports_has_one_key() {
        let r = PhoneRecord {
            id: "call 3".into(),
            line: Some(5),
            channel: Channel::Call,
            direction: Direction::Missed,
            number: "+86 170 1234 5678".into(),
            withheld: false,
            contact_name: String::new(),
            at: Timestamp::from_millisecond(1_764_396_309_123).expect("ts"),
            duration: Some(0),
            text: String::new(),
            media: vec![],
        };
        let mut again = r.clone();
        again.id = "call 40".into();
        again.number = "17012345678".into();
        assert_eq!(r.key(), again.key());
        again.direction = Direction::Rejected;
        assert_ne!(r.key(), again.key());
    }
}
