//! Contacts as vCard files (`.vcf`): version 2.1 as Android phones export it (names in
//! quoted-printable UTF-8, `CHARSET=` and `ENCODING=QUOTED-PRINTABLE` parameters, soft line
//! breaks `=` at the end of a line), and 3.0 / 4.0 (lines folded by a leading space,
//! `\,` escapes, `tel:` URIs). Lines end in CRLF or LF. Only what tells family from strangers
//! is kept: each card's name and its phone numbers.

use std::collections::HashMap;

use crate::evidence::phone::counterpart_key;

/// One card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    /// The name shown (`FN`, or `N` put together).
    pub name: String,
    /// Its phone numbers as written.
    pub numbers: Vec<String>,
}

/// Every card of a file, looked up by number.
#[derive(Clone, Debug, Default)]
pub struct Contacts {
    /// The cards, in the file's order.
    pub cards: Vec<Contact>,
    by_key: HashMap<String, usize>,
}

impl Contacts {
    /// The card holding `number` (however it is written: `+86`, spaces, dashes), if any.
    pub fn find(&self, number: &str) -> Option<&Contact> {
        if number.trim().is_empty() {
            return None;
        }
        self.by_key
            .get(&counterpart_key(number))
            .and_then(|i| self.cards.get(*i))
    }

    /// The cards whose name contains `query` (or whose number is `query`), in file order.
    pub fn search(&self, query: &str) -> Vec<&Contact> {
        let q = query.trim();
        if q.is_empty() {
            return Vec::new();
        }
        let exact: Vec<&Contact> = self.cards.iter().filter(|c| c.name == q).collect();
        if !exact.is_empty() {
            return exact;
        }
        if let Some(c) = self.find(q) {
            return vec![c];
        }
        let lower = q.to_lowercase();
        self.cards
            .iter()
            .filter(|c| c.name.to_lowercase().contains(&lower))
            .collect()
    }

    /// True when the file had no card.
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }
}

/// Why a contacts file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VcardError {
    /// No `BEGIN:VCARD` in it.
    #[error("not a vCard file")]
    NotAVcard,
}

/// One property line after unfolding: its name, parameters and raw value.
struct Property<'a> {
    name: String,
    params: Vec<(String, String)>,
    value: &'a [u8],
}

impl Property<'_> {
    fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }

    /// `ENCODING=QUOTED-PRINTABLE`, or the bare `QUOTED-PRINTABLE` of 2.1.
    fn quoted_printable(&self) -> bool {
        self.param("ENCODING")
            .is_some_and(|v| v.eq_ignore_ascii_case("QUOTED-PRINTABLE"))
            || self
                .params
                .iter()
                .any(|(k, v)| v.is_empty() && k.eq_ignore_ascii_case("QUOTED-PRINTABLE"))
    }

    /// The value as text: quoted-printable decoded, in its `CHARSET` (UTF-8 by default).
    fn text(&self) -> String {
        let bytes = if self.quoted_printable() {
            quoted_printable::decode(self.value, quoted_printable::ParseMode::Robust)
                .unwrap_or_else(|_| self.value.to_vec())
        } else {
            self.value.to_vec()
        };
        let encoding = self
            .param("CHARSET")
            .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()))
            .unwrap_or(encoding_rs::UTF_8);
        let (text, _, _) = encoding.decode(&bytes);
        text.into_owned()
    }
}

/// The logical lines of the file: folded lines (a leading space or tab) joined, and a
/// quoted-printable value's soft line breaks (`=` at the end) joined.
fn logical_lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = Vec::new();
    let mut soft_break = false;
    for raw in bytes.split(|b| *b == b'\n') {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        let folded = matches!(line.first(), Some(b' ' | b'\t'));
        match out.last_mut() {
            Some(last) if soft_break => last.extend_from_slice(line),
            Some(last) if folded => last.extend_from_slice(&line[1..]),
            _ => out.push(line.to_vec()),
        }
        soft_break = out.last().is_some_and(|l| {
            l.ends_with(b"=") && {
                let head_end = l.iter().position(|b| *b == b':').unwrap_or(0);
                l[..head_end]
                    .to_ascii_uppercase()
                    .windows(16)
                    .any(|w| w == b"QUOTED-PRINTABLE")
            }
        });
        if soft_break && let Some(last) = out.last_mut() {
            last.pop();
        }
    }
    out
}

fn property(line: &[u8]) -> Option<Property<'_>> {
    let colon = line.iter().position(|b| *b == b':')?;
    let head = String::from_utf8_lossy(&line[..colon]);
    let mut parts = head.split(';');
    let name = parts.next()?.rsplit('.').next()?.trim().to_ascii_uppercase();
    let params = parts
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.trim().to_string(), v.trim().trim_matches('"').to_string()),
            None => (p.trim().to_string(), String::new()),
        })
        .collect();
    Some(Property {
        name,
        params,
        value: &line[colon + 1..],
    })
}

/// Removes the escapes of 3.0 and 4.0 (`\,` `\;` `\n` `\\`).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push(' '),
                Some(o) => out.push(o),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out.trim().to_string()
}

/// The name from `N` (family;given;middle;prefix;suffix): Chinese names family first without
/// a space (张伟), others given first (Wei Zhang).
fn name_of_n(n: &str) -> String {
    let parts: Vec<String> = n.split(';').map(unescape).collect();
    let family = parts.first().cloned().unwrap_or_default();
    let given = parts.get(1).cloned().unwrap_or_default();
    let cjk = |s: &str| s.chars().any(|c| c as u32 >= 0x2E80);
    if cjk(&family) || cjk(&given) {
        format!("{family}{given}")
    } else {
        format!("{given} {family}").trim().to_string()
    }
}

/// Reads every card of a `.vcf` file.
pub fn read(bytes: &[u8]) -> Result<Contacts, VcardError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut cards = Vec::new();
    let mut current: Option<(String, String, Vec<String>)> = None;
    let mut seen_begin = false;
    for line in logical_lines(bytes) {
        let Some(p) = property(&line) else {
            continue;
        };
        let value = p.text();
        match p.name.as_str() {
            "BEGIN" if value.trim().eq_ignore_ascii_case("VCARD") => {
                seen_begin = true;
                current = Some((String::new(), String::new(), Vec::new()));
            }
            "END" if value.trim().eq_ignore_ascii_case("VCARD") => {
                if let Some((fn_name, n_name, numbers)) = current.take() {
                    let name = if fn_name.is_empty() { n_name } else { fn_name };
                    cards.push(Contact { name, numbers });
                }
            }
            "FN" => {
                if let Some(c) = current.as_mut() {
                    c.0 = unescape(&value);
                }
            }
            "N" => {
                if let Some(c) = current.as_mut() {
                    c.1 = name_of_n(&value);
                }
            }
            "TEL" => {
                if let Some(c) = current.as_mut() {
                    let v = unescape(&value);
                    let v = v.strip_prefix("tel:").unwrap_or(&v).trim().to_string();
                    if !v.is_empty() {
                        c.2.push(v);
                    }
                }
            }
            _ => {}
        }
    }
    if !seen_begin {
        return Err(VcardError::NotAVcard);
    }
    let mut by_key = HashMap::new();
    for (i, c) in cards.iter().enumerate() {
        for n in &c.numbers {
            by_key.entry(counterpart_key(n)).or_insert(i);
        }
    }
    Ok(Contacts { cards, by_key })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_android_card_with_a_quoted_printable_chinese_name() {
        let vcf = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0;=E5=B0=8F=E6=98=8E;;;\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0=E5=B0=8F=E6=98=8E\r\nTEL;CELL:139 0000 1111\r\nEND:VCARD\r\n";
        let c = read(vcf.as_bytes()).expect("reads");
        assert_eq!(c.cards[0].name, "张小明");
        assert_eq!(c.find("+86 13900001111").map(|c| c.name.as_str()), Some("张小明"));
    }

    #[test]
    fn soft_line_breaks_and_folded_lines_are_joined() {
        let vcf = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=A6=88=\r\n=E5=A6=88\r\nTEL;CELL;PREF:13900002222\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Wang\\, Fang\r\nN:Wang;Fang;;;\r\nTEL;TYPE=CELL:+86 139\r\n 0000 3333\r\nEND:VCARD\r\nBEGIN:VCARD\nVERSION:4.0\nN:李;四;;;\nTEL;VALUE=uri;TYPE=cell:tel:+86-139-0000-4444\nEND:VCARD\n";
        let c = read(vcf.as_bytes()).expect("reads");
        let names: Vec<&str> = c.cards.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["妈妈", "Wang, Fang", "李四"]);
        assert_eq!(c.find("13900003333").map(|c| c.name.as_str()), Some("Wang, Fang"));
        assert_eq!(c.find("13900004444").map(|c| c.name.as_str()), Some("李四"));
        assert_eq!(c.search("妈").len(), 1);
        assert!(c.find("13900005555").is_none());
    }

    #[test]
    fn a_file_without_cards_is_refused() {
        assert_eq!(read(b"hello").err(), Some(VcardError::NotAVcard));
    }
}
