//! `leakaid log email --eml`: reads a saved email through the one parser
//! ([`crate::case::email`]) and fills the entry from it.

use std::path::Path;

use jiff::ZonedDateTime;

use super::Failure;
use crate::case::EvidenceDraft;
use crate::case::email::{self, EmailFacts};
use crate::case::text::MAX_LINE_CHARS;
use crate::i18n::{Lang, tr};

/// Reads and parses a saved email.
pub fn read(path: &Path, lang: Lang) -> Result<EmailFacts, Failure> {
    let bytes = std::fs::read(path).map_err(|e| {
        Failure::new(tr(
            lang,
            format!("读不了邮件文件 {}：{e}。请检查路径。", path.display()),
            format!(
                "Cannot read the email file {}: {e}. Check the path.",
                path.display()
            ),
        ))
    })?;
    email::parse(&bytes).ok_or_else(|| {
        Failure::new(tr(
            lang,
            format!("{} 看起来不是邮件文件（.eml）。请在邮箱里用“导出/另存为 .eml”保存原始邮件。", path.display()),
            format!("{} does not look like an email (.eml). Save the original message as .eml from your mail program.", path.display()),
        ))
    })
}

/// Fills what the user left empty from the email: the counterpart is the real origin (the
/// bounce or reply domain when From is forged), the recipient, the time (see
/// [`EmailFacts::occurred_at`]), and the subject as the summary in the UI language.
pub fn fill(draft: &mut EvidenceDraft, mail: EmailFacts, now: &ZonedDateTime, lang: Lang) {
    if draft.counterpart.trim().is_empty() {
        draft.counterpart = mail.origin().sender;
    }
    if draft.to_mine.trim().is_empty()
        && let Some(to) = mail
            .to
            .first()
            .filter(|t| t.address.chars().count() <= MAX_LINE_CHARS)
    {
        draft.to_mine = to.address.clone();
    }
    if draft.at.trim().is_empty()
        && let Some(at) = mail.occurred_at(now)
    {
        draft.at = at.to_string();
    }
    let subject = mail.summary_line(lang);
    draft.summary = if draft.summary.trim().is_empty() {
        subject
    } else {
        format!("{}\n{subject}", draft.summary)
    };
    draft.email = Some(Box::new(mail));
}
