//! The wizard's one `update` function: a message in (a key, a paste, a resize, a refresh, the
//! result of a save), the state ([`crate::tui::model`]) changed, effects out. No terminal and
//! no disk here — the runtime performs the effects with the case API and feeds the results
//! back as messages, so the whole app can be driven by tests.

use crossterm::event::{KeyCode, KeyEvent};

use crate::case::signals::done_by_record;
use crate::case::when::Assumed;
use crate::case::{CaseState, EvidenceKind, Knew};
use crate::i18n::Lang;
use crate::text::MAX_LINE_CHARS;
use crate::tui::form::{FieldId, Form, Input, Submit, choice_len};
use crate::tui::guide_text::{channel_names, checklist_id, checklist_len};
use crate::tui::keys::{self, Action};
use crate::tui::message::{Effect, Msg};
use crate::tui::model::{App, Ask, DASH_ROWS, ExportStatus, Pane, Screen, TextView, list_rows};
use crate::tui::strings::{Strings, fill, strings};
use crate::tui::widgets::text_field::Edit;

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
        let key = (
            state.fingerprint.count,
            self.list.kind,
            self.list.search.text().to_lowercase(),
            self.list.counterpart.as_ref().map(|(_, id)| *id),
        );
        if self.list.built.as_ref() == Some(&key) {
            return;
        }
        let keep = self.list.rows.get(self.list.selected).copied();
        let needle = key.2.trim().to_string();
        let mut rows: Vec<u32> = state
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| key.1.is_none_or(|k| e.current.kind == k))
            .filter(|(_, e)| key.3.is_none_or(|id| e.counterpart_id() == id))
            .filter(|(_, e)| {
                needle.is_empty()
                    || e.current.counterpart.to_lowercase().contains(&needle)
                    || e.current.summary.to_lowercase().contains(&needle)
            })
            .map(|(i, _)| i as u32)
            .collect();
        rows.sort_by(|a, b| {
            let ea = &state.entries[*a as usize];
            let eb = &state.entries[*b as usize];
            eb.current
                .occurred_at
                .timestamp()
                .cmp(&ea.current.occurred_at.timestamp())
                .then(b.cmp(a))
        });
        self.list.rows = rows;
        self.list.selected = keep
            .and_then(|k| self.list.rows.iter().position(|r| *r == k))
            .unwrap_or(0);
        self.list.built = Some(key);
        self.clamp_list();
    }

    fn clamp_list(&mut self) {
        let n = self.list.rows.len();
        self.list.selected = self.list.selected.min(n.saturating_sub(1));
        let h = list_rows(self.size.1, self.focus).max(1);
        if self.list.selected < self.list.offset {
            self.list.offset = self.list.selected;
        } else if self.list.selected >= self.list.offset + h {
            self.list.offset = self.list.selected + 1 - h;
        }
        // Never leave rows empty below while rows are hidden above (after a resize or a filter).
        self.list.offset = self.list.offset.min(n.saturating_sub(h));
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
            Msg::Paste(text) => {
                self.paste(&text);
                Vec::new()
            }
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
            Msg::Copied | Msg::Loading(_) => Vec::new(),
            Msg::BillRead(path, Ok(bill)) => {
                self.form = None;
                self.go(Screen::Bill);
                self.bill = Some(crate::tui::model::BillView::new(path, bill));
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
                self.status = Some(crate::tui::letters::saved_status(
                    &mut self.letters,
                    result,
                    self.lang,
                ));
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

    fn paste(&mut self, text: &str) {
        let cap_msg = |cap: usize, s: &Strings| fill(s.field_capped, &[&cap]);
        let s = self.s;
        if let Some(form) = self.form.as_mut() {
            if form.pending {
                return;
            }
            if let Some(Input::Text(t)) = form.focused_mut().map(|f| &mut f.input) {
                let cap = t.cap();
                if t.insert(text) == Edit::Capped {
                    form.notice = Some(cap_msg(cap, s));
                }
            }
        } else if self.screen == Screen::Evidence {
            self.list.searching = true;
            if self.list.search.insert(text) == Edit::Capped {
                self.status = Some((cap_msg(self.list.search.cap(), s), false));
            }
        }
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
            match action {
                Some(Action::SearchDone) => self.list.searching = false,
                Some(Action::Quit) => self.quit = true,
                Some(Action::Up) => self.move_list(-1),
                Some(Action::Down) => self.move_list(1),
                _ => {
                    if self.list.search.key(&k) == Edit::Capped {
                        self.status = Some((fill(self.s.field_capped, &[&MAX_LINE_CHARS]), false));
                    }
                }
            }
            return Vec::new();
        }
        match action {
            Some(a) => self.act(a, state),
            None => Vec::new(),
        }
    }

    /// The scroll position that shows the end of the current step's or text screen's text.
    fn text_end(&self, state: &CaseState) -> u16 {
        match self.screen {
            Screen::Step(n) => crate::tui::screens::steps::text_end(self, state, n),
            Screen::Text(v) => crate::tui::screens::text::text_end(self, state, v),
            _ => self.scroll,
        }
    }

    fn move_list(&mut self, by: isize) {
        let n = self.list.rows.len();
        if n == 0 {
            return;
        }
        let cur = self.list.selected as isize;
        self.list.selected = (cur + by).clamp(0, n as isize - 1) as usize;
        self.clamp_list();
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

    fn act(&mut self, a: Action, state: &CaseState) -> Vec<Effect> {
        let page = list_rows(self.size.1, self.focus).max(1) as isize;
        let text_focus = self.focus == Pane::Text;
        match (a, self.screen) {
            (Action::Quit, _) => self.quit = true,
            (Action::Help, _) => self.help = true,
            (Action::SwitchLang, _) => self.ask = Some(Ask::Lang),
            (Action::Dashboard, _) => self.go(Screen::Dashboard),
            (Action::Step(1), _) => self.go(Screen::Evidence),
            (Action::Step(n), _) => self.go(Screen::Step(n)),
            (Action::Checklist, _) => self.go(Screen::Checklist),
            (Action::Profile, _) => self.go(Screen::Profile),
            (Action::NewCall, _) => self.form = Some(Form::new_entry(EvidenceKind::Call, self.now())),
            (Action::NewEntry, _) => self.form = Some(Form::new_entry(EvidenceKind::Sms, self.now())),
            (Action::Up, Screen::Dashboard) => self.dash_sel = self.dash_sel.saturating_sub(1),
            (Action::Down, Screen::Dashboard) => self.dash_sel = (self.dash_sel + 1).min(DASH_ROWS.len() - 1),
            (Action::Open, Screen::Dashboard) => match DASH_ROWS.get(self.dash_sel) {
                Some(Screen::Export) => return self.act(Action::Export, state),
                Some(s) => self.go(*s),
                None => {}
            },
            (Action::Focus, Screen::Evidence | Screen::Step(2)) => {
                self.focus = match self.focus {
                    Pane::List => Pane::Text,
                    Pane::Text => Pane::List,
                };
                self.clamp_list();
            }
            (Action::Up, Screen::Evidence | Screen::Step(2)) if text_focus => {
                self.scroll = self.scroll.saturating_sub(1)
            }
            (Action::Down, Screen::Evidence | Screen::Step(2)) if text_focus => {
                self.scroll = self.scroll.saturating_add(1)
            }
            (Action::PageUp, Screen::Evidence) if text_focus => {
                self.scroll = self.scroll.saturating_sub(page as u16)
            }
            (Action::PageDown, Screen::Evidence) if text_focus => {
                self.scroll = self.scroll.saturating_add(page as u16)
            }
            (Action::Up, Screen::Evidence) => self.move_list(-1),
            (Action::Down, Screen::Evidence) => self.move_list(1),
            (Action::PageUp, Screen::Evidence) => self.move_list(-page),
            (Action::PageDown, Screen::Evidence) => self.move_list(page),
            (Action::Top, Screen::Evidence) => self.move_list(-(self.list.rows.len() as isize)),
            (Action::Bottom, Screen::Evidence) => self.move_list(self.list.rows.len() as isize),
            (Action::Open, Screen::Evidence) => {
                if let Some(id) = self.selected_entry(state) {
                    self.go(Screen::Detail(id));
                }
            }
            (Action::Search, Screen::Evidence) => self.list.searching = true,
            (Action::Filter, Screen::Evidence) => {
                let all = EvidenceKind::ALL;
                self.list.kind = match self.list.kind {
                    None => all.first().copied(),
                    Some(k) => all
                        .iter()
                        .position(|x| *x == k)
                        .and_then(|i| all.get(i + 1))
                        .copied(),
                };
                self.list.selected = 0;
                self.list.offset = 0;
            }
            (Action::OneCounterpart, Screen::Evidence) => {
                self.list.counterpart = match (&self.list.counterpart, self.selected_entry(state)) {
                    (Some(_), _) | (None, None) => None,
                    (None, Some(id)) => state
                        .entry(id)
                        .filter(|e| !e.current.counterpart.is_empty())
                        .map(|e| (e.current.counterpart.clone(), e.counterpart_id())),
                };
                self.list.selected = 0;
                self.list.offset = 0;
            }
            (Action::ImportBill, Screen::Evidence) => self.form = Some(Form::import_bill()),
            (Action::Up, Screen::Bill) => {
                if let Some(v) = self.bill.as_mut() {
                    v.sel = v.sel.saturating_sub(1);
                }
            }
            (Action::Down, Screen::Bill) => {
                if let Some(v) = self.bill.as_mut() {
                    v.sel = (v.sel + 1).min(v.pickable.len().saturating_sub(1));
                }
            }
            (Action::Tick, Screen::Bill) => {
                if let Some(t) = self.bill.as_mut().and_then(|v| v.ticked.get_mut(v.sel)) {
                    *t = !*t;
                }
            }
            (Action::Open, Screen::Bill) => {
                let Some(v) = &self.bill else {
                    return Vec::new();
                };
                let picked = v.picked();
                if picked.rows.is_empty() {
                    self.status = Some((self.s.bill_none_ticked.to_string(), true));
                    return Vec::new();
                }
                return vec![Effect::RecordBill(v.path.clone(), picked)];
            }
            (Action::Back, Screen::Bill) => {
                self.bill = None;
                self.go(Screen::Evidence);
            }
            (Action::Back, Screen::Detail(_)) => {
                let back = self.back;
                self.go(back);
            }
            (Action::Back, Screen::Text(TextView::Warning)) => self.go(Screen::Step(3)),
            (Action::Back, Screen::Text(TextView::Brief)) => self.go(Screen::Step(4)),
            (Action::Back, Screen::Text(TextView::How(_))) => self.go(Screen::Checklist),
            (Action::How, Screen::Checklist) => self.go(Screen::Text(TextView::How(self.check_sel))),
            (Action::Export, _) => {
                self.go(Screen::Export);
                self.form = Some(Form::export(&self.export.choice));
            }
            (Action::Open, Screen::Export) if self.export.status != ExportStatus::Running => {
                self.form = Some(Form::export(&self.export.choice));
            }
            (Action::OpenPacket, Screen::Export) => {
                if let Some(path) = self.packet_to_open() {
                    return vec![Effect::OpenFile(path)];
                }
            }
            (Action::CopyWarning, Screen::Step(3) | Screen::Text(TextView::Warning)) => {
                self.status = Some((self.s.copied.to_string(), false));
                return vec![Effect::Copy(crate::letters::brief::warning_message(
                    state, self.lang,
                ))];
            }
            (Action::Narrative, _) => {
                let current = state.narrative.as_ref().map(|(t, _)| t.as_str()).unwrap_or("");
                self.form = Some(Form::narrative(current));
            }
            (Action::AddRecord, Screen::Step(n)) => {
                let now = self.now();
                self.form = Some(match n {
                    2 => Form::add_report(now),
                    3 => Form::add_warning(now),
                    _ => Form::add_consultation(now),
                });
            }
            (Action::UpdateReport, Screen::Step(2)) => match state.reports.get(self.report_sel) {
                Some(r) => self.form = Some(Form::update_report(r, self.now())),
                // Pressed before anything was recorded: said, not silently ignored.
                None => self.status = Some((self.s.no_report_yet.to_string(), true)),
            },
            (Action::Open, Screen::Step(2)) if !state.reports.is_empty() => {
                self.report_history = !self.report_history
            }
            (Action::Up, Screen::Step(n @ (3 | 4))) if step_records(state, n).next().is_some() => {
                let last = step_records(state, n).count() - 1;
                self.record_sel = self.record_sel.min(last).saturating_sub(1)
            }
            (Action::Down, Screen::Step(n @ (3 | 4))) if step_records(state, n).next().is_some() => {
                self.record_sel = (self.record_sel + 1).min(step_records(state, n).count() - 1)
            }
            (Action::Correct | Action::Retract, Screen::Step(n @ (3 | 4))) => {
                let last = step_records(state, n).count().saturating_sub(1);
                let Some(id) = step_records(state, n)
                    .nth(self.record_sel.min(last))
                    .map(str::to_string)
                else {
                    let why = if n == 3 {
                        self.s.no_warning_yet
                    } else {
                        self.s.no_consultation_yet
                    };
                    self.status = Some((why.to_string(), true));
                    return Vec::new();
                };
                let withdrawn = match n {
                    3 => state.warning_retracted(&id),
                    _ => state.consultation_retracted(&id),
                };
                if withdrawn {
                    let why = crate::case::CaseError::RecordRetracted(id).screen_message(self.lang);
                    self.status = Some((why, true));
                    return Vec::new();
                }
                let now = self.now();
                self.form = match (a, n) {
                    (Action::Retract, _) => Some(Form::retract_record(&id)),
                    (_, 3) => state
                        .warning(&id)
                        .map(|(_, w)| Form::correct_warning(&id, w, now)),
                    _ => state
                        .consultation(&id)
                        .map(|(_, c)| Form::correct_consultation(&id, c, now)),
                };
            }
            (Action::Up, Screen::Step(2)) if !state.reports.is_empty() => {
                self.report_sel = self.report_sel.saturating_sub(1)
            }
            (Action::Down, Screen::Step(2)) if !state.reports.is_empty() => {
                self.report_sel = (self.report_sel + 1).min(state.reports.len() - 1)
            }
            (
                Action::Up
                | Action::Down
                | Action::Open
                | Action::Back
                | Action::SaveLetter
                | Action::MarkSent
                | Action::PageUp
                | Action::PageDown,
                Screen::Letters,
            ) => return self.letters_act(a, state),
            (Action::ShowText(v), _) => self.go(Screen::Text(v)),
            (Action::PageUp, Screen::Step(_) | Screen::Text(_) | Screen::Export) => {
                self.scroll = self.scroll.saturating_sub(page as u16)
            }
            (Action::PageDown, Screen::Step(_) | Screen::Text(_)) => {
                self.scroll = self.scroll.saturating_add(page as u16).min(self.text_end(state))
            }
            (Action::PageDown, Screen::Export) => self.scroll = self.scroll.saturating_add(page as u16),
            (Action::Top, Screen::Step(_) | Screen::Text(_)) => self.scroll = 0,
            (Action::Bottom, Screen::Step(_) | Screen::Text(_)) => self.scroll = self.text_end(state),
            (Action::Back, _) => self.go(Screen::Dashboard),
            (Action::Up, Screen::Detail(_) | Screen::Step(_) | Screen::Text(_) | Screen::Export) => {
                self.scroll = self.scroll.saturating_sub(1)
            }
            (Action::Down, Screen::Detail(_) | Screen::Step(_) | Screen::Text(_) | Screen::Export) => {
                self.scroll = self.scroll.saturating_add(1)
            }
            (Action::Correct, Screen::Detail(id)) if self.detail_retracted => {
                let why = crate::case::CaseError::Retracted(id).screen_message(self.lang);
                self.status = Some((why, true));
            }
            (Action::Correct, Screen::Detail(id)) => {
                if let Some(e) = state.entry(id).filter(|e| e.retracted.is_none()) {
                    self.form = Some(Form::correct(id, &e.current, self.now()));
                }
            }
            (Action::Retract, Screen::Detail(id))
                if state.entry(id).is_some_and(|e| e.retracted.is_none()) =>
            {
                self.form = Some(Form::retract(id));
            }
            (Action::Attach, Screen::Detail(id))
                if state.entry(id).is_some_and(|e| e.retracted.is_none()) =>
            {
                self.form = Some(Form::attach(id));
            }
            (Action::Up, Screen::Checklist) => self.check_sel = self.check_sel.saturating_sub(1),
            (Action::Down, Screen::Checklist) => {
                self.check_sel = (self.check_sel + 1).min(checklist_len().saturating_sub(1))
            }
            (Action::Tick, Screen::Checklist) => {
                if let Some(id) = checklist_id(self.check_sel) {
                    if let Some(rec) = done_by_record(state, id) {
                        self.status = Some((fill(self.s.tick_by_record, &[&rec]), false));
                        return Vec::new();
                    }
                    return vec![Effect::Tick(
                        id.as_str().to_string(),
                        !state.is_ticked(id.as_str()),
                    )];
                }
            }
            (Action::EditProfile, Screen::Profile) => self.form = Some(Form::profile(&state.profile)),
            (Action::Letters, _) => {
                self.go(Screen::Letters);
                self.letters.open = None;
            }
            _ => {}
        }
        Vec::new()
    }

    fn form_key(&mut self, k: KeyEvent, action: Option<Action>) -> Vec<Effect> {
        let lang = self.lang;
        let s = self.s;
        let Some(form) = self.form.as_mut() else {
            return Vec::new();
        };
        if form.pending {
            return Vec::new();
        }
        match action {
            Some(Action::Submit) => {
                form.notice = None;
                return match form.submit() {
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
                        let message = e.screen_message(lang);
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

/// The ids of step `n`'s records (3: warned contacts, 4: consultations), in order.
pub fn step_records(state: &CaseState, n: u8) -> Box<dyn Iterator<Item = &str> + '_> {
    match n {
        3 => Box::new(state.warnings.iter().map(|(id, _)| id.as_str())),
        _ => Box::new(state.consultations.iter().map(|(id, _)| id.as_str())),
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
