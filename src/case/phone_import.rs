//! What a call or message from the phone's own backup becomes in the case: a call or SMS
//! entry at the phone's own time, the message text verbatim as its summary, an MMS's
//! pictures as its attachments, and where it came from (the backup file's name and SHA-256,
//! the record's place in it, its direction) — through the same checks as anything typed.

use jiff::ZonedDateTime;

use super::draft::{EvidenceDraft, line_field};
use super::error::CaseError;
use super::event::{EvidenceFields, EvidenceKind};
use crate::evidence::phone_backup::{
    BackupKind, Channel, Direction, PhoneOrigin, PhoneRecord, duration_words,
};
use crate::i18n::Lang;

/// The counterpart recorded for a caller who withheld the number: one lead for all of them.
pub const WITHHELD: &str = "隐藏号码";

/// The backup file a record was read from.
#[derive(Clone, Debug)]
pub struct BackupFile {
    /// Its name on the user's disk.
    pub name: String,
    /// Its SHA-256.
    pub sha256: String,
    /// What it is.
    pub kind: BackupKind,
}

/// One record ready to be appended: its fields and the pictures to keep with it (their
/// names in the message and their bytes).
#[derive(Clone, Debug)]
pub struct PhoneEntry {
    /// The entry's fields.
    pub fields: EvidenceFields,
    /// The MMS pictures.
    pub media: Vec<(String, Vec<u8>)>,
}

/// The summary of a call: which way, how long, and whether the number was withheld
/// (Chinese, as every summary a file gives).
fn call_summary(r: &PhoneRecord) -> String {
    let mut s = r.direction.word(Channel::Call, Lang::Zh).to_string();
    if let (Direction::Incoming | Direction::Outgoing, Some(d)) = (r.direction, r.duration) {
        s.push_str(&format!("，通话 {}", duration_words(d, Lang::Zh)));
    }
    if r.withheld {
        s.push_str("，对方隐藏了号码");
    }
    s.push_str("（手机通话记录）");
    s
}

/// The entry for `record` of `file`. `now` is the moment of the import (the reference for
/// the time check).
pub fn phone_entry(
    file: &BackupFile,
    record: &PhoneRecord,
    now: &ZonedDateTime,
) -> Result<PhoneEntry, CaseError> {
    let kind = match record.channel {
        Channel::Call => EvidenceKind::Call,
        Channel::Sms | Channel::Mms => EvidenceKind::Sms,
    };
    let counterpart = if record.withheld || record.number.trim().is_empty() {
        WITHHELD.to_string()
    } else {
        record.number.clone()
    };
    let summary = match record.channel {
        Channel::Call => call_summary(record),
        _ if record.text.is_empty() && !record.media.is_empty() => {
            let names: Vec<&str> = record.media.iter().map(|m| m.name.as_str()).collect();
            format!("彩信：{}", names.join("、"))
        }
        _ => record.text.clone(),
    };
    let at = record
        .at
        .to_zoned_datetime(crate::localtime::system_zone())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string();
    let draft = EvidenceDraft {
        kind: Some(kind),
        at,
        counterpart,
        summary,
        ..EvidenceDraft::default()
    };
    let mut fields = draft.validate(now)?;
    fields.phone = Some(Box::new(PhoneOrigin {
        source: file.kind.code().to_string(),
        file: line_field(("备份文件", "backup file"), &file.name)?,
        sha256: file.sha256.clone(),
        record: line_field(("记录", "record"), &record.id)?,
        direction: record.direction,
        channel: record.channel,
        duration: (record.channel == Channel::Call)
            .then_some(record.duration)
            .flatten(),
        withheld: record.withheld,
        key: record.key(),
    }));
    let media = record
        .media
        .iter()
        .filter_map(|m| m.data.as_ref().map(|d| (m.name.clone(), d.clone())))
        .collect();
    Ok(PhoneEntry { fields, media })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::phone_backup::Media;

    fn record() -> PhoneRecord {
        PhoneRecord {
            id: "call 4".into(),
            line: Some(6),
            channel: Channel::Call,
            direction: Direction::Missed,
            number: String::new(),
            withheld: true,
            contact_name: String::new(),
            at: "2026-11-28T02:10:00Z".parse().expect("ts"),
            duration: Some(0),
            text: String::new(),
            media: vec![],
        }
    }

    fn file() -> BackupFile {
        BackupFile {
            name: "calls-2026\u{202e}lmx.xml".into(),
            sha256: "ab".repeat(32),
            kind: BackupKind::AndroidCalls,
        }
    }

    fn now() -> ZonedDateTime {
        "2026-11-29T15:00:00+08:00[Asia/Shanghai]".parse().expect("now")
    }

    #[test]
    fn a_withheld_missed_call_is_a_call_from_one_withheld_counterpart() {
        let e = phone_entry(&file(), &record(), &now()).expect("entry");
        assert_eq!(e.fields.kind, EvidenceKind::Call);
        assert_eq!(e.fields.counterpart, WITHHELD);
        assert_eq!(e.fields.summary, "未接来电，对方隐藏了号码（手机通话记录）");
        assert_eq!(e.fields.occurred_at.timestamp(), record().at);
        let origin = e.fields.phone.expect("origin");
        assert_eq!(origin.file, "calls-2026lmx.xml", "bidi control removed");
        assert_eq!(origin.record, "call 4");
    }

    #[test]
    fn a_message_keeps_its_text_and_an_mms_its_pictures() {
        let mut r = record();
        r.channel = Channel::Mms;
        r.direction = Direction::Incoming;
        r.withheld = false;
        r.number = "10690000123".into();
        r.text = "【某某贷】张伟您好\n额度已批：http://x.example/a".into();
        r.media = vec![Media {
            name: "image000000.png".into(),
            content_type: "image/png".into(),
            size: 3,
            data: Some(vec![1, 2, 3]),
            path: String::new(),
        }];
        let e = phone_entry(&file(), &r, &now()).expect("entry");
        assert_eq!(e.fields.kind, EvidenceKind::Sms);
        assert_eq!(e.fields.summary, r.text);
        assert_eq!(e.media, vec![("image000000.png".to_string(), vec![1, 2, 3])]);
    }

    #[test]
    fn a_record_in_the_future_is_refused_like_a_typed_time() {
        let mut r = record();
        r.at = "2027-01-01T00:00:00Z".parse().expect("ts");
        assert!(phone_entry(&file(), &r, &now()).is_err());
    }
}
