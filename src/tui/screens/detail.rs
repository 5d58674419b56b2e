//! One entry with its full history: the facts as they stand, every correction, added file
//! and retraction with its time and reason, and the facts as first logged.

use crossterm::event::KeyCode as C;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::case::CaseError;
use crate::case::state::ChangeKind;
use crate::case::{CaseState, EntryId, EvidenceFields};
use crate::display::summary_shown;
use crate::evidence::number::classify;
use crate::localtime::{long, short};
use crate::tui::form::Form;
use crate::tui::keys::{Action as A, Binding, K, SCROLL_DOWN, SCROLL_UP, b};
use crate::tui::model::App;
use crate::tui::screens::{Cmd, Ctx};
use crate::tui::strings::fill;
use crate::tui::theme::Theme;

/// One entry's detail.
pub const KEYS: &[Binding] = &[
    b(
        A::Up,
        &[K::Code(C::Up), K::Ch('k')],
        "Up/Dn",
        |s| s.k_scroll,
        false,
    ),
    b(
        A::Down,
        &[K::Code(C::Down), K::Ch('j')],
        "",
        |s| s.k_scroll,
        false,
    ),
    b(A::Correct, &[K::Ch('e')], "e", |s| s.k_correct, true),
    b(A::Retract, &[K::Ch('d')], "d", |s| s.k_retract, true),
    b(A::Attach, &[K::Ch('i')], "i", |s| s.k_attach, true),
    b(A::Back, &[K::Code(C::Esc), K::Ch('h')], "Esc", |s| s.k_back, true),
];

/// A retracted entry's detail: e, d and i are not offered; pressed, they say why.
pub const KEYS_RETRACTED: &[Binding] = &[
    SCROLL_UP,
    SCROLL_DOWN,
    b(
        A::Correct,
        &[K::Ch('e'), K::Ch('d'), K::Ch('i')],
        "",
        |s| s.k_correct,
        false,
    ),
    b(A::Back, &[K::Code(C::Esc), K::Ch('h')], "Esc", |s| s.k_back, true),
];

/// The keys of the detail of an entry, retracted or not.
pub fn keys(retracted: bool) -> &'static [Binding] {
    if retracted { KEYS_RETRACTED } else { KEYS }
}

/// The detail's keys for entry `id` (`retracted`: it was retracted, so e / d / i say why
/// not); `None` for a key it leaves to the wizard.
pub fn key(id: EntryId, retracted: bool, a: A, cx: &Ctx) -> Option<Vec<Cmd>> {
    let live = || cx.state.entry(id).filter(|e| e.retracted.is_none());
    Some(match a {
        A::Correct if retracted => vec![Cmd::Say(
            crate::tui::case_errors::case_error(&CaseError::Retracted(id), cx.lang),
            true,
        )],
        A::Correct => live()
            .map(|e| vec![Cmd::Open(Form::correct(id, &e.current, cx.now.clone()))])
            .unwrap_or_default(),
        A::Retract if live().is_some() => vec![Cmd::Open(Form::retract(id))],
        A::Attach if live().is_some() => vec![Cmd::Open(Form::attach(id))],
        A::Back => vec![Cmd::Return],
        A::Up => vec![Cmd::Scroll(cx.scroll.saturating_sub(1))],
        A::Down => vec![Cmd::Scroll(cx.scroll.saturating_add(1))],
        _ => return None,
    })
}

fn facts<'a>(f: &EvidenceFields, app: &App, theme: &Theme, n: usize) -> Vec<Line<'a>> {
    let (s, lang) = (app.s, app.lang);
    let or_none = |v: &str| {
        if v.is_empty() {
            s.none.to_string()
        } else {
            v.to_string()
        }
    };
    let knew: Vec<&str> = f.knew.iter().map(|k| lang.pick(k.zh(), k.en())).collect();
    let mut rows = vec![
        (s.f_kind, lang.pick(f.kind.zh(), f.kind.en()).to_string()),
        (s.f_at, long(&f.occurred_at, &app.zone())),
        (
            s.f_counterpart,
            if f.counterpart.is_empty() {
                s.none.to_string()
            } else {
                format!("{}  ({})", f.counterpart, fill(s.times, &[&n]))
            },
        ),
        (s.f_to_mine, or_none(&f.to_mine)),
        (s.f_knew, or_none(&knew.join(lang.pick("、", ", ")))),
        (
            s.f_lost,
            f.lost
                .map_or_else(|| s.none.to_string(), |l| format!("{l} {}", s.yuan)),
        ),
    ];
    if let Some(label) = classify(&f.counterpart) {
        rows.insert(3, (s.f_number, label.text(lang).to_string()));
    }
    rows.push((s.f_summary, or_none(&summary_shown(f, lang))));
    let mut lines: Vec<Line<'a>> = rows
        .into_iter()
        .map(|(label, value)| {
            Line::from(vec![
                Span::styled(format!("{label}: "), theme.heading),
                Span::raw(value),
            ])
        })
        .collect();
    if let Some(m) = &f.email {
        lines.push(Line::styled(format!("{}:", s.f_email), theme.heading));
        for (label, value) in m.describe(lang) {
            lines.push(if label.is_empty() {
                Line::raw(format!("    {value}"))
            } else {
                Line::from(vec![
                    Span::styled(format!("  {label}: "), theme.heading),
                    Span::raw(value),
                ])
            });
        }
    }
    lines
}

/// Draws the entry's detail.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, id: EntryId, theme: &Theme) {
    let s = app.s;
    let Some(e) = state.entry(id) else {
        frame.render_widget(Paragraph::new(s.none), area);
        return;
    };
    let mut title = fill(s.detail_title, &[&id]);
    if e.retracted.is_some() {
        title = format!("{title} {}", s.retracted_mark);
    } else if e.is_corrected() {
        title = format!("{title} {}", s.corrected_mark);
    }
    let mut lines = vec![Line::styled(title, theme.heading)];
    let tz = app.zone();
    let n = state.same_counterpart_count(e);
    lines.extend(facts(&e.current, app, theme, n));
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", s.f_recorded), theme.heading),
        Span::raw(long(&e.recorded_at, &tz)),
    ]));
    if !e.attachments.is_empty() {
        lines.push(Line::styled(format!("{}:", s.f_attachments), theme.heading));
        for a in &e.attachments {
            let short = a.sha256.get(..16).unwrap_or(&a.sha256);
            lines.push(Line::raw(format!(
                "  {}  {} B  sha256 {short}",
                a.original_name, a.size
            )));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.history, theme.heading));
    if e.history.is_empty() {
        lines.push(Line::styled(s.history_none, theme.dim));
    }
    for c in &e.history {
        let what = match &c.kind {
            ChangeKind::Corrected { changes, reason } => {
                let mut parts = Vec::new();
                if changes.kind.is_some() {
                    parts.push(s.f_kind);
                }
                if changes.occurred_at.is_some() {
                    parts.push(s.f_at);
                }
                if changes.counterpart.is_some() {
                    parts.push(s.f_counterpart);
                }
                if changes.to_mine.is_some() {
                    parts.push(s.f_to_mine);
                }
                if changes.summary.is_some() {
                    parts.push(s.f_summary);
                }
                if changes.knew.is_some() {
                    parts.push(s.f_knew);
                }
                if changes.lost.is_some() {
                    parts.push(s.f_lost);
                }
                let mut t = fill(s.h_corrected, &[&parts.join(", ")]);
                if !reason.is_empty() {
                    t = format!("{t} ({}: {reason})", s.f_reason);
                }
                t
            }
            ChangeKind::AttachmentAdded { attachment } => fill(s.h_attached, &[&attachment.original_name]),
            ChangeKind::Retracted { reason } => fill(s.h_retracted, &[reason]),
        };
        lines.push(Line::raw(format!("{}  {what}", short(&c.recorded_at, &tz))));
    }
    if e.is_corrected() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(s.original, theme.heading));
        let n0 = state.counterpart_count(&e.original().counterpart);
        lines.extend(facts(e.original(), app, theme, n0));
    }
    let inner = area.inner(ratatui::layout::Margin::new(1, 0));
    super::draw_text(frame, inner, app, lines, theme);
}
