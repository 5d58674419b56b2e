//! 已采取的措施: every report and letter the victim already made, in the letter, so the officer's
//! first questions (已报110了吗？接警单号？) are answered on paper; and what an earlier report
//! that was not accepted changes in the requests.

use jiff::tz::TimeZone;

use super::packet::PacketReport;
use super::words::datetime_text;
use super::writer::{BODY, Writer};
use crate::case::CaseState;
use crate::case::steps::ReportStatus;
use crate::guide::letter::LetterText;
use crate::i18n::Lang;
use crate::localtime::in_zone;
use crate::template::fill;
use crate::text::shown_line;

/// The reports and letters of `state`, in the order they were made, as the packet shows them.
pub fn reports_of(state: &CaseState, lang: Lang, zone: &TimeZone) -> Vec<PacketReport> {
    let one = |s: &str| shown_line(s).trim().to_string();
    let mut v: Vec<PacketReport> = state
        .reports
        .iter()
        .map(|r| {
            let c = &r.current;
            PacketReport {
                id: r.id.to_string(),
                at: in_zone(&c.filed_at, zone).datetime(),
                channel: one(&c.channel),
                how: one(&c.how),
                letter: c
                    .letter
                    .as_ref()
                    .map(|l| crate::letters::sent_letter_name(l, lang).to_string()),
                status: c.status_words(lang).to_string(),
                receipt: one(&c.receipt),
                officer: one(&c.officer),
                notice_date: one(&c.notice_date),
                note: one(&c.note),
                not_accepted: c.letter.is_none() && c.status == ReportStatus::NotAccepted,
            }
        })
        .collect();
    v.sort_by_key(|r| r.at);
    v
}

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
    super::complaint::sub(w, &LetterText::get(lang).headings.measures);
    for (i, r) in reports.iter().enumerate() {
        w.labelled(&format!("{}. ", i + 1), &sentence(r, lang));
    }
    w.gap(BODY * 0.2);
}
