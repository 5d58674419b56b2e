//! What the dashboard's and step 2's advice turns on — the case's signals and the account to
//! stop — worked out once per change of the case, not once per frame: both read every entry,
//! and a large case is drawn many times between changes.

use std::cell::RefCell;
use std::rc::Rc;

use crate::case::CaseState;
use crate::case::signals::{case_signals, receiving_account};
use crate::guide::CaseSignals;

/// The facts the advice turns on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlook {
    /// What the records say, for `guide::recommend`.
    pub signals: CaseSignals,
    /// The receiving account of the newest loss, for the emergency stop.
    pub receiving_account: Option<String>,
}

/// The outlook of the case as last seen, by its fingerprint (lines folded and head hash),
/// which changes with every event.
#[derive(Debug, Default)]
pub struct OutlookCache(RefCell<Option<(u64, String, Rc<Outlook>)>>);

impl OutlookCache {
    /// The outlook of `state`, worked out again only when the journal has changed.
    pub fn of(&self, state: &CaseState) -> Rc<Outlook> {
        let fp = &state.fingerprint;
        if let Some((count, head, o)) = &*self.0.borrow()
            && *count == fp.count
            && *head == fp.head
        {
            return Rc::clone(o);
        }
        let o = Rc::new(Outlook {
            signals: case_signals(state),
            receiving_account: receiving_account(state),
        });
        *self.0.borrow_mut() = Some((fp.count, fp.head.clone(), Rc::clone(&o)));
        o
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
    }
}
