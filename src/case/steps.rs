//! The records of steps 2–4: reports filed with the authorities, contacts warned, and
//! consultations with a lawyer. Each is added by an event and keeps its history; a report's
//! status changes are new events too.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::moment::Moment;

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
    /// Not opened (不予立案): a written decision, with the date its notice was received in
    /// `notice_date` when recorded; 复议 and 复核 run from that date. Journals written before
    /// `not_accepted` existed used this for a refusal at the desk too.
    Refused,
    /// Finished.
    Closed,
    /// Not accepted at the desk (不予受理): the report was not taken at all, which the law does
    /// not allow (刑事诉讼法第一百一十条第三款).
    NotAccepted,
    /// Accepted, but no decision whether to open a case came within the period.
    NoDecision,
}

impl ReportStatus {
    /// The Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            ReportStatus::Filed => "已报案，等待答复",
            ReportStatus::Accepted => "已受理（有回执）",
            ReportStatus::CaseOpened => "已立案",
            ReportStatus::Refused => "不予立案",
            ReportStatus::Closed => "已结束",
            ReportStatus::NotAccepted => "不予受理（没有接受报案）",
            ReportStatus::NoDecision => "逾期未作立案决定",
        }
    }

    /// The English label.
    pub fn en(self) -> &'static str {
        match self {
            ReportStatus::Filed => "filed, waiting",
            ReportStatus::Accepted => "accepted (receipt)",
            ReportStatus::CaseOpened => "case opened",
            ReportStatus::Refused => "not opened (不予立案)",
            ReportStatus::Closed => "closed",
            ReportStatus::NotAccepted => "not accepted at the desk",
            ReportStatus::NoDecision => "no decision in the period",
        }
    }

    /// True while something is still expected from the authority.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ReportStatus::Filed | ReportStatus::Accepted | ReportStatus::CaseOpened
        )
    }

    /// True when a dated paper stands behind this status, so `--notice-date` means something:
    /// the 受案回执 of an accepted report, the 不予立案通知书 of one not opened.
    pub fn has_notice(self) -> bool {
        matches!(self, ReportStatus::Accepted | ReportStatus::Refused)
    }
}

/// A report made to an authority (step 2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFields {
    /// Where: 派出所, 110, 12321, 12315 … as written, and the guide channel it names.
    pub channel: super::report_channel::ReportChannel,
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
    /// The date of the paper behind the status, `YYYY-MM-DD`: the 受案回执 of an accepted
    /// report, the day the 不予立案通知书 was received for one not opened. Deadlines are counted
    /// only from this (or, for a report accepted when it was made, from that day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_date: Option<Date>,
    /// The date to follow up, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<Date>,
    /// Anything else.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The letter this report sent, if it was one (absent on every other report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter: Option<super::sent::SentLetter>,
}

impl ReportFields {
    /// True when this record is a letter sent (to a company, 12321, a carrier …), not a
    /// report made to the police or another authority.
    pub fn is_letter(&self) -> bool {
        self.letter.is_some()
    }

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
    /// The date of the paper behind the (new) status (see [`ReportFields::notice_date`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_date: Option<DayChange>,
    /// New receipt or case number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<String>,
    /// New officer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub officer: Option<String>,
    /// New follow-up date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<DayChange>,
    /// A note about this update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl ReportPatch {
    /// True when nothing is set.
    pub fn is_empty(&self) -> bool {
        self == &ReportPatch::default()
    }

    /// Applies the patch to a copy of `r` (a note replaces the note). A new status without a
    /// date of its own drops the old status's date: the 受案回执's date is not the day a
    /// 不予立案通知书 was received.
    pub fn apply_to(&self, r: &ReportFields) -> ReportFields {
        let mut out = r.clone();
        if let Some(s) = self.status {
            if s != out.status {
                out.notice_date = None;
            }
            out.status = s;
        }
        if let Some(d) = self.notice_date {
            out.notice_date = d.day();
        }
        if let Some(d) = self.follow_up {
            out.follow_up = d.day();
        }
        for (dst, src) in [
            (&mut out.receipt, &self.receipt),
            (&mut out.officer, &self.officer),
            (&mut out.note, &self.note),
        ] {
            if let Some(v) = src {
                dst.clone_from(v);
            }
        }
        out
    }
}

/// A date changed by a report update: a new day, or cleared. Written as the day
/// (`"2026-12-05"`) or, cleared, as an empty string, as the journal has always held it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayChange {
    /// The new day.
    Set(Date),
    /// The date was removed.
    Clear,
}

impl DayChange {
    /// The day after the change (`None`: cleared).
    pub fn day(self) -> Option<Date> {
        match self {
            DayChange::Set(d) => Some(d),
            DayChange::Clear => None,
        }
    }
}

impl From<Option<Date>> for DayChange {
    fn from(d: Option<Date>) -> DayChange {
        d.map_or(DayChange::Clear, DayChange::Set)
    }
}

impl Serialize for DayChange {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            DayChange::Set(d) => d.serialize(s),
            DayChange::Clear => s.serialize_str(""),
        }
    }
}

impl<'de> Deserialize<'de> for DayChange {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<DayChange, D::Error> {
        let s = String::deserialize(d)?;
        if s.is_empty() {
            return Ok(DayChange::Clear);
        }
        s.parse::<Date>()
            .map(DayChange::Set)
            .map_err(serde::de::Error::custom)
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
    /// Their phone number, when it was taken from the contacts file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    /// Anything else.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Changes to a warned-contact record; `None` leaves a field as it was.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningPatch {
    /// New "who".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
    /// New channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// New time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warned_at: Option<Moment>,
    /// New note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Keeps `new` only when it differs from `old`.
fn differs<T: PartialEq + Clone>(new: &Option<T>, old: &T) -> Option<T> {
    new.as_ref().filter(|n| *n != old).cloned()
}

/// Sets `dst` to `src` when it is given.
fn set<T: Clone>(dst: &mut T, src: &Option<T>) {
    if let Some(v) = src {
        dst.clone_from(v);
    }
}

impl WarningPatch {
    /// True when the patch changes nothing.
    pub fn is_empty(&self) -> bool {
        self == &WarningPatch::default()
    }

    /// The patch reduced to what really differs from `current`.
    pub fn against(&self, current: &WarningFields) -> WarningPatch {
        WarningPatch {
            who: differs(&self.who, &current.who),
            via: differs(&self.via, &current.via),
            warned_at: differs(&self.warned_at, &current.warned_at),
            note: differs(&self.note, &current.note),
        }
    }

    /// Applies the patch to a copy of `w`.
    pub fn apply_to(&self, w: &WarningFields) -> WarningFields {
        let mut out = w.clone();
        set(&mut out.who, &self.who);
        set(&mut out.via, &self.via);
        set(&mut out.warned_at, &self.warned_at);
        set(&mut out.note, &self.note);
        out
    }
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

/// Changes to a consultation record; `None` leaves a field as it was.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationPatch {
    /// New lawyer or office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lawyer: Option<String>,
    /// New firm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firm: Option<String>,
    /// New time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consulted_at: Option<Moment>,
    /// New note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl ConsultationPatch {
    /// True when the patch changes nothing.
    pub fn is_empty(&self) -> bool {
        self == &ConsultationPatch::default()
    }

    /// The patch reduced to what really differs from `current`.
    pub fn against(&self, current: &ConsultationFields) -> ConsultationPatch {
        ConsultationPatch {
            lawyer: differs(&self.lawyer, &current.lawyer),
            firm: differs(&self.firm, &current.firm),
            consulted_at: differs(&self.consulted_at, &current.consulted_at),
            note: differs(&self.note, &current.note),
        }
    }

    /// Applies the patch to a copy of `c`.
    pub fn apply_to(&self, c: &ConsultationFields) -> ConsultationFields {
        let mut out = c.clone();
        set(&mut out.lawyer, &self.lawyer);
        set(&mut out.firm, &self.firm);
        set(&mut out.consulted_at, &self.consulted_at);
        set(&mut out.note, &self.note);
        out
    }
}

/// The key that tells whether two warned-contact records are the same person: "妈妈" and
/// "妈妈 ", "+86 138-0013-8000" and "13800138000", "Li Ming" and "li  ming" are one person.
pub fn person_key(who: &str) -> String {
    crate::evidence::phone::counterpart_key(who)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Something that happened to a warned-contact or consultation record after it was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum RecordChangeKind<P> {
    /// Fields corrected.
    Corrected {
        /// What changed.
        changes: P,
        /// Why, if the user said.
        #[serde(skip_serializing_if = "String::is_empty")]
        reason: String,
    },
    /// Withdrawn.
    Retracted {
        /// Why.
        reason: String,
    },
}

/// One change in a record's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecordChange<P> {
    /// The journal line that made it.
    pub seq: u64,
    /// When it was recorded.
    pub recorded_at: Moment,
    /// What it was.
    #[serde(flatten)]
    pub kind: RecordChangeKind<P>,
}

/// The history of a warned-contact or consultation record that was corrected or withdrawn:
/// what it said first, every change in order, and the withdrawal if there was one. Records
/// never changed have none (their fields as recorded are the whole story).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecordHistory<F, P> {
    /// The fields as first recorded.
    pub original: F,
    /// Corrections and the withdrawal, in order.
    pub changes: Vec<RecordChange<P>>,
    /// When and why it was withdrawn, if it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retracted: Option<super::state::Retraction>,
}

impl<F, P> RecordHistory<F, P> {
    /// A history that starts from `original`.
    pub fn new(original: F) -> RecordHistory<F, P> {
        RecordHistory {
            original,
            changes: Vec::new(),
            retracted: None,
        }
    }
}

/// A record of step 2, 3 or 4 with its id and history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// `R1`, `R2` …
    pub id: super::record_id::ReportId,
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
    /// The date of the paper behind the status, as typed (see [`ReportFields::notice_date`]).
    pub notice_date: String,
    /// Follow-up date, as typed.
    pub follow_up: String,
    /// Note.
    pub note: String,
    /// The letter sent, when the report is one; an empty follow-up is then the date the
    /// guide's period for its channel gives.
    pub letter: Option<super::sent::SentLetterDraft>,
}

use super::draft::{line_field as line, text_field as text};
use super::error::{CaseError, Label};
use super::when::{parse_date, parse_day_or_when};
use crate::i18n::Lang;
use crate::text::halfwidth::to_halfwidth;
use jiff::ZonedDateTime;

fn when(s: &str, now: &ZonedDateTime) -> Result<Moment, CaseError> {
    if s.trim().is_empty() {
        Ok(Moment::from_zoned(now))
    } else {
        Ok(parse_day_or_when(s, now)?)
    }
}

/// Reads a follow-up date (`2026-12-05`, `12-05` this year, `+7d` from today); empty is none.
pub fn parse_follow_up(s: &str, now: &ZonedDateTime) -> Result<Option<Date>, CaseError> {
    let folded = to_halfwidth(s);
    let t = folded.trim();
    if t.is_empty() {
        return Ok(None);
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
        return Ok(Some(d));
    }
    let year = now.date().year();
    let full = if t.matches(['-', '/']).count() == 1 {
        format!("{year}-{t}")
    } else if t.contains('月') && !t.contains('年') {
        format!("{year}年{t}")
    } else {
        t.to_string()
    };
    parse_date(&full).map(Some).ok_or_else(bad)
}

/// Reads the date of a notice or receipt (`2026-12-05`, `12-05` this year, `12月5日`); empty is
/// none. A paper received after today is refused: it is the day the deadline runs from.
pub fn parse_notice_date(s: &str, now: &ZonedDateTime) -> Result<Option<Date>, CaseError> {
    if to_halfwidth(s).trim().starts_with('+') {
        return Err(CaseError::BadDate(s.trim().to_string()));
    }
    let d = parse_follow_up(s, now)?;
    if let Some(day) = d.filter(|d| *d > now.date()) {
        return Err(CaseError::NoticeDateFuture(day.to_string()));
    }
    Ok(d)
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
        let status = self.status.unwrap_or(ReportStatus::Filed);
        let notice_date = parse_notice_date(&self.notice_date, now)?;
        if notice_date.is_some() && !status.has_notice() {
            return Err(CaseError::NoticeWithoutPaper);
        }
        let mut follow_up = parse_follow_up(&self.follow_up, now)?;
        if let Some(l) = letter.as_ref().filter(|_| follow_up.is_none()) {
            let guide = crate::guide::Guide::get(crate::guide::Lang::Zh);
            if let Some((day, _)) = super::sent::follow_up(guide, &l.kind, filed_at.zoned().date()) {
                follow_up = Some(day);
            }
        }
        Ok(ReportFields {
            channel: channel.into(),
            filed_at,
            how: line(("方式", "how"), &self.how)?,
            receipt: line(("回执号", "receipt number"), &self.receipt)?,
            officer: line(("经办人", "officer"), &self.officer)?,
            status,
            notice_date,
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
    /// The date of the paper behind the status, as typed.
    pub notice_date: Option<String>,
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
        if self.status.is_some_and(|s| !s.has_notice())
            && self.notice_date.as_deref().is_some_and(|d| !d.trim().is_empty())
        {
            return Err(CaseError::NoticeWithoutPaper);
        }
        Ok(ReportPatch {
            status: self.status,
            notice_date: self
                .notice_date
                .as_deref()
                .map(|s| parse_notice_date(s, now).map(DayChange::from))
                .transpose()?,
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
                .map(|s| parse_follow_up(s, now).map(DayChange::from))
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
        self.validate_with_number("", now)
    }

    /// Like [`WarningDraft::validate`], with the person's phone number (taken from the
    /// contacts file) kept in the record.
    pub fn validate_with_number(
        &self,
        number: &str,
        now: &ZonedDateTime,
    ) -> Result<WarningFields, CaseError> {
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
            number: line(("号码", "number"), number)?,
            note: text(("备注", "note"), &self.note)?,
        })
    }
}

/// A correction of a warned-contact record as typed: `None` leaves a field as it was.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WarningCorrectionDraft {
    /// New "who".
    pub who: Option<String>,
    /// New channel.
    pub via: Option<String>,
    /// New time, as typed.
    pub at: Option<String>,
    /// New note.
    pub note: Option<String>,
}

impl WarningCorrectionDraft {
    /// Sanitises and checks, like [`WarningDraft::validate`]; "who" cannot be emptied.
    pub fn validate(&self, now: &ZonedDateTime) -> Result<WarningPatch, CaseError> {
        let (who, via, warned_at, note) = correction(
            (
                ("提醒了谁", "who was warned"),
                "提醒了谁（例如 妈妈、公司同事群）",
                "who was warned (for example Mum, the office group)",
            ),
            [&self.who, &self.via, &self.at, &self.note],
            ("方式", "how"),
            now,
        )?;
        Ok(WarningPatch {
            who,
            via,
            warned_at,
            note,
        })
    }
}

/// A corrected name, second line, time and note (`None`: unchanged).
type CorrectionParts = (Option<String>, Option<String>, Option<Moment>, Option<String>);

/// The parts of a correction of a step 3-4 record, each checked as when the record is made:
/// the name (which cannot be emptied), a second line, the time and the note.
fn correction(
    name: (Label, &'static str, &'static str),
    [first, second, at, note]: [&Option<String>; 4],
    second_label: Label,
    now: &ZonedDateTime,
) -> Result<CorrectionParts, CaseError> {
    let (label, zh, en) = name;
    let first = first.as_deref().map(|s| line(label, s)).transpose()?;
    if first.as_deref().is_some_and(str::is_empty) {
        return Err(CaseError::Required(zh, en));
    }
    Ok((
        first,
        second.as_deref().map(|s| line(second_label, s)).transpose()?,
        at.as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(|s| parse_day_or_when(s, now))
            .transpose()?,
        note.as_deref().map(|s| text(("备注", "note"), s)).transpose()?,
    ))
}

/// A correction of a consultation record as typed: `None` leaves a field as it was.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConsultationCorrectionDraft {
    /// New lawyer or office.
    pub lawyer: Option<String>,
    /// New firm.
    pub firm: Option<String>,
    /// New time, as typed.
    pub at: Option<String>,
    /// New note.
    pub note: Option<String>,
}

impl ConsultationCorrectionDraft {
    /// Sanitises and checks, like [`ConsultationDraft::validate`]; the lawyer cannot be
    /// emptied.
    pub fn validate(&self, now: &ZonedDateTime) -> Result<ConsultationPatch, CaseError> {
        let (lawyer, firm, consulted_at, note) = correction(
            (
                ("律师", "lawyer"),
                "律师或机构名称（例如 王律师、12348）",
                "lawyer or office (for example Lawyer Wang, 12348)",
            ),
            [&self.lawyer, &self.firm, &self.at, &self.note],
            ("律所", "firm"),
            now,
        )?;
        Ok(ConsultationPatch {
            lawyer,
            firm,
            consulted_at,
            note,
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

/// A changed day as `describe` shows it: the day, or empty when cleared.
fn change_text(d: DayChange) -> String {
    day_text(d.day())
}

/// A day as text fields and lists show it: `2026-12-05`, or empty for none.
pub fn day_text(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// "label → value" parts of a change, joined the way the UI language writes a list; a value
/// emptied reads "（清空）" / "(cleared)". One place, so `report list`, `warn list`, `lawyer
/// list` and the wizard describe changes alike.
fn describe(parts: &[(Label, Option<String>)], lang: Lang) -> String {
    parts
        .iter()
        .filter_map(|((zh, en), v)| {
            let v = v.as_ref()?;
            let shown = if v.trim().is_empty() {
                lang.pick("（清空）", "(cleared)").to_string()
            } else {
                crate::text::shown_line(v).to_string()
            };
            Some(format!("{} → {shown}", lang.pick(zh, en)))
        })
        .collect::<Vec<_>>()
        .join(lang.pick("；", "; "))
}

impl ReportPatch {
    /// What the update changed, in words (`状态 → 已受理（有回执）；回执编号 → 2026-118`).
    pub fn describe(&self, lang: Lang) -> String {
        describe(
            &[
                (
                    ("状态", "status"),
                    self.status.map(|s| lang.pick(s.zh(), s.en()).to_string()),
                ),
                (
                    ("通知书/回执日期", "notice date"),
                    self.notice_date.map(change_text),
                ),
                (("回执编号", "receipt"), self.receipt.clone()),
                (("经办人", "officer"), self.officer.clone()),
                (("跟进日期", "follow up"), self.follow_up.map(change_text)),
                (("备注", "note"), self.note.clone()),
            ],
            lang,
        )
    }
}

impl Report {
    /// The report's history, oldest first, one line each: when it was recorded (and where),
    /// then every update with its time and what it changed.
    pub fn history_lines(&self, lang: Lang) -> Vec<String> {
        let mut out = vec![format!(
            "{} {}{}",
            self.recorded_at.short(),
            lang.pick("记录报案：", "report recorded: "),
            crate::text::shown_line(self.current.channel.as_str())
        )];
        out.extend(self.updates.iter().map(|(at, p)| {
            format!(
                "{} {}{}",
                at.short(),
                lang.pick("更新：", "updated: "),
                p.describe(lang)
            )
        }));
        out
    }
}

impl WarningPatch {
    /// What the correction changed, in words.
    pub fn describe(&self, lang: Lang) -> String {
        describe(
            &[
                (("提醒了谁", "who"), self.who.clone()),
                (("方式", "how"), self.via.clone()),
                (("时间", "when"), self.warned_at.map(|t| t.short())),
                (("备注", "note"), self.note.clone()),
            ],
            lang,
        )
    }
}

impl ConsultationPatch {
    /// What the correction changed, in words.
    pub fn describe(&self, lang: Lang) -> String {
        describe(
            &[
                (("律师/机构", "lawyer"), self.lawyer.clone()),
                (("律所", "firm"), self.firm.clone()),
                (("时间", "when"), self.consulted_at.map(|t| t.short())),
                (("备注", "note"), self.note.clone()),
            ],
            lang,
        )
    }
}

impl<F, P> RecordHistory<F, P> {
    /// One line per change, oldest first: when, what, and why (`2026-11-30 09:00 更正：方式 →
    /// 电话 — 记错了`), with `describe` saying what a correction changed.
    pub fn lines(&self, lang: Lang, describe: impl Fn(&P, Lang) -> String) -> Vec<String> {
        self.changes
            .iter()
            .map(|c| {
                let (what, body, why) = match &c.kind {
                    RecordChangeKind::Corrected { changes, reason } => (
                        lang.pick("更正：", "corrected: "),
                        describe(changes, lang),
                        reason,
                    ),
                    RecordChangeKind::Retracted { reason } => {
                        (lang.pick("撤回：", "withdrawn: "), String::new(), reason)
                    }
                };
                let why = crate::text::shown_line(why).to_string();
                let sep = if body.is_empty() || why.is_empty() {
                    ""
                } else {
                    " — "
                };
                format!("{} {what}{body}{sep}{why}", c.recorded_at.short())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follow_up_dates() {
        let now: ZonedDateTime = "2026-11-29T15:00:00+08:00[Asia/Shanghai]".parse().expect("valid");
        assert_eq!(day_text(parse_follow_up("+7d", &now).expect("ok")), "2026-12-06");
        assert_eq!(
            day_text(parse_follow_up("12-05", &now).expect("ok")),
            "2026-12-05"
        );
        assert_eq!(
            day_text(parse_follow_up("2027/01/10", &now).expect("ok")),
            "2027-01-10"
        );
        assert_eq!(
            day_text(parse_follow_up("１２月８日", &now).expect("ok")),
            "2026-12-08"
        );
        assert_eq!(
            day_text(parse_follow_up("2027年1月10日", &now).expect("ok")),
            "2027-01-10"
        );
        assert!(parse_follow_up("next week", &now).is_err());
    }

    #[test]
    fn people_are_counted_once_and_withdrawn_records_not_at_all() {
        use crate::case::Record;
        use crate::case::event::EventBody;
        use crate::case::state::CaseState;
        let at: Moment = "2026-11-29T15:00:00+08:00".parse().expect("moment");
        let warned = |id: &str, who: &str| EventBody::ContactWarned {
            id: id.into(),
            fields: WarningFields {
                who: who.into(),
                via: "微信".into(),
                warned_at: at,
                number: String::new(),
                note: String::new(),
            },
        };
        let events = [
            warned("W1", "妈妈"),
            warned("W2", " 妈妈"),
            warned("W3", "+86 138-0013-8000"),
            warned("W4", "１３８００１３８０００"),
            warned("W5", "Li  Ming"),
            EventBody::WarningRetracted {
                id: "W5".into(),
                reason: "记错了".into(),
            },
            EventBody::WarningCorrected {
                id: "W1".into(),
                changes: WarningPatch {
                    via: Some("电话".into()),
                    ..WarningPatch::default()
                },
                reason: String::new(),
            },
            // About a record that does not exist: changes nothing.
            EventBody::WarningRetracted {
                id: "W9".into(),
                reason: "x".into(),
            },
        ];
        let records: Vec<Record> = events
            .into_iter()
            .enumerate()
            .map(|(i, event)| Record {
                seq: i as u64,
                ts: at,
                prev: String::new(),
                event,
            })
            .collect();
        let st = CaseState::fold(&records);
        assert_eq!(st.warnings.len(), 5);
        assert_eq!(st.people_warned(), 2);
        assert!(st.warning_retracted("W5") && !st.warning_retracted("W1"));
        assert_eq!(st.warning("w1").map(|(_, w)| w.via.as_str()), Some("电话"));
        let h = st.warning_history.get("W1").expect("history");
        assert_eq!(h.original.via, "微信");
        assert_eq!(
            h.lines(Lang::Zh, WarningPatch::describe),
            ["2026-11-29 15:00 更正：方式 → 电话"]
        );
        assert!(!st.warning_history.contains_key("W9"));
        assert_eq!(person_key("Li Ming"), person_key("li  ming"));
    }

    #[test]
    fn a_correction_keeps_only_what_differs_and_cannot_empty_the_name() {
        let now: ZonedDateTime = "2026-11-29T15:00:00+08:00[Asia/Shanghai]".parse().expect("valid");
        let cur = ConsultationFields {
            lawyer: "王律师".into(),
            firm: "某某律所".into(),
            consulted_at: Moment::from_zoned(&now),
            note: String::new(),
        };
        let patch = ConsultationCorrectionDraft {
            lawyer: Some("王律师".into()),
            firm: Some(String::new()),
            ..Default::default()
        }
        .validate(&now)
        .expect("valid");
        let reduced = patch.against(&cur);
        assert_eq!(reduced.lawyer, None);
        assert_eq!(reduced.firm.as_deref(), Some(""));
        assert_eq!(reduced.apply_to(&cur).firm, "");
        assert_eq!(reduced.describe(Lang::En), "firm → (cleared)");
        let empty = ConsultationCorrectionDraft {
            lawyer: Some("  ".into()),
            ..Default::default()
        };
        assert!(matches!(empty.validate(&now), Err(CaseError::Required(..))));
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
