//! `leakaid log email --eml`: reads a saved email through the one parser
//! ([`crate::evidence::email`]) and fills the entry from it.

use std::path::Path;

use jiff::ZonedDateTime;

use super::Failure;
use crate::case::EvidenceDraft;
use crate::display::CLAIMED_DATE;
use crate::evidence::email::{self, EmailFacts};
use crate::i18n::{Lang, tr};
use crate::text::MAX_LINE_CHARS;

/// Why an email is not recorded at the time its Date header claims.
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
                "提示：这封邮件没有日期（Date），已按邮件服务器收到它的时间（没有时按现在的时间）记录。可以用 leakaid correct --at 改成收到的时间。",
                "Note: the email has no Date; it is recorded at the time the mail server received it (or now, where that is missing). Use leakaid correct --at to set when it arrived.",
            ),
            DateDoubt::Unreadable(d) => tr(
                lang,
                format!(
                    "提示：看不懂邮件的日期“{d}”，已按邮件服务器收到它的时间（没有时按现在的时间）记录，原来的日期写在内容里。"
                ),
                format!(
                    "Note: the email's date “{d}” cannot be read; it is recorded at the time the mail server received it (or now), and the claimed date is kept in the summary."
                ),
            ),
            DateDoubt::Future(d) => tr(
                lang,
                format!(
                    "提示：邮件声称的日期“{d}”还没到，这很可疑（诈骗邮件常伪造日期）。已按邮件服务器收到它的时间（没有时按现在的时间）记录，声称的日期写在内容里。"
                ),
                format!(
                    "Note: the email claims the date “{d}”, which is in the future — odd, and common in forged mail. It is recorded at the time the mail server received it (or now); the claimed date is kept in the summary."
                ),
            ),
        }
    }
}

/// A saved email: what the one parser read from it, and its Date header as written (the
/// sender controls it, so it is judged, never trusted).
#[derive(Debug)]
pub struct SavedEmail {
    /// What the parser read.
    pub facts: EmailFacts,
    /// The Date header as written, cleaned for showing.
    pub claimed_date: Option<String>,
}

/// Reads and parses a saved email (a regular file of at most 50 MB).
pub fn read(path: &Path, lang: Lang) -> Result<SavedEmail, Failure> {
    let bytes = crate::userfile::read(path, crate::userfile::Purpose::Email)
        .map_err(|e| Failure::new(e.message(lang)))?;
    let facts = email::parse(&bytes).ok_or_else(|| {
        Failure::new(tr(
            lang,
            format!("{} 看起来不是邮件文件（.eml）。请在邮箱里用“导出/另存为 .eml”保存原始邮件。", path.display()),
            format!("{} does not look like an email (.eml). Save the original message as .eml from your mail program.", path.display()),
        ))
    })?;
    let claimed_date = mailparse::parse_headers(&bytes).ok().and_then(|(h, _)| {
        use mailparse::MailHeaderMap;
        h.get_first_value("Date")
            .map(|d| crate::text::clean_line(d.trim(), 200).unwrap_or_default())
            .filter(|d| !d.is_empty())
    });
    Ok(SavedEmail { facts, claimed_date })
}

/// Whether the email's Date can be trusted as the time it happened: a real time between 1970
/// and now (see [`crate::moment::check_range`]); `Some` says why not.
pub fn judge_date(mail: &SavedEmail, now: &ZonedDateTime) -> Option<DateDoubt> {
    use crate::moment::{Range, check_range};
    let Some(raw) = mail.claimed_date.clone() else {
        return Some(DateDoubt::Missing);
    };
    match mail.facts.date.as_ref().map(|d| check_range(d, now)) {
        Some(Ok(())) => None,
        Some(Err(Range::Future)) => Some(DateDoubt::Future(raw)),
        Some(Err(Range::TooEarly)) | None => Some(DateDoubt::Unreadable(raw)),
    }
}

/// Fills what the user left empty from the email: the counterpart is the real origin (the
/// bounce or reply domain when From is forged), the recipient, the time (see
/// [`EmailFacts::occurred_at`]), and the subject as the summary in the UI language. When the
/// time is left empty and the Date cannot be trusted, the claimed date is kept in the summary
/// and the returned doubt says so.
pub fn fill(
    draft: &mut EvidenceDraft,
    mail: SavedEmail,
    now: &ZonedDateTime,
    lang: Lang,
) -> Option<DateDoubt> {
    let doubt = judge_date(&mail, now);
    let SavedEmail { facts, .. } = mail;
    if draft.counterpart.trim().is_empty() {
        draft.counterpart = facts.origin().counterpart(lang);
    }
    if draft.to_mine.trim().is_empty()
        && let Some(to) = facts
            .to
            .first()
            .filter(|t| t.address.chars().count() <= MAX_LINE_CHARS)
    {
        draft.to_mine = to.address.clone();
    }
    let mut lines = vec![facts.summary_line(lang)];
    let doubt = if draft.at.trim().is_empty() {
        if let Some(at) = facts.occurred_at(now) {
            draft.at = at.to_string();
        }
        if let Some(DateDoubt::Unreadable(raw) | DateDoubt::Future(raw)) = &doubt {
            lines.push(format!("{}{raw}", lang.pick(CLAIMED_DATE[0], CLAIMED_DATE[1])));
        }
        doubt
    } else {
        None
    };
    let added = lines.join("\n");
    draft.summary = if draft.summary.trim().is_empty() {
        added
    } else {
        format!("{}\n{added}", draft.summary)
    };
    draft.email = Some(Box::new(facts));
    doubt
}
