//! The redacted copy (`export pdf --redact`): the one place that decides what of the
//! victim's own details a copy for others may show, and finds those details in every
//! spelling in all free text.
//!
//! - ID number: at most the first 6 and last 4 characters (`110105********002X`); the 8
//!   digits in between are the birth date, which is masked everywhere too, so no two printed
//!   parts rebuild the number.
//! - Birth date: every digit masked, in the profile and in free text (`1949-12-31`,
//!   `1949年12月31日`, `19491231`, `31.12.1949` …).
//! - Phones: only the last 4 digits, also when written `139-1234-5678`, `139 1234 5678`,
//!   `+86 139…`, `0086…` or in full-width digits.
//! - Email: the first character of the local part and the domain.
//! - Address: down to the district (区/县/旗, or the city when there is none); in free text
//!   every run of the street part from the road or 小区 name down (路/街/巷/弄/号/栋/单元/室 …,
//!   in any spacing), and a run of two or more of its later parts (`1588弄12号`).
//! - The victim's own cards and accounts (the profile's): only the last 4 digits, in any
//!   spelling. A copy for others also masks every other 16–19-digit card number the same way.
//! - Name, on request (`--mask-name`): 王某某.
//!
//! Text is matched on a copy with full-width letters and digits folded to ASCII, then
//! replaced in the original, so "１３９ １２３４ ５６７８" is found like "13912345678".

use regex::Regex;

use crate::guide::letter::LetterText;
use crate::i18n::{Lang, tr};
use crate::pdf::{Complainant, PacketInput};

/// The mark on every page of a redacted copy.
pub fn copy_mark(lang: Lang) -> String {
    LetterText::get(lang).redact.copy_mark.clone()
}

/// The line that stands in a redacted copy where the complaint statement and the signature
/// block are in the original.
pub fn not_signed_line(lang: Lang) -> String {
    LetterText::get(lang).redact.not_signed.clone()
}

pub use crate::case::draft::mask_id;

/// Mask a phone number: only the last 4 characters kept.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() <= 4 {
        return "*".repeat(chars.len());
    }
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{}{tail}", "*".repeat(chars.len() - 4))
}

/// Mask an email address: the first character of the local part and the domain.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".to_string(),
    }
}

/// Characters that may stand between the digits of a number as people write it.
const SEP: &str = r"[\s\-‐‑‒–—―_.·・/()]{0,3}";

/// Full-width ASCII (ＡＢＣ１２３＠) and the ideographic space folded to ASCII, one char
/// for one char, so positions carry over.
fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    }
}

/// The ASCII digits and X of `s` (full-width folded), uppercase.
fn digits_of(s: &str) -> String {
    s.chars()
        .map(fold)
        .filter(|c| c.is_ascii_digit() || *c == 'x' || *c == 'X')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A pattern for `digits` with separators allowed between them.
fn spaced(digits: &str) -> String {
    digits
        .chars()
        .map(|c| match c {
            'X' => "[Xx]".to_string(),
            c => regex::escape(&c.to_string()),
        })
        .collect::<Vec<_>>()
        .join(SEP)
}

/// What replaces a match.
#[derive(Debug, Clone)]
enum Mask {
    /// A fixed text.
    Text(String),
    /// Every digit of the match becomes `*`; the rest stays (dates keep their shape).
    Digits,
    /// Every digit but the last four becomes `*` (a card number).
    AllButLast4,
}

#[derive(Debug, Clone)]
struct Rule {
    pattern: Regex,
    mask: Mask,
    /// Only where the match is not part of a longer word (for an email's local part).
    whole_word: bool,
}

/// The masks for one person's details, ready to apply to any text.
#[derive(Debug, Clone)]
pub struct Redactor {
    rules: Vec<Rule>,
    lang: Lang,
    birth_date: bool,
    address: Option<String>,
    /// Every 16–19-digit card number, not only the victim's own (a copy for others).
    all_cards: bool,
    /// The name as the copy shows it, when it is masked.
    masked_name: Option<String>,
}

/// Characters that end one part of a street address: the road (路/街/道/巷), the lane (弄/里),
/// the number (号), the building (栋/幢/座/楼), the unit (单元), the room (室), the village or
/// estate (村/组/苑/园/院/庭/府/城/厦/寓/场/区).
const ADDRESS_PART_END: &[char] = &[
    '路', '街', '道', '巷', '弄', '里', '号', '栋', '幢', '座', '楼', '元', '室', '村', '组', '苑', '园',
    '院', '庭', '府', '城', '厦', '寓', '场', '区', '户',
];

/// What may stand between two parts of an address as people write it.
const PART_SEP: &str = r"[\s\-‐‑–—_,，、/]*";

/// The street part of an address split into its parts (`张杨路`, `1588弄`, `12号`, `501室`);
/// whitespace dropped. A remainder without an end mark is a part of its own.
fn address_parts(detail: &[char]) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    for (i, c) in detail.iter().enumerate() {
        if c.is_whitespace() {
            continue;
        }
        cur.push(*c);
        // 元 ends a part only as 单元.
        let ends = ADDRESS_PART_END.contains(c) && (*c != '元' || i > 0 && detail[i - 1] == '单');
        if ends {
            parts.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    parts
}

/// A part as a pattern: its characters with any spacing between them.
fn part_pattern(part: &str) -> String {
    part.chars()
        .map(|c| regex::escape(&fold(c).to_string()))
        .collect::<Vec<_>>()
        .join(SEP)
}

/// Patterns for every run of `parts` from a road or estate name down, and for every run of
/// two or more parts starting later (`1588弄12号`): longest first.
fn address_run_patterns(parts: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for start in 0..parts.len() {
        let named = parts[start]
            .chars()
            .next()
            .is_some_and(|c| !fold(c).is_ascii_digit())
            && parts[start].chars().count() >= 2;
        // The rest of the run, each part optional after the one before it.
        let mut tail = String::new();
        for p in parts[start + 1..].iter().rev() {
            tail = format!("(?:{PART_SEP}{}{tail})?", part_pattern(p));
        }
        let head = part_pattern(&parts[start]);
        if named {
            out.push(format!("{head}{tail}"));
        } else if let Some(next) = parts.get(start + 1) {
            // A number alone (`12号`) is anyone's: two parts at least.
            let mut tail = String::new();
            for p in parts[start + 2..].iter().rev() {
                tail = format!("(?:{PART_SEP}{}{tail})?", part_pattern(p));
            }
            out.push(format!("{head}{PART_SEP}{}{tail}", part_pattern(next)));
        }
    }
    out
}

/// The name as a copy that hides it shows it: the family name and 某某 (王某某); a name in
/// Latin letters keeps its first letter.
pub fn mask_name(name: &str) -> String {
    let name = name.trim();
    let Some(first) = name.chars().next() else {
        return String::new();
    };
    if first.is_ascii() {
        format!("{first}***")
    } else {
        format!("{first}某某")
    }
}

/// Every run of 16 to 19 digits (a bank card; spaces or dashes between groups allowed,
/// full-width digits counted) with all but its last four digits masked. Shorter and longer
/// runs are left as they are.
pub fn mask_card_numbers(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let is_digit = |c: char| fold(c).is_ascii_digit();
    let is_sep = |c: char| matches!(fold(c), ' ' | '-' | '‐' | '‑' | '–' | '—');
    let mut out: Vec<char> = chars.clone();
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(chars[i]) {
            i += 1;
            continue;
        }
        // A run: digits, with single separators between them.
        let start = i;
        let mut end = i;
        let mut digits = Vec::new();
        while end < chars.len() {
            if is_digit(chars[end]) {
                digits.push(end);
                end += 1;
            } else if is_sep(chars[end]) && chars.get(end + 1).is_some_and(|c| is_digit(*c)) {
                end += 1;
            } else {
                break;
            }
        }
        if (16..=19).contains(&digits.len()) {
            for at in &digits[..digits.len() - 4] {
                out[*at] = '*';
            }
        }
        let _ = start;
        i = end;
    }
    out.into_iter().collect()
}

/// (year, month, day) from a birth date as typed: "1949-12-31", "1949 年 12 月 31 日",
/// "19491231".
fn parse_date(s: &str) -> Option<(String, String, String)> {
    let groups: Vec<String> = s
        .chars()
        .map(fold)
        .collect::<String>()
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .map(str::to_string)
        .collect();
    match groups.as_slice() {
        [y, m, d] if y.len() == 4 => Some((y.clone(), m.clone(), d.clone())),
        [all] if all.len() == 8 => Some((all[..4].to_string(), all[4..6].to_string(), all[6..].to_string())),
        _ => None,
    }
}

/// Patterns for a date in the ways people write it.
fn date_patterns((y, m, d): &(String, String, String)) -> Vec<String> {
    let bare = |s: &str| {
        let t = s.trim_start_matches('0');
        if t.is_empty() {
            "0".to_string()
        } else {
            t.to_string()
        }
    };
    let (m, d) = (bare(m), bare(d));
    let compact = spaced(&format!("{y}{m:0>2}{d:0>2}"));
    // Each digit may be spaced from the next; a month or day may carry its leading zero.
    let part = |v: &str| format!("(?:0{SEP})?{}", spaced(v));
    let (y, m, d) = (spaced(y), part(&m), part(&d));
    let ymd_sep = r"[\s\-‐‑–—_./年]{1,9}";
    let md_sep = r"[\s\-‐‑–—_./月]{1,9}";
    let sep = r"[\s\-‐‑–—_./]{1,9}";
    vec![
        compact,
        format!(r"{y}{ymd_sep}{m}{md_sep}{d}[\s\-‐‑–—_]*[日号]?"),
        format!(r"{d}{sep}{m}{sep}{y}"),
        format!(r"{m}{sep}{d}{sep}{y}"),
    ]
}

/// Where an address is cut: after the district (区/县/旗; not the 区 of 自治区, a
/// province), else after the last city or province mark (市/州/盟/省) near the start.
fn district_end(address: &[char]) -> Option<usize> {
    let near = address.len().min(16);
    for (i, c) in address.iter().enumerate().take(near).skip(1) {
        let autonomous_region =
            *c == '区' && i >= 2 && address[i - 2..i] == ['自', '治'] && !address[..i].contains(&'省');
        if matches!(c, '区' | '县' | '旗') && !autonomous_region {
            return Some(i + 1);
        }
    }
    address[..near]
        .iter()
        .rposition(|c| matches!(c, '市' | '州' | '盟' | '省'))
        .map(|i| i + 1)
}

impl Redactor {
    /// The masks for `c`'s details, with replacement words in `lang`.
    pub fn for_person(c: &Complainant, lang: Lang) -> Redactor {
        let mut rules = Vec::new();
        let mut push = |pattern: &str, mask: Mask, whole_word: bool| {
            if let Ok(pattern) = Regex::new(pattern) {
                rules.push(Rule {
                    pattern,
                    mask,
                    whole_word,
                });
            }
        };
        let mut dates = Vec::new();
        if let Some(id) = c.id_number.as_deref() {
            let id = digits_of(id);
            if id.len() >= 15 {
                push(&spaced(&id), Mask::Text(mask_id(&id)), false);
            }
            if id.len() == 18 {
                dates.push((
                    id[6..10].to_string(),
                    id[10..12].to_string(),
                    id[12..14].to_string(),
                ));
            }
        }
        for phone in &c.phones {
            let mut n = digits_of(phone);
            for prefix in ["0086", "86"] {
                if n.len() == 11 + prefix.len() && n.starts_with(prefix) {
                    n = n[prefix.len()..].to_string();
                }
            }
            if n.len() >= 7 {
                let pattern = format!(r"(?:(?:\+|00){SEP}86{SEP})?{}", spaced(&n));
                push(&pattern, Mask::Text(mask_phone(&n)), false);
            }
        }
        for email in &c.emails {
            let folded: String = email.trim().chars().map(fold).collect();
            if let Some((local, domain)) = folded.split_once('@') {
                let pattern = format!(r"(?i){}\s*@\s*{}", regex::escape(local), regex::escape(domain));
                push(&pattern, Mask::Text(mask_email(&folded)), false);
                if local.chars().count() >= 3 {
                    let first: String = local.chars().take(1).collect();
                    push(
                        &format!(r"(?i){}", regex::escape(local)),
                        Mask::Text(format!("{first}***")),
                        true,
                    );
                }
            }
        }
        if let Some(d) = c.birth_date.as_deref().and_then(parse_date) {
            dates.push(d);
        }
        dates.dedup();
        for d in &dates {
            for p in date_patterns(d) {
                push(&p, Mask::Digits, false);
            }
        }
        for account in &c.accounts {
            let n = digits_of(account);
            if n.len() >= 8 {
                push(&spaced(&n), Mask::AllButLast4, false);
            }
        }
        let address = c.address.as_deref().map(str::trim).filter(|a| !a.is_empty());
        if let Some(a) = address {
            let chars: Vec<char> = a.chars().collect();
            let cut = district_end(&chars).unwrap_or(0);
            let detail: Vec<char> = chars[cut..]
                .iter()
                .copied()
                .filter(|c| !c.is_whitespace())
                .collect();
            if detail.len() >= 2 {
                let pattern = detail
                    .iter()
                    .map(|c| regex::escape(&fold(*c).to_string()))
                    .collect::<Vec<_>>()
                    .join(r"\s*");
                let hidden = tr(lang, "（详细地址已隐去）", "[street hidden]");
                push(&pattern, Mask::Text(hidden.clone()), false);
                for run in address_run_patterns(&address_parts(&detail)) {
                    push(&run, Mask::Text(hidden.clone()), false);
                }
            }
        }
        Redactor {
            rules,
            lang,
            birth_date: c.birth_date.as_deref().is_some_and(|b| !b.trim().is_empty()),
            address: address.map(str::to_string),
            all_cards: false,
            masked_name: None,
        }
    }

    /// The masks of a copy for others: `c`'s details as [`Redactor::for_person`] masks them,
    /// every card number but its last four digits, and with `hide_name` the name (王某某).
    pub fn for_copy(c: &Complainant, lang: Lang, hide_name: bool) -> Redactor {
        let mut red = Redactor::for_person(c, lang);
        red.all_cards = true;
        let name: Vec<char> = c.name.trim().chars().filter(|c| !c.is_whitespace()).collect();
        if hide_name && !name.is_empty() {
            let shown = mask_name(&c.name);
            if name.len() >= 2 {
                let pattern = name
                    .iter()
                    .map(|c| regex::escape(&fold(*c).to_string()))
                    .collect::<Vec<_>>()
                    .join(r"\s*");
                if let Ok(pattern) = Regex::new(&pattern) {
                    red.rules.push(Rule {
                        pattern,
                        mask: Mask::Text(shown.clone()),
                        whole_word: false,
                    });
                }
            }
            red.masked_name = Some(shown);
        }
        red
    }

    /// The name as the copy shows it: masked when asked for.
    pub fn name(&self, name: &str) -> String {
        self.masked_name.clone().unwrap_or_else(|| self.apply(name))
    }

    /// `text` with every detail masked.
    pub fn apply(&self, text: &str) -> String {
        let mut out = text.to_string();
        for rule in &self.rules {
            out = apply_rule(&out, rule);
        }
        if self.all_cards {
            out = mask_card_numbers(&out);
        }
        out
    }

    /// The address as a copy shows it: down to the district.
    pub fn address(&self) -> Option<String> {
        let a = self.address.as_deref()?;
        let chars: Vec<char> = a.chars().collect();
        let hidden = tr(self.lang, "（详细地址已隐去）", "[street hidden]");
        Some(match district_end(&chars) {
            Some(cut) => format!("{}{hidden}", chars[..cut].iter().collect::<String>()),
            None => tr(self.lang, "（地址已隐去）", "[address hidden]"),
        })
    }

    /// The birth date field as a copy shows it.
    pub fn birth_date(&self) -> Option<String> {
        self.birth_date.then(|| tr(self.lang, "（已隐去）", "[hidden]"))
    }
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '%')
}

fn apply_rule(text: &str, rule: &Rule) -> String {
    // Match on the folded text; its chars line up one to one with the original's.
    let original: Vec<char> = text.chars().collect();
    let folded: String = original.iter().map(|c| fold(*c)).collect();
    let mut byte_to_char = vec![0usize; folded.len() + 1];
    for (ci, (bi, _)) in folded.char_indices().enumerate() {
        byte_to_char[bi] = ci;
    }
    byte_to_char[folded.len()] = original.len();
    let folded_chars: Vec<char> = folded.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0usize;
    for m in rule.pattern.find_iter(&folded) {
        let (s, e) = (byte_to_char[m.start()], byte_to_char[m.end()]);
        if rule.whole_word {
            let before = s.checked_sub(1).map(|i| folded_chars[i]);
            let after = folded_chars.get(e).copied();
            if before.is_some_and(is_word) || after.is_some_and(is_word) {
                continue;
            }
        }
        if s < at || s == e {
            continue;
        }
        out.extend(&original[at..s]);
        match &rule.mask {
            Mask::Text(t) => out.push_str(t),
            Mask::Digits => out.extend(
                original[s..e]
                    .iter()
                    .map(|c| if fold(*c).is_ascii_digit() { '*' } else { *c }),
            ),
            Mask::AllButLast4 => {
                let digits = original[s..e]
                    .iter()
                    .filter(|c| fold(**c).is_ascii_digit())
                    .count();
                let mut seen = 0;
                out.extend(original[s..e].iter().map(|c| {
                    if fold(*c).is_ascii_digit() {
                        seen += 1;
                        if seen + 4 <= digits { '*' } else { *c }
                    } else {
                        *c
                    }
                }));
            }
        }
        at = e;
    }
    out.extend(&original[at..]);
    out
}

/// The packet input of a redacted copy: the profile shown as a copy may show it, and every
/// free text (notes, the victim's own account, counterparts, leads, email subjects, file
/// names, transfer details) with the victim's details masked.
pub fn redact_input(input: &PacketInput, lang: Lang, hide_name: bool) -> PacketInput {
    let red = Redactor::for_copy(&input.complainant, lang, hide_name);
    let r = |s: &str| red.apply(s);
    let mut out = input.clone();
    let c = &mut out.complainant;
    // A name written with the ID number or a phone in it (an older record) keeps neither.
    c.name = red.name(&c.name);
    c.accounts = Vec::new();
    c.id_number = c.id_number.as_deref().map(|id| mask_id(&digits_of(id)));
    c.birth_date = red.birth_date();
    c.phones = c.phones.iter().map(|p| r(p)).collect();
    c.emails = c.emails.iter().map(|e| mask_email(e.trim())).collect();
    c.address = red.address();
    out.narrative = out.narrative.as_deref().map(&r);
    for e in &mut out.entries {
        e.counterpart = r(&e.counterpart);
        e.to_mine = e.to_mine.as_deref().map(&r);
        e.summary = r(&e.summary);
        e.retracted = e.retracted.as_deref().map(&r);
        for a in &mut e.attachments {
            a.name = r(&a.name);
        }
        if let Some(t) = &mut e.transfer {
            t.account = r(&t.account);
            // Someone else's name in a copy for others: the family name only.
            t.name = match r(&t.name).trim() {
                "" => String::new(),
                n => mask_name(n),
            };
            t.txn = r(&t.txn);
            // The victim's own card: only its last four digits in a copy for others.
            t.from_account = mask_own_account(&r(&t.from_account));
            t.bill_row = mask_own_account(&r(&t.bill_row));
        }
    }
    for l in &mut out.leads {
        l.counterpart = r(&l.counterpart);
    }
    for rep in &mut out.reports {
        rep.note = r(&rep.note);
        rep.officer = r(&rep.officer);
    }
    if let Some(sus) = &mut out.suspect {
        sus.why = r(&sus.why);
    }
    out
}

/// The victim's own account or card as a copy for others shows it: every digit but the last
/// four of each run of five or more digits masked (`6217 0000 1111 2222` → `**** **** **** 2222`).
pub fn mask_own_account(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        // A run of digits, spaces allowed between them.
        let start = i;
        let mut digits = 0;
        let mut end = i;
        while end < chars.len() && (chars[end].is_ascii_digit() || (chars[end] == ' ' && digits > 0)) {
            if chars[end].is_ascii_digit() {
                digits += 1;
            }
            end += 1;
        }
        if digits == 0 {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let mut seen = 0;
        for c in &chars[start..end] {
            if c.is_ascii_digit() {
                seen += 1;
                out.push(if digits >= 5 && seen <= digits - 4 {
                    '*'
                } else {
                    *c
                });
            } else {
                out.push(*c);
            }
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_victims_own_card_keeps_only_its_last_four_digits() {
        assert_eq!(mask_own_account("6217 0000 1111 2222"), "**** **** **** 2222");
        assert_eq!(mask_own_account("中国银行储蓄卡(4412)"), "中国银行储蓄卡(4412)");
        assert_eq!(mask_own_account("余额"), "余额");
    }

    fn person() -> Complainant {
        Complainant {
            name: "王䶮".into(),
            birth_date: Some("1949 年 12 月 31 日".into()),
            id_number: Some("11010519491231002X".into()),
            address: Some("北京市朝阳区𠮷祥路龘苑 3 号".into()),
            phones: vec!["13912345678".into(), "+86 010-6512 3456".into()],
            emails: vec!["wang.yan@example.com".into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_name_written_with_the_id_and_a_phone_keeps_neither_in_the_copy() {
        let input = PacketInput {
            complainant: Complainant {
                name: "王䶮 11010519491231002X 13912345678".into(),
                ..person()
            },
            ..crate::pdf::sample::sample_input(3, jiff::civil::date(2025, 6, 1))
        };
        let name = redact_input(&input, Lang::Zh, false).complainant.name;
        assert!(name.starts_with("王䶮"), "{name}");
        assert!(!digits_of(&name).contains("19491231"), "{name}");
        assert!(!digits_of(&name).contains("1391234"), "{name}");
    }

    #[test]
    fn masks_keep_first_six_and_last_four() {
        assert_eq!(mask_id("11010519491231002X"), "110105********002X");
        assert_eq!(mask_phone("13800138000"), "*******8000");
        assert_eq!(mask_email("wang.yan@example.com"), "w***@example.com");
    }

    #[test]
    fn every_spelling_of_the_id_and_phone_is_masked() {
        let red = Redactor::for_person(&person(), Lang::Zh);
        for (text, shown) in [
            ("号码 11010519491231002x 对", "110105********002X"),
            ("110105 1949 1231 002X", "110105********002X"),
            ("１１０１０５１９４９１２３１００２Ｘ", "110105********002X"),
            ("139-1234-5678", "*******5678"),
            ("139 1234 5678", "*******5678"),
            ("+86 139 1234 5678", "*******5678"),
            ("0086-13912345678", "*******5678"),
            ("（+86）１３９１２３４５６７８", "*******5678"),
            ("座机 010-65123456", "*******3456"),
        ] {
            let out = red.apply(text);
            assert!(out.contains(shown), "{text:?} → {out:?}");
            assert!(!digits_of(&out).contains("1949"), "{text:?} → {out:?}");
            assert!(!digits_of(&out).contains("1391234"), "{text:?} → {out:?}");
        }
    }

    #[test]
    fn the_birth_date_is_masked_in_every_spelling() {
        let red = Redactor::for_person(&person(), Lang::Zh);
        for text in [
            "生日 1949-12-31",
            "1949年12月31日出生",
            "19491231",
            "1949.12.31",
            "1949/12/31",
            "31.12.1949",
            "１９４９年１２月３１日",
            "1949 1231",
        ] {
            let out = red.apply(text);
            assert!(!digits_of(&out).contains("1949"), "{text:?} → {out:?}");
        }
        assert_eq!(red.apply("1949-12-31"), "****-**-**");
        assert_eq!(red.birth_date().as_deref(), Some("（已隐去）"));
    }

    #[test]
    fn email_keeps_first_character_and_domain_and_the_local_part_disappears() {
        let red = Redactor::for_person(&person(), Lang::Zh);
        assert_eq!(
            red.apply("发到 Wang.Yan@Example.com 了"),
            "发到 w***@example.com 了"
        );
        assert_eq!(red.apply("wang.yan ＠ example.com"), "w***@example.com");
        assert_eq!(red.apply("账号 wang.yan 被盗"), "账号 w*** 被盗");
        // A longer word that merely contains it is left alone.
        assert_eq!(red.apply("xwang.yanx"), "xwang.yanx");
    }

    #[test]
    fn address_down_to_the_district() {
        let red = Redactor::for_person(&person(), Lang::Zh);
        assert_eq!(red.address().as_deref(), Some("北京市朝阳区（详细地址已隐去）"));
        assert_eq!(
            red.apply("他们知道我住在𠮷祥路 龘苑3号"),
            "他们知道我住在（详细地址已隐去）"
        );
        let chars: Vec<char> = "广西壮族自治区南宁市青秀区民族大道 1 号".chars().collect();
        assert_eq!(district_end(&chars), Some(13));
        let chars: Vec<char> = "北京市𠮷祥路龘苑 3 号".chars().collect();
        assert_eq!(district_end(&chars), Some(3));
    }

    fn victim() -> Complainant {
        Complainant {
            name: "王小明".into(),
            birth_date: Some("1985-03-07".into()),
            id_number: Some("310115198503074213".into()),
            address: Some("上海市浦东新区张杨路1588弄12号501室".into()),
            phones: vec!["13812345678".into()],
            emails: vec!["xiaoming@example.com".into()],
            accounts: vec!["6228480038126677015".into()],
            ..Default::default()
        }
    }

    #[test]
    fn street_fragments_are_masked_from_the_road_down_in_any_spacing() {
        let red = Redactor::for_copy(&victim(), Lang::Zh, false);
        for text in [
            "你的住址我们都知道：张杨路1588弄",
            "住张杨路1588弄12号",
            "张杨路 1588 弄 12 号 501 室",
            "张 杨 路１５８８弄",
            "快递送到1588弄12号",
            "就在张杨路",
        ] {
            let out: String = red.apply(text).chars().filter(|c| !c.is_whitespace()).collect();
            assert!(out.contains("（详细地址已隐去）"), "{text:?} → {out:?}");
            for gone in ["张杨路", "1588弄", "12号"] {
                assert!(!out.contains(gone), "{text:?} → {out:?}");
            }
        }
        // A house number alone is anyone's.
        assert_eq!(red.apply("12号来电"), "12号来电");
        assert_eq!(red.address().as_deref(), Some("上海市浦东新区（详细地址已隐去）"));
    }

    #[test]
    fn the_victims_cards_keep_only_their_last_four_digits() {
        let red = Redactor::for_person(&victim(), Lang::Zh);
        for text in [
            "我的农行卡号6228480038126677015",
            "6228 4800 3812 6677 015",
            "６２２８４８００３８１２６６７７０１５",
        ] {
            let out = red.apply(text);
            assert!(!digits_of(&out).contains("62284800"), "{text:?} → {out:?}");
            assert!(digits_of(&out).ends_with("7015"), "{text:?} → {out:?}");
        }
        // A letter keeps someone else's card; a copy for others masks it too.
        assert_eq!(red.apply("转到6217000011112222333"), "转到6217000011112222333");
        let copy = Redactor::for_copy(&victim(), Lang::Zh, false);
        assert_eq!(copy.apply("转到6217000011112222333"), "转到***************2333");
        assert_eq!(mask_card_numbers("6217-0000-1111-2222"), "****-****-****-2222");
        // Phones and shorter numbers are not cards.
        assert_eq!(
            mask_card_numbers("13912345678 订单 202501011234"),
            "13912345678 订单 202501011234"
        );
    }

    #[test]
    fn the_name_is_masked_only_when_asked() {
        let c = victim();
        assert_eq!(Redactor::for_copy(&c, Lang::Zh, false).name(&c.name), "王小明");
        let red = Redactor::for_copy(&c, Lang::Zh, true);
        assert_eq!(red.name(&c.name), "王某某");
        assert_eq!(red.apply("对方叫我王 小明"), "对方叫我王某某");
        assert_eq!(mask_name("Li Lei"), "L***");
    }

    mod spellings {
        use super::*;
        use proptest::prelude::*;

        /// One way of writing `s`: spaces of any kind between any characters, and each digit
        /// full-width or not.
        fn spelled(s: &'static str) -> impl Strategy<Value = String> {
            let n = s.chars().count();
            (
                prop::collection::vec(
                    prop::sample::select(vec!["", "", "", " ", "  ", "\u{3000}", "-"]),
                    n,
                ),
                prop::collection::vec(any::<bool>(), n),
            )
                .prop_map(move |(seps, wide)| {
                    let mut out = String::new();
                    for (i, c) in s.chars().enumerate() {
                        let c = if wide[i] && c.is_ascii_digit() {
                            char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c)
                        } else {
                            c
                        };
                        out.push(c);
                        if i + 1 < n {
                            out.push_str(seps[i]);
                        }
                    }
                    out
                })
        }

        /// Text around it that holds no digit (a digit next to a number makes another number).
        fn filler() -> impl Strategy<Value = String> {
            prop::sample::select(vec![
                "",
                "你的住址我们都知道：",
                "我的农行卡号",
                "。对方说",
                "note: ",
                "（",
                "他报出了",
            ])
            .prop_map(str::to_string)
        }

        /// The profile's details, as they must never be found in the output.
        fn found(out: &str) -> Option<&'static str> {
            let digits = digits_of(out);
            let flat: String = out
                .chars()
                .map(fold)
                .filter(|c| !c.is_whitespace() && *c != '-')
                .collect();
            if digits.contains("19850307") {
                return Some("birth date");
            }
            if digits.contains("3101151985") || digits.contains("198503074213") {
                return Some("ID number");
            }
            if digits.contains("1381234") {
                return Some("phone");
            }
            if digits.contains("622848003812") {
                return Some("card");
            }
            if flat.contains("张杨路") || flat.contains("1588弄") || flat.contains("12号501") {
                return Some("street");
            }
            None
        }

        static COPY: std::sync::LazyLock<Redactor> =
            std::sync::LazyLock::new(|| Redactor::for_copy(&victim(), Lang::Zh, false));
        static LETTER: std::sync::LazyLock<Redactor> =
            std::sync::LazyLock::new(|| Redactor::for_person(&victim(), Lang::Zh));

        proptest! {
            #[test]
            fn no_spelling_of_the_profile_survives(
                detail in prop::sample::select(vec![
                    "310115198503074213",
                    "13812345678",
                    "6228480038126677015",
                    "1985年03月07日",
                    "张杨路1588弄12号501室",
                    "张杨路1588弄",
                    "1588弄12号",
                ]).prop_flat_map(spelled),
                before in filler(),
                after in filler(),
            ) {
                let text = format!("{before}{detail}{after}");
                let copy = COPY.apply(&text);
                prop_assert!(found(&copy).is_none(), "{:?} left in the copy: {:?}", found(&copy), copy);
                let letter = LETTER.apply(&text);
                prop_assert!(found(&letter).is_none(), "{:?} left in a letter: {:?}", found(&letter), letter);
            }
        }
    }
}
