//! The letters: what the dashboard says about letters sent, and (from step 2) the screen that
//! lists the letters leakaid can write for this case, recommended ones first; one opened shows
//! whom it goes to, what it carries of the victim's details, and when to follow up.

use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;

use crate::case::CaseState;
use crate::case::sent::follow_up_rule;
use crate::case::steps::Report;
use crate::i18n::Lang;
use crate::letters::LetterName;
use crate::letters::content::LetterContent;
use crate::letters::{LetterKind, LetterRequest};
use crate::pdf::visible::short_path;
use crate::tui::app::App;
use crate::tui::letters::{Choice, Fit};
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::put;

/// The letters screen's own text, in both languages (a string missing in one fails to compile).
#[derive(Debug)]
pub struct LetterStrings {
    /// Dashboard, step 2 row, after the letters sent: the next follow-up `{}` on `{}`.
    pub sent_next: &'static str,
    /// The screen's title.
    pub title: &'static str,
    /// Under the title.
    pub intro: &'static str,
    /// Marks a recommended letter (ASCII or full-width only: see STYLE.md).
    pub mark: &'static str,
    /// Why: `{}` harassing numbers or senders logged (12321).
    pub why_harassers: &'static str,
    /// Why: calls or SMS logged (carrier).
    pub why_calls: &'static str,
    /// Why: `{}` (a bank or platform) called (company).
    pub why_impersonated: &'static str,
    /// Why: they knew my details (regulator).
    pub why_knew: &'static str,
    /// Why: accounts opened in my name (credit).
    pub why_accounts: &'static str,
    /// Why: a shop is suspected (12315).
    pub why_company: &'static str,
    /// What each letter is for, in `LetterKind::ALL` order (shown for the others).
    pub purpose: [&'static str; 6],
    /// "To:" before the recipient.
    pub to: &'static str,
    /// The recipient of a letter that names it when saved.
    pub to_asked: &'static str,
    /// What to do on an opened letter.
    pub open_hint: &'static str,
    /// Status: saved, `{}` is the short path.
    pub saved: &'static str,
    /// The PDF's place: `{}`.
    pub saved_pdf: &'static str,
    /// The text's place: `{}`.
    pub saved_text: &'static str,
    /// The copy for the user: `{}`.
    pub saved_copy: &'static str,
    /// No copy for the user: `{}` is why.
    pub not_copied: &'static str,
    /// The PDF's SHA-256: `{}`.
    pub sha: &'static str,
    /// `r` before the letter is saved.
    pub save_first: &'static str,
    /// A letter of this kind recorded as sent: `{}` id, `{}` date sent.
    pub sent_before: &'static str,
    /// No source gives a reply period for where the letter goes.
    pub no_period: &'static str,
    /// The company letter may carry the ID number when the user chooses it on saving.
    pub with_id: &'static str,
}

/// Chinese.
pub const ZH: LetterStrings = LetterStrings {
    sent_next: "，{} {} 跟进",
    title: "写信给其他部门",
    intro: "按你的记录推荐的排在前面（标 * 的）。Enter 打开一封，先看信里写了什么，再保存。",
    mark: "*",
    why_harassers: "你记下了 {} 个骚扰号码或发件人，可以向12321举报",
    why_calls: "有骚扰电话或短信：请运营商核查、拦截",
    why_impersonated: "{}联系过你：可以要求这家机构说明是否处理、泄露了你的信息，并删除（号码也可能是被冒用的）",
    why_knew: "对方知道你的个人信息：可以向网信部门投诉",
    why_accounts: "有以你名义开立的账户：对征信报告里不是你办的记录提出异议",
    why_company: "怀疑是某个商家泄露的：可以向12315投诉",
    purpose: [
        "要求公司说明是否处理、泄露了你的信息，并删除",
        "向12321举报骚扰电话、垃圾短信和邮件",
        "向12315投诉泄露信息的商家",
        "对征信报告里不是你办的记录提出异议",
        "请运营商核查以你名义办的号码、拦截骚扰",
        "向网信部门（12377）投诉个人信息泄露",
    ],
    to: "寄给",
    to_asked: "（保存时填写公司或商家的名称）",
    open_hint: "按 s 保存 PDF 和纯文本（网页表单可直接粘贴纯文本）；寄出或提交后按 r 记下，程序会提醒你按期跟进。",
    saved: "信已保存：{}",
    saved_pdf: "PDF：{}",
    saved_text: "纯文本：{}",
    saved_copy: "桌面上的副本：{}",
    not_copied: "没有放副本到桌面：{}",
    sha: "SHA-256：{}",
    save_first: "请先按 s 保存这封信；寄出或提交后再按 r 记下。",
    sent_before: "已记为发出：{}（{}）",
    no_period: "没有找到规定答复期限的依据，记为已发出时不会定跟进日期；可以在第2步选中这条记录按 u 自己定一个。",
    with_id: "如果对方要求用身份证号核对身份，保存时可以选择附上。",
};

/// English.
pub const EN: LetterStrings = LetterStrings {
    sent_next: ", follow up {} on {}",
    title: "Letters to the other offices",
    intro: "The ones your records call for come first (marked *). Enter opens one: see what it says before saving it.",
    mark: "*",
    why_harassers: "You logged {} harassing numbers or senders: report them to 12321",
    why_calls: "Harassing calls or SMS: ask the carrier to check and block them",
    why_impersonated: "{} contacted you: ask that institution whether it handled or leaked your data, and to delete it (the number may also have been spoofed)",
    why_knew: "They knew your personal details: complain to the internet regulator",
    why_accounts: "Accounts were opened in your name: object to the credit-report entries you did not make",
    why_company: "A shop is suspected of the leak: complain to 12315",
    purpose: [
        "Ask a company whether it handled or leaked your data, and to delete it",
        "Report harassing calls, spam SMS and email to 12321",
        "Complain to 12315 about the merchant that leaked your data",
        "Object to credit-report entries you did not make",
        "Ask the carrier to check numbers in your name and block harassment",
        "Complain to the internet regulator (12377) about the leak",
    ],
    to: "To",
    to_asked: "(you name the company or merchant when saving)",
    open_hint: "Press s to save the PDF and the plain text (paste the text into a web form); after sending, press r to record it and be reminded to follow up.",
    saved: "Letter saved: {}",
    saved_pdf: "PDF: {}",
    saved_text: "Plain text: {}",
    saved_copy: "Copy on the Desktop: {}",
    not_copied: "No copy on the Desktop: {}",
    sha: "SHA-256: {}",
    save_first: "Save this letter with s first; after sending it, press r to record it.",
    sent_before: "Recorded as sent: {} ({})",
    no_period: "No source gives a reply period for this, so no follow-up date is set when it is recorded as sent; choose the record on step 2 and press u to set one.",
    with_id: "If the company asks for your ID number to confirm who you are, you can add it when saving.",
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
        .filter(|r| r.current.is_letter() && r.current.status.is_open())
        .filter_map(|r| r.current.follow_up.parse::<Date>().ok().map(|d| (r, d)))
        .filter(|(_, d)| *d >= today)
        .collect();
    v.sort_by_key(|(_, d)| *d);
    v
}

/// What the dashboard's step-2 row adds after the letters sent (counted by
/// `case::signals::report_count`): the next follow-up (an overdue one is already named as
/// overdue); empty when none is coming.
pub fn sent_progress(app: &App, state: &CaseState) -> String {
    match upcoming(state, (app.clock)().date()).first() {
        Some((r, d)) => fill(strings(app.lang).sent_next, &[&r.id, &d.strftime("%m-%d")]),
        None => String::new(),
    }
}

/// The line that says why a letter fits the case, or what it is for.
pub fn why_line(c: &Choice, lang: Lang) -> String {
    let ls = strings(lang);
    match &c.fit {
        Some(Fit::Harassers(n)) => fill(ls.why_harassers, &[n]),
        Some(Fit::CallsOrSms) => ls.why_calls.to_string(),
        Some(Fit::Impersonated(label)) => fill(ls.why_impersonated, &[&label.head(lang)]),
        Some(Fit::TheyKnew) => ls.why_knew.to_string(),
        Some(Fit::AccountsInMyName) => ls.why_accounts.to_string(),
        Some(Fit::CompanySuspected) => ls.why_company.to_string(),
        None => {
            let i = LetterKind::ALL.iter().position(|k| *k == c.kind).unwrap_or(0);
            ls.purpose.get(i).copied().unwrap_or_default().to_string()
        }
    }
}

/// Draws the letters screen: the list, or the letter opened.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, theme: &Theme) {
    let inner = area.inner(Margin::new(1, 0));
    match app.letters.open {
        None => draw_list(frame, inner, app, state, theme),
        Some(kind) => draw_letter(frame, inner, app, state, kind, theme),
    }
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, theme: &Theme) {
    let ls = strings(app.lang);
    let outlook = app.outlook.of(state);
    let rows = outlook.letters(state);
    let sel = app.letters.sel.min(rows.len().saturating_sub(1));
    let w = usize::from(area.width);
    let buf = frame.buffer_mut();
    let mut y = area.y;
    put(buf, area.x, y, ls.title, w, theme.heading);
    y += 1;
    for (i, c) in rows.iter().enumerate() {
        if y >= area.bottom() {
            break;
        }
        let mark = if c.fit.is_some() { ls.mark } else { " " };
        let row = format!("{mark} {}  {}", c.kind.name(app.lang), why_line(c, app.lang));
        let style = if i == sel { theme.selected } else { theme.text };
        if i == sel {
            buf.set_style(Rect::new(area.x, y, area.width, 1), style);
        }
        put(buf, area.x, y, &row, w, style);
        y += 1;
    }
    // The chosen letter's reason in full (a narrow window cuts the rows), then the intro.
    let mut lines = Vec::new();
    if let Some(c) = rows.get(sel) {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("{}: {}", c.kind.name(app.lang), why_line(c, app.lang)),
            theme.heading,
        ));
    }
    lines.push(Line::styled(ls.intro, theme.dim));
    let rest = Rect::new(area.x, y, area.width, area.bottom().saturating_sub(y));
    super::draw_text(frame, rest, app, lines, theme);
}

fn draw_letter(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, kind: LetterKind, theme: &Theme) {
    let ls = strings(app.lang);
    let lang = app.lang;
    let today = (app.clock)().date();
    let mut lines = vec![Line::styled(kind.name(lang).to_string(), theme.heading)];
    let saved = app.letters.saved.as_ref().filter(|s| s.kind == kind);
    // What the letter would carry: made from the case as it stands (no file is written here).
    // The letter is in Chinese for the office it goes to; what it carries is said in `lang`.
    let mut req = LetterRequest::new(kind, today, Lang::Zh);
    if kind.needs_to() {
        req.to = Some(
            saved
                .map(|s| s.recipient.clone())
                .unwrap_or_else(|| ls.to_asked.to_string()),
        );
    }
    match &*app.outlook.of(state).letter(state, &req) {
        Ok(letter) => {
            let to = match (kind.needs_to(), saved) {
                (true, None) => ls.to_asked.to_string(),
                _ => letter.recipient.clone(),
            };
            lines.push(Line::raw(format!("{}: {to}", ls.to)));
            // The command line's hint names its option; the wizard asks in the save form.
            let said = letter.privacy_sentence_in(lang);
            let hint = &LetterContent::get(lang).with_id_hint;
            lines.push(Line::raw(match said.strip_suffix(hint.as_str()) {
                Some(rest) if !hint.is_empty() => format!("{rest}{}", ls.with_id),
                _ => said,
            }));
        }
        Err(e) => lines.push(Line::styled(e.screen_message(lang), theme.error)),
    }
    lines.push(Line::raw(
        follow_up_rule(kind.code(), lang).unwrap_or_else(|| ls.no_period.to_string()),
    ));
    for r in state
        .reports
        .iter()
        .filter(|r| r.current.letter.as_ref().is_some_and(|l| l.kind == kind.code()))
    {
        lines.push(Line::styled(
            fill(ls.sent_before, &[&r.id, &r.current.filed_at.short()]),
            theme.ok,
        ));
    }
    if let Some(s) = saved {
        lines.push(Line::raw(""));
        lines.push(Line::styled(fill(ls.saved_pdf, &[&short_path(&s.pdf)]), theme.ok));
        lines.push(Line::raw(fill(ls.saved_text, &[&short_path(&s.text)])));
        match &s.copy {
            Ok(copy) => lines.push(Line::styled(
                fill(ls.saved_copy, &[&short_path(copy)]),
                theme.heading,
            )),
            Err(why) => lines.push(Line::raw(fill(ls.not_copied, &[why]))),
        }
        lines.push(Line::raw(fill(ls.sha, &[&s.sha256])));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(ls.open_hint, theme.dim));
    super::draw_text(frame, area, app, lines, theme);
}
