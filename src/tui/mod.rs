//! The wizard: a terminal UI that leads the victim through the four steps.
//!
//! Shaped like gitui: [`model::App`] is the state, [`app`] its one `update`, driven by
//! [`message::Msg`] and returning [`message::Effect`]s (no terminal, no disk). Each of
//! [`screens`] holds one screen's own state, key list, key handling and drawing; `app` routes
//! a key to the screen in view and carries out the commands it answers with.
//! [`runtime::Wizard`] performs the effects with the case API, [`view`] draws the frame around
//! the screen, [`event`] reads the terminal on one thread, [`keys`] holds the actions and the
//! shared key lists (the same lists feed dispatch, key bar and help) and [`strings`] all the
//! text.

pub mod app;
pub mod case_errors;
pub mod clipboard;
pub mod demo;
pub mod event;
pub mod form;
pub mod guide_text;
pub mod keys;
pub mod letter_strings;
pub mod letters;
pub mod message;
pub mod model;
pub mod next_step;
pub mod outlook;
pub mod runtime;
pub mod screens;
pub mod startup;
pub mod strings;
pub mod theme;
pub mod view;
pub mod widgets;

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::Duration;

use anyhow::Context;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::i18n::Lang;
use message::Msg;
use model::App;
use startup::{Incoming, Session, Setup};
use theme::Theme;

/// How the wizard is started.
#[derive(Debug, Clone)]
pub struct TuiOptions {
    /// The case folder (created if missing). Ignored with `demo`.
    pub case_dir: PathBuf,
    /// The UI language.
    pub lang: Lang,
    /// Open a sample case in a temporary folder instead.
    pub demo: bool,
    /// The data folder, where switching the language is remembered (none: not remembered).
    pub settings: Option<PathBuf>,
}

/// How often the journal is checked for lines other processes appended.
const POLL: Duration = Duration::from_millis(250);

/// Puts the terminal back: bracketed paste off, main screen, cooked mode, cursor shown.
fn restore() {
    let mut out = io::stdout();
    // One at a time: a console without bracketed paste (Windows' legacy console API) refuses
    // that one, and the screen must still come back.
    let _ = execute!(out, DisableBracketedPaste);
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Removes the demo folder when the wizard ends, however it ends.
struct DemoDir(Option<PathBuf>);

impl Drop for DemoDir {
    fn drop(&mut self) {
        if let Some(d) = self.0.take() {
            let _ = std::fs::remove_dir_all(d);
        }
    }
}

/// Opens the wizard and runs it until the user quits. The terminal is restored on every
/// way out, a panic included. The first frame is drawn at once; the case is read on a loader
/// thread meanwhile (see [`startup`]).
pub fn run(opts: TuiOptions) -> anyhow::Result<()> {
    let lang = opts.lang;
    let (dir, demo_dir) = if opts.demo {
        demo::sweep_stale();
        let d = demo::temp_case_dir();
        (d.clone(), DemoDir(Some(d)))
    } else {
        (opts.case_dir.clone(), DemoDir(None))
    };
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (tx, rx) = channel::<Incoming>();
    startup::spawn_loader(dir, opts.demo, lang, tx.clone());
    let setup = Setup {
        settings: opts.settings.clone(),
        osc52: true,
    };
    let mut session = Session::loading(App::new(lang, name, opts.demo), setup);

    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    enable_raw_mode().context(lang.pick("无法设置终端", "cannot set up the terminal"))?;
    let result = (|| -> anyhow::Result<()> {
        execute!(io::stdout(), EnterAlternateScreen)?;
        // Windows' legacy console API has no bracketed paste: a paste then arrives as keys.
        let _ = execute!(io::stdout(), EnableBracketedPaste);
        let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        let size = terminal.size()?;
        session
            .handle(Incoming::Ui(Msg::Resize(size.width, size.height)))
            .map_err(anyhow::Error::msg)?;
        let theme = Theme::from_env();
        event::spawn_reader(tx);
        loop {
            terminal.draw(|f| view::draw(f, session.app(), session.state(), &theme))?;
            if session.app().quit {
                return Ok(());
            }
            match rx.recv_timeout(POLL) {
                Ok(msg) => {
                    session.handle(msg).map_err(anyhow::Error::msg)?;
                    // Take everything already waiting (a paste typed as keys) before drawing.
                    while let Ok(more) = rx.try_recv() {
                        session.handle(more).map_err(anyhow::Error::msg)?;
                        if session.app().quit {
                            break;
                        }
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
            session.poll();
        }
    })();
    restore();
    drop(demo_dir);
    result
}

#[cfg(test)]
mod tests;
