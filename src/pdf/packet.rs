//! The complaint packet's plain input model and [`render`], which lays out the 刑事控告书
//! ([`super::complaint`]) and its annexes ([`super::annex`]) and assembles the file.
//!
//! The input is plain data ([`PacketInput`]) so the packet does not depend on how the case is
//! stored; [`super::case_input`] builds it from the case, deciding the charges through
//! [`crate::guide::charges`] and the leads through [`crate::case::leads`].

use std::path::PathBuf;

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

use super::PdfError;
use super::annex::{self, AnnexPages};
use super::complaint;
use super::document::{Images, Meta, assemble};
use super::font::FontFace;
use super::page::{Canvas, Geometry};
use super::totals::Totals;
use super::writer::Writer;
use crate::case::{EvidenceKind, Knew, Transfer};
use crate::guide::charges::Charges;
use crate::guide::letter::LetterText;
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

/// One evidence entry in its current (corrected) form.
#[derive(Debug, Clone)]
pub struct PacketEntry {
    /// The entry id, e.g. `E3`: the one numbering of the whole packet.
    pub id: String,
    /// The entry number (3 for `E3`), for ordering.
    pub number: u32,
    /// When it happened, in the packet's zone ([`PacketInput::zone`]).
    pub occurred_at: DateTime,
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

/// A file written beside the PDF (the complete evidence list, the journal copy) and named
/// in it with its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideFile {
    /// Its file name.
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
    /// The agency after 此致, e.g. "北京市公安局朝阳分局某某派出所". `None`: a blank to fill.
    pub agency: Option<String>,
}

/// A finished packet.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Characters the font could not draw (they print as empty boxes): warn the user.
    pub missing: Vec<char>,
    /// Attachments that looked like images but could not be decoded (listed, not drawn).
    pub undecodable: Vec<String>,
}

/// Render the packet: the letter, then the annexes (whose page counts the letter's 附 list
/// names), then the footer on every page.
pub fn render(input: &PacketInput, opts: &PacketOptions, face: &FontFace) -> Result<Rendered, PdfError> {
    let redacted;
    let input = if opts.redact {
        redacted = crate::redact::redact_input(input, opts.lang);
        &redacted
    } else {
        input
    };
    let lang = opts.lang;
    let zh = lang == Lang::Zh;
    let text = LetterText::get(lang);

    // The annexes first, on their own canvas, so the letter can name their page counts.
    let mut annex_w = Writer::new(Canvas::new(Geometry::default()), face.metrics());
    let mut images = Images::default();
    let AnnexPages {
        evidence: evidence_pages,
        images: image_pages,
        undecodable,
    } = annex::draw(&mut annex_w, input, lang, &mut images, opts.redact);

    let mut w = Writer::new(Canvas::new(Geometry::default()), face.metrics());
    complaint::draw(&mut w, input, opts, evidence_pages, image_pages);
    w.canvas.append(annex_w.canvas);

    // Coverage check on exactly what was drawn.
    let m = face.metrics();
    let missing = super::furniture::uncovered(&w.canvas, &m);

    // A translation and a redacted copy say so at the top of every page.
    let mark = [
        text.translation_mark.clone(),
        if opts.redact {
            crate::redact::copy_mark(lang)
        } else {
            String::new()
        },
    ]
    .iter()
    .filter(|m| !m.is_empty())
    .cloned()
    .collect::<Vec<_>>()
    .join("　");
    let footer = super::furniture::footer(&text.footer, &input.fingerprint.short(), mark, &m);

    let pages = w.canvas.page_count();
    let meta = Meta {
        title: if zh {
            format!("{} — {}", text.title, input.complainant.name)
        } else {
            format!("{} (translation) — {}", text.title, input.complainant.name)
        },
        lang: if zh { "zh-CN".into() } else { "en".into() },
        pdf_date: super::furniture::pdf_date(input.print_date),
        subject: format!("leakaid {}", input.fingerprint.full()),
    };
    let bytes = assemble(w.canvas, footer, face, images, &meta)?;
    Ok(Rendered {
        bytes,
        pages,
        missing,
        undecodable,
    })
}
