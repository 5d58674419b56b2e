//! The packet model: plain data, built once from the case by [`super::case_input`], that the
//! page writers ([`super::complaint`], [`super::annex`], [`super::figures`], [`super::accounts`],
//! [`super::measures`], [`super::chart`]) read and never change. It also holds what decides
//! which entries and leads are printed, so the builder and the writers agree.
//!
//! The model does not depend on how the case is stored, nor on any page writer.

use std::collections::BTreeMap;
use std::path::PathBuf;

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

use super::bins::Chart;
use crate::case::{EvidenceKind, Knew, Transfer};
use crate::guide::charges::Charges;
use crate::i18n::Lang;

/// The victim, as the packet's 控告人 section shows them.
#[derive(Debug, Clone, Default)]
pub struct Complainant {
    /// Full name.
    pub name: String,
    /// Sex, as the victim wrote it.
    pub sex: Option<String>,
    /// Date of birth, as written.
    pub birth_date: Option<String>,
    /// Resident ID card number.
    pub id_number: Option<String>,
    /// Home address.
    pub address: Option<String>,
    /// The victim's own phone numbers.
    pub phones: Vec<String>,
    /// The victim's own email addresses.
    pub emails: Vec<String>,
    /// The victim's own bank cards and accounts (never printed as such; a copy for others
    /// masks them wherever they were typed).
    pub accounts: Vec<String>,
}

/// The company, shop or platform the victim suspects leaked their details: a lead under
/// 被控告人, named in the request to find the source and in the letters to its regulators.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suspect {
    /// Its name, as the victim wrote it.
    pub name: String,
    /// Why the victim suspects it.
    pub why: String,
    /// Its address, when known.
    pub address: String,
}

/// An attachment of an entry, as the evidence list shows it.
#[derive(Debug, Clone)]
pub struct PacketAttachment {
    /// The file name the victim gave.
    pub name: String,
    /// Full lowercase hex SHA-256 of the content.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
    /// MIME type, e.g. `image/png`.
    pub media_type: String,
    /// Where the content can be read (the vault), for drawing images. `None`: list only.
    pub path: Option<PathBuf>,
}

/// What a saved email shows that an officer can act on, for its row in the evidence list.
/// Every text is as the message wrote it (cleaned for printing): the scammer wrote it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PacketEmail {
    /// From: display name and address.
    pub from: String,
    /// From is shown forged (冒用): a listed institution's domain whose check failed.
    pub forged: bool,
    /// Reply-To addresses.
    pub reply_to: Vec<String>,
    /// The sender checks the recipient's provider recorded, e.g. "SPF fail (boc.cn)".
    pub checks: Vec<String>,
    /// Where the links really point: their registrable domains, each once.
    pub link_domains: Vec<String>,
    /// The sending server's IP (the first hop from outside the recipient's provider).
    pub server_ip: String,
    /// The sender's own connection where it signed in to send, when the headers show it.
    pub submitter_ip: String,
}

/// One evidence entry in its current (corrected) form.
#[derive(Debug, Clone)]
pub struct PacketEntry {
    /// The entry id, e.g. `E3`: the one numbering of the whole packet.
    pub id: String,
    /// The entry number (3 for `E3`), for ordering.
    pub number: u32,
    /// When it happened, in the packet's zone ([`PacketInput::zone`]).
    pub occurred_at: DateTime,
    /// When it was written down: the journal time of the line that logged it, in the
    /// packet's zone (记录于 / 补记 in the evidence list).
    pub recorded_at: DateTime,
    /// Kind.
    pub kind: EvidenceKind,
    /// Number, address or URL of the other side.
    pub counterpart: String,
    /// Which of the victim's numbers/addresses it reached.
    pub to_mine: Option<String>,
    /// What they said or did.
    pub summary: String,
    /// What they knew about the victim.
    pub knew: Vec<Knew>,
    /// Money lost, in fen (0.01 yuan).
    pub amount_lost_fen: Option<u64>,
    /// Where the money went (receiving account, name, bank, time, number, how), if recorded.
    pub transfer: Option<Transfer>,
    /// Where the victim said the original is kept (`--original`), as typed; empty when not
    /// said (原件所在 then names the device the kind implies).
    pub kept_at: String,
    /// For an email read from its saved file: what the headers show.
    pub email: Option<PacketEmail>,
    /// Attachments with their hashes.
    pub attachments: Vec<PacketAttachment>,
    /// How many corrections were recorded (the original stays in the journal).
    pub corrections: usize,
    /// The reason, if the entry was retracted (shown, marked, not counted).
    pub retracted: Option<String>,
}

/// One counterpart as a lead for the police, from the one grouping in
/// [`crate::case::leads`].
#[derive(Debug, Clone)]
pub struct PacketLead {
    /// The counterpart as first written.
    pub counterpart: String,
    /// What the case knows about the counterpart (service number shown as the caller,
    /// virtual operator, overseas …), printed beside it.
    pub label: Option<String>,
    /// Live entries.
    pub count: usize,
    /// Kinds of contact.
    pub kinds: Vec<EvidenceKind>,
    /// What they knew.
    pub knew: Vec<Knew>,
    /// First contact.
    pub first: DateTime,
    /// Latest contact.
    pub last: DateTime,
    /// Money lost to them, in fen.
    pub lost_fen: u64,
    /// Their entries' ids, in time order.
    pub entries: Vec<String>,
}

/// A report or letter the victim already made (已采取的措施).
#[derive(Debug, Clone)]
pub struct PacketReport {
    /// `R1` …
    pub id: String,
    /// When it was made, in the packet's zone.
    pub at: DateTime,
    /// Where: the station, 110, 12321, the company.
    pub channel: String,
    /// How: in person, by phone.
    pub how: String,
    /// The letter's name, when it was a letter sent.
    pub letter: Option<String>,
    /// Where it stands, in words.
    pub status: String,
    /// Receipt, case or ticket number.
    pub receipt: String,
    /// The officer or clerk.
    pub officer: String,
    /// The date of the receipt or notice behind the status.
    pub notice_date: String,
    /// What was said, as the victim noted it.
    pub note: String,
    /// The desk would not take it (不予受理).
    pub not_accepted: bool,
}

/// One legal provision to cite.
#[derive(Debug, Clone)]
pub struct LawRef {
    /// Citation, e.g. "《中华人民共和国刑法》第二百五十三条之一".
    pub citation: String,
    /// The text printed after the citation.
    pub text: String,
    /// Whether `text` is the statute's own words; otherwise it is marked as a summary (要旨).
    pub exact: bool,
}

/// The case fingerprint: number of journal events and the SHA-256 of the last line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Number of lines (events) in the journal.
    pub count: u64,
    /// Hex SHA-256 of the last line.
    pub head: String,
}

impl Fingerprint {
    /// `N:HEAD`, the form `leakaid verify --fingerprint` takes.
    pub fn full(&self) -> String {
        format!("{}:{}", self.count, self.head)
    }
    /// `N:first 16 hex…`, for page footers.
    pub fn short(&self) -> String {
        let head: String = self.head.chars().take(16).collect();
        format!("{}:{}…", self.count, head)
    }
}

/// A file written beside the PDF (the complete evidence list, the journal copy, a file of
/// the bundle) and named in it with its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideFile {
    /// Its file name (in a bundle, its path there, with `/`).
    pub name: String,
    /// Full lowercase hex SHA-256 of its bytes.
    pub sha256: String,
}

/// Everything the packet shows, independent of how the case is stored.
#[derive(Debug, Clone)]
pub struct PacketInput {
    /// The date printed on the packet (also its PDF creation date).
    pub print_date: Date,
    /// The victim.
    pub complainant: Complainant,
    /// The victim's own account (控告人自述).
    pub narrative: Option<String>,
    /// The suspected source of the leak, when the victim named one.
    pub suspect: Option<Suspect>,
    /// The entries the packet prints, any order (sorted by entry number in the packet): all
    /// of them up to [`PRINT_ALL_UP_TO`]; above that the top leads' entries and those the
    /// letter names. What it counts over every entry is in `totals`.
    pub entries: Vec<PacketEntry>,
    /// What the packet counts over every entry of the case.
    pub totals: Totals,
    /// The zone every time is printed in (the system's, as the wizard and the lists show
    /// them), named once at the top of the 时间经过 and of the 证据清单.
    pub zone: TimeZone,
    /// The leads, ranked.
    pub leads: Vec<PacketLead>,
    /// The reports and letters already made, oldest first (已采取的措施).
    pub reports: Vec<PacketReport>,
    /// What the letter asks for and cites; `None` for a case with no evidence.
    pub charges: Option<Charges>,
    /// The provisions of `charges`, with the numbers valid on `print_date`.
    pub laws: Vec<LawRef>,
    /// The case fingerprint at export time.
    pub fingerprint: Fingerprint,
    /// For a case too big to print whole: the complete list (CSV) and the journal copy
    /// written beside the PDF.
    pub side_files: Vec<SideFile>,
    /// The files of the evidence bundle the packet is printed into (`leakaid export bundle`),
    /// which its 附 lists with their hashes instead of saying how to make one. `None`: a
    /// packet on its own.
    pub bundle: Option<Vec<SideFile>>,
}

/// Above this many entries the printed evidence list holds only the top leads' entries and
/// the complete list goes beside the PDF as a CSV file.
pub const PRINT_ALL_UP_TO: usize = 1_000;

impl PacketInput {
    /// Whether the case is too big to print every entry.
    pub fn is_big(&self) -> bool {
        self.totals.entries > PRINT_ALL_UP_TO
    }
}

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct PacketOptions {
    /// Language of the packet: Chinese (the complaint), or English (a translation for the
    /// victim's own use, marked as such on every page).
    pub lang: Lang,
    /// Mask the ID number (first 6 + last 4 digits) and phone numbers (last 4) everywhere,
    /// for copies given to others.
    pub redact: bool,
    /// With `redact`: the name too, as 王某某.
    pub mask_name: bool,
    /// The agency after 此致, e.g. "北京市公安局朝阳分局某某派出所". `None`: a blank to fill.
    pub agency: Option<String>,
}

/// The counts the packet prints about the whole case.
#[derive(Debug, Clone, Default)]
pub struct Totals {
    /// Entries in the case, retracted ones included.
    pub entries: usize,
    /// Retracted entries (listed, not counted by the letter).
    pub retracted: usize,
    /// Live entries: what the letter counts.
    pub live: usize,
    /// Leads (counterparts of live entries); the packet copies only those it names.
    pub leads: usize,
    /// Live entries by kind.
    pub by_kind: BTreeMap<EvidenceKind, usize>,
    /// Live entries per bar of the contacts chart.
    pub chart: Chart,
    /// The numbers of the key events the 时间经过 lists when the case has more than
    /// [`TIMELINE_ROWS`] live entries, in time order, at most that many (see [`super::totals::key_events`]).
    pub key_events: Vec<u32>,
}

/// Files of a bundle the 附 names one by one; the rest are counted (SHA256SUMS.txt lists
/// every one).
pub const BUNDLE_FILES_LISTED: usize = 30;

/// Leads printed by name in the letter; the rest are counted and left to the evidence list.
pub const LEADS_SHOWN: usize = 15;

/// Rows of the 时间经过 table; a longer case shows its key events.
pub const TIMELINE_ROWS: usize = 30;

/// Leads the 事实与理由 describes in its opening paragraph.
pub const LEADS_TOLD: usize = 3;

/// Rows the evidence list of a big case prints (the top leads' entries).
pub const BIG_CASE_ROWS: usize = 300;

/// Whether `e` is a live loss.
pub fn is_loss(e: &PacketEntry) -> bool {
    e.retracted.is_none() && e.amount_lost_fen.is_some_and(|f| f > 0)
}

/// The rows of a big case's evidence list: the entries of the leads (each lead's entries,
/// in rank order), at most [`BIG_CASE_ROWS`].
pub fn lead_rows<'a, T: 'a>(leads: impl IntoIterator<Item = &'a [T]>) -> impl Iterator<Item = &'a T> {
    leads.into_iter().flat_map(|l| l.iter()).take(BIG_CASE_ROWS)
}

/// How many leads [`lead_rows`] reaches into, of leads with `counts` entries each.
pub fn leads_reached(counts: impl IntoIterator<Item = usize>) -> usize {
    let (mut leads, mut rows) = (0, 0);
    for n in counts {
        if rows >= BIG_CASE_ROWS {
            break;
        }
        rows += n;
        leads += 1;
    }
    leads
}

/// The entries the evidence list prints, in entry order: all of them, or for a big case the
/// entries of the top leads up to [`BIG_CASE_ROWS`] ([`lead_rows`]).
pub fn printed_entries(input: &PacketInput) -> Vec<&PacketEntry> {
    let mut out: Vec<&PacketEntry> = if input.is_big() {
        let by_id: std::collections::HashMap<&str, &PacketEntry> =
            input.entries.iter().map(|e| (e.id.as_str(), e)).collect();
        let mut rows: Vec<&PacketEntry> = lead_rows(input.leads.iter().map(|l| l.entries.as_slice()))
            .filter_map(|id| by_id.get(id.as_str()).copied())
            .collect();
        // Every transfer too: the letter's transfer table and 收款账户一览 point here.
        let listed: std::collections::HashSet<u32> = rows.iter().map(|e| e.number).collect();
        rows.extend(
            input
                .entries
                .iter()
                .filter(|e| is_loss(e) && !listed.contains(&e.number)),
        );
        rows
    } else {
        input.entries.iter().collect()
    };
    out.sort_by_key(|e| e.number);
    out
}
