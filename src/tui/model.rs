//! The wizard's state: which screen is open, what is selected, the open form, the export and
//! letter screens' progress. The screens draw it and nothing else; only the update (`app`)
//! changes it.

use std::path::PathBuf;

use jiff::ZonedDateTime;

use crate::case::counterparts::CounterpartId;
use crate::case::{CaseState, EntryId, EvidenceKind};
use crate::i18n::Lang;
use crate::pdf::export::Exported;
use crate::text::MAX_LINE_CHARS;
use crate::tui::form::{ExportChoice, Form, FormKind};
pub use crate::tui::keys::TextView;
use crate::tui::keys::{self, Binding};
use crate::tui::message::Msg;
use crate::tui::strings::{Strings, strings};
use crate::tui::widgets::text_field::TextField;

/// Where the user is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The overview of the four steps.
    Dashboard,
    /// Step 1: the evidence list.
    Evidence,
    /// One entry with its history.
    Detail(EntryId),
    /// Step 2, 3 or 4.
    Step(u8),
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

/// A bill opened in the wizard: the rows that can be losses, which are ticked, the selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillView {
    /// The file.
    pub path: PathBuf,
    /// The bill read.
    pub bill: crate::evidence::bill::Bill,
    /// The indices (into `bill.rows`) of the rows that can be recorded as losses.
    pub pickable: Vec<usize>,
    /// Ticked, one per pickable row.
    pub ticked: Vec<bool>,
    /// The selected pickable row.
    pub sel: usize,
}

impl BillView {
    /// A bill just read, nothing ticked.
    pub fn new(path: PathBuf, bill: crate::evidence::bill::Bill) -> BillView {
        let pickable: Vec<usize> = (0..bill.rows.len())
            .filter(|i| bill.rows[*i].pickable())
            .collect();
        BillView {
            path,
            ticked: vec![false; pickable.len()],
            bill,
            pickable,
            sel: 0,
        }
    }

    /// The bill with only the ticked rows, in the file's order.
    pub fn picked(&self) -> crate::evidence::bill::Bill {
        let mut b = self.bill.clone();
        b.rows = self
            .pickable
            .iter()
            .zip(&self.ticked)
            .filter(|(_, t)| **t)
            .filter_map(|(i, _)| self.bill.rows.get(*i).cloned())
            .collect();
        b
    }
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

/// The export screen's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportView {
    /// The options used last (the form opens with them).
    pub choice: ExportChoice,
    /// Where the export stands.
    pub status: ExportStatus,
    /// The copy made for the user (Desktop or Downloads), or why there is none.
    pub copy: Option<Result<PathBuf, String>>,
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

/// The evidence list's view state.
#[derive(Debug, Clone)]
pub struct ListView {
    /// Indices into `state.entries` of the rows shown, newest first.
    pub rows: Vec<u32>,
    /// Selected row.
    pub selected: usize,
    /// First row on screen.
    pub offset: usize,
    /// Only this kind, or all.
    pub kind: Option<EvidenceKind>,
    /// The search box.
    pub search: TextField,
    /// The search box has focus.
    pub searching: bool,
    /// Only the entries of this counterpart: its text as shown and the number of its key.
    pub counterpart: Option<(String, CounterpartId)>,
    /// What the rows were last built from: rebuilt when any of it changes.
    pub(crate) built: Option<(u64, Option<EvidenceKind>, String, Option<CounterpartId>)>,
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
    /// Selected row on the dashboard.
    pub dash_sel: usize,
    /// Selected checklist item.
    pub check_sel: usize,
    /// Scroll of detail and step screens.
    pub scroll: u16,
    /// Selected report on step 2.
    pub report_sel: usize,
    /// Step 2 shows the selected report's history (Enter).
    pub report_history: bool,
    /// Selected record on step 3 (warned contacts) or step 4 (consultations).
    pub record_sel: usize,
    /// Scroll of the help overlay.
    pub help_scroll: u16,
    /// The export screen.
    pub export: ExportView,
    /// The letters screen.
    pub letters: crate::tui::letters::LettersView,
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
}

/// Rows on the dashboard that Enter opens, in order.
pub const DASH_ROWS: [Screen; 7] = [
    Screen::Evidence,
    Screen::Step(2),
    Screen::Step(3),
    Screen::Step(4),
    Screen::Checklist,
    Screen::Profile,
    Screen::Export,
];

fn system_now() -> ZonedDateTime {
    ZonedDateTime::now()
}

/// How many list rows fit on step 1 in a terminal `height` rows tall: title, filter line,
/// column header, status and key bar take five, and the step's guidance pane its share.
pub fn list_rows(height: u16, focus: Pane) -> usize {
    let body = height.saturating_sub(3);
    usize::from(height.saturating_sub(5).saturating_sub(guide_rows(body, focus)))
}

/// Rows of step 1's guidance pane in a body `body` rows tall: a quarter under the list, two
/// thirds when it has the focus; the list always keeps its header and a row.
pub fn guide_rows(body: u16, focus: Pane) -> u16 {
    let want = match focus {
        Pane::List => (body / 4).max(3),
        Pane::Text => body * 2 / 3,
    };
    want.min(body.saturating_sub(3))
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
            list: ListView {
                rows: Vec::new(),
                selected: 0,
                offset: 0,
                kind: None,
                search: TextField::new(false, MAX_LINE_CHARS),
                searching: false,
                counterpart: None,
                built: None,
            },
            dash_sel: 0,
            check_sel: 0,
            scroll: 0,
            report_sel: 0,
            report_history: false,
            record_sel: 0,
            help_scroll: 0,
            export: ExportView {
                choice: ExportChoice {
                    agency: String::new(),
                    redact: false,
                    // The packet is for a Chinese police station whatever language the
                    // wizard speaks; English is a translation the user picks.
                    lang: Lang::Zh,
                },
                status: ExportStatus::Idle,
                copy: None,
            },
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
            return vec![keys::SEARCH];
        }
        let screen = match self.screen {
            Screen::Dashboard => keys::DASHBOARD,
            Screen::Evidence => keys::EVIDENCE,
            Screen::Detail(_) if self.detail_retracted => keys::DETAIL_RETRACTED,
            Screen::Detail(_) => keys::DETAIL,
            Screen::Step(2) => keys::STEP2,
            Screen::Step(3) => keys::STEP3,
            Screen::Step(_) => keys::STEP4,
            Screen::Checklist => keys::CHECKLIST,
            Screen::Profile => keys::PROFILE,
            Screen::Text(TextView::How(_)) => keys::HOW_TEXT,
            Screen::Text(_) => keys::TEXT,
            Screen::Export => keys::EXPORT,
            Screen::Letters if self.letters.open.is_some() => keys::LETTER,
            Screen::Letters => keys::LETTERS,
            Screen::Bill => keys::BILL,
        };
        match (self.screen, self.focus) {
            (Screen::Evidence | Screen::Step(2), Pane::List) => vec![keys::TAB_TO_TEXT, screen, keys::GLOBAL],
            (Screen::Evidence | Screen::Step(2), Pane::Text) => vec![keys::TAB_TO_LIST, screen, keys::GLOBAL],
            _ => vec![screen, keys::GLOBAL],
        }
    }
    /// The packet `o` opens: the copy for the user if there is one, else the one made.
    pub fn packet_to_open(&self) -> Option<PathBuf> {
        match (&self.export.copy, &self.export.status) {
            (Some(Ok(copy)), _) => Some(copy.clone()),
            (_, ExportStatus::Done(done)) => Some(done.path.clone()),
            _ => None,
        }
    }
    /// The entry selected in the list.
    pub fn selected_entry(&self, state: &CaseState) -> Option<EntryId> {
        let i = *self.list.rows.get(self.list.selected)? as usize;
        state.entries.get(i).map(|e| e.id)
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
