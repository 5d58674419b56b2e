//! Width-aware text for terminals: CJK characters take two columns, so truncation and padding
//! count display columns, not bytes or characters.

use unicode_width::UnicodeWidthChar;

use crate::text::shown_line;
use unicode_width::UnicodeWidthStr;

/// Display columns of `s`.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` on one line, cleaned for showing ([`shown_line`]), cut to at most `cols` columns with
/// `..` when cut.
pub fn fit(s: &str, cols: usize) -> String {
    let one_line = shown_line(s).into_owned();
    if width(&one_line) <= cols {
        return one_line;
    }
    let budget = cols.saturating_sub(2);
    let mut out = String::new();
    let mut used = 0;
    for c in one_line.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > budget {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push_str(&"..".chars().take(cols.min(2)).collect::<String>());
    out
}

/// `s` cut to `cols` columns and padded with spaces to exactly `cols`.
pub fn pad(s: &str, cols: usize) -> String {
    let f = fit(s, cols);
    let w = width(&f);
    format!("{f}{}", " ".repeat(cols.saturating_sub(w)))
}

/// The line an email's summary gets when its Date is doubtful, in Chinese and English.
pub const CLAIMED_DATE: [&str; 2] = ["邮件声称的日期：", "Claimed date: "];

/// An entry's summary as shown in `lang`. An email's summary was written at import in the
/// language of that moment ("主题：…" / "Subject: …", and "邮件声称的日期：…" / "Claimed
/// date: …"); those lines are composed again from the email's own fields in the language
/// shown now, for old entries as for new. The record itself is never rewritten.
pub fn summary_shown(f: &crate::case::EvidenceFields, lang: crate::i18n::Lang) -> std::borrow::Cow<'_, str> {
    use crate::i18n::Lang;
    use std::borrow::Cow;
    let Some(mail) = f.email.as_deref() else {
        return Cow::Borrowed(&f.summary);
    };
    let subject_lines = [mail.summary_line(Lang::Zh), mail.summary_line(Lang::En)];
    let mut changed = false;
    let lines: Vec<String> = f
        .summary
        .split('\n')
        .map(|line| {
            if subject_lines.iter().any(|s| s == line) {
                changed = true;
                return mail.summary_line(lang);
            }
            for prefix in CLAIMED_DATE {
                if let Some(raw) = line.strip_prefix(prefix) {
                    changed = true;
                    return format!("{}{raw}", lang.pick(CLAIMED_DATE[0], CLAIMED_DATE[1]));
                }
            }
            line.to_string()
        })
        .collect();
    if changed {
        Cow::Owned(lines.join("\n"))
    } else {
        Cow::Borrowed(&f.summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_columns_not_chars() {
        assert_eq!(width("银行客服ab"), 10);
        assert_eq!(fit("自称银行客服说我的卡被冻结", 10), "自称银行..");
        assert_eq!(pad("电话", 6), "电话  ");
        assert_eq!(width(&pad("自称银行客服说我的卡被冻结", 9)), 9);
    }

    #[test]
    fn an_emails_summary_reads_in_the_language_shown_now() {
        use crate::case::{EvidenceFields, EvidenceKind, Moment};
        use crate::evidence::email::EmailFacts;
        use crate::i18n::Lang;
        let facts = EmailFacts {
            subject: "冬季促销".into(),
            ..Default::default()
        };
        let at: Moment = "2026-11-29T09:12:30+08:00".parse().expect("moment");
        let mut f = EvidenceFields {
            kind: EvidenceKind::Email,
            occurred_at: at,
            counterpart: "a@b.example".into(),
            to_mine: String::new(),
            summary: "我的备注\n主题：冬季促销\n邮件声称的日期：Mon, 99 Foo".into(),
            knew: Default::default(),
            lost: None,
            transfer: None,
            email: Some(Box::new(facts)),
            phone: None,
            kept_at: String::new(),
        };
        assert_eq!(
            summary_shown(&f, Lang::En),
            "我的备注\nSubject: 冬季促销\nClaimed date: Mon, 99 Foo"
        );
        assert_eq!(summary_shown(&f, Lang::Zh), f.summary.as_str());
        f.summary = "Subject: 冬季促销".into();
        assert_eq!(summary_shown(&f, Lang::Zh), "主题：冬季促销");
        // A line that only looks like a subject (another subject) stays as written.
        f.summary = "主题：别的".into();
        assert_eq!(summary_shown(&f, Lang::En), "主题：别的");
        // Not an email: never touched.
        f.email = None;
        f.summary = "Subject: 冬季促销".into();
        assert_eq!(summary_shown(&f, Lang::Zh), "Subject: 冬季促销");
    }
}
