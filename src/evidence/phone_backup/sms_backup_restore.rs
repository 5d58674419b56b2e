//! The XML files of the Android app "SMS Backup & Restore" (SyncTech): `sms-….xml`, a
//! `<smses>` root holding `<sms>` and `<mms>` elements, and `calls-….xml`, a `<calls>` root
//! holding `<call>` elements. The fields are the phone's own database columns, written as
//! attributes, `"null"` where a column is empty:
//!
//! - `<sms address date type body contact_name …/>`: `date` in milliseconds since 1970,
//!   `type` 1 received, 2 sent, 3 draft, 4 outbox, 5 failed, 6 queued;
//! - `<mms date msg_box address contact_name …>` with `<parts><part ct text data cl …/>`
//!   (a picture's bytes base64 in `data`, a text part in `text`) and `<addrs><addr address
//!   type …/>` (137 the sender, 151 a recipient); `msg_box` 1 received, 2 sent;
//! - `<call number duration date type presentation contact_name …/>`: `type` 1 incoming,
//!   2 outgoing, 3 missed, 4 voicemail, 5 rejected, 6 blocked, 7 answered on another
//!   device; `presentation` 1 shown, 2 withheld, 3 unknown, 4 payphone.
//!
//! Read as a stream of events (quick-xml), never as a tree of the whole file: a backup of a
//! hundred thousand messages is listed in one pass, and the pictures of an MMS are decoded
//! only for the records asked for.

use std::borrow::Cow;

use jiff::Timestamp;
use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

use super::{Backup, BackupError, BackupKind, Channel, Direction, Media, PhoneRecord, Pictures, plain_name};

/// True when the first bytes look like one of the app's files (an XML document whose root
/// is `<smses` or `<calls`).
pub fn looks_like(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let text = String::from_utf8_lossy(head);
    text.trim_start().starts_with('<') && (text.contains("<smses") || text.contains("<calls"))
}

/// Line numbers of byte offsets, counted forward once through the file.
struct Lines<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
}

impl Lines<'_> {
    /// The line (from 1) of the byte at `pos`; `pos` never goes backwards.
    fn of(&mut self, pos: u64) -> usize {
        let pos = usize::try_from(pos).unwrap_or(usize::MAX).min(self.bytes.len());
        if pos > self.at {
            self.line += memchr::memchr_iter(b'\n', &self.bytes[self.at..pos]).count();
            self.at = pos;
        }
        self.line
    }
}

/// An MMS being read: its attributes, then its parts and addresses.
struct MmsDraft {
    record: PhoneRecord,
    /// The sender (`addr type="137"`) and the recipients (151), as read.
    from: String,
    to: Vec<String>,
    /// Whether its pictures are decoded.
    decode: bool,
    texts: Vec<String>,
}

/// Reads a backup of messages or calls.
pub fn read(bytes: &[u8], pictures: Pictures<'_>) -> Result<Backup, BackupError> {
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().check_end_names = true;
    let mut lines = Lines {
        bytes,
        at: 0,
        line: 1,
    };
    let mut kind = None;
    let mut records = Vec::new();
    let mut depth = 0usize;
    let (mut sms_n, mut mms_n, mut call_n) = (0usize, 0usize, 0usize);
    let mut mms: Option<MmsDraft> = None;
    loop {
        let start = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(_) => {
                return Err(BackupError::Broken {
                    line: lines.of(reader.error_position()),
                });
            }
        };
        let (element, empty) = match event {
            Event::Start(e) => {
                depth += 1;
                (e, false)
            }
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if e.local_name().as_ref() == "mms"
                    && let Some(m) = mms.take()
                {
                    records.push(finish_mms(m));
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = element.local_name();
        let name = name.as_ref();
        if kind.is_none() {
            kind = Some(match name {
                "smses" => BackupKind::AndroidMessages,
                "calls" => BackupKind::AndroidCalls,
                _ => return Err(BackupError::NotABackup),
            });
            continue;
        }
        let line = lines.of(start);
        match (kind, name) {
            (Some(BackupKind::AndroidMessages), "sms") => {
                sms_n += 1;
                if let Some(r) = sms(&element, sms_n, line)? {
                    records.push(r);
                }
            }
            (Some(BackupKind::AndroidMessages), "mms") => {
                mms_n += 1;
                let m = start_mms(&element, mms_n, line, &pictures)?;
                match (m, empty) {
                    (Some(m), true) => records.push(finish_mms(m)),
                    (m, false) => mms = m,
                    (None, true) => {}
                }
            }
            (_, "part") => {
                if let Some(m) = mms.as_mut() {
                    part(&element, m)?;
                }
            }
            (_, "addr") => {
                if let Some(m) = mms.as_mut() {
                    let a = Attrs::of(&element, line)?;
                    let address = a.get("address").unwrap_or_default();
                    match a.get("type").as_deref() {
                        Some("137") => m.from = address,
                        Some("151") => m.to.push(address),
                        _ => {}
                    }
                }
            }
            (Some(BackupKind::AndroidCalls), "call") => {
                call_n += 1;
                records.push(call(&element, call_n, line)?);
            }
            _ => {}
        }
    }
    if depth > 0 || mms.is_some() {
        return Err(BackupError::Broken {
            line: lines.of(bytes.len() as u64),
        });
    }
    let kind = kind.ok_or(BackupError::NotABackup)?;
    Ok(Backup { kind, records })
}

/// An element's attributes, read once, with `"null"` as absent.
struct Attrs<'a> {
    pairs: Vec<(&'a str, Cow<'a, str>)>,
    line: usize,
}

impl<'a> Attrs<'a> {
    fn of(e: &'a BytesStart<'a>, line: usize) -> Result<Attrs<'a>, BackupError> {
        let mut pairs = Vec::new();
        for a in e.attributes() {
            let a = a.map_err(|_| BackupError::Broken { line })?;
            let value = match a.normalized_value(XmlVersion::Implicit1_0) {
                Ok(v) => v,
                // Older versions of the app wrote an emoji as two numeric references to its
                // UTF-16 halves (`&#55357;&#56832;`), which XML does not allow.
                Err(_) => Cow::Owned(lenient_unescape(&a.value).ok_or(BackupError::Broken { line })?),
            };
            pairs.push((a.key.local_name().into_inner(), value));
        }
        Ok(Attrs { pairs, line })
    }

    /// The value of `key`, `None` when absent or `"null"`.
    fn get(&self, key: &str) -> Option<String> {
        self.pairs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_ref())
            .filter(|v| *v != "null")
            .map(str::to_string)
    }

    fn int(&self, key: &str) -> Result<Option<i64>, BackupError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) if v.trim().is_empty() => Ok(None),
            Some(v) => v.trim().parse().map(Some).map_err(|_| BackupError::BadRecord {
                line: self.line,
                what: format!("{key}=\"{v}\""),
            }),
        }
    }

    /// The record's time: `date`, milliseconds since 1970 (a value too small to be
    /// milliseconds after 1973 is taken as seconds, as some phones write an MMS's).
    fn time(&self) -> Result<Timestamp, BackupError> {
        let bad = || BackupError::BadRecord {
            line: self.line,
            what: format!("date=\"{}\"", self.get("date").unwrap_or_default()),
        };
        let v = self.int("date")?.ok_or_else(bad)?;
        let ms = if v.abs() < 100_000_000_000 {
            v.saturating_mul(1000)
        } else {
            v
        };
        Timestamp::from_millisecond(ms).map_err(|_| bad())
    }

    /// The contact name the app wrote (`(Unknown)` when the number is not in contacts).
    fn contact(&self) -> String {
        self.get("contact_name")
            .filter(|n| n != "(Unknown)")
            .unwrap_or_default()
    }
}

/// Decodes the five predefined entities and numeric references, joining UTF-16 halves
/// written as two references; `None` for anything else.
fn lenient_unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    let mut high: Option<u32> = None;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let end = rest[amp..].find(';')? + amp;
        let name = &rest[amp + 1..end];
        rest = &rest[end + 1..];
        let code = if let Some(hexa) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
            u32::from_str_radix(hexa, 16).ok()?
        } else if let Some(dec) = name.strip_prefix('#') {
            dec.parse().ok()?
        } else {
            out.push(match name {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                _ => return None,
            });
            continue;
        };
        match (code, high.take()) {
            (0xD800..=0xDBFF, None) => high = Some(code),
            (0xDC00..=0xDFFF, Some(h)) => {
                out.push(char::from_u32(0x10000 + ((h - 0xD800) << 10) + (code - 0xDC00))?);
            }
            (_, Some(_)) => return None,
            (c, None) => out.push(char::from_u32(c)?),
        }
    }
    if high.is_some() {
        return None;
    }
    out.push_str(rest);
    Some(out)
}

/// A number the phone wrote for a caller it could not show (Android's `-1` unknown, `-2`
/// private, `-3` payphone, and words some phones write).
fn withheld_number(n: &str) -> bool {
    let t = n.trim();
    t.is_empty()
        || matches!(t, "-1" | "-2" | "-3")
        || ["unknown", "private", "restricted", "anonymous", "withheld"]
            .iter()
            .any(|w| t.eq_ignore_ascii_case(w))
        || matches!(t, "未知号码" | "隐藏号码" | "私人号码" | "未知")
}

fn sms(e: &BytesStart<'_>, n: usize, line: usize) -> Result<Option<PhoneRecord>, BackupError> {
    let a = Attrs::of(e, line)?;
    let direction = match a.int("type")? {
        Some(1) | None => Direction::Incoming,
        Some(2 | 4 | 5 | 6) => Direction::Outgoing,
        // A draft was never sent to anyone.
        Some(3) => return Ok(None),
        Some(other) => {
            return Err(BackupError::BadRecord {
                line,
                what: format!("type=\"{other}\""),
            });
        }
    };
    let number = a.get("address").unwrap_or_default();
    let withheld = withheld_number(&number);
    Ok(Some(PhoneRecord {
        id: format!("sms {n}"),
        line: Some(line),
        channel: Channel::Sms,
        direction,
        number: if withheld { String::new() } else { number },
        withheld,
        contact_name: a.contact(),
        at: a.time()?,
        duration: None,
        text: a.get("body").unwrap_or_default(),
        media: Vec::new(),
    }))
}

fn start_mms(
    e: &BytesStart<'_>,
    n: usize,
    line: usize,
    pictures: &Pictures<'_>,
) -> Result<Option<MmsDraft>, BackupError> {
    let a = Attrs::of(e, line)?;
    let direction = match a.int("msg_box")? {
        Some(1) | None => Direction::Incoming,
        Some(2 | 4) => Direction::Outgoing,
        Some(_) => return Ok(None),
    };
    let id = format!("mms {n}");
    let decode = pictures.wanted(&id);
    Ok(Some(MmsDraft {
        record: PhoneRecord {
            id,
            line: Some(line),
            channel: Channel::Mms,
            direction,
            number: a.get("address").unwrap_or_default(),
            withheld: false,
            contact_name: a.contact(),
            at: a.time()?,
            duration: None,
            text: String::new(),
            media: Vec::new(),
        },
        from: String::new(),
        to: Vec::new(),
        decode,
        texts: Vec::new(),
    }))
}

fn part(e: &BytesStart<'_>, m: &mut MmsDraft) -> Result<(), BackupError> {
    let line = m.record.line.unwrap_or(0);
    let a = Attrs::of(e, line)?;
    let ct = a.get("ct").unwrap_or_default().to_ascii_lowercase();
    if ct == "application/smil" {
        return Ok(());
    }
    if ct.starts_with("text/plain") {
        if let Some(t) = a.get("text") {
            m.texts.push(t);
        }
        return Ok(());
    }
    let Some(data) = a.get("data") else {
        return Ok(());
    };
    let name = ["cl", "name", "fn"]
        .iter()
        .find_map(|k| a.get(k))
        .map(|n| plain_name(&n))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("part-{}", m.record.media.len() + 1));
    let (size, bytes) = if m.decode {
        use base64::Engine;
        let clean: String = data.chars().filter(|c| !c.is_whitespace()).collect();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(clean.as_bytes())
            .map_err(|_| BackupError::BadRecord {
                line,
                what: format!("{name}: base64"),
            })?;
        (bytes.len() as u64, Some(bytes))
    } else {
        ((data.len() as u64) / 4 * 3, None)
    };
    m.record.media.push(Media {
        name,
        content_type: ct,
        size,
        data: bytes,
        path: String::new(),
    });
    Ok(())
}

fn finish_mms(mut m: MmsDraft) -> PhoneRecord {
    let other = match m.record.direction {
        Direction::Outgoing => m.to.join(", "),
        _ => std::mem::take(&mut m.from),
    };
    if !other.is_empty() && other != "insert-address-token" {
        m.record.number = other;
    }
    // A group message's `address` joins the numbers with `~`.
    m.record.number = m.record.number.replace('~', ", ");
    m.record.withheld = withheld_number(&m.record.number);
    if m.record.withheld {
        m.record.number.clear();
    }
    m.record.text = m.texts.join("\n");
    m.record
}

fn call(e: &BytesStart<'_>, n: usize, line: usize) -> Result<PhoneRecord, BackupError> {
    let a = Attrs::of(e, line)?;
    let direction = match a.int("type")? {
        Some(1 | 7) | None => Direction::Incoming,
        Some(2) => Direction::Outgoing,
        Some(3) => Direction::Missed,
        Some(4) => Direction::Voicemail,
        Some(5) => Direction::Rejected,
        Some(6) => Direction::Blocked,
        Some(other) => {
            return Err(BackupError::BadRecord {
                line,
                what: format!("type=\"{other}\""),
            });
        }
    };
    let number = a.get("number").unwrap_or_default();
    let withheld = matches!(a.int("presentation")?, Some(2..=4)) || withheld_number(&number);
    Ok(PhoneRecord {
        id: format!("call {n}"),
        line: Some(line),
        channel: Channel::Call,
        direction,
        number: if withheld { String::new() } else { number },
        withheld,
        contact_name: a.contact(),
        at: a.time()?,
        duration: a.int("duration")?.map(|d| d.max(0).unsigned_abs()),
        text: String::new(),
        media: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_written_as_two_halves_is_one_character() {
        assert_eq!(
            lenient_unescape("hi &#55357;&#56832; &amp; bye").as_deref(),
            Some("hi 😀 & bye")
        );
        assert_eq!(lenient_unescape("&#55357;"), None);
        assert_eq!(lenient_unescape("&nbsp;"), None);
    }

    #[test]
    fn a_file_cut_inside_a_tag_names_its_line() {
        let xml = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"2\">\n  <sms protocol=\"0\" address=\"10690000\" date=\"1764396309000\" type=\"1\" body=\"a\" />\n  <sms protocol=\"0\" address=\"106";
        assert_eq!(
            read(xml.as_bytes(), Pictures::None),
            Err(BackupError::Broken { line: 4 })
        );
        let unclosed =
            "<smses count=\"1\">\n<sms address=\"1\" date=\"1764396309000\" type=\"1\" body=\"a\" />\n";
        assert_eq!(
            read(unclosed.as_bytes(), Pictures::None),
            Err(BackupError::Broken { line: 3 })
        );
    }
}
