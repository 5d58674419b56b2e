//! Reading an [`EventBody`] in one pass.
//!
//! `EventBody` is written by serde's derive as an internally tagged map
//! (`{"type":"evidence_added","id":"E1","kind":"call",…}`) with some variants' fields
//! flattened into it. The derived reader for that shape buffers every event into serde's
//! generic `Content` tree and reads it a second time, which dominated loading a large
//! journal. This reader accepts exactly what the derived one accepts and builds the same
//! values, reading the map once:
//!
//! - `type` first (how every journal line is written): each later key is read straight into
//!   a typed slot when the variant has such a field, and skipped (whatever its value) when it
//!   does not, as the derive skips unknown keys;
//! - `type` later or absent (a hand-edited line): the keys before it are kept as
//!   `serde_json::Value`s and replayed after it, through the same code.
//!
//! Errors are those of the derive: `missing field`, `duplicate field`, `unknown variant`.
//! The one shape the derive took that this does not is a JSON array (`["narrative_set",
//! "text"]`), which serde accepts for internally tagged enums but nothing here ever wrote.

use std::collections::BTreeSet;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::event::{
    Attachment, EntryId, EventBody, EvidenceFields, EvidenceKind, EvidencePatch, Fen, Knew, ProfilePatch,
    Transfer,
};
use super::sent::SentLetter;
use super::steps::{
    ConsultationFields, ConsultationPatch, ReportFields, ReportPatch, ReportStatus, WarningFields,
    WarningPatch,
};
use crate::evidence::email::EmailFacts;
use crate::evidence::phone_backup::PhoneOrigin;
use crate::moment::Moment;

/// The value of `type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(variant_identifier, rename_all = "snake_case")]
enum Tag {
    EvidenceAdded,
    EvidenceCorrected,
    EvidenceRetracted,
    AttachmentAdded,
    ProfileSet,
    ChecklistTicked,
    ReportAdded,
    ReportUpdated,
    ContactWarned,
    LawyerConsulted,
    NarrativeSet,
    WarningCorrected,
    WarningRetracted,
    ConsultationCorrected,
    ConsultationRetracted,
}

/// Every key any variant has; anything else is `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum Key {
    Type,
    Id,
    Kind,
    OccurredAt,
    Counterpart,
    ToMine,
    Summary,
    Knew,
    Lost,
    Transfer,
    Attachments,
    Changes,
    Reason,
    Attachment,
    Name,
    IdNumber,
    Sex,
    BirthDate,
    Phones,
    Emails,
    Address,
    Accounts,
    Suspect,
    SuspectWhy,
    SuspectAddress,
    Item,
    Done,
    Channel,
    FiledAt,
    How,
    Receipt,
    Officer,
    Status,
    NoticeDate,
    FollowUp,
    Note,
    Who,
    Via,
    WarnedAt,
    Lawyer,
    Firm,
    ConsultedAt,
    Text,
    Email,
    Letter,
    Phone,
    Number,
    KeptAt,
    #[serde(other)]
    Other,
}

impl Key {
    /// The key as written (`Other` is never replayed, so its name does not matter).
    fn name(self) -> &'static str {
        match self {
            Key::Type => "type",
            Key::Id => "id",
            Key::Kind => "kind",
            Key::OccurredAt => "occurred_at",
            Key::Counterpart => "counterpart",
            Key::ToMine => "to_mine",
            Key::Summary => "summary",
            Key::Knew => "knew",
            Key::Lost => "lost",
            Key::Transfer => "transfer",
            Key::Attachments => "attachments",
            Key::Changes => "changes",
            Key::Reason => "reason",
            Key::Attachment => "attachment",
            Key::Name => "name",
            Key::IdNumber => "id_number",
            Key::Sex => "sex",
            Key::BirthDate => "birth_date",
            Key::Phones => "phones",
            Key::Emails => "emails",
            Key::Address => "address",
            Key::Accounts => "accounts",
            Key::Suspect => "suspect",
            Key::SuspectWhy => "suspect_why",
            Key::SuspectAddress => "suspect_address",
            Key::Item => "item",
            Key::Done => "done",
            Key::Channel => "channel",
            Key::FiledAt => "filed_at",
            Key::How => "how",
            Key::Receipt => "receipt",
            Key::Officer => "officer",
            Key::Status => "status",
            Key::NoticeDate => "notice_date",
            Key::FollowUp => "follow_up",
            Key::Note => "note",
            Key::Who => "who",
            Key::Via => "via",
            Key::WarnedAt => "warned_at",
            Key::Lawyer => "lawyer",
            Key::Firm => "firm",
            Key::ConsultedAt => "consulted_at",
            Key::Text => "text",
            Key::Email => "email",
            Key::Letter => "letter",
            Key::Phone => "phone",
            Key::Number => "number",
            Key::KeptAt => "kept_at",
            Key::Other => "",
        }
    }
}

/// What the keys after `type` filled in.
#[derive(Default)]
struct Slots {
    entry_id: Option<EntryId>,
    str_id: Option<String>,
    kind: Option<EvidenceKind>,
    occurred_at: Option<Moment>,
    counterpart: Option<String>,
    to_mine: Option<String>,
    summary: Option<String>,
    knew: Option<BTreeSet<Knew>>,
    lost: Option<Option<Fen>>,
    transfer: Option<Option<Box<Transfer>>>,
    email: Option<Option<Box<EmailFacts>>>,
    phone: Option<Option<Box<PhoneOrigin>>>,
    number: Option<String>,
    kept_at: Option<String>,
    attachments: Option<Vec<Attachment>>,
    evidence_changes: Option<EvidencePatch>,
    report_changes: Option<ReportPatch>,
    warning_changes: Option<WarningPatch>,
    consultation_changes: Option<ConsultationPatch>,
    reason: Option<String>,
    attachment: Option<Attachment>,
    name: Option<Option<String>>,
    id_number: Option<Option<String>>,
    sex: Option<Option<String>>,
    birth_date: Option<Option<String>>,
    phones: Option<Option<Vec<String>>>,
    emails: Option<Option<Vec<String>>>,
    address: Option<Option<String>>,
    accounts: Option<Option<Vec<String>>>,
    suspect: Option<Option<String>>,
    suspect_why: Option<Option<String>>,
    suspect_address: Option<Option<String>>,
    item: Option<String>,
    done: Option<bool>,
    channel: Option<String>,
    filed_at: Option<Moment>,
    how: Option<String>,
    receipt: Option<String>,
    officer: Option<String>,
    status: Option<ReportStatus>,
    notice_date: Option<jiff::civil::Date>,
    follow_up: Option<jiff::civil::Date>,
    note: Option<String>,
    who: Option<String>,
    via: Option<String>,
    warned_at: Option<Moment>,
    lawyer: Option<String>,
    firm: Option<String>,
    consulted_at: Option<Moment>,
    text: Option<String>,
    letter: Option<Option<SentLetter>>,
}

/// Reads the next value into `slot`; a second value for the same key is an error, as in the
/// derive.
fn fill<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    key: Key,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(key.name()));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

fn required<T, E: de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}

/// Reads the keys after `type` from `map` and builds the `tag` variant.
fn finish<'de, A: MapAccess<'de>>(tag: Tag, mut map: A) -> Result<EventBody, A::Error> {
    use Tag as T;
    let mut s = Slots::default();
    while let Some(key) = map.next_key::<Key>()? {
        let m = &mut map;
        match (key, tag) {
            (Key::Type, _) => return Err(de::Error::duplicate_field("type")),
            (
                Key::Id,
                T::EvidenceAdded | T::EvidenceCorrected | T::EvidenceRetracted | T::AttachmentAdded,
            ) => fill(m, &mut s.entry_id, key)?,
            (
                Key::Id,
                T::ReportAdded
                | T::ReportUpdated
                | T::ContactWarned
                | T::LawyerConsulted
                | T::WarningCorrected
                | T::WarningRetracted
                | T::ConsultationCorrected
                | T::ConsultationRetracted,
            ) => fill(m, &mut s.str_id, key)?,
            (Key::Kind, T::EvidenceAdded) => fill(m, &mut s.kind, key)?,
            (Key::OccurredAt, T::EvidenceAdded) => fill(m, &mut s.occurred_at, key)?,
            (Key::Counterpart, T::EvidenceAdded) => fill(m, &mut s.counterpart, key)?,
            (Key::ToMine, T::EvidenceAdded) => fill(m, &mut s.to_mine, key)?,
            (Key::Summary, T::EvidenceAdded) => fill(m, &mut s.summary, key)?,
            (Key::Knew, T::EvidenceAdded) => fill(m, &mut s.knew, key)?,
            (Key::Lost, T::EvidenceAdded) => fill(m, &mut s.lost, key)?,
            (Key::Transfer, T::EvidenceAdded) => fill(m, &mut s.transfer, key)?,
            (Key::Email, T::EvidenceAdded) => fill(m, &mut s.email, key)?,
            (Key::Phone, T::EvidenceAdded) => fill(m, &mut s.phone, key)?,
            (Key::KeptAt, T::EvidenceAdded) => fill(m, &mut s.kept_at, key)?,
            (Key::Attachments, T::EvidenceAdded) => fill(m, &mut s.attachments, key)?,
            (Key::Changes, T::EvidenceCorrected) => fill(m, &mut s.evidence_changes, key)?,
            (Key::Changes, T::ReportUpdated) => fill(m, &mut s.report_changes, key)?,
            (Key::Changes, T::WarningCorrected) => fill(m, &mut s.warning_changes, key)?,
            (Key::Changes, T::ConsultationCorrected) => fill(m, &mut s.consultation_changes, key)?,
            (
                Key::Reason,
                T::EvidenceCorrected
                | T::EvidenceRetracted
                | T::WarningCorrected
                | T::WarningRetracted
                | T::ConsultationCorrected
                | T::ConsultationRetracted,
            ) => fill(m, &mut s.reason, key)?,
            (Key::Attachment, T::AttachmentAdded) => fill(m, &mut s.attachment, key)?,
            (Key::Name, T::ProfileSet) => fill(m, &mut s.name, key)?,
            (Key::IdNumber, T::ProfileSet) => fill(m, &mut s.id_number, key)?,
            (Key::Sex, T::ProfileSet) => fill(m, &mut s.sex, key)?,
            (Key::BirthDate, T::ProfileSet) => fill(m, &mut s.birth_date, key)?,
            (Key::Phones, T::ProfileSet) => fill(m, &mut s.phones, key)?,
            (Key::Emails, T::ProfileSet) => fill(m, &mut s.emails, key)?,
            (Key::Address, T::ProfileSet) => fill(m, &mut s.address, key)?,
            (Key::Accounts, T::ProfileSet) => fill(m, &mut s.accounts, key)?,
            (Key::Suspect, T::ProfileSet) => fill(m, &mut s.suspect, key)?,
            (Key::SuspectWhy, T::ProfileSet) => fill(m, &mut s.suspect_why, key)?,
            (Key::SuspectAddress, T::ProfileSet) => fill(m, &mut s.suspect_address, key)?,
            (Key::Item, T::ChecklistTicked) => fill(m, &mut s.item, key)?,
            (Key::Done, T::ChecklistTicked) => fill(m, &mut s.done, key)?,
            (Key::Channel, T::ReportAdded) => fill(m, &mut s.channel, key)?,
            (Key::FiledAt, T::ReportAdded) => fill(m, &mut s.filed_at, key)?,
            (Key::How, T::ReportAdded) => fill(m, &mut s.how, key)?,
            (Key::Receipt, T::ReportAdded) => fill(m, &mut s.receipt, key)?,
            (Key::Officer, T::ReportAdded) => fill(m, &mut s.officer, key)?,
            (Key::Status, T::ReportAdded) => fill(m, &mut s.status, key)?,
            (Key::NoticeDate, T::ReportAdded) => fill(m, &mut s.notice_date, key)?,
            (Key::FollowUp, T::ReportAdded) => fill(m, &mut s.follow_up, key)?,
            (Key::Letter, T::ReportAdded) => fill(m, &mut s.letter, key)?,
            (Key::Note, T::ReportAdded | T::ContactWarned | T::LawyerConsulted) => fill(m, &mut s.note, key)?,
            (Key::Who, T::ContactWarned) => fill(m, &mut s.who, key)?,
            (Key::Via, T::ContactWarned) => fill(m, &mut s.via, key)?,
            (Key::WarnedAt, T::ContactWarned) => fill(m, &mut s.warned_at, key)?,
            (Key::Number, T::ContactWarned) => fill(m, &mut s.number, key)?,
            (Key::Lawyer, T::LawyerConsulted) => fill(m, &mut s.lawyer, key)?,
            (Key::Firm, T::LawyerConsulted) => fill(m, &mut s.firm, key)?,
            (Key::ConsultedAt, T::LawyerConsulted) => fill(m, &mut s.consulted_at, key)?,
            (Key::Text, T::NarrativeSet) => fill(m, &mut s.text, key)?,
            // Not a field of this variant: skipped, as the derive skips unknown keys.
            _ => {
                m.next_value::<IgnoredAny>()?;
            }
        }
    }
    build(tag, s)
}

fn build<E: de::Error>(tag: Tag, s: Slots) -> Result<EventBody, E> {
    Ok(match tag {
        Tag::EvidenceAdded => EventBody::EvidenceAdded {
            id: required(s.entry_id, "id")?,
            fields: EvidenceFields {
                kind: required(s.kind, "kind")?,
                occurred_at: required(s.occurred_at, "occurred_at")?,
                counterpart: s.counterpart.unwrap_or_default(),
                to_mine: s.to_mine.unwrap_or_default(),
                summary: s.summary.unwrap_or_default(),
                knew: s.knew.unwrap_or_default(),
                lost: s.lost.flatten(),
                transfer: s.transfer.flatten(),
                email: s.email.flatten(),
                phone: s.phone.flatten(),
                kept_at: s.kept_at.unwrap_or_default(),
            },
            attachments: s.attachments.unwrap_or_default(),
        },
        Tag::EvidenceCorrected => EventBody::EvidenceCorrected {
            id: required(s.entry_id, "id")?,
            changes: required(s.evidence_changes, "changes")?,
            reason: s.reason.unwrap_or_default(),
        },
        Tag::EvidenceRetracted => EventBody::EvidenceRetracted {
            id: required(s.entry_id, "id")?,
            reason: required(s.reason, "reason")?,
        },
        Tag::AttachmentAdded => EventBody::AttachmentAdded {
            id: required(s.entry_id, "id")?,
            attachment: required(s.attachment, "attachment")?,
        },
        Tag::ProfileSet => EventBody::ProfileSet {
            changes: ProfilePatch {
                name: s.name.flatten(),
                id_number: s.id_number.flatten(),
                sex: s.sex.flatten(),
                birth_date: s.birth_date.flatten(),
                phones: s.phones.flatten(),
                emails: s.emails.flatten(),
                address: s.address.flatten(),
                accounts: s.accounts.flatten(),
                suspect: s.suspect.flatten(),
                suspect_why: s.suspect_why.flatten(),
                suspect_address: s.suspect_address.flatten(),
            },
        },
        Tag::ChecklistTicked => EventBody::ChecklistTicked {
            item: required(s.item, "item")?,
            done: required(s.done, "done")?,
        },
        Tag::ReportAdded => EventBody::ReportAdded {
            id: required(s.str_id, "id")?.into(),
            fields: ReportFields {
                channel: required(s.channel, "channel")?.into(),
                filed_at: required(s.filed_at, "filed_at")?,
                how: s.how.unwrap_or_default(),
                receipt: s.receipt.unwrap_or_default(),
                officer: s.officer.unwrap_or_default(),
                status: required(s.status, "status")?,
                notice_date: s.notice_date,
                follow_up: s.follow_up,
                note: s.note.unwrap_or_default(),
                letter: s.letter.flatten(),
            },
        },
        Tag::ReportUpdated => EventBody::ReportUpdated {
            id: required(s.str_id, "id")?.into(),
            changes: required(s.report_changes, "changes")?,
        },
        Tag::ContactWarned => EventBody::ContactWarned {
            id: required(s.str_id, "id")?.into(),
            fields: WarningFields {
                who: required(s.who, "who")?,
                via: s.via.unwrap_or_default(),
                warned_at: required(s.warned_at, "warned_at")?,
                number: s.number.unwrap_or_default(),
                note: s.note.unwrap_or_default(),
            },
        },
        Tag::LawyerConsulted => EventBody::LawyerConsulted {
            id: required(s.str_id, "id")?.into(),
            fields: ConsultationFields {
                lawyer: required(s.lawyer, "lawyer")?,
                firm: s.firm.unwrap_or_default(),
                consulted_at: required(s.consulted_at, "consulted_at")?,
                note: s.note.unwrap_or_default(),
            },
        },
        Tag::NarrativeSet => EventBody::NarrativeSet {
            text: required(s.text, "text")?,
        },
        Tag::WarningCorrected => EventBody::WarningCorrected {
            id: required(s.str_id, "id")?.into(),
            changes: required(s.warning_changes, "changes")?,
            reason: s.reason.unwrap_or_default(),
        },
        Tag::WarningRetracted => EventBody::WarningRetracted {
            id: required(s.str_id, "id")?.into(),
            reason: required(s.reason, "reason")?,
        },
        Tag::ConsultationCorrected => EventBody::ConsultationCorrected {
            id: required(s.str_id, "id")?.into(),
            changes: required(s.consultation_changes, "changes")?,
            reason: s.reason.unwrap_or_default(),
        },
        Tag::ConsultationRetracted => EventBody::ConsultationRetracted {
            id: required(s.str_id, "id")?.into(),
            reason: required(s.reason, "reason")?,
        },
    })
}

/// The keys met before `type`, handed to [`finish`] again once the variant is known.
struct Replay<E> {
    entries: std::vec::IntoIter<(Key, serde_json::Value)>,
    value: Option<serde_json::Value>,
    error: PhantomData<E>,
}

impl<'de, E: de::Error> MapAccess<'de> for Replay<E> {
    type Error = E;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, E> {
        match self.entries.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(BorrowedStrDeserializer::<E>::new(key.name()))
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, E> {
        let value = self
            .value
            .take()
            .ok_or_else(|| E::custom("a value asked for before its key"))?;
        seed.deserialize(value).map_err(E::custom)
    }
}

struct EventVisitor;

impl<'de> Visitor<'de> for EventVisitor {
    type Value = EventBody;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("internally tagged enum EventBody")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<EventBody, A::Error> {
        let first = map.next_key::<Key>()?;
        if first == Some(Key::Type) {
            let tag = map.next_value::<Tag>()?;
            return finish(tag, map);
        }
        // `type` is not first: keep what comes before it (and after) until it is known.
        let mut tag = None;
        let mut kept = Vec::new();
        let mut key = first;
        while let Some(k) = key {
            match k {
                Key::Type if tag.is_some() => return Err(de::Error::duplicate_field("type")),
                Key::Type => tag = Some(map.next_value::<Tag>()?),
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
                k => kept.push((k, map.next_value::<serde_json::Value>()?)),
            }
            key = map.next_key::<Key>()?;
        }
        let tag = required(tag, "type")?;
        finish(
            tag,
            Replay {
                entries: kept.into_iter(),
                value: None,
                error: PhantomData,
            },
        )
    }
}

impl<'de> Deserialize<'de> for EventBody {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<EventBody, D::Error> {
        d.deserialize_map(EventVisitor)
    }
}

#[cfg(test)]
mod tests;
