//! Opening the case without a blank wait: the journal is folded on a loader thread while the
//! wizard draws the dashboard's frame with "Reading… 60%". The loader's messages (progress,
//! the loaded case, or why it could not be read) come through the same channel as the keys,
//! into the one loop that updates and draws.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

use crate::case::{Case, CaseState};
use crate::i18n::Lang;
use crate::journal::JOURNAL_FILE;
use crate::journal::progress::with_read_progress;
use crate::tui::demo;
use crate::tui::message::Msg;
use crate::tui::model::App;
use crate::tui::runtime::Wizard;

/// What the wizard's loop receives: a message for the app, or the case the loader read.
#[derive(Debug)]
pub enum Incoming {
    /// A key, a paste, a resize, or the loader's progress.
    Ui(Msg),
    /// The case, read whole; or the sentence saying why it could not be.
    Loaded(Result<Box<Case>, String>),
}

impl From<Msg> for Incoming {
    fn from(m: Msg) -> Incoming {
        Incoming::Ui(m)
    }
}

/// The percent of `total` bytes that `read` is, below 100 until the fold is done.
pub fn percent(read: u64, total: u64) -> u8 {
    if total == 0 {
        return 0;
    }
    (read.min(total).saturating_mul(100) / total).min(99) as u8
}

/// Reads the case at `dir` on a new thread (for the demo, fills it with the sample entries
/// first) and sends its progress and then the case to `tx`.
pub fn spawn_loader(dir: PathBuf, demo: bool, lang: Lang, tx: Sender<Incoming>) {
    let spawned = std::thread::Builder::new().name("leakaid-load".into()).spawn({
        let tx = tx.clone();
        move || {
            let loaded = load(&dir, demo, lang, &tx);
            let _ = tx.send(Incoming::Loaded(loaded.map(Box::new)));
        }
    });
    if let Err(e) = spawned {
        let _ = tx.send(Incoming::Loaded(Err(e.to_string())));
    }
}

fn load(dir: &Path, demo: bool, lang: Lang, tx: &Sender<Incoming>) -> Result<Case, String> {
    let total = std::fs::metadata(dir.join(JOURNAL_FILE))
        .map(|m| m.len())
        .unwrap_or(0);
    let progress = tx.clone();
    let mut shown = 0u8;
    let hook = move |read: u64| {
        let p = percent(read, total);
        if p > shown {
            shown = p;
            let _ = progress.send(Incoming::Ui(Msg::Loading(p)));
        }
    };
    let mut case =
        with_read_progress(hook, || Case::open(dir)).map_err(|e| super::case_errors::case_error(&e, lang))?;
    if demo {
        demo::populate(&mut case, &jiff::ZonedDateTime::now())
            .map_err(|e| super::case_errors::case_error(&e, lang))?;
    }
    Ok(case)
}

/// The sentence for a case whose journal is empty while its vault or exports folder holds
/// files: the record was emptied or deleted, and the wizard must not look like a new case.
fn emptied(case: &Case, lang: Lang) -> Option<String> {
    if case.state().fingerprint.count > 0 {
        return None;
    }
    let vault_files = case.vault().stored_names().map(|n| n.len()).unwrap_or(0);
    let exports = std::fs::read_dir(case.exports_dir()).map_or(0, |rd| rd.count());
    if vault_files + exports == 0 {
        return None;
    }
    let problem = crate::case::verify::Problem::JournalGone { vault_files, exports };
    Some(crate::i18n::tr(
        lang,
        format!(
            "案件已损坏：{}请先运行 `leakaid verify`，从备份找回 journal.jsonl，再在这里记下新内容。",
            problem.message(Lang::Zh)
        ),
        format!(
            "This case is damaged: {} Run `leakaid verify` and restore journal.jsonl from a backup before recording anything here.",
            problem.message(Lang::En)
        ),
    ))
}

/// How the wizard is set up once its case is read.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    /// The data folder whose config.toml keeps the language (none: not remembered).
    pub settings: Option<PathBuf>,
    /// Send copied text to the terminal (OSC 52).
    pub osc52: bool,
}

impl Setup {
    /// `w` with these settings, and the status saying what opening the case tidied up.
    pub fn apply(&self, mut w: Wizard) -> Wizard {
        if let Some(line) = w.case.swept().message(w.app.lang) {
            w.app.status = Some((line, false));
        }
        if let Some(line) = emptied(&w.case, w.app.lang) {
            w.app.status = Some((line, true));
        }
        w.osc52 = self.osc52;
        if let Some(root) = self.settings.clone() {
            w = w.remember_settings_in(root);
        }
        w
    }
}

/// The wizard while its case is read, then the wizard on the case.
#[derive(Debug)]
pub enum Session {
    /// Drawing the frame with the progress; keys wait.
    Loading {
        /// The app, on the dashboard.
        app: Box<App>,
        /// The state drawn meanwhile: empty.
        empty: Box<CaseState>,
        /// How the wizard is set up once the case is there.
        setup: Setup,
    },
    /// The case is loaded.
    Ready(Box<Wizard>),
}

impl Session {
    /// A session waiting for its case, set up as `setup` says once it is read.
    pub fn loading(app: App, setup: Setup) -> Session {
        Session::Loading {
            app: Box::new(app.starting()),
            empty: Box::default(),
            setup,
        }
    }

    /// The app, to draw.
    pub fn app(&self) -> &App {
        match self {
            Session::Loading { app, .. } => app,
            Session::Ready(w) => &w.app,
        }
    }

    /// The case's state, to draw (empty while it is read).
    pub fn state(&self) -> &CaseState {
        match self {
            Session::Loading { empty, .. } => empty,
            Session::Ready(w) => w.case.state(),
        }
    }

    /// The wizard, once the case is loaded.
    pub fn wizard(&mut self) -> Option<&mut Wizard> {
        match self {
            Session::Loading { .. } => None,
            Session::Ready(w) => Some(w),
        }
    }

    /// Handles one incoming message. `Err` is the sentence when the case could not be read.
    pub fn handle(&mut self, incoming: Incoming) -> Result<(), String> {
        match (incoming, &mut *self) {
            (Incoming::Ui(msg), Session::Loading { app, empty, .. }) => {
                app.update(msg, empty);
            }
            (Incoming::Ui(msg), Session::Ready(w)) => w.handle(msg),
            (Incoming::Loaded(Ok(case)), Session::Loading { app, setup, .. }) => {
                let app = std::mem::replace(&mut **app, App::new(Lang::Zh, String::new(), false));
                let mut w = setup.apply(Wizard::new(app, *case));
                w.run_waiting();
                *self = Session::Ready(Box::new(w));
            }
            (Incoming::Loaded(Err(text)), Session::Loading { .. }) => return Err(text),
            (Incoming::Loaded(_), Session::Ready(_)) => {}
        }
        Ok(())
    }

    /// Folds lines other processes appended and takes the export's answer, once loaded.
    pub fn poll(&mut self) {
        if let Session::Ready(w) = self {
            w.poll();
        }
    }
}
