//! Runs the app against a real case: performs the effects `App::update` returns with the
//! case API and feeds the outcomes back, and folds lines other processes appended.

use crate::case::{Case, CaseError};
use crate::tui::app::{App, Effect, Msg};

/// The app and the case it works on.
#[derive(Debug)]
pub struct Wizard {
    /// The UI state.
    pub app: App,
    /// The case.
    pub case: Case,
}

impl Wizard {
    /// Pairs an app with its case.
    pub fn new(app: App, case: Case) -> Wizard {
        let mut w = Wizard { app, case };
        w.app.sync(w.case.state());
        w
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
            Effect::Tick(item, done) => self.case.tick(&item, done).map(|_| Msg::Saved(None)),
        };
        result.unwrap_or_else(|e| Msg::Failed(e.message(lang)))
    }

    /// Folds lines other processes appended; cheap when there are none (one `stat`).
    pub fn poll(&mut self) {
        match self.case.refresh() {
            Ok(0) => {}
            Ok(n) => self.handle(Msg::Refreshed(n)),
            Err(e) => {
                let text = e.message(self.app.lang);
                self.handle(Msg::Failed(text));
            }
        }
    }
}
