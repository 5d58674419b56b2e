//! The records of steps 3 and 4 — warned contacts (W1 …) and consultations (L1 …) — are
//! corrected and withdrawn the same way: by a new event that names the record, never by
//! changing it. [`Amendable`] is what differs between the two (where the record is found, the
//! events that change it, the command group that lists it); the rest is written once, in
//! `Case::correct_record` / `Case::retract_record` and the command line's `correct` arms.

use super::event::EventBody;
use super::record_id::{ConsultationId, WarningId};
use super::state::CaseState;
use super::steps::{ConsultationFields, ConsultationPatch, WarningFields, WarningPatch};

/// A correction of a step 3-4 record: what the shared code needs to know about its kind.
pub trait Amendable: Sized {
    /// The record's fields as they stand.
    type Fields;
    /// The command group that lists these records (`warn`, `lawyer`), for the message after
    /// a change ("leakaid warn list shows the history").
    const GROUP: &'static str;

    /// The record's id (`WarningId`, `ConsultationId`).
    type Id: Clone + std::fmt::Display + std::ops::Deref<Target = str>;
    /// The record `id` (any case, spaces around ignored) with its id as recorded.
    fn find<'s>(state: &'s CaseState, id: &str) -> Option<&'s (Self::Id, Self::Fields)>;
    /// True when the record `id` (as recorded) was withdrawn.
    fn is_retracted(state: &CaseState, id: &str) -> bool;
    /// The correction reduced to what really differs from `current`.
    fn against(&self, current: &Self::Fields) -> Self;
    /// True when the correction changes nothing.
    fn is_empty(&self) -> bool;
    /// The event that records the correction.
    fn corrected(id: Self::Id, changes: Self, reason: String) -> EventBody;
    /// The event that records the withdrawal.
    fn retracted(id: Self::Id, reason: String) -> EventBody;
}

impl Amendable for WarningPatch {
    type Fields = WarningFields;
    type Id = WarningId;
    const GROUP: &'static str = "warn";

    fn find<'s>(state: &'s CaseState, id: &str) -> Option<&'s (WarningId, WarningFields)> {
        state.warning(id)
    }
    fn is_retracted(state: &CaseState, id: &str) -> bool {
        state.warning_retracted(id)
    }
    fn against(&self, current: &WarningFields) -> WarningPatch {
        WarningPatch::against(self, current)
    }
    fn is_empty(&self) -> bool {
        WarningPatch::is_empty(self)
    }
    fn corrected(id: WarningId, changes: WarningPatch, reason: String) -> EventBody {
        EventBody::WarningCorrected { id, changes, reason }
    }
    fn retracted(id: WarningId, reason: String) -> EventBody {
        EventBody::WarningRetracted { id, reason }
    }
}

impl Amendable for ConsultationPatch {
    type Fields = ConsultationFields;
    type Id = ConsultationId;
    const GROUP: &'static str = "lawyer";

    fn find<'s>(state: &'s CaseState, id: &str) -> Option<&'s (ConsultationId, ConsultationFields)> {
        state.consultation(id)
    }
    fn is_retracted(state: &CaseState, id: &str) -> bool {
        state.consultation_retracted(id)
    }
    fn against(&self, current: &ConsultationFields) -> ConsultationPatch {
        ConsultationPatch::against(self, current)
    }
    fn is_empty(&self) -> bool {
        ConsultationPatch::is_empty(self)
    }
    fn corrected(id: ConsultationId, changes: ConsultationPatch, reason: String) -> EventBody {
        EventBody::ConsultationCorrected { id, changes, reason }
    }
    fn retracted(id: ConsultationId, reason: String) -> EventBody {
        EventBody::ConsultationRetracted { id, reason }
    }
}
