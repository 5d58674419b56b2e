//! What kind of number a counterpart is: a mobile and its carrier, a virtual-operator block, a
//! landline and its city, a 400/800 company line, a bank's or a public body's service number
//! (and that a call showing it is the classic spoof), an SMS port, a number abroad and its
//! country. One classifier for `leads`, `list`, the wizard and the packet.
//!
//! Type and validity come from libphonenumber's metadata (the `phonenumber` crate); the China
//! specifics and every label come from the sourced tables in `assets/numbers/`.

mod data;

use std::sync::{Arc, OnceLock};

use phonenumber::metadata::DATABASE;
use serde::Serialize;

use super::phone::normalise_phone;
use crate::i18n::Lang;
use data::{Pair, ServiceKind, Tables};

/// The kind of a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    /// A mainland mobile number.
    Mobile,
    /// A mobile number in a virtual-operator block (170, 171, 162, 165, 167).
    Virtual,
    /// A mainland landline.
    Landline,
    /// An 800 toll-free company line.
    TollFree,
    /// A 400 company line.
    #[serde(rename = "service_400")]
    Service400,
    /// A number abroad (or in Hong Kong, Macao, Taiwan).
    International,
    /// A bank's service number (95566 …).
    Bank,
    /// A payment platform's service number (95188 …).
    Payment,
    /// Another 95xxx nationwide service number.
    #[serde(rename = "service_95")]
    Service95,
    /// A 96xxx local service number.
    #[serde(rename = "service_96")]
    Service96,
    /// A 12xxx public-service number.
    Public,
    /// 96110, the police anti-fraud warning line.
    AntiFraud,
    /// A 106 SMS port.
    SmsPort,
    /// Looks like a number but is not a valid one.
    Invalid,
}

/// What leakaid says about a number, in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NumberLabel {
    /// The kind.
    pub kind: NumberKind,
    /// The label in Chinese.
    pub zh: String,
    /// The label in English.
    pub en: String,
    /// A few words for a narrow column, Chinese.
    pub tag_zh: String,
    /// A few words for a narrow column, English.
    pub tag_en: String,
    /// True when a call showing this number may well be spoofed or is typical of fraud.
    pub caution: bool,
    /// Where the label's facts come from.
    pub source: String,
}

impl NumberLabel {
    /// The label in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }

    /// The label without the advice after its dash: "银行客服号 95566（中国银行）".
    pub fn head(&self, lang: Lang) -> &str {
        let text = self.text(lang);
        text.split_once('—').map_or(text, |(head, _)| head.trim_end())
    }

    /// The tag, for a narrow column.
    pub fn tag(&self, lang: Lang) -> &str {
        lang.pick(&self.tag_zh, &self.tag_en)
    }

    fn from(kind: NumberKind, t: &Pair, fills: &[(&str, &Pair)], caution: bool) -> NumberLabel {
        let fill = |s: &str, pick: fn(&Pair) -> &str| {
            let mut out = s.to_string();
            for (name, value) in fills {
                if out.contains('{') {
                    out = out.replace(name, pick(value));
                }
            }
            out
        };
        NumberLabel {
            kind,
            zh: fill(&t.zh, |p| &p.zh),
            en: fill(&t.en, |p| &p.en),
            tag_zh: t.tag_zh.clone(),
            tag_en: t.tag_en.clone(),
            caution,
            source: LIBPHONENUMBER.to_string(),
        }
    }

    fn citing(mut self, source: &str) -> NumberLabel {
        self.source = source.to_string();
        self
    }
}

/// The source of type, validity, carrier and area facts.
const LIBPHONENUMBER: &str = "libphonenumber (Google, Apache-2.0)";

fn same(s: &str) -> Pair {
    Pair {
        zh: s.to_string(),
        en: s.to_string(),
        ..Pair::default()
    }
}

/// The label of a counterpart, or `None` when it is not a number (an address, a name) or a
/// short number leakaid has nothing to say about.
pub fn classify(counterpart: &str) -> Option<NumberLabel> {
    classify_key(&normalise_phone(counterpart)?)
}

/// Writes a shared label as the label itself (for `serialize_with` on an
/// `Option<Arc<NumberLabel>>` field).
pub fn serialize_shared<S: serde::Serializer>(
    label: &Option<Arc<NumberLabel>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    label.as_deref().serialize(s)
}

/// Labels worked out once and shared, for a list where one caller appears many times and
/// many callers share a label ("手机号 · 中国移动" is the label of millions of numbers).
#[derive(Debug, Default)]
pub struct LabelCache {
    /// By number, or, for a mainland mobile, by the first digits its label depends on.
    seen: foldhash::HashMap<String, Option<Arc<NumberLabel>>>,
}

impl LabelCache {
    /// The label of `counterpart` (as [`classify`]).
    pub fn label(&mut self, counterpart: &str) -> Option<Arc<NumberLabel>> {
        self.of_key(&normalise_phone(counterpart)?)
    }

    /// The label of a number already normalised (as [`classify_key`]).
    pub fn of_key(&mut self, key: &str) -> Option<Arc<NumberLabel>> {
        let class = label_class(key);
        if let Some(known) = self.seen.get(class) {
            return known.clone();
        }
        let label = classify_key(key).map(Arc::new);
        self.seen.insert(class.to_string(), label.clone());
        label
    }
}

/// The part of a normalised number its label depends on: for an 11-digit mainland mobile
/// that is not itself a listed service number, its first digits (the carrier, the
/// virtual-operator block, the SMS port and the validity are all read from them; the label
/// does not name the number); for anything else, the whole number.
fn label_class(key: &str) -> &str {
    let t = Tables::get();
    let mobile = key.len() == 11 && key.starts_with('1') && key.bytes().all(|b| b.is_ascii_digit());
    if mobile && !t.services.contains_key(key) {
        key.get(..t.mobile_class_len.clamp(MOBILE_VALIDITY_DIGITS, 11))
            .unwrap_or(key)
    } else {
        key
    }
}

/// The leading digits of a mainland mobile number that decide whether libphonenumber takes
/// it as valid (see [`valid_cn`]).
const MOBILE_VALIDITY_DIGITS: usize = 5;

/// The label of a number already normalised by [`normalise_phone`] (`+855…` abroad, national
/// digits at home).
pub fn classify_key(key: &str) -> Option<NumberLabel> {
    let t = Tables::get();
    let l = &t.labels;
    let number = same(key);
    if let Some(intl) = key.strip_prefix('+') {
        return Some(international(t, intl));
    }
    let d = key;
    if let Some(s) = t.services.get(d) {
        let org = &s.org;
        let fills = [("{number}", &number), ("{org}", org)];
        let label = match s.kind {
            ServiceKind::Bank => NumberLabel::from(NumberKind::Bank, &l.bank, &fills, true),
            ServiceKind::Payment => NumberLabel::from(NumberKind::Payment, &l.payment, &fills, true),
            ServiceKind::Public => NumberLabel::from(NumberKind::Public, &l.public, &fills, true),
            ServiceKind::AntiFraud => NumberLabel::from(NumberKind::AntiFraud, &l.anti_fraud, &fills, false),
        };
        return Some(label.citing(&s.source));
    }
    // 96110 as it really shows: the caller's area code, then 96110.
    if d.starts_with('0') && d.ends_with("96110") && (8..=9).contains(&d.len()) {
        return Some(NumberLabel::from(
            NumberKind::AntiFraud,
            &l.anti_fraud,
            &[],
            false,
        ));
    }
    if let Some(port) = &t.sms_port
        && d.starts_with(&port.prefix)
        && d.len() > port.prefix.len()
    {
        return Some(NumberLabel::from(NumberKind::SmsPort, &l.sms_port, &[], false).citing(&port.source));
    }
    let fills = [("{number}", &number)];
    match (d.len(), d.as_bytes().first()) {
        (5, _) if d.starts_with("95") => {
            return Some(NumberLabel::from(
                NumberKind::Service95,
                &l.service_95,
                &fills,
                false,
            ));
        }
        (5 | 6, _) if d.starts_with("96") => {
            return Some(NumberLabel::from(
                NumberKind::Service96,
                &l.service_96,
                &fills,
                false,
            ));
        }
        (5, _) if d.starts_with("12") => {
            return Some(NumberLabel::from(
                NumberKind::Public,
                &l.public_unknown,
                &fills,
                false,
            ));
        }
        (10, _) if d.starts_with("400") => {
            return Some(NumberLabel::from(
                NumberKind::Service400,
                &l.service_400,
                &fills,
                false,
            ));
        }
        (10, _) if d.starts_with("800") => {
            return Some(NumberLabel::from(
                NumberKind::TollFree,
                &l.toll_free_800,
                &fills,
                false,
            ));
        }
        (11, Some(b'1')) => {}
        (9.., Some(b'0')) => {}
        _ => return None,
    }
    if !valid_cn(d) {
        return Some(NumberLabel::from(NumberKind::Invalid, &l.invalid, &[], false));
    }
    if d.starts_with('1') {
        if let Some(b) = t.virtual_blocks.iter().find(|b| d.starts_with(&b.prefix)) {
            // A resale block says nothing about the caller: named neutrally, not flagged for care.
            let label = NumberLabel::from(NumberKind::Virtual, &l.virtual_block, &[], false);
            return Some(label.citing(&b.source));
        }
        return Some(match t.carrier(d) {
            Some(c) => NumberLabel::from(NumberKind::Mobile, &l.mobile, &[("{carrier}", c)], false),
            None => NumberLabel::from(NumberKind::Mobile, &l.mobile_unknown, &[], false),
        });
    }
    Some(match t.area(d) {
        Some(a) => NumberLabel::from(NumberKind::Landline, &l.landline, &[("{area}", a)], false),
        None => NumberLabel::from(NumberKind::Landline, &l.landline_unknown, &[], false),
    })
}

fn international(t: &Tables, digits: &str) -> NumberLabel {
    let l = &t.labels;
    let Ok(n) = phonenumber::parse(None, format!("+{digits}")) else {
        return NumberLabel::from(NumberKind::Invalid, &l.invalid, &[], false);
    };
    if !n.is_valid_with(&DATABASE) {
        return NumberLabel::from(NumberKind::Invalid, &l.invalid, &[], false);
    }
    let region = n
        .metadata(&DATABASE)
        .map(|m| m.id().to_string())
        .unwrap_or_default();
    // A code the table does not name is said to be one, never printed bare as if a name.
    let country = t.countries.get(&region).cloned().unwrap_or_else(|| Pair {
        zh: format!("国家或地区代码 {region}"),
        en: format!("country or region code {region}"),
        ..Pair::default()
    });
    NumberLabel::from(
        NumberKind::International,
        &l.international,
        &[("{country}", &country)],
        true,
    )
}

/// Whether libphonenumber's metadata takes `national` (with its trunk `0` for a landline) as
/// a valid mainland mobile or fixed-line number: the descriptors `is_valid` checks.
///
/// The mainland mobile pattern (`1740[0-5]\d{6}|1(?:[38]\d|4[57]|…)\d{8}`) reads only the
/// first five digits of an 11-digit number; the rest is any digit. So for those numbers the
/// metadata's answer for each of the 10,000 beginnings is kept in `cn-mobile-valid.txt`, and
/// no pattern is compiled to classify a case of mobiles (a test checks the file against the
/// metadata, beginning by beginning).
fn valid_cn(national: &str) -> bool {
    if national.len() == 11 && national.starts_with('1') && national.bytes().all(|b| b.is_ascii_digit()) {
        return Tables::get().mobile_is_valid(national);
    }
    valid_by_metadata(national)
}

/// [`valid_cn`] asked of the metadata itself.
fn valid_by_metadata(national: &str) -> bool {
    let Some(meta) = mainland().by_id("CN") else {
        return false;
    };
    let n = national.strip_prefix('0').unwrap_or(national);
    let d = meta.descriptors();
    d.general().is_match(n)
        && [d.mobile(), d.fixed_line()]
            .into_iter()
            .flatten()
            .any(|x| x.is_match(n))
}

/// libphonenumber's mainland metadata alone (`assets/numbers/cn-metadata.xml`, the crate's
/// own `CN` descriptors): loading the crate's whole database compiles every country's
/// patterns, which cost more than classifying tens of thousands of mainland numbers. Numbers
/// abroad still use the whole database. Falls back to it if the file does not load (a test
/// checks that it does, and that both answer alike).
fn mainland() -> &'static phonenumber::metadata::Database {
    static CN: OnceLock<Option<phonenumber::metadata::Database>> = OnceLock::new();
    CN.get_or_init(|| phonenumber::metadata::Database::parse(CN_METADATA).ok())
        .as_ref()
        // Not `unwrap_or(&DATABASE)`: the coercion would load the whole database every time.
        .unwrap_or_else(|| &DATABASE)
}

const CN_METADATA: &str = include_str!("../../../assets/numbers/cn-metadata.xml");

#[cfg(test)]
mod tests;
