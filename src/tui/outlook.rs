//! What the wizard's advice turns on — the case's signals and the account to stop, the
//! letters that fit the case and the letter opened on the letters screen — worked out once per
//! change of the case, not once per frame: each reads every entry (the letters rank the
//! leads), and a large case is drawn many times between changes. One cache for all of it, so
//! every screen reads the same facts.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use crate::case::CaseState;
use crate::case::signals::{case_signals, receiving_account};
use crate::guide::{CaseSignals, Guide, Lang};
use crate::letters::{Letter, LetterError, LetterRequest, make};
use crate::tui::letters::{Choice, choices};

/// A letter made from the case as it stands, or why it cannot be made.
pub type Made = Rc<Result<Letter, LetterError>>;

/// The facts the advice turns on. The signals and the account are worked out with the
/// outlook; the letters only when a screen first asks for them (the dashboard never does).
#[derive(Debug)]
pub struct Outlook {
    /// What the records say, for `guide::recommend`.
    pub signals: CaseSignals,
    /// The receiving account of the newest loss, for the emergency stop.
    pub receiving_account: Option<String>,
    /// The letters in the order that fits the case.
    letters: OnceCell<Vec<Choice>>,
    /// The letter last made for the letters screen, by what was asked.
    letter: RefCell<Option<(LetterRequest, Made)>>,
}

impl Outlook {
    fn of(state: &CaseState) -> Outlook {
        Outlook {
            signals: case_signals(state),
            receiving_account: receiving_account(state),
            letters: OnceCell::new(),
            letter: RefCell::new(None),
        }
    }

    /// The letters screen's rows, recommended ones first. `state` must be the state this
    /// outlook was taken from (`OutlookCache::of`); the leads are ranked once per change.
    pub fn letters(&self, state: &CaseState) -> &[Choice] {
        self.letters.get_or_init(|| choices(state, &self.signals))
    }

    /// The letter `req` asks for, made from `state` (the state this outlook was taken from)
    /// with the Chinese guide; made again only when the request or the case changes.
    pub fn letter(&self, state: &CaseState, req: &LetterRequest) -> Made {
        if let Some((asked, made)) = &*self.letter.borrow()
            && asked == req
        {
            return Rc::clone(made);
        }
        let made = Rc::new(make(state, Guide::get(Lang::Zh), req));
        *self.letter.borrow_mut() = Some((req.clone(), Rc::clone(&made)));
        made
    }
}

/// The outlook of the case as last seen, by its fingerprint (lines folded and head hash),
/// which changes with every event.
#[derive(Debug, Default)]
pub struct OutlookCache {
    last: RefCell<Option<(u64, String, Rc<Outlook>)>>,
    worked_out: Cell<u64>,
}

impl OutlookCache {
    /// The outlook of `state`, worked out again only when the journal has changed.
    pub fn of(&self, state: &CaseState) -> Rc<Outlook> {
        let fp = &state.fingerprint;
        if let Some((count, head, o)) = &*self.last.borrow()
            && *count == fp.count
            && *head == fp.head
        {
            return Rc::clone(o);
        }
        let o = Rc::new(Outlook::of(state));
        self.worked_out.set(self.worked_out.get() + 1);
        *self.last.borrow_mut() = Some((fp.count, fp.head.clone(), Rc::clone(&o)));
        o
    }

    /// How many times an outlook was worked out: once per change of the case seen.
    pub fn worked_out(&self) -> u64 {
        self.worked_out.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Case;

    #[test]
    fn the_outlook_follows_each_change_of_the_case() {
        let tmp = tempfile::tempdir().expect("tmp");
        let mut case = Case::open(tmp.path()).expect("case");
        let cache = OutlookCache::default();
        assert!(!cache.of(case.state()).signals.money_lost);
        let draft = crate::case::draft::EvidenceDraft {
            kind: Some(crate::case::event::EvidenceKind::Call),
            counterpart: "13800138000".into(),
            lost: "5000".into(),
            ..Default::default()
        };
        let now = jiff::ZonedDateTime::now();
        case.log(draft.validate(&now).expect("valid"), &[])
            .expect("logged");
        let o = cache.of(case.state());
        assert!(o.signals.money_lost, "a loss logged after the first look is seen");
        assert_eq!(o.signals.calls, 1);
        assert_eq!(cache.worked_out(), 2);
    }
}
