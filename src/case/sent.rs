//! Letters sent: which letter went out, how, and its fingerprint (SHA-256), recorded with the
//! report it makes — and the day to follow up on it, from the period the guide's source gives
//! for the channel it went to (none where no source gives one: the user is told so, and no
//! date is made up).

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::error::CaseError;
use super::letter_kind::LetterKind;
use crate::guide::{Guide, Lang, ReplyPeriod, Sourced};
use crate::text::halfwidth::to_halfwidth;

/// How a letter was sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SentVia {
    /// 邮寄: by post.
    Post,
    /// 网页表单: pasted into a web form.
    WebForm,
    /// 电子邮件: by email.
    Email,
    /// 当面: handed over in person.
    InPerson,
}

impl SentVia {
    /// Every way, in menu order.
    pub const ALL: [SentVia; 4] = [SentVia::Post, SentVia::WebForm, SentVia::Email, SentVia::InPerson];

    /// The word used on the command line (`post`, `web`, `email`, `in_person`).
    pub fn code(self) -> &'static str {
        match self {
            SentVia::Post => "post",
            SentVia::WebForm => "web",
            SentVia::Email => "email",
            SentVia::InPerson => "in_person",
        }
    }

    /// The Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            SentVia::Post => "邮寄",
            SentVia::WebForm => "网页表单",
            SentVia::Email => "电子邮件",
            SentVia::InPerson => "当面",
        }
    }

    /// The English label.
    pub fn en(self) -> &'static str {
        match self {
            SentVia::Post => "post",
            SentVia::WebForm => "web form",
            SentVia::Email => "email",
            SentVia::InPerson => "in person",
        }
    }
}

impl FromStr for SentVia {
    type Err = CaseError;

    /// Accepts the codes, the labels in both languages and a few common words (寄, 网上 …).
    fn from_str(s: &str) -> Result<SentVia, CaseError> {
        let folded = to_halfwidth(s).trim().to_lowercase();
        Ok(match folded.as_str() {
            "post" | "mail" | "letter" | "邮寄" | "寄信" | "快递" | "挂号信" => SentVia::Post,
            "web" | "web_form" | "webform" | "form" | "online" | "网页表单" | "网页" | "网上" | "表单" => {
                SentVia::WebForm
            }
            "email" | "e-mail" | "电子邮件" | "邮件" | "邮箱" => SentVia::Email,
            "in_person" | "in-person" | "person" | "当面" | "当面递交" | "现场" => SentVia::InPerson,
            _ => return Err(CaseError::UnknownSentVia(s.trim().to_string())),
        })
    }
}

impl fmt::Display for SentVia {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The letter kind a word names (`company`, `12321` …; full-width and case folded), or why
/// it names none.
pub fn letter_kind(s: &str) -> Result<LetterKind, CaseError> {
    LetterKind::from_code(&to_halfwidth(s)).ok_or_else(|| CaseError::UnknownLetterKind(s.trim().to_string()))
}

/// A letter sent, as recorded with its report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentLetter {
    /// Which letter: the `leakaid letter` kind (`company`, `12321`, `carrier` …).
    pub kind: String,
    /// How it was sent.
    pub via: SentVia,
    /// SHA-256 of the letter as saved (PDF or text), lower-case hex; empty when not given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sha256: String,
}

/// A sent letter as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SentLetterDraft {
    /// The kind's word.
    pub kind: String,
    /// How it was sent, as typed.
    pub via: String,
    /// The SHA-256, as typed (64 hex digits; may be empty).
    pub sha256: String,
}

impl SentLetterDraft {
    /// Checks the kind, the way and the hash.
    pub fn validate(&self) -> Result<SentLetter, CaseError> {
        let kind = letter_kind(&self.kind)?.code().to_string();
        if self.via.trim().is_empty() {
            return Err(CaseError::Required(
                "发送方式（邮寄、网页表单、电子邮件、当面）",
                "how it was sent (post, web, email, in_person)",
            ));
        }
        let via = self.via.parse()?;
        Ok(SentLetter {
            kind,
            via,
            sha256: sha256_hex(&self.sha256)?,
        })
    }
}

/// A SHA-256 as typed (spaces and case ignored), as 64 lower-case hex digits; empty stays empty.
pub fn sha256_hex(s: &str) -> Result<String, CaseError> {
    let hex: String = to_halfwidth(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    if hex.is_empty() || (hex.len() == 64 && hex.chars().all(|c| c.is_ascii_hexdigit())) {
        Ok(hex)
    } else {
        Err(CaseError::BadSha256(s.trim().to_string()))
    }
}

/// When to follow up on a letter of `kind` (its code) sent on `sent`: the last day of the
/// reply period the guide gives for its channel, with that period (for its rule and what to
/// do next); `None` when no source gives one.
pub fn follow_up<'g>(guide: &'g Guide, kind: &str, sent: Date) -> Option<(Date, &'g ReplyPeriod)> {
    let period = reply_period(guide, kind)?;
    Some((period.last_day(sent)?, period))
}

fn reply_period<'g>(guide: &'g Guide, kind: &str) -> Option<&'g ReplyPeriod> {
    let channel = LetterKind::from_code(kind)?.channel()?;
    guide.channel(channel).reply.as_ref()
}

/// The rule behind a sent letter's follow-up date and what to do when it has passed; `None`
/// when no source gives a period for where it went (then no date is made up).
pub fn follow_up_rule(kind: &str, lang: Lang) -> Option<String> {
    let p = reply_period(Guide::get(lang), kind)?;
    let about = if p.working_days {
        lang.pick(
            "（按工作日算，未计节假日，日期为约数）",
            " (working days; holidays are not counted, so the date is about)",
        )
    } else {
        ""
    };
    let what = p.hedged(&p.what, lang);
    Some(match lang {
        Lang::Zh => format!("{what}（{}）{about}。{}。", p.basis, p.then),
        Lang::En => format!("{what} ({}){about}. {}.", p.basis, p.then),
    })
}

/// [`follow_up_rule`], or (on the command line) that no source gives a period and how to set a
/// date by hand.
pub fn follow_up_basis(kind: &str, lang: Lang) -> String {
    follow_up_rule(kind, lang).unwrap_or_else(|| {
        lang.pick(
            "没有找到规定答复期限的依据，所以没有定跟进日期；可以自己定一个（leakaid report update 编号 --follow-up +30d）。",
            "No source gives a reply period for this, so no follow-up date was set; you can set one yourself (leakaid report update ID --follow-up +30d).",
        )
        .to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().expect("date")
    }

    #[test]
    fn the_follow_up_comes_from_the_channel_s_period() {
        let g = Guide::get(Lang::Zh);
        // 电信用户申诉处理办法: 15 days; the day sent is not counted.
        let (d, p) = follow_up(g, "carrier", date("2026-12-01")).expect("carrier has a period");
        assert_eq!(d, date("2026-12-16"));
        assert!(p.then.contains("12300"), "{}", p.then);
        // 征信业管理条例第二十五条: 20 days.
        assert_eq!(
            follow_up(g, "credit", date("2026-12-01")).map(|x| x.0),
            Some(date("2026-12-21"))
        );
        // 12315: 7 working days; sent on a Friday, the weekends are skipped.
        assert_eq!(
            follow_up(g, "12315", date("2026-12-04")).map(|x| x.0),
            Some(date("2026-12-15"))
        );
        // No source gives the company or 12321 a period: no date.
        assert!(follow_up(g, "company", date("2026-12-01")).is_none());
        assert!(follow_up(g, "12321", date("2026-12-01")).is_none());
        assert!(follow_up_basis("company", Lang::Zh).contains("没有找到"));
        assert!(follow_up_basis("carrier", Lang::En).contains("12300"));
    }

    #[test]
    fn ways_kinds_and_hashes_are_read_or_refused() {
        assert_eq!("邮寄".parse::<SentVia>().ok(), Some(SentVia::Post));
        assert_eq!("网页表单".parse::<SentVia>().ok(), Some(SentVia::WebForm));
        assert_eq!("EMAIL".parse::<SentVia>().ok(), Some(SentVia::Email));
        assert_eq!("当面".parse::<SentVia>().ok(), Some(SentVia::InPerson));
        assert!(matches!(
            "pigeon".parse::<SentVia>(),
            Err(CaseError::UnknownSentVia(_))
        ));
        assert_eq!(letter_kind(" Carrier ").ok(), Some(LetterKind::Carrier));
        assert_eq!(letter_kind("１２３２１").ok(), Some(LetterKind::Spam12321));
        assert!(matches!(
            letter_kind("police"),
            Err(CaseError::UnknownLetterKind(_))
        ));
        let h = "AB".repeat(32);
        assert_eq!(sha256_hex(&h).ok(), Some("ab".repeat(32)));
        assert_eq!(sha256_hex("").ok(), Some(String::new()));
        assert!(sha256_hex("abc").is_err());
        assert!(sha256_hex(&"g".repeat(64)).is_err());
    }
}
