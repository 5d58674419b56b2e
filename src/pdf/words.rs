//! How the packet writes dates, money, sizes and the kinds of contact — one way throughout
//! (2026年10月24日, 人民币5,000.00元).

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

use crate::case::{EvidenceKind, Knew};
use crate::guide::letter::LetterText;
use crate::i18n::Lang;
use crate::template::fill;

/// The sentence that names the zone of every time in the packet, once: 时间均为北京时间 when
/// `zone` is UTC+08:00 on `on`, else 时间均为本地时间（UTC-05:00）.
pub fn zone_sentence(zone: &TimeZone, on: Date, lang: Lang) -> String {
    let text = LetterText::get(lang);
    let at = on
        .at(12, 0, 0, 0)
        .to_zoned_datetime(zone.clone())
        .map(|z| z.timestamp())
        .unwrap_or_else(|_| jiff::Timestamp::now());
    let label = crate::localtime::zone_label(zone, at);
    if label == "UTC+08:00" {
        text.zone_beijing.clone()
    } else {
        fill(&text.zone_local, &[("zone", &label)])
    }
}

/// `2026年10月24日` / `24 October 2026`.
pub fn date_text(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => d.strftime("%-d %B %Y").to_string(),
    }
}

/// `2026年10月24日 14:05` / `24 October 2026 14:05`.
pub fn datetime_text(t: DateTime, lang: Lang) -> String {
    format!("{} {}", date_text(t.date(), lang), t.time().strftime("%H:%M"))
}

/// `5,000.00` — yuan with thousands separators and two decimals.
pub fn yuan_digits(fen: u64) -> String {
    let whole = (fen / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{grouped}.{:02}", fen % 100)
}

/// `人民币5,000.00元` / `CNY 5,000.00`.
pub fn money(fen: u64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("人民币{}元", yuan_digits(fen)),
        Lang::En => format!("CNY {}", yuan_digits(fen)),
    }
}

/// A total as a letter to the authorities states it: `人民币38,000.00元（大写：叁万捌仟元整）` /
/// `CNY 38,000.00 (叁万捌仟元整)`.
pub fn money_with_capitals(fen: u64, lang: Lang) -> String {
    let capitals = crate::text::capital::yuan_in_capitals(fen);
    match lang {
        Lang::Zh => format!("{}（大写：{capitals}）", money(fen, lang)),
        Lang::En => format!("{} ({capitals})", money(fen, lang)),
    }
}

/// `12.0 KB`.
pub fn human_size(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// The packet's word for a kind of entry.
pub fn kind_label(kind: EvidenceKind, lang: Lang) -> &'static str {
    use EvidenceKind::*;
    match (lang, kind) {
        (Lang::Zh, Call) => "来电",
        (Lang::Zh, Sms) => "短信",
        (Lang::Zh, Email) => "邮件",
        (Lang::Zh, Letter) => "信件",
        (Lang::Zh, Web) => "网页",
        (Lang::Zh, Account) => "冒名账户",
        (Lang::Zh, Other) => "其他联系",
        (Lang::En, k) => k.en(),
    }
}

/// "来电 3 次" / "3 calls".
pub fn kind_counted(kind: EvidenceKind, n: usize, lang: Lang) -> String {
    use EvidenceKind::*;
    match lang {
        Lang::Zh => {
            let unit = match kind {
                Call => "来电{}次",
                Sms => "短信{}条",
                Email => "邮件{}封",
                Letter => "信件{}封",
                Web => "网页{}个",
                Account => "冒名账户{}个",
                Other => "其他联系{}次",
            };
            crate::template::fill_in_order(unit, &[&n])
        }
        Lang::En => format!("{n} × {}", kind.en()),
    }
}

/// "来电6次、短信2条" / "6 × call, 2 × SMS": how many contacts of each kind, kinds in their
/// fixed order, only the kinds present.
pub fn kinds_counted(kinds: impl IntoIterator<Item = EvidenceKind>, lang: Lang) -> String {
    let mut counts: std::collections::BTreeMap<EvidenceKind, usize> = Default::default();
    for k in kinds {
        *counts.entry(k).or_default() += 1;
    }
    counted_by_kind(&counts, lang)
}

/// [`kinds_counted`] from counts already made (the packet's one-pass totals).
pub fn counted_by_kind(counts: &std::collections::BTreeMap<EvidenceKind, usize>, lang: Lang) -> String {
    let parts: Vec<String> = counts.iter().map(|(k, n)| kind_counted(*k, *n, lang)).collect();
    parts.join(lang.pick("、", ", "))
}

/// What they knew, in the packet's words: 姓名、身份证号、住址 (an "other" item is said as
/// 其他个人信息, last, never as a bare 其他).
pub fn knew_list(knew: impl IntoIterator<Item = Knew>, lang: Lang) -> String {
    let mut items: Vec<Knew> = knew.into_iter().collect();
    items.sort();
    items.dedup();
    let mut words: Vec<&str> = items
        .iter()
        .filter(|k| **k != Knew::Other)
        .map(|k| match k {
            // What they said was the card's details, not the card.
            Knew::BankCard => lang.pick("银行卡信息", "bank card details"),
            k => lang.pick(k.zh(), k.en()),
        })
        .collect();
    if items.contains(&Knew::Other) {
        words.push(lang.pick(
            if words.is_empty() {
                "个人信息"
            } else {
                "其他个人信息"
            },
            if words.is_empty() {
                "personal details"
            } else {
                "other personal details"
            },
        ));
    }
    words.join(lang.pick("、", ", "))
}

/// A character of a run that must never be cut: a digit, a Latin letter, or what joins them
/// in an order number, a phone number, an address or a link.
fn in_token(c: char) -> bool {
    c.is_ascii_alphanumeric() || "./:@-_%?=&#+~".contains(c)
}

/// The victim's note as a quotation inside the letter's own “…”: one line, inner double
/// quotes turned into single ones (‘…’), and when longer than `max` characters cut where a
/// reader expects a cut, marked "……": after the last full stop (。！？), else after the last
/// ；, else after the last ，、, else before the run of digits or Latin letters the limit falls
/// in. A run is never cut: a note that starts with a run longer than `max` keeps it whole.
pub fn quote(text: &str, max: usize) -> String {
    let flat = one_line(text, usize::MAX);
    let mut open = true;
    let chars: Vec<char> = flat
        .chars()
        .map(|c| match c {
            '“' | '「' | '『' => '‘',
            '”' | '」' | '』' => '’',
            '"' => {
                let q = if open { '‘' } else { '’' };
                open = !open;
                q
            }
            c => c,
        })
        .collect();
    if chars.len() <= max {
        return chars.into_iter().collect();
    }
    let max = max.max(2);
    // A Latin mark ends a sentence or clause only before a space (not inside a link).
    let is_mark = |i: usize, set: &[char]| {
        set.contains(&chars[i])
            && (!chars[i].is_ascii() || chars.get(i + 1).is_none_or(|c| c.is_whitespace()))
    };
    let last_of = |set: &[char], from: usize| (from..max).rev().find(|&i| is_mark(i, set)).map(|i| i + 1);
    // The cut: how many characters are kept (a clause mark before it is dropped).
    let cut = if let Some(end) = last_of(&['。', '！', '？', '!', '?'], max / 3) {
        end
    } else if let Some(end) = last_of(&['；', ';', '，', ',', '、', '：'], max / 2) {
        end - 1
    } else {
        let mut end = max - 1;
        while end > 0 && in_token(chars[end - 1]) && in_token(chars[end]) {
            end -= 1;
        }
        if end == 0 {
            end = chars.iter().position(|c| !in_token(*c)).unwrap_or(chars.len());
        }
        end
    };
    let mut s: String = chars[..cut].iter().collect();
    let trimmed = s.trim_end().len();
    s.truncate(trimmed);
    if cut < chars.len() {
        s.push_str("……");
        // A quotation cut inside an inner quotation closes it.
        let open = s.matches('‘').count().saturating_sub(s.matches('’').count());
        s.extend(std::iter::repeat_n('’', open));
    }
    s
}

/// `text` cut to at most `max` characters, with "…" when cut; line breaks become spaces.
pub fn one_line(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let mut s: String = flat.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_zone_is_named_beijing_time_at_utc_plus_eight_else_by_its_offset() {
        use jiff::tz::{Offset, TimeZone};
        let on = date(2026, 12, 1);
        let zone = |h: i8| TimeZone::fixed(Offset::constant(h));
        assert_eq!(zone_sentence(&zone(8), on, Lang::Zh), "时间均为北京时间");
        assert_eq!(
            zone_sentence(&zone(-5), on, Lang::Zh),
            "时间均为本地时间（UTC-05:00）"
        );
        assert_eq!(
            zone_sentence(&zone(0), on, Lang::En),
            "Times are local time (UTC+00:00)"
        );
        assert_eq!(
            zone_sentence(&zone(8), on, Lang::En),
            "Times are Beijing time (UTC+08:00)"
        );
    }

    #[test]
    fn dates_and_money_one_way() {
        assert_eq!(date_text(date(2026, 10, 24), Lang::Zh), "2026年10月24日");
        assert_eq!(money(500_000, Lang::Zh), "人民币5,000.00元");
        assert_eq!(money(123_456_789, Lang::Zh), "人民币1,234,567.89元");
        assert_eq!(money(5, Lang::En), "CNY 0.05");
    }

    #[test]
    fn a_quote_is_cut_at_a_sentence_or_clause_never_inside_a_number() {
        let note = "对方称退款需先验证身份，订单号YX20261118009，详询4008123456转2，称24小时内原路退回；我没有照做。";
        let q = quote(note, 30);
        assert_eq!(q, "对方称退款需先验证身份，订单号YX20261118009……");
        assert_eq!(quote(note, 80), note);
        // Past the last clause mark the cut falls before the number, not inside it.
        assert_eq!(quote("详询4008123456转人工", 6), "详询……");
        assert_eq!(
            quote("短信：“您的退款已受理，请点击链接查看”", 14),
            "短信：‘您的退款已受理……’"
        );
        assert_eq!(
            quote("称“安全账户”是“国家监管”的", 40),
            "称‘安全账户’是‘国家监管’的"
        );
        assert_eq!(
            quote("https://example.com/very/long/path 是链接", 8),
            "https://example.com/very/long/path……"
        );
    }

    proptest::proptest! {
        #[test]
        fn no_quote_is_cut_inside_a_run_of_digits_or_latin_letters(
            note in "[0-9A-Za-z对方称订单号退款。，；“”\" ]{0,80}",
            max in 4usize..50,
        ) {
            let q = quote(&note, max);
            let whole = quote(&note, usize::MAX);
            proptest::prop_assert!(!q.contains('“') && !q.contains('”') && !q.contains('"'));
            match q.trim_end_matches('’').strip_suffix("……") {
                None => proptest::prop_assert_eq!(&q, &whole),
                Some(kept) => {
                    proptest::prop_assert!(whole.starts_with(kept), "{q:?} is not a start of {whole:?}");
                    let next = whole[kept.len()..].chars().next();
                    let last = kept.chars().last();
                    let cut_inside = matches!((last, next), (Some(a), Some(b)) if in_token(a) && in_token(b));
                    proptest::prop_assert!(!cut_inside, "{q:?} cuts a run of {whole:?}");
                }
            }
        }
    }

    #[test]
    fn other_is_never_printed_bare() {
        let s = knew_list([Knew::Name, Knew::Other, Knew::Employer], Lang::Zh);
        assert_eq!(s, "姓名、工作单位、其他个人信息");
        assert_eq!(one_line("a\nb  c", 10), "a b c");
        assert_eq!(one_line("一二三四五六", 4), "一二三…");
    }
}
