//! Runs the app against a real case: performs the effects `App::update` returns with the
//! case API and feeds the outcomes back, and folds lines other processes appended.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::case::steps::{ConsultationPatch, WarningPatch};
use crate::case::{AmendableId, Case, CaseError};
use crate::config::Config;
use crate::pdf::export::{PacketJob, PacketRequest, export_to_folder};
use crate::pdf::visible::{copy_for_user, visible_folder};
use crate::tui::clipboard::{SystemClipboard, copy};
use crate::tui::form::ExportChoice;
use crate::tui::message::{Effect, Msg};
use crate::tui::model::App;

/// Where the wizard copies a packet it made, for the user to find and print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyTo {
    /// The Desktop, else Downloads (`pdf::visible::visible_folder`).
    Visible,
    /// This folder.
    Folder(PathBuf),
    /// No copy.
    Off,
}

/// The app and the case it works on.
#[derive(Debug)]
pub struct Wizard {
    /// The UI state.
    pub app: App,
    /// The case.
    pub case: Case,
    /// The export worker's answer, while one runs.
    worker: Option<Receiver<Msg>>,
    /// The letter worker's answer, while one runs.
    letter_worker: Option<Receiver<Msg>>,
    /// The evidence folder's worker's answer, while one runs.
    bundle_worker: Option<Receiver<Msg>>,
    /// The data folder whose config.toml keeps settings (none for the demo).
    settings: Option<PathBuf>,
    /// Where a packet is copied after it is made.
    pub copy_to: CopyTo,
    /// The text last put on the clipboard.
    pub clipboard: Option<String>,
    /// Put copied text on the real clipboards (the system's, else the terminal's through
    /// OSC 52); off where there is no terminal (tests).
    pub osc52: bool,
    /// The system clipboard, kept open while the wizard runs.
    system_clipboard: SystemClipboard,
}

impl Wizard {
    /// Pairs an app with its case.
    pub fn new(app: App, case: Case) -> Wizard {
        let mut w = Wizard {
            app,
            case,
            worker: None,
            letter_worker: None,
            bundle_worker: None,
            settings: None,
            copy_to: CopyTo::Visible,
            clipboard: None,
            osc52: false,
            system_clipboard: SystemClipboard::default(),
        };
        if w.app.loading.take().is_some() {
            w.app.status = None;
        }
        w.app.sync(w.case.state());
        w
    }

    /// Runs the keys and pastes that came while the case was read, in order.
    pub fn run_waiting(&mut self) {
        for msg in std::mem::take(&mut self.app.waiting) {
            self.handle(msg);
        }
    }

    /// Keeps settings (the language) in `root`/config.toml from now on, and follows the
    /// Desktop-copy setting found there (on unless it says `copy_to_desktop = false`).
    pub fn remember_settings_in(mut self, root: PathBuf) -> Wizard {
        let config = Config::load(&root);
        if !config.copy_in_wizard() {
            self.copy_to = CopyTo::Off;
        }
        self.app.last_backup = config.backups.get(&self.app.case_name).cloned();
        self.settings = Some(root);
        self
    }

    /// Handles one message, performing every effect it causes.
    pub fn handle(&mut self, msg: Msg) {
        let mut queue = vec![msg];
        while let Some(m) = queue.pop() {
            for effect in self.app.update(m, self.case.state()) {
                queue.push(self.perform(effect));
            }
        }
    }

    fn perform(&mut self, effect: Effect) -> Msg {
        let lang = self.app.lang;
        let result: Result<Msg, CaseError> = match effect {
            Effect::Log(fields) => self.case.log(fields, &[]).map(|(id, _)| Msg::Saved(Some(id))),
            Effect::Correct(id, patch, reason) => {
                self.case.correct(id, patch, &reason).map(|_| Msg::Saved(None))
            }
            Effect::Retract(id, reason) => self.case.retract(id, &reason).map(|_| Msg::Saved(None)),
            Effect::Attach(id, path) => self.case.attach(id, &[path]).map(|_| Msg::Saved(None)),
            Effect::SetProfile(patch) => self.case.set_profile(patch).map(|_| Msg::Saved(None)),
            Effect::Tick(item, done) => self.case.tick(item.as_str(), done).map(|_| Msg::Saved(None)),
            Effect::AddReport(f) => self.case.add_report(f).map(Msg::SavedRecord),
            Effect::UpdateReport(id, p) => self
                .case
                .update_report(&id, p)
                .map(|_| Msg::SavedRecord(id.to_string())),
            Effect::AddWarning(f) => self.case.add_warning(f).map(Msg::SavedRecord),
            Effect::AddConsultation(f) => self.case.add_consultation(f).map(Msg::SavedRecord),
            Effect::CorrectWarning(id, p, reason) => {
                self.case.correct_record(&id, p, &reason).map(Msg::SavedRecord)
            }
            Effect::CorrectConsultation(id, p, reason) => {
                self.case.correct_record(&id, p, &reason).map(Msg::SavedRecord)
            }
            Effect::RetractRecord(AmendableId::Consultation(id), reason) => self
                .case
                .retract_record::<ConsultationPatch>(&id, &reason)
                .map(Msg::SavedRecord),
            Effect::RetractRecord(AmendableId::Warning(id), reason) => self
                .case
                .retract_record::<WarningPatch>(&id, &reason)
                .map(Msg::SavedRecord),
            Effect::SetNarrative(t) => self.case.set_narrative(&t).map(|_| Msg::Saved(None)),
            Effect::Export(choice) => Ok(self.start_export(&choice)),
            Effect::Bundle(choice) => Ok(self.start_bundle(&choice)),
            Effect::OpenFile(path) => Ok(Msg::Opened(open_file(&path))),
            Effect::Copy(text) => {
                if self.osc52 {
                    let system = &mut self.system_clipboard;
                    copy(&text, |t| system.set(t), &mut std::io::stdout());
                }
                self.clipboard = Some(text);
                Ok(Msg::Copied)
            }
            Effect::SaveLetter(order) => Ok(self.start_letter(order)),
            Effect::ReadBill(path) => Ok(read_bill(path, lang)),
            Effect::RecordBill(path, bill) => {
                let now = self
                    .case
                    .now()
                    .timestamp()
                    .to_zoned_datetime(crate::localtime::beijing());
                bill.rows
                    .iter()
                    .map(|row| crate::case::bill::transfer_fields(&bill, row, None, &now))
                    .collect::<Result<Vec<_>, _>>()
                    .and_then(|fields| self.case.log_transfers(fields, &path))
                    .map(Msg::BillRecorded)
            }
            Effect::SaveLang(new) => {
                let kept = self.settings.as_deref().is_some_and(|root| {
                    let mut c = Config::load(root);
                    c.lang = Some(new);
                    c.save(root).is_ok()
                });
                Ok(Msg::SettingSaved(kept))
            }
        };
        result.unwrap_or_else(|e| Msg::Failed(crate::tui::case_errors::case_error(&e, lang)))
    }

    /// Snapshots the case and renders + writes the packet on a worker thread, the same code
    /// path as `leakaid export pdf`; the answer comes back through [`Wizard::poll`].
    fn start_export(&mut self, choice: &ExportChoice) -> Msg {
        if self.worker.is_some() {
            return Msg::ExportStarted;
        }
        let job = PacketJob::from_case(
            &self.case,
            &PacketRequest {
                lang: choice.lang,
                ui: self.app.lang,
                redact: choice.redact,
                mask_name: choice.redact && choice.mask_name,
                agency: Some(choice.agency.clone()),
                print_date: (self.app.clock)().date(),
            },
        );
        let dir = self.case.exports_dir();
        let case_dir = self.case.dir().to_path_buf();
        let (name, copy_to) = (self.file_name(), self.copy_folder());
        let lang = self.app.lang;
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("leakaid-export".into())
            .spawn(move || {
                let made = export_to_folder(&job, &case_dir, &dir, &name);
                let copy = match (&made, copy_to) {
                    (Ok(done), Some(folder)) => Some(copy_for_user(&done.path, folder, lang)),
                    _ => None,
                };
                let _ = tx.send(Msg::Exported(made, copy));
            });
        match spawned {
            Ok(_) => {
                self.worker = Some(rx);
                Msg::ExportStarted
            }
            Err(e) => Msg::Exported(Err(e.to_string()), None),
        }
    }

    /// Makes the evidence folder on a worker thread, the same code path as `leakaid export
    /// bundle`, where the packet's copy goes (the Desktop, else Downloads, or the folder
    /// chosen), else in the case's exports folder; the answer comes back through
    /// [`Wizard::poll`].
    fn start_bundle(&mut self, choice: &ExportChoice) -> Msg {
        if self.bundle_worker.is_some() {
            return Msg::BundleStarted;
        }
        let job = PacketJob::from_case(
            &self.case,
            &PacketRequest {
                lang: choice.lang,
                ui: self.app.lang,
                redact: choice.redact,
                mask_name: false,
                agency: Some(choice.agency.clone()),
                print_date: (self.app.clock)().date(),
            },
        );
        let case_dir = self.case.dir().to_path_buf();
        let parent = match self.copy_folder() {
            Some(Some(folder)) => folder,
            _ => self.case.exports_dir(),
        };
        let name = self.file_name();
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("leakaid-bundle".into())
            .spawn(move || {
                let made = crate::durable::private_dir(&parent)
                    .map_err(|e| crate::pdf::export::write_failure(job.ui, &parent, &e))
                    .and_then(|()| crate::bundle::make_in_folder(job, &case_dir, &parent, &name));
                let _ = tx.send(Msg::Bundled(made));
            });
        match spawned {
            Ok(_) => {
                self.bundle_worker = Some(rx);
                Msg::BundleStarted
            }
            Err(e) => Msg::Bundled(Err(e.to_string())),
        }
    }

    /// Makes and saves a letter (PDF and text in the exports folder, copies where the packet's
    /// copy goes) on a worker thread from a snapshot of the case; the answer comes back
    /// through [`Wizard::poll`].
    fn start_letter(&mut self, order: crate::tui::letters::LetterOrder) -> Msg {
        if self.letter_worker.is_some() {
            return Msg::LetterStarted;
        }
        let state = self.case.state().clone();
        let date = (self.app.clock)().date();
        let lang = self.app.lang;
        let dir = self.case.exports_dir();
        let (name, copy_to) = (self.file_name(), self.copy_folder());
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("leakaid-letter".into())
            .spawn(move || {
                let saved =
                    crate::tui::letters::save_letter(&state, &order, date, lang, &dir, &name, copy_to);
                let _ = tx.send(Msg::LetterSaved(saved));
            });
        match spawned {
            Ok(_) => {
                self.letter_worker = Some(rx);
                Msg::LetterStarted
            }
            Err(e) => Msg::LetterSaved(Err(e.to_string())),
        }
    }

    /// True while a letter is being made.
    pub fn saving_letter(&self) -> bool {
        self.letter_worker.is_some()
    }

    /// The case's name in the files it makes. The demo's folder has a long temporary name; its
    /// files are called "demo".
    fn file_name(&self) -> String {
        if self.app.demo {
            "demo".to_string()
        } else {
            self.app.case_name.clone()
        }
    }

    /// Where a file made is copied for the user: `None` for no copy, `Some(None)` when no
    /// Desktop or Downloads folder was found.
    fn copy_folder(&self) -> Option<Option<PathBuf>> {
        match &self.copy_to {
            CopyTo::Visible => Some(visible_folder()),
            CopyTo::Folder(f) => Some(Some(f.clone())),
            CopyTo::Off => None,
        }
    }

    /// True while the evidence folder's worker runs.
    pub fn bundling(&self) -> bool {
        self.bundle_worker.is_some()
    }

    /// True while the export worker runs.
    pub fn exporting(&self) -> bool {
        self.worker.is_some()
    }

    /// Takes the export worker's answer if it is there, and folds lines other processes
    /// appended (cheap when there are none: one `stat`).
    pub fn poll(&mut self) {
        let lost = self.app.lang.pick(
            "生成报案材料时出错了，请再试一次。",
            "Making the packet failed; please try again.",
        );
        if let Some(msg) = answer(&mut self.worker, lost, |t| Msg::Exported(Err(t), None)) {
            self.handle(msg);
        }
        let lost = self.app.lang.pick(
            "生成电子证据文件夹时出错了，请再试一次。",
            "Making the evidence folder failed; please try again.",
        );
        if let Some(msg) = answer(&mut self.bundle_worker, lost, |t| Msg::Bundled(Err(t))) {
            self.handle(msg);
        }
        let lost = self.app.lang.pick(
            "生成信件时出错了，请再试一次。",
            "Making the letter failed; please try again.",
        );
        if let Some(msg) = answer(&mut self.letter_worker, lost, |t| Msg::LetterSaved(Err(t))) {
            self.handle(msg);
        }
        self.poll_journal();
    }

    fn poll_journal(&mut self) {
        match self.case.refresh() {
            Ok(0) => {}
            Ok(n) => self.handle(Msg::Refreshed(n)),
            Err(e) => {
                let text = crate::tui::case_errors::case_error(&e, self.app.lang);
                self.handle(Msg::Failed(text));
            }
        }
    }
}

/// Opens `path` with the system's program for it; `false` when there is no graphical desktop
/// or nothing could open it (the screen then shows the path instead).
fn open_file(path: &std::path::Path) -> bool {
    let has_desktop = cfg!(any(target_os = "windows", target_os = "macos"))
        || std::env::var_os("DISPLAY").is_some()
        || std::env::var_os("WAYLAND_DISPLAY").is_some();
    has_desktop && open::that_detached(path).is_ok()
}

/// Reads and parses a bill file for the wizard: the rows, or the sentence saying why not.
fn read_bill(path: PathBuf, lang: crate::i18n::Lang) -> Msg {
    let read = crate::userfile::read(&path, crate::userfile::Purpose::Bill)
        .map_err(|e| e.message(lang))
        .and_then(|bytes| crate::evidence::bill::read(&bytes).map_err(|e| e.message(lang)));
    Msg::BillRead(path, read)
}

/// The answer of a worker thread, if it has come: its message, or, when the thread ended
/// without one, `lost` in the message `failed` makes. The slot is emptied either way.
fn answer(slot: &mut Option<Receiver<Msg>>, lost: &str, failed: impl Fn(String) -> Msg) -> Option<Msg> {
    let got = match slot.as_ref()?.try_recv() {
        Ok(msg) => msg,
        Err(TryRecvError::Empty) => return None,
        Err(TryRecvError::Disconnected) => failed(lost.to_string()),
    };
    *slot = None;
    Some(got)
}
