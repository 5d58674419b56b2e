//! The letters: what the dashboard says about letters sent, and (from step 2) the screen that
//! lists the letters leakaid can write for this case, recommended ones first.

use jiff::civil::Date;

use crate::case::CaseState;
use crate::case::steps::Report;
use crate::i18n::Lang;
use crate::tui::app::App;
use crate::tui::strings::fill;

/// The letters screen's own text, in both languages (a string missing in one fails to compile).
#[derive(Debug)]
pub struct LetterStrings {
    /// Dashboard, step 2 row: `{}` letters sent.
    pub sent: &'static str,
    /// Dashboard, step 2 row: `{}` letters sent, the next follow-up `{}` on `{}`.
    pub sent_next: &'static str,
}

/// Chinese.
pub const ZH: LetterStrings = LetterStrings {
    sent: "；寄出信 {} 封",
    sent_next: "；寄出信 {} 封，{} 在 {} 跟进",
};

/// English.
pub const EN: LetterStrings = LetterStrings {
    sent: "; {} letters sent",
    sent_next: "; {} letters sent, follow up {} on {}",
};

/// The letters screen's text in `lang`.
pub fn strings(lang: Lang) -> &'static LetterStrings {
    lang.pick(&ZH, &EN)
}

/// The letter reports still waiting for an answer whose follow-up day is today or later, the
/// soonest first.
fn upcoming(state: &CaseState, today: Date) -> Vec<(&Report, Date)> {
    let mut v: Vec<(&Report, Date)> = state
        .reports
        .iter()
        .filter(|r| r.current.letter.is_some() && r.current.status.is_open())
        .filter_map(|r| r.current.follow_up.parse::<Date>().ok().map(|d| (r, d)))
        .filter(|(_, d)| *d >= today)
        .collect();
    v.sort_by_key(|(_, d)| *d);
    v
}

/// What the dashboard's step-2 row adds about letters: how many were sent and the next
/// follow-up (an overdue one is already named as overdue); empty when none was sent.
pub fn sent_progress(app: &App, state: &CaseState) -> String {
    let ls = strings(app.lang);
    let sent = state
        .reports
        .iter()
        .filter(|r| r.current.letter.is_some())
        .count();
    if sent == 0 {
        return String::new();
    }
    match upcoming(state, (app.clock)().date()).first() {
        Some((r, d)) => fill(ls.sent_next, &[&sent, &r.id, &d.strftime("%m-%d")]),
        None => fill(ls.sent, &[&sent]),
    }
}
