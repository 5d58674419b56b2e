//! The records of steps 2–4: reports filed with the authorities, contacts warned, and
//! consultations with a lawyer. Each is added by an event and keeps its history; a report's
//! status changes are new events too.

use serde::{Deserialize, Serialize};

use super::moment::Moment;

/// Where a report stands.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    /// Filed, no answer yet.
    Filed,
    /// Accepted; a receipt (受案回执) was given.
    Accepted,
    /// A case was opened (立案).
    CaseOpened,
    /// Not accepted or not opened (不予立案); reconsideration is possible.
    Refused,
    /// Finished.
    Closed,
}

impl ReportStatus {
    /// The Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            ReportStatus::Filed => "已报案，等待答复",
            ReportStatus::Accepted => "已受理（有回执）",
            ReportStatus::CaseOpened => "已立案",
            ReportStatus::Refused => "不予受理/立案",
            ReportStatus::Closed => "已结束",
        }
    }

    /// The English label.
    pub fn en(self) -> &'static str {
        match self {
            ReportStatus::Filed => "filed, waiting",
            ReportStatus::Accepted => "accepted (receipt)",
            ReportStatus::CaseOpened => "case opened",
            ReportStatus::Refused => "refused",
            ReportStatus::Closed => "closed",
        }
    }

    /// True while something is still expected from the authority.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ReportStatus::Filed | ReportStatus::Accepted | ReportStatus::CaseOpened
        )
    }
}

/// A report made to an authority (step 2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFields {
    /// Where: 派出所, 110, 12321, 12315 … (a guide channel id or free text).
    pub channel: String,
    /// When it was made.
    pub filed_at: Moment,
    /// How: in person, phone, online, app.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub how: String,
    /// Receipt or case number (受案回执号 / 案件编号 / 工单号).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub receipt: String,
    /// The officer or clerk who took it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub officer: String,
    /// Where it stands.
    pub status: ReportStatus,
    /// The date to follow up, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub follow_up: String,
    /// Anything else.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The letter this report sent, if it was one (absent on every other report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter: Option<super::sent::SentLetter>,
}

impl ReportFields {
    /// Where the report stands, in words; a letter sent and not answered yet reads as sent.
    pub fn status_words(&self, lang: crate::i18n::Lang) -> &'static str {
        match (&self.letter, self.status) {
            (Some(_), ReportStatus::Filed) => lang.pick("已发出，等待答复", "sent, waiting"),
            (_, st) => lang.pick(st.zh(), st.en()),
        }
    }
}

/// Changes to a report; `None` leaves a field as it was.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportPatch {
    /// New status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ReportStatus>,
    /// New receipt or case number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<String>,
    /// New officer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub officer: Option<String>,
    /// New follow-up date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<String>,
    /// A note about this update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl ReportPatch {
    /// True when nothing is set.
    pub fn is_empty(&self) -> bool {
        self == &ReportPatch::default()
    }

    /// Applies the patch to a copy of `r` (a note replaces the note).
    pub fn apply_to(&self, r: &ReportFields) -> ReportFields {
        let mut out = r.clone();
        if let Some(s) = self.status {
            out.status = s;
        }
        for (dst, src) in [
            (&mut out.receipt, &self.receipt),
            (&mut out.officer, &self.officer),
            (&mut out.follow_up, &self.follow_up),
            (&mut out.note, &self.note),
        ] {
            if let Some(v) = src {
                dst.clone_from(v);
            }
        }
        out
    }
}

/// A contact warned (step 3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningFields {
    /// Who (a name or a group: 妈妈, 公司同事群).
    pub who: String,
    /// By which channel: 微信, 电话, 当面 …
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub via: String,
    /// When.
    pub warned_at: Moment,
    /// Anything else.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A consultation with a lawyer or legal aid (step 4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationFields {
    /// The lawyer, legal-aid centre or 12348.
    pub lawyer: String,
    /// Firm or office.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub firm: String,
    /// When.
    pub consulted_at: Moment,
    /// What was advised, next steps.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A record of step 2, 3 or 4 with its id and history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// `R1`, `R2` …
    pub id: String,
    /// As it stands.
    pub current: ReportFields,
    /// Updates in order, with when they were recorded.
    pub updates: Vec<(Moment, ReportPatch)>,
    /// When it was recorded.
    pub recorded_at: Moment,
}

/// A report as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportDraft {
    /// Where.
    pub channel: String,
    /// When, as typed (empty: now).
    pub at: String,
    /// How.
    pub how: String,
    /// Receipt or case number.
    pub receipt: String,
    /// Officer.
    pub officer: String,
    /// Status (default: filed).
    pub status: Option<ReportStatus>,
    /// Follow-up date, as typed.
    pub follow_up: String,
    /// Note.
    pub note: String,
    /// The letter sent, when the report is one; an empty follow-up is then the date the
    /// guide's period for its channel gives.
    pub letter: Option<super::sent::SentLetterDraft>,
}

use super::draft::{line_field as line, text_field as text};
use super::error::CaseError;
use super::halfwidth::to_halfwidth;
use super::when::{parse_date, parse_when};
use jiff::ZonedDateTime;

fn when(s: &str, now: &ZonedDateTime) -> Result<Moment, CaseError> {
    if s.trim().is_empty() {
        Ok(Moment::from_zoned(now))
    } else {
        Ok(parse_when(s, now)?)
    }
}

/// Reads a follow-up date (`2026-12-05`, `12-05` this year, `+7d` from today); empty is none.
pub fn parse_follow_up(s: &str, now: &ZonedDateTime) -> Result<String, CaseError> {
    let folded = to_halfwidth(s);
    let t = folded.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    let bad = || CaseError::BadDate(s.trim().to_string());
    if let Some(days) = t
        .strip_prefix('+')
        .and_then(|d| d.trim_end_matches(['d', '天']).parse::<i64>().ok())
    {
        let d = now
            .date()
            .checked_add(jiff::Span::new().days(days))
            .map_err(|_| bad())?;
        return Ok(d.to_string());
    }
    let year = now.date().year();
    let full = if t.matches(['-', '/']).count() == 1 {
        format!("{year}-{t}")
    } else if t.contains('月') && !t.contains('年') {
        format!("{year}年{t}")
    } else {
        t.to_string()
    };
    parse_date(&full).map(|d| d.to_string()).ok_or_else(bad)
}

impl ReportDraft {
    /// Sanitises and checks.
    pub fn validate(&self, now: &ZonedDateTime) -> Result<ReportFields, CaseError> {
        let letter = self.letter.as_ref().map(|l| l.validate()).transpose()?;
        let channel = line(("报案渠道", "channel"), &self.channel)?;
        if channel.is_empty() {
            return Err(CaseError::Required(
                "报案渠道（例如 派出所、110、12321）",
                "channel (for example police station, 110, 12321)",
            ));
        }
        let filed_at = when(&self.at, now)?;
        let mut follow_up = parse_follow_up(&self.follow_up, now)?;
        if let Some(l) = letter.as_ref().filter(|_| follow_up.is_empty()) {
            let guide = crate::guide::Guide::get(crate::guide::Lang::Zh);
            if let Some((day, _)) = super::sent::follow_up(guide, &l.kind, filed_at.zoned().date()) {
                follow_up = day.to_string();
            }
        }
        Ok(ReportFields {
            channel,
            filed_at,
            how: line(("方式", "how"), &self.how)?,
            receipt: line(("回执号", "receipt number"), &self.receipt)?,
            officer: line(("经办人", "officer"), &self.officer)?,
            status: self.status.unwrap_or(ReportStatus::Filed),
            follow_up,
            note: text(("备注", "note"), &self.note)?,
            letter,
        })
    }
}

/// A report update as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportUpdateDraft {
    /// New status.
    pub status: Option<ReportStatus>,
    /// New receipt.
    pub receipt: Option<String>,
    /// New officer.
    pub officer: Option<String>,
    /// New follow-up date.
    pub follow_up: Option<String>,
    /// Note.
    pub note: Option<String>,
}

impl ReportUpdateDraft {
    /// Sanitises and checks.
    pub fn validate(&self, now: &ZonedDateTime) -> Result<ReportPatch, CaseError> {
        Ok(ReportPatch {
            status: self.status,
            receipt: self
                .receipt
                .as_deref()
                .map(|s| line(("回执号", "receipt number"), s))
                .transpose()?,
            officer: self
                .officer
                .as_deref()
                .map(|s| line(("经办人", "officer"), s))
                .transpose()?,
            follow_up: self
                .follow_up
                .as_deref()
                .map(|s| parse_follow_up(s, now))
                .transpose()?,
            note: self
                .note
                .as_deref()
                .map(|s| text(("备注", "note"), s))
                .transpose()?,
        })
    }
}

/// A warned contact as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WarningDraft {
    /// Who.
    pub who: String,
    /// Channel.
    pub via: String,
    /// When, as typed.
    pub at: String,
    /// Note.
    pub note: String,
}

impl WarningDraft {
    /// Sanitises and checks.
    pub fn validate(&self, now: &ZonedDateTime) -> Result<WarningFields, CaseError> {
        let who = line(("提醒了谁", "who was warned"), &self.who)?;
        if who.is_empty() {
            return Err(CaseError::Required(
                "提醒了谁（例如 妈妈、公司同事群）",
                "who was warned (for example Mum, the office group)",
            ));
        }
        Ok(WarningFields {
            who,
            via: line(("方式", "how"), &self.via)?,
            warned_at: when(&self.at, now)?,
            note: text(("备注", "note"), &self.note)?,
        })
    }
}

/// A consultation as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConsultationDraft {
    /// The lawyer or office.
    pub lawyer: String,
    /// Firm.
    pub firm: String,
    /// When, as typed.
    pub at: String,
    /// Advice, next steps.
    pub note: String,
}

impl ConsultationDraft {
    /// Sanitises and checks.
    pub fn validate(&self, now: &ZonedDateTime) -> Result<ConsultationFields, CaseError> {
        let lawyer = line(("律师", "lawyer"), &self.lawyer)?;
        if lawyer.is_empty() {
            return Err(CaseError::Required(
                "律师或机构名称（例如 王律师、12348）",
                "lawyer or office (for example Lawyer Wang, 12348)",
            ));
        }
        Ok(ConsultationFields {
            lawyer,
            firm: line(("律所", "firm"), &self.firm)?,
            consulted_at: when(&self.at, now)?,
            note: text(("备注", "note"), &self.note)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follow_up_dates() {
        let now: ZonedDateTime = "2026-11-29T15:00:00+08:00[Asia/Shanghai]".parse().expect("valid");
        assert_eq!(parse_follow_up("+7d", &now).expect("ok"), "2026-12-06");
        assert_eq!(parse_follow_up("12-05", &now).expect("ok"), "2026-12-05");
        assert_eq!(parse_follow_up("2027/01/10", &now).expect("ok"), "2027-01-10");
        assert_eq!(parse_follow_up("１２月８日", &now).expect("ok"), "2026-12-08");
        assert_eq!(parse_follow_up("2027年1月10日", &now).expect("ok"), "2027-01-10");
        assert!(parse_follow_up("next week", &now).is_err());
    }

    #[test]
    fn a_report_needs_a_channel() {
        let now = ZonedDateTime::now();
        assert!(matches!(
            ReportDraft::default().validate(&now),
            Err(CaseError::Required(..))
        ));
    }
}
