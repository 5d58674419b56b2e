//! What the 控告人 section can say from the ID number, and what it lacks.
//!
//! A mainland resident ID number (GB 11643-1999) carries the date of birth in digits 7–14 and
//! the sex in digit 17 (odd: male, even: female). The packet prints them from the number when
//! the victim left them blank, and one date style throughout (1988年6月5日).

use jiff::civil::Date;

use super::model::Complainant;
use super::words::date_text;
use crate::i18n::{Lang, tr};

/// The date of birth and sex (true: male) an 18-character ID number carries, or `None` when it
/// is not one.
pub fn from_id(id: &str) -> Option<(Date, bool)> {
    let b = id.trim().as_bytes();
    if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| std::str::from_utf8(&b[r]).ok()?.parse::<i16>().ok();
    let born = Date::new(num(6..10)?, num(10..12)? as i8, num(12..14)? as i8).ok()?;
    Some((born, (b[16] - b'0') % 2 == 1))
}

/// 男 / 女 in `lang`.
fn sex_word(male: bool, lang: Lang) -> &'static str {
    match (male, lang) {
        (true, Lang::Zh) => "男",
        (false, Lang::Zh) => "女",
        (true, Lang::En) => "male",
        (false, Lang::En) => "female",
    }
}

/// A date as written (1985-03-17, 1985/3/17, 1985.03.17, 19850317) in the packet's one date
/// style; anything else as written.
fn birth_text(written: &str, lang: Lang) -> String {
    let parts: Vec<&str> = written
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|s| !s.is_empty())
        .collect();
    let date = match parts.as_slice() {
        [y, m, d] => (|| Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok())(),
        [ymd] if ymd.len() == 8 => (|| {
            Date::new(
                ymd[..4].parse().ok()?,
                ymd[4..6].parse().ok()?,
                ymd[6..].parse().ok()?,
            )
            .ok()
        })(),
        _ => None,
    };
    date.map_or_else(|| written.to_string(), |d| date_text(d, lang))
}

/// The complainant as printed: sex and date of birth from the ID number when left blank, the
/// date in the packet's style.
pub fn completed(mut c: Complainant, lang: Lang) -> Complainant {
    let from = c.id_number.as_deref().and_then(from_id);
    if c.sex.is_none() {
        c.sex = from.map(|(_, male)| sex_word(male, lang).to_string());
    }
    c.birth_date = match c.birth_date.take() {
        Some(b) => Some(birth_text(&b, lang)),
        None => from.map(|(d, _)| date_text(d, lang)),
    };
    c
}

/// What the 控告人 section lacks, as one warning for the user, or `None` when it is complete.
pub fn missing_warning(c: &Complainant, lang: Lang) -> Option<String> {
    let mut missing: Vec<&str> = Vec::new();
    if c.name.trim().is_empty() {
        missing.push(lang.pick("姓名", "name"));
    }
    if c.id_number.is_none() {
        missing.push(lang.pick("身份证号", "ID number"));
    }
    if c.address.is_none() {
        missing.push(lang.pick("住址", "address"));
    }
    if c.phones.is_empty() {
        missing.push(lang.pick("联系电话", "phone"));
    }
    if missing.is_empty() {
        return None;
    }
    let list = missing.join(lang.pick("、", ", "));
    Some(tr(
        lang,
        format!(
            "控告书的控告人一栏缺少：{list}（打印件上留空，需手写）。可运行 leakaid profile set 补上后重新导出。"
        ),
        format!(
            "The complainant section lacks: {list} (left blank to write by hand). Fill it in with leakaid profile set and export again."
        ),
    ))
}

/// The warning when the victim has recorded no account of their own: the letter then tells
/// the events from the record alone.
pub fn no_story_warning(lang: Lang) -> String {
    tr(
        lang,
        "还没有写“控告人自述”：控告书的事实部分只能按记录的时间顺序列出联系。用自己的话写几句经过（何时开始、对方说了什么、怀疑从哪里泄露），可运行 leakaid profile story 补上后重新导出。",
        "There is no account in your own words yet: the letter's facts only list the contacts in time order. Write a few sentences (when it began, what they said, where you think the leak came from) with leakaid profile story, then export again.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn sex_and_birth_follow_from_the_id_number_when_left_blank() {
        assert_eq!(from_id("11010519880605271X"), Some((date(1988, 6, 5), true)));
        assert_eq!(from_id("110105198806052726"), Some((date(1988, 6, 5), false)));
        assert_eq!(from_id("1101051988060527"), None);
        assert_eq!(from_id("110105198813052726"), None);
        let c = completed(
            Complainant {
                id_number: Some("110105198806052726".into()),
                ..Complainant::default()
            },
            Lang::Zh,
        );
        assert_eq!(c.sex.as_deref(), Some("女"));
        assert_eq!(c.birth_date.as_deref(), Some("1988年6月5日"));
        // What the victim wrote stays, in the one date style.
        let c = completed(
            Complainant {
                sex: Some("男".into()),
                birth_date: Some("1985-03-17".into()),
                id_number: Some("110105198806052726".into()),
                ..Complainant::default()
            },
            Lang::Zh,
        );
        assert_eq!(c.sex.as_deref(), Some("男"));
        assert_eq!(c.birth_date.as_deref(), Some("1985年3月17日"));
    }

    #[test]
    fn an_empty_or_incomplete_profile_is_named_in_a_warning() {
        let w = missing_warning(&Complainant::default(), Lang::Zh).unwrap_or_default();
        assert!(w.contains("姓名、身份证号、住址、联系电话"), "{w}");
        let full = Complainant {
            name: "王䶮".into(),
            id_number: Some("11010519880605271X".into()),
            address: Some("北京".into()),
            phones: vec!["13912345678".into()],
            ..Complainant::default()
        };
        assert_eq!(missing_warning(&full, Lang::Zh), None);
    }
}
