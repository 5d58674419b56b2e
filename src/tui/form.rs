//! The forms' state: which fields a form has, what was typed, which field has focus, and how
//! the typed values become the case's drafts. Validation is the case's own (`*Draft::validate`).

use std::collections::BTreeSet;
use std::path::PathBuf;

use jiff::ZonedDateTime;

use crate::case::draft::{TransferDraft, birth_from_id, id_number_in};
use crate::case::sent::{SentLetterDraft, SentVia};
use crate::case::steps::day_text;
use crate::case::steps::{
    ConsultationCorrectionDraft, ConsultationDraft, ConsultationFields, ConsultationPatch, Report,
    ReportDraft, ReportFields, ReportPatch, ReportStatus, ReportUpdateDraft, WarningCorrectionDraft,
    WarningDraft, WarningFields, WarningPatch,
};
use crate::case::when::{ReadTime, read_when};
use crate::case::{AmendableId, ConsultationId, ReportId, WarningId};
use crate::case::{
    CaseError, CorrectionDraft, EntryId, EvidenceDraft, EvidenceFields, EvidenceKind, EvidencePatch, Knew,
    Profile, ProfileDraft, ProfilePatch, Transfer,
};
use crate::i18n::Lang;
use crate::letters::LetterKind;
use crate::letters::content::LetterContent;
use crate::text::{MAX_LINE_CHARS, MAX_TEXT_CHARS, clean_line};
use crate::tui::guide_text::channel_names;
use crate::tui::letters::{LetterOrder, SavedLetter};
use crate::tui::strings::Strings;
use crate::tui::widgets::text_field::TextField;

/// What a field is, which also names its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldId {
    /// Evidence kind.
    Kind,
    /// When it happened.
    At,
    /// The other side.
    Counterpart,
    /// Which of mine.
    ToMine,
    /// What they said.
    Summary,
    /// What they knew.
    Knew,
    /// Money lost.
    Lost,
    /// Transfer: the receiving account or card number.
    ToAccount,
    /// Transfer: the name on the receiving account.
    ToName,
    /// Transfer: the receiving bank or platform.
    ToBank,
    /// Transfer: when the money was sent.
    PaidAt,
    /// Transfer: the transaction (serial) number.
    Txn,
    /// Transfer: how it was sent.
    PaidVia,
    /// Why.
    Reason,
    /// A file path.
    Path,
    /// Profile: name.
    Name,
    /// Profile: ID number.
    IdNumber,
    /// Profile: sex.
    Sex,
    /// Profile: birth date.
    Birth,
    /// Profile: phones.
    Phones,
    /// Profile: emails.
    Emails,
    /// Profile: address.
    Address,
    /// Profile: my own bank cards and accounts.
    OwnAccounts,
    /// Profile: the suspected source of the leak.
    Suspect,
    /// Profile: why it is suspected.
    SuspectWhy,
    /// Profile: the suspect's address.
    SuspectAddress,
    /// Report: pick a channel from the guide (fills `Channel`).
    ChannelPick,
    /// Report: where it was reported.
    Channel,
    /// Report: how (in person, phone, online).
    How,
    /// Report: status (a choice).
    Status,
    /// Report: the date of the paper behind the status (receipt, notice of refusal).
    NoticeDate,
    /// Report: receipt or case number.
    Receipt,
    /// Report: the officer.
    Officer,
    /// Report: the follow-up date.
    FollowUp,
    /// A note (reports, warnings, consultations).
    Note,
    /// Warning: who was warned.
    Who,
    /// Warning: by which channel.
    Via,
    /// Consultation: the lawyer or office.
    Lawyer,
    /// Consultation: the firm.
    Firm,
    /// The victim's own account.
    Narrative,
    /// Export: the agency the packet is addressed to.
    Agency,
    /// Export: mask the ID number and phones (a yes / no choice).
    Redact,
    /// Export: in the redacted copy, the name too (a yes / no choice).
    MaskName,
    /// Export: the packet's language (a choice).
    PacketLang,
    /// Letter: the company or merchant it goes to.
    Recipient,
    /// Letter sent: how (a choice of `SentVia::ALL`).
    SentVia,
    /// Letter: add the ID number (a yes / no choice; only where the letter may carry it).
    WithId,
}

/// The transfer fields, in form order: shown below the amount lost once it is filled in.
pub const TRANSFER_FIELDS: [FieldId; 6] = [
    FieldId::ToAccount,
    FieldId::ToName,
    FieldId::ToBank,
    FieldId::PaidAt,
    FieldId::Txn,
    FieldId::PaidVia,
];

/// The transfer fields filled with `t` (empty for a new entry).
fn transfer_fields(t: Option<&Transfer>) -> Vec<Field> {
    let t = t.cloned().unwrap_or_default();
    let paid_at = t.paid_at.map(|m| m.short()).unwrap_or_default();
    [
        (FieldId::ToAccount, t.account),
        (FieldId::ToName, t.name),
        (FieldId::ToBank, t.bank),
        (FieldId::PaidAt, paid_at),
        (FieldId::Txn, t.txn),
        (FieldId::PaidVia, t.method),
    ]
    .into_iter()
    .map(|(id, v)| text(id, false, &v))
    .collect()
}

/// The report statuses in the order the status choice cycles through them.
pub const STATUSES: [ReportStatus; 7] = [
    ReportStatus::Filed,
    ReportStatus::NotAccepted,
    ReportStatus::Accepted,
    ReportStatus::NoDecision,
    ReportStatus::CaseOpened,
    ReportStatus::Refused,
    ReportStatus::Closed,
];

/// How many options a choice field has.
pub fn choice_len(id: FieldId) -> usize {
    match id {
        FieldId::ChannelPick => channel_names(Lang::Zh).len() + 1,
        FieldId::Status => STATUSES.len(),
        FieldId::SentVia => SentVia::ALL.len(),
        _ => 2,
    }
}

/// The export options the user chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportChoice {
    /// The agency after 此致 (empty: a blank to fill in by hand).
    pub agency: String,
    /// A redacted copy (see `crate::redact`).
    pub redact: bool,
    /// In a redacted copy, the name too (王某某); ignored without `redact`.
    pub mask_name: bool,
    /// The packet's language.
    pub lang: Lang,
}

/// The input of one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Typed text.
    Text(TextField),
    /// One evidence kind (index into `EvidenceKind::ALL`).
    Kind(usize),
    /// One of a few options (status, channel, yes / no, language), cycled with Left / Right.
    Choice(usize),
    /// Toggles for what they knew, with the highlighted one.
    Knew {
        /// Ticked items.
        set: BTreeSet<Knew>,
        /// Highlighted index into `Knew::ALL`.
        cursor: usize,
    },
}

/// One field of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// What it is.
    pub id: FieldId,
    /// What was typed.
    pub input: Input,
}

/// What the form is for.
#[derive(Debug, Clone, PartialEq)]
pub enum FormKind {
    /// A new entry; `started` is the moment the form was opened (the default time).
    New {
        /// When the key was pressed.
        started: ZonedDateTime,
    },
    /// A correction of an entry.
    Correct {
        /// The entry.
        id: EntryId,
        /// When the form was opened (reference for relative times).
        started: ZonedDateTime,
    },
    /// A retraction.
    Retract(EntryId),
    /// Adding a file.
    Attach(EntryId),
    /// Opening a bill to pick transfers from (step 1).
    ImportBill,
    /// The victim's details.
    Profile,
    /// A new report (step 2).
    AddReport {
        /// When the form was opened (the default time).
        started: ZonedDateTime,
    },
    /// An update of a report.
    UpdateReport {
        /// The report's id (`R1` …).
        id: ReportId,
        /// When the form was opened.
        started: ZonedDateTime,
    },
    /// A contact warned (step 3).
    AddWarning {
        /// When the form was opened (the default time).
        started: ZonedDateTime,
    },
    /// A consultation (step 4).
    AddConsultation {
        /// When the form was opened (the default time).
        started: ZonedDateTime,
    },
    /// The victim's own account of what happened.
    Narrative,
    /// The packet's options; submitting starts the export.
    Export,
    /// A correction of a warned-contact record (`W1` …).
    CorrectWarning {
        /// The record's id.
        id: WarningId,
        /// When the form was opened (reference for relative times).
        started: ZonedDateTime,
    },
    /// A correction of a consultation record (`L1` …).
    CorrectConsultation {
        /// The record's id.
        id: ConsultationId,
        /// When the form was opened.
        started: ZonedDateTime,
    },
    /// Withdrawing a warned-contact or consultation record (`W1`, `L1` …).
    RetractRecord(AmendableId),
    /// Whom a letter goes to (company, 12315); submitting saves the letter.
    LetterTo(LetterKind),
    /// A saved letter was sent; submitting records it as a report.
    LetterSent {
        /// The letter as saved.
        letter: Box<SavedLetter>,
        /// When the form was opened (the default day sent).
        started: ZonedDateTime,
    },
}

/// An open form.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    /// What it is for.
    pub kind: FormKind,
    /// Its fields, in Tab order.
    pub fields: Vec<Field>,
    /// The initial fields, to tell unsaved input and what a correction changes.
    initial: Vec<Field>,
    /// The focused field.
    pub focus: usize,
    /// The last refusal, in the UI language.
    pub error: Option<String>,
    /// A notice (e.g. a paste was cut at the cap).
    pub notice: Option<String>,
    /// Waiting for the case to confirm the save.
    pub pending: bool,
    /// The ID number found in the summary that ticked "ID number" (not ticked again for it
    /// once the user has seen it).
    id_ticked_for: Option<String>,
}

fn text(id: FieldId, multiline: bool, value: &str) -> Field {
    let cap = if multiline { MAX_TEXT_CHARS } else { MAX_LINE_CHARS };
    Field {
        id,
        input: Input::Text(TextField::with_text(multiline, cap, value)),
    }
}

fn choice(id: FieldId, i: usize) -> Field {
    Field {
        id,
        input: Input::Choice(i),
    }
}

fn kind_index(k: EvidenceKind) -> usize {
    EvidenceKind::ALL.iter().position(|x| *x == k).unwrap_or(0)
}

impl Form {
    fn build(kind: FormKind, fields: Vec<Field>, focus: usize) -> Form {
        Form {
            kind,
            initial: fields.clone(),
            fields,
            focus,
            error: None,
            notice: None,
            pending: false,
            id_ticked_for: None,
        }
    }

    /// A new entry of `kind` whose time defaults to `started`; focus on the counterpart.
    pub fn new_entry(kind: EvidenceKind, started: ZonedDateTime) -> Form {
        let mut fields = vec![
            Field {
                id: FieldId::Kind,
                input: Input::Kind(kind_index(kind)),
            },
            text(FieldId::Counterpart, false, ""),
            text(FieldId::Summary, true, ""),
            Field {
                id: FieldId::Knew,
                input: Input::Knew {
                    set: BTreeSet::new(),
                    cursor: 0,
                },
            },
            text(FieldId::At, false, ""),
            text(FieldId::ToMine, false, ""),
            text(FieldId::Lost, false, ""),
        ];
        fields.extend(transfer_fields(None));
        Form::build(FormKind::New { started }, fields, 1)
    }

    /// A correction form filled with the entry's current facts.
    pub fn correct(id: EntryId, cur: &EvidenceFields, started: ZonedDateTime) -> Form {
        let mut fields = vec![
            Field {
                id: FieldId::Kind,
                input: Input::Kind(kind_index(cur.kind)),
            },
            text(FieldId::Counterpart, false, &cur.counterpart),
            text(FieldId::Summary, true, &cur.summary),
            Field {
                id: FieldId::Knew,
                input: Input::Knew {
                    set: cur.knew.clone(),
                    cursor: 0,
                },
            },
            // In the zone the typed time is read in, so an untouched time means the same moment.
            text(
                FieldId::At,
                false,
                &crate::localtime::short(&cur.occurred_at, started.time_zone()),
            ),
            text(FieldId::ToMine, false, &cur.to_mine),
            text(
                FieldId::Lost,
                false,
                &cur.lost.map(|f| f.to_string()).unwrap_or_default(),
            ),
        ];
        fields.extend(transfer_fields(cur.transfer.as_deref()));
        fields.push(text(FieldId::Reason, true, ""));
        Form::build(FormKind::Correct { id, started }, fields, 1)
    }

    /// A retraction form.
    pub fn retract(id: EntryId) -> Form {
        Form::build(FormKind::Retract(id), vec![text(FieldId::Reason, true, "")], 0)
    }

    /// An attach form.
    pub fn attach(id: EntryId) -> Form {
        Form::build(FormKind::Attach(id), vec![text(FieldId::Path, false, "")], 0)
    }

    /// The form that asks for a bill file.
    pub fn import_bill() -> Form {
        Form::build(FormKind::ImportBill, vec![text(FieldId::Path, true, "")], 0)
    }

    /// The profile form, filled with the current details.
    pub fn profile(p: &Profile) -> Form {
        let fields = vec![
            text(FieldId::Name, false, &p.name),
            text(FieldId::IdNumber, false, &p.id_number),
            text(FieldId::Sex, false, &p.sex),
            text(FieldId::Birth, false, &p.birth_date),
            text(FieldId::Phones, false, &p.phones.join(", ")),
            text(FieldId::Emails, false, &p.emails.join(", ")),
            text(FieldId::Address, false, &p.address),
            text(FieldId::OwnAccounts, false, &p.accounts.join(", ")),
            text(FieldId::Suspect, false, &p.suspect),
            text(FieldId::SuspectWhy, false, &p.suspect_why),
            text(FieldId::SuspectAddress, false, &p.suspect_address),
        ];
        Form::build(FormKind::Profile, fields, 0)
    }

    /// A new report; the time defaults to `started`, the status to "filed".
    pub fn add_report(started: ZonedDateTime) -> Form {
        let fields = vec![
            choice(FieldId::ChannelPick, 0),
            text(FieldId::Channel, false, ""),
            text(FieldId::At, false, ""),
            text(FieldId::How, false, ""),
            choice(FieldId::Status, 0),
            text(FieldId::NoticeDate, false, ""),
            text(FieldId::Receipt, false, ""),
            text(FieldId::Officer, false, ""),
            text(FieldId::FollowUp, false, ""),
            text(FieldId::Note, true, ""),
        ];
        Form::build(FormKind::AddReport { started }, fields, 0)
    }

    /// An update of report `r`, filled with how it stands.
    pub fn update_report(r: &Report, started: ZonedDateTime) -> Form {
        let c = &r.current;
        let status = STATUSES.iter().position(|s| *s == c.status).unwrap_or(0);
        let fields = vec![
            choice(FieldId::Status, status),
            text(FieldId::NoticeDate, false, &day_text(c.notice_date)),
            text(FieldId::Receipt, false, &c.receipt),
            text(FieldId::Officer, false, &c.officer),
            text(FieldId::FollowUp, false, &day_text(c.follow_up)),
            text(FieldId::Note, true, &c.note),
        ];
        Form::build(
            FormKind::UpdateReport {
                id: r.id.clone(),
                started,
            },
            fields,
            0,
        )
    }

    /// A contact warned; the time defaults to `started`.
    pub fn add_warning(started: ZonedDateTime) -> Form {
        let fields = vec![
            text(FieldId::Who, false, ""),
            text(FieldId::Via, false, ""),
            text(FieldId::At, false, ""),
            text(FieldId::Note, true, ""),
        ];
        Form::build(FormKind::AddWarning { started }, fields, 0)
    }

    /// A consultation; the time defaults to `started`.
    pub fn add_consultation(started: ZonedDateTime) -> Form {
        let fields = vec![
            text(FieldId::Lawyer, false, ""),
            text(FieldId::Firm, false, ""),
            text(FieldId::At, false, ""),
            text(FieldId::Note, true, ""),
        ];
        Form::build(FormKind::AddConsultation { started }, fields, 0)
    }

    /// A correction of warned-contact record `id`, filled with how it stands.
    pub fn correct_warning(id: &WarningId, w: &WarningFields, started: ZonedDateTime) -> Form {
        let fields = vec![
            text(FieldId::Who, false, &w.who),
            text(FieldId::Via, false, &w.via),
            text(FieldId::At, false, &w.warned_at.short()),
            text(FieldId::Note, true, &w.note),
            text(FieldId::Reason, true, ""),
        ];
        let kind = FormKind::CorrectWarning {
            id: id.clone(),
            started,
        };
        Form::build(kind, fields, 0)
    }

    /// A correction of consultation record `id`, filled with how it stands.
    pub fn correct_consultation(id: &ConsultationId, c: &ConsultationFields, started: ZonedDateTime) -> Form {
        let fields = vec![
            text(FieldId::Lawyer, false, &c.lawyer),
            text(FieldId::Firm, false, &c.firm),
            text(FieldId::At, false, &c.consulted_at.short()),
            text(FieldId::Note, true, &c.note),
            text(FieldId::Reason, true, ""),
        ];
        let kind = FormKind::CorrectConsultation {
            id: id.clone(),
            started,
        };
        Form::build(kind, fields, 0)
    }

    /// Withdrawing the warned-contact or consultation record `id`.
    pub fn retract_record(id: AmendableId) -> Form {
        Form::build(
            FormKind::RetractRecord(id),
            vec![text(FieldId::Reason, true, "")],
            0,
        )
    }

    /// The victim's own account, filled with the current text.
    pub fn narrative(current: &str) -> Form {
        Form::build(
            FormKind::Narrative,
            vec![text(FieldId::Narrative, true, current)],
            0,
        )
    }

    /// The packet's options, filled with the last ones used.
    pub fn export(c: &ExportChoice) -> Form {
        let fields = vec![
            text(FieldId::Agency, false, &c.agency),
            choice(FieldId::Redact, usize::from(c.redact)),
            choice(FieldId::MaskName, usize::from(c.mask_name)),
            choice(FieldId::PacketLang, usize::from(c.lang == Lang::En)),
        ];
        Form::build(FormKind::Export, fields, 0)
    }

    /// Whom letter `kind` goes to.
    pub fn letter_to(kind: LetterKind) -> Form {
        let mut fields = vec![text(FieldId::Recipient, false, "")];
        if LetterContent::get(Lang::Zh).kind(kind).id_on_request {
            fields.push(choice(FieldId::WithId, 0));
        }
        Form::build(FormKind::LetterTo(kind), fields, 0)
    }

    /// The saved letter went out: how, and when (default: now).
    pub fn letter_sent(letter: &SavedLetter, started: ZonedDateTime) -> Form {
        let fields = vec![choice(FieldId::SentVia, 0), text(FieldId::At, false, "")];
        Form::build(
            FormKind::LetterSent {
                letter: Box::new(letter.clone()),
                started,
            },
            fields,
            0,
        )
    }

    /// The moment the form was opened, for forms with a time field.
    pub fn started(&self) -> Option<&ZonedDateTime> {
        match &self.kind {
            FormKind::New { started }
            | FormKind::Correct { started, .. }
            | FormKind::AddReport { started }
            | FormKind::UpdateReport { started, .. }
            | FormKind::AddWarning { started }
            | FormKind::AddConsultation { started }
            | FormKind::CorrectWarning { started, .. }
            | FormKind::CorrectConsultation { started, .. }
            | FormKind::LetterSent { started, .. } => Some(started),
            _ => None,
        }
    }

    /// Replaces the text of field `id` (used when a channel is picked).
    pub fn set_text(&mut self, id: FieldId, value: &str) {
        for f in &mut self.fields {
            if f.id == id
                && let Input::Text(t) = &mut f.input
            {
                *t = TextField::with_text(t.is_multiline(), t.cap(), value);
            }
        }
    }

    /// How the time field reads now, when something readable is typed in it (the transfer's
    /// time while that has focus).
    pub fn at_reading(&self) -> Option<ReadTime> {
        let started = self.started()?;
        let id = match self.focused().map(|f| f.id) {
            Some(FieldId::PaidAt) => FieldId::PaidAt,
            _ => FieldId::At,
        };
        let typed = Form::text_of(&self.fields, id)?;
        if typed.trim().is_empty() {
            return None;
        }
        read_when(typed, started).ok()
    }

    /// Ticks "ID number" under what they knew when the summary quotes a valid ID number (an
    /// SMS that names it is proof they had it); true when it ticked it now. Each number
    /// ticks once, so a tick the user takes off stays off.
    pub fn tick_id_from_summary(&mut self) -> bool {
        let Some(id) = Form::text_of(&self.fields, FieldId::Summary).and_then(id_number_in) else {
            return false;
        };
        if self.id_ticked_for.as_deref() == Some(id.as_str()) {
            return false;
        }
        self.id_ticked_for = Some(id);
        self.fields.iter_mut().any(|f| match &mut f.input {
            Input::Knew { set, .. } => set.insert(Knew::IdNumber),
            _ => false,
        })
    }

    /// Fills an empty birth-date field from a valid ID number; the date when it did.
    pub fn fill_birth_from_id(&mut self) -> Option<String> {
        let birth_empty = Form::text_of(&self.fields, FieldId::Birth)?.trim().is_empty();
        let id = Form::text_of(&self.fields, FieldId::IdNumber)?;
        let date = birth_from_id(id).filter(|_| birth_empty)?.to_string();
        self.set_text(FieldId::Birth, &date);
        Some(date)
    }

    fn choice_of(fields: &[Field], id: FieldId) -> Option<usize> {
        fields.iter().find_map(|f| match (&f.input, f.id == id) {
            (Input::Choice(i), true) => Some(*i),
            _ => None,
        })
    }

    fn status_of(fields: &[Field]) -> Option<ReportStatus> {
        Form::choice_of(fields, FieldId::Status).and_then(|i| STATUSES.get(i).copied())
    }

    /// True when something differs from what the form opened with.
    pub fn is_dirty(&self) -> bool {
        self.fields != self.initial
    }

    /// The focused field.
    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    /// The focused field, mutable.
    pub fn focused_mut(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    /// The field holding the value `e` refuses — the one whose text the error quotes (a time,
    /// an amount, an ID number, a date) — if one is on screen.
    pub fn refused_field(&self, e: &CaseError) -> Option<usize> {
        use crate::case::when::WhenError;
        use crate::text::halfwidth::to_halfwidth;
        let quoted = match e {
            CaseError::When(
                WhenError::Unreadable(s)
                | WhenError::Future(s)
                | WhenError::TooEarly(s)
                | WhenError::BadOffset(s)
                | WhenError::DateOnly(s),
            )
            | CaseError::BadIdNumber(s)
            | CaseError::BadAmount(s)
            | CaseError::AmountTooLarge(s)
            | CaseError::BadDate(s)
            | CaseError::ImplausibleBirthDate(s) => to_halfwidth(s.trim()),
            // The notice date is read into its full form, so it is found by its field.
            CaseError::NoticeDateFuture(_) | CaseError::NoticeWithoutPaper => {
                return self.fields.iter().position(|f| f.id == FieldId::NoticeDate);
            }
            _ => return None,
        };
        (0..self.fields.len()).find(|&i| {
            self.is_shown(i)
                && matches!(&self.fields[i].input, Input::Text(t) if to_halfwidth(t.text().trim()) == quoted)
        })
    }

    /// Moves focus forward or back to the next field shown, wrapping.
    pub fn move_focus(&mut self, forward: bool) {
        let n = self.fields.len().max(1);
        for _ in 0..n {
            self.focus = if forward {
                (self.focus + 1) % n
            } else {
                (self.focus + n - 1) % n
            };
            if self.is_shown(self.focus) {
                break;
            }
        }
    }

    /// True when field `i` is on screen: the transfer fields appear once an amount lost is
    /// typed (or when the entry already has transfer details); every other field always.
    pub fn is_shown(&self, i: usize) -> bool {
        let Some(f) = self.fields.get(i) else {
            return false;
        };
        if !TRANSFER_FIELDS.contains(&f.id) {
            return true;
        }
        let filled = |id| Form::text_of(&self.fields, id).is_some_and(|t| !t.trim().is_empty());
        filled(FieldId::Lost) || TRANSFER_FIELDS.into_iter().any(filled)
    }

    /// The transfer details as typed; in a correction only the parts changed.
    fn transfer_draft(&self, only_changed: bool) -> TransferDraft {
        let v = |id| {
            if only_changed {
                self.changed(id).unwrap_or_default()
            } else {
                self.get(id)
            }
        };
        TransferDraft {
            account: v(FieldId::ToAccount),
            name: v(FieldId::ToName),
            bank: v(FieldId::ToBank),
            paid_at: v(FieldId::PaidAt),
            txn: v(FieldId::Txn),
            method: v(FieldId::PaidVia),
            ..TransferDraft::default()
        }
    }

    fn text_of(fields: &[Field], id: FieldId) -> Option<&str> {
        fields.iter().find_map(|f| match (&f.input, f.id == id) {
            (Input::Text(t), true) => Some(t.text()),
            _ => None,
        })
    }

    fn kind_of(fields: &[Field]) -> Option<EvidenceKind> {
        fields.iter().find_map(|f| match f.input {
            Input::Kind(i) => EvidenceKind::ALL.get(i).copied(),
            _ => None,
        })
    }

    fn knew_of(fields: &[Field]) -> BTreeSet<Knew> {
        fields
            .iter()
            .find_map(|f| match &f.input {
                Input::Knew { set, .. } => Some(set.clone()),
                _ => None,
            })
            .unwrap_or_default()
    }

    fn get(&self, id: FieldId) -> String {
        Form::text_of(&self.fields, id).unwrap_or_default().to_string()
    }

    /// The typed value of a field that changed since the form opened, else `None`.
    fn changed(&self, id: FieldId) -> Option<String> {
        let now = Form::text_of(&self.fields, id)?;
        (Some(now) != Form::text_of(&self.initial, id)).then(|| now.to_string())
    }

    /// The new entry as typed.
    pub fn evidence_draft(&self) -> EvidenceDraft {
        EvidenceDraft {
            kind: Form::kind_of(&self.fields),
            at: self.get(FieldId::At),
            counterpart: self.get(FieldId::Counterpart),
            to_mine: self.get(FieldId::ToMine),
            summary: self.get(FieldId::Summary),
            knew: Form::knew_of(&self.fields),
            lost: self.get(FieldId::Lost),
            transfer: self.transfer_draft(false),
            email: None,
            kept_at: String::new(),
        }
    }

    /// The correction as typed: only fields the user changed.
    pub fn correction_draft(&self) -> CorrectionDraft {
        let kind = Form::kind_of(&self.fields).filter(|k| Some(*k) != Form::kind_of(&self.initial));
        let knew = Form::knew_of(&self.fields);
        let knew = (knew != Form::knew_of(&self.initial)).then_some(knew);
        let lost = self
            .changed(FieldId::Lost)
            .map(|l| if l.trim().is_empty() { "0".into() } else { l });
        CorrectionDraft {
            kind,
            at: self.changed(FieldId::At),
            counterpart: self.changed(FieldId::Counterpart),
            to_mine: self.changed(FieldId::ToMine),
            summary: self.changed(FieldId::Summary),
            knew,
            lost,
            transfer: self.transfer_draft(true),
            kept_at: None,
        }
    }

    /// The reason typed (correction, retraction).
    pub fn reason(&self) -> String {
        self.get(FieldId::Reason)
    }

    /// The file path typed, with surrounding quotes a file manager adds removed.
    pub fn path(&self) -> PathBuf {
        let p = self.get(FieldId::Path);
        PathBuf::from(p.trim().trim_matches(['\'', '"']))
    }

    /// The profile changes as typed: only fields the user changed.
    pub fn profile_draft(&self) -> ProfileDraft {
        let list = |id| self.changed(id).map(|s| vec![s]);
        ProfileDraft {
            name: self.changed(FieldId::Name),
            id_number: self.changed(FieldId::IdNumber),
            sex: self.changed(FieldId::Sex),
            birth_date: self.changed(FieldId::Birth),
            phones: list(FieldId::Phones),
            emails: list(FieldId::Emails),
            address: self.changed(FieldId::Address),
            accounts: list(FieldId::OwnAccounts),
            suspect: self.changed(FieldId::Suspect),
            suspect_why: self.changed(FieldId::SuspectWhy),
            suspect_address: self.changed(FieldId::SuspectAddress),
        }
    }
}

impl Form {
    /// The report as typed.
    pub fn report_draft(&self) -> ReportDraft {
        ReportDraft {
            channel: self.get(FieldId::Channel),
            at: self.get(FieldId::At),
            how: self.get(FieldId::How),
            receipt: self.get(FieldId::Receipt),
            officer: self.get(FieldId::Officer),
            status: Form::status_of(&self.fields),
            notice_date: self.get(FieldId::NoticeDate),
            follow_up: self.get(FieldId::FollowUp),
            note: self.get(FieldId::Note),
            letter: None,
        }
    }

    /// The report update as typed: only fields the user changed.
    pub fn report_update_draft(&self) -> ReportUpdateDraft {
        let status = Form::status_of(&self.fields).filter(|s| Some(*s) != Form::status_of(&self.initial));
        ReportUpdateDraft {
            status,
            notice_date: self.changed(FieldId::NoticeDate),
            receipt: self.changed(FieldId::Receipt),
            officer: self.changed(FieldId::Officer),
            follow_up: self.changed(FieldId::FollowUp),
            note: self.changed(FieldId::Note),
        }
    }

    /// The warned contact as typed.
    pub fn warning_draft(&self) -> WarningDraft {
        WarningDraft {
            who: self.get(FieldId::Who),
            via: self.get(FieldId::Via),
            at: self.get(FieldId::At),
            note: self.get(FieldId::Note),
        }
    }

    /// The consultation as typed.
    pub fn consultation_draft(&self) -> ConsultationDraft {
        ConsultationDraft {
            lawyer: self.get(FieldId::Lawyer),
            firm: self.get(FieldId::Firm),
            at: self.get(FieldId::At),
            note: self.get(FieldId::Note),
        }
    }

    /// The warned-contact correction as typed: only fields the user changed.
    pub fn warning_correction_draft(&self) -> WarningCorrectionDraft {
        WarningCorrectionDraft {
            who: self.changed(FieldId::Who),
            via: self.changed(FieldId::Via),
            at: self.changed(FieldId::At),
            note: self.changed(FieldId::Note),
        }
    }

    /// The consultation correction as typed: only fields the user changed.
    pub fn consultation_correction_draft(&self) -> ConsultationCorrectionDraft {
        ConsultationCorrectionDraft {
            lawyer: self.changed(FieldId::Lawyer),
            firm: self.changed(FieldId::Firm),
            at: self.changed(FieldId::At),
            note: self.changed(FieldId::Note),
        }
    }

    /// The export options as chosen.
    pub fn export_choice(&self) -> ExportChoice {
        ExportChoice {
            agency: self.get(FieldId::Agency).trim().to_string(),
            redact: Form::choice_of(&self.fields, FieldId::Redact) == Some(1),
            mask_name: Form::choice_of(&self.fields, FieldId::MaskName) == Some(1),
            lang: if Form::choice_of(&self.fields, FieldId::PacketLang) == Some(1) {
                Lang::En
            } else {
                Lang::Zh
            },
        }
    }
}

/// What a submitted form asks the case to do, after the case's validation.
#[derive(Debug, Clone, PartialEq)]
pub enum Submit {
    /// Log a new entry.
    Log(EvidenceFields),
    /// Correct an entry.
    Correct(EntryId, EvidencePatch, String),
    /// Retract an entry.
    Retract(EntryId, String),
    /// Attach a file.
    Attach(EntryId, PathBuf),
    /// Read this bill.
    ImportBill(PathBuf),
    /// Set profile fields.
    Profile(ProfilePatch),
    /// Record a report.
    AddReport(ReportFields),
    /// Update a report.
    UpdateReport(ReportId, ReportPatch),
    /// Record a warned contact.
    AddWarning(WarningFields),
    /// Record a consultation.
    AddConsultation(ConsultationFields),
    /// Set the victim's own account.
    Narrative(String),
    /// Make the packet with these options.
    Export(ExportChoice),
    /// Correct a warned-contact record.
    CorrectWarning(WarningId, WarningPatch, String),
    /// Correct a consultation record.
    CorrectConsultation(ConsultationId, ConsultationPatch, String),
    /// Withdraw a warned-contact or consultation record.
    RetractRecord(AmendableId, String),
    /// Make and save this letter.
    SaveLetter(LetterOrder),
}

impl Form {
    /// Validates what was typed with the case's drafts.
    pub fn submit(&self, now: &ZonedDateTime) -> Result<Submit, CaseError> {
        match &self.kind {
            FormKind::New { started } => self.evidence_draft().validate(started).map(Submit::Log),
            FormKind::Correct { id, started } => {
                let patch = self.correction_draft().validate(started)?;
                if patch.is_empty() {
                    return Err(CaseError::NothingToChange);
                }
                Ok(Submit::Correct(*id, patch, self.reason()))
            }
            FormKind::Retract(id) => Ok(Submit::Retract(*id, self.reason())),
            FormKind::Attach(id) => Ok(Submit::Attach(*id, self.path())),
            FormKind::ImportBill => Ok(Submit::ImportBill(self.path())),
            FormKind::Profile => {
                let patch = self.profile_draft().validate(now)?;
                if patch.is_empty() {
                    return Err(CaseError::NothingToChange);
                }
                Ok(Submit::Profile(patch))
            }
            FormKind::AddReport { started } => self.report_draft().validate(started).map(Submit::AddReport),
            FormKind::UpdateReport { id, started } => {
                let patch = self.report_update_draft().validate(started)?;
                if patch.is_empty() {
                    return Err(CaseError::NothingToChange);
                }
                Ok(Submit::UpdateReport(id.clone(), patch))
            }
            FormKind::AddWarning { started } => {
                self.warning_draft().validate(started).map(Submit::AddWarning)
            }
            FormKind::AddConsultation { started } => self
                .consultation_draft()
                .validate(started)
                .map(Submit::AddConsultation),
            FormKind::Narrative => match self.changed(FieldId::Narrative) {
                Some(t) => Ok(Submit::Narrative(t)),
                None => Err(CaseError::NothingToChange),
            },
            FormKind::CorrectWarning { id, started } => {
                let patch = self.warning_correction_draft().validate(started)?;
                if patch.is_empty() {
                    return Err(CaseError::NothingToChange);
                }
                Ok(Submit::CorrectWarning(id.clone(), patch, self.reason()))
            }
            FormKind::CorrectConsultation { id, started } => {
                let patch = self.consultation_correction_draft().validate(started)?;
                if patch.is_empty() {
                    return Err(CaseError::NothingToChange);
                }
                Ok(Submit::CorrectConsultation(id.clone(), patch, self.reason()))
            }
            FormKind::RetractRecord(id) => Ok(Submit::RetractRecord(id.clone(), self.reason())),
            FormKind::Export => {
                let choice = self.export_choice();
                clean_line(&choice.agency, MAX_LINE_CHARS).map_err(|err| CaseError::Text {
                    field: ("报送单位", "addressed to"),
                    err,
                })?;
                Ok(Submit::Export(choice))
            }
            FormKind::LetterTo(kind) => {
                let to = clean_line(&self.get(FieldId::Recipient), MAX_LINE_CHARS).map_err(|err| {
                    CaseError::Text {
                        field: ("收信单位", "recipient"),
                        err,
                    }
                })?;
                if to.trim().is_empty() {
                    return Err(CaseError::Required(
                        "收信单位（公司或商家的名称）",
                        "recipient (the company's or merchant's name)",
                    ));
                }
                Ok(Submit::SaveLetter(LetterOrder {
                    kind: *kind,
                    to: Some(to.trim().to_string()),
                    with_id: Form::choice_of(&self.fields, FieldId::WithId) == Some(1),
                }))
            }
            FormKind::LetterSent { letter, started } => {
                let via = Form::choice_of(&self.fields, FieldId::SentVia)
                    .and_then(|i| SentVia::ALL.get(i))
                    .copied()
                    .unwrap_or(SentVia::Post);
                ReportDraft {
                    channel: letter.recipient.clone(),
                    at: self.get(FieldId::At),
                    letter: Some(SentLetterDraft {
                        kind: letter.kind.code().to_string(),
                        via: via.code().to_string(),
                        sha256: letter.sha256.clone(),
                    }),
                    ..Default::default()
                }
                .validate(started)
                .map(Submit::AddReport)
            }
        }
    }
}

/// The label of a field.
pub fn label(id: FieldId, s: &Strings) -> &'static str {
    match id {
        FieldId::Kind => s.f_kind,
        FieldId::At => s.f_at,
        FieldId::Counterpart => s.f_counterpart,
        FieldId::ToMine => s.f_to_mine,
        FieldId::Summary => s.f_summary,
        FieldId::Knew => s.f_knew,
        FieldId::Lost => s.f_lost,
        FieldId::ToAccount => s.f_to_account,
        FieldId::ToName => s.f_to_name,
        FieldId::ToBank => s.f_to_bank,
        FieldId::PaidAt => s.f_paid_at,
        FieldId::Txn => s.f_txn,
        FieldId::PaidVia => s.f_paid_via,
        FieldId::Reason => s.f_reason,
        FieldId::Path => s.f_path,
        FieldId::Name => s.p_name,
        FieldId::IdNumber => s.p_id,
        FieldId::Sex => s.p_sex,
        FieldId::Birth => s.p_birth,
        FieldId::Phones => s.p_phones,
        FieldId::Emails => s.p_emails,
        FieldId::Address => s.p_address,
        FieldId::OwnAccounts => s.p_accounts,
        FieldId::Suspect => s.p_suspect,
        FieldId::SuspectWhy => s.p_suspect_why,
        FieldId::SuspectAddress => s.p_suspect_address,
        FieldId::ChannelPick => s.f_channel_pick,
        FieldId::Channel => s.f_channel,
        FieldId::How => s.f_how,
        FieldId::Status => s.f_status,
        FieldId::Receipt => s.f_receipt,
        FieldId::Officer => s.f_officer,
        FieldId::FollowUp => s.f_follow_up,
        FieldId::NoticeDate => s.f_notice_date,
        FieldId::Note => s.f_note,
        FieldId::Who => s.f_who,
        FieldId::Via => s.f_via,
        FieldId::Lawyer => s.f_lawyer,
        FieldId::Firm => s.f_firm,
        FieldId::Narrative => s.f_narrative,
        FieldId::Agency => s.f_agency,
        FieldId::Redact => s.f_redact,
        FieldId::MaskName => s.f_mask_name,
        FieldId::PacketLang => s.f_packet_lang,
        FieldId::Recipient => s.f_recipient,
        FieldId::SentVia => s.f_sent_via,
        FieldId::WithId => s.f_with_id,
    }
}
