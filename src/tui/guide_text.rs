//! What the wizard shows from the guide content (`leakaid::guide`): the checklist items with
//! their stable ids, and each step's guidance as lines of text.

use crate::guide::{ChecklistId, Guide, Sourced, StepId, Wording};
use crate::i18n::Lang;

/// Checklist items suggested first as "next" when not yet done.
const URGENT: [ChecklistId; 4] = [
    ChecklistId::ChangePasswords,
    ChecklistId::CallBank,
    ChecklistId::CheckPhoneNumbers,
    ChecklistId::CheckBankCards,
];

/// The step with this number (1–4).
pub fn step_id(n: u8) -> StepId {
    match n {
        1 => StepId::CollectEvidence,
        2 => StepId::Report,
        3 => StepId::WarnContacts,
        _ => StepId::ConsultLawyer,
    }
}

/// All checklist items as (id, title as it may be shown, step number).
pub fn checklist(lang: Lang) -> Vec<(&'static str, String, u8)> {
    let g = Guide::get(lang);
    g.checklist()
        .iter()
        .map(|c| (c.id.as_str(), g.display(c).into_owned(), c.step.number()))
        .collect()
}

/// How many checklist items there are.
pub fn checklist_len() -> usize {
    Guide::get(Lang::Zh).checklist().len()
}

/// The id of the `i`-th checklist item.
pub fn checklist_id(i: usize) -> Option<&'static str> {
    Guide::get(Lang::Zh).checklist().get(i).map(|c| c.id.as_str())
}

/// The names of the guide's reporting channels, in the guide's order.
pub fn channel_names(lang: Lang) -> Vec<String> {
    Guide::get(lang)
        .channels()
        .iter()
        .map(|c| c.name.clone())
        .collect()
}

/// The first urgent item not yet done, as shown.
pub fn first_urgent(lang: Lang, done: impl Fn(&str) -> bool) -> Option<String> {
    let g = Guide::get(lang);
    URGENT
        .iter()
        .map(|id| g.checklist_item(*id))
        .find(|c| !done(c.id.as_str()))
        .map(|c| g.display(c).into_owned())
}

/// The guidance of step `n` as paragraphs: what it is for, what to do, what to prepare,
/// mistakes to avoid, and for step 2 the channels, for step 4 the legal basis.
pub fn guidance(n: u8, lang: Lang, today: jiff::civil::Date) -> Vec<(bool, String)> {
    let g = Guide::get(lang);
    let step = g.step(step_id(n));
    let mut out = vec![(false, step.hedged(&step.purpose, lang).into_owned())];
    // A bullet without a space after it: Chinese text has no spaces, so "- " would let the
    // word wrapper break right after the dash and leave it alone on its line.
    let bullet = lang.pick("・", "- ");
    let mut section = |title: &str, items: &[String]| {
        if items.is_empty() {
            return;
        }
        out.push((true, title.to_string()));
        for i in items {
            out.push((false, format!("{bullet}{i}")));
        }
    };
    section(lang.pick("要做的事", "What to do"), &step.todo);
    section(lang.pick("要准备的", "What to prepare"), &step.prepare);
    section(lang.pick("容易犯的错", "Mistakes to avoid"), &step.mistakes);
    if n == 2 {
        out.push((true, lang.pick("报案、举报渠道", "Where to report").to_string()));
        for c in g.channels() {
            out.push((
                false,
                format!("{bullet}{}: {}", g.display(c), c.contact_shown(lang).join(" / ")),
            ));
            out.push((false, format!("  {}", c.handles)));
        }
        let p = g.police();
        out.push((
            true,
            lang.pick("去派出所报案", "At the police station").to_string(),
        ));
        out.push((false, p.intro.clone()));
        for b in &p.bring {
            out.push((false, format!("{bullet}{b}")));
        }
    }
    if n == 4 {
        out.push((true, lang.pick("法律依据", "Legal basis").to_string()));
        for a in g.laws_on(today) {
            // The wizard shows every provision in plain words, labelled as a summary (要旨): only
            // a checked exact quote may stand as the article itself, and that is for letters.
            let plain = Wording::Summary(&a.law.summary).printed(lang);
            out.push((false, format!("{bullet}{} {plain}", a.display(lang))));
        }
    }
    out
}
