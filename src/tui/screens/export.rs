//! The export screen: the packet's options, progress while the worker renders, then where
//! the file is and any warning about characters the font cannot draw.

use std::path::PathBuf;

use crossterm::event::KeyCode as C;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};

use crate::case::CaseState;
use crate::i18n::Lang;
use crate::pdf::export::Exported;
use crate::pdf::visible::short_path;
use crate::tui::form::{ExportChoice, Form};
use crate::tui::keys::{Action as A, BACK, Binding, K, NARRATIVE, SCROLL_DOWN, SCROLL_UP, b};
use crate::tui::message::Effect;
use crate::tui::model::App;
use crate::tui::screens::{Cmd, Ctx};
use crate::tui::strings::fill;
use crate::tui::theme::Theme;

/// The export screen.
pub const KEYS: &[Binding] = &[
    b(A::Open, &[K::Code(C::Enter)], "Enter", |s| s.k_generate, true),
    b(A::OpenPacket, &[K::Ch('o')], "o", |s| s.k_open_packet, true),
    b(A::MakeBundle, &[K::Ch('b')], "b", |s| s.k_bundle, true),
    NARRATIVE,
    SCROLL_UP,
    SCROLL_DOWN,
    BACK,
];

/// Where the export stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportStatus {
    /// Nothing made yet in this session.
    Idle,
    /// The worker thread is rendering.
    Running,
    /// The packet was written.
    Done(Exported),
    /// It failed; the sentence to show.
    Failed(String),
}

/// Where the evidence folder stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleStatus {
    /// Nothing made yet in this session.
    Idle,
    /// The worker thread is making it.
    Running,
    /// The folder was made.
    Done(crate::bundle::BundleDone),
    /// It failed; the sentence to show.
    Failed(String),
}

/// The export screen's own state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportView {
    /// The options used last (the form opens with them).
    pub choice: ExportChoice,
    /// Where the export stands.
    pub status: ExportStatus,
    /// The copy made for the user (Desktop or Downloads), or why there is none.
    pub copy: Option<Result<PathBuf, String>>,
    /// Where the evidence folder stands.
    pub bundle: BundleStatus,
}

impl Default for ExportView {
    fn default() -> ExportView {
        ExportView {
            choice: ExportChoice {
                agency: String::new(),
                redact: false,
                mask_name: false,
                // The packet is for a Chinese police station whatever language the
                // wizard speaks; English is a translation the user picks.
                lang: Lang::Zh,
            },
            status: ExportStatus::Idle,
            copy: None,
            bundle: BundleStatus::Idle,
        }
    }
}

impl ExportView {
    /// The packet `o` opens: the copy for the user if there is one, else the one made.
    pub fn packet_to_open(&self) -> Option<PathBuf> {
        match (&self.copy, &self.status) {
            (Some(Ok(copy)), _) => Some(copy.clone()),
            (_, ExportStatus::Done(done)) => Some(done.path.clone()),
            _ => None,
        }
    }

    /// Enter opens the options (not while a packet is being made), o opens the packet made,
    /// the arrows scroll; `None` for a key it leaves to the wizard.
    pub fn key(&mut self, a: A, cx: &Ctx) -> Option<Vec<Cmd>> {
        let page = cx.page as u16;
        Some(match a {
            A::Open if self.status != ExportStatus::Running => vec![Cmd::Open(Form::export(&self.choice))],
            // The evidence folder, with the options chosen last (a redacted choice gives a
            // redacted folder); not while one is being made.
            A::MakeBundle if self.bundle != BundleStatus::Running => {
                vec![Cmd::Run(Effect::Bundle(self.choice.clone()))]
            }
            A::MakeBundle => Vec::new(),
            A::OpenPacket => self
                .packet_to_open()
                .map(|path| Cmd::Run(Effect::OpenFile(path)))
                .into_iter()
                .collect(),
            A::PageUp => vec![Cmd::Scroll(cx.scroll.saturating_sub(page))],
            A::PageDown => vec![Cmd::Scroll(cx.scroll.saturating_add(page))],
            A::Up => vec![Cmd::Scroll(cx.scroll.saturating_sub(1))],
            A::Down => vec![Cmd::Scroll(cx.scroll.saturating_add(1))],
            _ => return None,
        })
    }
}

/// Draws the export screen.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, theme: &Theme) {
    let s = app.s;
    let c = &app.export.choice;
    let label = |l: &str| Span::styled(format!("{l}: "), theme.heading);
    let agency = if c.agency.is_empty() {
        s.agency_blank.to_string()
    } else {
        c.agency.clone()
    };
    // Progress and the result first, so they are in view on a small window.
    let mut lines = vec![Line::styled(s.export_title, theme.heading)];
    match &app.export.status {
        ExportStatus::Idle => {}
        ExportStatus::Running => lines.push(Line::styled(s.export_running, theme.heading)),
        ExportStatus::Done(done) => {
            lines.push(Line::styled(
                fill(s.export_done, &[&done.path.display(), &done.pages]),
                theme.ok,
            ));
            match &app.export.copy {
                Some(Ok(copy)) => lines.push(Line::styled(
                    fill(s.export_copied, &[&short_path(copy)]),
                    theme.heading,
                )),
                Some(Err(why)) => lines.push(Line::raw(fill(s.export_not_copied, &[why]))),
                None => {}
            }
            if let Some(w) = &done.warning {
                lines.push(Line::styled(w.clone(), theme.error));
            }
            for n in &done.notes {
                lines.push(Line::raw(n.clone()));
            }
            for p in &done.side_files {
                lines.push(Line::raw(p.display().to_string()));
            }
        }
        ExportStatus::Failed(why) => lines.push(Line::styled(fill(s.export_failed, &[why]), theme.error)),
    }
    match &app.export.bundle {
        BundleStatus::Idle => {}
        BundleStatus::Running => lines.push(Line::styled(s.bundle_running, theme.heading)),
        BundleStatus::Done(done) => {
            lines.push(Line::styled(
                fill(
                    s.bundle_done,
                    &[&short_path(&done.dir), &done.files, &done.fingerprint],
                ),
                theme.ok,
            ));
            for n in &done.notes {
                lines.push(Line::raw(n.clone()));
            }
        }
        BundleStatus::Failed(why) => lines.push(Line::styled(fill(s.bundle_failed, &[why]), theme.error)),
    }
    lines.extend([
        Line::from(vec![label(s.f_agency), Span::raw(agency)]),
        Line::from(vec![
            label(s.f_redact),
            Span::raw(if c.redact { s.yes } else { s.no }),
        ]),
        Line::from(vec![
            label(s.f_mask_name),
            Span::raw(if c.redact && c.mask_name { s.yes } else { s.no }),
        ]),
        Line::from(vec![
            label(s.f_packet_lang),
            Span::raw(c.lang.pick("中文", "English")),
        ]),
    ]);
    lines.push(
        match state.narrative.as_ref().filter(|(t, _)| !t.trim().is_empty()) {
            Some((t, _)) => Line::raw(fill(s.narrative_len, &[&t.chars().count()])),
            None => Line::raw(s.narrative_none),
        },
    );
    lines.push(Line::styled(s.export_hint, theme.dim));
    lines.push(Line::styled(s.bundle_hint, theme.dim));
    lines.push(Line::styled(s.export_intro, theme.dim));
    let inner = area.inner(Margin::new(1, 0));
    super::draw_text(frame, inner, app, lines, theme);
}
