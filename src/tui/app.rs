//! The wizard's one `update` function: a message in (a key, a paste, a resize, a refresh, the
//! result of a save), the state ([`crate::tui::model`]) changed, effects out. No terminal and
//! no disk here — the runtime performs the effects with the case API and feeds the results
//! back as messages, so the whole app can be driven by tests.
//!
//! A key goes to the help overlay, a question, the open form or the search box when one of
//! them has it; else the keys every screen shares (quit, help, the steps …) are handled here
//! and every other key is routed to the screen in view (`screens::NAME`), which changes its
//! own state and answers with [`Cmd`]s that this module carries out.

use crossterm::event::{KeyCode, KeyEvent};

use crate::case::when::Assumed;
use crate::case::{CaseState, EvidenceKind, Knew};
use crate::guide::StepId;
use crate::i18n::Lang;
use crate::tui::form::{FieldId, Form, Input, Submit, choice_len};
use crate::tui::guide_text::channel_names;
use crate::tui::keys::{self, Action};
use crate::tui::message::{Effect, Msg};
use crate::tui::model::{App, Ask, BundleStatus, ExportStatus, Pane, Screen, list_rows};
use crate::tui::screens::bill::BillView;
use crate::tui::screens::{self, Cmd, Ctx};
use crate::tui::strings::{Strings, fill, strings};
use crate::tui::widgets::text_field::Edit;

/// The context a screen reads when it handles action `$a`: built from the app's fields one
/// by one, so the screen's own state (another field) can be changed meanwhile. Where the
/// text ends is worked out only for the keys that go there.
macro_rules! ctx {
    ($app:ident, $state:expr, $a:expr) => {
        Ctx {
            state: $state,
            lang: $app.lang,
            s: $app.s,
            now: $app.now(),
            size: $app.size,
            scroll: $app.scroll,
            focus: $app.focus,
            page: list_rows($app.size.1, $app.focus).max(1),
            text_end: match $a {
                Action::PageDown | Action::Bottom => $app.text_end($state),
                _ => $app.scroll,
            },
            outlook: &$app.outlook,
        }
    };
}

/// Keys kept while the case is read (far more than anyone types in that time).
const MAX_WAITING: usize = 4096;

/// The help overlay never scrolls further than this (far more than any key list).
const HELP_MAX_SCROLL: u16 = 60;

impl App {
    /// While the case is read: progress and resizes apply, Ctrl-C (and `q` before any other
    /// key) quits, every other key or paste waits its turn and the status line says so.
    fn update_loading(&mut self, msg: Msg) {
        match msg {
            Msg::Loading(p) => self.loading = Some(p.min(100)),
            Msg::Resize(w, h) => self.size = (w, h),
            Msg::Key(k) => {
                let action = keys::find(&[keys::GLOBAL], &keys::command_key(k));
                let ctrl = k.modifiers.contains(crossterm::event::KeyModifiers::CONTROL);
                if action == Some(Action::Quit) && (ctrl || self.waiting.is_empty()) {
                    self.quit = true;
                } else if self.waiting.len() < MAX_WAITING {
                    self.waiting.push(Msg::Key(k));
                    self.status = Some((self.s.loading_wait.to_string(), false));
                }
            }
            Msg::Paste(text) if self.waiting.len() < MAX_WAITING => {
                self.waiting.push(Msg::Paste(text));
                self.status = Some((self.s.loading_wait.to_string(), false));
            }
            _ => {}
        }
    }

    /// Makes sure the list rows match the state, the filter and the search.
    pub fn sync(&mut self, state: &CaseState) {
        self.detail_retracted = match self.screen {
            Screen::Detail(id) => state.entry(id).is_some_and(|e| e.retracted.is_some()),
            _ => false,
        };
        self.list.sync(state, list_rows(self.size.1, self.focus).max(1));
    }

    fn clamp_list(&mut self) {
        self.list.clamp(list_rows(self.size.1, self.focus).max(1));
    }

    /// Handles one message and returns what the runtime must do.
    pub fn update(&mut self, msg: Msg, state: &CaseState) -> Vec<Effect> {
        if self.loading.is_some() {
            self.update_loading(msg);
            return Vec::new();
        }
        self.sync(state);
        let effects = match msg {
            Msg::Key(k) => self.key(k, state),
            Msg::Paste(text) => self.paste(&text, state),
            Msg::Resize(w, h) => {
                self.size = (w, h);
                self.clamp_list();
                Vec::new()
            }
            Msg::Refreshed(n) => {
                self.status = Some((fill(self.s.refreshed, &[&n]), false));
                Vec::new()
            }
            Msg::SavedRecord(id) => {
                self.form = None;
                self.status = Some((fill(self.s.saved_entry, &[&id]), false));
                Vec::new()
            }
            Msg::ExportStarted => {
                self.export.status = ExportStatus::Running;
                Vec::new()
            }
            Msg::BundleStarted => {
                self.export.bundle = BundleStatus::Running;
                Vec::new()
            }
            Msg::Bundled(result) => {
                self.export.bundle = match result {
                    Ok(done) => BundleStatus::Done(done),
                    Err(text) => BundleStatus::Failed(text),
                };
                Vec::new()
            }
            Msg::Copied | Msg::Loading(_) => Vec::new(),
            Msg::BillRead(path, Ok(bill)) => {
                self.form = None;
                self.go(Screen::Bill);
                self.bill = Some(BillView::new(path, bill));
                Vec::new()
            }
            Msg::BillRead(_, Err(text)) => {
                if let Some(f) = self.form.as_mut() {
                    f.pending = false;
                    f.error = Some(text);
                }
                Vec::new()
            }
            Msg::BillRecorded(ids) => {
                self.bill = None;
                self.go(Screen::Evidence);
                let list = ids
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(self.lang.pick("、", ", "));
                self.status = Some((fill(self.s.bill_saved, &[&list]), false));
                Vec::new()
            }
            Msg::Opened(opened) => {
                if !opened {
                    let path = self
                        .packet_to_open()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default();
                    self.status = Some((fill(self.s.open_failed, &[&path]), false));
                }
                Vec::new()
            }
            Msg::Exported(result, copy) => {
                self.export.copy = copy;
                self.export.status = match result {
                    Ok(done) => ExportStatus::Done(done),
                    Err(text) => ExportStatus::Failed(text),
                };
                Vec::new()
            }
            Msg::LetterStarted => {
                self.form = None;
                self.status = Some((self.s.saving.to_string(), false));
                Vec::new()
            }
            Msg::LetterSaved(result) => {
                self.form = None;
                self.status = Some(self.letters.saved(result, self.lang));
                Vec::new()
            }
            Msg::SettingSaved(kept) => {
                let text = if kept {
                    self.s.lang_saved
                } else {
                    self.s.lang_session
                };
                self.status = Some((text.to_string(), false));
                Vec::new()
            }
            Msg::Saved(id) => {
                self.form = None;
                let text = match id {
                    // Money lost: what to do at once follows the receipt of the save (the
                    // dashboard's first line, with the account to name to the police).
                    Some(id)
                        if state
                            .entry(id)
                            .is_some_and(|e| e.current.lost.is_some_and(|l| l.0 > 0))
                            && !crate::case::signals::is_done(
                                state,
                                crate::guide::ChecklistId::StopPayment,
                            ) =>
                    {
                        let next = crate::tui::next_step::next_action(self, state);
                        format!("{}{}{next}", fill(self.s.saved_entry, &[&id]), self.s.saved_then)
                    }
                    Some(id) => fill(self.s.saved_entry, &[&id]),
                    None => self.s.saved.to_string(),
                };
                self.status = Some((text, false));
                Vec::new()
            }
            Msg::Failed(text) => {
                match self.form.as_mut() {
                    Some(f) => {
                        f.pending = false;
                        f.error = Some(text);
                    }
                    None => self.status = Some((text, true)),
                }
                Vec::new()
            }
        };
        self.sync(state);
        effects
    }

    fn paste(&mut self, text: &str, state: &CaseState) -> Vec<Effect> {
        let s = self.s;
        if let Some(form) = self.form.as_mut() {
            if form.pending {
                return Vec::new();
            }
            if let Some(Input::Text(t)) = form.focused_mut().map(|f| &mut f.input) {
                let cap = t.cap();
                if t.insert(text) == Edit::Capped {
                    form.notice = Some(fill(s.field_capped, &[&cap]));
                }
            }
        } else if self.screen == Screen::Evidence {
            let cmds = {
                let cx = ctx!(self, state, Action::Search);
                self.list.paste(text, &cx)
            };
            return self.run(cmds, state);
        }
        Vec::new()
    }

    fn key(&mut self, k: KeyEvent, state: &CaseState) -> Vec<Effect> {
        if self.help {
            match k.code {
                KeyCode::Up | KeyCode::Char('k') => self.help_scroll = self.help_scroll.saturating_sub(1),
                KeyCode::Down | KeyCode::Char('j') => {
                    self.help_scroll = (self.help_scroll + 1).min(HELP_MAX_SCROLL)
                }
                KeyCode::PageUp => self.help_scroll = self.help_scroll.saturating_sub(5),
                KeyCode::PageDown => self.help_scroll = (self.help_scroll + 5).min(HELP_MAX_SCROLL),
                _ => {
                    self.help = false;
                    self.help_scroll = 0;
                }
            }
            return Vec::new();
        }
        let action = keys::find(&self.bindings(), &keys::command_key(k));
        let typing = self.form.is_some() || (self.screen == Screen::Evidence && self.list.searching);
        if action.is_none() && !typing && keys::is_ime_text(&k) {
            self.status = Some((self.s.ime_hint.to_string(), true));
            return Vec::new();
        }
        if let Some(ask) = self.ask {
            match action {
                Some(Action::Yes) => {
                    self.ask = None;
                    match ask {
                        Ask::Quit => self.quit = true,
                        Ask::Discard => self.form = None,
                        Ask::Lang => {
                            self.lang = self.lang.pick(Lang::En, Lang::Zh);
                            self.s = strings(self.lang);
                            return vec![Effect::SaveLang(self.lang)];
                        }
                    }
                }
                Some(Action::No) => self.ask = None,
                _ => {}
            }
            return Vec::new();
        }
        if self.form.is_some() {
            return self.form_key(k, action);
        }
        if self.screen == Screen::Evidence && self.list.searching {
            let cmds = {
                let cx = ctx!(self, state, Action::SearchDone);
                self.list.search_key(&k, action, &cx)
            };
            return self.run(cmds, state);
        }
        match action {
            Some(a) => self.act(a, state),
            None => Vec::new(),
        }
    }

    /// The scroll position that shows the end of the current step's or text screen's text.
    fn text_end(&self, state: &CaseState) -> u16 {
        match self.screen {
            Screen::Step(step) => screens::steps::text_end(self, state, step),
            Screen::Text(v) => screens::text::text_end(self, state, v),
            _ => self.scroll,
        }
    }

    pub(crate) fn go(&mut self, screen: Screen) {
        if matches!(screen, Screen::Detail(_)) {
            self.back = self.screen;
        }
        self.screen = screen;
        self.scroll = 0;
        self.status = None;
        self.focus = Pane::List;
    }

    /// A command key: the keys every screen shares first, then the screen in view, then what
    /// a screen leaves to the wizard (back to the dashboard, the texts, the packet, the
    /// letters, the account).
    fn act(&mut self, a: Action, state: &CaseState) -> Vec<Effect> {
        match a {
            Action::Quit => self.quit = true,
            Action::Help => self.help = true,
            Action::SwitchLang => self.ask = Some(Ask::Lang),
            Action::Dashboard => self.go(Screen::Dashboard),
            Action::Step(StepId::CollectEvidence) => self.go(Screen::Evidence),
            Action::Step(step) => self.go(Screen::Step(step)),
            Action::Checklist => self.go(Screen::Checklist),
            Action::Profile => self.go(Screen::Profile),
            Action::NewCall => self.form = Some(Form::new_entry(EvidenceKind::Call, self.now())),
            Action::NewEntry => self.form = Some(Form::new_entry(EvidenceKind::Sms, self.now())),
            // Tab on a screen with a list and a text (step 1 and 2).
            Action::Focus => {
                self.focus = match self.focus {
                    Pane::List => Pane::Text,
                    Pane::Text => Pane::List,
                };
                self.clamp_list();
            }
            _ => {
                if let Some(cmds) = self.route(a, state) {
                    return self.run(cmds, state);
                }
                self.fallback(a, state);
            }
        }
        Vec::new()
    }

    /// The key's action for the screen in view, if that screen has it.
    fn route(&mut self, a: Action, state: &CaseState) -> Option<Vec<Cmd>> {
        let cx = ctx!(self, state, a);
        match self.screen {
            Screen::Dashboard => self.dashboard.key(a, &cx),
            Screen::Evidence => self.list.key(a, &cx),
            Screen::Detail(id) => screens::detail::key(id, self.detail_retracted, a, &cx),
            Screen::Step(step) => self.steps.key(step, a, &cx),
            Screen::Checklist => self.checklist.key(a, &cx),
            Screen::Profile => screens::profile::key(a, &cx),
            Screen::Text(view) => screens::text::key(view, a, &cx),
            Screen::Export => self.export.key(a, &cx),
            Screen::Letters => self.letters.key(a, &cx),
            Screen::Bill => screens::bill::key(&mut self.bill, a, &cx),
        }
    }

    /// What a key does on a screen that does not use it itself.
    fn fallback(&mut self, a: Action, state: &CaseState) {
        match a {
            Action::ShowText(v) => self.go(Screen::Text(v)),
            Action::Back => self.go(Screen::Dashboard),
            Action::Export => {
                self.go(Screen::Export);
                self.form = Some(Form::export(&self.export.choice));
            }
            Action::Narrative => {
                let current = state.narrative.as_ref().map(|(t, _)| t.as_str()).unwrap_or("");
                self.form = Some(Form::narrative(current));
            }
            Action::Letters => {
                self.go(Screen::Letters);
                self.letters.open = None;
            }
            _ => {}
        }
    }

    /// Carries out a screen's commands, in order; the effects for the runtime.
    fn run(&mut self, cmds: Vec<Cmd>, state: &CaseState) -> Vec<Effect> {
        let mut effects = Vec::new();
        for cmd in cmds {
            match cmd {
                Cmd::Go(screen) => self.go(screen),
                Cmd::Return => self.go(self.back),
                Cmd::Open(form) => self.form = Some(form),
                Cmd::Say(text, error) => self.status = Some((text, error)),
                Cmd::Hush => self.status = None,
                Cmd::Scroll(to) => self.scroll = to,
                Cmd::Act(a) => effects.extend(self.act(a, state)),
                Cmd::Run(effect) => effects.push(effect),
            }
        }
        effects
    }

    fn form_key(&mut self, k: KeyEvent, action: Option<Action>) -> Vec<Effect> {
        let lang = self.lang;
        let s = self.s;
        let now = self.now();
        let Some(form) = self.form.as_mut() else {
            return Vec::new();
        };
        if form.pending {
            return Vec::new();
        }
        match action {
            Some(Action::Submit) => {
                form.notice = None;
                return match form.submit(&now) {
                    Ok(sub) => {
                        form.error = None;
                        form.pending = true;
                        if let Submit::Export(choice) = sub {
                            self.form = None;
                            self.export.choice = choice.clone();
                            self.export.status = ExportStatus::Running;
                            return vec![Effect::Export(choice)];
                        }
                        vec![match sub {
                            Submit::Log(f) => Effect::Log(f),
                            Submit::Correct(id, p, r) => Effect::Correct(id, p, r),
                            Submit::Retract(id, r) => Effect::Retract(id, r),
                            Submit::Attach(id, p) => Effect::Attach(id, p),
                            Submit::ImportBill(p) => Effect::ReadBill(p),
                            Submit::Profile(p) => Effect::SetProfile(p),
                            Submit::AddReport(f) => Effect::AddReport(f),
                            Submit::UpdateReport(id, p) => Effect::UpdateReport(id, p),
                            Submit::AddWarning(f) => Effect::AddWarning(f),
                            Submit::AddConsultation(f) => Effect::AddConsultation(f),
                            Submit::Narrative(t) => Effect::SetNarrative(t),
                            Submit::Export(c) => Effect::Export(c),
                            Submit::CorrectWarning(id, p, r) => Effect::CorrectWarning(id, p, r),
                            Submit::CorrectConsultation(id, p, r) => Effect::CorrectConsultation(id, p, r),
                            Submit::RetractRecord(id, r) => Effect::RetractRecord(id, r),
                            Submit::SaveLetter(order) => Effect::SaveLetter(order),
                        }]
                    }
                    Err(e) => {
                        // The cursor goes to the field refused, and the message names it
                        // ("转账时间: …"): two fields may both be times.
                        let message = crate::tui::case_errors::case_error(&e, lang);
                        form.error = Some(match form.refused_field(&e) {
                            Some(i) => {
                                form.focus = i;
                                let name = crate::tui::form::label(form.fields[i].id, s);
                                let name = name.trim_end_matches([':', '：']);
                                if message.contains(name) {
                                    message
                                } else {
                                    format!("{name}: {message}")
                                }
                            }
                            None => message,
                        });
                        Vec::new()
                    }
                };
            }
            Some(Action::NextField) => move_focus(form, true, s),
            Some(Action::PrevField) => move_focus(form, false, s),
            Some(Action::Cancel) => {
                if form.is_dirty() {
                    self.ask = Some(Ask::Discard);
                } else {
                    self.form = None;
                }
            }
            Some(Action::Quit) => {
                if form.is_dirty() {
                    self.ask = Some(Ask::Quit);
                } else {
                    self.quit = true;
                }
            }
            _ => {
                field_key(form, &k, s, lang);
                if form
                    .focused()
                    .is_some_and(|f| matches!(f.id, FieldId::At | FieldId::PaidAt))
                {
                    form.notice = at_notice(form, s);
                }
            }
        }
        Vec::new()
    }
}

/// How the typed time reads, saying what was assumed (a later time of day is yesterday).
fn at_notice(form: &Form, s: &Strings) -> Option<String> {
    let r = form.at_reading()?;
    let note = match r.assumed {
        Some(Assumed::Yesterday) => s.at_yesterday,
        Some(Assumed::LastYear) => s.at_last_year,
        None => "",
    };
    Some(format!("{}{note}", fill(s.at_reads, &[&r.moment.short()])))
}

/// Moves the form's focus; leaving a valid ID number fills an empty birth date from it, and
/// leaving a summary that quotes one ticks "they knew my ID number" (said on screen).
fn move_focus(form: &mut Form, forward: bool, s: &Strings) {
    let left_summary = form.focused().is_some_and(|f| f.id == FieldId::Summary);
    form.move_focus(forward);
    if let Some(date) = form.fill_birth_from_id() {
        form.notice = Some(fill(s.birth_filled, &[&date]));
    }
    if left_summary && form.tick_id_from_summary() {
        form.notice = Some(s.id_ticked.to_string());
    }
}

/// A key for the focused field; Up/Down and Enter leave one-line fields.
fn field_key(form: &mut Form, k: &KeyEvent, s: &Strings, lang: Lang) {
    let Some(field) = form.focused_mut() else {
        return;
    };
    let mut leave = None;
    let mut picked = None;
    // A letter or a Chinese character typed where nothing can be typed (a choice, the
    // ticks): said, never silently dropped.
    let mut typed = false;
    match &mut field.input {
        Input::Text(t) => match t.key(k) {
            Edit::Capped => form.notice = Some(fill(s.field_capped, &[&t.cap()])),
            Edit::Changed => {}
            Edit::Ignored => match k.code {
                KeyCode::Up => leave = Some(false),
                KeyCode::Down | KeyCode::Enter => leave = Some(true),
                _ => {}
            },
        },
        Input::Kind(i) => {
            let n = EvidenceKind::ALL.len();
            match k.code {
                KeyCode::Left | KeyCode::Char('h') => *i = (*i + n - 1) % n,
                KeyCode::Right | KeyCode::Char('l') | KeyCode::Char(' ') => *i = (*i + 1) % n,
                KeyCode::Up => leave = Some(false),
                KeyCode::Down | KeyCode::Enter => leave = Some(true),
                KeyCode::Char(_) => typed = true,
                _ => {}
            }
        }
        Input::Choice(i) => {
            let n = choice_len(field.id).max(1);
            let before = *i;
            match k.code {
                KeyCode::Left | KeyCode::Char('h') => *i = (*i + n - 1) % n,
                KeyCode::Right | KeyCode::Char('l') | KeyCode::Char(' ') => *i = (*i + 1) % n,
                KeyCode::Up => leave = Some(false),
                KeyCode::Down | KeyCode::Enter => leave = Some(true),
                KeyCode::Char(_) => typed = true,
                _ => {}
            }
            if field.id == FieldId::ChannelPick && *i != before && *i > 0 {
                picked = channel_names(lang).get(*i - 1).cloned();
            }
        }
        Input::Knew { set, cursor } => {
            let n = Knew::ALL.len();
            match k.code {
                KeyCode::Left | KeyCode::Char('h') => *cursor = (*cursor + n - 1) % n,
                KeyCode::Right | KeyCode::Char('l') => *cursor = (*cursor + 1) % n,
                KeyCode::Char(' ') | KeyCode::Char('x') => {
                    if let Some(item) = Knew::ALL.get(*cursor)
                        && !set.remove(item)
                    {
                        set.insert(*item);
                    }
                }
                KeyCode::Up => leave = Some(false),
                KeyCode::Down | KeyCode::Enter => leave = Some(true),
                KeyCode::Char(_) => typed = true,
                _ => {}
            }
        }
    }
    if typed {
        form.notice = Some(s.no_typing_here.to_string());
    } else if form.notice.as_deref() == Some(s.no_typing_here) {
        form.notice = None;
    }
    if let Some(name) = picked {
        form.set_text(FieldId::Channel, &name);
    }
    if let Some(forward) = leave {
        move_focus(form, forward, s);
    }
}
