//! The case as it stands: state folded from the journal's events, in order.
//!
//! Folding never loses anything: a corrected entry keeps its original facts and every change
//! with its time, a retracted entry stays with its reason.

use std::collections::BTreeMap;

use serde::Serialize;

use super::counterparts::{CounterpartId, Counterparts};
use super::event::{Attachment, EntryId, EventBody, EvidenceFields, EvidencePatch, ProfilePatch};
use super::steps::{
    ConsultationFields, ConsultationPatch, RecordChange, RecordChangeKind, RecordHistory, WarningFields,
    WarningPatch, person_key,
};
use crate::case::Record;
use crate::case::record_id::{ConsultationId, ReportId, WarningId};
use crate::journal::Fingerprint;
use crate::moment::Moment;

/// The victim's details as they stand now.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Profile {
    /// Full name.
    pub name: String,
    /// ID-card number.
    pub id_number: String,
    /// Sex.
    pub sex: String,
    /// Date of birth.
    pub birth_date: String,
    /// My phone numbers.
    pub phones: Vec<String>,
    /// My email addresses.
    pub emails: Vec<String>,
    /// Home address.
    pub address: String,
    /// My own bank cards and accounts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub accounts: Vec<String>,
    /// The company, shop or platform suspected of the leak.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub suspect: String,
    /// Why it is suspected.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub suspect_why: String,
    /// The suspect's address.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub suspect_address: String,
}

impl Profile {
    fn apply(&mut self, p: &ProfilePatch) {
        let set = |dst: &mut String, v: &Option<String>| {
            if let Some(v) = v {
                dst.clone_from(v);
            }
        };
        set(&mut self.name, &p.name);
        set(&mut self.id_number, &p.id_number);
        set(&mut self.sex, &p.sex);
        set(&mut self.birth_date, &p.birth_date);
        set(&mut self.address, &p.address);
        set(&mut self.suspect, &p.suspect);
        set(&mut self.suspect_why, &p.suspect_why);
        set(&mut self.suspect_address, &p.suspect_address);
        if let Some(v) = &p.accounts {
            self.accounts.clone_from(v);
        }
        if let Some(v) = &p.phones {
            self.phones.clone_from(v);
        }
        if let Some(v) = &p.emails {
            self.emails.clone_from(v);
        }
    }

    /// True when nothing has been filled in yet.
    pub fn is_empty(&self) -> bool {
        self == &Profile::default()
    }
}

/// Something that happened to an entry after it was logged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum ChangeKind {
    /// Fields corrected.
    Corrected {
        /// What changed.
        changes: EvidencePatch,
        /// Why.
        reason: String,
    },
    /// A file added.
    AttachmentAdded {
        /// The file.
        attachment: Attachment,
    },
    /// Withdrawn.
    Retracted {
        /// Why.
        reason: String,
    },
}

/// One change in an entry's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The journal line that made it.
    pub seq: u64,
    /// When it was recorded.
    pub recorded_at: Moment,
    /// What it was.
    #[serde(flatten)]
    pub kind: ChangeKind,
}

/// A retraction: the entry stays, marked as withdrawn.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Retraction {
    /// When.
    pub recorded_at: Moment,
    /// Why.
    pub reason: String,
}

/// One evidence entry with its whole history.
///
/// Serialised with `original` written out in full after `current`, whether or not a
/// correction has set them apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// `E1`, `E2` …
    pub id: EntryId,
    /// The facts as they stand after all corrections.
    pub current: EvidenceFields,
    /// The facts as first logged, kept apart from `current` once a correction is folded in
    /// (until then they are `current`, held once); read them with [`Entry::original`].
    first: Option<Box<EvidenceFields>>,
    /// When it was logged.
    pub recorded_at: Moment,
    /// The journal line that logged it.
    pub seq: u64,
    /// Files stored with it, in the order they were added.
    pub attachments: Vec<Attachment>,
    /// Corrections, added files and a retraction, in order.
    pub history: Vec<Change>,
    /// Set when the entry was withdrawn. (Boxed: few entries are.)
    pub retracted: Option<Box<Retraction>>,
    /// The key of `current.counterpart` in the state's [`Counterparts`].
    counterpart: CounterpartId,
}

impl Serialize for Entry {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Entry", 8)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("current", &self.current)?;
        st.serialize_field("original", self.original())?;
        st.serialize_field("recorded_at", &self.recorded_at)?;
        st.serialize_field("seq", &self.seq)?;
        st.serialize_field("attachments", &self.attachments)?;
        st.serialize_field("history", &self.history)?;
        st.serialize_field("retracted", &self.retracted)?;
        st.end()
    }
}

impl Entry {
    /// The facts as first logged.
    pub fn original(&self) -> &EvidenceFields {
        self.first.as_deref().unwrap_or(&self.current)
    }

    /// The number of its counterpart's key in [`CaseState::counterparts`].
    pub fn counterpart_id(&self) -> CounterpartId {
        self.counterpart
    }

    /// True when the entry has been corrected at least once.
    pub fn is_corrected(&self) -> bool {
        self.history
            .iter()
            .any(|c| matches!(c.kind, ChangeKind::Corrected { .. }))
    }
}

/// A warned-contact record's history.
pub type WarningHistory = RecordHistory<WarningFields, WarningPatch>;

/// A consultation record's history.
pub type ConsultationHistory = RecordHistory<ConsultationFields, ConsultationPatch>;

/// Applies a correction or a withdrawal to the record `id` of `records`, keeping what it
/// first said in `history`. Events about unknown records change nothing.
fn change_record<I: Clone + Ord + std::ops::Deref<Target = str>, F: Clone, P: Clone>(
    records: &mut [(I, F)],
    history: &mut BTreeMap<I, RecordHistory<F, P>>,
    id: &I,
    r: &Record,
    kind: RecordChangeKind<P>,
    apply: impl Fn(&P, &F) -> F,
) {
    let Some((_, fields)) = records.iter_mut().find(|(i, _)| i == id) else {
        return;
    };
    let h = history
        .entry(id.clone())
        .or_insert_with(|| RecordHistory::new(fields.clone()));
    match &kind {
        RecordChangeKind::Corrected { changes, .. } => *fields = apply(changes, fields),
        RecordChangeKind::Retracted { reason } => {
            if h.retracted.is_some() {
                return;
            }
            h.retracted = Some(Retraction {
                recorded_at: r.ts,
                reason: reason.clone(),
            });
        }
    }
    h.changes.push(RecordChange {
        seq: r.seq,
        recorded_at: r.ts,
        kind,
    });
}

/// An immediate-action checklist item's state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tick {
    /// Done or not.
    pub done: bool,
    /// When it was last changed.
    pub at: Moment,
}

/// Fewer bytes than the shortest journal line that logs an entry (its fixed fields alone
/// take more).
const SHORTEST_ENTRY_LINE: u64 = 200;

/// Everything known about a case, folded from its journal.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CaseState {
    /// The victim's details.
    pub profile: Profile,
    /// Evidence entries in id order (`entries[0]` is `E1`).
    pub entries: Vec<Entry>,
    /// Checklist items by id.
    pub checklist: BTreeMap<String, Tick>,
    /// The user's own account for the packet, with when it was written.
    pub narrative: Option<(String, Moment)>,
    /// Reports to the authorities (step 2), in order.
    pub reports: Vec<super::steps::Report>,
    /// Contacts warned (step 3), in order, with their ids.
    pub warnings: Vec<(WarningId, super::steps::WarningFields)>,
    /// Lawyer consultations (step 4), in order, with their ids.
    pub consultations: Vec<(ConsultationId, super::steps::ConsultationFields)>,
    /// Warned-contact records corrected or withdrawn, by id: what they first said and what
    /// changed (`warnings` holds them as they stand now, withdrawn ones included).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub warning_history: BTreeMap<WarningId, WarningHistory>,
    /// Consultation records corrected or withdrawn, by id, like `warning_history`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub consultation_history: BTreeMap<ConsultationId, ConsultationHistory>,
    /// Journal lines folded so far and the head hash. Not serialised with the state: the JSON
    /// export prints it once, at the top, in the printed form `N:HEAD`.
    #[serde(skip_serializing)]
    pub fingerprint: Fingerprint,
    /// When the journal was started.
    pub started_at: Option<Moment>,
    /// The counterparts' keys, and how many live entries name each.
    #[serde(skip)]
    counterparts: Counterparts,
}

impl CaseState {
    /// The live entry that holds the saved email with this SHA-256 (as its email facts or as
    /// an attached file), if any.
    pub fn entry_with_email(&self, sha256: &str) -> Option<EntryId> {
        if sha256.is_empty() {
            return None;
        }
        self.live_entries()
            .find(|e| {
                e.current.email.as_ref().is_some_and(|m| m.sha256 == sha256)
                    || e.attachments.iter().any(|a| a.sha256 == sha256)
            })
            .map(|e| e.id)
    }

    /// Folds records in order into a new state.
    pub fn fold<'a>(records: impl IntoIterator<Item = &'a Record>) -> CaseState {
        let mut s = CaseState::default();
        for r in records {
            s.apply(r);
        }
        s
    }

    /// Applies one record. Events about unknown entries change nothing here (`verify`
    /// reports them); the fingerprint count always advances.
    pub fn apply(&mut self, r: &Record) {
        self.note_line(r.seq, r.ts);
        match &r.event {
            EventBody::EvidenceAdded {
                id,
                fields,
                attachments,
            } => self.add_entry(r.seq, r.ts, *id, fields.clone(), attachments.clone()),
            EventBody::EvidenceCorrected { id, changes, reason } => {
                let Some(e) = self.entry_index(*id) else {
                    return;
                };
                let entry = &mut self.entries[e];
                let after = changes.apply_to(&entry.current);
                let before = std::mem::replace(&mut entry.current, after);
                if entry.first.is_none() {
                    entry.first = Some(Box::new(before));
                }
                entry.history.push(Change {
                    seq: r.seq,
                    recorded_at: r.ts,
                    kind: ChangeKind::Corrected {
                        changes: changes.clone(),
                        reason: reason.clone(),
                    },
                });
                let (old, new) = (
                    entry.counterpart,
                    self.counterparts.id_of(&entry.current.counterpart),
                );
                entry.counterpart = new;
                if entry.retracted.is_none() && new != old {
                    self.counterparts.count_out(old);
                    self.counterparts.count_in(new);
                }
            }
            EventBody::EvidenceRetracted { id, reason } => {
                let Some(e) = self.entry_index(*id) else {
                    return;
                };
                let entry = &mut self.entries[e];
                if entry.retracted.is_some() {
                    return;
                }
                entry.retracted = Some(Box::new(Retraction {
                    recorded_at: r.ts,
                    reason: reason.clone(),
                }));
                entry.history.push(Change {
                    seq: r.seq,
                    recorded_at: r.ts,
                    kind: ChangeKind::Retracted {
                        reason: reason.clone(),
                    },
                });
                self.counterparts.count_out(entry.counterpart);
            }
            EventBody::AttachmentAdded { id, attachment } => {
                let Some(e) = self.entry_index(*id) else {
                    return;
                };
                let entry = &mut self.entries[e];
                entry.attachments.push(attachment.clone());
                entry.history.push(Change {
                    seq: r.seq,
                    recorded_at: r.ts,
                    kind: ChangeKind::AttachmentAdded {
                        attachment: attachment.clone(),
                    },
                });
            }
            EventBody::ProfileSet { changes } => self.profile.apply(changes),
            EventBody::ChecklistTicked { item, done } => {
                self.checklist.insert(
                    item.clone(),
                    Tick {
                        done: *done,
                        at: r.ts,
                    },
                );
            }
            EventBody::NarrativeSet { text } => self.narrative = Some((text.clone(), r.ts)),
            EventBody::ReportAdded { id, fields } => self.reports.push(super::steps::Report {
                id: id.clone(),
                current: fields.clone(),
                updates: Vec::new(),
                recorded_at: r.ts,
            }),
            EventBody::ReportUpdated { id, changes } => {
                if let Some(rep) = self.reports.iter_mut().find(|x| &x.id == id) {
                    rep.current = changes.apply_to(&rep.current);
                    rep.updates.push((r.ts, changes.clone()));
                }
            }
            EventBody::ContactWarned { id, fields } => self.warnings.push((id.clone(), fields.clone())),
            EventBody::LawyerConsulted { id, fields } => {
                self.consultations.push((id.clone(), fields.clone()))
            }
            EventBody::WarningCorrected { id, changes, reason } => change_record(
                &mut self.warnings,
                &mut self.warning_history,
                id,
                r,
                RecordChangeKind::Corrected {
                    changes: changes.clone(),
                    reason: reason.clone(),
                },
                WarningPatch::apply_to,
            ),
            EventBody::WarningRetracted { id, reason } => change_record(
                &mut self.warnings,
                &mut self.warning_history,
                id,
                r,
                RecordChangeKind::Retracted {
                    reason: reason.clone(),
                },
                WarningPatch::apply_to,
            ),
            EventBody::ConsultationCorrected { id, changes, reason } => change_record(
                &mut self.consultations,
                &mut self.consultation_history,
                id,
                r,
                RecordChangeKind::Corrected {
                    changes: changes.clone(),
                    reason: reason.clone(),
                },
                ConsultationPatch::apply_to,
            ),
            EventBody::ConsultationRetracted { id, reason } => change_record(
                &mut self.consultations,
                &mut self.consultation_history,
                id,
                r,
                RecordChangeKind::Retracted {
                    reason: reason.clone(),
                },
                ConsultationPatch::apply_to,
            ),
        }
    }

    /// Makes room for the entries `bytes` more of journal can hold at most, so a large case
    /// is read without its entries being copied as the list grows. Room not used costs
    /// address space only: the memory is not touched.
    pub fn expect_journal_bytes(&mut self, bytes: u64) {
        let most = usize::try_from(bytes / SHORTEST_ENTRY_LINE).unwrap_or(0);
        self.entries.reserve(most);
    }

    /// Like [`CaseState::apply`], taking the record: the usual event, a new entry, is moved
    /// into the state instead of copied (loading a large case reads every line this way).
    pub fn apply_owned(&mut self, r: Record) {
        match r.event {
            EventBody::EvidenceAdded {
                id,
                fields,
                attachments,
            } => {
                self.note_line(r.seq, r.ts);
                self.add_entry(r.seq, r.ts, id, fields, attachments);
            }
            _ => self.apply(&r),
        }
    }

    fn note_line(&mut self, seq: u64, ts: Moment) {
        self.fingerprint.count = seq.saturating_add(1);
        if self.started_at.is_none() {
            self.started_at = Some(ts);
        }
    }

    fn add_entry(
        &mut self,
        seq: u64,
        ts: Moment,
        id: EntryId,
        fields: EvidenceFields,
        attachments: Vec<Attachment>,
    ) {
        if id.0 as usize != self.entries.len() + 1 {
            return;
        }
        let counterpart = self.counterparts.id_of(&fields.counterpart);
        self.counterparts.count_in(counterpart);
        self.entries.push(Entry {
            id,
            first: None,
            current: fields,
            recorded_at: ts,
            seq,
            attachments,
            history: Vec::new(),
            retracted: None,
            counterpart,
        });
    }

    fn entry_index(&self, id: EntryId) -> Option<usize> {
        let i = (id.0 as usize).checked_sub(1)?;
        (i < self.entries.len()).then_some(i)
    }

    /// The entry with this id.
    pub fn entry(&self, id: EntryId) -> Option<&Entry> {
        self.entry_index(id).map(|i| &self.entries[i])
    }

    /// The id the next logged entry gets.
    pub fn next_id(&self) -> EntryId {
        EntryId(self.entries.len() as u32 + 1)
    }

    /// Entries not retracted.
    pub fn live_entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.retracted.is_none())
    }

    /// How many live entries share this counterpart (compared after normalising numbers).
    pub fn counterpart_count(&self, counterpart: &str) -> usize {
        self.counterparts
            .find(counterpart)
            .map_or(0, |id| self.counterparts.live(id))
    }

    /// How many live entries share the entry's counterpart as it stands now (the entry
    /// itself included when it is live).
    pub fn same_counterpart_count(&self, e: &Entry) -> usize {
        self.counterparts.live(e.counterpart_id())
    }

    /// Every counterpart key met, with how many live entries name each.
    pub fn counterparts(&self) -> &Counterparts {
        &self.counterparts
    }

    /// The report with this id (`R1` …, any case).
    pub fn report(&self, id: &str) -> Option<&super::steps::Report> {
        self.reports.iter().find(|r| r.id.is(id))
    }

    /// The id the next report gets.
    pub fn next_report_id(&self) -> ReportId {
        ReportId::nth(self.reports.len() + 1)
    }

    /// The id the next warned-contact record gets.
    pub fn next_warning_id(&self) -> WarningId {
        WarningId::nth(self.warnings.len() + 1)
    }

    /// The id the next consultation record gets.
    pub fn next_consultation_id(&self) -> ConsultationId {
        ConsultationId::nth(self.consultations.len() + 1)
    }

    /// The warned-contact record with this id (`W1` …, any case).
    pub fn warning(&self, id: &str) -> Option<&(WarningId, WarningFields)> {
        self.warnings.iter().find(|(i, _)| i.is(id))
    }

    /// The consultation record with this id (`L1` …, any case).
    pub fn consultation(&self, id: &str) -> Option<&(ConsultationId, ConsultationFields)> {
        self.consultations.iter().find(|(i, _)| i.is(id))
    }

    /// True when the warned-contact record `id` was withdrawn.
    pub fn warning_retracted(&self, id: &str) -> bool {
        self.warning_history
            .get(id)
            .is_some_and(|h| h.retracted.is_some())
    }

    /// True when the consultation record `id` was withdrawn.
    pub fn consultation_retracted(&self, id: &str) -> bool {
        self.consultation_history
            .get(id)
            .is_some_and(|h| h.retracted.is_some())
    }

    /// Warned-contact records not withdrawn, in order.
    pub fn live_warnings(&self) -> impl Iterator<Item = &(WarningId, WarningFields)> {
        self.warnings.iter().filter(|(id, _)| !self.warning_retracted(id))
    }

    /// Consultation records not withdrawn, in order.
    pub fn live_consultations(&self) -> impl Iterator<Item = &(ConsultationId, ConsultationFields)> {
        self.consultations
            .iter()
            .filter(|(id, _)| !self.consultation_retracted(id))
    }

    /// How many people were warned: distinct contacts among the records not withdrawn (the
    /// same person warned twice, or written "妈妈" once and "妈妈 " again, counts once).
    pub fn people_warned(&self) -> usize {
        self.live_warnings()
            .map(|(_, w)| person_key(&w.who))
            .collect::<std::collections::HashSet<_>>()
            .len()
    }

    /// True when the checklist item is ticked.
    pub fn is_ticked(&self, item: &str) -> bool {
        self.checklist.get(item).is_some_and(|t| t.done)
    }
}
