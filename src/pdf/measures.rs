//! 已采取的措施: every report and letter the victim already made, in the letter, so the officer's
//! first questions (已报110了吗？接警单号？) are answered on paper; and what an earlier report
//! that was not accepted changes in the requests.

use super::model::PacketReport;
use super::words::datetime_text;
use super::writer::{BODY, Writer};
use crate::guide::letter::LetterText;
use crate::i18n::Lang;
use crate::template::fill;

/// One sentence for a report or letter.
pub fn sentence(r: &PacketReport, lang: Lang) -> String {
    let t = &LetterText::get(lang).measures;
    let mut details = String::new();
    for (template, key, value) in [
        (&t.receipt, "receipt", &r.receipt),
        (&t.officer, "officer", &r.officer),
        (&t.notice, "date", &r.notice_date),
        (&t.said, "note", &r.note),
    ] {
        if !value.is_empty() {
            details.push_str(&fill(template, &[(key, value)]));
        }
    }
    let how = if r.how.is_empty() {
        String::new()
    } else {
        fill(&t.how, &[("how", &r.how)])
    };
    let time = datetime_text(r.at, lang);
    match &r.letter {
        Some(letter) => fill(
            &t.letter,
            &[
                ("time", &time),
                ("channel", &r.channel),
                ("letter", letter),
                ("status", &r.status),
                ("details", &details),
            ],
        ),
        None => fill(
            &t.report,
            &[
                ("time", &time),
                ("channel", &r.channel),
                ("how", &how),
                ("status", &r.status),
                ("details", &details),
            ],
        ),
    }
}

/// Draws the section when anything was reported or sent.
pub fn draw(w: &mut Writer<'_>, reports: &[PacketReport], lang: Lang) {
    if reports.is_empty() {
        return;
    }
    super::style::sub(w, &LetterText::get(lang).headings.measures);
    for (i, r) in reports.iter().enumerate() {
        w.labelled(&format!("{}. ", i + 1), &sentence(r, lang));
    }
    w.gap(BODY * 0.2);
}
