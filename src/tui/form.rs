//! The forms' state: which fields a form has, what was typed, which field has focus, and how
//! the typed values become the case's drafts. Validation is the case's own (`*Draft::validate`).

use std::collections::BTreeSet;
use std::path::PathBuf;

use jiff::ZonedDateTime;

use crate::case::text::{MAX_LINE_CHARS, MAX_TEXT_CHARS};
use crate::case::{
    CaseError, CorrectionDraft, EntryId, EvidenceDraft, EvidenceFields, EvidenceKind, EvidencePatch, Knew,
    Profile, ProfileDraft, ProfilePatch,
};
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
}

/// The input of one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Typed text.
    Text(TextField),
    /// One evidence kind (index into `EvidenceKind::ALL`).
    Kind(usize),
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
    /// The victim's details.
    Profile,
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
}

fn text(id: FieldId, multiline: bool, value: &str) -> Field {
    let cap = if multiline { MAX_TEXT_CHARS } else { MAX_LINE_CHARS };
    Field {
        id,
        input: Input::Text(TextField::with_text(multiline, cap, value)),
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
        }
    }

    /// A new entry of `kind` whose time defaults to `started`; focus on the counterpart.
    pub fn new_entry(kind: EvidenceKind, started: ZonedDateTime) -> Form {
        let fields = vec![
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
        Form::build(FormKind::New { started }, fields, 1)
    }

    /// A correction form filled with the entry's current facts.
    pub fn correct(id: EntryId, cur: &EvidenceFields, started: ZonedDateTime) -> Form {
        let fields = vec![
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
            text(FieldId::At, false, &cur.occurred_at.short()),
            text(FieldId::ToMine, false, &cur.to_mine),
            text(
                FieldId::Lost,
                false,
                &cur.lost.map(|f| f.to_string()).unwrap_or_default(),
            ),
            text(FieldId::Reason, true, ""),
        ];
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
        ];
        Form::build(FormKind::Profile, fields, 0)
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

    /// Moves focus forward or back, wrapping.
    pub fn move_focus(&mut self, forward: bool) {
        let n = self.fields.len().max(1);
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
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
    /// Set profile fields.
    Profile(ProfilePatch),
}

impl Form {
    /// Validates what was typed with the case's drafts.
    pub fn submit(&self) -> Result<Submit, CaseError> {
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
            FormKind::Profile => {
                let patch = self.profile_draft().validate()?;
                if patch.is_empty() {
                    return Err(CaseError::NothingToChange);
                }
                Ok(Submit::Profile(patch))
            }
        }
    }
}
