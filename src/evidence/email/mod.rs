//! Where an email really came from: one parser of a saved message (.eml, RFC 5322/MIME as mail
//! programs export it) for the command line, the wizard and the packet.
//!
//! It takes bytes (however they were read) and keeps, as structured facts on the entry: the
//! sender as written (From), where answers go (Reply-To) and where bounces go (Return-Path),
//! the recipients, the Date with the offset the message carries, the Subject (encoded words in
//! GBK, GB2312, GB18030 or UTF-8), the Message-ID, the Received chain in order with the first
//! hop from outside the recipient's provider marked, the SPF/DKIM/DMARC results, the domains
//! links really go to, and the attachments' names, types and sizes. Nothing in the message is
//! executed or written out. Every string from the message is hostile: it is cleaned of control
//! and bidi characters and cut to a bounded length before it is kept.

mod auth;
mod describe;
mod lenient;
mod links;
mod providers;
mod received;
mod signals;

use jiff::ZonedDateTime;
use jiff::tz::{Offset, TimeZone};
use mailparse::{DispositionType, MailAddr, MailHeader, MailHeaderMap, ParsedMail};
use serde::{Deserialize, Serialize};

pub use auth::AuthResult;
pub use describe::with_local;
pub use links::{Link, first_url, registrable_domain};
pub use providers::{MailService, Provider, mail_service, providers};
pub use received::{Hop, Route};
pub use signals::{Origin, Signal};

use crate::moment::Moment;
use crate::text::clean_text;

/// Longest kept header text (a Subject, a name), in characters.
const MAX_FIELD: usize = 500;
/// Most recipients kept from To and Cc together (a 2,000-character To list fits many times).
const MAX_RECIPIENTS: usize = 500;
/// Most Received hops kept.
const MAX_HOPS: usize = 50;
/// Most distinct link targets kept.
const MAX_LINKS: usize = 50;
/// Most attachments listed.
const MAX_ATTACHMENTS: usize = 50;
/// Characters of the text body kept as an excerpt.
const EXCERPT_CHARS: usize = 300;

/// A mailbox: display name and address.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mailbox {
    /// The display name, decoded; empty when there is none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The address, as written.
    pub address: String,
}

impl Mailbox {
    /// The domain of the address, in lower case (`boc.cn` for `service@boc.cn`).
    pub fn domain(&self) -> Option<String> {
        domain_of(&self.address)
    }
}

impl std::fmt::Display for Mailbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.name.is_empty() {
            write!(f, "{}", self.address)
        } else {
            write!(f, "{} <{}>", self.name, self.address)
        }
    }
}

/// The domain after the last `@`, lower case, without a trailing dot or `>`.
pub fn domain_of(address: &str) -> Option<String> {
    let (_, d) = address.rsplit_once('@')?;
    let d = d.trim().trim_end_matches(['>', '.']).to_lowercase();
    (!d.is_empty()).then_some(d)
}

/// An attachment as the message describes it (never extracted).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailAttachment {
    /// The file name it carries.
    pub name: String,
    /// Its media type (`application/octet-stream` …).
    pub media_type: String,
    /// Its size after transfer decoding, in bytes.
    pub size: u64,
}

impl MailAttachment {
    /// Whether opening it would run a program (by its name or its media type).
    pub fn is_executable(&self) -> bool {
        const EXTENSIONS: [&str; 22] = [
            "exe", "scr", "bat", "cmd", "com", "pif", "vbs", "vbe", "js", "jse", "wsf", "wsh", "hta", "msi",
            "jar", "ps1", "apk", "lnk", "dll", "cpl", "reg", "iso",
        ];
        const TYPES: [&str; 5] = [
            "application/x-msdownload",
            "application/x-dosexec",
            "application/vnd.microsoft.portable-executable",
            "application/x-msi",
            "application/vnd.android.package-archive",
        ];
        let ext = self
            .name
            .rsplit_once('.')
            .map(|(_, e)| e.trim().to_lowercase())
            .unwrap_or_default();
        EXTENSIONS.contains(&ext.as_str()) || TYPES.contains(&self.media_type.to_lowercase().as_str())
    }
}

/// Everything kept from one saved email. Stored on the evidence entry; every field is
/// optional in the journal so the shape can grow.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailFacts {
    /// SHA-256 of the .eml file's bytes (the same file imported twice is noticed by this).
    pub sha256: String,
    /// The From header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Mailbox>,
    /// Further From headers, when the message carries more than one (a mail program may show
    /// any of them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_from: Vec<Mailbox>,
    /// Reply-To: where answers really go.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reply_to: Vec<Mailbox>,
    /// Return-Path: where bounces go (the envelope sender).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub return_path: String,
    /// To.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Mailbox>,
    /// Cc.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Mailbox>,
    /// The Date header with the offset it carries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Moment>,
    /// The Subject, decoded.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subject: String,
    /// The Message-ID.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message_id: String,
    /// The Received hops, as they appear (the topmost, nearest the recipient, first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub received: Vec<Hop>,
    /// Index in `received` of the first hop from outside the recipient's provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_external: Option<usize>,
    /// SPF, DKIM and DMARC results and DKIM signing domains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub auth: Vec<AuthResult>,
    /// Where the links in the text and HTML parts really go.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Attachments: names, types, sizes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<MailAttachment>,
    /// The start of the text body.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub excerpt: String,
}

/// Cleans a string from the message and bounds it: control, bidi and invisible characters
/// dropped, blank space made one space.
fn tidy(s: &str, max: usize) -> String {
    let cleaned = clean_text(s, usize::MAX).unwrap_or_default();
    let visible = crate::text::invisible::drop_invisible(&cleaned);
    let one_line: String = visible.split_whitespace().collect::<Vec<_>>().join(" ");
    one_line.chars().take(max).collect()
}

/// An address with its domain in ASCII: a domain written in another script is kept in its
/// punycode form (`xn--…`), so it never prints as the domain it imitates.
fn ascii_address(address: &str) -> String {
    match address.rsplit_once('@') {
        Some((local, domain)) if !domain.is_ascii() => match idna::domain_to_ascii(domain) {
            Ok(ascii) => format!("{local}@{ascii}"),
            Err(_) => address.to_string(),
        },
        _ => address.to_string(),
    }
}

/// A From value no address parser accepts (`中国银行 <service@boc.cn> <scam@evil.top>`): the
/// last `<…>` with an `@` is the address (where the mail program sends), the rest the name.
fn loose_mailbox(value: &str) -> Option<Mailbox> {
    let open = value.rfind('<')?;
    let close = open + value[open..].find('>')?;
    let address = value[open + 1..close].trim();
    address.contains('@').then(|| Mailbox {
        name: tidy(value[..open].trim().trim_matches('"'), MAX_FIELD),
        address: ascii_address(&tidy(address, MAX_FIELD)),
    })
}

fn mailboxes(header: Option<&MailHeader<'_>>) -> Vec<Mailbox> {
    let Some(h) = header else {
        return Vec::new();
    };
    let Ok(list) = mailparse::addrparse_header(h) else {
        if let Some(m) = loose_mailbox(&h.get_value()) {
            return vec![m];
        }
        // Not a parseable address list: keep the text as one address.
        let v = tidy(&h.get_value(), MAX_FIELD);
        return if v.is_empty() {
            Vec::new()
        } else {
            vec![Mailbox {
                name: String::new(),
                address: v,
            }]
        };
    };
    let mut out = Vec::new();
    for a in list.iter() {
        match a {
            MailAddr::Single(s) => out.push(single(s)),
            MailAddr::Group(g) => out.extend(g.addrs.iter().map(single)),
        }
    }
    out.truncate(MAX_RECIPIENTS);
    out
}

fn single(s: &mailparse::SingleInfo) -> Mailbox {
    Mailbox {
        name: tidy(s.display_name.as_deref().unwrap_or_default(), MAX_FIELD),
        address: ascii_address(&tidy(&s.addr, MAX_FIELD)),
    }
}

/// Reads a Date header keeping the offset it was written with (`+0800`, `-0500`, `GMT`, …).
pub fn parse_date(value: &str) -> Option<Moment> {
    // mailparse reads an empty or nonsense date as 0: the first second of 1970 is no
    // email's date.
    let secs = mailparse::dateparse(value).ok().filter(|s| *s > 0)?;
    let ts = jiff::Timestamp::from_second(secs).ok()?;
    // An offset no place uses (`+1600`, which the sender writes) keeps the instant, in UTC:
    // the record must be able to read back every time it holds.
    let offset = date_offset(value)
        .filter(|o| crate::moment::is_real_offset(*o))
        .unwrap_or(Offset::UTC);
    Some(Moment::from_zoned(&ts.to_zoned_datetime(TimeZone::fixed(offset))))
}

/// The zone of an RFC 5322 date: the first numeric `+hhmm` / `-hhmm`, or one of the obsolete
/// names RFC 5322 defines (`GMT`, `EST` …).
fn date_offset(value: &str) -> Option<Offset> {
    const NAMED: [(&str, i32); 12] = [
        ("GMT", 0),
        ("UT", 0),
        ("UTC", 0),
        ("Z", 0),
        ("EST", -5),
        ("EDT", -4),
        ("CST", -6),
        ("CDT", -5),
        ("MST", -7),
        ("MDT", -6),
        ("PST", -8),
        ("PDT", -7),
    ];
    for t in value.split(|c: char| c.is_whitespace() || c == '(' || c == ')') {
        let b = t.as_bytes();
        if b.len() == 5 && (b[0] == b'+' || b[0] == b'-') && b[1..].iter().all(u8::is_ascii_digit) {
            let h: i32 = t[1..3].parse().ok()?;
            let m: i32 = t[3..5].parse().ok()?;
            let sign = if b[0] == b'-' { -1 } else { 1 };
            return Offset::from_seconds(sign * (h * 3600 + m * 60)).ok();
        }
        if let Some((_, h)) = NAMED.iter().find(|(n, _)| t.eq_ignore_ascii_case(n)) {
            return Offset::from_seconds(h * 3600).ok();
        }
    }
    None
}

/// Reads a saved email. `None` when the bytes are not an email (no From and no Subject).
///
/// Header lines no reader could take (no name, a stray continuation, a lone CR) are left out
/// and the rest is read; raw 8-bit header text is read as UTF-8, else in the message's
/// charset, else as GB18030 (see [`lenient`]).
pub fn parse(bytes: &[u8]) -> Option<EmailFacts> {
    let tidied = lenient::tidy_headers(bytes);
    let mail = mailparse::parse_mail(&tidied).ok()?;
    let h = &mail.headers;
    let from_header = h.get_first_header("From");
    let other_from: Vec<Mailbox> = h
        .get_all_headers("From")
        .into_iter()
        .skip(1)
        .take(10)
        .flat_map(|f| mailboxes(Some(f)).into_iter().take(1))
        .collect();
    let subject = h.get_first_value("Subject");
    if from_header.is_none() && subject.is_none() {
        return None;
    }
    let received: Vec<Hop> = h
        .get_all_values("Received")
        .iter()
        .take(MAX_HOPS)
        .map(|v| received::parse_hop(v))
        .collect();
    let first_external = received::first_external(&received);
    let mut facts = EmailFacts {
        sha256: crate::journal::sha256_hex(bytes),
        from: mailboxes(from_header).into_iter().next(),
        other_from,
        reply_to: mailboxes(h.get_first_header("Reply-To")),
        return_path: h
            .get_first_value("Return-Path")
            .map(|v| tidy(v.trim().trim_start_matches('<').trim_end_matches('>'), MAX_FIELD))
            .unwrap_or_default(),
        to: mailboxes(h.get_first_header("To")),
        cc: mailboxes(h.get_first_header("Cc")),
        date: h.get_first_value("Date").and_then(|d| parse_date(&d)),
        subject: tidy(&subject.unwrap_or_default(), MAX_FIELD),
        message_id: h
            .get_first_value("Message-ID")
            .map(|v| tidy(v.trim(), MAX_FIELD))
            .unwrap_or_default(),
        received,
        first_external,
        auth: auth::results(h),
        ..EmailFacts::default()
    };
    let mut texts = Vec::new();
    walk(&mail, &mut facts, &mut texts);
    facts.links = links::collect(&texts, MAX_LINKS);
    // Only the start is kept: cleaning a whole 50 MB body for 300 characters is wasted work.
    facts.excerpt = texts
        .iter()
        .find(|(html, _)| !html)
        .map(|(_, t)| {
            tidy(
                &t.chars().take(EXCERPT_CHARS * 20).collect::<String>(),
                EXCERPT_CHARS,
            )
        })
        .unwrap_or_default();
    Some(facts)
}

/// Collects the text and HTML parts (decoded) and lists the attachments.
fn walk(part: &ParsedMail<'_>, facts: &mut EmailFacts, texts: &mut Vec<(bool, String)>) {
    if !part.subparts.is_empty() {
        for p in &part.subparts {
            walk(p, facts, texts);
        }
        return;
    }
    let disposition = part.get_content_disposition();
    let mime = part.ctype.mimetype.to_lowercase();
    let name = disposition
        .params
        .get("filename")
        .or_else(|| part.ctype.params.get("name"))
        .map(|n| tidy(n, MAX_FIELD));
    let is_text = mime == "text/plain" || mime == "text/html";
    if disposition.disposition == DispositionType::Attachment || name.is_some() || !is_text {
        if facts.attachments.len() < MAX_ATTACHMENTS {
            let size = part.get_body_raw().map_or(part.raw_bytes.len(), |b| b.len());
            facts.attachments.push(MailAttachment {
                name: name.unwrap_or_default(),
                media_type: tidy(&mime, 100),
                size: u64::try_from(size).unwrap_or(u64::MAX),
            });
        }
        return;
    }
    if let Ok(body) = part.get_body() {
        texts.push((mime == "text/html", body));
    }
}

impl EmailFacts {
    /// The first hop from outside the recipient's provider, read afresh from the chain.
    pub fn external_hop(&self) -> Option<&Hop> {
        self.received.get(self.route().external?)
    }

    /// The hop where a signed-in sender handed the message in, when the chain shows it.
    pub fn submission_hop(&self) -> Option<&Hop> {
        self.received.get(self.route().submitted?)
    }

    /// When the email happened: its Date when it is a real time not in the future, else the
    /// time the recipient's server received it (the topmost Received time), else `None` (the
    /// caller then uses the moment of import). The one place that decides this.
    pub fn occurred_at(&self, now: &ZonedDateTime) -> Option<Moment> {
        // A real time between 1970 and now, as every time in the record must be.
        let not_future = |m: &Moment| crate::moment::check_range(m, now).is_ok();
        self.date
            .filter(not_future)
            .or_else(|| self.received.iter().find_map(|h| h.at).filter(not_future))
    }

    /// The summary in the UI language's words: `主题：…` or `Subject: …`.
    pub fn summary_line(&self, lang: crate::i18n::Lang) -> String {
        let s = if self.subject.is_empty() {
            lang.pick("（无主题）", "(no subject)")
        } else {
            &self.subject
        };
        format!("{}{s}", lang.pick("主题：", "Subject: "))
    }
}

#[cfg(test)]
mod origin_tests;
#[cfg(test)]
mod tests;
