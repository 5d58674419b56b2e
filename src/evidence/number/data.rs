//! The number tables in `assets/numbers/`, read once: libphonenumber's carrier and area-code
//! files and leakaid's own sourced table of number blocks, service numbers and labels.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

const NUMBERS_TOML: &str = include_str!("../../../assets/numbers/numbers.toml");
const CARRIER_ZH: &str = include_str!("../../../assets/numbers/carrier-zh-86.txt");
const AREA_ZH: &str = include_str!("../../../assets/numbers/area-zh-86.txt");
const AREA_EN: &str = include_str!("../../../assets/numbers/area-en-86.txt");
pub(super) const MOBILE_VALID: &str = include_str!("../../../assets/numbers/cn-mobile-valid.txt");

/// A text in both languages (a label template also has a short tag).
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct Pair {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
    /// The tag for narrow columns, Chinese.
    #[serde(default)]
    pub tag_zh: String,
    /// The tag for narrow columns, English.
    #[serde(default)]
    pub tag_en: String,
}

/// A label template per kind of number.
#[derive(Debug, Default, Deserialize)]
pub struct Labels {
    pub mobile: Pair,
    pub mobile_unknown: Pair,
    #[serde(rename = "virtual")]
    pub virtual_block: Pair,
    pub landline: Pair,
    pub landline_unknown: Pair,
    pub toll_free_800: Pair,
    pub service_400: Pair,
    pub international: Pair,
    pub bank: Pair,
    pub payment: Pair,
    pub service_95: Pair,
    pub service_96: Pair,
    pub public: Pair,
    pub public_unknown: Pair,
    pub anti_fraud: Pair,
    pub sms_port: Pair,
    pub invalid: Pair,
}

/// A block of numbers and where it is documented.
#[derive(Debug, Deserialize)]
pub struct Block {
    pub prefix: String,
    pub source: String,
}

/// What kind of institution a service number belongs to.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ServiceKind {
    Bank,
    Payment,
    Public,
    AntiFraud,
}

/// A service number with its institution.
#[derive(Debug, Deserialize)]
pub struct Service {
    pub number: String,
    pub kind: ServiceKind,
    pub org: Pair,
    pub source: String,
}

#[derive(Debug, Deserialize)]
struct Raw {
    labels: Labels,
    #[serde(rename = "virtual")]
    virtual_blocks: Vec<Block>,
    sms_port: Block,
    service: Vec<Service>,
    carriers: HashMap<String, String>,
    countries: HashMap<String, Pair>,
}

/// Every table, ready for look-ups.
#[derive(Debug, Default)]
pub struct Tables {
    pub labels: Labels,
    pub virtual_blocks: Vec<Block>,
    pub sms_port: Option<Block>,
    pub services: HashMap<String, Service>,
    /// Carrier (zh, en) by the digits after 86 (a prefix of the national number).
    pub carriers: HashMap<String, Pair>,
    /// Area (zh, en) by area code without the leading 0.
    pub areas: HashMap<String, Pair>,
    pub countries: HashMap<String, Pair>,
    /// The longest prefix in `carriers`.
    pub carrier_len: usize,
    /// How many leading digits of a mainland mobile decide its carrier, its
    /// virtual-operator block and whether it is an SMS port: the longest such prefix.
    pub mobile_class_len: usize,
    /// For each five-digit beginning 10000…19999 of an 11-digit mainland number, whether
    /// libphonenumber's metadata takes it as valid (`cn-mobile-valid.txt`).
    pub mobile_valid: Vec<bool>,
}

/// The five-digit beginnings `cn-mobile-valid.txt` lists (`13000-13999` or `17400`), as one
/// flag per beginning from 10000; a line that does not read is left out.
pub(super) fn mobile_valid_flags(text: &str) -> Vec<bool> {
    let mut flags = vec![false; 10_000];
    let lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'));
    for line in lines {
        let (from, to) = line.split_once('-').unwrap_or((line, line));
        let (Ok(from), Ok(to)) = (from.trim().parse::<usize>(), to.trim().parse::<usize>()) else {
            continue;
        };
        for p in from.max(10_000)..=to.min(19_999) {
            if let Some(f) = flags.get_mut(p - 10_000) {
                *f = true;
            }
        }
    }
    flags
}

/// Lines `86PREFIX|TEXT` of a libphonenumber data file, without the `86`.
fn prefix_lines(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('|'))
        .filter_map(|(p, t)| Some((p.strip_prefix("86")?, t.trim())))
}

impl Tables {
    fn load() -> Tables {
        // The file is part of the program and checked by a test; a broken edit shows as no
        // labels rather than a crash.
        let Ok(raw) = toml::from_str::<Raw>(NUMBERS_TOML) else {
            return Tables::default();
        };
        let carriers: HashMap<String, Pair> = prefix_lines(CARRIER_ZH)
            .map(|(p, zh)| {
                let en = raw.carriers.get(zh).cloned().unwrap_or_else(|| zh.to_string());
                (
                    p.to_string(),
                    Pair {
                        zh: zh.to_string(),
                        en,
                        ..Pair::default()
                    },
                )
            })
            .collect();
        let en_areas: HashMap<&str, &str> = prefix_lines(AREA_EN).collect();
        let areas = prefix_lines(AREA_ZH)
            .map(|(p, zh)| {
                let en = en_areas.get(p).copied().unwrap_or(zh);
                (
                    p.to_string(),
                    Pair {
                        zh: zh.to_string(),
                        en: en.to_string(),
                        ..Pair::default()
                    },
                )
            })
            .collect();
        let carrier_len = carriers.keys().map(String::len).max().unwrap_or(0);
        let mobile_class_len = raw
            .virtual_blocks
            .iter()
            .map(|b| b.prefix.len())
            .chain([carrier_len, raw.sms_port.prefix.len()])
            .max()
            .unwrap_or(0);
        Tables {
            carrier_len,
            mobile_class_len,
            mobile_valid: mobile_valid_flags(MOBILE_VALID),
            carriers,
            areas,
            labels: raw.labels,
            virtual_blocks: raw.virtual_blocks,
            sms_port: Some(raw.sms_port),
            services: raw.service.into_iter().map(|s| (s.number.clone(), s)).collect(),
            countries: raw.countries,
        }
    }

    /// The tables, read on first use.
    pub fn get() -> &'static Tables {
        static TABLES: OnceLock<Tables> = OnceLock::new();
        TABLES.get_or_init(Tables::load)
    }

    /// The carrier of a mobile number (national digits), by the longest listed prefix.
    pub fn carrier(&self, national: &str) -> Option<&Pair> {
        (1..=self.carrier_len.min(national.len()))
            .rev()
            .find_map(|n| self.carriers.get(&national[..n]))
    }

    /// Whether an 11-digit mainland number beginning with 1 is valid, by its first five digits.
    pub fn mobile_is_valid(&self, national: &str) -> bool {
        national
            .get(..5)
            .and_then(|p| p.parse::<usize>().ok())
            .and_then(|p| p.checked_sub(10_000))
            .and_then(|i| self.mobile_valid.get(i).copied())
            .unwrap_or(false)
    }

    /// The area of a landline (national digits with the leading 0), by area code.
    pub fn area(&self, national: &str) -> Option<&Pair> {
        let digits = national.strip_prefix('0')?;
        (2..=3.min(digits.len()))
            .rev()
            .find_map(|n| self.areas.get(&digits[..n]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_files_read_whole() {
        assert!(toml::from_str::<Raw>(NUMBERS_TOML).is_ok(), "numbers.toml parses");
        let t = Tables::get();
        assert!(
            t.carriers.len() > 60 && t.areas.len() > 300,
            "{} {}",
            t.carriers.len(),
            t.areas.len()
        );
        assert!(t.services.values().all(|s| !s.source.trim().is_empty()));
        assert!(t.virtual_blocks.iter().all(|b| !b.source.trim().is_empty()));
        // Each virtual-operator block says whether its source was checked; an unchecked one
        // says so in its source, which is what the label cites.
        let table: toml::Table = toml::from_str(NUMBERS_TOML).expect("toml");
        for block in table["virtual"].as_array().expect("blocks") {
            let verified = block.get("verified").and_then(toml::Value::as_bool);
            let source = block["source"].as_str().unwrap_or_default();
            assert!(verified.is_some(), "{block}");
            assert!(verified == Some(true) || source.contains("未经核实"), "{source}");
        }
        assert_eq!(
            t.area("075512345678").map(|a| a.zh.as_str()),
            Some("广东省深圳市")
        );
        assert_eq!(t.area("01065529988").map(|a| a.en.as_str()), Some("Beijing"));
        assert_eq!(t.carrier("13800138000").map(|c| c.zh.as_str()), Some("中国移动"));
        assert_eq!(
            t.carrier("19212345678").map(|c| c.en.as_str()),
            Some("China Broadnet")
        );
    }
}
