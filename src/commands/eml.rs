//! Reading a saved email (.eml) for `leakaid log email --eml`: sender, subject, date.

use std::path::Path;

use super::Failure;
use crate::case::EvidenceDraft;
use crate::i18n::{Lang, tr};

/// What is taken from an email's headers.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Mail {
    /// The From header.
    pub from: String,
    /// The To header.
    pub to: String,
    /// The Subject, decoded.
    pub subject: String,
    /// The Date as RFC 3339, if it could be read.
    pub date: Option<String>,
}

/// Reads the headers of a saved email (a regular file of at most 50 MB).
pub fn read(path: &Path, lang: Lang) -> Result<Mail, Failure> {
    let bytes = crate::userfile::read(path, crate::userfile::Purpose::Email)
        .map_err(|e| Failure::new(e.message(lang)))?;
    parse(&bytes).ok_or_else(|| {
        Failure::new(tr(
            lang,
            format!("{} 看起来不是邮件文件（.eml）。请在邮箱里用“导出/另存为 .eml”保存原始邮件。", path.display()),
            format!("{} does not look like an email (.eml). Save the original message as .eml from your mail program.", path.display()),
        ))
    })
}

/// Parses the headers; `None` when there is no From or Subject header.
pub fn parse(bytes: &[u8]) -> Option<Mail> {
    let (headers, _) = mailparse::parse_headers(bytes).ok()?;
    use mailparse::MailHeaderMap;
    let from = headers.get_first_value("From");
    let subject = headers.get_first_value("Subject");
    if from.is_none() && subject.is_none() {
        return None;
    }
    let date = headers
        .get_first_value("Date")
        .and_then(|d| mailparse::dateparse(&d).ok())
        .and_then(|secs| jiff::Timestamp::from_second(secs).ok())
        .map(|ts| ts.to_zoned_datetime(jiff::tz::TimeZone::system()))
        .map(|z| crate::case::Moment::from_zoned(&z).to_string());
    Some(Mail {
        from: from.unwrap_or_default(),
        to: headers.get_first_value("To").unwrap_or_default(),
        subject: subject.unwrap_or_default(),
        date,
    })
}

/// Fills what the user left empty from the email.
pub fn fill(draft: &mut EvidenceDraft, mail: &Mail) {
    if draft.counterpart.trim().is_empty() {
        draft.counterpart = mail.from.clone();
    }
    if draft.to_mine.trim().is_empty() {
        draft.to_mine = mail.to.clone();
    }
    if draft.at.trim().is_empty()
        && let Some(d) = &mail.date
    {
        draft.at = d.clone();
    }
    let subject = format!("主题 Subject: {}", mail.subject);
    draft.summary = if draft.summary.trim().is_empty() {
        subject
    } else {
        format!("{}\n{subject}", draft.summary)
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_encoded_chinese_headers() {
        let raw = b"From: =?UTF-8?B?5Lit5Zu96ZO26KGM?= <notice@fake-bank.example>\r\nTo: me@example.com\r\nSubject: =?UTF-8?B?5oKo55qE6LSm5oi35bey5Ya757uT?=\r\nDate: Sun, 29 Nov 2026 14:05:00 +0800\r\n\r\nbody";
        let m = parse(raw).expect("parses");
        assert_eq!(m.from, "中国银行 <notice@fake-bank.example>");
        assert_eq!(m.subject, "您的账户已冻结");
        assert!(m.date.is_some());
    }

    #[test]
    fn plain_text_is_not_an_email() {
        assert_eq!(parse(b"just some words\nand more"), None);
    }
}
