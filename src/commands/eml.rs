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
    /// The Date header as written (an email's sender controls it).
    pub date: Option<String>,
}

/// Why an email is recorded at the time it was logged instead of its Date header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateDoubt {
    /// There is no Date header, or it is empty.
    Missing,
    /// The Date header cannot be read as a date (or reads as before 1970).
    Unreadable(String),
    /// The Date header is later than now: forged or a wrong clock, common in spam.
    Future(String),
}

impl DateDoubt {
    /// The note shown after the entry is logged.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DateDoubt::Missing => tr(
                lang,
                "提示：这封邮件没有日期（Date），已按现在的时间记录。可以用 leakaid correct --at 改成收到的时间。",
                "Note: the email has no Date; it is recorded at the current time. Use leakaid correct --at to set when it arrived.",
            ),
            DateDoubt::Unreadable(d) => tr(
                lang,
                format!("提示：看不懂邮件的日期“{d}”，已按现在的时间记录，原来的日期写在内容里。"),
                format!(
                    "Note: the email's date “{d}” cannot be read; it is recorded at the current time, and the claimed date is kept in the summary."
                ),
            ),
            DateDoubt::Future(d) => tr(
                lang,
                format!(
                    "提示：邮件声称的日期“{d}”还没到，这很可疑（诈骗邮件常伪造日期）。已按现在的时间记录，声称的日期写在内容里。"
                ),
                format!(
                    "Note: the email claims the date “{d}”, which is in the future — odd, and common in forged mail. It is recorded at the current time; the claimed date is kept in the summary."
                ),
            ),
        }
    }
}

/// The one decision about an email's time: its Date header when it is a real time between
/// 1970 and now, else the time it is logged (`Err` says why).
pub fn judge_date(header: Option<&str>, now: &jiff::ZonedDateTime) -> Result<crate::case::Moment, DateDoubt> {
    use crate::case::when::{Range, check_range};
    let raw = header
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .ok_or(DateDoubt::Missing)?;
    let shown = || crate::case::text::clean_line(raw, 200).unwrap_or_default();
    let moment = mailparse::dateparse(raw)
        .ok()
        // mailparse reads some nonsense as 0: the first second of 1970 is no email's date.
        .filter(|secs| *secs > 0)
        .and_then(|secs| jiff::Timestamp::from_second(secs).ok())
        .map(|ts| crate::case::Moment::from_zoned(&ts.to_zoned_datetime(now.time_zone().clone())))
        .ok_or_else(|| DateDoubt::Unreadable(shown()))?;
    match check_range(&moment, now) {
        Ok(()) => Ok(moment),
        Err(Range::Future) => Err(DateDoubt::Future(shown())),
        Err(Range::TooEarly) => Err(DateDoubt::Unreadable(shown())),
    }
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
    let date = headers.get_first_value("Date");
    Some(Mail {
        from: from.unwrap_or_default(),
        to: headers.get_first_value("To").unwrap_or_default(),
        subject: subject.unwrap_or_default(),
        date,
    })
}

/// Fills what the user left empty from the email. When the time is left empty and the
/// email's Date cannot be trusted (see [`judge_date`]), the entry gets the time it is logged,
/// the claimed date is kept in the summary, and the returned doubt says so.
pub fn fill(draft: &mut EvidenceDraft, mail: &Mail, now: &jiff::ZonedDateTime) -> Option<DateDoubt> {
    if draft.counterpart.trim().is_empty() {
        draft.counterpart = mail.from.clone();
    }
    if draft.to_mine.trim().is_empty() {
        draft.to_mine = mail.to.clone();
    }
    let mut doubt = None;
    let mut lines = vec![format!("主题 Subject: {}", mail.subject)];
    if draft.at.trim().is_empty() {
        match judge_date(mail.date.as_deref(), now) {
            Ok(m) => draft.at = m.to_string(),
            Err(d) => {
                if let DateDoubt::Unreadable(raw) | DateDoubt::Future(raw) = &d {
                    lines.push(format!("邮件声称的日期 Claimed date: {raw}"));
                }
                doubt = Some(d);
            }
        }
    }
    let added = lines.join("\n");
    draft.summary = if draft.summary.trim().is_empty() {
        added
    } else {
        format!("{}\n{added}", draft.summary)
    };
    doubt
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
    fn an_untrusted_date_gives_the_receipt_time_and_is_kept() {
        let now: jiff::ZonedDateTime = "2026-11-29T15:00:00+08:00[Asia/Shanghai]".parse().expect("now");
        let at = |d: Option<&str>| judge_date(d, &now);
        assert_eq!(
            at(Some("Sun, 29 Nov 2026 14:05:00 +0800")).map(|m| m.to_string()),
            Ok("2026-11-29T14:05:00+08:00".to_string())
        );
        assert_eq!(at(None), Err(DateDoubt::Missing));
        assert_eq!(at(Some("  ")), Err(DateDoubt::Missing));
        assert!(matches!(at(Some("someday soon")), Err(DateDoubt::Unreadable(_))));
        assert!(matches!(
            at(Some("Fri, 1 Jan 2100 00:00:00 +0000")),
            Err(DateDoubt::Future(d)) if d.contains("2100")
        ));

        let mail = Mail {
            from: "scam@example.com".into(),
            subject: "中奖".into(),
            date: Some("Fri, 1 Jan 2100 00:00:00 +0000".into()),
            ..Mail::default()
        };
        let mut draft = EvidenceDraft::default();
        assert!(matches!(
            fill(&mut draft, &mail, &now),
            Some(DateDoubt::Future(_))
        ));
        assert!(draft.at.is_empty(), "recorded at the time it is logged");
        assert!(draft.summary.contains("2100"), "{}", draft.summary);
    }

    #[test]
    fn plain_text_is_not_an_email() {
        assert_eq!(parse(b"just some words\nand more"), None);
    }
}
