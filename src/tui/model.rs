//! The wizard's state: which screen is open, each screen's own state (its module in
//! `screens` defines it), the open form, the question, the status line. The update (`app`)
//! changes it; a screen changes only its own part, when `app` hands it a key.

use std::path::PathBuf;

use jiff::ZonedDateTime;

use crate::case::{CaseState, EntryId};
use crate::guide::StepId;
use crate::i18n::Lang;
use crate::tui::form::{Form, FormKind};
pub use crate::tui::keys::TextView;
use crate::tui::keys::{self, Binding};
use crate::tui::message::Msg;
use crate::tui::screens::bill::BillView;
use crate::tui::screens::checklist::Checklist;
use crate::tui::screens::dashboard::Dashboard;
pub use crate::tui::screens::evidence::{ListView, guide_rows, list_rows};
pub use crate::tui::screens::export::{BundleStatus, ExportStatus, ExportView};
use crate::tui::screens::letters::LettersView;
use crate::tui::screens::steps::Steps;
use crate::tui::screens::{self, detail, evidence, steps, text};
use crate::tui::strings::{Strings, strings};

/// Where the user is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The overview of the four steps.
    Dashboard,
    /// Step 1: the evidence list.
    Evidence,
    /// One entry with its history.
    Detail(EntryId),
    /// Step 2, 3 or 4 (step 1 is [`Screen::Evidence`]).
    Step(StepId),
    /// The immediate-actions checklist.
    Checklist,
    /// The victim's details.
    Profile,
    /// A generated text alone on the screen, easy to select and copy.
    Text(TextView),
    /// Making the complaint packet (PDF).
    Export,
    /// The letters for the other channels (from step 2).
    Letters,
    /// A bill opened from step 1: its payments with a box to tick.
    Bill,
}

/// Which part of a step screen the arrows move: its list or its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    /// The list (evidence, reports).
    #[default]
    List,
    /// The guidance text.
    Text,
}

/// A question waiting for y / n.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// Quit with unsaved input?
    Quit,
    /// Discard the form?
    Discard,
    /// Switch the language?
    Lang,
}

/// The wizard's whole state.
#[derive(Debug)]
pub struct App {
    /// The UI language.
    pub lang: Lang,
    /// The case's signals and account to stop, kept until the case changes.
    pub outlook: crate::tui::outlook::OutlookCache,
    /// Its strings.
    pub s: &'static Strings,
    /// The current screen.
    pub screen: Screen,
    /// The screen a detail view returns to.
    pub back: Screen,
    /// The open form, if any.
    pub form: Option<Form>,
    /// A pending question.
    pub ask: Option<Ask>,
    /// The help overlay is open.
    pub help: bool,
    /// The evidence list.
    pub list: ListView,
    /// The dashboard.
    pub dashboard: Dashboard,
    /// The checklist.
    pub checklist: Checklist,
    /// Scroll of the body's text (detail, step, text, export and letter screens).
    pub scroll: u16,
    /// Steps 2 to 4.
    pub steps: Steps,
    /// Scroll of the help overlay.
    pub help_scroll: u16,
    /// The export screen.
    pub export: ExportView,
    /// The letters screen.
    pub letters: LettersView,
    /// A one-line message and whether it is an error.
    pub status: Option<(String, bool)>,
    /// Set when the user has chosen to leave.
    pub quit: bool,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// The case folder's name, for the title.
    pub case_name: String,
    /// Running on the demo case.
    pub demo: bool,
    /// The clock (fixed in tests).
    pub clock: fn() -> ZonedDateTime,
    /// The detail shown is of a retracted entry (its e / d / i are not offered).
    pub detail_retracted: bool,
    /// While the case is read at startup: the percent read (`None` once it is loaded).
    pub loading: Option<u8>,
    /// Keys and pastes that came while the case was read, in order; they run once it is.
    pub waiting: Vec<Msg>,
    /// The pane of step 1 or 2 the arrows move.
    pub focus: Pane,
    /// The bill opened from step 1.
    pub bill: Option<BillView>,
    /// The case's last backup as the settings remember it (the dashboard shows its date).
    pub last_backup: Option<crate::config::LastBackup>,
}

fn system_now() -> ZonedDateTime {
    ZonedDateTime::now()
}

impl App {
    /// A new app on the dashboard.
    pub fn new(lang: Lang, case_name: String, demo: bool) -> App {
        App {
            lang,
            outlook: Default::default(),
            s: strings(lang),
            screen: Screen::Dashboard,
            back: Screen::Evidence,
            form: None,
            ask: None,
            help: false,
            list: ListView::default(),
            dashboard: Dashboard::default(),
            checklist: Checklist::default(),
            scroll: 0,
            steps: Steps::default(),
            help_scroll: 0,
            export: ExportView::default(),
            letters: Default::default(),
            status: None,
            quit: false,
            size: (80, 24),
            case_name,
            demo,
            clock: system_now,
            detail_retracted: false,
            loading: None,
            waiting: Vec::new(),
            focus: Pane::List,
            bill: None,
            last_backup: None,
        }
    }
    /// The same app waiting for its case to be read: it draws the dashboard's frame with
    /// the progress and keeps the keys pressed meanwhile.
    pub fn starting(mut self) -> App {
        self.loading = Some(0);
        self
    }
    /// True when a form holds input that is not saved.
    pub fn has_unsaved(&self) -> bool {
        self.form.as_ref().is_some_and(Form::is_dirty)
    }
    /// The command lists that apply now, most specific first.
    pub fn bindings(&self) -> Vec<&'static [Binding]> {
        if self.ask.is_some() {
            return vec![keys::CONFIRM];
        }
        if let Some(f) = &self.form {
            return vec![if f.kind == FormKind::Export {
                keys::EXPORT_FORM
            } else {
                keys::FORM
            }];
        }
        if self.screen == Screen::Evidence && self.list.searching {
            return vec![evidence::SEARCH_KEYS];
        }
        let screen = match self.screen {
            Screen::Dashboard => screens::dashboard::KEYS,
            Screen::Evidence => evidence::KEYS,
            Screen::Detail(_) => detail::keys(self.detail_retracted),
            Screen::Step(step) => steps::keys(step),
            Screen::Checklist => screens::checklist::KEYS,
            Screen::Profile => screens::profile::KEYS,
            Screen::Text(view) => text::keys(view),
            Screen::Export => screens::export::KEYS,
            Screen::Letters => self.letters.keys(),
            Screen::Bill => screens::bill::KEYS,
        };
        match (self.screen, self.focus) {
            (Screen::Evidence | Screen::Step(StepId::Report), Pane::List) => {
                vec![keys::TAB_TO_TEXT, screen, keys::GLOBAL]
            }
            (Screen::Evidence | Screen::Step(StepId::Report), Pane::Text) => {
                vec![keys::TAB_TO_LIST, screen, keys::GLOBAL]
            }
            _ => vec![screen, keys::GLOBAL],
        }
    }
    /// The packet `o` opens: the copy for the user if there is one, else the one made.
    pub fn packet_to_open(&self) -> Option<PathBuf> {
        self.export.packet_to_open()
    }
    /// The entry selected in the list.
    pub fn selected_entry(&self, state: &CaseState) -> Option<EntryId> {
        self.list.selected_entry(state)
    }
    pub(crate) fn now(&self) -> ZonedDateTime {
        (self.clock)()
    }
    /// The zone every time on screen is shown in: the clock's (the system's, `TZ` honoured;
    /// fixed in tests).
    pub fn zone(&self) -> jiff::tz::TimeZone {
        self.now().time_zone().clone()
    }
}
