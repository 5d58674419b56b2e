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
//! - Address: down to the district (区/县/旗, or the city when there is none).
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
    let (m, d) = (format!("0?{m}"), format!("0?{d}"));
    let ymd_sep = r"\s*(?:[-./年]|\s)\s*";
    let md_sep = r"\s*(?:[-./月]|\s)\s*";
    vec![
        compact,
        format!(r"{y}{ymd_sep}{m}{md_sep}{d}\s*[日号]?"),
        format!(r"{d}\s*[-./]\s*{m}\s*[-./]\s*{y}"),
        format!(r"{m}\s*[-./]\s*{d}\s*[-./]\s*{y}"),
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
                push(
                    &pattern,
                    Mask::Text(tr(lang, "（详细地址已隐去）", "[street hidden]")),
                    false,
                );
            }
        }
        Redactor {
            rules,
            lang,
            birth_date: c.birth_date.as_deref().is_some_and(|b| !b.trim().is_empty()),
            address: address.map(str::to_string),
        }
    }

    /// `text` with every detail masked.
    pub fn apply(&self, text: &str) -> String {
        let mut out = text.to_string();
        for rule in &self.rules {
            out = apply_rule(&out, rule);
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
        }
        at = e;
    }
    out.extend(&original[at..]);
    out
}

/// The packet input of a redacted copy: the profile shown as a copy may show it, and every
/// free text (notes, the victim's own account, counterparts, leads, email subjects, file
/// names, transfer details) with the victim's details masked.
pub fn redact_input(input: &PacketInput, lang: Lang) -> PacketInput {
    let red = Redactor::for_person(&input.complainant, lang);
    let r = |s: &str| red.apply(s);
    let mut out = input.clone();
    let c = &mut out.complainant;
    // A name written with the ID number or a phone in it (an older record) keeps neither.
    c.name = r(&c.name);
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
            t.name = r(&t.name);
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
        let name = redact_input(&input, Lang::Zh).complainant.name;
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
}
