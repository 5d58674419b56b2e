//! The events a case is made of. Each journal line carries exactly one of these; nothing is
//! ever rewritten, so a correction or a retraction is a new event pointing at an old entry.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::moment::Moment;

/// What kind of contact an evidence entry records.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// A phone call.
    Call,
    /// A text message.
    Sms,
    /// An email.
    Email,
    /// A paper letter or parcel.
    Letter,
    /// A web page (phishing site, a page publishing my data).
    Web,
    /// An account or card opened or used in my name.
    Account,
    /// Anything else.
    Other,
}

impl EvidenceKind {
    /// Every kind, in menu order.
    pub const ALL: [EvidenceKind; 7] = [
        EvidenceKind::Call,
        EvidenceKind::Sms,
        EvidenceKind::Email,
        EvidenceKind::Letter,
        EvidenceKind::Web,
        EvidenceKind::Account,
        EvidenceKind::Other,
    ];

    /// The word used on the command line and in JSON (`call`, `sms` …).
    pub fn code(self) -> &'static str {
        match self {
            EvidenceKind::Call => "call",
            EvidenceKind::Sms => "sms",
            EvidenceKind::Email => "email",
            EvidenceKind::Letter => "letter",
            EvidenceKind::Web => "web",
            EvidenceKind::Account => "account",
            EvidenceKind::Other => "other",
        }
    }

    /// The Chinese label (电话, 短信 …).
    pub fn zh(self) -> &'static str {
        match self {
            EvidenceKind::Call => "电话",
            EvidenceKind::Sms => "短信",
            EvidenceKind::Email => "邮件",
            EvidenceKind::Letter => "信件",
            EvidenceKind::Web => "网页",
            EvidenceKind::Account => "冒名账户",
            EvidenceKind::Other => "其他",
        }
    }

    /// The English label.
    pub fn en(self) -> &'static str {
        match self {
            EvidenceKind::Call => "call",
            EvidenceKind::Sms => "SMS",
            EvidenceKind::Email => "email",
            EvidenceKind::Letter => "letter",
            EvidenceKind::Web => "web page",
            EvidenceKind::Account => "account",
            EvidenceKind::Other => "other",
        }
    }

    /// Whether an entry of this kind needs a counterpart (number, address, URL …).
    pub fn needs_counterpart(self) -> bool {
        !matches!(self, EvidenceKind::Letter | EvidenceKind::Other)
    }
}

/// A piece of my personal information that the other side knew — the proof of the leak.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Knew {
    /// My name.
    Name,
    /// My ID-card number.
    IdNumber,
    /// My phone number.
    Phone,
    /// My address.
    Address,
    /// My employer.
    Employer,
    /// My bank card.
    BankCard,
    /// My family members.
    Family,
    /// My orders with a shop or platform (order number, goods, delivery address): what a
    /// caller quoting an order knew. Its own category beside 交易信息 (transaction records).
    Order,
    /// Something else.
    Other,
}

impl Knew {
    /// Every item, in menu order.
    pub const ALL: [Knew; 9] = [
        Knew::Name,
        Knew::IdNumber,
        Knew::Phone,
        Knew::Address,
        Knew::Employer,
        Knew::BankCard,
        Knew::Family,
        Knew::Order,
        Knew::Other,
    ];

    /// The word used on the command line (`name`, `id`, `phone` …).
    pub fn code(self) -> &'static str {
        match self {
            Knew::Name => "name",
            Knew::IdNumber => "id",
            Knew::Phone => "phone",
            Knew::Address => "address",
            Knew::Employer => "employer",
            Knew::BankCard => "bank",
            Knew::Family => "family",
            Knew::Order => "order",
            Knew::Other => "other",
        }
    }

    /// The Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            Knew::Name => "姓名",
            Knew::IdNumber => "身份证号",
            Knew::Phone => "手机号",
            Knew::Address => "住址",
            Knew::Employer => "工作单位",
            Knew::BankCard => "银行卡",
            Knew::Family => "家人信息",
            Knew::Order => "订单信息",
            Knew::Other => "其他",
        }
    }

    /// The English label.
    pub fn en(self) -> &'static str {
        match self {
            Knew::Name => "name",
            Knew::IdNumber => "ID number",
            Knew::Phone => "phone number",
            Knew::Address => "address",
            Knew::Employer => "employer",
            Knew::BankCard => "bank card",
            Knew::Family => "family",
            Knew::Order => "order details",
            Knew::Other => "other",
        }
    }
}

impl FromStr for Knew {
    type Err = String;

    /// Accepts the English codes and the common Chinese words (姓名, 身份证, 电话 …).
    fn from_str(s: &str) -> Result<Knew, String> {
        let k = s.trim().to_lowercase();
        let found = match k.as_str() {
            "name" | "姓名" | "名字" => Knew::Name,
            "id" | "id_number" | "idnumber" | "身份证" | "身份证号" | "身份证号码" => {
                Knew::IdNumber
            }
            "phone" | "mobile" | "电话" | "手机" | "手机号" | "号码" => Knew::Phone,
            "address" | "地址" | "住址" => Knew::Address,
            "employer" | "work" | "company" | "单位" | "工作单位" | "公司" => Knew::Employer,
            "bank" | "bank_card" | "card" | "银行卡" | "卡号" => Knew::BankCard,
            "family" | "家人" | "家庭" | "亲属" => Knew::Family,
            "order" | "orders" | "订单" | "订单号" | "订单信息" => Knew::Order,
            "other" | "其他" | "其它" => Knew::Other,
            _ => return Err(s.trim().to_string()),
        };
        Ok(found)
    }
}

/// A short, stable id of an evidence entry: `E1`, `E2` …
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryId(pub u32);

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "E{}", self.0)
    }
}

impl FromStr for EntryId {
    type Err = ();

    /// Accepts `E12`, `e12` and `12`.
    fn from_str(s: &str) -> Result<EntryId, ()> {
        let t = s.trim();
        let digits = t.strip_prefix(['E', 'e']).unwrap_or(t);
        match digits.parse::<u32>() {
            Ok(n) if n > 0 => Ok(EntryId(n)),
            _ => Err(()),
        }
    }
}

impl Serialize for EntryId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // `E` and the digits, put together on the stack (every journal line that names an
        // entry writes one, and every read checks it).
        let mut digits = itoa::Buffer::new();
        let digits = digits.format(self.0);
        let mut text = [b'E'; 11];
        let end = 1 + digits.len();
        if let Some(tail) = text.get_mut(1..end) {
            tail.copy_from_slice(digits.as_bytes());
        }
        match text.get(..end).map(std::str::from_utf8) {
            Some(Ok(shown)) => s.serialize_str(shown),
            _ => s.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for EntryId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<EntryId, D::Error> {
        d.deserialize_str(crate::moment::ParseStr::new("a string"))
    }
}

impl crate::moment::ParseFrom for EntryId {
    fn parse_from<E: serde::de::Error>(s: &str) -> Result<EntryId, E> {
        s.parse().map_err(|_| E::custom(format!("not an entry id: {s}")))
    }
}

pub use crate::money::Fen;

/// Where money lost went: what a bank needs to stop or freeze a payment. Every part is
/// optional; empty parts are not written, and the parts are written in this order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transfer {
    /// The receiving account or card number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub account: String,
    /// The name on the receiving account.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The receiving bank or payment platform.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub bank: String,
    /// When the money was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_at: Option<Moment>,
    /// The transaction (serial) number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub txn: String,
    /// How it was sent: bank transfer, Alipay, WeChat Pay, ATM …
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub method: String,
    /// The victim's own paying account or card number (the side a bank needs too).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from_account: String,
    /// The bank or platform of the paying account.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from_bank: String,
    /// For a transfer read from a bill: the bill's row as it stands in the file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub bill_row: String,
}

impl Transfer {
    /// True when no part is known.
    pub fn is_empty(&self) -> bool {
        self == &Transfer::default()
    }

    /// The known parts with their names (Chinese, English), in order, the time as written
    /// short: what `show` prints.
    pub fn parts(&self) -> Vec<((&'static str, &'static str), String)> {
        [
            (("收款账户", "receiving account"), self.account.clone()),
            (("收款人", "account name"), self.name.clone()),
            (("收款银行", "receiving bank"), self.bank.clone()),
            (
                ("转账时间", "paid at"),
                self.paid_at.map(|m| m.short()).unwrap_or_default(),
            ),
            (("交易流水号", "transaction number"), self.txn.clone()),
            (("转账方式", "paid via"), self.method.clone()),
            (("付款账户", "paying account"), self.from_account.clone()),
            (("付款银行", "paying bank"), self.from_bank.clone()),
            (("账单原文", "bill row"), self.bill_row.clone()),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .collect()
    }

    /// These details with the parts `over` gives replacing them.
    pub fn merged(&self, over: &Transfer) -> Transfer {
        let pick = |new: &String, old: &String| if new.is_empty() { old.clone() } else { new.clone() };
        Transfer {
            account: pick(&over.account, &self.account),
            name: pick(&over.name, &self.name),
            bank: pick(&over.bank, &self.bank),
            paid_at: over.paid_at.or(self.paid_at),
            txn: pick(&over.txn, &self.txn),
            method: pick(&over.method, &self.method),
            from_account: pick(&over.from_account, &self.from_account),
            from_bank: pick(&over.from_bank, &self.from_bank),
            bill_row: pick(&over.bill_row, &self.bill_row),
        }
    }
}

/// The facts of one piece of evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceFields {
    /// What kind of contact.
    pub kind: EvidenceKind,
    /// When it happened.
    pub occurred_at: Moment,
    /// The other side: a number, an address, a URL or a name, as typed.
    #[serde(default)]
    pub counterpart: String,
    /// Which of my numbers or addresses it reached.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub to_mine: String,
    /// What they said or did, in the user's words.
    #[serde(default)]
    pub summary: String,
    /// What they knew about me.
    #[serde(default)]
    pub knew: BTreeSet<Knew>,
    /// Money lost, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost: Option<Fen>,
    /// Where the money went, if known. (Boxed: most entries do not carry it.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer: Option<Box<Transfer>>,
    /// For an email imported from a saved message: its headers, route, checks, links and
    /// attachments. Absent on every other entry (and on entries logged before it existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Box<crate::evidence::email::EmailFacts>>,
    /// For a call or message picked from the phone's own backup (`import phone`): the
    /// backup file, its hash, the record's place in it, its direction and length. Absent on
    /// every other entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Box<crate::evidence::phone_backup::PhoneOrigin>>,
    /// Where the original is kept (原件所在), in the victim's words: 手机, 电脑, 已删除 …
    /// Empty when not said (and on entries logged before it could be said).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kept_at: String,
}

/// Changes to an entry; `None` leaves a field as it was.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidencePatch {
    /// New kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EvidenceKind>,
    /// New time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred_at: Option<Moment>,
    /// New counterpart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterpart: Option<String>,
    /// New "which of mine".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_mine: Option<String>,
    /// New summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// New set of what they knew.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knew: Option<BTreeSet<Knew>>,
    /// New amount lost (`Some(None)` is not used: zero means none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost: Option<Fen>,
    /// Transfer details; the parts given replace the recorded ones. (Boxed: most
    /// corrections do not carry them.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer: Option<Box<Transfer>>,
    /// New "where the original is".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_at: Option<String>,
}

impl EvidencePatch {
    /// True when the patch changes nothing.
    pub fn is_empty(&self) -> bool {
        self == &EvidencePatch::default()
    }

    /// The patch reduced to what really differs from `current`.
    pub fn against(&self, current: &EvidenceFields) -> EvidencePatch {
        fn keep<T: PartialEq + Clone>(new: &Option<T>, old: &T) -> Option<T> {
            new.as_ref().filter(|n| *n != old).cloned()
        }
        EvidencePatch {
            kind: keep(&self.kind, &current.kind),
            occurred_at: keep(&self.occurred_at, &current.occurred_at),
            counterpart: keep(&self.counterpart, &current.counterpart),
            to_mine: keep(&self.to_mine, &current.to_mine),
            summary: keep(&self.summary, &current.summary),
            knew: keep(&self.knew, &current.knew),
            lost: self.lost.filter(|n| Some(*n) != current.lost),
            transfer: self
                .transfer
                .as_ref()
                .filter(|t| {
                    let before = current.transfer.as_deref().cloned().unwrap_or_default();
                    before.merged(t) != before
                })
                .cloned(),
            kept_at: keep(&self.kept_at, &current.kept_at),
        }
    }

    /// Applies the patch to a copy of `fields`.
    pub fn apply_to(&self, fields: &EvidenceFields) -> EvidenceFields {
        let mut f = fields.clone();
        if let Some(v) = self.kind {
            f.kind = v;
        }
        if let Some(v) = self.occurred_at {
            f.occurred_at = v;
        }
        if let Some(v) = &self.kept_at {
            f.kept_at = v.clone();
        }
        if let Some(v) = &self.counterpart {
            f.counterpart = v.clone();
        }
        if let Some(v) = &self.to_mine {
            f.to_mine = v.clone();
        }
        if let Some(v) = &self.summary {
            f.summary = v.clone();
        }
        if let Some(v) = &self.knew {
            f.knew = v.clone();
        }
        if let Some(v) = self.lost {
            f.lost = if v.0 == 0 { None } else { Some(v) };
        }
        if let Some(t) = &self.transfer {
            let merged = f.transfer.as_deref().cloned().unwrap_or_default().merged(t);
            f.transfer = (!merged.is_empty()).then(|| Box::new(merged));
        }
        f
    }
}

/// A file kept in the case's evidence vault.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// SHA-256 of the content, lower-case hex; also its file name in the vault.
    pub sha256: String,
    /// The file name it had on the user's disk.
    pub original_name: String,
    /// Size in bytes.
    pub size: u64,
    /// Media type guessed from the content and name (`image/png`, `message/rfc822` …).
    pub media_type: String,
}

/// The victim's own details, used for the complaint packet. Each field set replaces the
/// earlier value; the history stays in the journal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfilePatch {
    /// Full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// ID-card number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_number: Option<String>,
    /// Sex, as the user writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<String>,
    /// Date of birth, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    /// My phone numbers (replaces the list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phones: Option<Vec<String>>,
    /// My email addresses (replaces the list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emails: Option<Vec<String>>,
    /// Home address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// My own bank cards and accounts (replaces the list): known, so a copy for others
    /// masks them wherever they were typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounts: Option<Vec<String>>,
    /// The company, shop or platform the victim suspects leaked their details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspect: Option<String>,
    /// Why the victim suspects it (callers quoted an order from it …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspect_why: Option<String>,
    /// The suspect's address, as a complaint to 12315 names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspect_address: Option<String>,
}

impl ProfilePatch {
    /// True when the patch sets nothing.
    pub fn is_empty(&self) -> bool {
        self == &ProfilePatch::default()
    }
}

/// One event in the case journal.
///
/// Written by the derived `Serialize`; read by the hand-written `Deserialize` in
/// `event_de.rs`, which takes exactly what the derive would and reads each line once
/// (the derive buffers internally tagged and flattened maps and reads them twice).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventBody {
    /// A new piece of evidence.
    EvidenceAdded {
        /// Its id.
        id: EntryId,
        /// Its facts.
        #[serde(flatten)]
        fields: EvidenceFields,
        /// Files stored with it.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        attachments: Vec<Attachment>,
    },
    /// A correction of an earlier entry; the original stays in the record.
    EvidenceCorrected {
        /// The entry corrected.
        id: EntryId,
        /// What changed.
        changes: EvidencePatch,
        /// Why, if the user said.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        reason: String,
    },
    /// An entry withdrawn (entered by mistake, a duplicate); it stays in the record, marked.
    EvidenceRetracted {
        /// The entry withdrawn.
        id: EntryId,
        /// Why.
        reason: String,
    },
    /// A file added to an existing entry.
    AttachmentAdded {
        /// The entry.
        id: EntryId,
        /// The file.
        attachment: Attachment,
    },
    /// The victim's details set or changed.
    ProfileSet {
        /// The fields set.
        #[serde(flatten)]
        changes: ProfilePatch,
    },
    /// An immediate-action checklist item ticked or unticked.
    ChecklistTicked {
        /// The checklist item's id (from the guide content).
        item: String,
        /// Done or not.
        done: bool,
    },
    /// A report to an authority (step 2).
    ReportAdded {
        /// `R1`, `R2` …
        id: super::record_id::ReportId,
        /// Its facts.
        #[serde(flatten)]
        fields: super::steps::ReportFields,
    },
    /// A report's status, receipt or follow-up changed.
    ReportUpdated {
        /// The report.
        id: super::record_id::ReportId,
        /// What changed.
        changes: super::steps::ReportPatch,
    },
    /// A contact warned (step 3).
    ContactWarned {
        /// `W1`, `W2` …
        id: super::record_id::WarningId,
        /// Who and how.
        #[serde(flatten)]
        fields: super::steps::WarningFields,
    },
    /// A consultation with a lawyer (step 4).
    LawyerConsulted {
        /// `L1`, `L2` …
        id: super::record_id::ConsultationId,
        /// Who and what.
        #[serde(flatten)]
        fields: super::steps::ConsultationFields,
    },
    /// The user's own account of what happened, for the complaint packet (replaces the earlier).
    NarrativeSet {
        /// The text.
        text: String,
    },
    /// A warned-contact record corrected; what it first said stays in the record.
    WarningCorrected {
        /// `W1` …
        id: super::record_id::WarningId,
        /// What changed.
        changes: super::steps::WarningPatch,
        /// Why, if the user said.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        reason: String,
    },
    /// A warned-contact record withdrawn (entered by mistake, a duplicate); it stays, marked.
    WarningRetracted {
        /// `W1` …
        id: super::record_id::WarningId,
        /// Why.
        reason: String,
    },
    /// A consultation record corrected; what it first said stays in the record.
    ConsultationCorrected {
        /// `L1` …
        id: super::record_id::ConsultationId,
        /// What changed.
        changes: super::steps::ConsultationPatch,
        /// Why, if the user said.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        reason: String,
    },
    /// A consultation record withdrawn; it stays, marked.
    ConsultationRetracted {
        /// `L1` …
        id: super::record_id::ConsultationId,
        /// Why.
        reason: String,
    },
}

impl EventBody {
    /// The entry this event is about, if any.
    pub fn entry_id(&self) -> Option<EntryId> {
        match self {
            EventBody::EvidenceAdded { id, .. }
            | EventBody::EvidenceCorrected { id, .. }
            | EventBody::EvidenceRetracted { id, .. }
            | EventBody::AttachmentAdded { id, .. } => Some(*id),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_in_yuan() {
        assert_eq!(Fen::parse_yuan("1200"), Some(Fen(120_000)));
        assert_eq!(Fen::parse_yuan("¥1,200.5"), Some(Fen(120_050)));
        assert_eq!(Fen::parse_yuan("38.05元"), Some(Fen(3805)));
        assert_eq!(Fen::parse_yuan("12.345"), None);
        assert_eq!(Fen::parse_yuan("-5"), None);
        assert_eq!(Fen(120_050).to_string(), "1200.50");
        assert_eq!(Fen::total([Fen(u64::MAX - 1), Fen(5), Fen(7)]), Fen(u64::MAX));
        assert_eq!(Fen::total([Fen(150), Fen(250)]), Fen(400));
    }

    #[test]
    fn ids_and_knew_words() {
        assert_eq!("e7".parse::<EntryId>(), Ok(EntryId(7)));
        assert_eq!("E0".parse::<EntryId>(), Err(()));
        assert_eq!("身份证".parse::<Knew>(), Ok(Knew::IdNumber));
        assert_eq!("bank".parse::<Knew>(), Ok(Knew::BankCard));
        assert!("shoe size".parse::<Knew>().is_err());
    }
}
