//! The single-pass reader against the derive it replaced: `Legacy` below is `EventBody` as
//! it was declared before (same attributes, derived both ways). Every value must write the
//! same bytes through both, and every map, in any order, with keys missing, repeated or
//! foreign, must read the same through both (or fail through both).

use std::collections::BTreeSet;

use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Key;
use crate::case::Record;
use crate::case::event::{
    Attachment, EntryId, EventBody, EvidenceFields, EvidenceKind, EvidencePatch, Fen, Knew, ProfilePatch,
    Transfer,
};
use crate::case::sent::{SentLetter, SentVia};
use crate::case::steps::{
    ConsultationFields, ConsultationPatch, ReportFields, ReportPatch, ReportStatus, WarningFields,
    WarningPatch,
};
use crate::moment::Moment;

/// `EventBody` as declared before the hand-written reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Legacy {
    EvidenceAdded {
        id: EntryId,
        #[serde(flatten)]
        fields: EvidenceFields,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        attachments: Vec<Attachment>,
    },
    EvidenceCorrected {
        id: EntryId,
        changes: EvidencePatch,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        reason: String,
    },
    EvidenceRetracted {
        id: EntryId,
        reason: String,
    },
    AttachmentAdded {
        id: EntryId,
        attachment: Attachment,
    },
    ProfileSet {
        #[serde(flatten)]
        changes: ProfilePatch,
    },
    ChecklistTicked {
        item: String,
        done: bool,
    },
    ReportAdded {
        id: String,
        #[serde(flatten)]
        fields: ReportFields,
    },
    ReportUpdated {
        id: String,
        changes: ReportPatch,
    },
    ContactWarned {
        id: String,
        #[serde(flatten)]
        fields: WarningFields,
    },
    LawyerConsulted {
        id: String,
        #[serde(flatten)]
        fields: ConsultationFields,
    },
    NarrativeSet {
        text: String,
    },
    WarningCorrected {
        id: String,
        changes: WarningPatch,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        reason: String,
    },
    WarningRetracted {
        id: String,
        reason: String,
    },
    ConsultationCorrected {
        id: String,
        changes: ConsultationPatch,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        reason: String,
    },
    ConsultationRetracted {
        id: String,
        reason: String,
    },
}

impl From<Legacy> for EventBody {
    fn from(l: Legacy) -> EventBody {
        match l {
            Legacy::EvidenceAdded {
                id,
                fields,
                attachments,
            } => EventBody::EvidenceAdded {
                id,
                fields,
                attachments,
            },
            Legacy::EvidenceCorrected { id, changes, reason } => {
                EventBody::EvidenceCorrected { id, changes, reason }
            }
            Legacy::EvidenceRetracted { id, reason } => EventBody::EvidenceRetracted { id, reason },
            Legacy::AttachmentAdded { id, attachment } => EventBody::AttachmentAdded { id, attachment },
            Legacy::ProfileSet { changes } => EventBody::ProfileSet { changes },
            Legacy::ChecklistTicked { item, done } => EventBody::ChecklistTicked { item, done },
            Legacy::ReportAdded { id, fields } => EventBody::ReportAdded {
                id: id.into(),
                fields,
            },
            Legacy::ReportUpdated { id, changes } => EventBody::ReportUpdated {
                id: id.into(),
                changes,
            },
            Legacy::ContactWarned { id, fields } => EventBody::ContactWarned {
                id: id.into(),
                fields,
            },
            Legacy::LawyerConsulted { id, fields } => EventBody::LawyerConsulted {
                id: id.into(),
                fields,
            },
            Legacy::NarrativeSet { text } => EventBody::NarrativeSet { text },
            Legacy::WarningCorrected { id, changes, reason } => EventBody::WarningCorrected {
                id: id.into(),
                changes,
                reason,
            },
            Legacy::WarningRetracted { id, reason } => EventBody::WarningRetracted {
                id: id.into(),
                reason,
            },
            Legacy::ConsultationCorrected { id, changes, reason } => EventBody::ConsultationCorrected {
                id: id.into(),
                changes,
                reason,
            },
            Legacy::ConsultationRetracted { id, reason } => EventBody::ConsultationRetracted {
                id: id.into(),
                reason,
            },
        }
    }
}

impl From<EventBody> for Legacy {
    fn from(e: EventBody) -> Legacy {
        match e {
            EventBody::EvidenceAdded {
                id,
                fields,
                attachments,
            } => Legacy::EvidenceAdded {
                id,
                fields,
                attachments,
            },
            EventBody::EvidenceCorrected { id, changes, reason } => {
                Legacy::EvidenceCorrected { id, changes, reason }
            }
            EventBody::EvidenceRetracted { id, reason } => Legacy::EvidenceRetracted { id, reason },
            EventBody::AttachmentAdded { id, attachment } => Legacy::AttachmentAdded { id, attachment },
            EventBody::ProfileSet { changes } => Legacy::ProfileSet { changes },
            EventBody::ChecklistTicked { item, done } => Legacy::ChecklistTicked { item, done },
            EventBody::ReportAdded { id, fields } => Legacy::ReportAdded {
                id: id.to_string(),
                fields,
            },
            EventBody::ReportUpdated { id, changes } => Legacy::ReportUpdated {
                id: id.to_string(),
                changes,
            },
            EventBody::ContactWarned { id, fields } => Legacy::ContactWarned {
                id: id.to_string(),
                fields,
            },
            EventBody::LawyerConsulted { id, fields } => Legacy::LawyerConsulted {
                id: id.to_string(),
                fields,
            },
            EventBody::NarrativeSet { text } => Legacy::NarrativeSet { text },
            EventBody::WarningCorrected { id, changes, reason } => Legacy::WarningCorrected {
                id: id.to_string(),
                changes,
                reason,
            },
            EventBody::WarningRetracted { id, reason } => Legacy::WarningRetracted {
                id: id.to_string(),
                reason,
            },
            EventBody::ConsultationCorrected { id, changes, reason } => Legacy::ConsultationCorrected {
                id: id.to_string(),
                changes,
                reason,
            },
            EventBody::ConsultationRetracted { id, reason } => Legacy::ConsultationRetracted {
                id: id.to_string(),
                reason,
            },
        }
    }
}

/// Text with what JSON has to escape, CJK, emoji and plain words.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z0-9 +@.]{0,12}",
        "[\"\\\\/\\n\\r\\t\\x00-\\x1f\\x7fa-z中文字“”😀🎉\\x{2028}\\x{fffd}]{0,16}",
    ]
}

fn moment() -> impl Strategy<Value = Moment> {
    // Years 0001 to 9999, any offset to the minute that a place uses (−12:00 … +14:00).
    (-62_135_000_000i64..253_402_000_000, -720i32..=840).prop_filter_map(
        "a representable moment",
        |(secs, minutes)| {
            let ts = jiff::Timestamp::from_second(secs).ok()?;
            let offset = jiff::tz::Offset::from_seconds(minutes * 60).ok()?;
            Some(Moment::from_zoned(
                &ts.to_zoned_datetime(jiff::tz::TimeZone::fixed(offset)),
            ))
        },
    )
}

fn entry_id() -> impl Strategy<Value = EntryId> {
    (1u32..).prop_map(EntryId)
}

fn kind() -> impl Strategy<Value = EvidenceKind> {
    prop::sample::select(EvidenceKind::ALL.to_vec())
}

fn knew() -> impl Strategy<Value = BTreeSet<Knew>> {
    prop::collection::btree_set(prop::sample::select(Knew::ALL.to_vec()), 0..=8)
}

fn fen() -> impl Strategy<Value = Fen> {
    prop_oneof![Just(Fen(0)), any::<u64>().prop_map(Fen)]
}

fn status() -> impl Strategy<Value = ReportStatus> {
    prop::sample::select(vec![
        ReportStatus::Filed,
        ReportStatus::Accepted,
        ReportStatus::CaseOpened,
        ReportStatus::Refused,
        ReportStatus::Closed,
        ReportStatus::NotAccepted,
        ReportStatus::NoDecision,
    ])
}

fn attachment() -> impl Strategy<Value = Attachment> {
    (text(), text(), any::<u64>(), text()).prop_map(|(sha256, original_name, size, media_type)| Attachment {
        sha256,
        original_name,
        size,
        media_type,
    })
}

fn transfer() -> impl Strategy<Value = Transfer> {
    (
        (text(), text(), text(), prop::option::of(moment()), text(), text()),
        (text(), text(), text()),
    )
        .prop_map(
            |((account, name, bank, paid_at, txn, method), (from_account, from_bank, bill_row))| Transfer {
                account,
                name,
                bank,
                paid_at,
                txn,
                method,
                from_account,
                from_bank,
                bill_row,
            },
        )
}

fn evidence_fields() -> impl Strategy<Value = EvidenceFields> {
    (
        kind(),
        moment(),
        text(),
        text(),
        text(),
        knew(),
        prop::option::of(fen()),
        prop::option::of(transfer()),
        text(),
    )
        .prop_map(
            |(kind, occurred_at, counterpart, to_mine, summary, knew, lost, transfer, original)| {
                EvidenceFields {
                    kind,
                    occurred_at,
                    counterpart,
                    to_mine,
                    summary,
                    knew,
                    lost,
                    transfer: transfer.map(Box::new),
                    email: None,
                    phone: None,
                    kept_at: original,
                }
            },
        )
}

fn evidence_patch() -> impl Strategy<Value = EvidencePatch> {
    use prop::option::of;
    (
        of(kind()),
        of(moment()),
        of(text()),
        of(text()),
        of(text()),
        of(knew()),
        of(fen()),
        of(transfer().prop_map(Box::new)),
        of(text()),
    )
        .prop_map(
            |(kind, occurred_at, counterpart, to_mine, summary, knew, lost, transfer, original)| {
                EvidencePatch {
                    kind,
                    occurred_at,
                    counterpart,
                    to_mine,
                    summary,
                    knew,
                    lost,
                    transfer,
                    kept_at: original,
                }
            },
        )
}

fn profile_patch() -> impl Strategy<Value = ProfilePatch> {
    use prop::option::of;
    let list = || of(prop::collection::vec(text(), 0..3));
    (
        of(text()),
        of(text()),
        of(text()),
        of(text()),
        list(),
        list(),
        of(text()),
        (list(), of(text()), of(text()), of(text())),
    )
        .prop_map(
            |(name, id_number, sex, birth_date, phones, emails, address, suspect)| {
                let (accounts, suspect, suspect_why, suspect_address) = suspect;
                ProfilePatch {
                    name,
                    id_number,
                    sex,
                    birth_date,
                    phones,
                    emails,
                    address,
                    accounts,
                    suspect,
                    suspect_why,
                    suspect_address,
                }
            },
        )
}

fn sent_letter() -> impl Strategy<Value = SentLetter> {
    (text(), prop::sample::select(SentVia::ALL.to_vec()), text()).prop_map(|(kind, via, sha256)| SentLetter {
        kind,
        via,
        sha256,
    })
}

fn day() -> impl Strategy<Value = jiff::civil::Date> {
    (1970i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| jiff::civil::date(y, m, d))
}

fn day_change() -> impl Strategy<Value = crate::case::steps::DayChange> {
    use crate::case::steps::DayChange;
    prop_oneof![Just(DayChange::Clear), day().prop_map(DayChange::Set)]
}

fn report_fields() -> impl Strategy<Value = ReportFields> {
    (
        text(),
        moment(),
        text(),
        text(),
        text(),
        (status(), prop::option::of(day())),
        prop::option::of(day()),
        text(),
        prop::option::of(sent_letter()),
    )
        .prop_map(
            |(channel, filed_at, how, receipt, officer, (status, notice_date), follow_up, note, letter)| {
                ReportFields {
                    channel: channel.into(),
                    filed_at,
                    how,
                    receipt,
                    officer,
                    status,
                    notice_date,
                    follow_up,
                    note,
                    letter,
                }
            },
        )
}

fn report_patch() -> impl Strategy<Value = ReportPatch> {
    use prop::option::of;
    (
        of(status()),
        of(day_change()),
        of(text()),
        of(text()),
        of(day_change()),
        of(text()),
    )
        .prop_map(
            |(status, notice_date, receipt, officer, follow_up, note)| ReportPatch {
                status,
                notice_date,
                receipt,
                officer,
                follow_up,
                note,
            },
        )
}

fn event() -> impl Strategy<Value = EventBody> {
    prop_oneof![
        (
            entry_id(),
            evidence_fields(),
            prop::collection::vec(attachment(), 0..3)
        )
            .prop_map(|(id, fields, attachments)| EventBody::EvidenceAdded {
                id,
                fields,
                attachments
            }),
        (entry_id(), evidence_patch(), text())
            .prop_map(|(id, changes, reason)| { EventBody::EvidenceCorrected { id, changes, reason } }),
        (entry_id(), text()).prop_map(|(id, reason)| EventBody::EvidenceRetracted { id, reason }),
        (entry_id(), attachment()).prop_map(|(id, attachment)| EventBody::AttachmentAdded { id, attachment }),
        profile_patch().prop_map(|changes| EventBody::ProfileSet { changes }),
        (text(), any::<bool>()).prop_map(|(item, done)| EventBody::ChecklistTicked { item, done }),
        (text(), report_fields()).prop_map(|(id, fields)| EventBody::ReportAdded {
            id: id.into(),
            fields
        }),
        (text(), report_patch()).prop_map(|(id, changes)| EventBody::ReportUpdated {
            id: id.into(),
            changes
        }),
        (text(), text(), text(), moment(), text(), text()).prop_map(
            |(id, who, via, warned_at, number, note)| {
                EventBody::ContactWarned {
                    id: id.into(),
                    fields: WarningFields {
                        who,
                        via,
                        warned_at,
                        number,
                        note,
                    },
                }
            }
        ),
        (text(), text(), text(), moment(), text()).prop_map(|(id, lawyer, firm, consulted_at, note)| {
            EventBody::LawyerConsulted {
                id: id.into(),
                fields: ConsultationFields {
                    lawyer,
                    firm,
                    consulted_at,
                    note,
                },
            }
        }),
        text().prop_map(|text| EventBody::NarrativeSet { text }),
        (text(), warning_patch(), text()).prop_map(|(id, changes, reason)| EventBody::WarningCorrected {
            id: id.into(),
            changes,
            reason
        }),
        (text(), text()).prop_map(|(id, reason)| EventBody::WarningRetracted {
            id: id.into(),
            reason
        }),
        (text(), consultation_patch(), text()).prop_map(|(id, changes, reason)| {
            EventBody::ConsultationCorrected {
                id: id.into(),
                changes,
                reason,
            }
        }),
        (text(), text()).prop_map(|(id, reason)| EventBody::ConsultationRetracted {
            id: id.into(),
            reason
        }),
    ]
}

fn warning_patch() -> impl Strategy<Value = WarningPatch> {
    use prop::option::of;
    (of(text()), of(text()), of(moment()), of(text())).prop_map(|(who, via, warned_at, note)| WarningPatch {
        who,
        via,
        warned_at,
        note,
    })
}

fn consultation_patch() -> impl Strategy<Value = ConsultationPatch> {
    use prop::option::of;
    (of(text()), of(text()), of(moment()), of(text())).prop_map(|(lawyer, firm, consulted_at, note)| {
        ConsultationPatch {
            lawyer,
            firm,
            consulted_at,
            note,
        }
    })
}

/// Every key name any variant uses, `type` included, and two no variant has.
const KEYS: [&str; 42] = [
    "type",
    "phone",
    "number",
    "letter",
    "id",
    "kind",
    "occurred_at",
    "counterpart",
    "to_mine",
    "summary",
    "knew",
    "lost",
    "attachments",
    "changes",
    "reason",
    "attachment",
    "name",
    "id_number",
    "sex",
    "birth_date",
    "phones",
    "emails",
    "address",
    "item",
    "done",
    "channel",
    "filed_at",
    "how",
    "receipt",
    "officer",
    "status",
    "follow_up",
    "note",
    "who",
    "via",
    "warned_at",
    "lawyer",
    "firm",
    "consulted_at",
    "text",
    "extra",
    "Type",
];

/// Values of every JSON shape, some of which fit some fields.
fn any_value() -> impl Strategy<Value = Value> {
    prop::sample::select(vec![
        Value::Null,
        Value::Bool(true),
        serde_json::json!(0),
        serde_json::json!(7),
        serde_json::json!(-1),
        serde_json::json!(1.5),
        serde_json::json!("E3"),
        serde_json::json!("2026-11-29T14:05:09+08:00"),
        serde_json::json!("call"),
        serde_json::json!("filed"),
        serde_json::json!("narrative_set"),
        serde_json::json!("evidence_corrected"),
        serde_json::json!("report_updated"),
        serde_json::json!("warning_corrected"),
        serde_json::json!("consultation_retracted"),
        serde_json::json!({"who": "妈妈", "note": ""}),
        serde_json::json!("no_such_event"),
        serde_json::json!(""),
        serde_json::json!(["name", "phone"]),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!({"status": "closed", "kind": "sms"}),
        serde_json::json!({"status": 3}),
        serde_json::json!({"kind": "letter", "lost": 5, "note": "n"}),
        serde_json::json!({"sha256": "ab", "original_name": "a", "size": 1, "media_type": "x"}),
    ])
}

/// Writes a JSON object with the entries in the given order (repeats allowed).
fn object(entries: &[(String, Value)]) -> String {
    let body: Vec<String> = entries
        .iter()
        .map(|(k, v)| format!("{}:{}", Value::String(k.clone()), v))
        .collect();
    format!("{{{}}}", body.join(","))
}

/// An event's entries as written, in order.
fn entries(ev: &EventBody) -> Vec<(String, Value)> {
    let line = serde_json::to_string(ev).expect("serialize");
    // serde_json's `Map` sorts its keys, so read the pairs back in written order by hand.
    let mut de = serde_json::Deserializer::from_str(&line);
    struct Pairs;
    impl<'de> serde::de::Visitor<'de> for Pairs {
        type Value = Vec<(String, Value)>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a map")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(kv) = m.next_entry::<String, Value>()? {
                out.push(kv);
            }
            Ok(out)
        }
    }
    serde::Deserializer::deserialize_map(&mut de, Pairs).expect("pairs")
}

/// The new reader and the old derive agree on `json`: the same value, or both refuse.
fn agree(json: &str) -> Result<Option<EventBody>, TestCaseError> {
    let new = serde_json::from_str::<EventBody>(json);
    let old = serde_json::from_str::<Legacy>(json).map(EventBody::from);
    match (&new, &old) {
        (Ok(a), Ok(b)) => prop_assert_eq!(a, b, "{}", json),
        (Err(_), Err(_)) => {}
        _ => prop_assert!(false, "{json}\nnew: {new:?}\nold: {old:?}"),
    }
    Ok(new.ok())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn writes_the_same_bytes_and_reads_them_back(ev in event()) {
        let bytes = serde_json::to_vec(&ev).expect("serialize");
        let old_bytes = serde_json::to_vec(&Legacy::from(ev.clone())).expect("serialize");
        prop_assert_eq!(&bytes, &old_bytes, "the derive wrote {}", String::from_utf8_lossy(&old_bytes));
        prop_assert_eq!(&serde_json::from_slice::<EventBody>(&bytes).expect("reads"), &ev);
        prop_assert_eq!(
            EventBody::from(serde_json::from_slice::<Legacy>(&bytes).expect("old reads")),
            ev.clone()
        );
        // The same inside a journal line.
        let rec = Record { seq: 7, ts: ev_moment(), prev: "ab".repeat(32), event: ev };
        let line = rec.to_line().expect("line");
        prop_assert_eq!(line.last(), Some(&b'\n'));
        let back: Record = serde_json::from_slice(&line[..line.len() - 1]).expect("reads");
        prop_assert_eq!(back.to_line().expect("line"), line);
        prop_assert_eq!(back, rec);
    }

    #[test]
    fn reads_any_key_order_as_the_derive_did(
        ev in event(),
        order in any::<prop::sample::Index>(),
        seed in any::<u64>(),
    ) {
        let mut e = entries(&ev);
        // Rotate, and swap a pair chosen by the seed, so `type` lands anywhere.
        let n = e.len();
        e.rotate_left(order.index(n));
        let (i, j) = ((seed % n as u64) as usize, ((seed >> 32) % n as u64) as usize);
        e.swap(i, j);
        prop_assert_eq!(agree(&object(&e))?, Some(ev));
    }

    #[test]
    fn reads_damaged_maps_as_the_derive_did(
        ev in event(),
        drop in prop::option::of(any::<prop::sample::Index>()),
        repeat in prop::option::of(any::<prop::sample::Index>()),
        extra in prop::collection::vec((prop::sample::select(KEYS.to_vec()), any_value(), any::<prop::sample::Index>()), 0..4),
        type_later in any::<bool>(),
    ) {
        let mut e = entries(&ev);
        if let Some(r) = repeat {
            let kv = e[r.index(e.len())].clone();
            e.push(kv);
        }
        for (k, v, at) in extra {
            let at = at.index(e.len() + 1);
            e.insert(at, (k.to_string(), v));
        }
        if let Some(d) = drop {
            let at = d.index(e.len());
            e.remove(at);
        }
        if type_later && e.len() > 1 {
            e.rotate_left(1);
        }
        agree(&object(&e))?;
    }
}

fn ev_moment() -> Moment {
    "2026-11-29T14:05:09+08:00".parse().expect("moment")
}

#[test]
fn every_key_name_reads_back_as_its_key() {
    for name in KEYS {
        let key: Key = serde_json::from_str(&Value::String(name.into()).to_string()).expect("key");
        if key == Key::Other {
            assert!(name == "extra" || name == "Type", "{name}");
        } else {
            assert_eq!(key.name(), name);
        }
    }
}

#[test]
fn errors_name_what_is_wrong() {
    let err = |json: &str| {
        serde_json::from_str::<EventBody>(json)
            .expect_err(json)
            .to_string()
    };
    assert!(err(r#"{"type":"evidence_retracted","id":"E1"}"#).starts_with("missing field `reason`"));
    assert!(
        err(r#"{"type":"evidence_added","id":"E1","occurred_at":"2026-11-29T14:05:09+08:00"}"#)
            .starts_with("missing field `kind`")
    );
    assert!(err(r#"{"id":"E1","reason":"x"}"#).starts_with("missing field `type`"));
    assert!(
        err(r#"{"type":"nope"}"#).starts_with("unknown variant `nope`, expected one of `evidence_added`")
    );
    assert!(err(r#"{"type":"narrative_set","text":"a","text":"b"}"#).starts_with("duplicate field `text`"));
    assert!(
        err(r#"{"type":"narrative_set","type":"narrative_set","text":"a"}"#)
            .starts_with("duplicate field `type`")
    );
    assert!(err(r#"{"type":"evidence_retracted","id":"X","reason":""}"#).starts_with("not an entry id: X"));
    // The one input the derive took and this refuses, on purpose: serde reads internally tagged
    // enums from arrays too, which nothing here ever wrote.
    assert!(err(r#"["narrative_set","a"]"#).starts_with("invalid type: sequence"));
    assert!(serde_json::from_str::<Legacy>(r#"["narrative_set","a"]"#).is_ok());
    // The same messages the derive gave.
    for json in [
        r#"{"type":"evidence_retracted","id":"E1"}"#,
        r#"{"id":"E1","reason":"x"}"#,
        r#"{"type":"nope"}"#,
        r#"{"type":"narrative_set","text":"a","text":"b"}"#,
        r#"{"type":"narrative_set","type":"narrative_set","text":"a"}"#,
    ] {
        let old = serde_json::from_str::<Legacy>(json).expect_err(json).to_string();
        let new = err(json);
        let strip = |s: &str| s.split(" at line ").next().unwrap_or_default().to_string();
        assert_eq!(strip(&new), strip(&old), "{json}");
    }
}

#[test]
fn unknown_keys_are_ignored_whatever_they_hold() {
    let json =
        r#"{"type":"checklist_ticked","item":"freeze","kind":5,"changes":[1],"done":true,"x":{"y":null}}"#;
    assert_eq!(
        serde_json::from_str::<EventBody>(json).expect("reads"),
        EventBody::ChecklistTicked {
            item: "freeze".into(),
            done: true
        }
    );
}

#[test]
fn moments_and_ids_read_as_through_a_string() {
    // What `String::deserialize` then `parse` accepted and refused, and with what message.
    fn via_string<T: std::str::FromStr>(json: &str) -> Result<T, String> {
        let s: String = serde_json::from_str(json).map_err(|e| e.to_string())?;
        s.parse::<T>().map_err(|_| "parse".to_string())
    }
    for json in [
        r#""2026-11-29T14:05:09+08:00""#,
        r#""2026-11-29T14:05:09\u002b08:00""#,
        r#""2026-11-29 14:05""#,
        "5",
        "null",
        r#"["x"]"#,
    ] {
        let new = serde_json::from_str::<Moment>(json).map_err(|e| e.to_string());
        let old = via_string::<Moment>(json);
        assert_eq!(new.is_ok(), old.is_ok(), "{json}");
        match (new, old) {
            (Ok(a), Ok(b)) => assert_eq!(a, b),
            (Err(a), Err(b)) if b != "parse" => assert_eq!(a, b),
            _ => {}
        }
    }
    for json in [r#""E12""#, r#""e\u0037""#, r#""12""#, r#""E0""#, "12", "true"] {
        let new = serde_json::from_str::<EntryId>(json).map_err(|e| e.to_string());
        let old = via_string::<EntryId>(json);
        assert_eq!(new.is_ok(), old.is_ok(), "{json}");
        match (new, old) {
            (Ok(a), Ok(b)) => assert_eq!(a, b),
            (Err(a), Err(b)) if b != "parse" => assert_eq!(a, b),
            _ => {}
        }
    }
}

#[test]
fn a_synthetic_journal_reads_the_same_both_ways() {
    let dir = tempfile::tempdir().expect("tempdir");
    crate::synthetic::write_case(dir.path(), 300).expect("case");
    let bytes = std::fs::read(dir.path().join(crate::journal::JOURNAL_FILE)).expect("read");
    for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let rec: Record = serde_json::from_slice(line).expect("new reads");
        let v: Value = serde_json::from_slice(line).expect("json");
        let old: Legacy = serde_json::from_value(v["event"].clone()).expect("old reads");
        assert_eq!(rec.event, EventBody::from(old));
        let mut again = rec.to_line().expect("line");
        again.pop();
        assert_eq!(again, line);
    }
}

/// An entry with email facts writes them after the old fields and reads back to the same
/// bytes; a line written before email facts existed reads with none and writes unchanged.
#[test]
fn email_facts_round_trip_and_old_lines_stay_byte_identical() {
    let facts =
        crate::evidence::email::parse(include_bytes!("../../../tests/fixtures/email/phishing-boc.eml"))
            .expect("an email");
    let fields = EvidenceFields {
        kind: EvidenceKind::Email,
        occurred_at: "2026-11-29T09:12:30+08:00".parse().expect("moment"),
        counterpart: "secure-boc.top".into(),
        to_mine: String::new(),
        summary: "主题：x".into(),
        knew: BTreeSet::new(),
        lost: None,
        transfer: None,
        email: Some(Box::new(facts)),
        phone: None,
        kept_at: String::new(),
    };
    let body = EventBody::EvidenceAdded {
        id: EntryId(1),
        fields,
        attachments: Vec::new(),
    };
    let json = serde_json::to_string(&body).expect("write");
    assert!(
        json.find("\"summary\"") < json.find("\"email\":{"),
        "email comes after the old fields: {json}"
    );
    let back: EventBody = serde_json::from_str(&json).expect("read");
    assert_eq!(back, body);
    assert_eq!(serde_json::to_string(&back).expect("write"), json, "canonical");
    let old = r#"{"type":"evidence_added","id":"E2","kind":"email","occurred_at":"2026-11-29T09:12:30+08:00","counterpart":"a@b.example","summary":"主题 Subject: x","knew":[]}"#;
    let read: EventBody = serde_json::from_str(old).expect("old line");
    assert!(matches!(&read, EventBody::EvidenceAdded { fields, .. } if fields.email.is_none()));
    assert_eq!(serde_json::to_string(&read).expect("write"), old);
}

/// An entry picked from a phone backup writes where it came from after the old fields and
/// reads back to the same bytes; so does a warning with the number taken from the contacts.
#[test]
fn phone_origin_and_warned_number_round_trip() {
    use crate::evidence::phone_backup::{Channel, Direction, PhoneOrigin};
    let fields = EvidenceFields {
        kind: EvidenceKind::Call,
        occurred_at: "2026-11-29T09:12:30+08:00".parse().expect("moment"),
        counterpart: "17012345678".into(),
        to_mine: String::new(),
        summary: "未接来电".into(),
        knew: BTreeSet::new(),
        lost: None,
        transfer: None,
        email: None,
        phone: Some(Box::new(PhoneOrigin {
            source: "sms_backup_restore".into(),
            file: "calls-20261129.xml".into(),
            sha256: "ab".repeat(32),
            record: "call 3".into(),
            direction: Direction::Missed,
            channel: Channel::Call,
            duration: Some(0),
            withheld: false,
            key: "cd".repeat(16),
        })),
        kept_at: String::new(),
    };
    let body = EventBody::EvidenceAdded {
        id: EntryId(1),
        fields,
        attachments: Vec::new(),
    };
    let json = serde_json::to_string(&body).expect("write");
    assert!(json.find("\"summary\"") < json.find("\"phone\":{"), "{json}");
    let back: EventBody = serde_json::from_str(&json).expect("read");
    assert_eq!(back, body);
    assert_eq!(serde_json::to_string(&back).expect("write"), json, "canonical");
    let warned = r#"{"type":"contact_warned","id":"W1","who":"妈妈","via":"电话","warned_at":"2026-11-29T09:12:30+08:00","number":"139 0000 2222"}"#;
    let read: EventBody = serde_json::from_str(warned).expect("warning");
    assert!(matches!(&read, EventBody::ContactWarned { fields, .. } if fields.number == "139 0000 2222"));
    assert_eq!(serde_json::to_string(&read).expect("write"), warned);
}

/// A report written before letters were recorded reads back to the same bytes, and one with a
/// letter keeps it.
#[test]
fn a_report_line_reads_back_byte_for_byte_with_and_without_a_letter() {
    let old = r#"{"seq":3,"ts":"2026-11-29T15:00:00+08:00","prev":"0000000000000000000000000000000000000000000000000000000000000000","event":{"type":"report_added","id":"R1","channel":"派出所","filed_at":"2026-11-29T14:05:09+08:00","how":"当面","status":"filed","follow_up":"2026-12-02"}}"#;
    let letter_of = |line: &str| match Record::from_line(line.as_bytes()).map(|r| r.event) {
        Ok(EventBody::ReportAdded { fields, .. }) => Ok(fields.letter),
        other => Err(format!("{other:?}")),
    };
    assert_eq!(letter_of(old), Ok(None), "an old line is still canonical");
    let sent = old.replace(
        r#""follow_up":"2026-12-02"}"#,
        r#""follow_up":"2026-12-16","letter":{"kind":"carrier","via":"post","sha256":"ab"}}"#,
    );
    let letter = letter_of(&sent)
        .expect("a letter line is canonical")
        .expect("the letter is read");
    assert_eq!((letter.kind.as_str(), letter.via), ("carrier", SentVia::Post));
}

/// Journals written before the statuses not_accepted / no_decision and the notice date
/// existed keep reading to the same bytes (a `refused` of then reads as 不予立案 without a
/// notice date, so no deadline is counted), and the new values read back byte for byte.
#[test]
fn old_report_statuses_keep_reading_and_new_ones_read_back_byte_for_byte() {
    let head = r#"{"seq":3,"ts":"2026-11-29T15:00:00+08:00","prev":"0000000000000000000000000000000000000000000000000000000000000000","event":"#;
    let line = |event: &str| format!("{head}{event}}}");
    let read = |l: &str| Record::from_line(l.as_bytes()).map(|r| r.event);
    for old in [
        r#"{"type":"report_added","id":"R1","channel":"派出所","filed_at":"2026-11-29T14:05:09+08:00","status":"refused"}"#,
        r#"{"type":"report_updated","id":"R1","changes":{"status":"refused","note":"说不归他们管"}}"#,
        r#"{"type":"report_added","id":"R2","channel":"派出所","filed_at":"2026-11-29T14:05:09+08:00","status":"case_opened"}"#,
    ] {
        let l = line(old);
        let event = read(&l).expect("an old line reads");
        assert_eq!(serde_json::to_string(&event).expect("write"), old);
        if let EventBody::ReportAdded { fields, .. } = &event {
            assert_eq!(fields.notice_date, None);
        }
    }
    for new in [
        r#"{"type":"report_added","id":"R1","channel":"派出所","filed_at":"2026-11-29T14:05:09+08:00","status":"not_accepted","note":"没有损失不构成刑事案件"}"#,
        r#"{"type":"report_added","id":"R1","channel":"派出所","filed_at":"2026-11-29T14:05:09+08:00","status":"refused","notice_date":"2026-11-30"}"#,
        r#"{"type":"report_updated","id":"R1","changes":{"status":"no_decision"}}"#,
        r#"{"type":"report_updated","id":"R1","changes":{"status":"refused","notice_date":"2026-12-05"}}"#,
    ] {
        let l = line(new);
        let event = read(&l).expect("a new line reads");
        assert_eq!(serde_json::to_string(&event).expect("write"), new);
    }
}

/// The follow-up and notice dates are days, not text, and the journal's bytes did not change
/// with the type: a day reads and writes back as it was, an update that cleared a date (`""`)
/// still reads as cleared, and a value that is not a day is refused, not kept as text.
#[test]
fn report_dates_are_days_and_read_back_byte_for_byte() {
    use crate::case::steps::DayChange;
    let head = r#"{"seq":3,"ts":"2026-11-29T15:00:00+08:00","prev":"0000000000000000000000000000000000000000000000000000000000000000","event":"#;
    let line = |event: &str| format!("{head}{event}}}");
    let read = |l: &str| Record::from_line(l.as_bytes()).map(|r| r.event);
    let added = r#"{"type":"report_added","id":"R1","channel":"派出所","filed_at":"2026-11-29T14:05:09+08:00","status":"accepted","notice_date":"2026-11-29","follow_up":"2026-12-06"}"#;
    let event = read(&line(added)).expect("reads");
    assert_eq!(serde_json::to_string(&event).expect("write"), added);
    let EventBody::ReportAdded { fields, .. } = &event else {
        unreachable!("{event:?}")
    };
    assert_eq!(fields.follow_up, Some(jiff::civil::date(2026, 12, 6)));
    let cleared = r#"{"type":"report_updated","id":"R1","changes":{"follow_up":""}}"#;
    let event = read(&line(cleared)).expect("reads");
    assert_eq!(serde_json::to_string(&event).expect("write"), cleared);
    let EventBody::ReportUpdated { changes, .. } = &event else {
        unreachable!("{event:?}")
    };
    assert_eq!(changes.follow_up, Some(DayChange::Clear));
    for not_a_day in [
        r#"{"type":"report_added","id":"R1","channel":"派出所","filed_at":"2026-11-29T14:05:09+08:00","status":"filed","follow_up":"下周"}"#,
        r#"{"type":"report_updated","id":"R1","changes":{"follow_up":"2026-13-01"}}"#,
    ] {
        assert!(read(&line(not_a_day)).is_err(), "{not_a_day}");
    }
}

/// Where the original is kept is written after the old fields only when said, so a line
/// logged before it existed reads with none and writes back to the same bytes; a correction
/// that says it reads back as written.
#[test]
fn where_the_original_is_kept_round_trips_and_old_lines_keep_their_bytes() {
    let old = r#"{"type":"evidence_added","id":"E1","kind":"call","occurred_at":"2026-11-29T09:12:30+08:00","counterpart":"17012345678","summary":"未接来电","knew":[]}"#;
    let read: EventBody = serde_json::from_str(old).expect("old line");
    assert!(matches!(&read, EventBody::EvidenceAdded { fields, .. } if fields.kept_at.is_empty()));
    assert_eq!(serde_json::to_string(&read).expect("write"), old);
    let said = r#"{"type":"evidence_added","id":"E1","kind":"call","occurred_at":"2026-11-29T09:12:30+08:00","counterpart":"17012345678","summary":"未接来电","knew":[],"kept_at":"已删除"}"#;
    let read: EventBody = serde_json::from_str(said).expect("line with original");
    assert!(matches!(&read, EventBody::EvidenceAdded { fields, .. } if fields.kept_at == "已删除"));
    assert_eq!(serde_json::to_string(&read).expect("write"), said);
    let fix = r#"{"type":"evidence_corrected","id":"E1","changes":{"kept_at":"电脑"}}"#;
    let read: EventBody = serde_json::from_str(fix).expect("correction");
    assert!(
        matches!(&read, EventBody::EvidenceCorrected { changes, .. } if changes.kept_at.as_deref() == Some("电脑"))
    );
    assert_eq!(serde_json::to_string(&read).expect("write"), fix);
}
