//! An iPhone's own databases, as an unencrypted iTunes/Finder backup holds them:
//!
//! - `sms.db` (`HomeDomain-Library/SMS/sms.db`, in the backup folder under its SHA-1
//!   `3d/3d0d7e5f…`): the table `message` (`ROWID`, `text`, `handle_id`, `date`,
//!   `is_from_me`; from iOS 16 the text of some messages only in `attributedBody`) and
//!   `handle` (`ROWID`, `id`: the number or address);
//! - `CallHistory.storedata` (`HomeDomain-Library/CallHistoryDB/…`, `5a/5a4935c7…`), a Core
//!   Data store: the table `ZCALLRECORD` (`Z_PK`, `ZADDRESS`, `ZDATE`, `ZDURATION`,
//!   `ZORIGINATED`, `ZANSWERED`).
//!
//! Apple's times count from 2001-01-01 UTC: seconds in older `sms.db` files and in the call
//! history (a real number), nanoseconds in `sms.db` from iOS 11. Both are read.
//!
//! The database is opened from the bytes in memory (rusqlite with SQLite bundled), read only.

use jiff::Timestamp;
use rusqlite::{Connection, MAIN_DB, OpenFlags};

use std::collections::HashMap;

use sha1::{Digest, Sha1};

use super::{Backup, BackupError, BackupKind, Channel, Direction, Media, PhoneRecord, plain_name};

/// Where `sms.db` lies in a backup folder: the SHA-1 of `HomeDomain-Library/SMS/sms.db`.
pub const BACKUP_SMS_DB: &str = "3d/3d0d7e5fb2ce288813306e4d4636395e047a3d28";
/// Where `CallHistory.storedata` lies in a backup folder.
pub const BACKUP_CALL_HISTORY: &str = "5a/5a4935c78a5255723f707230a451d79c540d2741";
/// The backup's own index: an SQLite database, encrypted when the backup is.
pub const BACKUP_MANIFEST_DB: &str = "Manifest.db";

/// Seconds from 1970-01-01 to 2001-01-01 (Apple's epoch).
const APPLE_EPOCH: i64 = 978_307_200;

/// True when `name` (a file's name) is one the iPhone's databases have, in or out of a
/// backup folder: a file by that name that is not SQLite comes from an encrypted backup.
pub fn is_iphone_database_name(name: &str) -> bool {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    [BACKUP_SMS_DB, BACKUP_CALL_HISTORY, BACKUP_MANIFEST_DB]
        .iter()
        .any(|p| p.ends_with(base))
        || base == "sms.db"
        || base == "CallHistory.storedata"
}

/// Where a file the phone keeps at `phone_path` (`~/Library/SMS/Attachments/…`, as
/// `attachment.filename` writes it) lies in a backup folder: the SHA-1 of its domain and
/// path (`MediaDomain-Library/SMS/Attachments/…`), under a folder named by its first two
/// hex digits.
pub fn backup_path_of(phone_path: &str) -> Option<String> {
    let rel = phone_path
        .strip_prefix("~/")
        .or_else(|| phone_path.strip_prefix("/var/mobile/"))
        .or_else(|| phone_path.strip_prefix("/private/var/mobile/"))?;
    let hash = hex::encode(Sha1::digest(format!("MediaDomain-{rel}").as_bytes()));
    Some(format!("{}/{hash}", &hash[..2]))
}

/// An Apple time: seconds (as SQLite stores a number) or nanoseconds since 2001-01-01.
pub fn apple_time(v: f64) -> Option<Timestamp> {
    if !v.is_finite() {
        return None;
    }
    // Nanoseconds from 2001 pass 1e12 within 17 minutes; seconds would take 31,000 years.
    let ns_since_2001 = if v.abs() >= 1e12 { v } else { v * 1e9 };
    let ns = (ns_since_2001 as i128).checked_add(i128::from(APPLE_EPOCH) * 1_000_000_000)?;
    Timestamp::from_nanosecond(ns).ok()
}

/// Reads `sms.db` or `CallHistory.storedata` from its bytes.
pub fn read(bytes: &[u8]) -> Result<Backup, BackupError> {
    let db = open(bytes)?;
    let has = |table: &str| -> Result<bool, BackupError> {
        db.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [table],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| n > 0)
        .map_err(db_error)
    };
    if has("message")? && has("handle")? {
        return Ok(Backup {
            kind: BackupKind::IphoneMessages,
            records: messages(&db)?,
        });
    }
    if has("ZCALLRECORD")? {
        return Ok(Backup {
            kind: BackupKind::IphoneCalls,
            records: calls(&db)?,
        });
    }
    Err(BackupError::Database(
        "no table “message” or “ZCALLRECORD”".to_string(),
    ))
}

fn db_error(e: rusqlite::Error) -> BackupError {
    BackupError::Database(e.to_string())
}

/// The database in memory, read only. A file in WAL mode (as the phone keeps `sms.db`) is
/// marked as a rollback-journal file in this copy: an in-memory database has no WAL.
fn open(bytes: &[u8]) -> Result<Connection, BackupError> {
    let mut copy = bytes.to_vec();
    if copy.len() > 19 && copy[18] == 2 && copy[19] == 2 {
        copy[18] = 1;
        copy[19] = 1;
    }
    let mut db = Connection::open_in_memory_with_flags(
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(db_error)?;
    let len = copy.len();
    db.deserialize_read_exact(MAIN_DB, copy.as_slice(), len, true)
        .map_err(db_error)?;
    Ok(db)
}

fn columns(db: &Connection, table: &str) -> Result<Vec<String>, BackupError> {
    let mut st = db
        .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
        .map_err(db_error)?;
    let names = st
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(db_error)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(db_error)?;
    Ok(names)
}

fn messages(db: &Connection) -> Result<Vec<PhoneRecord>, BackupError> {
    let cols = columns(db, "message")?;
    let has = |c: &str| cols.iter().any(|n| n.eq_ignore_ascii_case(c));
    let body = if has("attributedBody") {
        "m.attributedBody"
    } else {
        "NULL"
    };
    // Group events (a name changed, someone left) are not messages.
    let only_messages = if has("item_type") {
        "WHERE m.item_type = 0"
    } else {
        ""
    };
    let chat = if columns(db, "chat")?.is_empty() || columns(db, "chat_message_join")?.is_empty() {
        "NULL".to_string()
    } else {
        "(SELECT c.chat_identifier FROM chat_message_join j JOIN chat c ON c.ROWID = j.chat_id \
         WHERE j.message_id = m.ROWID LIMIT 1)"
            .to_string()
    };
    let sql = format!(
        "SELECT m.ROWID, m.text, {body}, m.date, m.is_from_me, h.id, {chat} \
         FROM message m LEFT JOIN handle h ON h.ROWID = m.handle_id {only_messages} ORDER BY m.ROWID"
    );
    let mut media = attachments(db)?;
    let mut st = db.prepare(&sql).map_err(db_error)?;
    let rows = st
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<Vec<u8>>>(2)?,
                r.get::<_, Option<f64>>(3)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
            ))
        })
        .map_err(db_error)?;
    let mut out = Vec::new();
    for row in rows {
        let (rowid, text, attributed, date, from_me, handle, chat) = row.map_err(db_error)?;
        let at = date.and_then(apple_time).ok_or_else(|| BackupError::BadRecord {
            line: 0,
            what: format!("message {rowid}: date"),
        })?;
        let text = text
            .filter(|t| !t.is_empty())
            .or_else(|| attributed.as_deref().and_then(text_of_attributed_body))
            .unwrap_or_default();
        let number = handle.or(chat).unwrap_or_default();
        out.push(PhoneRecord {
            id: format!("message {rowid}"),
            line: None,
            channel: Channel::Sms,
            direction: if from_me == Some(1) {
                Direction::Outgoing
            } else {
                Direction::Incoming
            },
            withheld: number.trim().is_empty(),
            number,
            contact_name: String::new(),
            at,
            duration: None,
            // iMessage keeps U+FFFC where an attachment stood.
            text: text.replace('\u{FFFC}', "").trim().to_string(),
            media: media.remove(&rowid).unwrap_or_default(),
        });
    }
    Ok(out)
}

/// The files of each message (by its ROWID): name, type, size and where the phone keeps
/// them; none when the database has no attachment tables.
fn attachments(db: &Connection) -> Result<HashMap<i64, Vec<Media>>, BackupError> {
    let mut out: HashMap<i64, Vec<Media>> = HashMap::new();
    if columns(db, "attachment")?.is_empty() || columns(db, "message_attachment_join")?.is_empty() {
        return Ok(out);
    }
    let mut st = db
        .prepare(
            "SELECT j.message_id, a.filename, a.mime_type, a.transfer_name, a.total_bytes \
             FROM message_attachment_join j JOIN attachment a ON a.ROWID = j.attachment_id \
             ORDER BY j.message_id, a.ROWID",
        )
        .map_err(db_error)?;
    let rows = st
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<i64>>(4)?,
            ))
        })
        .map_err(db_error)?;
    for row in rows {
        let (message, path, mime, name, size) = row.map_err(db_error)?;
        let path = path.unwrap_or_default();
        let name = name
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| plain_name(&path));
        out.entry(message).or_default().push(Media {
            name: plain_name(&name),
            content_type: mime.unwrap_or_default(),
            size: size.unwrap_or(0).max(0).unsigned_abs(),
            data: None,
            path,
        });
    }
    Ok(out)
}

/// The text of a message kept only as an archived attributed string (`attributedBody`,
/// iOS 16 and later): the bytes after the first `NSString` class name, a `+` and a length
/// (one byte, or `0x81` and two bytes little-endian, or `0x82` and four).
pub fn text_of_attributed_body(blob: &[u8]) -> Option<String> {
    let at = blob.windows(8).position(|w| w == b"NSString")? + 8;
    let rest = blob.get(at..)?;
    let plus = rest.iter().take(8).position(|b| *b == b'+')? + 1;
    let rest = rest.get(plus..)?;
    let (len, start): (usize, usize) = match *rest.first()? {
        0x81 => (usize::from(u16::from_le_bytes([*rest.get(1)?, *rest.get(2)?])), 3),
        0x82 => (
            u32::from_le_bytes([*rest.get(1)?, *rest.get(2)?, *rest.get(3)?, *rest.get(4)?]) as usize,
            5,
        ),
        n => (usize::from(n), 1),
    };
    let text = rest.get(start..start.checked_add(len)?)?;
    String::from_utf8(text.to_vec()).ok()
}

fn calls(db: &Connection) -> Result<Vec<PhoneRecord>, BackupError> {
    let sql =
        "SELECT Z_PK, ZADDRESS, ZDATE, ZDURATION, ZORIGINATED, ZANSWERED FROM ZCALLRECORD ORDER BY Z_PK";
    let mut st = db.prepare(sql).map_err(db_error)?;
    let rows = st
        .query_map([], |r| {
            // The number is kept as text or, in some versions, as a blob of its UTF-8.
            let address = match r.get_ref(1)? {
                rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => {
                    String::from_utf8_lossy(t).into_owned()
                }
                _ => String::new(),
            };
            Ok((
                r.get::<_, i64>(0)?,
                address,
                r.get::<_, Option<f64>>(2)?,
                r.get::<_, Option<f64>>(3)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, Option<i64>>(5)?,
            ))
        })
        .map_err(db_error)?;
    let mut out = Vec::new();
    for row in rows {
        let (pk, address, date, duration, originated, answered) = row.map_err(db_error)?;
        let at = date.and_then(apple_time).ok_or_else(|| BackupError::BadRecord {
            line: 0,
            what: format!("ZCALLRECORD {pk}: ZDATE"),
        })?;
        let direction = match (originated, answered) {
            (Some(1), _) => Direction::Outgoing,
            (_, Some(1)) => Direction::Incoming,
            _ => Direction::Missed,
        };
        let withheld = address.trim().is_empty();
        out.push(PhoneRecord {
            id: format!("ZCALLRECORD {pk}"),
            line: None,
            channel: Channel::Call,
            direction,
            number: address,
            withheld,
            contact_name: String::new(),
            at,
            duration: duration.map(|d| d.max(0.0).round() as u64),
            text: String::new(),
            media: Vec::new(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apple_times_in_seconds_and_nanoseconds_are_the_same_instant() {
        let secs = apple_time(786_088_509.0).expect("seconds");
        let nanos = apple_time(786_088_509_000_000_000.0).expect("nanoseconds");
        assert_eq!(secs, nanos);
        assert_eq!(secs.to_string(), "2025-11-29T05:55:09Z");
        assert_eq!(apple_time(f64::NAN), None);
    }

    #[test]
    fn an_attachment_lies_in_the_backup_under_the_sha1_of_its_domain_and_path() {
        // SHA-1 of "MediaDomain-Library/SMS/Attachments/ab/11/A1/IMG_0001.jpeg".
        let p = backup_path_of("~/Library/SMS/Attachments/ab/11/A1/IMG_0001.jpeg").expect("path");
        assert_eq!(p, "eb/ebd424e54b610e21e778df15325c77ba7274dbe9");
        assert_eq!(
            backup_path_of("/var/mobile/Library/SMS/Attachments/ab/11/A1/IMG_0001.jpeg"),
            Some(p)
        );
        assert_eq!(backup_path_of("relative/path.jpg"), None);
    }

    #[test]
    fn text_kept_only_in_the_attributed_body() {
        let mut blob = b"\x04\x0bstreamtyped\x81\xe8\x03\x84\x01@\x84\x84\x84\x12NSAttributedString\x00\x84\x84\x08NSObject\x00\x85\x92\x84\x84\x84\x08NSString\x01\x94\x84\x01+".to_vec();
        let text = "您的快递丢失，请加微信理赔";
        blob.push(text.len() as u8);
        blob.extend_from_slice(text.as_bytes());
        blob.extend_from_slice(b"\x86\x84\x02iI");
        assert_eq!(text_of_attributed_body(&blob).as_deref(), Some(text));
        assert_eq!(text_of_attributed_body(b"nothing here"), None);
    }
}
